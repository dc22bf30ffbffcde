/* test_ocr_head.c - an OCR'd table's header (normalize/ocrhead.c): two
 * column words glued into one cell cut apart at the gap its box keeps,
 * marks read off the rules dropped, misread words near one column's
 * usual words given that column.  The fixtures are the first lines of
 * real scanned pages (heldout200 at 200 dpi) as gongkai-extract read
 * them. */
#include <stdlib.h>

#include "../../normalize/nctx.h"
#include "fixture.h"

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	cr_assert_not_null(f, "%s", path);
	gk_buf b = {0};
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		gk_buf_add(&b, chunk, n);
	fclose(f);
	return gk_buf_take(&b);
}

/* 广州气象 p.7 (收入总体情况表): OCR read "其他专户事业收" (其他专户 over
 * 收入拨款, 事业收 over 入: two columns), "其他收一，" and "位上缴一，"
 * (marks of the rules after 其他收, 位上缴) and "上级补输属站" (上级补 and
 * a misread 附属单 glued).  The figures go to the 事业收入, 事业单位经营收入,
 * 附属单位上缴收入, 其他收入 and 上年结转结余 columns, the two parts of
 * 财政专户拨款收入 kept as x_. */
Test(ocr_head, glued_words_cut_at_their_gap)
{
	gk_result *r = normalize_file("tests/fixtures/ocr/glued-head-guangzhou.x", "gz");
	const gk_table *t = fixture_table(r, "revenue_by_unit");
	cr_assert_eq(t->nrow, 4);
	cr_assert_str_eq(gk_table_get(t, 3, "unit_name"), "广州市气象台");
	cr_assert_str_eq(gk_table_get(t, 3, "general_budget"), "1519.20");
	cr_assert_str_eq(gk_table_get(t, 1, "unit_name"), "广州市气象局");
	cr_assert_str_eq(gk_table_get(t, 1, "total"), "2602.16");
	cr_assert_str_eq(gk_table_get(t, 1, "general_budget"), "2602.16");
	static const char *const zero[] = {"government_fund", "state_capital", "business_income", "operating_income",
	                                   "affiliated_remit", "other_income", "carryover_total",
	                                   "x_财政专户拨款收入教育收费", "x_财政专户拨款收入其他专户收入拨款",
	                                   "x_上级补输属站助收入"};
	for (size_t k = 0; k < sizeof zero / sizeof *zero; k++)
		cr_assert_str_eq(gk_table_get(t, 1, zero[k]), "0.00", "%s", zero[k]);
	cr_assert_str_eq(gk_table_get(t, 1, "special_account"), "");
	/* 上级补输属站 is wider than its characters by less than one: not
	 * cut (a group header's box is as loose), its column stays x_ */
	cr_assert_str_eq(gk_table_get(t, 1, "superior_subsidy"), "");
	cr_assert_eq(t->cols.n, 25, "%d columns", t->cols.n); /* the contract's 22 and three x_ */
	gk_result_drop(r);
}

/* The same lines from a text layer (no ocr_pages): nothing is cut, the
 * glued words stay one column's (x_). */
Test(ocr_head, text_layer_untouched)
{
	char *s = slurp("tests/fixtures/ocr/glued-head-guangzhou.x");
	char *at = strstr(s, "M\tocr_pages\t1\n");
	cr_assert_not_null(at);
	memmove(at + 12, at + 13, strlen(at + 13) + 1);
	gk_result *r = normalize_stream(s, "gz");
	const gk_table *t = fixture_table(r, "revenue_by_unit");
	cr_assert_str_eq(gk_table_get(t, 1, "other_income"), "");
	cr_assert_str_eq(gk_table_get(t, 1, "affiliated_remit"), "");
	cr_assert_gt(t->cols.n, 24);
	gk_result_drop(r);
	free(s);
}

/* 泉州公安 p.11 (2026年度收入预算总表): OCR dropped characters of four
 * leaf words (上级收入, 单位上缴收入, 其收入, 上年结余); each is one edit in
 * three or nearer to one column's usual words and takes it.  一算拨款收入
 * (一般公共预算拨款收入 lost four) is too far: kept as x_, and the table's
 * arithmetic places it (general_budget: every row breaks without it), its
 * eleven columns of figures all mapped (ocrcols.c). */
Test(ocr_head, misread_words_near_their_column)
{
	gk_result *r = normalize_file("tests/fixtures/ocr/misread-head-quanzhou.x", "qz");
	const gk_table *t = fixture_table(r, "revenue_by_unit");
	cr_assert_str_eq(gk_table_get(t, 0, "unit_name"), "合计");
	cr_assert_str_eq(gk_table_get(t, 0, "total"), "81206.56");
	cr_assert_str_eq(gk_table_get(t, 0, "other_income"), "4547.20");
	cr_assert_str_eq(gk_table_get(t, 0, "carryover_total"), "7600.00");
	cr_assert_str_eq(gk_table_get(t, 0, "superior_subsidy"), "0.00");
	cr_assert_str_eq(gk_table_get(t, 0, "affiliated_remit"), "0.00");
	cr_assert_str_eq(gk_table_get(t, 0, "general_budget"), "69059.36");
	cr_assert_eq(gk_table_col(t, "x_一算拨款收入"), -1);
	cr_assert_str_eq(gk_table_get(t, 1, "other_income"), "3800.00");
	cr_assert_str_eq(gk_table_get(t, 1, "general_budget"), "46941.63");
	gk_result_drop(r);
}

