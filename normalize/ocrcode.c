/*
 * ocrcode.c - the codes of an OCR'd table that OCR lost or cut, put back
 * by their labels and by the document's own pairs.
 *
 * A code is the row's key; a degraded scan loses it (an empty cell) or
 * cuts it (501 for 50501, 210 for 21011, 301 beside 0i基本工资 for
 * 30101: its lower levels read into the label or lost).  The label
 * beside it is read well enough to name it (rules/names.rules, kind
 * `name`: the standard names of the 2xx, 3xx and 5xx codes):
 *
 *   - a row whose code is empty, or a fragment (a prefix of a longer
 *     code, or digits of one) of a code, gets the code whose standard
 *     name its label matches best, alone: all of the name's characters
 *     in order but one at most (four or more), with little else glued
 *     on (the figures' garbage);
 *   - the code must fit the tree the rows around print: between the
 *     codes of the coded rows above and below in the table's order, its
 *     parent (its code less its last level) the start of one of them,
 *     and of a length the column prints on other rows; a column that
 *     prints no codes of the kind on several rows (a table keyed by
 *     names alone) is left alone; in a table printed out of its codes'
 *     order the parent is the fragment read (302 beside 吧印刷费), and a
 *     code lost whole stays lost; a 5xx beside a 3xx of five digits is
 *     one of five digits (the rows follow the 3xx);
 *   - the read fragment agrees with it (a prefix of it, or digits it
 *     holds in order), and no other row of the table holds it already
 *     (with the same other code, in a table keyed by pairs);
 *   - a code of a length the column prints is cut only when another row
 *     holds it too or the rows under it do not extend it (20805 over
 *     2080504 is the 款, whatever its label says).
 *   A label that is the name with no Chinese glued on (0i基本工资)
 *   becomes the name.
 *
 * The 政府经济分类 code (5xx) that a 部门经济分类 code (3xx) falls under
 * is fixed in the document:
 *   - a 5xx name read onto the row's 3xx label (离休费离退休费), its 5xx
 *     cell empty: that 5xx, and the two names;
 *   - a pair with one code whole and the other lost or cut to its class,
 *     whose total another table prints on the one row of a pair that
 *     agrees (302 over 50201 with 45.0, as the 基本支出表 prints 30211/
 *     50201): that pair, unless the row's label names another code;
 *   - where the document's tables pair a 3xx with one 5xx that the
 *     table does not hold with it already, a row with that 3xx whose
 *     5xx was lost or cut (a fragment that agrees) gets it, unless the
 *     row's own 5xx name names another code.
 *
 * Each code written is an `ocr:code` check (what was read, what was
 * written, and why) on the row.  Only tables on pages read by OCR come
 * here (gk_read_findings).
 */
#include "checks.h"
#include "norm.h"
#include "ocrfix.h"

#include <stdlib.h>
#include <string.h>

#define MAXCP 64

/* the columns of a code and its label, and the first digit of the codes
 * of that kind (2 function, 3 department economic, 5 government
 * economic) with the lengths a code of it has */
typedef struct codecol {
	const char *code, *label;
	char kind;
	int lens[3];
} codecol;

static const codecol COLS[] = {
	{"func_code", "name", '2', {3, 5, 7}},
	{"func_code", "func_name", '2', {3, 5, 7}},
	{"econ_code", "econ_name", '3', {3, 5, 0}},
	{"gov_econ_code", "gov_econ_name", '5', {3, 5, 0}},
};

/* the code points of s without spaces, ASCII brackets as full-width */
static int points(const char *s, unsigned *cp)
{
	int n = 0;
	size_t len = strlen(s);
	for (size_t i = 0; i < len && n < MAXCP;) {
		unsigned c;
		int l = gk_utf8_next((const unsigned char *)s + i, len - i, &c);
		if (l <= 0)
			return -1;
		i += (size_t)l;
		if (c == '(')
			c = 0xFF08;
		else if (c == ')')
			c = 0xFF09;
		if (c != ' ')
			cp[n++] = c;
	}
	return n;
}

