/*
 * ocr.c - a page image -> glyphs with boxes and confidences (Tesseract).
 *
 * The page is rendered by poppler onto a cairo surface at OCR_DPI and
 * turned into 8-bit grey, then cleaned with Leptonica before Tesseract
 * sees it, in this order:
 *
 *   1. median filter (3x3), only when the background is noisy: binarising
 *      or scaling noise first makes it worse;
 *   2. deskew (pixFindSkew on the binarised page and on its darker ink
 *      alone, see page_skew, then a rotation of the grey page);
 *   3. ruling lines found by morphological opening of the binarised page
 *      with long thin bricks, and painted white: left in, they make
 *      Tesseract read no amounts at all or glue the border onto them
 *      ("477.24|").  The vertical ones are kept: they are the columns.
 *
 * Tesseract (chi_sim+eng, page segmentation mode 4) then gives words and
 * their symbols.  A word that looks like an amount and was read with low
 * confidence is read again on its own by a second engine that knows only
 * digits and separators; the better-shaped reading wins.  Parts of the
 * page are read again (extract/ocrpass.c): bands of lines read as garbage,
 * ink no word covers, titles.  The words are mended between
 * (extract/ocrwords.c).  The libraries' functions and what the two files
 * share are in extract/ocrint.h.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "ocr.h"
#include "ocrint.h"

#include "gk.h"
#include "ocrwords.h"
#include "ptext.h"

#include <cairo.h>
#include <ctype.h>
#include <dlfcn.h>
#include <leptonica/allheaders.h>
#include <math.h>
#include <poppler.h>
#include <stdlib.h>
#include <string.h>
#include <tesseract/capi.h>
#include <time.h>
#include <unistd.h>

/* glyphs should be about this high (px, upper quartile of the ink's
 * connected components) and are rendered at up to MAX_DPI to be */
#define TEXT_PX 24
#define MAX_DPI 450
/* a background standard deviation above this (grey levels) is noise */
#define NOISE_SD 4.0
/* ruling lines are at least this long (inches): longer than any stroke of
 * a title character, shorter than any table border */
#define RULE_IN 0.35
/* pieces of one horizontal rule this far apart (inches) are one rule: text
 * touching a rule breaks it where the rules are taken off the page */
#define RULE_GAP_IN 0.3
/* grey under this is a light rule's ink (a grey fill prints lighter) */
#define LIGHT_RULE 225
/* the skew is measured again on the ink this much darker than Otsu's
 * threshold; a sweep this sharp (Leptonica's confidence) is sure, or
 * this one when both measures agree within SKEW_AGREE degrees */
#define SKEW_DARKER 40
#define SKEW_CONF 2.5f
#define SKEW_CONF_AGREED 1.5f
#define SKEW_AGREE 0.1f
/* an amount-shaped word read with less confidence than this is read again
 * with digits only */
#define DIGIT_CONF 85.0f
/* a word read as Latin letters with less confidence than this is read
 * again by chi_sim alone */
#define LATIN_CONF 92.0f
/* a code read as a character with less confidence than this is read
 * again */
#define CODE_GLYPH_CONF 50.0f
/* a code read so is taken from the digits' engine alone at this
 * confidence when this many other rows print codes in its column */
#define CODE_COLUMN_CONF 50.0f
#define CODE_COLUMN_ROWS 3


/* Tesseract and Leptonica are loaded when the first page needs them, not
 * when the program starts: the text-layer path pays nothing for them (the
 * libraries cost some 35 ms of start-up to every process), and OpenMP,
 * loaded with them, reads OMP_THREAD_LIMIT then: one thread, set here
 * unless the caller chose.  Tesseract's threads cost three times the CPU
 * for the same page; a process per core is faster. */
/* the functions of both libraries: extract/ocrint.h */
struct gk_ocr_lib gk_ocr_lib;
static int loaded; /* 0 not tried, 1 loaded, -1 failed */
static char load_err[256];

static void *open_first(const char *const *names)
{
	void *h = NULL;
	for (int i = 0; names[i] && !h; i++)
		h = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
	return h;
}

static int load_libs(char **err)
{
	if (loaded == 0) {
		loaded = -1;
		setenv("OMP_THREAD_LIMIT", "1", 0);
		static const char *const tn[] = {"libtesseract.so.5", "libtesseract.so", NULL};
		static const char *const ln[] = {"liblept.so.5", "libleptonica.so.6", "liblept.so", "libleptonica.so", NULL};
		void *t = open_first(tn);
		void *l = t ? open_first(ln) : NULL;
		const char *missing = !t ? "libtesseract" : !l ? "libleptonica" : NULL;
		if (!missing) {
#define X(f) if (!missing && !(L.f = (__typeof__(f) *)dlsym(l, #f))) missing = #f;
			LEPT_FUNCS(X)
#undef X
#define X(f) if (!missing && !(L.f = (__typeof__(f) *)dlsym(t, #f))) missing = #f;
			TESS_FUNCS(X)
#undef X
		}
		if (missing)
			snprintf(load_err, sizeof load_err, "cannot load %s (install libtesseract5, liblept5)", missing);
		else
			loaded = 1;
	}
	if (loaded < 0) {
		*err = gk_strdup(load_err);
		return -1;
	}
	return 0;
}



static TessBaseAPI *engine(const char *lang, char **err)
{
	TessBaseAPI *api = L.TessBaseAPICreate();
	/* no "Estimating resolution" chatter, no config files read */
	if (L.TessBaseAPIInit3(api, NULL, lang) != 0) {
		L.TessBaseAPIDelete(api);
		*err = gk_strfmt("cannot load the Tesseract language data '%s' (install tesseract-ocr-chi-sim, tesseract-ocr-eng)", lang);
		return NULL;
	}
	L.TessBaseAPISetVariable(api, "debug_file", "/dev/null");
	/* no second reading of each doubtful line upside down in negative:
	 * budgets print dark on light, and it costs a third of the time */
	L.TessBaseAPISetVariable(api, "tessedit_do_invert", "0");
	return api;
}

gk_ocr *gk_ocr_new(char **err)
{
	*err = NULL;
	if (load_libs(err) < 0)
		return NULL;
	gk_ocr *o = gk_calloc(1, sizeof *o);
	const char *lang = getenv("GK_OCR_LANG");
	o->api = engine(lang && *lang ? lang : "chi_sim", err);
	if (!o->api) {
		free(o);
		return NULL;
	}
	L.TessBaseAPISetPageSegMode(o->api, PSM_SINGLE_COLUMN);
	/* table rows keep their spacing: no word is merged over a column gap */
	L.TessBaseAPISetVariable(o->api, "preserve_interword_spaces", "1");
	o->digit = engine("eng", err);
	if (!o->digit) {
		L.TessBaseAPIEnd(o->api);
		L.TessBaseAPIDelete(o->api);
		free(o);
		return NULL;
	}
	L.TessBaseAPISetPageSegMode(o->digit, PSM_SINGLE_LINE);
	L.TessBaseAPISetVariable(o->digit, "tessedit_char_whitelist", "0123456789.,-");
	o->cjk = engine("chi_sim", err);
	if (!o->cjk) {
		L.TessBaseAPIEnd(o->api);
		L.TessBaseAPIDelete(o->api);
		L.TessBaseAPIEnd(o->digit);
		L.TessBaseAPIDelete(o->digit);
		free(o);
		return NULL;
	}
	L.TessBaseAPISetPageSegMode(o->cjk, PSM_SINGLE_LINE);
	return o;
}

