/* formats.c - the combined files in other forms: an Excel workbook
 * (--xlsx, libxlsxwriter) and datapackage.json (Frictionless Data
 * Package with a Table Schema per file).  The types of the columns are
 * gkl_col_type's (sqlite.c), the same for SQLite, xlsx and the schema. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "loadi.h"

#include "contract.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

/* A plain decimal as a double, without strtod (locale): exact for up to 15
 * significant digits, which is what a spreadsheet keeps anyway. */
static double decimal_value(const char *s)
{
	int neg = *s == '-';
	double v = 0, scale = 1;
	int dot = 0;
	long long iv = 0;
	int digits = 0, dec = 0;
	for (const char *p = s + neg; *p; p++) {
		if (*p == '.') {
			dot = 1;
			continue;
		}
		if (digits < 18) {
			iv = iv * 10 + (*p - '0');
			digits += iv > 0;
			dec += dot;
		} else if (!dot) {
			scale *= 10; /* (beyond 18 digits: magnitude only) */
		}
	}
	v = (double)iv * scale;
	static const double p10[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14,
	                             1e15, 1e16, 1e17, 1e18};
	v /= p10[dec < 18 ? dec : 18];
	return neg ? -v : v;
}

/* ---- xlsx ---- */

struct gkl_xlsx {
	char *path, *dir, *base; /* FILE, its directory and name */
	int dirfd;
	char *tmpdir;            /* a private directory beside FILE */
	char *tmppath;           /* tmpdir/book.xlsx */
	lxw_workbook *wb;
	lxw_format *text;        /* "@": text, so Excel keeps 029 and long codes */
	gk_strv sheets;
};

static void xlsx_free(gkl_xlsx *x)
{
	if (x->wb) {
		workbook_close(x->wb);
		x->wb = NULL;
	}
	if (x->tmpdir && x->dirfd >= 0)
		gk_rmtree_at(x->dirfd, x->tmpdir);
	if (x->dirfd >= 0)
		close(x->dirfd);
	free(x->path), free(x->dir), free(x->base), free(x->tmpdir), free(x->tmppath);
	gk_strv_drop(&x->sheets);
	free(x);
}

gkl_xlsx *gkl_xlsx_open(const char *path, char **err)
{
	gkl_xlsx *x = gk_calloc(1, sizeof *x);
	x->dirfd = -1;
	x->path = gk_strdup(path);
	const char *slash = strrchr(path, '/');
	x->dir = slash ? gk_strndup(path, slash == path ? 1 : (size_t)(slash - path)) : gk_strdup(".");
	x->base = gk_strdup(slash ? slash + 1 : path);
	struct stat st;
	if (!*x->base || (lstat(path, &st) == 0 && !S_ISREG(st.st_mode))) {
		*err = gk_strfmt("cannot write '%s': %s", path,
		                 !*x->base || S_ISDIR(st.st_mode) ? strerror(EISDIR) : "not a regular file");
		xlsx_free(x);
		return NULL;
	}
	int fd;
	/* the workbook is written in a directory of our own (nobody can put a
	 * link there), then renamed over FILE */
	if ((x->dirfd = gk_dir_open(x->dir)) < 0 || (fd = gk_tmpdir_at(x->dirfd, x->base, &x->tmpdir)) < 0) {
		*err = gk_strfmt("cannot write '%s': %s", path, strerror(errno));
		xlsx_free(x);
		return NULL;
	}
	close(fd);
	x->tmppath = gk_strfmt("%s/%s/book.xlsx", x->dir, x->tmpdir);
	lxw_workbook_options opt = {.constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_TRUE};
	x->wb = workbook_new_opt(x->tmppath, &opt);
	if (!x->wb) {
		*err = gk_strfmt("cannot write '%s': cannot create a workbook", path);
		xlsx_free(x);
		return NULL;
	}
	x->text = workbook_add_format(x->wb);
	format_set_num_format(x->text, "@");
	return x;
}

/* A sheet name Excel takes: at most 31 characters, unique (case aside) */
static char *sheet_name(gkl_xlsx *x, const char *name, int part)
{
	char *n = part > 1 ? gk_strfmt("%.27s~%d", name, part) : gk_strfmt("%.31s", name);
	for (int k = 2;; k++) {
		int dup = 0;
		for (int i = 0; i < x->sheets.n && !dup; i++)
			dup = !strcasecmp(x->sheets.v[i], n);
		if (!dup)
			break;
		free(n);
		n = gk_strfmt("%.26s~%d~%d", name, part, k);
	}
	gk_strv_pushs(&x->sheets, n);
	return n;
}

