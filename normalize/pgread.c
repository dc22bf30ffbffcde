/*
 * pgread.c - the body of a performance grid (pgrid.c has its header and
 * columns): its text cut into fragments by column, the rows made from the
 * anchor column, the other columns' lines assigned to the rows, merged
 * cells spread over the rows they are centred on (or bounded by the
 * page's ruling lines where it draws them), then each cell's text.  How,
 * in full: the comment at the head of pgrid.c.
 *
 * Entry points: pg_read, pg_fixed_rows (pgrid.h).
 */
#include "pgrid.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the body ---- */

typedef struct gfrag {
	int page, col, row, line;
	double x0, x1, y0, y1;
	char *text;
} gfrag;

typedef struct gbody {
	gfrag *f;
	int nf, cap;
} gbody;

static int band_of(const pg_cols *pc, double x)
{
	for (int k = 0; k < pc->n; k++)
		if (x >= pc->c[k].lo && x < pc->c[k].hi)
			return k;
	return -1;
}

static void add_frag(gbody *gb, int page, int line, double x0, double x1, double y0, double y1, const char *t,
                     size_t n, int col)
{
	if (gb->nf == gb->cap) {
		gb->cap = gb->cap ? 2 * gb->cap : 128;
		gb->f = gk_realloc(gb->f, sizeof *gb->f * (size_t)gb->cap);
	}
	gb->f[gb->nf++] = (gfrag){page, col, -1, line, x0, x1, y0, y1, gk_strndup(t, n)};
}

/* t[0..n) a comparison or the kind of a value (≥, ＝, 定性) */
static int is_op_word(const char *t, size_t n)
{
	static const char *const w[] = {"≥", "≤", "＞", "＜", "≧", "≦", "＝", ">=", "<=", ">", "<", "=", "定性", "定量", NULL};
	for (int k = 0; w[k]; k++)
		if (strlen(w[k]) == n && !strncmp(t, w[k], n))
			return 1;
	return 0;
}

/* A cell into fragments: one per column band it covers, cut at its spaces
 * nearest the band edges (the extraction glued two columns' cells: "1.全力
 * 做好 … 编制, 短期天气预报准确率"), else whole in the band of its centre. */
static void cell_frags(const pg_cols *pc, gbody *gb, int page, int line, double x0, double x1, double y0,
                       double y1, const char *t, size_t n)
{
	while (n && *t == ' ')
		t++, n--;
	while (n && t[n - 1] == ' ')
		n--;
	if (!n)
		return;
	int k = band_of(pc, (x0 + x1) / 2);
	double w = x1 - x0, total = pg_units(t, n);
	for (int side = 0; side < 2 && k >= 0 && w > 0 && total > 0; side++) {
		double edge = side ? pc->c[k].hi : pc->c[k].lo;
		if (side ? x1 < edge + 1.5 : x0 > edge - 1.5)
			continue;
		size_t at = 0;
		double best = 1e18;
		for (size_t i = 1; i + 1 < n; i++)
			if (t[i] == ' ') {
				double d = fabs(x0 + w * pg_units(t, i) / total - edge);
				if (d < best)
					best = d, at = i;
			}
		if (!at || best > 0.15 * w)
			continue;
		double xs = edge; /* (the cut is at the edge: the parts go to its two sides) */
		cell_frags(pc, gb, page, line, x0, xs, y0, y1, t, at);
		cell_frags(pc, gb, page, line, xs, x1, y0, y1, t + at + 1, n - at - 1);
		return;
	}
	/* a comparison (≥, =, 定性) is the comparison column's, when the grid
	 * has one and it is next to the band it fell in (a column headed in
	 * its middle, its signs printed at its left edge) */
	int co = pg_col_of(pc, "op");
	if (k >= 0 && co >= 0 && k != co && (k == co - 1 || k == co + 1) && is_op_word(t, n)) {
		add_frag(gb, page, line, x0, x1, y0, y1, t, n, co);
		return;
	}
	/* a value and its unit in one cell ("10000 件") where the grid has a
	 * column for units */
	int cu = pg_col_of(pc, "unit");
	if (k >= 0 && cu >= 0 && w > 0 && total > 0 && (k == cu || k == pc->anchor)) {
		size_t d = 0;
		while (d < n && strchr("0123456789.,%", t[d]))
			d++;
		size_t sp = d;
		while (sp < n && t[sp] == ' ')
			sp++;
		if (d && sp > d && sp < n && !memchr(t + sp, ' ', n - sp)) {
			double xs = x0 + w * pg_units(t, d) / total;
			add_frag(gb, page, line, x0, xs, y0, y1, t, d, band_of(pc, (x0 + xs) / 2) == cu ? pc->anchor : band_of(pc, (x0 + xs) / 2));
			add_frag(gb, page, line, xs, x1, y0, y1, t + sp, n - sp, cu);
			return;
		}
	}
	if (k >= 0)
		add_frag(gb, page, line, x0, x1, y0, y1, t, n, k);
}

