/* test_findings.c - the checks of issue 17: the narrative's wording,
 * percentages, sums, years, the department in headings, the contents,
 * and the doubts that make a failed comparison `unsure`.
 *
 * Every narrative is cut from a real page (the 普陀 documents of
 * ../shared/corpus/real/zxj6827111-blip__GovBudgetChecker, 国家信访局,
 * 江苏省人民检察院, 湖州), as the extraction gives it (lines broken where
 * the page breaks them); for each check a case that holds and one that
 * the document contradicts. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/ptext.h"
#include "../../lib/rules.h"
#include "../../lib/table.h"
#include "../../normalize/checks.h"
#include "../../normalize/normalize.h"

/* ---- helpers ------------------------------------------------------------ */

static void line_at(gk_doc *d, int page, const char *const *cells)
{
	gk_line *l = gk_doc_add_line(d, page, d->nline, d->nline + 1, 0, GK_GEOM_TAB);
	for (int i = 0; cells[i]; i++)
		gk_line_add_cell(l, i, i, cells[i], strlen(cells[i]));
}

#define LINE(d, ...) line_at(d, 1, (const char *const[]){__VA_ARGS__, NULL})
#define PLINE(d, p, ...) line_at(d, p, (const char *const[]){__VA_ARGS__, NULL})

static int split(const char *line, size_t len, char **out, int max)
{
	int n = 0;
	size_t a = 0;
	for (size_t i = 0; i <= len && n < max; i++)
		if (i == len || line[i] == ',') {
			out[n++] = gk_strndup(line + a, i - a);
			a = i + 1;
		}
	return n;
}

/* a table from "header\nrow\n…" */
static gk_table *tab(gk_result *r, const char *id, int page, const char *csv)
{
	char *f[64];
	const char *nl = strchr(csv, '\n');
	size_t len = nl ? (size_t)(nl - csv) : strlen(csv);
	int nh = split(csv, len, f, 64);
	gk_table *t = gk_result_add_table(r, id, id, page, (const char *const *)f, nh);
	for (int i = 0; i < nh; i++)
		free(f[i]);
	for (const char *p = nl ? nl + 1 : NULL; p && *p;) {
		nl = strchr(p, '\n');
		len = nl ? (size_t)(nl - p) : strlen(p);
		int n = split(p, len, f, 64);
		gk_table_add_row(t);
		for (int j = 0; j < n; j++) {
			gk_table_set(t, t->nrow - 1, j, f[j]);
			free(f[j]);
		}
		p = nl ? nl + 1 : NULL;
	}
	return t;
}

static char *dump(const gk_result *r)
{
	gk_buf b = {0};
	gk_buf_adds(&b, "");
	for (int i = 0; i < r->ncheck; i++) {
		const gk_check *c = &r->checks[i];
		gk_buf_addf(&b, "\n  %s | %s | %s | %s | %s | %s | %d | %s", c->table_id, c->check, c->row,
		            c->expected, c->found, c->status, c->page, c->detail);
	}
	return gk_buf_take(&b);
}

/* the one check named check whose expected or found is fig: its status */
static const gk_check *with(const gk_result *r, const char *check, const char *fig)
{
	const gk_check *hit = NULL;
	for (int i = 0; i < r->ncheck; i++) {
		const gk_check *c = &r->checks[i];
		if (!strcmp(c->check, check) && (!fig || !strcmp(c->found, fig) || !strcmp(c->expected, fig)))
			hit = c;
	}
	return hit;
}

static void want(const gk_result *r, const char *check, const char *fig, const char *status)
{
	const gk_check *c = with(r, check, fig);
	char *d = dump(r);
	cr_assert(c, "no %s with %s; have:%s", check, fig ? fig : "*", d);
	cr_assert_str_eq(c->status, status, "%s %s: %s, want %s; have:%s", check, fig ? fig : "", c->status,
	                 status, d);
	free(d);
}

static void none(const gk_result *r, const char *check)
{
	char *d = dump(r);
	for (int i = 0; i < r->ncheck; i++)
		cr_assert(strcmp(r->checks[i].check, check), "unexpected %s; have:%s", check, d);
	free(d);
}

static gk_result *meta(const char *year, const char *kind, const char *dept)
{
	gk_result *r = gk_result_new();
	gk_result_set_meta(r, "year", year);
	gk_result_set_meta(r, "kind", kind);
	if (dept)
		gk_result_set_meta(r, "department", dept);
	return r;
}

/* ---- shares --------------------------------------------------------------- */

