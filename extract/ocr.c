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
 * digits and separators; the better-shaped reading wins.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "ocr.h"

#include "gk.h"
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

/* ---- amounts ------------------------------------------------------------ */

static int amount_char(uint32_t c)
{
	return (c >= '0' && c <= '9') || c == '.' || c == ',' || c == ':' || c == ';' || c == '-';
}

static int isdig(int c)
{
	return c >= '0' && c <= '9';
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
		if (cp == ' ') {
			if (n == 0 || i == len)
				continue; /* around it */
			return 0;     /* inside: two numbers, or a code in groups */
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

static int ndigits(const char *s)
{
	int n = 0;
	for (; *s; s++)
		n += isdig(*s);
	return n;
}

/* looks like an amount that OCR may have bent: digits and separators,
 * at least two digits, no CJK */
static int amountish(const char *s)
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
 * go to out (points). */
static void clean(PIX **grey, int dpi, gk_ocr_page *out)
{
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
		if (wide)
			L.pixPaintThroughMask(*grey, wide, 0, 0, 255);
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

typedef struct sym {
	int l, t, r, b;
	uint32_t cp;
	int word;
} sym;

typedef struct word {
	int l, t, r, b;
	float conf;
	double size; /* its line's height, px */
	int lt, lb;   /* its line's top and bottom, px */
	int ll, lr;   /* its line's left and right, px */
	int line;     /* index of its text line */
	int first, n; /* its symbols */
	char text[64];
} word;

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
static int amount_break(const sym *sy, int a, int b, int j)
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

static void add_glyph(gk_ocr_page *out, double k, int l, int t, int r, int b, double size, uint32_t cp, int w,
                      float conf, int brk)
{
	if (out->nglyph == out->gcap) {
		out->gcap = out->gcap ? out->gcap * 2 : 1024;
		out->glyph = gk_realloc(out->glyph, (size_t)out->gcap * sizeof *out->glyph);
	}
	out->glyph[out->nglyph++] = (gk_ocr_glyph){l * k, t * k, r * k, b * k, size * k, cp, w, conf, brk};
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

/* Where the ink of word w ends (gk_ocr_ink_end, with a gap of 0.3 of
 * its box's height: a digit's side bearings and a comma leave less, the
 * space before the next column's word more): w->r when no gap ends it. */
static int ink_right(PIX *grey, const word *w)
{
	int W = L.pixGetWidth(grey), H = L.pixGetHeight(grey), wpl = L.pixGetWpl(grey);
	l_uint32 *d = L.pixGetData(grey);
	int t = w->t > 0 ? w->t : 0, b = w->b < H ? w->b : H - 1, r = w->r < W ? w->r : W - 1;
	int l = w->l > 0 ? w->l : 0, gap = (w->b - w->t) * 3 / 10;
	if (r < l || b < t)
		return w->r;
	if (gap < 3)
		gap = 3;
	char *ink = gk_calloc((size_t)(r - l + 1), 1);
	for (int x = l; x <= r; x++)
		for (int y = t; y <= b && !ink[x - l]; y++)
			ink[x - l] = GET_DATA_BYTE(d + (size_t)y * (size_t)wpl, x) < 128;
	int e = gk_ocr_ink_end(ink, r - l + 1, gap);
	free(ink);
	return e >= 0 ? l + e : w->r;
}

/* Read a word again with another engine (one line): 1 and text/conf
 * set when it read something. */
static int reread(TessBaseAPI *api, PIX *grey, const word *w, char *text, size_t cap, float *conf)
{
	int pad = 6;
	BOX *box = L.boxCreate(w->l - pad, w->t - pad, w->r - w->l + 2 * pad, w->b - w->t + 2 * pad);
	PIX *crop = box ? L.pixClipRectangle(grey, box, NULL) : NULL;
	L.boxDestroy(&box);
	if (!crop)
		return 0;
	PIX *framed = L.pixAddBorder(crop, 16, 255);
	L.pixDestroy(&crop);
	if (!framed)
		return 0;
	L.TessBaseAPISetImage2(api, framed);
	L.TessBaseAPISetSourceResolution(api, L.pixGetXRes(grey) > 0 ? L.pixGetXRes(grey) : OCR_DPI);
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

static int alldigits(const char *s)
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
static double digit_advance(const word *wd, int nw)
{
	int *w = gk_malloc((size_t)(nw ? nw : 1) * sizeof *w), *l = gk_malloc((size_t)(nw ? nw : 1) * sizeof *l), n = 0;
	for (int i = 0; i < nw; i++)
		if (wd[i].conf >= 90 && alldigits(wd[i].text)) {
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
static int latinish(const char *s)
{
	int letters = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p >= 0x80 || isdig(*p))
			return 0;
		letters += (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z');
	}
	return letters >= 2;
}

static int has_cjk(const char *s)
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

int gk_ocr_read(gk_ocr *o, PopplerPage *page, double w, double h, gk_ocr_page *out, char **err)
{
	memset(out, 0, sizeof *out);
	out->conf = -1;
	*err = NULL;
	int dpi = getenv("GK_OCR_DPI") ? atoi(getenv("GK_OCR_DPI")) : OCR_DPI;
	if (dpi < 100 || dpi > 600)
		dpi = OCR_DPI;
	const char *dbg = getenv("GK_OCR_DEBUG"); /* a directory: the cleaned pages as PNG */
	clock_t c0 = clock();
	PIX *grey = render(page, w, h, dpi);
	if (!grey) {
		*err = gk_strfmt("cannot render the page for OCR (%.0f x %.0f points)", w, h);
		return -1;
	}
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
	/* the isolated child's stderr is not the terminal's: the log goes
	 * next to the pages */
	FILE *dlog = NULL;
	if (dbg) {
		char *f = gk_strfmt("%s/ocr.log", dbg);
		dlog = fopen(f, "a");
		free(f);
		if (!dlog)
			dbg = NULL;
	}
	if (dbg)
		fprintf(dlog, "ocr: text height %d px, read at %d dpi\n", th, dpi);
	clock_t c1 = clock();
	clean(&grey, dpi, out);
	clock_t c2 = clock();
	if (dbg) {
		static int seq;
		char *f = gk_strfmt("%s/page-%03d.png", dbg, ++seq);
		L.pixWrite(f, grey, IFF_PNG);
		free(f);
	}

	L.TessBaseAPISetImage2(o->api, grey);
	L.TessBaseAPISetSourceResolution(o->api, dpi);
	if (L.TessBaseAPIRecognize(o->api, NULL) != 0) {
		L.TessBaseAPIClear(o->api);
		L.pixDestroy(&grey);
		if (dlog)
			fclose(dlog);
		*err = gk_strdup("tesseract could not read the page");
		return -1;
	}
	clock_t c3 = clock();
	sym *sy = NULL;
	word *wd = NULL;
	int ns = 0, scap = 0, nw = 0, wcap = 0;
	TessResultIterator *ri = L.TessBaseAPIGetIterator(o->api);
	if (ri) {
		TessPageIterator *pi = L.TessResultIteratorGetPageIterator(ri);
		double lsize = 0;
		int ltop = 0, lbot = 0, lleft = 0, lright = 0, lno = -1;
		do {
			int ll, lt, lr, lb;
			if (L.TessPageIteratorIsAtBeginningOf(pi, RIL_TEXTLINE) &&
			    L.TessPageIteratorBoundingBox(pi, RIL_TEXTLINE, &ll, &lt, &lr, &lb)) {
				lsize = lb - lt;
				ltop = lt;
				lbot = lb;
				lleft = ll;
				lright = lr;
				lno++;
			}
			if (L.TessPageIteratorIsAtBeginningOf(pi, RIL_WORD)) {
				if (nw == wcap) {
					wcap = wcap ? wcap * 2 : 256;
					wd = gk_realloc(wd, (size_t)wcap * sizeof *wd);
				}
				word *x = &wd[nw++];
				memset(x, 0, sizeof *x);
				if (!L.TessPageIteratorBoundingBox(pi, RIL_WORD, &x->l, &x->t, &x->r, &x->b))
					x->l = x->t = x->r = x->b = 0;
				x->conf = L.TessResultIteratorConfidence(ri, RIL_WORD);
				x->size = lsize;
				x->lt = ltop;
				x->ll = lleft;
				x->lr = lright;
				x->line = lno;
				x->lb = lbot;
				x->first = ns;
				char *t = L.TessResultIteratorGetUTF8Text(ri, RIL_WORD);
				if (t) {
					snprintf(x->text, sizeof x->text, "%s", t);
					L.TessDeleteText(t);
				}
			}
			if (nw == 0)
				continue;
			char *t = L.TessResultIteratorGetUTF8Text(ri, RIL_SYMBOL);
			if (!t)
				continue;
			int sl, st, sr, sb;
			if (!L.TessPageIteratorBoundingBox(pi, RIL_SYMBOL, &sl, &st, &sr, &sb)) {
				L.TessDeleteText(t);
				continue;
			}
			/* one symbol may carry more than one code point: share its box */
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
				if (ns == scap) {
					scap = scap ? scap * 2 : 1024;
					sy = gk_realloc(sy, (size_t)scap * sizeof *sy);
				}
				int x0 = sl + (sr - sl) * i / ncp, x1 = sl + (sr - sl) * (i + 1) / ncp;
				sy[ns++] = (sym){x0, st, x1, sb, cps[i], nw - 1};
				wd[nw - 1].n++;
			}
			L.TessDeleteText(t);
		} while (L.TessResultIteratorNext(ri, RIL_SYMBOL));
		L.TessResultIteratorDelete(ri);
	}

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

	/* a word's box often reaches into the next word's (the last symbol's
	 * box is inflated where an amount nearly touches a label): it ends
	 * where the next word of its line begins */
	for (int i = 0; i + 1 < nw; i++)
		if (wd[i + 1].lt == wd[i].lt && wd[i + 1].l > wd[i].l && wd[i + 1].l <= wd[i].r + 1) {
			wd[i].r = wd[i + 1].l - 1;
			/* an amount that touches the next word: its box is the
			 * symbols' guess, its ink says where it ends (the right edge
			 * is what places it in its column) */
			if (amountish(wd[i].text))
				wd[i].r = ink_right(grey, &wd[i]);
		}
	/* A title is what finds a table: a line printed larger than the
	 * page's body text with a doubtful word in it is read again whole by
	 * chi_sim alone, which reads a line of Chinese better than a word of
	 * it; its reading replaces the line's when it is surer. */
	/* a line's print size: its tallest Chinese word's ink */
	int *lh = gk_malloc((size_t)(nw ? nw : 1) * sizeof *lh), nl = 0;
	for (int i = 0; i < nw;) {
		int j = i, hmax = 0;
		for (; j < nw && wd[j].line == wd[i].line; j++)
			if (has_cjk(wd[j].text) && wd[j].b - wd[j].t > hmax)
				hmax = wd[j].b - wd[j].t;
		if (hmax)
			lh[nl++] = hmax;
		i = j;
	}
	if (nl > 1)
		qsort(lh, (size_t)nl, sizeof *lh, cmp_int);
	int body = nl ? lh[nl / 2] : 0;
	free(lh);
	char (*over)[160] = NULL; /* a line's new reading, by its first word */
	float *overc = NULL;
	for (int i = 0; i < nw;) {
		int j = i;
		float minc = 100, sumc = 0;
		int cjk = 0, hmax = 0;
		while (j < nw && wd[j].line == wd[i].line) {
			if (wd[j].conf < minc)
				minc = wd[j].conf;
			sumc += wd[j].conf;
			if (has_cjk(wd[j].text)) {
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
		if (body > 0 && hmax * 4 >= body * 5 && minc < 70 && cjk && j - i <= 40 &&
		    reread(o->cjk, grey, &line, text, sizeof text, &c) && has_cjk(text) && c > sumc / (j - i)) {
			if (!over) {
				over = gk_calloc((size_t)nw, sizeof *over);
				overc = gk_calloc((size_t)nw, sizeof *overc);
			}
			snprintf(over[i], sizeof over[i], "%s", text);
			overc[i] = c;
			out->nline_pass++;
			if (dbg)
				fprintf(dlog, "line %d read again: '%s' (%.0f)\n", wd[i].line, text, c);
		}
		i = j;
	}

	/* specks read as punctuation: a word of nothing else, read without
	 * confidence, goes; quotes and stops stuck to the ends of a Chinese
	 * word go (the word's box shrinks by their share) */
	for (int i = 0; i < nw; i++) {
		word *x = &wd[i];
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
		if (!cjk)
			continue;
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
	if (dbg)
		for (int i = 0; i < nw; i++) {
			fprintf(dlog, "W %d lt=%d box=%d,%d,%d,%d conf=%.0f '%s':", i, wd[i].lt, wd[i].l, wd[i].t, wd[i].r, wd[i].b,
			        wd[i].conf, wd[i].text);
			for (int j = wd[i].first; j < wd[i].first + wd[i].n; j++)
				fprintf(dlog, " %u@%d-%d", sy[j].cp, sy[j].l, sy[j].r);
			fprintf(dlog, "\n");
		}
	double k = 72.0 / dpi, sum = 0;
	int nsum = 0;
	double adv = digit_advance(wd, nw);
	for (int i = 0; i < nw; i++) {
		word *x = &wd[i];
		if (x->n == 0)
			continue;
		if (over && (over[i][0] || (i > 0 && wd[i - 1].line == x->line && over_of(over, wd, i)))) {
			if (over[i][0]) { /* the line's reading, over the line's box */
				spread(out, k, x->ll, x->lt, x->lr, x->lb, x->size, over[i], i, overc[i]);
				sum += overc[i];
				nsum++;
			}
			continue;
		}
		float conf = x->conf;
		char alt[64];
		float aconf = 0;
		if (conf < LATIN_CONF && latinish(x->text) && reread(o->cjk, grey, x, alt, sizeof alt, &aconf) &&
		    has_cjk(alt) && aconf > conf - 10) {
			/* chi_sim's reading, its characters spread over the box */
			out->nlatin_pass++;
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
				add_glyph(out, k, x0, x->lt, x1 > x0 ? x1 : x0 + 1, x->lb, x->size, cs[j].cp, i, aconf, j == 0);
			}
			free(cs);
			sum += aconf;
			nsum++;
			continue;
		}
		/* a code read with fewer digits than its box holds ("1" for the
		 * 款 "12"): read again, by the digits' engine and else by chi_sim
		 * (eng drops the serifed 1 of "12"), and taken when the reading
		 * has as many digits as fit */
		int want = adv > 0 && alldigits(x->text) ? (int)lround((x->r - x->l) / adv) : 0;
		if (conf < DIGIT_CONF && want > (int)strlen(x->text) && want <= 8 &&
		    ((reread(o->digit, grey, x, alt, sizeof alt, &aconf) && alldigits(alt) && (int)strlen(alt) == want) ||
		     (reread(o->cjk, grey, x, alt, sizeof alt, &aconf) && alldigits(alt) && (int)strlen(alt) == want))) {
			out->ndigit_pass++;
			int n = (int)strlen(alt);
			for (int j = 0; j < n; j++) {
				int x0 = x->l + (x->r - x->l) * j / n, x1 = x->l + (x->r - x->l) * (j + 1) / n;
				add_glyph(out, k, x0, x->lt, x1, x->lb, x->size, (unsigned char)alt[j], i, aconf < conf ? aconf : conf,
				          j == 0);
			}
			sum += aconf;
			nsum++;
			continue;
		}
		if (conf < DIGIT_CONF && amountish(x->text) && reread(o->digit, grey, x, alt, sizeof alt, &aconf) &&
		    gk_ocr_fix_amount(alt)) {
			char orig[64];
			snprintf(orig, sizeof orig, "%s", x->text);
			int orig_ok = gk_ocr_fix_amount(orig);
			out->ndigit_pass++;
			/* the digits' reading mends the characters OCR confused, never
			 * the number of digits of an amount it did read */
			if (!orig_ok || (aconf > conf && ndigits(alt) == ndigits(orig))) {
				/* the digits' reading, spread over the word's box */
				int n = (int)strlen(alt);
				for (int j = 0; j < n; j++) {
					int x0 = x->l + (x->r - x->l) * j / n, x1 = x->l + (x->r - x->l) * (j + 1) / n;
					add_glyph(out, k, x0, x->lt, x1, x->lb, x->size, (unsigned char)alt[j], i, aconf, j == 0);
				}
				sum += aconf;
				nsum++;
				continue;
			}
		}
		/* Tesseract's boxes of the symbols of a word are rough: its
		 * characters are spread evenly over the word's box, standing as
		 * high as their line, as a font's boxes do; an amount run
		 * together with a word is cut into two tokens */
		/* a word read with no confidence next to one read well: two
		 * things (a label's garbage and the next column's text) */
		int contrast = 0;
		for (int p = i - 1; p >= 0; p--)
			if (wd[p].n > 0) {
				float a = wd[p].conf, b = conf;
				/* garbage runs long: a short word read badly is a hard word */
				int lown = a < b ? wd[p].n : x->n;
				contrast = wd[p].lt == x->lt && (a < b ? a : b) < 40 && (a > b ? a - b : b - a) > 40 &&
				           lown >= 4 && has_cjk(wd[p].text) && has_cjk(x->text);
				break;
			}
		for (int j = x->first; j < x->first + x->n; j++) {
			int q = j - x->first;
			int l = x->l + (x->r - x->l) * q / x->n, r = x->l + (x->r - x->l) * (q + 1) / x->n;
			int brk = j > x->first && amount_break(sy, x->first, x->first + x->n, j) ? 2
			          : j == x->first ? 1 + contrast
			                          : 0;
			add_glyph(out, k, l, x->lt, r > l ? r : l + 1, x->lb, x->size, sy[j].cp, i, conf, brk);
		}
		sum += conf;
		nsum++;
	}
	if (dbg)
		fprintf(dlog, "ocr: render %.2f s, clean %.2f s, recognise %.2f s, again %.2f s (%d digits, %d latin)\n",
		        (double)(c1 - c0) / CLOCKS_PER_SEC, (double)(c2 - c1) / CLOCKS_PER_SEC,
		        (double)(c3 - c2) / CLOCKS_PER_SEC, (double)(clock() - c3) / CLOCKS_PER_SEC, out->ndigit_pass,
		        out->nlatin_pass);
	if (dlog)
		fclose(dlog);
	free(over);
	free(overc);
	out->nword = nsum;
	out->conf = nsum ? sum / nsum : -1;
	free(sy);
	free(wd);
	L.TessBaseAPIClear(o->api);
	L.pixDestroy(&grey);
	return 0;
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

/* Specks read as punctuation around a label: quotes, a full stop, an
 * enumeration comma where none belongs ("”2024年取暖费", "特定目标类。"),
 * and a year's last digit read twice ("20244年").  In place. */
static void tidy_label(char *s)
{
	static const char *const lead[] = {"”", "“", "\"", "'", "。", "、", "，", ",", ".", "·", "_", "—", "|", " ", NULL};
	static const char *const tail[] = {"“", "”", "\"", "'", "。", "_", "—", "|", " ", NULL};
	if (!has_cjk(s))
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
	 * as 关 ("支出经济分关汇总表" at 150 dpi) */
	static const char *const term[][2] = {{"经济分关", "经济分类"}, {"功能分关", "功能分类"}, {NULL, NULL}};
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

void gk_ocr_fix_lines(gk_doc *doc, int from)
{
	numcell *nc = NULL;
	int n = 0, cap = 0;
	for (int i = from; i < doc->nline; i++) {
		gk_line *l = &doc->line[i];
		for (int j = 0; j < l->ncell; j++) {
			gk_cell *c = &l->cell[j];
			if (c->conf >= 0 && has_cjk(c->text)) {
				char *f = fix_colons(c->text);
				if (f) {
					free(c->text);
					c->text = f;
				}
				tidy_label(c->text);
			}
			if (c->conf < 0 || !amountish(c->text))
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
	for (int a = 0; a < n;) {
		int b = a + 1;
		while (b < n && nc[b].x1 - nc[b - 1].x1 <= COL_TOL)
			b++;
		int hist[8] = {0}, pointed = 0;
		for (int k = a; k < b; k++)
			if (nc[k].dec >= 0) {
				pointed++;
				if (nc[k].dec < 8)
					hist[nc[k].dec]++;
			}
		int d = 0;
		for (int k = 1; k < 8; k++)
			if (hist[k] > hist[d])
				d = k;
		if (d >= 1 && pointed >= 3 && hist[d] * 10 >= pointed * 7 && pointed * 10 >= (b - a) * 6) {
			for (int k = a; k < b; k++) {
				gk_cell *c = nc[k].c;
				const char *t = c->text;
				int neg = t[0] == '-';
				size_t len = strlen(t + neg);
				if (nc[k].dec >= 0 || len <= (size_t)d || !strcmp(t + neg, "0"))
					continue;
				char out[64];
				size_t ip = len - (size_t)d;
				snprintf(out, sizeof out, "%s%.*s.%s", neg ? "-" : "", (int)ip, t + neg, t + neg + ip);
				free(c->text);
				c->text = gk_strdup(out);
				if (c->conf > 60)
					c->conf = 60; /* a repair, not a reading */
			}
		}
		a = b;
	}
	free(nc);
}
