/*
 * ocrtitle.c - a table title that OCR read with a character or two wrong
 * ("2024年去出经济分类汇总表" for 支出经济分类汇总表) matches no title rule,
 * and its whole table is lost or written as other_<n>.  On a page read
 * by OCR, a line shaped like a title (it names a 表, holds no amount) is
 * compared with the usual titles (rules "title-canon": the title as
 * printed, its decorations stripped as for the title rules) by edit
 * distance over code points.  It is taken only when it is near one title
 * for its length and clearly nearer it than to any other table's title:
 * a wrong table is worse than a lost one.
 *
 * Entry points: title_near (nctx.h), gk_title_near (normalize.h: the
 * same on a rules set, for the tests).
 */
#include "nctx.h"

#include <stdlib.h>
#include <string.h>

#define MAXCP 64 /* a title longer than this is no title */

int code_points(const char *s, unsigned *cp, int max)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s);
	int n = 0;
	for (size_t i = 0; i < len;) {
		unsigned c;
		int k = gk_utf8_next(p + i, len - i, &c);
		if (k <= 0)
			k = 1, c = p[i]; /* a stray byte counts as one */
		if (n == max)
			return -1;
		cp[n++] = c;
		i += (size_t)k;
	}
	return n;
}

/* The edits (Levenshtein, code points) that make b into a: the whole of
 * b, or (within) the part of b nearest a, a starting and ending anywhere
 * in b (a header word in a cell's text).  A title is compared whole: a
 * word before a title changes its table (基本支出经济分类表 is not
 * 支出经济分类表), which the title rules tell by their look-behinds and a
 * distance cannot.  nb is at most 64. */
int code_edits(const unsigned *a, int na, const unsigned *b, int nb, int within)
{
	int row[64 + 1] = {0};
	if (na < 0 || nb < 0 || nb > 64)
		return 64 + (na > 0 ? na : 0);
	for (int j = 0; j <= nb; j++)
		row[j] = within ? 0 : j;
	for (int i = 1; i <= na; i++) {
		int diag = row[0];
		row[0] = i;
		for (int j = 1; j <= nb; j++) {
			int up = row[j];
			int v = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < v)
				v = up + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			row[j] = v;
			diag = up;
		}
	}
	if (!within)
		return row[nb];
	int best = row[0];
	for (int j = 1; j <= nb; j++)
		if (row[j] < best)
			best = row[j];
	return best;
}

/* How many characters a title of n code points may have wrong: one in
 * eight, two from fourteen; none below eight (short titles differ from
 * each other by a character: 收支表, 收入表, 支出表). */
static int allowed(int n)
{
	return n >= 14 ? 2 : n >= 8 ? 1 : 0;
}

/* The table id of the canonical title (rules "title-canon") that the
 * stripped title s is near, or NULL: within allowed() of its length and
 * at least two edits nearer than any other table's title.  *canon is
 * set to that title; *same_len (if not NULL) to whether s has as many
 * characters as it, i.e. whether s differs from it by misread characters
 * rather than by words put in or left out. */
const char *gk_title_near(const gk_rules *rules, const char *s, const char **canon, int *same_len)
{
	if (same_len)
		*same_len = 0;
	unsigned a[MAXCP], b[MAXCP];
	int na = code_points(s, a, MAXCP);
	*canon = NULL;
	if (na < 8)
		return NULL;
	int n;
	const gk_rule *const *list = gk_rules_of(rules, "title-canon", &n); /* owned by the rules */
	const gk_rule *best = NULL;
	int bd = MAXCP, second = MAXCP; /* the best distance; the best of the other tables */
	for (int i = 0; i < n; i++) {
		char *w = compact_of(list[i]->pattern); /* folded as the lines are */
		int nb = code_points(w, b, MAXCP);
		free(w);
		if (nb < 0)
			continue;
		int d = code_edits(a, na, b, nb, 0);
		if (d < bd) {
			if (best && strcmp(best->name, list[i]->name))
				second = bd;
			bd = d, best = list[i];
		} else if (d < second && best && strcmp(best->name, list[i]->name)) {
			second = d;
		}
	}
	/* (an exact title is the title rules' to take; nearest to a title
	 * outside the contract, it is none of the contract's) */
	if (!best || bd == 0 || !strcmp(best->name, "other"))
		return NULL;
	char *w = compact_of(best->pattern);
	int nb = code_points(w, b, MAXCP);
	free(w);
	if (bd > allowed(nb) || second < bd + 2)
		return NULL;
	*canon = best->pattern;
	if (same_len)
		*same_len = na == nb;
	return best->name;
}

const char *title_near(const nctx *c, const char *stripped, const char **canon, int *same_len)
{
	return gk_title_near(c->rules, stripped, canon, same_len);
}

/* ---- a title told by its table's head ------------------------------ */

/* How many characters a title of n code points may have wrong when its
 * table's head says which table it is: one, two from eight. */
static int reach(int n)
{
	return n >= 8 ? 2 : 1;
}

/* The words of the head under title line i: the lines of its page below
 * it down to the first that prints a figure, a sentence or another
 * title (at most eight), white space removed and joined.  New string. */
