/* test_ocr_projects.c - project tables read by OCR from degraded scans:
 * a type misread by a character (normalize/keys.c), unit names a
 * character or two from the department's (normalize/ocrlabel.c), a
 * figure put right by its unit row or by a column sum to its rounding
 * (normalize/ocrfix.c).
 *
 * Fixtures (tests/fixtures/pdf, extract streams of real pages):
 *   ocr-project-types.x  登封 2024 项目支出表 (p. 16) of the seed's degraded
 *                        200 dpi scan: 特定目标炎 and 特定目标久 for
 *                        特定目标类, 登圣市/嫩封市/和登封市… for the
 *                        department, 取暖费's 29.0 read 23.0 in one column.
 *   ocr-project-units.x  郑州 2024 项目支出表 (p. 18), the same scan: the
 *                        unit row's 4867.9 read 486739, the 合计's 4867.3. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "../../lib/ptext.h"
#include "../../lib/rules.h"
#include "../../lib/table.h"
#include "../../normalize/norm.h"
#include "../../normalize/normalize.h"
#include "../../normalize/ocrfix.h"

static gk_result *read_fixture(const char *path, gk_rules **rules, gk_doc **doc)
{
	char *err = NULL;
	FILE *fp = fopen(path, "r");
	cr_assert_not_null(fp);
	cr_assert_eq(gk_doc_read(fp, doc, &err), 1, "%s", err ? err : "");
	fclose(fp);
	*rules = gk_rules_load("rules", &err);
	cr_assert_not_null(*rules, "%s", err ? err : "");
	return gk_normalize(*doc, *rules, "ocr-projects");
}

static int row_of(const gk_table *t, const char *col, const char *val)
{
	for (int i = 0; i < t->nrow; i++)
		if (!strcmp(gk_table_get(t, i, col), val))
			return i;
	return -1;
}

static int nchecks(const gk_result *r, const char *check, const char *found)
{
	int n = 0;
	for (int i = 0; i < r->ncheck; i++)
		n += !strcmp(r->checks[i].check, check) && strstr(r->checks[i].found, found) != NULL;
	return n;
}

Test(ocr_projects, a_type_misread_by_a_character_is_its_type)
{
	gk_rules *rules;
	gk_doc *doc;
	gk_result *r = read_fixture("tests/fixtures/pdf/ocr-project-types.x", &rules, &doc);
	const gk_table *t = gk_result_find(r, "project_expenditure");
	cr_assert_not_null(t);
	int typed = 0;
	for (int i = 0; i < t->nrow; i++)
		typed += !strcmp(gk_table_get(t, i, "project_type"), "特定目标类");
	cr_assert_eq(typed, 9, "%d projects typed", typed);
	/* the type no longer runs into the name */
	cr_assert(row_of(t, "project_name", "2023年个体工商户免费刻章") >= 0);
	cr_assert_eq(row_of(t, "project_name", "特定目标久2023年个体工商户免费刻章"), -1);
	gk_result_drop(r);
	gk_rules_drop(rules);
	gk_doc_drop(doc);
}

Test(ocr_projects, unit_names_near_the_department_are_its)
{
	gk_rules *rules;
	gk_doc *doc;
	gk_result *r = read_fixture("tests/fixtures/pdf/ocr-project-types.x", &rules, &doc);
	const gk_table *t = gk_result_find(r, "project_expenditure");
	cr_assert_not_null(t);
	const char *dept = "登封市政务服务和大数据管理局";
	for (int i = 0; i < t->nrow; i++) {
		const char *u = gk_table_get(t, i, "unit_name");
		cr_assert(!*u || !strcmp(u, dept), "row %d: unit %s", i, u);
	}
	cr_assert_eq(nchecks(r, "ocr:label", "登圣市政务服务和大数据管理局 (confidence 0)"), 1);
	cr_assert_eq(nchecks(r, "ocr:label", "和登封市政务服务和大数据管理局 (confidence 45)"), 1);
	gk_result_drop(r);
	gk_rules_drop(rules);
	gk_doc_drop(doc);
}

/* 取暖费's 一般公共预算 29.0 read 23.0: its row wants 29.0, the column's sum
 * 28.9 (the document's figures are rounded: Σ totals is 893.7 for 893.6) */
