/*
 * blocks.c - general_budget_basic_expenditure printed as side-by-side
 * blocks (科目代码 科目名称 决算数, two or three times across the page under
 * 人员经费 and 公用经费): each printed line cut where a second economic
 * code starts, each piece a row of its block, its group from the group
 * heads or the block's total label.
 *
 * Entry point: basic_blocks.
 */
#include "nctx.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* 决算 documents print the 一般公共预算财政拨款基本支出决算表 as two or three
 * blocks of (科目代码, 科目名称, 决算数) side by side, under the group heads
 * 人员经费 and 公用经费, with the group totals (人员经费合计, 公用经费合计) on
 * the last line.  A printed line then carries one row of each block: it is
 * cut where a second economic code starts, and each piece is a row of its
 * own, its figure the total and, by the group its block stands under, the
 * personnel or public figure. */

#define BB_MAXSEG 8

#define BB_MAXBLK 8

/* Which group a header word or total label names: 1 人员经费, 2 公用经费 (the
 * basic family's column rules), 0 neither. */
static int basic_group(const nctx *c, const char *cp)
{
	int n;
	const gk_rule *const *cols = gk_rules_of(c->rules, "column", &n); /* owned by the rules */
	size_t len = strlen(cp);
	for (int i = 0; i < n; i++) {
		int g = !strcmp(cols[i]->name, "basic:personnel") ? 1 : !strcmp(cols[i]->name, "basic:public") ? 2 : 0;
		if (g && gk_rule_match(cols[i], cp, len, NULL))
			return g;
	}
	return 0;
}

/* A token that starts a block's row: a 部门经济分类 code (3 or 5 digits,
 * 3xx), alone or glued to its name. */
static int basic_code_start(const char *cp)
{
	size_t d = 0;
	while (isdigit((unsigned char)cp[d]))
		d++;
	if ((d != 3 && d != 5) || cp[0] != '3')
		return 0;
	return !cp[d] || ((unsigned char)cp[d] >= 0x80 && strncmp(cp + d, "年", 3) && strncmp(cp + d, "月", 3));
}

/* A total label: 合计, or a group's 人员经费合计 / 公用经费合计.  Returns
 * 1 + the group (1: the table's own 合计), 0 if none. */
static int basic_total_label(const nctx *c, const char *cp)
{
	if (rule_any(c, "total", cp))
		return 1;
	size_t l = strlen(cp);
	if (l > 6 && (!strcmp(cp + l - 6, "合计") || !strcmp(cp + l - 6, "总计"))) {
		int g = basic_group(c, cp);
		return g ? 1 + g : 0;
	}
	return 0;
}

typedef struct bseg {
	int row, blk;
	int total; /* 1 + group of a total label, 0 for a code row */
	prow p;    /* its text pieces and numbers */
} bseg;

/* Where the pieces of row p start (x, sorted): its codes and total labels. */
static int basic_starts(const nctx *c, const prow *p, double *sx, int *code)
{
	int ns = 0;
	for (int j = 0; j < p->ntext && ns < BB_MAXSEG; j++) {
		char *cp = compact_of(p->text[j]);
		int isc = basic_code_start(cp), ist = !isc && basic_total_label(c, cp);
		free(cp);
		if (!isc && !ist)
			continue;
		int k = ns++;
		while (k > 0 && sx[k - 1] > p->tx0[j]) {
			sx[k] = sx[k - 1], code[k] = code[k - 1];
			k--;
		}
		sx[k] = p->tx0[j], code[k] = isc;
	}
	return ns;
}

/* A copy of row p with "2,239.41 307" (an amount and the next block's
 * code one space apart, as layout text prints them) cut in two: the code
 * starts as many columns after the amount as the characters before it. */
