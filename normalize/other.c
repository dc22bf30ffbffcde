/*
 * other.c - tables of no contract type, kept as other_<n>.csv (TABLES.md
 * "Nothing is lost"): every row and every cell, amounts in 万元, codes
 * joined, columns named by their flattened header path.
 *
 * Columns come from the cells' positions: amounts and text are clustered
 * apart (a label overflowing into an amount column never merges the two),
 * TAB fields are columns as they are, flow text is one column.  A column
 * is named by the header cells above it, top to bottom: a cell spanning
 * the same columns as the one below it is the same words wrapped
 * (joined), a wider one is a group ("基本支出/人员经费").  Codes printed
 * with spaces ("201 05 01") are joined; 类/款/项 printed as three columns
 * are one column of joined codes, the class and item of the rows above
 * filled in ("05" under "201" is 20105).  A page of the table that repeats
 * its title adds its rows to the same table, its columns matched by name.
 *
 * Entry point: parse_other.
 */
#include "nctx.h"

#include <stdlib.h>
#include <string.h>

#define MAXCOL 64

typedef struct ocol {
	double a, b; /* x range */
	int amount;  /* a column of amounts (else text) */
	char *name;
	int part;    /* 0, or 1/2/3 for a 类/款/项 column */
} ocol;

static int is_amount(const char *text)
{
	char buf[48], *fw = gk_fold_width(text);
	int ok = gk_amount_parse(fw, buf, sizeof buf) && strchr(fw, '.');
	free(fw);
	return ok;
}

/* add [a, b) to the clusters of one kind, merging those it bridges */
static void cluster_add(ocol *col, int *nc, double a, double b, int amount)
{
	int hit = -1;
	for (int k = 0; k < *nc; k++) {
		if (col[k].amount != amount || !(a < col[k].b && b > col[k].a))
			continue;
		if (hit < 0) {
			hit = k;
			if (a < col[k].a)
				col[k].a = a;
			if (b > col[k].b)
				col[k].b = b;
		} else { /* the cell bridges two columns of its kind: one column */
			if (col[k].a < col[hit].a)
				col[hit].a = col[k].a;
			if (col[k].b > col[hit].b)
				col[hit].b = col[k].b;
			col[k] = col[--*nc];
			k--;
		}
	}
	if (hit < 0 && *nc < MAXCOL)
		col[(*nc)++] = (ocol){a, b, amount, NULL, 0};
}

static double cell_x1(gk_geom geom, const gk_cell *cl)
{
	return geom == GK_GEOM_TAB ? cl->x0 + 0.5 : cl->x1;
}

/* the column of a cell: its kind's cluster it overlaps most */
static int col_of(const ocol *col, int nc, gk_geom geom, const gk_cell *cl, int amount)
{
	if (geom == GK_GEOM_FLOW)
		return 0;
	double a = cl->x0, b = cell_x1(geom, cl), best = 0;
	int k = -1;
	for (int i = 0; i < nc; i++) {
		if (col[i].amount != amount)
			continue;
		double ov = (b < col[i].b ? b : col[i].b) - (a > col[i].a ? a : col[i].a);
		if (ov > best || (k < 0 && ov >= 0 && a < col[i].b && b > col[i].a))
			best = ov, k = i;
	}
	return k;
}

/* the columns a header cell spans, as a bit mask */
static unsigned long long span_of(const ocol *col, int nc, double a, double b)
{
	unsigned long long m = 0;
	for (int k = 0; k < nc; k++)
		if (a < col[k].b && b > col[k].a)
			m |= 1ull << k;
	return m;
}

static int is_head_meta(const nctx *c, const xline *x)
{
	return rule_any(c, "unit", x->compact) || rule_any(c, "dept", x->compact);
}

/* A header's words: cells of the head lines, one per line and place; a
 * cell poppler fused over tight columns ("采购组织形式 一般公共") is cut at
 * its spaces, each part placed by its share of the characters. */
typedef struct hpiece {
	int line;
	double a, b;
	char *text;
} hpiece;

