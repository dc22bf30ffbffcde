/*
 * ocrlabel.c - the labels of an OCR'd table put right by their codes.
 *
 * A code is a few digits in a narrow column, read reliably; its label is
 * a run of Chinese that Tesseract reads far less well.  Where the code has
 * a standard name (rules/names.rules, kind `name`) and the label read
 * differs from it, the label is replaced by that name when it was
 * misread:
 *
 *   - it is wholly held, in order, by the standard name, three characters
 *     or more (a name printed on three lines, its middle one read:
 *     基本养老保险 for 机关事业单位基本养老保险缴费支出), unless read
 *     surely and lacking only one character inside the name (the
 *     document's own wording: 对个人和家庭补助 for 对个人和家庭的补助);
 *   - it holds no Chinese (Latin garbage, or nothing at all), or
 *     Tesseract was unsure of it (confidence below LOW_CONF): garbage,
 *     whatever it looks like;
 *   - Tesseract was not sure of it (below HIGH_CONF) and it holds at
 *     least half of the name's characters in order (a character or two
 *     misread: 事亚运行 for 事业运行).
 *
 * What stays: a label read surely (HIGH_CONF and above) that is not the
 * name is the document's own wording (一般公共预算支出 printed for 201);
 * so is the name printed without its bracketed part (资本性支出 for
 * 资本性支出（一）).  A label with a code of the next column glued on
 * ("住房公积金”50103往房公积金") is for the columns to put right first.
 * Beside a code shorter than the table's deepest (its lower levels may
 * have been read into the label: "301" + "忆基本工资" for 30101), garbage
 * is not enough, and a label that names an item under the code better
 * than the code's own name stays.
 *
 * A function table's first row whose label an overflowing unit name
 * printed over (an Excel printout) is named 合计 by its sum.
 *
 * Each replacement is an `ocr:label` check with the text read and its
 * confidence.  The confidence of a label is the least confidence of the
 * OCR'd cells of its row (the row's box, gk_rowinfo) whose text is part
 * of it: a label wrapped onto a second line is two cells.
 */
#include "checks.h"
#include "norm.h"
#include "ocrfix.h"

#include <stdlib.h>
#include <string.h>

/* Measured on the seeds' scans (clean 200 and 150 dpi, degraded 200 dpi),
 * the labels whose code has a standard name: those read right but worded
 * otherwise than the name sat at 79..96; of the misread, 127 of 153 below
 * 50 (116 below 25), 9 at 50..74 (a character or two off), 7 above, all
 * but one a truncation.  (Labels equal to the name, never judged, spread
 * from 0 to 96: a low confidence is no proof alone, hence the likeness
 * and code-level guards.) */
#define LOW_CONF 50
#define HIGH_CONF 75

#define MAXCP 64

/* the code points of s without spaces, at most MAXCP; -1 on bad UTF-8 */
static int codepoints(const char *s, unsigned *cp)
{
	int n = 0;
	size_t len = strlen(s);
	for (size_t i = 0; i < len && n < MAXCP;) {
		unsigned c;
		int l = gk_utf8_next((const unsigned char *)s + i, len - i, &c);
		if (l <= 0)
			return -1;
		i += (size_t)l;
		if (c != ' ')
			cp[n++] = c;
	}
	return n;
}

/* the longest common subsequence of two code point strings of at most
 * 64 (MAXCP) each; not reentrant (a static table) */
int gk_cp_lcs(const unsigned *a, int n, const unsigned *b, int m)
{
	static int d[MAXCP + 1][MAXCP + 1];
	for (int i = 0; i <= n; i++)
		for (int j = 0; j <= m; j++)
			d[i][j] = i == 0 || j == 0 ? 0
			          : a[i - 1] == b[j - 1] ? d[i - 1][j - 1] + 1
			          : d[i - 1][j] > d[i][j - 1] ? d[i - 1][j] : d[i][j - 1];
	return d[n][m];
}

typedef struct likeness {
	int n;         /* code points read */
	int common;    /* code points in common, in order (LCS) */
	double share;  /* LCS over the longer of the two, 0..1 */
	double held;   /* LCS over the reading: how much of it the name holds */
	int m;         /* code points of the name */
} likeness;

static likeness compare(const char *read, const char *std)
{
	unsigned a[MAXCP], b[MAXCP];
	likeness lk = {0, 0, 0, 0, 0};
	int n = codepoints(read, a), m = codepoints(std, b);
	if (n <= 0 || m <= 0)
		return lk;
	int c = gk_cp_lcs(a, n, b, m);
	lk.n = n;
	lk.common = c;
	lk.share = (double)c / (n > m ? n : m);
	lk.held = (double)c / n;
	lk.m = m;
	return lk;
}

/* s without spaces, into out */
void gk_ocr_squeeze(const char *s, char *out, size_t n)
{
	size_t k = 0;
	for (; *s && k + 1 < n; s++)
		if (*s != ' ')
			out[k++] = *s;
	out[k] = 0;
}

/* the least confidence of the OCR'd cells of doc's page `page` whose
 * middle lies between y0 and y1 and whose text is part of `want` (or
 * holds all of it: a code and its label read as one word), into *best;
 * returns how many bytes of want those cells cover */