static void basic_unglue(const prow *p, prow *q)
{
	memset(q, 0, sizeof *q);
	q->line0 = p->line0, q->line1 = p->line1, q->y = p->y;
	for (int j = 0; j < p->nnum; j++) {
		memcpy(q->num[j], p->num[j], sizeof q->num[j]);
		q->nx0[j] = p->nx0[j], q->nx1[j] = p->nx1[j], q->nidx[j] = p->nidx[j], q->slot[j] = p->slot[j];
	}
	q->nnum = p->nnum;
	for (int j = 0; j < p->ntext && q->ntext < 32; j++) {
		char *f = gk_fold_width(p->text[j]);
		char *sp1 = strchr(f, ' ');
		char buf[48];
		if (sp1 && sp1 - f < 40 && q->nnum < MAXNUM) {
			char head[48];
			memcpy(head, f, (size_t)(sp1 - f));
			head[sp1 - f] = 0;
			const char *rest = sp1;
			while (*rest == ' ')
				rest++;
			if (strchr(head, '.') && gk_amount_parse(head, buf, sizeof buf) && basic_code_start(rest)) {
				snprintf(q->num[q->nnum], sizeof q->num[0], "%s", buf);
				q->nx0[q->nnum] = p->tx0[j];
				q->nx1[q->nnum] = p->tx0[j] + (double)(sp1 - f);
				q->slot[q->nnum] = -1;
				q->nnum++;
				q->tx0[q->ntext] = p->tx0[j] + (double)(rest - f);
				q->text[q->ntext++] = gk_strdup(rest);
				free(f);
				continue;
			}
		}
		free(f);
		q->tx0[q->ntext] = p->tx0[j];
		q->text[q->ntext++] = gk_strdup(p->text[j]);
	}
}

static int basic_piece_of(const double *sx, int ns, double x)
{
	int s = 0;
	while (s + 1 < ns && sx[s + 1] <= x + 0.5)
		s++;
	return s;
}

/* The blocks of a side-by-side table. */
typedef struct blayout {
	int side;               /* lines where a second code follows a name or an amount */
	int coded;              /* lines with a code */
	double xmin, xmax;      /* the rows' x extent */
	double cx[MAXROWS / 4]; /* where the codes start */
	int ncx;
	double gap;             /* codes further apart start another block */
	double bl[BB_MAXBLK];   /* where each block's codes start */
	int nb;
	int grp[BB_MAXBLK];     /* each block's group: 1 人员经费, 2 公用经费, 0 unknown */
} blayout;

/* The block of x: the last block starting before it (within gap/2). */
static int block_of(const blayout *L, double x)
{
	return basic_piece_of(L->bl, L->nb, x + L->gap / 2);
}

/* Read the layout off the rows: how many lines print a second code after
 * a name or an amount of the first, the rows' extent, where codes start.
 * Returns whether the table is printed so. */
static int blocks_layout(const nctx *c, const prow *rows, int nr, blayout *L)
{
	L->xmin = 1e30, L->xmax = -1e30;
	for (int i = 0; i < nr; i++) {
		const prow *p = &rows[i];
		double sx[BB_MAXSEG];
		int code[BB_MAXSEG];
		int ns = basic_starts(c, p, sx, code);
		for (int j = 0; j < p->ntext; j++)
			L->xmin = p->tx0[j] < L->xmin ? p->tx0[j] : L->xmin, L->xmax = p->tx0[j] > L->xmax ? p->tx0[j] : L->xmax;
		for (int j = 0; j < p->nnum; j++)
			L->xmin = p->nx0[j] < L->xmin ? p->nx0[j] : L->xmin, L->xmax = p->nx1[j] > L->xmax ? p->nx1[j] : L->xmax;
		int ncode = 0;
		for (int s = 0; s < ns; s++)
			if (code[s]) {
				ncode++;
				if (L->ncx < (int)(sizeof L->cx / sizeof L->cx[0]))
					L->cx[L->ncx++] = sx[s];
			}
		if (ncode)
			L->coded++;
		for (int s = 1; s < ns; s++) {
			if (!code[s])
				continue;
			int filled = 0; /* a name or an amount in the piece before */
			for (int j = 0; j < p->ntext && !filled; j++)
				if (basic_piece_of(sx, ns, p->tx0[j]) == s - 1 && p->tx0[j] > sx[s - 1] + 0.5)
					filled = 1;
			for (int j = 0; j < p->nnum && !filled; j++)
				if (basic_piece_of(sx, ns, p->nx0[j]) == s - 1)
					filled = 1;
			if (filled) {
				L->side++;
				break;
			}
		}
	}
	return L->side >= 2 && L->side * 4 >= L->coded && L->xmax > L->xmin;
}

/* The blocks: the x columns the codes start in.  Returns whether there
 * are two or more. */
static int block_columns(blayout *L)
{
	qsort(L->cx, (size_t)L->ncx, sizeof L->cx[0], cmp_double);
	L->gap = (L->xmax - L->xmin) * 0.08;
	for (int i = 0; i < L->ncx; i++)
		if ((!L->nb || L->cx[i] - L->cx[i - 1] > L->gap) && L->nb < BB_MAXBLK)
			L->bl[L->nb++] = L->cx[i];
	return L->nb >= 2;
}

/* The group of each block by the head lines [b, e): the nearest group
 * head (a head is centred over the blocks it spans); none unless both
 * groups have a head. */
