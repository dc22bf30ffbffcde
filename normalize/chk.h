/*
 * chk.h - internals shared by the files of the consistency checks
 * (checks.c, check_tables.c, check_summary.c, check_cross.c,
 * check_narrative.c); not an API.  What the unit tests use is in
 * checks.h.
 */
#ifndef GK_CHK_H
#define GK_CHK_H

#include "checks.h"
#include "normalize.h"

/* One side of a check: the sum of its operands, exact. */
typedef struct acc {
	long long v;
	int dec;         /* most decimals among the printed operands */
	int printed;     /* printed (non-blank) operands */
	int nonzero;     /* some operand is not zero */
	const char *bad; /* first operand that is not a number */
} acc;

/* what a row of a project table is (proj_kind) */
enum { PR_TOTAL, PR_UNIT, PR_TYPE, PR_PROJECT };

/* what a summary line is (item_kind): other, 一、, （一）, 其中, a total */
enum { K_OTHER, K_TOP, K_SUB, K_QIZHONG, K_TOTAL };

/* checks.c */
int is_digit(char c);
void acc_add(acc *a, const char *s);
void acc_str(const acc *a, char *out, size_t n);
void emit_cmp(gk_result *r, const char *tid, const char *check, const char *row, const acc *e,
              const acc *f);
void emit_cross(gk_result *r, const char *tid, const char *check, const char *row, int e_ok,
                const acc *e, int f_ok, const acc *f);
const char *cell(const gk_table *t, int i, const char *key);
int is_blank(const char *s);
int printed(const gk_table *t, int i, const char *key);
int any_printed(const gk_table *t, int i, const char *const *keys);
void add_cols(acc *a, const gk_table *t, int i, const char *const *keys);
int starts_with(const char *s, const char *p);
int is_total_label(const char *s);
void digits_of(const char *s, char *out, size_t n);
const gk_table *present(const gk_result *r, const char *id);
int find_total(const gk_table *t, const char *label_col);

/* check_tables.c */
void func_val(acc *a, const gk_table *t, int i, const char *col);
void func_table_checks(gk_result *r, const gk_table *t);
void basic_table_checks(gk_result *r, const gk_table *t);
void econ_table_checks(gk_result *r, const gk_table *t);
void rbu_table_checks(gk_result *r, const gk_table *t);
extern const char *const THREE_VEHICLE[];
void three_table_checks(gk_result *r, const gk_table *t);
int proj_kind(const gk_table *t, int i);
void project_table_checks(gk_result *r, const gk_table *t);

/* check_summary.c */
int item_kind(const char *s);
void item_label(const gk_table *t, int i, const char *col, const char *first, char *out,
                size_t n);
int side_total(const gk_table *t, const char *side);
void summary_checks(gk_result *r, const gk_table *t, const char *amount,
                    const char *const *cols);
void fiscal_row_checks(gk_result *r, const gk_table *t);

/* check_cross.c */
void cross_checks(gk_result *r);

/* check_narrative.c */
void narrative_checks(gk_result *r, const gk_doc *doc);

#endif
