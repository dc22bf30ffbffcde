/* test_ocr_sep.c - a table printed in 元 whose digit-group separators
 * OCR misread (normalize/ocrsep.c): a comma read as a point on a row that
 * prints the figure twice (its identity holding as read), and a figure
 * read in two cells at a group boundary.  The rows are shaped after 上海普陀
 * 福利院's degraded 支出总表 and 基本支出表 (单位:元). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/ptext.h"
#include "../../lib/table.h"
#include "../../normalize/normalize.h"
#include "../../normalize/ocrfix.h"

#define NW 6

/* One printed row: the table's cells (its columns) and the words OCR
 * read on its line, each with its left and right edge */
typedef struct srow {
	const char *cell[8];
	const char *word[NW];
	double x0[NW], x1[NW];
} srow;

static gk_table *build(gk_result *r, gk_doc *d, const char *id, const char *const *cols, int ncol, const srow *rows,
                       int n)
{
	gk_doc_add_page(d, 842, 595);
	gk_doc_set_meta(d, "ocr_pages", "1");
	gk_table *t = gk_result_add_table(r, id, "t", 1, cols, ncol);
	gk_table_set_unit(t, "元");
	for (int i = 0; i < n; i++) {
		double y0 = 200 + 20 * i, y1 = y0 + 10;
		gk_line *l = gk_doc_add_line(d, 1, y0, y1, 9, GK_GEOM_POS);
		for (int k = 0; k < NW && rows[i].word[k]; k++) {
			gk_cell *c = gk_line_add_cell_y(l, rows[i].x0[k], rows[i].x1[k], 0, 0, rows[i].word[k],
			                                strlen(rows[i].word[k]));
			c->conf = 85;
		}
		gk_table_add_row(t);
		for (int k = 0; k < ncol; k++)
			gk_table_set(t, i, k, rows[i].cell[k] ? rows[i].cell[k] : "");
		gk_table_set_source(t, i, 1, 100, y0 - 1, 740, y1 + 1);
	}
	return t;
}

static int count(const gk_result *r, const char *check, const char *row)
{
	int n = 0;
	if (getenv("SEP_DUMP"))
		for (int i = 0; i < r->ncheck; i++)
			fprintf(stderr, "%s %s %s %s\n", r->checks[i].check, r->checks[i].row, r->checks[i].expected, r->checks[i].found);
	for (int i = 0; i < r->ncheck; i++)
		n += !strcmp(r->checks[i].check, check) && (!row || !strcmp(r->checks[i].row, row));
	return n;
}

/* 767,570 元 read `767.570` under both 合计 and 人员经费 of its row: the
 * row holds as read (0.076757 万元 twice, six decimals, as a 元 figure to
 * the fen would print), but the table prints whole 元 (`758，448`,
 * `503724`): both flagged, nothing else */
Test(ocr_sep, a_row_misread_alike_is_flagged)
{
	static const char *cols[] = {"econ_code", "econ_name", "total", "personnel", "public"};
	static const srow rows[] = {
	    {{"30101", "基本工资", "75.8448", "75.8448"},
	     {"30101", "基本工资", "758，448", "758448"},
	     {220, 290, 500, 550},
	     {232, 320, 527, 579}},
	    {{"30108", "机关事业单位基本养老保险缴费", "0.076757", "0.076757"},
	     {"30108", "机关事业单位基本养老保险缴费", "767.570", "767.570"},
	     {220, 290, 500, 550},
	     {232, 380, 527, 579}},
	    {{"30110", "职工基本医疗保险缴费", "50.3724", "50.3724"},
	     {"30110", "职工基本医疗保险缴费", "503724", "503724"},
	     {220, 290, 500, 550},
	     {232, 370, 527, 579}},
	    {{"30113", "住房公积金", "33.5816", "33.5816"},
	     {"30113", "住房公积金", "335816", "335816"},
	     {220, 290, 500, 550},
	     {232, 325, 527, 579}},
	};
	gk_result *r = gk_result_new();
	gk_doc *d = gk_doc_new();
	build(r, d, "general_budget_basic_expenditure", cols, 5, rows, 4);
	gk_read_findings(r, d, NULL);
	cr_assert_eq(count(r, "ocr:decimals", "30108/total"), 1);
	cr_assert_eq(count(r, "ocr:decimals", "30108/personnel"), 1);
	cr_assert_eq(count(r, "ocr:decimals", NULL), 2, "the rows read whole are no doubt");
	cr_assert_eq(count(r, "ocr:corrected", NULL), 0, "no sum confirms 767570");
	gk_result_drop(r);
	gk_doc_drop(d);
}