/* 上海市普陀区财政局_2024年度部门决算 p.21 */
static gk_doc *czj_structure(void)
{
	gk_doc *d = gk_doc_new();
	PLINE(d, 21, "（二）一般公共预算财政拨款支出决算结构情况");
	PLINE(d, 21, "一般公共预算财政拨款支出2940.05万元，主要用于以下方面：一般公共服务支出");
	PLINE(d, 21, "（类）2106.66万元，占71.73%；社会保障和就业支出（类）326.72万元，占11.11%；");
	PLINE(d, 21, "卫生健康支出（类）60.99万元，占2.07%；住房保障支出（类）445.69万元，占");
	PLINE(d, 21, "15.16%；");
	return d;
}

Test(findings, share_of_the_sentence_head)
{
	gk_doc *d = czj_structure();
	gk_result *r = meta("2024", "决算", NULL);
	gk_checks_run(r, d);
	want(r, "narrative:share", "11.11", "ok");
	want(r, "narrative:share", "2.07", "ok");
	want(r, "narrative:share", "15.16", "ok");
	/* 2106.66 / 2940.05 = 71.65% */
	want(r, "narrative:share", "71.73", "fail");
	const gk_check *c = with(r, "narrative:share", "71.73");
	cr_assert_eq(c->page, 21);
	cr_assert(strstr(c->detail, "2106.66 / 2940.05 = 71.65%"), "%s", c->detail);
	gk_result_drop(r);
	gk_doc_drop(d);
}

/* 上海市普陀区规划和自然资源局 p.20-21: a share of a named total, truncated */
Test(findings, share_of_a_named_total)
{
	gk_doc *d = gk_doc_new();
	PLINE(d, 20, "本年支出合计 9759.38 万元，其中：基本支出 5377.64 万元，");
	PLINE(d, 20, "占 55.10%；项目支出 4381.74 万元，占 44.90%。");
	PLINE(d, 21, "一般公共预算财政拨款支出 9746.50 万元，占本年支出合计");
	PLINE(d, 21, "的 99.86%。");
	gk_result *r = meta("2024", "决算", NULL);
	gk_checks_run(r, d);
	want(r, "narrative:share", "55.10", "ok");
	want(r, "narrative:share", "44.90", "ok");
	/* 9746.50 / 9759.38 = 99.868%: one unit off, truncated */
	want(r, "narrative:share", "99.86", "round");
	gk_result_drop(r);
	gk_doc_drop(d);
}

/* ---- growth ------------------------------------------------------------- */

Test(findings, growth_from_the_change)
{
	gk_doc *d = gk_doc_new();
	/* 普陀区财政局 p.24 */
	PLINE(d, 24, "机关运行经费支出184.65万元，比2023年度增加2.55万元，增长1.40%。主要原因是");
	/* 国家信访局_2024年度部门决算 p.17: 5834.37 / 16232.22 = 35.94% */
	PLINE(d, 17, "国家信访局2024年度收、支总计各22066.59万元，与2023年相比，收、支总计各增加5834.37万元，增长35.74%。");
	gk_result *r = meta("2024", "决算", NULL);
	gk_checks_run(r, d);
	want(r, "narrative:growth", "1.40", "ok");
	want(r, "narrative:growth", "35.74", "fail");
	gk_result_drop(r);
	gk_doc_drop(d);
}

Test(findings, growth_from_the_prior_figure)
{
	gk_doc *d = gk_doc_new();
	/* 上海市普陀区司法局_2026年区级部门预算 p.9 */
	PLINE(d, 9, "7、社会保障和就业支出（208类）行政事业单位养老支出（05款）行政单位离退休（01项）57.8万元。主要用于：退休人员支出。2025");
	PLINE(d, 9, "年当年预算执行数为59.11万元，2026年预算安排57.8万元，比2025年预算执行数减少2.21%。主要原因是：退休实有人数减少。");
	PLINE(d, 9, "6、公共安全支出（204类）司法（06款）其他司法支出（99项）3845.49万元。主要用于：依法治区、法制业务经费等支出。2025年当年");
	PLINE(d, 9, "预算执行数为43269.3万元，2026年预算安排3845.49万元，比2025年预算执行数增加17.62%。主要原因是：业务量增加。");
	gk_result *r = meta("2026", "预算", NULL);
	gk_checks_run(r, d);
	/* 57.8 (±0.05) against 59.11: 2.13%..2.30% */
	want(r, "narrative:growth", "-2.21", "ok");
	/* an increase stated where the figures fall by 91.11% */
	want(r, "narrative:growth", "17.62", "fail");
	cr_assert(strstr(with(r, "narrative:growth", "17.62")->detail, "a fall of 91.11%"));
	gk_result_drop(r);
	gk_doc_drop(d);
}

/* ---- completion rates ----------------------------------------------------- */

