/* test_perf.c - performance tables printed as ruled grids (normalize/
 * pgrid.c, pblock.c), on pages cut from real disclosures: the rows
 * anchored on their 指标值, wrapped cells joined, merged 一级/二级指标
 * spread over the rows they are centred on, a project's head read from
 * its labels, targets built from comparison, value and unit columns. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/ptext.h"
#include "../../lib/rules.h"
#include "../../lib/table.h"
#include "../../normalize/normalize.h"
#include "fixture.h"
#include "../../extract/extract.h"
#include "../../normalize/pgrid.h"

/* The tables normalize makes of the extract stream in a fixture file. */
static gk_result *normalized(const char *path)
{
	return normalize_file(path, "perf");
}

/* 福州市公安局 2026, page 29: one project's block - title, head (项目名称,
 * 主管部门, 实施单位 wrapped over two lines, 资金总额 …), then six rows whose
 * 一级指标 is printed wrapped (成本指 / 标) in the middle of its rows. */
Test(perf, project_block)
{
	gk_result *r = normalized("tests/fixtures/pdf/perf-fuzhou-gongan-p29.x");
	gk_table *t = gk_result_find(r, "project_performance");
	cr_assert_not_null(t);
	static const char *want[][4] = {
		{"成本指标", "经济成本指标", "总支出成本控制情况", "≤44.47万元"},
		{"产出指标", "数量指标", "聘用人员数量", "≤10人"},
		{"产出指标", "质量指标", "资金结算（拨付、下达、发放）准确率", "≥90%"},
		{"产出指标", "时效指标", "周工作时长", "≤40%"},
		{"效益指标", "生态效益指标", "因实施项目造成的环境污染事故", "≤2起"},
		{"满意度指标", "服务对象满意度指标", "诉求件数", "≤10件"},
	};
	cr_assert_eq(t->nrow, 6, "%d rows", t->nrow);
	for (int i = 0; i < 6; i++) {
		cr_assert_str_eq(gk_table_get(t, i, "project_name"), "警务辅助人员经费", "row %d", i);
		cr_assert_str_eq(gk_table_get(t, i, "total"), "44.47", "row %d", i);
		cr_assert_str_eq(gk_table_get(t, i, "government"), "44.47", "row %d", i);
		cr_assert_str_eq(gk_table_get(t, i, "category"), want[i][0], "row %d", i);
		cr_assert_str_eq(gk_table_get(t, i, "x_level2"), want[i][1], "row %d", i);
		cr_assert_str_eq(gk_table_get(t, i, "indicator"), want[i][2], "row %d", i);
		cr_assert_str_eq(gk_table_get(t, i, "target"), want[i][3], "row %d", i);
		cr_assert_str_eq(gk_table_get(t, i, "x_other_funds"), "0.00", "row %d", i);
		cr_assert_str_eq(gk_table_get(t, i, "x_department"), "福州市公安局", "row %d", i);
		cr_assert_str_eq(gk_table_get(t, i, "x_unit"), "福州市公安局治安管理支队", "row %d", i);
	}
	cr_assert_str_eq(gk_table_get(t, 0, "x_target_op"), "≤");
	cr_assert_str_eq(gk_table_get(t, 0, "x_target_value"), "44.47");
	cr_assert_str_eq(gk_table_get(t, 0, "x_target_unit"), "万元");
	gk_result_drop(r);
}

/* 泉州市公安局 2026, page 52: the department's table - 一般性支出情况 merged
 * over three rows and printed once in their middle, a target wrapped over
 * three lines, 服务对象满意度 / 指标 wrapped in two columns. */
