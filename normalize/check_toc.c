/*
 * check_toc.c - the document's table of contents against the tables it
 * holds.  The contents are the lines after a 目录 heading, on its page and
 * the pages after it that are made of contents lines (an ordinal 一、 /
 * 1. / （一） / 第一部分, or leader dots, and no amount).  Each line is
 * read without its ordinal, its leader dots (……, ⋯, ····, ....) and its
 * page number, and matched with the title rules; a table it names must
 * be found outside the contents pages.
 *
 *   ok      the table was found (`found` names its page);
 *   fail    it is nowhere: no table and no title of that kind outside the
 *           contents (a table deleted from the document);
 *   unsure  its title is printed outside the contents but no table was
 *           read under it (a reading problem, or a table printed empty);
 *   skip    none of the listed tables is in the file (tables published
 *           as a separate file, or pages without text).
 *
 * document.csv's tables_listed counts the table kinds the contents list.
 *
 * Entry point: toc_checks (called from gk_normalize).
 */
#include "chk.h"
#include "nctx.h"

#include <stdlib.h>
#include <string.h>

static int is_leader(const char *p, int *len)
{
	static const char *const dots[] = {"…", "⋯", "·", "•", "．", ".", "-", "—", "_", "…", NULL};
	for (int k = 0; dots[k]; k++)
		if (starts_with(p, dots[k])) {
			*len = (int)strlen(dots[k]);
			return 1;
		}
	return 0;
}

/* s without leader dots (runs of three or more) and a trailing page number */
static char *strip_leaders(const char *s, int *had)
{
	gk_buf b = {0};
	gk_buf_adds(&b, "");
	*had = 0;
	for (const char *p = s; *p;) {
		int n, run = 0;
		const char *q = p;
		while (is_leader(q, &n)) {
			q += n;
			run++;
		}
		if (run >= 3) {
			*had = 1;
			p = q;
			continue;
		}
		gk_buf_addc(&b, *p++);
	}
	char *t = gk_buf_take(&b);
	size_t l = strlen(t);
	while (l && is_digit(t[l - 1]))
		t[--l] = 0;
	return t;
}

