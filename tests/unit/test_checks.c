/* test_checks.c - consistency checks (normalize/checks.c).
 *
 * Tables are hand-copied slices of the expected CSVs of the seed documents
 * (../shared/eval/expected); for each check kind one case that holds and
 * one that does not, asserting the exact check rows. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/ptext.h"
#include "../../lib/table.h"
#include "../../normalize/checks.h"
#include "../../normalize/normalize.h"

#define FUNC_H                                                                                      \
	"func_code,class,item,subitem,unit_code,name,total,basic_total,basic_wages,"                   \
	"basic_family_subsidy,basic_goods_services,basic_capital,project_total,project_operating,"     \
	"project_specific,basic_personnel,basic_public"
#define BASIC_H "econ_code,econ_name,gov_econ_code,gov_econ_name,total,personnel,public"
#define ECON_H                                                                                      \
	"econ_code,econ_name,gov_econ_code,gov_econ_name,unit_code,total,general_budget,"              \
	"general_budget_appropriation,government_fund,state_capital,carryover,special_account,"        \
	"business_income,superior_subsidy,affiliated_remit,operating_income,other_income"
#define THREE_H "unit_name,total,overseas_travel,vehicle_total,vehicle_purchase,vehicle_operation,reception"
#define RES_H "side,item,amount"
#define FIS_H "side,item,total,general_budget,general_budget_appropriation,government_fund,state_capital"
#define RBU_H                                                                                       \
	"unit_code,unit_name,total,current_total,general_budget,general_budget_appropriation,"         \
	"carryover_total,carryover_general_budget"
#define PROJ_H                                                                                      \
	"project_type,project_name,unit_code,unit_name,total,general_budget,government_fund,"          \
	"state_capital,carryover_general_budget,carryover_government_fund,carryover_state_capital,"    \
	"special_account,unit_funds"

/* ---- helpers ----------------------------------------------------------- */

/* split one line at commas (no quoting needed in these slices) */
static int split(const char *line, size_t len, char **out, int max)
{
	int n = 0;
	size_t a = 0;
	for (size_t i = 0; i <= len && n < max; i++)
		if (i == len || line[i] == ',') {
			out[n++] = gk_strndup(line + a, i - a);
			a = i + 1;
		}
	return n;
}

/* Add a table from "header\nrow\nrow..."; short rows are padded with "". */
static gk_table *tab(gk_result *r, const char *id, const char *csv)
{
	char *f[64];
	const char *nl = strchr(csv, '\n');
	size_t len = nl ? (size_t)(nl - csv) : strlen(csv);
	int nh = split(csv, len, f, 64);
	gk_table *t = gk_result_add_table(r, id, id, 1, (const char *const *)f, nh);
	for (int i = 0; i < nh; i++)
		free(f[i]);
	for (const char *p = nl ? nl + 1 : NULL; p && *p;) {
		nl = strchr(p, '\n');
		len = nl ? (size_t)(nl - p) : strlen(p);
		int n = split(p, len, f, 64);
		cr_assert_leq(n, nh, "row wider than the header of %s: %.*s", id, (int)len, p);
		gk_table_add_row(t);
		for (int j = 0; j < n; j++) {
			gk_table_set(t, t->nrow - 1, j, f[j]);
			free(f[j]);
		}
		p = nl ? nl + 1 : NULL;
	}
	return t;
}

static gk_result *one(const char *id, const char *csv)
{
	gk_result *r = gk_result_new();
	tab(r, id, csv);
	return r;
}

static void set(gk_result *r, const char *id, int row, const char *col, const char *val)
{
	gk_table *t = gk_result_find(r, id);
	cr_assert(t, "no table %s", id);
	int c = gk_table_col(t, col);
	cr_assert(c >= 0, "no column %s in %s", col, id);
	cr_assert(row < t->nrow);
	gk_table_set(t, row, c, val);
}

static char *dump(const gk_result *r)
{
	gk_buf b = {0};
	gk_buf_adds(&b, "");
	for (int i = 0; i < r->ncheck; i++) {
		const gk_check *c = &r->checks[i];
		gk_buf_addf(&b, "\n  %s | %s | %s | %s | %s | %s", c->table_id, c->check, c->row, c->expected,
		            c->found, c->status);
	}
	return gk_buf_take(&b);
}

static const gk_check *find(const gk_result *r, const char *tid, const char *check, const char *row)
{
	for (int i = 0; i < r->ncheck; i++) {
		const gk_check *c = &r->checks[i];
		if (!strcmp(c->check, check) && !strcmp(c->row, row) && (!tid || !strcmp(c->table_id, tid)))
			return c;
	}
	return NULL;
}

/* exactly one row (tid, check, row) with these figures and status */
static void expect(const gk_result *r, const char *tid, const char *check, const char *row,
                   const char *expected, const char *found, const char *status)
{
	int n = 0;
	for (int i = 0; i < r->ncheck; i++) {
		const gk_check *c = &r->checks[i];
		n += !strcmp(c->check, check) && !strcmp(c->row, row) && (!tid || !strcmp(c->table_id, tid));
	}
	const gk_check *c = find(r, tid, check, row);
	char *d = dump(r);
	cr_assert(c, "no check '%s' row '%s' (table %s); have:%s", check, row, tid ? tid : "*", d);
	cr_assert_eq(n, 1, "check '%s' row '%s' written %d times; have:%s", check, row, n, d);
	cr_assert_str_eq(c->expected, expected, "'%s' '%s': expected '%s', want '%s'", check, row,
	                 c->expected, expected);
	cr_assert_str_eq(c->found, found, "'%s' '%s': found '%s', want '%s'", check, row, c->found, found);
	cr_assert_str_eq(c->status, status, "'%s' '%s': status '%s', want '%s'", check, row, c->status,
	                 status);
	free(d);
}

static void absent(const gk_result *r, const char *check, const char *row)
{
	char *d = dump(r);
	cr_assert_null(find(r, NULL, check, row), "unexpected check '%s' row '%s'; have:%s", check, row, d);
	free(d);
}

static int count_status(const gk_result *r, const char *status)
{
	int n = 0;
	for (int i = 0; i < r->ncheck; i++)
		n += !strcmp(r->checks[i].status, status);
	return n;
}

/* every check inside the tables holds (cross checks against tables the
 * test does not build are "skip") */
static void all_ok(const gk_result *r)
{
	for (int i = 0; i < r->ncheck; i++) {
		const gk_check *c = &r->checks[i];
		if (!strncmp(c->check, "cross:", 6))
			continue;
		char *d = dump(r);
		cr_assert_str_eq(c->status, "ok", "not all ok:%s", d);
		free(d);
	}
}

static gk_result *run(gk_result *r)
{
	gk_checks_run(r, NULL);
	return r;
}

/* ---- numbers ----------------------------------------------------------- */

static const char *st(const char *a, const char *b)
{
	long long x, y;
	int dx, dy;
	cr_assert_eq(gk_chk_parse(a, &x, &dx), 1);
	cr_assert_eq(gk_chk_parse(b, &y, &dy), 1);
	return gk_chk_status(x, dx, y, dy);
}

static const char *st_narr(const char *a, const char *b)
{
	long long x, y;
	int dx, dy;
	cr_assert_eq(gk_chk_parse(a, &x, &dx), 1);
	cr_assert_eq(gk_chk_parse(b, &y, &dy), 1);
	return gk_chk_status_narrative(x, dx, y, dy);
}

Test(checks_num, parse)
{
	long long v;
	int d;
	cr_assert_eq(gk_chk_parse("1265.6", &v, &d), 1);
	cr_assert_eq(v, 1265600000LL);
	cr_assert_eq(d, 1);
	cr_assert_eq(gk_chk_parse("1,265.60", &v, &d), 1);
	cr_assert_eq(v, 1265600000LL);
	cr_assert_eq(d, 2);
	cr_assert_eq(gk_chk_parse("-12.5", &v, &d), 1);
	cr_assert_eq(v, -12500000LL);
	cr_assert_eq(gk_chk_parse("12.3456789", &v, &d), 1);
	cr_assert_eq(v, 12345679LL);
	cr_assert_eq(d, 6);
	cr_assert_eq(gk_chk_parse("0", &v, &d), 1);
	cr_assert_eq(v, 0);
	cr_assert_eq(d, 0);
	cr_assert_eq(gk_chk_parse("", &v, &d), 0);
	cr_assert_eq(gk_chk_parse("  ", &v, &d), 0);
	cr_assert_eq(gk_chk_parse("abc", &v, &d), -1);
	cr_assert_eq(gk_chk_parse("1-2", &v, &d), -1);
	cr_assert_eq(gk_chk_parse("1,2", &v, &d), -1);
	cr_assert_eq(gk_chk_parse("-", &v, &d), -1);
	cr_assert_eq(gk_chk_parse("99999999999999999999", &v, &d), -1);
}