void gk_ocr_drop(gk_ocr *o)
{
	if (!o)
		return;
	L.TessBaseAPIEnd(o->api);
	L.TessBaseAPIDelete(o->api);
	L.TessBaseAPIEnd(o->digit);
	L.TessBaseAPIDelete(o->digit);
	L.TessBaseAPIEnd(o->cjk);
	L.TessBaseAPIDelete(o->cjk);
	free(o);
}

void gk_ocr_page_clear(gk_ocr_page *p)
{
	free(p->glyph);
	free(p->vrule);
	memset(p, 0, sizeof *p);
}

/* ---- the image ---------------------------------------------------------- */

static PIX *render(PopplerPage *page, double w, double h, int dpi)
{
	int pw = (int)lround(w * dpi / 72.0), ph = (int)lround(h * dpi / 72.0);
	if (pw < 16 || ph < 16 || pw > 20000 || ph > 20000)
		return NULL;
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pw, ph);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		return NULL;
	}
	cairo_t *cr = cairo_create(s);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, dpi / 72.0, dpi / 72.0);
	poppler_page_render(page, cr);
	cairo_destroy(cr);
	cairo_surface_flush(s);
	PIX *pix = L.pixCreate(pw, ph, 8);
	if (!pix) {
		cairo_surface_destroy(s);
		return NULL;
	}
	L.pixSetResolution(pix, dpi, dpi);
	const unsigned char *d = cairo_image_surface_get_data(s);
	int stride = cairo_image_surface_get_stride(s);
	l_uint32 *pd = L.pixGetData(pix);
	int wpl = L.pixGetWpl(pix);
	for (int y = 0; y < ph; y++) {
		const uint32_t *src = (const uint32_t *)(const void *)(d + (size_t)y * (size_t)stride);
		l_uint32 *line = pd + (size_t)y * (size_t)wpl;
		for (int x = 0; x < pw; x++) {
			uint32_t p = src[x];
			unsigned g = (((p >> 16) & 255) * 299 + ((p >> 8) & 255) * 587 + (p & 255) * 114) / 1000;
			SET_DATA_BYTE(line, x, g);
		}
	}
	cairo_surface_destroy(s);
	return pix;
}

/* standard deviation of the light (background) pixels, sampled */
static double background_sd(PIX *pix)
{
	int w = L.pixGetWidth(pix), h = L.pixGetHeight(pix), wpl = L.pixGetWpl(pix);
	l_uint32 *d = L.pixGetData(pix);
	double sum = 0, sum2 = 0;
	long n = 0;
	for (int y = 0; y < h; y += 3) {
		l_uint32 *line = d + (size_t)y * (size_t)wpl;
		for (int x = 0; x < w; x += 3) {
			int v = GET_DATA_BYTE(line, x);
			if (v >= 170) {
				sum += v;
				sum2 += (double)v * v;
				n++;
			}
		}
	}
	if (n < 100)
		return 0;
	double m = sum / n;
	double var = sum2 / n - m * m;
	return var > 0 ? sqrt(var) : 0;
}

/* The page's text height: the median height of the tallest connected
 * component in each small cell of ink, px (0: no text).  Parts of a
 * character are shorter than the character; the tallest part of a
 * character-sized neighbourhood is close to it. */
static int text_height(PIX *grey)
{
	PIX *bin = L.pixThresholdToBinary(grey, 150);
	if (!bin)
		return 0;
	BOXA *b = L.pixConnCompBB(bin, 8);
	L.pixDestroy(&bin);
	int n = b ? L.boxaGetCount(b) : 0;
	int *h = gk_malloc((size_t)(n ? n : 1) * sizeof *h), m = 0;
	for (int i = 0; i < n; i++) {
		l_int32 x, y, w, hh;
		if (L.boxaGetBoxGeometry(b, i, &x, &y, &w, &hh) == 0 && hh >= 3 && hh <= 200 && w <= 4 * hh && w >= 2)
			h[m++] = hh;
	}
	L.boxaDestroy(&b);
	int med = 0;
	if (m >= 20) {
		qsort(h, (size_t)m, sizeof *h, gk_ocrw_cmp_int);
		med = h[m * 3 / 4]; /* the upper quartile: whole glyphs, not their dots */
	}
	free(h);
	return med;
}

/* Otsu's threshold of the whole page; *thr (may be NULL) gets the
 * grey level it cut at */
static PIX *binarise_at(PIX *grey, int *thr)
{
	PIX *bin = NULL, *th = NULL;
	int w = L.pixGetWidth(grey), h = L.pixGetHeight(grey);
	int t = 160;
	if (L.pixOtsuAdaptiveThreshold(grey, w, h, 0, 0, 0.1f, &th, &bin) != 0 || !bin)
		bin = L.pixThresholdToBinary(grey, 160);
	else {
		l_uint32 v = 0;
		if (th && L.pixGetPixel(th, 0, 0, &v) == 0)
			t = (int)v;
	}
	L.pixDestroy(&th);
	if (thr)
		*thr = t;
	return bin;
}

static PIX *binarise(PIX *grey)
{
	return binarise_at(grey, NULL);
}

/* The page's skew (degrees, as pixFindSkew gives it: the turn that
 * straightens it), or 0 when it is not found surely.  A sweep over
 * Otsu's binarisation can peak falsely when the threshold sits close to a
 * light, noisy background (a scan turned 0.55 deg one way read 0.36 deg
 * the other way, and was turned further off), so the skew is measured
 * again on the darker ink alone.  When the two agree (within SKEW_AGREE)
 * Otsu's angle is taken, sure at SKEW_CONF (Leptonica's confidence), or
 * at SKEW_CONF_AGREED in both: the faint print of some scans never gives
 * a sharp sweep.  When they disagree the sharper sweep is taken, sure at
 * SKEW_CONF. */
static double page_skew(reading *r, PIX *grey, PIX *bin, int thr)
{
	l_float32 a[2] = {0, 0}, c[2] = {0, 0};
	int ok[2];
	ok[0] = L.pixFindSkew(bin, &a[0], &c[0]) == 0;
	PIX *dark = thr - SKEW_DARKER > 32 ? L.pixThresholdToBinary(grey, thr - SKEW_DARKER) : NULL;
	ok[1] = dark && L.pixFindSkew(dark, &a[1], &c[1]) == 0;
	L.pixDestroy(&dark);
	double angle = 0;
	int sure = 0;
	if (ok[0] && ok[1] && fabsf(a[0] - a[1]) <= SKEW_AGREE) {
		angle = a[0];
		sure = c[0] >= SKEW_CONF || fminf(c[0], c[1]) >= SKEW_CONF_AGREED;
	} else {
		int k = ok[1] && (!ok[0] || c[1] > c[0]);
		angle = a[k];
		sure = ok[k] && c[k] >= SKEW_CONF;
	}
	if (r->dlog)
		fprintf(r->dlog, "skew: %.3f deg (%.2f) at Otsu's %d, %.3f deg (%.2f) at %d: %s\n", a[0], c[0], thr,
			a[1], c[1], thr - SKEW_DARKER, sure ? "taken" : "none");
	if (!sure || fabs(angle) < 0.04 || fabs(angle) >= 5)
		return 0;
	return angle;
}

