/*
 * extract.h - stage 1: a PDF or text file -> gk_doc (ptext.h).
 *
 * Every function returns an enum gk_exit code: GK_OK and *out set (caller
 * drops it), or an error code with *err set to a one-line message that does
 * NOT include the file name (the caller prefixes "'<path>': ").  Caller
 * frees *err.
 *
 * Metadata every extractor sets on the document:
 *   source   the path as given
 *   sha256   of the input bytes
 *   format   pdf | text
 *   pages    page count (text: form feeds + 1)
 *   encoding (text) utf-8 | gb18030
 *   repaired (pdf)  "yes" when poppler had to reconstruct the xref table
 *   pages_without_text, pages_garbled, ocr_pages (pdf): page lists "3,4"
 *   ocr_confidence (pdf)  mean Tesseract word confidence of the OCR'd pages
 */
#ifndef GK_EXTRACT_H
#define GK_EXTRACT_H

#include "ptext.h"

typedef struct gk_limits {
	long mem_mb;      /* RLIMIT_AS of the child, MiB (0 = none) */
	long cpu_s;       /* RLIMIT_CPU of the child, seconds (0 = none) */
	long wall_s;      /* the parent kills the child after this (0 = none) */
} gk_limits;

/* Defaults: 2048 MiB, 120 s CPU, 180 s wall. */
extern const gk_limits gk_default_limits;

/* Sniff the bytes and dispatch: "%PDF-" within the first 1024 bytes -> PDF,
 * else text.  Runs in the calling process. */
int gk_extract_buffer(const char *path, const char *data, size_t len, gk_doc **out, char **err);

/* Read `path` and gk_extract_buffer it.  Missing file, a directory, an
 * unreadable file -> GK_EOPEN; an empty file -> GK_EFORMAT. */
int gk_extract_file(const char *path, gk_doc **out, char **err);

/* gk_extract_file in a forked child with the limits applied; the child
 * sends the document back over a pipe in the extract format.  A child that
 * is killed, aborts or runs out of memory costs only itself: GK_ELIMIT
 * ("cpu time limit exceeded", "wall time limit (180 s) exceeded", "memory
 * limit exceeded") or GK_EDAMAGED ("parser crashed (signal 6)"). */
int gk_extract_isolated(const char *path, const gk_limits *lim, gk_doc **out, char **err);

/* OCR of pages without a text layer (or with an undecodable one): on by
 * default; off, such a document is GK_ENOTEXT as before.  A process-wide
 * setting, inherited by the isolated child. */
void gk_extract_set_ocr(int on);
int gk_extract_ocr_enabled(void);
/* Called by the PDF extractor before each page it reads by OCR: the
 * isolated child extends its CPU and wall-time allowance (OCR_PAGE_CPU_S,
 * OCR_PAGE_WALL_S a page), so that a long scan is not taken for a hostile
 * file. */
#define OCR_PAGE_CPU_S 15
#define OCR_PAGE_WALL_S 60
#define OCR_MAX_PAGES 5000 /* bounds the hard CPU limit of the child */
void gk_extract_ocr_page_begin(void);
void gk_extract_on_ocr_page(void (*fn)(void));


/* One warning line on stderr for each thing that went wrong with a
 * document that was still read: a rebuilt cross-reference table, pages
 * without text, pages of undecodable text left out. */
void gk_extract_warn(const char *path, const gk_doc *doc);

/* The two extractors. */
int gk_extract_pdf(const char *path, const char *data, size_t len, gk_doc **out, char **err);
int gk_extract_text(const char *path, const char *data, size_t len, gk_doc **out, char **err);

#endif
