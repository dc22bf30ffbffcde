/* test_tables.c - which table a title and its header name, and nothing
 * lost: the general budget by economic class, a 基本支出表 whose columns
 * are sources of funds, a table of contents whose last entry is followed
 * by the text, 项目支出及其他支出, titles with a bracketed suffix, the
 * 单位预留机动经费 column, 7-digit economic codes.  Each stream is cut
 * from a PDF of tests/real/pdf or ../shared/corpus/real (positions as
 * gongkai-extract gives them). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/ptext.h"
#include "../../lib/rules.h"
#include "../../lib/table.h"
#include "../../normalize/normalize.h"
#include "fixture.h"

#define HEAD "%gongkai-extract 1\nP\t1\t1077\t595\nP\t2\t1077\t595\n"

static gk_result *run(const char *text)
{
	return normalize_stream(text, "tables");
}

static const gk_table *table(const gk_result *r, const char *id)
{
	return fixture_table(r, id);
}

/* the first row whose column key holds val */
static int row_of(const gk_table *t, const char *key, const char *val)
{
	for (int i = 0; i < t->nrow; i++)
		if (!strcmp(gk_table_get(t, i, key), val))
			return i;
	cr_assert_fail("no row with %s = %s", key, val);
	return -1;
}

/* 深圳信访局 表8: 一般公共预算支出表（按经济分类）, basic and project by
 * economic code */
Test(tables, general_budget_by_economic_class)
{
	gk_result *r = run(HEAD
	                   "L\t1\t96.01\t106.01\t10.00\tpos\t29.50,47.00,表8\n"
	                   "L\t1\t116.57\t128.57\t12.00\tpos\t440.62,633.32,一般公共预算支出表（按经济分类）\n"
	                   "L\t1\t139.11\t149.11\t10.00\tpos\t29.50,139.50,部门名称：深圳市信访局\t994.50,1044.50,单位：万元\n"
	                   "L\t1\t171.93\t181.93\t10.00\tpos\t127.55,167.55,预算单位\t316.05,356.05,科目编码\t486.00,526.00,科目名称\t664.05,704.05,支出总计\t810.35,850.35,基本支出\t956.70,996.70,项目支出\n"
	                   "L\t1\t204.76\t214.76\t10.00\tpos\t29.50,89.50,深圳市信访局\t711.80,751.80,4,684.30\t858.10,898.10,3,072.01\t1004.50,1044.50,1,612.29\n"
	                   "L\t1\t226.81\t236.81\t10.00\tpos\t276.40,291.40,301\t406.50,466.50,工资福利支出\t711.80,751.80,2,522.02\t858.10,898.10,2,522.02\t1024.50,1044.50,0.00\n"
	                   "L\t1\t248.86\t258.86\t10.00\tpos\t276.40,301.40,30101\t406.50,446.50,基本工资\t721.80,751.80,356.33\t868.10,898.10,356.33\t1024.50,1044.50,0.00\n"
	                   "%end\n");
	const gk_table *t = table(r, "general_budget_by_economic_class");
	cr_assert_eq(t->nrow, 3, "%d rows", t->nrow);
	cr_expect_str_eq(gk_table_get(t, 0, "econ_name"), "深圳市信访局");
	cr_expect_str_eq(gk_table_get(t, 0, "total"), "4684.30");
	cr_expect_str_eq(gk_table_get(t, 0, "basic_total"), "3072.01");
	cr_expect_str_eq(gk_table_get(t, 0, "project_total"), "1612.29");
	int i = row_of(t, "econ_code", "30101");
	cr_expect_str_eq(gk_table_get(t, i, "econ_name"), "基本工资");
	cr_expect_str_eq(gk_table_get(t, i, "basic_total"), "356.33");
	cr_expect_str_eq(gk_table_get(t, i, "project_total"), "0.00");
	cr_expect_null(gk_result_find(r, "general_budget_expenditure"));
	gk_result_drop(r);
}

/* 西安应急管理局 表6: 一般公共预算支出明细表（按支出经济分类科目）, columns
 * 人员经费支出 / 公用经费支出 / 专项业务经费支出, a unit row with its
 * code, economic codes of 7 digits (3010201 under 301) */
