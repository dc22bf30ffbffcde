/*
 * pperf.c - project_performance: a project's code, name and amounts,
 * then its (三级指标, 指标值) pairs per category.  Positioned or TAB: cells
 * placed under the header's leaves (fixed-height exports rebuilt around
 * their amounts and target values); flow text: read from the words, the
 * category from the perf-category rules.
 *
 * Entry point: parse_pperf.
 */
#include "nctx.h"

#include <stdlib.h>
#include <string.h>

/* A project code: a long run of digits (unit codes are 3 to 9). */
static int pperf_code(const char *s)
{
	return is_digits(s, 10, 30);
}

/* The project performance table in flow text: a project line (its long
 * code, its name, its amounts, the name and amounts perhaps on the lines
 * after), then its indicators and their values as one stream of words, the
 * four categories' columns flattened row by row.  A value (a bound, rate
 * or count, or a word of two to four characters) closes the indicator the
 * words before it make; a lone character after a value ends the value
 * (≥7500平方 / 米).  The category is read from the indicator's words
 * (perf-category rules), flow text having lost its column. */
static void parse_pperf_flow(nctx *c, const tspan *sp, gk_table *t, int hl)
{
	int cc = gk_table_col(t, "project_code"), cn = gk_table_col(t, "project_name"), ct = gk_table_col(t, "total"),
	    cg = gk_table_col(t, "government"), cs = gk_table_col(t, "special_account"),
	    cu = gk_table_col(t, "unit_funds"), ck = gk_table_col(t, "category"), ci = gk_table_col(t, "indicator"),
	    cv = gk_table_col(t, "target");
	int nrule;
	const gk_rule *const *cat = gk_rules_of(c->rules, "perf-category", &nrule);
	char code[64] = "", *name = NULL, amt[4][48] = {"", "", "", ""};
	int in_head = 0; /* reading a project's name lines, up to its amounts */
	int skip_unit = 0;
	gk_buf ind = {0}, name_b = {0};
	int last = -1; /* the row of the last value, for a lone character after it */
	for (int i = hl + 1; i < sp->end; i++) {
		const xline *x = &c->x[i];
		if (x->skip || !x->l->ncell)
			continue;
		if (rule_any(c, "table-end", x->compact))
			break;
		const gk_line *l = x->l;
		char *first = compact_of(l->cell[0].text);
		int is_code = is_digits(first, 3, 30);
		if (is_code) {
			gk_buf_reset(&ind);
			last = -1;
			in_head = 1;
			skip_unit = !pperf_code(first);
			if (!skip_unit) {
				snprintf(code, sizeof code, "%s", first);
				gk_buf_reset(&name_b);
				for (int q = 0; q < 4; q++)
					amt[q][0] = 0;
			}
		}
		free(first);
		int j0 = is_code ? 1 : 0;
		if (in_head) {
			/* name words, then amounts */
			int na = 0;
			for (int j = j0; j < l->ncell; j++) {
				char buf[48], *fw = gk_fold_width(l->cell[j].text);
				int am = gk_amount_parse(fw, buf, sizeof buf) && strchr(fw, '.');
				free(fw);
				if (am) {
					if (!skip_unit && na < 4)
						snprintf(amt[na], sizeof amt[0], "%s", buf);
					na++;
				} else if (!skip_unit && !na) {
					gk_buf_adds(&name_b, l->cell[j].text);
				}
			}
			if (na) {
				in_head = 0;
				if (!skip_unit) {
					free(name);
					name = compact_of(name_b.s ? name_b.s : "");
				}
			}
			continue;
		}
		if (skip_unit || !*code)
			continue;
		for (int j = 0; j < l->ncell; j++) {
			char *w = compact_of(l->cell[j].text);
			int wl = (int)strlen(w);
			if (!*w) {
				free(w);
				continue;
			}
			if (!ind.len && last >= 0 && wl <= 3 && gk_has_cjk(w)) {
				/* a lone character after a value: its end */
				char *v = gk_strfmt("%s%s", t->rows[last][cv], w);
				gk_table_set(t, last, cv, v);
				free(v);
				free(w);
				continue;
			}
			int value = ind.len && (rule_any(c, "target-value", w) ||
			                        (wl >= 6 && wl <= 12 && gk_has_cjk(w) && !punctuated(w)));
			if (!value) {
				gk_buf_adds(&ind, w);
				last = -1;
				free(w);
				continue;
			}
			int r = table_row(c, t, i, i);
			gk_table_set(t, r, cc, code);
			gk_table_set(t, r, cn, name ? name : "");
			const int mc[4] = {ct, cg, cs, cu};
			for (int q = 0; q < 4; q++)
				if (amt[q][0])
					gk_table_set(t, r, mc[q], amt[q]);
			const char *k = "产出指标";
			for (int q = 0; q < nrule; q++)
				if (gk_rule_match(cat[q], ind.s, ind.len, NULL)) {
					k = cat[q]->name;
					break;
				}
			gk_table_set(t, r, ck, k);
			gk_table_set(t, r, ci, ind.s);
			gk_table_set(t, r, cv, w);
			gk_buf_reset(&ind);
			last = r;
			free(w);
		}
	}
	free(name);
	gk_buf_drop(&ind);
	gk_buf_drop(&name_b);
}