/* The nearness itself: a group's words over the column are left out
 * (财政拨款收入 小计 is no misread 财政专户拨款收入), ties are none. */
Test(ocr_head, near_words)
{
	char *err = NULL;
	gk_rules *rules = gk_rules_load("rules", &err);
	cr_assert_not_null(rules, "%s", err ? err : "");
	cr_assert_str_eq(ocr_column_near(rules, "revunit", "输属站位上缴收入"), "affiliated_remit");
	cr_assert_str_eq(ocr_column_near(rules, "revunit", "其他资金收入其他收"), "other_income");
	cr_assert_str_eq(ocr_column_near(rules, "revunit", "上年结余"), "carryover_total");
	cr_assert_null(ocr_column_near(rules, "revunit", "财政拨款收入小计"));
	cr_assert_null(ocr_column_near(rules, "revunit", "收入预算财政拨款收入"));
	cr_assert_null(ocr_column_near(rules, "revunit", "财政拨款收入算收入"));
	cr_assert_null(ocr_column_near(rules, "revunit", "一算拨款收入"));
	cr_assert_null(ocr_column_near(rules, "three", "输属站位上缴收入")); /* no canon words for the family */
	/* 烟台统计's 经济分类表: 一般公共预算 and 政府性基金 heads strung into one,
	 * the 算 of the first read after the second */
	cr_assert_str_eq(ocr_column_near(rules, "econ", "财政拨款381iTRr庆性其.一般公共预政府各六人金算"), "general_budget");
	cr_assert_null(ocr_column_near(rules, "econ", "财政拨款小计"));
	cr_assert_str_eq(ocr_column_near(rules, "revunit", "本年收入业收入事业收"), "business_income");
	cr_assert_null(ocr_column_near(rules, "revunit", "本年收入单位资金入"));
	gk_rules_drop(rules);
}

/* 上海普陀福利院 p.8 (收入预算总表, in 元: no decimals): OCR glued the
 * leaves 财政拨款收入 and 事业收入 of two columns into one cell.  Cut at
 * the gap its box keeps, the 事业收入 figures are business_income, the
 * 财政拨款收入 ones x_ (the table's contract names no such column). */
Test(ocr_head, glued_leaves_of_a_yuan_table)
{
	gk_result *r = normalize_file("tests/fixtures/ocr/glued-leaf-putuo.x", "pt");
	const gk_table *t = fixture_table(r, "revenue_by_unit");
	cr_assert_str_eq(gk_table_get(t, 0, "func_code"), "208");
	cr_assert_str_eq(gk_table_get(t, 0, "total"), "1128.1624");
	cr_assert_str_eq(gk_table_get(t, 0, "business_income"), "262");
	cr_assert_str_eq(gk_table_get(t, 0, "x_收入预算财政拨款收入"), "866.1624");
	cr_assert_str_eq(gk_table_get(t, 1, "func_code"), "20805");
	cr_assert_str_eq(gk_table_get(t, 1, "business_income"), "");
	cr_assert_str_eq(gk_table_get(t, 1, "x_收入预算财政拨款收入"), "169.6828");
	gk_result_drop(r);
}

/* 杭州气象 表3 p.17: a stray "4" OCR read off the header's ink starts a
 * header line ("4 、 事业单位 上缴上"): no code, the head goes on.  Under
 * 基本支出, 日常公用支出 was read "人" (confidence 0): that column is a part
 * of the group, kept as x_, not basic_total; 人员支出 is basic_personnel. */
Test(ocr_head, misread_part_of_a_group)
{
	gk_result *r = normalize_file("tests/fixtures/ocr/group-part-hangzhou.x", "hz");
	const gk_table *t = fixture_table(r, "expenditure_by_function");
	cr_assert_str_eq(gk_table_get(t, 0, "name"), "合计");
	cr_assert_str_eq(gk_table_get(t, 0, "total"), "5876.67");
	cr_assert_str_eq(gk_table_get(t, 0, "basic_personnel"), "2906.80");
	cr_assert_str_eq(gk_table_get(t, 0, "project_total"), "2131.61");
	cr_assert_str_eq(gk_table_get(t, 0, "basic_total"), "");
	cr_assert_str_eq(gk_table_get(t, 0, "x_基本支出人"), "838.27");
	cr_assert_str_eq(gk_table_get(t, 1, "name"), "科学技术支出");
	cr_assert_str_eq(gk_table_get(t, 1, "project_total"), "28.00");
	gk_result_drop(r);
}