Test(checks_num, format)
{
	char s[64];
	gk_chk_format(1265600000LL, 1, s, sizeof s);
	cr_assert_str_eq(s, "1265.6");
	gk_chk_format(-12500000LL, 2, s, sizeof s);
	cr_assert_str_eq(s, "-12.50");
	gk_chk_format(784700000LL, 0, s, sizeof s);
	cr_assert_str_eq(s, "785");
	gk_chk_format(0, 0, s, sizeof s);
	cr_assert_str_eq(s, "0");
	gk_chk_format(-1, 2, s, sizeof s);
	cr_assert_str_eq(s, "0.00");
}

Test(checks_num, status_tables)
{
	cr_assert_str_eq(st("845.70", "845.70"), "ok");
	cr_assert_str_eq(st("845.69", "845.70"), "round");
	cr_assert_str_eq(st("784.7", "784.8"), "round");     /* dengfeng 2010306 */
	cr_assert_str_eq(st("1352.3", "1352.27"), "round");  /* xinxiang 收入合计 */
	cr_assert_str_eq(st("1352.5", "1352.27"), "fail");
	cr_assert_str_eq(st("327.24", "324.57"), "fail");    /* guancheng 人员经费 */
	cr_assert_str_eq(st("345.68", "345.70"), "fail");
	cr_assert_str_eq(st("500", "500.00"), "ok");
}

Test(checks_num, status_narrative)
{
	cr_assert_str_eq(st_narr("372", "372.0"), "ok");
	cr_assert_str_eq(st_narr("845.7", "845.70"), "ok");
	cr_assert_str_eq(st_narr("1405", "1405.1"), "ok");
	cr_assert_str_eq(st_narr("327.25", "327.24"), "round");
	cr_assert_str_eq(st_narr("327.25", "324.57"), "fail");
	cr_assert_str_eq(st_narr("5", "6.0"), "round");
	cr_assert_str_eq(st_narr("5", "7.0"), "fail");
	/* 1.2亿元 = 12000 万元 printed to 0.1亿 = 1000 万元 */
	cr_assert_str_eq(gk_chk_status_narrative(12000000000LL, -3, 12345600000LL, 1), "ok");
}

/* ---- function tables: per-row sums ----------------------------------- */

static const char *DENGFENG_EBF = FUNC_H "\n"
	",,,,,合计,1265.6,372.0,336.5,0.7,34.8,,893.6,,893.6\n"
	"2010306,201,03,06,,政务公开审批,784.8,291.1,255.6,0.7,34.8,,493.6,,493.6\n"
	"2080505,208,05,05,,机关事业单位基本养老保险缴费支出,34.3,34.3,34.3\n";

Test(checks_func, total_is_basic_plus_project)
{
	gk_result *r = run(one("expenditure_by_function", DENGFENG_EBF));
	expect(r, "expenditure_by_function", "row:total=basic+project", "合计", "1265.6", "1265.6", "ok");
	expect(r, NULL, "row:total=basic+project", "2080505", "34.3", "34.3", "ok");
	/* the published one-unit gap of dengfeng-2024 */
	expect(r, NULL, "row:total=basic+project", "2010306", "784.7", "784.8", "round");
	gk_result_drop(r);

	r = one("expenditure_by_function", DENGFENG_EBF);
	set(r, "expenditure_by_function", 1, "total", "790.0");
	run(r);
	expect(r, NULL, "row:total=basic+project", "2010306", "784.7", "790.0", "fail");
	gk_result_drop(r);
}

Test(checks_func, basic_is_sum_of_economic_parts)
{
	gk_result *r = run(one("expenditure_by_function", DENGFENG_EBF));
	expect(r, NULL, "row:basic=wages+family+goods+capital", "2010306", "291.1", "291.1", "ok");
	expect(r, NULL, "row:basic=wages+family+goods+capital", "合计", "372.0", "372.0", "ok");
	gk_result_drop(r);

	r = one("expenditure_by_function", DENGFENG_EBF);
	set(r, "expenditure_by_function", 1, "basic_wages", "250.0");
	run(r);
	expect(r, NULL, "row:basic=wages+family+goods+capital", "2010306", "285.5", "291.1", "fail");
	gk_result_drop(r);
}

Test(checks_func, basic_is_personnel_plus_public)
{
	static const char *csv = FUNC_H "\n"
		",,,,,合计,1265.6,372.0,,,,,893.6,,893.6,337.2,34.8\n";
	gk_result *r = run(one("general_budget_expenditure", csv));
	expect(r, "general_budget_expenditure", "row:basic=personnel+public", "合计", "372.0", "372.0", "ok");
	absent(r, "row:basic=wages+family+goods+capital", "合计");
	gk_result_drop(r);

	r = one("general_budget_expenditure", csv);
	set(r, "general_budget_expenditure", 0, "basic_public", "30.0");
	run(r);
	expect(r, NULL, "row:basic=personnel+public", "合计", "367.2", "372.0", "fail");
	gk_result_drop(r);
}

static const char *GUANCHENG_EBF = FUNC_H "\n"
	",,,,,合计,845.70,345.70,327.24,,18.45,,500.00,284.36,215.64\n"
	",,,,129,郑州市管城回族区政务服务和大数据管理局,845.70,345.70,327.24,,18.45,,500.00,284.36,215.64\n"
	"2010301,201,03,01,,行政运行,762.15,272.15,253.70,,18.45,,490.00,274.36,215.64\n"
	"2080505,208,05,05,,机关事业单位基本养老保险缴费支出,23.55,23.55,23.55\n"
	"2100409,210,04,09,,重大公共卫生服务,10.00,,,,,,10.00,10.00,\n"
	"2101101,210,11,01,,行政单位医疗,0.85,0.85,0.85\n"
	"2101102,210,11,02,,事业单位医疗,11.66,11.66,11.66\n"
	"2101103,210,11,03,,公务员医疗补助,8.83,8.83,8.83\n"
	"2210201,221,02,01,,住房公积金,28.65,28.65,28.65\n";

Test(checks_func, project_is_operating_plus_specific)
{
	gk_result *r = run(one("expenditure_by_function", GUANCHENG_EBF));
	expect(r, NULL, "row:project=operating+specific", "2010301", "490.00", "490.00", "ok");
	expect(r, NULL, "row:project=operating+specific", "2100409", "10.00", "10.00", "ok");
	expect(r, NULL, "row:total=basic+project", "2100409", "10.00", "10.00", "ok");
	gk_result_drop(r);

	r = one("expenditure_by_function", GUANCHENG_EBF);
	set(r, "expenditure_by_function", 2, "project_specific", "200.00");
	run(r);
	expect(r, NULL, "row:project=operating+specific", "2010301", "474.36", "490.00", "fail");
	gk_result_drop(r);
}

/* ---- function tables: column sums, units, tree ------------------------ */

Test(checks_func, total_row_is_sum_of_leaves)
{
	gk_result *r = run(one("expenditure_by_function", GUANCHENG_EBF));
	/* guancheng-2023 prints 合计 845.70 over leaves summing to 845.69 */
	expect(r, NULL, "col:合计=Σleaves", "total", "845.69", "845.70", "round");
	expect(r, NULL, "col:合计=Σleaves", "basic_total", "345.69", "345.70", "round");
	expect(r, NULL, "col:合计=Σleaves", "basic_wages", "327.24", "327.24", "ok");
	expect(r, NULL, "col:合计=Σleaves", "project_total", "500.00", "500.00", "ok");
	expect(r, NULL, "col:合计=Σleaves", "project_operating", "284.36", "284.36", "ok");
	absent(r, "col:合计=Σleaves", "basic_capital"); /* nothing printed */
	absent(r, "col:单位=Σleaves", "郑州市管城回族区政务服务和大数据管理局:total"); /* one unit */
	expect(r, NULL, "row:basic=wages+family+goods+capital", "合计", "345.69", "345.70", "round");
	cr_assert_eq(count_status(r, "fail"), 0);
	gk_result_drop(r);

	r = one("expenditure_by_function", GUANCHENG_EBF);
	set(r, "expenditure_by_function", 8, "total", "38.65");
	run(r);
	expect(r, NULL, "col:合计=Σleaves", "total", "855.69", "845.70", "fail");
	expect(r, NULL, "row:total=basic+project", "2210201", "28.65", "38.65", "fail");
	gk_result_drop(r);
}

