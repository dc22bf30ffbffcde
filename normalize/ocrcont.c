/*
 * ocrcont.c - the columns of a coded table continued on the next OCR'd
 * page, held against those of the page before.
 *
 * A table continued over pages prints the same columns at the same x on
 * each page.  A continued page often holds figures in fewer columns
 * (the rows of one branch: 人员支出 only), and its own head may be
 * misread there: a group word (基本支出) read as a column of its own takes
 * the leaf of the figures below it, which then go to basic_total.  The
 * arithmetic cannot tell (total = basic_total holds as well as total =
 * 人员支出 with basic_total blank): a confident misplacement.
 *
 * So on an OCR'd page that continues the table of the page before, each
 * figure column whose right edge is the right edge of a column of that
 * page (within a few points) is expected to take the key the figures of
 * that column were placed in.  Where the page's own head names another
 * key for it:
 *
 *   - when the page before held figures in more columns than this one (a
 *     head read with its columns' figures under it, the arithmetic of
 *     more columns behind its placement), its key is taken, and the
 *     move is noted (`ocr:columns`, corrected);
 *   - otherwise neither page is surer than the other: the figures stay
 *     where the page's head put them and each row with one is flagged
 *     (`ocr:columns`, unsure), unless the row, once read whole, holds
 *     the figure under the page before's key too (cont_settle; not
 *     when that key is the row's total, which holds the figure of a row
 *     of one part whatever its part).
 *
 * Entry points: cont_columns (before the solver), cont_remember (after),
 * cont_settle (on the document's tables read whole).
 * Nothing is done on a page with a text layer.
 */
#include "nctx.h"
#include "ocrfix.h"

#include <stdlib.h>
#include <string.h>

#define CONT_TOL 6.0 /* points: one column's right edge on two pages */
#define CONT_DOUBT "(which is right is not known)"

/* The page of a table's rows, 0 when there are none. */
static int rows_page(const nctx *c, const prow *rows, int nr)
{
	return nr ? c->x[rows[0].line0].l->page : 0;
}

/* Right edge of each slot's figures (slots 0 .. nslot-1; -1 for none). */
static void slot_edges(const prow *rows, int nr, int nslot, double *x1)
{
	for (int s = 0; s < nslot; s++)
		x1[s] = -1;
	for (int i = 0; i < nr; i++)
		for (int j = 0; j < rows[i].nnum; j++) {
			int s = rows[i].slot[j];
			if (s >= 0 && s < nslot && rows[i].nx1[j] > x1[s])
				x1[s] = rows[i].nx1[j];
		}
}

/* The column of the page before whose right edge is x (-1: none). */
static int prev_column(const nctx *c, double x)
{
	int best = -1;
	double bd = CONT_TOL;
	for (int p = 0; p < c->cont.n; p++) {
		double d = c->cont.x1[p] > x ? c->cont.x1[p] - x : x - c->cont.x1[p];
		if (d <= bd)
			bd = d, best = p;
	}
	return best;
}

static int key_index(const solver_family *sf, const char *key)
{
	for (int k = 0; k < sf->nkey; k++)
		if (!strcmp(sf->key[k], key))
			return k;
	return -1;
}

/* One check per row with a figure in slot s, its key doubted: the page
 * before says prev, this page's head says now, and which is right is
 * not known. */
static void doubt_rows(nctx *c, const tspan *sp, const prow *rows, int nr, int s, const char *prev, const char *now,
                       int page)
{
	for (int i = 0; i < nr; i++)
		for (int j = 0; j < rows[i].nnum; j++) {
			if (rows[i].slot[j] != s)
				continue;
			char *row = gk_strfmt("%s/%s", rows[i].label[0] ? rows[i].label : "?", now);
			char *detail = gk_strfmt("%s p.%d: the figure %s stands where the page before put its column's "
			                         "figures in %s; this page's head names %s " CONT_DOUBT,
			                         sp->id, page, rows[i].num[j], prev, now);
			gk_result_add_finding(c->r, sp->id, "ocr:columns", row, prev, now, "unsure", page, detail);
			free(row);
			free(detail);
			break;
		}
}

