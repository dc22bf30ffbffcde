/*
 * ocrfix.c - tables read by OCR, put right by their own arithmetic.
 *
 * A table whose page was read by OCR (the extract's ocr_pages) may carry
 * misread figures.  Budget tables are full of identities - a row's total
 * is the sum of its parts, a 合计 row the sum of the rows under it, a 类
 * the sum of its 款 - so a misread figure breaks one or more of them.  For
 * each table:
 *
 *   1. the identities are listed as sets of cells that sum to zero (row
 *      identities by table type; column sums by the code tree: 合计 =
 *      Σ top rows, 类 = Σ 款, 款 = Σ 项);
 *   2. a cell in two or more broken identities, which each of them solves
 *      to the same value, a value that differs from the one read as an
 *      OCR misreading does (a digit or two, a point) and that breaks no
 *      identity that held, is replaced: a second, independent identity
 *      confirms it.  Repeated while something changes;
 *   3. what is still broken is left as read, and each of its cells that
 *      OCR read is flagged.  A figure is never invented.
 *
 * checks.csv: `ocr:corrected` (row "<row>/<column>", expected the value
 * written, found the value read and its confidence, status "corrected"),
 * `ocr:suspect` (the same, the value kept, status "fail"), `ocr:label`
 * (a label read by OCR replaced by the standard name of its code, rules
 * kind `name`; status "corrected": ocrlabel.c).
 *
 * Published documents contain errors of their own; those are findings
 * for the checks, not misreadings: a correction must look like a
 * misreading (edit distance <= 2 between the digit strings) and be
 * confirmed twice.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "checks.h"
#include "norm.h"
#include "normalize.h"
#include "ocrfix.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* ---- which figures OCR read, with what confidence ----------------------- */

/* the digits of an amount without its point, leading and trailing zeros:
 * "1,265.60" and "12656000.00" (the same figure in 元) both give "12656" */
static void digit_key(const char *s, char *out, size_t n)
{
	size_t k = 0;
	for (; *s && k + 1 < n; s++)
		if (*s >= '0' && *s <= '9' && !(k == 0 && *s == '0'))
			out[k++] = *s;
	while (k > 0 && out[k - 1] == '0')
		k--;
	out[k] = 0;
}

typedef struct confmap {
	int n, cap;
	char (*key)[24];
	float *conf;
} confmap;

int gk_page_listed(const char *list, int page)
{
	if (!list)
		return 0;
	const char *p = list;
	while (*p) {
		int v = 0;
		while (*p >= '0' && *p <= '9')
			v = v * 10 + (*p++ - '0');
		if (v == page)
			return 1;
		while (*p && (*p < '0' || *p > '9'))
			p++;
	}
	return 0;
}

static void confmap_build(confmap *m, const gk_doc *doc)
{
	memset(m, 0, sizeof *m);
	for (int i = 0; i < doc->nline; i++) {
		const gk_line *l = &doc->line[i];
		for (int j = 0; j < l->ncell; j++) {
			const gk_cell *c = &l->cell[j];
			char amt[48];
			if (c->conf < 0 || !gk_amount_parse(c->text, amt, sizeof amt))
				continue;
			if (m->n == m->cap) {
				m->cap = m->cap ? m->cap * 2 : 256;
				m->key = gk_realloc(m->key, (size_t)m->cap * sizeof *m->key);
				m->conf = gk_realloc(m->conf, (size_t)m->cap * sizeof *m->conf);
			}
			digit_key(amt, m->key[m->n], sizeof m->key[m->n]);
			m->conf[m->n++] = c->conf;
		}
	}
}

/* the least confidence OCR had in a figure that reads like s; -1 when no
 * OCR'd cell shows it */
static float confmap_get(const confmap *m, const char *s)
{
	char k[24];
	digit_key(s, k, sizeof k);
	float best = -1;
	for (int i = 0; i < m->n; i++)
		if (!strcmp(m->key[i], k) && (best < 0 || m->conf[i] < best))
			best = m->conf[i];
	return best;
}

/* the confidence below which a figure OCR read is no confirmation of
 * itself where it is printed twice */
#define SURE 60

/* ---- identities --------------------------------------------------------- */

#define MAXTERM 64

typedef struct ident {
	int n;
	int row[MAXTERM], col[MAXTERM];
	signed char sign[MAXTERM];
	const char *name;
} ident;

/* cells another table prints alike (xline_confirm) */
typedef struct xconf {
	int n, cap;
	const gk_table **t;
	int *row, *col;
} xconf;

typedef struct fixctx {
	gk_result *r;
	gk_table *t;
	ident *id;
	int nid, cap;
	const xconf *xc;
	int exact; /* figures to the fen: sums hold without rounding (build) */
} fixctx;

static void xconf_add(xconf *x, const gk_table *t, int row, int col)
{
	if (x->n == x->cap) {
		x->cap = x->cap ? x->cap * 2 : 64;
		x->t = gk_realloc(x->t, (size_t)x->cap * sizeof *x->t);
		x->row = gk_realloc(x->row, (size_t)x->cap * sizeof *x->row);
		x->col = gk_realloc(x->col, (size_t)x->cap * sizeof *x->col);
	}
	x->t[x->n] = t, x->row[x->n] = row, x->col[x->n++] = col;
}

static int xconf_has(const xconf *x, const gk_table *t, int row, int col)
{
	for (int i = 0; x && i < x->n; i++)
		if (x->t[i] == t && x->row[i] == row && x->col[i] == col)
			return 1;
	return 0;
}

static void ident_add(fixctx *f, const ident *x)
{
	if (x->n < 2)
		return;
	if (f->nid == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 64;
		f->id = gk_realloc(f->id, (size_t)f->cap * sizeof *f->id);
	}
	f->id[f->nid++] = *x;
}

const gk_line *gk_ocr_row_line(const gk_doc *doc, const gk_rowinfo *ri, const gk_line *prev)
{
	for (int l = prev ? (int)(prev - doc->line) + 1 : 0; l < doc->nline; l++) {
		const gk_line *ln = &doc->line[l];
		double mid = (ln->y0 + ln->y1) / 2; /* a line of the row, not one it touches */
		if (ln->page == ri->page && mid >= ri->y0 && mid <= ri->y1)
			return ln;
	}
	return NULL;
}

/* a cell of nothing but spaces (or none) */
int gk_ocr_blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ')
			return 0;
	return 1;
}

/* whole = Σ parts on row i, when the whole and a part are printed */
static void row_ident(fixctx *f, int i, const char *whole, const char *const *parts, const char *name)
{
	gk_table *t = f->t;
	int w = gk_table_col(t, whole);
	if (w < 0 || gk_ocr_blank(t->rows[i][w]))
		return;
	ident x = {0};
	x.name = name;
	x.row[0] = i, x.col[0] = w, x.sign[0] = 1, x.n = 1;
	int any = 0;
	for (; *parts && x.n < MAXTERM; parts++) {
		int c = gk_table_col(t, *parts);
		if (c < 0)
			continue;
		any |= !gk_ocr_blank(t->rows[i][c]);
		x.row[x.n] = i, x.col[x.n] = c, x.sign[x.n] = -1, x.n++;
	}
	if (any)
		ident_add(f, &x);
}

static int is_total_label(const char *s)
{
	return s && strncmp(s, "其中", 6) && (strstr(s, "合计") || strstr(s, "总计"));
}

int gk_code_digits(const char *s, char *out, size_t n)
{
	size_t k = 0;
	for (; *s; s++) {
		if (*s == ' ')
			continue;
		if (*s < '0' || *s > '9' || k + 1 >= n)
			return 0;
		out[k++] = *s;
	}
	out[k] = 0;
	return (int)k;
}

/* Is row p's code printed on another row too (an economic class once
 * per 政府经济分类 pair it falls under: 301 over 501, again over 505) */
static int again(char (*cd)[16], const int *len, int n, int p)
{
	for (int i = 0; i < n; i++)
		if (i != p && len[i] == len[p] && !strcmp(cd[i], cd[p]))
			return 1;
	return 0;
}

/* The rows under row p, printed right after it: [*from, *to), up to the
 * first row whose code does not extend p's (the next pair's 301) */
static void block(char (*cd)[16], const int *len, int n, int p, int *from, int *to)
{
	int i = p + 1;
	while (i < n && len[i] > len[p] && !strncmp(cd[i], cd[p], (size_t)len[p]))
		i++;
	*from = p + 1, *to = i;
}

static int broken(const fixctx *f, const ident *x);

/* The 合计 = Σ top rows of column c (x), broken, that holds with the
 * table's rows printing no code (but the 合计) among its terms: a top
 * row whose code OCR lost (上海财政局's 住房保障支出, its 221 not read);
 * they are taken in.  Where it does not hold so, x stays as it was. */
static void codeless_tops(const fixctx *f, ident *x, const int *len, int total, int c)
{
	const gk_table *t = f->t;
	if (!broken(f, x))
		return;
	ident y = *x;
	for (int i = 0; i < t->nrow && y.n < MAXTERM; i++)
		if (!len[i] && i != total && !gk_ocr_blank(t->rows[i][c]))
			y.row[y.n] = i, y.col[y.n] = c, y.sign[y.n] = -1, y.n++;
	if (y.n > x->n && !broken(f, &y))
		*x = y;
}

/* Column sums by the code tree of code column `code`, for each amount
 * column: a code row = Σ rows whose code extends it by the next level
 * present; the 合计 row (label column `label`, no code) = Σ top rows. */
static void tree_idents(fixctx *f, const char *code, const char *label, const char *const *cols)
{
	gk_table *t = f->t;
	int cc = gk_table_col(t, code), lc = gk_table_col(t, label);
	if (cc < 0)
		return;
	int n = t->nrow;
	char (*cd)[16] = gk_calloc((size_t)(n ? n : 1), sizeof *cd);
	int *len = gk_calloc((size_t)(n ? n : 1), sizeof *len);
	int total = -1, minlen = 99;
	for (int i = 0; i < n; i++) {
		len[i] = gk_code_digits(t->rows[i][cc], cd[i], sizeof cd[i]);
		if (len[i] > 0 && len[i] < minlen)
			minlen = len[i];
		if (len[i] == 0 && total < 0 && lc >= 0 && is_total_label(t->rows[i][lc]))
			total = i;
	}
	for (const char *const *k = cols; *k; k++) {
		int c = gk_table_col(t, *k);
		if (c < 0)
			continue;
		for (int p = -1; p < n; p++) {
			if (p >= 0 && len[p] == 0)
				continue;
			int whole = p < 0 ? total : p;
			if (whole < 0 || gk_ocr_blank(t->rows[whole][c]))
				continue;
			/* the children: the shortest codes longer than the parent's
			 * that extend it */
			int clen = 99;
			for (int i = 0; i < n; i++)
				if (len[i] > (p < 0 ? 0 : len[p]) && (p < 0 || !strncmp(cd[i], cd[p], (size_t)len[p])) &&
				    len[i] < clen)
					clen = len[i];
			if (clen == 99)
				continue;
			if (p < 0 && clen != minlen)
				continue;
			ident x = {0};
			x.name = p < 0 ? "column" : "tree";
			x.row[0] = whole, x.col[0] = c, x.sign[0] = 1, x.n = 1;
			int any = 0, over = 0, from = 0, to = n;
			if (p >= 0 && again(cd, len, n, p))
				block(cd, len, n, p, &from, &to);
			for (int i = from; i < to; i++) {
				if (len[i] != clen || (p >= 0 && strncmp(cd[i], cd[p], (size_t)len[p])))
					continue;
				if (x.n == MAXTERM) {
					over = 1;
					break;
				}
				any |= !gk_ocr_blank(t->rows[i][c]);
				x.row[x.n] = i, x.col[x.n] = c, x.sign[x.n] = -1, x.n++;
			}
			if (p < 0 && any && !over)
				codeless_tops(f, &x, len, total, c);
			if (any && !over)
				ident_add(f, &x);
		}
	}
	free(cd);
	free(len);
}

