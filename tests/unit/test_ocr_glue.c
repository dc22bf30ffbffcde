/* test_ocr_glue.c - figures and junk OCR read into a row's label put back
 * or cut (normalize/ocrglue.c).  The rows are cut from degraded scans of
 * 苏州科技创新局's 支出总表 (合计 with its first figure glued on, the others
 * one column left), 西安司法局's 一般公共预算支出表 (two figures of the 合计
 * row strung into its label out of order) and 上海普陀's 基本支出表 (a code's
 * last level read before the label). */
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

TestSuite(ocr_glue, .init = setup, .fini = teardown);

#define NC 8

/* One printed row: the table's cells (cols of the table) and the doc's
 * cells of its line (text and right edge; the label at 60..120). */
typedef struct trow {
	const char *cell[NC];
	const char *word[6];
	double right[6];
} trow;

static gk_table *build(gk_result *r, gk_doc *d, const char *id, const char *unit, const char *const *cols, int ncol,
                       const trow *rows, int n)
{
	gk_doc_add_page(d, 595, 842);
	gk_doc_set_meta(d, "ocr_pages", "1");
	gk_table *t = gk_result_add_table(r, id, "t", 1, cols, ncol);
	gk_table_set_unit(t, unit);
	for (int i = 0; i < n; i++) {
		double y0 = 130 + 14 * i, y1 = y0 + 10;
		gk_line *l = gk_doc_add_line(d, 1, y0, y1, 9, GK_GEOM_POS);
		for (int k = 0; k < 6 && rows[i].word[k]; k++) {
			gk_cell *c = gk_line_add_cell_y(l, rows[i].right[k] - 40, rows[i].right[k], 0, 0, rows[i].word[k],
			                                strlen(rows[i].word[k]));
			c->conf = 80;
		}
		gk_table_add_row(t);
		for (int k = 0; k < ncol; k++)
			gk_table_set(t, i, k, rows[i].cell[k] ? rows[i].cell[k] : "");
		gk_table_set_source(t, i, 1, 40, y0 - 1, 560, y1 + 1);
	}
	return t;
}

static int count(const gk_result *r, const char *check, const char *status)
{
	int n = 0;
	for (int i = 0; i < r->ncheck; i++)
		n += !strcmp(r->checks[i].check, check) && !strcmp(r->checks[i].status, status);
	return n;
}

/* 苏州科技创新局 (degraded, 200 dpi): 186,241.00 read `186.241.0 0`, no
 * amount, so the row reader joined it to 合计; 2281.84 (基本支出) and
 * 183959.16 (项目支出) were placed one column left.  With the run as the
 * row's first figure and the others shifted back, 合计 = 基本 + 项目 and
 * the column sums hold: put back, one ocr:corrected. */
