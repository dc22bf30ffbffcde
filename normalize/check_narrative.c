/*
 * check_narrative.c - the figures the document's text states against the
 * tables, compared at the coarser of the two precisions: 收入支出总计 and
 * 财政拨款收入支出总计 (the two summaries' 总计, which include the
 * carry-overs), 本年收入合计 / 本年支出合计, 基本支出, 项目支出, the
 * 一般公共预算财政拨款 支出 and 基本支出, 人员经费, 公用经费, 三公经费 and its
 * parts (in a 决算 the 年初预算 against the table's 预算数 column), and
 * 机关运行经费 where the 三公 table prints it.
 *
 * A figure whose table column is not printed is `skip`; a figure the
 * narrative states while its table prints nothing at all is `fail` (the
 * emptied table still quoted); a stated 财政拨款 总计 smaller than the
 * 一般公共预算 spending it includes is `fail` whatever the fiscal
 * summary's reading.
 *
 * Entry points: narrative_checks, text_where; gk_chk_narrative_figure
 * (checks.h, for the unit tests).
 */
#include "chk.h"

#include <stdlib.h>
#include <string.h>

static int is_stop(const char *p)
{
	static const char *const stop[] = {
		"，", "。", "；", "、", "！", "？", ",", ";", "%", "％", "\n", "增", "减", "比", "较",
		"占", "降", "与", "同", "上", "≤", "≥", "<", ">", "＜", "＞", "控制", NULL};
	for (int k = 0; stop[k]; k++)
		if (starts_with(p, stop[k]))
			return 1;
	return 0;
}

/* The k-th figure token at byte p of the text, or -1. */
static int fig_at(const ntext *nt, size_t p)
{
	for (int k = 0; k < nt->ntok; k++)
		if (nt->tok[k].off == p)
			return nt->tok[k].kind == TK_FIG ? k : -1;
	return -1;
}

/* The first figure stated after keyword: keyword, at most 16 characters
 * of filler (no digit, no clause punctuation, none of 增减比较占降与同上),
 * the figure with its unit.  need: the filler must contain it; avoid: the
 * filler must not; not_after: the keyword must not follow it ("财政拨款"
 * before "收入支出总计").  Returns the token index, -1. */
static int find_fig(const ntext *nt, const char *keyword, const char *need, const char *avoid,
                    const char *not_after, char *filler, size_t fn)
{
	size_t kl = strlen(keyword);
	for (const char *k = strstr(nt->s, keyword); k; k = strstr(k + 1, keyword)) {
		int after = 0;
		/* not_after: words separated by '|' */
		for (const char *a = not_after; a && *a && !after;) {
			const char *bar = strchr(a, '|');
			size_t nl = bar ? (size_t)(bar - a) : strlen(a);
			after = (size_t)(k - nt->s) >= nl && !strncmp(k - nl, a, nl);
			a = bar ? bar + 1 : a + nl;
		}
		if (after)
			continue;
		/* "增加基本支出844.15万元": a change, not the figure */
		static const char *const change[] = {"增加", "减少", "增长", "下降", "节约", "压减", NULL};
		for (int c = 0; change[c] && !after; c++) {
			size_t cl = strlen(change[c]);
			after = (size_t)(k - nt->s) >= cl && !strncmp(k - cl, change[c], cl);
		}
		if (after)
			continue;
		const char *p = k + kl, *fill = p;
		int ncp = 0, stopped = 0;
		while (*p && !is_digit(*p) && ncp <= 16) {
			if (is_stop(p)) {
				stopped = 1;
				break;
			}
			do
				p++;
			while ((*p & 0xC0) == 0x80);
			ncp++;
		}
		if (stopped || !is_digit(*p) || ncp > 16)
			continue;
		char *f = gk_strndup(fill, (size_t)(p - fill));
		int ok = !need || strstr(f, need);
		/* avoid "=CHARS": the filler may only hold these characters */
		if (avoid && avoid[0] == '=') {
			for (const char *q = f; ok && *q;) {
				int n = 1;
				while ((q[n] & 0xC0) == 0x80)
					n++;
				char ch[8];
				snprintf(ch, sizeof ch, "%.*s", n, q);
				ok = strstr(avoid + 1, ch) != NULL;
				q += n;
			}
			free(f);
			if (!ok)
				continue;
			int t = fig_at(nt, (size_t)(p - nt->s));
			if (t >= 0) {
				if (filler)
					snprintf(filler, fn, "%.*s", (int)(p - fill), fill);
				return t;
			}
			continue;
		}
		/* avoid: words separated by '|' */
		for (const char *a = avoid; ok && a && *a;) {
			const char *bar = strchr(a, '|');
			size_t al = bar ? (size_t)(bar - a) : strlen(a);
			char w[64];
			snprintf(w, sizeof w, "%.*s", (int)al, a);
			if (strstr(f, w))
				ok = 0;
			a = bar ? bar + 1 : a + al;
		}
		if (ok && filler)
			snprintf(filler, fn, "%s", f);
		free(f);
		if (!ok)
			continue;
		int t = fig_at(nt, (size_t)(p - nt->s));
		if (t >= 0)
			return t;
	}
	return -1;
}

