/*
 * three.c - 三公 tables (three_public_expenses): groups of columns or rows
 * for other years, kinds or funds set aside as x_<group>/<column>, a 合计
 * over the 三公 and 会议费/培训费 together, items printed as rows under one
 * amount column, rows per year folded into the year's own row.
 *
 * Entry points: three_final, three_left_ok, three_columns,
 * three_reorder_keys, three_drop_page_numbers, three_by_items,
 * three_fold_rows (called from numeric.c and header.c).
 */
#include "nctx.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* A 三公 table often prints more than the year's six figures: a group of
 * columns per year (上年/当年/增减变化), per kind (预算数/决算数) or per
 * fund (一般公共预算/政府性基金/国有资本), a row per year, a 合计 over the
 * 三公 and 会议费/培训费 together, or the items as rows under one amount
 * column.  The contract's columns take the year's own figures: rules
 * "group-current" (the latest year printed; a 决算表's 决算数, a 预算表's
 * 预算数); every other figure is kept as x_<group>/<column>. */

enum { Q_NONE, Q_CURRENT, Q_OTHER };

/* a 决算表 (its 决算数 are the year's figures) or a 预算表 */
int three_final(const gk_table *t)
{
	return t->title && strstr(t->title, "决算") != NULL;
}

/* "2025年…" -> 2025, else 0 */
static int year_word(const char *cp)
{
	if (strlen(cp) < 7 || cp[0] != '2' || cp[1] != '0' || !isdigit((unsigned char)cp[2]) ||
	    !isdigit((unsigned char)cp[3]) || strncmp(cp + 4, "年", 3))
		return 0;
	return (cp[0] - '0') * 1000 + (cp[1] - '0') * 100 + (cp[2] - '0') * 10 + (cp[3] - '0');
}

/* Is a group word the year's own figure (Q_CURRENT), another (Q_OTHER), or
 * no group word?  Rules NAME "three" or "three@预算"/"three@决算". */
static int three_qual(const nctx *c, const char *cp, int final)
{
	static const char *const kinds[] = {"group-current", "group-other"};
	for (int q = 0; q < 2; q++) {
		int n;
		const gk_rule *const *rs = gk_rules_of(c->rules, kinds[q], &n);
		for (int i = 0; i < n; i++) {
			if (strcmp(rs[i]->name, "three") && strcmp(rs[i]->name, final ? "three@决算" : "three@预算"))
				continue;
			if (gk_rule_match(rs[i], cp, strlen(cp), NULL))
				return q ? Q_OTHER : Q_CURRENT;
		}
	}
	return Q_NONE;
}

/* A group word in the header, and the line under it where its wrapped
 * tail is ("一般公共预" over "算"). */
typedef struct qcell {
	int line, next;
	double x0, x1;
	int kind, year;
	char text[96];
} qcell;

static int in_qcell(const qcell *q, int nq, int line, const gk_cell *cl)
{
	for (int k = 0; k < nq; k++) {
		if (q[k].line == line && cl->x0 == q[k].x0 && cl->x1 == q[k].x1)
			return 1;
		if (q[k].next == line && cl->x0 >= q[k].x0 - 3 && cl->x1 <= q[k].x1 + 3)
			return 1;
	}
	return 0;
}

/* Header line i as a line of group words: at least two, of them one the
 * year's own and one not (the latest year is the year's own).  Returns
 * how many, or 0. */
static int group_cells(const nctx *c, int i, int he, int final, qcell *q, int maxq)
{
	const gk_line *l = c->x[i].l;
	int n = 0, maxyear = 0, cur = 0, oth = 0;
	for (int j = 0; j < l->ncell && n < maxq; j++) {
		char *cp = compact_of(l->cell[j].text);
		int y = year_word(cp), k = y ? Q_OTHER : three_qual(c, cp, final);
		if (k != Q_NONE) {
			q[n] = (qcell){i, -1, l->cell[j].x0, l->cell[j].x1, k, y, ""};
			snprintf(q[n].text, sizeof q[n].text, "%s", cp);
			n++;
			if (y > maxyear)
				maxyear = y;
		}
		free(cp);
	}
	for (int k = 0; k < n; k++) {
		if (q[k].year)
			q[k].kind = q[k].year == maxyear ? Q_CURRENT : Q_OTHER;
		cur += q[k].kind == Q_CURRENT;
		oth += q[k].kind == Q_OTHER;
	}
	if (n < 2 || !cur || !oth)
		return 0;
	/* the next header line, when it is close enough to hold wrapped tails */
	int next = -1;
	for (int j = i + 1; j < he && next < 0; j++)
		if (!c->x[j].skip)
			next = j;
	if (next >= 0 && (c->x[next].l->page != l->page || c->x[next].l->y0 - l->y1 > l->y1 - l->y0))
		next = -1;
	for (int k = 0; k < n; k++) {
		q[k].next = next;
		for (int j = 0; next >= 0 && j < c->x[next].l->ncell; j++) {
			const gk_cell *cl = &c->x[next].l->cell[j];
			if (cl->x0 >= q[k].x0 - 3 && cl->x1 <= q[k].x1 + 3) {
				char *cp = compact_of(cl->text);
				size_t at = strlen(q[k].text);
				snprintf(q[k].text + at, sizeof q[k].text - at, "%s", cp);
				free(cp);
			}
		}
	}
	return n;
}