/* 深圳信访 p.17 (收入总表): a "3" OCR read off the header's ink begins
 * the line "3 业 收入 乡 入 入"; taken for a code it ended the head, and
 * the header lines below went into the unit's name.  The head goes on;
 * 事业收 under 本年收入 (its 入 read apart) is business_income, and the
 * columns whose words OCR lost stay x_. */
Test(ocr_head, stray_digit_does_not_end_the_head)
{
	gk_result *r = normalize_file("tests/fixtures/ocr/stray-digit-shenzhen.x", "sz");
	const gk_table *t = fixture_table(r, "revenue_by_unit");
	cr_assert_eq(t->nrow, 1);
	cr_assert_str_eq(gk_table_get(t, 0, "unit_code"), "");
	cr_assert_str_eq(gk_table_get(t, 0, "unit_name"), "深圳市信访局");
	cr_assert_str_eq(gk_table_get(t, 0, "total"), "4684.30");
	cr_assert_str_eq(gk_table_get(t, 0, "general_budget"), "4676.96");
	cr_assert_str_eq(gk_table_get(t, 0, "business_income"), "0.00");
	cr_assert_str_eq(gk_table_get(t, 0, "x_处二"), "7.34");
	gk_result_drop(r);
}

/* samples/pdf/dengfeng-2024.pdf p.11 scanned at 200 dpi (tests/ocr):
 * 项目支出 小计 beside 其他运转类 and 特定目标类 is the group's total, not a
 * part of it, though OCR stretched 项目支出 over the 公用经费 columns. */
Test(ocr_head, subtotal_under_group_is_its_total)
{
	gk_result *r = normalize_file("tests/fixtures/ocr/subtotal-under-group-dengfeng.x", "df");
	const gk_table *t = fixture_table(r, "general_budget_expenditure");
	cr_assert_str_eq(gk_table_get(t, 0, "name"), "合计");
	cr_assert_str_eq(gk_table_get(t, 0, "project_total"), "893.6");
	cr_assert_str_eq(gk_table_get(t, 0, "project_specific"), "893.6");
	cr_assert_str_eq(gk_table_get(t, 0, "basic_total"), "372.0");
	cr_assert_eq(t->cols.n, 18, "%d columns", t->cols.n); /* no x_ */
	gk_result_drop(r);
}

/* 无锡信访 p.20: the group header 本年一般公共预算基本支出 over 人员经费 and
 * 公用经费, its box 0.9 of a character wider than its twelve: a group
 * header, not two words glued (cut, 合计 went to x_). */
Test(ocr_head, loose_group_box_not_cut)
{
	gk_result *r = normalize_file("tests/fixtures/ocr/group-not-glued-wuxi.x", "wx");
	const gk_table *t = fixture_table(r, "general_budget_basic_expenditure");
	cr_assert_str_eq(gk_table_get(t, 0, "total"), "1692.29");
	cr_assert_str_eq(gk_table_get(t, 0, "personnel"), "1593.76");
	cr_assert_str_eq(gk_table_get(t, 0, "public"), "98.53");
	cr_assert_eq(t->cols.n, 7, "%d columns", t->cols.n);
	gk_result_drop(r);
}

/* 新乡 p.12 (一般公共预算支出预算表, an Excel printout at 200 dpi): the
 * wrapped words 对个人和家庭的补助 and 商品和服务支出 printed over one
 * another read as one garbled stack over both columns; 项目支出 sits over
 * the empty 资本性支出 column, one Excel row above 小计 and 其他运转类.
 * The figures the header reading can key stay right.  (Widening the gap
 * under an OCR'd group word by the ascent a text layer adds placed the
 * rest here, but misplaced 杭州's degraded scan and unkeyed a held-out
 * table.)  The two garbled columns are set aside under x_ names of their
 * own (one name for both lost 对个人和家庭的补助's figures under
 * 商品和服务支出's), and the table's arithmetic places them and moves
 * 项目支出's 398.41 off 资本性支出. */
Test(ocr_head, overprinted_words_placed_by_arithmetic)
{
	gk_result *r = normalize_file("tests/fixtures/ocr/overprint-head-xinxiang.x", "xx");
	const gk_table *t = fixture_table(r, "general_budget_expenditure");
	int unit = -1;
	for (int i = 0; i < t->nrow && unit < 0; i++)
		if (!strcmp(gk_table_get(t, i, "unit_code"), "118"))
			unit = i;
	cr_assert_geq(unit, 0);
	cr_assert_str_eq(gk_table_get(t, unit, "total"), "1352.27");
	cr_assert_str_eq(gk_table_get(t, unit, "basic_total"), "953.86");
	cr_assert_str_eq(gk_table_get(t, unit, "basic_wages"), "855.15");
	cr_assert_str_eq(gk_table_get(t, unit, "project_total"), "398.41");
	cr_assert_str_eq(gk_table_get(t, unit, "basic_family_subsidy"), "29.72");
	cr_assert_str_eq(gk_table_get(t, unit, "basic_goods_services"), "68.99");
	cr_assert_str_eq(gk_table_get(t, unit, "project_operating"), "398.41");
	cr_assert_str_eq(gk_table_get(t, unit, "basic_capital"), "");
	for (int i = 0; i < t->nrow; i++)
		if (!strcmp(gk_table_get(t, i, "func_code"), "2080501")) {
			cr_assert_str_eq(gk_table_get(t, i, "basic_family_subsidy"), "25.26");
			cr_assert_str_eq(gk_table_get(t, i, "basic_goods_services"), "0.45");
		}
	for (int j = 0; j < t->cols.n; j++)
		cr_assert(strncmp(t->cols.v[j], "x_", 2), "%s left", t->cols.v[j]);
	gk_result_drop(r);
}

