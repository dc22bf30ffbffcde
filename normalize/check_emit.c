/*
 * check_emit.c - how a check is written: its status, the one line that
 * says what contradicts what (checks.csv `detail`: both figures, the
 * table, row, column and page, or the narrative's words) and the doubts
 * about the reading that make a failed comparison `unsure` rather than
 * `fail`.
 *
 * A `fail` is meant to be a contradiction on the page.  A comparison that
 * fails where gongkai's own reading is in doubt is written `unsure`, with
 * the reason at the end of `detail`.  The doubts:
 *
 *  - the table's header was not understood: a column kept as x_ whose
 *    name is made of label words (科目, 编码, 名称, 类/款/项) carries
 *    figures, so the columns were cut in the wrong places;
 *  - a summary row whose label holds several lines' labels (two ordinals,
 *    two totals, 年初 and 年末): the lines were merged and their figures
 *    may belong to other rows;
 *  - a code read on two rows of a coded table, or several 合计 rows
 *    (side-by-side blocks read as one);
 *  - a row the column solver could not settle (`ambiguous`), for that row
 *    and for the column sums of its table;
 *  - a row identity that fails while the row carries a figure in a column
 *    kept as x_ (a column the reader did not map);
 *  - a gap (ten units of the last printed decimal or more) that equals a
 *    figure printed in the row concerned (a row identity), or a column
 *    sum too large by a figure of that column or of a row's 合计: a cell
 *    read into the wrong place, a row read twice;
 *  - a row identity whose row's printed line carries an amount the reader
 *    did not put in the row;
 *  - two amount columns with the same figures on every row (one column
 *    read twice);
 *  - a table the narrative shows misread (its stated 三公 parts sit in
 *    other columns of the table: doubt_table, from check_narrative.c);
 *  - two figures that differ by more than half of the larger (rows or
 *    columns missed or misplaced, not a printing error), or one twice the
 *    other (a table of units and their classes without codes sums to
 *    twice its total: rows counted twice);
 *  - a check that fails on at least three rows and on at least half of the
 *    rows of its table where it could be computed (systematic_doubts): a
 *    column misread, not a printing error.
 *
 * Entry points: emit_finding, emit_note, row_name, col_name, where_str,
 * table_doubt, systematic_doubts, quote_at (chk.h).
 */
#include "chk.h"
#include "ocrfix.h"

#include <stdlib.h>
#include <string.h>

/* ---- names -------------------------------------------------------------- */

const char *col_name(const char *key)
{
	static const char *const names[][2] = {
		{"total", "合计"},
		{"amount", "金额"},
		{"basic_total", "基本支出"},
		{"basic_personnel", "人员经费"},
		{"basic_public", "公用经费"},
		{"basic_wages", "工资福利支出"},
		{"basic_family_subsidy", "对个人和家庭的补助"},
		{"basic_goods_services", "商品和服务支出"},
		{"basic_capital", "资本性支出"},
		{"project_total", "项目支出"},
		{"project_operating", "其他运转类项目"},
		{"project_specific", "特定目标类项目"},
		{"personnel", "人员经费"},
		{"public", "公用经费"},
		{"current_total", "本年收入合计"},
		{"general_budget", "一般公共预算"},
		{"general_budget_appropriation", "一般公共预算财政拨款"},
		{"government_fund", "政府性基金"},
		{"state_capital", "国有资本经营"},
		{"special_account", "财政专户"},
		{"business_income", "事业收入"},
		{"operating_income", "经营收入"},
		{"superior_subsidy", "上级补助收入"},
		{"affiliated_remit", "附属单位上缴收入"},
		{"other_income", "其他收入"},
		{"unit_funds", "单位资金"},
		{"carryover", "上年结转"},
		{"carryover_total", "上年结转"},
		{"carryover_general_budget", "上年结转一般公共预算"},
		{"carryover_government_fund", "上年结转政府性基金"},
		{"carryover_state_capital", "上年结转国有资本经营"},
		{"carryover_special_account", "上年结转财政专户"},
		{"carryover_unit_funds", "上年结转单位资金"},
		{"overseas_travel", "因公出国（境）费"},
		{"vehicle_total", "公务用车购置及运行费"},
		{"vehicle_purchase", "公务用车购置费"},
		{"vehicle_operation", "公务用车运行费"},
		{"reception", "公务接待费"},
	};
	if (!key)
		return "";
	if (starts_with(key, "x_"))
		return key + 2;
	for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
		if (!strcmp(names[k][0], key))
			return names[k][1];
	return key;
}

