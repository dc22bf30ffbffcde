/* test_ocr_inkgap.c - OCR repairs of faded scans and of ink Tesseract's
 * layout left unread (extract/ocrwords.c). */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "../../extract/ocrwords.h"

/* 登封 p.16, degraded 200 dpi scan read at 375: the darkest grey of each
 * column of the box of "2024" in "2024年餐厅设备购置费" (x 474-553, 53 px
 * high).  The digits print in greys of 130-170; below 128 only the first
 * stroke of the '2' is ink, and the word's right edge was cut to x 485,
 * leaving the year alone in a column (unit_code 2024, project_name
 * 年餐厅设备购置费). */
static const unsigned char year_cols[] = {
	255, 255, 255, 255, 193, 185, 157, 132, 99,  88,  93,  105, 127, 141, 132, 127, 130, 139, 148, 167,
	178, 177, 164, 142, 135, 136, 137, 148, 149, 147, 147, 154, 147, 144, 143, 140, 147, 169, 202, 200,
	158, 127, 109, 98,  97,  104, 117, 133, 138, 141, 136, 140, 158, 188, 204, 175, 149, 131, 122, 120,
	121, 126, 128, 117, 100, 95,  93,  98,  116, 141, 177, 191, 193, 186, 174, 159, 142, 126, 122, 117};

Test(ocr_inkgap, faded_digits_are_ink)
{
	int w = (int)sizeof year_cols, h = 53, wpl = (w + 3) / 4;
	l_uint32 *d = calloc((size_t)(wpl * h), sizeof *d);
	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++)
			SET_DATA_BYTE(d + y * wpl, x, y == 26 ? year_cols[x] : 255);
	gk_ocrw_ink ink = {d, w, h, wpl};
	word x = {.l = 0, .t = 0, .r = w - 1, .b = h - 1};
	cr_assert_eq(gk_ocrw_ink_right(&ink, &x), w - 1, "the year's ink runs to the box's end");
	/* a dark print keeps its gaps: the same digits in black, then 20
	 * blank columns and the next word's ink, end at the digits */
	int w2 = w + 30;
	int wpl2 = (w2 + 3) / 4;
	l_uint32 *e = calloc((size_t)(wpl2 * h), sizeof *e);
	for (int y = 0; y < h; y++)
		for (int c = 0; c < w2; c++) {
			int v = 255;
			if (y == 26 && c < w)
				v = year_cols[c] < 200 ? 20 : 255;
			else if (y == 26 && c >= w + 20)
				v = 20;
			SET_DATA_BYTE(e + y * wpl2, c, v);
		}
	gk_ocrw_ink ink2 = {e, w2, h, wpl2};
	word x2 = {.l = 0, .t = 0, .r = w2 - 1, .b = h - 1};
	cr_assert_eq(gk_ocrw_ink_right(&ink2, &x2), w - 1);
	free(d);
	free(e);
}

/* 登封 p.16 again: Tesseract's layout (PSM 4) read no word of the first
 * column, 类型, whose cells all say 特定目标类.  The ink left once the
 * words' boxes are cleared, on the row of 2024年餐厅设备购置费 (glyphs 30
 * px high): the five characters (the dot of 标 apart), a speck and a
 * sliver of the cell's ruling line. */
Test(ocr_inkgap, a_dropped_cell_is_a_region)
{
	word wd[] = {
		{.l = 474, .t = 680, .r = 555, .b = 732, .n = 4}, /* 2024 */
		{.l = 554, .t = 680, .r = 586, .b = 732, .n = 1}, /* 年 */
	};
	gk_ocrw ws = {.wd = wd, .nw = 2};
	gk_ocrw_box cc[] = {
		{286, 693, 313, 720, 0}, {317, 693, 342, 720, 0}, {349, 693, 371, 719, 0}, {379, 694, 405, 719, 0},
		{393, 694, 401, 697, 0}, {410, 694, 433, 719, 0}, {600, 650, 602, 652, 0}, /* a speck */
		{446, 680, 447, 732, 0},                                         /* a rule's sliver */
	};
	gk_ocrw_box out[4];
	int n = gk_ocrw_gaps(&ws, cc, (int)(sizeof cc / sizeof *cc), 30, out, 4);
	cr_assert_eq(n, 1);
	cr_assert(out[0].l == 286 && out[0].t == 693 && out[0].r == 433 && out[0].b == 720, "%d,%d,%d,%d", out[0].l,
	          out[0].t, out[0].r, out[0].b);
}

