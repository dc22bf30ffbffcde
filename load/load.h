/*
 * load.h - stage 3: gk_result (table.h) -> CSV files under OUT.
 *
 * Layout written (../shared/spec/TABLES.md "Files written"):
 *   OUT/<doc>/<table_id>.csv, OUT/<doc>/document.csv, OUT/<doc>/checks.csv
 *   OUT/<table_id>.csv   combined: doc, region, department, year + columns
 * CSV is RFC 4180 (libcsv), UTF-8, "\n" line ends.  Nothing is ever half
 * written: files are written to a temp name and renamed, and a document's
 * directory is replaced as a whole.
 */
#ifndef GK_LOAD_H
#define GK_LOAD_H

#include "table.h"

typedef struct gk_load_opts {
	const char *outdir; /* OUT */
	int bom;            /* write a UTF-8 BOM (Excel on Windows) */
	int raw_cells;      /* --no-neutralize: write cells a spreadsheet would
	                       take for formulas as they are (see gk_csv_render) */
	const char *sqlite; /* also write this SQLite database (NULL: no) */
} gk_load_opts;

/* Write one document's files into OUT/<doc>/ (doc = gk_result_meta(r,
 * "doc")).  The directory is built under a fresh temporary name
 * (gk_tmpdir_at) and renamed into place, replacing an older one; nothing
 * in OUT is followed if it is a symbolic link.  Returns GK_OK or GK_EWRITE with
 * *err set (a message naming the path). */
int gk_load_doc(const gk_load_opts *o, const gk_result *r, char **err);

/* Rebuild every combined OUT/<table_id>.csv from the per-document
 * directories now under OUT (so they always equal the union of the
 * per-document files), and the SQLite database if asked.  Columns: the
 * prefix, the contract columns, then the union of x_ columns in first-seen
 * order.  Documents in name order.  Returns GK_OK or GK_EWRITE. */
int gk_load_combine(const gk_load_opts *o, char **err);

/* May `path` be written as the --sqlite database: absent, empty, or a
 * database gongkai wrote (load/sqlite.c)?  GK_OK, or GK_EWRITE with *err
 * saying why not. */
int gk_load_sqlite_check(const char *path, char **err);

/* Render one table as CSV text (header + rows) into *out (caller frees).
 * flags: GK_CSV_BOM starts it with a UTF-8 BOM; GK_CSV_NEUTRAL writes a
 * cell that starts with = + - @ (or TAB, CR), and is not a plain number
 * such as -1234.00, with a leading apostrophe, so that a spreadsheet shows
 * it as text instead of running it as a formula (OWASP, "CSV injection"). */
enum { GK_CSV_BOM = 1, GK_CSV_NEUTRAL = 2 };
void gk_csv_render(const char *const *cols, int ncols, char ***rows, int nrows, int flags, char **out,
                   size_t *len);

#endif
