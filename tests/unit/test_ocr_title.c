/* test_ocr_title.c - a table title OCR misread (normalize/ocrtitle.c):
 * taken for the usual title it is clearly nearest, on OCRed pages only,
 * and said in checks.csv. */
#include "fixture.h"

#include <stdlib.h>

/* 郑州 2024 p.14 scanned at 200 dpi and degraded: 支出 read 去出 (the
 * title), under the header and first rows of the clean scan */
#define P14                                                                                                          \
	"P\t1\t792.00\t612.00\n"                                                                                         \
	"L\t1\t70.24\t77.60\t7.36\tpos\t347.68,437.92@90,2024年去出经济分类汇总表\n"                                     \
	"L\t1\t87.52\t94.24\t6.72\tpos\t54.72,88.64@93,部门预算经济分类\t188.48,222.24@93,政府预算经济分类\t296.48,"    \
	"304.80@90,总计\t328.80,354.24@91,一般公共预算\t398.72,419.52@95,政府性基金\t426.88,464.48@33,国有资本经营预算" \
	"\t469.44,496.48@74,上年结转结余\t502.56,543.36@92,财政专户管理资金收入\t554.72,573.60@97,事业收入\t576.64,"   \
	"603.36@79,上级补助收入\t609.92,647.04@42,附属单位上缴收入\t652.64,687.68@64,事业单位经营收入\t694.24,711.20@"  \
	"53,其他收入\n"                                                                                                  \
	"L\t1\t94.72\t101.44\t6.72\tpos\t54.72,58.40@12,二\t97.60,101.60@92,款\t114.56,131.20@88,科目名称\t188.48,"      \
	"192.32@37,二\t231.36,235.20@92,款\t248.16,265.28@91,科目名称\t328.80,337.12@91,小计\t361.12,390.72@90,其中:"   \
	"财政拨款\n"                                                                                                     \
	"L\t1\t101.92\t108.48\t6.56\tpos\t114.72,123.20@97,合计\t313.28,327.36@96,6273.0\t345.76,359.68@96,6273.0\t"    \
	"383.20,397.12@90,6273.0\n"                                                                                      \
	"L\t1\t116.32\t122.72\t6.40\tpos\t54.72,61.60@92,301\t97.60,101.92@86,01\t114.72,131.04@96,基本工资\t188.48,"    \
	"195.04@92,501\t231.36,235.84@92,01\t248.32,277.76@92,工资奖金津补贴\t316.80,327.20@91,492.2\t349.28,359.68@"   \
	"92,492.2\t386.72,397.12@92,492.2\n"                                                                             \
	"%end\n"

static const gk_check *check_of(const gk_result *r, const char *name)
{
	for (int i = 0; i < r->ncheck; i++)
		if (!strcmp(r->checks[i].check, name))
			return &r->checks[i];
	return NULL;
}

Test(ocr_title, misread_title_on_ocr_page)
{
	gk_result *r = normalize_stream("%gongkai-extract 1\nM\tformat\tpdf\nM\tocr_pages\t1\n" P14, "zz");
	const gk_table *t = fixture_table(r, "expenditure_by_economic_class");
	cr_assert_eq(t->page, 1);
	cr_assert_null(gk_result_find(r, "other_1"));
	const gk_check *k = check_of(r, "ocr:title");
	cr_assert_not_null(k, "the doubt is said");
	cr_assert_str_eq(k->table_id, "expenditure_by_economic_class");
	cr_assert_str_eq(k->expected, "支出经济分类汇总表");
	cr_assert_str_eq(k->found, "2024年去出经济分类汇总表");
	gk_result_drop(r);
}

Test(ocr_title, text_layer_keeps_its_reading)
{
	gk_result *r = normalize_stream("%gongkai-extract 1\nM\tformat\tpdf\n" P14, "zz");
	cr_assert_null(gk_result_find(r, "expenditure_by_economic_class"), "no OCR, no guess");
	cr_assert_null(check_of(r, "ocr:title"));
	gk_result_drop(r);
}

/* 泉州 2026 p.18 scanned at 200 dpi: a title read right that is two
 * characters (基本) from the usual title of another table stays the
 * rules' table -- a word more is another title, not a misread */
