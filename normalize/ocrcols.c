/*
 * ocrcols.c - the columns of an OCR'd table put right by its arithmetic.
 *
 * When OCR garbles the header words over some columns, their figures
 * land in the wrong contract columns: under an x_<garbage> column of
 * their own, or in a neighbour's key (a 基本支出表 whose 合计 header was
 * unreadable: the 人员经费 figures under `total`, the totals under
 * x_…).  The figures themselves are right; only their columns are not,
 * and every row identity of the table (total = Σ parts) breaks the same
 * way on every row.
 *
 * For a table of a known shape (function tables, 基本支出表, 项目支出表):
 * each figure of its amount columns (the contract's and any x_ column)
 * is found among the doc cells of its row's lines, and the right edges
 * of those cells, clustered, are the page's columns.  A re-assignment is
 * a map of the page columns onto the shape's keys in the order a page
 * prints them (a chain: TABLES.md's order) that keeps their left-to-right
 * order; a page column of x_ figures only may also stay.  Such maps are
 * few (C(chain, page columns)), not every permutation.  Each map is
 * scored by the row identities it mends and, where the page's columns
 * make a grid, by how well the empty keys it leaves between two page
 * columns match the empty grid columns between them (a 资本性支出 column
 * printed without figures).  A map is applied only when
 *
 *   - the rows as read break (most rows, or the rows with x_ figures
 *     have some that do),
 *   - every row it changes holds under it (a quarter of them may stay
 *     broken where they were broken before: a figure misread or lost),
 *     and at least three rows that did not hold now hold,
 *   - and no other map does as well by arithmetic, grid and moves.
 *
 * Only the figures of x_ columns move: a figure the header reading put
 * under a key of the contract stays there, since arithmetic cannot tell
 * a table from itself shifted one level down its hierarchy (total = 基本
 * + 项目 and 基本 = 人员 + 公用 hold as well one column to the right; a
 * real budget's right columns were moved so).  Where no such map mends
 * a table most of whose rows break, the header reading itself misplaced
 * figures (an Excel printout's header words wrapped and printed over one
 * another), and a map may move every figure, on the same conditions.
 *
 * Where maps tie so, the header words the page prints break the tie
 * among the maps equal by arithmetic (header_tiebreak): a key it names
 * nowhere, or a group's 小计 under a key, loses.
 *
 * Otherwise, when most rows break (or most rows with x_ figures), the
 * table is flagged (its columns are doubtful) and left as read.  Each
 * key that received figures is a check
 * `ocr:columns`: row and expected the key, found the columns its figures
 * were read under, status "corrected"; a doubt has status "fail".
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "checks.h"
#include "norm.h"
#include "normalize.h"
#include "nctx.h"
#include "ocrfix.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAXK 20   /* keys of a shape */
#define MAXSRC 16 /* columns with figures a map places (a 收入表 prints up to 11 or more) */
#define MAXX 4    /* x_ columns tried */

/* whole = Σ parts, by key */
typedef struct rel {
	const char *whole;
	const char *parts[10];
} rel;

typedef struct shape {
	const char *ids[5];      /* table ids of this shape */
	const char *keys[MAXK];  /* every amount key the relations name */
	rel rels[6];             /* whole = Σ parts; value of a blank whole: Σ its parts */
	const char *chains[3][MAXK]; /* print orders tried */
	int x_only;              /* only x_ figures move: one whole of many like parts
	                          * (本年收入 = Σ its nine sources) holds whichever
	                          * part a misplaced figure is moved to */
	const char *fam;         /* rules family of its `column` and `column-canon` words */
} shape;

static const shape SHAPES[] = {
	{{"expenditure_by_function", "general_budget_expenditure", "government_fund_expenditure",
	  "state_capital_expenditure", NULL},
	 {"total", "basic_total", "basic_personnel", "basic_wages", "basic_family_subsidy", "basic_public",
	  "basic_goods_services", "basic_capital", "project_total", "project_operating", "project_specific", "reserve",
	  NULL},
	 {{"total", {"basic_total", "project_total", "reserve", NULL}},
	  {"basic_total", {"basic_personnel", "basic_public", NULL}},
	  {"basic_personnel", {"basic_wages", "basic_family_subsidy", NULL}},
	  {"basic_public", {"basic_goods_services", "basic_capital", NULL}},
	  {"project_total", {"project_operating", "project_specific", NULL}},
	  {NULL, {NULL}}},
	 {/* the parts printed, their subtotals not */
	  {"total", "basic_total", "basic_wages", "basic_family_subsidy", "basic_goods_services", "basic_capital",
	   "project_total", "project_operating", "project_specific", "reserve", NULL},
	  /* the subtotals printed, their parts not */
	  {"total", "basic_total", "basic_personnel", "basic_public", "project_total", "project_operating",
	   "project_specific", "reserve", NULL},
	  /* both */
	  {"total", "basic_total", "basic_personnel", "basic_wages", "basic_family_subsidy", "basic_public",
	   "basic_goods_services", "basic_capital", "project_total", "project_operating", "project_specific", "reserve",
	   NULL}},
	 0, "func"},
	{{"general_budget_basic_expenditure", NULL},
	 {"total", "personnel", "public", NULL},
	 {{"total", {"personnel", "public", NULL}}, {NULL, {NULL}}},
	 {{"total", "personnel", "public", NULL}, {NULL}, {NULL}},
	 0, "basic"},
	{{"revenue_by_unit", NULL},
	 {"total", "current_total", "general_budget", "general_budget_appropriation", "government_fund", "state_capital",
	  "special_account", "business_income", "operating_income", "superior_subsidy", "affiliated_remit",
	  "other_income", "carryover_total", "carryover_general_budget", "carryover_government_fund",
	  "carryover_state_capital", "carryover_special_account", "carryover_unit_funds", NULL},
	 {{"total", {"current_total", "carryover_total", NULL}},
	  {"current_total",
	   {"general_budget", "government_fund", "state_capital", "special_account", "business_income",
	    "operating_income", "superior_subsidy", "affiliated_remit", "other_income", NULL}},
	  {"carryover_total",
	   {"carryover_general_budget", "carryover_government_fund", "carryover_state_capital",
	    "carryover_special_account", "carryover_unit_funds", NULL}},
	  {NULL, {NULL}}},
	 {{"total", "current_total", "general_budget", "general_budget_appropriation", "government_fund",
	   "state_capital", "special_account", "business_income", "operating_income", "superior_subsidy",
	   "affiliated_remit", "other_income", "carryover_total", "carryover_general_budget",
	   "carryover_government_fund", "carryover_state_capital", "carryover_special_account", "carryover_unit_funds",
	   NULL},
	  {NULL},
	  {NULL}},
	 1, "revunit"},
	{{"project_expenditure", NULL},
	 {"total", "general_budget", "government_fund", "state_capital", "carryover_general_budget",
	  "carryover_government_fund", "carryover_state_capital", "special_account", "unit_funds", NULL},
	 {{"total",
	   {"general_budget", "government_fund", "state_capital", "carryover_general_budget", "carryover_government_fund",
	    "carryover_state_capital", "special_account", "unit_funds", NULL}},
	  {NULL, {NULL}}},
	 {{"total", "general_budget", "government_fund", "state_capital", "carryover_general_budget",
	   "carryover_government_fund", "carryover_state_capital", "special_account", "unit_funds", NULL},
	  {NULL},
	  {NULL}},
	 0, "project"},
};

