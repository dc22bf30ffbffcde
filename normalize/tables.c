/*
 * tables.c - find the tables of a document and turn them into contract
 * tables: titles (rules kind title*), heads (unit, department, header
 * words), rows (codes, labels, numbers re-joined across wrapped lines),
 * columns (rules kind column + the solver in solve.c).
 */
#include "contract.h"
#include "norm.h"
#include "parse.h"
#include "ocrfix.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* ---- lines ---------------------------------------------------------- */

typedef struct xline {
	const gk_line *l;
	char *compact; /* text without white space, width-folded for matching */
	int skip;      /* page furniture */
} xline;

typedef struct nctx {
	const gk_doc *doc;
	const gk_rules *rules;
	gk_result *r;
	xline *x;
	int n;
	char *dept;      /* 部门名称 */
	int unit_shift;  /* document unit -> 万元 */
	int unit_seen;
	int nother;
	char ctx_class[4], ctx_item[3]; /* 类 and 款 of the last coded row, for rows that print only 款/项 */
	double hx_kuan, hx_xiang;       /* x of the 款 and 项 header cells (0: unknown) */
	gk_strv cross; /* table id, column key, value, source: other tables' figures for a total row */
} nctx;

static char *compact_of(const char *s)
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

static int rule_any(const nctx *c, const char *kind, const char *s)
{
	return gk_rules_first(c->rules, kind, s) != NULL;
}

/* strip a title's decorations with the title-strip rules, in place */
static void strip_title(const nctx *c, char *s)
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
static const char *title_of(const nctx *c, const xline *x)
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

static int is_header_line(const nctx *c, const xline *x)
{
	return rule_any(c, "header", x->compact);
}

/* ---- tokens --------------------------------------------------------- */

static int is_digits(const char *s, int minl, int maxl)
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
static int tokens_of(const gk_line *l, tok *t, int max)
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

static int tok_is_plain_int(const tok *t)
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

/* ---- table heads ------------------------------------------------------ */


/* "部门名称：X  单位：万元" and friends, from a head line */
static void head_meta(nctx *c, const xline *x, int *unit_shift)
{
	const char *s = x->compact;
	const char *u = strstr(s, "单位：");
	if (!u)
		u = strstr(s, "单位:");
	if (u) {
		int sh = gk_unit_parse(u);
		if (sh != GK_UNIT_NONE) {
			*unit_shift = sh;
			if (!c->unit_seen) {
				c->unit_seen = 1;
				c->unit_shift = sh;
			}
		}
	}
	if (!c->dept) {
		/* "部门名称：X", "编制部门：X", "部门（单位）：X" (rules kind dept):
		 * the rest of that cell, or the next cell, up to "单位：万元" */
		const gk_line *l = x->l;
		for (int j = 0; j < l->ncell && !c->dept; j++) {
			char *cp = compact_of(l->cell[j].text);
			const gk_rule *r = gk_rules_first(c->rules, "dept", cp);
			size_t ov[2];
			if (r && gk_rule_match(r, cp, strlen(cp), ov)) {
				char *v = NULL;
				if (cp[ov[1]])
					v = gk_strdup(cp + ov[1]);
				else if (j + 1 < l->ncell)
					v = compact_of(l->cell[j + 1].text);
				if (v) {
					char *e = strstr(v, "金额单位");
					if (!e)
						e = strstr(v, "单位:");
					if (e)
						*e = 0;
					if (strlen(v) >= 6 && gk_unit_parse(v) == GK_UNIT_NONE && !rule_any(c, "header", v))
						c->dept = v;
					else
						free(v);
				}
			}
			free(cp);
		}
	}
}

/* ---- row assembly ---------------------------------------------------- */

typedef enum fam_id { F_SUMMARY, F_FISCAL, F_FUNC, F_BASIC, F_ECON, F_REVUNIT, F_THREE, F_PROJECT, F_DPERF, F_PPERF, F_OTHER } fam_id;

static fam_id family_of(const char *id)
{
	if (!strcmp(id, "revenue_expenditure_summary")) return F_SUMMARY;
	if (!strcmp(id, "fiscal_appropriation_summary")) return F_FISCAL;
	if (!strcmp(id, "expenditure_by_function") || !strcmp(id, "general_budget_expenditure") ||
	    !strcmp(id, "government_fund_expenditure") || !strcmp(id, "state_capital_expenditure"))
		return F_FUNC;
	if (!strcmp(id, "general_budget_basic_expenditure")) return F_BASIC;
	if (!strcmp(id, "expenditure_by_economic_class")) return F_ECON;
	if (!strcmp(id, "revenue_by_unit")) return F_REVUNIT;
	if (!strcmp(id, "three_public_expenses")) return F_THREE;
	if (!strcmp(id, "project_expenditure")) return F_PROJECT;
	if (!strcmp(id, "department_performance")) return F_DPERF;
	if (!strcmp(id, "project_performance")) return F_PPERF;
	return F_OTHER;
}

static const char *fam_rule_name[] = {"summary", "fiscal", "func", "basic", "econ", "revunit", "three", "project", "dperf", "pperf", "other"};

static void prow_free(prow *p)
{
	for (int i = 0; i < p->ntext; i++)
		free(p->text[i]);
	memset(p, 0, sizeof *p);
}

static void prow_add_text(prow *p, const tok *t)
{
	if (p->ntext >= 32)
		return;
	p->tidx[p->ntext] = t->idx;
	p->tx0[p->ntext] = t->x0;
	p->text[p->ntext++] = gk_strdup(t->text);
}

static void prow_add_num(prow *p, const tok *t)
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

/* Does a line start a new row?  A code, a total label, a unit code. */
static int starts_row(const nctx *c, fam_id f, const tok *t, int n)
{
	if (n == 0)
		return 0;
	const tok *a = &t[0];
	if (a->isnum && !tok_is_plain_int(a))
		return 0;
	if (tok_is_plain_int(a))
		return 1;
	char *cp = compact_of(a->text);
	int r = rule_any(c, "total", cp);
	/* a code glued to its name: "2010301行政运行" (not "2022年…") */
	size_t d = 0;
	while (isdigit((unsigned char)cp[d]))
		d++;
	if (!r && (d == 3 || d == 5 || d == 7) && cp[d] && cp[d] != '.' && strncmp(cp + d, "年", 3) &&
	    strncmp(cp + d, "月", 3))
		r = 1;
	free(cp);
	(void)f;
	return r;
}

/* ---- the table ------------------------------------------------------- */

typedef struct tspan {
	const char *id;
	int title, begin, end; /* line indices: title line, first body line, one past the last */
} tspan;

/* convert to 万元 */
static void put_amount(gk_table *t, int row, int col, const char *num, int shift)
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

/* the header text of a table: lines between the title and the first row */
typedef struct head {
	char *text;       /* compacted, joined */
	int first_row;    /* line index of the first body row */
	int unit_shift;
	int amount_start; /* TAB: field index of the first amount column */
	double split_x;   /* summaries: x where the right side starts */
	int split_idx;
} head;

static int line_has_amount(const nctx *c, int i)
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

/* ---- solver families from the column rules --------------------------- */

static void family_from_header(const nctx *c, const char *fam, const char *htext, solver_family *sf)
{
	memset(sf, 0, sizeof *sf);
	sf->name = fam;
	int n;
	const gk_rule *const *cols = gk_rules_of(c->rules, "column", &n); /* owned by the rules */
	size_t fl = strlen(fam);
	for (int i = 0; i < n && sf->nkey < 32; i++) {
		const gk_rule *r = cols[i];
		if (strncmp(r->name, fam, fl) || r->name[fl] != ':')
			continue;
		if (!gk_rule_match(r, htext, strlen(htext), NULL))
			continue;
		/* unless */
		int un;
		const gk_rule *const *us = gk_rules_of(c->rules, "column-unless", &un);
		int excluded = 0;
		for (int j = 0; j < un; j++)
			if (!strcmp(us[j]->name, r->name) && gk_rule_match(us[j], htext, strlen(htext), NULL))
				excluded = 1;
		if (excluded)
			continue;
		sf->key[sf->nkey++] = r->name + fl + 1;
	}
	int pn;
	const gk_rule *const *ps = gk_rules_of(c->rules, "prior", &pn);
	for (int j = 0; j < pn; j++) {
		if (strncmp(ps[j]->name, fam, fl) || ps[j]->name[fl] != ':')
			continue;
		for (int k = 0; k < sf->nkey; k++)
			if (!strcmp(sf->key[k], ps[j]->name + fl + 1)) {
				long long v;
				int sc;
				if (gk_dec_parse(ps[j]->pattern, &v, &sc)) {
					double d = (double)v;
					while (sc-- > 0)
						d /= 10;
					sf->prior[k] = d;
				}
			}
	}
}

/* ---- generic numeric tables ------------------------------------------ */

/* Is token i of a line a code rather than an amount?  A plain integer
 * (no decimal point, no separators) is a code when text follows it on the
 * line, or when a decimal amount follows it, or when the line is a short
 * run of code-shaped integers alone. */
static int tok_is_code(const tok *t, int n, int i, int code_family)
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

static int is_org_name(const char *s)
{
	static const char *suf[] = {"局", "委员会", "委", "办公室", "办", "中心", "院", "所", "站", "队", "馆", "会", "部",
	                            "厅", "处", "室", "学校", "医院", "公司", "街道", "镇", "乡", "政府", "机关", "本级",
	                            "小学", "中学", "幼儿园", "大学", "署", "社", "台", NULL};
	size_t l = strlen(s);
	if (l < 6)
		return 0;
	for (int i = 0; suf[i]; i++) {
		size_t k = strlen(suf[i]);
		if (l >= k && !strcmp(s + l - k, suf[i]))
			return 1;
	}
	return 0;
}

typedef struct rowkeys {
	char func[16], econ[16], gov[16], unit[32];
	char *name, *name2, *ptype;
	int total;
	int context_only; /* a code line that only sets 类/款 for the rows below */
	char misprint[32]; /* the code as printed, when it was repaired */
} rowkeys;

static void rowkeys_free(rowkeys *k)
{
	free(k->name);
	free(k->name2);
	free(k->ptype);
	memset(k, 0, sizeof *k);
}

/* A row's text pieces: codes first, names after; interpret per family. */
static void interpret_keys(nctx *c, fam_id f, prow *p, rowkeys *k)
{
	memset(k, 0, sizeof *k);
	/* merge code fragments "201" "03" "01" -> 2010301 */
	char codes[4][32];
	int ncode = 0;
	int name_at[4] = {0};
	gk_strv names = {0};
	for (int i = 0; i < p->ntext; i++) {
		char *cp = compact_of(p->text[i]);
		if (is_digits(cp, 1, 24)) {
			size_t l = strlen(cp);
			int glued = 0;
			if (ncode > 0 && name_at[ncode - 1] == names.n && l == 2) {
				size_t cl = strlen(codes[ncode - 1]);
				if ((cl == 3 || cl == 5) && (f == F_FUNC || f == F_BASIC || f == F_ECON || f == F_REVUNIT) &&
				    (codes[ncode - 1][0] == '2' || codes[ncode - 1][0] == '3' || codes[ncode - 1][0] == '5')) {
					strcat(codes[ncode - 1], cp);
					glued = 1;
				}
			}
			if (!glued && ncode < 4) {
				snprintf(codes[ncode], sizeof codes[0], "%s", cp);
				name_at[ncode] = names.n;
				ncode++;
			}
			free(cp);
			continue;
		}
		/* "[2010501]行政运行", "【201】…": a bracketed code */
		if ((cp[0] == '[' || !strncmp(cp, "【", 3)) && ncode < 4) {
			const char *q = cp + (cp[0] == '[' ? 1 : 3);
			size_t dd = 0;
			while (isdigit((unsigned char)q[dd]))
				dd++;
			const char *close = q + dd;
			size_t cl = *close == ']' ? 1 : !strncmp(close, "】", 3) ? 3 : 0;
			if (dd >= 3 && dd <= 9 && cl) {
				snprintf(codes[ncode], sizeof codes[0], "%.*s", (int)dd, q);
				name_at[ncode] = names.n;
				ncode++;
				if (close[cl])
					gk_strv_pushs(&names, close + cl);
				free(cp);
				continue;
			}
		}
		/* "2010301行政运行": a code glued to its name */
		size_t d = 0;
		while (isdigit((unsigned char)cp[d]))
			d++;
		if ((d == 3 || d == 5 || d == 7) && cp[d] && strncmp(cp + d, "年", 3) && strncmp(cp + d, "月", 3) &&
		    cp[d] != '.' && f != F_PROJECT && ncode < 4) {
			snprintf(codes[ncode], sizeof codes[0], "%.*s", (int)d, cp);
			name_at[ncode] = names.n;
			ncode++;
			const char *at = strstr(p->text[i], cp + d); /* NULL when the name had spaces */
			at = at ? at : cp + d;
			if (*at == '-') /* "2080506-机关事业单位…" */
				at++;
			else if (!strncmp(at, "－", 3))
				at += 3;
			gk_strv_pushs(&names, at);
			free(cp);
			continue;
		}
		free(cp);
		gk_strv_pushs(&names, p->text[i]);
	}
	/* join name pieces between codes */
	char *seg[4] = {0};
	int nseg = 0;
	{
		int start = 0;
		for (int ci = 0; ci <= ncode && nseg < 4; ci++) {
			int end = ci + 1 <= ncode - 1 ? name_at[ci + 1] : names.n;
			if (ci == ncode)
				break;
			gk_buf b = {0};
			for (int j = (ci == 0 ? 0 : start); j < end; j++) {
				if (b.len)
					gk_buf_addc(&b, ' ');
				gk_buf_adds(&b, names.v[j]);
			}
			start = end;
			seg[nseg++] = gk_buf_take(&b);
		}
		if (ncode == 0) {
			gk_buf b = {0};
			for (int j = 0; j < names.n; j++) {
				if (b.len)
					gk_buf_addc(&b, ' ');
				gk_buf_adds(&b, names.v[j]);
			}
			seg[nseg++] = gk_buf_take(&b);
		}
	}
	char *clean[4] = {0};
	for (int i = 0; i < nseg; i++) {
		clean[i] = gk_label_clean(seg[i]);
		free(seg[i]);
	}
	/* the name: the first non-empty piece ("04 09 名称" puts it after two codes) */
	if (f == F_FUNC || f == F_REVUNIT)
		for (int i = 1; i < nseg && clean[0] && !*clean[0]; i++)
			if (clean[i] && *clean[i]) {
				char *tmp = clean[0];
				clean[0] = clean[i];
				clean[i] = tmp;
			}
	char *cname = clean[0] ? clean[0] : gk_strdup("");
	char *ccomp = compact_of(cname);
	k->total = ncode == 0 && (rule_any(c, "total", ccomp) || (!*ccomp && p->nnum > 0));
	free(ccomp);

	switch (f) {
	case F_REVUNIT: /* rows by unit code or, like the function tables, by function code */
	case F_FUNC:
		/* 类 款 项 printed with a class that is no class ("7 11 02" under
		 * "210 11"): the 款 of the rows above says which it is */
		if (ncode == 3 && strlen(codes[0]) < 3 && strlen(codes[1]) == 2 && strlen(codes[2]) == 2 &&
		    *c->ctx_class && !strcmp(c->ctx_item, codes[1]) && *cname) {
			snprintf(k->misprint, sizeof k->misprint, "%s %s %s", codes[0], codes[1], codes[2]);
			snprintf(codes[0], sizeof codes[0], "%s%s%s", c->ctx_class, codes[1], codes[2]);
			ncode = 1;
		}
		if (ncode > 0 && strlen(codes[0]) == 2 && *c->ctx_class) {
			/* 类 printed once above its 款/项 rows: "04 09 名称", "01 名称", "11" */
			/* which column the lone code sits in, when the header says */
			int in_kuan = 0;
			if (c->hx_kuan > 0 && c->hx_xiang > 0 && ncode == 1) {
				double x = -1;
				for (int i = 0; i < p->ntext; i++) {
					char *cp2 = compact_of(p->text[i]);
					if (!strcmp(cp2, codes[0]))
						x = p->tx0[i];
					free(cp2);
					if (x >= 0)
						break;
				}
				if (x >= 0) {
					double dk = x - c->hx_kuan, dx = x - c->hx_xiang;
					in_kuan = (dk < 0 ? -dk : dk) < (dx < 0 ? -dx : dx);
				}
			}
			if (ncode >= 2 && strlen(codes[1]) == 2)
				snprintf(k->func, sizeof k->func, "%s%s%s", c->ctx_class, codes[0], codes[1]);
			else if (in_kuan && *cname)
				snprintf(k->func, sizeof k->func, "%s%s", c->ctx_class, codes[0]);
			else if (*cname && *c->ctx_item)
				snprintf(k->func, sizeof k->func, "%s%s%s", c->ctx_class, c->ctx_item, codes[0]);
			else if (!*cname) {
				snprintf(c->ctx_item, sizeof c->ctx_item, "%s", codes[0]);
				k->context_only = !p->nnum;
			}
			if (*k->func)
				snprintf(c->ctx_item, sizeof c->ctx_item, "%.2s", k->func + 3);
		} else if (ncode > 0) {
			char out[16];
			const char *cd = codes[0];
			int nd = gk_func_code(cd, out);
			if (nd && !(nd == 3 && (is_org_name(cname) || name_at[0] > 0)) && ncode == 1)
				snprintf(k->func, sizeof k->func, "%s", out);
			else if (nd && ncode > 1) /* func code then unit code? keep func */
				snprintf(k->func, sizeof k->func, "%s", out);
			else
				snprintf(k->unit, sizeof k->unit, "%s", cd);
			if (*k->func) {
				snprintf(c->ctx_class, sizeof c->ctx_class, "%.3s", k->func);
				snprintf(c->ctx_item, sizeof c->ctx_item, "%.2s", strlen(k->func) >= 5 ? k->func + 3 : "");
				if (strlen(k->func) == 3 && !*cname && !p->nnum)
					k->context_only = 1;
			}
		}
		k->name = cname;
		cname = NULL;
		break;
	case F_BASIC:
	case F_ECON:
		for (int i = 0; i < ncode; i++) {
			char out[16];
			int nd = gk_econ_code(codes[i], out);
			char *nm = i < nseg ? clean[i] : NULL;
			if (nd && out[0] == '3' && !*k->econ && !*k->gov) {
				snprintf(k->econ, sizeof k->econ, "%s", out);
				if (nm)
					k->name = gk_strdup(nm);
			} else if (nd && out[0] == '5' && !*k->gov) {
				snprintf(k->gov, sizeof k->gov, "%s", out);
				if (nm)
					k->name2 = gk_strdup(nm);
			} else if (!*k->unit && !*k->econ) {
				snprintf(k->unit, sizeof k->unit, "%s", codes[i]);
				if (nm)
					k->name = gk_strdup(nm);
			}
		}
		if (ncode == 0) {
			k->name = cname;
			cname = NULL;
		}
		break;
	case F_PROJECT: {
		if (ncode > 0)
			snprintf(k->unit, sizeof k->unit, "%s", codes[0]);
		/* pieces: a type (…类), the department/unit, the project name */
		gk_strv pcs = {0};
		for (int i = 0; i < names.n; i++) {
			char *cl = gk_label_clean(names.v[i]);
			if (pcs.n && (!strcmp(cl, "类") || !strcmp(cl, "目类") || !strcmp(cl, "标类"))) {
				char *j = gk_strfmt("%s%s", pcs.v[pcs.n - 1], cl);
				free(pcs.v[pcs.n - 1]);
				pcs.v[pcs.n - 1] = j;
				free(cl);
			} else {
				gk_strv_push(&pcs, cl);
			}
		}
		gk_buf nm = {0};
		char *dcomp = c->dept ? compact_of(c->dept) : NULL;
		gk_buf acc = {0};
		for (int i = 0; i < pcs.n; i++) {
			const char *s = pcs.v[i];
			size_t l = strlen(s);
			if (!k->ptype && l >= 6 && l <= 24 && !strcmp(s + l - 3, "类")) {
				k->ptype = gk_strdup(s);
				continue;
			}
			/* the unit: pieces that together spell the department */
			if (dcomp && !k->name2) {
				gk_buf_adds(&acc, s);
				if (!strncmp(dcomp, acc.s, acc.len)) {
					if (!strcmp(dcomp, acc.s)) {
						k->name2 = gk_strdup(dcomp);
						gk_buf_reset(&acc);
					}
					continue;
				}
				/* not the department after all: give the pieces back */
				gk_buf_add(&nm, acc.s, acc.len - l);
				gk_buf_reset(&acc);
			}
			if (!k->name2 && is_org_name(s) && i == pcs.n - 1 && nm.len) {
				k->name2 = gk_strdup(s);
				continue;
			}
			gk_buf_adds(&nm, s);
		}
		if (acc.len)
			gk_buf_add(&nm, acc.s, acc.len);
		gk_buf_drop(&acc);
		free(dcomp);
		k->name = gk_buf_take(&nm);
		gk_strv_drop(&pcs);
		/* a unit row: a code and an organisation, or just the department */
		if (*k->unit && !k->name2 && *k->name) {
			k->name2 = k->name;
			k->name = gk_strdup("");
		}
		if (!*k->name && !k->name2 && !k->ptype && !*k->unit)
			k->total = 1;
		break;
	}
	default:
		k->name = cname;
		cname = NULL;
	}
	free(cname);
	for (int i = 1; i < nseg; i++)
		free(clean[i]);
	gk_strv_drop(&names);
	if (!k->name)
		k->name = gk_strdup("");
}

/* Assemble the body lines [b, e) into rows.  Returns the row count. */
static int assemble_rows(nctx *c, fam_id f, int b, int e, prow *rows, int maxrows, int *end_line)
{
	int nr = 0, open = 0; /* open: the last row still waits for its numbers */
	int code_family = f == F_FUNC || f == F_BASIC || f == F_ECON || f == F_REVUNIT || f == F_PROJECT ? 1
	                  : f == F_THREE                                                                ? 2
	                                                                                                : 0;
	/* text lines seen after a complete row: prefix of the next or suffix of the last */
	prow pend;
	memset(&pend, 0, sizeof pend);
	double pend_y = 0;
	int pend_page = 0;
	*end_line = e;
	for (int i = b; i < e; i++) {
		const xline *x = &c->x[i];
		if (x->skip)
			continue;
		if (rule_any(c, "table-end", x->compact)) {
			*end_line = i;
			break;
		}
		if (rule_any(c, "unit", x->compact) || rule_any(c, "dept", x->compact)) {
			int sh = GK_UNIT_NONE;
			head_meta(c, x, &sh);
			continue;
		}
		/* the header repeated at the top of the next page */
		if (rule_any(c, "header-repeat", x->compact) && !line_has_amount(c, i))
			continue;
		/* running prose after the table: a long sentence is no row */
		if (strlen(x->compact) > 45 && strstr(x->compact, "。")) {
			*end_line = i;
			break;
		}
		tok t[256];
		int n = tokens_of(x->l, t, 256);
		if (!n)
			continue;
		int has_num = 0, has_text = 0, lead_code = 0;
		for (int j = 0; j < n; j++) {
			if (t[j].isnum && !tok_is_code(t, n, j, code_family))
				has_num = 1;
			else
				has_text = 1;
		}
		lead_code = tok_is_code(t, n, 0, code_family);
		int starts = lead_code || starts_row(c, f, t, n);
		if (!starts && has_text && has_num && !open)
			starts = 1; /* a labelled row: unit name, project ... */
		if (!starts && !has_text && has_num && !open)
			starts = 1; /* a row of numbers with no label */
		if (!starts && has_text && !has_num && !open) {
			/* a fragment after a complete row: keep it pending */
			for (int j = 0; j < n; j++)
				prow_add_text(&pend, &t[j]);
			if (!pend_y)
				pend_y = x->l->y0, pend_page = x->l->page;
			continue;
		}
		if (starts) {
			if (nr == maxrows)
				break;
			prow *p = &rows[nr++];
			memset(p, 0, sizeof *p);
			p->line0 = i;
			open = 1;
			/* pending text: prefix of this row when this row's own line has
			 * no label, or the last row has none; else the last row's suffix */
			int own_label = 0;
			for (int j = 0; j < n; j++)
				if (!t[j].isnum && !tok_is_code(t, n, j, code_family))
					own_label = 1;
			if (pend.ntext) {
				int prefix = !own_label || (nr >= 2 && rows[nr - 2].ntext == 0);
				if (x->l->geom == GK_GEOM_POS && nr >= 2 && own_label == 0) {
					double dprev = pend_y - c->x[rows[nr - 2].line1].l->y1;
					double dnext = x->l->y0 - pend_y;
					prefix = dnext <= dprev;
				}
				prow *dst = prefix || nr < 2 ? p : &rows[nr - 2];
				for (int j = 0; j < pend.ntext && dst->ntext < 32; j++) {
					dst->tidx[dst->ntext] = pend.tidx[j];
					dst->tx0[dst->ntext] = pend.tx0[j];
					dst->text[dst->ntext++] = gk_strdup(pend.text[j]);
				}
				prow_free(&pend);
				pend_y = 0;
			}
		}
		if (!nr)
			continue;
		prow *p = &rows[nr - 1];
		for (int j = 0; j < n; j++) {
			if (t[j].isnum && !tok_is_code(t, n, j, code_family))
				prow_add_num(p, &t[j]);
			else
				prow_add_text(p, &t[j]);
		}
		p->line1 = i;
		if (has_num) {
			p->y = x->l->y0;
			open = 0;
		}
	}
	/* trailing fragments: the last row's suffix (not a year line that
	 * belongs to the next table's title) */
	int year_line = 0;
	if (pend.ntext == 1) {
		char *cp = compact_of(pend.text[0]);
		const char *q = cp;
		if (!strncmp(q, "（", 3))
			q += 3;
		else if (*q == '(')
			q++;
		year_line = strlen(q) >= 7 && is_digits((char[]){q[0], q[1], q[2], q[3], 0}, 4, 4) && !strncmp(q + 4, "年", 3);
		free(cp);
	}
	/* (text on a later page than the last row is not its suffix) */
	if (pend.ntext && nr && !year_line && c->x[rows[nr - 1].line1].l->page == pend_page) {
		prow *dst = &rows[nr - 1];
		for (int j = 0; j < pend.ntext && dst->ntext < 32; j++) {
			dst->tidx[dst->ntext] = pend.tidx[j];
			dst->tx0[dst->ntext] = pend.tx0[j];
			dst->text[dst->ntext++] = gk_strdup(pend.text[j]);
		}
	}
	prow_free(&pend);
	/* a row with neither numbers nor label is noise */
	int k = 0;
	for (int i = 0; i < nr; i++) {
		if (rows[i].nnum == 0 && rows[i].ntext == 0)
			continue;
		if (k != i)
			rows[k] = rows[i];
		k++;
	}
	return k;
}

