/*
 * ocrsep.c - a table printed in 元 whose digit-group separators OCR
 * misread.
 *
 * A table printed in 元 is put in 万元 (its figures' point moved four
 * places), so what OCR read is no longer seen in its cells: 767,579 元
 * read `767.579` becomes 0.0767579 万元, and when a row prints the figure
 * twice (合计 and 人员经费) both are misread alike and the row's identity
 * holds.  The page's own text tells: a 元 table prints whole yuan or yuan
 * to the fen, all its figures alike; a figure read with another count of
 * decimals (`767.579` among `758，448` and `503724`: a comma read as a
 * point) is no figure of it, whatever its identities say.  And a figure
 * whose comma OCR lost with the gap around it comes in two cells, a
 * group of three digits less than a digit's width right of its head
 * (`12121` `164` for 12,121,164): both pieces are misread.
 *
 * Such figures are put right where the table's identities confirm a
 * reading of the text (the point a comma: `767.579` is 767579): the
 * row's identity and a second one, a sum over rows (ocrfix.c
 * gk_ocr_try_cells), each a check `ocr:corrected`; the others are
 * flagged `ocr:decimals`, expected "whole 元" or "元 to the fen".
 */
#include "checks.h"
#include "contract.h"
#include "norm.h"
#include "normalize.h"
#include "ocrfix.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* the figure OCR read for one cell of a table: the doc cell, its text
 * without spaces, and how many decimals it prints (-1: a trailing point;
 * 0: none) */
typedef struct sepread {
	const gk_line *line;
	int cell;
	char text[64];
	int dec;
	int hits; /* the doc cells that read so (the same print read twice) */
} sepread;

/* text without spaces, the fullwidth comma and point as ASCII */
static void plain(const char *s, char *out, size_t n)
{
	size_t k = 0;
	while (*s && k + 1 < n) {
		if (!strncmp(s, "，", 3))
			out[k++] = ',', s += 3;
		else if (!strncmp(s, "．", 3))
			out[k++] = '.', s += 3;
		else if (*s == ' ')
			s++;
		else
			out[k++] = *s++;
	}
	out[k] = 0;
}

/* The decimals plain text s prints: the digits after its last point; 0
 * without a point, -1 with nothing after it */
static int read_decimals(const char *s)
{
	const char *p = strrchr(s, '.');
	if (!p)
		return 0;
	int n = 0;
	while (p[1 + n] >= '0' && p[1 + n] <= '9')
		n++;
	return n ? n : -1;
}

/* Does plain text s group its digits otherwise than by threes: a comma
 * not followed by three digits and then a comma, a point or its end
 * (`20,` with its group lost, `12,12,164`)? */
static int bad_groups(const char *s)
{
	for (const char *p = strchr(s, ','); p; p = strchr(p + 1, ',')) {
		int g = 0;
		while (p[1 + g] >= '0' && p[1 + g] <= '9')
			g++;
		if (g != 3 || (p[4] && p[4] != ',' && p[4] != '.'))
			return 1;
	}
	return 0;
}

/* The value (万元, scaled) of the figure doc cell text reads, a 元 figure
 * (shift -4) or as printed (0) */
static int read_value(const char *text, int shift, long long *v)
{
	char amt[64], sc[64], p[64];
	int d;
	plain(text, p, sizeof p);
	size_t n = strlen(p);
	while (n > 1 && p[n - 1] == ',')
		p[--n] = 0; /* (`20,`: its group lost) */
	if (!gk_amount_parse(p, amt, sizeof amt))
		return 0;
	if (shift && !gk_amount_scale(amt, shift, sc, sizeof sc))
		return 0;
	return gk_chk_parse(shift ? sc : amt, v, &d) == 1;
}

/* The one figure of row i's lines that reads as cell (i, c) of t holds,
 * as a 元 figure (shift -4) or as printed; several reading alike are one
 * (the same print read twice).  0 when none, or several unlike. */