/* The same page: under the last row's wrapped label a speck 2.6 pt tall
 * read `7` (confidence 25) made a second 合计 row of 7; the page's rows
 * are 12 pt tall.  The same `7` as tall as a row is kept (and read as
 * the row it looks like). */
Test(ocr_head, speck_read_as_a_digit_is_no_row)
{
	gk_result *r = normalize_file("tests/fixtures/ocr/overprint-head-xinxiang.x", "xx");
	const gk_table *t = fixture_table(r, "general_budget_expenditure");
	for (int i = 0; i < t->nrow; i++)
		cr_assert_str_neq(gk_table_get(t, i, "total"), "7");
	gk_result_drop(r);
	char *s = slurp("tests/fixtures/ocr/overprint-head-xinxiang.x");
	char *at = strstr(s, "315.07\t317.66\t2.59");
	cr_assert_not_null(at);
	memcpy(at, "325.07\t337.66\t12.5", 18); /* as tall as a row, below the last */
	r = normalize_stream(s, "xx");
	t = fixture_table(r, "general_budget_expenditure");
	int seven = 0;
	for (int i = 0; i < t->nrow; i++)
		seven += !strcmp(gk_table_get(t, i, "total"), "7");
	cr_assert_eq(seven, 1);
	gk_result_drop(r);
	free(s);
}

/* The same lines as a text layer would give them (no ocr_pages): the
 * boxes are read as they are, the garbled stack is one column's words,
 * 对个人和家庭's figures are not placed by arithmetic. */
Test(ocr_head, overprint_text_layer_untouched)
{
	char *s = slurp("tests/fixtures/ocr/overprint-head-xinxiang.x");
	char *at = strstr(s, "M\tocr_pages\t1\n");
	cr_assert_not_null(at);
	memmove(at + 12, at + 13, strlen(at + 13) + 1);
	gk_result *r = normalize_stream(s, "xx");
	const gk_table *t = fixture_table(r, "general_budget_expenditure");
	int fam = 0;
	for (int i = 0; i < t->nrow; i++)
		fam += !strcmp(gk_table_get(t, i, "basic_family_subsidy"), "29.72");
	cr_assert_eq(fam, 0);
	gk_result_drop(r);
	free(s);
}

/* the row of fiscal summary t on side whose total is given, -1 if none
 * (the garbled labels are mended by the function tables, not here) */
static int fiscal_row(const gk_table *t, const char *side, const char *total)
{
	for (int i = 0; i < t->nrow; i++)
		if (!strcmp(gk_table_get(t, i, "side"), side) && !strcmp(gk_table_get(t, i, "total"), total))
			return i;
	return -1;
}

/* 新乡 p.10 (财政拨款收支总体情况表, the same Excel printout): 其中：财政拨款
 * under 一般公共预算 read 红咱。风下 and 国有资本经营预算 read 呈呈人全全呈,
 * so the header names total, 一般公共预算 and 政府性基金 only, and the
 * solver put 财政拨款's figures under 政府性基金 (total = 一般公共预算 +
 * 政府性基金 broken on every row).  Placed again over all the summary's
 * columns, the rows hold: the third figure is 其中：财政拨款, flagged as
 * placed by the identities. */
Test(ocr_head, fiscal_columns_the_header_lost)
{
	gk_result *r = normalize_file("tests/fixtures/ocr/fiscal-unnamed-xinxiang.x", "xx");
	const gk_table *t = fixture_table(r, "fiscal_appropriation_summary");
	int i = fiscal_row(t, "支出", "1193.81");
	cr_assert_geq(i, 0);
	cr_assert_str_eq(gk_table_get(t, i, "total"), "1193.81");
	cr_assert_str_eq(gk_table_get(t, i, "general_budget"), "1193.81");
	cr_assert_str_eq(gk_table_get(t, i, "general_budget_appropriation"), "1193.81");
	cr_assert_str_eq(gk_table_get(t, i, "government_fund"), "");
	i = fiscal_row(t, "支出", "93.21");
	cr_assert_geq(i, 0);
	cr_assert_str_eq(gk_table_get(t, i, "general_budget_appropriation"), "93.21");
	cr_assert_str_eq(gk_table_get(t, i, "government_fund"), "");
	int flagged = 0;
	for (int k = 0; k < r->ncheck; k++)
		flagged += !strcmp(r->checks[k].check, "ocr:columns") &&
		           !strcmp(r->checks[k].expected, "general_budget_appropriation") &&
		           !strcmp(r->checks[k].status, "corrected");
	cr_assert_eq(flagged, 1);
	gk_result_drop(r);
}

