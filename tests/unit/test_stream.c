/* test_stream.c - the extract stream's per-cell extents (lib/ptext.c) and
 * what the normalizer makes of them: the rows of a fixed-height export
 * whose long labels overflow, centred, into the rows above and below. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/ptext.h"
#include "../../lib/rules.h"
#include "../../lib/table.h"
#include "../../normalize/normalize.h"

static gk_doc *read_doc(const char *text, char **err)
{
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	cr_assert_not_null(f);
	gk_doc *d = NULL;
	*err = NULL;
	int rc = gk_doc_read(f, &d, err);
	fclose(f);
	return rc == 1 ? d : NULL;
}

Test(stream, cell_extent_round_trip)
{
	gk_doc *d = gk_doc_new();
	gk_doc_add_page(d, 792, 612);
	gk_line *l = gk_doc_add_line(d, 1, 130.41, 143.14, 8.41, GK_GEOM_POS);
	gk_line_add_cell_y(l, 165.5, 215.76, 132.2, 143.14, "新乡市政务服", strlen("新乡市政务服"));
	gk_line_add_cell(l, 255, 280.78, "398.41", 6);

	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	cr_assert_eq(gk_doc_write(f, d), 0);
	fclose(f);
	cr_assert_not_null(strstr(buf, "\t165.50,215.76:132.20:143.14,新乡市政务服\t255.00,280.78,398.41\n"), "%s", buf);

	char *err;
	gk_doc *back = read_doc(buf, &err);
	cr_assert_not_null(back, "%s", err ? err : "");
	const gk_line *bl = &back->line[0];
	cr_assert_eq(bl->ncell, 2);
	cr_assert_float_eq(gk_cell_y0(bl, &bl->cell[0]), 132.2, 1e-9);
	cr_assert_float_eq(gk_cell_y1(bl, &bl->cell[0]), 143.14, 1e-9);
	/* a cell without its own extent has its line's */
	cr_assert_float_eq(gk_cell_y0(bl, &bl->cell[1]), 130.41, 1e-9);
	cr_assert_float_eq(gk_cell_y1(bl, &bl->cell[1]), 143.14, 1e-9);
	cr_assert_str_eq(bl->cell[0].text, "新乡市政务服");
	gk_doc_drop(back);
	gk_doc_drop(d);
	free(buf);
}

Test(stream, bad_cell_extent)
{
	char *err;
	gk_doc *d = read_doc("%gongkai-extract 1\nP\t1\t100\t100\nL\t1\t10\t20\t8\tpos\t1,2:15:12,x\n%end\n", &err);
	cr_assert_null(d);
	cr_assert_not_null(err);
	cr_assert_str_eq(err, "line 3: cell 1 has a bad ':y0:y1' extent");
	free(err);
	d = read_doc("%gongkai-extract 1\nL\t1\t10\t20\t8\tpos\t1,2:15,x\n%end\n", &err);
	cr_assert_null(d);
	cr_assert_not_null(strstr(err, "cell 1 has a bad ':y0:y1' extent"), "%s", err);
	free(err);
}

/* A project table as a fixed-height export prints it: rows 14 pt apart,
 * labels wrapped at 12.1 pt and centred on their row, so a three-line
 * label's first and last lines sit in the neighbouring rows, between the
 * lines of their labels. */
static const char overflow_doc[] =
	"%gongkai-extract 1\n"
	"P\t1\t792\t612\n"
	"L\t1\t67.81\t85.87\t13.89\tpos\t345.00,442.25,项目支出预算表\n"
	"L\t1\t86.32\t99.58\t10.20\tpos\t54.91,302.05,部门名称：测试局 单位：万元\n"
	"L\t1\t102.52\t113.45\t8.41\tpos\t54.91,71.71,类型\t107.00,140.64,项目名称\t165.50,199.14,项目单位\t"
	"224.11,240.93,合计\t282.71,333.17,一般公共预算\n"
	"L\t1\t130.00\t140.93\t8.41\tpos\t54.91,96.96,其他运转类\t107.00,157.44,大厅运行经费\t165.50,215.00,测试市统计局\t"
	"255.00,280.78,10.00\t313.61,339.38,10.00\n"
	"L\t1\t131.90\t142.83\t8.41\tpos\t106.90,157.12,市行政审批和\n"
	"L\t1\t144.00\t154.93\t8.41\tpos\t54.91,96.96,其他运转类\t106.90,157.15,电子监察网络\t165.50,215.00,测试市统计局\t"
	"255.00,280.78,20.00\t313.61,339.38,20.00\n"
	"L\t1\t151.95\t162.88\t8.41\tpos\t106.90,157.12,新乡市电子政\n"
	"L\t1\t156.10\t167.03\t8.41\tpos\t106.90,148.71,线路租赁费\n"
	"L\t1\t158.00\t168.93\t8.41\tpos\t54.91,96.96,其他运转类\t165.50,215.00,测试市统计局\t255.00,280.78,30.00\t"
	"313.61,339.38,30.00\n"
	"L\t1\t159.90\t170.83\t8.41\tpos\t106.90,157.12,市级电子政务\n"
	"L\t1\t164.05\t174.98\t8.41\tpos\t106.90,148.74,务外网系统\n"
	"L\t1\t172.00\t182.93\t8.41\tpos\t54.91,96.96,其他运转类\t106.90,157.12,外网线路服务\t165.50,215.00,测试市统计局\t"
	"255.00,280.78,40.00\t313.61,339.38,40.00\n"
	"L\t1\t184.10\t195.03\t8.41\tpos\t106.90,123.62,经费\n"
	"%end\n";

