/*
 * check_tables.c - the checks within one table: row identities (total =
 * basic + project, basic = its parts, total = Σ sources, …), column sums
 * (合计 = Σ leaves, a unit = Σ its leaves) and code trees (类 = Σ款,
 * 款 = Σ项) of the function, basic, economic and revenue-by-unit tables,
 * and the 三公 and project tables' rows and sums.
 *
 * Entry points: func_table_checks, basic_table_checks, econ_table_checks,
 * rbu_table_checks, three_table_checks, project_table_checks; func_val,
 * proj_kind, THREE_VEHICLE (for the cross-table and narrative checks).
 */
#include "chk.h"

#include <stdlib.h>
#include <string.h>

/* How the checks read a table organised by codes (function, economic,
 * unit tables). */
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
void func_val(acc *a, const gk_table *t, int i, const char *col)
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
                     const char *rowprefix, int parent, const int *rows, int n, const char *expl)
{
	char lab[600];
	/* the total column adds up: a part column that does not has a figure
	 * in another column's place (the rows' own identities hold) */
	int total_ok = 0;
	if (gk_table_col(t, sp->cols[0]) >= 0) {
		acc e = {0}, f = {0};
		sum_rows(&e, sp, t, rows, n, sp->cols[0]);
		sp->val(&f, t, parent, sp->cols[0]);
		total_ok = e.printed && f.printed && !e.bad && !f.bad && e.nonzero &&
		           strcmp(gk_chk_status(e.v, e.dec, f.v, f.dec), "fail");
	}
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
		where w = {W_COL, t, parent, *c, expl, NULL, -1, NULL, 0, NULL, NULL};
		long long gap = e.v > f.v ? e.v - f.v : f.v - e.v, unit = 1;
		for (int d = e.dec < f.dec ? e.dec : f.dec; d < GK_CHK_SCALE; d++)
			unit *= 10;
		if (total_ok && c != sp->cols && gap > 50 * unit)
			w.doubt = "the 合计 column adds up but this one does not: a figure read into another column";
		emit_cmp(r, t->id, check, lab, &e, &f, &w);
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
	int total = find_total(t, sp->label_col), nunit = 0, ncoded = 0, cur = -1, first_check = r->ncheck;
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
		/* the longest code that prefixes it, the nearest above it first: a
		 * table by two classifications prints 301 once per 501, 505 … */
		for (int q = 1; q < n; q++) {
			int j = q < i + 1 ? i - q : q;
			if (j < 0 || j >= n || j == i)
				continue;
			if (code[j][0] && seg[j] == seg[i] && is_prefix(code[j], code[i]) &&
			    (parent[i] < 0 || strlen(code[j]) > strlen(code[parent[i]])))
				parent[i] = j;
		}
		if (parent[i] >= 0)
			nchild[parent[i]]++;
	}
	/* 合计 = Σ leaves (or Σ units, or Σ other rows) */
	if (total >= 0) {
		int m = 0;
		for (int i = 0; i < n; i++)
			if (i != total && (ncoded ? code[i][0] && !nchild[i] : nunit ? unit[i] : 1))
				rows[m++] = i;
		/* leaves that miss the 合计 while the top rows (类), all printed,
		 * make it (or round to it): the error, or the 分 of rounding
		 * gathered level by level, is inside a 类, and its 类=Σ款 reports
		 * it (not the 合计 again) */
		int top = 0;
		if (m && ncoded && !nunit && gk_table_col(t, sp->cols[0]) >= 0) {
			int mr = 0, all = 1;
			int *roots = gk_calloc((size_t)n, sizeof(int));
			for (int i = 0; i < n; i++)
				if (i != total && code[i][0] && parent[i] < 0) {
					all &= printed(t, i, sp->cols[0]);
					roots[mr++] = i;
				}
			/* per column: the leaves fail somewhere, the top rows nowhere */
			int leaves_fail = 0, roots_fail = 0;
			for (const char *const *c = sp->cols; all && mr && mr < m && *c; c++) {
				if (gk_table_col(t, *c) < 0)
					continue;
				acc el = {0}, er = {0}, f = {0};
				sum_rows(&el, sp, t, rows, m, *c);
				sum_rows(&er, sp, t, roots, mr, *c);
				sp->val(&f, t, total, *c);
				if (!f.printed || el.bad || er.bad || f.bad)
					continue;
				leaves_fail |= !strcmp(gk_chk_status(el.v, el.dec, f.v, f.dec), "fail");
				roots_fail |= !strcmp(gk_chk_status(er.v, er.dec, f.v, f.dec), "fail");
			}
			if (leaves_fail && !roots_fail) {
				memcpy(rows, roots, sizeof(int) * (size_t)mr);
				m = mr, top = 1;
			}
			free(roots);
		}
		if (m)
			col_sums(r, t, sp, "col:合计=Σleaves", NULL, total, rows, m,
			         top ? "Σ of the top rows (their 款 are checked against them)" : ncoded ? "Σ of the rows without sub-rows" : nunit ? "Σ of the units" : "Σ of the rows");
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
			col_sums(r, t, sp, "col:单位=Σleaves", lab, u, rows, m, "Σ of the unit's rows without sub-rows");
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
		col_sums(r, t, sp, sp->tree_name((int)strlen(code[p]), clen), code[p], p, rows, m,
		         clen == 5 ? "Σ of its 款 rows" : clen == 7 ? "Σ of its 项 rows" : "Σ of its sub-rows");
	}
	/* rows with figures but no code in a coded table: their codes were
	 * printed apart from them (below the amounts, over a page break) and
	 * not joined, so a 项 may be missing from its 款 — a reading in doubt */
	int uncoded = 0;
	for (int i = 0; ncoded && i < n; i++) {
		if (i == total || unit[i] || code[i][0])
			continue;
		for (const char *const *c = sp->cols; *c; c++)
			if (gk_table_col(t, *c) >= 0 && *gk_table_get(t, i, *c)) {
				uncoded++;
				break;
			}
	}
	for (int k = first_check; uncoded && k < r->ncheck; k++) {
		gk_check *c = &r->checks[k];
		if (strcmp(c->status, "fail") || strncmp(c->check, "tree:", 5))
			continue;
		free(c->status);
		c->status = gk_strdup("unsure");
		char *d = gk_strfmt("%s; unsure: %d row%s of the table %s read without a code, so a sub-row may be "
		                    "missing",
		                    c->detail ? c->detail : "", uncoded, uncoded == 1 ? "" : "s", uncoded == 1 ? "was" : "were");
		free(c->detail);
		c->detail = d;
	}
	free(code);
	free(unit);
	free(seg);
	free(parent);
	free(nchild);
	free(rows);
}

