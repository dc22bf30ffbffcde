/*
 * checks.h - internals of the consistency checks (checks.c,
 * check_narrative.c), exposed for the unit tests.  The entry point is
 * gk_checks_run() in normalize.h; what the check files share is chk.h.
 *
 * Amounts are handled as exact scaled integers: a value v stands for
 * v / 10^GK_CHK_SCALE 万元, and `dec` is the number of decimals the figure
 * was printed with (its precision).  No floating point, no locale.
 */
#ifndef GK_CHECKS_H
#define GK_CHECKS_H

#include <stddef.h>

#include "ptext.h"

#define GK_CHK_SCALE 6 /* decimals kept; more are rounded half away from zero */

/* Parse a canonical amount ("1265.6", "-12.50"; thousands commas
 * tolerated).  Returns 1 with *v and *dec set, 0 for a blank cell (only
 * spaces), -1 if s is not a number (or overflows). */
int gk_chk_parse(const char *s, long long *v, int *dec);

/* Format v with dec decimals (0..GK_CHK_SCALE), rounding half away from
 * zero. */
void gk_chk_format(long long v, int dec, char *out, size_t outsz);

/* Status of a comparison between two table figures: "ok" when equal,
 * "round" when they differ by at most one unit of the coarser of the two
 * precisions (10^-min(edec, fdec)), else "fail". */
const char *gk_chk_status(long long e, int edec, long long f, int fdec);

/* Status of a figure stated in the narrative (n, ndec) against a table
 * figure (t, tdec): both are rounded to the coarser precision p =
 * min(ndec, tdec) (which may be negative for 亿元 figures); "ok" if they
 * then agree, "round" if they differ by one unit of p, else "fail". */
const char *gk_chk_status_narrative(long long n, int ndec, long long t, int tdec);

/* The narrative of doc as one string: each line's cells joined with "",
 * lines joined with "" (a space between two digits), '*' removed.  Lines
 * that look like table rows (two or more bare numbers and no "元") and
 * unit labels ("单位：万元") are replaced by a '\n', which no stated
 * figure may cross.  Caller frees. */
char *gk_chk_narrative_text(const gk_doc *doc);

/* Find the first figure stated after keyword in text: keyword, at most
 * 12 characters of filler (no digit, no clause punctuation, none of
 * 增减比较占降与同上), the number, optional spaces, then 万元 / 亿元 / 元
 * (converted to 万元; *dec adjusted, negative for coarse 亿元 figures).
 * If need is not NULL the filler must contain it ("三公" needs "经费").
 * Returns 1 with *v, *dec set, or 0. */
int gk_chk_narrative_figure(const char *text, const char *keyword, const char *need, long long *v,
                            int *dec);

#endif