Test(checks_func, leaves_without_basic_total_use_their_parts)
{
	static const char *csv = FUNC_H "\n"
		",,,,,合计,1352.27,953.86,855.15,29.72,68.99,,398.41,398.41,\n"
		",,,,118,新乡市政务服务和大数据管理局,1352.27,953.86,855.15,29.72,68.99,,398.41,398.41,\n"
		"2010301,201,03,01,,行政运行,368.80,,323.24,,45.56\n"
		"2010302,201,03,02,,一般行政管理事务,398.41,,,,,,398.41,398.41,\n"
		"2010350,201,03,50,,事业运行,426.60,,403.71,,22.89\n"
		"2080501,208,05,01,,行政单位离退休,25.71,,,25.26,0.45\n"
		"2080502,208,05,02,,事业单位离退休,4.55,,,4.46,0.09\n"
		"2080505,208,05,05,,机关事业单位基本养老保险缴费支出,60.70,,60.70\n"
		"2089999,208,99,99,,其他社会保障和就业支出,2.25,,2.25\n"
		"2101101,210,11,01,,行政单位医疗,14.14,,14.14\n"
		"2101102,210,11,02,,事业单位医疗,19.23,,19.23\n"
		"2101103,210,11,03,,公务员医疗补助,31.88,,31.88\n";
	gk_result *r = run(one("expenditure_by_function", csv));
	expect(r, NULL, "row:total=basic+project", "2010301", "368.80", "368.80", "ok");
	absent(r, "row:basic=wages+family+goods+capital", "2010301");
	expect(r, NULL, "col:合计=Σleaves", "basic_total", "953.86", "953.86", "ok");
	expect(r, NULL, "col:合计=Σleaves", "total", "1352.27", "1352.27", "ok");
	all_ok(r);
	gk_result_drop(r);

	r = one("expenditure_by_function", csv);
	set(r, "expenditure_by_function", 2, "basic_goods_services", "45.66");
	run(r);
	expect(r, NULL, "row:total=basic+project", "2010301", "368.90", "368.80", "fail");
	expect(r, NULL, "col:合计=Σleaves", "basic_total", "953.96", "953.86", "fail");
	gk_result_drop(r);
}

static const char *TREE = FUNC_H "\n"
	"201,201,,,,一般公共服务支出,784.8,291.1,255.6,0.7,34.8,0.0,493.6,0.0,493.6\n"
	"20103,201,03,,,政府办公厅（室）及相关机构事务,784.8,291.1,255.6,0.7,34.8,0.0,493.6,0.0,493.6\n"
	"2010306,201,03,06,,政务公开审批,784.8,291.1,255.6,0.7,34.8,0.0,493.6,0.0,493.6\n"
	"210,210,,,,卫生健康支出,64.6,64.6,64.6,0.0,0.0,0.0,0.0,0.0,0.0\n"
	"21011,210,11,,,行政事业单位医疗,64.6,64.6,64.6,0.0,0.0,0.0,0.0,0.0,0.0\n"
	"2101101,210,11,01,,行政单位医疗,41.8,41.8,41.8,0.0,0.0,0.0,0.0,0.0,0.0\n"
	"2101102,210,11,02,,事业单位医疗,22.9,22.9,22.9,0.0,0.0,0.0,0.0,0.0,0.0\n";

Test(checks_func, class_is_sum_of_its_kuan)
{
	gk_result *r = run(one("general_budget_expenditure", TREE));
	expect(r, NULL, "tree:类=Σ款", "201:total", "784.8", "784.8", "ok");
	expect(r, NULL, "tree:类=Σ款", "201:project_total", "493.6", "493.6", "ok");
	expect(r, NULL, "tree:类=Σ款", "210:total", "64.6", "64.6", "ok");
	absent(r, "tree:类=Σ款", "201:basic_capital"); /* all 0.0 */
	gk_result_drop(r);

	r = one("general_budget_expenditure", TREE);
	set(r, "general_budget_expenditure", 0, "total", "790.0");
	run(r);
	expect(r, NULL, "tree:类=Σ款", "201:total", "784.8", "790.0", "fail");
	gk_result_drop(r);
}

Test(checks_func, kuan_is_sum_of_its_xiang)
{
	gk_result *r = run(one("general_budget_expenditure", TREE));
	expect(r, NULL, "tree:款=Σ项", "20103:total", "784.8", "784.8", "ok");
	/* zhengzhou-2024: 41.8 + 22.9 = 64.7 printed as 64.6 */
	expect(r, NULL, "tree:款=Σ项", "21011:total", "64.7", "64.6", "round");
	expect(r, NULL, "tree:款=Σ项", "21011:basic_wages", "64.7", "64.6", "round");
	gk_result_drop(r);

	r = one("general_budget_expenditure", TREE);
	set(r, "general_budget_expenditure", 5, "total", "40.0");
	run(r);
	expect(r, NULL, "tree:款=Σ项", "21011:total", "62.9", "64.6", "fail");
	gk_result_drop(r);
}

static const char *UNITS = FUNC_H "\n"
	",,,,,合计,30.0,30.0,30.0\n"
	",,,,001,单位甲,10.0,10.0,10.0\n"
	"2010301,201,03,01,,行政运行,10.0,10.0,10.0\n"
	",,,,002,单位乙,20.0,20.0,20.0\n"
	"2010301,201,03,01,,行政运行,15.0,15.0,15.0\n"
	"2080505,208,05,05,,机关事业单位基本养老保险缴费支出,5.0,5.0,5.0\n";

Test(checks_func, unit_is_sum_of_its_leaves)
{
	gk_result *r = run(one("expenditure_by_function", UNITS));
	expect(r, NULL, "col:合计=Σleaves", "total", "30.0", "30.0", "ok");
	expect(r, NULL, "col:单位=Σleaves", "单位甲:total", "10.0", "10.0", "ok");
	expect(r, NULL, "col:单位=Σleaves", "单位乙:total", "20.0", "20.0", "ok");
	all_ok(r);
	gk_result_drop(r);

	r = one("expenditure_by_function", UNITS);
	set(r, "expenditure_by_function", 3, "total", "21.0");
	run(r);
	expect(r, NULL, "col:单位=Σleaves", "单位乙:total", "20.0", "21.0", "fail");
	expect(r, NULL, "row:total=basic+project", "单位乙", "20.0", "21.0", "fail");
	gk_result_drop(r);
}

/* ---- general_budget_basic_expenditure ---------------------------------- */

static const char *GBB = BASIC_H "\n"
	",合计,,,4.34,0.88,3.46\n"
	"30112,其他社会保障缴费,50102,社会保障缴费,3.52,0.06,3.46\n"
	"30112,其他社会保障缴费,50501,工资福利支出,0.82,0.82,\n";

Test(checks_basic, total_is_personnel_plus_public)
{
	gk_result *r = run(one("general_budget_basic_expenditure", GBB));
	expect(r, NULL, "row:total=personnel+public", "30112/50102", "3.52", "3.52", "ok");
	expect(r, NULL, "row:total=personnel+public", "30112/50501", "0.82", "0.82", "ok");
	expect(r, NULL, "row:total=personnel+public", "合计", "4.34", "4.34", "ok");
	gk_result_drop(r);

	r = one("general_budget_basic_expenditure", GBB);
	set(r, "general_budget_basic_expenditure", 1, "public", "3.45");
	run(r);
	expect(r, NULL, "row:total=personnel+public", "30112/50102", "3.51", "3.52", "round");
	expect(r, NULL, "col:合计=Σleaves", "public", "3.45", "3.46", "round");
	gk_result_drop(r);
}

Test(checks_basic, total_row_is_column_sum)
{
	gk_result *r = run(one("general_budget_basic_expenditure", GBB));
	expect(r, NULL, "col:合计=Σleaves", "total", "4.34", "4.34", "ok");
	expect(r, NULL, "col:合计=Σleaves", "personnel", "0.88", "0.88", "ok");
	expect(r, NULL, "col:合计=Σleaves", "public", "3.46", "3.46", "ok");
	gk_result_drop(r);

	r = one("general_budget_basic_expenditure", GBB);
	set(r, "general_budget_basic_expenditure", 0, "personnel", "0.80");
	run(r);
	expect(r, NULL, "col:合计=Σleaves", "personnel", "0.88", "0.80", "fail");
	expect(r, NULL, "row:total=personnel+public", "合计", "4.26", "4.34", "fail");
	gk_result_drop(r);
}

Test(checks_basic, class_rows_are_not_double_counted)
{
	static const char *csv = BASIC_H "\n"
		",合计,,,10.0,10.0,\n"
		"301,工资福利支出,,,10.0,10.0,\n"
		"30101,基本工资,50101,工资奖金津补贴,6.0,6.0,\n"
		"30102,津贴补贴,50101,工资奖金津补贴,4.0,4.0,\n";
	gk_result *r = run(one("general_budget_basic_expenditure", csv));
	expect(r, NULL, "col:合计=Σleaves", "total", "10.0", "10.0", "ok");
	expect(r, NULL, "tree:类=Σ款", "301:total", "10.0", "10.0", "ok");
	gk_result_drop(r);

	r = one("general_budget_basic_expenditure", csv);
	set(r, "general_budget_basic_expenditure", 3, "total", "3.0");
	run(r);
	expect(r, NULL, "tree:类=Σ款", "301:total", "9.0", "10.0", "fail");
	/* (the 合计 is its 类's: the error inside 301 is reported once) */
	expect(r, NULL, "col:合计=Σleaves", "total", "10.0", "10.0", "ok");
	gk_result_drop(r);
}