void cont_columns(nctx *c, const tspan *sp, const gk_table *t, const solver_family *sf, const prow *rows, int nr,
                  unsigned *mask, char *const *xname, int nslot)
{
	int page = rows_page(c, rows, nr);
	if (!mask || !nslot || !page || !ocr_page(c, page) || !t->nrow || strcmp(c->cont.id, sp->id) ||
	    c->cont.page != page - 1)
		return;
	double *x1 = gk_malloc(sizeof *x1 * (size_t)nslot);
	slot_edges(rows, nr, nslot, x1);
	int used = 0;
	for (int s = 0; s < nslot; s++)
		used += x1[s] >= 0 && !(xname && xname[s]);
	for (int s = 0; s < nslot; s++) {
		unsigned m = mask[s];
		if (x1[s] < 0 || (xname && xname[s]))
			continue; /* no figures, or set aside */
		int p = prev_column(c, x1[s]);
		if (p < 0 || !c->cont.key[p][0])
			continue;
		if (!m || (m & (m - 1)))
			continue; /* no one key named */
		int k = __builtin_ctz(m), pk = key_index(sf, c->cont.key[p]);
		if (k < sf->nkey && pk == k)
			continue;
		const char *now = k < sf->nkey ? sf->key[k] : "?";
		if (pk >= 0 && pk < 32 && c->cont.ncol > used) {
			mask[s] = 1u << pk;
			char *detail = gk_strfmt("%s p.%d: the figures this page's head put under %s stand where the page "
			                         "before put its column's figures in %s: taken for those",
			                         sp->id, page, now, sf->key[pk]);
			gk_result_add_finding(c->r, sp->id, "ocr:columns", sf->key[pk], sf->key[pk], now, "corrected", page,
			                      detail);
			free(detail);
		} else {
			doubt_rows(c, sp, rows, nr, s, c->cont.key[p], now, page);
		}
	}
	free(x1);
}

void cont_remember(nctx *c, const tspan *sp, const solver_family *sf, const prow *rows, int nr, int nslot)
{
	int page = rows_page(c, rows, nr);
	c->cont.n = c->cont.ncol = 0;
	snprintf(c->cont.id, sizeof c->cont.id, "%s", sp->id);
	c->cont.page = page;
	if (!page || !ocr_page(c, page) || nslot <= 0)
		return;
	int n = nslot < CONT_MAX ? nslot : CONT_MAX;
	double *x1 = gk_malloc(sizeof *x1 * (size_t)nslot);
	slot_edges(rows, nr, nslot, x1);
	for (int s = 0; s < n; s++) {
		/* the key most of its figures were placed in */
		int votes[32] = {0}, best = -1;
		for (int i = 0; i < nr; i++)
			for (int j = 0; j < rows[i].nnum; j++)
				if (rows[i].slot[j] == s && rows[i].assign[j] >= 0 && rows[i].assign[j] < 32)
					votes[rows[i].assign[j]]++;
		for (int k = 0; k < sf->nkey && k < 32; k++)
			if (votes[k] && (best < 0 || votes[k] > votes[best]))
				best = k;
		c->cont.x1[s] = x1[s];
		snprintf(c->cont.key[s], sizeof c->cont.key[s], "%s", best >= 0 ? sf->key[best] : "");
		c->cont.ncol += best >= 0;
	}
	c->cont.n = n;
	free(x1);
}

/* The row of the tables of r with id whose number across them (from 1,
 * as checks.csv's row_no) is n; *t its table.  -1 when none. */
static int nth_row(const gk_result *r, const char *id, int n, const gk_table **t)
{
	for (int i = 0; i < r->ntable && n > 0; i++) {
		if (strcmp(r->tables[i]->id, id))
			continue;
		if (n <= r->tables[i]->nrow) {
			*t = r->tables[i];
			return n - 1;
		}
		n -= r->tables[i]->nrow;
	}
	return -1;
}

void cont_settle(gk_result *r)
{
	for (int i = 0; i < r->ncheck; i++) {
		gk_check *k = &r->checks[i];
		if (strcmp(k->check, "ocr:columns") || strcmp(k->status, "unsure") || !k->detail ||
		    !strstr(k->detail, CONT_DOUBT))
			continue;
		const gk_table *t = NULL;
		int row = nth_row(r, k->table_id, gk_result_check_row(r, k), &t);
		/* (the row's total holds the figure of a row of one part
		 * whichever part it is: it settles nothing) */
		if (row < 0 || !strcmp(k->expected, "total"))
			continue;
		const char *before = gk_table_get(t, row, k->expected), *now = gk_table_get(t, row, k->found);
		if (!*before || !*now || !gk_dec_eq(before, now, 0))
			continue;
		/* the page before's column holds the same figure (the table's
		 * arithmetic put it there): the figure is where that page says */
		char *d = gk_strfmt("%s; %s holds the same figure: settled", k->detail, k->expected);
		free(k->detail);
		k->detail = d;
		free(k->status);
		k->status = gk_strdup("ok");
	}
}
