/*
 * prov.c - where each table row was printed and what it is.
 *
 * Provenance: a reader makes a table row with table_row(c, t, l0, l1)
 * instead of gk_table_add_row, naming the lines [l0, l1] of c it was read
 * from (a prow knows them: line0, line1); the row gets the page of its
 * first line and the box of its lines on that page (PDF only: for text
 * input the page alone).  Rows a reader made otherwise get theirs from
 * rows_source.  In a positioned span c's lines are the logical rows of
 * logical.c, whose boxes are those of the fragments they were built from.
 *
 * What a row is (classify_rows, after every table is read):
 *   row_type  of every row of a money table:
 *     total     the table's grand total (per side in a two-sided summary:
 *               总计, else its 合计);
 *     subtotal  a figure already counted in other rows: a 类 or 款 whose
 *               款/项 are listed (a code other rows extend), an 一、 line
 *               over its （一） lines, a 其中 line, a 小计, another 合计
 *               (本年收入合计 under 收入总计), a project type's subtotal;
 *     unit      a unit's row (a unit code, or a row without a code in a
 *               table listed by unit; 三公 per unit);
 *     detail    the rest: summing a table's detail rows counts every yuan
 *               once.
 *   item_key  of the lines of the two summaries (revenue_expenditure_summary,
 *             fiscal_appropriation_summary): the standard key of the line's
 *             meaning from rules/items.rules (kinds item-income,
 *             item-expense: the line's side first, then item), matched on
 *             the label without its ordinal (一、 （一） 1.), 其中 or
 *             colon.  A rule naming alternatives ("a|b") takes the one whose
 *             family (the key up to its last '.') most other lines of the
 *             table have: 其他支出 is expense.by_function.229 among function
 *             classes and expense.by_economic.399 among economic ones.
 *   unit      of each table: the unit its head prints (单位：万元 -> 万元).
 *
 * Entry points: table_row, rows_source, classify_rows,
 * reclassify_ocr_summaries (nctx.h).
 */
#include "nctx.h"

#include <stdlib.h>
#include <string.h>

/* the box of lines [l0, l1] of c on the page of the first */
static void lines_box(const nctx *c, int l0, int l1, int *page, double b[4])
{
	*page = 0;
	b[0] = b[1] = 1e18;
	b[2] = b[3] = -1e18;
	if (l0 < 0 || l0 >= c->n)
		return;
	if (l1 < l0)
		l1 = l0;
	if (l1 >= c->n)
		l1 = c->n - 1;
	*page = c->x[l0].l->page;
	for (int i = l0; i <= l1; i++) {
		const gk_line *l = c->x[i].l;
		if (l->page != *page)
			continue;
		for (int j = 0; j < l->ncell; j++) {
			const gk_cell *cl = &l->cell[j];
			double y0 = gk_cell_y0(l, cl), y1 = gk_cell_y1(l, cl);
			if (cl->x0 < b[0])
				b[0] = cl->x0;
			if (cl->x1 > b[2])
				b[2] = cl->x1;
			if (y0 < b[1])
				b[1] = y0;
			if (y1 > b[3])
				b[3] = y1;
		}
	}
}

static void set_source(const nctx *c, gk_table *t, int row, int l0, int l1)
{
	int page;
	double b[4];
	lines_box(c, l0, l1, &page, b);
	const char *fmt = gk_doc_meta(c->doc, "format");
	int boxed = fmt && !strcmp(fmt, "pdf") && b[2] > b[0] && c->x[l0].l->geom == GK_GEOM_POS;
	if (boxed)
		gk_table_set_source(t, row, page, b[0], b[1], b[2], b[3]);
	else
		gk_table_set_source(t, row, page, 0, 0, 0, 0);
}

int table_row(const nctx *c, gk_table *t, int l0, int l1)
{
	gk_table_add_row(t);
	int row = t->nrow - 1;
	set_source(c, t, row, l0, l1);
	return row;
}

void rows_source(const nctx *c, gk_table *t, int from, int l0, int l1)
{
	for (int r = from < 0 ? 0 : from; r < t->nrow; r++) {
		const gk_rowinfo *ri = gk_table_info(t, r);
		if (!ri || ri->page <= 0)
			set_source(c, t, r, l0, l1);
	}
}

/* ---- what a row is ---- */

static const char *cell_of(const gk_table *t, int i, const char *key)
{
	return gk_table_get(t, i, key);
}

