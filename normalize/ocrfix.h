/*
 * ocrfix.h - OCR'd tables put right by their own arithmetic (ocrfix.c).
 */
#ifndef GK_OCRFIX_H
#define GK_OCRFIX_H

#include "ptext.h"
#include "rules.h"
#include "table.h"

/* How the text of doc was had, as checks of table "document": a rebuilt
 * cross-reference table (extract:repaired), pages without text
 * (extract:pages-without-text), pages of undecodable text
 * (extract:pages-garbled), pages read by OCR (ocr:pages, with their mean
 * confidence).  Then, for the tables of r whose page doc read by OCR:
 * replace a figure that two broken identities both solve to the same
 * value, when that value looks like what OCR misread; flag the cells of
 * identities still broken; replace a misread label by the standard name
 * of its code (rules kind `name`).  Each change and flag is a check on r.
 * Does nothing for a document without OCR'd pages. */
void gk_read_findings(gk_result *r, const gk_doc *doc, const gk_rules *rules);

/* Put the amount columns of t, a table on a page read by OCR, where its
 * row identities say they belong, when garbled header words sent them to
 * the wrong keys (ocrcols.c); flag its columns as doubtful when most rows
 * break and no arrangement is confirmed.  Checks `ocr:columns` on r. */
void gk_ocr_columns(gk_result *r, gk_table *t, const gk_doc *doc, const gk_rules *rules);
/* ocrcont.c: a doubt of a continued page's column (ocr:columns unsure)
 * settled where the row holds the same figure under both keys */
void cont_settle(gk_result *r);
/* ocrcols.c: drop t's x_ columns a move left without a figure (ocrcols,
 * ocrthree) */
void gk_ocr_drop_empty_x(gk_table *t);

/* Place the figures of each row of t, a 三公 table on a page read by
 * OCR, that breaks its identities (total = 因公出国 + 公务用车 + 公务接待,
 * 公务用车 = 购置 + 运行) by their printed order onto its columns, when
 * one placement alone makes both hold (ocrthree.c); each row moved an
 * `ocr:columns` check on r. */
void gk_ocr_three(gk_result *r, gk_table *t, const gk_doc *doc);

/* Replace the labels of t that OCR misread by the standard names of their
 * codes (rules kind `name`), judged by likeness to the name and by the
 * confidence doc's cells carry (ocrlabel.c); each one an `ocr:label`
 * check on r.  doc may be NULL (confidence unknown). */
void gk_ocr_fix_labels(gk_result *r, gk_table *t, const gk_doc *doc, const gk_rules *rules);

/* Put back the codes of r's tables on the pages listed (NULL: all) that
 * OCR lost or cut: by the standard names (rules kind `name`) their
 * labels match, in the tree the rows around print, and a 5xx by the one
 * the document pairs the row's 3xx with (ocrcode.c); each an `ocr:code`
 * check on r. */
void gk_ocr_fix_codes(gk_result *r, const char *pages, const gk_rules *rules);
/* How well an OCR'd label names a standard name: -1 not at all, else
 * higher the better (ocrcode.c) */
int gk_code_label_match(const char *read, const char *std);

/* Name the rows of the 支出 side of t, a summary table (收支总表,
 * 财政拨款收支总表) read by OCR, whose labels were garbled and whose
 * figure is the total of one function class in r's function tables, by
 * that class's standard name (ocrlabel.c); each an `ocr:label` check. */
void gk_ocr_fix_summary(gk_result *r, gk_table *t, const gk_doc *doc, const gk_rules *rules);

/* The total of each function class (2xx) of function table t, in
 * millionths: its own row's, else the sum of its rows of the shortest
 * code (ocrlabel.c).  Returns how many classes (cs[] filled). */
typedef struct gk_clsum {
	char code[4];
	int len;     /* the code length summed: the class's own row (3), else its shortest */
	long long v; /* millionths */
} gk_clsum;
int gk_ocr_class_sums(const gk_table *t, gk_clsum *cs, int max);

/* How sure OCR was of label, row `row` of t: the least confidence of the
 * OCR'd cells of the row that are part of it; -1 when unknown (ocrlabel.c) */
float gk_ocr_label_conf(const gk_doc *doc, const gk_table *t, int row, const char *label);

/* Reconcile the names of r's tables on OCR'd pages (pages, the extract's
 * ocr_pages) across the document's own readings: summary items by their
 * standard family (rules kind `summary-item`, `name`), a project's name by
 * its other tables' readings, a unit's name by its code's sure reading
 * elsewhere (ocrname.c); each an `ocr:label` check on r. */
void gk_ocr_names(gk_result *r, const gk_doc *doc, const gk_rules *rules, const char *pages);

/* Is the whole (row, column col) of a sum the checks find broken in t, a
 * table read by OCR, right while its parts are in doubt: no OCR flag of
 * its own, another of its table's figures in that column flagged
 * (ocr:suspect and the like, by gk_read_findings), and an identity of
 * three printed figures or more holding it to the unit (or another table
 * printing it alike)?  Then the break is the flagged parts'. */
