/*
 * summary.c - the two-sided summaries (revenue_expenditure_summary and
 * fiscal_appropriation_summary): each line split into its income and
 * expenditure sides (TAB field, x position, or in flow text the
 * income-item/expense-item rules), 行次 and 序号 numbers and page numbers
 * dropped, and the fiscal summary's expenditure columns placed by the
 * solver.  A positioned summary may print its expenditure in several
 * blocks side by side (by function | by economic class | by government
 * economic class, each a label column and its amounts): the blocks are
 * where a label column starts after an amount column, and each is
 * written after the other, as the page reads them top to bottom.
 *
 * Entry points: parse_summary_plain, parse_summary_fiscal.
 */
#include "nctx.h"

#include <stdlib.h>
#include <string.h>

typedef struct side_row {
	int block;       /* 0: income; 1, 2, ...: the expenditure blocks */
	int line;        /* the line it was printed on */
	double yc;       /* that line's vertical centre */
	char *item;
	prow nums;
} side_row;

#define MAXBLOCK 8

/* A summary being read. */
typedef struct stab {
	int first;       /* the first data line */
	int shift;       /* the table's unit -> 万元 */
	gk_geom geom;
	int split_idx;   /* TAB: field index where the expenditure side starts */
	double split_x;  /* POS: x where it starts, by the header */
	double bx[MAXBLOCK - 1]; /* POS: x where block k + 1 starts */
	int nbx;
	gk_buf ht;       /* the header words */
	int hangci;      /* the lines carry 行次 (or 序号) numbers */
	int hidx[8];     /* TAB: field indices of the 行次 columns */
	int nhidx;
	double hx[8][2]; /* POS: x ranges of the 序号 columns */
	int nhx;
	int hl[64];      /* the header's lines, top to bottom */
	int nhl;
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
	memcpy(st->hl, hl, sizeof hl);
	st->nhl = nhl;
	if (st->shift == GK_UNIT_NONE)
		st->shift = c->unit_seen ? c->unit_shift : 0;
}

/* A number token printed in a 行次 or 序号 column: not an amount. */
static int in_number_column(const stab *st, const tok *t)
{
	for (int q = 0; q < st->nhx; q++)
		if (t->x1 > st->hx[q][0] - 2 && t->x0 < st->hx[q][1] + 2 && is_digits(t->text, 1, 3))
			return 1;
	return 0;
}

/* A page number: a line of one plain integer, the last of its page, no
 * greater than the page's own number (a figure the page counts up to). */
static int page_number(const nctx *c, const tspan *sp, int i, const tok *tk, int n)
{
	const gk_line *l = c->x[i].l;
	if (n != 1 || !tk[0].isnum || !tok_is_plain_int(&tk[0]) || !is_digits(tk[0].num, 1, 4))
		return 0;
	int v = 0;
	for (const char *p = tk[0].num; *p; p++)
		v = v * 10 + (*p - '0');
	if (v > l->page)
		return 0;
	for (int k = i + 1; k < sp->end && c->x[k].l->page == l->page; k++)
		if (!c->x[k].skip && c->x[k].l->ncell)
			return 0;
	return 1;
}

/* Where the table ends: a table-end line, or the title of the next table
 * (a heading printed before the next page's title). */
static int summary_end(const nctx *c, int i)
{
	return rule_any(c, "table-end", c->x[i].compact) || (!line_has_amount(c, i) && title_of(c, &c->x[i]));
}

static int cmp_range(const void *a, const void *b)
{
	const double *x = a, *y = b;
	return x[0] < y[0] ? -1 : x[0] > y[0];
}

/* Positioned: headers are often centred over wide columns, so where the
 * blocks start is read off the rows.  The amounts make columns (x-overlap
 * clusters); a block starts where labels are printed between one amount
 * column and the next, just left of the leftmost of them. */
