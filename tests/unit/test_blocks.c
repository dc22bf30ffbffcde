/* test_blocks.c - a 决算 basic-expenditure table printed as side-by-side
 * blocks (人员经费: 科目代码 科目名称 决算数 | 公用经费: the same, twice):
 * one row per code, its figure the total and, by the block's group head,
 * the personnel or public figure; the group totals printed on the last
 * line make the 合计 row.  Fixture: page 12 of 国家信访局 2024年度部门决算
 * as gongkai-extract writes it. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/ptext.h"
#include "../../lib/rules.h"
#include "../../lib/table.h"
#include "../../normalize/normalize.h"
#include "fixture.h"

static int row_of(const gk_table *t, const char *code)
{
	for (int i = 0; i < t->nrow; i++)
		if (!strcmp(gk_table_get(t, i, "econ_code"), code))
			return i;
	return -1;
}

static void expect(const gk_table *t, const char *code, const char *name, const char *total, const char *personnel,
                   const char *public)
{
	int i = row_of(t, code);
	cr_assert_geq(i, 0, "no row %s", code);
	for (int j = i + 1; j < t->nrow; j++)
		cr_assert_str_neq(gk_table_get(t, j, "econ_code"), code, "%s twice", code);
	cr_assert_str_eq(gk_table_get(t, i, "econ_name"), name, "%s", code);
	cr_assert_str_eq(gk_table_get(t, i, "total"), total, "%s", code);
	cr_assert_str_eq(gk_table_get(t, i, "personnel"), personnel, "%s", code);
	cr_assert_str_eq(gk_table_get(t, i, "public"), public, "%s", code);
}

Test(blocks, side_by_side_basic_table)
{
	gk_result *r = normalize_file("tests/fixtures/pdf/side-blocks.x", "blocks");
	gk_table *t = gk_result_find(r, "general_budget_basic_expenditure");
	cr_assert_not_null(t);
	/* 合计, 301..30399 (27), 302..30299 (28), 307 (3), 310 (17), 399 (6) */
	cr_assert_eq(t->nrow, 82, "%d rows", t->nrow);
	/* the 合计 row: the two group totals and the whole they make */
	cr_assert_str_eq(gk_table_get(t, 0, "econ_name"), "合计");
	cr_assert_str_eq(gk_table_get(t, 0, "personnel"), "7967.72");
	cr_assert_str_eq(gk_table_get(t, 0, "public"), "2266.65");
	cr_assert_str_eq(gk_table_get(t, 0, "total"), "10234.37");
	for (int i = 1; i < t->nrow; i++) {
		cr_assert_str_neq(gk_table_get(t, i, "econ_code"), "", "row %d has no code", i);
		cr_assert_eq(strstr(gk_table_get(t, i, "econ_name"), "合计"), NULL, "row %d", i);
	}
	/* the first block: 人员经费 */
	expect(t, "301", "工资福利支出", "6982.75", "6982.75", "");
	expect(t, "30103", "奖金", "143.61", "143.61", "");
	expect(t, "30106", "伙食补助费", "", "", "");
	expect(t, "30399", "其他对个人和家庭的补助", "34.04", "34.04", "");
	/* the second: 公用经费, though its head is centred over the third */
	expect(t, "302", "商品和服务支出", "2239.41", "", "2239.41");
	expect(t, "30299", "其他商品和服务支出", "484.52", "", "484.52");
	/* the third, on the lines of the first two */
	expect(t, "310", "资本性支出", "27.24", "", "27.24");
	expect(t, "31099", "其他资本性支出", "2.58", "", "2.58");
	expect(t, "39908", "对民间非营利组织和群众性自治组织补贴", "", "", "");
	/* block by block: 303 comes before 302, 310 after 30299 */
	cr_assert_lt(row_of(t, "30399"), row_of(t, "302"));
	cr_assert_lt(row_of(t, "30299"), row_of(t, "310"));
	cr_assert_eq(gk_table_col(t, "x_科目代决算数码"), -1);
	gk_result_drop(r);
}

/* The same table with broken font metrics (上海市普陀区财政局 2024年度部门决算,
 * page 16): each amount is drawn in a box three text lines tall that
 * spans its row — the code line above the box's centre, the name line
 * below it — while the text lines are slivers; pdftotext -layout prints
 * every amount a line above its code.  The amounts' boxes are the rows:
 * each code keeps its own amount, in both blocks (no group heads on this
 * page: the total column only). */
