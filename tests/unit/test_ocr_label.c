/* test_ocr_label.c - the labels of OCR'd tables put right by their codes
 * (normalize/ocrlabel.c): a reading cut short, garbage read with low
 * confidence, and a document's own wording read with high confidence.
 * The rows are cut from the 200 dpi scan of xinxiang-2022 (一般公共预算
 * 基本支出表, 部门支出总表) and zhengzhou-2024 (一般公共预算支出表). */
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

/* a cell as Tesseract gave it: text and confidence */
typedef struct word {
	double x0, x1;
	const char *text;
	float conf;
} word;

static void add_line(gk_doc *d, int page, double y0, double y1, const word *w)
{
	gk_line *l = gk_doc_add_line(d, page, y0, y1, y1 - y0, GK_GEOM_POS);
	for (; w->text; w++) {
		gk_cell *c = gk_line_add_cell_y(l, w->x0, w->x1, 0, 0, w->text, strlen(w->text));
		c->conf = w->conf;
	}
}

static int nlabel(const gk_result *r, const char *found)
{
	int n = 0;
	for (int i = 0; i < r->ncheck; i++)
		if (!strcmp(r->checks[i].check, "ocr:label") && (!found || strstr(r->checks[i].found, found)))
			n++;
	return n;
}

TestSuite(ocr_label, .init = setup, .fini = teardown);

/* 50101's name wrapped onto a second line, both read as garbage with
 * confidence 0 and 4; 30101's 基本工资 read right (97) stays */