/* How well the label read names std: -1 not at all; else the more of
 * the name's characters it holds in order, the higher, less what it
 * lacks and what is glued on.  A name of four characters or more may
 * lack one (misread); at most four other characters are glued on. */
int gk_code_label_match(const char *read, const char *std)
{
	unsigned a[MAXCP], b[MAXCP];
	int n = points(read, a), m = points(std, b);
	if (n <= 0 || m <= 0 || n >= MAXCP || m >= MAXCP)
		return -1;
	int c = gk_cp_lcs(a, n, b, m);
	if (c < 2 || m - c > (m >= 4 ? 1 : 0) || n - c > 4)
		return -1;
	return 4 * c - 3 * (m - c) - (n - c);
}

/* the characters read and std have in common, in order */
static int common(const char *read, const char *std)
{
	unsigned a[MAXCP], b[MAXCP];
	int n = points(read, a), m = points(std, b);
	return n <= 0 || m <= 0 || n >= MAXCP || m >= MAXCP ? 0 : gk_cp_lcs(a, n, b, m);
}

/* does label read more like another code's name of code's length and
 * kind than code's own (建贴补贴 beside a total of 基本工资: the row's
 * label and figures were read from different rows)? */
static int names_other(const gk_rules *rules, const char *label, const char *code)
{
	int n, mine = 0, other = 0;
	const gk_rule *const *rs = gk_rules_of(rules, "name", &n);
	for (int k = 0; k < n; k++) {
		if (rs[k]->name[0] != code[0] || strlen(rs[k]->name) != strlen(code))
			continue;
		int c = common(label, rs[k]->pattern);
		if (!strcmp(rs[k]->name, code))
			mine = c;
		else if (c > other)
			other = c;
	}
	return other >= 2 && other > mine;
}

/* is f a prefix of code, or its digits in code in order? */
static int agrees(const char *f, const char *code)
{
	if (!strncmp(code, f, strlen(f)))
		return 1;
	const char *p = code;
	for (; *f; f++) {
		p = strchr(p, *f);
		if (!p)
			return 0;
		p++;
	}
	return 1;
}

static int valid_len(const codecol *cc, int n)
{
	for (int k = 0; k < 3; k++)
		if (cc->lens[k] == n)
			return 1;
	return 0;
}

/* the digits of row i's code of the kind in column c, "" when none */
static int code_at(const gk_table *t, int i, int c, char kind, char *d)
{
	int n = gk_code_digits(t->rows[i][c], d, 16);
	if (n < 3 || d[0] != kind) {
		d[0] = 0;
		return 0;
	}
	return n;
}

/* the nearest row from i in direction dir with a code of the kind of a
 * valid length in column c but `same` (rows below cut alike: 301 on
 * three rows), into d; 0 when none */
static int neighbour(const gk_table *t, int i, int dir, int c, const codecol *cc, const char *same, char *d)
{
	for (int j = i + dir; j >= 0 && j < t->nrow; j += dir) {
		int n = code_at(t, j, c, cc->kind, d);
		if (n && valid_len(cc, n) && (!same || strcmp(d, same)))
			return n;
	}
	d[0] = 0;
	return 0;
}

/* the code of cell (i, c) as digits into d (16 bytes), "" when it is
 * not one */
static void digits_of(const gk_table *t, int i, int c, char *d)
{
	if (!gk_code_digits(t->rows[i][c], d, 16))
		d[0] = 0;
}

/* does any row but `skip` hold code in column c (and other's value in
 * column oc, when oc >= 0)? */
static int held(const gk_table *t, int c, const char *code, int oc, const char *other, int skip)
{
	for (int i = 0; i < t->nrow; i++) {
		char d[16];
		if (i == skip || gk_code_digits(t->rows[i][c], d, sizeof d) == 0 || strcmp(d, code))
			continue;
		if (oc < 0)
			return 1;
		char e[16];
		digits_of(t, i, oc, e);
		if (!strcmp(e, other))
			return 1;
	}
	return 0;
}

