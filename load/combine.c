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
	free(data);
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
	char *name, *dir;    /* OUT/<name>: its entry in OUT, the path for messages */
	gkl_csv meta;        /* document.csv */
	const char *pre[4];  /* doc, region, department, year */
	gk_strv ids;         /* table ids of its <id>.csv files */
} doc;

static void doc_drop(doc *d)
{
	free(d->name);
	free(d->dir);
	gkl_csv_drop(&d->meta);
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
	int sfd = gk_subdir_open(dfd, d->name), rc = -1;
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

/* Read one document directory: document.csv and the list of its tables. */
static int doc_read(int dfd, doc *d, int unguard, char **err)
{
	if (doc_csv(dfd, d, "document.csv", unguard, &d->meta, err) < 0)
		return -1;
	for (int i = 0; i < 4; i++)
		d->pre[i] = csv_get(&d->meta, 0, gk_combined_prefix[i]);
	if (!*d->pre[0])
		d->pre[0] = d->name;
	int sfd = gk_subdir_open(dfd, d->name);
	DIR *dh = sfd < 0 ? NULL : fdopendir(sfd);
	if (!dh) {
		*err = gk_strfmt("cannot read '%s': %s", d->dir, strerror(errno));
		if (sfd >= 0)
			close(sfd);
		return -1;
	}
	struct dirent *e;
	while ((e = readdir(dh))) {
		if (e->d_name[0] == '.' || !ends_with(e->d_name, ".csv"))
			continue;
		char *id = gk_strndup(e->d_name, strlen(e->d_name) - 4);
		if (gkl_valid_table_id(id) && is_file_at(dirfd(dh), e->d_name))
			gk_strv_push(&d->ids, id);
		else
			free(id);
	}
	closedir(dh);
	return 0;
}

/* The document directories of OUT (dfd) in name order; stale temporary
 * directories and files of killed runs are removed on the way.  Symbolic
 * links are not documents, whatever they point to. */
static int scan(const char *out, int dfd, int unguard, doc **docs, int *ndoc, char **err)
{
	*docs = NULL;
	*ndoc = 0;
	DIR *dh = gk_dir_list(dfd);
	if (!dh) {
		*err = gk_strfmt("cannot read '%s': %s", out, strerror(errno));
		return -1;
	}
	int cap = 0;
	struct dirent *e;
	gk_strv stale = {0};
	while ((e = readdir(dh))) {
		const char *n = e->d_name;
		if (!strcmp(n, ".") || !strcmp(n, ".."))
			continue;
		struct stat st;
		if (fstatat(dfd, n, &st, AT_SYMLINK_NOFOLLOW) < 0)
			continue;
		if (n[0] == '.' || (!S_ISDIR(st.st_mode) && strstr(n, ".csv.tmp."))) {
			if (stale_temp(n))
				gk_strv_pushs(&stale, n);
			continue;
		}
		if (!S_ISDIR(st.st_mode) || gkl_combined_name(n))
			continue;
		int ddf = gk_subdir_open(dfd, n);
		int ok = ddf >= 0 && is_file_at(ddf, "document.csv");
		if (ddf >= 0)
			close(ddf);
		if (!ok)
			continue;
		if (*ndoc == cap) {
			cap = cap ? cap * 2 : 16;
			*docs = gk_realloc(*docs, sizeof **docs * (size_t)cap);
		}
		(*docs)[(*ndoc)++] = (doc){.name = gk_strdup(n), .dir = gk_strfmt("%s/%s", out, n)};
	}
	closedir(dh);
	for (int i = 0; i < stale.n; i++)
		gk_rmtree_at(dfd, stale.v[i]);
	gk_strv_drop(&stale);
	if (*ndoc > 1)
		qsort(*docs, (size_t)*ndoc, sizeof **docs, doc_cmp);
	for (int i = 0; i < *ndoc; i++)
		if (doc_read(dfd, &(*docs)[i], unguard, err) < 0)
			return -1;
	return 0;
}

/* Table ids present in any document: contract ids in contract order, then
 * the others (other_<n>) in version order (other_2 before other_10). */
static void table_ids(const doc *docs, int ndoc, gk_strv *ids)
{
	for (int t = 0; t < gk_ntabledefs; t++)
		for (int i = 0; i < ndoc; i++)
			if (strv_find(&docs[i].ids, gk_tabledefs[t].id) >= 0) {
				gk_strv_pushs(ids, gk_tabledefs[t].id);
				break;
			}
	int first = ids->n;
	for (int i = 0; i < ndoc; i++)
		for (int k = 0; k < docs[i].ids.n; k++) {
			const char *id = docs[i].ids.v[k];
			if (!gk_tabledef_find(id) && strv_find(ids, id) < 0)
				gk_strv_pushs(ids, id);
		}
	if (ids->n - first > 1)
		qsort(ids->v + first, (size_t)(ids->n - first), sizeof *ids->v, ver_cmp);
}

/* A combined table under construction: columns and borrowed cells. */
typedef struct comb {
	gk_strv cols;
	int nrow, cap;
	char ***rows;
} comb;

static char empty[1];

static void comb_drop(comb *cb)
{
	for (int i = 0; i < cb->nrow; i++)
		free(cb->rows[i]);
	free(cb->rows);
	gk_strv_drop(&cb->cols);
}

/* Append the rows of file f (keys: its column keys) under the prefix values
 * pre (NULL: none); the cells are borrowed from f. */
static void comb_add(comb *cb, const gkl_csv *f, const gk_strv *keys, const char *const *pre, int npre)
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
		cb->rows[cb->nrow++] = row;
	}
	free(map);
}

