/*
 * pgrid.h - performance tables printed as ruled grids in a PDF, read from
 * the positions of their text (pgrid.c), shared by the department and
 * project performance readers (perf.c, pperf.c, pblock.c).
 */
#ifndef GK_PGRID_H
#define GK_PGRID_H

#include "nctx.h"

#define PG_MAXCOL 24

/* A column of the indicator grid, from the header's words. */
typedef struct pg_col {
	double hx0, hx1;  /* extent of its header words */
	double x0, x1;    /* ... grown to the body cells under them (pg_read) */
	double lo, hi;    /* a body cell centred in [lo, hi) is in this column */
	char *words;      /* its header words, joined top to bottom */
	const char *role; /* the perf-col rule it matched (rules/perf.rules), NULL: none */
	int merged;       /* its cells may span several rows (一级/二级指标, a project's name) */
} pg_col;

typedef struct pg_cols {
	int n;
	pg_col c[PG_MAXCOL];
	int anchor;  /* the column whose cells make the rows (指标值), -1 none */
	int zb, ze;  /* the header lines [zb, ze) */
	double bot;  /* bottom of the header */
} pg_cols;

/* One indicator row. */
typedef struct pg_row {
	int page;
	double c, top, bot;    /* its anchor's centre, its content's extent */
	int line;              /* the first body line it has text on */
	char *cell[PG_MAXCOL]; /* text per column, "" blank (owned) */
} pg_row;

typedef struct pgrid {
	int ncol, nrow;
	pg_row *row;
	double lh; /* height of a line of text */
} pgrid;

/* Is line i an indicator grid's header (at least two words naming grid
 * columns, one of them 一级/二级/三级指标 or 指标值)?  Returns the number
 * of words naming a column, 0 if not a header. */
int pg_header_line(const nctx *c, int i);

/* The columns of the header whose main line is m (the lines around it
 * that continue its words, within [b, e)).  Returns the column count (0:
 * none usable). */
int pg_columns(const nctx *c, int m, int b, int e, pg_cols *pc);
void pg_cols_free(pg_cols *pc);

/* The column (index) of pc a role is in, -1 none. */
int pg_col_of(const pg_cols *pc, const char *role);

/* The rows of the body lines lines[0..n) under pc's columns.  Never NULL. */
pgrid *pg_read(const nctx *c, const int *lines, int n, const pg_cols *pc);
void pg_drop(pgrid *g);

/* Are g's rows one line each at an even pitch (a fixed-height export,
 * whose merged cells are printed on their first row and whose long cells
 * overflow into the rows around them)? */
int pg_fixed_rows(const pgrid *g);

/* Text of a target as printed, spaces removed except between two ASCII
 * letters or digits (caller frees). */
char *pg_tight(const char *s);

/* Split a target into comparison, value and unit ("≥95%" -> "≥" "95" "%",
 * "≤5万元" -> "≤" "5" "万元"; "按时完成" -> "" "按时完成" ""; caller
 * frees the three).  Returns 1 when the value is a number. */
int pg_split_target(const char *s, char **op, char **val, char **unit);

/* pblock.c: the readers of positioned performance tables */
void pperf_blocks(nctx *c, const tspan *sp, gk_table *t);
int dperf_grid(nctx *c, const tspan *sp, gk_table *t);

/* shared by pgrid.c and pgread.c: width units of s[0..n) (a CJK or
 * full-width character counts 2), code points of s, and the columns grown
 * to the body cells under them */
double pg_units(const char *s, size_t n);
int pg_ncp(const char *s);
void pg_fit_columns(const nctx *c, const int *lines, int n, pg_cols *pc);

#endif
