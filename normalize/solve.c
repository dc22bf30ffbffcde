/*
 * solve.c - the column solver: put a row's numbers in the columns where
 * the table's own arithmetic says they belong.
 *
 * Text extractions drop empty cells, so a row's numbers arrive in order but
 * without their columns.  Numbers keep their left-to-right order, and the
 * first one is the row total, so a placement is an increasing map from the
 * numbers to the table's present columns.  Each placement is scored:
 *
 *   10 per identity it breaks (total = basic + project, ...; an identity
 *      is only judged when its left side and some right-side term are
 *      printed, since a subtotal left blank is common and not an error)
 * +  1 per change of shift between where the layout put the numbers
 *      (TAB field index, or the x-cluster of a positioned PDF cell) and
 *      where they go: a dropped empty cell shifts all the cells after it
 * +  0.25 per shifted number (a later shift explains more cells as printed)
 * +  the row's own bias (rules/columns.rules "econ-class": a 302xx row is
 *      公用经费, a 301xx row 人员经费)
 * +  0.1 x the column's prior (rules/columns.rules "prior")
 * +  0.001 x the column index (earlier columns first: header order)
 *
 * Rows left with several equally good placements are settled together by
 * the column sums (the 合计 row = the sum of the leaf rows); what is still
 * open after that is reported as "ambiguous" in checks.csv.
 */
#include "nctx.h"

#include <stdlib.h>
#include <string.h>

/* a text piece starting this far (pt) left of the table's first figures
 * still stands where they do */
#define LOST_TOL 2.0

typedef struct ident {
	const char *fam, *lhs;
	const char *rhs[12];
	int le; /* 1: rhs[0] <= lhs (其中 columns) instead of a sum */
} ident;

static const ident idents[] = {
	{"func", "total", {"basic_total", "project_total", "reserve"}, 0},
	{"func", "basic_total", {"basic_wages", "basic_family_subsidy", "basic_goods_services", "basic_capital"}, 0},
	{"func", "basic_total", {"basic_personnel", "basic_public"}, 0},
	{"func", "project_total", {"project_operating", "project_specific"}, 0},
	{"basic", "total", {"personnel", "public"}, 0},
	{"gbecon", "total", {"basic_total", "project_total"}, 0},
	{"gbecon", "basic_total", {"personnel", "public"}, 0},
	{"econ", "total", {"general_budget", "government_fund", "state_capital", "carryover", "special_account",
	                   "business_income", "superior_subsidy", "affiliated_remit", "operating_income", "other_income"}, 0},
	{"econ", "general_budget", {"general_budget_appropriation"}, 1},
	{"revunit", "total", {"current_total", "carryover_total"}, 0},
	{"revunit", "current_total", {"general_budget", "government_fund", "state_capital", "special_account",
	                             "business_income", "operating_income", "superior_subsidy", "affiliated_remit",
	                             "other_income"}, 0},
	{"revunit", "general_budget", {"general_budget_appropriation"}, 1},
	{"revunit", "carryover_total", {"carryover_general_budget", "carryover_government_fund", "carryover_state_capital",
	                               "carryover_special_account", "carryover_unit_funds"}, 0},
	{"three", "total", {"overseas_travel", "vehicle_total", "reception"}, 0},
	{"three", "vehicle_total", {"vehicle_purchase", "vehicle_operation"}, 0},
	{"project", "total", {"general_budget", "government_fund", "state_capital", "carryover_general_budget",
	                      "carryover_government_fund", "carryover_state_capital", "special_account", "unit_funds"}, 0},
	{"fiscal", "total", {"general_budget", "government_fund", "state_capital"}, 0},
	{"fiscal", "general_budget", {"general_budget_appropriation"}, 1},
};
#define NIDENT ((int)(sizeof idents / sizeof idents[0]))

int gk_dec_parse(const char *s, long long *v, int *scale)
{
	long long x = 0;
	int neg = 0, sc = 0, dot = 0, digits = 0;
	if (*s == '-')
		neg = 1, s++;
	for (; *s; s++) {
		if (*s == '.') {
			if (dot)
				return 0;
			dot = 1;
		} else if (*s >= '0' && *s <= '9') {
			if (x > 100000000000000LL)
				return 0;
			x = x * 10 + (*s - '0');
			digits++;
			if (dot)
				sc++;
		} else {
			return 0;
		}
	}
	if (!digits)
		return 0;
	*v = neg ? -x : x;
	*scale = sc;
	return 1;
}

