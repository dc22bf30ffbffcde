/* test_ocr_join.c - amounts Tesseract cut into words (extract/ocrwords.c:
 * gk_ocrw_join_amounts), from the words it gave on real pages rendered as
 * 200 dpi scans. */
#include <criterion/criterion.h>
#include <string.h>

#include "../../extract/ocr.h"
#include "../../extract/ocrwords.h"
#include "ptext.h"

/* one line of words, each "text@left" with its symbols spread by adv px */
static void words(gk_ocrw *ws, const char *const *text, const int *left, int n, int adv)
{
	memset(ws, 0, sizeof *ws);
	ws->sy = calloc(256, sizeof *ws->sy);
	ws->wd = calloc((size_t)n, sizeof *ws->wd);
	for (int i = 0; i < n; i++) {
		word *w = &ws->wd[ws->nw++];
		w->first = ws->ns;
		w->size = 25;
		w->conf = 90;
		w->line = 0;
		snprintf(w->text, sizeof w->text, "%s", text[i]);
		int x = left[i];
		for (const char *p = text[i]; *p; p++, x += adv)
			ws->sy[ws->ns++] = (sym){x, 0, x + adv - 5, 25, (uint32_t)*p, i};
		w->n = ws->ns - w->first;
		/* Tesseract's word boxes are bent here: not the symbols' */
		w->l = left[i];
		w->r = left[i] + 10;
	}
}

/* 杭州气象 表3: "28.00" read as "28.0" + "0", "396.67" as "396.6" + "7" */
Test(ocr_join, decimals_cut_from_their_amount)
{
	gk_ocrw ws;
	const char *t[] = {"28.0", "0", "396.6", "7"};
	int l[] = {1466, 1537, 1900, 1985};
	words(&ws, t, l, 4, 17);
	gk_ocrw_join_amounts(&ws);
	cr_assert_str_eq(ws.wd[0].text, "28.00");
	cr_assert_eq(ws.wd[1].n, 0);
	cr_assert_str_eq(ws.wd[2].text, "396.67");
	cr_assert_eq(ws.wd[0].r, 1537 + 12, "the box is the symbols' union: %d", ws.wd[0].r);
	gk_ocrw_clear(&ws);
	/* 上海普陀福利院 p.7, 元 in thousands groups: "9,501" "," "164" and
	 * "503,72" "4" */
	const char *t2[] = {"9,501", ",", "164", "503,72", "4", "12121", "121164"};
	int l2[] = {741, 826, 845, 1726, 1830, 2000, 2120};
	words(&ws, t2, l2, 7, 17);
	gk_ocrw_join_amounts(&ws);
	cr_assert_str_eq(ws.wd[0].text, "9,501,164");
	cr_assert_str_eq(ws.wd[3].text, "503,724");
	cr_assert_str_eq(ws.wd[5].text, "12121"); /* no separator: two figures */
	cr_assert_str_eq(ws.wd[6].text, "121164");
	gk_ocrw_clear(&ws);
}

/* 江苏政协 公开04表: "13,297.11" read as "13,297" + "." + "11" */
Test(ocr_join, head_point_and_decimals)
{
	gk_ocrw ws;
	const char *t[] = {"13,297", ".", "11", "一"};
	int l[] = {1314, 1415, 1439, 1480};
	words(&ws, t, l, 4, 17);
	gk_ocrw_join_amounts(&ws);
	cr_assert_str_eq(ws.wd[0].text, "13,297.11");
	cr_assert_str_eq(ws.wd[3].text, "一");
	gk_ocrw_clear(&ws);
}

/* what is not one amount stays apart: a column gap, a full amount, a
 * second point; a point with nothing after it joins its figure */
Test(ocr_join, pieces_that_are_not_one_amount)
{
	gk_ocrw ws;
	const char *t[] = {"5876.67", "2", "28.0", "0", "13", ".", "2024", "1.5", ".5"};
	int l[] = {100, 220, 400, 600, 800, 840, 1200, 1400, 1460};
	words(&ws, t, l, 9, 17);
	gk_ocrw_join_amounts(&ws);
	cr_assert_str_eq(ws.wd[0].text, "5876.67"); /* two decimals: whole */
	cr_assert_str_eq(ws.wd[1].text, "2");
	cr_assert_str_eq(ws.wd[2].text, "28.0"); /* "0" a column away */
	cr_assert_str_eq(ws.wd[3].text, "0");
	cr_assert_str_eq(ws.wd[4].text, "13."); /* its point kept, decimals looked for */
	cr_assert_eq(ws.wd[5].n, 0);
	cr_assert_str_eq(ws.wd[7].text, "1.5"); /* no second point */
	cr_assert_str_eq(ws.wd[8].text, ".5");
	gk_ocrw_clear(&ws);
}

/* 江苏政协 2019 rendered at 200 dpi: its 宋体 titles read "收文预算总表",
 * "支出预算表〈功能科目)", and 支出 cut between two cells as "财政拨款文" +
 * "出预算表"; each lost its table */
