/*
 * ocrpass.c - parts of an OCR'd page read again (extract/ocr.c reads the
 * page first, then calls these in this order):
 *
 *   - bands of garbage lines (a multi-line head strung across columns),
 *     cut out and read as sparse text;
 *   - ruled cells holding a doubtful word with Chinese, read alone;
 *   - ink no word covers (a column the page's layout analysis dropped),
 *     grouped into lines and read one by one;
 *   - titles: a line printed larger than the body with a doubtful word,
 *     read whole by chi_sim alone.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "ocrint.h"

#include "gk.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- bands read again ---------------------------------------------------- */

/* a band of the page read again: its top and bottom (px) */
typedef struct band {
	int t, b;
} band;

/* Is the line of words [first, end) bad: its words with Chinese or
 * letters read with a mean confidence under BAND_CONF?  *nsym: how many
 * symbols they hold. */
#define BAND_CONF 45.0f
static int bad_line(const gk_ocrw *ws, int first, int end, int *nsym)
{
	int text = 0;
	float sum = 0;
	*nsym = 0;
	for (int j = first; j < end; j++)
		if (gk_ocrw_has_cjk(ws->wd[j].text) || gk_ocrw_latinish(ws->wd[j].text)) {
			sum += ws->wd[j].conf;
			*nsym += ws->wd[j].n;
			text++;
		}
	return text && sum / text < BAND_CONF;
}

/* a word of a bad line that stays: a figure read with confidence */
static int kept_figure(const word *w)
{
	return w->conf >= 80 && !gk_ocrw_has_cjk(w->text) && gk_ocrw_ndigits(w->text) > 0;
}

static int boxes_meet(const word *a, const word *b)
{
	return a->l < b->r && b->l < a->r && a->t < b->b && b->t < a->b;
}

/* Lines of a page read as garbage, whole bands of them: a multi-line
 * column head ("一般公共 / 预算拨款 / 收入" stacked in each of ten narrow
 * columns) that the page's layout analysis strings into lines across
 * the columns ("天区、全预工夫", confidence 0).  The band cut out and read
 * as sparse text finds its pieces and reads them well.  Bad lines
 * (bad_line) close together make a band, widened to every line it cuts;
 * the new words replace the bad lines' words when they are surer by
 * BAND_GAIN, and the good lines of the band keep theirs (sparse text
 * reads figures worse than a line does). */
#define BAND_GAIN 15.0f
#define MAX_BANDS 6
void gk_ocr_reread_bands(reading *r)
{
	gk_ocrw *ws = &r->ws;
	int ph = L.pixGetHeight(r->grey), pw = L.pixGetWidth(r->grey);
	band bands[MAX_BANDS];
	int nb = 0, maxline = -1;
	char *bad = gk_calloc((size_t)ws->nw + 1, 1); /* by word: its line is bad */
	for (int i = 0; i < ws->nw;) {
		int j = i;
		while (j < ws->nw && ws->wd[j].line == ws->wd[i].line)
			j++;
		if (ws->wd[i].line > maxline)
			maxline = ws->wd[i].line;
		const word *w = &ws->wd[i];
		int lh = w->lb - w->lt;
		int nsym;
		if (lh > 0 && bad_line(ws, i, j, &nsym)) {
			for (int q = i; q < j; q++)
				bad[q] = !kept_figure(&ws->wd[q]);
			/* a speck's line is bad, but starts no band */
			if (nsym < 3) {
				i = j;
				continue;
			}
			int t = w->lt - lh / 2, b = w->lb + lh / 2;
			if (nb > 0 && t <= bands[nb - 1].b) {
				if (b > bands[nb - 1].b)
					bands[nb - 1].b = b;
				if (t < bands[nb - 1].t)
					bands[nb - 1].t = t;
			} else if (nb < MAX_BANDS)
				bands[nb++] = (band){t, b};
		}
		i = j;
	}
	int nw0 = ws->nw; /* the page's own words: bad[] covers them */
	for (int k = 0; k < nb; k++) {
		band *bd = &bands[k];
		/* widen to the lines it cuts */
		for (int again = 1; again;) {
			again = 0;
			for (int i = 0; i < nw0; i++) {
				const word *w = &ws->wd[i];
				if (w->n > 0 && w->lb > bd->t && w->lt < bd->b && (w->lt < bd->t || w->lb > bd->b)) {
					bd->t = w->lt < bd->t ? w->lt : bd->t;
					bd->b = w->lb > bd->b ? w->lb : bd->b;
					again = 1;
				}
			}
		}
		if (bd->t < 0)
			bd->t = 0;
		if (bd->b > ph)
			bd->b = ph;
		/* a band of a quarter of the page is no head: not read again */
		if (bd->b - bd->t <= 0 || 4 * (bd->b - bd->t) > ph)
			continue;
		/* the band cut out: a rectangle set on the page after its
		 * reading gives nothing */
		BOX *box = L.boxCreate(0, bd->t, pw, bd->b - bd->t);
		PIX *crop = box ? L.pixClipRectangle(r->grey, box, NULL) : NULL;
		L.boxDestroy(&box);
		if (!crop)
			continue;
		L.TessBaseAPISetImage2(r->o->api, crop);
		L.TessBaseAPISetSourceResolution(r->o->api, r->dpi);
		L.TessBaseAPISetPageSegMode(r->o->api, PSM_SPARSE_TEXT);
		gk_ocrw nw = {0};
		if (L.TessBaseAPIRecognize(r->o->api, NULL) == 0)
			gk_ocr_collect(r->o->api, &nw, maxline + 1);
		L.TessBaseAPISetPageSegMode(r->o->api, PSM_SINGLE_COLUMN);
		L.pixDestroy(&crop);
		for (int i = 0; i < nw.nw; i++) {
			word *w = &nw.wd[i];
			w->t += bd->t, w->b += bd->t, w->lt += bd->t, w->lb += bd->t;
		}
		for (int i = 0; i < nw.ns; i++)
			nw.sy[i].t += bd->t, nw.sy[i].b += bd->t;
		/* the new words where no good line's word stands */
		float old = 0, now = 0;
		int nold = 0, nnew = 0;
		for (int i = 0; i < nw0; i++) {
			const word *w = &ws->wd[i];
			int yc = (w->t + w->b) / 2;
			if (w->n == 0 || yc < bd->t || yc > bd->b)
				continue;
			if (bad[i]) {
				old += w->conf;
				nold++;
				continue;
			}
			for (int q = 0; q < nw.nw; q++)
				if (nw.wd[q].n > 0 && boxes_meet(&nw.wd[q], w))
					nw.wd[q].n = 0;
		}
		for (int q = 0; q < nw.nw; q++)
			if (nw.wd[q].n > 0) {
				now += nw.wd[q].conf;
				nnew++;
			}
		old = nold ? old / nold : 0;
		now = nnew ? now / nnew : 0;
		if (r->dbg)
			fprintf(r->dlog, "band %d-%d read again: %d words at %.0f -> %d at %.0f\n", bd->t, bd->b, nold, old,
			        nnew, now);
		if (nnew > 0 && now >= old + BAND_GAIN) {
			for (int i = 0; i < nw0; i++) {
				word *w = &ws->wd[i];
				int yc = (w->t + w->b) / 2;
				if (bad[i] && yc >= bd->t && yc <= bd->b) {
					w->n = 0;
					w->text[0] = 0;
				}
			}
			gk_ocrw_append(ws, &nw);
			for (int q = 0; q < nw.nw; q++)
				if (nw.wd[q].line > maxline)
					maxline = nw.wd[q].line;
			r->out->nband++;
		}
		gk_ocrw_clear(&nw);
	}
	free(bad);
}