static void cat(char *out, size_t n, const char *s)
{
	size_t l = strlen(out);
	if (l + 1 < n)
		snprintf(out + l, n - l, "%s", s);
}

/* at most max code points of s, "…" when cut */
static void clip(const char *s, int max, char *out, size_t n)
{
	const char *p = s;
	int k = 0;
	while (*p && k < max) {
		do
			p++;
		while ((*p & 0xC0) == 0x80);
		k++;
	}
	size_t len = (size_t)(p - s);
	if (len + 4 > n)
		len = n > 4 ? n - 4 : 0;
	while (len && (s[len] & 0xC0) == 0x80)
		len--;
	memcpy(out, s, len);
	out[len] = 0;
	if (*p)
		cat(out, n, "…");
}

void row_name(const gk_table *t, int i, char *out, size_t n)
{
	static const char *const codes[] = {"func_code", "econ_code", "gov_econ_code", "unit_code",
	                                    "project_type", NULL};
	static const char *const names[] = {"item",      "name",          "econ_name", "gov_econ_name",
	                                    "func_name", "project_name", "unit_name", NULL};
	out[0] = 0;
	if (!t || i < 0 || i >= t->nrow)
		return;
	char buf[512] = "";
	for (int k = 0; codes[k]; k++)
		if (gk_table_col(t, codes[k]) >= 0 && printed(t, i, codes[k])) {
			cat(buf, sizeof buf, cell(t, i, codes[k]));
			break;
		}
	if (!buf[0] && gk_table_col(t, "class") >= 0 && printed(t, i, "class")) {
		cat(buf, sizeof buf, cell(t, i, "class"));
		cat(buf, sizeof buf, cell(t, i, "item"));
		cat(buf, sizeof buf, cell(t, i, "subitem"));
	}
	for (int k = 0; names[k]; k++) {
		if (gk_table_col(t, names[k]) < 0 || !printed(t, i, names[k]))
			continue;
		if (!strcmp(names[k], "item") && gk_table_col(t, "side") < 0)
			continue; /* a function table's 款 column */
		if (buf[0])
			cat(buf, sizeof buf, " ");
		char c[200];
		clip(cell(t, i, names[k]), 24, c, sizeof c);
		cat(buf, sizeof buf, c);
		break;
	}
	if (!buf[0])
		snprintf(buf, sizeof buf, "#%d", i + 1);
	snprintf(out, n, "%s", buf);
}

/* the last page a table may run to: before the next table's title page */
static int last_page(const gk_result *r, const gk_table *t)
{
	int next = 0;
	for (int i = 0; r && i < r->ntable; i++) {
		int p = r->tables[i]->page;
		if (p > t->page && (!next || p < next))
			next = p;
	}
	return next > t->page + 1 ? next - 1 : t->page;
}

void where_str(const gk_result *r, const gk_table *t, int row, const char *col, char *out, size_t n)
{
	char title[200], rn[600];
	out[0] = 0;
	if (!t)
		return;
	clip(t->title && *t->title ? t->title : t->id, 30, title, sizeof title);
	cat(out, n, title);
	if (t->page > 0) {
		char p[32];
		int lp = last_page(r, t);
		if (lp > t->page)
			snprintf(p, sizeof p, " p.%d-%d", t->page, lp);
		else
			snprintf(p, sizeof p, " p.%d", t->page);
		cat(out, n, p);
	}
	if (row >= 0) {
		row_name(t, row, rn, sizeof rn);
		cat(out, n, ", row ");
		cat(out, n, rn);
	}
	if (col && *col) {
		cat(out, n, ", ");
		cat(out, n, col_name(col));
	}
}

