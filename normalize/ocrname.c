/*
 * ocrname.c - the names of an OCR'd document reconciled across its own
 * readings.
 *
 * The scorer, and any reader, finds a row by its text: a project by its
 * name, a unit by its code or name, a summary line by its item.  OCR
 * misreads a character or two of a label far more often than the digits
 * beside it, so a right figure lands under a wrong key.  The document
 * often says the same name more than once, or says it in a fixed
 * wording, and those readings put a misread one right:
 *
 *   - summary items (收支总表, 财政拨款收支总表): these list a nearly
 *     fixed family of lines (rules/summary.rules, kind `summary-item`;
 *     on the 支出 side also the standard names of rules/names.rules, a
 *     class's with or without its 支出).  A label no item rule keys
 *     (rules/items.rules), not read surely, that one family member alone
 *     is nearest to, within a character (two for a long one), or that is
 *     one after a stray character or a bare numeral (可资本性支出,
 *     一十六债务发行费用支出), becomes that member after its ordinal;
 *   - project names: a project printed in two tables (项目支出表 and
 *     项目绩效目标表) with the same amount and names alike (three in five
 *     of their characters in order; one reading a table) is one project;
 *     of its readings the one most like the others (three or more), or
 *     the one Tesseract was surer of (two: by 15 points or more, itself
 *     at least 60), is written where a reading was not sure.  A name read
 *     without confidence that holds, but for one character, a whole
 *     project name read surely elsewhere in the document (食堂包后 under
 *     one unit, 食堂包厨 under another) takes that character, unless it
 *     is one that tells projects apart (a digit, a numeral, 专/通, 省/市);
 *   - unit names: a unit code read in several tables names one unit; a
 *     name read without confidence (under 50) takes the one name the
 *     code carries read surely elsewhere, when they share a character.
 *
 * A label read surely (HIGH_CONF and above) that differs is the
 * document's own wording and stays.  Each replacement is an `ocr:label`
 * check: expected the name written, found the text read and its
 * confidence.  Only tables on pages read by OCR are touched.
 */
#include "checks.h"
#include "norm.h"
#include "ocrfix.h"

#include <stdlib.h>
#include <string.h>

#define HIGH_CONF 75
#define MAXCP 64

/* ---- small helpers ------------------------------------------------------ */

/* characters in common, in order, of a and b; -1 when one is unreadable */
static int common_chars(const char *a, const char *b, int *na, int *nb)
{
	unsigned x[MAXCP], y[MAXCP];
	int n = gk_codepoints(a, x, MAXCP), m = gk_codepoints(b, y, MAXCP);
	if (na)
		*na = n;
	if (nb)
		*nb = m;
	if (n <= 0 || m <= 0)
		return -1;
	return gk_cp_lcs(x, n, y, m);
}

static void note(gk_result *r, const gk_table *t, const char *row, const char *written, const char *read, float conf)
{
	char found[700];
	snprintf(found, sizeof found, "%s (confidence %.0f)", read, conf);
	gk_result_add_check(r, t->id, "ocr:label", row, written, found, "corrected");
}

/* ---- summary items ------------------------------------------------------ */

typedef struct family {
	char **item;
	char *side; /* 'i' income, 'e' expense, 'b' both */
	int n, cap;
} family;

static void family_add(family *f, const char *s, char side)
{
	if (!*s)
		return;
	for (int k = 0; k < f->n; k++)
		if (!strcmp(f->item[k], s) && (f->side[k] == side || f->side[k] == 'b'))
			return;
	if (f->n == f->cap) {
		f->cap = f->cap ? 2 * f->cap : 128;
		f->item = gk_realloc(f->item, (size_t)f->cap * sizeof *f->item);
		f->side = gk_realloc(f->side, (size_t)f->cap);
	}
	f->item[f->n] = gk_strdup(s);
	f->side[f->n++] = side;
}

static void family_build(family *f, const gk_rules *rules)
{
	int n;
	const gk_rule *const *rs = gk_rules_of(rules, "summary-item", &n);
	for (int k = 0; k < n; k++)
		family_add(f, rs[k]->pattern, !strcmp(rs[k]->name, "收入") ? 'i' : !strcmp(rs[k]->name, "支出") ? 'e' : 'b');
	rs = gk_rules_of(rules, "name", &n);
	for (int k = 0; k < n; k++) {
		const char *nm = rs[k]->pattern;
		family_add(f, nm, 'e');
		size_t ln = strlen(nm);
		if (strlen(rs[k]->name) == 3 && ln > 6 && !strcmp(nm + ln - 6, "支出")) {
			char s[256];
			snprintf(s, sizeof s, "%.*s", (int)(ln - 6), nm);
			family_add(f, s, 'e');
		}
	}
}

static void family_drop(family *f)
{
	for (int k = 0; k < f->n; k++)
		free(f->item[k]);
	free(f->item);
	free(f->side);
}

static int on_side(const family *f, int k, char side)
{
	return f->side[k] == 'b' || f->side[k] == side;
}

static int in_family(const family *f, const char *s, char side)
{
	for (int k = 0; k < f->n; k++)
		if (on_side(f, k, side) && !strcmp(f->item[k], s))
			return 1;
	return 0;
}

static int numeral(unsigned c)
{
	static const unsigned nums[] = {0x4e00, 0x4e8c, 0x4e09, 0x56db, 0x4e94, 0x516d, 0x4e03, 0x516b, 0x4e5d, 0x5341, 0};
	for (int k = 0; nums[k]; k++)
		if (c == nums[k])
			return 1;
	return 0;
}

/* The length in bytes of s's ordinal (一、 （一） (1) 1、 1.), 0 when none. */
static size_t ordinal_len(const char *s)
{
	size_t i = 0, len = strlen(s);
	unsigned c;
	int l, open = 0, digits = 0;
	if (!strncmp(s, "（", 3) || *s == '(')
		i = *s == '(' ? 1 : 3, open = 1;
	while (i < len && (l = gk_utf8_next((const unsigned char *)s + i, len - i, &c)) > 0 &&
	       (numeral(c) || (c >= '0' && c <= '9')))
		i += (size_t)l, digits++;
	if (!digits)
		return 0;
	if (open && (s[i] == ')' || !strncmp(s + i, "）", 3)))
		return i + (s[i] == ')' ? 1 : 3);
	if (!open && !strncmp(s + i, "、", 3))
		return i + 3;
	if (!open && s[i] == '.' && s[i + 1] && !(s[i + 1] >= '0' && s[i + 1] <= '9'))
		return i + 1;
	return 0;
}