/* Is text, past a stray mark OCR read for the colon, a bare unit
 * ("万元", ";万元")?  With `head`, the unit after 单位 or 金额单位
 * ("单位万元"). */
static int bare_unit(const char *text, int head)
{
	static const char *const heads[] = {"金额单位", "单位"};
	static const char *const marks[] = {":", ";", ",", ".", "：", "；", "，"};
	static const char *const units[] = {"元", "万元", "千元", "亿元"};
	char *cp = compact_of(text);
	const char *p = cp;
	for (size_t k = 0; head && k < sizeof heads / sizeof *heads; k++)
		if (!strncmp(p, heads[k], strlen(heads[k]))) {
			p += strlen(heads[k]);
			break;
		}
	int skipped = p != cp;
	for (size_t k = 0; k < sizeof marks / sizeof *marks; k++)
		if (!strncmp(p, marks[k], strlen(marks[k]))) {
			p += strlen(marks[k]);
			break;
		}
	int hit = 0;
	for (size_t k = 0; k < sizeof units / sizeof *units && !hit; k++)
		hit = !strcmp(p, units[k]);
	free(cp);
	return hit && (!head || skipped);
}

/* Cell j of line l, on a page read by OCR, as "单位：万元" whose colon OCR
 * lost or misread: "单位" "万元" in two cells (the unit, or the 单位
 * before it), or "单位万元" in one.  The text layer's "单位：万元" names
 * no column; nor does this (湖州: 万元 over the numbers of 公务接待费,
 * the column keyed by nothing over it). */
int three_unit_piece(const nctx *c, const gk_line *l, int j)
{
	if (!ocr_page(c, l->page))
		return 0;
	const gk_cell *cl = &l->cell[j];
	if (bare_unit(cl->text, 1))
		return 1;
	char *cp = compact_of(cl->text);
	int head = !strcmp(cp, "单位") || !strcmp(cp, "金额单位");
	free(cp);
	if (head)
		return j + 1 < l->ncell && bare_unit(l->cell[j + 1].text, 0);
	if (j == 0 || !bare_unit(cl->text, 0))
		return 0;
	cp = compact_of(l->cell[j - 1].text);
	size_t n = strlen(cp);
	head = n >= strlen("单位") && !strcmp(cp + n - strlen("单位"), "单位");
	free(cp);
	return head;
}

/* May header cell j of line i name a column? (not "单位：万元", not a
 * column number, not a group word) */
static int three_word_cell(const nctx *c, int i, const gk_cell *cl, const qcell *q, int nq)
{
	if ((strstr(cl->text, "：") || strstr(cl->text, ":")) &&
	    (gk_unit_parse(cl->text) != GK_UNIT_NONE || rule_any(c, "dept", cl->text)))
		return 0;
	if (three_unit_piece(c, c->x[i].l, (int)(cl - c->x[i].l->cell)))
		return 0;
	return !tok_is_plain_int(&(tok){.text = cl->text}) && !in_qcell(q, nq, i, cl);
}

/* Do header words name a column of a 三公 table (its total or an item)? */
static int three_names_col(const nctx *c, const char *text)
{
	char *cp = compact_of(text);
	int n, hit = rule_any(c, "total-header", cp);
	const gk_rule *const *cols = gk_rules_of(c->rules, "column", &n);
	for (int r = 0; r < n && !hit; r++)
		hit = !strncmp(cols[r]->name, "three:", 6) && strcmp(cols[r]->name + 6, "total") &&
		      gk_rule_match(cols[r], cp, strlen(cp), NULL);
	free(cp);
	return hit;
}

/* A header cell left of a column's numbers [a, b] names that column
 * (header_masks's reading of a left-aligned header) when nothing is
 * printed over the numbers themselves; or when it lines up under or
 * inside what is ("合计" under a left-aligned "“三公”经费", "护费" under
 * "公务用车运行维"); or, when what is over them names no column (a group
 * header "2024年“三公”经费预算数"), when it stands mostly under that.  Not
 * a cell over an empty column beside them ("运行费" left of a centred
 * "机关运行经费预算数", "因公出国" left of a centred "公务接待费"), nor,
 * when nothing is over them, a cell with another word between it and the
 * numbers (公务用车运行维护费 left of 公务接待费, the numbers right of
 * both under "单位：万元"). */