/* 合计 12,281,625 / 9,261,625 / 3,020,000 元 read `12281` `625` `9261`
 * `625` `3020000`, the pieces placed as three figures (1.2281, 0.0625,
 * 0.9261 万元): joined and placed under the columns whose figures end
 * where they end, the row holds (1228.1625 = 926.1625 + 302) and so do
 * the column sums of its 类 (1128.1624 + 100.0001 ...): corrected */
Test(ocr_sep, a_figure_read_in_two_pieces_is_joined)
{
	static const char *cols[] = {"func_code", "name", "total", "basic_total", "project_total"};
	srow rows[] = {
	    {{"208", "社会保障和就业支出", "1128.1624", "866.1624", "262"},
	     {"208", "社会保障和就业支出", "11281624", "8661624", "2620000"},
	     {112, 203, 478, 580, 685},
	     {126, 293, 528, 626, 731}},
	    {{"210", "卫生健康支出", "100.0001", "60.0001", "40"},
	     {"210", "卫生健康支出", "1000001", "600001", "400000"},
	     {112, 203, 484, 586, 691},
	     {126, 263, 528, 626, 731}},
	    {{"", "合计", "1.2281", "0.0625", "0.9261"},
	     {"合计", "12281", "625", "9261", "625", "3020000"},
	     {258, 478, 515, 580, 613, 685},
	     {276, 510, 528, 608, 626, 731}},
	};
	gk_result *r = gk_result_new();
	gk_doc *d = gk_doc_new();
	gk_table *t = build(r, d, "expenditure_by_function", cols, 5, rows, 3);
	gk_read_findings(r, d, NULL);
	cr_assert_str_eq(t->rows[2][2], "1228.1625");
	cr_assert_str_eq(t->rows[2][3], "926.1625");
	cr_assert_str_eq(t->rows[2][4], "302");
	cr_assert_eq(count(r, "ocr:corrected", "合计/total"), 1);
	cr_assert_eq(count(r, "ocr:corrected", NULL), 3);
	cr_assert_eq(count(r, "ocr:suspect", NULL), 0);
	gk_result_drop(r);
	/* the same pieces where the 类 do not add up to them: flagged, kept */
	rows[1].cell[2] = "100.0002";
	rows[1].word[2] = "1000002";
	r = gk_result_new();
	gk_doc_drop(d);
	d = gk_doc_new();
	t = build(r, d, "expenditure_by_function", cols, 5, rows, 3);
	gk_read_findings(r, d, NULL);
	cr_assert_str_eq(t->rows[2][2], "1.2281");
	cr_assert_eq(count(r, "ocr:corrected", NULL), 0);
	cr_assert_eq(count(r, "ocr:decimals", "合计/total") + count(r, "ocr:suspect", "合计/total"), 1);
	cr_assert_eq(count(r, "ocr:decimals", "合计/basic_total") + count(r, "ocr:suspect", "合计/basic_total"), 1);
	gk_result_drop(r);
	gk_doc_drop(d);
}

/* 收入表's 合计 read `12281` `625` `9261625` `3020000` and placed by count:
 * 1.2281 under 合计, 0.0625 under 事业收入 and 302 under 经营收入, where the
 * page prints it under 事业收入; no identity of its row to confirm the
 * pieces joined (its 财政拨款 column's head lost): the pieces flagged, and
 * 302 too, which stands under another column once they are joined */
