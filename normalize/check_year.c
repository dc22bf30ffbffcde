/*
 * check_year.c - the years the document states against its own year Y
 * (document.csv `year`) and kind, and the department's name in its
 * headings:
 *
 *  - a comparison (比 / 较 / 与 YYYY年…) with a year not before Y: the
 *    document compares with itself ("比2026年预算增加" in a 2026 budget);
 *  - a heading (a line without sentence punctuation) naming YYYY年(度) …
 *    部门预算/部门决算/单位预算/单位决算 with YYYY ≠ Y;
 *  - 截至YYYY年…: in a 决算 the assets are counted at the end of Y; in a
 *    预算 at a date of Y-1 (Y allowed);
 *  - a project's 实施周期 that ends before Y;
 *  - "YYYY年预算安排" in a 预算 with YYYY ≠ Y;
 *  - a heading "… <name> YYYY年度部门决算表" whose name is not the
 *    department's (neither contains the other).
 *
 * Only contradictions are written (no `ok` rows): a year that agrees
 * says nothing a journalist needs.
 *
 * Entry point: year_checks.
 */
#include "chk.h"

#include <stdlib.h>
#include <string.h>

static void write_year(gk_result *r, const ntext *nt, size_t off, const char *check, const char *row,
                       int want, int got, const char *what)
{
	char quote[600], detail[1200], e[16], f[16];
	quote_at(nt->s, off, quote, sizeof quote);
	int page = ntext_page(nt, off);
	snprintf(detail, sizeof detail, "p.%d %s: %s", page, quote, what);
	snprintf(e, sizeof e, "%d", want);
	snprintf(f, sizeof f, "%d", got);
	emit_note(r, "narrative", check, row, e, f, "fail", page, detail);
}

static int ends_with(const char *s, const char *w)
{
	size_t l = strlen(s), n = strlen(w);
	return l >= n && !strcmp(s + l - n, w);
}

static void comparisons(gk_result *r, const ntext *nt, int Y, int final)
{
	for (int k = 0; k < nt->ntok; k++) {
		const ntok *t = &nt->tok[k];
		if (t->kind != TK_YEAR)
			continue;
		char lead[600];
		lead_of(nt, k, lead, sizeof lead);
		if (!(ends_with(lead, "比") || ends_with(lead, "较") || ends_with(lead, "与") ||
		      ends_with(lead, "同")))
			continue;
		/* "2027年比2026年": a later year compared with this one */
		if (k > 0 && nt->tok[k - 1].kind == TK_YEAR && nt->tok[k - 1].v > t->v)
			continue;
		/* what follows: 年(度)? then 预算 / 决算 / 相比 / 持平 / 同期 / 执行 */
		const char *a = nt->s + t->end;
		if (starts_with(a, "度"))
			a += 3;
		if (!(starts_with(a, "预算") || starts_with(a, "决算") || starts_with(a, "相比") ||
		      starts_with(a, "持平") || starts_with(a, "同期") || starts_with(a, "执行") ||
		      starts_with(a, "增") || starts_with(a, "减") || starts_with(a, "年初")))
			continue;
		if (t->v < Y)
			continue;
		char what[300];
		snprintf(what, sizeof what, "compares with %lld in a %s of %d (the year before is %d)",
		         t->v, final ? "决算" : "预算", Y, Y - 1);
		write_year(r, nt, t->off, "year:comparison", "比/与", Y - 1, (int)t->v, what);
	}
}

static void dates(gk_result *r, const ntext *nt, int Y, int final)
{
	for (int k = 0; k < nt->ntok; k++) {
		const ntok *t = &nt->tok[k];
		if (t->kind != TK_YEAR)
			continue;
		char lead[600], what[300];
		lead_of(nt, k, lead, sizeof lead);
		size_t s0 = sent_start(nt, t->off), s1 = sent_end(nt, t->off);
		char *sent = gk_strndup(nt->s + s0, s1 - s0);
		int assets = strstr(sent, "车辆") || strstr(sent, "资产") || strstr(sent, "共有");
		free(sent);
		if (assets && (ends_with(lead, "截至") || ends_with(lead, "截止") || ends_with(lead, "截至到") ||
		               ends_with(lead, "截止到"))) {
			int bad = final ? t->v != Y : (t->v < Y - 1 || t->v > Y);
			if (!bad)
				continue;
			snprintf(what, sizeof what, "counts at a date of %lld in a %s of %d (expected %d)", t->v,
			         final ? "决算" : "预算", Y, final ? Y : Y - 1);
			write_year(r, nt, t->off, "year:截至", "截至", final ? Y : Y - 1, (int)t->v, what);
		}
		if (!final && starts_with(nt->s + t->end, "预算安排") && t->v != Y &&
		    !ends_with(lead, "比") && !ends_with(lead, "较")) {
			snprintf(what, sizeof what, "states the %lld 预算安排 in the 预算 of %d", t->v, Y);
			write_year(r, nt, t->off, "year:预算安排", "预算安排", Y, (int)t->v, what);
		}
	}
	/* 实施周期 ending before Y */
	for (const char *q = strstr(nt->s, "实施周期"); q; q = strstr(q + 1, "实施周期")) {
		/* the period itself: a year right after the words (：, 为) */
		size_t a = (size_t)(q - nt->s) + strlen("实施周期"), b = a + 60;
		int maxy = 0, first = -1;
		for (int k = 0; k < nt->ntok; k++) {
			const ntok *t = &nt->tok[k];
			if (t->off < a || t->off > b)
				continue;
			if (first < 0) {
				if (t->kind != TK_YEAR || t->off > a + 6)
					break;
			} else if (t->kind != TK_YEAR && t->kind != TK_NUM) {
				break;
			}
			if (t->kind != TK_YEAR)
				continue;
			if (first < 0)
				first = k;
			if (t->v > maxy)
				maxy = (int)t->v;
		}
		if (first < 0 || maxy >= Y)
			continue;
		/* the years must be the period's: nothing but its words before */
		char what[300];
		snprintf(what, sizeof what, "a project period ending in %d in a %s of %d", maxy,
		         final ? "决算" : "预算", Y);
		write_year(r, nt, nt->tok[first].off, "year:实施周期", "实施周期", Y, maxy, what);
	}
}

