/* test_wrapcells.c - labels wrapped in their cell, centred on the row's
 * numbers, and header lines printed again over a continued table: which
 * line belongs to which row (issue 11, 福州生态环境局 and 广州气象局).
 * Each stream is cut from a real PDF of tests/real/pdf as gongkai-extract
 * gives it, keeping only some of the lines and columns. */
#include <criterion/criterion.h>
#include <string.h>

#include "../../lib/table.h"
#include "fixture.h"

/* the row whose column key reads value (-1: none) */
static int row_of(const gk_table *t, const char *key, const char *value)
{
	for (int i = 0; i < t->nrow; i++)
		if (!strcmp(gk_table_get(t, i, key), value))
			return i;
	return -1;
}

#define EXPECT(t, row, col, want) cr_expect_str_eq(gk_table_get(t, row, col), want, "row %d %s", row, col)

/* 福州生态环境局 二、收入预算总表 (p. 8): the unit's name is wrapped over
 * three lines centred on its numbers, the first of them one line under
 * the 合计 row.  合计 is a whole label: the line under it starts the next
 * row's name, it does not continue 合计. */
Test(wrapcells, nothing_wraps_under_a_total)
{
	gk_result *r = normalize_stream(
		"%gongkai-extract 1\nP\t1\t841.92\t595.32\n"
		"L\t1\t69.14\t88.15\t15.96\tpos\t339.29,502.47,2026 年度收入预算总表\n"
		"L\t1\t92.06\t103.10\t11.04\tpos\t744.46,799.54,单位：万元\n"
		"L\t1\t107.30\t118.34\t11.04\tpos\t176.54,220.70,一般公共\t239.66,283.82,政府性基\t302.69,346.85,国有资本\t"
		"365.81,409.97,财政专户\n"
		"L\t1\t115.10\t126.14\t11.04\tpos\t492.07,536.23,事业单位\t555.19,599.35,上级补助\t618.19,662.35,附属单位\t"
		"744.46,788.62,上年结转\n"
		"L\t1\t122.90\t133.94\t11.04\tpos\t50.28,94.44,单位名称\t124.46,146.54,合计\t176.54,220.70,预算拨款\t"
		"239.66,283.82,金预算拨\t302.69,346.85,经营预算\t365.81,409.97,管理资金\t428.93,473.09,事业收入\t"
		"681.34,725.50,其他收入\n"
		"L\t1\t130.70\t141.74\t11.04\tpos\t492.07,536.23,经营收入\t566.23,588.31,收入\t618.19,662.35,上缴收入\t"
		"755.50,777.58,结余\n"
		"L\t1\t138.50\t149.54\t11.04\tpos\t187.58,209.66,收入\t245.18,278.30,款收入\t302.69,346.85,拨款收入\t"
		"376.85,398.93,收入\n"
		"L\t1\t154.70\t165.74\t11.04\tpos\t61.32,83.40,合计\t122.90,161.65,1369.27\t186.02,224.77,1369.27\t"
		"265.70,287.89,0.00\t328.73,350.92,0.00\t391.85,414.04,0.00\t454.97,477.16,0.00\t518.11,540.30,0.00\t"
		"581.23,603.42,0.00\t644.23,666.42,0.00\t707.38,729.57,0.00\t770.50,792.69,0.00\n"
		"L\t1\t171.69\t180.69\t9.00\tpos\t49.80,94.80,福州经济技\n"
		"L\t1\t187.32\t196.32\t9.00\tpos\t49.80,94.80,术开发区生\t119.66,151.25,1369.27\t193.22,224.81,1369.27\n"
		"L\t1\t202.92\t211.92\t9.00\tpos\t54.36,90.36,态环境局\n"
		"%end\n",
		"wrapcells");
	const gk_table *t = fixture_table(r, "revenue_by_unit");
	cr_assert_eq(t->nrow, 2, "%d rows", t->nrow);
	EXPECT(t, 0, "unit_name", "合计");
	EXPECT(t, 0, "total", "1369.27");
	EXPECT(t, 0, "carryover_total", "0.00");
	EXPECT(t, 1, "unit_name", "福州经济技术开发区生态环境局");
	EXPECT(t, 1, "total", "1369.27");
	EXPECT(t, 1, "general_budget", "1369.27");
	gk_result_drop(r);
}

/* 广州气象局 表12 (pp. 22-24): each continued page prints the header
 * again, its first line the lone group word 财政拨款 over the header's
 * other lines.  It is a header line, not the end of the last row of the
 * page before (the unit 广州市气象综合保障中心, whose projects then carry
 * its name). */
Test(wrapcells, a_lone_header_word_repeated_over_a_page)
{
	gk_result *r = normalize_file("tests/fixtures/pdf/centred-labels.x", "wrapcells");
	const gk_table *t = fixture_table(r, "project_expenditure");
	int u = row_of(t, "unit_name", "广州市气象综合保障中心");
	cr_assert(u >= 0, "no unit row 广州市气象综合保障中心");
	EXPECT(t, u, "project_name", "");
	EXPECT(t, u, "total", "797.94");
	cr_expect_eq(row_of(t, "project_name", "广州市气象综合保障中心财政拨款"), -1);
	int p = row_of(t, "project_name", "广州市突发预警信息发布服务工作经费");
	cr_assert(p > u);
	EXPECT(t, p, "unit_name", "广州市气象综合保障中心");
	EXPECT(t, p, "total", "97.00");
	gk_result_drop(r);
}

/* 广州气象局 表12 (p. 24): two project names of three lines each, the
 * numbers on the middle line, one line pitch apart: 广州市气象综合保障中
 * is the first line of the second name (centred on 568.42), not the
 * fourth of the first (centred on 18.52). */
Test(wrapcells, three_line_names_centred_on_their_numbers)
{
	gk_result *r = normalize_file("tests/fixtures/pdf/centred-labels.x", "wrapcells");
	const gk_table *t = fixture_table(r, "project_expenditure");
	int a = row_of(t, "project_name", "广州市突发事件预警信息发布中心2025年-2026年信息化运维项目");
	int b = row_of(t, "project_name", "广州市气象综合保障中心2026年-2027年信息化运维项目");
	cr_assert(a >= 0 && b >= 0, "rows %d %d", a, b);
	EXPECT(t, a, "total", "18.52");
	EXPECT(t, b, "total", "568.42");
	EXPECT(t, b, "general_budget", "568.42");
	gk_result_drop(r);
}
