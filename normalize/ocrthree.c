/*
 * ocrthree.c - the figures of an OCR'd 三公 table placed by its two
 * identities.
 *
 * A 三公 table prints one row per unit (often just its 合计) under a
 * fixed set of columns, in a fixed order: 合计, 因公出国（境）费,
 * 公务用车购置及运行费 (小计, 购置费, 运行费), 公务接待费.  Its header is a
 * few tiny words over merged cells, and OCR often garbles one of them:
 * the figures beneath then land under a neighbour's key or under an
 * x_<garbage> column, and the row breaks
 *
 *     total = overseas_travel + vehicle_total + reception
 *     vehicle_total = vehicle_purchase + vehicle_operation.
 *
 * ocrcols.c places such figures by the page columns of many rows; a 三公
 * table has too few.  Here each row that breaks (or holds figures the
 * header could not name) is placed on its own: its figures in the order
 * the page prints them (the right edges of the doc cells that print
 * them) are mapped onto the columns in their printed order (TABLES.md's,
 * or 上海's where the header prints 接待 left of 用车), the first
 * placed being total; a figure of an x_ column may stay where it is (a
 * 机关运行经费 column beside the table's own), one under a key may not.
 * A map is taken only when it makes both identities hold, puts no figure
 * on the wrong side of a column's header words where OCR read them, and
 * no other
 * map that holds gives the row other figures - except one putting a
 * figure under 购置费 where another puts it under 运行费 (the
 * documented prior: few budgets buy cars, most run them).  Columns of
 * another group (x_2025年/…, x_预算数/…) are not this row's and are
 * left alone; a row whose figures cannot each be found once on the page
 * is left as read.  Each row moved is an `ocr:columns` check.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "checks.h"
#include "norm.h"
#include "normalize.h"
#include "ocrfix.h"

#include <stdlib.h>
#include <string.h>

enum { TOT, OVS, VT, VP, VO, REC, NK };

static const char *const KEYS[NK] = {"total",           "overseas_travel",   "vehicle_total",
                                     "vehicle_purchase", "vehicle_operation", "reception"};

#define MAXF 8 /* figures of a row placed */

typedef struct fig {
	double x;     /* right edge on the page */
	long long v;  /* value in 万元, GK_CHK_SCALE */
	int dec;      /* decimals printed */
	int col;      /* table column it was read under */
	int x_;       /* that column is an x_ column */
} fig;

/* a row as a map gives it: the figure under each key, -1 blank */
typedef struct view {
	int at[NK];
} view;

/* the table's unit in units of 万元 printed per 万元: 元 10000, 千元 10 */
static long long unit_factor(const gk_table *t)
{
	if (!t->unit || !*t->unit || strstr(t->unit, "万元"))
		return 1;
	if (strstr(t->unit, "千元"))
		return 10;
	if (strstr(t->unit, "元"))
		return 10000;
	return 0;
}

/* an x_ column of this row's own figures: not another group's
 * (x_2025年/total, x_预算数/合计: a path) */
static int own_x(const gk_table *t, int j)
{
	const char *k = t->cols.v[j];
	return !strncmp(k, "x_", 2) && !strchr(k, '/');
}

/* The right edges of the doc cells on row i's lines printing w (in the
 * unit printed), sorted; their number, -1 when more than max. */
static int hits(const gk_table *t, int i, long long w, const gk_doc *doc, double *at, int max)
{
	const gk_rowinfo *ri = gk_table_info(t, i);
	int n = 0;
	if (!ri || ri->page <= 0)
		return 0;
	for (const gk_line *ln = NULL; (ln = gk_ocr_row_line(doc, ri, ln));) {
		for (int c = 0; c < ln->ncell; c++) {
			long long v;
			int d;
			if (gk_chk_parse(ln->cell[c].text, &v, &d) != 1 || v != w)
				continue;
			if (n == max)
				return -1;
			for (int a = n++; a >= 0; a--) /* insertion, sorted */
				if (a == 0 || at[a - 1] <= ln->cell[c].x1) {
					at[a] = ln->cell[c].x1;
					break;
				} else
					at[a] = at[a - 1];
		}
	}
	return n;
}