/* "a + b + c": the names of the parts printed in row i (all of them if
 * none is) */
static void parts_expl(const gk_table *t, int i, const char *const *parts, char *out, size_t n)
{
	int any = any_printed(t, i, parts), k = 0;
	out[0] = 0;
	for (; *parts; parts++) {
		if (gk_table_col(t, *parts) < 0 || (any && !printed(t, i, *parts)))
			continue;
		size_t l = strlen(out);
		snprintf(out + l, n - l, "%s%s", k++ ? " + " : "", col_name(*parts));
	}
}

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
	char expl[400];
	parts_expl(t, i, parts, expl, sizeof expl);
	where w = {W_ROW, t, i, whole, expl, NULL, -1, NULL, 0, NULL, NULL};
	emit_cmp(r, t->id, check, lab, &e, &f, &w);
}

void func_table_checks(gk_result *r, const gk_table *t)
{
	char lab[512];
	for (int i = 0; i < t->nrow; i++) {
		func_label(t, i, lab, sizeof lab);
		acc e = {0}, f = {0};
		/* total = basic + project (+ reserve, 单位预留机动经费, where printed) */
		func_val(&e, t, i, "basic_total");
		func_val(&e, t, i, "project_total");
		func_val(&e, t, i, "reserve");
		acc_add(&f, cell(t, i, "total"));
		where w = {W_ROW, t, i, "total", "基本支出 + 项目支出", NULL, -1, NULL, 0, NULL, NULL};
		if (e.printed || e.bad)
			emit_cmp(r, t->id, "row:total=basic+project", lab, &e, &f, &w);
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
		char expl[400];
		parts_expl(t, i, parts, expl, sizeof expl);
		where w = {W_ROW, t, i, "total", expl, NULL, -1, NULL, 0, NULL, NULL};
		emit_cmp(r, t->id, name, lab, &e, &f, &w);
	}
}