#define QZ18                                                                                                        \
	"P\t1\t595.00\t842.00\n"                                                                                        \
	"L\t1\t60.77\t76.03\t15.26\tpos\t90.72,397.73@84,九、一般公共预算基本支出经济分类情况表\n"                 \
	"L\t1\t95.04\t110.59\t15.55\tpos\t131.04,465.41@66,2026年度一般公共预算基本支出经济分类情况表\n"            \
	"L\t1\t117.22\t127.30\t10.08\tpos\t451.01,505.73@89,单位:万元\n"                                           \
	"L\t1\t136.51\t147.46\t10.94\tpos\t90.43,137.09@96,科目编码\t263.23,309.60@92,科目名称\t455.62,490.46@93," \
	"预算数\n"                                                                                                      \
	"L\t1\t156.96\t167.33\t10.37\tpos\t245.95,268.42@95,合计\t472.61,510.34@89,51691.74\n"                      \
	"L\t1\t173.66\t182.30\t8.64\tpos\t90.43,104.26@92,301\t149.76,204.48@97,工资福利支出\t472.61,510.05@76,"    \
	"43342.83\n"                                                                                                    \
	"L\t1\t189.50\t197.57\t8.06\tpos\t90.43,111.17@91,30101\t150.34,184.32@96,基本工资\t479.81,510.34@92,"      \
	"7939.69\n"                                                                                                     \
	"%end\n"

Test(ocr_title, a_word_more_is_another_title)
{
	gk_result *r = normalize_stream("%gongkai-extract 1\nM\tformat\tpdf\nM\tocr_pages\t1\n" QZ18, "qz");
	cr_assert_not_null(gk_result_find(r, "general_budget_basic_expenditure"));
	cr_assert_null(gk_result_find(r, "general_budget_by_economic_class"));
	cr_assert_null(check_of(r, "ocr:title"), "read right: no doubt to say");
	gk_result_drop(r);
}

/* a page whose title OCR read but no rule or usual title knows: its
 * rows are not the table before's (a continuation page) but a table of
 * their own, and the doubt is said */
#define UNKNOWN_P2                                                                                                  \
	"P\t2\t595.00\t842.00\n"                                                                                        \
	"L\t2\t95.04\t110.59\t15.55\tpos\t131.04,465.41@80,2026年度部门编外人员经费测算汇集表\n"                  \
	"L\t2\t136.51\t147.46\t10.94\tpos\t90.43,137.09@96,科目编码\t263.23,309.60@92,科目名称\t455.62,490.46@93," \
	"预算数\n"                                                                                                      \
	"L\t2\t173.66\t182.30\t8.64\tpos\t90.43,104.26@92,301\t149.76,204.48@97,工资福利支出\t472.61,510.05@76,"    \
	"120.00\n"                                                                                                      \
	"%end\n"

Test(ocr_title, an_unknown_title_keeps_its_table_apart)
{
	const char *qz = QZ18;
	char *s = gk_strfmt("%%gongkai-extract 1\nM\tformat\tpdf\nM\tocr_pages\t1,2\n%.*s%s", (int)(strlen(qz) - 5),
	                    qz, UNKNOWN_P2);
	gk_result *r = normalize_stream(s, "qz");
	const gk_table *t = fixture_table(r, "general_budget_basic_expenditure");
	for (int i = 0; i < t->nrow; i++)
		cr_assert_str_neq(gk_table_get(t, i, "total"), "120.00", "page 2's row is not this table's");
	cr_assert_not_null(gk_result_find(r, "other_1"));
	const gk_check *k = check_of(r, "ocr:title");
	cr_assert_not_null(k);
	cr_assert_str_eq(k->status, "fail");
	gk_result_drop(r);
	free(s);
}

static const char *near(const gk_rules *rs, const char *s)
{
	const char *canon;
	return gk_title_near(rs, s, &canon, NULL);
}