static size_t conf_between(const gk_doc *doc, int page, double y0, double y1, const char *want, float *best)
{
	char have[512];
	size_t covered = 0;
	for (int i = 0; i < doc->nline; i++) {
		const gk_line *l = &doc->line[i];
		double mid = (l->y0 + l->y1) / 2;
		if (l->page != page || mid < y0 || mid > y1)
			continue;
		for (int j = 0; j < l->ncell; j++) {
			const gk_cell *c = &l->cell[j];
			if (c->conf < 0)
				continue;
			gk_ocr_squeeze(c->text, have, sizeof have);
			/* a lone digit or letter is part of anything */
			if (strlen(have) < 2 && strcmp(have, want))
				continue;
			if (!*have || (!strstr(want, have) && !strstr(have, want)))
				continue;
			covered += strlen(have);
			if (*best < 0 || c->conf < *best)
				*best = c->conf;
		}
	}
	return covered;
}

/* How sure OCR was of the label of row `row`: the least confidence of the
 * OCR'd cells on the row's lines that are part of the label; -1 when none
 * is.  A label that the row's own lines do not account for took a
 * wrapped line from just above or below its box: those count too. */
static float label_conf(const gk_doc *doc, const gk_table *t, int row, const char *label)
{
	const gk_rowinfo *in = gk_table_info(t, row);
	char want[512];
	gk_ocr_squeeze(label, want, sizeof want);
	if (!doc || !in || in->page <= 0 || in->y1 <= in->y0 || !*want)
		return -1;
	float best = -1;
	if (conf_between(doc, in->page, in->y0, in->y1, want, &best) < strlen(want)) {
		double h = in->y1 - in->y0;
		conf_between(doc, in->page, in->y0 - h, in->y0 - 0.01, want, &best);
		conf_between(doc, in->page, in->y1 + 0.01, in->y1 + h, want, &best);
	}
	return best;
}

float gk_ocr_label_conf(const gk_doc *doc, const gk_table *t, int row, const char *label)
{
	return label_conf(doc, t, row, label);
}

static const gk_rule *name_rule(const gk_rules *rules, const char *code)
{
	int n;
	if (!rules)
		return NULL;
	const gk_rule *const *rs = gk_rules_of(rules, "name", &n);
	for (int i = 0; i < n; i++)
		if (!strcmp(rs[i]->name, code))
			return rs[i];
	return NULL;
}

/* s without spaces and without its bracketed parts: "资本性支出（一）"
 * gives "资本性支出", which a document may print for it */
static void unbracket(const char *s, char *out, size_t n)
{
	size_t k = 0;
	int depth = 0;
	while (*s && k + 1 < n) {
		if (!strncmp(s, "（", 3) || *s == '(') {
			depth++;
			s += *s == '(' ? 1 : 3;
		} else if (!strncmp(s, "）", 3) || *s == ')') {
			depth -= depth > 0;
			s += *s == ')' ? 1 : 3;
		} else if (depth > 0 || *s == ' ') {
			s++;
		} else {
			out[k++] = *s++;
		}
	}
	out[k] = 0;
}

/* whether s holds a code of the classification (a run of digits that has
 * a standard name): the next column's code glued onto the label */
static int glued_code(const gk_rules *rules, const char *s)
{
	while (*s) {
		size_t n = strspn(s, "0123456789");
		if (n >= 3 && n <= 8) {
			char code[16];
			memcpy(code, s, n);
			code[n] = 0;
			if (name_rule(rules, code))
				return 1;
		}
		s += n ? n : 1;
	}
	return 0;
}

/* whether read names an item under code better than std does, with more
 * of its characters in order: then the code lost its lower levels ("301"
 * beside 基本工资 for 30101, its 款 read into the label), and the label
 * is not this code's */
static int names_child(const gk_rules *rules, const char *code, const char *read, int common)
{
	int n;
	size_t cl = strlen(code);
	const gk_rule *const *rs = gk_rules_of(rules, "name", &n);
	for (int i = 0; i < n; i++) {
		if (strlen(rs[i]->name) <= cl || strncmp(rs[i]->name, code, cl))
			continue;
		likeness o = compare(read, rs[i]->pattern);
		if (o.common >= 2 && o.common > common)
			return 1;
	}
	return 0;
}

/* what is known of a label to judge */
typedef struct reading {
	const char *code, *read, *std;
	float conf; /* the label's OCR confidence, -1: unknown */
	int leaf;   /* its code is of the table's deepest level */
} reading;

/* Is `read` the name `std` less one character inside it, its first and
 * last characters the name's? */
static int lacks_one_inside(const char *read, const char *std)
{
	unsigned a[MAXCP], b[MAXCP];
	int n = codepoints(read, a), m = codepoints(std, b);
	if (n < 2 || n != m - 1 || a[0] != b[0] || a[n - 1] != b[m - 1])
		return 0;
	return gk_cp_lcs(a, n, b, m) == n;
}

