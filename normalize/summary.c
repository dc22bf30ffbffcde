/*
 * summary.c - the two-sided summaries (revenue_expenditure_summary and
 * fiscal_appropriation_summary): each line split into its income and
 * expenditure sides (TAB field, x position, or in flow text the
 * income-item/expense-item rules), 行次 numbers dropped, and the fiscal
 * summary's expenditure columns placed by the solver.
 *
 * Entry points: parse_summary_plain, parse_summary_fiscal.
 */
#include "nctx.h"

#include <stdlib.h>
#include <string.h>

typedef struct side_row {
	int right;
	char *item;
	prow nums;
} side_row;

/* A summary being read. */
typedef struct stab {
	int first;       /* the first data line */
	int shift;       /* the table's unit -> 万元 */
	gk_geom geom;
	int split_idx;   /* TAB: field index where the expenditure side starts */
	double split_x;  /* POS: x where it starts */
	gk_buf ht;       /* the header words */
	int hangci;      /* the lines carry 行次 numbers */
	int hidx[8];     /* TAB: field indices of the 行次 columns */
	int nhidx;
	side_row *sr;    /* the (label, numbers) groups of the lines, in order */
	int ns, srcap;
} stab;

/* The head: unit and department lines, the header words, and where the
 * header's second 项目 (or its 支出) cell says the right side starts.
 * The first data line is one with an amount or an ordinal label. */
static void summary_head(nctx *c, const tspan *sp, stab *st)
{
	int hl[64] = {0}, nhl = 0;
	st->shift = GK_UNIT_NONE;
	st->first = sp->end;
	st->split_idx = -1;
	st->split_x = -1;
	for (int i = sp->begin; i < sp->end; i++) {
		const xline *x = &c->x[i];
		if (x->skip)
			continue;
		if (rule_any(c, "unit", x->compact) || rule_any(c, "dept", x->compact) || strstr(x->compact, "单位：")) {
			head_meta(c, x, &st->shift);
			continue;
		}
		tok tk[256];
		int n = tokens_of(x->l, tk, 256);
		char *f0 = n ? compact_of(tk[0].text) : gk_strdup("");
		int data = line_has_amount(c, i) || (n && is_ordinal_label(f0) && !rule_any(c, "header", f0));
		free(f0);
		if (data) {
			st->first = i;
			break;
		}
		gk_buf_adds(&st->ht, x->compact);
		if (nhl < 64)
			hl[nhl++] = i;
		/* the right side starts at the second "项目" cell */
		int seen = 0;
		for (int j = 0; j < n; j++) {
			char *cp = compact_of(tk[j].text);
			if (!strncmp(cp, "项目", 6) || !strcmp(cp, "支出") || !strncmp(cp, "支出项目", 12)) {
				if ((!strcmp(cp, "支出") && st->split_x < 0) || seen) {
					st->split_idx = tk[j].idx;
					st->split_x = tk[j].x0;
				}
				seen++;
			}
			free(cp);
		}
	}
	add_head_by_column(c, hl, nhl, &st->ht);
	if (st->shift == GK_UNIT_NONE)
		st->shift = c->unit_seen ? c->unit_shift : 0;
}

/* Positioned: headers are often centred over wide columns, so where the
 * right side starts is better read off the rows, as the leftmost label
 * printed after an amount. */
static void split_from_rows(const nctx *c, const tspan *sp, stab *st)
{
	double dx = 1e18;
	for (int i = st->first; i < sp->end; i++) {
		if (c->x[i].skip || rule_any(c, "table-end", c->x[i].compact))
			continue;
		tok tk[256];
		int n = tokens_of(c->x[i].l, tk, 256);
		int seen_num = 0;
		for (int j = 0; j < n; j++) {
			if (tk[j].isnum)
				seen_num = 1;
			else if (seen_num && tk[j].x0 < dx)
				dx = tk[j].x0;
		}
	}
	if (dx < 1e17)
		st->split_x = dx;
}

/* 决算 summaries number their lines in 行次 columns (positioned input
 * drops them with the row rebuilding): TAB fields under a 行次 header,
 * or in flow text a small plain integer right after a label. */
static void hangci_fields(const nctx *c, const tspan *sp, stab *st)
{
	st->hangci = st->ht.s && strstr(st->ht.s, "行次") && st->geom != GK_GEOM_POS;
	for (int i = sp->begin; st->hangci && st->geom == GK_GEOM_TAB && i < st->first; i++) {
		const gk_line *l = c->x[i].l;
		for (int j = 0; j < l->ncell && st->nhidx < 8; j++) {
			char *cp = compact_of(l->cell[j].text);
			if (!strcmp(cp, "行次"))
				st->hidx[st->nhidx++] = (int)l->cell[j].x0;
			free(cp);
		}
	}
}

