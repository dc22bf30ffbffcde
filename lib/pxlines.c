/*
 * pxlines.c - ruling lines of a grey image (pxlines.h).
 *
 * Horizontal: every pixel row is cut into runs of dark pixels (gaps of up
 * to `gap` pixels bridged); runs of `minlen` or more are candidates.  A
 * candidate continues one on the row above when they overlap over most of
 * the shorter's length: a line drawn 2 pixels thick is one segment at its
 * mean row.  A group thicker than `maxthick` is a filled area (a shaded
 * header), not a line.  Vertical: the same on the transposed image.  Text
 * makes no such runs: a CJK stroke at the resolutions used is shorter
 * than a table's narrowest cell.
 */
#include "pxlines.h"
#include "gk.h"

#include <stdlib.h>
#include <string.h>

typedef struct run {
	int a, b;     /* extent along the line */
	int first;    /* first row (or column) of its group */
	int last;
	double sum;   /* sum of the rows, for the mean */
	int n;
	int open;     /* still continued by the current row */
} run;

/* pixel (i along the scan, k across it) */
static unsigned char at(const unsigned char *px, int stride, int vertical, int i, int k)
{
	return vertical ? px[(size_t)i * (size_t)stride + (size_t)k] : px[(size_t)k * (size_t)stride + (size_t)i];
}

static void scan(const unsigned char *px, int w, int h, int stride, int vertical, int dark, int minlen, int maxthick,
                 int gap, gk_pxseg **out, int *nout, int *cap)
{
	int len = vertical ? h : w, across = vertical ? w : h;
	run *live = NULL, *next = NULL;
	int nlive = 0, lcap = 0, nnext = 0, ncap = 0;
	for (int k = 0; k <= across; k++) {
		/* the runs of line k */
		nnext = 0;
		for (int i = 0; k < across && i < len;) {
			if (at(px, stride, vertical, i, k) >= dark) {
				i++;
				continue;
			}
			int a = i, b = i;
			while (i < len) {
				if (at(px, stride, vertical, i, k) < dark) {
					b = i++;
					continue;
				}
				int g = i;
				while (g < len && g - b <= gap && at(px, stride, vertical, g, k) >= dark)
					g++;
				if (g < len && g - b <= gap)
					i = g;
				else
					break;
			}
			if (b - a + 1 < minlen)
				continue;
			if (nnext == ncap) {
				ncap = ncap ? 2 * ncap : 32;
				next = gk_realloc(next, sizeof *next * (size_t)ncap);
			}
			next[nnext++] = (run){a, b, k, k, k, 1, 1};
		}
		/* continue the groups of line k-1 */
		for (int q = 0; q < nlive; q++)
			live[q].open = 0;
		for (int r = 0; r < nnext; r++)
			for (int q = 0; q < nlive; q++) {
				run *g = &live[q];
				int lo = g->a > next[r].a ? g->a : next[r].a, hi = g->b < next[r].b ? g->b : next[r].b;
				int shorter = (g->b - g->a) < (next[r].b - next[r].a) ? g->b - g->a : next[r].b - next[r].a;
				if (g->last == k - 1 && hi - lo >= shorter * 3 / 4) {
					if (next[r].a < g->a)
						g->a = next[r].a;
					if (next[r].b > g->b)
						g->b = next[r].b;
					g->last = k, g->sum += k, g->n++, g->open = 1;
					next[r].n = 0; /* taken */
					break;
				}
			}
		/* groups no longer continued are done */
		int keep = 0;
		for (int q = 0; q < nlive; q++) {
			run *g = &live[q];
			if (g->open) {
				live[keep++] = *g;
				continue;
			}
			if (g->last - g->first + 1 > maxthick)
				continue;
			if (*nout == *cap) {
				*cap = *cap ? 2 * *cap : 64;
				*out = gk_realloc(*out, sizeof **out * (size_t)*cap);
			}
			(*out)[(*nout)++] = (gk_pxseg){vertical, g->sum / g->n, g->a, g->b};
		}
		nlive = keep;
		for (int r = 0; r < nnext; r++)
			if (next[r].n) {
				if (nlive == lcap) {
					lcap = lcap ? 2 * lcap : 32;
					live = gk_realloc(live, sizeof *live * (size_t)lcap);
				}
				live[nlive++] = next[r];
			}
	}
	free(live);
	free(next);
}

int gk_rulings_find(const unsigned char *px, int w, int h, int stride, int dark, int minlen_h, int minlen_v,
                    int maxthick, int gap, gk_pxseg **out)
{
	int n = 0, cap = 0;
	*out = NULL;
	if (w <= 0 || h <= 0 || !px)
		return 0;
	scan(px, w, h, stride, 0, dark, minlen_h, maxthick, gap, out, &n, &cap);
	scan(px, w, h, stride, 1, dark, minlen_v, maxthick, gap, out, &n, &cap);
	return n;
}