static const char *const FUNC_COLS[] = {"total", "basic_total", "basic_wages", "basic_family_subsidy",
                                        "basic_goods_services", "basic_capital", "project_total",
                                        "project_operating", "project_specific", "basic_personnel",
                                        "basic_public", NULL};
static const char *const FUNC_PARTS_TB[] = {"basic_total", "project_total", NULL};
static const char *const FUNC_PARTS_B[] = {"basic_wages", "basic_family_subsidy", "basic_goods_services",
                                           "basic_capital", NULL};
static const char *const FUNC_PARTS_PP[] = {"basic_personnel", "basic_public", NULL};
static const char *const FUNC_PARTS_P[] = {"project_operating", "project_specific", NULL};
static const char *const FUNC_PARTS_TPP[] = {"basic_personnel", "basic_public", "project_total", NULL};
static const char *const FUNC_PARTS_TW[] = {"basic_wages", "basic_family_subsidy", "basic_goods_services",
                                            "basic_capital", "project_total", NULL};

/* The parts of a function row's total: 基本 + 项目, or where the row
 * prints no 基本支出 (a table without that column: 杭州交通's 合计 | 人员经费
 * 公用经费 | 项目支出) the parts 基本 stands for, as the solver takes it */
static const char *const *func_total_parts(const gk_table *t, int i)
{
	int b = gk_table_col(t, "basic_total");
	if (b >= 0 && !gk_ocr_blank(t->rows[i][b]))
		return FUNC_PARTS_TB;
	static const char *const *const alt[] = {FUNC_PARTS_PP, FUNC_PARTS_B};
	for (int k = 0; k < 2; k++)
		for (const char *const *p = alt[k]; *p; p++) {
			int c = gk_table_col(t, *p);
			if (c >= 0 && !gk_ocr_blank(t->rows[i][c]))
				return k ? FUNC_PARTS_TW : FUNC_PARTS_TPP;
		}
	return FUNC_PARTS_TB;
}

static const char *const BASIC_COLS[] = {"total", "personnel", "public", NULL};
static const char *const BASIC_PARTS[] = {"personnel", "public", NULL};
static const char *const THREE_PARTS[] = {"overseas_travel", "vehicle_total", "reception", NULL};
static const char *const THREE_VEH[] = {"vehicle_purchase", "vehicle_operation", NULL};
static const char *const GBE_COLS[] = {"total", "basic_total", "personnel", "public", "project_total", NULL};
static const char *const GBE_PARTS_TB[] = {"basic_total", "project_total", NULL};
static const char *const ECON_COLS[] = {"total", "general_budget", "government_fund", "state_capital",
                                        "special_account", "business_income", "other_income", NULL};

static const char *const PROJ_PARTS[] = {"general_budget", "government_fund", "state_capital",
                                         "carryover_general_budget", "carryover_government_fund",
                                         "carryover_state_capital", "special_account", "unit_funds", NULL};

/* A project table's column sums: its 合计 row (label column `label`) =
 * Σ the rows that name a project type (the projects; unit rows repeat
 * their sums), for `whole` and each part. */
static void project_idents(fixctx *f)
{
	gk_table *t = f->t;
	int lc = gk_table_col(t, "project_name"), tc = gk_table_col(t, "project_type");
	if (lc < 0 || tc < 0)
		return;
	int total = -1;
	for (int i = 0; i < t->nrow && total < 0; i++)
		if (is_total_label(t->rows[i][lc]) && gk_ocr_blank(t->rows[i][tc]))
			total = i;
	if (total < 0)
		return;
	for (int k = -1; k < 0 || PROJ_PARTS[k]; k++) {
		int c = gk_table_col(t, k < 0 ? "total" : PROJ_PARTS[k]);
		if (c < 0 || gk_ocr_blank(t->rows[total][c]))
			continue;
		ident x = {0};
		x.name = "column";
		x.row[0] = total, x.col[0] = c, x.sign[0] = 1, x.n = 1;
		int over = 0;
		for (int i = 0; i < t->nrow; i++) {
			if (i == total || gk_ocr_blank(t->rows[i][tc]))
				continue;
			if (x.n == MAXTERM) {
				over = 1;
				break;
			}
			x.row[x.n] = i, x.col[x.n] = c, x.sign[x.n] = -1, x.n++;
		}
		if (!over)
			ident_add(f, &x);
	}
}

static int broken(const fixctx *f, const ident *x);

/* A project table's unit rows (no type, a figure: a unit's subtotal)
 * = Σ the projects under each, up to the next row without a type, for
 * `whole` and each part; a unit's sums are kept only where one of them
 * holds (a unit row over its sub-units', or a unit's projects printed on
 * across a page, sums nothing like this). */
static void unit_idents(fixctx *f)
{
	gk_table *t = f->t;
	int lc = gk_table_col(t, "project_name"), tc = gk_table_col(t, "project_type");
	int oc = gk_table_col(t, "total");
	if (lc < 0 || tc < 0 || oc < 0)
		return;
	for (int u = 0; u < t->nrow; u++) {
		if (!gk_ocr_blank(t->rows[u][tc]) || is_total_label(t->rows[u][lc]) || gk_ocr_blank(t->rows[u][oc]))
			continue;
		int end = u + 1;
		while (end < t->nrow && !gk_ocr_blank(t->rows[end][tc]))
			end++;
		if (end == u + 1 || end - u > MAXTERM)
			continue;
		int from = f->nid, held = 0;
		for (int k = -1; k < 0 || PROJ_PARTS[k]; k++) {
			int c = gk_table_col(t, k < 0 ? "total" : PROJ_PARTS[k]);
			if (c < 0 || gk_ocr_blank(t->rows[u][c]))
				continue;
			ident x = {0};
			x.name = "unit";
			x.row[0] = u, x.col[0] = c, x.sign[0] = 1, x.n = 1;
			for (int i = u + 1; i < end; i++)
				x.row[x.n] = i, x.col[x.n] = c, x.sign[x.n] = -1, x.n++;
			ident_add(f, &x);
			held += f->nid > from && !broken(f, &f->id[f->nid - 1]);
		}
		if (!held)
			f->nid = from;
	}
}

/* revenue_by_unit: its sources sum to its totals.  Tables differ in
 * what they print (a 本年收入 subtotal or not, carry-overs or not, a
 * 其中 under a source), so a row identity is taken only where it holds
 * on most of the table's rows that print it: a layout it does not fit
 * must not flag or "correct" every row. */
static const char *const REV_CURRENT[] = {"general_budget", "government_fund", "state_capital",
                                          "special_account", "business_income", "operating_income",
                                          "superior_subsidy", "affiliated_remit", "other_income", NULL};
static const char *const REV_CARRY[] = {"carryover_general_budget", "carryover_government_fund",
                                        "carryover_state_capital", "carryover_special_account",
                                        "carryover_unit_funds", NULL};
static const char *const REV_ALL[] = {"general_budget", "government_fund", "state_capital", "special_account",
                                      "business_income", "operating_income", "superior_subsidy",
                                      "affiliated_remit", "other_income", "carryover_total", NULL};
static const char *const REV_TOTAL_CC[] = {"current_total", "carryover_total", NULL};
static const char *const REV_COLS[] = {"total", "current_total", "general_budget", "government_fund",
                                       "state_capital", "special_account", "business_income",
                                       "operating_income", "superior_subsidy", "affiliated_remit",
                                       "other_income", "carryover_total", NULL};

/* row_ident on every row, kept only if it holds on at least two thirds
 * of the rows where it could be built */
static void rows_ident_if_usual(fixctx *f, const char *whole, const char *const *parts, const char *name)
{
	int from = f->nid, held = 0;
	for (int i = 0; i < f->t->nrow; i++) {
		int before = f->nid;
		row_ident(f, i, whole, parts, name);
		held += f->nid > before && !broken(f, &f->id[f->nid - 1]);
	}
	int built = f->nid - from;
	if (built && held * 3 < built * 2)
		f->nid = from;
}

static const char *const GBE_PARTS_PPP[] = {"personnel", "public", "project_total", NULL};

/* The parts of an economic row's total: 基本 + 项目, or where the row
 * prints no 基本支出 (西安's 人员经费 | 公用经费 | 项目支出 under 合计) the
 * parts 基本 stands for */
static const char *const *gbe_total_parts(const gk_table *t, int i)
{
	int b = gk_table_col(t, "basic_total");
	return b >= 0 && !gk_ocr_blank(t->rows[i][b]) ? GBE_PARTS_TB : GBE_PARTS_PPP;
}

/* total = its parts (gbe_total_parts) on every row, kept only if it holds
 * on at least two thirds of the rows where it could be built */
static void gbe_total_idents(fixctx *f)
{
	int from = f->nid, held = 0;
	for (int i = 0; i < f->t->nrow; i++) {
		int before = f->nid;
		row_ident(f, i, "total", gbe_total_parts(f->t, i), "row");
		held += f->nid > before && !broken(f, &f->id[f->nid - 1]);
	}
	int built = f->nid - from;
	if (built && held * 3 < built * 2)
		f->nid = from;
}

static void revenue_idents(fixctx *f)
{
	/* (row_ident leaves out the columns a table does not print) */
	if (gk_table_col(f->t, "current_total") >= 0) {
		rows_ident_if_usual(f, "current_total", REV_CURRENT, "row");
		rows_ident_if_usual(f, "total", REV_TOTAL_CC, "row");
	} else {
		rows_ident_if_usual(f, "total", REV_ALL, "row");
	}
	rows_ident_if_usual(f, "carryover_total", REV_CARRY, "row");
	tree_idents(f, "unit_code", "unit_name", REV_COLS);
	tree_idents(f, "func_code", "func_name", REV_COLS);
}

/* Does t print its figures to the fen: three of them or more with six
 * decimals (万元 to the fen: a table printed in 元, its figures exact),
 * where a column's sum holds to the fen, no rounding in it */
static int fen_exact(const gk_table *t)
{
	int n = 0;
	for (int c = 0; c < t->cols.n; c++)
		for (int i = 0; i < t->nrow && n < 3 && gk_ocr_amount_col(t, c); i++) {
			const char *p = strchr(t->rows[i][c], '.');
			n += p && strlen(p + 1) == 6;
		}
	return n >= 3;
}