/* ---- expenditure_by_economic_class ------------------------------------ */

static const char *ECON = ECON_H "\n"
	",合计,,,,1.5,1.5,1.5\n"
	"30217,公务接待费,50206,公务接待费,,0.5,0.5,0.5\n"
	"30231,公务用车运行维护费,50208,公务用车运行维护费,,1.0,1.0,1.0\n";

Test(checks_econ, total_is_sum_of_sources)
{
	gk_result *r = run(one("expenditure_by_economic_class", ECON));
	expect(r, NULL, "row:total=Σsources", "30217/50206", "0.5", "0.5", "ok");
	expect(r, NULL, "row:total=Σsources", "合计", "1.5", "1.5", "ok");
	gk_result_drop(r);

	r = one("expenditure_by_economic_class", ECON);
	set(r, "expenditure_by_economic_class", 2, "general_budget", "0.5");
	set(r, "expenditure_by_economic_class", 2, "government_fund", "0.4");
	run(r);
	expect(r, NULL, "row:total=Σsources", "30231/50208", "0.9", "1.0", "round");
	gk_result_drop(r);

	r = one("expenditure_by_economic_class", ECON);
	set(r, "expenditure_by_economic_class", 2, "general_budget", "0.5");
	run(r);
	expect(r, NULL, "row:total=Σsources", "30231/50208", "0.5", "1.0", "fail");
	gk_result_drop(r);
}

Test(checks_econ, total_row_is_sum_of_coded_rows)
{
	gk_result *r = run(one("expenditure_by_economic_class", ECON));
	expect(r, NULL, "col:合计=Σleaves", "total", "1.5", "1.5", "ok");
	expect(r, NULL, "col:合计=Σleaves", "general_budget_appropriation", "1.5", "1.5", "ok");
	gk_result_drop(r);

	r = one("expenditure_by_economic_class", ECON);
	set(r, "expenditure_by_economic_class", 0, "total", "2.5");
	run(r);
	expect(r, NULL, "col:合计=Σleaves", "total", "1.5", "2.5", "fail");
	gk_result_drop(r);
}

/* ---- three_public_expenses --------------------------------------------- */

Test(checks_three, total_and_vehicle)
{
	static const char *csv = THREE_H "\n合计,3.30,,2.30,,2.30,1.00\n";
	gk_result *r = run(one("three_public_expenses", csv));
	expect(r, NULL, "row:total=travel+vehicle+reception", "合计", "3.30", "3.30", "ok");
	expect(r, NULL, "row:vehicle=purchase+operation", "合计", "2.30", "2.30", "ok");
	gk_result_drop(r);

	r = one("three_public_expenses", csv);
	set(r, "three_public_expenses", 0, "total", "3.50");
	set(r, "three_public_expenses", 0, "vehicle_operation", "2.20");
	run(r);
	expect(r, NULL, "row:total=travel+vehicle+reception", "合计", "3.30", "3.50", "fail");
	expect(r, NULL, "row:vehicle=purchase+operation", "合计", "2.20", "2.30", "fail");
	gk_result_drop(r);
}

Test(checks_three, one_unlabelled_row_is_the_total)
{
	static const char *csv = THREE_H "\n,1.5,,1.0,,1.0,0.5\n";
	gk_result *r = run(one("three_public_expenses", csv));
	expect(r, NULL, "row:total=travel+vehicle+reception", "合计", "1.5", "1.5", "ok");
	gk_result_drop(r);
}

Test(checks_three, total_row_is_sum_of_units)
{
	static const char *csv = THREE_H "\n"
		"合计,3.0,,2.0,,2.0,1.0\n"
		"单位甲,1.0,,1.0,,1.0,\n"
		"单位乙,2.0,,1.0,,1.0,1.0\n";
	gk_result *r = run(one("three_public_expenses", csv));
	expect(r, NULL, "col:合计=Σ单位", "total", "3.0", "3.0", "ok");
	expect(r, NULL, "col:合计=Σ单位", "reception", "1.0", "1.0", "ok");
	all_ok(r);
	gk_result_drop(r);

	r = one("three_public_expenses", csv);
	set(r, "three_public_expenses", 2, "reception", "0.5");
	run(r);
	expect(r, NULL, "col:合计=Σ单位", "reception", "0.5", "1.0", "fail");
	expect(r, NULL, "row:total=travel+vehicle+reception", "单位乙", "1.5", "2.0", "fail");
	gk_result_drop(r);
}

/* ---- the two summaries ------------------------------------------------- */

static const char *RES = RES_H "\n"
	"收入,一、一般公共预算,1265.6\n"
	"收入,其中：财政拨款,1265.6\n"
	"收入,二、政府性基金预算拨款收入,\n"
	"收入,本年收入合计,1265.6\n"
	"收入,上年结转结余,\n"
	"收入,收入总计,1265.6\n"
	"支出,一、一般公共服务,784.8\n"
	"支出,六、科学技术,400.0\n"
	"支出,八、社会保障和就业,34.3\n"
	"支出,十、卫生健康,17.2\n"
	"支出,二十一、住房保障支出,29.3\n"
	"支出,本年支出合计,1265.6\n"
	"支出,年终结转结余,\n"
	"支出,支出总计,1265.6\n";

Test(checks_summary, subtotal_is_sum_of_ordinal_lines)
{
	gk_result *r = run(one("revenue_expenditure_summary", RES));
	expect(r, NULL, "summary:合计=Σ一、", "本年收入合计", "1265.6", "1265.6", "ok");
	expect(r, NULL, "summary:合计=Σ一、", "本年支出合计", "1265.6", "1265.6", "ok");
	gk_result_drop(r);

	r = one("revenue_expenditure_summary", RES);
	set(r, "revenue_expenditure_summary", 9, "amount", "17.0");
	run(r);
	expect(r, NULL, "summary:合计=Σ一、", "本年支出合计", "1265.4", "1265.6", "fail");
	gk_result_drop(r);
}

/* A summary read by OCR whose lines lost their ordinals (八、 unread, or a
 * label put right to its standard name): they are lines 一、 still where
 * they make up the 合计 exactly; a text page's table keeps its reading */
Test(checks_summary, ocr_lines_that_lost_their_ordinal)
{
	gk_doc *d = gk_doc_new();
	gk_doc_set_meta(d, "ocr_pages", "1");
	gk_result *r = one("revenue_expenditure_summary", RES);
	set(r, "revenue_expenditure_summary", 8, "item", "社会保障和就业");
	gk_checks_run(r, d);
	expect(r, NULL, "summary:合计=Σ一、", "本年支出合计", "1265.6", "1265.6", "ok");
	gk_result_drop(r);

	/* a line that does not make it up stays out */
	r = one("revenue_expenditure_summary", RES);
	set(r, "revenue_expenditure_summary", 8, "item", "社会保障和就业");
	set(r, "revenue_expenditure_summary", 9, "amount", "17.0");
	gk_checks_run(r, d);
	expect(r, NULL, "summary:合计=Σ一、", "本年支出合计", "1231.1", "1265.6", "fail");
	gk_result_drop(r);

	/* a line 一、 and its （一） both without their ordinals: the one
	 * line that makes it up */
	r = one("revenue_expenditure_summary", RES);
	set(r, "revenue_expenditure_summary", 0, "item", "一般公共预算");
	set(r, "revenue_expenditure_summary", 1, "item", "财政拨款");
	gk_checks_run(r, d);
	expect(r, NULL, "summary:合计=Σ一、", "本年收入合计", "1265.6", "1265.6", "ok");
	gk_result_drop(r);

	/* the text path: as printed */
	r = one("revenue_expenditure_summary", RES);
	set(r, "revenue_expenditure_summary", 8, "item", "社会保障和就业");
	gk_checks_run(r, NULL);
	expect(r, NULL, "summary:合计=Σ一、", "本年支出合计", "1231.3", "1265.6", "fail");
	gk_result_drop(r);
	gk_doc_drop(d);
}