/* The one family member of side that body is, after a stray leading
 * character or a bare numeral or three, or is nearest to within
 * `allowed` edits; NULL when none is or two are. */
static const char *family_match(const family *f, const char *body, char side, int *bare)
{
	*bare = 0;
	unsigned cp[MAXCP];
	int n = gk_codepoints(body, cp, MAXCP);
	if (n < 4 || in_family(f, body, side))
		return NULL;
	/* a bare numeral (its 、 lost) or one stray character before a name */
	size_t off = 0, len = strlen(body);
	for (int k = 0; k < 3 && off < len; k++) {
		unsigned c;
		int l = gk_utf8_next((const unsigned char *)body + off, len - off, &c);
		if (l <= 0)
			break;
		off += (size_t)l;
		if (n - (k + 1) >= 4) {
			for (int j = 0; j < f->n; j++)
				if (on_side(f, j, side) && !strcmp(f->item[j], body + off)) {
					*bare = numeral(c);
					return f->item[j];
				}
		}
		if (!numeral(c))
			break;
	}
	int best = -1, bestd = 99, ties = 0;
	for (int j = 0; j < f->n; j++) {
		if (!on_side(f, j, side))
			continue;
		unsigned fc[MAXCP];
		int m = gk_codepoints(f->item[j], fc, MAXCP);
		if (m < 4 || abs(m - n) > 2)
			continue;
		int allowed = m >= 8 ? 2 : 1;
		int d = gk_codepoint_edits(body, f->item[j], allowed);
		if (d > allowed)
			continue;
		if (d < bestd)
			bestd = d, best = j, ties = 0;
		else if (d == bestd && strcmp(f->item[j], f->item[best]))
			ties++;
	}
	return best >= 0 && !ties ? f->item[best] : NULL;
}

/* Does a function table of r print a row named name (its class's with
 * or without 支出) whose total is v? */
static int function_row(const gk_result *r, const char *name, long long v)
{
	static const char *const ids[] = {"expenditure_by_function", "general_budget_expenditure", NULL};
	for (int ti = 0; ti < r->ntable; ti++) {
		const gk_table *t = r->tables[ti];
		int k = 0;
		while (ids[k] && strcmp(ids[k], t->id))
			k++;
		int nc = gk_table_col(t, "name"), tc = gk_table_col(t, "total");
		if (!ids[k] || nc < 0 || tc < 0)
			continue;
		size_t ln = strlen(name);
		for (int i = 0; i < t->nrow; i++) {
			const char *x = t->rows[i][nc];
			size_t lx = strlen(x);
			long long w;
			int dec;
			int alike = !strcmp(x, name) || (lx == ln + 6 && !strncmp(x, name, ln) && !strcmp(x + ln, "支出")) ||
			            (ln == lx + 6 && !strncmp(name, x, lx) && !strcmp(name + lx, "支出"));
			if (alike && gk_chk_parse(t->rows[i][tc], &w, &dec) == 1 && w == v)
				return 1;
		}
	}
	return 0;
}

/* Is c a character OCR makes of an ordinal or its brackets (《六) for
 * （六）)? */
static int ordinal_junk(unsigned c)
{
	return numeral(c) || (c >= '0' && c <= '9') || c == '(' || c == ')' || c == 0x300a || c == 0x300b ||
	       c == 0xff08 || c == 0xff09 || c == 0x3001 || c == 0x3008 || c == 0x3009 || c == ' ';
}

/* Two lines of a summary read as one (教育支出《六)科学技术支出: the second
 * one's ordinal between them; 科技成果转化与扩散社会保障和就业支出), the
 * second a member of the family, its one figure v the total a function
 * table prints for one of the two names alone: that name (the first one
 * copied into first[size]), NULL when not so. */
static const char *two_items(const gk_result *r, const family *f, const char *body, char side, long long v,
                             char *first, size_t size)
{
	const char *pick = NULL;
	int picks = 0, n = 0;
	size_t len = strlen(body);
	if (strstr(body, "合计") || strstr(body, "总计"))
		return NULL;
	for (size_t at = 0; at < len;) {
		unsigned c;
		int l = gk_utf8_next((const unsigned char *)body + at, len - at, &c);
		if (l <= 0)
			break;
		at += (size_t)l;
		if (++n < 4 || at >= len)
			continue;
		/* body[0, at) the first line, then an ordinal's junk, then a member */
		const char *rest = body + at;
		for (int skip = 0; skip <= 4 && *rest; skip++) {
			unsigned rc[MAXCP];
			if (in_family(f, rest, side) && gk_codepoints(rest, rc, MAXCP) >= 4) {
				char a[512];
				snprintf(a, sizeof a, "%.*s", (int)at, body);
				int fa = function_row(r, a, v), fb = function_row(r, rest, v);
				if (fa != fb) {
					if (fa)
						snprintf(first, size, "%s", a);
					const char *x = fa ? first : rest;
					picks += !pick || strcmp(pick, x);
					pick = x;
				}
				break;
			}
			unsigned d;
			int m = gk_utf8_next((const unsigned char *)rest, strlen(rest), &d);
			if (m <= 0 || !ordinal_junk(d))
				break;
			rest += m;
		}
	}
	return picks == 1 ? pick : NULL;
}

/* the row's first figure other than zero, 0 when none */
static long long row_figure(const gk_table *t, int i, int sc, int ic)
{
	for (int j = 0; j < t->cols.n; j++) {
		long long v;
		int dec;
		if (j != sc && j != ic && gk_chk_parse(t->rows[i][j], &v, &dec) == 1 && v)
			return v;
	}
	return 0;
}

