/* test_ocr_continued.c - a project table continued over three scanned
 * pages (normalize/document.c text_column_gathered, numeric.c
 * trailing_text, logical.c ocr_head_echo).
 *
 * Fixture (tests/fixtures/ocr, the extract stream of a real scan):
 *   continued-project-guangzhou.x  广州市气象局 2026 表12 部门预算项目支出
 *       及其他支出预算表, pp. 22-24 of its 200 dpi scan: a column of
 *       notes (绩效目标) right of the amounts; on p. 23 some "0.00" boxes
 *       run past their cell onto the notes; pp. 23-24 print the header
 *       again, read with a speck (去) and a stray 7.
 *   continued-unit-hangzhou.x  杭州市交通运输局 2026 表2 市级部门收入预算
 *       总表, pp. 3-4 of its 200 dpi scan: p. 4 begins with a unit's name
 *       wrapped over three lines, 杭州市交通 / 运输发展保障 / 中心, whose
 *       first line holds only characters of the department's line
 *       (部门名称：杭州市交通运输局) above the head. */
#include "fixture.h"

#include "../../normalize/nctx.h"

/* the row whose total is v (first), -1 if none */
static int row_of_total(const gk_table *t, const char *v)
{
	for (int i = 0; i < t->nrow; i++)
		if (!strcmp(gk_table_get(t, i, "total"), v))
			return i;
	return -1;
}

Test(ocr_continued, three_pages_one_table_notes_apart)
{
	gk_result *r = normalize_file("tests/fixtures/ocr/continued-project-guangzhou.x", "gz");
	const gk_table *t = fixture_table(r, "project_expenditure");
	/* every row of the three pages, as the text layer reads them */
	cr_assert_eq(t->nrow, 28);
	int i = row_of_total(t, "94.00");
	cr_assert(i >= 0);
	cr_assert_str_eq(gk_table_get(t, i, "project_name"), "其他运行经费");
	/* the note in a column of its own, not in the name */
	int nc = -1;
	for (int c = 0; c < t->cols.n; c++)
		if (!strncmp(t->cols.v[c], "x_", 2) && strstr(t->rows[i][c], "对日常业务"))
			nc = c;
	cr_assert(nc >= 0, "the note of 其他运行经费 is in no x_ column");
	/* the first project of p. 23, under the header printed again */
	i = row_of_total(t, "102.33");
	cr_assert(i >= 0);
	cr_assert_str_eq(gk_table_get(t, i, "project_name"), "广州市气象台2026年信息化运维项目");
	/* and the last of p. 22, before it */
	i = row_of_total(t, "8.67");
	cr_assert(i >= 0);
	cr_assert_str_eq(gk_table_get(t, i, "project_name"), "广州市气象台2025年信息化运维项目");
	gk_result_drop(r);
}

/* a box that runs past its figure does not move the amounts' edge on a
 * page read by OCR; on the text path the rightmost edge is the edge */
Test(ocr_continued, amounts_edge_trims_wide_boxes)
{
	double x0[] = {528.48, 528.48, 528.48, 528.48, 528.48, 192.38, 262.08};
	double x1[] = {547.49, 547.49, 547.77, 555.26, 550.94, 230.11, 292.03};
	const char *s[] = {"0.00", "0.00", "0.00", "0.00", "0.00", "1505.38", "797.94"};
	double u[7];
	for (int k = 0; k < 7; k++)
		u[k] = amount_units(s[k]);
	cr_assert_float_eq(u[0], 3.5, 1e-9);
	double e = amounts_right_edge(x0, x1, u, 7, 1);
	cr_assert(e > 547.4 && e < 549.5, "edge %g", e);
	cr_assert_float_eq(amounts_right_edge(x0, x1, u, 7, 0), 555.26, 1e-9);
	cr_assert_float_eq(amounts_right_edge(x0, x1, u, 0, 1), -1, 1e-9);
}

/* the department's line is no part of the head a continued page prints
 * again: a unit's name made of its characters stays the unit's */
Test(ocr_continued, unit_name_is_no_head_echo)
{
	gk_result *r = normalize_file("tests/fixtures/ocr/continued-unit-hangzhou.x", "hz");
	const gk_table *t = fixture_table(r, "revenue_by_unit");
	int i = row_of_total(t, "18286.81");
	cr_assert(i >= 0);
	cr_assert_str_eq(gk_table_get(t, i, "unit_name"), "杭州市交通运输发展保障中心");
	gk_result_drop(r);
}