/* the other code column of a table keyed by pairs, -1 when none */
static int pair_col(const gk_table *t, const codecol *cc)
{
	if (!strcmp(cc->code, "econ_code"))
		return gk_table_col(t, "gov_econ_code");
	if (!strcmp(cc->code, "gov_econ_code"))
		return gk_table_col(t, "econ_code");
	return -1;
}

/* does code fit between the rows around it (prev < code < next; equal
 * allowed in a table keyed by pairs), its parent the start of one? */
static int fits(const char *code, const char *prev, const char *next, int pairs)
{
	if (!*prev && !*next)
		return 0;
	if (*prev && (pairs ? strcmp(prev, code) > 0 : strcmp(prev, code) >= 0))
		return 0;
	if (*next && (pairs ? strcmp(code, next) > 0 : strcmp(code, next) >= 0))
		return 0;
	size_t pl = strlen(code) - 2;
	if (strlen(code) <= 3)
		return 1;
	return (*prev && !strncmp(prev, code, pl)) || (*next && !strncmp(next, code, pl));
}

static void note(gk_result *r, gk_table *t, int i, const char *col, const char *read, const char *code,
                 const char *why)
{
	char row[160], found[300];
	snprintf(row, sizeof row, "%s/%s", code, col);
	snprintf(found, sizeof found, "%s%s (%s)", *read ? "" : "(none)", read, why);
	gk_result_add_check(r, t->id, "ocr:code", row, code, found, "corrected");
	gk_result_check_at(r, t, i);
}

/* the codes of the kind column c prints, by length: lens[n] rows */
static int printed(const gk_table *t, int c, char kind, int *bylen)
{
	int all = 0;
	for (int i = 0; i < t->nrow; i++) {
		char d[16];
		int n = code_at(t, i, c, kind, d);
		if (n && n < 16)
			bylen[n]++, all++;
	}
	return all;
}

/* Are the codes of column c in the order of the classification (four
 * in five of the coded rows after the one before; equal counts in a
 * table keyed by pairs)?  A table printed in another order (by amount,
 * or as entered) has no tree to place a lost code in. */
static int ordered(const gk_table *t, int c, char kind, int pairs)
{
	char prev[16] = "", d[16];
	int up = 0, all = 0;
	for (int i = 0; i < t->nrow; i++) {
		if (!code_at(t, i, c, kind, d))
			continue;
		if (*prev) {
			int k = strcmp(prev, d);
			up += pairs ? k <= 0 : k < 0;
			all++;
		}
		strcpy(prev, d);
	}
	return all > 0 && up * 5 >= all * 4;
}

/* Row i's code by its label (see above), into best; 1 when found */
static int by_label(const gk_table *t, int i, int c, int lc, const codecol *cc, const gk_rules *rules,
                    const int *bylen, const char *f, char *best)
{
	const char *label = t->rows[i][lc];
	if (!*label || strstr(label, "合计") || strstr(label, "总计"))
		return 0;
	char prev[16], next[16];
	neighbour(t, i, -1, c, cc, NULL, prev);
	neighbour(t, i, 1, c, cc, *f ? f : NULL, next);
	int oc = pair_col(t, cc), n, top = -1, second = -1;
	/* a 5xx beside a 3xx of five digits: the rows are in the order of
	 * the 3xx, the 5xx is one of five digits too */
	char e[16] = "";
	int byecon = cc->kind == '5' && oc >= 0 && code_at(t, i, oc, '3', e) == 5;
	/* (out of order: the parent is the fragment read, or none) */
	int tree = byecon || ordered(t, c, cc->kind, oc >= 0);
	if (!tree && (strlen(f) < 3 || f[0] != cc->kind))
		return 0;
	const gk_rule *const *rs = gk_rules_of(rules, "name", &n);
	for (int k = 0; k < n; k++) {
		const char *code = rs[k]->name;
		int len = (int)strlen(code);
		if (code[0] != cc->kind || !valid_len(cc, len) || len >= 16 || !bylen[len])
			continue;
		if ((*f && !agrees(f, code)) || (byecon ? len != 5 : tree ? !fits(code, prev, next, oc >= 0)
		                                                    : len <= (int)strlen(f) || strncmp(code, f, strlen(f))))
			continue;
		int q = gk_code_label_match(label, rs[k]->pattern);
		if (q < 0)
			continue;
		if (q > top) {
			second = top, top = q;
			strcpy(best, code);
		} else if (q > second) {
			second = q;
		}
	}
	if (top < 0 || second == top || !strcmp(best, f))
		return 0;
	char other[16] = "";
	if (oc >= 0)
		digits_of(t, i, oc, other);
	return !held(t, c, best, oc, other, i);
}