Test(findings, completion_rate)
{
	gk_doc *d = gk_doc_new();
	/* 规划 p.22: 446.11 / 452.40 = 98.61% */
	PLINE(d, 22, "业单位养老保险支出。年初预算为 452.40 万元，支出决算为");
	PLINE(d, 22, "446.11 万元，完成年初预算的 98.61%。决算数小于预算数的主");
	/* 中共上海市普陀区委社会工作部 p.18: a rate of a 年初预算 of 0 */
	PLINE(d, 18, "一般公共预算财政拨款支出年初预算为 0 万元，全年预算为");
	PLINE(d, 18, "321.02 万元，支出决算为 307.82 万元，完成年初预算的 95.89%。");
	gk_result *r = meta("2024", "决算", NULL);
	gk_checks_run(r, d);
	want(r, "narrative:completion", "98.61", "ok");
	want(r, "narrative:completion", "95.89", "fail");
	gk_result_drop(r);
	gk_doc_drop(d);
}

/* ---- 决算数大于/小于/等于预算数 ------------------------------------------- */

static gk_doc *czj_item(const char *word)
{
	gk_doc *d = gk_doc_new();
	/* 普陀区财政局_2024决算_测试问题版本_MODIFIED p.19 */
	PLINE(d, 19, "1、一般公共服务支出（类）财政事务（款）行政运行");
	PLINE(d, 19, "（项）。主要用于：局本部人员经费及公用经费等的基本支出。");
	PLINE(d, 19, "年初预算为 1560.05 万元，支出决算为 1511.89 万元。 决算");
	char *s = gk_strfmt("数%s预算数的主要原因：人员进出及退休变化，减少人员经", word);
	PLINE(d, 19, s);
	free(s);
	PLINE(d, 19, "费开支。");
	return d;
}

Test(findings, budget_wording)
{
	gk_doc *d = czj_item("小于"); /* the published copy */
	gk_result *r = meta("2024", "决算", NULL);
	gk_checks_run(r, d);
	want(r, "narrative:决算与预算", "1511.89", "ok");
	gk_result_drop(r);
	gk_doc_drop(d);

	d = czj_item("大于"); /* the planted error */
	r = meta("2024", "决算", NULL);
	gk_checks_run(r, d);
	want(r, "narrative:决算与预算", "1511.89", "fail");
	gk_result_drop(r);
	gk_doc_drop(d);

	d = czj_item("大于（小于）"); /* a template's alternatives: no claim */
	r = meta("2024", "决算", NULL);
	gk_checks_run(r, d);
	none(r, "narrative:决算与预算");
	gk_result_drop(r);
	gk_doc_drop(d);
}

/* ---- the sums the narrative states -------------------------------------- */

static gk_doc *items(const char *first_budget)
{
	gk_doc *d = gk_doc_new();
	/* 普陀区财政局 p.21-22, three of its items kept (their 决算 add up) */
	PLINE(d, 21, "一般公共预算财政拨款支出年初预算为1781.05万元，支出决算为1715.49万元，完");
	PLINE(d, 21, "成年初预算的96.32%。 决算数小于预算数的主要原因：因年度工作计划安排。其中：");
	char *s = gk_strfmt("1、一般公共服务支出（类）财政事务（款）行政运行（项）。年初预算为%s万元，支出决算为1511.89万元。", first_budget);
	PLINE(d, 22, s);
	free(s);
	PLINE(d, 22, "2、一般公共服务支出（类）财政事务（款）一般行政管理事务（项）。年初预算为 10.00 万元，支出决算为10.00万元。");
	PLINE(d, 22, "3、住房保障支出（类）住房改革支出（款）住房公积金（项）。年初预算为 211.00 万元，支出决算为193.60万元。");
	PLINE(d, 23, "六、一般公共预算财政拨款基本支出决算情况说明");
	return d;
}

Test(findings, items_add_up_to_the_stated_budget)
{
	gk_doc *d = items("1560.05");
	gk_result *r = meta("2024", "决算", NULL);
	gk_checks_run(r, d);
	want(r, "narrative:Σitems", "1781.05", "ok");
	gk_result_drop(r);
	gk_doc_drop(d);

	d = items("1560.06"); /* one cent more, as 2993.93 against 2993.92 */
	r = meta("2024", "决算", NULL);
	gk_checks_run(r, d);
	want(r, "narrative:Σitems", "1781.05", "round");
	gk_result_drop(r);
	gk_doc_drop(d);

	d = items("1570.05");
	r = meta("2024", "决算", NULL);
	gk_checks_run(r, d);
	want(r, "narrative:Σitems", "1781.05", "fail");
	gk_result_drop(r);
	gk_doc_drop(d);
}

