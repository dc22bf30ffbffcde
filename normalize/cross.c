/*
 * cross.c - settling a table by the document's other tables: the
 * figures other tables give a total row (cross_collect), used as the
 * solver's tie-break (cross_apply) in a second reading of the tables
 * they can change (reread_with_cross), and columns the layout named
 * wrongly moved (cross_relabel).  Each settled row is a
 * solver:cross-table check.
 *
 * Entry points: reread_with_cross, cross_apply, decsum_add, decsum_str.
 */
#include "nctx.h"

#include <stdlib.h>
#include <string.h>

void decsum_add(decsum *d, const char *s)
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

void decsum_str(const decsum *d, char *out, size_t n)
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

/* the function tables other tables give figures for */
static const char *functabs[] = {"expenditure_by_function", "general_budget_expenditure", NULL};

/* The 基本支出表's 301/302/303/309+310 rows give the function tables'
 * basic columns; its 30231 row the 三公 vehicle running costs. */
static void from_basic(nctx *c, const gk_table *b)
{
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

/* The 项目支出表's project types give the function tables'
 * 其他运转类/特定目标类 columns. */
static void from_projects(nctx *c, const gk_table *p)
{
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

/* An income the 部门收支总表 shows nothing for is no table's source; with
 * one source of income only, every table's total comes from it. */
static void from_summary(nctx *c, const gk_result *r, const gk_table *sm)
{
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

/* A fund with nothing on the expenditure side of 财政拨款收支总表 is no
 * table's source; nothing carried over from last year, no carry-over
 * anywhere. */
static void from_fiscal(nctx *c, const gk_table *f)
{
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

/* Collect the figures from the tables of a first reading. */
static void cross_collect(nctx *c, const gk_result *r)
{
	const gk_table *b = gk_result_find(r, "general_budget_basic_expenditure");
	if (b && b->nrow)
		from_basic(c, b);
	const gk_table *p = gk_result_find(r, "project_expenditure");
	if (p && p->nrow)
		from_projects(c, p);
	const gk_table *sm = gk_result_find(r, "revenue_expenditure_summary");
	if (sm && sm->nrow)
		from_summary(c, r, sm);
	const gk_table *f = gk_result_find(r, "fiscal_appropriation_summary");
	if (f && f->nrow)
		from_fiscal(c, f);
}

void cross_apply(const nctx *c, const char *table_id, solver_family *sf)
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

/* The tables worth a second reading: others give figures for them, and
 * a placement was left open or their total row disagrees with those
 * figures (a tie the total row and its leaves could only leave
 * together). */
static void tables_to_reread(const nctx *c, const gk_result *r1, gk_strv *redo)
{
	for (int q = 0; q + 3 < c->cross.n; q += 4) {
		const char *id = c->cross.v[q];
		int have = 0;
		for (int i = 0; i < redo->n && !have; i++)
			have = !strcmp(redo->v[i], id);
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
			gk_strv_pushs(redo, id);
	}
}

/* The tables read again replace their first reading, in place; so do
 * their parse-time checks. */
static void merge_reading(gk_result *r1, gk_result *r2)
{
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
			free(k->expected), free(k->found), free(k->status), free(k->detail);
		} else {
			r1->checks[n++] = *k;
		}
	}
	r1->ncheck = n;
	for (int j = 0; j < r2->ncheck; j++) {
		gk_check *k = &r2->checks[j];
		gk_result_add_finding(r1, k->table_id, k->check, k->row, k->expected, k->found, k->status, k->page,
		                      k->detail);
	}
}

/* A second reading when the first left placements open that the other
 * tables of the document settle: each settled row is noted in checks.csv. */
void reread_with_cross(nctx *c, const tspan *sp, int nsp)
{
	gk_result *r1 = c->r;
	cross_collect(c, r1);
	if (!c->cross.n)
		return;
	gk_strv redo = {0};
	tables_to_reread(c, r1, &redo);
	if (!redo.n) {
		gk_strv_drop(&redo);
		return;
	}
	gk_result *r2 = c->r = gk_result_new();
	memset(c->ctx_class, 0, sizeof c->ctx_class);
	memset(c->ctx_item, 0, sizeof c->ctx_item);
	c->hx_kuan = c->hx_xiang = 0;
	c->ox_kuan = c->ox_kw = 0;
	c->hx_unit = c->hx_note = 0, c->ctx_unit[0] = 0, c->ctx_full = 0;
	c->sum_table = NULL, c->sum_nbx = 0;
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
	merge_reading(r1, r2);
	gk_result_drop(r2);
	gk_strv_drop(&redo);
	c->r = r1;
	cross_relabel(c);
}
