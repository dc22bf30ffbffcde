/*
 * chains.c - wrapped cells of a positioned table: the fragments of one
 * column one line pitch apart are chained (a label wrapped in its cell,
 * an amount split from its decimals or its last digits), unless the next
 * starts a new item (an ordinal, a code, 其中, a total); a chain whose
 * centre is off its row's numbers took in the next rows' labels and is
 * cut where the parts centre best; each chain is then one cell.  The
 * line pitch is read off cells centred on their row.
 *
 * Entry point: chain_frags (logical.h).
 */
#include "logical.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static int frag_is_new_item(const nctx *c, const char *text)
{
	char *cp = compact_of(text);
	int r = is_ordinal_label(cp) || rule_any(c, "item-start", cp) || rule_any(c, "total", cp) ||
	        isdigit((unsigned char)cp[0]);
	free(cp);
	return r;
}

/* Is text a total's whole label (合计, 总计, 小计)?  A cell that says
 * so is complete: a label on the line below is the next row's (a unit's
 * name wrapped over three lines under the 合计 row, 福州; 江苏's 小计
 * over 专户管理教育收费), not the rest of it. */
static int is_total_label(const nctx *c, const char *text)
{
	char *cp = compact_of(text);
	int r = rule_any(c, "total", cp);
	free(cp);
	return r;
}

/* Are a and b, one over the other, two items of a list (rules/lines.rules
 * item-list: 事业收入 over 经营收入 in a 收入预算总表 printed transposed)? */
static int listed_pair(const nctx *c, const char *a, const char *b)
{
	char *ca = compact_of(a), *cb = compact_of(b);
	int r = rule_any(c, "item-list", ca) && rule_any(c, "item-list", cb);
	free(ca);
	free(cb);
	return r;
}

/* How far the centre of chain members mem[a..b) is from its row: the
 * numbers line of a member that sits on one (the anchor), else the nearest
 * numbers line of the page. */
static double chain_offset(const frag *f, const int *mem, int a, int b, const double *nc, const int *ncp, int nnc)
{
	double cy = (f[mem[a]].cy0 + f[mem[b - 1]].cy1) / 2, best = 1e18;
	for (int k = a; k < b; k++)
		if (f[mem[k]].line_num) {
			double d = cy - (f[mem[k]].cy0 + f[mem[k]].cy1) / 2;
			return d < 0 ? -d : d;
		}
	for (int q = 0; q < nnc; q++)
		if (ncp[q] == f[mem[a]].page) {
			double d = cy - nc[q];
			if (d < 0)
				d = -d;
			if (d < best)
				best = d;
		}
	return best;
}

static int near_numbers(const double *nc, const int *ncp, int nnc, int page, double y, double tol)
{
	int lo = 0, hi = nnc; /* first entry not before (page, y - tol) */
	while (lo < hi) {
		int m = (lo + hi) / 2;
		if (ncp[m] < page || (ncp[m] == page && nc[m] < y - tol))
			lo = m + 1;
		else
			hi = m;
	}
	return lo < nnc && ncp[lo] == page && nc[lo] <= y + tol;
}

/* The line pitch inside wrapped cells, from cells centred on their row:
 * two fragments of one column placed symmetrically about a row's numbers
 * with nothing of theirs on that line (a cell of an even number of lines),
 * or about a fragment on the numbers line that starts at the same x (an
 * odd number).  Returns the most voted step (per line), 0 when fewer than
 * three votes agree; *one: the mean step of the even cells.  f is
 * sorted by page and y0. */
