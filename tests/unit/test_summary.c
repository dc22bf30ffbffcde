/* test_summary.c - the two-sided summaries read from positioned text, each
 * fixture lines of gongkai-extract's output of a real page:
 *   summary-sparse.x     福州市生态环境局 表4 (p. 10): a figure on one line in
 *                        five. */
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

Test(summary, sparse_figures_one_row_per_line, .fini = done)
{
	const gk_table *t = read_fixture("summary-sparse.x", "fiscal_appropriation_summary");
	/* each printed line is a row, its figure beside it */
	expect(t, "收入", "一、一般公共预算拨款收入", 0, "total", "1369.27");
	expect(t, "收入", "二、政府性基金预算拨款收入", 0, "total", "");
	expect(t, "支出", "七、文化旅游体育与传媒支出", 0, "total", "");
	expect(t, "支出", "八、社会保障和就业支出", 0, "total", "177.58");
	expect(t, "支出", "十、节能环保支出", 0, "total", "1061.72");
	expect(t, "支出", "十九、住房保障支出", 0, "total", "129.97");
	expect(t, "支出", "支出合计", 0, "total", "1369.27");
}