Test(ocr_glue, first_figure_glued_to_total_label)
{
	gk_result *r = gk_result_new();
	gk_doc *d = gk_doc_new();
	static const char *cols[] = {"func_code", "name", "total", "basic_total", "project_total"};
	const trow rows[] = {
		{{"", "合计186.241.0 0", "2281.84", "183959.16", ""},
		 {"合计", "186.241.0 0", "2281.84", "183959.16"},
		 {100, 370, 455, 543}},
		{{"206", "科学技术支出", "186241.00", "2281.84", "183959.16"},
		 {"206", "科学技术支出", "186241.00", "2281.84", "183959.16"},
		 {80, 200, 370, 455, 543}},
		{{"20601", "科学技术管理事务", "2281.84", "2281.84", ""},
		 {"20601", "科学技术管理事务", "2281.84", "2281.84"},
		 {80, 200, 370, 455}},
		{{"20604", "技术研究与开发", "183959.16", "", "183959.16"},
		 {"20604", "技术研究与开发", "183959.16", "183959.16"},
		 {80, 200, 370, 543}},
	};
	gk_table *t = build(r, d, "expenditure_by_function", "万元", cols, 5, rows, 4);
	gk_read_findings(r, d, rules);
	cr_assert_str_eq(gk_table_get(t, 0, "name"), "合计");
	cr_assert_str_eq(gk_table_get(t, 0, "total"), "186241.00");
	cr_assert_str_eq(gk_table_get(t, 0, "basic_total"), "2281.84");
	cr_assert_str_eq(gk_table_get(t, 0, "project_total"), "183959.16");
	cr_assert_eq(count(r, "ocr:corrected", "corrected"), 1);
	cr_assert_eq(count(r, "ocr:glued", "fail"), 0);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* 西安司法局 (元, kept in 万元): 111,369,864.13 (人员经费) read
 * `11, 369,864.13`, its head lost, and 16,604,100.00 (项目支出) strung
 * into the 合计 label; 合计 and 公用经费 read as cells.  The run is two
 * figures for the blank columns: 项目支出 as read makes its column sum
 * hold, 人员经费 is what the row and its column both want, one digit off
 * what was read. */
Test(ocr_glue, two_figures_glued_one_misread)
{
	gk_result *r = gk_result_new();
	gk_doc *d = gk_doc_new();
	static const char *cols[] = {"func_code", "name", "total", "basic_personnel", "basic_public", "project_total"};
	const trow rows[] = {
		{{"", "合计11, 369,864.13 16, 604,100.00", "13650.789971", "", "853.393558", ""},
		 {"合计11, 369,864.13 16, 604,100.00", "136,507,899.71", "8,533,935.58"},
		 {120, 300, 420}},
		{{"204", "公共安全支出", "10239.969255", "7815.123697", "822.565558", "1602.28"},
		 {"204", "公共安全支出", "102,399,692.55", "78,151,236.97", "8,225,655.58", "16,022,800.00"},
		 {80, 200, 300, 360, 420, 480}},
		{{"208", "社会保障和就业支出", "3410.820716", "3321.862716", "30.828", "58.13"},
		 {"208", "社会保障和就业支出", "34,108,207.16", "33,218,627.16", "308,280.00", "581,300.00"},
		 {80, 200, 300, 360, 420, 480}},
	};
	gk_table *t = build(r, d, "general_budget_expenditure", "元", cols, 6, rows, 3);
	gk_read_findings(r, d, rules);
	cr_assert_str_eq(gk_table_get(t, 0, "name"), "合计");
	cr_assert_str_eq(gk_table_get(t, 0, "total"), "13650.789971");
	cr_assert_str_eq(gk_table_get(t, 0, "basic_personnel"), "11136.986413");
	cr_assert_str_eq(gk_table_get(t, 0, "project_total"), "1660.41");
	cr_assert_eq(count(r, "ocr:corrected", "corrected"), 2);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* A run no placement confirms (no identity wants it) is no figure: cut
 * from the total label, the row flagged, nothing placed. */
Test(ocr_glue, unconfirmed_run_is_cut_and_flagged)
{
	gk_result *r = gk_result_new();
	gk_doc *d = gk_doc_new();
	static const char *cols[] = {"func_code", "name", "total", "basic_total", "project_total"};
	const trow rows[] = {
		{{"", "合计745,828.57", "2281.84", "183959.16", ""},
		 {"合计745,828.57", "2281.84", "183959.16"},
		 {120, 455, 543}},
		{{"206", "科学技术支出", "186241.00", "2281.84", "183959.16"},
		 {"206", "科学技术支出", "186241.00", "2281.84", "183959.16"},
		 {80, 200, 370, 455, 543}},
	};
	gk_table *t = build(r, d, "expenditure_by_function", "万元", cols, 5, rows, 2);
	gk_read_findings(r, d, rules);
	cr_assert_str_eq(gk_table_get(t, 0, "name"), "合计");
	cr_assert_str_eq(gk_table_get(t, 0, "total"), "2281.84");
	cr_assert_str_eq(gk_table_get(t, 0, "project_total"), "");
	cr_assert_eq(count(r, "ocr:glued", "fail"), 1);
	cr_assert_eq(count(r, "ocr:corrected", "corrected"), 0);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* Specks after a standard name (30299's 其他商品和服务支出 read with `19~`
 * after it, 30214's 租赁费 with a dash) go, the row holding as read: no flag.  A project's name that
 * ends in a year (no amount's shape, no standard name) keeps it. */
Test(ocr_glue, junk_after_standard_name_goes_names_stay)
{
	gk_result *r = gk_result_new();
	gk_doc *d = gk_doc_new();
	static const char *cols[] = {"econ_code", "econ_name", "total", "personnel", "public"};
	const trow rows[] = {
		{{"30299", "其他商品和服务支出19~", "1407.36", "", "1407.36"},
		 {"30299", "其他商品和服务支出19~", "1407.36", "1407.36"},
		 {80, 250, 370, 480}},
		{{"30214", "租赁费-", "2.10", "", "2.10"}, {"30214", "租赁费-", "2.10", "2.10"}, {80, 250, 370, 480}},
	};
	gk_table *t = build(r, d, "general_budget_basic_expenditure", "万元", cols, 5, rows, 2);
	static const char *pcols[] = {"project_name", "total", "general_budget"};
	gk_table *p = gk_result_add_table(r, "project_expenditure", "p", 1, pcols, 3);
	gk_table_add_row(p);
	gk_table_set(p, 0, 0, "人口普查经费2024");
	gk_table_set(p, 0, 1, "12.00");
	gk_table_set(p, 0, 2, "12.00");
	gk_read_findings(r, d, rules);
	cr_assert_str_eq(gk_table_get(t, 0, "econ_name"), "其他商品和服务支出");
	cr_assert_str_eq(gk_table_get(t, 0, "total"), "1407.36");
	cr_assert_str_eq(gk_table_get(t, 1, "econ_name"), "租赁费");
	cr_assert_str_eq(gk_table_get(p, 0, "project_name"), "人口普查经费2024");
	cr_assert_eq(count(r, "ocr:glued", "fail"), 0);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* 上海普陀 (degraded): 30101 read `301` with `0i` before 基本工资, 30113's
 * 住房公积金 after an underline: the code gets its last level back (its
 * standard name is the rest of the label), the underline goes.  An
 * ordinal (`1.`) before a label stays. */
Test(ocr_glue, leading_junk_and_code_tail)
{
	gk_result *r = gk_result_new();
	gk_doc *d = gk_doc_new();
	static const char *cols[] = {"econ_code", "econ_name", "total", "personnel", "public"};
	const trow rows[] = {
		{{"301", "0i基本工资", "75.8448", "75.8448", ""}, {"301", "0i基本工资", "75.8448"}, {80, 250, 370}},
		{{"30113", "_住房公积金", "33.5816", "33.5816", ""}, {"30113", "_住房公积金", "33.5816"}, {80, 250, 370}},
		{{"30199", "1.其他工资福利支出", "35.4964", "35.4964", ""},
		 {"30199", "1.其他工资福利支出", "35.4964"},
		 {80, 250, 370}},
	};
	gk_table *t = build(r, d, "general_budget_basic_expenditure", "万元", cols, 5, rows, 3);
	gk_read_findings(r, d, rules);
	cr_assert_str_eq(gk_table_get(t, 0, "econ_code"), "30101");
	cr_assert_str_eq(gk_table_get(t, 0, "econ_name"), "基本工资");
	cr_assert_str_eq(gk_table_get(t, 1, "econ_name"), "住房公积金");
	cr_assert_str_eq(gk_table_get(t, 2, "econ_name"), "1.其他工资福利支出");
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* A text layer is never touched: a table on a page not read by OCR keeps
 * its label as printed. */
Test(ocr_glue, text_pages_untouched)
{
	gk_result *r = gk_result_new();
	gk_doc *d = gk_doc_new();
	gk_doc_add_page(d, 595, 842);
	gk_doc_set_meta(d, "ocr_pages", "2");
	static const char *cols[] = {"func_code", "name", "total"};
	gk_table *t = gk_result_add_table(r, "expenditure_by_function", "t", 1, cols, 3);
	gk_table_add_row(t);
	gk_table_set(t, 0, 1, "合计20080");
	gk_table_set(t, 0, 2, "1.00");
	gk_read_findings(r, d, rules);
	cr_assert_str_eq(gk_table_get(t, 0, "name"), "合计20080");
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* 杭州气象's 收支总表 (degraded): 本年收入合计's 5,876.67 read `5$ ,876.67`
 * into its label, the summary having no row identity to place it; the
 * same figure printed on 收入总计, read surely (90), confirms the reading:
 * taken.  Read unsurely there (40), it confirms nothing: cut and flagged. */
static void summary_copy(float conf, const char *want, int corrected, int glued)
{
	gk_result *r = gk_result_new();
	gk_doc *d = gk_doc_new();
	static const char *cols[] = {"side", "item", "amount"};
	const trow rows[] = {
		{{"收入", "一、财政拨款", "5753.07"}, {"一、财政拨款", "5,753.07"}, {140, 300}},
		{{"收入", "七、其他收入", "123.61"}, {"七、其他收入", "123.61"}, {140, 300}},
		{{"收入", "本年收入合计5$ ,876.67", ""}, {"本年收入合计5$ ,876.67"}, {140}},
		{{"收入", "收入总计", "5876.67"}, {"收入总计", "5,876.67"}, {140, 300}},
	};
	gk_table *t = build(r, d, "revenue_expenditure_summary", "万元", cols, 3, rows, 4);
	d->line[3].cell[1].conf = conf;
	gk_read_findings(r, d, rules);
	cr_assert_str_eq(gk_table_get(t, 2, "item"), "本年收入合计");
	cr_assert_str_eq(gk_table_get(t, 2, "amount"), want);
	cr_assert_eq(count(r, "ocr:corrected", "corrected"), corrected);
	cr_assert_eq(count(r, "ocr:glued", "fail"), glued);
	gk_doc_drop(d);
	gk_result_drop(r);
}

Test(ocr_glue, summary_figure_confirmed_by_a_sure_copy)
{
	summary_copy(90, "5876.67", 1, 0);
}

Test(ocr_glue, summary_figure_copy_read_unsurely_is_no_proof)
{
	summary_copy(40, "", 0, 1);
}
