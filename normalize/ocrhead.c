/*
 * ocrhead.c - the header of a table read by OCR: two column words
 * Tesseract glued into one cell ("财政拨款收入事业收入", "其他专户事业收"
 * over two columns) cut apart again where the gap between them falls.
 * The text layer's header never goes through here.
 *
 * Entry points: ocr_head_pitch, ocr_glued_cut (for logical.c's head copy).
 */
#include "nctx.h"
#include "ocrfix.h"

#include <stdlib.h>
#include <string.h>

/* The number of characters of t when all are CJK ideographs (a word of a
 * header, no punctuation, no digits, no misread marks), else 0. */
static int ideographs(const char *t)
{
	int n = 0;
	size_t len = strlen(t);
	for (size_t at = 0; at < len;) {
		unsigned cp;
		int k = gk_utf8_next((const unsigned char *)t + at, len - at, &cp);
		if (k <= 0 || cp < 0x4E00 || cp > 0x9FFF)
			return 0;
		at += (size_t)k;
		n++;
	}
	return n;
}

/* Was line i read by OCR? */
static int ocr_line(const nctx *c, int i)
{
	return ocr_page(c, c->x[i].l->page);
}

/* The width of one character of the OCR'd head lines [b, body): the
 * median of their word cells' widths per character (a cell of 2 to 8
 * ideographs).  0 when the lines are not OCR'd or too few words. */
double ocr_head_pitch(const nctx *c, int b, int body)
{
	double v[256];
	int n = 0;
	for (int i = b; i < body; i++) {
		const gk_line *l = c->x[i].l;
		if (c->x[i].skip || l->geom != GK_GEOM_POS || !ocr_line(c, i))
			continue;
		for (int j = 0; j < l->ncell && n < 256; j++) {
			int k = ideographs(l->cell[j].text);
			if (k >= 2 && k <= 8)
				v[n++] = (l->cell[j].x1 - l->cell[j].x0) / k;
		}
	}
	if (n < 3)
		return 0;
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return v[n / 2];
}

/* Does line i print an amount right of a label (a row, not a header)? */
static int amount_row(const nctx *c, int i)
{
	const gk_line *l = c->x[i].l;
	int label = 0;
	for (int j = 0; j < l->ncell; j++) {
		char buf[48], *fw = gk_fold_width(l->cell[j].text);
		int am = gk_amount_parse(fw, buf, sizeof buf);
		free(fw);
		label |= gk_has_cjk(l->cell[j].text);
		if (am && label)
			return 1;
	}
	return 0;
}

/* The first head line from k on (positioned, not skipped), or -1 at
 * body or at the first row. */
static int head_line_from(const nctx *c, int k, int body)
{
	for (; k < body; k++) {
		if (c->x[k].skip || c->x[k].l->geom != GK_GEOM_POS)
			continue;
		return amount_row(c, k) ? -1 : k;
	}
	return -1;
}

/* How much of [g0, g1] the words of the head lines below line i (up to
 * body or the first row) cover. */
static double covered_below(const nctx *c, int i, int body, double g0, double g1)
{
	double cov = 0;
	for (int k = head_line_from(c, i + 1, body); k >= 0; k = head_line_from(c, k + 1, body)) {
		const gk_line *l = c->x[k].l;
		for (int j = 0; j < l->ncell; j++) {
			double o = (l->cell[j].x1 < g1 ? l->cell[j].x1 : g1) - (l->cell[j].x0 > g0 ? l->cell[j].x0 : g0);
			if (o > 0)
				cov += o;
		}
	}
	return cov;
}

/* The amount column (x ranges col[], sorted by x) nearest x. */
static int column_at(double (*col)[2], int ncol, double x)
{
	int best = -1;
	double bd = 1e18;
	for (int k = 0; k < ncol; k++) {
		double d = x < col[k][0] ? col[k][0] - x : x > col[k][1] ? x - col[k][1] : 0;
		if (d < bd)
			bd = d, best = k;
	}
	return best;
}

/* Is x two characters or more off every amount column (the head of a
 * column that prints no figure on this page)? */
static int off_columns(double (*col)[2], int ncol, double x, double pitch)
{
	int k = column_at(col, ncol, x);
	return k >= 0 && (x < col[k][0] - 2 * pitch || x > col[k][1] + 2 * pitch);
}

