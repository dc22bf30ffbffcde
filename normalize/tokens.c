/*
 * tokens.c - reading one line of a table: its cells as tokens (amounts,
 * codes, text; amounts glued together or to a label split apart), the
 * compacted text rules match against, and small helpers every table
 * reader uses (put_amount, body_geom, the prow builders).
 *
 * Entry points: compact_of, rule_any, tokens_of, tok_is_code,
 * tok_is_plain_int, line_has_amount, is_header_line, is_ordinal_label,
 * is_digits, family_of, body_geom, put_amount, prow_free, prow_add_num,
 * cmp_double.
 */
#include "nctx.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

char *compact_of(const char *s)
{
	char *f = gk_fold_width(s);
	char *o = f, *p = f;
	for (; *p; p++)
		if (!isspace((unsigned char)*p))
			*o++ = *p;
	*o = 0;
	/* U+3000 folded to a space above; nbsp (C2 A0) */
	return f;
}

int rule_any(const nctx *c, const char *kind, const char *s)
{
	return gk_rules_first(c->rules, kind, s) != NULL;
}

int is_header_line(const nctx *c, const xline *x)
{
	return rule_any(c, "header", x->compact);
}

int is_digits(const char *s, int minl, int maxl)
{
	int n = 0;
	for (; *s; s++, n++)
		if (!isdigit((unsigned char)*s))
			return 0;
	return n >= minl && n <= maxl;
}

/* Amounts printed with no gap between them ("174,900.64101,833.84"):
 * split where every part is a well-formed amount with the same number of
 * decimals.  Returns the number of parts (0: not such a run). */
static int split_glued(const char *s, char parts[][48], int max)
{
	size_t n = strlen(s);
	if (n < 7 || !strchr(s, '.') || strchr(s, '.') == strrchr(s, '.'))
		return 0;
	for (int dec = 2; dec >= 1; dec--) {
		int np = 0;
		size_t i = 0;
		while (i < n && np < max) {
			size_t j = i;
			while (j < n && (isdigit((unsigned char)s[j]) || s[j] == ','))
				j++;
			if (j >= n || s[j] != '.' || j == i)
				break;
			size_t end = j + 1 + (size_t)dec;
			if (end > n)
				break;
			for (size_t q = j + 1; q < end; q++)
				if (!isdigit((unsigned char)s[q]))
					end = 0;
			if (!end)
				break;
			char piece[48], buf[48];
			if (end - i >= sizeof piece)
				break;
			memcpy(piece, s + i, end - i);
			piece[end - i] = 0;
			if (!gk_amount_parse(piece, buf, sizeof buf))
				break;
			snprintf(parts[np++], 48, "%s", piece);
			i = end;
		}
		if (i == n && np >= 2)
			return np;
	}
	return 0;
}

