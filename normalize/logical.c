/*
 * logical.c - logical rows of a positioned (PDF) table.  A table row is
 * often several text lines: a label wrapped inside its cell, centred on
 * the row's numbers, and an amount wrapped in a narrow cell.  Here: the
 * head lines copied (a header cell fused over tight columns split over
 * them), the body's cells as fragments, the row pitch and the columns;
 * the fragments are chained into cells (chains.c) and the cells grouped
 * into rows by their vertical centres (or around anchor columns,
 * anchored.c).  The result is a document of one line per row that the
 * family readers parse like any other.
 *
 * Entry points: with_logical_rows (numbers anchor the rows), with_rows
 * (rows anchored on given columns).
 */
#include "logical.h"

#include <stdlib.h>
#include <string.h>

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
 * word stands over its own column ("会议费 培训费 合计", "公务 公务").
 * Words of one character ("小 计"), or with digits or letters, are not
 * columns. */
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
			/* a digit, a letter: not a CJK header word (ASCII brackets
			 * are: 因公出国(境)费) */
			shortw |= (unsigned char)*p < 0x80 && *p != '(' && *p != ')';
			p += u8len(p);
			wl++;
		}
		chars += wl;
		words++;
		shortw |= wl < 2;
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

/* Is the line above amount line i the first line of a label wrapped
 * over two lines and centred on i's numbers (the line below i holding
 * its second line as far below, both in the gap line i leaves for its
 * label, in the same type size)?  Not a header word: a page's first row (烟台: 其他行政事业单位养老支
 * over 2.24, 出 under it). */
static int centred_above(const nctx *c, int i, int e)
{
	const gk_line *a = c->x[i - 1].l, *l = c->x[i].l, *z = i + 1 < e ? c->x[i + 1].l : NULL;
	double h = l->y1 - l->y0;
	if (!z || c->x[i - 1].skip || c->x[i + 1].skip || a->geom != GK_GEOM_POS || z->geom != GK_GEOM_POS ||
	    a->page != l->page || z->page != l->page || h <= 0 || (a->size > 0 && l->size > 0 && (a->size - l->size > 0.3 || l->size - a->size > 0.3)))
		return 0;
	double up = l->y0 - a->y0, down = z->y0 - l->y0;
	if (up < 0.2 * h || up > 0.9 * h || down - up > 0.25 * h || up - down > 0.25 * h || line_has_amount(c, i + 1))
		return 0;
	/* both in one gap between the cells of line i (the label's column,
	 * empty on the numbers line) */
	if (a->ncell != 1 || z->ncell != 1)
		return 0;
	double lo = -1e18, hi = 1e18, m = (a->cell[0].x0 + a->cell[0].x1) / 2;
	for (int j = 0; j < l->ncell; j++) {
		if (l->cell[j].x1 <= m && l->cell[j].x1 > lo)
			lo = l->cell[j].x1;
		if (l->cell[j].x0 >= m && l->cell[j].x0 < hi)
			hi = l->cell[j].x0;
	}
	return a->cell[0].x0 >= lo && a->cell[0].x1 <= hi && z->cell[0].x0 >= lo && z->cell[0].x1 <= hi;
}

/* The first body line of [b, e): an->body, else the first line with an
 * amount, the first line of a label centred on it, or a line or two
 * above it that start a new item (the first row's label wrapped and
 * centred on its numbers). */