/* Glued cell cl of n ideographs over two amount columns with less than a
 * character between its words (two tight columns' heads, 烟台民政's
 * 一般公共预政府性基金): each word is centred over its column, as the two
 * words under it on the next head line are (算收入, 预算收入).  With the
 * characters p wide, the first word's k characters reach from cl's left
 * edge to twice the distance to the first centre, the others from the
 * second centre's to the right edge: k = n * l1 / (l1 + l2).  Taken when
 * k is near a whole number, each word two characters or more, and p comes
 * out near the header's pitch.  Returns k, 0 to keep the cell whole. */
static int centred_cut(const nctx *c, int i, int body, const gk_cell *cl, int n, double pitch, double (*col)[2],
                       int ncol)
{
	for (int k = head_line_from(c, i + 1, body); k >= 0; k = head_line_from(c, k + 1, body)) {
		const gk_line *l = c->x[k].l;
		int in[2], m = 0;
		for (int j = 0; j < l->ncell; j++) {
			double mid = (l->cell[j].x0 + l->cell[j].x1) / 2;
			if (mid <= cl->x0 || mid >= cl->x1 || !gk_has_cjk(l->cell[j].text))
				continue;
			if (m == 2)
				return 0;
			in[m++] = j;
		}
		if (!m)
			continue;
		if (m != 2)
			return 0;
		double c1 = (l->cell[in[0]].x0 + l->cell[in[0]].x1) / 2, c2 = (l->cell[in[1]].x0 + l->cell[in[1]].x1) / 2;
		if (c1 > c2) {
			double t = c1;
			c1 = c2, c2 = t;
		}
		if (column_at(col, ncol, c1) == column_at(col, ncol, c2) && !off_columns(col, ncol, c1, pitch) &&
		    !off_columns(col, ncol, c2, pitch))
			return 0;
		double l1 = c1 - cl->x0, l2 = cl->x1 - c2, p = 2 * (l1 + l2) / n;
		if (l1 < 0.9 * pitch || l2 < 0.9 * pitch || p < 0.75 * pitch || p > 1.25 * pitch)
			return 0;
		double w1 = n * l1 / (l1 + l2);
		int k1 = (int)(w1 + 0.5);
		if (w1 - k1 > 0.3 || k1 - w1 > 0.3 || k1 < 2 || n - k1 < 2)
			return 0;
		return k1;
	}
	return 0;
}

/* Head cell cl of OCR'd line i, over the amount columns col[] (x ranges
 * sorted by x) of a table whose header characters are pitch wide: two
 * column words glued into one cell?  Tesseract read the gap between them
 * as nothing, but the cell's box keeps it: the cell is wider than its
 * characters by a whole character or more (a group header over several
 * columns, 财政拨款收入, is as wide as its characters, give or take the
 * box's slack: 无锡's 本年一般公共预算基本支出 by 0.9).  Such a cell over
 * two amount columns or more is cut where the gap falls: of the cuts
 * leaving two characters or more each side and the two parts over
 * different amount columns, the one whose gap the words of the lines
 * below leave free, then nearest the boundary between two columns.
 * Returns the characters before the cut, 0 to keep the cell whole. */
int ocr_glued_cut(const nctx *c, int i, int body, const gk_cell *cl, double pitch, double (*col)[2], int ncol)
{
	int n = ideographs(cl->text);
	double w = cl->x1 - cl->x0, gap = w - n * pitch;
	if (pitch <= 0 || n < 5 || !ocr_line(c, i) || gap > 3 * pitch)
		return 0;
	int over = 0;
	for (int k = 0; k < ncol; k++)
		over += (col[k][1] < cl->x1 ? col[k][1] : cl->x1) - (col[k][0] > cl->x0 ? col[k][0] : cl->x0) > 1;
	/* (a group header is as wide as its characters; one of two tight
	 * columns may print no figure on the page: 政府性基金 beside
	 * 一般公共预算, centred_cut then wants its head off the figures) */
	if (gap < pitch)
		return over == 2 || over == 1 ? centred_cut(c, i, body, cl, n, pitch, col, ncol) : 0;
	if (over < 2)
		return 0;
	int best = 0;
	double bcov = 1e18, bdist = 1e18;
	for (int k = 2; k <= n - 2; k++) {
		double g0 = cl->x0 + k * pitch, g1 = g0 + gap;
		int ca = column_at(col, ncol, (cl->x0 + g0) / 2), cb = column_at(col, ncol, (g1 + cl->x1) / 2);
		if (ca < 0 || ca == cb)
			continue;
		double cov = covered_below(c, i, body, g0, g1), dist = 1e18, mid = (g0 + g1) / 2;
		for (int q = 0; q + 1 < ncol; q++) {
			double d = mid - (col[q][1] + col[q + 1][0]) / 2;
			d = d < 0 ? -d : d;
			if (d < dist)
				dist = d;
		}
		if (cov < bcov - 1 || (cov < bcov + 1 && dist < bdist))
			best = k, bcov = cov, bdist = dist;
	}
	return best && bcov < gap / 2 ? best : 0;
}

