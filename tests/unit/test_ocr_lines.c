/* test_ocr_lines.c - a line's cells mended before the tables are read, on
 * pages read by OCR (normalize/document.c: ocr_join_ordinal).
 *
 * Fixture (tests/fixtures/ocr, the extract stream of a real scan):
 *   ordinal-apart-xian.x  西安市政务服务和数据管理局 2026 表4 部门综合预算
 *       财政拨款收支总表, p. 24 of its 200 dpi scan: ordinals read as cells
 *       of their own, a gap before their label (`8、` `社会保障和就业支出`,
 *       `(2)` `商品和服务支出`, `一` `财政拨款` its 、 lost).
 *   three-not-ordinal-guangzhou.x  广州市科学技术局 2026 表8 行政经费及
 *       “三公”经费预算表, p. 19 of its 200 dpi scan: `三` `公”经费`, the
 *       opening quote lost, on a page that numbers its lines (一) (二).
 *   figure-pieces-xian.x, figure-headless-xian.x: see their tests.
 *   figure-bare-point-xian.x  西安市财政局 2026 表8 一般公共预算基本支出
 *       明细表（按支出经济分类科目）, pp. 35-36 of its 200 dpi scan:
 *       `60,000.` under 公用经费, its decimals lost, beside 60000.00.
 *   point-lost-xian.x  西安市司法局 2026 表5 一般公共预算支出明细表（按
 *       支出功能分类科目）, p. 34 of its 200 dpi scan: project figures read
 *       `589700` `00` and `581300` `00`, their points lost between them.
 *   figure-zero-head-xian.x  西安市司法局 2026 表8 一般公共预算基本支出
 *       明细表（按支出经济分类科目）, pp. 40-41 of its 200 dpi scan: both
 *       figures of 30225 (10, 000. 00) read `000.00`, their heads lost.
 *   yi-sliver-fuzhou.x  福州市生态环境局 2026 p. 9 of its 200 dpi scan: the
 *       function row 2110102 一般行政管理事务 read `一` (a sliver, half a
 *       point wide) `般行政管理事务`, on a page that numbers lines 一、.
 *   ordinal-paren-suzhou.x  苏州市科学技术局 2026 财政拨款收支总表, p. 16
 *       of its 200 dpi scan: `九)社会保险基金支出`, its bracket lost, on a
 *       line of no figure under （八)社会保障和就业支出.
 *   unit-cut-xian.x  西安市司法局 2026 表2 收入总表 (p. 31: its head reads
 *       `单位名称` `其中:专项资` as cells apart) and 表10 专项业务经费支出表
 *       (pp. 43-45), whose unit 154004 西安市强制隔离戒毒所 is read in two
 *       cells, `西安市强制隔离` `戒毒所` (normalize/keys.c keys_project). */
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

/* the row of a unit code, -1 if none */
static int unit_row(const gk_table *t, const char *code)
{
	for (int i = 0; i < t->nrow; i++)
		if (!strcmp(gk_table_get(t, i, "unit_code"), code))
			return i;
	return -1;
}

/* 西安市司法局 2026 表2 收入总表 and 表3 支出总表, pp. 31-32 of its 200 dpi
 * scan (tests/fixtures/ocr/figure-pieces-xian.x): figures printed
 * `47, 677, 079. 02` read in pieces, `47677` `，079.02` (a comma lost) and
 * `,677,079 .` (the head lost), beside the same figure read whole in the
 * 一般公共预算 column.  The pieces are that figure; read alone they made
 * 47677 a figure and `,677,079 .` a part of the unit's name. */