Test(findings, procurement)
{
	gk_doc *d = gk_doc_new();
	/* 上海市普陀区司法局 p.22 */
	PLINE(d, 22, "2026年本部门政府采购预算1486.42万元，其中：政府采购货物预算3.66万元、政府采购工程预算36.44万元、政府采购服务预算1446.32");
	PLINE(d, 22, "万元。");
	gk_result *r = meta("2026", "预算", NULL);
	gk_checks_run(r, d);
	want(r, "narrative:政府采购=货物+工程+服务", "1486.42", "ok");
	gk_result_drop(r);
	gk_doc_drop(d);

	/* 中共上海市普陀区委社会工作部 p.22: 中小企业 win more than was bought */
	d = gk_doc_new();
	PLINE(d, 22, "中共上海市普陀区委社会工作部 2024 年度政府采购金额（以合");
	PLINE(d, 22, "同签订为准）为 21.07 万元，其中：货物采购金额 21.07 万元、工");
	PLINE(d, 22, "程采购金额 0 万元、服务采购金额 0 万元。");
	PLINE(d, 22, "2024 年度本部门 面向中小企业预留 政府采购项目预算 金额");
	PLINE(d, 22, "21.07 万元，面向小微企业预留政府采购项目预算金额 21.07 万元。");
	PLINE(d, 22, "在面向中小企业预留的政府采购项目中，由中小企业供应商中标或");
	PLINE(d, 22, "成交的，采购金额 21.07 万元；在面向小微企业预留政府采购项目");
	PLINE(d, 22, "中，由小微企业供应商中标或成交的，采购金额 21.07 万元；在其");
	PLINE(d, 22, "他政府采购项目中，由中小企业供应商中标或成交的，采购金额");
	PLINE(d, 22, "21.07 万元。");
	r = meta("2024", "决算", NULL);
	gk_checks_run(r, d);
	want(r, "narrative:政府采购=货物+工程+服务", "21.07", "ok");
	want(r, "narrative:中小企业≤政府采购", "42.14", "fail");
	gk_result_drop(r);
	gk_doc_drop(d);
}

/* ---- the narrative's totals against the tables -------------------------- */

static gk_result *czj_tables(void)
{
	gk_result *r = meta("2024", "决算", "上海市普陀区财政局");
	tab(r, "revenue_expenditure_summary", 6,
	    "side,item,amount\n收入,本年收入合计,2946.25\n收入,年初结转和结余,49.14\n收入,总计,2995.39\n"
	    "支出,本年支出合计,2940.05\n支出,年末结转和结余,55.34\n支出,总计,2995.39\n");
	tab(r, "fiscal_appropriation_summary", 12,
	    "side,item,total,general_budget,general_budget_appropriation,government_fund,state_capital\n"
	    "收入,本年收入合计,2940.05\n收入,年初财政拨款结转和结余,21.63\n收入,总计,2961.68\n"
	    "支出,本年支出合计,2940.05,2940.05\n支出,年末财政拨款结转和结余,21.63,21.63\n"
	    "支出,总计,2961.68,2961.68\n");
	tab(r, "general_budget_expenditure", 15,
	    "func_code,class,item,subitem,unit_code,name,total,basic_total,project_total\n"
	    ",,,,,合计,2940.05,2336.91,603.14\n");
	return r;
}

Test(findings, fiscal_total_with_carryovers)
{
	gk_doc *d = gk_doc_new();
	/* 普陀区财政局 p.21, and the MODIFIED copy's 2961.68 */
	PLINE(d, 21, "上海市普陀区财政局2024年度财政拨款收入支出总计2961.68万元。与2023年度相比，");
	gk_result *r = czj_tables();
	gk_checks_run(r, d);
	want(r, "narrative:财政拨款收入支出总计", "2961.68", "ok");
	none(r, "narrative:财政拨款收入支出总计≥一般公共预算支出");
	gk_result_drop(r);
	gk_doc_drop(d);

	d = gk_doc_new();
	PLINE(d, 21, "上海市普陀区财政局2024年度财政拨款收入支出总计0.3万元。与2023年度相比，");
	r = czj_tables();
	gk_checks_run(r, d);
	want(r, "narrative:财政拨款收入支出总计", "0.3", "fail");
	/* less than the 一般公共预算 spending it includes */
	want(r, "narrative:财政拨款收入支出总计≥一般公共预算支出", "0.3", "fail");
	gk_result_drop(r);
	gk_doc_drop(d);
}