static long long rescale(long long v, int from, int to)
{
	while (from < to)
		v *= 10, from++;
	return v;
}

int gk_dec_eq(const char *a, const char *b, int tol_units)
{
	long long x, y;
	int sx, sy;
	if (!gk_dec_parse(*a ? a : "0", &x, &sx) || !gk_dec_parse(*b ? b : "0", &y, &sy))
		return 0;
	int s = sx > sy ? sx : sy;
	long long d = rescale(x, sx, s) - rescale(y, sy, s);
	if (d < 0)
		d = -d;
	return d <= tol_units;
}

/* compiled identities of one family: key indices */
typedef struct cident {
	int lhs, n, le;
	int rhs[12];
} cident;

typedef struct ctx {
	const solver_family *fam;
	cident id[16];
	int nid;
	int scale;
} ctx;

static int key_index(const solver_family *f, const char *k)
{
	for (int i = 0; i < f->nkey; i++)
		if (!strcmp(f->key[i], k))
			return i;
	return -1;
}

static void ctx_init(ctx *c, const solver_family *f)
{
	memset(c, 0, sizeof *c);
	c->fam = f;
	for (int i = 0; i < NIDENT && c->nid < 16; i++) {
		if (strcmp(idents[i].fam, f->name))
			continue;
		cident ci = {key_index(f, idents[i].lhs), 0, idents[i].le, {0}};
		if (ci.lhs < 0)
			continue;
		for (int j = 0; j < 12 && idents[i].rhs[j]; j++) {
			int k = key_index(f, idents[i].rhs[j]);
			if (k >= 0) {
				ci.rhs[ci.n++] = k;
				continue;
			}
			/* a subtotal the table has no column for (基本支出 when only
			 * 人员经费 and 公用经费 are printed) stands for its parts */
			for (int q = 0; q < NIDENT; q++) {
				if (strcmp(idents[q].fam, f->name) || strcmp(idents[q].lhs, idents[i].rhs[j]) || idents[q].le)
					continue;
				int got = 0;
				for (int r = 0; r < 12 && idents[q].rhs[r] && ci.n < 12; r++) {
					int kk = key_index(f, idents[q].rhs[r]);
					if (kk >= 0)
						ci.rhs[ci.n++] = kk, got = 1;
				}
				if (got)
					break;
			}
		}
		if (ci.n)
			c->id[c->nid++] = ci;
	}
}

/* values of a row's numbers at a common scale */
static void row_values(const prow *r, long long *v, int *scale)
{
	int sc[MAXNUM], mx = 0;
	for (int i = 0; i < r->nnum; i++) {
		if (!gk_dec_parse(r->num[i], &v[i], &sc[i]))
			v[i] = 0, sc[i] = 0;
		if (sc[i] > mx)
			mx = sc[i];
	}
	for (int i = 0; i < r->nnum; i++)
		v[i] = rescale(v[i], sc[i], mx);
	*scale = mx;
}

/* Identities broken by values placed at keys (set[k]: printed).  A blank
 * subtotal whose parts are printed stands for their sum, so "total =
 * basic + project" still bites when only the parts of basic are printed. */
static void effective(const ctx *c, const long long *val, const int *set, long long *eff, int *effset)
{
	int K = c->fam->nkey;
	for (int k = 0; k < K; k++)
		eff[k] = val[k], effset[k] = set[k];
	for (int i = c->nid - 1; i >= 0; i--) { /* parts before their totals */
		const cident *d = &c->id[i];
		if (set[d->lhs] || d->le)
			continue;
		long long sum = 0;
		int any = 0;
		for (int j = 0; j < d->n; j++)
			if (effset[d->rhs[j]])
				any = 1, sum += eff[d->rhs[j]];
		if (any && !effset[d->lhs])
			eff[d->lhs] = sum, effset[d->lhs] = 1;
	}
}

