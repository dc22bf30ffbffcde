/* test_ocr.c - what OCR adds that needs no image: the amount grammar
 * (extract/ocrwords.c: gk_ocr_fix_amount, gk_ocr_fix_lines), the confidence in
 * the extract stream (lib/ptext.c), the arithmetic correction
 * (normalize/ocrfix.c). */
#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../../extract/extract.h"
#include "../../extract/ocr.h"
#include "../../extract/ocrwords.h"
#include "../../normalize/normalize.h"
#include "../../normalize/ocrfix.h"
#include "../../normalize/nctx.h"

static void amount(const char *in, int ok, const char *want)
{
	char buf[64];
	snprintf(buf, sizeof buf, "%s", in);
	int r = gk_ocr_fix_amount(buf);
	cr_assert_eq(r, ok, "'%s': %d, want %d", in, r, ok);
	cr_assert_str_eq(buf, want, "'%s' -> '%s', want '%s'", in, buf, want);
}

Test(ocr, amount_grammar)
{
	amount("56:20", 1, "56.20");       /* a colon for the point */
	amount("56,20", 1, "56.20");       /* a comma before two digits */
	amount("1,265.60", 1, "1265.60");  /* thousands */
	amount("1,265", 1, "1265");        /* a comma before three digits: thousands */
	amount("12,345,678.9", 1, "12345678.9");
	amount("4O7.5", 1, "407.5");       /* a letter O among digits */
	amount("l2.5", 1, "12.5");
	amount("477.24|", 1, "477.24");    /* a ruling line glued on */
	amount("-3.50", 1, "-3.50");
	amount("12.50 3.40", 0, "12.50 3.40"); /* two numbers: left alone */
	/* small print: a gap beside a separator; points for commas */
	amount("136.507 . 899.71", 1, "136507899.71");
	amount("0. 00", 1, "0.00");
	amount("136,507 .899.7 1", 0, "136,507 .899.7 1"); /* a gap between digits */
	amount("140 00", 0, "140 00");
	amount("201 03 01", 0, "201 03 01");   /* a code in groups */
	amount("2024年", 0, "2024年");
	amount("1,2,3", 0, "1,2,3");
	amount("行政运行", 0, "行政运行");
}

Test(ocr, column_gives_back_the_point)
{
	gk_doc *d = gk_doc_new();
	gk_doc_add_page(d, 600, 800);
	const char *col[] = {"477.24", "56.20", "12.00", "47724", "1000.50", "3", NULL};
	for (int i = 0; col[i]; i++) {
		gk_line *l = gk_doc_add_line(d, 1, 100 + 10 * i, 108 + 10 * i, 8, GK_GEOM_POS);
		gk_cell *c = gk_line_add_cell_y(l, 20, 60, 0, 0, "2010301", 7); /* codes: no column of amounts */
		c->conf = 90;
		c = gk_line_add_cell_y(l, 300 - 5 * (double)strlen(col[i]), 300.5, 0, 0, col[i], strlen(col[i]));
		c->conf = 88;
	}
	gk_ocr_fix_lines(d, 0);
	cr_assert_str_eq(d->line[3].cell[1].text, "477.24");
	cr_assert(d->line[3].cell[1].conf <= 60, "a repair is no reading");
	cr_assert_str_eq(d->line[5].cell[1].text, "3", "too short to have lost a point");
	cr_assert_str_eq(d->line[0].cell[0].text, "2010301");
	gk_doc_drop(d);
}

/* 郑州 p.18 degraded: half the column's figures lost their points
 * ("48679" for 4867.9, "862" for 86.2), too many to say it of the column;
 * each is as wide as its digits and a point, as the column's figures with
 * one are; an integer of as many digits is half a digit narrower. */
Test(ocr, a_figure_as_wide_as_its_point_lost_it)
{
	/* 4867.9 20.1 wide, 405.2 14.85, 86.2 10.97: 4.57 a digit, -2.8 */
	cr_assert(gk_ocr_lost_point(20.25, 5, 4.57, -2.8), "48679 as wide as 4867.9");
	cr_assert(gk_ocr_lost_point(11.46, 3, 4.57, -2.8), "862 as wide as 86.2");
	cr_assert(!gk_ocr_lost_point(18.0, 5, 4.57, -2.8), "an integer: no room for a point");
	cr_assert(!gk_ocr_lost_point(20.25, 6, 4.57, -2.8), "486739: a digit too many for its box");
	cr_assert(!gk_ocr_lost_point(20.25, 5, NAN, -2.8), "no advance known");

	gk_doc *d = gk_doc_new();
	gk_doc_add_page(d, 600, 800);
	/* the column as read, right edges within COL_TOL, boxes as Tesseract's */
	const char *col[][3] = {{"48679", "289.84", "310.09"}, {"4091.1", "289.84", "309.68"},
	                        {"405.2", "293.93", "309.89"}, {"862", "298.43", "309.89"},
	                        {"285.4", "294.95", "310.09"}, {"1000", "296.60", "309.90"}};
	for (int i = 0; i < 6; i++) {
		gk_line *l = gk_doc_add_line(d, 1, 100 + 10 * i, 108 + 10 * i, 8, GK_GEOM_POS);
		gk_cell *c = gk_line_add_cell_y(l, atof(col[i][1]), atof(col[i][2]), 0, 0, col[i][0], strlen(col[i][0]));
		c->conf = 88;
	}
	gk_ocr_fix_lines(d, 0);
	cr_assert_str_eq(d->line[0].cell[0].text, "4867.9");
	cr_assert_str_eq(d->line[3].cell[0].text, "86.2");
	cr_assert(d->line[3].cell[0].conf <= 60, "a repair is no reading");
	cr_assert_str_eq(d->line[5].cell[0].text, "1000", "as narrow as an integer of four digits");
	gk_doc_drop(d);

	/* 上海普陀 degraded, a table in 元: "358.052" is 358,052 with its comma
	 * read as a point, and "6958414" lost its commas, not a point */
	d = gk_doc_new();
	gk_doc_add_page(d, 600, 800);
	const char *yuan[][3] = {{"358.052", "280.0", "310.0"}, {"6958414", "275.5", "310.0"},
	                         {"335.816", "280.0", "310.0"}, {"47972", "288.0", "310.0"},
	                         {"12000", "288.0", "310.0"}, {"1.500", "291.0", "310.0"}};
	for (int i = 0; i < 6; i++) {
		gk_line *l = gk_doc_add_line(d, 1, 100 + 10 * i, 108 + 10 * i, 8, GK_GEOM_POS);
		gk_line_add_cell_y(l, atof(yuan[i][1]), atof(yuan[i][2]), 0, 0, yuan[i][0], strlen(yuan[i][0]))->conf = 88;
	}
	gk_ocr_fix_lines(d, 0);
	cr_assert_str_eq(d->line[1].cell[0].text, "6958414");
	cr_assert_str_eq(d->line[3].cell[0].text, "47972");
	gk_doc_drop(d);
}

/* 登封 p.9 degraded: "(二十一)" read as a word apart from its label
 * 住房保障支出, 8 points before it on a line 8 high: the row's label ran
 * on into the labels around it.  Put back together; a code is no
 * enumeration, nor is a cell far off. */
Test(ocr, an_enumeration_rejoins_its_label)
{
	cr_assert(gk_ocr_enumeration("(二十一)"));
	cr_assert(gk_ocr_enumeration("（三）"));
	cr_assert(gk_ocr_enumeration("十二、"));
	cr_assert(!gk_ocr_enumeration("(二十一)住房保障支出"));
	cr_assert(!gk_ocr_enumeration("()"));
	cr_assert(!gk_ocr_enumeration("(21)"));
	cr_assert(!gk_ocr_enumeration("二十一"));

	gk_doc *d = gk_doc_new();
	gk_doc_add_page(d, 600, 800);
	gk_line *l = gk_doc_add_line(d, 1, 420.19, 428.26, 8.06, GK_GEOM_POS);
	const char *cells[][3] = {{"256.03", "286.56", "(二十一)"}, {"294.91", "340.99", "住房保障支出"}, {"436.32", "451.87", "29.3"}};
	for (int i = 0; i < 3; i++)
		gk_line_add_cell_y(l, atof(cells[i][0]), atof(cells[i][1]), 0, 0, cells[i][2], strlen(cells[i][2]))->conf = 90;
	l = gk_doc_add_line(d, 1, 440, 448, 8, GK_GEOM_POS);
	gk_line_add_cell_y(l, 256, 286, 0, 0, "(二十二)", strlen("(二十二)"))->conf = 90;
	gk_line_add_cell_y(l, 400, 450, 0, 0, "粮油物资储备支出", strlen("粮油物资储备支出"))->conf = 90;
	gk_ocr_fix_lines(d, 0);
	cr_assert_eq(d->line[0].ncell, 2);
	cr_assert_str_eq(d->line[0].cell[0].text, "(二十一)住房保障支出");
	cr_assert_float_eq(d->line[0].cell[0].x1, 340.99, 1e-9);
	cr_assert_str_eq(d->line[0].cell[1].text, "29.3");
	cr_assert_eq(d->line[1].ncell, 2, "a label far off stays apart");
	gk_doc_drop(d);
}