Test(ocr_lines, figure_pieces_are_the_figure_beside)
{
	gk_result *r = normalize_file("tests/fixtures/ocr/figure-pieces-xian.x", "xa");
	const gk_table *t = fixture_table(r, "revenue_by_unit");
	int i = unit_row(t, "154001");
	cr_assert(i >= 0);
	cr_assert_str_eq(gk_table_get(t, i, "unit_name"), "西安市司法局");
	cr_assert_str_eq(gk_table_get(t, i, "total"), "4767.707902");
	cr_assert_str_eq(gk_table_get(t, i, "general_budget"), "4767.707902");
	t = fixture_table(r, "expenditure_by_function");
	i = unit_row(t, "154005");
	cr_assert(i >= 0);
	cr_assert_str_eq(gk_table_get(t, i, "name"), "西安市行政争议预防调处中心");
	cr_assert_str_eq(gk_table_get(t, i, "total"), "396.871338");
	i = unit_row(t, "154"); /* `,507,899` `.7` beside 136507899.71 */
	cr_assert(i >= 0);
	cr_assert_str_eq(gk_table_get(t, i, "total"), "13650.789971");
	gk_result_drop(r);
}

/* 西安市财政局 2026 表2 收入总表, p. 26 of its 200 dpi scan
 * (tests/fixtures/ocr/figure-headless-xian.x): both figures of a row read
 * without their head (`,912` `，305.13`, `,912,305` `.13` for 4,912,305.13):
 * no figure is read from them (not .13, not 912), and the unit's name
 * stays its own. */
Test(ocr_lines, headless_pieces_are_no_figure)
{
	gk_result *r = normalize_file("tests/fixtures/ocr/figure-headless-xian.x", "xa");
	const gk_table *t = fixture_table(r, "revenue_by_unit");
	int i = unit_row(t, "116004");
	cr_assert(i >= 0);
	cr_assert_str_eq(gk_table_get(t, i, "unit_name"), "西安市罚没公物管理中心");
	for (int c = 0; c < t->cols.n; c++)
		if (strcmp(t->cols.v[c], "unit_code") && strcmp(t->cols.v[c], "unit_name"))
			cr_assert_str_eq(t->rows[i][c], "", "%s: %s", t->cols.v[c], t->rows[i][c]);
	i = unit_row(t, "116003"); /* a figure read whole stays */
	cr_assert_str_eq(gk_table_get(t, i, "total"), "3344.351404");
	gk_result_drop(r);
}

/* 三 of “三公”经费 read apart (its quote lost) is no ordinal: the page
 * numbers no label 一、 二、 */
Test(ocr_lines, three_of_sangong_is_no_ordinal)
{
	gk_result *r = normalize_file("tests/fixtures/ocr/three-not-ordinal-guangzhou.x", "gz");
	const gk_table *t = fixture_table(r, "three_public_expenses");
	cr_assert_eq(t->nrow, 1);
	cr_assert_str_eq(gk_table_get(t, 0, "total"), "149.77");
	for (int c = 0; c < t->cols.n; c++)
		cr_assert_null(strstr(t->cols.v[c], "三、"), "%s", t->cols.v[c]);
	gk_result_drop(r);
}

/* a unit's name OCR read in two cells is the unit's whole, and the
 * department is no head cell read beside 单位名称 */
Test(ocr_lines, unit_name_in_two_cells)
{
	gk_result *r = normalize_file("tests/fixtures/ocr/unit-cut-xian.x", "xa");
	const gk_table *t = fixture_table(r, "project_expenditure");
	int i = unit_row(t, "154004");
	cr_assert(i >= 0);
	cr_assert_str_eq(gk_table_get(t, i, "unit_name"), "西安市强制隔离戒毒所");
	cr_assert_str_eq(gk_table_get(t, i, "project_name"), "");
	cr_assert_str_eq(gk_table_get(t, i, "total"), "219.46");
	cr_assert(i + 1 < t->nrow);
	cr_assert_str_eq(gk_table_get(t, i + 1, "project_name"), "通用项目");
	cr_assert_str_eq(gk_table_get(t, i + 1, "unit_name"), "西安市强制隔离戒毒所");
	gk_result_drop(r);
}

/* the row of an economic code and its government code */
static int econ_row(const gk_table *t, const char *econ, const char *gov)
{
	for (int i = 0; i < t->nrow; i++)
		if (!strcmp(gk_table_get(t, i, "econ_code"), econ) && !strcmp(gk_table_get(t, i, "gov_econ_code"), gov))
			return i;
	return -1;
}

/* `60,000.`, a figure grouped as printed whose decimals OCR lost, is the
 * 60000.00 its row prints; read alone it was a part of the label */