void quote_at(const char *text, size_t off, char *out, size_t n)
{
	size_t len = strlen(text);
	if (off > len)
		off = len;
	size_t a = off, b = off;
	int k = 0;
	while (a > 0 && k < 40) {
		size_t p = a - 1;
		while (p > 0 && (text[p] & 0xC0) == 0x80)
			p--;
		if (text[p] == '\n' || starts_with(text + p, "。") || starts_with(text + p, "；"))
			break;
		a = p;
		k++;
	}
	k = 0;
	while (b < len && k < 40) {
		if (text[b] == '\n')
			break;
		if (starts_with(text + b, "。") || starts_with(text + b, "；")) {
			b += 3;
			break;
		}
		do
			b++;
		while (b < len && (text[b] & 0xC0) == 0x80);
		k++;
	}
	gk_buf q = {0};
	gk_buf_adds(&q, "“");
	if (a > 0 && text[a - 1] != '\n' && !(a >= 3 && starts_with(text + a - 3, "。")))
		gk_buf_adds(&q, "…");
	gk_buf_add(&q, text + a, b - a);
	if (b < len && text[b] != '\n' && !(b >= 3 && (starts_with(text + b - 3, "。") || starts_with(text + b - 3, "；"))))
		gk_buf_adds(&q, "…");
	gk_buf_adds(&q, "”");
	snprintf(out, n, "%s", q.s ? q.s : "");
	gk_buf_drop(&q);
}

/* ---- doubts about the reading ------------------------------------------- */

static int is_family(const gk_table *t, const char *const *ids)
{
	for (; *ids; ids++)
		if (!strcmp(t->id, *ids))
			return 1;
	return 0;
}

static const char *const CODED[] = {
	"expenditure_by_function", "general_budget_expenditure", "government_fund_expenditure",
	"state_capital_expenditure", "general_budget_basic_expenditure",
	"expenditure_by_economic_class", "revenue_by_unit", NULL};

static const char *const SUMMARIES[] = {"revenue_expenditure_summary", "fiscal_appropriation_summary",
                                        NULL};

static int nonzero_amount(const char *s)
{
	long long v;
	int dec;
	return gk_chk_parse(s, &v, &dec) == 1 && v;
}

/* an x_ column named by label words: the header was cut wrongly */
static int label_words_col(const char *key)
{
	static const char *const words[] = {"编码", "代码", "科目", "名称", NULL};
	if (!starts_with(key, "x_") || strchr(key, '/'))
		return 0;
	const char *k = key + 2;
	for (int i = 0; words[i]; i++)
		if (strstr(k, words[i]))
			return 1;
	/* only 类 款 项 */
	int n = 0;
	for (const char *p = k; *p; n++) {
		if (starts_with(p, "类") || starts_with(p, "款") || starts_with(p, "项"))
			p += 3;
		else if (*p == ' ')
			p++;
		else
			return 0;
	}
	return n > 0;
}