Test(ocr, stream_keeps_confidence)
{
	gk_doc *d = gk_doc_new();
	gk_doc_set_meta(d, "ocr_pages", "1");
	gk_doc_add_page(d, 600, 800);
	gk_line *l = gk_doc_add_line(d, 1, 10, 20, 9, GK_GEOM_POS);
	gk_cell *c = gk_line_add_cell_y(l, 1, 2, 0, 0, "477.24", 6);
	c->conf = 87;
	gk_line_add_cell(l, 3, 4, "text layer", 10);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	cr_assert_eq(gk_doc_write(f, d), 0);
	fclose(f);
	cr_assert(strstr(buf, "1.00,2.00@87,477.24\t3.00,4.00,text layer"), "%s", buf);
	f = fmemopen(buf, len, "r");
	gk_doc *e = NULL;
	char *err = NULL;
	cr_assert_eq(gk_doc_read(f, &e, &err), 1, "%s", err ? err : "");
	fclose(f);
	cr_assert_float_eq(e->line[0].cell[0].conf, 87, 0.01);
	cr_assert_float_eq(e->line[0].cell[1].conf, -1, 0.01);
	gk_doc_drop(e);
	gk_doc_drop(d);
	free(buf);
	/* a bad confidence is a stream error naming the line */
	static const char bad[] = "%gongkai-extract 1\nL\t1\t1\t2\t3\tpos\t1,2@x,a\n%end\n";
	f = fmemopen((void *)bad, sizeof bad - 1, "r");
	cr_assert_eq(gk_doc_read(f, &e, &err), -1);
	cr_assert(strstr(err, "confidence"), "%s", err);
	free(err);
	fclose(f);
}

/* a function table's row whose 基本支出 OCR misread: its row identity and
 * its column sum both want the printed figure back */