/* whether a label was misread */
static int misread(const gk_rules *rules, const reading *g)
{
	/* garbage (no Chinese at all, or read unsurely) beside a code shorter
	 * than the table's own may be a lost part of that code, and name an
	 * item under it: only a likeness to the name then tells */
	if (!gk_has_cjk(g->read))
		return g->leaf;
	/* a code of the next column glued on: the columns are to be put
	 * right first, not the name */
	if (glued_code(rules, g->read))
		return 0;
	/* the name printed without its bracketed part: the document's own */
	char a[512], b[512];
	gk_ocr_squeeze(g->read, a, sizeof a);
	unbracket(g->std, b, sizeof b);
	if (!strcmp(a, b))
		return 0;
	likeness lk = compare(g->read, g->std);
	if (names_child(rules, g->code, g->read, lk.common))
		return 0;
	/* a reading cut short: three characters or more, all in the name;
	 * not one read surely that lacks one character inside the name, its
	 * ends the name's: the document's own wording (对个人和家庭补助,
	 * 机关事业单位基本养老保险费), where OCR cuts at an end */
	if (lk.n >= 3 && lk.held >= 1.0)
		return !(g->conf >= HIGH_CONF && lacks_one_inside(g->read, g->std));
	/* one character of four or more read as another (言访事务 for 信访
	 * 事务, 离退体 for 离退休): Tesseract is as sure of those as of the
	 * rest; a document's own wording differs by words, not by one */
	if (lk.n >= 4 && lk.n == lk.m && lk.common == lk.n - 1)
		return 1;
	if (g->conf >= HIGH_CONF)
		return 0;
	if (g->conf >= 0 && g->conf < LOW_CONF && g->leaf)
		return 1;
	return lk.share >= 0.5;
}

/* the length of the table's deepest codes in column cc: the longest that
 * two rows have (one code read a digit too long does not make the rest
 * parents), or the longest */
static int deepest_level(const gk_table *t, int cc)
{
	int count[16] = {0}, longest = 0;
	for (int i = 0; i < t->nrow; i++) {
		char d[16];
		int n = gk_code_digits(t->rows[i][cc], d, sizeof d);
		count[n]++;
		if (n > longest)
			longest = n;
	}
	for (int n = 15; n > 0; n--)
		if (count[n] >= 2)
			return n;
	return longest;
}

static void fix_column(gk_result *r, gk_table *t, const gk_doc *doc, const gk_rules *rules, const char *code,
                       const char *label)
{
	int cc = gk_table_col(t, code), lc = gk_table_col(t, label);
	if (cc < 0 || lc < 0)
		return;
	int deepest = deepest_level(t, cc);
	for (int i = 0; i < t->nrow; i++) {
		char d[16];
		int len = gk_code_digits(t->rows[i][cc], d, sizeof d);
		if (len == 0)
			continue;
		const gk_rule *nr = name_rule(rules, d);
		if (!nr)
			continue;
		const char *std = nr->pattern, *read = t->rows[i][lc];
		if (!strcmp(read, std))
			continue;
		float cf = label_conf(doc, t, i, read);
		reading g = {d, read, std, cf, len >= deepest};
		if (!misread(rules, &g))
			continue;
		char *old = gk_strdup(read);
		gk_table_set(t, i, lc, std);
		char row[64], found[600];
		snprintf(row, sizeof row, "%s/%s", d, label);
		gk_ocr_with_conf(old, cf, found, sizeof found);
		gk_result_add_check(r, t->id, "ocr:label", row, std, found, "corrected");
		free(old);
	}
}

/* The figure of cell (i, c) in millionths; 0 when blank or not one. */
static int figure_of(const gk_table *t, int i, int c, long long *v)
{
	int dec;
	*v = 0;
	return c >= 0 && gk_chk_parse(t->rows[i][c], v, &dec) == 1;
}

/* The 合计 row of a function table read over a label that overflowed
 * into it: an Excel printout's unit name wrapped over three lines and
 * centred on its own row prints over the 合计 above it, and OCR reads
 * the two as one garbled word ("策恋市政务服": 合计 under 新乡市政务服).
 * The table's first row, with no code of either kind, whose label OCR
 * read without confidence (under 60) and whose total is the sum of the
 * totals of the rows of the shortest codes (two or more), is the 合计
 * row: its label becomes 合计, an `ocr:label` check keeps what was read.
 * A label read with confidence (a department's name row) stays, unless
 * it is a part of 合计 (合 alone: its 计 lost).  A 收入
 * 表 by units (revenue_by_unit) is read the same by its unit codes and
 * names; its department often has one unit (新乡 p.8: 合计 over 118, one
 * unit row of the shortest code suffices). */
/* The sum of column tc over the rows (but row `skip`) of the shortest
 * code in column cc, in *sum: returns how many rows. */
static int top_sum(const gk_table *t, int cc, int tc, int skip, long long *sum)
{
	char d[16];
	long long v;
	int shortest = 99, n = 0;
	for (int i = 0; i < t->nrow; i++) {
		int len = i == skip ? 0 : gk_code_digits(t->rows[i][cc], d, sizeof d);
		if (len > 0 && len < shortest)
			shortest = len;
	}
	*sum = 0;
	for (int i = 0; i < t->nrow; i++)
		if (i != skip && gk_code_digits(t->rows[i][cc], d, sizeof d) == shortest && figure_of(t, i, tc, &v))
			*sum += v, n++;
	return n;
}

