/*
 * hstack.c - the header words over each amount column of a positioned
 * table, read as the header's own columns: the words stacked over one
 * another (a leaf wrapped over lines, 其中：财政拨 over 款) are one
 * column, whether or not a number is printed under it, and a group header
 * (单位资金, 财政拨款收入) heads the columns it is centred over.  Words over
 * a column that holds no number are that column's, never its neighbour's
 * (an empty 财政专户管理资金 column's words are not 单位资金's).
 *
 * Entry point: column_words (nctx.h), for header_masks.
 */
#include "nctx.h"

#include <stdlib.h>
#include <string.h>

typedef struct hword {
	int line;           /* index into c->x */
	const gk_cell *cl;
	double x0, x1, y0, y1;
	double h;           /* its height: the font size where the boxes are flatter */
	int stack;          /* its column of words; -1: a group over several */
	int g0, g1;         /* the columns a group heads (-1: none) */
} hword;

typedef struct hstack {
	double x0, x1;
	int edge; /* no group reaches over it: a label column, the total */
} hstack;

/* Column numbers and markers printed under a header (栏次 1 2 3, **). */
static int column_marker(const char *t)
{
	char *cp = compact_of(t);
	int ok = *cp && (is_digits(cp, 1, 3) || strspn(cp, "*") == strlen(cp));
	free(cp);
	return ok;
}

/* A ** marker of a label column as OCR reads it: one or two characters
 * (水, 冰冰), no digit. */
static int marker_misread(const char *cp)
{
	size_t n = strlen(cp), chars = 0;
	for (size_t k = 0; k < n; k++) {
		if (cp[k] >= '0' && cp[k] <= '9')
			return 0;
		chars += ((unsigned char)cp[k] & 0xC0) != 0x80;
	}
	return chars >= 1 && chars <= 2;
}

/* A header cell that names a column (not the unit or department, not a
 * column number of 栏次 1 2 3 or a ** marker). */
static int head_word(const nctx *c, int i, const gk_cell *cl)
{
	const gk_line *l = c->x[i].l;
	const char *t = cl->text;
	if (c->x[i].skip || l->geom != GK_GEOM_POS || rule_any(c, "unit", c->x[i].compact) ||
	    rule_any(c, "dept", c->x[i].compact))
		return 0;
	if ((strstr(t, "：") || strstr(t, ":")) && (gk_unit_parse(t) != GK_UNIT_NONE || rule_any(c, "dept", t)))
		return 0;
	char *cp = compact_of(t);
	int ok = *cp && !column_marker(t);
	free(cp);
	return ok;
}

static int hword_cmp_x(const void *a, const void *b)
{
	const hword *x = a, *y = b;
	return x->x0 < y->x0 ? -1 : x->x0 > y->x0 ? 1 : x->line - y->line;
}

static double dabs(double v)
{
	return v < 0 ? -v : v;
}

/* Has word i words of its own column below it? */
static int own_below(const hword *w, int n, int i)
{
	for (int j = 0; j < n && w[i].stack >= 0; j++)
		if (j != i && w[j].stack == w[i].stack && w[j].y0 >= w[i].y1 - 0.3 * (w[i].y1 - w[i].y0))
			return 1;
	return 0;
}

/* Words over two or more words of the lines below that do not overlap
 * one another, or over a third of the header: a group header. */
static int wide_group(const hword *w, int n, int i, double span)
{
	int disjoint = 0;
	double reach = -1e18;
	for (int j = 0; j < n; j++) /* by x0 */
		if (w[j].y0 >= w[i].y1 - 0.3 * (w[i].y1 - w[i].y0) && w[j].x0 < w[i].x1 - 1 && w[j].x1 > w[i].x0 + 1 &&
		    w[j].x0 >= reach - 1) {
			disjoint++;
			reach = w[j].x1;
		}
	return disjoint >= 2 || w[i].x1 - w[i].x0 > span / 3;
}

/* Do columns p..q nest with the groups already read above g (inside
 * one's columns or outside them)? */
static int nested(const hword *w, int n, const hword *g, int p, int q)
{
	for (int j = 0; j < n; j++) {
		const hword *k = &w[j];
		if (k == g || k->stack >= 0 || k->g0 < 0 || k->y0 >= g->y0 - 0.5)
			continue;
		int inside = p >= k->g0 && q <= k->g1, outside = q < k->g0 || p > k->g1;
		if (!inside && !outside)
			return 0;
	}
	return 1;
}

