/*
 * checks.c - consistency checks of a normalised document, written to
 * checks.csv (../shared/spec/TABLES.md "Checks written to checks.csv").
 *
 * Where they are: check_tables.c (rows, column sums and code trees of
 * one table), check_summary.c (the two-sided summaries), check_cross.c
 * (the same figure across tables), check_narrative.c (the figures the
 * text states against the tables), check_wording.c (percentages, wording,
 * the sums the text states), check_year.c (years, the department in
 * headings), check_toc.c (the contents, called from gk_normalize);
 * check_text.c reads the narrative, check_emit.c writes each check and
 * decides `unsure`.  This file: exact amounts and their comparison (acc,
 * emit_cmp, the statuses), table helpers, and gk_checks_run.
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
 *             (see 三公 below);
 *      unsure a fail whose reading is in doubt (check_emit.c lists the
 *             doubts); the reason ends the row's detail.
 *    Every row but an ok one carries a one-line detail and the page of the
 *    figure checked (check_emit.c).
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
#include "chk.h"

#include <limits.h>
#include <string.h>

/* ---- numbers ------------------------------------------------------------ */

static const long long P10[19] = {
	1LL, 10LL, 100LL, 1000LL, 10000LL, 100000LL, 1000000LL, 10000000LL, 100000000LL,
	1000000000LL, 10000000000LL, 100000000000LL, 1000000000000LL, 10000000000000LL,
	100000000000000LL, 1000000000000000LL, 10000000000000000LL, 100000000000000000LL,
	1000000000000000000LL};

int is_digit(char c)
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

/* ---- the two sides of a check ------------------------------------------ */

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

void acc_add(acc *a, const char *s)
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

void acc_str(const acc *a, char *out, size_t n)
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
void emit_cmp(gk_result *r, const char *tid, const char *check, const char *row, const acc *e,
              const acc *f, const where *w)
{
	char es[64], fs[64];
	if (!e->bad && !f->bad && !e->nonzero && !f->nonzero)
		return;
	acc_str(e, es, sizeof es);
	acc_str(f, fs, sizeof fs);
	const char *st;
	long long gap = 0;
	if (e->bad || f->bad || !e->printed || !f->printed) {
		st = "skip";
	} else {
		st = gk_chk_status(e->v, e->dec, f->v, f->dec);
		gap = e->v - f->v;
	}
	emit_finding(r, tid, check, row, es, fs, st, w, gap);
}

/* A comparison whose sides may be unavailable (table or row missing):
 * nothing when neither is, "skip" when one is missing and the other has a
 * non-zero figure. */
void emit_cross(gk_result *r, const char *tid, const char *check, const char *row, int e_ok,
                const acc *e, int f_ok, const acc *f, const where *w)
{
	if (!e_ok && !f_ok)
		return;
	if (!e_ok || !f_ok) {
		const acc *a = e_ok ? e : f;
		if (!a->nonzero && !a->bad)
			return;
		char s[64];
		acc_str(a, s, sizeof s);
		emit_finding(r, tid, check, row, e_ok ? s : "", f_ok ? s : "", "skip", w, 0);
		return;
	}
	emit_cmp(r, tid, check, row, e, f, w);
}

/* ---- table helpers ------------------------------------------------------ */

const char *cell(const gk_table *t, int i, const char *key)
{
	return gk_table_get(t, i, key);
}

int is_blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ')
			return 0;
	return 1;
}

int printed(const gk_table *t, int i, const char *key)
{
	return !is_blank(cell(t, i, key));
}

int any_printed(const gk_table *t, int i, const char *const *keys)
{
	for (; *keys; keys++)
		if (printed(t, i, *keys))
			return 1;
	return 0;
}

void add_cols(acc *a, const gk_table *t, int i, const char *const *keys)
{
	for (; *keys; keys++)
		acc_add(a, cell(t, i, *keys));
}

int starts_with(const char *s, const char *p)
{
	return !strncmp(s, p, strlen(p));
}

int is_total_label(const char *s)
{
	while (*s == ' ')
		s++;
	if (starts_with(s, "其中"))
		return 0;
	return strstr(s, "合计") || strstr(s, "总计");
}

/* the digits of a code cell, or "" if the cell is not all digits */
void digits_of(const char *s, char *out, size_t n)
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

/* the first table of that id with rows (a table-of-contents line taken
 * for a title may come first, empty) */
const gk_table *present(const gk_result *r, const char *id)
{
	for (int i = 0; i < r->ntable; i++)
		if (!strcmp(r->tables[i]->id, id) && r->tables[i]->nrow > 0)
			return r->tables[i];
	return NULL;
}

/* The 合计 row: its label column says 合计/总计, else (a label put in
 * another column) some cell of the row is exactly 合计 or 总计. */
int find_total(const gk_table *t, const char *label_col)
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

/* ------------------------------------------------------------------------- */

void gk_checks_run(gk_result *r, const gk_doc *doc)
{
	static const char *const res_cols[] = {"amount", NULL};
	static const char *const fis_cols[] = {
		"total", "general_budget", "general_budget_appropriation", "government_fund",
		"state_capital", NULL};
	int ntable = r->ntable; /* the checks add no tables, but be safe */
	int from = r->ncheck;
	doubts_clear();
	doubts_doc(doc);
	ntext *nt = doc ? ntext_new(doc) : NULL;
	if (nt)
		narrative_doubts(r, nt);
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
	systematic_doubts(r, from);
	if (nt) {
		narrative_checks(r, nt, doc);
		wording_checks(r, nt);
		year_checks(r, nt, doc);
		ntext_drop(nt);
	}
	doubts_clear();
}