static void build(fixctx *f)
{
	gk_table *t = f->t;
	const char *id = t->id;
	f->exact = fen_exact(t);
	if (!strcmp(id, "expenditure_by_function") || !strcmp(id, "general_budget_expenditure") ||
	    !strcmp(id, "government_fund_expenditure") || !strcmp(id, "state_capital_expenditure")) {
		for (int i = 0; i < t->nrow; i++) {
			row_ident(f, i, "total", func_total_parts(t, i), "row");
			row_ident(f, i, "basic_total", FUNC_PARTS_B, "row");
			row_ident(f, i, "basic_total", FUNC_PARTS_PP, "row");
			row_ident(f, i, "project_total", FUNC_PARTS_P, "row");
		}
		tree_idents(f, "func_code", "name", FUNC_COLS);
	} else if (!strcmp(id, "general_budget_basic_expenditure")) {
		for (int i = 0; i < t->nrow; i++)
			row_ident(f, i, "total", BASIC_PARTS, "row");
		tree_idents(f, "econ_code", "econ_name", BASIC_COLS);
	} else if (!strcmp(id, "general_budget_by_economic_class")) {
		gbe_total_idents(f);
		rows_ident_if_usual(f, "basic_total", BASIC_PARTS, "row");
		tree_idents(f, "econ_code", "econ_name", GBE_COLS);
	} else if (!strcmp(id, "expenditure_by_economic_class")) {
		tree_idents(f, "econ_code", "econ_name", ECON_COLS);
	} else if (!strcmp(id, "project_expenditure")) {
		for (int i = 0; i < t->nrow; i++)
			row_ident(f, i, "total", PROJ_PARTS, "row");
		project_idents(f);
		unit_idents(f);
	} else if (!strcmp(id, "revenue_by_unit")) {
		revenue_idents(f);
	} else if (!strcmp(id, "three_public_expenses")) {
		for (int i = 0; i < t->nrow; i++) {
			row_ident(f, i, "total", THREE_PARTS, "row");
			row_ident(f, i, "vehicle_total", THREE_VEH, "row");
		}
	}
}

/* ---- solving ------------------------------------------------------------ */

static int val(const gk_table *t, int i, int c, long long *v, int *dec)
{
	const char *s = t->rows[i][c];
	if (gk_ocr_blank(s)) {
		*v = 0;
		*dec = 0;
		return 1;
	}
	return gk_chk_parse(s, v, dec) == 1;
}

/* Σ sign * value; 0 when a term is not a number.  *tol: one unit of the
 * coarsest precision printed (rounding is the document's, not OCR's) */
static int residual(const fixctx *f, const ident *x, long long *res, long long *tol)
{
	long long s = 0;
	int mindec = 6;
	for (int k = 0; k < x->n; k++) {
		long long v;
		int d;
		if (!val(f->t, x->row[k], x->col[k], &v, &d))
			return 0;
		if (!gk_ocr_blank(f->t->rows[x->row[k]][x->col[k]]) && d < mindec)
			mindec = d;
		s += x->sign[k] * v;
	}
	static const long long P10[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
	*res = s;
	*tol = mindec < 0 || f->exact ? 0 : P10[GK_CHK_SCALE - mindec];
	return 1;
}

static int broken(const fixctx *f, const ident *x)
{
	long long r, tol;
	return residual(f, x, &r, &tol) && (r > tol || r < -tol);
}

void gk_ocr_row_fit(gk_table *t, int row, gk_row_fit *out)
{
	memset(out, 0, sizeof *out);
	fixctx f = {NULL, t, NULL, 0, 0, NULL, 0};
	build(&f);
	for (int k = 0; k < f.nid; k++) {
		const ident *x = &f.id[k];
		int on = 0, all = 1;
		for (int j = 0; j < x->n; j++)
			on |= x->row[j] == row, all &= x->row[j] == row;
		if (!on)
			continue;
		long long res, tol;
		if (!residual(&f, x, &res, &tol)) {
			out->broken++;
			out->row_broken += all;
			continue;
		}
		int bad = res > tol || res < -tol;
		out->broken += bad;
		out->held += !bad;
		out->row_broken += bad && all;
		out->col_held += !bad && !all;
		for (int j = 0; j < x->n; j++) {
			int c = x->col[j];
			if (x->row[j] != row || c >= GK_FIT_COLS)
				continue;
			if (!bad) {
				out->nheld[c]++;
				continue;
			}
			/* the value the identity solves the cell to */
			long long v;
			int d;
			if (out->nwant[c] < GK_FIT_WANTS && val(t, row, c, &v, &d))
				out->want[c][out->nwant[c]++] = v - x->sign[j] * res;
		}
	}
	free(f.id);
}

/* edit distance of two short strings (bytes), capped at 3 */
int gk_short_edits(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b);
	if (n > 30 || m > 30)
		return 3;
	int d[32][32];
	for (size_t i = 0; i <= n; i++)
		d[i][0] = (int)i;
	for (size_t j = 0; j <= m; j++)
		d[0][j] = (int)j;
	for (size_t i = 1; i <= n; i++)
		for (size_t j = 1; j <= m; j++) {
			int c = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
			if (d[i - 1][j] + 1 < c)
				c = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < c)
				c = d[i][j - 1] + 1;
			d[i][j] = c;
		}
	return d[n][m] > 3 ? 3 : d[n][m];
}

/* Could OCR have read `want` as `read`?  Their digits (point and sign
 * aside) differ by at most two edits, or are the same and read lost
 * want's point. */
static int misreading(const char *read, const char *want)
{
	char a[40], b[40];
	size_t n = 0, m = 0;
	for (const char *p = read; *p && n + 1 < sizeof a; p++)
		if (*p >= '0' && *p <= '9')
			a[n++] = *p;
	for (const char *p = want; *p && m + 1 < sizeof b; p++)
		if (*p >= '0' && *p <= '9')
			b[m++] = *p;
	a[n] = b[m] = 0;
	/* the same digits: a point OCR dropped ("100" for 10.0) */
	if (!strcmp(a, b))
		return !strchr(read, '.') && strchr(want, '.');
	return gk_short_edits(a, b) <= 2;
}

/* Did OCR lose the head of `want` reading `read`: read's digits, two at
 * least (leading zeros and point aside), the tail of want's, which has
 * more (146.538957 read 0.000057; 134.25 read 0.25)? */
static int lost_head(const char *read, const char *want)
{
	char a[40], b[40];
	size_t n = 0, m = 0;
	for (const char *p = read; *p && n + 1 < sizeof a; p++)
		if (*p >= '0' && *p <= '9' && (n || *p != '0'))
			a[n++] = *p;
	for (const char *p = want; *p && m + 1 < sizeof b; p++)
		if (*p >= '0' && *p <= '9' && (m || *p != '0'))
			b[m++] = *p;
	a[n] = b[m] = 0;
	/* (trailing zeros are the decimals printed, not digits read) */
	while (n > 0 && m > 0 && a[n - 1] == '0' && b[m - 1] == '0')
		a[--n] = 0, b[--m] = 0;
	return n >= 2 && m > n && !strcmp(b + m - n, a);
}

/* Does t print its figures in 元 (put in 万元): a head printing 元, not
 * 万元 or 亿元? */
static int printed_in_yuan(const gk_table *t)
{
	return t->unit && strstr(t->unit, "元") && !strstr(t->unit, "万元") && !strstr(t->unit, "亿元");
}

/* Did OCR lose a group of three digits of want (scaled, millionths of
 * 万元: fen of 元) reading read, a figure of a table printed in 元: the
 * same fen, and want's yuan without one of its groups read's (20,000.00
 * read 20.00; 1,234,567 read 1,567)? */
static int lost_group(long long read, long long want)
{
	if (read < 0 || want <= read || read % 100 != want % 100)
		return 0;
	char r[32], w[32];
	snprintf(r, sizeof r, "%lld", read / 100);
	snprintf(w, sizeof w, "%lld", want / 100);
	size_t n = strlen(w);
	for (size_t g = 3; g <= n; g += 3) {
		char cut[32];
		size_t at = n - g;
		snprintf(cut, sizeof cut, "%.*s%s", (int)at, w, w + at + 3);
		const char *c = cut;
		while (c[0] == '0' && c[1])
			c++;
		if (!strcmp(c, r))
			return 1;
		/* (the head's groups lost: 17,744,500.00 read 500.00) */
		c = w + at;
		while (c[0] == '0' && c[1])
			c++;
		if (at && !strcmp(c, r))
			return 1;
	}
	return 0;
}

static void cell_name(const gk_table *t, int i, int c, char *out, size_t n)
{
	/* a project by its name: its unit's name is every project's */
	static const char *const keys[] = {"project_name", "func_code", "econ_code", "unit_code", "name",
	                                   "econ_name", "unit_name", "item", NULL};
	const char *lab = "";
	for (int k = 0; keys[k]; k++) {
		int j = gk_table_col(t, keys[k]);
		if (j >= 0 && !gk_ocr_blank(t->rows[i][j])) {
			lab = t->rows[i][j];
			break;
		}
	}
	/* a code printed on several rows (30113 over 50103 and over 50501 in
	 * a 基本支出表) names its row with its label and its 政府经济分类 code */
	int k = gk_table_col(t, "econ_code"), g = gk_table_col(t, "gov_econ_code"), l = gk_table_col(t, "econ_name");
	int again = 0;
	for (int j = 0; k >= 0 && g >= 0 && lab == t->rows[i][k] && j < t->nrow && !again; j++)
		again = j != i && !strcmp(t->rows[j][k], lab);
	if (again)
		snprintf(out, n, "%s %s %s/%s", lab, l >= 0 ? t->rows[i][l] : "", t->rows[i][g], t->cols.v[c]);
	else
		snprintf(out, n, "%s/%s", *lab ? lab : "?", t->cols.v[c]);
}

/* The decimals most figures of column c print (rows other than `skip`
 * with a point; at least three of them, two thirds alike), else -1. */
static int column_decimals(const gk_table *t, int c, int skip)
{
	int hist[4] = {0}, n = 0;
	for (int i = 0; i < t->nrow; i++) {
		const char *p = i == skip ? NULL : strchr(t->rows[i][c], '.');
		if (!p)
			continue;
		size_t d = strlen(p + 1);
		n++;
		if (d < 4)
			hist[d]++;
	}
	int best = 1;
	for (int d = 1; d < 4; d++)
		if (hist[d] > hist[best])
			best = d;
	return n >= 3 && hist[best] * 3 >= n * 2 ? best : -1;
}

/* a and b have the same digits (points and signs aside) */
static int same_digits(const char *a, const char *b)
{
	for (;;) {
		while (*a && (*a < '0' || *a > '9'))
			a++;
		while (*b && (*b < '0' || *b > '9'))
			b++;
		if (*a != *b)
			return 0;
		if (!*a)
			return 1;
		a++, b++;
	}
}