static int violations(const ctx *c, const long long *val, const int *set)
{
	long long eff[32];
	int effset[32];
	effective(c, val, set, eff, effset);
	int bad = 0;
	for (int i = 0; i < c->nid; i++) {
		const cident *d = &c->id[i];
		if (!set[d->lhs] && !d->le)
			continue;
		int any = 0;
		long long sum = 0;
		for (int j = 0; j < d->n; j++)
			if (effset[d->rhs[j]])
				any = 1, sum += eff[d->rhs[j]];
		if (!any)
			continue;
		if (d->le) {
			/* a 其中 part printed without the whole it is part of, or larger */
			if (!effset[d->lhs] || sum > val[d->lhs] + 1)
				bad++;
		} else {
			long long diff = sum - val[d->lhs];
			if (diff < -1 || diff > 1)
				bad++;
		}
	}
	return bad;
}

#define MAXCAND 24

typedef struct cand {
	double cost;
	signed char key[MAXNUM];
} cand;

typedef struct rowsol {
	int n;
	cand c[MAXCAND];
	int pick;
	int settled; /* by another row: no tie left to report */
} rowsol;

typedef struct enumst {
	const ctx *c;
	const prow *r;
	const long long *v;
	const int *slotkey; /* per number: key index the layout suggests, -1 none */
	int m, K;
	int cur[MAXNUM];
	long long val[32];
	int set[32];
	rowsol *out;
	long budget;
} enumst;

static void add_cand(rowsol *s, double cost, const int *keys, int m)
{
	int at = s->n;
	if (s->n == MAXCAND) {
		/* replace the worst if this one is better */
		int w = 0;
		for (int i = 1; i < s->n; i++)
			if (s->c[i].cost > s->c[w].cost)
				w = i;
		if (s->c[w].cost <= cost)
			return;
		at = w;
	} else {
		s->n++;
	}
	s->c[at].cost = cost;
	for (int i = 0; i < m; i++)
		s->c[at].key[i] = (signed char)keys[i];
}

static void enum_rec(enumst *e, int i, int minkey)
{
	if (e->budget-- <= 0)
		return;
	if (i == e->m) {
		double cost = 10.0 * violations(e->c, e->val, e->set);
		/* a dropped cell shifts every later cell of the row by one: charge
		 * each change of shift, not each shifted cell */
		int shift = 0;
		for (int j = 0; j < e->m; j++) {
			int k = e->cur[j];
			if (e->slotkey[j] >= 0) {
				int s = k - e->slotkey[j];
				if (s != shift)
					cost += 1;
				if (s)
					cost += 0.25; /* the later the shift, the better */
				shift = s;
			}
			cost += 0.1 * e->c->fam->prior[k] + 0.001 * k + e->r->bias[k];
		}
		add_cand(e->out, cost, e->cur, e->m);
		return;
	}
	/* leave room for the numbers still to place */
	for (int k = minkey; k <= e->K - (e->m - i); k++) {
		e->cur[i] = k;
		e->val[k] = e->v[i];
		e->set[k] = 1;
		enum_rec(e, i + 1, k + 1);
		e->set[k] = 0;
		e->val[k] = 0;
	}
}

static int cand_cmp(const void *a, const void *b)
{
	double x = ((const cand *)a)->cost, y = ((const cand *)b)->cost;
	return x < y ? -1 : x > y;
}

/* lost: the row prints text where the table's figures stand, left of its
 * first figure (OCR read a figure as no figure) */
