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