static int count_ordinals(const char *s)
{
	static const char *const num[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", NULL};
	int n = 0;
	for (const char *p = s; *p; p++) {
		if (!starts_with(p, "、"))
			continue;
		/* the character before the 、 is a numeral */
		const char *q = p;
		if (q - s < 3)
			continue;
		q -= 3;
		for (int k = 0; num[k]; k++)
			if (starts_with(q, num[k])) {
				n++;
				break;
			}
	}
	return n;
}

static int count_sub(const char *s, const char *w)
{
	int n = 0;
	for (const char *p = strstr(s, w); p; p = strstr(p + strlen(w), w))
		n++;
	return n;
}

/* a summary label holding several lines' labels */
static int merged_label(const char *s)
{
	return count_ordinals(s) >= 2 || count_sub(s, "合计") + count_sub(s, "总计") >= 2 ||
	       (strstr(s, "年初") && strstr(s, "年末"));
}

/* the row's codes: "2010101", "30112", "30112/50102" */
static void code_of_row(const gk_table *t, int i, char *out, size_t n)
{
	static const char *const keys[] = {"func_code", "econ_code", "gov_econ_code", NULL};
	out[0] = 0;
	for (int k = 0; keys[k]; k++) {
		char c[32];
		if (gk_table_col(t, keys[k]) < 0)
			continue;
		digits_of(cell(t, i, keys[k]), c, sizeof c);
		if (!c[0])
			continue;
		size_t l = strlen(out);
		snprintf(out + l, n - l, "%s%s", l ? "/" : "", c);
	}
}

/* Doubts found before the checks run, from evidence outside the table
 * (the narrative's figures sitting in other columns): table and reason.
 * One document at a time (gk_checks_run clears them). */
#define MAXDOUBT 32
static _Thread_local struct {
	const gk_table *t;
	char why[300];
} doubts[MAXDOUBT];
static _Thread_local int ndoubt;

void doubt_table(const gk_table *t, const char *why)
{
	for (int i = 0; i < ndoubt; i++)
		if (doubts[i].t == t)
			return;
	if (ndoubt < MAXDOUBT) {
		doubts[ndoubt].t = t;
		snprintf(doubts[ndoubt].why, sizeof doubts[ndoubt].why, "%s", why);
		ndoubt++;
	}
}

static _Thread_local const gk_doc *cur_doc;

void doubts_clear(void)
{
	ndoubt = 0;
	cur_doc = NULL;
}

void doubts_doc(const gk_doc *doc)
{
	cur_doc = doc;
}

int ocr_read(const gk_table *t)
{
	return cur_doc && t && gk_page_listed(gk_doc_meta(cur_doc, "ocr_pages"), t->page);
}

static int same_amount(const char *a, long long v)
{
	long long x;
	int d;
	return gk_chk_parse(a, &x, &d) == 1 && x == v;
}

/* The row's printed line (the one line of the table's pages that prints
 * its total) carries an amount the reader did not put in the row. */
static int line_extra(const gk_result *r, const gk_table *t, int row, char *why, size_t n)
{
	long long v;
	int d;
	if (!cur_doc || gk_chk_parse(cell(t, row, "total"), &v, &d) != 1 || !v)
		return 0;
	int lp = last_page(r, t);
	if (lp < t->page + 1)
		lp = t->page + 1;
	/* the lines printing the total; several: those also printing the
	 * row's label (合计 for the total row) */
	char label[300] = "";
	static const char *const names[] = {"project_name", "name", "econ_name", "unit_name", "item",
	                                    "func_name", NULL};
	for (int k = 0; names[k] && !label[0]; k++)
		if (gk_table_col(t, names[k]) >= 0 && printed(t, row, names[k]))
			snprintf(label, sizeof label, "%s", cell(t, row, names[k]));
	const gk_line *hit = NULL;
	int nhit = 0, nlab = 0;
	const gk_line *labhit = NULL;
	for (int i = 0; i < cur_doc->nline; i++) {
		const gk_line *l = &cur_doc->line[i];
		if (l->page < t->page || l->page > lp)
			continue;
		int has = 0, lab = 0;
		for (int j = 0; j < l->ncell; j++) {
			has |= same_amount(l->cell[j].text, v) && strchr(l->cell[j].text, '.');
			lab |= label[0] && strstr(label, l->cell[j].text) && strlen(l->cell[j].text) >= 6;
		}
		if (!has)
			continue;
		nhit++, hit = l;
		if (lab)
			nlab++, labhit = l;
	}
	if (nhit != 1)
		hit = nlab == 1 ? labhit : NULL;
	if (!hit)
		return 0;
	for (int j = 0; j < hit->ncell; j++) {
		const char *c = hit->cell[j].text;
		long long x;
		if (!strchr(c, '.') || gk_chk_parse(c, &x, &d) != 1 || !x)
			continue;
		int found = 0;
		for (int k = 0; k < t->cols.n && !found; k++)
			found = same_amount(t->rows[row][k], x);
		if (!found) {
			snprintf(why, n, "its printed line (p.%d) also carries %s, which the reader did not place in the row",
			         hit->page, c);
			return 1;
		}
	}
	return 0;
}

/* a and b are a whole and its part (equal where the other parts are 0) */
static int part_of(const char *a, const char *b)
{
	static const char *const pairs[][2] = {
		{"basic_personnel", "basic_wages"}, {"basic_personnel", "basic_family_subsidy"},
		{"basic_public", "basic_goods_services"}, {"basic_public", "basic_capital"},
	};
	for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; k++)
		if ((!strcmp(a, pairs[k][0]) && !strcmp(b, pairs[k][1])) ||
		    (!strcmp(b, pairs[k][0]) && !strcmp(a, pairs[k][1])))
			return 1;
	return 0;
}

/* two leaf amount columns (no total, no part of another) with the same
 * non-zero figures on (four in five of) the rows that print either: one
 * column read twice, or a subtotal read as a part */