static void summary_items(gk_result *r, gk_table *t, const gk_doc *doc, const family *f)
{
	int sc = gk_table_col(t, "side"), ic = gk_table_col(t, "item");
	if (sc < 0 || ic < 0)
		return;
	for (int i = 0; i < t->nrow; i++) {
		const char *read = t->rows[i][ic];
		const gk_rowinfo *in = gk_table_info(t, i);
		char side = !strcmp(t->rows[i][sc], "收入") ? 'i' : !strcmp(t->rows[i][sc], "支出") ? 'e' : 0;
		if (!side || !*read || (in && in->item_key && *in->item_key))
			continue;
		size_t ol = ordinal_len(read);
		char body[512];
		snprintf(body, sizeof body, "%s", read + ol);
		size_t bl = strlen(body);
		while (bl && (body[bl - 1] == ':' || body[bl - 1] == ' '))
			body[--bl] = 0;
		if (bl >= 3 && !strcmp(body + bl - 3, "："))
			body[bl - 3] = 0;
		int bare;
		const char *name = family_match(f, body, side, &bare);
		long long v = row_figure(t, i, sc, ic);
		int two = 0;
		char first[512];
		if (!name && side == 'e' && v && (name = two_items(r, f, body, side, v, first, sizeof first)))
			two = 1;
		if (!name)
			continue;
		/* (two lines read as one, or an ordinal that lost its 、 before
		 * a standard line, is no wording of the document's, however
		 * surely each was read) */
		float cf = gk_ocr_label_conf(doc, t, i, read);
		if (!two && !bare && (cf < 0 || cf >= HIGH_CONF))
			continue;
		char *old = gk_strdup(read), written[600];
		/* (the second of two lines read as one: without the first's ordinal) */
		snprintf(written, sizeof written, "%.*s%s", two && strncmp(body, name, strlen(name)) ? 0 : (int)ol, read, name);
		gk_table_set(t, i, ic, written);
		note(r, t, t->rows[i][sc], written, old, cf);
		free(old);
	}
}

/* ---- summary lines by the summary's arithmetic -------------------------- */

/* A line whose label OCR garbled past any likeness (赣达出出合计, 人了牙奖
 * 支出: an Excel printout's wrapped labels printed over one another) is
 * placed by what is not its likeness: where it stands among the lines
 * read surely, and the figures -- the side's total the sum of its lines,
 * a class's figure the one the function tables print for it.  Nothing is
 * written unless the arithmetic holds with it. */

/* the item key (rules/items.rules) of a summary line's label, past its
 * ordinal, 其中 and colons, its spaces out: its side's rules, then
 * either side's; NULL when none keys it */
static const char *line_key(const gk_rules *rules, char side, const char *label)
{
	char sq[512];
	gk_ocr_squeeze(label, sq, sizeof sq);
	const char *p = sq + ordinal_len(sq);
	if (!strncmp(p, "其中", 6))
		p += 6;
	while (!strncmp(p, "：", 3) || *p == ':')
		p += *p == ':' ? 1 : 3;
	char body[512];
	snprintf(body, sizeof body, "%s", p);
	size_t n = strlen(body);
	while (n && body[n - 1] == ':')
		body[--n] = 0;
	while (n >= 3 && !strcmp(body + n - 3, "："))
		body[n -= 3] = 0;
	if (!*body)
		return NULL;
	const gk_rule *r = gk_rules_first(rules, side == 'i' ? "item-income" : "item-expense", body);
	if (!r)
		r = gk_rules_first(rules, "item", body);
	return r ? r->name : NULL;
}

static int key_is(const char *key, const char *what)
{
	return key && !strcmp(key, what);
}

/* the function class (201) a key names at the class level, else 0 */
static int key_class(const char *key)
{
	static const char pre[] = "expense.by_function.";
	if (!key || strncmp(key, pre, sizeof pre - 1))
		return 0;
	const char *d = key + sizeof pre - 1;
	return strlen(d) == 3 && d[0] == '2' ? atoi(d) : 0;
}

/* an income line that adds to the year's income (not 其中 财政拨款, not a
 * total, not the years before) */
static int income_term(const char *key)
{
	static const char *const terms[] = {"income.general_budget", "income.government_fund", "income.state_capital",
	                                    "income.special_account", "income.business", "income.operating",
	                                    "income.superior_subsidy", "income.affiliated_remit", "income.other",
	                                    "income.unit_funds", NULL};
	for (int k = 0; key && terms[k]; k++)
		if (!strcmp(key, terms[k]))
			return 1;
	return 0;
}

typedef struct sumline {
	int row;
	const char *key; /* owned by the rules */
	long long v;     /* its figure (the amount, or the fiscal summary's total), millionths; 0 none */
	int sub;         /* a 其中 line */
} sumline;

/* the lines of side (收入, 支出) of summary t, in order; returns how many */
static int side_lines(const gk_table *t, const gk_rules *rules, const char *side, sumline **out)
{
	int sc = gk_table_col(t, "side"), ic = gk_table_col(t, "item");
	int vc = gk_table_col(t, "amount") >= 0 ? gk_table_col(t, "amount") : gk_table_col(t, "total"), n = 0;
	sumline *L = gk_calloc((size_t)(t->nrow ? t->nrow : 1), sizeof *L);
	for (int i = 0; i < t->nrow; i++) {
		if (strcmp(t->rows[i][sc], side))
			continue;
		int dec;
		long long v = 0;
		if (vc < 0 || gk_chk_parse(t->rows[i][vc], &v, &dec) != 1)
			v = 0;
		char sq[512];
		gk_ocr_squeeze(t->rows[i][ic], sq, sizeof sq);
		L[n++] = (sumline){i, line_key(rules, !strcmp(side, "收入") ? 'i' : 'e', t->rows[i][ic]), v,
		                   !strncmp(sq + ordinal_len(sq), "其中", 6)};
	}
	*out = L;
	return n;
}

static int codepoint_count(const char *s)
{
	unsigned cp[MAXCP];
	int n = gk_codepoints(s, cp, MAXCP);
	return n < 0 ? MAXCP : n;
}

/* The year's total of a side (本年支出合计) read garbled but for its 合计
 * (赣达出出合计), where no line of the side reads as that total: it is the
 * total the other side prints, its 收入 for 支出 (本年收入合计 -> 本年支出
 * 合计), a member of the side's family as long as the line read, give or
 * take a character -- when its figure is the sum of the side's lines
 * above it (the function classes, or 基本 and 项目支出; the income
 * sources), one line or more, and it is the only such line. */