/* One round: fix what two identities confirm.  Returns fixes made. */
static int solve_round(fixctx *f, const confmap *cm)
{
	gk_table *t = f->t;
	int fixed = 0;
	char *bad = gk_calloc((size_t)(f->nid ? f->nid : 1), 1);
	for (int k = 0; k < f->nid; k++)
		bad[k] = (char)broken(f, &f->id[k]);
	for (int k = 0; k < f->nid; k++) {
		if (!bad[k])
			continue;
		const ident *x = &f->id[k];
		for (int a = 0; a < x->n; a++) {
			int ri = x->row[a], ci = x->col[a];
			const char *read = t->rows[ri][ci];
			if (gk_ocr_blank(read))
				continue;
			long long cur;
			int dec;
			if (!val(t, ri, ci, &cur, &dec))
				continue;
			/* the value this identity wants for the cell */
			long long res, tol;
			if (!residual(f, x, &res, &tol))
				continue;
			long long want = cur - x->sign[a] * res;
			if (want < 0)
				continue;
			/* with the decimals printed; a figure read without its point
			 * ("100" for 10.0) with one or two more */
			char ws[48];
			int ok = 0, nopoint = !strchr(read, '.'), d0 = dec;
			for (int b = 0; nopoint && b < x->n; b++) {
				long long v2;
				int d2;
				if (!gk_ocr_blank(t->rows[x->row[b]][x->col[b]]) && val(t, x->row[b], x->col[b], &v2, &d2) && d2 > d0 &&
				    d2 <= 2)
					d0 = d2; /* as its identity's other figures print */
			}
			for (int wd = d0; wd <= (nopoint ? 2 : dec) && !ok; wd++) {
				gk_chk_format(want, wd, ws, sizeof ws);
				long long back;
				int bdec;
				ok = gk_chk_parse(ws, &back, &bdec) == 1 && back == want;
			}
			if (!ok)
				continue; /* not expressible with the decimals printed */
			if (!misreading(read, ws))
				continue;
			/* a second broken identity of the cell must want the same,
			 * to its rounding: a column sum over figures each rounded to
			 * the printed decimal may be a unit off (Σ 28.9 for 29.0) */
			int confirm = 0;
			for (int q = 0; q < f->nid && !confirm; q++) {
				if (q == k || !bad[q])
					continue;
				const ident *y = &f->id[q];
				for (int b = 0; b < y->n; b++)
					if (y->row[b] == ri && y->col[b] == ci) {
						long long r2, t2;
						if (residual(f, y, &r2, &t2)) {
							long long after = r2 + y->sign[b] * (want - cur);
							confirm = after <= t2 && after >= -t2;
						}
						break;
					}
			}
			/* a figure read without its point whose identity wants the
			 * same digits with the point where its column prints it:
			 * the column's figures confirm it */
			if (!confirm && nopoint && strchr(ws, '.') && column_decimals(t, ci, ri) == (int)strlen(strchr(ws, '.') + 1))
				confirm = same_digits(read, ws);
			if (!confirm)
				continue;
			/* try it: it must mend its identity and break none that held;
			 * one broken before may stay broken, holding another
			 * misreading (深圳's 款 and one of its 项 both lost their heads;
			 * a column sum over several figures that lost their points) */
			char *old = gk_strdup(read);
			gk_table_set(t, ri, ci, ws);
			int worse = broken(f, x);
			for (int q = 0; q < f->nid && !worse; q++)
				for (int b = 0; b < f->id[q].n; b++)
					if (f->id[q].row[b] == ri && f->id[q].col[b] == ci) {
						if (!bad[q] && broken(f, &f->id[q]))
							worse = 1;
						break;
					}
			if (worse) {
				gk_table_set(t, ri, ci, old);
				free(old);
				continue;
			}
			char name[160], found[80];
			cell_name(t, ri, ci, name, sizeof name);
			float cf = confmap_get(cm, old);
			if (cf >= 0)
				snprintf(found, sizeof found, "%s (confidence %.0f)", old, cf);
			else
				snprintf(found, sizeof found, "%s", old);
			gk_result_add_check(f->r, t->id, "ocr:corrected", name, ws, found, "corrected");
			gk_result_check_at(f->r, t, ri);
			free(old);
			fixed++;
			for (int q = 0; q < f->nid; q++)
				bad[q] = (char)broken(f, &f->id[q]);
			break;
		}
	}
	free(bad);
	return fixed;
}

/* Does column c of t hold amounts: a figure with a point among cells
 * that mostly parse as figures (codes print none) */
int gk_ocr_amount_col(const gk_table *t, int c)
{
	int num = 0, text = 0, point = 0;
	for (int i = 0; i < t->nrow; i++) {
		const char *s = t->rows[i][c];
		long long v;
		int d;
		if (gk_ocr_blank(s))
			continue;
		if (gk_chk_parse(s, &v, &d) == 1)
			num++, point |= strchr(s, '.') != NULL;
		else
			text++;
	}
	return point && num > text;
}

/* The decimals most of t's figures print (two thirds of those with a
 * point, at least three), else -1; *zero: one of them ends in 0, as
 * only a table printed with fixed decimals prints it (Excel's general
 * format prints 12.5 beside 12.55) */
static int table_decimals(const gk_table *t, int *zero)
{
	int hist[8] = {0}, z[8] = {0}, n = 0;
	for (int c = 0; c < t->cols.n; c++) {
		if (!gk_ocr_amount_col(t, c))
			continue;
		for (int i = 0; i < t->nrow; i++) {
			const char *p = strchr(t->rows[i][c], '.');
			long long v;
			int d;
			if (!p || gk_chk_parse(t->rows[i][c], &v, &d) != 1)
				continue;
			size_t k = strlen(p + 1);
			k = k < 8 ? k : 7;
			n++;
			hist[k]++;
			z[k] |= k && p[k] == '0';
		}
	}
	int best = 1;
	for (int d = 1; d < 7; d++)
		if (hist[d] > hist[best])
			best = d;
	*zero = z[best];
	return n >= 3 && hist[best] * 3 >= n * 2 ? best : -1;
}

/* Is cell (ri, ci) printed with other decimals than its table's dec:
 * a digit lost or gained (23.0 for 23.01, 12572.731) or its point (a
 * zero aside, which some tables print bare) */
static int odd_decimals(const gk_table *t, int ri, int ci, int dec)
{
	const char *s = t->rows[ri][ci];
	long long v;
	int d;
	if (dec < 1 || gk_ocr_blank(s) || gk_chk_parse(s, &v, &d) != 1 || !v)
		return 0;
	const char *p = strchr(s, '.');
	return !p || (int)strlen(p + 1) != dec;
}

/* Does t print its figures in 元, put in 万元 with their trailing zeros
 * dropped: three figures or more with more decimals than its usual dec,
 * up to the fen (six), and none of them ending in 0 (西安's 22420.4336 for
 * 224,204,336.00 元 beside 1864.08)?  Such a figure's decimals are its
 * own, no digit OCR made up. */
static int trimmed_yuan(const gk_table *t, int dec)
{
	/* a head that prints 万元 (or 亿元) says its figures are not 元's */
	if (t->unit && (strstr(t->unit, "万元") || strstr(t->unit, "亿元")))
		return 0;
	int n = 0;
	for (int c = 0; c < t->cols.n; c++)
		for (int i = 0; i < t->nrow && gk_ocr_amount_col(t, c); i++) {
			const char *p = strchr(t->rows[i][c], '.');
			size_t d = p ? strlen(p + 1) : 0;
			if (!p || d <= (size_t)dec || d > GK_CHK_SCALE)
				continue;
			if (p[d] == '0')
				return 0;
			n++;
		}
	return n >= 3;
}

/* Does an identity of f that holds to the unit hold cell (ri, ci), or
 * another table print it alike (f->xc)?  A
 * sum of two figures or more does; a copy (a 类 of one 款, a total of
 * one part) only of a figure OCR read surely: the same print read twice
 * may be misread alike (江苏's 住房保障支出 and its one 款 both 247.04 for
 * 2247.04, confidence 11). */
static int held_exactly(const fixctx *f, const confmap *cm, int ri, int ci)
{
	if (xconf_has(f->xc, f->t, ri, ci))
		return 1; /* another table prints it alike */
	for (int k = 0; k < f->nid; k++) {
		const ident *x = &f->id[k];
		for (int a = 0; a < x->n; a++) {
			long long res, tol;
			if (x->row[a] != ri || x->col[a] != ci || !residual(f, x, &res, &tol) || res)
				continue;
			int terms = 0;
			for (int b = 0; b < x->n; b++)
				terms += !gk_ocr_blank(f->t->rows[x->row[b]][x->col[b]]);
			if (terms >= 3 || confmap_get(cm, f->t->rows[ri][ci]) >= SURE)
				return 1;
		}
	}
	return 0;
}

/* The value broken identity k of f wants for its a-th cell */
static long long wanted(const fixctx *f, int k, int a)
{
	const ident *x = &f->id[k];
	long long cur, res, tol;
	int d;
	if (!val(f->t, x->row[a], x->col[a], &cur, &d) || !residual(f, x, &res, &tol))
		return LLONG_MIN;
	return cur - x->sign[a] * res;
}

/* Does row i of t print the figure v (the figure a blank cell lost,
 * printed in its row's total: 重庆's 2080505 basic_total) */
static int in_row(const gk_table *t, int i, long long v)
{
	for (int c = 0; c < t->cols.n; c++) {
		long long w;
		int d;
		if (v && gk_chk_parse(t->rows[i][c], &w, &d) == 1 && w == v && gk_ocr_amount_col(t, c))
			return 1;
	}
	return 0;
}

/* Does row i print no amount but zeros (blank cells aside)? */
static int zeros_only(const gk_table *t, int i)
{
	for (int c = 0; c < t->cols.n; c++) {
		long long v;
		int d;
		if (gk_ocr_amount_col(t, c) && gk_chk_parse(t->rows[i][c], &v, &d) == 1 && v)
			return 0;
	}
	return 1;
}

/* Could broken identity k's a-th cell have been misread from the value
 * the identity wants for it: a printed figure a digit or two, or a point,
 * from it (either way), a blank one the figure its row prints (lost) */
static int could_be_misread(const fixctx *f, int k, int a)
{
	const ident *x = &f->id[k];
	const char *read = f->t->rows[x->row[a]][x->col[a]];
	long long w = wanted(f, k, a), cur;
	int dec;
	if (w == LLONG_MIN || w < 0)
		return 0;
	if (gk_ocr_blank(read))
		return in_row(f->t, x->row[a], w);
	if (!val(f->t, x->row[a], x->col[a], &cur, &dec))
		return 1; /* not a figure: garbage */
	/* a zero on a row that prints nothing but zeros, where its sum wants
	 * a figure: the row's figures lost, a 0.00 of another column slid
	 * into this one (上海普陀 决算's 事业单位离退休 28.11 read 0.00) */
	if (!cur && w > 0 && zeros_only(f->t, x->row[a]))
		return 1;
	char ws[48];
	gk_chk_format(w, dec < 2 ? 2 : dec, ws, sizeof ws);
	/* (a table in 元: a group of digits lost, 20,000.00 read 20.00) */
	return misreading(read, ws) || misreading(ws, read) || lost_head(read, ws) ||
	       (printed_in_yuan(f->t) && lost_group(cur, w));
}

/* Of broken identity k of f, the cells to flag (pick[a]): a blank cell
 * it wants the figure its row prints as its total for, or a cell a
 * second broken identity wants the same value for (it alone explains
 * both: 重庆's 公务用车运行维护费 0.59 breaking its row and its 类, the
 * other 款 of the 类 right), even one left blank (a figure lost);
 * else the printed cells no other identity holds to the unit; all of
 * them when each is held so (a figure misread alike in two places holds
 * its row). */
