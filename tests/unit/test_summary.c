/* test_summary.c - the two-sided summaries read from positioned text, each
 * fixture lines of gongkai-extract's output of a real page:
 *   summary-blocks.x     西安市信访局 表1 (p. 19): income and three
 *                        expenditure blocks side by side (by function | by
 *                        economic class | by government economic class);
 *   summary-numbered.x   西安市商务局 表1 (p. 36, first lines): the same with
 *                        a 序号 column, in 元 with two decimals;
 *   summary-sparse.x     福州市生态环境局 表4 (p. 10): a figure on one line in
 *                        five, a page number under the table;
 *   summary-one-side.x   湖州市退役军人事务局 表01 (pp. 17-18): the second
 *                        page prints expenditure lines only;
 *   summary-continued.x  深圳市委宣传部 表1 (pp. 17-18, first lines): the
 *                        second page has no income figure at all;
 *   summary-spanning.x   江苏省委办公厅 收支预算总表 (samples/pdf, p. 3): two
 *                        expenditure blocks whose totals print the label in
 *                        the first and the figure under the second;
 *   summary-metrics.x    普陀区财政局 财政拨款收入支出决算总表 (p. 12, first
 *                        lines): broken font metrics put the figures on a
 *                        line of their own above their labels;
 *   revunit-carryover.x  深圳市信访局 收入总表 (p. 17): the carry-over column
 *                        titled 上年结余、结转;
 *   summary-parts.x      上海市普陀区社会福利院 2024 财务收支预算总表 (p. 7):
 *                        the expenditure side prints 合计 | 基本支出: 人员经费,
 *                        公用经费 | 项目支出, in 元. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/ptext.h"
#include "../../lib/rules.h"
#include "../../lib/table.h"
#include "../../normalize/normalize.h"

static gk_rules *rules;
static gk_doc *doc;
static gk_result *res;

static const gk_table *read_fixture(const char *name, const char *id)
{
	char path[256], *err = NULL;
	snprintf(path, sizeof path, "tests/fixtures/pdf/%s", name);
	FILE *fp = fopen(path, "r");
	cr_assert_not_null(fp, "%s", path);
	cr_assert_eq(gk_doc_read(fp, &doc, &err), 1, "%s", err ? err : "");
	fclose(fp);
	rules = gk_rules_load("rules", &err);
	cr_assert_not_null(rules, "%s", err ? err : "");
	res = gk_normalize(doc, rules, "summary");
	const gk_table *t = gk_result_find(res, id);
	cr_assert_not_null(t, "no %s in %s", id, name);
	return t;
}

static void done(void)
{
	gk_result_drop(res);
	gk_rules_drop(rules);
	gk_doc_drop(doc);
	res = NULL, rules = NULL, doc = NULL;
}

/* the row of side and item, the n-th of them (0 first); -1 if none */
static int row_of(const gk_table *t, const char *side, const char *item, int n)
{
	for (int i = 0; i < t->nrow; i++)
		if (!strcmp(gk_table_get(t, i, "side"), side) && !strcmp(gk_table_get(t, i, "item"), item) && !n--)
			return i;
	return -1;
}

static void expect(const gk_table *t, const char *side, const char *item, int n, const char *col, const char *v)
{
	int i = row_of(t, side, item, n);
	cr_assert_geq(i, 0, "no row %s %s (%d)", side, item, n);
	cr_assert_str_eq(gk_table_get(t, i, col), v, "%s %s (%d) %s", side, item, n, col);
}

static void no_item_less_row(const gk_table *t)
{
	for (int i = 0; i < t->nrow; i++)
		cr_assert_str_neq(gk_table_get(t, i, "item"), "", "row %d has no item", i);
}

static void no_failed_summary_check(const gk_result *r)
{
	for (int i = 0; i < r->ncheck; i++)
		if (!strncmp(r->checks[i].check, "summary:", 8))
			cr_assert_str_neq(r->checks[i].status, "fail", "%s %s", r->checks[i].check, r->checks[i].row);
}