/* The columns (stacks) word g heads as a group: the columns whose words
 * all start below it after a gap (a header word wrapped over lines,
 * 附属单 over 位上缴, is followed closely; a leaf printed the header's
 * whole height reaches up to its line), not the columns under another
 * word of its line (a sibling group), never a label column or the total
 * (edge).  Of the run of such columns around the one it stands over, the
 * widest whose words are centred on it (within a quarter of the columns'
 * pitch) and not across the edge of a group above it (groups nest).
 * Returns whether there is such a run of two or more, *w0 to *w1. */
static int group_run(const hword *w, int n, const hstack *st, int ns, int gi, int *w0, int *w1)
{
	const hword *g = &w[gi];
	double under_y = g->y1 - 0.3 * (g->y1 - g->y0), gc = (g->x0 + g->x1) / 2;
	double *lo = gk_malloc(sizeof(double) * (size_t)ns * 4), *hi = lo + ns, *top = lo + 2 * ns, *bot = lo + 3 * ns;
	int *bar = gk_calloc((size_t)ns, sizeof(int));
	int below = 0;
	*w0 = *w1 = -1;
	for (int s = 0; s < ns; s++)
		lo[s] = top[s] = 1e18, hi[s] = bot[s] = -1e18;
	for (int j = 0; j < n; j++) {
		const hword *k = &w[j];
		if (j == gi || k->y0 < g->y0 - 0.5)
			continue; /* itself, or above it */
		if (k->y0 < under_y && k->y1 > g->y0) { /* on its line: a sibling's columns are not its own */
			for (int s = 0; s < ns; s++)
				bar[s] |= k->x0 < st[s].x1 - 1 && k->x1 > st[s].x0 + 1;
			continue;
		}
		below |= k->x0 < g->x1 - 1 && k->x1 > g->x0 + 1;
		if (k->stack < 0)
			continue;
		int s = k->stack;
		top[s] = k->y0 < top[s] ? k->y0 : top[s];
		bot[s] = k->y1 > bot[s] ? k->y1 : bot[s];
		lo[s] = k->x0 < lo[s] ? k->x0 : lo[s];
		hi[s] = k->x1 > hi[s] ? k->x1 : hi[s];
	}
	/* a column's own words that reach up to g's line */
	for (int j = 0; j < n; j++)
		if (j != gi && w[j].stack >= 0 && w[j].y0 < under_y && w[j].y1 > g->y0)
			bar[w[j].stack] = 1;
	for (int s = 0; s < ns; s++)
		bar[s] |= st[s].edge;
	/* the columns under it start below it, after a gap (a wrapped word's
	 * lines follow one another closely) */
	double start = g->y1 + 0.3 * g->h;
	double best = 1e18;
	int anchor = -1;
	for (int s = 0; s < ns; s++) {
		bar[s] |= top[s] > bot[s] || (s != g->stack && top[s] < start);
		double d = dabs((st[s].x0 + st[s].x1) / 2 - gc);
		if (st[s].x0 < g->x1 && st[s].x1 > g->x0)
			d -= 1e6; /* right under it */
		if (d < best)
			best = d, anchor = s;
	}
	if (below && anchor >= 0 && !bar[anchor] && ns > 1) {
		int r0 = anchor, r1 = anchor;
		while (r0 > 0 && !bar[r0 - 1])
			r0--;
		while (r1 + 1 < ns && !bar[r1 + 1])
			r1++;
		double pitch = ((st[ns - 1].x0 + st[ns - 1].x1) - (st[0].x0 + st[0].x1)) / 2 / (ns - 1);
		double tol = 0.25 * pitch > 4 ? 0.25 * pitch : 4;
		for (int p = r0; p <= anchor; p++)
			for (int q = anchor; q <= r1; q++)
				if (q > p && dabs((lo[p] + hi[q]) / 2 - gc) <= tol && (*w0 < 0 || q - p > *w1 - *w0) &&
				    nested(w, n, g, p, q))
					*w0 = p, *w1 = q;
	}
	free(lo);
	free(bar);
	return *w0 >= 0;
}