/* The same page's 登封市政务… of 2024年劳务费: the boxes of the doubtful 封
 * and 市 are narrower than their ink, whose edges are left over; grouped,
 * they reach over the two words, which read them already ("此市政" was
 * added to the cell). */
Test(ocr_inkgap, ink_beside_a_word_is_no_region)
{
	word wd[] = {
		{.l = 1059, .t = 843, .r = 1075, .b = 872, .n = 1}, /* 封 */
		{.l = 1088, .t = 844, .r = 1105, .b = 872, .n = 1}, /* 市 */
	};
	gk_ocrw ws = {.wd = wd, .nw = 2};
	gk_ocrw_box cc[] = {{1047, 845, 1056, 872, 0}, {1077, 846, 1086, 871, 0}, {1106, 845, 1115, 872, 0}};
	gk_ocrw_box out[4];
	cr_assert_eq(gk_ocrw_gaps(&ws, cc, 3, 30, out, 4), 0);
	/* without the words, the same ink is a line of glyphs */
	ws.nw = 0;
	gk_ocrw_box cc2[] = {{1047, 845, 1056, 872, 0}, {1077, 846, 1086, 871, 0}, {1106, 845, 1115, 872, 0}};
	cr_assert_eq(gk_ocrw_gaps(&ws, cc2, 3, 30, out, 4), 1);
}

/* 新乡 p.10 (clean 200 dpi, glyphs 32 px): the head's 一般公共预算 was read
 * with 预算 boxed below its ink; the ink of 预算 (x 1196-1251) stands 6 px
 * from 公共, a gap inside a word, not between cells.  Read again it made
 * a second 预算 and moved the head's columns. */
Test(ocr_inkgap, ink_next_to_a_word_is_no_region)
{
	word wd[] = {{.l = 1140, .t = 420, .r = 1190, .b = 449, .n = 2}}; /* 公共 */
	gk_ocrw ws = {.wd = wd, .nw = 1};
	gk_ocrw_box cc[] = {{1196, 421, 1222, 448, 0}, {1226, 420, 1251, 448, 0}};
	gk_ocrw_box out[4];
	cr_assert_eq(gk_ocrw_gaps(&ws, cc, 2, 32, out, 4), 0);
}

/* 新乡 p.13 (clean 200 dpi): a speck before the 政府经济分类 code, read as a
 * closing quote of one pixel, made the word "”50103"; no code, the cell
 * joined its neighbours as "住房公积金”50103往房公积金". */
Test(ocr_inkgap, quote_before_a_code_goes)
{
	sym sy[] = {{630, 683, 631, 707, 0x201D, 0}, {630, 683, 645, 707, '5', 0}, {647, 683, 662, 707, '0', 0},
	            {667, 683, 678, 707, '1', 0},    {681, 683, 696, 707, '0', 0}, {699, 683, 713, 707, '3', 0},
	            {700, 683, 740, 707, 0x201C, 1}, {741, 683, 760, 707, 0x5E74, 1}};
	word wd[] = {{.l = 630, .t = 683, .r = 713, .b = 707, .conf = 45, .first = 0, .n = 6, .text = "”50103"},
	             {.l = 700, .t = 683, .r = 760, .b = 707, .conf = 45, .first = 6, .n = 2, .text = "“年"}};
	gk_ocrw ws = {.sy = sy, .ns = 8, .wd = wd, .nw = 2};
	gk_ocrw_despeck(&ws);
	cr_assert_str_eq(wd[0].text, "50103");
	cr_assert(wd[0].l == 630 && wd[0].r == 713, "the digits' box, not a share of it: %d-%d", wd[0].l, wd[0].r);
	cr_assert_str_eq(wd[1].text, "年", "a Chinese word's quote goes as before");
}

