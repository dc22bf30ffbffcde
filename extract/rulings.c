/*
 * rulings.c - ruling lines of the PDF pages that need them.
 *
 * poppler-glib exposes no vector paths, but the grid a page draws shows in
 * the page rendered (poppler + cairo) at one pixel per point: long thin
 * runs of dark pixels (lib/pxlines.c).  Rendering costs as much as
 * reading the text and more (a document's fonts are loaded once for its
 * first rendered page), so only pages whose text cannot decide are
 * rendered: performance grids that print several projects as rows, each
 * project's name, amounts and goal in cells merged over its indicators -
 * cells that some exports print off the middle of their rows - and
 * indicator grids where two columns' texts touch and were read as one
 * cell (the page is then read again, no cell crossing a vertical ruling).
 */
#include "rulings.h"

#include "pxlines.h"

#include <cairo.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* pixels per point of the rendering */
#define SCALE 1.0
/* a ruling line is at least this long (points): longer than the strokes
 * of a few characters of bold text; vertical lines are at least a row tall */
#define MIN_H 24
#define MIN_V 12
/* and darker than this grey (0..255): thin lines render light grey */
#define DARK 225

/* how many times line l prints any of words */
static int line_has(const gk_line *l, const char *const *words)
{
	int n = 0;
	for (int j = 0; j < l->ncell; j++)
		for (int k = 0; words[k]; k++)
			for (const char *p = strstr(l->cell[j].text, words[k]); p; p = strstr(p + 1, words[k]))
				n++;
	return n;
}

/* Does a line below the indicators' header h (a line of three cells or
 * more) print a cell that starts where one header word starts and runs
 * past the start of the next: two columns' texts nearly touching, glued
 * into one cell (a target filling its cell, then its note)?  Only the
 * ruling between them parts them. */
static int glued_below(const gk_doc *doc, int h)
{
	const gk_line *hl = &doc->line[h];
	if (hl->ncell < 3)
		return 0;
	double tol = hl->size > 0 ? hl->size / 2 : 4;
	for (int i = h + 1; i < doc->nline; i++) {
		const gk_line *l = &doc->line[i];
		for (int j = 0; j < l->ncell; j++)
			for (int k = 0; k + 1 < hl->ncell; k++)
				if (fabs(l->cell[j].x0 - hl->cell[k].x0) <= tol && l->cell[j].x1 > hl->cell[k + 1].x0 + tol)
					return 1;
	}
	return 0;
}

int gk_page_wants_rulings(const gk_doc *doc, int page)
{
	static const char *const proj[] = {"项目名称", "项目）名称", "项目)名称", NULL};
	static const char *const ind[] = {"三级指标", "指标名称", "指标内容", NULL};
	/* the page's lines are the last ones of the document */
	int first = doc->nline;
	while (first > 0 && doc->line[first - 1].page == page)
		first--;
	for (int i = first; i < doc->nline; i++) {
		if (!line_has(&doc->line[i], proj))
			continue;
		for (int k = first; k < doc->nline; k++) {
			double dy = doc->line[k].y0 - doc->line[i].y0;
			if (dy < 0)
				dy = -dy;
			/* (not the pairs of the seeds' 汇总表: 三级指标 指标值 三级指标 …,
			 * one line per row) */
			if (dy <= 30 && line_has(&doc->line[k], ind) == 1)
				return 1;
		}
	}
	for (int i = first; i < doc->nline; i++)
		if (line_has(&doc->line[i], ind) == 1 && glued_below(doc, i))
			return 2;
	return 0;
}

void gk_page_add_rulings(PopplerPage *page, gk_doc *doc, int pageno, double w, double h)
{
	int pw = (int)(w * SCALE) + 1, ph = (int)(h * SCALE) + 1;
	if (pw <= 0 || ph <= 0 || pw > 20000 || ph > 20000)
		return;
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pw, ph);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		return;
	}
	cairo_t *cr = cairo_create(s);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, SCALE, SCALE);
	poppler_page_render(page, cr);
	cairo_destroy(cr);
	cairo_surface_flush(s);
	const unsigned char *data = cairo_image_surface_get_data(s);
	int stride = cairo_image_surface_get_stride(s);
	unsigned char *grey = gk_malloc((size_t)pw * (size_t)ph);
	for (int y = 0; y < ph; y++) {
		const uint32_t *row = (const uint32_t *)(data + (size_t)y * (size_t)stride);
		for (int x = 0; x < pw; x++) {
			uint32_t p = row[x];
			unsigned r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;
			grey[(size_t)y * (size_t)pw + (size_t)x] = (unsigned char)((r * 3 + g * 6 + b) / 10);
		}
	}
	cairo_surface_destroy(s);
	gk_pxseg *seg;
	int n = gk_rulings_find(grey, pw, ph, pw, DARK, (int)(MIN_H * SCALE), (int)(MIN_V * SCALE), (int)(2.5 * SCALE) + 1, 1,
	                        &seg);
	for (int k = 0; k < n; k++)
		gk_doc_add_stroke(doc, pageno, seg[k].vertical, (seg[k].pos + 0.5) / SCALE, seg[k].a / SCALE,
		                  (seg[k].b + 1) / SCALE);
	free(seg);
	free(grey);
}