static void solve_row(const ctx *c, const prow *r, const int *slotkey, int lost, rowsol *out)
{
	long long v[MAXNUM];
	int scale;
	out->n = 0;
	out->pick = 0;
	int m = r->nnum, K = c->fam->nkey;
	if (m > K)
		m = K; /* numbers beyond the columns present are not placed */
	if (m == 0)
		return; /* nothing to place, or no column to place it in */
	row_values(r, v, &scale);
	enumst e = {.c = c, .r = r, .v = v, .slotkey = slotkey, .m = m, .K = K, .out = out, .budget = 400000};
	memset(e.val, 0, sizeof e.val);
	memset(e.set, 0, sizeof e.set);
	/* the first number is the row's total: the first column; where OCR
	 * read the row's first figure as text, also the column it stands
	 * under (杭州气象's 三公: 13.13 read 和入, the row's 7.20 7.20 5.93
	 * pushed one column left each) */
	int first[2] = {0, -1};
	if (lost && slotkey && slotkey[0] > 0 && slotkey[0] <= K - m)
		first[1] = slotkey[0];
	for (int f = 0; f < 2 && first[f] >= 0; f++) {
		e.cur[0] = first[f];
		e.val[first[f]] = v[0];
		e.set[first[f]] = 1;
		enum_rec(&e, 1, first[f] + 1);
		e.val[first[f]] = 0;
		e.set[first[f]] = 0;
	}
	if (out->n == 0) {
		/* budget exhausted: keep the layout's order */
		int keys[MAXNUM];
		for (int i = 0; i < m; i++)
			keys[i] = i;
		add_cand(out, 0, keys, m);
	}
	qsort(out->c, (size_t)out->n, sizeof out->c[0], cand_cmp);
	/* keep only the near-ties of the best */
	int n = 1;
	while (n < out->n && out->c[n].cost < out->c[0].cost + 0.6)
		n++;
	out->n = n;
}

/* column-sum mismatch of the current picks: Σ over columns of |合计 -
 * Σ leaves| beyond a rounding unit, so that every row put right counts */
static long long colsum_bad(const ctx *c, prow *rows, int nrows, rowsol *sol, int total_row, const int *leaf)
{
	int K = c->fam->nkey;
	long long bad = 0, sum[32] = {0}, tot[32] = {0};
	int scale = 0;
	for (int i = 0; i < nrows; i++)
		for (int j = 0; j < rows[i].nnum; j++) {
			long long v;
			int sc;
			if (gk_dec_parse(rows[i].num[j], &v, &sc) && sc > scale)
				scale = sc;
		}
	for (int i = 0; i < nrows; i++) {
		if (i != total_row && !leaf[i])
			continue;
		if (!sol[i].n)
			continue;
		const cand *cd = &sol[i].c[sol[i].pick];
		long long val[32] = {0}, eff[32];
		int set[32] = {0}, effset[32];
		for (int j = 0; j < rows[i].nnum && j < K; j++) {
			long long v;
			int sc;
			if (!gk_dec_parse(rows[i].num[j], &v, &sc))
				continue;
			val[cd->key[j]] += rescale(v, sc, scale);
			set[cd->key[j]] = 1;
		}
		/* a subtotal the row leaves blank counts as the sum of its parts */
		effective(c, val, set, eff, effset);
		for (int k = 0; k < K; k++)
			if (effset[k]) {
				if (i == total_row)
					tot[k] += eff[k];
				else
					sum[k] += eff[k];
			}
	}
	int any_leaf = 0;
	for (int i = 0; i < nrows; i++)
		any_leaf |= leaf[i];
	for (int k = 0; k < K && any_leaf; k++) {
		long long d = sum[k] - tot[k];
		if (d < 0)
			d = -d;
		if (d > 2)
			bad += d;
	}
	/* the other tables' figures for the total row weigh double: a total
	 * row that agrees with them must win over leaves that do not yet */
	for (int e = 0; e < c->fam->next; e++) {
		long long v;
		int sc, k = c->fam->ext_key[e];
		if (k < 0 || k >= K || !gk_dec_parse(c->fam->ext_val[e], &v, &sc))
			continue;
		while (sc > scale)
			v /= 10, sc--; /* finer than the table prints: its units */
		long long d = rescale(v, sc, scale) - tot[k];
		if (d < 0)
			d = -d;
		if (d > 2)
			bad += 2 * d;
	}
	return bad;
}

/* Move the total row to its candidate k and every leaf along with it:
 * the columns the total row's placement swaps (key a -> key b) swap in
 * each leaf that uses them, to a candidate of the same integer cost.
 * Returns 0 (picks partly changed: the caller restores them) when a leaf
 * has no such candidate. */
