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
	if (!doc || !*doc)
		return 0;
	int depth = 0;
	for (const char *p = doc;; depth++) {
		const char *e = strchr(p, '/');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		if (n == 0 || *p == '.' || depth >= 16)
			return 0;
		if (depth == 0) {
			char *first = gk_strndup(p, n);
			int bad = gkl_combined_name(first);
			free(first);
			if (bad)
				return 0;
		}
		if (!e)
			return 1;
		p = e + 1;
	}
}

int gkl_docparent_open(int dfd, const char *doc, int create, const char **leaf)
{
	int fd = openat(dfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	const char *p = doc;
	for (const char *e; fd >= 0 && (e = strchr(p, '/')); p = e + 1) {
		char *comp = gk_strndup(p, (size_t)(e - p));
		if (create && mkdirat(fd, comp, 0755) < 0 && errno != EEXIST) {
			int er = errno;
			close(fd);
			free(comp);
			errno = er;
			return -1;
		}
		int nfd = gk_subdir_open(fd, comp);
		int er = errno;
		close(fd);
		free(comp);
		struct stat st;
		if (nfd >= 0 && fstatat(nfd, "document.csv", &st, AT_SYMLINK_NOFOLLOW) == 0) {
			close(nfd); /* a document's own directory holds no other document */
			nfd = -1, er = EEXIST;
		}
		errno = er;
		fd = nfd;
	}
	*leaf = p;
	return fd;
}

int gkl_docdir_open(int dfd, const char *doc)
{
	const char *leaf;
	int pfd = gkl_docparent_open(dfd, doc, 0, &leaf);
	if (pfd < 0)
		return -1;
	int fd = gk_subdir_open(pfd, leaf), e = errno;
	close(pfd);
	errno = e;
	return fd;
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
	       strcasecmp(id, "tables") && strcasecmp(id, "rows") && strcasecmp(id, "datapackage") &&
	       strncasecmp(id, "sqlite_", 7) && strncasecmp(id, "v_", 2);
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

static int ncols(const char *const *v)
{
	int n = 0;
	while (v[n])
		n++;
	return n;
}

/* A list of columns: a, then b (either may be NULL). */
static void cols_cat(gk_strv *out, const char *const *a, const char *const *b)
{
	for (int i = 0; a && a[i]; i++)
		gk_strv_pushs(out, a[i]);
	for (int i = 0; b && b[i]; i++)
		gk_strv_pushs(out, b[i]);
}

/* Rows of cells owned by a gk_strv per row. */
typedef struct cells {
	int n, cap;
	gk_strv *row;
} cells;

static gk_strv *cells_add(cells *c)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 16;
		c->row = gk_realloc(c->row, sizeof *c->row * (size_t)c->cap);
	}
	c->row[c->n] = (gk_strv){0};
	return &c->row[c->n++];
}

static void cells_drop(cells *c)
{
	for (int i = 0; i < c->n; i++)
		gk_strv_drop(&c->row[i]);
	free(c->row);
}

/* Render rows of cells under cols. */
static void cells_render(const gk_strv *cols, const cells *c, int flags, char **data, size_t *len)
{
	char ***rows = gk_calloc((size_t)c->n + 1, sizeof *rows);
	for (int i = 0; i < c->n; i++)
		rows[i] = c->row[i].v;
	gk_csv_render((const char *const *)cols->v, cols->n, rows, c->n, flags, data, len);
	free(rows);
}

static char *coord(double x)
{
	long long v = (long long)(x * 100 + (x < 0 ? -0.5 : 0.5));
	long long a = v < 0 ? -v : v;
	return gk_strfmt("%s%lld.%02lld", v < 0 ? "-" : "", a / 100, a % 100);
}

/* document.csv: the contract's columns, url and aliases, then the
 * document's own columns (--meta: metadata keys "extra:<name>"). */
static void document_csv(const gk_result *r, int flags, char **data, size_t *len)
{
	gk_strv cols = {0};
	cols_cat(&cols, gk_document_cols, gk_document_more_cols);
	for (int i = 0; i + 1 < r->meta.n; i += 2)
		if (!strncmp(r->meta.v[i], "extra:", 6) && r->meta.v[i][6])
			gk_strv_pushs(&cols, r->meta.v[i] + 6);
	cells c = {0};
	gk_strv *row = cells_add(&c);
	int nstd = ncols(gk_document_cols) + ncols(gk_document_more_cols);
	for (int j = 0; j < cols.n; j++) {
		const char *v;
		if (j < nstd) {
			v = gk_result_meta(r, cols.v[j]);
		} else {
			char *k = gk_strfmt("extra:%s", cols.v[j]);
			v = gk_result_meta(r, k);
			free(k);
		}
		gk_strv_pushs(row, v ? v : "");
	}
	cells_render(&cols, &c, flags, data, len);
	cells_drop(&c);
	gk_strv_drop(&cols);
}

