/*
 * report.h - `gongkai report OUT` and `gongkai run --report`: a static
 * report under OUT/report/ (README.md "Report"), and OUT/failures.csv,
 * what made each failed document fail.
 *
 * The report is read from what OUT holds, never from a run's memory, so
 * that it can be made again at any time: OUT/<doc>/document.csv,
 * checks.csv, tables.csv and rows.csv (columns found by their header
 * names; tables.csv and rows.csv, and the checks' page, detail and row_no
 * columns, may be absent), the manifest OUT/.gongkai-manifest (exit code
 * of every document) and OUT/failures.csv (why).  Images are made only
 * for failed checks, by poppler + cairo in forked children with limits
 * (a hostile PDF costs only its own images).
 */
#ifndef GK_REPORT_H
#define GK_REPORT_H

/* Build OUT/report/ (a temporary directory, swapped in whole when done).
 * outfd is a descriptor of OUT, which the caller has locked (run.c);
 * jobs: renderers in parallel (<= 0: online CPUs); quiet: no summary
 * line.  Returns GK_OK or GK_EWRITE after a one-line error (OUT/report
 * cannot be written, or it is a document's directory). */
int gk_report_build(const char *outdir, int outfd, int jobs, int quiet);

/* One document that failed (or, code 0, that did not: its old row goes). */
typedef struct gk_failure {
	const char *doc;    /* document name ("" for an input that never became one) */
	const char *source; /* the path as given */
	int code;           /* exit code (README "Exit codes"); 0: not failed */
	const char *reason; /* the error message; NULL: keep the old file's, or
	                       the exit code's name */
} gk_failure;

/* Rewrite OUT/failures.csv (`doc, source, exit_code, error, reason`, in
 * document order) with a row for each failure of v whose code is not 0.
 * The file is replaced atomically, and only when its bytes change (so
 * that an unchanged run leaves OUT as it was).  0, or -1 with errno set. */
int gk_failures_write(int outfd, const gk_failure *v, int n);

#endif