Test(tables, economic_class_by_personnel_public_project)
{
	gk_result *r = run(HEAD
	                   "L\t1\t57.82\t67.78\t9.96\tpos\t142.70,157.64,表6\n"
	                   "L\t1\t67.79\t83.75\t15.96\tpos\t171.14,669.67,2019年部门综合预算一般公共预算支出明细表（按支出经济分类科目）\n"
	                   "L\t1\t109.65\t118.65\t9.00\tpos\t724.54,769.54,单位：万元\n"
	                   "L\t1\t123.25\t133.21\t9.96\tpos\t251.09,301.37,政府经济科\n"
	                   "L\t1\t129.37\t139.33\t9.96\tpos\t77.06,241.82,部门经济科目编码 部门经济科目名称\t308.09,388.61,政府经济科目名称\t423.43,443.47,合计\t483.79,544.15,人员经费支出\t564.31,624.67,公用经费支出\t634.78,715.30,专项业务经费支出\t733.42,753.46,备注\n"
	                   "L\t1\t135.61\t145.57\t9.96\tpos\t261.17,291.29,目编码\n"
	                   "L\t1\t174.48\t183.48\t9.00\tpos\t304.85,322.85,合计\t435.43,471.85,3,643.37\t515.95,552.37,1,839.51\t605.62,632.92,182.88\t677.02,713.44,1,620.98\n"
	                   "L\t1\t189.24\t198.24\t9.00\tpos\t161.18,242.18,西安市安全生产监督\n"
	                   "L\t1\t194.76\t203.76\t9.00\tpos\t130.46,157.76,125001\t435.43,471.85,2,080.32\t525.07,552.37,972.99\t610.18,632.92,98.88\t677.02,713.44,1,008.45\n"
	                   "L\t1\t200.52\t209.52\t9.00\tpos\t161.18,188.18,管理局\n"
	                   "L\t1\t215.04\t224.04\t9.00\tpos\t144.14,215.18,301 工资福利支出\t444.55,471.85,970.84\t525.07,552.37,970.84\n"
	                   "L\t1\t235.32\t244.32\t9.00\tpos\t135.02,197.18,30101 基本工资\t250.85,273.59,50101\t304.85,367.85,工资奖金津补贴\t444.55,471.85,237.03\t525.07,552.37,237.03\n"
	                   "L\t1\t255.62\t264.62\t9.00\tpos\t125.90,197.18,3010201 津贴补贴\t250.85,273.59,50101\t304.85,367.85,工资奖金津补贴\t444.55,471.85,317.69\t525.07,552.37,317.69\n"
	                   /* p12: the 政府预算 code glued to the name in one cell */
	                   "L\t1\t448.73\t457.73\t9.00\tpos\t135.02,273.59,30231 公务用车运行维护费 50502\t304.85,367.85,商品和服务支出\t449.11,471.85,12.00\t610.18,632.92,12.00\n"
	                   "%end\n");
	const gk_table *t = table(r, "general_budget_by_economic_class");
	int i = row_of(t, "econ_name", "合计");
	cr_expect_str_eq(gk_table_get(t, i, "total"), "3643.37");
	cr_expect_str_eq(gk_table_get(t, i, "personnel"), "1839.51");
	cr_expect_str_eq(gk_table_get(t, i, "public"), "182.88");
	cr_expect_str_eq(gk_table_get(t, i, "project_total"), "1620.98");
	cr_expect_str_eq(gk_table_get(t, i, "basic_total"), "");
	i = row_of(t, "x_unit_code", "125001"); /* the contract has no unit_code here */
	cr_expect_str_eq(gk_table_get(t, i, "econ_code"), "");
	cr_expect_str_eq(gk_table_get(t, i, "project_total"), "1008.45");
	i = row_of(t, "econ_code", "3010201");
	cr_expect_str_eq(gk_table_get(t, i, "econ_name"), "津贴补贴");
	cr_expect_str_eq(gk_table_get(t, i, "gov_econ_code"), "50101");
	cr_expect_str_eq(gk_table_get(t, i, "personnel"), "317.69");
	i = row_of(t, "econ_code", "30231");
	cr_expect_str_eq(gk_table_get(t, i, "econ_name"), "公务用车运行维护费");
	cr_expect_str_eq(gk_table_get(t, i, "gov_econ_code"), "50502");
	cr_expect_str_eq(gk_table_get(t, i, "gov_econ_name"), "商品和服务支出");
	cr_expect_str_eq(gk_table_get(t, i, "public"), "12.00");
	gk_result_drop(r);
}

/* 深圳信访局 表4 基本支出总表: basic spending by economic class whose
 * columns are the sources of funds -> the all-funds table by economic
 * class; 上年结余、结转 is its carry-over */
Test(tables, basic_table_with_sources_of_funds)
{
	gk_result *r = run(HEAD
	                   "L\t1\t96.01\t106.01\t10.00\tpos\t29.50,47.00,表4\n"
	                   "L\t1\t116.57\t128.57\t12.00\tpos\t501.23,573.47,基本支出总表\n"
	                   "L\t1\t139.11\t149.11\t10.00\tpos\t29.50,139.50,部门名称：深圳市信访局\t995.25,1045.25,单位：万元\n"
	                   "L\t1\t161.16\t171.16\t10.00\tpos\t403.25,443.25,财政拨款\t786.32,826.32,单位资金\n"
	                   "L\t1\t169.21\t179.21\t10.00\tpos\t577.38,617.38,财政专户\t990.55,1040.55,上年结余、\n"
	                   "L\t1\t177.01\t190.23\t10.00\tpos\t89.20,149.20:177.01:187.01,支出项目类别\t239.12,259.12:177.01:187.01,总计\t368.42,408.42:180.23:190.23,一般公共\t433.07,483.07:180.23:190.23,政府性基金\t502.72,552.72:180.23:190.23,国有资本经\t716.67,756.67:180.23:190.23,事业单位\t786.33,826.33:180.23:190.23,上级补助\t855.97,895.97:180.23:190.23,附属单位\n"
	                   "L\t1\t184.81\t198.03\t10.00\tpos\t308.78,328.78:188.03:198.03,小计\t577.38,617.38:184.81:194.81,管理资金\t647.02,687.02:188.03:198.03,事业收入\t925.63,965.63:188.03:198.03,其他收入\t1005.55,1025.55:184.81:194.81,结转\n"
	                   "L\t1\t195.83\t205.83\t10.00\tpos\t368.42,408.42,预算拨款\t438.07,478.07,预算拨款\t502.72,552.72,营预算拨款\t716.67,756.67,经营收入\t796.33,816.33,收入\t855.97,895.97,上缴收入\n"
	                   "L\t1\t211.93\t221.93\t10.00\tpos\t29.50,89.50,深圳市信访局\t238.55,278.55,3,072.01\t308.20,348.20,3,072.01\t377.85,417.85,3,072.01\t467.50,487.50,0.00\t537.15,557.15,0.00\t606.80,626.80,0.00\t676.45,696.45,0.00\t746.10,766.10,0.00\t815.75,835.75,0.00\t885.40,905.40,0.00\t955.05,975.05,0.00\t1025.25,1045.25,0.00\n"
	                   "L\t1\t228.03\t238.03\t10.00\tpos\t49.50,109.50,工资福利支出\t238.55,278.55,2,522.02\t308.20,348.20,2,522.02\t377.85,417.85,2,522.02\t467.50,487.50,0.00\t537.15,557.15,0.00\t606.80,626.80,0.00\t676.45,696.45,0.00\t746.10,766.10,0.00\t815.75,835.75,0.00\t885.40,905.40,0.00\t955.05,975.05,0.00\t1025.25,1045.25,1.00\n"
	                   "%end\n");
	cr_expect_null(gk_result_find(r, "general_budget_basic_expenditure"));
	const gk_table *t = table(r, "expenditure_by_economic_class");
	int i = row_of(t, "econ_name", "工资福利支出");
	cr_expect_str_eq(gk_table_get(t, i, "total"), "2522.02");
	cr_expect_str_eq(gk_table_get(t, i, "general_budget"), "2522.02");
	cr_expect_str_eq(gk_table_get(t, i, "carryover"), "1.00");
	gk_result_drop(r);
}

