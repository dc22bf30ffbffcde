/* test_revitems.c - a 收入预算总表 printed transposed: the sources of
 * funds as rows under merged group cells (一般公共预算资金 → 小计,
 * 公共财政拨款(补助)资金, 专项收入; 其他资金 → 小计, …) over one 金额
 * column, read as the one 合计 row of revenue_by_unit.  Cut from page 2
 * of 江苏省政协办公厅_2019年预算公开表.pdf (../shared/corpus/real), positions
 * as gongkai-extract gives them. */
#include <criterion/criterion.h>

#include "fixture.h"

#define HEAD "%gongkai-extract 1\nP\t1\t842\t595\n"

Test(revitems, sources_of_funds_as_rows)
{
	gk_result *r = normalize_stream(HEAD
	                   "L\t1\t54.62\t65.66\t11.04\tpos\t114.77,159.89,公开02表\n"
	                   "L\t1\t86.02\t111.94\t25.92\tpos\t285.46,442.18,收入预算总表\n"
	                   "L\t1\t125.18\t134.30\t9.12\tpos\t114.53,214.85,部门：江苏省政协办公厅\t557.66,603.26,单位：万元\n"
	                   "L\t1\t147.41\t157.49\t10.08\tpos\t165.41,206.45,项目名称\t515.90,536.30,金额\n"
	                   "L\t1\t166.85\t177.41\t10.08\tpos\t254.47,295.51,收入总计\t567.77,613.13,13,377.11\n"
	                   "L\t1\t187.25\t197.33\t10.08\tpos\t261.19,281.35,小计\t567.77,613.13,13,297.11\n"
	                   "L\t1\t206.72\t217.28\t10.08\tpos\t145.73,226.37,一般公共预算资金\t261.19,372.07,公共财政拨款(补助)资金\t567.77,613.13,13,297.11\n"
	                   "L\t1\t227.12\t237.20\t10.08\tpos\t261.19,301.51,专项收入\n"
	                   "L\t1\t247.06\t257.14\t10.08\tpos\t160.85,211.25,政府性基金\t261.19,281.35,小计\n"
	                   "L\t1\t266.98\t277.06\t10.08\tpos\t145.73,226.37,财政专户管理资金\t261.19,281.35,小计\n"
	                   "L\t1\t286.90\t296.98\t10.08\tpos\t261.19,281.35,小计\t587.93,613.13,80.00\n"
	                   "L\t1\t306.84\t316.92\t10.08\tpos\t261.19,301.51,事业收入\n"
	                   "L\t1\t316.44\t326.52\t10.08\tpos\t165.89,206.21,其他资金\n"
	                   "L\t1\t326.76\t336.84\t10.08\tpos\t261.19,301.51,经营收入\n"
	                   "L\t1\t346.68\t356.76\t10.08\tpos\t261.19,301.51,其他收入\t587.93,613.13,80.00\n"
	                   "L\t1\t366.63\t376.71\t10.08\tpos\t261.19,281.35,小计\n"
	                   "L\t1\t376.23\t386.31\t10.08\tpos\t140.69,231.41,上年结转和结余资金\n"
	                   "L\t1\t386.55\t396.63\t10.08\tpos\t261.19,402.31,其中：动用上年结转和结余资金\n"
	                   "%end\n", "revitems");
	const gk_table *t = fixture_table(r, "revenue_by_unit");
	cr_assert_eq(t->nrow, 1, "%d rows", t->nrow);
	cr_expect_str_eq(gk_table_get(t, 0, "unit_name"), "合计");
	cr_expect_str_eq(gk_table_get(t, 0, "total"), "13377.11");
	cr_expect_str_eq(gk_table_get(t, 0, "general_budget"), "13297.11");
	/* 公共财政拨款(补助)资金, beside 专项收入 under 一般公共预算资金 */
	cr_expect_str_eq(gk_table_get(t, 0, "general_budget_appropriation"), "13297.11");
	/* 其他资金's 小计 names no column of the contract: kept; its 其他收入 is one */
	cr_expect_str_eq(gk_table_get(t, 0, "x_其他资金/小计"), "80.00");
	cr_expect_str_eq(gk_table_get(t, 0, "other_income"), "80.00");
	cr_expect_str_eq(gk_table_get(t, 0, "business_income"), "");
	cr_expect_str_eq(gk_table_get(t, 0, "carryover_total"), "");
	gk_result_drop(r);
}

/* a figure on a row that the group's words alone name (专项收入 under
 * 一般公共预算资金) is a part of the group, not its column: kept as x_ */
Test(revitems, group_part_is_not_the_group)
{
	gk_result *r = normalize_stream(HEAD
	                   "L\t1\t86.02\t111.94\t25.92\tpos\t285.46,442.18,收入预算总表\n"
	                   "L\t1\t125.18\t134.30\t9.12\tpos\t114.53,214.85,部门：江苏省政协办公厅\t557.66,603.26,单位：万元\n"
	                   "L\t1\t147.41\t157.49\t10.08\tpos\t165.41,206.45,项目名称\t515.90,536.30,金额\n"
	                   "L\t1\t166.85\t177.41\t10.08\tpos\t254.47,295.51,收入总计\t567.77,613.13,13,317.11\n"
	                   "L\t1\t187.25\t197.33\t10.08\tpos\t261.19,281.35,小计\t567.77,613.13,13,317.11\n"
	                   "L\t1\t206.72\t217.28\t10.08\tpos\t145.73,226.37,一般公共预算资金\t261.19,372.07,公共财政拨款(补助)资金\t567.77,613.13,13,297.11\n"
	                   "L\t1\t227.12\t237.20\t10.08\tpos\t261.19,301.51,专项收入\t587.93,613.13,20.00\n"
	                   "L\t1\t247.06\t257.14\t10.08\tpos\t160.85,211.25,政府性基金\t261.19,281.35,小计\n"
	                   "L\t1\t266.98\t277.06\t10.08\tpos\t145.73,226.37,财政专户管理资金\t261.19,281.35,小计\n"
	                   "%end\n", "revitems");
	const gk_table *t = fixture_table(r, "revenue_by_unit");
	cr_assert_eq(t->nrow, 1, "%d rows", t->nrow);
	cr_expect_str_eq(gk_table_get(t, 0, "general_budget"), "13317.11");
	cr_expect_str_eq(gk_table_get(t, 0, "general_budget_appropriation"), "13297.11");
	cr_expect_str_eq(gk_table_get(t, 0, "x_一般公共预算资金/专项收入"), "20.00");
	gk_result_drop(r);
}

