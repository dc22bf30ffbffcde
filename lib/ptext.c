/* ptext.c - positioned-text model and the extract stream format. */
#include "ptext.h"

#include <stdlib.h>
#include <string.h>

gk_doc *gk_doc_new(void)
{
	return gk_calloc(1, sizeof(gk_doc));
}

void gk_doc_drop(gk_doc *doc)
{
	if (!doc)
		return;
	for (int i = 0; i < doc->nline; i++) {
		for (int j = 0; j < doc->line[i].ncell; j++)
			free(doc->line[i].cell[j].text);
		free(doc->line[i].cell);
	}
	free(doc->line);
	free(doc->stroke);
	free(doc->page_w);
	free(doc->page_h);
	gk_strv_drop(&doc->meta);
	free(doc);
}

void gk_doc_set_meta(gk_doc *doc, const char *key, const char *val)
{
	for (int i = 0; i + 1 < doc->meta.n; i += 2)
		if (!strcmp(doc->meta.v[i], key)) {
			free(doc->meta.v[i + 1]);
			doc->meta.v[i + 1] = gk_strdup(val ? val : "");
			return;
		}
	gk_strv_pushs(&doc->meta, key);
	gk_strv_pushs(&doc->meta, val);
}

const char *gk_doc_meta(const gk_doc *doc, const char *key)
{
	for (int i = 0; i + 1 < doc->meta.n; i += 2)
		if (!strcmp(doc->meta.v[i], key))
			return doc->meta.v[i + 1];
	return NULL;
}

void gk_doc_add_page(gk_doc *doc, double w, double h)
{
	doc->page_w = gk_realloc(doc->page_w, sizeof(double) * (size_t)(doc->npage + 1));
	doc->page_h = gk_realloc(doc->page_h, sizeof(double) * (size_t)(doc->npage + 1));
	doc->page_w[doc->npage] = w;
	doc->page_h[doc->npage] = h;
	doc->npage++;
}

void gk_doc_add_stroke(gk_doc *doc, int page, int vertical, double pos, double a, double b)
{
	if (doc->nstroke == doc->scap) {
		doc->scap = doc->scap ? doc->scap * 2 : 64;
		doc->stroke = gk_realloc(doc->stroke, sizeof *doc->stroke * (size_t)doc->scap);
	}
	doc->stroke[doc->nstroke++] = (gk_stroke){page, vertical, pos, a, b};
}

gk_line *gk_doc_add_line(gk_doc *doc, int page, double y0, double y1, double size, gk_geom geom)
{
	if (doc->nline == doc->cap) {
		doc->cap = doc->cap ? doc->cap * 2 : 256;
		doc->line = gk_realloc(doc->line, sizeof(gk_line) * (size_t)doc->cap);
	}
	gk_line *l = &doc->line[doc->nline++];
	memset(l, 0, sizeof *l);
	l->page = page;
	l->y0 = y0;
	l->y1 = y1;
	l->size = size;
	l->geom = geom;
	return l;
}

void gk_doc_truncate(gk_doc *doc, int from)
{
	if (from < 0)
		from = 0;
	for (int i = from; i < doc->nline; i++) {
		for (int j = 0; j < doc->line[i].ncell; j++)
			free(doc->line[i].cell[j].text);
		free(doc->line[i].cell);
	}
	if (from < doc->nline)
		doc->nline = from;
}

void gk_line_add_cell(gk_line *line, double x0, double x1, const char *text, size_t len)
{
	gk_line_add_cell_y(line, x0, x1, 0, 0, text, len);
}

double gk_cell_y0(const gk_line *line, const gk_cell *cell)
{
	return cell->y1 > cell->y0 ? cell->y0 : line->y0;
}

double gk_cell_y1(const gk_line *line, const gk_cell *cell)
{
	return cell->y1 > cell->y0 ? cell->y1 : line->y1;
}

gk_cell *gk_line_add_cell_y(gk_line *line, double x0, double x1, double y0, double y1, const char *text, size_t len)
{
	if (line->ncell == line->cap) {
		line->cap = line->cap ? line->cap * 2 : 8;
		line->cell = gk_realloc(line->cell, sizeof(gk_cell) * (size_t)line->cap);
	}
	gk_cell *c = &line->cell[line->ncell++];
	c->x0 = x0;
	c->x1 = x1;
	c->y0 = y1 > y0 ? y0 : 0;
	c->y1 = y1 > y0 ? y1 : 0;
	c->conf = -1;
	c->text = gk_strndup(text, len);
	/* the stream format is line- and TAB-delimited: keep cells clean */
	for (char *p = c->text; *p; p++)
		if (*p == '\t' || *p == '\n' || *p == '\r')
			*p = ' ';
	return c;
}

char *gk_line_text(const gk_line *line)
{
	gk_buf b = {0};
	for (int i = 0; i < line->ncell; i++) {
		if (i)
			gk_buf_addc(&b, ' ');
		gk_buf_adds(&b, line->cell[i].text);
	}
	return gk_buf_take(&b);
}