/* 深圳信访局 p3-4: the table of contents ends with (十一) and the text
 * follows; its last entry is no table either (the contents, after 目录,
 * list three tables: check_toc.c) */
Test(tables, toc_last_entry)
{
	gk_result *r = run(HEAD
	                   "L\t1\t370.00\t386.00\t16.00\tpos\t88.45,128.45,目录\n"
	                   "L\t1\t400.00\t416.00\t16.00\tpos\t88.45,328.45,（九）财政拨款“三公”经费支出表\n"
	                   "L\t1\t427.00\t443.00\t16.00\tpos\t88.45,328.45,（十）政府性基金预算支出表\n"
	                   "L\t1\t454.13\t470.13\t16.00\tpos\t88.45,328.45,（十一）国有资本经营预算支出表\n"
	                   "L\t2\t82.61\t108.61\t26.00\tpos\t219.65,375.65,一、文字部分\n"
	                   "L\t2\t220.62\t235.62\t15.00\tpos\t118.45,208.45,一、收支预算总体情况\n"
	                   "L\t2\t251.82\t266.82\t15.00\tpos\t118.45,506.84,收入总计\t300.00,340.00,4,684.30\t400.00,440.00,3,072.01\n"
	                   "%end\n");
	cr_expect_eq(r->ntable, 0, "%d tables", r->ntable);
	cr_expect_str_eq(gk_result_meta(r, "tables_listed"), "3");
	gk_result_drop(r);
}

/* 广州气象局 表12: 部门预算项目支出及其他支出预算表 is the project table;
 * the sentences of its 绩效目标 column neither end it nor join the names */
Test(tables, project_and_other_expenditure)
{
	gk_result *r = run(HEAD
	                   "L\t1\t100.00\t112.00\t12.00\tpos\t300.00,500.00,部门预算项目支出及其他支出预算表\n"
	                   "L\t1\t130.00\t140.00\t10.00\tpos\t40.00,140.00,单位名称：广州市气象局\t700.00,750.00,单位：万元\n"
	                   "L\t1\t150.00\t160.00\t10.00\tpos\t40.00,160.00,支出项目类别（资金使用单位）\t190.00,230.00,总计\t312.00,352.00,一般公共预算\t630.00,680.00,绩效目标\n"
	                   "L\t1\t175.00\t185.00\t10.00\tpos\t60.00,80.00,合计\t191.00,231.00,1,505.38\t312.00,352.00,1,505.38\n"
	                   "L\t1\t195.00\t205.00\t10.00\tpos\t40.00,100.00,广州市气象局\t191.00,231.00,276.00\t312.00,352.00,276.00\n"
	                   "L\t1\t215.00\t225.00\t10.00\tpos\t60.00,120.00,其他运行经费\t191.00,231.00,94.00\t312.00,352.00,94.00\t540.00,900.00,对日常业务配套设备的维护维持，保障业务专用设备正常运作及气象观测基地、观测场标准绿地维护用水。\n"
	                   "L\t1\t235.00\t245.00\t10.00\tpos\t60.00,120.00,机构运行辅助经费\t191.00,231.00,14.00\t312.00,352.00,14.00\n"
	                   "%end\n");
	cr_expect_null(gk_result_find(r, "expenditure_by_function"));
	const gk_table *t = table(r, "project_expenditure");
	cr_expect_eq(t->nrow, 4, "%d rows", t->nrow);
	/* the 绩效目标 text is its own column, not part of the name */
	int i = row_of(t, "project_name", "其他运行经费");
	cr_expect_str_eq(gk_table_get(t, i, "total"), "94.00");
	cr_expect(strstr(gk_table_get(t, i, "x_绩效目标"), "对日常业务配套设备") != NULL);
	gk_result_drop(r);
}

/* 广州气象局 表12 p22: the 资金使用单位 lines (广州市防雷减灾管理办公室, no
 * code, no type, a unit of the department's city) are unit rows, their
 * unit filled down onto the projects under them */
Test(tables, project_unit_rows_by_name)
{
	gk_result *r = run(HEAD
	                   "L\t1\t77.85\t90.85\t13.01\tpos\t315.90,524.06,部门预算项目支出及其他支出预算表\n"
	                   "L\t1\t106.73\t118.72\t12.00\tpos\t42.00,174.00,单位名称：广州市气象局\t738.00,798.00,单位：万元\n"
	                   "L\t1\t132.18\t142.18\t10.01\tpos\t46.50,166.62,支出项目类别（资金使用单位）\t190.99,211.01,总计\t296.81,346.86,一般公共预算\n"
	                   "L\t1\t172.30\t182.30\t10.01\tpos\t94.05,114.07,合计\t190.80,230.84,1,505.38\t311.63,351.67,1,505.38\n"
	                   "L\t1\t188.65\t198.65\t10.01\tpos\t47.78,107.84,广州市气象局\t200.81,230.84,276.00\t321.64,351.67,276.00\n"
	                   "L\t1\t212.80\t222.80\t10.01\tpos\t67.80,127.86,其他运行经费\t205.80,230.83,94.00\t326.63,351.66,94.00\n"
	                   "L\t1\t300.85\t310.85\t10.01\tpos\t47.78,167.90,广州市防雷减灾管理办公室\t205.80,230.83,30.00\t326.63,351.66,30.00\n"
	                   "L\t1\t325.00\t335.00\t10.01\tpos\t67.80,147.88,机构运行辅助经费\t210.83,230.85,7.00\t331.65,351.67,7.00\n"
	                   "L\t1\t356.95\t366.95\t10.01\tpos\t67.80,127.86,防雷业务经费\t205.80,230.83,23.00\t326.63,351.66,23.00\n"
	                   "%end\n");
	const gk_table *t = table(r, "project_expenditure");
	int i = row_of(t, "unit_name", "广州市防雷减灾管理办公室");
	cr_assert(i >= 0);
	cr_expect_str_eq(gk_table_get(t, i, "project_name"), "");
	cr_expect_str_eq(gk_table_get(t, i, "total"), "30.00");
	i = row_of(t, "project_name", "防雷业务经费");
	cr_expect_str_eq(gk_table_get(t, i, "unit_name"), "广州市防雷减灾管理办公室");
	i = row_of(t, "project_name", "其他运行经费");
	cr_expect_str_eq(gk_table_get(t, i, "unit_name"), "广州市气象局");
	gk_result_drop(r);
}

