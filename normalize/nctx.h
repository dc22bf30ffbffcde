/*
 * nctx.h - internals of gongkai-normalize shared by its files (not an
 * API): the reading context (nctx: the document's lines, rules, result
 * and what reading has learned so far), table spans and heads, row keys,
 * and the functions one file offers the others.  Each .c file says at
 * its top which of these it owns.
 */
#ifndef GK_NCTX_H
#define GK_NCTX_H

#include "contract.h"
#include "norm.h"
#include "parse.h"

typedef struct xline {
	const gk_line *l;
	char *compact; /* text without white space, width-folded for matching */
	int skip;      /* page furniture */
} xline;

#define CONT_MAX 24 /* figure columns of a page remembered for its next */

typedef struct nctx {
	const gk_doc *doc;
	const gk_rules *rules;
	gk_result *r;
	xline *x;
	int n;
	char *dept;      /* 部门名称 */
	int unit_shift;  /* document unit -> 万元 */
	int unit_seen;
	int nother;
	char ctx_class[4], ctx_item[3]; /* 类 and 款 of the last coded row, for rows that print only 款/项 */
	double hx_kuan, hx_xiang;       /* x of the 款 and 项 header cells (0: unknown) */
	double ox_kuan, ox_kw;          /* OCR'd pages: x of the last lone code read as a 款, its line's size (0: none) */
	double hx_unit;                 /* project tables: centre of a 单位名称 header cell printed beside 项目名称 (0: none) */
	double hx_note;                 /* project tables: left edge of a 项目简介 (备注, 说明) column (0: none) */
	char ctx_unit[256];             /* project tables: the unit of the rows above, filled down onto projects */
	int ctx_full;                   /* function tables: a 项 row printed its whole code (2080505) */
	const gk_table *sum_table;      /* summary.c: the summary whose blocks start at sum_bx (a continued page keeps them) */
	double sum_bx[7];
	int sum_nbx;
	gk_strv cross; /* table id, column key, value, source: other tables' figures for a total row */
	struct {       /* ocrcont.c: the figure columns of the last page of a coded table read */
		char id[64];
		int page, n, ncol;      /* its page; its columns, those with placed figures */
		double x1[CONT_MAX];    /* right edge of each column's figures */
		char key[CONT_MAX][32]; /* the key most of them were placed in ("": none) */
	} cont;
} nctx;

typedef enum fam_id { F_SUMMARY, F_FISCAL, F_FUNC, F_BASIC, F_ECON, F_REVUNIT, F_THREE, F_PROJECT, F_DPERF, F_PPERF, F_OTHER } fam_id;

typedef struct tspan {
	const char *id;
	int title, begin, end; /* line indices: title line, first body line, one past the last */
} tspan;

/* the header text of a table: lines between the title and the first row */
typedef struct head {
	char *text;       /* compacted, joined */
	int first_row;    /* line index of the first body row */
	int unit_shift;   /* the unit its head names, GK_UNIT_NONE: none */
} head;

typedef struct rowkeys {
	char func[16], econ[16], gov[16], unit[32];
	char *name, *name2, *ptype;
	int total;
	int context_only; /* a code line that only sets 类/款 for the rows below */
	char misprint[32]; /* the code as printed, when it was repaired */
} rowkeys;

#define MAXROWS 4096

/* Rows anchored on columns rather than on amounts: a table of text whose
 * short cells (a performance table's 指标值) sit on their row's centre the
 * way numbers do.  Columns are the header's, by their left edges. */
typedef struct lr_anchor {
	int body;        /* first body line: the lines before it are the head */
	int ncol;
	double colx[32]; /* left edges of the columns, ascending */
	unsigned mask;   /* the columns whose cells anchor their row */
} lr_anchor;

/* Run a span parser on the logical rows of a positioned span. */
typedef void (*span_parser)(nctx *c, const tspan *sp, gk_table *t);

/* An exact decimal sum (scaled integer; sc: decimals, n: terms). */
typedef struct decsum {
	long long v;
	int sc, n;
} decsum;

/* What one file offers the others, by file (each is documented where it
 * is defined). */