/* Build, write (and load into db) the combined file of one table id. */
static int combine_table(const gk_load_opts *o, const char *out, int dfd, const doc *docs, int ndoc,
                         const char *id, gkl_db *db, char **err)
{
	const gk_tabledef *def = gk_tabledef_find(id);
	gkl_csv *files = gk_calloc((size_t)ndoc + 1, sizeof *files);
	gk_strv *keys = gk_calloc((size_t)ndoc + 1, sizeof *keys);
	comb cb = {0};
	gk_strv extra = {0};
	int npre = 0, rc = 0;
	for (; gk_combined_prefix[npre]; npre++)
		gk_strv_pushs(&cb.cols, gk_combined_prefix[npre]);
	for (int j = 0; def && j < def->ncols; j++)
		gk_strv_pushs(&cb.cols, def->cols[j]);
	for (int i = 0; i < ndoc; i++) {
		if (strv_find(&docs[i].ids, id) < 0)
			continue;
		char *file = gk_strfmt("%s.csv", id);
		rc = doc_csv(dfd, &docs[i], file, !o->raw_cells, &files[i], err);
		free(file);
		if (rc < 0)
			goto done;
		file_keys(&files[i].hdr, gk_combined_prefix, &keys[i]);
		for (int j = 0; j < keys[i].n; j++) {
			const char *k = keys[i].v[j];
			if (strv_find(&cb.cols, k) >= 0 || strv_find(&extra, k) >= 0)
				continue;
			gk_strv_pushs(def || !strncmp(k, "x_", 2) ? &extra : &cb.cols, k);
		}
	}
	for (int j = 0; j < extra.n; j++)
		gk_strv_pushs(&cb.cols, extra.v[j]);
	for (int i = 0; i < ndoc; i++)
		if (files[i].hdr.n)
			comb_add(&cb, &files[i], &keys[i], docs[i].pre, npre);

	char *data, *file = gk_strfmt("%s.csv", id);
	size_t len;
	gk_csv_render((const char *const *)cb.cols.v, cb.cols.n, cb.rows, cb.nrow, gkl_csv_flags(o), &data,
	              &len);
	if (gk_write_atomic_at(dfd, file, data, len) < 0) {
		*err = gk_strfmt("cannot write '%s/%s': %s", out, file, strerror(errno));
		rc = -1;
	}
	free(data);
	free(file);
	if (rc == 0 && db)
		rc = gkl_db_table(db, id, (const char *const *)cb.cols.v, cb.cols.n, cb.rows, cb.nrow, err);
done:
	for (int i = 0; i < ndoc; i++) {
		gkl_csv_drop(&files[i]);
		gk_strv_drop(&keys[i]);
	}
	free(files);
	free(keys);
	gk_strv_drop(&extra);
	comb_drop(&cb);
	return rc;
}

/* SQLite tables `documents` (document.csv rows) and `checks` (checks.csv
 * rows with a doc column in front). */
