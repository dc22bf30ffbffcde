/* table.c - result model and the tables stream format. */
#include "table.h"

#include <stdlib.h>
#include <string.h>

/* A row's information, kept with the row pointer it belongs to: readers
 * that fold or drop rows move the pointers of rows[] (three.c), and the
 * information follows.  gk_table_add_row appends a slot for every new row,
 * so the newest slot of a pointer is the live row's. */
struct gk_rowslot {
	char **row;
	gk_rowinfo ri;
};

static void slots_sync(gk_table *t);

static void slot_clear(gk_rowslot *s)
{
	free(s->ri.row_type);
	free(s->ri.item_key);
}

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
	for (int i = 0; i < t->nslot; i++)
		slot_clear(&t->slots[i]);
	free(t->slots);
	gk_strv_drop(&t->cols);
	free(t->id);
	free(t->title);
	free(t->unit);
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
	t->unit = gk_strdup("");
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

/* s copied, less any bytes that are not UTF-8: a label cut to a
 * buffer's size may end inside a character, and a CSV cell must decode */
static char *dup_utf8(const char *s)
{
	if (!s)
		return gk_strdup("");
	size_t n = strlen(s), k = 0;
	char *d = gk_malloc(n + 1);
	for (size_t i = 0; i < n;) {
		unsigned c;
		int m = gk_utf8_next((const unsigned char *)s + i, n - i, &c);
		if (m <= 0) {
			i++;
			continue;
		}
		memcpy(d + k, s + i, (size_t)m);
		k += (size_t)m, i += (size_t)m;
	}
	d[k] = 0;
	return d;
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
	c->table_id = dup_utf8(table_id);
	c->check = dup_utf8(check);
	c->row = dup_utf8(row);
	c->expected = dup_utf8(expected);
	c->found = dup_utf8(found);
	c->status = dup_utf8(status);
	c->page = page > 0 ? page : 0;
	c->detail = dup_utf8(detail);
	c->row_no = 0;
}

int gk_result_row_no(const gk_result *r, const gk_table *t, int ri)
{
	int n = 0;
	for (int i = 0; i < r->ntable && r->tables[i] != t; i++)
		if (!strcmp(r->tables[i]->id, t->id))
			n += r->tables[i]->nrow;
	return ri >= 0 && ri < t->nrow ? n + ri + 1 : 0;
}

void gk_result_check_at(gk_result *r, const gk_table *t, int ri)
{
	if (r->ncheck)
		r->checks[r->ncheck - 1].row_no = gk_result_row_no(r, t, ri);
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
	slots_sync(t); /* (the rows move: their slots follow by index) */
	for (int i = 0; i < t->nrow; i++) {
		t->rows[i] = gk_realloc(t->rows[i], sizeof(char *) * (size_t)t->cols.n);
		t->rows[i][t->cols.n - 1] = gk_strdup("");
		t->slots[i].row = t->rows[i];
	}
	return t->cols.n - 1;
}

char **gk_table_add_row(gk_table *t)
{
	if (t->nslot != t->nrow)
		slots_sync(t); /* rows were dropped: before their memory comes back */
	if (t->nrow == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 16;
		t->rows = gk_realloc(t->rows, sizeof *t->rows * (size_t)t->cap);
	}
	char **row = gk_malloc(sizeof(char *) * (size_t)(t->cols.n ? t->cols.n : 1));
	for (int j = 0; j < t->cols.n; j++)
		row[j] = gk_strdup("");
	t->rows[t->nrow++] = row;
	if (t->nslot == t->scap) {
		t->scap = t->scap ? t->scap * 2 : 16;
		t->slots = gk_realloc(t->slots, sizeof *t->slots * (size_t)t->scap);
	}
	t->slots[t->nslot++] = (gk_rowslot){.row = row};
	return row;
}

/* The slot of row i: at index i while no row was dropped, else the newest
 * slot of its pointer.  NULL if none. */
static gk_rowslot *slot_of(const gk_table *t, int i)
{
	if (i < 0 || i >= t->nrow)
		return NULL;
	char **row = t->rows[i];
	if (i < t->nslot && t->slots[i].row == row)
		return &t->slots[i];
	for (int k = t->nslot - 1; k >= 0; k--)
		if (t->slots[k].row == row)
			return &t->slots[k];
	return NULL;
}

/* Drop the slots of rows no longer in rows[] and put the others at their
 * row's index again (after rows were dropped). */
static void slots_sync(gk_table *t)
{
	if (t->nslot == t->nrow) {
		int ok = 1;
		for (int i = 0; i < t->nrow && ok; i++)
			ok = t->slots[i].row == t->rows[i];
		if (ok)
			return;
	}
	gk_rowslot *ns = gk_calloc((size_t)(t->nrow ? t->nrow : 1), sizeof *ns);
	for (int i = 0; i < t->nrow; i++) {
		gk_rowslot *s = slot_of(t, i);
		ns[i].row = t->rows[i];
		if (s) {
			ns[i].ri = s->ri;
			s->ri.row_type = s->ri.item_key = NULL;
			s->row = NULL; /* taken */
		}
	}
	for (int k = 0; k < t->nslot; k++)
		slot_clear(&t->slots[k]);
	free(t->slots);
	t->slots = ns;
	t->nslot = t->scap = t->nrow;
}

