/* test_ocr_flags.c - what gk_read_findings (normalize/ocrfix.c) flags and
 * mends on tables read by OCR: figures finer than the fen, sums to the fen
 * in tables printed in 元, an economic table's total without 基本支出, and
 * the checks' broken sums whose whole another identity confirms. */
#include <criterion/criterion.h>
#include <string.h>

#include "../../lib/ptext.h"
#include "../../lib/table.h"
#include "../../normalize/checks.h"
#include "../../normalize/normalize.h"
#include "../../normalize/ocrfix.h"

static gk_table *table_of(gk_result *r, const char *id, const char *const *cols, int ncol,
                          const char *const *cells, int nrow)
{
	gk_table *t = gk_result_add_table(r, id, "t", 1, cols, ncol);
	for (int i = 0; i < nrow; i++) {
		gk_table_add_row(t);
		for (int j = 0; j < ncol; j++)
			gk_table_set(t, i, j, cells[i * ncol + j]);
	}
	return t;
}

static gk_doc *ocr_doc(void)
{
	gk_doc *d = gk_doc_new();
	gk_doc_set_meta(d, "ocr_pages", "1");
	return d;
}

/* the fail checks named check on row_no no (0: any) of table id */
static int fails(const gk_result *r, const char *id, const char *check, int no)
{
	int n = 0;
	for (int i = 0; i < r->ncheck; i++)
		n += !strcmp(r->checks[i].table_id, id) && !strcmp(r->checks[i].check, check) &&
		     (!strcmp(r->checks[i].status, "fail") || !strcmp(r->checks[i].status, "unsure")) &&
		     (!no || r->checks[i].row_no == no);
	return n;
}

/* the repository's rules/ (the tests run from the top directory) */
static gk_rules *repo_rules(void)
{
	char *err = NULL;
	gk_rules *rules = gk_rules_load("rules", &err);
	cr_assert_not_null(rules, "%s", err ? err : "");
	return rules;
}

static const char *status_of(const gk_result *r, const char *check, const char *row)
{
	for (int i = 0; i < r->ncheck; i++)
		if (!strcmp(r->checks[i].check, check) && !strcmp(r->checks[i].row, row))
			return r->checks[i].status;
	return "";
}

/* 西安's 元 figures read with their comma a point: 268,035.44 元 read
 * 268.035 and put in 万元, 0.0268035, a figure finer than the fen */
Test(ocr_flags, a_figure_finer_than_the_fen)
{
	gk_result *r = gk_result_new();
	static const char *cols[] = {"econ_code", "econ_name", "total"};
	static const char *cells[] = {
	    "30113", "住房公积金", "0.0268035", /* 26.803544 */
	    "30199", "其他工资福利支出", "0.96",
	};
	table_of(r, "general_budget_basic_expenditure", cols, 3, cells, 2);
	gk_doc *d = ocr_doc();
	gk_read_findings(r, d, NULL);
	cr_assert_eq(fails(r, "general_budget_basic_expenditure", "ocr:decimals", 1), 1);
	cr_assert_eq(fails(r, "general_budget_basic_expenditure", "ocr:decimals", 2), 0);
	gk_result_drop(r);
	/* not on a page the text layer gave */
	r = gk_result_new();
	table_of(r, "general_budget_basic_expenditure", cols, 3, cells, 2);
	gk_doc_set_meta(d, "ocr_pages", "2");
	gk_read_findings(r, d, NULL);
	cr_assert_eq(r->ncheck, 1, "only the ocr:pages note");
	gk_result_drop(r);
	gk_doc_drop(d);
}

/* A table printed to the fen (元 figures in 万元, six decimals) sums
 * without rounding: a 项 read a fen off (10.569413 for 10.569412) breaks
 * its row and its 款, which both want it back */