/* Is f (the digits read, maybe none) a code lost or cut: none, or not a
 * code of the kind of a length the column prints, or shorter than the
 * column's deepest codes? */
static int cut(const char *raw, const char *f, const codecol *cc, const int *bylen)
{
	size_t n = strlen(f);
	if (!*raw)
		return 1;
	if (!n || (f[0] != cc->kind && n >= 3))
		return 0;
	int deepest = 0;
	for (int k = 0; k < 3; k++)
		if (cc->lens[k] && bylen[cc->lens[k]])
			deepest = cc->lens[k];
	return (int)n < deepest;
}

/* A code of a length the column prints, read on row i, is cut only when
 * another row holds it too (its class row above: 210 卫生健康支出, then
 * 210 over a 款's label) or no coded row right under it extends it (a
 * parent's rows follow it: 20805 over 2080504 is the 款 itself, whatever
 * its label). */
static int cut_parent(const gk_table *t, int i, int c, const codecol *cc, const char *f)
{
	char next[16], e[16];
	int oc = pair_col(t, cc);
	if (held(t, c, f, -1, "", i))
		return 1;
	/* (a 5xx class beside a 3xx of five digits: cut) */
	if (cc->kind == '5' && oc >= 0 && code_at(t, i, oc, '3', e) == 5)
		return 1;
	neighbour(t, i, 1, c, cc, f, next);
	return !*next || strncmp(next, f, strlen(f)) || !strcmp(next, f);
}

/* The standard name of code when label is it with no Chinese glued on
 * (0i基本工资: the code's own 01 misread into it), else NULL */
static const char *bare_name(const gk_rules *rules, const char *code, const char *label)
{
	int n;
	const gk_rule *const *rs = gk_rules_of(rules, "name", &n);
	for (int k = 0; k < n; k++) {
		if (strcmp(rs[k]->name, code))
			continue;
		const char *std = rs[k]->pattern, *at = strstr(label, std);
		if (!at || !strcmp(label, std))
			return NULL;
		char *rest = gk_strfmt("%.*s%s", (int)(at - label), label, at + strlen(std));
		int cjk = gk_has_cjk(rest);
		free(rest);
		return cjk ? NULL : std;
	}
	return NULL;
}

static void fix_by_labels(gk_result *r, gk_table *t, const gk_rules *rules, const codecol *cc)
{
	int c = gk_table_col(t, cc->code), lc = gk_table_col(t, cc->label);
	int bylen[16] = {0};
	if (c < 0 || lc < 0 || printed(t, c, cc->kind, bylen) < 3)
		return;
	for (int i = 0; i < t->nrow; i++) {
		char f[16] = "", best[16] = "";
		const char *raw = t->rows[i][c];
		if (*raw && !gk_code_digits(raw, f, sizeof f))
			continue;
		if (!cut(raw, f, cc, bylen) || (f[0] == cc->kind && valid_len(cc, (int)strlen(f)) && !cut_parent(t, i, c, cc, f)))
			continue;
		if (!by_label(t, i, c, lc, cc, rules, bylen, f, best))
			continue;
		char *old = gk_strdup(raw);
		gk_table_set(t, i, c, best);
		char why[400];
		snprintf(why, sizeof why, "named %s", t->rows[i][lc]);
		note(r, t, i, cc->code, old, best, why);
		const char *std = bare_name(rules, best, t->rows[i][lc]);
		if (std) {
			char row[64];
			snprintf(row, sizeof row, "%s/%s", best, cc->label);
			gk_result_add_check(r, t->id, "ocr:label", row, std, t->rows[i][lc], "corrected");
			gk_table_set(t, i, lc, std);
		}
		free(old);
	}
}

