/*
 * ocrwords.c - the words Tesseract read on a page, mended before they
 * become glyphs (extract/ocr.c reads them, in this order):
 *
 *   1. an amount's last digits given to the next word go back to it, and
 *      a word's box ends where the next word of its line begins (an
 *      amount's, where its ink ends);
 *   2. specks read as punctuation go.
 *
 * Also what a word's text looks like (an amount, a code, Latin letters
 * misread from Chinese), gk_ocr_fix_amount, the page's digit advance, and
 * gk_ocr_fix_lines (the page's lines, once they are cells).  No Tesseract
 * or Leptonica call here: the libraries are loaded by ocr.c.
 */
#include "ocrwords.h"

#include "gk.h"
#include "ocr.h"
#include "ptext.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- amounts ------------------------------------------------------------ */

static int amount_char(uint32_t c)
{
	return (c >= '0' && c <= '9') || c == '.' || c == ',' || c == ':' || c == ';' || c == '-';
}

static int sep_char(int c)
{
	return c == '.' || c == ',' || c == ':' || c == ';';
}

int gk_ocr_fix_amount(char *text)
{
	char buf[64];
	size_t n = 0;
	const unsigned char *s = (const unsigned char *)text;
	size_t len = strlen(text);
	/* fold what OCR confuses with digits and separators */
	for (size_t i = 0; i < len;) {
		unsigned cp;
		int l = gk_utf8_next(s + i, len - i, &cp);
		if (l <= 0)
			return 0;
		i += (size_t)l;
		if (cp >= 0xFF10 && cp <= 0xFF19)
			cp = '0' + (cp - 0xFF10);
		else if (cp == 0xFF0E || cp == 0x3002)
			cp = '.';
		else if (cp == 0xFF0C)
			cp = ',';
		else if (cp == 0xFF1A)
			cp = ':';
		else if (cp == 0xFF1B)
			cp = ';';
		else if (cp == 0x2212 || cp == 0xFF0D)
			cp = '-';
		if (cp == '|' || cp == '[' || cp == ']')
			continue;
		/* a speck read as a quote before or after the figure */
		if ((cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019 || cp == '"' || cp == '\'' || cp == '`') &&
		    (n == 0 || i == len))
			continue;
		if (cp == ' ') {
			if (n == 0 || i == len)
				continue; /* around it */
			/* beside a separator: the gap OCR sees around a comma or a
			 * point of small print ("136.507 . 899.71") */
			size_t k = i;
			while (k < len && s[k] == ' ')
				k++;
			if (sep_char(buf[n - 1]) || (k < len && sep_char(s[k])))
				continue;
			return 0; /* inside: two numbers, or a code in groups */
		}
		if (cp > 0x7F || n + 1 >= sizeof buf)
			return 0;
		buf[n++] = (char)cp;
	}
	buf[n] = 0;
	/* letters that are digits when they sit among digits */
	for (size_t i = 0; i < n; i++) {
		char c = buf[i];
		int nb = (i > 0 && isdig(buf[i - 1])) || (i + 1 < n && isdig(buf[i + 1]));
		if (!nb)
			continue;
		if (c == 'O' || c == 'o' || c == 'D')
			buf[i] = '0';
		else if (c == 'l' || c == 'I' || c == 'i')
			buf[i] = '1';
		else if (c == 'S' || c == 's')
			buf[i] = '5';
		else if (c == 'B')
			buf[i] = '8';
	}
	size_t b = 0;
	int neg = 0;
	if (b < n && buf[b] == '-')
		neg = 1, b++;
	/* the separators: digits and [.,:;] only */
	int ndig = 0, last = -1;
	for (size_t i = b; i < n; i++) {
		if (isdig(buf[i]))
			ndig++;
		else if (buf[i] == '.' || buf[i] == ',' || buf[i] == ':' || buf[i] == ';')
			last = (int)i;
		else
			return 0;
	}
	if (ndig == 0 || !isdig(buf[b]) || !isdig(buf[n - 1]))
		return 0;
	/* the last separator is the decimal point unless it is a comma before
	 * a group of three; every other one must separate thousands */
	int point = -1;
	if (last >= 0) {
		int after = (int)n - last - 1;
		if (buf[last] != ',' || after != 3)
			point = last;
	}
	char out[64];
	size_t m = 0;
	if (neg)
		out[m++] = '-';
	int run = 0, seen_sep = 0;
	for (size_t i = b; i < n; i++) {
		if (isdig(buf[i])) {
			out[m++] = buf[i];
			run++;
			continue;
		}
		if ((int)i == point) {
			if (seen_sep && run != 3)
				return 0;
			out[m++] = '.';
			run = -1000; /* no separator after the point */
			continue;
		}
		/* a thousands separator: groups of three, the first of 1-3 */
		if (run < 0 || (seen_sep ? run != 3 : run > 3))
			return 0;
		seen_sep = 1;
		run = 0;
	}
	if (seen_sep && point < 0 && run != 3)
		return 0;
	out[m] = 0;
	memcpy(text, out, m + 1);
	return 1;
}

int gk_ocrw_ndigits(const char *s)
{
	int n = 0;
	for (; *s; s++)
		n += isdig(*s);
	return n;
}

/* looks like an amount that OCR may have bent: digits and separators,
 * at least two digits, no CJK */
int gk_ocrw_amountish(const char *s)
{
	int dig = 0, other = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (isdig(*p))
			dig++;
		else if (!strchr(".,:;-|lIoO ", *p))
			other++;
	}
	return dig >= 2 && other == 0;
}

/* holds a figure with decimals ("14.00", "0. 00", "140 00" with its
 * point lost): a title holds none, so a reading of a title's line that
 * does has taken in a row's figures */
int gk_ocrw_holds_decimals(const char *s)
{
	for (const char *p = s; *p; p++) {
		if (!isdig(*p))
			continue;
		const char *q = p + 1;
		int sp = 0;
		while (*q == ' ')
			q++, sp++;
		if (*q == '.') { /* a point: two decimals on */
			q++;
			while (*q == ' ')
				q++;
			if (isdig(q[0]) && isdig(q[1]))
				return 1;
		} else if (sp && isdig(q[0]) && isdig(q[1]) && !isdig(q[2])) { /* a point read as a blank */
			return 1;
		}
	}
	return 0;
}

/* a word's text again, from its symbols */
static void words_text(word *x, const sym *sy)
{
	size_t m = 0;
	for (int j = x->first; j < x->first + x->n; j++) {
		char u[8];
		int n = 0;
		uint32_t c = sy[j].cp;
		if (c < 0x80)
			u[n++] = (char)c;
		else if (c < 0x800)
			u[n++] = (char)(0xC0 | (c >> 6)), u[n++] = (char)(0x80 | (c & 0x3F));
		else if (c < 0x10000)
			u[n++] = (char)(0xE0 | (c >> 12)), u[n++] = (char)(0x80 | ((c >> 6) & 0x3F)),
			u[n++] = (char)(0x80 | (c & 0x3F));
		else
			u[n++] = (char)(0xF0 | (c >> 18)), u[n++] = (char)(0x80 | ((c >> 12) & 0x3F)),
			u[n++] = (char)(0x80 | ((c >> 6) & 0x3F)), u[n++] = (char)(0x80 | (c & 0x3F));
		if (m + (size_t)n + 1 >= sizeof x->text)
			break;
		memcpy(x->text + m, u, (size_t)n);
		m += (size_t)n;
	}
	x->text[m] = 0;
}

/* punctuation OCR makes of specks at the ends of a Chinese word */
static int speck(uint32_t c, int lead)
{
	switch (c) {
	case 0x201C: case 0x201D: case '"': case '\'': case 0x2018: case 0x2019:
	case '_': case 0x2014: case '|': case 0x3002: case 0xB7:
		return 1;
	case 0x3001: case 0xFF0C: case ',': case '.':
		return lead;
	}
	return 0;
}

/* Does a new cell start at symbol j of the word sy[a..b)?  Where an amount
 * with a separator ("1,265.6") meets a word ("一、"), either way round. */
int gk_ocrw_amount_break(const sym *sy, int a, int b, int j)
{
	int pa = amount_char(sy[j - 1].cp), ca = amount_char(sy[j].cp);
	if (pa == ca)
		return 0;
	int s0, s1; /* the amount run */
	if (pa) {
		s1 = j;
		s0 = j - 1;
		while (s0 > a && amount_char(sy[s0 - 1].cp))
			s0--;
	} else {
		s0 = j;
		s1 = j + 1;
		while (s1 < b && amount_char(sy[s1].cp))
			s1++;
	}
	int dig = 0, sep = 0;
	for (int i = s0; i < s1; i++) {
		dig += isdig((int)sy[i].cp);
		sep |= sy[i].cp == '.' || sy[i].cp == ',';
	}
	return dig >= 2 && sep && isdig((int)sy[s1 - 1].cp) && (pa || s1 - s0 >= 3);
}

int gk_ocr_ink_end(const char *ink, int n, int gap)
{
	int seen = 0, blank = 0, last = -1;
	for (int x = 0; x < n; x++) {
		if (ink[x]) {
			if (seen && blank >= gap)
				return last;
			seen = 1;
			blank = 0;
			last = x;
		} else {
			blank++;
		}
	}
	return seen && blank >= gap ? last : -1;
}

