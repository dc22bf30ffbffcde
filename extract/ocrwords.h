/*
 * ocrwords.h - the words Tesseract read on a page and their repairs,
 * between extract/ocr.c (which reads them) and extract/ocrwords.c (which
 * mends them).  Internal to extract/.
 */
#ifndef GK_EXTRACT_OCRWORDS_H
#define GK_EXTRACT_OCRWORDS_H

#include <leptonica/allheaders.h>
#include <stdint.h>
#include <stdio.h>

typedef struct sym {
	int l, t, r, b;
	uint32_t cp;
	int word;
} sym;

typedef struct word {
	int l, t, r, b;
	float conf;
	double size; /* its line's height, px */
	int lt, lb;   /* its line's top and bottom, px */
	int ll, lr;   /* its line's left and right, px */
	int line;     /* index of its text line */
	int first, n; /* its symbols */
	int rx;       /* > r: its box may reach this far, over decimals it left out */
	int lx;       /* 0 < lx < l: its box may reach this far left, over a head it left out */
	char text[64];
} word;

/* A box of ink, px. */
typedef struct gk_ocrw_box {
	int l, t, r, b; /* inclusive */
	int amount;     /* of gk_ocrw_gaps: a short amount, its digits' box */
} gk_ocrw_box;

/* A page's symbols and words, in reading order; the arrays are owned
 * here, freed by gk_ocrw_clear.  vr: the page's vertical rules, borrowed
 * (the table's column lines: no amount's pieces join across one). */
typedef struct gk_ocrw {
	sym *sy;
	int ns, scap;
	word *wd;
	int nw, wcap;
	const gk_ocrw_box *vr;
	int nvr;
} gk_ocrw;

/* the grey page's pixels (8 bpp, borrowed from its PIX) */
typedef struct gk_ocrw_ink {
	l_uint32 *data;
	int w, h, wpl;
} gk_ocrw_ink;

static inline int isdig(int c)
{
	return c >= '0' && c <= '9';
}

void gk_ocrw_clear(gk_ocrw *ws);
/* the words and symbols of more appended to ws (more is left as it was) */
void gk_ocrw_append(gk_ocrw *ws, const gk_ocrw *more);

/* the repairs of the words, in the order gk_ocr_read makes them */
void gk_ocrw_mend(gk_ocrw *ws, const gk_ocrw_ink *ink);
/* letters an amount's font makes of its digits ("128,148.S6" in a face
 * whose 5 reads as S) made digits in its symbols, when they stand next
 * to a digit and the word is then an amount with a separator (one of
 * gk_ocrw_mend's repairs; before it, the S cut the amount in two) */
void gk_ocrw_fold_letters(gk_ocrw *ws);
/* an amount Tesseract cut at its point ("13,297" "." "11") made one word
 * again (one of gk_ocrw_mend's repairs) */
void gk_ocrw_join_amounts(gk_ocrw *ws);
/* an amount read up to its point ("5,247.") reaches on over the ink of its
 * decimals, to be read again (one of gk_ocrw_mend's repairs) */
void gk_ocrw_reach_decimals(gk_ocrw *ws, const gk_ocrw_ink *grey);
/* an amount read from its point on (".00", its "0" in no word) reaches
 * back over the ink of its head, to be read again (one of
 * gk_ocrw_mend's repairs) */
void gk_ocrw_reach_head(gk_ocrw *ws, const gk_ocrw_ink *grey);
/* do the lines of a and b make one row: overlapping by half the lower
 * (a column can be a block of lines of its own)? */
int gk_ocrw_same_row(const word *a, const word *b);
/* the index of the nearest word on word i's row left of it (step -1) or
 * right of it (+1), whatever line Tesseract put it on (the gaps' pass
 * reads a figure the layout dropped onto a line of its own); -1: none */
int gk_ocrw_row_neighbour(const gk_ocrw *ws, int i, int step);
/* s is a point and its decimals (".00") or the point alone */
int gk_ocrw_headless(const char *s);
void gk_ocrw_despeck(gk_ocrw *ws);
/* One label's ink read twice, by two of Tesseract's lines (a tall line
 * that takes in a wrapped cell beside the label reads it a second time):
 * a word of Chinese lying within a longer word of another line, all of
 * whose characters that word holds, goes (its n set to 0). */
