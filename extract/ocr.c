/*
 * ocr.c - a page image -> glyphs with boxes and confidences (Tesseract).
 *
 * The page is rendered by poppler onto a cairo surface at OCR_DPI and
 * turned into 8-bit grey, then cleaned with Leptonica before Tesseract
 * sees it, in this order:
 *
 *   1. median filter (3x3), only when the background is noisy: binarising
 *      or scaling noise first makes it worse;
 *   2. deskew (pixFindSkew on the binarised page, then a rotation of the
 *      grey page);
 *   3. ruling lines found by morphological opening of the binarised page
 *      with long thin bricks, and painted white: left in, they make
 *      Tesseract read no amounts at all or glue the border onto them
 *      ("477.24|").  The vertical ones are kept: they are the columns.
 *
 * Tesseract (chi_sim+eng, page segmentation mode 4) then gives words and
 * their symbols.  A word that looks like an amount and was read with low
 * confidence is read again on its own by a second engine that knows only
 * digits and separators; the better-shaped reading wins.  Ink of the
 * cleaned page that no word covers, grouped into lines of glyphs, is read
 * again line by line (read_gaps: the layout drops a whole column now and
 * then).  The words are mended between (extract/ocrwords.c).
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "ocr.h"

#include "gk.h"
#include "ocrwords.h"
#include "ptext.h"

#include <cairo.h>
#include <dlfcn.h>
#include <leptonica/allheaders.h>
#include <math.h>
#include <poppler.h>
#include <stdlib.h>
#include <string.h>
#include <tesseract/capi.h>
#include <time.h>
#include <unistd.h>

/* resolution the page is rendered and read at */
#define OCR_DPI 250
/* glyphs should be about this high (px, upper quartile of the ink's
 * connected components) and are rendered at up to MAX_DPI to be */
#define TEXT_PX 24
#define MAX_DPI 450
/* a background standard deviation above this (grey levels) is noise */
#define NOISE_SD 4.0
/* ruling lines are at least this long (inches): longer than any stroke of
 * a title character, shorter than any table border */
#define RULE_IN 0.35
/* an amount-shaped word read with less confidence than this is read again
 * with digits only */
#define DIGIT_CONF 85.0f
/* a word read as Latin letters with less confidence than this is read
 * again by chi_sim alone */
#define LATIN_CONF 92.0f


/* Tesseract and Leptonica are loaded when the first page needs them, not
 * when the program starts: the text-layer path pays nothing for them (the
 * libraries cost some 35 ms of start-up to every process), and OpenMP,
 * loaded with them, reads OMP_THREAD_LIMIT then: one thread, set here
 * unless the caller chose.  Tesseract's threads cost three times the CPU
 * for the same page; a process per core is faster. */
#define LEPT_FUNCS(X)                                                                                      \
	X(pixAddBorder) \
	X(pixClearInRect) \
	X(pixClipRectangle) \
	X(pixConnComp) \
	X(pixConnCompBB) \
	X(pixCreate) \
	X(pixDestroy) \
	X(pixDilateBrick) \
	X(pixFindSkew) \
	X(pixGetData) \
	X(pixGetHeight) \
	X(pixGetWidth) \
	X(pixGetWpl) \
	X(pixGetXRes) \
	X(pixOpenBrick) \
	X(pixOr) \
	X(pixOtsuAdaptiveThreshold) \
	X(pixPaintThroughMask) \
	X(pixRankFilterGray) \
	X(pixRotate) \
	X(pixSetResolution) \
	X(pixSubtract) \
	X(pixThresholdToBinary) \
	X(pixWrite) \
	X(boxCreate) \
	X(boxDestroy) \
	X(boxaDestroy) \
	X(boxaGetBoxGeometry) \
	X(boxaGetCount)
#define TESS_FUNCS(X)                                                                                      \
	X(TessBaseAPIClear) \
	X(TessBaseAPICreate) \
	X(TessBaseAPIDelete) \
	X(TessBaseAPIEnd) \
	X(TessBaseAPIGetIterator) \
	X(TessBaseAPIMeanTextConf) \
	X(TessBaseAPIRecognize) \
	X(TessBaseAPISetPageSegMode) \
	X(TessBaseAPISetSourceResolution) \
	X(TessBaseAPISetVariable) \
	X(TessDeleteText) \
	X(TessPageIteratorBoundingBox) \
	X(TessPageIteratorIsAtBeginningOf) \
	X(TessResultIteratorConfidence) \
	X(TessResultIteratorDelete) \
	X(TessResultIteratorGetPageIterator) \
	X(TessResultIteratorNext) \
	X(TessBaseAPIInit3) \
	X(TessBaseAPISetImage2) \
	X(TessBaseAPIGetUTF8Text) \
	X(TessResultIteratorGetUTF8Text)