/* 广州规划和自然资源局 表12 p24: the 绩效目标 column wraps above and below
 * its row's amounts and is glued to the last amount ("0.00 机关及…"):
 * gathered onto its amount line, every row and amount read */
Test(tables, project_text_column_wrapped)
{
	gk_result *r = run(HEAD
	                   "L\t1\t77.85\t90.85\t13.01\tpos\t315.90,524.06,部门预算项目支出及其他支出预算表\n"
	                   "L\t1\t106.73\t118.72\t12.00\tpos\t42.00,234.00,单位名称：广州市规划和自然资源局\t738.00,798.00,单位：万元\n"
	                   "L\t1\t124.00\t134.00\t10.01\tpos\t332.02,372.06,财政拨款\n"
	                   "L\t1\t132.18\t142.18\t10.01\tpos\t46.50,166.62,支出项目类别（资金使用单\t476.74,544.53,财政专 其他资\n"
	                   "L\t1\t139.98\t150.35\t10.01\tpos\t190.99,211.01,总计\t296.81,346.86,一般公共预\t357.23,407.28,政府性基金\t417.64,467.69,国有资本经\t652.99,693.03,绩效目标\n"
	                   "L\t1\t147.78\t158.15\t10.01\tpos\t96.56,116.58,位）\t251.40,271.42,合计\t476.74,506.77,户拨款\t524.51,534.52,金\n"
	                   "L\t1\t155.95\t165.95\t10.01\tpos\t316.84,326.85,算\t372.23,392.25,预算\t427.65,457.68,营预算\n"
	                   "L\t1\t172.30\t182.30\t10.01\tpos\t94.05,114.07,合计\t180.79,230.84,959,352.54\t241.20,291.25,958,960.11\t306.60,351.65,49,023.99\t362.02,412.07,909,936.12\t452.48,472.50,0.00\t490.24,510.26,0.00\t517.99,548.02,392.43\n"
	                   "L\t1\t188.65\t198.65\t10.01\tpos\t47.78,157.89,广州市规划和自然资源局\t185.78,230.82,21,182.33\t246.19,291.23,20,979.33\t311.63,351.67,5,500.53\t367.01,412.05,15,478.80\t452.48,472.50,0.00\t490.24,510.26,0.00\t517.99,548.02,203.00\n"
	                   "L\t1\t205.00\t215.00\t10.01\tpos\t553.80,784.03,通过开展业务用房物业管理，保障机关卫生整洁与安\n"
	                   "L\t1\t212.80\t222.80\t10.01\tpos\t67.80,157.89,业务用房物业管理费\t205.80,230.83,51.50\t266.21,291.23,51.50\t326.63,351.66,51.50\t392.06,412.08,0.00\t452.48,472.50,0.00\t490.24,510.26,0.00\t528.00,548.02,0.00\n"
	                   "L\t1\t220.60\t230.60\t10.01\tpos\t548.78,789.02,全；通过机关绿化，美化办公环境，提升办公舒适度。\n"
	                   "L\t1\t236.95\t246.95\t10.01\tpos\t553.80,794.04,按照省市相关要求，通过购买服务或服务外包方式解决\n"
	                   "L\t1\t252.55\t262.55\t10.01\tpos\t67.80,127.86,其他运行经费\t200.81,230.84,677.24\t261.23,291.26,677.24\t321.64,351.67,677.24\t392.06,412.08,0.00\t452.48,472.50,0.00\t490.24,510.26,0.00\t528.00,789.02,0.00 机关及窗口辅助性、服务性工作，为局机关行政和窗口\n"
	                   "L\t1\t268.15\t278.15\t10.01\tpos\t548.78,648.88,社会化服务提供保障。\n"
	                   "L\t1\t284.50\t294.50\t10.01\tpos\t553.80,794.04,2026年度因公临时出国经费：通过开展因公出国（境）\n"
	                   "L\t1\t300.10\t310.10\t10.01\tpos\t548.78,789.02,相关工作，与有关政府机构、设计机构、重点企业加强\n"
	                   "L\t1\t315.70\t325.70\t10.01\tpos\t67.80,107.84,工作经费\t205.80,230.83,86.47\t266.21,291.23,86.47\t326.63,351.66,86.47\t392.06,412.08,0.00\t452.48,472.50,0.00\t490.24,510.26,0.00\t528.00,789.02,0.00 交流合作，学习全球标杆城市建设和重点项目规划先进\n"
	                   "%end\n");
	const gk_table *t = table(r, "project_expenditure");
	int i = row_of(t, "project_name", "其他运行经费");
	cr_expect_str_eq(gk_table_get(t, i, "total"), "677.24");
	cr_expect_str_eq(gk_table_get(t, i, "unit_funds"), "0.00");
	cr_expect_str_eq(gk_table_get(t, i, "x_绩效目标"),
	                 "按照省市相关要求，通过购买服务或服务外包方式解决机关及窗口辅助性、服务性工作，为局机关行政和窗口社会化服务提供保障。");
	i = row_of(t, "project_name", "业务用房物业管理费");
	cr_expect_str_eq(gk_table_get(t, i, "total"), "51.50");
	cr_expect(strstr(gk_table_get(t, i, "x_绩效目标"), "提升办公舒适度") != NULL);
	i = row_of(t, "project_name", "工作经费");
	cr_expect_str_eq(gk_table_get(t, i, "general_budget"), "86.47");
	gk_result_drop(r);
}