/* The same lines as a text layer: the header's words are what the page
 * prints, the columns are not placed again. */
Test(ocr_head, fiscal_text_layer_untouched)
{
	char *s = slurp("tests/fixtures/ocr/fiscal-unnamed-xinxiang.x");
	char *at = strstr(s, "M\tocr_pages\t1\n");
	cr_assert_not_null(at);
	memmove(at + 12, at + 13, strlen(at + 13) + 1);
	gk_result *r = normalize_stream(s, "xx");
	const gk_table *t = fixture_table(r, "fiscal_appropriation_summary");
	int i = fiscal_row(t, "支出", "1193.81");
	cr_assert_geq(i, 0);
	cr_assert_str_eq(gk_table_get(t, i, "government_fund"), "1193.81");
	cr_assert_str_eq(gk_table_get(t, i, "general_budget_appropriation"), "");
	gk_result_drop(r);
	free(s);
}

/* The same page: Tesseract read (十)卫生健康 printed over 支出 as `1`, a
 * box 42 pt wide on a 12.7 pt line, which became the row's total; and a
 * speck beside a garbled label, on a line 3.7 pt tall, as `4534` (a row
 * of its own).  Neither is an amount: the row's total is its 65.25. */
Test(ocr_head, garbled_ink_read_as_digits_is_no_amount)
{
	gk_result *r = normalize_file("tests/fixtures/ocr/fiscal-unnamed-xinxiang.x", "xx");
	const gk_table *t = fixture_table(r, "fiscal_appropriation_summary");
	int i = fiscal_row(t, "支出", "65.25");
	cr_assert_geq(i, 0);
	cr_assert_str_eq(gk_table_get(t, i, "general_budget"), "65.25");
	cr_assert_str_eq(gk_table_get(t, i, "state_capital"), "");
	cr_assert_lt(fiscal_row(t, "支出", "1"), 0);
	cr_assert_lt(fiscal_row(t, "支出", "4534"), 0);
	gk_result_drop(r);
}

/* 新乡 p.8 (部门收入预算表, tiny print): Tesseract cut the 合计 row's
 * 1,352.27 into `1352.2` and `7`, the boxes touching, and the `7` became
 * the row's unit code; the row's label is 合计 printed over the unit's
 * wrapped name (策赵市政务服, confidence 0).  The digit is the amount's
 * own, and the first row, with no code and a total equal to the one unit
 * 118's, is the 合计 row. */
Test(ocr_head, revunit_total_row_and_its_cut_digit)
{
	gk_result *r = normalize_file("tests/fixtures/ocr/revunit-total-xinxiang.x", "xx");
	const gk_table *t = fixture_table(r, "revenue_by_unit");
	cr_assert_geq(t->nrow, 3);
	cr_assert_str_eq(gk_table_get(t, 0, "unit_code"), "");
	cr_assert_str_eq(gk_table_get(t, 0, "unit_name"), "合计");
	cr_assert_str_eq(gk_table_get(t, 0, "total"), "1352.27");
	cr_assert_str_eq(gk_table_get(t, 0, "current_total"), "1352.27");
	cr_assert_str_eq(gk_table_get(t, 1, "unit_code"), "118");
	gk_result_drop(r);
}

/* The same lines as a text layer: no digit is joined, no label renamed. */
Test(ocr_head, revunit_text_layer_untouched)
{
	char *s = slurp("tests/fixtures/ocr/revunit-total-xinxiang.x");
	char *at = strstr(s, "M\tocr_pages\t1\n");
	cr_assert_not_null(at);
	memmove(at + 12, at + 13, strlen(at + 13) + 1);
	gk_result *r = normalize_stream(s, "xx");
	const gk_table *t = fixture_table(r, "revenue_by_unit");
	for (int i = 0; i < t->nrow; i++)
		cr_assert_str_neq(gk_table_get(t, i, "unit_name"), "合计");
	gk_result_drop(r);
	free(s);
}

/* 新乡 pp.13-14 (一般公共预算基本支出表): 其他社会保障缴费 printed over its
 * cell's edge and the 政府经济科目 code beside it read as one word,
 * `必址50501`, reaching from the 经济科目 name's column to the right edge
 * of the column of 5-digit codes.  The code is a cell of its own again:
 * the row is 30112 / 50501, its name mended from the code.  Two rows down
 * 职工基本医疗保险缴费 over the same edge read `550501` (confidence 46) over
 * both columns: its code is its last five digits, 50501. */
