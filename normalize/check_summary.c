/*
 * check_summary.c - the two-sided summaries: 一、 = Σ（一）, 合计 = Σ 一、,
 * 总计 = 合计 + the lines after it, income total = expenditure total, and
 * the fiscal summary's rows by fund.
 *
 * Entry points: summary_checks, fiscal_row_checks; item_kind, item_label,
 * side_total (for the cross-table and narrative checks).
 */
#include "chk.h"

#include <stdlib.h>
#include <string.h>

static const char *skip_numerals(const char *s)
{
	static const char *const num[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "零", NULL};
	for (;;) {
		int hit = 0;
		for (int k = 0; num[k]; k++)
			if (starts_with(s, num[k])) {
				s += strlen(num[k]);
				hit = 1;
				break;
			}
		if (!hit)
			return s;
	}
}

static const char *skip_spaces(const char *s)
{
	while (*s == ' ')
		s++;
	return s;
}

int item_kind(const char *s)
{
	while (*s == ' ')
		s++;
	if (starts_with(s, "其中"))
		return K_QIZHONG;
	if (strstr(s, "合计") || strstr(s, "总计"))
		return K_TOTAL;
	const char *p = skip_numerals(s);
	if (p != s && starts_with(p, "、"))
		return K_TOP;
	if (starts_with(s, "（") || starts_with(s, "(")) {
		const char *q = skip_numerals(s + (*s == '(' ? 1 : strlen("（")));
		if (q != s + (*s == '(' ? 1 : strlen("（")) && (starts_with(q, "）") || starts_with(q, ")")))
			return K_SUB;
	}
	return K_OTHER;
}

void item_label(const gk_table *t, int i, const char *col, const char *first, char *out,
                size_t n)
{
	char buf[512];
	snprintf(buf, sizeof buf, "%s", cell(t, i, "item"));
	size_t l = strlen(buf);
	/* drop a trailing colon: "收入合计：" */
	while (l && buf[l - 1] == ' ')
		buf[--l] = 0;
	if (l >= 3 && !strcmp(buf + l - 3, "："))
		buf[l - 3] = 0;
	else if (l && buf[l - 1] == ':')
		buf[l - 1] = 0;
	if (strcmp(col, first))
		snprintf(out, n, "%s:%s", buf, col);
	else
		snprintf(out, n, "%s", buf);
}

/* rows of one side, in order */
static int side_rows(const gk_table *t, const char *side, int *rows)
{
	int m = 0;
	for (int i = 0; i < t->nrow; i++)
		if (strstr(cell(t, i, "side"), side))
			rows[m++] = i;
	return m;
}

/* the grand total of a side: the last 总计 line, else the last 合计 line */
int side_total(const gk_table *t, const char *side)
{
	int best = -1, best_z = 0;
	for (int i = 0; i < t->nrow; i++) {
		if (!strstr(cell(t, i, "side"), side) || item_kind(cell(t, i, "item")) != K_TOTAL)
			continue;
		int z = strstr(cell(t, i, "item"), "总计") != NULL;
		if (z >= best_z) {
			best = i;
			best_z = z;
		}
	}
	return best;
}

/* A 合计 read by OCR that Σ 一、 (e) misses while the lines of its block
 * printed without an ordinal (kind K_OTHER) make it up (to its rounding): their
 * ordinals were lost ("一、" unread, a label put right to its standard
 * name), they are lines 一、 too, and e takes them in. */
static void lost_ordinals(const gk_table *t, const int *rows, const int *kind, int from, int to,
                          const char *col, acc *e, const acc *f)
{
	acc x = *e;
	int more = 0;
	if (e->bad || f->bad || !f->printed || strcmp(gk_chk_status(e->v, e->dec, f->v, f->dec), "fail"))
		return;
	for (int j = from; j < to; j++)
		if (kind[j] == K_OTHER && printed(t, rows[j], col))
			acc_add(&x, cell(t, rows[j], col)), more = 1;
	if (more && !x.bad && strcmp(gk_chk_status(x.v, x.dec, f->v, f->dec), "fail")) {
		*e = x;
		return;
	}
	/* one of them alone: a line 一、 over its （一） lines, both without
	 * their ordinals (财政拨款 over 一般公共预算) */
	for (int j = from; j < to; j++) {
		if (kind[j] != K_OTHER || !printed(t, rows[j], col))
			continue;
		x = *e;
		acc_add(&x, cell(t, rows[j], col));
		if (!x.bad && strcmp(gk_chk_status(x.v, x.dec, f->v, f->dec), "fail")) {
			*e = x;
			return;
		}
	}
}