Test(ocr_join, title_confusions)
{
	gk_doc *doc = gk_doc_new();
	gk_doc_set_meta(doc, "ocr_pages", "1");
	gk_doc_add_page(doc, 842, 595);
	static const char *const cells[][2] = {{"收文预算总表", NULL},
	                                       {"一般公共预算支出预算表〈功能科目)", NULL},
	                                       {"财政拨款文", "出预算表"},
	                                       {"文化旅游体育与传媒支出", NULL},
	                                       {"-般公共预算", "-、政府性基金预算"},
	                                       {"-12.00", NULL},
	                                       {"-、", "政府性基金预算"},
	                                       {"财政拨款支出预算表", "功能科目)"}};
	for (int i = 0; i < 8; i++) {
		gk_line *l = gk_doc_add_line(doc, 1, 60 + 30 * i, 80 + 30 * i, 20, GK_GEOM_POS);
		gk_cell *c = gk_line_add_cell_y(l, 220, 350, 0, 0, cells[i][0], strlen(cells[i][0]));
		c->conf = 80;
		if (cells[i][1]) {
			c = gk_line_add_cell_y(l, 380, 460, 0, 0, cells[i][1], strlen(cells[i][1]));
			c->conf = 90;
		}
	}
	gk_ocr_fix_lines(doc, 0);
	cr_assert_str_eq(doc->line[0].cell[0].text, "收支预算总表");
	cr_assert_str_eq(doc->line[1].cell[0].text, "一般公共预算支出预算表（功能科目)");
	cr_assert_str_eq(doc->line[2].cell[0].text, "财政拨款支");
	cr_assert_str_eq(doc->line[3].cell[0].text, "文化旅游体育与传媒支出");
	/* 一 read as a dash at a label's start; a negative figure stays */
	cr_assert_str_eq(doc->line[4].cell[0].text, "一般公共预算");
	cr_assert_str_eq(doc->line[4].cell[1].text, "一、政府性基金预算");
	cr_assert_str_eq(doc->line[5].cell[0].text, "-12.00");
	cr_assert_str_eq(doc->line[6].cell[0].text, "一、"); /* a cell of its own (江苏政协 p.4) */
	/* the title's opening parenthesis lost (江苏政协 p.5) */
	cr_assert_str_eq(doc->line[7].cell[1].text, "（功能科目）");
	gk_doc_drop(doc);
}

/* a grey strip 400 x 30, white, with dark bars [x0, x1) as glyphs */
static void strip(gk_ocrw_ink *ink, const int (*bars)[2], int n)
{
	ink->w = 400, ink->h = 30, ink->wpl = 100;
	ink->data = calloc((size_t)ink->wpl * (size_t)ink->h, sizeof *ink->data);
	for (int y = 0; y < ink->h; y++) {
		l_uint32 *line = ink->data + y * ink->wpl;
		for (int x = 0; x < ink->w; x++) {
			int dark = 0;
			for (int k = 0; k < n; k++)
				dark |= y >= 5 && y < 25 && x >= bars[k][0] && x < bars[k][1];
			SET_DATA_BYTE(line, x, dark ? 20 : 250);
		}
	}
}

/* 杭州气象 表4 at 200 dpi: "5,247.87" read as "5,247." (the 87 in no
 * word): its box may reach over the ink of its decimals, 12 px on (0.6 of
 * its height), but not over a gap wider than 0.8 of it, and never into
 * the next word */
Test(ocr_join, an_amount_cut_at_its_point_reaches_its_decimals)
{
	static const int bars[][2] = {{10, 20}, {24, 27}, {33, 43}, {48, 58}, {63, 73}, {77, 80}, /* 5,247. */
	                              {92, 102}, {107, 117},                                      /* 87 */
	                              {200, 210}, {215, 225}};                                    /* far on */
	gk_ocrw_ink ink;
	strip(&ink, bars, 10);
	gk_ocrw ws;
	const char *t[] = {"5,247."};
	int l[] = {10};
	words(&ws, t, l, 1, 12);
	ws.wd[0].t = 5, ws.wd[0].b = 25, ws.wd[0].lt = 5, ws.wd[0].lb = 25, ws.wd[0].r = 80;
	gk_ocrw_reach_decimals(&ws, &ink);
	cr_assert_eq(ws.wd[0].rx, 116, "reaches over 87: %d", ws.wd[0].rx);
	cr_assert_eq(ws.wd[0].r, 80, "its box stays until the digits confirm it");
	gk_ocrw_clear(&ws);
	/* a figure ended by its decimals is not extended; nor one whose next
	 * word starts before the ink */
	const char *t2[] = {"5,247.87", "13.", "x"};
	int l2[] = {10, 150, 180};
	words(&ws, t2, l2, 3, 12);
	for (int k = 0; k < 3; k++)
		ws.wd[k].t = 5, ws.wd[k].b = 25, ws.wd[k].lt = 5, ws.wd[k].lb = 25;
	ws.wd[0].r = 116, ws.wd[1].r = 170;
	gk_ocrw_reach_decimals(&ws, &ink);
	cr_assert_eq(ws.wd[0].rx, 0);
	cr_assert_eq(ws.wd[1].rx, 0, "the next word bounds it: %d", ws.wd[1].rx);
	gk_ocrw_clear(&ws);
	free(ink.data);
}
