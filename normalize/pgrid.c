/*
 * pgrid.c - a performance table printed as a ruled grid in a PDF, read
 * from the positions of its text.
 *
 * The header: the line naming the most grid columns (perf-col rules) and
 * the lines just above and below it that continue its words (一级指 / 标,
 * 当年财政拨 / 款预算金额, 分值权重 / （90分）); its words clustered by x
 * into columns, a group label printed over several columns set aside.  A
 * body cell belongs to the column whose band (between the midpoints of
 * the gaps between header words) holds its centre; a cell the extraction
 * glued across a band edge is cut at its space nearest the edge.
 *
 * The rows: every cell of a grid is centred on its row, so the anchor
 * column (指标值: short values, one per row) gives the rows' centres, one
 * row per anchor cell (an anchor wrapped over lines is one cell: a line
 * that fills its column continues on the next).  Each other column's lines
 * go to the rows by a dynamic programme over the page: consecutive lines
 * make one row's cell, in row order, each cell as near its row's centre as
 * possible.  Cells merged over several rows (一级/二级指标, a project's
 * name, amounts and goal) are centred on their span: once the rows' extents
 * are known, their boundaries follow, and a second programme spreads the
 * merged cells of a column over contiguous spans of rows whose middle is
 * nearest their centre.  Rows a merged cell does not reach keep it blank
 * (the reader fills down).
 *
 * This file: the header and its columns; pgread.c: the body's rows.
 *
 * Entry points: pg_header_line, pg_columns, pg_drop, pg_tight,
 * pg_split_target (pgrid.h); pg_units, pg_ncp, pg_fit_columns for
 * pgread.c.
 */
#include "pgrid.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A word of a header line: a cell, or a part of one split at its spaces. */
typedef struct pword {
	char *t; /* compacted */
	double x0, x1, y0, y1;
	int line;
	int group; /* over several columns: a group label */
} pword;

/* width units of s[0..n): a CJK or full-width character counts 2 */
double pg_units(const char *s, size_t n)
{
	double u = 0;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			u += (unsigned char)s[i] >= 0xE0 ? 2 : 1;
	return u;
}