/* A line's tokens.  Amount cells are parsed; everything else is text. */
int tokens_of(const gk_line *l, tok *t, int max)
{
	int n = 0;
	for (int i = 0; i < l->ncell && n < max; i++) {
		const gk_cell *cl = &l->cell[i];
		tok *k = &t[n];
		memset(k, 0, sizeof *k);
		k->text = cl->text;
		k->x0 = cl->x0;
		k->x1 = cl->x1;
		/* a TAB field index, kept in range whatever the stream said */
		k->idx = l->geom != GK_GEOM_TAB ? i : cl->x0 >= 0 && cl->x0 < 1e6 ? (int)cl->x0 : 1000000;
		const char *p = cl->text;
		while (*p == ' ')
			p++;
		if (!*p)
			continue; /* empty TAB field: the index keeps the gap */
		/* integers of 1-7 digits without separators may be codes; the
		 * caller decides.  Amounts with a decimal point or separators are
		 * amounts. */
		char *f = gk_fold_width(p);
		char buf[48];
		char parts[16][48];
		int np;
		/* "1,265.6 一、一般公共服务": an amount and a label one space apart
		 * (layout text): two tokens, the x range shared by characters */
		const char *sp1 = strchr(f, ' ');
		if (l->geom == GK_GEOM_POS && l->y1 <= l->y0 && sp1 && !gk_amount_parse(f, buf, sizeof buf) && n + 1 < max) {
			const char *last = strrchr(f, ' ');
			char head[48], tail[48];
			size_t hl = (size_t)(sp1 - f);
			int split_at = -1; /* byte offset of the second token */
			if (hl < sizeof head) {
				memcpy(head, f, hl);
				head[hl] = 0;
				if (gk_amount_parse(head, buf, sizeof buf) && strchr(head, '.'))
					split_at = (int)(sp1 - f);
			}
			if (split_at < 0 && strlen(last + 1) < sizeof tail) {
				snprintf(tail, sizeof tail, "%s", last + 1);
				if (gk_amount_parse(tail, buf, sizeof buf) && strchr(tail, '.'))
					split_at = (int)(last - f);
			}
			if (split_at > 0) {
				size_t chars = 0, before = 0;
				for (const char *q = f; *q; q++)
					if ((*q & 0xC0) != 0x80) {
						if (q - f < split_at)
							before++;
						chars++;
					}
				double w = chars ? (cl->x1 - cl->x0) / (double)chars : 0;
				double mid = cl->x0 + w * (double)before;
				for (int part = 0; part < 2; part++) {
					k = &t[n];
					memset(k, 0, sizeof *k);
					const char *from = part ? f + split_at + 1 : f;
					size_t len = part ? strlen(from) : (size_t)split_at;
					if (len >= sizeof k->own)
						len = sizeof k->own - 1;
					memcpy(k->own, from, len);
					k->own[len] = 0;
					k->text = k->own;
					k->x0 = part ? mid + w : cl->x0;
					k->x1 = part ? cl->x1 : mid;
					k->idx = i;
					k->isnum = gk_amount_parse(k->own, k->num, sizeof k->num) && strchr(k->own, '.');
					if (!part)
						n++;
				}
				free(f);
				n++;
				continue;
			}
		}
		if (gk_amount_parse(f, buf, sizeof buf)) {
			k->isnum = 1;
			snprintf(k->num, sizeof k->num, "%s", buf);
		} else if (l->geom == GK_GEOM_POS && (np = split_glued(f, parts, 16)) >= 2) {
			/* one token per amount, the cell's width shared out */
			double w = (cl->x1 - cl->x0) / np;
			for (int q = 0; q < np && n < max; q++) {
				k = &t[n];
				memset(k, 0, sizeof *k);
				snprintf(k->own, sizeof k->own, "%s", parts[q]);
				k->text = k->own;
				k->x0 = cl->x0 + q * w;
				k->x1 = k->x0 + w;
				k->idx = i;
				k->isnum = gk_amount_parse(parts[q], k->num, sizeof k->num);
				if (q + 1 < np)
					n++;
			}
		}
		free(f);
		n++;
	}
	return n;
}

int tok_is_plain_int(const tok *t)
{
	char *f = gk_fold_width(t->text);
	char *s = f;
	while (*s == ' ')
		s++;
	size_t l = strlen(s);
	while (l && s[l - 1] == ' ')
		s[--l] = 0;
	int r = is_digits(s, 1, 40);
	free(f);
	return r;
}

fam_id family_of(const char *id)
{
	if (!strcmp(id, "revenue_expenditure_summary")) return F_SUMMARY;
	if (!strcmp(id, "fiscal_appropriation_summary")) return F_FISCAL;
	if (!strcmp(id, "expenditure_by_function") || !strcmp(id, "general_budget_expenditure") ||
	    !strcmp(id, "government_fund_expenditure") || !strcmp(id, "state_capital_expenditure"))
		return F_FUNC;
	if (!strcmp(id, "general_budget_basic_expenditure")) return F_BASIC;
	if (!strcmp(id, "expenditure_by_economic_class") || !strcmp(id, "general_budget_by_economic_class")) return F_ECON;
	if (!strcmp(id, "revenue_by_unit")) return F_REVUNIT;
	if (!strcmp(id, "three_public_expenses")) return F_THREE;
	if (!strcmp(id, "project_expenditure")) return F_PROJECT;
	if (!strcmp(id, "department_performance")) return F_DPERF;
	if (!strcmp(id, "project_performance")) return F_PPERF;
	return F_OTHER;
}

void prow_free(prow *p)
{
	for (int i = 0; i < p->ntext; i++)
		free(p->text[i]);
	memset(p, 0, sizeof *p);
}

void prow_add_num(prow *p, const tok *t)
{
	if (p->nnum >= MAXNUM)
		return;
	snprintf(p->num[p->nnum], sizeof p->num[0], "%s", t->num);
	p->nx0[p->nnum] = t->x0;
	p->nx1[p->nnum] = t->x1;
	p->nidx[p->nnum] = t->idx;
	p->slot[p->nnum] = -1;
	p->nnum++;
}

/* convert to 万元 */
void put_amount(gk_table *t, int row, int col, const char *num, int shift)
{
	if (shift == 0 || shift == GK_UNIT_NONE) {
		gk_table_set(t, row, col, num);
		return;
	}
	char out[64];
	if (gk_amount_scale(num, shift, out, sizeof out))
		gk_table_set(t, row, col, out);
	else
		gk_table_set(t, row, col, num);
}

int line_has_amount(const nctx *c, int i)
{
	const gk_line *l = c->x[i].l;
	for (int j = 0; j < l->ncell; j++) {
		char buf[48];
		char *f = gk_fold_width(l->cell[j].text);
		int ok = gk_amount_parse(f, buf, sizeof buf) && strchr(f, '.');
		free(f);
		if (ok)
			return 1;
	}
	return 0;
}