/* The grey level under which a pixel of [l, r] x [t, b] is ink: halfway
 * from the darkest pixel there to white, never under 128 (faded figures
 * are judged against their own darkest stroke) */
static int ink_threshold(const l_uint32 *d, int wpl, int l, int r, int t, int b)
{
	int dark = 255;
	for (int y = t; y <= b; y++)
		for (int x = l; x <= r; x++) {
			int v = GET_DATA_BYTE(d + (size_t)y * (size_t)wpl, x);
			if (v < dark)
				dark = v;
		}
	int thr = (dark + 255) / 2;
	return thr < 128 ? 128 : thr;
}

/* Does a decimal point stand in box g of the grey page: ink in its
 * bottom third only, no wider than a third of its height, with digits
 * (ink above its middle) left and right of it?  Ink is what is darker
 * than a quarter of the way from white to the box's darkest pixel
 * (a point a pixel wide at 200 dpi is faint). */
int gk_ocrw_has_point(const gk_ocrw_ink *grey, const gk_ocrw_box *g)
{
	int W = grey->w, H = grey->h, wpl = grey->wpl;
	if (g->l < 0 || g->t < 0 || g->r >= W || g->b >= H || g->r - g->l > 200)
		return 0;
	const l_uint32 *d = grey->data;
	int dark = 255;
	for (int y = g->t; y <= g->b; y++)
		for (int x = g->l; x <= g->r; x++) {
			int v = GET_DATA_BYTE(d + (size_t)y * (size_t)wpl, x);
			dark = v < dark ? v : dark;
		}
	int thr = (dark + 3 * 255) / 4, h = g->b - g->t + 1, top[201];
	for (int x = g->l; x <= g->r; x++) {
		top[x - g->l] = -1;
		for (int y = g->t; y <= g->b && top[x - g->l] < 0; y++)
			if (GET_DATA_BYTE(d + (size_t)y * (size_t)wpl, x) < thr)
				top[x - g->l] = y - g->t;
	}
	int n = g->r - g->l + 1, tall_left = 0;
	for (int x = 0; x < n; x++) {
		if (top[x] >= 0 && top[x] < h / 2) {
			tall_left = 1;
			continue;
		}
		if (top[x] < 0 || !tall_left)
			continue;
		int e = x;
		while (e < n && top[e] >= h * 2 / 3)
			e++;
		int f = e;
		while (f < n && top[f] < 0)
			f++;
		/* the digit right of it may begin with its foot: a serifed 1 */
		int up = f;
		while (up < n && up - f <= h / 3 && top[up] >= h / 2)
			up++;
		if (e > x && (e - x) * 3 <= h && (e == n || top[e] < 0) && up < n && top[up] >= 0 && top[up] < h / 2)
			return 1;
		x = e > x ? e - 1 : x;
	}
	return 0;
}

/* Where the ink of word w ends (gk_ocr_ink_end, with a gap of 0.3 of
 * its box's height: a digit's side bearings and a comma leave less, the
 * space before the next column's word more): w->r when no gap ends it.
 * Ink is what is darker than halfway from the word's darkest pixel to
 * white: a faded or blurred scan prints digits in greys (130-170) that a
 * fixed threshold of 128 reads as blank, cutting "2024" to its first
 * stroke. */
int gk_ocrw_ink_right(const gk_ocrw_ink *grey, const word *w)
{
	return gk_ocrw_ink_right_gap(grey, w, (w->b - w->t) * 3 / 10);
}

int gk_ocrw_ink_right_gap(const gk_ocrw_ink *grey, const word *w, int gap)
{
	int W = grey->w, H = grey->h, wpl = grey->wpl;
	l_uint32 *d = grey->data;
	int t = w->t > 0 ? w->t : 0, b = w->b < H ? w->b : H - 1, r = w->r < W ? w->r : W - 1;
	int l = w->l > 0 ? w->l : 0;
	if (r < l || b < t)
		return w->r;
	if (gap < 3)
		gap = 3;
	int thr = ink_threshold(d, wpl, l, r, t, b);
	char *ink = gk_calloc((size_t)(r - l + 1), 1);
	for (int x = l; x <= r; x++)
		for (int y = t; y <= b && !ink[x - l]; y++)
			ink[x - l] = GET_DATA_BYTE(d + (size_t)y * (size_t)wpl, x) < thr;
	int e = gk_ocr_ink_end(ink, r - l + 1, gap);
	free(ink);
	return e >= 0 ? l + e : w->r;
}

/* An amount read up to its point or a group's comma ("5,247." where the
 * page prints 5,247.87): its decimals were left out of every word.  Where
 * the ink to its right ends (gaps under 0.8 of its height: wide-spaced
 * figures; at most four line heights, never into the next word) is kept
 * in rx: extract/ocr.c's emit_reach reads that box again with digits
 * only and takes it only as the same figure with its decimals. */
void gk_ocrw_reach_decimals(gk_ocrw *ws, const gk_ocrw_ink *grey)
{
	for (int i = 0; i < ws->nw; i++) {
		word *w = &ws->wd[i];
		size_t n = strlen(w->text);
		if (w->n == 0 || n < 2 || (w->text[n - 1] != '.' && w->text[n - 1] != ',') || !isdig(w->text[n - 2]) ||
		    !gk_ocrw_amountish(w->text))
			continue;
		int h = w->b - w->t;
		int lim = w->r + 4 * (w->lb - w->lt > h ? w->lb - w->lt : h);
		for (int j = i + 1; j < ws->nw && ws->wd[j].line == w->line; j++)
			if (ws->wd[j].n > 0 && ws->wd[j].l > w->r) {
				if (ws->wd[j].l - 1 < lim)
					lim = ws->wd[j].l - 1;
				break;
			}
		if (lim >= grey->w)
			lim = grey->w - 1;
		if (lim <= w->r || h <= 0)
			continue;
		/* wide-spaced figures stand further apart than the 0.3 of a
		 * height that ends a word's ink: 0.8 here, the next word and
		 * four heights bound it */
		word probe = *w;
		probe.r = lim;
		int e = gk_ocrw_ink_right_gap(grey, &probe, h * 8 / 10);
		if (e > w->r && e < lim)
			w->rx = e;
	}
}

/* The ink left of word w, from columns w->l - 1 down to lim: where the
 * run of ink that starts less than gap from w ends (a blank run of gap
 * columns), its leftmost column; -1 when no ink starts that close, or it
 * runs on to lim.  Ink: darker than halfway from w's darkest pixel to
 * white, on w's rows. */
static int ink_left(const gk_ocrw_ink *grey, const word *w, int lim, int gap)
{
	int W = grey->w, H = grey->h, wpl = grey->wpl;
	l_uint32 *d = grey->data;
	int t = w->t > 0 ? w->t : 0, b = w->b < H ? w->b : H - 1, r = w->r < W ? w->r : W - 1;
	if (lim < 0)
		lim = 0;
	int n = w->l - lim;
	if (n <= 0 || r < w->l || b < t || w->l >= W)
		return -1;
	int thr = ink_threshold(d, wpl, w->l, r, t, b);
	char *ink = gk_calloc((size_t)n, 1); /* ink[k]: column w->l - 1 - k */
	int first = -1;
	for (int k = 0; k < n; k++) {
		int x = w->l - 1 - k;
		for (int y = t; y <= b && !ink[k]; y++)
			ink[k] = GET_DATA_BYTE(d + (size_t)y * (size_t)wpl, x) < thr;
		if (ink[k] && first < 0)
			first = k;
	}
	int e = first >= 0 && first < gap ? gk_ocr_ink_end(ink, n, gap) : -1;
	free(ink);
	return e >= 0 ? w->l - 1 - e : -1;
}

/* An amount read from its point on (".00", or "." + "00" joined), or
 * its two decimals alone ("00"): the "0" before the point (and the
 * point), printed wide apart, stood in no word.
 * The ink left of it (gaps under 0.8 of its height; at most eight line
 * heights: a head of ten digits, never into the word before it in its row) is kept in lx:
 * extract/ocr.c's emit_head reads that box again with digits only and
 * takes it only as the same decimals with a head as wide as that ink. */
void gk_ocrw_reach_head(gk_ocrw *ws, const gk_ocrw_ink *grey)
{
	for (int i = 0; i < ws->nw; i++) {
		word *w = &ws->wd[i];
		/* ".00", or "00" whose point went with its head */
		if (w->n == 0 || !((gk_ocrw_headless(w->text) && gk_ocrw_ndigits(w->text) >= 1) ||
		                   (gk_ocrw_alldigits(w->text) && strlen(w->text) == 2)))
			continue;
		int h = w->b - w->t, lh = w->lb - w->lt > h ? w->lb - w->lt : h;
		if (h <= 0)
			continue;
		int lim = w->l - 8 * lh;
		for (int q = 0; q < ws->nw; q++) {
			const word *y = &ws->wd[q];
			if (q != i && y->n > 0 && y->r < w->l && y->r >= lim && gk_ocrw_same_row(w, y))
				lim = y->r + 1;
		}
		int e = ink_left(grey, w, lim, h * 8 / 10 > 3 ? h * 8 / 10 : 3);
		if (e > 0 && e < w->l)
			w->lx = e;
	}
}

