/*
 * loadi.h - private helpers shared by the load/ sources (not an interface
 * of the stage: see load.h).
 */
#ifndef GK_LOADI_H
#define GK_LOADI_H

#include "gk.h"
#include "load.h"

/* A name usable as a document directory: one or more '/'-separated
 * components (a document found under a directory PATH is named by its
 * path there), each non-empty and not starting with '.', the first not
 * ending in ".csv" (the names of the combined files), at most 16 deep. */
int gkl_valid_doc(const char *doc);
/* Open the directory of document `doc` under OUT (dfd), component by
 * component, never through a symbolic link.  -1 with errno set. */
int gkl_docdir_open(int dfd, const char *doc);
/* The directory that holds document `doc`'s directory (OUT itself, or
 * its parent components, created as needed, never through a link), and
 * in *leaf the last component of doc (points into doc).  -1 with errno. */
int gkl_docparent_open(int dfd, const char *doc, int create, const char **leaf);
/* Does name end in ".csv" (any case), as the combined files of OUT do? */
int gkl_combined_name(const char *name);
/* A name usable as a table id: [A-Za-z0-9_-]+, not "document", "checks",
 * "documents", "tables", "rows", "datapackage", nor "sqlite_*" or "v_*"
 * (the names of the other files, tables and views). */
int gkl_valid_table_id(const char *id);

/* fsync a directory (best effort, errors ignored). */
void gkl_fsync_dir(const char *path);

/* gk_csv_render flags for these options. */
int gkl_csv_flags(const gk_load_opts *o);
/* Would a spreadsheet take cell s for a formula (gk_csv_render)? */
int gkl_cell_formula_like(const char *s);
/* Undo the apostrophe GK_CSV_NEUTRAL put in front of s, in place. */
void gkl_cell_raw(char *s);

/* A CSV file read back with libcsv: header + rows of exactly nhdr fields. */
typedef gk_csvfile gkl_csv;
/* Parse CSV text (path for messages). */
int gkl_csv_parse(const char *data, size_t len, const char *path, int unguard, gkl_csv *c, char **err);

/* Parse the file `name` of directory dfd, not following a symbolic link
 * (a leading UTF-8 BOM is skipped; unguard: gkl_cell_raw on every cell).
 * 0, or -1 with *err set ("cannot read '<path>': ..."). */
int gkl_csv_read(int dfd, const char *name, const char *path, int unguard, gkl_csv *c, char **err);
void gkl_csv_drop(gkl_csv *c);

/* The type of column j of a combined file (table_id: a contract id,
 * other_<n>, documents, checks or tables), by its key and its values:
 *   'T' text, 'C' a code (digits kept as text), 'I' an integer,
 *   'A' an amount in 万元 (plain decimals), 'N' another number. */
char gkl_col_type(const char *table_id, const char *col, char ***rows, int nrows, int j);
/* -?(0|[1-9][0-9]*)(\.[0-9]+)?  *sig: significant digits, *dec: decimals */
int gkl_plain_decimal(const char *s, int *sig, int *dec);

/* SQLite output, built at a temporary name and put in place on commit. */
typedef struct gkl_db gkl_db;
gkl_db *gkl_db_open(const char *path, char **err);
/* One table (and its view v_<name>): columns of the given types and rows
 * of cells ("" is stored as NULL); an amount column is stored exactly as
 * an INTEGER of 分 (0.000001 万元) named <col>_fen, and the view shows it
 * as the decimal in 万元 again. */
int gkl_db_table(gkl_db *db, const char *name, const char *const *cols, const char *types, int ncols,
                 char ***rows, int nrows, char **err);
/* Commit, close, fsync and rename into place; db is freed either way. */
int gkl_db_commit(gkl_db *db, char **err);
/* Close and remove the temp file. */
void gkl_db_abort(gkl_db *db);

/* --xlsx: a workbook of one sheet per combined file (formats.c). */
typedef struct gkl_xlsx gkl_xlsx;
gkl_xlsx *gkl_xlsx_open(const char *path, char **err);
int gkl_xlsx_sheet(gkl_xlsx *x, const char *name, const char *const *cols, const char *types, int ncols,
                   char ***rows, int nrows, char **err);
int gkl_xlsx_commit(gkl_xlsx *x, char **err);
void gkl_xlsx_abort(gkl_xlsx *x);

/* datapackage.json (Frictionless Data Package, Table Schema): one
 * resource per combined file, appended to *b (the k-th); then written
 * to OUT (dfd) atomically.  formats.c */
void gkl_pkg_resource(gk_buf *b, int k, const char *name, const char *file, const char *table_id,
                      const char *const *cols, const char *types, int ncols, int bom);
int gkl_pkg_write(int dfd, const char *out, const gk_buf *b, int bom, char **err);

#endif