#define MAXCOL 24  /* table columns with figures */
#define GAP 10     /* points between the right edges of two columns */

typedef struct colsctx {
	gk_table *t;
	const shape *sh;
	int nkey;
	int kcol[MAXK];          /* table column of key k, -1 if none */
	const char *cell[MAXK];  /* a row as a view gives it: key k's text */
} colsctx;

static int key_index(const colsctx *c, const char *key)
{
	for (int k = 0; k < c->nkey; k++)
		if (!strcmp(c->sh->keys[k], key))
			return k;
	return -1;
}

/* the figure s: 1 printed, 0 blank, -1 not a number */
static int figure(const char *s, long long *v, int *dec)
{
	*v = 0, *dec = 6;
	if (!s || gk_ocr_blank(s))
		return 0;
	return gk_chk_parse(s, v, dec) == 1 ? 1 : -1;
}

/* The value of key k in the view: as printed, else (a blank whole) the
 * sum of its parts.  *any: something was printed; *dec: the coarsest
 * precision met; -1: a cell not a number. */
static int value(const colsctx *c, int k, long long *v, int *any, int *dec, int depth)
{
	long long x;
	int d;
	int st = figure(c->cell[k], &x, &d);
	if (st < 0)
		return -1;
	if (st > 0) {
		*v = x, *any = 1;
		if (d < *dec)
			*dec = d;
		return 0;
	}
	*v = 0;
	if (depth > 4)
		return 0;
	for (int r = 0; c->sh->rels[r].whole; r++) {
		if (strcmp(c->sh->rels[r].whole, c->sh->keys[k]))
			continue;
		for (const char *const *p = c->sh->rels[r].parts; *p; p++) {
			int q = key_index(c, *p);
			long long y;
			if (q >= 0 && value(c, q, &y, any, dec, depth + 1) < 0)
				return -1;
			*v += q >= 0 ? y : 0;
		}
		break;
	}
	return 0;
}

enum { R_NONE, R_GOOD, R_BARE, R_BROKEN };

/* Is key w a part of a relation in held[] (an identity that holds)? */
static int part_of_held(const colsctx *c, const char *w, const int *held)
{
	for (int r = 0; c->sh->rels[r].whole; r++)
		for (const char *const *p = c->sh->rels[r].parts; held[r] && *p; p++)
			if (!strcmp(*p, w))
				return 1;
	return 0;
}

/* How the row in the view fares: GOOD when every whole printed with
 * parts printed equals their sum (and one does), BROKEN when one does
 * not, BARE when a whole is printed without any part (see lenient;
 * confirm: see below). */