int gk_ocr_head_fits(int ndig, int width, double pitch)
{
	if (ndig < 1 || pitch <= 0 || width <= 0)
		return 0;
	double est = width / pitch;
	return ndig <= est + 0.5 && ndig >= (est - 1) * 3.0 / 4.0;
}

int gk_ocrw_alldigits(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!isdig(*s))
			return 0;
	return 1;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

double gk_ocr_digit_advance(const int *width, const int *len, int n)
{
	double *v = gk_malloc((size_t)(n ? n : 1) * sizeof *v);
	int m = 0;
	for (int i = 0; i < n; i++)
		if (len[i] >= 3 && len[i] <= 8 && width[i] > 0)
			v[m++] = (double)width[i] / (double)len[i];
	double a = 0;
	if (m >= 5) {
		qsort(v, (size_t)m, sizeof *v, cmp_double);
		a = v[m / 2];
	}
	free(v);
	return a;
}

/* the page's digit advance, from its codes read with confidence */
double gk_ocrw_digit_advance(const word *wd, int nw)
{
	int *w = gk_malloc((size_t)(nw ? nw : 1) * sizeof *w), *l = gk_malloc((size_t)(nw ? nw : 1) * sizeof *l), n = 0;
	for (int i = 0; i < nw; i++)
		if (wd[i].conf >= 90 && gk_ocrw_alldigits(wd[i].text)) {
			w[n] = wd[i].r - wd[i].l;
			l[n++] = (int)strlen(wd[i].text);
		}
	double a = gk_ocr_digit_advance(w, l, n);
	free(w);
	free(l);
	return a;
}

/* Read as Latin letters, on a page of Chinese: two letters or more, no
 * CJK, no digit (a word of chi_sim misread through eng: "ARBR" for 人员经费) */
int gk_ocrw_latinish(const char *s)
{
	int letters = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p >= 0x80 || isdig(*p))
			return 0;
		letters += (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z');
	}
	return letters >= 2;
}

int gk_ocrw_has_cjk(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		unsigned cp;
		int l = gk_utf8_next(p + i, n - i, &cp);
		if (l <= 0)
			return 0;
		if (cp >= 0x3400 && cp <= 0x9FFF)
			return 1;
		i += (size_t)l;
	}
	return 0;
}

/* ---- the repairs -------------------------------------------------------- */

void gk_ocrw_clear(gk_ocrw *ws)
{
	free(ws->sy);
	free(ws->wd);
	memset(ws, 0, sizeof *ws);
}

/* Is s an amount, or the start of one (whole: 1), written with its
 * separators: "9,501,164", "13,297.11", "28.00", "950.1164"?  Thousands
 * groups of three, at most six decimals.  2: s is a whole amount; 1: a
 * prefix of one; 0: neither. */
static int amount_shape(const char *s)
{
	int lead = 0, grp = -1, dec = -1;
	const char *p = s;
	if (!isdig(*p))
		return 0;
	for (; *p; p++) {
		if (isdig(*p)) {
			if (dec >= 0) {
				if (++dec > 6)
					return 0;
			} else if (grp >= 0) {
				if (++grp > 3)
					return 0;
			} else
				lead++;
		} else if (*p == ',') {
			if (dec >= 0 || (grp < 0 && lead > 3) || (grp >= 0 && grp != 3))
				return 0;
			grp = 0;
		} else if (*p == '.') {
			if (dec >= 0 || (grp >= 0 && grp != 3))
				return 0;
			dec = 0;
		} else
			return 0;
	}
	if (p[-1] == ',' || p[-1] == '.' || (grp >= 0 && grp != 3 && dec < 0))
		return 1;
	return 2;
}

/* decimals after the point of s, -1 without one */
static int decimals(const char *s)
{
	const char *pt = strchr(s, '.');
	return pt ? (int)strlen(pt + 1) : -1;
}

/* An amount that lost its head: a point and its decimals (".00", whose
 * "0" Tesseract read in no word), or the point alone, the start of one */
int gk_ocrw_headless(const char *s)
{
	if (*s != '.' || gk_ocrw_ndigits(s) > 6)
		return 0;
	for (s++; *s; s++)
		if (!isdig(*s))
			return 0;
	return 1;
}

/* amount_shape of s, a headless one's as if its head were read */
static int piece_shape(const char *s)
{
	if (!gk_ocrw_headless(s))
		return amount_shape(s);
	char b[72];
	snprintf(b, sizeof b, "0%s", s);
	return amount_shape(b);
}

int gk_ocrw_same_row(const word *a, const word *b)
{
	int ov = (a->lb < b->lb ? a->lb : b->lb) - (a->lt > b->lt ? a->lt : b->lt);
	int ha = a->lb - a->lt, hb = b->lb - b->lt;
	return ha > 0 && hb > 0 && ov * 2 >= (ha < hb ? ha : hb);
}

int gk_ocrw_row_neighbour(const gk_ocrw *ws, int i, int step)
{
	const word *x = &ws->wd[i];
	int best = -1;
	for (int k = 0; k < ws->nw; k++) {
		const word *y = &ws->wd[k];
		if (k == i || y->n == 0 || !gk_ocrw_same_row(x, y) || (step < 0 ? y->r >= x->l : y->l <= x->r))
			continue;
		if (best < 0 || (step < 0 ? y->r > ws->wd[best].r : y->l < ws->wd[best].l))
			best = k;
	}
	return best;
}

/* The word that goes on from word k, the last piece of an amount: the
 * next of its line when its symbols follow k's; or, k ending its line,
 * the word of another line that stands nearest to its right in the same
 * row (Tesseract's layout puts a column of "0." and the column of their
 * "00" in two blocks of lines).  -1 when none. */
/* Does a vertical rule of the page stand between x l and r at height y
 * (the pieces either side are two columns' figures)? */
static int rule_between(const gk_ocrw *ws, int l, int r, int y)
{
	for (int i = 0; i < ws->nvr; i++) {
		const gk_ocrw_box *v = &ws->vr[i];
		if (v->l >= l && v->r <= r && v->t <= y && v->b >= y)
			return 1;
	}
	return 0;
}

static int next_piece(const gk_ocrw *ws, int k)
{
	const word *wd = ws->wd, *x = &wd[k];
	if (k + 1 < ws->nw && wd[k + 1].line == x->line)
		return wd[k + 1].n > 0 && x->first + x->n == wd[k + 1].first ? k + 1 : -1;
	int r = ws->sy[x->first + x->n - 1].r, best = -1, bl = 0;
	for (int q = 0; q < ws->nw; q++) {
		const word *y = &wd[q];
		if (y->n == 0 || y->line == x->line || !gk_ocrw_same_row(x, y))
			continue;
		int l = ws->sy[y->first].l;
		if (l > r - 2 && (best < 0 || l < bl))
			best = q, bl = l;
	}
	return best;
}

/* word i and its pieces p[0..np) made one word: their symbols follow one
 * another (appended at the end of the symbols when they do not), the
 * pieces emptied, the box their symbols' union */
static void take_pieces(gk_ocrw *ws, int i, const int *p, int np)
{
	word *wd = ws->wd, *x = &wd[i];
	int run = 1, n = x->n;
	for (int k = 0; k < np; k++) {
		run &= wd[p[k]].first == x->first + n;
		n += wd[p[k]].n;
	}
	if (!run) {
		if (ws->ns + n > ws->scap) {
			ws->scap = ws->ns + n + 64;
			ws->sy = gk_realloc(ws->sy, (size_t)ws->scap * sizeof *ws->sy);
		}
		int at = ws->ns;
		memcpy(ws->sy + ws->ns, ws->sy + x->first, (size_t)x->n * sizeof *ws->sy);
		ws->ns += x->n;
		for (int k = 0; k < np; k++) {
			memcpy(ws->sy + ws->ns, ws->sy + wd[p[k]].first, (size_t)wd[p[k]].n * sizeof *ws->sy);
			ws->ns += wd[p[k]].n;
		}
		x->first = at;
	}
	sym *sy = ws->sy;
	for (int k = 0; k < np; k++) {
		word *y = &wd[p[k]];
		if (y->conf < x->conf)
			x->conf = y->conf;
		y->n = 0;
		y->text[0] = 0;
	}
	x->n = n;
	x->l = sy[x->first].l, x->r = sy[x->first].r;
	x->t = sy[x->first].t, x->b = sy[x->first].b;
	for (int q = x->first; q < x->first + x->n; q++) {
		sy[q].word = i;
		x->l = sy[q].l < x->l ? sy[q].l : x->l;
		x->r = sy[q].r > x->r ? sy[q].r : x->r;
		x->t = sy[q].t < x->t ? sy[q].t : x->t;
		x->b = sy[q].b > x->b ? sy[q].b : x->b;
	}
	words_text(x, sy);
}