void gk_ocrw_drop_doubles(gk_ocrw *ws);
void gk_ocrw_dump(const gk_ocrw *ws, FILE *f);

/* where the ink of an amount's word w ends, px (w->r when no gap ends
 * it): the right edge of a word whose box runs into the next word's */
int gk_ocrw_ink_right(const gk_ocrw_ink *grey, const word *w);
/* the same, ended by a blank gap px wide */
int gk_ocrw_ink_right_gap(const gk_ocrw_ink *grey, const word *w, int gap);
/* Does a decimal point stand in box g of the grey page (ocrwords.c) */
int gk_ocrw_has_point(const gk_ocrw_ink *grey, const gk_ocrw_box *g);


/* The ink no word covers, cc[0..n) (connected components of the cleaned
 * page once every word's box is cleared), grouped into regions of text a
 * line high worth reading again: at most cap into out, the count
 * returned.  gh: the height of the page's Chinese glyphs, px.  Specks,
 * leftovers of ruling lines and what is taller than two lines (a stamp)
 * are no text; a region narrower than one and a half glyphs is a
 * character a word lost, not a cell the layout dropped; one that reaches
 * over a word of ws, or comes within half a glyph of one, is ink its
 * glyphs' boxes left out.  cc is
 * reordered. */
int gk_ocrw_gaps(const gk_ocrw *ws, gk_ocrw_box *cc, int n, int gh, gk_ocrw_box *out, int cap);

/* Pieces of one horizontal rule made one: rules of hr[0..*n) on the same
 * rows of pixels less than gap px apart are joined (*n shrinks). */
void gk_ocrw_join_rules(gk_ocrw_box *hr, int *n, int gap);

/* The cell of a ruled table holding the point x,y: the space between the
 * nearest vertical rules of vr[0..nv) left and right of it that reach
 * down past y, and the nearest horizontal rules of hr[0..nh) above and
 * below it that reach across the middle of that space.  1 and *cell set
 * (the rules left out) when the point is ruled on all four sides. */
int gk_ocrw_cell(const gk_ocrw_box *vr, int nv, const gk_ocrw_box *hr, int nh, int x, int y, gk_ocrw_box *cell);
/* words' boxes end at the column rules none of their symbols cross */
void gk_ocrw_clip_to_rules(gk_ocrw *ws);

/* the median height of the page's Chinese symbols, px; 0 with fewer
 * than ten */
int gk_ocrw_glyph_height(const gk_ocrw *ws);
/* qsort's comparison of ints, ascending */
int gk_ocrw_cmp_int(const void *a, const void *b);

/* the median print size of the page's lines (their tallest Chinese
 * word), px; 0 with none */
int gk_ocrw_body_size(const word *wd, int nw);
double gk_ocrw_digit_advance(const word *wd, int nw);

/* what a word's text or symbols look like */
int gk_ocrw_ndigits(const char *s);
/* s is a label's enumeration alone: "(二十一)", "三、" (extract/ocrwords.c) */
int gk_ocr_enumeration(const char *s);
/* an amount w points wide with no point lost it, its column's amounts with
 * one being icpt + adv * digits wide (extract/ocrwords.c) */
int gk_ocr_lost_point(double w, double digits, double adv, double icpt);
/* whether one-character word x (conf) between words a and b stands where a
 * code does (read again when so) */
int gk_ocrw_code_glyph_spot(const char *x, float conf, const char *a, const char *b, float unsure);
/* how many other lines print a code of want digits in word i's column */
int gk_ocrw_code_column(const word *wd, int nw, int i, int want);
int gk_ocrw_amountish(const char *s);
int gk_ocrw_alldigits(const char *s);
int gk_ocrw_latinish(const char *s);
int gk_ocrw_has_cjk(const char *s);
int gk_ocrw_holds_decimals(const char *s);
int gk_ocrw_amount_break(const sym *sy, int a, int b, int j);

#endif