int gk_chk_narrative_figure(const char *text, const char *keyword, const char *need, long long *v,
                            int *dec)
{
	ntext *tmp = ntext_of_text(text);
	int k = find_fig(tmp, keyword, need, NULL, NULL, NULL, 0);
	if (k >= 0) {
		*v = tmp->tok[k].v;
		*dec = tmp->tok[k].dec;
	}
	ntext_drop(tmp);
	return k >= 0;
}

void text_where(where *w, const ntext *nt, size_t off, char *quote, size_t n)
{
	quote_at(nt->s, off, quote, n);
	w->kind = W_TEXT;
	w->page = ntext_page(nt, off);
	w->quote = quote;
}

static void narrative_compare(gk_result *r, const char *check, const ntext *nt, int k,
                              const gk_table *t, int row, const char *rowlab,
                              const char *const *cols, const char *tid)
{
	char ns[64], ts[64], quote[600];
	const ntok *tk = &nt->tok[k];
	gk_chk_format(tk->v, tk->dec, ns, sizeof ns);
	where w = {W_TEXT, t, row, cols[0], NULL, NULL, -1, NULL, 0, NULL, NULL};
	text_where(&w, nt, tk->off, quote, sizeof quote);
	if (!t || row < 0) {
		if (tk->v) {
			w.t = NULL;
			w.expl = "no table to compare with";
			emit_finding(r, tid, check, rowlab, ns, "", "skip", &w, 0);
		}
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
	if (!tk->v && !a.nonzero && !a.bad)
		return;
	acc_str(&a, ts, sizeof ts);
	/* a column the table does not print says nothing */
	const char *st = a.bad || !a.printed ? "skip" : gk_chk_status_narrative(tk->v, tk->dec, a.v, a.dec);
	emit_finding(r, tid, check, rowlab, ns, ts, st, &w, tk->v - a.v);
}

static void item_figures(gk_result *r, const ntext *nt);

/* what may stand between a 三公 item's name and its figure */
#define THREE_FILL "=（）()境费用支出预算数为安排经费财政拨款年初决算全年合计共：:“”\"及运行维护购置部门本级总额是达约"

static const struct {
	const char *key, *col, *name;
} THREE_PARTS[] = {
	{"因公出国", "overseas_travel", "因公出国（境）费"},
	{"公务接待费", "reception", "公务接待费"},
	{"公务用车购置及运行", "vehicle_total", "公务用车购置及运行费"},
	{"公务用车购置费", "vehicle_purchase", "公务用车购置费"},
	{"公务用车运行", "vehicle_operation", "公务用车运行费"},
};

/* The 三公 table read with its columns shifted: a part the narrative
 * states is not in its own column but in another one of the total row. */
void narrative_doubts(gk_result *r, const ntext *nt)
{
	const gk_table *thr = present(r, "three_public_expenses");
	if (!thr)
		return;
	int row = find_total(thr, "unit_name");
	if (row < 0 && thr->nrow == 1)
		row = 0;
	if (row < 0)
		return;
	const size_t np = sizeof THREE_PARTS / sizeof THREE_PARTS[0];
	for (size_t j = 0; j < np; j++) {
		int k = find_fig(nt, THREE_PARTS[j].key, NULL, THREE_FILL, NULL, NULL, 0);
		if (k < 0 || !nt->tok[k].v)
			continue;
		long long v = nt->tok[k].v, own;
		int d;
		if (gk_chk_parse(cell(thr, row, THREE_PARTS[j].col), &own, &d) == 1 &&
		    !strcmp(gk_chk_status_narrative(v, nt->tok[k].dec, own, d), "ok"))
			continue;
		for (size_t m = 0; m < np; m++) {
			long long x;
			if (m == j || gk_chk_parse(cell(thr, row, THREE_PARTS[m].col), &x, &d) != 1 || !x)
				continue;
			if (!strcmp(gk_chk_status_narrative(v, nt->tok[k].dec, x, d), "ok")) {
				char why[300], vs[64];
				gk_chk_format(v, nt->tok[k].dec, vs, sizeof vs);
				snprintf(why, sizeof why,
				         "the narrative's %s %s is what the table reads as %s: its columns are probably shifted",
				         THREE_PARTS[j].name, vs, THREE_PARTS[m].name);
				doubt_table(thr, why);
				return;
			}
		}
	}
}

/* any amount printed on the table's page after its title */
static int page_has_amount(const gk_doc *doc, const gk_table *t)
{
	int after = 0;
	for (int i = 0; doc && i < doc->nline; i++) {
		const gk_line *l = &doc->line[i];
		if (l->page != t->page)
			continue;
		for (int j = 0; j < l->ncell; j++) {
			const char *s = l->cell[j].text;
			if (!after) {
				if (t->title && *t->title && strstr(t->title, "三公") && strstr(s, "三公"))
					after = 1;
				continue;
			}
			long long v;
			int dec;
			if (gk_chk_parse(s, &v, &dec) == 1 && (dec > 0 || v))
				return 1;
		}
	}
	return !after; /* title not found on its page: do not claim it is empty */
}

/* the 三公 table's column holding the 预算数 of the total, "" if none */
static const char *three_budget_col(const gk_table *t)
{
	static const char *const cand[] = {"x_预算数", "x_预算数/合计", "x_年初预算数", "x_年初预算",
	                                   "x_预算数/小计", NULL};
	for (int k = 0; cand[k]; k++)
		if (gk_table_col(t, cand[k]) >= 0)
			return cand[k];
	return NULL;
}

void narrative_checks(gk_result *r, const ntext *nt, const gk_doc *doc)
{
	const gk_table *res = present(r, "revenue_expenditure_summary");
	const gk_table *fis = present(r, "fiscal_appropriation_summary");
	const gk_table *ebf = present(r, "expenditure_by_function");
	const gk_table *gbe = present(r, "general_budget_expenditure");
	const gk_table *gbb = present(r, "general_budget_basic_expenditure");
	const gk_table *thr = present(r, "three_public_expenses");
	/* a 三公 table whose title was found but that prints nothing (the
	 * last one of that id: a table-of-contents line may come first) */
	const gk_table *thr_raw = NULL;
	for (int i = 0; !thr && i < r->ntable; i++)
		if (!strcmp(r->tables[i]->id, "three_public_expenses"))
			thr_raw = r->tables[i];
	const gk_table *fun = ebf ? ebf : gbe;
	const char *fun_id = ebf ? "expenditure_by_function" : "general_budget_expenditure";
	const char *kind = gk_result_meta(r, "kind");
	int final = kind && !strcmp(kind, "决算");
	int fun_t = fun ? find_total(fun, "name") : -1, gbe_t = gbe ? find_total(gbe, "name") : -1;
	int gbb_t = gbb ? find_total(gbb, "econ_name") : -1;
	int thr_t = thr ? find_total(thr, "unit_name") : -1;
	if (thr && thr_t < 0 && thr->nrow == 1)
		thr_t = 0;
	static const char *const c_amount[] = {"amount", NULL};
	static const char *const c_ftotal[] = {"total", NULL};
	static const char *const c_basic[] = {"basic_total", NULL};
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
	char lab[600];
	int k;

	/* the summary's 总计 (收入支出总计 / 收入总计 / 支出总计, not 财政拨款's) */
	static const struct {
		const char *key, *side, *check;
	} tot[] = {
		{"收入支出总计", "收入", "narrative:收入支出总计"},
		{"收支总计", "收入", "narrative:收入支出总计"},
		{"收入总计", "收入", "narrative:收入总计"},
		{"支出总计", "支出", "narrative:支出总计"},
	};
	static const char *const tot_not[] = {"财政拨款", "财政拨款", "财政拨款", "财政拨款|收入"};
	int done_total = 0;
	for (size_t j = 0; j < sizeof tot / sizeof tot[0]; j++) {
		if (done_total && j < 2)
			continue;
		k = find_fig(nt, tot[j].key, NULL, "预算", tot_not[j], NULL, 0);
		if (k < 0)
			continue;
		if (j < 2)
			done_total = 1;
		int row = res ? side_total(res, tot[j].side) : -1;
		snprintf(lab, sizeof lab, "%s", tot[j].key);
		if (row >= 0)
			item_label(res, row, "amount", "amount", lab, sizeof lab);
		narrative_compare(r, tot[j].check, nt, k, res, row, lab, c_amount,
		                  "revenue_expenditure_summary");
	}
	/* this year's income and spending */
	static const struct {
		const char *key, *side, *check;
	} cur[] = {
		{"本年收入合计", "收入", "narrative:本年收入合计"},
		{"本年支出合计", "支出", "narrative:本年支出合计"},
	};
	for (size_t j = 0; j < sizeof cur / sizeof cur[0]; j++) {
		k = find_fig(nt, cur[j].key, NULL, "预算", "财政拨款", NULL, 0);
		if (k < 0 || !res)
			continue;
		int row = -1;
		for (int i = 0; i < res->nrow && row < 0; i++)
			if (strstr(cell(res, i, "side"), cur[j].side) && strstr(cell(res, i, "item"), cur[j].key))
				row = i;
		if (row < 0)
			continue;
		item_label(res, row, "amount", "amount", lab, sizeof lab);
		narrative_compare(r, cur[j].check, nt, k, res, row, lab, c_amount,
		                  "revenue_expenditure_summary");
	}
	/* the fiscal summary's 总计 */
	static const char *const fkeys[] = {"财政拨款收入支出总计", "财政拨款收支总计", "财政拨款收入总计",
	                                    "财政拨款支出总计", NULL};
	for (int j = 0; fkeys[j]; j++) {
		k = find_fig(nt, fkeys[j], NULL, "预算", NULL, NULL, 0);
		if (k < 0)
			continue;
		int row = fis ? side_total(fis, strstr(fkeys[j], "支出总计") && !strstr(fkeys[j], "收入") ? "支出" : "收入") : -1;
		snprintf(lab, sizeof lab, "总计");
		if (row >= 0)
			item_label(fis, row, "total", "total", lab, sizeof lab);
		narrative_compare(r, "narrative:财政拨款收入支出总计", nt, k, fis, row, lab, c_ftotal,
		                  "fiscal_appropriation_summary");
		/* it includes this year's 一般公共预算 spending, whatever the summary's reading */
		if (gbe && gbe_t >= 0) {
			acc a = {0};
			acc_add(&a, cell(gbe, gbe_t, "total"));
			const ntok *tk = &nt->tok[k];
			if (a.printed && !a.bad && tk->v < a.v &&
			    !strcmp(gk_chk_status_narrative(tk->v, tk->dec, a.v, a.dec), "fail")) {
				char ns[64], ts[64], quote[600];
				gk_chk_format(tk->v, tk->dec, ns, sizeof ns);
				acc_str(&a, ts, sizeof ts);
				where w = {W_TEXT, gbe, gbe_t, "total", NULL, NULL, -1, NULL, 0, NULL, NULL};
				text_where(&w, nt, tk->off, quote, sizeof quote);
				emit_finding(r, "general_budget_expenditure", "narrative:财政拨款收入支出总计≥一般公共预算支出",
				             "合计:total", ns, ts, "fail", &w, 0);
			}
		}
		break;
	}
	/* 基本支出 / 项目支出 of all funds, or of the 一般公共预算 when the
	 * sentence or the one before speaks of it */
	static const struct {
		const char *key, *col, *check;
	} bp[] = {
		{"基本支出", "basic_total", "narrative:基本支出"},
		{"项目支出", "project_total", "narrative:项目支出"},
	};
	for (size_t j = 0; j < 2; j++) {
		k = find_fig(nt, bp[j].key, NULL, "预算", "财政拨款|一般公共预算|公共预算", NULL, 0);
		if (k < 0)
			continue;
		size_t s1 = sent_start(nt, nt->tok[k].off), s0 = s1 > 3 ? sent_start(nt, s1 - 3) : s1;
		char *ctx = gk_strndup(nt->s + s0, nt->tok[k].off - s0);
		int general = strstr(ctx, "一般公共预算") != NULL, fiscal = strstr(ctx, "财政拨款") != NULL;
		free(ctx);
		const gk_table *t = general && gbe ? gbe : fun;
		int row = t == gbe ? gbe_t : fun_t;
		if (fiscal && !general)
			continue; /* 财政拨款's basic spending: no table prints it alone */
		const char *cols[] = {bp[j].col, NULL};
		char rl[64];
		snprintf(rl, sizeof rl, "合计:%s", bp[j].col);
		int before = r->ncheck;
		narrative_compare(r, bp[j].check, nt, k, t, row, rl, cols, t == gbe ? "general_budget_expenditure" : fun_id);
		/* the other function table holds that figure: the scope was not stated */
		const gk_table *o = t == gbe ? ebf : gbe;
		int orow = o == gbe ? gbe_t : ebf ? find_total(ebf, "name") : -1;
		if (r->ncheck > before && !strcmp(r->checks[r->ncheck - 1].status, "fail") && o && orow >= 0) {
			acc a = {0};
			func_val(&a, o, orow, bp[j].col);
			const ntok *tk = &nt->tok[k];
			if (a.printed && !a.bad && !strcmp(gk_chk_status_narrative(tk->v, tk->dec, a.v, a.dec), "ok")) {
				gk_check *c = &r->checks[r->ncheck - 1];
				free(c->status);
				c->status = gk_strdup("unsure");
				char *d = gk_strfmt("%s; unsure: it is the %s's figure, the sentence does not say which it means",
				                    c->detail, o->title);
				free(c->detail);
				c->detail = d;
			}
		}
	}
	/* 一般公共预算财政拨款 spending and its basic part (a 决算's sections 五, 六) */
	if ((k = find_fig(nt, "一般公共预算财政拨款支出", NULL, "预算", NULL, NULL, 0)) >= 0)
		narrative_compare(r, "narrative:一般公共预算财政拨款支出", nt, k, gbe, gbe_t, "合计:total",
		                  c_ftotal, "general_budget_expenditure");
	if ((k = find_fig(nt, "一般公共预算财政拨款基本支出", NULL, "预算", NULL, NULL, 0)) >= 0 ||
	    (k = find_fig(nt, "一般公共预算基本支出", NULL, "预算", NULL, NULL, 0)) >= 0) {
		narrative_compare(r, "narrative:一般公共预算财政拨款基本支出", nt, k, gbe, gbe_t,
		                  "合计:basic_total", c_basic, "general_budget_expenditure");
		narrative_compare(r, "narrative:一般公共预算财政拨款基本支出", nt, k, gbb, gbb_t, "合计:total",
		                  c_ftotal, "general_budget_basic_expenditure");
	}
	if ((k = find_fig(nt, "人员经费", NULL, NULL, NULL, NULL, 0)) >= 0) {
		narrative_compare(r, "narrative:人员经费", nt, k, gbb, gbb_t, "合计:personnel", c_pers,
		                  "general_budget_basic_expenditure");
		if (gbe && gbe_t >= 0) {
			int pp = printed(gbe, gbe_t, "basic_personnel");
			narrative_compare(r, "narrative:人员经费", nt, k, gbe, gbe_t,
			                  pp ? "合计:basic_personnel" : "合计:basic_wages+basic_family_subsidy",
			                  pp ? c_fpers2 : c_fpers, "general_budget_expenditure");
		}
	}
	if ((k = find_fig(nt, "公用经费", NULL, NULL, NULL, NULL, 0)) >= 0) {
		narrative_compare(r, "narrative:公用经费", nt, k, gbb, gbb_t, "合计:public", c_pub,
		                  "general_budget_basic_expenditure");
		if (gbe && gbe_t >= 0) {
			int pp = printed(gbe, gbe_t, "basic_public");
			narrative_compare(r, "narrative:公用经费", nt, k, gbe, gbe_t,
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
	for (size_t j = 0; j < sizeof three / sizeof three[0]; j++) {
		char filler[200] = "";
		k = find_fig(nt, three[j].key, three[j].need, THREE_FILL, NULL, filler, sizeof filler);
		if (k < 0)
			continue;
		int budget = final && strstr(filler, "预算");
		if (thr_raw && !thr_raw->nrow) {
			/* the table prints nothing: a non-zero figure quoted */
			const ntok *tk = &nt->tok[k];
			if (!tk->v)
				continue;
			char ns[64], quote[600];
			gk_chk_format(tk->v, tk->dec, ns, sizeof ns);
			where w = {W_TEXT, thr_raw, -1, NULL, NULL, NULL, -1, NULL, 0, NULL, NULL};
			text_where(&w, nt, tk->off, quote, sizeof quote);
			int empty = !page_has_amount(doc, thr_raw);
			emit_finding(r, "three_public_expenses", three[j].check, three[j].row, ns,
			             empty ? "empty" : "", empty ? "fail" : "unsure", &w, 0);
			if (!empty) {
				gk_check *c = &r->checks[r->ncheck - 1];
				char *d = gk_strfmt("%s; unsure: the table's page prints figures the reader did not take", c->detail);
				free(c->detail);
				c->detail = d;
			}
			continue;
		}
		if (budget) {
			/* a 决算's 年初预算 against the table's 预算数 column */
			const char *bc = thr ? three_budget_col(thr) : NULL;
			if (!bc || j > 0)
				continue;
			const char *cols[] = {bc, NULL};
			narrative_compare(r, "narrative:三公经费预算", nt, k, thr, thr_t, "合计:预算数", cols,
			                  "three_public_expenses");
			continue;
		}
		if (thr && thr_t >= 0 && !strcmp(three[j].cols[0], "vehicle_total") &&
		    !printed(thr, thr_t, "vehicle_total")) {
			/* the table prints only the parts */
			narrative_compare(r, three[j].check, nt, k, thr, thr_t,
			                  "合计:vehicle_purchase+vehicle_operation", THREE_VEHICLE,
			                  "three_public_expenses");
			continue;
		}
		narrative_compare(r, three[j].check, nt, k, thr, thr_t, three[j].row, three[j].cols,
		                  "three_public_expenses");
	}
	item_figures(r, nt);
	/* 机关运行经费 where the 三公 table prints it */
	if (thr && thr_t >= 0 && (k = find_fig(nt, "机关运行经费", NULL, NULL, NULL, NULL, 0)) >= 0) {
		for (int j = 0; j < thr->cols.n; j++)
			if (strstr(thr->cols.v[j], "机关运行经费") && !strchr(thr->cols.v[j], '/')) {
				const char *cols[] = {thr->cols.v[j], NULL};
				narrative_compare(r, "narrative:机关运行经费", nt, k, thr, thr_t, "合计:机关运行经费", cols,
				                  "three_public_expenses");
				break;
			}
	}
}

/* ---- the narrative's 类 / 项 figures ------------------------------------- */

/* the row of a function table by its code digits, -1 */
static int func_row(const gk_table *t, const char *code)
{
	for (int i = 0; t && i < t->nrow; i++) {
		char c[32];
		digits_of(cell(t, i, "func_code"), c, sizeof c);
		if (!c[0] && printed(t, i, "class")) {
			char *s = gk_strfmt("%s%s%s", cell(t, i, "class"), cell(t, i, "item"), cell(t, i, "subitem"));
			digits_of(s, c, sizeof c);
			free(s);
		}
		if (!strcmp(c, code))
			return i;
	}
	return -1;
}

static void squeeze_name(const char *s, char *out, size_t n)
{
	size_t k = 0;
	for (; *s && k + 1 < n; s++)
		if (*s != ' ')
			out[k++] = *s;
	out[k] = 0;
}

/* the name before a "（" at q: back to the previous punctuation, a closing
 * bracket or a digit */
static void name_before(const char *s, const char *q, char *out, size_t n)
{
	const char *a = q;
	while (a > s) {
		const char *p = a - 1;
		while (p > s && (*p & 0xC0) == 0x80)
			p--;
		if (*p == '\n' || is_digit(*p) || starts_with(p, "）") || starts_with(p, "，") ||
		    starts_with(p, "。") || starts_with(p, "；") || starts_with(p, "：") || starts_with(p, "、") ||
		    starts_with(p, ")"))
			break;
		a = p;
	}
	size_t len = (size_t)(q - a);
	if (len + 1 > n)
		len = n - 1;
	memcpy(out, a, len);
	out[len] = 0;
}

/* the first figure token at or after byte p within max bytes, -1 */
static int fig_after(const ntext *nt, size_t p, size_t max)
{
	for (int k = 0; k < nt->ntok; k++)
		if (nt->tok[k].off >= p) {
			if (nt->tok[k].off > p + max || nt->tok[k].kind != TK_FIG)
				return -1;
			return k;
		}
	return -1;
}

static void fig_vs_row(gk_result *r, const ntext *nt, int k, const gk_table *t, int row,
                       const char *check, const char *label)
{
	static const char *const c_total[] = {"total", NULL};
	char lab[300];
	snprintf(lab, sizeof lab, "%s:total", label);
	narrative_compare(r, check, nt, k, t, row, lab, c_total, t->id);
}

static void item_figures(gk_result *r, const ntext *nt)
{
	const gk_table *gbe = present(r, "general_budget_expenditure");
	const gk_table *fun = gbe ? gbe : present(r, "expenditure_by_function");
	const char *ys = gk_result_meta(r, "year");
	if (!fun)
		return;
	const char *s = nt->s;
	/* NAME（类）X万元: a 决算's structure of spending, by the class's name */
	for (const char *q = strstr(s, "（类）"); q; q = strstr(q + 1, "（类）")) {
		const char *e = q + strlen("（类）");
		int k = fig_after(nt, (size_t)(e - s), 0);
		if (k < 0)
			continue;
		char name[300], nm[300], code[32] = "";
		name_before(s, q, name, sizeof name);
		/* the class's code from the name in any function table (a
		 * table's label may be garbled), then its row in the 一般公共预算
		 * table */
		static const char *const ids[] = {"general_budget_expenditure", "expenditure_by_function",
		                                  "government_fund_expenditure", NULL};
		for (int j = 0; ids[j] && !code[0]; j++) {
			const gk_table *t = present(r, ids[j]);
			for (int i = 0; t && i < t->nrow && !code[0]; i++) {
				char c[32];
				digits_of(cell(t, i, "func_code"), c, sizeof c);
				squeeze_name(cell(t, i, "name"), nm, sizeof nm);
				if (strlen(c) == 3 && !strcmp(nm, name))
					snprintf(code, sizeof code, "%s", c);
			}
		}
		int row = code[0] ? func_row(fun, code) : -1;
		if (row >= 0)
			fig_vs_row(r, nt, k, fun, row, "narrative:类", code);
	}
	/* NAME（204类）NAME（06款）NAME（01项）X万元: a 预算's items, by code */
	for (const char *q = strstr(s, "类）"); q; q = strstr(q + 1, "类）")) {
		const char *d = q;
		int nd = 0;
		while (d > s && is_digit(d[-1]))
			d--, nd++;
		if (nd != 3 || d - s < 3 || !starts_with(d - 3, "（"))
			continue;
		char code[16] = "";
		memcpy(code, d, 3);
		code[3] = 0;
		char cname[300];
		name_before(s, d - 3, cname, sizeof cname);
		const char *p = q + strlen("类）");
		/* （NN款） and （NN项） */
		for (int lvl = 0; lvl < 2; lvl++) {
			const char *b = strstr(p, "（");
			if (!b || b - p > 3 * 40)
				break;
			const char *x = b + 3;
			int n = 0;
			while (is_digit(x[n]))
				n++;
			if (n != 2 || !starts_with(x + 2, lvl ? "项）" : "款）"))
				break;
			strncat(code, x, 2);
			p = x + 2 + strlen("款）");
		}
		/* the class's name against the table's */
		int crow = func_row(fun, (char[4]){code[0], code[1], code[2], 0});
		if (crow >= 0 && *cname) {
			char tn[300];
			squeeze_name(cell(fun, crow, "name"), tn, sizeof tn);
			if (*tn && strcmp(tn, cname) && !strstr(tn, cname) && !strstr(cname, tn)) {
				char quote[600], detail[2000], w[64];
				quote_at(s, (size_t)(d - s), quote, sizeof quote);
				int page = ntext_page(nt, (size_t)(d - s));
				snprintf(detail, sizeof detail, "p.%d %s: names class %.3s %.200s; %.200s p.%d names it %.200s",
				         page, quote, code, cname, fun->title, fun->page, tn);
				snprintf(w, sizeof w, "%.3s", code);
				emit_note(r, fun->id, "narrative:科目名称", w, tn, cname, "fail", page, detail);
			}
		}
		if (strlen(code) != 7)
			continue;
		int row = func_row(fun, code);
		if (row < 0)
			continue;
		int k = fig_after(nt, (size_t)(p - s), 0);
		if (k >= 0)
			fig_vs_row(r, nt, k, fun, row, "narrative:项", code);
		/* "YYYY年预算安排X万元" of this year, before the next item */
		const char *end = strstr(p, "类）");
		size_t lim = end ? (size_t)(end - s) : nt->len;
		for (int t = 0; ys && t < nt->ntok; t++) {
			const ntok *tk = &nt->tok[t];
			if (tk->off < (size_t)(p - s) || tk->off >= lim)
				continue;
			if (tk->kind == TK_YEAR && tk->v == atoi(ys) && starts_with(s + tk->end, "预算安排")) {
				int f = fig_after(nt, tk->end + strlen("预算安排"), 3);
				if (f >= 0)
					fig_vs_row(r, nt, f, fun, row, "narrative:项预算安排", code);
				break;
			}
		}
	}
}
