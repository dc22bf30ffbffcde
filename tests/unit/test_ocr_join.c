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
	                                       {"财政拨款支出预算表", "功能科目)"},
	                                       {"2024年去出经济分类汇总表", NULL},
	                                       {"一般公共预算支出表按功能分类)", NULL},
	                                       {"其他支出（项目)", NULL}};
	for (int i = 0; i < 11; i++) {
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
	/* 支 read 去 (郑州, degraded) */
	cr_assert_str_eq(doc->line[8].cell[0].text, "2024年支出经济分类汇总表");
	/* a title's opening parenthesis lost (深圳信访 p.26); a label's kept */
	cr_assert_str_eq(doc->line[9].cell[0].text, "一般公共预算支出表（按功能分类)");
	cr_assert_str_eq(doc->line[10].cell[0].text, "其他支出（项目)");
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

/* a word of symbols "cp@l-r", on line `line` whose box is lt..lb */
static void add_word(gk_ocrw *ws, const char *text, const int (*sx)[2], int n, int t, int b, int line, int lt, int lb)
{
	word *w = &ws->wd[ws->nw];
	memset(w, 0, sizeof *w);
	w->first = ws->ns, w->n = n, w->line = line, w->conf = 89, w->size = lb - lt;
	w->lt = lt, w->lb = lb, w->t = t, w->b = b, w->l = sx[0][0], w->r = sx[n - 1][1];
	snprintf(w->text, sizeof w->text, "%s", text);
	for (int k = 0; k < n; k++)
		ws->sy[ws->ns++] = (sym){sx[k][0], t, sx[k][1], b, (uint32_t)text[k], ws->nw};
	ws->nw++;
}

/* 深圳信访局 表4 at 250 dpi, a column of 0.00 in wide-set 宋体: Tesseract
 * put the "0." of three rows in one block of lines and their "00" in
 * another (each word a line of its own), and read the point of the next
 * column without its "0" (". 00": the 0 in no word) */
Test(ocr_join, pieces_of_one_row_in_two_lines)
{
	gk_ocrw ws = {0};
	ws.sy = calloc(64, sizeof *ws.sy), ws.scap = 64;
	ws.wd = calloc(16, sizeof *ws.wd), ws.wcap = 16;
	static const int h0[][2] = {{2591, 2606}, {2610, 2614}}, d0[][2] = {{2626, 2641}, {2644, 2658}};
	static const int pt[][2] = {{2126, 2130}}, d1[][2] = {{2142, 2157}, {2160, 2175}};
	add_word(&ws, "0.", h0, 2, 741, 765, 10, 741, 765);  /* W 263 */
	add_word(&ws, "0.", h0, 2, 796, 820, 11, 796, 820);  /* W 264 */
	add_word(&ws, "00", d0, 2, 741, 765, 13, 741, 765);  /* W 266 */
	add_word(&ws, "00", d0, 2, 796, 820, 14, 796, 820);  /* W 267 */
	add_word(&ws, ".", pt, 1, 761, 765, 20, 741, 765);   /* W 201 */
	add_word(&ws, "00", d1, 2, 741, 765, 20, 741, 765);  /* W 202 */
	gk_ocrw_join_amounts(&ws);
	cr_assert_str_eq(ws.wd[0].text, "0.00");
	cr_assert_str_eq(ws.wd[1].text, "0.00", "each with the 00 of its row");
	cr_assert_eq(ws.wd[2].n, 0);
	cr_assert_eq(ws.wd[3].n, 0);
	cr_assert_eq(ws.wd[0].l, 2591);
	cr_assert_eq(ws.wd[0].r, 2658);
	cr_assert_eq(ws.sy[ws.wd[1].first + 3].l, 2644, "its symbols follow one another");
	cr_assert_str_eq(ws.wd[4].text, ".00", "a point joins its decimals");
	cr_assert_eq(ws.wd[4].t, 741, "the box is the symbols' union: %d", ws.wd[4].t);
	cr_assert_eq(ws.wd[5].n, 0);
	gk_ocrw_clear(&ws);
}

/* what is no piece of the row stays: a "00" a line below, one a column
 * away (further than a line's height) */
Test(ocr_join, pieces_of_other_rows_stay_apart)
{
	gk_ocrw ws = {0};
	ws.sy = calloc(64, sizeof *ws.sy), ws.scap = 64;
	ws.wd = calloc(16, sizeof *ws.wd), ws.wcap = 16;
	static const int h0[][2] = {{2591, 2606}, {2610, 2614}}, d0[][2] = {{2626, 2641}, {2644, 2658}};
	static const int far[][2] = {{2700, 2715}, {2718, 2733}};
	add_word(&ws, "0.", h0, 2, 741, 765, 10, 741, 765);
	add_word(&ws, "00", d0, 2, 796, 820, 14, 796, 820); /* the next row */
	add_word(&ws, "0.", h0, 2, 852, 876, 11, 852, 876);
	add_word(&ws, "00", far, 2, 852, 876, 15, 852, 876); /* 86 px on */
	gk_ocrw_join_amounts(&ws);
	cr_assert_str_eq(ws.wd[0].text, "0.");
	cr_assert_str_eq(ws.wd[1].text, "00");
	cr_assert_str_eq(ws.wd[2].text, "0.");
	cr_assert_str_eq(ws.wd[3].text, "00");
	gk_ocrw_clear(&ws);
}

/* the same column: the ink of ".00" and of the "0" before it, 17 px
 * left of the point (0.7 of its height); the previous column's "0.00"
 * 193 px left */
Test(ocr_join, an_amount_read_from_its_point_reaches_its_head)
{
	gk_ocrw_ink ink;
	ink.w = 400, ink.h = 40, ink.wpl = 100;
	ink.data = calloc((size_t)ink.wpl * (size_t)ink.h, sizeof *ink.data);
	/* x = page x - 1900: 0.00 at 1866-1933 is off the strip's left, so
	 * the strip starts at its 0.00's last digit */
	static const int bars[][2] = {{0, 33}, {209, 224}, {226, 231}, {242, 258}, {260, 276}};
	for (int y = 0; y < ink.h; y++)
		for (int x = 0; x < ink.w; x++) {
			int dark = 0;
			for (int k = 0; k < 5; k++)
				dark |= y >= 10 && y < 34 && x >= bars[k][0] && x < bars[k][1];
			SET_DATA_BYTE(ink.data + y * ink.wpl, x, dark ? 30 : 250);
		}
	gk_ocrw ws = {0};
	ws.sy = calloc(16, sizeof *ws.sy), ws.scap = 16;
	ws.wd = calloc(4, sizeof *ws.wd), ws.wcap = 4;
	static const int prev[][2] = {{1, 15}, {18, 33}}, hd[][2] = {{226, 231}, {242, 258}, {260, 276}};
	add_word(&ws, "00", prev, 2, 10, 34, 1, 10, 34);
	add_word(&ws, ".00", hd, 3, 10, 34, 2, 10, 34);
	gk_ocrw_reach_head(&ws, &ink);
	cr_assert_eq(ws.wd[1].lx, 209, "reaches back over the 0: %d", ws.wd[1].lx);
	cr_assert_eq(ws.wd[1].l, 226, "its box stays until the digits confirm it");
	cr_assert_eq(ws.wd[0].lx, 0, "a figure with its head reaches for none");
	/* p.22 of the same table: "00" alone, its "0." in no word */
	snprintf(ws.wd[1].text, sizeof ws.wd[1].text, "00");
	ws.wd[1].first++, ws.wd[1].n--, ws.wd[1].l = 242, ws.wd[1].lx = 0;
	gk_ocrw_reach_head(&ws, &ink);
	cr_assert_eq(ws.wd[1].lx, 209, "the decimals reach back over 0.: %d", ws.wd[1].lx);
	snprintf(ws.wd[1].text, sizeof ws.wd[1].text, ".00");
	ws.wd[1].first--, ws.wd[1].n++, ws.wd[1].l = 226;
	/* no ink within 0.8 of a height before the point: nothing to read */
	for (int y = 0; y < ink.h; y++)
		for (int x = 209; x < 224; x++)
			SET_DATA_BYTE(ink.data + y * ink.wpl, x, 250);
	ws.wd[1].lx = 0;
	gk_ocrw_reach_head(&ws, &ink);
	cr_assert_eq(ws.wd[1].lx, 0);
	/* ink that runs on into the word before it is no head of its own */
	for (int y = 10; y < 34; y++)
		for (int x = 34; x < 226; x += 10)
			SET_DATA_BYTE(ink.data + y * ink.wpl, x, 30);
	gk_ocrw_reach_head(&ws, &ink);
	cr_assert_eq(ws.wd[1].lx, 0, "%d", ws.wd[1].lx);
	gk_ocrw_clear(&ws);
	free(ink.data);
}

/* a head fits the ink before the point at its decimals' pitch: the "0"
 * of 0.00 (17 px; its 00 span 33 px), "7,651" of 7,651.71 (87 px; 71
 * spans 30) */
Test(ocr_join, a_head_as_wide_as_its_ink)
{
	cr_assert(gk_ocr_head_fits(1, 17, 16.5));
	cr_assert(!gk_ocr_head_fits(2, 17, 16.5), "a sliver read as 10");
	cr_assert(!gk_ocr_head_fits(0, 17, 16.5));
	cr_assert(gk_ocr_head_fits(4, 87, 15), "four digits and a comma");
	cr_assert(!gk_ocr_head_fits(3, 87, 15));
	cr_assert(!gk_ocr_head_fits(7, 87, 15));
}

/* 烟台统计 p.21: "1,704.11" read "1" + "704.11", the comma in no symbol,
 * the two pieces 3 px apart; a figure a column away ("1" in a 项 column,
 * 18 px before) and a head of four digits stay apart */
Test(ocr_join, thousands_comma_no_symbol_read)
{
	gk_ocrw ws;
	const char *t[] = {"1", "704.11", "1", "704.11", "1704", "704.11"};
	int l[] = {340, 356, 700, 730, 1000, 1072};
	words(&ws, t, l, 6, 17);
	gk_ocrw_join_amounts(&ws);
	cr_assert_str_eq(ws.wd[0].text, "1704.11");
	cr_assert_eq(ws.wd[1].n, 0);
	cr_assert_str_eq(ws.wd[2].text, "1");
	cr_assert_str_eq(ws.wd[3].text, "704.11");
	cr_assert_str_eq(ws.wd[4].text, "1704");
	cr_assert_str_eq(ws.wd[5].text, "704.11");
	gk_ocrw_clear(&ws);
}

/* a title's line read again whole took in a wrapped row's figures on
 * 广州气象's project table: such a reading is no title's */
Test(ocr_join, reading_with_figures_is_no_title)
{
	cr_assert(gk_ocrw_holds_decimals("机构运行辅助经费14. 00           14. 00"));
	cr_assert(gk_ocrw_holds_decimals("物业管理费168.00"));
	cr_assert(gk_ocrw_holds_decimals("电耗工作 140 00 140 00"));
	cr_assert_not(gk_ocrw_holds_decimals("2024 年部门预算"));
	cr_assert_not(gk_ocrw_holds_decimals("第 1 号 2024 123"));
	cr_assert_not(gk_ocrw_holds_decimals("2026年部门预算项目支出表"));
	cr_assert_not(gk_ocrw_holds_decimals("一般公共预算支出情况表（2024.）"));
	cr_assert_not(gk_ocrw_holds_decimals("表12"));
}

/* a word of UTF-8 text at l..r, t..b on line ln, conf c, appended to ws */
static void cjk_word(gk_ocrw *ws, const char *text, int l, int t, int r, int b, int ln, float c)
{
	word *w = &ws->wd[ws->nw++];
	memset(w, 0, sizeof *w);
	w->l = l, w->t = t, w->r = r, w->b = b, w->line = ln, w->conf = c, w->first = ws->ns;
	snprintf(w->text, sizeof w->text, "%s", text);
	const unsigned char *p = (const unsigned char *)text;
	size_t n = strlen(text);
	unsigned cp;
	int k;
	while (n && (k = gk_utf8_next(p, n, &cp)) > 0)
		ws->sy[ws->ns++] = (sym){l, t, r, b, cp, ws->nw - 1}, p += k, n -= (size_t)k;
	w->n = ws->ns - w->first;
}

/* 广州气象's 防雷业务经费, read by a tall line whole and again, in part
 * and less surely, by the figures' line beside it: the part goes; two
 * readings as long as each other both stay (neither says more) */
Test(ocr_join, one_label_read_twice)
{
	gk_ocrw ws = {0};
	ws.sy = calloc(64, sizeof *ws.sy);
	ws.wd = calloc(16, sizeof *ws.wd);
	cjk_word(&ws, "雷", 264, 1240, 318, 1269, 0, 29);
	cjk_word(&ws, "业", 319, 1236, 355, 1279, 0, 91);
	cjk_word(&ws, "务", 377, 1240, 387, 1268, 0, 92);
	cjk_word(&ws, "经", 388, 1241, 409, 1269, 0, 93);
	cjk_word(&ws, "防", 238, 1240, 287, 1271, 1, 93);
	cjk_word(&ws, "雷", 288, 1228, 322, 1295, 1, 91);
	cjk_word(&ws, "业务", 344, 1239, 372, 1270, 1, 96);
	cjk_word(&ws, "经", 393, 1228, 414, 1295, 1, 93);
	cjk_word(&ws, "费", 415, 1239, 441, 1270, 1, 93);
	cjk_word(&ws, "合计", 238, 1400, 300, 1430, 2, 60);
	cjk_word(&ws, "合计", 238, 1402, 300, 1431, 3, 95);
	gk_ocrw_drop_doubles(&ws);
	for (int i = 0; i < 4; i++)
		cr_assert_eq(ws.wd[i].n, 0, "word %d of the part kept", i);
	for (int i = 4; i < 11; i++)
		cr_assert_gt(ws.wd[i].n, 0, "word %d dropped", i);
	free(ws.sy);
	free(ws.wd);
}

/* 杭州交通 p.25, its 合计 row: 15868.83 read "15868." + "83", and beyond
 * the column's rule (x 2012-2015) the wrapped 576,171.11 read as the
 * scraps "5" "1" on the same tall line.  Joined, they made 15868.8351;
 * the rule parts them. */
Test(ocr_join, no_join_across_a_rule)
{
	gk_ocrw ws;
	const char *t[] = {"15868.", "83", "5", "1"};
	int l[] = {1866, 1976, 2046, 2116};
	/* the line is as tall as the wrapped cell: 79 px */
	words(&ws, t, l, 4, 17);
	for (int i = 0; i < 4; i++)
		ws.wd[i].size = 79;
	gk_ocrw_join_amounts(&ws);
	cr_assert_str_eq(ws.wd[0].text, "15868.8351", "without the rule, one word: %s", ws.wd[0].text);
	gk_ocrw_clear(&ws);
	words(&ws, t, l, 4, 17);
	for (int i = 0; i < 4; i++)
		ws.wd[i].size = 79;
	gk_ocrw_box vr[] = {{2012, 0, 2015, 2000, 0}};
	ws.vr = vr;
	ws.nvr = 1;
	gk_ocrw_join_amounts(&ws);
	cr_assert_str_eq(ws.wd[0].text, "15868.83");
	cr_assert_str_eq(ws.wd[2].text, "5");
	cr_assert_str_eq(ws.wd[3].text, "1");
	gk_ocrw_clear(&ws);
}

/* 登封 p.12, degraded 200 dpi scan read at 250: the row of 30239
 * 其他交通费用 printed 3.7 twice; Tesseract's layout read the second as
 * "和" (10) on the label's line and dropped the first, which the gaps'
 * pass read onto a line of its own.  The figure beside "和" is that one,
 * whatever its line: the label's last character is only its line's. */
Test(ocr_join, the_figure_beside_a_word_is_its_rows)
{
	gk_ocrw ws = {0};
	ws.sy = calloc(16, sizeof *ws.sy), ws.scap = 16;
	ws.wd = calloc(8, sizeof *ws.wd), ws.wcap = 8;
	static const int fei[][2] = {{1618, 1634}}, he[][2] = {{2364, 2399}};
	static const int fig[][2] = {{2195, 2203}, {2205, 2209}, {2211, 2229}};
	static const int below[][2] = {{2195, 2203}, {2205, 2209}, {2211, 2229}};
	add_word(&ws, "f", fei, 1, 895, 922, 5, 892, 934);  /* W 180 费 */
	add_word(&ws, "h", he, 1, 898, 920, 5, 892, 934);   /* W 181 和 */
	add_word(&ws, "3.7", fig, 3, 898, 919, 9, 893, 923); /* the gaps' reading */
	add_word(&ws, "5.1", below, 3, 950, 972, 10, 945, 976); /* the next row's */
	cr_assert_eq(gk_ocrw_row_neighbour(&ws, 1, -1), 2, "the row's figure, not the line's label");
	cr_assert_eq(gk_ocrw_row_neighbour(&ws, 1, 1), -1, "nothing right of it");
	cr_assert_eq(gk_ocrw_row_neighbour(&ws, 2, -1), 0, "the label left of the figure");
	cr_assert_eq(gk_ocrw_row_neighbour(&ws, 2, 1), 1);
	free(ws.sy);
	free(ws.wd);
}
