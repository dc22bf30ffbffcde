/*
 * checks.c - consistency checks of a normalised document, written to
 * checks.csv (../shared/spec/TABLES.md "Checks written to checks.csv").
 *
 * One gk_check row per check instance: table_id, check (a stable short
 * name, listed in the report of gk_checks_run below), row (the row's code
 * or label; "<row>:<column>" where a check runs per column, the column key
 * alone for a column sum), expected (the sum or the other source's figure),
 * found (the figure printed in the row checked), status.
 *
 * Decisions (read these before reading a checks.csv):
 *
 *  - Arithmetic is exact: amounts are scaled 64-bit integers (10^-6 万元),
 *    never floating point, never locale functions.
 *
 *  - Status of a table-vs-table comparison:
 *      ok     the two figures are equal;
 *      round  they differ by at most one unit of the coarser printed
 *             precision of the two sides (each side's precision is the
 *             most decimals among its printed operands): 0.01 when both
 *             print 2 decimals, 0.1 for "1352.3" against "1352.27";
 *      fail   anything larger;
 *      skip   not computable: a table or total row missing, one side not
 *             printed at all (e.g. a 合计 cell blank while its parts carry
 *             figures, a column the leaf rows do not print), a cell that
 *             is not a number, or a relation that only bounds the figure
 *             (see 三公 below).
 *    A one-unit difference in the last printed decimal is "round", not
 *    "fail", even when only two operands are involved (dengfeng-2024
 *    2010306: 784.8 printed, 291.1 + 493.6 = 784.7).  Reason: every figure
 *    of a disclosure is rounded independently from exact yuan amounts
 *    (291.14 + 493.64 = 784.78 prints as 291.1 + 493.6 = 784.8), so a
 *    one-unit gap is what honest rounding produces, and a journalist
 *    scanning for "fail" should find real errors (guancheng-2023's 人员经费
 *    324.57 against 327.24) rather than dozens of rounding artefacts.
 *    "round" stays its own status, so the rounding gaps are still listed
 *    and can be counted.  A gap of two units or more is "fail" even in a
 *    long column sum, where honest rounding could in theory produce it.
 *
 *  - Narrative figures are compared at the coarser of the narrative's and
 *    the table's precision (the narrative "372" against "372.0" is ok;
 *    "845.7" against "845.70" is ok); after that rounding a one-unit gap
 *    is "round" (guancheng-2023: 327.25 stated, 327.24 in the table).
 *
 *  - Checks whose operands are all blank or zero are not written (a table
 *    that prints 0.0 in every cell of a column says nothing); each check
 *    instance that has something to verify gets one row, ok or not.
 *
 *  - Blank means 0 among printed cells.  In a function table whose rows do
 *    not print basic_total (or project_total) the sum of its parts stands
 *    in for it, so "total = basic + project" and the column sums still run.
 *
 *  - 三公 against the economic classification: the basic-expenditure table
 *    (general_budget_basic_expenditure) only holds the basic part, so a
 *    三公 figure larger than its 30231/30217 rows is "skip" (the rest may be
 *    project spending) and only a smaller one is "fail".  The economic
 *    classification summary (expenditure_by_economic_class) covers all
 *    spending: it must equal the 三公 figure when all money is
 *    appropriated, else it only bounds it from above.
 *
 *  - "All money is appropriated" means every non-zero income line of
 *    revenue_expenditure_summary is a 一般公共预算 / 政府性基金 /
 *    国有资本经营 / 财政拨款 line.
 */
#include "checks.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "normalize.h"

static const long long P10[19] = {
	1LL, 10LL, 100LL, 1000LL, 10000LL, 100000LL, 1000000LL, 10000000LL, 100000000LL,
	1000000000LL, 10000000000LL, 100000000000LL, 1000000000000LL, 10000000000000LL,
	100000000000000LL, 1000000000000000LL, 10000000000000000LL, 100000000000000000LL,
	1000000000000000000LL};

/* ------------------------------------------------------------------ */
/* numbers                                                            */

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

int gk_chk_parse(const char *s, long long *v, int *dec)
{
	const char *p = s, *e = s + strlen(s);
	while (p < e && *p == ' ')
		p++;
	while (e > p && e[-1] == ' ')
		e--;
	if (p == e)
		return 0;
	int neg = 0;
	if (*p == '-') {
		neg = 1;
		p++;
	}
	long long x = 0;
	int ndig = 0, d = -1, up = 0;
	for (; p < e; p++) {
		if (is_digit(*p)) {
			if (d >= GK_CHK_SCALE) { /* beyond our precision: round */
				if (d == GK_CHK_SCALE && *p >= '5')
					up = 1;
				d++;
				continue;
			}
			if (x > (LLONG_MAX - 9) / 10)
				return -1;
			x = x * 10 + (*p - '0');
			ndig++;
			if (d >= 0)
				d++;
		} else if (*p == '.' && d < 0) {
			d = 0;
		} else if (*p == ',' && ndig && d < 0 && e - p > 3 && is_digit(p[1]) && is_digit(p[2]) &&
		           is_digit(p[3]) && (e - p == 4 || !is_digit(p[4]))) {
			continue;
		} else {
			return -1;
		}
	}
	if (!ndig)
		return -1;
	int printed = d < 0 ? 0 : d;
	int kept = printed > GK_CHK_SCALE ? GK_CHK_SCALE : printed;
	long long m = P10[GK_CHK_SCALE - kept];
	if (x > LLONG_MAX / m)
		return -1;
	x = x * m + up;
	*v = neg ? -x : x;
	*dec = kept;
	return 1;
}

/* v rounded (half away from zero) to a multiple of 10^(SCALE - p);
 * p may be negative (coarser than units). */
static long long round_to(long long v, int p)
{
	int k = GK_CHK_SCALE - p;
	if (k <= 0)
		return v;
	if (k > 18)
		return 0;
	long long q = P10[k];
	unsigned long long a = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	a = (a + (unsigned long long)q / 2) / (unsigned long long)q * (unsigned long long)q;
	return v < 0 ? -(long long)a : (long long)a;
}

void gk_chk_format(long long v, int dec, char *out, size_t outsz)
{
	if (dec < 0)
		dec = 0;
	if (dec > GK_CHK_SCALE)
		dec = GK_CHK_SCALE;
	long long q = P10[GK_CHK_SCALE - dec];
	unsigned long long a = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	a = (a + (unsigned long long)q / 2) / (unsigned long long)q;
	unsigned long long ip = a / (unsigned long long)P10[dec], fp = a % (unsigned long long)P10[dec];
	const char *sign = v < 0 && a ? "-" : "";
	if (dec)
		snprintf(out, outsz, "%s%llu.%0*llu", sign, ip, dec, fp);
	else
		snprintf(out, outsz, "%s%llu", sign, ip);
}

static unsigned long long absdiff(long long a, long long b)
{
	return a > b ? (unsigned long long)a - (unsigned long long)b
	             : (unsigned long long)b - (unsigned long long)a;
}

const char *gk_chk_status(long long e, int edec, long long f, int fdec)
{
	unsigned long long d = absdiff(e, f);
	if (!d)
		return "ok";
	int p = edec < fdec ? edec : fdec;
	if (p < 0)
		p = 0;
	if (p > GK_CHK_SCALE)
		p = GK_CHK_SCALE;
	return d <= (unsigned long long)P10[GK_CHK_SCALE - p] ? "round" : "fail";
}

