/*
 * anchored.c - logical rows anchored on columns rather than on amounts
 * (performance tables, whose short 指标值 cells sit on their row's centre
 * the way numbers do): which header column a cell is under, cells the
 * extraction glued across a column edge, and the grouping of chains into
 * rows around the anchor cells.
 *
 * Entry points: anchor_col (nctx.h); line_anchored, split_at_edge,
 * anchored_lines (logical.h).
 */
#include "logical.h"

#include <stdlib.h>
#include <string.h>

int anchor_col(const lr_anchor *an, double x0)
{
	int col = 0;
	for (int k = 0; k < an->ncol; k++)
		if (an->colx[k] <= x0 + 2)
			col = k;
	return col;
}

/* the line has a (non-furniture) cell in an anchor column */
int line_anchored(const nctx *c, int i, const lr_anchor *an)
{
	const gk_line *l = c->x[i].l;
	for (int j = 0; j < l->ncell; j++)
		if (an->mask >> anchor_col(an, l->cell[j].x0) & 1) {
			char *cc = compact_of(l->cell[j].text);
			int real = *cc && !rule_any(c, "skip", cc);
			free(cc);
			if (real)
				return 1;
		}
	return 0;
}

/* One logical line of cells, from members m[0..n) of live. */
static void emit_line(gk_doc *d, frag **m, int n)
{
	qsort(m, (size_t)n, sizeof *m, frag_cmp_x);
	double y0 = 1e18, y1 = -1e18;
	for (int k = 0; k < n; k++) {
		if (m[k]->y0 < y0)
			y0 = m[k]->y0;
		if (m[k]->y1 > y1)
			y1 = m[k]->y1;
	}
	gk_line *l = gk_doc_add_line(d, m[0]->page, y0, y1, 0, GK_GEOM_POS);
	for (int k = 0; k < n; k++)
		gk_line_add_cell(l, m[k]->x0, m[k]->x1, m[k]->text.s, m[k]->text.len);
	if (getenv("GK_DEBUG_ROWS")) {
		fprintf(stderr, "row p%d %.1f-%.1f:", l->page, y0, y1);
		for (int k = 0; k < n; k++)
			fprintf(stderr, " [c%d %s]", m[k]->col, m[k]->text.s);
		fprintf(stderr, "\n");
	}
}

/* Anchored rows: the anchor chains, grouped by centre, make the rows;
 * every other chain joins the row whose centre is nearest (within 0.45
 * pitch) unless a chain of its column sits closer to that centre; the
 * rest (a merged cell printed between rows, a cell's stray lines) make
 * lines of their own.  live is sorted by page and centre. */