Test(findings, three_budget_and_an_emptied_table)
{
	gk_doc *d = gk_doc_new();
	/* 普陀区财政局 p.23 */
	PLINE(d, 18, "财政拨款“三公”经费支出决算表");
	PLINE(d, 23, "“三公”经费财政拨款支出年初预算为0.95万元，支出决算为0.00万元，完成预算的");
	PLINE(d, 23, "0%，其中：因公出国（境）费决算为0.00万元，完成预算的0%；");
	gk_result *r = meta("2024", "决算", NULL);
	tab(r, "three_public_expenses", 18,
	    "unit_name,total,overseas_travel,vehicle_total,vehicle_purchase,vehicle_operation,reception,x_预算数,x_预算数/公务接待费\n"
	    "合计,,,,,,,0.95,0.95\n");
	gk_checks_run(r, d);
	want(r, "narrative:三公经费预算", "0.95", "ok");
	gk_result_drop(r);

	/* the MODIFIED copy: the table emptied, the narrative still quoting */
	r = meta("2024", "决算", NULL);
	gk_table *t = tab(r, "three_public_expenses", 18,
	                  "unit_name,total,overseas_travel,vehicle_total,vehicle_purchase,vehicle_operation,reception\n");
	free(t->title);
	t->title = gk_strdup("财政拨款“三公”经费支出决算表");
	gk_checks_run(r, d);
	want(r, "narrative:三公经费", "0.95", "fail");
	gk_result_drop(r);
	gk_doc_drop(d);
}

Test(findings, running_costs_where_the_table_prints_them)
{
	gk_doc *d = gk_doc_new();
	/* 上海市普陀区司法局 p.22 */
	PLINE(d, 22, "2026年上海市普陀区司法局下属1家机关和1家参公事业单位财政拨款的机关运行经费预算为217.83万元。");
	gk_result *r = meta("2026", "预算", NULL);
	tab(r, "three_public_expenses", 21,
	    "unit_name,total,overseas_travel,vehicle_total,vehicle_purchase,vehicle_operation,reception,x_机关运行经费预算数\n"
	    "合计,10.81,0,9.98,0,9.98,0.83,217.83\n");
	gk_checks_run(r, d);
	want(r, "narrative:机关运行经费", "217.83", "ok");
	gk_result_drop(r);

	r = meta("2026", "预算", NULL);
	tab(r, "three_public_expenses", 21,
	    "unit_name,total,overseas_travel,vehicle_total,vehicle_purchase,vehicle_operation,reception,x_机关运行经费预算数\n"
	    "合计,10.81,0,9.98,0,9.98,0.83,207.83\n");
	gk_checks_run(r, d);
	want(r, "narrative:机关运行经费", "217.83", "fail");
	gk_result_drop(r);
	gk_doc_drop(d);
}

/* 上海市普陀区司法局 p.9: an item by its codes, and this year's 预算安排 */
Test(findings, item_by_code_and_class_name)
{
	gk_doc *d = gk_doc_new();
	PLINE(d, 9, "11、医疗卫生与计划生育支出（210类）行政事业单位医疗（11款）行政单位医疗（01项）114.97万元。主要用于：行政单位医疗保险缴");
	PLINE(d, 9, "12、住房保障支出（221类）住房改革支出（02款）住房公积金（01项）208.8万元。主要用于：行政事业单位为职工缴纳的住房公积金");
	PLINE(d, 9, "。2025年当年预算执行数为198.34万元，2026年预算安排201.50万元，比2025年预算执行数增加5.27%。主要原因是：支出增加。");
	gk_result *r = meta("2026", "预算", NULL);
	tab(r, "general_budget_expenditure", 15,
	    "func_code,class,item,subitem,unit_code,name,total\n"
	    "210,,,,,卫生健康支出,114.9678\n2101101,,,,,行政单位医疗,114.9678\n"
	    "221,,,,,住房保障支出,452.1559\n2210201,,,,,住房公积金,208.7959\n");
	gk_checks_run(r, d);
	want(r, "narrative:项", "114.97", "ok");
	want(r, "narrative:项", "208.8", "ok");
	want(r, "narrative:项预算安排", "201.50", "fail");
	want(r, "narrative:科目名称", "医疗卫生与计划生育支出", "fail");
	cr_assert_null(with(r, "narrative:科目名称", "住房保障支出"));
	gk_result_drop(r);
	gk_doc_drop(d);
}

/* ---- years and the department in headings -------------------------------- */

static gk_doc *sfj_years(const char *year)
{
	gk_doc *d = gk_doc_new();
	PLINE(d, 1, "2026年上海市普陀区司法局部门预算");
	PLINE(d, 8, "2026年部门预算编制说明");
	char *s = gk_strfmt("支出预算9628.22万元，其中：财政拨款支出预算9628.22万元，比%s年预算增加793.14万元。", year);
	PLINE(d, 8, s);
	free(s);
	s = gk_strfmt("%s年1月1日-%s年12月31日", year, year);
	PLINE(d, 23, "五、实施周期");
	PLINE(d, 23, s);
	free(s);
	PLINE(d, 23, "六、年度预算安排");
	return d;
}

