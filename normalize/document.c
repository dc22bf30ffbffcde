/*
 * document.c - the document: gk_normalize() finds the table titles,
 * cuts the document into table spans (a title with no table after it is
 * a table-of-contents entry), hands each span to its family's reader,
 * and fills document.csv's metadata (year, kind, department, region,
 * unit).
 *
 * Entry points: gk_normalize, gk_doc_name (normalize.h); parse_spans,
 * title_of (nctx.h).  A new table family gets its reader called from
 * parse_spans.
 */
#include "nctx.h"

#include "ocrfix.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* strip a title's decorations with the title-strip rules, in place */
void strip_title(const nctx *c, char *s)
{
	int n;
	const gk_rule *const *list = gk_rules_of(c->rules, "title-strip", &n); /* owned by the rules */
	for (int pass = 0; pass < 3; pass++) {
		for (int i = 0; i < n; i++) {
			size_t ov[2];
			size_t len = strlen(s);
			if (gk_rule_match(list[i], s, len, ov) && ov[1] > ov[0]) {
				memmove(s + ov[0], s + ov[1], len - ov[1] + 1);
			}
		}
	}
	/* a year prefix: 2024年 / 2024年度 / 2024 年度 */
	char *y = s;
	if (strlen(y) > 4 && isdigit((unsigned char)y[0]) && isdigit((unsigned char)y[1]) &&
	    isdigit((unsigned char)y[2]) && isdigit((unsigned char)y[3]) && !strncmp(y + 4, "年", 3)) {
		size_t k = 7;
		if (!strncmp(y + k, "度", 3))
			k += 3;
		memmove(y, y + k, strlen(y + k) + 1);
	}
}

/* Which table does a line title?  NULL if none; "other" for a table type
 * outside the contract. */
const char *title_of(const nctx *c, const xline *x)
{
	const char *s = x->compact;
	size_t len = strlen(s);
	if (len < 9 || len > 150 || x->skip) /* 3..50 CJK characters */
		return NULL;
	if (!strstr(s, "表"))
		return NULL;
	if (rule_any(c, "title-reject", s))
		return NULL;
	char *t = gk_strdup(s);
	strip_title(c, t);
	const gk_rule *r = gk_rules_first(c->rules, "title", t);
	const char *id = r ? r->name : NULL;
	if (!id && gk_rules_first(c->rules, "title-other", t))
		id = "other";
	free(t);
	return id;
}

/* is page listed in the extract's ocr_pages ("3,5,14")? */
int ocr_page(const nctx *c, int page)
{
	return gk_page_listed(gk_doc_meta(c->doc, "ocr_pages"), page);
}

/* The median height of the lines of page pg that print a figure with its
 * point (0 when fewer than three do). */
static double figure_line_height(const nctx *c, int pg)
{
	double h[512];
	int nh = 0;
	for (int k = 0; k < c->n && nh < 512; k++)
		if (c->x[k].l->page == pg && line_has_amount(c, k))
			h[nh++] = c->x[k].l->y1 - c->x[k].l->y0;
	if (nh < 3)
		return 0;
	qsort(h, (size_t)nh, sizeof *h, cmp_double);
	return h[nh / 2];
}

/* Line i (l) changed its cells: its compact text made again. */
static void line_changed(nctx *c, const gk_line *l, int i)
{
	char *t = gk_line_text(l);
	free(c->x[i].compact);
	c->x[i].compact = compact_of(t);
	free(t);
}

/* Line i (l) keeps its first k cells: its compact text made again, and
 * a line left empty skipped. */
static void cells_dropped(nctx *c, gk_line *l, int i, int k)
{
	l->ncell = k;
	line_changed(c, l, i);
	if (!k)
		c->x[i].skip = 1;
}

/* Specks and garbled ink OCR read as digits, on a page read by OCR: a
 * cell of digits alone read with confidence below 50
 *   - on a line less than a third as tall as the median line of the page
 *     that prints a figure with its point (新乡 p.12: `7`, 2.6 pt tall,
 *     under the last row's wrapped label; p.10: `4534` beside a garbled
 *     label, 3.7 pt);
 *   - or of one or two digits in a box more than twice as wide per digit
 *     as its line is tall (新乡 p.10: `1`, 42 pt wide on a 12.7 pt line,
 *     for (十)卫生健康 printed over 支出; the degraded p.9: `7`, 96 pt wide,
 *     for 855.15 and 29.72 blurred together).
 * Such a cell is no amount (it made a 合计 of 7, a row's total of 1, a
 * unit's code), and goes; a line left empty is skipped.  (l is c's line
 * i, read the doc's line i: the respaced lines keep no confidence.) */
static void ocr_drop_specks(nctx *c, gk_line *l, int i, double *page_h, int *page_of_h)
{
	if (c->doc->nline != c->n || !ocr_page(c, l->page) || l->geom != GK_GEOM_POS)
		return;
	if (*page_of_h != l->page)
		*page_h = figure_line_height(c, l->page), *page_of_h = l->page;
	double h = l->y1 - l->y0;
	int thin = *page_h > 0 && h * 3 < *page_h;
	const gk_line *read = &c->doc->line[i];
	int k = 0;
	for (int j = 0; j < l->ncell; j++) {
		const char *t = l->cell[j].text;
		size_t n = strlen(t);
		float conf = 100;
		for (int q = 0; q < read->ncell; q++)
			if (read->cell[q].x0 == l->cell[j].x0 && !strcmp(read->cell[q].text, t))
				conf = read->cell[q].conf;
		int wide = n <= 2 && h > 0 && l->cell[j].x1 - l->cell[j].x0 > 2 * h * (double)n;
		if (n >= 1 && n <= 6 && strspn(t, "0123456789") == n && conf >= 0 && conf < 50 && (thin || wide)) {
			free(l->cell[j].text);
			continue;
		}
		l->cell[k++] = l->cell[j];
	}
	if (k < l->ncell)
		cells_dropped(c, l, i, k);
}

/* The decimals of cell text t when it is an amount with its point (digits,
 * thousands commas, one point), else -1. */
static int pointed_decimals(const char *t)
{
	const char *dot = strchr(t, '.');
	size_t n = strlen(t);
	if (!dot || !n || strspn(t, "0123456789,.") != n || strchr(dot + 1, '.') || dot == t || dot[1] == 0)
		return -1;
	return (int)strlen(dot + 1);
}

/* Are most of page pg's pointed amounts printed with two decimals (three
 * at least, more than with one)? */
static int page_two_decimals(const nctx *c, int pg)
{
	int two = 0, one = 0;
	for (int k = 0; k < c->n; k++) {
		const gk_line *l = c->x[k].l;
		for (int j = 0; l->page == pg && j < l->ncell; j++) {
			int d = pointed_decimals(l->cell[j].text);
			two += d == 2, one += d == 1;
		}
	}
	return two >= 3 && two > one;
}

/* An amount's last digit Tesseract cut off as a word of its own (新乡 p.8:
 * `1352.2` `7`, the two boxes touching): on a page read by OCR whose
 * amounts print two decimals, a cell of one digit that starts less than a
 * point after an amount printed with one decimal ends is that amount's
 * last digit (alone it became a unit's code).  The two are one cell. */
static void ocr_join_cut_digit(nctx *c, gk_line *l, int i, int *two, int *page_of)
{
	if (!ocr_page(c, l->page) || l->geom != GK_GEOM_POS || l->ncell < 2)
		return;
	int k = 1;
	for (int j = 1; j < l->ncell; j++) {
		gk_cell *a = &l->cell[k - 1], *b = &l->cell[j];
		if (strlen(b->text) == 1 && isdigit((unsigned char)b->text[0]) && pointed_decimals(a->text) == 1 &&
		    b->x0 - a->x1 < 1 && b->x0 >= a->x1 - 1) {
			if (*page_of != l->page)
				*two = page_two_decimals(c, l->page), *page_of = l->page;
			if (*two) {
				char *t = gk_strfmt("%s%s", a->text, b->text);
				free(a->text);
				free(b->text);
				a->text = t;
				a->x1 = b->x1;
				continue;
			}
		}
		l->cell[k++] = l->cell[j];
	}
	if (k < l->ncell)
		cells_dropped(c, l, i, k);
}

/* Cell text s folded, its spaces gone, when it is made of digits, thousands
 * commas and points only (a digit among them), else NULL.  New string. */
static char *figure_chars(const char *s)
{
	char *f = compact_of(s);
	size_t n = strlen(f);
	if (!n || strspn(f, "0123456789,.") != n || !strpbrk(f, "0123456789")) {
		free(f);
		return NULL;
	}
	return f;
}

/* f (figure_chars) as an amount: its integer digits (commas dropped) and
 * decimals; 0 when it holds two points or no integer digit. */
static int figure_parts(const char *f, char *ip, size_t ipn, char *dp, size_t dpn)
{
	const char *dot = strchr(f, '.');
	if (dot && strchr(dot + 1, '.'))
		return 0;
	size_t k = 0;
	for (const char *p = f; *p && p != dot; p++)
		if (*p != ',' && k + 1 < ipn)
			ip[k++] = *p;
	ip[k] = 0;
	snprintf(dp, dpn, "%s", dot ? dot + 1 : "");
	return k > 0 && !strchr(dp, ',');
}