const char *gk_chk_status_narrative(long long n, int ndec, long long t, int tdec)
{
	int p = ndec < tdec ? ndec : tdec;
	if (p > GK_CHK_SCALE)
		p = GK_CHK_SCALE;
	if (p < GK_CHK_SCALE - 18)
		p = GK_CHK_SCALE - 18;
	unsigned long long d = absdiff(round_to(n, p), round_to(t, p));
	if (!d)
		return "ok";
	return d <= (unsigned long long)P10[GK_CHK_SCALE - p] ? "round" : "fail";
}

/* ------------------------------------------------------------------ */
/* accumulating the two sides of a check                              */

typedef struct acc {
	long long v;
	int dec;         /* most decimals among the printed operands */
	int printed;     /* printed (non-blank) operands */
	int nonzero;     /* some operand is not zero */
	const char *bad; /* first operand that is not a number */
} acc;

static void acc_addv(acc *a, long long v, int dec)
{
	a->printed++;
	if (dec > a->dec)
		a->dec = dec;
	if (v)
		a->nonzero = 1;
	if (__builtin_add_overflow(a->v, v, &a->v) && !a->bad)
		a->bad = "overflow";
}

static void acc_add(acc *a, const char *s)
{
	long long v;
	int dec;
	int k = gk_chk_parse(s ? s : "", &v, &dec);
	if (k < 0) {
		if (!a->bad)
			a->bad = s;
	} else if (k > 0) {
		acc_addv(a, v, dec);
	}
}

static void acc_str(const acc *a, char *out, size_t n)
{
	if (a->bad)
		snprintf(out, n, "%s", a->bad);
	else if (!a->printed)
		out[0] = 0;
	else
		gk_chk_format(a->v, a->dec, out, n);
}

/* Compare expected e with found f and write the row.  Nothing is written
 * when both sides are all blank or zero. */
static void emit_cmp(gk_result *r, const char *tid, const char *check, const char *row, const acc *e,
                     const acc *f)
{
	char es[64], fs[64];
	if (!e->bad && !f->bad && !e->nonzero && !f->nonzero)
		return;
	acc_str(e, es, sizeof es);
	acc_str(f, fs, sizeof fs);
	const char *st;
	if (e->bad || f->bad || !e->printed || !f->printed)
		st = "skip";
	else
		st = gk_chk_status(e->v, e->dec, f->v, f->dec);
	gk_result_add_check(r, tid, check, row, es, fs, st);
}

/* A comparison whose sides may be unavailable (table or row missing):
 * nothing when neither is, "skip" when one is missing and the other has a
 * non-zero figure. */
static void emit_cross(gk_result *r, const char *tid, const char *check, const char *row, int e_ok,
                       const acc *e, int f_ok, const acc *f)
{
	if (!e_ok && !f_ok)
		return;
	if (!e_ok || !f_ok) {
		const acc *a = e_ok ? e : f;
		if (!a->nonzero && !a->bad)
			return;
		char s[64];
		acc_str(a, s, sizeof s);
		gk_result_add_check(r, tid, check, row, e_ok ? s : "", f_ok ? s : "", "skip");
		return;
	}
	emit_cmp(r, tid, check, row, e, f);
}

/* ------------------------------------------------------------------ */
/* table helpers                                                      */

static const char *cell(const gk_table *t, int i, const char *key)
{
	return gk_table_get(t, i, key);
}

static int is_blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ')
			return 0;
	return 1;
}

static int printed(const gk_table *t, int i, const char *key)
{
	return !is_blank(cell(t, i, key));
}

static int any_printed(const gk_table *t, int i, const char *const *keys)
{
	for (; *keys; keys++)
		if (printed(t, i, *keys))
			return 1;
	return 0;
}

static void add_cols(acc *a, const gk_table *t, int i, const char *const *keys)
{
	for (; *keys; keys++)
		acc_add(a, cell(t, i, *keys));
}

static int starts_with(const char *s, const char *p)
{
	return !strncmp(s, p, strlen(p));
}

static int is_total_label(const char *s)
{
	while (*s == ' ')
		s++;
	if (starts_with(s, "其中"))
		return 0;
	return strstr(s, "合计") || strstr(s, "总计");
}

/* the digits of a code cell, or "" if the cell is not all digits */
static void digits_of(const char *s, char *out, size_t n)
{
	size_t k = 0;
	out[0] = 0;
	for (; *s; s++) {
		if (*s == ' ')
			continue;
		if (!is_digit(*s) || k + 1 >= n) {
			out[0] = 0;
			return;
		}
		out[k++] = *s;
		out[k] = 0;
	}
}

static const gk_table *present(const gk_result *r, const char *id)
{
	const gk_table *t = gk_result_find(r, id);
	return t && t->nrow > 0 ? t : NULL;
}

/* ------------------------------------------------------------------ */
/* tables organised by codes: function, economic class, unit tables   */

typedef struct spec {
	const char *const *cols; /* amount columns checked as column / tree sums */
	const char *label_col;   /* where the 合计 row says so */
	void (*code)(const gk_table *t, int i, char *out, size_t n);
	int (*is_unit)(const gk_table *t, int i);
	void (*label)(const gk_table *t, int i, char *out, size_t n);
	void (*val)(acc *a, const gk_table *t, int i, const char *col);
	const char *(*tree_name)(int plen, int clen);
} spec;

static const char *const FUNC_COLS[] = {
	"total", "basic_total", "basic_personnel", "basic_wages", "basic_family_subsidy",
	"basic_public", "basic_goods_services", "basic_capital", "project_total",
	"project_operating", "project_specific", NULL};
static const char *const FUNC_BASIC_PARTS[] = {
	"basic_wages", "basic_family_subsidy", "basic_goods_services", "basic_capital", NULL};
static const char *const FUNC_BASIC_PP[] = {"basic_personnel", "basic_public", NULL};
static const char *const FUNC_PROJECT_PARTS[] = {"project_operating", "project_specific", NULL};

static void func_code(const gk_table *t, int i, char *out, size_t n)
{
	digits_of(cell(t, i, "func_code"), out, n);
	if (!out[0] && printed(t, i, "class")) {
		char *s = gk_strfmt("%s%s%s", cell(t, i, "class"), cell(t, i, "item"), cell(t, i, "subitem"));
		digits_of(s, out, n);
		free(s);
	}
}

static int func_is_unit(const gk_table *t, int i)
{
	char c[32];
	func_code(t, i, c, sizeof c);
	return !c[0] && !is_total_label(cell(t, i, "name")) && printed(t, i, "unit_code");
}

static void func_label(const gk_table *t, int i, char *out, size_t n)
{
	char c[32];
	func_code(t, i, c, sizeof c);
	if (c[0])
		snprintf(out, n, "%s", c);
	else if (printed(t, i, "name"))
		snprintf(out, n, "%s", cell(t, i, "name"));
	else if (printed(t, i, "unit_code"))
		snprintf(out, n, "%s", cell(t, i, "unit_code"));
	else
		snprintf(out, n, "#%d", i + 1);
}

/* basic_total / project_total, or the sum of their parts where the row
 * does not print them */
static void func_val(acc *a, const gk_table *t, int i, const char *col)
{
	if (!strcmp(col, "basic_total") && !printed(t, i, col)) {
		add_cols(a, t, i, any_printed(t, i, FUNC_BASIC_PARTS) ? FUNC_BASIC_PARTS : FUNC_BASIC_PP);
		return;
	}
	if (!strcmp(col, "project_total") && !printed(t, i, col)) {
		add_cols(a, t, i, FUNC_PROJECT_PARTS);
		return;
	}
	acc_add(a, cell(t, i, col));
}