static void group_heads(const nctx *c, int b0, int e, const blayout *L, int hg[BB_MAXBLK])
{
	double hd[BB_MAXBLK];
	int seen = 0;
	for (int i = b0; i < e; i++) {
		const gk_line *l = c->x[i].l;
		if (c->x[i].skip || l->geom != GK_GEOM_POS)
			continue;
		for (int j = 0; j < l->ncell; j++) {
			char *cp = compact_of(l->cell[j].text);
			int g = basic_group(c, cp);
			free(cp);
			if (!g)
				continue;
			double mid = (l->cell[j].x0 + l->cell[j].x1) / 2;
			for (int b = 0; b < L->nb; b++) {
				double bc = (L->bl[b] + (b + 1 < L->nb ? L->bl[b + 1] : L->xmax)) / 2;
				double dd = mid > bc ? mid - bc : bc - mid;
				if (!hg[b] || dd < hd[b])
					hg[b] = g, hd[b] = dd;
			}
			seen |= 1 << g;
		}
	}
	if (seen != 6) /* one group head alone says nothing of the others */
		memset(hg, 0, sizeof(int) * BB_MAXBLK);
}

/* Row p cut into pieces appended to seg (*nseg): one per code or total
 * label, its text and its one figure; tg[b]: the group block b's total
 * label names.  Returns 0 when a piece holds two figures (some other
 * layout). */
static int row_pieces(const nctx *c, const blayout *L, const prow *p, int i, bseg *seg, int *nseg, int tg[BB_MAXBLK])
{
	int ok = 1;
	double sx[BB_MAXSEG];
	int code[BB_MAXSEG];
	int ns = basic_starts(c, p, sx, code);
	if (!ns)
		ns = 1, sx[0] = L->xmin, code[0] = 0;
	bseg *row = &seg[*nseg];
	for (int s = 0; s < ns; s++) {
		row[s].row = i;
		row[s].blk = block_of(L, sx[s]);
	}
	for (int j = 0; j < p->ntext; j++) {
		/* a total label is a piece of its own; other text belongs to the
		 * code it follows (a label printed under a name of the line
		 * above is no part of that name) */
		char *cp = compact_of(p->text[j]);
		int lab = !basic_code_start(cp) && basic_total_label(c, cp);
		free(cp);
		int s = basic_piece_of(sx, ns, p->tx0[j]);
		if (lab)
			while (s + 1 < ns && code[s] && sx[s + 1] <= p->tx0[j] + 0.5)
				s++;
		else
			while (s > 0 && !code[s])
				s--;
		prow *q = &row[s].p;
		if (q->ntext < 32) {
			q->tx0[q->ntext] = p->tx0[j];
			q->text[q->ntext++] = gk_strdup(p->text[j]);
		}
	}
	for (int j = 0; j < p->nnum; j++) {
		prow *q = &row[basic_piece_of(sx, ns, p->nx0[j])].p;
		if (q->nnum) {
			ok = 0;
			break;
		}
		snprintf(q->num[0], sizeof q->num[0], "%s", p->num[j]);
		q->nx0[0] = p->nx0[j], q->nx1[0] = p->nx1[j];
		q->nnum = 1;
	}
	for (int s = 0; s < ns; s++) {
		if (!row[s].p.ntext && !row[s].p.nnum)
			continue;
		char *cp = row[s].p.ntext ? compact_of(row[s].p.text[0]) : gk_strdup("");
		row[s].total = code[s] ? 0 : basic_total_label(c, cp);
		free(cp);
		if (row[s].total > 1)
			tg[row[s].blk] = row[s].total - 1;
		if (*nseg != (int)(&row[s] - seg))
			seg[*nseg] = row[s], memset(&row[s], 0, sizeof row[s]);
		(*nseg)++;
	}
	return ok;
}

static void blocks_debug(const tspan *sp, const blayout *L, const bseg *seg, int nseg, int ok)
{
	fprintf(stderr, "%s: side-by-side blocks (%d lines of %d):", sp->id, L->side, L->coded);
	for (int b = 0; b < L->nb; b++)
		fprintf(stderr, " x=%.1f group=%d", L->bl[b], L->grp[b]);
	fprintf(stderr, "%s\n", ok ? "" : " (not read so: two figures in a block)");
	for (int s = 0; s < nseg; s++) {
		fprintf(stderr, "piece %d.%d:", seg[s].row, seg[s].blk);
		for (int j = 0; j < seg[s].p.ntext; j++)
			fprintf(stderr, " [%s]", seg[s].p.text[j]);
		for (int j = 0; j < seg[s].p.nnum; j++)
			fprintf(stderr, " %s", seg[s].p.num[j]);
		fprintf(stderr, "\n");
	}
}