/* An OCR'd header loses words: a group header over a column whose own
 * words are lost (财政拨款收入 over 一般公共预算收入, read as nothing)
 * overlaps only one word below it, is taken for a word of that column,
 * and widens it over the figures of the lost one, which then borrow its
 * words.  Once groups are known (group_run), each column is as wide as
 * its own words. */
static void shrink_stacks(const hword *w, int n, hstack *st, int ns)
{
	for (int s = 0; s < ns; s++) {
		double x0 = 1e18, x1 = -1e18;
		for (int i = 0; i < n; i++)
			if (w[i].stack == s) {
				x0 = w[i].x0 < x0 ? w[i].x0 : x0;
				x1 = w[i].x1 > x1 ? w[i].x1 : x1;
			}
		if (x0 < x1)
			st[s].x0 = x0, st[s].x1 = x1;
	}
}

/* An amount column [a, b] of an OCR'd header under no column of words,
 * between two columns a group heads (一般公共预算收入 under 财政拨款收入,
 * read as nothing): its own words were lost.  Its path is the groups'
 * words over it, its leaf empty (header_masks keeps it as x_<path>, for
 * the table's arithmetic to place); both stay NULL when no group heads
 * columns on either side of it. */
static void lost_words(const hword *w, int n, const hstack *st, double a, double b, char **path, char **leaf)
{
	gk_buf hw = {0};
	double at = -1e18;
	for (;;) { /* top to bottom: the outer group first */
		int next = -1;
		for (int j = 0; j < n; j++)
			if (w[j].stack < 0 && w[j].g0 >= 0 && w[j].g1 > w[j].g0 && st[w[j].g0].x1 <= a &&
			    st[w[j].g1].x0 >= b && w[j].y0 > at && (next < 0 || w[j].y0 < w[next].y0))
				next = j;
		if (next < 0)
			break;
		gk_buf_adds(&hw, w[next].cl->text);
		at = w[next].y0;
	}
	if (hw.len) {
		*path = compact_of(hw.s);
		*leaf = compact_of("");
	}
	gk_buf_drop(&hw);
}

/* The stack an amount column [a, b] (with the previous column ending at
 * pb) stands under: the one it overlaps most, else the last one ending
 * left of it after the previous column (a header left-aligned over its
 * column, numbers right-aligned under a narrow header). */
static int stack_of_slot(const hstack *st, int ns, double a, double b, double pb)
{
	int best = -1;
	double ov = 0;
	for (int s = 0; s < ns; s++) {
		double o = (st[s].x1 < b ? st[s].x1 : b) - (st[s].x0 > a ? st[s].x0 : a);
		if (o > ov)
			ov = o, best = s;
	}
	if (best >= 0)
		return best;
	for (int s = 0; s < ns; s++)
		if (st[s].x1 <= a + 1 && st[s].x0 >= pb)
			best = s;
	return best;
}

/* The centres of the column numbers printed under a header (栏次 1 2 3
 * …, ** markers beside them): a line of [hb, he) of markers only, its
 * numbers 1, 2, 3 … left to right, three at least.  On an OCR'd line the
 * ** markers of the label columns are often misread as a character (水,
 * 冰): words left of the first number are let be there.  Returns how
 * many (mk[] by x), 0 when there is no such line. */
static int column_numbers(const nctx *c, int hb, int he, double *mk, int max)
{
	for (int i = he - 1; i >= hb; i--) {
		const gk_line *l = c->x[i].l;
		if (c->x[i].skip || l->geom != GK_GEOM_POS || l->ncell < 3)
			continue;
		int n = 0, ok = 1, ocr = ocr_page(c, l->page);
		double last = -1e18;
		for (int j = 0; j < l->ncell && ok; j++) {
			const gk_cell *cl = &l->cell[j];
			char *cp = compact_of(cl->text);
			ok = (column_marker(cl->text) || (ocr && !n && !is_digits(cp, 1, 3) && marker_misread(cp))) &&
			     cl->x0 >= last;
			last = cl->x0;
			if (ok && is_digits(cp, 1, 3)) {
				ok = atoi(cp) == n + 1 && n < max;
				if (ok)
					mk[n++] = (cl->x0 + cl->x1) / 2;
			}
			free(cp);
		}
		if (ok && n >= 3)
			return n;
	}
	return 0;
}