static int db_meta(int dfd, int unguard, const doc *docs, int ndoc, gkl_db *db, char **err)
{
	comb cb = {0};
	gk_strv keys;
	int rc = 0;
	for (int j = 0; gk_document_cols[j]; j++)
		gk_strv_pushs(&cb.cols, gk_document_cols[j]);
	for (int i = 0; i < ndoc; i++) {
		file_keys(&docs[i].meta.hdr, NULL, &keys);
		for (int j = 0; j < keys.n; j++)
			if (strv_find(&cb.cols, keys.v[j]) < 0)
				gk_strv_pushs(&cb.cols, keys.v[j]);
		gkl_csv one = docs[i].meta;
		one.nrow = one.nrow > 1 ? 1 : one.nrow;
		if (one.nrow)
			comb_add(&cb, &one, &keys, NULL, 0);
		gk_strv_drop(&keys);
	}
	rc = gkl_db_table(db, "documents", (const char *const *)cb.cols.v, cb.cols.n, cb.rows, cb.nrow,
	                  err);
	comb_drop(&cb);
	if (rc < 0)
		return rc;

	static const char *const reserved[] = {"doc", NULL};
	gkl_csv *files = gk_calloc((size_t)ndoc + 1, sizeof *files);
	gk_strv *fk = gk_calloc((size_t)ndoc + 1, sizeof *fk);
	cb = (comb){0};
	gk_strv_pushs(&cb.cols, "doc");
	for (int j = 0; gk_checks_cols[j]; j++)
		gk_strv_pushs(&cb.cols, gk_checks_cols[j]);
	for (int i = 0; i < ndoc && rc == 0; i++) {
		int sfd = gk_subdir_open(dfd, docs[i].name);
		int have = sfd >= 0 && is_file_at(sfd, "checks.csv");
		if (sfd >= 0)
			close(sfd);
		if (have && (rc = doc_csv(dfd, &docs[i], "checks.csv", unguard, &files[i], err)) == 0) {
			file_keys(&files[i].hdr, reserved, &fk[i]);
			for (int j = 0; j < fk[i].n; j++)
				if (strv_find(&cb.cols, fk[i].v[j]) < 0)
					gk_strv_pushs(&cb.cols, fk[i].v[j]);
		}
	}
	for (int i = 0; i < ndoc && rc == 0; i++)
		comb_add(&cb, &files[i], &fk[i], &docs[i].pre[0], 1);
	if (rc == 0)
		rc = gkl_db_table(db, "checks", (const char *const *)cb.cols.v, cb.cols.n, cb.rows,
		                  cb.nrow, err);
	for (int i = 0; i < ndoc; i++) {
		gkl_csv_drop(&files[i]);
		gk_strv_drop(&fk[i]);
	}
	free(files);
	free(fk);
	comb_drop(&cb);
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
	doc *docs;
	int ndoc, rc = 0, unguard = !o->raw_cells;
	gk_strv ids = {0};
	gkl_db *db = NULL;
	char *e2 = NULL;
	if (scan(out, dfd, unguard, &docs, &ndoc, err) < 0) {
		rc = -1;
		goto done;
	}
	table_ids(docs, ndoc, &ids);
	/* without the database the CSV files are still written */
	if (o->sqlite && !(db = gkl_db_open(o->sqlite, err)))
		rc = -1;
	/* write every table even after a failure; report the first */
	for (int t = 0; t < ids.n; t++) {
		if (combine_table(o, out, dfd, docs, ndoc, ids.v[t], db, &e2) < 0)
			rc = keep_first(err, &e2);
	}
	if (remove_gone(out, dfd, &ids, &e2) < 0)
		rc = keep_first(err, &e2);
	if (db) {
		if (rc == 0 && db_meta(dfd, unguard, docs, ndoc, db, err) < 0)
			rc = -1;
		if (rc == 0)
			rc = gkl_db_commit(db, err);
		else
			gkl_db_abort(db);
	}
	gk_fsync_fd(dfd);
done:
	close(dfd);
	for (int i = 0; i < ndoc; i++)
		doc_drop(&docs[i]);
	free(docs);
	gk_strv_drop(&ids);
	return rc < 0 ? GK_EWRITE : GK_OK;
}