/* Is s a part of 合计 or 总计 (合 alone, or 合： with its colon: OCR lost
 * the other character of a 合 计 printed wide apart, 上海信访)? */
static int total_part(const char *s)
{
	char a[64];
	gk_ocr_squeeze(s, a, sizeof a);
	size_t n = strlen(a);
	if (n >= 3 && (!strcmp(a + n - 3, "：") || !strcmp(a + n - 3, "，")))
		a[n - 3] = 0;
	else if (n >= 1 && (a[n - 1] == ':' || a[n - 1] == ','))
		a[n - 1] = 0;
	return !strcmp(a, "合") || !strcmp(a, "计") || !strcmp(a, "总");
}

/* Row i of t is the 合计 row read over (see above): put right. */
static int fix_total_at(gk_result *r, gk_table *t, const gk_doc *doc, int i, int cc, int uc, int lc, int tc,
                        int min_rows)
{
	char d[16];
	if (gk_code_digits(t->rows[i][cc], d, sizeof d) || (uc >= 0 && gk_code_digits(t->rows[i][uc], d, sizeof d)))
		return 0;
	const char *read = t->rows[i][lc];
	if (!*read || strstr(read, "合计") || strstr(read, "总计"))
		return 0;
	float cf = label_conf(doc, t, i, read);
	long long whole, sum = 0;
	/* the first row read unsurely; the first or last row read as a part
	 * of 合计 (上海 prints its 合计 last) */
	int part = cf >= 0 && total_part(read);
	if (!((i == 0 && cf >= 0 && cf < 60) || part) || !figure_of(t, i, tc, &whole))
		return 0;
	int n = top_sum(t, cc, tc, i, &sum);
	if (n < min_rows || sum != whole) {
		/* else the rows of the shortest codes of the other kind: the
		 * department's one unit row over function rows one of whose
		 * codes OCR cut short */
		if (uc < 0 || top_sum(t, uc, tc, i, &sum) < 1 || sum != whole)
			return 0;
	}
	char found[600];
	snprintf(found, sizeof found, "%s (confidence %.0f)", read, cf);
	gk_table_set(t, i, lc, "合计");
	gk_result_add_check(r, t->id, "ocr:label", "合计", "合计", found, "corrected");
	return 1;
}

static void fix_total_row(gk_result *r, gk_table *t, const gk_doc *doc, const char *code, const char *other,
                          const char *label, int min_rows)
{
	int cc = gk_table_col(t, code), uc = gk_table_col(t, other), lc = gk_table_col(t, label),
	    tc = gk_table_col(t, "total");
	if (cc < 0 || lc < 0 || tc < 0 || t->nrow < 3)
		return;
	if (!fix_total_at(r, t, doc, 0, cc, uc, lc, tc, min_rows))
		fix_total_at(r, t, doc, t->nrow - 1, cc, uc, lc, tc, min_rows);
}

/* ---- the function classes of a summary's 支出 side ------------------- */

#define MAXCLS 64

typedef gk_clsum clsum;

/* The total of each function class (2xx) of function table t: its own
 * row's, else the sum of its rows of the shortest code.  A class prints
 * one row of its own: where its code alone stands on several rows, they
 * are rows of a lower level whose code OCR cut short (新乡's 210 on three
 * 项 rows), summed with the class's rows of its deepest code.  Returns
 * how many classes (cs[] filled). */
int gk_ocr_class_sums(const gk_table *t, gk_clsum *cs, int max)
{
	int cc = gk_table_col(t, "func_code"), tc = gk_table_col(t, "total"), n = 0;
	if (cc < 0 || tc < 0)
		return 0;
	int own[MAXCLS] = {0}, deep[MAXCLS] = {0};
	long long ownv[MAXCLS] = {0}, deepv[MAXCLS] = {0};
	for (int i = 0; i < t->nrow; i++) {
		char d[16];
		long long v;
		int len = gk_code_digits(t->rows[i][cc], d, sizeof d);
		if (len < 3 || d[0] != '2' || !figure_of(t, i, tc, &v))
			continue;
		int k = 0;
		while (k < n && strncmp(cs[k].code, d, 3))
			k++;
		if (k == n) {
			if (n == max)
				continue;
			memcpy(cs[n].code, d, 3);
			cs[n].code[3] = 0;
			cs[n].len = len, cs[n].v = 0;
			n++;
		}
		if (len < cs[k].len)
			cs[k].len = len, cs[k].v = 0;
		if (len == cs[k].len)
			cs[k].v += v;
		if (len == 3)
			own[k]++, ownv[k] += v;
		else if (len > deep[k])
			deep[k] = len, deepv[k] = v;
		else if (len == deep[k])
			deepv[k] += v;
	}
	for (int k = 0; k < n; k++)
		if (own[k] > 1 && deep[k] > 0)
			cs[k].v = ownv[k] + deepv[k];
	return n;
}