static int body_start(const nctx *c, int b, int e, const lr_anchor *an)
{
	if (an)
		return an->body;
	int body = e;
	for (int i = b; i < e; i++)
		if (!c->x[i].skip && line_has_amount(c, i)) {
			body = i;
			break;
		}
	if (body < e && body > b && centred_above(c, body, e))
		body--;
	while (body < e && body > b) {
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
	return body;
}

/* An OCR'd head cell mended as it is copied to n (ocrhead.c): marks read
 * off the table's rules after its word dropped, two column words glued
 * into it cut apart.  Returns 0 when there is nothing to mend. */
static int add_ocr_head_cell(const nctx *c, gk_line *n, int i, int body, const gk_cell *cl, double pitch,
                             double (*ncol)[2], int nncol)
{
	if (pitch <= 0)
		return 0;
	double x1;
	size_t tl = ocr_head_trim(c, i, cl, pitch, &x1);
	gk_cell tc = *cl;
	tc.x1 = x1;
	tc.text = gk_strndup(cl->text, tl);
	int cut = ocr_glued_cut(c, i, body, &tc, pitch, ncol, nncol);
	if (!cut && tl == strlen(cl->text)) {
		free(tc.text);
		return 0;
	}
	const char *m = tc.text;
	for (int k = 0; k < cut; k++)
		m += u8len(m);
	int rest = 0;
	for (const char *p = m; *p; p += u8len(p))
		rest++;
	if (cut) { /* the gap between the two words left out */
		gk_line_add_cell_y(n, tc.x0, tc.x0 + cut * pitch, tc.y0, tc.y1, tc.text, (size_t)(m - tc.text));
		gk_line_add_cell_y(n, tc.x1 - rest * pitch, tc.x1, tc.y0, tc.y1, m, strlen(m));
	} else {
		gk_line_add_cell_y(n, tc.x0, tc.x1, tc.y0, tc.y1, tc.text, tl);
	}
	free(tc.text);
	return 1;
}

/* The head lines [b, body) copied to d, each cell split over the columns
 * under it when poppler fused it (add_head_cell): the amount columns of
 * the body [body, e), or the cells of a header line below (上 "一般公共预
 * 政府性基", 下 "算" "金预算"). */
static void copy_head(const nctx *c, gk_doc *d, int b, int body, int e)
{
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
	double pitch = ocr_head_pitch(c, b, body); /* (0 unless OCR'd) */
	double (*ocol)[2] = NULL;
	int nocol = pitch > 0 ? ocr_amount_columns(c, b, e, &ocol) : 0; /* (a table in 元 may have no body yet) */
	for (int i = b; i < body; i++) {
		const gk_line *l = c->x[i].l;
		gk_line *n = gk_doc_add_line(d, l->page, l->y0, l->y1, l->size, l->geom);
		for (int j = 0; j < l->ncell; j++) {
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
			if (!add_ocr_head_cell(c, n, i, body, cl, pitch, ocol, nocol))
				add_head_cell(n, cl, under);
		}
	}
	free(ncol);
	free(ocol);
}

/* Is there a cell reading w among the head lines [from, to) that
 * overlaps cl in x (a header word wrapped: "序" above "号")? */
static int below_word(const nctx *c, int from, int to, const gk_cell *cl, const char *w)
{
	for (int i = from; i < to; i++) {
		const gk_line *l = c->x[i].l;
		for (int j = 0; j < l->ncell; j++) {
			if (l->cell[j].x1 <= cl->x0 || l->cell[j].x0 >= cl->x1)
				continue;
			char *cp = compact_of(l->cell[j].text);
			int hit = !strcmp(cp, w);
			free(cp);
			if (hit)
				return 1;
		}
	}
	return 0;
}

/* A 行次 column (the printed row numbers of 决算 tables) or a 序号
 * column (a table's running row numbers, "序号" or "序" over "号") holds
 * no amounts and no codes: its x ranges, from the head lines [b, body).
 * 序号 numbers sit left, centred or right in their column: it reaches
 * half way to the header cells beside it.  Returns how many
 * (at most 8). */
static int hangci_columns(const nctx *c, int b, int body, int seq, double hc[8][2])
{
	int nhc = 0;
	for (int i = b; i < body && nhc < 8; i++) {
		const gk_line *l = c->x[i].l;
		for (int j = 0; j < l->ncell && nhc < 8; j++) {
			char *cp = compact_of(l->cell[j].text);
			const gk_cell *cl = &l->cell[j];
			if (!strcmp(cp, "行次")) /* up to the next header cell: numbers are right-aligned */
				hc[nhc][0] = cl->x0, hc[nhc][1] = j + 1 < l->ncell ? l->cell[j + 1].x0 - 2 : cl->x1, nhc++;
			else if (seq && (!strcmp(cp, "序号") || (!strcmp(cp, "序") && below_word(c, i + 1, body, cl, "号"))))
				hc[nhc][0] = j ? (l->cell[j - 1].x1 + cl->x0) / 2 : cl->x0 - 2 * (cl->x1 - cl->x0),
				hc[nhc][1] = j + 1 < l->ncell ? (cl->x1 + l->cell[j + 1].x0) / 2 - 2 : cl->x1 + (cl->x1 - cl->x0) / 2,
				nhc++;
			free(cp);
		}
	}
	return nhc;
}

/* The cells of body line i as fragments appended to w; *hsum adds their
 * heights.  Page furniture sharing the line goes; a 行次 number is a
 * marker.  With an, cells take an's columns (glued cells split at a
 * column edge, two pieces of one column at one height joined). */
static void line_frags(const nctx *c, int i, const lr_anchor *an, double hc[8][2], int nhc, lrows *w, double *hsum)
{
	const gk_line *l = c->x[i].l;
	int lnum = an ? line_anchored(c, i, an) : line_has_amount(c, i);
	int first = w->nf;
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
		if (w->nf == w->cap) {
			w->cap = w->cap ? w->cap * 2 : 256;
			w->f = gk_realloc(w->f, sizeof *w->f * (size_t)w->cap);
		}
		frag *g = &w->f[w->nf++];
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
		*hsum += g->y1 - g->y0;
		if (an && strchr(g->text.s, ' '))
			split_at_edge(&w->f, &w->nf, &w->cap, w->nf - 1, an);
	}
	frag *f = w->f;
	/* with columns known, two pieces of one column at one height are
	 * one cell the extraction split at a wide space ("2." "部门…") */
	for (int k = first + 1; an && k < w->nf; k++) {
		frag *p = &f[k - 1], *g = &f[k];
		if (g->col != p->col || g->y0 - p->y0 > 0.5 || p->y0 - g->y0 > 0.5)
			continue;
		gk_buf_addc(&p->text, ' ');
		gk_buf_adds(&p->text, g->text.s);
		if (g->x1 > p->x1)
			p->x1 = g->x1;
		gk_buf_drop(&g->text);
		memmove(g, g + 1, sizeof *g * (size_t)(w->nf - k - 1));
		w->nf--, k--;
	}
	for (int k = first; lnum && k < w->nf; k++) /* a 行次 after the line's first cells */
		f[k].line_num = 1;
	/* A fragment printed a little above or below the line's numbers
	 * (its own extent, from an overflowing cell) is not on their row:
	 * it is anchored only when centred like one of the numbers. */
	for (int k = first; lnum && k < w->nf; k++) {
		double ck = (f[k].y0 + f[k].y1) / 2, hk = f[k].y1 - f[k].y0;
		int near = 0;
		for (int q = first; q < w->nf && !near; q++) {
			/* (digits drawn with boxes taller than the text's, 重庆:
			 * their centre is off the text's by part of the excess) */
			double cq = (f[q].y0 + f[q].y1) / 2, hq = f[q].y1 - f[q].y0;
			double tol = 0.12 * hk + (hq > hk ? 0.3 * (hq - hk) : 0);
			near = f[q].num && cq - ck <= tol && ck - cq <= tol;
		}
		f[k].line_num = near;
	}
}