/* tokens.c */
char *compact_of(const char *s);
int rule_any(const nctx *c, const char *kind, const char *s);
int is_header_line(const nctx *c, const xline *x);
int is_digits(const char *s, int minl, int maxl);
int tokens_of(const gk_line *l, tok *t, int max);
int tok_is_plain_int(const tok *t);
fam_id family_of(const char *id);
void prow_free(prow *p);
void prow_add_num(prow *p, const tok *t);
void put_amount(gk_table *t, int row, int col, const char *num, int shift);
int line_has_amount(const nctx *c, int i);
int tok_is_code(const tok *t, int n, int i, int code_family);
gk_geom body_geom(const nctx *c, int b, int e);
int is_ordinal_label(const char *s);
int cmp_double(const void *a, const void *b);
/* How wide amount s prints, in digits (a point or comma counts half). */
double amount_units(const char *s);
/* Where a table's amounts end, from the boxes [x0, x1] of its n amounts,
 * each units digits wide (amount_units): the rightmost right edge.  On
 * pages read by OCR (ocr) a box may run past its figure onto the cell
 * beside it ("0.00" boxed to 555 where its column ends at 547 and a
 * column of notes begins at 549, 广州气象's project table): there a box is
 * taken as no wider than its digits (the amounts' median width of a
 * digit, 6% slack) before the rightmost is taken.  -1 when n is 0. */
double amounts_right_edge(const double *x0, const double *x1, const double *units, int n, int ocr);

/* header.c */
void head_meta(nctx *c, const xline *x, int *unit_shift);
void family_from_header(const nctx *c, const char *fam, const char *htext, solver_family *sf);
void add_head_by_column(const nctx *c, const int *lines, int nl, gk_buf *ht);
void read_head(nctx *c, fam_id f, int b, int e, head *h);
int header_keys(const nctx *c, const solver_family *sf, const char *cp, const char *lw, unsigned *mask,
                unsigned *leafmask);
void ocr_distinct_xnames(const nctx *c, const solver_family *sf, int hb, int he, char **xname, int C);
unsigned *header_masks(const nctx *c, const solver_family *sf, int hb, int he, const prow *rows, int nr,
                       char ***xname_out, int *nslot, unsigned **leafmask_out);
void reorder_keys(solver_family *sf, const unsigned *leafmask, int nslot, unsigned *mask);

/* ocrhead.c */
double ocr_head_pitch(const nctx *c, int b, int body);
int ocr_glued_cut(const nctx *c, int i, int body, const gk_cell *cl, double pitch, double (*col)[2], int ncol);
size_t ocr_head_trim(const nctx *c, int i, const gk_cell *cl, double pitch, double *x1);
char *ocr_without_groups(const gk_rules *rules, const char *fam, const char *path);
const char *ocr_column_near(const gk_rules *rules, const char *fam, const char *path);
int ocr_head_lines(const nctx *c, int hb, int he);
int ocr_amount_columns(const nctx *c, int b, int e, double (**col)[2]);
void ocr_columns_near(const nctx *c, solver_family *sf, int hb, int he, unsigned *mask, unsigned *leafmask,
                      char **xname, int nslot);

/* ocrcont.c */
void cont_columns(nctx *c, const tspan *sp, const gk_table *t, const solver_family *sf, const prow *rows, int nr,
                  unsigned *mask, char *const *xname, int nslot);
void cont_remember(nctx *c, const tspan *sp, const solver_family *sf, const prow *rows, int nr, int nslot);

/* hstack.c */
int column_words(const nctx *c, int hb, int he, const double *a, const double *b, int C, char **path, char **leaf);

/* rows.c */
int assemble_rows(nctx *c, fam_id f, int hb, int b, int e, prow *rows, int maxrows, int *end_line);
void assign_slots(prow *rows, int nr, gk_geom geom);

/* keys.c */
void rowkeys_free(rowkeys *k);
void interpret_keys(nctx *c, fam_id f, prow *p, rowkeys *k);

/* logical.c */
int head_run(const nctx *c, int b, int body, int stop, int i);
/* a line of a later page read by OCR that prints the head [b, body) again,
 * misread (logical.c) */
int ocr_head_echo(const nctx *c, int b, int body, int i);
void with_logical_rows(nctx *c, const tspan *sp, gk_table *t, span_parser fn);
void with_rows(nctx *c, const tspan *sp, gk_table *t, span_parser fn, const lr_anchor *an);
nctx sub_context(const nctx *c, const gk_doc *d);
/* perf.c: merged cells of column ci in rows [first, nrow) filled down,
 * leading blanks from the first value below */