/* a line's text without white space */
static char *squeezed(const gk_line *l)
{
	gk_buf b = {0};
	gk_buf_adds(&b, "");
	for (int j = 0; j < l->ncell; j++)
		for (const char *p = l->cell[j].text; *p; p++)
			if (*p != ' ' && *p != '\t' && *p != '*')
				gk_buf_addc(&b, *p);
	/* U+3000 */
	char *s = gk_buf_take(&b);
	char *w = s;
	for (char *p = s; *p;) {
		if (starts_with(p, "\xe3\x80\x80")) {
			p += 3;
			continue;
		}
		*w++ = *p++;
	}
	*w = 0;
	return s;
}

static int is_heading(const char *s)
{
	static const char *const punct[] = {"，", "。", "；", "：", ",", ";", "、", NULL};
	size_t n = strlen(s);
	if (n < 12 || n > 3 * 60)
		return 0;
	const char *p = s;
	/* an ordinal "一、" / "第二部分" at the start is a heading's */
	if (strstr(s, "、") && strstr(s, "、") - s <= 6)
		p = strstr(s, "、") + 3;
	for (int k = 0; punct[k]; k++)
		if (strstr(p, punct[k]))
			return 0;
	return 1;
}

/* the name in "第二部分<name>2024年度部门决算表": the text before the year,
 * without "第X部分" and an ordinal */
static void heading_name(const char *s, const char *year_at, char *out, size_t n)
{
	const char *p = s;
	const char *part = strstr(s, "部分");
	if (starts_with(s, "第") && part && part < year_at && part - s <= 12)
		p = part + strlen("部分");
	if (strstr(p, "、") && strstr(p, "、") < year_at && strstr(p, "、") - p <= 6)
		p = strstr(p, "、") + 3;
	size_t len = year_at > p ? (size_t)(year_at - p) : 0;
	if (len + 1 > n)
		len = n - 1;
	memcpy(out, p, len);
	out[len] = 0;
}

/* a name without brackets and what they enclose: 深圳市财政局（本级） -> 深圳市财政局 */
static void bare_name(const char *s, char *out, size_t n)
{
	size_t k = 0;
	int depth = 0;
	for (const char *p = s; *p && k + 1 < n;) {
		if (starts_with(p, "（") || *p == '(') {
			depth++;
			p += *p == '(' ? 1 : 3;
		} else if (starts_with(p, "）") || *p == ')') {
			depth -= depth > 0;
			p += *p == ')' ? 1 : 3;
		} else if (depth) {
			p++;
		} else {
			out[k++] = *p++;
		}
	}
	out[k] = 0;
}

/* a department's name: ends like one (局, 委员会, 办公室, 部, 院, …) */
static int dept_like(const char *s)
{
	static const char *const ends[] = {"局", "委", "委员会", "办", "办公室", "厅", "部", "院", "会", "中心",
	                                   "所", "站", "处", "馆", "队", "署", "社", "联", "府", "团", NULL};
	char b[400];
	if (!s)
		return 0;
	bare_name(s, b, sizeof b);
	size_t l = strlen(b);
	if (l < 3 * 3 || strstr(b, "纳入"))
		return 0;
	for (int k = 0; ends[k]; k++)
		if (ends_with(b, ends[k]))
			return 1;
	return 0;
}

/* a the same department as b: one contains the other, or a is b
 * abbreviated (its characters in order within b) without dropping a
 * district or county (上海市规划和自然资源局 is not 上海市普陀区规划和自然资源局's) */