static const char *func_tree_name(int plen, int clen)
{
	if (plen == 3 && clen == 5)
		return "tree:类=Σ款";
	if (plen == 5 && clen == 7)
		return "tree:款=Σ项";
	if (plen == 3 && clen == 7)
		return "tree:类=Σ项";
	return "tree:上级=Σ下级";
}

static const char *const BASIC_COLS[] = {"total", "personnel", "public", NULL};
static const char *const ECON_COLS[] = {
	"total", "general_budget", "general_budget_appropriation", "government_fund", "state_capital",
	"carryover", "special_account", "business_income", "superior_subsidy", "affiliated_remit",
	"operating_income", "other_income", NULL};
static const char *const ECON_SOURCES[] = {
	"general_budget", "government_fund", "state_capital", "carryover", "special_account",
	"business_income", "superior_subsidy", "affiliated_remit", "operating_income", "other_income",
	NULL};

static void econ_code(const gk_table *t, int i, char *out, size_t n)
{
	digits_of(cell(t, i, "econ_code"), out, n);
	if (!out[0])
		digits_of(cell(t, i, "gov_econ_code"), out, n);
}

static int econ_is_unit(const gk_table *t, int i)
{
	char c[32];
	econ_code(t, i, c, sizeof c);
	return !c[0] && printed(t, i, "unit_code") && !is_total_label(cell(t, i, "econ_name"));
}

static void econ_label(const gk_table *t, int i, char *out, size_t n)
{
	const char *e = cell(t, i, "econ_code"), *g = cell(t, i, "gov_econ_code");
	if (!is_blank(e) && !is_blank(g))
		snprintf(out, n, "%s/%s", e, g);
	else if (!is_blank(e) || !is_blank(g))
		snprintf(out, n, "%s", is_blank(e) ? g : e);
	else if (printed(t, i, "econ_name"))
		snprintf(out, n, "%s", cell(t, i, "econ_name"));
	else if (printed(t, i, "unit_code"))
		snprintf(out, n, "%s", cell(t, i, "unit_code"));
	else
		snprintf(out, n, "#%d", i + 1);
}

static void plain_val(acc *a, const gk_table *t, int i, const char *col)
{
	acc_add(a, cell(t, i, col));
}

static const char *econ_tree_name(int plen, int clen)
{
	return plen == 3 && clen == 5 ? "tree:类=Σ款" : "tree:上级=Σ下级";
}

static const char *const RBU_COLS[] = {
	"total", "current_total", "general_budget", "general_budget_appropriation", "government_fund",
	"state_capital", "special_account", "business_income", "operating_income", "superior_subsidy",
	"affiliated_remit", "other_income", "carryover_total", "carryover_general_budget",
	"carryover_government_fund", "carryover_state_capital", "carryover_special_account",
	"carryover_unit_funds", NULL};
static const char *const RBU_SOURCES[] = {
	"general_budget", "government_fund", "state_capital", "special_account", "business_income",
	"operating_income", "superior_subsidy", "affiliated_remit", "other_income", NULL};
static const char *const RBU_CARRY[] = {
	"carryover_general_budget", "carryover_government_fund", "carryover_state_capital",
	"carryover_special_account", "carryover_unit_funds", NULL};

static void rbu_code(const gk_table *t, int i, char *out, size_t n)
{
	digits_of(cell(t, i, "unit_code"), out, n);
	if (!out[0])
		digits_of(cell(t, i, "func_code"), out, n);
}

static int never_unit(const gk_table *t, int i)
{
	(void)t, (void)i;
	return 0;
}

static void rbu_label(const gk_table *t, int i, char *out, size_t n)
{
	char c[32];
	rbu_code(t, i, c, sizeof c);
	if (c[0])
		snprintf(out, n, "%s", c);
	else if (printed(t, i, "unit_name"))
		snprintf(out, n, "%s", cell(t, i, "unit_name"));
	else if (printed(t, i, "func_name"))
		snprintf(out, n, "%s", cell(t, i, "func_name"));
	else
		snprintf(out, n, "#%d", i + 1);
}

static const char *rbu_tree_name(int plen, int clen)
{
	(void)plen, (void)clen;
	return "tree:上级=Σ下级";
}

/* The 合计 row: its label column says 合计/总计, else (a label put in
 * another column) some cell of the row is exactly 合计 or 总计. */
static int find_total(const gk_table *t, const char *label_col)
{
	for (int i = 0; i < t->nrow; i++)
		if (is_total_label(cell(t, i, label_col)))
			return i;
	for (int i = 0; i < t->nrow; i++)
		for (int j = 0; j < t->cols.n; j++) {
			const char *s = t->rows[i][j];
			while (*s == ' ')
				s++;
			if (starts_with(s, "合计") || starts_with(s, "总计")) {
				const char *e = s + strlen("合计");
				while (*e == ' ')
					e++;
				if (!*e)
					return i;
			}
		}
	return -1;
}

static int is_prefix(const char *p, const char *s)
{
	size_t n = strlen(p);
	return n < strlen(s) && !strncmp(p, s, n);
}

static void sum_rows(acc *a, const spec *sp, const gk_table *t, const int *rows, int n,
                     const char *col)
{
	for (int k = 0; k < n; k++)
		sp->val(a, t, rows[k], col);
}

static void col_sums(gk_result *r, const gk_table *t, const spec *sp, const char *check,
                     const char *rowprefix, int parent, const int *rows, int n)
{
	char lab[600];
	for (const char *const *c = sp->cols; *c; c++) {
		if (gk_table_col(t, *c) < 0)
			continue;
		acc e = {0}, f = {0};
		sum_rows(&e, sp, t, rows, n, *c);
		sp->val(&f, t, parent, *c);
		if (rowprefix)
			snprintf(lab, sizeof lab, "%s:%s", rowprefix, *c);
		else
			snprintf(lab, sizeof lab, "%s", *c);
		emit_cmp(r, t->id, check, lab, &e, &f);
	}
}

/* 合计 = Σ leaves, unit = Σ its leaves (when several units), parent code =
 * Σ its children (when printed). */
static void coded_checks(gk_result *r, const gk_table *t, const spec *sp)
{
	int n = t->nrow;
	char (*code)[32] = gk_calloc((size_t)n, sizeof *code);
	int *unit = gk_calloc((size_t)n, sizeof(int)), *seg = gk_calloc((size_t)n, sizeof(int));
	int *parent = gk_calloc((size_t)n, sizeof(int)), *nchild = gk_calloc((size_t)n, sizeof(int));
	int *rows = gk_calloc((size_t)n, sizeof(int));
	int total = find_total(t, sp->label_col), nunit = 0, ncoded = 0, cur = -1;
	for (int i = 0; i < n; i++) {
		sp->code(t, i, code[i], sizeof code[i]);
		if (i == total)
			code[i][0] = 0;
		unit[i] = i != total && sp->is_unit(t, i);
		if (unit[i]) {
			cur = i;
			nunit++;
		}
		seg[i] = cur;
		ncoded += code[i][0] != 0;
	}
	for (int i = 0; i < n; i++) {
		parent[i] = -1;
		if (!code[i][0])
			continue;
		for (int j = 0; j < n; j++)
			if (j != i && code[j][0] && seg[j] == seg[i] && is_prefix(code[j], code[i]) &&
			    (parent[i] < 0 || strlen(code[j]) > strlen(code[parent[i]])))
				parent[i] = j;
		if (parent[i] >= 0)
			nchild[parent[i]]++;
	}
	/* 合计 = Σ leaves (or Σ units, or Σ other rows) */
	if (total >= 0) {
		int m = 0;
		for (int i = 0; i < n; i++)
			if (i != total && (ncoded ? code[i][0] && !nchild[i] : nunit ? unit[i] : 1))
				rows[m++] = i;
		if (m)
			col_sums(r, t, sp, "col:合计=Σleaves", NULL, total, rows, m);
	}
	/* unit = Σ its leaves */
	if (nunit >= 2 && ncoded) {
		char lab[512];
		for (int u = 0; u < n; u++) {
			if (!unit[u])
				continue;
			int m = 0;
			for (int i = 0; i < n; i++)
				if (seg[i] == u && code[i][0] && !nchild[i])
					rows[m++] = i;
			if (!m)
				continue;
			sp->label(t, u, lab, sizeof lab);
			col_sums(r, t, sp, "col:单位=Σleaves", lab, u, rows, m);
		}
	}
	/* parent = Σ children */
	for (int p = 0; p < n; p++) {
		if (!nchild[p])
			continue;
		int m = 0, clen = 0;
		for (int i = 0; i < n; i++)
			if (parent[i] == p) {
				rows[m++] = i;
				if (!clen)
					clen = (int)strlen(code[i]);
			}
		col_sums(r, t, sp, sp->tree_name((int)strlen(code[p]), clen), code[p], p, rows, m);
	}
	free(code);
	free(unit);
	free(seg);
	free(parent);
	free(nchild);
	free(rows);
}

