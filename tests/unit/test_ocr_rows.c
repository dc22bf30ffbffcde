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