/* the ruling lines of comps at least len px long (tall ones when vert,
 * wide ones when not), appended to *rules (px) */
static void keep_rules(PIX *comps, int len, int vert, gk_ocrw_box **rules, int *n, int thin)
{
	BOXA *boxa = L.pixConnComp(comps, NULL, 8);
	int nb = boxa ? L.boxaGetCount(boxa) : 0;
	int n0 = *n;
	for (int i = 0; i < nb; i++) {
		l_int32 bx, by, bw, bh;
		if (L.boxaGetBoxGeometry(boxa, i, &bx, &by, &bw, &bh) != 0 || (vert ? bh : bw) < len)
			continue;
		if (thin) {
			/* a light rule: thin, and none found already there */
			if ((vert ? bw : bh) > thin)
				continue;
			int dup = 0;
			for (int j = 0; j < n0 && !dup; j++) {
				const gk_ocrw_box *o = &(*rules)[j];
				dup = vert ? o->l <= bx + bw + 2 && bx <= o->r + 2 && o->t <= by + bh && by <= o->b
				           : o->t <= by + bh + 2 && by <= o->b + 2 && o->l <= bx + bw && bx <= o->r;
			}
			if (dup)
				continue;
		}
		*rules = gk_realloc(*rules, (size_t)(*n + 1) * sizeof **rules);
		(*rules)[(*n)++] = (gk_ocrw_box){bx, by, bx + bw - 1, by + bh - 1, 0};
	}
	L.boxaDestroy(&boxa);
}

/* Clean the page in place (r->grey may be replaced).  Vertical ruling
 * lines go to r->out (points) and r->vr, horizontal ones to r->hr (px);
 * r->ink gets the binarised page without its ruling lines (NULL when it
 * could not be made). */
static void clean(reading *r)
{
	PIX **grey = &r->grey, **ink = &r->ink;
	int dpi = r->dpi;
	gk_ocr_page *out = r->out;
	*ink = NULL;
	if (background_sd(*grey) > NOISE_SD) {
		PIX *m = L.pixRankFilterGray(*grey, 3, 3, 0.5f);
		if (m) {
			L.pixDestroy(grey);
			*grey = m;
		}
	}
	int thr;
	PIX *bin = binarise_at(*grey, &thr);
	if (!bin)
		return;
	double angle = page_skew(r, *grey, bin, thr);
	if (angle != 0) {
		PIX *r = L.pixRotate(*grey, (l_float32)(angle * M_PI / 180.0), L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0);
		if (r) {
			L.pixDestroy(grey);
			*grey = r;
			L.pixDestroy(&bin);
			bin = binarise(*grey);
			if (!bin)
				return;
		}
	}
	int len = (int)(RULE_IN * dpi);
	PIX *hor = L.pixOpenBrick(NULL, bin, len, 1);
	PIX *ver = L.pixOpenBrick(NULL, bin, 1, len);
	if (hor && ver) {
		PIX *mask = L.pixOr(NULL, hor, ver);
		PIX *wide = mask ? L.pixDilateBrick(NULL, mask, 5, 5) : NULL;
		if (wide) {
			L.pixPaintThroughMask(*grey, wide, 0, 0, 255);
			*ink = L.pixSubtract(NULL, bin, wide);
		}
		L.pixDestroy(&wide);
		L.pixDestroy(&mask);
		keep_rules(ver, len, 1, &r->vr, &r->nvr, 0);
		keep_rules(hor, len, 0, &r->hr, &r->nhr, 0);
		/* rules printed light grey (over a grey fill) fall under Otsu's
		 * threshold with the page's white: found at a lighter one, thin
		 * and twice as long (a title's strokes are as long as a rule's
		 * shortest) */
		PIX *light = L.pixThresholdToBinary(*grey, LIGHT_RULE);
		PIX *lh = light ? L.pixOpenBrick(NULL, light, 2 * len, 1) : NULL;
		PIX *lv = light ? L.pixOpenBrick(NULL, light, 1, 2 * len) : NULL;
		if (lh && lv) {
			keep_rules(lv, 2 * len, 1, &r->vr, &r->nvr, dpi / 30);
			keep_rules(lh, 2 * len, 0, &r->hr, &r->nhr, dpi / 30);
		}
		L.pixDestroy(&lh);
		L.pixDestroy(&lv);
		L.pixDestroy(&light);
		gk_ocrw_join_rules(r->hr, &r->nhr, (int)(RULE_GAP_IN * dpi));
		double k = 72.0 / dpi;
		for (int i = 0; i < r->nvr; i++) {
			const gk_ocrw_box *v = &r->vr[i];
			if (out->nvrule == out->vcap) {
				out->vcap = out->vcap ? out->vcap * 2 : 32;
				out->vrule = gk_realloc(out->vrule, (size_t)out->vcap * sizeof *out->vrule);
			}
			out->vrule[out->nvrule++] = (gk_ocr_rule){v->l * k, (v->r + 1) * k, v->t * k, (v->b + 1) * k};
		}
	}
	L.pixDestroy(&hor);
	L.pixDestroy(&ver);
	L.pixDestroy(&bin);
}

/* ---- recognition -------------------------------------------------------- */


static void add_glyph(gk_ocr_page *out, double k, int l, int t, int r, int b, double size, uint32_t cp, int w,
                      float conf, int brk)
{
	/* a bar is a ruling line's trace, no budget's character ("支出|",
	 * "合计||"); the token it began starts at its word's next glyph */
	if (cp == '|' || cp == 0xFF5C || cp == 0xA6) {
		if (brk)
			out->carry_w = w, out->carry_brk = brk;
		return;
	}
	if (out->carry_brk && out->carry_w == w && !brk)
		brk = out->carry_brk;
	out->carry_brk = 0;
	if (out->nglyph == out->gcap) {
		out->gcap = out->gcap ? out->gcap * 2 : 1024;
		out->glyph = gk_realloc(out->glyph, (size_t)out->gcap * sizeof *out->glyph);
	}
	out->glyph[out->nglyph++] = (gk_ocr_glyph){l * k, t * k, r * k, b * k, size * k, cp, w, conf, brk};
}

/* The box l,t,r,b of the page grown by pad, framed in FRAME px of white,
 * given to api to read: 0 when it cannot be cut.  *framed is the caller's
 * to destroy after reading. */
int gk_ocr_set_crop(TessBaseAPI *api, PIX *grey, int l, int t, int r, int b, int pad, PIX **framed)
{
	BOX *box = L.boxCreate(l - pad, t - pad, r - l + 2 * pad, b - t + 2 * pad);
	PIX *crop = box ? L.pixClipRectangle(grey, box, NULL) : NULL;
	L.boxDestroy(&box);
	if (!crop)
		return 0;
	*framed = L.pixAddBorder(crop, FRAME, 255);
	L.pixDestroy(&crop);
	if (!*framed)
		return 0;
	L.TessBaseAPISetImage2(api, *framed);
	L.TessBaseAPISetSourceResolution(api, L.pixGetXRes(grey) > 0 ? L.pixGetXRes(grey) : OCR_DPI);
	return 1;
}