static double wrap_pitch(const frag *f, int nf, double h, const double *nc, const int *ncp, int nnc, double *one,
                         double *exact)
{
	int cap = 64, nv = 0, ne = 0;
	double *v = gk_malloc(sizeof(double) * (size_t)cap), even = 0;
	for (int i = 0; i < nf; i++) {
		if (f[i].num || f[i].line_num)
			continue;
		double ci = (f[i].y0 + f[i].y1) / 2;
		for (int k = i + 1; k < nf && f[k].page == f[i].page && f[k].y0 - f[i].y0 < 4.4 * h; k++) {
			if (f[k].num || f[k].line_num)
				continue;
			double ov = (f[i].x1 < f[k].x1 ? f[i].x1 : f[k].x1) - (f[i].x0 > f[k].x0 ? f[i].x0 : f[k].x0);
			double ck = (f[k].y0 + f[k].y1) / 2, dy = ck - ci, mid = (ci + ck) / 2;
			if (dy < 0.8 * h || ov <= 0)
				continue;
			double step = 0;
			if (dy < 2.2 * h && near_numbers(nc, ncp, nnc, f[i].page, mid, 0.06 * h)) {
				/* two lines about the numbers, nothing of the column
				 * between them */
				step = dy;
				for (int q = i + 1; q < k && step > 0; q++) {
					double oq = (f[i].x1 < f[q].x1 ? f[i].x1 : f[q].x1) - (f[i].x0 > f[q].x0 ? f[i].x0 : f[q].x0);
					if (oq > 0 && f[q].y0 > f[i].y0 + 0.5 * h && f[q].y0 < f[k].y0 - 0.5 * h)
						step = 0;
				}
				if (step > 0)
					even += step, ne++;
			}
			else if (dy >= 1.6 * h && f[k].x0 - f[i].x0 < 0.6 && f[i].x0 - f[k].x0 < 0.6)
				/* three lines: the middle one on the numbers line */
				for (int q = i + 1; q < k && !step; q++) {
					double cq = (f[q].y0 + f[q].y1) / 2;
					if (f[q].line_num && !f[q].num && f[q].x0 - f[i].x0 < 0.6 && f[i].x0 - f[q].x0 < 0.6 &&
					    cq - mid < 0.12 * h && mid - cq < 0.12 * h)
						step = dy / 2;
				}
			if (step <= 0)
				continue;
			if (nv == cap)
				v = gk_realloc(v, sizeof(double) * (size_t)(cap *= 2));
			v[nv++] = step;
		}
	}
	qsort(v, (size_t)nv, sizeof *v, cmp_double);
	double best = 0, lo = 0, hi = 0;
	int bestn = 2;
	for (int i = 0, j = 0; i < nv; i++) { /* densest window of 0.05 h */
		while (v[i] - v[j] > 0.05 * h)
			j++;
		if (i - j + 1 > bestn)
			bestn = i - j + 1, best = (v[i] + v[j]) / 2, lo = v[j], hi = v[i];
	}
	/* five votes or more within two hundredths of the step: the font's
	 * leading, set exactly (a text layer, not OCR's jittered lines);
	 * exact: how far a step may then be from it, the votes' own spread */
	double dev = (best - lo > hi - best ? best - lo : hi - best) + (hi - lo);
	/* (glyph boxes of other heights move a line's top a few
	 * hundredths: 新乡's 理局 12.39 under a pitch of 12.33) */
	if (dev < 0.015 * best)
		dev = 0.015 * best;
	*exact = best > 0 && bestn >= 5 && hi - lo <= 0.02 * best ? dev : 0;
	*one = ne ? even / ne : 0; /* two lines about the numbers: for line_pitch */
	if (getenv("GK_DEBUG_ROWS")) {
		fprintf(stderr, "wrap_pitch p%d: %d votes, best %.2f x%d:", nf ? f[0].page : 0, nv, best, bestn);
		for (int i = 0; i < nv; i++)
			fprintf(stderr, " %.2f", v[i]);
		fprintf(stderr, "\n");
	}
	free(v);
	return best;
}

/* The centres of the lines that carry numbers, per page, sorted (f is
 * sorted by page and y0). */
static void number_lines(lrows *w)
{
	w->nc = gk_malloc(sizeof(double) * (size_t)w->nf);
	w->ncp = gk_malloc(sizeof(int) * (size_t)w->nf);
	w->nnc = 0;
	for (int i = 0; i < w->nf; i++)
		if (w->f[i].num && !w->f[i].dead) {
			double cc = (w->f[i].y0 + w->f[i].y1) / 2;
			if (!w->nnc || w->ncp[w->nnc - 1] != w->f[i].page || cc - w->nc[w->nnc - 1] > 0.3 * w->h)
				w->nc[w->nnc] = cc, w->ncp[w->nnc++] = w->f[i].page;
		}
}

/* The line pitch inside a wrapped cell: from cells centred on their row
 * (wrap_pitch), else the usual step between a fragment alone on its line
 * (no numbers) and the nearest one above or below it in its column. */