/* ------------------------------------------------------------------ */
/* per-row checks                                                     */

/* Row i: the column `whole` = the sum of `parts`, where it and any part
 * are printed. */
static void whole_of_parts(gk_result *r, const gk_table *t, int i, const char *whole, const char *const *parts,
                           const char *check, const char *lab)
{
	if (!printed(t, i, whole) || !any_printed(t, i, parts))
		return;
	acc e = {0}, f = {0};
	add_cols(&e, t, i, parts);
	acc_add(&f, cell(t, i, whole));
	emit_cmp(r, t->id, check, lab, &e, &f);
}

static void func_table_checks(gk_result *r, const gk_table *t)
{
	char lab[512];
	for (int i = 0; i < t->nrow; i++) {
		func_label(t, i, lab, sizeof lab);
		acc e = {0}, f = {0};
		/* total = basic + project */
		func_val(&e, t, i, "basic_total");
		func_val(&e, t, i, "project_total");
		acc_add(&f, cell(t, i, "total"));
		if (e.printed || e.bad)
			emit_cmp(r, t->id, "row:total=basic+project", lab, &e, &f);
		whole_of_parts(r, t, i, "basic_total", FUNC_BASIC_PARTS, "row:basic=wages+family+goods+capital", lab);
		whole_of_parts(r, t, i, "basic_total", FUNC_BASIC_PP, "row:basic=personnel+public", lab);
		whole_of_parts(r, t, i, "project_total", FUNC_PROJECT_PARTS, "row:project=operating+specific", lab);
	}
	spec sp = {FUNC_COLS, "name", func_code, func_is_unit, func_label, func_val, func_tree_name};
	coded_checks(r, t, &sp);
}

/* Per row of an economic-code table: total = the sum of `parts`, where
 * any part is printed. */
static void econ_row_sums(gk_result *r, const gk_table *t, const char *const *parts, const char *name)
{
	char lab[512];
	for (int i = 0; i < t->nrow; i++) {
		if (!any_printed(t, i, parts))
			continue;
		acc e = {0}, f = {0};
		add_cols(&e, t, i, parts);
		acc_add(&f, cell(t, i, "total"));
		econ_label(t, i, lab, sizeof lab);
		emit_cmp(r, t->id, name, lab, &e, &f);
	}
}

static void basic_table_checks(gk_result *r, const gk_table *t)
{
	static const char *const parts[] = {"personnel", "public", NULL};
	econ_row_sums(r, t, parts, "row:total=personnel+public");
	spec sp = {BASIC_COLS, "econ_name", econ_code, econ_is_unit, econ_label, plain_val, econ_tree_name};
	coded_checks(r, t, &sp);
}

static void econ_table_checks(gk_result *r, const gk_table *t)
{
	econ_row_sums(r, t, ECON_SOURCES, "row:total=Σsources");
	spec sp = {ECON_COLS, "econ_name", econ_code, econ_is_unit, econ_label, plain_val, econ_tree_name};
	coded_checks(r, t, &sp);
}

static void rbu_table_checks(gk_result *r, const gk_table *t)
{
	char lab[512];
	for (int i = 0; i < t->nrow; i++) {
		rbu_label(t, i, lab, sizeof lab);
		int cur = printed(t, i, "current_total");
		if (cur || printed(t, i, "carryover_total") || any_printed(t, i, RBU_SOURCES)) {
			acc e = {0}, f = {0};
			if (cur)
				acc_add(&e, cell(t, i, "current_total"));
			else
				add_cols(&e, t, i, RBU_SOURCES);
			if (printed(t, i, "carryover_total"))
				acc_add(&e, cell(t, i, "carryover_total"));
			else
				add_cols(&e, t, i, RBU_CARRY);
			acc_add(&f, cell(t, i, "total"));
			emit_cmp(r, t->id, "row:total=current+carryover", lab, &e, &f);
		}
		whole_of_parts(r, t, i, "current_total", RBU_SOURCES, "row:current=Σsources", lab);
		whole_of_parts(r, t, i, "carryover_total", RBU_CARRY, "row:carryover=Σparts", lab);
	}
	spec sp = {RBU_COLS, "unit_name", rbu_code, never_unit, rbu_label, plain_val, rbu_tree_name};
	coded_checks(r, t, &sp);
}

static const char *const THREE_COLS[] = {
	"total", "overseas_travel", "vehicle_total", "vehicle_purchase", "vehicle_operation",
	"reception", NULL};
static const char *const THREE_VEHICLE[] = {"vehicle_purchase", "vehicle_operation", NULL};

static void three_vehicle(acc *a, const gk_table *t, int i)
{
	if (printed(t, i, "vehicle_total"))
		acc_add(a, cell(t, i, "vehicle_total"));
	else
		add_cols(a, t, i, THREE_VEHICLE);
}

static void three_table_checks(gk_result *r, const gk_table *t)
{
	int total = find_total(t, "unit_name");
	if (total < 0 && t->nrow == 1)
		total = 0; /* a one-row table is its 合计 row */
	for (int i = 0; i < t->nrow; i++) {
		const char *lab = i == total ? "合计" : cell(t, i, "unit_name");
		char nb[16];
		if (is_blank(lab)) {
			snprintf(nb, sizeof nb, "#%d", i + 1);
			lab = nb;
		}
		acc e = {0}, f = {0};
		acc_add(&e, cell(t, i, "overseas_travel"));
		three_vehicle(&e, t, i);
		acc_add(&e, cell(t, i, "reception"));
		acc_add(&f, cell(t, i, "total"));
		if (e.printed || e.bad)
			emit_cmp(r, t->id, "row:total=travel+vehicle+reception", lab, &e, &f);
		whole_of_parts(r, t, i, "vehicle_total", THREE_VEHICLE, "row:vehicle=purchase+operation", lab);
	}
	if (total >= 0 && t->nrow > 1) {
		int *rows = gk_calloc((size_t)t->nrow, sizeof(int)), m = 0;
		for (int i = 0; i < t->nrow; i++)
			if (i != total)
				rows[m++] = i;
		spec sp = {THREE_COLS, "unit_name", NULL, NULL, NULL, plain_val, NULL};
		col_sums(r, t, &sp, "col:合计=Σ单位", NULL, total, rows, m);
		free(rows);
	}
}

