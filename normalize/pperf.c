/*
 * pperf.c - project_performance: a project's code, name and amounts,
 * then its (三级指标, 指标值) pairs per category.  Positioned or TAB: cells
 * placed under the header's leaves (fixed-height exports rebuilt around
 * their amounts and target values); flow text: read from the words, the
 * category from the perf-category rules.
 *
 * Entry point: parse_pperf.
 */
#include "pgrid.h"

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

/* What one line of a pairs table prints left of its pairs. */
typedef struct pline {
	char code[64];     /* a project's code (10 digits or more) */
	int unit;          /* a unit's line (a code of 1 to 9 digits) */
	char *name;        /* text: the project's name */
	char mon[4][48];   /* amounts, by money leaf */
	int nmon;
} pline;

/* The cells of line l: left of the pairs into pl (code, name, amounts);
 * the cells under the pairs are returned (leaf relative to the first pair
 * in rel, text in txt; how many). */
static int pperf_cells(const pleaf *lf, const gk_line *l, pline *pl, int rel[64], const char *txt[64])
{
	int ni = 0;
	memset(pl, 0, sizeof *pl);
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
			char *cp = compact_of(s0);
			if (is_digits(cp, 10, 40)) {
				snprintf(pl->code, sizeof pl->code, "%s", cp);
			} else if (is_digits(cp, 1, 9)) {
				pl->unit = 1;
			} else {
				char *cl = gk_label_clean(s0);
				char *nn = pl->name ? gk_strfmt("%s%s", pl->name, cl) : gk_strdup(cl);
				free(pl->name);
				free(cl);
				pl->name = nn;
			}
			free(cp);
			continue;
		}
		if (vi < lf->first_pair) {
			char buf[48], *fw = gk_fold_width(s0);
			if (gk_amount_parse(fw, buf, sizeof buf))
				for (int m = 0; m < lf->nm; m++)
					if (lf->money[m] == vi) {
						snprintf(pl->mon[m], sizeof pl->mon[0], "%s", buf);
						pl->nmon++;
					}
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

/* A project of a pairs table: its rows, its code, name and amounts. */
typedef struct pblk {
	int first, last;   /* its rows in the table */
	char code[64];
	char *name;
	char mon[4][48];
	int named;         /* a name or amounts were given to it */
	char cost[48];     /* the amount its 成本 target bounds ("≤88万元": 88) */
} pblk;

/* A project's name and amounts printed on some line of its block (or of
 * a block near it: the merged cells of this layout print where they
 * will). */
typedef struct pinfo {
	int blk;
	char *name;
	char mon[4][48];
} pinfo;

/* The cells under the pairs as rows of block b: consecutive cells pair
 * up (a dropped cell shifts the rest left, so a pair starting under a
 * value column belongs to the next); a lone cell is the wrapped rest of
 * the indicator or value above.  Returns the categories the line prints
 * (bit k: pair k). */
static unsigned pperf_pairs(gk_table *t, const pleaf *lf, const char *const *pcat, int *last_row, const int *rel,
                            const char *const *txt, int ni)
{
	int cind = gk_table_col(t, "indicator"), ctgt = gk_table_col(t, "target");
	unsigned cats = 0;
	for (int q = 0; q < ni;) {
		int k = (rel[q] + 1) / 2;
		if (k >= lf->npair)
			k = lf->npair - 1;
		int has_val = q + 1 < ni && rel[q + 1] <= 2 * k + 2;
		if (!has_val && *last_row >= 0 && ni == 1) {
			int col = rel[q] % 2 == 0 || rel[q] == 2 * k - 1 ? cind : ctgt;
			char *joined = gk_strfmt("%s%s", t->rows[*last_row][col], txt[q]);
			char *cl = gk_label_clean(joined);
			gk_table_set(t, *last_row, col, cl);
			free(cl);
			free(joined);
			q++;
			continue;
		}
		cats |= 1u << k;
		gk_table_add_row(t);
		int r = t->nrow - 1;
		*last_row = r;
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
	return cats;
}

/* "≤88万元", "≤39.68万元": the amount a cost target bounds, in out. */
static int cost_bound(const char *target, char out[48])
{
	char *op, *val, *unit;
	int num = pg_split_target(target, &op, &val, &unit);
	int ok = num && strstr(op, "≤") && !strcmp(unit, "万元") && gk_amount_parse(val, out, 48);
	free(op), free(val), free(unit);
	return ok;
}

/* The projects' names and amounts: each printed name goes to the block
 * whose cost target its amount is (a merged cell printed off its rows),
 * else to the block it was printed in; a block that prints none takes
 * the project of the project table whose total its cost target is. */
static void pperf_place_names(nctx *c, gk_table *t, pblk *b, int nb, pinfo *pi, int npi)
{
	for (int k = 0; k < npi; k++) {
		int to = pi[k].blk, hits = 0, hit = -1;
		if (pi[k].mon[0][0] && !(to >= 0 && b[to].cost[0] && gk_dec_eq(b[to].cost, pi[k].mon[0], 0)))
			for (int q = 0; q < nb; q++)
				if (b[q].cost[0] && gk_dec_eq(b[q].cost, pi[k].mon[0], 0))
					hits++, hit = q;
		if (hits == 1)
			to = hit;
		if (to < 0 || b[to].named)
			continue;
		b[to].named = 1;
		b[to].name = pi[k].name ? gk_strdup(pi[k].name) : NULL;
		memcpy(b[to].mon, pi[k].mon, sizeof b[to].mon);
	}
	const gk_table *pe = gk_result_find(c->r, "project_expenditure");
	for (int q = 0; q < nb && pe; q++) {
		if (b[q].named || !b[q].cost[0])
			continue;
		int hit = -1, hits = 0;
		for (int r = 0; r < pe->nrow; r++) {
			const char *tot = gk_table_get(pe, r, "total"), *nm = gk_table_get(pe, r, "project_name");
			if (*nm && strcmp(nm, "合计") && *tot && gk_dec_eq(tot, b[q].cost, 0))
				hits++, hit = r;
		}
		if (hits != 1)
			continue;
		b[q].named = 1;
		b[q].name = gk_strdup(gk_table_get(pe, hit, "project_name"));
		snprintf(b[q].mon[0], sizeof b[q].mon[0], "%s", gk_table_get(pe, hit, "total"));
		snprintf(b[q].mon[1], sizeof b[q].mon[1], "%s", gk_table_get(pe, hit, "general_budget"));
	}
	static const char *mkeys[] = {"total", "government", "special_account", "unit_funds"};
	for (int q = 0; q < nb; q++)
		for (int r = b[q].first; r < b[q].last; r++) {
			gk_table_set(t, r, gk_table_col(t, "project_code"), b[q].code);
			gk_table_set(t, r, gk_table_col(t, "project_name"), b[q].name ? b[q].name : "");
			for (int m = 0; m < 4; m++)
				gk_table_set(t, r, gk_table_col(t, mkeys[m]), b[q].mon[m]);
		}
}

/* The pairs table (TAB text, or the logical rows of a PDF): one block per
 * project.  A block starts where a category prints again that the line
 * above did not print (each category's indicators are listed from the
 * project's first line down, so within a project they only drop out); a
 * project code printed inside a block that has its code already is the
 * next block's. */
static void pperf_pairs_table(nctx *c, const tspan *sp, gk_table *t, int hl, pleaf *lf)
{
	if (lf->npair > 8)
		lf->npair = 8;
	const char *pcat[8] = {0};
	pperf_categories(c, hl, lf->npair, pcat);
	pblk *b = NULL;
	pinfo *pi = NULL;
	int nb = 0, npi = 0, last_row = -1;
	unsigned prev = 0;
	char pending[64] = "";
	for (int i = hl + 1; i < sp->end; i++) {
		const xline *x = &c->x[i];
		if (x->skip || !x->l->ncell)
			continue;
		if (rule_any(c, "table-end", x->compact))
			break;
		if (strstr(x->compact, "三级指标") && strstr(x->compact, "指标值"))
			continue; /* the header again, on the next page */
		int rel[64];
		const char *txt[64];
		pline pl;
		int ni = pperf_cells(lf, x->l, &pl, rel, txt);
		if (pl.unit && !ni) { /* a unit's line: not a project */
			free(pl.name);
			continue;
		}
		unsigned cats = 0;
		for (int q = 0; q < ni; q++) {
			int k = (rel[q] + 1) / 2;
			cats |= 1u << (k < lf->npair ? k : lf->npair - 1);
		}
		int fresh = cats && (!nb || (cats & ~prev));
		if (!nb && !cats && (pl.code[0] || pl.name))
			fresh = 1; /* the project's line, printed above its pairs */
		if (fresh) {
			if (nb)
				b[nb - 1].last = t->nrow;
			b = gk_realloc(b, sizeof *b * (size_t)(nb + 1));
			memset(&b[nb], 0, sizeof *b);
			b[nb].first = t->nrow;
			snprintf(b[nb].code, sizeof b[nb].code, "%s", pending);
			pending[0] = 0;
			nb++;
			last_row = -1;
		}
		if (pl.code[0]) {
			if (nb && (fresh || (!b[nb - 1].code[0] && t->nrow == b[nb - 1].first)))
				snprintf(b[nb - 1].code, sizeof b[nb - 1].code, "%s", pl.code);
			else
				snprintf(pending, sizeof pending, "%s", pl.code);
		}
		if (pl.name && !pl.nmon && !pl.code[0] && npi && pi[npi - 1].blk == nb - 1 && pi[npi - 1].name) {
			char *nn = gk_strfmt("%s%s", pi[npi - 1].name, pl.name); /* a name wrapped below its line */
			free(pi[npi - 1].name);
			pi[npi - 1].name = nn;
			free(pl.name);
		} else if (pl.name || pl.nmon) {
			pi = gk_realloc(pi, sizeof *pi * (size_t)(npi + 1));
			pi[npi].blk = nb - 1;
			pi[npi].name = pl.name;
			memcpy(pi[npi].mon, pl.mon, sizeof pi[npi].mon);
			npi++;
		} else {
			free(pl.name);
		}
		if (nb) {
			int from = t->nrow;
			pperf_pairs(t, lf, pcat, &last_row, rel, txt, ni);
			rows_source(c, t, from, i, i);
		}
		if (cats)
			prev = cats;
	}
	if (nb)
		b[nb - 1].last = t->nrow;
	/* each block's cost bound */
	for (int q = 0; q < nb; q++)
		for (int r = b[q].first; r < b[q].last && !b[q].cost[0]; r++)
			if (!strcmp(gk_table_get(t, r, "category"), "成本指标"))
				cost_bound(gk_table_get(t, r, "target"), b[q].cost);
	pperf_place_names(c, t, b, nb, pi, npi);
	for (int q = 0; q < nb; q++)
		free(b[q].name);
	for (int k = 0; k < npi; k++)
		free(pi[k].name);
	free(b);
	free(pi);
}

/* Does the span print its indicators as (三级指标, 指标值) pairs side by
 * side, one pair per category (the seeds' 部门预算项目绩效目标汇总表)? */
static int pairs_layout(const nctx *c, const tspan *sp)
{
	for (int i = sp->begin; i < sp->end; i++) {
		const char *p = strstr(c->x[i].compact, "三级指标");
		if (p && strstr(p + 1, "三级指标"))
			return 1;
	}
	return 0;
}

void parse_pperf(nctx *c, const tspan *sp, gk_table *t)
{
	if (sp->title >= 0 && body_geom(c, sp->begin, sp->end) == GK_GEOM_POS && !pairs_layout(c, sp)) {
		pperf_blocks(c, sp, t); /* one block per project, or projects as rows of a grid */
		return;
	}
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
	pperf_pairs_table(c, sp, t, hl, &lf);
}