void gk_ocrw_join_amounts(gk_ocrw *ws)
{
	/* Fonts that space their figures wide (宋体 in many tables) are cut
	 * by Tesseract into "13,297" + "." + "11" or "28.0" + "0": each word
	 * then starts a token and the amount is lost or cut.  Pieces of an
	 * amount - a head of digits and commas, a point, its decimals - whose
	 * symbols stand closer than a line's height (the symbols' boxes, not
	 * the words', which Tesseract bends here) and that make one amount
	 * with its separators are one word again, its box their union: two
	 * columns' figures make no such amount ("28.0" "6,273.0"), nor do
	 * pieces a column's rule parts ("15868." "83" | "5" "1").  At most
	 * six decimals (元 to the millionth, as some documents print).  A
	 * point whose head no word read joins its decimals (". 00": the head
	 * is looked for by gk_ocrw_reach_head). */
	for (int i = 0; i + 1 < ws->nw; i++) {
		word *x = &ws->wd[i];
		if (x->n == 0 || !piece_shape(x->text) || decimals(x->text) >= 2)
			continue;
		char cur[64];
		snprintf(cur, sizeof cur, "%s", x->text);
		int p[8], np = 0, end = 0, k = i;
		for (int j; np < 8 && (j = next_piece(ws, k)) >= 0; k = j) {
			const word *wd = ws->wd;
			const sym *sy = ws->sy;
			const char *y = wd[j].text;
			int gap = sy[wd[j].first].l - sy[wd[k].first + wd[k].n - 1].r;
			size_t cl = strlen(cur);
			/* a piece joins at a separator, adds decimals or ends a
			 * thousands group ("503,72" "4"): two codes side by side
			 * ("113" "001") stay two */
			int sep = cur[cl - 1] == '.' || cur[cl - 1] == ',' || *y == '.' || *y == ',' || strchr(cur, '.') ||
			          piece_shape(cur) == 1;
			/* a thousands comma no symbol read: a head of one to three
			 * digits closer than half a line's height to a figure of three
			 * digits and its point ("1" "704.11", 烟台统计's 1,704.11) */
			int comma = np == 0 && cl <= 3 && gk_ocrw_alldigits(cur) && strlen(y) > 4 && isdig(y[0]) &&
			            isdig(y[1]) && isdig(y[2]) && (y[3] == '.' || y[3] == ',') && 2 * gap < x->size;
			char cand[64];
			if (gap > x->size || !(sep || comma) || cl + strlen(y) + 2 > sizeof cand ||
			    rule_between(ws, sy[wd[k].first + wd[k].n - 1].r, sy[wd[j].first].l, (x->t + x->b) / 2))
				break;
			memcpy(cand, cur, cl);
			if (comma)
				cand[cl++] = ',';
			memcpy(cand + cl, y, strlen(y) + 1);
			int sh = piece_shape(cand);
			if (!sh)
				break;
			memcpy(cur, cand, strlen(cand) + 1);
			p[np++] = j;
			if (sh == 2)
				end = np;
		}
		/* a head and its point, the decimals not read ("1,980" "."):
		 * one word, whose decimals gk_ocrw_reach_decimals looks for */
		if (end == 0 && np > 0 && !strcmp(ws->wd[p[0]].text, ".") && !gk_ocrw_headless(x->text))
			end = 1;
		if (end > 0)
			take_pieces(ws, i, p, end);
	}
}

void gk_ocrw_append(gk_ocrw *ws, const gk_ocrw *more)
{
	if (ws->ns + more->ns > ws->scap) {
		ws->scap = ws->ns + more->ns;
		ws->sy = gk_realloc(ws->sy, (size_t)ws->scap * sizeof *ws->sy);
	}
	if (ws->nw + more->nw > ws->wcap) {
		ws->wcap = ws->nw + more->nw;
		ws->wd = gk_realloc(ws->wd, (size_t)ws->wcap * sizeof *ws->wd);
	}
	for (int i = 0; i < more->ns; i++) {
		ws->sy[ws->ns + i] = more->sy[i];
		ws->sy[ws->ns + i].word += ws->nw;
	}
	for (int i = 0; i < more->nw; i++) {
		ws->wd[ws->nw + i] = more->wd[i];
		ws->wd[ws->nw + i].first += ws->ns;
	}
	ws->ns += more->ns;
	ws->nw += more->nw;
}

static uint32_t digit_of_letter(uint32_t c)
{
	switch (c) {
	case 'O': case 'o': case 'D': return '0';
	case 'l': case 'I': case 'i': return '1';
	case 'S': case 's': return '5';
	case 'B': return '8';
	default: return 0;
	}
}

static int quote_mark(uint32_t c)
{
	return c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 || c == '"' || c == '\'' || c == '`';
}

/* a mark at a figure's edge that is none of it: a quote (a speck), a
 * bar (the column's rule) */
static int edge_mark(uint32_t c)
{
	return quote_mark(c) || c == '|';
}

void gk_ocrw_fold_letters(gk_ocrw *ws)
{
	for (int i = 0; i < ws->nw; i++) {
		word *x = &ws->wd[i];
		/* a speck read as a quote before or after a figure's digits
		 * ("”9," whose 433.72 Tesseract gave the next word), or the
		 * column's rule read as a bar after its decimals ("45,832." +
		 * "29|"), leaves the word: the figure's pieces join only without
		 * it; a bar's box goes with it (the figure ends where its ink
		 * does) */
		if (x->n >= 2) {
			int a = x->first, b = x->first + x->n - 1, dig = 0, other = 0;
			for (int j = a; j <= b; j++) {
				uint32_t c = ws->sy[j].cp;
				if (isdig((int)c))
					dig++;
				else if (!amount_char(c) && !((j == a || j == b) && edge_mark(c)))
					other++;
			}
			if (dig > 0 && !other && (edge_mark(ws->sy[a].cp) || edge_mark(ws->sy[b].cp))) {
				int bar = ws->sy[a].cp == '|' || ws->sy[b].cp == '|';
				if (edge_mark(ws->sy[b].cp))
					x->n--;
				if (edge_mark(ws->sy[a].cp))
					x->first++, x->n--;
				if (bar && x->n > 0) {
					x->l = ws->sy[x->first].l, x->r = ws->sy[x->first + x->n - 1].r;
					for (int j = x->first; j < x->first + x->n; j++)
						x->l = ws->sy[j].l < x->l ? ws->sy[j].l : x->l, x->r = ws->sy[j].r > x->r ? ws->sy[j].r : x->r;
				}
				words_text(x, ws->sy);
			}
		}
		sym *sy = ws->sy + x->first;
		int nl = 0, nd = 0, sep = 0;
		for (int j = 0; j < x->n; j++) {
			uint32_t c = sy[j].cp;
			nd += isdig((int)c);
			sep |= c == '.' || c == ',';
			if (digit_of_letter(c) && ((j > 0 && isdig((int)sy[j - 1].cp)) || (j + 1 < x->n && isdig((int)sy[j + 1].cp))))
				nl++;
		}
		if (nl == 0 || nd < 3 || !sep)
			continue;
		char t[64];
		snprintf(t, sizeof t, "%s", x->text);
		if (!gk_ocr_fix_amount(t))
			continue;
		for (int j = 0; j < x->n; j++) {
			uint32_t d = digit_of_letter(sy[j].cp);
			if (d && ((j > 0 && isdig((int)sy[j - 1].cp)) || (j + 1 < x->n && isdig((int)sy[j + 1].cp))))
				sy[j].cp = d;
		}
		words_text(x, ws->sy);
	}
}

/* A word's box reaching over a column's rule that none of its symbols
 * crosses ends at the rule: a speck beyond it (登封 p.16 at 150 dpi: the
 * box of "2024" began left of the rule its digits stand right of, and the
 * figure spread over that box ran the 项目类型 "特定目标类" into the
 * project's name "2024年政府购买服务").  Its symbols are where its ink is. */
void gk_ocrw_clip_to_rules(gk_ocrw *ws)
{
	for (int i = 0; i < ws->nw; i++) {
		word *w = &ws->wd[i];
		if (w->n == 0)
			continue;
		const sym *a = &ws->sy[w->first], *z = &ws->sy[w->first + w->n - 1];
		int yc = (w->t + w->b) / 2;
		for (int v = 0; v < ws->nvr; v++) {
			const gk_ocrw_box *r = &ws->vr[v];
			if (r->t > yc || r->b < yc)
				continue;
			if (w->l < r->l && r->r < a->l)
				w->l = r->r + 1;
			if (w->r > r->r && r->l > z->r)
				w->r = r->l - 1;
		}
	}
}