static const char *const PROJ_COLS[] = {
	"total", "general_budget", "government_fund", "state_capital", "carryover_general_budget",
	"carryover_government_fund", "carryover_state_capital", "special_account", "unit_funds", NULL};

enum { PR_TOTAL, PR_UNIT, PR_TYPE, PR_PROJECT };

static int proj_kind(const gk_table *t, int i)
{
	const char *name = cell(t, i, "project_name"), *type = cell(t, i, "project_type");
	if (is_total_label(name) || (is_blank(name) && is_total_label(cell(t, i, "unit_name"))))
		return PR_TOTAL;
	if (!is_blank(name))
		return PR_PROJECT;
	if (!is_blank(type))
		return PR_TYPE; /* a subtotal of one project type */
	return PR_UNIT;
}

static void project_table_checks(gk_result *r, const gk_table *t)
{
	int n = t->nrow, total = -1, nunit = 0;
	int *kind = gk_calloc((size_t)n, sizeof(int)), *rows = gk_calloc((size_t)n, sizeof(int));
	char lab[600];
	spec sp = {PROJ_COLS, "project_name", NULL, NULL, NULL, plain_val, NULL};
	for (int i = 0; i < n; i++)
		kind[i] = proj_kind(t, i);
	/* a typed row without a name is a subtotal only if projects of its
	 * type are listed; else it is a project whose name was not printed */
	for (int i = 0; i < n; i++) {
		if (kind[i] != PR_TYPE)
			continue;
		int listed = 0;
		for (int j = 0; j < n && !listed; j++)
			listed = kind[j] == PR_PROJECT &&
			         !strcmp(cell(t, j, "project_type"), cell(t, i, "project_type"));
		if (!listed)
			kind[i] = PR_PROJECT;
	}
	for (int i = 0; i < n; i++) {
		if (kind[i] == PR_TOTAL && total < 0)
			total = i;
		nunit += kind[i] == PR_UNIT;
		const char *l = kind[i] == PR_TOTAL   ? "合计"
		                : kind[i] == PR_UNIT  ? cell(t, i, "unit_name")
		                : kind[i] == PR_TYPE  ? cell(t, i, "project_type")
		                                      : cell(t, i, "project_name");
		if (is_blank(l))
			l = cell(t, i, "unit_code");
		if (is_blank(l))
			snprintf(lab, sizeof lab, "#%d", i + 1);
		else
			snprintf(lab, sizeof lab, "%s", l);
		if (!any_printed(t, i, PROJ_COLS + 1))
			continue;
		acc e = {0}, f = {0};
		add_cols(&e, t, i, PROJ_COLS + 1);
		acc_add(&f, cell(t, i, "total"));
		emit_cmp(r, t->id, "row:total=Σfunding", lab, &e, &f);
	}
	if (total >= 0) {
		int m = 0;
		for (int i = 0; i < n; i++)
			if (kind[i] == PR_PROJECT)
				rows[m++] = i;
		if (m)
			col_sums(r, t, &sp, "col:合计=Σprojects", NULL, total, rows, m);
	}
	/* a unit = Σ the projects that follow it, when several units */
	for (int u = 0; u < n && nunit >= 2; u++) {
		if (kind[u] != PR_UNIT)
			continue;
		int m = 0;
		for (int i = u + 1; i < n && kind[i] != PR_UNIT && kind[i] != PR_TOTAL; i++)
			if (kind[i] == PR_PROJECT)
				rows[m++] = i;
		const char *l = cell(t, u, "unit_name");
		if (m)
			col_sums(r, t, &sp, "col:单位=Σprojects", is_blank(l) ? cell(t, u, "unit_code") : l, u,
			         rows, m);
	}
	/* a type subtotal = Σ projects of that type */
	for (int p = 0; p < n; p++) {
		if (kind[p] != PR_TYPE)
			continue;
		int m = 0;
		for (int i = 0; i < n; i++)
			if (kind[i] == PR_PROJECT && !strcmp(cell(t, i, "project_type"), cell(t, p, "project_type")))
				rows[m++] = i;
		if (m)
			col_sums(r, t, &sp, "col:类型=Σprojects", cell(t, p, "project_type"), p, rows, m);
	}
	free(kind);
	free(rows);
}

/* ------------------------------------------------------------------ */
/* the two-sided summaries                                            */

enum { K_OTHER, K_TOP, K_SUB, K_QIZHONG, K_TOTAL };

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

static int item_kind(const char *s)
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

static void item_label(const gk_table *t, int i, const char *col, const char *first, char *out,
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
static int side_total(const gk_table *t, const char *side)
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
			emit_cmp(r, t->id, "summary:一、=Σ（一）", lab, &e, &f);
		}
		/* first 合计 = Σ 一、 above it; each later total = previous + lines between */
		int prev = -1;
		for (int k = 0; k < n; k++) {
			if (kind[k] != K_TOTAL)
				continue;
			int from = prev + 1, ntop = 0, nother = 0, nsub = 0;
			for (int j = from; j < k; j++) {
				ntop += kind[j] == K_TOP;
				nother += kind[j] == K_OTHER;
				nsub += kind[j] == K_SUB;
			}
			int want = ntop ? K_TOP : nother ? K_OTHER : K_SUB;
			acc e = {0}, f = {0};
			if (prev >= 0)
				acc_add(&e, cell(t, rows[prev], *c));
			for (int j = from; j < k; j++)
				if (kind[j] == want)
					acc_add(&e, cell(t, rows[j], *c));
			acc_add(&f, cell(t, rows[k], *c));
			item_label(t, rows[k], *c, cols[0], lab, sizeof lab);
			if (prev >= 0)
				emit_cmp(r, t->id, "summary:总计=合计+结转", lab, &e, &f);
			else if (ntop + nother + nsub)
				emit_cmp(r, t->id, "summary:合计=Σ一、", lab, &e, &f);
			prev = k;
		}
	}
	free(rows);
	free(kind);
}

static void summary_checks(gk_result *r, const gk_table *t, const char *amount,
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
		emit_cmp(r, t->id, "summary:收入总计=支出总计", lab, &e, &f);
	}
}

static void fiscal_row_checks(gk_result *r, const gk_table *t)
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
		emit_cmp(r, t->id, "row:total=general_budget+government_fund+state_capital", lab, &e, &f);
	}
}

/* ------------------------------------------------------------------ */
/* cross-table checks                                                 */

/* the value of (row, col) of a table into a; 0 if the table or row is
 * missing */
static int get_val(acc *a, const gk_table *t, int row, const char *col)
{
	if (!t || row < 0)
		return 0;
	acc_add(a, cell(t, row, col));
	return 1;
}

static int total_row_of(const gk_table *t, const char *label_col)
{
	if (!t)
		return -1;
	return find_total(t, label_col);
}

/* every non-zero income line of the summary is an appropriation; -1 if
 * the summary is missing */
static int all_appropriated(const gk_table *res)
{
	static const char *const ok[] = {"一般公共预算", "政府性基金", "国有资本经营", "财政拨款", NULL};
	if (!res)
		return -1;
	for (int i = 0; i < res->nrow; i++) {
		const char *item = cell(res, i, "item");
		if (!strstr(cell(res, i, "side"), "收入"))
			continue;
		int k = item_kind(item);
		if (k == K_TOTAL || k == K_QIZHONG)
			continue;
		long long v;
		int dec;
		if (gk_chk_parse(cell(res, i, "amount"), &v, &dec) <= 0 || !v)
			continue;
		int hit = 0;
		for (int j = 0; ok[j]; j++)
			hit |= strstr(item, ok[j]) != NULL;
		if (!hit)
			return 0;
	}
	return 1;
}