Test(ocr, arithmetic_corrects_what_two_identities_confirm)
{
	gk_result *r = gk_result_new();
	static const char *cols[] = {"func_code", "name", "total", "basic_total", "project_total"};
	gk_table *t = gk_result_add_table(r, "general_budget_expenditure", "t", 1, cols, 5);
	const char *rows[][5] = {
		{"", "合计", "600.00", "400.00", "200.00"},
		{"2010301", "行政运行", "300.00", "271.24", "98.76"}, /* basic 201.24 read as 271.24 */
		{"2010302", "一般行政管理事务", "300.00", "198.76", "101.24"},
	};
	for (int i = 0; i < 3; i++) {
		char **row = gk_table_add_row(t);
		(void)row;
		for (int j = 0; j < 5; j++)
			gk_table_set(t, i, j, rows[i][j]);
	}
	gk_doc *d = gk_doc_new();
	gk_doc_set_meta(d, "ocr_pages", "1");
	gk_read_findings(r, d, NULL);
	cr_assert_str_eq(gk_table_get(t, 1, "basic_total"), "201.24");
	int corrected = 0;
	for (int i = 0; i < r->ncheck; i++)
		if (!strcmp(r->checks[i].check, "ocr:corrected")) {
			corrected++;
			cr_assert_str_eq(r->checks[i].expected, "201.24");
			cr_assert(strstr(r->checks[i].found, "271.24") != NULL);
		}
	cr_assert_eq(corrected, 1);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* 深圳信访's function table read with the heads of its totals lost: a
 * 款's total and one of its 项's.  The 款's is put right by its row and
 * its 类 though its own 项 sum stays broken (a 项 misread too), and then
 * that 项's by its row and the mended 款 */
Test(ocr, a_fix_may_leave_an_identity_broken_before)
{
	gk_result *r = gk_result_new();
	static const char *cols[] = {"func_code", "name", "total", "basic_total", "project_total"};
	gk_table *t = gk_result_add_table(r, "general_budget_expenditure", "t", 1, cols, 5);
	const char *rows[][5] = {
		{"201", "一般公共服务支出", "3459.13", "1866.84", "1592.29"},
		{"20140", "信访事务", "459.13", "1866.84", "1592.29"},   /* 3,459.13 */
		{"2014001", "行政运行", "866.84", "1866.84", "0.00"},    /* 1,866.84 */
		{"2014004", "信访业务", "1592.29", "0.00", "1592.29"},
	};
	for (int i = 0; i < 4; i++) {
		gk_table_add_row(t);
		for (int j = 0; j < 5; j++)
			gk_table_set(t, i, j, rows[i][j]);
	}
	gk_doc *d = gk_doc_new();
	gk_doc_set_meta(d, "ocr_pages", "1");
	gk_read_findings(r, d, NULL);
	cr_assert_str_eq(gk_table_get(t, 1, "total"), "3459.13");
	cr_assert_str_eq(gk_table_get(t, 2, "total"), "1866.84");
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* one identity alone does not make a correction: the cell is flagged */
Test(ocr, one_identity_is_a_flag_not_a_fix)
{
	gk_result *r = gk_result_new();
	static const char *cols[] = {"func_code", "name", "total", "basic_total", "project_total"};
	gk_table *t = gk_result_add_table(r, "general_budget_expenditure", "t", 1, cols, 5);
	gk_table_add_row(t);
	gk_table_set(t, 0, 0, "2010301");
	gk_table_set(t, 0, 2, "300.00");
	gk_table_set(t, 0, 3, "271.24");
	gk_table_set(t, 0, 4, "100.00");
	gk_doc *d = gk_doc_new();
	gk_doc_set_meta(d, "ocr_pages", "1");
	gk_read_findings(r, d, NULL);
	cr_assert_str_eq(gk_table_get(t, 0, "basic_total"), "271.24");
	int flags = 0;
	for (int i = 0; i < r->ncheck; i++)
		flags += !strcmp(r->checks[i].check, "ocr:suspect") && !strcmp(r->checks[i].status, "fail");
	cr_assert_eq(flags, 3);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* 登封 p.6 at 200 dpi read at 250: "1,265.6" run up against the next
 * column's "二、外交" (其中：财政拨款 line); Tesseract's box of the amount
 * reached 26 px into the label, which moved the summary's side boundary
 * past the labels of the expenditure side.  The ink of the box, column by
 * column (box 31 px high): the amount ends at column 100. */
Test(ocr, amount_ends_where_its_ink_does)
{
	const char *prof = "01111111111100000011110001111111111111100001111111111111100011111111111111000001110000011111111111111000000000001111111111111111";
	int n = (int)strlen(prof);
	char ink[160];
	for (int i = 0; i < n; i++)
		ink[i] = prof[i] == '1';
	cr_assert_eq(gk_ocr_ink_end(ink, n, 31 * 3 / 10), 100);
	/* the amount alone: no gap after it ends it; blank to the box's end (登封
	 * p.9: "1,265.6" box 114 px, its ink 91) ends it too */
	cr_assert_eq(gk_ocr_ink_end(ink, 101, 9), -1);
	const char *p9 = "111111111000000111100001111111111110001111111111111000011111111111100001110000111111111111100000000000000000000000";
	n = (int)strlen(p9);
	for (int i = 0; i < n; i++)
		ink[i] = p9[i] == '1';
	cr_assert_eq(gk_ocr_ink_end(ink, n, 29 * 3 / 10), 90);
}

/* 登封 p.6: Tesseract reads the head's "单位：万元" as "单位;万元"; the ';'
 * kept the unit on the department's name (部门名称：…单位;万元), and no
 * project row's unit matched it. */
Test(ocr, colon_read_as_semicolon)
{
	gk_doc *d = gk_doc_new();
	gk_doc_add_page(d, 600, 800);
	gk_line *l = gk_doc_add_line(d, 1, 100, 108, 8, GK_GEOM_POS);
	const char *t = "部门名称:登封市政务服务和大数据管理局单位;万元";
	gk_cell *c = gk_line_add_cell_y(l, 20, 300, 0, 0, t, strlen(t));
	c->conf = 92;
	l = gk_doc_add_line(d, 1, 120, 128, 8, GK_GEOM_POS);
	c = gk_line_add_cell_y(l, 20, 300, 0, 0, "a;b", 3);
	c->conf = 92;
	gk_ocr_fix_lines(d, 0);
	cr_assert_str_eq(d->line[0].cell[0].text, "部门名称:登封市政务服务和大数据管理局单位：万元");
	cr_assert_str_eq(d->line[1].cell[0].text, "a;b", "not between Chinese: left alone");
	gk_doc_drop(d);
}

/* 郑州 p.14 at 200 dpi read at 450: the codes 301, 501, 113 read with
 * confidence are 41-43 px wide; the 款 "12" of 其他社会保障缴费 was read
 * "1" in a box of 25 px, which holds two digits ('01' above: 27 px). */
Test(ocr, a_code_box_holds_its_digits)
{
	const int w[] = {43, 41, 43, 41, 43, 43, 41}, l[] = {3, 3, 3, 3, 3, 3, 3};
	double adv = gk_ocr_digit_advance(w, l, 7);
	cr_assert(adv > 13.5 && adv < 14.5, "%f", adv);
	cr_assert_eq(lround(25 / adv), 2);
	cr_assert_eq(lround(27 / adv), 2);
	cr_assert_eq(lround(9 / adv), 1, "a narrow 1 alone is one digit");
	cr_assert_eq(gk_ocr_digit_advance(w, l, 4), 0, "too few codes to say");
}

/* 登封 p.16 degraded (200 dpi, blur, noise, JPEG): the general_budget of
 * 2024年餐厅设备购置费 read "100" for 10.0 - the point lost, the digits
 * right.  Its row (total = Σ funding) and its column (合计 = Σ projects)
 * both want 10.0 back: one more decimal than was read, no other digit. */
Test(ocr, a_lost_point_two_identities_confirm)
{
	gk_result *r = gk_result_new();
	static const char *cols[] = {"project_type", "project_name", "unit_name", "total", "general_budget"};
	gk_table *t = gk_result_add_table(r, "project_expenditure", "t", 1, cols, 5);
	const char *rows[][5] = {
		{"", "合计", "", "129.0", "129.0"},
		{"特定目标类", "2024年餐厅设备购置费", "登封市政务服务和大数据管理局", "10.0", "100"},
		{"特定目标类", "2024年午餐补助", "登封市政务服务和大数据管理局", "90.0", "90.0"},
		{"特定目标类", "2024年取暖费", "登封市政务服务和大数据管理局", "29.0", "29.0"},
	};
	for (int i = 0; i < 4; i++) {
		gk_table_add_row(t);
		for (int j = 0; j < 5; j++)
			gk_table_set(t, i, j, rows[i][j]);
	}
	gk_doc *d = gk_doc_new();
	gk_doc_set_meta(d, "ocr_pages", "1");
	gk_read_findings(r, d, NULL);
	cr_assert_str_eq(gk_table_get(t, 1, "general_budget"), "10.0");
	cr_assert_str_eq(gk_table_get(t, 2, "general_budget"), "90.0");
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* table id of r with columns cols[0..nc), rows the n x nc cells */
static gk_table *filled(gk_result *r, const char *id, const char *const *cols, int nc, const char *const *cells,
                        int n)
{
	gk_table *t = gk_result_add_table(r, id, "t", 1, cols, nc);
	for (int i = 0; i < n; i++) {
		gk_table_add_row(t);
		for (int j = 0; j < nc; j++)
			gk_table_set(t, i, j, cells[i * nc + j]);
	}
	return t;
}

static gk_table *project_table(gk_result *r, const char *const (*rows)[5], int n)
{
	static const char *const cols[] = {"project_type", "project_name", "unit_name", "total", "general_budget"};
	return filled(r, "project_expenditure", cols, 5, rows[0], n);
}

/* 登封 p.16 degraded: 10.0, 90.0 and 20.0 of general_budget all read
 * without their points.  Each row's identity wants its figure back and
 * the column prints one decimal; the column sum, broken by the others,
 * stays broken after the first is mended: it vetoes none of them
 * (they all were vetoed before). */
Test(ocr, lost_points_in_one_column_each_mended_by_its_row)
{
	static const char *const rows[][5] = {
		{"", "合计", "", "231.6", "231.6"},
		{"特定目标类", "2024年餐厅设备购置费", "登封市政务服务和大数据管理局", "10.0", "100"},
		{"特定目标类", "2024年午餐补助", "登封市政务服务和大数据管理局", "90.0", "900"},
		{"特定目标类", "2024年取暖费", "登封市政务服务和大数据管理局", "29.0", "29.0"},
		{"特定目标类", "2024年双回路供电工程", "登封市政务服务和大数据管理局", "20.0", "200"},
		{"特定目标类", "2024年劳务费", "登封市政务服务和大数据管理局", "82.6", "82.6"},
	};
	gk_result *r = gk_result_new();
	gk_table *t = project_table(r, rows, 6);
	gk_doc *d = gk_doc_new();
	gk_doc_set_meta(d, "ocr_pages", "1");
	gk_read_findings(r, d, NULL);
	cr_assert_str_eq(gk_table_get(t, 1, "general_budget"), "10.0");
	cr_assert_str_eq(gk_table_get(t, 2, "general_budget"), "90.0");
	cr_assert_str_eq(gk_table_get(t, 4, "general_budget"), "20.0");
	cr_assert_str_eq(gk_table_get(t, 1, "total"), "10.0");
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* the same row where the column sums hold with "100" as read: the figure
 * may be the 100.0 its column adds up to, and the total the misreading.
 * A mending that breaks an identity that held is not made. */
Test(ocr, a_mending_breaks_no_identity_that_held)
{
	static const char *const rows[][5] = {
		{"", "合计", "", "129.0", "219.0"},
		{"特定目标类", "2024年餐厅设备购置费", "登封市政务服务和大数据管理局", "10.0", "100"},
		{"特定目标类", "2024年午餐补助", "登封市政务服务和大数据管理局", "90.0", "90.0"},
		{"特定目标类", "2024年取暖费", "登封市政务服务和大数据管理局", "29.0", "29.0"},
	};
	gk_result *r = gk_result_new();
	gk_table *t = project_table(r, rows, 4);
	gk_doc *d = gk_doc_new();
	gk_doc_set_meta(d, "ocr_pages", "1");
	gk_read_findings(r, d, NULL);
	cr_assert_str_eq(gk_table_get(t, 1, "general_budget"), "100");
	cr_assert_str_eq(gk_table_get(t, 1, "total"), "10.0");
	int flags = 0;
	for (int i = 0; i < r->ncheck; i++)
		if (!strcmp(r->checks[i].check, "ocr:suspect") && !strcmp(r->checks[i].found, "100")) {
			flags++;
			cr_assert_str_eq(r->checks[i].status, "fail");
			/* by its project: the unit's name is every project's */
			cr_assert_str_eq(r->checks[i].row, "2024年餐厅设备购置费/general_budget");
		}
	cr_assert_eq(flags, 1, "the figure of the broken row is flagged");
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* 郑州 p.14 at 150 dpi: the title 2024年支出经济分类汇总表 read
 * "2024年支出经济分关汇总表" (conf 80-97; chi_sim alone reads it worse),
 * and the 102 facts of expenditure_by_economic_class went to the table
 * before it.  A classification's name is mended in OCR'd text. */
Test(ocr, classification_term_in_a_title)
{
	gk_doc *d = gk_doc_new();
	gk_doc_add_page(d, 600, 800);
	gk_line *l = gk_doc_add_line(d, 1, 100, 108, 8, GK_GEOM_POS);
	const char *t = "2024年支出经济分关汇总表";
	gk_cell *c = gk_line_add_cell_y(l, 20, 300, 0, 0, t, strlen(t));
	c->conf = 89;
	gk_ocr_fix_lines(d, 0);
	cr_assert_str_eq(d->line[0].cell[0].text, "2024年支出经济分类汇总表");
	gk_doc_drop(d);
}

/* 郑州 p.18 degraded: 全市政务信息安全经费项目 read "862" for 86.2 in both
 * its total and its fund, so its row identity holds; the column prints
 * one decimal: the figures are flagged, not trusted. */
Test(ocr, a_figure_without_its_point_is_flagged)
{
	gk_result *r = gk_result_new();
	static const char *cols[] = {"project_type", "project_name", "unit_name", "total", "general_budget"};
	gk_table *t = gk_result_add_table(r, "project_expenditure", "t", 1, cols, 5);
	const char *rows[][5] = {
		{"特定目标类", "个市政务上抱治理项目", "郑州市大数据管理局", "405.2", "405.2"},
		{"特定目标类", "全市政务信息安全经费项目", "郑州市大数据管理局", "862", "862"},
		{"特定目标类", "基础地理信息效据年度更新维护项目", "郑州市大数据管理局", "285.4", "285.4"},
		{"特定目标类", "DO", "郑州市大数据管理局", "4091.1", "4091.1"},
	};
	for (int i = 0; i < 4; i++) {
		gk_table_add_row(t);
		for (int j = 0; j < 5; j++)
			gk_table_set(t, i, j, rows[i][j]);
	}
	gk_doc *d = gk_doc_new();
	gk_doc_set_meta(d, "ocr_pages", "1");
	gk_read_findings(r, d, NULL);
	int flags = 0;
	for (int i = 0; i < r->ncheck; i++)
		if (!strcmp(r->checks[i].check, "ocr:suspect")) {
			flags++;
			cr_assert(strstr(r->checks[i].found, "862") != NULL, "%s", r->checks[i].found);
		}
	cr_assert_eq(flags, 2);
	cr_assert_str_eq(gk_table_get(t, 1, "total"), "862", "kept as read");
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* revenue_by_unit (湖州 2026 p.19 as printed, three units under a 合计
 * row): the sources sum to 本年收入 and it, with the carry-over, to the
 * total; the units sum to 合计.  A misread source breaks its row and its
 * column: the two agree on the figure, which is put right. */
static gk_table *revenue_table(gk_result *r, const char *const (*rows)[6], int n)
{
	static const char *const cols[] = {"unit_code", "unit_name", "total", "current_total", "general_budget",
	                                   "other_income"};
	return filled(r, "revenue_by_unit", cols, 6, rows[0], n);
}

Test(ocr, revenue_sources_sum_to_their_totals)
{
	static const char *const rows[][6] = {
	    {"", "合计", "3476.62", "3476.62", "3193.32", "283.30"},
	    {"511001", "湖州市退役军人事务局", "2604.42", "2604.42", "2604.42", ""},
	    {"511002", "湖州市军队离休退休干部休养所", "3011.95", "3011.95", "2758.65", "253.30"},
	    {"511003", "湖州市烈士陵园管理所", "316.25", "316.25", "236.25", "30.00"}, /* 286.25 */
	};
	gk_result *r = gk_result_new();
	gk_table *t = revenue_table(r, rows, 4);
	/* the 合计 as printed sums the three units */
	gk_table_set(t, 0, 2, "5932.62"), gk_table_set(t, 0, 3, "5932.62"), gk_table_set(t, 0, 4, "5649.32");
	gk_doc *d = gk_doc_new();
	gk_doc_set_meta(d, "ocr_pages", "1");
	gk_read_findings(r, d, NULL);
	cr_assert_str_eq(gk_table_get(t, 3, "general_budget"), "286.25");
	int corrected = 0, flags = 0;
	for (int i = 0; i < r->ncheck; i++) {
		corrected += !strcmp(r->checks[i].check, "ocr:corrected");
		flags += !strcmp(r->checks[i].check, "ocr:suspect") && !strcmp(r->checks[i].status, "fail");
	}
	cr_assert_eq(corrected, 1);
	cr_assert_eq(flags, 0);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* a table whose columns do not sum that way on most rows (here the
 * other_income column holds a 其中 of the general budget) gets no row
 * identity: no row is flagged for the layout */
Test(ocr, revenue_row_identity_only_where_it_is_the_layout)
{
	static const char *const rows[][6] = {
	    {"", "合计", "300.00", "300.00", "300.00", "20.00"},
	    {"", "甲", "100.00", "100.00", "100.00", "5.00"},
	    {"", "乙", "200.00", "200.00", "200.00", "15.00"},
	};
	gk_result *r = gk_result_new();
	revenue_table(r, rows, 3);
	gk_doc *d = gk_doc_new();
	gk_doc_set_meta(d, "ocr_pages", "1");
	gk_read_findings(r, d, NULL);
	for (int i = 0; i < r->ncheck; i++)
		cr_assert_str_neq(r->checks[i].check, "ocr:suspect", "%s", r->checks[i].row);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* general_budget_by_economic_class (深圳 2026 表8): total = 基本 + 项目 on
 * each row, 类 = Σ its 款.  A misread digit (1132.05 for 1182.05) breaks
 * both and is put right; 356.33 read 1.33 (its head lost) is no misread
 * of one digit: kept as read, and flagged */
static gk_result *economic_class(const char *t30101, const char *t30102)
{
	static const char *cols[] = {"econ_code", "econ_name", "total", "basic_total", "project_total"};
	const char *const rows[][5] = {
	    {"301", "工资福利支出", "2522.02", "2522.02", "0.00"},
	    {"30101", "基本工资", t30101, "356.33", "0.00"},
	    {"30102", "津贴补贴", t30102, "1182.05", "0.00"},
	    {"30103", "奖金", "983.64", "983.64", "0.00"},
	};
	gk_result *r = gk_result_new();
	gk_table *t = gk_result_add_table(r, "general_budget_by_economic_class", "t", 1, cols, 5);
	for (int i = 0; i < 4; i++) {
		gk_table_add_row(t);
		for (int j = 0; j < 5; j++)
			gk_table_set(t, i, j, rows[i][j]);
	}
	gk_doc *d = gk_doc_new();
	gk_doc_set_meta(d, "ocr_pages", "1");
	gk_read_findings(r, d, NULL);
	gk_doc_drop(d);
	return r;
}

static int count_checks(const gk_result *r, const char *name, const char *row)
{
	int n = 0;
	for (int i = 0; i < r->ncheck; i++)
		n += !strcmp(r->checks[i].check, name) && (!row || !strcmp(r->checks[i].row, row));
	return n;
}

Test(ocr, economic_class_table_by_its_arithmetic)
{
	gk_result *r = economic_class("356.33", "1132.05");
	cr_assert_str_eq(gk_table_get(r->tables[0], 2, "total"), "1182.05");
	cr_assert_eq(count_checks(r, "ocr:corrected", NULL), 1);
	cr_assert_eq(count_checks(r, "ocr:suspect", NULL), 0);
	gk_result_drop(r);
	r = economic_class("1.33", "1182.05");
	cr_assert_str_eq(gk_table_get(r->tables[0], 1, "total"), "1.33");
	cr_assert_eq(count_checks(r, "ocr:corrected", NULL), 0);
	cr_assert_eq(count_checks(r, "ocr:suspect", "30101/total"), 1);
	gk_result_drop(r);
}

/* 重庆 2026 p.12 degraded: 23.01 read "23.0" in a table that prints two
 * decimals; total = basic + project is within a unit of its last
 * decimal, so the identity let it pass.  A figure with other decimals
 * than its table's is flagged unless an identity holds it to the unit. */
Test(ocr, a_figure_with_a_digit_lost_is_flagged)
{
	static const char *const cols[] = {"func_code", "name", "total", "basic_total", "project_total"};
	static const char *const rows[] = {
	    "",        "合计",       "105.81", "82.51", "23.30",
	    "208",     "社会保障",   "82.51",  "82.51", "",
	    "20805",   "养老",       "82.51",  "82.51", "",
	    "2080505", "基本养老",   "59.50",  "59.50", "",
	    "2080506", "职业年金",   "23.0",   "23.01", "",
	    "220",     "气象",       "23.30",  "",      "23.30",
	    "22005",   "气象事务",   "23.30",  "",      "23.3",
	};
	gk_result *r = gk_result_new();
	gk_table *t = filled(r, "general_budget_expenditure", cols, 5, rows, 7);
	gk_doc *d = gk_doc_new();
	gk_doc_set_meta(d, "ocr_pages", "1");
	/* 23.3 read surely: its copy above confirms it */
	gk_doc_add_page(d, 600, 800);
	gk_line *l = gk_doc_add_line(d, 1, 100, 108, 8, GK_GEOM_POS);
	gk_line_add_cell_y(l, 300, 320, 0, 0, "23.3", 4)->conf = 93;
	gk_read_findings(r, d, NULL);
	cr_assert_eq(count_checks(r, "ocr:decimals", "2080506/total"), 1);
	/* 23.3: one decimal, but 220's project_total = it to the unit */
	cr_assert_eq(count_checks(r, "ocr:decimals", "22005/project_total"), 0);
	cr_assert_eq(count_checks(r, "ocr:decimals", NULL), 1);
	cr_assert_str_eq(gk_table_get(t, 4, "total"), "23.0", "kept as read");
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* a table printed in Excel's general format (12.5 beside 12.55) has no
 * decimals of its own: nothing is flagged for them */
Test(ocr, general_format_decimals_are_no_misreading)
{
	static const char *const cols[] = {"side", "item", "amount"};
	static const char *const rows[] = {
	    "支出", "一般公共服务支出", "12.51", "支出", "教育支出", "3.27", "支出", "科学技术支出", "1.2",
	    "支出", "文化旅游", "45.66", "支出", "社会保障和就业支出", "8.13", "支出", "卫生健康支出", "7.45",
	};
	gk_result *r = gk_result_new();
	filled(r, "revenue_expenditure_summary", cols, 3, rows, 6);
	gk_doc *d = gk_doc_new();
	gk_doc_set_meta(d, "ocr_pages", "1");
	gk_read_findings(r, d, NULL);
	cr_assert_eq(count_checks(r, "ocr:decimals", NULL), 0);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* 杭州 2026 p.15 and p.17 degraded: the 收支总表 prints the function
 * classes, 款 and 项 the 支出总表 prints, each with the same figure;
 * 机关事业单位职业年金缴费支出 read 7.81 for 67.81 on the summary, where
 * no identity covers it.  The summary's line is flagged; the function
 * table's row, which its 款 confirms, is not. */
Test(ocr, a_summary_line_differing_from_its_function_row_is_flagged)
{
	static const char *const scols[] = {"side", "item", "amount"};
	static const char *const srows[] = {
	    "收入", "一、财政拨款",                     "203.24",
	    "支出", "八、社会保障和就业支出",           "203.24",
	    "支出", "行政事业单位养老支出",             "203.24",
	    "支出", "机关事业单位基本养老保险缴费支出", "135.62",
	    "支出", "机关事业单位职业年金缴费支出",     "7.81",
	    "支出", "支出总计",                         "203.24",
	};
	static const char *const fcols[] = {"func_code", "name", "total", "basic_total", "project_total"};
	static const char *const frows[] = {
	    "",        "合计",                             "203.43", "200.00", "3.43",
	    "208",     "社会保障和就业支出",               "203.43", "200.00", "3.43",
	    "20805",   "行政事业单位养老支出",             "203.43", "200.00", "3.43",
	    "2080505", "机关事业单位基本养老保险缴费支出", "135.62", "132.19", "3.43",
	    "2080506", "机关事业单位职业年金缴费支出",     "67.81",  "67.81",  "",
	};
	gk_result *r = gk_result_new();
	filled(r, "revenue_expenditure_summary", scols, 3, srows, 6);
	filled(r, "expenditure_by_function", fcols, 5, frows, 5);
	gk_doc *d = gk_doc_new();
	gk_doc_set_meta(d, "ocr_pages", "1");
	gk_read_findings(r, d, NULL);
	cr_assert_eq(count_checks(r, "ocr:cross", "机关事业单位职业年金缴费支出/amount"), 1);
	/* (the classes too: the function table's 203.43 against 203.24) */
	cr_assert_eq(count_checks(r, "ocr:cross", "八、社会保障和就业支出/amount"), 1);
	cr_assert_eq(count_checks(r, "ocr:cross", "机关事业单位基本养老保险缴费支出/amount"), 0);
	int fun = 0;
	for (int i = 0; i < r->ncheck; i++)
		fun += !strcmp(r->checks[i].table_id, "expenditure_by_function") && !strcmp(r->checks[i].check, "ocr:cross");
	cr_assert_eq(fun, 0, "the function table's rows hold by their parts");
	gk_doc_drop(d);
	gk_result_drop(r);

	/* read from a text layer: nothing of this */
	r = gk_result_new();
	filled(r, "revenue_expenditure_summary", scols, 3, srows, 6);
	filled(r, "expenditure_by_function", fcols, 5, frows, 5);
	d = gk_doc_new();
	gk_read_findings(r, d, NULL);
	cr_assert_eq(count_checks(r, "ocr:cross", NULL), 0);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* Of a broken identity, the cells another identity holds (a 款 whose
 * basic and project sum to its total) are not flagged, the others are;
 * a copy (a 类 of one 款, read alike twice) holds nothing it was not
 * read surely (江苏 2019 p.7 degraded: 247.04 for 2247.04 twice). */
Test(ocr, only_the_cells_no_identity_holds_are_flagged)
{
	static const char *const cols[] = {"func_code", "name", "total", "basic_total", "project_total"};
	static const char *const rows[] = {
	    "201",     "一般公共服务支出", "300.00", "200.00", "100.00",
	    "20102",   "政协事务",         "300.00", "200.00", "100.00",
	    "2010201", "行政运行",         "250.00", "200.00", "50.00",
	    "2010202", "一般行政管理事务", "3456.78", "",      "50.00", /* 50.00 */
	    "221",     "住房保障支出",     "247.04", "247.04", "",
	    "22102",   "住房改革支出",     "247.04", "247.04", "",
	    "2210201", "住房公积金",       "492.87", "492.87", "",
	    "2210202", "提租补贴",         "1754.17", "1754.17", "",
	};
	gk_result *r = gk_result_new();
	filled(r, "general_budget_expenditure", cols, 5, rows, 8);
	gk_doc *d = gk_doc_new();
	gk_doc_set_meta(d, "ocr_pages", "1");
	gk_read_findings(r, d, NULL);
	cr_assert_eq(count_checks(r, "ocr:suspect", "2010202/total"), 1);
	cr_assert_eq(count_checks(r, "ocr:suspect", "20102/total"), 0, "its row holds it");
	cr_assert_eq(count_checks(r, "ocr:suspect", "2010201/total"), 0, "its row holds it");
	cr_assert_eq(count_checks(r, "ocr:suspect", "22102/total"), 1, "a copy holds nothing");
	cr_assert_eq(count_checks(r, "ocr:suspect", "2210201/total"), 1);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* The 支出总表 and the 一般公共预算支出表 print the same lines alike when
 * the money is all the general budget's: a line where they differ is
 * flagged on the side no identity of its own holds (here the 支出总表's
 * 项 rows, printed without their 款).  Where most lines differ (other
 * money in the 支出总表) they are not compared. */
static gk_result *two_function_tables(const char *ebf2080505, const char *ebf2080599)
{
	static const char *const cols[] = {"func_code", "name", "total", "basic_total", "project_total"};
	static const char *const gbe[] = {
	    "208",     "社会保障和就业支出",       "260.00", "235.00", "25.00",
	    "2080505", "机关事业单位基本养老保险", "120.00", "110.00", "10.00",
	    "2080506", "机关事业单位职业年金",     "60.00",  "55.00",  "5.00",
	    "2080507", "其他社会保险缴费",         "40.00",  "35.00",  "5.00",
	    "2080599", "其他行政事业单位养老支出", "40.00",  "35.00",  "5.00",
	};
	const char *const ebf[] = {
	    "2080505", "机关事业单位基本养老保险", ebf2080505, "", "",
	    "2080506", "机关事业单位职业年金",     "60.00",    "", "",
	    "2080507", "其他社会保险缴费",         "40.00",    "", "",
	    "2080599", "其他行政事业单位养老支出", ebf2080599, "", "",
	};
	gk_result *r = gk_result_new();
	filled(r, "general_budget_expenditure", cols, 5, gbe, 5);
	filled(r, "expenditure_by_function", cols, 5, ebf, 4);
	gk_doc *d = gk_doc_new();
	gk_doc_set_meta(d, "ocr_pages", "1");
	gk_read_findings(r, d, NULL);
	gk_doc_drop(d);
	return r;
}

static int cross_flags(const gk_result *r, const char *table)
{
	int n = 0;
	for (int i = 0; i < r->ncheck; i++)
		n += !strcmp(r->checks[i].check, "ocr:cross") && !strcmp(r->checks[i].table_id, table);
	return n;
}

Test(ocr, two_tables_printing_one_line_are_compared)
{
	gk_result *r = two_function_tables("126.00", "40.00");
	cr_assert_eq(count_checks(r, "ocr:cross", "2080505/total"), 1);
	cr_assert_eq(cross_flags(r, "expenditure_by_function"), 1);
	cr_assert_eq(cross_flags(r, "general_budget_expenditure"), 0, "its rows hold by their parts");
	gk_result_drop(r);
	/* two of four differ: not tables printing the same lines */
	r = two_function_tables("126.00", "45.00");
	cr_assert_eq(count_checks(r, "ocr:cross", NULL), 0);
	gk_result_drop(r);
}

/* 重庆 2026 p.14: 公务用车运行维护费 read 0.59 for 13.55 in its total
 * (its 公用经费 13.55 right): its row and its 类's column both break, and
 * both want 13.55 for it.  That one cell is flagged, not every 款 of the
 * 类, whose rows hold only as copies (total = 公用经费). */
Test(ocr, the_cell_two_broken_identities_agree_on_is_flagged_alone)
{
	static const char *const cols[] = {"econ_code", "econ_name", "total", "personnel", "public"};
	static const char *const rows[] = {
	    "302",   "商品和服务支出",     "56.00", "", "56.00",
	    "30201", "办公费",             "33.14", "", "33.14",
	    "30207", "邮电费",             "7.35",  "", "7.35",
	    "30231", "公务用车运行维护费", "0.59",  "", "13.55",
	    "30299", "其他商品和服务支出", "1.96",  "", "1.96",
	};
	gk_result *r = gk_result_new();
	filled(r, "general_budget_basic_expenditure", cols, 5, rows, 5);
	gk_doc *d = gk_doc_new();
	gk_doc_set_meta(d, "ocr_pages", "1");
	gk_read_findings(r, d, NULL);
	cr_assert_eq(count_checks(r, "ocr:suspect", "30231/total"), 1);
	cr_assert_eq(count_checks(r, "ocr:suspect", NULL), 1);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* 重庆 2026 p.9 degraded: 2080505's 基本支出 lost (its total 71.12
 * printed); the 款's column breaks by that much: the blank cell is
 * flagged, not the 项 read right. */
Test(ocr, a_blank_cell_wanting_its_rows_figure_is_flagged_alone)
{
	static const char *const cols[] = {"func_code", "name", "total", "basic_total"};
	static const char *const rows[] = {
	    "20805",   "行政事业单位养老支出",             "120.17", "120.17",
	    "2080505", "机关事业单位基本养老保险缴费支出", "71.12",  "",
	    "2080506", "机关事业单位职业年金缴费支出",     "35.56",  "35.56",
	    "2080599", "其他行政事业单位养老支出",         "13.49",  "13.49",
	};
	gk_result *r = gk_result_new();
	filled(r, "expenditure_by_function", cols, 4, rows, 4);
	gk_doc *d = gk_doc_new();
	gk_doc_set_meta(d, "ocr_pages", "1");
	gk_read_findings(r, d, NULL);
	cr_assert_eq(count_checks(r, "ocr:suspect", "2080505/basic_total"), 1);
	cr_assert_eq(count_checks(r, "ocr:suspect", NULL), 1);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* 深圳 2026: 行政运行 read 866.84 for 1866.84 in the 一般公共预算支出表
 * (its 基本支出 1866.84), the 财政拨款收支总表's line 1866.84: the
 * table's broken row wants the summary's figure, so the summary's line
 * is right and is not flagged; the misread cell is. */
Test(ocr, a_broken_row_wanting_the_other_tables_figure_is_the_misread_one)
{
	static const char *const scols[] = {"side", "item", "total"};
	static const char *const srows[] = {
	    "支出", "一般公共服务支出", "2459.13",
	    "支出", "行政运行",         "1866.84",
	    "支出", "信访业务",         "592.29",
	};
	static const char *const fcols[] = {"func_code", "name", "total", "basic_total", "project_total"};
	static const char *const frows[] = {
	    "2014001", "行政运行",         "866.84",  "1866.84", "0.00",
	    "2014004", "信访业务",         "592.29",  "0.00",    "592.29",
	};
	gk_result *r = gk_result_new();
	filled(r, "fiscal_appropriation_summary", scols, 3, srows, 3);
	filled(r, "general_budget_expenditure", fcols, 5, frows, 2);
	gk_doc *d = gk_doc_new();
	gk_doc_set_meta(d, "ocr_pages", "1");
	gk_read_findings(r, d, NULL);
	cr_assert_eq(cross_flags(r, "fiscal_appropriation_summary"), 0);
	cr_assert_eq(count_checks(r, "ocr:suspect", "2014001/total"), 1);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* 新乡 p.8 on the degraded scan: "1,352.27" read "1.35227" (its comma a
 * point, its point lost) in a table printing two decimals: the digits are
 * read, the table's decimals place the point.  A figure of four decimals
 * (one digit more) and one below 1 stay as read. */
Test(ocr, a_comma_read_as_a_point_is_regrouped)
{
	gk_result *r = gk_result_new();
	static const char *cols[] = {"unit_code", "unit_name", "total", "general_budget"};
	gk_table *t = gk_result_add_table(r, "revenue_by_unit", "t", 1, cols, 4);
	const char *rows[][4] = {
		{"", "合计", "1352.27", "1352.27"},
		{"118", "一单位", "1.35227", "1352.27"},
		{"118001", "二单位", "1352.27", "1.3522"},
		{"118002", "三单位", "0.35227", "10.00"},
		{"118003", "四单位", "20.50", "20.50"},
		{"118004", "五单位", "30.10", "30.10"},
	};
	for (int i = 0; i < 6; i++) {
		gk_table_add_row(t);
		for (int j = 0; j < 4; j++)
			gk_table_set(t, i, j, rows[i][j]);
	}
	gk_doc *d = gk_doc_new();
	gk_doc_set_meta(d, "ocr_pages", "1");
	gk_read_findings(r, d, NULL);
	cr_assert_str_eq(gk_table_get(t, 1, "total"), "1352.27");
	cr_assert_str_eq(gk_table_get(t, 2, "general_budget"), "1.3522");
	cr_assert_str_eq(gk_table_get(t, 3, "total"), "0.35227");
	int corrected = 0;
	for (int i = 0; i < r->ncheck; i++)
		if (!strcmp(r->checks[i].check, "ocr:corrected") && !strcmp(r->checks[i].expected, "1352.27"))
			corrected += strstr(r->checks[i].found, "1.35227") != NULL;
	cr_assert_eq(corrected, 1);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* A table that prints some columns to the 元 with six decimals beside
 * others in two (西安) mixes its precisions: a figure of five decimals
 * there (12.34567) is printed so, not a comma read as a point. */
Test(ocr, mixed_precisions_are_no_misread_comma)
{
	gk_result *r = gk_result_new();
	static const char *cols[] = {"unit_code", "unit_name", "total", "general_budget"};
	gk_table *t = gk_result_add_table(r, "revenue_by_unit", "t", 1, cols, 4);
	const char *rows[][4] = {
		{"", "合计", "1352.27", "1352.270000"}, {"118", "一单位", "12.34567", "12.10"},
		{"118001", "二单位", "20.50", "20.500000"}, {"118002", "三单位", "30.10", "30.100000"},
		{"118003", "四单位", "40.10", "40.10"},    {"118004", "五单位", "50.10", "50.10"},
		{"118005", "六单位", "60.10", "60.10"},    {"118006", "七单位", "70.10", "70.10"},
	};
	for (int i = 0; i < 8; i++) {
		gk_table_add_row(t);
		for (int j = 0; j < 4; j++)
			gk_table_set(t, i, j, rows[i][j]);
	}
	gk_doc *d = gk_doc_new();
	gk_doc_set_meta(d, "ocr_pages", "1");
	gk_read_findings(r, d, NULL);
	cr_assert_str_eq(gk_table_get(t, 1, "total"), "12.34567");
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* 重庆气象 degraded p.7: the 收入表's 超长期特别国债 lines (213, 21398,
 * 2139802) hold 579.89 under 国有资本, its head read weakly, the two fund
 * columns alike to the arithmetic; the 政府性基金预算支出表 prints those
 * lines at 579.89 and there is no 国有资本 table: each is flagged, with
 * the column the other table puts the figure in; the unit's line and the
 * lines the fund table does not print are not. */
static gk_result *funds(const char *fund_table)
{
	static const char *const rc[] = {"unit_code", "unit_name", "func_code", "func_name", "total",
	                                 "general_budget", "government_fund", "state_capital"};
	static const char *const rv[] = {
	    "", "合计", "", "", "702.57", "122.68", "", "579.89",
	    "", "", "208", "社会保障和就业支出", "122.68", "122.68", "", "",
	    "", "", "213", "农林水支出", "579.89", "", "", "579.89",
	    "", "", "21398", "超长期特别国债安排的支出", "579.89", "", "", "579.89",
	};
	static const char *const fc[] = {"func_code", "name", "total", "project_total"};
	static const char *const fv[] = {
	    "213", "农林水支出", "579.89", "579.89",
	    "21398", "超长期特别国债安排的支出", "579.89", "579.89",
	};
	gk_result *r = gk_result_new();
	filled(r, "revenue_by_unit", rc, 8, rv, 4);
	filled(r, fund_table, fc, 4, fv, 2);
	gk_doc *d = gk_doc_new();
	gk_doc_set_meta(d, "ocr_pages", "1");
	gk_read_findings(r, d, NULL);
	gk_doc_drop(d);
	return r;
}

Test(ocr, a_figure_under_the_fund_another_funds_table_prints_is_flagged)
{
	gk_result *r = funds("government_fund_expenditure");
	cr_assert_eq(count_checks(r, "ocr:cross", "213/state_capital"), 1);
	cr_assert_eq(count_checks(r, "ocr:cross", "21398/state_capital"), 1);
	cr_assert_eq(count_checks(r, "ocr:cross", NULL), 2);
	for (int i = 0; i < r->ncheck; i++)
		if (!strcmp(r->checks[i].check, "ocr:cross")) {
			cr_assert_str_eq(r->checks[i].expected, "579.89 under government_fund (government_fund_expenditure)");
			cr_assert_str_eq(r->checks[i].status, "fail");
		}
	gk_result_drop(r);
	/* its own fund's table prints the lines: no doubt */
	r = funds("state_capital_expenditure");
	cr_assert_eq(count_checks(r, "ocr:cross", NULL), 0);
	gk_result_drop(r);
}

/* 杭州交通 p.5: 其他城乡社区支出 printed on two rows (a 款 and its 项 of
 * the same name, no codes read), both broken alike: each flag names its
 * own row (row_no), not the first of that name. */
Test(ocr, a_flag_names_its_own_row_of_a_label_printed_twice)
{
	static const char *const cols[] = {"func_code", "name", "total", "basic_total", "project_total"};
	static const char *const rows[] = {
	    "", "其他城乡社区支出", "226000.00", "", "2",
	    "", "其他城乡社区支出", "226000.00", "", "2",
	};
	gk_result *r = gk_result_new();
	filled(r, "expenditure_by_function", cols, 5, rows, 2);
	gk_doc *d = gk_doc_new();
	gk_doc_set_meta(d, "ocr_pages", "1");
	gk_read_findings(r, d, NULL);
	int seen[3] = {0, 0, 0};
	for (int i = 0; i < r->ncheck; i++)
		if (!strcmp(r->checks[i].check, "ocr:suspect")) {
			int no = gk_result_check_row(r, &r->checks[i]);
			cr_assert(no == 1 || no == 2, "row_no %d", no);
			seen[no] = 1;
		}
	cr_assert(seen[1] && seen[2]);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* 上海财政局 2025 p.4: 住房保障支出 printed without its 221 (OCR lost the
 * code), so 合计 = Σ 类 breaks in every column by its figures, each of its
 * cells held by the 一般公共预算支出表's copy: the 合计 sums the code-less
 * row with the 类, and only the figure that breaks its own row is
 * flagged (its project_total 4.423 for 4423.026). */
Test(ocr, a_top_row_whose_code_was_lost_counts_in_the_total)
{
	static const char *const cols[] = {"func_code", "name", "total", "basic_total", "project_total"};
	static const char *const rows[] = {
	    "201",     "一般公共服务支出", "12788.6849", "8486.1719",  "4302.513",
	    "2010601", "行政运行",         "8486.1719",  "8486.1719",  "",
	    "2010602", "一般行政管理事务", "4302.513",   "",           "4302.513",
	    "208",     "社会保障和就业支出", "1756.545", "1636.032",   "120.513",
	    "2080501", "行政单位离退休",   "1756.545",   "1636.032",   "120.513",
	    "",        "住房保障支出",     "2180",       "2180",       "",
	    "2210201", "住房公积金",       "2180",       "2180",       "",
	    "",        "合计",             "16725.2299", "12302.2039", "4.423",
	};
	gk_result *r = gk_result_new();
	filled(r, "expenditure_by_function", cols, 5, rows, 8);
	gk_doc *d = gk_doc_new();
	gk_doc_set_meta(d, "ocr_pages", "1");
	gk_read_findings(r, d, NULL);
	cr_assert_eq(count_checks(r, "ocr:suspect", "201/total"), 0);
	cr_assert_eq(count_checks(r, "ocr:suspect", "208/basic_total"), 0);
	cr_assert_eq(count_checks(r, "ocr:suspect", "合计/project_total"), 1);
	cr_assert_eq(count_checks(r, "ocr:suspect", NULL), 1);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* 烟台统计 p.21: an economic class printed once per 政府经济分类 pair it
 * falls under (301 over 501, 301 again over 505), each followed by its
 * own 款: each 301 sums the rows printed under it, not every 301xx of the
 * table; nothing is broken, nothing flagged. */
Test(ocr, a_class_printed_twice_sums_the_rows_under_each)
{
	static const char *const cols[] = {"econ_code", "econ_name", "gov_econ_code", "total", "personnel", "public"};
	static const char *const rows[] = {
	    "",      "合计",         "",      "70.00", "70.00", "",
	    "301",   "工资福利支出", "501",   "30.00", "30.00", "",
	    "30101", "基本工资",     "50101", "10.00", "10.00", "",
	    "30102", "津贴补贴",     "50101", "20.00", "20.00", "",
	    "301",   "工资福利支出", "505",   "40.00", "40.00", "",
	    "30101", "基本工资",     "50501", "15.00", "15.00", "",
	    "30102", "津贴补贴",     "50501", "25.00", "25.00", "",
	};
	gk_result *r = gk_result_new();
	filled(r, "general_budget_basic_expenditure", cols, 6, rows, 7);
	gk_doc *d = gk_doc_new();
	gk_doc_set_meta(d, "ocr_pages", "1");
	gk_read_findings(r, d, NULL);
	cr_assert_eq(count_checks(r, "ocr:suspect", NULL), 0);
	cr_assert_eq(count_checks(r, "ocr:corrected", NULL), 0);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* 广州统计 2026 p.9: the 基本支出表's 302 printed over the 款 of its first
 * page, the others lost with the next page: 302 = Σ 款 breaks by 368.25,
 * which no figure of it could be misread from (a digit or two, a point):
 * rows lost, no misreading; its whole alone is flagged, not each 款. */
Test(ocr, a_sum_no_misreading_explains_flags_its_whole_alone)
{
	static const char *const cols[] = {"econ_code", "econ_name", "total", "personnel", "public"};
	static const char *const rows[] = {
	    "302",   "商品和服务支出", "556.47", "", "556.47",
	    "30201", "办公费",         "31.78",  "", "31.78",
	    "30202", "印刷费",         "3.10",   "", "3.10",
	    "30207", "邮电费",         "53.14",  "", "53.14",
	    "30209", "物业管理费",     "26.59",  "", "26.59",
	    "30213", "维修（护）费",   "39.00",  "", "39.00",
	    "30226", "劳务费",         "34.61",  "", "34.61",
	};
	gk_result *r = gk_result_new();
	filled(r, "general_budget_basic_expenditure", cols, 5, rows, 7);
	gk_doc *d = gk_doc_new();
	gk_doc_set_meta(d, "ocr_pages", "1");
	/* 302's 556.47 read surely */
	gk_line *l = gk_doc_add_line(d, 1, 100, 108, 8, GK_GEOM_POS);
	gk_line_add_cell_y(l, 300, 330, 0, 0, "556.47", 6)->conf = 93;
	gk_read_findings(r, d, NULL);
	cr_assert_eq(count_checks(r, "ocr:suspect", "302/total"), 1);
	cr_assert_eq(count_checks(r, "ocr:suspect", "30201/total"), 0);
	cr_assert_eq(count_checks(r, "ocr:suspect", NULL), 2, "302/total and 302/public");
	gk_result_drop(r);
	/* read unsurely, it may be one misreading of two: each cell no
	 * other identity holds */
	r = gk_result_new();
	filled(r, "general_budget_basic_expenditure", cols, 5, rows, 7);
	gk_doc_drop(d);
	d = gk_doc_new();
	gk_doc_set_meta(d, "ocr_pages", "1");
	gk_read_findings(r, d, NULL);
	cr_assert_gt(count_checks(r, "ocr:suspect", NULL), 2);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* 上海信访 2026 p.12: a column of four decimals where OCR read 196.0000 as
 * 196 on a 类, its 款 and its 项: a figure without its point is suspect
 * even where its copies hold, but the 类's row holds it in a sum of other
 * figures (199.6 = 196 + 3.6), and its copies with it: none flagged. */
Test(ocr, a_figure_without_a_point_a_sum_holds_is_no_suspect)
{
	static const char *const cols[] = {"func_code", "name", "total", "basic_total", "project_total"};
	static const char *const rows[] = {
	    "208",     "社会保障和就业支出", "885.588", "809.488", "76.1",
	    "20805",   "行政事业单位养老支出", "885.588", "809.488", "76.1",
	    "2080501", "行政单位离退休",   "167.088", "167.088", "",
	    "2080505", "养老保险缴费",     "718.5",   "642.4",   "76.1",
	    "210",     "卫生健康支出",     "199.6",   "196",     "3.6",
	    "21011",   "行政事业单位医疗", "196",     "196",     "",
	    "2101101", "行政单位医疗",     "196",     "196",     "",
	    "21099",   "其他卫生健康支出", "3.6",     "",        "3.6",
	};
	gk_result *r = gk_result_new();
	filled(r, "expenditure_by_function", cols, 5, rows, 8);
	gk_doc *d = gk_doc_new();
	gk_doc_set_meta(d, "ocr_pages", "1");
	gk_read_findings(r, d, NULL);
	cr_assert_eq(count_checks(r, "ocr:suspect", NULL), 0);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* 杭州交通 2026 p.5: a 支出总表 of 合计 | 人员经费 公用经费 | 项目支出, no
 * 基本支出 column: a row's total is its 人员 + 公用 + 项目 (24310.26 =
 * 14494.34 + 4709.38 + 5106.54), not a 基本支出 left blank + 项目; nothing
 * is broken, nothing flagged. */
Test(ocr, a_total_without_its_basic_column_sums_the_basic_parts)
{
	static const char *const cols[] = {"func_code", "name", "total", "basic_total", "project_total",
	                                   "basic_personnel", "basic_public"};
	static const char *const rows[] = {
	    "205",     "教育支出", "24310.26", "", "5106.54", "14494.34", "4709.38",
	    "20503",   "职业教育", "24310.26", "", "5106.54", "14494.34", "4709.38",
	    "2050305", "技校教育", "24310.26", "", "5106.54", "14494.34", "4709.38",
	};
	gk_result *r = gk_result_new();
	filled(r, "expenditure_by_function", cols, 7, rows, 3);
	gk_doc *d = gk_doc_new();
	gk_doc_set_meta(d, "ocr_pages", "1");
	gk_read_findings(r, d, NULL);
	cr_assert_eq(count_checks(r, "ocr:suspect", NULL), 0);
	/* a misread total still breaks its row: flagged */
	gk_result_drop(r);
	r = gk_result_new();
	gk_table *t = filled(r, "expenditure_by_function", cols, 7, rows, 3);
	gk_table_set(t, 2, 2, "24810.26");
	gk_read_findings(r, d, NULL);
	cr_assert_str_eq(gk_table_get(t, 2, "total"), "24310.26", "mended: its row and its 款 want it");
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* 郑州 p.14 at 150 dpi: the 款 "02" of 津贴补贴 read "吧" at 87 between the
 * 类 "301" and the label; a code stands there.  Not "年" after "2024" in a
 * title read word by word (the gap is checked where the box is known), and
 * not a sure reading between two codes. */
Test(ocr, a_character_between_a_code_and_a_label_is_a_code_spot)
{
	cr_assert(gk_ocrw_code_glyph_spot("吧", 87, "301", "津贴补贴", 50));
	cr_assert(gk_ocrw_code_glyph_spot("忆", 0, "302", "办公费", 50));
	cr_assert(!gk_ocrw_code_glyph_spot("吧", 97, "301", "津贴补贴", 50), "read surely");
	cr_assert(gk_ocrw_code_glyph_spot("芋", 0, "210", "02", 50), "between codes, unsure");
	cr_assert(!gk_ocrw_code_glyph_spot("芋", 70, "210", "02", 50), "between codes, sure enough");
	cr_assert(!gk_ocrw_code_glyph_spot("吧", 40, "1", "津贴补贴", 50), "no code before");
	cr_assert(!gk_ocrw_code_glyph_spot("吧", 40, "301", "12.8", 50), "a figure after");
	cr_assert(!gk_ocrw_code_glyph_spot("基本", 40, "301", "工资", 50), "two characters");
}

static word code_word(int l, int r, int line, const char *text)
{
	word w = {.l = l, .r = r, .t = line * 45, .b = line * 45 + 22, .line = line, .n = (int)strlen(text)};
	snprintf(w.text, sizeof w.text, "%s", text);
	return w;
}

/* the 款 column of 郑州 p.14 at 150 dpi: "12", "39", "17" read as digits
 * above and below the "吧" (612-638 px); the 类 codes and labels are in
 * other columns and count not */
Test(ocr, a_column_of_codes_is_counted_by_its_rows)
{
	word wd[] = {code_word(343, 385, 0, "301"), code_word(610, 638, 0, "12"), code_word(717, 780, 0, "其他"),
	             code_word(343, 385, 1, "302"), code_word(610, 639, 1, "39"), code_word(717, 780, 1, "其他"),
	             code_word(343, 385, 2, "301"), code_word(612, 638, 2, "吧"), code_word(717, 780, 2, "津贴"),
	             code_word(343, 385, 3, "302"), code_word(611, 638, 3, "17"), code_word(717, 780, 3, "公务"),
	             code_word(1179, 1219, 3, "502")};
	int n = (int)(sizeof wd / sizeof *wd);
	cr_assert_eq(gk_ocrw_code_column(wd, n, 7, 2), 3);
	cr_assert_eq(gk_ocrw_code_column(wd, n, 7, 3), 0, "codes of another length");
	cr_assert_eq(gk_ocrw_code_column(wd, n, 8, 2), 0, "a label's column");
}

/* 登封 p.16 at 150 dpi read at 333: "2024" of 2024年政府购买服务 kept the box
 * of a speck left of the 项目类型 column's rule (401, its digits from 423,
 * the rule at 415-419); spread over that box, the figure ran 特定目标类 into
 * the name.  The box ends at the rule; a word its symbols cross keeps its
 * box, and a rule not reaching the word's row cuts nothing. */
Test(ocr, a_box_ends_at_a_rule_its_symbols_do_not_cross)
{
	sym sy[] = {{423, 797, 449, 822, '2', 0}, {451, 797, 465, 822, '0', 0}, {466, 797, 480, 822, '4', 0},
	            {300, 797, 410, 822, 0x7C7B, 1}, {412, 797, 440, 822, 0x522B, 1}};
	word wd[] = {{.l = 401, .t = 792, .r = 480, .b = 833, .first = 0, .n = 3, .text = "204"},
	             {.l = 300, .t = 792, .r = 440, .b = 833, .first = 3, .n = 2, .text = "类别"}};
	gk_ocrw_box vr[] = {{415, 421, 419, 1010, 0}, {600, 421, 604, 1010, 0}};
	gk_ocrw ws = {.sy = sy, .ns = 5, .wd = wd, .nw = 2, .vr = vr, .nvr = 2};
	gk_ocrw_clip_to_rules(&ws);
	cr_assert_eq(wd[0].l, 420, "the box starts after the rule: %d", wd[0].l);
	cr_assert_eq(wd[0].r, 480);
	cr_assert_eq(wd[1].l, 300, "its symbols cross the rule");
	cr_assert_eq(wd[1].r, 440);
	gk_ocrw_box low[] = {{415, 900, 419, 1010, 0}};
	wd[0].l = 401;
	ws.vr = low, ws.nvr = 1;
	gk_ocrw_clip_to_rules(&ws);
	cr_assert_eq(wd[0].l, 401, "a rule below the row cuts nothing");
}

/* 郑州 p.8 at 150 dpi: the head 一般公共预算 over 小计 read "一般公共预至"
 * "小计": the column is general_budget (its usual words, rules
 * column-canon); 上年结转结余's 一般公共预算 stays away from it. */
Test(ocr, a_misread_general_budget_subtotal_head_is_near_its_key)
{
	char *err = NULL;
	gk_rules *rules = gk_rules_load("rules", &err);
	cr_assert_not_null(rules, "%s", err ? err : "");
	const char *k = ocr_column_near(rules, "revunit", "一般公共预至小计");
	cr_assert(k && !strcmp(k, "general_budget"), "%s", k ? k : "(none)");
	k = ocr_column_near(rules, "revunit", "上年结转结余一般公共预算");
	cr_assert(!k || strcmp(k, "general_budget"), "%s", k);
	gk_rules_drop(rules);
}
