/* combine.c - reading the per-document CSVs back (libcsv) and rebuilding the
 * combined OUT/<table_id>.csv files and the SQLite database from them. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "load.h"

#include "contract.h"
#include "loadi.h"

#include <csv.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- reading CSV ---- */

typedef struct reader {
	gkl_csv *c;
	gk_strv cur;
	long rec, bad; /* records seen; first record with the wrong field count */
	int badn;
} reader;

static void rd_field(void *s, size_t n, void *data)
{
	reader *r = data;
	gk_strv_push(&r->cur, gk_strndup(s ? s : "", s ? n : 0));
}

static void rd_row(int ch, void *data)
{
	(void)ch;
	reader *r = data;
	gkl_csv *c = r->c;
	if (++r->rec == 1) {
		c->hdr = r->cur;
		r->cur = (gk_strv){0};
		return;
	}
	if (r->cur.n != c->hdr.n) {
		if (!r->bad)
			r->bad = r->rec, r->badn = r->cur.n;
		gk_strv_drop(&r->cur);
		return;
	}
	if (c->nrow == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 16;
		c->rows = gk_realloc(c->rows, sizeof *c->rows * (size_t)c->cap);
	}
	c->rows[c->nrow++] = r->cur.v ? r->cur.v : gk_calloc(1, sizeof(char *));
	r->cur = (gk_strv){0};
}

static int no_space(unsigned char c)
{
	(void)c;
	return 0; /* RFC 4180: spaces are part of a field */
}

static long line_at(const char *s, size_t n)
{
	long line = 1;
	for (size_t i = 0; i < n; i++)
		line += s[i] == '\n';
	return line;
}

