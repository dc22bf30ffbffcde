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

/* Where the two sides of a check are printed: for the finding's one line
 * (checks.csv `detail`, `page`) and for the doubts about the reading that
 * turn a failed comparison into `unsure` (check_emit.c). */
enum {
	W_ROW,   /* an identity within one row: total = basic + project */
	W_COL,   /* a column or code-tree sum: 合计 = Σ leaves, 类 = Σ款 */
	W_CROSS, /* the same figure in two tables */
	W_TEXT,  /* a figure the narrative states */
};
typedef struct where {
	int kind;             /* W_ROW ... */
	const gk_table *t;    /* the table of the figure checked (`found`); NULL: the narrative */
	int row;              /* its row, -1 for none */
	const char *col;      /* its column key, NULL for none */
	const char *expl;     /* what `expected` is ("Σ of its 款 rows"); NULL: the cell of t2 */
	const gk_table *t2;   /* the other table (a cross check or the narrative's table) */
	int row2;
	const char *col2;
	int page;             /* the narrative's page (kind W_TEXT) */
	const char *quote;    /* the narrative's words (kind W_TEXT) */
	const char *doubt;    /* a doubt the caller found: a fail is unsure for it */
} where;

/* The narrative (check_text.c): its text, the page of each joined line,
 * and its tokens. */
enum { TK_FIG, TK_PCT, TK_YEAR, TK_NUM };
typedef struct ntok {
	int kind;        /* TK_FIG (an amount with its unit), TK_PCT, TK_YEAR, TK_NUM */
	size_t off, end; /* bytes of the text */
	long long v;     /* TK_FIG: 万元 scaled; TK_PCT, TK_NUM: scaled; TK_YEAR: the year */
	int dec;         /* printed decimals (TK_FIG: of the 万元 figure) */
	char unit;       /* TK_FIG: 'w' 万元, 'y' 元, 'i' 亿元 */
} ntok;

typedef struct ntext {
	char *s;
	size_t len;
	int nline;
	size_t *loff; /* start of each joined line */
	int *lpage;   /* its page */
	ntok *tok;
	int ntok;
} ntext;

/* what a row of a project table is (proj_kind) */
enum { PR_TOTAL, PR_UNIT, PR_TYPE, PR_PROJECT };

/* what a summary line is (item_kind): other, 一、, （一）, 其中, a total */
enum { K_OTHER, K_TOP, K_SUB, K_QIZHONG, K_TOTAL };

/* checks.c */
int is_digit(char c);
void acc_add(acc *a, const char *s);
void acc_str(const acc *a, char *out, size_t n);
void emit_cmp(gk_result *r, const char *tid, const char *check, const char *row, const acc *e,
              const acc *f, const where *w);
void emit_cross(gk_result *r, const char *tid, const char *check, const char *row, int e_ok,
                const acc *e, int f_ok, const acc *f, const where *w);
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

/* check_emit.c */
/* Was t's page read by OCR (the document the checks run on)? */
int ocr_read(const gk_table *t);
void emit_finding(gk_result *r, const char *tid, const char *check, const char *row,
                  const char *expected, const char *found, const char *status, const where *w,
                  long long gap);
void emit_note(gk_result *r, const char *tid, const char *check, const char *row,
               const char *expected, const char *found, const char *status, int page,
               const char *detail);
void row_name(const gk_table *t, int i, char *out, size_t n);
const char *col_name(const char *key);
void where_str(const gk_result *r, const gk_table *t, int row, const char *col, char *out,
               size_t n);
int table_doubt(const gk_result *r, const gk_table *t, int only, char *why, size_t n);
void doubt_table(const gk_table *t, const char *why);
void doubts_clear(void);
void doubts_doc(const gk_doc *doc);
void systematic_doubts(gk_result *r, int from);
void quote_at(const char *text, size_t off, char *out, size_t n);

/* check_text.c */
ntext *ntext_new(const gk_doc *doc);
ntext *ntext_of_text(const char *text);
void ntext_drop(ntext *nt);
int ntext_page(const ntext *nt, size_t off);
size_t sent_start(const ntext *nt, size_t off);
size_t sent_end(const ntext *nt, size_t off);
void lead_of(const ntext *nt, int k, char *out, size_t n);
int lead_has(const ntext *nt, int k, const char *w);
int lead_ends(const ntext *nt, int k, const char *w, int max);

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
void narrative_checks(gk_result *r, const ntext *nt, const gk_doc *doc);
void narrative_doubts(gk_result *r, const ntext *nt);
void text_where(where *w, const ntext *nt, size_t off, char *quote, size_t n);

/* check_wording.c: shares, growth, completion rates, 大于/小于/持平, the
 * sums the narrative states */
void wording_checks(gk_result *r, const ntext *nt);

/* check_year.c: the years of comparisons, titles and dates; the
 * department's name in headings */
void year_checks(gk_result *r, const ntext *nt, const gk_doc *doc);

#endif