/* ---- cells read again ---------------------------------------------------- */

/* a word with Chinese (or of one or two characters) read with less
 * confidence than this, in a ruled cell, has its cell read again; so has
 * an amount read across a column's rule */
#define CELL_CONF 50.0f
/* the cell's reading replaces its words when surer by this, and at least
 * this sure */
#define CELL_GAIN 15.0f
#define CELL_MIN 60.0f
#define MAX_CELLS 24

static void place_words(gk_ocrw *ws, int nw0, int ns0, int l, int t, int k);

static int next_line(const gk_ocrw *ws)
{
	int line0 = 0;
	for (int i = 0; i < ws->nw; i++)
		if (ws->wd[i].line >= line0)
			line0 = ws->wd[i].line + 1;
	return line0;
}

static int in_cell(const word *w, const gk_ocrw_box *c)
{
	int xc = (w->l + w->r) / 2, yc = (w->t + w->b) / 2;
	return w->n > 0 && xc >= c->l && xc <= c->r && yc >= c->t && yc <= c->b;
}

/* Cell c read alone as a block by api (its mode set back to psm after):
 * the words join ws from the returned index on, placed on the page;
 * *conf: their mean confidence, *cjk: whether one has Chinese, *dig:
 * whether each has a digit. */
static int read_cell(reading *r, TessBaseAPI *api, int psm, const gk_ocrw_box *c, int gh, float *conf, int *cjk,
                     int *dig)
{
	gk_ocrw *ws = &r->ws;
	int k = gh > 0 && gh < 24 ? 2 : 1;
	PIX *framed = NULL;
	L.TessBaseAPISetPageSegMode(api, PSM_SINGLE_BLOCK);
	int nw1 = ws->nw, ns1 = ws->ns;
	if (gk_ocr_set_scaled_crop(api, r->grey, c->l + 1, c->t + 1, c->r, c->b, k, &framed) &&
	    L.TessBaseAPIRecognize(api, NULL) == 0)
		gk_ocr_collect(api, ws, next_line(ws));
	L.TessBaseAPIClear(api);
	L.TessBaseAPISetPageSegMode(api, psm);
	L.pixDestroy(&framed);
	float now = 0;
	*cjk = 0;
	*dig = ws->nw > nw1;
	for (int i = nw1; i < ws->nw; i++) {
		now += ws->wd[i].conf;
		*cjk |= gk_ocrw_has_cjk(ws->wd[i].text);
		*dig &= gk_ocrw_ndigits(ws->wd[i].text) > 0;
	}
	*conf = ws->nw > nw1 ? now / (float)(ws->nw - nw1) : 0;
	place_words(ws, nw1, ns1, c->l + 1, c->t + 1, k);
	/* a line's box from a crop can reach into the white frame round it:
	 * kept within its words' ink, a little more, and the cell, it stays
	 * off the rows above and below */
	for (int i = nw1; i < ws->nw; i++) {
		int t = ws->wd[i].t, b = ws->wd[i].b;
		for (int j = nw1; j < ws->nw; j++)
			if (ws->wd[j].line == ws->wd[i].line) {
				t = ws->wd[j].t < t ? ws->wd[j].t : t;
				b = ws->wd[j].b > b ? ws->wd[j].b : b;
			}
		t -= 2, b += 2;
		t = t < c->t ? c->t : t, b = b > c->b ? c->b : b;
		if (ws->wd[i].lt < t)
			ws->wd[i].lt = t;
		if (ws->wd[i].lb > b)
			ws->wd[i].lb = b;
	}
	if (r->dbg) {
		fprintf(r->dlog, "cell %d,%d,%d,%d read at %.0f:", c->l, c->t, c->r, c->b, *conf);
		for (int i = nw1; i < ws->nw; i++)
			fprintf(r->dlog, " '%s'", ws->wd[i].text);
		fputc('\n', r->dlog);
	}
	return nw1;
}