static void blocks_from_rows(const nctx *c, const tspan *sp, stab *st)
{
	int cap = 256, na = 0, nl = 0;
	double(*am)[2] = gk_malloc(sizeof *am * (size_t)cap);
	double *lx = gk_malloc(sizeof *lx * (size_t)cap);
	for (int i = st->first; i < sp->end; i++) {
		if (c->x[i].skip)
			continue;
		if (summary_end(c, i))
			break;
		tok tk[256];
		int n = tokens_of(c->x[i].l, tk, 256);
		for (int j = 0; j < n && !page_number(c, sp, i, tk, n); j++) {
			if (in_number_column(st, &tk[j]))
				continue;
			if (na == cap || nl == cap) {
				cap *= 2;
				am = gk_realloc(am, sizeof *am * (size_t)cap);
				lx = gk_realloc(lx, sizeof *lx * (size_t)cap);
			}
			if (tk[j].isnum)
				am[na][0] = tk[j].x0, am[na++][1] = tk[j].x1;
			else
				lx[nl++] = tk[j].x0;
		}
	}
	qsort(am, (size_t)na, sizeof *am, cmp_range);
	for (int a = 0; a < na && st->nbx < MAXBLOCK - 1;) {
		double reach = am[a][1];
		int b = a + 1;
		for (; b < na && am[b][0] <= reach; b++)
			if (am[b][1] > reach)
				reach = am[b][1];
		if (b == na)
			break;
		/* labels between this column and the next */
		double lmin = 1e18;
		for (int k = 0; k < nl; k++)
			if (lx[k] > reach - 1 && lx[k] < am[b][0] && lx[k] < lmin)
				lmin = lx[k];
		if (lmin < 1e17)
			st->bx[st->nbx++] = lmin - 1;
		a = b;
	}
	free(am);
	free(lx);
}

/* 决算 summaries number their lines in 行次 columns (positioned input
 * drops them with the row rebuilding), some budgets in a 序号 column:
 * TAB fields under such a header, in positioned input the x range of
 * its 序号 cells, or in flow text a small plain integer right after a
 * label. */
static int number_header(const char *cp)
{
	return !strcmp(cp, "行次") || !strcmp(cp, "序号");
}

static void hangci_fields(const nctx *c, const tspan *sp, stab *st)
{
	st->hangci = st->ht.s && (strstr(st->ht.s, "行次") || strstr(st->ht.s, "序号"));
	for (int i = sp->begin; st->hangci && i < st->first; i++) {
		const gk_line *l = c->x[i].l;
		for (int j = 0; j < l->ncell; j++) {
			char *cp = compact_of(l->cell[j].text);
			if (number_header(cp) && st->geom == GK_GEOM_TAB && st->nhidx < 8)
				st->hidx[st->nhidx++] = (int)l->cell[j].x0;
			else if (!strcmp(cp, "序号") && st->geom == GK_GEOM_POS && st->nhx < 8)
				st->hx[st->nhx][0] = l->cell[j].x0, st->hx[st->nhx++][1] = l->cell[j].x1;
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
		else if (st->geom == GK_GEOM_POS)
			drop = in_number_column(st, &tk[j]);
		else
			drop = j == 0 || !tk[j - 1].isnum || !tk[j - 1].num[0];
		if (drop)
			tk[j].num[0] = 0;
	}
}

/* POS: the block of a token at x0 (0 for the income side). */
static int pos_block(const stab *st, double x0)
{
	int k = 0;
	while (k < st->nbx && x0 >= st->bx[k])
		k++;
	return k;
}

/* Tokens [a, b) are a total's label with no amount yet (summary-total
 * rules). */
static int spanning_total(const nctx *c, const tok *tk, int a, int b)
{
	gk_buf lb = {0};
	for (int j = a; j < b; j++) {
		if (tk[j].isnum && tk[j].num[0]) {
			gk_buf_drop(&lb);
			return 0;
		}
		if (!tk[j].isnum)
			gk_buf_adds(&lb, tk[j].text);
	}
	char *cp = compact_of(lb.s ? lb.s : "");
	int r = *cp && rule_any(c, "summary-total", cp);
	free(cp);
	gk_buf_drop(&lb);
	return r;
}

/* A line split into (label, numbers) groups: a label after numbers, an
 * ordinal label in flow text, a side's or block's start.  Returns the
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
		/* (a total printed across the blocks: its label in one, its
		 * amount under a later block's column, one group) */
		if (!newgroup && st->geom == GK_GEOM_POS && pos_block(st, tk[j].x0) != pos_block(st, tk[j - 1].x0) &&
		    (!tk[j].isnum || !spanning_total(c, tk, gn ? gstart[gn - 1] : 0, j)))
			newgroup = 1;
		if (newgroup)
			gstart[gn++] = j;
	}
	return gn;
}