/* label after its ordinal or 其中： (up to the last 、 ) ） : ：) */
static const char *past_ordinal(const char *s)
{
	static const char *const marks[] = {"、", ")", "）", ":", "：", NULL};
	const char *at = s;
	for (const char *const *m = marks; *m; m++)
		for (const char *p = strstr(s, *m); p; p = strstr(p + 1, *m))
			if (p + strlen(*m) > at)
				at = p + strlen(*m);
	return at;
}

/* Does the summary's 支出 side print the classes' names whole (一般公共
 * 服务支出: 1) or without their 支出 (一般公共服务: 0)?  By the labels read
 * that are one or the other; -1 when none is. */
static int long_names(const gk_table *t, int sc, int ic, const gk_rules *rules)
{
	int n, vote_long = 0, vote_short = 0;
	const gk_rule *const *rs = gk_rules_of(rules, "name", &n);
	for (int i = 0; i < t->nrow; i++) {
		if (strcmp(t->rows[i][sc], "支出"))
			continue;
		const char *lab = past_ordinal(t->rows[i][ic]);
		for (int k = 0; k < n; k++) {
			const char *nm = rs[k]->pattern;
			size_t ln = strlen(nm), ls = strlen(lab);
			if (strlen(rs[k]->name) != 3 || ln <= 6 || strcmp(nm + ln - 6, "支出"))
				continue;
			if (!strcmp(lab, nm))
				vote_long++;
			else if (ls == ln - 6 && !strncmp(lab, nm, ls))
				vote_short++;
		}
	}
	return vote_long > vote_short ? 1 : vote_short > vote_long ? 0 : -1;
}

/* The 支出 side of a summary (收支总表, 财政拨款收支总表) read by OCR
 * from an Excel printout whose labels wrapped and printed over the next
 * row's: a row whose label OCR read without confidence (under 60), whose
 * figure is the total of one function class in the document's function
 * tables (部门支出表, 一般公共预算支出表) and of no other, the only row so,
 * is that class's row: its label becomes the class's standard name, with
 * or without its 支出 as the side's labels read print them (left as read
 * when none says).  An `ocr:label` check keeps the reading. */
static void fix_summary_classes(gk_result *r, gk_table *t, const gk_doc *doc, const gk_rules *rules)
{
	int sc = gk_table_col(t, "side"), ic = gk_table_col(t, "item");
	if (sc < 0 || ic < 0 || !rules)
		return;
	clsum cs[2][MAXCLS];
	int ncs[2] = {0, 0};
	static const char *const funcs[] = {"expenditure_by_function", "general_budget_expenditure"};
	for (int f = 0; f < 2; f++) {
		const gk_table *ft = gk_result_find(r, funcs[f]);
		ncs[f] = ft ? gk_ocr_class_sums(ft, cs[f], MAXCLS) : 0;
	}
	int form = long_names(t, sc, ic, rules);
	if (form < 0)
		return;
	int *cls = gk_calloc((size_t)(t->nrow ? t->nrow : 1), sizeof *cls);
	for (int i = 0; i < t->nrow; i++) {
		cls[i] = -1;
		const char *read = t->rows[i][ic];
		if (strcmp(t->rows[i][sc], "支出") || strstr(read, "合计") || strstr(read, "总计"))
			continue;
		float cf = label_conf(doc, t, i, read);
		if (cf < 0 || cf >= 60)
			continue;
		int code = -1, many = 0;
		for (int j = 0; j < t->cols.n; j++) {
			long long v;
			if (j == sc || j == ic || !figure_of(t, i, j, &v) || v == 0)
				continue;
			for (int f = 0; f < 2; f++)
				for (int k = 0; k < ncs[f]; k++)
					if (cs[f][k].v == v) {
						int c = atoi(cs[f][k].code);
						many |= code >= 0 && code != c;
						code = c;
					}
		}
		if (!many)
			cls[i] = code;
	}
	for (int i = 0; i < t->nrow; i++) {
		if (cls[i] < 0)
			continue;
		int alone = 1;
		for (int j = 0; j < t->nrow; j++)
			alone &= j == i || cls[j] != cls[i];
		char code[16];
		snprintf(code, sizeof code, "%d", cls[i]);
		const gk_rule *nr = name_rule(rules, code);
		if (!alone || !nr)
			continue;
		char name[256], found[600];
		snprintf(name, sizeof name, "%s", nr->pattern);
		size_t ln = strlen(name);
		if (!form && ln > 6 && !strcmp(name + ln - 6, "支出"))
			name[ln - 6] = 0;
		snprintf(found, sizeof found, "%s (confidence %.0f)", t->rows[i][ic], label_conf(doc, t, i, t->rows[i][ic]));
		char row[64];
		snprintf(row, sizeof row, "支出/%s", code);
		gk_result_add_check(r, t->id, "ocr:label", row, name, found, "corrected");
		gk_table_set(t, i, ic, name);
	}
	free(cls);
}

/* Does read end with the department's last six characters or more
 * (大数据管理局 of 新乡市政务服务和大数据管理局), the rest of it no
 * longer than the department's head: its head garbled where the cell's
 * wrapped lines were printed over one another (殊秃大数据管理局)? */