/* What api read of the crop it was set (one line): 1 and text/conf set
 * when it read something; api cleared and framed destroyed */
static int read_text(TessBaseAPI *api, PIX **framed, char *text, size_t cap, float *conf)
{
	int ok = 0;
	if (L.TessBaseAPIRecognize(api, NULL) == 0) {
		char *t = L.TessBaseAPIGetUTF8Text(api);
		if (t) {
			size_t n = strlen(t);
			while (n && (t[n - 1] == '\n' || t[n - 1] == ' '))
				t[--n] = 0;
			/* one line: Tesseract spaces CJK characters apart */
			size_t m = 0;
			for (size_t i = 0; i < n; i++)
				if (t[i] != ' ' || (m > 0 && (unsigned char)text[m - 1] < 0x80 && i + 1 < n && (unsigned char)t[i + 1] < 0x80)) {
					if (m + 1 >= cap)
						break;
					text[m++] = t[i];
				}
			text[m] = 0;
			ok = m > 0;
			*conf = (float)L.TessBaseAPIMeanTextConf(api);
			L.TessDeleteText(t);
		}
	}
	L.TessBaseAPIClear(api);
	L.pixDestroy(framed);
	return ok;
}

/* Read a word again with another engine (one line): 1 and text/conf
 * set when it read something. */
int gk_ocr_reread(TessBaseAPI *api, PIX *grey, const word *w, char *text, size_t cap, float *conf)
{
	PIX *framed = NULL;
	if (!gk_ocr_set_crop(api, grey, w->l, w->t, w->r, w->b, 6, &framed))
		return 0;
	return read_text(api, &framed, text, cap, conf);
}

int gk_ocr_reread_scaled(TessBaseAPI *api, PIX *grey, int l, int t, int r, int b, int k, char *text, size_t cap,
                         float *conf)
{
	PIX *framed = NULL;
	if (!gk_ocr_set_scaled_crop(api, grey, l, t, r, b, k, &framed))
		return 0;
	return read_text(api, &framed, text, cap, conf);
}


/* glyphs of text spread evenly over a box */
static void spread(gk_ocr_page *out, double k, int l, int t, int r, int b, double size, const char *text, int w,
                   float conf)
{
	unsigned cps[160];
	int n = 0;
	size_t len = strlen(text);
	for (size_t q = 0; q < len && n < 160;) {
		unsigned cp;
		int m = gk_utf8_next((const unsigned char *)text + q, len - q, &cp);
		if (m <= 0)
			break;
		q += (size_t)m;
		cps[n++] = cp;
	}
	for (int j = 0; j < n; j++) {
		int x0 = l + (r - l) * j / n, x1 = l + (r - l) * (j + 1) / n;
		add_glyph(out, k, x0, t, x1 > x0 ? x1 : x0 + 1, b, size, cps[j], w, conf, j == 0);
	}
}

/* the first word of word i's line */
static int line_first(const word *wd, int i)
{
	int f = i;
	while (f > 0 && wd[f - 1].line == wd[i].line)
		f--;
	return f;
}

/* was word i's line read again (at its first word)? */
static int over_of(char (*over)[160], const word *wd, int i)
{
	return over[line_first(wd, i)][0] != 0;
}

/* does a line's cut reading (a label read alone, ocrpass.c) cover word
 * i of another line?  Two of Tesseract's lines can hold the same label's
 * ink; its words go for the reading's.  Figures never: the cut ends
 * before the row's first. */
static int over_covers(const reading *r, int i)
{
	const word *wd = r->ws.wd, *x = &wd[i];
	if (gk_ocrw_amountish(x->text))
		return 0;
	int cx = (x->l + x->r) / 2, cy = (x->t + x->b) / 2;
	for (int f = 0; f < r->ws.nw; f++) {
		const word *y = &wd[f];
		if (r->overr[f] && r->over[f][0] && y->line != x->line && cx >= y->ll && cx < r->overr[f] && cy >= y->lt &&
		    cy <= y->lb)
			return 1;
	}
	return 0;
}

/* ---- reading a page ----------------------------------------------------- */


static void reading_clear(reading *r)
{
	if (r->dlog)
		fclose(r->dlog);
	free(r->over);
	free(r->overc);
	free(r->overr);
	free(r->overe);
	free(r->vr);
	free(r->hr);
	gk_ocrw_clear(&r->ws);
	L.pixDestroy(&r->grey);
	L.pixDestroy(&r->ink);
}

/* Render at the resolution the print needs (GK_OCR_DPI or OCR_DPI, more
 * for small print): a new PIX, or NULL; *dpi and *th (the text height
 * found, px) set. */
static PIX *render_sized(PopplerPage *page, double w, double h, int *dpi_out, int *th_out)
{
	int dpi = getenv("GK_OCR_DPI") ? atoi(getenv("GK_OCR_DPI")) : OCR_DPI;
	if (dpi < 100 || dpi > 600)
		dpi = OCR_DPI;
	PIX *grey = render(page, w, h, dpi);
	if (!grey)
		return NULL;
	/* small print is read at a higher resolution: Tesseract wants glyphs
	 * some 30 px high; the scan has what it has, but finer steps do not
	 * merge the point of "6,273.0" into its digits */
	int th = text_height(grey);
	if (th > 0 && th < TEXT_PX) {
		int want = dpi * TEXT_PX / th;
		if (want > MAX_DPI)
			want = MAX_DPI;
		if (want > dpi * 11 / 10) {
			PIX *g2 = render(page, w, h, want);
			if (g2) {
				L.pixDestroy(&grey);
				grey = g2;
				dpi = want;
			}
		}
	}
	*dpi_out = dpi;
	*th_out = th;
	return grey;
}

/* GK_OCR_DEBUG's log: the isolated child's stderr is not the terminal's,
 * the log goes next to the pages; r->dbg is cleared when it cannot be
 * opened */
static void debug_open(reading *r)
{
	r->dbg = getenv("GK_OCR_DEBUG");
	if (!r->dbg)
		return;
	char *f = gk_strfmt("%s/ocr.log", r->dbg);
	r->dlog = fopen(f, "a");
	free(f);
	if (!r->dlog)
		r->dbg = NULL;
}

/* the cleaned page as GK_OCR_DEBUG/page-NNN.png */
static void debug_page(const reading *r)
{
	static int seq;
	char *f = gk_strfmt("%s/page-%03d.png", r->dbg, ++seq);
	L.pixWrite(f, r->grey, IFF_PNG);
	free(f);
}

/* the code points of one symbol, its box shared among them */
static void add_symbols(gk_ocrw *ws, const char *t, int sl, int st, int sr, int sb)
{
	const unsigned char *p = (const unsigned char *)t;
	size_t len = strlen(t);
	unsigned cps[8];
	int ncp = 0;
	for (size_t i = 0; i < len && ncp < 8;) {
		unsigned cp;
		int n = gk_utf8_next(p + i, len - i, &cp);
		if (n <= 0)
			break;
		i += (size_t)n;
		if (cp > ' ')
			cps[ncp++] = cp;
	}
	for (int i = 0; i < ncp; i++) {
		if (ws->ns == ws->scap) {
			ws->scap = ws->scap ? ws->scap * 2 : 1024;
			ws->sy = gk_realloc(ws->sy, (size_t)ws->scap * sizeof *ws->sy);
		}
		int x0 = sl + (sr - sl) * i / ncp, x1 = sl + (sr - sl) * (i + 1) / ncp;
		ws->sy[ws->ns++] = (sym){x0, st, x1, sb, cps[i], ws->nw - 1};
		ws->wd[ws->nw - 1].n++;
	}
}