/* Is f an amount printed with a decimal point or a thousands comma (not
 * a classification code, which is digits alone)? */
static int marked_amount(const frag *f)
{
	return f->num && (strchr(f->text.s, '.') || strchr(f->text.s, ','));
}

/* Row pitch: the lower quartile of the gaps between successive distinct
 * number centres (rows without numbers make some gaps multiples).  Where
 * the amounts carry decimals or commas, theirs only: a code is a number
 * too, but an Excel cell left at the default bottom alignment prints it
 * half a line below its row's centred name and figures (重庆水利's
 * 2010305), and that half line is no row pitch. */
static double row_pitch(const frag *f, int nf, double h)
{
	double *cy = gk_malloc(sizeof(double) * (size_t)nf);
	int ncy = 0, nmark = 0;
	for (int i = 0; i < nf; i++)
		nmark += marked_amount(&f[i]);
	for (int i = 0; i < nf; i++)
		if (nmark >= 4 ? marked_amount(&f[i]) : f[i].num)
			cy[ncy++] = f[i].page * 100000.0 + (f[i].y0 + f[i].y1) / 2;
	qsort(cy, (size_t)ncy, sizeof *cy, cmp_double);
	double *gaps = gk_malloc(sizeof(double) * (size_t)(ncy + 1));
	int ng = 0;
	for (int i = 1; i < ncy; i++)
		if (cy[i] - cy[i - 1] > 0.3 * h && cy[i] - cy[i - 1] < 20 * h)
			gaps[ng++] = cy[i] - cy[i - 1];
	qsort(gaps, (size_t)ng, sizeof *gaps, cmp_double);
	double pitch = ng ? gaps[ng / 4] : 1.5 * h;
	free(cy);
	free(gaps);
	return pitch;
}