static int twin_columns(const gk_table *t, char *why, size_t n)
{
	for (int a = 0; a < t->cols.n; a++) {
		const char *ka = t->cols.v[a];
		if (strstr(ka, "total") || starts_with(ka, "x_") || strstr(ka, "appropriation"))
			continue;
		for (int b = a + 1; b < t->cols.n; b++) {
			const char *kb = t->cols.v[b];
			if (strstr(kb, "total") || starts_with(kb, "x_") || strstr(kb, "appropriation"))
				continue;
			int same = 0, diff = 0;
			for (int i = 0; i < t->nrow; i++) {
				const char *x = t->rows[i][a], *y = t->rows[i][b];
				if (is_blank(x) && is_blank(y))
					continue;
				if (!nonzero_amount(x) && !nonzero_amount(y))
					continue;
				if (!strcmp(x, y))
					same++;
				else
					diff++;
			}
			if (part_of(ka, kb))
				continue;
			if ((!diff && same >= 3) || (same >= 4 && diff * 4 <= same)) {
				snprintf(why, n, "columns %s and %s of the table carry the same figures on every row: one column read twice",
				         col_name(ka), col_name(kb));
				return 1;
			}
		}
	}
	return 0;
}

int table_doubt(const gk_result *r, const gk_table *t, int only, char *why, size_t n)
{
	(void)r;
	why[0] = 0;
	if (!t)
		return 0;
	for (int i = 0; i < ndoubt; i++)
		if (doubts[i].t == t) {
			snprintf(why, n, "%s", doubts[i].why);
			return 1;
		}
	if (twin_columns(t, why, n))
		return 1;
	char title[120];
	clip(t->title && *t->title ? t->title : t->id, 20, title, sizeof title);
	for (int j = 0; j < t->cols.n; j++) {
		/* a column named by the header's row markers (**, 606-…) */
		const char *k = t->cols.v[j];
		int marks = starts_with(k, "x_") && !strchr(k, '/') && strstr(k, "**");
		for (const char *p = k; starts_with(k, "x_") && *p && !marks; p++)
			marks = is_digit(p[0]) && is_digit(p[1]) && is_digit(p[2]) && p[3] == '-';
		if (marks) {
			snprintf(why, n, "the header of %s was not read cleanly (a column named %s)", title, k);
			return 1;
		}
	}
	for (int j = 0; j < t->cols.n; j++) {
		if (!label_words_col(t->cols.v[j]))
			continue;
		for (int i = 0; i < t->nrow; i++)
			if (nonzero_amount(t->rows[i][j])) {
				snprintf(why, n, "the header of %s was not understood (figures under %s)", title,
				         t->cols.v[j]);
				return 1;
			}
	}
	if (is_family(t, SUMMARIES)) {
		for (int i = 0; i < t->nrow; i++) {
			if (only >= 0 && i != only)
				continue; /* one line's figure: only its own label matters */
			const char *s = cell(t, i, "item"), *side = cell(t, i, "side");
			int lost = is_blank(s);
			for (int j = 0; lost && j < t->cols.n; j++)
				lost = !nonzero_amount(t->rows[i][j]);
			if (is_blank(s) && !lost) {
				snprintf(why, n, "figures of %s read without their line's label", title);
				return 1;
			}
			/* an expenditure line on the income side, or the reverse */
			size_t l = strlen(s);
			if (item_kind(s) == K_TOP && l > 6 &&
			    ((strstr(side, "收入") && !strcmp(s + l - 6, "支出")) ||
			     (strstr(side, "支出") && !strcmp(s + l - 6, "收入")))) {
				char c[200];
				clip(s, 24, c, sizeof c);
				snprintf(why, n, "the line “%s” of %s read on the wrong side", c, title);
				return 1;
			}
			if (merged_label(s)) {
				char c[200];
				clip(s, 24, c, sizeof c);
				snprintf(why, n, "lines of %s merged in one row (“%s”)", title, c);
				return 1;
			}
		}
	}
	if (is_family(t, CODED)) {
		int ntot = 0;
		const char *lc = gk_table_col(t, "econ_name") >= 0 ? "econ_name" : gk_table_col(t, "unit_name") >= 0 && !strcmp(t->id, "revenue_by_unit") ? "unit_name" : "name";
		/* units: rows with a unit code of three or more characters (a
		 * page number read into that column is none) */
		int units = 0;
		for (int i = 0; i < t->nrow; i++)
			units += gk_table_col(t, "unit_code") >= 0 && strlen(cell(t, i, "unit_code")) >= 3;
		units = units >= 2;
		for (int i = 0; i < t->nrow; i++)
			ntot += is_total_label(cell(t, i, lc));
		if (ntot >= 2 && !units) {
			snprintf(why, n, "%d 合计 rows in %s (blocks of the page read as one)", ntot, title);
			return 1;
		}
		if (units)
			return 0;
		for (int i = 0; i < t->nrow; i++) {
			char a[64];
			code_of_row(t, i, a, sizeof a);
			if (!a[0])
				continue;
			for (int k = i + 1; k < t->nrow; k++) {
				char b[64];
				code_of_row(t, k, b, sizeof b);
				if (!strcmp(a, b)) {
					snprintf(why, n, "code %s read on two rows of %s", a, title);
					return 1;
				}
			}
		}
	}
	return 0;
}