static void suspects(const fixctx *f, const confmap *cm, const char *bad, int k, char *pick)
{
	const ident *x = &f->id[k];
	int any = 0, open = 0;
	char held[MAXTERM];
	for (int a = 0; a < x->n; a++) {
		long long w = wanted(f, k, a);
		pick[a] = w != LLONG_MIN && gk_ocr_blank(f->t->rows[x->row[a]][x->col[a]]) && in_row(f->t, x->row[a], w);
		for (int q = 0; q < f->nid && !pick[a] && w != LLONG_MIN; q++) {
			if (q == k || !bad[q])
				continue;
			for (int b = 0; b < f->id[q].n; b++)
				if (f->id[q].row[b] == x->row[a] && f->id[q].col[b] == x->col[a]) {
					pick[a] = wanted(f, q, b) == w;
					break;
				}
		}
		any |= pick[a];
	}
	if (any)
		return;
	/* a sum over rows, its whole read surely or held by another sum or
	 * table, no cell of which could be misread from the figure it wants
	 * (a digit or two, a point): rows lost or not its own, no figure
	 * misread (广州统计's 302 over the 款 of one page, the others lost):
	 * its whole alone.  (A row's sum flags its row either way; a whole
	 * read unsurely may be one misreading of two: 江苏's garbled 合计
	 * beside its 221 read 247.04) */
	const char *whole = f->t->rows[x->row[0]][x->col[0]];
	int misread = !strcmp(x->name, "row") ||
	              (confmap_get(cm, whole) < SURE && !held_exactly(f, cm, x->row[0], x->col[0]));
	for (int a = 0; a < x->n && !misread; a++)
		misread = could_be_misread(f, k, a);
	if (!misread) {
		for (int a = 0; a < x->n; a++)
			pick[a] = a == 0 && !gk_ocr_blank(f->t->rows[x->row[a]][x->col[a]]);
		return;
	}
	for (int a = 0; a < x->n; a++) {
		held[a] = (char)held_exactly(f, cm, x->row[a], x->col[a]);
		open |= !held[a] && !gk_ocr_blank(f->t->rows[x->row[a]][x->col[a]]);
	}
	/* of a sum over rows, the open cells that could be misread from the
	 * figure it wants or that OCR read unsurely, when only some are and one
	 * of them looks misread from it: a
	 * figure read surely and nothing like what its sum wants is no
	 * misreading of it (广州科技's 款 of 302 beside its 其他交通费用 read
	 * 0.25 for 134.25) */
	if (open && strcmp(x->name, "row")) {
		int ncand = 0, nopen = 0, shaped = 0;
		for (int a = 0; a < x->n; a++) {
			const char *s = f->t->rows[x->row[a]][x->col[a]];
			int like = !gk_ocr_blank(s) && !held[a] && could_be_misread(f, k, a);
			pick[a] = like || (!gk_ocr_blank(s) && !held[a] && confmap_get(cm, s) < SURE);
			shaped += like;
			ncand += pick[a];
			nopen += !gk_ocr_blank(s) && !held[a];
		}
		if (shaped && ncand < nopen)
			return;
	}
	/* every cell held by a copy (a row read alike twice, surely), in a
	 * table printed in 元: those that lost a group of digits from what
	 * the sum wants, when some did (20,000.00 read 20.00 under both 合计
	 * and 人员经费) */
	if (!open && printed_in_yuan(f->t)) {
		int lost = 0, nb = 0;
		for (int a = 0; a < x->n; a++) {
			long long cur, w = wanted(f, k, a);
			int d;
			pick[a] = !gk_ocr_blank(f->t->rows[x->row[a]][x->col[a]]) && w != LLONG_MIN &&
			          val(f->t, x->row[a], x->col[a], &cur, &d) && lost_group(cur, w);
			lost += pick[a];
			nb += !gk_ocr_blank(f->t->rows[x->row[a]][x->col[a]]);
		}
		if (lost && lost < nb)
			return;
	}
	for (int a = 0; a < x->n; a++)
		pick[a] = !gk_ocr_blank(f->t->rows[x->row[a]][x->col[a]]) && !(open && held[a]);
}

static int flagged(const gk_result *r, const gk_table *t, int ri, int ci);

static void flag_cell(fixctx *f, const confmap *cm, int ri, int ci, const char *check, const char *expected)
{
	char name[160], found[80];
	const char *s = f->t->rows[ri][ci];
	cell_name(f->t, ri, ci, name, sizeof name);
	float cf = gk_ocr_blank(s) ? -1 : confmap_get(cm, s); /* blank: a figure lost */
	if (cf >= 0)
		snprintf(found, sizeof found, "%s (confidence %.0f)", s, cf);
	else
		snprintf(found, sizeof found, "%s", s);
	gk_result_add_check(f->r, f->t->id, check, name, expected, found, "fail");
	gk_result_check_at(f->r, f->t, ri);
}

/* The cells of f's table (row * ncol + col) an identity holding to the
 * unit with three printed terms or more holds, or a copy of such a cell
 * (an identity of two printed terms holding to the unit: a 款 of one 项),
 * and so on down the copies */
static char *summed_cells(const fixctx *f)
{
	const gk_table *t = f->t;
	char *h = gk_calloc((size_t)(t->nrow * t->cols.n + 1), 1);
	for (int more = 1, pass = 0; more && pass < 16; pass++) {
		more = 0;
		for (int k = 0; k < f->nid; k++) {
			const ident *x = &f->id[k];
			long long res, tol;
			int terms = 0, any = 0;
			if (!residual(f, x, &res, &tol) || res)
				continue;
			for (int a = 0; a < x->n; a++)
				if (!gk_ocr_blank(t->rows[x->row[a]][x->col[a]]))
					terms++, any |= h[x->row[a] * t->cols.n + x->col[a]];
			if (terms < 2 || (terms == 2 && !any))
				continue;
			for (int a = 0; a < x->n; a++) {
				char *c = &h[x->row[a] * t->cols.n + x->col[a]];
				if (!*c && !gk_ocr_blank(t->rows[x->row[a]][x->col[a]]))
					*c = 1, more = 1;
			}
		}
	}
	return h;
}

/* Is cell (ri, ci) among the n cells flag() has flagged so far? */
static int seen_cell(int (*seen)[2], int n, int ri, int ci)
{
	for (int q = 0; q < n; q++)
		if (seen[q][0] == ri && seen[q][1] == ci)
			return 1;
	return 0;
}

/* flag every OCR'd cell of an identity still broken; then each figure
 * printed with other decimals than the rest of its table (a digit OCR
 * lost or made up, which a rounding tolerance lets pass) that no
 * identity confirms to the unit: in a table without identities (the
 * summaries) nothing else would */
static void flag(fixctx *f, const confmap *cm, unsigned fixed)
{
	gk_table *t = f->t;
	int n = 0, cap = 0;
	int(*seen)[2] = NULL;
	char *bad = gk_calloc((size_t)(f->nid ? f->nid : 1), 1);
	for (int k = 0; k < f->nid; k++)
		bad[k] = (char)broken(f, &f->id[k]);
	char *summed = summed_cells(f);
	for (int k = 0; k < f->nid; k++) {
		const ident *x = &f->id[k];
		/* a figure without a point in a column that prints decimals is
		 * suspect even where its identities hold: the same figure
		 * misread twice in one row ("862" for 86.2, total and fund);
		 * not where a sum of other figures holds it (上海信访's 196 for
		 * 196.0000, its 类 199.6 = 196 + 3.6) */
		int whole = bad[k];
		char pick[MAXTERM];
		if (whole)
			suspects(f, cm, bad, k, pick);
		for (int a = 0; a < x->n; a++) {
			int ri = x->row[a], ci = x->col[a];
			const char *s = t->rows[ri][ci];
			if (whole ? !pick[a]
			          : gk_ocr_blank(s) || strchr(s, '.') || column_decimals(t, ci, ri) < 1 || summed[ri * t->cols.n + ci])
				continue;
			if (seen_cell(seen, n, ri, ci))
				continue;
			if (n == cap) {
				cap = cap ? cap * 2 : 32;
				seen = gk_realloc(seen, (size_t)cap * sizeof *seen);
			}
			seen[n][0] = ri, seen[n][1] = ci, n++;
			flag_cell(f, cm, ri, ci, "ocr:suspect", "");
		}
	}
	int zero, dec = table_decimals(t, &zero);
	/* a table of too few figures to tell (江苏政协's 收入表 of one row:
	 * 13,297.11 read 13.2917 beside 80.00) prints its head's 万元 as the
	 * document's other tables do, when they all print one count */
	if (dec < 1 && t->unit && strstr(t->unit, "万元") && fixed && !(fixed & (fixed - 1)))
		for (dec = 1; !(fixed >> dec & 1); dec++)
			;
	if (dec < 1 || !(fixed >> dec & 1))
		dec = -1;
	int yuan = dec >= 1 && trimmed_yuan(t, dec);
	for (int ci = 0; dec >= 1 && ci < t->cols.n; ci++) {
		if (!gk_ocr_amount_col(t, ci))
			continue;
		for (int ri = 0; ri < t->nrow; ri++) {
			if (!odd_decimals(t, ri, ci, dec))
				continue;
			const char *pt = strchr(t->rows[ri][ci], '.');
			if (yuan && pt && strlen(pt + 1) > (size_t)dec && strlen(pt + 1) <= GK_CHK_SCALE)
				continue;
			int dup = seen_cell(seen, n, ri, ci);
			/* a figure without its point agrees with itself misread twice */
			if (dup || (strchr(t->rows[ri][ci], '.') && held_exactly(f, cm, ri, ci)))
				continue;
			char want[32];
			snprintf(want, sizeof want, "%d decimals", dec);
			flag_cell(f, cm, ri, ci, "ocr:decimals", want);
		}
	}
	/* a figure finer than the fen (万元 with seven decimals or more) is
	 * no amount: a 元 figure whose comma OCR read as a point */
	for (int ci = 0; !strstr(t->id, "performance") && ci < t->cols.n; ci++) {
		if (!gk_ocr_amount_col(t, ci))
			continue;
		for (int ri = 0; ri < t->nrow; ri++) {
			const char *p = strchr(t->rows[ri][ci], '.');
			long long v;
			int d;
			if (!p || strlen(p + 1) <= GK_CHK_SCALE || gk_chk_parse(t->rows[ri][ci], &v, &d) != 1)
				continue;
			int dup = seen_cell(seen, n, ri, ci);
			if (!dup && !flagged(f->r, t, ri, ci))
				flag_cell(f, cm, ri, ci, "ocr:decimals", "at most 6 decimals (the fen)");
		}
	}
	free(bad);
	free(seen);
	free(summed);
}

/* ---- shared with ocrsep.c ---------------------------------------------- */

int gk_ocr_flagged(const gk_result *r, const gk_table *t, int ri, int ci)
{
	return flagged(r, t, ri, ci);
}

void gk_ocr_with_conf(const char *s, float cf, char *out, size_t n)
{
	if (cf >= 0)
		snprintf(out, n, "%s (confidence %.0f)", s, cf);
	else
		snprintf(out, n, "%s", s);
}

