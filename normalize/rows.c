/*
 * rows.c - the rows of a numeric table: body lines assembled into prows
 * (a code or a total starts a row, label fragments before or after it
 * join the nearer row) and each number's column slot from the layout
 * (TAB field index, or x clusters of a positioned table).
 *
 * Entry points: assemble_rows, assign_slots.
 */
#include "nctx.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static void prow_add_text(prow *p, const tok *t)
{
	if (p->ntext >= 32)
		return;
	p->tidx[p->ntext] = t->idx;
	p->tx0[p->ntext] = t->x0;
	p->text[p->ntext++] = gk_strdup(t->text);
}

/* Does a line start a new row?  A code, a total label, a unit code. */
static int starts_row(const nctx *c, fam_id f, const tok *t, int n)
{
	if (n == 0)
		return 0;
	const tok *a = &t[0];
	if (a->isnum && !tok_is_plain_int(a))
		return 0;
	if (tok_is_plain_int(a))
		return 1;
	char *cp = compact_of(a->text);
	int r = rule_any(c, "total", cp);
	/* a code glued to its name: "2010301行政运行" (not "2022年…") */
	size_t d = 0;
	while (isdigit((unsigned char)cp[d]))
		d++;
	if (!r && (d == 3 || d == 5 || d == 7) && cp[d] && cp[d] != '.' && strncmp(cp + d, "年", 3) &&
	    strncmp(cp + d, "月", 3))
		r = 1;
	free(cp);
	(void)f;
	return r;
}

/* Is every cell of l that holds a sentence right of all the amounts
 * and of x (a column of notes, 项目简介)? */
static int note_column(const gk_line *l, double amount_x1)
{
	int any = 0;
	for (int j = 0; j < l->ncell; j++)
		if (strstr(l->cell[j].text, "。")) {
			if (l->cell[j].x0 < amount_x1 - 1)
				return 0;
			any = 1;
		}
	return any;
}

/* The table's header printed again at the top of a continued page: line
 * i, with no number above it on its page (num_page: the page of the last
 * line with numbers), is a head_run of the head lines [hb, b).  No row,
 * nor a wrap of the page before's last row (…电费 项目 一般公共预算基本支出
 * 类 款, 上海). */
static int repeated_head_line(const nctx *c, int hb, int b, int e, int i, int num_page)
{
	int pg = c->x[i].l->page;
	return num_page && pg != num_page && hb < b && (head_run(c, hb, b, e, i) || ocr_head_echo(c, hb, b, i));
}

/* Assemble the body lines [b, e), under the head lines [hb, b), into
 * rows.  Returns the row count. */