/* Where numbers are sparse (a summary printing a figure on one line in
 * five) the steps between number lines are multiples of the row pitch:
 * two cells of one column, each a chain of its own, are two rows, so the
 * lower quartile of those steps caps it.  live is sorted by centre. */
static double cell_pitch(frag **live, int nl, double pitch, double h)
{
	double *gaps = gk_malloc(sizeof(double) * (size_t)(nl + 1));
	int ng = 0;
	for (int i = 0; i < nl; i++) {
		double ci = (live[i]->y0 + live[i]->y1) / 2;
		for (int k = i + 1; k < nl && live[k]->page == live[i]->page; k++)
			if (live[k]->col == live[i]->col && (live[k]->y0 + live[k]->y1) / 2 - ci > 0.3 * h) {
				gaps[ng++] = (live[k]->y0 + live[k]->y1) / 2 - ci;
				break;
			}
	}
	qsort(gaps, (size_t)ng, sizeof *gaps, cmp_double);
	if (ng && gaps[ng / 4] < pitch)
		pitch = gaps[ng / 4];
	free(gaps);
	return pitch;
}

/* Columns: x-overlap clusters over all fragments.  A cell wider than a
 * third of the table (a note, a stray title) would bridge every column:
 * it is a column of its own. */
static void frag_columns(frag *f, int nf)
{
	int *ord = gk_malloc(sizeof(int) * (size_t)nf);
	for (int i = 0; i < nf; i++)
		ord[i] = i;
	for (int i = 1; i < nf; i++) { /* by x0 */
		int t = ord[i], j = i - 1;
		while (j >= 0 && f[ord[j]].x0 > f[t].x0)
			ord[j + 1] = ord[j], j--;
		ord[j + 1] = t;
	}
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

/* Cells live[a..b) written as one line of d (sorted by x). */
static void write_row(gk_doc *d, frag **live, int a, int b)
{
	qsort(live + a, (size_t)(b - a), sizeof *live, frag_cmp_x);
	double y0 = 1e18, y1 = -1e18;
	for (int k = a; k < b; k++) {
		if (live[k]->y0 < y0)
			y0 = live[k]->y0;
		if (live[k]->y1 > y1)
			y1 = live[k]->y1;
	}
	gk_line *n = gk_doc_add_line(d, live[a]->page, y0, y1, 0, GK_GEOM_POS);
	for (int k = a; k < b; k++)
		if (!live[k]->marker)
			gk_line_add_cell(n, live[k]->x0, live[k]->x1, live[k]->text.s, live[k]->text.len);
}

static int cmp_frag_band(const void *a, const void *b)
{
	const frag *x = *(frag *const *)a, *y = *(frag *const *)b;
	if (x->col != y->col) /* (col holds the band here) */
		return x->col - y->col;
	if (x->page != y->page)
		return x->page - y->page;
	double cx = (x->y0 + x->y1) / 2, cy = (y->y0 + y->y1) / 2;
	return cx < cy ? -1 : cx > cy;
}

/* Amounts drawn in boxes far taller than the text's (broken font
 * metrics, 上海 决算: each amount's box spans its row, the code line
 * above its centre and the name line below it, while the text lines are a
 * sliver each): the amounts' boxes, merged where they overlap, are the
 * rows' bands; a cell touching a band is of its row, the cells between
 * bands (rows without amounts) are grouped a band's height at most.
 * Returns 0 (d untouched) unless the amounts are so drawn. */
static int tall_rows(gk_doc *d, frag **live, int nl)
{
	/* the text's height: the median of the cells that are not amounts
	 * (codes are numbers drawn as text) */
	double *ht = gk_malloc(sizeof(double) * (size_t)(nl + 1)), *hn = gk_malloc(sizeof(double) * (size_t)(nl + 1));
	int nt = 0, nn = 0, namt = 0;
	for (int i = 0; i < nl; i++)
		if (!live[i]->num || !strchr(live[i]->text.s, '.'))
			ht[nt++] = live[i]->y1 - live[i]->y0;
	double mt = 0, mn = 0;
	if (nt >= 3) {
		qsort(ht, (size_t)nt, sizeof *ht, cmp_double);
		mt = ht[nt / 2];
	}
	for (int i = 0; i < nl && mt > 0; i++)
		if (live[i]->num && strchr(live[i]->text.s, '.')) {
			namt++;
			if (live[i]->y1 - live[i]->y0 >= 4 * mt)
				hn[nn++] = live[i]->y1 - live[i]->y0;
		}
	/* (most amounts so drawn, three at least) */
	int ok = nn >= 3 && nn * 4 >= namt * 3;
	if (ok) {
		qsort(hn, (size_t)nn, sizeof *hn, cmp_double);
		mn = hn[nn / 2];
	}
	free(hn);
	free(ht);
	if (!ok)
		return 0;
	/* the bands: tall amounts (sorted by page and centre) merged where
	 * their boxes overlap by half an amount's height */
	int nb = 0;
	double *b0 = gk_malloc(sizeof(double) * (size_t)nl), *b1 = gk_malloc(sizeof(double) * (size_t)nl);
	int *bp = gk_malloc(sizeof(int) * (size_t)nl);
	for (int i = 0; i < nl; i++) {
		const frag *f = live[i];
		if (!f->num || f->y1 - f->y0 < 4 * mt)
			continue;
		if (nb && bp[nb - 1] == f->page && f->y0 < b1[nb - 1] - mn / 2) {
			if (f->y1 > b1[nb - 1])
				b1[nb - 1] = f->y1;
			if (f->y0 < b0[nb - 1])
				b0[nb - 1] = f->y0;
			continue;
		}
		b0[nb] = f->y0, b1[nb] = f->y1, bp[nb] = f->page;
		nb++;
	}
	/* each cell's band (col: 2 * band, odd between bands); a cell
	 * touching two bands goes to the one its centre is nearest */
	double tol = mt / 2;
	int *save = gk_malloc(sizeof(int) * (size_t)nl);
	for (int i = 0; i < nl; i++) {
		frag *f = live[i];
		save[i] = f->col;
		double cf = (f->y0 + f->y1) / 2, best = 1e18;
		int bb = -1, after = -1;
		for (int k = 0; k < nb; k++) {
			if (bp[k] < f->page || (bp[k] == f->page && b1[k] + tol <= f->y0))
				after = k;
			if (bp[k] != f->page || f->y0 >= b1[k] + tol || f->y1 <= b0[k] - tol)
				continue;
			double dd = cf - (b0[k] + b1[k]) / 2;
			dd = dd < 0 ? -dd : dd;
			if (dd < best)
				best = dd, bb = k;
		}
		f->col = bb >= 0 ? 2 * bb + 2 : 2 * after + 3;
	}
	/* (frags are compared by pointer order below: sort a copy) */
	frag **ord = gk_malloc(sizeof *ord * (size_t)nl);
	memcpy(ord, live, sizeof *ord * (size_t)nl);
	qsort(ord, (size_t)nl, sizeof *ord, cmp_frag_band);
	for (int i = 0; i < nl;) {
		int j = i + 1;
		if (ord[i]->col % 2 == 0)
			while (j < nl && ord[j]->col == ord[i]->col)
				j++;
		else /* between bands: rows a band's height apart at least */
			while (j < nl && ord[j]->col == ord[i]->col && ord[j]->page == ord[i]->page &&
			       (ord[j]->y0 + ord[j]->y1) / 2 - (ord[i]->y0 + ord[i]->y1) / 2 < 0.75 * mn)
				j++;
		write_row(d, ord, i, j);
		i = j;
	}
	for (int i = 0; i < nl; i++)
		live[i]->col = save[i];
	free(ord);
	free(save);
	free(b0);
	free(b1);
	free(bp);
	return 1;
}

/* Rows: the cells (live, sorted by page and centre) grouped by vertical
 * centre, one line of d each; 行次 markers are not written. */
static void group_rows(const nctx *c, gk_doc *d, frag **live, int nl, double pitch)
{
	if (tall_rows(d, live, nl))
		return;
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
}

/* A bare page number (29, 8) on a line of its own: centred on the page,
 * in its top or bottom margin, with nothing else above it (top) or below
 * it (bottom) on its page.  Not a unit code, a row or a 合计's figure. */
static int page_number(const nctx *c, int i)
{
	const gk_line *l = c->x[i].l;
	int pg = l->page;
	if (l->geom != GK_GEOM_POS || l->ncell != 1 || pg < 1 || pg > c->doc->npage || !is_digits(c->x[i].compact, 1, 4))
		return 0;
	double w = c->doc->page_w[pg - 1], h = c->doc->page_h[pg - 1], mid = (l->cell[0].x0 + l->cell[0].x1) / 2;
	if (w <= 0 || h <= 0 || mid - w / 2 > 0.06 * w || w / 2 - mid > 0.06 * w)
		return 0;
	int bottom = l->y0 > 0.8 * h, top = l->y1 < 0.15 * h;
	for (int k = 0; k < c->n && (bottom || top); k++) {
		const gk_line *o = c->x[k].l;
		if (k == i || o->page != pg)
			continue;
		if (o->y0 > l->y0)
			bottom = 0;
		if (o->y0 < l->y0)
			top = 0;
	}
	return bottom || top;
}

/* Is every cell of line i a word of the head lines [b, body)? */
static int head_words(const nctx *c, int b, int body, int i)
{
	const gk_line *l = c->x[i].l;
	for (int j = 0; j < l->ncell; j++) {
		char *cp = compact_of(l->cell[j].text);
		int found = 0;
		for (int h = b; h < body && !found && *cp; h++)
			for (int q = 0; q < c->x[h].l->ncell && !found; q++) {
				char *hp = compact_of(c->x[h].l->cell[q].text);
				found = !strcmp(cp, hp);
				free(hp);
			}
		free(cp);
		if (!found)
			return 0;
	}
	return l->ncell > 0;
}

/* Are line i's cells all words of the head lines [b, body), and, with
 * the lines under it on its page down to the first amounts (before
 * stop), two cells at least?  A lone word is a label's end (支出) unless
 * the lines under it are header words as well (广州气象: 一般公共预算支出
 * over 功能科目名称 over 小计 其中：基本支出 项目支出). */
int head_run(const nctx *c, int b, int body, int stop, int i)
{
	const gk_line *l = c->x[i].l;
	if (!head_words(c, b, body, i))
		return 0;
	int cells = l->ncell;
	for (int k = i + 1; cells < 2 && k < stop && c->x[k].l->page == l->page && !line_has_amount(c, k); k++) {
		if (c->x[k].skip)
			continue;
		if (!head_words(c, b, body, k))
			return 0;
		cells += c->x[k].l->ncell;
	}
	return cells >= 2;
}

/* Line i's characters other than digits, points and spaces, as code
 * points (at most max): how many, and of them how many occur in the head
 * lines [b, body) (*in). */
static int chars_in_head(const nctx *c, int b, int body, int i, int *in)
{
	unsigned cp[96], hc[96];
	int n = code_points(c->x[i].compact, cp, 96), m = 0;
	*in = 0;
	if (n < 0)
		return -1;
	for (int k = 0; k < n; k++)
		if (!(cp[k] >= '0' && cp[k] <= '9') && cp[k] != '.' && cp[k] != ',')
			cp[m++] = cp[k];
	for (int k = 0; k < m; k++) {
		int found = 0;
		for (int h = b; h < body && !found; h++) {
			/* the column words only: not the department's line
			 * (部门名称：杭州市交通运输局, whose name a unit's begins with) */
			if (c->x[h].skip || rule_any(c, "dept", c->x[h].compact) || rule_any(c, "unit", c->x[h].compact))
				continue;
			int nh = code_points(c->x[h].compact, hc, 96);
			for (int q = 0; q < nh && !found; q++)
				found = hc[q] == cp[k];
		}
		*in += found;
	}
	return m;
}

/* On a page read by OCR the header printed again at the top of a
 * continued page is read with other breaks and a misread character or
 * a speck ("7 算 预算 营预算" under "财政拨款", 广州气象's project table),
 * so its cells are not the head's words: a line of a later page, above
 * its first amounts, whose characters (two at least; digits aside) are
 * four in five the head's, is the head again -- and so is a lone
 * character above such a line.  A label wrapped to the top of the page
 * (广州市气象台2026年信) names what no head prints. */
int ocr_head_echo(const nctx *c, int b, int body, int i)
{
	const gk_line *l = c->x[i].l;
	if (!ocr_page(c, l->page) || l->page == c->x[body].l->page || line_has_amount(c, i))
		return 0;
	for (int k = i - 1; k >= body && c->x[k].l->page == l->page; k--)
		if (line_has_amount(c, k))
			return 0;
	int in, n = chars_in_head(c, b, body, i, &in);
	if (n >= 2)
		return in * 5 >= n * 4;
	if (n != 1)
		return 0;
	for (int k = i + 1; k < c->n && c->x[k].l->page == l->page && !line_has_amount(c, k); k++) {
		int in2, n2 = chars_in_head(c, b, body, k, &in2);
		if (n2 >= 2 && in2 * 5 >= n2 * 4)
			return 1;
	}
	return 0;
}

/* A line of the table's header printed again at the top of a page (the
 * table continued): a head_run with no amount above it on its page.  Not
 * a row, nor a label wrapped from the row before
 * (…行政事业单位医疗项目一般公共预算支出类款项). */
static int repeated_head(const nctx *c, int b, int body, int stop, int i)
{
	const gk_line *l = c->x[i].l;
	if (!l->ncell || line_has_amount(c, i))
		return 0;
	for (int k = i - 1; k >= body && c->x[k].l->page == l->page; k--)
		if (line_has_amount(c, k))
			return 0;
	return head_run(c, b, body, stop, i) || ocr_head_echo(c, b, body, i);
}

/* On a page read by OCR a row's cells may stand in two of Tesseract's
 * lines (a label beside a cell wrapped over two lines: the figures' line
 * grows tall): a fragment of no numbers line that lies within a figure's
 * height on its page is on that figure's row, not the wrap of the label
 * above (广州's 广州市气象台 took the next unit's first garbled
 * characters, and its row went to that unit). */
static void ocr_line_nums(const nctx *c, frag *f, int nf)
{
	for (int i = 0; i < nf; i++) {
		frag *g = &f[i];
		double h = g->y1 - g->y0;
		if (g->line_num || g->num || h <= 0 || !ocr_page(c, g->page))
			continue;
		for (int k = 0; k < nf && !g->line_num; k++) {
			const frag *q = &f[k];
			if (!q->num || q->page != g->page || q->y1 - q->y0 < h)
				continue;
			double ov = (g->y1 < q->y1 ? g->y1 : q->y1) - (g->y0 > q->y0 ? g->y0 : q->y0);
			g->line_num = ov >= 0.8 * h;
		}
	}
}

/* The rows of the body [body, stop) rebuilt into d (seq: 序号 numbers
 * are markers, not cells). */
static void body_rows(const nctx *c, gk_doc *d, int b, int body, int stop, const lr_anchor *an, int seq)
{
	double hc[8][2];
	int nhc = hangci_columns(c, b, body, seq, hc);
	lrows w = {0};
	double hsum = 0;
	for (int i = body; i < stop; i++)
		/* (not the 类 款 项 sub-header, sorted below the first numbers
		 * by a font whose digit boxes are too tall) */
		if (!c->x[i].skip && strcmp(c->x[i].compact, "类款项") && !page_number(c, i) &&
		    (an || c->x[i].l->page == c->x[body].l->page || !repeated_head(c, b, body, stop, i)))
			line_frags(c, i, an, hc, nhc, &w, &hsum);
	if (!w.nf) {
		free(w.f);
		return;
	}
	frag *f = w.f;
	int nf = w.nf;
	ocr_line_nums(c, f, nf);
	w.h = hsum / nf;
	w.pitch = row_pitch(f, nf, w.h);
	qsort(f, (size_t)nf, sizeof *f, frag_cmp_y);
	for (int i = 0; i < nf; i++)
		f[i].nxt = -1, f[i].tail = i, f[i].anchors = f[i].line_num;
	if (!an) /* (with an: the header's columns, set already) */
		frag_columns(f, nf);
	chain_frags(c, &w, an);
	frag **live = gk_malloc(sizeof *live * (size_t)nf);
	int nl = 0;
	for (int i = 0; i < nf; i++)
		if (!f[i].dead)
			live[nl++] = &f[i];
	qsort(live, (size_t)nl, sizeof *live, frag_cmp_center);
	w.pitch = cell_pitch(live, nl, w.pitch, w.h);
	if (an)
		anchored_lines(d, live, nl, w.pitch);
	else
		group_rows(c, d, live, nl, w.pitch);
	free(live);
	for (int i = 0; i < nf; i++)
		gk_buf_drop(&f[i].text);
	free(f);
}

/* Build the logical-row document of lines [b, e).  Head lines (before the
 * first line with an amount, or an->body) and lines from the table's end
 * on are copied.  With an, rows are anchored on an's columns instead of
 * amounts, fragments chain by the exact line pitch, and a new item (an
 * ordinal, 其中...) is told by geometry alone. */
static gk_doc *logical_rows(nctx *c, int b, int e, const lr_anchor *an, int seq)
{
	gk_doc *d = gk_doc_new();
	int body = body_start(c, b, e, an);
	int stop = e;
	for (int i = body; i < e; i++)
		if (rule_any(c, "table-end", c->x[i].compact)) {
			stop = i;
			break;
		}
	copy_head(c, d, b, body, e);
	body_rows(c, d, b, body, stop, an, seq);
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
	if (!t->nrow) /* a new table: no unit above its first rows */
		c->ctx_unit[0] = 0, c->hx_unit = c->hx_note = 0, c->ctx_full = 0;
	if (body_geom(c, sp->begin, sp->end) != GK_GEOM_POS) {
		fn(c, sp, t);
		return;
	}
	with_rows(c, sp, t, fn, NULL);
}

/* A reading context over the lines of d (a document made of c's lines:
 * logical rows, a gathered text column), borrowing c's rules and state. */
nctx sub_context(const nctx *c, const gk_doc *d)
{
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
	return sub;
}

/* Back to c what a sub-context learned about the document (department,
 * unit, other tables' count, the columns of the page read last);
 * sub's lines and d dropped. */
void sub_context_done(nctx *c, nctx *sub, gk_doc *d)
{
	if (!c->dept && sub->dept)
		c->dept = sub->dept;
	else if (sub->dept != c->dept)
		free(sub->dept);
	c->unit_seen = sub->unit_seen;
	c->unit_shift = sub->unit_shift;
	c->nother = sub->nother;
	c->cont = sub->cont;
	for (int i = 0; i < sub->n; i++)
		free(sub->x[i].compact);
	free(sub->x);
	gk_doc_drop(d);
}

/* Run fn on the logical rows of a positioned span (anchored on an's
 * columns when given); fn sees a span whose title is -1. */
void with_rows(nctx *c, const tspan *sp, gk_table *t, span_parser fn, const lr_anchor *an)
{
	/* (a table of no contract type keeps its 序号 numbers as cells) */
	gk_doc *d = logical_rows(c, sp->begin, sp->end, an, !an && strcmp(sp->id, "other"));
	nctx sub = sub_context(c, d);
	tspan s2 = {sp->id, -1, 0, d->nline};
	fn(&sub, &s2, t);
	/* what the parser learned about the document */
	memcpy(c->ctx_class, sub.ctx_class, sizeof c->ctx_class);
	memcpy(c->ctx_item, sub.ctx_item, sizeof c->ctx_item);
	c->hx_kuan = sub.hx_kuan, c->hx_xiang = sub.hx_xiang;
	c->ox_kuan = sub.ox_kuan, c->ox_kw = sub.ox_kw;
	c->hx_unit = sub.hx_unit, c->hx_note = sub.hx_note, c->ctx_full = sub.ctx_full;
	memcpy(c->ctx_unit, sub.ctx_unit, sizeof c->ctx_unit);
	c->sum_table = sub.sum_table, c->sum_nbx = sub.sum_nbx;
	memcpy(c->sum_bx, sub.sum_bx, sizeof c->sum_bx);
	sub_context_done(c, &sub, d);
}