static int cmp_gfrag(const void *a, const void *b)
{
	const gfrag *x = a, *y = b;
	if (x->page != y->page)
		return x->page - y->page;
	if (x->y0 != y->y0)
		return x->y0 < y->y0 ? -1 : 1;
	return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

static int cmp_dbl(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* What reading the body knows: fragments, line height, the widest line
 * of each column. */
typedef struct gread {
	const nctx *c;
	const pg_cols *pc;
	gfrag *f;
	int nf;
	double lh;
	double wrap; /* the widest step between the centres of two lines of one cell */
	double colmax[PG_MAXCOL];
} gread;

/* does fragment a fill its column (a wrapped line of text)? */
static int full(const gread *r, const gfrag *a)
{
	double w = a->x1 - a->x0, band = r->pc->c[a->col].hi - r->pc->c[a->col].lo;
	int n = pg_ncp(a->text);
	/* (the anchor's values are short: one as wide as the widest fills
	 * nothing unless it also fills half the band) */
	return w >= 0.75 * r->colmax[a->col] && (a->col != r->pc->anchor || w >= 0.5 * band) &&
	       (n >= 8 || (n >= 2 && gk_has_cjk(a->text)));
}

/* a whole value by itself: a bound, rate or count (≥95%, 10人), or a
 * word of a few characters (完成, 明显) */
static int complete(const nctx *c, const char *s)
{
	char *cp = compact_of(s);
	int r = rule_any(c, "target-value", cp) || (pg_ncp(cp) <= 4 && gk_has_cjk(cp) && !strpbrk(cp, "=<>"));
	free(cp);
	return r;
}

/* an amount wrapped in a narrow cell: "4,902" over ".34" */
static int split_number(const char *a, const char *b)
{
	size_t n = strlen(a);
	return n && b[0] == '.' && a[n - 1] >= '0' && a[n - 1] <= '9' && b[1] >= '0' && b[1] <= '9';
}

/* does b (below a, same column) continue a's cell?  Lines of one cell
 * are a line pitch apart (centre to centre: the boxes of digits are too
 * tall in some fonts); a line that fills its column wraps, and in the
 * anchor column a value that is not whole by itself (=按计划开展 / 100%)
 * goes on.  loose: a paragraph whose first line is indented (a goal). */
static int continues(const gread *r, const gfrag *a, const gfrag *b, int merged, int loose)
{
	double ca = (a->y0 + a->y1) / 2, cb = (b->y0 + b->y1) / 2;
	if (a->page != b->page || cb - ca > r->wrap || cb - ca < 0.3 * r->lh)
		return 0;
	if (full(r, a) || (loose && full(r, b)) || split_number(a->text, b->text))
		return 1;
	if (merged && pg_ncp(b->text) <= 2 && gk_has_cjk(b->text))
		return 1; /* the tail of a label (经济效益 / 指标) */
	return !merged && !(complete(r->c, a->text) && complete(r->c, b->text));
}

/* Text of fragments f[idx[0..n)] in reading order: lines joined, a space
 * only between two ASCII characters (caller frees). */
static char *join_frags(const gfrag *f, const int *idx, int n)
{
	gk_buf b = {0};
	for (int k = 0; k < n; k++) {
		const char *t = f[idx[k]].text;
		if (b.len && (unsigned char)b.s[b.len - 1] < 0x80 && b.s[b.len - 1] != ' ' && (unsigned char)*t < 0x80 &&
		    *t != ' ')
			gk_buf_addc(&b, ' ');
		gk_buf_adds(&b, t);
	}
	char *s = gk_label_clean(b.s ? b.s : "");
	gk_buf_drop(&b);
	return s;
}

/* Non-merged column: the fragments fi[0..m) (one page, by y) to the rows
 * rw[0..nr) of that page by a dynamic programme: contiguous runs, in row
 * order, each run as near its row's centre as can be; a run with a gap
 * wider than a line inside costs more; a fragment may be left out. */
static void assign_column(gread *r, const int *fi, int m, const pg_row *rows, const int *rw, int nr)
{
	const double DROP = 4, GAP = 1.5;
	int W = m + 1;
	double *dp = gk_malloc(sizeof(double) * (size_t)((nr + 1) * W));
	int *from = gk_malloc(sizeof(int) * (size_t)((nr + 1) * W)); /* encoded predecessor */
	for (int q = 0; q < (nr + 1) * W; q++)
		dp[q] = 1e18, from[q] = -1;
	dp[0] = 0;
	for (int k = 0; k <= nr; k++) {
		for (int i = 0; i < m; i++) /* leave fragment i out */
			if (dp[k * W + i] + DROP < dp[k * W + i + 1])
				dp[k * W + i + 1] = dp[k * W + i] + DROP, from[k * W + i + 1] = -2;
		if (k == nr)
			break;
		double cr = rows[rw[k]].c;
		for (int i = 0; i <= m; i++) {
			double base = dp[k * W + i];
			if (base >= 1e17)
				continue;
			if (base < dp[(k + 1) * W + i]) /* row k left blank */
				dp[(k + 1) * W + i] = base, from[(k + 1) * W + i] = i;
			double top = 0, bot = -1e18, pen = 0;
			for (int j = i; j < m; j++) {
				const gfrag *g = &r->f[fi[j]];
				if (j == i)
					top = g->y0;
				else if ((g->y0 + g->y1) / 2 - (r->f[fi[j - 1]].y0 + r->f[fi[j - 1]].y1) / 2 > r->wrap + 0.25 * r->lh)
					pen += GAP;
				if (g->y1 > bot)
					bot = g->y1;
				/* a cell never reaches over another row's centre */
				int over = 0;
				for (int q = 0; q < nr; q++)
					over += q != k && rows[rw[q]].c > top && rows[rw[q]].c < bot;
				double cost = base + fabs((top + bot) / 2 - cr) / r->lh + pen + 3 * over;
				if (cost < dp[(k + 1) * W + j + 1])
					dp[(k + 1) * W + j + 1] = cost, from[(k + 1) * W + j + 1] = i;
			}
		}
	}
	/* back: from[(k+1)*W + j] = i: row k took [i, j); -2: fragment j-1 left out */
	int k = nr, j = m;
	while (k > 0 || j > 0) {
		int p = from[k * W + j];
		if (p == -2) {
			j--;
			continue;
		}
		if (p < 0 || k == 0)
			break;
		for (int q = p; q < j; q++)
			r->f[fi[q]].row = rw[k - 1];
		j = p;
		k--;
	}
	free(dp);
	free(from);
}

/* Merged column: its chains (cells) partition the rows, in order, each
 * over a contiguous span that holds its centre.  A cell merged over rows
 * is printed centred on its span: on the part of the span its page holds
 * (a span cut by a page break), or on the whole span (some exports centre
 * it across the break) - whichever fits.  ch[k]: page, local centre cm,
 * global centre cg; rows with their bands Bt/Bb (local) and Gt/Gb
 * (global).  span[k] = first row << 16 | end row, or -1 (left out). */
typedef struct mchain {
	int page;
	double cm, cg;
	int h0, h1; /* rows whose band holds its centre */
} mchain;

static void spread_merged(const gread *r, const mchain *ch, int K, const pgrid *g, const double *Bt, const double *Bb,
                          const double *Gt, const double *Gb, int *span)
{
	const double DROP = 3, EDGE = 0.3;
	int N = g->nrow, W = N + 1;
	double *dp = gk_malloc(sizeof(double) * (size_t)((K + 1) * W));
	int *from = gk_malloc(sizeof(int) * (size_t)((K + 1) * W));
	for (int q = 0; q < (K + 1) * W; q++)
		dp[q] = 1e18, from[q] = -2;
	for (int t = 0; t <= N; t++) /* rows before the first cell: a total's, a unit's */
		dp[t] = EDGE * t;
	for (int k = 0; k < K; k++)
		for (int t = 0; t <= N; t++) {
			double base = dp[k * W + t];
			if (base >= 1e17)
				continue;
			if (base + DROP < dp[(k + 1) * W + t])
				dp[(k + 1) * W + t] = base + DROP, from[(k + 1) * W + t] = -1;
			if (ch[k].h0 < 0 || t > ch[k].h1 || t == N)
				continue;
			for (int u = t + 1; u <= N; u++) {
				if (u <= ch[k].h0)
					continue;
				/* the part of [t, u) on the chain's page */
				int a = -1, b = -1;
				for (int q = t; q < u; q++)
					if (g->row[q].page == ch[k].page) {
						if (a < 0)
							a = q;
						b = q;
					}
				double local = fabs(ch[k].cm - (Bt[a] + Bb[b]) / 2), global = fabs(ch[k].cg - (Gt[t] + Gb[u - 1]) / 2);
				double cost = base + (local < global ? local : global) / r->lh;
				if (cost < dp[(k + 1) * W + u])
					dp[(k + 1) * W + u] = cost, from[(k + 1) * W + u] = t;
			}
		}
	for (int k = 0; k < K; k++)
		span[k] = -1;
	int end = N; /* rows after the last cell stay blank, at a cost */
	for (int u = 0; u <= N; u++)
		if (dp[K * W + u] + EDGE * (N - u) < dp[K * W + end] + EDGE * (N - end))
			end = u;
	if (dp[K * W + end] < 1e17)
		for (int k = K, u = end; k > 0; k--) {
			int t = from[k * W + u];
			if (t >= 0) {
				span[k - 1] = t << 16 | u;
				u = t;
			}
		}
	free(dp);
	free(from);
}

/* Merged column k on pages whose ruling lines are known (the doc's
 * strokes): a rule across the column between two rows ends a cell.  Each
 * cell takes the chains centred inside it; a cell without any at the top
 * of a page continues the page before's last.  Returns 0 (nothing done)
 * when a page of the rows has no ruling lines. */
static int ruled_cells(const gk_doc *d, const gread *r, int k, const mchain *ch, int K, const int *fi, const int *chid,
                       int m, pgrid *g)
{
	if (!d || !d->nstroke || !g->nrow)
		return 0;
	const pg_col *col = &r->pc->c[k];
	double w = col->hi - col->lo, lo = col->lo + 0.2 * w, hi = col->hi - 0.2 * w;
	for (int q = 0; q < g->nrow; q++) {
		int any = 0;
		for (int s = 0; s < d->nstroke && !any; s++)
			any = d->stroke[s].page == g->row[q].page && !d->stroke[s].vertical;
		if (!any)
			return 0;
	}
	/* the cells: runs of rows no rule separates */
	int *cell = gk_malloc(sizeof(int) * (size_t)g->nrow);
	double *top = gk_malloc(sizeof(double) * (size_t)g->nrow), *bot = gk_malloc(sizeof(double) * (size_t)g->nrow);
	int nc = 0;
	for (int q = 0; q < g->nrow; q++) {
		const pg_row *w0 = &g->row[q];
		int split = !q || g->row[q - 1].page != w0->page;
		double above = -1e18, below = 1e18;
		for (int s = 0; s < d->nstroke; s++) {
			const gk_stroke *st = &d->stroke[s];
			if (st->vertical || st->page != w0->page || st->a > lo || st->b < hi)
				continue;
			if (st->pos < w0->c && st->pos > above)
				above = st->pos;
			if (st->pos > w0->c && st->pos < below)
				below = st->pos;
			if (q && !split && g->row[q - 1].page == w0->page && st->pos > g->row[q - 1].c && st->pos < w0->c)
				split = 1;
		}
		if (split)
			top[nc] = above, nc++;
		cell[q] = nc - 1;
		bot[nc - 1] = below;
	}
	/* the chains into the cells they are centred in */
	gk_buf *txt = gk_calloc((size_t)nc, sizeof *txt);
	for (int h = 0, q = 0; h < K; h++) {
		int ni = 0, *ids = gk_malloc(sizeof(int) * (size_t)(m + 1));
		for (; q < m && chid[q] == h; q++)
			ids[ni++] = fi[q];
		int to = -1;
		for (int w = 0; w < g->nrow && to < 0; w++)
			if (g->row[w].page == ch[h].page && ch[h].cm > top[cell[w]] && ch[h].cm < bot[cell[w]])
				to = cell[w];
		if (to >= 0) {
			char *t = join_frags(r->f, ids, ni);
			gk_buf_adds(&txt[to], t);
			free(t);
		}
		free(ids);
	}
	for (int q = 0, prev = -1; q < g->nrow; q++) {
		int cc = cell[q];
		/* a cell cut by a page break, its text on the page before */
		if (!txt[cc].len && q && g->row[q - 1].page != g->row[q].page && prev >= 0 && txt[prev].len)
			gk_buf_adds(&txt[cc], txt[prev].s);
		if (txt[cc].len && !g->row[q].cell[k])
			g->row[q].cell[k] = gk_label_clean(txt[cc].s);
		prev = cc;
	}
	for (int q = 0; q < nc; q++)
		gk_buf_drop(&txt[q]);
	free(txt), free(cell), free(top), free(bot);
	return 1;
}

typedef struct rckey {
	int row, col, i;
} rckey;

static int cmp_rckey(const void *a, const void *b)
{
	const rckey *p = a, *q = b;
	if (p->row != q->row)
		return p->row - q->row;
	if (p->col != q->col)
		return p->col - q->col;
	return p->i - q->i;
}

/* the line height (of text lines: the boxes of digits and signs are too
 * tall in some fonts) and the pitch of a wrapped cell's lines */
static void line_metrics(gread *r)
{
	/* the line height: of text lines (the boxes of digits and signs are
	 * too tall in some fonts) */
	double *hs = gk_malloc(sizeof(double) * (size_t)r->nf);
	int nh = 0;
	for (int i = 0; i < r->nf; i++) {
		if (gk_has_cjk(r->f[i].text))
			hs[nh++] = r->f[i].y1 - r->f[i].y0;
		if (r->f[i].x1 - r->f[i].x0 > r->colmax[r->f[i].col])
			r->colmax[r->f[i].col] = r->f[i].x1 - r->f[i].x0;
	}
	for (int i = 0; !nh && i < r->nf; i++)
		hs[nh++] = r->f[i].y1 - r->f[i].y0;
	qsort(hs, (size_t)nh, sizeof *hs, cmp_dbl);
	r->lh = hs[nh / 2] > 1 ? hs[nh / 2] : 10;
	/* the line pitch of a wrapped cell: from a line of text that fills
	 * its column to the next line of that column */
	int ng = 0;
	for (int i = 0; i < r->nf; i++) {
		const gfrag *a = &r->f[i];
		if (a->x1 - a->x0 < 0.9 * r->colmax[a->col] || !gk_has_cjk(a->text))
			continue;
		double ca = (a->y0 + a->y1) / 2;
		for (int k = i + 1; k < r->nf && r->f[k].page == a->page && (r->f[k].y0 + r->f[k].y1) / 2 < ca + 2.2 * r->lh; k++)
			if (r->f[k].col == a->col && (r->f[k].y0 + r->f[k].y1) / 2 > ca + 0.3 * r->lh) {
				hs[ng++] = (r->f[k].y0 + r->f[k].y1) / 2 - ca;
				break;
			}
	}
	qsort(hs, (size_t)ng, sizeof *hs, cmp_dbl);
	r->wrap = ng ? hs[ng / 2] + 0.25 * r->lh : 1.5 * r->lh;
	free(hs);
}

/* the rows: the anchor column's cells, a wrapped one joined */
static void anchor_rows(const gread *r, pgrid *g)
{
	gfrag *f = r->f;
	int nf = r->nf, A = r->pc->anchor;
	int last = -1;
	for (int i = 0; i < nf; i++) {
		if (f[i].col != A)
			continue;
		if (last >= 0 && continues(r, &f[last], &f[i], 0, 0)) {
			f[i].row = f[last].row;
			pg_row *w = &g->row[f[i].row];
			if (f[i].y1 > w->bot)
				w->bot = f[i].y1;
			w->c = (w->top + w->bot) / 2;
		} else {
			g->row = gk_realloc(g->row, sizeof *g->row * (size_t)(g->nrow + 1));
			pg_row *w = &g->row[g->nrow];
			memset(w, 0, sizeof *w);
			w->page = f[i].page, w->top = f[i].y0, w->bot = f[i].y1, w->c = (w->top + w->bot) / 2;
			w->line = f[i].line;
			f[i].row = g->nrow++;
		}
		last = i;
	}
}

/* the rows' bands: boundaries midway between the rows' contents, the
 * first and last of a page as far out as their neighbours' gaps (Bt, Bb);
 * and the same on one axis over the pages (Gt, Gb) */
static void row_bands(const pgrid *g, double lh, double *Bt, double *Bb, double *Gt, double *Gb)
{
	double off = 0;
	for (int q0 = 0; q0 < g->nrow;) {
		int q1 = q0;
		while (q1 < g->nrow && g->row[q1].page == g->row[q0].page)
			q1++;
		int nr = q1 - q0;
		for (int q = q0 + 1; q < q1; q++)
			Bb[q - 1] = Bt[q] = (g->row[q - 1].bot + g->row[q].top) / 2;
		double pad0 = nr > 1 ? Bt[q0 + 1] - g->row[q0].bot : 0.5 * lh,
		       pad1 = nr > 1 ? g->row[q1 - 1].top - Bb[q1 - 2] : 0.5 * lh;
		Bt[q0] = g->row[q0].top - (pad0 > 0.2 * lh ? pad0 : 0.2 * lh);
		Bb[q1 - 1] = g->row[q1 - 1].bot + (pad1 > 0.2 * lh ? pad1 : 0.2 * lh);
		for (int q = q0; q < q1; q++)
			Gt[q] = off + Bt[q] - Bt[q0], Gb[q] = off + Bb[q] - Bt[q0];
		off = Gb[q1 - 1];
		q0 = q1;
	}
}

/* a row with nothing but its anchor: the anchor's last lines, carried
 * over to the next page */
static void carry_anchor(pgrid *g, const pg_cols *pc)
{
	int A = pc->anchor;
	for (int q = 1; q < g->nrow; q++) {
		int alone = g->row[q].page != g->row[q - 1].page;
		for (int k = 0; k < pc->n && alone; k++)
			alone = k == A || pc->c[k].merged || !g->row[q].cell[k] || !*g->row[q].cell[k];
		if (!alone || !g->row[q].cell[A] || !g->row[q - 1].cell[A])
			continue;
		char *j = gk_strfmt("%s%s", g->row[q - 1].cell[A], g->row[q].cell[A]);
		free(g->row[q - 1].cell[A]);
		g->row[q - 1].cell[A] = j;
		for (int k = 0; k < pc->n; k++)
			free(g->row[q].cell[k]);
		memmove(&g->row[q], &g->row[q + 1], sizeof *g->row * (size_t)(g->nrow - q - 1));
		g->nrow--, q--;
	}
}

pgrid *pg_read(const nctx *c, const int *lines, int n, const pg_cols *pc0)
{
	pg_cols fit = *pc0, *pc = &fit;
	pg_fit_columns(c, lines, n, pc);
	pgrid *g = gk_calloc(1, sizeof *g);
	g->ncol = pc->n;
	gbody gb = {0};
	for (int q = 0; q < n; q++) {
		const gk_line *l = c->x[lines[q]].l;
		for (int j = 0; j < l->ncell; j++)
			cell_frags(pc, &gb, l->page, lines[q], l->cell[j].x0, l->cell[j].x1, gk_cell_y0(l, &l->cell[j]),
			           gk_cell_y1(l, &l->cell[j]), l->cell[j].text, strlen(l->cell[j].text));
	}
	if (!gb.nf) {
		free(gb.f);
		return g;
	}
	qsort(gb.f, (size_t)gb.nf, sizeof *gb.f, cmp_gfrag);
	gread r = {c, pc, gb.f, gb.nf, 0, 0, {0}};
	line_metrics(&r);
	g->lh = r.lh;
	gfrag *f = gb.f;
	int nf = gb.nf, A = pc->anchor;

	anchor_rows(&r, g);
	if (!g->nrow)
		goto done;

	/* the other columns, page by page */
	int *fi = gk_malloc(sizeof(int) * (size_t)nf), *rw = gk_malloc(sizeof(int) * (size_t)(g->nrow + 1));
	int *span = gk_malloc(sizeof(int) * (size_t)nf), *chead = gk_malloc(sizeof(int) * (size_t)nf);
	for (int k = 0; k < pc->n; k++) {
		if (k == A || pc->c[k].merged)
			continue;
		for (int p0 = 0; p0 < nf;) {
			int page = f[p0].page, p1 = p0;
			while (p1 < nf && f[p1].page == page)
				p1++;
			int nr = 0;
			for (int q = 0; q < g->nrow; q++)
				if (g->row[q].page == page)
					rw[nr++] = q;
			int m = 0;
			for (int i = p0; i < p1; i++)
				if (f[i].col == k)
					fi[m++] = i;
			if (m && !nr) { /* a page without rows: the lines continue the row before */
				int prev = -1;
				for (int q = 0; q < g->nrow; q++)
					if (g->row[q].page < page)
						prev = q;
				for (int q = 0; q < m; q++)
					f[fi[q]].row = prev;
			} else if (m) {
				assign_column(&r, fi, m, g->row, rw, nr);
			}
			p0 = p1;
		}
		/* the rows' extents grow with their cells */
		for (int i = 0; i < nf; i++)
			if (f[i].col == k && f[i].row >= 0) {
				pg_row *w = &g->row[f[i].row];
				if (w->page != f[i].page)
					continue;
				if (f[i].y0 < w->top)
					w->top = f[i].y0;
				if (f[i].y1 > w->bot)
					w->bot = f[i].y1;
			}
	}
	/* the rows' bands */
	double *Bt = gk_malloc(sizeof(double) * (size_t)g->nrow), *Bb = gk_malloc(sizeof(double) * (size_t)g->nrow);
	double *Gt = gk_malloc(sizeof(double) * (size_t)g->nrow), *Gb = gk_malloc(sizeof(double) * (size_t)g->nrow);
	row_bands(g, r.lh, Bt, Bb, Gt, Gb);
	/* the merged columns: their cells (chains of lines) over the rows */
	mchain *ch = gk_malloc(sizeof *ch * (size_t)nf);
	int *chid = gk_malloc(sizeof(int) * (size_t)nf);
	for (int k = 0; k < pc->n; k++) {
		if (k == A || !pc->c[k].merged)
			continue;
		int m = 0, K = 0, loose = pc->c[k].role && !strcmp(pc->c[k].role, "goal");
		for (int i = 0; i < nf; i++)
			if (f[i].col == k)
				fi[m++] = i;
		for (int q = 0; q < m; q++) {
			if (!(q && continues(&r, &f[fi[q - 1]], &f[fi[q]], 1, loose)))
				K++;
			chid[q] = K - 1;
		}
		for (int h = 0, q = 0; h < K; h++) {
			double top = 1e18, bot = -1e18;
			int page = f[fi[q]].page;
			for (; q < m && chid[q] == h; q++) {
				if (f[fi[q]].y0 < top)
					top = f[fi[q]].y0;
				if (f[fi[q]].y1 > bot)
					bot = f[fi[q]].y1;
			}
			mchain *c = &ch[h];
			c->page = page, c->cm = (top + bot) / 2, c->h0 = c->h1 = -1, c->cg = 0;
			for (int w = 0; w < g->nrow; w++)
				if (g->row[w].page == page && c->cm >= Bt[w] - 0.5 * r.lh && c->cm <= Bb[w] + 0.5 * r.lh) {
					if (c->h0 < 0)
						c->h0 = w, c->cg = Gt[w] + c->cm - Bt[w];
					c->h1 = w;
				}
		}
		if (ruled_cells(c->doc, &r, k, ch, K, fi, chid, m, g))
			continue;
		spread_merged(&r, ch, K, g, Bt, Bb, Gt, Gb, span);
		for (int h = 0, q = 0; h < K; h++) {
			int ni = 0;
			for (; q < m && chid[q] == h; q++)
				chead[ni++] = fi[q];
			if (getenv("GK_DEBUG_PGRID"))
				fprintf(stderr, "merged col %d chain %d p%d centre %.1f home %d-%d span %d-%d %s\n", k, h, ch[h].page, ch[h].cm,
				        ch[h].h0, ch[h].h1, span[h] < 0 ? -1 : span[h] >> 16, span[h] < 0 ? -1 : span[h] & 0xFFFF,
				        f[chead[0]].text);
			if (span[h] < 0)
				continue;
			char *txt = join_frags(f, chead, ni);
			for (int w = span[h] >> 16; w < (span[h] & 0xFFFF); w++)
				if (!g->row[w].cell[k])
					g->row[w].cell[k] = gk_strdup(txt);
			free(txt);
		}
	}
	free(ch), free(chid), free(Bt), free(Bb), free(Gt), free(Gb);
	/* the non-merged cells' text: fragments by row and column, in
	 * reading order */
	rckey *rk = gk_malloc(sizeof *rk * (size_t)nf);
	int ni = 0;
	for (int i = 0; i < nf; i++)
		if (f[i].row >= 0 && (!pc->c[f[i].col].merged || f[i].col == A))
			rk[ni++] = (rckey){f[i].row, f[i].col, i};
	qsort(rk, (size_t)ni, sizeof *rk, cmp_rckey);
	for (int a = 0; a < ni;) {
		int b = a;
		while (b < ni && rk[b].row == rk[a].row && rk[b].col == rk[a].col)
			b++;
		for (int q = a; q < b; q++)
			fi[q - a] = rk[q].i;
		g->row[rk[a].row].cell[rk[a].col] = join_frags(f, fi, b - a);
		a = b;
	}
	free(rk);
	free(fi), free(rw), free(span), free(chead);
	carry_anchor(g, pc);
done:
	if (getenv("GK_DEBUG_PGRID")) {
		for (int k = 0; k < pc->n; k++)
			fprintf(stderr, "col %d [%.1f %.1f) %s role=%s merged=%d%s\n", k, pc->c[k].lo, pc->c[k].hi, pc->c[k].words,
			        pc->c[k].role ? pc->c[k].role : "-", pc->c[k].merged, k == A ? " anchor" : "");
		for (int i = 0; i < nf; i++)
			fprintf(stderr, "  frag p%d %.1f-%.1f x%.1f-%.1f c%d r%d %s\n", f[i].page, f[i].y0, f[i].y1, f[i].x0, f[i].x1,
			        f[i].col, f[i].row, f[i].text);
	}
	for (int q = 0; q < g->nrow; q++)
		for (int k = 0; k < pc->n; k++)
			if (!g->row[q].cell[k])
				g->row[q].cell[k] = gk_strdup("");
	for (int i = 0; i < nf; i++)
		free(f[i].text);
	free(f);
	return g;
}

int pg_fixed_rows(const pgrid *g)
{
	double *gap = gk_malloc(sizeof(double) * (size_t)(g->nrow + 1));
	int ng = 0;
	for (int q = 1; q < g->nrow; q++)
		if (g->row[q].page == g->row[q - 1].page)
			gap[ng++] = g->row[q].c - g->row[q - 1].c;
	int fixed = 0;
	if (ng >= 2) {
		qsort(gap, (size_t)ng, sizeof *gap, cmp_dbl);
		double med = gap[ng / 2];
		int even = 0;
		for (int q = 0; q < ng; q++)
			even += gap[q] > 0.9 * med && gap[q] < 1.1 * med;
		fixed = even >= 0.8 * ng && med <= 1.6 * g->lh;
	}
	free(gap);
	return fixed;
}