Test(ocr_title, near_only_when_clear)
{
	char *err = NULL;
	gk_rules *rs = gk_rules_load("rules", &err);
	cr_assert_not_null(rs, "%s", err ? err : "");
	cr_assert_str_eq(near(rs, "去出经济分类汇总表"), "expenditure_by_economic_class");
	cr_assert_str_eq(near(rs, "一般公共预算“三公”经贾支出情况表"), "three_public_expenses"); /* 费 -> 贾 */
	cr_assert_str_eq(near(rs, "政府性基全预算支出情况表"), "government_fund_expenditure");
	/* 4 of 17 wrong (150 dpi 三公): too far to be sure */
	cr_assert_null(near(rs, "一般公共随算“三公”蚂昔支出情况家"));
	/* one from 收支 and one from 收入: either table */
	cr_assert_null(near(rs, "部门收x总体情况表"));
	/* 一般公共预算 + one: as near 支出情况表 as 基本支出情况表 */
	cr_assert_null(near(rs, "一般公共预算本支出情况表"));
	/* short titles differ by a character from each other */
	cr_assert_null(near(rs, "项目支山表"));
	/* an exact title is the rules' */
	cr_assert_null(near(rs, "支出经济分类汇总表"));
	/* nearest a table outside the contract */
	cr_assert_null(near(rs, "政府采购预箅表"));
	gk_rules_drop(rs);
}

/* 杭州交通 2026 p.13 scanned at 200 dpi: the title's “三公”经费预算表 lost
 * in tiny print (`…一般公共预算一` `经`); the head names 因公出国, 公务用车
 * and 公务接(待费): a 三公 table, said as a doubt.  On a text layer the
 * same lines are not guessed at. */
#define HZ13                                                                                                         \
	"P\t1\t595.00\t842.00\n"                                                                                         \
	"L\t1\t42.62\t62.21\t19.58\tpos\t54.14,397.44@80,表7: 2026年市级部门一般公共预算一\t444.10,459.36@96,经\n"       \
	"L\t1\t71.14\t84.38\t13.25\tpos\t46.08,180.00@90,部门名称:杭州市交通运输局\t506.59,555.26@90,单位:万元\n"      \
	"L\t1\t90.72\t100.22\t9.50\tpos\t374.69,472.32@79,公务用车购置及运行费\n"                                        \
	"L\t1\t105.70\t118.94\t9.22\tpos\t224.06,259.78@90,三公”经\t284.83,320.54@91,因公出国\t464.26,501.98@94,"       \
	"公务用车\t529.34,550.94@50,公务接\n"                                                                            \
	"L\t1\t111.46\t123.26\t11.81\tpos\t102.82,140.54@88,单位名称\n"                                                  \
	"L\t1\t115.78\t133.06\t16.99\tpos\t223.20,250.56@6,费合计\t286.85,320.54@44,(撞)费用\t358.56,382.75@85,小计\t"  \
	"407.81,452.16@42,公务用车\t464.26,501.98@93,运行维护\t527.33,546.62@0,待费\n"                                   \
	"L\t1\t131.04\t141.12\t13.54\tpos\t412.99,440.64@92,购置费\n"                                                    \
	"L\t1\t170.50\t179.14\t8.64\tpos\t46.37,64.22@97,合计\t234.72,262.94@92,873.20\t365.76,393.98@92,846.10\t"       \
	"420.19,448.42@88,421.30\t478.37,506.59@81,424.80\t531.36,554.98@89,27.10\n"                                     \
	"%end\n"

Test(ocr_title, three_public_by_its_head)
{
	gk_result *r = normalize_stream("%gongkai-extract 1\nM\tformat\tpdf\nM\tocr_pages\t1\n" HZ13, "hz");
	const gk_table *t = fixture_table(r, "three_public_expenses");
	cr_assert_eq(t->nrow, 1);
	cr_assert_str_eq(gk_table_get(t, 0, "total"), "873.20");
	cr_assert_str_eq(gk_table_get(t, 0, "vehicle_purchase"), "421.30");
	cr_assert_str_eq(gk_table_get(t, 0, "reception"), "27.10");
	const gk_check *k = check_of(r, "ocr:title");
	cr_assert_not_null(k, "the doubt is said");
	cr_assert_str_eq(k->table_id, "three_public_expenses");
	gk_result_drop(r);
}