/* an ordinal at the start: 一、 1. 1． （一） (1) 第一部分 */
static const char *skip_ordinal(const char *s, int *had)
{
	static const char *const num[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", NULL};
	const char *p = s;
	*had = 0;
	int open = 0;
	if (starts_with(p, "（"))
		p += 3, open = 1;
	else if (*p == '(')
		p++, open = 1;
	int first = starts_with(p, "第");
	if (first)
		p += 3;
	const char *q = p;
	while (is_digit(*q))
		q++;
	if (q == p)
		for (int hit = 1; hit;) {
			hit = 0;
			for (int k = 0; num[k]; k++)
				if (starts_with(q, num[k])) {
					q += 3;
					hit = 1;
				}
		}
	if (q == p)
		return s;
	if (open) {
		if (starts_with(q, "）"))
			q += 3;
		else if (*q == ')')
			q++;
		else
			return s;
	} else if (first) {
		if (!starts_with(q, "部分"))
			return s;
		q += strlen("部分");
	} else if (starts_with(q, "、") || starts_with(q, "．")) {
		q += 3;
	} else if (*q == '.' || *q == ',') {
		q++;
	} else {
		return s;
	}
	*had = 1;
	return q;
}

/* a contents line: an ordinal or leader dots, and no amount */
static int toc_like(const nctx *c, int i)
{
	const char *s = c->x[i].compact;
	if (!*s)
		return 0;
	int dots, ord;
	char *t = strip_leaders(s, &dots);
	skip_ordinal(t, &ord);
	free(t);
	for (int j = 0; j < c->x[i].l->ncell; j++) {
		long long v;
		int dec;
		if (gk_chk_parse(c->x[i].l->cell[j].text, &v, &dec) == 1 && dec > 0)
			return 0;
	}
	return dots || ord;
}

static int is_toc_heading(const char *s)
{
	return !strcmp(s, "目录") || !strcmp(s, "目 录");
}

void toc_checks(nctx *c)
{
	int start = -1;
	for (int i = 0; i < c->n && start < 0; i++)
		if (c->x[i].l->page <= 6 && is_toc_heading(c->x[i].compact))
			start = i;
	gk_strv listed = {0};
	int *lpage = gk_calloc((size_t)c->n + 1, sizeof *lpage);
	char **ltext = gk_calloc((size_t)c->n + 1, sizeof *ltext);
	int first_page = 0, last_page = 0;
	if (start >= 0) {
		first_page = last_page = c->x[start].l->page;
		for (int i = start + 1; i < c->n; i++) {
			int pg = c->x[i].l->page;
			if (pg != last_page) {
				/* a further contents page: mostly contents lines */
				int nl = 0, nt = 0;
				for (int j = i; j < c->n && c->x[j].l->page == pg; j++) {
					if (c->x[j].skip)
						continue;
					nl++;
					nt += toc_like(c, j);
				}
				if (!nl || nt * 10 < nl * 8)
					break;
				last_page = pg;
			}
			if (c->x[i].skip)
				continue;
			int dots, ord;
			char *t = strip_leaders(c->x[i].compact, &dots);
			const char *body = skip_ordinal(t, &ord);
			xline tmp = {c->x[i].l, (char *)body, 0};
			const char *id = title_of(c, &tmp);
			if (id && strcmp(id, "other")) {
				int dup = 0;
				for (int k = 0; k < listed.n; k++)
					dup |= !strcmp(listed.v[k], id);
				if (!dup) {
					lpage[listed.n] = pg;
					ltext[listed.n] = gk_strdup(c->x[i].compact);
					gk_strv_pushs(&listed, id);
				}
			}
			free(t);
		}
	}
	char num[16];
	snprintf(num, sizeof num, "%d", listed.n);
	gk_result_set_meta(c->r, "tables_listed", num);
	/* found: a table of that kind titled outside the contents */
	int nfound = 0;
	int *fpage = gk_calloc((size_t)listed.n + 1, sizeof *fpage);
	for (int k = 0; k < listed.n; k++) {
		for (int t = 0; t < c->r->ntable && !fpage[k]; t++) {
			const gk_table *tb = c->r->tables[t];
			if (!strcmp(tb->id, listed.v[k]) && (tb->page < first_page || tb->page > last_page))
				fpage[k] = tb->page > 0 ? tb->page : -1;
		}
		nfound += fpage[k] != 0;
	}
	for (int k = 0; k < listed.n; k++) {
		char detail[800], found[32], title[300];
		snprintf(title, sizeof title, "%s", ltext[k]);
		char *dots_gone;
		int had;
		dots_gone = strip_leaders(title, &had);
		if (fpage[k]) {
			snprintf(found, sizeof found, "p.%d", fpage[k] > 0 ? fpage[k] : 0);
			emit_note(c->r, listed.v[k], "toc:listed-table-found", "", "listed", found, "ok", lpage[k], "");
		} else if (!nfound) {
			snprintf(detail, sizeof detail,
			         "目录 p.%d lists “%s”; none of the %d tables the contents list is in this file (published separately?)",
			         lpage[k], dots_gone, listed.n);
			emit_note(c->r, listed.v[k], "toc:listed-table-found", "", "listed", "missing", "skip", lpage[k], detail);
		} else {
			/* its title printed outside the contents? */
			int tp = 0;
			for (int i = 0; i < c->n && !tp; i++) {
				int pg = c->x[i].l->page;
				if ((pg >= first_page && pg <= last_page) || c->x[i].skip)
					continue;
				const char *id = title_of(c, &c->x[i]);
				if (id && !strcmp(id, listed.v[k]))
					tp = pg;
			}
			if (tp)
				snprintf(detail, sizeof detail,
				         "目录 p.%d lists “%s”; its title is printed on p.%d but no table was read there; unsure: a reading problem or a table printed empty",
				         lpage[k], dots_gone, tp);
			else
				snprintf(detail, sizeof detail,
				         "目录 p.%d lists “%s”; the document has no such table (%d of the %d listed tables are there)",
				         lpage[k], dots_gone, nfound, listed.n);
			emit_note(c->r, listed.v[k], "toc:listed-table-found", "", "listed", "missing",
			          tp ? "unsure" : "fail", lpage[k], detail);
		}
		free(dots_gone);
	}
	for (int k = 0; k < listed.n; k++)
		free(ltext[k]);
	free(ltext);
	free(lpage);
	free(fpage);
	gk_strv_drop(&listed);
}
