/*
 * pdf.c - gk_extract_pdf: a PDF -> positioned lines and cells (poppler-glib).
 *
 * Poppler gives, per page, the page text and one rectangle per character of
 * it.  Poppler's own line and word order is not trusted (it follows content
 * stream order, which in table exports often runs column by column); the
 * lines are rebuilt from the character boxes:
 *
 *   1. sort the page's characters by vertical centre and sweep: a character
 *      joins the current line when its centre is within a fraction of the
 *      line height of the line's mean centre;
 *   2. sort each line's characters by x; if two visible characters from
 *      clearly different heights overlap (an overflowing cell printed over
 *      its neighbour row), cut the group at its widest vertical gap and
 *      start again with each half;
 *   3. cut the line into cells where the gap between two consecutive visible
 *      characters exceeds 0.9 x the median font size of the line (a column
 *      gap; a space glyph is narrower), and at smaller gaps between two
 *      numbers or after an amount (tight table columns).
 *
 * A page whose text runs top to bottom (or bottom to top, or upside down)
 * is turned first so that it reads left to right.  Two sorts per line and
 * one per page, no pairwise comparisons: O(n log n) in the characters.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "extract.h"
#include "ocr.h"
#include "rulings.h"

#include <math.h>
#include <poppler.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* a character joins a line when its centre is within LINE_TOL x height of
 * the line's mean centre */
#define LINE_TOL 0.4
/* a gap wider than CELL_GAP x the line's median font size starts a new cell */
#define CELL_GAP 0.9
/* two numbers closer than CELL_GAP are still two cells when the gap exceeds
 * NUM_GAP (tight table columns).  Poppler's space characters say nothing
 * here: it synthesizes them for any gap between words, with a box spanning
 * the gap, so only the gap itself is evidence. */
#define NUM_GAP 0.3
/* after an amount ("1,265.6"), a gap of AMOUNT_GAP x font size before a
 * non-numeric character is a column boundary: right-aligned amounts often
 * nearly touch the next column's left-aligned label */
#define AMOUNT_GAP 0.15
/* two visible characters overlapping in x whose centres are more than
 * COLLIDE_DY x font size apart belong to two different lines */
#define COLLIDE_DY 0.12
/* a gap wider than WORD_GAP x the line's median font size between two non-CJK
 * characters counts as a space even without a space glyph */
#define WORD_GAP 0.15
/* two characters with a gap of NUM_GAP x font size whose centres are more
 * than STEP_DY x font size apart are two cells (overflowing cells whose
 * lines the vertical grouping took for one) */
#define STEP_DY 0.25
/* more than this share of undecodable characters: the font has no map */
#define BAD_PERCENT 20

typedef struct pchar {
	double x0, y0, x1, y1, yc, size;
	uint32_t cp;
	int idx;   /* order in poppler's text: the tie breaker of both sorts */
	int space; /* white space: separates words, never starts a cell */
	float conf; /* OCR: its word's confidence; -1 from a text layer */
	int brk;    /* OCR: an amount and a word run together part here */
} pchar;

/* What a page adds to the grouping: the vertical ruling lines an OCR'd
 * page showed, or a ruled page's text layer (a cell never spans one). */
typedef struct pagectx {
	const gk_ocr_rule *vrule;
	int nvrule;
	int layer; /* a text layer: exact boxes, a rule runs in the gap */
} pagectx;

/* A ruled page's vertical rule parts a text layer's cells when it is at
 * least RULE_V points long and half as long as the page's longest
 * (strokes of overprinted text make shorter dark runs), runs within
 * RULE_X x font size of the gap between two characters and crosses both
 * from top to bottom (within RULE_Y points). */
#define RULE_V 36
#define RULE_X 0.1
#define RULE_Y 1.0

typedef struct stats {
	long visible; /* non-space characters */
	long bad;     /* U+FFFD, private use, control */
} stats;

/* Decode one UTF-8 sequence; anything malformed (stray continuation byte,
 * overlong form, surrogate, beyond U+10FFFF) is one U+FFFD per byte, so
 * that the cells stay valid UTF-8 whatever poppler hands over. */
