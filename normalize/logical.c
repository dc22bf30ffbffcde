/*
 * logical.c - logical rows of a positioned (PDF) table.  A table row is
 * often several text lines: a label wrapped inside its cell, centred on
 * the row's numbers, and an amount wrapped in a narrow cell.  The body's
 * cells become fragments; fragments of one column one line pitch apart
 * are chained (unless the next starts a new item), chains off their
 * row's centre are cut, and the chains are grouped into rows by their
 * vertical centres.  The result is a document of one line per row that
 * the family readers parse like any other.
 *
 * Entry points: with_logical_rows (numbers anchor the rows), with_rows
 * (rows anchored on given columns, see anchored.c).
 */
#include "logical.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static int frag_is_new_item(const nctx *c, const char *text)
{
	char *cp = compact_of(text);
	int r = is_ordinal_label(cp) || rule_any(c, "item-start", cp) || rule_any(c, "total", cp) ||
	        isdigit((unsigned char)cp[0]);
	free(cp);
	return r;
}

static int frag_cmp_y(const void *a, const void *b)
{
	const frag *x = a, *y = b;
	if (x->page != y->page)
		return x->page - y->page;
	return x->y0 < y->y0 ? -1 : x->y0 > y->y0 ? 1 : (x->x0 < y->x0 ? -1 : x->x0 > y->x0);
}

static int frag_cmp_center(const void *a, const void *b)
{
	const frag *x = *(frag *const *)a, *y = *(frag *const *)b;
	if (x->page != y->page)
		return x->page - y->page;
	double cx = (x->y0 + x->y1) / 2, cy = (y->y0 + y->y1) / 2;
	return cx < cy ? -1 : cx > cy ? 1 : (x->x0 < y->x0 ? -1 : x->x0 > y->x0);
}