/* the check rows' label of row i, as the solver writes it */
static int row_ambiguous(const gk_result *r, const gk_table *t, int row)
{
	for (int k = 0; k < r->ncheck; k++) {
		const gk_check *c = &r->checks[k];
		if (strcmp(c->status, "ambiguous") || strcmp(c->table_id, t->id))
			continue;
		if (row < 0)
			return 1;
		char code[64];
		code_of_row(t, row, code, sizeof code);
		if (!code[0] && is_total_label(c->row) && find_total(t, gk_table_col(t, "econ_name") >= 0 ? "econ_name" : "name") == row)
			return 1;
		if (code[0] && !strcmp(code, c->row))
			return 1;
		for (int j = 0; j < t->cols.n; j++) {
			const char *s = t->rows[row][j];
			if (*s && !strcmp(s, c->row) && !nonzero_amount(s))
				return 1;
		}
	}
	return 0;
}

/* the row carries a figure in a column the reader did not map */
static int row_unmapped(const gk_table *t, int row, char *why, size_t n)
{
	if (!strcmp(t->id, "three_public_expenses"))
		return 0; /* its x_ columns are other years and kinds, set aside on purpose */
	for (int j = 0; j < t->cols.n; j++) {
		const char *k = t->cols.v[j];
		if (!starts_with(k, "x_") || strchr(k, '/'))
			continue;
		/* a 收入表's 财政拨款收入 column: a source the checks add */
		if (!strcmp(t->id, "revenue_by_unit") && strlen(k) >= strlen("财政拨款收入") &&
		    !strcmp(k + strlen(k) - strlen("财政拨款收入"), "财政拨款收入"))
			continue;
		if (nonzero_amount(t->rows[row][j])) {
			snprintf(why, n, "the row also prints %s under %s, a column the reader did not map",
			         t->rows[row][j], k);
			return 1;
		}
	}
	return 0;
}

/* |gap| equals a figure of the row (or of the column) */
static int gap_is_cell(const gk_table *t, int row, const char *col, long long gap, char *why,
                       size_t n)
{
	if (gap < 0)
		gap = -gap;
	for (int i = 0; i < t->nrow; i++) {
		if (row >= 0 && i != row && !col)
			continue;
		for (int j = 0; j < t->cols.n; j++) {
			/* a row identity: the row's cells; a column sum: that column
			 * and the 合计 column of every row (a row read twice) */
			if (i != row && (!col || (strcmp(t->cols.v[j], col) && strcmp(t->cols.v[j], "total"))))
				continue;
			if (i == row && col && strcmp(t->cols.v[j], col) && strcmp(t->cols.v[j], "total"))
				continue;
			long long v;
			int dec;
			if (gk_chk_parse(t->rows[i][j], &v, &dec) == 1 && v && (v == gap || v == -gap)) {
				char rn[300];
				row_name(t, i, rn, sizeof rn);
				snprintf(why, n, "the gap equals the %s printed in row %s, %s: a cell read into the wrong place, or a row read twice or missed",
				         t->rows[i][j], rn, col_name(t->cols.v[j]));
				return 1;
			}
		}
	}
	return 0;
}

static int printed_dec(const char *s)
{
	long long v;
	int dec;
	return gk_chk_parse(s, &v, &dec) == 1 ? dec : GK_CHK_SCALE;
}