/* The rows written: the totals first (合计 and the group totals as one
 * 合计 row; without a printed 合计, the sum of the two groups), then block
 * by block, top to bottom, each figure the total and its group's. */
static void blocks_write(nctx *c, gk_table *t, const blayout *L, bseg *seg, int nseg, int shift)
{
	static const char *const gcol[] = {"total", "personnel", "public"};
	const char *tot[3] = {NULL, NULL, NULL};
	int any = 0;
	for (int s = 0; s < nseg; s++)
		if (seg[s].total && seg[s].p.nnum && !tot[seg[s].total - 1])
			tot[seg[s].total - 1] = seg[s].p.num[0], any = 1;
	if (any) {
		int ts = 0; /* (the first total piece: where the row was printed) */
		while (ts < nseg - 1 && !seg[ts].total)
			ts++;
		int ri = table_row(c, t, seg[ts].p.line0, seg[ts].p.line1);
		gk_table_set(t, ri, gk_table_col(t, "econ_name"), "合计");
		char sum[64];
		if (!tot[0] && tot[1] && tot[2]) { /* the whole is its two groups */
			decsum d = {0};
			decsum_add(&d, tot[1]);
			decsum_add(&d, tot[2]);
			decsum_str(&d, sum, sizeof sum);
			tot[0] = sum;
		}
		for (int g = 0; g < 3; g++)
			if (tot[g])
				put_amount(t, ri, gk_table_col(t, gcol[g]), tot[g], shift);
	}
	for (int b = 0; b < L->nb; b++)
		for (int s = 0; s < nseg; s++) {
			if (seg[s].blk != b || seg[s].total)
				continue;
			rowkeys k;
			interpret_keys(c, F_BASIC, &seg[s].p, &k);
			int ri = table_row(c, t, seg[s].p.line0, seg[s].p.line1);
			gk_table_set(t, ri, gk_table_col(t, "econ_code"), k.econ);
			gk_table_set(t, ri, gk_table_col(t, "gov_econ_code"), k.gov);
			gk_table_set(t, ri, gk_table_col(t, "econ_name"), k.name);
			gk_table_set(t, ri, gk_table_col(t, "gov_econ_name"), k.name2 ? k.name2 : "");
			if (seg[s].p.nnum) {
				put_amount(t, ri, gk_table_col(t, "total"), seg[s].p.num[0], shift);
				if (L->grp[b])
					put_amount(t, ri, gk_table_col(t, gcol[L->grp[b]]), seg[s].p.num[0], shift);
			}
			rowkeys_free(&k);
		}
}

/* Read the rows of a side-by-side basic table into t.  Returns 0 (and
 * leaves t alone) when the table is not printed so. */
int basic_blocks(nctx *c, const tspan *sp, gk_table *t, const head *h, const prow *orows, int nr, int shift)
{
	if (nr < 2 || body_geom(c, h->first_row, sp->end) != GK_GEOM_POS)
		return 0;
	prow *rows = gk_calloc((size_t)nr, sizeof *rows);
	for (int i = 0; i < nr; i++)
		basic_unglue(&orows[i], &rows[i]);
	int ok = 0;
	bseg *seg = NULL;
	int nseg = 0;
	blayout *L = gk_calloc(1, sizeof *L);
	if (!blocks_layout(c, rows, nr, L) || !block_columns(L))
		goto done;
	/* the group of each block: the nearest group head, else the block's
	 * total label */
	int hg[BB_MAXBLK] = {0}, tg[BB_MAXBLK] = {0};
	group_heads(c, sp->begin, h->first_row, L, hg);
	seg = gk_calloc((size_t)nr * BB_MAXSEG, sizeof *seg);
	ok = 1;
	for (int i = 0; i < nr && ok; i++)
		ok = row_pieces(c, L, &rows[i], i, seg, &nseg, tg);
	for (int b = 0; b < L->nb; b++)
		L->grp[b] = hg[b] ? hg[b] : tg[b];
	if (getenv("GK_DEBUG"))
		blocks_debug(sp, L, seg, nseg, ok);
	if (ok)
		blocks_write(c, t, L, seg, nseg, shift);
done:
	for (int s = 0; seg && s < nr * BB_MAXSEG; s++)
		prow_free(&seg[s].p);
	free(seg);
	free(L);
	for (int i = 0; i < nr; i++)
		prow_free(&rows[i]);
	free(rows);
	return ok;
}