Test(blocks, amounts_spanning_their_rows)
{
	gk_result *r = normalize_file("tests/fixtures/pdf/tall-amounts.x", "tall");
	gk_table *t = gk_result_find(r, "general_budget_basic_expenditure");
	cr_assert_not_null(t);
	/* 301..30399 as printed on the page (19), 302..30224 (19) */
	static const char *const want[][3] = {
	    {"301", "工资福利支出", "2082.85"},
	    {"30101", "基本工资", "262.33"},
	    {"30102", "津贴补贴", "1238.58"},
	    {"30103", "奖金", ""},
	    {"30106", "伙食补助费", ""},
	    {"30107", "绩效工资", ""},
	    {"30108", "机关事业单位基本养老保险缴费", "160.75"},
	    {"30109", "职业年金缴费", "80.38"},
	    {"30110", "职工基本医疗保险缴费", "60.99"},
	    {"30111", "公务员医疗补助缴费", ""},
	    {"30112", "其他社会保障缴费", "1.61"},
	    {"30113", "住房公积金", "187.19"},
	    {"30114", "医疗费", ""},
	    {"30199", "其他工资福利支出", "91.03"},
	    {"303", "对个人和家庭的补助", "69.41"},
	    {"30301", "离休费", ""},
	    {"30302", "退休费", "69.10"},
	    {"30303", "退职（役）费", ""},
	    {"30304", "抚恤金", ""},
	    {"302", "商品和服务支出", "171.07"},
	    {"30201", "办公费", "21.21"},
	    {"30202", "印刷费", "7.61"},
	    {"30203", "咨询费", ""},
	    {"30204", "手续费", "0.09"},
	    {"30205", "水费", ""},
	    {"30206", "电费", ""},
	    {"30207", "邮电费", "4.88"},
	    {"30208", "取暖费", ""},
	    {"30209", "物业管理费", ""},
	    {"30211", "差旅费", "1.20"},
	    {"30212", "因公出国（境）费用", ""},
	    {"30213", "维修（护）费", "2.83"},
	    {"30214", "租赁费", ""},
	    {"30215", "会议费", ""},
	    {"30216", "培训费", "4.05"},
	    {"30217", "公务接待费", ""},
	    {"30218", "专用材料费", ""},
	    {"30224", "被装购置费", ""},
	};
	int n = (int)(sizeof want / sizeof want[0]);
	cr_assert_eq(t->nrow, n, "%d rows", t->nrow);
	for (int k = 0; k < n; k++) {
		/* block by block, top to bottom */
		cr_assert_str_eq(gk_table_get(t, k, "econ_code"), want[k][0], "row %d", k);
		expect(t, want[k][0], want[k][1], want[k][2], "", "");
	}
	gk_result_drop(r);
}

/* Rows without amounts one under another (普陀区财政局 2024决算, a re-typeset
 * copy, page 13: 303 03 退职（役）费 | 302 18 专用材料费, then 303 04, 303 05):
 * each name is printed right of its own codes, so it is a row of its own,
 * not the wrapped end of the name above. */
Test(blocks, keyed_rows_are_not_wraps)
{
	gk_result *r = normalize_file("tests/fixtures/pdf/keyed-rows.x", "keyed");
	gk_table *t = gk_result_find(r, "general_budget_basic_expenditure");
	cr_assert_not_null(t);
	expect(t, "30302", "退休费", "69.10", "", "");
	expect(t, "30303", "退职（役）费", "", "", "");
	expect(t, "30304", "抚恤金", "", "", "");
	expect(t, "30305", "生活补助", "", "", "");
	expect(t, "30307", "医疗费补助", "", "", "");
	expect(t, "30309", "奖励金", "0.31", "", "");
	expect(t, "302", "商品和服务支出", "171.07", "", "");
	expect(t, "30218", "专用材料费", "", "", "");
	expect(t, "30224", "被装购置费", "", "", "");
	expect(t, "30225", "专用燃料费", "", "", "");
	expect(t, "30226", "劳务费", "2.01", "", "");
	expect(t, "30229", "福利费", "42.77", "", "");
	expect(t, "31002", "办公设备购置", "13.58", "", "");
	gk_result_drop(r);
}