Test(findings, comparison_year_and_project_period)
{
	gk_doc *d = sfj_years("2025");
	gk_result *r = meta("2026", "预算", "上海市普陀区司法局");
	gk_checks_run(r, d);
	none(r, "year:comparison");
	/* a project period of 2025 in a 2026 budget */
	want(r, "year:实施周期", "2025", "fail");
	gk_result_drop(r);
	gk_doc_drop(d);

	d = sfj_years("2026");
	r = meta("2026", "预算", "上海市普陀区司法局");
	gk_checks_run(r, d);
	want(r, "year:comparison", "2026", "fail");
	none(r, "year:实施周期");
	gk_result_drop(r);
	gk_doc_drop(d);
}

/* 普陀区财政局_2024决算_测试问题版本_MODIFIED p.7, p.18, p.24 */
static gk_doc *czj_headings(const char *part2, const char *part3, const char *assets)
{
	gk_doc *d = gk_doc_new();
	PLINE(d, 1, "上海市普陀区财政局2024年度部门决算");
	PLINE(d, 2, "第一部分 上海市普陀区财政局概况");
	PLINE(d, 7, part2);
	PLINE(d, 18, part3);
	char *s = gk_strfmt("截至%s，上海市普陀区财政局共有车辆0辆，其中：部级领导干部", assets);
	PLINE(d, 24, s);
	free(s);
	return d;
}

Test(findings, headings_and_asset_date)
{
	gk_doc *d = czj_headings("第二部分 上海市普陀区财政局 2024 年度部门决算表",
	                         "第三部分上海市普陀区财政局 2024年度部门决算情况说明", "2024年12月31日");
	gk_result *r = meta("2024", "决算", "上海市普陀区财政局");
	gk_checks_run(r, d);
	none(r, "year:title");
	none(r, "year:截至");
	none(r, "title:department");
	gk_result_drop(r);
	gk_doc_drop(d);

	d = czj_headings("第二部分 上海市普陀区XX局 2024 年度部门决算表",
	                 "第三部分上海市普陀区财政局 2023年度部门决算情况说明", "2023年12月31日");
	r = meta("2024", "决算", "上海市普陀区财政局");
	gk_checks_run(r, d);
	want(r, "year:title", "2023", "fail");
	want(r, "year:截至", "2023", "fail");
	want(r, "title:department", "上海市普陀区XX局", "fail");
	gk_result_drop(r);
	gk_doc_drop(d);
}

Test(findings, department_abbreviated_or_of_another_government)
{
	/* 江苏省人民检察院's kind of heading: the same department, abbreviated */
	gk_doc *d = gk_doc_new();
	PLINE(d, 1, "江苏省人大常委会办公厅2017年度部门预算");
	PLINE(d, 1, "第二部分省人大办公厅2017年度部门预算表");
	gk_result *r = meta("2017", "预算", "江苏省人大常委会办公厅");
	gk_checks_run(r, d);
	none(r, "title:department");
	gk_result_drop(r);
	gk_doc_drop(d);

	/* 规划 p.7: the municipal bureau's name on the district bureau's tables */
	d = gk_doc_new();
	PLINE(d, 1, "上海市普陀区规划和自然资源局2024年度部门决算");
	PLINE(d, 7, "上海市规划和自然资源局 2024 年度部门决算表");
	r = meta("2024", "决算", "上海市普陀区规划和自然资源局");
	gk_checks_run(r, d);
	want(r, "title:department", "上海市规划和自然资源局", "fail");
	gk_result_drop(r);
	gk_doc_drop(d);
}

/* ---- the table of contents ----------------------------------------------- */

static gk_result *normalize_lines(gk_doc *d)
{
	char *err = NULL;
	gk_rules *rules = gk_rules_load("rules", &err);
	cr_assert_not_null(rules, "%s", err ? err : "");
	gk_result *r = gk_normalize(d, rules, "toc");
	gk_rules_drop(rules);
	return r;
}