/* checks.csv: its columns (page, detail after the contract's), then the
 * row_no of the row each check is about */
static void checks_csv(const gk_result *r, int flags, char **data, size_t *len)
{
	gk_strv cols = {0};
	cols_cat(&cols, gk_checks_cols, gk_checks_more_cols);
	cells c = {0};
	for (int i = 0; i < r->ncheck; i++) {
		const gk_check *k = &r->checks[i];
		gk_strv *row = cells_add(&c);
		const char *v[6] = {k->table_id, k->check, k->row, k->expected, k->found, k->status};
		for (int j = 0; j < 6; j++)
			gk_strv_pushs(row, v[j]);
		gk_strv_push(row, k->page > 0 ? gk_strfmt("%d", k->page) : gk_strdup(""));
		gk_strv_pushs(row, k->detail ? k->detail : "");
		int n = gk_result_check_row(r, k);
		gk_strv_push(row, n > 0 ? gk_strfmt("%d", n) : gk_strdup(""));
	}
	cells_render(&cols, &c, flags, data, len);
	cells_drop(&c);
	gk_strv_drop(&cols);
}

/* rows.csv: where each row of each table file was printed */
static void rows_csv(const gk_result *r, int flags, char **data, size_t *len)
{
	gk_strv cols = {0};
	cols_cat(&cols, gk_rows_cols, NULL);
	cells c = {0};
	for (int i = 0; i < r->ntable; i++) {
		const char *id = r->tables[i]->id;
		int seen = 0;
		for (int k = 0; k < i && !seen; k++)
			seen = !strcmp(r->tables[k]->id, id);
		if (seen)
			continue;
		int no = 0;
		for (int k = i; k < r->ntable; k++) {
			const gk_table *t = r->tables[k];
			if (strcmp(t->id, id))
				continue;
			for (int j = 0; j < t->nrow; j++) {
				const gk_rowinfo *ri = gk_table_info(t, j);
				gk_strv *row = cells_add(&c);
				gk_strv_pushs(row, id);
				gk_strv_push(row, gk_strfmt("%d", ++no));
				gk_strv_push(row, ri && ri->page > 0 ? gk_strfmt("%d", ri->page) : gk_strdup(""));
				int box = ri && ri->x1 > ri->x0;
				double v[4] = {box ? ri->x0 : 0, box ? ri->y0 : 0, box ? ri->x1 : 0, box ? ri->y1 : 0};
				for (int q = 0; q < 4; q++)
					gk_strv_push(row, box ? coord(v[q]) : gk_strdup(""));
				gk_strv_pushs(row, ri && ri->row_type ? ri->row_type : "");
				gk_strv_pushs(row, ri && ri->item_key ? ri->item_key : "");
			}
		}
	}
	cells_render(&cols, &c, flags, data, len);
	cells_drop(&c);
	gk_strv_drop(&cols);
}

static int cmp_int(const void *a, const void *b)
{
	return (*(const int *)a > *(const int *)b) - (*(const int *)a < *(const int *)b);
}

/* "3-4,7": a set of pages as ranges */
static char *page_ranges(int *pg, int n)
{
	gk_buf b = {0};
	if (n > 1)
		qsort(pg, (size_t)n, sizeof *pg, cmp_int);
	for (int i = 0; i < n;) {
		int j = i;
		while (j + 1 < n && pg[j + 1] <= pg[j] + 1)
			j++;
		if (b.len)
			gk_buf_addc(&b, ',');
		if (pg[j] > pg[i])
			gk_buf_addf(&b, "%d-%d", pg[i], pg[j]);
		else
			gk_buf_addf(&b, "%d", pg[i]);
		i = j + 1;
	}
	return b.s ? gk_buf_take(&b) : gk_strdup("");
}

/* tables.csv: each table file (title as printed, pages, rows, unit as
 * printed, status ok|fail|empty), then each table the document's table of
 * contents lists that was not found (status missing) */