/* 烟台统计 p.21 (200 dpi): the 款 of a code printed apart from its 类, a
 * speck before it read as a quote ("”09", "“02"): two digits are a code's
 * part and the quote goes; a quote before a two-digit amount with its
 * point (a figure, "“2.5") is left as read */
Test(ocr_inkgap, quote_before_a_code_part_goes)
{
	sym sy[] = {{201, 251, 203, 258, 0x201C, 0}, {202, 251, 205, 258, '0', 0}, {205, 251, 208, 258, '2', 0},
	            {300, 251, 302, 258, 0x201C, 1}, {302, 251, 305, 258, '2', 1}, {305, 251, 306, 258, '.', 1},
	            {306, 251, 309, 258, '5', 1}};
	word wd[] = {{.l = 201, .t = 251, .r = 208, .b = 258, .conf = 60, .first = 0, .n = 3, .text = "“02"},
	             {.l = 300, .t = 251, .r = 309, .b = 258, .conf = 60, .first = 3, .n = 4, .text = "“2.5"}};
	gk_ocrw ws = {.sy = sy, .ns = 7, .wd = wd, .nw = 2};
	gk_ocrw_despeck(&ws);
	cr_assert_str_eq(wd[0].text, "02");
	cr_assert_str_eq(wd[1].text, "“2.5");
}

/* 登封 p.13 (clean 200 dpi, read at 450, glyphs 17 px): the 三公 table is
 * printed in tiny type, and Tesseract's layout read none of its figures.
 * The 5.0 of its 合计 is a '5' and a '0' joined to the ruling line beside
 * it (the table too small for its rules to be found as rules), the point
 * a speck; a sliver of another rule stands alone.  Two glyphs are too
 * narrow for a line of characters: a short amount, boxed from its digits
 * (the rule beside the 0 is trimmed on the page, read_region). */
Test(ocr_inkgap, a_short_amount_is_a_region)
{
	gk_ocrw ws = {0};
	gk_ocrw_box cc[] = {
		{1116, 551, 1122, 562, 0}, /* 5 */
		{1126, 547, 1138, 563, 0}, /* 0 and the rule */
		{1224, 547, 1226, 563, 0}, /* a rule's sliver */
	};
	gk_ocrw_box out[4];
	cr_assert_eq(gk_ocrw_gaps(&ws, cc, 3, 17, out, 4), 1);
	cr_assert(out[0].amount && out[0].l == 1116 && out[0].r == 1138 && out[0].t == 547 && out[0].b == 563,
	          "%d,%d,%d,%d", out[0].l, out[0].t, out[0].r, out[0].b);
	/* 5.0 with the rule apart: the sliver, taller than the digits, is
	 * left out of the box */
	gk_ocrw_box cc2[] = {{556, 551, 562, 562, 0}, {566, 551, 572, 562, 0}, {576, 547, 578, 563, 0}};
	cr_assert_eq(gk_ocrw_gaps(&ws, cc2, 3, 17, out, 4), 1);
	cr_assert(out[0].amount && out[0].l == 556 && out[0].r == 572 && out[0].t == 551 && out[0].b == 562,
	          "%d,%d,%d,%d", out[0].l, out[0].t, out[0].r, out[0].b);
}

/* Narrow ink that is no amount stays unread: one digit and a rule's
 * sliver (no two digits), three strokes of a character as high as the
 * line (no digit wider than a stroke), a glyph as wide as it is high. */
Test(ocr_inkgap, narrow_ink_is_no_amount)
{
	gk_ocrw ws = {0};
	gk_ocrw_box out[4];
	gk_ocrw_box one[] = {{556, 551, 562, 562, 0}, {576, 547, 578, 563, 0}};
	cr_assert_eq(gk_ocrw_gaps(&ws, one, 2, 17, out, 4), 0);
	gk_ocrw_box strokes[] = {{600, 547, 602, 562, 0}, {606, 548, 608, 561, 0}, {612, 547, 614, 563, 0}};
	cr_assert_eq(gk_ocrw_gaps(&ws, strokes, 3, 17, out, 4), 0);
	gk_ocrw_box glyph[] = {{700, 547, 716, 563, 0}, {703, 551, 709, 560, 0}};
	cr_assert_eq(gk_ocrw_gaps(&ws, glyph, 2, 17, out, 4), 0);
}