const gk_rowinfo *gk_table_info(const gk_table *t, int row)
{
	const gk_rowslot *s = slot_of(t, row);
	return s ? &s->ri : NULL;
}

static gk_rowinfo *info_mut(gk_table *t, int row)
{
	if (row < 0 || row >= t->nrow)
		return NULL;
	gk_rowslot *s = slot_of(t, row);
	if (!s || s != &t->slots[row]) {
		slots_sync(t);
		s = &t->slots[row];
	}
	return &s->ri;
}

void gk_table_set_source(gk_table *t, int row, int page, double x0, double y0, double x1, double y1)
{
	gk_rowinfo *ri = info_mut(t, row);
	if (!ri)
		return;
	ri->page = page;
	ri->x0 = x0, ri->y0 = y0, ri->x1 = x1, ri->y1 = y1;
}

void gk_table_set_kind(gk_table *t, int row, const char *row_type, const char *item_key)
{
	gk_rowinfo *ri = info_mut(t, row);
	if (!ri)
		return;
	if (row_type) {
		free(ri->row_type);
		ri->row_type = gk_strdup(row_type);
	}
	if (item_key) {
		free(ri->item_key);
		ri->item_key = gk_strdup(item_key);
	}
}

void gk_table_set_unit(gk_table *t, const char *unit)
{
	free(t->unit);
	t->unit = gk_strdup(unit ? unit : "");
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

/* x with two decimals, not locale-dependent (coordinates are small) */
static void add_coord(gk_buf *b, double x)
{
	long long v = (long long)(x * 100 + (x < 0 ? -0.5 : 0.5));
	gk_buf_addf(b, "%s%lld.%02lld", v < 0 ? "-" : "", (v < 0 ? -v : v) / 100, (v < 0 ? -v : v) % 100);
}

/* S <page> <x0> <y0> <x1> <y1> <row_type> <item_key>: the row before it */
static void add_source(gk_buf *b, const gk_rowinfo *ri)
{
	gk_buf_addf(b, "S\t%d", ri->page);
	double v[4] = {ri->x0, ri->y0, ri->x1, ri->y1};
	for (int i = 0; i < 4; i++) {
		gk_buf_addc(b, '\t');
		if (ri->x1 > ri->x0)
			add_coord(b, v[i]);
	}
	gk_buf_addc(b, '\t');
	gk_buf_add_escaped(b, ri->row_type ? ri->row_type : "");
	gk_buf_addc(b, '\t');
	gk_buf_add_escaped(b, ri->item_key ? ri->item_key : "");
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
		if (t->unit && *t->unit) {
			const char *av[2] = {"unit", t->unit};
			add_fields(&b, 'A', av, 2);
		}
		add_fields(&b, 'H', (const char *const *)t->cols.v, t->cols.n);
		for (int j = 0; j < t->nrow; j++) {
			add_fields(&b, 'R', (const char *const *)t->rows[j], t->cols.n);
			const gk_rowinfo *ri = gk_table_info(t, j);
			if (ri && (ri->page > 0 || (ri->row_type && *ri->row_type) || (ri->item_key && *ri->item_key)))
				add_source(&b, ri);
		}
	}
	for (int i = 0; i < r->ncheck; i++) {
		const gk_check *c = &r->checks[i];
		char pg[16] = "";
		if (c->page > 0)
			snprintf(pg, sizeof pg, "%d", c->page);
		char no[16];
		snprintf(no, sizeof no, "%d", c->row_no);
		const char *cv[9] = {c->table_id, c->check, c->row, c->expected, c->found, c->status, pg, c->detail, no};
		add_fields(&b, 'K', cv, c->row_no > 0 ? 9 : 8); /* (row_no only where set) */
	}
	gk_buf_adds(&b, "%end\n");
	size_t w = fwrite(b.s, 1, b.len, f);
	int bad = w != b.len || ferror(f);
	gk_buf_drop(&b);
	return bad ? -1 : 0;
}

/* "" (0) or -?digits[.digits]: a coordinate, without strtod (locale) */
static int parse_coord(const char *s, double *v)
{
	*v = 0;
	if (!*s)
		return 1;
	const char *p = s + (*s == '-');
	double x = 0, scale = 1;
	int digits = 0, dot = 0;
	for (; *p; p++) {
		if (*p == '.' && !dot) {
			dot = 1;
		} else if (*p >= '0' && *p <= '9' && digits < 18) {
			if (dot)
				scale /= 10, x += (*p - '0') * scale;
			else
				x = x * 10 + (*p - '0');
			digits++;
		} else {
			return 0;
		}
	}
	*v = *s == '-' ? -x : x;
	return digits > 0;
}

