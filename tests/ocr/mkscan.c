/*
 * mkscan.c - test material for OCR: render a PDF's pages to images and
 * wrap them as an image-only PDF, as a scanner or a photocopier would.
 *
 *   gk-mkscan [--degrade SEED] [--pages A-B] DPI IN.pdf OUT.pdf
 *
 * Clean: each page rendered at DPI (poppler + cairo), 8-bit grey, stored
 * losslessly.  --degrade: the page turned by 0.5-1 degree (direction and
 * angle from SEED), blurred (3x3 mean), Gaussian noise added, stored as
 * JPEG at quality 35 - the degradations of a careless scan.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <cairo.h>
#include <leptonica/allheaders.h>
#include <math.h>
#include <poppler.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static PIX *render(PopplerPage *page, int dpi)
{
	double w, h;
	poppler_page_get_size(page, &w, &h);
	int pw = (int)lround(w * dpi / 72.0), ph = (int)lround(h * dpi / 72.0);
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pw, ph);
	cairo_t *cr = cairo_create(s);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, dpi / 72.0, dpi / 72.0);
	poppler_page_render_for_printing(page, cr);
	cairo_destroy(cr);
	cairo_surface_flush(s);
	PIX *pix = pixCreate(pw, ph, 8);
	pixSetResolution(pix, dpi, dpi);
	const unsigned char *d = cairo_image_surface_get_data(s);
	int stride = cairo_image_surface_get_stride(s);
	l_uint32 *pd = pixGetData(pix);
	int wpl = pixGetWpl(pix);
	for (int y = 0; y < ph; y++) {
		const uint32_t *src = (const uint32_t *)(d + (size_t)y * stride);
		l_uint32 *line = pd + (size_t)y * wpl;
		for (int x = 0; x < pw; x++) {
			uint32_t p = src[x];
			int g = (int)((((p >> 16) & 255) * 299 + ((p >> 8) & 255) * 587 + (p & 255) * 114) / 1000);
			SET_DATA_BYTE(line, x, g);
		}
	}
	cairo_surface_destroy(s);
	return pix;
}

static PIX *degrade(PIX *pix, unsigned *seed)
{
	double deg = 0.5 + 0.5 * (rand_r(seed) / (double)RAND_MAX);
	if (rand_r(seed) & 1)
		deg = -deg;
	PIX *r = pixRotate(pix, (float)(deg * M_PI / 180.0), L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0);
	PIX *b = pixBlockconv(r, 1, 1);
	pixDestroy(&r);
	srand(*seed); /* pixAddGaussianNoise draws from rand() */
	PIX *n = pixAddGaussianNoise(b, 12.0f);
	pixDestroy(&b);
	return n;
}

int main(int argc, char **argv)
{
	int degraded = 0, first = 1, last = 1 << 30;
	unsigned seed = 1;
	int i = 1;
	for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i++) {
		if (!strcmp(argv[i], "--degrade") && i + 1 < argc) {
			degraded = 1;
			seed = (unsigned)strtoul(argv[++i], NULL, 10);
		} else if (!strcmp(argv[i], "--pages") && i + 1 < argc) {
			if (sscanf(argv[++i], "%d-%d", &first, &last) < 1)
				goto usage;
			if (!strchr(argv[i], '-'))
				last = first;
		} else {
			goto usage;
		}
	}
	if (argc - i != 3)
		goto usage;
	int dpi = atoi(argv[i]);
	if (dpi < 50 || dpi > 600)
		goto usage;
	GError *gerr = NULL;
	char *abs = g_canonicalize_filename(argv[i + 1], NULL);
	char *uri = g_filename_to_uri(abs, NULL, &gerr);
	g_free(abs);
	PopplerDocument *doc = uri ? poppler_document_new_from_file(uri, NULL, &gerr) : NULL;
	g_free(uri);
	if (!doc) {
		fprintf(stderr, "gk-mkscan: error: '%s': %s\n", argv[i + 1], gerr ? gerr->message : "cannot open");
		return 3;
	}
	setLeptDebugOK(0);
	PIXA *pixa = pixaCreate(0);
	int n = poppler_document_get_n_pages(doc);
	for (int p = 0; p < n; p++) {
		if (p + 1 < first || p + 1 > last)
			continue;
		PopplerPage *page = poppler_document_get_page(doc, p);
		PIX *pix = render(page, dpi);
		g_object_unref(page);
		if (degraded) {
			unsigned s = seed * 7919u + (unsigned)p;
			PIX *d = degrade(pix, &s);
			pixDestroy(&pix);
			pix = d;
		}
		pixSetResolution(pix, dpi, dpi);
		pixaAddPix(pixa, pix, L_INSERT);
	}
	g_object_unref(doc);
	l_uint8 *data = NULL;
	size_t len = 0;
	if (pixaConvertToPdfData(pixa, dpi, 1.0f, degraded ? L_JPEG_ENCODE : L_FLATE_ENCODE, degraded ? 35 : 0,
	                         NULL, &data, &len)) {
		fprintf(stderr, "gk-mkscan: error: cannot make the PDF\n");
		return 70;
	}
	pixaDestroy(&pixa);
	FILE *f = fopen(argv[i + 2], "wb");
	if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		fprintf(stderr, "gk-mkscan: error: '%s': cannot write\n", argv[i + 2]);
		return 10;
	}
	free(data);
	return 0;
usage:
	fprintf(stderr, "usage: gk-mkscan [--degrade SEED] [--pages A[-B]] DPI IN.pdf OUT.pdf\n");
	return 2;
}
