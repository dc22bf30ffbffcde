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

/* The tables normalize makes of an extract stream (text), or of the
 * stream in a fixture file (path, relative to the repository). */
static gk_result *normalized(const char *text, const char *path, const char *name)
{
	char *err = NULL;
	gk_doc *d = NULL;
	if (path) {
		FILE *fp = fopen(path, "r");
		cr_assert_not_null(fp, "%s", path);
		cr_assert_eq(gk_doc_read(fp, &d, &err), 1, "%s", err ? err : "");
		fclose(fp);
	} else {
		d = read_doc(text, &err);
		cr_assert_not_null(d, "%s", err ? err : "");
	}
	gk_rules *rules = gk_rules_load("rules", &err);
	cr_assert_not_null(rules, "%s", err ? err : "");
	gk_result *r = gk_normalize(d, rules, name);
	gk_rules_drop(rules);
	gk_doc_drop(d);
	return r;
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
	gk_result *r = normalized(overflow_doc, NULL, "overflow");
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
}

/* A function table continued on the next page, whose first row prints
 * only its 项 (02): the 类 and 款 of the last rows of the previous page
 * (208, 20) still hold. */
static const char continued_doc[] =
	"%gongkai-extract 1\n"
	"P\t1\t842\t595\n"
	"P\t2\t842\t595\n"
	"L\t1\t79.53\t92.67\t12.95\tpos\t374.76,466.07,支出总体情况表\n"
	"L\t1\t99.67\t108.16\t8.50\tpos\t65.88,176.38,部门（单位）：测试局\t733.68,776.14,单位：万元\n"
	"L\t1\t117.91\t126.40\t8.50\tpos\t100.20,134.14,科目编码\n"
	"L\t1\t127.15\t135.64\t8.50\tpos\t259.20,293.14,科目名称\t423.24,440.26,合计\t513.84,547.78,基本支出\t"
	"612.84,646.78,项目支出\n"
	"L\t1\t136.27\t144.76\t8.50\tpos\t77.52,85.85,类\t112.92,121.25,款\t148.20,156.53,项\n"
	"L\t1\t155.05\t162.49\t7.45\tpos\t172.20,190.81,合 计\t449.40,479.28,1,100.00\t548.40,578.28,800.00\t"
	"647.40,677.28,300.00\n"
	"L\t1\t173.41\t180.85\t7.45\tpos\t76.08,87.24,208\t172.20,202.09,社会保障和就业支出\t449.40,479.28,1,100.00\t"
	"548.40,578.28,800.00\t647.40,677.28,300.00\n"
	"L\t1\t191.77\t199.21\t7.45\tpos\t113.40,120.84,20\t179.64,209.53,临时救助\t449.40,479.28,1,100.00\t"
	"548.40,578.28,800.00\t647.40,677.28,300.00\n"
	"L\t1\t556.26\t568.36\t9.00\tpos\t406.80,437.04,— 10 —\n"
	"L\t2\t79.53\t92.67\t12.95\tpos\t374.76,466.07,支出总体情况表\n"
	"L\t2\t99.67\t108.16\t8.50\tpos\t65.88,176.38,部门（单位）：测试局\t733.68,776.14,单位：万元\n"
	"L\t2\t117.91\t126.40\t8.50\tpos\t100.20,134.14,科目编码\n"
	"L\t2\t127.15\t135.64\t8.50\tpos\t259.20,293.14,科目名称\t423.24,440.26,合计\t513.84,547.78,基本支出\t"
	"612.84,646.78,项目支出\n"
	"L\t2\t136.27\t144.76\t8.50\tpos\t77.52,85.85,类\t112.92,121.25,款\t148.20,156.53,项\n"
	"L\t2\t155.05\t162.49\t7.45\tpos\t148.68,156.12,02\t187.20,262.09,流浪乞讨人员救助支出\t449.40,479.28,1,100.00\t"
	"548.40,578.28,800.00\t647.40,677.28,300.00\n"
	"%end\n";