/* the words from nw1 on dropped again, with their symbols */
static void unread(gk_ocrw *ws, int nw1)
{
	if (nw1 < ws->nw)
		ws->ns = ws->wd[nw1].first;
	ws->nw = nw1;
}

/* The box of line `line` (of the page's first nw0 words) kept to the ink
 * of the words it has left: a garbage word read over a label's two lines
 * made the line of the row beside it as tall as both, so that the label's
 * lines, read again, fell within it. */
static void shrink_line(gk_ocrw *ws, int line, int nw0)
{
	int t = -1, b = -1;
	for (int i = 0; i < nw0; i++) {
		const word *w = &ws->wd[i];
		if (w->line != line || w->n == 0)
			continue;
		t = t < 0 || w->t < t ? w->t : t;
		b = w->b > b ? w->b : b;
	}
	if (t < 0)
		return;
	for (int i = 0; i < nw0; i++) {
		word *w = &ws->wd[i];
		if (w->line != line)
			continue;
		if (w->lt < t - 2)
			w->lt = t - 2;
		if (w->lb > b + 2)
			w->lb = b + 2;
	}
}

/* the words of the page's first nw0 in cell c emptied, their lines kept
 * to the ink of the words they have left */
static void clear_cell(gk_ocrw *ws, const gk_ocrw_box *c, int nw0)
{
	for (int i = 0; i < nw0; i++)
		if (in_cell(&ws->wd[i], c)) {
			ws->wd[i].n = 0;
			ws->wd[i].text[0] = 0;
			shrink_line(ws, ws->wd[i].line, nw0);
		}
}

/* the Chinese characters of the words of [a, b) in cell c (all when c is
 * NULL), at most cap, each with its word's confidence */
static int cell_chars(const gk_ocrw *ws, const gk_ocrw_box *c, int a, int b, uint32_t *cp, float *cf, int cap)
{
	int n = 0;
	for (int i = a; i < b; i++) {
		const word *w = &ws->wd[i];
		if (c && !in_cell(w, c))
			continue;
		for (int j = w->first; j < w->first + w->n && n < cap; j++)
			if (ws->sy[j].cp >= 0x4E00 && ws->sy[j].cp <= 0x9FFF)
				cf[n] = w->conf, cp[n++] = ws->sy[j].cp;
	}
	return n;
}

/* Do the cell's old words (of the first nw0) and its new reading (from
 * nw1 on) say the same in Chinese but for one character, read no surer
 * by the new reading's word than by the old one's?  Then the new reading
 * is no better, whatever its words' mean: a head read right at 0
 * ("商品和服务支出", 服务 at 0) was read again "商品和般务支出" (般 at 0).
 * A character more or less is one the reading found (工 of 工会经费 read
 * "[会经费"), and one read surer a mend (人员经刘, at 0, read again
 * 人员经费). */
static int one_apart(const gk_ocrw *ws, const gk_ocrw_box *c, int nw0, int nw1)
{
	uint32_t a[48], b[48];
	float ca[48], cb[48];
	int na = cell_chars(ws, c, 0, nw0, a, ca, 48), nb = cell_chars(ws, NULL, nw1, ws->nw, b, cb, 48);
	if (na == 0 || na != nb)
		return 0;
	int d = 0, at = -1;
	for (int i = 0; i < na; i++)
		if (a[i] != b[i])
			d++, at = i;
	return d == 0 || (d == 1 && cb[at] <= ca[at]);
}

/* The words of the page's first nw0 in cell c, their mean confidence in
 * *old: 0 when it has none, or one reaching well out of it (read across
 * cells: its other part would be lost), or when scraps (only words of
 * one or two characters without Chinese may stand in it) and it holds
 * another, or when not and it holds a figure (the rule between a label
 * and its amount is missing there, and the cell is two). */
static int cell_words(const gk_ocrw *ws, const gk_ocrw_box *c, int nw0, int gh, int scraps, float *old)
{
	float sum = 0;
	int n = 0;
	for (int i = 0; i < nw0; i++) {
		const word *w = &ws->wd[i];
		if (!in_cell(w, c))
			continue;
		if (w->l < c->l - gh || w->r > c->r + gh)
			return 0;
		if (scraps ? strlen(w->text) > 2 || gk_ocrw_has_cjk(w->text) : gk_ocrw_ndigits(w->text) >= 2)
			return 0;
		sum += w->conf;
		n++;
	}
	*old = n ? sum / (float)n : 0;
	return n > 0;
}

/* Is the reading of narrow cell c (words from nw1 on) one code of a
 * classification's part: two or three digits alone (类 201, 款 03, 项
 * 01), in a cell no wider than six glyphs?  Garbage read over a row's
 * 款 and 项 cells ("施芝加大" over "05" "01") reads so alone. */
static int code_cell(const gk_ocrw *ws, const gk_ocrw_box *c, int nw1, int gh)
{
	if (ws->nw != nw1 + 1 || c->r - c->l > 6 * gh)
		return 0;
	const char *t = ws->wd[nw1].text;
	size_t n = strlen(t);
	return (n == 2 || n == 3) && gk_ocrw_alldigits(t);
}

/* Are the words from `from` on one amount with a point? */
static int one_amount(const gk_ocrw *ws, int from)
{
	char all[64] = "";
	size_t m = 0;
	for (int i = from; i < ws->nw && m < sizeof all - 1; i++)
		m += (size_t)snprintf(all + m, sizeof all - m, "%s", ws->wd[i].text);
	return m < sizeof all - 1 && strchr(all, '.') && gk_ocr_fix_amount(all);
}