int three_left_ok(const nctx *c, int hb, int he, double a, double b, const gk_cell *cl)
{
	int any = 0, named = 0, under = 0, between = 0;
	for (int i = hb; i < he; i++) {
		const gk_line *l = c->x[i].l;
		if (c->x[i].skip || l->geom != GK_GEOM_POS || rule_any(c, "unit", c->x[i].compact) ||
		    rule_any(c, "dept", c->x[i].compact))
			continue;
		for (int j = 0; j < l->ncell; j++) {
			const gk_cell *o = &l->cell[j];
			if (tok_is_plain_int(&(tok){.text = o->text}) ||
			    ((strstr(o->text, "：") || strstr(o->text, ":")) &&
			     (gk_unit_parse(o->text) != GK_UNIT_NONE || rule_any(c, "dept", o->text))) ||
			    three_unit_piece(c, l, j))
				continue; /* column numbers; "单位：万元" over the last column */
			if (o->x0 >= cl->x1 - 1 && o->x1 <= a)
				between = 1; /* a word nearer the numbers */
			if (!(o->x0 < b && o->x1 > a))
				continue;
			any = 1;
			if (cl->x0 >= o->x0 - 2 && cl->x0 <= o->x1)
				return 1;
			if (three_names_col(c, o->text))
				named = 1;
			else if (2 * ((cl->x1 < o->x1 ? cl->x1 : o->x1) - (cl->x0 > o->x0 ? cl->x0 : o->x0)) > cl->x1 - cl->x0)
				under = 1;
		}
	}
	return (!any && !between) || (under && !named);
}

/* Is cell cl of header line i a group word: over two or more cells of
 * the lines below [i + 1, he) that do not overlap one another? */
static int group_word(const nctx *c, int i, int he, const gk_cell *cl)
{
	int n = 0;
	double reach = -1e18;
	for (;;) { /* the next such cell left to right */
		const gk_cell *next = NULL;
		for (int k = i + 1; k < he; k++) {
			const gk_line *l = c->x[k].l;
			if (c->x[k].skip || l->geom != GK_GEOM_POS)
				continue;
			for (int j = 0; j < l->ncell; j++) {
				const gk_cell *o = &l->cell[j];
				if (o->x0 < cl->x1 - 1 && o->x1 > cl->x0 + 1 && o->x0 >= reach - 1 && (!next || o->x0 < next->x0))
					next = o;
			}
		}
		if (!next || ++n >= 2)
			break;
		reach = next->x1;
	}
	return n >= 2;
}

/* Is header cell cl, over the numbers [lo, hi] that with their own
 * words span [o0, o1], over that column?  A word no wider than the
 * column is, and one over no other columns (因公出国 over its numbers
 * right-aligned); a group word (公务用车购置及运行维护费 over its 小计,
 * 购置, 运行 columns) only when most of the column lies under it,
 * not when centred text of the columns beside reaches over their edge
 * (西安应急 表13: 公务接待费, 会议费 either side of it, half under it at
 * most). */
static int over_own(const nctx *c, int i, int he, const gk_cell *cl, double lo, double hi, double o0, double o1)
{
	if (cl->x1 - cl->x0 <= 2 * (hi - lo) || !group_word(c, i, he, cl))
		return 1;
	if (o0 < -1e17)
		return 1;
	double ov = (cl->x1 < o1 ? cl->x1 : o1) - (cl->x0 > o0 ? cl->x0 : o0);
	return ov >= 0.55 * (o1 - o0);
}

/* The header words over [lo, hi] as header_masks reads them (a cell over
 * the numbers, else the last one left of them, past `left`, when
 * three_left_ok), top to bottom, without group words; *leaf: the lowest
 * line's words. */
static char *three_words(const nctx *c, int hb, int he, double lo, double hi, double left, const qcell *q, int nq,
                         char **leaf)
{
	gk_buf hw = {0}, lf = {0};
	/* the column's own words: the narrow cells centred over it */
	double o0 = 1e18, o1 = -1e18;
	gk_buf own = {0};
	for (int i = hb; i < he; i++) {
		const gk_line *l = c->x[i].l;
		if (c->x[i].skip || l->geom != GK_GEOM_POS)
			continue;
		for (int j = 0; j < l->ncell; j++) {
			const gk_cell *cl = &l->cell[j];
			double cm = (cl->x0 + cl->x1) / 2;
			if (three_word_cell(c, i, cl, q, nq) && cl->x1 - cl->x0 <= 2 * (hi - lo) && cm >= lo - 3 && cm <= hi + 3) {
				o0 = cl->x0 < o0 ? cl->x0 : o0;
				o1 = cl->x1 > o1 ? cl->x1 : o1;
				gk_buf_adds(&own, cl->text);
			}
		}
	}
	if (o0 > o1 || lo < o0) /* (and the numbers under them) */
		o0 = lo;
	if (o1 < hi)
		o1 = hi;
	/* (own words that name nothing by themselves, 小计, are read with
	 * every group word over them) */
	char *ocp = compact_of(own.s ? own.s : "");
	if (!*ocp || rule_any(c, "generic-header", ocp))
		o0 = -1e18, o1 = 1e18;
	free(ocp);
	gk_buf_drop(&own);
	for (int i = hb; i < he; i++) {
		const gk_line *l = c->x[i].l;
		if (c->x[i].skip || l->geom != GK_GEOM_POS || rule_any(c, "unit", c->x[i].compact) ||
		    rule_any(c, "dept", c->x[i].compact))
			continue;
		size_t before = hw.len;
		int lj = -1, over = 0;
		for (int j = 0; j < l->ncell; j++) {
			const gk_cell *cl = &l->cell[j];
			if (!three_word_cell(c, i, cl, q, nq))
				continue;
			if (cl->x0 < hi && cl->x1 > lo && over_own(c, i, he, cl, lo, hi, o0, o1)) {
				gk_buf_adds(&hw, cl->text);
				over = 1;
			} else if (cl->x1 <= lo && cl->x0 >= left && (lj < 0 || cl->x0 > l->cell[lj].x0)) {
				lj = j;
			}
		}
		if (!over && lj >= 0 && three_left_ok(c, hb, he, lo, hi, &l->cell[lj]))
			gk_buf_adds(&hw, l->cell[lj].text);
		if (hw.len > before) {
			gk_buf_reset(&lf);
			gk_buf_add(&lf, hw.s + before, hw.len - before);
		}
	}
	char *cp = compact_of(hw.s ? hw.s : "");
	*leaf = compact_of(lf.s ? lf.s : "");
	gk_buf_drop(&hw);
	gk_buf_drop(&lf);
	return cp;
}

