/* test_ocr_lines.c - a line's cells mended before the tables are read, on
 * pages read by OCR (normalize/document.c: ocr_join_ordinal).
 *
 * Fixture (tests/fixtures/ocr, the extract stream of a real scan):
 *   ordinal-apart-xian.x  西安市政务服务和数据管理局 2026 表4 部门综合预算
 *       财政拨款收支总表, p. 24 of its 200 dpi scan: ordinals read as cells
 *       of their own, a gap before their label (`8、` `社会保障和就业支出`,
 *       `(2)` `商品和服务支出`, `一` `财政拨款` its 、 lost). */
#include "fixture.h"

/* the row of side whose item is item, -1 if none */
static int row_of(const gk_table *t, const char *side, const char *item)
{
	for (int i = 0; i < t->nrow; i++)
		if (!strcmp(gk_table_get(t, i, "side"), side) && !strcmp(gk_table_get(t, i, "item"), item))
			return i;
	return -1;
}

Test(ocr_lines, ordinal_rejoins_its_label)
{
	gk_result *r = normalize_file("tests/fixtures/ocr/ordinal-apart-xian.x", "xa");
	const gk_table *t = fixture_table(r, "fiscal_appropriation_summary");
	int i = row_of(t, "支出", "8、社会保障和就业支出");
	cr_assert(i >= 0);
	cr_assert_str_eq(gk_table_get(t, i, "total"), "226.961963");
	i = row_of(t, "支出", "20、住房保障支出");
	cr_assert(i >= 0);
	cr_assert_str_eq(gk_table_get(t, i, "total"), "246.978685");
	/* the next label is its own row, not the wrap of this one */
	cr_assert(row_of(t, "支出", "21、粮油物资储备支出") > i);
	/* a numeral alone where its 、 stood */
	i = row_of(t, "收入", "一、财政拨款");
	cr_assert(i >= 0);
	cr_assert_str_eq(gk_table_get(t, i, "total"), "5093.760835");
	cr_assert(row_of(t, "支出", "(2)商品和服务支出") >= 0);
	gk_result_drop(r);
}