/* Σ of col over the rows of t whose econ_code is code; 0 if none */
static int econ_rows(acc *a, const gk_table *t, const char *code, const char *col)
{
	int m = 0;
	if (!t)
		return 0;
	for (int i = 0; i < t->nrow; i++) {
		char c[32];
		digits_of(cell(t, i, "econ_code"), c, sizeof c);
		if (!strcmp(c, code)) {
			acc_add(a, cell(t, i, col));
			m++;
		}
	}
	return m;
}

static void three_vs_econ(gk_result *r, const gk_table *three, int trow, const gk_table *econ,
                          const gk_table *basic, int appropriated, const char *col,
                          const char *code, const char *check)
{
	acc e = {0}, f = {0};
	char lab[64];
	int rel; /* 0: equal, -1: three <= e, +1: three >= e */
	if (econ_rows(&e, econ, code, "total"))
		rel = appropriated == 1 ? 0 : -1;
	else if (econ_rows(&e, basic, code, "total"))
		rel = +1;
	else
		return;
	acc_add(&f, cell(three, trow, col));
	snprintf(lab, sizeof lab, "合计:%s", col);
	if (rel && !e.bad && !f.bad && e.printed && f.printed &&
	    !strcmp(gk_chk_status(e.v, e.dec, f.v, f.dec), "fail") && (rel > 0 ? f.v > e.v : f.v < e.v)) {
		char es[64], fs[64];
		acc_str(&e, es, sizeof es);
		acc_str(&f, fs, sizeof fs);
		gk_result_add_check(r, three->id, check, lab, es, fs, "skip");
		return;
	}
	emit_cmp(r, three->id, check, lab, &e, &f);
}

static void cross_checks(gk_result *r)
{
	const gk_table *res = present(r, "revenue_expenditure_summary");
	const gk_table *fis = present(r, "fiscal_appropriation_summary");
	const gk_table *ebf = present(r, "expenditure_by_function");
	const gk_table *gbe = present(r, "general_budget_expenditure");
	const gk_table *gbb = present(r, "general_budget_basic_expenditure");
	const gk_table *eco = present(r, "expenditure_by_economic_class");
	const gk_table *rbu = present(r, "revenue_by_unit");
	const gk_table *thr = present(r, "three_public_expenses");
	const gk_table *prj = present(r, "project_expenditure");
	const gk_table *gfe = present(r, "government_fund_expenditure");
	const gk_table *sce = present(r, "state_capital_expenditure");
	int res_in = res ? side_total(res, "收入") : -1, res_out = res ? side_total(res, "支出") : -1;
	int res_cur = -1;
	for (int i = 0; res && i < res->nrow; i++)
		if (strstr(cell(res, i, "side"), "支出") && strstr(cell(res, i, "item"), "本年支出合计")) {
			res_cur = i;
			break;
		}
	int fis_out = fis ? side_total(fis, "支出") : -1;
	int ebf_t = total_row_of(ebf, "name"), gbe_t = total_row_of(gbe, "name");
	int gbb_t = total_row_of(gbb, "econ_name"), eco_t = total_row_of(eco, "econ_name");
	int rbu_t = total_row_of(rbu, "unit_name"), gfe_t = total_row_of(gfe, "name");
	int sce_t = total_row_of(sce, "name");
	int thr_t = total_row_of(thr, "unit_name");
	if (thr && thr_t < 0 && thr->nrow == 1)
		thr_t = 0;
	int prj_t = -1;
	for (int i = 0; prj && i < prj->nrow; i++)
		if (proj_kind(prj, i) == PR_TOTAL) {
			prj_t = i;
			break;
		}
	int approp = all_appropriated(res);

	/* summary 支出 = expenditure_by_function 合计 */
	{
		acc e = {0}, f = {0};
		int eo = get_val(&e, res, res_cur >= 0 ? res_cur : res_out, "amount");
		int fo = get_val(&f, ebf, ebf_t, "total");
		emit_cross(r, "expenditure_by_function", "cross:summary支出总计=expenditure_by_function合计",
		           "合计:total", eo, &e, fo, &f);
	}
	/* summary 支出总计 = fiscal 支出合计 when all money is appropriated */
	if (res_out >= 0 && fis_out >= 0) {
		acc e = {0}, f = {0};
		char lab[600];
		get_val(&e, res, res_out, "amount");
		get_val(&f, fis, fis_out, "total");
		item_label(fis, fis_out, "total", "total", lab, sizeof lab);
		if (approp == 1) {
			emit_cmp(r, fis->id, "cross:summary支出总计=fiscal支出合计", lab, &e, &f);
		} else if (e.nonzero || f.nonzero) {
			char es[64], fs[64];
			acc_str(&e, es, sizeof es);
			acc_str(&f, fs, sizeof fs);
			gk_result_add_check(r, fis->id, "cross:summary支出总计=fiscal支出合计", lab, es, fs, "skip");
		}
	}
	/* summary 收入总计 = revenue_by_unit 合计 */
	{
		acc e = {0}, f = {0};
		int eo = get_val(&e, res, res_in, "amount");
		int fo = get_val(&f, rbu, rbu_t, "total");
		if (rbu)
			emit_cross(r, "revenue_by_unit", "cross:summary收入总计=revenue_by_unit合计", "合计:total",
			           eo, &e, fo, &f);
	}
	/* expenditure_by_function 合计 = expenditure_by_economic_class 合计 */
	if (eco) {
		acc e = {0}, f = {0};
		int eo = get_val(&e, ebf, ebf_t, "total");
		int fo = get_val(&f, eco, eco_t, "total");
		emit_cross(r, "expenditure_by_economic_class",
		           "cross:expenditure_by_function合计=expenditure_by_economic_class合计", "合计:total",
		           eo, &e, fo, &f);
	}
	/* general_budget_expenditure 合计 basic = general_budget_basic_expenditure 合计 */
	if (gbe || gbb) {
		int eo = gbe && gbe_t >= 0, fo = gbb && gbb_t >= 0;
		acc e = {0}, f = {0};
		if (eo)
			func_val(&e, gbe, gbe_t, "basic_total");
		get_val(&f, gbb, gbb_t, "total");
		emit_cross(r, "general_budget_basic_expenditure",
		           "cross:general_budget_expenditure基本支出=general_budget_basic_expenditure合计",
		           "合计:total", eo, &e, fo, &f);
		static const char *const pers[] = {"basic_wages", "basic_family_subsidy", NULL};
		static const char *const pub[] = {"basic_goods_services", "basic_capital", NULL};
		acc e1 = {0}, f1 = {0}, e2 = {0}, f2 = {0};
		if (eo) {
			if (printed(gbe, gbe_t, "basic_personnel"))
				acc_add(&e1, cell(gbe, gbe_t, "basic_personnel"));
			else
				add_cols(&e1, gbe, gbe_t, pers);
			if (printed(gbe, gbe_t, "basic_public"))
				acc_add(&e2, cell(gbe, gbe_t, "basic_public"));
			else
				add_cols(&e2, gbe, gbe_t, pub);
		}
		get_val(&f1, gbb, gbb_t, "personnel");
		get_val(&f2, gbb, gbb_t, "public");
		emit_cross(r, "general_budget_basic_expenditure", "cross:人员经费", "合计:personnel", eo, &e1,
		           fo, &f1);
		emit_cross(r, "general_budget_basic_expenditure", "cross:公用经费", "合计:public", eo, &e2, fo,
		           &f2);
	}
	/* 三公 against the economic classification (only where those rows exist) */
	if (thr && thr_t >= 0) {
		three_vs_econ(r, thr, thr_t, eco, gbb, approp, "vehicle_operation", "30231",
		              "cross:三公公务用车运行维护费=30231");
		three_vs_econ(r, thr, thr_t, eco, gbb, approp, "reception", "30217",
		              "cross:三公公务接待费=30217");
	}
	/* expenditure_by_function 合计 project = project_expenditure 合计 */
	if (ebf || prj) {
		acc e = {0}, f = {0};
		int eo = ebf && ebf_t >= 0, fo = get_val(&f, prj, prj_t, "total");
		if (eo)
			func_val(&e, ebf, ebf_t, "project_total");
		emit_cross(r, "project_expenditure",
		           "cross:expenditure_by_function项目支出=project_expenditure合计", "合计:total", eo,
		           &e, fo, &f);
	}
	/* fiscal 支出合计 by fund = the fund's expenditure table 合计 */
	if (fis_out >= 0) {
		acc e = {0}, f = {0};
		get_val(&e, fis, fis_out, "general_budget");
		int fo = get_val(&f, gbe, gbe_t, "total");
		emit_cross(r, "general_budget_expenditure",
		           "cross:fiscal一般公共预算=general_budget_expenditure合计", "合计:total", 1, &e, fo,
		           &f);
		acc e2 = {0}, f2 = {0};
		get_val(&e2, fis, fis_out, "government_fund");
		fo = get_val(&f2, gfe, gfe_t, "total");
		emit_cross(r, "government_fund_expenditure",
		           "cross:fiscal政府性基金=government_fund_expenditure合计", "合计:total", 1, &e2, fo,
		           &f2);
		acc e3 = {0}, f3 = {0};
		get_val(&e3, fis, fis_out, "state_capital");
		fo = get_val(&f3, sce, sce_t, "total");
		emit_cross(r, "state_capital_expenditure",
		           "cross:fiscal国有资本经营=state_capital_expenditure合计", "合计:total", 1, &e3, fo,
		           &f3);
	}
}