/* Column slots from the layout: TAB field index minus the first amount
 * column; PDF x positions clustered by overlap. */
static void assign_slots(prow *rows, int nr, gk_geom geom)
{
	if (geom == GK_GEOM_TAB) {
		/* the first amount column: the most common field index of a row's first number */
		int count[256] = {0}, best = 0;
		for (int i = 0; i < nr; i++)
			if (rows[i].nnum && rows[i].nidx[0] >= 0 && rows[i].nidx[0] < 256)
				count[rows[i].nidx[0]]++;
		for (int j = 1; j < 256; j++)
			if (count[j] > count[best])
				best = j;
		for (int i = 0; i < nr; i++)
			for (int j = 0; j < rows[i].nnum; j++)
				rows[i].slot[j] = rows[i].nidx[j] - best >= 0 ? rows[i].nidx[j] - best : -1;
		return;
	}
	if (geom != GK_GEOM_POS)
		return;
	/* interval clustering of number cells */
	int total = 0;
	for (int i = 0; i < nr; i++)
		total += rows[i].nnum;
	if (!total)
		return;
	typedef struct iv { double a, b; int row, j; } iv;
	iv *v = gk_malloc(sizeof *v * (size_t)total);
	int k = 0;
	for (int i = 0; i < nr; i++)
		for (int j = 0; j < rows[i].nnum; j++)
			v[k++] = (iv){rows[i].nx0[j], rows[i].nx1[j], i, j};
	/* sort by left edge (insertion sort: tables are small) */
	for (int i = 1; i < total; i++) {
		iv t = v[i];
		int j = i - 1;
		while (j >= 0 && v[j].a > t.a) {
			v[j + 1] = v[j];
			j--;
		}
		v[j + 1] = t;
	}
	int cl = 0;
	double reach = v[0].b;
	for (int i = 0; i < total; i++) {
		if (i && v[i].a > reach) {
			cl++;
			reach = v[i].b;
		}
		if (v[i].b > reach)
			reach = v[i].b;
		rows[v[i].row].slot[v[i].j] = cl;
	}
	free(v);
}

/* Code meaning as a tie-breaker: rules "econ-class" NAME=column say which
 * column an economic code's row belongs to; the other columns of that
 * rule family cost one more. */
static void econ_bias(const nctx *c, const solver_family *sf, const char *code, prow *p)
{
	int n;
	const gk_rule *const *rs = gk_rules_of(c->rules, "econ-class", &n);
	for (int i = 0; i < n; i++) {
		if (!gk_rule_match(rs[i], code, strlen(code), NULL))
			continue;
		/* name is family:column */
		size_t fl = strlen(sf->name);
		if (strncmp(rs[i]->name, sf->name, fl) || rs[i]->name[fl] != ':')
			continue;
		const char *col = rs[i]->name + fl + 1;
		int have = -1;
		for (int k = 0; k < sf->nkey; k++)
			if (!strcmp(sf->key[k], col))
				have = k;
		if (have < 0)
			continue;
		/* the rivals of this column: the family's other non-total keys */
		for (int k = 1; k < sf->nkey; k++)
			if (k != have)
				p->bias[k] += 0.3; /* within the solver's tie window: column sums can still overrule */
		return;
	}
}

typedef struct hcell {
	double x0, x1;
	int order, line;
	int group; /* spans two or more columns of the lines below: a group header */
	const char *text;
} hcell;

static int hcell_cmp_x(const void *a, const void *b)
{
	const hcell *x = a, *y = b;
	return x->x0 < y->x0 ? -1 : x->x0 > y->x0 ? 1 : x->order - y->order;
}

static int hcell_overlap(const hcell *a, double x0, double x1)
{
	return (a->x1 < x1 ? a->x1 : x1) - (a->x0 > x0 ? a->x0 : x0) > 1;
}

/* A positioned header read column by column: a header cell wrapped over
 * lines ("其中：财政拨" above "款") is one word again when the cells that
 * overlap in x are joined top to bottom; a group header over several
 * columns ("其他资金收入" over 事业收入, 经营收入, 其他收入) heads each of
 * them instead of gluing them together.  Appended to the line-by-line
 * reading after a newline, so column rules match either reading but not
 * across the two.  lines[] are the header's line indices, top to bottom. */
static void add_head_by_column(const nctx *c, const int *lines, int nl, gk_buf *ht)
{
	int n = 0, cap = 0;
	hcell *hc = NULL;
	double minx = 1e18, maxx = -1e18;
	for (int i = 0; i < nl; i++) {
		const gk_line *l = c->x[lines[i]].l;
		if (l->geom != GK_GEOM_POS)
			goto out;
		for (int j = 0; j < l->ncell; j++) {
			if (n == cap)
				hc = gk_realloc(hc, sizeof *hc * (size_t)(cap = cap ? 2 * cap : 32));
			hc[n] = (hcell){l->cell[j].x0, l->cell[j].x1, n, i, 0, l->cell[j].text};
			if (hc[n].x0 < minx)
				minx = hc[n].x0;
			if (hc[n].x1 > maxx)
				maxx = hc[n].x1;
			n++;
		}
	}
	if (n < 2)
		goto out;
	qsort(hc, (size_t)n, sizeof *hc, hcell_cmp_x);
	/* group headers: over two or more disjoint cells of the lines below */
	for (int i = 0; i < n; i++) {
		int disjoint = 0;
		double reach = -1e18;
		for (int j = 0; j < n; j++) /* by x0 */
			if (hc[j].line > hc[i].line && hcell_overlap(&hc[j], hc[i].x0, hc[i].x1) && hc[j].x0 >= reach - 1) {
				disjoint++;
				reach = hc[j].x1;
			}
		hc[i].group = disjoint >= 2 || hc[i].x1 - hc[i].x0 > (maxx - minx) / 3;
	}
	gk_buf_addc(ht, '\n');
	int *mem = gk_malloc(sizeof(int) * (size_t)n);
	for (int i = 0; i < n;) {
		if (hc[i].group) {
			i++;
			continue;
		}
		int nm = 1, j = i + 1;
		double x0 = hc[i].x0, reach = hc[i].x1;
		mem[0] = i;
		for (; j < n && (hc[j].group || hc[j].x0 < reach - 1); j++)
			if (!hc[j].group) {
				mem[nm++] = j;
				if (hc[j].x1 > reach)
					reach = hc[j].x1;
			}
		/* the group headers above this column, then its own words, top
		 * to bottom */
		int *all = gk_malloc(sizeof(int) * (size_t)n);
		int na = 0;
		for (int k = 0; k < n; k++)
			if (hc[k].group && hc[k].x1 - hc[k].x0 <= (maxx - minx) / 3 && hcell_overlap(&hc[k], x0, reach))
				all[na++] = k;
		for (int k = 0; k < nm; k++)
			all[na++] = mem[k];
		for (int p = 1; p < na; p++) /* by reading order */
			for (int q = p; q > 0 && hc[all[q]].order < hc[all[q - 1]].order; q--) {
				int t = all[q];
				all[q] = all[q - 1];
				all[q - 1] = t;
			}
		for (int k = 0; k < na; k++) {
			char *cp = compact_of(hc[all[k]].text);
			gk_buf_adds(ht, cp);
			free(cp);
		}
		gk_buf_addc(ht, ' ');
		free(all);
		i = j;
	}
	free(mem);
out:
	free(hc);
}

/* Where the head ends: the first line that carries a row. */
static void read_head(nctx *c, fam_id f, int b, int e, head *h)
{
	memset(h, 0, sizeof *h);
	h->unit_shift = GK_UNIT_NONE;
	h->first_row = e;
	gk_buf ht = {0};
	int hl[64] = {0}, nhl = 0;
	int code_family = f == F_FUNC || f == F_BASIC || f == F_ECON || f == F_REVUNIT || f == F_PROJECT;
	for (int i = b; i < e; i++) {
		const xline *x = &c->x[i];
		if (x->skip)
			continue;
		if (rule_any(c, "unit", x->compact) || rule_any(c, "dept", x->compact) || strstr(x->compact, "单位：") ||
		    strstr(x->compact, "单位:")) {
			head_meta(c, x, &h->unit_shift);
			if (rule_any(c, "dept", x->compact) || rule_any(c, "unit", x->compact))
				continue;
		}
		if (rule_any(c, "table-end", x->compact)) {
			h->first_row = i;
			break;
		}
		tok t[256];
		int n = tokens_of(x->l, t, 256);
		int rowish = line_has_amount(c, i) || (n && tok_is_code(t, n, 0, code_family));
		/* a total row of integer amounts: "合计 1265 372 893" */
		if (!rowish && n >= 2 && !t[0].isnum) {
			char *cp0 = compact_of(t[0].text);
			int nums = 0;
			for (int j = 1; j < n; j++)
				nums += t[j].isnum;
			rowish = nums > 0 && nums == n - 1 && rule_any(c, "total", cp0);
			free(cp0);
		}
		if (f == F_DPERF || f == F_PPERF)
			rowish = 0;
		if (rowish) {
			h->first_row = i;
			break;
		}
		gk_buf_adds(&ht, x->compact);
		if (nhl < 64)
			hl[nhl++] = i;
		if (f == F_DPERF && (strstr(x->compact, "三级指标") || strstr(x->compact, "指标值"))) {
			h->first_row = i + 1;
			break;
		}
		if (f == F_PPERF && strstr(x->compact, "指标值") && strstr(x->compact, "三级指标")) {
			h->first_row = i + 1;
			break;
		}
	}
	add_head_by_column(c, hl, nhl, &ht);
	h->text = gk_buf_take(&ht);
}