Test(ocr_title, three_public_head_not_guessed_on_text)
{
	gk_result *r = normalize_stream("%gongkai-extract 1\nM\tformat\tpdf\n" HZ13, "hz");
	cr_assert_null(gk_result_find(r, "three_public_expenses"));
	gk_result_drop(r);
}

/* 上海普陀规划 2024 决算, pp. 6-7 of its 200 dpi scan
 * (tests/fixtures/ocr/title-lost-putuo.x): the title's last character
 * lost, 财政拨款收入支出决算总 at the head of the page, is the usual title
 * but for it; a row's label deep in the next page, 一十一、国有资本经营预算
 * 支出 (a usual title but for 表 too), is no title. */
Test(ocr_title, title_lost_its_last_character)
{
	gk_result *r = normalize_file("tests/fixtures/ocr/title-lost-putuo.x", "pt");
	const gk_table *t = fixture_table(r, "fiscal_appropriation_summary");
	cr_assert_eq(t->page, 1);
	cr_assert(t->nrow > 20);
	const gk_check *k = check_of(r, "ocr:title");
	cr_assert_not_null(k, "the doubt is said");
	cr_assert_str_eq(k->expected, "财政拨款收入支出决算总表");
	cr_assert_str_eq(k->found, "财政拨款收入支出决算总");
	cr_assert_null(gk_result_find(r, "state_capital_expenditure"));
	gk_result_drop(r);
}

/* 西安市司法局 2026 部门综合预算, pp. 34-37 of its 200 dpi scan
 * (tests/fixtures/ocr/title-bracket-xian.x): 表6's title read as two
 * cells, 部门综合预算一般公共预算支出明细表 and 按支出经济分类科目), the
 * qualifier's opening bracket lost.  It is the economic-class table, not
 * two more pages of 表5 (按支出功能分类科目) before it. */
Test(ocr_title, qualifier_bracket_lost)
{
	gk_result *r = normalize_file("tests/fixtures/ocr/title-bracket-xian.x", "xa");
	const gk_table *f = fixture_table(r, "general_budget_expenditure");
	const gk_table *t = fixture_table(r, "general_budget_by_economic_class");
	cr_assert_eq(t->page, 3);
	cr_assert_eq(f->page, 1);
	for (int i = 0; i < f->nrow; i++) /* no economic code among the functions */
		cr_assert_str_neq(gk_table_get(f, i, "func_code"), "30101");
	int i = 0;
	while (i < t->nrow && strcmp(gk_table_get(t, i, "econ_code"), "30101"))
		i++;
	cr_assert(i < t->nrow);
	cr_assert_str_eq(gk_table_get(t, i, "total"), "2209.83336");
	cr_assert_null(check_of(r, "ocr:title"), "every character was read: no doubt");
	gk_result_drop(r);
}

/* 江苏省政协办公厅 2019 p.1 scanned at 200 dpi and degraded: 收支预算总表
 * read 收支预复总表, one character from it and two from 收入预算总表 --
 * too short a title for a distance to tell.  Its head prints a 收入 and
 * a 支出 side, each an item and its 金额: the 收支总表 (rules "title-head"),
 * said as a doubt. */
#define JS_HEAD(head)                                                                                                \
	"P\t1\t842.00\t595.00\n"                                                                                         \
	"L\t1\t51.89\t62.40\t10.51\tpos\t45.26,89.37@26,公开01表\n"                                                     \
	"L\t1\t64.46\t88.46\t24.00\tpos\t316.34,468.80@82,收支预复总表\n"                                               \
	"L\t1\t89.37\t102.63\t13.26\tpos\t45.49,144.00@33,部门，江苏省政协办公打\t696.23,741.03@85,单位，万元\n" head \
	"L\t1\t157.26\t171.43\t14.17\tpos\t45.94,104.46@85,一、财政拨款\t230.40,272.91@92,13297.11\t282.51,377.60@89," \
	"一、一般公共服务支出\t462.63,506.97@92,10271.56\t516.57,570.06@93,一、基本支出\t700.34,741.03@92,6522.75\n"    \
	"L\t1\t221.49\t234.74\t13.26\tpos\t45.71,104.46@91,三、其他资金\t248.23,273.60@93,80.00\t284.34,337.14@91,"     \
	"五、教育支出\n"                                                                                                 \
	"%end\n"