/* A 行次 number stays a token (in flow text it still ends its side's
 * label) but carries no amount: num[0] = 0. */
static void drop_hangci(const stab *st, tok *tk, int n)
{
	for (int j = 0; st->hangci && j < n; j++) {
		if (!tk[j].isnum || !is_digits(tk[j].text, 1, 3))
			continue;
		int drop = 0;
		if (st->geom == GK_GEOM_TAB)
			for (int q = 0; q < st->nhidx; q++)
				drop |= tk[j].idx == st->hidx[q];
		else
			drop = j == 0 || !tk[j - 1].isnum || !tk[j - 1].num[0];
		if (drop)
			tk[j].num[0] = 0;
	}
}

/* A line split into (label, numbers) groups: a label after numbers, an
 * ordinal label in flow text, the right side's start.  Returns the
 * count (at most 8), their first tokens in gstart. */
static int line_groups(const nctx *c, const stab *st, const tok *tk, int n, int gstart[8])
{
	int gn = 0;
	for (int j = 0; j < n && gn < 8; j++) {
		int newgroup = j == 0;
		if (!newgroup && !tk[j].isnum && tk[j - 1].isnum)
			newgroup = 1;
		if (!newgroup && st->geom == GK_GEOM_FLOW && !tk[j].isnum && !tk[j - 1].isnum &&
		    is_ordinal_label(tk[j].text) && !rule_any(c, "header", tk[j].text))
			newgroup = 1;
		if (!newgroup && st->geom == GK_GEOM_TAB && tk[j].idx >= st->split_idx && tk[j - 1].idx < st->split_idx)
			newgroup = 1;
		if (!newgroup && st->geom == GK_GEOM_POS && st->split_x > 0 && tk[j].x0 >= st->split_x - 4 &&
		    tk[j - 1].x0 < st->split_x - 4)
			newgroup = 1;
		if (newgroup)
			gstart[gn++] = j;
	}
	return gn;
}

/* The side of group g (tokens [a, b)) of gn: by field or x when known;
 * in flow text the second group of a line, or for a line of one group
 * what its label names (income-item, expense-item rules). */
static int group_side(const nctx *c, const stab *st, const tok *tk, int a, int b, int g, int gn)
{
	if (st->geom == GK_GEOM_TAB)
		return tk[a].idx >= st->split_idx;
	if (st->geom == GK_GEOM_POS && st->split_x > 0)
		return tk[a].x0 >= st->split_x - 4;
	if (gn >= 2)
		return g > 0;
	gk_buf lb = {0};
	for (int j = a; j < b; j++)
		if (!tk[j].isnum)
			gk_buf_adds(&lb, tk[j].text);
	char *cp = compact_of(lb.s ? lb.s : "");
	int inc = rule_any(c, "income-item", cp), exp = rule_any(c, "expense-item", cp);
	free(cp);
	gk_buf_drop(&lb);
	return exp || !inc;
}

/* The groups of data line i appended to st->sr: each its side, its label
 * and its numbers (a group of numbers alone joins the label of its side
 * on the line before). */
static void summary_line(const nctx *c, int i, stab *st)
{
	tok tk[256];
	int n = tokens_of(c->x[i].l, tk, 256);
	drop_hangci(st, tk, n);
	if (!n)
		return;
	int gstart[8], gn = line_groups(c, st, tk, n, gstart);
	side_row *sr = st->sr;
	for (int g = 0; g < gn; g++) {
		int a = gstart[g], b = g + 1 < gn ? gstart[g + 1] : n;
		int right = group_side(c, st, tk, a, b, g, gn);
		side_row *s = &sr[st->ns++];
		s->right = right;
		s->nums.line0 = s->nums.line1 = i;
		gk_buf lb = {0};
		for (int j = a; j < b; j++) {
			if (tk[j].isnum) {
				if (tk[j].num[0])
					prow_add_num(&s->nums, &tk[j]);
			} else {
				if (lb.len)
					gk_buf_addc(&lb, ' ');
				gk_buf_adds(&lb, tk[j].text);
			}
		}
		char *raw = gk_buf_take(&lb);
		s->item = gk_label_clean(raw);
		free(raw);
		if (!*s->item && !s->nums.nnum) { /* only a 行次: nothing printed */
			free(s->item);
			memset(s, 0, sizeof *s);
			st->ns--;
			continue;
		}
		if (!*s->item && s->nums.nnum && st->ns >= 2 && sr[st->ns - 2].right == s->right &&
		    !sr[st->ns - 2].nums.nnum) {
			/* numbers on the line after their label */
			int l0 = sr[st->ns - 2].nums.line0;
			sr[st->ns - 2].nums = s->nums;
			sr[st->ns - 2].nums.line0 = l0;
			free(s->item);
			memset(s, 0, sizeof *s);
			st->ns--;
		}
		if (st->ns >= st->srcap - 2)
			break;
	}
}