static gk_geom body_geom(const nctx *c, int b, int e)
{
	int cnt[3] = {0};
	for (int i = b; i < e; i++)
		if (!c->x[i].skip)
			cnt[c->x[i].l->geom]++;
	return cnt[GK_GEOM_TAB] >= cnt[GK_GEOM_POS] && cnt[GK_GEOM_TAB] >= cnt[GK_GEOM_FLOW] ? GK_GEOM_TAB
	       : cnt[GK_GEOM_POS] >= cnt[GK_GEOM_FLOW]                                     ? GK_GEOM_POS
	                                                                                   : GK_GEOM_FLOW;
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

#define MAXROWS 4096

/* "一、" "（三）" "(十二)" "1." at the start of a label */
static int is_ordinal_label(const char *s)
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

/* ---- positioned tables: logical rows ----------------------------------- */

/* In a PDF a table row is often several text lines: a label wrapped inside
 * its cell, printed above and below the row's numbers, and a number split
 * from its decimals.  For a positioned span, rebuild the rows: fragments of
 * one column are joined when the next starts less than a row pitch below
 * and is not a new item (an ordinal, a code, 其中, a total); the joined cells
 * are then grouped into rows by their vertical centres.  The result is a
 * document of one line per logical row, parsed like any other. */

typedef struct frag {
	double x0, x1, y0, y1;
	gk_buf text;
	int num, col, page, dead;
	int line_num;   /* its line also carries numbers: it is a row, not a wrap */
	int marker;     /* a 行次 number: anchors its row like an amount, not written */
	double last_y0; /* y0 of the last fragment joined */
	int nxt, tail;  /* chain of joined fragments: next member, last member */
	int anchors;    /* members on a line with numbers (a chain holds one row) */
	double cy0, cy1;/* the fragment's own vertical extent */
} frag;

static int frag_is_new_item(const nctx *c, const char *text)
{
	char *cp = compact_of(text);
	int r = is_ordinal_label(cp) || rule_any(c, "item-start", cp) || rule_any(c, "total", cp) ||
	        isdigit((unsigned char)cp[0]);
	free(cp);
	return r;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static int frag_cmp_y(const void *a, const void *b)
{
	const frag *x = a, *y = b;
	if (x->page != y->page)
		return x->page - y->page;
	return x->y0 < y->y0 ? -1 : x->y0 > y->y0 ? 1 : (x->x0 < y->x0 ? -1 : x->x0 > y->x0);
}

static int frag_cmp_center(const void *a, const void *b)
{
	const frag *x = *(frag *const *)a, *y = *(frag *const *)b;
	if (x->page != y->page)
		return x->page - y->page;
	double cx = (x->y0 + x->y1) / 2, cy = (y->y0 + y->y1) / 2;
	return cx < cy ? -1 : cx > cy ? 1 : (x->x0 < y->x0 ? -1 : x->x0 > y->x0);
}

static int frag_cmp_x(const void *a, const void *b)
{
	const frag *x = *(frag *const *)a, *y = *(frag *const *)b;
	return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

/* How far the centre of chain members mem[a..b) is from its row: the
 * numbers line of a member that sits on one (the anchor), else the nearest
 * numbers line of the page. */
static double chain_offset(const frag *f, const int *mem, int a, int b, const double *nc, const int *ncp, int nnc)
{
	double cy = (f[mem[a]].cy0 + f[mem[b - 1]].cy1) / 2, best = 1e18;
	for (int k = a; k < b; k++)
		if (f[mem[k]].line_num) {
			double d = cy - (f[mem[k]].cy0 + f[mem[k]].cy1) / 2;
			return d < 0 ? -d : d;
		}
	for (int q = 0; q < nnc; q++)
		if (ncp[q] == f[mem[a]].page) {
			double d = cy - nc[q];
			if (d < 0)
				d = -d;
			if (d < best)
				best = d;
		}
	return best;
}

static int near_numbers(const double *nc, const int *ncp, int nnc, int page, double y, double tol)
{
	int lo = 0, hi = nnc; /* first entry not before (page, y - tol) */
	while (lo < hi) {
		int m = (lo + hi) / 2;
		if (ncp[m] < page || (ncp[m] == page && nc[m] < y - tol))
			lo = m + 1;
		else
			hi = m;
	}
	return lo < nnc && ncp[lo] == page && nc[lo] <= y + tol;
}

/* The line pitch inside wrapped cells, from cells centred on their row:
 * two fragments of one column placed symmetrically about a row's numbers
 * with nothing of theirs on that line (a cell of an even number of lines),
 * or about a fragment on the numbers line that starts at the same x (an
 * odd number).  Returns the most voted step (per line), 0 when fewer than
 * three votes agree.  f is sorted by page and y0. */
static double wrap_pitch(const frag *f, int nf, double h, const double *nc, const int *ncp, int nnc)
{
	int cap = 64, nv = 0;
	double *v = gk_malloc(sizeof(double) * (size_t)cap);
	for (int i = 0; i < nf; i++) {
		if (f[i].num || f[i].line_num)
			continue;
		double ci = (f[i].y0 + f[i].y1) / 2;
		for (int k = i + 1; k < nf && f[k].page == f[i].page && f[k].y0 - f[i].y0 < 4.4 * h; k++) {
			if (f[k].num || f[k].line_num)
				continue;
			double ov = (f[i].x1 < f[k].x1 ? f[i].x1 : f[k].x1) - (f[i].x0 > f[k].x0 ? f[i].x0 : f[k].x0);
			double ck = (f[k].y0 + f[k].y1) / 2, dy = ck - ci, mid = (ci + ck) / 2;
			if (dy < 0.8 * h || ov <= 0)
				continue;
			double step = 0;
			if (dy < 2.2 * h && near_numbers(nc, ncp, nnc, f[i].page, mid, 0.06 * h)) {
				/* two lines about the numbers, nothing of the column
				 * between them */
				step = dy;
				for (int q = i + 1; q < k && step > 0; q++) {
					double oq = (f[i].x1 < f[q].x1 ? f[i].x1 : f[q].x1) - (f[i].x0 > f[q].x0 ? f[i].x0 : f[q].x0);
					if (oq > 0 && f[q].y0 > f[i].y0 + 0.5 * h && f[q].y0 < f[k].y0 - 0.5 * h)
						step = 0;
				}
			}
			else if (dy >= 1.6 * h && f[k].x0 - f[i].x0 < 0.6 && f[i].x0 - f[k].x0 < 0.6)
				/* three lines: the middle one on the numbers line */
				for (int q = i + 1; q < k && !step; q++) {
					double cq = (f[q].y0 + f[q].y1) / 2;
					if (f[q].line_num && !f[q].num && f[q].x0 - f[i].x0 < 0.6 && f[i].x0 - f[q].x0 < 0.6 &&
					    cq - mid < 0.12 * h && mid - cq < 0.12 * h)
						step = dy / 2;
				}
			if (step <= 0)
				continue;
			if (nv == cap)
				v = gk_realloc(v, sizeof(double) * (size_t)(cap *= 2));
			v[nv++] = step;
		}
	}
	qsort(v, (size_t)nv, sizeof *v, cmp_double);
	double best = 0;
	int bestn = 2;
	for (int i = 0, j = 0; i < nv; i++) { /* densest window of 0.05 h */
		while (v[i] - v[j] > 0.05 * h)
			j++;
		if (i - j + 1 > bestn)
			bestn = i - j + 1, best = (v[i] + v[j]) / 2;
	}
	if (getenv("GK_DEBUG_ROWS")) {
		fprintf(stderr, "wrap_pitch p%d: %d votes, best %.2f x%d:", nf ? f[0].page : 0, nv, best, bestn);
		for (int i = 0; i < nv; i++)
			fprintf(stderr, " %.1f", v[i]);
		fprintf(stderr, "\n");
	}
	free(v);
	return best;
}

/* bytes of the UTF-8 sequence at p (1 for a stray byte) */
static int u8len(const char *p)
{
	unsigned cp;
	int n = gk_utf8_next((const unsigned char *)p, 4, &cp);
	return n ? n : 1;
}

/* A header cell of tight columns comes out as one cell of several words
 * ("一般公共预 政府性基金 国有资本经"): when it stands over two or more
 * columns (`over`), split it at its spaces, each word getting the share of
 * the width its characters take (CJK text is monospaced), so that each
 * word stands over its own column.  Words of one or two characters
 * ("小 计"), or with digits or letters, are not columns. */
static void add_head_cell(gk_line *n, const gk_cell *cl, int over)
{
	const char *t = cl->text;
	int words = 0, chars = 0, shortw = 0;
	for (const char *p = t; *p;) {
		while (*p == ' ')
			p++, chars++;
		if (!*p)
			break;
		int wl = 0;
		while (*p && *p != ' ') {
			shortw |= (unsigned char)*p < 0x80; /* a digit, a letter: not a CJK header word */
			p += u8len(p);
			wl++;
		}
		chars += wl;
		words++;
		shortw |= wl < 3;
	}
	if (words < 2 || shortw || over < 2 || !gk_has_cjk(t) || n->geom != GK_GEOM_POS) {
		gk_line_add_cell_y(n, cl->x0, cl->x1, cl->y0, cl->y1, t, strlen(t));
		return;
	}
	double per = (cl->x1 - cl->x0) / chars;
	int at = 0;
	for (const char *p = t; *p;) {
		while (*p == ' ')
			p++, at++;
		if (!*p)
			break;
		const char *w = p;
		int wl = 0;
		while (*p && *p != ' ') {
			p += u8len(p);
			wl++;
		}
		gk_line_add_cell_y(n, cl->x0 + at * per, cl->x0 + (at + wl) * per, cl->y0, cl->y1, w, (size_t)(p - w));
		at += wl;
	}
}

/* Rows anchored on columns rather than on amounts: a table of text whose
 * short cells (a performance table's 指标值) sit on their row's centre the
 * way numbers do.  Columns are the header's, by their left edges. */
typedef struct lr_anchor {
	int body;        /* first body line: the lines before it are the head */
	int ncol;
	double colx[32]; /* left edges of the columns, ascending */
	unsigned mask;   /* the columns whose cells anchor their row */
} lr_anchor;

static int anchor_col(const lr_anchor *an, double x0)
{
	int col = 0;
	for (int k = 0; k < an->ncol; k++)
		if (an->colx[k] <= x0 + 2)
			col = k;
	return col;
}

/* the line has a (non-furniture) cell in an anchor column */
static int line_anchored(const nctx *c, int i, const lr_anchor *an)
{
	const gk_line *l = c->x[i].l;
	for (int j = 0; j < l->ncell; j++)
		if (an->mask >> anchor_col(an, l->cell[j].x0) & 1) {
			char *cc = compact_of(l->cell[j].text);
			int real = *cc && !rule_any(c, "skip", cc);
			free(cc);
			if (real)
				return 1;
		}
	return 0;
}

/* One logical line of cells, from members m[0..n) of live. */
static void emit_line(gk_doc *d, frag **m, int n)
{
	qsort(m, (size_t)n, sizeof *m, frag_cmp_x);
	double y0 = 1e18, y1 = -1e18;
	for (int k = 0; k < n; k++) {
		if (m[k]->y0 < y0)
			y0 = m[k]->y0;
		if (m[k]->y1 > y1)
			y1 = m[k]->y1;
	}
	gk_line *l = gk_doc_add_line(d, m[0]->page, y0, y1, 0, GK_GEOM_POS);
	for (int k = 0; k < n; k++)
		gk_line_add_cell(l, m[k]->x0, m[k]->x1, m[k]->text.s, m[k]->text.len);
	if (getenv("GK_DEBUG_ROWS")) {
		fprintf(stderr, "row p%d %.1f-%.1f:", l->page, y0, y1);
		for (int k = 0; k < n; k++)
			fprintf(stderr, " [c%d %s]", m[k]->col, m[k]->text.s);
		fprintf(stderr, "\n");
	}
}

/* Anchored rows: the anchor chains, grouped by centre, make the rows;
 * every other chain joins the row whose centre is nearest (within 0.45
 * pitch) unless a chain of its column sits closer to that centre; the
 * rest (a merged cell printed between rows, a cell's stray lines) make
 * lines of their own.  live is sorted by page and centre. */
static void anchored_lines(gk_doc *d, frag **live, int nl, double pitch)
{
	int *row = gk_malloc(sizeof(int) * (size_t)nl);
	double *rc = gk_malloc(sizeof(double) * (size_t)nl), *dist = gk_malloc(sizeof(double) * (size_t)nl);
	int *rn = gk_malloc(sizeof(int) * (size_t)nl), *rp = gk_malloc(sizeof(int) * (size_t)nl);
	int nr = 0;
	for (int i = 0; i < nl; i++) {
		double cc = (live[i]->y0 + live[i]->y1) / 2;
		row[i] = -1;
		if (!live[i]->num)
			continue;
		if (nr && rp[nr - 1] == live[i]->page && cc - rc[nr - 1] / rn[nr - 1] < 0.45 * pitch)
			rc[nr - 1] += cc, rn[nr - 1]++;
		else
			rc[nr] = cc, rn[nr] = 1, rp[nr++] = live[i]->page;
		row[i] = nr - 1;
	}
	for (int r = 0; r < nr; r++)
		rc[r] /= rn[r];
	for (int i = 0; i < nl; i++) {
		if (live[i]->num)
			continue;
		double cc = (live[i]->y0 + live[i]->y1) / 2, bd = 0.45 * pitch;
		for (int r = 0; r < nr; r++) {
			double dd = cc - rc[r];
			if (dd < 0)
				dd = -dd;
			if (rp[r] == live[i]->page && dd < bd)
				bd = dd, row[i] = r;
		}
		dist[i] = bd;
	}
	for (int i = 0; i < nl; i++) /* one cell per column and row: the best centred */
		for (int k = 0; k < nl && !live[i]->num && row[i] >= 0; k++)
			if (k != i && row[k] == row[i] && live[k]->col == live[i]->col &&
			    (live[k]->num || dist[k] < dist[i] || (dist[k] == dist[i] && k < i)))
				row[i] = -2;
	/* the rest: groups of their own, by centre */
	int ng = nr, open = -1;
	for (int i = 0; i < nl; i++) {
		if (row[i] >= 0)
			continue;
		double cc = (live[i]->y0 + live[i]->y1) / 2;
		if (open < 0 || rp[open] != live[i]->page || cc - rc[open] >= 0.45 * pitch)
			open = ng++, rc[open] = cc, rp[open] = live[i]->page;
		row[i] = open;
	}
	int *ord = gk_malloc(sizeof(int) * (size_t)(ng ? ng : 1));
	for (int g = 0; g < ng; g++) { /* by page and centre */
		int j = g - 1;
		while (j >= 0 && (rp[ord[j]] > rp[g] || (rp[ord[j]] == rp[g] && rc[ord[j]] > rc[g])))
			ord[j + 1] = ord[j], j--;
		ord[j + 1] = g;
	}
	frag **m = gk_malloc(sizeof *m * (size_t)(nl ? nl : 1));
	for (int g = 0; g < ng; g++) {
		int n = 0;
		for (int i = 0; i < nl; i++)
			if (row[i] == ord[g])
				m[n++] = live[i];
		if (n)
			emit_line(d, m, n);
	}
	free(ord);
	free(m);
	free(row);
	free(rc);
	free(dist);
	free(rn);
	free(rp);
}

/* The extraction may glue two cells of one line across a column edge
 * ("410700220000 “4050”人员"): split fragment k at its space printed
 * nearest the edge (by the width of the text before it: a CJK character
 * is two units), when that is near the edge.  The right part is added at
 * the end of f. */
static void split_at_edge(frag **fp, int *nf, int *cap, int k, const lr_anchor *an)
{
	frag *g = &(*fp)[k];
	if (g->col + 1 >= an->ncol)
		return;
	double edge = an->colx[g->col + 1], w = g->x1 - g->x0;
	if (g->x1 < edge + 2 || w <= 0)
		return;
	const char *t = g->text.s;
	double total = 0, best = 1e18;
	int at = -1;
	for (const char *p = t; *p; p++)
		if (((unsigned char)*p & 0xC0) != 0x80)
			total += (unsigned char)*p >= 0xE0 ? 2 : 1;
	double u = 0;
	for (const char *p = t; *p; p++) {
		if (*p == ' ') {
			double d = g->x0 + w * u / total - edge;
			if (d < 0)
				d = -d;
			if (d < best)
				best = d, at = (int)(p - t);
		}
		if (((unsigned char)*p & 0xC0) != 0x80)
			u += (unsigned char)*p >= 0xE0 ? 2 : 1;
	}
	if (at <= 0 || best > 0.15 * w || !t[at + 1])
		return;
	if (*nf == *cap) {
		*cap *= 2;
		*fp = gk_realloc(*fp, sizeof **fp * (size_t)*cap);
		g = &(*fp)[k];
	}
	frag *r = &(*fp)[(*nf)++];
	*r = *g;
	memset(&r->text, 0, sizeof r->text);
	gk_buf_adds(&r->text, g->text.s + at + 1);
	r->x0 = edge;
	r->col = g->col + 1;
	r->num = an->mask >> r->col & 1;
	g->text.s[at] = 0;
	g->text.len = (size_t)at;
	g->x1 = edge - 1;
}

/* Build the logical-row document of lines [b, e).  Head lines (before the
 * first line with an amount, or an->body) and lines from the table's end
 * on are copied.  With an, rows are anchored on an's columns instead of
 * amounts, fragments chain by the exact line pitch, and a new item (an
 * ordinal, 其中...) is told by geometry alone. */
static gk_doc *logical_rows(nctx *c, int b, int e, const lr_anchor *an)
{
	gk_doc *d = gk_doc_new();
	int body = an ? an->body : e;
	for (int i = b; i < e && !an; i++)
		if (!c->x[i].skip && line_has_amount(c, i)) {
			body = i;
			break;
		}
	/* the first row's label may start a line or two above its numbers
	 * (wrapped and centred on them): lines that start a new item, just
	 * above, belong to the body */
	while (!an && body < e && body > b) {
		const xline *x = &c->x[body - 1];
		const gk_line *l = x->l, *nl = c->x[body].l;
		if (x->skip || !l->ncell || l->geom != GK_GEOM_POS || is_header_line(c, x) || nl->y0 - l->y0 > 2 * (l->y1 - l->y0))
			break;
		char *cp = compact_of(l->cell[0].text);
		int item = is_ordinal_label(cp) || rule_any(c, "item-start", cp);
		free(cp);
		if (!item)
			break;
		body--;
	}
	int stop = e;
	for (int i = body; i < e; i++)
		if (rule_any(c, "table-end", c->x[i].compact)) {
			stop = i;
			break;
		}
	/* the x ranges of the amount columns (overlapping amount cells) */
	double (*ncol)[2] = NULL;
	int nncol = 0;
	for (int i = body; i < e && nncol < 256; i++) {
		const gk_line *l = c->x[i].l;
		for (int j = 0; j < l->ncell && nncol < 256; j++) {
			char buf[48], *fw = gk_fold_width(l->cell[j].text);
			int am = gk_amount_parse(fw, buf, sizeof buf) && strchr(fw, '.');
			free(fw);
			if (!am)
				continue;
			int k = 0;
			while (k < nncol && !(l->cell[j].x0 < ncol[k][1] && l->cell[j].x1 > ncol[k][0]))
				k++;
			if (k == nncol) {
				ncol = gk_realloc(ncol, sizeof *ncol * (size_t)(nncol + 1));
				ncol[nncol][0] = l->cell[j].x0, ncol[nncol][1] = l->cell[j].x1, nncol++;
			} else {
				if (l->cell[j].x0 < ncol[k][0])
					ncol[k][0] = l->cell[j].x0;
				if (l->cell[j].x1 > ncol[k][1])
					ncol[k][1] = l->cell[j].x1;
			}
		}
	}
	for (int i = b; i < body; i++) {
		const gk_line *l = c->x[i].l;
		gk_line *n = gk_doc_add_line(d, l->page, l->y0, l->y1, l->size, l->geom);
		for (int j = 0; j < l->ncell; j++) {
			/* the columns under it: amount columns, or the cells of a
			 * header line below (上 "一般公共预 政府性基", 下 "算" "金预算") */
			int under = 0;
			const gk_cell *cl = &l->cell[j];
			for (int k = 0; k < nncol; k++)
				under += (ncol[k][1] < cl->x1 ? ncol[k][1] : cl->x1) - (ncol[k][0] > cl->x0 ? ncol[k][0] : cl->x0) > 1;
			for (int i2 = i + 1; i2 < body; i2++) {
				if (c->x[i2].skip)
					continue;
				const gk_line *nl = c->x[i2].l;
				int below = 0;
				for (int q = 0; q < nl->ncell; q++)
					below += (nl->cell[q].x1 < cl->x1 ? nl->cell[q].x1 : cl->x1) -
					             (nl->cell[q].x0 > cl->x0 ? nl->cell[q].x0 : cl->x0) > 1;
				if (below > under)
					under = below;
			}
			add_head_cell(n, cl, under);
		}
	}
	free(ncol);
	/* a 行次 column (the printed row numbers of 决算 tables) holds no
	 * amounts: its x ranges, from the header */
	double hc[8][2];
	int nhc = 0;
	for (int i = b; i < body && nhc < 8; i++) {
		const gk_line *l = c->x[i].l;
		for (int j = 0; j < l->ncell && nhc < 8; j++) {
			char *cp = compact_of(l->cell[j].text);
			if (!strcmp(cp, "行次")) /* up to the next header cell: numbers are right-aligned */
				hc[nhc][0] = l->cell[j].x0,
				hc[nhc][1] = j + 1 < l->ncell ? l->cell[j + 1].x0 - 2 : l->cell[j].x1, nhc++;
			free(cp);
		}
	}
	/* fragments of the body */
	int nf = 0, cap = 0;
	frag *f = NULL;
	double hsum = 0;
	for (int i = body; i < stop; i++) {
		if (c->x[i].skip || !strcmp(c->x[i].compact, "类款项"))
			continue; /* (the 类 款 项 sub-header, sorted below the first
			           * numbers by a font whose digit boxes are too tall) */
		const gk_line *l = c->x[i].l;
		int lnum = an ? line_anchored(c, i, an) : line_has_amount(c, i);
		int first = nf;
		for (int j = 0; j < l->ncell; j++) {
			/* a running header ("表3") or page number sharing a row's line */
			char *cc = compact_of(l->cell[j].text);
			int furniture = rule_any(c, "skip", cc), marker = 0;
			double mid = (l->cell[j].x0 + l->cell[j].x1) / 2;
			for (int q = 0; q < nhc && !marker; q++)
				marker = mid > hc[q][0] - 2 && mid < hc[q][1] + 2 && is_digits(cc, 1, 4);
			free(cc);
			if (furniture)
				continue;
			lnum |= marker;
			if (nf == cap) {
				cap = cap ? cap * 2 : 256;
				f = gk_realloc(f, sizeof *f * (size_t)cap);
			}
			frag *g = &f[nf++];
			memset(g, 0, sizeof *g);
			g->x0 = l->cell[j].x0, g->x1 = l->cell[j].x1;
			g->y0 = gk_cell_y0(l, &l->cell[j]), g->y1 = gk_cell_y1(l, &l->cell[j]);
			g->page = l->page;
			g->line_num = lnum;
			g->last_y0 = g->y0;
			if (g->y1 <= g->y0) /* layout text: a line is one unit tall */
				g->y1 = g->y0 + 0.8;
			g->cy0 = g->y0, g->cy1 = g->y1;
			gk_buf_adds(&g->text, l->cell[j].text);
			char buf[48], *fw = gk_fold_width(l->cell[j].text);
			g->num = gk_amount_parse(fw, buf, sizeof buf);
			free(fw);
			g->marker = marker;
			if (an) {
				g->col = anchor_col(an, g->x0);
				g->num = an->mask >> g->col & 1;
			}
			hsum += g->y1 - g->y0;
			if (an && strchr(g->text.s, ' '))
				split_at_edge(&f, &nf, &cap, nf - 1, an);
		}
		/* with columns known, two pieces of one column at one height are
		 * one cell the extraction split at a wide space ("2." "部门…") */
		for (int k = first + 1; an && k < nf; k++) {
			frag *p = &f[k - 1], *g = &f[k];
			if (g->col != p->col || g->y0 - p->y0 > 0.5 || p->y0 - g->y0 > 0.5)
				continue;
			gk_buf_addc(&p->text, ' ');
			gk_buf_adds(&p->text, g->text.s);
			if (g->x1 > p->x1)
				p->x1 = g->x1;
			gk_buf_drop(&g->text);
			memmove(g, g + 1, sizeof *g * (size_t)(nf - k - 1));
			nf--, k--;
		}
		for (int k = first; lnum && k < nf; k++) /* a 行次 after the line's first cells */
			f[k].line_num = 1;
		/* A fragment printed a little above or below the line's numbers
		 * (its own extent, from an overflowing cell) is not on their row:
		 * it is anchored only when centred like one of the numbers. */
		for (int k = first; lnum && k < nf; k++) {
			double ck = (f[k].y0 + f[k].y1) / 2, tol = 0.12 * (f[k].y1 - f[k].y0);
			int near = 0;
			for (int q = first; q < nf && !near; q++) {
				double cq = (f[q].y0 + f[q].y1) / 2;
				near = f[q].num && cq - ck <= tol && ck - cq <= tol;
			}
			f[k].line_num = near;
		}
	}
	if (!nf)
		goto copy_rest;
	double h = hsum / nf;
	/* row pitch: median gap between successive distinct number centres */
	double *cy = gk_malloc(sizeof(double) * (size_t)nf);
	int ncy = 0;
	for (int i = 0; i < nf; i++)
		if (f[i].num)
			cy[ncy++] = f[i].page * 100000.0 + (f[i].y0 + f[i].y1) / 2;
	qsort(cy, (size_t)ncy, sizeof *cy, cmp_double);
	double *gaps = gk_malloc(sizeof(double) * (size_t)(ncy + 1));
	int ng = 0;
	for (int i = 1; i < ncy; i++)
		if (cy[i] - cy[i - 1] > 0.3 * h && cy[i] - cy[i - 1] < 20 * h)
			gaps[ng++] = cy[i] - cy[i - 1];
	qsort(gaps, (size_t)ng, sizeof *gaps, cmp_double);
	/* the lower quartile: rows without numbers make some gaps multiples */
	double pitch = ng ? gaps[ng / 4] : 1.5 * h;
	free(cy);
	free(gaps);
	/* columns: x-overlap clusters, over all fragments (with an: the
	 * header's columns, set above) */
	qsort(f, (size_t)nf, sizeof *f, frag_cmp_y);
	for (int i = 0; i < nf; i++)
		f[i].nxt = -1, f[i].tail = i, f[i].anchors = f[i].line_num;
	if (!an) {
		int *ord = gk_malloc(sizeof(int) * (size_t)nf);
		for (int i = 0; i < nf; i++)
			ord[i] = i;
		for (int i = 1; i < nf; i++) { /* by x0 */
			int t = ord[i], j = i - 1;
			while (j >= 0 && f[ord[j]].x0 > f[t].x0)
				ord[j + 1] = ord[j], j--;
			ord[j + 1] = t;
		}
		/* a cell wider than a third of the table (a note, a stray
		 * title) would bridge every column: it is a column of its own */
		double minx = 1e18, maxx = -1e18;
		for (int i = 0; i < nf; i++) {
			if (f[i].x0 < minx)
				minx = f[i].x0;
			if (f[i].x1 > maxx)
				maxx = f[i].x1;
		}
		double wide = (maxx - minx) / 3;
		int col = 0;
		double reach = -1e18;
		for (int i = 0; i < nf; i++) {
			frag *g = &f[ord[i]];
			if (g->x1 - g->x0 > wide) {
				g->col = -1 - i;
				continue;
			}
			if (reach > -1e17 && g->x0 > reach)
				col++;
			if (g->x1 > reach)
				reach = g->x1;
			g->col = col;
		}
		free(ord);
	}
	/* line pitch inside a wrapped cell: the usual step from a fragment to
	 * the next one below it in its column when that one is alone (no
	 * numbers on its line) */
	/* centres of the lines that carry numbers, per page (sorted by y) */
	double *nc = gk_malloc(sizeof(double) * (size_t)nf);
	int *ncp = gk_malloc(sizeof(int) * (size_t)nf);
	int nnc = 0;
	for (int i = 0; i < nf; i++)
		if (f[i].num) {
			double cc = (f[i].y0 + f[i].y1) / 2;
			if (!nnc || ncp[nnc - 1] != f[i].page || cc - nc[nnc - 1] > 0.3 * h)
				nc[nnc] = cc, ncp[nnc++] = f[i].page;
		}
	double lp = wrap_pitch(f, nf, h, nc, ncp, nnc);
	if (lp <= 0) {
		double *st = gk_malloc(sizeof(double) * (size_t)nf);
		int ns = 0;
		for (int i = 0; i < nf; i++) {
			if (f[i].num || f[i].line_num)
				continue;
			double bestdy = 1e18;
			for (int k = i - 1; k >= 0 && f[k].page == f[i].page; k--) {
				double dy = f[i].y0 - f[k].y0;
				if (dy > 2.2 * h)
					break;
				if (f[k].col == f[i].col && !f[k].num && dy > 0.5 * h && dy < bestdy)
					bestdy = dy;
			}
			if (bestdy < 1e17)
				st[ns++] = bestdy;
		}
		qsort(st, (size_t)ns, sizeof *st, cmp_double);
		lp = ns ? st[ns / 2] : 1.1 * h;
		free(st);
	}
	/* the decimals the table's amounts usually print */
	int ndec[8] = {0}, dec = -1;
	for (int i = 0; i < nf; i++) {
		const char *dot = f[i].num ? strchr(f[i].text.s, '.') : NULL;
		int n = 0;
		while (dot && isdigit((unsigned char)dot[1 + n]))
			n++;
		if (dot && n < 8)
			ndec[n]++;
	}
	for (int n = 1; n < 8; n++)
		if (ndec[n] > (dec >= 0 ? ndec[dec] : 0))
			dec = n;
	/* join fragments of a column: wrapped labels, split numbers */
	for (int i = 0; i < nf; i++) {
		frag *g = &f[i];
		const char *t = g->text.s;
		int dotcont = !an && t[0] == '.' && isdigit((unsigned char)t[1]);
		/* the last digits of an amount wrapped in a narrow cell
		 * ("24995.9" above "4"), right-aligned under it */
		if (!an && !dotcont && dec > 0 && g->num && !g->marker && strlen(t) <= 3 && strspn(t, "0123456789") == strlen(t))
			for (int k = i - 1; k >= 0 && f[k].page == g->page && g->y0 - f[k].y0 < 1.5 * (g->y1 - g->y0); k--) {
				const frag *p = &f[k];
				const char *dot = p->num && !p->dead ? strchr(p->text.s, '.') : NULL;
				int n = 0;
				while (dot && isdigit((unsigned char)dot[1 + n]))
					n++;
				double dx = p->x1 - g->x1;
				if (dot && !dot[1 + n] && n + (int)strlen(t) == dec && dx < 1.5 && dx > -1.5 &&
				    g->y0 - p->y0 > 0.3 * (g->y1 - g->y0)) {
					gk_buf_adds(&f[k].text, t);
					if (g->y1 > f[k].y1)
						f[k].y1 = f[k].cy1 = g->y1;
					g->dead = 1;
					break;
				}
			}
		if (g->dead)
			continue;
		if (g->num && !dotcont)
			continue;
		if (!dotcont && !an && frag_is_new_item(c, t))
			continue;
		/* the open item of this column whose last line is one line pitch above */
		int best = -1;
		double bd = 1e18;
		for (int k = i - 1; k >= 0; k--) {
			frag *p = &f[k];
			if (p->page != g->page)
				break;
			if (g->y0 - p->last_y0 > 1.8 * h + 1)
				continue;
			if (p->dead || p->col != g->col)
				continue;
			if (dotcont ? !p->num || strchr(p->text.s, '.') : p->num)
				continue;
			double dy = g->y0 - p->last_y0;
			/* one line below, and not two rows that both carry numbers;
			 * anchored rows interleave their cells' lines a point or
			 * two apart: only the exact pitch joins */
			double slack = an ? 0.06 : 0.2;
			if (dy < (1 - slack) * lp || dy > (1 + slack) * lp || (g->line_num && p->anchors && !dotcont))
				continue;
			double dd = dy - lp;
			if (dd < 0)
				dd = -dd;
			const frag *u = &f[p->tail];
			if (u->x0 - g->x0 > 0.6 || g->x0 - u->x0 > 0.6)
				dd += 0.05 * lp; /* lines of a cell start at one x */
			if (dd < bd)
				bd = dd, best = k;
		}
		if (best < 0)
			continue;
		frag *p = &f[best];
		/* link g at the end of p's chain */
		f[p->tail].nxt = i;
		p->tail = i;
		p->anchors += g->line_num;
		p->last_y0 = g->y0;
		if (g->y1 > p->y1)
			p->y1 = g->y1;
		g->dead = 1;
		if (dotcont)
			p->num = 1; /* re-read when the chain is joined */
	}
	/* A wrapped cell is centred on its row's numbers.  A text chain whose
	 * centre is off its own numbers line (the line of its member that
	 * carries numbers, else the nearest one) took in the next rows'
	 * labels: cut it into the parts that come out best centred (least
	 * total offset, each cut costing a quarter line, no part holding two
	 * rows' numbers).  A chain with no member on a numbers line may be the
	 * label of a row without numbers, centred on nothing: it is cut only
	 * when every part then sits on numbers. */
	for (int i = 0; i < nf && nnc; i++) {
		frag *p = &f[i];
		if (p->dead || p->tail == i || p->num)
			continue;
		int mem[64], nm = 0, anchored = 0;
		for (int k = i; k >= 0 && nm < 64; k = f[k].nxt) {
			anchored |= f[k].line_num;
			mem[nm++] = k;
		}
		double whole = chain_offset(f, mem, 0, nm, nc, ncp, nnc);
		if (whole <= 0.35 * lp || whole > 1e17)
			continue;
		/* best[j]: least cost of cutting mem[0..j); from[j]: its last cut */
		double best[65];
		int from[65];
		best[0] = 0;
		for (int j = 1; j <= nm; j++) {
			best[j] = 1e18, from[j] = 0;
			for (int a = j - 1; a >= 0; a--) {
				int na = 0;
				for (int k = a; k < j; k++)
					na += f[mem[k]].line_num != 0;
				if (na > 1)
					break; /* longer parts hold these two as well */
				double off = chain_offset(f, mem, a, j, nc, ncp, nnc);
				if (!anchored && off > 0.35 * lp)
					continue;
				double cost = best[a] + off + (a ? 0.25 * lp : 0);
				if (cost < best[j])
					best[j] = cost, from[j] = a;
			}
		}
		if (best[nm] >= whole)
			continue;
		/* cut before each part's first member; each part heads itself */
		for (int j = nm; j > 0; j = from[j]) {
			int a = from[j];
			f[mem[j - 1]].nxt = -1;
			frag *q = &f[mem[a]];
			q->dead = 0;
			q->tail = mem[j - 1];
			q->anchors = 0;
			for (int k = a; k < j; k++)
				q->anchors += f[mem[k]].line_num != 0;
		}
	}
	if (getenv("GK_DEBUG_ROWS"))
		for (int i = 0; i < nf; i++)
			if (!f[i].dead) {
				fprintf(stderr, "chain p%d col %d y %.1f-%.1f anchors %d lp %.1f:", f[i].page, f[i].col, f[i].cy0, f[i].cy1, f[i].anchors, lp);
				for (int k = i; k >= 0; k = f[k].nxt)
					fprintf(stderr, " [%s@%.1f,%.1f]", f[k].text.s, f[k].x0, f[k].cy0);
				fprintf(stderr, "\n");
			}
	/* join each chain into its head */
	for (int i = 0; i < nf; i++) {
		frag *p = &f[i];
		if (p->dead)
			continue;
		p->y1 = p->cy1; /* the greedy pass widened it; splits may have cut it back */
		if (p->tail == i)
			continue;
		for (int k = p->nxt; k >= 0; k = f[k].nxt) {
			gk_buf_add(&p->text, f[k].text.s, f[k].text.len);
			if (f[k].cy1 > p->y1)
				p->y1 = f[k].cy1;
			if (f[k].x0 < p->x0)
				p->x0 = f[k].x0;
			if (f[k].x1 > p->x1)
				p->x1 = f[k].x1;
		}
		char buf[48], *fw = gk_fold_width(p->text.s);
		p->num = gk_amount_parse(fw, buf, sizeof buf);
		free(fw);
	}
	free(nc);
	free(ncp);
	/* rows: group by vertical centre */
	frag **live = gk_malloc(sizeof *live * (size_t)nf);
	int nl = 0;
	for (int i = 0; i < nf; i++)
		if (!f[i].dead)
			live[nl++] = &f[i];
	qsort(live, (size_t)nl, sizeof *live, frag_cmp_center);
	if (an)
		anchored_lines(d, live, nl, pitch), nl = 0;
	for (int i = 0; i < nl;) {
		double c0 = (live[i]->y0 + live[i]->y1) / 2;
		int j = i + 1;
		while (j < nl && live[j]->page == live[i]->page && (live[j]->y0 + live[j]->y1) / 2 - c0 < 0.45 * pitch)
			j++;
		/* a total row whose label and numbers drifted apart (boxes of
		 * broken font metrics): numbers alone, then 合计 alone, within a
		 * pitch: one row */
		int allnum = 1;
		for (int k = i; k < j; k++)
			allnum &= live[k]->num;
		if (allnum && j < nl && live[j]->page == live[i]->page && !live[j]->num &&
		    (j + 1 == nl || live[j + 1]->page != live[j]->page ||
		     (live[j + 1]->y0 + live[j + 1]->y1) / 2 - (live[j]->y0 + live[j]->y1) / 2 >= 0.45 * pitch) &&
		    (live[j]->y0 + live[j]->y1) / 2 - c0 < pitch) {
			char *cp = compact_of(live[j]->text.s);
			if (rule_any(c, "total", cp))
				j++;
			free(cp);
		}
		qsort(live + i, (size_t)(j - i), sizeof *live, frag_cmp_x);
		double y0 = 1e18, y1 = -1e18;
		for (int k = i; k < j; k++) {
			if (live[k]->y0 < y0)
				y0 = live[k]->y0;
			if (live[k]->y1 > y1)
				y1 = live[k]->y1;
		}
		gk_line *n = gk_doc_add_line(d, live[i]->page, y0, y1, 0, GK_GEOM_POS);
		for (int k = i; k < j; k++)
			if (!live[k]->marker)
				gk_line_add_cell(n, live[k]->x0, live[k]->x1, live[k]->text.s, live[k]->text.len);
		i = j;
	}
	free(live);
	for (int i = 0; i < nf; i++)
		gk_buf_drop(&f[i].text);
	free(f);
copy_rest:
	for (int i = stop; i < e; i++) {
		const gk_line *l = c->x[i].l;
		gk_line *n = gk_doc_add_line(d, l->page, l->y0, l->y1, l->size, l->geom);
		for (int j = 0; j < l->ncell; j++)
			gk_line_add_cell_y(n, l->cell[j].x0, l->cell[j].x1, l->cell[j].y0, l->cell[j].y1, l->cell[j].text,
			                   strlen(l->cell[j].text));
	}
	return d;
}

/* Run a span parser on the logical rows of a positioned span. */
typedef void (*span_parser)(nctx *c, const tspan *sp, gk_table *t);

static void with_rows(nctx *c, const tspan *sp, gk_table *t, span_parser fn, const lr_anchor *an);

static void with_logical_rows(nctx *c, const tspan *sp, gk_table *t, span_parser fn)
{
	if (body_geom(c, sp->begin, sp->end) != GK_GEOM_POS) {
		fn(c, sp, t);
		return;
	}
	with_rows(c, sp, t, fn, NULL);
}

/* Run fn on the logical rows of a positioned span (anchored on an's
 * columns when given); fn sees a span whose title is -1. */
static void with_rows(nctx *c, const tspan *sp, gk_table *t, span_parser fn, const lr_anchor *an)
{
	gk_doc *d = logical_rows(c, sp->begin, sp->end, an);
	nctx sub = *c;
	sub.n = d->nline;
	sub.x = gk_calloc((size_t)(d->nline ? d->nline : 1), sizeof *sub.x);
	for (int i = 0; i < d->nline; i++) {
		sub.x[i].l = &d->line[i];
		char *tx = gk_line_text(&d->line[i]);
		sub.x[i].compact = compact_of(tx);
		free(tx);
		sub.x[i].skip = rule_any(c, "skip", sub.x[i].compact);
	}
	tspan s2 = {sp->id, -1, 0, d->nline};
	fn(&sub, &s2, t);
	/* what the parser learned about the document */
	if (!c->dept && sub.dept)
		c->dept = sub.dept;
	else if (sub.dept != c->dept)
		free(sub.dept);
	c->unit_seen = sub.unit_seen;
	c->unit_shift = sub.unit_shift;
	c->nother = sub.nother;
	memcpy(c->ctx_class, sub.ctx_class, sizeof c->ctx_class);
	memcpy(c->ctx_item, sub.ctx_item, sizeof c->ctx_item);
	c->hx_kuan = sub.hx_kuan, c->hx_xiang = sub.hx_xiang;
	for (int i = 0; i < sub.n; i++)
		free(sub.x[i].compact);
	free(sub.x);
	gk_doc_drop(d);
}

static int three_left_ok(const nctx *c, int hb, int he, double a, double b, const gk_cell *cl);

/* For positioned tables: the header word printed right above each
 * x-cluster of numbers, as a mask of the keys whose column rule it
 * matches (the total only for 合计/总计). */
/* The keys a column's header words name: bit k of *mask for key k (bit 0:
 * a total), of *leafmask when its lowest words alone name it.  Returns
 * whether any column rule of the family (or a total) matched at all. */
static int header_keys(const nctx *c, const solver_family *sf, const char *cp, const char *lw, unsigned *mask,
                       unsigned *leafmask)
{
	int n;
	const gk_rule *const *cols = gk_rules_of(c->rules, "column", &n); /* owned by the rules */
	size_t fl = strlen(sf->name);
	int anyrule = rule_any(c, "total-header", cp);
	if (anyrule)
		*mask |= 1u;
	for (int r = 0; r < n; r++) {
		if (strncmp(cols[r]->name, sf->name, fl) || cols[r]->name[fl] != ':' ||
		    !strcmp(cols[r]->name + fl + 1, "total") || !gk_rule_match(cols[r], cp, strlen(cp), NULL))
			continue;
		anyrule = 1;
		for (int k = 1; k < sf->nkey && k < 32; k++)
			if (!strcmp(cols[r]->name + fl + 1, sf->key[k])) {
				*mask |= 1u << k;
				if (*lw && gk_rule_match(cols[r], lw, strlen(lw), NULL))
					*leafmask |= 1u << k; /* the leaf's own words name it */
			}
	}
	if (*lw && rule_any(c, "total-header", lw))
		*leafmask |= 1u;
	return anyrule;
}

static unsigned *header_masks(const nctx *c, const solver_family *sf, int hb, int he, const prow *rows, int nr,
                              char ***xname_out, int *nslot, unsigned **leafmask_out)
{
	*xname_out = NULL;
	*nslot = 0;
	*leafmask_out = NULL;
	int maxslot = -1;
	for (int i = 0; i < nr; i++)
		for (int j = 0; j < rows[i].nnum; j++)
			if (rows[i].slot[j] > maxslot)
				maxslot = rows[i].slot[j];
	if (maxslot < 0)
		return NULL;
	int C = maxslot + 1;
	unsigned *mask = gk_calloc((size_t)C, sizeof *mask);
	char **xname = gk_calloc((size_t)C, sizeof *xname);
	unsigned *leafmask = gk_calloc((size_t)C, sizeof *leafmask);
	*xname_out = xname;
	*nslot = C;
	*leafmask_out = leafmask;
	double *a = gk_malloc(sizeof(double) * (size_t)C), *b = gk_malloc(sizeof(double) * (size_t)C);
	char **path = gk_calloc((size_t)C, sizeof *path); /* each column's header words */
	for (int s = 0; s < C; s++)
		a[s] = 1e18, b[s] = -1e18;
	for (int i = 0; i < nr; i++)
		for (int j = 0; j < rows[i].nnum; j++) {
			int s = rows[i].slot[j];
			if (s < 0)
				continue;
			if (rows[i].nx0[j] < a[s])
				a[s] = rows[i].nx0[j];
			if (rows[i].nx1[j] > b[s])
				b[s] = rows[i].nx1[j];
		}
	for (int s = 0; s < C; s++) {
		/* the header words above the column, top to bottom (a leaf word
		 * wrapped over two lines is whole again) */
		gk_buf hw = {0}, leaf = {0};
		for (int i = hb; i < he; i++) {
			size_t before = hw.len;
			const gk_line *l = c->x[i].l;
			if (c->x[i].skip || l->geom != GK_GEOM_POS || rule_any(c, "unit", c->x[i].compact) ||
			    rule_any(c, "dept", c->x[i].compact))
				continue;
			/* centred headers overlap their column; a left-aligned one
			 * starts it: without an overlapping cell on this line, take
			 * the last cell starting left of the column's right edge */
			int left = -1, over = 0;
			for (int j = 0; j < l->ncell; j++) {
				if ((strstr(l->cell[j].text, "：") || strstr(l->cell[j].text, ":")) &&
				    (gk_unit_parse(l->cell[j].text) != GK_UNIT_NONE || rule_any(c, "dept", l->cell[j].text)))
					continue; /* "单位：万元", "部门：…" */
				if (tok_is_plain_int(&(tok){.text = l->cell[j].text}))
					continue; /* column numbers (栏次 1 2 3) */
				if (l->cell[j].x0 < b[s] && l->cell[j].x1 > a[s]) {
					gk_buf_adds(&hw, l->cell[j].text);
					over = 1;
				} else if (l->cell[j].x1 <= a[s] && (s == 0 || l->cell[j].x0 >= b[s - 1]) &&
				           (left < 0 || l->cell[j].x0 > l->cell[left].x0)) {
					left = j; /* between the previous number column and this one */
				}
			}
			if (!over && left >= 0 && (strcmp(sf->name, "three") || three_left_ok(c, hb, he, a[s], b[s], &l->cell[left])))
				gk_buf_adds(&hw, l->cell[left].text);
			if (hw.len > before) { /* the lowest line with words: the leaf */
				gk_buf_reset(&leaf);
				gk_buf_add(&leaf, hw.s + before, hw.len - before);
			}
		}
		if (!hw.len) {
			gk_buf_drop(&hw);
			gk_buf_drop(&leaf);
			continue;
		}
		char *cp = compact_of(hw.s);
		char *lw = compact_of(leaf.s);
		gk_buf_drop(&hw);
		gk_buf_drop(&leaf);
		int anyrule = header_keys(c, sf, cp, lw, &mask[s], &leafmask[s]);
		/* words that name no column of the contract, not even a group
		 * of them: a column of its own, kept as x_<header path>
		 * (TABLES.md "Nothing is lost") */
		if (!mask[s] && !anyrule && *lw && !rule_any(c, "generic-header", lw))
			xname[s] = gk_strfmt("x_%s", cp);
		/* a 小计 the header ties to no column of a table whose columns,
		 * but its total, are all parts (财政拨款 小计 in a 项目支出表): a
		 * subtotal of some of them, not one of them */
		else if (!mask[s] && !anyrule && s > 0 && !strcmp(sf->name, "project") && !strcmp(lw, "小计"))
			xname[s] = gk_strfmt("x_%s", cp);
		if (getenv("GK_DEBUG"))
			fprintf(stderr, "slot %d [%.0f-%.0f] mask %x words '%s' leaf '%s'%s\n", s, a[s], b[s], mask[s], cp, lw,
			        xname[s] ? " (x)" : "");
		path[s] = cp;
		free(lw);
	}
	/* two or more columns whose words name one same key and nothing else,
	 * none of them a 小计 (教育收费 and 其他专户收入 under 财政专户拨款收入):
	 * parts of that column, none of them the column; each is kept as
	 * x_<header path>.  (三公 tables have their own column groups.) */
	for (int s = 0; s < C && strcmp(sf->name, "three"); s++) {
		unsigned m = mask[s];
		if (!m || (m & (m - 1)) || m == 1u || xname[s])
			continue;
		/* (one column whose numbers came out as two slots has one path) */
		int same = 0;
		for (int t = 0; t < C; t++)
			same += mask[t] == m && !xname[t] && path[t] && path[s] && strcmp(path[t], path[s]);
		if (same < 1)
			continue;
		/* a 小计 among them is the column itself; the rest are parts */
		int sub = -1;
		for (int t = 0; t < C && sub < 0; t++)
			if (mask[t] == m && !xname[t] && path[t] && (int)strlen(path[t]) >= 6 &&
			    !strcmp(path[t] + strlen(path[t]) - 6, "小计"))
				sub = t;
		for (int t = 0; t < C; t++)
			if (mask[t] == m && !xname[t] && path[t] && t != sub) {
				xname[t] = gk_strfmt("x_%s", path[t]);
				mask[t] = leafmask[t] = 0;
			}
	}
	for (int s = 0; s < C; s++)
		free(path[s]);
	free(path);
	free(a);
	free(b);
	return mask;
}

/* Tables do not always print their columns in the contract's order (a
 * 三公 table with 公务接待费 before 公务用车).  Where the leaf header words
 * name one key each, put the keys in the order of their columns; a key no
 * leaf names goes before the first named key that follows it in the
 * contract's order.  The masks (bit k = key k) follow the keys. */
static void reorder_keys(solver_family *sf, const unsigned *leafmask, int nslot, unsigned *mask)
{
	int K = sf->nkey, slot_of[32], named = 0;
	/* the first column is the row total; a leaf header that names
	 * something else there is out of line with its columns: not trusted */
	if (nslot < 1 || leafmask[0] != 1u)
		return;
	for (int k = 0; k < K; k++)
		slot_of[k] = -1;
	for (int s = 0; s < nslot; s++) {
		/* the leaf's own words, else (a leaf word wrapped into pieces
		 * that name nothing: "其他收" over "入") the column's whole path */
		unsigned m = leafmask[s] ? leafmask[s] : mask ? mask[s] : 0;
		if (!m || (m & (m - 1)))
			continue; /* none, or more than one key */
		int k = __builtin_ctz(m);
		if (k < K && slot_of[k] < 0)
			slot_of[k] = s, named++;
	}
	if (named < 2)
		return;
	/* a key no leaf names but some column's words do (a group header):
	 * its first such column */
	int weak[32];
	for (int k = 0; k < K; k++) {
		weak[k] = -1;
		for (int s = 0; s < nslot && mask && slot_of[k] < 0; s++)
			if (mask[s] & (1u << k)) {
				weak[k] = s;
				break;
			}
	}
	for (int k = 0; k < K; k++)
		if (weak[k] >= 0)
			slot_of[k] = weak[k];
	int order[32], n = 0;
	/* named keys by column */
	for (int s = 0; s < nslot; s++)
		for (int k = 0; k < K; k++)
			if (slot_of[k] == s)
				order[n++] = k;
	/* the others before the first named key that follows them */
	for (int k = 0; k < K; k++) {
		if (slot_of[k] >= 0)
			continue;
		int at = n;
		for (int q = 0; q < n; q++)
			if (slot_of[order[q]] >= 0 && order[q] > k) {
				at = q;
				break;
			}
		memmove(order + at + 1, order + at, sizeof(int) * (size_t)(n - at));
		order[at] = k;
		n++;
	}
	int same = 1;
	for (int q = 0; q < K; q++)
		same &= order[q] == q;
	if (same)
		return;
	solver_family old = *sf;
	for (int q = 0; q < K; q++) {
		sf->key[q] = old.key[order[q]];
		sf->prior[q] = old.prior[order[q]];
	}
	if (mask)
		for (int s = 0; s < nslot; s++) {
			unsigned m = 0;
			for (int q = 0; q < K; q++)
				if (mask[s] & (1u << order[q]))
					m |= 1u << q;
			mask[s] = m;
		}
}

/* ---- what the other tables say ---------------------------------------- */

/* A column's figure in one table is often printed in another: the 303
 * rows of 一般公共预算基本支出表 are 对个人和家庭的补助 of the 支出总表,
 * the 项目支出表's 特定目标类 projects add up to its 特定目标类 column, and a
 * fund the 财政拨款收支总表 shows nothing for is empty everywhere.  Where a
 * table's own arithmetic leaves two placements open, these settle it. */

typedef struct decsum {
	long long v;
	int sc, n;
} decsum;

static void decsum_add(decsum *d, const char *s)
{
	long long v;
	int sc;
	if (!s || !*s || !gk_dec_parse(s, &v, &sc))
		return;
	while (d->sc < sc)
		d->v *= 10, d->sc++;
	while (sc < d->sc)
		v *= 10, sc++;
	d->v += v;
	d->n++;
}

static void decsum_str(const decsum *d, char *out, size_t n)
{
	long long v = d->v < 0 ? -d->v : d->v, p = 1;
	for (int i = 0; i < d->sc; i++)
		p *= 10;
	if (d->sc)
		snprintf(out, n, "%s%lld.%0*lld", d->v < 0 ? "-" : "", v / p, d->sc, v % p);
	else
		snprintf(out, n, "%s%lld", d->v < 0 ? "-" : "", v);
}

static void cross_add(nctx *c, const char *table, const char *key, const decsum *d, const char *source)
{
	for (int q = 0; q + 3 < c->cross.n; q += 4)
		if (!strcmp(c->cross.v[q], table) && !strcmp(c->cross.v[q + 1], key))
			return; /* the first table that says it */
	char buf[48];
	decsum_str(d, buf, sizeof buf);
	gk_strv_pushs(&c->cross, table);
	gk_strv_pushs(&c->cross, key);
	gk_strv_pushs(&c->cross, buf);
	gk_strv_pushs(&c->cross, source);
}

/* A written table's total row: the first with a cell 合计, or -1. */
static int total_row_of(const gk_table *t)
{
	for (int i = 0; i < t->nrow; i++)
		for (int j = 0; j < t->cols.n; j++)
			if (!strcmp(t->rows[i][j], "合计"))
				return i;
	return -1;
}

/* Collect the figures from the tables of a first reading. */
static void cross_collect(nctx *c, const gk_result *r)
{
	static const char *functabs[] = {"expenditure_by_function", "general_budget_expenditure", NULL};
	const gk_table *b = gk_result_find(r, "general_budget_basic_expenditure");
	if (b && b->nrow) {
		/* 301 wages, 302 goods and services, 303 family subsidies,
		 * 309/310 capital: the 5-digit rows, else the class rows */
		static const struct { const char *pre, *key; } cls[] = {
			{"301", "basic_wages"}, {"302", "basic_goods_services"}, {"303", "basic_family_subsidy"},
			{"309", "basic_capital"}, {"310", "basic_capital"}};
		for (int len = 5; len >= 3; len -= 2) {
			decsum d[5] = {{0}};
			int any = 0;
			for (int i = 0; i < b->nrow; i++) {
				const char *code = gk_table_get(b, i, "econ_code");
				if ((int)strlen(code) != len)
					continue;
				for (int k = 0; k < 5; k++)
					if (!strncmp(code, cls[k].pre, 3)) {
						decsum_add(&d[k], gk_table_get(b, i, "total"));
						any = 1;
					}
			}
			if (!any)
				continue;
			decsum cap = d[3];
			if (d[4].n) {
				char tmp[48];
				decsum_str(&d[4], tmp, sizeof tmp);
				decsum_add(&cap, tmp);
			}
			for (int t = 0; functabs[t]; t++) {
				for (int k = 0; k < 3; k++)
					cross_add(c, functabs[t], cls[k].key, &d[k], "general_budget_basic_expenditure");
				cross_add(c, functabs[t], "basic_capital", &cap, "general_budget_basic_expenditure");
			}
			break;
		}
		/* 30231 公务用车运行维护费 of the basic table: the 三公 vehicle running costs */
		for (int i = 0; i < b->nrow; i++)
			if (!strcmp(gk_table_get(b, i, "econ_code"), "30231")) {
				decsum d = {0};
				decsum_add(&d, gk_table_get(b, i, "total"));
				if (d.n)
					cross_add(c, "three_public_expenses", "vehicle_operation", &d, "general_budget_basic_expenditure");
				break;
			}
	}
	const gk_table *p = gk_result_find(r, "project_expenditure");
	if (p && p->nrow) {
		decsum op = {0}, sp = {0};
		int typed = 0;
		for (int i = 0; i < p->nrow; i++) {
			const char *ty = gk_table_get(p, i, "project_type");
			if (strstr(ty, "运转"))
				decsum_add(&op, gk_table_get(p, i, "total")), typed++;
			else if (strstr(ty, "特定目标"))
				decsum_add(&sp, gk_table_get(p, i, "total")), typed++;
		}
		if (typed)
			for (int t = 0; functabs[t]; t++) {
				cross_add(c, functabs[t], "project_operating", &op, "project_expenditure");
				cross_add(c, functabs[t], "project_specific", &sp, "project_expenditure");
			}
	}
	/* an income the 部门收支总表 shows nothing for is no table's source */
	const gk_table *sm = gk_result_find(r, "revenue_expenditure_summary");
	if (sm && sm->nrow) {
		static const char *tabs[] = {"revenue_by_unit", "project_expenditure", "expenditure_by_economic_class", NULL};
		int n, nsrc = 0;
		const char *only = NULL;
		const gk_rule *const *cols = gk_rules_of(c->rules, "column", &n);
		for (int i = 0; i < sm->nrow; i++) {
			if (strcmp(gk_table_get(sm, i, "side"), "收入"))
				continue;
			decsum d = {0};
			decsum_add(&d, gk_table_get(sm, i, "amount"));
			char *item = compact_of(gk_table_get(sm, i, "item"));
			if (!rule_any(c, "total", item) && strncmp(item, "其中", 6))
				for (int k = 0; k < n; k++) {
					const char *nm = cols[k]->name;
					if (strncmp(nm, "revunit:", 8) || !strcmp(nm + 8, "total") || !strcmp(nm + 8, "current_total") ||
					    !gk_rule_match(cols[k], item, strlen(item), NULL))
						continue;
					if (d.v != 0) {
						if (!only || strcmp(only, nm + 8))
							nsrc++;
						only = nm + 8;
						continue;
					}
					for (int t = 0; tabs[t]; t++)
						cross_add(c, tabs[t], nm + 8, &d, "revenue_expenditure_summary");
				}
			free(item);
		}
		/* one source of income only: every table's total comes from it */
		for (int t = 0; nsrc == 1 && tabs[t]; t++) {
			const gk_table *tt = gk_result_find(r, tabs[t]);
			int i = tt ? total_row_of(tt) : -1;
			if (i >= 0) {
				decsum d = {0};
				decsum_add(&d, gk_table_get(tt, i, "total"));
				if (d.n)
					cross_add(c, tabs[t], only, &d, "revenue_expenditure_summary");
			}
		}
	}
	/* a fund with nothing on the expenditure side of 财政拨款收支总表 */
	const gk_table *f = gk_result_find(r, "fiscal_appropriation_summary");
	if (f && f->nrow) {
		int tot = -1;
		for (int i = 0; i < f->nrow; i++)
			if (!strcmp(gk_table_get(f, i, "side"), "支出") && *gk_table_get(f, i, "total") &&
			    (strstr(gk_table_get(f, i, "item"), "本年支出") || strstr(gk_table_get(f, i, "item"), "支出合计")))
				tot = i;
		static const char *funds[] = {"government_fund", "state_capital", NULL};
		static const char *tabs[] = {"project_expenditure", "revenue_by_unit", "expenditure_by_economic_class", NULL};
		for (int k = 0; tot >= 0 && funds[k]; k++) {
			decsum d = {0};
			decsum_add(&d, gk_table_get(f, tot, funds[k]));
			if (d.v != 0)
				continue;
			for (int t = 0; tabs[t]; t++)
				cross_add(c, tabs[t], funds[k], &d, "fiscal_appropriation_summary");
		}
		/* nothing carried over from last year: no carry-over anywhere */
		for (int i = 0; i < f->nrow; i++)
			if (!strcmp(gk_table_get(f, i, "side"), "收入") && strstr(gk_table_get(f, i, "item"), "上年结转")) {
				decsum d = {0};
				decsum_add(&d, gk_table_get(f, i, "total"));
				if (d.v != 0)
					break;
				static const char *co[] = {"carryover_total", "carryover_general_budget", "carryover_government_fund",
				                           "carryover_state_capital", NULL};
				for (int k = 0; co[k]; k++)
					for (int t = 0; t < 2; t++)
						cross_add(c, tabs[t], co[k], &d, "fiscal_appropriation_summary");
				break;
			}
	}
}

static void cross_apply(const nctx *c, const char *table_id, solver_family *sf)
{
	sf->next = 0;
	for (int i = 0; i + 3 < c->cross.n && sf->next < 8; i += 4) {
		if (strcmp(c->cross.v[i], table_id))
			continue;
		for (int k = 0; k < sf->nkey; k++)
			if (!strcmp(sf->key[k], c->cross.v[i + 1])) {
				sf->ext_key[sf->next] = k;
				snprintf(sf->ext_val[sf->next], sizeof sf->ext_val[0], "%s", c->cross.v[i + 2]);
				sf->next++;
			}
	}
}

/* ---- 三公 tables ---------------------------------------------------------- */

/* A 三公 table often prints more than the year's six figures: a group of
 * columns per year (上年/当年/增减变化), per kind (预算数/决算数) or per
 * fund (一般公共预算/政府性基金/国有资本), a row per year, a 合计 over the
 * 三公 and 会议费/培训费 together, or the items as rows under one amount
 * column.  The contract's columns take the year's own figures: rules
 * "group-current" (the latest year printed; a 决算表's 决算数, a 预算表's
 * 预算数); every other figure is kept as x_<group>/<column>. */

enum { Q_NONE, Q_CURRENT, Q_OTHER };

/* a 决算表 (its 决算数 are the year's figures) or a 预算表 */
static int three_final(const gk_table *t)
{
	return t->title && strstr(t->title, "决算") != NULL;
}

/* "2025年…" -> 2025, else 0 */
static int year_word(const char *cp)
{
	if (strlen(cp) < 7 || cp[0] != '2' || cp[1] != '0' || !isdigit((unsigned char)cp[2]) ||
	    !isdigit((unsigned char)cp[3]) || strncmp(cp + 4, "年", 3))
		return 0;
	return (cp[0] - '0') * 1000 + (cp[1] - '0') * 100 + (cp[2] - '0') * 10 + (cp[3] - '0');
}

/* Is a group word the year's own figure (Q_CURRENT), another (Q_OTHER), or
 * no group word?  Rules NAME "three" or "three@预算"/"three@决算". */
static int three_qual(const nctx *c, const char *cp, int final)
{
	static const char *const kinds[] = {"group-current", "group-other"};
	for (int q = 0; q < 2; q++) {
		int n;
		const gk_rule *const *rs = gk_rules_of(c->rules, kinds[q], &n);
		for (int i = 0; i < n; i++) {
			if (strcmp(rs[i]->name, "three") && strcmp(rs[i]->name, final ? "three@决算" : "three@预算"))
				continue;
			if (gk_rule_match(rs[i], cp, strlen(cp), NULL))
				return q ? Q_OTHER : Q_CURRENT;
		}
	}
	return Q_NONE;
}

/* A group word in the header, and the line under it where its wrapped
 * tail is ("一般公共预" over "算"). */
typedef struct qcell {
	int line, next;
	double x0, x1;
	int kind, year;
	char text[96];
} qcell;

static int in_qcell(const qcell *q, int nq, int line, const gk_cell *cl)
{
	for (int k = 0; k < nq; k++) {
		if (q[k].line == line && cl->x0 == q[k].x0 && cl->x1 == q[k].x1)
			return 1;
		if (q[k].next == line && cl->x0 >= q[k].x0 - 3 && cl->x1 <= q[k].x1 + 3)
			return 1;
	}
	return 0;
}

/* Header line i as a line of group words: at least two, of them one the
 * year's own and one not (the latest year is the year's own).  Returns
 * how many, or 0. */
static int group_cells(const nctx *c, int i, int he, int final, qcell *q, int maxq)
{
	const gk_line *l = c->x[i].l;
	int n = 0, maxyear = 0, cur = 0, oth = 0;
	for (int j = 0; j < l->ncell && n < maxq; j++) {
		char *cp = compact_of(l->cell[j].text);
		int y = year_word(cp), k = y ? Q_OTHER : three_qual(c, cp, final);
		if (k != Q_NONE) {
			q[n] = (qcell){i, -1, l->cell[j].x0, l->cell[j].x1, k, y, ""};
			snprintf(q[n].text, sizeof q[n].text, "%s", cp);
			n++;
			if (y > maxyear)
				maxyear = y;
		}
		free(cp);
	}
	for (int k = 0; k < n; k++) {
		if (q[k].year)
			q[k].kind = q[k].year == maxyear ? Q_CURRENT : Q_OTHER;
		cur += q[k].kind == Q_CURRENT;
		oth += q[k].kind == Q_OTHER;
	}
	if (n < 2 || !cur || !oth)
		return 0;
	/* the next header line, when it is close enough to hold wrapped tails */
	int next = -1;
	for (int j = i + 1; j < he && next < 0; j++)
		if (!c->x[j].skip)
			next = j;
	if (next >= 0 && (c->x[next].l->page != l->page || c->x[next].l->y0 - l->y1 > l->y1 - l->y0))
		next = -1;
	for (int k = 0; k < n; k++) {
		q[k].next = next;
		for (int j = 0; next >= 0 && j < c->x[next].l->ncell; j++) {
			const gk_cell *cl = &c->x[next].l->cell[j];
			if (cl->x0 >= q[k].x0 - 3 && cl->x1 <= q[k].x1 + 3) {
				char *cp = compact_of(cl->text);
				size_t at = strlen(q[k].text);
				snprintf(q[k].text + at, sizeof q[k].text - at, "%s", cp);
				free(cp);
			}
		}
	}
	return n;
}

/* May header cell j of line i name a column? (not "单位：万元", not a
 * column number, not a group word) */
static int three_word_cell(const nctx *c, int i, const gk_cell *cl, const qcell *q, int nq)
{
	if ((strstr(cl->text, "：") || strstr(cl->text, ":")) &&
	    (gk_unit_parse(cl->text) != GK_UNIT_NONE || rule_any(c, "dept", cl->text)))
		return 0;
	return !tok_is_plain_int(&(tok){.text = cl->text}) && !in_qcell(q, nq, i, cl);
}

/* Do header words name a column of a 三公 table (its total or an item)? */
static int three_names_col(const nctx *c, const char *text)
{
	char *cp = compact_of(text);
	int n, hit = rule_any(c, "total-header", cp);
	const gk_rule *const *cols = gk_rules_of(c->rules, "column", &n);
	for (int r = 0; r < n && !hit; r++)
		hit = !strncmp(cols[r]->name, "three:", 6) && strcmp(cols[r]->name + 6, "total") &&
		      gk_rule_match(cols[r], cp, strlen(cp), NULL);
	free(cp);
	return hit;
}

/* A header cell left of a column's numbers [a, b] names that column
 * (header_masks's reading of a left-aligned header) when nothing is
 * printed over the numbers themselves; or when it lines up under or
 * inside what is ("合计" under a left-aligned "“三公”经费", "护费" under
 * "公务用车运行维"); or, when what is over them names no column (a group
 * header "2024年“三公”经费预算数"), when it stands mostly under that.  Not
 * a cell over an empty column beside them ("运行费" left of a centred
 * "机关运行经费预算数", "因公出国" left of a centred "公务接待费"). */
static int three_left_ok(const nctx *c, int hb, int he, double a, double b, const gk_cell *cl)
{
	int any = 0, named = 0, under = 0;
	for (int i = hb; i < he; i++) {
		const gk_line *l = c->x[i].l;
		if (c->x[i].skip || l->geom != GK_GEOM_POS || rule_any(c, "unit", c->x[i].compact) ||
		    rule_any(c, "dept", c->x[i].compact))
			continue;
		for (int j = 0; j < l->ncell; j++) {
			const gk_cell *o = &l->cell[j];
			if (!(o->x0 < b && o->x1 > a) || tok_is_plain_int(&(tok){.text = o->text}))
				continue;
			any = 1;
			if (cl->x0 >= o->x0 - 2 && cl->x0 <= o->x1)
				return 1;
			if (three_names_col(c, o->text))
				named = 1;
			else if (2 * ((cl->x1 < o->x1 ? cl->x1 : o->x1) - (cl->x0 > o->x0 ? cl->x0 : o->x0)) > cl->x1 - cl->x0)
				under = 1;
		}
	}
	return !any || (under && !named);
}

/* The header words over [lo, hi] as header_masks reads them (a cell over
 * the numbers, else the last one left of them, past `left`, when
 * three_left_ok), top to bottom, without group words; *leaf: the lowest
 * line's words. */
static char *three_words(const nctx *c, int hb, int he, double lo, double hi, double left, const qcell *q, int nq,
                         char **leaf)
{
	gk_buf hw = {0}, lf = {0};
	for (int i = hb; i < he; i++) {
		const gk_line *l = c->x[i].l;
		if (c->x[i].skip || l->geom != GK_GEOM_POS || rule_any(c, "unit", c->x[i].compact) ||
		    rule_any(c, "dept", c->x[i].compact))
			continue;
		size_t before = hw.len;
		int lj = -1, over = 0;
		for (int j = 0; j < l->ncell; j++) {
			const gk_cell *cl = &l->cell[j];
			if (!three_word_cell(c, i, cl, q, nq))
				continue;
			if (cl->x0 < hi && cl->x1 > lo) {
				gk_buf_adds(&hw, cl->text);
				over = 1;
			} else if (cl->x1 <= lo && cl->x0 >= left && (lj < 0 || cl->x0 > l->cell[lj].x0)) {
				lj = j;
			}
		}
		if (!over && lj >= 0 && three_left_ok(c, hb, he, lo, hi, &l->cell[lj]))
			gk_buf_adds(&hw, l->cell[lj].text);
		if (hw.len > before) {
			gk_buf_reset(&lf);
			gk_buf_add(&lf, hw.s + before, hw.len - before);
		}
	}
	char *cp = compact_of(hw.s ? hw.s : "");
	*leaf = compact_of(lf.s ? lf.s : "");
	gk_buf_drop(&hw);
	gk_buf_drop(&lf);
	return cp;
}

/* The keys header words name, as header_masks reads them. */
static void three_mask_of(const nctx *c, const solver_family *sf, const char *cp, const char *lw, unsigned *mask,
                          unsigned *leafmask, char **xname)
{
	*mask = *leafmask = 0;
	int anyrule = header_keys(c, sf, cp, lw, mask, leafmask);
	free(*xname);
	*xname = !*mask && !anyrule && *lw && !rule_any(c, "generic-header", lw) ? gk_strfmt("x_%s", cp) : NULL;
}

/* value of number j of a row, scaled to `scale` decimals */
static long long three_val(const prow *p, int j, int scale)
{
	long long v;
	int sc;
	if (!gk_dec_parse(p->num[j], &v, &sc))
		return 0;
	while (sc < scale)
		v *= 10, sc++;
	return v;
}

/* A positioned 三公 table's columns, read again: each slot's header words
 * over its own numbers (no word borrowed from an empty column beside it),
 * group words setting aside what is not the year's own, and a 合计 that
 * adds 会议费/培训费 to the 三公 set aside. */
static void three_columns(const nctx *c, const solver_family *sf, int hb, int he, const prow *rows, int nr, int final,
                          unsigned *mask, unsigned *leafmask, char **xname, int C)
{
	if (C < 1)
		return;
	double *a = gk_malloc(sizeof(double) * (size_t)C), *b = gk_malloc(sizeof(double) * (size_t)C);
	double *lo = gk_malloc(sizeof(double) * (size_t)C), *hi = gk_malloc(sizeof(double) * (size_t)C);
	int *other = gk_calloc((size_t)C, sizeof(int)), *cell_of = gk_malloc(sizeof(int) * (size_t)C);
	char **group = gk_calloc((size_t)C, sizeof(char *));
	for (int s = 0; s < C; s++)
		a[s] = 1e18, b[s] = -1e18;
	for (int i = 0; i < nr; i++)
		for (int j = 0; j < rows[i].nnum; j++) {
			int s = rows[i].slot[j];
			if (s < 0 || s >= C)
				continue;
			if (rows[i].nx0[j] < a[s])
				a[s] = rows[i].nx0[j];
			if (rows[i].nx1[j] > b[s])
				b[s] = rows[i].nx1[j];
		}
	for (int s = 0; s < C; s++)
		lo[s] = a[s], hi[s] = b[s];
	qcell qc[128];
	int nqc = 0;
	for (int i = hb; i < he; i++) {
		const xline *x = &c->x[i];
		if (x->skip || x->l->geom != GK_GEOM_POS || rule_any(c, "unit", x->compact) || rule_any(c, "dept", x->compact))
			continue;
		qcell q[64];
		int n = group_cells(c, i, he, final, q, 64);
		if (!n)
			continue;
		/* one group word over each column (预算数 决算数 预算数 …) */
		int all = 1;
		for (int s = 0; s < C; s++) {
			cell_of[s] = -1;
			for (int k = 0; k < n && cell_of[s] < 0; k++)
				if (q[k].x0 < b[s] && q[k].x1 > a[s])
					cell_of[s] = k;
			all &= cell_of[s] >= 0;
		}
		if (!all) {
			/* a group word over each group of columns, every group
			 * starting with its own total column: the k-th group under
			 * the k-th word */
			int starts = 0;
			for (int s = 0; s < C; s++)
				starts += (mask[s] & 1u) != 0;
			if (starts != n)
				continue;
			int k = -1;
			for (int s = 0; s < C; s++) {
				if (mask[s] & 1u)
					k++;
				cell_of[s] = k < 0 ? 0 : k;
			}
		} else {
			/* the words repeat per item: an item's header words are read
			 * over all its group's columns */
			int reps = 0;
			for (int s = 0; s < C; s++)
				reps += !strcmp(q[cell_of[s]].text, q[cell_of[0]].text);
			for (int s0 = 0, s = 1; reps > 1 && s <= C; s++) {
				if (s < C && strcmp(q[cell_of[s]].text, q[cell_of[0]].text))
					continue;
				for (int u = s0; u < s; u++) {
					if (a[s0] < lo[u])
						lo[u] = a[s0];
					if (b[s - 1] > hi[u])
						hi[u] = b[s - 1];
				}
				s0 = s;
			}
		}
		for (int k = 0; k < n && nqc < 128; k++)
			qc[nqc++] = q[k];
		for (int s = 0; s < C; s++) {
			const qcell *g = &q[cell_of[s]];
			other[s] |= g->kind == Q_OTHER;
			char *ng = group[s] ? gk_strfmt("%s/%s", group[s], g->text) : gk_strdup(g->text);
			free(group[s]);
			group[s] = ng;
		}
	}
	/* with groups: each column's words again, without the group words
	 * and over all the columns of its group */
	for (int s = 0; s < C && nqc; s++) {
		if (a[s] > b[s])
			continue;
		char *lw;
		int p = s;
		while (p > 0 && b[p - 1] > lo[s])
			p--;
		char *cp = three_words(c, hb, he, lo[s], hi[s], p > 0 ? b[p - 1] : -1e18, qc, nqc, &lw);
		three_mask_of(c, sf, cp, lw, &mask[s], &leafmask[s], &xname[s]);
		if (other[s]) {
			free(xname[s]);
			xname[s] = gk_strfmt("x_%s%s%s", group[s], *cp ? "/" : "", cp);
			mask[s] = leafmask[s] = 0;
		}
		if (getenv("GK_DEBUG"))
			fprintf(stderr, "three slot %d [%.0f-%.0f] mask %x leaf %x words '%s' group '%s'%s\n", s, lo[s], hi[s],
			        mask[s], leafmask[s], cp, group[s] ? group[s] : "", xname[s] ? xname[s] : "");
		free(cp);
		free(lw);
	}
	/* "合计" = the 三公 (its 小计 next to it) + 会议费 + 培训费 (columns
	 * of their own): the 三公's total is the 小计, the 合计 is kept aside */
	int f0 = -1, f1 = -1, nx = 0;
	for (int s = 0; s < C; s++) {
		if (a[s] > b[s] || other[s])
			continue;
		if (xname[s])
			nx++;
		else if (f0 < 0)
			f0 = s;
		else if (f1 < 0)
			f1 = s;
	}
	if (f0 >= 0 && f1 >= 0 && nx && mask[f0] == 1u && (mask[f1] & ~1u) == 0) {
		int held = 0, broken = 0;
		for (int i = 0; i < nr; i++) {
			const prow *p = &rows[i];
			int scale = 0, j0 = -1;
			for (int j = 0; j < p->nnum; j++) {
				long long v;
				int sc;
				if (gk_dec_parse(p->num[j], &v, &sc) && sc > scale)
					scale = sc;
				if (p->slot[j] == f0)
					j0 = j;
			}
			if (j0 < 0)
				continue;
			long long sum = 0;
			for (int j = 0; j < p->nnum; j++) {
				int s = p->slot[j];
				if (s >= 0 && s < C && s != f0 && !other[s] && (s == f1 || xname[s]))
					sum += three_val(p, j, scale);
			}
			long long d = sum - three_val(p, j0, scale);
			if (d < -1 || d > 1)
				broken = 1;
			else
				held++;
		}
		if (held && !broken) {
			free(xname[f0]);
			xname[f0] = gk_strdup("x_合计");
			mask[f0] = leafmask[f0] = 0;
			mask[f1] |= 1u;
			leafmask[f1] = 1u;
		}
	}
	for (int s = 0; s < C; s++)
		free(group[s]);
	free(group);
	free(a);
	free(b);
	free(lo);
	free(hi);
	free(other);
	free(cell_of);
}

/* reorder_keys over the columns that stay (x_ columns set aside) */
static void three_reorder_keys(solver_family *sf, const unsigned *leafmask, int nslot, unsigned *mask,
                               char *const *xname)
{
	unsigned *lm = gk_calloc((size_t)(nslot ? nslot : 1), sizeof *lm);
	unsigned *m = gk_calloc((size_t)(nslot ? nslot : 1), sizeof *m);
	int *at = gk_malloc(sizeof(int) * (size_t)(nslot ? nslot : 1)), n = 0;
	for (int s = 0; s < nslot; s++)
		if (!xname[s]) {
			lm[n] = leafmask[s];
			m[n] = mask[s];
			at[n++] = s;
		}
	reorder_keys(sf, lm, n, m);
	for (int q = 0; q < n; q++)
		mask[at[q]] = m[q];
	free(lm);
	free(m);
	free(at);
}

/* With the x_ columns taken out, number the slots that remain 0, 1, …
 * (the solver maps slots to keys in order) and their masks with them. */
static void compact_slots(prow *rows, int nr, char *const *xname, int nslot, unsigned *mask)
{
	int *to = gk_malloc(sizeof(int) * (size_t)(nslot ? nslot : 1)), n = 0;
	for (int s = 0; s < nslot; s++) {
		to[s] = xname[s] ? -1 : n;
		if (!xname[s]) {
			if (mask)
				mask[n] = mask[s];
			n++;
		}
	}
	for (int s = n; mask && s < nslot; s++)
		mask[s] = 0;
	for (int i = 0; i < nr; i++)
		for (int j = 0; j < rows[i].nnum; j++)
			if (rows[i].slot[j] >= 0 && rows[i].slot[j] < nslot)
				rows[i].slot[j] = to[rows[i].slot[j]];
	free(to);
}

/* A page number under the table ("16"): a lone integer with no label,
 * not the table's first row. */
static int three_drop_page_numbers(prow *rows, int nr)
{
	int k = 0;
	for (int i = 0; i < nr; i++) {
		if (i > 0 && rows[i].ntext == 0 && rows[i].nnum == 1 && !strchr(rows[i].num[0], '.') &&
		    tok_is_plain_int(&(tok){.text = rows[i].num[0]})) {
			prow_free(&rows[i]);
			continue;
		}
		if (k != i)
			rows[k] = rows[i];
		k++;
	}
	return k;
}

/* The key a row label names ("（二）公务用车购置及运行维护支出" ->
 * vehicle_total), "total" for the 合计 / “三公”经费 row, NULL for none.
 * The first column rule of the family that matches, in contract order. */
static const char *three_item_key(const nctx *c, const char *label)
{
	char *cp = compact_of(label);
	const char *key = NULL;
	int n;
	const gk_rule *const *cols = gk_rules_of(c->rules, "column", &n);
	for (int r = 0; r < n && !key; r++)
		if (!strncmp(cols[r]->name, "three:", 6) && strcmp(cols[r]->name + 6, "total") &&
		    gk_rule_match(cols[r], cp, strlen(cp), NULL))
			key = cols[r]->name + 6;
	if (!key && *cp && (rule_any(c, "total", cp) || strstr(cp, "三公")))
		key = "total";
	free(cp);
	return key;
}

/* The items printed as rows under one amount column ("1、因公出国（境）费用
 * 0.00", "2、公务接待费 10.92", …): one 合计 row, each item in its column;
 * a row naming no item (行政经费) and any further amount column (一般公共
 * 预算, 政府性基金预算, …) kept as x_ columns.  Returns 0 when the table
 * is not printed so (its header names items, or its rows do not). */
static int three_by_items(const nctx *c, const solver_family *sf, const prow *rows, const rowkeys *keys, int nr,
                          char *const *xname, int nslot, int shift, gk_table *t)
{
	if (sf->nkey != 1)
		return 0;
	unsigned seen = 0;
	int items = 0;
	for (int i = 0; i < nr; i++) {
		const char *k = rows[i].nnum ? three_item_key(c, keys[i].name) : NULL;
		int col = k && strcmp(k, "total") ? gk_table_col(t, k) : -1;
		if (col >= 0 && col < 32 && !(seen & (1u << col))) {
			seen |= 1u << col;
			items++;
		}
	}
	if (items < 2)
		return 0;
	gk_table_add_row(t);
	int ri = t->nrow - 1;
	gk_table_set(t, ri, gk_table_col(t, "unit_name"), "合计");
	for (int i = 0; i < nr; i++) {
		const prow *p = &rows[i];
		if (!p->nnum || !*keys[i].name)
			continue; /* no label: nothing says what it is */
		const char *k = three_item_key(c, keys[i].name);
		char *lab = gk_label_clean(keys[i].name);
		int first = 1;
		for (int j = 0; j < p->nnum; j++) {
			int s = p->slot[j];
			const char *xn = s >= 0 && s < nslot && xname ? xname[s] : NULL;
			char *name;
			if (!xn && first && k && !*gk_table_get(t, ri, k))
				name = gk_strdup(k);
			else if (!xn && first)
				name = gk_strfmt("x_%s", k ? k : lab);
			else if (xn)
				name = gk_strfmt("%s/%s", xn, k ? k : lab);
			else
				name = gk_strfmt("x_%d/%s", j + 1, k ? k : lab);
			if (!xn)
				first = 0;
			int col = gk_table_col(t, name);
			if (col < 0)
				col = gk_table_add_col(t, name);
			put_amount(t, ri, col, p->num[j], shift);
			free(name);
		}
		free(lab);
	}
	return 1;
}

/* Rows per year ("2025年", "2026年", "增减变化金额") under one unit: the
 * year's own row keeps the contract's columns and the unit's name, each
 * other row's figures go to it as x_<row word>/<column>.  out[i]: the
 * table row of rows[i] (-1 none). */
static void three_fold_rows(const nctx *c, gk_table *t, const prow *rows, int nr, const int *out, int final)
{
	int *kind = gk_calloc((size_t)(nr ? nr : 1), sizeof(int));
	char **word = gk_calloc((size_t)(nr ? nr : 1), sizeof(char *));
	int maxyear = 0, cur = 0, oth = 0;
	for (int i = 0; i < nr; i++)
		for (int j = 0; j < rows[i].ntext && !word[i]; j++) {
			char *cp = compact_of(rows[i].text[j]);
			int y = year_word(cp);
			int k = y ? Q_CURRENT : three_qual(c, cp, final);
			if (k != Q_NONE && (y || strlen(cp) >= 6)) {
				kind[i] = y ? -y : k;
				word[i] = cp;
				if (y > maxyear)
					maxyear = y;
			} else {
				free(cp);
			}
		}
	for (int i = 0; i < nr; i++) {
		if (kind[i] < 0)
			kind[i] = -kind[i] == maxyear ? Q_CURRENT : Q_OTHER;
		cur += kind[i] == Q_CURRENT && out[i] >= 0;
		oth += kind[i] == Q_OTHER && out[i] >= 0;
	}
	if (!cur || !oth)
		goto done;
	int ucol = gk_table_col(t, "unit_name");
	char *gone = gk_calloc((size_t)(t->nrow ? t->nrow : 1), 1);
	/* the year's rows first get their own name back (without the year) */
	for (int i = 0; i < nr; i++) {
		if (kind[i] != Q_CURRENT || out[i] < 0)
			continue;
		gk_buf nm = {0};
		for (int j = 0; j < rows[i].ntext; j++) {
			char *cp = compact_of(rows[i].text[j]);
			if (strcmp(cp, word[i]))
				gk_buf_adds(&nm, rows[i].text[j]);
			free(cp);
		}
		char *cl = gk_label_clean(nm.s ? nm.s : "");
		gk_table_set(t, out[i], ucol, cl);
		free(cl);
		gk_buf_drop(&nm);
	}
	for (int i = 0; i < nr; i++) {
		if (kind[i] != Q_OTHER || out[i] < 0)
			continue;
		int to = -1;
		for (int d = 1; d < nr && to < 0; d++) /* the nearest year's row, the next one first */
			for (int e = 0; e < 2 && to < 0; e++) {
				int j = e ? i - d : i + d;
				if (j >= 0 && j < nr && kind[j] == Q_CURRENT && out[j] >= 0)
					to = j;
			}
		if (to < 0)
			continue;
		int ro = out[i], rt = out[to];
		for (int col = 0; col < t->cols.n; col++) {
			const char *v = t->rows[ro][col];
			if (col == ucol || !*v)
				continue;
			const char *key = t->cols.v[col];
			char *name = gk_strfmt("x_%s/%s", word[i], strncmp(key, "x_", 2) ? key : key + 2);
			int nc = gk_table_col(t, name);
			if (nc < 0)
				nc = gk_table_add_col(t, name);
			gk_table_set(t, rt, nc, t->rows[ro][col]);
			free(name);
		}
		/* the unit's name printed on the other row ("深圳市信访局 2025年") */
		char *nm = gk_label_clean(t->rows[ro][ucol]);
		size_t wl = strlen(word[i]), nl = strlen(nm);
		if (nl > wl && !strcmp(nm + nl - wl, word[i]))
			nm[nl - wl] = 0;
		if (!*t->rows[rt][ucol] && *nm)
			gk_table_set(t, rt, ucol, nm);
		free(nm);
		gone[ro] = 1;
	}
	int k = 0;
	for (int r = 0; r < t->nrow; r++) {
		if (gone[r]) {
			for (int col = 0; col < t->cols.n; col++)
				free(t->rows[r][col]);
			free(t->rows[r]);
			continue;
		}
		t->rows[k++] = t->rows[r];
	}
	t->nrow = k;
	if (t->nrow == 1) /* a one-row table is its 合计 row */
		gk_table_set(t, 0, ucol, "合计");
	for (int r = 0; r < t->nrow; r++)
		if (!*t->rows[r][ucol])
			gk_table_set(t, r, ucol, "合计");
	free(gone);
done:
	for (int i = 0; i < nr; i++)
		free(word[i]);
	free(word);
	free(kind);
}

/* ---- basic tables printed as side-by-side blocks ------------------------ */

/* 决算 documents print the 一般公共预算财政拨款基本支出决算表 as two or three
 * blocks of (科目代码, 科目名称, 决算数) side by side, under the group heads
 * 人员经费 and 公用经费, with the group totals (人员经费合计, 公用经费合计) on
 * the last line.  A printed line then carries one row of each block: it is
 * cut where a second economic code starts, and each piece is a row of its
 * own, its figure the total and, by the group its block stands under, the
 * personnel or public figure. */

#define BB_MAXSEG 8
#define BB_MAXBLK 8

/* Which group a header word or total label names: 1 人员经费, 2 公用经费 (the
 * basic family's column rules), 0 neither. */
static int basic_group(const nctx *c, const char *cp)
{
	int n;
	const gk_rule *const *cols = gk_rules_of(c->rules, "column", &n); /* owned by the rules */
	size_t len = strlen(cp);
	for (int i = 0; i < n; i++) {
		int g = !strcmp(cols[i]->name, "basic:personnel") ? 1 : !strcmp(cols[i]->name, "basic:public") ? 2 : 0;
		if (g && gk_rule_match(cols[i], cp, len, NULL))
			return g;
	}
	return 0;
}

/* A token that starts a block's row: a 部门经济分类 code (3 or 5 digits,
 * 3xx), alone or glued to its name. */
static int basic_code_start(const char *cp)
{
	size_t d = 0;
	while (isdigit((unsigned char)cp[d]))
		d++;
	if ((d != 3 && d != 5) || cp[0] != '3')
		return 0;
	return !cp[d] || ((unsigned char)cp[d] >= 0x80 && strncmp(cp + d, "年", 3) && strncmp(cp + d, "月", 3));
}

/* A total label: 合计, or a group's 人员经费合计 / 公用经费合计.  Returns
 * 1 + the group (1: the table's own 合计), 0 if none. */
static int basic_total_label(const nctx *c, const char *cp)
{
	if (rule_any(c, "total", cp))
		return 1;
	size_t l = strlen(cp);
	if (l > 6 && (!strcmp(cp + l - 6, "合计") || !strcmp(cp + l - 6, "总计"))) {
		int g = basic_group(c, cp);
		return g ? 1 + g : 0;
	}
	return 0;
}

typedef struct bseg {
	int row, blk;
	int total; /* 1 + group of a total label, 0 for a code row */
	prow p;    /* its text pieces and numbers */
} bseg;

/* Where the pieces of row p start (x, sorted): its codes and total labels. */
static int basic_starts(const nctx *c, const prow *p, double *sx, int *code)
{
	int ns = 0;
	for (int j = 0; j < p->ntext && ns < BB_MAXSEG; j++) {
		char *cp = compact_of(p->text[j]);
		int isc = basic_code_start(cp), ist = !isc && basic_total_label(c, cp);
		free(cp);
		if (!isc && !ist)
			continue;
		int k = ns++;
		while (k > 0 && sx[k - 1] > p->tx0[j]) {
			sx[k] = sx[k - 1], code[k] = code[k - 1];
			k--;
		}
		sx[k] = p->tx0[j], code[k] = isc;
	}
	return ns;
}

/* A copy of row p with "2,239.41 307" (an amount and the next block's
 * code one space apart, as layout text prints them) cut in two: the code
 * starts as many columns after the amount as the characters before it. */
static void basic_unglue(const prow *p, prow *q)
{
	memset(q, 0, sizeof *q);
	q->line0 = p->line0, q->line1 = p->line1, q->y = p->y;
	for (int j = 0; j < p->nnum; j++) {
		memcpy(q->num[j], p->num[j], sizeof q->num[j]);
		q->nx0[j] = p->nx0[j], q->nx1[j] = p->nx1[j], q->nidx[j] = p->nidx[j], q->slot[j] = p->slot[j];
	}
	q->nnum = p->nnum;
	for (int j = 0; j < p->ntext && q->ntext < 32; j++) {
		char *f = gk_fold_width(p->text[j]);
		char *sp1 = strchr(f, ' ');
		char buf[48];
		if (sp1 && sp1 - f < 40 && q->nnum < MAXNUM) {
			char head[48];
			memcpy(head, f, (size_t)(sp1 - f));
			head[sp1 - f] = 0;
			const char *rest = sp1;
			while (*rest == ' ')
				rest++;
			if (strchr(head, '.') && gk_amount_parse(head, buf, sizeof buf) && basic_code_start(rest)) {
				snprintf(q->num[q->nnum], sizeof q->num[0], "%s", buf);
				q->nx0[q->nnum] = p->tx0[j];
				q->nx1[q->nnum] = p->tx0[j] + (double)(sp1 - f);
				q->slot[q->nnum] = -1;
				q->nnum++;
				q->tx0[q->ntext] = p->tx0[j] + (double)(rest - f);
				q->text[q->ntext++] = gk_strdup(rest);
				free(f);
				continue;
			}
		}
		free(f);
		q->tx0[q->ntext] = p->tx0[j];
		q->text[q->ntext++] = gk_strdup(p->text[j]);
	}
}

static int basic_piece_of(const double *sx, int ns, double x)
{
	int s = 0;
	while (s + 1 < ns && sx[s + 1] <= x + 0.5)
		s++;
	return s;
}

/* Read the rows of a side-by-side basic table into t.  Returns 0 (and
 * leaves t alone) when the table is not printed so. */
static int basic_blocks(nctx *c, const tspan *sp, gk_table *t, const head *h, const prow *orows, int nr, int shift)
{
	if (nr < 2 || body_geom(c, h->first_row, sp->end) != GK_GEOM_POS)
		return 0;
	prow *rows = gk_calloc((size_t)nr, sizeof *rows);
	for (int i = 0; i < nr; i++)
		basic_unglue(&orows[i], &rows[i]);
	int ok = 0;
	bseg *seg = NULL;
	int nseg = 0;
	/* the layout: lines where a second code follows a name or an amount */
	int side = 0, coded = 0;
	double xmin = 1e30, xmax = -1e30;
	double cx[MAXROWS / 4];
	int ncx = 0;
	for (int i = 0; i < nr; i++) {
		const prow *p = &rows[i];
		double sx[BB_MAXSEG];
		int code[BB_MAXSEG];
		int ns = basic_starts(c, p, sx, code);
		for (int j = 0; j < p->ntext; j++)
			xmin = p->tx0[j] < xmin ? p->tx0[j] : xmin, xmax = p->tx0[j] > xmax ? p->tx0[j] : xmax;
		for (int j = 0; j < p->nnum; j++)
			xmin = p->nx0[j] < xmin ? p->nx0[j] : xmin, xmax = p->nx1[j] > xmax ? p->nx1[j] : xmax;
		int ncode = 0;
		for (int s = 0; s < ns; s++)
			if (code[s]) {
				ncode++;
				if (ncx < (int)(sizeof cx / sizeof cx[0]))
					cx[ncx++] = sx[s];
			}
		if (ncode)
			coded++;
		for (int s = 1; s < ns; s++) {
			if (!code[s])
				continue;
			int filled = 0; /* a name or an amount in the piece before */
			for (int j = 0; j < p->ntext && !filled; j++)
				if (basic_piece_of(sx, ns, p->tx0[j]) == s - 1 && p->tx0[j] > sx[s - 1] + 0.5)
					filled = 1;
			for (int j = 0; j < p->nnum && !filled; j++)
				if (basic_piece_of(sx, ns, p->nx0[j]) == s - 1)
					filled = 1;
			if (filled) {
				side++;
				break;
			}
		}
	}
	if (side < 2 || side * 4 < coded || xmax <= xmin)
		goto done;
	/* the blocks: the x columns the codes start in */
	qsort(cx, (size_t)ncx, sizeof cx[0], cmp_double);
	double gap = (xmax - xmin) * 0.08;
	double bl[BB_MAXBLK];
	int nb = 0;
	for (int i = 0; i < ncx; i++)
		if ((!nb || cx[i] - cx[i - 1] > gap) && nb < BB_MAXBLK)
			bl[nb++] = cx[i];
	if (nb < 2)
		goto done;
#define BLOCK_OF(x) basic_piece_of(bl, nb, (x) + gap / 2)
	/* the group of each block: the nearest group head (a head is centred
	 * over the blocks it spans), else the block's total label */
	int hg[BB_MAXBLK] = {0}, tg[BB_MAXBLK] = {0}, grp[BB_MAXBLK] = {0};
	double hd[BB_MAXBLK];
	int seen = 0;
	for (int i = sp->begin; i < h->first_row; i++) {
		const gk_line *l = c->x[i].l;
		if (c->x[i].skip || l->geom != GK_GEOM_POS)
			continue;
		for (int j = 0; j < l->ncell; j++) {
			char *cp = compact_of(l->cell[j].text);
			int g = basic_group(c, cp);
			free(cp);
			if (!g)
				continue;
			double mid = (l->cell[j].x0 + l->cell[j].x1) / 2;
			for (int b = 0; b < nb; b++) {
				double bc = (bl[b] + (b + 1 < nb ? bl[b + 1] : xmax)) / 2;
				double dd = mid > bc ? mid - bc : bc - mid;
				if (!hg[b] || dd < hd[b])
					hg[b] = g, hd[b] = dd;
			}
			seen |= 1 << g;
		}
	}
	if (seen != 6) /* one group head alone says nothing of the others */
		memset(hg, 0, sizeof hg);
	/* the pieces */
	seg = gk_calloc((size_t)nr * BB_MAXSEG, sizeof *seg);
	ok = 1;
	for (int i = 0; i < nr && ok; i++) {
		const prow *p = &rows[i];
		double sx[BB_MAXSEG];
		int code[BB_MAXSEG];
		int ns = basic_starts(c, p, sx, code);
		if (!ns)
			ns = 1, sx[0] = xmin, code[0] = 0;
		bseg *row = &seg[nseg];
		for (int s = 0; s < ns; s++) {
			row[s].row = i;
			row[s].blk = BLOCK_OF(sx[s]);
		}
		for (int j = 0; j < p->ntext; j++) {
			/* a total label is a piece of its own; other text belongs to
			 * the code it follows (a label printed under a name of the
			 * line above is no part of that name) */
			char *cp = compact_of(p->text[j]);
			int lab = !basic_code_start(cp) && basic_total_label(c, cp);
			free(cp);
			int s = basic_piece_of(sx, ns, p->tx0[j]);
			if (lab)
				while (s + 1 < ns && code[s] && sx[s + 1] <= p->tx0[j] + 0.5)
					s++;
			else
				while (s > 0 && !code[s])
					s--;
			prow *q = &row[s].p;
			if (q->ntext < 32) {
				q->tx0[q->ntext] = p->tx0[j];
				q->text[q->ntext++] = gk_strdup(p->text[j]);
			}
		}
		for (int j = 0; j < p->nnum; j++) {
			prow *q = &row[basic_piece_of(sx, ns, p->nx0[j])].p;
			if (q->nnum) {
				ok = 0; /* two figures in one block: some other layout */
				break;
			}
			snprintf(q->num[0], sizeof q->num[0], "%s", p->num[j]);
			q->nx0[0] = p->nx0[j], q->nx1[0] = p->nx1[j];
			q->nnum = 1;
		}
		for (int s = 0; s < ns; s++) {
			if (!row[s].p.ntext && !row[s].p.nnum)
				continue;
			char *cp = row[s].p.ntext ? compact_of(row[s].p.text[0]) : gk_strdup("");
			row[s].total = code[s] ? 0 : basic_total_label(c, cp);
			free(cp);
			if (row[s].total > 1)
				tg[row[s].blk] = row[s].total - 1;
			if (nseg != (int)(&row[s] - seg))
				seg[nseg] = row[s], memset(&row[s], 0, sizeof row[s]);
			nseg++;
		}
	}
	for (int b = 0; b < nb; b++)
		grp[b] = hg[b] ? hg[b] : tg[b];
	if (getenv("GK_DEBUG")) {
		fprintf(stderr, "%s: side-by-side blocks (%d lines of %d):", sp->id, side, coded);
		for (int b = 0; b < nb; b++)
			fprintf(stderr, " x=%.1f group=%d", bl[b], grp[b]);
		fprintf(stderr, "%s\n", ok ? "" : " (not read so: two figures in a block)");
		for (int s = 0; s < nseg; s++) {
			fprintf(stderr, "piece %d.%d:", seg[s].row, seg[s].blk);
			for (int j = 0; j < seg[s].p.ntext; j++)
				fprintf(stderr, " [%s]", seg[s].p.text[j]);
			for (int j = 0; j < seg[s].p.nnum; j++)
				fprintf(stderr, " %s", seg[s].p.num[j]);
			fprintf(stderr, "\n");
		}
	}
	if (ok) {
		static const char *const gcol[] = {"total", "personnel", "public"};
		/* the totals first: 合计 and the group totals as one 合计 row */
		const char *tot[3] = {NULL, NULL, NULL};
		int any = 0;
		for (int s = 0; s < nseg; s++)
			if (seg[s].total && seg[s].p.nnum && !tot[seg[s].total - 1])
				tot[seg[s].total - 1] = seg[s].p.num[0], any = 1;
		if (any) {
			gk_table_add_row(t);
			int ri = t->nrow - 1;
			gk_table_set(t, ri, gk_table_col(t, "econ_name"), "合计");
			char sum[64];
			if (!tot[0] && tot[1] && tot[2]) { /* the whole is its two groups */
				decsum d = {0};
				decsum_add(&d, tot[1]);
				decsum_add(&d, tot[2]);
				decsum_str(&d, sum, sizeof sum);
				tot[0] = sum;
			}
			for (int g = 0; g < 3; g++)
				if (tot[g])
					put_amount(t, ri, gk_table_col(t, gcol[g]), tot[g], shift);
		}
		/* then block by block, top to bottom */
		for (int b = 0; b < nb; b++)
			for (int s = 0; s < nseg; s++) {
				if (seg[s].blk != b || seg[s].total)
					continue;
				rowkeys k;
				interpret_keys(c, F_BASIC, &seg[s].p, &k);
				gk_table_add_row(t);
				int ri = t->nrow - 1;
				gk_table_set(t, ri, gk_table_col(t, "econ_code"), k.econ);
				gk_table_set(t, ri, gk_table_col(t, "gov_econ_code"), k.gov);
				gk_table_set(t, ri, gk_table_col(t, "econ_name"), k.name);
				gk_table_set(t, ri, gk_table_col(t, "gov_econ_name"), k.name2 ? k.name2 : "");
				if (seg[s].p.nnum) {
					put_amount(t, ri, gk_table_col(t, "total"), seg[s].p.num[0], shift);
					if (grp[b])
						put_amount(t, ri, gk_table_col(t, gcol[grp[b]]), seg[s].p.num[0], shift);
				}
				rowkeys_free(&k);
			}
	}
#undef BLOCK_OF
done:
	for (int s = 0; seg && s < nr * BB_MAXSEG; s++)
		prow_free(&seg[s].p);
	free(seg);
	for (int i = 0; i < nr; i++)
		prow_free(&rows[i]);
	free(rows);
	return ok;
}

static void parse_numeric(nctx *c, const tspan *sp, gk_table *t)
{
	fam_id f = family_of(sp->id);
	head h;
	/* a table continued on the next page keeps the 类/款 of its last
	 * rows (a page may start with rows that print only 项) and, unless
	 * the page repeats the header, where 款 and 项 sit */
	if (!t->nrow) {
		c->ctx_class[0] = c->ctx_item[0] = 0;
		c->hx_kuan = c->hx_xiang = 0;
	}
	read_head(c, f, sp->begin, sp->end, &h);
	double hk = 0, hx = 0;
	for (int i = sp->begin; i < h.first_row; i++) {
		const gk_line *l = c->x[i].l;
		if (l->geom == GK_GEOM_FLOW)
			continue;
		for (int j = 0; j < l->ncell; j++) {
			char *cp = compact_of(l->cell[j].text);
			if (!strcmp(cp, "款"))
				hk = l->cell[j].x0 + (l->geom == GK_GEOM_TAB ? 0.001 : 0);
			else if (!strcmp(cp, "项"))
				hx = l->cell[j].x0 + (l->geom == GK_GEOM_TAB ? 0.001 : 0);
			free(cp);
		}
	}
	if (hk > 0 && hx > 0)
		c->hx_kuan = hk, c->hx_xiang = hx;
	int shift = h.unit_shift != GK_UNIT_NONE ? h.unit_shift : (c->unit_seen ? c->unit_shift : 0);
	/* a row takes at least one line */
	int maxrows = sp->end - h.first_row + 1;
	if (maxrows > MAXROWS)
		maxrows = MAXROWS;
	if (maxrows < 1)
		maxrows = 1;
	prow *rows = gk_calloc((size_t)maxrows, sizeof *rows);
	int end_line;
	int nr = assemble_rows(c, f, h.first_row, sp->end, rows, maxrows, &end_line);
	if (f == F_BASIC && basic_blocks(c, sp, t, &h, rows, nr, shift)) {
		for (int i = 0; i < nr; i++)
			prow_free(&rows[i]);
		free(rows);
		free(h.text);
		return;
	}
	if (f == F_THREE)
		nr = three_drop_page_numbers(rows, nr);
	gk_geom geom = body_geom(c, h.first_row, end_line);
	solver_family sf;
	family_from_header(c, fam_rule_name[f], h.text, &sf);
	if (getenv("GK_DEBUG"))
		fprintf(stderr, "%s header: %s\n", sp->id, h.text);
	assign_slots(rows, nr, geom);
	rowkeys *keys = gk_calloc((size_t)(nr ? nr : 1), sizeof *keys);
	int *leaf = gk_calloc((size_t)(nr ? nr : 1), sizeof(int));
	int total_row = -1, deepest = 0;
	for (int i = 0; i < nr; i++) {
		if (getenv("GK_DEBUG")) {
			fprintf(stderr, "row %d:", i);
			for (int j = 0; j < rows[i].ntext; j++) fprintf(stderr, " [%s]", rows[i].text[j]);
			for (int j = 0; j < rows[i].nnum; j++) fprintf(stderr, " %s@%d", rows[i].num[j], rows[i].slot[j]);
			fprintf(stderr, "\n");
		}
		interpret_keys(c, f, &rows[i], &keys[i]);
		{
			rowkeys *k = &keys[i];
			const char *lab = *k->func ? k->func : *k->econ ? k->econ : *k->unit ? k->unit
			                  : k->total ? "合计" : k->name ? k->name : "";
			snprintf(rows[i].label, sizeof rows[i].label, "%s", lab);
		}
		if (*keys[i].econ)
			econ_bias(c, &sf, keys[i].econ, &rows[i]);
		if (keys[i].total && total_row < 0)
			total_row = i;
		if (*keys[i].misprint) { /* the document's own error, repaired from its context */
			char want[32];
			snprintf(want, sizeof want, "%.3s %.2s %.2s", keys[i].func, keys[i].func + 3, keys[i].func + 5);
			gk_result_add_check(c->r, sp->id, "code:misprinted", keys[i].func, want, keys[i].misprint, "fail");
		}
		int l = (int)strlen(keys[i].func);
		if (l > deepest)
			deepest = l;
	}
	for (int i = 0; i < nr; i++) {
		if (i == total_row)
			continue;
		if (f == F_FUNC)
			leaf[i] = deepest && (int)strlen(keys[i].func) == deepest;
		else if (f == F_BASIC || f == F_ECON)
			leaf[i] = *keys[i].econ || *keys[i].gov;
		else if (f == F_PROJECT)
			leaf[i] = keys[i].name && *keys[i].name;
	}
	char **xname = NULL;
	int nslot = 0;
	unsigned *leafmask = NULL;
	unsigned *mask = geom == GK_GEOM_POS
	                     ? header_masks(c, &sf, sp->begin, h.first_row, rows, nr, &xname, &nslot, &leafmask)
	                     : NULL;
	if (f == F_THREE && mask)
		three_columns(c, &sf, sp->begin, h.first_row, rows, nr, three_final(t), mask, leafmask, xname, nslot);
	if (leafmask && f == F_THREE)
		three_reorder_keys(&sf, leafmask, nslot, mask, xname);
	else if (leafmask)
		reorder_keys(&sf, leafmask, nslot, mask);
	free(leafmask);
	if (f == F_THREE && three_by_items(c, &sf, rows, keys, nr, xname, nslot, shift, t)) {
		free(mask);
		goto three_done;
	}
	/* numbers under a header the contract does not name: set aside */
	typedef struct xval { int row; int slot; char num[48]; } xval;
	xval *xv = NULL;
	int nxv = 0;
	for (int i = 0; xname && i < nr; i++) {
		int k = 0;
		for (int j = 0; j < rows[i].nnum; j++) {
			int sl = rows[i].slot[j];
			if (sl >= 0 && sl < nslot && xname[sl]) {
				xv = gk_realloc(xv, sizeof *xv * (size_t)(nxv + 1));
				xv[nxv].row = i;
				xv[nxv].slot = sl;
				snprintf(xv[nxv].num, sizeof xv[nxv].num, "%s", rows[i].num[j]);
				nxv++;
				continue;
			}
			if (k != j) {
				memcpy(rows[i].num[k], rows[i].num[j], sizeof rows[i].num[0]);
				rows[i].nx0[k] = rows[i].nx0[j], rows[i].nx1[k] = rows[i].nx1[j];
				rows[i].nidx[k] = rows[i].nidx[j], rows[i].slot[k] = rows[i].slot[j];
			}
			k++;
		}
		rows[i].nnum = k;
	}
	if (xname) /* the columns set aside hold no place among the contract's */
		compact_slots(rows, nr, xname, nslot, mask);
	cross_apply(c, sp->id, &sf);
	if (getenv("GK_DEBUG")) {
		fprintf(stderr, "%s keys:", sp->id);
		for (int k = 0; k < sf.nkey; k++)
			fprintf(stderr, " %s", sf.key[k]);
		for (int s2 = 0; mask && s2 < nslot; s2++)
			fprintf(stderr, " mask[%d]=%x", s2, mask[s2]);
		fprintf(stderr, "\n");
	}
	gk_solve_rows(&sf, rows, nr, geom, total_row, leaf, mask, c->r, sp->id);
	if (getenv("GK_DEBUG"))
		for (int i = 0; i < nr; i++) {
			fprintf(stderr, "placed %d:", i);
			for (int j = 0; j < rows[i].nnum; j++)
				fprintf(stderr, " %s=%s", rows[i].assign[j] >= 0 ? sf.key[rows[i].assign[j]] : "-", rows[i].num[j]);
			fprintf(stderr, "\n");
		}
	free(mask);
	int *outrow = gk_malloc(sizeof(int) * (size_t)(nr ? nr : 1));

	for (int i = 0; i < nr; i++) {
		rowkeys *k = &keys[i];
		outrow[i] = -1;
		if (k->context_only)
			continue;
		gk_table_add_row(t);
		int ri = t->nrow - 1;
		outrow[i] = ri;
#define SET(col, v) gk_table_set(t, ri, gk_table_col(t, col), v)
		switch (f) {
		case F_FUNC:
			if (*k->func) {
				SET("func_code", k->func);
				char part[8];
				snprintf(part, sizeof part, "%.3s", k->func);
				SET("class", part);
				if (strlen(k->func) >= 5) {
					snprintf(part, sizeof part, "%.2s", k->func + 3);
					SET("item", part);
				}
				if (strlen(k->func) >= 7) {
					snprintf(part, sizeof part, "%.2s", k->func + 5);
					SET("subitem", part);
				}
			}
			SET("unit_code", k->unit);
			SET("name", k->total && !*k->name ? "合计" : k->name);
			break;
		case F_BASIC:
		case F_ECON:
			SET("econ_code", k->econ);
			SET("gov_econ_code", k->gov);
			if (f == F_ECON)
				SET("unit_code", k->unit);
			SET("econ_name", k->total && !*k->name ? "合计" : k->name);
			SET("gov_econ_name", k->name2 ? k->name2 : "");
			break;
		case F_REVUNIT:
			SET("unit_code", k->unit);
			SET("func_code", k->func);
			if (*k->func)
				SET("func_name", k->name);
			else
				SET("unit_name", k->total && !*k->name ? "合计" : k->name);
			break;
		case F_THREE:
			SET("unit_name", *k->name ? k->name : "合计");
			break;
		case F_PROJECT:
			SET("project_type", k->ptype ? k->ptype : "");
			SET("project_name", k->total ? "合计" : k->name);
			SET("unit_code", k->unit);
			SET("unit_name", k->name2 ? k->name2 : "");
			break;
		default:
			break;
		}
#undef SET
		for (int j = 0; j < rows[i].nnum; j++) {
			int a = rows[i].assign[j];
			if (a < 0 || a >= sf.nkey)
				continue;
			int col = gk_table_col(t, sf.key[a]);
			if (col >= 0)
				put_amount(t, ri, col, rows[i].num[j], shift);
		}
	}
	for (int i = 0; i < nxv; i++) {
		if (outrow[xv[i].row] < 0)
			continue;
		int col = gk_table_col(t, xname[xv[i].slot]);
		if (col < 0)
			col = gk_table_add_col(t, xname[xv[i].slot]);
		put_amount(t, outrow[xv[i].row], col, xv[i].num, shift);
	}
	if (f == F_THREE)
		three_fold_rows(c, t, rows, nr, outrow, three_final(t));
	free(xv);
	free(outrow);
three_done:
	for (int i = 0; i < nslot; i++)
		free(xname[i]);
	free(xname);
	for (int i = 0; i < nr; i++) {
		rowkeys_free(&keys[i]);
		prow_free(&rows[i]);
	}
	free(keys);
	free(leaf);
	free(rows);
	free(h.text);
}

/* ---- two-sided summaries ------------------------------------------------ */

typedef struct side_row {
	int right;
	char *item;
	prow nums;
} side_row;

static void parse_summary(nctx *c, const tspan *sp, gk_table *t, int fiscal)
{
	int shift = GK_UNIT_NONE;
	int first = sp->end;
	int split_idx = -1;
	double split_x = -1;
	gk_buf ht = {0};
	int hl[64] = {0}, nhl = 0;
	for (int i = sp->begin; i < sp->end; i++) {
		const xline *x = &c->x[i];
		if (x->skip)
			continue;
		if (rule_any(c, "unit", x->compact) || rule_any(c, "dept", x->compact) || strstr(x->compact, "单位：")) {
			head_meta(c, x, &shift);
			continue;
		}
		tok tk[256];
		int n = tokens_of(x->l, tk, 256);
		char *f0 = n ? compact_of(tk[0].text) : gk_strdup("");
		int data = line_has_amount(c, i) || (n && is_ordinal_label(f0) && !rule_any(c, "header", f0));
		free(f0);
		if (data) {
			first = i;
			break;
		}
		gk_buf_adds(&ht, x->compact);
		if (nhl < 64)
			hl[nhl++] = i;
		/* the right side starts at the second "项目" cell */
		int seen = 0;
		for (int j = 0; j < n; j++) {
			char *cp = compact_of(tk[j].text);
			if (!strncmp(cp, "项目", 6) || !strcmp(cp, "支出") || !strncmp(cp, "支出项目", 12)) {
				if ((!strcmp(cp, "支出") && split_x < 0) || seen) {
					split_idx = tk[j].idx;
					split_x = tk[j].x0;
				}
				seen++;
			}
			free(cp);
		}
	}
	add_head_by_column(c, hl, nhl, &ht);
	if (shift == GK_UNIT_NONE)
		shift = c->unit_seen ? c->unit_shift : 0;
	gk_geom geom = body_geom(c, first, sp->end);
	if (geom == GK_GEOM_TAB && split_idx < 0)
		split_idx = 2;
	if (geom == GK_GEOM_POS) {
		/* headers are often centred over wide columns: where the right
		 * side starts is better read off the rows, as the leftmost label
		 * printed after an amount */
		double dx = 1e18;
		for (int i = first; i < sp->end; i++) {
			if (c->x[i].skip || rule_any(c, "table-end", c->x[i].compact))
				continue;
			tok tk[256];
			int n = tokens_of(c->x[i].l, tk, 256);
			int seen_num = 0;
			for (int j = 0; j < n; j++) {
				if (tk[j].isnum)
					seen_num = 1;
				else if (seen_num && tk[j].x0 < dx)
					dx = tk[j].x0;
			}
		}
		if (dx < 1e17)
			split_x = dx;
	}

	/* 决算 summaries number their lines in 行次 columns (positioned
	 * input drops them with the row rebuilding): TAB fields under a 行次
	 * header, or in flow text a small plain integer right after a label */
	int hangci = ht.s && strstr(ht.s, "行次") && geom != GK_GEOM_POS;
	int hidx[8], nhidx = 0;
	for (int i = sp->begin; hangci && geom == GK_GEOM_TAB && i < first; i++) {
		const gk_line *l = c->x[i].l;
		for (int j = 0; j < l->ncell && nhidx < 8; j++) {
			char *cp = compact_of(l->cell[j].text);
			if (!strcmp(cp, "行次"))
				hidx[nhidx++] = (int)l->cell[j].x0;
			free(cp);
		}
	}
	/* at most 8 groups a line (a side_row holds a prow: not small) */
	int srcap = (sp->end - first) * 8 + 8;
	if (srcap > 512)
		srcap = 512;
	side_row *sr = gk_calloc((size_t)srcap, sizeof *sr);
	int ns = 0;
	for (int i = first; i < sp->end && ns < srcap - 2; i++) {
		const xline *x = &c->x[i];
		if (x->skip)
			continue;
		if (rule_any(c, "table-end", x->compact))
			break;
		tok tk[256];
		int n = tokens_of(x->l, tk, 256);
		/* a 行次 number stays a token (in flow text it still ends its
		 * side's label) but carries no amount: num[0] = 0 */
		for (int j = 0; hangci && j < n; j++) {
			if (!tk[j].isnum || !is_digits(tk[j].text, 1, 3))
				continue;
			int drop = 0;
			if (geom == GK_GEOM_TAB)
				for (int q = 0; q < nhidx; q++)
					drop |= tk[j].idx == hidx[q];
			else
				drop = j == 0 || !tk[j - 1].isnum || !tk[j - 1].num[0];
			if (drop)
				tk[j].num[0] = 0;
		}
		if (!n)
			continue;
		/* split the line into (label, numbers) groups */
		int gstart[8], gn = 0;
		int side[8];
		for (int j = 0; j < n && gn < 8; j++) {
			int newgroup = j == 0;
			if (!newgroup && !tk[j].isnum && tk[j - 1].isnum)
				newgroup = 1;
			if (!newgroup && geom == GK_GEOM_FLOW && !tk[j].isnum && !tk[j - 1].isnum &&
			    is_ordinal_label(tk[j].text) && !rule_any(c, "header", tk[j].text))
				newgroup = 1;
			if (!newgroup && geom == GK_GEOM_TAB && tk[j].idx >= split_idx && tk[j - 1].idx < split_idx)
				newgroup = 1;
			if (!newgroup && geom == GK_GEOM_POS && split_x > 0 && tk[j].x0 >= split_x - 4 &&
			    tk[j - 1].x0 < split_x - 4)
				newgroup = 1;
			if (newgroup)
				gstart[gn++] = j;
		}
		for (int g = 0; g < gn; g++) {
			int a = gstart[g], b = g + 1 < gn ? gstart[g + 1] : n;
			if (geom == GK_GEOM_TAB)
				side[g] = tk[a].idx >= split_idx;
			else if (geom == GK_GEOM_POS && split_x > 0)
				side[g] = tk[a].x0 >= split_x - 4;
			else if (gn >= 2)
				side[g] = g > 0;
			else {
				gk_buf lb = {0};
				for (int j = a; j < b; j++)
					if (!tk[j].isnum)
						gk_buf_adds(&lb, tk[j].text);
				char *cp = compact_of(lb.s ? lb.s : "");
				int inc = rule_any(c, "income-item", cp), exp = rule_any(c, "expense-item", cp);
				side[g] = exp || !inc;
				free(cp);
				gk_buf_drop(&lb);
			}
			side_row *s = &sr[ns++];
			s->right = side[g];
			gk_buf lb = {0};
			for (int j = a; j < b; j++) {
				if (tk[j].isnum) {
					if (tk[j].num[0])
						prow_add_num(&s->nums, &tk[j]);
				} else {
					if (lb.len)
						gk_buf_addc(&lb, ' ');
					gk_buf_adds(&lb, tk[j].text);
				}
			}
			char *raw = gk_buf_take(&lb);
			s->item = gk_label_clean(raw);
			free(raw);
			if (!*s->item && !s->nums.nnum) { /* only a 行次: nothing printed */
				free(s->item);
				memset(s, 0, sizeof *s);
				ns--;
				continue;
			}
			if (!*s->item && s->nums.nnum && ns >= 2 && sr[ns - 2].right == s->right && !sr[ns - 2].nums.nnum) {
				/* numbers on the line after their label */
				sr[ns - 2].nums = s->nums;
				free(s->item);
				memset(s, 0, sizeof *s);
				ns--;
			}
			if (ns >= srcap - 2)
				break;
		}
	}
	/* fiscal: the right side's numbers go through the solver; elsewhere a
	 * line's first number is its amount */
	solver_family sf;
	if (fiscal) {
		family_from_header(c, "fiscal", ht.s ? ht.s : "", &sf);
		prow *rows = gk_calloc((size_t)(ns ? ns : 1), sizeof *rows);
		int *leaf = gk_calloc((size_t)(ns ? ns : 1), sizeof(int));
		int nr = 0, map[512];
		for (int i = 0; i < ns; i++)
			if (sr[i].right) {
				map[nr] = i;
				rows[nr] = sr[i].nums;
				snprintf(rows[nr].label, sizeof rows[nr].label, "%s", sr[i].item ? sr[i].item : "");
				nr++;
			}
		if (geom == GK_GEOM_TAB)
			for (int i = 0; i < nr; i++)
				for (int j = 0; j < rows[i].nnum; j++)
					rows[i].slot[j] = rows[i].nidx[j] - split_idx - 1;
		else
			assign_slots(rows, nr, geom);
		gk_solve_rows(&sf, rows, nr, geom, -1, leaf, NULL, c->r, sp->id);
		for (int i = 0; i < nr; i++)
			sr[map[i]].nums = rows[i];
		free(rows);
		free(leaf);
	} else {
		sf = (solver_family){.name = "summary", .nkey = 1, .key = {"amount"}};
	}
	for (int i = 0; i < ns; i++)
		if (!fiscal || !sr[i].right) /* income lines, and every line of the plain summary */
			for (int j = 0; j < sr[i].nums.nnum; j++)
				sr[i].nums.assign[j] = j == 0 ? 0 : -1;
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < ns; i++) {
			if (sr[i].right != pass)
				continue;
			gk_table_add_row(t);
			int ri = t->nrow - 1;
			gk_table_set(t, ri, gk_table_col(t, "side"), pass ? "支出" : "收入");
			gk_table_set(t, ri, gk_table_col(t, "item"), sr[i].item);
			for (int j = 0; j < sr[i].nums.nnum; j++) {
				int a = sr[i].nums.assign[j];
				if (a >= 0 && a < sf.nkey)
					put_amount(t, ri, gk_table_col(t, sf.key[a]), sr[i].nums.num[j], shift);
			}
		}
	for (int i = 0; i < ns; i++)
		free(sr[i].item);
	free(sr);
	gk_buf_drop(&ht);
}

static void parse_dperf(nctx *c, const tspan *sp, gk_table *t);
static void parse_pperf(nctx *c, const tspan *sp, gk_table *t);

static void parse_other(nctx *c, const tspan *sp, gk_table *t);

static void parse_summary_plain(nctx *c, const tspan *sp, gk_table *t)
{
	parse_summary(c, sp, t, 0);
}

static void parse_summary_fiscal(nctx *c, const tspan *sp, gk_table *t)
{
	parse_summary(c, sp, t, 1);
}

/* ---- the document ------------------------------------------------------ */

char *gk_doc_name(const char *path)
{
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

static void doc_meta(nctx *c)
{
	gk_result *r = c->r;
	const char *src = gk_doc_meta(c->doc, "source");
	char year[8] = "";
	int kind_final = 0;
	int kind_seen = 0;
	for (int i = 0; i < c->n && i < 400; i++) {
		const char *s = c->x[i].compact;
		const gk_rule *kr = kind_seen ? NULL : gk_rules_first(c->rules, "doc-kind", s);
		if (kr) {
			kind_final = !strcmp(kr->name, "决算");
			kind_seen = 1;
		}
		if (!c->dept && i < 60) {
			/* the document's own title: "2026年深圳市信访局部门预算" */
			const gk_rule *tr = gk_rules_first(c->rules, "doc-title", s);
			size_t ov[2];
			if (tr && gk_rule_match(tr, s, strlen(s), ov)) {
				const char *p = s;
				if (strlen(p) > 7 && isdigit((unsigned char)p[0]) && !strncmp(p + 4, "年", 3))
					p += 7;
				if (!strncmp(p, "度", 3))
					p += 3;
				size_t n = (size_t)(s + ov[0] - p);
				if (s + ov[0] > p && n >= 6 && n < 90) {
					char *d = gk_strndup(p, n);
					/* what is not the name: "第二部分", a year, "区级" */
					int nr;
					const gk_rule *const *rs = gk_rules_of(c->rules, "doc-title-strip", &nr);
					for (int q = 0; q < nr; q++) {
						size_t o2[2];
						if (gk_rule_match(rs[q], d, strlen(d), o2) && o2[1] > o2[0])
							memmove(d + o2[0], d + o2[1], strlen(d + o2[1]) + 1);
					}
					if (strlen(d) >= 6)
						c->dept = d;
					else
						free(d);
				}
			}
		}
		if (!*year) {
			const char *p = strstr(s, "年");
			while (p) {
				if (p - s >= 4 && isdigit((unsigned char)p[-1]) && isdigit((unsigned char)p[-2]) &&
				    isdigit((unsigned char)p[-3]) && p[-4] == '2') {
					memcpy(year, p - 4, 4);
					year[4] = 0;
					break;
				}
				p = strstr(p + 3, "年");
			}
		}
	}
	if (!*year && src) {
		const char *p = src;
		for (; *p; p++)
			if (p[0] == '2' && p[1] == '0' && isdigit((unsigned char)p[2]) && isdigit((unsigned char)p[3])) {
				memcpy(year, p, 4);
				year[4] = 0;
				break;
			}
	}
	gk_result_set_meta(r, "year", year);
	gk_result_set_meta(r, "kind", kind_final ? "决算" : "预算");
	char *dept = c->dept ? gk_label_clean(c->dept) : gk_strdup("");
	for (const char *pre = "中共"; !strncmp(dept, pre, strlen(pre));) {
		memmove(dept, dept + strlen(pre), strlen(dept + strlen(pre)) + 1); /* the party prefix is no region */
		break;
	}
	gk_result_set_meta(r, "department", dept);
	/* region: the administrative prefix of the department's name */
	const gk_rule *rr = NULL;
	int nrg;
	const gk_rule *const *rg = gk_rules_of(c->rules, "region", &nrg);
	char region[256] = "";
	for (int i = 0; i < nrg && !rr; i++) {
		size_t ov[2];
		if (gk_rule_match(rg[i], dept, strlen(dept), ov) && ov[0] == 0 && ov[1] > 0 && ov[1] < sizeof region) {
			memcpy(region, dept, ov[1]);
			region[ov[1]] = 0;
			rr = rg[i];
		}
	}
	gk_result_set_meta(r, "region", region);
	free(dept);
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

/* A column the layout named wrongly: the total row holds, under one part
 * of an identity, exactly what the other tables give another part whose
 * cell it leaves blank, while they give the first part nothing (a row
 * that lost an empty cell, printed under the header of its neighbour).
 * The figures move, in every row where the other cell is blank, and
 * checks.csv says so. */
static const char *const part_groups[][5] = {
	{"project_operating", "project_specific", NULL},
	{"basic_wages", "basic_family_subsidy", "basic_goods_services", "basic_capital", NULL},
};

/* The figure other tables give (table, key), and which table: NULL if none. */
static const char *cross_target(const nctx *c, const char *table, const char *key, const char **source)
{
	for (int q = 0; q + 3 < c->cross.n; q += 4)
		if (!strcmp(c->cross.v[q], table) && !strcmp(c->cross.v[q + 1], key)) {
			if (source)
				*source = c->cross.v[q + 3];
			return c->cross.v[q + 2];
		}
	return NULL;
}

static void cross_relabel(nctx *c)
{
	for (int ti = 0; ti < c->r->ntable; ti++) {
		gk_table *t = c->r->tables[ti];
		int tot = total_row_of(t);
		if (tot < 0)
			continue;
		for (size_t g = 0; g < sizeof part_groups / sizeof part_groups[0]; g++)
			for (int a = 0; part_groups[g][a]; a++)
				for (int b = 0; part_groups[g][b]; b++) {
					const char *ka = part_groups[g][a], *kb = part_groups[g][b];
					int ca = gk_table_col(t, ka), cb = gk_table_col(t, kb);
					const char *src = "";
					const char *ta = cross_target(c, t->id, ka, NULL), *tb = cross_target(c, t->id, kb, &src);
					if (a == b || ca < 0 || cb < 0 || !ta || !tb)
						continue;
					const char *va = t->rows[tot][ca];
					if (!*va || *t->rows[tot][cb] || !gk_dec_eq(ta, "0", 0) || !gk_dec_eq(va, tb, 1) ||
					    gk_dec_eq(va, "0", 0))
						continue;
					char found[128];
					snprintf(found, sizeof found, "%s=%s", ka, va);
					char want[160];
					snprintf(want, sizeof want, "%s=%s (%s)", kb, tb, src);
					for (int i = 0; i < t->nrow; i++)
						if (*t->rows[i][ca] && !*t->rows[i][cb]) {
							gk_table_set(t, i, cb, t->rows[i][ca]);
							gk_table_set(t, i, ca, "");
						}
					gk_result_add_check(c->r, t->id, "solver:cross-table", "合计", want, found, "ok");
				}
	}
}

/* Parse every table span into c->r. */
static void parse_spans(nctx *c, const tspan *sp, int nsp, const gk_strv *only)
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
			if (prev && prev_id && !strcmp(prev_id, "other") && !strcmp(prev->title, c->x[sp[k].title].compact))
				continue; /* the same title again: a continued page, already read */
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
		else
			with_logical_rows(c, &sp[k], t, parse_numeric);
		prev = t;
		prev_id = id;
	}
}

/* Is key placed differently by the two readings ("k=v k=v ...")? */
static int disputed(const char *a, const char *b, const char *key)
{
	char pat[64];
	snprintf(pat, sizeof pat, "%s=", key);
	size_t pl = strlen(pat);
	int ina = 0, inb = 0;
	for (const char *p = a; (p = strstr(p, pat)); p += pl)
		if (p == a || p[-1] == ' ')
			ina = 1;
	for (const char *p = b; (p = strstr(p, pat)); p += pl)
		if (p == b || p[-1] == ' ')
			inb = 1;
	return ina != inb;
}

/* A second reading when the first left placements open that the other
 * tables of the document settle: each settled row is noted in checks.csv. */
static void reread_with_cross(nctx *c, const tspan *sp, int nsp)
{
	gk_result *r1 = c->r;
	cross_collect(c, r1);
	if (!c->cross.n)
		return;
	/* the tables worth a second reading: others give figures for them,
	 * and a placement was left open or their total row disagrees with
	 * those figures (a tie the total row and its leaves could only leave
	 * together) */
	gk_strv redo = {0};
	for (int q = 0; q + 3 < c->cross.n; q += 4) {
		const char *id = c->cross.v[q];
		int have = 0;
		for (int i = 0; i < redo.n && !have; i++)
			have = !strcmp(redo.v[i], id);
		if (have)
			continue;
		int want = 0;
		for (int i = 0; i < r1->ncheck && !want; i++)
			want = !strcmp(r1->checks[i].status, "ambiguous") && !strcmp(r1->checks[i].table_id, id);
		const gk_table *t = gk_result_find(r1, id);
		int col = t ? gk_table_col(t, c->cross.v[q + 1]) : -1;
		int tot = t && col >= 0 ? total_row_of(t) : -1;
		if (!want && tot >= 0) {
			const char *v = *t->rows[tot][col] ? t->rows[tot][col] : "0";
			want = !gk_dec_eq(v, c->cross.v[q + 2], 1);
		}
		/* (a later target of the same table may still want it) */
		if (want)
			gk_strv_pushs(&redo, id);
	}
	if (!redo.n) {
		gk_strv_drop(&redo);
		return;
	}
	gk_result *r2 = c->r = gk_result_new();
	memset(c->ctx_class, 0, sizeof c->ctx_class);
	memset(c->ctx_item, 0, sizeof c->ctx_item);
	c->hx_kuan = c->hx_xiang = 0;
	parse_spans(c, sp, nsp, &redo);
	/* settled rows: open in the first reading, not in the second */
	for (int i = 0; i < r1->ncheck; i++) {
		const gk_check *k = &r1->checks[i];
		if (strcmp(k->status, "ambiguous") || !gk_result_find(r2, k->table_id))
			continue;
		int still = 0;
		for (int j = 0; j < r2->ncheck && !still; j++)
			still = !strcmp(r2->checks[j].status, "ambiguous") && !strcmp(r2->checks[j].table_id, k->table_id) &&
			        !strcmp(r2->checks[j].row, k->row);
		if (still)
			continue;
		/* the figures for the columns the two readings disputed */
		gk_buf by = {0};
		for (int q = 0; q + 3 < c->cross.n; q += 4)
			if (!strcmp(c->cross.v[q], k->table_id) && disputed(k->expected, k->found, c->cross.v[q + 1]))
				gk_buf_addf(&by, "%s%s=%s (%s)", by.len ? " " : "", c->cross.v[q + 1], c->cross.v[q + 2],
				            c->cross.v[q + 3]);
		gk_result_add_check(r2, k->table_id, "solver:cross-table", k->row, by.s ? by.s : "", "settled", "ok");
		gk_buf_drop(&by);
	}
	/* the tables read again replace their first reading, in place; so do
	 * their parse-time checks */
	for (int j = 0; j < r2->ntable; j++) {
		int nth = 0; /* a table id printed twice: the same occurrence */
		for (int q = 0; q < j; q++)
			nth += !strcmp(r2->tables[q]->id, r2->tables[j]->id);
		for (int i = 0; i < r1->ntable; i++)
			if (!strcmp(r1->tables[i]->id, r2->tables[j]->id) && nth-- == 0) {
				gk_table *t = r1->tables[i];
				r1->tables[i] = r2->tables[j];
				r2->tables[j] = t; /* dropped with r2 */
				break;
			}
	}
	int n = 0;
	for (int i = 0; i < r1->ncheck; i++) {
		gk_check *k = &r1->checks[i];
		if (gk_result_find(r2, k->table_id)) {
			free(k->table_id), free(k->check), free(k->row);
			free(k->expected), free(k->found), free(k->status);
		} else {
			r1->checks[n++] = *k;
		}
	}
	r1->ncheck = n;
	for (int j = 0; j < r2->ncheck; j++) {
		gk_check *k = &r2->checks[j];
		gk_result_add_check(r1, k->table_id, k->check, k->row, k->expected, k->found, k->status);
	}
	gk_result_drop(r2);
	gk_strv_drop(&redo);
	c->r = r1;
	cross_relabel(c);
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
	/* titles */
	const char **cid = gk_calloc((size_t)(c.n ? c.n : 1), sizeof *cid);
	for (int i = 0; i < c.n; i++)
		cid[i] = title_of(&c, &c.x[i]);
	tspan *sp = gk_calloc((size_t)(c.n ? c.n : 1), sizeof *sp);
	int nsp = 0;
	gk_strv listed = {0};
	for (int i = 0; i < c.n; i++) {
		if (!cid[i])
			continue;
		int j = i + 1;
		while (j < c.n && !cid[j])
			j++;
		if (span_has_table(&c, i + 1, j)) {
			sp[nsp++] = (tspan){cid[i], i, i + 1, c.n};
		} else if (strcmp(cid[i], "other")) {
			int dup = 0;
			for (int k = 0; k < listed.n; k++)
				dup |= !strcmp(listed.v[k], cid[i]);
			if (!dup)
				gk_strv_pushs(&listed, cid[i]);
		}
	}
	for (int k = 0; k + 1 < nsp; k++)
		sp[k].end = sp[k + 1].title;
	/* department and unit first, from any table head */
	for (int k = 0; k < nsp; k++)
		for (int i = sp[k].begin; i < sp[k].end && i < sp[k].begin + 8; i++)
			if (!c.dept || !c.unit_seen) {
				int sh;
				head_meta(&c, &c.x[i], &sh);
			}
	parse_spans(&c, sp, nsp, NULL);
	reread_with_cross(&c, sp, nsp);
	doc_meta(&c);
	char num[16];
	int found = 0;
	for (int i = 0; i < c.r->ntable; i++)
		found++;
	snprintf(num, sizeof num, "%d", found);
	gk_result_set_meta(c.r, "tables_found", num);
	snprintf(num, sizeof num, "%d", listed.n);
	gk_result_set_meta(c.r, "tables_listed", num);
	for (int i = 0; i < listed.n; i++)
		gk_result_add_check(c.r, listed.v[i], "toc:listed-table-found", "", "listed",
		                    gk_result_find(c.r, listed.v[i]) ? "found" : "missing",
		                    gk_result_find(c.r, listed.v[i]) ? "ok" : "fail");
	gk_read_findings(c.r, doc, rules); /* ocrfix.c: damage and OCR; OCR'd tables by their arithmetic */
	gk_checks_run(c.r, doc);
	gk_strv_drop(&listed);
	for (int i = 0; i < c.n; i++)
		free(c.x[i].compact);
	free(c.x);
	free(cid);
	free(sp);
	free(c.dept);
	gk_strv_drop(&c.cross);
	gk_doc_drop(work);
	return c.r;
}

/* ---- performance-target tables ------------------------------------------ */

/* Column positions of the indicator header: TAB field index or x centre
 * of each header cell whose words name a column. */
typedef struct pcol {
	int n;
	double pos[16];
	const char *key[16];
	double x0[16]; /* left edge of the header cell */
} pcol;

static double cell_pos(const gk_line *l, const gk_cell *cl)
{
	return l->geom == GK_GEOM_TAB ? cl->x0 : (cl->x0 + cl->x1) / 2;
}

/* nearest header column of a cell */
static int pcol_of(const pcol *pc, double pos)
{
	int best = -1;
	double bd = 1e18;
	for (int i = 0; i < pc->n; i++) {
		double d = pos - pc->pos[i];
		if (d < 0)
			d = -d;
		if (d < bd)
			bd = d, best = i;
	}
	return best;
}

/* The header column of a cell: in a positioned table, the one whose header
 * cell starts where it starts (text is left-aligned under a left-aligned
 * head); else the nearest. */
static int pcol_at(const pcol *pc, const gk_line *l, const gk_cell *cl)
{
	if (l->geom == GK_GEOM_POS)
		for (int i = 0; i < pc->n; i++)
			if (cl->x0 - pc->x0[i] < 1 && pc->x0[i] - cl->x0 < 1)
				return i;
	return pcol_of(pc, cell_pos(l, cl));
}

/* The line of a performance table's header that holds 三级指标 and
 * `also`; -1 if there is none, or if it is flow text (no positions to
 * place the cells by: such a table is written with its header only). */
static int indicator_header(const nctx *c, const tspan *sp, const char *also)
{
	for (int i = sp->begin; i < sp->end; i++)
		if (strstr(c->x[i].compact, "三级指标") && strstr(c->x[i].compact, also))
			return i;
	return -1;
}

/* Does a flow-text token read as a 指标值: a bound, rate or count, or a
 * short word (相关, 完成, 明显)? */
static int flow_target(const nctx *c, const char *tok)
{
	char *cp = compact_of(tok);
	size_t n = strlen(cp);
	int r = rule_any(c, "target-value", cp) ||
	        (n >= 3 && n <= 12 && gk_has_cjk(cp) && !strpbrk(cp, ".,;:") && !strstr(cp, "，") && !strstr(cp, "。"));
	free(cp);
	return r;
}

static int punctuated(const char *t)
{
	return strstr(t, "，") || strstr(t, "。") || strstr(t, "；") || strstr(t, "、") || strchr(t, ';');
}

/* An indicator line of a flow-text performance table: [一级指标] [二级指标]
 * 三级指标 指标值 [说明...], words without sentence punctuation before the
 * value.  Returns the value's token index (a count and its unit, "≥40 个",
 * are one value: *unit says so), or -1. */
static int flow_indicator_line(const nctx *c, const gk_line *l, int *unit)
{
	*unit = 0;
	for (int k = 1; k < l->ncell && k < 5; k++) {
		if (punctuated(l->cell[k - 1].text) || strlen(l->cell[k - 1].text) < 6)
			return -1;
		if (!flow_target(c, l->cell[k].text))
			continue;
		int u = k + 1 < l->ncell && strlen(l->cell[k + 1].text) <= 6 && gk_has_cjk(l->cell[k + 1].text) &&
		        isdigit((unsigned char)l->cell[k].text[strlen(l->cell[k].text) - 1]);
		int after = k + 1 + u;
		/* the value ends the line, or a note follows */
		if (after >= l->ncell || punctuated(l->cell[after].text) || strlen(l->cell[after].text) > 36) {
			*unit = u;
			return k;
		}
	}
	return -1;
}

/* The department performance table in flow text (spaces only, empty cells
 * dropped): 一级指标 words on lines of their own, a 二级指标 alone or
 * before the indicator, "三级指标 指标值" lines, and the note's wrapped
 * lines after its indicator. */
static void parse_dperf_flow(nctx *c, const tspan *sp, gk_table *t, int hl)
{
	int cl1 = gk_table_col(t, "level1"), cl2 = gk_table_col(t, "level2"), ci = gk_table_col(t, "indicator"),
	    ct = gk_table_col(t, "target"), cn = gk_table_col(t, "note");
	char *l1 = NULL, *l2 = NULL;
	gk_buf note = {0};
	int row = -1;
	for (int i = hl + 1; i <= sp->end; i++) {
		const xline *x = i < sp->end ? &c->x[i] : NULL;
		if (x && (x->skip || !x->l->ncell))
			continue;
		int end = !x || rule_any(c, "table-end", x->compact);
		int level1 = !end && rule_any(c, "perf-level1", x->compact);
		int unit = 0, at = end || level1 ? -1 : flow_indicator_line(c, x->l, &unit), ind = at >= 0;
		int level2 = 0;
		if (!end && !level1 && !ind && x->l->ncell == 1 && strlen(x->compact) <= 24 && gk_has_cjk(x->compact) &&
		    !strpbrk(x->compact, ".,;:%") && !strstr(x->compact, "，") && !strstr(x->compact, "。") &&
		    !strstr(x->compact, "；")) {
			/* a short line before an indicator (or a 一级指标) heads it */
			for (int k = i + 1; k < sp->end; k++) {
				if (c->x[k].skip || !c->x[k].l->ncell)
					continue;
				int u2;
				level2 = rule_any(c, "perf-level1", c->x[k].compact) || flow_indicator_line(c, c->x[k].l, &u2) >= 0;
				break;
			}
		}
		if ((end || level1 || ind || level2) && row >= 0 && note.len) {
			char *cl = gk_label_clean(note.s);
			gk_table_set(t, row, cn, cl);
			free(cl);
			gk_buf_reset(&note);
		}
		if (end)
			break;
		if (level1) {
			free(l1), free(l2);
			l1 = gk_strdup(x->compact), l2 = NULL;
			row = -1;
		} else if (level2) {
			free(l2);
			l2 = gk_strdup(x->compact);
			row = -1;
		} else if (ind) {
			const gk_line *l = x->l;
			int w = 0; /* the words before the value: [一级] [二级] 三级 */
			char *lead = compact_of(l->cell[0].text);
			if (at >= 2 && rule_any(c, "perf-level1", lead)) {
				free(l1), free(l2);
				l1 = lead, l2 = NULL, w = 1;
			} else {
				free(lead);
			}
			if (at - w >= 2) {
				free(l2);
				l2 = compact_of(l->cell[w].text);
				w++;
			}
			gk_buf in = {0}, tg = {0};
			for (int k = w; k < at; k++)
				gk_buf_adds(&in, l->cell[k].text);
			for (int k = at; k <= at + unit; k++)
				gk_buf_adds(&tg, l->cell[k].text);
			gk_table_add_row(t);
			row = t->nrow - 1;
			char *a1 = compact_of(in.s), *a2 = compact_of(tg.s);
			gk_table_set(t, row, ci, a1);
			gk_table_set(t, row, ct, a2);
			free(a1), free(a2);
			gk_buf_drop(&in), gk_buf_drop(&tg);
			if (l1)
				gk_table_set(t, row, cl1, l1);
			if (l2)
				gk_table_set(t, row, cl2, l2);
			for (int k = at + unit + 1; k < l->ncell; k++)
				gk_buf_adds(&note, l->cell[k].text);
		} else if (row >= 0) {
			gk_buf_adds(&note, x->compact);
		}
	}
	gk_buf_drop(&note);
	free(l1), free(l2);
}

static void parse_dperf(nctx *c, const tspan *sp, gk_table *t)
{
	/* the indicator header line */
	int hl = indicator_header(c, sp, "一级指标");
	if (hl < 0)
		return;
	if (c->x[hl].l->geom == GK_GEOM_FLOW) {
		parse_dperf_flow(c, sp, t, hl);
		return;
	}
	const gk_line *h = c->x[hl].l;
	pcol pc = {0};
	static const struct { const char *word, *key; } hw[] = {
		{"一级指标", "level1"}, {"二级指标", "level2"}, {"三级指标", "indicator"},
		{"指标值说明", "note"}, {"备注", "note"}, {"说明", "note"}, {"指标值", "target"}, {"目标值", "target"}};
	for (int j = 0; j < h->ncell && pc.n < 16; j++) {
		char *cp = compact_of(h->cell[j].text);
		for (size_t w = 0; w < sizeof hw / sizeof hw[0]; w++)
			if (strstr(cp, hw[w].word)) {
				pc.pos[pc.n] = cell_pos(h, &h->cell[j]);
				pc.x0[pc.n] = h->cell[j].x0;
				pc.key[pc.n++] = hw[w].key;
				break;
			}
		free(cp);
	}
	if (pc.n < 3)
		return;
	if (h->geom == GK_GEOM_POS && sp->title >= 0) {
		/* A fixed-height export centres a long cell's lines on its row,
		 * into the rows above and below: rebuild the rows, anchored on
		 * the short target cells that sit on their row's centre. */
		lr_anchor an = {hl + 1, 0, {0}, 0};
		for (int j = 0; j < h->ncell && an.ncol < 32; j++) {
			if (an.ncol && h->cell[j].x0 < an.colx[an.ncol - 1] + 1)
				continue; /* a stray line of the first row's note */
			for (int k = 0; k < pc.n; k++)
				if (pc.x0[k] == h->cell[j].x0 && !strcmp(pc.key[k], "target"))
					an.mask |= 1u << an.ncol;
			an.colx[an.ncol++] = h->cell[j].x0;
		}
		if (an.mask) {
			with_rows(c, sp, t, parse_dperf, &an);
			return;
		}
	}
	int c1 = gk_table_col(t, "level1"), c2 = gk_table_col(t, "level2");
	int first = t->nrow;
	/* Positioned tables print a long note over several lines centred on
	 * its row, and a merged 一级/二级指标 cell once in the middle of its
	 * group: such floating pieces go to the nearest row (by its line). */
	int pos = h->geom == GK_GEOM_POS;
	typedef struct piece { int page; double y; int key; char *text; int own; } piece;
	piece *fl = NULL;
	int nfl = 0;
	double *ry = NULL; /* row -> y of its line */
	int *rpage = NULL;
	for (int i = hl + 1; i < sp->end; i++) {
		const xline *x = &c->x[i];
		if (x->skip || !x->l->ncell)
			continue;
		if (rule_any(c, "table-end", x->compact))
			break;
		if (strstr(x->compact, "三级指标") && strstr(x->compact, "指标值"))
			continue; /* the header again, on the next page */
		const char *vals[16] = {0};
		int any = 0;
		for (int j = 0; j < x->l->ncell; j++) {
			const char *s = x->l->cell[j].text;
			while (*s == ' ')
				s++;
			if (!*s)
				continue;
			int k = pcol_at(&pc, x->l, &x->l->cell[j]);
			if (k >= 0 && !vals[k]) {
				vals[k] = s;
				any = 1;
			}
		}
		if (!any)
			continue;
		int ind = -1, tgt = -1;
		for (int k = 0; k < pc.n; k++) {
			if (!strcmp(pc.key[k], "indicator"))
				ind = k;
			if (!strcmp(pc.key[k], "target"))
				tgt = k;
		}
		/* a row printed shifted left (its empty leading cells dropped):
		 * no target, and a target value under an earlier column, right
		 * after the text that is its indicator.  Its cells move right so
		 * that the value stands under 指标值. */
		if (ind >= 0 && tgt == ind + 1 && !vals[tgt]) {
			int v = -1;
			for (int k = tgt - 1; k > 0 && v < 0; k--)
				if (vals[k] && vals[k - 1]) {
					char *cp = compact_of(vals[k]);
					if (rule_any(c, "target-value", cp))
						v = k;
					free(cp);
				}
			int shift = v >= 0 ? tgt - v : 0;
			for (int k = 0; k < pc.n && shift; k++)
				if (vals[k] && k + shift >= pc.n)
					shift = 0;
			for (int k = pc.n - 1; k >= 0 && shift; k--)
				vals[k] = k >= shift ? vals[k - shift] : NULL;
		}
		/* a line with only the indicator or note column continues the row
		 * above (rows rebuilt around their targets have their wrapped
		 * lines joined already: such a line is a row without a target) */
		int only_text = (ind >= 0 && vals[ind] && (tgt < 0 || !vals[tgt])) && sp->title >= 0;
		for (int k = 0; k < pc.n; k++)
			if (vals[k] && k != ind && strcmp(pc.key[k], "note"))
				only_text = 0;
		if (only_text && t->nrow > first) {
			int ci = gk_table_col(t, "indicator");
			char *joined = gk_strfmt("%s%s", t->rows[t->nrow - 1][ci], vals[ind]);
			char *cl = gk_label_clean(joined);
			gk_table_set(t, t->nrow - 1, ci, cl);
			free(cl);
			free(joined);
			continue;
		}
		if (ind < 0 || !vals[ind]) {
			if (pos) /* note or merged-level pieces: placed once all rows are known */
				for (int k = 0; k < pc.n; k++)
					if (vals[k] && strcmp(pc.key[k], "target")) {
						fl = gk_realloc(fl, sizeof *fl * (size_t)(nfl + 1));
						fl[nfl++] = (piece){x->l->page, (x->l->y0 + x->l->y1) / 2, gk_table_col(t, pc.key[k]),
						                    gk_strdup(vals[k]), 0};
					}
			continue;
		}
		gk_table_add_row(t);
		ry = gk_realloc(ry, sizeof *ry * (size_t)(t->nrow - first));
		rpage = gk_realloc(rpage, sizeof *rpage * (size_t)(t->nrow - first));
		ry[t->nrow - 1 - first] = (x->l->y0 + x->l->y1) / 2;
		rpage[t->nrow - 1 - first] = x->l->page;
		for (int k = 0; k < pc.n; k++)
			if (vals[k]) {
				char *cl = gk_label_clean(vals[k]);
				gk_table_set(t, t->nrow - 1, gk_table_col(t, pc.key[k]), cl);
				free(cl);
				if (pos && !strcmp(pc.key[k], "note")) { /* its own note piece, at its line */
					fl = gk_realloc(fl, sizeof *fl * (size_t)(nfl + 1));
					fl[nfl++] = (piece){x->l->page, ry[t->nrow - 1 - first], gk_table_col(t, "note"),
					                    gk_strdup(vals[k]), 1};
				}
			}
	}
	if (pos && t->nrow > first) {
		int cn = gk_table_col(t, "note");
		int *owner = gk_malloc(sizeof(int) * (size_t)(nfl ? nfl : 1));
		for (int q = 0; q < nfl; q++) {
			owner[q] = -1;
			double bd = 1e18;
			for (int r = first; r < t->nrow; r++) {
				if (rpage[r - first] != fl[q].page)
					continue;
				double d = fl[q].y - ry[r - first];
				if (d < 0)
					d = -d;
				if (d < bd)
					bd = d, owner[q] = r;
			}
		}
		/* notes: the pieces of each row in line order; on rows rebuilt
		 * around their targets a row's own note is whole, and what is
		 * left over near it belongs to another row's longer note */
		for (int r = first; r < t->nrow; r++) {
			gk_buf b = {0};
			int have = 0, own = 0;
			for (int q = 0; q < nfl; q++)
				own |= owner[q] == r && fl[q].own && sp->title < 0;
			for (int q = 0; q < nfl; q++) /* pieces were collected in line order */
				if (owner[q] == r && fl[q].key == cn && (fl[q].own || !own)) {
					gk_buf_adds(&b, fl[q].text);
					have = 1;
				}
			if (have) {
				char *cl = gk_label_clean(b.s);
				gk_table_set(t, r, cn, cl);
				free(cl);
			}
			gk_buf_drop(&b);
		}
		for (int q = 0; q < nfl; q++)
			if (owner[q] >= 0 && fl[q].key != cn && !*t->rows[owner[q]][fl[q].key]) {
				char *cl = gk_label_clean(fl[q].text);
				gk_table_set(t, owner[q], fl[q].key, cl);
				free(cl);
			}
		free(owner);
	}
	for (int q = 0; q < nfl; q++)
		free(fl[q].text);
	free(fl);
	free(ry);
	free(rpage);
	/* merged cells: fill down; leading blanks take the first value below */
	for (int col = 0; col < 2; col++) {
		int ci = col ? c2 : c1;
		const char *last = NULL;
		for (int r = first; r < t->nrow; r++) {
			if (*t->rows[r][ci])
				last = t->rows[r][ci];
			else if (last)
				gk_table_set(t, r, ci, last), last = t->rows[r][ci];
		}
		for (int r = t->nrow - 1, nx = -1; r >= first; r--) {
			if (*t->rows[r][ci])
				nx = r;
			else if (nx >= 0)
				gk_table_set(t, r, ci, t->rows[nx][ci]);
		}
	}
}


/* A project code: a long run of digits (unit codes are 3 to 9). */
static int pperf_code(const char *s)
{
	return is_digits(s, 10, 30);
}

/* The project performance table in flow text: a project line (its long
 * code, its name, its amounts, the name and amounts perhaps on the lines
 * after), then its indicators and their values as one stream of words, the
 * four categories' columns flattened row by row.  A value (a bound, rate
 * or count, or a word of two to four characters) closes the indicator the
 * words before it make; a lone character after a value ends the value
 * (≥7500平方 / 米).  The category is read from the indicator's words
 * (perf-category rules), flow text having lost its column. */
static void parse_pperf_flow(nctx *c, const tspan *sp, gk_table *t, int hl)
{
	int cc = gk_table_col(t, "project_code"), cn = gk_table_col(t, "project_name"), ct = gk_table_col(t, "total"),
	    cg = gk_table_col(t, "government"), cs = gk_table_col(t, "special_account"),
	    cu = gk_table_col(t, "unit_funds"), ck = gk_table_col(t, "category"), ci = gk_table_col(t, "indicator"),
	    cv = gk_table_col(t, "target");
	int nrule;
	const gk_rule *const *cat = gk_rules_of(c->rules, "perf-category", &nrule);
	char code[64] = "", *name = NULL, amt[4][48] = {"", "", "", ""};
	int in_head = 0; /* reading a project's name lines, up to its amounts */
	int skip_unit = 0;
	gk_buf ind = {0}, name_b = {0};
	int last = -1; /* the row of the last value, for a lone character after it */
	for (int i = hl + 1; i < sp->end; i++) {
		const xline *x = &c->x[i];
		if (x->skip || !x->l->ncell)
			continue;
		if (rule_any(c, "table-end", x->compact))
			break;
		const gk_line *l = x->l;
		char *first = compact_of(l->cell[0].text);
		int is_code = is_digits(first, 3, 30);
		if (is_code) {
			gk_buf_reset(&ind);
			last = -1;
			in_head = 1;
			skip_unit = !pperf_code(first);
			if (!skip_unit) {
				snprintf(code, sizeof code, "%s", first);
				gk_buf_reset(&name_b);
				for (int q = 0; q < 4; q++)
					amt[q][0] = 0;
			}
		}
		free(first);
		int j0 = is_code ? 1 : 0;
		if (in_head) {
			/* name words, then amounts */
			int na = 0;
			for (int j = j0; j < l->ncell; j++) {
				char buf[48], *fw = gk_fold_width(l->cell[j].text);
				int am = gk_amount_parse(fw, buf, sizeof buf) && strchr(fw, '.');
				free(fw);
				if (am) {
					if (!skip_unit && na < 4)
						snprintf(amt[na], sizeof amt[0], "%s", buf);
					na++;
				} else if (!skip_unit && !na) {
					gk_buf_adds(&name_b, l->cell[j].text);
				}
			}
			if (na) {
				in_head = 0;
				if (!skip_unit) {
					free(name);
					name = compact_of(name_b.s ? name_b.s : "");
				}
			}
			continue;
		}
		if (skip_unit || !*code)
			continue;
		for (int j = 0; j < l->ncell; j++) {
			char *w = compact_of(l->cell[j].text);
			int wl = (int)strlen(w);
			if (!*w) {
				free(w);
				continue;
			}
			if (!ind.len && last >= 0 && wl <= 3 && gk_has_cjk(w)) {
				/* a lone character after a value: its end */
				char *v = gk_strfmt("%s%s", t->rows[last][cv], w);
				gk_table_set(t, last, cv, v);
				free(v);
				free(w);
				continue;
			}
			int value = ind.len && (rule_any(c, "target-value", w) ||
			                        (wl >= 6 && wl <= 12 && gk_has_cjk(w) && !punctuated(w)));
			if (!value) {
				gk_buf_adds(&ind, w);
				last = -1;
				free(w);
				continue;
			}
			gk_table_add_row(t);
			int r = t->nrow - 1;
			gk_table_set(t, r, cc, code);
			gk_table_set(t, r, cn, name ? name : "");
			const int mc[4] = {ct, cg, cs, cu};
			for (int q = 0; q < 4; q++)
				if (amt[q][0])
					gk_table_set(t, r, mc[q], amt[q]);
			const char *k = "产出指标";
			for (int q = 0; q < nrule; q++)
				if (gk_rule_match(cat[q], ind.s, ind.len, NULL)) {
					k = cat[q]->name;
					break;
				}
			gk_table_set(t, r, ck, k);
			gk_table_set(t, r, ci, ind.s);
			gk_table_set(t, r, cv, w);
			gk_buf_reset(&ind);
			last = r;
			free(w);
		}
	}
	free(name);
	gk_buf_drop(&ind);
	gk_buf_drop(&name_b);
}

static void parse_pperf(nctx *c, const tspan *sp, gk_table *t)
{
	int hl = indicator_header(c, sp, "指标值");
	if (hl < 0)
		return;
	if (c->x[hl].l->geom == GK_GEOM_FLOW) {
		parse_pperf_flow(c, sp, t, hl);
		return;
	}
	const gk_line *h = c->x[hl].l;
	int tab = h->geom == GK_GEOM_TAB;
	/* the leaf header: money columns, then (三级指标, 指标值) pairs; a
	 * cell's virtual column is the leaf it starts under */
	double lx[64];
	int nlx = 0, first_pair = -1, npair = 0, money[4], nm = 0;
	for (int j = 0; j < h->ncell && nlx < 64; j++) {
		char *cp = compact_of(h->cell[j].text);
		if (*cp) {
			if (!strcmp(cp, "三级指标")) {
				if (first_pair < 0)
					first_pair = nlx;
				npair++;
			} else if ((strstr(cp, "资金") || strstr(cp, "总额")) && nm < 4 && first_pair < 0) {
				money[nm++] = nlx;
			}
			lx[nlx++] = h->cell[j].x0;
		}
		free(cp);
	}
	if (first_pair < 0)
		return;
	if (h->geom == GK_GEOM_POS && sp->title >= 0) {
		/* Rebuild the rows of a fixed-height export (long cells centred
		 * on their row, over the rows above and below), anchored on the
		 * amounts and the target values.  Columns: the head's cells
		 * left of the leaves (code, name), then the leaves.  Pairs are
		 * (indicator, value) from the leftmost leaf that holds text (a
		 * table may print them a leaf right of their header words). */
		lr_anchor an = {hl + 1, 0, {0}, 0};
		for (int i = sp->begin; i < hl; i++)
			for (int j = 0; j < c->x[i].l->ncell; j++) {
				double x = c->x[i].l->cell[j].x0;
				int dup = 0;
				for (int k = 0; k < an.ncol; k++)
					dup |= x - an.colx[k] < 2 && an.colx[k] - x < 2;
				if (!dup && x < lx[0] - 2 && an.ncol < 16)
					an.colx[an.ncol++] = x;
			}
		qsort(an.colx, (size_t)an.ncol, sizeof an.colx[0], cmp_double);
		int lead = an.ncol, minrel = -1, ok = nlx + lead <= 32;
		for (int k = 0; k < nlx && ok; k++) {
			ok = !k || lx[k] > lx[k - 1];
			an.colx[lead + k] = lx[k];
		}
		an.ncol = lead + nlx;
		for (int i = hl + 1; i < sp->end && ok; i++)
			for (int j = 0; j < c->x[i].l->ncell && !c->x[i].skip; j++) {
				int vi = anchor_col(&an, c->x[i].l->cell[j].x0) - lead;
				if (vi >= first_pair && (minrel < 0 || vi - first_pair < minrel))
					minrel = vi - first_pair;
			}
		if (ok && minrel >= 0) {
			for (int m = 0; m < nm; m++)
				an.mask |= 1u << (lead + money[m]);
			for (int k = first_pair; k < nlx; k++)
				if ((k - first_pair - minrel) & 1)
					an.mask |= 1u << (lead + k);
			with_rows(c, sp, t, parse_pperf, &an);
			return;
		}
	}
	if (npair > 8)
		npair = 8;
	static const char *cats[] = {"成本指标", "产出指标", "效益指标", "满意度指标"};
	const char *pcat[8] = {0};
	{
		int ci = 0;
		const char *allc = c->x[hl > 0 ? hl - 1 : hl].compact;
		for (int k = 0; k < 4 && ci < npair; k++)
			if (strstr(allc, cats[k]))
				pcat[ci++] = cats[k];
		for (; ci < npair; ci++)
			pcat[ci] = cats[ci < 4 ? ci : 3];
	}
	static const char *mkeys[] = {"total", "government", "special_account", "unit_funds"};
	char code[64] = "", *name = NULL, mon[4][48];
	memset(mon, 0, sizeof mon);
	int have_proj = 0, proj_first = t->nrow, last_row = -1;
	int cind = gk_table_col(t, "indicator"), ctgt = gk_table_col(t, "target");
	for (int i = hl + 1; i < sp->end; i++) {
		const xline *x = &c->x[i];
		if (x->skip || !x->l->ncell)
			continue;
		if (rule_any(c, "table-end", x->compact))
			break;
		if (strstr(x->compact, "三级指标") && strstr(x->compact, "指标值"))
			continue; /* the header again, on the next page */
		const gk_line *l = x->l;
		int rel[64];
		const char *txt[64];
		int ni = 0;
		int name_changed = 0;
		for (int j = 0; j < l->ncell; j++) {
			const char *s0 = l->cell[j].text;
			if (!*s0 || strspn(s0, " ") == strlen(s0))
				continue;
			/* the leaf this cell starts under (-1: left of them all) */
			int vi = -1;
			if (tab) {
				for (int k = 0; k < nlx; k++)
					if (lx[k] <= l->cell[j].x0 + 0.01)
						vi = k;
			} else {
				for (int k = 0; k < nlx; k++)
					if (lx[k] <= l->cell[j].x0 + 2)
						vi = k;
			}
			if (vi < first_pair && (nm == 0 || vi < money[0])) {
				/* code, name, or a unit line */
				char *cp = compact_of(s0);
				if (is_digits(cp, 10, 40)) {
					have_proj = 1;
					snprintf(code, sizeof code, "%s", cp);
					free(name);
					name = NULL;
					memset(mon, 0, sizeof mon);
					proj_first = t->nrow;
					last_row = -1;
				} else if (is_digits(cp, 1, 9)) {
					have_proj = 0; /* a unit line */
				} else if (have_proj) {
					char *cl = gk_label_clean(s0);
					char *nn = name ? gk_strfmt("%s%s", name, cl) : gk_strdup(cl);
					free(name);
					free(cl);
					name = nn;
					name_changed = 1;
				}
				free(cp);
				continue;
			}
			if (vi < first_pair) {
				char buf[48], *fw = gk_fold_width(s0);
				if (gk_amount_parse(fw, buf, sizeof buf))
					for (int m = 0; m < nm; m++)
						if (money[m] == vi)
							snprintf(mon[m], sizeof mon[0], "%s", buf);
				free(fw);
				continue;
			}
			if (ni < 64) {
				rel[ni] = vi - first_pair;
				txt[ni++] = s0;
			}
		}
		if (!have_proj)
			continue;
		if (name_changed) /* a name wrapped below its first line */
			for (int r = proj_first; r < t->nrow; r++)
				gk_table_set(t, r, gk_table_col(t, "project_name"), name);
		/* consecutive cells pair up; a dropped cell shifts the rest left,
		 * so a pair starting under a value column belongs to the next */
		for (int q = 0; q < ni;) {
			int k = (rel[q] + 1) / 2;
			if (k >= npair)
				k = npair - 1;
			int has_val = q + 1 < ni && rel[q + 1] <= 2 * k + 2;
			if (!has_val && last_row >= 0 && ni == 1) {
				/* a lone cell: the wrapped rest of the indicator or value above */
				int col = rel[q] % 2 == 0 || rel[q] == 2 * k - 1 ? cind : ctgt;
				char *joined = gk_strfmt("%s%s", t->rows[last_row][col], txt[q]);
				char *cl = gk_label_clean(joined);
				gk_table_set(t, last_row, col, cl);
				free(cl);
				free(joined);
				q++;
				continue;
			}
			gk_table_add_row(t);
			int r = t->nrow - 1;
			last_row = r;
			gk_table_set(t, r, gk_table_col(t, "project_code"), code);
			gk_table_set(t, r, gk_table_col(t, "project_name"), name ? name : "");
			for (int m = 0; m < nm && m < 4; m++)
				gk_table_set(t, r, gk_table_col(t, mkeys[m]), mon[m]);
			gk_table_set(t, r, gk_table_col(t, "category"), pcat[k]);
			char *a1 = gk_label_clean(txt[q]);
			gk_table_set(t, r, cind, a1);
			free(a1);
			if (has_val) {
				char *b1 = gk_label_clean(txt[q + 1]);
				gk_table_set(t, r, ctgt, b1);
				free(b1);
				q += 2;
			} else {
				q++;
			}
		}
	}
	free(name);
}

/* ---- tables of no contract type ------------------------------------------ */

/* A table that matches no type is kept (TABLES.md "Nothing is lost"):
 * columns from the cells' positions (TAB field index, or x-overlap
 * clusters of a positioned table), named by the header words above them;
 * flow text, which has no columns, is kept a line a row. */
static void parse_other(nctx *c, const tspan *sp, gk_table *t)
{
	int body = sp->end, stop = sp->end;
	for (int i = sp->begin; i < sp->end; i++)
		if (!c->x[i].skip && line_has_amount(c, i)) {
			body = i;
			break;
		}
	if (body == sp->end) /* no numbers: the header is the first line */
		for (int i = sp->begin; i < sp->end; i++)
			if (!c->x[i].skip && is_header_line(c, &c->x[i])) {
				body = i + 1;
				break;
			}
	for (int i = body; i < sp->end; i++)
		if (rule_any(c, "table-end", c->x[i].compact) || title_of(c, &c->x[i])) {
			stop = i;
			break;
		}
	gk_geom geom = body_geom(c, body, stop);
	/* columns: [a, b) ranges */
	double ca[64], cb[64];
	int nc = 0;
	if (geom == GK_GEOM_FLOW) {
		nc = 1;
		ca[0] = -1e18, cb[0] = 1e18;
	} else {
		for (int i = body; i < stop; i++) {
			if (c->x[i].skip)
				continue;
			const gk_line *l = c->x[i].l;
			for (int j = 0; j < l->ncell; j++) {
				double a = l->cell[j].x0, b = geom == GK_GEOM_TAB ? a + 0.5 : l->cell[j].x1;
				if (!*l->cell[j].text)
					continue;
				int hit = -1;
				for (int k = 0; k < nc; k++)
					if (a < cb[k] && b > ca[k]) {
						if (hit < 0) {
							hit = k;
							if (a < ca[k])
								ca[k] = a;
							if (b > cb[k])
								cb[k] = b;
						} else { /* the cell bridges two columns: merge them */
							if (ca[k] < ca[hit])
								ca[hit] = ca[k];
							if (cb[k] > cb[hit])
								cb[hit] = cb[k];
							ca[k] = ca[--nc], cb[k] = cb[nc];
							k--;
						}
					}
				if (hit < 0 && nc < 64)
					ca[nc] = a, cb[nc++] = b;
			}
		}
		for (int i = 1; i < nc; i++) /* left to right */
			for (int j = i; j > 0 && ca[j] < ca[j - 1]; j--) {
				double ta = ca[j], tb = cb[j];
				ca[j] = ca[j - 1], cb[j] = cb[j - 1];
				ca[j - 1] = ta, cb[j - 1] = tb;
			}
	}
	if (!nc)
		return;
	/* names: the header words above each column */
	for (int k = 0; k < nc; k++) {
		gk_buf hw = {0};
		for (int i = sp->begin; i < body && geom != GK_GEOM_FLOW; i++) {
			const gk_line *l = c->x[i].l;
			if (c->x[i].skip || l->geom != geom || rule_any(c, "unit", c->x[i].compact) ||
			    rule_any(c, "dept", c->x[i].compact))
				continue;
			for (int j = 0; j < l->ncell; j++) {
				double a = l->cell[j].x0, b = geom == GK_GEOM_TAB ? a + 0.5 : l->cell[j].x1;
				if (a < cb[k] && b > ca[k])
					gk_buf_adds(&hw, l->cell[j].text);
			}
		}
		char *name = compact_of(hw.s ? hw.s : "");
		gk_buf_drop(&hw);
		char *key = *name ? gk_strdup(name) : gk_strfmt(geom == GK_GEOM_FLOW ? "text" : "col%d", k + 1);
		if (gk_table_col(t, key) >= 0) {
			char *k2 = gk_strfmt("%s_%d", key, k + 1);
			free(key);
			key = k2;
		}
		gk_table_add_col(t, key);
		free(key);
		free(name);
	}
	int shift = c->unit_seen ? c->unit_shift : 0;
	for (int i = body; i < stop; i++) {
		if (c->x[i].skip)
			continue;
		const gk_line *l = c->x[i].l;
		if (!l->ncell)
			continue;
		gk_table_add_row(t);
		int r = t->nrow - 1;
		for (int j = 0; j < l->ncell; j++) {
			double a = l->cell[j].x0, b = geom == GK_GEOM_TAB ? a + 0.5 : l->cell[j].x1;
			int k = 0;
			if (geom != GK_GEOM_FLOW)
				for (k = 0; k < nc && !(a < cb[k] && b > ca[k]); k++)
					;
			if (k >= nc)
				continue;
			char buf[48], *fw = gk_fold_width(l->cell[j].text);
			int isnum = gk_amount_parse(fw, buf, sizeof buf) && strchr(fw, '.');
			free(fw);
			if (isnum) {
				put_amount(t, r, k, buf, shift);
				continue;
			}
			char *cl = gk_label_clean(l->cell[j].text);
			const char *old = t->rows[r][k];
			char *joined = *old ? gk_strfmt("%s %s", old, cl) : gk_strdup(cl);
			char *j2 = gk_label_clean(joined);
			gk_table_set(t, r, k, j2);
			free(j2);
			free(joined);
			free(cl);
		}
	}
}
