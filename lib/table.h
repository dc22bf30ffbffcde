/*
 * table.h - the contract-shaped result of gongkai-normalize: a document's
 * metadata, its tables (column keys + rows of cell strings) and its checks,
 * and their line-oriented stream form ("tables format", README.md).
 *
 * A gk_result owns its tables and checks; a table owns its rows and cells.
 */
#ifndef GK_TABLE_H
#define GK_TABLE_H

#include "gk.h"

/* Where a row was printed and what it is (README "Provenance"). */
typedef struct gk_rowinfo {
	int page;              /* 1-based page of the row's lines, 0 if unknown */
	double x0, y0, x1, y1; /* their box in points, origin at the top left of
	                          the page as displayed, y down; x1 <= x0: none
	                          (text input) */
	char *row_type;        /* total | subtotal | unit | detail, or "" */
	char *item_key;        /* a summary line's standard key, or "" */
} gk_rowinfo;

typedef struct gk_rowslot gk_rowslot;

typedef struct gk_table {
	char *id;     /* contract id (revenue_expenditure_summary ...) or other_<n> */
	char *title;  /* the title as printed, cleaned */
	int page;     /* page of the title, 0 if unknown */
	char *unit;   /* the unit as the table's head prints it ("万元"), "" if none */
	gk_strv cols; /* column keys, contract order, then x_ columns */
	int nrow, cap;
	char ***rows; /* rows[i][j], j < cols.n, "" for blank */
	/* the rows' gk_rowinfo, kept by the row's own pointer, so that code
	 * which drops or moves rows[] entries keeps each row's information
	 * (private: use gk_table_info / gk_table_info_set) */
	int nslot, scap;
	gk_rowslot *slots;
} gk_table;

typedef struct gk_check {
	char *table_id, *check, *row, *expected, *found, *status; /* status: ok|fail|round|skip|unsure|ambiguous */
	int page;     /* PDF page (1-based) of the figure checked (`found`), 0 if unknown */
	char *detail; /* one line: what contradicts what, both figures, where; "" if none */
	int row_no;   /* the row it is about, 1-based in its table's file; 0: named by `row` alone */
} gk_check;

typedef struct gk_result {
	gk_strv meta; /* key, value ...: doc, source, sha256, format, region, ... */
	int ntable, tcap;
	gk_table **tables;
	int ncheck, ccap;
	gk_check *checks;
} gk_result;

gk_result *gk_result_new(void);
void gk_result_drop(gk_result *r);
void gk_result_set_meta(gk_result *r, const char *key, const char *val);
const char *gk_result_meta(const gk_result *r, const char *key);

/* Create a table with the given columns; it belongs to r. */
gk_table *gk_result_add_table(gk_result *r, const char *id, const char *title, int page,
                              const char *const *cols, int ncols);
gk_table *gk_result_find(const gk_result *r, const char *id); /* first, or NULL */
void gk_result_add_check(gk_result *r, const char *table_id, const char *check, const char *row,
                         const char *expected, const char *found, const char *status);
/* The same with where the figure is printed and the one-line finding. */
void gk_result_add_finding(gk_result *r, const char *table_id, const char *check, const char *row,
                           const char *expected, const char *found, const char *status, int page,
                           const char *detail);

int gk_table_col(const gk_table *t, const char *key); /* index, or -1 */
/* Append a column (an x_ column); existing rows get "". Returns its index. */
int gk_table_add_col(gk_table *t, const char *key);
/* Append a blank row and return it (ncols "" cells owned by t). */
char **gk_table_add_row(gk_table *t);
/* Replace cell (row, col) with a copy of val. */
void gk_table_set(gk_table *t, int row, int col, const char *val);
const char *gk_table_get(const gk_table *t, int row, const char *key); /* "" if no such column */

/* The information of row `row`, or NULL if none was set. */
const gk_rowinfo *gk_table_info(const gk_table *t, int row);
/* Where row `row` was printed (x1 <= x0: no box). */
void gk_table_set_source(gk_table *t, int row, int page, double x0, double y0, double x1, double y1);
/* What row `row` is: row_type and item_key (NULL leaves one as it is). */
void gk_table_set_kind(gk_table *t, int row, const char *row_type, const char *item_key);
/* Set the table's unit as printed. */
void gk_table_set_unit(gk_table *t, const char *unit);

/* The last check added is about row ri (0-based) of table t of r: its
 * row_no, counted over the tables of t's id in the order they are
 * written.  Two rows alike (a label printed twice) stay apart. */
void gk_result_check_at(gk_result *r, const gk_table *t, int ri);
/* That row_no of row ri of t (0 when t has no such row) */
int gk_result_row_no(const gk_result *r, const gk_table *t, int ri);

/* The row a check is about: its row_no where one was set, else in the
 * rows of r's tables with the check's table id, in the order they are
 * written (a table printed twice is one file), the first row its `row`
 * names: a code or label (the columns that
 * name a row: codes, item, names), "<label>:<column>", or a column key
 * alone (a column sum: the total row).  1-based, 0 if none. */
int gk_result_check_row(const gk_result *r, const gk_check *k);

/* Write r in the tables format.  0, or -1 on a write error. */
int gk_result_write(FILE *f, const gk_result *r);
/* Read the next result of a tables stream: 1, 0 at end, -1 with *err. */
int gk_result_read(FILE *f, gk_result **out, char **err);

#endif