/* The keys header words name, as header_masks reads them. */
static void three_mask_of(const nctx *c, const solver_family *sf, const char *cp, const char *lw, unsigned *mask,
                          unsigned *leafmask, char **xname)
{
	*mask = *leafmask = 0;
	int anyrule = header_keys(c, sf, cp, lw, mask, leafmask);
	free(*xname);
	*xname = !*mask && !anyrule && *lw && !rule_any(c, "generic-header", lw) ? gk_strfmt("x_%s", cp) : NULL;
}

/* value of number j of a row, scaled to `scale` decimals */
static long long three_val(const prow *p, int j, int scale)
{
	long long v;
	int sc;
	if (!gk_dec_parse(p->num[j], &v, &sc))
		return 0;
	while (sc < scale)
		v *= 10, sc++;
	return v;
}

/* The columns of a positioned 三公 table, read again. */
typedef struct tcols {
	int C;            /* the layout's slots */
	double *a, *b;    /* each slot's numbers' x extent */
	double *lo, *hi;  /* the extent its header words are read over */
	int *other;       /* under a group word that is not the year's own */
	char **group;     /* the group words over it, joined by '/' */
	qcell qc[128];    /* the group words of the header */
	int nqc;
} tcols;

/* Group words q[0..n) (left to right) each centred over its own run of
 * the slots, the runs one after another covering them all (2018年 over
 * 合计 … 培训费, 2019年 over the next nine, 增减变化情况 over the rest):
 * cell_of[s] the word over slot s.  Of the ways to cut the slots into
 * such runs, the one whose runs are best centred; none when a run's
 * centre is off its word's by more than a third of the column pitch.
 * Returns whether there is one. */
static int centred_runs(const qcell *q, int n, const tcols *tc, int *cell_of)
{
	int C = tc->C;
	if (n < 2 || C < n || C > 64 || n > 16)
		return 0;
	for (int s = 0; s < C; s++)
		if (tc->a[s] > tc->b[s])
			return 0; /* (a slot with no numbers) */
	for (int k = 1; k < n; k++)
		if (q[k].x0 < q[k - 1].x0)
			return 0;
	double pitch = C > 1 ? ((tc->a[C - 1] + tc->b[C - 1]) - (tc->a[0] + tc->b[0])) / 2 / (C - 1) : 0;
	double tol = pitch / 3 > 4 ? pitch / 3 : 4;
	/* best[k][s]: least offset of words 0..k-1 over slots 0..s-1 */
	double best[17][65];
	int from[17][65];
	for (int k = 0; k <= n; k++)
		for (int s = 0; s <= C; s++)
			best[k][s] = 1e18, from[k][s] = -1;
	best[0][0] = 0;
	for (int k = 1; k <= n; k++)
		for (int s = k; s <= C; s++)
			for (int p = k - 1; p < s; p++) {
				if (best[k - 1][p] >= 1e17)
					continue;
				double mid = (tc->a[p] + tc->b[s - 1]) / 2, qc = (q[k - 1].x0 + q[k - 1].x1) / 2;
				double off = mid > qc ? mid - qc : qc - mid;
				if (off > tol || qc < tc->a[p] || qc > tc->b[s - 1])
					continue;
				if (best[k - 1][p] + off < best[k][s])
					best[k][s] = best[k - 1][p] + off, from[k][s] = p;
			}
	if (best[n][C] >= 1e17)
		return 0;
	for (int k = n, s = C; k > 0; s = from[k][s], k--)
		for (int u = from[k][s]; u < s; u++)
			cell_of[u] = k - 1;
	return 1;
}

/* Header line i as a line of group words over the slots: one word over
 * each column (预算数 决算数 预算数 …), or one over each group of columns
 * that starts with its own total; recorded in tc. */