Test(checks_summary, grand_total_is_subtotal_plus_carryover)
{
	gk_result *r = run(one("revenue_expenditure_summary", RES));
	expect(r, NULL, "summary:总计=合计+结转", "收入总计", "1265.6", "1265.6", "ok");
	expect(r, NULL, "summary:总计=合计+结转", "支出总计", "1265.6", "1265.6", "ok");
	gk_result_drop(r);

	r = one("revenue_expenditure_summary", RES);
	set(r, "revenue_expenditure_summary", 4, "amount", "0.5");
	run(r);
	expect(r, NULL, "summary:总计=合计+结转", "收入总计", "1266.1", "1265.6", "fail");
	gk_result_drop(r);
}

Test(checks_summary, income_equals_expenditure)
{
	gk_result *r = run(one("revenue_expenditure_summary", RES));
	expect(r, NULL, "summary:收入总计=支出总计", "收入总计", "1265.6", "1265.6", "ok");
	all_ok(r);
	gk_result_drop(r);

	r = one("revenue_expenditure_summary", RES);
	set(r, "revenue_expenditure_summary", 13, "amount", "1265.7");
	run(r);
	expect(r, NULL, "summary:收入总计=支出总计", "收入总计", "1265.6", "1265.7", "round");
	expect(r, NULL, "summary:总计=合计+结转", "支出总计", "1265.6", "1265.7", "round");
	gk_result_drop(r);
}

static const char *FIS = FIS_H "\n"
	"收入,一、本年收入,1352.27\n"
	"收入,(一)一般公共预算拨款,1352.27\n"
	"收入,其中：财政拨款,1352.27\n"
	"收入,(二)政府性基金预算拨款,\n"
	"收入,二、上年结转,\n"
	"收入,(一)一般公共预算拨款,\n"
	"收入,收入合计,1352.3\n"
	"支出,一、本年支出,1352.27,1352.27,1352.27,,\n"
	"支出,(一)一般公共服务支出,1193.81,1193.81,1193.81,,\n"
	"支出,(八)社会保障和就业支出,93.21,93.21,93.21,,\n"
	"支出,(十)卫生健康支出,65.25,65.25,65.25,,\n"
	"支出,二、年终结转结余,,,,,\n"
	"支出,支出合计,1352.27,1352.27,1352.27,,\n";

Test(checks_summary, fiscal_xinxiang_rounded_income_total)
{
	gk_result *r = run(one("fiscal_appropriation_summary", FIS));
	/* xinxiang-2022 prints 收入合计 1352.3 against 1352.27 everywhere else */
	expect(r, "fiscal_appropriation_summary", "summary:收入总计=支出总计", "收入合计", "1352.3",
	       "1352.27", "round");
	expect(r, NULL, "summary:合计=Σ一、", "收入合计", "1352.27", "1352.3", "round");
	expect(r, NULL, "summary:合计=Σ一、", "支出合计", "1352.27", "1352.27", "ok");
	expect(r, NULL, "summary:合计=Σ一、", "支出合计:general_budget", "1352.27", "1352.27", "ok");
	cr_assert_eq(count_status(r, "fail"), 0, "%s", dump(r));
	gk_result_drop(r);

	r = one("fiscal_appropriation_summary", FIS);
	set(r, "fiscal_appropriation_summary", 6, "total", "1350.00");
	run(r);
	expect(r, NULL, "summary:收入总计=支出总计", "收入合计", "1350.00", "1352.27", "fail");
	gk_result_drop(r);
}

Test(checks_summary, fiscal_heading_is_sum_of_parts)
{
	gk_result *r = run(one("fiscal_appropriation_summary", FIS));
	expect(r, NULL, "summary:一、=Σ（一）", "一、本年收入", "1352.27", "1352.27", "ok");
	expect(r, NULL, "summary:一、=Σ（一）", "一、本年支出", "1352.27", "1352.27", "ok");
	expect(r, NULL, "summary:一、=Σ（一）", "一、本年支出:general_budget", "1352.27", "1352.27", "ok");
	gk_result_drop(r);

	r = one("fiscal_appropriation_summary", FIS);
	set(r, "fiscal_appropriation_summary", 8, "general_budget", "1190.00");
	run(r);
	expect(r, NULL, "summary:一、=Σ（一）", "一、本年支出:general_budget", "1348.46", "1352.27", "fail");
	expect(r, NULL, "summary:一、=Σ（一）", "一、本年支出", "1352.27", "1352.27", "ok");
	gk_result_drop(r);
}

Test(checks_summary, fiscal_row_is_sum_of_funds)
{
	gk_result *r = run(one("fiscal_appropriation_summary", FIS));
	const char *c = "row:total=general_budget+government_fund+state_capital";
	expect(r, NULL, c, "(一)一般公共服务支出", "1193.81", "1193.81", "ok");
	expect(r, NULL, c, "支出合计", "1352.27", "1352.27", "ok");
	absent(r, c, "一、本年收入"); /* income lines fill total only */
	gk_result_drop(r);

	r = one("fiscal_appropriation_summary", FIS);
	set(r, "fiscal_appropriation_summary", 8, "general_budget", "1190.00");
	run(r);
	expect(r, NULL, c, "(一)一般公共服务支出", "1190.00", "1193.81", "fail");
	gk_result_drop(r);
}

Test(checks_summary, colon_after_total_label_dropped)
{
	static const char *csv = FIS_H "\n"
		"收入,一、本年收入,845.70\n"
		"收入,收入合计：,845.70\n"
		"支出,一、本年支出,845.70,845.70\n"
		"支出,支出合计,845.70,845.70\n";
	gk_result *r = run(one("fiscal_appropriation_summary", csv));
	expect(r, NULL, "summary:收入总计=支出总计", "收入合计", "845.70", "845.70", "ok");
	gk_result_drop(r);
}

/* ---- revenue_by_unit ---------------------------------------------------- */

static const char *RBU = RBU_H "\n"
	",合计,845.70,845.70,845.70,845.70\n"
	"129,郑州市管城回族区政务服务和大数据管理局,845.70,845.70,845.70,845.70\n"
	"129001,郑州市管城回族区政务服务和大数据管理局,845.70,845.70,845.70,845.70\n";

Test(checks_rbu, rows_and_units)
{
	gk_result *r = run(one("revenue_by_unit", RBU));
	expect(r, NULL, "row:total=current+carryover", "129", "845.70", "845.70", "ok");
	expect(r, NULL, "row:current=Σsources", "129001", "845.70", "845.70", "ok");
	expect(r, NULL, "col:合计=Σleaves", "total", "845.70", "845.70", "ok");
	expect(r, NULL, "tree:上级=Σ下级", "129:total", "845.70", "845.70", "ok");
	all_ok(r);
	gk_result_drop(r);

	r = one("revenue_by_unit", RBU);
	set(r, "revenue_by_unit", 2, "total", "845.60");
	run(r);
	expect(r, NULL, "row:total=current+carryover", "129001", "845.70", "845.60", "fail");
	expect(r, NULL, "col:合计=Σleaves", "total", "845.60", "845.70", "fail");
	expect(r, NULL, "tree:上级=Σ下级", "129:total", "845.60", "845.70", "fail");
	gk_result_drop(r);
}

Test(checks_rbu, carryover)
{
	static const char *csv = RBU_H "\n129001,某单位,900.00,845.70,845.70,845.70,54.30,54.30\n";
	gk_result *r = run(one("revenue_by_unit", csv));
	expect(r, NULL, "row:total=current+carryover", "129001", "900.00", "900.00", "ok");
	expect(r, NULL, "row:carryover=Σparts", "129001", "54.30", "54.30", "ok");
	gk_result_drop(r);

	r = one("revenue_by_unit", csv);
	set(r, "revenue_by_unit", 0, "carryover_general_budget", "50.00");
	run(r);
	expect(r, NULL, "row:carryover=Σparts", "129001", "50.00", "54.30", "fail");
	gk_result_drop(r);
}

Test(checks_rbu, blank_total_cell_is_skipped)
{
	/* xinxiang-2022's 合计 row leaves 财政拨款 blank */
	static const char *csv = RBU_H "\n"
		",合计,1352.27,1352.27,1352.27,\n"
		"118001,新乡市政务服务和大数据管理局,1352.27,1352.27,1352.27,1352.27\n";
	gk_result *r = run(one("revenue_by_unit", csv));
	expect(r, NULL, "col:合计=Σleaves", "general_budget_appropriation", "1352.27", "", "skip");
	gk_result_drop(r);
}