/* a new word at the iterator, with its line's box */
static word *add_word(gk_ocrw *ws, TessResultIterator *ri, TessPageIterator *pi, const word *line)
{
	if (ws->nw == ws->wcap) {
		ws->wcap = ws->wcap ? ws->wcap * 2 : 256;
		ws->wd = gk_realloc(ws->wd, (size_t)ws->wcap * sizeof *ws->wd);
	}
	word *x = &ws->wd[ws->nw++];
	memset(x, 0, sizeof *x);
	if (!L.TessPageIteratorBoundingBox(pi, RIL_WORD, &x->l, &x->t, &x->r, &x->b))
		x->l = x->t = x->r = x->b = 0;
	x->conf = L.TessResultIteratorConfidence(ri, RIL_WORD);
	x->size = line->size;
	x->lt = line->lt;
	x->ll = line->ll;
	x->lr = line->lr;
	x->line = line->line;
	x->lb = line->lb;
	x->first = ws->ns;
	char *t = L.TessResultIteratorGetUTF8Text(ri, RIL_WORD);
	if (t) {
		snprintf(x->text, sizeof x->text, "%s", t);
		L.TessDeleteText(t);
	}
	return x;
}

/* Tesseract's words and symbols, each word with its line's box; the
 * lines are numbered from line0 */
void gk_ocr_collect(TessBaseAPI *api, gk_ocrw *ws, int line0)
{
	TessResultIterator *ri = L.TessBaseAPIGetIterator(api);
	if (!ri)
		return;
	TessPageIterator *pi = L.TessResultIteratorGetPageIterator(ri);
	word line = {.line = line0 - 1}; /* the current line: size, lt, lb, ll, lr, line */
	do {
		int ll, lt, lr, lb;
		if (L.TessPageIteratorIsAtBeginningOf(pi, RIL_TEXTLINE) &&
		    L.TessPageIteratorBoundingBox(pi, RIL_TEXTLINE, &ll, &lt, &lr, &lb)) {
			line.size = lb - lt;
			line.lt = lt;
			line.lb = lb;
			line.ll = ll;
			line.lr = lr;
			line.line++;
		}
		if (L.TessPageIteratorIsAtBeginningOf(pi, RIL_WORD))
			add_word(ws, ri, pi, &line);
		if (ws->nw == 0)
			continue;
		char *t = L.TessResultIteratorGetUTF8Text(ri, RIL_SYMBOL);
		if (!t)
			continue;
		int sl, st, sr, sb;
		if (L.TessPageIteratorBoundingBox(pi, RIL_SYMBOL, &sl, &st, &sr, &sb))
			add_symbols(ws, t, sl, st, sr, sb);
		L.TessDeleteText(t);
	} while (L.TessResultIteratorNext(ri, RIL_SYMBOL));
	L.TessResultIteratorDelete(ri);
}

/* n glyphs of the ASCII text alt spread over word i's box */
static void emit_ascii(reading *r, int i, const char *alt, float conf)
{
	const word *x = &r->ws.wd[i];
	int n = (int)strlen(alt);
	for (int j = 0; j < n; j++) {
		int x0 = x->l + (x->r - x->l) * j / n, x1 = x->l + (x->r - x->l) * (j + 1) / n;
		add_glyph(r->out, r->k, x0, x->lt, x1, x->lb, x->size, (unsigned char)alt[j], i, conf, j == 0);
	}
}

/* a word read as Latin letters that chi_sim reads as Chinese: 1 when
 * chi_sim's reading was emitted, its characters spread over the box */
static int emit_latin(reading *r, int i)
{
	const word *x = &r->ws.wd[i];
	float conf = x->conf, aconf = 0;
	char alt[64];
	if (!(conf < LATIN_CONF && gk_ocrw_latinish(x->text) && gk_ocr_reread(r->o->cjk, r->grey, x, alt, sizeof alt, &aconf) &&
	      gk_ocrw_has_cjk(alt) && aconf > conf - 10))
		return 0;
	r->out->nlatin_pass++;
	sym *cs = NULL;
	int nc = 0;
	const unsigned char *p = (const unsigned char *)alt;
	size_t al = strlen(alt);
	cs = gk_malloc((al + 1) * sizeof *cs);
	for (size_t q = 0; q < al;) {
		unsigned cp;
		int l = gk_utf8_next(p + q, al - q, &cp);
		if (l <= 0)
			break;
		q += (size_t)l;
		cs[nc++] = (sym){0, 0, 0, 0, cp, i};
	}
	for (int j = 0; j < nc; j++) {
		int x0 = x->l + (x->r - x->l) * j / nc, x1 = x->l + (x->r - x->l) * (j + 1) / nc;
		add_glyph(r->out, r->k, x0, x->lt, x1 > x0 ? x1 : x0 + 1, x->lb, x->size, cs[j].cp, i, aconf, j == 0);
	}
	free(cs);
	r->sum += aconf;
	r->nsum++;
	return 1;
}

/* An amount whose point Tesseract lost, cutting it into two words of
 * digits ("140" "00" for 140.00, on a row standing in a tall line): the
 * two are read again as one by the digits' engine, and taken when that
 * reading prints a point between the same digits.  The point must be in
 * the ink: codes printed spaced ("201 03 01") have none.  1 when
 * emitted. */
static int emit_point(reading *r, int i)
{
	word *x = &r->ws.wd[i];
	if (x->n == 0 || !gk_ocrw_alldigits(x->text) || strlen(x->text) > 12)
		return 0;
	int h = x->b - x->t, j = -1;
	for (int k = i + 1; k < r->ws.nw && k <= i + 2; k++)
		if (r->ws.wd[k].n > 0 && r->ws.wd[k].line == x->line) {
			j = k;
			break;
		}
	if (j < 0)
		return 0;
	word *y = &r->ws.wd[j];
	if (strlen(y->text) != 2 || !gk_ocrw_alldigits(y->text) || y->l <= x->r || y->l - x->r > h ||
	    !gk_ocrw_same_row(x, y))
		return 0;
	word u = *x;
	u.r = y->r;
	u.t = x->t < y->t ? x->t : y->t;
	u.b = x->b > y->b ? x->b : y->b;
	char alt[64], want[2 * sizeof x->text + 2];
	float aconf = 0;
	if (!gk_ocr_reread(r->o->digit, r->grey, &u, alt, sizeof alt, &aconf))
		return 0;
	const char *pt = strchr(alt, '.');
	snprintf(want, sizeof want, "%s.%s", x->text, y->text);
	if (!pt || strchr(pt + 1, '.') || strcmp(alt, want))
		return 0;
	r->out->ndigit_pass++;
	x->r = y->r;
	y->n = 0;
	emit_ascii(r, i, alt, aconf < x->conf ? aconf : x->conf);
	r->sum += aconf;
	r->nsum++;
	return 1;
}