static double line_pitch(lrows *w, const lr_anchor *an)
{
	const frag *f = w->f;
	double h = w->h, one, lp = wrap_pitch(f, w->nf, h, w->nc, w->ncp, w->nnc, &one, &w->exact);
	w->centred = lp > 0;
	if (lp > 0)
		return lp;
	double *st = gk_malloc(sizeof(double) * (size_t)w->nf);
	int ns = 0;
	for (int i = 0; i < w->nf; i++) {
		if (f[i].num || f[i].line_num)
			continue;
		double bestdy = 1e18;
		for (int k = i - 1; k >= 0 && f[k].page == f[i].page; k--) {
			double dy = f[i].y0 - f[k].y0;
			if (dy > 2.2 * h)
				break;
			if (f[k].col == f[i].col && !f[k].num && dy > 0.5 * h && dy < bestdy)
				bestdy = dy;
		}
		/* (or below it: the first line of a cell is nearer its second
		 * than the row above; rows anchored on columns keep theirs) */
		for (int k = i + 1; !an && k < w->nf && f[k].page == f[i].page; k++) {
			double dy = f[k].y0 - f[i].y0;
			if (dy > 2.2 * h)
				break;
			if (f[k].col == f[i].col && !f[k].num && dy > 0.5 * h && dy < bestdy)
				bestdy = dy;
		}
		if (bestdy < 1e17)
			st[ns++] = bestdy;
	}
	qsort(st, (size_t)ns, sizeof *st, cmp_double);
	lp = ns ? st[ns / 2] : 1.1 * h;
	free(st);
	/* a cell of two lines centred on its numbers says so too (one is
	 * enough when it agrees; rows of one line each, the middle one with
	 * numbers, do not) */
	w->centred = one > 0 && one - lp < 0.05 * h && lp - one < 0.05 * h;
	return lp;
}

/* the decimals the table's amounts usually print, -1 when none do */
static int usual_decimals(const frag *f, int nf)
{
	int ndec[8] = {0}, dec = -1;
	for (int i = 0; i < nf; i++) {
		const char *dot = f[i].num ? strchr(f[i].text.s, '.') : NULL;
		int n = 0;
		while (dot && isdigit((unsigned char)dot[1 + n]))
			n++;
		if (dot && n < 8)
			ndec[n]++;
	}
	for (int n = 1; n < 8; n++)
		if (ndec[n] > (dec >= 0 ? ndec[dec] : 0))
			dec = n;
	return dec;
}

/* Does another number stand on the line of fragment k? */
static int line_has_other_number(const lrows *w, int k)
{
	const frag *f = w->f;
	double h = f[k].y1 - f[k].y0;
	for (int q = 0; q < w->nf; q++)
		if (q != k && f[q].num && !f[q].dead && f[q].page == f[k].page && f[q].y0 - f[k].y0 < 0.3 * h &&
		    f[k].y0 - f[q].y0 < 0.3 * h)
			return 1;
	return 0;
}

/* Is a fragment of the column of fragment i printed between fragments
 * k and i (k above i)? */
static int between_in_column(const lrows *w, int k, int i)
{
	const frag *f = w->f;
	for (int q = k + 1; q < i; q++)
		if (f[q].page == f[i].page && f[q].y0 > f[k].y0 + 0.3 * (f[k].y1 - f[k].y0) &&
		    f[q].y0 < f[i].y0 - 0.3 * (f[i].y1 - f[i].y0) && f[q].x0 < f[i].x1 + 1 && f[q].x1 > f[i].x0 - 1)
			return 1;
	return 0;
}

/* The last digits of an amount wrapped in a narrow cell ("24995.9" above
 * "4"), right-aligned under it: fragment i joins that amount.  Returns
 * whether it did. */
