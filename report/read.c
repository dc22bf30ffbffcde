/*
 * read.c - OUT -> rp_corpus: every document (its directory, its manifest
 * entry, its failures.csv row), its tables, and its failed checks located
 * on a page (rows.csv's box, else the checks' page, else the table's
 * first page).  Columns are found by their header names; the optional
 * files and columns may be missing (output of an older gongkai).
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "rp.h"

#include "../load/loadi.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *const rp_status_names[8] = {"ok", "fail", "unsure", "round", "skip", "ambiguous", "corrected", "other"};

int rp_status_index(const char *s)
{
	for (int i = 0; i < 7; i++)
		if (!strcmp(s, rp_status_names[i]))
			return i;
	return 7;
}

/* The usual names of the contract's tables (TABLES.md), for a document
 * whose tables.csv (titles as printed) is missing. */
static const char *const table_names[][2] = {
	{"revenue_expenditure_summary", "收支总表"},
	{"revenue_by_unit", "收入总表"},
	{"expenditure_by_function", "支出总表"},
	{"fiscal_appropriation_summary", "财政拨款收支总表"},
	{"general_budget_expenditure", "一般公共预算支出表"},
	{"general_budget_basic_expenditure", "一般公共预算基本支出表"},
	{"expenditure_by_economic_class", "支出经济分类汇总表"},
	{"general_budget_by_economic_class", "一般公共预算支出经济分类表"},
	{"three_public_expenses", "“三公”经费支出表"},
	{"government_fund_expenditure", "政府性基金预算支出表"},
	{"state_capital_expenditure", "国有资本经营预算支出表"},
	{"project_expenditure", "项目支出表"},
	{"department_performance", "部门整体绩效目标表"},
	{"project_performance", "项目绩效目标表"},
	{"document", "文件"},
	{"narrative", "说明"},
};

const char *rp_table_name(const char *id)
{
	for (size_t i = 0; i < sizeof table_names / sizeof table_names[0]; i++)
		if (!strcmp(id, table_names[i][0]))
			return table_names[i][1];
	return id;
}

const char *rp_table_title(const rp_doc *d, const char *id)
{
	for (int i = 0; i < d->ntable; i++)
		if (!strcmp(d->tables[i].id, id) && d->tables[i].title && *d->tables[i].title)
			return d->tables[i].title;
	return rp_table_name(id);
}

/* ---- CSV cells by header name ---- */

static int col(const gkl_csv *c, const char *name)
{
	for (int j = 0; j < c->hdr.n; j++)
		if (!strcmp(c->hdr.v[j], name))
			return j;
	return -1;
}

static const char *cell(const gkl_csv *c, int r, int j)
{
	return j >= 0 && r >= 0 && r < c->nrow ? c->rows[r][j] : "";
}

static char *dup_or_null(const char *s)
{
	return s && *s ? gk_strdup(s) : NULL;
}

static int to_int(const char *s)
{
	char *end;
	long v = strtol(s, &end, 10);
	return end != s && v > 0 && v < 1000000 ? (int)v : 0;
}

/* A plain decimal as gongkai writes amounts: -?digits(.digits)? */
static int is_amount(const char *s)
{
	const char *p = s + (*s == '-');
	int d = 0;
	while (*p >= '0' && *p <= '9')
		p++, d++;
	if (*p == '.') {
		p++;
		while (*p >= '0' && *p <= '9')
			p++, d++;
	}
	return d > 0 && !*p;
}

/* A column of amounts (not a code, a name, a label or a count). */
static int amount_column(const char *k)
{
	static const char *const text[] = {"side", "item", "class", "subitem", "name", "project_type", "level1",
	                                   "level2", "indicator", "target", "note", "category", NULL};
	size_t n = strlen(k);
	if ((n > 5 && !strcmp(k + n - 5, "_code")) || (n > 5 && !strcmp(k + n - 5, "_name")))
		return 0;
	for (int i = 0; text[i]; i++)
		if (!strcmp(k, text[i]))
			return 0;
	return 1;
}

/* Decimal parse of "a,b-c,d" page lists: the first page. */
static int first_page(const char *s)
{
	while (*s && (*s < '0' || *s > '9'))
		s++;
	return to_int(s);
}

