/* table.c - result model and the tables stream format. */
#include "table.h"

#include <stdlib.h>
#include <string.h>

gk_result *gk_result_new(void)
{
	return gk_calloc(1, sizeof(gk_result));
}

static void table_drop(gk_table *t)
{
	for (int i = 0; i < t->nrow; i++) {
		for (int j = 0; j < t->cols.n; j++)
			free(t->rows[i][j]);
		free(t->rows[i]);
	}
	free(t->rows);
	gk_strv_drop(&t->cols);
	free(t->id);
	free(t->title);
	free(t);
}

void gk_result_drop(gk_result *r)
{
	if (!r)
		return;
	for (int i = 0; i < r->ntable; i++)
		table_drop(r->tables[i]);
	free(r->tables);
	for (int i = 0; i < r->ncheck; i++) {
		gk_check *c = &r->checks[i];
		free(c->table_id), free(c->check), free(c->row);
		free(c->expected), free(c->found), free(c->status), free(c->detail);
	}
	free(r->checks);
	gk_strv_drop(&r->meta);
	free(r);
}

void gk_result_set_meta(gk_result *r, const char *key, const char *val)
{
	for (int i = 0; i + 1 < r->meta.n; i += 2)
		if (!strcmp(r->meta.v[i], key)) {
			free(r->meta.v[i + 1]);
			r->meta.v[i + 1] = gk_strdup(val ? val : "");
			return;
		}
	gk_strv_pushs(&r->meta, key);
	gk_strv_pushs(&r->meta, val);
}

const char *gk_result_meta(const gk_result *r, const char *key)
{
	for (int i = 0; i + 1 < r->meta.n; i += 2)
		if (!strcmp(r->meta.v[i], key))
			return r->meta.v[i + 1];
	return NULL;
}

gk_table *gk_result_add_table(gk_result *r, const char *id, const char *title, int page,
                              const char *const *cols, int ncols)
{
	if (r->ntable == r->tcap) {
		r->tcap = r->tcap ? r->tcap * 2 : 16;
		r->tables = gk_realloc(r->tables, sizeof *r->tables * (size_t)r->tcap);
	}
	gk_table *t = gk_calloc(1, sizeof *t);
	t->id = gk_strdup(id);
	t->title = gk_strdup(title ? title : "");
	t->page = page;
	for (int i = 0; i < ncols; i++)
		gk_strv_pushs(&t->cols, cols[i]);
	r->tables[r->ntable++] = t;
	return t;
}

gk_table *gk_result_find(const gk_result *r, const char *id)
{
	for (int i = 0; i < r->ntable; i++)
		if (!strcmp(r->tables[i]->id, id))
			return r->tables[i];
	return NULL;
}

void gk_result_add_check(gk_result *r, const char *table_id, const char *check, const char *row,
                         const char *expected, const char *found, const char *status)
{
	gk_result_add_finding(r, table_id, check, row, expected, found, status, 0, NULL);
}

void gk_result_add_finding(gk_result *r, const char *table_id, const char *check, const char *row,
                           const char *expected, const char *found, const char *status, int page,
                           const char *detail)
{
	if (r->ncheck == r->ccap) {
		r->ccap = r->ccap ? r->ccap * 2 : 32;
		r->checks = gk_realloc(r->checks, sizeof *r->checks * (size_t)r->ccap);
	}
	gk_check *c = &r->checks[r->ncheck++];
	c->table_id = gk_strdup(table_id ? table_id : "");
	c->check = gk_strdup(check ? check : "");
	c->row = gk_strdup(row ? row : "");
	c->expected = gk_strdup(expected ? expected : "");
	c->found = gk_strdup(found ? found : "");
	c->status = gk_strdup(status ? status : "");
	c->page = page > 0 ? page : 0;
	c->detail = gk_strdup(detail ? detail : "");
}

int gk_table_col(const gk_table *t, const char *key)
{
	for (int i = 0; i < t->cols.n; i++)
		if (!strcmp(t->cols.v[i], key))
			return i;
	return -1;
}

int gk_table_add_col(gk_table *t, const char *key)
{
	gk_strv_pushs(&t->cols, key);
	for (int i = 0; i < t->nrow; i++) {
		t->rows[i] = gk_realloc(t->rows[i], sizeof(char *) * (size_t)t->cols.n);
		t->rows[i][t->cols.n - 1] = gk_strdup("");
	}
	return t->cols.n - 1;
}

char **gk_table_add_row(gk_table *t)
{
	if (t->nrow == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 16;
		t->rows = gk_realloc(t->rows, sizeof *t->rows * (size_t)t->cap);
	}
	char **row = gk_malloc(sizeof(char *) * (size_t)(t->cols.n ? t->cols.n : 1));
	for (int j = 0; j < t->cols.n; j++)
		row[j] = gk_strdup("");
	t->rows[t->nrow++] = row;
	return row;
}

void gk_table_set(gk_table *t, int row, int col, const char *val)
{
	if (row < 0 || row >= t->nrow || col < 0 || col >= t->cols.n)
		return;
	free(t->rows[row][col]);
	t->rows[row][col] = gk_strdup(val ? val : "");
}