/* Marks OCR reads off a table's rules beside a header word: a comma, a
 * stop, a dash (一 among them). */
static int rule_mark(unsigned cp)
{
	return cp == 0xFF0C || cp == ',' || cp == 0x3001 || cp == 0x3002 || cp == '.' || cp == '-' || cp == 0x4E00 ||
	       cp == '\'' || cp == '`' || cp == 0xFF0E;
}

/* Head cell cl of OCR'd line i ending in marks read off the table's
 * rules ("其他收一，", "位上缴一，": no header word ends in a comma):
 * the bytes of its word without them (*x1: where the word ends, its
 * characters pitch wide); strlen(text) when there are none. */
size_t ocr_head_trim(const nctx *c, int i, const gk_cell *cl, double pitch, double *x1)
{
	const char *t = cl->text;
	size_t len = strlen(t), keep = len, word = 0;
	int n = 0, kept = 0, punct = 0;
	*x1 = cl->x1;
	if (pitch <= 0 || !ocr_line(c, i))
		return len;
	for (size_t at = 0; at < len;) {
		unsigned cp;
		int k = gk_utf8_next((const unsigned char *)t + at, len - at, &cp);
		if (k <= 0)
			return len;
		n++;
		if (!rule_mark(cp) && (cp < 0x4E00 || cp > 0x9FFF))
			return len; /* digits, letters: not a header word */
		if (!rule_mark(cp)) {
			word = at + (size_t)k, kept = n, punct = 0;
		} else {
			punct |= cp != 0x4E00;
		}
		at += (size_t)k;
	}
	if (!punct || kept < 2 || word == len)
		return len;
	keep = word;
	if (cl->x0 + kept * pitch < cl->x1)
		*x1 = cl->x0 + kept * pitch;
	return keep;
}

#define MAXCP 48 /* header words longer than this are not compared */

/* path without the words of a group over its column (rules
 * "column-canon" FAMILY:group: 财政拨款收入, 其他资金收入): no misread part
 * of the column's own words.  Newly allocated. */
char *ocr_without_groups(const gk_rules *rules, const char *fam, const char *path)
{
	int n;
	const gk_rule *const *list = gk_rules_of(rules, "column-canon", &n); /* owned by the rules */
	size_t fl = strlen(fam);
	char *p = gk_strdup(path);
	for (int i = 0; i < n; i++) {
		const char *name = list[i]->name;
		size_t gl = strlen(list[i]->pattern);
		if (strncmp(name, fam, fl) || strcmp(name + fl, ":group") || !gl)
			continue;
		for (char *at; (at = strstr(p, list[i]->pattern));)
			memmove(at, at + gl, strlen(at + gl) + 1);
	}
	return p;
}

/* The key of family fam whose usual header word (rules "column-canon":
 * 上级补助收入, 附属单位上缴收入 ...) the words of an OCR'd column that
 * name nothing (path: its header words top to bottom, a group's usual
 * words left out) are near: a part of them within one edit in three
 * characters of it ("输属站位上缴收入"
 * for 附属单位上缴收入, "其他收" over a 入 OCR did not read), and nearer
 * than to any other key's word.  NULL when none is. */
const char *ocr_column_near(const gk_rules *rules, const char *fam, const char *path)
{
	unsigned t[MAXCP], w[MAXCP];
	int n;
	const gk_rule *const *list = gk_rules_of(rules, "column-canon", &n); /* owned by the rules */
	size_t fl = strlen(fam);
	char *p = ocr_without_groups(rules, fam, path);
	int nt = code_points(p, t, MAXCP);
	free(p);
	if (nt < 2)
		return NULL;
	const char *best = NULL;
	int bd = MAXCP, second = MAXCP;
	for (int i = 0; i < n; i++) {
		const char *name = list[i]->name;
		if (strncmp(name, fam, fl) || name[fl] != ':' || !strcmp(name + fl, ":group"))
			continue;
		int nw = code_points(list[i]->pattern, w, MAXCP);
		if (nw < 4)
			continue;
		int d = code_edits(w, nw, t, nt, 1); /* w anywhere in t */
		if (d > nw / 3)
			continue;
		if (d < bd) {
			if (best && strcmp(best, name + fl + 1))
				second = bd;
			bd = d, best = name + fl + 1;
		} else if (d < second && best && strcmp(best, name + fl + 1)) {
			second = d;
		}
	}
	return best && second > bd ? best : NULL;
}