int gkl_csv_parse(const char *data, size_t len, const char *path, int unguard, gkl_csv *c, char **err)
{
	memset(c, 0, sizeof *c);
	const char *p = data;
	if (len >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
		p += 3, len -= 3;
	struct csv_parser cp;
	if (csv_init(&cp, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		gk_die(GK_ELIMIT, "out of memory");
	csv_set_space_func(&cp, no_space);
	reader r = {.c = c};
	size_t done = csv_parse(&cp, p, len, rd_field, rd_row, &r);
	int rc = 0;
	if (done != len) {
		*err = gk_strfmt("cannot read '%s': line %ld: %s", path, line_at(p, done),
		                 csv_strerror(csv_error(&cp)));
		rc = -1;
	} else if (csv_fini(&cp, rd_field, rd_row, &r) != 0) {
		*err = gk_strfmt("cannot read '%s': line %ld: %s", path, line_at(p, len),
		                 csv_strerror(csv_error(&cp)));
		rc = -1;
	} else if (r.bad) {
		*err = gk_strfmt("cannot read '%s': record %ld has %d fields, the header %d", path, r.bad,
		                 r.badn, c->hdr.n);
		rc = -1;
	}
	csv_free(&cp);
	gk_strv_drop(&r.cur);
	if (rc < 0) {
		gkl_csv_drop(c);
	} else if (unguard) {
		for (int j = 0; j < c->hdr.n; j++)
			gkl_cell_raw(c->hdr.v[j]);
		for (int i = 0; i < c->nrow; i++)
			for (int j = 0; j < c->hdr.n; j++)
				gkl_cell_raw(c->rows[i][j]);
	}
	return rc;
}

int gkl_csv_read(int dfd, const char *name, const char *path, int unguard, gkl_csv *c, char **err)
{
	memset(c, 0, sizeof *c);
	size_t len;
	char *data = gk_read_file_at(dfd, name, &len);
	if (!data) {
		*err = gk_strfmt("cannot read '%s': %s", path,
		                 errno == ELOOP ? "a symbolic link (not followed)" : strerror(errno));
		return -1;
	}
	int rc = gkl_csv_parse(data, len, path, unguard, c, err);
	free(data);
	return rc;
}

int gk_csvfile_read(const char *path, gk_csvfile *c, char **err)
{
	memset(c, 0, sizeof *c);
	size_t len;
	char *data = !strcmp(path, "-") ? gk_read_stream(stdin, &len) : gk_read_file(path, &len);
	if (!data) {
		*err = gk_strfmt("cannot read '%s': %s", path, strerror(errno));
		return -1;
	}
	int rc = gkl_csv_parse(data, len, path, 0, c, err);
	free(data);
	return rc;
}

void gk_csvfile_drop(gk_csvfile *c)
{
	gkl_csv_drop(c);
}

void gkl_csv_drop(gkl_csv *c)
{
	for (int i = 0; i < c->nrow; i++) {
		for (int j = 0; j < c->hdr.n; j++)
			free(c->rows[i][j]);
		free(c->rows[i]);
	}
	free(c->rows);
	gk_strv_drop(&c->hdr);
	memset(c, 0, sizeof *c);
}

/* ---- helpers ---- */

static int strv_find(const gk_strv *sv, const char *s)
{
	for (int i = 0; i < sv->n; i++)
		if (!strcmp(sv->v[i], s))
			return i;
	return -1;
}

static int in_list(const char *const *list, const char *s)
{
	for (int i = 0; list && list[i]; i++)
		if (!strcmp(list[i], s))
			return 1;
	return 0;
}

/* The column keys of a file's header: a name taken by `reserved` (the
 * prefix columns) becomes x_<name>, and a repeated name <name>_2, _3 ...,
 * so that every key of one file is distinct and maps to one column. */
static void file_keys(const gk_strv *hdr, const char *const *reserved, gk_strv *keys)
{
	*keys = (gk_strv){0};
	for (int j = 0; j < hdr->n; j++) {
		const char *h = hdr->v[j];
		char *base = in_list(reserved, h) ? gk_strfmt("x_%s", h) : gk_strdup(h);
		char *k = gk_strdup(base);
		for (int n = 2; strv_find(keys, k) >= 0; n++) {
			free(k);
			k = gk_strfmt("%s_%d", base, n);
		}
		free(base);
		gk_strv_push(keys, k);
	}
}

/* Cell of row `row` under header name `key`, "" if absent. */
static const char *csv_get(const gkl_csv *c, int row, const char *key)
{
	int j = strv_find(&c->hdr, key);
	return j < 0 || row >= c->nrow ? "" : c->rows[row][j];
}

static int ends_with(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);
	return n >= m && !strcmp(s + n - m, suf);
}

/* A temporary name (gk_temp_parse) of a process that no longer runs: its
 * leftovers may go. */
static int stale_temp(const char *name)
{
	const char *tag;
	long pid;
	if (!gk_temp_parse(name, &tag, &pid) || pid <= 0 || pid == (long)getpid())
		return 0;
	return kill((pid_t)pid, 0) < 0 && errno == ESRCH;
}

/* ---- the documents under OUT ---- */

typedef struct doc {
	char *name, *dir;    /* <doc> (a path under OUT), OUT/<doc> for messages */
	gkl_csv meta;        /* document.csv */
	const char *pre[8];  /* gk_combined_prefix values */
	gk_strv ids;         /* table ids of its <id>.csv files */
	gkl_csv rows;        /* rows.csv (none: no hdr) */
	int has_checks, has_tables;
} doc;

static void doc_drop(doc *d)
{
	free(d->name);
	free(d->dir);
	gkl_csv_drop(&d->meta);
	gkl_csv_drop(&d->rows);
	gk_strv_drop(&d->ids);
}

static int doc_cmp(const void *a, const void *b)
{
	return strcmp(((const doc *)a)->name, ((const doc *)b)->name);
}

static int ver_cmp(const void *a, const void *b)
{
	return strverscmp(*(char *const *)a, *(char *const *)b);
}

/* A regular file `name` in directory fd (not a link to one). */
static int is_file_at(int fd, const char *name)
{
	struct stat st;
	return fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode);
}

/* Read OUT/<doc>/<file> (no link followed on the way).  0, or -1 with *err. */
static int doc_csv(int dfd, const doc *d, const char *file, int unguard, gkl_csv *c, char **err)
{
	char *path = gk_strfmt("%s/%s", d->dir, file);
	int sfd = gkl_docdir_open(dfd, d->name), rc = -1;
	if (sfd < 0) {
		memset(c, 0, sizeof *c);
		*err = gk_strfmt("cannot read '%s': %s", path, strerror(errno));
	} else {
		rc = gkl_csv_read(sfd, file, path, unguard, c, err);
		close(sfd);
	}
	free(path);
	return rc;
}

static int n_prefix(void)
{
	int n = 0;
	while (gk_combined_prefix[n])
		n++;
	return n;
}

/* Read one document directory: document.csv, rows.csv and the list of
 * its tables. */
static int doc_read(int dfd, doc *d, int unguard, char **err)
{
	if (doc_csv(dfd, d, "document.csv", unguard, &d->meta, err) < 0)
		return -1;
	for (int i = 0; gk_combined_prefix[i]; i++)
		d->pre[i] = csv_get(&d->meta, 0, gk_combined_prefix[i]);
	if (!*d->pre[0])
		d->pre[0] = d->name;
	int sfd = gkl_docdir_open(dfd, d->name);
	DIR *dh = sfd < 0 ? NULL : fdopendir(sfd);
	if (!dh) {
		*err = gk_strfmt("cannot read '%s': %s", d->dir, strerror(errno));
		if (sfd >= 0)
			close(sfd);
		return -1;
	}
	struct dirent *e;
	int rows = 0;
	while ((e = readdir(dh))) {
		if (e->d_name[0] == '.' || !ends_with(e->d_name, ".csv") || !is_file_at(dirfd(dh), e->d_name))
			continue;
		rows |= !strcmp(e->d_name, "rows.csv");
		d->has_checks |= !strcmp(e->d_name, "checks.csv");
		d->has_tables |= !strcmp(e->d_name, "tables.csv");
		char *id = gk_strndup(e->d_name, strlen(e->d_name) - 4);
		if (gkl_valid_table_id(id))
			gk_strv_push(&d->ids, id);
		else
			free(id);
	}
	closedir(dh);
	/* (a directory written before rows.csv existed: rows without provenance) */
	if (rows && doc_csv(dfd, d, "rows.csv", unguard, &d->rows, err) < 0)
		return -1;
	return 0;
}

typedef struct docs {
	doc *v;
	int n, cap;
} docs;

/* The document directories under directory fd (OUT/<prefix>): a directory
 * with a document.csv is a document; one without is searched for more
 * (a document found under a directory PATH).  Stale temporary names of
 * killed runs are removed on the way; links are not documents. */
static int scan_dir(const char *out, int fd, const char *prefix, int depth, docs *D, char **err)
{
	DIR *dh = gk_dir_list(fd);
	if (!dh) {
		*err = gk_strfmt("cannot read '%s%s%s': %s", out, *prefix ? "/" : "", prefix, strerror(errno));
		return -1;
	}
	struct dirent *e;
	gk_strv stale = {0}, sub = {0};
	while ((e = readdir(dh))) {
		const char *n = e->d_name;
		if (!strcmp(n, ".") || !strcmp(n, ".."))
			continue;
		struct stat st;
		if (fstatat(fd, n, &st, AT_SYMLINK_NOFOLLOW) < 0)
			continue;
		if (n[0] == '.' || (!S_ISDIR(st.st_mode) && strstr(n, ".csv.tmp."))) {
			if (stale_temp(n))
				gk_strv_pushs(&stale, n);
			continue;
		}
		if (!S_ISDIR(st.st_mode) || (depth == 0 && gkl_combined_name(n)))
			continue;
		int ddf = gk_subdir_open(fd, n);
		if (ddf < 0)
			continue;
		int isdoc = is_file_at(ddf, "document.csv");
		close(ddf);
		char *name = *prefix ? gk_strfmt("%s/%s", prefix, n) : gk_strdup(n);
		if (!isdoc) {
			gk_strv_push(&sub, name);
			continue;
		}
		if (D->n == D->cap) {
			D->cap = D->cap ? D->cap * 2 : 16;
			D->v = gk_realloc(D->v, sizeof *D->v * (size_t)D->cap);
		}
		D->v[D->n++] = (doc){.name = name, .dir = gk_strfmt("%s/%s", out, name)};
	}
	closedir(dh);
	for (int i = 0; i < stale.n; i++)
		gk_rmtree_at(fd, stale.v[i]);
	gk_strv_drop(&stale);
	int rc = 0;
	for (int i = 0; i < sub.n && rc == 0 && depth < 15; i++) {
		const char *leaf = strrchr(sub.v[i], '/');
		int sfd = gk_subdir_open(fd, leaf ? leaf + 1 : sub.v[i]);
		if (sfd >= 0) {
			rc = scan_dir(out, sfd, sub.v[i], depth + 1, D, err);
			close(sfd);
		}
	}
	gk_strv_drop(&sub);
	return rc;
}

/* The documents of OUT (dfd) in name order, read. */
static int scan(const char *out, int dfd, int unguard, doc **docsp, int *ndoc, char **err)
{
	docs D = {0};
	int rc = scan_dir(out, dfd, "", 0, &D, err);
	*docsp = D.v;
	*ndoc = D.n;
	if (rc < 0)
		return -1;
	if (D.n > 1)
		qsort(D.v, (size_t)D.n, sizeof *D.v, doc_cmp);
	for (int i = 0; i < D.n; i++)
		if (doc_read(dfd, &D.v[i], unguard, err) < 0)
			return -1;
	return 0;
}

/* Table ids present in any document: contract ids in contract order, then
 * the others (other_<n>) in version order (other_2 before other_10). */
static void table_ids(const doc *dv, int ndoc, gk_strv *ids)
{
	for (int t = 0; t < gk_ntabledefs; t++)
		for (int i = 0; i < ndoc; i++)
			if (strv_find(&dv[i].ids, gk_tabledefs[t].id) >= 0) {
				gk_strv_pushs(ids, gk_tabledefs[t].id);
				break;
			}
	int first = ids->n;
	for (int i = 0; i < ndoc; i++)
		for (int k = 0; k < dv[i].ids.n; k++) {
			const char *id = dv[i].ids.v[k];
			if (!gk_tabledef_find(id) && strv_find(ids, id) < 0)
				gk_strv_pushs(ids, id);
		}
	if (ids->n - first > 1)
		qsort(ids->v + first, (size_t)(ids->n - first), sizeof *ids->v, ver_cmp);
}

/* A combined table under construction: columns and borrowed cells (or
 * owned ones, in `own`). */
typedef struct comb {
	gk_strv cols;
	int nrow, cap;
	char ***rows;
	gk_strv own;
} comb;

static char empty[1];

static void comb_drop(comb *cb)
{
	for (int i = 0; i < cb->nrow; i++)
		free(cb->rows[i]);
	free(cb->rows);
	gk_strv_drop(&cb->cols);
	gk_strv_drop(&cb->own);
}

/* Append the rows of file f (keys: its column keys) under the prefix values
 * pre (NULL: none); the cells are borrowed from f.  prov (NULL: none):
 * per row of f, the values of the provenance columns from column pcol on. */
static void comb_add(comb *cb, const gkl_csv *f, const gk_strv *keys, const char *const *pre, int npre,
                     char **const *prov, int pcol, int nprov)
{
	int *map = gk_calloc((size_t)keys->n + 1, sizeof *map);
	for (int j = 0; j < keys->n; j++)
		map[j] = strv_find(&cb->cols, keys->v[j]);
	for (int i = 0; i < f->nrow; i++) {
		if (cb->nrow == cb->cap) {
			cb->cap = cb->cap ? cb->cap * 2 : 64;
			cb->rows = gk_realloc(cb->rows, sizeof *cb->rows * (size_t)cb->cap);
		}
		char **row = gk_malloc(sizeof *row * (size_t)(cb->cols.n + 1));
		for (int k = 0; k < cb->cols.n; k++)
			row[k] = k < npre ? (char *)pre[k] : empty;
		for (int j = 0; j < keys->n; j++)
			if (map[j] >= 0)
				row[map[j]] = f->rows[i][j];
		for (int k = 0; prov && k < nprov; k++)
			if (prov[i])
				row[pcol + k] = prov[i][k];
		cb->rows[cb->nrow++] = row;
	}
	free(map);
}

/* ---- what is written: CSV, and the same in SQLite, xlsx, datapackage ---- */

typedef struct sink {
	const gk_load_opts *o;
	const char *out;
	int dfd;
	gkl_db *db;
	gkl_xlsx *xl;
	gk_buf pkg;   /* datapackage.json resources */
	int npkg;
} sink;

/* Write OUT/<name>.csv and its copies; 0 or -1 with *err. */
static int emit(sink *s, const char *name, const char *table_id, const comb *cb, char **err)
{
	char *data, *file = gk_strfmt("%s.csv", name);
	size_t len;
	int rc = 0;
	gk_csv_render((const char *const *)cb->cols.v, cb->cols.n, cb->rows, cb->nrow, gkl_csv_flags(s->o), &data,
	              &len);
	if (gk_write_atomic_at(s->dfd, file, data, len) < 0) {
		*err = gk_strfmt("cannot write '%s/%s': %s", s->out, file, strerror(errno));
		rc = -1;
	}
	free(data);
	char *types = gk_calloc((size_t)cb->cols.n + 1, 1);
	for (int j = 0; j < cb->cols.n; j++)
		types[j] = gkl_col_type(table_id, cb->cols.v[j], cb->rows, cb->nrow, j);
	gkl_pkg_resource(&s->pkg, s->npkg++, name, file, table_id, (const char *const *)cb->cols.v, types, cb->cols.n,
	                 s->o->bom);
	if (rc == 0 && s->db)
		rc = gkl_db_table(s->db, name, (const char *const *)cb->cols.v, types, cb->cols.n, cb->rows, cb->nrow,
		                  err);
	if (rc == 0 && s->xl)
		rc = gkl_xlsx_sheet(s->xl, name, (const char *const *)cb->cols.v, types, cb->cols.n, cb->rows, cb->nrow,
		                    err);
	free(types);
	free(file);
	return rc;
}

/* Build and emit the combined file of one table id: the prefix, the
 * contract columns, the provenance columns (from rows.csv), then the
 * union of x_ columns (other_<n>: the prefix, provenance, its columns). */
static int combine_table(sink *s, const doc *dv, int ndoc, const char *id, char **err)
{
	const gk_tabledef *def = gk_tabledef_find(id);
	gkl_csv *files = gk_calloc((size_t)ndoc + 1, sizeof *files);
	gk_strv *keys = gk_calloc((size_t)ndoc + 1, sizeof *keys);
	char ****prov = gk_calloc((size_t)ndoc + 1, sizeof *prov);
	comb cb = {0};
	gk_strv extra = {0};
	int npre = n_prefix(), rc = 0, nprov = 0;
	for (int j = 0; j < npre; j++)
		gk_strv_pushs(&cb.cols, gk_combined_prefix[j]);
	for (int j = 0; def && j < def->ncols; j++)
		gk_strv_pushs(&cb.cols, def->cols[j]);
	int pcol = cb.cols.n;
	for (; gk_combined_prov_cols[nprov]; nprov++)
		gk_strv_pushs(&cb.cols, gk_combined_prov_cols[nprov]);
	gk_strv reserved = {0};
	for (int j = 0; j < npre; j++)
		gk_strv_pushs(&reserved, gk_combined_prefix[j]);
	for (int j = 0; j < nprov; j++)
		gk_strv_pushs(&reserved, gk_combined_prov_cols[j]);
	gk_strv_push(&reserved, NULL);
	for (int i = 0; i < ndoc; i++) {
		if (strv_find(&dv[i].ids, id) < 0)
			continue;
		char *file = gk_strfmt("%s.csv", id);
		rc = doc_csv(s->dfd, &dv[i], file, !s->o->raw_cells, &files[i], err);
		free(file);
		if (rc < 0)
			goto done;
		file_keys(&files[i].hdr, (const char *const *)reserved.v, &keys[i]);
		for (int j = 0; j < keys[i].n; j++) {
			const char *k = keys[i].v[j];
			if (strv_find(&cb.cols, k) >= 0 || strv_find(&extra, k) >= 0)
				continue;
			gk_strv_pushs(&extra, k);
		}
		/* the provenance of each row: rows.csv's lines of this table by row_no */
		const gkl_csv *rw = &dv[i].rows;
		int ct = strv_find(&rw->hdr, "table_id"), cn = strv_find(&rw->hdr, "row_no");
		int cp[4];
		for (int k = 0; k < 4; k++)
			cp[k] = strv_find(&rw->hdr, gk_combined_prov_cols[k]);
		prov[i] = gk_calloc((size_t)files[i].nrow + 1, sizeof *prov[i]);
		for (int r = 0; ct >= 0 && cn >= 0 && r < rw->nrow; r++) {
			if (strcmp(rw->rows[r][ct], id))
				continue;
			long no = strtol(rw->rows[r][cn], NULL, 10);
			if (no < 1 || no > files[i].nrow || prov[i][no - 1])
				continue;
			char **pv = prov[i][no - 1] = gk_calloc(5, sizeof *pv);
			for (int k = 0; k < 4; k++)
				pv[k] = cp[k] >= 0 ? rw->rows[r][cp[k]] : empty;
		}
		/* row_no is the row's position even without rows.csv */
		for (int r = 0; r < files[i].nrow; r++) {
			if (!prov[i][r]) {
				char **pv = prov[i][r] = gk_calloc(5, sizeof *pv);
				for (int k = 0; k < 4; k++)
					pv[k] = empty;
			}
			gk_strv_push(&cb.own, gk_strfmt("%d", r + 1));
			prov[i][r][1] = cb.own.v[cb.own.n - 1];
		}
	}
	for (int j = 0; j < extra.n; j++)
		gk_strv_pushs(&cb.cols, extra.v[j]);
	for (int i = 0; i < ndoc; i++)
		if (files[i].hdr.n)
			comb_add(&cb, &files[i], &keys[i], dv[i].pre, npre, prov[i], pcol, nprov);
	rc = emit(s, id, id, &cb, err);
done:
	for (int i = 0; i < ndoc; i++) {
		for (int r = 0; prov[i] && r < files[i].nrow; r++)
			free(prov[i][r]);
		free(prov[i]);
		gkl_csv_drop(&files[i]);
		gk_strv_drop(&keys[i]);
	}
	free(files);
	free(keys);
	free(prov);
	gk_strv_drop(&extra);
	gk_strv_drop(&reserved);
	comb_drop(&cb);
	return rc;
}

/* OUT/documents.csv (every document.csv row, the union of their columns),
 * OUT/checks.csv and OUT/tables.csv (every checks.csv / tables.csv row
 * with doc in front). */
static int combine_meta(sink *s, const doc *dv, int ndoc, char **err)
{
	comb cb = {0};
	gk_strv keys;
	int rc = 0;
	for (int j = 0; gk_document_cols[j]; j++)
		gk_strv_pushs(&cb.cols, gk_document_cols[j]);
	for (int j = 0; gk_document_more_cols[j]; j++)
		gk_strv_pushs(&cb.cols, gk_document_more_cols[j]);
	for (int i = 0; i < ndoc; i++) {
		file_keys(&dv[i].meta.hdr, NULL, &keys);
		for (int j = 0; j < keys.n; j++)
			if (strv_find(&cb.cols, keys.v[j]) < 0)
				gk_strv_pushs(&cb.cols, keys.v[j]);
		gk_strv_drop(&keys);
	}
	for (int i = 0; i < ndoc; i++) {
		file_keys(&dv[i].meta.hdr, NULL, &keys);
		gkl_csv one = dv[i].meta;
		one.nrow = one.nrow > 1 ? 1 : one.nrow;
		if (one.nrow) {
			comb_add(&cb, &one, &keys, NULL, 0, NULL, 0, 0);
			/* the document's name as OUT knows it, whatever the file says */
			cb.rows[cb.nrow - 1][0] = (char *)dv[i].pre[0];
		}
		gk_strv_drop(&keys);
	}
	rc = emit(s, "documents", "documents", &cb, err);
	comb_drop(&cb);
	static const char *const files[] = {"checks", "tables"};
	static const char *const reserved[] = {"doc", NULL};
	for (int f = 0; f < 2 && rc == 0; f++) {
		gkl_csv *fc = gk_calloc((size_t)ndoc + 1, sizeof *fc);
		gk_strv *fk = gk_calloc((size_t)ndoc + 1, sizeof *fk);
		cb = (comb){0};
		gk_strv_pushs(&cb.cols, "doc");
		const char *const *std = f == 0 ? gk_checks_cols : gk_tables_cols;
		for (int j = 0; std[j]; j++)
			gk_strv_pushs(&cb.cols, std[j]);
		for (int i = 0; i < ndoc && rc == 0; i++) {
			if (!(f == 0 ? dv[i].has_checks : dv[i].has_tables))
				continue;
			char *file = gk_strfmt("%s.csv", files[f]);
			rc = doc_csv(s->dfd, &dv[i], file, !s->o->raw_cells, &fc[i], err);
			free(file);
			if (rc == 0) {
				file_keys(&fc[i].hdr, reserved, &fk[i]);
				for (int j = 0; j < fk[i].n; j++)
					if (strv_find(&cb.cols, fk[i].v[j]) < 0)
						gk_strv_pushs(&cb.cols, fk[i].v[j]);
			}
		}
		for (int i = 0; i < ndoc && rc == 0; i++)
			if (fc[i].hdr.n)
				comb_add(&cb, &fc[i], &fk[i], &dv[i].pre[0], 1, NULL, 0, 0);
		if (rc == 0)
			rc = emit(s, files[f], files[f], &cb, err);
		for (int i = 0; i < ndoc; i++) {
			gkl_csv_drop(&fc[i]);
			gk_strv_drop(&fk[i]);
		}
		free(fc);
		free(fk);
		comb_drop(&cb);
	}
	return rc;
}

/* Remove OUT/<id>.csv of contract and other_ ids no document has now. */
static int remove_gone(const char *out, int dfd, const gk_strv *ids, char **err)
{
	DIR *dh = gk_dir_list(dfd);
	if (!dh) {
		*err = gk_strfmt("cannot read '%s': %s", out, strerror(errno));
		return -1;
	}
	int rc = 0;
	struct dirent *e;
	while ((e = readdir(dh))) {
		const char *n = e->d_name;
		if (n[0] == '.' || !ends_with(n, ".csv"))
			continue;
		char *id = gk_strndup(n, strlen(n) - 4);
		if ((gk_tabledef_find(id) || !strncmp(id, "other_", 6)) && strv_find(ids, id) < 0 &&
		    is_file_at(dfd, n) && unlinkat(dfd, n, 0) < 0 && errno != ENOENT && rc == 0) {
			*err = gk_strfmt("cannot remove '%s/%s': %s", out, n, strerror(errno));
			rc = -1;
		}
		free(id);
	}
	closedir(dh);
	return rc;
}

/* Keep the first error message, drop later ones.  Returns -1. */
static int keep_first(char **err, char **e)
{
	if (!*err)
		*err = *e;
	else
		free(*e);
	*e = NULL;
	return -1;
}

int gk_load_combine(const gk_load_opts *o, char **err)
{
	*err = NULL;
	const char *out = o->outdir && *o->outdir ? o->outdir : ".";
	int dfd;
	if (gk_mkdirs(out) < 0 || (dfd = gk_dir_open(out)) < 0) {
		*err = gk_strfmt("cannot write '%s': %s", out, strerror(errno));
		return GK_EWRITE;
	}
	doc *dv;
	int ndoc, rc = 0, unguard = !o->raw_cells;
	gk_strv ids = {0};
	sink s = {.o = o, .out = out, .dfd = dfd};
	char *e2 = NULL;
	if (scan(out, dfd, unguard, &dv, &ndoc, err) < 0) {
		rc = -1;
		goto done;
	}
	table_ids(dv, ndoc, &ids);
	/* without the database or workbook the CSV files are still written */
	if (o->sqlite && !(s.db = gkl_db_open(o->sqlite, err)))
		rc = -1;
	if (o->xlsx && !(s.xl = gkl_xlsx_open(o->xlsx, &e2)))
		rc = keep_first(err, &e2);
	/* write every table even after a failure; report the first */
	for (int t = 0; t < ids.n; t++)
		if (combine_table(&s, dv, ndoc, ids.v[t], &e2) < 0)
			rc = keep_first(err, &e2);
	if (remove_gone(out, dfd, &ids, &e2) < 0)
		rc = keep_first(err, &e2);
	if (combine_meta(&s, dv, ndoc, &e2) < 0)
		rc = keep_first(err, &e2);
	if (gkl_pkg_write(dfd, out, &s.pkg, o->bom, &e2) < 0)
		rc = keep_first(err, &e2);
	if (s.db) {
		if (rc == 0)
			rc = gkl_db_commit(s.db, err);
		else
			gkl_db_abort(s.db);
	}
	if (s.xl) {
		if (rc == 0)
			rc = gkl_xlsx_commit(s.xl, err);
		else
			gkl_xlsx_abort(s.xl);
	}
	gk_fsync_fd(dfd);
done:
	close(dfd);
	for (int i = 0; i < ndoc; i++)
		doc_drop(&dv[i]);
	free(dv);
	gk_strv_drop(&ids);
	gk_buf_drop(&s.pkg);
	return rc < 0 ? GK_EWRITE : GK_OK;
}