static int starts(const char *s, const char *p)
{
	return !strncmp(s, p, strlen(p));
}

/* s past a leading ordinal (一、 （一） (1) 1、 1. 1．), 其中 and colons */
static const char *past_ordinal(const char *s)
{
	static const char *const num[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "零", NULL};
	const char *p = s;
	int paren = 0;
	if (starts(p, "（"))
		p += 3, paren = 1;
	else if (*p == '(')
		p++, paren = 1;
	const char *q = p;
	for (int hit = 1; hit;) {
		hit = 0;
		for (int k = 0; num[k]; k++)
			if (starts(q, num[k])) {
				q += strlen(num[k]), hit = 1;
				break;
			}
		if (!hit && *q >= '0' && *q <= '9')
			q++, hit = 1;
	}
	if (q != p) {
		if (paren && (starts(q, "）") || *q == ')'))
			p = q + (*q == ')' ? 1 : 3);
		else if (!paren && (starts(q, "、") || starts(q, "．")))
			p = q + 3;
		else if (!paren && *q == '.' && !(q[1] >= '0' && q[1] <= '9'))
			p = q + 1;
		else
			p = s;
		if (p != s && starts(p, "、"))
			p += 3;
	} else {
		p = s;
	}
	if (starts(p, "其中"))
		p += strlen("其中");
	while (starts(p, "：") || *p == ':')
		p += *p == ':' ? 1 : 3;
	return p;
}

/* the label to match: compacted, without ordinal, 其中, colons */
static char *item_text(const char *item)
{
	char *cp = compact_of(item);
	const char *p = past_ordinal(cp);
	char *s = gk_strdup(p);
	free(cp);
	size_t n = strlen(s);
	for (;;) {
		if (n >= 3 && !strcmp(s + n - 3, "："))
			n -= 3;
		else if (n && s[n - 1] == ':')
			n--;
		else
			break;
		s[n] = 0;
	}
	return s;
}

/* The level of a summary line by its ordinal: 1 一、, 2 （一）, 3 1. 1、,
 * 4 (1), 0 none; -1 a 其中 line. */
static int item_level(const char *item)
{
	char *cp = compact_of(item);
	int k = 0;
	if (starts(cp, "其中")) {
		k = -1;
	} else if (past_ordinal(cp) != cp) {
		int paren = starts(cp, "（") || *cp == '(';
		const char *d = cp + (starts(cp, "（") ? 3 : paren);
		int digit = *d >= '0' && *d <= '9';
		k = paren ? (digit ? 4 : 2) : (digit ? 3 : 1);
	}
	free(cp);
	return k;
}

/* Is a line's ordinal the first of its kind (一、 （一） 1. (1))? */
static int item_restarts(const char *item)
{
	char *cp = compact_of(item);
	const char *p = cp;
	if (starts(p, "（"))
		p += 3;
	else if (*p == '(')
		p++;
	int r = past_ordinal(cp) != cp && ((starts(p, "一") && !starts(p + 3, "十") && !starts(p + 3, "百")) ||
	                                   (p[0] == '1' && !(p[1] >= '0' && p[1] <= '9')));
	free(cp);
	return r;
}

static int is_totalish(const nctx *c, const char *label)
{
	char *cp = compact_of(label);
	int r = *cp && (rule_any(c, "total", cp) || strstr(cp, "合计") || strstr(cp, "总计") || strstr(cp, "小计"));
	free(cp);
	return r;
}

/* a grand-total label: 合计, 总计 (alone, with a colon, or 收入总计 ...) */
static int is_grand(const char *label)
{
	char *cp = compact_of(label);
	int r = strstr(cp, "总计") != NULL;
	free(cp);
	return r;
}

/* The item key of a summary line: side-specific rules first. */
static const char *item_rule(const nctx *c, const char *side, const char *text)
{
	const char *kind = !strcmp(side, "收入") ? "item-income" : !strcmp(side, "支出") ? "item-expense" : NULL;
	const gk_rule *r = kind ? gk_rules_first(c->rules, kind, text) : NULL;
	if (!r)
		r = gk_rules_first(c->rules, "item", text);
	return r ? r->name : NULL;
}

/* the family of a key: up to its last '.' */
static size_t family_len(const char *key)
{
	const char *d = strrchr(key, '.');
	return d ? (size_t)(d - key) : strlen(key);
}