void gk_ocrw_mend(gk_ocrw *ws, const gk_ocrw_ink *ink)
{
	gk_ocrw_fold_letters(ws);
	sym *sy = ws->sy;
	word *wd = ws->wd;
	int nw = ws->nw;
	/* an amount's last digits that Tesseract gave to the next word of
	 * its line ("1,265." + "6二、外交") go back to it */
	for (int i = 0; i + 1 < nw; i++) {
		word *x = &wd[i], *y = &wd[i + 1];
		if (x->n < 2 || y->n < 2 || x->lt != y->lt)
			continue;
		uint32_t e = sy[x->first + x->n - 1].cp, d = sy[x->first + x->n - 2].cp;
		if (!((e == '.' || e == ',') && isdig((int)d)))
			continue;
		int m = 0;
		while (m < y->n - 1 && isdig((int)sy[y->first + m].cp))
			m++;
		if (m == 0)
			continue;
		x->n += m;
		y->first += m;
		y->n -= m;
		words_text(x, sy);
		words_text(y, sy);
	}

	gk_ocrw_join_amounts(ws);
	gk_ocrw_reach_decimals(ws, ink);
	gk_ocrw_reach_head(ws, ink);
	gk_ocrw_drop_doubles(ws);

	/* a word's box often reaches into the next word's (the last symbol's
	 * box is inflated where an amount nearly touches a label): it ends
	 * where the next word of its line begins */
	for (int i = 0; i + 1 < nw; i++)
		if (wd[i].n > 0 && wd[i + 1].n > 0 && wd[i + 1].lt == wd[i].lt && wd[i + 1].l > wd[i].l &&
		    wd[i + 1].l <= wd[i].r + 1) {
			wd[i].r = wd[i + 1].l - 1;
			/* an amount that touches the next word: its box is the
			 * symbols' guess, its ink says where it ends (the right edge
			 * is what places it in its column) */
			if (gk_ocrw_amountish(wd[i].text))
				wd[i].r = gk_ocrw_ink_right(ink, &wd[i]);
		}
}

/* a run of Chinese words of one line standing close (gaps under a
 * glyph's height): one cell's text.  [i, *end) from word i. */
static int cjk_run(const word *wd, int nw, int i, int *end)
{
	int e = i + 1;
	while (e < nw && wd[e].line == wd[i].line && wd[e].n > 0 && gk_ocrw_has_cjk(wd[e].text) &&
	       wd[e].l - wd[e - 1].r < wd[e - 1].b - wd[e - 1].t)
		e++;
	*end = e;
	return e - i;
}

/* the run [a, ae) of words, its box and its characters */
typedef struct {
	int l, t, r, b, n;
	float conf;
	uint32_t cp[64];
} crun;

static void crun_of(const gk_ocrw *ws, int a, int ae, crun *c)
{
	memset(c, 0, sizeof *c);
	c->l = ws->wd[a].l, c->t = ws->wd[a].t, c->r = ws->wd[a].r, c->b = ws->wd[a].b;
	for (int k = a; k < ae; k++) {
		const word *w = &ws->wd[k];
		c->l = w->l < c->l ? w->l : c->l, c->t = w->t < c->t ? w->t : c->t;
		c->r = w->r > c->r ? w->r : c->r, c->b = w->b > c->b ? w->b : c->b;
		c->conf += w->conf / (float)(ae - a);
		for (int q = w->first; q < w->first + w->n && c->n < 64; q++)
			c->cp[c->n++] = ws->sy[q].cp;
	}
}

/* are all of x's characters y's (as a multiset)? */
static int chars_within(const crun *x, const crun *y)
{
	char used[64] = {0};
	for (int a = 0; a < x->n; a++) {
		int in = 0;
		for (int b = 0; b < y->n && !in; b++)
			if (!used[b] && y->cp[b] == x->cp[a])
				used[b] = 1, in = 1;
		if (!in)
			return 0;
	}
	return 1;
}

void gk_ocrw_drop_doubles(gk_ocrw *ws)
{
	word *wd = ws->wd;
	int nw = ws->nw;
	for (int i = 0, ie; i < nw; i = ie) {
		if (wd[i].n == 0 || !gk_ocrw_has_cjk(wd[i].text) || (i > 0 && wd[i - 1].line == wd[i].line &&
		                                                       wd[i - 1].n > 0 && gk_ocrw_has_cjk(wd[i - 1].text))) {
			ie = i + 1;
			continue;
		}
		cjk_run(wd, nw, i, &ie);
		crun x;
		crun_of(ws, i, ie, &x);
		for (int k = 0, ke; k < nw; k = ke) {
			if (wd[k].line == wd[i].line || wd[k].n == 0 || !gk_ocrw_has_cjk(wd[k].text)) {
				ke = k + 1;
				continue;
			}
			cjk_run(wd, nw, k, &ke);
			crun y;
			crun_of(ws, k, ke, &y);
			int ow = (x.r < y.r ? x.r : y.r) - (x.l > y.l ? x.l : y.l);
			int oh = (x.b < y.b ? x.b : y.b) - (x.t > y.t ? x.t : y.t);
			/* x lies within y's span, shares its height, and y says
			 * at least as much, surer */
			if (ow * 10 >= (x.r - x.l) * 7 && oh * 2 >= (x.b - x.t < y.b - y.t ? x.b - x.t : y.b - y.t) &&
			    y.n > x.n && y.conf > x.conf && chars_within(&x, &y)) {
				for (int q = i; q < ie; q++)
					wd[q].n = 0;
				break;
			}
		}
	}
}

int gk_ocrw_cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

int gk_ocrw_body_size(const word *wd, int nw)
{
	/* a line's print size: its tallest Chinese word's ink */
	int *lh = gk_malloc((size_t)(nw ? nw : 1) * sizeof *lh), nl = 0;
	for (int i = 0; i < nw;) {
		int j = i, hmax = 0;
		for (; j < nw && wd[j].line == wd[i].line; j++)
			if (gk_ocrw_has_cjk(wd[j].text) && wd[j].b - wd[j].t > hmax)
				hmax = wd[j].b - wd[j].t;
		if (hmax)
			lh[nl++] = hmax;
		i = j;
	}
	if (nl > 1)
		qsort(lh, (size_t)nl, sizeof *lh, gk_ocrw_cmp_int);
	int body = nl ? lh[nl / 2] : 0;
	free(lh);
	return body;
}

/* a quote mark */
static int quote(uint32_t c)
{
	return c == 0x201C || c == 0x201D || c == '"' || c == '\'' || c == 0x2018 || c == 0x2019;
}

/* A quote read from a speck at either end of a code or an amount
 * ("”50103" after 住房公积金, 新乡; "“02" under 款, 烟台): tables print
 * codes and amounts bare,
 * and the quote kept the code from being one, gluing the label, the code
 * and the next label into one cell.  It goes; the box keeps the digits'
 * symbols (a share of the box, as for a Chinese word, cuts into a digit
 * where the speck is a pixel wide). */
static void unquote_number(word *x, const sym *sy)
{
	int dig = 0, sep = 0;
	for (int j = x->first; j < x->first + x->n; j++) {
		if (isdig((int)sy[j].cp))
			dig++;
		else if (amount_char(sy[j].cp))
			sep++;
		else if (!quote(sy[j].cp))
			return;
	}
	/* two bare digits are a code's 款 or 项 ("”09" under 款, 烟台) */
	if (dig < 2 || (dig == 2 && sep))
		return;
	int cut = 0;
	while (x->n > 1 && quote(sy[x->first].cp)) {
		x->first++;
		x->n--;
		if (sy[x->first].l > x->l)
			x->l = sy[x->first].l;
		cut = 1;
	}
	while (x->n > 1 && quote(sy[x->first + x->n - 1].cp)) {
		x->n--;
		if (sy[x->first + x->n - 1].r < x->r)
			x->r = sy[x->first + x->n - 1].r;
		cut = 1;
	}
	if (cut)
		words_text(x, sy);
}

void gk_ocrw_despeck(gk_ocrw *ws)
{
	sym *sy = ws->sy;
	/* specks read as punctuation: a word of nothing else, read without
	 * confidence, goes; quotes and stops stuck to the ends of a Chinese
	 * word go (the word's box shrinks by their share) */
	for (int i = 0; i < ws->nw; i++) {
		word *x = &ws->wd[i];
		int solid = 0, cjk = 0;
		for (int j = x->first; j < x->first + x->n; j++) {
			uint32_t c = sy[j].cp;
			solid += isdig((int)c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0x3400 && c <= 0x9FFF);
			cjk += c >= 0x3400 && c <= 0x9FFF;
		}
		if (solid == 0 && x->conf < 60) {
			x->n = 0;
			continue;
		}
		if (!cjk) {
			unquote_number(x, sy);
			continue;
		}
		while (x->n > 1 && speck(sy[x->first].cp, 1)) {
			x->l += (x->r - x->l) / x->n;
			x->first++;
			x->n--;
		}
		while (x->n > 1 && speck(sy[x->first + x->n - 1].cp, 0)) {
			x->r -= (x->r - x->l) / x->n;
			x->n--;
		}
		words_text(x, sy);
	}
}

/* ---- ink no word covers ------------------------------------------------ */

int gk_ocrw_glyph_height(const gk_ocrw *ws)
{
	int *h = gk_malloc((size_t)(ws->ns ? ws->ns : 1) * sizeof *h), n = 0;
	for (int i = 0; i < ws->ns; i++)
		if (ws->sy[i].cp >= 0x3400 && ws->sy[i].cp <= 0x9FFF && ws->sy[i].b > ws->sy[i].t)
			h[n++] = ws->sy[i].b - ws->sy[i].t;
	int m = 0;
	if (n >= 10) {
		qsort(h, (size_t)n, sizeof *h, gk_ocrw_cmp_int);
		m = h[n / 2];
	}
	free(h);
	return m;
}