/* Is f an amount grouped as printed: one to three digits, then groups of
 * three after commas, at most one point and no comma after it? */
static int grouped_whole(const char *f)
{
	size_t n = strcspn(f, ",.");
	if (n < 1 || n > 3)
		return 0;
	const char *p = f + n;
	while (*p == ',') {
		if (strspn(p + 1, "0123456789") != 3)
			return 0;
		p += 4;
	}
	return !*p || (*p == '.' && p[1] && strspn(p + 1, "0123456789") == strlen(p + 1));
}

/* A figure Tesseract read in pieces it could not join, on a page read by
 * OCR: a piece that begins with a thousands comma or a point (`，899.71`
 * after `136507`, its comma lost; `,507,899` `.7`, the head lost; `,912`
 * `，305.13`), with the digits' piece right before it.  Read alone the
 * pieces made a label of `西安市罚没公物管理中心,912，305.13` and figures of
 * `.13` and `47677`.  The pieces are one figure when
 *   - they make one amount grouped as printed, its head there;
 *   - or the line prints the same figure whole in another cell: the same
 *     integer digits, five or more (a head read: 47677 and ，079.02 beside
 *     47,677,079.02; four when grouped as printed: `2,000.` its decimals
 *     lost, beside 2000.00), or the last six or more of them and the
 *     decimals read (the head lost: ,507,899 .7 beside 136507899.71) -- a
 *     figure printed twice on its row (合计 = its one part);
 * else they are no figure and go (a figure lost is flagged by the sums; a
 * figure misread is not) -- where the line keeps a figure or a code. */
static void ocr_figure_pieces(nctx *c, gk_line *l, int i)
{
	if (!ocr_page(c, l->page) || l->geom != GK_GEOM_POS || l->ncell < 1)
		return;
	double h = l->y1 - l->y0;
	int n = l->ncell;
	char **f = gk_calloc((size_t)n, sizeof *f);
	int *run = gk_calloc((size_t)n, sizeof *run); /* run length from a piece run's first cell; -1 inside */
	for (int j = 0; j < n; j++)
		f[j] = figure_chars(l->cell[j].text);
	int any = 0;
	for (int j = 0; j < n; j++) {
		if (!f[j] || run[j])
			continue;
		/* (a figure printed with its head never starts 00: `000.00` is
		 * 10,000.00 or more read from its thousands on) */
		int head_sep = f[j][0] == ',' || f[j][0] == '.' || (f[j][0] == '0' && f[j][1] == '0' && strchr(f[j], '.'));
		int pointed = strchr(f[j], '.') && !head_sep;
		int e = j + 1;
		while (!pointed && e < n && f[e] && (f[e][0] == ',' || f[e][0] == '.') && h > 0 &&
		       l->cell[e].x0 - l->cell[e - 1].x1 < 3 * h && l->cell[e].x0 > l->cell[e - 1].x1 - h) {
			pointed = strchr(f[e], '.') != NULL;
			e++;
		}
		/* a headless piece's last decimal read as a word of its own
		 * (`,000.0` `0`) is in it */
		if (head_sep && e < n && f[e] && strchr(f[e - 1], '.') && strlen(f[e]) <= 2 &&
		    strspn(f[e], "0123456789") == strlen(f[e]) && h > 0 && l->cell[e].x0 - l->cell[e - 1].x1 < 0.5 * h &&
		    l->cell[e].x0 > l->cell[e - 1].x1 - h)
			e++;
		size_t fl = strlen(f[j]);
		int bare = e - j == 1 && fl > 1 && f[j][fl - 1] == '.' && strchr(f[j], ','); /* `60,000.` */
		if (e - j >= 2 || head_sep || bare) {
			run[j] = e - j;
			for (int q = j + 1; q < e; q++)
				run[q] = -1;
			any = 1;
		}
	}
	/* a line whose cells of digits are all pieces keeps them: without a
	 * figure or a code it would be read as the wrap of the row above
	 * (广州科技's `[30239]其他交通费用` `.25`, its code in the label) */
	int whole = 0;
	for (int j = 0; j < n; j++)
		whole += f[j] && !run[j];
	if (!any || !whole)
		goto done;
	int k = 0;
	for (int j = 0; j < n;) {
		if (run[j] <= 0) {
			l->cell[k++] = l->cell[j++];
			continue;
		}
		int e = j + run[j];
		gk_buf b = {0};
		for (int q = j; q < e; q++)
			gk_buf_adds(&b, f[q]);
		char *s = gk_buf_take(&b);
		char ip[64], dp[32], oi[64], od[32];
		const char *take = NULL;
		int headless = s[0] == ',' || s[0] == '.' || (s[0] == '0' && s[1] == '0');
		size_t sl = strlen(s);
		int bare = !headless && sl > 1 && s[sl - 1] == '.'; /* its decimals lost */
		if (bare)
			s[sl - 1] = 0;
		int grouped = !headless && grouped_whole(s) && strchr(s, ',');
		if (bare)
			s[sl - 1] = '.';
		if (figure_parts(s, ip, sizeof ip, dp, sizeof dp)) {
			if (!headless && !bare && grouped_whole(s))
				take = s;
			for (int q = 0; q < n && !take; q++) {
				if (run[q] || !f[q] || !figure_parts(f[q], oi, sizeof oi, od, sizeof od))
					continue;
				size_t li = strlen(ip), lo = strlen(oi);
				int same = !headless && (li >= 5 || (grouped && li >= 4)) && !strcmp(ip, oi) &&
				           (!strcmp(dp, od) || (bare && *od));
				int tail = headless && li >= 6 && lo > li && !strcmp(oi + lo - li, ip) &&
				           !strncmp(od, dp, strlen(dp));
				if (same || tail)
					take = f[q];
			}
		}
		for (int q = j; q < e; q++) /* (their texts: the cell kept goes in their place) */
			free(l->cell[q].text), l->cell[q].text = NULL;
		if (take) {
			gk_cell g = l->cell[j];
			g.x1 = l->cell[e - 1].x1;
			g.text = gk_strdup(take);
			if (g.y1 > g.y0)
				for (int q = j + 1; q < e; q++)
					if (l->cell[q].y1 > l->cell[q].y0) {
						g.y0 = l->cell[q].y0 < g.y0 ? l->cell[q].y0 : g.y0;
						g.y1 = l->cell[q].y1 > g.y1 ? l->cell[q].y1 : g.y1;
					}
			l->cell[k++] = g;
		}
		free(s);
		j = e;
	}
	cells_dropped(c, l, i, k);
done:
	for (int j = 0; j < n; j++)
		free(f[j]);
	free(f);
	free(run);
}

/* f (figure_chars) in hundredths (its decimals two at most), 0 when not
 * a pointed amount so. */
static int hundredths(const char *f, long long *v)
{
	char ip[64], dp[32];
	if (!f || f[0] == ',' || f[0] == '.' || !strchr(f, '.') || !figure_parts(f, ip, sizeof ip, dp, sizeof dp) ||
	    strlen(dp) > 2 || strlen(ip) > 15)
		return 0;
	*v = atoll(ip) * 100 + (dp[0] ? (dp[0] - '0') * 10 : 0) + (dp[0] && dp[1] ? dp[1] - '0' : 0);
	return 1;
}

/* An amount whose point OCR lost, cut into two words of digits at it
 * (`589700` `00` for 589,700.00, the two boxes a few points apart), on a
 * page read by OCR, right of the row's label: one figure with its point
 * when the row confirms it -- it prints that figure (合计 = its one part)
 * or its first figure is the sum of the others with it (665300.00 =
 * 84000.00 + 581300.00).  Codes stand left of the label: no spaced
 * code (201 03) is read so. */
static void ocr_point_lost(nctx *c, gk_line *l, int i)
{
	if (!ocr_page(c, l->page) || l->geom != GK_GEOM_POS || l->ncell < 3)
		return;
	double h = l->y1 - l->y0;
	int label = -1;
	for (int j = 0; j < l->ncell && label < 0; j++)
		if (gk_has_cjk(l->cell[j].text))
			label = j;
	if (label < 0 || h <= 0)
		return;
	for (int j = label + 1; j + 1 < l->ncell; j++) {
		gk_cell *a = &l->cell[j], *b = &l->cell[j + 1];
		char *fa = compact_of(a->text), *fb = compact_of(b->text);
		size_t la = strlen(fa), lb = strlen(fb);
		double gap = b->x0 - a->x1;
		int shape = la >= 3 && la <= 13 && strspn(fa, "0123456789") == la && lb >= 1 && lb <= 2 &&
		            strspn(fb, "0123456789") == lb && gap > -0.5 * h && gap < h;
		char *cand = shape ? gk_strfmt("%s.%s", fa, fb) : NULL;
		free(fa);
		free(fb);
		long long v;
		if (!cand || !hundredths(cand, &v)) {
			free(cand);
			continue;
		}
		/* the row's other figures, left to right */
		long long first = 0, sum = 0;
		int nfig = 0, same = 0, first_is_cand = 1;
		for (int q = label + 1; q < l->ncell; q++) {
			if (q == j || q == j + 1)
				continue;
			char *fq = figure_chars(l->cell[q].text);
			long long w;
			if (hundredths(fq, &w)) {
				same |= w == v;
				if (!nfig && q < j)
					first = w, first_is_cand = 0;
				else
					sum += w;
				nfig++;
			}
			free(fq);
		}
		int held = same || (nfig >= 2 && !first_is_cand && first == sum + v);
		if (held) {
			free(a->text);
			a->text = cand;
			a->x1 = b->x1;
			free(b->text);
			memmove(b, b + 1, sizeof *b * (size_t)(l->ncell - j - 2));
			l->ncell--;
			line_changed(c, l, i);
		} else {
			free(cand);
		}
	}
}

