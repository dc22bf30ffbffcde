/* test_ocr_name.c - the names of OCR'd tables reconciled across the
 * document's own readings (normalize/ocrname.c): summary items by their
 * standard family, project names by their other readings, unit names by
 * their code's sure reading elsewhere.  The readings are cut from the
 * scans of the dev twins (西安 财政局, 司法局; degraded 200 dpi) and the
 * seeds (dengfeng-2024, 重庆 气象). */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "../../normalize/ocrfix.h"

static gk_rules *rules;

static void setup(void)
{
	char *err = NULL;
	rules = gk_rules_load("rules", &err);
	cr_assert(rules, "%s", err ? err : "");
}

static void teardown(void)
{
	gk_rules_drop(rules);
}

TestSuite(ocr_name, .init = setup, .fini = teardown);

/* one row of t: its cells, a line of the doc at y with the label's cell
 * read at confidence conf (the label is column lc) */
static void add_row(gk_table *t, gk_doc *d, double y, const char *const *cells, int lc, float conf)
{
	int i = t->nrow;
	gk_table_add_row(t);
	for (int j = 0; j < t->cols.n; j++)
		gk_table_set(t, i, j, cells[j]);
	gk_table_set_source(t, i, t->page, 50, y, 500, y + 12);
	gk_line *l = gk_doc_add_line(d, t->page, y, y + 12, 12, GK_GEOM_POS);
	gk_cell *c = gk_line_add_cell_y(l, 60, 200, 0, 0, cells[lc], strlen(cells[lc]));
	c->conf = conf;
}

static gk_doc *doc_of(int pages)
{
	gk_doc *d = gk_doc_new();
	for (int p = 0; p < pages; p++)
		gk_doc_add_page(d, 842, 595);
	return d;
}

static int nlabel(const gk_result *r, const char *found)
{
	int n = 0;
	for (int i = 0; i < r->ncheck; i++)
		if (!strcmp(r->checks[i].check, "ocr:label") && (!found || strstr(r->checks[i].found, found)))
			n++;
	return n;
}

/* a character misread (拨霜, 结转下第), a stray character before the name
 * (作资本性支出), a bare numeral before it; a reading Tesseract was sure of
 * stays, and so does one two members are as near to */