Test(perf, department_grid)
{
	gk_result *r = normalized("tests/fixtures/pdf/perf-quanzhou-p52.x");
	gk_table *t = gk_result_find(r, "department_performance");
	cr_assert_not_null(t);
	static const char *want[][4] = {
		{"一般性支出情况", "一般性支出情况", "“三公”经费控制率", "≤100%"},
		{"一般性支出情况", "一般性支出情况", "“三公”经费违规使用次数", "≤0次"},
		{"一般性支出情况", "一般性支出情况", "会议费、差旅费超标准使用次数", "≤0次"},
		{"成本指标", "经济成本指标", "成本使用率", "≤85%"},
		{"产出指标", "时效指标", "总体刑事案件破案率", "≥70%"},
		{"产出指标", "数量指标", "案件破案率", "≥98%"},
		{"产出指标", "质量指标", "各项活动及项目正常开展率", "≥98%"},
		{"效益指标", "社会效益指标", "打击传统盗抢骗犯罪工作情况", "=打击传统盗抢骗犯罪工作情况进入全省前三项"},
		{"满意度指标", "服务对象满意度指标", "服务对象满意度指标", "≥94%"},
	};
	cr_assert_eq(t->nrow, 9, "%d rows", t->nrow);
	for (int i = 0; i < 9; i++) {
		cr_assert_str_eq(gk_table_get(t, i, "level1"), want[i][0], "row %d", i);
		cr_assert_str_eq(gk_table_get(t, i, "level2"), want[i][1], "row %d", i);
		cr_assert_str_eq(gk_table_get(t, i, "indicator"), want[i][2], "row %d", i);
		cr_assert_str_eq(gk_table_get(t, i, "target"), want[i][3], "row %d", i);
		cr_assert_str_eq(gk_table_get(t, i, "x_department"), "泉州市公安局", "row %d", i);
	}
	gk_result_drop(r);
}

/* 重庆市气象局 2026, page 19: 指标名称 centred over a wide column of
 * left-aligned names; the target printed in three columns (指标性质 | 指标值
 * | 计量单位: ≥ | 68 | %), digits in boxes twice as tall as the text. */
Test(perf, target_from_columns)
{
	gk_result *r = normalized("tests/fixtures/pdf/perf-chongqing-qixiang-p19.x");
	gk_table *t = gk_result_find(r, "department_performance");
	cr_assert_not_null(t);
	static const char *want[][3] = {
		{"气候预测准确率", "≥68%", "12"},
		{"短期天气预报准确率", "≥78%", "13"},
		{"地面增雨作业次数", "≥65次/年", "13"},
		{"观测系统传输及时率(国家地面站)", "≥98%", "10"},
		{"确保市局各类气象业务及管理工作稳定持续运转", "=365天", "10"},
		{"气象安全重点单位监督检查", "≥1000次数", "8"},
		{"部门预决算按时公开率", "=100%", "4"},
		{"气象台站改造数量", "≥4个", "7"},
	};
	cr_assert_eq(t->nrow, 8, "%d rows", t->nrow);
	for (int i = 0; i < 8; i++) {
		cr_assert_str_eq(gk_table_get(t, i, "indicator"), want[i][0], "row %d", i);
		cr_assert_str_eq(gk_table_get(t, i, "target"), want[i][1], "row %d", i);
		cr_assert_str_eq(gk_table_get(t, i, "x_weight"), want[i][2], "row %d", i);
		cr_assert_str_eq(gk_table_get(t, i, "level1"), "", "row %d", i);
	}
	cr_assert_str_eq(gk_table_get(t, 5, "x_target_value"), "1000");
	cr_assert_str_eq(gk_table_get(t, 5, "x_target_unit"), "次数");
	gk_result_drop(r);
}