/* a piece of a glyph: no speck, no sliver of a ruling line, no stamp */
static int glyph_part(const gk_ocrw_box *c, int gh)
{
	int w = c->r - c->l + 1, h = c->b - c->t + 1;
	int lo = w < h ? w : h, hi = w < h ? h : w;
	if (hi < gh / 4 || lo < 2)
		return 0; /* a speck */
	if (hi > gh && lo * 6 < hi)
		return 0; /* long and thin: what line removal left of a rule */
	return h <= 2 * gh;
}

/* A component shaped like a digit of the page's body text: 0 not, 1 a
 * narrow one ('1', or a stroke of a character), 2 one a third of its
 * height wide or more ('5', '0'). */
static int digit_part(const gk_ocrw_box *c, int gh)
{
	int w = c->r - c->l + 1, h = c->b - c->t + 1;
	if (h * 10 < gh * 6 || h * 10 > gh * 12 || w * 10 > h * 7)
		return 0;
	return w * 3 >= h ? 2 : 1;
}

static int uf_find(int *up, int i)
{
	while (up[i] != i)
		i = up[i] = up[up[i]];
	return i;
}

static void grow(gk_ocrw_box *g, const gk_ocrw_box *c)
{
	g->l = c->l < g->l ? c->l : g->l, g->t = c->t < g->t ? c->t : g->t;
	g->r = c->r > g->r ? c->r : g->r, g->b = c->b > g->b ? c->b : g->b;
}

/* Is the group of cc[i] (its root in up) a short amount ("5.0", "1.5")?
 * Its digits stand in the band of its lowest wide digit: two of them or
 * more, narrow ones ('1') within the band; taller than it, a narrow part
 * is a ruling line's sliver (left out) and a wide one a digit joined to
 * one (kept: read_region trims the rule); marks under a digit's height
 * (the point, a comma) ride along; anything else is no amount.  Then *g
 * is the digits' box, marked an amount. */
static int short_amount(const gk_ocrw_box *cc, int *up, int i, int m, int gh, gk_ocrw_box *g)
{
	int ref = -1;
	for (int j = i; j < m; j++)
		if (uf_find(up, j) == i && digit_part(&cc[j], gh) == 2 &&
		    (ref < 0 || cc[j].b - cc[j].t < cc[ref].b - cc[ref].t))
			ref = j;
	if (ref < 0)
		return 0;
	int t0 = cc[ref].t, b0 = cc[ref].b, n = 0;
	gk_ocrw_box d = {INT_MAX, INT_MAX, -1, -1, 1};
	for (int j = i; j < m; j++) {
		if (uf_find(up, j) != i)
			continue;
		const gk_ocrw_box *c = &cc[j];
		int w = c->r - c->l + 1, h = c->b - c->t + 1, dp = digit_part(c, gh);
		int in = c->t >= t0 - 1 && c->b <= b0 + 1;
		if (in && dp > 0)
			grow(&d, c), n++;
		else if (h * 10 < gh * 6 && c->t >= t0 - 1 && c->b <= b0 + gh / 3)
			grow(&d, c);
		else if (!in && dp == 1)
			continue;
		else if (!in && w <= gh && w * 3 >= h && h * 10 <= gh * 12)
			grow(&d, c), n++;
		else
			return 0;
	}
	if (n < 2)
		return 0;
	*g = d;
	return 1;
}

static int cmp_box_l(const void *a, const void *b)
{
	const gk_ocrw_box *x = a, *y = b;
	return (x->l > y->l) - (x->l < y->l);
}

/* two pieces of one line of text: side by side, overlapping in height by
 * half the smaller, less than a glyph apart */
static int same_line(const gk_ocrw_box *a, const gk_ocrw_box *b, int gh)
{
	int ov = (a->b < b->b ? a->b : b->b) - (a->t > b->t ? a->t : b->t) + 1;
	int ha = a->b - a->t + 1, hb = b->b - b->t + 1;
	int gap = b->l > a->r ? b->l - a->r : a->l > b->r ? a->l - b->r : 0;
	return ov * 2 >= (ha < hb ? ha : hb) && gap <= gh;
}

/* Does g reach over a word, or come within half a glyph of one on its
 * line?  Then its ink is what a word's box left out of its glyphs (a
 * doubtful character's box is narrower than its ink, or misplaced),
 * read already: a cell the layout dropped stands a cell's gap apart. */
static int over_words(const gk_ocrw *ws, const gk_ocrw_box *g, int gh)
{
	for (int i = 0; i < ws->nw; i++) {
		const word *x = &ws->wd[i];
		if (x->n > 0 && x->l <= g->r + gh / 2 && x->r >= g->l - gh / 2 && x->t <= g->b && x->b >= g->t)
			return 1;
	}
	return 0;
}

int gk_ocrw_gaps(const gk_ocrw *ws, gk_ocrw_box *cc, int n, int gh, gk_ocrw_box *out, int cap)
{
	if (gh <= 0)
		return 0;
	int m = 0;
	for (int i = 0; i < n; i++)
		if (glyph_part(&cc[i], gh))
			cc[m++] = cc[i];
	/* a page this full of loose ink is noise, not a dropped column */
	if (m == 0 || m > 3000)
		return 0;
	qsort(cc, (size_t)m, sizeof *cc, cmp_box_l);
	int *up = gk_malloc((size_t)m * sizeof *up);
	for (int i = 0; i < m; i++)
		up[i] = i;
	for (int i = 0; i < m; i++)
		for (int j = i + 1; j < m && cc[j].l <= cc[i].r + gh; j++)
			if (same_line(&cc[i], &cc[j], gh))
				up[uf_find(up, j)] = uf_find(up, i);
	int nr = 0;
	for (int i = 0; i < m; i++) {
		if (uf_find(up, i) != i)
			continue;
		gk_ocrw_box g = cc[i];
		for (int j = i + 1; j < m; j++)
			if (uf_find(up, j) == i)
				grow(&g, &cc[j]);
		int w = g.r - g.l + 1, h = g.b - g.t + 1;
		/* a line of glyphs, two or more of them; or, too short for
		 * that, a short amount ("5.0", "1.5"), read without the rule
		 * beside it */
		if (w * 2 < 3 * gh && !short_amount(cc, up, i, m, gh, &g))
			continue;
		if (h * 10 >= gh * 6 && h * 10 <= gh * 22 && nr < cap && !over_words(ws, &g, gh))
			out[nr++] = g;
	}
	free(up);
	return nr;
}

/* the words and their symbols, for GK_OCR_DEBUG's log */
void gk_ocrw_dump(const gk_ocrw *ws, FILE *f)
{
	const word *wd = ws->wd;
	for (int i = 0; i < ws->nw; i++) {
		fprintf(f, "W %d lt=%d box=%d,%d,%d,%d conf=%.0f '%s':", i, wd[i].lt, wd[i].l, wd[i].t, wd[i].r, wd[i].b,
		        wd[i].conf, wd[i].text);
		for (int j = wd[i].first; j < wd[i].first + wd[i].n; j++)
			fprintf(f, " %u@%d-%d", ws->sy[j].cp, ws->sy[j].l, ws->sy[j].r);
		fprintf(f, "\n");
	}
}

/* ---- the page's lines --------------------------------------------------- */

typedef struct numcell {
	gk_cell *c;
	double x1;
	int dec; /* decimals printed, -1 without a point */
} numcell;

static int cmp_numcell(const void *a, const void *b)
{
	const numcell *p = a, *q = b;
	return p->x1 < q->x1 ? -1 : p->x1 > q->x1;
}

/* right edges of one column of right-aligned amounts lie within this (points) */
#define COL_TOL 2.0

/* an amount's width in digits: a comma takes half a digit's room */
static double digit_width(const char *s)
{
	double w = 0;
	for (; *s; s++)
		w += isdig((unsigned char)*s) ? 1 : *s == ',' ? 0.5 : 0;
	return w;
}

/* The decimals most amounts of a column print (at least `least` with a
 * point, seven in ten of them alike), else 0; *pointed: how many have one */
static int column_decimals(const numcell *nc, int n, int least, int *pointed)
{
	int hist[8] = {0};
	*pointed = 0;
	for (int k = 0; k < n; k++)
		if (nc[k].dec >= 0) {
			(*pointed)++;
			if (nc[k].dec < 8)
				hist[nc[k].dec]++;
		}
	int d = 0;
	for (int k = 1; k < 8; k++)
		if (hist[k] > hist[d])
			d = k;
	return d >= 1 && *pointed >= least && hist[d] * 10 >= *pointed * 7 ? d : 0;
}

/* The page's digit advance (points): the slope of an amount's width over
 * its digits, fitted within each column over the amounts with a point
 * (one font, one point each); NAN when no column has two lengths. */