const char *gk_table_get(const gk_table *t, int row, const char *key)
{
	int c = gk_table_col(t, key);
	if (c < 0 || row < 0 || row >= t->nrow)
		return "";
	return t->rows[row][c];
}

static void add_fields(gk_buf *b, char tag, const char *const *v, int n)
{
	gk_buf_addc(b, tag);
	for (int i = 0; i < n; i++) {
		gk_buf_addc(b, '\t');
		gk_buf_add_escaped(b, v[i] ? v[i] : "");
	}
	gk_buf_addc(b, '\n');
}

int gk_result_write(FILE *f, const gk_result *r)
{
	gk_buf b = {0};
	gk_buf_adds(&b, "%gongkai-tables 1\n");
	for (int i = 0; i + 1 < r->meta.n; i += 2)
		add_fields(&b, 'M', (const char *const *)&r->meta.v[i], 2);
	for (int i = 0; i < r->ntable; i++) {
		const gk_table *t = r->tables[i];
		char page[16];
		snprintf(page, sizeof page, "%d", t->page);
		const char *tv[3] = {t->id, page, t->title};
		add_fields(&b, 'T', tv, 3);
		add_fields(&b, 'H', (const char *const *)t->cols.v, t->cols.n);
		for (int j = 0; j < t->nrow; j++)
			add_fields(&b, 'R', (const char *const *)t->rows[j], t->cols.n);
	}
	for (int i = 0; i < r->ncheck; i++) {
		const gk_check *c = &r->checks[i];
		char pg[16] = "";
		if (c->page > 0)
			snprintf(pg, sizeof pg, "%d", c->page);
		const char *cv[8] = {c->table_id, c->check, c->row, c->expected, c->found, c->status, pg, c->detail};
		add_fields(&b, 'K', cv, 8);
	}
	gk_buf_adds(&b, "%end\n");
	size_t w = fwrite(b.s, 1, b.len, f);
	int bad = w != b.len || ferror(f);
	gk_buf_drop(&b);
	return bad ? -1 : 0;
}

int gk_result_read(FILE *f, gk_result **out, char **err)
{
	static __thread long lineno;
	char *buf = NULL;
	size_t cap = 0;
	ssize_t n;
	gk_result *r = NULL;
	gk_table *t = NULL;
	*out = NULL;
	*err = NULL;
	while ((n = getline(&buf, &cap, f)) >= 0) {
		lineno++;
		if (n && buf[n - 1] == '\n')
			buf[--n] = 0;
		if (n == 0)
			continue;
		if (!r) {
			if (strcmp(buf, "%gongkai-tables 1") != 0) {
				*err = gk_strfmt("line %ld: expected '%%gongkai-tables 1', got '%.40s'", lineno, buf);
				goto fail;
			}
			r = gk_result_new();
			continue;
		}
		if (!strcmp(buf, "%end")) {
			free(buf);
			*out = r;
			return 1;
		}
		gk_strv fv = {0};
		char *p = buf;
		if (p[1] != '\t' && p[1] != 0) {
			*err = gk_strfmt("line %ld: unknown record '%.20s'", lineno, buf);
			goto fail;
		}
		char tag = p[0];
		if (p[1] == '\t') {
			p += 2;
			for (;;) {
				char *tab = strchr(p, '\t');
				size_t len = tab ? (size_t)(tab - p) : strlen(p);
				gk_strv_push(&fv, gk_unescape(p, len));
				if (!tab)
					break;
				p = tab + 1;
			}
		}
		int ok = 1;
		switch (tag) {
		case 'M':
			if ((ok = fv.n == 2))
				gk_result_set_meta(r, fv.v[0], fv.v[1]);
			break;
		case 'T':
			if ((ok = fv.n == 3))
				t = gk_result_add_table(r, fv.v[0], fv.v[2], atoi(fv.v[1]), NULL, 0);
			break;
		case 'H':
			if ((ok = t && t->nrow == 0 && t->cols.n == 0))
				for (int i = 0; i < fv.n; i++)
					gk_strv_pushs(&t->cols, fv.v[i]);
			break;
		case 'R':
			if ((ok = t && fv.n == t->cols.n)) {
				char **row = gk_table_add_row(t);
				for (int i = 0; i < fv.n; i++) {
					free(row[i]);
					row[i] = fv.v[i];
					fv.v[i] = NULL;
				}
			}
			break;
		case 'K':
			/* 6 fields: a stream written before page and detail */
			if ((ok = fv.n == 6 || fv.n == 8))
				gk_result_add_finding(r, fv.v[0], fv.v[1], fv.v[2], fv.v[3], fv.v[4], fv.v[5],
				                      fv.n == 8 ? atoi(fv.v[6]) : 0, fv.n == 8 ? fv.v[7] : NULL);
			break;
		default:
			ok = 0;
		}
		gk_strv_drop(&fv);
		if (!ok) {
			*err = gk_strfmt("line %ld: malformed '%c' record", lineno, tag);
			goto fail;
		}
	}
	free(buf);
	if (r) {
		*err = gk_strfmt("line %ld: stream ends inside a document (no '%%end')", lineno);
		gk_result_drop(r);
		return -1;
	}
	return 0;
fail:
	free(buf);
	gk_result_drop(r);
	return -1;
}