/* The fiscal summary's expenditure lines: their numbers placed by the
 * solver over the columns the header names. */
static void place_fiscal(nctx *c, const tspan *sp, stab *st, solver_family *sf)
{
	side_row *sr = st->sr;
	int ns = st->ns;
	family_from_header(c, "fiscal", st->ht.s ? st->ht.s : "", sf);
	prow *rows = gk_calloc((size_t)(ns ? ns : 1), sizeof *rows);
	int *leaf = gk_calloc((size_t)(ns ? ns : 1), sizeof(int));
	int nr = 0, map[512];
	for (int i = 0; i < ns; i++)
		if (sr[i].right) {
			map[nr] = i;
			rows[nr] = sr[i].nums;
			snprintf(rows[nr].label, sizeof rows[nr].label, "%s", sr[i].item ? sr[i].item : "");
			nr++;
		}
	if (st->geom == GK_GEOM_TAB)
		for (int i = 0; i < nr; i++)
			for (int j = 0; j < rows[i].nnum; j++)
				rows[i].slot[j] = rows[i].nidx[j] - st->split_idx - 1;
	else
		assign_slots(rows, nr, st->geom);
	gk_solve_rows(sf, rows, nr, st->geom, -1, leaf, NULL, c->r, sp->id);
	for (int i = 0; i < nr; i++)
		sr[map[i]].nums = rows[i];
	free(rows);
	free(leaf);
}

static void parse_summary(nctx *c, const tspan *sp, gk_table *t, int fiscal)
{
	stab st = {0};
	summary_head(c, sp, &st);
	st.geom = body_geom(c, st.first, sp->end);
	if (st.geom == GK_GEOM_TAB && st.split_idx < 0)
		st.split_idx = 2;
	if (st.geom == GK_GEOM_POS)
		split_from_rows(c, sp, &st);
	hangci_fields(c, sp, &st);
	/* at most 8 groups a line (a side_row holds a prow: not small) */
	st.srcap = (sp->end - st.first) * 8 + 8;
	if (st.srcap > 512)
		st.srcap = 512;
	st.sr = gk_calloc((size_t)st.srcap, sizeof *st.sr);
	for (int i = st.first; i < sp->end && st.ns < st.srcap - 2; i++) {
		if (c->x[i].skip)
			continue;
		if (rule_any(c, "table-end", c->x[i].compact))
			break;
		summary_line(c, i, &st);
	}
	/* fiscal: the right side's numbers go through the solver; elsewhere a
	 * line's first number is its amount */
	solver_family sf;
	if (fiscal)
		place_fiscal(c, sp, &st, &sf);
	else
		sf = (solver_family){.name = "summary", .nkey = 1, .key = {"amount"}};
	side_row *sr = st.sr;
	for (int i = 0; i < st.ns; i++)
		if (!fiscal || !sr[i].right) /* income lines, and every line of the plain summary */
			for (int j = 0; j < sr[i].nums.nnum; j++)
				sr[i].nums.assign[j] = j == 0 ? 0 : -1;
	for (int pass = 0; pass < 2; pass++) /* the income side first */
		for (int i = 0; i < st.ns; i++) {
			if (sr[i].right != pass)
				continue;
			int ri = table_row(c, t, sr[i].nums.line0, sr[i].nums.line1);
			gk_table_set(t, ri, gk_table_col(t, "side"), pass ? "支出" : "收入");
			gk_table_set(t, ri, gk_table_col(t, "item"), sr[i].item);
			for (int j = 0; j < sr[i].nums.nnum; j++) {
				int a = sr[i].nums.assign[j];
				if (a >= 0 && a < sf.nkey)
					put_amount(t, ri, gk_table_col(t, sf.key[a]), sr[i].nums.num[j], st.shift);
			}
		}
	for (int i = 0; i < st.ns; i++)
		free(sr[i].item);
	free(sr);
	gk_buf_drop(&st.ht);
}

void parse_summary_plain(nctx *c, const tspan *sp, gk_table *t)
{
	parse_summary(c, sp, t, 0);
}

void parse_summary_fiscal(nctx *c, const tspan *sp, gk_table *t)
{
	parse_summary(c, sp, t, 1);
}
