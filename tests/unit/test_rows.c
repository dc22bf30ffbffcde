/* test_rows.c - every figure under its column, every row whole: the
 * layouts of issue 11 (Deliver 2) in the function, unit, project and 三公
 * tables.  Each stream is cut from a real PDF (tests/real/pdf or
 * ../shared/corpus/real) as gongkai-extract gives it, keeping only some
 * of the lines and columns. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/ptext.h"
#include "../../lib/rules.h"
#include "../../lib/table.h"
#include "../../normalize/normalize.h"

static gk_result *run(const char *text)
{
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	cr_assert_not_null(f);
	gk_doc *d = NULL;
	char *err = NULL;
	int rc = gk_doc_read(f, &d, &err);
	fclose(f);
	cr_assert_eq(rc, 1, "%s", err ? err : "");
	gk_rules *rules = gk_rules_load("rules", &err);
	cr_assert_not_null(rules, "%s", err ? err : "");
	gk_result *r = gk_normalize(d, rules, "rows");
	gk_rules_drop(rules);
	gk_doc_drop(d);
	return r;
}

static const gk_table *table(const gk_result *r, const char *id)
{
	const gk_table *t = gk_result_find(r, id);
	cr_assert_not_null(t, "no %s", id);
	return t;
}

/* the row whose column key reads value (-1: none) */
static int row_of(const gk_table *t, const char *key, const char *value)
{
	for (int i = 0; i < t->nrow; i++)
		if (!strcmp(gk_table_get(t, i, key), value))
			return i;
	return -1;
}

#define EXPECT(t, row, col, want) cr_expect_str_eq(gk_table_get(t, row, col), want, "row %d %s", row, col)

/* 西安商务局 表2 (p. 38): a 序号 column of running row numbers before the
 * unit codes is neither a code nor a row's key */
Test(rows, sequence_numbers_are_no_codes)
{
	gk_result *r = run("%gongkai-extract 1\nP\t1\t841.68\t595.20\n"
	                   "L\t1\t74.71\t91.52\t16.56\tpos\t312.59,529.49,2022年部门综合预算收入总表\n"
	                   "L\t1\t98.75\t106.22\t7.44\tpos\t772.55,817.19,金额单位：元\n"
	                   "L\t1\t137.87\t145.34\t7.44\tpos\t304.91,364.43,一般公共预算拨款\n"
	                   "L\t1\t155.25\t162.86\t7.44\tpos\t26.48,41.36,序号\t53.12,82.88,单位编码\t130.78,160.54,单位名称\n"
	                   "L\t1\t164.61\t172.10\t7.44\tpos\t226.66,241.54,合计\n"
	                   "L\t1\t172.79\t180.26\t7.44\tpos\t337.91,397.43,其中：专项资金列\n"
	                   "L\t1\t177.47\t184.94\t7.44\tpos\t292.67,307.55,小计\n"
	                   "L\t1\t182.15\t189.62\t7.44\tpos\t341.63,393.71,入部门预算项目\n"
	                   "L\t1\t212.75\t220.22\t7.44\tpos\t24.24,27.96,1\t91.55,106.43,合计\t217.19,261.83,581242867.20\t"
	                   "283.19,327.83,573980610.20\t352.31,396.95,350000000.00\n"
	                   "L\t1\t229.79\t237.26\t7.44\tpos\t24.21,27.93,2\t46.65,57.81,263\t91.53,136.17,西安市商务局\t"
	                   "217.17,261.81,581242867.20\t283.17,327.81,573980610.20\t352.29,396.93,350000000.00\n"
	                   "L\t1\t246.82\t254.29\t7.44\tpos\t24.19,27.91,3\t61.51,83.83,263001\t91.51,136.15,西安市商务局\t"
	                   "217.15,261.79,544606485.85\t283.15,327.79,544606485.85\t352.27,396.91,350000000.00\n"
	                   "L\t1\t263.86\t271.33\t7.44\tpos\t24.17,27.89,4\t61.49,83.81,263002\t91.49,173.33,西安市商务综合执法支队\t"
	                   "224.56,261.76,3335627.87\t290.57,327.77,3335627.87\t382.00,396.88,0.00\n"
	                   "%end\n");
	const gk_table *t = table(r, "revenue_by_unit");
	cr_assert_eq(t->nrow, 4, "%d rows", t->nrow);
	EXPECT(t, 0, "unit_name", "合计");
	EXPECT(t, 0, "unit_code", "");
	int dep = row_of(t, "unit_code", "263"), u = row_of(t, "unit_code", "263002");
	cr_assert(dep >= 0 && u >= 0);
	EXPECT(t, dep, "unit_name", "西安市商务局");
	EXPECT(t, dep, "total", "58124.28672");
	EXPECT(t, u, "unit_name", "西安市商务综合执法支队");
	EXPECT(t, u, "general_budget", "333.562787");
	cr_expect_eq(row_of(t, "unit_code", "1"), -1);
	cr_expect_eq(row_of(t, "unit_code", "4"), -1);
	gk_result_drop(r);
}

