/* test_ocr_three.c - an OCR'd 三公 table's figures placed by its two
 * identities and their printed order (normalize/ocrthree.c). */
#include <criterion/criterion.h>
#include <string.h>

#include "../../normalize/normalize.h"
#include "../../normalize/ocrfix.h"

static const char *COLS[] = {"unit_name", "total", "overseas_travel", "vehicle_total", "vehicle_purchase",
                             "vehicle_operation", "reception", "x_a", "x_b"};
#define NCOL 9

/* One 合计 row: the figures printed, at these right edges, and the
 * table's cells as the header reading placed them (COLS[1..8]). */
static gk_table *build(gk_result *r, gk_doc *d, const char *const *figs, const double *right, int nfig,
                       const char *const *cells, const char *unit)
{
	gk_doc_add_page(d, 595, 842);
	gk_doc_set_meta(d, "ocr_pages", "1");
	gk_table *t = gk_result_add_table(r, "three_public_expenses", "t", 1, COLS, NCOL);
	gk_table_set_unit(t, unit);
	gk_line *l = gk_doc_add_line(d, 1, 130, 140, 9, GK_GEOM_POS);
	gk_line_add_cell_y(l, 55, 80, 0, 0, "合计", strlen("合计"));
	for (int k = 0; k < nfig; k++)
		gk_line_add_cell_y(l, right[k] - 26, right[k], 0, 0, figs[k], strlen(figs[k]));
	gk_table_add_row(t);
	gk_table_set(t, 0, 0, "合计");
	for (int k = 0; k < NCOL - 1; k++)
		gk_table_set(t, 0, k + 1, cells[k]);
	gk_table_set_source(t, 0, 1, 55, 129, 80, 141);
	return t;
}

static int count(const gk_result *r, const char *check, const char *status)
{
	int n = 0;
	for (int i = 0; i < r->ncheck; i++)
		n += !strcmp(r->checks[i].check, check) && !strcmp(r->checks[i].status, status);
	return n;
}

/* 上海市财政局 p.14 at 200 dpi: the 合计 header (beside 编制单位) garbled,
 * its 346.30 went to an x_ column and the figures after it to wrong
 * keys; 上海 prints 公务接待费 before 公务用车, and 机关运行经费 right of
 * the table.  In page order 346.30 288.70 25.40 32.20 _ 32.20 2517.78
 * only total, travel, reception, vehicle, operation make both
 * identities hold. */