static int find_read(const gk_table *t, int i, int c, const gk_doc *doc, int shift, sepread *out)
{
	const gk_rowinfo *ri = gk_table_info(t, i);
	long long want;
	int d, hits = 0;
	if (!ri || ri->page <= 0 || gk_chk_parse(t->rows[i][c], &want, &d) != 1 || !want)
		return 0;
	for (const gk_line *ln = NULL; (ln = gk_ocr_row_line(doc, ri, ln));) {
		for (int j = 0; j < ln->ncell; j++) {
			long long v;
			char p[64];
			if (ln->cell[j].conf < 0 || !read_value(ln->cell[j].text, shift, &v) || v != want)
				continue;
			plain(ln->cell[j].text, p, sizeof p);
			if (hits && strcmp(p, out->text))
				return 0;
			if (!hits)
				out->line = ln, out->cell = j, snprintf(out->text, sizeof out->text, "%s", p);
			hits++;
		}
	}
	out->dec = hits ? read_decimals(out->text) : 0;
	out->hits = hits;
	return hits > 0;
}

/* Is plain text s digits only, n of them (a group), with dec decimals
 * after them when dec > 0? */
static int group_shape(const char *s, int n, int dec)
{
	for (int k = 0; k < n; k++)
		if (s[k] < '0' || s[k] > '9')
			return 0;
	if (dec <= 0)
		return !s[n];
	if (s[n] != '.')
		return 0;
	for (int k = 0; k < dec; k++)
		if (s[n + 1 + k] < '0' || s[n + 1 + k] > '9')
			return 0;
	return !s[n + 1 + dec];
}

/* Is plain text s digits, commas among them, and no other character? */
static int digits_only(const char *s)
{
	int nd = 0;
	for (; *s; s++) {
		if ((*s < '0' || *s > '9') && *s != ',')
			return 0;
		nd += *s != ',';
	}
	return nd > 0;
}

/* Is doc cell j of line ln the head of a figure whose group (three
 * digits, the table's dec decimals) OCR read as a cell of its own right
 * of it, less than a digit's width away (`12121` `164`)?  Or that group
 * itself, its head so left of it? */
static int split_group(const gk_line *ln, int j, int dec)
{
	for (int side = 0; side < 2; side++) {
		int h = side ? j - 1 : j, g = h + 1;
		if (h < 0 || g >= ln->ncell)
			continue;
		char hs[64], gs[64];
		plain(ln->cell[h].text, hs, sizeof hs);
		plain(ln->cell[g].text, gs, sizeof gs);
		if (!digits_only(hs) || !group_shape(gs, 3, dec))
			continue;
		double w = ln->cell[h].x1 - ln->cell[h].x0, gap = ln->cell[g].x0 - ln->cell[h].x1;
		if (gap >= 0 && gap < w / (double)strlen(hs))
			return 1;
	}
	return 0;
}

/* Does plain text s group its thousands before its point (`1,234.56`)?
 * Excel's general format never does: a figure printed so is of a fixed
 * format, its decimals all printed */
static int grouped(const char *s)
{
	const char *c = strchr(s, ','), *p = strrchr(s, '.');
	return c && p && c < p;
}

/* The decimals a 元 table prints (0 or 2), by what OCR read of its
 * figures: two thirds of three or more read alike; -1 when it cannot
 * tell, -2 when t is no table of 元 (its figures read as printed, or too
 * few found) */
static int table_yuan_decimals(const gk_table *t, const gk_doc *doc, int *fixed)
{
	int yuan = 0, asis = 0, n0 = 0, n2 = 0;
	*fixed = 0;
	for (int c = 0; c < t->cols.n && !(asis >= 5 && !yuan); c++) {
		if (!gk_ocr_amount_col(t, c))
			continue;
		for (int i = 0; i < t->nrow; i++) {
			sepread sr;
			if (gk_ocr_blank(t->rows[i][c]))
				continue;
			if (find_read(t, i, c, doc, 0, &sr))
				asis++;
			if (!find_read(t, i, c, doc, -4, &sr))
				continue;
			yuan++;
			n0 += sr.dec == 0;
			n2 += sr.dec == 2;
			*fixed |= sr.dec == 2 && (sr.text[strlen(sr.text) - 1] == '0' || grouped(sr.text));
		}
	}
	if (yuan < 3 || yuan <= asis * 2)
		return -2;
	return n0 * 3 >= yuan * 2 ? 0 : n2 * 3 >= yuan * 2 ? 2 : -1;
}

/* The decimals t prints, a 元 table: its own, else those every other
 * 元 table of r on a page OCR read that tells prints, when they all print
 * alike (a document prints its tables one way: 普陀福利院's 基本支出表,
 * its figures misread row after row; a table that cannot tell says
 * nothing against the others); -1 when unknown, -2 when t is no 元
 * table.  *fixed: a figure of two decimals ending in 0 was read (no
 * Excel general format, which prints 12.5 beside 12.55), or one with its
 * thousands grouped (no general format either) */