static void toc_doc(gk_doc *d, int dotted, int with_expenditure)
{
	const char *entries[] = {"一、收入支出决算总表", "二、收入决算表", "三、支出决算表",
	                         "九、国有资本经营预算财政拨款收入支出决算表", NULL};
	PLINE(d, 2, "目 录");
	for (int i = 0; entries[i]; i++) {
		if (dotted)
			line_at(d, 2, (const char *const[]){entries[i], "……………………………………", "5", NULL});
		else
			PLINE(d, 2, entries[i]);
	}
	PLINE(d, 3, "收入支出决算总表");
	PLINE(d, 3, "单位：万元");
	PLINE(d, 3, "本年收入合计", "2946.25", "本年支出合计", "2940.05");
	PLINE(d, 4, "收入决算表");
	PLINE(d, 4, "单位：万元");
	PLINE(d, 4, "科目编码", "科目名称", "本年收入合计", "财政拨款收入");
	PLINE(d, 4, "201", "一般公共服务支出", "2112.86", "2106.66");
	if (with_expenditure) {
		PLINE(d, 5, "支出决算表");
		PLINE(d, 5, "单位：万元");
		PLINE(d, 5, "科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出");
		PLINE(d, 5, "201", "一般公共服务支出", "2106.66", "1503.52", "603.14");
	}
	PLINE(d, 6, "国有资本经营预算财政拨款收入支出决算表");
	PLINE(d, 6, "单位：万元");
	PLINE(d, 6, "注：本单位无国有资本经营预算财政拨款收入支出，故本表无数据。");
}

Test(findings, contents_numbered_or_dotted)
{
	for (int dotted = 0; dotted < 2; dotted++) {
		gk_doc *d = gk_doc_new();
		toc_doc(d, dotted, 1);
		gk_result *r = normalize_lines(d);
		cr_assert_str_eq(gk_result_meta(r, "tables_listed"), "4", "dotted %d", dotted);
		for (int i = 0; i < r->ncheck; i++)
			if (!strcmp(r->checks[i].check, "toc:listed-table-found"))
				cr_assert_str_eq(r->checks[i].status, "ok", "%s dotted %d", r->checks[i].table_id, dotted);
		gk_result_drop(r);
		gk_doc_drop(d);

		/* the 支出决算表 deleted (the MODIFIED copy) */
		d = gk_doc_new();
		toc_doc(d, dotted, 0);
		r = normalize_lines(d);
		int missing = 0;
		for (int i = 0; i < r->ncheck; i++) {
			const gk_check *c = &r->checks[i];
			if (strcmp(c->check, "toc:listed-table-found"))
				continue;
			if (!strcmp(c->table_id, "expenditure_by_function")) {
				cr_assert_str_eq(c->status, "fail", "dotted %d", dotted);
				cr_assert_eq(c->page, 2);
				missing = 1;
			} else {
				cr_assert_str_eq(c->status, "ok", "%s dotted %d", c->table_id, dotted);
			}
		}
		cr_assert(missing, "dotted %d", dotted);
		gk_result_drop(r);
		gk_doc_drop(d);
	}
}

/* ---- doubts: a failed comparison on a doubtful reading is unsure -------- */

Test(findings, unmapped_column_makes_unsure)
{
	/* 上海市普陀区财政局 2024 决算 p.8: 附属单位上缴收入 and 其他收入 fused
	 * in one header cell, kept as x_ (财政拨款收入, also x_, is a source
	 * the check adds: 上海市普陀区司法局 p.11 adds up) */
	gk_result *r = gk_result_new();
	tab(r, "revenue_by_unit", 8,
	    "unit_code,unit_name,func_code,func_name,total,current_total,x_财政拨款收入,x_附属单其他收位上入\n"
	    ",,2010602,一般行政管理事务,16.19,,10.00,6.19\n");
	gk_checks_run(r, NULL);
	want(r, "row:total=current+carryover", "16.19", "unsure");
	cr_assert(strstr(with(r, "row:total=current+carryover", NULL)->detail, "x_附属单其他收位上入"));
	gk_result_drop(r);

	/* the same row read right: the row's own contradiction stays a fail */
	r = gk_result_new();
	tab(r, "revenue_by_unit", 11,
	    "unit_code,unit_name,func_code,func_name,total,current_total,general_budget\n"
	    ",,204,公共安全支出,8726.73,,8626.73\n");
	gk_checks_run(r, NULL);
	want(r, "row:total=current+carryover", "8726.73", "fail");
	gk_result_drop(r);
}

Test(findings, merged_summary_labels_make_unsure)
{
	/* 普陀区财政局 p.12: two sides' labels read as one */
	gk_result *r = gk_result_new();
	tab(r, "fiscal_appropriation_summary", 12,
	    "side,item,total,general_budget,general_budget_appropriation,government_fund,state_capital\n"
	    "收入,一、一般公共预算财政拨款一、一般公共服务支出,2940.05\n"
	    "收入,本年收入合计本年支出合计,21.63\n");
	gk_checks_run(r, NULL);
	want(r, "summary:合计=Σ一、", "21.63", "unsure");
	gk_result_drop(r);
}

