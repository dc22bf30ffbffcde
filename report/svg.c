/*
 * svg.c - the report's charts, written as inline SVG (no script, no
 * font but the page's own): horizontal bars and a grid of counts.
 * Sizes are in CSS pixels; text is escaped as HTML text.
 */
#include "rp.h"

#include <stdlib.h>
#include <string.h>

#define LABEL_W 230 /* room for a label, right-aligned before its bar */
#define BAR_W 420   /* the longest bar */
#define ROW_H 20

/* A label cut to about n characters (UTF-8 aware), with an ellipsis. */
static void label(gk_buf *b, const char *s, int n)
{
	size_t len = strlen(s), i = 0;
	int chars = 0;
	while (i < len && chars < n) {
		unsigned cp;
		int k = gk_utf8_next((const unsigned char *)s + i, len - i, &cp);
		i += k > 0 ? (size_t)k : 1;
		chars++;
	}
	char *cut = gk_strndup(s, i);
	rp_html_text(b, cut);
	free(cut);
	if (i < len)
		gk_buf_adds(b, "…");
}

void rp_svg_bars(gk_buf *b, const char *title, const char *const *labels, const long *values, int n,
                 int nser, const char *const *series, const char *const *colours)
{
	long max = 1;
	for (int i = 0; i < n; i++) {
		long t = 0;
		for (int s = 0; s < nser; s++)
			t += values[i * nser + s];
		if (t > max)
			max = t;
	}
	int legend = nser > 1 ? ROW_H : 0;
	int w = LABEL_W + BAR_W + 70, h = legend + n * ROW_H + 4;
	gk_buf_addf(b, "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
	               "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"",
	            w, h, w, h);
	rp_html_text(b, title);
	gk_buf_adds(b, "\"><title>");
	rp_html_text(b, title);
	gk_buf_adds(b, "</title>\n");
	for (int s = 0; s < nser && legend; s++) {
		int x = LABEL_W + s * 140;
		gk_buf_addf(b, "<rect x=\"%d\" y=\"4\" width=\"12\" height=\"12\" fill=\"%s\"/>", x, colours[s]);
		gk_buf_addf(b, "<text x=\"%d\" y=\"14\">", x + 16);
		rp_html_text(b, series[s]);
		gk_buf_adds(b, "</text>\n");
	}
	for (int i = 0; i < n; i++) {
		int y = legend + i * ROW_H;
		gk_buf_addf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", LABEL_W - 6, y + 14);
		label(b, labels[i], 16);
		gk_buf_adds(b, "</text>");
		double x = LABEL_W;
		long t = 0;
		for (int s = 0; s < nser; s++) {
			long v = values[i * nser + s];
			t += v;
			double bw = (double)BAR_W * (double)v / (double)max;
			if (v > 0)
				gk_buf_addf(b, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%ld</title></rect>",
				            x, y + 3, bw < 1 ? 1 : bw, ROW_H - 6, colours[s], v);
			x += bw;
		}
		gk_buf_addf(b, "<text x=\"%.1f\" y=\"%d\">%ld</text>\n", x + 4, y + 14, t);
	}
	gk_buf_adds(b, "</svg>\n");
}

void rp_svg_grid(gk_buf *b, const char *title, const char *const *rows, int nr, const char *const *cols,
                 int nc, const int *count)
{
	int cw = 56, lw = 120, head = 24;
	int max = 1;
	for (int i = 0; i < nr * nc; i++)
		if (count[i] > max)
			max = count[i];
	int w = lw + nc * cw + 4, h = head + nr * ROW_H + 4;
	gk_buf_addf(b, "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
	               "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"",
	            w, h, w, h);
	rp_html_text(b, title);
	gk_buf_adds(b, "\"><title>");
	rp_html_text(b, title);
	gk_buf_adds(b, "</title>\n");
	for (int j = 0; j < nc; j++) {
		gk_buf_addf(b, "<text x=\"%d\" y=\"16\" text-anchor=\"middle\">", lw + j * cw + cw / 2);
		label(b, cols[j], 6);
		gk_buf_adds(b, "</text>");
	}
	gk_buf_addc(b, '\n');
	for (int i = 0; i < nr; i++) {
		int y = head + i * ROW_H;
		gk_buf_addf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", lw - 6, y + 14);
		label(b, rows[i], 8);
		gk_buf_adds(b, "</text>");
		for (int j = 0; j < nc; j++) {
			int v = count[i * nc + j];
			if (!v)
				continue;
			/* darker for more documents: 30% .. 100% of the accent */
			double a = 0.3 + 0.7 * (double)v / (double)max;
			gk_buf_addf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#2b6cb0\" fill-opacity=\"%.2f\"/>"
			               "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#fff\">%d</text>",
			            lw + j * cw + 1, y + 1, cw - 2, ROW_H - 2, a, lw + j * cw + cw / 2, y + 14, v);
		}
		gk_buf_addc(b, '\n');
	}
	gk_buf_adds(b, "</svg>\n");
}