/* Is name the 3xx label of the row above or below row i (其他工资福利支出
 * under 医疗费: the next row's label wrapped onto this one, not a 5xx)? */
static int beside(const gk_table *t, int i, int en, const char *name)
{
	return (i > 0 && !strcmp(t->rows[i - 1][en], name)) || (i + 1 < t->nrow && !strcmp(t->rows[i + 1][en], name));
}

/* The row's 5xx name read onto its 3xx label (离休费离退休费: 30301's
 * 离休费, then 50905's 离退休费), its 5xx cell and name empty or a
 * fragment that agrees: the 3xx label is the 3xx's standard name and the
 * rest one 5xx's name alone; the row gets that 5xx and the two names. */
static void fix_glued_names(gk_result *r, gk_table *t, const gk_rules *rules)
{
	int ec = gk_table_col(t, "econ_code"), en = gk_table_col(t, "econ_name"), gc = gk_table_col(t, "gov_econ_code"),
	    gn = gk_table_col(t, "gov_econ_name"), n;
	int bylen[16] = {0};
	/* (a table that prints no 5xx codes on other rows prints none here) */
	if (ec < 0 || en < 0 || gc < 0 || gn < 0 || printed(t, gc, '5', bylen) < 3)
		return;
	const gk_rule *const *rs = gk_rules_of(rules, "name", &n);
	for (int i = 0; i < t->nrow; i++) {
		char e[16], f[16] = "";
		const char *raw = t->rows[i][gc], *label = t->rows[i][en], *estd = NULL, *gov = NULL, *gstd = NULL;
		if (code_at(t, i, ec, '3', e) != 5 || *t->rows[i][gn] || (*raw && !gk_code_digits(raw, f, sizeof f)) ||
		    strlen(f) >= 5)
			continue;
		for (int k = 0; k < n && !estd; k++)
			if (!strcmp(rs[k]->name, e))
				estd = rs[k]->pattern;
		size_t el = estd ? strlen(estd) : 0;
		if (!estd || strncmp(label, estd, el) || !label[el])
			continue;
		int many = 0;
		for (int k = 0; k < n; k++)
			if (rs[k]->name[0] == '5' && strlen(rs[k]->name) == 5 && !strcmp(label + el, rs[k]->pattern) &&
			    (!*f || agrees(f, rs[k]->name)))
				many += gov != NULL, gov = rs[k]->name, gstd = rs[k]->pattern;
		if (!gov || many || held(t, gc, gov, ec, e, i) || beside(t, i, en, gstd))
			continue;
		char *old = gk_strdup(raw), *read = gk_strdup(label), why[400];
		gk_table_set(t, i, gc, gov);
		gk_table_set(t, i, gn, gstd);
		gk_table_set(t, i, en, estd);
		snprintf(why, sizeof why, "its name read onto %s's: %s", e, read);
		note(r, t, i, "gov_econ_code", old, gov, why);
		free(old);
		free(read);
	}
}

/* The one 5xx the document's tables pair econ with (5 digits each) that
 * row skip's table t does not hold with it on another row already (30101
 * printed with 50101 and with 50501, the row of 50501 read whole: the
 * other is 50101), into gov; 0 when none or several. */
static int paired(const gk_result *r, const gk_table *t, int skip, const char *econ, char *gov)
{
	int tec = gk_table_col(t, "econ_code"), tgc = gk_table_col(t, "gov_econ_code");
	gov[0] = 0;
	for (int ti = 0; ti < r->ntable; ti++) {
		const gk_table *u = r->tables[ti];
		int ec = gk_table_col(u, "econ_code"), gc = gk_table_col(u, "gov_econ_code");
		if (ec < 0 || gc < 0)
			continue;
		for (int i = 0; i < u->nrow; i++) {
			char e[16], g[16];
			if (u == t && i == skip)
				continue;
			if (code_at(u, i, ec, '3', e) != 5 || strcmp(e, econ) || code_at(u, i, gc, '5', g) != 5)
				continue;
			if (held(t, tgc, g, tec, econ, skip) || !strcmp(gov, g))
				continue;
			if (*gov)
				return 0;
			strcpy(gov, g);
		}
	}
	return *gov != 0;
}