/* ------------------------------------------------------------------ */
/* narrative                                                          */

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

char *gk_chk_narrative_text(const gk_doc *doc)
{
	gk_buf b = {0};
	gk_buf_adds(&b, "");
	for (int i = 0; doc && i < doc->nline; i++) {
		const gk_line *l = &doc->line[i];
		gk_buf line = {0};
		int nnum = 0;
		for (int j = 0; j < l->ncell; j++) {
			long long v;
			int dec;
			if (gk_chk_parse(l->cell[j].text, &v, &dec) == 1)
				nnum++;
			for (const char *p = l->cell[j].text; *p; p++)
				if (*p != '*')
					gk_buf_addc(&line, *p);
		}
		const char *s = line.s ? line.s : "";
		if ((nnum >= 2 && !strstr(s, "元")) || is_unit_label(s)) {
			if (b.len && b.s[b.len - 1] != '\n')
				gk_buf_addc(&b, '\n');
		} else if (*s) {
			if (b.len && is_digit(b.s[b.len - 1]) && is_digit(s[0]))
				gk_buf_addc(&b, ' ');
			gk_buf_adds(&b, s);
		}
		gk_buf_drop(&line);
	}
	return gk_buf_take(&b);
}


static int is_stop(const char *p)
{
	static const char *const stop[] = {
		"，", "。", "；", "、", "！", "？", ",", ";", "%", "％", "\n", "增", "减", "比", "较",
		"占", "降", "与", "同", "上", NULL};
	for (int k = 0; stop[k]; k++)
		if (starts_with(p, stop[k]))
			return 1;
	return 0;
}

/* a figure at p: digits, thousands commas, one point, then the unit */
static int figure_at(const char *p, long long *v, int *dec)
{
	char num[64];
	size_t k = 0;
	int point = 0;
	while (k + 1 < sizeof num) {
		if (is_digit(*p)) {
			num[k++] = *p++;
		} else if (*p == ',' && !point && k && is_digit(p[1]) && is_digit(p[2]) && is_digit(p[3]) &&
		           !is_digit(p[4])) {
			p++;
		} else if (*p == '.' && !point && is_digit(p[1])) {
			num[k++] = *p++;
			point = 1;
		} else {
			break;
		}
	}
	num[k] = 0;
	if (!k || gk_chk_parse(num, v, dec) != 1)
		return 0;
	while (*p == ' ' || starts_with(p, "\xe3\x80\x80"))
		p += *p == ' ' ? 1 : 3;
	if (starts_with(p, "万元"))
		return 1;
	if (starts_with(p, "亿元")) {
		if (__builtin_mul_overflow(*v, 10000LL, v))
			return 0;
		*dec -= 4;
		return 1;
	}
	if (starts_with(p, "元")) {
		long long q = 10000, a = *v < 0 ? -*v : *v;
		a = (a + q / 2) / q;
		*v = *v < 0 ? -a : a;
		*dec += 4;
		if (*dec > GK_CHK_SCALE)
			*dec = GK_CHK_SCALE;
		return 1;
	}
	return 0;
}

int gk_chk_narrative_figure(const char *text, const char *keyword, const char *need, long long *v,
                            int *dec)
{
	size_t kl = strlen(keyword);
	for (const char *k = strstr(text, keyword); k; k = strstr(k + 1, keyword)) {
		const char *p = k + kl, *fill = p;
		int ncp = 0, stopped = 0;
		while (*p && !is_digit(*p) && ncp <= 12) {
			if (is_stop(p)) {
				stopped = 1;
				break;
			}
			do /* to the next lead byte, never past the NUL */
				p++;
			while ((*p & 0xC0) == 0x80);
			ncp++;
		}
		if (stopped || !is_digit(*p) || ncp > 12)
			continue;
		if (need) {
			char *f = gk_strndup(fill, (size_t)(p - fill));
			int has = strstr(f, need) != NULL;
			free(f);
			if (!has)
				continue;
		}
		if (figure_at(p, v, dec))
			return 1;
	}
	return 0;
}

static void narrative_compare(gk_result *r, const char *check, long long nv, int ndec,
                              const gk_table *t, int row, const char *rowlab,
                              const char *const *cols, const char *tid)
{
	char ns[64], ts[64];
	gk_chk_format(nv, ndec, ns, sizeof ns);
	if (!t || row < 0) {
		if (nv)
			gk_result_add_check(r, tid, check, rowlab, ns, "", "skip");
		return;
	}
	acc a = {0};
	int func = gk_table_col(t, "basic_total") >= 0;
	for (const char *const *c = cols; *c; c++) {
		if (func)
			func_val(&a, t, row, *c);
		else
			acc_add(&a, cell(t, row, *c));
	}
	if (!nv && !a.nonzero && !a.bad)
		return;
	acc_str(&a, ts, sizeof ts);
	const char *st = a.bad ? "skip" : gk_chk_status_narrative(nv, ndec, a.v, a.dec);
	gk_result_add_check(r, tid, check, rowlab, ns, ts, st);
}