/* The trailing digits of t (their count; *cut: where they start). */
static size_t trailing_digits(const char *t, size_t *cut)
{
	size_t n = strlen(t), k = n;
	while (k > 0 && isdigit((unsigned char)t[k - 1]))
		k--;
	*cut = k;
	return n - k;
}

/* The left edge of the column of codes on l's page whose right edges
 * meet x1: cells of L digits alone, three at least, all beginning with
 * the digit lead, as a code column's do (5 for 政府经济科目 50101, 50501
 * ...; a column of amounts read without their points does not).  Their
 * median left edge, else NAN. */
static double code_column_x0(const nctx *c, const gk_line *l, size_t L, double x1, char lead)
{
	double x0s[64];
	int n = 0;
	for (int k = 0; k < c->n && n < 64; k++) {
		const gk_line *o = c->x[k].l;
		for (int q = 0; o->page == l->page && o != l && q < o->ncell && n < 64; q++) {
			size_t oc, ol = trailing_digits(o->cell[q].text, &oc);
			if (oc == 0 && ol == L && fabs(o->cell[q].x1 - x1) <= 2) {
				if (o->cell[q].text[0] != lead)
					return NAN;
				x0s[n++] = o->cell[q].x0;
			}
		}
	}
	if (n < 3)
		return NAN;
	qsort(x0s, (size_t)n, sizeof *x0s, cmp_double);
	return x0s[n / 2];
}

/* Tesseract's confidence in cell g of c's line i (the doc's line i keeps
 * it, the respaced one not); 100 when not found. */
static float cell_conf(const nctx *c, int i, const gk_cell *g)
{
	const gk_line *read = &c->doc->line[i];
	for (int q = 0; c->doc->nline == c->n && q < read->ncell; q++)
		if (read->cell[q].x0 == g->x0 && !strcmp(read->cell[q].text, g->text))
			return read->cell[q].conf;
	return 100;
}

/* A label's ordinal alone in a cell: 1 when whole ("8、", "12、", "(2)",
 * "（三）", "十二、"), 2 when one numeral alone ("一": its 、 lost), else 0. */
