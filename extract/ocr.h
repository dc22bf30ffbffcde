/*
 * ocr.h - reading a page image with Tesseract (extract/ocr.c; the words
 * it reads are mended in extract/ocrwords.c).
 *
 * A page without a text layer (a scan), or with one that cannot be
 * decoded, is rendered, cleaned (median filter, deskew, ruling lines
 * removed) and read by Tesseract through its C API.  What comes back is
 * what a PDF's text layer gives: one glyph per character with its box in
 * PDF points, plus the Tesseract confidence of its word and the page's
 * vertical ruling lines (the table grid), so that pdf.c groups them into
 * lines and cells exactly as it does a text layer.
 */
#ifndef GK_OCR_H
#define GK_OCR_H

#include <stdint.h>

typedef struct _PopplerPage PopplerPage;

typedef struct gk_ocr_glyph {
	double x0, y0, x1, y1; /* PDF points, top-left origin */
	double size;           /* height of its text line, points */
	uint32_t cp;
	int word;              /* index of its word on the page; a new word starts a new token */
	float conf;            /* Tesseract's confidence of the word, 0..100 */
	int brk;               /* starts a token (a word, or an amount run into one) */
} gk_ocr_glyph;

/* A ruling line, in PDF points: vertical ones separate table columns. */
typedef struct gk_ocr_rule {
	double x0, x1, y0, y1;
} gk_ocr_rule;

typedef struct gk_ocr_page {
	int nglyph, gcap;
	gk_ocr_glyph *glyph;
	int nvrule, vcap;
	gk_ocr_rule *vrule;
	double conf;   /* mean word confidence, 0..100 (-1: no word) */
	int nword;
	int ndigit_pass; /* words read again with digits only */
	int nlatin_pass; /* words read again with chi_sim alone */
	int nband;       /* bands of garbage lines read again, and taken */
	int ncell_pass;  /* ruled cells read again alone, and taken */
	int nline_pass;  /* title lines read again whole */
	int ngap_pass;   /* lines of ink no word covered, read on their own */
	int carry_w, carry_brk; /* a rule's bar left out: the token start it had, for its word's next glyph */
} gk_ocr_page;

typedef struct gk_ocr gk_ocr;

/* A Tesseract engine (chi_sim+eng, and a digits-only one for amounts),
 * reused for every page of a document.  NULL with *err set when the
 * language data cannot be loaded. */
gk_ocr *gk_ocr_new(char **err);
void gk_ocr_drop(gk_ocr *o);

/* Read one page into *out (zeroed first; free with gk_ocr_page_clear).
 * w, h: the page size in points.  Returns 0, or -1 with *err set. */
int gk_ocr_read(gk_ocr *o, PopplerPage *page, double w, double h, gk_ocr_page *out, char **err);
void gk_ocr_page_clear(gk_ocr_page *p);


/* Repair an amount as OCR reads it (in place; text is NUL-terminated):
 * ':' ';' or ',' before the last two digits is the decimal point
 * ("56:20" -> "56.20"), thousands separators go ("1,265.60" ->
 * "1265.60"), 'O'/'o' between digits is 0, 'l'/'I'/'|' is 1, 'S' is 5, a
 * quote before or after the figure is a speck.  Returns 1
 * when the result is an amount, 0 when the text is no amount (then left
 * as it was). */
int gk_ocr_fix_amount(char *text);

/* Where an amount's ink ends in a word box that reaches into the next
 * word (Tesseract's boxes of touching words are guesses): ink[0..n) says
 * which columns of the box have ink; the first blank run of at least
 * gap columns after ink ends it (wider than the gaps between an amount's
 * digits, point and commas), as does such a run at the box's end.
 * Returns the last inked column before it, or -1 when no such gap
 * follows ink. */
int gk_ocr_ink_end(const char *ink, int n, int gap);

/* The width of one digit on a page (px): the median width per digit of
 * its codes of 3-8 digits read with confidence (width[i] px, len[i]
 * digits); 0 with fewer than five.  Tables print digits of one width, so
 * a code read with fewer digits than lround(box / advance) lost some
 * ("1" in the box of the 款 "12") and is read again. */
double gk_ocr_digit_advance(const int *width, const int *len, int n);

/* Does a head of ndig digits fit the ink before an amount's point,
 * width px from its leftmost ink to the point, in a font whose digits
 * take pitch px each?  The ink holds about width / pitch digits (a
 * thousands comma takes up to a digit's room, once in four): 1 when
 * ndig is that many, rounded, or fewer by the commas' room. */
int gk_ocr_head_fits(int ndig, int width, double pitch);

/* The lines of an OCR'd page, from doc->line[from] on: amounts repaired
 * by gk_ocr_fix_amount, and an amount that lost its decimal point
 * ("47724" in a column of amounts with two decimals) given it back
 * ("477.24", its confidence lowered to at most 60). */
struct gk_doc;
void gk_ocr_fix_lines(struct gk_doc *doc, int from);

#endif