/* The leaf header of a project performance table: money columns, then
 * (三级指标, 指标值) pairs; a cell's virtual column is the leaf it starts
 * under. */
typedef struct pleaf {
	int tab;         /* TAB fields, not positions */
	double lx[64];   /* the leaves' left edges */
	int nlx;
	int first_pair;  /* the first 三级指标 leaf, -1 none */
	int npair;
	int money[4];    /* the leaves of amounts (资金, 总额) */
	int nm;
} pleaf;

static void pperf_leaves(const gk_line *h, pleaf *lf)
{
	lf->tab = h->geom == GK_GEOM_TAB;
	lf->first_pair = -1;
	for (int j = 0; j < h->ncell && lf->nlx < 64; j++) {
		char *cp = compact_of(h->cell[j].text);
		if (*cp) {
			if (!strcmp(cp, "三级指标")) {
				if (lf->first_pair < 0)
					lf->first_pair = lf->nlx;
				lf->npair++;
			} else if ((strstr(cp, "资金") || strstr(cp, "总额")) && lf->nm < 4 && lf->first_pair < 0) {
				lf->money[lf->nm++] = lf->nlx;
			}
			lf->lx[lf->nlx++] = h->cell[j].x0;
		}
		free(cp);
	}
}

/* Rebuild the rows of a fixed-height export (long cells centred on their
 * row, over the rows above and below), anchored on the amounts and the
 * target values, and read them.  Columns: the head's cells left of the
 * leaves (code, name), then the leaves.  Pairs are (indicator, value)
 * from the leftmost leaf that holds text (a table may print them a leaf
 * right of their header words).  Returns 0 when not read so. */
static int pperf_anchored(nctx *c, const tspan *sp, gk_table *t, int hl, const pleaf *lf)
{
	const double *lx = lf->lx;
	int nlx = lf->nlx, first_pair = lf->first_pair;
	lr_anchor an = {hl + 1, 0, {0}, 0};
	for (int i = sp->begin; i < hl; i++)
		for (int j = 0; j < c->x[i].l->ncell; j++) {
			double x = c->x[i].l->cell[j].x0;
			int dup = 0;
			for (int k = 0; k < an.ncol; k++)
				dup |= x - an.colx[k] < 2 && an.colx[k] - x < 2;
			if (!dup && x < lx[0] - 2 && an.ncol < 16)
				an.colx[an.ncol++] = x;
		}
	qsort(an.colx, (size_t)an.ncol, sizeof an.colx[0], cmp_double);
	int lead = an.ncol, minrel = -1, ok = nlx + lead <= 32;
	for (int k = 0; k < nlx && ok; k++) {
		ok = !k || lx[k] > lx[k - 1];
		an.colx[lead + k] = lx[k];
	}
	an.ncol = lead + nlx;
	for (int i = hl + 1; i < sp->end && ok; i++)
		for (int j = 0; j < c->x[i].l->ncell && !c->x[i].skip; j++) {
			int vi = anchor_col(&an, c->x[i].l->cell[j].x0) - lead;
			if (vi >= first_pair && (minrel < 0 || vi - first_pair < minrel))
				minrel = vi - first_pair;
		}
	if (!ok || minrel < 0)
		return 0;
	for (int m = 0; m < lf->nm; m++)
		an.mask |= 1u << (lead + lf->money[m]);
	for (int k = first_pair; k < nlx; k++)
		if ((k - first_pair - minrel) & 1)
			an.mask |= 1u << (lead + k);
	with_rows(c, sp, t, parse_pperf, &an);
	return 1;
}