/* Cell c, whose garbage (a figure read as "二号到", confidence 5) chi_sim
 * read again with figures in it, read by the digits' engine: taken when
 * its words make one amount with a point, read surely (CELL_MIN, and
 * CELL_GAIN over the old words' old).  A label and its amount in one
 * cell read so make no one amount.  1 when taken. */
static int amount_cell(reading *r, const gk_ocrw_box *c, int gh, int nw0, float old)
{
	gk_ocrw *ws = &r->ws;
	float now;
	int cjk, dig;
	int nw1 = read_cell(r, r->o->digit, PSM_SINGLE_LINE, c, gh, &now, &cjk, &dig);
	if (!dig || !one_amount(ws, nw1) || now < CELL_MIN || now < old + CELL_GAIN) {
		unread(ws, nw1);
		return 0;
	}
	clear_cell(ws, c, nw0);
	if (r->dbg)
		fprintf(r->dlog, "cell %d,%d: an amount\n", c->l, c->t);
	return 1;
}

/* Cell c holding a doubtful word with Chinese read again with chi_sim:
 * its reading replaces the words of the page's first nw0 whose middle
 * lies in it when surer (CELL_GAIN, CELL_MIN).  A cell holding a figure,
 * or read with one, is left: a rule between a label and its amount that
 * is missing on a row makes two cells one.  1 when it did. */
static int reread_head_cell(reading *r, const gk_ocrw_box *c, int gh, int nw0)
{
	gk_ocrw *ws = &r->ws;
	float old;
	if (!cell_words(ws, c, nw0, gh, 0, &old))
		return 0;
	float now;
	int cjk, dig;
	int nw1 = read_cell(r, r->o->cjk, PSM_SINGLE_LINE, c, gh, &now, &cjk, &dig);
	int fig = 0, anydig = 0;
	for (int i = nw1; i < ws->nw; i++) {
		fig |= gk_ocrw_ndigits(ws->wd[i].text) >= 2;
		anydig |= gk_ocrw_ndigits(ws->wd[i].text) > 0;
	}
	int code = !cjk && code_cell(ws, c, nw1, gh);
	int same = one_apart(ws, c, nw0, nw1);
	if (r->dbg)
		fprintf(r->dlog, "cell %d,%d: was %.0f%s%s\n", c->l, c->t, old, same ? ", the same but for a character" : "",
		        code ? ", a code" : "");
	if (!((cjk && !fig) || code) || now < CELL_MIN || now < old + CELL_GAIN || same) {
		unread(ws, nw1);
		return anydig && !same && amount_cell(r, c, gh, nw0, old);
	}
	clear_cell(ws, c, nw0);
	return 1;
}

/* Cell c holding only doubtful scraps of a figure (a wide amount wrapped
 * in its cell, "576,171.1" over "1", read "5" and "1" at 12 and 36) read
 * again by the digits' engine as a block: taken when its words, in
 * order, make one amount with a point, read surely (CELL_GAIN,
 * CELL_MIN).  Its lines stay as read: a figure wrapped in its cell is
 * joined downstream, as on a text layer.  Read unsurely but far longer
 * than the scraps, the scraps go (a wide figure is no unit code "51"),
 * and 0 is returned.  1 when it took the reading. */
static int reread_figure_cell(reading *r, const gk_ocrw_box *c, int gh, int nw0)
{
	gk_ocrw *ws = &r->ws;
	float old;
	if (!cell_words(ws, c, nw0, gh, 1, &old))
		return 0;
	float now;
	int cjk, dig;
	int nw1 = read_cell(r, r->o->digit, PSM_SINGLE_LINE, c, gh, &now, &cjk, &dig);
	char all[64] = "";
	size_t m = 0;
	for (int i = nw1; i < ws->nw && m < sizeof all - 1; i++)
		m += (size_t)snprintf(all + m, sizeof all - m, "%s", ws->wd[i].text);
	int nd = gk_ocrw_ndigits(all);
	int amount = m < sizeof all - 1 && strchr(all, '.') && gk_ocr_fix_amount(all);
	if (!dig || !amount || now < CELL_MIN || now < old + CELL_GAIN) {
		unread(ws, nw1);
		/* unsure, but the cell's ink holds a figure far longer than the
		 * scraps: they are no figure of their own (a unit code "51") */
		int oldd = 0;
		for (int i = 0; i < nw0; i++)
			if (in_cell(&ws->wd[i], c))
				oldd += gk_ocrw_ndigits(ws->wd[i].text);
		if (!dig || nd < oldd + 3 || old >= CELL_CONF)
			return 0;
		clear_cell(ws, c, nw0);
		if (r->dbg)
			fprintf(r->dlog, "cell %d,%d,%d,%d: scraps of a longer figure dropped\n", c->l, c->t, c->r, c->b);
		return 0;
	}
	clear_cell(ws, c, nw0);
	return 1;
}

/* Is c a cell of a size a table's cell has: a glyph or more each way, no
 * taller than a head of six lines nor wider than half the page? */
static int cell_size(const gk_ocrw_box *c, int gh, int pw)
{
	return c->r - c->l >= gh && c->b - c->t >= gh && c->b - c->t <= 8 * gh && 2 * (c->r - c->l) <= pw;
}

/* Word w, an amount read with little confidence across a column's rule
 * ("15868.8351" over 15868.83 and the wrapped 576,171.1 / 1 of the next
 * column): the cells on either side of each rule it crosses are read
 * again by the digits' engine.  Their readings replace every word of the
 * page's first nw0 in those cells when each is all figures read surely.
 * 1 when they did. */
