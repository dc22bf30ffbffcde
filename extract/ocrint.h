/*
 * ocrint.h - what the files of the OCR reader share (extract/ocr.c reads a
 * page, extract/ocrpass.c reads parts of it again).  Internal to extract/.
 *
 * Tesseract and Leptonica are loaded by dlopen when the first page needs
 * them (ocr.c): their functions are called through the table gk_ocr_lib,
 * written L here for short.
 */
#ifndef GK_EXTRACT_OCRINT_H
#define GK_EXTRACT_OCRINT_H

#include "ocr.h"
#include "ocrwords.h"

#include <leptonica/allheaders.h>
#include <stdio.h>
#include <tesseract/capi.h>

/* resolution the page is rendered and read at */
#define OCR_DPI 250
/* white px framing a crop read again */
#define FRAME 16

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
	X(pixGetPixel) \
	X(pixGetWidth) \
	X(pixGetWpl) \
	X(pixGetXRes) \
	X(pixOpenBrick) \
	X(pixOr) \
	X(pixOtsuAdaptiveThreshold) \
	X(pixPaintThroughMask) \
	X(pixRankFilterGray) \
	X(pixRotate) \
	X(pixScale) \
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

struct gk_ocr_lib {
#define X(f) __typeof__(f) *f;
	LEPT_FUNCS(X)
	TESS_FUNCS(X)
#undef X
};
/* filled by ocr.c's loader; read-only after */
extern struct gk_ocr_lib gk_ocr_lib;
#define L gk_ocr_lib

struct gk_ocr {
	TessBaseAPI *api;   /* chi_sim+eng, the page */
	TessBaseAPI *digit; /* eng with a digit whitelist, one word */
	TessBaseAPI *cjk;   /* chi_sim alone, one word read as Latin letters */
};

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
	int *overr;        /* where it was cut (px): the line's words from there
	                    * on are its own; 0: the reading is the whole line */
	int *overe;        /* where its ink ends (px), when cut */
	gk_ocrw_box *vr;   /* the vertical ruling lines found (px) */
	gk_ocrw_box *hr;   /* the horizontal ones */
	int nvr, nhr;
	double k;          /* points per pixel */
	double sum;        /* the confidences of the words emitted */
	int nsum;          /* how many */
} reading;

/* ocr.c: Tesseract's words and symbols of api's last reading appended to
 * ws, its lines numbered from line0 */
void gk_ocr_collect(TessBaseAPI *api, gk_ocrw *ws, int line0);
/* ocr.c: the box l,t,r,b of grey (pad px around it) set as api's image,
 * framed white; *framed is the caller's to destroy after reading.  0 when
 * it cannot be cut. */
int gk_ocr_set_crop(TessBaseAPI *api, PIX *grey, int l, int t, int r, int b, int pad, PIX **framed);
/* ocr.c: word w read again by api as one line: 1 and text/conf set when
 * it read something */
int gk_ocr_reread(TessBaseAPI *api, PIX *grey, const word *w, char *text, size_t cap, float *conf);
/* the same, the box l,t,r,b (not padded) scaled by k (ocrpass.c: gk_ocr_set_scaled_crop) */
int gk_ocr_reread_scaled(TessBaseAPI *api, PIX *grey, int l, int t, int r, int b, int k, char *text, size_t cap,
                         float *conf);
/* The box l,t,r,b of the page scaled by k, framed in FRAME px of white,
 * given to api to read: 0 when it cannot be cut.  *framed is the
 * caller's to destroy after reading. */
int gk_ocr_set_scaled_crop(TessBaseAPI *api, PIX *grey, int l, int t, int r, int b, int k, PIX **framed);

/* ocrpass.c: the second readings, in the order gk_ocr_read makes them */
void gk_ocr_reread_bands(reading *r);
void gk_ocr_reread_cells(reading *r);
void gk_ocr_read_gaps(reading *r);
void gk_ocr_reread_titles(reading *r);

#endif