#define XLSX_MAXROW 1048576
#define XLSX_MAXSTR 32767

int gkl_xlsx_sheet(gkl_xlsx *x, const char *name, const char *const *cols, const char *types, int ncols,
                   char ***rows, int nrows, char **err)
{
	int done = 0, part = 1;
	do { /* a table longer than a sheet goes on in name~2, ... */
		char *sn = sheet_name(x, name, part++);
		lxw_worksheet *ws = workbook_add_worksheet(x->wb, sn);
		free(sn);
		if (!ws) {
			*err = gk_strfmt("cannot write '%s': cannot add sheet '%s'", x->path, name);
			return -1;
		}
		for (int j = 0; j < ncols; j++) {
			worksheet_write_string(ws, 0, (lxw_col_t)j, cols[j], NULL);
			if (types[j] == 'C' || types[j] == 'T') /* typed in later: text too */
				worksheet_set_column(ws, (lxw_col_t)j, (lxw_col_t)j, LXW_DEF_COL_WIDTH, x->text);
		}
		worksheet_freeze_panes(ws, 1, 0);
		int n = nrows - done < XLSX_MAXROW - 1 ? nrows - done : XLSX_MAXROW - 1;
		for (int i = 0; i < n; i++) {
			char **r = rows[done + i];
			for (int j = 0; j < ncols; j++) {
				const char *v = r[j];
				lxw_error e;
				if (!*v)
					continue;
				if (types[j] == 'A' || types[j] == 'N' || types[j] == 'I') {
					e = worksheet_write_number(ws, (lxw_row_t)(i + 1), (lxw_col_t)j, decimal_value(v), NULL);
				} else {
					char *cut = strlen(v) > XLSX_MAXSTR ? gk_strndup(v, XLSX_MAXSTR - 4) : NULL;
					if (cut) { /* (not inside a UTF-8 sequence) */
						size_t l = strlen(cut);
						while (l && ((unsigned char)cut[l] & 0xC0) == 0x80)
							cut[--l] = 0;
					}
					e = worksheet_write_string(ws, (lxw_row_t)(i + 1), (lxw_col_t)j, cut ? cut : v, x->text);
					free(cut);
				}
				if (e != LXW_NO_ERROR) {
					*err = gk_strfmt("cannot write '%s': sheet '%s': %s", x->path, name, lxw_strerror(e));
					return -1;
				}
			}
		}
		done += n;
	} while (done < nrows);
	return 0;
}

int gkl_xlsx_commit(gkl_xlsx *x, char **err)
{
	lxw_error e = workbook_close(x->wb);
	x->wb = NULL;
	int rc = 0;
	char *inner = gk_strfmt("%s/book.xlsx", x->tmpdir);
	if (e != LXW_NO_ERROR) {
		*err = gk_strfmt("cannot write '%s': %s", x->path, lxw_strerror(e));
		rc = -1;
	} else if (renameat(x->dirfd, inner, x->dirfd, x->base) < 0) {
		*err = gk_strfmt("cannot write '%s': %s", x->path, strerror(errno));
		rc = -1;
	} else {
		gk_fsync_fd(x->dirfd);
	}
	free(inner);
	xlsx_free(x);
	return rc;
}

void gkl_xlsx_abort(gkl_xlsx *x)
{
	if (x)
		xlsx_free(x);
}

/* ---- datapackage.json ---- */

static void json_str(gk_buf *b, const char *s)
{
	gk_buf_addc(b, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			gk_buf_addf(b, "\\%c", *p);
		else if (*p == '\n')
			gk_buf_adds(b, "\\n");
		else if (*p == '\t')
			gk_buf_adds(b, "\\t");
		else if (*p < 0x20)
			gk_buf_addf(b, "\\u%04x", *p);
		else
			gk_buf_addc(b, (char)*p);
	}
	gk_buf_addc(b, '"');
}

static int has_col(const char *const *cols, int n, const char *c)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(cols[i], c))
			return 1;
	return 0;
}

