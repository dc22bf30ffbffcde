/*
 * check_narrative.c - the figures the document's text states (收入总计,
 * 支出总计, 基本支出, 项目支出, 人员经费, 公用经费, 三公经费 and its parts)
 * against the tables, compared at the coarser of the two precisions.
 *
 * Entry points: narrative_checks; gk_chk_narrative_text and
 * gk_chk_narrative_figure (checks.h, for the unit tests).
 */
#include "chk.h"

#include <stdlib.h>
#include <string.h>

static int is_unit_label(const char *s)
{
	static const char *const units[] = {"万元", "亿元", "千元", "元", NULL};
	for (const char *p = strstr(s, "单位"); p; p = strstr(p + 1, "单位")) {
		const char *q = p + strlen("单位");
		for (;;) {
			if (*q == ' ' || *q == ':')
				q++;
			else if (starts_with(q, "："))
				q += strlen("：");
			else if (starts_with(q, "\xe3\x80\x80")) /* U+3000 */
				q += 3;
			else
				break;
		}
		for (int k = 0; units[k]; k++)
			if (starts_with(q, units[k]))
				return 1;
	}
	return 0;
}

char *gk_chk_narrative_text(const gk_doc *doc)
{
	gk_buf b = {0};
	gk_buf_adds(&b, "");
	for (int i = 0; doc && i < doc->nline; i++) {
		const gk_line *l = &doc->line[i];
		gk_buf line = {0};
		int nnum = 0;
		for (int j = 0; j < l->ncell; j++) {
			long long v;
			int dec;
			if (gk_chk_parse(l->cell[j].text, &v, &dec) == 1)
				nnum++;
			for (const char *p = l->cell[j].text; *p; p++)
				if (*p != '*')
					gk_buf_addc(&line, *p);
		}
		const char *s = line.s ? line.s : "";
		if ((nnum >= 2 && !strstr(s, "元")) || is_unit_label(s)) {
			if (b.len && b.s[b.len - 1] != '\n')
				gk_buf_addc(&b, '\n');
		} else if (*s) {
			if (b.len && is_digit(b.s[b.len - 1]) && is_digit(s[0]))
				gk_buf_addc(&b, ' ');
			gk_buf_adds(&b, s);
		}
		gk_buf_drop(&line);
	}
	return gk_buf_take(&b);
}

static int is_stop(const char *p)
{
	static const char *const stop[] = {
		"，", "。", "；", "、", "！", "？", ",", ";", "%", "％", "\n", "增", "减", "比", "较",
		"占", "降", "与", "同", "上", NULL};
	for (int k = 0; stop[k]; k++)
		if (starts_with(p, stop[k]))
			return 1;
	return 0;
}

/* a figure at p: digits, thousands commas, one point, then the unit */
static int figure_at(const char *p, long long *v, int *dec)
{
	char num[64];
	size_t k = 0;
	int point = 0;
	while (k + 1 < sizeof num) {
		if (is_digit(*p)) {
			num[k++] = *p++;
		} else if (*p == ',' && !point && k && is_digit(p[1]) && is_digit(p[2]) && is_digit(p[3]) &&
		           !is_digit(p[4])) {
			p++;
		} else if (*p == '.' && !point && is_digit(p[1])) {
			num[k++] = *p++;
			point = 1;
		} else {
			break;
		}
	}
	num[k] = 0;
	if (!k || gk_chk_parse(num, v, dec) != 1)
		return 0;
	while (*p == ' ' || starts_with(p, "\xe3\x80\x80"))
		p += *p == ' ' ? 1 : 3;
	if (starts_with(p, "万元"))
		return 1;
	if (starts_with(p, "亿元")) {
		if (__builtin_mul_overflow(*v, 10000LL, v))
			return 0;
		*dec -= 4;
		return 1;
	}
	if (starts_with(p, "元")) {
		long long q = 10000, a = *v < 0 ? -*v : *v;
		a = (a + q / 2) / q;
		*v = *v < 0 ? -a : a;
		*dec += 4;
		if (*dec > GK_CHK_SCALE)
			*dec = GK_CHK_SCALE;
		return 1;
	}
	return 0;
}