void gk_ocr_flag(gk_result *r, gk_table *t, int ri, int ci, const char *check, const char *expected, float conf)
{
	char name[160], found[80];
	cell_name(t, ri, ci, name, sizeof name);
	gk_ocr_with_conf(t->rows[ri][ci], conf, found, sizeof found);
	gk_result_add_check(r, t->id, check, name, expected, found, "fail");
	gk_result_check_at(r, t, ri);
}

void gk_ocr_record_fix(gk_result *r, gk_table *t, int ri, int ci, const char *read, float conf)
{
	char name[160], found[80];
	cell_name(t, ri, ci, name, sizeof name);
	gk_ocr_with_conf(read, conf, found, sizeof found);
	gk_result_add_check(r, t->id, "ocr:corrected", name, t->rows[ri][ci], found, "corrected");
	gk_result_check_at(r, t, ri);
}

/* Does identity x of f hold to the unit, exactly? */
static int holds_exactly(const fixctx *f, const ident *x)
{
	long long res, tol;
	return residual(f, x, &res, &tol) && !res;
}

int gk_ocr_held(gk_table *t, int ri, int ci)
{
	fixctx f = {NULL, t, NULL, 0, 0, NULL, 0};
	build(&f);
	int held = 0;
	for (int k = 0; k < f.nid && !held; k++) {
		const ident *x = &f.id[k];
		int on = 0, terms = 0;
		for (int a = 0; a < x->n; a++) {
			on |= x->row[a] == ri && x->col[a] == ci;
			terms += !gk_ocr_blank(t->rows[x->row[a]][x->col[a]]);
		}
		held = on && terms >= 3 && holds_exactly(&f, x);
	}
	free(f.id);
	return held;
}

int gk_ocr_try_cells(gk_table *t, int row, int n, const int *cols, char (*vals)[48])
{
	fixctx f = {NULL, t, NULL, 0, 0, NULL, 0};
	build(&f);
	char *held = gk_calloc((size_t)(f.nid ? f.nid : 1), 1);
	char **old = gk_calloc((size_t)(n ? n : 1), sizeof *old);
	for (int k = 0; k < f.nid; k++)
		held[k] = (char)!broken(&f, &f.id[k]);
	for (int k = 0; k < n; k++) {
		old[k] = gk_strdup(t->rows[row][cols[k]]);
		gk_table_set(t, row, cols[k], vals[k]);
	}
	/* no identity that held breaks; each cell written is held by its row
	 * and by a sum over rows (its other terms read on other rows), and
	 * one of the identities holding it was broken as read */
	int ok = 1;
	for (int k = 0; k < f.nid && ok; k++)
		ok = !held[k] || !broken(&f, &f.id[k]);
	for (int q = 0; q < n && ok; q++) {
		int by_row = 0, by_sum = 0, mended = 0;
		if (gk_ocr_blank(vals[q]))
			continue; /* a figure placed elsewhere */
		for (int k = 0; k < f.nid; k++) {
			const ident *x = &f.id[k];
			int on = 0, terms = 0;
			for (int a = 0; a < x->n; a++) {
				on |= x->row[a] == row && x->col[a] == cols[q];
				terms += !gk_ocr_blank(t->rows[x->row[a]][x->col[a]]);
			}
			if (!on || !holds_exactly(&f, x))
				continue;
			if (!strcmp(x->name, "row"))
				by_row = 1;
			else if (terms >= 2)
				by_sum = 1; /* (its other terms on other rows: read apart) */
			mended |= !held[k];
		}
		ok = by_row && by_sum && mended;
	}
	for (int k = 0; k < n; k++) {
		if (!ok)
			gk_table_set(t, row, cols[k], old[k]);
		free(old[k]);
	}
	free(old);
	free(held);
	free(f.id);
	return ok;
}

/* ---- a summary's lines against the function tables -------------------- */

