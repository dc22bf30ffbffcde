/*
 * loadi.h - private helpers shared by the load/ sources (not an interface
 * of the stage: see load.h).
 */
#ifndef GK_LOADI_H
#define GK_LOADI_H

#include "gk.h"
#include "load.h"

/* A name usable as a document directory: non-empty, no '/', no leading '.',
 * not ending in ".csv" (the names of the combined files). */
int gkl_valid_doc(const char *doc);
/* Does name end in ".csv" (any case), as the combined files of OUT do? */
int gkl_combined_name(const char *name);
/* A name usable as a table id: [A-Za-z0-9_-]+, not "document", "checks",
 * "documents", nor "sqlite_*" (the names of the other files and tables). */
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
typedef struct gkl_csv {
	gk_strv hdr;
	int nrow, cap;
	char ***rows;
} gkl_csv;

/* Parse the file `name` of directory dfd, not following a symbolic link
 * (a leading UTF-8 BOM is skipped; unguard: gkl_cell_raw on every cell).
 * 0, or -1 with *err set ("cannot read '<path>': ..."). */
int gkl_csv_read(int dfd, const char *name, const char *path, int unguard, gkl_csv *c, char **err);
void gkl_csv_drop(gkl_csv *c);

/* SQLite output, built at "<path>.tmp.<pid>" and renamed on commit. */
typedef struct gkl_db gkl_db;
gkl_db *gkl_db_open(const char *path, char **err);
/* One table: columns and rows of cells ("" is stored as NULL). */
int gkl_db_table(gkl_db *db, const char *name, const char *const *cols, int ncols, char ***rows,
                 int nrows, char **err);
/* Commit, close, fsync and rename into place; db is freed either way. */
int gkl_db_commit(gkl_db *db, char **err);
/* Close and remove the temp file. */
void gkl_db_abort(gkl_db *db);

#endif