Test(ocr_sep, a_row_read_in_pieces_places_its_figures_anew)
{
	static const char *cols[] = {"unit_name", "func_code", "func_name", "total", "business_income",
	                             "operating_income", "x_收入预算"};
	static const srow rows[] = {
	    {{"", "208", "社会保障和就业支出", "1128.1624", "262", "", "866.1624"},
	     {"208", "社会保障和就业支出", "11281624", "2620000", "8661624"},
	     {112, 203, 395, 542, 470},
	     {126, 293, 444, 589, 516}},
	    {{"", "210", "卫生健康支出", "100.0001", "40", "", "60.0001"},
	     {"210", "卫生健康支出", "1000001", "400000", "600001"},
	     {112, 203, 401, 548, 476},
	     {126, 263, 444, 589, 516}},
	    {{"合计", "", "", "1.2281", "0.0625", "302", "926.1625"},
	     {"合计", "12281", "625", "9261625", "3020000"},
	     {258, 395, 431, 470, 542},
	     {276, 426.5, 444, 516, 589}},
	};
	gk_result *r = gk_result_new();
	gk_doc *d = gk_doc_new();
	gk_table *t = build(r, d, "revenue_by_unit", cols, 7, rows, 3);
	gk_read_findings(r, d, NULL);
	cr_assert_str_eq(t->rows[2][3], "1.2281", "no row identity: nothing written");
	cr_assert_eq(count(r, "ocr:decimals", "合计/total") + count(r, "ocr:suspect", "合计/total"), 1);
	cr_assert_eq(count(r, "ocr:decimals", "合计/business_income") + count(r, "ocr:suspect", "合计/business_income"), 1);
	cr_assert_eq(count(r, "ocr:suspect", "合计/operating_income"), 1);
	cr_assert_eq(count(r, "ocr:corrected", NULL), 0);
	gk_result_drop(r);
	gk_doc_drop(d);
}

/* 20,000.00 元 read `20.00` under both 合计 and 人员经费 of its row (the
 * group `000` lost alike): the row holds, its 类 does not, and the 类's
 * figure was read surely.  Its 款 read 20.00 is what 2.00 万元 looks like
 * with a group lost: that 款 is the suspect, not the 类 alone */
Test(ocr_sep, a_group_lost_alike_on_a_row)
{
	static const char *cols[] = {"econ_code", "econ_name", "total", "personnel", "public"};
	static const srow rows[] = {
	    {{"301", "工资福利支出", "101.00", "101.00"},
	     {"301", "工资福利支出", "1,010,000.00", "1,010,000.00"},
	     {220, 290, 470, 540},
	     {232, 320, 527, 599}},
	    {{"30101", "基本工资", "50.00", "50.00"},
	     {"30101", "基本工资", "500,000.00", "500,000.00"},
	     {220, 290, 480, 550},
	     {232, 320, 527, 599}},
	    {{"30102", "津贴补贴", "49.00", "49.00"},
	     {"30102", "津贴补贴", "490,000.00", "490,000.00"},
	     {220, 290, 480, 550},
	     {232, 320, 527, 599}},
	    {{"30103", "奖金", "0.002", "0.002"},
	     {"30103", "奖金", "20.00", "20.00"},
	     {220, 290, 500, 570},
	     {232, 320, 527, 599}},
	};
	gk_result *r = gk_result_new();
	gk_doc *d = gk_doc_new();
	build(r, d, "general_budget_basic_expenditure", cols, 5, rows, 4);
	gk_read_findings(r, d, NULL);
	cr_assert_eq(count(r, "ocr:suspect", "30103/total"), 1);
	cr_assert_eq(count(r, "ocr:suspect", "30103/personnel"), 1);
	cr_assert_eq(count(r, "ocr:suspect", NULL), 2, "the parts read right are no suspects");
	cr_assert_eq(count(r, "ocr:corrected", NULL), 0, "the digits lost are not read");
	gk_result_drop(r);
	gk_doc_drop(d);
}