static void summary_side(gk_result *r, const gk_table *t, const char *side, const char *const *cols)
{
	int *rows = gk_calloc((size_t)t->nrow + 1, sizeof(int)), *kind;
	int n = side_rows(t, side, rows);
	kind = gk_calloc((size_t)n + 1, sizeof(int));
	for (int k = 0; k < n; k++)
		kind[k] = item_kind(cell(t, rows[k], "item"));
	char lab[600];
	for (const char *const *c = cols; *c; c++) {
		if (gk_table_col(t, *c) < 0)
			continue;
		/* 一、 = Σ （一） */
		for (int k = 0; k < n; k++) {
			if (kind[k] != K_TOP)
				continue;
			acc e = {0}, f = {0};
			int m = 0;
			for (int j = k + 1; j < n && (kind[j] == K_SUB || kind[j] == K_QIZHONG); j++)
				if (kind[j] == K_SUB) {
					acc_add(&e, cell(t, rows[j], *c));
					m++;
				}
			if (!m)
				continue;
			acc_add(&f, cell(t, rows[k], *c));
			item_label(t, rows[k], *c, cols[0], lab, sizeof lab);
			where w = {W_COL, t, rows[k], *c, "Σ of its （一） lines", NULL, -1, NULL, 0, NULL, NULL};
			emit_cmp(r, t->id, "summary:一、=Σ（一）", lab, &e, &f, &w);
		}
		/* first 合计 = Σ 一、 above it; each later total = previous + lines between */
		int prev = -1, base = 0;
		for (int k = 0; k < n; k++) {
			if (kind[k] != K_TOTAL)
				continue;
			int from = prev >= 0 ? prev + 1 : base, ntop = 0, nother = 0, nsub = 0;
			for (int j = from; j < k; j++) {
				ntop += kind[j] == K_TOP;
				nother += kind[j] == K_OTHER;
				nsub += kind[j] == K_SUB;
			}
			int want = ntop ? K_TOP : nother ? K_OTHER : K_SUB;
			/* lines listed by several classifications (一、二、… then 一、
			 * again: by function, then 基本/项目): each group adds up to
			 * the total on its own */
			int starts[64], ng = 0;
			if (prev < 0 && want == K_TOP)
				for (int j = from; j < k && ng < 64; j++)
					if (kind[j] == K_TOP && (ng == 0 || starts_with(skip_spaces(cell(t, rows[j], "item")), "一、")))
						starts[ng++] = j;
			if (ng < 2)
				ng = 1, starts[0] = from;
			for (int g = 0; g < ng; g++) {
				int ga = starts[g], gb = g + 1 < ng ? starts[g + 1] : k;
				acc e = {0}, f = {0};
				int blank_prev = prev >= 0 && !printed(t, rows[prev], *c);
				if (prev >= 0)
					acc_add(&e, cell(t, rows[prev], *c));
				for (int j = ga; j < gb && !blank_prev; j++)
					if (kind[j] == want)
						acc_add(&e, cell(t, rows[j], *c));
				acc_add(&f, cell(t, rows[k], *c));
				if (prev < 0 && want == K_TOP && ocr_read(t))
					lost_ordinals(t, rows, kind, ga, gb, *c, &e, &f);
				item_label(t, rows[k], *c, cols[0], lab, sizeof lab);
				if (ng > 1) {
					size_t l = strlen(lab);
					char first[200];
					snprintf(first, sizeof first, "%s", cell(t, rows[ga], "item"));
					snprintf(lab + l, sizeof lab - l, "#%d", g + 1);
				}
				/* a 合计 above printed blank: the total is not computable */
				where w = {W_COL, t, rows[k], *c,
				           prev >= 0 ? "the total above + the lines between"
				           : ng > 1 ? "Σ of one classification's lines above" : "Σ of the lines above",
				           NULL, -1, NULL, 0, NULL, NULL};
				if (prev >= 0)
					emit_cmp(r, t->id, "summary:总计=合计+结转", lab, &e, &f, &w);
				else if (ntop + nother + nsub)
					emit_cmp(r, t->id, "summary:合计=Σ一、", lab, &e, &f, &w);
			}
			/* a 总计 closes its block: a summary printing several
			 * expenditure blocks starts the next one below it */
			prev = k;
			if (strstr(cell(t, rows[k], "item"), "总计"))
				prev = -1, base = k + 1;
		}
	}
	free(rows);
	free(kind);
}

void summary_checks(gk_result *r, const gk_table *t, const char *amount,
                    const char *const *cols)
{
	summary_side(r, t, "收入", cols);
	summary_side(r, t, "支出", cols);
	int in = side_total(t, "收入"), out = side_total(t, "支出");
	if (in >= 0 && out >= 0) {
		acc e = {0}, f = {0};
		char lab[600];
		acc_add(&e, cell(t, in, amount));
		acc_add(&f, cell(t, out, amount));
		item_label(t, in, amount, amount, lab, sizeof lab);
		where w = {W_CROSS, t, out, amount, NULL, t, in, amount, 0, NULL, NULL};
		emit_cmp(r, t->id, "summary:收入总计=支出总计", lab, &e, &f, &w);
	}
}

void fiscal_row_checks(gk_result *r, const gk_table *t)
{
	static const char *const parts[] = {"general_budget", "government_fund", "state_capital", NULL};
	char lab[600];
	for (int i = 0; i < t->nrow; i++) {
		if (!strstr(cell(t, i, "side"), "支出") || !any_printed(t, i, parts))
			continue;
		acc e = {0}, f = {0};
		add_cols(&e, t, i, parts);
		acc_add(&f, cell(t, i, "total"));
		item_label(t, i, "total", "total", lab, sizeof lab);
		where w = {W_ROW, t, i, "total", "一般公共预算 + 政府性基金 + 国有资本经营", NULL, -1, NULL, 0, NULL, NULL};
		emit_cmp(r, t->id, "row:total=general_budget+government_fund+state_capital", lab, &e, &f, &w);
	}
}