static double pooled_advance(const numcell *nc, int n)
{
	double sxy = 0, sxx = 0;
	for (int a = 0; a < n;) {
		int b = a + 1;
		while (b < n && nc[b].x1 - nc[b - 1].x1 <= COL_TOL)
			b++;
		double mx = 0, my = 0;
		int m = 0;
		for (int k = a; k < b; k++)
			if (nc[k].dec >= 1) {
				mx += digit_width(nc[k].c->text), my += nc[k].c->x1 - nc[k].c->x0, m++;
			}
		for (int k = a; m > 1 && k < b; k++)
			if (nc[k].dec >= 1) {
				double x = digit_width(nc[k].c->text) - mx / m, y = nc[k].c->x1 - nc[k].c->x0 - my / m;
				sxy += x * y, sxx += x * x;
			}
		a = b;
	}
	return sxx > 0 && sxy > 0 ? sxy / sxx : NAN;
}

/* a column's width at no digits, of its amounts with d decimals */
static double column_intercept(const numcell *nc, int n, int d, double adv)
{
	double s = 0;
	int m = 0;
	for (int k = 0; k < n; k++)
		if (nc[k].dec == d) {
			s += nc[k].c->x1 - nc[k].c->x0 - adv * digit_width(nc[k].c->text);
			m++;
		}
	return m && !isnan(adv) ? s / m : NAN;
}

/* An amount read without a point (w wide, of `digits` digits) in a column
 * whose amounts with one are icpt + adv * digits wide: it lost its point
 * when it is that wide too - a point takes half a digit's room, so the
 * same digits without one are narrower by that. */
int gk_ocr_lost_point(double w, double digits, double adv, double icpt)
{
	if (isnan(adv) || isnan(icpt) || adv <= 0)
		return 0;
	double want = icpt + adv * digits;
	return w >= want - 0.2 * adv && w <= want + 0.5 * adv;
}

/* a one-character word before a label where a code stands is read again
 * unless read with at least this confidence */
#define CODE_GLYPH_SURE 95.0f

/* Whether a one-character word x (read with conf) between a and b on its line stands where
 * a code does: between two codes (read with less than unsure), or after a code and
 * before a label (the 款 "01" of a 类/款/科目名称 table read "吧" at 87
 * between the 类 "301" and "基本工资", 郑州's 150 dpi scan: a label of one
 * character between a code and a label is no budget's, so any confidence
 * short of CODE_GLYPH_SURE will do). */
int gk_ocrw_code_glyph_spot(const char *x, float conf, const char *a, const char *b, float unsure)
{
	if (!x || !a || !b || strlen(x) < 2 || strlen(x) > 4 || (unsigned char)x[0] < 0x80 || !gk_ocrw_alldigits(a) ||
	    strlen(a) < 2)
		return 0;
	if (gk_ocrw_alldigits(b))
		return strlen(b) >= 2 && conf < unsure;
	return gk_ocrw_has_cjk(b) && (unsigned char)b[0] >= 0x80 && conf < CODE_GLYPH_SURE;
}

/* How many other lines print a code of `want` digits in word i's column
 * (a word of digits alone overlapping its box across): the 款 column of a
 * 类/款/科目名称 table, its other rows read as digits ("12", "39", "17"). */
int gk_ocrw_code_column(const word *wd, int nw, int i, int want)
{
	const word *x = &wd[i];
	int n = 0;
	for (int k = 0; k < nw; k++) {
		const word *y = &wd[k];
		if (k == i || y->n == 0 || y->line == x->line || y->r < x->l || y->l > x->r)
			continue;
		n += gk_ocrw_alldigits(y->text) && (int)strlen(y->text) == want;
	}
	return n;
}

/* a CJK ideograph starts at p */
static int has_cjk_at(const char *p)
{
	unsigned cp;
	int l = gk_utf8_next((const unsigned char *)p, strlen(p), &cp);
	return l == 3 && cp >= 0x3400 && cp <= 0x9FFF;
}

/* A full-width colon after a field's name read as ';' ("单位;万元"):
 * Tesseract gives a Chinese semicolon as '；', never as ';'.  Returns a
 * new string, or NULL when there is nothing to mend. */
static char *fix_colons(const char *s)
{
	gk_buf b = {0};
	int fixed = 0;
	for (const char *p = s; *p; p++) {
		if (*p == ';' && p - s >= 3 && has_cjk_at(p - 3) && (!p[1] || has_cjk_at(p + 1))) {
			gk_buf_adds(&b, "\xEF\xBC\x9A"); /* ： */
			fixed = 1;
		} else {
			gk_buf_addc(&b, *p);
		}
	}
	if (!fixed) {
		gk_buf_drop(&b);
		return NULL;
	}
	return gk_buf_take(&b);
}

/* A label's leading 一 read as a dash ("-般公共预算", "-、政府性基金预算"):
 * a new string, or NULL when s does not start so.  No label starts with
 * a dash before Chinese or an enumeration comma. */
static char *fix_dash(const char *s)
{
	static const char *const dash[] = {"-", "\xE2\x80\x94", "\xEF\xBC\x8D", NULL}; /* - — － */
	for (int k = 0; dash[k]; k++) {
		size_t l = strlen(dash[k]);
		if (strncmp(s, dash[k], l) || !(has_cjk_at(s + l) || !strncmp(s + l, "、", 3)))
			continue;
		gk_buf b = {0};
		gk_buf_adds(&b, "一");
		gk_buf_adds(&b, s + l);
		return gk_buf_take(&b);
	}
	return NULL;
}

/* A title's opening parenthesis lost ("一般公共预算支出表按功能分类)"): a
 * closing one with no opening before it, after 表 and words, gets its
 * opening after that 表.  A new string, or NULL when none is lost. */
static char *fix_open_paren(const char *s)
{
	const char *close = strstr(s, "）");
	const char *c2 = strchr(s, ')');
	if (!close || (c2 && c2 < close))
		close = c2;
	if (!close)
		return NULL;
	const char *biao = NULL;
	for (const char *p = s; p < close; p++) {
		if (*p == '(' || !strncmp(p, "（", 3))
			return NULL;
		if (!strncmp(p, "表", 3))
			biao = p;
	}
	if (!biao || !has_cjk_at(biao + 3) || biao + 3 >= close)
		return NULL;
	gk_buf b = {0};
	gk_buf_add(&b, s, (size_t)(biao + 3 - s));
	gk_buf_adds(&b, "（");
	gk_buf_adds(&b, biao + 3);
	return gk_buf_take(&b);
}

/* Specks read as punctuation around a label: quotes, a full stop, an
 * enumeration comma where none belongs ("”2024年取暖费", "特定目标类。"),
 * and a year's last digit read twice ("20244年").  In place. */
static void tidy_label(char *s)
{
	static const char *const lead[] = {"”", "“", "\"", "'", "。", "、", "，", ",", ".", "·", "_", "—", "|", " ", NULL};
	static const char *const tail[] = {"“", "”", "\"", "'", "。", "_", "—", "|", " ", NULL};
	if (!gk_ocrw_has_cjk(s))
		return;
	for (int again = 1; again;) {
		again = 0;
		for (int k = 0; lead[k]; k++) {
			size_t l = strlen(lead[k]);
			if (!strncmp(s, lead[k], l) && s[l]) {
				memmove(s, s + l, strlen(s + l) + 1);
				again = 1;
			}
		}
	}
	for (int again = 1; again;) {
		again = 0;
		size_t n = strlen(s);
		for (int k = 0; tail[k]; k++) {
			size_t l = strlen(tail[k]);
			/* a full stop ends a sentence, not a table label */
			if (n > l && !strcmp(s + n - l, tail[k]) && (strcmp(tail[k], "。") || n < 40)) {
				s[n - l] = 0;
				again = 1;
				break;
			}
		}
	}
	/* the classifications' names, which titles and heads print: 类 read
	 * as 关 ("支出经济分关汇总表" at 150 dpi); 支 read as 文 in a 宋体
	 * title ("收文预算总表", "基本文出预算表": neither word is a
	 * budget's), and as 去 ("去出经济分类汇总表"); the full-width parenthesis read as an angle bracket
	 * ("支出预算表〈功能科目)": budgets print no 〈〉) */
	static const char *const term[][2] = {{"经济分关", "经济分类"}, {"功能分关", "功能分类"}, {"收文", "收支"},
	                                      {"文出", "支出"}, {"去出", "支出"}, {"〈", "（"}, {"〉", "）"}, {NULL, NULL}};
	for (int k = 0; term[k][0]; k++)
		for (char *p = strstr(s, term[k][0]); p; p = strstr(p + 1, term[k][0]))
			memcpy(p, term[k][1], strlen(term[k][1])); /* same length */
	/* (19|20)dd + its last digit again + 年 */
	for (char *p = s; p[0] && p[1] && p[2] && p[3] && p[4]; p++) {
		if ((p == s || !isdig(p[-1])) && ((p[0] == '1' && p[1] == '9') || (p[0] == '2' && p[1] == '0')) &&
		    isdig(p[2]) && isdig(p[3]) && p[4] == p[3] && !strncmp(p + 5, "年", 3)) {
			memmove(p + 4, p + 5, strlen(p + 5) + 1);
			break;
		}
	}
}

/* Title words cut between cell j of l and the next, both read by OCR:
 * 支出 with 支 read 文 ("财政拨款文" "出预算表"), and a （功能科目） whose
 * opening parenthesis went ("财政拨款支出预算表" "功能科目)"): the title
 * rules know 支出 and the bracketed form. */
