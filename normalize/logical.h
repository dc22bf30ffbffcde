/*
 * logical.h - internals shared by logical.c, chains.c and anchored.c
 * (logical rows of positioned tables): the fragment a body cell becomes
 * and the body's fragments with what is read off them.
 */
#ifndef GK_LOGICAL_H
#define GK_LOGICAL_H

#include "nctx.h"

/* A body cell of a positioned table, and the chain of wrapped lines it
 * heads (the members after it are dead). */
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

/* The body of a positioned span as fragments, and what is read off them. */
typedef struct lrows {
	frag *f;
	int nf, cap;
	double h;      /* mean fragment height */
	double pitch;  /* row pitch: step between the centres of numbers */
	double lp;     /* line pitch inside a wrapped cell */
	int centred;   /* lp agrees with a cell centred on its numbers */
	double exact;  /* lp is a font's leading measured to two hundredths:
	                * how far a step within a cell may be from it (0: not) */
	int dec;       /* the decimals the table's amounts usually print (-1: none) */
	double *nc;    /* centres of the lines that carry numbers, per page ... */
	int *ncp, nnc; /* ... their pages, and how many */
} lrows;

/* logical.c */
int frag_cmp_x(const void *a, const void *b);

/* chains.c */
void chain_frags(const nctx *c, lrows *w, const lr_anchor *an);

/* anchored.c */
int line_anchored(const nctx *c, int i, const lr_anchor *an);
void anchored_lines(gk_doc *d, frag **live, int nl, double pitch);
void split_at_edge(frag **fp, int *nf, int *cap, int k, const lr_anchor *an);

#endif