static int join_amount_tail(lrows *w, int i)
{
	frag *f = w->f, *g = &f[i];
	const char *t = g->text.s;
	double h = g->y1 - g->y0;
	for (int k = i - 1; k >= 0 && f[k].page == g->page && g->y0 - f[k].y0 < 2.2 * h; k--) {
		const frag *p = &f[k];
		/* (the next line, or, for an amount alone on its line, a line
		 * further with nothing of its column between: the pieces set
		 * about their row's numbers line, 杭州交通 表3 576,171.1 over
		 * the 合计 line and 1 under it) */
		if (g->y0 - p->y0 >= 1.5 * h && (between_in_column(w, k, i) || line_has_other_number(w, k)))
			continue;
		const char *dot = p->num && !p->dead ? strchr(p->text.s, '.') : NULL;
		int n = 0;
		while (dot && isdigit((unsigned char)dot[1 + n]))
			n++;
		double dx = p->x1 - g->x1;
		if (dot && !dot[1 + n] && n + (int)strlen(t) == w->dec && dx < 1.5 && dx > -1.5 &&
		    g->y0 - p->y0 > 0.3 * (g->y1 - g->y0)) {
			gk_buf_adds(&f[k].text, t);
			if (g->y1 > f[k].y1)
				f[k].y1 = f[k].cy1 = g->y1;
			g->dead = 1;
			/* (an amount alone on its line set about its row's numbers:
			 * that line carries no row, the words beside its head are
			 * a label wrapped about the row like it) */
			for (int q = 0; g->y0 - p->y0 >= 1.5 * h && q < w->nf; q++)
				if (!f[q].num && f[q].page == p->page && f[q].y0 - p->y0 < 0.3 * h && p->y0 - f[q].y0 < 0.3 * h)
					f[q].line_num = f[q].anchors = 0;
			return 1;
		}
	}
	return 0;
}

/* Does a numbers line lie half a line pitch from centre a or b (the
 * lines of a cell centred on it, one above and one below)? */
static int half_pitch_off(const lrows *w, int page, double a, double b)
{
	double hp = w->lp / 2, tol = 0.15 * w->h;
	return near_numbers(w->nc, w->ncp, w->nnc, page, a + hp, tol) || near_numbers(w->nc, w->ncp, w->nnc, page, a - hp, tol) ||
	       near_numbers(w->nc, w->ncp, w->nnc, page, b + hp, tol) || near_numbers(w->nc, w->ncp, w->nnc, page, b - hp, tol);
}

/* The open item of fragment i's column whose last line is one line
 * pitch above it (dotcont: the number whose decimals i continues), or
 * -1. */
static int chain_above(const lrows *w, int i, int dotcont, const lr_anchor *an)
{
	const frag *f = w->f, *g = &f[i];
	double lp = w->lp, bd = 1e18;
	int best = -1;
	for (int k = i - 1; k >= 0; k--) {
		const frag *p = &f[k];
		if (p->page != g->page)
			break;
		/* (the lines of a cell centred on its numbers may be set two
		 * heights apart: one line pitch, as a centred cell shows, both
		 * off the numbers line, which lies half a pitch from one of them) */
		if (g->y0 - p->last_y0 > 1.8 * w->h + 1 &&
		    (!w->centred || p->anchors || g->line_num || g->y0 - p->last_y0 > 1.3 * w->lp ||
		     !half_pitch_off(w, g->page, p->last_y0 + (g->y1 - g->y0) / 2, (g->y0 + g->y1) / 2)))
			continue;
		if (p->dead || p->col != g->col)
			continue;
		if (dotcont ? !p->num || strchr(p->text.s, '.') : p->num)
			continue;
		double dy = g->y0 - p->last_y0;
		/* one line below, and not two rows that both carry numbers;
		 * anchored rows interleave their cells' lines a point or
		 * two apart: only the exact pitch joins.  Where the pitch is
		 * the font's exact leading, the next cell's first line comes
		 * after the cells' padding, a few tenths of a point more (上海
		 * 决算's narrow 科目名称 column: 13.56 inside a cell, 14.16 from
		 * 业支出 to the next row's 行政事业单位) */
		double hu = f[p->tail].cy1 - f[p->tail].cy0, hg = g->cy1 - g->cy0;
		/* (tops of boxes as tall as each other: 重庆水利's 基本养老保
		 * over 险缴费支出, boxes 11.6 and 14.1 tall, are 11.7 apart
		 * under a pitch of 13) */
		int same_h = hu - hg < 0.02 * w->h && hg - hu < 0.02 * w->h;
		double slack = an ? 0.06 * lp : w->exact > 0 && same_h ? w->exact : 0.2 * lp;
		if (dy < lp - slack || dy > lp + slack || (g->line_num && p->anchors && !dotcont))
			continue;
		double dd = dy - lp;
		if (dd < 0)
			dd = -dd;
		const frag *u = &f[p->tail];
		if (u->x0 - g->x0 > 0.6 || g->x0 - u->x0 > 0.6)
			dd += 0.05 * lp; /* lines of a cell start at one x */
		if (dd < bd)
			bd = dd, best = k;
	}
	return best;
}