/* does the row's 5xx name, when read, name another code better than gov? */
static int named_else(const gk_table *t, int i, const char *gov, const gk_rules *rules)
{
	int lc = gk_table_col(t, "gov_econ_name"), n;
	if (lc < 0 || !*t->rows[i][lc])
		return 0;
	const gk_rule *const *rs = gk_rules_of(rules, "name", &n);
	int mine = -1, best = -1;
	for (int k = 0; k < n; k++) {
		if (rs[k]->name[0] != '5')
			continue;
		int q = gk_code_label_match(t->rows[i][lc], rs[k]->pattern);
		if (!strcmp(rs[k]->name, gov))
			mine = q;
		else if (q > best)
			best = q;
	}
	return best >= 0 && best >= mine;
}

static void fix_by_pairs(gk_result *r, gk_table *t, const gk_rules *rules)
{
	int ec = gk_table_col(t, "econ_code"), gc = gk_table_col(t, "gov_econ_code");
	int bylen[16] = {0};
	if (ec < 0 || gc < 0 || printed(t, gc, '5', bylen) < 3)
		return;
	for (int i = 0; i < t->nrow; i++) {
		char e[16], f[16] = "", gov[16];
		const char *raw = t->rows[i][gc];
		if (code_at(t, i, ec, '3', e) != 5 || (*raw && !gk_code_digits(raw, f, sizeof f)))
			continue;
		if (strlen(f) >= 5 || !paired(r, t, i, e, gov) || (*f && !agrees(f, gov)))
			continue;
		if (held(t, gc, gov, ec, e, i) || named_else(t, i, gov, rules))
			continue;
		char *old = gk_strdup(raw);
		gk_table_set(t, i, gc, gov);
		char why[64];
		snprintf(why, sizeof why, "%s pairs with it elsewhere", e);
		note(r, t, i, "gov_econ_code", old, gov, why);
		free(old);
	}
}

/* Row i's total: as printed, else (OCR read it as no figure) the row's
 * one figure, which is its total when no other part is printed; 0 when
 * neither, or zero */
static int row_total(const gk_table *t, int i, long long *v)
{
	int tc = gk_table_col(t, "total"), dec, n = 0;
	if (tc < 0)
		return 0;
	if (!gk_ocr_blank(t->rows[i][tc]))
		return gk_chk_parse(t->rows[i][tc], v, &dec) == 1 && *v != 0;
	for (int c = 0; c < t->cols.n; c++) {
		long long x;
		if (c == tc || !gk_ocr_amount_col(t, c) || gk_ocr_blank(t->rows[i][c]))
			continue;
		if (gk_chk_parse(t->rows[i][c], &x, &dec) != 1)
			return 0;
		*v = x;
		n++;
	}
	return n == 1 && *v != 0;
}

/* The pair of 5-digit codes that another table of the document prints
 * with the same total as row i of t (row_total), the codes read on row i
 * (e, g) agreeing with it, the only such pair, into pe/pg; 0 when none. */
