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

/* 江苏省人民检察院 2019 公开02表 (../shared/corpus/real, page 15): the
 * sources one line pitch apart (公共财政拨款（补助）资金 over 专项收入,
 * 事业收入 over 经营收入 over 其他收入) are items of their own, not one
 * wrapped label; the 收入总计 label starts inside the item column */
Test(revitems, tight_list_is_not_wrapped_labels)
{
	gk_result *r = normalize_stream(HEAD
	                   "L\t1\t133.18\t156.20\t18.00\tpos\t243.77,351.77,收入预算总表\n"
	                   "L\t1\t171.46\t181.42\t9.96\tpos\t79.46,214.32,部门名称： 江苏省人民检察院\t465.94,515.85,单位：万元\n"
	                   "L\t1\t188.26\t198.22\t9.96\tpos\t223.85,264.05,项目名称\t457.54,477.58,金额\n"
	                   "L\t1\t205.78\t216.62\t9.96\tpos\t223.85,264.05,收入总计\t448.78,486.34:207.66:216.62,24169.74\n"
	                   "L\t1\t223.18\t233.90\t9.96\tpos\t207.05,226.97,小计\t448.78,486.34:224.94:233.90,24169.74\n"
	                   "L\t1\t240.73\t251.45\t9.96\tpos\t97.82,177.72,一般公共预算资金\t207.05,326.90,公共财政拨款（补助）资金\t448.78,486.34:242.49:251.45,24169.74\n"
	                   "L\t1\t258.25\t268.21\t9.96\tpos\t207.05,246.89,专项收入\n"
	                   "L\t1\t275.77\t285.73\t9.96\tpos\t112.82,162.73,政府性基金\t207.05,226.97,小计\n"
	                   "L\t1\t293.29\t303.25\t9.96\tpos\t207.05,226.97,小计\n"
	                   "L\t1\t310.81\t320.77\t9.96\tpos\t97.82,177.72,财政专户管理资金\t207.05,286.95,专户管理教育收费\n"
	                   "L\t1\t328.21\t338.17\t9.96\tpos\t207.05,266.92,其他非税收入\n"
	                   "L\t1\t345.73\t355.69\t9.96\tpos\t207.05,226.97,小计\n"
	                   "L\t1\t363.25\t373.21\t9.96\tpos\t207.05,246.89,事业收入\n"
	                   "L\t1\t372.01\t381.97\t9.96\tpos\t117.86,157.70,其他资金\n"
	                   "L\t1\t380.77\t390.73\t9.96\tpos\t207.05,246.89,经营收入\n"
	                   "L\t1\t398.29\t408.25\t9.96\tpos\t207.05,246.89,其他收入\n"
	                   "L\t1\t415.83\t425.79\t9.96\tpos\t207.05,226.97,小计\n"
	                   "L\t1\t424.59\t434.55\t9.96\tpos\t92.90,182.76,上年结转和结余资金\n"
	                   "L\t1\t433.23\t443.19\t9.96\tpos\t207.05,346.93,其中：动用上年结转和结余资金\n"
	                   "%end\n", "revitems");
	const gk_table *t = fixture_table(r, "revenue_by_unit");
	cr_assert_eq(t->nrow, 1, "%d rows", t->nrow);
	cr_expect_str_eq(gk_table_get(t, 0, "unit_name"), "合计");
	cr_expect_str_eq(gk_table_get(t, 0, "total"), "24169.74");
	cr_expect_str_eq(gk_table_get(t, 0, "general_budget"), "24169.74");
	cr_expect_str_eq(gk_table_get(t, 0, "general_budget_appropriation"), "24169.74");
	cr_expect_str_eq(gk_table_get(t, 0, "government_fund"), "");
	gk_result_drop(r);
}