static int reread_span(reading *r, int wi, int gh, int pw, int nw0)
{
	gk_ocrw *ws = &r->ws;
	const word *w = &ws->wd[wi];
	int yc = (w->t + w->b) / 2;
	gk_ocrw_box cells[4];
	int nc = 0, x = w->l + 1;
	/* the rules inside the box, left to right: a cell at each side */
	for (;;) {
		int next = -1;
		for (int i = 0; i < r->nvr; i++) {
			const gk_ocrw_box *v = &r->vr[i];
			if (v->t <= yc && v->b >= yc && v->l > x && v->r < w->r - 1 && (next < 0 || v->l < r->vr[next].l))
				next = i;
		}
		int px = next < 0 ? w->r - 1 : r->vr[next].l - 1;
		if (nc == 4 || !gk_ocrw_cell(r->vr, r->nvr, r->hr, r->nhr, (x + px) / 2, yc, &cells[nc]) ||
		    !cell_size(&cells[nc], gh, pw))
			return 0;
		nc++;
		if (next < 0)
			break;
		x = r->vr[next].r + 1;
	}
	if (r->dbg)
		fprintf(r->dlog, "span '%s': %d cells\n", w->text, nc);
	if (nc < 2)
		return 0;
	int nw1 = ws->nw;
	for (int q = 0; q < nc; q++) {
		float now;
		int cjk, dig;
		int from = read_cell(r, r->o->digit, PSM_SINGLE_LINE, &cells[q], gh, &now, &cjk, &dig);
		if (ws->nw == from || !dig || now < CELL_MIN) {
			unread(ws, nw1);
			return 0;
		}
	}
	for (int i = 0; i < nw0; i++)
		for (int q = 0; q < nc; q++)
			if (i == wi || in_cell(&ws->wd[i], &cells[q])) {
				ws->wd[i].n = 0;
				ws->wd[i].text[0] = 0;
			}
	return 1;
}

/* Is c a mark no table's text is made of alone: punctuation, a stop or
 * a bar (not a digit, letter or ideograph)? */
static int mark_only(const gk_ocrw *ws, const word *w)
{
	for (int j = w->first; j < w->first + w->n; j++) {
		uint32_t c = ws->sy[j].cp;
		if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0x4E00 && c <= 0x9FFF))
			return 0;
	}
	return w->n > 0;
}

/* Words of marks alone standing on a column's rule are its trace ("。"
 * between 公用经费 and 项目支出总数, which glued the two heads into one
 * cell): they go. */
static void drop_rule_marks(reading *r)
{
	gk_ocrw *ws = &r->ws;
	for (int i = 0; i < ws->nw; i++) {
		word *w = &ws->wd[i];
		if (w->n == 0 || !mark_only(ws, w))
			continue;
		int yc = (w->t + w->b) / 2;
		for (int v = 0; v < r->nvr; v++)
			if (r->vr[v].l <= w->r + 2 && r->vr[v].r >= w->l - 2 && r->vr[v].t <= yc && r->vr[v].b >= yc) {
				w->n = 0;
				w->text[0] = 0;
				break;
			}
	}
}

/* The table's rules bound its cells, and a cell read alone reads well
 * where the page's layout went wrong:
 *   - a head's cell of two short lines ("日常公用支" over "出") strung into
 *     the line of its neighbours' heads comes back as garbage ("人有",
 *     confidence 25): each cell holding a doubtful word with Chinese is
 *     read again alone, as a block;
 *   - an amount read across a column's rule (reread_span). */
void gk_ocr_reread_cells(reading *r)
{
	gk_ocrw *ws = &r->ws;
	int gh = gk_ocrw_glyph_height(ws);
	if (r->nvr < 2 || r->nhr < 2 || gh <= 0)
		return;
	int pw = L.pixGetWidth(r->grey);
	drop_rule_marks(r);
	gk_ocrw_box done[MAX_CELLS];
	int nd = 0, nw0 = ws->nw;
	for (int i = 0; i < nw0 && nd < MAX_CELLS; i++) {
		const word *w = &ws->wd[i];
		if (w->n == 0 || w->conf >= CELL_CONF)
			continue;
		int cjk = gk_ocrw_has_cjk(w->text);
		if (!cjk && gk_ocrw_ndigits(w->text) >= 3) {
			if (reread_span(r, i, gh, pw, nw0))
				r->out->ncell_pass++, nd++;
			continue;
		}
		/* Chinese, or a character or two (a head's glyphs read as "2") */
		if (!cjk && strlen(w->text) > 2)
			continue;
		gk_ocrw_box c;
		if (!gk_ocrw_cell(r->vr, r->nvr, r->hr, r->nhr, (w->l + w->r) / 2, (w->t + w->b) / 2, &c) ||
		    !cell_size(&c, gh, pw))
			continue;
		/* a cell met before, or one overlapping it (a rule broken
		 * where text touched it joins two cells into one) */
		int seen = 0;
		for (int q = 0; q < nd; q++)
			seen |= done[q].l <= c.r && c.l <= done[q].r && done[q].t <= c.b && c.t <= done[q].b;
		if (seen)
			continue;
		done[nd++] = c;
		/* a digit or two may be a figure's scraps or a head's garbage */
		if ((!cjk && gk_ocrw_alldigits(w->text) && reread_figure_cell(r, &c, gh, nw0)) ||
		    reread_head_cell(r, &c, gh, nw0))
			r->out->ncell_pass++;
	}
}

/* ---- ink no word covers ------------------------------------------------ */

/* at most this many regions of a page are read again */
#define MAX_GAPS 64
/* a region's words are kept when read with this mean confidence */
#define GAP_CONF 60.0f