Test(perf, split_target)
{
	static const char *cases[][4] = {
		{"≥95%", "≥", "95", "%"},       {"≤5万元", "≤", "5", "万元"}, {"按时完成", "", "按时完成", ""},
		{"100%", "", "100", "%"},       {"=710元/人月", "=", "710", "元/人月"}, {"≤1,517.95万元", "≤", "1,517.95", "万元"},
		{"=提升无", "=", "提升无", ""},
	};
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		char *op, *val, *unit;
		pg_split_target(cases[k][0], &op, &val, &unit);
		cr_assert_str_eq(op, cases[k][1], "%s", cases[k][0]);
		cr_assert_str_eq(val, cases[k][2], "%s", cases[k][0]);
		cr_assert_str_eq(unit, cases[k][3], "%s", cases[k][0]);
		free(op), free(val), free(unit);
	}
	char *s = pg_tight("≥100 %");
	cr_assert_str_eq(s, "≥100%");
	free(s);
	s = pg_tight("UPS 电源 power supply");
	cr_assert_str_eq(s, "UPS电源power supply");
	free(s);
}

/* 新乡 2022 (seed, TAB text): the project table prints each project's
 * indicators as (三级指标, 指标值) pairs per category, and its code, name
 * and amounts on whatever line of the block the merged cells fell on - a
 * code on the line before its project, names inside the block before.
 * Blocks start where a category prints again; a name goes to the block
 * whose cost target its amount is; a block printing none takes the
 * project table's project of that amount. */
Test(perf, pairs_blocks)
{
	gk_doc *d = NULL;
	char *err = NULL;
	cr_assert_eq(gk_extract_file("tests/fixtures/text/perf-xinxiang-pairs.txt", &d, &err), 0, "%s", err ? err : "");
	gk_rules *rules = gk_rules_load("rules", &err);
	cr_assert_not_null(rules, "%s", err ? err : "");
	gk_result *r = gk_normalize(d, rules, "xinxiang");
	gk_table *t = gk_result_find(r, "project_performance");
	cr_assert_not_null(t);
	static const struct {
		int rows;
		const char *code, *name, *total;
	} want[] = {
		{6, "410700220000000010418", "“4050”人员工资", "39.68"},
		{5, "410700220000000014769", "大厅运行经费", "88.00"},
		{11, "", "机房维护、维修", "18.00"},
		{7, "", "新乡市电子政务外网系统", "34.56"},
		{8, "", "市行政审批和电子监察网络线路租赁费", "105.26"},
		{8, "", "市级电子政务外网线路服务经费", "112.91"},
	};
	int row = 0;
	for (size_t k = 0; k < sizeof want / sizeof want[0]; k++)
		for (int q = 0; q < want[k].rows; q++, row++) {
			cr_assert_lt(row, t->nrow);
			cr_assert_str_eq(gk_table_get(t, row, "project_code"), want[k].code, "row %d", row);
			cr_assert_str_eq(gk_table_get(t, row, "project_name"), want[k].name, "row %d", row);
			cr_assert_str_eq(gk_table_get(t, row, "total"), want[k].total, "row %d", row);
			cr_assert_str_eq(gk_table_get(t, row, "government"), want[k].total, "row %d", row);
		}
	cr_assert_eq(t->nrow, row);
	cr_assert_str_eq(gk_table_get(t, 4, "indicator"), "保证大厅正常运转，规范窗口管理");
	cr_assert_str_eq(gk_table_get(t, 4, "category"), "产出指标");
	gk_result_drop(r);
	gk_rules_drop(rules);
	gk_doc_drop(d);
}

/* the first row of t whose column key is val, -1 */
static int first_row(const gk_table *t, const char *key, const char *val)
{
	for (int i = 0; i < t->nrow; i++)
		if (!strcmp(gk_table_get(t, i, key), val))
			return i;
	return -1;
}

/* 广州市生态环境局 2026, pages 1-2: one ruled row per project, its 绩效指标
 * cell printing all its indicators as one stream ("1.1－产出指标，11－数量
 * 指标，项目专职环保员数量；实施周期指标值：≦核定人数，年度指标值：≦核定
 * 人数；2、1－…") wrapped above and below the amount line.  One row per
 * item; 合计 and the unit row kept with their amounts, no category; 其他
 * 资金 beside 财政专户拨款 is unit_funds; the unit named on page 1 is the
 * unit of page 2's projects; a 实施周期指标值 holding commas runs to
 * 年度指标值. */
