/* test_ocr_cont.c - the columns of a coded table continued on the next
 * OCR'd page held against those of the page before (normalize/ocrcont.c).
 * The fixtures are 湖州退役军人's 表03 支出预算总表 pp.20-21 as
 * gongkai-extract read them from a 200 dpi scan, the 栏次 line of p.21
 * (1 2 … 7, which says which column its figures stand in) taken out: the
 * head of p.21 read 基本支出 as a column of its own over the 人员支出
 * figures. */
#include <stdlib.h>

#include "../../normalize/nctx.h"
#include "fixture.h"

static int checks_of(const gk_result *r, const char *check, const char *status)
{
	int n = 0;
	for (int k = 0; k < r->ncheck; k++)
		n += !strcmp(r->checks[k].check, check) && !strcmp(r->checks[k].status, status);
	return n;
}

static int row_of(const gk_table *t, const char *code)
{
	for (int i = 0; i < t->nrow; i++)
		if (!strcmp(gk_table_get(t, i, "func_code"), code))
			return i;
	return -1;
}

/* p.20 put its four figure columns in total, 人员支出, 公用经费 and 项目支出;
 * p.21's two columns stand at the right edges of the first two: its
 * 人员支出 figures are basic_personnel, not the basic_total its head
 * said, and the move is noted. */
Test(ocr_cont, continued_page_takes_the_columns_of_the_page_before)
{
	gk_result *r = normalize_file("tests/fixtures/ocr/continued-head-huzhou.x", "hz");
	const gk_table *t = fixture_table(r, "expenditure_by_function");
	int i = row_of(t, "2101101");
	cr_assert_geq(i, 0);
	cr_assert_str_eq(gk_table_get(t, i, "total"), "16.85");
	cr_assert_str_eq(gk_table_get(t, i, "basic_personnel"), "16.85");
	cr_assert_str_eq(gk_table_get(t, i, "basic_total"), "");
	i = row_of(t, "2210201");
	cr_assert_str_eq(gk_table_get(t, i, "basic_personnel"), "145.08");
	i = row_of(t, "2082801"); /* p.20 as it was */
	cr_assert_str_eq(gk_table_get(t, i, "basic_personnel"), "523.00");
	cr_assert_str_eq(gk_table_get(t, i, "basic_public"), "48.57");
	cr_assert_eq(checks_of(r, "ocr:columns", "corrected"), 1);
	cr_assert_eq(checks_of(r, "ocr:columns", "unsure"), 0);
	gk_result_drop(r);
}

/* The same with p.20 cut to its rows of 人员支出 only: the page before is
 * no surer than this one (two columns each), the figures stay where p.21's
 * head put them and each of its eight rows is flagged. */
Test(ocr_cont, neither_page_surer_flags_the_rows)
{
	gk_result *r = normalize_file("tests/fixtures/ocr/continued-head-few-huzhou.x", "hz");
	const gk_table *t = fixture_table(r, "expenditure_by_function");
	int i = row_of(t, "210");
	cr_assert_geq(i, 0);
	cr_assert_str_eq(gk_table_get(t, i, "basic_total"), "71.42");
	cr_assert_eq(checks_of(r, "ocr:columns", "unsure"), 8);
	cr_assert_eq(checks_of(r, "ocr:columns", "corrected"), 0);
	gk_result_drop(r);
}

/* From a text layer (no ocr_pages) nothing is compared. */
Test(ocr_cont, text_layer_untouched)
{
	gk_buf b = {0};
	FILE *f = fopen("tests/fixtures/ocr/continued-head-huzhou.x", "r");
	cr_assert_not_null(f);
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		gk_buf_add(&b, chunk, n);
	fclose(f);
	char *s = gk_buf_take(&b), *at = strstr(s, "M\tocr_pages\t1,2\n");
	cr_assert_not_null(at);
	memmove(at + 12, at + 15, strlen(at + 15) + 1);
	gk_result *r = normalize_stream(s, "hz");
	const gk_table *t = fixture_table(r, "expenditure_by_function");
	cr_assert_str_eq(gk_table_get(t, row_of(t, "2101101"), "basic_total"), "16.85");
	cr_assert_eq(checks_of(r, "ocr:columns", "corrected") + checks_of(r, "ocr:columns", "unsure"), 0);
	gk_result_drop(r);
	free(s);
}

/* 烟台统计 pp.14-15 (一般公共预算支出表) at 200 dpi: p.15's head lost 人
 * of 人员支出 and its 小计 was set aside (x_), so its 人员支出 figures came
 * under basic_total where p.14 had basic_personnel, and p.14 had no more
 * columns than p.15 to prefer it: each row a doubt.  The table read whole
 * (its x_ 小计 placed by arithmetic) holds each figure under
 * basic_personnel too: the doubts are settled (ok), not flags. */
Test(ocr_cont, doubt_settled_by_the_table_read_whole)
{
	gk_result *r = normalize_file("tests/fixtures/ocr/continued-settled-yantai.x", "yt");
	const gk_table *t = fixture_table(r, "general_budget_expenditure");
	int i = row_of(t, "2101102");
	cr_assert_geq(i, 0);
	cr_assert_str_eq(gk_table_get(t, i, "basic_total"), "34.65");
	cr_assert_str_eq(gk_table_get(t, i, "basic_personnel"), "34.65");
	cr_assert_eq(checks_of(r, "ocr:columns", "unsure"), 0);
	int settled = 0;
	for (int k = 0; k < r->ncheck; k++)
		settled += !strcmp(r->checks[k].check, "ocr:columns") && !strcmp(r->checks[k].status, "ok") &&
		           strstr(r->checks[k].detail, "settled") != NULL;
	cr_assert_eq(settled, 6);
	gk_result_drop(r);
}
