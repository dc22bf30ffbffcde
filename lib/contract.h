/*
 * contract.h - the output contract of ../shared/spec/TABLES.md as data:
 * the fourteen table ids and their column keys, in contract order.
 */
#ifndef GK_CONTRACT_H
#define GK_CONTRACT_H

typedef struct gk_tabledef {
	const char *id;
	const char *const *cols; /* NULL-terminated */
	int ncols;
} gk_tabledef;

extern const gk_tabledef gk_tabledefs[];
extern const int gk_ntabledefs;

/* The definition of a contract table id, or NULL (other_<n>). */
const gk_tabledef *gk_tabledef_find(const char *id);

/* Columns of document.csv and checks.csv, NULL-terminated. */
extern const char *const gk_document_cols[];
extern const char *const gk_checks_cols[];
/* Columns put in front of every combined OUT/<table_id>.csv. */
extern const char *const gk_combined_prefix[];

/* Beyond the contract (README "Output"), NULL-terminated:
 *   document.csv after its contract columns (then --meta's own columns);
 *   checks.csv after its columns;
 *   the combined OUT/<table_id>.csv after the contract columns (x_ after);
 *   OUT/<doc>/rows.csv, OUT/<doc>/tables.csv (and OUT/tables.csv, with doc
 *   in front). */
extern const char *const gk_document_more_cols[];
extern const char *const gk_checks_more_cols[];
extern const char *const gk_combined_prov_cols[];
extern const char *const gk_rows_cols[];
extern const char *const gk_tables_cols[];

/* What a column holds, by its key (README "datapackage.json"). */
typedef enum gk_col_kind {
	GK_COL_TEXT,   /* names, labels, free text */
	GK_COL_CODE,   /* digit strings: keep as text (leading zeros) */
	GK_COL_AMOUNT, /* a decimal amount in 万元 */
	GK_COL_INT,    /* a count or a number: pages, row_no */
	GK_COL_NUMBER, /* a decimal that is not money (coordinates) */
	GK_COL_UNKNOWN /* x_ and other_<n> columns: by their values */
} gk_col_kind;

gk_col_kind gk_col_kind_of(const char *table_id, const char *key);
/* A one-line description of a column for the schema, or NULL. */
const char *gk_col_description(const char *key);

#endif