Test(stream, overflowing_labels_rebuilt)
{
	char *err;
	gk_doc *d = read_doc(overflow_doc, &err);
	cr_assert_not_null(d, "%s", err ? err : "");
	gk_rules *rules = gk_rules_load("rules", &err);
	cr_assert_not_null(rules, "%s", err ? err : "");
	gk_result *r = gk_normalize(d, rules, "overflow");
	gk_table *t = gk_result_find(r, "project_expenditure");
	cr_assert_not_null(t);
	static const char *want[][2] = {
		{"大厅运行经费", "10.00"},
		{"市行政审批和电子监察网络线路租赁费", "20.00"},
		{"新乡市电子政务外网系统", "30.00"},
		{"市级电子政务外网线路服务经费", "40.00"},
	};
	cr_assert_eq(t->nrow, 4, "%d rows", t->nrow);
	for (int i = 0; i < 4; i++) {
		cr_assert_str_eq(gk_table_get(t, i, "project_name"), want[i][0], "row %d", i);
		cr_assert_str_eq(gk_table_get(t, i, "total"), want[i][1], "row %d", i);
		cr_assert_str_eq(gk_table_get(t, i, "unit_name"), "测试市统计局", "row %d", i);
		cr_assert_str_eq(gk_table_get(t, i, "project_type"), "其他运转类", "row %d", i);
	}
	gk_result_drop(r);
	gk_rules_drop(rules);
	gk_doc_drop(d);
}

/* A department performance table as the same export prints it: rows
 * 14.4 pt apart, long cells wrapped at 12.5 pt and centred on their row,
 * so the notes of neighbouring rows interleave a point or two apart; the
 * short 指标值 sits on its row's centre, and a merged 一级指标 is printed
 * once. */
static const char dperf_doc[] =
	"%gongkai-extract 1\n"
	"P\t1\t792\t612\n"
	"L\t1\t270.00\t285.00\t13.89\tpos\t300.00,420.00,部门（单位）整体绩效目标表\n"
	"L\t1\t300.00\t311.32\t8.71\tpos\t54.89,89.72,一级指标\t202.79,237.62,二级指标\t350.61,385.41,三级指标\t"
	"498.40,524.50,指标值\t584.39,627.93,指标值说明\n"
	"L\t1\t317.50\t328.82\t8.71\tpos\t584.39,720.00,检查覆盖全部下属\n"
	"L\t1\t330.00\t341.32\t8.71\tpos\t54.89,89.72,产出指标\t202.79,237.62,数量指标\t350.61,420.00,完成安全检查次数\t"
	"498.40,524.73,≥30个\t584.39,720.00,单位和重点场所，\n"
	"L\t1\t338.15\t349.47\t8.71\tpos\t350.61,488.95,实现证照调用和数据共享的业务应用\n"
	"L\t1\t342.50\t355.72\t8.71\tpos\t584.39,700.00:342.50:353.82,每季度一次。\t498.40,525.42:344.40:355.72,≥10个\n"
	"L\t1\t344.40\t357.62\t8.71\tpos\t584.39,722.00:346.30:357.62,等保测评覆盖市直\t584.39,700.00:344.40:355.72,接入即可调用。\n"
	"L\t1\t350.65\t361.97\t8.71\tpos\t350.61,385.22,系统数量\n"
	"L\t1\t358.80\t370.12\t8.71\tpos\t350.61,420.00,完成等保测评\t498.40,525.42,≥5个\t584.39,722.00,各单位的重要信息\n"
	"L\t1\t366.95\t378.27\t8.71\tpos\t584.39,722.00,系统运行全年无重\n"
	"L\t1\t371.30\t382.62\t8.71\tpos\t584.39,650.00,系统。\n"
	"L\t1\t373.20\t384.52\t8.71\tpos\t202.79,237.62,质量指标\t350.61,420.00,系统运行稳定性\t498.40,516.00,稳定\n"
	"L\t1\t379.45\t390.77\t8.71\tpos\t584.39,650.00,大故障。\n"
	"%end\n";

Test(stream, performance_rows_anchored_on_targets)
{
	char *err;
	gk_doc *d = read_doc(dperf_doc, &err);
	cr_assert_not_null(d, "%s", err ? err : "");
	gk_rules *rules = gk_rules_load("rules", &err);
	cr_assert_not_null(rules, "%s", err ? err : "");
	gk_result *r = gk_normalize(d, rules, "dperf");
	gk_table *t = gk_result_find(r, "department_performance");
	cr_assert_not_null(t);
	static const char *want[][4] = {
		{"数量指标", "完成安全检查次数", "≥30个", "检查覆盖全部下属单位和重点场所，每季度一次。"},
		{"数量指标", "实现证照调用和数据共享的业务应用系统数量", "≥10个", "接入即可调用。"},
		{"数量指标", "完成等保测评", "≥5个", "等保测评覆盖市直各单位的重要信息系统。"},
		{"质量指标", "系统运行稳定性", "稳定", "系统运行全年无重大故障。"},
	};
	cr_assert_eq(t->nrow, 4, "%d rows", t->nrow);
	for (int i = 0; i < 4; i++) {
		cr_assert_str_eq(gk_table_get(t, i, "level1"), "产出指标", "row %d", i);
		cr_assert_str_eq(gk_table_get(t, i, "level2"), want[i][0], "row %d", i);
		cr_assert_str_eq(gk_table_get(t, i, "indicator"), want[i][1], "row %d", i);
		cr_assert_str_eq(gk_table_get(t, i, "target"), want[i][2], "row %d", i);
		cr_assert_str_eq(gk_table_get(t, i, "note"), want[i][3], "row %d", i);
	}
	gk_result_drop(r);
	gk_rules_drop(rules);
	gk_doc_drop(d);
}