Test(ocr_name, summary_items_by_their_family)
{
	gk_result *r = gk_result_new();
	static const char *cols[] = {"side", "item", "total"};
	gk_table *t = gk_result_add_table(r, "fiscal_appropriation_summary", "t", 1, cols, 3);
	gk_doc *d = doc_of(1);
	add_row(t, d, 100, (const char *[]){"收入", "1、一般公共预算拨霜", "23.5"}, 1, 21);
	add_row(t, d, 120, (const char *[]){"支出", "结转下第", "1.0"}, 1, 70);
	add_row(t, d, 140, (const char *[]){"支出", "作资本性支出", "2.0"}, 1, 0);
	add_row(t, d, 160, (const char *[]){"支出", "一十六债务发行费用支出", "3.0"}, 1, 40);
	add_row(t, d, 180, (const char *[]){"收入", "一般公共预算拨霜", "23.5"}, 1, 90);
	add_row(t, d, 200, (const char *[]){"支出", "机关资本性支出", "4.0"}, 1, 10);
	add_row(t, d, 220, (const char *[]){"支出", "一十七金融支出", "5.0"}, 1, 92);
	gk_ocr_names(r, d, rules, "1");
	cr_assert_str_eq(gk_table_get(t, 0, "item"), "1、一般公共预算拨款");
	cr_assert_str_eq(gk_table_get(t, 1, "item"), "结转下年");
	cr_assert_str_eq(gk_table_get(t, 2, "item"), "资本性支出");
	cr_assert_str_eq(gk_table_get(t, 3, "item"), "债务发行费用支出");
	cr_assert_str_eq(gk_table_get(t, 4, "item"), "一般公共预算拨霜");
	cr_assert_str_eq(gk_table_get(t, 5, "item"), "机关资本性支出");
	/* an ordinal that lost its 、, read surely: no wording of the page's */
	cr_assert_str_eq(gk_table_get(t, 6, "item"), "金融支出");
	cr_assert_eq(nlabel(r, "1、一般公共预算拨霜 (confidence 21)"), 1);
	cr_assert_eq(nlabel(r, NULL), 5);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* not on a page read by OCR: nothing is touched */
Test(ocr_name, text_pages_untouched)
{
	gk_result *r = gk_result_new();
	static const char *cols[] = {"side", "item", "total"};
	gk_table *t = gk_result_add_table(r, "fiscal_appropriation_summary", "t", 2, cols, 3);
	gk_doc *d = doc_of(2);
	add_row(t, d, 100, (const char *[]){"收入", "一般公共预算拨霜", "23.5"}, 1, 21);
	gk_ocr_names(r, d, rules, "1");
	cr_assert_str_eq(gk_table_get(t, 0, "item"), "一般公共预算拨霜");
	cr_assert_eq(nlabel(r, NULL), 0);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* a project printed in the 项目支出表 and the 绩效目标表 with one amount:
 * the surer reading is written over the unsure one */
Test(ocr_name, project_read_in_two_tables)
{
	gk_result *r = gk_result_new();
	static const char *pc[] = {"project_name", "unit_name", "total"};
	static const char *fc[] = {"project_code", "project_name", "total"};
	gk_table *p = gk_result_add_table(r, "project_expenditure", "p", 1, pc, 3);
	gk_table *f = gk_result_add_table(r, "project_performance", "f", 2, fc, 3);
	gk_doc *d = doc_of(2);
	add_row(p, d, 100, (const char *[]){"2024年政府购买骤务", "登封市政务服务和大数据管理局", "225.5"}, 0, 40);
	add_row(p, d, 120, (const char *[]){"2024年劳务费", "登封市政务服务和大数据管理局", "82.6"}, 0, 30);
	add_row(f, d, 100, (const char *[]){"410185240000000052183", "2024年政府购买服务", "225.5"}, 1, 85);
	add_row(f, d, 120, (const char *[]){"410185240000000052184", "2024年劳务费用", "80.6"}, 1, 90);
	gk_ocr_names(r, d, rules, "1,2");
	cr_assert_str_eq(gk_table_get(p, 0, "project_name"), "2024年政府购买服务");
	/* another amount: another project */
	cr_assert_str_eq(gk_table_get(p, 1, "project_name"), "2024年劳务费");
	cr_assert_eq(nlabel(r, "2024年政府购买骤务 (confidence 40)"), 1);
	cr_assert_eq(nlabel(r, NULL), 1);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* 食堂包厨 read surely under one unit, 食堂包后 without confidence under
 * another; a year or a numeral that differs is another project */
Test(ocr_name, project_word_of_a_sure_reading)
{
	gk_result *r = gk_result_new();
	static const char *pc[] = {"project_name", "unit_name", "total"};
	gk_table *p = gk_result_add_table(r, "project_expenditure", "p", 1, pc, 3);
	gk_doc *d = doc_of(1);
	add_row(p, d, 100, (const char *[]){"食堂包厨", "西安市法律援助中心", "12.30"}, 0, 80);
	add_row(p, d, 120, (const char *[]){"食堂包后", "西安市强制隔离戒毒所", "131.37"}, 0, 1);
	add_row(p, d, 140, (const char *[]){"法律顾问", "西安市司法局", "30.80"}, 0, 92);
	add_row(p, d, 160, (const char *[]){"法律题问服务项目", "西安市行政争议预防调处中心", "6.00"}, 0, 0);
	add_row(p, d, 180, (const char *[]){"2024年取暖费", "西安市司法局", "29.0"}, 0, 90);
	add_row(p, d, 200, (const char *[]){"2023年取暖费", "西安市司法局", "28.0"}, 0, 10);
	add_row(p, d, 220, (const char *[]){"通用设备购置", "西安市司法局", "8.0"}, 0, 90);
	add_row(p, d, 240, (const char *[]){"专用设备购置", "西安市司法局", "7.0"}, 0, 20);
	gk_ocr_names(r, d, rules, "1");
	cr_assert_str_eq(gk_table_get(p, 7, "project_name"), "专用设备购置");
	cr_assert_str_eq(gk_table_get(p, 1, "project_name"), "食堂包厨");
	cr_assert_str_eq(gk_table_get(p, 3, "project_name"), "法律顾问服务项目");
	cr_assert_str_eq(gk_table_get(p, 5, "project_name"), "2023年取暖费");
	cr_assert_eq(nlabel(r, NULL), 2);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* a unit's name garbled on its row of the 收入总表, its code read, the
 * same code read surely with its name in the 支出总表 */
Test(ocr_name, unit_name_by_its_code)
{
	gk_result *r = gk_result_new();
	static const char *rc[] = {"unit_code", "unit_name", "total"};
	static const char *ec[] = {"func_code", "unit_code", "name", "total"};
	gk_table *in = gk_result_add_table(r, "revenue_by_unit", "in", 1, rc, 3);
	gk_table *out = gk_result_add_table(r, "expenditure_by_function", "out", 2, ec, 4);
	gk_doc *d = doc_of(2);
	add_row(in, d, 100, (const char *[]){"116003", "前安市对政投和站评审中心", "88.1"}, 1, 0);
	add_row(in, d, 120, (const char *[]){"116008", "表2部门综合预算收入总表单位:元", "9.0"}, 1, 10);
	add_row(out, d, 100, (const char *[]){"", "116003", "西安市财政投资评审中心", "88.1"}, 2, 90);
	add_row(out, d, 120, (const char *[]){"", "116008", "西安市财政局", "9.0"}, 2, 90);
	gk_ocr_names(r, d, rules, "1,2");
	cr_assert_str_eq(gk_table_get(in, 0, "unit_name"), "西安市财政投资评审中心");
	/* nothing in common: not the same unit's reading */
	cr_assert_str_eq(gk_table_get(in, 1, "unit_name"), "表2部门综合预算收入总表单位:元");
	cr_assert_eq(nlabel(r, "前安市对政投和站评审中心 (confidence 0)"), 1);
	cr_assert_eq(nlabel(r, NULL), 1);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* the department's name misread itself (凡州市公安局 in the page's
 * 部门名称 line): the head most of its units' names share puts right the
 * one a character off it (泉州市公安局 five times, 果州市公安局 twice) */
Test(ocr_name, unit_heads_when_the_department_is_misread)
{
	gk_result *r = gk_result_new();
	gk_result_set_meta(r, "department", "凡州市公安局");
	static const char *cols[] = {"unit_code", "unit_name", "total"};
	gk_table *t = gk_result_add_table(r, "revenue_by_unit", "t", 1, cols, 3);
	gk_doc *d = doc_of(1);
	static const char *names[] = {"泉州市公安局", "泉州市公安局台商投资区分局", "果州市公安局天湖山分局",
	                              "泉州市公安局晋江国际机场分局", "泉州市公安局油城分局",
	                              "果州市公安局经济技术开发区分局", "泉州市公安局警务辅助中心", NULL};
	for (int i = 0; names[i]; i++)
		add_row(t, d, 100 + 20 * i, (const char *[]){"", names[i], "1.0"}, 1, 60);
	gk_ocr_fix_labels(r, t, d, rules);
	cr_assert_str_eq(gk_table_get(t, 2, "unit_name"), "泉州市公安局天湖山分局");
	cr_assert_str_eq(gk_table_get(t, 5, "unit_name"), "泉州市公安局经济技术开发区分局");
	cr_assert_str_eq(gk_table_get(t, 1, "unit_name"), "泉州市公安局台商投资区分局");
	cr_assert_eq(nlabel(r, "果州市公安局天湖山分局 (confidence 60)"), 1);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* two lines of the 财政拨款收支总表 read as one, the second's ordinal
 * between them, surely: the figure is the function table's total of
 * 科学技术支出, not of 教育支出, so the line is 科学技术支出's; a line
 * whose figure no function table settles stays as read */
Test(ocr_name, two_lines_read_as_one)
{
	gk_result *r = gk_result_new();
	static const char *cols[] = {"side", "item", "total"};
	static const char *fc[] = {"func_code", "name", "total"};
	gk_table *t = gk_result_add_table(r, "fiscal_appropriation_summary", "t", 1, cols, 3);
	gk_table *f = gk_result_add_table(r, "expenditure_by_function", "f", 2, fc, 3);
	gk_doc *d = doc_of(2);
	add_row(t, d, 100, (const char *[]){"支出", "(五)教育支出《六)科学技术支出", "185263.17"}, 1, 83);
	add_row(t, d, 120, (const char *[]){"支出", "(七)文化旅游体育与传媒支出（《八)社会保障和就业支出", "300.00"}, 1, 62);
	add_row(t, d, 140, (const char *[]){"支出", "本年收入合计", "186241.00"}, 1, 96);
	add_row(f, d, 100, (const char *[]){"206", "科学技术支出", "185263.17"}, 1, 90);
	add_row(f, d, 120, (const char *[]){"208", "社会保障和就业支出", "247.46"}, 1, 90);
	add_row(f, d, 140, (const char *[]){"", "合计", "186241.00"}, 1, 90);
	gk_ocr_names(r, d, rules, "1,2");
	cr_assert_str_eq(gk_table_get(t, 0, "item"), "科学技术支出");
	cr_assert_str_eq(gk_table_get(t, 1, "item"), "(七)文化旅游体育与传媒支出（《八)社会保障和就业支出");
	cr_assert_str_eq(gk_table_get(t, 2, "item"), "本年收入合计");
	cr_assert_eq(nlabel(r, NULL), 1);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* a name's character the document's sure text prints otherwise between
 * the same characters (军休服务管理 read surely in a note, 防雷减灾 in
 * another table), its spaces and figures glued on kept; a character the
 * sure text also prints as read stays, and so does one of a sure name */
Test(ocr_name, character_by_the_sure_text)
{
	gk_result *r = gk_result_new();
	static const char *pc[] = {"project_name", "unit_name", "total"};
	static const char *rc[] = {"unit_code", "unit_name", "total"};
	gk_table *p = gk_result_add_table(r, "project_expenditure", "p", 1, pc, 3);
	gk_table *u = gk_result_add_table(r, "revenue_by_unit", "u", 2, rc, 3);
	gk_doc *d = doc_of(3);
	add_row(p, d, 100, (const char *[]){"军体服务管理", "湖州市退役军人事务局", "12.0"}, 0, 34);
	add_row(p, d, 120, (const char *[]){"档案数宇化", "湖州市退役军人事务局", "3.0"}, 0, 20);
	add_row(p, d, 140, (const char *[]){"办公设备购置", "湖州市退役军人事务局", "3.0"}, 0, 92);
	add_row(u, d, 100, (const char *[]){"", "广州市防备减灾管理办公室 12.5", "12.5"}, 1, 34);
	gk_line *l = gk_doc_add_line(d, 3, 100, 112, 12, GK_GEOM_POS);
	gk_line_add_cell_y(l, 60, 300, 0, 0, "做好军休服务管理工作，广州市防雷减灾管理办公", strlen("做好军休服务管理工作，广州市防雷减灾管理办公"))->conf = 90;
	l = gk_doc_add_line(d, 3, 120, 132, 12, GK_GEOM_POS);
	gk_line_add_cell_y(l, 60, 300, 0, 0, "推进档案数字化、档案数宇化", strlen("推进档案数字化、档案数宇化"))->conf = 88;
	gk_line_add_cell_y(l, 320, 400, 0, 0, "办公设各购置", strlen("办公设各购置"))->conf = 85;
	gk_ocr_names(r, d, rules, "1,2");
	cr_assert_str_eq(gk_table_get(p, 0, "project_name"), "军休服务管理");
	cr_assert_str_eq(gk_table_get(p, 1, "project_name"), "档案数宇化");
	cr_assert_str_eq(gk_table_get(p, 2, "project_name"), "办公设备购置");
	cr_assert_str_eq(gk_table_get(u, 0, "unit_name"), "广州市防雷减灾管理办公室 12.5");
	cr_assert_eq(nlabel(r, NULL), 2);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* 新乡 2022 部门收支预算表 (clean 200 dpi): the 支出 side's 本年支出合计
 * read 赣达出出合计, its wrapped labels printed over one another.  The 收入
 * side prints 本年收入合计, and the figure is the sum of the 支出 side's
 * classes above it: 本年支出合计.  Without the sum, nothing. */
static gk_table *xx_summary(gk_result *r, gk_doc *d, const char *health)
{
	static const char *cols[] = {"side", "item", "amount"};
	gk_table *t = gk_result_add_table(r, "revenue_expenditure_summary", "t", 1, cols, 3);
	add_row(t, d, 100, (const char *[]){"收入", "一、一般公共预算", "1352.27"}, 1, 90);
	add_row(t, d, 120, (const char *[]){"收入", "本年收入合计", "1352.27"}, 1, 92);
	add_row(t, d, 140, (const char *[]){"收入", "收入总计", "1352.27"}, 1, 92);
	add_row(t, d, 160, (const char *[]){"支出", "一般公共服务", "1193.81"}, 1, 20);
	add_row(t, d, 180, (const char *[]){"支出", "社会保障和就业", "93.21"}, 1, 0);
	add_row(t, d, 200, (const char *[]){"支出", "卫生健康", health}, 1, 0);
	add_row(t, d, 220, (const char *[]){"支出", "基本支出", ""}, 1, 48);
	add_row(t, d, 240, (const char *[]){"支出", "赣达出出合计", "1352.27"}, 1, 0);
	add_row(t, d, 260, (const char *[]){"支出", "支出总计", "1352.27"}, 1, 90);
	return t;
}

Test(ocr_name, summary_total_by_its_lines)
{
	gk_result *r = gk_result_new();
	gk_doc *d = doc_of(1);
	gk_table *t = xx_summary(r, d, "65.25");
	gk_ocr_names(r, d, rules, "1");
	cr_assert_str_eq(gk_table_get(t, 7, "item"), "本年支出合计");
	cr_assert_eq(nlabel(r, "赣达出出合计 (confidence 0)"), 1);
	gk_doc_drop(d);
	gk_result_drop(r);
}

Test(ocr_name, summary_total_not_without_its_sum)
{
	gk_result *r = gk_result_new();
	gk_doc *d = doc_of(1);
	gk_table *t = xx_summary(r, d, "65.52");
	gk_ocr_names(r, d, rules, "1");
	cr_assert_str_eq(gk_table_get(t, 7, "item"), "赣达出出合计");
	cr_assert_eq(nlabel(r, NULL), 0);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* 新乡 2022 财政拨款收支总体情况表 (degraded 200 dpi): (一)一般公共服务支出
 * read 人了牙奖支出.  Its figure is class 201's total in the 部门支出表 (its
 * 项 rows summed) and no other class's; it stands between the opening
 * 本年支出 and 208, and the closing 支出合计 is the classes' sum with it:
 * 一般公共服务支出, as the side's sure lines print the classes (with 支出).
 * A line after the closing total with the same figure (并河和2) is none
 * of the classes. */
static gk_table *xx_fiscal(gk_result *r, gk_doc *d, const char *closing)
{
	static const char *fcols[] = {"func_code", "name", "total"};
	gk_table *f = gk_result_add_table(r, "expenditure_by_function", "f", 1, fcols, 3);
	add_row(f, d, 400, (const char *[]){"2010301", "行政运行", "368.80"}, 1, 90);
	add_row(f, d, 420, (const char *[]){"2010302", "一般行政管理事务", "398.41"}, 1, 90);
	add_row(f, d, 440, (const char *[]){"2010350", "事业运行", "426.60"}, 1, 90);
	add_row(f, d, 460, (const char *[]){"2080501", "行政单位离退休", "93.21"}, 1, 90);
	add_row(f, d, 480, (const char *[]){"2101101", "行政单位医疗", "65.25"}, 1, 90);
	static const char *cols[] = {"side", "item", "total", "general_budget"};
	gk_table *t = gk_result_add_table(r, "fiscal_appropriation_summary", "t", 1, cols, 4);
	add_row(t, d, 100, (const char *[]){"支出", "一、本年支出", "1352.27", "1352.27"}, 1, 90);
	add_row(t, d, 120, (const char *[]){"支出", "人了牙奖支出", "1193.81", "1193.81"}, 1, 0);
	add_row(t, d, 140, (const char *[]){"支出", "伍)国防支出", "", ""}, 1, 40);
	add_row(t, d, 160, (const char *[]){"支出", "社会保障和就业支出", "93.21", "93.21"}, 1, 0);
	add_row(t, d, 180, (const char *[]){"支出", "卫生健康支出", "65.25", "65.25"}, 1, 37);
	add_row(t, d, 200, (const char *[]){"支出", "支出合计", closing, closing}, 1, 90);
	add_row(t, d, 220, (const char *[]){"支出", "并河和2", "1193.81", ""}, 1, 0);
	return t;
}

Test(ocr_name, summary_class_by_the_function_tables)
{
	gk_result *r = gk_result_new();
	gk_doc *d = doc_of(1);
	gk_table *t = xx_fiscal(r, d, "1352.27");
	gk_ocr_names(r, d, rules, "1");
	cr_assert_str_eq(gk_table_get(t, 1, "item"), "一般公共服务支出");
	cr_assert_str_eq(gk_table_get(t, 6, "item"), "并河和2", "after the closing total: no class");
	cr_assert_eq(nlabel(r, "人了牙奖支出 (confidence 0)"), 1);
	cr_assert_eq(nlabel(r, NULL), 1);
	gk_doc_drop(d);
	gk_result_drop(r);
}

Test(ocr_name, summary_class_not_without_its_sum)
{
	gk_result *r = gk_result_new();
	gk_doc *d = doc_of(1);
	gk_table *t = xx_fiscal(r, d, "1352.72");
	gk_ocr_names(r, d, rules, "1");
	cr_assert_str_eq(gk_table_get(t, 1, "item"), "人了牙奖支出");
	cr_assert_eq(nlabel(r, NULL), 0);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* the same line standing after 210 in the classes' order: not 201,
 * whatever its figure */
Test(ocr_name, summary_class_only_in_its_place)
{
	gk_result *r = gk_result_new();
	gk_doc *d = doc_of(1);
	static const char *fcols[] = {"func_code", "name", "total"};
	gk_table *f = gk_result_add_table(r, "expenditure_by_function", "f", 1, fcols, 3);
	add_row(f, d, 400, (const char *[]){"2010301", "行政运行", "1193.81"}, 1, 90);
	add_row(f, d, 460, (const char *[]){"2080501", "行政单位离退休", "93.21"}, 1, 90);
	add_row(f, d, 480, (const char *[]){"2101101", "行政单位医疗", "65.25"}, 1, 90);
	static const char *cols[] = {"side", "item", "total"};
	gk_table *t = gk_result_add_table(r, "fiscal_appropriation_summary", "t", 1, cols, 3);
	add_row(t, d, 100, (const char *[]){"支出", "一、本年支出", "1352.27"}, 1, 90);
	add_row(t, d, 120, (const char *[]){"支出", "社会保障和就业支出", "93.21"}, 1, 80);
	add_row(t, d, 140, (const char *[]){"支出", "卫生健康支出", "65.25"}, 1, 80);
	add_row(t, d, 160, (const char *[]){"支出", "人了牙奖支出", "1193.81"}, 1, 0);
	add_row(t, d, 180, (const char *[]){"支出", "支出合计", "1352.27"}, 1, 90);
	gk_ocr_names(r, d, rules, "1");
	cr_assert_str_eq(gk_table_get(t, 3, "item"), "人了牙奖支出");
	cr_assert_eq(nlabel(r, NULL), 0);
	/* in its place it is */
	gk_table_set(t, 1, 1, "人了牙奖支出");
	gk_table_set(t, 1, 2, "1193.81");
	gk_table_set(t, 3, 1, "社会保障和就业支出");
	gk_table_set(t, 3, 2, "93.21");
	gk_doc_drop(d);
	d = doc_of(1);
	for (int i = 0; i < t->nrow; i++) {
		gk_line *l = gk_doc_add_line(d, 1, 100 + 20 * i, 112 + 20 * i, 12, GK_GEOM_POS);
		gk_cell *c = gk_line_add_cell_y(l, 60, 200, 0, 0, gk_table_get(t, i, "item"),
		                                strlen(gk_table_get(t, i, "item")));
		c->conf = i == 1 ? 0 : 90;
	}
	gk_ocr_names(r, d, rules, "1");
	cr_assert_str_eq(gk_table_get(t, 1, "item"), "一般公共服务支出");
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* 重庆水利: the 收入表 reads 2136902's name 三凿后续工作三峡后续= (74) where
 * the 支出表 reads 三峡后续工作 surely: the sure reading.  A bracket the
 * sure reading lost is no reason (办公厅（室） stays), nor is a code two
 * sure readings name two ways. */
Test(ocr_name, a_function_line_named_by_its_sure_reading)
{
	gk_result *r = gk_result_new();
	static const char *fc[] = {"func_code", "name", "total"};
	static const char *rc[] = {"func_code", "func_name", "total"};
	gk_table *f = gk_result_add_table(r, "general_budget_expenditure", "t", 1, fc, 3);
	gk_table *u = gk_result_add_table(r, "revenue_by_unit", "t", 2, rc, 3);
	gk_doc *d = doc_of(2);
	add_row(f, d, 100, (const char *[]){"2136902", "三峡后续工作", "6.0"}, 1, 92);
	add_row(f, d, 120, (const char *[]){"2010399", "其他政府办公厅室)及相关机构事务支出", "1.0"}, 1, 90);
	add_row(f, d, 140, (const char *[]){"2080501", "行政单位离退休", "2.0"}, 1, 90);
	add_row(f, d, 160, (const char *[]){"2080501", "行政单位退休", "2.0"}, 1, 88);
	add_row(u, d, 100, (const char *[]){"2136902", "三凿后续工作三峡后续=", "6.0"}, 1, 74);
	add_row(u, d, 120, (const char *[]){"2010399", "其他政府办公厅（室）及相关机构事务支出", "1.0"}, 1, 55);
	add_row(u, d, 140, (const char *[]){"2080501", "行政单位离退休行政单位离退休", "2.0"}, 1, 40);
	gk_ocr_names(r, d, rules, "1,2");
	cr_assert_str_eq(gk_table_get(u, 0, "func_name"), "三峡后续工作");
	cr_assert_str_eq(gk_table_get(u, 1, "func_name"), "其他政府办公厅（室）及相关机构事务支出");
	cr_assert_str_eq(gk_table_get(u, 2, "func_name"), "行政单位离退休行政单位离退休", "two sure readings");
	cr_assert_eq(nlabel(r, "三凿后续工作"), 1);
	gk_result_drop(r);
	gk_doc_drop(d);
}