/* A summary line, for telling subtotals. */
typedef struct sline {
	int level;        /* item_level */
	int restart;      /* its ordinal is the first: 一、 （一） 1. (1) */
	int totalish, keyed, blank;
	long long v;      /* its first amount, 10^-6 */
	long long unit;   /* one unit of its last printed decimal, 10^-6 */
	int end;          /* last line of its subtree (memo; -2: not yet) */
} sline;

/* the line's first amount column (amount, or the fiscal summary's total) */
static int line_value(const gk_table *t, int i, long long *v, long long *unit)
{
	const char *s = cell_of(t, i, gk_table_col(t, "amount") >= 0 ? "amount" : "total");
	int sc;
	*unit = 1;
	if (!*s || !gk_dec_parse(s, v, &sc))
		return 0;
	for (; sc < 6; sc++)
		*v *= 10, *unit *= 10;
	for (; sc > 6; sc--)
		*v /= 10;
	return 1;
}

/* Can line j be under line i (in i's subtree)?  Not a total, not a line
 * of i's level or above. */
static int may_be_under(const sline *L, int m, int i, int j)
{
	if (L[j].totalish)
		return 0;
	if (L[j].level < 0)
		return 1;
	if (L[i].level > 0)
		return L[j].level == 0 || L[j].level > L[i].level;
	if (L[j].level == 0 || L[j].level >= 3)
		return 1;
	/* 一、 lines under a line without ordinal only when their numbering
	 * starts again right after it (上年结转结余 over 一、一般公共预算拨款) */
	int k = i + 1;
	while (k < m && L[k].level < 0)
		k++;
	return k < m && L[k].level == L[j].level && L[k].restart;
}

/* Does line i head the lines after it by their ordinals alone: the next
 * line is numbered anew (一、 （一） 1.) at a deeper level? */
static int heads_by_shape(const sline *L, int m, int i)
{
	int k = i + 1;
	while (k < m && L[k].level < 0)
		k++;
	return k < m && !L[i].totalish && L[i].level >= 0 && L[k].restart && L[k].level > L[i].level;
}

/* The last line of line i's subtree: the lines after it that add up to
 * its amount exactly (each with its own subtree; 其中 lines are parts of
 * the line above, not terms), else i itself.  A single term counts when
 * the ordinals or keys say it is a sub-line, it has lines of its own
 * (一、一般公共服务支出 over 信访事务 over 行政运行 + 信访业务), or
 * `force`: the line above i added up without the lines after i, which
 * are then under i (a 款 of one 项: 进修及培训 over 培训支出). */
static int subtree_at(sline *L, int m, int i, int force)
{
	if (L[i].end != -2 && !force)
		return L[i].end;
	if (!force)
		L[i].end = i;
	if (L[i].blank || L[i].v == 0 || L[i].totalish || L[i].level < 0)
		return i;
	long long sum = 0, tol = L[i].unit;
	int terms = 0, first = -1, last = -1;
	for (int j = i + 1; j < m && may_be_under(L, m, i, j);) {
		if (L[j].level < 0) {
			j++;
			continue;
		}
		int e = subtree_at(L, m, j, 0);
		if (!L[j].blank) {
			sum += L[j].v;
			if (L[j].unit > tol)
				tol = L[j].unit;
		}
		if (first < 0)
			first = j;
		if (!L[j].blank && L[j].v != 0)
			terms++, last = j;
		/* equal, or within a unit of the last decimal per term: each part
		 * was rounded as printed */
		long long d = sum > L[i].v ? sum - L[i].v : L[i].v - sum;
		if (terms > 0 && d <= tol * (terms > 1 ? terms : 0)) {
			/* more lines under i that are not zero: they are under its
			 * last term (a single sub-line that has its own) */
			int k = e + 1;
			while (k < m && may_be_under(L, m, i, k) && (L[k].blank || L[k].v == 0 || L[k].level < 0))
				k++;
			int siblings = k > e + 1; /* (lines of i printed without a figure) */
			if (k < m && may_be_under(L, m, i, k) && last >= 0 && !L[last].totalish) {
				int e2 = subtree_at(L, m, last, 1);
				if (e2 >= k) {
					L[last].end = e2;
					e = e2;
				}
			}
			int sure = force || terms > 1 || siblings || L[first].level > L[i].level ||
			           (L[i].keyed && !L[first].keyed) || subtree_at(L, m, first, 0) > first;
			if (sure)
				L[i].end = siblings ? k - 1 : e;
			return sure ? L[i].end : i;
		}
		if (L[i].v > 0 && sum > L[i].v + tol * terms)
			break;
		j = e + 1;
	}
	return i;
}