Test(summary, three_expenditure_blocks_side_by_side, .fini = done)
{
	const gk_table *t = read_fixture("summary-blocks.x", "revenue_expenditure_summary");
	/* 元 -> 万元, all printed digits kept */
	expect(t, "收入", "一、部门预算", 0, "amount", "2838.423471");
	expect(t, "收入", "其中：专项资金列入部门预算的项目", 0, "amount", "55.00");
	/* by function: 2、外交支出 is a row of its own, blank */
	expect(t, "支出", "1、一般公共服务支出", 0, "amount", "2266.930094");
	expect(t, "支出", "2、外交支出", 0, "amount", "");
	/* by economic class, printed on the same lines */
	expect(t, "支出", "1、人员经费和公用经费支出", 0, "amount", "1932.811471");
	expect(t, "支出", "(1)工资福利支出", 0, "amount", "1710.326551");
	/* a "(1)" item starts a cell of its own, not the wrap of the one above */
	expect(t, "支出", "2、专项业务经费支出", 0, "amount", "905.612");
	expect(t, "支出", "(1)工资福利支出", 1, "amount", "");
	expect(t, "支出", "(2)商品和服务支出", 1, "amount", "816.612");
	/* by government economic class */
	expect(t, "支出", "1、机关工资福利支出", 0, "amount", "1710.326551");
	expect(t, "支出", "9、对个人和家庭的补助", 0, "amount", "126.597");
	/* block by block: each block's lines, then its own totals */
	cr_assert_lt(row_of(t, "支出", "24、其他支出", 0), row_of(t, "支出", "本年支出合计", 0));
	cr_assert_lt(row_of(t, "支出", "支出总计", 0), row_of(t, "支出", "1、人员经费和公用经费支出", 0));
	cr_assert_lt(row_of(t, "支出", "支出总计", 1), row_of(t, "支出", "1、机关工资福利支出", 0));
	expect(t, "支出", "支出总计", 2, "amount", "2838.423471");
	cr_assert_eq(row_of(t, "支出", "支出总计", 3), -1);
	no_item_less_row(t);
	/* each block's totals are checked within the block */
	no_failed_summary_check(res);
}

Test(summary, numbered_lines_in_yuan, .fini = done)
{
	const gk_table *t = read_fixture("summary-numbered.x", "revenue_expenditure_summary");
	/* the 序号 column (1, 2, 3 ...) holds no amounts */
	no_item_less_row(t);
	cr_assert_eq(t->nrow, 16, "%d rows", t->nrow);
	expect(t, "收入", "一、部门预算", 0, "amount", "58124.28672");
	expect(t, "收入", "(1)一般公共预算拨款", 0, "amount", "57398.06102");
	expect(t, "支出", "2、外交支出", 0, "amount", "0.00");
	expect(t, "支出", "(1)工资福利支出", 0, "amount", "3964.479805");
	expect(t, "支出", "3、机关资本性支出（一）", 0, "amount", "5.50");
}

Test(summary, sparse_figures_one_row_per_line, .fini = done)
{
	const gk_table *t = read_fixture("summary-sparse.x", "fiscal_appropriation_summary");
	/* 3 income lines + 收入合计, 26 expenditure lines + 支出合计; not the
	 * page number */
	cr_assert_eq(t->nrow, 31, "%d rows", t->nrow);
	no_item_less_row(t);
	expect(t, "收入", "一、一般公共预算拨款收入", 0, "total", "1369.27");
	expect(t, "收入", "二、政府性基金预算拨款收入", 0, "total", "");
	expect(t, "支出", "七、文化旅游体育与传媒支出", 0, "total", "");
	expect(t, "支出", "八、社会保障和就业支出", 0, "total", "177.58");
	expect(t, "支出", "十、节能环保支出", 0, "total", "1061.72");
	expect(t, "支出", "十九、住房保障支出", 0, "total", "129.97");
	expect(t, "支出", "支出合计", 0, "total", "1369.27");
}