Test(ocr_flags, sums_to_the_fen_have_no_rounding)
{
	gk_result *r = gk_result_new();
	static const char *cols[] = {"func_code", "name", "total", "basic_total", "project_total"};
	static const char *cells[] = {
	    "21011",   "行政事业单位医疗", "598.109273", "598.109273", "",
	    "2101101", "行政单位医疗",     "272.255343", "272.255343", "",
	    "2101102", "事业单位医疗",     "10.569413",  "10.569412",  "",
	    "2101103", "公务员医疗补助",   "315.284518", "315.284518", "",
	};
	gk_table *t = table_of(r, "general_budget_expenditure", cols, 5, cells, 4);
	gk_doc *d = ocr_doc();
	gk_read_findings(r, d, NULL);
	cr_assert_str_eq(gk_table_get(t, 2, "total"), "10.569412");
	gk_result_drop(r);
	/* printed to two decimals, a unit of the last one is rounding */
	static const char *round2[] = {
	    "21011",   "行政事业单位医疗", "598.11", "598.11", "",
	    "2101101", "行政单位医疗",     "272.26", "272.26", "",
	    "2101102", "事业单位医疗",     "10.58",  "10.57",  "",
	    "2101103", "公务员医疗补助",   "315.28", "315.28", "",
	};
	r = gk_result_new();
	t = table_of(r, "general_budget_expenditure", cols, 5, round2, 4);
	gk_read_findings(r, d, NULL);
	cr_assert_str_eq(gk_table_get(t, 2, "total"), "10.58");
	cr_assert_eq(fails(r, "general_budget_expenditure", "ocr:suspect", 0), 0);
	gk_result_drop(r);
	gk_doc_drop(d);
}

/* An economic table without 基本支出 (人员经费 | 公用经费 | 项目支出): a
 * row's total is the sum of the three; a total misplaced by the solver
 * (79.5442, the 公用经费, for 326.7942) breaks it */
Test(ocr_flags, economic_total_without_basic)
{
	gk_result *r = gk_result_new();
	static const char *cols[] = {"econ_code", "econ_name", "total", "basic_total", "personnel", "public",
	                             "project_total"};
	static const char *cells[] = {
	    "30201", "办公费",           "347.14185", "", "",         "295.70185", "51.44",
	    "30202", "印刷费",           "46.20",     "", "",         "20.00",     "26.20",
	    "30206", "电费",             "42.75",     "", "",         "38.00",     "4.75",
	    "30239", "其他交通费用",     "365.0198",  "", "360.0198", "5.00",      "",
	    "30299", "其他商品和服务支出", "79.5442", "", "247.25",   "",          "",
	};
	table_of(r, "general_budget_by_economic_class", cols, 7, cells, 5);
	gk_doc *d = ocr_doc();
	gk_read_findings(r, d, NULL);
	cr_assert_eq(fails(r, "general_budget_by_economic_class", "ocr:suspect", 5), 2);
	cr_assert_eq(fails(r, "general_budget_by_economic_class", "ocr:suspect", 1), 0);
	gk_result_drop(r);
	gk_doc_drop(d);
}

/* A 款 whose 项 sum breaks on a 项 read wrong, the 款 itself held by its
 * row (total = basic + project, three figures to the unit): the checks'
 * 款=Σ项 is the flagged 项's doubt, not the 款's */
Test(ocr_flags, a_sum_whose_whole_is_confirmed_is_its_parts_doubt)
{
	gk_result *r = gk_result_new();
	static const char *cols[] = {"func_code", "name", "total", "basic_total", "project_total"};
	static const char *cells[] = {
	    "20805",   "行政事业单位养老支出", "300.00", "200.00", "100.00",
	    "2080501", "行政单位离退休",       "150.00", "150.00", "",
	    "2080505", "机关事业单位基本养老保险缴费支出", "398.00", "50.00", "100.00", /* 150.00 */
	};
	table_of(r, "general_budget_expenditure", cols, 5, cells, 3);
	gk_doc *d = ocr_doc();
	gk_read_findings(r, d, NULL);
	cr_assert_eq(fails(r, "general_budget_expenditure", "ocr:suspect", 1), 0);
	cr_assert_gt(fails(r, "general_budget_expenditure", "ocr:suspect", 0), 0);
	gk_checks_run(r, d);
	cr_assert_str_eq(status_of(r, "tree:款=Σ项", "20805:total"), "skip");
	gk_result_drop(r);
	/* the text path: the check as ever */
	r = gk_result_new();
	table_of(r, "general_budget_expenditure", cols, 5, cells, 3);
	gk_checks_run(r, NULL);
	cr_assert_str_eq(status_of(r, "tree:款=Σ项", "20805:total"), "fail");
	gk_result_drop(r);
	gk_doc_drop(d);
}

/* A 项 whose head OCR lost (146.54 read 0.54) breaks its 款, read surely:
 * the 项 is suspect with the 款, not the 款 alone as where rows were lost */