Test(ocr_head, label_glued_to_the_code_beside_it)
{
	gk_result *r = normalize_file("tests/fixtures/ocr/glued-code-xinxiang.x", "xx");
	const gk_table *t = fixture_table(r, "general_budget_basic_expenditure");
	int found = 0;
	for (int i = 0; i < t->nrow; i++)
		if (!strcmp(gk_table_get(t, i, "econ_code"), "30112") && !strcmp(gk_table_get(t, i, "total"), "1.91")) {
			found = 1;
			cr_assert_str_eq(gk_table_get(t, i, "gov_econ_code"), "50501");
			cr_assert_str_eq(gk_table_get(t, i, "gov_econ_name"), "工资福利支出");
			cr_assert_str_eq(gk_table_get(t, i, "personnel"), "1.91");
		}
	cr_assert(found);
	found = 0;
	for (int i = 0; i < t->nrow; i++)
		if (!strcmp(gk_table_get(t, i, "econ_code"), "30110") && !strcmp(gk_table_get(t, i, "total"), "19.23")) {
			found = 1;
			cr_assert_str_eq(gk_table_get(t, i, "gov_econ_code"), "50501");
		}
	cr_assert(found);
	gk_result_drop(r);
}

/* 烟台民政 p.7 (收入总体情况表) at 200 dpi: under 财政拨款收入, the tight
 * heads 一般公共预(算收入) and 政府性基金(预算收入) came out of OCR as one
 * word 一般公共预政府性基金 with less than a character between its two
 * halves.  Both columns took 政府性基金, so every 一般公共预算 figure went
 * to government_fund and every 政府性基金 one to state_capital.  Each half
 * is centred over its column as 算收入 and 预算收入 below are: the cut
 * falls after 一般公共预. */
Test(ocr_head, glued_tight_heads_cut_by_their_centres)
{
	gk_result *r = normalize_file("tests/fixtures/ocr/glued-tight-yantai.x", "yt");
	const gk_table *t = fixture_table(r, "revenue_by_unit");
	cr_assert_str_eq(gk_table_get(t, 0, "unit_name"), "合计");
	cr_assert_str_eq(gk_table_get(t, 0, "general_budget"), "3773.71");
	cr_assert_str_eq(gk_table_get(t, 0, "government_fund"), "1501.28");
	cr_assert_str_eq(gk_table_get(t, 0, "state_capital"), "");
	cr_assert_str_eq(gk_table_get(t, 1, "general_budget"), "16.00");
	cr_assert_str_eq(gk_table_get(t, 1, "government_fund"), "");
	gk_result_drop(r);
}

/* 国家信访局 2024 决算 p.4 (财政拨款收入支出决算总表) at 200 dpi: the head
 * 一般公共预算 / 财政拨款 lost its thin 一 to OCR (般公共预算).  The words
 * still name the column: 一般公共服务支出's 9846.82 is general_budget, not
 * government_fund (the next column whose words were read). */
Test(ocr_head, head_without_its_first_stroke)
{
	gk_result *r = normalize_file("tests/fixtures/ocr/lost-yi-xinfang.x", "xf");
	const gk_table *t = fixture_table(r, "fiscal_appropriation_summary");
	int found = 0;
	for (int i = 0; i < t->nrow; i++)
		if (!strcmp(gk_table_get(t, i, "item"), "一、一般公共服务支出")) {
			cr_assert_str_eq(gk_table_get(t, i, "general_budget"), "9846.82");
			cr_assert_str_eq(gk_table_get(t, i, "government_fund"), "");
			found = 1;
		}
	cr_assert(found);
	gk_result_drop(r);
}

/* 烟台住建 2026 p.9 (收入总体情况表) at 200 dpi: OCR lost the words of
 * 一般公共预算收入 (and of the 类 款 项 line); the group 财政拨款收入 over it
 * overlaps only 政府性基金 below it and was taken for a word of that
 * column, widening it over the lost one's figures: 41966.15 went to
 * government_fund, and every column right of it one column on.  Its own
 * words lost, the column is x_财政拨款收入, and the table's arithmetic
 * places it (general_budget); 政府性基金 keeps its own figures. */
Test(ocr_head, column_whose_words_were_lost)
{
	gk_result *r = normalize_file("tests/fixtures/ocr/lost-head-yantai-zjj.x", "yt");
	const gk_table *t = fixture_table(r, "revenue_by_unit");
	cr_assert_str_eq(gk_table_get(t, 0, "unit_name"), "合计");
	cr_assert_str_eq(gk_table_get(t, 0, "general_budget"), "41966.15");
	cr_assert_str_eq(gk_table_get(t, 0, "government_fund"), "3806.19");
	cr_assert_str_eq(gk_table_get(t, 0, "state_capital"), "59.95");
	cr_assert_str_eq(gk_table_get(t, 1, "general_budget"), "19804.44");
	cr_assert_str_eq(gk_table_get(t, 1, "government_fund"), "");
	gk_result_drop(r);
}

/* 烟台住建 p.11 (the same table's third page): 一般公共预政府性基金 glued
 * over 算收入 and 预算收入, and 政府性基金 prints no figure on the page, so
 * the glued cell stands over one column of figures.  It is cut by the
 * centres of the words under it all the same (政府性基金's head is off
 * the figures): 8715.59 is general_budget, not government_fund. */
