/* test_ocr_code.c - the codes of OCR'd tables that OCR lost or cut, put
 * back by their labels and the document's pairs (normalize/ocrcode.c).
 * The rows are cut from the degraded 200 dpi scans of 上海普陀社会福利院
 * (一般公共预算支出表, 基本支出表) and 江苏政协 (基本支出表). */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "../../normalize/ocrfix.h"

static gk_rules *rules;

static void setup(void)
{
	char *err = NULL;
	rules = gk_rules_load("rules", &err);
	cr_assert(rules, "%s", err ? err : "");
}

static void teardown(void)
{
	gk_rules_drop(rules);
}

TestSuite(ocr_code, .init = setup, .fini = teardown);

/* a table of id with columns cols (n) and rows (n cells each, NULL ends) */
static gk_table *table(gk_result *r, const char *id, const char *const *cols, int n, const char *const *cells)
{
	gk_table *t = gk_result_add_table(r, id, "t", 3, cols, n);
	for (int i = 0; cells[i * n]; i++) {
		gk_table_add_row(t);
		for (int j = 0; j < n; j++)
			gk_table_set(t, i, j, cells[i * n + j]);
	}
	return t;
}

static int ncode(const gk_result *r)
{
	int n = 0;
	for (int i = 0; i < r->ncheck; i++)
		n += !strcmp(r->checks[i].check, "ocr:code");
	return n;
}

static const char *const FCOLS[] = {"func_code", "name", "total"};

/* 210 over 行政事业单位医疗 (its 款 digits lost), an empty code over
 * 事业单位医疗, 221 over 住房改革支出 with garbage glued on: the codes
 * of the tree they sit in */
Test(ocr_code, function_codes_cut_or_lost)
{
	gk_result *r = gk_result_new();
	static const char *const cells[] = {
	    "208",     "社会保障和就业支出",         "866.16", "20805", "行政事业单位养老支出", "169.68",
	    "2080502", "事业单位离退休",             "53.84",  "210",   "卫生健康支出",         "50.37",
	    "210",     "淖亿丰行政事业单位医疗",     "50.37",  "",      "事业单位医疗",         "50.37",
	    "221",     "住房保障支出",               "33.58",  "221",   "汪02住房改革支出",     "33.58",
	    "2210201", "住房公积金",                 "33.58",  NULL,    NULL,                   NULL};
	gk_table *t = table(r, "general_budget_expenditure", FCOLS, 3, cells);
	gk_ocr_fix_codes(r, NULL, rules);
	cr_expect_str_eq(t->rows[4][0], "21011");
	cr_expect_str_eq(t->rows[5][0], "2101102");
	cr_expect_str_eq(t->rows[7][0], "22102");
	cr_expect_str_eq(t->rows[3][0], "210");
	cr_expect_str_eq(t->rows[6][0], "221");
	cr_expect_eq(ncode(r), 3);
	gk_result_drop(r);
}

/* a 款 printed under the document's own wording (行政事业单位离退休 for
 * 20805) over its 项 rows is the 款 itself: its label also reads as the
 * name of 2080501 (行政单位离退休), the code stays */
Test(ocr_code, parent_over_its_rows_stays)
{
	gk_result *r = gk_result_new();
	static const char *const cells[] = {
	    "208",     "社会保障和就业支出",           "858.51", "20805", "行政事业单位离退休", "858.51",
	    "2080504", "未归口管理的行政单位离退休",   "277.05", "2080505", "机关事业单位基本养老保险缴费支出", "415.33",
	    "2080506", "机关事业单位职业年金缴费支出", "166.13", NULL,    NULL,                 NULL};
	gk_table *t = table(r, "general_budget_expenditure", FCOLS, 3, cells);
	gk_ocr_fix_codes(r, NULL, rules);
	cr_expect_str_eq(t->rows[1][0], "20805");
	cr_expect_eq(ncode(r), 0);
	gk_result_drop(r);
}

/* a table that prints no codes (names alone) gets none */
Test(ocr_code, table_without_codes_stays)
{
	gk_result *r = gk_result_new();
	static const char *const cells[] = {"", "卫生健康支出", "80.52", "", "行政事业单位医疗", "80.52",
	                                    "", "行政单位医疗", "61.17", NULL, NULL, NULL};
	gk_table *t = table(r, "general_budget_expenditure", FCOLS, 3, cells);
	gk_ocr_fix_codes(r, NULL, rules);
	for (int i = 0; i < t->nrow; i++)
		cr_expect_str_eq(t->rows[i][0], "");
	cr_expect_eq(ncode(r), 0);
	gk_result_drop(r);
}

static const char *const ECOLS[] = {"econ_code", "econ_name", "gov_econ_code", "gov_econ_name", "total"};

/* 301 beside 0i基本工资 (its 01 read into the label) and beside 津贴补贴,
 * no code beside 住房公积金注: the 款 of 301 they name */