Test(perf, indicator_stream)
{
	gk_result *r = normalized("tests/fixtures/pdf/perf-guangzhou-sthj-p1-2.x");
	cr_assert_null(gk_result_find(r, "project_expenditure"));
	gk_table *t = gk_result_find(r, "project_performance");
	cr_assert_not_null(t);
	cr_assert_eq(t->nrow, 2 + 4 * 6, "%d rows", t->nrow);
	cr_assert_str_eq(gk_table_get(t, 0, "project_name"), "合计");
	cr_assert_str_eq(gk_table_get(t, 0, "total"), "37367.86");
	cr_assert_str_eq(gk_table_get(t, 0, "government"), "35790.09");
	cr_assert_str_eq(gk_table_get(t, 0, "unit_funds"), "1577.77");
	cr_assert_str_eq(gk_table_get(t, 0, "category"), "");
	cr_assert_str_eq(gk_table_get(t, 1, "project_name"), "广州市生态环境局");
	cr_assert_str_eq(gk_table_get(t, 1, "total"), "12887.86");
	cr_assert_str_eq(gk_table_get(t, 1, "category"), "");
	static const char *want[][5] = {
		{"产出指标", "数量指标", "项目专职环保员数量", "≦核定人数", "≦核定人数"},
		{"产出指标", "质量指标", "环境应急事件响应率", "100%", "100%"},
		{"产出指标", "质量指标", "专职环保员队伍管理规范化", "是", "考察是否符合规范，合规得满分，不合规不得分"},
		{"产出指标", "时效指标", "项目资金支付及时率", "100%", "100%"},
		{"效益指标", "社会效益", "环保信访投诉办结率", "≥90%", "≥90%"},
		{"效益指标", "社会效益", "辖区内污染源巡查率", "≥80%", "≥80%"},
	};
	static const char *proj[][2] = {{"越秀区", "238.00"}, {"海珠区", "619.50"}, {"荔湾区", "287.00"}, {"天河区", "478.90"}};
	for (int p = 0; p < 4; p++)
		for (int k = 0; k < 6; k++) {
			int i = 2 + 6 * p + k;
			cr_assert(strstr(gk_table_get(t, i, "project_name"), proj[p][0]) != NULL, "row %d", i);
			cr_assert_str_eq(gk_table_get(t, i, "total"), proj[p][1], "row %d", i);
			cr_assert_str_eq(gk_table_get(t, i, "government"), proj[p][1], "row %d", i);
			cr_assert_str_eq(gk_table_get(t, i, "unit_funds"), "", "row %d", i);
			cr_assert_str_eq(gk_table_get(t, i, "category"), want[k][0], "row %d", i);
			cr_assert_str_eq(gk_table_get(t, i, "x_level2"), want[k][1], "row %d", i);
			cr_assert_str_eq(gk_table_get(t, i, "indicator"), want[k][2], "row %d", i);
			cr_assert_str_eq(gk_table_get(t, i, "target"), want[k][3], "row %d", i);
			cr_assert_str_eq(gk_table_get(t, i, "x_target_period"), want[k][4], "row %d", i);
			cr_assert_str_eq(gk_table_get(t, i, "x_unit"), "广州市生态环境局", "row %d", i);
			cr_assert(strstr(gk_table_get(t, i, "x_goal"), "全面提升基层环保工作水平") != NULL, "row %d", i);
		}
	gk_result_drop(r);
}

/* 广州市生态环境局 2026, page 29: 其他资金 13.40 printed on the middle
 * project's line only - never spread over its neighbours as a merged
 * cell. */