Test(ocr_label, garbage_read_unsure_is_replaced)
{
	gk_result *r = gk_result_new();
	static const char *cols[] = {"econ_code", "econ_name", "gov_econ_code", "gov_econ_name", "total"};
	gk_table *t = gk_result_add_table(r, "general_budget_basic_expenditure", "t", 13, cols, 5);
	const char *row[] = {"30101", "基本工资", "50101", "二型页天来年f", "104.09"};
	gk_table_add_row(t);
	for (int j = 0; j < 5; j++)
		gk_table_set(t, 0, j, row[j]);
	gk_table_set_source(t, 0, 13, 55.30, 148.03, 430.56, 167.90);
	gk_doc *d = gk_doc_new();
	for (int p = 0; p < 13; p++)
		gk_doc_add_page(d, 595, 842);
	add_line(d, 13, 148.03, 160.99,
	         (word[]){{55.30, 79.20, "30101", 93}, {118.66, 153.50, "基本工资", 97}, {181.44, 205.34, "50101", 92},
	                  {244.51, 297.79, "二", 0}, {341.28, 367.49, "104.09", 92}, {0, 0, NULL, 0}});
	add_line(d, 13, 163.01, 167.90, (word[]){{244.51, 298.94, "型页天来年f", 4}, {0, 0, NULL, 0}});
	gk_ocr_fix_labels(r, t, d, rules);
	cr_assert_str_eq(gk_table_get(t, 0, "gov_econ_name"), "工资奖金津补贴");
	cr_assert_str_eq(gk_table_get(t, 0, "econ_name"), "基本工资");
	cr_assert_eq(nlabel(r, "二型页天来年f (confidence 0)"), 1);
	cr_assert_eq(nlabel(r, NULL), 1);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* the middle line of a name printed on three: read surely, but cut short */
Test(ocr_label, truncated_reading_is_replaced)
{
	gk_result *r = gk_result_new();
	static const char *cols[] = {"func_code", "name", "total"};
	gk_table *t = gk_result_add_table(r, "expenditure_by_function", "t", 1, cols, 3);
	gk_table_add_row(t);
	gk_table_set(t, 0, 0, "2080505");
	gk_table_set(t, 0, 1, "基本养老保险");
	gk_table_set(t, 0, 2, "60.70");
	gk_table_set_source(t, 0, 1, 55.58, 243.94, 443.52, 256.03);
	gk_doc *d = gk_doc_new();
	gk_doc_add_page(d, 595, 842);
	add_line(d, 1, 243.94, 256.03,
	         (word[]){{55.58, 68.83, "208", 93}, {97.92, 106.56, "05", 92}, {131.04, 139.68, "05", 95},
	                  {206.78, 257.47, "基本养老保险", 96}, {303.26, 323.71, "60.70", 93}, {0, 0, NULL, 0}});
	gk_ocr_fix_labels(r, t, d, rules);
	cr_assert_str_eq(gk_table_get(t, 0, "name"), "机关事业单位基本养老保险缴费支出");
	cr_assert_eq(nlabel(r, "基本养老保险 (confidence 96)"), 1);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* 201 printed as 一般公共预算支出 (the table's own heading for the class),
 * read with confidence 93: the document's wording stays, though it holds
 * 6 of the 8 characters of 一般公共服务支出 */
Test(ocr_label, own_wording_read_surely_stays)
{
	gk_result *r = gk_result_new();
	static const char *cols[] = {"func_code", "name", "total"};
	gk_table *t = gk_result_add_table(r, "general_budget_expenditure", "t", 1, cols, 3);
	gk_table_add_row(t);
	gk_table_set(t, 0, 0, "201");
	gk_table_set(t, 0, 1, "一般公共预算支出");
	gk_table_set(t, 0, 2, "5947.5");
	gk_table_set_source(t, 0, 1, 50, 100, 500, 112);
	gk_doc *d = gk_doc_new();
	gk_doc_add_page(d, 595, 842);
	add_line(d, 1, 100, 112,
	         (word[]){{50, 70, "201", 95}, {80, 160, "一般公共预算支出", 93}, {300, 330, "5947.5", 94},
	                  {0, 0, NULL, 0}});
	gk_ocr_fix_labels(r, t, d, rules);
	cr_assert_str_eq(gk_table_get(t, 0, "name"), "一般公共预算支出");
	cr_assert_eq(nlabel(r, NULL), 0);
	/* the same misread a character off, read unsurely: put right */
	gk_table_set(t, 0, 1, "事亚运行");
	gk_table_set(t, 0, 0, "2010350");
	free(d->line[0].cell[1].text);
	d->line[0].cell[1].text = strdup("事亚运行");
	d->line[0].cell[1].conf = 0;
	gk_ocr_fix_labels(r, t, d, rules);
	cr_assert_str_eq(gk_table_get(t, 0, "name"), "事业运行");
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* 303 printed 对个人和家庭补助 (烟台: the name less its 的), read with
 * confidence 93: the document's own wording, not a reading cut short;
 * the same reading unsure (40), or cut at its end, is put right */
Test(ocr_label, one_character_less_inside_read_surely_stays)
{
	gk_result *r = gk_result_new();
	static const char *cols[] = {"econ_code", "econ_name", "total"};
	gk_table *t = gk_result_add_table(r, "general_budget_basic_expenditure", "t", 1, cols, 3);
	gk_table_add_row(t);
	gk_table_set(t, 0, 0, "303");
	gk_table_set(t, 0, 1, "对个人和家庭补助");
	gk_table_set(t, 0, 2, "121.35");
	gk_table_set_source(t, 0, 1, 50, 100, 500, 112);
	gk_doc *d = gk_doc_new();
	gk_doc_add_page(d, 595, 842);
	add_line(d, 1, 100, 112,
	         (word[]){{50, 70, "303", 95}, {80, 160, "对个人和家庭补助", 93}, {300, 330, "121.35", 94},
	                  {0, 0, NULL, 0}});
	gk_ocr_fix_labels(r, t, d, rules);
	cr_assert_str_eq(gk_table_get(t, 0, "econ_name"), "对个人和家庭补助");
	cr_assert_eq(nlabel(r, NULL), 0);
	d->line[0].cell[1].conf = 40;
	gk_ocr_fix_labels(r, t, d, rules);
	cr_assert_str_eq(gk_table_get(t, 0, "econ_name"), "对个人和家庭的补助");
	cr_assert_eq(nlabel(r, NULL), 1);
	/* cut at its end, read surely: put right */
	gk_table_set(t, 0, 1, "对个人和家庭的补");
	free(d->line[0].cell[1].text);
	d->line[0].cell[1].text = strdup("对个人和家庭的补");
	d->line[0].cell[1].conf = 93;
	gk_ocr_fix_labels(r, t, d, rules);
	cr_assert_str_eq(gk_table_get(t, 0, "econ_name"), "对个人和家庭的补助");
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* one character of a name read as another, surely (住 read 往 at 93,
 * xinxiang's 50103; 休 read 体 in 离退休): put right, the reading kept in
 * the check; a word more or less (the document's own wording) stays */
Test(ocr_label, one_character_misread_surely_is_replaced)
{
	gk_result *r = gk_result_new();
	static const char *cols[] = {"econ_code", "econ_name", "gov_econ_code", "gov_econ_name", "total"};
	gk_table *t = gk_result_add_table(r, "general_budget_basic_expenditure", "t", 1, cols, 5);
	const char *rows[][5] = {
		{"30113", "住房公积金", "50103", "往房公积金", "27.01"},
		{"30112", "其他社会保障缴费", "50102", "社会保险费", "0.34"},
	};
	for (int i = 0; i < 2; i++) {
		gk_table_add_row(t);
		for (int j = 0; j < 5; j++)
			gk_table_set(t, i, j, rows[i][j]);
	}
	gk_table_set_source(t, 0, 1, 55, 100, 430, 112);
	gk_table_set_source(t, 1, 1, 55, 120, 430, 132);
	gk_doc *d = gk_doc_new();
	gk_doc_add_page(d, 595, 842);
	add_line(d, 1, 100, 112,
	         (word[]){{55, 79, "30113", 93}, {118, 153, "住房公积金", 96}, {181, 205, "50103", 92},
	                  {244, 280, "往房公积金", 93}, {341, 367, "27.01", 92}, {0, 0, NULL, 0}});
	add_line(d, 1, 120, 132,
	         (word[]){{55, 79, "30112", 93}, {118, 160, "其他社会保障缴费", 96}, {181, 205, "50102", 92},
	                  {244, 290, "社会保险费", 95}, {341, 367, "0.34", 92}, {0, 0, NULL, 0}});
	gk_ocr_fix_labels(r, t, d, rules);
	cr_assert_str_eq(gk_table_get(t, 0, "gov_econ_name"), "住房公积金");
	cr_assert_eq(nlabel(r, "往房公积金 (confidence 93)"), 1);
	/* 50102's standard name is 社会保障缴费: the document's shorter
	 * wording (a word of its own), read surely, stays */
	cr_assert_str_eq(gk_table_get(t, 1, "gov_econ_name"), "社会保险费");
	cr_assert_eq(nlabel(r, NULL), 1);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* what is not the name's to put right: a code of the next column glued
 * onto the label (the columns come first), the name printed without its
 * bracketed part, a label whose code has no standard name, and garbage
 * beside a code cut short ("301" and "忆基本工资": 30101 with its 款
 * read into the label, read with confidence 0) */
Test(ocr_label, what_stays)
{
	gk_result *r = gk_result_new();
	static const char *cols[] = {"econ_code", "econ_name", "gov_econ_code", "gov_econ_name", "total"};
	gk_table *t = gk_result_add_table(r, "expenditure_by_economic_class", "t", 1, cols, 5);
	const char *rows[][5] = {
		{"30113", "住房公积金”50103往房公积金", "", "", "27.01"},
		{"31007", "信息网络及软件购置更新", "50601", "资本性支出", "4867.9"},
		{"39999", "全宇人", "", "", "1.00"},
		{"301", "忆基本工资", "", "", "492.2"},
		{"302", "", "", "", "5.0"},
	};
	for (int i = 0; i < 5; i++) {
		gk_table_add_row(t);
		for (int j = 0; j < 5; j++)
			gk_table_set(t, i, j, rows[i][j]);
	}
	gk_table_set_source(t, 3, 1, 54, 116, 400, 123);
	gk_doc *d = gk_doc_new();
	gk_doc_add_page(d, 842, 595);
	add_line(d, 1, 116.16, 122.88,
	         (word[]){{54.88, 61.60, "301", 92}, {97.92, 101.92, "忆", 0}, {114.72, 131.20, "基本工资", 83},
	                  {0, 0, NULL, 0}});
	gk_ocr_fix_labels(r, t, d, rules);
	cr_assert_str_eq(gk_table_get(t, 0, "econ_name"), "住房公积金”50103往房公积金");
	cr_assert_str_eq(gk_table_get(t, 1, "gov_econ_name"), "资本性支出");
	cr_assert_str_eq(gk_table_get(t, 2, "econ_name"), "全宇人");
	cr_assert_str_eq(gk_table_get(t, 3, "econ_name"), "忆基本工资");
	cr_assert_str_eq(gk_table_get(t, 4, "econ_name"), "");
	cr_assert_eq(nlabel(r, NULL), 0);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* one code read a digit too long ("550501" for 50501) does not make the
 * table's other codes parents: their garbage is still replaced */
Test(ocr_label, one_long_code_is_no_level)
{
	gk_result *r = gk_result_new();
	static const char *cols[] = {"econ_code", "econ_name", "gov_econ_code", "gov_econ_name", "total"};
	gk_table *t = gk_result_add_table(r, "general_budget_basic_expenditure", "t", 1, cols, 5);
	const char *rows[][5] = {
		{"30201", "办公费", "50502", "人", "3.10"},
		{"30229", "福利费", "50502", "人", "7.66"},
		{"30110", "", "550501", "工资福利支出", "19.23"},
	};
	gk_doc *d = gk_doc_new();
	gk_doc_add_page(d, 595, 842);
	for (int i = 0; i < 3; i++) {
		gk_table_add_row(t);
		for (int j = 0; j < 5; j++)
			gk_table_set(t, i, j, rows[i][j]);
		double y = 100 + 15 * i;
		gk_table_set_source(t, i, 1, 55, y, 430, y + 12);
		add_line(d, 1, y, y + 12,
		         (word[]){{55, 79, rows[i][0], 93}, {118, 144, rows[i][1], 92}, {181, 205, rows[i][2], 92},
		                  {244, 297, rows[i][3], 21}, {0, 0, NULL, 0}});
	}
	gk_ocr_fix_labels(r, t, d, rules);
	cr_assert_str_eq(gk_table_get(t, 0, "gov_econ_name"), "商品和服务支出");
	cr_assert_str_eq(gk_table_get(t, 1, "gov_econ_name"), "商品和服务支出");
	cr_assert_str_eq(gk_table_get(t, 2, "econ_name"), "职工基本医疗保险缴费");
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* digits in a label are a glued code only when they are one: a page's
 * heading read into the last row ("...2022年一般公共...", confidence 19)
 * is garbage to replace, "了50102社会保障缴费" is for the columns */
Test(ocr_label, digits_glued_only_when_a_code)
{
	gk_result *r = gk_result_new();
	static const char *cols[] = {"econ_code", "econ_name", "gov_econ_code", "gov_econ_name", "total"};
	gk_table *t = gk_result_add_table(r, "general_budget_basic_expenditure", "t", 1, cols, 5);
	const char *rows[][5] = {
		{"30111", "公务员医疗补助缴费", "50501", "工资福利支出-DA刘站阁L2”[aad 2022年一般公共宵算", "18.37"},
		{"30110", "了50102社会保障缴费", "", "", "14.14"},
	};
	gk_doc *d = gk_doc_new();
	gk_doc_add_page(d, 595, 842);
	for (int i = 0; i < 2; i++) {
		gk_table_add_row(t);
		for (int j = 0; j < 5; j++)
			gk_table_set(t, i, j, rows[i][j]);
		double y = 100 + 15 * i;
		gk_table_set_source(t, i, 1, 55, y, 430, y + 12);
		add_line(d, 1, y, y + 12,
		         (word[]){{55, 79, rows[i][0], 93}, {118, 171, rows[i][1], 19}, {181, 205, rows[i][2], 96},
		                  {244, 297, rows[i][3], 19}, {0, 0, NULL, 0}});
	}
	gk_ocr_fix_labels(r, t, d, rules);
	cr_assert_str_eq(gk_table_get(t, 0, "gov_econ_name"), "工资福利支出");
	cr_assert_str_eq(gk_table_get(t, 1, "econ_name"), "了50102社会保障缴费");
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* A 合计 row with the unit name above it printed over its label (新乡
 * p.9: "策恋市政务服", confidence 0) and the same rows with the label read
 * surely (a department's row without a code).  Its total 1352.27 is the
 * sum of the 项 rows' totals: the first is the 合计 row, the second stays. */
static gk_table *total_row_table(gk_result *r, gk_doc *d, const char *label, float conf, const char *total)
{
	static const char *cols[] = {"func_code", "unit_code", "name", "total"};
	gk_table *t = gk_result_add_table(r, "expenditure_by_function", "t", 1, cols, 4);
	const char *rows[][4] = {{"", "", label, total},
	                         {"", "118", "务和大数据管", "1352.27"},
	                         {"2010301", "", "行政运行", "368.80"},
	                         {"2010302", "", "一般行政管理事务", "398.41"},
	                         {"2080501", "", "行政单位离退休", "585.06"}};
	gk_doc_add_page(d, 792, 612);
	for (int i = 0; i < 5; i++) {
		gk_table_add_row(t);
		for (int j = 0; j < 4; j++)
			gk_table_set(t, i, j, rows[i][j]);
		double y0 = 144 + 14 * i;
		gk_table_set_source(t, i, 1, 55, y0, 330, y0 + 12);
		add_line(d, 1, y0, y0 + 12,
		         (word[]){{206.78, 257.18, rows[i][2], i ? 93 : conf}, {291, 323, rows[i][3], 95}, {0, 0, NULL, 0}});
	}
	return t;
}

Test(ocr_label, overprinted_total_row_named_by_its_sum)
{
	gk_result *r = gk_result_new();
	gk_doc *d = gk_doc_new();
	gk_table *t = total_row_table(r, d, "策恋市政务服", 0, "1352.27");
	gk_ocr_fix_labels(r, t, d, rules);
	cr_assert_str_eq(gk_table_get(t, 0, "name"), "合计");
	cr_assert_str_eq(gk_table_get(t, 1, "name"), "务和大数据管");
	cr_assert_eq(nlabel(r, "策恋市政务服 (confidence 0)"), 1);
	gk_doc_drop(d);
	gk_result_drop(r);
}

Test(ocr_label, total_row_read_surely_or_not_the_sum_stays)
{
	gk_result *r = gk_result_new();
	gk_doc *d = gk_doc_new();
	gk_table *t = total_row_table(r, d, "新乡市政务服务和大数据管理局", 93, "1352.27");
	gk_ocr_fix_labels(r, t, d, rules);
	cr_assert_str_eq(gk_table_get(t, 0, "name"), "新乡市政务服务和大数据管理局");
	gk_doc *e = gk_doc_new();
	gk_table *u = total_row_table(r, e, "策恋市政务服", 0, "1352.72");
	gk_ocr_fix_labels(r, u, e, rules);
	cr_assert_str_eq(gk_table_get(u, 0, "name"), "策恋市政务服");
	cr_assert_eq(nlabel(r, NULL), 0);
	gk_doc_drop(e);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* 上海 prints 合计 last, its two characters wide apart: OCR read "合："
 * surely (96) and lost 计.  The last row, a part of 合计, whose total is
 * the classes' sum, is the 合计 row; 合： over another figure stays. */
static gk_table *last_total_table(gk_result *r, gk_doc *d, const char *total)
{
	static const char *cols[] = {"func_code", "unit_code", "name", "total"};
	gk_table *t = gk_result_add_table(r, "expenditure_by_function", "t", 1, cols, 4);
	const char *rows[][4] = {{"201", "", "一般公共服务支出", "26702.7339"},
	                         {"20140", "", "信访事务", "26702.7339"},
	                         {"208", "", "社会保障和就业支出", "885.588"},
	                         {"210", "", "卫生健康支出", "199.6"},
	                         {"221", "", "住房保障支出", "1040.152"},
	                         {"", "", "合：", total}};
	gk_doc_add_page(d, 792, 612);
	for (int i = 0; i < 6; i++) {
		gk_table_add_row(t);
		for (int j = 0; j < 4; j++)
			gk_table_set(t, i, j, rows[i][j]);
		double y0 = 144 + 14 * i;
		gk_table_set_source(t, i, 1, 55, y0, 330, y0 + 12);
		add_line(d, 1, y0, y0 + 12,
		         (word[]){{206.78, 257.18, rows[i][2], 96}, {291, 323, rows[i][3], 95}, {0, 0, NULL, 0}});
	}
	return t;
}

Test(ocr_label, total_row_printed_last_read_in_part)
{
	gk_result *r = gk_result_new();
	gk_doc *d = gk_doc_new();
	gk_table *t = last_total_table(r, d, "28828.0739");
	gk_ocr_fix_labels(r, t, d, rules);
	cr_assert_str_eq(gk_table_get(t, 5, "name"), "合计");
	cr_assert_eq(nlabel(r, "合： (confidence 96)"), 1);
	gk_doc *e = gk_doc_new();
	gk_table *u = last_total_table(r, e, "28828.0793");
	gk_ocr_fix_labels(r, u, e, rules);
	cr_assert_str_eq(gk_table_get(u, 5, "name"), "合：");
	cr_assert_eq(nlabel(r, NULL), 1);
	gk_doc_drop(e);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* 新乡 p.6 (收支总表) at 200 dpi: the 支出 side's labels wrapped and printed
 * over the next rows'; 1193.81 is read beside "有名" (confidence 20), 93.21
 * beside garbage (0), 65.25 beside "十、生健康" (0), 二、外交 and 三、国防
 * read surely.  The 部门支出表's classes total 1193.81 (201), 93.21 (208)
 * and 65.25 (210): those rows take the classes' names, without 支出 as
 * 外交 and 国防 are printed.  A row read surely, a figure no class totals
 * and a figure two classes total stay. */
static const char *const xinxiang_functions[][2] = {
	{"2010301", "368.80"}, {"2010302", "398.41"}, {"2010350", "426.60"}, {"2080501", "25.71"}, {"2080505", "60.70"},
	{"2089999", "6.80"},   {"2101101", "14.14"},  {"2101103", "51.11"},  {"2120101", "40.00"}, {"2130101", "40.00"}};

static gk_table *summary_fixture_of(gk_result *r, gk_doc *d, const char *const (*rows)[3], int n,
                                    const char *const (*frows)[2])
{
	static const char *fcols[] = {"func_code", "name", "total"};
	gk_table *f = gk_result_add_table(r, "expenditure_by_function", "t", 2, fcols, 3);
	for (int i = 0; i < 10; i++) {
		gk_table_add_row(f);
		gk_table_set(f, i, 0, frows[i][0]);
		gk_table_set(f, i, 2, frows[i][1]);
	}
	static const char *scols[] = {"side", "item", "amount"};
	gk_table *t = gk_result_add_table(r, "revenue_expenditure_summary", "t", 1, scols, 3);
	gk_doc_add_page(d, 792, 612);
	gk_doc_add_page(d, 792, 612);
	gk_doc_set_meta(d, "ocr_pages", "1");
	for (int i = 0; i < n; i++) {
		gk_table_add_row(t);
		gk_table_set(t, i, 0, "支出");
		gk_table_set(t, i, 1, rows[i][0]);
		gk_table_set(t, i, 2, rows[i][1]);
		double y0 = 150 + 14 * i;
		gk_table_set_source(t, i, 1, 180, y0, 310, y0 + 12);
		add_line(d, 1, y0, y0 + 12,
		         (word[]){{181, 240, rows[i][0], (float)atof(rows[i][2])}, {270, 304, rows[i][1], 95},
		                  {0, 0, NULL, 0}});
	}
	return t;
}

static gk_table *summary_fixture(gk_result *r, gk_doc *d, const char *const (*rows)[3], int n)
{
	return summary_fixture_of(r, d, rows, n, xinxiang_functions);
}

Test(ocr_label, summary_rows_named_by_their_class)
{
	gk_result *r = gk_result_new();
	gk_doc *d = gk_doc_new();
	const char *const rows[][3] = {{"有名", "1193.81", "20"},    {"二、外交", "", "93"},
	                               {"三、国防", "", "96"},       {"卫m证上上二和一", "93.21", "0"},
	                               {"十、生健康", "65.25", "0"}, {"八、城乡社区", "40.00", "10"},
	                               {"七、某某", "12.34", "0"},   {"四、公共安全", "1193.81", "95"}};
	gk_table *t = summary_fixture(r, d, rows, 8);
	gk_read_findings(r, d, rules);
	cr_assert_str_eq(gk_table_get(t, 0, "item"), "一般公共服务");
	cr_assert_str_eq(gk_table_get(t, 3, "item"), "社会保障和就业");
	cr_assert_str_eq(gk_table_get(t, 4, "item"), "卫生健康");
	cr_assert_str_eq(gk_table_get(t, 5, "item"), "八、城乡社区");   /* 212 and 213 both total 40.00 */
	cr_assert_str_eq(gk_table_get(t, 6, "item"), "七、某某");       /* no class totals 12.34 */
	cr_assert_str_eq(gk_table_get(t, 7, "item"), "四、公共安全"); /* read surely */
	cr_assert_eq(nlabel(r, "有名 (confidence 20)"), 1);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* The same rows where the side prints the names whole (外交支出, 国防支出,
 * a 财政拨款收支总表): the classes' names whole; where no label read says
 * which, nothing is renamed. */
Test(ocr_label, summary_names_as_the_side_prints_them)
{
	gk_result *r = gk_result_new();
	gk_doc *d = gk_doc_new();
	const char *const rows[][3] = {{"sp二二由", "1193.81", "33"}, {"(二)外交支出", "", "93"}, {"(三)国防支出", "", "96"}};
	gk_table *t = summary_fixture(r, d, rows, 3);
	gk_read_findings(r, d, rules);
	cr_assert_str_eq(gk_table_get(t, 0, "item"), "一般公共服务支出");
	gk_doc_drop(d);
	gk_result_drop(r);

	r = gk_result_new();
	d = gk_doc_new();
	const char *const none[][3] = {{"sp二二由", "1193.81", "33"}, {"人aa", "", "3"}};
	t = summary_fixture(r, d, none, 2);
	gk_read_findings(r, d, rules);
	cr_assert_str_eq(gk_table_get(t, 0, "item"), "sp二二由");
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* 新乡's degraded scan: two 项 rows of 210 read with their code cut to
 * "210" (14.14, 19.23) beside 2101103 read whole (31.88): a class prints
 * one row of its own, so those are 项 rows and the class totals 65.25;
 * the summary's garbled row of 65.25 is still 卫生健康. */
Test(ocr_label, a_class_code_on_several_rows_is_no_class_row)
{
	gk_result *r = gk_result_new();
	gk_doc *d = gk_doc_new();
	const char *const f[][2] = {{"2010301", "368.80"}, {"2010302", "398.41"}, {"2010350", "426.60"},
	                            {"2080501", "25.71"},  {"2080505", "60.70"},  {"2089999", "6.80"},
	                            {"210", "14.14"},      {"210", "19.23"},      {"2101103", "31.88"},
	                            {"2130101", "40.00"}};
	const char *const rows[][3] = {{"十、生健康", "65.25", "0"}, {"卫m证上上二和一", "33.37", "0"}, {"三、国防", "", "96"}};
	gk_table *t = summary_fixture_of(r, d, rows, 3, f);
	gk_read_findings(r, d, rules);
	cr_assert_str_eq(gk_table_get(t, 0, "item"), "卫生健康");
	cr_assert_str_eq(gk_table_get(t, 1, "item"), "卫m证上上二和一", "the two cut rows are no class total");
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* The department's own row (unit code 118, the one unit row over the
 * function rows) read as a piece of the department's name, its wrapped
 * cell's other lines printed over the rows around it (新乡 p.9,
 * "务和大数据管", confidence 93): the department's name.  A unit's row of
 * six digits read so stays: it may be a unit of its own. */
Test(ocr_label, department_row_named_from_a_piece)
{
	gk_result *r = gk_result_new();
	gk_result_set_meta(r, "department", "新乡市政务服务和大数据管理局");
	gk_doc *d = gk_doc_new();
	gk_table *t = total_row_table(r, d, "合计", 95, "1352.27");
	gk_ocr_fix_labels(r, t, d, rules);
	cr_assert_str_eq(gk_table_get(t, 1, "name"), "新乡市政务服务和大数据管理局");
	cr_assert_str_eq(gk_table_get(t, 2, "name"), "行政运行");
	cr_assert_eq(nlabel(r, "务和大数据管 (confidence 93)"), 1);
	gk_doc *e = gk_doc_new();
	gk_table *u = total_row_table(r, e, "合计", 95, "1352.27");
	gk_table_set(u, 1, 1, "118001");
	gk_ocr_fix_labels(r, u, e, rules);
	cr_assert_str_eq(gk_table_get(u, 1, "name"), "务和大数据管");
	cr_assert_eq(nlabel(r, NULL), 1);
	gk_doc_drop(e);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* 新乡 p.12 on the degraded scan: 2101103 read "210" (its 款 lost), so the
 * function rows of the shortest code no longer sum to the first row's
 * total; the department's one unit row does: the row is 合计. */
Test(ocr_label, total_row_named_by_its_unit_row)
{
	gk_result *r = gk_result_new();
	gk_doc *d = gk_doc_new();
	gk_table *t = total_row_table(r, d, "病款市政务服", 0, "1352.27");
	gk_table_set(t, 4, 0, "210");
	gk_ocr_fix_labels(r, t, d, rules);
	cr_assert_str_eq(gk_table_get(t, 0, "name"), "合计");
	/* nor the unit row: left as read */
	gk_doc *e = gk_doc_new();
	gk_table *u = total_row_table(r, e, "病款市政务服", 0, "1352.27");
	gk_table_set(u, 4, 0, "210");
	gk_table_set(u, 1, 3, "1352.72");
	gk_ocr_fix_labels(r, u, e, rules);
	cr_assert_str_eq(gk_table_get(u, 0, "name"), "病款市政务服");
	gk_doc_drop(e);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* 新乡 p.8: unit 118001's name wrapped over three lines printed over one
 * another, read "殊秃大数据管理局" (confidence 0): it ends in six and more
 * of the department's last characters, and is the department's.  Another
 * unit's name read unsurely, and the same tail read surely, stay. */
Test(ocr_label, unit_name_with_the_department_tail)
{
	gk_result *r = gk_result_new();
	gk_result_set_meta(r, "department", "新乡市政务服务和大数据管理局");
	static const char *cols[] = {"unit_code", "unit_name", "total"};
	gk_table *t = gk_result_add_table(r, "revenue_by_unit", "t", 1, cols, 3);
	const char *rows[][3] = {{"118001", "殊秃大数据管理局", "0"},
	                         {"118002", "新乡市大数据中心", "0"},
	                         {"118003", "洛阳市大数据管理局", "96"}};
	gk_doc *d = gk_doc_new();
	gk_doc_add_page(d, 792, 612);
	for (int i = 0; i < 3; i++) {
		gk_table_add_row(t);
		gk_table_set(t, i, 0, rows[i][0]);
		gk_table_set(t, i, 1, rows[i][1]);
		gk_table_set(t, i, 2, "100.00");
		double y0 = 144 + 14 * i;
		gk_table_set_source(t, i, 1, 55, y0, 330, y0 + 12);
		add_line(d, 1, y0, y0 + 12,
		         (word[]){{55, 72, rows[i][0], 93}, {92, 125, rows[i][1], (float)atof(rows[i][2])},
		                  {291, 323, "100.00", 95}, {0, 0, NULL, 0}});
	}
	gk_ocr_fix_labels(r, t, d, rules);
	cr_assert_str_eq(gk_table_get(t, 0, "unit_name"), "新乡市政务服务和大数据管理局");
	cr_assert_str_eq(gk_table_get(t, 1, "unit_name"), "新乡市大数据中心");
	cr_assert_str_eq(gk_table_get(t, 2, "unit_name"), "洛阳市大数据管理局");
	cr_assert_eq(nlabel(r, "殊秃大数据管理局 (confidence 0)"), 1);
	cr_assert_eq(nlabel(r, NULL), 1);
	gk_doc_drop(d);
	gk_result_drop(r);
}