Test(ocr_head, glued_heads_over_an_empty_column)
{
	gk_result *r = normalize_file("tests/fixtures/ocr/glued-empty-yantai-zjj.x", "yt");
	const gk_table *t = fixture_table(r, "revenue_by_unit");
	cr_assert_str_eq(gk_table_get(t, 0, "func_code"), "221");
	cr_assert_str_eq(gk_table_get(t, 0, "general_budget"), "8715.59");
	cr_assert_str_eq(gk_table_get(t, 0, "government_fund"), "");
	cr_assert_str_eq(gk_table_get(t, 0, "other_income"), "55.00");
	gk_result_drop(r);
}

/* 烟台住建 p.17 (一般公共预算支出情况表): the header's 项 read 而, so where
 * 款 and 项 sit is unknown; 09 教育费附加安排的支出 after 205 08 03 stands
 * where 08 stood: a 款 (20509, its 03 2050903), not a 项 of 08. */
Test(ocr_head, lone_code_where_a_kuan_stood)
{
	gk_result *r = normalize_file("tests/fixtures/ocr/kuan-by-x-yantai-zjj.x", "yt");
	const gk_table *t = fixture_table(r, "general_budget_expenditure");
	cr_assert_str_eq(gk_table_get(t, 3, "func_code"), "2050803");
	cr_assert_str_eq(gk_table_get(t, 4, "func_code"), "20509");
	cr_assert_str_eq(gk_table_get(t, 5, "func_code"), "2050903");
	cr_assert_str_eq(gk_table_get(t, 6, "func_code"), "208");
	cr_assert_str_eq(gk_table_get(t, 7, "func_code"), "20805");
	gk_result_drop(r);
}

/* The same lines from a text layer (no ocr_pages): a lone code's column
 * is not learnt from the rows above (the text path is unchanged). */
Test(ocr_head, kuan_by_x_text_layer_untouched)
{
	char *s = slurp("tests/fixtures/ocr/kuan-by-x-yantai-zjj.x");
	char *at = strstr(s, "M\tocr_pages\t1\n");
	cr_assert_not_null(at);
	memmove(at + 12, at + 13, strlen(at + 13) + 1);
	gk_result *r = normalize_stream(s, "yt");
	const gk_table *t = fixture_table(r, "general_budget_expenditure");
	cr_assert_str_eq(gk_table_get(t, 4, "func_code"), "2050809");
	gk_result_drop(r);
	free(s);
}

/* 无锡人社 2026 p.17 (收入总表) at 200 dpi: 小计 under 本年收入 read 人i,
 * kept as x_人i.  Every row holds as read (a blank 本年收入 is the sum of
 * its sources), so no map is tried; but the column prints, on every row,
 * the sum of 本年收入's parts (合计: 152585.76 + 1536.00): it is
 * current_total, an `ocr:columns` correction. */
Test(ocr_head, column_of_a_blank_wholes_sums)
{
	gk_result *r = normalize_file("tests/fixtures/ocr/subtotal-wuxi-rs.x", "wx");
	const gk_table *t = fixture_table(r, "revenue_by_unit");
	cr_assert_str_eq(gk_table_get(t, 0, "unit_name"), "合计");
	cr_assert_str_eq(gk_table_get(t, 0, "current_total"), "154121.76");
	cr_assert_str_eq(gk_table_get(t, 0, "general_budget"), "152585.76");
	cr_assert_str_eq(gk_table_get(t, 0, "other_income"), "1536.00");
	cr_assert_str_eq(gk_table_get(t, 2, "current_total"), "6810.48");
	cr_assert_eq(gk_table_col(t, "x_人i"), -1);
	int moved = 0;
	for (int i = 0; i < r->ncheck; i++)
		moved += !strcmp(r->checks[i].check, "ocr:columns") && !strcmp(r->checks[i].status, "corrected");
	cr_assert_eq(moved, 1);
	gk_result_drop(r);
}

/* 泉州公安 2026 p.2 (收入预算总表), its cover not among the pages (no
 * department): two units' names read 果州市公安局…, unsurely, where the
 * other units' names start 泉州市公安局.  Their head is that one: the
 * rows keep their keys (an `ocr:label` correction each). */
Test(ocr_head, unit_name_head_misread)
{
	gk_result *r = normalize_file("tests/fixtures/ocr/unit-head-quanzhou.x", "qz");
	const gk_table *t = fixture_table(r, "revenue_by_unit");
	cr_assert_str_eq(gk_table_get(t, 3, "unit_name"), "泉州市公安局天湖山分局");
	cr_assert_str_eq(gk_table_get(t, 3, "total"), "533.30");
	cr_assert_str_eq(gk_table_get(t, 6, "unit_name"), "泉州市公安局经济技术开发区分局");
	cr_assert_str_eq(gk_table_get(t, 2, "unit_name"), "泉州市公安局台商投资区分局");
	cr_assert_str_eq(gk_table_get(t, 8, "unit_name"), "泉州市看守所");
	int fixed = 0;
	for (int i = 0; i < r->ncheck; i++)
		fixed += !strcmp(r->checks[i].check, "ocr:label") && !strcmp(r->checks[i].row, "unit_name");
	cr_assert_eq(fixed, 2);
	gk_result_drop(r);
}