/* Were the header lines [hb, he) read by OCR (any of them)? */
int ocr_head_lines(const nctx *c, int hb, int he)
{
	for (int i = hb; i < he; i++)
		if (!c->x[i].skip && ocr_line(c, i))
			return 1;
	return 0;
}

/* An OCR'd table's columns kept as x_<words> because their words name
 * no column (nslot columns; mask, leafmask and xname as header_masks
 * made them): those whose words are near one key's usual header word
 * (ocr_column_near) that no other column names take that key, added to
 * the family when its header did not name it at all.  Nothing is done on
 * a header read from a text layer. */
void ocr_columns_near(const nctx *c, solver_family *sf, int hb, int he, unsigned *mask, unsigned *leafmask,
                      char **xname, int nslot)
{
	if (!xname || !ocr_head_lines(c, hb, he) || !strcmp(sf->name, "three"))
		return;
	for (int s = 0; s < nslot; s++) {
		if (!xname[s])
			continue;
		unsigned m = 0, lm = 0;
		const char *path = xname[s] + 2; /* "x_" */
		char *own = ocr_without_groups(c->rules, sf->name, path);
		int named = *own && header_keys(c, sf, own, "", &m, &lm);
		free(own);
		if (named)
			continue; /* words of a column kept apart on purpose (教育收费 under 财政专户) */
		const char *key = ocr_column_near(c->rules, sf->name, path);
		if (!key)
			continue;
		int k = 0;
		while (k < sf->nkey && strcmp(sf->key[k], key))
			k++;
		if (k == 0 || k >= 32)
			continue; /* (the total is never taken so) */
		unsigned taken = 0;
		for (int t = 0; t < nslot; t++)
			taken |= mask[t];
		if (k < sf->nkey && (taken & (1u << k)))
			continue;
		if (k == sf->nkey) {
			sf->key[k] = key, sf->prior[k] = 0;
			sf->nkey++;
		}
		if (getenv("GK_DEBUG"))
			fprintf(stderr, "slot %d '%s' near %s\n", s, path, key);
		mask[s] = leafmask[s] = 1u << k;
		free(xname[s]);
		xname[s] = NULL;
	}
}

static int range_cmp(const void *a, const void *b)
{
	const double *x = a, *y = b;
	return x[0] < y[0] ? -1 : x[0] > y[0];
}

/* The x ranges of the amount columns of lines [b, e) (amount
 * cells right of a row's label; those that overlap make one), sorted by
 * x, for an OCR'd table: whole yuan without decimals count (单位：元).  Returns how many (*col
 * allocated, NULL for none). */
int ocr_amount_columns(const nctx *c, int b, int e, double (**col)[2])
{
	double (*r)[2] = NULL;
	int n = 0;
	for (int i = b; i < e && n < 256; i++) {
		const gk_line *l = c->x[i].l;
		if (c->x[i].skip || l->geom != GK_GEOM_POS)
			continue;
		int label = 0; /* amounts follow the row's label, codes come before it */
		for (int j = 0; j < l->ncell && n < 256; j++) {
			char buf[48], *fw = gk_fold_width(l->cell[j].text);
			int am = gk_amount_parse(fw, buf, sizeof buf);
			free(fw);
			label |= gk_has_cjk(l->cell[j].text);
			if (!am || !label || l->cell[j].x1 - l->cell[j].x0 < 1)
				continue;
			int k = 0;
			while (k < n && !(l->cell[j].x0 < r[k][1] && l->cell[j].x1 > r[k][0]))
				k++;
			if (k == n) {
				r = gk_realloc(r, sizeof *r * (size_t)(n + 1));
				r[n][0] = l->cell[j].x0, r[n][1] = l->cell[j].x1, n++;
			} else {
				r[k][0] = l->cell[j].x0 < r[k][0] ? l->cell[j].x0 : r[k][0];
				r[k][1] = l->cell[j].x1 > r[k][1] ? l->cell[j].x1 : r[k][1];
			}
		}
	}
	if (n > 1)
		qsort(r, (size_t)n, sizeof *r, range_cmp);
	*col = r;
	return n;
}