static int row_status(const colsctx *c, int lenient, int confirm)
{
	static const long long P10[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
	int good = 0, held[8] = {0}, bared[8] = {0};
	for (int r = 0; c->sh->rels[r].whole; r++) {
		int w = key_index(c, c->sh->rels[r].whole);
		long long wv, sum = 0;
		int d;
		int st = figure(c->cell[w], &wv, &d);
		if (st < 0)
			return R_BROKEN;
		if (st == 0)
			continue;
		int any = 0, dec = d;
		for (const char *const *p = c->sh->rels[r].parts; *p; p++) {
			int q = key_index(c, *p);
			long long y;
			if (q < 0)
				continue;
			if (value(c, q, &y, &any, &dec, 0) < 0)
				return R_BROKEN;
			sum += y;
		}
		if (!any) {
			bared[r] = 1;
			continue;
		}
		long long tol = P10[GK_CHK_SCALE - (dec < 0 ? 0 : dec > 6 ? 6 : dec)];
		if (wv - sum > tol || sum - wv > tol)
			return R_BROKEN;
		good = held[r] = 1;
	}
	/* confirm (a row as a map makes it, every figure placed): a whole
	 * printed without its parts is confirmed when it is itself a part of
	 * an identity that holds (基本支出 and 项目支出 of a 支出总表 adding up
	 * to its 合计, their own parts not printed).  Not in a row as read:
	 * figures the header could not place leave it in doubt. */
	int bare = 0;
	for (int r = 0; c->sh->rels[r].whole; r++)
		bare |= bared[r] && !(confirm && part_of_held(c, c->sh->rels[r].whole, held));
	/* lenient: a whole printed over blank parts (a 人员经费 whose 工资福利
	 * and 对个人和家庭 columns the page does not print) says nothing, the
	 * row is good when an identity holds and none breaks.  Strict (a row
	 * with figures the header could not place, or a row as a new map
	 * makes it): an unconfirmed such whole is a doubt. */
	if (lenient)
		return good ? R_GOOD : bare ? R_BARE : R_NONE;
	return bare ? R_BARE : good ? R_GOOD : R_NONE;
}

/* ---- where each figure is printed ------------------------------------------- */

/* (cmp_double: nctx.h) */

static int is_x(const gk_table *t, int j)
{
	return !strncmp(t->cols.v[j], "x_", 2);
}

/* columns a and b print the same on every row */
static int same_column(const gk_table *t, int a, int b)
{
	for (int i = 0; i < t->nrow; i++)
		if (strcmp(t->rows[i][a], t->rows[i][b]))
			return 0;
	return 1;
}

/* The right edges of the doc cells of row i's lines that print v (at
 * most 8, sorted); their number, -1 when too many. */
static int doc_hits(const gk_table *t, int i, long long v, const gk_doc *doc, double *at)
{
	const gk_rowinfo *ri = gk_table_info(t, i);
	int hits = 0;
	if (!ri || ri->page <= 0)
		return 0;
	for (const gk_line *ln = NULL; (ln = gk_ocr_row_line(doc, ri, ln));) {
		for (int j = 0; j < ln->ncell; j++) {
			long long w;
			int d;
			if (gk_chk_parse(ln->cell[j].text, &w, &d) == 1 && w == v) {
				if (hits == 8)
					return -1;
				at[hits++] = ln->cell[j].x1;
			}
		}
	}
	qsort(at, (size_t)hits, sizeof *at, cmp_double);
	return hits;
}

/* The right edge on the page of the figure of cell (i, col): the doc
 * cell of the row's lines that prints it (amounts are set flush right).
 * A figure printed k times on its row (k doc cells, k table columns) is
 * placed by rank when that cannot mislead: the columns are all contract
 * keys (the header reading keeps those in the page's order; only an x_
 * column falls out of it) or print the same on every row (which is which
 * changes nothing).  NAN when it cannot be placed. */
static double cell_x(const gk_table *t, int i, int col, const gk_doc *doc)
{
	long long v, w;
	int d;
	if (figure(t->rows[i][col], &v, &d) != 1)
		return NAN;
	int k = 0, rank = 0, plain = 1, alike = 1;
	for (int j = 0; j < t->cols.n; j++)
		if (figure(t->rows[i][j], &w, &d) == 1 && w == v) {
			rank += j < col;
			k++;
			plain &= !is_x(t, j);
			alike &= same_column(t, j, col);
		}
	if (k > 1 && !plain && !alike)
		return NAN;
	double at[8];
	return doc_hits(t, i, v, doc, at) == k ? at[rank] : NAN;
}

/* ---- maps ------------------------------------------------------------------ */

typedef struct search {
	colsctx *c;
	const gk_doc *doc;
	int nsc, sc[MAXCOL]; /* the table columns with figures: keys and x_ */
	int ncl;             /* page columns: the figures' right edges, clustered */
	double clx[MAXSRC];
	int xonly[MAXSRC];   /* a page column of x_ figures only */
	int skip[MAXSRC];    /* empty page columns before page column q (q > 0) */
	int grid;            /* the page's columns make a grid: skip[] holds */
	int *cl;             /* cl[i * nsc + s]: page column of cell (i, sc[s]), -1 unplaced */
	char *fixed;         /* rows left as read (two figures in one page column) */
	char *st_before;     /* each row's status as read */
	int best[MAXSRC], nbest, found;
	int bbroken, bcost, bmoves;
	int loose;           /* figures under contract keys may move too */
	/* every map that passed, for the tie-break by header words */
	struct cand {
		int m[MAXSRC];
		int broken, mended, cost, moves;
	} *cands;
	int ncand, ccap;
} search;

/* row i as read */
static void view_read(colsctx *c, int i)
{
	for (int k = 0; k < c->nkey; k++)
		c->cell[k] = c->kcol[k] >= 0 ? c->t->rows[i][c->kcol[k]] : "";
}

/* row i under map m (page column -> key, -1: its figures stay in their
 * x_ columns); figures not placed stay where they were.  0 when two
 * figures fall on one key. */
static int view_map(search *S, int i, const int *m)
{
	colsctx *c = S->c;
	gk_table *t = c->t;
	if (S->fixed[i]) {
		view_read(c, i);
		return 1;
	}
	for (int k = 0; k < c->nkey; k++)
		c->cell[k] = "";
	for (int pass = 0; pass < 2; pass++)
		for (int s = 0; s < S->nsc; s++) {
			int j = S->sc[s], q = S->cl[i * S->nsc + s];
			const char *v = t->rows[i][j];
			if (gk_ocr_blank(v) || (pass == 0) != (q < 0))
				continue;
			int k = -1;
			if (q >= 0) {
				k = m[q];
				/* a figure the header reading placed under a key of
				 * the contract stays there: arithmetic alone cannot
				 * tell a table from itself shifted one level down its
				 * hierarchy (total = 基本 + 项目, 基本 = 人员 + 公用 hold
				 * as well one column to the right), and a real
				 * budget's right columns were moved so.  Only figures
				 * of x_ columns, the header words no rule read, move. */
				if (!is_x(t, j) && (k < 0 || c->kcol[k] != j) && !S->loose)
					return 0;
			} else
				for (int kk = 0; kk < c->nkey; kk++)
					if (c->kcol[kk] == j)
						k = kk;
			if (k < 0)
				continue; /* stays in its x_ column */
			if (*c->cell[k])
				return 0;
			c->cell[k] = v;
		}
	return 1;
}

/* score map m (chain positions pos) and keep the best */
static void try_map(search *S, const int *m, const int *pos)
{
	colsctx *c = S->c;
	gk_table *t = c->t;
	const char *was[MAXK];
	int touched = 0, mended = 0, broken = 0, moves = 0;
	/* moving every figure, the row total stays the first column printed
	 * (the left page column is `total`): a table shifted one level down
	 * its hierarchy (total -> basic_total, 人员经费 -> 工资福利 ...) mends
	 * its identities as well, with no total (杭州气象 表5) */
	if (S->loose && (S->ncl < 1 || m[0] != 0))
		return;
	for (int i = 0; i < t->nrow; i++) {
		view_read(c, i);
		memcpy(was, c->cell, sizeof was);
		int gone = 0; /* x_ figures the map takes */
		for (int s = 0; s < S->nsc; s++) {
			int q = S->cl[i * S->nsc + s];
			gone += !S->fixed[i] && is_x(t, S->sc[s]) && q >= 0 && m[q] >= 0;
		}
		if (!view_map(S, i, m))
			return;
		int ch = gone;
		for (int k = 0; k < c->nkey; k++)
			ch += strcmp(was[k], c->cell[k]) != 0;
		if (!ch)
			continue;
		moves += ch;
		touched++;
		int st = row_status(c, S->loose, 1);
		if (st == R_GOOD)
			mended += S->st_before[i] != R_GOOD;
		else if (st == R_BROKEN && S->st_before[i] != R_GOOD)
			broken++;
		else
			return; /* a row it spoils, or leaves a whole without parts */
	}
	if (mended < 3 || broken * 4 > touched)
		return;
	/* the empty chain columns the map leaves between two page columns
	 * against the empty page columns between them */
	int cost = 0, prev = -1;
	for (int q = 0; q < S->ncl && S->grid; q++) {
		if (m[q] < 0)
			continue;
		if (prev >= 0) {
			int g = 0;
			for (int p = prev + 1; p <= q; p++)
				g += S->skip[p];
			cost += abs(pos[q] - pos[prev] - 1 - g);
		}
		prev = q;
	}
	if (S->ncand == S->ccap) {
		S->ccap = S->ccap ? 2 * S->ccap : 64;
		S->cands = gk_realloc(S->cands, (size_t)S->ccap * sizeof *S->cands);
	}
	struct cand *cd = &S->cands[S->ncand++];
	memcpy(cd->m, m, sizeof cd->m);
	cd->broken = broken, cd->mended = mended, cd->cost = cost, cd->moves = moves;
	if (getenv("GK_DEBUG_COLS")) {
		fprintf(stderr, "  map broken %d cost %d moves %d mended %d:", broken, cost, moves, mended);
		for (int q = 0; q < S->ncl; q++)
			fprintf(stderr, " %s", m[q] >= 0 ? c->sh->keys[m[q]] : "-");
		fprintf(stderr, "\n");
	}
	if (S->found) {
		int cmp = broken != S->bbroken ? broken - S->bbroken
		          : cost != S->bcost   ? cost - S->bcost
		                               : moves - S->bmoves;
		if (cmp > 0)
			return;
		if (cmp == 0) {
			if (memcmp(m, S->best, sizeof S->best))
				S->nbest++;
			return;
		}
	}
	memcpy(S->best, m, sizeof S->best);
	S->bbroken = broken, S->bcost = cost, S->bmoves = moves;
	S->nbest = 1;
	S->found = 1;
}

/* every order-keeping map of the page columns onto a chain; a page
 * column of x_ figures only may also stay */
static void maps_of(search *S, const int *chain, int L, int q, int from, int *m, int *pos)
{
	if (q == S->ncl) {
		try_map(S, m, pos);
		return;
	}
	if (S->xonly[q]) {
		m[q] = -1;
		pos[q] = -1;
		maps_of(S, chain, L, q + 1, from, m, pos);
	}
	for (int p = from; p < L; p++) {
		m[q] = chain[p];
		pos[q] = p;
		maps_of(S, chain, L, q + 1, p + 1, m, pos);
	}
}

/* the maps onto each print order of the shape the table has */
static void maps_of_chains(search *S, const shape *sh, const colsctx *c)
{
	int m[MAXSRC], pos[MAXSRC];
	for (int ch = 0; ch < 3 && sh->chains[ch][0]; ch++) {
		int chain[MAXK], L = 0;
		for (; sh->chains[ch][L]; L++)
			chain[L] = key_index(c, sh->chains[ch][L]);
		if (S->ncl <= L + 3)
			maps_of(S, chain, L, 0, 0, m, pos);
	}
}

static const shape *shape_of(const char *id)
{
	for (size_t i = 0; i < sizeof SHAPES / sizeof *SHAPES; i++)
		for (int j = 0; SHAPES[i].ids[j]; j++)
			if (!strcmp(SHAPES[i].ids[j], id))
				return &SHAPES[i];
	return NULL;
}

static int cluster_of(const double *lo, const double *hi, int n, double v)
{
	for (int p = 0; p < n && !isnan(v); p++)
		if (v >= lo[p] - 1 && v <= hi[p] + 1)
			return p;
	return -1;
}

/* the page column most of table column sc[s]'s placed figures are in */
static int usual_column(const search *S, int s)
{
	int n[MAXSRC] = {0}, best = -1;
	for (int i = 0; i < S->c->t->nrow; i++) {
		int q = S->cl[i * S->nsc + s];
		if (q >= 0 && ++n[q] > (best < 0 ? 0 : n[best]))
			best = q;
	}
	return best;
}

/* A figure printed twice on its row, once under an x_ column, was not
 * placed by cell_x.  The columns that hold it whose figures usually are
 * in a page column that prints it on this row take that one; when one
 * column and one doc cell are left, they go together (the 合计 x_ column
 * and the 人员经费 one print the same figure on a row of wages: each
 * stays in its page column; on a row of 公用经费 the x_ column's figure
 * is where the x_ column's are, the other is the 公用经费 one). */
static void place_twins(search *S, const double *lo, const double *hi)
{
	gk_table *t = S->c->t;
	int usual[MAXCOL];
	for (int s = 0; s < S->nsc; s++)
		usual[s] = usual_column(S, s);
	for (int i = 0; i < t->nrow; i++)
		for (int s = 0; s < S->nsc; s++) {
			long long v, w;
			int d;
			if (S->cl[i * S->nsc + s] >= 0 || figure(t->rows[i][S->sc[s]], &v, &d) != 1)
				continue;
			int who[MAXCOL], k = 0;
			for (int r = 0; r < S->nsc; r++)
				if (figure(t->rows[i][S->sc[r]], &w, &d) == 1 && w == v)
					who[k++] = r;
			double at[8];
			int h = doc_hits(t, i, v, S->doc, at), q[8], took[8] = {0}, got[MAXCOL];
			if (h != k)
				continue;
			int ok = 1;
			for (int a = 0; a < h && ok; a++)
				ok = (q[a] = cluster_of(lo, hi, S->ncl, at[a])) >= 0;
			if (!ok)
				continue;
			int left = k;
			for (int r = 0; r < k; r++) {
				got[r] = -1;
				for (int a = 0; a < h && got[r] < 0; a++)
					if (!took[a] && q[a] == usual[who[r]])
						took[a] = 1, got[r] = q[a], left--;
			}
			for (int r = 0; r < k && left == 1; r++)
				for (int a = 0; a < h && got[r] < 0; a++)
					if (!took[a])
						took[a] = 1, got[r] = q[a], left--;
			if (left)
				continue;
			for (int r = 0; r < k; r++)
				S->cl[i * S->nsc + who[r]] = got[r];
		}
}

/* Cluster the figures' right edges into page columns.  0 when they do
 * not make a few well-apart columns. */
static int page_columns(search *S)
{
	gk_table *t = S->c->t;
	int n = t->nrow * S->nsc, np = 0;
	double *x = gk_calloc((size_t)(n ? n : 1), sizeof *x), *xs = gk_calloc((size_t)(n ? n : 1), sizeof *xs);
	/* every doc cell that prints a figure of the row, once */
	for (int i = 0; i < t->nrow; i++)
		for (int s = 0; s < S->nsc; s++) {
			long long v, w;
			int d, first = 1;
			x[i * S->nsc + s] = cell_x(t, i, S->sc[s], S->doc);
			if (figure(t->rows[i][S->sc[s]], &v, &d) != 1)
				continue;
			for (int r = 0; r < s && first; r++)
				first = !(figure(t->rows[i][S->sc[r]], &w, &d) == 1 && w == v);
			double at[8];
			int h = first ? doc_hits(t, i, v, S->doc, at) : 0;
			for (int a = 0; a < h && np < n; a++)
				xs[np++] = at[a];
		}
	qsort(xs, (size_t)np, sizeof *xs, cmp_double);
	double lo[MAXSRC], hi[MAXSRC];
	int ok = np > 0;
	S->ncl = 0;
	for (int a = 0; a < np && ok; a++) {
		if (a == 0 || xs[a] - xs[a - 1] > GAP) {
			if (S->ncl == MAXSRC) {
				ok = 0;
				break;
			}
			lo[S->ncl] = hi[S->ncl] = xs[a];
			S->ncl++;
		}
		hi[S->ncl - 1] = xs[a];
	}
	if (getenv("GK_DEBUG_COLS"))
		for (int q = 0; q < S->ncl; q++)
			fprintf(stderr, "%s: cluster %.0f-%.0f\n", t->id, lo[q], hi[q]);
	for (int q = 0; q < S->ncl && ok; q++) {
		S->clx[q] = (lo[q] + hi[q]) / 2;
		S->xonly[q] = 1;
		ok = hi[q] - lo[q] <= 2 * GAP; /* not a smear of figures */
	}
	for (int i = 0; i < t->nrow && ok; i++)
		for (int s = 0; s < S->nsc; s++)
			S->cl[i * S->nsc + s] = cluster_of(lo, hi, S->ncl, x[i * S->nsc + s]);
	if (ok)
		place_twins(S, lo, hi);
	/* a page column of one figure is a stray (a figure read off its
	 * row, a total garbled): it is left where it was read */
	int cnt[MAXSRC] = {0}, to[MAXSRC], nk = 0;
	for (int a = 0; a < t->nrow * S->nsc; a++)
		if (S->cl[a] >= 0)
			cnt[S->cl[a]]++;
	for (int q = 0; q < S->ncl; q++) {
		to[q] = cnt[q] >= 2 ? nk : -1;
		if (cnt[q] >= 2)
			lo[nk] = lo[q], hi[nk] = hi[q], S->clx[nk] = S->clx[q], nk++;
	}
	for (int a = 0; a < t->nrow * S->nsc; a++)
		if (S->cl[a] >= 0)
			S->cl[a] = to[S->cl[a]];
	S->ncl = nk;
	for (int i = 0; i < t->nrow && ok; i++) {
		unsigned seen = 0;
		for (int s = 0; s < S->nsc; s++) {
			int q = S->cl[i * S->nsc + s];
			if (q < 0)
				continue;
			if (seen & (1u << q))
				S->fixed[i] = 1;
			seen |= 1u << q;
			if (!is_x(t, S->sc[s]))
				S->xonly[q] = 0;
		}
	}
	/* the pitch of the page's columns: the median step between two; the
	 * gaps say which columns are empty only when every step is a whole
	 * number of pitches (columns of one width: a grid), and only with
	 * three columns or more (two columns' one step is the pitch whatever
	 * lies between them: 杭州交通's 合计 and 项目支出, 基本支出 empty between
	 * them, said the second was basic_total) */
	double step[MAXSRC];
	for (int q = 1; q < S->ncl; q++)
		step[q - 1] = S->clx[q] - S->clx[q - 1];
	qsort(step, (size_t)(S->ncl > 1 ? S->ncl - 1 : 0), sizeof *step, cmp_double);
	double pitch = S->ncl > 1 ? step[(S->ncl - 2) / 2] : 1;
	S->grid = ok && pitch >= 8 && S->ncl >= 3;
	for (int q = 1; q < S->ncl && S->grid; q++) {
		double f = (S->clx[q] - S->clx[q - 1]) / pitch;
		S->skip[q] = (int)lround(f) - 1;
		S->grid = S->skip[q] >= 0 && fabs(f - lround(f)) <= 0.25;
	}
	if (getenv("GK_DEBUG_COLS"))
		for (int q = 0; q < S->ncl; q++)
			fprintf(stderr, "%s: page column %d at %.0f skip %d%s%s\n", t->id, q, S->clx[q], S->skip[q],
			        S->grid ? "" : " (no grid)",
			        S->xonly[q] ? " (x_ only)" : "");
	free(x);
	free(xs);
	return ok && S->ncl > 1;
}

/* ---- header words ----------------------------------------------------------- */

/* The header text of t's pages: the doc cells above each page's first
 * row, white space left out (title and unit lines with them; they name
 * no column).  Newly allocated. */
static char *header_text(const gk_table *t, const gk_doc *doc)
{
	size_t len = 0, cap = 256;
	char *h = gk_calloc(cap, 1);
	for (int i = 0; i < t->nrow; i++) {
		const gk_rowinfo *ri = gk_table_info(t, i);
		int first = ri && ri->page > 0 && ri->x1 > ri->x0;
		for (int a = 0; a < i && first; a++) {
			const gk_rowinfo *ra = gk_table_info(t, a);
			first = !(ra && ra->page == ri->page && ra->x1 > ra->x0);
		}
		if (!first)
			continue;
		double top = ri->y0;
		for (int a = i + 1; a < t->nrow; a++) {
			const gk_rowinfo *ra = gk_table_info(t, a);
			if (ra && ra->page == ri->page && ra->x1 > ra->x0 && ra->y0 < top)
				top = ra->y0;
		}
		for (int l = 0; l < doc->nline; l++) {
			const gk_line *ln = &doc->line[l];
			if (ln->page != ri->page || (ln->y0 + ln->y1) / 2 >= top)
				continue;
			for (int c = 0; c < ln->ncell; c++)
				for (const char *p = ln->cell[c].text; *p; p++) {
					if (*p == ' ' || *p == '\t' || *p == '\n')
						continue;
					if (len + 2 > cap)
						h = gk_realloc(h, cap *= 2);
					h[len++] = *p;
					h[len] = '\0';
				}
		}
	}
	return h;
}

/* Does a run of two characters or more of w occur in h, one not wholly
 * a word every money column prints (收入, 小计, 合计)? */
static int shares_run(const char *w, const char *h)
{
	static const char *const generic[] = {"收入", "小计", "合计", "金额", NULL};
	char sub[128];
	for (const char *a = w; *a;) {
		const char *b = a;
		for (int n = 1; *b; n++) {
			do
				b++;
			while ((*b & 0xC0) == 0x80);
			if (n < 2 || (size_t)(b - a) >= sizeof sub)
				continue;
			memcpy(sub, a, (size_t)(b - a));
			sub[b - a] = '\0';
			int gen = 0;
			for (int g = 0; generic[g]; g++)
				gen |= strstr(generic[g], sub) != NULL;
			if (!gen && strstr(h, sub))
				return 1;
		}
		do
			a++;
		while ((*a & 0xC0) == 0x80);
	}
	return 0;
}

/* Do header words name key of family fam: its `column` pattern matches
 * s, or a run of one of its `column-canon` words occurs in w (shares_run;
 * w: s, or s without a group's words)? */
static int words_support(const gk_rules *rules, const char *fam, const char *key, const char *s, const char *w)
{
	char name[96];
	snprintf(name, sizeof name, "%s:%s", fam, key);
	int n;
	const gk_rule *const *list = gk_rules_of(rules, "column", &n); /* owned by the rules */
	for (int i = 0; i < n; i++)
		if (!strcmp(list[i]->name, name) && gk_rule_match(list[i], s, strlen(s), NULL))
			return 1;
	list = gk_rules_of(rules, "column-canon", &n);
	for (int i = 0; i < n; i++)
		if (!strcmp(list[i]->name, name) && shares_run(list[i]->pattern, w))
			return 1;
	return 0;
}

/* the x_ column whose figures page column q holds most, or -1 */
static int x_of(const search *S, int q)
{
	int best = -1, bn = 0;
	for (int s = 0; s < S->nsc; s++) {
		int n = 0;
		if (!is_x(S->c->t, S->sc[s]))
			continue;
		for (int i = 0; i < S->c->t->nrow; i++)
			n += S->cl[i * S->nsc + s] == q;
		if (n > bn)
			best = S->sc[s], bn = n;
	}
	return best;
}

/* More than one map mends the identities equally by arithmetic, grid and
 * moves.  Among the maps that leave as few rows broken and mend as many,
 * the header words the page prints choose: a map that puts figures under
 * a key the table's header names nowhere (its `column` pattern does not
 * match the header text and no run of its `column-canon` words occurs in
 * it: 本年收入 on a page that prints only 财政拨款收入's sources), or an
 * x_ column headed by a group's 小计 alone (a subtotal of that group, not
 * one of the contract's keys) under a key its words do not name, is
 * against the header; of the maps against it nowhere, those whose x_
 * columns' own words spell part of their key's usual words are better,
 * then grid and moves as before.  1 with S->best set when exactly one map
 * is best so, and the tied maps of before are all against the header. */
static int header_tiebreak(search *S, const gk_rules *rules)
{
	colsctx *c = S->c;
	gk_table *t = c->t;
	if (!rules || !c->sh->fam || !S->ncand)
		return 0;
	char *h = header_text(t, S->doc);
	char sup[MAXK], subt[MAXSRC], *own[MAXSRC];
	for (int k = 0; k < c->nkey; k++) {
		int filled = 0; /* figures the header reading put under it */
		for (int i = 0; i < t->nrow && c->kcol[k] >= 0 && !filled; i++)
			filled = !gk_ocr_blank(t->rows[i][c->kcol[k]]);
		sup[k] = (char)(filled || words_support(rules, c->sh->fam, c->sh->keys[k], h, h));
	}
	for (int q = 0; q < S->ncl; q++) {
		int j = x_of(S, q);
		own[q] = j >= 0 ? ocr_without_groups(rules, c->sh->fam, t->cols.v[j] + 2) : NULL;
		subt[q] = (char)(own[q] && !strcmp(own[q], "小计") && strcmp(t->cols.v[j] + 2, "小计"));
		if (getenv("GK_DEBUG_COLS"))
			fprintf(stderr, "%s: page column %d: %s, own words %s%s\n", t->id, q, j >= 0 ? t->cols.v[j] : "-",
			        own[q] ? own[q] : "-", subt[q] ? " (a group's subtotal)" : "");
	}
	int mb = S->bbroken, mm = 0;
	for (int a = 0; a < S->ncand; a++)
		if (S->cands[a].broken == mb && S->cands[a].mended > mm)
			mm = S->cands[a].mended;
	int good = -1, won = -1, nwon = 0, oldok = 1;
	for (int a = 0; a < S->ncand; a++) {
		struct cand *cd = &S->cands[a];
		if (cd->broken != mb || cd->mended != mm)
			continue;
		int against = 0, spelt = 0;
		for (int q = 0; q < S->ncl; q++) {
			int k = cd->m[q];
			if (k < 0)
				continue;
			int x = x_of(S, q);
			int named = x >= 0 && words_support(rules, c->sh->fam, c->sh->keys[k], t->cols.v[x] + 2, own[q]);
			against += !sup[k] || (subt[q] && !named);
			spelt += own[q] && *own[q] && words_support(rules, c->sh->fam, c->sh->keys[k], own[q], own[q]);
		}
		/* the maps tied before must all be against the header */
		if (cd->cost == S->bcost && cd->moves == S->bmoves && !against)
			oldok = 0;
		if (against)
			continue;
		int cmp = won < 0 ? -1
		          : spelt != good ? good - spelt
		          : cd->cost != S->cands[won].cost ? cd->cost - S->cands[won].cost
		                                            : cd->moves - S->cands[won].moves;
		if (getenv("GK_DEBUG_COLS")) {
			fprintf(stderr, "  with the header: spelt %d cost %d moves %d:", spelt, cd->cost, cd->moves);
			for (int q = 0; q < S->ncl; q++)
				fprintf(stderr, " %s", cd->m[q] >= 0 ? c->sh->keys[cd->m[q]] : "-");
			fprintf(stderr, "\n");
		}
		if (cmp < 0)
			won = a, good = spelt, nwon = 1;
		else if (cmp == 0)
			nwon++;
	}
	if (getenv("GK_DEBUG_COLS")) {
		fprintf(stderr, "%s: header text %s; keys it names:", t->id, h);
		for (int k = 0; k < c->nkey; k++)
			if (sup[k])
				fprintf(stderr, " %s", c->sh->keys[k]);
		fprintf(stderr, "\n");
	}
	if (getenv("GK_DEBUG_COLS"))
		fprintf(stderr, "%s: header tie-break: %d best%s\n", t->id, won < 0 ? 0 : nwon,
		        oldok ? "" : " (a tied map agrees with the header)");
	for (int q = 0; q < S->ncl; q++)
		free(own[q]);
	free(h);
	if (won < 0 || nwon != 1 || !oldok)
		return 0;
	memcpy(S->best, S->cands[won].m, sizeof S->best);
	return 1;
}

static void record(gk_result *r, const gk_table *t, const char *row, const char *expected, const char *found,
                   const char *status)
{
	gk_result_add_check(r, t->id, "ocr:columns", row, expected, found, status);
}

/* Apply the best map: each row's figures to the key of their page
 * column; one check per key that received figures from another column,
 * naming those columns. */
static void apply(gk_result *r, search *S)
{
	colsctx *c = S->c;
	gk_table *t = c->t;
	char from[MAXK][200];
	memset(from, 0, sizeof from);
	for (int k = 0; k < c->nkey; k++)
		if (c->kcol[k] < 0)
			for (int q = 0; q < S->ncl; q++)
				if (S->best[q] == k) {
					c->kcol[k] = gk_table_add_col(t, c->sh->keys[k]);
					break;
				}
	for (int i = 0; i < t->nrow; i++) {
		if (S->fixed[i])
			continue;
		view_map(S, i, S->best);
		char *now[MAXK];
		for (int k = 0; k < c->nkey; k++)
			now[k] = gk_strdup(c->cell[k]);
		for (int s = 0; s < S->nsc; s++) {
			int j = S->sc[s], q = S->cl[i * S->nsc + s];
			if (q < 0 || S->best[q] < 0 || gk_ocr_blank(t->rows[i][j]))
				continue;
			int k = S->best[q];
			if (c->kcol[k] != j && !strstr(from[k], t->cols.v[j]) &&
			    strlen(from[k]) + strlen(t->cols.v[j]) + 2 < sizeof from[k]) {
				if (*from[k])
					strcat(from[k], "/");
				strcat(from[k], t->cols.v[j]);
			}
			if (is_x(t, j))
				gk_table_set(t, i, j, "");
		}
		for (int k = 0; k < c->nkey; k++) {
			if (c->kcol[k] >= 0)
				gk_table_set(t, i, c->kcol[k], now[k]);
			free(now[k]);
		}
	}
	for (int k = 0; k < c->nkey; k++)
		if (*from[k])
			record(r, t, c->sh->keys[k], c->sh->keys[k], from[k], "corrected");
}

void gk_ocr_drop_empty_x(gk_table *t)
{
	for (int j = t->cols.n - 1; j >= 0; j--) {
		int empty = is_x(t, j);
		for (int i = 0; i < t->nrow && empty; i++)
			empty = gk_ocr_blank(t->rows[i][j]);
		if (!empty)
			continue;
		free(t->cols.v[j]);
		memmove(t->cols.v + j, t->cols.v + j + 1, sizeof *t->cols.v * (size_t)(t->cols.n - j - 1));
		for (int i = 0; i < t->nrow; i++) {
			free(t->rows[i][j]);
			memmove(t->rows[i] + j, t->rows[i] + j + 1, sizeof **t->rows * (size_t)(t->cols.n - j - 1));
		}
		t->cols.n--;
	}
}

/* Does x_ column j print, on every row where whole w's parts print, the
 * sum of those parts (w blank on every row), three rows or more, one of
 * them with two parts or more?  A column of subtotals is w's own column,
 * whatever its garbled words (无锡人社's 小计 read 人i under 本年收入). */
static int sums_of_parts(colsctx *c, int j, int w)
{
	static const long long P10[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
	gk_table *t = c->t;
	const rel *R = NULL;
	for (int r = 0; c->sh->rels[r].whole && !R; r++)
		if (!strcmp(c->sh->rels[r].whole, c->sh->keys[w]))
			R = &c->sh->rels[r];
	if (!R)
		return 0;
	int rows = 0, two = 0;
	for (int i = 0; i < t->nrow; i++) {
		view_read(c, i);
		if (!gk_ocr_blank(c->cell[w]))
			return 0;
		long long v, sum = 0, y;
		int d, nparts = 0, dec = 6, any = 0;
		for (const char *const *p = R->parts; *p; p++) {
			int q = key_index(c, *p);
			int a = 0;
			if (q < 0)
				continue;
			if (value(c, q, &y, &a, &dec, 0) < 0)
				return 0;
			sum += y, any |= a, nparts += a && y != 0;
		}
		int st = figure(t->rows[i][j], &v, &d);
		if (st < 0 || (st == 0) != !any)
			return 0;
		if (!st)
			continue;
		dec = d < dec ? d : dec;
		long long tol = P10[GK_CHK_SCALE - (dec < 0 ? 0 : dec > 6 ? 6 : dec)];
		if (v - sum > tol || sum - v > tol)
			return 0;
		rows++, two += nparts >= 2;
	}
	return rows >= 3 && two >= 1;
}

/* An x_ column of an OCR'd table that is the one column of sums of a
 * blank whole's parts (sums_of_parts) goes to that whole: one check
 * `ocr:columns` per column moved, status corrected.  The rows hold as
 * before: a blank whole is the sum of its parts. */
static void subtotal_columns(gk_result *r, colsctx *c)
{
	gk_table *t = c->t;
	for (int w = 0; w < c->nkey; w++) {
		int found = -1, n = 0;
		for (int j = 0; j < t->cols.n; j++)
			if (is_x(t, j) && sums_of_parts(c, j, w))
				found = j, n++;
		if (n != 1)
			continue;
		char *from = gk_strdup(t->cols.v[found]);
		if (c->kcol[w] < 0)
			c->kcol[w] = gk_table_add_col(t, c->sh->keys[w]);
		for (int i = 0; i < t->nrow; i++) {
			gk_table_set(t, i, c->kcol[w], t->rows[i][found]);
			gk_table_set(t, i, found, "");
		}
		record(r, t, c->sh->keys[w], c->sh->keys[w], from, "corrected");
		free(from);
	}
	gk_ocr_drop_empty_x(t);
}

void gk_ocr_columns(gk_result *r, gk_table *t, const gk_doc *doc, const gk_rules *rules)
{
	const shape *sh = shape_of(t->id);
	if (!sh || t->nrow < 3)
		return;
	colsctx c = {.t = t, .sh = sh};
	while (c.nkey < MAXK && sh->keys[c.nkey])
		c.nkey++;
	for (int k = 0; k < c.nkey; k++)
		c.kcol[k] = gk_table_col(t, sh->keys[k]);
	search S = {.c = &c, .doc = doc};
	/* the columns with figures: the shape's keys and the x_ columns */
	int nx = 0;
	for (int j = 0; j < t->cols.n; j++) {
		int mine = 0;
		for (int k = 0; k < c.nkey; k++)
			mine |= c.kcol[k] == j;
		if (!is_x(t, j) && !mine)
			continue;
		int any = 0;
		for (int i = 0; i < t->nrow && !any; i++)
			any = !gk_ocr_blank(t->rows[i][j]);
		if (!any)
			continue;
		if (S.nsc == MAXCOL)
			return;
		nx += is_x(t, j);
		S.sc[S.nsc++] = j;
	}
	/* the rows as read */
	S.st_before = gk_calloc((size_t)t->nrow, 1);
	S.fixed = gk_calloc((size_t)t->nrow, 1);
	S.cl = gk_calloc((size_t)(t->nrow * S.nsc + 1), sizeof *S.cl);
	int withfig = 0, bad = 0, xrows = 0, xbad = 0;
	for (int i = 0; i < t->nrow; i++) {
		view_read(&c, i);
		int any = 0, anyx = 0;
		for (int s = 0; s < S.nsc; s++)
			if (!gk_ocr_blank(t->rows[i][S.sc[s]])) {
				any = 1;
				anyx |= is_x(t, S.sc[s]);
			}
		S.st_before[i] = (char)row_status(&c, !anyx, 0);
		withfig += any;
		bad += any && S.st_before[i] != R_GOOD;
		xrows += anyx;
		xbad += anyx && S.st_before[i] != R_GOOD;
	}
	/* most rows break; or most rows whose figures went to x_ columns do
	 * (figures the header reading could not place, which the table's
	 * arithmetic misses) */
	int doubt = (withfig >= 3 && bad * 2 > withfig) || (xrows >= 3 && xbad * 2 > xrows);
	if ((doubt || (nx > 0 && bad > 0)) && nx <= MAXX && page_columns(&S)) {
		maps_of_chains(&S, sh, &c);
	}
	/* no map of the x_ figures alone mends a table most of whose rows
	 * break: the header reading itself put figures under wrong keys (an
	 * Excel printout's header words printed over one another: 人员经费's
	 * figures under `total`, 项目支出 小计's under 资本性支出).  Every
	 * figure may then move, under the same conditions (every row it
	 * changes holds, one best map by arithmetic, grid and moves). */
	if (!S.found && doubt && S.ncl > 1 && !sh->x_only) {
		S.loose = 1;
		maps_of_chains(&S, sh, &c);
	}
	if (S.found && (S.nbest == 1 || header_tiebreak(&S, rules))) {
		apply(r, &S);
		gk_ocr_drop_empty_x(t);
	} else if (doubt) {
		char found[160];
		int most = withfig >= 3 && bad * 2 > withfig;
		snprintf(found, sizeof found, "%d of %d rows %sbreak the table's identities%s", most ? bad : xbad,
		         most ? withfig : xrows, most ? "" : "with figures in x_ columns ",
		         S.found ? "; more than one arrangement of its columns mends them" : "");
		record(r, t, "", "columns whose figures satisfy the table's identities", found, "fail");
	} else if (nx > 0) {
		subtotal_columns(r, &c);
	}
	free(S.st_before);
	free(S.fixed);
	free(S.cl);
	free(S.cands);
}