Test(ocr_code, econ_codes_cut_or_lost)
{
	gk_result *r = gk_result_new();
	static const char *const cells[] = {
	    "301",   "工资福利支出",             "", "", "695.84", "301",   "0i基本工资", "", "", "75.84",
	    "301",   "津贴补贴",                 "", "", "95.00",  "30107", "绩效工资",   "", "", "35.80",
	    "30108", "机关事业单位基本养老保险缴费", "", "", "76.76",  "",      "住房公积金注", "", "", "33.58",
	    "302",   "商品和服务支出",           "", "", "20.00",  NULL,    NULL,         NULL, NULL, NULL};
	gk_table *t = table(r, "general_budget_basic_expenditure", ECOLS, 5, cells);
	gk_ocr_fix_codes(r, NULL, rules);
	cr_expect_str_eq(t->rows[0][0], "301");
	cr_expect_str_eq(t->rows[1][0], "30101");
	cr_expect_str_eq(t->rows[1][1], "基本工资");
	cr_expect_str_eq(t->rows[5][1], "住房公积金注");
	cr_expect_str_eq(t->rows[2][0], "30102");
	cr_expect_str_eq(t->rows[5][0], "30113");
	cr_expect_eq(ncode(r), 3);
	gk_result_drop(r);
}

/* 30231's 5xx lost in the basic table; the document's table by economic
 * class pairs 30231 with 50208 alone: the basic table's row gets it.
 * 30101 is paired with 50101 and 50501 there: its lost 5xx stays lost */
Test(ocr_code, gov_code_from_the_documents_pairs)
{
	gk_result *r = gk_result_new();
	static const char *const basic[] = {
	    "30101", "基本工资", "",      "",             "877.88", "30102", "津贴补贴", "50101", "工资奖金津补贴", "22.00",
	    "30201", "办公费",   "50201", "办公经费",     "110.00", "30231", "公务用车运行维护费", "", "", "156.60",
	    "30299", "其他商品和服务支出", "50299", "其他商品和服务支出", "175.50",
	    NULL,    NULL,       NULL,    NULL,           NULL};
	static const char *const byclass[] = {
	    "30101", "基本工资", "50101", "工资奖金津补贴", "800.00", "30101", "基本工资", "50501", "工资福利支出", "77.88",
	    "30231", "公务用车运行维护费", "50208", "公务用车运行维护费", "156.60",
	    NULL,    NULL,       NULL,    NULL,           NULL};
	gk_table *t = table(r, "general_budget_basic_expenditure", ECOLS, 5, basic);
	table(r, "general_budget_by_economic_class", ECOLS, 5, byclass);
	gk_ocr_fix_codes(r, NULL, rules);
	cr_expect_str_eq(t->rows[3][2], "50208");
	cr_expect_str_eq(t->rows[0][2], "");
	cr_expect_eq(ncode(r), 1);
	cr_expect(strstr(r->checks[0].found, "30231"), "%s", r->checks[0].found);
	gk_result_drop(r);
}

/* a 5xx cut to 501 beside 30110 that the document pairs with 50501:
 * 501's digits are 50501's in order; 50102 is not paired */
Test(ocr_code, gov_code_cut_agrees)
{
	gk_result *r = gk_result_new();
	static const char *const basic[] = {
	    "30108", "机关事业单位基本养老保险缴费", "50501", "工资福利支出", "35.73",
	    "30110", "职工基本医疗保险缴费", "50501", "工资福利支出", "10.57",
	    "30113", "住房公积金", "50501", "工资福利支出", "26.80", NULL, NULL, NULL, NULL, NULL};
	static const char *const byclass[] = {
	    "30108", "机关事业单位基本养老保险缴费", "50501", "工资福利支出", "35.73",
	    "30110", "职工基本医疗保险缴费", "501", "职工基本医疗保险缴费", "10.57",
	    "30113", "住房公积金", "50103", "住房公积金", "26.80", NULL, NULL, NULL, NULL, NULL};
	table(r, "general_budget_basic_expenditure", ECOLS, 5, basic);
	gk_table *u = table(r, "general_budget_by_economic_class", ECOLS, 5, byclass);
	gk_ocr_fix_codes(r, NULL, rules);
	cr_expect_str_eq(u->rows[1][2], "50501");
	cr_expect_eq(ncode(r), 1);
	gk_result_drop(r);
}

/* the likeness of a label to a name: garbage glued on, a character
 * misread, another name */
Test(ocr_code, label_match)
{
	cr_expect_gt(gk_code_label_match("0i基本工资", "基本工资"), 0);
	cr_expect_gt(gk_code_label_match("12其他社会保障缴费有", "其他社会保障缴费"), 0);
	cr_expect_gt(gk_code_label_match("[工全经费", "工会经费"), 0);
	cr_expect_lt(gk_code_label_match("津贴补贴", "基本工资"), 0);
	cr_expect_lt(gk_code_label_match("6794建贴补贴", "津贴补贴"), 0);
	cr_expect_gt(gk_code_label_match("淖亿丰行政事业单位医疗", "行政事业单位医疗"),
	             gk_code_label_match("淖亿丰行政事业单位医疗", "事业单位医疗"));
}