static int yuan_decimals(const gk_result *r, const gk_table *t, const gk_doc *doc, int *fixed)
{
	*fixed = 0;
	if (strstr(t->id, "performance"))
		return -2; /* (its figures are no money: 100%, 3 次) */
	int dec = table_yuan_decimals(t, doc, fixed);
	if (dec != -1)
		return dec;
	const char *pages = gk_doc_meta(doc, "ocr_pages");
	int seen = -1;
	for (int k = 0; k < r->ntable; k++) {
		const gk_table *o = r->tables[k];
		int fx;
		if (o == t || !gk_page_listed(pages, o->page))
			continue;
		int d = table_yuan_decimals(o, doc, &fx);
		if (d >= 0 && seen >= 0 && d != seen)
			return -1;
		if (d >= 0)
			seen = d, *fixed |= fx;
	}
	return seen;
}

/* A reading of plain text s as a 元 figure of dec decimals whose comma
 * OCR read as a point (`767.579` for 767,579; `20.000.00` for
 * 20,000.00): the point that is no decimal point dropped; into out */
static int point_for_comma(const char *s, int dec, char *out, size_t n)
{
	const char *last = strrchr(s, '.');
	size_t k = 0;
	if (!last)
		return 0;
	for (const char *p = s; *p && k + 1 < n; p++) {
		if (*p == ',' || (*p == '.' && (dec == 0 || p != last)))
			continue;
		if ((*p < '0' || *p > '9') && *p != '.')
			return 0;
		out[k++] = *p;
	}
	out[k] = 0;
	/* each point dropped stood before a group of three */
	for (const char *p = s; *p; p++)
		if (*p == '.' && (dec == 0 || p != last)) {
			int g = 0;
			while (p[1 + g] >= '0' && p[1 + g] <= '9')
				g++;
			if (g != 3)
				return 0;
		}
	return read_decimals(out) == dec || (dec == 0 && !strchr(out, '.'));
}

/* The right edge the figures of column c of t stand at, the median of
 * those read on rows other than `skip`; with the width of a digit there
 * and the left edge of the widest.  0 when fewer than two are found. */
static int column_edge(const gk_table *t, int c, int skip, const gk_doc *doc, double *x1, double *digit, double *x0)
{
	double xs[64], dw = 0;
	int n = 0;
	*x0 = 1e9;
	for (int i = 0; i < t->nrow && n < 64; i++) {
		sepread sr;
		if (i == skip || !find_read(t, i, c, doc, -4, &sr) || sr.hits > 1)
			continue; /* (a figure printed twice on the row: which is it?) */
		const gk_cell *cl = &sr.line->cell[sr.cell];
		xs[n++] = cl->x1;
		if (cl->x0 < *x0)
			*x0 = cl->x0;
		dw += (cl->x1 - cl->x0) / (double)strlen(sr.text);
	}
	if (n < 2)
		return 0;
	for (int a = 1; a < n; a++)
		for (int b = a; b > 0 && xs[b - 1] > xs[b]; b--) {
			double tmp = xs[b];
			xs[b] = xs[b - 1], xs[b - 1] = tmp;
		}
	*x1 = xs[n / 2];
	*digit = dw / n;
	return 1;
}

/* Row i of t read again from its figures' cells, a head and the group
 * OCR read apart from it joined (`12121` `164`: 12121164), each placed
 * under the column whose figures end where it ends: vals[c] for each
 * amount column c (GK_FIT_COLS at most), "" where none stands; read[c]
 * what the cell held, conf[c] the least confidence of its pieces.  0
 * when a figure stands under no column, or two under one. */
