/*
 * check_text.c - the narrative as the checks read it: the document's
 * lines outside the tables joined into one text (white space dropped
 * except between two digits, table-like lines and unit labels replaced
 * by a line break no figure may cross, page numbers dropped), where each
 * byte came from (its page), and its tokens: figures with their unit
 * (万元, 元, 亿元, converted to 万元), percentages, years (2024年) and bare
 * numbers.  Sentences end at 。！？ or a line break.
 *
 * Entry points: ntext_new, ntext_drop, ntext_page, sent_start, sent_end,
 * lead_of, lead_ends, lead_has (chk.h); gk_chk_narrative_text (checks.h).
 */
#include "chk.h"

#include <stdlib.h>
#include <string.h>

static int is_unit_label(const char *s)
{
	static const char *const units[] = {"万元", "亿元", "千元", "元", NULL};
	for (const char *p = strstr(s, "单位"); p; p = strstr(p + 1, "单位")) {
		const char *q = p + strlen("单位");
		for (;;) {
			if (*q == ' ' || *q == ':')
				q++;
			else if (starts_with(q, "："))
				q += strlen("：");
			else if (starts_with(q, "\xe3\x80\x80")) /* U+3000 */
				q += 3;
			else
				break;
		}
		for (int k = 0; units[k]; k++)
			if (starts_with(q, units[k]))
				return 1;
	}
	return 0;
}

/* a page number: "21", "- 21 -", "第 21 页", "第21页 共30页" */
static int is_page_number(const char *s)
{
	int digits = 0;
	for (const char *p = s; *p;) {
		if (is_digit(*p)) {
			digits++;
			p++;
		} else if (*p == ' ' || *p == '-') {
			p++;
		} else if (starts_with(p, "第") || starts_with(p, "页") || starts_with(p, "共") ||
		           starts_with(p, "—") || starts_with(p, "\xe3\x80\x80")) {
			p += 3;
		} else {
			return 0;
		}
	}
	return digits > 0 && digits <= 4;
}

static int is_space_at(const char *p, int *len)
{
	if (*p == ' ' || *p == '\t') {
		*len = 1;
		return 1;
	}
	if (starts_with(p, "\xe3\x80\x80")) {
		*len = 3;
		return 1;
	}
	return 0;
}

/* append s to b without its white space, but one space between two digits */
static void add_squeezed(gk_buf *b, const char *s)
{
	for (const char *p = s; *p;) {
		int n;
		if (*p == '*') {
			p++;
			continue;
		}
		if (is_space_at(p, &n)) {
			const char *q = p;
			while (is_space_at(q, &n))
				q += n;
			if (b->len && is_digit(b->s[b->len - 1]) && is_digit(*q))
				gk_buf_addc(b, ' ');
			p = q;
			continue;
		}
		gk_buf_addc(b, *p++);
	}
}