/* A code read with fewer digits than its box holds ("1" for the 款 "12"):
 * read again, by the digits' engine and else by chi_sim (eng drops the
 * serifed 1 of "12"), and taken when the reading has as many digits as
 * fit (adv: the page's digit advance).  1 when emitted. */
static int emit_code(reading *r, int i, double adv)
{
	const word *x = &r->ws.wd[i];
	float conf = x->conf, aconf = 0;
	char alt[64];
	int want = adv > 0 && gk_ocrw_alldigits(x->text) ? (int)lround((x->r - x->l) / adv) : 0;
	if (!(conf < DIGIT_CONF && want > (int)strlen(x->text) && want <= 8 &&
	      ((gk_ocr_reread(r->o->digit, r->grey, x, alt, sizeof alt, &aconf) && gk_ocrw_alldigits(alt) &&
	        (int)strlen(alt) == want) ||
	       (gk_ocr_reread(r->o->cjk, r->grey, x, alt, sizeof alt, &aconf) && gk_ocrw_alldigits(alt) &&
	        (int)strlen(alt) == want))))
		return 0;
	r->out->ndigit_pass++;
	emit_ascii(r, i, alt, aconf < conf ? aconf : conf);
	r->sum += aconf;
	r->nsum++;
	return 1;
}

/* An amount read with doubt: read again by the digits' engine, which
 * mends the characters OCR confused, never the number of digits of an
 * amount it did read.  1 when the digits' reading was emitted. */
/* The digits before the point of s */
static int int_digits(const char *s)
{
	int n = 0;
	for (; *s && *s != '.'; s++)
		n += *s >= '0' && *s <= '9';
	return n;
}

/* An amount read up to its point ("5,247.") whose box may reach over the
 * decimals it left out (x->rx, ocrwords.c): that box read by the digits'
 * engine is taken when it gives the same figure with its decimals -- as
 * many digits before the point, one to six after.  1 when emitted. */
static int emit_reach(reading *r, int i)
{
	word x = r->ws.wd[i];
	if (x.rx <= x.r)
		return 0;
	x.r = x.rx;
	float aconf = 0;
	char alt[64];
	if (!(gk_ocr_reread(r->o->digit, r->grey, &x, alt, sizeof alt, &aconf) && gk_ocr_fix_amount(alt)))
		return 0;
	const char *pt = strchr(alt, '.');
	int dec = pt ? gk_ocrw_ndigits(pt + 1) : 0;
	if (dec < 1 || dec > 6 || int_digits(alt) != int_digits(x.text))
		return 0;
	r->out->ndigit_pass++;
	r->ws.wd[i].r = x.r; /* the box holds its decimals now */
	/* decimals Tesseract read as a word of their own (a column of them may
	 * be a text line of its own) are in the reading now: emitted again
	 * they would stand among its figures ("1180.4400") */
	for (int j = i + 1; j < r->ws.nw; j++) {
		word *y = &r->ws.wd[j];
		if (y->n > 0 && gk_ocrw_same_row(&x, y) && y->l > x.l && y->r <= x.r + (y->b - y->t) / 2 &&
		    gk_ocrw_alldigits(y->text))
			y->n = 0;
	}
	emit_ascii(r, i, alt, aconf < x.conf ? aconf : x.conf);
	r->sum += aconf;
	r->nsum++;
	return 1;
}

/* The head of an amount as the digits' engine reads its ink alone (the
 * point beside it may come along, "0."): its digits and commas into
 * head, 1 when that is all it read; *pt: whether the point came */
static int read_head(reading *r, const word *h, char *head, size_t cap, float *conf, int *pt)
{
	char t[64];
	if (!gk_ocr_reread(r->o->digit, r->grey, h, t, sizeof t, conf))
		return 0;
	size_t n = strlen(t);
	*pt = n && t[n - 1] == '.';
	if (*pt)
		t[--n] = 0;
	if (!n || strchr(t, '.') || !gk_ocr_fix_amount(t) || strchr(t, '.') || strlen(t) + 1 > cap)
		return 0;
	strcpy(head, t);
	return 1;
}

/* An amount read from its point on (".00"), or its decimals alone
 * ("00"), whose box may reach back over the ink of its head (x->lx,
 * ocrwords.c): the head's ink read alone by the digits' engine (with
 * the point the decimals lack), as many digits as that ink holds at the
 * pitch of its decimals, is taken when chi_sim reads the whole box as
 * the same amount.  1 when emitted. */
static int emit_head(reading *r, int i)
{
	word x = r->ws.wd[i];
	const sym *sy = r->ws.sy;
	int tail = x.text[0] != '.';
	int nd = x.n - !tail; /* its decimals, after the point */
	if (!(x.lx > 0 && x.lx < x.l) || nd < 2)
		return 0;
	/* the decimals' symbols' boxes are Tesseract's guesses (they overlap
	 * in wide-set figures): their pitch is their span's share */
	double pitch = (double)(x.r - sy[x.first + !tail].l) / nd;
	int pt = 0;
	word h = x;
	h.l = x.lx, h.r = x.l - 1;
	char head[32] = "", whole[64] = "", want[96] = "";
	float hc = 0, wc = 0;
	/* before decimals alone, the point and its room take a digit's */
	int ok = pitch > 0 && read_head(r, &h, head, sizeof head, &hc, &pt) && (pt || !tail) &&
	         gk_ocr_head_fits(gk_ocrw_ndigits(head), x.l - x.lx - (tail ? (int)lround(pitch) : 0), pitch);
	if (ok) {
		snprintf(want, sizeof want, "%s%s%s", head, tail ? "." : "", x.text);
		x.l = x.lx;
		ok = gk_ocr_reread(r->o->cjk, r->grey, &x, whole, sizeof whole, &wc);
		/* chi_sim spaces wide-set figures apart ("0. 00") */
		size_t m = 0;
		for (size_t q = 0; whole[q]; q++)
			if (whole[q] != ' ')
				whole[m++] = whole[q];
		whole[m] = 0;
		ok = ok && gk_ocr_fix_amount(whole) && !strcmp(whole, want);
	}
	if (r->dbg)
		fprintf(r->dlog, "head of '%s' at %d,%d from %d: '%s' (%.0f), whole '%s' (%.0f)%s\n", r->ws.wd[i].text,
		        r->ws.wd[i].l, x.t, x.lx, head, hc, whole, wc, ok ? "" : ", dropped");
	if (!ok)
		return 0;
	r->out->ndigit_pass++;
	r->ws.wd[i].l = x.l; /* the box holds its head now */
	float c = hc < wc ? hc : wc;
	c = c < x.conf ? c : x.conf;
	emit_ascii(r, i, want, c);
	r->sum += c;
	r->nsum++;
	return 1;
}

static int emit_amount(reading *r, int i)
{
	const word *x = &r->ws.wd[i];
	float conf = x->conf, aconf = 0;
	char alt[64];
	/* a head the digits' engine reads in a box without it is a sliver of
	 * the next column's ink ("1.00" for ".00") */
	if (!(conf < DIGIT_CONF && gk_ocrw_amountish(x->text) && !gk_ocrw_headless(x->text) &&
	      gk_ocr_reread(r->o->digit, r->grey, x, alt, sizeof alt, &aconf) && gk_ocr_fix_amount(alt)))
		return 0;
	char orig[64];
	snprintf(orig, sizeof orig, "%s", x->text);
	int orig_ok = gk_ocr_fix_amount(orig);
	r->out->ndigit_pass++;
	if (orig_ok && !(aconf > conf && gk_ocrw_ndigits(alt) == gk_ocrw_ndigits(orig)))
		return 0;
	/* the digits' reading, spread over the word's box */
	emit_ascii(r, i, alt, aconf);
	r->sum += aconf;
	r->nsum++;
	return 1;
}

