/*
 * rulings.h - the ruling lines of a PDF page, for the pages that need
 * them (extract/rulings.c).
 */
#ifndef GK_EXTRACT_RULINGS_H
#define GK_EXTRACT_RULINGS_H

#include <poppler.h>

#include "ptext.h"

/* Does page (1-based) of doc, as extracted so far, print a table whose
 * text alone cannot place its merged cells: a performance grid listing
 * projects as rows (a header naming both the project and its indicators)?
 * 1: yes, its rulings are kept for the normalizer; 2: only an indicator
 * grid with a cell glued across two header columns, whose vertical rulings
 * part the cells and bound the columns (its horizontal ones are not
 * kept); 0: no. */
int gk_page_wants_rulings(const gk_doc *doc, int page);

/* Render page at low resolution and add its ruling lines to doc as
 * strokes (points, the page's own coordinates). */
void gk_page_add_rulings(PopplerPage *page, gk_doc *doc, int pageno, double w, double h);

#endif
