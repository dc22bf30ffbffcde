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

typedef struct gk_table {
	char *id;     /* contract id (revenue_expenditure_summary ...) or other_<n> */
	char *title;  /* the title as printed, cleaned */
	int page;     /* page of the title, 0 if unknown */
	gk_strv cols; /* column keys, contract order, then x_ columns */
	int nrow, cap;
	char ***rows; /* rows[i][j], j < cols.n, "" for blank */
} gk_table;

typedef struct gk_check {
	char *table_id, *check, *row, *expected, *found, *status; /* status: ok|fail|round|skip|unsure|ambiguous */
	int page;     /* PDF page (1-based) of the figure checked (`found`), 0 if unknown */
	char *detail; /* one line: what contradicts what, both figures, where; "" if none */
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

/* Write r in the tables format.  0, or -1 on a write error. */
int gk_result_write(FILE *f, const gk_result *r);
/* Read the next result of a tables stream: 1, 0 at end, -1 with *err. */
int gk_result_read(FILE *f, gk_result **out, char **err);

#endif