Test(ocr_flags, a_figure_that_lost_its_head)
{
	gk_result *r = gk_result_new();
	static const char *cols[] = {"func_code", "name", "total"};
	static const char *cells[] = {
	    "20805",   "行政事业单位养老支出", "300.00",
	    "2080501", "行政单位离退休",       "0.54", /* 146.54 */
	    "2080505", "机关事业单位基本养老保险缴费支出", "120.13",
	    "2080506", "机关事业单位职业年金缴费支出", "33.33",
	};
	table_of(r, "general_budget_expenditure", cols, 3, cells, 4);
	gk_doc *d = ocr_doc();
	gk_doc_add_page(d, 600, 800);
	gk_line *l = gk_doc_add_line(d, 1, 10, 20, 9, GK_GEOM_POS);
	for (int i = 0; i < 4; i++)
		gk_line_add_cell_y(l, 10 + 50 * i, 40 + 50 * i, 0, 0, cells[3 * i + 2], strlen(cells[3 * i + 2]))->conf = 95;
	gk_read_findings(r, d, NULL);
	cr_assert_eq(fails(r, "general_budget_expenditure", "ocr:suspect", 2), 1);
	gk_result_drop(r);
	gk_doc_drop(d);
}

/* A table printed in 元 and put in 万元 drops its figures' trailing zeros:
 * 224,204,336.00 元 is 22420.4336 beside 1864.08; its figures of four
 * decimals are no digits OCR made up (a table of 万元 to two decimals
 * printing 12.50 would flag them) */
Test(ocr_flags, yuan_figures_keep_their_decimals)
{
	gk_result *r = gk_result_new();
	static const char *cols[] = {"econ_code", "econ_name", "total"};
	const char *cells[] = {
	    "30201", "办公费", "1864.08",    "30202", "印刷费", "12.50",     "30205", "水费", "3.20",
	    "30206", "电费", "7.61",         "30207", "邮电费", "46.70",     "30209", "物业管理费", "147.31",
	    "30211", "差旅费", "22420.4336", "30213", "维修（护）费", "190.9136", "30214", "租赁费", "19070.9936",
	};
	table_of(r, "general_budget_basic_expenditure", cols, 3, cells, 9);
	gk_doc *d = ocr_doc();
	gk_read_findings(r, d, NULL);
	cr_assert_eq(fails(r, "general_budget_basic_expenditure", "ocr:decimals", 0), 0);
	gk_result_drop(r);
	/* one of them ending in 0 (a digit made up, 12572.730): flagged */
	cells[3 * 8 + 2] = "19070.9930";
	r = gk_result_new();
	table_of(r, "general_budget_basic_expenditure", cols, 3, cells, 9);
	gk_read_findings(r, d, NULL);
	cr_assert_eq(fails(r, "general_budget_basic_expenditure", "ocr:decimals", 0), 3);
	gk_result_drop(r);
	/* the same figures under a head printing 万元 (江苏政协's 13,297.11 read
	 * 13.2917): their extra decimals are OCR's, flagged */
	cells[3 * 8 + 2] = "19070.9936";
	r = gk_result_new();
	gk_table_set_unit(table_of(r, "general_budget_basic_expenditure", cols, 3, cells, 9), "万元");
	gk_read_findings(r, d, NULL);
	cr_assert_eq(fails(r, "general_budget_basic_expenditure", "ocr:decimals", 0), 3);
	gk_result_drop(r);
	gk_doc_drop(d);
}

/* A function table printed without codes (杭州): its 类, 款 and 项 rows
 * each add up to the 合计, so all its rows to three times it; on a page
 * read by OCR that is levels of a tree, not rows read twice */
Test(ocr_flags, rows_of_three_levels_add_up_three_times)
{
	static const char *cols[] = {"func_code", "name", "total"};
	const char *cells[] = {
	    "", "合计", "300.00",      "", "社会保障和就业支出", "300.00", "", "行政事业单位养老支出", "300.00",
	    "", "行政单位离退休", "100.00", "", "机关事业单位基本养老保险缴费支出", "200.00",
	};
	gk_doc *d = ocr_doc();
	gk_result *r = gk_result_new();
	table_of(r, "expenditure_by_function", cols, 3, cells, 5);
	gk_checks_run(r, d);
	cr_assert_str_eq(status_of(r, "col:合计=Σleaves", "total"), "skip");
	gk_result_drop(r);
	/* the text path: as ever */
	r = gk_result_new();
	table_of(r, "expenditure_by_function", cols, 3, cells, 5);
	gk_checks_run(r, NULL);
	cr_assert_str_eq(status_of(r, "col:合计=Σleaves", "total"), "unsure");
	gk_result_drop(r);
	/* a sum that misses by another factor stays a doubt */
	cells[14] = "260.00";
	r = gk_result_new();
	table_of(r, "expenditure_by_function", cols, 3, cells, 5);
	gk_checks_run(r, d);
	cr_assert_str_neq(status_of(r, "col:合计=Σleaves", "total"), "skip");
	gk_result_drop(r);
	gk_doc_drop(d);
}