/* ... the last page */
static int last_page(const char *s)
{
	int last = 0;
	for (const char *p = s; *p;) {
		if (*p >= '0' && *p <= '9') {
			int v = to_int(p);
			last = v > last ? v : last;
			while (*p >= '0' && *p <= '9')
				p++;
		} else {
			p++;
		}
	}
	return last;
}

/* ---- the manifest and failures.csv ---- */

typedef struct known {
	char *doc, *path;
	int code;
	char *reason;
	int in_manifest;
} known;

static known *known_get(GHashTable *h, const char *doc)
{
	known *k = g_hash_table_lookup(h, doc);
	if (!k) {
		k = gk_calloc(1, sizeof *k);
		k->doc = gk_strdup(doc);
		g_hash_table_insert(h, k->doc, k);
	}
	return k;
}

static void known_free(gpointer p)
{
	known *k = p;
	free(k->doc), free(k->path), free(k->reason);
	free(k);
}

/* OUT/.gongkai-manifest (driver/run.c): doc path sha version rules exit ... */
static void read_manifest(GHashTable *h, int outfd)
{
	size_t len;
	char *s = gk_read_file_at(outfd, ".gongkai-manifest", &len);
	if (!s)
		return;
	for (char *line = s, *nl; *line; line = nl + 1) {
		nl = strchr(line, '\n');
		if (!nl)
			break;
		*nl = 0;
		char *f[12];
		if (line[0] == '#' || gk_split_tabs(line, f, 12) < 10)
			continue;
		char *doc = gk_unescape(f[0], strlen(f[0]));
		known *k = known_get(h, doc);
		free(doc);
		free(k->path);
		k->path = gk_unescape(f[1], strlen(f[1]));
		k->code = atoi(f[5]);
		k->in_manifest = 1;
	}
	free(s);
}

/* OUT/failures.csv (failures.c): the reason of a document the manifest
 * says failed; without a manifest, the code too. */
static void read_failures(GHashTable *h, int outfd, const char *outdir)
{
	gkl_csv c;
	char *err = NULL, *path = gk_strfmt("%s/failures.csv", outdir);
	int rc = gkl_csv_read(outfd, "failures.csv", path, 1, &c, &err);
	free(path);
	free(err);
	if (rc < 0)
		return;
	int jd = col(&c, "doc"), js = col(&c, "source"), jc = col(&c, "exit_code"), jr = col(&c, "reason");
	for (int i = 0; jd >= 0 && i < c.nrow; i++) {
		const char *doc = cell(&c, i, jd);
		int code = atoi(cell(&c, i, jc));
		if (!*doc || code == 0)
			continue;
		known *k = g_hash_table_lookup(h, doc);
		if (k && k->in_manifest && k->code == 0)
			continue; /* a stale row: it has been read since */
		if (!k) {
			k = known_get(h, doc);
			k->code = code;
			k->path = gk_strdup(cell(&c, i, js));
		}
		if (k->code == code && *cell(&c, i, jr)) {
			free(k->reason);
			k->reason = gk_strdup(cell(&c, i, jr));
		}
	}
	gkl_csv_drop(&c);
}

/* ---- one document directory ---- */

static int read_csv(int dfd, const rp_doc *d, const char *outdir, const char *file, gkl_csv *c, char **err)
{
	char *path = gk_strfmt("%s/%s/%s", outdir, d->name, file);
	int rc = gkl_csv_read(dfd, file, path, 1, c, err);
	free(path);
	return rc;
}

static int file_there(int dfd, const char *name)
{
	struct stat st;
	return fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode);
}

static void add_table(rp_doc *d, const char *id, const char *title, const char *pages, int rows,
                      const char *unit, const char *status)
{
	d->tables = gk_realloc(d->tables, sizeof *d->tables * (size_t)(d->ntable + 1));
	d->tables[d->ntable++] = (rp_table){gk_strdup(id), gk_strdup(title), gk_strdup(pages), gk_strdup(unit),
	                                    gk_strdup(status), rows};
}