static int dept_tail(const char *read, const unsigned *dcp, int dn)
{
	unsigned rcp[64];
	int rn = gk_codepoints(read, rcp, 64);
	if (rn < 6 || rn > dn || rn >= 64)
		return 0;
	int same = 0;
	while (same < rn && rcp[rn - 1 - same] == dcp[dn - 1 - same])
		same++;
	return same >= 6;
}

/* The longest head of five characters or more that two units' names
 * or more of t start with (the department's name its units are named
 * after, where the pages carry no department: 泉州市公安局), NULL when
 * none does.  Newly allocated. */
static char *shared_head(const gk_table *t, int uc)
{
	char *best = NULL;
	int bn = 0;
	for (int i = 0; i < t->nrow; i++) {
		unsigned a[64];
		int an = gk_codepoints(t->rows[i][uc], a, 64);
		if (an >= 64)
			continue;
		for (int j = i + 1; j < t->nrow; j++) {
			unsigned b[64];
			int m = gk_codepoints(t->rows[j][uc], b, 64), k = 0;
			while (k < an && k < m && m < 64 && a[k] == b[k])
				k++;
			if (k < 5 || k <= bn)
				continue;
			/* (the bytes of those k characters) */
			const char *e = t->rows[i][uc];
			for (int q = 0; q < k; q++) {
				unsigned c;
				e += gk_utf8_next((const unsigned char *)e, strlen(e), &c);
			}
			free(best);
			best = gk_strndup(t->rows[i][uc], (size_t)(e - t->rows[i][uc]));
			bn = k;
		}
	}
	return best;
}

/* Do more of t's unit names start with head than with a head one
 * character off it (泉州市公安局 five times, 果州市公安局 twice)? */
static int head_holds(const gk_table *t, int uc, const char *head)
{
	unsigned h[64];
	int hn = gk_codepoints(head, h, 64), exact = 0, near = 0;
	for (int i = 0; hn > 0 && hn < 64 && i < t->nrow; i++) {
		unsigned a[64];
		int an = gk_codepoints(t->rows[i][uc], a, 64), diff = 0;
		if (an < hn || an >= 64)
			continue;
		for (int k = 0; k < hn; k++)
			diff += a[k] != h[k];
		exact += diff == 0;
		near += diff == 1;
	}
	return exact > near;
}

/* A unit under the department named after it (泉州市公安局天湖山分局
 * under 泉州市公安局) whose head OCR misread by one character (果州市公安局
 * 天湖山分局), unsurely, in a table where another unit's name starts with
 * the department's name as printed: its head is the department's name.
 * A unit's name is a row key: a misread one loses the row. */
static void fix_unit_heads(gk_result *r, gk_table *t, const gk_doc *doc, int uc, const char *dept,
                           const unsigned *dcp, int dn)
{
	int anchored = 0;
	for (int i = 0; i < t->nrow && !anchored; i++)
		anchored = strlen(t->rows[i][uc]) > strlen(dept) && !strncmp(t->rows[i][uc], dept, strlen(dept));
	if (!anchored)
		return;
	for (int i = 0; i < t->nrow; i++) {
		const char *read = t->rows[i][uc];
		unsigned rcp[64];
		int rn = gk_codepoints(read, rcp, 64), diff = 0;
		if (rn <= dn + 1 || rn >= 64)
			continue;
		for (int k = 0; k < dn; k++)
			diff += rcp[k] != dcp[k];
		if (diff != 1)
			continue;
		float cf = label_conf(doc, t, i, read);
		if (cf < 0 || cf >= HIGH_CONF)
			continue;
		/* the bytes of read past its first dn characters */
		const char *tail = read;
		for (int k = 0; k < dn; k++) {
			unsigned c;
			tail += gk_utf8_next((const unsigned char *)tail, strlen(tail), &c);
		}
		char *old = gk_strdup(read), *now = gk_strfmt("%s%s", dept, tail);
		gk_table_set(t, i, uc, now);
		char found[600];
		snprintf(found, sizeof found, "%s (confidence %.0f)", old, cf);
		gk_result_add_check(r, t->id, "ocr:label", "unit_name", now, found, "corrected");
		free(old);
		free(now);
	}
}

/* A unit's name OCR misread by a character or two (登圣市… or 和登封市…
 * for 登封市…) is the department's, when the department's name is long
 * enough that one or two characters cannot make another unit's (eight
 * and more; two edits from twelve on) and OCR was not sure of it.  A
 * unit's name is a row key: a misread one loses the row. */
