/*
 * pxlines.h - the ruling lines of a page image: long thin runs of dark
 * pixels, horizontal and vertical (a table's grid).  Works on any 8-bit
 * grey image - a PDF page rendered by poppler and cairo (extract/
 * rulings.c), or a scanned page.
 */
#ifndef GK_PXLINES_H
#define GK_PXLINES_H

/* A segment in pixels: horizontal at row pos from column a to b
 * (inclusive), or vertical at column pos from row a to b. */
typedef struct gk_pxseg {
	int vertical;
	double pos;
	int a, b;
} gk_pxseg;

/* The ruling segments of the w x h image px (one byte per pixel, 0 black,
 * rows stride bytes apart): pixels darker than dark, in runs at least
 * minlen_h long (horizontal) or minlen_v (vertical), at most maxthick pixels thick (thicker runs are filled
 * areas, not lines); runs broken by gaps of up to gap pixels are one
 * segment.  Returns how many, in *out (caller frees). */
int gk_rulings_find(const unsigned char *px, int w, int h, int stride, int dark, int minlen_h, int minlen_v,
                    int maxthick, int gap, gk_pxseg **out);

#endif
