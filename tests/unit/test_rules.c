/* Unit tests of rule loading (lib/rules.c) and of the shipped rules. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gk.h"
#include "rules.h"

static gk_rules *shipped(void)
{
	char *err = NULL;
	gk_rules *rs = gk_rules_load("rules", &err);
	cr_assert_not_null(rs, "rules/ does not load: %s", err ? err : "");
	return rs;
}

/* a temporary rules directory holding one file */
static char *dir_with(const char *name, const char *text)
{
	char *dir = gk_strdup("/tmp/gk-rules-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	char *p = gk_strfmt("%s/%s", dir, name);
	FILE *f = fopen(p, "w");
	cr_assert_not_null(f);
	fputs(text, f);
	fclose(f);
	free(p);
	return dir;
}

static void rm_dir(char *dir)
{
	char *cmd = gk_strfmt("rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
	free(cmd);
	free(dir);
}

Test(rules, bad_pattern_names_file_line_offset)
{
	char *dir = dir_with("x.rules", "# comment\ntitle\tok\t收支总表$\ntitle\tbroken\t(unclosed\n");
	char *err = NULL;
	gk_rules *rs = gk_rules_load(dir, &err);
	cr_assert_null(rs);
	cr_assert_not_null(err);
	char *want = gk_strfmt("%s/x.rules:3: offset 9: missing closing parenthesis", dir);
	cr_assert_str_eq(err, want);
	free(want);
	free(err);
	rm_dir(dir);
}

Test(rules, malformed_line)
{
	char *dir = dir_with("y.rules", "title\tonly-two-fields\n");
	char *err = NULL;
	cr_assert_null(gk_rules_load(dir, &err));
	cr_assert(strstr(err, "y.rules:1: expected KIND<TAB>NAME<TAB>PATTERN"), "%s", err);
	free(err);
	rm_dir(dir);
}

Test(rules, missing_dir_and_empty_dir)
{
	char *err = NULL;
	cr_assert_null(gk_rules_load("/nonexistent/rules", &err));
	cr_assert(strstr(err, "cannot open rules directory '/nonexistent/rules'"), "%s", err);
	free(err);
	char *dir = dir_with("README", "not a rule file\n");
	cr_assert_null(gk_rules_load(dir, &err));
	cr_assert(strstr(err, "no *.rules files"), "%s", err);
	free(err);
	rm_dir(dir);
}

Test(rules, hash_changes_with_a_comment)
{
	char *d1 = dir_with("a.rules", "skip\tx\t^x$\n");
	char *d2 = dir_with("a.rules", "skip\tx\t^x$\n# a comment\n");
	char *err = NULL;
	gk_rules *r1 = gk_rules_load(d1, &err), *r2 = gk_rules_load(d2, &err);
	cr_assert_str_neq(gk_rules_hash(r1), gk_rules_hash(r2));
	cr_assert_eq(strlen(gk_rules_hash(r1)), 64);
	gk_rules_drop(r1);
	gk_rules_drop(r2);
	rm_dir(d1);
	rm_dir(d2);
}

/* Title rules of the shipped rules: specific titles win over generic ones
 * (they are matched after the decorations are stripped by the normalizer;
 * here they are given stripped). */
static const char *title_id(const gk_rules *rs, const char *t)
{
	const gk_rule *r = gk_rules_first(rs, "title", t);
	return r ? r->name : "-";
}

Test(rules, titles)
{
	gk_rules *rs = shipped();
	cr_assert_str_eq(title_id(rs, "部门收支总体情况表"), "revenue_expenditure_summary");
	cr_assert_str_eq(title_id(rs, "部门收支预算表"), "revenue_expenditure_summary");
	cr_assert_str_eq(title_id(rs, "部门财务收支预算总表"), "revenue_expenditure_summary");
	cr_assert_str_eq(title_id(rs, "收入支出决算总表"), "revenue_expenditure_summary");
	cr_assert_str_eq(title_id(rs, "财政拨款收支总体情况表"), "fiscal_appropriation_summary");
	cr_assert_str_eq(title_id(rs, "财政拨款收入支出决算总表"), "fiscal_appropriation_summary");
	cr_assert_str_eq(title_id(rs, "部门收入总体情况表"), "revenue_by_unit");
	cr_assert_str_eq(title_id(rs, "收入决算表"), "revenue_by_unit");
	cr_assert_str_eq(title_id(rs, "部门支出总体情况表"), "expenditure_by_function");
	cr_assert_str_eq(title_id(rs, "本年支出总体情况表"), "expenditure_by_function");
	cr_assert_str_eq(title_id(rs, "一般公共预算支出情况表"), "general_budget_expenditure");
	cr_assert_str_eq(title_id(rs, "一般公共预算支出情况表（按功能分类科目）"), "general_budget_expenditure");
	cr_assert_str_eq(title_id(rs, "一般公共预算财政拨款支出决算表"), "general_budget_expenditure");
	cr_assert_str_eq(title_id(rs, "一般公共预算基本支出表"), "general_budget_basic_expenditure");
	cr_assert_str_eq(title_id(rs, "一般公共预算基本支出经济分类情况表"), "general_budget_basic_expenditure");
	cr_assert_str_eq(title_id(rs, "支出经济分类汇总表"), "expenditure_by_economic_class");
	cr_assert_str_eq(title_id(rs, "一般公共预算“三公”经费支出情况表"), "three_public_expenses");
	cr_assert_str_eq(title_id(rs, "“三公”经费和机关运行经费预算表"), "three_public_expenses");
	cr_assert_str_eq(title_id(rs, "政府性基金预算支出情况表"), "government_fund_expenditure");
	cr_assert_str_eq(title_id(rs, "政府性基金收支表"), "government_fund_expenditure");
	cr_assert_str_eq(title_id(rs, "国有资本经营预算支出情况表"), "state_capital_expenditure");
	cr_assert_str_eq(title_id(rs, "项目支出预算表"), "project_expenditure");
	cr_assert_str_eq(title_id(rs, "部门（单位）整体绩效目标表"), "department_performance");
	cr_assert_str_eq(title_id(rs, "部门预算项目绩效目标汇总表"), "project_performance");
	/* not tables of the contract */
	cr_assert_str_eq(title_id(rs, "政府采购预算表"), "-");
	cr_assert_str_eq(title_id(rs, "一般公共预算项目支出情况表"), "-");
	gk_rules_drop(rs);
}

Test(rules, line_shapes)
{
	gk_rules *rs = shipped();
	cr_assert_not_null(gk_rules_first(rs, "skip", "-10-"));
	cr_assert_not_null(gk_rules_first(rs, "skip", "第3页"));
	cr_assert_not_null(gk_rules_first(rs, "skip", "预算05表"));
	cr_assert_null(gk_rules_first(rs, "skip", "129"), "a bare number may be a unit code");
	cr_assert_not_null(gk_rules_first(rs, "table-end", "备注：本表仅含当年财政拨款安排的支出"));
	cr_assert_not_null(gk_rules_first(rs, "title-reject", "详见附表"));
	cr_assert_not_null(gk_rules_first(rs, "expense-item", "（十）卫生健康支出"));
	cr_assert_not_null(gk_rules_first(rs, "income-item", "上年结转"));
	size_t ov[2];
	const gk_rule *r = gk_rules_first(rs, "region", "郑州市管城回族区政务服务和大数据管理局");
	cr_assert_not_null(r);
	const char *s = "郑州市管城回族区政务服务和大数据管理局";
	cr_assert(gk_rule_match(r, s, strlen(s), ov));
	cr_assert_eq(ov[1], strlen("郑州市管城回族区"));
	gk_rules_drop(rs);
}

/* hostile input: a long line does not hang a rule (match limits) */
Test(rules, long_line)
{
	gk_rules *rs = shipped();
	size_t n = 1 << 20;
	char *s = malloc(n + 1);
	memset(s, 'a', n);
	s[n] = 0;
	(void)gk_rules_first(rs, "title", s);
	(void)gk_rules_first(rs, "header", s);
	free(s);
	gk_rules_drop(rs);
}