/* the words from ws->wd[nw0] on, read in a crop framed by FRAME px and
 * scaled k times whose origin on the page is l,t, moved onto the page */
static void place_words(gk_ocrw *ws, int nw0, int ns0, int l, int t, int k)
{
#define PX(v) ((v) - FRAME) / k + l
#define PY(v) ((v) - FRAME) / k + t
	for (int i = nw0; i < ws->nw; i++) {
		word *x = &ws->wd[i];
		x->l = PX(x->l), x->r = PX(x->r), x->ll = PX(x->ll), x->lr = PX(x->lr);
		x->t = PY(x->t), x->b = PY(x->b), x->lt = PY(x->lt), x->lb = PY(x->lb);
	}
	for (int i = ns0; i < ws->ns; i++) {
		ws->sy[i].l = PX(ws->sy[i].l), ws->sy[i].r = PX(ws->sy[i].r);
		ws->sy[i].t = PY(ws->sy[i].t), ws->sy[i].b = PY(ws->sy[i].b);
	}
#undef PX
#undef PY
}

/* An amount's digits lower than this (px) are scaled up to it: Tesseract
 * reads "5.0" 12 px high as "." or nothing */
#define AMOUNT_PX 30

/* Crop [l, r) x [t, b) of grey, k times larger, framed, as api's image. */
int gk_ocr_set_scaled_crop(TessBaseAPI *api, PIX *grey, int l, int t, int r, int b, int k, PIX **framed)
{
	BOX *box = L.boxCreate(l, t, r - l, b - t);
	PIX *crop = box ? L.pixClipRectangle(grey, box, NULL) : NULL;
	L.boxDestroy(&box);
	PIX *big = crop ? L.pixScale(crop, (float)k, (float)k) : NULL;
	L.pixDestroy(&crop);
	*framed = big ? L.pixAddBorder(big, FRAME, 255) : NULL;
	L.pixDestroy(&big);
	if (!*framed)
		return 0;
	int dpi = L.pixGetXRes(grey) > 0 ? L.pixGetXRes(grey) : OCR_DPI;
	L.TessBaseAPISetImage2(api, *framed);
	L.TessBaseAPISetSourceResolution(api, dpi * k);
	return 1;
}

static int ink_at(PIX *ink, int x, int y)
{
	l_uint32 *row = L.pixGetData(ink) + (size_t)y * (size_t)L.pixGetWpl(ink);
	return GET_DATA_BIT(row, x) != 0;
}

/* Does column x of ink hold ink on every row of [t, b]? */
static int full_column(PIX *ink, int x, int t, int b)
{
	for (int y = t; y <= b; y++)
		if (!ink_at(ink, x, y))
			return 0;
	return 1;
}

/* A short amount's box without the sliver of a ruling line its last or
 * first digit touches (a table too small for its rules to be found as
 * rules: "5.0|"): the columns at its edges inked from top to bottom, when
 * the ink left stands lower than them.  A '1' at the edge is as high as
 * the digits beside it, and stays. */
static void trim_rule(PIX *ink, gk_ocrw_box *g)
{
	if (!ink)
		return;
	int W = L.pixGetWidth(ink), H = L.pixGetHeight(ink);
	if (g->l < 0 || g->t < 0 || g->r >= W || g->b >= H)
		return;
	int l = g->l, r = g->r;
	while (l < r && full_column(ink, l, g->t, g->b))
		l++;
	while (r > l && full_column(ink, r, g->t, g->b))
		r--;
	if (l == g->l && r == g->r)
		return;
	int t = g->b + 1, b = g->t - 1;
	for (int y = g->t; y <= g->b; y++)
		for (int x = l; x <= r; x++)
			if (ink_at(ink, x, y)) {
				t = y < t ? y : t, b = y > b ? y : b;
				break;
			}
	if (b < t || b - t + 3 > g->b - g->t)
		return;
	/* a pixel off the sliver: its ink bleeds a little */
	g->l = l == g->l ? l : l + 1, g->r = r == g->r ? r : r - 1, g->t = t, g->b = b;
}

/* Read region g (one line) with chi_sim alone, or with the digits' engine
 * when it is a short amount found by its digits' shapes (gk_ocrw_gaps): its words join ws on a new line when
 * read with confidence and with a character that is no punctuation.  1
 * when they did. */