/* Is token i of a line a code rather than an amount?  A plain integer
 * (no decimal point, no separators) is a code when text follows it on the
 * line, or when a decimal amount follows it, or when the line is a short
 * run of code-shaped integers alone. */
int tok_is_code(const tok *t, int n, int i, int code_family)
{
	if (!code_family || !tok_is_plain_int(&t[i]))
		return 0;
	if (code_family == 2) /* 三公 tables: a unit code before its name ("121 西安市信访局") */
		return i + 1 < n && !t[i + 1].isnum;
	/* "… 其他商品和服务支出 502 99": a split code ending a line after a
	 * label (类 of 3 digits starting 2, 3 or 5, then one or two 款/项 of
	 * 2); integer amounts would not stop at such a pair */
	size_t li = strlen(t[i].text);
	int pair_start = -1;
	if (li == 3 && strchr("235", t[i].text[0]))
		pair_start = i;
	else if (li == 2 && i > 0 && strlen(t[i - 1].text) == 3 && strchr("235", t[i - 1].text[0]))
		pair_start = i - 1;
	else if (li == 2 && i > 1 && strlen(t[i - 1].text) == 2 && strlen(t[i - 2].text) == 3 &&
	         strchr("235", t[i - 2].text[0]))
		pair_start = i - 2;
	if (pair_start > 0 && !t[pair_start - 1].isnum && (n - pair_start == 2 || n - pair_start == 3)) {
		int ok = 1;
		for (int j = pair_start; j < n; j++)
			ok &= tok_is_plain_int(&t[j]) && strlen(t[j].text) == (j == pair_start ? 3u : 2u);
		if (ok)
			return 1;
	}
	for (int j = i + 1; j < n; j++) {
		if (!t[j].isnum)
			return 1;
		if (strchr(t[j].text, '.'))
			return 1;
	}
	/* only integers on the line: codes if it looks like "201 03 01" / "129" */
	int allint = 1;
	for (int j = 0; j < n; j++)
		if (!tok_is_plain_int(&t[j]))
			allint = 0;
	if (allint && n <= 3) {
		size_t l0 = strlen(t[0].text);
		if (l0 >= 2)
			return 1;
	}
	return 0;
}

gk_geom body_geom(const nctx *c, int b, int e)
{
	int cnt[3] = {0};
	for (int i = b; i < e; i++)
		if (!c->x[i].skip)
			cnt[c->x[i].l->geom]++;
	return cnt[GK_GEOM_TAB] >= cnt[GK_GEOM_POS] && cnt[GK_GEOM_TAB] >= cnt[GK_GEOM_FLOW] ? GK_GEOM_TAB
	       : cnt[GK_GEOM_POS] >= cnt[GK_GEOM_FLOW]                                     ? GK_GEOM_POS
	                                                                                   : GK_GEOM_FLOW;
}

/* "一、" "（三）" "(十二)" "1." at the start of a label */
int is_ordinal_label(const char *s)
{
	static const char *digits[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", NULL};
	const char *p = s;
	int paren = 0;
	if (!strncmp(p, "（", 3))
		p += 3, paren = 1;
	else if (*p == '(')
		p++, paren = 1;
	int n = 0;
	for (;;) {
		int hit = 0;
		for (int i = 0; digits[i]; i++)
			if (!strncmp(p, digits[i], 3)) {
				p += 3, n++, hit = 1;
				break;
			}
		if (!hit)
			break;
	}
	if (!n)
		return 0;
	if (paren)
		return !strncmp(p, "）", 3) || *p == ')';
	return !strncmp(p, "、", 3);
}

int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

double amount_units(const char *s)
{
	double u = 0;
	for (; *s; s++)
		u += *s >= '0' && *s <= '9' ? 1 : 0.5;
	return u;
}

double amounts_right_edge(const double *x0, const double *x1, const double *units, int n, int ocr)
{
	if (n <= 0)
		return -1;
	double edge = -1;
	if (!ocr) {
		for (int k = 0; k < n; k++)
			edge = x1[k] > edge ? x1[k] : edge;
		return edge;
	}
	double *w = gk_malloc(sizeof *w * (size_t)n);
	int nw = 0;
	for (int k = 0; k < n; k++)
		if (units[k] > 0)
			w[nw++] = (x1[k] - x0[k]) / units[k];
	qsort(w, (size_t)nw, sizeof *w, cmp_double);
	double unit = nw ? w[nw / 2] : 0;
	free(w);
	for (int k = 0; k < n; k++) {
		double r = x1[k];
		if (unit > 0 && units[k] > 0 && r > x0[k] + units[k] * unit * 1.06)
			r = x0[k] + units[k] * unit * 1.06;
		edge = r > edge ? r : edge;
	}
	return edge;
}