/* A 类 held by the 合计 over its 款, one 款 read 0.25 for 134.25 (its
 * head lost), the others read surely and nothing like what the 类 wants
 * of them: that 款 is the suspect, not every 款 */
Test(ocr_flags, the_parts_that_look_misread)
{
	gk_result *r = gk_result_new();
	static const char *cols[] = {"econ_code", "econ_name", "total"};
	static const char *cells[] = {
	    "",      "合计",             "2000.00", "301",   "工资福利支出",     "1000.00",
	    "302",   "商品和服务支出",   "558.97",  "30201", "办公费",           "57.81",
	    "30206", "电费",             "23.00",   "30211", "差旅费",           "96.44",
	    "30239", "其他交通费用",     "0.25",    "30299", "其他商品和服务支出", "247.47",
	    "303",   "对个人和家庭的补助", "441.03",
	};
	table_of(r, "general_budget_basic_expenditure", cols, 3, cells, 9);
	gk_doc *d = ocr_doc();
	gk_doc_add_page(d, 600, 800);
	for (int i = 0; i < 9; i++) {
		gk_line *l = gk_doc_add_line(d, 1, 10 + 20 * i, 20 + 20 * i, 9, GK_GEOM_POS);
		gk_line_add_cell_y(l, 300, 350, 0, 0, cells[3 * i + 2], strlen(cells[3 * i + 2]))->conf = 90;
	}
	gk_read_findings(r, d, NULL);
	cr_assert_eq(fails(r, "general_budget_basic_expenditure", "ocr:suspect", 7), 1);
	cr_assert_eq(fails(r, "general_budget_basic_expenditure", "ocr:suspect", 4), 0);
	cr_assert_eq(fails(r, "general_budget_basic_expenditure", "ocr:suspect", 0), 1);
	gk_result_drop(r);
	gk_doc_drop(d);
}

/* A table of one row (江苏政协's 收入表: 13,297.11 read 13.2917 beside
 * 80.00) has too few figures to tell its decimals: under a head printing
 * 万元 it prints the document's other tables' count */
Test(ocr_flags, few_figures_take_the_documents_decimals)
{
	static const char *fcols[] = {"func_code", "name", "total"};
	static const char *fcells[] = {
	    "201", "一般公共服务支出", "120.50", "20101", "人大事务", "100.20", "20102", "政协事务", "20.30",
	};
	static const char *ucols[] = {"unit_name", "general_budget", "other_income"};
	static const char *ucells[] = {"合计", "13.2917", "80.00"};
	gk_doc *d = ocr_doc();
	for (int printed = 0; printed < 2; printed++) {
		gk_result *r = gk_result_new();
		table_of(r, "expenditure_by_function", fcols, 3, fcells, 3);
		gk_table *u = table_of(r, "revenue_by_unit", ucols, 3, ucells, 1);
		if (printed)
			gk_table_set_unit(u, "万元");
		gk_read_findings(r, d, NULL);
		cr_assert_eq(fails(r, "revenue_by_unit", "ocr:decimals", 1), printed, "head prints 万元: %d", printed);
		gk_result_drop(r);
	}
	gk_doc_drop(d);
}

/* A 款 that prints nothing but 0.00 where its 类 wants a figure (上海普陀
 * 决算's 事业单位离退休 28.11 read 0.00: its figures lost, another
 * column's 0.00 slid in) is a suspect, not the 类 alone as where rows
 * were lost */