static int by_x(const void *a, const void *b)
{
	double x = ((const fig *)a)->x, y = ((const fig *)b)->x;
	return x < y ? -1 : x > y;
}

/* Row i's figures (keys and own x_ columns) in page order: their number,
 * 0 when one is not a number or cannot be found on the page as often as
 * the row holds it. */
static int row_figures(const gk_table *t, int i, const int *kcol, const gk_doc *doc, long long factor, fig *f)
{
	int n = 0;
	for (int j = 0; j < t->cols.n; j++) {
		int key = 0;
		for (int k = 0; k < NK; k++)
			key |= kcol[k] == j;
		if ((!key && !own_x(t, j)) || gk_ocr_blank(t->rows[i][j]))
			continue;
		if (n == MAXF || gk_chk_parse(t->rows[i][j], &f[n].v, &f[n].dec) != 1)
			return 0;
		f[n].col = j;
		f[n].x_ = !key;
		n++;
	}
	for (int a = 0; a < n; a++) {
		int k = 0, rank = 0;
		for (int b = 0; b < n; b++)
			if (f[b].v == f[a].v)
				k++, rank += b < a;
		double at[MAXF];
		if (hits(t, i, f[a].v * factor, doc, at, MAXF) != k)
			return 0;
		f[a].x = at[rank];
	}
	qsort(f, (size_t)n, sizeof *f, by_x);
	return n;
}

/* the value under key k of v, 0 when blank; *any set when printed */
static long long get(const view *v, const fig *f, int k, int *any, int *dec)
{
	if (v->at[k] < 0)
		return 0;
	*any = 1;
	if (f[v->at[k]].dec < *dec)
		*dec = f[v->at[k]].dec;
	return f[v->at[k]].v;
}