static int parse_page(const char *s, int *page)
{
	long v = 0;
	if (!*s)
		return 0;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9' || v > 10000000)
			return 0;
		v = v * 10 + (*p - '0');
	}
	*page = (int)v;
	return 1;
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
		case 'A': /* a table's attribute (unknown keys are ignored) */
			if ((ok = t && fv.n == 2) && !strcmp(fv.v[0], "unit"))
				gk_table_set_unit(t, fv.v[1]);
			break;
		case 'S': /* where the row before it was printed, what it is */
			if ((ok = t && t->nrow > 0 && fv.n == 7)) {
				int row = t->nrow - 1;
				double v[4] = {0, 0, 0, 0};
				for (int i = 0; i < 4 && ok; i++)
					ok = parse_coord(fv.v[1 + i], &v[i]);
				int page = 0;
				ok = ok && parse_page(fv.v[0], &page);
				if (ok) {
					gk_table_set_source(t, row, page, v[0], v[1], v[2], v[3]);
					gk_table_set_kind(t, row, fv.v[5], fv.v[6]);
				}
			}
			break;
		case 'K':
			/* 6 fields: a stream written before page and detail; 9: a row_no */
			if ((ok = fv.n == 6 || fv.n == 8 || fv.n == 9)) {
				gk_result_add_finding(r, fv.v[0], fv.v[1], fv.v[2], fv.v[3], fv.v[4], fv.v[5],
				                      fv.n >= 8 ? atoi(fv.v[6]) : 0, fv.n >= 8 ? fv.v[7] : NULL);
				if (fv.n == 9)
					r->checks[r->ncheck - 1].row_no = atoi(fv.v[8]);
			}
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

/* ---- the row a check is about ---- */

/* the columns that name a row, most specific first */
static const char *const name_cols[] = {
	"func_code", "econ_code", "gov_econ_code", "unit_code", "project_code", "item", "name", "econ_name",
	"gov_econ_name", "unit_name", "project_name", "func_name", "indicator", NULL};

/* s without a trailing colon ("收入合计：", as checks name summary lines) */
static int same_label(const char *cell, const char *lab)
{
	size_t n = strlen(cell), m = strlen(lab);
	if (n >= 3 && !strcmp(cell + n - 3, "："))
		n -= 3;
	else if (n && cell[n - 1] == ':')
		n--;
	return n == m && !strncmp(cell, lab, n);
}

static int names_row(const gk_table *t, int i, const char *lab)
{
	/* "30112/50102": a pair of economic codes */
	const char *sl = strchr(lab, '/');
	int ce = gk_table_col(t, "econ_code"), cg = gk_table_col(t, "gov_econ_code");
	if (sl && ce >= 0 && cg >= 0 && sl > lab && sl[1] >= '0' && sl[1] <= '9') {
		size_t n = (size_t)(sl - lab);
		return strlen(t->rows[i][ce]) == n && !strncmp(t->rows[i][ce], lab, n) && !strcmp(t->rows[i][cg], sl + 1);
	}
	for (int c = 0; name_cols[c]; c++) {
		int j = gk_table_col(t, name_cols[c]);
		if (j >= 0 && *t->rows[i][j] && same_label(t->rows[i][j], lab))
			return 1;
	}
	return 0;
}

static int total_row(const gk_table *t, int i)
{
	const gk_rowinfo *ri = gk_table_info(t, i);
	if (ri && ri->row_type && *ri->row_type)
		return !strcmp(ri->row_type, "total");
	return names_row(t, i, "合计") || names_row(t, i, "总计");
}

/* "basic_wages+basic_family_subsidy": columns of t */
static int cols_named(const gk_table *t, const char *s)
{
	char *v = gk_strdup(s);
	int ok = *v != 0;
	for (char *p = v, *q; ok && p; p = q) {
		q = strchr(p, '+');
		if (q)
			*q++ = 0;
		ok = gk_table_col(t, p) >= 0;
	}
	free(v);
	return ok;
}

int gk_result_check_row(const gk_result *r, const gk_check *k)
{
	if (k->row_no > 0)
		return k->row_no;
	if (!k->row || !*k->row || !k->table_id)
		return 0;
	char *lab = gk_strdup(k->row);
	int colsum = 0;
	for (int pass = 0; pass < 2; pass++) {
		/* "<label>:<column>" -> label; a column key alone -> a column sum */
		char *colon = strrchr(lab, ':');
		/* OCR's findings name a cell "<row>/<column>" */
		if (!colon && k->check && !strncmp(k->check, "ocr:", 4))
			colon = strrchr(lab, '/');
		for (int i = 0; i < r->ntable; i++) {
			const gk_table *t = r->tables[i];
			if (strcmp(t->id, k->table_id))
				continue;
			if (pass == 0 && colon && cols_named(t, colon + 1)) {
				*colon = 0;
				break;
			}
			if (pass == 1 && gk_table_col(t, lab) >= 0) {
				colsum = 1;
				break;
			}
		}
	}
	int n = 0, found = 0;
	for (int i = 0; i < r->ntable && !found; i++) {
		const gk_table *t = r->tables[i];
		if (strcmp(t->id, k->table_id))
			continue;
		for (int j = 0; j < t->nrow && !found; j++) {
			n++;
			found = colsum ? total_row(t, j) : names_row(t, j, lab);
		}
	}
	free(lab);
	return found ? n : 0;
}