static int read_region(reading *r, const gk_ocrw_box *g, int gh, int line0)
{
	TessBaseAPI *api = g->amount ? r->o->digit : r->o->cjk;
	gk_ocrw_box trimmed = *g;
	if (g->amount) {
		trim_rule(r->ink, &trimmed);
		g = &trimmed;
	}
	gk_ocrw *ws = &r->ws;
	/* an amount's box is its digits': a pad would take in the rule */
	int W = L.pixGetWidth(r->grey), H = L.pixGetHeight(r->grey), pad = g->amount ? 0 : gh / 3;
	int l = g->l - pad > 0 ? g->l - pad : 0, t = g->t - pad > 0 ? g->t - pad : 0;
	int rr = g->r + pad < W ? g->r + pad : W - 1, b = g->b + pad < H ? g->b + pad : H - 1;
	PIX *framed = NULL;
	int k = 1;
	if (g->amount && g->b - g->t + 1 < AMOUNT_PX)
		k = (AMOUNT_PX + g->b - g->t) / (g->b - g->t + 1);
	k = k > 4 ? 4 : k;
	if (!gk_ocr_set_scaled_crop(api, r->grey, l, t, rr + 1, b + 1, k, &framed))
		return 0;
	int nw0 = ws->nw, ns0 = ws->ns;
	if (L.TessBaseAPIRecognize(api, NULL) == 0)
		gk_ocr_collect(api, ws, line0);
	L.TessBaseAPIClear(api);
	L.pixDestroy(&framed);
	float sum = 0;
	int solid = 0;
	for (int i = nw0; i < ws->nw; i++) {
		sum += ws->wd[i].conf;
		solid |= gk_ocrw_has_cjk(ws->wd[i].text) || gk_ocrw_ndigits(ws->wd[i].text) > 0;
	}
	if (r->dbg && ws->nw == nw0)
		fprintf(r->dlog, "gap %d,%d,%d,%d read nothing\n", g->l, g->t, g->r, g->b);
	int keep = ws->nw > nw0 && solid && sum / (float)(ws->nw - nw0) >= GAP_CONF;
	/* a short amount's point is a speck the engine loses or makes up
	 * ("10" for "1.0", "50" for "5.0" whose point touches the 0): the
	 * reading stands only with a point the ink shows too */
	if (keep && g->amount) {
		int dot = 0;
		for (int i = nw0; i < ws->nw; i++)
			dot |= strchr(ws->wd[i].text, '.') != NULL;
		gk_ocrw_ink ink = {L.pixGetData(r->grey), L.pixGetWidth(r->grey), L.pixGetHeight(r->grey),
		                   L.pixGetWpl(r->grey)};
		keep = dot && gk_ocrw_has_point(&ink, g);
	}
	if (r->dbg)
		for (int i = nw0; i < ws->nw; i++)
			fprintf(r->dlog, "gap %d,%d,%d,%d read '%s' (%.0f)%s\n", g->l, g->t, g->r, g->b, ws->wd[i].text,
			        ws->wd[i].conf, keep ? "" : ", dropped");
	if (!keep) {
		ws->nw = nw0;
		ws->ns = ns0;
		return 0;
	}
	place_words(ws, nw0, ns0, l, t, k);
	return 1;
}

/* Tesseract's layout (PSM 4) now and then drops a whole column that is
 * plainly printed (登封's 类型 column of 特定目标类).  The ink of the
 * cleaned page that no word's box or symbol covers is grouped into lines
 * of glyphs (gk_ocrw_gaps) and each is read on its own; on a page read
 * whole this finds nothing, and costs a pass of connected components. */
void gk_ocr_read_gaps(reading *r)
{
	gk_ocrw *ws = &r->ws;
	int gh = gk_ocrw_glyph_height(ws);
	if (!r->ink || gh <= 0)
		return;
	int m = gh / 8 + 1; /* a glyph's ink bleeds past its box */
	for (int i = 0; i < ws->nw; i++) {
		const word *x = &ws->wd[i];
		int l = x->l, t = x->t, rr = x->r, b = x->b;
		for (int j = x->first; j < x->first + x->n; j++) {
			const sym *y = &ws->sy[j];
			l = y->l < l ? y->l : l, t = y->t < t ? y->t : t;
			rr = y->r > rr ? y->r : rr, b = y->b > b ? y->b : b;
		}
		BOX *box = L.boxCreate(l - m, t - m, rr - l + 2 * m + 1, b - t + 2 * m + 1);
		if (box)
			L.pixClearInRect(r->ink, box);
		L.boxDestroy(&box);
	}
	BOXA *ba = L.pixConnCompBB(r->ink, 8);
	int n = ba ? L.boxaGetCount(ba) : 0;
	gk_ocrw_box *cc = gk_malloc((size_t)(n ? n : 1) * sizeof *cc), reg[MAX_GAPS];
	int k = 0;
	for (int i = 0; i < n; i++) {
		l_int32 x, y, w, h;
		if (L.boxaGetBoxGeometry(ba, i, &x, &y, &w, &h) == 0)
			cc[k++] = (gk_ocrw_box){x, y, x + w - 1, y + h - 1, 0};
	}
	L.boxaDestroy(&ba);
	int nr = gk_ocrw_gaps(ws, cc, k, gh, reg, MAX_GAPS);
	free(cc);
	int line0 = 0;
	for (int i = 0; i < ws->nw; i++)
		if (ws->wd[i].line >= line0)
			line0 = ws->wd[i].line + 1;
	/* Otsu's threshold of a crop of faded print fattens its strokes into
	 * blobs that the line's layout discards (nothing read at all);
	 * Sauvola's, local, keeps them apart */
	if (nr > 0) {
		L.TessBaseAPISetVariable(r->o->cjk, "thresholding_method", "2");
		L.TessBaseAPISetVariable(r->o->digit, "thresholding_method", "2");
	}
	for (int i = 0; i < nr; i++)
		if (read_region(r, &reg[i], gh, line0))
			line0++, r->out->ngap_pass++;
	if (nr > 0) {
		L.TessBaseAPISetVariable(r->o->cjk, "thresholding_method", "0");
		L.TessBaseAPISetVariable(r->o->digit, "thresholding_method", "0");
	}
	if (r->dbg)
		fprintf(r->dlog, "ocr: %d components uncovered, %d regions read again, %d kept (glyphs %d px)\n", k, nr,
		        r->out->ngap_pass, gh);
}

/* the mean confidence of words i..j-1, those left of cut if cut > 0 */
static float mean_conf_before(const word *wd, int i, int j, int cut)
{
	float sum = 0;
	int n = 0;
	for (int k = i; k < j; k++)
		if (!cut || wd[k].l < cut)
			sum += wd[k].conf, n++;
	return n ? sum / n : 100;
}

/* A tall line read whole took in figures: it was a row's label, standing
 * between the lines of a wrapped cell beside it (绩效目标), and its line's
 * box spans the figures another line holds.  The label is read again
 * alone, up to the row's first figure.  Returns that cut (px), 0 when
 * there is none or the label's reading is no better. */