static int twin_pair(const gk_result *r, const gk_table *t, int i, const char *e, const char *g, char *pe, char *pg)
{
	int dec;
	long long v, w;
	*pe = *pg = 0;
	if (!row_total(t, i, &v))
		return 0;
	for (int ti = 0; ti < r->ntable; ti++) {
		const gk_table *u = r->tables[ti];
		int ec = gk_table_col(u, "econ_code"), gc = gk_table_col(u, "gov_econ_code"), uc = gk_table_col(u, "total");
		if (u == t || ec < 0 || gc < 0 || uc < 0)
			continue;
		for (int j = 0; j < u->nrow; j++) {
			char a[16], b[16];
			if (code_at(u, j, ec, '3', a) != 5 || code_at(u, j, gc, '5', b) != 5 ||
			    gk_chk_parse(u->rows[j][uc], &w, &dec) != 1 || w != v)
				continue;
			if (strncmp(a, e, strlen(e)) || strncmp(b, g, strlen(g)))
				continue;
			if (*pe && (strcmp(pe, a) || strcmp(pg, b)))
				return 0;
			strcpy(pe, a), strcpy(pg, b);
		}
	}
	return *pe != 0;
}

/* A row of a table keyed by pairs whose one code is whole (5 digits) and
 * the other lost or cut to its class (302 over 50201, its label lost
 * too), whose total another table of the document prints on one row of
 * a pair that agrees (30211 with 50201, the same 45.0): that pair, when
 * the table does not hold it already and the row's label does not name
 * another code better. */
static void fix_by_twins(gk_result *r, gk_table *t, const gk_rules *rules)
{
	int ec = gk_table_col(t, "econ_code"), gc = gk_table_col(t, "gov_econ_code"), en = gk_table_col(t, "econ_name"),
	    gn = gk_table_col(t, "gov_econ_name");
	if (ec < 0 || gc < 0)
		return;
	for (int i = 0; i < t->nrow; i++) {
		char e[16] = "", g[16] = "", pe[16], pg[16];
		const char *re = t->rows[i][ec], *rg = t->rows[i][gc];
		if ((*re && !gk_code_digits(re, e, sizeof e)) || (*rg && !gk_code_digits(rg, g, sizeof g)))
			continue;
		size_t el = strlen(e), gl = strlen(g);
		/* one whole, the other none or its class */
		if (!((el == 5 && e[0] == '3' && (gl == 0 || (gl == 3 && g[0] == '5'))) ||
		      (gl == 5 && g[0] == '5' && (el == 0 || (el == 3 && e[0] == '3')))))
			continue;
		if (!twin_pair(r, t, i, e, g, pe, pg) || held(t, ec, pe, gc, pg, i))
			continue;
		int econ = el < 5, bylen[16] = {0};
		int c = econ ? ec : gc, lc = econ ? en : gn;
		/* (a column that prints no codes on other rows prints none here) */
		if (printed(t, c, econ ? '3' : '5', bylen) < 3)
			continue;
		if (lc >= 0 && names_other(rules, t->rows[i][lc], econ ? pe : pg))
			continue;
		char *old = gk_strdup(t->rows[i][c]), why[96];
		snprintf(why, sizeof why, "%s/%s of the same total in another table", pe, pg);
		gk_table_set(t, i, c, econ ? pe : pg);
		note(r, t, i, econ ? "econ_code" : "gov_econ_code", old, econ ? pe : pg, why);
		free(old);
	}
}

/* the codes by their labels in every table on the pages (NULL: all),
 * then the 5xx by the pairs all of them print */
void gk_ocr_fix_codes(gk_result *r, const char *pages, const gk_rules *rules)
{
	if (!rules)
		return;
	for (int ti = 0; ti < r->ntable; ti++)
		if (!pages || gk_page_listed(pages, r->tables[ti]->page))
			for (size_t k = 0; k < sizeof COLS / sizeof *COLS; k++)
				fix_by_labels(r, r->tables[ti], rules, &COLS[k]);
	for (int ti = 0; ti < r->ntable; ti++)
		if (!pages || gk_page_listed(pages, r->tables[ti]->page))
			fix_glued_names(r, r->tables[ti], rules);
	for (int ti = 0; ti < r->ntable; ti++)
		if (!pages || gk_page_listed(pages, r->tables[ti]->page))
			fix_by_twins(r, r->tables[ti], rules);
	for (int ti = 0; ti < r->ntable; ti++)
		if (!pages || gk_page_listed(pages, r->tables[ti]->page))
			fix_by_pairs(r, r->tables[ti], rules);
}
