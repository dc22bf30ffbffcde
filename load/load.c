/* load.c - stage 3: CSV rendering and the per-document directories.
 * The combined files and SQLite are in combine.c and sqlite.c. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "load.h"

#include "contract.h"
#include "loadi.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- CSV text ---- */

/* -?[0-9]+(\.[0-9]+)?: amounts and codes as normalize writes them */
static int plain_number(const char *s)
{
	const char *p = s + (*s == '-');
	if (*p < '0' || *p > '9')
		return 0;
	while (*p >= '0' && *p <= '9')
		p++;
	if (*p == '.') {
		if (p[1] < '0' || p[1] > '9')
			return 0;
		for (p++; *p >= '0' && *p <= '9'; p++)
			;
	}
	return *p == 0;
}

/* OWASP "CSV injection": a spreadsheet takes a cell starting with = + - @
 * for a formula (and OWASP adds TAB and CR).  Such a cell, unless it is a
 * plain number or the lone "-" tables print for "none" (text to a
 * spreadsheet, and no room for a formula), is written with a leading
 * apostrophe; so is a cell that already starts with apostrophes before one
 * of them, which keeps the mapping reversible (gkl_cell_raw). */
int gkl_cell_formula_like(const char *s)
{
	if (!strcmp(s, "-"))
		return 0;
	const char *p = s;
	while (*p == '\'')
		p++;
	return (*p == '=' || *p == '+' || *p == '-' || *p == '@' || *p == '\t' || *p == '\r') && !plain_number(s);
}

void gkl_cell_raw(char *s)
{
	if (s[0] == '\'' && gkl_cell_formula_like(s + 1))
		memmove(s, s + 1, strlen(s));
}

/* RFC 4180: quote only a field holding a comma, quote, CR or LF.  A record
 * of one empty field is written as "" so that it is not a blank line. */
static void add_field(gk_buf *b, const char *s, int alone, int neutral)
{
	char *guarded = NULL;
	if (neutral && gkl_cell_formula_like(s))
		s = guarded = gk_strfmt("'%s", s);
	size_t n = strlen(s);
	if (n == 0) {
		if (alone)
			gk_buf_adds(b, "\"\"");
	} else if (!strpbrk(s, ",\"\r\n")) {
		gk_buf_add(b, s, n);
	} else {
		size_t cap = 2 * n + 2;
		char *q = gk_malloc(cap);
		size_t w = csv_write(q, cap, s, n);
		gk_buf_add(b, q, w < cap ? w : cap);
		free(q);
	}
	free(guarded);
}

static void add_record(gk_buf *b, const char *const *v, int n, int neutral)
{
	for (int j = 0; j < n; j++) {
		if (j)
			gk_buf_addc(b, ',');
		add_field(b, v[j] ? v[j] : "", n == 1, neutral);
	}
	gk_buf_addc(b, '\n');
}

void gk_csv_render(const char *const *cols, int ncols, char ***rows, int nrows, int flags, char **out,
                   size_t *len)
{
	gk_buf b = {0};
	int neutral = (flags & GK_CSV_NEUTRAL) != 0;
	if (flags & GK_CSV_BOM)
		gk_buf_adds(&b, "\xEF\xBB\xBF");
	add_record(&b, cols, ncols, neutral);
	for (int i = 0; i < nrows; i++)
		add_record(&b, (const char *const *)rows[i], ncols, neutral);
	*len = b.len;
	*out = gk_buf_take(&b);
}

int gkl_csv_flags(const gk_load_opts *o)
{
	return (o->bom ? GK_CSV_BOM : 0) | (o->raw_cells ? 0 : GK_CSV_NEUTRAL);
}

/* ---- file system helpers (loadi.h) ---- */

int gkl_valid_doc(const char *doc)
{
	return doc && *doc && *doc != '.' && !strchr(doc, '/') && !gkl_combined_name(doc);
}

int gkl_combined_name(const char *name)
{
	size_t n = strlen(name);
	return n > 4 && !strcasecmp(name + n - 4, ".csv");
}

int gkl_valid_table_id(const char *id)
{
	if (!id || !*id)
		return 0;
	for (const char *p = id; *p; p++)
		if (!(*p >= 'a' && *p <= 'z') && !(*p >= 'A' && *p <= 'Z') && !(*p >= '0' && *p <= '9') &&
		    *p != '_' && *p != '-')
			return 0;
	return strcasecmp(id, "document") && strcasecmp(id, "documents") && strcasecmp(id, "checks") &&
	       strncasecmp(id, "sqlite_", 7);
}

void gkl_fsync_dir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return;
	fsync(fd);
	close(fd);
}

/* ---- one document ---- */