static void side_total(gk_result *r, gk_table *t, const gk_doc *doc, const gk_rules *rules, const family *f,
                       char side)
{
	const char *me = side == 'i' ? "收入" : "支出", *other = side == 'i' ? "支出" : "收入";
	char cur[32], ocur[32];
	snprintf(cur, sizeof cur, "%s.current_total", side == 'i' ? "income" : "expense");
	snprintf(ocur, sizeof ocur, "%s.current_total", side == 'i' ? "expense" : "income");
	sumline *L, *O;
	int n = side_lines(t, rules, me, &L), m = side_lines(t, rules, other, &O), cand = -1, many = 0;
	int ic = gk_table_col(t, "item");
	const char *mirror = NULL;
	for (int k = 0; k < m && !mirror; k++)
		if (key_is(O[k].key, ocur))
			mirror = t->rows[O[k].row][ic];
	for (int k = 0; k < n; k++) {
		if (key_is(L[k].key, cur))
			many = 1; /* the side reads its total: nothing to place */
		char sq[512];
		gk_ocr_squeeze(t->rows[L[k].row][ic], sq, sizeof sq);
		size_t ls = strlen(sq);
		if (!L[k].key && L[k].v && ls > 6 && !strcmp(sq + ls - 6, "合计"))
			many |= cand >= 0, cand = k;
	}
	char name[512] = "";
	if (mirror && cand >= 0 && !many) {
		char sq[512];
		gk_ocr_squeeze(mirror, sq, sizeof sq);
		const char *body = sq + ordinal_len(sq), *at = strstr(body, other);
		if (at)
			snprintf(name, sizeof name, "%.*s%s%s", (int)(at - body), body, me, at + strlen(other));
	}
	const char *read = cand >= 0 ? t->rows[L[cand].row][ic] : "";
	float cf = *name ? gk_ocr_label_conf(doc, t, L[cand].row, read) : -1;
	if (*name && in_family(f, name, side) && cf >= 0 && cf < HIGH_CONF &&
	    abs(codepoint_count(name) - codepoint_count(read)) <= 1) {
		long long cls = 0, bp = 0, inc = 0;
		int ncls = 0, nbp = 0, ninc = 0;
		for (int k = 0; k < cand; k++) {
			if (L[k].sub)
				continue;
			if (key_class(L[k].key))
				cls += L[k].v, ncls++;
			if (key_is(L[k].key, "expense.basic") || key_is(L[k].key, "expense.project"))
				bp += L[k].v, nbp++;
			if (income_term(L[k].key))
				inc += L[k].v, ninc++;
		}
		long long v = L[cand].v;
		int holds = side == 'i' ? ninc && inc == v : (ncls && cls == v) || (nbp && bp == v);
		if (holds) {
			char *old = gk_strdup(read);
			gk_table_set(t, L[cand].row, ic, name);
			note(r, t, me, name, old, cf);
			free(old);
		}
	}
	free(L);
	free(O);
}

/* A 支出 line garbled past likeness (人了牙奖支出) whose figure the
 * document's function tables print as one class's total (rules `name`,
 * three digits) and no other's, the only line of the side so, standing
 * where that class stands in the classes' order between the lines read
 * surely around it (an opening 本年支出 above, a closing total below):
 * it is that class, with or without its 支出 as the side's sure class
 * lines print them -- when the side's closing total is the sum of its
 * classes with it.  A line after the closing total is none of them. */
static void side_classes(gk_result *r, gk_table *t, const gk_doc *doc, const gk_rules *rules)
{
	gk_clsum cs[2][64];
	int ncs[2] = {0, 0};
	static const char *const funcs[] = {"expenditure_by_function", "general_budget_expenditure"};
	for (int k = 0; k < 2; k++) {
		const gk_table *ft = gk_result_find(r, funcs[k]);
		ncs[k] = ft ? gk_ocr_class_sums(ft, cs[k], 64) : 0;
	}
	sumline *L;
	int n = side_lines(t, rules, "支出", &L), ic = gk_table_col(t, "item");
	int *code = gk_calloc((size_t)(n ? n : 1), sizeof *code);
	int open = -1, close = -1, vote_long = 0, vote_short = 0;
	/* the opening total (the first line read, a total) and the closing one */
	for (int k = 0; k < n; k++) {
		int tot = key_is(L[k].key, "expense.current_total") || key_is(L[k].key, "expense.total");
		if (tot && open < 0 && close < 0) {
			int first = 1;
			for (int j = 0; j < k; j++)
				first &= !L[j].key && !L[j].v;
			if (first) {
				open = k;
				continue;
			}
		}
		if (tot && close < 0)
			close = k;
		if (key_class(L[k].key) && close < 0) {
			char sq[512];
			gk_ocr_squeeze(t->rows[L[k].row][ic], sq, sizeof sq);
			size_t ls = strlen(sq);
			if (ls > 6 && !strcmp(sq + ls - 6, "支出"))
				vote_long++;
			else
				vote_short++;
		}
	}
	if (close < 0 || vote_long == vote_short)
		goto done;
	for (int k = open + 1; k < close; k++) {
		const char *read = t->rows[L[k].row][ic];
		if (L[k].key || !L[k].v || L[k].sub || strstr(read, "合计") || strstr(read, "总计"))
			continue;
		float cf = gk_ocr_label_conf(doc, t, L[k].row, read);
		if (cf < 0 || cf >= HIGH_CONF)
			continue;
		int c = 0, two = 0;
		for (int q = 0; q < 2; q++)
			for (int j = 0; j < ncs[q]; j++)
				if (cs[q][j].v == L[k].v) {
					two |= c && c != atoi(cs[q][j].code);
					c = atoi(cs[q][j].code);
				}
		if (!c || two)
			continue;
		/* between the sure lines around it, in the classes' order */
		int before = 0, after = 1000;
		for (int j = k - 1; j > open && !before; j--)
			if (L[j].key)
				before = key_class(L[j].key) ? key_class(L[j].key) : -1;
		for (int j = k + 1; j < close && after == 1000; j++)
			if (L[j].key)
				after = key_class(L[j].key) ? key_class(L[j].key) : -1;
		if (before < 0 || after < 0 || c <= before || c >= after)
			continue;
		code[k] = c;
	}
	/* one line a class, none read surely already */
	for (int k = open + 1; k < close; k++)
		for (int j = open + 1; j < close && code[k]; j++)
			if (j != k && (code[j] == code[k] || key_class(L[j].key) == code[k]))
				code[k] = 0;
	long long sum = 0;
	int placed = 0;
	for (int k = open + 1; k < close; k++) {
		if (key_class(L[k].key) && !L[k].sub)
			sum += L[k].v;
		if (code[k])
			sum += L[k].v, placed++;
	}
	if (!placed || sum != L[close].v)
		goto done;
	for (int k = open + 1; k < close; k++) {
		if (!code[k])
			continue;
		char c3[8];
		snprintf(c3, sizeof c3, "%d", code[k]);
		int nr;
		const gk_rule *const *rs = gk_rules_of(rules, "name", &nr);
		const char *nm = NULL;
		for (int q = 0; q < nr && !nm; q++)
			if (!strcmp(rs[q]->name, c3))
				nm = rs[q]->pattern;
		if (!nm)
			continue;
		char name[512];
		snprintf(name, sizeof name, "%s", nm);
		size_t ln = strlen(name);
		if (vote_short > vote_long && ln > 6 && !strcmp(name + ln - 6, "支出"))
			name[ln - 6] = 0;
		const char *read = t->rows[L[k].row][ic];
		size_t ol = ordinal_len(read);
		char written[600], *old = gk_strdup(read);
		snprintf(written, sizeof written, "%.*s%s", (int)ol, read, name);
		float cf = gk_ocr_label_conf(doc, t, L[k].row, read);
		gk_table_set(t, L[k].row, ic, written);
		note(r, t, "支出", written, old, cf);
		free(old);
	}
done:
	free(code);
	free(L);
}