Test(perf, stream_amounts_own_row)
{
	gk_result *r = normalized("tests/fixtures/pdf/perf-guangzhou-sthj-p29.x");
	gk_table *t = gk_result_find(r, "project_performance");
	cr_assert_not_null(t);
	static const char *want[][4] = {
		{"广州市海洋生态环境年度指令性监测工作经费", "48.17", "48.17", ""},
		{"广州市生态环境科技协同创新中心", "13.40", "0.00", "13.40"},
		{"广州市生态环境局2024年全运会生态环境保障指挥平台项目", "24.57", "24.57", ""},
	};
	for (int k = 0; k < 3; k++) {
		int i = first_row(t, "project_name", want[k][0]);
		cr_assert_geq(i, 0, "%s", want[k][0]);
		for (; i < t->nrow && !strcmp(gk_table_get(t, i, "project_name"), want[k][0]); i++) {
			cr_assert_str_eq(gk_table_get(t, i, "total"), want[k][1], "row %d", i);
			cr_assert_str_eq(gk_table_get(t, i, "government"), want[k][2], "row %d", i);
			cr_assert_str_eq(gk_table_get(t, i, "unit_funds"), want[k][3], "row %d", i);
		}
	}
	gk_result_drop(r);
}

/* 广州市生态环境局 2026, page 100: a goal of five numbered paragraphs
 * (1.通过聘请… 2.为番禺区… 3. 为国家…) is one cell, the project's, not
 * the paragraph nearest its amounts. */
Test(perf, stream_goal_paragraphs)
{
	gk_result *r = normalized("tests/fixtures/pdf/perf-guangzhou-sthj-p100.x");
	gk_table *t = gk_result_find(r, "project_performance");
	cr_assert_not_null(t);
	int i = first_row(t, "project_name", "番禺分局构建现代治理体系工作经费");
	cr_assert_geq(i, 0);
	const char *g = gk_table_get(t, i, "x_goal");
	cr_assert(!strncmp(g, "1.通过聘请技术服务单位", strlen("1.通过聘请技术服务单位")), "%s", g);
	cr_assert(strstr(g, "3.为国家生态文明示范区创建工作提供技术支持") != NULL, "%s", g);
	cr_assert(strstr(g, "助力美丽广州建设。") != NULL, "%s", g);
	cr_assert_str_eq(gk_table_get(t, i, "indicator"), "环境统计成果支撑日常管理（是/否）");
	cr_assert_str_eq(gk_table_get(t, i, "category"), "效益指标");
	gk_result_drop(r);
}

/* perf-item "start" (rules/perf.rules): where an item of a 绩效指标 text
 * starts - its number, its 一级's code and a dash, a 一级 name ahead -
 * and where a number of a value or a 二级 code does not start one. */
Test(perf, item_start_rule)
{
	char *err = NULL;
	gk_rules *rules = gk_rules_load("rules", &err);
	cr_assert_not_null(rules, "%s", err ? err : "");
	int n;
	const gk_rule *const *rs = gk_rules_of(rules, "perf-item", &n), *start = NULL;
	for (int k = 0; k < n; k++)
		if (!strcmp(rs[k]->name, "start"))
			start = rs[k];
	cr_assert_not_null(start);
	static const struct {
		const char *s;
		size_t end; /* bytes up to the 一级 name, 0: no item */
	} cases[] = {
		{"2、1－产出指标，12－质量指标，环境应急事件响应率；", 8},
		{"1.1－产出指标，11－数量指标，项目专职环保员数量；", 6},
		{"10、3－满意度指标，31－服务对象满意度，满意度；", 9},
		{"12－质量指标，环境应急事件响应率；", 0},
		{"2.5年均浓度；实施周期指标值：≤27微克/立方米", 0},
		{"3、1－完成率；实施周期指标值：100%", 0},
	};
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		size_t ov[2] = {0, 0};
		int m = gk_rule_match(start, cases[k].s, strlen(cases[k].s), ov);
		cr_expect_eq(m ? ov[1] : 0, cases[k].end, "%s", cases[k].s);
	}
	gk_rules_drop(rules);
}