/* 广州生态环境局 项目支出绩效目标表（含转移支付项目）: each project's amounts
 * by source of funds, its goals and indicators as sentences (no 三级指标 /
 * 指标值 columns); its 绩效指标 cells print the indicators as one stream
 * (N、1－产出指标，11－数量指标，…), so it stays the performance table
 * (retitle-keep), on every page that repeats the title */
Test(tables, project_goals_as_sentences)
{
	gk_result *r = run("%gongkai-extract 1\nP\t1\t842\t595\nP\t2\t842\t595\n"
	                   "L\t1\t35.18\t46.68\t11.52\tpos\t249.50,586.46,广州市生态环境局2026年项目支出绩效目标表（含转移支付项目）\n"
	                   "L\t1\t63.81\t72.44\t8.64\tpos\t55.92,168.24,部门名称：广州市生态环境局\t736.80,780.00,单位：万元\n"
	                   "L\t1\t80.95\t89.58\t8.64\tpos\t58.70,163.44,项目名称（资金使用单位）\t176.30,202.32,总计：\t223.44,258.29,财政拨款\t274.46,326.78,财政专户拨款\t342.96,377.81,其他资金\t465.36,500.21,绩效目标\t660.96,695.81,绩效指标\n"
	                   "L\t1\t100.51\t112.13\t8.64\tpos\t98.16,124.08:102.69:111.32,合计：\t174.62,209.57,37,367.86\t234.38,269.33,35,790.09\t358.22,388.80,1,577.77\n"
	                   "L\t1\t122.83\t134.45\t8.64\tpos\t76.56,145.68:125.01:133.64,广州市生态环境局\t174.62,209.57,12,887.86\t234.38,269.33,12,887.86\n"
	                   "L\t1\t144.82\t156.44\t8.64\tpos\t576.86,769.34,1.1－产出指标，11－数量指标，项目专职环保员数\n"
	                   "L\t1\t157.99\t166.62\t8.64\tpos\t576.86,775.58,量；实施周期指标值：≦核定人数，年度指标值：≦\n"
	                   "L\t1\t168.21\t176.84\t8.64\tpos\t576.86,775.82,核定人数；2、1－产出指标，12－质量指标，环境应\n"
	                   "L\t1\t179.25\t187.88\t8.64\tpos\t576.86,769.92,急事件响应率；实施周期指标值：100%，年度指标\n"
	                   "L\t1\t190.29\t198.92\t8.64\tpos\t576.86,772.56,值：100%;3、1－产出指标，12－质量指标，专职环\n"
	                   "L\t1\t201.91\t210.92\t8.64\tpos\t391.82,775.58,通过开展广州市建立镇（街）园区环境保护监督 保员队伍管理规范化；实施周期指标值：考察是否符\n"
	                   "L\t1\t212.71\t221.72\t8.64\tpos\t59.28,162.96,广州市镇（街）园区环保监\t391.82,775.58,检查员队伍，有利于强化落实镇（街）环境保护 合规范，合规得满分，不合规不得分。年度指标值：\n"
	                   "L\t1\t216.19\t227.81\t8.64\tpos\t185.52,209.52,238.00\t245.28,269.28,238.00\n"
	                   "L\t2\t63.81\t72.44\t8.64\tpos\t55.92,168.24,部门名称：广州市生态环境局\t736.80,780.00,单位：万元\n"
	                   "L\t2\t80.95\t89.58\t8.64\tpos\t58.70,163.44,项目名称（资金使用单位）\t176.30,202.32,总计：\t223.44,258.29,财政拨款\t274.46,326.78,财政专户拨款\t342.96,377.81,其他资金\t465.36,500.21,绩效目标\t660.96,695.81,绩效指标\n"
	                   "L\t2\t102.10\t113.72\t8.64\tpos\t576.86,769.34,1.1－产出指标，11－数量指标，项目专职环保员数\n"
	                   "L\t2\t169.99\t179.00\t8.64\tpos\t59.28,162.96,广州市镇（街）园区环保监\t391.82,775.58,检查员队伍，有利于强化落实镇（街）环境保护 合规范，合规得满分，不合规不得分。年度指标值：\n"
	                   "L\t2\t173.47\t185.09\t8.64\tpos\t185.52,209.52,287.00\t245.28,269.28,287.00\n"
	                   "L\t2\t180.21\t189.80\t8.64\tpos\t63.60,158.64,督检查员经费（荔湾区）\t391.82,775.82,属地责任，健全完善环保监管责任体制，全面提 是；1、1－产出指标，13－时效指标，项目资金支付\n"
	                   "L\t2\t191.25\t200.60\t8.64\tpos\t391.82,478.22,升基层环保工作水平。\t576.86,761.28,及时率；实施周期指标值：100%，年度指标值：\n"
	                   "%end\n");
	cr_expect_null(gk_result_find(r, "project_expenditure"));
	const gk_table *t = table(r, "project_performance");
	int i = row_of(t, "project_name", "合计");
	cr_expect_str_eq(gk_table_get(t, i, "total"), "37367.86");
	cr_expect_str_eq(gk_table_get(t, i, "unit_funds"), "1577.77");
	i = row_of(t, "total", "287.00"); /* page 2 */
	cr_expect(strstr(gk_table_get(t, i, "project_name"), "荔湾区") != NULL);
	cr_expect_str_eq(gk_table_get(t, i, "x_unit"), "广州市生态环境局");
	gk_result_drop(r);
}

/* 江苏省人民检察院 公开03表 支出预算总表: 单位预留机动经费 is the fourth part
 * of the total (total = basic + project + reserve) */