/* ---- project names ------------------------------------------------------ */

typedef struct reading {
	gk_table *t;
	int row, col;
	long long v; /* the project's total */
	float conf;
	int group;
} reading;

static int project_readings(gk_result *r, const gk_doc *doc, const char *pages, reading **out)
{
	int n = 0, cap = 0;
	reading *rd = NULL;
	for (int ti = 0; ti < r->ntable; ti++) {
		gk_table *t = r->tables[ti];
		int pc = gk_table_col(t, "project_name"), tc = gk_table_col(t, "total");
		if (pc < 0 || tc < 0 || !gk_page_listed(pages, t->page))
			continue;
		for (int i = 0; i < t->nrow; i++) {
			const char *s = t->rows[i][pc];
			long long v;
			int dec;
			if (!*s || strstr(s, "合计") || gk_chk_parse(t->rows[i][tc], &v, &dec) != 1 || v == 0)
				continue;
			int dup = 0; /* a name filled down over a project's indicator rows */
			for (int k = n - 1; k >= 0 && rd[k].t == t && !dup; k--)
				dup = !strcmp(rd[k].t->rows[rd[k].row][pc], s) && rd[k].v == v;
			if (dup)
				continue;
			if (n == cap)
				rd = gk_realloc(rd, (size_t)(cap = cap ? 2 * cap : 64) * sizeof *rd);
			rd[n] = (reading){t, i, pc, v, gk_ocr_label_conf(doc, t, i, s), n};
			n++;
		}
	}
	*out = rd;
	return n;
}

/* are readings a and b one project: other tables, one amount, names alike */
static int same_project(const reading *a, const reading *b)
{
	if (a->t == b->t || strcmp(a->t->id, b->t->id) == 0 || a->v != b->v)
		return 0;
	int na, nb;
	int c = common_chars(a->t->rows[a->row][a->col], b->t->rows[b->row][b->col], &na, &nb);
	return c >= 3 && 5 * c >= 3 * (na > nb ? na : nb);
}

static int group_root(reading *rd, int k)
{
	while (rd[k].group != k)
		k = rd[k].group = rd[rd[k].group].group;
	return k;
}

/* the best reading of group g: the most like the others (three or more),
 * else the surer by 15 points, itself 60 or more; -1 when none is */
static int best_reading(reading *rd, int n, int g)
{
	int m[16], k = 0;
	for (int i = 0; i < n && k < 16; i++)
		if (group_root(rd, i) == g)
			m[k++] = i;
	if (k < 2)
		return -1;
	for (int x = 0; x < k; x++) /* two projects of one table alike: not one */
		for (int y = x + 1; y < k; y++)
			if (rd[m[x]].t == rd[m[y]].t || !strcmp(rd[m[x]].t->id, rd[m[y]].t->id))
				return -1;
	if (k == 2) {
		int a = rd[m[0]].conf >= rd[m[1]].conf ? m[0] : m[1], b = a == m[0] ? m[1] : m[0];
		return rd[a].conf >= 60 && rd[a].conf >= rd[b].conf + 15 ? a : -1;
	}
	int best = -1, bests = -1, tie = 0;
	for (int x = 0; x < k; x++) {
		int s = 0;
		for (int y = 0; y < k; y++)
			if (y != x)
				s += common_chars(rd[m[x]].t->rows[rd[m[x]].row][rd[m[x]].col],
				                  rd[m[y]].t->rows[rd[m[y]].row][rd[m[y]].col], NULL, NULL);
		const char *sx = rd[m[x]].t->rows[rd[m[x]].row][rd[m[x]].col];
		if (s > bests || (s == bests && rd[m[x]].conf > rd[best].conf))
			bests = s, best = m[x], tie = 0;
		else if (s == bests && rd[m[x]].conf == rd[best].conf &&
		         strcmp(sx, rd[best].t->rows[rd[best].row][rd[best].col]))
			tie = 1;
	}
	return tie ? -1 : best;
}

static void project_words(gk_result *r, reading *rd, int n);
static void respell(const char *s, const unsigned *cp, char *out, size_t size);
static void project_context(gk_result *r, const gk_doc *doc, reading *rd, int n);

static void project_names(gk_result *r, const gk_doc *doc, const char *pages)
{
	reading *rd;
	int n = project_readings(r, doc, pages, &rd);
	for (int a = 0; a < n; a++)
		for (int b = a + 1; b < n; b++)
			if (same_project(&rd[a], &rd[b])) {
				int ga = group_root(rd, a), gb = group_root(rd, b);
				if (ga != gb)
					rd[gb].group = ga;
			}
	for (int g = 0; g < n; g++) {
		if (group_root(rd, g) != g)
			continue;
		int b = best_reading(rd, n, g);
		if (b < 0)
			continue;
		char *name = gk_strdup(rd[b].t->rows[rd[b].row][rd[b].col]);
		for (int i = 0; i < n; i++) {
			const char *s = rd[i].t->rows[rd[i].row][rd[i].col];
			if (group_root(rd, i) != g || !strcmp(s, name) || rd[i].conf < 0 || rd[i].conf >= HIGH_CONF)
				continue;
			char *old = gk_strdup(s);
			gk_table_set(rd[i].t, rd[i].row, rd[i].col, name);
			note(r, rd[i].t, "project_name", name, old, rd[i].conf);
			free(old);
		}
		free(name);
	}
	project_words(r, rd, n);
	project_context(r, doc, rd, n);
	free(rd);
}