int frag_cmp_x(const void *a, const void *b)
{
	const frag *x = *(frag *const *)a, *y = *(frag *const *)b;
	return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

/* How far the centre of chain members mem[a..b) is from its row: the
 * numbers line of a member that sits on one (the anchor), else the nearest
 * numbers line of the page. */
static double chain_offset(const frag *f, const int *mem, int a, int b, const double *nc, const int *ncp, int nnc)
{
	double cy = (f[mem[a]].cy0 + f[mem[b - 1]].cy1) / 2, best = 1e18;
	for (int k = a; k < b; k++)
		if (f[mem[k]].line_num) {
			double d = cy - (f[mem[k]].cy0 + f[mem[k]].cy1) / 2;
			return d < 0 ? -d : d;
		}
	for (int q = 0; q < nnc; q++)
		if (ncp[q] == f[mem[a]].page) {
			double d = cy - nc[q];
			if (d < 0)
				d = -d;
			if (d < best)
				best = d;
		}
	return best;
}

static int near_numbers(const double *nc, const int *ncp, int nnc, int page, double y, double tol)
{
	int lo = 0, hi = nnc; /* first entry not before (page, y - tol) */
	while (lo < hi) {
		int m = (lo + hi) / 2;
		if (ncp[m] < page || (ncp[m] == page && nc[m] < y - tol))
			lo = m + 1;
		else
			hi = m;
	}
	return lo < nnc && ncp[lo] == page && nc[lo] <= y + tol;
}

/* The line pitch inside wrapped cells, from cells centred on their row:
 * two fragments of one column placed symmetrically about a row's numbers
 * with nothing of theirs on that line (a cell of an even number of lines),
 * or about a fragment on the numbers line that starts at the same x (an
 * odd number).  Returns the most voted step (per line), 0 when fewer than
 * three votes agree.  f is sorted by page and y0. */
static double wrap_pitch(const frag *f, int nf, double h, const double *nc, const int *ncp, int nnc)
{
	int cap = 64, nv = 0;
	double *v = gk_malloc(sizeof(double) * (size_t)cap);
	for (int i = 0; i < nf; i++) {
		if (f[i].num || f[i].line_num)
			continue;
		double ci = (f[i].y0 + f[i].y1) / 2;
		for (int k = i + 1; k < nf && f[k].page == f[i].page && f[k].y0 - f[i].y0 < 4.4 * h; k++) {
			if (f[k].num || f[k].line_num)
				continue;
			double ov = (f[i].x1 < f[k].x1 ? f[i].x1 : f[k].x1) - (f[i].x0 > f[k].x0 ? f[i].x0 : f[k].x0);
			double ck = (f[k].y0 + f[k].y1) / 2, dy = ck - ci, mid = (ci + ck) / 2;
			if (dy < 0.8 * h || ov <= 0)
				continue;
			double step = 0;
			if (dy < 2.2 * h && near_numbers(nc, ncp, nnc, f[i].page, mid, 0.06 * h)) {
				/* two lines about the numbers, nothing of the column
				 * between them */
				step = dy;
				for (int q = i + 1; q < k && step > 0; q++) {
					double oq = (f[i].x1 < f[q].x1 ? f[i].x1 : f[q].x1) - (f[i].x0 > f[q].x0 ? f[i].x0 : f[q].x0);
					if (oq > 0 && f[q].y0 > f[i].y0 + 0.5 * h && f[q].y0 < f[k].y0 - 0.5 * h)
						step = 0;
				}
			}
			else if (dy >= 1.6 * h && f[k].x0 - f[i].x0 < 0.6 && f[i].x0 - f[k].x0 < 0.6)
				/* three lines: the middle one on the numbers line */
				for (int q = i + 1; q < k && !step; q++) {
					double cq = (f[q].y0 + f[q].y1) / 2;
					if (f[q].line_num && !f[q].num && f[q].x0 - f[i].x0 < 0.6 && f[i].x0 - f[q].x0 < 0.6 &&
					    cq - mid < 0.12 * h && mid - cq < 0.12 * h)
						step = dy / 2;
				}
			if (step <= 0)
				continue;
			if (nv == cap)
				v = gk_realloc(v, sizeof(double) * (size_t)(cap *= 2));
			v[nv++] = step;
		}
	}
	qsort(v, (size_t)nv, sizeof *v, cmp_double);
	double best = 0;
	int bestn = 2;
	for (int i = 0, j = 0; i < nv; i++) { /* densest window of 0.05 h */
		while (v[i] - v[j] > 0.05 * h)
			j++;
		if (i - j + 1 > bestn)
			bestn = i - j + 1, best = (v[i] + v[j]) / 2;
	}
	if (getenv("GK_DEBUG_ROWS")) {
		fprintf(stderr, "wrap_pitch p%d: %d votes, best %.2f x%d:", nf ? f[0].page : 0, nv, best, bestn);
		for (int i = 0; i < nv; i++)
			fprintf(stderr, " %.1f", v[i]);
		fprintf(stderr, "\n");
	}
	free(v);
	return best;
}

/* bytes of the UTF-8 sequence at p (1 for a stray byte) */
static int u8len(const char *p)
{
	unsigned cp;
	int n = gk_utf8_next((const unsigned char *)p, 4, &cp);
	return n ? n : 1;
}

/* A header cell of tight columns comes out as one cell of several words
 * ("一般公共预 政府性基金 国有资本经"): when it stands over two or more
 * columns (`over`), split it at its spaces, each word getting the share of
 * the width its characters take (CJK text is monospaced), so that each
 * word stands over its own column.  Words of one or two characters
 * ("小 计"), or with digits or letters, are not columns. */
static void add_head_cell(gk_line *n, const gk_cell *cl, int over)
{
	const char *t = cl->text;
	int words = 0, chars = 0, shortw = 0;
	for (const char *p = t; *p;) {
		while (*p == ' ')
			p++, chars++;
		if (!*p)
			break;
		int wl = 0;
		while (*p && *p != ' ') {
			shortw |= (unsigned char)*p < 0x80; /* a digit, a letter: not a CJK header word */
			p += u8len(p);
			wl++;
		}
		chars += wl;
		words++;
		shortw |= wl < 3;
	}
	if (words < 2 || shortw || over < 2 || !gk_has_cjk(t) || n->geom != GK_GEOM_POS) {
		gk_line_add_cell_y(n, cl->x0, cl->x1, cl->y0, cl->y1, t, strlen(t));
		return;
	}
	double per = (cl->x1 - cl->x0) / chars;
	int at = 0;
	for (const char *p = t; *p;) {
		while (*p == ' ')
			p++, at++;
		if (!*p)
			break;
		const char *w = p;
		int wl = 0;
		while (*p && *p != ' ') {
			p += u8len(p);
			wl++;
		}
		gk_line_add_cell_y(n, cl->x0 + at * per, cl->x0 + (at + wl) * per, cl->y0, cl->y1, w, (size_t)(p - w));
		at += wl;
	}
}

/* Build the logical-row document of lines [b, e).  Head lines (before the
 * first line with an amount, or an->body) and lines from the table's end
 * on are copied.  With an, rows are anchored on an's columns instead of
 * amounts, fragments chain by the exact line pitch, and a new item (an
 * ordinal, 其中...) is told by geometry alone. */
static gk_doc *logical_rows(nctx *c, int b, int e, const lr_anchor *an)
{
	gk_doc *d = gk_doc_new();
	int body = an ? an->body : e;
	for (int i = b; i < e && !an; i++)
		if (!c->x[i].skip && line_has_amount(c, i)) {
			body = i;
			break;
		}
	/* the first row's label may start a line or two above its numbers
	 * (wrapped and centred on them): lines that start a new item, just
	 * above, belong to the body */
	while (!an && body < e && body > b) {
		const xline *x = &c->x[body - 1];
		const gk_line *l = x->l, *nl = c->x[body].l;
		if (x->skip || !l->ncell || l->geom != GK_GEOM_POS || is_header_line(c, x) || nl->y0 - l->y0 > 2 * (l->y1 - l->y0))
			break;
		char *cp = compact_of(l->cell[0].text);
		int item = is_ordinal_label(cp) || rule_any(c, "item-start", cp);
		free(cp);
		if (!item)
			break;
		body--;
	}
	int stop = e;
	for (int i = body; i < e; i++)
		if (rule_any(c, "table-end", c->x[i].compact)) {
			stop = i;
			break;
		}
	/* the x ranges of the amount columns (overlapping amount cells) */
	double (*ncol)[2] = NULL;
	int nncol = 0;
	for (int i = body; i < e && nncol < 256; i++) {
		const gk_line *l = c->x[i].l;
		for (int j = 0; j < l->ncell && nncol < 256; j++) {
			char buf[48], *fw = gk_fold_width(l->cell[j].text);
			int am = gk_amount_parse(fw, buf, sizeof buf) && strchr(fw, '.');
			free(fw);
			if (!am)
				continue;
			int k = 0;
			while (k < nncol && !(l->cell[j].x0 < ncol[k][1] && l->cell[j].x1 > ncol[k][0]))
				k++;
			if (k == nncol) {
				ncol = gk_realloc(ncol, sizeof *ncol * (size_t)(nncol + 1));
				ncol[nncol][0] = l->cell[j].x0, ncol[nncol][1] = l->cell[j].x1, nncol++;
			} else {
				if (l->cell[j].x0 < ncol[k][0])
					ncol[k][0] = l->cell[j].x0;
				if (l->cell[j].x1 > ncol[k][1])
					ncol[k][1] = l->cell[j].x1;
			}
		}
	}
	for (int i = b; i < body; i++) {
		const gk_line *l = c->x[i].l;
		gk_line *n = gk_doc_add_line(d, l->page, l->y0, l->y1, l->size, l->geom);
		for (int j = 0; j < l->ncell; j++) {
			/* the columns under it: amount columns, or the cells of a
			 * header line below (上 "一般公共预 政府性基", 下 "算" "金预算") */
			int under = 0;
			const gk_cell *cl = &l->cell[j];
			for (int k = 0; k < nncol; k++)
				under += (ncol[k][1] < cl->x1 ? ncol[k][1] : cl->x1) - (ncol[k][0] > cl->x0 ? ncol[k][0] : cl->x0) > 1;
			for (int i2 = i + 1; i2 < body; i2++) {
				if (c->x[i2].skip)
					continue;
				const gk_line *nl = c->x[i2].l;
				int below = 0;
				for (int q = 0; q < nl->ncell; q++)
					below += (nl->cell[q].x1 < cl->x1 ? nl->cell[q].x1 : cl->x1) -
					             (nl->cell[q].x0 > cl->x0 ? nl->cell[q].x0 : cl->x0) > 1;
				if (below > under)
					under = below;
			}
			add_head_cell(n, cl, under);
		}
	}
	free(ncol);
	/* a 行次 column (the printed row numbers of 决算 tables) holds no
	 * amounts: its x ranges, from the header */
	double hc[8][2];
	int nhc = 0;
	for (int i = b; i < body && nhc < 8; i++) {
		const gk_line *l = c->x[i].l;
		for (int j = 0; j < l->ncell && nhc < 8; j++) {
			char *cp = compact_of(l->cell[j].text);
			if (!strcmp(cp, "行次")) /* up to the next header cell: numbers are right-aligned */
				hc[nhc][0] = l->cell[j].x0,
				hc[nhc][1] = j + 1 < l->ncell ? l->cell[j + 1].x0 - 2 : l->cell[j].x1, nhc++;
			free(cp);
		}
	}
	/* fragments of the body */
	int nf = 0, cap = 0;
	frag *f = NULL;
	double hsum = 0;
	for (int i = body; i < stop; i++) {
		if (c->x[i].skip || !strcmp(c->x[i].compact, "类款项"))
			continue; /* (the 类 款 项 sub-header, sorted below the first
			           * numbers by a font whose digit boxes are too tall) */
		const gk_line *l = c->x[i].l;
		int lnum = an ? line_anchored(c, i, an) : line_has_amount(c, i);
		int first = nf;
		for (int j = 0; j < l->ncell; j++) {
			/* a running header ("表3") or page number sharing a row's line */
			char *cc = compact_of(l->cell[j].text);
			int furniture = rule_any(c, "skip", cc), marker = 0;
			double mid = (l->cell[j].x0 + l->cell[j].x1) / 2;
			for (int q = 0; q < nhc && !marker; q++)
				marker = mid > hc[q][0] - 2 && mid < hc[q][1] + 2 && is_digits(cc, 1, 4);
			free(cc);
			if (furniture)
				continue;
			lnum |= marker;
			if (nf == cap) {
				cap = cap ? cap * 2 : 256;
				f = gk_realloc(f, sizeof *f * (size_t)cap);
			}
			frag *g = &f[nf++];
			memset(g, 0, sizeof *g);
			g->x0 = l->cell[j].x0, g->x1 = l->cell[j].x1;
			g->y0 = gk_cell_y0(l, &l->cell[j]), g->y1 = gk_cell_y1(l, &l->cell[j]);
			g->page = l->page;
			g->line_num = lnum;
			g->last_y0 = g->y0;
			if (g->y1 <= g->y0) /* layout text: a line is one unit tall */
				g->y1 = g->y0 + 0.8;
			g->cy0 = g->y0, g->cy1 = g->y1;
			gk_buf_adds(&g->text, l->cell[j].text);
			char buf[48], *fw = gk_fold_width(l->cell[j].text);
			g->num = gk_amount_parse(fw, buf, sizeof buf);
			free(fw);
			g->marker = marker;
			if (an) {
				g->col = anchor_col(an, g->x0);
				g->num = an->mask >> g->col & 1;
			}
			hsum += g->y1 - g->y0;
			if (an && strchr(g->text.s, ' '))
				split_at_edge(&f, &nf, &cap, nf - 1, an);
		}
		/* with columns known, two pieces of one column at one height are
		 * one cell the extraction split at a wide space ("2." "部门…") */
		for (int k = first + 1; an && k < nf; k++) {
			frag *p = &f[k - 1], *g = &f[k];
			if (g->col != p->col || g->y0 - p->y0 > 0.5 || p->y0 - g->y0 > 0.5)
				continue;
			gk_buf_addc(&p->text, ' ');
			gk_buf_adds(&p->text, g->text.s);
			if (g->x1 > p->x1)
				p->x1 = g->x1;
			gk_buf_drop(&g->text);
			memmove(g, g + 1, sizeof *g * (size_t)(nf - k - 1));
			nf--, k--;
		}
		for (int k = first; lnum && k < nf; k++) /* a 行次 after the line's first cells */
			f[k].line_num = 1;
		/* A fragment printed a little above or below the line's numbers
		 * (its own extent, from an overflowing cell) is not on their row:
		 * it is anchored only when centred like one of the numbers. */
		for (int k = first; lnum && k < nf; k++) {
			double ck = (f[k].y0 + f[k].y1) / 2, tol = 0.12 * (f[k].y1 - f[k].y0);
			int near = 0;
			for (int q = first; q < nf && !near; q++) {
				double cq = (f[q].y0 + f[q].y1) / 2;
				near = f[q].num && cq - ck <= tol && ck - cq <= tol;
			}
			f[k].line_num = near;
		}
	}
	if (!nf)
		goto copy_rest;
	double h = hsum / nf;
	/* row pitch: median gap between successive distinct number centres */
	double *cy = gk_malloc(sizeof(double) * (size_t)nf);
	int ncy = 0;
	for (int i = 0; i < nf; i++)
		if (f[i].num)
			cy[ncy++] = f[i].page * 100000.0 + (f[i].y0 + f[i].y1) / 2;
	qsort(cy, (size_t)ncy, sizeof *cy, cmp_double);
	double *gaps = gk_malloc(sizeof(double) * (size_t)(ncy + 1));
	int ng = 0;
	for (int i = 1; i < ncy; i++)
		if (cy[i] - cy[i - 1] > 0.3 * h && cy[i] - cy[i - 1] < 20 * h)
			gaps[ng++] = cy[i] - cy[i - 1];
	qsort(gaps, (size_t)ng, sizeof *gaps, cmp_double);
	/* the lower quartile: rows without numbers make some gaps multiples */
	double pitch = ng ? gaps[ng / 4] : 1.5 * h;
	free(cy);
	free(gaps);
	/* columns: x-overlap clusters, over all fragments (with an: the
	 * header's columns, set above) */
	qsort(f, (size_t)nf, sizeof *f, frag_cmp_y);
	for (int i = 0; i < nf; i++)
		f[i].nxt = -1, f[i].tail = i, f[i].anchors = f[i].line_num;
	if (!an) {
		int *ord = gk_malloc(sizeof(int) * (size_t)nf);
		for (int i = 0; i < nf; i++)
			ord[i] = i;
		for (int i = 1; i < nf; i++) { /* by x0 */
			int t = ord[i], j = i - 1;
			while (j >= 0 && f[ord[j]].x0 > f[t].x0)
				ord[j + 1] = ord[j], j--;
			ord[j + 1] = t;
		}
		/* a cell wider than a third of the table (a note, a stray
		 * title) would bridge every column: it is a column of its own */
		double minx = 1e18, maxx = -1e18;
		for (int i = 0; i < nf; i++) {
			if (f[i].x0 < minx)
				minx = f[i].x0;
			if (f[i].x1 > maxx)
				maxx = f[i].x1;
		}
		double wide = (maxx - minx) / 3;
		int col = 0;
		double reach = -1e18;
		for (int i = 0; i < nf; i++) {
			frag *g = &f[ord[i]];
			if (g->x1 - g->x0 > wide) {
				g->col = -1 - i;
				continue;
			}
			if (reach > -1e17 && g->x0 > reach)
				col++;
			if (g->x1 > reach)
				reach = g->x1;
			g->col = col;
		}
		free(ord);
	}
	/* line pitch inside a wrapped cell: the usual step from a fragment to
	 * the next one below it in its column when that one is alone (no
	 * numbers on its line) */
	/* centres of the lines that carry numbers, per page (sorted by y) */
	double *nc = gk_malloc(sizeof(double) * (size_t)nf);
	int *ncp = gk_malloc(sizeof(int) * (size_t)nf);
	int nnc = 0;
	for (int i = 0; i < nf; i++)
		if (f[i].num) {
			double cc = (f[i].y0 + f[i].y1) / 2;
			if (!nnc || ncp[nnc - 1] != f[i].page || cc - nc[nnc - 1] > 0.3 * h)
				nc[nnc] = cc, ncp[nnc++] = f[i].page;
		}
	double lp = wrap_pitch(f, nf, h, nc, ncp, nnc);
	if (lp <= 0) {
		double *st = gk_malloc(sizeof(double) * (size_t)nf);
		int ns = 0;
		for (int i = 0; i < nf; i++) {
			if (f[i].num || f[i].line_num)
				continue;
			double bestdy = 1e18;
			for (int k = i - 1; k >= 0 && f[k].page == f[i].page; k--) {
				double dy = f[i].y0 - f[k].y0;
				if (dy > 2.2 * h)
					break;
				if (f[k].col == f[i].col && !f[k].num && dy > 0.5 * h && dy < bestdy)
					bestdy = dy;
			}
			if (bestdy < 1e17)
				st[ns++] = bestdy;
		}
		qsort(st, (size_t)ns, sizeof *st, cmp_double);
		lp = ns ? st[ns / 2] : 1.1 * h;
		free(st);
	}
	/* the decimals the table's amounts usually print */
	int ndec[8] = {0}, dec = -1;
	for (int i = 0; i < nf; i++) {
		const char *dot = f[i].num ? strchr(f[i].text.s, '.') : NULL;
		int n = 0;
		while (dot && isdigit((unsigned char)dot[1 + n]))
			n++;
		if (dot && n < 8)
			ndec[n]++;
	}
	for (int n = 1; n < 8; n++)
		if (ndec[n] > (dec >= 0 ? ndec[dec] : 0))
			dec = n;
	/* join fragments of a column: wrapped labels, split numbers */
	for (int i = 0; i < nf; i++) {
		frag *g = &f[i];
		const char *t = g->text.s;
		int dotcont = !an && t[0] == '.' && isdigit((unsigned char)t[1]);
		/* the last digits of an amount wrapped in a narrow cell
		 * ("24995.9" above "4"), right-aligned under it */
		if (!an && !dotcont && dec > 0 && g->num && !g->marker && strlen(t) <= 3 && strspn(t, "0123456789") == strlen(t))
			for (int k = i - 1; k >= 0 && f[k].page == g->page && g->y0 - f[k].y0 < 1.5 * (g->y1 - g->y0); k--) {
				const frag *p = &f[k];
				const char *dot = p->num && !p->dead ? strchr(p->text.s, '.') : NULL;
				int n = 0;
				while (dot && isdigit((unsigned char)dot[1 + n]))
					n++;
				double dx = p->x1 - g->x1;
				if (dot && !dot[1 + n] && n + (int)strlen(t) == dec && dx < 1.5 && dx > -1.5 &&
				    g->y0 - p->y0 > 0.3 * (g->y1 - g->y0)) {
					gk_buf_adds(&f[k].text, t);
					if (g->y1 > f[k].y1)
						f[k].y1 = f[k].cy1 = g->y1;
					g->dead = 1;
					break;
				}
			}
		if (g->dead)
			continue;
		if (g->num && !dotcont)
			continue;
		if (!dotcont && !an && frag_is_new_item(c, t))
			continue;
		/* the open item of this column whose last line is one line pitch above */
		int best = -1;
		double bd = 1e18;
		for (int k = i - 1; k >= 0; k--) {
			frag *p = &f[k];
			if (p->page != g->page)
				break;
			if (g->y0 - p->last_y0 > 1.8 * h + 1)
				continue;
			if (p->dead || p->col != g->col)
				continue;
			if (dotcont ? !p->num || strchr(p->text.s, '.') : p->num)
				continue;
			double dy = g->y0 - p->last_y0;
			/* one line below, and not two rows that both carry numbers;
			 * anchored rows interleave their cells' lines a point or
			 * two apart: only the exact pitch joins */
			double slack = an ? 0.06 : 0.2;
			if (dy < (1 - slack) * lp || dy > (1 + slack) * lp || (g->line_num && p->anchors && !dotcont))
				continue;
			double dd = dy - lp;
			if (dd < 0)
				dd = -dd;
			const frag *u = &f[p->tail];
			if (u->x0 - g->x0 > 0.6 || g->x0 - u->x0 > 0.6)
				dd += 0.05 * lp; /* lines of a cell start at one x */
			if (dd < bd)
				bd = dd, best = k;
		}
		if (best < 0)
			continue;
		frag *p = &f[best];
		/* link g at the end of p's chain */
		f[p->tail].nxt = i;
		p->tail = i;
		p->anchors += g->line_num;
		p->last_y0 = g->y0;
		if (g->y1 > p->y1)
			p->y1 = g->y1;
		g->dead = 1;
		if (dotcont)
			p->num = 1; /* re-read when the chain is joined */
	}
	/* A wrapped cell is centred on its row's numbers.  A text chain whose
	 * centre is off its own numbers line (the line of its member that
	 * carries numbers, else the nearest one) took in the next rows'
	 * labels: cut it into the parts that come out best centred (least
	 * total offset, each cut costing a quarter line, no part holding two
	 * rows' numbers).  A chain with no member on a numbers line may be the
	 * label of a row without numbers, centred on nothing: it is cut only
	 * when every part then sits on numbers. */
	for (int i = 0; i < nf && nnc; i++) {
		frag *p = &f[i];
		if (p->dead || p->tail == i || p->num)
			continue;
		int mem[64], nm = 0, anchored = 0;
		for (int k = i; k >= 0 && nm < 64; k = f[k].nxt) {
			anchored |= f[k].line_num;
			mem[nm++] = k;
		}
		double whole = chain_offset(f, mem, 0, nm, nc, ncp, nnc);
		if (whole <= 0.35 * lp || whole > 1e17)
			continue;
		/* best[j]: least cost of cutting mem[0..j); from[j]: its last cut */
		double best[65];
		int from[65];
		best[0] = 0;
		for (int j = 1; j <= nm; j++) {
			best[j] = 1e18, from[j] = 0;
			for (int a = j - 1; a >= 0; a--) {
				int na = 0;
				for (int k = a; k < j; k++)
					na += f[mem[k]].line_num != 0;
				if (na > 1)
					break; /* longer parts hold these two as well */
				double off = chain_offset(f, mem, a, j, nc, ncp, nnc);
				if (!anchored && off > 0.35 * lp)
					continue;
				double cost = best[a] + off + (a ? 0.25 * lp : 0);
				if (cost < best[j])
					best[j] = cost, from[j] = a;
			}
		}
		if (best[nm] >= whole)
			continue;
		/* cut before each part's first member; each part heads itself */
		for (int j = nm; j > 0; j = from[j]) {
			int a = from[j];
			f[mem[j - 1]].nxt = -1;
			frag *q = &f[mem[a]];
			q->dead = 0;
			q->tail = mem[j - 1];
			q->anchors = 0;
			for (int k = a; k < j; k++)
				q->anchors += f[mem[k]].line_num != 0;
		}
	}
	if (getenv("GK_DEBUG_ROWS"))
		for (int i = 0; i < nf; i++)
			if (!f[i].dead) {
				fprintf(stderr, "chain p%d col %d y %.1f-%.1f anchors %d lp %.1f:", f[i].page, f[i].col, f[i].cy0, f[i].cy1, f[i].anchors, lp);
				for (int k = i; k >= 0; k = f[k].nxt)
					fprintf(stderr, " [%s@%.1f,%.1f]", f[k].text.s, f[k].x0, f[k].cy0);
				fprintf(stderr, "\n");
			}
	/* join each chain into its head */
	for (int i = 0; i < nf; i++) {
		frag *p = &f[i];
		if (p->dead)
			continue;
		p->y1 = p->cy1; /* the greedy pass widened it; splits may have cut it back */
		if (p->tail == i)
			continue;
		for (int k = p->nxt; k >= 0; k = f[k].nxt) {
			gk_buf_add(&p->text, f[k].text.s, f[k].text.len);
			if (f[k].cy1 > p->y1)
				p->y1 = f[k].cy1;
			if (f[k].x0 < p->x0)
				p->x0 = f[k].x0;
			if (f[k].x1 > p->x1)
				p->x1 = f[k].x1;
		}
		char buf[48], *fw = gk_fold_width(p->text.s);
		p->num = gk_amount_parse(fw, buf, sizeof buf);
		free(fw);
	}
	free(nc);
	free(ncp);
	/* rows: group by vertical centre */
	frag **live = gk_malloc(sizeof *live * (size_t)nf);
	int nl = 0;
	for (int i = 0; i < nf; i++)
		if (!f[i].dead)
			live[nl++] = &f[i];
	qsort(live, (size_t)nl, sizeof *live, frag_cmp_center);
	if (an)
		anchored_lines(d, live, nl, pitch), nl = 0;
	for (int i = 0; i < nl;) {
		double c0 = (live[i]->y0 + live[i]->y1) / 2;
		int j = i + 1;
		while (j < nl && live[j]->page == live[i]->page && (live[j]->y0 + live[j]->y1) / 2 - c0 < 0.45 * pitch)
			j++;
		/* a total row whose label and numbers drifted apart (boxes of
		 * broken font metrics): numbers alone, then 合计 alone, within a
		 * pitch: one row */
		int allnum = 1;
		for (int k = i; k < j; k++)
			allnum &= live[k]->num;
		if (allnum && j < nl && live[j]->page == live[i]->page && !live[j]->num &&
		    (j + 1 == nl || live[j + 1]->page != live[j]->page ||
		     (live[j + 1]->y0 + live[j + 1]->y1) / 2 - (live[j]->y0 + live[j]->y1) / 2 >= 0.45 * pitch) &&
		    (live[j]->y0 + live[j]->y1) / 2 - c0 < pitch) {
			char *cp = compact_of(live[j]->text.s);
			if (rule_any(c, "total", cp))
				j++;
			free(cp);
		}
		qsort(live + i, (size_t)(j - i), sizeof *live, frag_cmp_x);
		double y0 = 1e18, y1 = -1e18;
		for (int k = i; k < j; k++) {
			if (live[k]->y0 < y0)
				y0 = live[k]->y0;
			if (live[k]->y1 > y1)
				y1 = live[k]->y1;
		}
		gk_line *n = gk_doc_add_line(d, live[i]->page, y0, y1, 0, GK_GEOM_POS);
		for (int k = i; k < j; k++)
			if (!live[k]->marker)
				gk_line_add_cell(n, live[k]->x0, live[k]->x1, live[k]->text.s, live[k]->text.len);
		i = j;
	}
	free(live);
	for (int i = 0; i < nf; i++)
		gk_buf_drop(&f[i].text);
	free(f);
copy_rest:
	for (int i = stop; i < e; i++) {
		const gk_line *l = c->x[i].l;
		gk_line *n = gk_doc_add_line(d, l->page, l->y0, l->y1, l->size, l->geom);
		for (int j = 0; j < l->ncell; j++)
			gk_line_add_cell_y(n, l->cell[j].x0, l->cell[j].x1, l->cell[j].y0, l->cell[j].y1, l->cell[j].text,
			                   strlen(l->cell[j].text));
	}
	return d;
}

void with_logical_rows(nctx *c, const tspan *sp, gk_table *t, span_parser fn)
{
	if (body_geom(c, sp->begin, sp->end) != GK_GEOM_POS) {
		fn(c, sp, t);
		return;
	}
	with_rows(c, sp, t, fn, NULL);
}

/* Run fn on the logical rows of a positioned span (anchored on an's
 * columns when given); fn sees a span whose title is -1. */
void with_rows(nctx *c, const tspan *sp, gk_table *t, span_parser fn, const lr_anchor *an)
{
	gk_doc *d = logical_rows(c, sp->begin, sp->end, an);
	nctx sub = *c;
	sub.n = d->nline;
	sub.x = gk_calloc((size_t)(d->nline ? d->nline : 1), sizeof *sub.x);
	for (int i = 0; i < d->nline; i++) {
		sub.x[i].l = &d->line[i];
		char *tx = gk_line_text(&d->line[i]);
		sub.x[i].compact = compact_of(tx);
		free(tx);
		sub.x[i].skip = rule_any(c, "skip", sub.x[i].compact);
	}
	tspan s2 = {sp->id, -1, 0, d->nline};
	fn(&sub, &s2, t);
	/* what the parser learned about the document */
	if (!c->dept && sub.dept)
		c->dept = sub.dept;
	else if (sub.dept != c->dept)
		free(sub.dept);
	c->unit_seen = sub.unit_seen;
	c->unit_shift = sub.unit_shift;
	c->nother = sub.nother;
	memcpy(c->ctx_class, sub.ctx_class, sizeof c->ctx_class);
	memcpy(c->ctx_item, sub.ctx_item, sizeof c->ctx_item);
	c->hx_kuan = sub.hx_kuan, c->hx_xiang = sub.hx_xiang;
	for (int i = 0; i < sub.n; i++)
		free(sub.x[i].compact);
	free(sub.x);
	gk_doc_drop(d);
}