int assemble_rows(nctx *c, fam_id f, int hb, int b, int e, prow *rows, int maxrows, int *end_line)
{
	int nr = 0, open = 0; /* open: the last row still waits for its numbers */
	int code_family = f == F_FUNC || f == F_BASIC || f == F_ECON || f == F_REVUNIT || f == F_PROJECT ? 1
	                  : f == F_THREE                                                                ? 2
	                                                                                                : 0;
	/* text lines seen after a complete row: prefix of the next or suffix of the last */
	prow pend;
	memset(&pend, 0, sizeof pend);
	double pend_y = 0, amount_x1 = -1e18; /* where the table's amounts end */
	int pend_page = 0, num_page = 0; /* the page of the last line with numbers */
	*end_line = e;
	for (int i = b; i < e; i++) {
		const xline *x = &c->x[i];
		if (x->skip)
			continue;
		if (rule_any(c, "table-end", x->compact)) {
			*end_line = i;
			break;
		}
		if (rule_any(c, "unit", x->compact) || rule_any(c, "dept", x->compact)) {
			int sh = GK_UNIT_NONE;
			head_meta(c, x, &sh);
			continue;
		}
		/* the header repeated at the top of the next page */
		if (rule_any(c, "header-repeat", x->compact) && !line_has_amount(c, i))
			continue;
		/* running prose after the table: a long sentence is no row (a
		 * note printed in a project table's column of notes, right of
		 * the amounts, is the row's; so is a line with amounts, its
		 * text column gathered onto it) */
		if (strlen(x->compact) > 45 && strstr(x->compact, "。") && !line_has_amount(c, i) &&
		    !(f == F_PROJECT && c->hx_note > 0 && note_column(x->l, amount_x1 > c->hx_note ? amount_x1 : c->hx_note))) {
			*end_line = i;
			break;
		}
		tok t[256];
		int n = tokens_of(x->l, t, 256);
		if (!n)
			continue;
		int has_num = 0, has_text = 0, lead_code = 0;
		for (int j = 0; j < n; j++) {
			if (t[j].isnum && !tok_is_code(t, n, j, code_family))
				has_num = 1;
			else
				has_text = 1;
		}
		if (!has_num && repeated_head_line(c, hb, b, e, i, num_page))
			continue;
		if (has_num)
			num_page = x->l->page;
		lead_code = tok_is_code(t, n, 0, code_family);
		int starts = lead_code || starts_row(c, f, t, n);
		if (!starts && has_text && has_num && !open)
			starts = 1; /* a labelled row: unit name, project ... */
		if (!starts && !has_text && has_num && !open)
			starts = 1; /* a row of numbers with no label */
		if (!starts && has_text && !has_num && !open) {
			/* a fragment after a complete row: keep it pending */
			for (int j = 0; j < n; j++)
				prow_add_text(&pend, &t[j]);
			if (!pend_y)
				pend_y = x->l->y0, pend_page = x->l->page;
			continue;
		}
		if (starts) {
			if (nr == maxrows)
				break;
			prow *p = &rows[nr++];
			memset(p, 0, sizeof *p);
			p->line0 = i;
			open = 1;
			/* pending text: prefix of this row when this row's own line has
			 * no label, or the last row has none; else the last row's suffix */
			int own_label = 0;
			for (int j = 0; j < n; j++)
				if (!t[j].isnum && !tok_is_code(t, n, j, code_family))
					own_label = 1;
			if (pend.ntext) {
				int prefix = !own_label || (nr >= 2 && rows[nr - 2].ntext == 0);
				if (x->l->geom == GK_GEOM_POS && nr >= 2 && own_label == 0) {
					double dprev = pend_y - c->x[rows[nr - 2].line1].l->y1;
					double dnext = x->l->y0 - pend_y;
					prefix = dnext <= dprev;
				}
				prow *dst = prefix || nr < 2 ? p : &rows[nr - 2];
				for (int j = 0; j < pend.ntext && dst->ntext < 32; j++) {
					dst->tidx[dst->ntext] = pend.tidx[j];
					dst->tx0[dst->ntext] = pend.tx0[j];
					dst->text[dst->ntext++] = gk_strdup(pend.text[j]);
				}
				prow_free(&pend);
				pend_y = 0;
			}
		}
		if (!nr)
			continue;
		prow *p = &rows[nr - 1];
		for (int j = 0; j < n; j++) {
			if (t[j].isnum && !tok_is_code(t, n, j, code_family))
				prow_add_num(p, &t[j]);
			else
				prow_add_text(p, &t[j]);
		}
		p->line1 = i;
		if (has_num) {
			p->y = x->l->y0;
			open = 0;
			for (int j = 0; j < n; j++)
				if (t[j].isnum && !tok_is_code(t, n, j, code_family) && t[j].x1 > amount_x1)
					amount_x1 = t[j].x1;
		}
	}
	/* trailing fragments: the last row's suffix (not a year line that
	 * belongs to the next table's title) */
	int year_line = 0;
	if (pend.ntext == 1) {
		char *cp = compact_of(pend.text[0]);
		const char *q = cp;
		if (!strncmp(q, "（", 3))
			q += 3;
		else if (*q == '(')
			q++;
		year_line = strlen(q) >= 7 && is_digits((char[]){q[0], q[1], q[2], q[3], 0}, 4, 4) && !strncmp(q + 4, "年", 3);
		free(cp);
	}
	/* (text on a later page than the last row is not its suffix) */
	if (pend.ntext && nr && !year_line && c->x[rows[nr - 1].line1].l->page == pend_page) {
		prow *dst = &rows[nr - 1];
		for (int j = 0; j < pend.ntext && dst->ntext < 32; j++) {
			dst->tidx[dst->ntext] = pend.tidx[j];
			dst->tx0[dst->ntext] = pend.tx0[j];
			dst->text[dst->ntext++] = gk_strdup(pend.text[j]);
		}
	}
	prow_free(&pend);
	/* a row with neither numbers nor label is noise */
	int k = 0;
	for (int i = 0; i < nr; i++) {
		if (rows[i].nnum == 0 && rows[i].ntext == 0)
			continue;
		if (k != i)
			rows[k] = rows[i];
		k++;
	}
	return k;
}

/* Column slots from the layout: TAB field index minus the first amount
 * column; PDF x positions clustered by overlap. */
void assign_slots(prow *rows, int nr, gk_geom geom)
{
	if (geom == GK_GEOM_TAB) {
		/* the first amount column: the most common field index of a row's first number */
		int count[256] = {0}, best = 0;
		for (int i = 0; i < nr; i++)
			if (rows[i].nnum && rows[i].nidx[0] >= 0 && rows[i].nidx[0] < 256)
				count[rows[i].nidx[0]]++;
		for (int j = 1; j < 256; j++)
			if (count[j] > count[best])
				best = j;
		for (int i = 0; i < nr; i++)
			for (int j = 0; j < rows[i].nnum; j++)
				rows[i].slot[j] = rows[i].nidx[j] - best >= 0 ? rows[i].nidx[j] - best : -1;
		return;
	}
	if (geom != GK_GEOM_POS)
		return;
	/* interval clustering of number cells */
	int total = 0;
	for (int i = 0; i < nr; i++)
		total += rows[i].nnum;
	if (!total)
		return;
	typedef struct iv { double a, b; int row, j; } iv;
	iv *v = gk_malloc(sizeof *v * (size_t)total);
	int k = 0;
	for (int i = 0; i < nr; i++)
		for (int j = 0; j < rows[i].nnum; j++)
			v[k++] = (iv){rows[i].nx0[j], rows[i].nx1[j], i, j};
	/* sort by left edge (insertion sort: tables are small) */
	for (int i = 1; i < total; i++) {
		iv t = v[i];
		int j = i - 1;
		while (j >= 0 && v[j].a > t.a) {
			v[j + 1] = v[j];
			j--;
		}
		v[j + 1] = t;
	}
	int cl = 0;
	double reach = v[0].b;
	for (int i = 0; i < total; i++) {
		if (i && v[i].a > reach) {
			cl++;
			reach = v[i].b;
		}
		if (v[i].b > reach)
			reach = v[i].b;
		rows[v[i].row].slot[v[i].j] = cl;
	}
	free(v);
}