static int subtree(sline *L, int m, int i)
{
	return subtree_at(L, m, i, 0);
}

/* The types of the rows idx[0..m) of t, in order, labelled by column lab
 * (grand: the index in idx of the total, or -1): total, subtotal (a 合计
 * or 小计, a 其中, a line whose sub-lines follow it by their ordinals or
 * add up to it), detail.  keyed[q]: the line has an item key (or NULL). */
static void arith_kinds(const nctx *c, gk_table *t, const int *idx, int m, int grand, const char *lab,
                        char *const *keyed)
{
	sline *L = gk_calloc((size_t)(m ? m : 1), sizeof *L);
	for (int q = 0; q < m; q++) {
		const char *item = cell_of(t, idx[q], lab);
		L[q] = (sline){.level = item_level(item), .restart = item_restarts(item), .totalish = is_totalish(c, item),
		               .keyed = keyed && keyed[idx[q]] != NULL, .end = -2};
		L[q].blank = !line_value(t, idx[q], &L[q].v, &L[q].unit);
	}
	for (int q = 0; q < m; q++) {
		const char *type = "detail";
		if (q == grand)
			type = "total";
		else if (L[q].totalish || L[q].level < 0)
			type = "subtotal";
		else if (subtree(L, m, q) > q || heads_by_shape(L, m, q))
			type = "subtotal";
		gk_table_set_kind(t, idx[q], type, keyed ? (keyed[idx[q]] ? keyed[idx[q]] : "") : NULL);
	}
	free(L);
}

static void summary_kinds(const nctx *c, gk_table *t)
{
	int n = t->nrow;
	if (!n)
		return;
	const char **key = gk_calloc((size_t)n, sizeof *key);
	for (int i = 0; i < n; i++) {
		char *tx = item_text(cell_of(t, i, "item"));
		key[i] = *tx ? item_rule(c, cell_of(t, i, "side"), tx) : NULL;
		free(tx);
	}
	/* alternatives: the family most other lines of the table have */
	char **chosen = gk_calloc((size_t)n, sizeof *chosen);
	for (int i = 0; i < n; i++) {
		if (!key[i])
			continue;
		if (!strchr(key[i], '|')) {
			chosen[i] = gk_strdup(key[i]);
			continue;
		}
		int bestn = -1;
		for (const char *a = key[i]; a && *a;) {
			const char *bar = strchr(a, '|');
			size_t al = bar ? (size_t)(bar - a) : strlen(a);
			char *alt = gk_strndup(a, al);
			size_t fl = family_len(alt);
			int cnt = 0;
			for (int j = 0; j < n; j++)
				cnt += key[j] && !strchr(key[j], '|') && family_len(key[j]) == fl && !strncmp(key[j], alt, fl);
			if (cnt > bestn) {
				bestn = cnt;
				free(chosen[i]);
				chosen[i] = alt;
			} else {
				free(alt);
			}
			a = bar ? bar + 1 : NULL;
		}
	}
	/* row types, side by side */
	static const char *const sides[] = {"收入", "支出", NULL};
	int *idx = gk_calloc((size_t)n, sizeof *idx);
	for (int s = 0; sides[s]; s++) {
		int m = 0, grand = -1;
		for (int i = 0; i < n; i++)
			if (!strcmp(cell_of(t, i, "side"), sides[s]))
				idx[m++] = i;
		for (int q = 0; q < m && grand < 0; q++)
			if ((chosen[idx[q]] && !strcmp(chosen[idx[q]] + family_len(chosen[idx[q]]), ".total")) ||
			    is_grand(cell_of(t, idx[q], "item")))
				grand = q;
		for (int q = m - 1; q >= 0 && grand < 0; q--) /* else the last 合计 */
			if (is_totalish(c, cell_of(t, idx[q], "item")))
				grand = q;
		arith_kinds(c, t, idx, m, grand, "item", chosen);
	}
	free(idx);
	/* lines of neither side (a reader's blank side): detail */
	for (int i = 0; i < n; i++) {
		const gk_rowinfo *ri = gk_table_info(t, i);
		if (!ri || !ri->row_type || !*ri->row_type)
			gk_table_set_kind(t, i, "detail", chosen[i] ? chosen[i] : "");
	}
	for (int i = 0; i < n; i++)
		free(chosen[i]);
	free(chosen);
	free(key);
}