int gk_chk_narrative_figure(const char *text, const char *keyword, const char *need, long long *v,
                            int *dec)
{
	size_t kl = strlen(keyword);
	for (const char *k = strstr(text, keyword); k; k = strstr(k + 1, keyword)) {
		const char *p = k + kl, *fill = p;
		int ncp = 0, stopped = 0;
		while (*p && !is_digit(*p) && ncp <= 12) {
			if (is_stop(p)) {
				stopped = 1;
				break;
			}
			do /* to the next lead byte, never past the NUL */
				p++;
			while ((*p & 0xC0) == 0x80);
			ncp++;
		}
		if (stopped || !is_digit(*p) || ncp > 12)
			continue;
		if (need) {
			char *f = gk_strndup(fill, (size_t)(p - fill));
			int has = strstr(f, need) != NULL;
			free(f);
			if (!has)
				continue;
		}
		if (figure_at(p, v, dec))
			return 1;
	}
	return 0;
}

static void narrative_compare(gk_result *r, const char *check, long long nv, int ndec,
                              const gk_table *t, int row, const char *rowlab,
                              const char *const *cols, const char *tid)
{
	char ns[64], ts[64];
	gk_chk_format(nv, ndec, ns, sizeof ns);
	if (!t || row < 0) {
		if (nv)
			gk_result_add_check(r, tid, check, rowlab, ns, "", "skip");
		return;
	}
	acc a = {0};
	int func = gk_table_col(t, "basic_total") >= 0;
	for (const char *const *c = cols; *c; c++) {
		if (func)
			func_val(&a, t, row, *c);
		else
			acc_add(&a, cell(t, row, *c));
	}
	if (!nv && !a.nonzero && !a.bad)
		return;
	acc_str(&a, ts, sizeof ts);
	const char *st = a.bad ? "skip" : gk_chk_status_narrative(nv, ndec, a.v, a.dec);
	gk_result_add_check(r, tid, check, rowlab, ns, ts, st);
}