/* ---- project names by the document's sure readings of others ---------- */

/* Does a code point belong to the wording of a name (not a digit, Latin
 * letter or numeral, which tell projects apart: 2023年 2024年, 一号 二号)? */
static int wording_char(unsigned c)
{
	/* characters that tell one project from another (专用/通用, 省级/市级,
	 * 上半年/下半年): no reading of another project settles them */
	static const char *const apart = "专通大小省市区县乡镇村上下新旧内外中高低初东西南北男女老少长短";
	if (c < 0x3400 || numeral(c))
		return 0;
	size_t len = strlen(apart);
	for (size_t i = 0; i < len;) {
		unsigned a;
		int l = gk_utf8_next((const unsigned char *)apart + i, len - i, &a);
		if (l <= 0)
			break;
		if (a == c)
			return 0;
		i += (size_t)l;
	}
	return 1;
}

/* Where in a[] (n) a window of b[] (m) long differs from b by one
 * character of wording alone: its start, -1 when none or two do */
static int one_off(const unsigned *a, int n, const unsigned *b, int m)
{
	int at = -1;
	for (int s = 0; s + m <= n; s++) {
		int diff = 0, pos = -1;
		for (int k = 0; k < m && diff < 2; k++)
			if (a[s + k] != b[k])
				diff++, pos = k;
		if (diff != 1 || !wording_char(a[s + pos]) || !wording_char(b[pos]))
			continue;
		if (at >= 0)
			return -1;
		at = s;
	}
	return at;
}

static int utf8_put(unsigned c, char *u)
{
	if (c < 0x80)
		return u[0] = (char)c, 1;
	if (c < 0x800)
		return u[0] = (char)(0xc0 | c >> 6), u[1] = (char)(0x80 | (c & 0x3f)), 2;
	if (c < 0x10000)
		return u[0] = (char)(0xe0 | c >> 12), u[1] = (char)(0x80 | (c >> 6 & 0x3f)),
		       u[2] = (char)(0x80 | (c & 0x3f)), 3;
	return u[0] = (char)(0xf0 | c >> 18), u[1] = (char)(0x80 | (c >> 12 & 0x3f)),
	       u[2] = (char)(0x80 | (c >> 6 & 0x3f)), u[3] = (char)(0x80 | (c & 0x3f)), 4;
}

static void put_codepoints(const unsigned *cp, int n, char *out, size_t size)
{
	size_t k = 0;
	for (int i = 0; i < n; i++) {
		char u[8];
		int l = utf8_put(cp[i], u);
		if (k + (size_t)l + 1 > size)
			break;
		memcpy(out + k, u, (size_t)l);
		k += (size_t)l;
	}
	out[k] = 0;
}

/* A project name read without confidence (under 50) that holds, but for
 * one character of wording, a whole project name the document printed
 * elsewhere and Tesseract read surely (80 and above, four characters or
 * more: 食堂包厨 under another unit), the one such: that character is the
 * sure reading's (食堂包后 -> 食堂包厨, 法律题问服务项目 -> 法律顾问服务项目). */
static void project_words(gk_result *r, reading *rd, int n)
{
	for (int i = 0; i < n; i++) {
		if (rd[i].conf < 0 || rd[i].conf >= 50)
			continue;
		const char *s = rd[i].t->rows[rd[i].row][rd[i].col];
		unsigned a[MAXCP];
		int an = gk_codepoints(s, a, MAXCP), pick = -1, at = -1, many = 0;
		if (an < 4)
			continue;
		for (int j = 0; j < n && !many; j++) {
			if (rd[j].conf < 80)
				continue;
			const char *w = rd[j].t->rows[rd[j].row][rd[j].col];
			unsigned b[MAXCP];
			int bn = gk_codepoints(w, b, MAXCP);
			if (bn < 4 || bn > an || strstr(s, w))
				continue;
			int k = one_off(a, an, b, bn);
			if (k < 0)
				continue;
			if (pick >= 0 && strcmp(w, rd[pick].t->rows[rd[pick].row][rd[pick].col]))
				many = 1;
			pick = j, at = k;
		}
		if (pick < 0 || many)
			continue;
		const char *w = rd[pick].t->rows[rd[pick].row][rd[pick].col];
		unsigned b[MAXCP];
		int bn = gk_codepoints(w, b, MAXCP);
		memcpy(a + at, b, (size_t)bn * sizeof *b);
		char name[600], *old = gk_strdup(s);
		respell(s, a, name, sizeof name);
		gk_table_set(rd[i].t, rd[i].row, rd[i].col, name);
		note(r, rd[i].t, "project_name", name, old, rd[i].conf);
		free(old);
	}
}

/* What the document's sure text (cells read at 80 or more) prints
 * between left and right: 1 one character other than own, into *x; -1
 * own itself, or two characters; 0 nothing. */
static int between(const gk_doc *doc, const char *left, const char *right, unsigned own, unsigned *x)
{
	int found = 0;
	size_t ll = strlen(left), rl = strlen(right);
	for (int i = 0; i < doc->nline; i++)
		for (int j = 0; j < doc->line[i].ncell; j++) {
			const gk_cell *c = &doc->line[i].cell[j];
			if (c->conf < 80)
				continue;
			for (const char *p = strstr(c->text, left); p; p = strstr(p + 1, left)) {
				const char *q = p + ll;
				unsigned cp;
				/* (left at the text's end: no character between) */
				int l = *q ? gk_utf8_next((const unsigned char *)q, strlen(q), &cp) : 0;
				if (l <= 0 || strncmp(q + l, right, rl))
					continue;
				if (cp == own || (found && cp != *x))
					return -1;
				*x = cp, found = 1;
			}
		}
	return found;
}

/* The character the sure text prints for a[k] between four characters
 * of wording around it (two and two; one and three, three and one at a
 * name's ends): 1 and *x, else 0 */