/* the decimals of amount s after gk_ocr_fix_amount (-1: not an amount) */
static int amount_decimals(const char *s)
{
	char t[64];
	snprintf(t, sizeof t, "%s", s);
	if (!gk_ocrw_amountish(t) || !gk_ocr_fix_amount(t))
		return -1;
	const char *pt = strchr(t, '.');
	return pt ? gk_ocrw_ndigits(pt + 1) : 0;
}

/* the next word on word i's line, before (step -1) or after (+1) it */
static const word *line_neighbour(const reading *r, int i, int step)
{
	const word *x = &r->ws.wd[i];
	for (int k = i + step; k >= 0 && k < r->ws.nw; k += step) {
		const word *y = &r->ws.wd[k];
		if (y->n == 0)
			continue;
		return y->line == x->line && gk_ocrw_same_row(x, y) ? y : NULL;
	}
	return NULL;
}

/* A code read as one character where a code stands (above): its box,
 * grown by a digit's advance each way short of its neighbours and by a
 * quarter of its height, is read again at twice its size (both engines
 * read the blurred "11" as "1" at the page's: "芋" at 0 for the 款 "11"
 * between the 类 "210" and the 项 "02", 登封's degraded scan) by the
 * digits' engine and by chi_sim, and taken when both read the same
 * digits, as many as the box holds at the page's digit advance (adv),
 * two to four.  1 when emitted. */
/* the digits' engine's reading of a box at twice its size, else at three
 * times (a small "02" read as nothing at twice): 1 when it is a code of
 * want digits */
static int code_digits(reading *r, int l, int t, int rr, int bb, int want, char *dg, size_t cap, float *dconf)
{
	for (int k = 2; k <= 3; k++)
		if (gk_ocr_reread_scaled(r->o->digit, r->grey, l, t, rr, bb, k, dg, cap, dconf) && gk_ocrw_alldigits(dg) &&
		    (int)strlen(dg) == want)
			return 1;
	return 0;
}

static int emit_code_glyph(reading *r, int i, double adv)
{
	const word *x = &r->ws.wd[i];
	if (x->n != 1 || adv <= 0)
		return 0;
	const word *a = line_neighbour(r, i, -1), *b = line_neighbour(r, i, 1);
	if (!a || !b || !gk_ocrw_code_glyph_spot(x->text, x->conf, a->text, b->text, CODE_GLYPH_CONF))
		return 0;
	/* before a label, a column apart from the code (not "2024年") */
	if (!gk_ocrw_alldigits(b->text) && x->l - a->r < adv)
		return 0;
	int want = (int)lround((x->r - x->l) / adv);
	if (want < 2 || want > 4)
		return 0;
	int l = x->l - (int)adv > a->r + 2 ? x->l - (int)adv : a->r + 2;
	int rr = x->r + (int)adv < b->l - 2 ? x->r + (int)adv : b->l - 2;
	int t = x->t - (x->b - x->t) / 4, bb = x->b + (x->b - x->t) / 4;
	char dg[64], cj[64];
	float dconf = 0, cconf = 0;
	if (!code_digits(r, l, t, rr, bb, want, dg, sizeof dg, &dconf)) {
		if (r->dbg)
			fprintf(r->dlog, "code glyph '%s' (%.0f) read again: '%s' (%.0f), no code of %d digits\n", x->text,
			        x->conf, dg, dconf, want);
		return 0;
	}
	/* chi_sim confirms the digits; in a column of codes (three rows and
	 * more), the digits' engine alone will do when fairly sure: chi_sim
	 * reads a small "02" as "吧" again however scaled */
	int col = gk_ocrw_code_column(r->ws.wd, r->ws.nw, i, want) >= CODE_COLUMN_ROWS;
	int same = gk_ocr_reread_scaled(r->o->cjk, r->grey, l, t, rr, bb, 2, cj, sizeof cj, &cconf) && !strcmp(dg, cj);
	if (r->dbg)
		fprintf(r->dlog, "code glyph '%s' (%.0f) read again: '%s' (%.0f), '%s' (%.0f)%s\n", x->text, x->conf, dg,
		        dconf, same ? cj : "", cconf, col ? ", in a column of codes" : "");
	if (!same && !(col && dconf >= CODE_COLUMN_CONF))
		return 0;
	if (!same)
		cconf = dconf;
	r->out->ndigit_pass++;
	float c = dconf < cconf ? dconf : cconf;
	emit_ascii(r, i, dg, c < x->conf ? c : x->conf);
	r->sum += c;
	r->nsum++;
	return 1;
}

/* A figure beside figures of its row read as a character or two, unsurely:
 * no digits ("和" for 17.2, conf 36, on a degraded scan) or a digit
 * without its point ("3" for 7.7, conf 12); or its point read as a
 * letter ("2Z2" for 2.2, then as many digits as read, and the figures
 * beside it need not print a point: "22" stood before it).  Its box read by the digits'
 * engine is taken when the reading is an amount with the decimals of the
 * figure beside it (one or two; alike where figures stand on both sides,
 * a label or the row's end may stand on the other), with more digits
 * than were read (as many, beside a stray letter), and the box is as wide as half the narrower figure.
 * 1 when emitted. */
/* digits with one Latin letter between two of them ("2Z2"): the letter
 * a point or a digit misread */
static int stray_letter(const char *s)
{
	int n = 0;
	size_t len = strlen(s);
	for (size_t k = 0; k < len; k++) {
		if (isdigit((unsigned char)s[k]))
			continue;
		if (!isalpha((unsigned char)s[k]) || k == 0 || k + 1 == len || !isdigit((unsigned char)s[k - 1]) ||
		    !isdigit((unsigned char)s[k + 1]))
			return 0;
		n++;
	}
	return n == 1;
}

static int emit_between(reading *r, int i)
{
	const word *x = &r->ws.wd[i];
	int stray = stray_letter(x->text);
	if (x->conf >= (stray ? DIGIT_CONF : 50) || (x->n > 2 && !stray) || amount_decimals(x->text) > 0)
		return 0;
	const word *a = line_neighbour(r, i, -1), *b = line_neighbour(r, i, 1);
	int da = a ? amount_decimals(a->text) : -1, db = b ? amount_decimals(b->text) : -1;
	/* a figure beside it on another line: its row's */
	int ka = da > 0 ? -1 : gk_ocrw_row_neighbour(&r->ws, i, -1);
	int kb = db > 0 ? -1 : gk_ocrw_row_neighbour(&r->ws, i, 1);
	if (ka >= 0)
		a = &r->ws.wd[ka], da = amount_decimals(a->text);
	if (kb >= 0)
		b = &r->ws.wd[kb], db = amount_decimals(b->text);
	int d = da > 0 ? da : db;
	if (stray && d < 1)
		d = 0; /* the digits' reading alone tells */
	else if (d < 1 || d > 2 || (da > 0 && db > 0 && da != db))
		return 0;
	int wa = da > 0 ? a->r - a->l : 1 << 20, wb = db > 0 ? b->r - b->l : 1 << 20;
	if (d && 2 * (x->r - x->l) < (wa < wb ? wa : wb))
		return 0;
	char alt[64];
	float aconf = 0;
	if (!gk_ocr_reread(r->o->digit, r->grey, x, alt, sizeof alt, &aconf))
		return 0;
	if (r->dbg)
		fprintf(r->dlog, "between: word %d '%s' read '%s'\n", i, x->text, alt);
	int nd = gk_ocrw_ndigits(alt), was = gk_ocrw_ndigits(x->text);
	int dec = amount_decimals(alt);
	if ((d ? dec != d : dec < 1 || dec > 2) || (stray ? nd != was : nd <= was) || !gk_ocr_fix_amount(alt))
		return 0;
	r->out->ndigit_pass++;
	emit_ascii(r, i, alt, aconf < x->conf ? aconf : x->conf);
	r->sum += aconf;
	r->nsum++;
	return 1;
}