/* All tables of r with the id of r->tables[first], merged into one column
 * list (first-seen order; the k-th column of a name in one table is the k-th
 * of that name in the union) and rendered.  Normally there is one table. */
static void render_tables(const gk_result *r, int first, int flags, char **out, size_t *len)
{
	const gk_table *t0 = r->tables[first];
	int n = 0;
	for (int i = first; i < r->ntable; i++)
		n += !strcmp(r->tables[i]->id, t0->id);
	if (n == 1) {
		gk_csv_render((const char *const *)t0->cols.v, t0->cols.n, t0->rows, t0->nrow, flags, out,
		              len);
		return;
	}
	gk_strv cols = {0};
	int nrow = 0;
	for (int i = first; i < r->ntable; i++) {
		const gk_table *t = r->tables[i];
		if (strcmp(t->id, t0->id))
			continue;
		nrow += t->nrow;
		for (int j = 0; j < t->cols.n; j++) {
			int occ = 0, have = 0;
			for (int k = 0; k < j; k++)
				occ += !strcmp(t->cols.v[k], t->cols.v[j]);
			for (int k = 0; k < cols.n; k++)
				have += !strcmp(cols.v[k], t->cols.v[j]);
			if (have <= occ)
				gk_strv_pushs(&cols, t->cols.v[j]);
		}
	}
	static char empty[1];
	char ***rows = gk_calloc((size_t)nrow + 1, sizeof *rows);
	int *map = gk_calloc((size_t)cols.n + 1, sizeof *map);
	int nr = 0;
	for (int i = first; i < r->ntable; i++) {
		const gk_table *t = r->tables[i];
		if (strcmp(t->id, t0->id))
			continue;
		for (int j = 0; j < t->cols.n; j++) {
			int occ = 0;
			for (int k = 0; k < j; k++)
				occ += !strcmp(t->cols.v[k], t->cols.v[j]);
			for (int k = 0; k < cols.n; k++)
				if (!strcmp(cols.v[k], t->cols.v[j]) && occ-- == 0) {
					map[j] = k;
					break;
				}
		}
		for (int ri = 0; ri < t->nrow; ri++) {
			char **row = gk_malloc(sizeof *row * (size_t)(cols.n + 1));
			for (int k = 0; k < cols.n; k++)
				row[k] = empty;
			for (int j = 0; j < t->cols.n; j++)
				row[map[j]] = t->rows[ri][j];
			rows[nr++] = row;
		}
	}
	gk_csv_render((const char *const *)cols.v, cols.n, rows, nr, flags, out, len);
	for (int i = 0; i < nr; i++)
		free(rows[i]);
	free(rows);
	free(map);
	gk_strv_drop(&cols);
}

static int write_csv(int dfd, const char *name, const char *data, size_t len)
{
	char *file = gk_strfmt("%s.csv", name);
	int rc = gk_write_new_at(dfd, file, data, len);
	int e = errno;
	free(file);
	errno = e;
	return rc;
}

static int failed(char **bad, char *path, int e)
{
	*bad = path;
	errno = e;
	return -1;
}

/* Write every file of r into the (new, empty) directory tfd.  On failure
 * -1: *bad names the file (its final path under fin) and errno is set;
 * -2: *bad is the whole message. */
static int write_files(const gk_load_opts *o, const gk_result *r, int tfd, const char *fin, char **bad)
{
	char *data;
	size_t len;
	int flags = gkl_csv_flags(o);
	for (int i = 0; i < r->ntable; i++) {
		const char *id = r->tables[i]->id;
		int seen = 0;
		for (int k = 0; k < i && !seen; k++)
			seen = !strcmp(r->tables[k]->id, id);
		if (seen)
			continue;
		if (!gkl_valid_table_id(id)) {
			*bad = gk_strfmt("cannot write '%s/%s.csv': invalid table id", fin, id);
			return -2;
		}
		render_tables(r, i, flags, &data, &len);
		int rc = write_csv(tfd, id, data, len), e = errno;
		free(data);
		if (rc < 0)
			return failed(bad, gk_strfmt("%s/%s.csv", fin, id), e);
	}

	int nd = 0;
	while (gk_document_cols[nd])
		nd++;
	const char **vals = gk_calloc((size_t)nd + 1, sizeof *vals);
	for (int j = 0; j < nd; j++) {
		const char *v = gk_result_meta(r, gk_document_cols[j]);
		vals[j] = v ? v : "";
	}
	char **row = (char **)vals;
	gk_csv_render(gk_document_cols, nd, &row, 1, flags, &data, &len);
	free(vals);
	int rc = write_csv(tfd, "document", data, len), e = errno;
	free(data);
	if (rc < 0)
		return failed(bad, gk_strfmt("%s/document.csv", fin), e);

	int nc = 0;
	while (gk_checks_cols[nc])
		nc++;
	char ***rows = gk_calloc((size_t)r->ncheck + 1, sizeof *rows);
	char **cells = gk_calloc((size_t)r->ncheck * 8 + 1, sizeof *cells);
	char (*pages)[16] = gk_calloc((size_t)r->ncheck + 1, sizeof *pages);
	for (int i = 0; i < r->ncheck; i++) {
		const gk_check *c = &r->checks[i];
		char **cr = rows[i] = cells + 8 * i;
		if (c->page > 0)
			snprintf(pages[i], sizeof pages[i], "%d", c->page);
		cr[0] = c->table_id, cr[1] = c->check, cr[2] = c->row;
		cr[3] = c->expected, cr[4] = c->found, cr[5] = c->status;
		cr[6] = pages[i], cr[7] = c->detail;
	}
	gk_csv_render(gk_checks_cols, nc < 8 ? nc : 8, rows, r->ncheck, flags, &data, &len);
	free(rows);
	free(cells);
	free(pages);
	rc = write_csv(tfd, "checks", data, len), e = errno;
	free(data);
	if (rc < 0)
		return failed(bad, gk_strfmt("%s/checks.csv", fin), e);
	gk_fsync_fd(tfd);
	return 0;
}