static int is_meta_file(const char *n)
{
	return !strcmp(n, "document.csv") || !strcmp(n, "checks.csv") || !strcmp(n, "rows.csv") ||
	       !strcmp(n, "tables.csv");
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The figures of one table file: amounts counted, the total kept. */
static void read_table_file(rp_doc *d, int dfd, const char *outdir, const char *id, int *nrows)
{
	gkl_csv c;
	char *err = NULL, *file = gk_strfmt("%s.csv", id);
	int rc = read_csv(dfd, d, outdir, file, &c, &err);
	free(file);
	free(err);
	*nrows = 0;
	if (rc < 0)
		return;
	*nrows = c.nrow;
	for (int j = 0; j < c.hdr.n; j++) {
		if (!amount_column(c.hdr.v[j]))
			continue;
		for (int i = 0; i < c.nrow; i++)
			d->amounts += is_amount(c.rows[i][j]);
	}
	/* the budget's grand total: the summary's 支出总计 (else 收入总计) */
	if (!strcmp(id, "revenue_expenditure_summary")) {
		int js = col(&c, "side"), ji = col(&c, "item"), ja = col(&c, "amount");
		for (int pass = 0; pass < 2 && !d->total && ja >= 0; pass++)
			for (int i = 0; i < c.nrow && !d->total; i++)
				if (strstr(cell(&c, i, ji), "总计") && !strcmp(cell(&c, i, js), pass ? "收入" : "支出") &&
				    is_amount(cell(&c, i, ja)))
					d->total = gk_strdup(cell(&c, i, ja));
	}
	gkl_csv_drop(&c);
}

/* tables.csv, else the table files there */
static void read_tables(rp_corpus *cp, rp_doc *d, int dfd, const char *outdir)
{
	gkl_csv t;
	char *err = NULL;
	if (file_there(dfd, "tables.csv") && read_csv(dfd, d, outdir, "tables.csv", &t, &err) == 0) {
		cp->have_tables = 1;
		int ji = col(&t, "table_id"), jt = col(&t, "title"), jp = col(&t, "pages"), jr = col(&t, "rows"),
		    ju = col(&t, "unit"), js = col(&t, "status");
		for (int i = 0; i < t.nrow; i++) {
			const char *id = cell(&t, i, ji), *st = cell(&t, i, js);
			int nrows = to_int(cell(&t, i, jr));
			if (strcmp(st, "missing") && gkl_valid_table_id(id)) {
				int n;
				read_table_file(d, dfd, outdir, id, &n);
				if (jr < 0)
					nrows = n;
			}
			add_table(d, id, cell(&t, i, jt), cell(&t, i, jp), nrows, cell(&t, i, ju), *st ? st : "ok");
		}
		gkl_csv_drop(&t);
		return;
	}
	free(err);
	DIR *dh = gk_dir_list(dfd);
	if (!dh)
		return;
	gk_strv ids = {0};
	struct dirent *e;
	while ((e = readdir(dh))) {
		size_t n = strlen(e->d_name);
		if (e->d_name[0] == '.' || n < 5 || strcmp(e->d_name + n - 4, ".csv") || is_meta_file(e->d_name) ||
		    !file_there(dfd, e->d_name))
			continue;
		gk_strv_push(&ids, gk_strndup(e->d_name, n - 4));
	}
	closedir(dh);
	if (ids.n > 1)
		qsort(ids.v, (size_t)ids.n, sizeof *ids.v, cmp_str);
	for (int i = 0; i < ids.n; i++) {
		int n;
		read_table_file(d, dfd, outdir, ids.v[i], &n);
		add_table(d, ids.v[i], "", "", n, "", n ? "ok" : "empty");
	}
	gk_strv_drop(&ids);
}

/* rows.csv: (table_id, row_no) -> its line */
typedef struct rowbox {
	int page;
	double b[4];
	int has_box;
} rowbox;

static GHashTable *read_rows(rp_corpus *cp, rp_doc *d, int dfd, const char *outdir)
{
	gkl_csv r;
	char *err = NULL;
	if (!file_there(dfd, "rows.csv") || read_csv(dfd, d, outdir, "rows.csv", &r, &err) < 0) {
		free(err);
		return NULL;
	}
	cp->have_rows = 1;
	GHashTable *h = g_hash_table_new_full(g_str_hash, g_str_equal, free, free);
	int ji = col(&r, "table_id"), jn = col(&r, "row_no"), jp = col(&r, "page");
	int jb[4] = {col(&r, "x0"), col(&r, "y0"), col(&r, "x1"), col(&r, "y1")};
	for (int i = 0; i < r.nrow; i++) {
		rowbox *rb = gk_calloc(1, sizeof *rb);
		rb->page = to_int(cell(&r, i, jp));
		int ok = 1;
		for (int q = 0; q < 4; q++) {
			const char *v = cell(&r, i, jb[q]);
			char *end;
			rb->b[q] = g_ascii_strtod(v, &end); /* never the locale's */
			ok &= *v && !*end;
		}
		rb->has_box = ok && rb->b[2] > rb->b[0] && rb->b[3] > rb->b[1];
		g_hash_table_replace(h, gk_strfmt("%s\t%s", cell(&r, i, ji), cell(&r, i, jn)), rb);
	}
	gkl_csv_drop(&r);
	return h;
}

static void check_from(rp_check *k, const gkl_csv *c, int i, const int *j)
{
	k->table_id = gk_strdup(cell(c, i, j[0]));
	k->check = gk_strdup(cell(c, i, j[1]));
	k->row = gk_strdup(cell(c, i, j[2]));
	k->expected = gk_strdup(cell(c, i, j[3]));
	k->found = gk_strdup(cell(c, i, j[4]));
	k->status = gk_strdup(cell(c, i, j[5]));
	k->detail = dup_or_null(cell(c, i, j[6]));
	k->page = to_int(cell(c, i, j[7]));
	k->crop = -1;
}

/* Where a failed check is printed: its row's box, else its page. */
static void locate(rp_doc *d, rp_check *k, const char *row_no, GHashTable *rows)
{
	if (rows && *row_no) {
		char *key = gk_strfmt("%s\t%s", k->table_id, row_no);
		const rowbox *rb = g_hash_table_lookup(rows, key);
		free(key);
		if (rb && rb->page > 0) {
			k->page = rb->page;
			if (rb->has_box) {
				k->has_box = 1;
				k->x0 = rb->b[0], k->y0 = rb->b[1], k->x1 = rb->b[2], k->y1 = rb->b[3];
			}
		}
	}
	for (int i = 0; i < d->ntable && k->page <= 0; i++)
		if (!strcmp(d->tables[i].id, k->table_id))
			k->page = first_page(d->tables[i].pages);
}

/* The first words of the sentence a detail quotes (“…text…”), to find
 * it on the page: up to 8 characters after an opening ellipsis, before
 * the first punctuation (a line of print rarely breaks within them).
 * "" if none. */
static char *quote_words(const char *detail)
{
	const char *q = detail ? strstr(detail, "“") : NULL;
	if (!q)
		return gk_strdup("");
	q += strlen("“");
	while (!strncmp(q, "…", strlen("…")))
		q += strlen("…");
	size_t len = strlen(q), i = 0;
	int n = 0;
	while (i < len && n < 8) {
		unsigned cp;
		int k = gk_utf8_next((const unsigned char *)q + i, len - i, &cp);
		if (k <= 0 || cp == 0x201D || cp == 0x2026 || cp == 0xFF0C || cp == 0x3002 || cp == 0xFF1B || cp == ',')
			break;
		i += (size_t)k;
		n++;
	}
	return n >= 4 ? gk_strndup(q, i) : gk_strdup("");
}

/* An image for k: the same page and box (or figures) share one. */
static void plan_crop(rp_doc *d, rp_check *k)
{
	if (k->page <= 0) {
		k->nocrop = gk_strdup("the page is not known");
		return;
	}
	if (d->format && strcmp(d->format, "pdf")) {
		k->nocrop = gk_strdup("a text document has no pages to show");
		return;
	}
	char *quote = quote_words(k->detail);
	for (int i = 0; i < d->ncrop; i++) {
		const rp_crop *c = &d->crops[i];
		if (c->page != k->page || c->has_box != k->has_box)
			continue;
		if (k->has_box ? (c->x0 == k->x0 && c->y0 == k->y0 && c->x1 == k->x1 && c->y1 == k->y1)
		               : (!strcmp(c->find[0], k->found) && !strcmp(c->find[1], k->expected) &&
		                  !strcmp(c->find[2], quote))) {
			k->crop = i;
			free(quote);
			return;
		}
	}
	if (d->ncrop >= RP_MAX_CROPS) {
		k->nocrop = gk_strfmt("more than %d findings in this document: see page %d", RP_MAX_CROPS, k->page);
		free(quote);
		return;
	}
	d->crops = gk_realloc(d->crops, sizeof *d->crops * (size_t)(d->ncrop + 1));
	rp_crop *c = &d->crops[d->ncrop];
	*c = (rp_crop){.page = k->page, .has_box = k->has_box, .x0 = k->x0, .y0 = k->y0, .x1 = k->x1, .y1 = k->y1};
	/* a table's row may be on a page after its title's */
	c->last_page = k->page;
	for (int i = 0; i < d->ntable; i++)
		if (!strcmp(d->tables[i].id, k->table_id))
			c->last_page = last_page(d->tables[i].pages);
	if (c->last_page <= k->page && strcmp(k->table_id, "narrative") && strcmp(k->table_id, "document"))
		c->last_page = k->page + 2;
	c->find[0] = gk_strdup(k->found);
	c->find[1] = gk_strdup(k->expected);
	c->find[2] = gk_strdup(quote);
	c->file = gk_strfmt("%d.png", d->ncrop + 1);
	k->crop = d->ncrop++;
	free(quote);
}

static void read_checks(rp_corpus *cp, rp_doc *d, int dfd, const char *outdir, GHashTable *rows)
{
	gkl_csv c;
	char *err = NULL;
	if (read_csv(dfd, d, outdir, "checks.csv", &c, &err) < 0) {
		if (!d->read_error)
			d->read_error = err, err = NULL;
		free(err);
		return;
	}
	int j[8] = {col(&c, "table_id"), col(&c, "check"), col(&c, "row"),    col(&c, "expected"),
	            col(&c, "found"),    col(&c, "status"), col(&c, "detail"), col(&c, "page")};
	int jn = col(&c, "row_no");
	cp->have_page |= j[7] >= 0;
	cp->have_detail |= j[6] >= 0;
	for (int i = 0; i < c.nrow; i++) {
		int s = rp_status_index(cell(&c, i, j[5]));
		d->nstatus[s]++;
		if (s != 1 && s != 2)
			continue;
		rp_check **v = s == 1 ? &d->fails : &d->unsure;
		int *n = s == 1 ? &d->nfail : &d->nunsure;
		*v = gk_realloc(*v, sizeof **v * (size_t)(*n + 1));
		rp_check *k = &(*v)[(*n)++];
		memset(k, 0, sizeof *k);
		check_from(k, &c, i, j);
		locate(d, k, cell(&c, i, jn), rows);
		if (s == 1)
			plan_crop(d, k);
	}
	gkl_csv_drop(&c);
}

/* OUT/<doc> for a document name of one or more components ("a/b", as
 * a document found under a directory of the run is named), each opened
 * without following a symbolic link.  -1 if it is not there. */
static int open_doc_dir(int outfd, const char *name)
{
	char *path = gk_strdup(name), *save = NULL;
	int fd = -1;
	for (char *part = strtok_r(path, "/", &save); part; part = strtok_r(NULL, "/", &save)) {
		int next = gk_subdir_open(fd < 0 ? outfd : fd, part);
		if (fd >= 0)
			close(fd);
		fd = next;
		if (fd < 0)
			break;
	}
	free(path);
	return fd;
}

/* The directories under fd holding a document.csv, named by their path
 * from OUT (prefix/name); a directory without one is searched in turn,
 * as deep as OUT/<doc> names go (load/combine.c), except the report's
 * own folder.  -1 if fd cannot be read (a subdirectory that cannot be
 * read holds no document). */
static int find_docs(int fd, const char *prefix, int depth, gk_strv *dirs)
{
	DIR *dh = gk_dir_list(fd);
	if (!dh)
		return -1;
	struct dirent *e;
	while ((e = readdir(dh))) {
		struct stat st;
		if (e->d_name[0] == '.' || fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0 || !S_ISDIR(st.st_mode))
			continue;
		int dfd = gk_subdir_open(fd, e->d_name);
		if (dfd < 0)
			continue;
		char *name = *prefix ? gk_strfmt("%s/%s", prefix, e->d_name) : gk_strdup(e->d_name);
		if (file_there(dfd, "document.csv"))
			gk_strv_push(dirs, name), name = NULL;
		else if (depth < 15 && !(depth == 0 && !strcmp(e->d_name, "report")))
			find_docs(dfd, name, depth + 1, dirs);
		free(name);
		close(dfd);
	}
	closedir(dh);
	return 0;
}

static void read_doc_dir(rp_corpus *cp, rp_doc *d, int outfd, const char *outdir)
{
	int dfd = open_doc_dir(outfd, d->name);
	if (dfd < 0)
		return;
	gkl_csv m;
	char *err = NULL;
	if (read_csv(dfd, d, outdir, "document.csv", &m, &err) < 0 || m.nrow < 1) {
		d->read_error = err ? err : gk_strfmt("'%s/%s/document.csv' has no row", outdir, d->name);
		if (!err)
			gkl_csv_drop(&m);
		close(dfd);
		return;
	}
	d->has_dir = 1;
	char **dst[] = {&d->source,    &d->sha256,    &d->format,   &d->region,
	                &d->department, &d->year,      &d->kind,     &d->unit,
	                &d->ocr_pages, &d->pages_without_text, &d->pages_garbled, &d->repaired,
	                &d->url,       &d->aliases};
	const char *key[] = {"source",    "sha256",    "format",    "region",
	                     "department", "year",      "kind",      "unit_published",
	                     "ocr_pages", "pages_without_text", "pages_garbled", "repaired",
	                     "url",       "aliases"};
	for (size_t q = 0; q < sizeof dst / sizeof dst[0]; q++) {
		free(*dst[q]);
		*dst[q] = dup_or_null(cell(&m, 0, col(&m, key[q])));
	}
	d->pages = to_int(cell(&m, 0, col(&m, "pages")));
	d->tables_found = to_int(cell(&m, 0, col(&m, "tables_found")));
	d->tables_listed = to_int(cell(&m, 0, col(&m, "tables_listed")));
	gkl_csv_drop(&m);
	read_tables(cp, d, dfd, outdir);
	GHashTable *rows = read_rows(cp, d, dfd, outdir);
	read_checks(cp, d, dfd, outdir, rows);
	if (rows)
		g_hash_table_destroy(rows);
	close(dfd);
}

/* The file name of a document's page and image folder in report/: the
 * document's own name; for a name of several components ("a/b") its
 * last and a hash of the whole (the report's folders are flat); a hash
 * for one too long to take ".html". */
static char *page_file(const char *doc)
{
	const char *slash = strrchr(doc, '/');
	if (strlen(doc) <= 200 && !slash)
		return gk_strdup(doc);
	char hex[65];
	gk_sha256_hex(doc, strlen(doc), hex);
	if (slash && strlen(slash + 1) <= 150) {
		hex[12] = 0;
		return gk_strfmt("%s-%s", slash + 1, hex);
	}
	hex[24] = 0;
	return gk_strfmt("doc-%s", hex);
}

/* What an exit code says about a document, for a failure whose own
 * message was not kept (README "Exit codes"). */
static const char *exit_words(int code)
{
	switch (code) {
	case GK_EOPEN: return "the file could not be opened";
	case GK_EFORMAT: return "not a document: an empty file, binary data or an HTML page";
	case GK_EENCODING: return "text in an encoding gongkai does not read";
	case GK_EENCRYPTED: return "the PDF needs a password";
	case GK_ENOTEXT: return "a scan: no text layer, and no text that OCR could read";
	case GK_EDAMAGED: return "the PDF is damaged beyond repair";
	case GK_ELIMIT: return "reading it took more memory or time than allowed";
	case GK_ENOTABLE: return "no budget table found";
	case GK_EINTERNAL: return "an internal error of gongkai";
	default: return gk_exit_name(code);
	}
}

static int cmp_doc(const void *a, const void *b)
{
	return strcmp(((const rp_doc *)a)->name, ((const rp_doc *)b)->name);
}

int rp_read(rp_corpus *c, const char *outdir, int outfd, char **err)
{
	memset(c, 0, sizeof *c);
	c->outdir = outdir;
	GHashTable *h = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, known_free);
	read_manifest(h, outfd);
	read_failures(h, outfd, outdir);

	/* the directories holding a document.csv */
	gk_strv dirs = {0};
	if (find_docs(outfd, "", 0, &dirs) < 0) {
		*err = gk_strfmt("cannot read '%s': %s", outdir, strerror(errno));
		gk_strv_drop(&dirs);
		g_hash_table_destroy(h);
		return -1;
	}

	/* every document: a directory, or a manifest entry or failures.csv row */
	GHashTable *all = g_hash_table_new(g_str_hash, g_str_equal);
	for (int i = 0; i < dirs.n; i++)
		g_hash_table_add(all, dirs.v[i]);
	GHashTableIter it;
	gpointer key, val;
	g_hash_table_iter_init(&it, h);
	while (g_hash_table_iter_next(&it, &key, &val))
		if (((known *)val)->code != 0)
			g_hash_table_add(all, key);
	c->n = (int)g_hash_table_size(all);
	c->docs = gk_calloc((size_t)c->n + 1, sizeof *c->docs);
	int i = 0;
	g_hash_table_iter_init(&it, all);
	while (g_hash_table_iter_next(&it, &key, NULL))
		c->docs[i++].name = gk_strdup(key);
	g_hash_table_destroy(all);
	gk_strv_drop(&dirs);
	if (c->n > 1)
		qsort(c->docs, (size_t)c->n, sizeof *c->docs, cmp_doc);

	for (i = 0; i < c->n; i++) {
		rp_doc *d = &c->docs[i];
		d->file = page_file(d->name);
		read_doc_dir(c, d, outfd, outdir);
		const known *k = g_hash_table_lookup(h, d->name);
		if (k && k->code != 0) {
			d->failed = k->code;
			d->reason = k->reason ? gk_strdup(k->reason) : NULL;
			if (!d->source && k->path)
				d->source = gk_strdup(k->path);
		} else if (d->has_dir && d->tables_found == 0 && d->ntable == 0) {
			d->failed = GK_ENOTABLE; /* written, but read as no budget */
		}
		if (d->failed && !d->reason)
			d->reason = gk_strdup(exit_words(d->failed));
	}
	g_hash_table_destroy(h);
	return 0;
}