static const char *geom_name[] = {"tab", "pos", "flow"};

/* x with two decimals, without printf (the writer's hot path): rounds
 * half away from zero; not locale-dependent. */
static void add_fixed2(gk_buf *b, double x)
{
	char tmp[32], *p = tmp + sizeof tmp;
	int neg = x < 0;
	if (neg)
		x = -x;
	if (!(x < 9e15)) /* NaN, inf, huge: leave it to printf */
	{
		gk_buf_addf(b, "%.2f", neg ? -x : x);
		return;
	}
	unsigned long long v = (unsigned long long)(x * 100 + 0.5);
	*--p = (char)('0' + v % 10);
	v /= 10;
	*--p = (char)('0' + v % 10);
	v /= 10;
	*--p = '.';
	do {
		*--p = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	if (neg)
		*--p = '-';
	gk_buf_add(b, p, (size_t)(tmp + sizeof tmp - p));
}

int gk_doc_write(FILE *f, const gk_doc *doc)
{
	gk_buf b = {0};
	gk_buf_adds(&b, "%gongkai-extract 1\n");
	for (int i = 0; i + 1 < doc->meta.n; i += 2) {
		gk_buf_adds(&b, "M\t");
		gk_buf_add_escaped(&b, doc->meta.v[i]);
		gk_buf_addc(&b, '\t');
		gk_buf_add_escaped(&b, doc->meta.v[i + 1]);
		gk_buf_addc(&b, '\n');
	}
	for (int i = 0; i < doc->npage; i++)
		gk_buf_addf(&b, "P\t%d\t%.2f\t%.2f\n", i + 1, doc->page_w[i], doc->page_h[i]);
	for (int i = 0; i < doc->nline; i++) {
		const gk_line *l = &doc->line[i];
		gk_buf_addf(&b, "L\t%d\t", l->page);
		add_fixed2(&b, l->y0);
		gk_buf_addc(&b, '\t');
		add_fixed2(&b, l->y1);
		gk_buf_addc(&b, '\t');
		add_fixed2(&b, l->size);
		gk_buf_addc(&b, '\t');
		gk_buf_adds(&b, geom_name[l->geom]);
		for (int j = 0; j < l->ncell; j++) {
			gk_buf_addc(&b, '\t');
			add_fixed2(&b, l->cell[j].x0);
			gk_buf_addc(&b, ',');
			add_fixed2(&b, l->cell[j].x1);
			if (l->cell[j].y1 > l->cell[j].y0) {
				gk_buf_addc(&b, ':');
				add_fixed2(&b, l->cell[j].y0);
				gk_buf_addc(&b, ':');
				add_fixed2(&b, l->cell[j].y1);
			}
			if (l->cell[j].conf >= 0) /* an OCR confidence, 0..100 */
				gk_buf_addf(&b, "@%d", (int)(l->cell[j].conf + 0.5f));
			gk_buf_addc(&b, ',');
			gk_buf_add_escaped(&b, l->cell[j].text);
		}
		gk_buf_addc(&b, '\n');
		if (b.len > (1 << 20)) {
			if (fwrite(b.s, 1, b.len, f) != b.len)
				goto fail;
			gk_buf_reset(&b);
		}
	}
	for (int i = 0; i < doc->nstroke; i++) {
		const gk_stroke *st = &doc->stroke[i];
		gk_buf_addf(&b, "S\t%d\t%c\t", st->page, st->vertical ? 'v' : 'h');
		add_fixed2(&b, st->pos);
		gk_buf_addc(&b, '\t');
		add_fixed2(&b, st->a);
		gk_buf_addc(&b, '\t');
		add_fixed2(&b, st->b);
		gk_buf_addc(&b, '\n');
	}
	gk_buf_adds(&b, "%end\n");
	if (fwrite(b.s, 1, b.len, f) != b.len)
		goto fail;
	gk_buf_drop(&b);
	return ferror(f) ? -1 : 0;
fail:
	gk_buf_drop(&b);
	return -1;
}

/* getline that survives arbitrarily long lines */
static ssize_t next_line(FILE *f, char **buf, size_t *cap, long *lineno)
{
	ssize_t n = getline(buf, cap, f);
	if (n > 0) {
		(*lineno)++;
		if ((*buf)[n - 1] == '\n')
			(*buf)[--n] = 0;
	}
	return n;
}

/* Is s UTF-8 in shape: every lead byte followed by as many continuation
 * bytes as it announces, none missing at the end?  The normalizer steps
 * through text by lead bytes; a truncated sequence would make it step over
 * the terminating NUL. */
static int utf8_shaped(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		int n = *p < 0x80 ? 0 : (*p & 0xE0) == 0xC0 ? 1 : (*p & 0xF0) == 0xE0 ? 2 : (*p & 0xF8) == 0xF0 ? 3 : -1;
		if (n < 0)
			return 0;
		p++;
		for (int i = 0; i < n; i++, p++)
			if ((*p & 0xC0) != 0x80)
				return 0;
	}
	return 1;
}

