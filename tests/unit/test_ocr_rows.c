/* test_ocr_rows.c - rows of a page read by OCR whose cells stand in two
 * of Tesseract's lines (normalize/logical.c: ocr_line_nums).
 *
 * Fixture (tests/fixtures/pdf, an extract stream of a real page):
 *   ocr-unit-rows.x  广州市气象局 2026 收入总体情况表 (p. 7) rendered at
 *                    200 dpi and read by OCR: the unit below 广州市气象台
 *                    wraps its name over two lines, and the first of them
 *                    stands beside the figures' line, which grows tall. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "../../lib/ptext.h"
#include "../../lib/rules.h"
#include "../../lib/table.h"
#include "../../normalize/normalize.h"

/* 广州市气象台's row keeps its name: it had taken the next unit's first
 * garbled characters as the wrap of its own, and its row went to that
 * unit, leaving its figures under a 合计 no line printed */
Test(ocr_rows, label_beside_a_tall_figures_line)
{
	char *err = NULL;
	gk_doc *doc = NULL;
	FILE *fp = fopen("tests/fixtures/pdf/ocr-unit-rows.x", "r");
	cr_assert_not_null(fp);
	cr_assert_eq(gk_doc_read(fp, &doc, &err), 1, "%s", err ? err : "");
	fclose(fp);
	gk_rules *rules = gk_rules_load("rules", &err);
	cr_assert_not_null(rules, "%s", err ? err : "");
	gk_result *res = gk_normalize(doc, rules, "ocr-rows");
	const gk_table *t = gk_result_find(res, "revenue_by_unit");
	cr_assert_not_null(t);
	int found = 0, totals = 0;
	for (int i = 0; i < t->nrow; i++) {
		const char *name = gk_table_get(t, i, "unit_name");
		if (!strcmp(name, "广州市气象台")) {
			found = 1;
			cr_assert_str_eq(gk_table_get(t, i, "total"), "1519.20");
		}
		totals += !strcmp(name, "合计");
	}
	cr_assert(found, "no row 广州市气象台");
	cr_assert_eq(totals, 1, "%d rows named 合计", totals);
	gk_result_drop(res);
	gk_rules_drop(rules);
	gk_doc_drop(doc);
}

/* 新乡 p.9 (部门支出预算表) at 200 dpi, extract stream
 * tests/fixtures/ocr/digits-among-figures-xinxiang.x: the head
 * 对个人和家庭的补助 overflowed onto the 合计 row, and its 29.72 was read
 * "2972" (confidence 0) among the row's figures.  Digits right of a row's
 * first figure are no unit code: the row has none, and is the 合计 row
 * (its label garbage, its total the functions' sum); 2972 is no figure
 * either. */
Test(ocr_rows, digits_among_figures_are_no_code)
{
	char *err = NULL;
	gk_doc *doc = NULL;
	FILE *fp = fopen("tests/fixtures/ocr/digits-among-figures-xinxiang.x", "r");
	cr_assert_not_null(fp);
	cr_assert_eq(gk_doc_read(fp, &doc, &err), 1, "%s", err ? err : "");
	fclose(fp);
	gk_rules *rules = gk_rules_load("rules", &err);
	cr_assert_not_null(rules, "%s", err ? err : "");
	gk_result *res = gk_normalize(doc, rules, "ocr-rows");
	const gk_table *t = gk_result_find(res, "expenditure_by_function");
	cr_assert_not_null(t);
	cr_assert_str_eq(gk_table_get(t, 0, "unit_code"), "");
	cr_assert_str_eq(gk_table_get(t, 0, "total"), "1352.27");
	cr_assert_str_eq(gk_table_get(t, 0, "basic_wages"), "855.15");
	cr_assert_str_eq(gk_table_get(t, 0, "basic_family_subsidy"), "");
	cr_assert_str_eq(gk_table_get(t, 1, "unit_code"), "118");
	cr_assert_str_eq(gk_table_get(t, 1, "basic_family_subsidy"), "29.72");
	for (int i = 0; i < t->nrow; i++)
		cr_assert(!strstr(gk_table_get(t, i, "unit_code"), "2972"));
	gk_result_drop(res);
	gk_rules_drop(rules);
	gk_doc_drop(doc);
}