static int joint_move(const ctx *c, const prow *rows, int nrows, rowsol *sol, int total_row, const int *leaf, int k)
{
	int K = c->fam->nkey;
	const cand *cd = &sol[total_row].c[sol[total_row].pick], *to = &sol[total_row].c[k];
	int m = rows[total_row].nnum < K ? rows[total_row].nnum : K;
	int map[32];
	for (int q = 0; q < K; q++)
		map[q] = q;
	for (int j = 0; j < m; j++)
		if (cd->key[j] >= 0 && to->key[j] >= 0)
			map[(int)cd->key[j]] = to->key[j];
	for (int L = 0; L < nrows; L++) {
		if (L == total_row || !leaf[L] || !sol[L].n)
			continue;
		const cand *lp = &sol[L].c[sol[L].pick];
		int lm = rows[L].nnum < K ? rows[L].nnum : K, moved = 0;
		signed char want[MAXNUM];
		for (int j = 0; j < lm; j++) {
			want[j] = lp->key[j] >= 0 ? (signed char)map[(int)lp->key[j]] : lp->key[j];
			moved |= want[j] != lp->key[j];
		}
		if (!moved)
			continue;
		int found = -1;
		for (int q = 0; q < sol[L].n && found < 0; q++)
			if ((int)sol[L].c[q].cost == (int)lp->cost && !memcmp(sol[L].c[q].key, want, (size_t)lm))
				found = q;
		if (found < 0)
			return 0;
		sol[L].pick = found;
	}
	sol[total_row].pick = k;
	return 1;
}

/* Another placement of row i as good as its pick (same integer cost) that
 * the column sums do not rule out, or -1.  For the total row, a placement
 * the sums rule out only because the leaves stay put still counts when
 * every leaf touched could move with it at no cost (the same columns
 * swapped): the table cannot tell the two readings apart. */
static int open_alternative(const ctx *c, prow *rows, int nrows, rowsol *sol, int i, int total_row, const int *leaf,
                            int in_sums, long long final_bad)
{
	int K = c->fam->nkey;
	if (sol[i].settled)
		return -1;
	const cand *cd = &sol[i].c[sol[i].pick];
	int m = rows[i].nnum < K ? rows[i].nnum : K;
	for (int k = 0; k < sol[i].n; k++) {
		if (k == sol[i].pick || (int)sol[i].c[k].cost != (int)cd->cost || !memcmp(sol[i].c[k].key, cd->key, (size_t)m))
			continue;
		if (!in_sums || (i != total_row && !leaf[i]))
			return k;
		int keep = sol[i].pick;
		sol[i].pick = k;
		long long b = colsum_bad(c, rows, nrows, sol, total_row, leaf);
		sol[i].pick = keep;
		if (b <= final_bad)
			return k;
		if (i != total_row)
			continue;
		/* the total row: move the leaves along (key a -> key b) */
		int *was = gk_malloc(sizeof(int) * (size_t)(nrows ? nrows : 1));
		for (int L = 0; L < nrows; L++)
			was[L] = sol[L].pick;
		int ok = joint_move(c, rows, nrows, sol, total_row, leaf, k) &&
		         colsum_bad(c, rows, nrows, sol, total_row, leaf) <= final_bad;
		for (int L = 0; L < nrows; L++)
			sol[L].pick = was[L];
		free(was);
		if (ok)
			return k;
	}
	return -1;
}

/* Write row r's placement into assign[], and an ambiguous check when alt >= 0. */
static void record_row(const solver_family *fam, prow *row, const rowsol *s, int alt, gk_result *r,
                       const char *table_id)
{
	int K = fam->nkey;
	const cand *cd = &s->c[s->pick];
	int m = row->nnum < K ? row->nnum : K;
	for (int j = 0; j < row->nnum; j++)
		row->assign[j] = j < m ? cd->key[j] : -1;
	row->ambiguous = alt >= 0;
	if (!row->ambiguous || !r)
		return;
	gk_buf b = {0}, altb = {0};
	for (int j = 0; j < m; j++)
		gk_buf_addf(&b, "%s%s=%s", j ? " " : "", fam->key[cd->key[j]], row->num[j]);
	for (int j = 0; j < m; j++)
		gk_buf_addf(&altb, "%s%s=%s", j ? " " : "", fam->key[s->c[alt].key[j]], row->num[j]);
	const char *label = row->label[0] ? row->label : row->ntext ? row->text[0] : "";
	gk_result_add_check(r, table_id, "solver:ambiguous", label, altb.s ? altb.s : "", b.s ? b.s : "", "ambiguous");
	gk_buf_drop(&b);
	gk_buf_drop(&altb);
}