static int ordinal_alone(const char *s)
{
	static const char *const num[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", NULL};
	const char *p = s;
	int paren = 0, n = 0, cjk = 0;
	if (*p == '(')
		p++, paren = 1;
	for (;;) {
		if (*p >= '0' && *p <= '9' && !cjk) {
			p++, n++;
			continue;
		}
		int hit = 0;
		for (int k = 0; num[k] && !hit && n == cjk; k++)
			if (!strncmp(p, num[k], 3))
				p += 3, n++, cjk++, hit = 1;
		if (!hit)
			break;
	}
	if (n < 1 || n > 3)
		return 0;
	if (paren)
		return !strcmp(p, ")");
	if (!strcmp(p, "、"))
		return 1;
	return !*p && cjk == 1 ? 2 : 0;
}

/* A label's ordinal whose opening bracket OCR lost (`九)社会保险基金支出`
 * for (九)社会保险基金支出), on a page read by OCR: the bracket back, so
 * the label starts an item of its own (else, printing no figure, it was
 * read as the wrap of the label above).  No label starts so otherwise. */
static void ocr_ordinal_paren(nctx *c, gk_line *l, int i)
{
	if (!ocr_page(c, l->page) || l->geom != GK_GEOM_POS)
		return;
	static const char *const num[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", NULL};
	int changed = 0;
	for (int j = 0; j < l->ncell; j++) {
		const char *p = l->cell[j].text;
		int n = 0;
		for (int hit = 1; hit && n < 3;) {
			hit = 0;
			for (int k = 0; num[k] && !hit; k++)
				if (!strncmp(p, num[k], 3))
					p += 3, n++, hit = 1;
		}
		size_t skip = *p == ')' ? 1 : !strncmp(p, "）", 3) ? 3 : 0;
		unsigned cp;
		size_t rest = skip ? strlen(p + skip) : 0;
		if (!n || !skip || !rest || gk_utf8_next((const unsigned char *)p + skip, rest, &cp) <= 0 || cp < 0x4E00 ||
		    cp > 0x9FFF)
			continue;
		char *t = gk_strfmt("(%s", l->cell[j].text);
		free(l->cell[j].text);
		l->cell[j].text = t;
		changed = 1;
	}
	if (changed)
		line_changed(c, l, i);
}

/* Does page pg print a label numbered with a Chinese numeral and 、
 * (一、财政拨款)? */
static int page_numbers_labels(const nctx *c, int pg)
{
	for (int k = 0; k < c->n; k++) {
		const gk_line *l = c->x[k].l;
		for (int j = 0; l->page == pg && j < l->ncell; j++) {
			const char *t = l->cell[j].text; /* (not （二）: is_ordinal_label takes both) */
			if (t[0] != '(' && strncmp(t, "（", 3) && is_ordinal_label(t))
				return 1;
		}
	}
	return 0;
}

/* A label's ordinal OCR read as a cell of its own, on a page read by OCR
 * ("8、" "社会保障和就业支出", "(2)" "商品和服务支出", or "一" "财政拨款"
 * with its 、 lost between them): one cell again, as printed.  Its label
 * starts with a Chinese character at most two of the label's characters
 * to its right; a numeral alone is an ordinal only where its 、 stood, a
 * gap of half a character or more (a dash read 一 touches its label), on
 * a page that numbers its labels so (三 of “三公”经费, its quote lost, is
 * no ordinal), on no coded row and as wide as a character. */
static void ocr_join_ordinal(nctx *c, gk_line *l, int i)
{
	if (!ocr_page(c, l->page) || l->geom != GK_GEOM_POS)
		return;
	int numbered = -1; /* page_numbers_labels, when asked */
	for (int j = 0; j + 1 < l->ncell; j++) {
		gk_cell *g = &l->cell[j], *nx = &l->cell[j + 1];
		char *f = gk_fold_width(g->text);
		int kind = ordinal_alone(f);
		free(f);
		unsigned cp;
		size_t len = strlen(nx->text);
		if (!kind || !len || gk_utf8_next((const unsigned char *)nx->text, len, &cp) <= 0 ||
		    cp < 0x4E00 || cp > 0x9FFF || is_ordinal_label(nx->text))
			continue;
		unsigned cps[64];
		int nc = code_points(nx->text, cps, 64);
		if (nc < 2)
			continue;
		double w = (nx->x1 - nx->x0) / nc, gap = nx->x0 - g->x1;
		if (gap > 2 * w || gap < -w || (kind == 2 && gap < 0.5 * w))
			continue;
		if (kind == 2 && numbered < 0)
			numbered = page_numbers_labels(c, l->page);
		if (kind == 2 && !numbered)
			continue;
		/* (a numeral is a character as wide as the label's: a sliver
		 * read 一 is a stroke split off its word, 一 | 般行政管理事务;
		 * and a coded row's label carries no ordinal) */
		int coded = 0;
		for (int q = 0; q < j; q++)
			coded |= strlen(l->cell[q].text) >= 3 && strspn(l->cell[q].text, "0123456789") == strlen(l->cell[q].text);
		if (kind == 2 && (g->x1 - g->x0 < 0.5 * w || coded))
			continue;
		char *t = gk_strfmt("%s%s%s", g->text, kind == 2 ? "、" : "", nx->text);
		free(g->text);
		g->text = t;
		g->x1 = nx->x1;
		if (nx->conf >= 0 && nx->conf < g->conf)
			g->conf = nx->conf;
		if (nx->y1 > nx->y0 && g->y1 > g->y0) {
			g->y0 = nx->y0 < g->y0 ? nx->y0 : g->y0;
			g->y1 = nx->y1 > g->y1 ? nx->y1 : g->y1;
		} else if (nx->y1 <= nx->y0 || g->y1 <= g->y0) {
			g->y0 = g->y1 = 0; /* the line's own */
		}
		free(nx->text);
		memmove(nx, nx + 1, sizeof *nx * (size_t)(l->ncell - j - 2));
		l->ncell--;
		line_changed(c, l, i);
	}
}

/* A label overflowing into the code column beside it, read with the code
 * as one word, on a page read by OCR: a cell reaching left past a column
 * of codes of L digits whose right edges its own meets (code_column_x0),
 * the code it ends in beginning as theirs, that reads
 *   - a prefix without digits and L digits (新乡 p.14: `必址50501`, the
 *     经济科目 name printed over its cell's edge, then the 政府经济科目
 *     code): two cells, the prefix, and the code where the column starts;
 *   - one or two digits more than L, read under 50, its box reaching
 *     three digits further left than they (`550501`: the name's ink read
 *     as a 5): the code is its last L digits, where the column starts;
 *     the label's ink is no digit of it (an amount read without its
 *     point, its first digit set apart, is not cut so). */
static void ocr_split_glued_code(nctx *c, gk_line *l, int i)
{
	if (!ocr_page(c, l->page) || l->geom != GK_GEOM_POS)
		return;
	for (int j = 0; j < l->ncell; j++) {
		const gk_cell *g = &l->cell[j];
		size_t cut, L = trailing_digits(g->text, &cut);
		if (L < 3 || L > 10 || strpbrk(g->text, "0123456789") < g->text + cut)
			continue;
		if (cut == 0) { /* digits alone: one or two too many? */
			for (size_t extra = 1; extra <= 2 && L - extra >= 3; extra++) {
				double col = code_column_x0(c, l, L - extra, g->x1, g->text[extra]);
				/* (the box reaches three digits past its own: ink no
				 * digit, not an amount's lead digit read apart) */
				double pitch = isnan(col) ? 0 : (g->x1 - col) / (double)(L - extra);
				if (isnan(col) || pitch <= 0 || g->x0 > col - (double)(extra + 3) * pitch || cell_conf(c, i, g) >= 50)
					continue;
				char *code = gk_strdup(g->text + extra);
				free(l->cell[j].text);
				l->cell[j].text = code;
				l->cell[j].x0 = col;
				char *t = gk_line_text(l);
				free(c->x[i].compact);
				c->x[i].compact = compact_of(t);
				free(t);
				break;
			}
			continue;
		}
		if (L > 8)
			continue;
		double col = code_column_x0(c, l, L, g->x1, g->text[cut]);
		if (isnan(col) || g->x0 > col - 4)
			continue;
		double x0 = g->x0, x1 = g->x1;
		char *pre = gk_strndup(g->text, cut), *code = gk_strdup(g->text + cut);
		free(l->cell[j].text);
		l->cell[j].text = pre;
		l->cell[j].x1 = col - 2 > x0 ? col - 2 : x0 + 1;
		gk_line_add_cell_y(l, col, x1, l->cell[j].y0, l->cell[j].y1, code, strlen(code));
		free(code);
		gk_cell added = l->cell[l->ncell - 1];
		memmove(&l->cell[j + 2], &l->cell[j + 1], sizeof *l->cell * (size_t)(l->ncell - j - 2));
		l->cell[j + 1] = added;
		char *t = gk_line_text(l);
		free(c->x[i].compact);
		c->x[i].compact = compact_of(t);
		free(t);
		j++;
	}
}

/* Is line i one of the first two of its page (a running head or a
 * table's number may stand above a title)? */
static int page_head_line(const nctx *c, int i)
{
	int above = 0;
	for (int k = i - 1; k >= 0 && c->x[k].l->page == c->x[i].l->page; k--)
		above += !c->x[k].skip;
	return above <= 1;
}

/* A title whose qualifier's opening bracket OCR lost ("…明细表"
 * "按支出经济分类科目)": the line ends in a closing bracket and holds no
 * opening one): the compact text with "(" put back after the last 表
 * before the qualifier, or NULL when the line is not so.  New string. */
static char *bracket_mended(const char *s)
{
	size_t len = strlen(s);
	if (len < 4 || s[len - 1] != ')' || strchr(s, '('))
		return NULL;
	const char *b = NULL; /* the last 表 before the bracket */
	for (const char *p = strstr(s, "表"); p && p < s + len - 1; p = strstr(p + 3, "表"))
		b = p;
	if (!b || b + 3 >= s + len - 1)
		return NULL;
	size_t k = (size_t)(b + 3 - s);
	char *t = gk_malloc(len + 2);
	memcpy(t, s, k);
	t[k] = '(';
	memcpy(t + k + 1, s + k, len - k + 1);
	return t;
}

/* A title OCR misread (ocrtitle.c): on a page read by OCR, line i shaped
 * like a title -- it names a 表 last, holds no amount, is no prose -- and near
 * one usual title.  Returns that table's id (*canon: the title) or NULL. */
static const char *ocr_title_of(const nctx *c, int i, const char **canon, int *same_len)
{
	const xline *x = &c->x[i];
	size_t len = strlen(x->compact);
	*canon = NULL;
	*same_len = 0;
	if (x->skip || len < 24 || len > 150 || !ocr_page(c, x->l->page) || line_has_amount(c, i) ||
	    rule_any(c, "title-reject", x->compact))
		return NULL;
	/* angle brackets are no table title's: OCR makes them of a paren's
	 * edge or a speck ("支出情况表《（按功能分类科目)"); without them the
	 * rules may know the line */
	char *t = gk_strdup(x->compact);
	size_t k = 0;
	for (size_t j = 0; t[j];) {
		if (!strncmp(t + j, "《", 3) || !strncmp(t + j, "》", 3) || !strncmp(t + j, "〈", 3) ||
		    !strncmp(t + j, "〉", 3)) {
			j += 3;
			continue;
		}
		t[k++] = t[j++];
	}
	t[k] = 0;
	if (k < len) {
		xline y = *x;
		y.compact = t;
		const char *id = title_of(c, &y);
		if (id) {
			free(t);
			*same_len = 1; /* read right but for the brackets: no doubt to say */
			return id;
		}
	}
	free(t);
	t = bracket_mended(x->compact);
	if (t) {
		xline y = *x;
		y.compact = t;
		const char *id = title_of(c, &y);
		free(t);
		if (id) {
			*same_len = 1; /* every character read: no doubt to say */
			return id;
		}
	}
	t = gk_strdup(x->compact);
	strip_title(c, t);
	const char *s = t; /* the 年(度) of a year whose digits went as an ordinal */
	if (!strncmp(s, "年", 3))
		s += strncmp(s + 3, "度", 3) ? 3 : 6;
	size_t tl = strlen(s);
	const char *id = NULL;
	if (tl > 3 && !strcmp(s + tl - 3, "表"))
		id = title_near(c, s, canon, same_len);
	else if (x->l->ncell == 1 && tl >= 18 && page_head_line(c, i)) {
		/* the last character lost (财政拨款收入支出决算总, the 表 at the
		 * line's end too faint): a usual title exactly, but for it */
		char *u = gk_strfmt("%s表", s);
		id = title_canon_of(c, u, canon);
		free(u);
	}
	free(t);
	return id;
}

/* A line OCR read at the head of its page that is shaped like a table's
 * title -- one cell, 6 to 40 characters ending in 表, no amount, no prose
 * -- but that no rule and no usual title took: a table we cannot name.
 * Left alone its page would join the table before as a continuation
 * page, its figures under another table's columns; it is written as a
 * table outside the contract instead, and said.  A performance table's
 * title names its project (…经费补助绩效目标表): its pages follow each
 * other and are one table, as on the text layer. */
static int ocr_unread_title(const nctx *c, int i)
{
	const xline *x = &c->x[i];
	size_t len = strlen(x->compact);
	if (x->skip || x->l->ncell != 1 || len < 18 || len > 120 || !ocr_page(c, x->l->page) ||
	    strcmp(x->compact + len - 3, "表") || line_has_amount(c, i) || rule_any(c, "title-reject", x->compact))
		return 0;
	static const char *const prose[] = {"，", "。", "；", "：", ":", "见", "绩效目标表", NULL};
	for (int k = 0; prose[k]; k++)
		if (strstr(x->compact, prose[k]))
			return 0;
	int above = 0; /* lines of its page above it */
	for (int q = i - 1; q >= 0 && c->x[q].l->page == x->l->page; q--)
		above += !c->x[q].skip;
	return above < 3;
}

/* A line OCR read at the head of its page, about a budget (预算, 决算),
 * that no rule and no usual title took, whose table's head -- the lines
 * below it down to the first figures -- names the 三公 columns
 * (因公出国, 公务用车 and 接待, each a short cell, side by side), with no
 * title above it on its page: a 三公 table whose title OCR cut short
 * (`…一般公共预算一` `经`, its “三公”经费预算表 lost in the tiny print
 * above the head).  No other table prints those three as its columns (a
 * 基本支出表 prints them as rows, one under the other). */
static int ocr_three_head(const nctx *c, int i, const char *const *cid)
{
	const xline *x = &c->x[i];
	if (x->skip || !ocr_page(c, x->l->page) || line_has_amount(c, i) || strlen(x->compact) > 120 ||
	    (!strstr(x->compact, "预算") && !strstr(x->compact, "决算")) || rule_any(c, "title-reject", x->compact))
		return 0;
	static const char *const prose[] = {"，", ",", "。", "；", "见", NULL};
	for (int k = 0; prose[k]; k++)
		if (strstr(x->compact, prose[k]))
			return 0;
	int above = 0; /* lines of its page above it, none a title */
	for (int q = i - 1; q >= 0 && c->x[q].l->page == x->l->page; q--) {
		above += !c->x[q].skip;
		if (cid[q])
			return 0;
	}
	if (above >= 3)
		return 0;
	/* each word in a short cell of its own (a column head, not prose),
	 * the three side by side (a 基本支出表 stacks them as row labels) */
	static const char *const word[3][2] = {{"出国", NULL}, {"用车", NULL}, {"接待", "公务接"}};
	double x0[3], x1[3];
	for (int w = 0; w < 3; w++) {
		x0[w] = x1[w] = -1;
		for (int q = i + 1; q < c->n && q <= i + 15 && c->x[q].l->page == x->l->page && x1[w] < 0; q++) {
			if (line_has_amount(c, q))
				break;
			for (int k = 0; k < c->x[q].l->ncell && x1[w] < 0; k++) {
				const gk_cell *cl = &c->x[q].l->cell[k];
				if (strlen(cl->text) <= 45 &&
				    (strstr(cl->text, word[w][0]) || (word[w][1] && strstr(cl->text, word[w][1]))))
					x0[w] = cl->x0, x1[w] = cl->x1;
			}
		}
		if (x1[w] < 0)
			return 0;
	}
	for (int a = 0; a < 3; a++)
		for (int b = a + 1; b < 3; b++)
			if (x0[a] < x1[b] && x0[b] < x1[a])
				return 0;
	return 1;
}

static gk_table *new_table(nctx *c, const char *id, int title_line)
{
	const gk_tabledef *d = gk_tabledef_find(id);
	char *raw = gk_line_text(c->x[title_line].l);
	char *title = gk_label_clean(raw);
	free(raw);
	gk_table *t = gk_result_add_table(c->r, id, title, c->x[title_line].l->page, d ? d->cols : NULL,
	                                  d ? d->ncols : 0);
	free(title);
	return t;
}

char *gk_doc_name(const char *path)
{
	if (!strcmp(path, "-"))
		return gk_strdup("stdin"); /* (standard input) */
	const char *b = strrchr(path, '/');
	b = b ? b + 1 : path;
	const char *dot = strrchr(b, '.');
	size_t n = dot && dot != b ? (size_t)(dot - b) : strlen(b);
	return gk_strndup(b, n);
}

/* does the span [b, e) look like a table (a header or numbers) rather
 * than a table-of-contents entry? */
static int span_has_table(const nctx *c, int b, int e)
{
	int seen = 0;
	for (int i = b; i < e && seen < 80; i++) {
		if (c->x[i].skip)
			continue;
		seen++;
		/* a header, numbers, or a table head's unit / department line (a
		 * table printed without data still has those) */
		if (is_header_line(c, &c->x[i]) || line_has_amount(c, i) || rule_any(c, "unit", c->x[i].compact) ||
		    rule_any(c, "dept", c->x[i].compact))
			return 1;
	}
	return 0;
}

/* ---- document.csv: year, kind, department, region --------------------- */

/* Remove every match of the rules of kind from s, in place. */
static void strip_all(const nctx *c, const char *kind, char *s)
{
	int n;
	const gk_rule *const *rs = gk_rules_of(c->rules, kind, &n); /* owned by the rules */
	for (int q = 0; q < n; q++)
		for (int guard = 0; guard < 8; guard++) {
			size_t ov[2];
			if (!gk_rule_match(rs[q], s, strlen(s), ov) || ov[1] <= ov[0])
				break;
			memmove(s + ov[0], s + ov[1], strlen(s + ov[1]) + 1);
		}
}

/* The administrative prefix of a name (rules "region"), or "": 深圳市信访局
 * -> 深圳市.  A party organ names its region after 中共/中国共产党 (中共深圳
 * 市委宣传部 -> 深圳市). */
static char *region_of(const nctx *c, const char *name)
{
	const char *p = name;
	if (!strncmp(p, "中国共产党", 15))
		p += 15;
	else if (!strncmp(p, "中共", 6))
		p += 6;
	int n;
	const gk_rule *const *rg = gk_rules_of(c->rules, "region", &n);
	for (int i = 0; i < n; i++) {
		size_t ov[2];
		if (gk_rule_match(rg[i], p, strlen(p), ov) && ov[0] == 0 && ov[1] > 0)
			return gk_strndup(p, ov[1]);
	}
	return gk_strdup("");
}

/* A department's name, not a header word or a fragment: it ends like an
 * organisation (rules "org-name") and holds no digit or colon (table heads
 * gave 公务接待费, 其中:专项资, 部门预算编码). */
static int org_like(const nctx *c, const char *s)
{
	if (strlen(s) < 9 || strstr(s, ":") || strstr(s, "："))
		return 0;
	for (const char *p = s; *p; p++)
		if (isdigit((unsigned char)*p))
			return 0;
	return rule_any(c, "org-name", s);
}

/* the year a text names first ("2026年", "2026 年度", "2026部门预算"), or "" */
static void year_in(const char *s, char year[8])
{
	for (const char *p = s; *p; p++)
		if (p[0] == '2' && p[1] == '0' && isdigit((unsigned char)p[2]) && isdigit((unsigned char)p[3]) &&
		    !isdigit((unsigned char)p[4]) && (p == s || !isdigit((unsigned char)p[-1]))) {
			memcpy(year, p, 4);
			year[4] = 0;
			return;
		}
}

/* The document's own cover: the first budget title of its first pages
 * (rules "cover-title": 2026年广州市气象局部门预算, 北京市司法局 / 2026
 * 年度部门预算信息公开, 上海市2026年市级单位预算, a title wrapped over
 * lines) with the lines of its page before it.  The department is what
 * stands before the title once years, 附件N, （汇总）… are taken out
 * (rules "cover-strip"); where that is only a region or nothing, the
 * 预算单位：/部门名称： line after it names it.  Returns 1 if found. */
static int cover_meta(const nctx *c, char **dept, char year[8], int *final, char **where)
{
	*dept = NULL, *where = NULL;
	year[0] = 0;
	int lim = c->n < 120 ? c->n : 120;
	for (int i = 0; i < lim && c->x[i].l->page <= 3; i++) {
		int b = i;
		while (b > 0 && i - b < 5 && c->x[b - 1].l->page == c->x[i].l->page)
			b--;
		for (int j = b; j <= i; j++) { /* the longest window first */
			gk_buf w = {0};
			for (int k = j; k <= i; k++)
				gk_buf_adds(&w, c->x[k].compact);
			const gk_rule *tr = gk_rules_first(c->rules, "cover-title", w.s ? w.s : "");
			size_t ov[2];
			if (!tr || !gk_rule_match(tr, w.s, w.len, ov)) {
				gk_buf_drop(&w);
				continue;
			}
			/* a title in the text ("第二部分 2026年部门预算表") is no cover:
			 * only lines that are not sentences */
			int prose = 0;
			for (int k = j; k <= i; k++)
				prose |= strstr(c->x[k].compact, "，") || strstr(c->x[k].compact, "。");
			if (prose) {
				gk_buf_drop(&w);
				continue;
			}
			for (int k = j; k <= i && !*year; k++)
				year_in(c->x[k].compact, year);
			*final = strstr(w.s + ov[0], "决算") != NULL;
			/* the text before the title, its lines apart ("附件2" over
			 * "2019年…"), then joined once the strip rules have run */
			gk_buf bw = {0};
			size_t at = 0;
			for (int k = j; k <= i && at < ov[0]; k++) {
				size_t l = strlen(c->x[k].compact), take = at + l <= ov[0] ? l : ov[0] - at;
				if (bw.len)
					gk_buf_addc(&bw, '\n');
				gk_buf_add(&bw, c->x[k].compact, take);
				at += l;
			}
			char *d = gk_buf_take(&bw);
			strip_all(c, "cover-strip", d);
			char *o = d;
			for (char *q = d; *q; q++)
				if (*q != '\n')
					*o++ = *q;
			*o = 0;
			char *rg = region_of(c, d);
			*where = gk_strdup(d);
			if (!*d || !strcmp(rg, d)) { /* a region or nothing: the unit's line */
				free(d);
				d = NULL;
				for (int k = i + 1; k < c->n && k <= i + 6 && c->x[k].l->page == c->x[i].l->page && !d; k++) {
					size_t o2[2];
					const gk_rule *ur = gk_rules_first(c->rules, "cover-unit", c->x[k].compact);
					if (ur && gk_rule_match(ur, c->x[k].compact, strlen(c->x[k].compact), o2))
						d = gk_strdup(c->x[k].compact + o2[1]);
				}
				if (d)
					strip_all(c, "cover-strip", d);
			}
			free(rg);
			gk_buf_drop(&w);
			if (d && *d)
				*dept = d;
			else
				free(d);
			return 1;
		}
	}
	return 0;
}

/* cover is name with one character dropped (a misprint on the cover:
 * 登封市政务服和… for 登封市政务服务和…) */
static int one_char_short(const char *cover, const char *name)
{
	size_t lc = strlen(cover), ln = strlen(name);
	if (ln <= lc || ln - lc > 4)
		return 0;
	size_t pre = 0;
	while (pre < lc && cover[pre] == name[pre])
		pre++;
	while (pre > 0 && (cover[pre] & 0xC0) == 0x80) /* back to a character's start */
		pre--;
	unsigned char c0 = (unsigned char)name[pre];
	int cl = c0 < 0x80 ? 1 : c0 >= 0xF0 ? 4 : c0 >= 0xE0 ? 3 : 2;
	return (size_t)cl == ln - lc && !strcmp(cover + pre, name + pre + cl);
}

static void doc_meta(nctx *c)
{
	gk_result *r = c->r;
	char year[8] = "";
	int final = 0, kind_seen = 0;
	char *cdept = NULL, *where = NULL;
	int cover = cover_meta(c, &cdept, year, &final, &where);
	if (!cover) {
		for (int i = 0; i < c->n && i < 400 && !kind_seen; i++) {
			const gk_rule *kr = gk_rules_first(c->rules, "doc-kind", c->x[i].compact);
			if (kr)
				final = !strcmp(kr->name, "决算"), kind_seen = 1;
		}
		/* the first page gives the year and may name the unit
		 * (部门名称：X, 评价项目单位： over X) */
		for (int i = 0; i < c->n && c->x[i].l->page <= c->x[0].l->page; i++) {
			if (!*year && strstr(c->x[i].compact, "年"))
				year_in(c->x[i].compact, year);
			size_t ov[2];
			const gk_rule *ur = cdept ? NULL : gk_rules_first(c->rules, "cover-unit", c->x[i].compact);
			if (ur && gk_rule_match(ur, c->x[i].compact, strlen(c->x[i].compact), ov)) {
				const char *v = c->x[i].compact + ov[1];
				if (!*v && i + 1 < c->n)
					v = c->x[i + 1].compact;
				if (org_like(c, v))
					cdept = gk_strdup(v);
			}
		}
		for (int i = 0; i < c->r->ntable && !*year; i++)
			year_in(c->r->tables[i]->title, year);
		/* else the first year the text names, else the file name's */
		for (int i = 0; i < c->n && i < 400 && !*year; i++)
			if (strstr(c->x[i].compact, "年"))
				year_in(c->x[i].compact, year);
		const char *src = gk_doc_meta(c->doc, "source");
		if (!*year && src)
			year_in(src, year);
	}
	/* the department: the cover's; else a table head's 部门名称 that is an
	 * organisation's name (a cover that dropped a character of it yields
	 * to it) */
	char *head = c->dept ? gk_label_clean(c->dept) : NULL;
	char *dept = cdept ? gk_label_clean(cdept) : NULL;
	if (head && !org_like(c, head)) {
		free(head);
		head = NULL;
	}
	if (dept && head && one_char_short(dept, head)) {
		free(dept);
		dept = head;
		head = NULL;
	}
	if (!dept && head && (cover || c->r->ntable)) {
		dept = head;
		head = NULL;
	}
	free(head);
	/* a document that is no budget (no cover title, no table) says nothing */
	int budget = cover || c->r->ntable > 0;
	gk_result_set_meta(r, "year", budget ? year : "");
	gk_result_set_meta(r, "kind", !budget ? "" : final ? "决算" : "预算");
	gk_result_set_meta(r, "department", dept ? dept : "");
	char *region = dept ? region_of(c, dept) : gk_strdup("");
	if (!*region && where) {
		free(region);
		region = region_of(c, where);
	}
	gk_result_set_meta(r, "region", region);
	free(region);
	free(dept);
	free(cdept);
	free(where);
	const char *units[] = {"元", "千元", "万元", "亿元"};
	int sh = c->unit_seen ? c->unit_shift : 0;
	gk_result_set_meta(r, "unit_published", sh == -4 ? units[0] : sh == -1 ? units[1] : sh == 4 ? units[3] : units[2]);
}

/* Letter-spaced labels ("合  计", "科 目 名 称") come out of a PDF as one
 * cell per character.  A copy of the document where runs of one-character
 * CJK cells, evenly and closely spaced, are one cell again. */
static int one_cjk(const char *s)
{
	return strlen(s) == 3 && gk_has_cjk(s);
}

static gk_doc *respaced(const gk_doc *doc)
{
	gk_doc *d = gk_doc_new();
	for (int i = 0; i < doc->nline; i++) {
		const gk_line *l = &doc->line[i];
		gk_line *n = gk_doc_add_line(d, l->page, l->y0, l->y1, l->size, l->geom);
		double em = l->size > 0 ? l->size : (l->y1 - l->y0);
		for (int j = 0; j < l->ncell; j++) {
			int k = j;
			/* (类 款 项 are three header columns, not a spaced word) */
			if (l->geom == GK_GEOM_POS && one_cjk(l->cell[j].text) && strcmp(l->cell[j].text, "类"))
				while (k + 1 < l->ncell && one_cjk(l->cell[k + 1].text) &&
				       l->cell[k + 1].x0 - l->cell[k].x1 < 3 * em && strcmp(l->cell[k + 1].text, "款") &&
				       strcmp(l->cell[k + 1].text, "项"))
					k++;
			if (k == j) {
				gk_line_add_cell_y(n, l->cell[j].x0, l->cell[j].x1, l->cell[j].y0, l->cell[j].y1, l->cell[j].text,
			                   strlen(l->cell[j].text));
				continue;
			}
			gk_buf b = {0};
			for (int q = j; q <= k; q++)
				gk_buf_adds(&b, l->cell[q].text);
			gk_line_add_cell(n, l->cell[j].x0, l->cell[k].x1, b.s, b.len);
			gk_buf_drop(&b);
			j = k;
		}
	}
	return d;
}

/* The number a table-of-contents entry starts with ("十一、", "（十一）",
 * "11.", "11、"), or -1. */
static int ordinal_of(const char *s)
{
	static const char *const dig[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
	int paren = 0, v = -1;
	if (!strncmp(s, "（", 3))
		s += 3, paren = 1;
	else if (*s == '(')
		s++, paren = 1;
	if (isdigit((unsigned char)*s)) {
		v = 0;
		while (isdigit((unsigned char)*s) && v < 1000)
			v = v * 10 + (*s++ - '0');
	} else {
		int tens = 0, unit = -1;
		for (;;) {
			int d = -1;
			for (int k = 0; k < 10; k++)
				if (!strncmp(s, dig[k], 3))
					d = k;
			if (d >= 0) {
				unit = d, s += 3;
			} else if (!strncmp(s, "十", 3)) {
				tens = unit > 0 ? unit : 1, unit = 0, s += 3;
			} else {
				break;
			}
		}
		if (unit < 0 && !tens)
			return -1;
		v = tens * 10 + (unit > 0 ? unit : 0);
	}
	if (paren)
		return !strncmp(s, "）", 3) || *s == ')' ? v : -1;
	return !strncmp(s, "、", 3) || !strncmp(s, "．", 3) || *s == '.' ? v : -1;
}

/* The header words of a span: its lines before the first amount or
 * sentence (at most 12), white space removed and joined. */
static char *span_head_words(const nctx *c, int b, int e)
{
	gk_buf hb = {0};
	for (int i = b, seen = 0; i < e && seen < 12; i++) {
		if (c->x[i].skip)
			continue;
		if (line_has_amount(c, i) || strstr(c->x[i].compact, "，") || strstr(c->x[i].compact, "。"))
			break;
		gk_buf_adds(&hb, c->x[i].compact);
		seen++;
	}
	return gk_buf_take(&hb);
}

/* Does a line of span [b, e) hold what a "retitle-keep" rule of table id
 * names (a 绩效指标 cell printing its indicators as one stream)? */
static int keeps_title(const nctx *c, const char *id, int b, int e)
{
	int n;
	const gk_rule *const *rs = gk_rules_of(c->rules, "retitle-keep", &n);
	for (int k = 0; k < n; k++) {
		if (strcmp(rs[k]->name, id))
			continue;
		for (int i = b; i < e; i++)
			if (!c->x[i].skip && gk_rule_match(rs[k], c->x[i].compact, strlen(c->x[i].compact), NULL))
				return 1;
	}
	return 0;
}

/* A title says one table type and the header another (rules "retitle",
 * flags = the title's id): the header's type wins, unless the span's
 * body shows the title's type ("retitle-keep"). */
static const char *retitled(const nctx *c, const char *id, int b, int e)
{
	int n;
	const gk_rule *const *rs = gk_rules_of(c->rules, "retitle", &n); /* owned by the rules */
	const char *to = id;
	char *hw = NULL;
	if (keeps_title(c, id, b, e))
		return id;
	for (int i = 0; i < n && to == id; i++) {
		if (strcmp(rs[i]->flags, id))
			continue;
		if (!hw)
			hw = span_head_words(c, b, e);
		if (gk_rule_match(rs[i], hw, strlen(hw), NULL))
			to = rs[i]->name;
	}
	free(hw);
	return to;
}

/* ---- a text column right of the amounts ----------------------------- */

/* A project table may print a column of sentences right of its amounts
 * (广州's 绩效目标), wrapped over as many lines as it needs, above and
 * below its row's amounts, sometimes glued to the last amount ("0.00
 * 机关及窗口…").  Such a column defeats the grouping of fragments into
 * rows, so before the rows are built its pieces are gathered onto the
 * amount line they are nearest to (same page), as one cell at the
 * column's place; the reader keeps it as x_<header words> (numeric.c).
 * A column of sentences only: at least three pieces with their
 * punctuation, and above a page's first amounts (its header) only
 * sentences move. */
typedef struct tcfrag {
	int page;
	double yc;
	char *text;
} tcfrag;

/* length of the amount a cell starts with, followed by a space and text
 * ("0.00 机关及…"), else 0 */
static size_t amount_prefix(const char *s)
{
	const char *sp = strchr(s, ' ');
	if (!sp || !gk_has_cjk(sp))
		return 0;
	char buf[48];
	char *a = gk_strndup(s, (size_t)(sp - s));
	int ok = gk_amount_parse(a, buf, sizeof buf) && strchr(a, '.');
	free(a);
	return ok ? (size_t)(sp - s) : 0;
}

/* a sentence's punctuation: a text column of prose, not header words */
static int prose(const char *s)
{
	return strstr(s, "，") || strstr(s, "。") || strstr(s, "；") || strstr(s, "、") || strstr(s, "：");
}

static int is_amount_cell(const char *s)
{
	char buf[48];
	return gk_amount_parse(s, buf, sizeof buf) && strchr(s, '.');
}

/* does span sp hold a page read by OCR? */
static int span_ocr(const nctx *c, const tspan *sp)
{
	for (int i = sp->begin; i < sp->end; i++)
		if (ocr_page(c, c->x[i].l->page))
			return 1;
	return 0;
}

/* The span's lines with its text column gathered onto the amount lines,
 * or NULL when it has none (fewer than 3 pieces right of the amounts). */
static gk_doc *text_column_gathered(const nctx *c, const tspan *sp)
{
	int nx = 0, cap = 64;
	double *x0s = gk_malloc(sizeof *x0s * (size_t)cap), *x1s = gk_malloc(sizeof *x1s * (size_t)cap),
	       *us = gk_malloc(sizeof *us * (size_t)cap);
	for (int i = sp->begin; i < sp->end; i++) {
		const gk_line *l = c->x[i].l;
		for (int j = 0; j < l->ncell; j++) {
			const gk_cell *cl = &l->cell[j];
			size_t ap = amount_prefix(cl->text);
			double x1 = ap ? cl->x0 + (cl->x1 - cl->x0) * (double)ap / (double)strlen(cl->text) : cl->x1;
			if (!ap && !is_amount_cell(cl->text))
				continue;
			if (nx == cap) {
				cap *= 2;
				x0s = gk_realloc(x0s, sizeof *x0s * (size_t)cap);
				x1s = gk_realloc(x1s, sizeof *x1s * (size_t)cap);
				us = gk_realloc(us, sizeof *us * (size_t)cap);
			}
			char *a = gk_strndup(cl->text, ap ? ap : strlen(cl->text));
			x0s[nx] = cl->x0, x1s[nx] = x1, us[nx++] = amount_units(a);
			free(a);
		}
	}
	double edge = amounts_right_edge(x0s, x1s, us, nx, span_ocr(c, sp));
	free(x0s), free(x1s), free(us);
	if (edge < 0)
		return NULL;
	/* a column headed 项目简介, 备注 or 说明 is a column of notes, each
	 * beside its own project: the rows keep them (header.c's hx_note) */
	for (int i = sp->begin; i < sp->end && !line_has_amount(c, i); i++) {
		const gk_line *l = c->x[i].l;
		for (int j = 0; j < l->ncell; j++) {
			char *cp = compact_of(l->cell[j].text);
			int note = l->cell[j].x1 > edge && (strstr(cp, "简介") || !strcmp(cp, "备注") || !strcmp(cp, "说明"));
			free(cp);
			if (note)
				return NULL;
		}
	}
	int n = sp->end - sp->begin, nf = 0;
	tcfrag *fr = gk_calloc((size_t)(n * 4 + 1), sizeof *fr);
	int *amt = gk_calloc((size_t)(n + 1), sizeof *amt);   /* line has an amount */
	int *first = gk_calloc((size_t)(n + 1), sizeof *first); /* first amount line of its page */
	for (int i = 0; i < n; i++) {
		const gk_line *l = c->x[sp->begin + i].l;
		for (int j = 0; j < l->ncell; j++)
			amt[i] |= is_amount_cell(l->cell[j].text) || amount_prefix(l->cell[j].text) > 0;
	}
	for (int i = 0, page = -1; i < n; i++) {
		const gk_line *l = c->x[sp->begin + i].l;
		if (l->page != page)
			page = l->page, first[i] = 1;
		else
			first[i] = first[i - 1] == 1 && !amt[i - 1] ? 1 : 0;
	}
	gk_doc *d = gk_doc_new();
	int *dl = gk_calloc((size_t)(n + 1), sizeof *dl); /* line of d for span line i, -1 none */
	for (int i = 0; i < n; i++) {
		const xline *x = &c->x[sp->begin + i];
		const gk_line *l = x->l;
		dl[i] = -1;
		int left = 0; /* cells left of the column */
		for (int j = 0; j < l->ncell; j++)
			left += l->cell[j].x0 < edge;
		gk_line *nl = NULL;
		for (int j = 0; j < l->ncell; j++) {
			const gk_cell *cl = &l->cell[j];
			size_t ap = amount_prefix(cl->text);
			int text = cl->x0 >= edge && gk_has_cjk(cl->text) && !is_amount_cell(cl->text);
			/* a header keeps its words (绩效目标 above the column): above a
			 * page's first amounts only sentences move */
			if (text && !x->skip && (!first[i] || amt[i] || (!left && prose(cl->text))) && nf < n * 4) {
				fr[nf++] = (tcfrag){l->page, (gk_cell_y0(l, cl) + gk_cell_y1(l, cl)) / 2, gk_strdup(cl->text)};
				continue;
			}
			if (!nl) {
				nl = gk_doc_add_line(d, l->page, l->y0, l->y1, l->size, l->geom);
				dl[i] = d->nline - 1;
			}
			if (ap && nf < n * 4) {
				double x1 = cl->x0 + (cl->x1 - cl->x0) * (double)ap / (double)strlen(cl->text);
				gk_line_add_cell_y(nl, cl->x0, x1, cl->y0, cl->y1, cl->text, ap);
				fr[nf++] = (tcfrag){l->page, (gk_cell_y0(l, cl) + gk_cell_y1(l, cl)) / 2, gk_strdup(cl->text + ap + 1)};
				continue;
			}
			gk_line_add_cell_y(nl, cl->x0, cl->x1, cl->y0, cl->y1, cl->text, strlen(cl->text));
		}
	}
	int nprose = 0;
	for (int k = 0; k < nf; k++)
		nprose += prose(fr[k].text) != 0;
	if (nprose < 3) {
		for (int k = 0; k < nf; k++)
			free(fr[k].text);
		free(fr), free(amt), free(first), free(dl);
		gk_doc_drop(d);
		return NULL;
	}
	/* each piece to the nearest amount line of its page, in reading order */
	gk_buf *col = gk_calloc((size_t)(n + 1), sizeof *col);
	for (int k = 0; k < nf; k++) {
		int best = -1;
		double bd = 1e18;
		for (int i = 0; i < n; i++) {
			const gk_line *l = c->x[sp->begin + i].l;
			if (!amt[i] || dl[i] < 0 || l->page != fr[k].page)
				continue;
			double dd = (l->y0 + l->y1) / 2 - fr[k].yc;
			dd = dd < 0 ? -dd : dd;
			if (dd < bd)
				bd = dd, best = i;
		}
		if (best >= 0)
			gk_buf_adds(&col[best], fr[k].text);
		free(fr[k].text);
	}
	for (int i = 0; i < n; i++) {
		if (!col[i].len)
			continue;
		gk_line *nl = &d->line[dl[i]];
		gk_line_add_cell(nl, edge + 1, edge + 2, col[i].s, col[i].len);
		gk_buf_drop(&col[i]);
	}
	free(col), free(fr), free(amt), free(first), free(dl);
	return d;
}

/* Run the reader on the span with its text column gathered (see above). */
static void with_text_column(nctx *c, const tspan *sp, gk_table *t, span_parser fn)
{
	gk_doc *d = body_geom(c, sp->begin, sp->end) == GK_GEOM_POS ? text_column_gathered(c, sp) : NULL;
	if (!d) {
		with_logical_rows(c, sp, t, fn);
		return;
	}
	nctx sub = sub_context(c, d);
	tspan s2 = {sp->id, -1, 0, d->nline};
	with_logical_rows(&sub, &s2, t, fn);
	sub_context_done(c, &sub, d);
}

/* Parse every table span into c->r. */
void parse_spans(nctx *c, const tspan *sp, int nsp, const gk_strv *only)
{
	gk_table *prev = NULL;
	const char *prev_id = NULL;
	for (int k = 0; k < nsp; k++) {
		const char *id = sp[k].id;
		gk_table *t;
		if (only) { /* a second reading of some tables only */
			int in = 0;
			for (int q = 0; q < only->n && !in; q++)
				in = !strcmp(only->v[q], id);
			if (!in) {
				prev = NULL, prev_id = NULL;
				continue;
			}
		}
		if (!strcmp(id, "other")) {
			char *tt = gk_line_text(c->x[sp[k].title].l), *tc = gk_label_clean(tt);
			int same = prev && prev_id && !strcmp(prev_id, "other") && !strcmp(prev->title, tc);
			free(tt);
			free(tc);
			if (same) { /* the same title again: a continued page */
				with_logical_rows(c, &sp[k], prev, parse_other);
				continue;
			}
			char name[32];
			snprintf(name, sizeof name, "other_%d", ++c->nother);
			t = new_table(c, name, sp[k].title);
			with_logical_rows(c, &sp[k], t, parse_other);
			prev = t;
			prev_id = id;
			continue;
		}
		if (prev && prev_id && !strcmp(prev_id, id))
			t = prev; /* continued on the next page */
		else
			t = new_table(c, id, sp[k].title);
		fam_id f = family_of(id);
		if (f == F_SUMMARY)
			with_logical_rows(c, &sp[k], t, parse_summary_plain);
		else if (f == F_FISCAL)
			with_logical_rows(c, &sp[k], t, parse_summary_fiscal);
		else if (f == F_DPERF)
			parse_dperf(c, &sp[k], t);
		else if (f == F_PPERF)
			parse_pperf(c, &sp[k], t);
		else if (f == F_PROJECT)
			with_text_column(c, &sp[k], t, parse_numeric);
		else
			with_logical_rows(c, &sp[k], t, parse_numeric);
		prev = t;
		prev_id = id;
	}
}

gk_result *gk_normalize(const gk_doc *doc, const gk_rules *rules, const char *docname)
{
	nctx c = {0};
	c.doc = doc;
	c.rules = rules;
	c.r = gk_result_new();
	const char *src = gk_doc_meta(doc, "source");
	char *dn = docname ? gk_strdup(docname) : gk_doc_name(src ? src : "document");
	gk_result_set_meta(c.r, "doc", dn);
	free(dn);
	static const char *copy[] = {"source", "sha256", "format", "pages", "pages_without_text", "pages_garbled",
	                             "ocr_pages", "ocr_confidence", NULL};
	for (int i = 0; copy[i]; i++)
		gk_result_set_meta(c.r, copy[i], gk_doc_meta(doc, copy[i]) ? gk_doc_meta(doc, copy[i]) : "");
	if (gk_doc_meta(doc, "repaired"))
		gk_result_set_meta(c.r, "repaired", gk_doc_meta(doc, "repaired"));

	gk_doc *work = respaced(doc);
	c.n = work->nline;
	c.x = gk_calloc((size_t)(c.n ? c.n : 1), sizeof *c.x);
	for (int i = 0; i < c.n; i++) {
		c.x[i].l = &work->line[i];
		char *t = gk_line_text(&work->line[i]);
		c.x[i].compact = compact_of(t);
		free(t);
		c.x[i].skip = rule_any(&c, "skip", c.x[i].compact);
	}
	double page_h = 0;
	int page_of_h = 0, two = 0, page_of_two = 0;
	for (int i = 0; i < c.n; i++)
		if (!c.x[i].skip) {
			ocr_drop_specks(&c, &work->line[i], i, &page_h, &page_of_h);
			ocr_join_cut_digit(&c, &work->line[i], i, &two, &page_of_two);
			ocr_split_glued_code(&c, &work->line[i], i);
			ocr_ordinal_paren(&c, &work->line[i], i);
			ocr_join_ordinal(&c, &work->line[i], i);
			ocr_figure_pieces(&c, &work->line[i], i);
			ocr_point_lost(&c, &work->line[i], i);
		}
	/* titles */
	const char **cid = gk_calloc((size_t)(c.n ? c.n : 1), sizeof *cid);
	const char **canon = gk_calloc((size_t)(c.n ? c.n : 1), sizeof *canon); /* a title OCR misread: its usual form */
	char *unread = gk_calloc((size_t)(c.n ? c.n : 1), 1); /* a title OCR read that names no table we know */
	for (int i = 0; i < c.n; i++) {
		cid[i] = title_of(&c, &c.x[i]);
		/* on a page read by OCR the usual title a line is near wins
		 * over a rule that took it by a part ("财政拨亚收支预算总表",
		 * one character from 财政拨款收支预算总表, ends like a 部门收支预算总表)
		 * -- when it differs from that title by misread characters only:
		 * a word more or less is another title (一般公共预算基本支出经济
		 * 分类情况表 is two characters from 一般公共预算支出经济分类情况表) */
		int same_len;
		const char *near = ocr_title_of(&c, i, &canon[i], &same_len);
		if (near && (!cid[i] || (same_len && strcmp(cid[i], near))))
			cid[i] = near;
		else
			canon[i] = NULL;
		if (!cid[i] && (cid[i] = title_by_head(&c, i, &canon[i])))
			unread[i] = 3;
		if (!cid[i] && ocr_three_head(&c, i, cid))
			cid[i] = "three_public_expenses", canon[i] = "“三公”经费预算表", unread[i] = 2;
		if (!cid[i] && ocr_unread_title(&c, i))
			cid[i] = "other", unread[i] = 1;
	}
	tspan *sp = gk_calloc((size_t)(c.n ? c.n : 1), sizeof *sp);
	int nsp = 0;
	int toc_last = -1, toc_run = 0; /* the last title read as a table-of-contents entry; entries in a row */
	for (int i = 0; i < c.n; i++) {
		if (!cid[i])
			continue;
		int j = i + 1;
		while (j < c.n && !cid[j])
			j++;
		/* the last entry of a table of contents is followed by the text,
		 * not by a title: after two entries in a row, a title a line or
		 * two below the last, on its page, numbered next, is an entry too
		 * (one empty table before the next would be a run of one) */
		int gap = 0;
		for (int q = toc_last + 1; toc_last >= 0 && q < i; q++)
			gap += !c.x[q].skip;
		int near = toc_last >= 0 && c.x[toc_last].l->page == c.x[i].l->page && gap <= 2;
		int prev_no = toc_last >= 0 ? ordinal_of(c.x[toc_last].compact) : -1;
		int in_toc = near && toc_run >= 2 && prev_no >= 0 && ordinal_of(c.x[i].compact) == prev_no + 1;
		if (!in_toc && span_has_table(&c, i + 1, j)) {
			sp[nsp++] = (tspan){cid[i], i, i + 1, c.n};
			if (canon[i]) /* the doubt, for the reader */
				gk_result_add_finding(c.r, cid[i], "ocr:title", "title", canon[i], c.x[i].compact, "corrected",
				                      c.x[i].l->page,
				                      unread[i] == 2 ? "a title OCR cut short, taken for a 三公 table by the columns "
				                                       "its head names (因公出国, 公务用车, 公务接待)"
				                      : unread[i] == 3 ? "a title read by OCR near the usual titles of two tables, taken "
				                                         "for the one whose head (title-head) its table prints"
				                                       : "a title read by OCR taken for the usual title it is nearest");
			if (unread[i] == 1)
				gk_result_add_finding(c.r, "document", "ocr:title", "title", "", c.x[i].compact, "fail",
				                      c.x[i].l->page,
				                      "a title read by OCR that names no table known: its table is kept apart");
			toc_run = 0, toc_last = -1;
		} else {
			toc_run = near ? toc_run + 1 : 1;
			toc_last = i;
		}
	}
	for (int k = 0; k + 1 < nsp; k++)
		sp[k].end = sp[k + 1].title;
	/* the header may say another type than the title; a page repeating
	 * the title (and not the header) is the same table */
	for (int k = 0; k < nsp; k++) {
		const char *was = sp[k].id;
		if (k > 0 && !strcmp(c.x[sp[k].title].compact, c.x[sp[k - 1].title].compact) && !strcmp(cid[sp[k].title], was))
			sp[k].id = sp[k - 1].id;
		else
			sp[k].id = retitled(&c, sp[k].id, sp[k].begin, sp[k].end);
	}
	/* department and unit first, from any table head */
	for (int k = 0; k < nsp; k++)
		for (int i = sp[k].begin; i < sp[k].end && i < sp[k].begin + 8; i++)
			if (!c.dept || !c.unit_seen) {
				int sh, had = c.dept != NULL;
				head_meta(&c, &c.x[i], &sh);
				/* on an OCR'd page a head cell split from its
				 * neighbours (单位名称 | 其中:专项资) names no
				 * department: a name holds no field's colon */
				if (!had && c.dept && ocr_page(&c, c.x[i].l->page) && strpbrk(c.dept, ":;")) {
					free(c.dept);
					c.dept = NULL;
				}
			}
	parse_spans(&c, sp, nsp, NULL);
	reread_with_cross(&c, sp, nsp);
	classify_rows(&c); /* row types, item keys, units as printed (prov.c) */
	doc_meta(&c);
	char num[16];
	int found = 0;
	for (int i = 0; i < c.r->ntable; i++)
		found++;
	snprintf(num, sizeof num, "%d", found);
	gk_result_set_meta(c.r, "tables_found", num);
	toc_checks(&c); /* check_toc.c: tables_listed and toc:listed-table-found */
	gk_read_findings(c.r, doc, rules); /* ocrfix.c: damage and OCR; OCR'd tables by their arithmetic */
	reclassify_ocr_summaries(&c);
	gk_checks_run(c.r, doc);
	for (int i = 0; i < c.n; i++)
		free(c.x[i].compact);
	free(c.x);
	free(cid);
	free(canon);
	free(unread);
	free(sp);
	free(c.dept);
	gk_strv_drop(&c.cross);
	gk_doc_drop(work);
	return c.r;
}