static uint32_t utf8_next(const unsigned char **s)
{
	const unsigned char *p = *s;
	uint32_t c = p[0];
	int n;
	uint32_t min;
	if (c < 0x80) {
		*s = p + 1;
		return c;
	} else if (c >= 0xC2 && c <= 0xDF) {
		n = 1, min = 0x80, c &= 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 2, min = 0x800, c &= 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 3, min = 0x10000, c &= 0x07;
	} else {
		*s = p + 1;
		return 0xFFFD;
	}
	for (int i = 1; i <= n; i++) {
		if ((p[i] & 0xC0) != 0x80) {
			*s = p + 1;
			return 0xFFFD;
		}
		c = (c << 6) | (p[i] & 0x3F);
	}
	*s = p + n + 1;
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0xFFFD;
	return c;
}

static int utf8_put(char *out, uint32_t c)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xC0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xE0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	out[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

static int is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200A) ||
	       c == 0x202F || c == 0x205F;
}

/* zero-width characters that carry nothing */
static int is_ignorable(uint32_t c)
{
	return c == 0x200B || c == 0xFEFF || c == 0x200C || c == 0x200D || c == 0x00AD;
}

static int is_control(uint32_t c)
{
	return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c < 0xA0);
}

static int is_bad(uint32_t c)
{
	return c == 0xFFFD || (c >= 0xE000 && c <= 0xF8FF) || is_control(c);
}

/* CJK ideographs, kana, hangul, full-width forms and CJK punctuation:
 * scripts written without spaces, where a small gap is not a word break */
static int is_cjk(uint32_t c)
{
	return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) ||
	       (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x3FFFF);
}

/* can end / start a number in a table cell */
static int num_end(uint32_t c)
{
	return (c >= '0' && c <= '9') || c == '%' || c == ')' || c == 0xFF05 || c == 0xFF09;
}

static int num_start(uint32_t c)
{
	return (c >= '0' && c <= '9') || c == '-' || c == '(' || c == 0xFF08 || c == 0x2212;
}

static int cmp_yc(const void *a, const void *b)
{
	const pchar *p = a, *q = b;
	if (p->yc != q->yc)
		return p->yc < q->yc ? -1 : 1;
	return p->idx - q->idx;
}

