/*
 * logical.h - internals shared by logical.c and anchored.c (logical rows
 * of positioned tables): the fragment a body cell becomes.
 */
#ifndef GK_LOGICAL_H
#define GK_LOGICAL_H

#include "nctx.h"

/* In a PDF a table row is often several text lines: a label wrapped inside
 * its cell, printed above and below the row's numbers, and a number split
 * from its decimals.  For a positioned span, rebuild the rows: fragments of
 * one column are joined when the next starts less than a row pitch below
 * and is not a new item (an ordinal, a code, 其中, a total); the joined cells
 * are then grouped into rows by their vertical centres.  The result is a
 * document of one line per logical row, parsed like any other. */

typedef struct frag {
	double x0, x1, y0, y1;
	gk_buf text;
	int num, col, page, dead;
	int line_num;   /* its line also carries numbers: it is a row, not a wrap */
	int marker;     /* a 行次 number: anchors its row like an amount, not written */
	double last_y0; /* y0 of the last fragment joined */
	int nxt, tail;  /* chain of joined fragments: next member, last member */
	int anchors;    /* members on a line with numbers (a chain holds one row) */
	double cy0, cy1;/* the fragment's own vertical extent */
} frag;

/* logical.c */
int frag_cmp_x(const void *a, const void *b);

/* anchored.c */
int line_anchored(const nctx *c, int i, const lr_anchor *an);
void anchored_lines(gk_doc *d, frag **live, int nl, double pitch);
void split_at_edge(frag **fp, int *nf, int *cap, int k, const lr_anchor *an);
#endif