/* The layout's column slots -> keys (slotmap[0..maxslot]): TAB field
 * slots are columns as printed; PDF x-clusters are mapped by the
 * increasing map that breaks fewest identities (within a budget), the
 * header word printed above a column charged when it names another key. */
static void slot_map(const ctx *c, const prow *rows, int nrows, gk_geom geom, const unsigned *slotmask, int maxslot,
                     int *slotmap)
{
	const solver_family *fam = c->fam;
	int K = fam->nkey;
	for (int s = 0; s <= maxslot; s++)
		slotmap[s] = s < K ? s : -1;
	if (geom != GK_GEOM_POS || maxslot < 0 || maxslot >= K)
		return;
	int C = maxslot + 1, cur[32], best[32];
	double bestcost = 1e18;
	long budget = 2000000;
	cur[0] = 0;
	/* iterative enumeration of increasing sequences cur[1..C-1] in 1..K-1 */
	int i = 1;
	if (C == 1) {
		best[0] = 0;
		bestcost = 0;
	} else {
		cur[1] = 0;
		while (i > 0 && budget > 0) {
			cur[i]++;
			if (cur[i] > K - (C - i)) {
				i--;
				continue;
			}
			if (i < C - 1) {
				i++;
				cur[i] = cur[i - 1];
				continue;
			}
			/* a full map: score it (and count it against the budget
			 * even when the header alone already rules it out) */
			budget -= 1 + C;
			double cost = 0;
			for (int s = 0; s < C; s++) {
				cost += 0.001 * cur[s] + 0.1 * fam->prior[cur[s]];
				/* the header word right above the column names another key */
				if (slotmask && slotmask[s] && !(slotmask[s] & (1u << cur[s])))
					cost += 5;
			}
			for (int rr = 0; rr < nrows && cost < bestcost; rr++) {
				long long v[MAXNUM], val[32] = {0};
				int sc, set[32] = {0};
				row_values(&rows[rr], v, &sc);
				budget -= rows[rr].nnum + 1;
				for (int j = 0; j < rows[rr].nnum; j++) {
					int s = rows[rr].slot[j];
					if (s < 0 || s >= C)
						continue;
					val[cur[s]] += v[j];
					set[cur[s]] = 1;
				}
				cost += 10.0 * violations(c, val, set);
			}
			if (cost < bestcost) {
				bestcost = cost;
				memcpy(best, cur, sizeof(int) * (size_t)C);
			}
		}
	}
	if (bestcost < 1e17)
		for (int s = 0; s < C; s++)
			slotmap[s] = best[s];
}

/* Near-ties settled by the column sums (合计 = Σ leaf rows): each open
 * row, and the total row with its leaves (a reading the other tables
 * prefer, that no single row could reach), takes the candidate that
 * breaks the sums least. */
static void settle_by_sums(const ctx *c, prow *rows, int nrows, rowsol *sol, int total_row, const int *leaf)
{
	int *was = gk_malloc(sizeof(int) * (size_t)(nrows ? nrows : 1));
	long long bad = colsum_bad(c, rows, nrows, sol, total_row, leaf);
	for (int pass = 0; pass < 8 && bad > 0; pass++) {
		int improved = 0;
		for (int i = 0; i < nrows; i++) {
			if (sol[i].n < 2 || (i != total_row && !leaf[i]))
				continue;
			int keep = sol[i].pick;
			for (int k = 0; k < sol[i].n; k++) {
				sol[i].pick = k;
				long long b = colsum_bad(c, rows, nrows, sol, total_row, leaf);
				if (b < bad) {
					bad = b;
					keep = k;
					improved = 1;
				}
			}
			sol[i].pick = keep;
			for (int k = 0; i == total_row && c->fam->next && k < sol[i].n; k++) {
				if (k == sol[i].pick)
					continue;
				for (int L = 0; L < nrows; L++)
					was[L] = sol[L].pick;
				long long b = joint_move(c, rows, nrows, sol, total_row, leaf, k)
				                  ? colsum_bad(c, rows, nrows, sol, total_row, leaf) : bad;
				if (b < bad) {
					bad = b;
					improved = 1;
					continue;
				}
				for (int L = 0; L < nrows; L++)
					sol[L].pick = was[L];
			}
		}
		if (!improved)
			break;
	}
	free(was);
}