static int reread_row(const gk_table *t, int i, const gk_doc *doc, int dec, char (*vals)[48], float *conf)
{
	const gk_rowinfo *ri = gk_table_info(t, i);
	double edge[GK_FIT_COLS], digit[GK_FIT_COLS], left = 1e9;
	int has[GK_FIT_COLS] = {0}, ncol = 0;
	if (!ri || ri->page <= 0)
		return 0;
	for (int c = 0; c < t->cols.n && c < GK_FIT_COLS; c++) {
		vals[c][0] = 0, conf[c] = -1;
		double x0;
		if (gk_ocr_amount_col(t, c) && column_edge(t, c, i, doc, &edge[c], &digit[c], &x0)) {
			has[c] = 1, ncol++;
			if (x0 - 2 * digit[c] < left)
				left = x0 - 2 * digit[c]; /* (left of it the labels, the codes) */
		}
	}
	if (ncol < 2)
		return 0;
	int placed[GK_FIT_COLS] = {0}, nused = 0;
	const gk_cell *used[64];
	for (const gk_line *ln = NULL; (ln = gk_ocr_row_line(doc, ri, ln));) {
		for (int j = 0; j < ln->ncell; j++) {
			const gk_cell *cl = &ln->cell[j];
			char txt[96], amt[64];
			long long v;
			plain(cl->text, txt, sizeof txt);
			if (cl->conf < 0 || cl->x0 < left || !read_value(txt, -4, &v))
				continue;
			float cf = cl->conf;
			double x1 = cl->x1;
			if (nused < 64)
				used[nused++] = cl;
			/* its group read apart */
			if (digits_only(txt) && j + 1 < ln->ncell) {
				char gs[64];
				plain(ln->cell[j + 1].text, gs, sizeof gs);
				double gap = ln->cell[j + 1].x0 - cl->x1;
				if (group_shape(gs, 3, dec) && gap >= 0 && gap < (cl->x1 - cl->x0) / (double)strlen(txt)) {
					size_t k = strlen(txt);
					snprintf(txt + k, sizeof txt - k, "%s", gs);
					x1 = ln->cell[j + 1].x1;
					if (nused < 64)
						used[nused++] = &ln->cell[j + 1];
					if (ln->cell[j + 1].conf < cf)
						cf = ln->cell[j + 1].conf;
					j++;
				}
			}
			char yuan[96];
			int d = read_decimals(txt);
			if (d > 0 && d != dec && point_for_comma(txt, dec, yuan, sizeof yuan))
				snprintf(txt, sizeof txt, "%s", yuan);
			if (!gk_amount_parse(txt, amt, sizeof amt))
				return 0;
			int at = -1;
			for (int c = 0; c < t->cols.n && c < GK_FIT_COLS; c++)
				if (has[c] && x1 > edge[c] - 1.5 * digit[c] && x1 < edge[c] + 1.5 * digit[c])
					at = at < 0 ? c : -2;
			if (at < 0 || placed[at])
				return 0;
			placed[at] = 1;
			if (!gk_amount_scale(amt, -4, vals[at], sizeof vals[at]))
				return 0;
			conf[at] = cf;
		}
	}
	/* each figure the row holds is among those read again: none lost */
	for (int c = 0; c < t->cols.n && c < GK_FIT_COLS; c++) {
		sepread sr;
		long long v;
		int seen = 0, d;
		if (!gk_ocr_amount_col(t, c) || gk_chk_parse(t->rows[i][c], &v, &d) != 1 || !v)
			continue; /* (a zero stands anywhere) */
		if (!find_read(t, i, c, doc, -4, &sr))
			return 0;
		for (int k = 0; k < nused && !seen; k++)
			seen = used[k] == &sr.line->cell[sr.cell];
		if (!seen)
			return 0;
	}
	return 1;
}