Test(tables, reserve)
{
	gk_result *r = run(HEAD
	                   "L\t1\t519.27\t542.29\t18.00\tpos\t243.65,351.65,支出预算总表\n"
	                   "L\t1\t558.39\t568.35\t9.96\tpos\t79.46,214.32,部门名称： 江苏省人民检察院\t465.82,515.73,单位：万元\n"
	                   "L\t1\t580.98\t590.94\t9.96\tpos\t108.86,128.90,合计\t186.50,226.70,基本支出\t275.45,315.65,项目支出\t347.47,427.70,单位预留机动经费\t447.34,507.54,结转下年资金\n"
	                   "L\t1\t609.50\t618.46\t9.96\tpos\t100.10,137.66,24169.74\t187.82,225.38,15844.04\t279.29,311.82,4335.30\t373.87,401.37,3990.4\n"
	                   "%end\n");
	const gk_table *t = table(r, "expenditure_by_function");
	cr_assert_eq(t->nrow, 1, "%d rows", t->nrow);
	cr_expect_str_eq(gk_table_get(t, 0, "total"), "24169.74");
	cr_expect_str_eq(gk_table_get(t, 0, "basic_total"), "15844.04");
	cr_expect_str_eq(gk_table_get(t, 0, "project_total"), "4335.30");
	cr_expect_str_eq(gk_table_get(t, 0, "reserve"), "3990.4");
	gk_result_drop(r);
}

/* 西安商务局 表13: a 三公 title ending （不含上年结转） is still one */
Test(tables, three_title_with_suffix)
{
	gk_result *r = run(HEAD
	                   "L\t1\t60.00\t76.00\t16.00\tpos\t150.00,900.00,2022年部门综合预算一般公共预算拨款“三公”经费、会议费、培训费表（不含上年结转）\n"
	                   "L\t1\t90.00\t100.00\t10.00\tpos\t950.00,1000.00,金额单位：元\n"
	                   "L\t1\t110.00\t120.00\t10.00\tpos\t200.00,240.00,合计\t300.00,340.00,因公出国（境）费用\t400.00,440.00,公务接待费\n"
	                   "L\t1\t130.00\t140.00\t10.00\tpos\t100.00,140.00,合计\t200.00,240.00,68000.00\t300.00,340.00,0.00\t400.00,440.00,68000.00\n"
	                   "%end\n");
	const gk_table *t = table(r, "three_public_expenses");
	cr_expect_str_eq(gk_table_get(t, 0, "total"), "6.80");
	gk_result_drop(r);
}

/* Amounts in 元 with a comma only before the last three digits
 * ("120258,600"): thousands marks, converted to 万元 like any amount.
 * (Issue 11 cause 2.1; no PDF of ../shared/corpus prints it, so the
 * lines are written in the layout of the 支出总表 above.) */
Test(tables, yuan_comma_before_last_thousand)
{
	gk_result *r = run(HEAD
	                   "L\t1\t60.00\t76.00\t16.00\tpos\t300.00,500.00,部门支出总表\n"
	                   "L\t1\t90.00\t100.00\t10.00\tpos\t700.00,760.00,单位：元\n"
	                   "L\t1\t110.00\t120.00\t10.00\tpos\t50.00,90.00,科目编码\t100.00,140.00,科目名称\t200.00,260.00,合计\t300.00,380.00,基本支出\t400.00,440.00,项目支出\n"
	                   "L\t1\t130.00\t140.00\t10.00\tpos\t100.00,140.00,合计\t200.00,260.00,120258,600\t300.00,340.00,94429,588\t400.00,440.00,25829,012\n"
	                   "%end\n");
	const gk_table *t = table(r, "expenditure_by_function");
	cr_assert_eq(t->nrow, 1, "%d rows", t->nrow);
	cr_expect_str_eq(gk_table_get(t, 0, "total"), "12025.86");
	cr_expect_str_eq(gk_table_get(t, 0, "basic_total"), "9442.9588");
	cr_expect_str_eq(gk_table_get(t, 0, "project_total"), "2582.9012");
	gk_result_drop(r);
}

/* ---- document.csv from the cover ---- */

static void expect_meta(const char *stream, const char *region, const char *dept, const char *year,
                        const char *kind)
{
	gk_result *r = run(stream);
	cr_expect_str_eq(gk_result_meta(r, "region"), region);
	cr_expect_str_eq(gk_result_meta(r, "department"), dept);
	cr_expect_str_eq(gk_result_meta(r, "year"), year);
	cr_expect_str_eq(gk_result_meta(r, "kind"), kind);
	gk_result_drop(r);
}

/* the cover's title wrapped over two lines (烟台人社局) */
Test(tables, cover_title_wrapped)
{
	expect_meta("%gongkai-extract 1\nP\t1\t595\t842\n"
	            "L\t1\t279.87\t311.84\t32.00\tpos\t73.58,521.58,2026年烟台市人力资源和社会保\n"
	            "L\t1\t327.87\t359.84\t32.00\tpos\t201.58,393.58,障局部门预算\n"
	            "%end\n",
	            "烟台市", "烟台市人力资源和社会保障局", "2026", "预算");
}

/* a title naming no department: the 部门名称 line under it (西安应急管理局,
 * whose file name says 2026 and whose cover says 2019) */
Test(tables, cover_unit_line)
{
	expect_meta("%gongkai-extract 1\nP\t1\t595\t842\n"
	            "L\t1\t74.73\t83.73\t9.00\tpos\t56.18,78.92,附件2\n"
	            "L\t1\t119.40\t145.44\t26.04\tpos\t251.69,591.88,2019年部门综合预算公开报表\n"
	            "L\t1\t332.18\t352.22\t20.04\tpos\t261.62,604.22,部门名称：西安市安全生产监督管理局\n"
	            "L\t1\t373.37\t393.41\t20.04\tpos\t261.62,463.16,保密审查情况：不设密\t504.02,564.38,黄会强\n"
	            "%end\n",
	            "西安市", "西安市安全生产监督管理局", "2019", "预算");
}

/* a party organ: its name as printed, its region inside it, the scope
 * mark （本级） left out (深圳宣传部) */
Test(tables, cover_party_organ)
{
	expect_meta("%gongkai-extract 1\nP\t1\t595\t842\n"
	            "L\t1\t139.78\t161.78\t22.00\tpos\t118.90,476.40,2026 年中共深圳市委宣传部（本级）\n"
	            "L\t1\t170.98\t192.98\t22.00\tpos\t253.65,341.65,部门预算\n"
	            "%end\n",
	            "深圳市", "中共深圳市委宣传部", "2026", "预算");
}