static int u8count(const char *s)
{
	int n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static int head_pieces(const nctx *c, int hb, int he, gk_geom geom, const ocol *col, int nc, hpiece **out)
{
	int n = 0, cap = 16;
	hpiece *p = gk_malloc(sizeof *p * (size_t)cap);
	for (int i = hb; i < he; i++) {
		const gk_line *l = c->x[i].l;
		if (c->x[i].skip || l->geom != geom || is_head_meta(c, &c->x[i]))
			continue;
		for (int j = 0; j < l->ncell; j++) {
			const gk_cell *cl = &l->cell[j];
			double a = cl->x0, b = cell_x1(geom, cl);
			if (gk_unit_parse(cl->text) != GK_UNIT_NONE || !*cl->text)
				continue;
			unsigned long long m = span_of(col, nc, a, b);
			int split = geom == GK_GEOM_POS && strchr(cl->text, ' ') && (m & (m - 1));
			int total = u8count(cl->text), at = 0;
			const char *w = cl->text;
			while (*w) {
				const char *e = split ? strchr(w, ' ') : NULL;
				size_t len = e ? (size_t)(e - w) : strlen(w);
				char *t = gk_strndup(w, len);
				int k = u8count(t);
				if (n == cap)
					p = gk_realloc(p, sizeof *p * (size_t)(cap *= 2));
				double pa = split ? a + (b - a) * at / total : a, pb = split ? a + (b - a) * (at + k) / total : b;
				p[n++] = (hpiece){i, pa, pb, t};
				at += k + 1;
				w += len;
				while (*w == ' ')
					w++;
			}
		}
	}
	*out = p;
	return n;
}

/* The columns head piece h heads: those it overlaps, or, for a group head
 * centred over two or more pieces of a line below (基本支出 over 小计
 * 人员经费 公用经费), the columns under those pieces. */
static unsigned long long head_span(const hpiece *p, int np, int h, const ocol *col, int nc)
{
	double a = p[h].a, b = p[h].b, mid = (a + b) / 2, tol = (b - a) / 2 > 6 ? (b - a) / 2 : 6;
	unsigned long long m = span_of(col, nc, a, b);
	/* its children are on the first line below with a piece under it */
	for (int q = h + 1; q < np; q++) {
		if (p[q].line == p[h].line || !(p[q].a < b && p[q].b > a))
			continue;
		int ln = p[q].line, s0 = q, e0 = q;
		while (s0 > 0 && p[s0 - 1].line == ln)
			s0--;
		while (e0 + 1 < np && p[e0 + 1].line == ln)
			e0++;
		double best = tol;
		for (int s = s0; s <= q; s++) /* pieces are in x order */
			for (int e = q > s ? q : s + 1; e <= e0; e++) {
				double rm = (p[s].a + p[e].b) / 2, d = rm > mid ? rm - mid : mid - rm;
				/* no other head of its own line over them (words of one
				 * line wrapped side by side are no group) */
				int other = 0;
				for (int o = 0; o < np && !other; o++)
					other = o != h && p[o].line == p[h].line && p[o].a < p[e].b && p[o].b > p[s].a;
				if (d < best && !other) {
					unsigned long long g = span_of(col, nc, p[s].a, p[e].b);
					if (g & (g - 1)) /* two columns or more */
						best = d, m = g;
				}
			}
		break;
	}
	return m;
}

/* Name each column by the header lines [hb, he): its flattened path. */
static void name_columns(const nctx *c, int hb, int he, gk_geom geom, ocol *col, int nc)
{
	hpiece *p = NULL;
	int np = geom == GK_GEOM_FLOW ? 0 : head_pieces(c, hb, he, geom, col, nc, &p);
	unsigned long long *span = gk_calloc((size_t)(np ? np : 1), sizeof *span);
	for (int h = 0; h < np; h++)
		span[h] = head_span(p, np, h, col, nc);
	for (int k = 0; k < nc; k++) {
		gk_buf path = {0};
		unsigned long long last = 0;
		for (int h = 0; h < np; h++) {
			if (!(span[h] & (1ull << k)))
				continue;
			char *w = compact_of(p[h].text);
			if (*w) {
				if (path.len && span[h] != last)
					gk_buf_addc(&path, '/');
				gk_buf_adds(&path, w);
				last = span[h];
			}
			free(w);
		}
		if (!path.len && geom == GK_GEOM_POS) {
			/* no header word over it: the nearest one whose nearest
			 * column it is (科目名称 printed left of its names) */
			double ck = (col[k].a + col[k].b) / 2, bd = 1e18;
			const char *bw = NULL;
			for (int h = 0; h < np; h++) {
				double cc = (p[h].a + p[h].b) / 2, d = cc > ck ? cc - ck : ck - cc;
				int near = k;
				for (int q = 0; q < nc; q++) {
					double cq = (col[q].a + col[q].b) / 2, dq = cc > cq ? cc - cq : cq - cc;
					if (dq < d)
						near = q;
				}
				if (near == k && d < bd)
					bd = d, bw = p[h].text;
			}
			if (bw) {
				char *w = compact_of(bw);
				gk_buf_adds(&path, w);
				free(w);
			}
		}
		col[k].name = path.len ? gk_buf_take(&path) : gk_strfmt("%s%d", geom == GK_GEOM_FLOW ? "text" : "col", k + 1);
		gk_buf_drop(&path);
		/* 类/款/项 printed as columns of their own */
		const char *leaf = strrchr(col[k].name, '/');
		leaf = leaf ? leaf + 1 : col[k].name;
		col[k].part = !strcmp(leaf, "类") ? 1 : !strcmp(leaf, "款") ? 2 : !strcmp(leaf, "项") ? 3 : 0;
	}
	for (int h = 0; h < np; h++)
		free(p[h].text);
	free(p);
	free(span);
}

/* The 类/款/项 columns (adjacent, in this order) become one column of
 * joined codes, named by their group ("科目编码") or "code".  Returns the
 * index of the 类 column, -1 if the table prints no such columns. */
static int code_columns(ocol *col, int nc)
{
	for (int k = 0; k + 2 < nc; k++)
		if (col[k].part == 1 && col[k + 1].part == 2 && col[k + 2].part == 3) {
			char *slash = strrchr(col[k].name, '/');
			char *name = slash ? gk_strndup(col[k].name, (size_t)(slash - col[k].name)) : gk_strdup("code");
			free(col[k].name);
			col[k].name = name;
			return k;
		}
	return -1;
}

/* a code printed with spaces or dashes ("201 05 01", "301 01"), joined */
static char *joined_code(const char *s)
{
	char out[16];
	if (strchr(s, ' ') && (gk_func_code(s, out) || gk_econ_code(s, out)))
		return gk_strdup(out);
	return NULL;
}

static int sort_x(const void *pa, const void *pb)
{
	const ocol *a = pa, *b = pb;
	return a->a < b->a ? -1 : a->a > b->a ? 1 : a->amount - b->amount;
}

/* A table that matches no type is kept (TABLES.md "Nothing is lost"). */
void parse_other(nctx *c, const tspan *sp, gk_table *t)
{
	int body = sp->end, stop = sp->end;
	for (int i = sp->begin; i < sp->end; i++)
		if (!c->x[i].skip && line_has_amount(c, i)) {
			body = i;
			break;
		}
	if (body == sp->end) /* no numbers: the header is the first line */
		for (int i = sp->begin; i < sp->end; i++)
			if (!c->x[i].skip && is_header_line(c, &c->x[i])) {
				body = i + 1;
				break;
			}
	for (int i = body; i < sp->end; i++)
		if (rule_any(c, "table-end", c->x[i].compact) || title_of(c, &c->x[i])) {
			stop = i;
			break;
		}
	gk_geom geom = body_geom(c, body, stop);
	ocol col[MAXCOL];
	int nc = 0;
	if (geom == GK_GEOM_FLOW) {
		col[nc++] = (ocol){-1e18, 1e18, 0, NULL, 0};
	} else {
		for (int i = body; i < stop; i++) {
			const gk_line *l = c->x[i].l;
			if (c->x[i].skip || l->geom != geom)
				continue;
			for (int j = 0; j < l->ncell; j++)
				if (*l->cell[j].text)
					cluster_add(col, &nc, l->cell[j].x0, cell_x1(geom, &l->cell[j]), is_amount(l->cell[j].text));
		}
		qsort(col, (size_t)nc, sizeof *col, sort_x);
	}
	if (!nc)
		return;
	name_columns(c, sp->begin, body, geom, col, nc);
	int kc = code_columns(col, nc);
	/* the table's unit: its own head's, else the document's */
	int shift = c->unit_seen ? c->unit_shift : 0;
	for (int i = sp->begin; i < body; i++) {
		int sh = gk_unit_parse(c->x[i].compact);
		if (sh != GK_UNIT_NONE && strstr(c->x[i].compact, "单位"))
			shift = sh;
	}
	/* the table's columns, by name (a continued page adds to them) */
	int tcol[MAXCOL];
	for (int k = 0; k < nc; k++) {
		tcol[k] = -1;
		if (kc >= 0 && (k == kc + 1 || k == kc + 2))
			continue;
		tcol[k] = gk_table_col(t, col[k].name);
		if (tcol[k] < 0)
			tcol[k] = gk_table_add_col(t, col[k].name);
		else
			for (int q = 0; q < k; q++) /* one name twice on this page */
				if (tcol[q] == tcol[k]) {
					char *n2 = gk_strfmt("%s_%d", col[k].name, k + 1);
					tcol[k] = gk_table_col(t, n2) >= 0 ? gk_table_col(t, n2) : gk_table_add_col(t, n2);
					free(n2);
					break;
				}
	}
	char cls[4] = "", item[3] = "";
	for (int i = body; i < stop; i++) {
		const gk_line *l = c->x[i].l;
		if (c->x[i].skip || !l->ncell || (geom != GK_GEOM_FLOW && l->geom != geom))
			continue;
		char **cell = gk_calloc(MAXCOL, sizeof *cell); /* per layout column */
		int any = 0;
		for (int j = 0; j < l->ncell; j++) {
			const gk_cell *cl = &l->cell[j];
			if (!*cl->text)
				continue;
			int am = is_amount(cl->text), k = col_of(col, nc, geom, cl, am);
			if (k < 0)
				continue;
			if (am) {
				char buf[48], *fw = gk_fold_width(cl->text);
				gk_amount_parse(fw, buf, sizeof buf);
				free(fw);
				free(cell[k]);
				cell[k] = gk_strdup(buf);
				any = 1;
				continue;
			}
			char *cv = joined_code(cl->text);
			char *cl2 = cv ? cv : gk_label_clean(cl->text);
			char *j2 = cell[k] ? gk_strfmt("%s %s", cell[k], cl2) : gk_strdup(cl2);
			free(cell[k]);
			cell[k] = gk_label_clean(j2);
			free(j2);
			free(cl2);
			any = 1;
		}
		if (!any) {
			free(cell);
			continue;
		}
		if (kc >= 0) { /* 类/款/项 -> one code, the rows above filling in */
			const char *p1 = cell[kc] ? cell[kc] : "", *p2 = cell[kc + 1] ? cell[kc + 1] : "",
			           *p3 = cell[kc + 2] ? cell[kc + 2] : "";
			char code[16] = "";
			if (is_digits(p1, 3, 3))
				snprintf(cls, sizeof cls, "%s", p1), item[0] = 0;
			if (is_digits(p2, 2, 2))
				snprintf(item, sizeof item, "%s", p2);
			if (is_digits(p3, 2, 2) && *cls && *item)
				snprintf(code, sizeof code, "%s%s%s", cls, item, p3);
			else if (is_digits(p2, 2, 2) && *cls)
				snprintf(code, sizeof code, "%s%s", cls, p2);
			else if (is_digits(p1, 3, 3))
				snprintf(code, sizeof code, "%s", p1);
			if (*code) {
				free(cell[kc]);
				cell[kc] = gk_strdup(code);
			} else if (*p2 || *p3) { /* not codes: keep what was printed */
				char *j = gk_strfmt("%s %s %s", p1, p2, p3);
				free(cell[kc]);
				cell[kc] = gk_label_clean(j);
				free(j);
			}
		}
		int r = table_row(c, t, i, i);
		for (int k = 0; k < nc; k++) {
			if (cell[k] && tcol[k] >= 0) {
				if (col[k].amount && is_amount(cell[k]))
					put_amount(t, r, tcol[k], cell[k], shift);
				else
					gk_table_set(t, r, tcol[k], cell[k]);
			}
			free(cell[k]);
		}
		free(cell);
	}
	for (int k = 0; k < nc; k++)
		free(col[k].name);
}