/* Each pair's category: the categories the line above the leaves names,
 * in order, else the usual order. */
static void pperf_categories(const nctx *c, int hl, int npair, const char *pcat[8])
{
	static const char *cats[] = {"成本指标", "产出指标", "效益指标", "满意度指标"};
	int ci = 0;
	const char *allc = c->x[hl > 0 ? hl - 1 : hl].compact;
	for (int k = 0; k < 4 && ci < npair; k++)
		if (strstr(allc, cats[k]))
			pcat[ci++] = cats[k];
	for (; ci < npair; ci++)
		pcat[ci] = cats[ci < 4 ? ci : 3];
}

/* The project being read. */
typedef struct pproj {
	int have;          /* a project line was read (not a unit line) */
	char code[64];
	char *name;
	char mon[4][48];   /* its amounts, by money leaf */
	int first;         /* its first row in the table */
	int last_row;      /* the last row written, -1 none */
} pproj;

/* The cells of line l: left of the pairs a project's code (a new
 * project), a unit line's code, the project's name and its amounts go to
 * pr; the cells under the pairs are returned (leaf relative to the first
 * pair in rel, text in txt; how many).  *name_changed: the name grew. */
static int pperf_cells(const pleaf *lf, const gk_line *l, const gk_table *t, pproj *pr, int rel[64],
                       const char *txt[64], int *name_changed)
{
	int ni = 0;
	*name_changed = 0;
	for (int j = 0; j < l->ncell; j++) {
		const char *s0 = l->cell[j].text;
		if (!*s0 || strspn(s0, " ") == strlen(s0))
			continue;
		/* the leaf this cell starts under (-1: left of them all) */
		int vi = -1;
		for (int k = 0; k < lf->nlx; k++)
			if (lf->lx[k] <= l->cell[j].x0 + (lf->tab ? 0.01 : 2))
				vi = k;
		if (vi < lf->first_pair && (lf->nm == 0 || vi < lf->money[0])) {
			/* code, name, or a unit line */
			char *cp = compact_of(s0);
			if (is_digits(cp, 10, 40)) {
				pr->have = 1;
				snprintf(pr->code, sizeof pr->code, "%s", cp);
				free(pr->name);
				pr->name = NULL;
				memset(pr->mon, 0, sizeof pr->mon);
				pr->first = t->nrow;
				pr->last_row = -1;
			} else if (is_digits(cp, 1, 9)) {
				pr->have = 0; /* a unit line */
			} else if (pr->have) {
				char *cl = gk_label_clean(s0);
				char *nn = pr->name ? gk_strfmt("%s%s", pr->name, cl) : gk_strdup(cl);
				free(pr->name);
				free(cl);
				pr->name = nn;
				*name_changed = 1;
			}
			free(cp);
			continue;
		}
		if (vi < lf->first_pair) {
			char buf[48], *fw = gk_fold_width(s0);
			if (gk_amount_parse(fw, buf, sizeof buf))
				for (int m = 0; m < lf->nm; m++)
					if (lf->money[m] == vi)
						snprintf(pr->mon[m], sizeof pr->mon[0], "%s", buf);
			free(fw);
			continue;
		}
		if (ni < 64) {
			rel[ni] = vi - lf->first_pair;
			txt[ni++] = s0;
		}
	}
	return ni;
}