/* `20,` with its group lost, in a table of 元 to the fen: flagged */
Test(ocr_sep, a_comma_without_its_group)
{
	static const char *cols[] = {"econ_code", "econ_name", "total"};
	static const srow rows[] = {
	    {{"30101", "基本工资", "50.12"}, {"30101", "基本工资", "501,200.00"}, {220, 290, 480}, {232, 320, 527}},
	    {{"30102", "津贴补贴", "30.45"}, {"30102", "津贴补贴", "304,500.00"}, {220, 290, 480}, {232, 320, 527}},
	    {{"30103", "奖金", "0.002"}, {"30103", "奖金", "20,"}, {220, 290, 510}, {232, 320, 527}},
	    {{"30107", "绩效工资", "1.23"}, {"30107", "绩效工资", "12,300.00"}, {220, 290, 480}, {232, 320, 527}},
	};
	gk_result *r = gk_result_new();
	gk_doc *d = gk_doc_new();
	build(r, d, "general_budget_basic_expenditure", cols, 3, rows, 4);
	gk_read_findings(r, d, NULL);
	cr_assert_eq(count(r, "ocr:decimals", "30103/total"), 1);
	cr_assert_eq(count(r, "ocr:decimals", NULL), 1);
	gk_result_drop(r);
	gk_doc_drop(d);
}

/* The same 合计 whose row holds a figure read far left of its columns
 * (under no column's figures): reading the row again would lose it, so
 * the row is left as read */
Test(ocr_sep, a_row_read_again_loses_no_figure)
{
	static const char *cols[] = {"func_code", "name", "total", "basic_total", "project_total", "x_其他"};
	static const srow rows[] = {
	    {{"208", "社会保障和就业支出", "1128.1624", "866.1624", "262", "1.5"},
	     {"208", "社会保障和就业支出", "15000", "11281624", "8661624", "2620000"},
	     {112, 203, 400, 478, 580, 685},
	     {126, 293, 440, 528, 626, 731}},
	    {{"210", "卫生健康支出", "100.0001", "60.0001", "40", "2.5"},
	     {"210", "卫生健康支出", "25000", "1000001", "600001", "400000"},
	     {112, 203, 400, 484, 586, 691},
	     {126, 263, 440, 528, 626, 731}},
	    {{"", "合计", "1.2281", "0.0625", "0.9261", "4.5"},
	     {"45000", "12281", "625", "9261", "625", "3020000"},
	     {150, 478, 515, 580, 613, 685},
	     {190, 510, 528, 608, 626, 731}},
	};
	gk_result *r = gk_result_new();
	gk_doc *d = gk_doc_new();
	gk_table *t = build(r, d, "expenditure_by_function", cols, 6, rows, 3);
	gk_read_findings(r, d, NULL);
	cr_assert_str_eq(t->rows[2][5], "4.5");
	cr_assert_str_eq(t->rows[2][2], "1.2281");
	cr_assert_eq(count(r, "ocr:corrected", NULL), 0);
	gk_result_drop(r);
	gk_doc_drop(d);
}

/* A 元 table whose figures read too unlike to tell its decimals still
 * holds no figure of three: `20.000` (20,000 元 its comma a point) is
 * flagged, the others are not */