static void check_drop(rp_check *k)
{
	free(k->table_id), free(k->check), free(k->row), free(k->expected), free(k->found), free(k->status);
	free(k->detail), free(k->nocrop);
}

void rp_corpus_drop(rp_corpus *c)
{
	for (int i = 0; i < c->n; i++) {
		rp_doc *d = &c->docs[i];
		char *s[] = {d->name,      d->file,     d->source,    d->sha256,  d->format,
		             d->region,    d->department, d->year,     d->kind,    d->unit,
		             d->ocr_pages, d->pages_without_text, d->pages_garbled, d->repaired, d->total,
		             d->reason,    d->crop_note,  d->read_error, d->url, d->aliases};
		for (size_t q = 0; q < sizeof s / sizeof s[0]; q++)
			free(s[q]);
		for (int t = 0; t < d->ntable; t++) {
			rp_table *tb = &d->tables[t];
			free(tb->id), free(tb->title), free(tb->pages), free(tb->unit), free(tb->status);
		}
		free(d->tables);
		for (int k = 0; k < d->nfail; k++)
			check_drop(&d->fails[k]);
		free(d->fails);
		for (int k = 0; k < d->nunsure; k++)
			check_drop(&d->unsure[k]);
		free(d->unsure);
		for (int k = 0; k < d->ncrop; k++)
			free(d->crops[k].find[0]), free(d->crops[k].find[1]), free(d->crops[k].find[2]),
			free(d->crops[k].file);
		free(d->crops);
	}
	free(c->docs);
	memset(c, 0, sizeof *c);
}