/* A line's label without its ordinal ("一、", "（二）", "3.") and spaces */
static void bare_name(const char *s, char *out, size_t n)
{
	static const char *const ORD[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", NULL};
	const char *p = s;
	while (*p == ' ')
		p++;
	if (!strncmp(p, "（", 3) || *p == '(') {
		const char *q = strstr(p, "）"), *q2 = strchr(p, ')');
		if (q2 && (!q || q2 < q))
			q = q2, q2 = q + 1;
		else if (q)
			q2 = q + 3;
		if (q && q - p <= 12)
			p = q2;
	} else {
		const char *q = p;
		for (int more = 1; more;) {
			more = 0;
			for (int k = 0; ORD[k]; k++)
				if (!strncmp(q, ORD[k], strlen(ORD[k])))
					q += strlen(ORD[k]), more = 1;
			while (*q >= '0' && *q <= '9')
				q++, more = 1;
			if (!more)
				break;
		}
		if (q > p && (!strncmp(q, "、", 3) || !strncmp(q, "．", 3)))
			p = q + 3;
		else if (q > p && *q == '.' && (q[1] < '0' || q[1] > '9'))
			p = q + 1;
	}
	size_t k = 0;
	for (; *p && k + 1 < n; p++)
		if (*p != ' ')
			out[k++] = *p;
	out[k] = 0;
}

/* The key of row i of t: its code's digits (code column `code`) when it
 * prints one, else its label (column `lab`) bare; "" when neither */
static void row_key(const gk_table *t, int i, const char *code, const char *lab, char *out, size_t n)
{
	int cc = code ? gk_table_col(t, code) : -1, lc = gk_table_col(t, lab);
	char d[32];
	out[0] = 0;
	if (cc >= 0 && gk_code_digits(t->rows[i][cc], d, sizeof d) > 0)
		snprintf(out, n, "#%s", d);
	else if (lc >= 0)
		bare_name(t->rows[i][lc], out, n);
	/* a summary's line printed under several heads (西安's (2)商品和服务支出
	 * under 1、人员经费和公用经费支出 and under 2、专项业务经费支出): named
	 * by its head too, the nearest line above of an ordinal 、 */
	int sc = gk_table_col(t, "side");
	if (sc < 0 || lc < 0 || !*out)
		return;
	int twice = 0;
	for (int j = 0; j < t->nrow && !twice; j++) {
		char o[400];
		if (j == i || strcmp(t->rows[j][sc], t->rows[i][sc]))
			continue;
		bare_name(t->rows[j][lc], o, sizeof o);
		twice = !strcmp(o, out);
	}
	for (int j = i - 1; twice && j >= 0 && !strcmp(t->rows[j][sc], t->rows[i][sc]); j--) {
		const char *l = t->rows[j][lc], *q = l;
		while ((*q >= '0' && *q <= '9') || !strncmp(q, "一", 3) || !strncmp(q, "二", 3) || !strncmp(q, "三", 3))
			q += *q >= '0' && *q <= '9' ? 1 : 3;
		if (q == l || strncmp(q, "、", 3))
			continue;
		char head[200], own[200];
		bare_name(l, head, sizeof head);
		snprintf(own, sizeof own, "%s", out);
		snprintf(out, n, "%s/%s", head, own);
		return;
	}
}

typedef char rowkey[400];

/* Every row's key of t (row_key), computed once: a new array of t->nrow
 * (a key looks at the other rows of its side: asked row by row, a
 * table's lines against another's cost the cube of its rows) */
static rowkey *new_row_keys(const gk_table *t, const char *code, const char *lab)
{
	rowkey *k = gk_calloc((size_t)(t->nrow ? t->nrow : 1), sizeof *k);
	for (int i = 0; i < t->nrow; i++)
		row_key(t, i, code, lab, k[i], sizeof k[i]);
	return k;
}

/* The one row of t (of side `side` when not NULL) whose key (of keys,
 * new_row_keys') is key; -1 when none or several */
static int row_keyed_in(const gk_table *t, const rowkey *keys, const char *side, const char *key)
{
	int sc = side ? gk_table_col(t, "side") : -1, found = -1;
	if (!*key)
		return -1;
	for (int i = 0; i < t->nrow; i++) {
		if (side && (sc < 0 || !strstr(t->rows[i][sc], side)))
			continue;
		if (strcmp(keys[i], key))
			continue;
		if (found >= 0)
			return -1;
		found = i;
	}
	return found;
}

static int row_keyed(const gk_table *t, const char *code, const char *lab, const char *side, const char *key)
{
	rowkey *keys = new_row_keys(t, code, lab);
	int i = row_keyed_in(t, keys, side, key);
	free(keys);
	return i;
}

/* Is a fail of OCR's already on cell (ri, ci) of t? */
static int flagged(const gk_result *r, const gk_table *t, int ri, int ci)
{
	char name[160];
	int no = gk_result_row_no(r, t, ri);
	cell_name(t, ri, ci, name, sizeof name);
	/* (a label printed twice names two rows: the row_no tells them apart) */
	for (int i = 0; i < r->ncheck; i++)
		if (!strcmp(r->checks[i].table_id, t->id) && !strcmp(r->checks[i].row, name) &&
		    (!r->checks[i].row_no || r->checks[i].row_no == no) && !strncmp(r->checks[i].check, "ocr:", 4) &&
		    !strcmp(r->checks[i].status, "fail"))
			return 1;
	return 0;
}

/* cell (ri, ci) of t confirmed to the unit by one of its table's identities */
static int confirmed(gk_result *r, gk_table *t, int ri, int ci, const confmap *cm)
{
	fixctx f = {r, t, NULL, 0, 0, NULL, 0};
	build(&f);
	int ok = held_exactly(&f, cm, ri, ci);
	free(f.id);
	return ok;
}

/* Does a broken identity of cell (ri, ci) of t want the value v for it */
static int wants(gk_result *r, gk_table *t, int ri, int ci, long long v)
{
	fixctx f = {r, t, NULL, 0, 0, NULL, 0};
	build(&f);
	int yes = 0;
	for (int k = 0; k < f.nid && !yes; k++)
		for (int a = 0; a < f.id[k].n; a++)
			if (f.id[k].row[a] == ri && f.id[k].col[a] == ci) {
				yes = broken(&f, &f.id[k]) && wanted(&f, k, a) == v;
				break;
			}
	free(f.id);
	return yes;
}

static void cross_flag(gk_result *r, gk_table *t, int ri, int ci, const confmap *cm, const char *other)
{
	if (flagged(r, t, ri, ci))
		return;
	fixctx f = {r, t, NULL, 0, 0, NULL, 0};
	flag_cell(&f, cm, ri, ci, "ocr:cross", other);
}

/* One line printed in two places: column acol of a (its side `side`)
 * and the sum of column bcol of b[0..nb) on the line of the same key. */
typedef struct xline {
	gk_table *a;
	const char *acol, *side, *code, *alab;
	gk_table *b[3];
	int nb;
	const char *bcol, *blab;
	int usual; /* only where most lines agree (tables that need not);
	            * 2: and only a group of digits lost */
} xline;

typedef struct xmatch {
	int ai, bi[3];
	long long av, bv;
} xmatch;

/* the lines of x.a whose figure x.b prints too: their number */
static int xline_match(const xline *x, xmatch **out)
{
	int ac = gk_table_col(x->a, x->acol), n = 0;
	*out = gk_calloc((size_t)(x->a->nrow ? x->a->nrow : 1), sizeof **out);
	if (ac < 0)
		return 0;
	rowkey *akeys = new_row_keys(x->a, x->code, x->alab), *bkeys[3] = {NULL, NULL, NULL};
	for (int k = 0; k < x->nb; k++)
		if (x->b[k] && gk_table_col(x->b[k], x->bcol) >= 0)
			bkeys[k] = new_row_keys(x->b[k], x->code, x->blab);
	for (int i = 0; i < x->a->nrow; i++) {
		xmatch m = {i, {-1, -1, -1}, 0, 0};
		int d, any = 0, bad = 0;
		const char *key = akeys[i];
		if (gk_chk_parse(x->a->rows[i][ac], &m.av, &d) != 1)
			continue;
		if (row_keyed_in(x->a, akeys, x->side, key) != i)
			continue;
		for (int k = 0; k < x->nb; k++) {
			int bc = x->b[k] ? gk_table_col(x->b[k], x->bcol) : -1;
			/* (a summary against a summary: the same side) */
			const char *bs = x->b[k] && gk_table_col(x->b[k], "side") >= 0 ? x->side : NULL;
			m.bi[k] = bc < 0 ? -1 : row_keyed_in(x->b[k], bkeys[k], bs, key);
			if (m.bi[k] < 0)
				continue;
			long long w;
			int q = gk_chk_parse(x->b[k]->rows[m.bi[k]][bc], &w, &d);
			bad |= q < 0;
			if (q == 1)
				m.bv += w, any = 1;
		}
		if (any && !bad)
			(*out)[n++] = m;
	}
	free(akeys);
	for (int k = 0; k < 3; k++)
		free(bkeys[k]);
	return n;
}

/* Where the two differ, each side no identity of its own table confirms
 * is flagged (`ocr:cross`), both when both are confirmed (a summary's
 * line against a function table's; tables that need not agree: none). */
static void xline_check(gk_result *r, const xline *x, const confmap *cm, const char *pages)
{
	if (!x->a || gk_table_col(x->a, x->acol) < 0 || !gk_page_listed(pages, x->a->page))
		return;
	xmatch *m;
	int n = xline_match(x, &m), agree = 0;
	for (int j = 0; j < n; j++)
		agree += m[j].av == m[j].bv;
	if (x->usual && (n < 3 || agree * 3 < n * 2)) {
		free(m);
		return;
	}
	int ac = gk_table_col(x->a, x->acol);
	for (int j = 0; j < n; j++) {
		char es[48], other[160];
		long long v;
		int dec = 2;
		if (m[j].av == m[j].bv)
			continue;
		gk_chk_parse(x->a->rows[m[j].ai][ac], &v, &dec);
		gk_chk_format(m[j].bv, dec, es, sizeof es);
		/* tables that need not agree: only a difference OCR makes (the
		 * 支出总表's line may hold other money than the general budget's) */
		/* (in 元: a group of digits lost, 2,280.00 read 280.00) */
		int lost_a = printed_in_yuan(x->a) && lost_group(m[j].av, m[j].bv);
		int lost_b = printed_in_yuan(x->a) && lost_group(m[j].bv, m[j].av);
		if (x->usual && !misreading(x->a->rows[m[j].ai][ac], es) && !misreading(es, x->a->rows[m[j].ai][ac]) &&
		    !lost_a && !lost_b)
			continue;
		/* the side that lost a group is the one misread: OCR adds none
		 * (two summaries, the one of all money and the 财政拨款 one, may
		 * differ otherwise: that only) */
		if (lost_a) {
			snprintf(other, sizeof other, "%s (%s)", es, x->b[0] ? x->b[0]->id : "?");
			cross_flag(r, x->a, m[j].ai, ac, cm, other);
			continue;
		}
		if (lost_b && x->usual == 2 && x->nb == 1 && x->b[0] && m[j].bi[0] >= 0 &&
		    gk_page_listed(pages, x->b[0]->page)) {
			snprintf(other, sizeof other, "%s (%s)", x->a->rows[m[j].ai][ac], x->a->id);
			cross_flag(r, x->b[0], m[j].bi[0], gk_table_col(x->b[0], x->bcol), cm, other);
			continue;
		}
		if (x->usual == 2)
			continue;
		int bconf = 1, aconf = confirmed(r, x->a, m[j].ai, ac, cm);
		for (int k = 0; k < x->nb; k++)
			if (m[j].bi[k] >= 0 && !gk_ocr_blank(x->b[k]->rows[m[j].bi[k]][gk_table_col(x->b[k], x->bcol)]))
				bconf &= confirmed(r, x->b[k], m[j].bi[k], gk_table_col(x->b[k], x->bcol), cm);
		/* both held by their own tables: the line is not the same line
		 * (a code misread) or holds other money, no figure misread */
		if (x->usual && aconf && bconf)
			continue;
		const gk_table *b0 = x->b[0] ? x->b[0] : x->b[1] ? x->b[1] : x->b[2];
		snprintf(other, sizeof other, "%s (%s)", es, b0->id);
		/* a broken identity of one side that wants the other's figure:
		 * that side is the one misread */
		int one = -1, parts = 0;
		for (int k = 0; k < x->nb; k++)
			if (m[j].bi[k] >= 0 && !gk_ocr_blank(x->b[k]->rows[m[j].bi[k]][gk_table_col(x->b[k], x->bcol)]))
				one = k, parts++;
		if (parts == 1) {
			int bc = gk_table_col(x->b[one], x->bcol);
			if (wants(r, x->a, m[j].ai, ac, m[j].bv)) {
				cross_flag(r, x->a, m[j].ai, ac, cm, other);
				continue;
			}
			if (wants(r, x->b[one], m[j].bi[one], bc, m[j].av)) {
				snprintf(other, sizeof other, "%s (%s)", x->a->rows[m[j].ai][ac], x->a->id);
				if (gk_page_listed(pages, x->b[one]->page))
					cross_flag(r, x->b[one], m[j].bi[one], bc, cm, other);
				continue;
			}
		}
		if (!aconf || bconf)
			cross_flag(r, x->a, m[j].ai, ac, cm, other);
		if (bconf && !aconf)
			continue;
		snprintf(other, sizeof other, "%s (%s)", x->a->rows[m[j].ai][ac], x->a->id);
		for (int k = 0; k < x->nb; k++) {
			int bc = x->b[k] ? gk_table_col(x->b[k], x->bcol) : -1;
			if (m[j].bi[k] >= 0 && !gk_ocr_blank(x->b[k]->rows[m[j].bi[k]][bc]) && gk_page_listed(pages, x->b[k]->page))
				cross_flag(r, x->b[k], m[j].bi[k], bc, cm, other);
		}
	}
	free(m);
}

/* The tables repeat each other's lines: the summaries' 支出 lines (every
 * level, by name) are the function tables' (the 财政拨款 summary's total
 * the three funds'); the 支出总表 and the 一般公共预算支出表 print the same
 * lines alike where the money is all the general budget's, the basic
 * spending table and the economic classification's basic column too:
 * those only where most of their common lines agree. */
static int xlines(gk_result *r, xline *out)
{
	gk_table *res = gk_result_find(r, "revenue_expenditure_summary");
	gk_table *fis = gk_result_find(r, "fiscal_appropriation_summary");
	gk_table *ebf = gk_result_find(r, "expenditure_by_function");
	gk_table *gbe = gk_result_find(r, "general_budget_expenditure");
	gk_table *gfe = gk_result_find(r, "government_fund_expenditure");
	gk_table *sce = gk_result_find(r, "state_capital_expenditure");
	gk_table *gbb = gk_result_find(r, "general_budget_basic_expenditure");
	gk_table *gec = gk_result_find(r, "general_budget_by_economic_class");
	const xline xs[] = {
	    {res, "amount", "支出", NULL, "item", {ebf, NULL, NULL}, 1, "total", "name", 0},
	    {fis, "total", "支出", NULL, "item", {gbe, gfe, sce}, 3, "total", "name", 0},
	    {fis, "general_budget", "支出", NULL, "item", {gbe, NULL, NULL}, 1, "total", "name", 0},
	    {fis, "government_fund", "支出", NULL, "item", {gfe, NULL, NULL}, 1, "total", "name", 0},
	    {gbe, "total", NULL, "func_code", "name", {ebf, NULL, NULL}, 1, "total", "name", 1},
	    {gbe, "basic_total", NULL, "func_code", "name", {ebf, NULL, NULL}, 1, "basic_total", "name", 1},
	    {gbb, "total", NULL, "econ_code", "econ_name", {gec, NULL, NULL}, 1, "basic_total", "econ_name", 1},
	    {fis, "total", "支出", NULL, "item", {res, NULL, NULL}, 1, "amount", "item", 2},
	};
	int n = 0;
	for (size_t k = 0; k < sizeof xs / sizeof *xs; k++)
		if (xs[k].a && (xs[k].b[0] || xs[k].b[1] || xs[k].b[2]))
			out[n++] = xs[k];
	return n;
}

/* The tables repeat each other's lines: the summaries' 支出 lines (every
 * level, by name) are the function tables' (the 财政拨款 summary's total
 * the three funds'); the 支出总表 and the 一般公共预算支出表 print the same
 * lines alike where the money is all the general budget's, the basic
 * spending table and the economic classification's basic column too:
 * those only where most of their common lines agree. */
static void tables_against_each_other(gk_result *r, const confmap *cm, const char *pages)
{
	xline xs[8];
	int n = xlines(r, xs);
	for (int k = 0; k < n; k++)
		xline_check(r, &xs[k], cm, pages);
}

/* Each figure two tables print alike on one line (read twice, in two
 * places): confirmed, as an identity that holds would */
static void tables_confirm(gk_result *r, xconf *xc)
{
	xline xs[8];
	int n = xlines(r, xs);
	for (int k = 0; k < n; k++) {
		const xline *x = &xs[k];
		int ac = gk_table_col(x->a, x->acol);
		if (ac < 0)
			continue;
		xmatch *m;
		int nm = xline_match(x, &m);
		for (int j = 0; j < nm; j++) {
			if (m[j].av != m[j].bv)
				continue;
			int parts = 0, last = -1;
			for (int q = 0; q < x->nb; q++)
				if (m[j].bi[q] >= 0 && !gk_ocr_blank(x->b[q]->rows[m[j].bi[q]][gk_table_col(x->b[q], x->bcol)]))
					parts++, last = q;
			if (parts != 1)
				continue; /* a sum of the funds: not one figure read twice */
			xconf_add(xc, x->a, m[j].ai, ac);
			xconf_add(xc, x->b[last], m[j].bi[last], gk_table_col(x->b[last], x->bcol));
		}
		free(m);
	}
}

/* ---- a sum the checks find broken, its parts in doubt -------------------- */

int gk_ocr_sum_settled(gk_result *r, const gk_table *ct, int row, const char *col, const gk_doc *doc)
{
	gk_table *t = (gk_table *)ct; /* (build and held_exactly read it only) */
	int c = t ? gk_table_col(t, col) : -1, part = 0;
	if (c < 0 || row < 0 || row >= t->nrow || !doc || flagged(r, t, row, c))
		return 0;
	for (int i = 0; i < t->nrow && !part; i++)
		part = i != row && !gk_ocr_blank(t->rows[i][c]) && flagged(r, t, i, c);
	if (!part)
		return 0;
	confmap cm;
	confmap_build(&cm, doc);
	xconf xc = {0};
	tables_confirm(r, &xc);
	fixctx f = {r, t, NULL, 0, 0, &xc, 0};
	build(&f);
	int held = held_exactly(&f, &cm, row, c);
	free(f.id);
	free(xc.t);
	free(xc.row);
	free(xc.col);
	free(cm.key);
	free(cm.conf);
	return held;
}

/* ---- a fund's figures in another fund's column --------------------------- */

/* A table by funds prints each function line's money per fund (the 收入表's
 * 政府性基金 and 国有资本经营 columns); each fund's own table prints that
 * fund's lines.  A figure under one fund that the other fund's table
 * prints on the same line, where its own fund's table prints no such
 * line (or no table at all), stands in the other fund's column: its head
 * read weakly, the two columns alike to the arithmetic (重庆气象's 579.89
 * of 超长期特别国债 under 国有资本, printed under 政府性基金). */
static void fund_columns(gk_result *r, const confmap *cm, const char *pages)
{
	static const char *const COL[2] = {"government_fund", "state_capital"};
	static const char *const TAB[2] = {"government_fund_expenditure", "state_capital_expenditure"};
	for (int ti = 0; ti < r->ntable; ti++) {
		gk_table *t = r->tables[ti];
		if (strcmp(t->id, "revenue_by_unit") || !gk_page_listed(pages, t->page))
			continue;
		for (int f = 0; f < 2; f++) {
			int c = gk_table_col(t, COL[f]);
			gk_table *own = gk_result_find(r, TAB[f]), *other = gk_result_find(r, TAB[!f]);
			int oc = other ? gk_table_col(other, "total") : -1;
			for (int i = 0; c >= 0 && oc >= 0 && i < t->nrow; i++) {
				char key[400], es[96];
				long long v, w;
				int d;
				if (gk_chk_parse(t->rows[i][c], &v, &d) != 1 || !v)
					continue;
				row_key(t, i, "func_code", "func_name", key, sizeof key);
				if (key[0] != '#')
					continue; /* a unit's line: its funds are no fund table's line */
				int oi = row_keyed(other, "func_code", "name", NULL, key);
				if (oi < 0 || gk_chk_parse(other->rows[oi][oc], &w, &d) != 1 || w != v)
					continue;
				if (own && row_keyed(own, "func_code", "name", NULL, key) >= 0)
					continue;
				snprintf(es, sizeof es, "%s under %s (%s)", other->rows[oi][oc], COL[!f], TAB[!f]);
				cross_flag(r, t, i, c, cm, es);
			}
		}
	}
}

/* ---- entry -------------------------------------------------------------- */

/* how the text was had, as checks of the document */
static void provenance(gk_result *r, const gk_doc *doc)
{
	const char *rep = gk_doc_meta(doc, "repaired");
	const char *nt = gk_doc_meta(doc, "pages_without_text");
	const char *gb = gk_doc_meta(doc, "pages_garbled");
	const char *oc = gk_doc_meta(doc, "ocr_pages");
	const char *cf = gk_doc_meta(doc, "ocr_confidence");
	if (rep && !strcmp(rep, "yes"))
		gk_result_add_check(r, "document", "extract:repaired", "", "an intact cross-reference table",
		                    "rebuilt", "fail");
	if (nt && *nt) {
		/* a blank page here and there is a document's own; many, or in a
		 * PDF that shows other damage, are text lost */
		int n = 1, pages = 0;
		for (const char *p = nt; *p; p++)
			n += *p == ',';
		const char *pg = gk_doc_meta(doc, "pages");
		for (; pg && *pg >= '0' && *pg <= '9'; pg++)
			pages = pages * 10 + (*pg - '0');
		int damaged = (rep && !strcmp(rep, "yes")) || (gb && *gb) || n * 4 >= pages;
		gk_result_add_check(r, "document", "extract:pages-without-text", nt, "text", "none",
		                    damaged ? "fail" : "skip");
	}
	if (gb && *gb)
		gk_result_add_check(r, "document", "extract:pages-garbled", gb, "decodable text", "undecodable",
		                    "fail");
	if (oc && *oc) {
		char found[64];
		snprintf(found, sizeof found, "mean confidence %s", cf && *cf ? cf : "?");
		gk_result_add_check(r, "document", "ocr:pages", oc, "", found, "ok");
	}
}

/* Is s a figure printed "1,352.27" that OCR read "1.35227" (its comma a
 * point, its point lost): one to three digits, a point, then three
 * digits and the table's dec decimals?  Its regrouped text in out. */
static int comma_read_point(const char *s, int dec, char *out, size_t n)
{
	size_t lead = 0, tail = 0;
	while (isdigit((unsigned char)s[lead]))
		lead++;
	if (lead < 1 || lead > 3 || s[lead] != '.' || s[0] == '0')
		return 0;
	while (isdigit((unsigned char)s[lead + 1 + tail]))
		tail++;
	if (s[lead + 1 + tail] || tail != (size_t)(3 + dec))
		return 0;
	snprintf(out, n, "%.*s%.3s.%s", (int)lead, s, s + lead + 1, s + lead + 4);
	return 1;
}

/* An OCR'd table printing dec decimals (one or two) holds no figure of
 * three more: such a figure is a thousands' figure whose comma OCR read
 * as a point and whose point it lost; its digits are read, and the
 * table's decimals place its point (ocr:corrected). */
static void regroup_thousands(gk_result *r, gk_table *t, const confmap *cm)
{
	int zero, dec = table_decimals(t, &zero);
	if (dec < 1 || dec > 2)
		return;
	/* (a table that prints three figures or more with more decimals than
	 * its usual, not in that shape, mixes its precisions, 西安's 元 with
	 * six decimals beside two: a long figure there is no misread comma;
	 * one or two are misreads of their own) */
	int odd = 0;
	for (int c = 0; c < t->cols.n; c++)
		for (int i = 0; i < t->nrow && gk_ocr_amount_col(t, c); i++) {
			const char *v = t->rows[i][c], *pt = strchr(v, '.');
			char ws[48];
			odd += pt && strlen(pt + 1) > (size_t)dec && !comma_read_point(v, dec, ws, sizeof ws);
		}
	if (odd >= 3)
		return;
	for (int c = 0; c < t->cols.n; c++) {
		if (!gk_ocr_amount_col(t, c))
			continue;
		for (int i = 0; i < t->nrow; i++) {
			char ws[48], name[160], found[80];
			const char *read = t->rows[i][c];
			if (!comma_read_point(read, dec, ws, sizeof ws))
				continue;
			cell_name(t, i, c, name, sizeof name);
			float cf = confmap_get(cm, read);
			if (cf >= 0)
				snprintf(found, sizeof found, "%s (confidence %.0f)", read, cf);
			else
				snprintf(found, sizeof found, "%s", read);
			gk_result_add_check(r, t->id, "ocr:corrected", name, ws, found, "corrected");
			gk_result_check_at(r, t, i);
			gk_table_set(t, i, c, ws);
		}
	}
}

/* A 其中 column above its whole on a row (一般公共预算 3.0, 其中财政拨款
 * 3.4: a rule's stub read as a 4): no reading of the page can hold both.
 * The part is flagged, and the whole too unless a sum of its row or
 * column holds it. */
static void parts_above_whole(gk_result *r, gk_table *t)
{
	static const char *const pairs[][2] = {{"general_budget", "general_budget_appropriation"}};
	if (strcmp(t->id, "expenditure_by_economic_class") && strcmp(t->id, "revenue_by_unit") &&
	    strcmp(t->id, "fiscal_appropriation_summary"))
		return;
	for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; k++) {
		int cw = gk_table_col(t, pairs[k][0]), cp = gk_table_col(t, pairs[k][1]);
		if (cw < 0 || cp < 0)
			continue;
		for (int i = 0; i < t->nrow; i++) {
			long long w, p;
			int d;
			if (gk_chk_parse(t->rows[i][cw], &w, &d) != 1 || gk_chk_parse(t->rows[i][cp], &p, &d) != 1 ||
			    p <= w || w < 0)
				continue;
			char want[96];
			snprintf(want, sizeof want, "at most %.40s (%s)", t->rows[i][cw], pairs[k][0]);
			if (!gk_ocr_flagged(r, t, i, cp))
				gk_ocr_flag(r, t, i, cp, "ocr:part", want, -1);
			snprintf(want, sizeof want, "at least %.40s (%s)", t->rows[i][cp], pairs[k][1]);
			if (!gk_ocr_flagged(r, t, i, cw) && !gk_ocr_held(t, i, cw))
				gk_ocr_flag(r, t, i, cw, "ocr:part", want, -1);
		}
	}
}