static void group_line(const nctx *c, int i, int he, int final, const unsigned *mask, tcols *tc)
{
	int C = tc->C;
	qcell q[64];
	int n = group_cells(c, i, he, final, q, 64);
	if (!n)
		return;
	int *cell_of = gk_malloc(sizeof(int) * (size_t)C);
	int all = 1;
	for (int s = 0; s < C; s++) {
		cell_of[s] = -1;
		for (int k = 0; k < n && cell_of[s] < 0; k++)
			if (q[k].x0 < tc->b[s] && q[k].x1 > tc->a[s])
				cell_of[s] = k;
		all &= cell_of[s] >= 0;
	}
	if (!all) {
		/* a group word over each group of columns, every group starting
		 * with its own total column: the k-th group under the k-th word;
		 * else each word centred over its own run of the columns */
		int starts = 0;
		for (int s = 0; s < C; s++)
			starts += (mask[s] & 1u) != 0;
		if (starts != n && !centred_runs(q, n, tc, cell_of)) {
			free(cell_of);
			return;
		}
		int k = -1;
		for (int s = 0; s < C && starts == n; s++) {
			if (mask[s] & 1u)
				k++;
			cell_of[s] = k < 0 ? 0 : k;
		}
	} else {
		/* the words repeat per item: an item's header words are read
		 * over all its group's columns */
		int reps = 0;
		for (int s = 0; s < C; s++)
			reps += !strcmp(q[cell_of[s]].text, q[cell_of[0]].text);
		for (int s0 = 0, s = 1; reps > 1 && s <= C; s++) {
			if (s < C && strcmp(q[cell_of[s]].text, q[cell_of[0]].text))
				continue;
			for (int u = s0; u < s; u++) {
				if (tc->a[s0] < tc->lo[u])
					tc->lo[u] = tc->a[s0];
				if (tc->b[s - 1] > tc->hi[u])
					tc->hi[u] = tc->b[s - 1];
			}
			s0 = s;
		}
	}
	for (int k = 0; k < n && tc->nqc < 128; k++)
		tc->qc[tc->nqc++] = q[k];
	for (int s = 0; s < C; s++) {
		const qcell *g = &q[cell_of[s]];
		tc->other[s] |= g->kind == Q_OTHER;
		char *ng = tc->group[s] ? gk_strfmt("%s/%s", tc->group[s], g->text) : gk_strdup(g->text);
		free(tc->group[s]);
		tc->group[s] = ng;
	}
	free(cell_of);
}

/* With groups: each column's words again, without the group words and
 * over all the columns of its group; a column under another year's (or
 * kind's, or fund's) group is set aside as x_<group>/<words>. */
static void reread_words(const nctx *c, const solver_family *sf, int hb, int he, const tcols *tc, unsigned *mask,
                         unsigned *leafmask, char **xname)
{
	for (int s = 0; s < tc->C && tc->nqc; s++) {
		if (tc->a[s] > tc->b[s])
			continue;
		char *lw;
		int p = s;
		while (p > 0 && tc->b[p - 1] > tc->lo[s])
			p--;
		char *cp = three_words(c, hb, he, tc->lo[s], tc->hi[s], p > 0 ? tc->b[p - 1] : -1e18, tc->qc, tc->nqc, &lw);
		three_mask_of(c, sf, cp, lw, &mask[s], &leafmask[s], &xname[s]);
		if (tc->other[s]) {
			free(xname[s]);
			xname[s] = gk_strfmt("x_%s%s%s", tc->group[s], *cp ? "/" : "", cp);
			mask[s] = leafmask[s] = 0;
		}
		if (getenv("GK_DEBUG"))
			fprintf(stderr, "three slot %d [%.0f-%.0f] mask %x leaf %x words '%s' group '%s'%s\n", s, tc->lo[s],
			        tc->hi[s], mask[s], leafmask[s], cp, tc->group[s] ? tc->group[s] : "", xname[s] ? xname[s] : "");
		free(cp);
		free(lw);
	}
}

/* A 小计 no word over its numbers ties to a column is read with the
 * header's own columns (hstack.c): a group centred over its run of
 * columns heads them all, its 小计 too when the group's word is not over
 * the 小计 itself (公务用车购置及运行费 centred over 小计 购置费 运行费:
 * the 小计 is vehicle_total).  The header is read whole, then without
 * its top lines one by one: an outer group (“三公”经费预算数 over 合计
 * and all the items, the total column never in a group's run) may cut
 * across the run of a group nested under it. */