void narrative_checks(gk_result *r, const gk_doc *doc)
{
	char *text = gk_chk_narrative_text(doc);
	const gk_table *res = present(r, "revenue_expenditure_summary");
	const gk_table *ebf = present(r, "expenditure_by_function");
	const gk_table *gbe = present(r, "general_budget_expenditure");
	const gk_table *gbb = present(r, "general_budget_basic_expenditure");
	const gk_table *thr = present(r, "three_public_expenses");
	const gk_table *fun = ebf ? ebf : gbe;
	const char *fun_id = ebf ? "expenditure_by_function" : "general_budget_expenditure";
	int fun_t = fun ? find_total(fun, "name") : -1, gbe_t = gbe ? find_total(gbe, "name") : -1;
	int gbb_t = gbb ? find_total(gbb, "econ_name") : -1;
	int thr_t = thr ? find_total(thr, "unit_name") : -1;
	if (thr && thr_t < 0 && thr->nrow == 1)
		thr_t = 0;
	static const char *const c_amount[] = {"amount", NULL};
	static const char *const c_basic[] = {"basic_total", NULL};
	static const char *const c_project[] = {"project_total", NULL};
	static const char *const c_pers[] = {"personnel", NULL};
	static const char *const c_pub[] = {"public", NULL};
	static const char *const c_fpers[] = {"basic_wages", "basic_family_subsidy", NULL};
	static const char *const c_fpers2[] = {"basic_personnel", NULL};
	static const char *const c_fpub[] = {"basic_goods_services", "basic_capital", NULL};
	static const char *const c_fpub2[] = {"basic_public", NULL};
	static const char *const c_total[] = {"total", NULL};
	static const char *const c_travel[] = {"overseas_travel", NULL};
	static const char *const c_recep[] = {"reception", NULL};
	static const char *const c_vtot[] = {"vehicle_total", NULL};
	static const char *const c_vpur[] = {"vehicle_purchase", NULL};
	static const char *const c_vop[] = {"vehicle_operation", NULL};
	long long v;
	int dec;

	if (gk_chk_narrative_figure(text, "收入总计", NULL, &v, &dec)) {
		int row = res ? side_total(res, "收入") : -1;
		char lab[600] = "收入总计";
		if (row >= 0)
			item_label(res, row, "amount", "amount", lab, sizeof lab);
		narrative_compare(r, "narrative:收入总计", v, dec, res, row, lab, c_amount,
		                  "revenue_expenditure_summary");
	}
	if (gk_chk_narrative_figure(text, "支出总计", NULL, &v, &dec)) {
		int row = res ? side_total(res, "支出") : -1;
		char lab[600] = "支出总计";
		if (row >= 0)
			item_label(res, row, "amount", "amount", lab, sizeof lab);
		narrative_compare(r, "narrative:支出总计", v, dec, res, row, lab, c_amount,
		                  "revenue_expenditure_summary");
	}
	if (gk_chk_narrative_figure(text, "基本支出", NULL, &v, &dec))
		narrative_compare(r, "narrative:基本支出", v, dec, fun, fun_t, "合计:basic_total", c_basic,
		                  fun_id);
	if (gk_chk_narrative_figure(text, "项目支出", NULL, &v, &dec))
		narrative_compare(r, "narrative:项目支出", v, dec, fun, fun_t, "合计:project_total",
		                  c_project, fun_id);
	if (gk_chk_narrative_figure(text, "人员经费", NULL, &v, &dec)) {
		narrative_compare(r, "narrative:人员经费", v, dec, gbb, gbb_t, "合计:personnel", c_pers,
		                  "general_budget_basic_expenditure");
		if (gbe && gbe_t >= 0) {
			int pp = printed(gbe, gbe_t, "basic_personnel");
			narrative_compare(r, "narrative:人员经费", v, dec, gbe, gbe_t,
			                  pp ? "合计:basic_personnel" : "合计:basic_wages+basic_family_subsidy",
			                  pp ? c_fpers2 : c_fpers, "general_budget_expenditure");
		}
	}
	if (gk_chk_narrative_figure(text, "公用经费", NULL, &v, &dec)) {
		narrative_compare(r, "narrative:公用经费", v, dec, gbb, gbb_t, "合计:public", c_pub,
		                  "general_budget_basic_expenditure");
		if (gbe && gbe_t >= 0) {
			int pp = printed(gbe, gbe_t, "basic_public");
			narrative_compare(r, "narrative:公用经费", v, dec, gbe, gbe_t,
			                  pp ? "合计:basic_public" : "合计:basic_goods_services+basic_capital",
			                  pp ? c_fpub2 : c_fpub, "general_budget_expenditure");
		}
	}
	static const struct {
		const char *key, *need, *check, *row;
		const char *const *cols;
	} three[] = {
		{"三公", "经费", "narrative:三公经费", "合计:total", c_total},
		{"因公出国", NULL, "narrative:因公出国（境）费", "合计:overseas_travel", c_travel},
		{"公务接待费", NULL, "narrative:公务接待费", "合计:reception", c_recep},
		{"公务用车购置及运行", NULL, "narrative:公务用车购置及运行费", "合计:vehicle_total", c_vtot},
		{"公务用车购置费", NULL, "narrative:公务用车购置费", "合计:vehicle_purchase", c_vpur},
		{"公务用车运行", NULL, "narrative:公务用车运行维护费", "合计:vehicle_operation", c_vop},
	};
	for (size_t k = 0; k < sizeof three / sizeof three[0]; k++) {
		if (!gk_chk_narrative_figure(text, three[k].key, three[k].need, &v, &dec))
			continue;
		if (thr && thr_t >= 0 && !strcmp(three[k].cols[0], "vehicle_total") &&
		    !printed(thr, thr_t, "vehicle_total")) {
			/* the table prints only the parts */
			narrative_compare(r, three[k].check, v, dec, thr, thr_t, "合计:vehicle_purchase+vehicle_operation",
			                  THREE_VEHICLE, "three_public_expenses");
			continue;
		}
		narrative_compare(r, three[k].check, v, dec, thr, thr_t, three[k].row, three[k].cols,
		                  "three_public_expenses");
	}
	free(text);
}
