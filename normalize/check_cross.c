/*
 * check_cross.c - the same figure across tables: the summaries against
 * the function tables and each other, the 基本支出表 against the
 * 一般公共预算支出表's basic columns (人员经费/公用经费), the 项目支出表
 * against the project columns, the fund tables against the fiscal
 * summary, and 三公 against the 30231/30217 rows.
 *
 * Entry point: cross_checks.
 */
#include "chk.h"

#include <string.h>

/* the value of (row, col) of a table into a; 0 if the table or row is
 * missing */
static int get_val(acc *a, const gk_table *t, int row, const char *col)
{
	if (!t || row < 0)
		return 0;
	acc_add(a, cell(t, row, col));
	return 1;
}

static int total_row_of(const gk_table *t, const char *label_col)
{
	if (!t)
		return -1;
	return find_total(t, label_col);
}

/* every non-zero income line of the summary is an appropriation; -1 if
 * the summary is missing */
static int all_appropriated(const gk_table *res)
{
	static const char *const ok[] = {"一般公共预算", "政府性基金", "国有资本经营", "财政拨款", NULL};
	if (!res)
		return -1;
	for (int i = 0; i < res->nrow; i++) {
		const char *item = cell(res, i, "item");
		if (!strstr(cell(res, i, "side"), "收入"))
			continue;
		int k = item_kind(item);
		if (k == K_TOTAL || k == K_QIZHONG)
			continue;
		long long v;
		int dec;
		if (gk_chk_parse(cell(res, i, "amount"), &v, &dec) <= 0 || !v)
			continue;
		int hit = 0;
		for (int j = 0; ok[j]; j++)
			hit |= strstr(item, ok[j]) != NULL;
		if (!hit)
			return 0;
	}
	return 1;
}

/* Σ of col over the rows of t whose econ_code is code; 0 if none */
static int econ_rows(acc *a, const gk_table *t, const char *code, const char *col)
{
	int m = 0;
	if (!t)
		return 0;
	for (int i = 0; i < t->nrow; i++) {
		char c[32];
		digits_of(cell(t, i, "econ_code"), c, sizeof c);
		if (!strcmp(c, code)) {
			acc_add(a, cell(t, i, col));
			m++;
		}
	}
	return m;
}

/* the first row of t whose econ_code is code */
static int econ_row(const gk_table *t, const char *code)
{
	for (int i = 0; t && i < t->nrow; i++) {
		char c[32];
		digits_of(cell(t, i, "econ_code"), c, sizeof c);
		if (!strcmp(c, code))
			return i;
	}
	return -1;
}

/* an all-funds table by economic class printed for the basic spending
 * alone (部门预算基本支出预算表, 基本支出预算情况表: rules/titles.rules
 * retitle) */
static int basic_only(const gk_table *t)
{
	return t && t->title && strstr(t->title, "基本支出") && !strstr(t->title, "项目支出");
}

static void three_vs_econ(gk_result *r, const gk_table *three, int trow, const gk_table *econ,
                          const gk_table *basic, int appropriated, const char *col,
                          const char *code, const char *check)
{
	acc e = {0}, f = {0};
	char lab[64];
	int rel; /* 0: equal, -1: three <= e, +1: three >= e */
	const gk_table *src;
	if (econ_rows(&e, econ, code, "total"))
		rel = basic_only(econ) ? +1 : appropriated == 1 ? 0 : -1, src = econ;
	else if (econ_rows(&e, basic, code, "total"))
		rel = +1, src = basic;
	else
		return;
	where w = {W_CROSS, three, trow, col, NULL, src, econ_row(src, code), "total", 0, NULL, NULL};
	acc_add(&f, cell(three, trow, col));
	snprintf(lab, sizeof lab, "合计:%s", col);
	if (rel && !e.bad && !f.bad && e.printed && f.printed &&
	    !strcmp(gk_chk_status(e.v, e.dec, f.v, f.dec), "fail") && (rel > 0 ? f.v > e.v : f.v < e.v)) {
		char es[64], fs[64];
		acc_str(&e, es, sizeof es);
		acc_str(&f, fs, sizeof fs);
		emit_finding(r, three->id, check, lab, es, fs, "skip", &w, 0);
		return;
	}
	emit_cmp(r, three->id, check, lab, &e, &f, &w);
}

/* a summary line's label without its ordinal and spaces: "八、社会保障和就业支出"
 * -> "社会保障和就业支出" */
static void bare_label(const char *s, char *out, size_t n)
{
	const char *p = strstr(s, "、");
	if (p && item_kind(s) == K_TOP)
		s = p + strlen("、");
	size_t k = 0;
	for (; *s && k + 1 < n; s++)
		if (*s != ' ')
			out[k++] = *s;
	out[k] = 0;
}