static void centred_subtotals(const nctx *c, const solver_family *sf, int hb, int he, const tcols *tc,
                              unsigned *mask, unsigned *leafmask, char **xname)
{
	int C = tc->C;
	char **cwp = gk_calloc((size_t)C, sizeof *cwp), **cwl = gk_calloc((size_t)C, sizeof *cwl);
	for (int top = hb; top < he; top++) {
		int todo = 0;
		for (int s = 0; s < C; s++)
			todo |= tc->a[s] <= tc->b[s] && !mask[s] && !xname[s] && !tc->other[s];
		if (!todo || c->x[top].skip)
			continue;
		if (column_words(c, top, he, tc->a, tc->b, C, cwp, cwl))
			for (int s = 0; s < C; s++) {
				if (tc->a[s] > tc->b[s] || mask[s] || xname[s] || tc->other[s] || !cwp[s] || !cwl[s] ||
				    !*cwl[s] || !rule_any(c, "generic-header", cwl[s]) || !strcmp(cwp[s], cwl[s]))
					continue;
				three_mask_of(c, sf, cwp[s], cwl[s], &mask[s], &leafmask[s], &xname[s]);
				if (getenv("GK_DEBUG"))
					fprintf(stderr, "three slot %d by stack from line %d: mask %x leaf %x words '%s'\n", s,
					        top - hb, mask[s], leafmask[s], cwp[s]);
			}
		for (int s = 0; s < C; s++) {
			free(cwp[s]);
			free(cwl[s]);
			cwp[s] = cwl[s] = NULL;
		}
	}
	free(cwp);
	free(cwl);
}

/* "合计" = the 三公 (its 小计 next to it) + 会议费 + 培训费 (columns of
 * their own): when every row's first column is the sum of the next one
 * and the columns set aside, the 三公's total is the 小计 and the 合计 is
 * kept aside as x_合计. */
static void grand_total(const prow *rows, int nr, const tcols *tc, unsigned *mask, unsigned *leafmask, char **xname)
{
	int C = tc->C, f0 = -1, f1 = -1, nx = 0;
	for (int s = 0; s < C; s++) {
		if (tc->a[s] > tc->b[s] || tc->other[s])
			continue;
		if (xname[s])
			nx++;
		else if (f0 < 0)
			f0 = s;
		else if (f1 < 0)
			f1 = s;
	}
	if (f0 < 0 || f1 < 0 || !nx || mask[f0] != 1u || (mask[f1] & ~1u) != 0)
		return;
	int held = 0, broken = 0;
	for (int i = 0; i < nr; i++) {
		const prow *p = &rows[i];
		int scale = 0, j0 = -1;
		for (int j = 0; j < p->nnum; j++) {
			long long v;
			int sc;
			if (gk_dec_parse(p->num[j], &v, &sc) && sc > scale)
				scale = sc;
			if (p->slot[j] == f0)
				j0 = j;
		}
		if (j0 < 0)
			continue;
		long long sum = 0;
		for (int j = 0; j < p->nnum; j++) {
			int s = p->slot[j];
			if (s >= 0 && s < C && s != f0 && !tc->other[s] && (s == f1 || xname[s]))
				sum += three_val(p, j, scale);
		}
		long long d = sum - three_val(p, j0, scale);
		if (d < -1 || d > 1)
			broken = 1;
		else
			held++;
	}
	if (held && !broken) {
		free(xname[f0]);
		xname[f0] = gk_strdup("x_合计");
		mask[f0] = leafmask[f0] = 0;
		mask[f1] |= 1u;
		leafmask[f1] = 1u;
	}
}

/* A positioned 三公 table's columns, read again: each slot's header words
 * over its own numbers (no word borrowed from an empty column beside it),
 * group words setting aside what is not the year's own, and a 合计 that
 * adds 会议费/培训费 to the 三公 set aside. */
void three_columns(const nctx *c, const solver_family *sf, int hb, int he, const prow *rows, int nr, int final,
                   unsigned *mask, unsigned *leafmask, char **xname, int C)
{
	if (C < 1)
		return;
	tcols *tc = gk_calloc(1, sizeof *tc);
	tc->C = C;
	tc->a = gk_malloc(sizeof(double) * (size_t)C), tc->b = gk_malloc(sizeof(double) * (size_t)C);
	tc->lo = gk_malloc(sizeof(double) * (size_t)C), tc->hi = gk_malloc(sizeof(double) * (size_t)C);
	tc->other = gk_calloc((size_t)C, sizeof(int));
	tc->group = gk_calloc((size_t)C, sizeof(char *));
	for (int s = 0; s < C; s++)
		tc->a[s] = 1e18, tc->b[s] = -1e18;
	for (int i = 0; i < nr; i++)
		for (int j = 0; j < rows[i].nnum; j++) {
			int s = rows[i].slot[j];
			if (s < 0 || s >= C)
				continue;
			if (rows[i].nx0[j] < tc->a[s])
				tc->a[s] = rows[i].nx0[j];
			if (rows[i].nx1[j] > tc->b[s])
				tc->b[s] = rows[i].nx1[j];
		}
	for (int s = 0; s < C; s++)
		tc->lo[s] = tc->a[s], tc->hi[s] = tc->b[s];
	for (int i = hb; i < he; i++) {
		const xline *x = &c->x[i];
		if (x->skip || x->l->geom != GK_GEOM_POS || rule_any(c, "unit", x->compact) || rule_any(c, "dept", x->compact))
			continue;
		group_line(c, i, he, final, mask, tc);
	}
	reread_words(c, sf, hb, he, tc, mask, leafmask, xname);
	centred_subtotals(c, sf, hb, he, tc, mask, leafmask, xname);
	grand_total(rows, nr, tc, mask, leafmask, xname);
	for (int s = 0; s < C; s++)
		free(tc->group[s]);
	free(tc->group);
	free(tc->a);
	free(tc->b);
	free(tc->lo);
	free(tc->hi);
	free(tc->other);
	free(tc);
}