/* A row outside the sums (a unit's subtotal) printing the same numbers
 * as the settled total row takes its placement. */
static void copy_total(const prow *rows, rowsol *sol, int i, int total_row, int K)
{
	const cand *tc = &sol[total_row].c[sol[total_row].pick];
	int same = 1, m = rows[i].nnum < K ? rows[i].nnum : K;
	for (int j = 0; j < rows[i].nnum && same; j++)
		same = gk_dec_eq(rows[i].num[j], rows[total_row].num[j], 0);
	for (int k = 0; same && k < sol[i].n; k++)
		if (!memcmp(sol[i].c[k].key, tc->key, (size_t)m)) {
			sol[i].pick = k;
			sol[i].settled = 1;
			break;
		}
}

/* The columns row i's open alternative alt moves (key a -> map[a]);
 * 0 when it moves none */
static int alt_map(const solver_family *fam, const prow *rows, const rowsol *sol, int i, int alt, int *map)
{
	int K = fam->nkey, moved = 0;
	const cand *cd = &sol[i].c[sol[i].pick], *to = &sol[i].c[alt];
	int m = rows[i].nnum < K ? rows[i].nnum : K;
	for (int q = 0; q < K; q++)
		map[q] = q;
	for (int j = 0; j < m; j++)
		if (cd->key[j] >= 0 && to->key[j] >= 0 && cd->key[j] != to->key[j])
			map[(int)cd->key[j]] = to->key[j], moved = 1;
	return moved;
}

/* A table read two ways reads all its rows two ways (its head read
 * weakly by OCR; the text path keeps its reading): where the total row
 * is open, or two open rows or more move the same columns (a -> b), each
 * row whose figures that reading moves, and that so moved breaks no more
 * of its identities, is as open, and reported so (杭州气象's 人员经费 under
 * 基本支出, its heads lost: a row of one figure holds either way). */
static void follow_open(const ctx *c, prow *rows, int nrows, rowsol *sol, const int *alt, int total_row,
                        gk_result *r, const char *table_id)
{
	const solver_family *fam = c->fam;
	int K = fam->nkey, map[32], best = -1, bestn = 0;
	for (int i = 0; i < nrows; i++) {
		int mi[32], n = 0;
		if (alt[i] < 0 || !alt_map(fam, rows, sol, i, alt[i], mi))
			continue;
		for (int j = 0; j < nrows; j++) {
			int mj[32];
			n += alt[j] >= 0 && alt_map(fam, rows, sol, j, alt[j], mj) && !memcmp(mi, mj, sizeof(int) * (size_t)K);
		}
		if (i == total_row)
			n = nrows + 1;
		if (n > bestn)
			best = i, bestn = n;
	}
	if (best < 0 || bestn < 2)
		return;
	alt_map(fam, rows, sol, best, alt[best], map);
	for (int L = 0; L < nrows; L++) {
		if (alt[L] >= 0 || !sol[L].n || sol[L].settled || sol[L].n == MAXCAND)
			continue;
		const cand *lp = &sol[L].c[sol[L].pick];
		int lm = rows[L].nnum < K ? rows[L].nnum : K, moved = 0, keys[MAXNUM], sc;
		long long v[MAXNUM], was[32] = {0}, now[32] = {0};
		int wset[32] = {0}, nset[32] = {0}, dup = 0;
		row_values(&rows[L], v, &sc);
		for (int j = 0; j < lm; j++) {
			keys[j] = lp->key[j] >= 0 ? map[(int)lp->key[j]] : lp->key[j];
			moved |= keys[j] != lp->key[j];
			if (lp->key[j] >= 0)
				was[(int)lp->key[j]] += v[j], wset[(int)lp->key[j]] = 1;
			if (keys[j] >= 0)
				dup |= nset[keys[j]], now[keys[j]] += v[j], nset[keys[j]] = 1;
		}
		if (!moved || dup || violations(c, now, nset) > violations(c, was, wset))
			continue;
		add_cand(&sol[L], lp->cost, keys, lm);
		record_row(fam, &rows[L], &sol[L], sol[L].n - 1, r, table_id);
	}
}

