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
	const char *sqlite; /* also write this SQLite database (NULL: no) */
} gk_load_opts;

/* Write one document's files into OUT/<doc>/ (doc = gk_result_meta(r,
 * "doc")).  The directory is built as OUT/.<doc>.tmp.<pid> and renamed
 * into place, replacing an older one.  Returns GK_OK or GK_EWRITE with
 * *err set (a message naming the path). */
int gk_load_doc(const gk_load_opts *o, const gk_result *r, char **err);

/* Rebuild every combined OUT/<table_id>.csv from the per-document
 * directories now under OUT (so they always equal the union of the
 * per-document files), and the SQLite database if asked.  Columns: the
 * prefix, the contract columns, then the union of x_ columns in first-seen
 * order.  Documents in name order.  Returns GK_OK or GK_EWRITE. */
int gk_load_combine(const gk_load_opts *o, char **err);

/* Render one table as CSV text (header + rows) into *out (caller frees). */
void gk_csv_render(const char *const *cols, int ncols, char ***rows, int nrows, int bom, char **out,
                   size_t *len);

#endif