#define JS_TWO_SIDES                                                                                                 \
	"L\t1\t106.29\t116.34\t10.06\tpos\t149.49,169.14@97,收入\t498.97,518.17@97,支出\n"                               \
	"L\t1\t124.11\t133.94\t9.83\tpos\t372.11,412.57@97,功能分类\t605.26,646.63@83,支出用途\n"                        \
	"L\t1\t133.03\t142.86\t9.83\tpos\t93.26,134.17@92,项目名称\n"                                                    \
	"L\t1\t141.03\t154.97\t21.94\tpos\t315.89,376.91@92,功能科目名称\t453.03,472.91@96,金额\t559.31,599.77@92,"     \
	"项目名称\t686.17,706.06@96,金额\n"

Test(ocr_title, short_title_told_by_its_head)
{
	gk_result *r =
	    normalize_stream("%gongkai-extract 1\nM\tformat\tpdf\nM\tocr_pages\t1\n" JS_HEAD(JS_TWO_SIDES), "js");
	const gk_table *t = fixture_table(r, "revenue_expenditure_summary");
	cr_assert_eq(t->page, 1);
	cr_assert_null(gk_result_find(r, "revenue_by_unit"));
	const gk_check *k = check_of(r, "ocr:title");
	cr_assert_not_null(k, "the doubt is said");
	cr_assert_str_eq(k->table_id, "revenue_expenditure_summary");
	cr_assert_str_eq(k->expected, "收支预算总表");
	cr_assert_str_eq(k->found, "收支预复总表");
	cr_assert_str_eq(k->status, "corrected");
	gk_result_drop(r);
}

Test(ocr_title, short_title_not_guessed_on_text)
{
	gk_result *r = normalize_stream("%gongkai-extract 1\nM\tformat\tpdf\n" JS_HEAD(JS_TWO_SIDES), "js");
	cr_assert_null(gk_result_find(r, "revenue_expenditure_summary"), "no OCR, no guess");
	cr_assert_null(check_of(r, "ocr:title"));
	gk_result_drop(r);
}

/* the same title over a head that shows neither table (its words lost):
 * no guess */
Test(ocr_title, short_title_head_unread)
{
	gk_result *r = normalize_stream("%gongkai-extract 1\nM\tformat\tpdf\nM\tocr_pages\t1\n" JS_HEAD(
	                                    "L\t1\t106.29\t116.34\t10.06\tpos\t149.49,169.14@30,叹入\t498.97,518.17@20,文山\n"),
	                                "js");
	cr_assert_null(gk_result_find(r, "revenue_expenditure_summary"));
	cr_assert_null(gk_result_find(r, "revenue_by_unit"));
	gk_result_drop(r);
}

/* what a head fits (rules "title-head") */
Test(ocr_title, head_rules_tell_the_summaries)
{
	char *err = NULL;
	gk_rules *rs = gk_rules_load("rules", &err);
	cr_assert_not_null(rs, "%s", err ? err : "");
	int n;
	const gk_rule *const *h = gk_rules_of(rs, "title-head", &n);
	const char *two = "部门:江苏省政协办公厅单位:万元收入支出功能分类支出用途项目名称功能科目名称金额项目名称金额";
	const char *income = "部门:江苏省政协办公厅单位:万元项目名称金额";
	const char *byunit = "部门名称:郑州市大数据管理局单位:万元部门(单位)代码部门(单位)名称总计本年收入上年结转结余";
	const char *cq = "单位名称:重庆市气象局单位:万元"; /* 单位名称 is the department's, no column */
	int f[4][4] = {{0}};
	const char *heads[4] = {two, income, byunit, cq};
	for (int k = 0; k < n; k++)
		for (int j = 0; j < 4; j++)
			if (gk_rule_match(h[k], heads[j], strlen(heads[j]), NULL))
				f[j][!strcmp(h[k]->name, "revenue_expenditure_summary") ? 0
				     : !strcmp(h[k]->name, "revenue_by_unit")           ? 1
				                                                        : 2] = 1;
	cr_assert(f[0][0] && !f[0][1], "two sides: the 收支总表");
	cr_assert(!f[1][0] && f[1][1], "one item and amount: the 收入总表");
	cr_assert(!f[2][0] && f[2][1]);
	cr_assert(!f[3][0] && !f[3][1]);
	gk_rules_drop(rs);
}