/* a row's code in a coded table (the most specific code column set) */
static const char *row_code(const gk_table *t, int i)
{
	static const char *const cols[] = {"func_code", "econ_code", "gov_econ_code", NULL};
	for (int k = 0; cols[k]; k++) {
		const char *v = cell_of(t, i, cols[k]);
		if (*v)
			return v;
	}
	return "";
}

/* the name of a row, for totals */
static const char *row_name(const gk_table *t, int i)
{
	static const char *const cols[] = {"name", "econ_name", "gov_econ_name", "func_name", "unit_name",
	                                   "project_name", NULL};
	for (int k = 0; cols[k]; k++) {
		const char *v = cell_of(t, i, cols[k]);
		if (*v)
			return v;
	}
	return "";
}

static void coded_kinds(const nctx *c, gk_table *t, fam_id f)
{
	int n = t->nrow, grand = -1, coded = 0;
	for (int i = 0; i < n && !coded; i++)
		coded = *row_code(t, i) != 0;
	for (int i = 0; i < n && grand < 0; i++)
		if (!*row_code(t, i) && !*cell_of(t, i, "unit_code") && is_totalish(c, row_name(t, i)) &&
		    !strstr(row_name(t, i), "小计"))
			grand = i;
	if (grand < 0 && f == F_THREE && n > 0)
		grand = 0; /* (a 三公 table's first row is its 合计) */
	if (!coded && n > 0 && f != F_THREE && f != F_PROJECT && (f == F_BASIC || gk_table_col(t, "name") >= 0)) {
		/* a table that prints no codes (names only): what a row is, by
		 * the ordinals and the sums, as the summaries' lines; unit codes
		 * still make unit rows */
		int *idx = gk_calloc((size_t)n, sizeof *idx), m = 0, g = -1;
		for (int i = 0; i < n; i++)
			if (!*cell_of(t, i, "unit_code")) {
				if (i == grand)
					g = m;
				idx[m++] = i;
			} else {
				gk_table_set_kind(t, i, "unit", NULL);
			}
		arith_kinds(c, t, idx, m, g, gk_table_col(t, "name") >= 0 ? "name" : "econ_name", NULL);
		free(idx);
		return;
	}
	for (int i = 0; i < n; i++) {
		const char *code = row_code(t, i), *type;
		const char *name = row_name(t, i);
		if (i == grand) {
			type = "total";
		} else if (*code) {
			size_t cl = strlen(code);
			int parent = 0;
			for (int j = 0; j < n && !parent; j++) {
				const char *o = row_code(t, j);
				parent = strlen(o) > cl && !strncmp(o, code, cl);
			}
			type = parent ? "subtotal" : "detail";
		} else if (is_totalish(c, name)) {
			type = "subtotal";
		} else if (f == F_PROJECT) {
			const char *pn = cell_of(t, i, "project_name"), *pt = cell_of(t, i, "project_type");
			int listed = 0;
			for (int j = 0; j < n && !listed && *pt && !*pn; j++)
				listed = j != i && *cell_of(t, j, "project_name") && !strcmp(cell_of(t, j, "project_type"), pt);
			type = *pn && !*cell_of(t, i, "unit_code") ? "detail" : listed ? "subtotal" : *pt && !*pn ? "detail" : "unit";
		} else if (*cell_of(t, i, "unit_code") || f == F_FUNC || f == F_ECON || f == F_REVUNIT || f == F_THREE) {
			/* a department's row over its units' (118 over 118001) */
			const char *uc = cell_of(t, i, "unit_code");
			size_t ul = strlen(uc);
			int parent = 0;
			for (int j = 0; j < n && !parent && ul; j++) {
				const char *o = cell_of(t, j, "unit_code");
				parent = strlen(o) > ul && !strncmp(o, uc, ul);
			}
			type = parent ? "subtotal" : "unit";
		} else {
			/* a basic table's group line (人员经费, 公用经费) over its codes */
			type = strstr(name, "经费") ? "subtotal" : "detail";
		}
		gk_table_set_kind(t, i, type, NULL);
	}
	/* a coded row over rows without a code that add up to it (30102 津贴补贴
	 * over 规范性津补贴 + 其他津补贴): those are its parts */
	for (int i = 0; (f == F_BASIC || f == F_ECON) && i < n; i++) {
		long long v, sum = 0;
		int sc, dec = 0, terms = 0, j = i + 1;
		const char *tv = cell_of(t, i, "total");
		if (!*row_code(t, i) || !*tv || !gk_dec_parse(tv, &v, &sc) || v == 0)
			continue;
		dec = sc;
		for (; j < n && !*row_code(t, j) && !*cell_of(t, j, "unit_code") && !is_totalish(c, row_name(t, j)); j++) {
			long long w;
			int s2;
			const char *sv = cell_of(t, j, "total");
			if (!*sv || !gk_dec_parse(sv, &w, &s2))
				continue;
			for (; s2 < dec; s2++)
				w *= 10;
			for (; dec < s2; dec++)
				v *= 10, sum *= 10;
			sum += w;
			terms++;
		}
		long long d = sum > v ? sum - v : v - sum;
		if (terms > 0 && d <= terms) /* (each part rounded to the last decimal printed) */
			gk_table_set_kind(t, i, "subtotal", NULL);
	}
}