static void fix_unit_names(gk_result *r, gk_table *t, const gk_doc *doc)
{
	int uc = gk_table_col(t, "unit_name");
	const char *dept = gk_result_meta(r, "department");
	unsigned cp[64];
	int n = dept ? gk_codepoints(dept, cp, 64) : -1;
	if (uc >= 0) {
		/* a department's name no unit of t starts with (misread itself:
		 * 凡州市公安局) yields to the head the units share */
		int named = 0;
		for (int i = 0; n >= 5 && i < t->nrow && !named; i++)
			named = strlen(t->rows[i][uc]) > strlen(dept) && !strncmp(t->rows[i][uc], dept, strlen(dept));
		char *head = named ? gk_strdup(dept) : shared_head(t, uc);
		if (!named && n >= 5 && head && !head_holds(t, uc, head)) {
			free(head);
			head = NULL;
		}
		unsigned hcp[64];
		int hn = head ? gk_codepoints(head, hcp, 64) : -1;
		if (hn >= 5 && hn < 64)
			fix_unit_heads(r, t, doc, uc, head, hcp, hn);
		free(head);
	}
	if (uc < 0 || n < 8)
		return;
	int allowed = n >= 12 ? 2 : 1;
	for (int i = 0; i < t->nrow; i++) {
		const char *read = t->rows[i][uc];
		if (!*read || !strcmp(read, dept) ||
		    (gk_codepoint_edits(read, dept, allowed) > allowed && !dept_tail(read, cp, n)))
			continue;
		float cf = label_conf(doc, t, i, read);
		if (cf < 0 || cf >= HIGH_CONF)
			continue;
		char *old = gk_strdup(read);
		gk_table_set(t, i, uc, dept);
		char found[600];
		snprintf(found, sizeof found, "%s (confidence %.0f)", old, cf);
		gk_result_add_check(r, t->id, "ocr:label", "unit_name", dept, found, "corrected");
		free(old);
	}
}

/* Is row i the department's own row: another row's unit code extends
 * its code (118 over 118001: its units are printed under it), or its
 * code is a department's three digits and no other row has a unit code
 * as short (the one unit row over the function rows)? */
static int parent_unit_row(const gk_table *t, int i, int cc)
{
	char d[16], e[16];
	int n = gk_code_digits(t->rows[i][cc], d, sizeof d), alone = n == 3;
	if (n < 3)
		return 0;
	for (int j = 0; j < t->nrow; j++) {
		int m = j == i ? 0 : gk_code_digits(t->rows[j][cc], e, sizeof e);
		if (m > n && !strncmp(d, e, (size_t)n))
			return 1;
		alone &= m == 0 || m > n;
	}
	return alone;
}

/* Is s a piece of dept of four characters or more (the part of a
 * wrapped cell that stayed in its row: 务和大数据管)? */
static int dept_piece(const char *s, const char *dept)
{
	unsigned a[64];
	int n = gk_codepoints(s, a, 64);
	return n >= 4 && n < 64 && strstr(dept, s) != NULL;
}

/* The name of the department's own row (its code the head of the unit
 * codes below it) OCR read as a piece of the department's name (a cell
 * wrapped over the rows around it), or read without confidence where
 * another cell's text ran over it, is the department's name. */
static void fix_dept_row(gk_result *r, gk_table *t, const gk_doc *doc, const char *label)
{
	int cc = gk_table_col(t, "unit_code"), lc = gk_table_col(t, label);
	const char *dept = gk_result_meta(r, "department");
	unsigned cp[64];
	if (cc < 0 || lc < 0 || !dept || gk_codepoints(dept, cp, 64) < 6)
		return;
	for (int i = 0; i < t->nrow; i++) {
		const char *read = t->rows[i][lc];
		if (!*read || !strcmp(read, dept) || !parent_unit_row(t, i, cc))
			continue;
		float cf = label_conf(doc, t, i, read);
		if (!dept_piece(read, dept) && (cf < 0 || cf >= 30))
			continue;
		char *old = gk_strdup(read);
		gk_table_set(t, i, lc, dept);
		char found[600];
		snprintf(found, sizeof found, "%s (confidence %.0f)", old, cf);
		gk_result_add_check(r, t->id, "ocr:label", t->rows[i][cc], dept, found, "corrected");
		free(old);
	}
}

/* Is cp one of the characters OCR makes of a class's ordinal (十一、
 * read 上, 十二、 read 上二): 1 a Chinese numeral, 2 上 土 干 千, 0 not. */
static int ordinal_char(unsigned cp)
{
	static const char *const chars = "一二三四五六七八九十上土干千";
	int n = 0;
	const unsigned char *p = (const unsigned char *)chars;
	size_t len = strlen(chars);
	for (size_t at = 0; at < len;) {
		unsigned c;
		int k = gk_utf8_next(p + at, len - at, &c);
		if (k <= 0)
			break;
		if (c == cp)
			return n < 10 ? 1 : 2;
		at += (size_t)k, n++;
	}
	return 0;
}

/* The 支出 side of an OCR'd summary whose label is a class's standard
 * name (rules `name`, three digits; with or without its 支出) after one to
 * three characters of a misread ordinal, its 、 read or lost (上二、农林水
 * 支出 and 上节能环保支出 for 十二、农林水支出 and 十一、节能环保支出): the
 * label is the name.  An `ocr:label` check keeps
 * the reading. */