static int cmp_x(const void *a, const void *b)
{
	const pchar *p = a, *q = b;
	if (p->x0 != q->x0)
		return p->x0 < q->x0 ? -1 : 1;
	return p->idx - q->idx;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* median of v[0..n) (reorders v) */
static double median(double *v, int n)
{
	if (n <= 0)
		return 0;
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return v[n / 2];
}

/* part of an amount: "1,265.6", "-3.50" */
static int amount_char(uint32_t c)
{
	return (c >= '0' && c <= '9') || c == '.' || c == ',' || c == '-';
}

/* Two visible characters printed over each other, from different heights:
 * two text lines (an overflowing table cell) that the vertical grouping
 * took for one. */
static int collide(const pchar *a, const pchar *b, double em)
{
	double wa = a->x1 - a->x0, wb = b->x1 - b->x0;
	double w = wa < wb ? wa : wb;
	double over = (a->x1 < b->x1 ? a->x1 : b->x1) - b->x0;
	double dy = a->yc > b->yc ? a->yc - b->yc : b->yc - a->yc;
	return w > 0 && over > 0.5 * w && dy > COLLIDE_DY * em;
}

/* A cell keeps its own vertical extent when its centre is off the line's
 * by more than CELL_DY x font size: fragments of overflowing cells printed
 * a little above or below a row's numbers, which the normalizer needs to
 * tell one wrapped cell from the next. */
#define CELL_DY 0.06

static void add_cell(gk_line *line, double x0, double x1, double y0, double y1, double em, const gk_buf *cell,
                     float conf)
{
	double d = (y0 + y1) / 2 - (line->y0 + line->y1) / 2;
	gk_cell *c;
	if (d > CELL_DY * em || d < -CELL_DY * em)
		c = gk_line_add_cell_y(line, x0, x1, y0, y1, cell->s, cell->len);
	else
		c = gk_line_add_cell_y(line, x0, x1, 0, 0, cell->s, cell->len);
	c->conf = conf;
}

/* Is there a vertical ruling line between a cell ending at cx1 (its last
 * character a) and the next character p? */
static int ruled(const pagectx *pc, double cx1, const pchar *a, const pchar *p, double em)
{
	double x0 = cx1, x1 = p->x0 + 0.25 * (p->x1 - p->x0), yc = (p->yc + a->yc) / 2;
	double top = a->y0 < p->y0 ? a->y0 : p->y0, bottom = a->y1 > p->y1 ? a->y1 : p->y1;
	if (pc->layer) {
		x0 = a->x1 - RULE_X * em;
		x1 = p->x0 + RULE_X * em;
	}
	for (int i = 0; i < pc->nvrule; i++) {
		const gk_ocr_rule *r = &pc->vrule[i];
		double xm = (r->x0 + r->x1) / 2;
		if (!(xm > x0 && xm < x1))
			continue;
		if (pc->layer ? r->y0 <= top + RULE_Y && r->y1 >= bottom - RULE_Y : yc > r->y0 && yc < r->y1)
			return 1;
	}
	return 0;
}

/* One line's characters (already grouped) -> a gk_line with cells.
 * `depth` bounds the re-splitting of collided lines. */
static void emit_line(gk_doc *doc, int page, pchar *c, int n, double *tmp, gk_buf *cell, int depth,
                      const pagectx *pc)
{
	double y0 = c[0].y0, y1 = c[0].y1;
	int nv = 0;
	for (int i = 0; i < n; i++) {
		if (c[i].y0 < y0)
			y0 = c[i].y0;
		if (c[i].y1 > y1)
			y1 = c[i].y1;
		if (!c[i].space)
			tmp[nv++] = c[i].size;
	}
	if (nv == 0)
		return; /* only white space */
	double size = median(tmp, nv);
	/* the gap unit is the font size: character boxes are often much taller
	 * than the glyphs (a font's ascent and descent, broken metrics) */
	double em = size;
	if (em <= 0) {
		nv = 0;
		for (int i = 0; i < n; i++)
			if (!c[i].space)
				tmp[nv++] = c[i].y1 - c[i].y0;
		em = median(tmp, nv);
	}
	if (em <= 0)
		em = 1;

	qsort(c, (size_t)n, sizeof *c, cmp_x);

	if (depth < 8) {
		const pchar *prev = NULL;
		for (int i = 0; i < n; i++) {
			if (c[i].space)
				continue;
			if (prev && collide(prev, &c[i], em)) {
				/* cut at the widest vertical gap between the two */
				double lo = prev->yc < c[i].yc ? prev->yc : c[i].yc;
				double hi = prev->yc < c[i].yc ? c[i].yc : prev->yc;
				qsort(c, (size_t)n, sizeof *c, cmp_yc);
				int cut = 0;
				double best = -1;
				for (int k = 1; k < n; k++)
					if (c[k].yc > lo && c[k - 1].yc < hi && c[k].yc - c[k - 1].yc > best) {
						best = c[k].yc - c[k - 1].yc;
						cut = k;
					}
				if (cut > 0) {
					emit_line(doc, page, c, cut, tmp, cell, depth + 1, pc);
					emit_line(doc, page, c + cut, n - cut, tmp, cell, depth + 1, pc);
					return;
				}
				qsort(c, (size_t)n, sizeof *c, cmp_x);
				break;
			}
			prev = &c[i];
		}
	}

	gk_line *line = gk_doc_add_line(doc, page, y0, y1, size, GK_GEOM_POS);
	double cx0 = 0, cx1 = 0, cy0 = 0, cy1 = 0;
	float cconf = -1; /* the least confident character of the cell */
	const pchar *last = NULL; /* last visible char of the current cell */
	/* right edge of a space character seen since `last`: it separates `last`
	 * from the next visible character if its box lies between their
	 * centres (poppler's box of a space is not always where the space is:
	 * in turned text it covers the word before) */
	double space_x1 = -1;
	int tok_amount = 0, tok_digit = 0, tok_sep = 0; /* the current word so far */
	gk_buf_reset(cell);
	for (int i = 0; i < n; i++) {
		const pchar *p = &c[i];
		if (p->space) {
			if (last && p->x0 >= (last->x0 + last->x1) / 2 && (space_x1 < 0 || p->x1 < space_x1))
				space_x1 = p->x1;
			continue;
		}
		int spaced = space_x1 >= 0 && space_x1 <= (p->x0 + p->x1) / 2;
		char u[4];
		int ul = utf8_put(u, p->cp);
		int split = !last;
		if (last) {
			double gap = p->x0 - cx1;
			if (gap > CELL_GAP * em)
				split = 1; /* a column gap */
			else if (gap > NUM_GAP * em && num_end(last->cp) && num_start(p->cp))
				split = 1; /* two numbers in tight columns */
			else if (gap > AMOUNT_GAP * em && tok_amount && tok_digit && tok_sep && !amount_char(p->cp))
				split = 1; /* an amount, then the next column's label */
			else if (gap > NUM_GAP * em && fabs(p->yc - last->yc) > STEP_DY * em)
				split = 1; /* two cells' lines printed at different heights */
			else if (p->brk == 2 || (p->brk && tok_amount && tok_digit && tok_sep && !amount_char(p->cp)))
				split = 1; /* OCR: an amount run together with a word */
			else if (pc && pc->nvrule && ruled(pc, cx1, last, p, em))
				split = 1; /* a ruling line between them */
		}
		if (split) {
			if (last)
				add_cell(line, cx0, cx1, cy0, cy1, em, cell, cconf);
			cconf = p->conf;
			gk_buf_reset(cell);
			cx0 = p->x0;
			cx1 = p->x1;
			cy0 = p->y0;
			cy1 = p->y1;
			tok_amount = 1;
			tok_digit = tok_sep = 0;
		} else {
			double gap = p->x0 - cx1;
			if (spaced || (gap > WORD_GAP * em && !is_cjk(last->cp) && !is_cjk(p->cp))) {
				gk_buf_addc(cell, ' ');
				tok_amount = 1;
				tok_digit = tok_sep = 0;
			}
			if (p->x1 > cx1)
				cx1 = p->x1;
			if (p->y0 < cy0)
				cy0 = p->y0;
			if (p->y1 > cy1)
				cy1 = p->y1;
			if (p->conf < cconf)
				cconf = p->conf;
		}
		gk_buf_add(cell, u, (size_t)ul);
		tok_amount = tok_amount && amount_char(p->cp);
		tok_digit |= p->cp >= '0' && p->cp <= '9';
		tok_sep |= p->cp == '.' || p->cp == ',';
		last = p;
		space_x1 = -1;
	}
	if (last)
		add_cell(line, cx0, cx1, cy0, cy1, em, cell, cconf);
}

/* Group a page's characters into lines, emit them top to bottom. */
static void emit_page(gk_doc *doc, int page, pchar *c, int n, double *tmp, gk_buf *cell, const pagectx *pc)
{
	if (n == 0)
		return;
	qsort(c, (size_t)n, sizeof *c, cmp_yc);
	int start = 0;
	double sum_yc = c[0].yc, sum_h = c[0].y1 - c[0].y0;
	for (int i = 1; i <= n; i++) {
		if (i < n) {
			int cnt = i - start;
			double mean_yc = sum_yc / cnt, mean_h = sum_h / cnt;
			double h = c[i].y1 - c[i].y0;
			double tol = LINE_TOL * (h < mean_h ? h : mean_h);
			if (tol < 0.5)
				tol = 0.5;
			if (c[i].yc - mean_yc <= tol) {
				sum_yc += c[i].yc;
				sum_h += h;
				continue;
			}
		}
		emit_line(doc, page, c + start, i - start, tmp, cell, 0, pc);
		if (i < n) {
			start = i;
			sum_yc = c[i].yc;
			sum_h = c[i].y1 - c[i].y0;
		}
	}
}

/* How long a vertical stroke of s0.. is at least to be a column's rule. */
static double column_rule_min(const gk_doc *doc, int s0)
{
	double longest = 0;
	for (int s = s0; s < doc->nstroke; s++)
		if (doc->stroke[s].vertical && doc->stroke[s].b - doc->stroke[s].a > longest)
			longest = doc->stroke[s].b - doc->stroke[s].a;
	return longest / 2 > RULE_V ? longest / 2 : RULE_V;
}

/* A page whose rulings were found (strokes s0.. of doc) is read again
 * with its vertical ones as cell boundaries, as OCR'd pages are: a cell
 * never spans a ruling line (two columns' texts that nearly touch).  The
 * page's lines from index `from` on are replaced. */
static void reread_ruled(gk_doc *doc, int page, int from, int s0, pchar *c, int n, double *tmp, gk_buf *cell)
{
	double min = column_rule_min(doc, s0);
	int nv = 0;
	for (int s = s0; s < doc->nstroke; s++)
		nv += doc->stroke[s].vertical && doc->stroke[s].b - doc->stroke[s].a >= min;
	if (nv == 0)
		return;
	gk_ocr_rule *v = gk_malloc(sizeof *v * (size_t)nv);
	nv = 0;
	for (int s = s0; s < doc->nstroke; s++)
		if (doc->stroke[s].vertical && doc->stroke[s].b - doc->stroke[s].a >= min)
			v[nv++] = (gk_ocr_rule){doc->stroke[s].pos, doc->stroke[s].pos, doc->stroke[s].a, doc->stroke[s].b};
	pagectx pc = {v, nv, 1};
	gk_doc_truncate(doc, from);
	emit_page(doc, page, c, n, tmp, cell, &pc);
	free(v);
}

/* Keep of the strokes s0.. of doc only the vertical rules long enough to
 * part cells (a page whose rows the text places: its columns only). */
static void keep_columns(gk_doc *doc, int s0)
{
	double min = column_rule_min(doc, s0);
	int k = s0;
	for (int s = s0; s < doc->nstroke; s++)
		if (doc->stroke[s].vertical && doc->stroke[s].b - doc->stroke[s].a >= min)
			doc->stroke[k++] = doc->stroke[s];
	doc->nstroke = k;
}

/* The page's dominant writing direction, from consecutive characters of
 * poppler's words: 0 left to right, 1 top to bottom (the page was turned
 * clockwise), 2 upside down, 3 bottom to top.  Only a clear majority turns
 * a page: a few vertical header cells do not. */
static int orientation(const pchar *c, int n)
{
	long vote[4] = {0, 0, 0, 0};
	for (int i = 1; i < n; i++) {
		const pchar *a = &c[i - 1], *b = &c[i];
		if (b->idx != a->idx + 1 || a->space || b->space)
			continue;
		double dx = (b->x0 + b->x1 - a->x0 - a->x1) / 2, dy = b->yc - a->yc;
		double ax = dx < 0 ? -dx : dx, ay = dy < 0 ? -dy : dy;
		if (ax > 2 * ay)
			vote[dx > 0 ? 0 : 2]++;
		else if (ay > 2 * ax)
			vote[dy > 0 ? 1 : 3]++;
	}
	int best = 0;
	for (int r = 1; r < 4; r++)
		if (vote[r] > vote[best])
			best = r;
	return best && vote[best] > 2 * vote[0] ? best : 0;
}

/* Turn the characters of a w x h page so that direction `rot` reads left
 * to right (the page becomes h x w for rot 1 and 3). */
static void turn(pchar *c, int n, int rot, double w, double h)
{
	for (int i = 0; i < n; i++) {
		pchar *p = &c[i];
		double x0 = p->x0, x1 = p->x1, y0 = p->y0, y1 = p->y1;
		switch (rot) {
		case 1: /* (x, y) -> (y, w - x) */
			p->x0 = y0, p->x1 = y1, p->y0 = w - x1, p->y1 = w - x0;
			break;
		case 2: /* (x, y) -> (w - x, h - y) */
			p->x0 = w - x1, p->x1 = w - x0, p->y0 = h - y1, p->y1 = h - y0;
			break;
		case 3: /* (x, y) -> (h - y, x) */
			p->x0 = h - y1, p->x1 = h - y0, p->y0 = x0, p->y1 = x1;
			break;
		}
		p->yc = (p->y0 + p->y1) / 2;
	}
}

/* Did poppler have to reconstruct the cross-reference table?  poppler-glib
 * does not say, so check what it checks first: the last "startxref" must
 * point at "xref" or at "<num> <gen> obj" (an xref stream). */
static int needs_repair(const char *data, size_t len)
{
	static const char key[] = "startxref";
	size_t kl = sizeof key - 1;
	size_t from = len > 2048 ? len - 2048 : 0;
	const char *hit = NULL;
	for (size_t i = len >= kl ? len - kl + 1 : 0; i-- > from;)
		if (data[i] == 's' && !memcmp(data + i, key, kl)) {
			hit = data + i;
			break;
		}
	if (!hit)
		return 1;
	const char *p = hit + kl, *end = data + len;
	while (p < end && (*p == ' ' || *p == '\r' || *p == '\n' || *p == '\t' || *p == '\f' || *p == 0))
		p++;
	if (p == end || *p < '0' || *p > '9')
		return 1;
	unsigned long long off = 0;
	while (p < end && *p >= '0' && *p <= '9') {
		off = off * 10 + (unsigned)(*p - '0');
		if (off >= len)
			return 1;
		p++;
	}
	p = data + off;
#define SKIP_WS()                                                                                        \
	while (p < end && (*p == ' ' || *p == '\r' || *p == '\n' || *p == '\t' || *p == '\f' || *p == 0)) \
	p++
	SKIP_WS();
	if ((size_t)(end - p) >= 4 && !memcmp(p, "xref", 4))
		return 0;
	for (int k = 0; k < 2; k++) {
		const char *d = p;
		while (p < end && *p >= '0' && *p <= '9')
			p++;
		if (p == d)
			return 1;
		const char *w = p;
		SKIP_WS();
		if (p == w)
			return 1;
	}
#undef SKIP_WS
	return (size_t)(end - p) >= 3 && !memcmp(p, "obj", 3) ? 0 : 1;
}

/* "3" or "3,4": a page number appended to a list */
static void list_add(gk_buf *b, int page)
{
	if (b->len)
		gk_buf_addc(b, ',');
	gk_buf_addf(b, "%d", page);
}

/* The page's text layer -> *chars (grown as needed); counts in *ps.
 * Returns the number of characters. */
static int text_layer(PopplerPage *page, pchar **chars, double **tmp, size_t *cap, stats *ps)
{
	char *text = poppler_page_get_text(page);
	if (!text || !*text) {
		g_free(text);
		return 0;
	}
	PopplerRectangle *rect = NULL;
	guint nrect = 0;
	if (!poppler_page_get_text_layout(page, &rect, &nrect))
		nrect = 0;
	GList *attrs = nrect ? poppler_page_get_text_attributes(page) : NULL;
	GList *at = attrs;
	if (nrect > *cap) {
		*cap = nrect;
		*chars = gk_realloc(*chars, *cap * sizeof **chars);
		*tmp = gk_realloc(*tmp, *cap * sizeof **tmp);
	}
	int n = 0;
	const unsigned char *s = (const unsigned char *)text;
	for (int i = 0; *s && i < (int)nrect; i++) {
		uint32_t cp = utf8_next(&s);
		if (cp == '\n' || is_ignorable(cp))
			continue;
		int space = is_space(cp);
		if (!space) {
			ps->visible++;
			if (is_bad(cp)) {
				ps->bad++;
				if (is_control(cp))
					continue; /* nothing to show; counted */
			}
		}
		while (at && ((PopplerTextAttributes *)at->data)->end_index < i)
			at = at->next;
		const PopplerRectangle *r = &rect[i];
		if (!isfinite(r->x1) || !isfinite(r->y1) || !isfinite(r->x2) || !isfinite(r->y2))
			continue; /* a degenerate text matrix: nowhere to put it */
		pchar *p = &(*chars)[n++];
		p->x0 = r->x1 < r->x2 ? r->x1 : r->x2;
		p->x1 = r->x1 < r->x2 ? r->x2 : r->x1;
		p->y0 = r->y1 < r->y2 ? r->y1 : r->y2;
		p->y1 = r->y1 < r->y2 ? r->y2 : r->y1;
		p->yc = (p->y0 + p->y1) / 2;
		p->size = at && ((PopplerTextAttributes *)at->data)->start_index <= i
		              ? ((PopplerTextAttributes *)at->data)->font_size
		              : 0;
		if (!isfinite(p->size) || p->size < 0)
			p->size = 0;
		p->cp = cp;
		p->idx = i;
		p->space = space;
		p->conf = -1;
		p->brk = 0;
	}
	poppler_page_free_text_attributes(attrs);
	g_free(rect);
	g_free(text);
	return n;
}

/* Characters a Chinese budget prints: CJK, ASCII, general and CJK
 * punctuation, full-width forms, a few symbols. */
static int ordinary(uint32_t c)
{
	return (c >= 0x20 && c < 0x7F) || is_cjk(c) || (c >= 0x2000 && c <= 0x206F) || (c >= 0x2150 && c <= 0x218F) ||
	       (c >= 0x2190 && c <= 0x22FF) || (c >= 0x2460 && c <= 0x24FF) || (c >= 0x25A0 && c <= 0x26FF) ||
	       c == 0xA0 || c == 0xB7 || c == 0xD7 || c == 0xF7 || c == 0xB0 || c == 0xB1 || c == 0xA5;
}

/* Is the page's text undecodable?  More than BAD_PERCENT of its characters
 * are replacement, private-use or control characters (a font without a
 * Unicode map), or more than GARBLE_PERCENT are characters no Chinese
 * budget prints (Latin-1 symbols, Greek, Cyrillic, combining marks: a
 * damaged content stream decoded through the wrong encoding) while there
 * is hardly any Chinese. */
#define GARBLE_PERCENT 20
static int garbage(const pchar *c, int n, const stats *ps)
{
	if (ps->bad * 100 > ps->visible * BAD_PERCENT)
		return 1;
	long odd = 0, cjk = 0, vis = 0;
	for (int i = 0; i < n; i++) {
		if (c[i].space)
			continue;
		vis++;
		if (is_cjk(c[i].cp))
			cjk++;
		else if (!ordinary(c[i].cp))
			odd++;
	}
	return vis >= 10 && odd * 100 > vis * GARBLE_PERCENT && cjk * 100 < vis * 50;
}

/* Does the page draw an image (a scan to read)? */
static int has_image(PopplerPage *page)
{
	GList *m = poppler_page_get_image_mapping(page);
	int any = m != NULL;
	poppler_page_free_image_mapping(m);
	return any;
}

/* An OCR'd page's glyphs -> *chars. */
static int from_ocr(const gk_ocr_page *op, pchar **chars, double **tmp, size_t *cap)
{
	if ((size_t)op->nglyph > *cap) {
		*cap = (size_t)op->nglyph;
		*chars = gk_realloc(*chars, *cap * sizeof **chars);
		*tmp = gk_realloc(*tmp, *cap * sizeof **tmp);
	}
	for (int i = 0; i < op->nglyph; i++) {
		const gk_ocr_glyph *g = &op->glyph[i];
		pchar *p = &(*chars)[i];
		p->x0 = g->x0;
		p->x1 = g->x1;
		p->y0 = g->y0;
		p->y1 = g->y1;
		p->yc = (g->y0 + g->y1) / 2;
		p->size = g->size;
		p->cp = g->cp;
		p->idx = i;
		p->space = 0;
		p->conf = g->conf;
		p->brk = g->brk;
	}
	return op->nglyph;
}

int gk_extract_pdf(const char *path, const char *data, size_t len, gk_doc **out, char **err)
{
	*out = NULL;
	*err = NULL;
	GBytes *bytes = g_bytes_new_static(data, len);
	GError *gerr = NULL;
	PopplerDocument *pdoc = poppler_document_new_from_bytes(bytes, NULL, &gerr);
	g_bytes_unref(bytes); /* the document holds its own reference */
	if (!pdoc) {
		int code;
		if (gerr && gerr->domain == POPPLER_ERROR && gerr->code == POPPLER_ERROR_ENCRYPTED) {
			code = GK_EENCRYPTED;
			*err = gk_strdup("encrypted: needs a password");
		} else {
			code = GK_EDAMAGED;
			*err = gk_strfmt("damaged PDF: %s", gerr && gerr->message ? gerr->message : "cannot be opened");
		}
		if (gerr)
			g_error_free(gerr);
		return code;
	}

	int npage = poppler_document_get_n_pages(pdoc);
	if (npage <= 0) {
		g_object_unref(pdoc);
		*err = gk_strdup("damaged PDF: no pages");
		return GK_EDAMAGED;
	}

	gk_doc *doc = gk_doc_new();
	gk_doc_set_meta(doc, "source", path);
	char sha[65];
	gk_sha256_hex(data, len, sha);
	gk_doc_set_meta(doc, "sha256", sha);
	gk_doc_set_meta(doc, "format", "pdf");
	char num[32];
	snprintf(num, sizeof num, "%d", npage);
	gk_doc_set_meta(doc, "pages", num);
	gk_doc_set_meta(doc, "repaired", needs_repair(data, len) ? "yes" : "no");

	stats st = {0};  /* the text layer's pages that are kept */
	stats all = {0}; /* every page's text layer */
	pchar *chars = NULL;
	double *tmp = NULL;
	size_t cap = 0;
	gk_buf cell = {0};
	gk_buf notext = {0}, garbled = {0}, ocred = {0};
	gk_ocr *ocr = NULL;
	char *ocr_err = NULL;
	double conf_sum = 0;
	int conf_n = 0, nocr = 0, ocr_words = 0;

	for (int pg = 0; pg < npage; pg++) {
		PopplerPage *page = poppler_document_get_page(pdoc, pg);
		if (!page) {
			gk_doc_add_page(doc, 0, 0);
			list_add(&notext, pg + 1);
			continue;
		}
		double w = 0, h = 0;
		poppler_page_get_size(page, &w, &h);
		stats ps = {0};
		int n = text_layer(page, &chars, &tmp, &cap, &ps);
		all.visible += ps.visible;
		all.bad += ps.bad;
		int bad = ps.visible > 0 && garbage(chars, n, &ps);
		pagectx pc = {0};
		gk_ocr_page op = {0};
		int ocr_page = 0;
		if (ps.visible == 0 || bad) {
			if (bad)
				list_add(&garbled, pg + 1);
			n = 0;
			/* a page without text is read when there is an image to read;
			 * a page of undecodable text always (its glyphs render) */
			if (gk_extract_ocr_enabled() && !ocr_err && (bad || has_image(page))) {
				if (!ocr)
					ocr = gk_ocr_new(&ocr_err);
				char *perr = NULL;
				if (ocr)
					gk_extract_ocr_page_begin();
				if (ocr && gk_ocr_read(ocr, page, w, h, &op, &perr) == 0) {
					ocr_page = 1;
					nocr++;
					list_add(&ocred, pg + 1);
					if (op.conf >= 0)
						conf_sum += op.conf, conf_n++;
					ocr_words += op.nword;
					n = from_ocr(&op, &chars, &tmp, &cap);
					pc.vrule = op.vrule;
					pc.nvrule = op.nvrule;
				} else if (perr) {
					free(ocr_err);
					ocr_err = perr;
				}
			}
			if (n == 0 && !bad)
				list_add(&notext, pg + 1);
		} else {
			st.visible += ps.visible;
			st.bad += ps.bad;
		}
		/* text printed sideways: turn the page so that it reads left to right */
		int rot = ocr_page ? 0 : orientation(chars, n);
		if (rot)
			turn(chars, n, rot, w, h);
		if (rot == 1 || rot == 3)
			gk_doc_add_page(doc, h, w);
		else
			gk_doc_add_page(doc, w, h);
		int from = doc->nline, want;
		emit_page(doc, pg + 1, chars, n, tmp, &cell, ocr_page ? &pc : NULL);
		if (ocr_page)
			gk_ocr_fix_lines(doc, from);
		else if (!rot && (want = gk_page_wants_rulings(doc, pg + 1))) { /* (extract/rulings.c) */
			int s0 = doc->nstroke;
			gk_page_add_rulings(page, doc, pg + 1, w, h);
			reread_ruled(doc, pg + 1, from, s0, chars, n, tmp, &cell);
			if (want == 2) /* only the long vertical rules: the columns' boundaries */
				keep_columns(doc, s0);
		}
		gk_ocr_page_clear(&op);
		g_object_unref(page);
	}
	free(chars);
	free(tmp);
	gk_buf_drop(&cell);
	gk_ocr_drop(ocr);
	g_object_unref(pdoc);

	gk_doc_set_meta(doc, "pages_without_text", notext.s ? notext.s : "");
	gk_doc_set_meta(doc, "pages_garbled", garbled.s ? garbled.s : "");
	gk_doc_set_meta(doc, "ocr_pages", ocred.s ? ocred.s : "");
	if (conf_n) {
		snprintf(num, sizeof num, "%.1f", conf_sum / conf_n);
		gk_doc_set_meta(doc, "ocr_confidence", num);
	} else {
		gk_doc_set_meta(doc, "ocr_confidence", "");
	}
	gk_buf_drop(&notext);
	gk_buf_drop(&garbled);
	gk_buf_drop(&ocred);

	if (st.visible == 0 && ocr_words == 0) {
		gk_doc_drop(doc);
		if (ocr_err) {
			*err = gk_strfmt("no text layer (scanned image?), and OCR failed: %s", ocr_err);
			free(ocr_err);
			return GK_ENOTEXT;
		}
		if (all.visible > 0) {
			*err = gk_strfmt("font without a Unicode map: %ld%% of characters undecodable",
			                 (all.bad * 100 + all.visible / 2) / all.visible);
			return GK_EDAMAGED;
		}
		*err = gk_strdup(!gk_extract_ocr_enabled() ? "no text layer (scanned image?): needs OCR"
		                 : nocr ? "no text layer, and OCR found no text in its images"
		                        : "no text layer, and no image to read");
		return GK_ENOTEXT;
	}
	free(ocr_err);
	*out = doc;
	return GK_OK;
}