static int parse_geom(const char *s)
{
	for (int i = 0; i < 3; i++)
		if (!strcmp(s, geom_name[i]))
			return i;
	return -1;
}

int gk_doc_read(FILE *f, gk_doc **out, char **err)
{
	static __thread long lineno; /* counts across documents of one stream */
	char *buf = NULL;
	size_t cap = 0;
	ssize_t n;
	gk_doc *doc = NULL;
	*out = NULL;
	*err = NULL;
	while ((n = next_line(f, &buf, &cap, &lineno)) >= 0) {
		if (n == 0)
			continue;
		if (!doc) {
			if (strcmp(buf, "%gongkai-extract 1") != 0) {
				*err = gk_strfmt("line %ld: expected '%%gongkai-extract 1', got '%.40s'", lineno, buf);
				goto fail;
			}
			doc = gk_doc_new();
			continue;
		}
		if (!strcmp(buf, "%end")) {
			free(buf);
			*out = doc;
			return 1;
		}
		char *fld[4096];
		int nf = gk_split_tabs(buf, fld, 4096);
		if (buf[0] == 'M' && buf[1] == 0 && nf == 3) {
			char *k = gk_unescape(fld[1], strlen(fld[1]));
			char *v = gk_unescape(fld[2], strlen(fld[2]));
			gk_doc_set_meta(doc, k, v);
			free(k);
			free(v);
		} else if (buf[0] == 'P' && buf[1] == 0 && nf == 4) {
			gk_doc_add_page(doc, strtod(fld[2], NULL), strtod(fld[3], NULL));
		} else if (buf[0] == 'L' && buf[1] == 0 && nf >= 6) {
			int g = parse_geom(fld[5]);
			if (g < 0) {
				*err = gk_strfmt("line %ld: unknown geometry '%.20s'", lineno, fld[5]);
				goto fail;
			}
			gk_line *l = gk_doc_add_line(doc, atoi(fld[1]), strtod(fld[2], NULL), strtod(fld[3], NULL),
			                             strtod(fld[4], NULL), (gk_geom)g);
			for (int i = 6; i < nf; i++) {
				char *e1, *e2;
				double x0 = strtod(fld[i], &e1);
				if (*e1 != ',') {
					*err = gk_strfmt("line %ld: cell %d has no 'x0,x1,' prefix", lineno, i - 5);
					goto fail;
				}
				double x1 = strtod(e1 + 1, &e2);
				double y0 = 0, y1 = 0;
				if (*e2 == ':') { /* the cell's own top and bottom */
					y0 = strtod(e2 + 1, &e2);
					if (*e2 == ':')
						y1 = strtod(e2 + 1, &e2);
					if (!(y1 > y0) || y0 != y0) {
						*err = gk_strfmt("line %ld: cell %d has a bad ':y0:y1' extent", lineno, i - 5);
						goto fail;
					}
				}
				int conf = -1;
				if (*e2 == '@') { /* an OCR confidence */
					conf = 0;
					int nd = 0;
					while (e2[1] >= '0' && e2[1] <= '9' && nd < 3)
						conf = conf * 10 + (*++e2 - '0'), nd++;
					e2++;
					if (nd == 0 || conf > 100) {
						*err = gk_strfmt("line %ld: cell %d has a bad '@confidence'", lineno, i - 5);
						goto fail;
					}
				}
				if (*e2 != ',') {
					*err = gk_strfmt("line %ld: cell %d has no 'x0,x1,' prefix", lineno, i - 5);
					goto fail;
				}
				char *t = gk_unescape(e2 + 1, strlen(e2 + 1));
				if (!utf8_shaped(t)) {
					*err = gk_strfmt("line %ld: cell %d is not UTF-8", lineno, i - 5);
					free(t);
					goto fail;
				}
				gk_cell *cl = gk_line_add_cell_y(l, x0, x1, y0, y1, t, strlen(t));
				cl->conf = (float)conf;
				free(t);
			}
		} else if (buf[0] == 'S' && buf[1] == 0 && nf == 6 && (!strcmp(fld[2], "h") || !strcmp(fld[2], "v"))) {
			double v[3];
			for (int i = 0; i < 3; i++) {
				v[i] = strtod(fld[3 + i], NULL);
				if (!(v[i] > -1e9 && v[i] < 1e9)) { /* (NaN fails too) */
					*err = gk_strfmt("line %ld: ruling line with a bad coordinate", lineno);
					goto fail;
				}
			}
			gk_doc_add_stroke(doc, atoi(fld[1]), fld[2][0] == 'v', v[0], v[1], v[2]);
		} else {
			*err = gk_strfmt("line %ld: unknown record '%.20s'", lineno, buf);
			goto fail;
		}
	}
	free(buf);
	if (doc) {
		*err = gk_strfmt("line %ld: stream ends inside a document (no '%%end')", lineno);
		gk_doc_drop(doc);
		return -1;
	}
	return 0;
fail:
	free(buf);
	gk_doc_drop(doc);
	return -1;
}
