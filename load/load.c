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
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- CSV text ---- */

/* RFC 4180: quote only a field holding a comma, quote, CR or LF.  A record
 * of one empty field is written as "" so that it is not a blank line. */
static void add_field(gk_buf *b, const char *s, int alone)
{
	size_t n = strlen(s);
	if (n == 0) {
		if (alone)
			gk_buf_adds(b, "\"\"");
		return;
	}
	if (!strpbrk(s, ",\"\r\n")) {
		gk_buf_add(b, s, n);
		return;
	}
	size_t cap = 2 * n + 2;
	char *q = gk_malloc(cap);
	size_t w = csv_write(q, cap, s, n);
	gk_buf_add(b, q, w < cap ? w : cap);
	free(q);
}

static void add_record(gk_buf *b, const char *const *v, int n)
{
	for (int j = 0; j < n; j++) {
		if (j)
			gk_buf_addc(b, ',');
		add_field(b, v[j] ? v[j] : "", n == 1);
	}
	gk_buf_addc(b, '\n');
}

void gk_csv_render(const char *const *cols, int ncols, char ***rows, int nrows, int bom, char **out,
                   size_t *len)
{
	gk_buf b = {0};
	if (bom)
		gk_buf_adds(&b, "\xEF\xBB\xBF");
	add_record(&b, cols, ncols);
	for (int i = 0; i < nrows; i++)
		add_record(&b, (const char *const *)rows[i], ncols);
	*len = b.len;
	*out = gk_buf_take(&b);
}

/* ---- file system helpers (loadi.h) ---- */

int gkl_valid_doc(const char *doc)
{
	return doc && *doc && *doc != '.' && !strchr(doc, '/');
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

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)ftw;
	int r = flag == FTW_DP ? rmdir(path) : unlink(path);
	return r < 0 && errno != ENOENT ? -1 : 0;
}

int gkl_rmtree(const char *path)
{
	struct stat st;
	if (lstat(path, &st) < 0)
		return errno == ENOENT ? 0 : -1;
	if (!S_ISDIR(st.st_mode))
		return unlink(path) < 0 && errno != ENOENT ? -1 : 0;
	return nftw(path, rm_one, 16, FTW_DEPTH | FTW_PHYS) < 0 ? -1 : 0;
}

/* ---- one document ---- */

/* All tables of r with the id of r->tables[first], merged into one column
 * list (first-seen order; the k-th column of a name in one table is the k-th
 * of that name in the union) and rendered.  Normally there is one table. */
static void render_tables(const gk_result *r, int first, int bom, char **out, size_t *len)
{
	const gk_table *t0 = r->tables[first];
	int n = 0;
	for (int i = first; i < r->ntable; i++)
		n += !strcmp(r->tables[i]->id, t0->id);
	if (n == 1) {
		gk_csv_render((const char *const *)t0->cols.v, t0->cols.n, t0->rows, t0->nrow, bom, out,
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
	gk_csv_render((const char *const *)cols.v, cols.n, rows, nr, bom, out, len);
	for (int i = 0; i < nr; i++)
		free(rows[i]);
	free(rows);
	free(map);
	gk_strv_drop(&cols);
}

static int write_csv(const char *dir, const char *name, const char *data, size_t len)
{
	char *path = gk_strfmt("%s/%s.csv", dir, name);
	int rc = gk_write_file(path, data, len);
	int e = errno;
	free(path);
	errno = e;
	return rc;
}

static int failed(char **bad, char *path, int e)
{
	*bad = path;
	errno = e;
	return -1;
}

/* Write every file of r into the (new, empty) directory tmp.  On failure
 * -1: *bad names the file (its final path under fin) and errno is set;
 * -2: *bad is the whole message. */
static int write_files(const gk_load_opts *o, const gk_result *r, const char *tmp, const char *fin,
                       char **bad)
{
	char *data;
	size_t len;
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
		render_tables(r, i, o->bom, &data, &len);
		int rc = write_csv(tmp, id, data, len), e = errno;
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
	gk_csv_render(gk_document_cols, nd, &row, 1, o->bom, &data, &len);
	free(vals);
	int rc = write_csv(tmp, "document", data, len), e = errno;
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
	gk_csv_render(gk_checks_cols, nc < 8 ? nc : 8, rows, r->ncheck, o->bom, &data, &len);
	free(rows);
	free(cells);
	free(pages);
	rc = write_csv(tmp, "checks", data, len), e = errno;
	free(data);
	if (rc < 0)
		return failed(bad, gk_strfmt("%s/checks.csv", fin), e);
	gkl_fsync_dir(tmp);
	return 0;
}

/* Put the finished directory tmp at fin, replacing what was there.  On
 * failure fin is left as it was and *bad names the path. */
static int swap_in(const char *out, const char *doc, const char *tmp, const char *fin, char **bad)
{
	struct stat st;
	int exists = lstat(fin, &st) == 0;
	int e = errno;
	if (!exists && e != ENOENT)
		return failed(bad, gk_strdup(fin), e);
	if (exists && !S_ISDIR(st.st_mode))
		return failed(bad, gk_strdup(fin), EEXIST);
	if (!exists) {
		if (rename(tmp, fin) == 0)
			return 0;
		e = errno;
		return failed(bad, gk_strdup(fin), e);
	}
#ifdef RENAME_EXCHANGE
	/* one step: fin is never missing; the old tree ends up at tmp */
	if (renameat2(AT_FDCWD, tmp, AT_FDCWD, fin, RENAME_EXCHANGE) == 0) {
		gkl_rmtree(tmp);
		return 0;
	}
	e = errno;
	if (e != EINVAL && e != ENOSYS && e != ENOTSUP)
		return failed(bad, gk_strdup(fin), e);
#endif
	char *old = gk_strfmt("%s/.%s.old.%ld", out, doc, (long)getpid());
	gkl_rmtree(old);
	if (rename(fin, old) < 0) {
		e = errno;
		free(old);
		return failed(bad, gk_strdup(fin), e);
	}
	if (rename(tmp, fin) < 0) {
		e = errno;
		rename(old, fin);
		free(old);
		return failed(bad, gk_strdup(fin), e);
	}
	gkl_rmtree(old);
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
	if (gk_mkdirs(out) < 0) {
		*err = gk_strfmt("cannot write '%s': %s", out, strerror(errno));
		return GK_EWRITE;
	}
	char *fin = gk_strfmt("%s/%s", out, doc);
	char *tmp = gk_strfmt("%s/.%s.tmp.%ld", out, doc, (long)getpid());
	char *bad = NULL;
	int rc = GK_OK, k;
	gkl_rmtree(tmp); /* left by an earlier failure of this process */
	if (mkdir(tmp, 0755) < 0) {
		*err = gk_strfmt("cannot write '%s': %s", tmp, strerror(errno));
		rc = GK_EWRITE;
	} else if ((k = write_files(o, r, tmp, fin, &bad)) < 0 ||
	           (k = swap_in(out, doc, tmp, fin, &bad)) < 0) {
		if (k == -2)
			*err = bad, bad = NULL;
		else
			*err = gk_strfmt("cannot write '%s': %s", bad, strerror(errno));
		gkl_rmtree(tmp);
		rc = GK_EWRITE;
	} else {
		gkl_fsync_dir(out);
	}
	free(bad);
	free(tmp);
	free(fin);
	return rc;
}