static int context_char(const gk_doc *doc, const unsigned *a, int an, int k, unsigned *x)
{
	static const int splits[3][2] = {{2, 2}, {1, 3}, {3, 1}};
	int got = 0;
	for (int q = 0; q < 3; q++) {
		int lc = splits[q][0], rc = splits[q][1], ok = k - lc >= 0 && k + rc < an;
		for (int e = k - lc; ok && e <= k + rc; e++)
			ok = wording_char(a[e]);
		if (!ok)
			continue;
		char left[32], right[32];
		unsigned y = 0;
		put_codepoints(a + k - lc, lc, left, sizeof left);
		put_codepoints(a + k + 1, rc, right, sizeof right);
		int b = between(doc, left, right, a[k], &y);
		if (b < 0 || (b > 0 && got && y != *x))
			return 0;
		if (b > 0)
			*x = y, got = 1;
	}
	return got;
}

/* s with its characters (spaces left out, as gk_codepoints counts them)
 * replaced by cp's, its spaces kept, into out[size] */
static void respell(const char *s, const unsigned *cp, char *out, size_t size)
{
	size_t len = strlen(s), k = 0;
	int n = 0;
	for (size_t i = 0; i < len && n < MAXCP;) {
		unsigned c;
		int l = gk_utf8_next((const unsigned char *)s + i, len - i, &c);
		if (l <= 0)
			break;
		char u[8];
		int m = c == ' ' ? (u[0] = ' ', 1) : utf8_put(cp[n++], u);
		if (k + (size_t)m + 1 > size)
			break;
		memcpy(out + k, u, (size_t)m);
		k += (size_t)m;
		i += (size_t)l;
	}
	out[k] = 0;
}

/* A project name read without confidence (under 50) whose character,
 * between two characters of wording on either side, the document's sure
 * text prints otherwise and never as read (预报预答系统, 预报预警系统 read
 * surely in a performance note): that character is the sure text's.
 * Characters that tell projects apart are never changed. */
static void project_context(gk_result *r, const gk_doc *doc, reading *rd, int n)
{
	for (int i = 0; i < n; i++) {
		if (rd[i].conf < 0 || rd[i].conf >= 50)
			continue;
		const char *s = rd[i].t->rows[rd[i].row][rd[i].col];
		unsigned a[MAXCP], b[MAXCP];
		int an = gk_codepoints(s, a, MAXCP), changed = 0;
		if (an < 5)
			continue;
		memcpy(b, a, (size_t)an * sizeof *a);
		for (int k = 0; k < an; k++) {
			unsigned x = 0;
			if (wording_char(a[k]) && context_char(doc, a, an, k, &x) && wording_char(x))
				b[k] = x, changed = 1;
		}
		if (!changed)
			continue;
		char name[600], *old = gk_strdup(s);
		respell(s, b, name, sizeof name);
		gk_table_set(rd[i].t, rd[i].row, rd[i].col, name);
		note(r, rd[i].t, rd[i].t->cols.v[rd[i].col], name, old, rd[i].conf);
		free(old);
	}
}

/* ---- unit names by their codes ------------------------------------------ */

static int name_col(const gk_table *t)
{
	int c = gk_table_col(t, "unit_name");
	return c >= 0 ? c : gk_table_col(t, "name");
}

/* the one name unit code `code` carries read surely in r's OCR'd tables
 * (NULL when none or two differ) */
static const char *sure_name(gk_result *r, const gk_doc *doc, const char *pages, const char *code)
{
	const char *found = NULL;
	for (int ti = 0; ti < r->ntable; ti++) {
		gk_table *t = r->tables[ti];
		int cc = gk_table_col(t, "unit_code"), nc = name_col(t);
		if (cc < 0 || nc < 0 || !gk_page_listed(pages, t->page))
			continue;
		for (int i = 0; i < t->nrow; i++) {
			char d[16];
			const char *s = t->rows[i][nc];
			if (!*s || gk_code_digits(t->rows[i][cc], d, sizeof d) < 3 || strcmp(d, code))
				continue;
			if (gk_ocr_label_conf(doc, t, i, s) < HIGH_CONF)
				continue;
			if (found && strcmp(found, s))
				return NULL;
			found = s;
		}
	}
	return found;
}

static void unit_names(gk_result *r, const gk_doc *doc, const char *pages)
{
	for (int ti = 0; ti < r->ntable; ti++) {
		gk_table *t = r->tables[ti];
		int cc = gk_table_col(t, "unit_code"), nc = name_col(t), fc = gk_table_col(t, "func_code");
		if (cc < 0 || nc < 0 || !gk_page_listed(pages, t->page))
			continue;
		for (int i = 0; i < t->nrow; i++) {
			char d[16];
			const char *s = t->rows[i][nc];
			if (!*s || gk_code_digits(t->rows[i][cc], d, sizeof d) < 3 || (fc >= 0 && *t->rows[i][fc]))
				continue;
			float cf = gk_ocr_label_conf(doc, t, i, s);
			if (cf < 0 || cf >= 50)
				continue;
			const char *name = sure_name(r, doc, pages, d);
			int na, nb, c = name ? common_chars(s, name, &na, &nb) : -1;
			if (!name || !strcmp(name, s) || c < 3 || 3 * c < (na < nb ? na : nb) || strpbrk(name, "0123456789:"))
				continue;
			char *keep = gk_strdup(name), *old = gk_strdup(s);
			gk_table_set(t, i, nc, keep);
			note(r, t, d, keep, old, cf);
			free(keep);
			free(old);
		}
	}
}

/* Units' names read without confidence put right by the document's sure
 * text as project names are (广州市防备减灾管理办公室, 防雷减灾 read
 * surely in another table). */
static void unit_context(gk_result *r, const gk_doc *doc, const char *pages)
{
	int n = 0, cap = 0;
	reading *rd = NULL;
	for (int ti = 0; ti < r->ntable; ti++) {
		gk_table *t = r->tables[ti];
		int nc = gk_table_col(t, "unit_name");
		if (nc < 0 || !gk_page_listed(pages, t->page))
			continue;
		for (int i = 0; i < t->nrow; i++) {
			const char *s = t->rows[i][nc];
			if (!*s || strstr(s, "合计"))
				continue;
			if (n == cap)
				rd = gk_realloc(rd, (size_t)(cap = cap ? 2 * cap : 64) * sizeof *rd);
			rd[n] = (reading){t, i, nc, 0, gk_ocr_label_conf(doc, t, i, s), n};
			n++;
		}
	}
	project_context(r, doc, rd, n);
	free(rd);
}