void gkl_pkg_resource(gk_buf *b, int k, const char *name, const char *file, const char *table_id,
                      const char *const *cols, const char *types, int ncols, int bom)
{
	gk_buf_adds(b, k ? ",\n    {\n" : "    {\n");
	gk_buf_adds(b, "      \"name\": ");
	json_str(b, name);
	gk_buf_adds(b, ",\n      \"path\": ");
	json_str(b, file);
	gk_buf_adds(b, ",\n      \"profile\": \"tabular-data-resource\",\n      \"format\": \"csv\",\n"
	               "      \"mediatype\": \"text/csv\",\n");
	gk_buf_addf(b, "      \"encoding\": \"%s\",\n", bom ? "utf-8-sig" : "utf-8");
	gk_buf_adds(b, "      \"dialect\": {\"delimiter\": \",\", \"lineTerminator\": \"\\n\", \"header\": true},\n");
	const gk_tabledef *def = gk_tabledef_find(table_id);
	if (def || !strncmp(table_id, "other_", 6))
		gk_buf_adds(b, "      \"description\": \"amounts in 万元 (10,000 yuan), as printed; codes are digit strings\",\n");
	gk_buf_adds(b, "      \"schema\": {\n        \"fields\": [");
	for (int j = 0; j < ncols; j++) {
		static const char *const tname[] = {"string", "string", "integer", "number", "number"};
		const char *tt = strchr("TCIAN", types[j]) ? tname[strchr("TCIAN", types[j]) - "TCIAN"] : "string";
		gk_buf_adds(b, j ? ",\n          {" : "\n          {");
		gk_buf_adds(b, "\"name\": ");
		json_str(b, cols[j]);
		gk_buf_addf(b, ", \"type\": \"%s\"", tt);
		const char *d = gk_col_description(cols[j]);
		if (!strcmp(cols[j], "item") && strcmp(table_id, "revenue_expenditure_summary") &&
		    strcmp(table_id, "fiscal_appropriation_summary"))
			d = "款 of func_code";
		if (types[j] == 'A') {
			gk_buf_adds(b, ", \"unit\": \"万元\"");
			if (!d)
				d = "amount in 万元 (10,000 yuan)";
		} else if (types[j] == 'C' && !d) {
			d = "a code: digits, kept as text (leading zeros)";
		}
		if (d) {
			gk_buf_adds(b, ", \"description\": ");
			json_str(b, d);
		}
		if (types[j] == 'C')
			gk_buf_adds(b, ", \"format\": \"default\"");
		gk_buf_adds(b, "}");
	}
	gk_buf_adds(b, "\n        ],\n        \"missingValues\": [\"\"]");
	if (has_col(cols, ncols, "doc") && has_col(cols, ncols, "row_no") && (def || !strncmp(table_id, "other_", 6)))
		gk_buf_adds(b, ",\n        \"primaryKey\": [\"doc\", \"row_no\"]");
	else if (!strcmp(table_id, "documents"))
		gk_buf_adds(b, ",\n        \"primaryKey\": [\"doc\"]");
	else if (!strcmp(table_id, "tables"))
		gk_buf_adds(b, ",\n        \"primaryKey\": [\"doc\", \"table_id\"]");
	if (strcmp(table_id, "documents") && has_col(cols, ncols, "doc"))
		gk_buf_adds(b, ",\n        \"foreignKeys\": [{\"fields\": [\"doc\"], \"reference\": "
		               "{\"resource\": \"documents\", \"fields\": [\"doc\"]}}]");
	gk_buf_adds(b, "\n      }\n    }");
}

int gkl_pkg_write(int dfd, const char *out, const gk_buf *b, int bom, char **err)
{
	(void)bom;
	gk_buf j = {0};
	gk_buf_adds(&j, "{\n  \"profile\": \"tabular-data-package\",\n  \"name\": \"gongkai\",\n"
	                "  \"title\": \"Chinese government budget disclosures as contract tables (gongkai " GK_VERSION ")\",\n"
	                "  \"resources\": [\n");
	if (b->len)
		gk_buf_add(&j, b->s, b->len);
	gk_buf_adds(&j, "\n  ]\n}\n");
	int rc = 0;
	if (gk_write_atomic_at(dfd, "datapackage.json", j.s, j.len) < 0) {
		*err = gk_strfmt("cannot write '%s/datapackage.json': %s", out, strerror(errno));
		rc = -1;
	}
	gk_buf_drop(&j);
	return rc;
}