Test(ocr_projects, a_column_sum_confirms_to_its_rounding)
{
	gk_rules *rules;
	gk_doc *doc;
	gk_result *r = read_fixture("tests/fixtures/pdf/ocr-project-types.x", &rules, &doc);
	const gk_table *t = gk_result_find(r, "project_expenditure");
	int i = row_of(t, "project_name", "2024年取暖费");
	cr_assert(i >= 0);
	cr_assert_str_eq(gk_table_get(t, i, "general_budget"), "29.0");
	cr_assert_eq(nchecks(r, "ocr:corrected", "23.0"), 1);
	gk_result_drop(r);
	gk_rules_drop(rules);
	gk_doc_drop(doc);
}

/* the unit row sums its projects: with the row's own total it mends
 * 486739 (4867.9 with its point read as a 3), and the 合计's 4867.3 */
Test(ocr_projects, a_unit_row_sums_its_projects)
{
	gk_rules *rules;
	gk_doc *doc;
	gk_result *r = read_fixture("tests/fixtures/pdf/ocr-project-units.x", &rules, &doc);
	const gk_table *t = gk_result_find(r, "project_expenditure");
	cr_assert_not_null(t);
	for (int i = 0; i < 2; i++)
		cr_assert_str_eq(gk_table_get(t, i, "general_budget"), "4867.9", "row %d", i);
	cr_assert_eq(nchecks(r, "ocr:corrected", "486739"), 1);
	cr_assert_eq(nchecks(r, "ocr:corrected", "4867.3"), 1);
	gk_result_drop(r);
	gk_rules_drop(rules);
	gk_doc_drop(doc);
}

Test(ocr_projects, edits_by_code_points)
{
	cr_assert_eq(gk_codepoint_edits("登封市政务服务和大数据管理局", "登圣市政务服务和大数据管理局", 2), 1);
	cr_assert_eq(gk_codepoint_edits("和登封市政务服务和大数据管理局", "登封市政务服务和大数据管理局", 2), 1);
	cr_assert_eq(gk_codepoint_edits("郑州市大数据管理中心", "郑州市大数据管理局", 1), 2, "capped at max + 1");
	cr_assert_eq(gk_codepoint_edits("特定 目标类", "特定目标类", 2), 0, "spaces left out");
}

/* 登封 p.12 degraded: 30113 is printed over 50103 and over 50501; the
 * first's 5.1 read "5" breaks its row, and the flag names which row */
Test(ocr_projects, a_code_on_two_rows_is_named_with_its_label_and_gov_code)
{
	gk_result *r = gk_result_new();
	static const char *cols[] = {"econ_code", "econ_name", "gov_econ_code", "gov_econ_name", "total", "personnel",
	                             "public"};
	gk_table *t = gk_result_add_table(r, "general_budget_basic_expenditure", "t", 1, cols, 7);
	const char *rows[][7] = {
	    {"30113", "住房公积金", "50103", "住房公积金", "5", "5.1", ""},
	    {"30113", "住房公积金", "50501", "工资福利支出", "24.2", "24.2", ""},
	    {"30201", "办公费", "50201", "办公经费", "7.7", "", "7.7"},
	    {"30101", "基本工资", "50501", "工资福利支出", "172.3", "172.3", ""},
	};
	for (int i = 0; i < 4; i++) {
		gk_table_add_row(t);
		for (int j = 0; j < 7; j++)
			gk_table_set(t, i, j, rows[i][j]);
	}
	gk_doc *d = gk_doc_new();
	gk_doc_set_meta(d, "ocr_pages", "1");
	gk_read_findings(r, d, NULL);
	int named = 0, plain = 0;
	for (int i = 0; i < r->ncheck; i++) {
		named += !strcmp(r->checks[i].check, "ocr:suspect") && !strcmp(r->checks[i].row, "30113 住房公积金 50103/total");
		plain += !strcmp(r->checks[i].row, "30113/total");
	}
	cr_assert_eq(named, 1);
	cr_assert_eq(plain, 0);
	gk_doc_drop(d);
	gk_result_drop(r);
}
