/* Unit tests of the column solver (normalize/solve.c). */
#include <criterion/criterion.h>
#include <string.h>

#include "../../normalize/parse.h"

static solver_family func_family(void)
{
	solver_family f = {.name = "func", .nkey = 9,
	                   .key = {"total", "basic_total", "basic_wages", "basic_family_subsidy",
	                           "basic_goods_services", "basic_capital", "project_total",
	                           "project_operating", "project_specific"}};
	f.prior[3] = 3; /* as rules/columns.rules */
	f.prior[5] = 2;
	f.prior[7] = 1;
	return f;
}

static void set_row(prow *r, const char *const *nums, int n, const int *slots)
{
	memset(r, 0, sizeof *r);
	for (int i = 0; i < n; i++) {
		snprintf(r->num[i], sizeof r->num[i], "%s", nums[i]);
		r->slot[i] = slots ? slots[i] : -1;
	}
	r->nnum = n;
}

static const char *key_of(const solver_family *f, const prow *r, int j)
{
	return r->assign[j] >= 0 ? f->key[r->assign[j]] : "-";
}

/* flow text: 762.15 272.15 253.70 18.45 490.00 274.36 215.64, no positions;
 * the arithmetic places each number */
Test(solver, flow_row_by_identities)
{
	solver_family f = func_family();
	prow r;
	const char *n[] = {"762.15", "272.15", "253.70", "18.45", "490.00", "274.36", "215.64"};
	set_row(&r, n, 7, NULL);
	int leaf = 0;
	gk_solve_rows(&f, &r, 1, GK_GEOM_FLOW, -1, &leaf, NULL, NULL, "t");
	cr_assert_str_eq(key_of(&f, &r, 0), "total");
	cr_assert_str_eq(key_of(&f, &r, 1), "basic_total");
	cr_assert_str_eq(key_of(&f, &r, 2), "basic_wages");
	/* 18.45 could be family subsidy or goods: the prior says goods */
	cr_assert_str_eq(key_of(&f, &r, 3), "basic_goods_services");
	cr_assert_str_eq(key_of(&f, &r, 4), "project_total");
	cr_assert_str_eq(key_of(&f, &r, 5), "project_operating");
	cr_assert_str_eq(key_of(&f, &r, 6), "project_specific");
}

/* 210 04 09 10.00 10.00 10.00: basic or project?  The column sums decide. */
Test(solver, column_sums_settle_ties)
{
	solver_family f = func_family();
	prow rows[3];
	const char *tot[] = {"20.00", "10.00", "10.00", "10.00", "10.00", "10.00"};
	const char *a[] = {"10.00", "10.00", "10.00"}; /* basic wages */
	const char *b[] = {"10.00", "10.00", "10.00"}; /* project operating */
	set_row(&rows[0], tot, 6, NULL);
	set_row(&rows[1], a, 3, NULL);
	set_row(&rows[2], b, 3, NULL);
	int leaf[3] = {0, 1, 1};
	gk_solve_rows(&f, rows, 3, GK_GEOM_FLOW, 0, leaf, NULL, NULL, "t");
	/* together the two leaves must fill both basic and project */
	int basic = 0, project = 0;
	for (int i = 1; i < 3; i++) {
		basic += !strcmp(key_of(&f, &rows[i], 1), "basic_total");
		project += !strcmp(key_of(&f, &rows[i], 1), "project_total");
	}
	cr_assert_eq(basic, 1);
	cr_assert_eq(project, 1);
}

/* A TAB row that lost an empty cell: 1265.6 372.0 336.5 0.7 34.8 | 893.6 _ 893.6
 * printed at slots 0..5 and 7 belongs at 0..4, 6 and 8. */
Test(solver, tab_dropped_cell_shifts_once)
{
	solver_family f = func_family();
	prow r;
	const char *n[] = {"1265.6", "372.0", "336.5", "0.7", "34.8", "893.6", "893.6"};
	int slots[] = {0, 1, 2, 3, 4, 5, 7};
	set_row(&r, n, 7, slots);
	int leaf = 0;
	gk_solve_rows(&f, &r, 1, GK_GEOM_TAB, -1, &leaf, NULL, NULL, "t");
	cr_assert_str_eq(key_of(&f, &r, 3), "basic_family_subsidy");
	cr_assert_str_eq(key_of(&f, &r, 4), "basic_goods_services");
	cr_assert_str_eq(key_of(&f, &r, 5), "project_total");
	cr_assert_str_eq(key_of(&f, &r, 6), "project_specific");
}