/* ---- a function line's name by the other tables printing its code --------- */

/* the longest run of a's code points found in order in b (not
 * necessarily together) */
static int in_order(const unsigned *a, int na, const unsigned *b, int nb)
{
	int prev[65] = {0}, cur[65];
	for (int i = 1; i <= na; i++) {
		cur[0] = 0;
		for (int j = 1; j <= nb; j++)
			cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : cur[j - 1] > prev[j] ? cur[j - 1] : prev[j];
		memcpy(prev, cur, sizeof(int) * (size_t)(nb + 1));
	}
	return prev[nb];
}

static int bracket(unsigned c)
{
	return c == '(' || c == ')' || c == 0xFF08 || c == 0xFF09 || c == ' ';
}

/* Are a and b the same but for brackets and blanks? */
static int same_but_brackets(const unsigned *a, int na, const unsigned *b, int nb)
{
	int i = 0, j = 0;
	for (;;) {
		while (i < na && bracket(a[i]))
			i++;
		while (j < nb && bracket(b[j]))
			j++;
		if (i == na || j == nb)
			return i == na && j == nb;
		if (a[i++] != b[j++])
			return 0;
	}
}

/* A function code the document's tables print on several lines names one
 * line: a name OCR read unsurely (under HIGH_CONF) on one of them, that
 * differs from the name every line reading it surely gives, takes that
 * name when it holds at least half of its characters in order (重庆水利's
 * 收入表: 三凿后续工作三峡后续= where the 支出表 reads 三峡后续工作).  A code
 * read on no other line, or read surely two ways, is left as it is. */
static void code_names(gk_result *r, const gk_doc *doc, const char *pages)
{
	static const char *const ids[][2] = {{"expenditure_by_function", "name"},
	                                     {"general_budget_expenditure", "name"},
	                                     {"government_fund_expenditure", "name"},
	                                     {"state_capital_expenditure", "name"},
	                                     {"revenue_by_unit", "func_name"}};
	typedef struct spot {
		gk_table *t;
		int row, col;
		char code[16];
		float conf;
	} spot;
	spot *sp = NULL;
	int n = 0, cap = 0;
	for (int ti = 0; ti < r->ntable; ti++) {
		gk_table *t = r->tables[ti];
		if (!gk_page_listed(pages, t->page))
			continue;
		for (size_t k = 0; k < sizeof ids / sizeof ids[0]; k++) {
			int cc = gk_table_col(t, "func_code"), nc = gk_table_col(t, ids[k][1]);
			if (strcmp(t->id, ids[k][0]) || cc < 0 || nc < 0)
				continue;
			for (int i = 0; i < t->nrow; i++) {
				char d[16];
				int len = gk_code_digits(t->rows[i][cc], d, sizeof d);
				if ((len != 3 && len != 5 && len != 7) || !*t->rows[i][nc])
					continue;
				if (n == cap)
					sp = gk_realloc(sp, (size_t)(cap = cap ? 2 * cap : 64) * sizeof *sp);
				sp[n] = (spot){t, i, nc, "", gk_ocr_label_conf(doc, t, i, t->rows[i][nc])};
				snprintf(sp[n].code, sizeof sp[n].code, "%s", d);
				n++;
			}
		}
	}
	for (int a = 0; a < n; a++) {
		const char *read = sp[a].t->rows[sp[a].row][sp[a].col];
		if (sp[a].conf < 0 || sp[a].conf >= HIGH_CONF)
			continue;
		const char *sure = NULL;
		int two = 0;
		for (int b = 0; b < n && !two; b++) {
			if (b == a || strcmp(sp[a].code, sp[b].code) || sp[b].conf < HIGH_CONF)
				continue;
			const char *s = sp[b].t->rows[sp[b].row][sp[b].col];
			two = sure && strcmp(sure, s);
			sure = s;
		}
		if (!sure || two || !strcmp(sure, read))
			continue;
		unsigned x[64], y[64];
		int nx = gk_codepoints(sure, x, 64), ny = gk_codepoints(read, y, 64);
		if (same_but_brackets(x, nx, y, ny))
			continue; /* (a bracket the sure reading lost: 办公厅室) for 办公厅（室）) */
		if (nx < 2 || ny < 1 || nx > 64 || ny > 64 || 2 * in_order(x, nx, y, ny) < nx)
			continue;
		char *old = gk_strdup(read), row[64];
		snprintf(row, sizeof row, "%s/%s", sp[a].code, sp[a].t->cols.v[sp[a].col]);
		gk_table_set(sp[a].t, sp[a].row, sp[a].col, sure);
		note(r, sp[a].t, row, sure, old, sp[a].conf);
		gk_result_check_at(r, sp[a].t, sp[a].row);
		free(old);
	}
	free(sp);
}

void gk_ocr_names(gk_result *r, const gk_doc *doc, const gk_rules *rules, const char *pages)
{
	code_names(r, doc, pages);
	if (!pages || !*pages)
		return;
	if (rules) {
		family f = {0};
		family_build(&f, rules);
		for (int ti = 0; ti < r->ntable; ti++) {
			gk_table *t = r->tables[ti];
			if (gk_page_listed(pages, t->page) &&
			    (!strcmp(t->id, "revenue_expenditure_summary") || !strcmp(t->id, "fiscal_appropriation_summary")))
				summary_items(r, t, doc, &f);
		}
		for (int ti = 0; ti < r->ntable; ti++) {
			gk_table *t = r->tables[ti];
			if (!gk_page_listed(pages, t->page) || (strcmp(t->id, "revenue_expenditure_summary") &&
			                                        strcmp(t->id, "fiscal_appropriation_summary")) ||
			    gk_table_col(t, "side") < 0 || gk_table_col(t, "item") < 0)
				continue;
			/* (the year's total first: it closes the classes) */
			side_total(r, t, doc, rules, &f, 'e');
			side_total(r, t, doc, rules, &f, 'i');
			side_classes(r, t, doc, rules);
		}
		family_drop(&f);
	}
	project_names(r, doc, pages);
	unit_names(r, doc, pages);
	unit_context(r, doc, pages);
}