/* the 类 row (3-digit code) of a function table named name, -1 */
static int class_row(const gk_table *t, const char *name)
{
	for (int i = 0; t && i < t->nrow; i++) {
		char c[32], nm[400];
		digits_of(cell(t, i, "func_code"), c, sizeof c);
		if (!c[0] && printed(t, i, "class") && !printed(t, i, "item"))
			digits_of(cell(t, i, "class"), c, sizeof c);
		if (strlen(c) != 3)
			continue;
		bare_label(cell(t, i, "name"), nm, sizeof nm);
		if (!strcmp(nm, name))
			return i;
	}
	return -1;
}

/* the summary's expenditure lines that name a function class against
 * that class in the function table */
static void summary_classes(gk_result *r, const gk_table *sum, const char *scol,
                            const gk_table *fun, const char *check)
{
	if (!sum || !fun)
		return;
	for (int i = 0; i < sum->nrow; i++) {
		if (!strstr(cell(sum, i, "side"), "支出") || item_kind(cell(sum, i, "item")) != K_TOP ||
		    !printed(sum, i, scol))
			continue;
		char name[400], lab[600];
		bare_label(cell(sum, i, "item"), name, sizeof name);
		int k = class_row(fun, name);
		if (k < 0)
			continue;
		acc e = {0}, f = {0};
		func_val(&e, fun, k, "total");
		acc_add(&f, cell(sum, i, scol));
		item_label(sum, i, scol, "amount", lab, sizeof lab);
		where w = {W_CROSS, sum, i, scol, NULL, fun, k, "total", 0, NULL, NULL};
		emit_cmp(r, sum->id, check, lab, &e, &f, &w);
	}
}

/* Of two summary lines (this year's total, the grand total with the
 * carry-overs), the one the table's 合计 agrees with; a, when neither does
 * (which columns a table counts in is the reader's guess). */
static int closer(const gk_table *res, int a, int b, const gk_table *t, int trow)
{
	if (!res || !t || a < 0 || b < 0 || trow < 0)
		return a;
	long long x, y, z;
	int dx, dy, dz;
	if (gk_chk_parse(cell(t, trow, "total"), &z, &dz) != 1 || gk_chk_parse(cell(res, a, "amount"), &x, &dx) != 1 ||
	    gk_chk_parse(cell(res, b, "amount"), &y, &dy) != 1)
		return a;
	if (!strcmp(gk_chk_status(x, dx, z, dz), "fail") && strcmp(gk_chk_status(y, dy, z, dz), "fail"))
		return b;
	return a;
}

/* the summary's 本年收入合计 / 本年支出合计 line (what this year's money is,
 * without the carry-overs), else its grand total */
static int current_total(const gk_table *t, const char *side)
{
	if (!t)
		return -1;
	for (int i = 0; i < t->nrow; i++)
		if (strstr(cell(t, i, "side"), side) && item_kind(cell(t, i, "item")) == K_TOTAL &&
		    strstr(cell(t, i, "item"), "本年"))
			return i;
	for (int i = 0; i < t->nrow; i++)
		if (strstr(cell(t, i, "side"), side) && item_kind(cell(t, i, "item")) == K_TOTAL &&
		    !strstr(cell(t, i, "item"), "总计"))
			return i;
	return side_total(t, side);
}