void anchored_lines(gk_doc *d, frag **live, int nl, double pitch)
{
	int *row = gk_malloc(sizeof(int) * (size_t)nl);
	double *rc = gk_malloc(sizeof(double) * (size_t)nl), *dist = gk_malloc(sizeof(double) * (size_t)nl);
	int *rn = gk_malloc(sizeof(int) * (size_t)nl), *rp = gk_malloc(sizeof(int) * (size_t)nl);
	int nr = 0;
	for (int i = 0; i < nl; i++) {
		double cc = (live[i]->y0 + live[i]->y1) / 2;
		row[i] = -1;
		if (!live[i]->num)
			continue;
		if (nr && rp[nr - 1] == live[i]->page && cc - rc[nr - 1] / rn[nr - 1] < 0.45 * pitch)
			rc[nr - 1] += cc, rn[nr - 1]++;
		else
			rc[nr] = cc, rn[nr] = 1, rp[nr++] = live[i]->page;
		row[i] = nr - 1;
	}
	for (int r = 0; r < nr; r++)
		rc[r] /= rn[r];
	for (int i = 0; i < nl; i++) {
		if (live[i]->num)
			continue;
		double cc = (live[i]->y0 + live[i]->y1) / 2, bd = 0.45 * pitch;
		for (int r = 0; r < nr; r++) {
			double dd = cc - rc[r];
			if (dd < 0)
				dd = -dd;
			if (rp[r] == live[i]->page && dd < bd)
				bd = dd, row[i] = r;
		}
		dist[i] = bd;
	}
	for (int i = 0; i < nl; i++) /* one cell per column and row: the best centred */
		for (int k = 0; k < nl && !live[i]->num && row[i] >= 0; k++)
			if (k != i && row[k] == row[i] && live[k]->col == live[i]->col &&
			    (live[k]->num || dist[k] < dist[i] || (dist[k] == dist[i] && k < i)))
				row[i] = -2;
	/* the rest: groups of their own, by centre */
	int ng = nr, open = -1;
	for (int i = 0; i < nl; i++) {
		if (row[i] >= 0)
			continue;
		double cc = (live[i]->y0 + live[i]->y1) / 2;
		if (open < 0 || rp[open] != live[i]->page || cc - rc[open] >= 0.45 * pitch)
			open = ng++, rc[open] = cc, rp[open] = live[i]->page;
		row[i] = open;
	}
	int *ord = gk_malloc(sizeof(int) * (size_t)(ng ? ng : 1));
	for (int g = 0; g < ng; g++) { /* by page and centre */
		int j = g - 1;
		while (j >= 0 && (rp[ord[j]] > rp[g] || (rp[ord[j]] == rp[g] && rc[ord[j]] > rc[g])))
			ord[j + 1] = ord[j], j--;
		ord[j + 1] = g;
	}
	frag **m = gk_malloc(sizeof *m * (size_t)(nl ? nl : 1));
	for (int g = 0; g < ng; g++) {
		int n = 0;
		for (int i = 0; i < nl; i++)
			if (row[i] == ord[g])
				m[n++] = live[i];
		if (n)
			emit_line(d, m, n);
	}
	free(ord);
	free(m);
	free(row);
	free(rc);
	free(dist);
	free(rn);
	free(rp);
}

/* The extraction may glue two cells of one line across a column edge
 * ("410700220000 “4050”人员"): split fragment k at its space printed
 * nearest the edge (by the width of the text before it: a CJK character
 * is two units), when that is near the edge.  The right part is added at
 * the end of f. */
void split_at_edge(frag **fp, int *nf, int *cap, int k, const lr_anchor *an)
{
	frag *g = &(*fp)[k];
	if (g->col + 1 >= an->ncol)
		return;
	double edge = an->colx[g->col + 1], w = g->x1 - g->x0;
	if (g->x1 < edge + 2 || w <= 0)
		return;
	const char *t = g->text.s;
	double total = 0, best = 1e18;
	int at = -1;
	for (const char *p = t; *p; p++)
		if (((unsigned char)*p & 0xC0) != 0x80)
			total += (unsigned char)*p >= 0xE0 ? 2 : 1;
	double u = 0;
	for (const char *p = t; *p; p++) {
		if (*p == ' ') {
			double d = g->x0 + w * u / total - edge;
			if (d < 0)
				d = -d;
			if (d < best)
				best = d, at = (int)(p - t);
		}
		if (((unsigned char)*p & 0xC0) != 0x80)
			u += (unsigned char)*p >= 0xE0 ? 2 : 1;
	}
	if (at <= 0 || best > 0.15 * w || !t[at + 1])
		return;
	if (*nf == *cap) {
		*cap *= 2;
		*fp = gk_realloc(*fp, sizeof **fp * (size_t)*cap);
		g = &(*fp)[k];
	}
	frag *r = &(*fp)[(*nf)++];
	*r = *g;
	memset(&r->text, 0, sizeof r->text);
	gk_buf_adds(&r->text, g->text.s + at + 1);
	r->x0 = edge;
	r->col = g->col + 1;
	r->num = an->mask >> r->col & 1;
	g->text.s[at] = 0;
	g->text.len = (size_t)at;
	g->x1 = edge - 1;
}