static int same_dept(const char *a, const char *b)
{
	if (strstr(a, b) || strstr(b, a))
		return 1;
	const char *short_ = strlen(a) < strlen(b) ? a : b, *long_ = short_ == a ? b : a;
	gk_buf miss = {0};
	gk_buf_adds(&miss, "");
	const char *p = short_;
	for (const char *q = long_; *q;) {
		int n = 1;
		while ((q[n] & 0xC0) == 0x80)
			n++;
		if (*p && !strncmp(p, q, (size_t)n))
			p += n;
		else
			gk_buf_add(&miss, q, (size_t)n);
		q += n;
	}
	int ok = !*p && !strstr(miss.s, "区") && !strstr(miss.s, "县");
	gk_buf_drop(&miss);
	return ok;
}

static void headings(gk_result *r, const gk_doc *doc, int Y, const char *dept)
{
	int seen_name_bad = 0;
	char bd[400];
	bare_name(dept ? dept : "", bd, sizeof bd);
	for (int i = 0; i < doc->nline; i++) {
		char *s = squeezed(&doc->line[i]);
		if (!is_heading(s)) {
			free(s);
			continue;
		}
		const char *kinds[] = {"部门决算", "部门预算", "单位决算", "单位预算", NULL};
		const char *kw = NULL;
		for (int k = 0; kinds[k] && !kw; k++)
			kw = strstr(s, kinds[k]);
		/* the heading ends with its kind: 部门决算(表|情况说明|编制说明|公开…) */
		static const char *const tails[] = {"", "表", "情况说明", "编制说明", "公开", "信息公开", "说明",
		                                    "报告", "汇总表", NULL};
		int tail_ok = 0;
		for (int k = 0; kw && tails[k] && !tail_ok; k++)
			tail_ok = !strcmp(kw + strlen("部门决算"), tails[k]);
		if (!kw || !tail_ok) {
			free(s);
			continue;
		}
		/* the year before the kind: 4 digits then 年 */
		const char *ya = NULL;
		for (const char *p = s; p + 7 <= kw; p++)
			if (is_digit(p[0]) && is_digit(p[1]) && is_digit(p[2]) && is_digit(p[3]) &&
			    starts_with(p + 4, "年") && (p == s || !is_digit(p[-1])))
				ya = p;
		if (!ya) {
			free(s);
			continue;
		}
		int y = (ya[0] - '0') * 1000 + (ya[1] - '0') * 100 + (ya[2] - '0') * 10 + (ya[3] - '0');
		char what[600], detail[1200], e[16], f[16];
		int page = doc->line[i].page;
		if (y != Y) {
			snprintf(what, sizeof what, "the heading “%s” names %d in the document of %d", s, y, Y);
			snprintf(detail, sizeof detail, "p.%d %s", page, what);
			snprintf(e, sizeof e, "%d", Y);
			snprintf(f, sizeof f, "%d", y);
			emit_note(r, "narrative", "year:title", "标题", e, f, "fail", page, detail);
		}
		char name[400], nd[400];
		heading_name(s, ya, name, sizeof name);
		bare_name(name, nd, sizeof nd);
		if (dept_like(dept) && dept_like(name) && !same_dept(nd, bd) && seen_name_bad < 3) {
			seen_name_bad++;
			snprintf(what, sizeof what, "the heading “%s” names %s; the document is %s's", s, name, dept);
			snprintf(detail, sizeof detail, "p.%d %s", page, what);
			emit_note(r, "narrative", "title:department", "标题", dept, name, "fail", page, detail);
		}
		free(s);
	}
}

/* the year most headings name before 部门预算/部门决算, 0 if none */
static int heading_year(const gk_doc *doc)
{
	int years[64], counts[64], n = 0;
	for (int i = 0; i < doc->nline; i++) {
		char *s = squeezed(&doc->line[i]);
		const char *kw = strstr(s, "部门预算");
		if (!kw)
			kw = strstr(s, "部门决算");
		if (!kw)
			kw = strstr(s, "单位预算");
		if (!kw)
			kw = strstr(s, "单位决算");
		if (kw && is_heading(s)) {
			for (const char *p = s; p + 7 <= kw; p++)
				if (is_digit(p[0]) && is_digit(p[1]) && is_digit(p[2]) && is_digit(p[3]) &&
				    starts_with(p + 4, "年") && (p == s || !is_digit(p[-1]))) {
					int y = atoi(p);
					int j = 0;
					while (j < n && years[j] != y)
						j++;
					if (j == n && n < 64)
						years[n] = y, counts[n++] = 0;
					if (j < n)
						counts[j]++;
					break;
				}
		}
		free(s);
	}
	int best = 0, bc = 0;
	for (int j = 0; j < n; j++)
		if (counts[j] > bc)
			best = years[j], bc = counts[j];
	return best;
}

void year_checks(gk_result *r, const ntext *nt, const gk_doc *doc)
{
	const char *ys = gk_result_meta(r, "year"), *kind = gk_result_meta(r, "kind");
	if (!ys || strlen(ys) != 4)
		return;
	int Y = atoi(ys), final = kind && !strcmp(kind, "决算");
	if (Y < 1990 || Y > 2100)
		return;
	/* the document's year as its headings state it must be the one read */
	if (heading_year(doc) != Y)
		return;
	comparisons(r, nt, Y, final);
	dates(r, nt, Y, final);
	headings(r, doc, Y, gk_result_meta(r, "department"));
}