/* The block of group g (tokens [a, b)) of gn: by field or x when known;
 * in flow text the second group of a line, or for a line of one group
 * what its label names (income-item, expense-item rules). */
static int group_block(const nctx *c, const stab *st, const tok *tk, int a, int b, int g, int gn)
{
	if (st->geom == GK_GEOM_TAB)
		return tk[a].idx >= st->split_idx;
	if (st->geom == GK_GEOM_POS && st->nbx)
		return pos_block(st, tk[a].x0);
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

/* The groups of data line i appended to st->sr: each its block, its
 * label and its numbers (a group of numbers alone joins the label of its
 * block on the line before). */
static void summary_line(const nctx *c, const tspan *sp, int i, stab *st)
{
	tok tk[256];
	int n = tokens_of(c->x[i].l, tk, 256);
	drop_hangci(st, tk, n);
	if (!n || page_number(c, sp, i, tk, n))
		return;
	int gstart[8], gn = line_groups(c, st, tk, n, gstart);
	side_row *sr = st->sr;
	for (int g = 0; g < gn; g++) {
		int a = gstart[g], b = g + 1 < gn ? gstart[g + 1] : n;
		side_row *s = &sr[st->ns++];
		s->nums.line0 = s->nums.line1 = i;
		s->block = group_block(c, st, tk, a, b, g, gn);
		s->line = i;
		s->yc = (c->x[i].l->y0 + c->x[i].l->y1) / 2;
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
		if (st->ns >= st->srcap - 2)
			break;
	}
}

/* The label-only group of block blk nearest to group i in direction dir
 * (-1 up, 1 down): no group of that block between, at most two lines
 * away.  Returns its index or -1. */
static int label_near(const stab *st, int i, int dir)
{
	const side_row *sr = st->sr;
	for (int k = i + dir; k >= 0 && k < st->ns; k += dir) {
		if (sr[k].line - sr[i].line > 2 || sr[i].line - sr[k].line > 2)
			return -1;
		if (sr[k].block != sr[i].block || sr[k].line == sr[i].line)
			continue;
		return *sr[k].item && !sr[k].nums.nnum ? k : -1;
	}
	return -1;
}

/* Numbers printed on a line without their label: the label is on the
 * line above (a wrapped label, its numbers on its last line) or, in
 * positioned text, below (boxes of broken font metrics put a row's
 * numbers above its text).  They join the nearer label-only group of
 * their block, the one above when both are as near. */
static void join_label_less(stab *st)
{
	side_row *sr = st->sr;
	for (int i = 0; i < st->ns; i++) {
		if (*sr[i].item || !sr[i].nums.nnum)
			continue;
		int up = label_near(st, i, -1), down = st->geom == GK_GEOM_POS ? label_near(st, i, 1) : -1;
		if (up >= 0 && down >= 0) {
			double du = sr[i].yc - sr[up].yc, dd = sr[down].yc - sr[i].yc;
			if (dd < du)
				up = -1;
			else
				down = -1;
		}
		int k = up >= 0 ? up : down;
		if (k < 0)
			continue;
		/* the row was printed from the label's line to the numbers' */
		int l0 = sr[k].line < sr[i].line ? sr[k].line : sr[i].line;
		int l1 = sr[k].line < sr[i].line ? sr[i].line : sr[k].line;
		sr[k].nums = sr[i].nums;
		sr[k].nums.line0 = l0, sr[k].nums.line1 = l1;
		free(sr[i].item);
		memmove(&sr[i], &sr[i + 1], sizeof *sr * (size_t)(st->ns - i - 1));
		st->ns--;
		i--;
	}
}

/* The fiscal summary's expenditure lines of block blk: their numbers
 * placed by the solver over the columns the header names. */
static void place_fiscal(nctx *c, const tspan *sp, stab *st, const solver_family *sf, int blk)
{
	side_row *sr = st->sr;
	int ns = st->ns;
	prow *rows = gk_calloc((size_t)(ns ? ns : 1), sizeof *rows);
	int *leaf = gk_calloc((size_t)(ns ? ns : 1), sizeof(int));
	int nr = 0, map[512];
	for (int i = 0; i < ns; i++)
		if (sr[i].block == blk) {
			map[nr] = i;
			rows[nr] = sr[i].nums;
			snprintf(rows[nr].label, sizeof rows[nr].label, "%s", sr[i].item ? sr[i].item : "");
			nr++;
		}
	if (!nr) {
		free(rows);
		free(leaf);
		return;
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

/* The value of key k's figure on row p (-1 when it prints none). */
static int fiscal_value(const solver_family *sf, const prow *p, const char *key, long long *v, int *sc)
{
	for (int j = 0; j < p->nnum; j++) {
		int a = p->assign[j];
		if (a >= 0 && a < sf->nkey && !strcmp(sf->key[a], key) && gk_dec_parse(p->num[j], v, sc))
			return 1;
	}
	return 0;
}

/* Does row p, as placed, break the fiscal summary's identities: total =
 * 一般公共预算 + 政府性基金 + 国有资本 (judged when the total and a part are
 * printed), 其中：财政拨款 <= 一般公共预算? */
static int fiscal_broken(const solver_family *sf, const prow *p)
{
	static const char *const PARTS[] = {"general_budget", "government_fund", "state_capital"};
	long long t, sum = 0;
	int ts, any = 0, scale = 6;
	if (fiscal_value(sf, p, "total", &t, &ts)) {
		long long part[3];
		int psc[3], has[3];
		for (int k = 0; k < 3; k++)
			if ((has[k] = fiscal_value(sf, p, PARTS[k], &part[k], &psc[k])))
				any = 1;
		for (int k = 0; k < 3 && any; k++)
			if (has[k]) {
				long long x = part[k];
				for (int d = psc[k]; d < scale; d++)
					x *= 10;
				sum += x;
			}
		for (int d = ts; d < scale && any; d++)
			t *= 10;
		if (any && llabs(t - sum) > 10000) /* (a hundredth, at scale 6) */
			return 1;
	}
	long long g, a;
	int gs, as;
	if (fiscal_value(sf, p, "general_budget", &g, &gs) && fiscal_value(sf, p, "general_budget_appropriation", &a, &as)) {
		for (; gs < as; gs++)
			g *= 10;
		for (; as < gs; as++)
			a *= 10;
		if (a > g)
			return 1;
	}
	return 0;
}

/* The expenditure rows of the blocks broken as placed. */
static int fiscal_broken_rows(const stab *st, const solver_family *sf)
{
	int n = 0;
	for (int i = 0; i < st->ns; i++)
		n += st->sr[i].block > 0 && fiscal_broken(sf, &st->sr[i].nums);
	return n;
}

/* An OCR'd fiscal summary whose header words for some columns were
 * garbled (其中：财政拨款 misread 红咱。风下 under 一般公共预算, 国有资本经营
 * 预算 misread 呈呈人全全呈): the header names fewer columns than the page
 * prints, and the solver puts their figures under the next column it
 * knows (财政拨款's 1,352.27 under 政府性基金, total = 一般公共预算 +
 * 政府性基金 broken on every row).  The rows are placed again over all
 * the summary's columns, and that placement is taken when it breaks the
 * identities on fewer rows, mending at least two, each key it adds a
 * corrected ocr:columns check.  Nothing is done on a text layer. */
static void fiscal_unnamed_keys(nctx *c, const tspan *sp, stab *st, solver_family *sf, int nblock)
{
	if (st->first >= sp->end || !ocr_page(c, c->x[st->first].l->page))
		return;
	solver_family all = {.name = "fiscal"}; /* the contract's columns, in its order */
	int n;
	const gk_rule *const *cols = gk_rules_of(c->rules, "column", &n); /* owned by the rules */
	for (int r = 0; r < n && all.nkey < 32; r++)
		if (!strncmp(cols[r]->name, "fiscal:", 7))
			all.key[all.nkey++] = cols[r]->name + 7;
	if (all.nkey < 1 || strcmp(all.key[0], "total"))
		return;
	if (all.nkey <= sf->nkey)
		return;
	int before = fiscal_broken_rows(st, sf);
	if (before < 2)
		return;
	prow *was = gk_malloc(sizeof *was * (size_t)(st->ns ? st->ns : 1));
	for (int i = 0; i < st->ns; i++)
		was[i] = st->sr[i].nums;
	for (int b = 1; b < nblock; b++)
		place_fiscal(c, sp, st, &all, b);
	int after = fiscal_broken_rows(st, &all), mended = 0;
	for (int i = 0; i < st->ns; i++)
		mended += st->sr[i].block > 0 && fiscal_broken(sf, &was[i]) && !fiscal_broken(&all, &st->sr[i].nums);
	if (getenv("GK_DEBUG"))
		fprintf(stderr, "%s: fiscal rows broken %d as named, %d over all columns (%d mended)\n", sp->id, before, after,
		        mended);
	if (after >= before || mended < 2) {
		for (int i = 0; i < st->ns; i++)
			st->sr[i].nums = was[i];
		free(was);
		return;
	}
	for (int k = 0; k < all.nkey; k++) {
		int named = 0, used = 0;
		for (int q = 0; q < sf->nkey; q++)
			named |= !strcmp(sf->key[q], all.key[k]);
		for (int i = 0; i < st->ns && !named && !used; i++)
			for (int j = 0; j < st->sr[i].nums.nnum; j++)
				used |= st->sr[i].block > 0 && st->sr[i].nums.assign[j] == k;
		if (used)
			gk_result_add_check(c->r, sp->id, "ocr:columns", "", all.key[k],
			                    "a column the header words name no more: placed by the identities", "corrected");
	}
	*sf = all;
	free(was);
}

/* POS: the x_ column of a further figure of a plain summary's line (a
 * 上海 收支总表 prints 合计 | 基本支出: 人员经费, 公用经费 | 项目支出 on its
 * expenditure side; the first figure is the amount): named by the header
 * words over the figure, from the lowest header line up to the first
 * word that is not generic (小计 alone is 基本支出小计).  NULL where no
 * header word is over it. */
static char *summary_xname(const nctx *c, const stab *st, double x0, double x1)
{
	gk_buf w = {0};
	for (int h = st->nhl - 1; h >= 0; h--) {
		const gk_line *l = c->x[st->hl[h]].l;
		int best = -1;
		double ov = 1;
		for (int j = 0; j < l->ncell; j++) {
			double o = (l->cell[j].x1 < x1 ? l->cell[j].x1 : x1) - (l->cell[j].x0 > x0 ? l->cell[j].x0 : x0);
			if (o > ov)
				ov = o, best = j;
		}
		if (best < 0)
			continue;
		char *cp = compact_of(l->cell[best].text);
		char *both = gk_strfmt("%s%s", cp, w.s ? w.s : "");
		int generic = rule_any(c, "generic-header", cp);
		free(cp);
		gk_buf_reset(&w);
		gk_buf_adds(&w, both);
		free(both);
		if (!generic)
			break;
	}
	char *name = w.len ? gk_strfmt("x_%s", w.s) : NULL;
	gk_buf_drop(&w);
	return name;
}

/* Figure j of a plain summary's line kept under its x_ column (not
 * over a figure already there: a header that names two columns alike). */
static void put_extra(const nctx *c, const stab *st, gk_table *t, int ri, const prow *p, int j)
{
	char *name = summary_xname(c, st, p->nx0[j], p->nx1[j]);
	if (!name)
		return;
	int col = gk_table_col(t, name);
	if (col < 0)
		col = gk_table_add_col(t, name);
	if (!*gk_table_get(t, ri, name))
		put_amount(t, ri, col, p->num[j], st->shift);
	free(name);
}

static void parse_summary(nctx *c, const tspan *sp, gk_table *t, int fiscal)
{
	stab st = {0};
	summary_head(c, sp, &st);
	st.geom = body_geom(c, st.first, sp->end);
	if (st.geom == GK_GEOM_TAB && st.split_idx < 0)
		st.split_idx = 2;
	hangci_fields(c, sp, &st);
	if (st.geom == GK_GEOM_POS) {
		/* a page with no labels after an amount column (a continued
		 * page printing one side only) keeps the blocks of the page
		 * before, else the header's split */
		blocks_from_rows(c, sp, &st);
		if (st.nbx) {
			c->sum_table = t, c->sum_nbx = st.nbx;
			memcpy(c->sum_bx, st.bx, sizeof st.bx);
		} else if (c->sum_table == t && c->sum_nbx) {
			st.nbx = c->sum_nbx;
			memcpy(st.bx, c->sum_bx, sizeof st.bx);
		} else if (st.split_x > 0) {
			st.bx[st.nbx++] = st.split_x - 4;
		}
	}
	/* at most 8 groups a line (a side_row holds a prow: not small) */
	st.srcap = (sp->end - st.first) * 8 + 8;
	if (st.srcap > 512)
		st.srcap = 512;
	st.sr = gk_calloc((size_t)st.srcap, sizeof *st.sr);
	for (int i = st.first; i < sp->end && st.ns < st.srcap - 2; i++) {
		if (c->x[i].skip)
			continue;
		if (summary_end(c, i))
			break;
		summary_line(c, sp, i, &st);
	}
	join_label_less(&st);
	/* fiscal: the expenditure side's numbers go through the solver, block
	 * by block; elsewhere a line's first number is its amount */
	solver_family sf;
	int nblock = st.geom == GK_GEOM_POS && st.nbx ? st.nbx + 1 : 2;
	if (fiscal) {
		family_from_header(c, "fiscal", st.ht.s ? st.ht.s : "", &sf);
		for (int b = 1; b < nblock; b++)
			place_fiscal(c, sp, &st, &sf, b);
		fiscal_unnamed_keys(c, sp, &st, &sf, nblock);
	} else {
		sf = (solver_family){.name = "summary", .nkey = 1, .key = {"amount"}};
	}
	side_row *sr = st.sr;
	for (int i = 0; i < st.ns; i++)
		if (!fiscal || !sr[i].block) /* income lines, and every line of the plain summary */
			for (int j = 0; j < sr[i].nums.nnum; j++)
				sr[i].nums.assign[j] = j == 0 ? 0 : -1;
	for (int b = 0; b < nblock; b++) /* the income side first, then each block */
		for (int i = 0; i < st.ns; i++) {
			if (sr[i].block != b)
				continue;
			int ri = table_row(c, t, sr[i].nums.line0, sr[i].nums.line1);
			gk_table_set(t, ri, gk_table_col(t, "side"), b ? "支出" : "收入");
			gk_table_set(t, ri, gk_table_col(t, "item"), sr[i].item);
			for (int j = 0; j < sr[i].nums.nnum; j++) {
				int a = sr[i].nums.assign[j];
				if (a >= 0 && a < sf.nkey)
					put_amount(t, ri, gk_table_col(t, sf.key[a]), sr[i].nums.num[j], st.shift);
				else if (!fiscal && j > 0 && st.geom == GK_GEOM_POS)
					put_extra(c, &st, t, ri, &sr[i].nums, j);
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
