/*
 * ptext.h - the positioned-text model that gongkai-extract produces and
 * gongkai-normalize consumes (document -> line -> cell), and its
 * line-oriented stream form ("extract format", README.md).
 *
 * A gk_doc owns its lines, a line owns its cells, a cell owns its text.
 */
#ifndef GK_PTEXT_H
#define GK_PTEXT_H

#include "gk.h"

/* How far a line's cell positions can be trusted. */
typedef enum gk_geom {
	GK_GEOM_TAB = 0, /* TAB-separated text: x0 = x1 = field index, empty fields kept */
	GK_GEOM_POS = 1, /* real positions: PDF points, or display columns of layout text */
	GK_GEOM_FLOW = 2 /* space-separated tokens, positions unknown: x0 = x1 = token index */
} gk_geom;

typedef struct gk_cell {
	double x0, x1; /* left and right edge (see gk_geom) */
	double y0, y1; /* its own top and bottom when y1 > y0, else the line's */
	float conf;    /* OCR: Tesseract's confidence in its words, 0..100;
	                  -1: read from a text layer or a text file */
	char *text;    /* UTF-8, no TAB or newline */
} gk_cell;

typedef struct gk_line {
	int page;      /* 1-based; text input counts form feeds, else 1 */
	double y0, y1; /* top and bottom (points for PDF, line number for text) */
	double size;   /* font size in points, 0 when unknown */
	gk_geom geom;
	int ncell, cap;
	gk_cell *cell;
} gk_line;

/* A ruling line drawn on a PDF page (a table's grid), in points:
 * horizontal at y = pos from x = a to b, or vertical at x = pos from
 * y = a to b.  Only pages that need them have any (extract/rulings.c). */
typedef struct gk_stroke {
	int page;
	int vertical;
	double pos, a, b;
} gk_stroke;

typedef struct gk_doc {
	gk_strv meta; /* key, value, key, value ... */
	int npage;
	double *page_w, *page_h;
	int nline, cap;
	gk_line *line;
	int nstroke, scap;
	gk_stroke *stroke;
} gk_doc;

gk_doc *gk_doc_new(void);
void gk_doc_drop(gk_doc *doc);

void gk_doc_set_meta(gk_doc *doc, const char *key, const char *val);
const char *gk_doc_meta(const gk_doc *doc, const char *key); /* NULL if unset */

void gk_doc_add_page(gk_doc *doc, double w, double h);
void gk_doc_add_stroke(gk_doc *doc, int page, int vertical, double pos, double a, double b);

/* The returned line belongs to doc and stays valid until the next add. */
gk_line *gk_doc_add_line(gk_doc *doc, int page, double y0, double y1, double size, gk_geom geom);
void gk_line_add_cell(gk_line *line, double x0, double x1, const char *text, size_t len);
/* Drop the lines from index `from` on (a page read again). */
void gk_doc_truncate(gk_doc *doc, int from);
/* The same, for a cell whose own vertical extent differs from its line's
 * (a PDF line that gathered fragments printed at slightly different
 * heights, as overflowing cells are).  Returns the cell. */
gk_cell *gk_line_add_cell_y(gk_line *line, double x0, double x1, double y0, double y1, const char *text, size_t len);
/* A cell's top and bottom: its own, else its line's. */
double gk_cell_y0(const gk_line *line, const gk_cell *cell);
double gk_cell_y1(const gk_line *line, const gk_cell *cell);

/* The line's cells joined by one space (caller frees). */
char *gk_line_text(const gk_line *line);

/* Write doc in the extract format.  Returns 0, or -1 on a write error. */
int gk_doc_write(FILE *f, const gk_doc *doc);

/* Read the next document of an extract-format stream.
 * Returns 1 and sets *out, 0 at a clean end of stream, -1 on malformed
 * input with *err set to a message naming the line (caller frees). */
int gk_doc_read(FILE *f, gk_doc **out, char **err);

#endif