/* 无锡信访局 2026 p.11 scanned at 200 dpi: 收入总表 read 女入总表 (at 37),
 * four characters, one from 收入总表 and two from 收支总表 and 支出总表.
 * Its head prints income alone (本年收入, 上年结转结余, the unit's code): the
 * 收入总表. */
#define WX11                                                                                                       \
	"P\t1\t842.00\t595.00\n"                                                                                       \
	"L\t1\t37.64\t47.75\t10.11\tpos\t4.55,52.29@93,公开02表\n"                                                    \
	"L\t1\t53.56\t74.78\t21.22\tpos\t391.33,463.83@37,女入总表\n"                                                 \
	"L\t1\t79.58\t94.48\t14.91\tpos\t4.55,101.05@92,部门:无锡市信访局\t784.93,838.99@85,单位:万元\n"             \
	"L\t1\t94.23\t109.89\t22.99\tpos\t372.38,414.32@96,本年收入\t689.18,753.09@92,上年结转结余\n"                \
	"L\t1\t110.40\t131.12\t20.72\tpos\t9.09,39.41@90,部门代码\t69.47,110.15@21,部门名称\t149.81,168.76@43,合计\t" \
	"237.22,320.59@17,一般公共预算\t579.28,600.25@33,其他收入\n"                                                   \
	"L\t1\t151.33\t157.89\t6.57\tpos\t61.39,74.78@97,合计\t151.58,180.63@65,2867.94\t251.12,280.42@69,2723.94\t" \
	"579.28,600.25@92,144.00\n"                                                                                    \
	"L\t1\t167.24\t176.34\t9.09\tpos\t5.05,14.91@91,113\t46.23,88.93@91,无锡市信访局\t151.58,180.63@66,2867.94\t" \
	"251.12,280.42@69,2723.94\t579.28,600.25@92,144.00\n"                                                          \
	"%end\n"

Test(ocr_title, four_characters_told_by_the_head)
{
	gk_result *r = normalize_stream("%gongkai-extract 1\nM\tformat\tpdf\nM\tocr_pages\t1\n" WX11, "wx");
	const gk_table *t = fixture_table(r, "revenue_by_unit");
	cr_assert_eq(t->page, 1);
	cr_assert_null(gk_result_find(r, "revenue_expenditure_summary"));
	const gk_check *k = check_of(r, "ocr:title");
	cr_assert_not_null(k, "the doubt is said");
	cr_assert_str_eq(k->expected, "收入总表");
	cr_assert_str_eq(k->found, "女入总表");
	gk_result_drop(r);
}

/* 泉州公安 2026 p.37 at 200 dpi: 项目绩效目标表 read 目绩效目标表.  Only a
 * table no head rule speaks for is near: its title alone takes nothing. */
Test(ocr_title, no_head_rule_no_head_decision)
{
	gk_result *r = normalize_stream("%gongkai-extract 1\nM\tformat\tpdf\nM\tocr_pages\t1\n"
	                                "P\t1\t842.00\t595.00\n"
	                                "L\t1\t60.00\t75.00\t15.00\tpos\t300.00,420.00@60,目绩效目标表\n"
	                                "L\t1\t90.00\t100.00\t10.00\tpos\t50.00,100.00@90,项目名称\t300.00,350.00@90,"
	                                "绩效目标\t500.00,540.00@90,金额\n"
	                                "L\t1\t110.00\t120.00\t10.00\tpos\t50.00,150.00@90,监所安全防范\t500.00,540.00@"
	                                "90,52.25\n"
	                                "%end\n",
	                                "qz");
	cr_assert_null(check_of(r, "ocr:title"));
	cr_assert_null(gk_result_find(r, "project_performance"));
	gk_result_drop(r);
}