static struct {
#define X(f) __typeof__(f) *f;
	LEPT_FUNCS(X)
	TESS_FUNCS(X)
#undef X
} L;
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

struct gk_ocr {
	TessBaseAPI *api;   /* chi_sim+eng, the page */
	TessBaseAPI *digit; /* eng with a digit whitelist, one word */
	TessBaseAPI *cjk;   /* chi_sim alone, one word read as Latin letters */
};


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

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
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
		qsort(h, (size_t)m, sizeof *h, cmp_int);
		med = h[m * 3 / 4]; /* the upper quartile: whole glyphs, not their dots */
	}
	free(h);
	return med;
}

/* Otsu's threshold of the whole page */
static PIX *binarise(PIX *grey)
{
	PIX *bin = NULL;
	int w = L.pixGetWidth(grey), h = L.pixGetHeight(grey);
	if (L.pixOtsuAdaptiveThreshold(grey, w, h, 0, 0, 0.1f, NULL, &bin) != 0 || !bin)
		bin = L.pixThresholdToBinary(grey, 160);
	return bin;
}

/* Clean the page in place (*grey may be replaced).  Vertical ruling lines
 * go to out (points); *ink gets the binarised page without its ruling
 * lines (NULL when it could not be made). */
static void clean(PIX **grey, int dpi, gk_ocr_page *out, PIX **ink)
{
	*ink = NULL;
	if (background_sd(*grey) > NOISE_SD) {
		PIX *m = L.pixRankFilterGray(*grey, 3, 3, 0.5f);
		if (m) {
			L.pixDestroy(grey);
			*grey = m;
		}
	}
	PIX *bin = binarise(*grey);
	if (!bin)
		return;
	l_float32 angle = 0, conf = 0;
	if (L.pixFindSkew(bin, &angle, &conf) == 0 && conf >= 2.5f && fabsf(angle) >= 0.04f && fabsf(angle) < 5) {
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
		BOXA *boxa = L.pixConnComp(ver, NULL, 8);
		int nb = boxa ? L.boxaGetCount(boxa) : 0;
		double k = 72.0 / dpi;
		for (int i = 0; i < nb; i++) {
			l_int32 bx, by, bw, bh;
			if (L.boxaGetBoxGeometry(boxa, i, &bx, &by, &bw, &bh) != 0 || bh < len)
				continue;
			if (out->nvrule == out->vcap) {
				out->vcap = out->vcap ? out->vcap * 2 : 32;
				out->vrule = gk_realloc(out->vrule, (size_t)out->vcap * sizeof *out->vrule);
			}
			out->vrule[out->nvrule++] = (gk_ocr_rule){bx * k, (bx + bw) * k, by * k, (by + bh) * k};
		}
		L.boxaDestroy(&boxa);
	}
	L.pixDestroy(&hor);
	L.pixDestroy(&ver);
	L.pixDestroy(&bin);
}

/* ---- recognition -------------------------------------------------------- */


static void add_glyph(gk_ocr_page *out, double k, int l, int t, int r, int b, double size, uint32_t cp, int w,
                      float conf, int brk)
{
	if (out->nglyph == out->gcap) {
		out->gcap = out->gcap ? out->gcap * 2 : 1024;
		out->glyph = gk_realloc(out->glyph, (size_t)out->gcap * sizeof *out->glyph);
	}
	out->glyph[out->nglyph++] = (gk_ocr_glyph){l * k, t * k, r * k, b * k, size * k, cp, w, conf, brk};
}

/* The box l,t,r,b of the page grown by pad, framed in FRAME px of white,
 * given to api to read: 0 when it cannot be cut.  *framed is the caller's
 * to destroy after reading. */
#define FRAME 16
static int set_crop(TessBaseAPI *api, PIX *grey, int l, int t, int r, int b, int pad, PIX **framed)
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

/* Read a word again with another engine (one line): 1 and text/conf
 * set when it read something. */