/* reorder_keys over the columns that stay (x_ columns set aside) */
void three_reorder_keys(solver_family *sf, const unsigned *leafmask, int nslot, unsigned *mask,
                        char *const *xname)
{
	unsigned *lm = gk_calloc((size_t)(nslot ? nslot : 1), sizeof *lm);
	unsigned *m = gk_calloc((size_t)(nslot ? nslot : 1), sizeof *m);
	int *at = gk_malloc(sizeof(int) * (size_t)(nslot ? nslot : 1)), n = 0;
	for (int s = 0; s < nslot; s++)
		if (!xname[s]) {
			lm[n] = leafmask[s];
			m[n] = mask[s];
			at[n++] = s;
		}
	/* the first column is the row total; a leaf naming nothing there
	 * (小计 under the group 三公经费预算数) is out of line with no
	 * column: the total */
	if (n && !lm[0] && !m[0])
		lm[0] = 1u;
	reorder_keys(sf, lm, n, m);
	for (int q = 0; q < n; q++)
		mask[at[q]] = m[q];
	free(lm);
	free(m);
	free(at);
}

/* A page number under the table ("16"): a lone integer with no label,
 * not the table's first row. */
int three_drop_page_numbers(prow *rows, int nr)
{
	int k = 0;
	for (int i = 0; i < nr; i++) {
		if (i > 0 && rows[i].ntext == 0 && rows[i].nnum == 1 && !strchr(rows[i].num[0], '.') &&
		    tok_is_plain_int(&(tok){.text = rows[i].num[0]})) {
			prow_free(&rows[i]);
			continue;
		}
		if (k != i)
			rows[k] = rows[i];
		k++;
	}
	return k;
}

/* The key a row label names ("（二）公务用车购置及运行维护支出" ->
 * vehicle_total), "total" for the 合计 / “三公”经费 row, NULL for none.
 * The first column rule of the family that matches, in contract order. */
static const char *three_item_key(const nctx *c, const char *label)
{
	char *cp = compact_of(label);
	const char *key = NULL;
	int n;
	const gk_rule *const *cols = gk_rules_of(c->rules, "column", &n);
	for (int r = 0; r < n && !key; r++)
		if (!strncmp(cols[r]->name, "three:", 6) && strcmp(cols[r]->name + 6, "total") &&
		    gk_rule_match(cols[r], cp, strlen(cp), NULL))
			key = cols[r]->name + 6;
	if (!key && *cp && (rule_any(c, "total", cp) || strstr(cp, "三公")))
		key = "total";
	free(cp);
	return key;
}

/* The items printed as rows under one amount column ("1、因公出国（境）费用
 * 0.00", "2、公务接待费 10.92", …): one 合计 row, each item in its column;
 * a row naming no item (行政经费) and any further amount column (一般公共
 * 预算, 政府性基金预算, …) kept as x_ columns.  Returns 0 when the table
 * is not printed so (its header names items, or its rows do not). */
int three_by_items(const nctx *c, const solver_family *sf, const prow *rows, const rowkeys *keys, int nr,
                   char *const *xname, int nslot, int shift, gk_table *t)
{
	if (sf->nkey != 1)
		return 0;
	unsigned seen = 0;
	int items = 0;
	for (int i = 0; i < nr; i++) {
		const char *k = rows[i].nnum ? three_item_key(c, keys[i].name) : NULL;
		int col = k && strcmp(k, "total") ? gk_table_col(t, k) : -1;
		if (col >= 0 && col < 32 && !(seen & (1u << col))) {
			seen |= 1u << col;
			items++;
		}
	}
	if (items < 2)
		return 0;
	int ri = table_row(c, t, rows[0].line0, rows[nr - 1].line1);
	gk_table_set(t, ri, gk_table_col(t, "unit_name"), "合计");
	for (int i = 0; i < nr; i++) {
		const prow *p = &rows[i];
		if (!p->nnum || !*keys[i].name)
			continue; /* no label: nothing says what it is */
		const char *k = three_item_key(c, keys[i].name);
		char *lab = gk_label_clean(keys[i].name);
		int first = 1;
		for (int j = 0; j < p->nnum; j++) {
			int s = p->slot[j];
			const char *xn = s >= 0 && s < nslot && xname ? xname[s] : NULL;
			char *name;
			if (!xn && first && k && !*gk_table_get(t, ri, k))
				name = gk_strdup(k);
			else if (!xn && first)
				name = gk_strfmt("x_%s", k ? k : lab);
			else if (xn)
				name = gk_strfmt("%s/%s", xn, k ? k : lab);
			else
				name = gk_strfmt("x_%d/%s", j + 1, k ? k : lab);
			if (!xn)
				first = 0;
			int col = gk_table_col(t, name);
			if (col < 0)
				col = gk_table_add_col(t, name);
			put_amount(t, ri, col, p->num[j], shift);
			free(name);
		}
		free(lab);
	}
	return 1;
}