static int near(long long a, long long b, int dec)
{
	static const long long P10[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
	long long tol = P10[GK_CHK_SCALE - (dec < 0 ? 0 : dec > GK_CHK_SCALE ? GK_CHK_SCALE : dec)];
	return a - b <= tol && b - a <= tol;
}

/* Both identities hold in v: total printed and not zero, a part of it
 * printed, total = travel + vehicle + reception, and a vehicle_total
 * printed with its parts equal to their sum (printed alone it is the
 * whole of the vehicle figure: tables that print no 购置/运行 columns). */
static int holds(const view *v, const fig *f)
{
	if (v->at[TOT] < 0 || f[v->at[TOT]].v == 0)
		return 0;
	int any = 0, dec = f[v->at[TOT]].dec, vany = 0, vdec = 6;
	long long parts = get(v, f, VP, &vany, &vdec) + get(v, f, VO, &vany, &vdec);
	if (v->at[VT] >= 0) {
		int d = f[v->at[VT]].dec;
		if (vany && !near(f[v->at[VT]].v, parts, d < vdec ? d : vdec))
			return 0;
		parts = get(v, f, VT, &any, &dec);
	} else if (vany) {
		any = 1;
		dec = vdec < dec ? vdec : dec;
	}
	long long sum = get(v, f, OVS, &any, &dec) + parts + get(v, f, REC, &any, &dec);
	return any && near(f[v->at[TOT]].v, sum, dec);
}

/* the print orders of the columns: TABLES.md's, and 上海's (公务接待费
 * before 公务用车) */
static const int CHAINS[2][NK] = {{TOT, OVS, VT, VP, VO, REC}, {TOT, OVS, REC, VT, VP, VO}};

/* The centre of the leftmost cell right of `from` holding word and
 * neither of but[] in the header of row i (the lines of its page up to
 * HEAD points above it); -1 when none. */
#define HEAD 120
static double head_word(const gk_table *t, int i, const gk_doc *doc, double from, const char *word,
                        const char *const *but)
{
	const gk_rowinfo *ri = gk_table_info(t, i);
	double best = -1;
	if (!ri || ri->page <= 0)
		return -1;
	for (int l = 0; l < doc->nline; l++) {
		const gk_line *ln = &doc->line[l];
		if (ln->page != ri->page || ln->y1 > ri->y0 + 1 || ln->y0 < ri->y0 - HEAD)
			continue;
		for (int c = 0; c < ln->ncell; c++) {
			const char *tx = ln->cell[c].text;
			double mid = (ln->cell[c].x0 + ln->cell[c].x1) / 2;
			if (!strstr(tx, word) || mid <= from || (best >= 0 && mid >= best))
				continue;
			int other = 0;
			for (int b = 0; but && but[b]; b++)
				other |= strstr(tx, but[b]) != NULL;
			if (!other)
				best = mid;
		}
	}
	return best;
}

/* The centres of the header words of row i's columns that OCR read, right
 * of its first figure (x; a group of other figures - 预算数 beside
 * 决算数 - prints its own words left of it): hx[k], -1 when not read
 * (小计 and 合计 are every group's, not looked for); and the print order
 * they show: 上海's when 接待 stands left of 用车. */
static const int *read_head(const gk_table *t, int i, const gk_doc *doc, double x, double *hx)
{
	static const char *const not_vp[] = {"运行", NULL}, *const not_vo[] = {"购置", "机关", NULL};
	for (int k = 0; k < NK; k++)
		hx[k] = -1;
	hx[OVS] = head_word(t, i, doc, x, "出国", NULL);
	hx[VP] = head_word(t, i, doc, x, "购置", not_vp);
	hx[VO] = head_word(t, i, doc, x, "运行", not_vo); /* not 机关运行经费 */
	hx[REC] = head_word(t, i, doc, x, "接待", NULL);
	double veh = head_word(t, i, doc, x, "用车", NULL);
	return hx[REC] >= 0 && veh >= 0 && hx[REC] < veh ? CHAINS[1] : CHAINS[0];
}

typedef struct search {
	const fig *f;
	int n;
	const int *chain;
	double hx[NK];  /* header words' centres read, -1 not read */
	view found[4];
	int nfound;   /* distinct views that hold, kept */
	int overflow; /* more held than found[] keeps */
} search;

static int same_view(const view *a, const view *b, const fig *f)
{
	for (int k = 0; k < NK; k++) {
		int x = a->at[k], y = b->at[k];
		if ((x < 0) != (y < 0) || (x >= 0 && f[x].v != f[y].v))
			return 0;
	}
	return 1;
}

static void keep(search *S, const view *v)
{
	for (int i = 0; i < S->nfound; i++)
		if (same_view(&S->found[i], v, S->f))
			return;
	if (S->nfound < 4)
		S->found[S->nfound++] = *v;
	else
		S->overflow = 1;
}

/* Do the figures placed in v stand where the header words read say:
 * right of the centre of their own column's word and of every earlier
 * column's, left of every later column's (figures are set flush right
 * in their cells, the words centred). */
static int under_heads(const search *S, const view *v)
{
	int pos[NK];
	for (int p = 0; p < NK; p++)
		pos[S->chain[p]] = p;
	for (int k = 0; k < NK; k++) {
		if (v->at[k] < 0)
			continue;
		double x = S->f[v->at[k]].x;
		for (int h = 0; h < NK; h++)
			if (S->hx[h] >= 0 && (pos[k] < pos[h] ? x >= S->hx[h] : x <= S->hx[h]))
				return 0;
	}
	return 1;
}

/* figures a.. onto the chain's keys from position p on, in order, the
 * first placed being total; an x_ figure may stay */
static void place(search *S, view *v, int a, int p, int placed)
{
	if (a == S->n) {
		if (holds(v, S->f) && under_heads(S, v))
			keep(S, v);
		return;
	}
	if (S->f[a].x_)
		place(S, v, a + 1, p, placed);
	for (int q = p; q < (placed ? NK : 1); q++) {
		v->at[S->chain[q]] = a;
		place(S, v, a + 1, q + 1, 1);
		v->at[S->chain[q]] = -1;
	}
}

/* a view with a figure under 购置费 whose twin under 运行费 also holds:
 * the prior goes to 运行费 */
static void prefer_operation(search *S)
{
	for (int i = 0; i < S->nfound; i++) {
		view w = S->found[i];
		if (w.at[VP] < 0 || w.at[VO] >= 0)
			continue;
		w.at[VO] = w.at[VP], w.at[VP] = -1;
		for (int j = 0; j < S->nfound; j++)
			if (j != i && same_view(&S->found[j], &w, S->f)) {
				S->found[i] = S->found[--S->nfound];
				i = -1;
				break;
			}
	}
}

/* the row as read: keys hold what the header reading put there */
static void as_read(const fig *f, int n, const int *kcol, view *v)
{
	for (int k = 0; k < NK; k++)
		v->at[k] = -1;
	for (int a = 0; a < n; a++)
		for (int k = 0; k < NK; k++)
			if (kcol[k] == f[a].col)
				v->at[k] = a;
}

static void describe(const view *v, const fig *f, char *out, size_t n)
{
	size_t o = 0;
	*out = 0;
	for (int k = 0; k < NK && o + 1 < n; k++) {
		if (v->at[k] < 0)
			continue;
		char num[40];
		gk_chk_format(f[v->at[k]].v, f[v->at[k]].dec, num, sizeof num);
		int w = snprintf(out + o, n - o, "%s%s=%s", o ? " " : "", KEYS[k], num);
		o += w > 0 ? (size_t)w : 0;
	}
}

static void apply(gk_result *r, gk_table *t, int i, int *kcol, const fig *f, int n, const view *now, const view *was)
{
	char from[300], to[300];
	describe(was, f, from, sizeof from);
	describe(now, f, to, sizeof to);
	char **old = gk_calloc((size_t)n, sizeof *old);
	for (int a = 0; a < n; a++)
		old[a] = gk_strdup(t->rows[i][f[a].col]);
	for (int a = 0; a < n; a++) {
		int stays = f[a].x_;
		for (int k = 0; k < NK; k++)
			stays &= now->at[k] != a;
		if (!stays)
			gk_table_set(t, i, f[a].col, "");
	}
	for (int k = 0; k < NK; k++) {
		if (now->at[k] < 0)
			continue;
		if (kcol[k] < 0)
			kcol[k] = gk_table_add_col(t, KEYS[k]);
		gk_table_set(t, i, kcol[k], old[now->at[k]]);
	}
	for (int a = 0; a < n; a++)
		free(old[a]);
	free(old);
	char detail[700];
	snprintf(detail, sizeof detail, "as read: %s; by the page order of its figures and the table's identities: %s",
	         *from ? from : "-", to);
	gk_result_add_finding(r, t->id, "ocr:columns", t->rows[i][0], "total = travel + vehicle + reception", from,
	                      "corrected", t->page, detail);
}

void gk_ocr_three(gk_result *r, gk_table *t, const gk_doc *doc)
{
	long long factor = unit_factor(t);
	if (strcmp(t->id, "three_public_expenses") || !factor)
		return;
	int kcol[NK], moved = 0;
	for (int k = 0; k < NK; k++)
		kcol[k] = gk_table_col(t, KEYS[k]);
	for (int i = 0; i < t->nrow; i++) {
		fig f[MAXF];
		int n = row_figures(t, i, kcol, doc, factor, f);
		view was, v;
		if (n < 2 || (as_read(f, n, kcol, &was), holds(&was, f)))
			continue;
		search S = {.f = f, .n = n};
		for (int k = 0; k < NK; k++)
			v.at[k] = -1;
		S.chain = read_head(t, i, doc, f[0].x, S.hx);
		place(&S, &v, 0, 0, 0);
		prefer_operation(&S);
		if (S.overflow || S.nfound != 1 || same_view(&S.found[0], &was, f))
			continue;
		apply(r, t, i, kcol, f, n, &S.found[0], &was);
		moved = 1;
	}
	if (moved)
		gk_ocr_drop_empty_x(t);
}
