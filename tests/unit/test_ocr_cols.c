/* test_ocr_cols.c - the columns of an OCR'd table put right by its row
 * identities and the page columns of its figures (normalize/ocrcols.c). */
#include <criterion/criterion.h>
#include <string.h>

#include "../../normalize/normalize.h"
#include "../../normalize/ocrfix.h"

/* One printed row: its figures and the right edges they are printed at,
 * as the doc's cells; the table row gets the figures as the header
 * reading placed them (cols[] of the table, "" blank). */
typedef struct prow {
	const char *label;
	const char *fig[4];
	double right[4];
	const char *cell[4]; /* as read into the table's amount columns */
} prow;

static gk_table *build(gk_result *r, gk_doc *d, const char *id, const char *const *cols, int ncol, int nlab,
                       const prow *rows, int n)
{
	gk_doc_add_page(d, 595, 842);
	gk_doc_set_meta(d, "ocr_pages", "1");
	gk_table *t = gk_result_add_table(r, id, "t", 1, cols, ncol);
	for (int i = 0; i < n; i++) {
		double y0 = 130 + 14 * i, y1 = y0 + 10;
		gk_line *l = gk_doc_add_line(d, 1, y0, y1, 9, GK_GEOM_POS);
		gk_line_add_cell_y(l, 55, 100, 0, 0, rows[i].label, strlen(rows[i].label));
		for (int k = 0; k < 4 && rows[i].fig[k]; k++)
			gk_line_add_cell_y(l, rows[i].right[k] - 26, rows[i].right[k], 0, 0, rows[i].fig[k],
			                   strlen(rows[i].fig[k]));
		gk_table_add_row(t);
		gk_table_set(t, i, nlab - 1, rows[i].label);
		for (int k = 0; k < ncol - nlab; k++)
			gk_table_set(t, i, nlab + k, rows[i].cell[k] ? rows[i].cell[k] : "");
		gk_table_set_source(t, i, 1, 55, y0 - 1, 100, y1 + 1);
	}
	return t;
}

static int count(const gk_result *r, const char *check, const char *status)
{
	int n = 0;
	for (int i = 0; i < r->ncheck; i++)
		n += !strcmp(r->checks[i].check, check) && !strcmp(r->checks[i].status, status);
	return n;
}

/* 新乡 p.13 at 200 dpi: the 合计 header over the first amount column read
 * "人不年一肥公基 2本馈革上各士山 一" (confidence 0-15): that column became
 * x_<garbage>, and the 人员经费 and 公用经费 figures went under total.
 * total = personnel + public broke on every row, and no map of the x_
 * column alone mends it: the header reading misplaced figures under keys.
 * One map of every figure mends every row (x_ -> total, the figures read
 * under total to personnel or public by their page column): it is
 * applied, one check per key that received figures. */