/* a notice is no budget: nothing to say (包头) */
Test(tables, cover_of_no_budget)
{
	expect_meta("%gongkai-extract 1\nP\t1\t595\t842\n"
	            "L\t1\t396.09\t411.21\t15.12\tpos\t228.82,366.86,包府办发〔2026〕11 号\n"
	            "L\t1\t461.28\t482.40\t21.12\tpos\t192.55,402.82,包头市人民政府办公室\n"
	            "L\t1\t486.24\t507.36\t21.12\tpos\t140.21,455.42,关于印发包头市建筑垃圾污染环境\n"
	            "L\t1\t511.20\t532.32\t21.12\tpos\t100.37,493.13,防治工作规划（2025—2035 年）的通知\n"
	            "%end\n",
	            "", "", "", "");
}

/* without a cover, a table head's 部门名称 that is a header word is no
 * department (湖州: "单位名称" over 公务接待费) */
Test(tables, head_word_is_no_department)
{
	gk_result *r = run(HEAD
	                   "L\t1\t60.00\t76.00\t16.00\tpos\t300.00,500.00,一般公共预算“三公”经费支出情况表\n"
	                   "L\t1\t90.00\t100.00\t10.00\tpos\t40.00,100.00,单位名称\t200.00,260.00,公务接待费\t700.00,760.00,单位：万元\n"
	                   "L\t1\t110.00\t120.00\t10.00\tpos\t100.00,140.00,合计\t200.00,260.00,因公出国（境）费\t400.00,440.00,公务接待费\n"
	                   "L\t1\t130.00\t140.00\t10.00\tpos\t100.00,140.00,合计\t200.00,240.00,0.00\t400.00,440.00,3.50\n"
	                   "%end\n");
	cr_expect_str_eq(gk_result_meta(r, "department"), "");
	gk_result_drop(r);
}

/* ---- other_<n>: every row and cell ---- */

/* 无锡信访局 公开05表 财政拨款支出表（功能科目）: codes, names and amounts in
 * columns of their own, named by the header path (基本支出 over 小计 人员经费
 * 公用经费); its second page adds its row */
Test(tables, other_table_every_cell)
{
	gk_result *r = run(HEAD
	                   "L\t1\t63.74\t85.74\t22.00\tpos\t278.83,565.88,财政拨款支出表（功能科目）\n"
	                   "L\t1\t97.75\t108.75\t11.00\tpos\t44.75,143.75,部门：无锡市信访局\t745.05,800.05,单位：万元\n"
	                   "L\t1\t119.97\t130.97\t11.00\tpos\t561.28,605.28,基本支出\n"
	                   "L\t1\t130.70\t141.70\t11.00\tpos\t66.15,110.15,科目编码\t217.63,261.63,科目名称\t384.95,406.95,合计\t739.20,783.20,项目支出\n"
	                   "L\t1\t141.44\t152.44\t11.00\tpos\t481.63,503.63,小计\t561.62,605.62,人员经费\t652.28,696.28,公用经费\n"
	                   "L\t1\t162.90\t173.90\t11.00\tpos\t182.48,204.48,合计\t400.20,444.20,2,723.94\t491.55,535.55,1,692.29\t582.20,626.20,1,593.76\t689.35,716.85,98.53\t756.05,800.05,1,031.65\n"
	                   "L\t1\t183.90\t194.90\t11.00\tpos\t44.75,61.25,201\t137.05,225.05,一般公共服务支出\t400.20,444.20,2,115.79\t491.55,535.55,1,084.14\t593.20,626.20,985.61\t689.35,716.85,98.53\t756.05,800.05,1,031.65\n"
	                   "L\t1\t206.12\t217.12\t11.00\tpos\t44.75,72.25,20103\t137.05,302.05,政府办公厅（室）及相关机构事务\t400.20,444.20,1,084.14\t491.55,535.55,1,084.14\t593.20,626.20,985.61\t689.35,716.85,98.53\n"
	                   "L\t1\t228.33\t239.33\t11.00\tpos\t44.75,83.25,2010301\t137.05,181.05,行政运行\t400.20,444.20,1,084.14\t491.55,535.55,1,084.14\t593.20,626.20,985.61\t689.35,716.85,98.53\n"
	                   "L\t2\t41.22\t52.22\t11.00\tpos\t44.75,83.25,2210203\t137.05,181.05,购房补贴\t411.20,444.20,130.02\t502.55,535.55,130.02\t593.20,626.20,130.02\n"
	                   "%end\n");
	const gk_table *t = table(r, "other_1");
	cr_expect_geq(gk_table_col(t, "基本支出/人员经费"), 0);
	cr_expect_geq(gk_table_col(t, "项目支出"), 0);
	int i = row_of(t, "科目编码", "2010301");
	cr_expect_str_eq(gk_table_get(t, i, "科目名称"), "行政运行");
	cr_expect_str_eq(gk_table_get(t, i, "基本支出/人员经费"), "985.61");
	i = row_of(t, "科目编码", "2210203"); /* page 2 */
	cr_expect_str_eq(gk_table_get(t, i, "科目名称"), "购房补贴");
	gk_result_drop(r);
}

/* 烟台统计局 公开表12 政府采购预算表: 类/款/项 printed as three columns are
 * one column of joined codes */