/* a line opening a section: 三、 / （二） / 第三部分 (a sentence ends before it) */
static int starts_heading(const char *s)
{
	static const char *const num[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", NULL};
	while (*s == ' ' || starts_with(s, "\xe3\x80\x80"))
		s += *s == ' ' ? 1 : 3;
	const char *p = s;
	int open = 0;
	if (starts_with(p, "（"))
		p += 3, open = 1;
	else if (*p == '(')
		p++, open = 1;
	else if (starts_with(p, "第"))
		p += 3;
	const char *q = p;
	for (int hit = 1; hit;) {
		hit = 0;
		for (int k = 0; num[k]; k++)
			if (starts_with(q, num[k])) {
				q += 3;
				hit = 1;
				break;
			}
	}
	if (q == p)
		return 0;
	if (open)
		return starts_with(q, "）") || *q == ')';
	return starts_with(q, "、") || starts_with(q, "部分");
}

/* A PDF cell printed in a taller box than its line (a figure typed in a
 * field: " 1560.05 " in "年初预算为 1560.05 万元") comes out as a line of its
 * own above its line.  floats[i] = j when line i is one cell that sits in a
 * gap between two cells of line j nearby, within its own height: it is
 * read in that gap. */
static int *find_floats(const gk_doc *doc)
{
	int *host = gk_calloc((size_t)doc->nline + 1, sizeof *host);
	for (int i = 0; i < doc->nline; i++)
		host[i] = -1;
	for (int i = 0; i < doc->nline; i++) {
		const gk_line *l = &doc->line[i];
		if (l->ncell != 1 || l->geom != GK_GEOM_POS)
			continue;
		double y0 = gk_cell_y0(l, &l->cell[0]), y1 = gk_cell_y1(l, &l->cell[0]);
		double x0 = l->cell[0].x0, x1 = l->cell[0].x1;
		for (int j = i - 3; j <= i + 3; j++) {
			if (j < 0 || j >= doc->nline || j == i || doc->line[j].page != l->page)
				continue;
			const gk_line *m = &doc->line[j];
			double c = (m->y0 + m->y1) / 2;
			if (c < y0 || c > y1 || m->ncell < 1 || y1 - y0 < 1.5 * (m->y1 - m->y0) ||
			    host[j] >= 0)
				continue;
			/* in a gap between two cells, or after the last one */
			for (int k = 0; k < m->ncell; k++)
				if (x0 >= m->cell[k].x1 - 1 && (k + 1 == m->ncell || x1 <= m->cell[k + 1].x0 + 1)) {
					host[i] = j;
					break;
				}
			if (host[i] >= 0)
				break;
		}
	}
	return host;
}

/* line j's text, cells in x order with the floating cells put in their gaps */
static void line_text(const gk_doc *doc, const int *host, int j, gk_buf *out)
{
	const gk_line *m = &doc->line[j];
	for (int k = 0; k < m->ncell; k++) {
		if (k && out->len)
			gk_buf_addc(out, ' ');
		gk_buf_adds(out, m->cell[k].text);
		for (int i = j - 3; i <= j + 3; i++)
			if (i >= 0 && i < doc->nline && host[i] == j && doc->line[i].cell[0].x0 >= m->cell[k].x1 - 1 &&
			    (k + 1 == m->ncell || doc->line[i].cell[0].x1 <= m->cell[k + 1].x0 + 1)) {
				gk_buf_addc(out, ' ');
				gk_buf_adds(out, doc->line[i].cell[0].text);
			}
	}
}

/* the narrative text and, per joined line, its start and page */
static char *build(const gk_doc *doc, size_t **loff, int **lpage, int *nl)
{
	gk_buf b = {0};
	gk_buf_adds(&b, "");
	int cap = doc ? doc->nline + 1 : 1;
	if (loff) {
		*loff = gk_calloc((size_t)cap, sizeof **loff);
		*lpage = gk_calloc((size_t)cap, sizeof **lpage);
		*nl = 0;
	}
	int *host = doc ? find_floats(doc) : NULL;
	for (int i = 0; doc && i < doc->nline; i++) {
		const gk_line *l = &doc->line[i];
		if (host[i] >= 0)
			continue; /* read in its host line */
		gk_buf line = {0};
		gk_buf_adds(&line, "");
		int nnum = 0;
		for (int j = 0; j < l->ncell; j++) {
			long long v;
			int dec;
			if (gk_chk_parse(l->cell[j].text, &v, &dec) == 1)
				nnum++;
		}
		line_text(doc, host, i, &line);
		const char *s = line.s;
		if ((nnum >= 2 && !strstr(s, "元")) || is_unit_label(s)) {
			if (b.len && b.s[b.len - 1] != '\n')
				gk_buf_addc(&b, '\n');
		} else if (*s && !is_page_number(s)) {
			if (loff) {
				(*loff)[*nl] = b.len;
				(*lpage)[*nl] = l->page;
				(*nl)++;
			}
			int head = starts_heading(s);
			if (b.len && b.s[b.len - 1] != '\n' && head)
				gk_buf_addc(&b, '\n');
			else if (b.len && is_digit(b.s[b.len - 1]) && is_digit(s[0]))
				gk_buf_addc(&b, ' ');
			if (loff)
				(*loff)[*nl - 1] = b.len;
			add_squeezed(&b, s);
			/* a heading without sentence punctuation ends where its line does */
			if (head && !strstr(s, "，") && !strstr(s, "。") && !strstr(s, "；"))
				gk_buf_addc(&b, '\n');
		}
		gk_buf_drop(&line);
	}
	free(host);
	return gk_buf_take(&b);
}

char *gk_chk_narrative_text(const gk_doc *doc)
{
	return build(doc, NULL, NULL, NULL);
}

/* ---- tokens ------------------------------------------------------------- */

static void add_tok(ntext *nt, int kind, size_t off, size_t end, long long v, int dec, char unit)
{
	if (nt->ntok % 64 == 0)
		nt->tok = gk_realloc(nt->tok, sizeof *nt->tok * (size_t)(nt->ntok + 64));
	nt->tok[nt->ntok++] = (ntok){kind, off, end, v, dec, unit};
}

static void tokenize(ntext *nt)
{
	const char *s = nt->s;
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		if (!is_digit(s[i]) || (i && (is_digit(s[i - 1]) || s[i - 1] == '.' ||
		                              (s[i - 1] >= 'A' && s[i - 1] <= 'z')))) {
			i++;
			continue;
		}
		char num[64];
		size_t k = 0, p = i;
		int point = 0, ndig = 0;
		while (p < n && k + 1 < sizeof num) {
			if (is_digit(s[p])) {
				num[k++] = s[p++];
				ndig++;
			} else if (s[p] == ',' && !point && k && p + 3 < n + 1 && is_digit(s[p + 1]) &&
			           is_digit(s[p + 2]) && is_digit(s[p + 3]) && !is_digit(s[p + 4])) {
				p++;
			} else if (s[p] == '.' && !point && is_digit(s[p + 1])) {
				num[k++] = s[p++];
				point = 1;
			} else {
				break;
			}
		}
		num[k] = 0;
		long long v;
		int dec;
		if (!ndig || gk_chk_parse(num, &v, &dec) != 1) {
			i = p > i ? p : i + 1;
			continue;
		}
		size_t q = p;
		while (q < n && s[q] == ' ')
			q++;
		if (starts_with(s + q, "万元")) {
			add_tok(nt, TK_FIG, i, q + strlen("万元"), v, dec, 'w');
		} else if (starts_with(s + q, "亿元")) {
			if (!__builtin_mul_overflow(v, 10000LL, &v))
				add_tok(nt, TK_FIG, i, q + strlen("亿元"), v, dec - 4, 'i');
		} else if (starts_with(s + q, "元") && !starts_with(s + q, "元/")) {
			long long d = 10000, a = v < 0 ? -v : v;
			a = (a + d / 2) / d;
			int nd = dec + 4 > GK_CHK_SCALE ? GK_CHK_SCALE : dec + 4;
			add_tok(nt, TK_FIG, i, q + strlen("元"), v < 0 ? -a : a, nd, 'y');
		} else if (s[q] == '%' || starts_with(s + q, "％")) {
			add_tok(nt, TK_PCT, i, q + (s[q] == '%' ? 1 : 3), v, dec, 0);
		} else if (starts_with(s + q, "年") && !point && k == 4 && num[0] != '0') {
			add_tok(nt, TK_YEAR, i, q + 3, v / 1000000, 0, 0);
		} else {
			add_tok(nt, TK_NUM, i, p, v, dec, 0);
		}
		i = p;
	}
}