/* Tesseract's boxes of the symbols of a word are rough: its characters
 * are spread evenly over the word's box, standing as high as their line,
 * as a font's boxes do; an amount run together with a word is cut into
 * two tokens */
static void emit_symbols(reading *r, int i)
{
	const word *wd = r->ws.wd, *x = &wd[i];
	const sym *sy = r->ws.sy;
	float conf = x->conf;
	/* a word read with no confidence next to one read well: two
	 * things (a label's garbage and the next column's text) */
	int contrast = 0;
	for (int p = i - 1; p >= 0; p--)
		if (wd[p].n > 0) {
			float a = wd[p].conf, b = conf;
			/* garbage runs long: a short word read badly is a hard word */
			int lown = a < b ? wd[p].n : x->n;
			contrast = wd[p].lt == x->lt && (a < b ? a : b) < 40 && (a > b ? a - b : b - a) > 40 && lown >= 4 &&
			           gk_ocrw_has_cjk(wd[p].text) && gk_ocrw_has_cjk(x->text);
			break;
		}
	for (int j = x->first; j < x->first + x->n; j++) {
		int q = j - x->first;
		int l = x->l + (x->r - x->l) * q / x->n, rr = x->l + (x->r - x->l) * (q + 1) / x->n;
		int brk = j > x->first && gk_ocrw_amount_break(sy, x->first, x->first + x->n, j) ? 2
		          : j == x->first ? 1 + contrast
		                          : 0;
		add_glyph(r->out, r->k, l, x->lt, rr > l ? rr : l + 1, x->lb, x->size, sy[j].cp, i, conf, brk);
	}
	r->sum += conf;
	r->nsum++;
}

/* every word's glyphs into r->out, by the first of these that takes it:
 * its line's new reading, chi_sim's, the digits' engine's, its own */
static void emit(reading *r)
{
	const word *wd = r->ws.wd;
	double adv = gk_ocrw_digit_advance(wd, r->ws.nw);
	for (int i = 0; i < r->ws.nw; i++) {
		const word *x = &wd[i];
		if (x->n == 0)
			continue;
		if (r->over && over_covers(r, i))
			continue;
		if (r->over && (r->over[i][0] || (i > 0 && wd[i - 1].line == x->line && over_of(r->over, wd, i)))) {
			int f = line_first(wd, i), cut = r->overr[f];
			if (r->over[i][0]) { /* the line's reading, over the line's box or its cut */
				spread(r->out, r->k, x->ll, x->lt, cut ? r->overe[f] : x->lr, x->lb, x->size, r->over[i], i,
				       r->overc[i]);
				r->sum += r->overc[i];
				r->nsum++;
			}
			if (!cut || x->l < cut)
				continue;
		}
		if (!emit_latin(r, i) && !emit_point(r, i) && !emit_code(r, i, adv) && !emit_code_glyph(r, i, adv) && !emit_reach(r, i) && !emit_head(r, i) &&
		    !emit_amount(r, i) && !emit_between(r, i))
			emit_symbols(r, i);
	}
}

/* The phases, in order: render, clean, recognise, collect the words,
 * mend them (ocrwords.c), read titles again, drop specks, emit. */
int gk_ocr_read(gk_ocr *o, PopplerPage *page, double w, double h, gk_ocr_page *out, char **err)
{
	memset(out, 0, sizeof *out);
	out->conf = -1;
	*err = NULL;
	reading r = {.o = o, .out = out};
	clock_t c0 = clock();
	int th = 0;
	r.grey = render_sized(page, w, h, &r.dpi, &th);
	if (!r.grey) {
		*err = gk_strfmt("cannot render the page for OCR (%.0f x %.0f points)", w, h);
		return -1;
	}
	debug_open(&r);
	if (r.dbg)
		fprintf(r.dlog, "ocr: text height %d px, read at %d dpi\n", th, r.dpi);
	clock_t c1 = clock();
	clean(&r);
	clock_t c2 = clock();
	if (r.dbg)
		debug_page(&r);

	L.TessBaseAPISetImage2(o->api, r.grey);
	L.TessBaseAPISetSourceResolution(o->api, r.dpi);
	if (L.TessBaseAPIRecognize(o->api, NULL) != 0) {
		L.TessBaseAPIClear(o->api);
		reading_clear(&r);
		*err = gk_strdup("tesseract could not read the page");
		return -1;
	}
	clock_t c3 = clock();
	gk_ocr_collect(o->api, &r.ws, 0);
	r.ws.vr = r.vr;
	r.ws.nvr = r.nvr;
	gk_ocr_reread_bands(&r);
	gk_ocr_reread_cells(&r);
	clock_t c4 = clock();
	gk_ocr_read_gaps(&r);
	clock_t c5 = clock();
	gk_ocrw_ink ink = {L.pixGetData(r.grey), L.pixGetWidth(r.grey), L.pixGetHeight(r.grey), L.pixGetWpl(r.grey)};
	gk_ocrw_mend(&r.ws, &ink);
	gk_ocr_reread_titles(&r);
	gk_ocrw_despeck(&r.ws);
	gk_ocrw_clip_to_rules(&r.ws);
	if (r.dbg)
		gk_ocrw_dump(&r.ws, r.dlog);
	r.k = 72.0 / r.dpi;
	emit(&r);
	if (r.dbg)
		fprintf(r.dlog,
		        "ocr: render %.2f s, clean %.2f s, recognise %.2f s, gaps %.2f s, again %.2f s (%d digits, %d "
		        "latin, %d gaps)\n",
		        (double)(c1 - c0) / CLOCKS_PER_SEC, (double)(c2 - c1) / CLOCKS_PER_SEC,
		        (double)(c3 - c2) / CLOCKS_PER_SEC, (double)(c5 - c4) / CLOCKS_PER_SEC,
		        (double)(clock() - c3 - (c5 - c4)) / CLOCKS_PER_SEC, out->ndigit_pass, out->nlatin_pass,
		        out->ngap_pass);
	if (r.dbg && out->nband)
		fprintf(r.dlog, "ocr: %d bands read again\n", out->nband);
	out->nword = r.nsum;
	out->conf = r.nsum ? r.sum / r.nsum : -1;
	L.TessBaseAPIClear(o->api);
	reading_clear(&r);
	return 0;
}