Test(ocr_cols, garbled_total_header_moves_every_figure)
{
	gk_result *r = gk_result_new();
	gk_doc *d = gk_doc_new();
	static const char *cols[] = {"econ_name", "total", "personnel", "public", "x_人不年一肥公基2本馈革上各士山一"};
	const prow rows[] = {
		{"合计", {"953.86", "884.87", "68.99"}, {367, 431, 487}, {"884.87", "", "68.99", "953.86"}},
		{"基本工资", {"104.09", "104.09"}, {367, 431}, {"104.09", "", "", "104.09"}},
		{"津贴补贴", {"75.21", "75.21"}, {367, 430}, {"75.21", "", "", "75.21"}},
		{"奖金", {"116.93", "116.93"}, {367, 430}, {"116.93", "", "", "116.93"}},
		{"办公费", {"3.00", "3.00"}, {367, 487}, {"3.00", "", "", "3.00"}},
		{"工会经费", {"4.51", "4.51"}, {367, 487}, {"4.51", "", "", "4.51"}},
	};
	gk_table *t = build(r, d, "general_budget_basic_expenditure", cols, 5, 1, rows, 6);
	gk_read_findings(r, d, NULL);
	cr_assert_str_eq(gk_table_get(t, 0, "total"), "953.86");
	cr_assert_str_eq(gk_table_get(t, 0, "personnel"), "884.87");
	cr_assert_str_eq(gk_table_get(t, 0, "public"), "68.99");
	cr_assert_str_eq(gk_table_get(t, 1, "personnel"), "104.09");
	cr_assert_str_eq(gk_table_get(t, 4, "total"), "3.00");
	cr_assert_str_eq(gk_table_get(t, 4, "personnel"), "");
	cr_assert_str_eq(gk_table_get(t, 4, "public"), "3.00");
	cr_assert_eq(gk_table_col(t, "x_人不年一肥公基2本馈革上各士山一"), -1);
	cr_assert_eq(count(r, "ocr:columns", "corrected"), 3); /* total, personnel, public */
	cr_assert_eq(count(r, "ocr:columns", "fail"), 0);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* The same misplacement on a table whose rows mostly hold as read (two
 * rows of five break): no doubt of the columns, so no figure under a key
 * moves (arithmetic cannot tell a table from itself shifted down its
 * hierarchy; 杭州气象 表5 was moved so before). */
Test(ocr_cols, rows_that_hold_keep_their_keys)
{
	gk_result *r = gk_result_new();
	gk_doc *d = gk_doc_new();
	static const char *cols[] = {"econ_name", "total", "personnel", "public"};
	const prow rows[] = {
		{"合计", {"953.86", "884.87", "68.99"}, {367, 431, 487}, {"884.87", "", "68.99"}},
		{"基本工资", {"104.09", "104.09"}, {367, 431}, {"104.09", "104.09", ""}},
		{"津贴补贴", {"75.21", "75.21"}, {367, 430}, {"75.21", "75.21", ""}},
		{"奖金", {"116.93", "116.93"}, {367, 430}, {"116.93", "116.93", ""}},
		{"办公费", {"3.00", "3.00"}, {367, 487}, {"3.00", "", "3.01"}},
	};
	gk_table *t = build(r, d, "general_budget_basic_expenditure", cols, 4, 1, rows, 5);
	gk_read_findings(r, d, NULL);
	cr_assert_str_eq(gk_table_get(t, 0, "total"), "884.87");
	cr_assert_str_eq(gk_table_get(t, 0, "personnel"), "");
	cr_assert_eq(count(r, "ocr:columns", "corrected"), 0);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* The same table whose x_ figures fit no column (a 2021 column, say):
 * nothing mends the identities, so the figures stay as read and the
 * table is flagged - never a silent wrong column. */
Test(ocr_cols, no_confirmed_map_is_a_flag)
{
	gk_result *r = gk_result_new();
	gk_doc *d = gk_doc_new();
	static const char *cols[] = {"econ_name", "total", "personnel", "public", "x_人不年"};
	const prow rows[] = {
		{"合计", {"900.00", "884.87", "68.99"}, {367, 431, 487}, {"884.87", "", "68.99", "900.00"}},
		{"基本工资", {"100.00", "104.09"}, {367, 431}, {"104.09", "", "", "100.00"}},
		{"津贴补贴", {"70.00", "75.21"}, {367, 430}, {"75.21", "", "", "70.00"}},
		{"奖金", {"110.00", "116.93"}, {367, 430}, {"116.93", "", "", "110.00"}},
	};
	gk_table *t = build(r, d, "general_budget_basic_expenditure", cols, 5, 1, rows, 4);
	gk_read_findings(r, d, NULL);
	cr_assert_str_eq(gk_table_get(t, 0, "total"), "884.87");
	cr_assert_str_eq(gk_table_get(t, 0, "x_人不年"), "900.00");
	cr_assert_eq(count(r, "ocr:columns", "corrected"), 0);
	cr_assert_eq(count(r, "ocr:columns", "fail"), 1);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* 新乡 p.9: two x_ columns between 工资福利支出 and 项目支出 hold 29.72 and
 * 68.99; either order mends basic = Σ parts.  The page's columns make a
 * grid (pitch 60, one empty column before 项目支出): the first is
 * 对个人和家庭的补助, the second 商品和服务支出, 资本性支出 empty. */
Test(ocr_cols, grid_gaps_choose_between_parts)
{
	gk_result *r = gk_result_new();
	gk_doc *d = gk_doc_new();
	static const char *cols[] = {"name",        "total",          "basic_total",          "basic_wages",
	                             "basic_family_subsidy", "basic_goods_services", "basic_capital",
	                             "project_total", "x_项目支出公ww全", "x_项目支出用经费资"};
	/* amount cells: total basic_total wages family goods capital project x1 x2 (only 4 printed each row:
	 * the helper places 4 figures; the rows print what fits) */
	gk_doc_add_page(d, 792, 612);
	gk_doc_set_meta(d, "ocr_pages", "1");
	gk_table *t = gk_result_add_table(r, "expenditure_by_function", "t", 1, cols, 10);
	const struct {
		const char *name, *fig[6];
		double right[6];
		const char *cell[9];
	} rows[] = {
		{"行政运行", {"368.80", "368.80", "323.24", "45.56"}, {324, 384, 444, 563},
		 {"368.80", "368.80", "323.24", "", "", "", "", "", "45.56"}},
		{"事业运行", {"426.60", "426.60", "403.71", "22.89"}, {324, 384, 444, 563},
		 {"426.60", "426.60", "403.71", "", "", "", "", "", "22.89"}},
		{"行政单位离退休", {"25.71", "25.71", "25.26", "0.45"}, {324, 384, 503, 563},
		 {"25.71", "25.71", "", "", "", "", "", "25.26", "0.45"}},
		{"事业单位离退休", {"4.55", "4.55", "4.46", "0.09"}, {324, 384, 503, 563},
		 {"4.55", "4.55", "", "", "", "", "", "4.46", "0.09"}},
		{"一般行政管理事务", {"398.41", "398.41"}, {324, 676}, {"398.41", "", "", "", "", "", "398.41", "", ""}},
	};
	for (int i = 0; i < 5; i++) {
		double y0 = 170 + 14 * i, y1 = y0 + 10;
		gk_line *l = gk_doc_add_line(d, 1, y0, y1, 9, GK_GEOM_POS);
		for (int k = 0; k < 6 && rows[i].fig[k]; k++)
			gk_line_add_cell_y(l, rows[i].right[k] - 26, rows[i].right[k], 0, 0, rows[i].fig[k],
			                   strlen(rows[i].fig[k]));
		gk_table_add_row(t);
		gk_table_set(t, i, 0, rows[i].name);
		for (int k = 0; k < 9; k++)
			gk_table_set(t, i, 1 + k, rows[i].cell[k]);
		gk_table_set_source(t, i, 1, 200, y0 - 1, 260, y1 + 1);
	}
	gk_read_findings(r, d, NULL);
	cr_assert_str_eq(gk_table_get(t, 2, "basic_family_subsidy"), "25.26");
	cr_assert_str_eq(gk_table_get(t, 2, "basic_goods_services"), "0.45");
	cr_assert_str_eq(gk_table_get(t, 0, "basic_goods_services"), "45.56");
	cr_assert_str_eq(gk_table_get(t, 0, "basic_capital"), "");
	cr_assert_str_eq(gk_table_get(t, 4, "project_total"), "398.41");
	cr_assert_eq(count(r, "ocr:columns", "corrected"), 2);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* 杭州气象 表5 at 200 dpi, read right: 合计 = 基本支出 + 项目支出 and 基本支出
 * = 人员经费 + 公用经费 hold on every row, but 人员经费 is printed without
 * its parts (工资福利, 对个人和家庭), columns the page does not have.  Such
 * a subtotal is no doubt: the table stays as read, no check (it was
 * moved one column right, every figure wrong, before). */
Test(ocr_cols, subtotal_without_its_parts_is_no_doubt)
{
	gk_result *r = gk_result_new();
	gk_doc *d = gk_doc_new();
	static const char *cols[] = {"name", "total", "basic_total", "basic_personnel", "basic_public"};
	const prow rows[] = {
		{"合计", {"3745.07", "3745.07", "2906.80", "838.27"}, {330, 390, 450, 510},
		 {"3745.07", "3745.07", "2906.80", "838.27"}},
		{"社会保障和就业支出", {"396.67", "396.67", "395.77", "0.90"}, {330, 390, 450, 510},
		 {"396.67", "396.67", "395.77", "0.90"}},
		{"机关事业单位基本养老保险缴费支出", {"135.62", "135.62", "135.62"}, {330, 390, 450},
		 {"135.62", "135.62", "135.62", ""}},
		{"卫生健康支出", {"80.52", "80.52", "80.52"}, {330, 390, 450}, {"80.52", "80.52", "80.52", ""}},
	};
	gk_table *t = build(r, d, "general_budget_expenditure", cols, 5, 1, rows, 4);
	gk_read_findings(r, d, NULL);
	cr_assert_str_eq(gk_table_get(t, 0, "total"), "3745.07");
	cr_assert_str_eq(gk_table_get(t, 0, "basic_personnel"), "2906.80");
	cr_assert_str_eq(gk_table_get(t, 2, "basic_personnel"), "135.62");
	cr_assert_eq(count(r, "ocr:columns", "corrected"), 0);
	cr_assert_eq(count(r, "ocr:columns", "fail"), 0);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* 杭州气象 表5 at 200 dpi (tests/ocr): 公用经费's header words garbled into
 * x_基本支出人; 人员经费 is printed without its parts.  No map of the x_
 * column alone passes the strict judging of rows (人员经费 over blank
 * parts), so every figure may move: a map one level down the hierarchy
 * (合计 -> 基本支出, 人员经费 -> 工资福利 ...) mends the identities as well.
 * The row total stays the left column and the map that moves least wins:
 * x_ -> 公用经费, the rest as read. */
Test(ocr_cols, moving_every_figure_keeps_the_total_first)
{
	gk_result *r = gk_result_new();
	gk_doc *d = gk_doc_new();
	static const char *cols[] = {"name", "total", "basic_personnel", "project_total", "x_基本支出人"};
	const prow rows[] = {
		{"合计", {"5876.67", "2906.80", "838.27", "2131.61"}, {446, 512, 574, 631},
		 {"5876.67", "2906.80", "2131.61", "838.27"}},
		{"社会保障和就业支出", {"396.67", "395.77", "0.90"}, {446, 512, 574}, {"396.67", "395.77", "", "0.90"}},
		{"科学技术支出", {"28.00", "28.00"}, {446, 631}, {"28.00", "", "28.00", ""}},
		{"行政运行", {"2617.19", "1907.01", "710.18"}, {446, 512, 574}, {"2617.19", "1907.01", "", "710.18"}},
		{"气象事业机构", {"650.68", "523.49", "127.19"}, {446, 512, 574}, {"650.68", "523.49", "", "127.19"}},
		{"气象服务", {"2103.61", "2103.61"}, {446, 631}, {"2103.61", "", "2103.61", ""}},
	};
	gk_table *t = build(r, d, "expenditure_by_function", cols, 5, 1, rows, 6);
	gk_read_findings(r, d, NULL);
	cr_assert_str_eq(gk_table_get(t, 0, "total"), "5876.67");
	cr_assert_str_eq(gk_table_get(t, 0, "basic_personnel"), "2906.80");
	cr_assert_str_eq(gk_table_get(t, 0, "basic_public"), "838.27");
	cr_assert_str_eq(gk_table_get(t, 0, "project_total"), "2131.61");
	cr_assert_eq(gk_table_col(t, "basic_wages"), -1);
	cr_assert_str_eq(gk_table_get(t, 3, "basic_public"), "710.18");
	cr_assert_eq(count(r, "ocr:columns", "corrected"), 1);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* 广州统计's 支出总表 at 200 dpi: 基本支出 read 基本支册, so its figures
 * went to an x_ column of their own beside three x_ columns the page
 * prints with 0.00 only (事业单位经营支出 …).  Four x_ columns are tried;
 * x_基本支册 -> basic_total makes total = basic + project hold on every
 * row, basic_total printed without its parts being confirmed by that
 * identity; the zero columns stay where the header put them. */
Test(ocr_cols, misread_basic_head_beside_zero_columns)
{
	gk_result *r = gk_result_new();
	gk_doc *d = gk_doc_new();
	static const char *cols[] = {"name",          "total",           "basic_total",         "project_total",
	                             "x_基本支册",    "x_事业单位经营支出", "x_对附属单位补助支出", "x_上缴上级支出"};
	gk_doc_add_page(d, 842, 595);
	gk_doc_set_meta(d, "ocr_pages", "1");
	gk_table *t = gk_result_add_table(r, "expenditure_by_function", "t", 1, cols, 8);
	static const double right[] = {381, 464, 547, 630, 714, 797};
	static const char *fig[][3] = {
		{"950.00", "800.00", "150.00"}, {"820.50", "700.25", "120.25"},
		{"129.50", "99.75", "29.75"},   {"60.00", "60.00", "0.00"},
	};
	static const char *name[] = {"合计", "一般公共服务支出", "社会保障和就业支出", "住房保障支出"};
	for (int i = 0; i < 4; i++) {
		double y0 = 170 + 14 * i, y1 = y0 + 10;
		gk_line *l = gk_doc_add_line(d, 1, y0, y1, 9, GK_GEOM_POS);
		const char *print[6] = {fig[i][0], fig[i][1], fig[i][2], "0.00", "0.00", "0.00"};
		for (int k = 0; k < 6; k++)
			gk_line_add_cell_y(l, right[k] - 30, right[k], 0, 0, print[k], strlen(print[k]));
		gk_table_add_row(t);
		gk_table_set(t, i, 0, name[i]);
		gk_table_set(t, i, 1, fig[i][0]);
		gk_table_set(t, i, 3, fig[i][2]);
		gk_table_set(t, i, 4, fig[i][1]);
		for (int k = 5; k < 8; k++)
			gk_table_set(t, i, k, "0.00");
		gk_table_set_source(t, i, 1, 55, y0 - 1, 100, y1 + 1);
	}
	gk_read_findings(r, d, NULL);
	for (int i = 0; i < 4; i++) {
		cr_assert_str_eq(gk_table_get(t, i, "basic_total"), fig[i][1]);
		cr_assert_str_eq(gk_table_get(t, i, "project_total"), fig[i][2]);
		cr_assert_str_eq(gk_table_get(t, i, "x_上缴上级支出"), "0.00");
	}
	cr_assert_eq(gk_table_col(t, "x_基本支册"), -1);
	cr_assert_eq(count(r, "ocr:columns", "corrected"), 1);
	cr_assert_eq(count(r, "ocr:columns", "fail"), 0);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* 杭州交通 表8 at 200 dpi: 合计 read 全计 (an x_ column), its figures and
 * 项目支出's printed two columns apart, 基本支出 empty between them.  Two
 * page columns make no grid (their one step is the pitch whatever lies
 * between), so basic_total, basic_wages and project_total mend the rows
 * alike: nothing moves, the table is flagged (basic_total had been
 * chosen, every figure confidently in the wrong column). */
Test(ocr_cols, two_page_columns_are_no_grid)
{
	gk_result *r = gk_result_new();
	gk_doc *d = gk_doc_new();
	static const char *cols[] = {"name", "total", "basic_total", "project_total", "x_全计"};
	const prow rows[] = {
		{"合计", {"221670.92", "221670.92"}, {402, 549}, {"221670.92", "", "", "221670.92"}},
		{"城乡社区支出", {"211000.00", "211000.00"}, {402, 549}, {"211000.00", "", "", "211000.00"}},
		{"交通运输支出", {"177.92", "177.92"}, {402, 549}, {"177.92", "", "", "177.92"}},
		{"其他支出", {"10493.00", "10493.00"}, {402, 549}, {"10493.00", "", "", "10493.00"}},
	};
	gk_table *t = build(r, d, "government_fund_expenditure", cols, 5, 1, rows, 4);
	gk_read_findings(r, d, NULL);
	for (int i = 0; i < 4; i++) {
		cr_assert_str_eq(gk_table_get(t, i, "basic_total"), "");
		cr_assert_str_eq(gk_table_get(t, i, "x_全计"), rows[i].fig[0]);
	}
	cr_assert_eq(count(r, "ocr:columns", "corrected"), 0);
	cr_assert_eq(count(r, "ocr:columns", "fail"), 1);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* 新乡 p.8 (部门收入预算表) at 200 dpi: the heads over 一般公共预算 and
 * 其中：财政拨款 were printed over one another and read "一" and
 * "政政府府性性基基金金": their figures went under x_ columns, and
 * 本年收入 = Σ its sources broke on every row.  The first x_ column under
 * general_budget mends every row; the second holds figures no identity
 * places (a 其中 of general_budget) and stays as read. */
Test(ocr_cols, revenue_by_unit_sources_placed_by_the_current_total)
{
	gk_result *r = gk_result_new();
	gk_doc *d = gk_doc_new();
	static const char *cols[] = {"unit_name", "total", "current_total", "x_一", "x_政政府府性性基基金金"};
	const prow rows[] = {
		{"合计", {"1352.27", "1352.27", "1352.27"}, {167, 204, 242}, {"1352.27", "1352.27", "1352.27", ""}},
		{"一单位", {"1352.27", "1352.27", "1352.27", "1352.27"},
		 {167, 204, 242, 280},
		 {"1352.27", "1352.27", "1352.27", "1352.27"}},
		{"二单位", {"100.00", "100.00", "100.00", "100.00"}, {167, 204, 242, 280}, {"100.00", "100.00", "100.00", "100.00"}},
		{"三单位", {"20.50", "20.50", "20.50", "10.00"}, {167, 204, 242, 280}, {"20.50", "20.50", "20.50", "10.00"}},
	};
	gk_table *t = build(r, d, "revenue_by_unit", cols, 5, 1, rows, 4);
	gk_read_findings(r, d, NULL);
	cr_assert_str_eq(gk_table_get(t, 0, "general_budget"), "1352.27");
	cr_assert_str_eq(gk_table_get(t, 3, "general_budget"), "20.50");
	cr_assert_eq(gk_table_col(t, "x_一"), -1);
	cr_assert_str_eq(gk_table_get(t, 3, "x_政政府府性性基基金金"), "10.00");
	cr_assert_eq(count(r, "ocr:columns", "corrected"), 1);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* 烟台统计局 收入总体情况表 p.8: the page prints 合计, then under
 * 财政拨款收入 its 小计 and 一般公共预算收入 (OCR read 预 / 算收入), the
 * others empty; both heads became x_ columns, every row prints one figure
 * three times.  Putting the last under general_budget mends every row,
 * and so do 本年收入 (current_total) in either x_ column, nearer by the
 * grid: by arithmetic and grid the maps tie.  The header words choose:
 * the page prints 本年收入 nowhere, and 小计 under 财政拨款收入 is that
 * group's subtotal, so the one map the header does not deny is applied. */
static gk_table *yantai(gk_result *r, gk_doc *d, const char *group)
{
	static const char *cols[] = {"unit_name", "total", "x_财政拨款收入小计", "x_财政拨款收入算收入"};
	const prow rows[] = {
		{"合计", {"2123.11", "2123.11", "2123.11"}, {231, 280, 330}, {"2123.11", "2123.11", "2123.11"}},
		{"一般公共服务支出", {"1506.40", "1506.40", "1506.40"}, {231, 280, 330}, {"1506.40", "1506.40", "1506.40"}},
		{"行政运行", {"588.75", "588.75", "588.75"}, {231, 280, 330}, {"588.75", "588.75", "588.75"}},
		{"一般行政管理事务", {"41.00", "41.00", "41.00"}, {231, 280, 330}, {"41.00", "41.00", "41.00"}},
		{"专项普查活动", {"285.00", "285.00", "285.00"}, {232, 281, 330}, {"285.00", "285.00", "285.00"}},
	};
	static const char *const head[][6] = {
		{"收入总体情况表", NULL},
		{"科目名称", "合计", NULL, "事业收入", "国有资本", NULL},
		{"小计", "预", "算收入", "(不含教育收费)", "营预算收入", NULL},
	};
	gk_doc_add_page(d, 595, 842);
	for (int l = 0; l < 3; l++) {
		gk_line *ln = gk_doc_add_line(d, 1, 80 + 14 * l, 90 + 14 * l, 9, GK_GEOM_POS);
		for (int k = 0; k < 6 && (head[l][k] || (l == 1 && k == 2)); k++) {
			const char *w = l == 1 && k == 2 ? group : head[l][k];
			gk_line_add_cell_y(ln, 150 + 50 * k, 190 + 50 * k, 0, 0, w, strlen(w));
		}
	}
	return build(r, d, "revenue_by_unit", cols, 4, 1, rows, 5);
}

Test(ocr_cols, header_words_break_a_tie_of_maps)
{
	char *err = NULL;
	gk_rules *rules = gk_rules_load("rules", &err);
	cr_assert_not_null(rules, "%s", err ? err : "");
	gk_result *r = gk_result_new();
	gk_doc *d = gk_doc_new();
	gk_table *t = yantai(r, d, "财政拨款收入");
	gk_ocr_columns(r, t, d, rules);
	cr_assert_str_eq(gk_table_get(t, 0, "general_budget"), "2123.11");
	cr_assert_str_eq(gk_table_get(t, 4, "general_budget"), "285.00");
	cr_assert_str_eq(gk_table_get(t, 4, "x_财政拨款收入小计"), "285.00");
	cr_assert_eq(gk_table_col(t, "current_total"), -1);
	cr_assert_eq(gk_table_col(t, "x_财政拨款收入算收入"), -1);
	cr_assert_eq(count(r, "ocr:columns", "corrected"), 1);
	cr_assert_eq(count(r, "ocr:columns", "fail"), 0);
	gk_doc_drop(d);
	gk_result_drop(r);
	/* without rules (no header words to ask) the tie stays a flag */
	r = gk_result_new();
	d = gk_doc_new();
	t = yantai(r, d, "财政拨款收入");
	gk_ocr_columns(r, t, d, NULL);
	cr_assert_eq(gk_table_col(t, "general_budget"), -1);
	cr_assert_eq(count(r, "ocr:columns", "fail"), 1);
	gk_doc_drop(d);
	gk_result_drop(r);
	gk_rules_drop(rules);
}

/* The same page whose group head reads 本年收入: a map onto current_total
 * agrees with the header as well, so the tie stays a flag. */
Test(ocr_cols, header_that_names_the_tied_key_keeps_the_flag)
{
	char *err = NULL;
	gk_rules *rules = gk_rules_load("rules", &err);
	cr_assert_not_null(rules, "%s", err ? err : "");
	gk_result *r = gk_result_new();
	gk_doc *d = gk_doc_new();
	gk_table *t = yantai(r, d, "本年收入");
	gk_ocr_columns(r, t, d, rules);
	cr_assert_str_eq(gk_table_get(t, 0, "x_财政拨款收入算收入"), "2123.11");
	cr_assert_eq(count(r, "ocr:columns", "corrected"), 0);
	cr_assert_eq(count(r, "ocr:columns", "fail"), 1);
	gk_doc_drop(d);
	gk_result_drop(r);
	gk_rules_drop(rules);
}