void gk_solve_rows(const solver_family *fam, prow *rows, int nrows, gk_geom geom, int total_row,
                   const int *leaf, const unsigned *slotmask, gk_result *r, const char *table_id)
{
	ctx c;
	ctx_init(&c, fam);
	rowsol *sol = gk_calloc((size_t)(nrows ? nrows : 1), sizeof *sol);
	int K = fam->nkey;
	int maxslot = -1;
	for (int i = 0; i < nrows; i++)
		for (int j = 0; j < rows[i].nnum; j++)
			if (rows[i].slot[j] > maxslot)
				maxslot = rows[i].slot[j];
	int *slotmap = gk_malloc(sizeof(int) * (size_t)(maxslot + 2));
	slot_map(&c, rows, nrows, geom, slotmask, maxslot, slotmap);
	/* where the table's figures start: most rows' first figure, their
	 * total (a stray line's figure further left, a page's furniture read
	 * into the table, is no column of it) */
	double left = 1e9;
	if (fam->ocr && geom == GK_GEOM_POS) {
		double *fx = gk_malloc(sizeof(double) * (size_t)(nrows ? nrows : 1));
		int nf = 0;
		for (int i = 0; i < nrows; i++)
			if (rows[i].nnum)
				fx[nf++] = rows[i].nx0[0];
		qsort(fx, (size_t)nf, sizeof *fx, cmp_double);
		if (nf)
			left = fx[(nf - 1) / 2];
		free(fx);
	}
	for (int i = 0; i < nrows; i++) {
		int sk[MAXNUM], lost = 0;
		for (int j = 0; j < rows[i].nnum; j++)
			sk[j] = (geom != GK_GEOM_FLOW && rows[i].slot[j] >= 0 && rows[i].slot[j] <= maxslot)
			            ? slotmap[rows[i].slot[j]] : -1;
		for (int t = 0; fam->ocr && geom == GK_GEOM_POS && rows[i].nnum && t < rows[i].ntext; t++)
			lost |= rows[i].tx0[t] >= left - LOST_TOL && rows[i].tx0[t] < rows[i].nx0[0];
		solve_row(&c, &rows[i], sk, lost, &sol[i]);
	}
	int any_leaf = 0;
	for (int i = 0; i < nrows; i++)
		any_leaf |= leaf[i];
	int in_sums = total_row >= 0 && (any_leaf || fam->next);
	if (in_sums)
		settle_by_sums(&c, rows, nrows, sol, total_row, leaf);
	long long final_bad = in_sums ? colsum_bad(&c, rows, nrows, sol, total_row, leaf) : 0;
	int total_open = 0, *alt = gk_malloc(sizeof(int) * (size_t)(nrows ? nrows : 1));
	/* the total row first: rows that copy it need to know if it is open */
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < nrows; i++) {
			if ((pass == 0) != (i == total_row))
				continue;
			alt[i] = -1;
			if (!sol[i].n)
				continue;
			if (pass == 1 && total_row >= 0 && !total_open && !leaf[i] && sol[i].n >= 2 &&
			    rows[i].nnum == rows[total_row].nnum && sol[total_row].n)
				copy_total(rows, sol, i, total_row, K);
			alt[i] = open_alternative(&c, rows, nrows, sol, i, total_row, leaf, in_sums, final_bad);
			if (i == total_row)
				total_open = alt[i] >= 0;
			record_row(fam, &rows[i], &sol[i], alt[i], r, table_id);
		}
	if (fam->ocr)
		follow_open(&c, rows, nrows, sol, alt, total_row, r, table_id);
	free(alt);
	for (int i = 0; i < nrows; i++) /* rows with no placement at all */
		if (!sol[i].n)
			for (int j = 0; j < rows[i].nnum; j++)
				rows[i].assign[j] = -1;
	free(slotmap);
	free(sol);
}