/* 湖州 表10 (p. 31): the unit is printed in a column of its own before
 * each project; the empty 财政专户管理资金 column's words are not
 * 单位资金's */
static const char huzhou_projects[] =
	"%gongkai-extract 1\nP\t1\t841.85\t595.25\n"
	"L\t1\t60.37\t83.37\t19.32\tpos\t285.64,556.33,2026年市级部门项目支出预算表\n"
	"L\t1\t89.10\t97.88\t8.76\tpos\t46.72,125.79,511-退役军人事务局\t751.38,795.16,单位：万元\n"
	"L\t1\t121.27\t130.05\t8.76\tpos\t615.64,668.18,国有资本经营\t677.46,730.00,财政专户管理\n"
	"L\t1\t126.68\t135.46\t8.76\tpos\t119.10,154.13,单位名称\t291.89,326.92,项目名称\t420.77,438.28,总计\t"
	"482.32,534.86,一般公共预算\t558.31,602.09,政府性基金\t748.04,783.06,单位资金\n"
	"L\t1\t132.22\t141.00\t8.76\tpos\t633.20,650.71,预算\t694.98,712.49,资金\n"
	"L\t1\t164.34\t173.12\t8.76\tpos\t132.17,140.99,**\t304.96,313.78,**\t427.28,431.66,1\t506.48,510.86,2\t"
	"577.98,582.36,3\t639.80,644.18,4\t701.58,705.95,5\t763.40,767.77,6\n"
	"L\t1\t180.93\t189.71\t8.76\tpos\t229.28,246.79,合计\t435.55,466.59,4651.90\t516.78,547.82,4368.60\t"
	"768.41,795.01,283.30\n"
	"L\t1\t197.47\t206.26\t8.76\tpos\t46.72,134.28,湖州市退役军人事务局\t229.28,343.11,移交安置与思想政治权益维护\t"
	"435.55,466.59,1010.47\t516.78,547.82,1010.47\n"
	"L\t1\t247.15\t255.93\t8.76\tpos\t46.72,169.31,湖州市军队离休退休干部休养所\t229.28,281.82,军休服务管理\t"
	"435.55,466.59,2596.40\t516.78,547.82,2343.10\t768.41,795.01,253.30\n"
	"%end\n";

/* 湖州 表10: the header line begins 单位名称 and its total column says
 * 总计: a header, not a line naming the department */
Test(rows, header_line_beginning_with_unit_name)
{
	gk_result *r = run(huzhou_projects);
	const gk_table *t = table(r, "project_expenditure");
	int tot = row_of(t, "project_name", "合计");
	cr_assert(tot >= 0);
	EXPECT(t, tot, "total", "4651.90");
	EXPECT(t, tot, "general_budget", "4368.60");
	gk_result_drop(r);
}