/* The cells under the pairs as rows of the project: consecutive cells
 * pair up (a dropped cell shifts the rest left, so a pair starting under
 * a value column belongs to the next); a lone cell is the wrapped rest of
 * the indicator or value above. */
static void pperf_pairs(gk_table *t, const pleaf *lf, const char *const *pcat, pproj *pr, const int *rel,
                        const char *const *txt, int ni)
{
	static const char *mkeys[] = {"total", "government", "special_account", "unit_funds"};
	int cind = gk_table_col(t, "indicator"), ctgt = gk_table_col(t, "target");
	for (int q = 0; q < ni;) {
		int k = (rel[q] + 1) / 2;
		if (k >= lf->npair)
			k = lf->npair - 1;
		int has_val = q + 1 < ni && rel[q + 1] <= 2 * k + 2;
		if (!has_val && pr->last_row >= 0 && ni == 1) {
			int col = rel[q] % 2 == 0 || rel[q] == 2 * k - 1 ? cind : ctgt;
			char *joined = gk_strfmt("%s%s", t->rows[pr->last_row][col], txt[q]);
			char *cl = gk_label_clean(joined);
			gk_table_set(t, pr->last_row, col, cl);
			free(cl);
			free(joined);
			q++;
			continue;
		}
		gk_table_add_row(t);
		int r = t->nrow - 1;
		pr->last_row = r;
		gk_table_set(t, r, gk_table_col(t, "project_code"), pr->code);
		gk_table_set(t, r, gk_table_col(t, "project_name"), pr->name ? pr->name : "");
		for (int m = 0; m < lf->nm && m < 4; m++)
			gk_table_set(t, r, gk_table_col(t, mkeys[m]), pr->mon[m]);
		gk_table_set(t, r, gk_table_col(t, "category"), pcat[k]);
		char *a1 = gk_label_clean(txt[q]);
		gk_table_set(t, r, cind, a1);
		free(a1);
		if (has_val) {
			char *b1 = gk_label_clean(txt[q + 1]);
			gk_table_set(t, r, ctgt, b1);
			free(b1);
			q += 2;
		} else {
			q++;
		}
	}
}

/* The project performance table: the leaf header, then (flow text, a
 * fixed-height export, or cells under the leaves) one row per indicator
 * of each project, with the project's code, name and amounts. */
void parse_pperf(nctx *c, const tspan *sp, gk_table *t)
{
	int hl = indicator_header(c, sp, "指标值");
	if (hl < 0)
		return;
	if (c->x[hl].l->geom == GK_GEOM_FLOW) {
		parse_pperf_flow(c, sp, t, hl);
		return;
	}
	pleaf lf = {0};
	pperf_leaves(c->x[hl].l, &lf);
	if (lf.first_pair < 0)
		return;
	if (c->x[hl].l->geom == GK_GEOM_POS && sp->title >= 0 && pperf_anchored(c, sp, t, hl, &lf))
		return;
	if (lf.npair > 8)
		lf.npair = 8;
	const char *pcat[8] = {0};
	pperf_categories(c, hl, lf.npair, pcat);
	pproj pr = {.first = t->nrow, .last_row = -1};
	for (int i = hl + 1; i < sp->end; i++) {
		const xline *x = &c->x[i];
		if (x->skip || !x->l->ncell)
			continue;
		if (rule_any(c, "table-end", x->compact))
			break;
		if (strstr(x->compact, "三级指标") && strstr(x->compact, "指标值"))
			continue; /* the header again, on the next page */
		int rel[64], name_changed;
		const char *txt[64];
		int ni = pperf_cells(&lf, x->l, t, &pr, rel, txt, &name_changed);
		if (!pr.have)
			continue;
		if (name_changed) /* a name wrapped below its first line */
			for (int r = pr.first; r < t->nrow; r++)
				gk_table_set(t, r, gk_table_col(t, "project_name"), pr.name);
		int from = t->nrow;
		pperf_pairs(t, &lf, pcat, &pr, rel, txt, ni);
		rows_source(c, t, from, i, i);
	}
	free(pr.name);
}