static int doubt(const gk_result *r, const where *w, long long gap, long long big, int dec, char *why,
                 size_t n)
{
	if (!w)
		return 0;
	if (w->doubt) {
		snprintf(why, n, "%s", w->doubt);
		return 1;
	}
	const gk_table *ts[2] = {w->t, w->t2};
	const int rows[2] = {w->row, w->row2};
	for (int k = 0; k < 2; k++) {
		const gk_table *t = ts[k];
		if (!t)
			continue;
		if (table_doubt(r, t, w->kind == W_COL || w->kind == W_ROW ? -1 : rows[k], why, n))
			return 1;
		if (w->kind == W_COL && row_ambiguous(r, t, -1)) {
			snprintf(why, n, "the column solver could not settle a row of %s", t->title);
			return 1;
		}
		if (rows[k] >= 0 && row_ambiguous(r, t, rows[k])) {
			snprintf(why, n, "the column solver could not settle this row");
			return 1;
		}
		if (w->kind == W_ROW && rows[k] >= 0 && row_unmapped(t, rows[k], why, n))
			return 1;
		if (w->kind == W_ROW && rows[k] >= 0 && line_extra(r, t, rows[k], why, n))
			return 1;
		long long unit = 1;
		for (int d = dec; d < GK_CHK_SCALE; d++)
			unit *= 10;
		long long ag = gap < 0 ? -gap : gap;
		if (w->kind != W_TEXT && big > 0 && ag * 2 > big) {
			snprintf(why, n, "the two figures differ by more than half: rows or columns missed or misplaced rather than a printing error");
			return 1;
		}
		/* one figure twice the other, to a few 分 of rounding: every row
		 * counted twice (a unit's rows and its classes without codes) */
		if (w->kind != W_TEXT && big > 0 && ag * 2 <= big && (big - 2 * ag) <= 5 * unit && (big - 2 * ag) * 1000 <= big &&
		    ag >= 10 * unit) {
			snprintf(why, n, "one figure is twice the other: rows counted twice (subtotals read as rows) rather than a printing error");
			return 1;
		}
		/* a row identity's gap in the row; a column sum too large by a
		 * row's figure (that row read twice, or a phantom) */
		/* a cross check's gap printed in a column of the row: the two
		 * tables count different columns */
		if (ag >= 10 * unit && w->kind == W_CROSS && rows[k] >= 0 && gap_is_cell(t, rows[k], NULL, gap, why, n)) {
			size_t l = strlen(why);
			snprintf(why + l, n - l, " (the tables may count different columns)");
			return 1;
		}
		if (ag >= 10 * unit && (w->kind == W_ROW || (w->kind == W_COL && gap > 0)) &&
		    gap_is_cell(t, rows[k], w->kind == W_COL ? (k ? w->col2 : w->col) : NULL, gap, why, n))
			return 1;
	}
	return 0;
}

/* ---- writing ------------------------------------------------------------ */

static void detail_of(const gk_result *r, const where *w, const char *expected, const char *found,
                      const char *status, char *out, size_t n)
{
	char a[800], b[800];
	out[0] = 0;
	if (!w)
		return;
	if (w->kind == W_TEXT) {
		char q[600] = "";
		if (w->quote)
			snprintf(q, sizeof q, "%s", w->quote);
		snprintf(out, n, "p.%d %s: %s", w->page, q, *expected ? expected : "(none)");
		where_str(r, w->t, w->row, w->col, a, sizeof a);
		if (w->t) {
			cat(out, n, "; ");
			cat(out, n, a);
			cat(out, n, ": ");
			cat(out, n, *found ? found : "not printed");
		} else if (w->expl) {
			cat(out, n, "; ");
			cat(out, n, w->expl);
		}
		return;
	}
	where_str(r, w->t, w->row, w->col, a, sizeof a);
	snprintf(out, n, "%s: %s", a, *found ? found : "not printed");
	if (w->t2) {
		where_str(r, w->t2, w->row2, w->col2, b, sizeof b);
		cat(out, n, "; ");
		cat(out, n, w->expl ? w->expl : b);
		if (w->expl) {
			cat(out, n, " (");
			cat(out, n, b);
			cat(out, n, ")");
		}
	} else {
		cat(out, n, "; ");
		cat(out, n, w->expl ? w->expl : "expected");
	}
	cat(out, n, ": ");
	cat(out, n, *expected ? expected : "not printed");
	(void)status;
}

/* Does the sum `expected` of t's rows come to k times their whole
 * `found` (k from 2 to 4, to k units of the last decimal): the rows are k
 * levels of a tree, each adding up to the whole (杭州's function table
 * without codes: 类, 款 and 项 each 5876.67; 西安's projects under their
 * type and class)?  Not where many rows are the same row read twice. */
