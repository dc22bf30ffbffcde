/*
 * parse.h - internals of gongkai-normalize shared by its files (not an API).
 */
#ifndef GK_PARSE_H
#define GK_PARSE_H

#include "normalize.h"

#define MAXNUM 48

/* One token of a table line: a cell (TAB, POS) or a word (FLOW). */
typedef struct tok {
	const char *text; /* borrowed from the gk_doc */
	double x0, x1;
	int idx;          /* TAB field index, else ordinal */
	int isnum;
	char num[48];     /* canonical amount when isnum */
	char own[48];     /* text of a token split out of a cell (text points here) */
} tok;

/* A table row being assembled from one or more lines. */
typedef struct prow {
	int line0, line1;  /* first and last line index */
	double y;          /* y of the line that carried the numbers */
	int ntext;
	char *text[32];    /* text pieces in order (owned) */
	double tx0[32];
	int tidx[32];
	int nnum;
	char num[MAXNUM][48];
	double nx0[MAXNUM], nx1[MAXNUM];
	int nidx[MAXNUM];  /* TAB field index of the number */
	int slot[MAXNUM];  /* column slot from the layout, -1 unknown */
	int assign[MAXNUM];/* key index chosen by the solver */
	int ambiguous;     /* the solver had more than one answer */
	double bias[32];   /* extra cost of a key for this row (code meaning) */
	char label[64];    /* how checks.csv names the row (code or name) */
} prow;

/* Column solver (solve.c). */
typedef struct solver_family {
	const char *name;   /* func, basic, ... */
	int nkey;
	const char *key[32];
	double prior[32];
	/* what other tables of the document say the total row holds in a
	 * column (the 基本支出表's 303 rows for 对个人和家庭的补助 ...): a
	 * tie-break among placements the table's own arithmetic allows */
	int next;
	int ext_key[8];
	char ext_val[8][48];
	/* the table was read by OCR: a reading its open rows share makes
	 * every row it moves open too (solve.c follow_open) */
	int ocr;
} solver_family;

/* Place each row's numbers in the family's present keys.  geom is the
 * layout of the table's data lines; slotmask (may be NULL) says, per
 * layout slot, which keys the header printed right above it names (bit k
 * for key k; 0 = no word).  Fills rows[i].assign; records ambiguities as
 * checks on r. */
void gk_solve_rows(const solver_family *fam, prow *rows, int nrows, gk_geom geom, int total_row,
                   const int *leaf, const unsigned *slotmask, gk_result *r, const char *table_id);

/* Decimal helpers (exact: scaled integers). */
int gk_dec_parse(const char *s, long long *v, int *scale);
int gk_dec_eq(const char *a, const char *b, int tol_units);

#endif