void cross_checks(gk_result *r)
{
	const gk_table *res = present(r, "revenue_expenditure_summary");
	const gk_table *fis = present(r, "fiscal_appropriation_summary");
	const gk_table *ebf = present(r, "expenditure_by_function");
	const gk_table *gbe = present(r, "general_budget_expenditure");
	const gk_table *gbb = present(r, "general_budget_basic_expenditure");
	const gk_table *eco = present(r, "expenditure_by_economic_class");
	const gk_table *rbu = present(r, "revenue_by_unit");
	const gk_table *thr = present(r, "three_public_expenses");
	const gk_table *prj = present(r, "project_expenditure");
	const gk_table *gfe = present(r, "government_fund_expenditure");
	const gk_table *sce = present(r, "state_capital_expenditure");
	int res_in = res ? side_total(res, "收入") : -1, res_out = res ? side_total(res, "支出") : -1;
	int res_cur = -1;
	for (int i = 0; res && i < res->nrow; i++)
		if (strstr(cell(res, i, "side"), "支出") && strstr(cell(res, i, "item"), "本年支出合计")) {
			res_cur = i;
			break;
		}
	int fis_out = fis ? side_total(fis, "支出") : -1;
	int ebf_t = total_row_of(ebf, "name"), gbe_t = total_row_of(gbe, "name");
	int gbb_t = total_row_of(gbb, "econ_name"), eco_t = total_row_of(eco, "econ_name");
	int rbu_t = total_row_of(rbu, "unit_name"), gfe_t = total_row_of(gfe, "name");
	int sce_t = total_row_of(sce, "name");
	int thr_t = total_row_of(thr, "unit_name");
	if (thr && thr_t < 0 && thr->nrow == 1)
		thr_t = 0;
	int prj_t = -1;
	for (int i = 0; prj && i < prj->nrow; i++)
		if (proj_kind(prj, i) == PR_TOTAL) {
			prj_t = i;
			break;
		}
	int approp = all_appropriated(res);

	/* summary 本年支出合计 = expenditure_by_function 合计 (or its 总计, when
	 * the function table adds 结转下年) */
	{
		acc e = {0}, f = {0};
		int er = closer(res, res_cur >= 0 ? res_cur : res_out, res_out, ebf, ebf_t);
		int eo = get_val(&e, res, er, "amount");
		int fo = get_val(&f, ebf, ebf_t, "total");
		where w = {W_CROSS, ebf, ebf_t, "total", NULL, res, er, "amount", 0, NULL, NULL};
		emit_cross(r, "expenditure_by_function", "cross:summary支出总计=expenditure_by_function合计",
		           "合计:total", eo, &e, fo, &f, &w);
	}
	/* summary 支出总计 = fiscal 支出合计 when all money is appropriated */
	if (res_out >= 0 && fis_out >= 0) {
		acc e = {0}, f = {0};
		char lab[600];
		get_val(&e, res, res_out, "amount");
		get_val(&f, fis, fis_out, "total");
		item_label(fis, fis_out, "total", "total", lab, sizeof lab);
		where w = {W_CROSS, fis, fis_out, "total", NULL, res, res_out, "amount", 0, NULL, NULL};
		if (approp == 1) {
			emit_cmp(r, fis->id, "cross:summary支出总计=fiscal支出合计", lab, &e, &f, &w);
		} else if (e.nonzero || f.nonzero) {
			char es[64], fs[64];
			acc_str(&e, es, sizeof es);
			acc_str(&f, fs, sizeof fs);
			emit_finding(r, fis->id, "cross:summary支出总计=fiscal支出合计", lab, es, fs, "skip", &w, 0);
		}
	}
	/* the revenue table's 合计 = the summary's 收入总计 when the revenue
	 * table has carry-over columns, else its 本年收入合计 (a 决算's 收入决算表
	 * shows this year's income only; the 总计 adds 年初结转和结余) */
	if (rbu) {
		static const char *const carry[] = {"carryover_total", "carryover_general_budget",
		                                    "carryover_government_fund", "carryover_state_capital",
		                                    "carryover_special_account", "carryover_unit_funds", NULL};
		int has_carry = 0;
		for (int i = 0; i < rbu->nrow; i++)
			has_carry |= any_printed(rbu, i, carry);
		int er = has_carry ? res_in : closer(res, current_total(res, "收入"), res_in, rbu, rbu_t);
		acc e = {0}, f = {0};
		int eo = get_val(&e, res, er, "amount");
		int fo = get_val(&f, rbu, rbu_t, "total");
		where w = {W_CROSS, rbu, rbu_t, "total", NULL, res, er, "amount", 0, NULL, NULL};
		emit_cross(r, "revenue_by_unit", "cross:summary收入总计=revenue_by_unit合计", "合计:total", eo,
		           &e, fo, &f, &w);
	}
	/* expenditure_by_function 合计 = expenditure_by_economic_class 合计;
	 * a table titled as the basic spending's (部门预算基本支出预算表) is
	 * the 基本支出 column's */
	if (eco) {
		int basic = basic_only(eco);
		const char *fc = basic ? "basic_total" : "total";
		acc e = {0}, f = {0};
		int eo = get_val(&e, ebf, ebf_t, fc);
		int fo = get_val(&f, eco, eco_t, "total");
		where w = {W_CROSS, eco, eco_t, "total", NULL, ebf, ebf_t, fc, 0, NULL, NULL};
		emit_cross(r, "expenditure_by_economic_class",
		           basic ? "cross:expenditure_by_function基本支出=expenditure_by_economic_class合计"
		                 : "cross:expenditure_by_function合计=expenditure_by_economic_class合计",
		           "合计:total", eo, &e, fo, &f, &w);
	}
	/* general_budget_expenditure 合计 basic = general_budget_basic_expenditure 合计 */
	if (gbe || gbb) {
		int eo = gbe && gbe_t >= 0, fo = gbb && gbb_t >= 0;
		acc e = {0}, f = {0};
		if (eo)
			func_val(&e, gbe, gbe_t, "basic_total");
		get_val(&f, gbb, gbb_t, "total");
		where w = {W_CROSS, gbb, gbb_t, "total", NULL, gbe, gbe_t, "basic_total", 0, NULL, NULL};
		emit_cross(r, "general_budget_basic_expenditure",
		           "cross:general_budget_expenditure基本支出=general_budget_basic_expenditure合计",
		           "合计:total", eo, &e, fo, &f, &w);
		static const char *const pers[] = {"basic_wages", "basic_family_subsidy", NULL};
		static const char *const pub[] = {"basic_goods_services", "basic_capital", NULL};
		acc e1 = {0}, f1 = {0}, e2 = {0}, f2 = {0};
		int pp = eo && printed(gbe, gbe_t, "basic_personnel"), pq = eo && printed(gbe, gbe_t, "basic_public");
		if (eo) {
			if (pp)
				acc_add(&e1, cell(gbe, gbe_t, "basic_personnel"));
			else
				add_cols(&e1, gbe, gbe_t, pers);
			if (pq)
				acc_add(&e2, cell(gbe, gbe_t, "basic_public"));
			else
				add_cols(&e2, gbe, gbe_t, pub);
		}
		get_val(&f1, gbb, gbb_t, "personnel");
		get_val(&f2, gbb, gbb_t, "public");
		where w1 = {W_CROSS, gbb, gbb_t, "personnel", pp ? NULL : "工资福利支出 + 对个人和家庭的补助", gbe, gbe_t,
		            pp ? "basic_personnel" : NULL, 0, NULL, NULL};
		where w2 = {W_CROSS, gbb, gbb_t, "public", pq ? NULL : "商品和服务支出 + 资本性支出", gbe, gbe_t,
		            pq ? "basic_public" : NULL, 0, NULL, NULL};
		emit_cross(r, "general_budget_basic_expenditure", "cross:人员经费", "合计:personnel", eo, &e1,
		           fo, &f1, &w1);
		emit_cross(r, "general_budget_basic_expenditure", "cross:公用经费", "合计:public", eo, &e2, fo,
		           &f2, &w2);
	}
	/* 三公 against the economic classification (only where those rows exist) */
	if (thr && thr_t >= 0) {
		three_vs_econ(r, thr, thr_t, eco, gbb, approp, "vehicle_operation", "30231",
		              "cross:三公公务用车运行维护费=30231");
		three_vs_econ(r, thr, thr_t, eco, gbb, approp, "reception", "30217",
		              "cross:三公公务接待费=30217");
	}
	/* expenditure_by_function 合计 project = project_expenditure 合计 */
	if (ebf || prj) {
		acc e = {0}, f = {0};
		int eo = ebf && ebf_t >= 0, fo = get_val(&f, prj, prj_t, "total");
		if (eo)
			func_val(&e, ebf, ebf_t, "project_total");
		where w = {W_CROSS, prj, prj_t, "total", NULL, ebf, ebf_t, "project_total", 0, NULL, NULL};
		emit_cross(r, "project_expenditure",
		           "cross:expenditure_by_function项目支出=project_expenditure合计", "合计:total", eo,
		           &e, fo, &f, &w);
	}
	/* the fiscal summary's 本年支出合计 by fund = the fund's expenditure
	 * table 合计 (its 总计 adds 年末结转和结余) */
	int fis_cur = current_total(fis, "支出");
	if (fis_cur >= 0) {
		static const struct {
			const char *col, *check, *tid;
		} fund[] = {
			{"general_budget", "cross:fiscal一般公共预算=general_budget_expenditure合计", "general_budget_expenditure"},
			{"government_fund", "cross:fiscal政府性基金=government_fund_expenditure合计", "government_fund_expenditure"},
			{"state_capital", "cross:fiscal国有资本经营=state_capital_expenditure合计", "state_capital_expenditure"},
		};
		const gk_table *ft[3] = {gbe, gfe, sce};
		int fr[3] = {gbe_t, gfe_t, sce_t};
		for (int k = 0; k < 3; k++) {
			acc e = {0}, f = {0};
			get_val(&e, fis, fis_cur, fund[k].col);
			int fo = get_val(&f, ft[k], fr[k], "total");
			where w = {W_CROSS, ft[k], fr[k], "total", NULL, fis, fis_cur, fund[k].col, 0, NULL, NULL};
			emit_cross(r, fund[k].tid, fund[k].check, "合计:total", 1, &e, fo, &f, &w);
		}
	}
	/* the summaries' lines by function class = the function tables' 类 rows */
	summary_classes(r, res, "amount", ebf, "cross:summary类=expenditure_by_function类");
	summary_classes(r, fis, "general_budget", gbe, "cross:fiscal类=general_budget_expenditure类");
}