ntext *ntext_new(const gk_doc *doc)
{
	ntext *nt = gk_calloc(1, sizeof *nt);
	nt->s = build(doc, &nt->loff, &nt->lpage, &nt->nline);
	nt->len = strlen(nt->s);
	tokenize(nt);
	return nt;
}

ntext *ntext_of_text(const char *text)
{
	ntext *nt = gk_calloc(1, sizeof *nt);
	nt->s = gk_strdup(text);
	nt->len = strlen(nt->s);
	tokenize(nt);
	return nt;
}

void ntext_drop(ntext *nt)
{
	if (!nt)
		return;
	free(nt->s);
	free(nt->loff);
	free(nt->lpage);
	free(nt->tok);
	free(nt);
}

int ntext_page(const ntext *nt, size_t off)
{
	int lo = 0, hi = nt->nline - 1, best = -1;
	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		if (nt->loff[mid] <= off) {
			best = mid;
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	return best >= 0 ? nt->lpage[best] : 0;
}

static int is_sent_end(const char *p)
{
	return *p == '\n' || starts_with(p, "。") || starts_with(p, "！") || starts_with(p, "？");
}

size_t sent_start(const ntext *nt, size_t off)
{
	size_t a = off > nt->len ? nt->len : off;
	while (a > 0) {
		size_t p = a - 1;
		while (p > 0 && (nt->s[p] & 0xC0) == 0x80)
			p--;
		if (is_sent_end(nt->s + p))
			break;
		a = p;
	}
	return a;
}

size_t sent_end(const ntext *nt, size_t off)
{
	size_t b = off;
	while (b < nt->len && !is_sent_end(nt->s + b))
		b++;
	return b;
}

/* the text between token k-1 (or the sentence start) and token k */
void lead_of(const ntext *nt, int k, char *out, size_t n)
{
	size_t a = sent_start(nt, nt->tok[k].off);
	if (k > 0 && nt->tok[k - 1].end > a)
		a = nt->tok[k - 1].end;
	size_t len = nt->tok[k].off > a ? nt->tok[k].off - a : 0;
	if (len + 1 > n)
		a += len + 1 - n, len = n - 1;
	while (len && (nt->s[a] & 0xC0) == 0x80)
		a++, len--;
	memcpy(out, nt->s + a, len);
	out[len] = 0;
}

int lead_has(const ntext *nt, int k, const char *w)
{
	char lead[600];
	lead_of(nt, k, lead, sizeof lead);
	return strstr(lead, w) != NULL;
}

/* the lead of token k ends with w and at most max characters of filler
 * (为 是 达 共 计 约 ： : 的) */
int lead_ends(const ntext *nt, int k, const char *w, int max)
{
	static const char *const fill[] = {"为", "是", "达", "共", "计", "约", "：", ":", "的", "了", NULL};
	char lead[600];
	lead_of(nt, k, lead, sizeof lead);
	size_t l = strlen(lead), wl = strlen(w);
	for (int m = 0; m <= max; m++) {
		if (l >= wl && !strcmp(lead + l - wl, w))
			return 1;
		int hit = 0;
		for (int j = 0; fill[j] && !hit; j++) {
			size_t fl = strlen(fill[j]);
			if (l >= fl && !strcmp(lead + l - fl, fill[j])) {
				l -= fl;
				lead[l] = 0;
				hit = 1;
			}
		}
		if (!hit)
			return 0;
	}
	return 0;
}