Test(stream, continued_table_keeps_class_and_kuan)
{
	gk_result *r = normalized(continued_doc, NULL, "continued");
	gk_table *t = gk_result_find(r, "expenditure_by_function");
	cr_assert_not_null(t);
	cr_assert_eq(t->nrow, 4, "%d rows", t->nrow);
	cr_assert_str_eq(gk_table_get(t, 3, "func_code"), "2082002");
	cr_assert_str_eq(gk_table_get(t, 3, "name"), "流浪乞讨人员救助支出");
	cr_assert_str_eq(gk_table_get(t, 3, "unit_code"), "");
	cr_assert_str_eq(gk_table_get(t, 3, "project_total"), "300.00");
	gk_result_drop(r);
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
	"L\t1\t387.60\t398.92\t8.71\tpos\t350.61,400.00,应急演练次数\n"
	/* a row the export printed shifted left, under 一级/二级指标 */
	"L\t1\t402.00\t413.32\t8.71\tpos\t54.89,100.00,演练覆盖率\t202.79,222.00,100%\n"
	"%end\n";

Test(stream, performance_rows_anchored_on_targets)
{
	gk_result *r = normalized(dperf_doc, NULL, "dperf");
	gk_table *t = gk_result_find(r, "department_performance");
	cr_assert_not_null(t);
	static const char *want[][4] = {
		{"数量指标", "完成安全检查次数", "≥30个", "检查覆盖全部下属单位和重点场所，每季度一次。"},
		{"数量指标", "实现证照调用和数据共享的业务应用系统数量", "≥10个", "接入即可调用。"},
		{"数量指标", "完成等保测评", "≥5个", "等保测评覆盖市直各单位的重要信息系统。"},
		{"质量指标", "系统运行稳定性", "稳定", "系统运行全年无重大故障。"},
		{"质量指标", "应急演练次数", "", ""}, /* a row printed without a target */
		{"质量指标", "演练覆盖率", "100%", ""},
	};
	cr_assert_eq(t->nrow, 6, "%d rows", t->nrow);
	for (int i = 0; i < 6; i++) {
		cr_assert_str_eq(gk_table_get(t, i, "level1"), "产出指标", "row %d", i);
		cr_assert_str_eq(gk_table_get(t, i, "level2"), want[i][0], "row %d", i);
		cr_assert_str_eq(gk_table_get(t, i, "indicator"), want[i][1], "row %d", i);
		cr_assert_str_eq(gk_table_get(t, i, "target"), want[i][2], "row %d", i);
		cr_assert_str_eq(gk_table_get(t, i, "note"), want[i][3], "row %d", i);
	}
	gk_result_drop(r);
}

/* An amount wrapped in a narrow cell: "1100.0" on one line, its last digit
 * "0" right-aligned below it, the pair centred on the row's label. */
static const char wrapped_amount_doc[] =
	"%gongkai-extract 1\n"
	"P\t1\t842\t595\n"
	"L\t1\t79.53\t92.67\t12.95\tpos\t374.76,466.07,支出总体情况表\n"
	"L\t1\t99.67\t108.16\t8.50\tpos\t65.88,176.38,部门（单位）：测试局\t733.68,776.14,单位：万元\n"
	"L\t1\t127.15\t135.64\t8.50\tpos\t100.20,134.14,科目编码\t259.20,293.14,科目名称\t423.24,440.26,合计\t"
	"513.84,547.78,基本支出\t612.84,646.78,项目支出\n"
	"L\t1\t155.05\t162.49\t7.45\tpos\t172.20,190.81,合计\t449.40,479.28,1,100.00\t548.40,578.28,800.00\t"
	"647.40,677.28,300.00\n"
	"L\t1\t170.00\t177.44\t7.45\tpos\t449.40,479.28,1,100.0\n"
	"L\t1\t174.00\t181.44\t7.45\tpos\t76.08,102.24,2080201\t172.20,202.09,行政运行\t548.40,578.28,800.00\t"
	"647.40,677.28,300.00\n"
	"L\t1\t178.00\t185.44\t7.45\tpos\t475.20,479.28,0\n"
	"%end\n";

Test(stream, wrapped_amount_rejoined)
{
	gk_result *r = normalized(wrapped_amount_doc, NULL, "wrapped");
	gk_table *t = gk_result_find(r, "expenditure_by_function");
	cr_assert_not_null(t);
	cr_assert_eq(t->nrow, 2, "%d rows", t->nrow);
	cr_assert_str_eq(gk_table_get(t, 1, "func_code"), "2080201");
	cr_assert_str_eq(gk_table_get(t, 1, "total"), "1100.00");
	cr_assert_str_eq(gk_table_get(t, 1, "basic_total"), "800.00");
	gk_result_drop(r);
}

/* 普陀财政局's 支出决算表 (page 10, as extracted): digits with boxes 22 pt
 * tall, text 3 pt tall, so the 合计 figures sort above the 类 款 项
 * sub-header and the 合计 label below it.  One 合计 row with its figures. */
Test(stream, drifted_total_row)
{
	gk_result *r = normalized(NULL, "tests/fixtures/pdf/drifted-total.x", "drifted");
	gk_table *t = gk_result_find(r, "expenditure_by_function");
	cr_assert_not_null(t);
	cr_assert_geq(t->nrow, 3, "%d rows", t->nrow);
	cr_assert_str_eq(gk_table_get(t, 0, "name"), "合计");
	cr_assert_str_eq(gk_table_get(t, 0, "total"), "2940.05");
	cr_assert_str_eq(gk_table_get(t, 0, "basic_total"), "2336.91");
	cr_assert_str_eq(gk_table_get(t, 0, "project_total"), "603.14");
	cr_assert_str_eq(gk_table_get(t, 1, "func_code"), "201");
	for (int i = 1; i < t->nrow; i++)
		cr_assert_str_neq(gk_table_get(t, i, "name"), "合计", "row %d", i);
	gk_result_drop(r);
}

/* A project performance table of the same export: rows 7.5 pt apart,
 * cells wrapped at 6.5 pt and centred on their row, so a project name
 * starts above its code's line and a long indicator above its value. */
static const char pperf_doc[] =
	"%gongkai-extract 1\n"
	"P\t1\t792\t612\n"
	"L\t1\t69.68\t79.43\t7.50\tpos\t333.60,457.96,2024年部门预算项目绩效目标汇总表\n"
	"L\t1\t88.43\t94.28\t4.51\tpos\t54.50,99.57,单位编码（项目编码）\t131.50,176.57,项目单位（项目名称）\t"
	"208.50,244.56,项目金额（万元）\t354.01,372.02,绩效目标\n"
	"L\t1\t95.92\t101.78\t4.51\tpos\t354.01,372.00,成本指标\t453.40,471.40,产出指标\t586.40,604.40,效益指标\t"
	"692.80,715.31,满意度指标\n"
	"L\t1\t103.42\t109.28\t4.51\tpos\t208.50,226.53,资金总额\t253.30,280.35,政府预算资金\t286.89,322.95,财政专户管理资金\t"
	"331.60,349.63,单位资金\t354.01,372.00,三级指标\t400.00,413.51,指标值\t453.40,471.40,三级指标\t509.40,522.91,指标值\t"
	"586.40,604.40,三级指标\t625.61,639.11,指标值\t692.80,710.80,三级指标\t720.79,734.30,指标值\n"
	"L\t1\t110.92\t116.78\t4.51\tpos\t54.50,62.00,113\t237.20,252.31,4,867.9\t270.79,285.90,4,867.9\n"
	"L\t1\t115.17\t121.03\t4.51\tpos\t131.50,203.53,市政务网络、云、机房及业务系统建\n"
	"L\t1\t118.42\t124.28\t4.51\tpos\t54.50,107.03,410100240000000036019\t237.20,252.31,4,091.1\t270.79,285.90,4,091.1\t"
	"354.01,390.00,设备租赁成本\t400.00,430.00,≤4091万元\t453.40,480.41,机柜租赁总量\t509.40,522.41,100架\t"
	"586.40,610.00,政务服务能力\t625.61,634.63,提升\t692.80,725.00,政务部门满意度\t720.79,734.45,≥90%\n"
	"L\t1\t121.67\t128.53\t4.51\tpos\t131.50,154.03,设维护项目\t453.40,525.41:122.67:128.53,房屋交易与不动产登记临时共享交换\n"
	"L\t1\t125.92\t131.78\t4.51\tpos\t509.40,524.41,<2小时\n"
	"L\t1\t129.17\t135.03\t4.51\tpos\t453.40,466.92,库运维\n"
	"L\t1\t133.42\t139.28\t4.51\tpos\t453.40,480.41,政务短信平台\t509.40,526.91,≥500条\n"
	"L\t1\t137.67\t143.53\t4.51\tpos\t586.40,613.40,数据共享支撑\n"
	"L\t1\t140.92\t146.78\t4.51\tpos\t54.50,107.03,410100240000000036025\t131.50,179.57,全市政务数据治理项目\t"
	"241.00,252.31,405.2\t274.51,285.81,405.2\t453.40,480.41,数据资源目录\t509.40,517.41,1套\t625.61,640.00,≥20个\n"
	"L\t1\t144.17\t150.03\t4.51\tpos\t586.40,613.40,应用场景数量\n"
	"%end\n";

Test(stream, project_performance_rows_anchored_on_values)
{
	gk_result *r = normalized(pperf_doc, NULL, "pperf");
	gk_table *t = gk_result_find(r, "project_performance");
	cr_assert_not_null(t);
	static const char *want[][6] = {
		{"410100240000000036019", "市政务网络、云、机房及业务系统建设维护项目", "4091.1", "成本指标", "设备租赁成本", "≤4091万元"},
		{"410100240000000036019", "市政务网络、云、机房及业务系统建设维护项目", "4091.1", "产出指标", "机柜租赁总量", "100架"},
		{"410100240000000036019", "市政务网络、云、机房及业务系统建设维护项目", "4091.1", "效益指标", "政务服务能力", "提升"},
		{"410100240000000036019", "市政务网络、云、机房及业务系统建设维护项目", "4091.1", "满意度指标", "政务部门满意度", "≥90%"},
		{"410100240000000036019", "市政务网络、云、机房及业务系统建设维护项目", "4091.1", "产出指标",
		 "房屋交易与不动产登记临时共享交换库运维", "<2小时"},
		{"410100240000000036019", "市政务网络、云、机房及业务系统建设维护项目", "4091.1", "产出指标", "政务短信平台", "≥500条"},
		{"410100240000000036025", "全市政务数据治理项目", "405.2", "产出指标", "数据资源目录", "1套"},
		{"410100240000000036025", "全市政务数据治理项目", "405.2", "效益指标", "数据共享支撑应用场景数量", "≥20个"},
	};
	cr_assert_eq(t->nrow, 8, "%d rows", t->nrow);
	for (int i = 0; i < 8; i++) {
		cr_assert_str_eq(gk_table_get(t, i, "project_code"), want[i][0], "row %d", i);
		cr_assert_str_eq(gk_table_get(t, i, "project_name"), want[i][1], "row %d", i);
		cr_assert_str_eq(gk_table_get(t, i, "total"), want[i][2], "row %d", i);
		cr_assert_str_eq(gk_table_get(t, i, "category"), want[i][3], "row %d", i);
		cr_assert_str_eq(gk_table_get(t, i, "indicator"), want[i][4], "row %d", i);
		cr_assert_str_eq(gk_table_get(t, i, "target"), want[i][5], "row %d", i);
	}
	gk_result_drop(r);
}

/* 烟台民政局's 项目支出预算情况表 (two pages as extracted): 合计, then 财政拨款
 * 小计 and its parts 一般公共预算 / 政府性基金 / 国有资本经营预算, 财政专户.
 * The 小计 is no source of its own: it is kept as x_财政拨款小计 and the
 * sources stay under their headers.  The 100.00 (690-705) stands under
 * 单位资金 (header 662-700), not 财政专户管理资金 (604-652): 烟台司法局's
 * page of the same template prints its 3.00 at the same place. */
Test(stream, project_subtotal_set_aside)
{
	gk_result *r = normalized(NULL, "tests/fixtures/pdf/project-subtotal.x", "subtotal");
	gk_table *t = gk_result_find(r, "project_expenditure");
	cr_assert_not_null(t);
	cr_assert_str_eq(gk_table_get(t, 0, "total"), "2385.28");
	cr_assert_str_eq(gk_table_get(t, 0, "general_budget"), "784.00");
	cr_assert_str_eq(gk_table_get(t, 0, "government_fund"), "1501.28");
	cr_assert_str_eq(gk_table_get(t, 0, "special_account"), "");
	cr_assert_str_eq(gk_table_get(t, 0, "unit_funds"), "100.00");
	cr_assert_str_eq(gk_table_get(t, 0, "x_财政拨款小计"), "2285.28");
	gk_result_drop(r);
}
