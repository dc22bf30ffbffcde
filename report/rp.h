/*
 * rp.h - what the report/ sources share (not an interface: see report.h).
 *
 * read.c   OUT -> rp_corpus (documents, their tables, failed checks and
 *          where on which page each is printed)
 * crop.c   the images of failed checks (poppler + cairo, a PNG of 16
 *          colours), in forked children with limits
 * svg.c    the charts, inline SVG
 * html.c   index.html and one page per document
 * report.c gk_report_build: the phases, the temporary directory swapped in
 * failures.c OUT/failures.csv
 */
#ifndef GK_RP_H
#define GK_RP_H

#include "gk.h"

/* Limits of what the report holds, so that its size is bounded (README
 * "Report": measured sizes). */
#define RP_MAX_CROPS 100   /* images per document; further findings in words */
#define RP_DOC_BYTES (300 * 1024) /* bytes of images per document, at most */
#define RP_CROP_MAX_W 1100 /* pixels: a crop's width at most */
#define RP_CROP_SCALE 1.5  /* pixels per PDF point (108 dpi), less for wide pages */
#define RP_CROP_MAX_H 420  /* pixels: a crop's height at most */
#define RP_PAGE_W 640      /* pixels: a whole page (no box known) is this wide */

/* One check that did not hold, as the report shows it. */
typedef struct rp_check {
	char *table_id, *check, *row, *expected, *found, *status;
	char *detail; /* checks.csv's detail, or NULL */
	int page;     /* the page of the finding: rows.csv, checks.csv, tables.csv; 0 unknown */
	int has_box;  /* box (PDF points, y from the top) from rows.csv */
	double x0, y0, x1, y1;
	int crop;      /* index into rp_doc.crops, or -1 */
	char *nocrop;  /* why there is no image (owned), or NULL */
} rp_check;

/* A table of the document (tables.csv, or the table files found). */
typedef struct rp_table {
	char *id, *title, *pages, *unit, *status;
	int rows;
} rp_table;

/* An image to make: a page, a box on it or figures to find there. */
typedef struct rp_crop {
	int page;
	int last_page; /* without a box: look on page..last_page (a table goes on) */
	int has_box;
	double x0, y0, x1, y1;
	char *find[3]; /* what to look for on the page when no box is known: the
	                  figures found and expected, the words the detail quotes */
	char *file;    /* "<n>.png" in the document's image folder */
	int made;      /* the file was written */
	int shown;     /* the page it shows */
	int outlined;  /* a box is outlined on it (else it is the whole page) */
	int over;      /* not made: the document's RP_DOC_BYTES were spent */
} rp_crop;

typedef struct rp_doc {
	char *name;   /* OUT/<name> */
	char *file;   /* the page's and the image folder's name in report/ */
	int has_dir;  /* OUT/<name>/document.csv was read */
	char *source, *sha256, *format, *region, *department, *year, *kind, *unit;
	char *ocr_pages, *pages_without_text, *pages_garbled, *repaired;
	char *url, *aliases; /* where it was published; other paths of the same bytes */
	int pages, tables_found, tables_listed;
	long amounts;     /* figures read: numeric cells of amount columns */
	char *total;      /* the summary's 支出总计 (or 收入总计), or NULL */
	int failed;       /* exit code of its last run, 0 ok */
	char *reason;     /* why it failed, or NULL */
	int nstatus[8];   /* checks by status: see rp_status_names */
	rp_table *tables;
	int ntable;
	rp_check *fails;  /* status fail, in checks.csv order */
	int nfail;
	rp_check *unsure; /* status unsure */
	int nunsure;
	rp_crop *crops;
	int ncrop;
	char *crop_note;  /* why the images could not be made, or NULL */
	char *read_error; /* a file of the document that could not be read */
} rp_doc;

typedef struct rp_corpus {
	const char *outdir;
	rp_doc *docs;
	int n;
	int have_rows, have_page, have_detail, have_tables; /* which optional inputs were seen */
} rp_corpus;

extern const char *const rp_status_names[8]; /* ok fail unsure round skip ambiguous corrected other */
int rp_status_index(const char *status);

/* read.c: every document of OUT (directories, manifest, failures.csv),
 * in name order, findings located.  0, or -1 with *err set. */
int rp_read(rp_corpus *c, const char *outdir, int outfd, char **err);
void rp_corpus_drop(rp_corpus *c);
/* The table's title (tables.csv) or the usual name of a contract id. */
const char *rp_table_title(const rp_doc *d, const char *id);
const char *rp_table_name(const char *id);

/* crop.c: make the images of every document (in children, jobs at a
 * time) into imgfd/<doc->file>/; sets crops[].made and crop_note. */
void rp_crops_make(rp_corpus *c, int imgfd, int jobs);
/* Render the crop k of the PDF data into a PNG; returns it (caller
 * frees) and its size, k->shown and k->outlined set, or NULL with *err
 * set. */
char *rp_crop_png(const char *data, size_t len, rp_crop *k, size_t *pnglen, char **err);

/* svg.c: charts.  Horizontal bars, one row per label, up to 3 stacked
 * series (values[i*nser + s]). */
void rp_svg_bars(gk_buf *b, const char *title, const char *const *labels, const long *values, int n,
                 int nser, const char *const *series, const char *const *colours);
/* A grid: rows x cols, cell counts (0 = empty). */
void rp_svg_grid(gk_buf *b, const char *title, const char *const *rows, int nr, const char *const *cols,
                 int nc, const int *count);

/* html.c */
void rp_html_text(gk_buf *b, const char *s); /* escaped text (invalid UTF-8 -> U+FFFD) */
void rp_html_url(gk_buf *b, const char *s);  /* a path segment, percent-encoded */
char *rp_finding_words(const rp_doc *d, const rp_check *k); /* one sentence */
int rp_write_doc_page(const rp_corpus *c, const rp_doc *d, int docsfd);
int rp_write_index(const rp_corpus *c, int rfd);

#endif