int gk_ocr_sum_settled(gk_result *r, const gk_table *t, int row, const char *col, const gk_doc *doc);

/* How the identities gk_read_findings repairs by (row identities, column
 * sums by the code tree ...) fare with a term on row `row` of t, as its
 * cells now read: those that hold and those that break (row_broken: the
 * broken ones all of whose terms are on the row; col_held: the ones
 * holding with terms on other rows too); for each column c of
 * the row (c < GK_FIT_COLS) the identities holding it (nheld[c]) and the
 * values the broken ones solve it to (want[c], millionths of 万元). */
#define GK_FIT_COLS 40
#define GK_FIT_WANTS 4
typedef struct gk_row_fit {
	int held, broken, row_broken, col_held;
	unsigned char nheld[GK_FIT_COLS], nwant[GK_FIT_COLS];
	long long want[GK_FIT_COLS][GK_FIT_WANTS];
} gk_row_fit;
void gk_ocr_row_fit(gk_table *t, int row, gk_row_fit *out);

/* the edit distance of two short strings (bytes; digits), capped at 3
 * (ocrfix.c) */
int gk_short_edits(const char *a, const char *b);

/* Does column c of t hold amounts: a figure with a point among cells
 * that mostly parse as figures (codes print none; ocrfix.c) */
int gk_ocr_amount_col(const gk_table *t, int c);

/* the longest common subsequence of two code point strings of at most
 * 64 each (ocrlabel.c; not reentrant: one static table) */
int gk_cp_lcs(const unsigned *a, int n, const unsigned *b, int m);

/* s without its spaces, into out of n bytes (ocrlabel.c) */
void gk_ocr_squeeze(const char *s, char *out, size_t n);

/* Figures OCR read into the label cell of their row (`合计186.241.0 0`,
 * the row's other figures one column left), and junk glued before or
 * after a label, on t, a table on a page read by OCR (ocrglue.c): the
 * figures put back where the row's identities confirm them
 * (`ocr:corrected`), else cut from the label and the row flagged
 * (`ocr:glued`); doc's cells (may be NULL) give the order the page prints
 * the columns in, rules (may be NULL) the codes' standard names. */
void gk_ocr_glue(gk_result *r, gk_table *t, const gk_doc *doc, const gk_rules *rules);

/* Is page in list, a page list as the extract's ocr_pages ("3,5,14")? */
int gk_page_listed(const char *list, int page);
/* The digits of a code cell ("201 03 01" -> "2010301") into out[n]:
 * their number, or 0 when s holds anything else or does not fit. */
int gk_code_digits(const char *s, char *out, size_t n);

/* A table printed in 元 (its figures put in 万元) whose figures OCR read
 * with another count of decimals than the rest (a comma read as a
 * point: `767.579` among `758，448`), or in two cells at a group
 * boundary (`12121` `164`), by what doc read (ocrsep.c):
 * gk_ocr_separators puts right a row's figures so read where the comma
 * makes its row's identity and a sum over rows hold (`ocr:corrected`);
 * gk_ocr_separators_flag flags those left (`ocr:decimals`). */
void gk_ocr_separators(gk_result *r, gk_table *t, const gk_doc *doc);
void gk_ocr_separators_flag(gk_result *r, gk_table *t, const gk_doc *doc);

/* The next line of doc after prev (NULL: from the first) printed within
 * row ri's box, its middle inside it (a line of the row, not one it
 * touches); NULL after the last (ocrfix.c) */
const gk_line *gk_ocr_row_line(const gk_doc *doc, const gk_rowinfo *ri, const gk_line *prev);
/* s holds nothing but spaces: a blank cell (ocrfix.c) */
int gk_ocr_blank(const char *s);
/* s as a check's `found`: "s (confidence 87)", or s alone when cf < 0
 * (unknown) (ocrfix.c) */
void gk_ocr_with_conf(const char *s, float cf, char *out, size_t n);
/* Is a fail of OCR's already on cell (ri, ci) of t? (ocrfix.c) */
int gk_ocr_flagged(const gk_result *r, const gk_table *t, int ri, int ci);
/* Flag cell (ri, ci) of t: check, expected, its figure read with
 * confidence conf (-1: unknown) as found; status fail (ocrfix.c) */
void gk_ocr_flag(gk_result *r, gk_table *t, int ri, int ci, const char *check, const char *expected, float conf);
/* Record cell (ri, ci) of t, now written, as read `read` with confidence
 * conf: an ocr:corrected check (ocrfix.c) */
void gk_ocr_record_fix(gk_result *r, gk_table *t, int ri, int ci, const char *read, float conf);
/* Is cell (ri, ci) of t held to the unit by a sum of three printed
 * figures or more (ocrfix.c)? */
int gk_ocr_held(gk_table *t, int ri, int ci);
/* Write vals into the n cells cols of row `row` of t, a table read by
 * OCR, and keep them when no identity that held breaks and each is held
 * to the unit by its row's identity and by a sum over rows, one of
 * them broken as read; else put the cells back.  1 when kept (ocrfix.c) */
int gk_ocr_try_cells(gk_table *t, int row, int n, const int *cols, char (*vals)[48]);

#endif