/* Positions win when the arithmetic allows them: a subtotal left blank in
 * the source (368.80 = 323.24 + 45.56 with no basic_total printed). */
Test(solver, blank_subtotal_keeps_positions)
{
	solver_family f = func_family();
	prow r;
	const char *n[] = {"368.80", "323.24", "45.56"};
	int slots[] = {0, 2, 4};
	set_row(&r, n, 3, slots);
	int leaf = 0;
	gk_solve_rows(&f, &r, 1, GK_GEOM_TAB, -1, &leaf, NULL, NULL, "t");
	cr_assert_str_eq(key_of(&f, &r, 1), "basic_wages");
	cr_assert_str_eq(key_of(&f, &r, 2), "basic_goods_services");
}

/* The same figures twice can go two ways: that is said in checks.csv. */
Test(solver, ambiguity_is_reported)
{
	solver_family f = {.name = "basic", .nkey = 3, .key = {"total", "personnel", "public"}};
	prow r;
	const char *n[] = {"5.00", "5.00"};
	set_row(&r, n, 2, NULL);
	int leaf = 0;
	gk_result *res = gk_result_new();
	gk_solve_rows(&f, &r, 1, GK_GEOM_FLOW, -1, &leaf, NULL, res, "general_budget_basic_expenditure");
	cr_assert_eq(res->ncheck, 1);
	cr_assert_str_eq(res->checks[0].status, "ambiguous");
	cr_assert_str_eq(res->checks[0].check, "solver:ambiguous");
	gk_result_drop(res);
}

/* A table whose header named no column: nothing is placed, nothing breaks. */
Test(solver, no_columns)
{
	solver_family f = {.name = "func", .nkey = 0};
	prow r;
	const char *n[] = {"1.00", "2.00"};
	set_row(&r, n, 2, NULL);
	int leaf = 0;
	gk_solve_rows(&f, &r, 1, GK_GEOM_FLOW, -1, &leaf, NULL, NULL, "t");
	cr_assert_eq(r.assign[0], -1);
	cr_assert_eq(r.assign[1], -1);
}

/* x positions: the header word above a column decides between two keys
 * the arithmetic cannot tell apart. */
Test(solver, header_mask_decides)
{
	solver_family f = {.name = "three", .nkey = 6,
	                   .key = {"total", "overseas_travel", "vehicle_total", "vehicle_purchase",
	                           "vehicle_operation", "reception"}};
	prow r;
	const char *n[] = {"5.0", "5.0", "5.0"};
	int slots[] = {0, 1, 2};
	set_row(&r, n, 3, slots);
	unsigned mask[3] = {1u << 0, 1u << 2, 1u << 4}; /* 合计, 公务用车购置及运行费, 运行费 */
	int leaf = 0;
	gk_solve_rows(&f, &r, 1, GK_GEOM_POS, -1, &leaf, mask, NULL, "t");
	cr_assert_str_eq(key_of(&f, &r, 1), "vehicle_total");
	cr_assert_str_eq(key_of(&f, &r, 2), "vehicle_operation");
}

/* flow text, 合计 / unit row / one leaf, each 372.0 336.5 0.7 34.8: which
 * three of the four basic columns?  The rows agree with each other either
 * way, so the table alone cannot tell and says so for the total row and the
 * unit row; the 基本支出表's 303 rows (0.7) settle it. */
static void three_rows(prow *rows)
{
	const char *n[] = {"372.0", "372.0", "336.5", "0.7", "34.8"};
	for (int i = 0; i < 3; i++)
		set_row(&rows[i], n, 5, NULL);
}

Test(solver, total_row_tie_with_its_leaves_is_reported)
{
	solver_family f = func_family();
	prow rows[3];
	three_rows(rows);
	int leaf[3] = {0, 0, 1};
	gk_result *res = gk_result_new();
	gk_solve_rows(&f, rows, 3, GK_GEOM_FLOW, 0, leaf, NULL, res, "expenditure_by_function");
	/* the total row (its tie moves with the leaf) and the unit row */
	cr_assert_eq(res->ncheck, 2, "%d checks", res->ncheck);
	for (int i = 0; i < res->ncheck; i++) {
		cr_assert_str_eq(res->checks[i].status, "ambiguous");
		cr_assert_str_eq(res->checks[i].check, "solver:ambiguous");
	}
	gk_result_drop(res);
}