void fill_down(gk_table *t, int first, int ci);
void sub_context_done(nctx *c, nctx *sub, gk_doc *d);

/* anchored.c */
int anchor_col(const lr_anchor *an, double x0);

/* numeric.c */
void parse_numeric(nctx *c, const tspan *sp, gk_table *t);

/* three.c */
int three_final(const gk_table *t);
int three_left_ok(const nctx *c, int hb, int he, double a, double b, const gk_cell *cl);
int three_unit_piece(const nctx *c, const gk_line *l, int j);
void three_columns(const nctx *c, const solver_family *sf, int hb, int he, const prow *rows, int nr, int final,
                   unsigned *mask, unsigned *leafmask, char **xname, int C);
void three_reorder_keys(solver_family *sf, const unsigned *leafmask, int nslot, unsigned *mask,
                        char *const *xname);
int three_drop_page_numbers(prow *rows, int nr);
int three_by_items(const nctx *c, const solver_family *sf, const prow *rows, const rowkeys *keys, int nr,
                   char *const *xname, int nslot, int shift, gk_table *t);
void three_fold_rows(const nctx *c, gk_table *t, const prow *rows, int nr, const int *out, int final);

/* revitems.c */
int revunit_by_items(const nctx *c, const solver_family *sf, const rowkeys *keys, int nr, int b, int e, int shift,
                     gk_table *t);

/* blocks.c */
int basic_blocks(nctx *c, const tspan *sp, gk_table *t, const head *h, const prow *orows, int nr, int shift);

/* summary.c */
void parse_summary_plain(nctx *c, const tspan *sp, gk_table *t);
void parse_summary_fiscal(nctx *c, const tspan *sp, gk_table *t);

/* perf.c */
int indicator_header(const nctx *c, const tspan *sp, const char *also);
int punctuated(const char *t);
void parse_dperf(nctx *c, const tspan *sp, gk_table *t);

/* pperf.c */
void parse_pperf(nctx *c, const tspan *sp, gk_table *t);

/* other.c */
void parse_other(nctx *c, const tspan *sp, gk_table *t);

/* cross.c */
void decsum_add(decsum *d, const char *s);
void decsum_str(const decsum *d, char *out, size_t n);
void cross_apply(const nctx *c, const char *table_id, solver_family *sf);
void reread_with_cross(nctx *c, const tspan *sp, int nsp);

/* prov.c */
int table_row(const nctx *c, gk_table *t, int l0, int l1);
void rows_source(const nctx *c, gk_table *t, int from, int l0, int l1);
void classify_rows(nctx *c);
/* the OCR'd summaries' lines classified again once the OCR fixes
 * (gk_read_findings) have put their labels right: item keys follow the
 * names written, not the ones misread */
void reclassify_ocr_summaries(nctx *c);

/* document.c */
/* is page listed in the extract's ocr_pages? */
int ocr_page(const nctx *c, int page);
const char *title_of(const nctx *c, const xline *x);
/* strip a title's decorations (rules "title-strip", a year) in place */
void strip_title(const nctx *c, char *s);
/* ocrtitle.c */
/* s as code points into cp (a stray byte counts as one); -1 when longer
 * than max */
int code_points(const char *s, unsigned *cp, int max);
/* edits that make b (at most 64 code points) into a; within: a part of b */
int code_edits(const unsigned *a, int na, const unsigned *b, int nb, int within);
const char *title_near(const nctx *c, const char *stripped, const char **canon, int *same_len);
/* the contract table whose usual title (title-canon) is exactly s, a
 * line's compact text (*canon: that title), or NULL */
const char *title_canon_of(const nctx *c, const char *s, const char **canon);
/* line i, a title OCR read near the usual titles of two tables or more,
 * taken for the one whose head (rules "title-head") its table prints:
 * that table's id (*canon its nearest usual title), or NULL */
const char *title_by_head(const nctx *c, int i, const char **canon);
/* check_toc.c: the contents against the tables found */
void toc_checks(nctx *c);
void parse_spans(nctx *c, const tspan *sp, int nsp, const gk_strv *only);

#endif