Test(findings, twin_columns_make_unsure)
{
	/* 烟台市人力资源和社会保障局 p.9: 小计 read as 一般公共预算, 一般公共预算
	 * as 政府性基金 */
	gk_result *r = gk_result_new();
	tab(r, "revenue_by_unit", 9,
	    "unit_code,unit_name,func_code,func_name,total,general_budget,government_fund\n"
	    ",合计,,,191394.79,191195.79,191114.39\n"
	    ",,208,社会保障和就业支出,188501.98,188302.98,188302.98\n"
	    ",,20801,人力资源和社会保障管理事务,40781.39,40582.39,40582.39\n"
	    ",,2080102,一般行政管理事务,941.00,921.00,921.00\n"
	    ",,2080109,社会保险经办机构,2081.81,2076.81,2076.81\n"
	    ",,2080199,其他人力资源和社会保障管理事务支出,32350.90,32176.90,32176.90\n");
	gk_checks_run(r, NULL);
	const gk_check *c = with(r, "tree:上级=Σ下级", "40582.39");
	cr_assert(c && !strcmp(c->status, "unsure"), "%s", c ? c->status : "none");
	gk_result_drop(r);
}

Test(findings, shifted_three_table_makes_unsure)
{
	/* 上海市规划和自然资源局 2026: 公务用车 and 公务接待 read swapped */
	gk_doc *d = gk_doc_new();
	PLINE(d, 20, "（二）公务用车购置及运行费9.60万元，与2025年预算持平。");
	PLINE(d, 20, "（三）公务接待费1.20万元，与2025年预算持平。");
	gk_result *r = meta("2026", "预算", NULL);
	tab(r, "three_public_expenses", 19,
	    "unit_name,total,overseas_travel,vehicle_total,vehicle_purchase,vehicle_operation,reception\n"
	    "合计,10.8,0,1.2,0,9.6,9.6\n");
	gk_checks_run(r, d);
	want(r, "row:vehicle=purchase+operation", "1.2", "unsure");
	want(r, "narrative:公务接待费", "1.20", "unsure");
	gk_result_drop(r);

	/* read right: the narrative agrees */
	r = meta("2026", "预算", NULL);
	tab(r, "three_public_expenses", 19,
	    "unit_name,total,overseas_travel,vehicle_total,vehicle_purchase,vehicle_operation,reception\n"
	    "合计,10.8,0,9.6,0,9.6,1.2\n");
	gk_checks_run(r, d);
	want(r, "narrative:公务接待费", "1.20", "ok");
	want(r, "narrative:公务用车购置及运行费", "9.60", "ok");
	gk_result_drop(r);
	gk_doc_drop(d);
}

Test(findings, revenue_table_against_this_years_income)
{
	/* 普陀区财政局 p.6, p.8: the 收入决算表 holds this year's income; the
	 * summary's 总计 adds 年初结转和结余 */
	gk_result *r = czj_tables();
	tab(r, "revenue_by_unit", 8,
	    "unit_code,unit_name,func_code,func_name,total,general_budget,other_income\n"
	    ",合计,,,2946.25,2940.05,6.20\n");
	gk_checks_run(r, NULL);
	want(r, "cross:summary收入总计=revenue_by_unit合计", "2946.25", "ok");
	/* and the fiscal summary's funds against its 本年支出合计, not its 总计 */
	want(r, "cross:fiscal一般公共预算=general_budget_expenditure合计", "2940.05", "ok");
	gk_result_drop(r);
}

/* ---- the narrative text ---------------------------------------------------- */

Test(findings, figure_in_a_taller_box_read_in_its_line)
{
	/* 普陀区财政局 p.22: " 1560.05 " printed in a field taller than its
	 * line comes out as a line of its own above it */
	gk_doc *d = gk_doc_new();
	gk_line *l = gk_doc_add_line(d, 22, 66.33, 88.68, 12, GK_GEOM_POS);
	gk_line_add_cell(l, 78, 516, "1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：局本部人",
	                 strlen("1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：局本部人"));
	l = gk_doc_add_line(d, 22, 80.30, 102.65, 12, GK_GEOM_POS);
	gk_line_add_cell(l, 315, 354, "1560.05", 7);
	l = gk_doc_add_line(d, 22, 94.70, 97.77, 12, GK_GEOM_POS);
	gk_line_add_cell(l, 72, 312, "员经费及公用经费等的基本支出。年初预算为",
	                 strlen("员经费及公用经费等的基本支出。年初预算为"));
	gk_line_add_cell(l, 357, 504, "万元，支出决算为1511.89万", strlen("万元，支出决算为1511.89万"));
	char *s = gk_chk_narrative_text(d);
	cr_assert(strstr(s, "年初预算为1560.05万元，支出决算为1511.89万"), "%s", s);
	free(s);
	gk_doc_drop(d);
}