static void narrative_checks(gk_result *r, const gk_doc *doc)
{
	char *text = gk_chk_narrative_text(doc);
	const gk_table *res = present(r, "revenue_expenditure_summary");
	const gk_table *ebf = present(r, "expenditure_by_function");
	const gk_table *gbe = present(r, "general_budget_expenditure");
	const gk_table *gbb = present(r, "general_budget_basic_expenditure");
	const gk_table *thr = present(r, "three_public_expenses");
	const gk_table *fun = ebf ? ebf : gbe;
	const char *fun_id = ebf ? "expenditure_by_function" : "general_budget_expenditure";
	int fun_t = fun ? find_total(fun, "name") : -1, gbe_t = gbe ? find_total(gbe, "name") : -1;
	int gbb_t = gbb ? find_total(gbb, "econ_name") : -1;
	int thr_t = thr ? find_total(thr, "unit_name") : -1;
	if (thr && thr_t < 0 && thr->nrow == 1)
		thr_t = 0;
	static const char *const c_amount[] = {"amount", NULL};
	static const char *const c_basic[] = {"basic_total", NULL};
	static const char *const c_project[] = {"project_total", NULL};
	static const char *const c_pers[] = {"personnel", NULL};
	static const char *const c_pub[] = {"public", NULL};
	static const char *const c_fpers[] = {"basic_wages", "basic_family_subsidy", NULL};
	static const char *const c_fpers2[] = {"basic_personnel", NULL};
	static const char *const c_fpub[] = {"basic_goods_services", "basic_capital", NULL};
	static const char *const c_fpub2[] = {"basic_public", NULL};
	static const char *const c_total[] = {"total", NULL};
	static const char *const c_travel[] = {"overseas_travel", NULL};
	static const char *const c_recep[] = {"reception", NULL};
	static const char *const c_vtot[] = {"vehicle_total", NULL};
	static const char *const c_vpur[] = {"vehicle_purchase", NULL};
	static const char *const c_vop[] = {"vehicle_operation", NULL};
	long long v;
	int dec;

	if (gk_chk_narrative_figure(text, "收入总计", NULL, &v, &dec)) {
		int row = res ? side_total(res, "收入") : -1;
		char lab[600] = "收入总计";
		if (row >= 0)
			item_label(res, row, "amount", "amount", lab, sizeof lab);
		narrative_compare(r, "narrative:收入总计", v, dec, res, row, lab, c_amount,
		                  "revenue_expenditure_summary");
	}
	if (gk_chk_narrative_figure(text, "支出总计", NULL, &v, &dec)) {
		int row = res ? side_total(res, "支出") : -1;
		char lab[600] = "支出总计";
		if (row >= 0)
			item_label(res, row, "amount", "amount", lab, sizeof lab);
		narrative_compare(r, "narrative:支出总计", v, dec, res, row, lab, c_amount,
		                  "revenue_expenditure_summary");
	}
	if (gk_chk_narrative_figure(text, "基本支出", NULL, &v, &dec))
		narrative_compare(r, "narrative:基本支出", v, dec, fun, fun_t, "合计:basic_total", c_basic,
		                  fun_id);
	if (gk_chk_narrative_figure(text, "项目支出", NULL, &v, &dec))
		narrative_compare(r, "narrative:项目支出", v, dec, fun, fun_t, "合计:project_total",
		                  c_project, fun_id);
	if (gk_chk_narrative_figure(text, "人员经费", NULL, &v, &dec)) {
		narrative_compare(r, "narrative:人员经费", v, dec, gbb, gbb_t, "合计:personnel", c_pers,
		                  "general_budget_basic_expenditure");
		if (gbe && gbe_t >= 0) {
			int pp = printed(gbe, gbe_t, "basic_personnel");
			narrative_compare(r, "narrative:人员经费", v, dec, gbe, gbe_t,
			                  pp ? "合计:basic_personnel" : "合计:basic_wages+basic_family_subsidy",
			                  pp ? c_fpers2 : c_fpers, "general_budget_expenditure");
		}
	}
	if (gk_chk_narrative_figure(text, "公用经费", NULL, &v, &dec)) {
		narrative_compare(r, "narrative:公用经费", v, dec, gbb, gbb_t, "合计:public", c_pub,
		                  "general_budget_basic_expenditure");
		if (gbe && gbe_t >= 0) {
			int pp = printed(gbe, gbe_t, "basic_public");
			narrative_compare(r, "narrative:公用经费", v, dec, gbe, gbe_t,
			                  pp ? "合计:basic_public" : "合计:basic_goods_services+basic_capital",
			                  pp ? c_fpub2 : c_fpub, "general_budget_expenditure");
		}
	}
	static const struct {
		const char *key, *need, *check, *row;
		const char *const *cols;
	} three[] = {
		{"三公", "经费", "narrative:三公经费", "合计:total", c_total},
		{"因公出国", NULL, "narrative:因公出国（境）费", "合计:overseas_travel", c_travel},
		{"公务接待费", NULL, "narrative:公务接待费", "合计:reception", c_recep},
		{"公务用车购置及运行", NULL, "narrative:公务用车购置及运行费", "合计:vehicle_total", c_vtot},
		{"公务用车购置费", NULL, "narrative:公务用车购置费", "合计:vehicle_purchase", c_vpur},
		{"公务用车运行", NULL, "narrative:公务用车运行维护费", "合计:vehicle_operation", c_vop},
	};
	for (size_t k = 0; k < sizeof three / sizeof three[0]; k++) {
		if (!gk_chk_narrative_figure(text, three[k].key, three[k].need, &v, &dec))
			continue;
		if (thr && thr_t >= 0 && !strcmp(three[k].cols[0], "vehicle_total") &&
		    !printed(thr, thr_t, "vehicle_total")) {
			/* the table prints only the parts */
			narrative_compare(r, three[k].check, v, dec, thr, thr_t, "合计:vehicle_purchase+vehicle_operation",
			                  THREE_VEHICLE, "three_public_expenses");
			continue;
		}
		narrative_compare(r, three[k].check, v, dec, thr, thr_t, three[k].row, three[k].cols,
		                  "three_public_expenses");
	}
	free(text);
}

/* ------------------------------------------------------------------ */

void gk_checks_run(gk_result *r, const gk_doc *doc)
{
	static const char *const res_cols[] = {"amount", NULL};
	static const char *const fis_cols[] = {
		"total", "general_budget", "general_budget_appropriation", "government_fund",
		"state_capital", NULL};
	int ntable = r->ntable; /* the checks add no tables, but be safe */
	for (int k = 0; k < ntable; k++) {
		const gk_table *t = r->tables[k];
		if (!t->nrow)
			continue;
		const char *id = t->id;
		if (!strcmp(id, "expenditure_by_function") || !strcmp(id, "general_budget_expenditure") ||
		    !strcmp(id, "government_fund_expenditure") || !strcmp(id, "state_capital_expenditure"))
			func_table_checks(r, t);
		else if (!strcmp(id, "general_budget_basic_expenditure"))
			basic_table_checks(r, t);
		else if (!strcmp(id, "expenditure_by_economic_class"))
			econ_table_checks(r, t);
		else if (!strcmp(id, "revenue_by_unit"))
			rbu_table_checks(r, t);
		else if (!strcmp(id, "three_public_expenses"))
			three_table_checks(r, t);
		else if (!strcmp(id, "project_expenditure"))
			project_table_checks(r, t);
		else if (!strcmp(id, "revenue_expenditure_summary"))
			summary_checks(r, t, "amount", res_cols);
		else if (!strcmp(id, "fiscal_appropriation_summary")) {
			summary_checks(r, t, "total", fis_cols);
			fiscal_row_checks(r, t);
		}
	}
	cross_checks(r);
	if (doc)
		narrative_checks(r, doc);
}