/* The stack over the column number whose column holds the amounts [a, b]
 * (their centre between the numbers halfway to its neighbours): the one
 * reaching over that number, nearest it.  -1 when none does. */
static int stack_of_number(const hstack *st, int ns, const double *mk, int nmk, double a, double b)
{
	double m = (a + b) / 2;
	int q = 0;
	while (q + 1 < nmk && m > (mk[q] + mk[q + 1]) / 2)
		q++;
	if (m < mk[0] - (nmk > 1 ? (mk[1] - mk[0]) / 2 : 0) || m > mk[nmk - 1] + (nmk > 1 ? (mk[nmk - 1] - mk[nmk - 2]) / 2 : 0))
		return -1;
	int best = -1;
	double bd = 1e18;
	for (int s = 0; s < ns; s++) {
		double cm = (st[s].x0 + st[s].x1) / 2, d = cm > mk[q] ? cm - mk[q] : mk[q] - cm;
		if (st[s].x0 - 1 <= mk[q] && st[s].x1 + 1 >= mk[q] && d < bd)
			bd = d, best = s;
	}
	return best;
}

/* The header words over each amount column [a[s], b[s]] (s < C) of the
 * header lines [hb, he): path[s] all of them top to bottom, leaf[s] those
 * of the lowest line of its own column (both compacted, NULL for a column
 * with no words).  Returns 0 when the header is not positioned. */