static int reread(TessBaseAPI *api, PIX *grey, const word *w, char *text, size_t cap, float *conf)
{
	PIX *framed = NULL;
	if (!set_crop(api, grey, w->l, w->t, w->r, w->b, 6, &framed))
		return 0;
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
	L.pixDestroy(&framed);
	return ok;
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

/* was word i's line read again (at its first word)? */
static int over_of(char (*over)[160], const word *wd, int i)
{
	int f = i;
	while (f > 0 && wd[f - 1].line == wd[i].line)
		f--;
	return over[f][0] != 0;
}

/* ---- reading a page ----------------------------------------------------- */

/* One page being read: what the phases of gk_ocr_read share.  grey, dlog,
 * ws and over/overc are owned here, freed by reading_clear; out is the
 * caller's. */
typedef struct reading {
	gk_ocr *o;
	gk_ocr_page *out;
	PIX *grey;         /* the page, rendered and cleaned */
	PIX *ink;          /* it binarised, without its ruling lines; or NULL */
	int dpi;           /* its resolution */
	const char *dbg;   /* GK_OCR_DEBUG: a directory for the cleaned pages */
	FILE *dlog;        /* its ocr.log, or NULL */
	gk_ocrw ws;        /* the words Tesseract read */
	char (*over)[160]; /* a line's new reading, by its first word; NULL: none */
	float *overc;      /* its confidence */
	double k;          /* points per pixel */
	double sum;        /* the confidences of the words emitted */
	int nsum;          /* how many */
} reading;

static void reading_clear(reading *r)
{
	if (r->dlog)
		fclose(r->dlog);
	free(r->over);
	free(r->overc);
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
static void collect(TessBaseAPI *api, gk_ocrw *ws, int line0)
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
static void reread_bands(reading *r)
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
			collect(r->o->api, &nw, maxline + 1);
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

/* ---- ink no word covers ------------------------------------------------ */

/* at most this many regions of a page are read again */
#define MAX_GAPS 64
/* a region's words are kept when read with this mean confidence */
#define GAP_CONF 60.0f

/* the words from ws->wd[nw0] on, read in a crop whose origin on the page
 * is dx,dy, moved onto the page */
static void place_words(gk_ocrw *ws, int nw0, int ns0, int dx, int dy)
{
	for (int i = nw0; i < ws->nw; i++) {
		word *x = &ws->wd[i];
		x->l += dx, x->r += dx, x->ll += dx, x->lr += dx;
		x->t += dy, x->b += dy, x->lt += dy, x->lb += dy;
	}
	for (int i = ns0; i < ws->ns; i++) {
		ws->sy[i].l += dx, ws->sy[i].r += dx;
		ws->sy[i].t += dy, ws->sy[i].b += dy;
	}
}

/* Read region g (one line) with chi_sim alone: its words join ws on a new
 * line when read with confidence and with a character that is no
 * punctuation.  1 when they did. */
static int read_region(reading *r, const gk_ocrw_box *g, int gh, int line0)
{
	gk_ocrw *ws = &r->ws;
	int W = L.pixGetWidth(r->grey), H = L.pixGetHeight(r->grey), pad = gh / 3;
	int l = g->l - pad > 0 ? g->l - pad : 0, t = g->t - pad > 0 ? g->t - pad : 0;
	int rr = g->r + pad < W ? g->r + pad : W - 1, b = g->b + pad < H ? g->b + pad : H - 1;
	PIX *framed = NULL;
	if (!set_crop(r->o->cjk, r->grey, l, t, rr + 1, b + 1, 0, &framed))
		return 0;
	int nw0 = ws->nw, ns0 = ws->ns;
	if (L.TessBaseAPIRecognize(r->o->cjk, NULL) == 0)
		collect(r->o->cjk, ws, line0);
	L.TessBaseAPIClear(r->o->cjk);
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
	if (r->dbg)
		for (int i = nw0; i < ws->nw; i++)
			fprintf(r->dlog, "gap %d,%d,%d,%d read '%s' (%.0f)%s\n", g->l, g->t, g->r, g->b, ws->wd[i].text,
			        ws->wd[i].conf, keep ? "" : ", dropped");
	if (!keep) {
		ws->nw = nw0;
		ws->ns = ns0;
		return 0;
	}
	place_words(ws, nw0, ns0, l - FRAME, t - FRAME);
	return 1;
}

/* Tesseract's layout (PSM 4) now and then drops a whole column that is
 * plainly printed (登封's 类型 column of 特定目标类).  The ink of the
 * cleaned page that no word's box or symbol covers is grouped into lines
 * of glyphs (gk_ocrw_gaps) and each is read on its own; on a page read
 * whole this finds nothing, and costs a pass of connected components. */
static void read_gaps(reading *r)
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
			cc[k++] = (gk_ocrw_box){x, y, x + w - 1, y + h - 1};
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
	if (nr > 0)
		L.TessBaseAPISetVariable(r->o->cjk, "thresholding_method", "2");
	for (int i = 0; i < nr; i++)
		if (read_region(r, &reg[i], gh, line0))
			line0++, r->out->ngap_pass++;
	if (nr > 0)
		L.TessBaseAPISetVariable(r->o->cjk, "thresholding_method", "0");
	if (r->dbg)
		fprintf(r->dlog, "ocr: %d components uncovered, %d regions read again, %d kept (glyphs %d px)\n", k, nr,
		        r->out->ngap_pass, gh);
}

/* A title is what finds a table: a line printed larger than the page's
 * body text with a doubtful word in it is read again whole by chi_sim
 * alone, which reads a line of Chinese better than a word of it; its
 * reading replaces the line's when it is surer.  Fills r->over/overc. */
static void reread_titles(reading *r)
{
	const word *wd = r->ws.wd;
	int nw = r->ws.nw;
	int body = gk_ocrw_body_size(wd, nw);
	for (int i = 0; i < nw;) {
		int j = i;
		float minc = 100, sumc = 0;
		int cjk = 0, hmax = 0, amounts = 0;
		while (j < nw && wd[j].line == wd[i].line) {
			/* a title holds no figure: a row whose label wraps over
			 * two lines is tall too, and its figures are read better
			 * as words */
			amounts += gk_ocrw_amountish(wd[j].text) && strpbrk(wd[j].text, ".,");
			if (wd[j].conf < minc)
				minc = wd[j].conf;
			sumc += wd[j].conf;
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
		if (body > 0 && hmax * 4 >= body * 5 && minc < 70 && cjk && !amounts && j - i <= 40 &&
		    reread(r->o->cjk, r->grey, &line, text, sizeof text, &c) && gk_ocrw_has_cjk(text) && c > sumc / (j - i)) {
			if (!r->over) {
				r->over = gk_calloc((size_t)nw, sizeof *r->over);
				r->overc = gk_calloc((size_t)nw, sizeof *r->overc);
			}
			snprintf(r->over[i], sizeof r->over[i], "%s", text);
			r->overc[i] = c;
			r->out->nline_pass++;
			if (r->dbg)
				fprintf(r->dlog, "line %d read again: '%s' (%.0f)\n", wd[i].line, text, c);
		}
		i = j;
	}
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
	if (!(conf < LATIN_CONF && gk_ocrw_latinish(x->text) && reread(r->o->cjk, r->grey, x, alt, sizeof alt, &aconf) &&
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
	      ((reread(r->o->digit, r->grey, x, alt, sizeof alt, &aconf) && gk_ocrw_alldigits(alt) &&
	        (int)strlen(alt) == want) ||
	       (reread(r->o->cjk, r->grey, x, alt, sizeof alt, &aconf) && gk_ocrw_alldigits(alt) &&
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
static int emit_amount(reading *r, int i)
{
	const word *x = &r->ws.wd[i];
	float conf = x->conf, aconf = 0;
	char alt[64];
	if (!(conf < DIGIT_CONF && gk_ocrw_amountish(x->text) &&
	      reread(r->o->digit, r->grey, x, alt, sizeof alt, &aconf) && gk_ocr_fix_amount(alt)))
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
		if (r->over && (r->over[i][0] || (i > 0 && wd[i - 1].line == x->line && over_of(r->over, wd, i)))) {
			if (r->over[i][0]) { /* the line's reading, over the line's box */
				spread(r->out, r->k, x->ll, x->lt, x->lr, x->lb, x->size, r->over[i], i, r->overc[i]);
				r->sum += r->overc[i];
				r->nsum++;
			}
			continue;
		}
		if (!emit_latin(r, i) && !emit_code(r, i, adv) && !emit_amount(r, i))
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
	clean(&r.grey, r.dpi, out, &r.ink);
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
	collect(o->api, &r.ws, 0);
	reread_bands(&r);
	clock_t c4 = clock();
	read_gaps(&r);
	clock_t c5 = clock();
	gk_ocrw_ink ink = {L.pixGetData(r.grey), L.pixGetWidth(r.grey), L.pixGetHeight(r.grey), L.pixGetWpl(r.grey)};
	gk_ocrw_mend(&r.ws, &ink);
	reread_titles(&r);
	gk_ocrw_despeck(&r.ws);
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