/* The first 单位： (or 单位:) of the cell text cp that names a unit, with *skip its length: not the 单位： of a department
 * field (编制单位：上海市普陀区社会福利院, rules kind dept), whose words
 * are a name */
static const char *unit_field(const nctx *c, const char *cp, size_t *skip)
{
	for (const char *p = cp;;) {
		const char *a = strstr(p, "单位："), *b = strstr(p, "单位:");
		const char *u = a && (!b || a < b) ? a : b;
		if (!u)
			return NULL;
		*skip = u == a ? strlen("单位：") : strlen("单位:");
		size_t end = (size_t)(u - cp) + *skip, ov[2];
		const gk_rule *r = gk_rules_first(c->rules, "dept", cp);
		if (!r || !gk_rule_match(r, cp, end, ov) || ov[1] != end)
			return u;
		p = u + *skip;
	}
}

/* the unit a table's head prints: the words after 单位： in the lines
 * after its title, before its first amount */
static void table_unit(const nctx *c, gk_table *t)
{
	int title = -1;
	for (int i = 0; i < c->n && title < 0; i++) {
		if (c->x[i].l->page != t->page)
			continue;
		char *raw = gk_line_text(c->x[i].l);
		char *cl = gk_label_clean(raw);
		if (!strcmp(cl, t->title))
			title = i;
		free(cl);
		free(raw);
	}
	for (int i = title + 1; title >= 0 && i < c->n && i <= title + 12; i++) {
		if (i > title + 1 && title_of(c, &c->x[i]))
			break;
		const gk_line *l = c->x[i].l;
		for (int j = 0; j < l->ncell; j++) {
			char *cp = compact_of(l->cell[j].text);
			size_t skip;
			const char *u = unit_field(c, cp, &skip);
			if (u) {
				const char *v = u + skip;
				char *nx = !*v && j + 1 < l->ncell ? compact_of(l->cell[j + 1].text) : NULL;
				if (nx)
					v = nx;
				/* up to the next field (部门名称：…, a date) */
				size_t len = 0;
				while (v[len] && v[len] != ' ' && strncmp(v + len, "：", 3) && len < 24) {
					unsigned cp1;
					int k = gk_utf8_next((const unsigned char *)v + len, strlen(v + len), &cp1);
					if (k <= 0 || (cp1 < 0x80 && cp1 != '(' && cp1 != ')'))
						break;
					len += (size_t)k;
				}
				char *unit = gk_strndup(v, len);
				if (gk_unit_parse(u) != GK_UNIT_NONE || *unit)
					gk_table_set_unit(t, unit);
				free(unit);
				free(nx);
				free(cp);
				return;
			}
			free(cp);
		}
		if (line_has_amount(c, i))
			break;
	}
}

void classify_rows(nctx *c)
{
	for (int k = 0; k < c->r->ntable; k++) {
		gk_table *t = c->r->tables[k];
		fam_id f = family_of(t->id);
		if (f == F_SUMMARY || f == F_FISCAL)
			summary_kinds(c, t);
		else if (f != F_DPERF && f != F_PPERF && f != F_OTHER)
			coded_kinds(c, t, f);
		table_unit(c, t);
	}
}

void reclassify_ocr_summaries(nctx *c)
{
	for (int k = 0; k < c->r->ntable; k++) {
		gk_table *t = c->r->tables[k];
		fam_id f = family_of(t->id);
		if ((f == F_SUMMARY || f == F_FISCAL) && ocr_page(c, t->page))
			summary_kinds(c, t);
	}
}