Test(ocr_flags, a_row_of_zeros_its_sum_wants_a_figure_of)
{
	gk_result *r = gk_result_new();
	static const char *cols[] = {"econ_code", "econ_name", "total"};
	static const char *cells[] = {
	    "",      "合计",             "2000.00", "301",   "工资福利支出",     "1000.00",
	    "302",   "商品和服务支出",   "558.97",  "30201", "办公费",           "57.81",
	    "30206", "电费",             "0.00",    "30211", "差旅费",           "96.44",
	    "30239", "其他交通费用",     "134.25",  "30299", "其他商品和服务支出", "147.47",
	    "303",   "对个人和家庭的补助", "441.03",
	};
	table_of(r, "general_budget_basic_expenditure", cols, 3, cells, 9);
	gk_doc *d = ocr_doc();
	gk_doc_add_page(d, 600, 800);
	for (int i = 0; i < 9; i++) {
		gk_line *l = gk_doc_add_line(d, 1, 10 + 20 * i, 20 + 20 * i, 9, GK_GEOM_POS);
		gk_line_add_cell_y(l, 300, 350, 0, 0, cells[3 * i + 2], strlen(cells[3 * i + 2]))->conf = 90;
	}
	gk_read_findings(r, d, NULL);
	cr_assert_eq(fails(r, "general_budget_basic_expenditure", "ocr:suspect", 5), 1);
	/* the figures that are no misreading of what the 类 wants are not */
	cr_assert_eq(fails(r, "general_budget_basic_expenditure", "ocr:suspect", 6), 0);
	cr_assert_eq(fails(r, "general_budget_basic_expenditure", "ocr:suspect", 8), 0);
	gk_result_drop(r);
	gk_doc_drop(d);
}

/* 郑州's 经济分类汇总表 at 150 dpi: a rule's stub read into 其中财政拨款,
 * 3.4 beside its whole 一般公共预算 3.0.  No page prints a part above its
 * whole: the part is flagged; the whole, held by its column's sum (302 =
 * 30229 + 30231), is not. */
Test(ocr_flags, a_part_above_its_whole)
{
	gk_result *r = gk_result_new();
	static const char *cols[] = {"econ_code", "econ_name", "total", "general_budget", "general_budget_appropriation"};
	static const char *cells[] = {
	    "302",   "商品和服务支出",     "4.0", "4.0", "4.0",
	    "30229", "福利费",             "3.0", "3.0", "3.4",
	    "30231", "公务用车运行维护费", "1.0", "1.0", "1.0",
	};
	table_of(r, "expenditure_by_economic_class", cols, 5, cells, 3);
	gk_doc *d = ocr_doc();
	gk_read_findings(r, d, NULL);
	cr_assert_eq(fails(r, "expenditure_by_economic_class", "ocr:part", 2), 1);
	cr_assert_str_eq(status_of(r, "ocr:part", "30229/general_budget_appropriation"), "fail");
	cr_assert_str_eq(status_of(r, "ocr:part", "30229/general_budget"), "", "its whole is held by its column");
	gk_result_drop(r);
	gk_doc_drop(d);
}

/* 广州气象's project names: 预警 read 预答 wherever the page prints it
 * (rules `ocr-word`); put right, the reading kept in an ocr:label check;
 * 预答辩, a word of its own, left alone. */
Test(ocr_flags, a_word_misread_alike)
{
	gk_rules *rules = repo_rules();
	gk_result *r = gk_result_new();
	static const char *cols[] = {"project_name", "unit_name", "total"};
	static const char *cells[] = {
	    "广州市突发预答信息发布服务工作经费", "广州市气象局", "97.00",
	    "论文预答辩经费",                     "广州市气象局", "3.00",
	};
	gk_table *t = table_of(r, "project_expenditure", cols, 3, cells, 2);
	gk_doc *d = ocr_doc();
	gk_read_findings(r, d, rules);
	cr_assert_str_eq(t->rows[0][0], "广州市突发预警信息发布服务工作经费");
	cr_assert_str_eq(t->rows[1][0], "论文预答辩经费");
	cr_assert_str_eq(status_of(r, "ocr:label", "1/project_name"), "corrected");
	gk_result_drop(r);
	gk_doc_drop(d);
	gk_rules_drop(rules);
}

/* 重庆水利's 收入表 by function: a name wrapped over two lines read in the
 * wrong order (险缴费支出机关事业单位基本养老保) takes its code's standard name,
 * as the function tables' names do. */
Test(ocr_flags, a_revenue_rows_function_name)
{
	gk_rules *rules = repo_rules();
	gk_result *r = gk_result_new();
	static const char *cols[] = {"func_code", "func_name", "total"};
	static const char *cells[] = {"2080505", "险缴费支出机关事业单位基本养老保", "3043.23"};
	gk_table *t = table_of(r, "revenue_by_unit", cols, 3, cells, 1);
	gk_doc *d = ocr_doc();
	gk_read_findings(r, d, rules);
	cr_assert_str_eq(t->rows[0][1], "机关事业单位基本养老保险缴费支出");
	cr_assert_str_eq(status_of(r, "ocr:label", "2080505/func_name"), "corrected");
	gk_result_drop(r);
	gk_doc_drop(d);
	gk_rules_drop(rules);
}