void gk_ocr_separators(gk_result *r, gk_table *t, const gk_doc *doc)
{
	if (!doc)
		return;
	int fixed, dec = yuan_decimals(r, t, doc, &fixed);
	if (getenv("GK_DEBUG"))
		fprintf(stderr, "ocrsep: %s p.%d: %s\n", t->id, t->page,
		        dec == -2 ? "no 元 table" : dec < 0 ? "元, its decimals not told" : dec ? "元 to the fen" : "whole 元");
	if (dec < 0)
		return;
	/* a row at a time, its figures misread alike mended together; again
	 * while something is mended (a 类 after its 款) */
	for (int more = 1, pass = 0; more && pass < 4; pass++) {
		more = 0;
		for (int i = 0; i < t->nrow; i++) {
			int cols[GK_FIT_COLS], n = 0, split = 0;
			char vals[GK_FIT_COLS][48], reads[GK_FIT_COLS][48];
			float conf[GK_FIT_COLS];
			for (int c = 0; c < t->cols.n && c < GK_FIT_COLS; c++) {
				sepread sr;
				char yuan[64];
				if (!gk_ocr_amount_col(t, c) || !find_read(t, i, c, doc, -4, &sr))
					continue;
				split |= split_group(sr.line, sr.cell, dec);
				if (sr.dec <= 0 || sr.dec == dec || !point_for_comma(sr.text, dec, yuan, sizeof yuan) ||
				    !gk_amount_scale(yuan, -4, vals[n], sizeof vals[n]))
					continue;
				snprintf(reads[n], sizeof reads[n], "%s", t->rows[i][c]);
				conf[n] = sr.line->cell[sr.cell].conf;
				cols[n++] = c;
			}
			if (split) {
				/* the row read again, its figures placed anew */
				char all[GK_FIT_COLS][48];
				float cf[GK_FIT_COLS];
				n = 0;
				if (reread_row(t, i, doc, dec, all, cf))
					for (int c = 0; c < t->cols.n && c < GK_FIT_COLS; c++) {
						long long a, b;
						int d;
						if (!gk_ocr_amount_col(t, c) || !strcmp(all[c], t->rows[i][c]) ||
						    (gk_chk_parse(all[c], &a, &d) == 1 && gk_chk_parse(t->rows[i][c], &b, &d) == 1 &&
						     a == b))
							continue;
						memcpy(vals[n], all[c], sizeof vals[n]);
						snprintf(reads[n], sizeof reads[n], "%s", t->rows[i][c]);
						conf[n] = cf[c];
						cols[n++] = c;
					}
			}
			if (!n || !gk_ocr_try_cells(t, i, n, cols, vals))
				continue;
			for (int k = 0; k < n; k++)
				gk_ocr_record_fix(r, t, i, cols[k], reads[k], conf[k]);
			more = 1;
		}
	}
}

/* The one figure OCR read for cell (i, c) of t, a 元 figure or as
 * printed (a table whose unit OCR lost) */
static int find_read_any(const gk_table *t, int i, int c, const gk_doc *doc, sepread *out)
{
	return (find_read(t, i, c, doc, -4, out) && out->hits == 1) || (find_read(t, i, c, doc, 0, out) && out->hits == 1);
}

/* Is plain text s a piece of a figure: a digit or more among commas,
 * points and the specks OCR makes of ink (`7`, `.1`), or a speck alone
 * (`!`), no word (`1、`, `2、外交支出`, `ES`)? */