void basic_table_checks(gk_result *r, const gk_table *t)
{
	static const char *const parts[] = {"personnel", "public", NULL};
	econ_row_sums(r, t, parts, "row:total=personnel+public");
	spec sp = {BASIC_COLS, "econ_name", econ_code, econ_is_unit, econ_label, plain_val, econ_tree_name};
	coded_checks(r, t, &sp);
}

void econ_table_checks(gk_result *r, const gk_table *t)
{
	econ_row_sums(r, t, ECON_SOURCES, "row:total=Σsources");
	spec sp = {ECON_COLS, "econ_name", econ_code, econ_is_unit, econ_label, plain_val, econ_tree_name};
	coded_checks(r, t, &sp);
}

/* A 收入表 that prints 财政拨款收入 as one column (上海: 合计 | 财政拨款收入 |
 * 事业收入 | 其他收入) keeps it as x_, the contract having no column for
 * the three appropriations together; it is a source all the same.  The
 * key of that column where row i prints it and no appropriation column
 * of its own, else NULL. */
static const char *rbu_fiscal_x(const gk_table *t, int i)
{
	static const char *const approp[] = {"general_budget", "general_budget_appropriation", "government_fund",
	                                     "state_capital", NULL};
	if (any_printed(t, i, approp))
		return NULL;
	for (int j = 0; j < t->cols.n; j++) {
		const char *k = t->cols.v[j];
		size_t n = strlen(k), m = strlen("财政拨款收入");
		if (starts_with(k, "x_") && n >= m + 2 && !strcmp(k + n - m, "财政拨款收入") && printed(t, i, k))
			return k;
	}
	return NULL;
}