/* Rows per year ("2025年", "2026年", "增减变化金额") under one unit: the
 * year's own row keeps the contract's columns and the unit's name, each
 * other row's figures go to it as x_<row word>/<column>.  out[i]: the
 * table row of rows[i] (-1 none). */
void three_fold_rows(const nctx *c, gk_table *t, const prow *rows, int nr, const int *out, int final)
{
	int *kind = gk_calloc((size_t)(nr ? nr : 1), sizeof(int));
	char **word = gk_calloc((size_t)(nr ? nr : 1), sizeof(char *));
	int maxyear = 0, cur = 0, oth = 0;
	for (int i = 0; i < nr; i++)
		for (int j = 0; j < rows[i].ntext && !word[i]; j++) {
			char *cp = compact_of(rows[i].text[j]);
			int y = year_word(cp);
			int k = y ? Q_CURRENT : three_qual(c, cp, final);
			if (k != Q_NONE && (y || strlen(cp) >= 6)) {
				kind[i] = y ? -y : k;
				word[i] = cp;
				if (y > maxyear)
					maxyear = y;
			} else {
				free(cp);
			}
		}
	for (int i = 0; i < nr; i++) {
		if (kind[i] < 0)
			kind[i] = -kind[i] == maxyear ? Q_CURRENT : Q_OTHER;
		cur += kind[i] == Q_CURRENT && out[i] >= 0;
		oth += kind[i] == Q_OTHER && out[i] >= 0;
	}
	if (!cur || !oth)
		goto done;
	int ucol = gk_table_col(t, "unit_name");
	char *gone = gk_calloc((size_t)(t->nrow ? t->nrow : 1), 1);
	/* the year's rows first get their own name back (without the year) */
	for (int i = 0; i < nr; i++) {
		if (kind[i] != Q_CURRENT || out[i] < 0)
			continue;
		gk_buf nm = {0};
		for (int j = 0; j < rows[i].ntext; j++) {
			char *cp = compact_of(rows[i].text[j]);
			if (strcmp(cp, word[i]))
				gk_buf_adds(&nm, rows[i].text[j]);
			free(cp);
		}
		char *cl = gk_label_clean(nm.s ? nm.s : "");
		gk_table_set(t, out[i], ucol, cl);
		free(cl);
		gk_buf_drop(&nm);
	}
	for (int i = 0; i < nr; i++) {
		if (kind[i] != Q_OTHER || out[i] < 0)
			continue;
		int to = -1;
		for (int d = 1; d < nr && to < 0; d++) /* the nearest year's row, the next one first */
			for (int e = 0; e < 2 && to < 0; e++) {
				int j = e ? i - d : i + d;
				if (j >= 0 && j < nr && kind[j] == Q_CURRENT && out[j] >= 0)
					to = j;
			}
		if (to < 0)
			continue;
		int ro = out[i], rt = out[to];
		for (int col = 0; col < t->cols.n; col++) {
			const char *v = t->rows[ro][col];
			if (col == ucol || !*v)
				continue;
			const char *key = t->cols.v[col];
			char *name = gk_strfmt("x_%s/%s", word[i], strncmp(key, "x_", 2) ? key : key + 2);
			int nc = gk_table_col(t, name);
			if (nc < 0)
				nc = gk_table_add_col(t, name);
			gk_table_set(t, rt, nc, t->rows[ro][col]);
			free(name);
		}
		/* the unit's name printed on the other row ("深圳市信访局 2025年") */
		char *nm = gk_label_clean(t->rows[ro][ucol]);
		size_t wl = strlen(word[i]), nl = strlen(nm);
		if (nl > wl && !strcmp(nm + nl - wl, word[i]))
			nm[nl - wl] = 0;
		if (!*t->rows[rt][ucol] && *nm)
			gk_table_set(t, rt, ucol, nm);
		free(nm);
		gone[ro] = 1;
	}
	int k = 0;
	for (int r = 0; r < t->nrow; r++) {
		if (gone[r]) {
			for (int col = 0; col < t->cols.n; col++)
				free(t->rows[r][col]);
			free(t->rows[r]);
			continue;
		}
		t->rows[k++] = t->rows[r];
	}
	t->nrow = k;
	if (t->nrow == 1) /* a one-row table is its 合计 row */
		gk_table_set(t, 0, ucol, "合计");
	for (int r = 0; r < t->nrow; r++)
		if (!*t->rows[r][ucol])
			gk_table_set(t, r, ucol, "合计");
	free(gone);
done:
	for (int i = 0; i < nr; i++)
		free(word[i]);
	free(word);
	free(kind);
}
