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
#include "fixture.h"

static gk_result *run(const char *text)
{
	return normalize_stream(text, "rows");
}

static const gk_table *table(const gk_result *r, const char *id)
{
	return fixture_table(r, id);
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

/* 湖州 表10: each project row begins with its unit's name, in a column
 * of its own (its unit_name, not part of the project's) */
Test(rows, unit_name_column_of_a_project_table)
{
	gk_result *r = run(huzhou_projects);
	const gk_table *t = table(r, "project_expenditure");
	cr_assert_eq(t->nrow, 3, "%d rows", t->nrow);
	EXPECT(t, 0, "project_name", "合计");
	EXPECT(t, 0, "total", "4651.90");
	EXPECT(t, 0, "general_budget", "4368.60");
	EXPECT(t, 0, "unit_funds", "283.30");
	EXPECT(t, 0, "special_account", "");
	EXPECT(t, 1, "project_name", "移交安置与思想政治权益维护");
	EXPECT(t, 1, "unit_name", "湖州市退役军人事务局");
	EXPECT(t, 2, "project_name", "军休服务管理");
	EXPECT(t, 2, "unit_name", "湖州市军队离休退休干部休养所");
	EXPECT(t, 2, "unit_funds", "253.30");
	gk_result_drop(r);
}

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

/* 深圳信访局 表5 (p. 23): 单位资金 is printed no wider than its words,
 * over the middle one of its five columns (事业收入 … 其他收入): it heads
 * all five, parts of unit_funds kept as x_, none of them unit_funds
 * itself; 财政专户 over 管理资金 is one column's words, no group.  The
 * projects under the unit row carry its name (filled down). */
Test(rows, group_header_over_the_middle_of_its_columns)
{
	gk_result *r = run(
		"%gongkai-extract 1\nP\t1\t1077.15\t595.30\n"
		"L\t1\t116.57\t128.57\t12.00\tpos\t501.33,573.57,项目支出总表\n"
		"L\t1\t139.11\t149.11\t10.00\tpos\t29.50,139.50,部门名称：深圳市信访局\t995.45,1045.45,单位：万元\n"
		"L\t1\t183.21\t193.21\t10.00\tpos\t298.95,338.95,财政拨款\t699.20,739.20,单位资金\n"
		"L\t1\t188.03\t201.26\t10.00\tpos\t59.30,119.30:188.03:198.03,支出项目类别\t437.70,477.70:191.26:201.26,财政专户\n"
		"L\t1\t199.06\t212.28\t10.00\tpos\t159.90,179.90:199.06:209.06,总计\t225.55,265.55:202.28:212.28,一般公共\t"
		"284.65,344.65:202.28:212.28,政府性基金预\t358.05,418.05:202.28:212.28,国有资本经营\t"
		"597.90,637.90:202.28:212.28,事业单位\t698.12,738.12:202.28:212.28,上级补助\t797.80,837.80:202.28:212.28,附属单位\n"
		"L\t1\t206.86\t220.08\t10.00\tpos\t437.70,477.70:206.86:216.86,管理资金\t510.02,550.02:210.08:220.08,事业收入\t"
		"886.75,926.75:210.08:220.08,其他收入\n"
		"L\t1\t217.88\t227.88\t10.00\tpos\t225.55,265.55,预算拨款\t299.65,329.65,算拨款\t368.05,408.05,预算拨款\t"
		"597.90,637.90,经营收入\t708.12,728.12,收入\t797.80,837.80,上缴收入\n"
		"L\t1\t236.96\t246.96\t10.00\tpos\t29.50,89.50,深圳市信访局\t166.95,206.95,1,612.29\t233.35,273.35,1,604.95\t"
		"325.15,345.15,0.00\t400.15,420.15,0.00\t464.45,484.45,0.00\t544.80,564.80,0.00\t640.20,660.20,0.00\t"
		"745.25,765.25,0.00\t839.55,859.55,0.00\t923.15,943.15,7.34\n"
		"L\t1\t259.01\t269.01\t10.00\tpos\t49.50,109.50,社工服务项目\t176.95,206.95,498.82\t243.35,273.35,498.82\t"
		"325.15,345.15,0.00\t400.15,420.15,0.00\t464.45,484.45,0.00\t544.80,564.80,0.00\t640.20,660.20,0.00\t"
		"745.25,765.25,0.00\t839.55,859.55,0.00\t923.15,943.15,0.00\n"
		"L\t1\t281.06\t291.06\t10.00\tpos\t49.50,109.50,信访大厅运行\t176.95,206.95,603.84\t243.35,273.35,596.94\t"
		"325.15,345.15,0.00\t400.15,420.15,0.00\t464.45,484.45,0.00\t544.80,564.80,0.00\t640.20,660.20,0.00\t"
		"745.25,765.25,0.00\t839.55,859.55,0.00\t923.15,943.15,6.90\n"
		"%end\n");
	const gk_table *t = table(r, "project_expenditure");
	cr_assert_eq(t->nrow, 3, "%d rows", t->nrow);
	EXPECT(t, 0, "unit_name", "深圳市信访局");
	EXPECT(t, 0, "total", "1612.29");
	EXPECT(t, 0, "general_budget", "1604.95");
	EXPECT(t, 0, "special_account", "0.00");
	EXPECT(t, 0, "unit_funds", "");
	EXPECT(t, 0, "x_单位资金其他收入", "7.34");
	EXPECT(t, 0, "x_单位资金上级补助收入", "0.00");
	EXPECT(t, 2, "project_name", "信访大厅运行");
	EXPECT(t, 2, "unit_name", "深圳市信访局");
	EXPECT(t, 2, "x_单位资金其他收入", "6.90");
	gk_result_drop(r);
}

/* 国家信访局 收入决算表 (p. 8): 附属单位上缴收入 holds no figure; its
 * words are not those of 其他收入 to its right, where 878.44 stands */
Test(rows, words_over_an_empty_column_stay_there)
{
	gk_result *r = run(
		"%gongkai-extract 1\nP\t1\t842.00\t595.35\n"
		"L\t1\t46.06\t60.32\t14.05\tpos\t386.04,456.13,收入决算表\n"
		"L\t1\t85.70\t95.68\t9.95\tpos\t52.44,132.35,部门：国家信访局\t725.88,792.23,金额单位：万元\n"
		"L\t1\t99.14\t109.12\t9.95\tpos\t182.64,202.55,项目\n"
		"L\t1\t113.06\t123.04\t9.95\tpos\t345.96,395.87,本年收入合\t411.60,461.51,财政拨款收\t477.24,527.15,上级补助收\t"
		"673.44,713.39,附属单位\n"
		"L\t1\t119.54\t129.52\t9.95\tpos\t547.92,587.87,事业收入\t613.56,653.51,经营收入\t739.08,779.03,其他收入\n"
		"L\t1\t126.02\t136.24\t9.95\tpos\t56.40,96.35,科目代码\t201.84,241.79,科目名称\t366.00,375.95,计\t"
		"431.64,441.59,入\t497.28,507.23,入\t673.44,713.39,上缴收入\n"
		"L\t1\t153.38\t163.36\t9.95\tpos\t182.64,202.55,栏次\t368.52,373.50,1\t434.16,439.13,2\t499.80,504.78,3\t"
		"565.44,570.42,4\t631.08,636.06,5\t690.96,695.93,6\t756.60,761.58,7\n"
		"L\t1\t166.94\t176.92\t9.95\tpos\t182.64,202.55,合计\t353.04,398.33,20,451.35\t418.80,464.09,19,572.91\t"
		"762.12,792.29,878.44\n"
		"L\t1\t180.50\t190.48\t9.95\tpos\t52.44,67.49,201\t111.00,190.91,一般公共服务支出\t353.40,398.45,16,770.89\t"
		"419.04,464.09,15,892.45\t762.36,792.41,878.44\n"
		"%end\n");
	const gk_table *t = table(r, "revenue_by_unit");
	cr_assert_eq(t->nrow, 2, "%d rows", t->nrow);
	EXPECT(t, 0, "total", "20451.35");
	EXPECT(t, 0, "other_income", "878.44");
	EXPECT(t, 0, "affiliated_remit", "");
	EXPECT(t, 1, "func_code", "201");
	EXPECT(t, 1, "other_income", "878.44");
	gk_result_drop(r);
}

/* 湖州 表10: 财政专户管理资金 holds no figure; 283.30 stands under 单位资金 */
Test(rows, words_over_an_empty_column_stay_there_too)
{
	gk_result *r = run(huzhou_projects);
	const gk_table *t = table(r, "project_expenditure");
	int tot = row_of(t, "project_name", "合计");
	cr_assert(tot >= 0);
	EXPECT(t, tot, "unit_funds", "283.30");
	EXPECT(t, tot, "special_account", "");
	gk_result_drop(r);
}

/* 杭州气象 表2 (p. 16): unit names wrapped above and below their amount
 * line, set two heights apart (杭州市气象 / [figures] / 局, and a five-line
 * cell centred on its figures): each is one unit again.  In the header,
 * 本年收入 is centred over 小计 … 其他收入 (a group), 事业单 over 位经营
 * over 收入 is one column's words (no group). */
Test(rows, labels_wrapped_above_and_below_their_figures)
{
	gk_result *r = run(
		"%gongkai-extract 1\nP\t1\t841.90\t595.30\n"
		"L\t1\t41.76\t61.76\t20.00\tpos\t265.95,575.95,表2：2026年市级部门收入预算总表\n"
		"L\t1\t69.84\t80.34\t10.50\tpos\t15.00,130.50,部门名称：杭州市气象局\t774.30,826.80,单位：万元\n"
		"L\t1\t87.17\t95.17\t8.00\tpos\t337.83,369.83,本年收入\t680.95,728.95,上年结转结余\n"
		"L\t1\t103.27\t111.27\t8.00\tpos\t299.98,323.98,国有资\t340.52,364.52,财政专\t421.63,445.63,事业单\t"
		"670.88,694.88,政府性\t757.40,781.40,财政专\n"
		"L\t1\t110.82\t119.07\t8.00\tpos\t24.20,56.20,单位名称\t92.38,108.38,总计\t200.02,232.02,一般公共\t"
		"251.22,283.22,政府性基\t462.17,486.17,上级补\t498.73,530.73,附属单位\t548.35,564.35,其他\t"
		"628.93,652.93,一般公\t710.25,742.25,国有资本\t799.07,823.07,单位资\n"
		"L\t1\t118.87\t126.87\t8.00\tpos\t151.62,167.62,小计\t299.98,323.98,本经营\t340.52,364.52,户管理\t"
		"377.08,409.08,事业收入\t421.63,445.63,位经营\t590.72,606.72,小计\t670.88,694.88,基金预\t757.40,781.40,户管理\n"
		"L\t1\t126.67\t134.67\t8.00\tpos\t208.02,224.02,预算\t255.22,279.22,金预算\t462.17,486.17,助收入\t"
		"498.73,530.73,上缴收入\t548.35,564.35,收入\t628.93,652.93,共预算\t710.25,742.25,经营预算\t807.07,815.07,金\n"
		"L\t1\t134.47\t142.47\t8.00\tpos\t303.98,319.98,预算\t344.52,360.52,资金\t425.63,441.63,收入\t"
		"678.88,686.88,算\t761.40,777.40,资金\n"
		"L\t1\t173.16\t181.16\t8.00\tpos\t15.00,31.00,合计\t92.55,124.55,5,876.67\t151.90,183.90,5,876.67\t"
		"205.35,237.35,5,753.07\t550.85,574.85,123.61\n"
		"L\t1\t195.76\t203.76\t8.00\tpos\t15.00,63.00,杭州市气象局\t92.55,124.55,5,876.67\t151.90,183.90,5,876.67\t"
		"205.35,237.35,5,753.07\t550.85,574.85,123.61\n"
		"L\t1\t211.87\t219.87\t8.00\tpos\t23.00,63.00,杭州市气象\n"
		"L\t1\t219.67\t227.67\t8.00\tpos\t92.55,124.55,5,011.05\t151.90,183.90,5,011.05\t205.35,237.35,4,916.13\t"
		"554.85,574.85,94.92\n"
		"L\t1\t227.47\t235.47\t8.00\tpos\t15.00,23.00,局\n"
		"L\t1\t243.57\t251.57\t8.00\tpos\t23.00,63.00,杭州市气象\n"
		"L\t1\t259.17\t267.17\t8.00\tpos\t15.00,63.00,服务中心（杭\n"
		"L\t1\t266.97\t274.97\t8.00\tpos\t100.55,124.55,865.62\t159.90,183.90,865.62\t213.35,237.35,836.93\t"
		"554.85,574.85,28.69\n"
		"L\t1\t274.77\t282.77\t8.00\tpos\t15.00,63.00,州市预警信息\n"
		"L\t1\t290.36\t298.36\t8.00\tpos\t15.00,55.00,发布中心）\n"
		"%end\n");
	const gk_table *t = table(r, "revenue_by_unit");
	cr_assert_eq(t->nrow, 4, "%d rows", t->nrow);
	EXPECT(t, 2, "unit_name", "杭州市气象局");
	EXPECT(t, 2, "total", "5011.05");
	EXPECT(t, 2, "current_total", "5011.05");
	EXPECT(t, 2, "general_budget", "4916.13");
	EXPECT(t, 2, "other_income", "94.92");
	EXPECT(t, 3, "unit_name", "杭州市气象服务中心（杭州市预警信息发布中心）");
	EXPECT(t, 3, "general_budget", "836.93");
	EXPECT(t, 3, "other_income", "28.69");
	gk_result_drop(r);
}

/* 广州气象 表6 (p. 14): one amount column headed 预算 is the total */
Test(rows, a_single_column_headed_budget_is_the_total)
{
	gk_result *r = run("%gongkai-extract 1\nP\t1\t841.89\t595.28\n"
	                   "L\t1\t77.85\t90.85\t13.01\tpos\t276.86,563.08,一般公共预算基本支出情况表（按经济分类科目）\n"
	                   "L\t1\t106.73\t118.72\t12.00\tpos\t42.00,174.00,单位名称：广州市气象局\t738.00,798.00,单位：万元\n"
	                   "L\t1\t124.00\t134.00\t10.01\tpos\t181.13,281.23,部门预算支出经济科目\t598.80,618.82,预算\n"
	                   "L\t1\t140.35\t150.35\t10.01\tpos\t218.66,238.68,合计\t757.20,797.24,6,146.33\n"
	                   "L\t1\t156.70\t166.70\t10.01\tpos\t47.78,132.87,[301]工资福利支出\t757.20,797.24,5,201.43\n"
	                   "L\t1\t173.05\t183.05\t10.01\tpos\t57.79,132.86,[30101]基本工资\t767.21,797.24,726.63\n"
	                   "%end\n");
	const gk_table *t = table(r, "general_budget_basic_expenditure");
	cr_assert_eq(t->nrow, 3, "%d rows", t->nrow);
	EXPECT(t, 0, "total", "6146.33");
	EXPECT(t, 2, "econ_code", "30101");
	EXPECT(t, 2, "total", "726.63");
	cr_expect_eq(gk_table_col(t, "x_预算"), -1);
	gk_result_drop(r);
}

/* 福州商务局 表3 (pp. 13-15): a bare page number centred in the bottom
 * margin (10, 11) is neither a unit code nor a row; the next page's
 * section heading is no row either */
Test(rows, bare_page_numbers_are_no_rows)
{
	gk_result *r = run(
		"%gongkai-extract 1\nP\t1\t841.90\t595.30\nP\t2\t841.90\t595.30\nP\t3\t841.90\t595.30\n"
		"L\t1\t35.05\t52.79\t15.95\tpos\t42.48,170.87,三、支出预算总表\n"
		"L\t1\t65.78\t84.46\t15.95\tpos\t338.52,502.43,2026 年度支出预算总表\n"
		"L\t1\t92.94\t105.22\t11.05\tpos\t744.36,799.45,单位：万元\n"
		"L\t1\t131.22\t143.50\t11.05\tpos\t44.28,88.45,科目编码\t180.12,224.29,科目名称\t343.44,365.41,合计\t"
		"420.36,464.53,基本支出\t503.40,547.57,项目支出\n"
		"L\t1\t182.94\t195.22\t11.05\tpos\t162.00,184.09,合计\t353.28,394.44,24995.94\t443.76,479.40,3861.25\t"
		"519.24,560.40,21134.69\n"
		"L\t1\t518.36\t528.37\t9.00\tpos\t59.52,72.90,221\t175.20,229.20,住房保障支出\t369.72,394.38,464.69\t"
		"454.80,479.46,464.69\n"
		"L\t1\t534.44\t544.45\t9.00\tpos\t54.96,77.34,22102\t175.20,229.20,住房改革支出\t369.72,394.38,464.69\t"
		"454.80,479.46,464.69\n"
		"L\t1\t560.52\t575.77\t9.00\tpos\t415.20,426.56,10\n"
		"L\t2\t31.64\t41.65\t9.00\tpos\t50.52,81.90,2210201\t179.64,224.64,住房公积金\t369.72,394.38,247.25\t"
		"454.80,479.46,247.25\n"
		"L\t2\t47.72\t57.73\t9.00\tpos\t50.52,81.90,2210202\t184.20,220.20,提租补贴\t374.28,394.38,43.77\t"
		"459.24,479.46,43.77\n"
		"L\t2\t63.80\t73.81\t9.00\tpos\t50.52,81.90,2210203\t184.20,220.20,购房补贴\t369.72,394.38,173.67\t"
		"454.80,479.46,173.67\n"
		"L\t2\t560.52\t575.77\t9.00\tpos\t415.20,426.56,11\n"
		"L\t3\t78.73\t96.47\t15.95\tpos\t85.08,277.67,四、财政拨款收支预算总表\n"
		"%end\n");
	const gk_table *t = table(r, "expenditure_by_function");
	cr_assert_eq(t->nrow, 6, "%d rows", t->nrow);
	for (int i = 0; i < t->nrow; i++)
		cr_expect_str_eq(gk_table_get(t, i, "unit_code"), "", "row %d", i);
	EXPECT(t, 5, "func_code", "2210203");
	EXPECT(t, 5, "total", "173.67");
	EXPECT(t, 5, "name", "购房补贴");
	gk_result_drop(r);
}

/* 西安应急 表5 (p. 7): 款 printed alone under their 类 (05 under 208),
 * the 项 with their whole code (2080505): a lone code is a 款 */
Test(rows, lone_kuan_codes_in_a_table_of_whole_codes)
{
	gk_result *r = run(
		"%gongkai-extract 1\nP\t1\t841.89\t595.28\n"
		"L\t1\t61.19\t77.15\t15.96\tpos\t171.14,669.67,2019年部门综合预算一般公共预算支出明细表（按支出功能分类科目）\n"
		"L\t1\t87.33\t96.33\t9.00\tpos\t708.70,753.70,单位：万元\n"
		"L\t1\t104.74\t114.70\t9.96\tpos\t139.46,199.82,功能科目编码\t289.61,349.97,功能科目名称\t417.67,437.71,合计\t"
		"477.31,537.67,人员经费支出\t554.11,614.47,公用经费支出\n"
		"L\t1\t188.16\t197.16\t9.00\tpos\t162.50,176.12,208\t254.57,335.57,社会保障和就业支出\t439.87,467.17,115.11\t"
		"521.23,543.97,83.06\t598.06,620.80,32.05\n"
		"L\t1\t208.44\t217.44\t9.00\tpos\t164.78,173.84,05\t254.57,335.57,行政事业单位离退休\t439.87,467.17,113.28\t"
		"521.23,543.97,81.23\t598.06,620.80,32.05\n"
		"L\t1\t253.34\t262.34\t9.00\tpos\t153.38,185.24,2080506\t254.57,380.57,机关事业单位职业年金缴费支出\t"
		"444.43,467.17,32.05\t598.06,620.80,32.05\n"
		"L\t1\t273.62\t282.62\t9.00\tpos\t164.78,173.84,99\t254.57,353.57,其他社会保障和就业支出\t448.99,467.17,1.83\t"
		"525.79,543.97,1.83\n"
		"L\t1\t293.90\t302.90\t9.00\tpos\t153.38,185.24,2089901\t254.57,353.57,其他社会保障和就业支出\t"
		"448.99,467.17,1.83\t525.79,543.97,1.83\n"
		"%end\n");
	const gk_table *t = table(r, "general_budget_expenditure");
	cr_assert_eq(t->nrow, 5, "%d rows", t->nrow);
	EXPECT(t, 1, "func_code", "20805");
	EXPECT(t, 1, "name", "行政事业单位离退休");
	EXPECT(t, 3, "func_code", "20899");
	EXPECT(t, 3, "total", "1.83");
	gk_result_drop(r);
}

/* 烟台统计局 公开表2 (p. 9): the page's first row centres its label on
 * its figures (其他行政事业单位养老支 above them, 出 below): the label's
 * first line is the row's, not the header's.  财政拨款收入 小计 names no
 * column of the contract: a subtotal of some, kept as x_. */
Test(rows, first_row_label_above_its_figures_is_no_header)
{
	gk_result *r = run(
		"%gongkai-extract 1\nP\t1\t842.00\t595.00\n"
		"L\t1\t79.53\t92.72\t13.20\tpos\t396.02,488.42,收入总体情况表\n"
		"L\t1\t99.61\t111.03\t8.48\tpos\t16.43,126.67:99.61:108.08,部门（单位）：烟台市统计局\t783.14,825.54:102.56:111.03,单位：万元\n"
		"L\t1\t118.00\t126.47\t8.48\tpos\t29.28,63.20,科目编码\t307.16,358.04,财政拨款收入\n"
		"L\t1\t130.73\t139.20\t8.48\tpos\t488.88,522.80,事业收入\n"
		"L\t1\t134.97\t143.44\t8.48\tpos\t435.14,477.54,财政专户管\t534.13,576.53,事业单位经\n"
		"L\t1\t139.21\t147.68\t8.48\tpos\t114.13,148.05,科目名称\t200.39,217.35,合计\t484.64,527.04,（不含教育\t"
		"587.87,621.79,其他收入\n"
		"L\t1\t143.45\t152.63\t8.48\tpos\t286.66,328.00,一般公共预\t337.00,378.00,政府性基金\t386.00,428.00,国有资本经\t"
		"435.14,477.54,理资金收入\t542.62,568.06,营收入\n"
		"L\t1\t147.70\t156.87\t8.48\tpos\t20.80,29.28,类\t42.01,50.49,款\t63.22,71.70,项\t249.89,266.85,小计\t"
		"493.12,518.56,收费）\n"
		"L\t1\t152.65\t161.12\t8.48\tpos\t295.14,320.58,算收入\t340.39,374.31,预算收入\t385.65,428.05,营预算收入\n"
		"L\t1\t176.78\t184.32\t7.54\tpos\t95.15,178.09,其他行政事业单位养老支\n"
		"L\t1\t180.55\t188.09\t7.54\tpos\t19.38,30.69,208\t42.01,50.49,05\t63.69,71.23,99\t216.54,231.62,2.24\t"
		"266.04,281.12,2.24\t315.53,330.61,2.24\n"
		"L\t1\t184.32\t191.86\t7.54\tpos\t80.07,87.61,出\n"
		"L\t1\t201.76\t209.30\t7.54\tpos\t19.38,30.69,210\t80.07,125.31,卫生健康支出\t209.00,231.62,102.63\t"
		"258.50,281.12,102.63\t307.99,330.61,102.63\n"
		"%end\n");
	const gk_table *t = table(r, "revenue_by_unit");
	cr_assert_eq(t->nrow, 2, "%d rows", t->nrow);
	EXPECT(t, 0, "func_code", "2080599");
	EXPECT(t, 0, "func_name", "其他行政事业单位养老支出");
	EXPECT(t, 0, "total", "2.24");
	EXPECT(t, 0, "general_budget", "2.24");
	EXPECT(t, 0, "x_财政拨款收入小计", "2.24");
	EXPECT(t, 1, "general_budget", "102.63");
	EXPECT(t, 1, "carryover_total", "");
	gk_result_drop(r);
}

/* 重庆气象 表三 (p. 9): the digits' boxes are drawn twice as tall as the
 * text's (amounts and codes 24 points, labels 11.5), so a label's centre
 * sits a few points off its figures' centre: still its row's label, not
 * a line wrapped from the rows around it */
Test(rows, labels_beside_tall_digit_boxes_stay_on_their_row)
{
	gk_result *r = run(
		"%gongkai-extract 1\nP\t1\t842.02\t595.34\n"
		"L\t1\t99.89\t143.74\t18.53\tpos\t296.06,540.88,2026 年部门支出总体情况表\n"
		"L\t1\t144.09\t155.25\t10.29\tpos\t74.15,189.23,单位名称:重庆市气象局\t716.23,768.43,单位:万元\n"
		"L\t1\t166.53\t178.09\t10.29\tpos\t101.32,143.04,科目编码\t292.57,365.74,科目名称\t519.05,550.30,总计\t"
		"607.35,649.08,基本支出\t700.90,742.62,项目支出\n"
		"L\t1\t205.92\t230.26\t10.29\tpos\t76.77,97.53,208\t175.74,269.87:209.20:220.76,社会保障和就业支出\t"
		"542.24,578.73,120.17\t635.78,672.27,120.17\n"
		"L\t1\t227.17\t251.51\t10.29\tpos\t87.25,118.49,20805\t186.22,290.83:230.45:242.01,行政事业单位养老支出\t"
		"542.24,578.73,120.17\t635.78,672.27,120.17\n"
		"L\t1\t248.42\t272.76\t10.29\tpos\t97.73,139.45,2080505\t196.70,364.18:251.70:263.26,机关事业单位基本养老保险缴费支出\t"
		"547.48,578.73,71.12\t641.02,672.27,71.12\n"
		"L\t1\t269.67\t294.01\t10.29\tpos\t97.73,139.45,2080506\t196.70,343.22:272.95:284.51,机关事业单位职业年金缴费支出\t"
		"547.48,578.73,35.56\t641.02,672.27,35.56\n"
		"%end\n");
	const gk_table *t = table(r, "expenditure_by_function");
	cr_assert_eq(t->nrow, 4, "%d rows", t->nrow);
	EXPECT(t, 0, "name", "社会保障和就业支出");
	EXPECT(t, 1, "name", "行政事业单位养老支出");
	EXPECT(t, 2, "name", "机关事业单位基本养老保险缴费支出");
	EXPECT(t, 3, "func_code", "2080506");
	EXPECT(t, 3, "name", "机关事业单位职业年金缴费支出");
	EXPECT(t, 3, "basic_total", "35.56");
	gk_result_drop(r);
}

/* 西安应急 表10 (p. 25): a column of notes (项目简介) right of the amounts,
 * its sentences printed beside the projects: no part of a project's name
 * and no prose ending the table; ** under the header marks no column */
Test(rows, a_column_of_notes_is_no_name_and_no_end)
{
	gk_result *r = run(
		"%gongkai-extract 1\nP\t1\t841.92\t595.32\n"
		"L\t1\t68.87\t84.83\t15.96\tpos\t263.57,553.16,2019年部门综合预算专项业务经费支出表\n"
		"L\t1\t106.77\t115.77\t9.00\tpos\t720.94,765.94,单位：万元\n"
		"L\t1\t123.96\t132.96\t9.00\tpos\t61.82,97.82,单位编码\t173.42,245.42,单位（项目）名称\t329.69,365.69,项目金额\t"
		"559.63,595.63,项目简介\n"
		"L\t1\t143.04\t152.04\t9.00\tpos\t75.62,84.68,**\t205.25,214.31,**\t343.49,352.55,**\t573.43,582.49,**\n"
		"L\t1\t161.76\t170.76\t9.00\tpos\t112.58,130.58,合计\t349.61,386.03,1,620.98\n"
		"L\t1\t205.20\t214.20\t9.00\tpos\t59.42,86.72,125001\t121.69,229.69,西安市安全生产监督管理局\t349.61,386.03,1,008.45\n"
		"L\t1\t238.08\t247.08\t9.00\tpos\t389.21,758.75,根据《安全生产法》、国务院[2010]23号令及省政府74号令的有关规定，贯彻落实中央关于“\n"
		"L\t1\t249.36\t258.36\t9.00\tpos\t389.21,758.21,安全第一，预防为主，综合治理”的工作方针，全面排除安全隐患，防止重特大事故的发生，\n"
		"L\t1\t271.94\t280.94\t9.00\tpos\t130.80,301.80,安全生产业务费（含聘请专家费用、许可证\t389.21,763.14,点企业、10个军工企业。\n"
		"L\t1\t283.22\t292.22\t9.00\tpos\t112.58,301.58,发放、标准化建设、隐患排查经费、安全发展城\t358.73,386.03,642.50\t"
		"389.21,762.87,余座、贸易企业296个进行全面的安全监督检查，防止安全事故的发生。\n"
		"L\t1\t294.50\t303.50\t9.00\tpos\t112.58,193.58,市、文化建设经费）\t389.21,758.21,在全市范围内开展安全生产监督检查。\n"
		"L\t1\t328.34\t337.34\t9.00\tpos\t389.21,560.53,政预算拨款642.50万元用于开展此项工作。\n"
		"L\t1\t405.17\t414.17\t9.00\tpos\t112.58,220.58,安全生产设备购置经费\t363.29,386.03,75.15\t389.21,758.21,为更好的开展安全生产监督管理工作。\n"
		"%end\n");
	const gk_table *t = table(r, "project_expenditure");
	cr_assert_eq(t->nrow, 4, "%d rows", t->nrow);
	EXPECT(t, 0, "total", "1620.98");
	EXPECT(t, 1, "unit_code", "125001");
	EXPECT(t, 1, "unit_name", "西安市安全生产监督管理局");
	EXPECT(t, 1, "project_name", "");
	EXPECT(t, 2, "project_name", "安全生产业务费（含聘请专家费用、许可证发放、标准化建设、隐患排查经费、安全发展城市、文化建设经费）");
	EXPECT(t, 2, "unit_name", "西安市安全生产监督管理局");
	EXPECT(t, 2, "total", "642.50");
	EXPECT(t, 3, "project_name", "安全生产设备购置经费");
	EXPECT(t, 3, "total", "75.15");
	gk_result_drop(r);
}

/* 长沙信访局 p.13 部门收入总体情况表: the group 本级财政拨款 (no fund
 * printed under it) over 金额 and 其中:经费拨款 is the general budget and
 * its appropriation; the empty 财政专户管理事业收入 column right of them
 * takes nothing */
Test(rows, own_level_appropriation_group)
{
	gk_result *r = run("%gongkai-extract 1\nP\t1\t841.89\t595.28\n"
	                   "L\t1\t36.53\t52.49\t15.98\tpos\t327.00,527.48,2026年部门收入总体情况表\n"
	                   "L\t1\t70.18\t80.15\t9.98\tpos\t35.25,142.73,部门名称：长沙市信访局\t771.75,820.73,单位：万元\n"
	                   "L\t1\t87.43\t97.40\t9.98\tpos\t379.50,438.23,本级财政拨款\n"
	                   "L\t1\t94.18\t104.15\t9.98\tpos\t483.75,658.73,财政专户管理 事业单位经营 上级补助收\n"
	                   "L\t1\t100.18\t110.15\t9.98\tpos\t44.25,54.23,类\t75.75,85.73,款\t107.25,117.23,项\t"
	                   "175.50,214.73,功能科目\t290.25,309.98,合计\t668.25,707.48,其它收入\t721.50,760.73,事业收入\t"
	                   "775.50,814.73,上年结转\n"
	                   "L\t1\t106.18\t116.15\t9.98\tpos\t493.50,532.73,事业收入\t557.25,596.48,服务收入\t629.25,639.23,入\n"
	                   "L\t1\t112.18\t122.15\t9.98\tpos\t365.25,384.98,金额\t414.75,478.73,其中:经费拨款\n"
	                   "L\t1\t151.18\t161.15\t9.98\tpos\t129.75,149.48,合计\t294.00,335.74,1,935.36\t"
	                   "369.00,410.74,1,935.36\t437.25,478.99,1,935.36\n"
	                   "L\t1\t178.18\t188.15\t9.98\tpos\t41.25,56.74,201\t129.75,207.98,一般公共服务支出\t"
	                   "294.00,335.74,1,935.36\t369.00,410.74,1,935.36\t437.25,478.99,1,935.36\n"
	                   "L\t1\t231.43\t241.40\t9.98\tpos\t41.25,56.74,201\t75.75,85.99,40\t107.25,117.49,01\t"
	                   "150.75,189.98,行政运行\t294.00,335.74,1,517.95\t369.00,410.74,1,517.95\t437.25,478.99,1,517.95\n"
	                   "L\t1\t258.43\t268.40\t9.98\tpos\t41.25,56.74,201\t75.75,85.99,40\t107.25,117.49,04\t"
	                   "150.75,189.98,信访业务\t304.50,335.74,417.41\t379.50,410.74,417.41\t447.75,478.99,417.41\n"
	                   "%end\n");
	const gk_table *t = table(r, "revenue_by_unit");
	int i = row_of(t, "unit_name", "合计");
	cr_assert(i >= 0);
	EXPECT(t, i, "total", "1935.36");
	EXPECT(t, i, "general_budget", "1935.36");
	EXPECT(t, i, "general_budget_appropriation", "1935.36");
	EXPECT(t, i, "special_account", "");
	i = row_of(t, "func_code", "2014004");
	cr_assert(i >= 0);
	EXPECT(t, i, "general_budget", "417.41");
	EXPECT(t, i, "special_account", "");
	gk_result_drop(r);
}

/* 西安应急 表2 (p. 4): unit names wrapped about their figures, one under
 * another a little more than a line pitch apart, are each their own row's
 * (not one label over three rows, centred by chance on the middle one);
 * 部门预算 合计 after 总计 (equal to it: it holds the carry-over too) is a
 * group's subtotal kept as x_, not the 一般公共预算 column */
Test(rows, wrapped_unit_names_one_under_another)
{
	gk_result *r = run(
		"%gongkai-extract 1\nP\t4\t841.92\t595.32\n"
		"L\t4\t56.98\t66.94\t9.96\tpos\t44.54,59.48,表2\n"
		"L\t4\t77.03\t92.99\t15.96\tpos\t316.13,525.37,2019年部门综合预算收入总表\n"
		"L\t4\t105.09\t114.09\t9.00\tpos\t751.54,796.54,单位：万元\n"
		"L\t4\t120.21\t129.21\t9.00\tpos\t471.79,507.79,部门预算\n"
		"L\t4\t139.80\t150.72\t9.00\tpos\t301.01,373.01:139.80:148.80,一般公共预算拨款\t649.78,676.78:141.72:150.72,用事业\n"
		"L\t4\t147.36\t157.80\t9.00\tpos\t45.74,81.74:148.80:157.80,单位编码\t117.14,153.14:148.80:157.80,单位名称\t197.30,215.30:148.80:157.80,总计\t614.02,641.02:147.36:156.36,对附属\t721.30,748.30:147.36:156.36,上年实\n"
		"L\t4\t153.00\t162.00\t9.00\tpos\t403.27,439.27,政府性基\t551.47,605.47,事业单位经营\t649.78,676.78,基金弥\t685.54,712.54,上年结\n"
		"L\t4\t157.56\t167.64\t9.00\tpos\t241.37,259.37,合计\t341.45,395.45,其中：专项资\t447.43,544.51,上级补助收入 事业收入\t614.02,641.02,单位上\t721.30,748.30,户资金\t757.54,793.54,其他收入\n"
		"L\t4\t164.28\t173.28\t9.00\tpos\t407.83,434.83,金拨款\t569.47,587.47,收入\t649.78,676.78,补收支\t694.54,703.54,转\n"
		"L\t4\t168.84\t178.92\t9.00\tpos\t297.17,315.17,小计\t341.45,395.45,金列入部门预\t614.02,641.02,缴收入\t725.86,743.86,余额\n"
		"L\t4\t175.56\t184.56\t9.00\tpos\t654.34,672.34,差额\n"
		"L\t4\t180.12\t189.12\t9.00\tpos\t355.01,382.01,算项目\n"
		"L\t4\t194.04\t203.04\t9.00\tpos\t59.18,68.24,**\t130.58,139.64,**\t204.05,208.55,1\t248.45,252.95,2\t303.89,308.39,3\t366.17,370.67,4\t419.35,423.85,5\t472.51,477.01,6\t524.59,529.09,7\t576.55,581.05,8\t625.66,630.16,9\t659.14,668.20,10\t694.90,703.96,11\t730.66,739.72,12\t771.34,780.40,13\n"
		"L\t4\t212.76\t221.76\t9.00\tpos\t85.46,103.46,合计\t188.06,224.48,3,695.91\t236.69,273.11,3,695.91\t298.97,335.39,3,643.37\t692.62,715.36,11.61\t728.38,751.12,40.93\n"
		"L\t4\t231.84\t240.84\t9.00\tpos\t85.46,175.46,西安市安全生产监督管\n"
		"L\t4\t237.48\t246.48\t9.00\tpos\t44.42,71.72,125001\t188.06,224.48,2,123.93\t236.69,273.11,2,123.93\t298.97,335.39,2,080.32\t692.62,715.36,11.61\t728.38,751.12,32.00\n"
		"L\t4\t243.12\t252.12\t9.00\tpos\t85.46,103.46,理局\n"
		"L\t4\t256.58\t265.58\t9.00\tpos\t85.46,175.46,西安市安全生产宣传教\n"
		"L\t4\t262.22\t271.22\t9.00\tpos\t44.42,71.72,125002\t197.18,224.48,463.23\t245.81,273.11,463.23\t308.09,335.39,461.80\t732.94,751.12,1.43\n"
		"L\t4\t267.86\t276.86\t9.00\tpos\t85.46,112.46,育中心\n"
		"L\t4\t281.30\t290.30\t9.00\tpos\t85.46,175.46,西安市安全生产执法监\n"
		"L\t4\t286.94\t295.94\t9.00\tpos\t44.42,71.72,125003\t197.18,224.48,837.77\t245.81,273.11,837.77\t308.09,335.39,830.27\t732.94,751.12,7.50\n"
		"L\t4\t292.58\t301.58\t9.00\tpos\t85.46,112.46,察支队\n"
		"L\t4\t306.02\t315.02\t9.00\tpos\t85.46,175.46,西安市安全生产应急救\n"
		"L\t4\t311.66\t320.66\t9.00\tpos\t44.42,71.72,125004\t197.18,224.48,270.98\t245.81,273.11,270.98\t308.09,335.39,270.98\n"
		"L\t4\t317.30\t326.30\t9.00\tpos\t85.46,112.46,援中心\n"
		"%end\n");
	const gk_table *t = table(r, "revenue_by_unit");
	cr_assert_eq(t->nrow, 5, "%d rows", t->nrow);
	EXPECT(t, 0, "total", "3695.91");
	EXPECT(t, 0, "general_budget", "3643.37");
	EXPECT(t, 0, "government_fund", "");
	EXPECT(t, 0, "carryover_total", "11.61");
	EXPECT(t, 2, "unit_code", "125002");
	EXPECT(t, 2, "unit_name", "西安市安全生产宣传教育中心");
	EXPECT(t, 2, "general_budget", "461.80");
	EXPECT(t, 3, "unit_name", "西安市安全生产执法监察支队");
	EXPECT(t, 4, "unit_name", "西安市安全生产应急救援中心");
	EXPECT(t, 4, "general_budget", "270.98");
	gk_result_drop(r);
}

/* 西安应急 表11 (p. 29) after 表3 (p. 5): a 财政拨款结转资金支出表 is a
 * table of its own outside the contract, not more rows of the 支出总表 */
Test(rows, carry_over_spending_table_is_not_the_spending_summary)
{
	gk_result *r = run(
		"%gongkai-extract 1\nP\t5\t841.92\t595.32\nP\t29\t841.92\t595.32\n"
		"L\t5\t56.98\t66.94\t9.96\tpos\t30.26,45.20,表3\n"
		"L\t5\t77.87\t93.83\t15.96\tpos\t316.25,525.49,2019年部门综合预算支出总表\n"
		"L\t5\t106.65\t115.65\t9.00\tpos\t765.94,810.94,单位：万元\n"
		"L\t5\t121.77\t130.77\t9.00\tpos\t516.19,552.19,部门预算\n"
		"L\t5\t141.36\t150.36\t9.00\tpos\t352.61,406.61,公共预算拨款\n"
		"L\t5\t150.36\t159.36\t9.00\tpos\t36.38,72.38,单位编码\t118.46,154.46,单位名称\t215.21,233.21,总计\n"
		"L\t5\t154.56\t163.56\t9.00\tpos\t445.99,499.99,政府性基金拨\t570.55,624.55,事业单位经营\t632.86,729.22,对附属单位上 上年实户\t779.88,806.88,上年结\n"
		"L\t5\t159.12\t169.20\t9.00\tpos\t277.13,295.13,合计\t384.05,438.05,其中：专项资\t517.27,553.27,事业收入\t734.62,770.62,其他收入\n"
		"L\t5\t165.84\t174.84\t9.00\tpos\t468.55,477.55,款\t588.58,606.58,收入\t646.42,673.42,缴收入\t693.22,729.22,资金余额\t788.88,797.88,转\n"
		"L\t5\t170.40\t179.40\t9.00\tpos\t339.77,357.77,小计\t384.05,438.05,金列入部门预\n"
		"L\t5\t181.68\t190.68\t9.00\tpos\t397.63,424.63,算项目\n"
		"L\t5\t195.60\t204.60\t9.00\tpos\t49.82,58.88,**\t131.90,140.96,**\t221.93,226.43,1\t284.21,288.71,2\t346.49,350.99,3\t408.79,413.29,4\t471.07,475.57,5\t533.35,537.85,6\t595.66,600.16,7\t657.94,662.44,8\t709.30,713.80,9\t748.42,757.48,10\t789.12,798.18,11\n"
		"L\t5\t214.32\t223.32\t9.00\tpos\t81.02,99.02,合计\t217.01,253.43,3,695.91\t279.29,315.71,3,695.91\t341.57,377.99,3,643.37\t707.02,729.76,40.93\t788.40,811.14,11.61\n"
		"L\t5\t239.04\t248.04\t9.00\tpos\t30.14,57.44,125001\t81.02,189.02,西安市安全生产监督管理局\t217.01,253.43,2,123.93\t279.29,315.71,2,123.93\t341.57,377.99,2,080.32\t707.02,729.76,32.00\t788.40,811.14,11.61\n"
		"L\t29\t38.18\t46.70\t8.52\tpos\t379.97,461.06,表11-财拨结转支出表\n"
		"L\t29\t74.56\t84.04\t9.48\tpos\t96.86,115.87,表11\n"
		"L\t29\t87.13\t102.37\t15.24\tpos\t261.41,568.69,2019年部门综合预算财政拨款结转资金支出表\n"
		"L\t29\t137.45\t145.97\t8.52\tpos\t690.94,733.54,单位：万元\n"
		"L\t29\t151.97\t160.49\t8.52\tpos\t331.13,561.43,功能分类科 功能分类科目 政府经济分类科 政府经济分类科\n"
		"L\t29\t157.25\t165.77\t8.52\tpos\t99.26,150.38,预算单位代码\t161.42,212.54,预算单位名称\t226.49,277.61,预算项目名称\t296.57,313.61,金额\t574.51,608.59,项目类别\t639.10,673.18,资金性质\t705.70,722.74,备注\n"
		"L\t29\t162.65\t171.17\t8.52\tpos\t339.65,365.21,目代码\t398.11,415.15,名称\t453.79,479.35,目代码\t518.83,544.39,目名称\n"
		"L\t29\t181.25\t189.77\t8.52\tpos\t123.02,127.28,1\t185.18,189.44,2\t250.25,254.51,3\t303.29,307.55,4\t350.69,354.95,5\t404.83,409.09,6\t464.83,469.09,7\t529.87,534.13,8\t589.78,594.04,9\t652.18,660.76,10\t710.26,718.84,**\n"
		"L\t29\t196.51\t205.99\t9.48\tpos\t223.49,280.56,拨付2017年度\n"
		"L\t29\t202.39\t211.87\t9.48\tpos\t155.90,215.54,西安市安全生产\t382.97,430.37,工业和信息\t503.23,560.11,其他商品和服\n"
		"L\t29\t208.27\t217.75\t9.48\tpos\t96.74,122.60,125001\t223.61,280.49,省级工业转型\t296.45,313.67,9.00\t335.69,369.23,2150510\t454.63,478.57,50299\t572.59,610.51,项目支出\t623.74,691.90,一般公共预算支出\n"
		"L\t29\t214.01\t223.63\t9.48\tpos\t155.90,198.50,监督管理局\t387.77,425.69,产业支持\t517.51,545.95,务支出\n"
		"L\t29\t220.03\t229.51\t9.48\tpos\t233.09,271.01,升级资金\n"
		"L\t29\t238.03\t247.51\t9.48\tpos\t155.90,280.49,西安市安全生产 省级安全生产\t382.97,430.37,安全监管监\t503.23,560.11,其他商品和服\n"
		"L\t29\t243.91\t253.39\t8.52\tpos\t96.74,122.60,125001\t296.45,313.67,2.61\t335.69,369.23,2150605\t454.63,478.57,50299\t572.59,610.51,项目支出\t623.74,691.90,一般公共预算支出\n"
		"L\t29\t249.65\t259.29\t9.48\tpos\t155.90,198.50,监督管理局\t242.57,261.53,专项\t392.45,420.89,察专项\t517.51,545.95,务支出\n"
		"%end\n");
	const gk_table *t = table(r, "expenditure_by_function");
	cr_expect_eq(t->nrow, 2, "%d rows", t->nrow);
	cr_expect_eq(row_of(t, "total", "9.00"), -1);
	cr_expect_not_null(gk_result_find(r, "other_1"));
	gk_result_drop(r);
}