static int reread_label(reading *r, int i, int j, const word *line, char *text, size_t cap, float *c, int *end)
{
	const word *wd = r->ws.wd;
	int cut = 0;
	for (int k = 0; k < r->ws.nw; k++) {
		const word *y = &wd[k];
		int ov = (y->b < line->b ? y->b : line->b) - (y->t > line->t ? y->t : line->t);
		if (y->line != wd[i].line && gk_ocrw_amountish(y->text) && strpbrk(y->text, ".,") && y->l > wd[i].r &&
		    2 * ov >= y->b - y->t && (!cut || y->l < cut))
			cut = y->l;
	}
	if (!cut)
		return 0;
	/* the label's own ink, not the rule before the figures: it ends
	 * at a blank a glyph wide */
	word lab = *line;
	lab.r = cut - 1;
	int gh = wd[i].b - wd[i].t;
	gk_ocrw_ink grey = {L.pixGetData(r->grey), L.pixGetWidth(r->grey), L.pixGetHeight(r->grey), L.pixGetWpl(r->grey)};
	int e = gk_ocrw_ink_right_gap(&grey, &lab, gh);
	if (e > lab.l && e < lab.r - gh / 4)
		lab.r = e + gh / 4;
	*end = lab.r;
	for (int k = i; k < j; k++) /* a second cell's words before the figures */
		if (wd[k].l > lab.r && wd[k].l < cut && gk_ocrw_has_cjk(wd[k].text))
			return 0;
	int left = 0;
	for (int k = i; k < j; k++)
		left += wd[k].l < cut && gk_ocrw_has_cjk(wd[k].text);
	if (!left || !gk_ocr_reread(r->o->cjk, r->grey, &lab, text, cap, c) || !gk_ocrw_has_cjk(text) ||
	    gk_ocrw_holds_decimals(text))
		return 0;
	return cut;
}

/* A title is what finds a table: a line printed larger than the page's
 * body text with a doubtful word in it is read again whole by chi_sim
 * alone, which reads a line of Chinese better than a word of it; its
 * reading replaces the line's when it is surer.  Fills r->over/overc. */
/* How many of a ruled table's columns hold Chinese words of the line
 * [i, j): the distinct counts of vertical rules left of them */
static int cjk_columns(const reading *r, int i, int j)
{
	const word *wd = r->ws.wd;
	int seen[64], ns = 0;
	for (int q = i; q < j; q++) {
		if (!gk_ocrw_has_cjk(wd[q].text))
			continue;
		int xc = (wd[q].l + wd[q].r) / 2, yc = (wd[q].t + wd[q].b) / 2, n = 0;
		int lh = wd[q].lb - wd[q].lt;
		/* a column's rule reaches out of the line (a title's own tall
		 * strokes are found as rules too, within it) */
		for (int v = 0; v < r->nvr; v++)
			n += r->vr[v].r < xc && r->vr[v].t <= yc && r->vr[v].b >= yc &&
			     (r->vr[v].t < wd[q].lt - lh / 2 || r->vr[v].b > wd[q].lb + lh / 2);
		int dup = 0;
		for (int s = 0; s < ns; s++)
			dup |= seen[s] == n;
		if (!dup && ns < 64)
			seen[ns++] = n;
	}
	return ns;
}

void gk_ocr_reread_titles(reading *r)
{
	const word *wd = r->ws.wd;
	int nw = r->ws.nw;
	int body = gk_ocrw_body_size(wd, nw);
	for (int i = 0; i < nw;) {
		int j = i;
		float minc = 100;
		int cjk = 0, hmax = 0, amounts = 0;
		while (j < nw && wd[j].line == wd[i].line) {
			/* a title holds no figure: a row whose label wraps over
			 * two lines is tall too, and its figures are read better
			 * as words */
			amounts += gk_ocrw_amountish(wd[j].text) && strpbrk(wd[j].text, ".,");
			if (wd[j].conf < minc)
				minc = wd[j].conf;
			if (gk_ocrw_has_cjk(wd[j].text)) {
				cjk = 1;
				if (wd[j].b - wd[j].t > hmax)
					hmax = wd[j].b - wd[j].t;
			}
			j++;
		}
		word line = wd[i];
		line.l = wd[i].ll, line.r = wd[i].lr, line.t = wd[i].lt, line.b = wd[i].lb;
		char text[160];
		float c = 0;
		int cut = 0, end = 0;
		/* a line of heads in three columns of a ruled table is no title */
		if (body > 0 && hmax * 4 >= body * 5 && minc < 70 && cjk && !amounts && j - i <= 40 &&
		    cjk_columns(r, i, j) < 3 &&
		    gk_ocr_reread(r->o->cjk, r->grey, &line, text, sizeof text, &c) && gk_ocrw_has_cjk(text) &&
		    (!gk_ocrw_holds_decimals(text) || (cut = reread_label(r, i, j, &line, text, sizeof text, &c, &end)) > 0) &&
		    c > mean_conf_before(wd, i, j, cut)) {
			if (!r->over) {
				r->over = gk_calloc((size_t)nw, sizeof *r->over);
				r->overc = gk_calloc((size_t)nw, sizeof *r->overc);
				r->overr = gk_calloc((size_t)nw, sizeof *r->overr);
				r->overe = gk_calloc((size_t)nw, sizeof *r->overe);
			}
			snprintf(r->over[i], sizeof r->over[i], "%s", text);
			r->overc[i] = c;
			r->overr[i] = cut;
			r->overe[i] = end;
			r->out->nline_pass++;
			if (r->dbg)
				fprintf(r->dlog, "line %d read again: '%s' (%.0f)\n", wd[i].line, text, c);
		}
		i = j;
	}
}
