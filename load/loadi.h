/*
 * loadi.h - private helpers shared by the load/ sources (not an interface
 * of the stage: see load.h).
 */
#ifndef GK_LOADI_H
#define GK_LOADI_H

#include "gk.h"

/* A name usable as a document directory: non-empty, no '/', no leading '.'. */
int gkl_valid_doc(const char *doc);
/* A name usable as a table id: [A-Za-z0-9_-]+, not "document", "checks",
 * "documents", nor "sqlite_*" (the names of the other files and tables). */
int gkl_valid_table_id(const char *id);

/* Create/truncate `path`, write `len` bytes, fsync, close.  0 or -1/errno. */
/* fsync a directory (best effort, errors ignored). */
void gkl_fsync_dir(const char *path);
/* rm -rf without following symlinks.  0, or -1 with errno (ENOENT is 0). */
int gkl_rmtree(const char *path);

/* A CSV file read back with libcsv: header + rows of exactly nhdr fields. */
typedef struct gkl_csv {
	gk_strv hdr;
	int nrow, cap;
	char ***rows;
} gkl_csv;

/* Parse `path` (a leading UTF-8 BOM is skipped).  0, or -1 with *err set
 * ("cannot read '<path>': ..."). */
int gkl_csv_read(const char *path, gkl_csv *c, char **err);
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