Test(checks_rbu, fiscal_column_kept_as_x_is_a_source)
{
	/* 上海市普陀区社会福利院 2024 收入预算总表 (p. 8): 合计 | 财政拨款收入 |
	 * 事业收入; the contract has no column for 财政拨款收入 as a whole */
	static const char *csv = "func_code,func_name,total,business_income,x_收入预算财政拨款收入\n"
		"208,社会保障和就业支出,1128.1624,262,866.1624\n"
		"2080502,事业单位离退休,53.844,,53.844\n";
	gk_result *r = run(one("revenue_by_unit", csv));
	expect(r, NULL, "row:total=current+carryover", "208", "1128.1624", "1128.1624", "ok");
	expect(r, NULL, "row:total=current+carryover", "2080502", "53.844", "53.844", "ok");
	gk_result_drop(r);

	/* a figure that does not add up is a finding, not a doubt about it */
	r = one("revenue_by_unit", csv);
	set(r, "revenue_by_unit", 0, "x_收入预算财政拨款收入", "866.0624");
	run(r);
	expect(r, NULL, "row:total=current+carryover", "208", "1128.0624", "1128.1624", "fail");
	gk_result_drop(r);
}

/* ---- project_expenditure ------------------------------------------------ */

static const char *PROJ = PROJ_H "\n"
	",合计,,,111.00,111.00\n"
	",,129,郑州市管城回族区政务服务和大数据管理局,111.00,111.00\n"
	"其他运转类,综合办事大厅水电费,,郑州市管城回族区政务服务和大数据管理局,30.00,30.00\n"
	"其他运转类,综合办事大厅运转经费,,郑州市管城回族区政务服务和大数据管理局,80.00,80.00\n"
	"其他运转类,免费复印邮寄,,郑州市管城回族区政务服务和大数据管理局,1.00,1.00\n";

Test(checks_project, total_row_and_funding)
{
	gk_result *r = run(one("project_expenditure", PROJ));
	expect(r, NULL, "col:合计=Σprojects", "total", "111.00", "111.00", "ok");
	expect(r, NULL, "col:合计=Σprojects", "general_budget", "111.00", "111.00", "ok");
	expect(r, NULL, "row:total=Σfunding", "免费复印邮寄", "1.00", "1.00", "ok");
	expect(r, NULL, "row:total=Σfunding", "合计", "111.00", "111.00", "ok");
	all_ok(r);
	gk_result_drop(r);

	r = one("project_expenditure", PROJ);
	set(r, "project_expenditure", 4, "general_budget", "1.50");
	run(r);
	expect(r, NULL, "row:total=Σfunding", "免费复印邮寄", "1.50", "1.00", "fail");
	expect(r, NULL, "col:合计=Σprojects", "general_budget", "111.50", "111.00", "fail");
	expect(r, NULL, "col:合计=Σprojects", "total", "111.00", "111.00", "ok");
	gk_result_drop(r);
}

static const char *PROJ2 = PROJ_H "\n"
	",合计,,,30.0,30.0\n"
	",,001,单位甲,10.0,10.0\n"
	"特定目标类,项目A,,单位甲,10.0,10.0\n"
	",,002,单位乙,20.0,20.0\n"
	"特定目标类,项目B,,单位乙,15.0,15.0\n"
	"其他运转类,项目C,,单位乙,5.0,5.0\n"
	"特定目标类,,,,25.0,25.0\n";

Test(checks_project, units_and_type_subtotals)
{
	gk_result *r = run(one("project_expenditure", PROJ2));
	expect(r, NULL, "col:合计=Σprojects", "total", "30.0", "30.0", "ok");
	expect(r, NULL, "col:单位=Σprojects", "单位乙:total", "20.0", "20.0", "ok");
	expect(r, NULL, "col:类型=Σprojects", "特定目标类:total", "25.0", "25.0", "ok");
	all_ok(r);
	gk_result_drop(r);

	r = one("project_expenditure", PROJ2);
	set(r, "project_expenditure", 6, "total", "25.1");
	set(r, "project_expenditure", 3, "total", "19.0");
	run(r);
	expect(r, NULL, "col:类型=Σprojects", "特定目标类:total", "25.0", "25.1", "round");
	expect(r, NULL, "col:单位=Σprojects", "单位乙:total", "20.0", "19.0", "fail");
	gk_result_drop(r);
}

Test(checks_project, typed_row_without_name_is_a_project)
{
	static const char *csv = PROJ_H "\n"
		",合计,,,30.0,30.0\n"
		"特定目标类,项目A,,单位甲,10.0,10.0\n"
		"其他运转类,,,单位甲,20.0,20.0\n";
	gk_result *r = run(one("project_expenditure", csv));
	expect(r, NULL, "col:合计=Σprojects", "total", "30.0", "30.0", "ok");
	absent(r, "col:类型=Σprojects", "其他运转类:total");
	gk_result_drop(r);
}

/* ---- cross-table checks ------------------------------------------------- */

/* a guancheng-2023-shaped document, 合计 rows only */
static gk_result *cross_doc(void)
{
	gk_result *r = gk_result_new();
	tab(r, "revenue_expenditure_summary", RES_H "\n"
	    "收入,一、一般公共预算,845.70\n"
	    "收入,本年收入合计,845.70\n"
	    "收入,收入总计,845.70\n"
	    "支出,一、一般公共服务,845.70\n"
	    "支出,本年支出合计,845.70\n"
	    "支出,支出总计,845.70\n");
	tab(r, "expenditure_by_function", FUNC_H "\n"
	    ",,,,,合计,845.70,345.70,327.24,,18.45,,500.00,284.36,215.64\n");
	tab(r, "general_budget_expenditure", FUNC_H "\n"
	    ",,,,,合计,845.70,345.70,327.24,,18.45,,500.00,284.36,215.64\n");
	tab(r, "general_budget_basic_expenditure", BASIC_H "\n,合计,,,345.70,324.57,21.13\n");
	tab(r, "fiscal_appropriation_summary", FIS_H "\n"
	    "收入,收入合计,845.70\n"
	    "支出,支出合计,845.70,845.70,845.70,,\n");
	tab(r, "revenue_by_unit", RBU_H "\n,合计,845.70,845.70,845.70,845.70\n");
	tab(r, "expenditure_by_economic_class", ECON_H "\n"
	    ",合计,,,,845.70,845.70,845.70\n"
	    "30217,公务接待费,50206,公务接待费,,0.5,0.5,0.5\n"
	    "30231,公务用车运行维护费,50208,公务用车运行维护费,,1.0,1.0,1.0\n");
	tab(r, "project_expenditure", PROJ_H "\n,合计,,,500.00,500.00\n");
	tab(r, "three_public_expenses", THREE_H "\n合计,1.5,,1.0,,1.0,0.5\n");
	return r;
}

Test(checks_cross, consistent_document)
{
	gk_result *r = run(cross_doc());
	expect(r, "expenditure_by_function", "cross:summary支出总计=expenditure_by_function合计",
	       "合计:total", "845.70", "845.70", "ok");
	expect(r, "fiscal_appropriation_summary", "cross:summary支出总计=fiscal支出合计", "支出合计",
	       "845.70", "845.70", "ok");
	expect(r, "revenue_by_unit", "cross:summary收入总计=revenue_by_unit合计", "合计:total", "845.70",
	       "845.70", "ok");
	expect(r, "expenditure_by_economic_class",
	       "cross:expenditure_by_function合计=expenditure_by_economic_class合计", "合计:total",
	       "845.70", "845.70", "ok");
	expect(r, "general_budget_basic_expenditure",
	       "cross:general_budget_expenditure基本支出=general_budget_basic_expenditure合计",
	       "合计:total", "345.70", "345.70", "ok");
	expect(r, "project_expenditure", "cross:expenditure_by_function项目支出=project_expenditure合计",
	       "合计:total", "500.00", "500.00", "ok");
	expect(r, "general_budget_expenditure", "cross:fiscal一般公共预算=general_budget_expenditure合计",
	       "合计:total", "845.70", "845.70", "ok");
	expect(r, "three_public_expenses", "cross:三公公务用车运行维护费=30231", "合计:vehicle_operation",
	       "1.0", "1.0", "ok");
	expect(r, "three_public_expenses", "cross:三公公务接待费=30217", "合计:reception", "0.5", "0.5",
	       "ok");
	gk_result_drop(r);
}

Test(checks_cross, guancheng_personnel_mismatch)
{
	gk_result *r = run(cross_doc());
	/* 支出表 wages 327.24 + family 0 against 基本支出表 324.57 */
	expect(r, "general_budget_basic_expenditure", "cross:人员经费", "合计:personnel", "327.24",
	       "324.57", "fail");
	expect(r, "general_budget_basic_expenditure", "cross:公用经费", "合计:public", "18.45", "21.13",
	       "fail");
	gk_result_drop(r);

	r = cross_doc();
	set(r, "general_budget_basic_expenditure", 0, "personnel", "327.24");
	set(r, "general_budget_basic_expenditure", 0, "public", "18.46");
	run(r);
	expect(r, NULL, "cross:人员经费", "合计:personnel", "327.24", "327.24", "ok");
	expect(r, NULL, "cross:公用经费", "合计:public", "18.45", "18.46", "round");
	gk_result_drop(r);
}

