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

/* 登封 p.12, degraded 200 dpi scan read at 250: the grey of the box of a
 * figure the gaps' pass read as "5.1" (97), 34 x 22 px.  The point stands
 * in columns 15-19; the serifed 1 right of it begins with its foot (ink
 * low in column 23) before its stem rises. */
static const unsigned char five_point_one[22][34] = {
	{232, 207, 177, 158, 153, 159, 171, 174, 175, 180, 202, 226, 243, 248, 248, 249, 249, 248, 243, 241, 243, 246, 247, 243, 231, 214, 200, 194, 190, 197, 217, 234, 244, 246},
	{206, 172, 135, 119, 124, 131, 142, 146, 148, 159, 184, 212, 238, 249, 249, 248, 248, 248, 246, 244, 244, 245, 243, 231, 211, 187, 161, 143, 135, 151, 193, 220, 242, 245},
	{188, 139, 108, 100, 114, 131, 139, 143, 147, 159, 187, 212, 238, 251, 251, 249, 248, 248, 248, 247, 247, 246, 242, 227, 199, 166, 133, 114, 100, 119, 150, 205, 238, 243},
	{181, 123,  90,  97, 125, 153, 168, 169, 174, 189, 210, 226, 242, 252, 252, 251, 250, 249, 249, 249, 248, 248, 243, 226, 196, 157, 119,  93,  77,  92, 136, 201, 239, 247},
	{175, 120,  96, 109, 155, 187, 212, 219, 222, 227, 234, 241, 248, 251, 252, 252, 252, 251, 250, 249, 248, 248, 245, 235, 211, 177, 137, 101,  80,  91, 139, 203, 240, 252},
	{168, 119, 103, 118, 172, 207, 227, 239, 240, 242, 244, 246, 249, 250, 252, 252, 252, 251, 251, 250, 248, 247, 247, 244, 232, 207, 171, 130, 102, 109, 146, 204, 240, 253},
	{165, 118, 100, 114, 161, 193, 217, 224, 227, 234, 243, 245, 248, 250, 251, 251, 251, 251, 251, 250, 247, 246, 247, 247, 245, 230, 198, 153, 118, 121, 147, 198, 235, 252},
	{167, 119,  95, 104, 137, 161, 185, 185, 190, 210, 234, 243, 246, 249, 251, 250, 250, 251, 251, 250, 246, 246, 247, 249, 249, 239, 207, 159, 121, 123, 142, 194, 233, 251},
	{177, 125, 102, 102, 123, 143, 154, 150, 150, 174, 210, 233, 244, 249, 250, 249, 248, 249, 250, 248, 247, 247, 248, 248, 248, 239, 205, 154, 115, 118, 139, 189, 228, 247},
	{198, 147, 124, 115, 129, 143, 146, 137, 126, 136, 171, 210, 236, 249, 251, 249, 248, 248, 248, 247, 249, 249, 249, 247, 244, 236, 204, 152, 112, 114, 135, 188, 228, 245},
	{216, 184, 153, 150, 161, 168, 164, 143, 125, 111, 128, 173, 220, 247, 252, 250, 249, 248, 247, 248, 250, 250, 248, 244, 242, 234, 201, 151, 112, 115, 141, 192, 230, 245},
	{235, 217, 198, 200, 208, 210, 202, 168, 137,  97, 102, 137, 196, 237, 251, 251, 250, 249, 249, 249, 251, 250, 249, 244, 243, 236, 205, 155, 118, 122, 153, 203, 236, 246},
	{248, 237, 237, 238, 240, 239, 228, 201, 154, 101, 102, 122, 180, 224, 246, 250, 250, 250, 250, 250, 251, 250, 247, 246, 245, 240, 211, 160, 121, 126, 158, 208, 239, 249},
	{250, 249, 250, 252, 249, 247, 238, 223, 169, 113, 109, 124, 175, 217, 243, 249, 249, 249, 249, 249, 247, 246, 245, 246, 246, 242, 213, 162, 122, 126, 152, 203, 238, 252},
	{246, 247, 249, 249, 247, 246, 239, 226, 177, 124, 114, 126, 173, 217, 245, 248, 248, 248, 248, 247, 244, 244, 244, 245, 245, 241, 213, 162, 122, 125, 149, 202, 238, 253},
	{232, 233, 238, 242, 240, 239, 232, 218, 179, 127, 115, 123, 171, 218, 247, 247, 241, 241, 242, 245, 244, 244, 244, 242, 241, 230, 212, 161, 119, 121, 146, 199, 235, 244},
	{211, 203, 211, 224, 226, 224, 218, 193, 160, 118, 114, 130, 180, 224, 244, 238, 216, 217, 221, 240, 243, 243, 240, 231, 228, 216, 192, 147, 106, 109, 136, 181, 213, 237},
	{188, 167, 173, 194, 200, 199, 188, 161, 126, 108, 125, 158, 202, 230, 234, 213, 186, 176, 197, 221, 241, 240, 236, 220, 209, 193, 156, 120,  90,  85, 104, 145, 182, 209},
	{166, 143, 142, 157, 167, 165, 152, 133, 112, 122, 156, 192, 222, 232, 227, 186, 156, 148, 173, 205, 237, 237, 229, 208, 190, 164, 127, 104,  78,  74,  87, 116, 147, 180},
	{173, 145, 132, 135, 143, 142, 134, 129, 128, 156, 190, 212, 229, 232, 226, 178, 155, 143, 168, 201, 235, 236, 227, 201, 170, 154, 125, 106,  82,  81,  93, 116, 144, 167},
	{208, 173, 150, 141, 141, 141, 142, 149, 162, 192, 212, 224, 234, 235, 228, 197, 174, 162, 189, 216, 237, 237, 228, 204, 182, 157, 146, 135, 124, 124, 128, 143, 159, 183},
	{232, 211, 191, 175, 169, 169, 176, 188, 205, 222, 230, 235, 240, 241, 237, 222, 199, 198, 216, 237, 242, 241, 236, 220, 202, 187, 186, 183, 183, 183, 184, 191, 195, 208,},
};

static int point_in(int erase)
{
	int w = 34, h = 22, wpl = (w + 3) / 4;
	l_uint32 *d = calloc((size_t)(wpl * h), sizeof *d);
	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++)
			SET_DATA_BYTE(d + y * wpl, x, erase && x >= 14 && x <= 20 ? 245 : five_point_one[y][x]);
	gk_ocrw_ink ink = {d, w, h, wpl};
	gk_ocrw_box g = {0, 0, w - 1, h - 1, 1};
	int r = gk_ocrw_has_point(&ink, &g);
	free(d);
	return r;
}

Test(ocr_inkgap, a_point_before_a_serifed_one)
{
	cr_assert_eq(point_in(0), 1, "5.1: the point's ink, then the 1's foot, then its stem");
	cr_assert_eq(point_in(1), 0, "51: no point without its ink");
}