static void title_across(gk_line *l, int j)
{
	gk_cell *c = &l->cell[j], *nx = j + 1 < l->ncell ? &l->cell[j + 1] : NULL;
	if (c->conf < 0 || !nx || nx->conf < 0)
		return;
	size_t tl = strlen(c->text);
	if (tl >= 6 && !strcmp(c->text + tl - 3, "文") && !strncmp(nx->text, "出", 3) && has_cjk_at(c->text + tl - 6))
		memcpy(c->text + tl - 3, "支", 3);
	if (tl >= 3 && !strcmp(c->text + tl - 3, "表") &&
	    (!strncmp(nx->text, "功能科目", 12) || !strncmp(nx->text, "经济科目", 12))) {
		size_t nl = strlen(nx->text);
		if (nl && nx->text[nl - 1] == ')')
			nx->text[--nl] = 0;
		gk_buf b = {0};
		gk_buf_adds(&b, "（");
		gk_buf_adds(&b, nx->text);
		if (nl < 3 || strcmp(nx->text + nl - 3, "）"))
			gk_buf_adds(&b, "）");
		free(nx->text);
		nx->text = gk_buf_take(&b);
	}
}

/* s is a label's enumeration alone: "(二十一)", "（三）", "十二、" */
int gk_ocr_enumeration(const char *s)
{
	static const unsigned num[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341, 0};
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s), i = 0;
	unsigned cp[16];
	int n = 0;
	while (i < len && n < 16) {
		int l = gk_utf8_next(p + i, len - i, &cp[n]);
		if (l <= 0)
			return 0;
		i += (size_t)l, n++;
	}
	if (i < len || n < 2)
		return 0;
	int open = cp[0] == '(' || cp[0] == 0xFF08, a = open, b = n - 1;
	int close = cp[b] == ')' || cp[b] == 0xFF09;
	if (!(open ? close : cp[b] == 0x3001)) /* 、 */
		return 0;
	if (a >= b)
		return 0;
	for (int k = a; k < b; k++) {
		int ok = 0;
		for (int q = 0; num[q] && !ok; q++)
			ok = cp[k] == num[q];
		if (!ok)
			return 0;
	}
	return 1;
}

/* A label's enumeration OCR read as a word of its own, a gap before the
 * label ("(二十一)" "住房保障支出" in a blurred scan): one cell again,
 * as it was printed.  The gap is at most two of the line's characters. */
static void join_enumeration(gk_line *l, int j)
{
	gk_cell *c = &l->cell[j], *nx = j + 1 < l->ncell ? &l->cell[j + 1] : NULL;
	if (c->conf < 0 || !nx || nx->conf < 0 || !has_cjk_at(nx->text) || !gk_ocr_enumeration(c->text))
		return;
	double size = l->size > 0 ? l->size : l->y1 - l->y0;
	if (nx->x0 - c->x1 > 2 * size || nx->x0 < c->x1 - size)
		return;
	gk_buf b = {0};
	gk_buf_adds(&b, c->text);
	gk_buf_adds(&b, nx->text);
	free(c->text);
	c->text = gk_buf_take(&b);
	c->x1 = nx->x1;
	if (nx->conf < c->conf)
		c->conf = nx->conf;
	if (nx->y1 > nx->y0 && c->y1 > c->y0) {
		c->y0 = nx->y0 < c->y0 ? nx->y0 : c->y0;
		c->y1 = nx->y1 > c->y1 ? nx->y1 : c->y1;
	}
	free(nx->text);
	memmove(nx, nx + 1, (size_t)(l->ncell - j - 2) * sizeof *nx);
	l->ncell--;
}

void gk_ocr_fix_lines(gk_doc *doc, int from)
{
	numcell *nc = NULL;
	int n = 0, cap = 0;
	for (int i = from; i < doc->nline; i++) {
		gk_line *l = &doc->line[i];
		for (int j = 0; j < l->ncell; j++) {
			join_enumeration(l, j);
			gk_cell *c = &l->cell[j];
			title_across(l, j);
			/* "-、" alone in its cell holds no ideograph */
			char *dash = c->conf >= 0 ? fix_dash(c->text) : NULL;
			if (dash) {
				free(c->text);
				c->text = dash;
			}
			if (c->conf >= 0 && gk_ocrw_has_cjk(c->text)) {
				char *f = fix_colons(c->text);
				if (f) {
					free(c->text);
					c->text = f;
				}
				if ((f = fix_open_paren(c->text))) {
					free(c->text);
					c->text = f;
				}
				tidy_label(c->text);
			}
			if (c->conf < 0 || !gk_ocrw_amountish(c->text))
				continue;
			char t[64];
			if (strlen(c->text) >= sizeof t)
				continue;
			strcpy(t, c->text);
			if (!gk_ocr_fix_amount(t))
				continue;
			if (strcmp(t, c->text)) {
				free(c->text);
				c->text = gk_strdup(t);
			}
			if (n == cap) {
				cap = cap ? cap * 2 : 256;
				nc = gk_realloc(nc, (size_t)cap * sizeof *nc);
			}
			const char *pt = strchr(t, '.');
			nc[n++] = (numcell){c, c->x1, pt ? (int)strlen(pt + 1) : -1};
		}
	}
	/* columns: runs of right edges; a column whose amounts print d
	 * decimals reads an amount without its point as one that lost it */
	if (n > 1)
		qsort(nc, (size_t)n, sizeof *nc, cmp_numcell);
	double adv = pooled_advance(nc, n);
	for (int a = 0; a < n;) {
		int b = a + 1;
		while (b < n && nc[b].x1 - nc[b - 1].x1 <= COL_TOL)
			b++;
		int pointed = 0, d = column_decimals(nc + a, b - a, 3, &pointed);
		/* most of the column with their points: every figure lost its
		 * own; else (two with a point will do) only one as wide as its
		 * digits and a point are */
		int all = d >= 1 && pointed * 10 >= (b - a) * 6;
		/* three decimals or more are groups of thousands whose commas
		 * OCR read as points ("358.052" for 358,052): no evidence */
		if (!all && (d = column_decimals(nc + a, b - a, 2, &pointed)) > 2)
			d = 0;
		double icpt = d >= 1 && !all ? column_intercept(nc + a, b - a, d, adv) : NAN;
		for (int k = a; d >= 1 && k < b; k++) {
			gk_cell *c = nc[k].c;
			const char *t = c->text;
			int neg = t[0] == '-';
			size_t len = strlen(t + neg);
			if (nc[k].dec >= 0 || len <= (size_t)d || !strcmp(t + neg, "0"))
				continue;
			if (!all && !gk_ocr_lost_point(c->x1 - c->x0, digit_width(t), adv, icpt))
				continue;
			char out[64];
			size_t ip = len - (size_t)d;
			snprintf(out, sizeof out, "%s%.*s.%s", neg ? "-" : "", (int)ip, t + neg, t + neg + ip);
			free(c->text);
			c->text = gk_strdup(out);
			if (c->conf > 60)
				c->conf = 60; /* a repair, not a reading */
		}
		a = b;
	}
	free(nc);
}

int gk_ocrw_cell(const gk_ocrw_box *vr, int nv, const gk_ocrw_box *hr, int nh, int x, int y, gk_ocrw_box *cell)
{
	int l = -1, r = -1, t = -1, b = -1;
	for (int i = 0; i < nv; i++) {
		const gk_ocrw_box *v = &vr[i];
		if (v->t > y || v->b < y)
			continue;
		if (v->r < x && (l < 0 || v->r > l))
			l = v->r;
		if (v->l > x && (r < 0 || v->l < r))
			r = v->l;
	}
	if (l < 0 || r < 0)
		return 0;
	int xm = (l + r) / 2;
	for (int i = 0; i < nh; i++) {
		const gk_ocrw_box *h = &hr[i];
		if (h->l > xm || h->r < xm)
			continue;
		if (h->b < y && (t < 0 || h->b > t))
			t = h->b;
		if (h->t > y && (b < 0 || h->t < b))
			b = h->t;
	}
	if (t < 0 || b < 0)
		return 0;
	*cell = (gk_ocrw_box){l + 1, t + 1, r - 1, b - 1, 0};
	return 1;
}

void gk_ocrw_join_rules(gk_ocrw_box *hr, int *n, int gap)
{
	for (int again = 1; again;) {
		again = 0;
		for (int i = 0; i < *n; i++)
			for (int j = i + 1; j < *n; j++) {
				gk_ocrw_box *a = &hr[i], *b = &hr[j];
				if (a->t > b->b + 1 || b->t > a->b + 1)
					continue;
				int d = a->l < b->l ? b->l - a->r : a->l - b->r;
				if (d > gap)
					continue;
				a->l = a->l < b->l ? a->l : b->l;
				a->r = a->r > b->r ? a->r : b->r;
				a->t = a->t < b->t ? a->t : b->t;
				a->b = a->b > b->b ? a->b : b->b;
				hr[j] = hr[--*n];
				again = 1;
				j--;
			}
	}
}
