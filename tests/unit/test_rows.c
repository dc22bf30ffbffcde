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