/* Is a code (a number without decimals: a coded table's key, 303 03 or
 * 302 18) printed left of fragment i on its line, at most gap away?
 * f is sorted by page and y0. */
static int code_left(const frag *f, int nf, int i, double h, double gap)
{
	const frag *g = &f[i];
	for (int d = -1; d <= 1; d += 2)
		for (int k = i + d; k >= 0 && k < nf && f[k].page == g->page; k += d) {
			const frag *q = &f[k];
			if (q->y0 - g->y0 > 0.3 * h || g->y0 - q->y0 > 0.3 * h)
				break;
			if (q->num && !strchr(q->text.s, '.') && q->x1 <= g->x0 + 0.5 && g->x0 - q->x1 < gap)
				return 1;
		}
	return 0;
}

/* Is fragment i printed just right of a code on its own line?  A label
 * so keyed is a row of its own, not the wrapped end of the label above
 * when that one is keyed too (rows without amounts, one under another). */
static int keyed(const frag *f, int nf, int i, double h)
{
	return code_left(f, nf, i, h, 2 * h);
}

/* Join the fragments of a column into chains: wrapped labels (unless the
 * next starts a new item), amounts split from their decimals or their
 * last digits.  f is sorted by page and y0. */
static void join_chains(const nctx *c, lrows *w, const lr_anchor *an)
{
	frag *f = w->f;
	for (int i = 0; i < w->nf; i++) {
		frag *g = &f[i];
		const char *t = g->text.s;
		int dotcont = !an && t[0] == '.' && isdigit((unsigned char)t[1]);
		if (!an && !dotcont && w->dec > 0 && g->num && !g->marker && strlen(t) <= 3 &&
		    strspn(t, "0123456789") == strlen(t) && join_amount_tail(w, i))
			continue;
		if (g->num && !dotcont)
			continue;
		if (!dotcont && !an && frag_is_new_item(c, t))
			continue;
		int best = chain_above(w, i, dotcont, an);
		if (best < 0)
			continue;
		frag *p = &f[best];
		if (!dotcont && !an && keyed(f, w->nf, i, w->h) && keyed(f, w->nf, p->tail, w->h))
			continue;
		if (!dotcont && !an && p->tail == best && is_total_label(c, p->text.s))
			continue;
		if (!dotcont && !an && p->tail == best && listed_pair(c, p->text.s, t))
			continue;
		/* link g at the end of p's chain */
		f[p->tail].nxt = i;
		p->tail = i;
		p->anchors += g->line_num;
		p->last_y0 = g->y0;
		if (g->y1 > p->y1)
			p->y1 = g->y1;
		g->dead = 1;
		if (dotcont)
			p->num = 1; /* re-read when the chain is joined */
	}
}

/* In a table whose cells are centred on their numbers (w->centred), a
 * row's label may start a line above its numbers, one line pitch under
 * the row before, and so be chained onto that row's label (广州气象 表12:
 * 息化运维项目 then 广州市气象综合保障中 over 心2026年-2027年信息化运维, the
 * numbers line).  The unanchored members at the end of a chain go to the
 * chain one line pitch below them in their column, headed on its numbers
 * line, when both then sit centred on their numbers and the first did
 * not, and the lines so joined read as one cell: none with a code of its
 * own, each but the last full. */