/* 30301's 离休费 and 50905's 离退休费 read as one label, the 5xx cell
 * empty: the row gets 50905 and both names; a rest that names no 5xx
 * whole, or that is the next row's label, leaves the row as read */
Test(ocr_code, gov_name_read_onto_econ_label)
{
	gk_result *r = gk_result_new();
	static const char *const cells[] = {
	    "303",   "对个人和家庭的补助", "",      "",         "149.76", "30301", "离休费离退休费", "", "", "40.02",
	    "30302", "退休费",             "50905", "离退休费", "81.17",  "30305", "生活补助离退费", "", "", "1.00",
	    "30114", "医疗费其他工资福利支出", "", "", "6.00", "30199", "其他工资福利支出", "", "", "5.00",
	    "30201", "办公费", "50201", "办公经费", "3.00", "30202", "印刷费", "50201", "办公经费", "1.00",
	    NULL,    NULL,                 NULL,    NULL,       NULL};
	gk_table *t = table(r, "general_budget_by_economic_class", ECOLS, 5, cells);
	gk_ocr_fix_codes(r, NULL, rules);
	cr_expect_str_eq(t->rows[1][1], "离休费");
	cr_expect_str_eq(t->rows[1][2], "50905");
	cr_expect_str_eq(t->rows[1][3], "离退休费");
	/* 生活补助 then 离退费: no 5xx is named so, the row stays */
	cr_expect_str_eq(t->rows[3][2], "");
	cr_expect_str_eq(t->rows[3][1], "生活补助离退费");
	/* 其他工资福利支出 (50199's name too) is the next row's label */
	cr_expect_str_eq(t->rows[4][2], "");
	cr_expect_eq(ncode(r), 1);
	gk_result_drop(r);
}

/* 郑州's 支出经济分类汇总表 is printed in no order of its codes; 302
 * beside 吧印刷费 is cut from 30202 (the 302 read is its parent), 302
 * with its label lost prints 45.0 over 50201 as the 基本支出表 prints
 * 30211/50201; a row of the same total whose label names another code
 * (建贴补贴: 津贴补贴) is a row read from two and stays */
Test(ocr_code, unordered_table_and_twin_rows)
{
	gk_result *r = gk_result_new();
	static const char *const basic[] = {
	    "30239", "其他交通费用", "50201", "办公经费", "32.0", "30201", "办公费", "50201", "办公经费", "81.2",
	    "30211", "差旅费", "50201", "办公经费", "45.0",       "30207", "邮电费", "50201", "办公经费", "0.1",
	    "30202", "印刷费", "50201", "办公经费", "5.0",        "30101", "基本工资", "50501", "工资福利支出", "87.5",
	    NULL,    NULL,     NULL,    NULL,       NULL};
	static const char *const all[] = {
	    "30239", "其他交通费用", "50201", "办公经费", "32.0", "30201", "办公费", "50201", "办公经费", "81.2",
	    "302",   "",       "50201", "办公经费", "45.0",       "30207", "邮电费", "50201", "办公经费", "0.1",
	    "302",   "吧印刷费", "50201", "办公经费", "5.0",      "",      "建贴补贴", "50501", "工资福利支出", "87.5",
	    NULL,    NULL,     NULL,    NULL,       NULL};
	table(r, "general_budget_basic_expenditure", ECOLS, 5, basic);
	gk_table *t = table(r, "expenditure_by_economic_class", ECOLS, 5, all);
	gk_ocr_fix_codes(r, NULL, rules);
	cr_expect_str_eq(t->rows[4][0], "30202");
	cr_expect_str_eq(t->rows[2][0], "30211");
	cr_expect_str_eq(t->rows[5][0], "");
	cr_expect_eq(ncode(r), 2);
	gk_result_drop(r);
}

/* the same label in a table that prints no 5xx codes at all: stays */
Test(ocr_code, gov_name_onto_label_without_gov_codes)
{
	gk_result *r = gk_result_new();
	static const char *const cells[] = {
	    "301",   "工资福利支出", "", "", "600.00", "30113", "住房公积金", "", "", "78.31",
	    "30114", "医疗费其他工资福利支出", "", "", "6.00", "30199", "其他工资福利支出", "", "", "4.56",
	    NULL,    NULL, NULL, NULL, NULL};
	static const char *const other[] = {"30113", "住房公积金", "50103", "住房公积金", "78.31",
	                                    NULL,    NULL,         NULL,    NULL,         NULL};
	gk_table *t = table(r, "general_budget_basic_expenditure", ECOLS, 5, cells);
	table(r, "general_budget_by_economic_class", ECOLS, 5, other);
	gk_ocr_fix_codes(r, NULL, rules);
	cr_expect_str_eq(t->rows[2][2], "");
	cr_expect_str_eq(t->rows[2][1], "医疗费其他工资福利支出");
	/* (nor does a total another table prints with a 5xx give one) */
	cr_expect_str_eq(t->rows[1][2], "");
	cr_expect_eq(ncode(r), 0);
	gk_result_drop(r);
}