Test(checks_cross, mismatches)
{
	gk_result *r = cross_doc();
	set(r, "expenditure_by_function", 0, "total", "845.00");
	set(r, "fiscal_appropriation_summary", 1, "total", "845.60");
	set(r, "revenue_by_unit", 0, "total", "845.71");
	set(r, "expenditure_by_economic_class", 0, "total", "800.00");
	set(r, "general_budget_basic_expenditure", 0, "total", "345.00");
	set(r, "project_expenditure", 0, "total", "499.00");
	set(r, "general_budget_expenditure", 0, "total", "840.00");
	set(r, "three_public_expenses", 0, "vehicle_operation", "1.4");
	set(r, "three_public_expenses", 0, "reception", "0.4");
	run(r);
	expect(r, NULL, "cross:summary支出总计=expenditure_by_function合计", "合计:total", "845.70",
	       "845.00", "fail");
	expect(r, NULL, "cross:summary支出总计=fiscal支出合计", "支出合计", "845.70", "845.60", "fail");
	expect(r, NULL, "cross:summary收入总计=revenue_by_unit合计", "合计:total", "845.70", "845.71",
	       "round");
	expect(r, NULL, "cross:expenditure_by_function合计=expenditure_by_economic_class合计",
	       "合计:total", "845.00", "800.00", "fail");
	expect(r, NULL, "cross:general_budget_expenditure基本支出=general_budget_basic_expenditure合计",
	       "合计:total", "345.70", "345.00", "fail");
	expect(r, NULL, "cross:expenditure_by_function项目支出=project_expenditure合计", "合计:total",
	       "500.00", "499.00", "fail");
	expect(r, NULL, "cross:fiscal一般公共预算=general_budget_expenditure合计", "合计:total", "845.70",
	       "840.00", "fail");
	/* all money appropriated: the economic classification must match 三公 exactly */
	expect(r, NULL, "cross:三公公务用车运行维护费=30231", "合计:vehicle_operation", "1.0", "1.4", "fail");
	expect(r, NULL, "cross:三公公务接待费=30217", "合计:reception", "0.5", "0.4", "round");
	gk_result_drop(r);
}

Test(checks_cross, fiscal_only_when_all_money_is_appropriated)
{
	gk_result *r = cross_doc();
	gk_table *t = gk_result_find(r, "revenue_expenditure_summary");
	gk_table_add_row(t);
	gk_table_set(t, t->nrow - 1, 0, "收入");
	gk_table_set(t, t->nrow - 1, 1, "五、事业收入");
	gk_table_set(t, t->nrow - 1, 2, "100.00");
	run(r);
	expect(r, NULL, "cross:summary支出总计=fiscal支出合计", "支出合计", "845.70", "845.70", "skip");
	gk_result_drop(r);
}

Test(checks_cross, missing_table_is_skip)
{
	gk_result *r = gk_result_new();
	tab(r, "revenue_expenditure_summary", RES);
	tab(r, "expenditure_by_function", FUNC_H "\n"); /* header only */
	run(r);
	expect(r, "expenditure_by_function", "cross:summary支出总计=expenditure_by_function合计",
	       "合计:total", "1265.6", "", "skip");
	gk_result_drop(r);
}

Test(checks_cross, three_public_against_basic_table)
{
	/* xinxiang-2022: 三公 vehicle 2.30, basic-expenditure 30231 1.30: the rest
	 * may be project spending, so not a failure */
	static const char *gbb = BASIC_H "\n"
		",合计,,,1.30,,1.30\n"
		"30231,公务用车运行维护费,50208,公务用车运行维护费,1.30,,1.30\n";
	gk_result *r = gk_result_new();
	tab(r, "general_budget_basic_expenditure", gbb);
	tab(r, "three_public_expenses", THREE_H "\n合计,3.30,,2.30,,2.30,1.00\n");
	run(r);
	expect(r, "three_public_expenses", "cross:三公公务用车运行维护费=30231", "合计:vehicle_operation",
	       "1.30", "2.30", "skip");
	absent(r, "cross:三公公务接待费=30217", "合计:reception"); /* no 30217 row */
	gk_result_drop(r);

	r = gk_result_new();
	tab(r, "general_budget_basic_expenditure", gbb);
	tab(r, "three_public_expenses", THREE_H "\n合计,2.00,,1.00,,1.00,1.00\n");
	run(r);
	expect(r, NULL, "cross:三公公务用车运行维护费=30231", "合计:vehicle_operation", "1.30", "1.00",
	       "fail");
	gk_result_drop(r);

	r = gk_result_new();
	tab(r, "general_budget_basic_expenditure", gbb);
	tab(r, "three_public_expenses", THREE_H "\n合计,2.30,,1.30,,1.30,1.00\n");
	run(r);
	expect(r, NULL, "cross:三公公务用车运行维护费=30231", "合计:vehicle_operation", "1.30", "1.30", "ok");
	gk_result_drop(r);
}

/* ---- narrative ---------------------------------------------------------- */

static void line(gk_doc *d, const char *const *cells)
{
	gk_line *l = gk_doc_add_line(d, 1, d->nline, d->nline + 1, 0, GK_GEOM_TAB);
	for (int i = 0; cells[i]; i++)
		gk_line_add_cell(l, i, i, cells[i], strlen(cells[i]));
}

#define LINE(d, ...) line(d, (const char *const[]){__VA_ARGS__, NULL})

/* guancheng-2023's narrative, split over lines as printed, then a table */
static gk_doc *guancheng_doc(void)
{
	gk_doc *d = gk_doc_new();
	LINE(d, "管城回族区政务服务和大数据管理局 2023 年收入总计");
	LINE(d, "845.7万元，支出总计 845.7万元，与 2022年预算相比，收入");
	LINE(d, "增加 466.21万元，增长 122.85%。主要原因：预算项目增加；");
	LINE(d, "管城回族区政务服务和大数据管理局 2023 年支出合计");
	LINE(d, "845.7万元，其中：基本支出 345.7万元，占 40.88%；项目支");
	LINE(d, "出 500万元，占 59.12%。");
	LINE(d, "六、一般公共预算基本支出情况说明");
	LINE(d, "算基本支出年初预算为 345.7万元。其中：人员经费支出 327.25");
	LINE(d, "万元，占 94.66%；公用经费支出 18.45万元，占 5.34%。");
	LINE(d, "管城回族区政务服务和大数据管理局 2023年“三公”经费");
	LINE(d, "支出预算与 2022年预算持平。");
	LINE(d, "（一）因公出国（境）费0万元，主要用于单位工作人员");
	LINE(d, "部门名称： 郑州市管城回族区政务服务和大数据管理局 单位：万元");
	LINE(d, "本年收入合计", "845.70", "本年支出合计", "845.70");
	LINE(d, "项目支出", "500.00");
	return d;
}

Test(checks_narrative, text_joins_lines_and_drops_tables)
{
	gk_doc *d = guancheng_doc();
	char *s = gk_chk_narrative_text(d);
	cr_assert(strstr(s, "人员经费支出327.25万元"), "%s", s);
	cr_assert(strstr(s, "项目支出500万元"), "%s", s);
	cr_assert_null(strstr(s, "本年收入合计845.70"), "%s", s);
	cr_assert_null(strstr(s, "单位：万元"), "%s", s);
	free(s);
	gk_doc_drop(d);
}

static void fig(const char *text, const char *key, const char *need, const char *want, int wdec)
{
	long long v;
	int dec;
	int ok = gk_chk_narrative_figure(text, key, need, &v, &dec);
	if (!want) {
		cr_assert_eq(ok, 0, "'%s' found in '%s'", key, text);
		return;
	}
	cr_assert_eq(ok, 1, "'%s' not found in '%s'", key, text);
	char s[64];
	gk_chk_format(v, dec, s, sizeof s);
	cr_assert_str_eq(s, want, "'%s' in '%s'", key, text);
	cr_assert_eq(dec, wdec, "'%s' in '%s': %d decimals", key, text, dec);
}