Test(summary, page_of_expenditure_lines_only, .fini = done)
{
	const gk_table *t = read_fixture("summary-one-side.x", "revenue_expenditure_summary");
	no_item_less_row(t);
	expect(t, "支出", "公务员医疗补助", 0, "amount", "33.27");
	expect(t, "支出", "住房公积金", 0, "amount", "145.08");
	expect(t, "收入", "上年结转结余", 0, "amount", "");
	expect(t, "支出", "年终结转结余", 0, "amount", "");
	cr_assert_eq(row_of(t, "收入", "住房保障支出", 0), -1);
}

Test(summary, continued_page_keeps_its_blocks, .fini = done)
{
	const gk_table *t = read_fixture("summary-continued.x", "revenue_expenditure_summary");
	no_item_less_row(t);
	expect(t, "支出", "其他国家电影事业发展专项资金支出", 0, "amount", "380.00");
	expect(t, "支出", "文化产业发展专项支出", 0, "amount", "15000.00");
	cr_assert_eq(row_of(t, "收入", "文化产业发展专项支出", 0), -1);
}

Test(summary, total_printed_across_blocks, .fini = done)
{
	const gk_table *t = read_fixture("summary-spanning.x", "revenue_expenditure_summary");
	no_item_less_row(t);
	expect(t, "支出", "二、外交支出", 0, "amount", "");
	expect(t, "支出", "二、项目支出", 0, "amount", "12081.46");
	expect(t, "支出", "当年支出小计", 0, "amount", "24458.43");
	expect(t, "支出", "支出合计", 0, "amount", "24458.43");
	cr_assert_lt(row_of(t, "支出", "支出合计", 0), row_of(t, "支出", "一、基本支出", 0));
}

Test(summary, figures_above_their_labels, .fini = done)
{
	const gk_table *t = read_fixture("summary-metrics.x", "fiscal_appropriation_summary");
	no_item_less_row(t);
	expect(t, "收入", "一、一般公共预算财政拨款", 0, "total", "2940.05");
	expect(t, "支出", "一、一般公共服务支出", 0, "total", "2106.66");
	expect(t, "支出", "一、一般公共服务支出", 0, "general_budget", "2106.66");
	expect(t, "支出", "二、外交支出", 0, "total", "");
}

Test(summary, carryover_titled_jieyu_jiezhuan, .fini = done)
{
	const gk_table *t = read_fixture("revunit-carryover.x", "revenue_by_unit");
	cr_assert_eq(t->nrow, 1);
	cr_assert_str_eq(gk_table_get(t, 0, "carryover_total"), "7.34");
	cr_assert_eq(gk_table_col(t, "x_上年结余、结转"), -1);
}

Test(summary, expenditure_parts_kept_as_x_columns, .fini = done)
{
	const gk_table *t = read_fixture("summary-parts.x", "revenue_expenditure_summary");
	no_item_less_row(t);
	/* the first figure, under 合计, is the amount */
	expect(t, "支出", "二、社会保障和就业支出", 0, "amount", "1128.1624");
	/* the others are kept under the header words over them */
	expect(t, "支出", "二、社会保障和就业支出", 0, "x_人员经费", "654.0674");
	expect(t, "支出", "二、社会保障和就业支出", 0, "x_公用经费", "212.095");
	expect(t, "支出", "二、社会保障和就业支出", 0, "x_项目支出", "262");
	/* a part printed blank stays blank, not shifted left */
	expect(t, "支出", "三、医疗卫生与计划生育支出", 0, "x_人员经费", "50.3724");
	expect(t, "支出", "三、医疗卫生与计划生育支出", 0, "x_公用经费", "");
	expect(t, "支出", "支出总计", 0, "x_项目支出", "262");
	expect(t, "收入", "二、事业收入", 0, "amount", "262");
	expect(t, "收入", "二、事业收入", 0, "x_人员经费", "");
}