Test(solver, other_tables_settle_a_tie)
{
	solver_family f = func_family();
	/* Σ303 = 0.7, Σ302 = 34.8, no 310 rows */
	f.next = 3;
	f.ext_key[0] = 3, f.ext_key[1] = 4, f.ext_key[2] = 5;
	snprintf(f.ext_val[0], sizeof f.ext_val[0], "0.7");
	snprintf(f.ext_val[1], sizeof f.ext_val[1], "34.8");
	snprintf(f.ext_val[2], sizeof f.ext_val[2], "0");
	prow rows[3];
	three_rows(rows);
	int leaf[3] = {0, 0, 1};
	gk_result *res = gk_result_new();
	gk_solve_rows(&f, rows, 3, GK_GEOM_FLOW, 0, leaf, NULL, res, "expenditure_by_function");
	cr_assert_eq(res->ncheck, 0, "%d checks", res->ncheck);
	for (int i = 0; i < 3; i++) {
		cr_assert_str_eq(key_of(&f, &rows[i], 2), "basic_wages", "row %d", i);
		cr_assert_str_eq(key_of(&f, &rows[i], 3), "basic_family_subsidy", "row %d", i);
		cr_assert_str_eq(key_of(&f, &rows[i], 4), "basic_goods_services", "row %d", i);
	}
	gk_result_drop(res);
}

/* 合计 人员经费 公用经费 专项业务经费 with no 基本支出 column: a row with no
 * 人员经费 (219,800 = 99,800 公用 + 120,000 专项) stays where it is printed;
 * "total = basic + project" still holds with basic standing for 人员 + 公用. */
Test(solver, absent_subtotal_stands_for_its_parts)
{
	solver_family f = {.name = "func", .nkey = 4, .key = {"total", "basic_personnel", "basic_public", "project_total"}};
	prow r;
	const char *n[] = {"219800.00", "99800.00", "120000.00"};
	int slots[] = {0, 2, 3};
	set_row(&r, n, 3, slots);
	int leaf = 0;
	gk_solve_rows(&f, &r, 1, GK_GEOM_POS, -1, &leaf, NULL, NULL, "t");
	cr_assert_str_eq(key_of(&f, &r, 1), "basic_public");
	cr_assert_str_eq(key_of(&f, &r, 2), "project_total");
}

/* 杭州气象 degraded: 总计 | 基本支出 over 人员支出, 日常公用支出 | 项目支出,
 * the heads read weakly (the words above the 公用 column name 基本支出
 * too) and a garbled row printing five figures holding the page's five
 * slots to the five keys.  396.67 395.77 0.90 reads as basic + project
 * or as 人员 + 公用 alike, on two rows; a row of one figure (135.62 under
 * 人员支出) holds either way: its placement is as open as theirs. */
static int hangzhou(prow *rows, int nsame)
{
	const char *g[] = {"5371.48", "2430.50", "83723.73", "203", "61"};
	const char *a[] = {"396.67", "395.77", "0.90"}, *b[] = {"135.62", "135.62"};
	int slots[] = {0, 1, 2, 3, 4}, n = 0;
	set_row(&rows[n++], g, 5, slots);
	for (int i = 0; i < nsame; i++)
		set_row(&rows[n++], a, 3, slots);
	set_row(&rows[n++], b, 2, slots);
	return n;
}

static const unsigned HZ_MASK[5] = {1u << 0, 1u << 1 | 1u << 2, 1u << 1 | 1u << 3, 1u << 4, 1u << 4};