static void hand_over(lrows *w)
{
	frag *f = w->f;
	double lp = w->lp;
	if (!w->centred || !w->nnc || lp <= 0)
		return;
	for (int i = 0; i < w->nf; i++) {
		frag *a = &f[i];
		if (a->dead || a->num || a->tail == i || !a->anchors)
			continue;
		int mem[64], nm = 0, la = -1;
		for (int k = i; k >= 0 && nm < 64; k = f[k].nxt) {
			if (f[k].line_num)
				la = nm;
			mem[nm++] = k;
		}
		if (la < 0 || la == nm - 1 || f[mem[nm - 1]].nxt >= 0) /* (or longer than read) */
			continue;
		/* (lines with a code of their own are rows without numbers, not
		 * a cell's lines: 30202 印刷费, 30204 手续费 … under 30201 办公费) */
		int coded = 0;
		for (int k = la + 1; k < nm && !coded; k++)
			coded = code_left(f, w->nf, mem[k], w->h, HUGE_VAL); /* however far */
		if (coded)
			continue;
		/* the chain below: its head on a numbers line one pitch down */
		const frag *u = &f[mem[nm - 1]];
		int b = -1;
		for (int k = mem[nm - 1] + 1; k < w->nf && f[k].page == u->page && f[k].y0 - u->y0 <= 1.2 * lp; k++)
			if (!f[k].dead && !f[k].num && f[k].col == a->col && f[k].line_num && f[k].y0 - u->y0 >= 0.8 * lp) {
				b = k;
				break;
			}
		if (b < 0)
			continue;
		int nb = 0, memb[64];
		for (int k = b; k >= 0 && nb < 64; k = f[k].nxt)
			memb[nb++] = k;
		if (f[memb[nb - 1]].nxt >= 0)
			continue;
		double offa = chain_offset(f, mem, 0, nm, w->nc, w->ncp, w->nnc);
		double offb = chain_offset(f, memb, 0, nb, w->nc, w->ncp, w->nnc);
		if (offa <= 0.35 * lp)
			continue;
		int best = -1;
		double bestc = offa + offb;
		for (int s = la + 1; s < nm; s++) {
			int cm[128], nc = 0;
			for (int k = s; k < nm; k++)
				cm[nc++] = mem[k];
			for (int k = 0; k < nb; k++)
				cm[nc++] = memb[k];
			/* a line wraps when full: each but the last reaches the
			 * cell's right edge (less a character) */
			double x1 = -1e18;
			int full = 1;
			for (int k = 0; k < nc; k++)
				if (f[cm[k]].x1 > x1)
					x1 = f[cm[k]].x1;
			for (int k = 0; k + 1 < nc && full; k++)
				full = f[cm[k]].x1 >= x1 - (f[cm[k]].cy1 - f[cm[k]].cy0);
			if (!full)
				continue;
			double oa = chain_offset(f, mem, 0, s, w->nc, w->ncp, w->nnc);
			double ob = chain_offset(f, cm, 0, nc, w->nc, w->ncp, w->nnc);
			if (oa <= 0.35 * lp && ob <= 0.35 * lp && oa + ob < bestc)
				bestc = oa + ob, best = s;
		}
		if (best < 0)
			continue;
		/* cut a before mem[best]; mem[best..] heads b's chain */
		f[mem[best - 1]].nxt = -1;
		a->tail = mem[best - 1];
		a->last_y0 = f[mem[best - 1]].y0;
		a->y1 = a->cy1;
		for (int k = 1; k < best; k++)
			if (f[mem[k]].cy1 > a->y1)
				a->y1 = f[mem[k]].cy1;
		frag *h = &f[mem[best]], *bh = &f[b];
		f[mem[nm - 1]].nxt = b;
		h->dead = 0;
		h->tail = bh->tail;
		h->anchors = bh->anchors;
		h->last_y0 = bh->last_y0;
		h->y1 = bh->y1;
		bh->dead = 1;
	}
}

/* How many numbers lines of page have their centre inside [y0, y1]? */
static int spans_numbers(const lrows *w, int page, double y0, double y1)
{
	int n = 0;
	for (int q = 0; q < w->nnc; q++)
		n += w->ncp[q] == page && w->nc[q] > y0 && w->nc[q] < y1;
	return n;
}

/* A wrapped cell is centred on its row's numbers.  A text chain whose
 * centre is off its own numbers line (the line of its member that
 * carries numbers, else the nearest one) took in the next rows' labels:
 * cut it into the parts that come out best centred (least total offset,
 * each cut costing a quarter line, no part holding two rows' numbers).
 * A chain with no member on a numbers line may be the label of a row
 * without numbers, centred on nothing: it is cut only when every part
 * then sits on numbers. */