/* 广州科技 2026 p.6 (财政拨款收支总体情况表) at 200 dpi: the ordinals
 * 十一、 to 十四、 read 上, 上二、, 上三、, 上四、: the labels are the classes'
 * names after them (rows keyed by label), an ordinal read whole (一、)
 * stays the page's own. */
Test(ocr_head, summary_label_after_a_misread_ordinal)
{
	gk_result *r = normalize_file("tests/fixtures/ocr/ordinal-guangzhou-kj.x", "gz");
	const gk_table *t = fixture_table(r, "fiscal_appropriation_summary");
	int ic = gk_table_col(t, "item"), seen = 0;
	for (int i = 0; i < t->nrow; i++) {
		const char *s = t->rows[i][ic];
		cr_assert(!strstr(s, "上"), "%s", s);
		seen += !strcmp(s, "节能环保支出") + !strcmp(s, "农林水支出") + !strcmp(s, "交通运输支出") +
		        !strcmp(s, "资源勘探工业信息等支出") + !strcmp(s, "一、一般公共服务支出");
	}
	cr_assert_eq(seen, 5);
	gk_result_drop(r);
}

/* 湖州退役军人 p.21 (表03 支出预算总表, the second page of the table) at
 * 200 dpi: the group word 基本支出 is read as a column of its own between
 * 人员支出 and 公用经费, and the figures of the 人员支出 column overlap it
 * more than their leaf; the ** markers of the 栏次 line were read 水, so
 * its numbers 1 … 7 were not taken and 基本支出 became the leaf.  Every
 * 人员支出 figure went to basic_total (total = basic_total holds as well:
 * no check failed).  The numbers under the head say which column. */
Test(ocr_head, column_numbers_beside_misread_markers)
{
	gk_result *r = normalize_file("tests/fixtures/ocr/misread-markers-huzhou.x", "hz");
	const gk_table *t = fixture_table(r, "expenditure_by_function");
	cr_assert_eq(t->nrow, 8);
	cr_assert_str_eq(gk_table_get(t, 0, "func_code"), "210");
	cr_assert_str_eq(gk_table_get(t, 0, "total"), "71.42");
	cr_assert_str_eq(gk_table_get(t, 0, "basic_personnel"), "71.42");
	cr_assert_str_eq(gk_table_get(t, 0, "basic_total"), "");
	cr_assert_str_eq(gk_table_get(t, 7, "func_code"), "2210201");
	cr_assert_str_eq(gk_table_get(t, 7, "basic_personnel"), "145.08");
	cr_assert_str_eq(gk_table_get(t, 7, "basic_total"), "");
	gk_result_drop(r);
}

/* The same lines from a text layer (no ocr_pages): a column-number line
 * with words in it is not one; the head is read as before. */
Test(ocr_head, column_numbers_text_layer_untouched)
{
	char *s = slurp("tests/fixtures/ocr/misread-markers-huzhou.x");
	char *at = strstr(s, "M\tocr_pages\t1\n");
	cr_assert_not_null(at);
	memmove(at + 12, at + 13, strlen(at + 13) + 1);
	gk_result *r = normalize_stream(s, "hz");
	const gk_table *t = fixture_table(r, "expenditure_by_function");
	cr_assert_str_eq(gk_table_get(t, 0, "basic_total"), "71.42");
	cr_assert_str_eq(gk_table_get(t, 0, "basic_personnel"), "");
	gk_result_drop(r);
	free(s);
}

/* 杭州气象 p.17 (表3 支出预算总表) scanned at 200 dpi and degraded: OCR
 * read one 项目支出 figure (2103.61) in pieces, 203 and 61, and the 203
 * made a figure column of its own under 项目支出.  Five columns for the
 * table's five keys left the solver no choice but one each: the 人员支出
 * figures went to basic_total and the 公用经费 ones to project_total.
 * The piece column (its one figure beside one of the other 项目支出
 * column) is set aside as x_project_total_piece. */
Test(ocr_head, piece_of_a_figure_is_no_column)
{
	gk_result *r = normalize_file("tests/fixtures/ocr/piece-column-hangzhou.x", "hz");
	const gk_table *t = fixture_table(r, "expenditure_by_function");
	int n = 0;
	for (int i = 0; i < t->nrow; i++) {
		if (strcmp(gk_table_get(t, i, "name"), "行政运行"))
			continue;
		cr_assert_str_eq(gk_table_get(t, i, "total"), "2617.19");
		cr_assert_str_eq(gk_table_get(t, i, "basic_personnel"), "1907.01");
		cr_assert_str_eq(gk_table_get(t, i, "basic_public"), "710.18");
		cr_assert_str_eq(gk_table_get(t, i, "basic_total"), "");
		cr_assert_str_eq(gk_table_get(t, i, "project_total"), "");
		n++;
	}
	cr_assert_eq(n, 1);
	cr_assert_geq(gk_table_col(t, "x_project_total_piece"), 0);
	gk_result_drop(r);
}