Test(ocr_lines, figure_without_decimals_is_the_figure_beside)
{
	gk_result *r = normalize_file("tests/fixtures/ocr/figure-bare-point-xian.x", "xa");
	const gk_table *t = fixture_table(r, "general_budget_basic_expenditure");
	int i = econ_row(t, "30209", "50201");
	cr_assert(i >= 0);
	cr_assert_str_eq(gk_table_get(t, i, "gov_econ_name"), "办公经费");
	cr_assert_str_eq(gk_table_get(t, i, "total"), "6.00");
	cr_assert_str_eq(gk_table_get(t, i, "public"), "6.00");
	gk_result_drop(r);
}

/* the row of a function code */
static int func_row(const gk_table *t, const char *code)
{
	for (int i = 0; i < t->nrow; i++)
		if (!strcmp(gk_table_get(t, i, "func_code"), code))
			return i;
	return -1;
}

/* `589700` `00` beside the row's total 589700.00, `581300` `00` where
 * 665300.00 = 84000.00 + 581300.00: figures with their point, under
 * 专项业务经费 (read apart, 589700 made 人员经费 and 00 a 0) */
Test(ocr_lines, point_lost_between_two_words)
{
	gk_result *r = normalize_file("tests/fixtures/ocr/point-lost-xian.x", "xa");
	const gk_table *t = fixture_table(r, "general_budget_expenditure");
	int i = func_row(t, "2040604");
	cr_assert(i >= 0);
	cr_assert_str_eq(gk_table_get(t, i, "total"), "58.97");
	cr_assert_str_eq(gk_table_get(t, i, "project_total"), "58.97");
	cr_assert_str_eq(gk_table_get(t, i, "basic_personnel"), "");
	i = func_row(t, "2050803");
	cr_assert(i >= 0);
	cr_assert_str_eq(gk_table_get(t, i, "project_total"), "58.13");
	cr_assert_str_eq(gk_table_get(t, i, "basic_public"), "8.40");
	gk_result_drop(r);
}

/* `000.00` is no 0.00: a figure read from its thousands on, its head
 * lost, with nothing on its row to take it from */
Test(ocr_lines, figure_from_its_thousands_is_no_zero)
{
	gk_result *r = normalize_file("tests/fixtures/ocr/figure-zero-head-xian.x", "xa");
	const gk_table *t = fixture_table(r, "general_budget_basic_expenditure");
	int i = econ_row(t, "30225", "50204");
	cr_assert(i >= 0);
	cr_assert_str_eq(gk_table_get(t, i, "total"), "");
	cr_assert_str_eq(gk_table_get(t, i, "public"), "");
	i = econ_row(t, "30201", "50201"); /* a figure read whole stays */
	cr_assert_str_eq(gk_table_get(t, i, "total"), "295.70185");
	gk_result_drop(r);
}

/* a sliver read 一 before 般… on a coded row is no ordinal */
Test(ocr_lines, sliver_yi_is_no_ordinal)
{
	gk_result *r = normalize_file("tests/fixtures/ocr/yi-sliver-fuzhou.x", "fz");
	const gk_table *t = fixture_table(r, "expenditure_by_function");
	int i = func_row(t, "2110102");
	cr_assert(i >= 0);
	cr_assert_str_eq(gk_table_get(t, i, "name"), "一般行政管理事务");
	gk_result_drop(r);
}

/* `九)社会保险基金支出` is an item of its own, not the wrap of the label
 * above it */
Test(ocr_lines, ordinal_lost_its_bracket)
{
	gk_result *r = normalize_file("tests/fixtures/ocr/ordinal-paren-suzhou.x", "sz");
	const gk_table *t = fixture_table(r, "fiscal_appropriation_summary");
	int found = 0;
	for (int i = 0; i < t->nrow; i++) {
		const char *item = gk_table_get(t, i, "item");
		cr_assert(!(strstr(item, "社会保障和就业支出") && strstr(item, "社会保险基金")), "%s", item);
		if (strstr(item, "社会保障和就业支出")) {
			cr_assert_str_eq(gk_table_get(t, i, "total"), "247.46");
			found = 1;
		}
	}
	cr_assert(found);
	gk_result_drop(r);
}