static void cut_chains(lrows *w)
{
	frag *f = w->f;
	double lp = w->lp;
	for (int i = 0; i < w->nf && w->nnc; i++) {
		frag *p = &f[i];
		if (p->dead || p->tail == i || p->num)
			continue;
		int mem[64], nm = 0, anchored = 0;
		for (int k = i; k >= 0 && nm < 64; k = f[k].nxt) {
			anchored |= f[k].line_num;
			mem[nm++] = k;
		}
		double whole = chain_offset(f, mem, 0, nm, w->nc, w->ncp, w->nnc);
		/* (a chain with no member on a numbers line reaching over two
		 * or more of them is centred on the middle one by chance: the
		 * labels of rows 宣传教/育中心, 执法监/察支队, … one under another,
		 * each set about its own numbers line a little more than a line
		 * pitch apart) */
		if (!anchored && nm > 1 && spans_numbers(w, f[mem[0]].page, f[mem[0]].cy0, f[mem[nm - 1]].cy1) >= 2)
			whole = 1e16;
		if (whole <= 0.35 * lp || whole > 1e17)
			continue;
		/* best[j]: least cost of cutting mem[0..j); from[j]: its last cut */
		double best[65];
		int from[65];
		best[0] = 0;
		for (int j = 1; j <= nm; j++) {
			best[j] = 1e18, from[j] = 0;
			for (int a = j - 1; a >= 0; a--) {
				int na = 0;
				for (int k = a; k < j; k++)
					na += f[mem[k]].line_num != 0;
				if (na > 1)
					break; /* longer parts hold these two as well */
				double off = chain_offset(f, mem, a, j, w->nc, w->ncp, w->nnc);
				if (!anchored && (off > 0.35 * lp ||
				                  spans_numbers(w, f[mem[a]].page, f[mem[a]].cy0, f[mem[j - 1]].cy1) >= 2))
					continue;
				double cost = best[a] + off + (a ? 0.25 * lp : 0);
				if (cost < best[j])
					best[j] = cost, from[j] = a;
			}
		}
		if (best[nm] >= whole)
			continue;
		/* cut before each part's first member; each part heads itself */
		for (int j = nm; j > 0; j = from[j]) {
			int a = from[j];
			f[mem[j - 1]].nxt = -1;
			frag *q = &f[mem[a]];
			q->dead = 0;
			q->tail = mem[j - 1];
			q->anchors = 0;
			for (int k = a; k < j; k++)
				q->anchors += f[mem[k]].line_num != 0;
		}
	}
	if (getenv("GK_DEBUG_ROWS"))
		for (int i = 0; i < w->nf; i++)
			if (!f[i].dead) {
				fprintf(stderr, "chain p%d col %d y %.1f-%.1f anchors %d lp %.1f:", f[i].page, f[i].col, f[i].cy0, f[i].cy1, f[i].anchors, lp);
				for (int k = i; k >= 0; k = f[k].nxt)
					fprintf(stderr, " [%s@%.1f,%.1f]", f[k].text.s, f[k].x0, f[k].cy0);
				fprintf(stderr, "\n");
			}
}

/* Each chain joined into its head: one cell, its text and extent. */
static void close_chains(lrows *w)
{
	frag *f = w->f;
	for (int i = 0; i < w->nf; i++) {
		frag *p = &f[i];
		if (p->dead)
			continue;
		p->y1 = p->cy1; /* the greedy pass widened it; splits may have cut it back */
		if (p->tail == i)
			continue;
		for (int k = p->nxt; k >= 0; k = f[k].nxt) {
			gk_buf_add(&p->text, f[k].text.s, f[k].text.len);
			if (f[k].cy1 > p->y1)
				p->y1 = f[k].cy1;
			if (f[k].x0 < p->x0)
				p->x0 = f[k].x0;
			if (f[k].x1 > p->x1)
				p->x1 = f[k].x1;
		}
		char buf[48], *fw = gk_fold_width(p->text.s);
		p->num = gk_amount_parse(fw, buf, sizeof buf);
		free(fw);
	}
}

/* Chain the fragments of w (sorted by page and y0, each its own chain,
 * columns set): the centres of the numbers lines, the line pitch, the
 * usual decimals, then chains joined, cut and closed.  Dead fragments
 * are the members joined into another's chain. */
void chain_frags(const nctx *c, lrows *w, const lr_anchor *an)
{
	number_lines(w);
	w->lp = line_pitch(w, an);
	/* (OCR's lines sit on whole pixels: votes may agree exactly by
	 * rounding, and its steps jitter by a pixel) */
	for (int i = 0; i < w->nf && w->exact > 0; i++)
		if (ocr_page(c, w->f[i].page))
			w->exact = 0;
	w->dec = usual_decimals(w->f, w->nf);
	join_chains(c, w, an);
	/* (the numbers lines again: amounts joined to their wrapped tails) */
	free(w->nc);
	free(w->ncp);
	number_lines(w);
	if (!an)
		hand_over(w);
	cut_chains(w);
	close_chains(w);
	free(w->nc);
	free(w->ncp);
}