Test(ocr_sep, three_decimals_are_no_yuan)
{
	static const char *cols[] = {"econ_code", "econ_name", "total"};
	static const srow rows[] = {
	    {{"30101", "基本工资", "50.12"}, {"30101", "基本工资", "501,200.00"}, {220, 290, 480}, {232, 320, 527}},
	    {{"30102", "津贴补贴", "30.45"}, {"30102", "津贴补贴", "304500"}, {220, 290, 480}, {232, 320, 527}},
	    {{"30103", "奖金", "0.002"}, {"30103", "奖金", "20.000"}, {220, 290, 490}, {232, 320, 527}},
	    {{"30107", "绩效工资", "1.235"}, {"30107", "绩效工资", "12,350.5"}, {220, 290, 480}, {232, 320, 527}},
	};
	gk_result *r = gk_result_new();
	gk_doc *d = gk_doc_new();
	build(r, d, "general_budget_basic_expenditure", cols, 3, rows, 4);
	gk_read_findings(r, d, NULL);
	cr_assert_eq(count(r, "ocr:decimals", "30103/total"), 1);
	cr_assert_eq(count(r, "ocr:decimals", NULL), 1);
	gk_result_drop(r);
	gk_doc_drop(d);
}

/* 西安财政局's degraded 财政拨款收支总表 (元 to the fen, no sums of its
 * own in the table): 1,497,673.64 read `1` `497673.64`, the pieces apart
 * by less than a character, the table taking `1` (0.0001 万元); and
 * 79,108,250.11 read `19108` `350.11`, a thousands' group as far right
 * as a spaced comma leaves it: both in doubt; the lines read whole and
 * a label's ordinal beside its label are not */
Test(ocr_sep, a_figure_read_in_pieces_is_flagged)
{
	static const char *cols[] = {"side", "item", "total"};
	static const srow rows[] = {
	    {{"支出", "(3)对个人和家庭的补助", "0.0001"},
	     {"(3)对个人和家庭的补助", "1", "497673.64"},
	     {445, 573.6, 579.04},
	     {507, 576.96, 608.16}},
	    {{"支出", "1、人员经费和公用经费支出", "1.9108"},
	     {"1、人员经费和公用经费支出", "19108", "350.11"},
	     {430, 570.24, 592.8},
	     {503, 587.12, 609.92}},
	    {{"支出", "(1)工资福利支出", "200.20919"},
	     {"(1)", "工资福利支出", "2002091.90"},
	     {445, 452.5, 572.97},
	     {452, 494, 608.30}},
	    {{"支出", "(2)商品和服务支出", "6.00"}, {"(2)商品和服务支出", "60000.00"}, {445, 579.04}, {494, 608.16}},
	};
	gk_result *r = gk_result_new();
	gk_doc *d = gk_doc_new();
	build(r, d, "fiscal_appropriation_summary", cols, 3, rows, 4);
	gk_read_findings(r, d, NULL);
	cr_assert_eq(count(r, "ocr:suspect", "(3)对个人和家庭的补助/total"), 1);
	cr_assert_eq(count(r, "ocr:suspect", "1、人员经费和公用经费支出/total"), 1);
	cr_assert_eq(count(r, "ocr:suspect", NULL), 2, "the lines read whole are no doubt");
	cr_assert_eq(count(r, "ocr:corrected", NULL), 0);
	gk_result_drop(r);
	gk_doc_drop(d);
}

/* 西安政务服务's 财政拨款收支总表 (元) read (2)商品和服务支出 under 2、专项业务经费支出
 * `500.00` for 17,744,500.00, its head's groups lost, and (3)对个人和家庭的补助
 * `280.00` for 2,280.00: the 收支总表 prints both lines alike under the same
 * heads (the label twice on the side, named by its head), most of their
 * lines agreeing: the 财政拨款 side lost the groups, flagged `ocr:cross`;
 * the 收支总表's figures, and the line under the other head, are not */