void rbu_table_checks(gk_result *r, const gk_table *t)
{
	char lab[512];
	for (int i = 0; i < t->nrow; i++) {
		rbu_label(t, i, lab, sizeof lab);
		int cur = printed(t, i, "current_total");
		const char *fx = rbu_fiscal_x(t, i);
		if (cur || printed(t, i, "carryover_total") || any_printed(t, i, RBU_SOURCES) || fx) {
			acc e = {0}, f = {0};
			if (cur)
				acc_add(&e, cell(t, i, "current_total"));
			else
				add_cols(&e, t, i, RBU_SOURCES);
			if (!cur && fx)
				acc_add(&e, cell(t, i, fx));
			if (printed(t, i, "carryover_total"))
				acc_add(&e, cell(t, i, "carryover_total"));
			else
				add_cols(&e, t, i, RBU_CARRY);
			acc_add(&f, cell(t, i, "total"));
			where w = {W_ROW, t, i, "total", "本年收入 + 上年结转", NULL, -1, NULL, 0, NULL, NULL};
			emit_cmp(r, t->id, "row:total=current+carryover", lab, &e, &f, &w);
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

const char *const THREE_VEHICLE[] = {"vehicle_purchase", "vehicle_operation", NULL};

static void three_vehicle(acc *a, const gk_table *t, int i)
{
	if (printed(t, i, "vehicle_total"))
		acc_add(a, cell(t, i, "vehicle_total"));
	else
		add_cols(a, t, i, THREE_VEHICLE);
}

void three_table_checks(gk_result *r, const gk_table *t)
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
		where w = {W_ROW, t, i, "total", "因公出国（境）费 + 公务用车购置及运行费 + 公务接待费", NULL, -1, NULL, 0, NULL, NULL};
		if (e.printed || e.bad)
			emit_cmp(r, t->id, "row:total=travel+vehicle+reception", lab, &e, &f, &w);
		whole_of_parts(r, t, i, "vehicle_total", THREE_VEHICLE, "row:vehicle=purchase+operation", lab);
	}
	if (total >= 0 && t->nrow > 1) {
		int *rows = gk_calloc((size_t)t->nrow, sizeof(int)), m = 0;
		for (int i = 0; i < t->nrow; i++)
			if (i != total)
				rows[m++] = i;
		spec sp = {THREE_COLS, "unit_name", NULL, NULL, NULL, plain_val, NULL};
		col_sums(r, t, &sp, "col:合计=Σ单位", NULL, total, rows, m, "Σ of the units");
		free(rows);
	}
}

static const char *const PROJ_COLS[] = {
	"total", "general_budget", "government_fund", "state_capital", "carryover_general_budget",
	"carryover_government_fund", "carryover_state_capital", "special_account", "unit_funds", NULL};

int proj_kind(const gk_table *t, int i)
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

void project_table_checks(gk_result *r, const gk_table *t)
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
		where w = {W_ROW, t, i, "total", "Σ of the funding columns", NULL, -1, NULL, 0, NULL, NULL};
		emit_cmp(r, t->id, "row:total=Σfunding", lab, &e, &f, &w);
	}
	int grand_ok = 0, grand_doubt = 0;
	if (total >= 0) {
		int m = 0;
		for (int i = 0; i < n; i++)
			if (kind[i] == PR_PROJECT)
				rows[m++] = i;
		if (m) {
			acc e = {0}, f = {0};
			sum_rows(&e, &sp, t, rows, m, "total");
			sp.val(&f, t, total, "total");
			grand_ok = e.printed && f.printed && !e.bad && !f.bad &&
			           strcmp(gk_chk_status(e.v, e.dec, f.v, f.dec), "fail");
			int k0 = r->ncheck;
			col_sums(r, t, &sp, "col:合计=Σprojects", NULL, total, rows, m, "Σ of the projects");
			for (int k = k0; k < r->ncheck; k++)
				grand_doubt |= !strcmp(r->checks[k].status, "unsure");
		}
	}
	/* a unit = Σ the projects that follow it, when several units; where
	 * the projects add up to the table's 合计 but not to their units,
	 * gongkai filed a project under the wrong unit (which unit a project
	 * belongs to is read from the order of the rows) */
	int first_unit_check = r->ncheck;
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
			         rows, m, "Σ of the unit's projects");
	}
	/* misfiled: a project counted under one unit is missing from another,
	 * so at least two units disagree with their projects */
	int unit_fails = 0;
	for (int k = first_unit_check; k < r->ncheck; k++)
		unit_fails += !strcmp(r->checks[k].status, "fail") && strstr(r->checks[k].row, ":total");
	for (int k = first_unit_check; (grand_doubt || (grand_ok && unit_fails >= 2)) && k < r->ncheck; k++) {
		gk_check *c = &r->checks[k];
		if (strcmp(c->status, "fail"))
			continue;
		free(c->status);
		c->status = gk_strdup("unsure");
		char *d = gk_strfmt(grand_ok ? "%s; unsure: the projects add up to the table's 合计, so a project is filed "
		                               "under the wrong unit rather than misprinted"
		                             : "%s; unsure: the table's 合计 is in doubt too (the table is misread)",
		                    c->detail ? c->detail : "");
		free(c->detail);
		c->detail = d;
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
			col_sums(r, t, &sp, "col:类型=Σprojects", cell(t, p, "project_type"), p, rows, m,
			         "Σ of the projects of the type");
	}
	free(kind);
	free(rows);
}
