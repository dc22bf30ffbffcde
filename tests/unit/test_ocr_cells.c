/* test_ocr_cells.c - the table's ruled cells on an OCR'd page
 * (extract/ocrwords.c: gk_ocrw_cell, gk_ocrw_join_rules) and the letters
 * an amount's font makes of its digits (gk_ocrw_fold_letters). */
#include <criterion/criterion.h>
#include <string.h>

#include "../../extract/ocr.h"
#include "../../extract/ocrwords.h"

/* 杭州 交通运输局 p.25 at 250 dpi, in px: the rules around the head
 * 日常公用支出 (two lines, read "人有" by the page's layout).  Its column
 * lies between the rules at x 1797-1800 and 2012-2015; the group head
 * 基本支出 above it is ruled off at y 343-345, the row of column numbers
 * below at y 453-455.  The rule at y 343 spans only the group, the
 * table's top rule all of it. */
static const gk_ocrw_box vr[] = {
	{1578, 283, 1581, 2540, 0}, {1797, 343, 1800, 2540, 0}, {2012, 283, 2015, 2540, 0},
	{2211, 283, 2214, 2540, 0}, {140, 283, 143, 2540, 0},
};
static const gk_ocrw_box hr[] = {
	{140, 280, 4000, 282, 0},  /* the top */
	{1581, 343, 2012, 345, 0}, /* under 基本支出 */
	{140, 453, 4000, 455, 0},  /* over the column numbers */
	{140, 508, 4000, 510, 0},
};

Test(ocr_cells, a_head_between_its_rules)
{
	gk_ocrw_box c;
	/* the middle of "人有" */
	cr_assert(gk_ocrw_cell(vr, 5, hr, 4, 1900, 400, &c));
	cr_assert_eq(c.l, 1801);
	cr_assert_eq(c.r, 2011);
	cr_assert_eq(c.t, 346);
	cr_assert_eq(c.b, 452);
	/* 基本支出 over two columns: the group's cell */
	cr_assert(gk_ocrw_cell(vr, 5, hr, 4, 1800, 310, &c));
	cr_assert_eq(c.l, 1582);
	cr_assert_eq(c.r, 2011);
	cr_assert_eq(c.t, 283);
	cr_assert_eq(c.b, 342);
	/* under the table's last rule there is no cell */
	cr_assert_not(gk_ocrw_cell(vr, 5, hr, 4, 1900, 2600, &c));
	/* right of the last rule neither */
	cr_assert_not(gk_ocrw_cell(vr, 5, hr, 4, 2300, 400, &c));
}

/* 广州 统计局 p.9: the rule under 功能分类科目 came off the page in two
 * pieces where the head's text touched it; taken as one rule, the cell of
 * 科目名称 below it stops there (read whole, it held the group's words
 * a second time: "功能分类科目科目名称") */
Test(ocr_cells, a_broken_rule_joined)
{
	gk_ocrw_box h[] = {
		{149, 417, 1036, 419, 0},  /* top */
		{149, 472, 700, 474, 0},   /* a piece */
		{730, 473, 1036, 475, 0},  /* the other, a pixel lower */
		{149, 527, 1036, 529, 0},  /* bottom */
		{1200, 473, 1300, 475, 0}, /* another table's, far off */
	};
	int n = 5;
	gk_ocrw_join_rules(h, &n, 75);
	cr_assert_eq(n, 4);
	cr_assert_eq(h[1].l, 149);
	cr_assert_eq(h[1].r, 1036);
	cr_assert_eq(h[1].t, 472);
	cr_assert_eq(h[1].b, 475);
	gk_ocrw_box v[] = {{145, 417, 148, 529, 0}, {487, 472, 489, 529, 0}, {1037, 417, 1040, 529, 0}};
	gk_ocrw_box c;
	cr_assert(gk_ocrw_cell(v, 3, h, n, 763, 500, &c));
	cr_assert_eq(c.t, 476);
	cr_assert_eq(c.b, 526);
}