Test(ocr_three, garbled_total_header_placed_by_order)
{
	gk_result *r = gk_result_new();
	gk_doc *d = gk_doc_new();
	const char *figs[] = {"346.30", "288.70", "25.40", "32.20", "32.20", "2517.78"};
	const double right[] = {120, 170, 220, 320, 420, 470};
	const char *cells[] = {"288.70", "25.40", "32.20", "", "32.20", "", "346.30", "2517.78"};
	gk_table *t = build(r, d, figs, right, 6, cells, "万元");
	gk_line *h = gk_doc_add_line(d, 1, 110, 120, 9, GK_GEOM_POS);
	gk_line_add_cell_y(h, 180, 230, 0, 0, "公务接待费", strlen("公务接待费"));
	gk_line_add_cell_y(h, 280, 420, 0, 0, "公务用车购置及运行费", strlen("公务用车购置及运行费"));
	gk_read_findings(r, d, NULL);
	cr_assert_str_eq(gk_table_get(t, 0, "total"), "346.30");
	cr_assert_str_eq(gk_table_get(t, 0, "overseas_travel"), "288.70");
	cr_assert_str_eq(gk_table_get(t, 0, "vehicle_total"), "32.20");
	cr_assert_str_eq(gk_table_get(t, 0, "vehicle_purchase"), "");
	cr_assert_str_eq(gk_table_get(t, 0, "vehicle_operation"), "32.20");
	cr_assert_str_eq(gk_table_get(t, 0, "reception"), "25.40");
	cr_assert_eq(gk_table_col(t, "x_a"), -1);
	cr_assert_str_eq(gk_table_get(t, 0, "x_b"), "2517.78");
	cr_assert_eq(count(r, "ocr:columns", "corrected"), 1);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* The same figures under a header printing 用车 before 接待 (TABLES.md's
 * order): no placement holds, the row stays as read. */
Test(ocr_three, print_order_from_header)
{
	gk_result *r = gk_result_new();
	gk_doc *d = gk_doc_new();
	const char *figs[] = {"346.30", "288.70", "25.40", "32.20", "32.20", "2517.78"};
	const double right[] = {120, 170, 220, 320, 420, 470};
	const char *cells[] = {"288.70", "25.40", "32.20", "", "32.20", "", "346.30", "2517.78"};
	gk_table *t = build(r, d, figs, right, 6, cells, "万元");
	gk_line *h = gk_doc_add_line(d, 1, 110, 120, 9, GK_GEOM_POS);
	gk_line_add_cell_y(h, 180, 330, 0, 0, "公务用车购置及运行费", strlen("公务用车购置及运行费"));
	gk_line_add_cell_y(h, 400, 440, 0, 0, "公务接待费", strlen("公务接待费"));
	gk_read_findings(r, d, NULL);
	cr_assert_str_eq(gk_table_get(t, 0, "total"), "288.70");
	cr_assert_eq(count(r, "ocr:columns", "corrected"), 0);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* 北京 p.10 (元 printed, 万元 kept): 441720 291720 150000 150000 read
 * as total, vehicle, operation, reception.  Placed in order, the last
 * 150000 may be 购置费 or 运行费: the prior takes 运行费. */
Test(ocr_three, vehicle_part_goes_to_operation)
{
	gk_result *r = gk_result_new();
	gk_doc *d = gk_doc_new();
	const char *figs[] = {"441720.00", "291720.00", "150000.00", "150000.00"};
	const double right[] = {120, 170, 220, 320};
	const char *cells[] = {"44.172000", "", "29.172000", "", "15.000000", "15.000000", "", ""};
	gk_table *t = build(r, d, figs, right, 4, cells, "元");
	gk_read_findings(r, d, NULL);
	cr_assert_str_eq(gk_table_get(t, 0, "total"), "44.172000");
	cr_assert_str_eq(gk_table_get(t, 0, "overseas_travel"), "29.172000");
	cr_assert_str_eq(gk_table_get(t, 0, "vehicle_total"), "15.000000");
	cr_assert_str_eq(gk_table_get(t, 0, "vehicle_purchase"), "");
	cr_assert_str_eq(gk_table_get(t, 0, "vehicle_operation"), "15.000000");
	cr_assert_str_eq(gk_table_get(t, 0, "reception"), "");
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* 5.0 and 5.0 (a third 5.0 lost): total and travel, total and vehicle,
 * total and reception all hold - nothing is moved. */
Test(ocr_three, two_equal_figures_stay)
{
	gk_result *r = gk_result_new();
	gk_doc *d = gk_doc_new();
	const char *figs[] = {"5.0", "5.0"};
	const double right[] = {120, 220};
	const char *cells[] = {"5.0", "", "", "", "", "", "5.0", ""};
	gk_table *t = build(r, d, figs, right, 2, cells, "万元");
	gk_read_findings(r, d, NULL);
	cr_assert_str_eq(gk_table_get(t, 0, "total"), "5.0");
	cr_assert_str_eq(gk_table_get(t, 0, "x_a"), "5.0");
	cr_assert_eq(count(r, "ocr:columns", "corrected"), 0);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* A row that holds as read is left alone, even where another order of
 * its figures would hold too. */
Test(ocr_three, row_that_holds_stays)
{
	gk_result *r = gk_result_new();
	gk_doc *d = gk_doc_new();
	const char *figs[] = {"10.00", "2.00", "5.00", "5.00", "3.00"};
	const double right[] = {120, 170, 220, 320, 370};
	const char *cells[] = {"10.00", "2.00", "5.00", "", "5.00", "3.00", "", ""};
	gk_table *t = build(r, d, figs, right, 5, cells, "万元");
	gk_read_findings(r, d, NULL);
	cr_assert_str_eq(gk_table_get(t, 0, "reception"), "3.00");
	cr_assert_eq(count(r, "ocr:columns", "corrected"), 0);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* A figure the page does not print where the row says (read off its
 * line): the row cannot be ordered and stays as read, flagged by the
 * identities it breaks. */
Test(ocr_three, figure_not_on_page_stays)
{
	gk_result *r = gk_result_new();
	gk_doc *d = gk_doc_new();
	const char *figs[] = {"346.30", "288.70", "32.20", "32.20"};
	const double right[] = {120, 170, 220, 320};
	const char *cells[] = {"288.70", "25.40", "32.20", "", "32.20", "", "346.30", ""};
	gk_table *t = build(r, d, figs, right, 4, cells, "万元");
	gk_read_findings(r, d, NULL);
	cr_assert_str_eq(gk_table_get(t, 0, "total"), "288.70");
	cr_assert_eq(count(r, "ocr:columns", "corrected"), 0);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* 国家信访局 决算 p.9: 预算数 printed left of 决算数, each group under its
 * own words.  The 决算数 row 46.21 4.69 40.61 _ 40.61 0.90 read with
 * 40.61 under 因公出国 and 4.69 under an x_ column; the words of the
 * 预算数 group (因公出国, 公务接待 left of the row's first figure) are not
 * this row's: by the words right of 46.21 and both identities, 4.69 is
 * the travel and 40.61 the vehicle. */
Test(ocr_three, other_groups_words_left_alone)
{
	gk_result *r = gk_result_new();
	gk_doc *d = gk_doc_new();
	const char *figs[] = {"46.21", "4.69", "40.61", "40.61", "0.90"};
	const double right[] = {410, 484, 541, 711, 791};
	const char *cells[] = {"46.21", "40.61", "", "", "40.61", "0.90", "4.69", ""};
	gk_table *t = build(r, d, figs, right, 5, cells, "万元");
	gk_line *h = gk_doc_add_line(d, 1, 110, 120, 9, GK_GEOM_POS);
	gk_line_add_cell_y(h, 72, 109, 0, 0, "因公出国", strlen("因公出国"));
	gk_line_add_cell_y(h, 301, 339, 0, 0, "公务接待", strlen("公务接待"));
	gk_line_add_cell_y(h, 423, 461, 0, 0, "因公出国", strlen("因公出国"));
	gk_line_add_cell_y(h, 545, 663, 0, 0, "公务用车购置及运行维护费", strlen("公务用车购置及运行维护费"));
	gk_line_add_cell_y(h, 734, 782, 0, 0, "公务接待费", strlen("公务接待费"));
	gk_read_findings(r, d, NULL);
	cr_assert_str_eq(gk_table_get(t, 0, "total"), "46.21");
	cr_assert_str_eq(gk_table_get(t, 0, "overseas_travel"), "4.69");
	cr_assert_str_eq(gk_table_get(t, 0, "vehicle_total"), "40.61");
	cr_assert_str_eq(gk_table_get(t, 0, "vehicle_operation"), "40.61");
	cr_assert_str_eq(gk_table_get(t, 0, "reception"), "0.90");
	cr_assert_eq(count(r, "ocr:columns", "corrected"), 1);
	gk_doc_drop(d);
	gk_result_drop(r);
}