Test(tables, other_table_codes_joined)
{
	gk_result *r = run("%gongkai-extract 1\nP\t1\t842\t595\n"
	                   "L\t1\t79.53\t92.72\t13.20\tpos\t374.80,467.20,政府采购预算表\n"
	                   "L\t1\t99.61\t108.08\t8.48\tpos\t45.07,155.31,部门（单位）：烟台市统计局\t754.50,796.90,单位：万元\n"
	                   "L\t1\t117.65\t127.07\t9.43\tpos\t62.40,100.12,科目编码\t444.92,482.64,财政拨款\n"
	                   "L\t1\t130.61\t140.03\t9.43\tpos\t579.86,627.01,财政专户管\t691.57,738.72,使用非财政\n"
	                   "L\t1\t135.33\t144.75\t9.43\tpos\t188.96,226.68,科目名称\t314.70,333.56,合计\t640.43,678.15,单位资金\t752.14,789.86,上年结转\n"
	                   "L\t1\t139.81\t149.46\t9.43\tpos\t412.28,459.43,一般公共预\t468.14,515.29,政府性基金\t524.00,571.15,国有资本经\t589.28,617.57,理资金\t696.29,734.01,拨款结余\n"
	                   "L\t1\t144.52\t153.94\t9.43\tpos\t50.73,60.16,类\t75.12,84.55,款\t100.93,110.36,项\t370.56,389.42,小计\n"
	                   "L\t1\t149.23\t158.65\t9.43\tpos\t431.13,440.56,算\t482.28,501.14,预算\t533.42,561.71,营预算\n"
	                   "L\t1\t172.77\t180.31\t7.54\tpos\t121.43,128.97,合\t136.51,144.05,计\t331.20,350.05,49.33\t387.06,405.91,49.33\t442.92,461.77,49.33\n"
	                   "L\t1\t192.57\t200.11\t7.54\tpos\t49.79,61.10,201\t121.43,181.75,一般公共服务支出\t331.20,350.05,49.33\t387.06,405.91,49.33\t442.92,461.77,49.33\n"
	                   "L\t1\t212.37\t219.91\t7.54\tpos\t76.07,83.61,05\t128.97,174.21,统计信息事务\t331.20,350.05,49.33\t387.06,405.91,49.33\t442.92,461.77,49.33\n"
	                   "L\t1\t232.17\t239.71\t7.54\tpos\t101.88,109.42,01\t136.51,166.67,行政运行\t334.98,350.06,1.83\t390.83,405.91,1.83\t446.69,461.77,1.83\n"
	                   "L\t1\t251.96\t259.50\t7.54\tpos\t101.88,109.42,07\t136.51,181.75,专项普查活动\t331.20,350.05,47.50\t387.06,405.91,47.50\t442.92,461.77,47.50\n"
	                   "L\t1\t557.08\t566.08\t9.00\tpos\t406.85,436.89,— 24 —\n"
	                   "%end\n");
	const gk_table *t = table(r, "other_1");
	int i = row_of(t, "科目编码", "2010507");
	cr_expect_str_eq(gk_table_get(t, i, "科目名称"), "专项普查活动");
	cr_expect_str_eq(gk_table_get(t, i, "合计"), "47.50");
	cr_expect_geq(row_of(t, "科目编码", "20105"), 0);
	gk_result_drop(r);
}

/* 长沙信访局 pp.18-19 一般公共预算基本支出情况表: 人员类 heads the
 * personnel column beside 公用经费 (a 人员类项目 would be a kind of
 * project, not this column) */
Test(tables, basic_personnel_class_column)
{
	gk_result *r = run(HEAD
	                   "L\t1\t41.78\t57.74\t15.98\tpos\t291.75,558.23,2026年一般公共预算基本支出情况表\n"
	                   "L\t1\t74.68\t84.65\t9.98\tpos\t35.25,142.73,部门名称：长沙市信访局\t771.00,815.48,单位:万元\n"
	                   "L\t1\t97.18\t107.15\t9.98\tpos\t63.00,121.73,经济科目编码\t241.50,300.23,经济科目名称\t"
	                   "466.50,486.23,总计\t610.50,639.98,人员类\t733.50,772.73,公用经费\n"
	                   "L\t1\t142.18\t152.15\t9.98\tpos\t152.25,171.98,合计\t518.25,559.99,1,517.95\t"
	                   "645.75,687.49,1,394.97\t783.75,814.99,122.98\n"
	                   "L\t1\t169.18\t179.15\t9.98\tpos\t35.25,50.74,301\t152.25,210.98,工资福利支出\t"
	                   "518.25,559.99,1,212.01\t645.75,687.49,1,212.01\n"
	                   "L\t1\t517.93\t527.90\t9.98\tpos\t35.25,50.74,302\t152.25,220.73,商品和服务支出\t"
	                   "528.75,559.99,171.78\t661.50,687.49,48.80\t783.75,814.99,122.98\n"
	                   "L\t1\t544.93\t554.90\t9.98\tpos\t45.75,71.74,30201\t152.25,181.73,办公费\t"
	                   "534.00,559.99,33.00\t789.00,814.99,33.00\n"
	                   "L\t1\t557.43\t567.40\t9.98\tpos\t35.25,50.74,303\t152.25,240.23,对个人和家庭的补助\t"
	                   "528.75,559.99,134.16\t656.25,687.49,134.16\n"
	                   "%end\n");
	const gk_table *t = table(r, "general_budget_basic_expenditure");
	int i = row_of(t, "econ_name", "合计");
	cr_expect_str_eq(gk_table_get(t, i, "personnel"), "1394.97");
	cr_expect_str_eq(gk_table_get(t, i, "public"), "122.98");
	i = row_of(t, "econ_code", "302");
	cr_expect_str_eq(gk_table_get(t, i, "personnel"), "48.80");
	cr_expect_str_eq(gk_table_get(t, i, "public"), "122.98");
	i = row_of(t, "econ_code", "30201");
	cr_expect_str_eq(gk_table_get(t, i, "personnel"), "");
	cr_expect_str_eq(gk_table_get(t, i, "public"), "33.00");
	gk_result_drop(r);
}

/* a label cut to a buffer's size inside a character (广州生态's scan, a
 * project cell of 300 characters) is written without the cut bytes:
 * checks.csv stays UTF-8 */
Test(tables, finding_text_is_utf8)
{
	gk_result *r = gk_result_new();
	gk_result_add_finding(r, "project_expenditure", "col:单位=Σprojects", "有利于强化落实镇属\xe5\x8a", "1.00",
	                      "\xff" "2.00", "skip", 1, "p.1, row 镇\xe5");
	cr_assert_str_eq(r->checks[0].row, "有利于强化落实镇属");
	cr_assert_str_eq(r->checks[0].found, "2.00");
	cr_assert_str_eq(r->checks[0].detail, "p.1, row 镇");
	cr_assert_str_eq(r->checks[0].check, "col:单位=Σprojects");
	gk_result_drop(r);
}