static int levels(const gk_table *t, const char *expected, const char *found)
{
	long long e, f;
	int de, df;
	if (gk_chk_parse(expected, &e, &de) != 1 || gk_chk_parse(found, &f, &df) != 1 || f <= 0)
		return 0;
	long long unit = 1;
	for (int d = de < df ? de : df; d < GK_CHK_SCALE; d++)
		unit *= 10;
	int k = 2;
	while (k <= 4 && (e - k * f > k * unit || k * f - e > k * unit))
		k++;
	if (k > 4)
		return 0;
	int twice = 0;
	for (int i = 0; i < t->nrow; i++)
		for (int j = i + 1; j < t->nrow; j++) {
			int same = 1;
			for (int c = 0; c < t->cols.n && same; c++)
				same = !strcmp(t->rows[i][c], t->rows[j][c]);
			twice += same;
		}
	/* (a class of one item of its name repeats its row) */
	return twice * 4 <= t->nrow;
}

void emit_finding(gk_result *r, const char *tid, const char *check, const char *row,
                  const char *expected, const char *found, const char *status, const where *w,
                  long long gap)
{
	char detail[2048] = "", why[600] = "";
	int page = 0;
	if (w)
		page = w->kind == W_TEXT ? w->page : w->t ? w->t->page : 0;
	/* a sum read by OCR whose whole another identity confirms while its
	 * parts carry OCR's flags: the break is theirs, flagged where it is;
	 * or whose rows are levels of a tree that each add up to it */
	int settled = !strcmp(status, "fail") && w && w->kind == W_COL && w->col && ocr_read(w->t) &&
	              (gk_ocr_sum_settled(r, w->t, w->row, w->col, cur_doc) || levels(w->t, expected, found));
	int leveled = settled && levels(w->t, expected, found);
	if (settled)
		status = "skip";
	if (!strcmp(status, "fail")) {
		int de = printed_dec(expected), df = printed_dec(found);
		long long ev = 0, fv = 0, big;
		int d;
		gk_chk_parse(expected, &ev, &d);
		gk_chk_parse(found, &fv, &d);
		ev = ev < 0 ? -ev : ev, fv = fv < 0 ? -fv : fv;
		big = ev > fv ? ev : fv;
		if (doubt(r, w, gap, big, de < df ? de : df, why, sizeof why))
			status = "unsure";
	}
	if (strcmp(status, "ok")) {
		detail_of(r, w, expected, found, status, detail, sizeof detail);
		if (leveled)
			cat(detail, sizeof detail, "; skipped: the rows add up to two to four times the whole: levels of a tree (subtotals printed as rows, their codes not printed), each adding up to it");
		else if (settled)
			cat(detail, sizeof detail, "; skipped: its whole confirmed by another identity, the parts read by OCR flagged (ocr:)");
		if (why[0]) {
			cat(detail, sizeof detail, "; unsure: ");
			cat(detail, sizeof detail, why);
		}
	}
	gk_result_add_finding(r, tid, check, row, expected, found, status, page, detail);
}

void emit_note(gk_result *r, const char *tid, const char *check, const char *row,
               const char *expected, const char *found, const char *status, int page,
               const char *detail)
{
	gk_result_add_finding(r, tid, check, row, expected, found, status, page,
	                      strcmp(status, "ok") ? detail : "");
}

/* A check that fails on many rows of one table is a column misread. */
void systematic_doubts(gk_result *r, int from)
{
	for (int i = from; i < r->ncheck; i++) {
		gk_check *c = &r->checks[i];
		if (strcmp(c->status, "fail") || !(starts_with(c->check, "row:") || starts_with(c->check, "col:") ||
		                                   starts_with(c->check, "tree:")))
			continue;
		int nfail = 0, nall = 0;
		for (int k = from; k < r->ncheck; k++) {
			const gk_check *d = &r->checks[k];
			if (strcmp(d->table_id, c->table_id) || strcmp(d->check, c->check))
				continue;
			nall++;
			nfail += !strcmp(d->status, "fail") || !strcmp(d->status, "unsure");
		}
		if (nfail < 3 || nfail * 2 < nall)
			continue;
		char why[300];
		snprintf(why, sizeof why, "; unsure: %s fails on %d of %d rows and columns of the table: a column misread rather than a printing error",
		         c->check, nfail, nall);
		for (int k = from; k < r->ncheck; k++) {
			gk_check *d = &r->checks[k];
			if (strcmp(d->table_id, c->table_id) || strcmp(d->check, c->check) ||
			    strcmp(d->status, "fail"))
				continue;
			free(d->status);
			d->status = gk_strdup("unsure");
			char *nd = gk_strfmt("%s%s", d->detail, why);
			free(d->detail);
			d->detail = nd;
		}
	}
}