static void add_word(gk_ocrw *ws, const char *text)
{
	word w = {.l = 0, .t = 0, .r = 100, .b = 20, .conf = 83, .n = 0};
	w.first = ws->ns;
	size_t len = strlen(text);
	for (size_t i = 0; i < len; i++) {
		ws->sy[ws->ns++] = (sym){.cp = (unsigned char)text[i], .word = ws->nw};
		w.n++;
	}
	snprintf(w.text, sizeof w.text, "%s", text);
	ws->wd[ws->nw++] = w;
}

/* 重庆 水利局 p.13, a face whose 5 Tesseract reads as S: "186,S49.30"
 * was cut at the S into the unit code 186 and 49.30 */
Test(ocr_cells, an_s_among_digits_is_five)
{
	sym sy[64];
	word wd[8];
	gk_ocrw ws = {.sy = sy, .scap = 64, .wd = wd, .wcap = 8};
	add_word(&ws, "186,S49.30");
	add_word(&ws, "S9.56");
	add_word(&ws, "SOS");  /* letters, no amount */
	add_word(&ws, "2S");   /* no separator: a code's shape, left */
	gk_ocrw_fold_letters(&ws);
	cr_assert_str_eq(wd[0].text, "186,549.30");
	cr_assert_eq(sy[4].cp, (uint32_t)'5');
	cr_assert_str_eq(wd[1].text, "59.56");
	cr_assert_str_eq(wd[2].text, "SOS");
	cr_assert_str_eq(wd[3].text, "2S");
}

Test(ocr_cells, a_quote_speck_beside_an_amount)
{
	char t[64] = "\xe2\x80\x9d" "44,134.59"; /* ”44,134.59 */
	cr_assert(gk_ocr_fix_amount(t));
	cr_assert_str_eq(t, "44134.59");
	char u[64] = "44,134.59'";
	cr_assert(gk_ocr_fix_amount(u));
	cr_assert_str_eq(u, "44134.59");
	char v[64] = "44\xe2\x80\x9d" "134"; /* inside: no amount */
	cr_assert_not(gk_ocr_fix_amount(v));
}

/* 广州统计 p.8: a speck read as a quote before 9,433.72's head ("”9,"),
 * the rest of it Tesseract's next word: without the quote the pieces
 * are an amount's and join */
Test(ocr_cells, a_quote_speck_leaves_the_word)
{
	sym sy[64];
	word wd[8];
	gk_ocrw ws = {.sy = sy, .scap = 64, .wd = wd, .wcap = 8};
	add_word(&ws, "\"9,");
	add_word(&ws, "'12.50'");
	add_word(&ws, "\"A\""); /* no digit: left */
	gk_ocrw_fold_letters(&ws);
	cr_assert_str_eq(wd[0].text, "9,");
	cr_assert_eq(wd[0].n, 2);
	cr_assert_str_eq(wd[1].text, "12.50");
	cr_assert_str_eq(wd[2].text, "\"A\"");
}

/* 烟台住建 p.1 (收支总体情况表) at 200 dpi: figures set against their
 * column's rule, the rule read as a bar after the decimals ("45,832."
 * then "29|", "3,806." then "19|"): the bar leaves the word, and its box
 * the word's (the figure ends where its digits do), so the pieces join. */
Test(ocr_cells, a_rule_read_as_a_bar_leaves_the_figure)
{
	sym sy[64];
	word wd[8];
	gk_ocrw ws = {.sy = sy, .scap = 64, .wd = wd, .wcap = 8};
	add_word(&ws, "29|");
	sy[0].l = 1003, sy[0].r = 1015, sy[1].l = 1015, sy[1].r = 1030, sy[2].l = 1044, sy[2].r = 1059;
	wd[0].l = 1003, wd[0].r = 1059;
	add_word(&ws, "|A"); /* no digit: left */
	gk_ocrw_fold_letters(&ws);
	cr_assert_str_eq(wd[0].text, "29");
	cr_assert_eq(wd[0].n, 2);
	cr_assert_eq(wd[0].l, 1003);
	cr_assert_eq(wd[0].r, 1030);
	cr_assert_str_eq(wd[1].text, "|A");
}