/* Put the finished directory dfd/tmp at dfd/doc, replacing the directory
 * (or a symbolic link someone put there) that was there.  On failure doc
 * is left as it was and *bad names the path fin. */
static int swap_in(int dfd, const char *doc, const char *tmp, const char *fin, char **bad)
{
	struct stat st;
	if (fstatat(dfd, doc, &st, AT_SYMLINK_NOFOLLOW) < 0) {
		int e = errno;
		if (e != ENOENT)
			return failed(bad, gk_strdup(fin), e);
		if (renameat(dfd, tmp, dfd, doc) == 0)
			return 0;
		e = errno;
		return failed(bad, gk_strdup(fin), e);
	}
	if (!S_ISDIR(st.st_mode) && !S_ISLNK(st.st_mode))
		return failed(bad, gk_strdup(fin), EEXIST);
	/* one step: doc is never missing; the old tree (or link) ends up at tmp */
	if (renameat2(dfd, tmp, dfd, doc, RENAME_EXCHANGE) == 0) {
		gk_rmtree_at(dfd, tmp);
		return 0;
	}
	int e = errno;
	if (e != EINVAL && e != ENOSYS && e != ENOTSUP)
		return failed(bad, gk_strdup(fin), e);
	char *old;
	if (gk_rename_aside(dfd, doc, "old", &old) < 0) {
		e = errno;
		return failed(bad, gk_strdup(fin), e);
	}
	if (renameat(dfd, tmp, dfd, doc) < 0) {
		e = errno;
		renameat(dfd, old, dfd, doc);
		free(old);
		return failed(bad, gk_strdup(fin), e);
	}
	gk_rmtree_at(dfd, old);
	free(old);
	return 0;
}

int gk_load_doc(const gk_load_opts *o, const gk_result *r, char **err)
{
	*err = NULL;
	const char *out = o->outdir && *o->outdir ? o->outdir : ".";
	const char *doc = gk_result_meta(r, "doc");
	if (!gkl_valid_doc(doc)) {
		*err = gk_strfmt("cannot write '%s/%s': invalid document name", out, doc ? doc : "");
		return GK_EWRITE;
	}
	int dfd;
	if (gk_mkdirs(out) < 0 || (dfd = gk_dir_open(out)) < 0) {
		*err = gk_strfmt("cannot write '%s': %s", out, strerror(errno));
		return GK_EWRITE;
	}
	char *fin = gk_strfmt("%s/%s", out, doc);
	char *tmp = NULL, *bad = NULL;
	int rc = GK_OK, k;
	int tfd = gk_tmpdir_at(dfd, doc, &tmp);
	if (tfd < 0) {
		*err = gk_strfmt("cannot write '%s': %s", fin, strerror(errno));
		rc = GK_EWRITE;
	} else if ((k = write_files(o, r, tfd, fin, &bad)) < 0 || (k = swap_in(dfd, doc, tmp, fin, &bad)) < 0) {
		if (k == -2)
			*err = bad, bad = NULL;
		else
			*err = gk_strfmt("cannot write '%s': %s", bad, strerror(errno));
		gk_rmtree_at(dfd, tmp);
		rc = GK_EWRITE;
	} else {
		gk_fsync_fd(dfd);
	}
	if (tfd >= 0)
		close(tfd);
	close(dfd);
	free(bad);
	free(tmp);
	free(fin);
	return rc;
}