Test(ocr_sep, a_summary_line_that_lost_its_head_groups)
{
	static const char *cols[] = {"side", "item", "total"};
	static const char *rcols[] = {"side", "item", "amount"};
	static const srow fis[] = {
	    {{"支出", "1、人员经费和公用经费支出", "2080.758835"}, {NULL}, {0}, {0}},
	    {{"支出", "(1)工资福利支出", "1880.321645"}, {NULL}, {0}, {0}},
	    {{"支出", "(2)商品和服务支出", "200.20919"}, {NULL}, {0}, {0}},
	    {{"支出", "(3)对个人和家庭的补助", "0.028"}, {NULL}, {0}, {0}},
	    {{"支出", "2、专项业务经费支出", "3013.002"}, {NULL}, {0}, {0}},
	    {{"支出", "(2)商品和服务支出", "0.05"}, {NULL}, {0}, {0}},
	    {{"支出", "(6)资本性支出", "1238.552"}, {NULL}, {0}, {0}},
	};
	static const srow res[] = {
	    {{"支出", "1、人员经费和公用经费支出", "2080.758835"}, {NULL}, {0}, {0}},
	    {{"支出", "(1)工资福利支出", "1880.321645"}, {NULL}, {0}, {0}},
	    {{"支出", "(2)商品和服务支出", "200.20919"}, {NULL}, {0}, {0}},
	    {{"支出", "(3)对个人和家庭的补助", "0.228"}, {NULL}, {0}, {0}},
	    {{"支出", "2、专项业务经费支出", "3013.002"}, {NULL}, {0}, {0}},
	    {{"支出", "(2)商品和服务支出", "1774.45"}, {NULL}, {0}, {0}},
	    {{"支出", "(6)资本性支出", "1238.552"}, {NULL}, {0}, {0}},
	};
	gk_result *r = gk_result_new();
	gk_doc *d = gk_doc_new();
	build(r, d, "revenue_expenditure_summary", rcols, 3, res, 7);
	build(r, d, "fiscal_appropriation_summary", cols, 3, fis, 7);
	gk_read_findings(r, d, NULL);
	cr_assert_eq(count(r, "ocr:cross", "(2)商品和服务支出/total"), 1);
	cr_assert_eq(count(r, "ocr:cross", "(3)对个人和家庭的补助/total"), 1);
	cr_assert_eq(count(r, "ocr:cross", NULL), 2, "the 收支总表 and the lines alike are no doubt");
	gk_result_drop(r);
	gk_doc_drop(d);
}

/* A 元 table whose figures print their thousands grouped (`1,234.56`: a
 * fixed format, no Excel general one) prints every figure to the fen: one
 * read with a single decimal (`103,518,755.3`) lost a digit, one read
 * with none (`12`) its point or more; both flagged, the others not */
Test(ocr_sep, a_grouped_table_prints_every_decimal)
{
	static const char *cols[] = {"econ_code", "econ_name", "total", "personnel"};
#define G(code, name, v, w) {{code, name, v, v}, {code, name, w, w}, {220, 290, 500, 600}, {232, 380, 560, 660}}
	static const srow rows[] = {
	    G("30101", "基本工资", "0.123456", "1,234.56"),
	    G("30102", "津贴补贴", "0.234567", "2,345.67"),
	    G("30103", "奖金", "358.019035", "3,580,190.35"),
	    G("30109", "职业年金缴费", "7.825011", "78,250.11"),
	    G("30110", "职工基本医疗保险缴费", "5.230044", "52,300.44"),
	    G("30113", "住房公积金", "26.803544", "268,035.44"),
	    G("30107", "绩效工资", "10351.87553", "103,518,755.3"),
	    G("30108", "机关事业单位基本养老保险缴费", "0.0012", "12"),
	};
#undef G
	gk_result *r = gk_result_new();
	gk_doc *d = gk_doc_new();
	build(r, d, "general_budget_basic_expenditure", cols, 4, rows, 8);
	gk_read_findings(r, d, NULL);
	cr_assert_eq(count(r, "ocr:decimals", "30107/total"), 1);
	cr_assert_eq(count(r, "ocr:decimals", "30108/total"), 1);
	cr_assert_eq(count(r, "ocr:decimals", NULL), 4, "the two rows' two figures each");
	gk_result_drop(r);
	gk_doc_drop(d);
}