static char *head_below(const nctx *c, int i)
{
	gk_buf hb = {0};
	for (int k = i + 1, seen = 0; k < c->n && seen < 8 && c->x[k].l->page == c->x[i].l->page; k++) {
		if (c->x[k].skip)
			continue;
		if (line_has_amount(c, k) || strstr(c->x[k].compact, "。") || title_of(c, &c->x[k]))
			break;
		gk_buf_adds(&hb, c->x[k].compact);
		seen++;
	}
	return gk_buf_take(&hb);
}

/* Does head fit table id's "title-head" rules: 1 yes, 0 no, -1 no rule
 * says (then the head cannot rule the table out). */
static int head_fits(const nctx *c, const char *id, const char *head)
{
	int n, any = 0;
	const gk_rule *const *rs = gk_rules_of(c->rules, "title-head", &n); /* owned by the rules */
	for (int k = 0; k < n; k++) {
		if (strcmp(rs[k]->name, id))
			continue;
		any = 1;
		if (gk_rule_match(rs[k], head, strlen(head), NULL))
			return 1;
	}
	return any ? 0 : -1;
}

#define MAXCAND 16

/* A title OCR read near the usual titles of two tables (收支预复总表:
 * one character from 收支预算总表, two from 收入预算总表), too short for
 * gk_title_near to trust a character wrong (four to seven characters:
 * 女入总表, when 收支总表, 收入总表, 支出总表 differ by one), or two
 * characters wrong (厅级部门必人预算总表), is none that a distance can
 * settle.  Its table's head can: a 收支总表 prints a 收入 and a 支出
 * side, each an item and its amount; a 收入总表 income alone.  Every
 * table with a usual title within one edit of the nearest (itself
 * within reach()) is a candidate; the line is taken for the one whose
 * head rules (rules "title-head") the head below it fits, when exactly
 * one does (a candidate without such rules fits as far as anyone can
 * tell, so it bars the others, and is never taken itself). */
const char *title_by_head(const nctx *c, int i, const char **canon)
{
	const xline *x = &c->x[i];
	size_t len = strlen(x->compact);
	*canon = NULL;
	if (x->skip || x->l->ncell != 1 || len < 12 || len > 150 || !ocr_page(c, x->l->page) || line_has_amount(c, i) ||
	    rule_any(c, "title-reject", x->compact))
		return NULL;
	char *t = gk_strdup(x->compact);
	strip_title(c, t);
	const char *s = t; /* the 年(度) of a year whose digits went as an ordinal */
	if (!strncmp(s, "年", 3))
		s += strncmp(s + 3, "度", 3) ? 3 : 6;
	size_t sl = strlen(s);
	unsigned a[MAXCP], b[MAXCP];
	int na = sl > 3 && !strcmp(s + sl - 3, "表") ? code_points(s, a, MAXCP) : -1, n;
	free(t);
	if (na < 4)
		return NULL;
	const gk_rule *const *list = gk_rules_of(c->rules, "title-canon", &n); /* owned by the rules */
	int d[256], bd = MAXCP;
	for (int k = 0; k < n && k < 256; k++) {
		char *w = compact_of(list[k]->pattern); /* folded as the lines are */
		int nb = code_points(w, b, MAXCP);
		free(w);
		d[k] = nb < 0 ? MAXCP : code_edits(a, na, b, nb, 0);
		if (d[k] < bd)
			bd = d[k];
	}
	/* (an exact title is the title rules' to take) */
	if (bd == 0 || bd > reach(na))
		return NULL;
	const char *cand[MAXCAND], *cc[MAXCAND]; /* the candidates; the nearest usual title of each */
	int cd[MAXCAND], nc = 0;
	for (int k = 0; k < n && k < 256; k++) {
		if (d[k] > bd + 1)
			continue;
		int j = 0;
		while (j < nc && strcmp(cand[j], list[k]->name))
			j++;
		if (j == nc) {
			if (nc == MAXCAND)
				return NULL;
			cand[nc] = list[k]->name, cc[nc] = list[k]->pattern, cd[nc++] = d[k];
		} else if (d[k] < cd[j]) {
			cc[j] = list[k]->pattern, cd[j] = d[k];
		}
	}
	char *head = head_below(c, i);
	int fit = -1, fits = 0, sure = 0;
	for (int j = 0; j < nc && fits < 2; j++) {
		int h = strcmp(cand[j], "other") ? head_fits(c, cand[j], head) : -1;
		if (h != 0)
			fit = j, fits++, sure = h > 0;
	}
	free(head);
	if (fits != 1 || !sure) /* (a table no head rule speaks for is not taken on its title alone) */
		return NULL;
	*canon = cc[fit];
	return cand[fit];
}

const char *title_canon_of(const nctx *c, const char *s, const char **canon)
{
	int n;
	const gk_rule *const *list = gk_rules_of(c->rules, "title-canon", &n); /* owned by the rules */
	const char *id = NULL;
	for (int i = 0; i < n && !id; i++) {
		char *w = compact_of(list[i]->pattern); /* folded as the lines are */
		if (!strcmp(w, s) && strcmp(list[i]->name, "other"))
			id = list[i]->name, *canon = list[i]->pattern;
		free(w);
	}
	return id;
}