Test(checks_narrative, figures)
{
	fig("2024 年收入总计 1265.6 万元，支出总计 1265.6 万元", "支出总计", NULL, "1265.6", 1);
	fig("其中：基本支出 372 万元，占 29.6%", "基本支出", NULL, "372", 0);
	fig("2024 年“三公”经费支出预算为 5 万元。", "三公", "经费", "5", 0);
	fig("我局 2022 年“三公”经费预算为 3.3 万元。", "三公", "经费", "3.3", 1);
	fig("（二）公务接待费0.5万元，主要用于", "公务接待费", NULL, "0.5", 1);
	fig("（一）因公出国（境）费 0 万元", "因公出国", NULL, "0", 0);
	fig("收入总计 12,656,000 元", "收入总计", NULL, "1265.6000", 4);
	/* stop words, years, other units */
	fig("“三公”经费支出预算与 2022年预算持平", "三公", "经费", NULL, 0);
	fig("收入总计比上年增加 50 万元", "收入总计", NULL, NULL, 0);
	fig("收入总计较2023年减少 50 万元", "收入总计", NULL, NULL, 0);
	fig("支出总计 2023 年", "支出总计", NULL, NULL, 0);
	fig("基本支出情况说明登封市政务服务和大数据管理局 2024 年", "基本支出", NULL, NULL, 0);
	fig("基本支出，项目支出 10 万元", "基本支出", NULL, NULL, 0);
	/* the first stated figure wins, later ones are skipped */
	fig("人员经费支出预算与上年持平。人员经费 12.5万元", "人员经费", NULL, "12.5", 1);
	long long v;
	int dec;
	cr_assert(gk_chk_narrative_figure("收入总计 1.2 亿元", "收入总计", NULL, &v, &dec));
	cr_assert_eq(v, 12000000000LL);
	cr_assert_eq(dec, -3);
}

static gk_result *guancheng_tables(void)
{
	gk_result *r = cross_doc();
	return r;
}

Test(checks_narrative, guancheng_stated_figures)
{
	gk_doc *d = guancheng_doc();
	gk_result *r = guancheng_tables();
	gk_checks_run(r, d);
	expect(r, "revenue_expenditure_summary", "narrative:收入总计", "收入总计", "845.7", "845.70", "ok");
	expect(r, "revenue_expenditure_summary", "narrative:支出总计", "支出总计", "845.7", "845.70", "ok");
	expect(r, "expenditure_by_function", "narrative:基本支出", "合计:basic_total", "345.7", "345.70",
	       "ok");
	expect(r, "expenditure_by_function", "narrative:项目支出", "合计:project_total", "500", "500.00",
	       "ok");
	/* 327.25 stated, 324.57 in 基本支出表, 327.24 in 支出表 */
	expect(r, "general_budget_basic_expenditure", "narrative:人员经费", "合计:personnel", "327.25",
	       "324.57", "fail");
	expect(r, "general_budget_expenditure", "narrative:人员经费",
	       "合计:basic_wages+basic_family_subsidy", "327.25", "327.24", "round");
	expect(r, "general_budget_basic_expenditure", "narrative:公用经费", "合计:public", "18.45",
	       "21.13", "fail");
	expect(r, "general_budget_expenditure", "narrative:公用经费",
	       "合计:basic_goods_services+basic_capital", "18.45", "18.45", "ok");
	/* 三公 not stated as a total; 因公出国 0 against a blank cell: trivial */
	absent(r, "narrative:三公经费", "合计:total");
	absent(r, "narrative:因公出国（境）费", "合计:overseas_travel");
	gk_result_drop(r);
	gk_doc_drop(d);
}

Test(checks_narrative, three_public_figures)
{
	gk_doc *d = gk_doc_new();
	LINE(d, "登封市政务服务和大数据管理局 2024 年“三公”经费支出预算为 5 万元。");
	LINE(d, "**（三）公务用车购置及运行费5万元**，其中，公务用车购置费0万元；公务用车运行维护费5万元，主要用于");
	gk_result *r = one("three_public_expenses", THREE_H "\n合计,5.0,,5.0,,5.0,\n");
	gk_checks_run(r, d);
	expect(r, NULL, "narrative:三公经费", "合计:total", "5", "5.0", "ok");
	expect(r, NULL, "narrative:公务用车购置及运行费", "合计:vehicle_total", "5", "5.0", "ok");
	expect(r, NULL, "narrative:公务用车运行维护费", "合计:vehicle_operation", "5", "5.0", "ok");
	absent(r, "narrative:公务用车购置费", "合计:vehicle_purchase");
	gk_result_drop(r);

	r = one("three_public_expenses", THREE_H "\n合计,4.0,,4.0,,4.0,\n");
	gk_checks_run(r, d);
	expect(r, NULL, "narrative:三公经费", "合计:total", "5", "4.0", "round");
	gk_result_drop(r);

	r = one("three_public_expenses", THREE_H "\n合计,3.0,,3.0,,3.0,\n");
	gk_checks_run(r, d);
	expect(r, NULL, "narrative:公务用车运行维护费", "合计:vehicle_operation", "5", "3.0", "fail");
	gk_result_drop(r);

	/* no table: a stated non-zero figure cannot be verified */
	r = gk_result_new();
	gk_checks_run(r, d);
	expect(r, "three_public_expenses", "narrative:三公经费", "合计:total", "5", "", "skip");
	gk_result_drop(r);
	gk_doc_drop(d);
}

Test(checks_narrative, no_doc_no_tables)
{
	gk_result *r = gk_result_new();
	gk_checks_run(r, NULL);
	cr_assert_eq(r->ncheck, 0);
	gk_doc *d = gk_doc_new();
	gk_checks_run(r, d);
	cr_assert_eq(r->ncheck, 0);
	gk_doc_drop(d);
	gk_result_drop(r);
}

/* ---- tables read by two classifications, basic-only tables, misfiling -- */

/* An all-funds economic table by 部门 and 政府 classification prints 301
 * once per 501 and 505: each 30101 belongs to the 301 above it, so 合计 is
 * the Σ of the 款 rows, not of the second 301 as well (烟台 基本支出预算情况表). */
Test(checks_econ, pairs_children_belong_to_the_nearest_class_above)
{
	static const char *csv = ECON_H "\n"
		",合计,,,,3.00\n"
		"301,工资福利支出,501,机关工资福利支出,,1.00\n"
		"30101,基本工资,50101,工资奖金津补贴,,1.00\n"
		"301,工资福利支出,505,对事业单位经常性补助,,2.00\n"
		"30101,基本工资,50501,工资福利支出,,1.50\n"
		"30102,津贴补贴,50501,工资福利支出,,0.50\n";
	gk_result *r = run(one("expenditure_by_economic_class", csv));
	expect(r, NULL, "col:合计=Σleaves", "total", "3.00", "3.00", "ok");
	gk_result_drop(r);
}

/* units and their classes without codes sum to twice the 合计: a reading
 * that counts rows twice, not a printing error (广州 部门预算基本支出预算表) */
Test(checks_econ, rows_summing_to_twice_the_total_are_unsure)
{
	static const char *csv = ECON_H "\n"
		",合计,,,,300.02\n"
		",单位甲,,,,200.01\n"
		",工资福利支出,,,,150.00\n"
		",商品和服务支出,,,,50.01\n"
		",单位乙,,,,100.01\n"
		",工资福利支出,,,,100.01\n";
	gk_result *r = run(one("expenditure_by_economic_class", csv));
	expect(r, NULL, "col:合计=Σleaves", "total", "600.04", "300.02", "unsure");
	gk_result_drop(r);
}

/* a 基本支出 table by economic class holds the basic part only: the 三公
 * table's 公务接待费 (all spending) may exceed its 30217 (烟台人社) */
Test(checks_cross, three_against_a_basic_only_economic_table)
{
	static const char *csv = ECON_H "\n"
		",合计,,,,10.80\n"
		"302,商品和服务支出,502,机关商品和服务支出,,10.80\n"
		"30217,公务接待费,50206,公务接待费,,10.80\n";
	gk_result *r = one("expenditure_by_economic_class", csv);
	gk_table *t = gk_result_find(r, "expenditure_by_economic_class");
	free(t->title);
	t->title = gk_strdup("基本支出预算情况表");
	tab(r, "three_public_expenses", THREE_H "\n合计,11.60,,0.00,,0.00,11.60\n");
	run(r);
	const gk_check *c = find(r, NULL, "cross:三公公务接待费=30217", "合计:reception");
	cr_assert(c);
	cr_assert_str_neq(c->status, "fail");
	gk_result_drop(r);
}

/* projects that add up to the 合计 but not to their units: one filed under
 * the wrong unit (two units off by the same amount), not a misprint */
Test(checks_project, misfiled_project_is_unsure)
{
	static const char *csv = PROJ_H "\n"
		",合计,,,30.0,30.0\n"
		",,001,单位甲,10.0,10.0\n"
		"特定目标类,项目A,,单位甲,10.0,10.0\n"
		"其他运转类,项目C,,单位甲,5.0,5.0\n"
		",,002,单位乙,20.0,20.0\n"
		"特定目标类,项目B,,单位乙,15.0,15.0\n";
	gk_result *r = run(one("project_expenditure", csv));
	expect(r, NULL, "col:合计=Σprojects", "total", "30.0", "30.0", "ok");
	expect(r, NULL, "col:单位=Σprojects", "单位甲:total", "15.0", "10.0", "unsure");
	expect(r, NULL, "col:单位=Σprojects", "单位乙:total", "15.0", "20.0", "unsure");
	gk_result_drop(r);
}
