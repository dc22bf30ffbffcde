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

#endif