static void fix_summary_ordinals(gk_result *r, gk_table *t, const gk_doc *doc, const gk_rules *rules)
{
	int sc = gk_table_col(t, "side"), ic = gk_table_col(t, "item"), n;
	if (sc < 0 || ic < 0 || !rules)
		return;
	const gk_rule *const *rs = gk_rules_of(rules, "name", &n);
	for (int i = 0; i < t->nrow; i++) {
		const char *read = t->rows[i][ic];
		if (strcmp(t->rows[i][sc], "支出"))
			continue;
		size_t lr = strlen(read);
		const char *best = NULL;
		size_t bl = 0;
		for (int k = 0; k < n; k++) {
			const char *nm = rs[k]->pattern;
			size_t ln = strlen(nm);
			if (strlen(rs[k]->name) != 3)
				continue;
			for (int form = 0; form < 2; form++) {
				size_t l = form ? ln : (ln > 6 && !strcmp(nm + ln - 6, "支出") ? ln - 6 : 0);
				if (!l || l >= lr || strncmp(read + lr - l, nm, l) || l <= bl)
					continue;
				/* the characters before it: an ordinal's */
				unsigned cp[8];
				char *head = gk_strndup(read, lr - l);
				int hn = gk_codepoints(head, cp, 8), ok = hn >= 1 && hn <= 4, nord = 0, marked = 0, odd = 0;
				for (int q = 0; q < hn && ok; q++) {
					int mark = cp[q] == 0x3001 || cp[q] == 0xFF0C || cp[q] == ',' || cp[q] == '.';
					ok = ordinal_char(cp[q]) || (mark && q == hn - 1);
					nord += !mark, marked |= mark;
					odd |= !mark && ordinal_char(cp[q]) > 1;
				}
				/* (an ordinal read whole, 十二、, is the page's own) */
				ok &= nord >= 1 && nord <= 3 && (odd || !marked);
				free(head);
				if (ok)
					best = nm, bl = l;
			}
		}
		if (!best)
			continue;
		char name[256], found[600];
		snprintf(name, sizeof name, "%.*s", (int)bl, read + lr - bl);
		snprintf(found, sizeof found, "%s (confidence %.0f)", read, label_conf(doc, t, i, read));
		gk_result_add_check(r, t->id, "ocr:label", "支出", name, found, "corrected");
		gk_table_set(t, i, ic, name);
	}
}

void gk_ocr_fix_summary(gk_result *r, gk_table *t, const gk_doc *doc, const gk_rules *rules)
{
	if (!strcmp(t->id, "revenue_expenditure_summary") || !strcmp(t->id, "fiscal_appropriation_summary")) {
		fix_summary_classes(r, t, doc, rules);
		fix_summary_ordinals(r, t, doc, rules);
	}
}

/* Words OCR misreads alike in every print of them (rules `ocr-word`: a
 * pattern of the misreading, the word as its name: 预答 for 预警), put
 * right in the names of an OCR'd table; an `ocr:label` check keeps the
 * reading. */
static void fix_words(gk_result *r, gk_table *t, const gk_doc *doc, const gk_rules *rules)
{
	static const char *const cols[] = {"project_name", "unit_name", "name", "econ_name", "gov_econ_name",
	                                   "func_name", "item", NULL};
	int nw;
	const gk_rule *const *ws = rules ? gk_rules_of(rules, "ocr-word", &nw) : NULL;
	if (!ws || !nw)
		return;
	for (int k = 0; cols[k]; k++) {
		int c = gk_table_col(t, cols[k]);
		for (int i = 0; c >= 0 && i < t->nrow; i++) {
			const char *read = t->rows[i][c];
			gk_buf b = {0};
			size_t at = 0, len = strlen(read);
			int changed = 0;
			while (at < len) {
				size_t ov[2], best = len, bend = len;
				const gk_rule *bw = NULL;
				for (int q = 0; q < nw; q++)
					if (gk_rule_match(ws[q], read + at, len - at, ov) && ov[1] > ov[0] && at + ov[0] < best)
						best = at + ov[0], bend = at + ov[1], bw = ws[q];
				if (!bw)
					break;
				gk_buf_add(&b, read + at, best - at);
				gk_buf_adds(&b, bw->name);
				at = bend;
				changed = 1;
			}
			if (!changed) {
				gk_buf_drop(&b);
				continue;
			}
			gk_buf_add(&b, read + at, len - at);
			float cf = label_conf(doc, t, i, read);
			char found[600], row[64];
			gk_ocr_with_conf(read, cf, found, sizeof found);
			snprintf(row, sizeof row, "%d/%s", i + 1, cols[k]);
			char *now = gk_buf_take(&b);
			gk_table_set(t, i, c, now);
			gk_result_add_check(r, t->id, "ocr:label", row, now, found, "corrected");
			gk_result_check_at(r, t, i);
			free(now);
		}
	}
}

void gk_ocr_fix_labels(gk_result *r, gk_table *t, const gk_doc *doc, const gk_rules *rules)
{
	fix_words(r, t, doc, rules);
	if (!strcmp(t->id, "revenue_by_unit"))
		fix_total_row(r, t, doc, "unit_code", "func_code", "unit_name", 1);
	else
		fix_total_row(r, t, doc, "func_code", "unit_code", "name", 2);
	fix_unit_names(r, t, doc);
	fix_dept_row(r, t, doc, !strcmp(t->id, "revenue_by_unit") ? "unit_name" : "name");
	fix_column(r, t, doc, rules, "func_code", "name");
	fix_column(r, t, doc, rules, "func_code", "func_name"); /* (收入表: a row of a function) */
	fix_column(r, t, doc, rules, "econ_code", "econ_name");
	fix_column(r, t, doc, rules, "gov_econ_code", "gov_econ_name");
}