/* code points of s */
int pg_ncp(const char *s)
{
	int n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static void push_word(pword **w, int *nw, int *cap, const char *t, size_t n, double x0, double x1, double y0,
                      double y1, int line)
{
	if (*nw == *cap) {
		*cap = *cap ? 2 * *cap : 32;
		*w = gk_realloc(*w, sizeof **w * (size_t)*cap);
	}
	char *raw = gk_strndup(t, n);
	(*w)[(*nw)++] = (pword){compact_of(raw), x0, x1, y0, y1, line, 0};
	free(raw);
}

/* The words of line i: its cells, a cell split at its spaces when every
 * part is two characters or more (一级指标 二级指标 fused by a tight
 * gap), each part at the share of the width its characters take. */
static void line_words(const nctx *c, int i, pword **w, int *nw, int *cap)
{
	const gk_line *l = c->x[i].l;
	for (int j = 0; j < l->ncell; j++) {
		const gk_cell *cl = &l->cell[j];
		const char *t = cl->text;
		double y0 = gk_cell_y0(l, cl), y1 = gk_cell_y1(l, cl);
		int parts = 0, shortp = 0;
		for (const char *p = t; *p;) {
			while (*p == ' ')
				p++;
			if (!*p)
				break;
			const char *s = p;
			while (*p && *p != ' ')
				p++;
			char *pc = gk_strndup(s, (size_t)(p - s));
			shortp |= pg_ncp(pc) < 2;
			free(pc);
			parts++;
		}
		if (!parts)
			continue;
		if (parts < 2 || shortp) {
			push_word(w, nw, cap, t, strlen(t), cl->x0, cl->x1, y0, y1, i);
			continue;
		}
		double total = pg_units(t, strlen(t)), per = (cl->x1 - cl->x0) / (total > 0 ? total : 1);
		for (const char *p = t; *p;) {
			while (*p == ' ')
				p++;
			if (!*p)
				break;
			const char *s = p;
			while (*p && *p != ' ')
				p++;
			double a = pg_units(t, (size_t)(s - t)), b = pg_units(t, (size_t)(p - t));
			push_word(w, nw, cap, s, (size_t)(p - s), cl->x0 + a * per, cl->x0 + b * per, y0, y1, i);
		}
	}
}

static void free_words(pword *w, int nw)
{
	for (int k = 0; k < nw; k++)
		free(w[k].t);
	free(w);
}

static const char *col_role(const nctx *c, const char *words)
{
	const gk_rule *r = gk_rules_first(c->rules, "perf-col", words);
	return r ? r->name : NULL;
}

int pg_header_line(const nctx *c, int i)
{
	if (c->x[i].skip || c->x[i].l->geom != GK_GEOM_POS)
		return 0;
	pword *w = NULL;
	int nw = 0, cap = 0, named = 0, ind = 0, tgt = 0, lv = 0, all = 0;
	line_words(c, i, &w, &nw, &cap);
	for (int k = 0; k < nw; k++) {
		const char *r = col_role(c, w[k].t);
		if (!r)
			continue;
		named++;
		ind |= !strcmp(r, "indicator");
		tgt |= !strcmp(r, "target");
		lv += !strcmp(r, "level1") || !strcmp(r, "level2");
		all |= !strcmp(r, "indicators");
	}
	free_words(w, nw);
	/* (a column of all indicators as one text: with a project's name and
	 * amounts beside it) */
	return (named >= 2 && (ind || tgt || lv >= 2)) || (named >= 3 && all) ? named : 0;
}

/* vertical extent of line i, from its cells' own extents */
static void line_extent(const gk_line *l, double *top, double *bot)
{
	*top = 1e18, *bot = -1e18;
	for (int j = 0; j < l->ncell; j++) {
		double a = gk_cell_y0(l, &l->cell[j]), b = gk_cell_y1(l, &l->cell[j]);
		if (a < *top)
			*top = a;
		if (b > *bot)
			*bot = b;
	}
	if (*top > *bot)
		*top = l->y0, *bot = l->y1;
}

/* Could line i continue a header's words: short words, none a value? */
static int header_like(const nctx *c, int i)
{
	const gk_line *l = c->x[i].l;
	if (c->x[i].skip || !l->ncell)
		return 0;
	pword *w = NULL;
	int nw = 0, cap = 0, bad = 0;
	line_words(c, i, &w, &nw, &cap);
	for (int k = 0; k < nw && !bad; k++) {
		const char *cp = w[k].t;
		int paren = cp[0] == '(';
		bad = pg_ncp(cp) > 8 || (!paren && rule_any(c, "target-value", cp)) || rule_any(c, "unit", cp) ||
		      rule_any(c, "dept", cp);
	}
	free_words(w, nw);
	return !bad;
}

static int cmp_word_x(const void *a, const void *b)
{
	const pword *x = a, *y = b;
	return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

static int cmp_word_y(const void *a, const void *b)
{
	const pword *x = *(pword *const *)a, *y = *(pword *const *)b;
	if (x->y0 + 1 < y->y0 || y->y0 + 1 < x->y0)
		return x->y0 < y->y0 ? -1 : 1;
	return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

static int overlaps(double a0, double a1, double b0, double b1)
{
	return (a1 < b1 ? a1 : b1) - (a0 > b0 ? a0 : b0) > 1;
}

static const char *const merged_roles[] = {"level1", "level2", "seq", "unit_code", "project_code", "project_name",
                                           "total", "government", "special_account", "x_other_funds", "goal",
                                           "department", NULL};

/* Each column's band: between the midpoints of the gaps to its
 * neighbours; the outer ones reach a little beyond their words. */
static void set_bands(pg_cols *pc)
{
	for (int k = 0; k < pc->n; k++) {
		pg_col *col = &pc->c[k];
		double pad = 0.5 * (col->hx1 - col->hx0);
		if (pad < 8)
			pad = 8;
		col->lo = k ? (pc->c[k - 1].x1 + col->x0) / 2 : col->x0 - pad;
		col->hi = k + 1 < pc->n ? (col->x1 + pc->c[k + 1].x0) / 2 : col->x1 + pad;
	}
}

/* A header word centred over a wide column whose text is left-aligned
 * (指标名称 over 气候预测准确率 …): the columns grow to the body cells that
 * stand under their words and no other's, never into a neighbour's
 * words. */
/* A vertical ruling line of the lines' pages between two columns' header
 * words (x a..b) that runs down beside the body (at least RULE_V points
 * long and half as long as its page's longest: shorter dark runs are
 * strokes of text) is their boundary; of several, the one nearest *x. */
#define RULE_V 36
static void ruled_boundary(const nctx *c, const int *lines, int n, double a, double b, double *x)
{
	const gk_doc *d = c->doc;
	if (!d || !d->nstroke || n <= 0)
		return;
	double best = *x, bestd = 1e18;
	for (int s = 0; s < d->nstroke; s++) {
		const gk_stroke *st = &d->stroke[s];
		if (!st->vertical || st->b - st->a < RULE_V || st->pos <= a || st->pos >= b)
			continue;
		int shorter = 0;
		for (int t = 0; t < d->nstroke && !shorter; t++)
			shorter = d->stroke[t].page == st->page && d->stroke[t].vertical &&
			          d->stroke[t].b - d->stroke[t].a > 2 * (st->b - st->a);
		if (shorter)
			continue;
		int beside = 0;
		for (int q = 0; q < n && !beside; q++) {
			const gk_line *l = c->x[lines[q]].l;
			beside = l->page == st->page && l->y0 < st->b && l->y1 > st->a;
		}
		if (beside && fabs(st->pos - *x) < bestd)
			bestd = fabs(st->pos - *x), best = st->pos;
	}
	*x = best;
}

void pg_fit_columns(const nctx *c, const int *lines, int n, pg_cols *pc)
{
	int grew = 0;
	for (int q = 0; q < n; q++) {
		const gk_line *l = c->x[lines[q]].l;
		for (int j = 0; j < l->ncell; j++) {
			double x0 = l->cell[j].x0, x1 = l->cell[j].x1;
			int hit = -1, nh = 0;
			for (int k = 0; k < pc->n; k++)
				if (overlaps(x0, x1, pc->c[k].hx0, pc->c[k].hx1))
					hit = k, nh++;
			if (nh != 1)
				continue;
			pg_col *col = &pc->c[hit];
			double lim0 = hit ? pc->c[hit - 1].hx1 + 1 : -1e18, lim1 = hit + 1 < pc->n ? pc->c[hit + 1].hx0 - 1 : 1e18;
			if (x0 < col->x0 && x0 >= lim0)
				col->x0 = x0, grew = 1;
			if (x1 > col->x1 && x1 <= lim1)
				col->x1 = x1, grew = 1;
		}
	}
	if (grew)
		set_bands(pc);
	/* between two columns, the boundary is where fewest body cells cross
	 * (the gutter under the ruling), between their header words; of equal
	 * gutters the one nearest the middle; the ruling itself where the page
	 * has its lines */
	for (int k = 0; k + 1 < pc->n; k++) {
		double a = pc->c[k].hx1, b = pc->c[k + 1].hx0;
		if (b - a < 2)
			continue;
		double mid = pc->c[k].hi, best = mid;
		int ns = (int)((b - a) / 0.5), *cnt = gk_malloc(sizeof(int) * (size_t)(ns + 1)), minc = 1 << 30;
		for (int si = 0; si < ns; si++) {
			double x = a + 0.5 * (si + 1);
			int cross = 0;
			for (int q = 0; q < n; q++) {
				const gk_line *l = c->x[lines[q]].l;
				for (int j = 0; j < l->ncell; j++) /* (a cell with spaces may be two glued) */
					cross += l->cell[j].x0 < x - 0.5 && l->cell[j].x1 > x + 0.5 && !strchr(l->cell[j].text, ' ');
			}
			cnt[si] = cross;
			if (cross < minc)
				minc = cross;
		}
		/* the longest run of fewest crossings; of equal ones the nearest the middle */
		double bestlen = -1, bestd = 1e18;
		for (int si = 0; si < ns;) {
			if (cnt[si] != minc) {
				si++;
				continue;
			}
			int sj = si;
			while (sj < ns && cnt[sj] == minc)
				sj++;
			double x0 = a + 0.5 * (si + 1), x1 = a + 0.5 * sj, xc = (x0 + x1) / 2, len = x1 - x0;
			double d = xc > mid ? xc - mid : mid - xc;
			if (len > bestlen + 0.75 || (len > bestlen - 0.75 && d < bestd))
				bestlen = len, bestd = d, best = xc;
			si = sj;
		}
		free(cnt);
		ruled_boundary(c, lines, n, a, b, &best);
		pc->c[k].hi = pc->c[k + 1].lo = best;
	}
}

/* The columns of the header lines [zb, ze) into pc (no anchor yet). */
static void zone_columns(const nctx *c, int zb, int ze, pg_cols *pc)
{
	memset(pc, 0, sizeof *pc);
	pc->anchor = -1;
	pc->zb = zb, pc->ze = ze;
	pword *w = NULL;
	int nw = 0, cap = 0;
	for (int i = zb; i < ze; i++)
		if (!c->x[i].skip)
			line_words(c, i, &w, &nw, &cap);
	/* a group label: over two or more words of one other line (绩效指标
	 * over 一级指标 … 备注, 其中： over 财政资金 其他资金) */
	for (int k = 0; k < nw; k++)
		for (int q = 0; q < nw && !w[k].group; q++) {
			if (w[q].line == w[k].line || !overlaps(w[k].x0, w[k].x1, w[q].x0, w[q].x1))
				continue;
			for (int p = q + 1; p < nw && !w[k].group; p++)
				w[k].group = w[p].line == w[q].line && overlaps(w[k].x0, w[k].x1, w[p].x0, w[p].x1);
		}
	qsort(w, (size_t)nw, sizeof *w, cmp_word_x);
	pword **mem = gk_malloc(sizeof *mem * (size_t)(nw ? nw : 1));
	for (int k = 0; k < nw && pc->n < PG_MAXCOL;) {
		if (w[k].group) {
			k++;
			continue;
		}
		int nm = 0;
		double x0 = w[k].x0, x1 = w[k].x1;
		int q = k;
		for (; q < nw; q++) {
			if (w[q].group)
				continue;
			if (w[q].x0 > x1 - 0.5)
				break;
			mem[nm++] = &w[q];
			if (w[q].x1 > x1)
				x1 = w[q].x1;
		}
		k = q;
		qsort(mem, (size_t)nm, sizeof *mem, cmp_word_y);
		gk_buf words = {0};
		for (int r = 0; r < nm; r++)
			gk_buf_adds(&words, mem[r]->t);
		pg_col *col = &pc->c[pc->n++];
		col->x0 = x0, col->x1 = x1;
		col->words = gk_buf_take(&words);
		if (!col->words)
			col->words = gk_strdup("");
		col->role = col_role(c, col->words);
		for (int r = 0; !col->role && r < nm; r++) /* one of its words names it (指标值 （90分）) */
			col->role = col_role(c, mem[r]->t);
		for (int r = 0; merged_roles[r]; r++)
			col->merged |= col->role && !strcmp(col->role, merged_roles[r]);
		col->merged |= !col->role; /* an unnamed column: a merged label (绩效指标) */
	}
	free(mem);
	free_words(w, nw);
	for (int k = 0; k < pc->n; k++)
		pc->c[k].hx0 = pc->c[k].x0, pc->c[k].hx1 = pc->c[k].x1;
}

static int named_columns(const pg_cols *pc)
{
	int n = 0;
	for (int k = 0; k < pc->n; k++)
		n += pc->c[k].role != NULL;
	return n;
}

int pg_columns(const nctx *c, int m, int b, int e, pg_cols *pc)
{
	const gk_line *ml = c->x[m].l;
	double top, bot;
	line_extent(ml, &top, &bot);
	double lh = 0;
	for (int j = 0; j < ml->ncell; j++)
		lh += gk_cell_y1(ml, &ml->cell[j]) - gk_cell_y0(ml, &ml->cell[j]);
	lh = ml->ncell ? lh / ml->ncell : 10;
	int zb = m, ze = m + 1;
	for (int i = m - 1; i >= b; i--) {
		const gk_line *l = c->x[i].l;
		if (c->x[i].skip)
			continue;
		double t, u;
		line_extent(l, &t, &u);
		if (l->page != ml->page || top - u > 0.8 * lh || !header_like(c, i))
			break;
		if (t < top)
			top = t;
		zb = i;
	}
	/* lines below continue the header's words while they name no fewer
	 * columns (一级 / 指标 does; the first row's 成本 / 指标 does not) */
	zone_columns(c, zb, ze, pc);
	int named = named_columns(pc);
	for (int i = m + 1; i < e; i++) {
		const gk_line *l = c->x[i].l;
		if (c->x[i].skip)
			continue;
		double t, u;
		line_extent(l, &t, &u);
		if (l->page != ml->page || t - bot > 0.8 * lh || !header_like(c, i))
			break;
		pg_cols more;
		zone_columns(c, zb, i + 1, &more);
		int nm = named_columns(&more);
		if (nm < named) {
			pg_cols_free(&more);
			break;
		}
		pg_cols_free(pc);
		*pc = more;
		named = nm;
		if (u > bot)
			bot = u;
		ze = i + 1;
	}
	pc->bot = bot;
	for (int k = 0; k < pc->n; k++)
		if (pc->anchor < 0 && pc->c[k].role && !strcmp(pc->c[k].role, "target"))
			pc->anchor = k;
	set_bands(pc);
	if (pc->anchor < 0)
		pc->anchor = pg_col_of(pc, "indicator");
	if (pc->anchor < 0 && pg_col_of(pc, "indicators") >= 0) { /* one row per project: its amount */
		pc->anchor = pg_col_of(pc, "total");
		if (pc->anchor < 0)
			pc->anchor = pg_col_of(pc, "government");
		if (pc->anchor >= 0)
			pc->c[pc->anchor].merged = 0;
		/* one ruled row per project: its other amounts print on the
		 * total's line, its name and goal (paragraphs, perhaps
		 * numbered) around it, one cell each, never another row's */
		for (int k = 0; k < pc->n; k++)
			if (pc->c[k].role && (!strcmp(pc->c[k].role, "government") || !strcmp(pc->c[k].role, "special_account") ||
			                      !strcmp(pc->c[k].role, "x_other_funds") || !strcmp(pc->c[k].role, "goal") ||
			                      !strcmp(pc->c[k].role, "project_name")))
				pc->c[k].merged = 0;
	}
	if (pc->anchor < 0) {
		pg_cols_free(pc);
		return 0;
	}
	return pc->n;
}

void pg_cols_free(pg_cols *pc)
{
	for (int k = 0; k < pc->n; k++)
		free(pc->c[k].words);
	pc->n = 0;
}

int pg_col_of(const pg_cols *pc, const char *role)
{
	for (int k = 0; k < pc->n; k++)
		if (pc->c[k].role && !strcmp(pc->c[k].role, role))
			return k;
	return -1;
}

void pg_drop(pgrid *g)
{
	if (!g)
		return;
	for (int q = 0; q < g->nrow; q++)
		for (int k = 0; k < g->ncol; k++)
			free(g->row[q].cell[k]);
	free(g->row);
	free(g);
}

char *pg_tight(const char *s)
{
	gk_buf b = {0};
	for (const char *p = s; *p; p++) {
		if (*p == ' ' || *p == '\t') {
			const char *q = p;
			while (*q == ' ' || *q == '\t')
				q++;
			int left = b.len && (unsigned char)b.s[b.len - 1] < 0x80 &&
			           ((b.s[b.len - 1] >= 'A' && b.s[b.len - 1] <= 'Z') || (b.s[b.len - 1] >= 'a' && b.s[b.len - 1] <= 'z'));
			int right = (*q >= 'A' && *q <= 'Z') || (*q >= 'a' && *q <= 'z');
			if (left && right)
				gk_buf_addc(&b, ' ');
			p = q - 1;
			continue;
		}
		gk_buf_addc(&b, *p);
	}
	char *r = gk_buf_take(&b);
	return r ? r : gk_strdup("");
}

int pg_split_target(const char *s, char **op, char **val, char **unit)
{
	static const char *const ops[] = {"≥", "≤", "＞", "＜", "≧", "≦", "＝", ">=", "<=", ">", "<", "=", NULL};
	const char *p = s;
	*op = NULL;
	for (int k = 0; ops[k] && !*op; k++)
		if (!strncmp(p, ops[k], strlen(ops[k]))) {
			*op = gk_strdup(ops[k]);
			p += strlen(ops[k]);
		}
	if (!*op)
		*op = gk_strdup("");
	const char *q = p;
	while ((*q >= '0' && *q <= '9') || *q == '.' || *q == ',')
		q++;
	if (q == p || p[0] == '.' || q[-1] == '.') {
		*val = gk_strdup(p);
		*unit = gk_strdup("");
		return 0;
	}
	*val = gk_strndup(p, (size_t)(q - p));
	*unit = gk_strdup(q);
	return 1;
}