static int figure_piece(const char *s)
{
	int digit = 0, letter = 0, n = 0;
	for (; *s; s++, n++) {
		if ((unsigned char)*s >= 0x80)
			return 0;
		digit |= *s >= '0' && *s <= '9';
		letter |= (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z');
	}
	return digit || (n && n <= 2 && !letter);
}

/* The width of a character of doc cell cl, plain text s */
static double char_width(const gk_cell *cl, const char *s)
{
	size_t n = strlen(s);
	return n ? (cl->x1 - cl->x0) / (double)n : 0;
}

/* Is the figure OCR read in doc cell j of line ln one piece of a longer
 * one: a piece of figure beside it, less than a character and a half
 * away (`1` `497673.64` for 1,497,673.64; `303312586.1` `7`), which the
 * table did not take in? */
static int torn_figure(const gk_line *ln, int j)
{
	char s[64];
	plain(ln->cell[j].text, s, sizeof s);
	for (int side = -1; side <= 1; side += 2) {
		int k = j + side;
		char o[64];
		if (k < 0 || k >= ln->ncell || ln->cell[k].conf < 0)
			continue;
		plain(ln->cell[k].text, o, sizeof o);
		/* (two points: two figures, the next column's close by) */
		if (!figure_piece(o) || (strchr(s, '.') && strchr(o, '.') && o[0] != '.'))
			continue;
		/* (zero decimals read apart, their point lost: `104160000`
		 * `00`, the figure's value whole) */
		const char *z = o + (o[0] == '.');
		while (*z == '0')
			z++;
		if (side > 0 && !strchr(s, '.') && !*z && z > o + (o[0] == '.'))
			continue;
		double w = char_width(&ln->cell[j], s);
		double gap = side > 0 ? ln->cell[k].x0 - ln->cell[j].x1 : ln->cell[j].x0 - ln->cell[k].x1;
		if (gap > -w && gap < 1.5 * w)
			return 1;
		/* a thousands' group right of a head without a point, as far as
		 * the gap a spaced comma leaves (`19108` `350.11`) */
		double wo = char_width(&ln->cell[k], o);
		if (side > 0 && digits_only(s) && (group_shape(o, 3, 0) || group_shape(o, 3, 2)) && gap >= 0 &&
		    gap < 6 * (wo > w ? wo : w))
			return 1;
	}
	return 0;
}

/* A figure of t, a table read by OCR, that OCR read in pieces, one of them
 * taken (a piece of figure beside it), and that no sum of three figures
 * holds, is in doubt (`ocr:suspect`) */
static void torn_flag(gk_result *r, gk_table *t, const gk_doc *doc)
{
	for (int c = 0; c < t->cols.n; c++) {
		if (!gk_ocr_amount_col(t, c))
			continue;
		for (int i = 0; i < t->nrow; i++) {
			sepread sr;
			if (!find_read_any(t, i, c, doc, &sr))
				continue;
			int torn = torn_figure(sr.line, sr.cell);
			if (getenv("GK_DEBUG"))
				fprintf(stderr, "ocrsep: %s row %d %s read `%s`%s\n", t->id, i + 1, t->cols.v[c], sr.text,
				        torn ? " in pieces" : "");
			if (!torn || gk_ocr_flagged(r, t, i, c) || gk_ocr_held(t, i, c))
				continue;
			gk_ocr_flag(r, t, i, c, "ocr:suspect", "(read in pieces)", sr.line->cell[sr.cell].conf);
		}
	}
}

void gk_ocr_separators_flag(gk_result *r, gk_table *t, const gk_doc *doc)
{
	if (!doc)
		return;
	int fixed, dec = yuan_decimals(r, t, doc, &fixed);
	if (dec == -2) {
		if (!strstr(t->id, "performance"))
			torn_flag(r, t, doc);
		return;
	}
	const char *want = dec < 0 ? "元, at most 2 decimals" : dec ? "元 to the fen" : "whole 元";
	char *split = gk_calloc((size_t)(t->nrow ? t->nrow : 1), 1);
	for (int c = 0; c < t->cols.n; c++) {
		if (!gk_ocr_amount_col(t, c))
			continue;
		for (int i = 0; i < t->nrow; i++) {
			sepread sr;
			if (!find_read(t, i, c, doc, -4, &sr))
				continue;
			/* a 元 figure prints two decimals at most, commas before groups
			 * of three; a point in a table of whole 元 is a comma misread;
			 * one decimal or none in a table to the fen a digit or the
			 * point lost where it prints them fixed (Excel's general
			 * format prints 12.5 and 12 beside 12.55); a trailing point
			 * is no decimals read (`60,000.`) */
			int odd = sr.dec > 2 || bad_groups(sr.text) || (dec == 0 && sr.dec > 0) ||
			          (fixed && dec == 2 && (sr.dec == 1 || sr.dec == 0));
			int piece = dec >= 0 && split_group(sr.line, sr.cell, dec);
			split[i] |= (char)piece;
			/* (a sum holding it says it was read right: `1,234.00` in
			 * a table of whole 元) */
			if ((!odd && !piece) || gk_ocr_flagged(r, t, i, c) || gk_ocr_held(t, i, c))
				continue;
			gk_ocr_flag(r, t, i, c, "ocr:decimals", want, sr.line->cell[sr.cell].conf);
		}
	}
	/* a row read in pieces placed its other figures by their count: each
	 * that stands elsewhere once the pieces are joined is in doubt (收入表's
	 * 合计 262 under 经营收入, printed under 事业收入) */
	for (int i = 0; i < t->nrow; i++) {
		char all[GK_FIT_COLS][48];
		float cf[GK_FIT_COLS];
		if (!split[i] || !reread_row(t, i, doc, dec, all, cf))
			continue;
		for (int c = 0; c < t->cols.n && c < GK_FIT_COLS; c++) {
			long long a, b;
			int d;
			/* (a money column of one figure, no point in it, is none of
			 * gk_ocr_amount_col's) */
			int money = gk_ocr_amount_col(t, c) || gk_col_kind_of(t->id, t->cols.v[c]) == GK_COL_AMOUNT;
			if (!money || gk_ocr_blank(t->rows[i][c]) || gk_chk_parse(t->rows[i][c], &b, &d) != 1 ||
			    (gk_chk_parse(all[c], &a, &d) == 1 && a == b) || gk_ocr_flagged(r, t, i, c) || gk_ocr_held(t, i, c))
				continue;
			char want[96];
			snprintf(want, sizeof want, "%.48s (the row's pieces joined)", *all[c] ? all[c] : "(none)");
			gk_ocr_flag(r, t, i, c, "ocr:suspect", want, -1);
		}
	}
	free(split);
	torn_flag(r, t, doc);
}