void gk_read_findings(gk_result *r, const gk_doc *doc, const gk_rules *rules)
{
	provenance(r, doc);
	const char *pages = gk_doc_meta(doc, "ocr_pages");
	if (!pages || !*pages)
		return;
	confmap cm;
	confmap_build(&cm, doc);
	/* the decimals the document's tables print fixed (a figure of as many
	 * ending in 0 in a table that prints them) */
	unsigned fixed = 0;
	for (int ti = 0; ti < r->ntable; ti++) {
		int zero, dec = table_decimals(r->tables[ti], &zero);
		if (gk_page_listed(pages, r->tables[ti]->page) && dec >= 1 && zero)
			fixed |= 1u << dec;
	}
	gk_ocr_fix_codes(r, pages, rules);
	for (int ti = 0; ti < r->ntable; ti++) {
		gk_table *t = r->tables[ti];
		if (!gk_page_listed(pages, t->page))
			continue;
		regroup_thousands(r, t, &cm);
		gk_ocr_columns(r, t, doc, rules);
		gk_ocr_three(r, t, doc);
		gk_ocr_glue(r, t, doc, rules);
		gk_ocr_fix_labels(r, t, doc, rules);
		fixctx f = {r, t, NULL, 0, 0, NULL, 0};
		build(&f);
		for (int round = 0; round < 8 && solve_round(&f, &cm) > 0; round++)
			;
		free(f.id);
		gk_ocr_separators(r, t, doc); /* ocrsep.c: a 元 table's commas read as points */
	}
	cont_settle(r);
	/* (the function tables' own columns and labels put right first) */
	for (int ti = 0; ti < r->ntable; ti++)
		if (gk_page_listed(pages, r->tables[ti]->page))
			gk_ocr_fix_summary(r, r->tables[ti], doc, rules);
	gk_ocr_names(r, doc, rules, pages); /* ocrname.c: names by the document's other readings */
	/* what is still broken, with what the other tables confirm */
	xconf xc = {0};
	tables_confirm(r, &xc);
	for (int ti = 0; ti < r->ntable; ti++) {
		gk_table *t = r->tables[ti];
		if (!gk_page_listed(pages, t->page))
			continue;
		fixctx f = {r, t, NULL, 0, 0, &xc, 0};
		build(&f);
		flag(&f, &cm, fixed);
		free(f.id);
		gk_ocr_separators_flag(r, t, doc);
		parts_above_whole(r, t);
	}
	free(xc.t);
	free(xc.row);
	free(xc.col);
	tables_against_each_other(r, &cm, pages);
	fund_columns(r, &cm, pages);
	free(cm.key);
	free(cm.conf);
}