int column_words(const nctx *c, int hb, int he, const double *a, const double *b, int C, char **path, char **leaf)
{
	int n = 0, cap = 0;
	hword *w = NULL;
	double minx = 1e18, maxx = -1e18;
	for (int i = hb; i < he; i++) {
		const gk_line *l = c->x[i].l;
		if (c->x[i].skip)
			continue;
		if (l->geom != GK_GEOM_POS) {
			free(w);
			return 0;
		}
		for (int j = 0; j < l->ncell; j++) {
			if (!head_word(c, i, &l->cell[j]))
				continue;
			if (n == cap)
				w = gk_realloc(w, sizeof *w * (size_t)(cap = cap ? 2 * cap : 32));
			double y0 = gk_cell_y0(l, &l->cell[j]), y1 = gk_cell_y1(l, &l->cell[j]);
			if (y1 <= y0) /* layout text: a line is one unit tall */
				y1 = y0 + 0.8;
			w[n] = (hword){i, &l->cell[j], l->cell[j].x0, l->cell[j].x1, y0, y1, y1 - y0, 0, -1, -1};
			if (l->size > w[n].h)
				w[n].h = l->size;
			minx = w[n].x0 < minx ? w[n].x0 : minx;
			maxx = w[n].x1 > maxx ? w[n].x1 : maxx;
			n++;
		}
	}
	if (n) /* (w is NULL without words) */
		qsort(w, (size_t)n, sizeof *w, hword_cmp_x);
	/* the columns of words: words that overlap, group headers apart */
	for (int i = 0; i < n; i++)
		w[i].stack = wide_group(w, n, i, maxx - minx) ? -1 : 0;
	hstack *st = gk_malloc(sizeof *st * (size_t)(n ? n : 1));
	int ns = 0;
	for (int i = 0; i < n; i++) {
		if (w[i].stack < 0)
			continue;
		if (ns && w[i].x0 < st[ns - 1].x1 - 1) {
			if (w[i].x1 > st[ns - 1].x1)
				st[ns - 1].x1 = w[i].x1;
		} else {
			st[ns++] = (hstack){w[i].x0, w[i].x1, 0};
		}
		w[i].stack = ns - 1;
	}
	if (getenv("GK_DEBUG"))
		for (int s = 0; s < ns; s++) {
			fprintf(stderr, "column %d [%.0f-%.0f]:", s, st[s].x0, st[s].x1);
			for (int i = 0; i < n; i++)
				if (w[i].stack == s)
					fprintf(stderr, " %s", w[i].cl->text);
			fprintf(stderr, "\n");
		}
	/* no group reaches over the label columns left of the amounts or
	 * the total column (合计, 总计): a group over them is over other
	 * columns by chance of its centre */
	int first = C ? stack_of_slot(st, ns, a[0], b[0], -1e18) : -1;
	for (int s = 0; s < ns; s++)
		st[s].edge = s < first;
	for (int s = 0; s < ns; s++) { /* its words top to bottom */
		gk_buf t = {0};
		double at = -1e18;
		for (;;) {
			int next = -1;
			for (int i = 0; i < n; i++)
				if (w[i].stack == s && w[i].y0 > at && (next < 0 || w[i].y0 < w[next].y0))
					next = i;
			if (next < 0)
				break;
			gk_buf_adds(&t, w[next].cl->text);
			at = w[next].y0;
		}
		char *cp = compact_of(t.s ? t.s : "");
		st[s].edge |= rule_any(c, "total-header", cp);
		free(cp);
		gk_buf_drop(&t);
	}
	/* which columns each group heads; a word of a column with words of
	 * its own column below it may be such a group too (a group no wider
	 * than its words, 单位资金 over 上级补助收入 only) */
	int *ord = gk_malloc(sizeof(int) * (size_t)(n ? n : 1));
	for (int i = 0; i < n; i++)
		ord[i] = i;
	for (int i = 1; i < n; i++) /* top to bottom: a group's columns are known before those of the groups under it */
		for (int j = i; j > 0 && w[ord[j]].y0 < w[ord[j - 1]].y0; j--) {
			int t = ord[j];
			ord[j] = ord[j - 1];
			ord[j - 1] = t;
		}
	for (int oi = 0; oi < n; oi++) {
		int i = ord[oi];
		if (w[i].stack >= 0 && !own_below(w, n, i))
			continue;
		int g0, g1;
		if (group_run(w, n, st, ns, i, &g0, &g1)) {
			w[i].stack = -1, w[i].g0 = g0, w[i].g1 = g1;
		} else if (w[i].stack < 0) { /* not centred: the columns under it */
			for (int s = 0; s < ns; s++)
				if (st[s].x0 < w[i].x1 - 1 && st[s].x1 > w[i].x0 + 1) {
					if (w[i].g0 < 0)
						w[i].g0 = s;
					w[i].g1 = s;
				}
		}
		if (getenv("GK_DEBUG") && w[i].stack < 0)
			fprintf(stderr, "group '%s' over columns %d-%d\n", w[i].cl->text, w[i].g0, w[i].g1);
	}
	free(ord);
	int ocr = ocr_head_lines(c, hb, he);
	if (ocr)
		shrink_stacks(w, n, st, ns);
	/* each amount column's words, line by line; where the header numbers
	 * its columns, the stack over the number of the column the amounts
	 * stand in */
	double mk[64];
	int nmk = column_numbers(c, hb, he, mk, 64);
	for (int s = 0; s < C; s++) {
		path[s] = leaf[s] = NULL;
		int k = stack_of_slot(st, ns, a[s], b[s], s ? b[s - 1] : -1e18);
		int km = nmk ? stack_of_number(st, ns, mk, nmk, a[s], b[s]) : -1;
		if (km >= 0)
			k = km;
		if (k < 0) {
			if (ocr)
				lost_words(w, n, st, a[s], b[s], &path[s], &leaf[s]);
			continue;
		}
		gk_buf hw = {0}, lw = {0};
		int last = -1;
		for (int i = hb; i < he; i++) {
			size_t before = hw.len;
			int own = 0;
			for (int j = 0; j < n; j++) {
				if (w[j].line != i || !(w[j].stack == k || (w[j].stack < 0 && w[j].g0 <= k && k <= w[j].g1)))
					continue;
				gk_buf_adds(&hw, w[j].cl->text);
				own |= w[j].stack == k;
			}
			if (own && hw.len > before) { /* the lowest line with words of its own: the leaf */
				gk_buf_reset(&lw);
				gk_buf_add(&lw, hw.s + before, hw.len - before);
				last = i;
			}
		}
		(void)last;
		if (hw.len) {
			path[s] = compact_of(hw.s);
			leaf[s] = compact_of(lw.s ? lw.s : "");
		}
		gk_buf_drop(&hw);
		gk_buf_drop(&lw);
	}
	free(st);
	free(w);
	return 1;
}