static void tables_csv(const gk_result *r, int flags, char **data, size_t *len)
{
	gk_strv cols = {0};
	cols_cat(&cols, gk_tables_cols, NULL);
	cells c = {0};
	for (int i = 0; i < r->ntable; i++) {
		const char *id = r->tables[i]->id;
		int seen = 0;
		for (int k = 0; k < i && !seen; k++)
			seen = !strcmp(r->tables[k]->id, id);
		if (seen)
			continue;
		int nrow = 0, npg = 0, cap = 8;
		int *pg = gk_malloc(sizeof *pg * (size_t)cap);
		const char *unit = "";
		for (int k = i; k < r->ntable; k++) {
			const gk_table *t = r->tables[k];
			if (strcmp(t->id, id))
				continue;
			if (!*unit && t->unit)
				unit = t->unit;
			for (int j = -1; j < t->nrow; j++) {
				const gk_rowinfo *ri = j < 0 ? NULL : gk_table_info(t, j);
				int p = j < 0 ? t->page : ri ? ri->page : 0;
				int have = p <= 0;
				for (int q = 0; q < npg && !have; q++)
					have = pg[q] == p;
				if (have)
					continue;
				if (npg == cap)
					pg = gk_realloc(pg, sizeof *pg * (size_t)(cap *= 2));
				pg[npg++] = p;
			}
			nrow += t->nrow;
		}
		int fail = 0;
		for (int k = 0; k < r->ncheck && !fail; k++)
			fail = !strcmp(r->checks[k].table_id, id) && !strcmp(r->checks[k].status, "fail") &&
			       strcmp(r->checks[k].check, "toc:listed-table-found");
		gk_strv *row = cells_add(&c);
		gk_strv_pushs(row, id);
		gk_strv_pushs(row, r->tables[i]->title);
		gk_strv_push(row, page_ranges(pg, npg));
		gk_strv_push(row, gk_strfmt("%d", nrow));
		gk_strv_pushs(row, unit);
		gk_strv_pushs(row, nrow == 0 ? "empty" : fail ? "fail" : "ok");
		free(pg);
	}
	for (int k = 0; k < r->ncheck; k++) {
		const gk_check *ck = &r->checks[k];
		if (strcmp(ck->check, "toc:listed-table-found") || !strcmp(ck->status, "ok") || gk_result_find(r, ck->table_id))
			continue;
		gk_strv *row = cells_add(&c);
		const char *v[6] = {ck->table_id, "", "", "0", "", "missing"};
		for (int j = 0; j < 6; j++)
			gk_strv_pushs(row, v[j]);
	}
	cells_render(&cols, &c, flags, data, len);
	cells_drop(&c);
	gk_strv_drop(&cols);
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
	static const char *const names[] = {"document", "checks", "rows", "tables"};
	void (*const make[])(const gk_result *, int, char **, size_t *) = {document_csv, checks_csv, rows_csv,
	                                                                 tables_csv};
	for (int k = 0; k < 4; k++) {
		make[k](r, flags, &data, &len);
		int rc = write_csv(tfd, names[k], data, len), e = errno;
		free(data);
		if (rc < 0)
			return failed(bad, gk_strfmt("%s/%s.csv", fin, names[k]), e);
	}
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
	int ofd, dfd = -1;
	const char *leaf;
	if (gk_mkdirs(out) < 0 || (ofd = gk_dir_open(out)) < 0) {
		*err = gk_strfmt("cannot write '%s': %s", out, strerror(errno));
		return GK_EWRITE;
	}
	char *fin = gk_strfmt("%s/%s", out, doc);
	/* a document found under a directory lives in OUT/<its path>/ */
	if ((dfd = gkl_docparent_open(ofd, doc, 1, &leaf)) < 0) {
		*err = gk_strfmt("cannot write '%s': %s", fin,
		                 errno == EEXIST ? "a parent is a document's directory"
		                 : errno == ELOOP || errno == ENOTDIR ? "a parent is not a directory (or a symbolic link, not followed)"
		                                                      : strerror(errno));
		close(ofd);
		free(fin);
		return GK_EWRITE;
	}
	close(ofd);
	/* nor does a directory of other documents become this one */
	int xfd = gk_subdir_open(dfd, leaf);
	if (xfd >= 0) {
		struct stat st;
		DIR *dh = fstatat(xfd, "document.csv", &st, AT_SYMLINK_NOFOLLOW) < 0 ? gk_dir_list(xfd) : NULL;
		struct dirent *de;
		int others = 0;
		while (dh && !others && (de = readdir(dh)))
			others = de->d_name[0] != '.';
		if (dh)
			closedir(dh);
		close(xfd);
		if (others) {
			*err = gk_strfmt("cannot write '%s': a directory of other documents is there", fin);
			close(dfd);
			free(fin);
			return GK_EWRITE;
		}
	}
	char *tmp = NULL, *bad = NULL;
	int rc = GK_OK, k;
	int tfd = gk_tmpdir_at(dfd, leaf, &tmp);
	if (tfd < 0) {
		*err = gk_strfmt("cannot write '%s': %s", fin, strerror(errno));
		rc = GK_EWRITE;
	} else if ((k = write_files(o, r, tfd, fin, &bad)) < 0 || (k = swap_in(dfd, leaf, tmp, fin, &bad)) < 0) {
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

int gk_load_doc_exists(const gk_load_opts *o, const char *doc)
{
	const char *out = o->outdir && *o->outdir ? o->outdir : ".";
	int ofd = gk_dir_open(out);
	int dfd = ofd < 0 || !gkl_valid_doc(doc) ? -1 : gkl_docdir_open(ofd, doc);
	struct stat st;
	int ok = dfd >= 0 && fstatat(dfd, "document.csv", &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode);
	if (dfd >= 0)
		close(dfd);
	if (ofd >= 0)
		close(ofd);
	return ok;
}

char *gk_load_doc_field(const gk_load_opts *o, const char *doc, const char *key)
{
	const char *out = o->outdir && *o->outdir ? o->outdir : ".";
	int ofd = gk_dir_open(out);
	int dfd = ofd < 0 || !gkl_valid_doc(doc) ? -1 : gkl_docdir_open(ofd, doc);
	if (ofd >= 0)
		close(ofd);
	if (dfd < 0)
		return NULL;
	gkl_csv c;
	char *err = NULL, *v = NULL;
	if (gkl_csv_read(dfd, "document.csv", "document.csv", !o->raw_cells, &c, &err) == 0) {
		for (int j = 0; j < c.hdr.n && !v; j++)
			if (!strcmp(c.hdr.v[j], key) && c.nrow > 0)
				v = gk_strdup(c.rows[0][j]);
		gkl_csv_drop(&c);
	}
	free(err);
	close(dfd);
	return v;
}

int gk_load_drop_doc(const gk_load_opts *o, const char *doc)
{
	const char *out = o->outdir && *o->outdir ? o->outdir : ".";
	const char *leaf;
	int ofd = gk_dir_open(out);
	int pfd = ofd < 0 || !gkl_valid_doc(doc) ? -1 : gkl_docparent_open(ofd, doc, 0, &leaf);
	int rc = -1;
	char *aside;
	struct stat st;
	if (pfd >= 0 && fstatat(pfd, leaf, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode) &&
	    gk_rename_aside(pfd, leaf, "del", &aside) == 0) {
		rc = gk_rmtree_at(pfd, aside);
		free(aside);
	}
	if (pfd >= 0)
		close(pfd);
	if (ofd >= 0)
		close(ofd);
	return rc;
}

int gk_load_set_meta(const gk_load_opts *o, const char *doc, const char *key, const char *val, char **err)
{
	*err = NULL;
	const char *out = o->outdir && *o->outdir ? o->outdir : ".";
	char *path = gk_strfmt("%s/%s/document.csv", out, doc);
	int ofd = gk_dir_open(out), dfd = ofd < 0 ? -1 : gkl_docdir_open(ofd, doc), rc = GK_OK;
	if (ofd >= 0)
		close(ofd);
	gkl_csv c;
	if (dfd < 0) {
		*err = gk_strfmt("cannot write '%s': %s", path, strerror(errno));
		free(path);
		return GK_EWRITE;
	}
	if (gkl_csv_read(dfd, "document.csv", path, !o->raw_cells, &c, err) < 0) {
		close(dfd);
		free(path);
		return GK_EWRITE;
	}
	int j = -1;
	for (int q = 0; q < c.hdr.n && j < 0; q++)
		if (!strcmp(c.hdr.v[q], key))
			j = q;
	if (j < 0 || c.nrow != 1) {
		*err = gk_strfmt("cannot write '%s': no column '%s'", path, key);
		rc = GK_EWRITE;
	} else {
		free(c.rows[0][j]);
		c.rows[0][j] = gk_strdup(val);
		char *data;
		size_t len;
		gk_csv_render((const char *const *)c.hdr.v, c.hdr.n, c.rows, 1, gkl_csv_flags(o), &data, &len);
		if (gk_write_atomic_at(dfd, "document.csv", data, len) < 0) {
			*err = gk_strfmt("cannot write '%s': %s", path, strerror(errno));
			rc = GK_EWRITE;
		}
		free(data);
	}
	gkl_csv_drop(&c);
	close(dfd);
	free(path);
	return rc;
}