Test(solver, rows_a_shared_open_reading_moves_are_open)
{
	solver_family f = {.name = "func", .nkey = 5,
	                   .key = {"total", "basic_total", "basic_personnel", "basic_public", "project_total"}};
	f.ocr = 1;
	prow rows[4];
	int n = hangzhou(rows, 2), leaf[4] = {0, 0, 0, 0};
	gk_result *res = gk_result_new();
	gk_solve_rows(&f, rows, n, GK_GEOM_POS, -1, leaf, HZ_MASK, res, "expenditure_by_function");
	cr_assert_eq(res->ncheck, 3, "%d checks", res->ncheck);
	cr_assert_str_eq(res->checks[2].status, "ambiguous");
	cr_assert_str_eq(res->checks[2].found, "total=135.62 basic_total=135.62");
	cr_assert_str_eq(res->checks[2].expected, "total=135.62 basic_personnel=135.62");
	/* (its placement stays as it was) */
	cr_assert_str_eq(key_of(&f, &rows[3], 1), "basic_total");
	gk_result_drop(res);
}

/* One open row alone is no reading of the table: the others stay. */
Test(solver, one_open_row_moves_no_other)
{
	solver_family f = {.name = "func", .nkey = 5,
	                   .key = {"total", "basic_total", "basic_personnel", "basic_public", "project_total"}};
	f.ocr = 1;
	prow rows[3];
	int n = hangzhou(rows, 1), leaf[3] = {0, 0, 0};
	gk_result *res = gk_result_new();
	gk_solve_rows(&f, rows, n, GK_GEOM_POS, -1, leaf, HZ_MASK, res, "expenditure_by_function");
	cr_assert_eq(res->ncheck, 1, "%d checks", res->ncheck);
	gk_result_drop(res);
}

Test(decimal, equal_within_units)
{
	cr_assert(gk_dec_eq("784.8", "784.80", 0));
	cr_assert(gk_dec_eq("784.8", "784.7", 1));
	cr_assert_not(gk_dec_eq("784.8", "784.6", 1));
	cr_assert(gk_dec_eq("", "0", 0));
	cr_assert_not(gk_dec_eq("abc", "0", 5));
}

/* 杭州气象's degraded 三公 table: the unit row's 13.13 read as text (和入)
 * where the 合计 row prints 24.02; its 7.20 7.20 5.93 stand under 小计,
 * 运行费 and 公务接待费.  On a page OCR read they stay there; the first
 * figure of a row is its total only where no text stands where the
 * table's totals do (the text path, a row of clean figures). */
Test(solver, a_total_read_as_text_moves_no_figure)
{
	solver_family f = {.name = "three", .nkey = 6,
	                   .key = {"total", "overseas_travel", "vehicle_total", "vehicle_purchase", "vehicle_operation",
	                           "reception"}};
	static const unsigned mask[] = {0x1, 0x14, 0x10, 0x20};
	prow rows[2];
	const char *tot[] = {"24.02", "18.00", "18.00", "6.02"};
	const char *unit[] = {"7.20", "7.20", "5.93"};
	int ts[] = {0, 1, 2, 3}, us[] = {1, 2, 3};
	double tx[] = {239.0, 370.6, 483.3, 535.5}, ux[] = {375.3, 487.8, 535.7};
	for (int pass = 0; pass < 2; pass++) {
		set_row(&rows[0], tot, 4, ts);
		set_row(&rows[1], unit, 3, us);
		for (int j = 0; j < 4; j++)
			rows[0].nx0[j] = tx[j];
		for (int j = 0; j < 3; j++)
			rows[1].nx0[j] = ux[j];
		rows[1].ntext = 2;
		rows[1].text[0] = "杭州市气象局", rows[1].tx0[0] = 46.3;
		rows[1].text[1] = "和入", rows[1].tx0[1] = pass ? 100.0 : 239.6; /* pass 1: a label's piece */
		int leaf[2] = {0, 1};
		f.ocr = 1;
		gk_solve_rows(&f, rows, 2, GK_GEOM_POS, 0, leaf, mask, NULL, "three_public_expenses");
		if (pass == 0) {
			cr_assert_str_eq(key_of(&f, &rows[1], 0), "vehicle_total");
			cr_assert_str_eq(key_of(&f, &rows[1], 1), "vehicle_operation");
			cr_assert_str_eq(key_of(&f, &rows[1], 2), "reception");
		} else {
			cr_assert_str_eq(key_of(&f, &rows[1], 0), "total", "no text where totals stand: the first is the total");
		}
		cr_assert_str_eq(key_of(&f, &rows[0], 0), "total");
	}
}
