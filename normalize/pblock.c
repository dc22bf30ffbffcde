/*
 * pblock.c - performance tables of a PDF as blocks: a project's block is
 * its title (绩效目标表 with the project's name, or a generic one), its
 * head (项目名称, 主管部门, 实施单位, 资金总额, 财政拨款, 其他资金, 年度目标:
 * perf-key rules, each label with the value printed right of it, a value
 * wrapped over lines centred on its label) and its indicator grid (pgrid.c),
 * perhaps continued on the next pages.  Several blocks may share one table
 * span (titles printed over two lines, or in words no title rule knows):
 * a new head after a grid starts a new block.  Projects printed as rows of
 * one grid (their name, amounts and goal in merged cells beside their
 * indicators) are read from the grid's merged columns.  The department's
 * table is one block: its head (部门名称, 总体目标) and its grid.
 *
 * Written: the contract's columns, then x_level2 (二级指标), x_goal,
 * x_department, x_unit (实施单位), x_unit_code, x_other_funds, the target
 * split into x_target_op/value/unit, and every other grid column as
 * x_<role or header words>.
 *
 * Entry points: pperf_blocks, dperf_grid (pgrid.h callers in perf.c,
 * pperf.c).
 */
#include "pgrid.h"

#include <stdlib.h>
#include <string.h>

/* ---- the head: keys and values ---- */

/* A cell of a head. */
typedef struct hcell {
	double x0, x1, y0, y1, yc;
	char *text;       /* as printed */
	const char *key;  /* perf-key it names, NULL */
	char *inval;      /* a value printed in the label's own cell (部门名称：X) */
	int owner;        /* the key cell whose value it is, -1 */
	int used;         /* joined to the label above it */
} hcell;

/* The project (or department) a block describes. */
typedef struct phead {
	char *title;
	char *name, *dept, *unit, *goal, *unit_code, *overview;
	char total[48], gov[48], special[48], ufunds[48], other[48];
} phead;

static void phead_free(phead *h)
{
	free(h->title), free(h->name), free(h->dept), free(h->unit), free(h->goal), free(h->unit_code), free(h->overview);
	memset(h, 0, sizeof *h);
}

/* The perf-key a label names ("资金总额：", "其中：财政拨款"); *val: the
 * value printed after a colon in the same cell (caller frees), or NULL. */
static const char *key_of(const nctx *c, const char *text, char **val)
{
	*val = NULL;
	char *cp = compact_of(text);
	size_t n = strlen(cp);
	while (n && (cp[n - 1] == ':' || (n >= 3 && !strcmp(cp + n - 3, "："))))
		n -= cp[n - 1] == ':' ? 1 : 3, cp[n] = 0;
	const gk_rule *r = gk_rules_first(c->rules, "perf-key", cp);
	if (!r) { /* 部门名称：泉州市公安局 */
		char *colon = strstr(cp, "：");
		size_t cl = 3;
		if (!colon || (strchr(cp, ':') && strchr(cp, ':') < colon))
			colon = strchr(cp, ':'), cl = 1;
		if (colon && colon > cp) {
			*colon = 0;
			r = gk_rules_first(c->rules, "perf-key", cp);
			if (r && colon[cl])
				*val = gk_strdup(colon + cl);
		}
	}
	free(cp);
	return r ? r->name : NULL;
}

static int is_amount_key(const char *k)
{
	return !strcmp(k, "total") || !strcmp(k, "government") || !strcmp(k, "special_account") ||
	       !strcmp(k, "unit_funds") || !strcmp(k, "other_funds");
}

/* An amount as printed ("57.00", "1,620.98"), canonical in out. */
static int amount_of(const char *s, char out[48])
{
	char *fw = gk_fold_width(s);
	char *cp = compact_of(fw);
	int ok = gk_amount_parse(cp, out, 48);
	free(cp);
	free(fw);
	return ok;
}

static double mean_height(const hcell *hc, int n)
{
	double s = 0;
	for (int k = 0; k < n; k++)
		s += hc[k].y1 - hc[k].y0;
	return n ? s / n : 10;
}

/* Read the head lines [b, e) into h: each label's value is the text right
 * of it (up to the next label of its row) centred on its row; amounts
 * take the first amount so placed; the goal takes the rest of the text
 * below the other labels. */
static void read_head_keys(const nctx *c, int b, int e, phead *h)
{
	hcell *hc = NULL;
	int n = 0, cap = 0;
	for (int i = b; i < e; i++) {
		const gk_line *l = c->x[i].l;
		if (c->x[i].skip || l->geom != GK_GEOM_POS)
			continue;
		for (int j = 0; j < l->ncell; j++) {
			char *cp = compact_of(l->cell[j].text);
			int empty = !*cp;
			free(cp);
			if (empty)
				continue;
			if (n == cap) {
				cap = cap ? 2 * cap : 32;
				hc = gk_realloc(hc, sizeof *hc * (size_t)cap);
			}
			hcell *x = &hc[n++];
			memset(x, 0, sizeof *x);
			x->x0 = l->cell[j].x0, x->x1 = l->cell[j].x1;
			x->y0 = gk_cell_y0(l, &l->cell[j]), x->y1 = gk_cell_y1(l, &l->cell[j]);
			x->yc = (x->y0 + x->y1) / 2;
			x->text = gk_strdup(l->cell[j].text);
			x->owner = -1;
			x->key = key_of(c, x->text, &x->inval);
		}
	}
	double lh = mean_height(hc, n);
	/* a label wrapped over two lines (项目实施期 / 目标) */
	for (int k = 0; k < n; k++) {
		if (hc[k].key || hc[k].used)
			continue;
		for (int q = 0; q < n; q++) {
			if (q == k || hc[q].key || hc[q].used || hc[q].y0 <= hc[k].y0 || hc[q].y0 - hc[k].y1 > 0.8 * lh ||
			    hc[q].x1 < hc[k].x0 || hc[q].x0 > hc[k].x1)
				continue;
			char *joined = gk_strfmt("%s%s", hc[k].text, hc[q].text), *v;
			const char *key = key_of(c, joined, &v);
			free(v);
			if (key) {
				free(hc[k].text);
				hc[k].text = joined;
				hc[k].key = key;
				hc[k].y1 = hc[q].y1;
				hc[k].yc = (hc[k].y0 + hc[k].y1) / 2;
				hc[q].used = 1;
			} else {
				free(joined);
			}
			break;
		}
	}
	/* each other cell to the label left of it on its row: the label whose
	 * centre is nearest and within reach */
	for (int q = 0; q < n; q++) {
		if (hc[q].key || hc[q].used)
			continue;
		char *cp = compact_of(hc[q].text);
		int furn = rule_any(c, "unit", cp) || rule_any(c, "skip", cp);
		free(cp);
		if (furn)
			continue;
		int best = -1;
		double bd = 1e18;
		for (int k = 0; k < n; k++) {
			if (!hc[k].key || hc[k].x1 > hc[q].x0 + 2)
				continue;
			double dy = hc[q].yc - hc[k].yc;
			if (dy < 0)
				dy = -dy;
			/* a label between them on the row takes it */
			int between = 0;
			for (int m = 0; m < n && !between; m++)
				between = m != k && hc[m].key && hc[m].x0 > hc[k].x1 - 1 && hc[m].x1 <= hc[q].x0 + 2 &&
				          hc[m].yc - hc[q].yc < 0.6 * lh && hc[q].yc - hc[m].yc < 0.6 * lh;
			if (between)
				continue;
			double d = dy + 0.001 * (hc[q].x0 - hc[k].x1);
			/* an amount is on its label's line; text is centred on its
			 * label, over as many lines as it takes */
			double reach = is_amount_key(hc[k].key) ? 0.6 : !strcmp(hc[k].key, "goal") ? 2.5 : 1.6;
			if (hc[k].inval && strcmp(hc[k].key, "goal"))
				reach = 0; /* 部门名称：X holds its value */
			if (dy < reach * lh && d < bd)
				bd = d, best = k;
		}
		hc[q].owner = best;
	}
	/* the goal: its own text, and what no label took below the labels */
	int goal = -1;
	double last_key = -1e18;
	for (int k = 0; k < n; k++)
		if (hc[k].key) {
			if (!strcmp(hc[k].key, "goal"))
				goal = k;
			else if (hc[k].yc > last_key)
				last_key = hc[k].yc;
		}
	if (goal >= 0)
		for (int q = 0; q < n; q++)
			if (!hc[q].key && !hc[q].used && hc[q].owner < 0 && hc[q].yc > last_key + 0.6 * lh &&
			    hc[q].x0 > hc[goal].x0)
				hc[q].owner = goal;
	for (int k = 0; k < n; k++) {
		if (!hc[k].key)
			continue;
		const char *key = hc[k].key;
		gk_buf v = {0};
		if (hc[k].inval)
			gk_buf_adds(&v, hc[k].inval);
		/* its cells in reading order (they were read line by line) */
		for (int q = 0; q < n; q++)
			if (hc[q].owner == k) {
				if (is_amount_key(key)) {
					char a[48];
					if (!v.len && amount_of(hc[q].text, a))
						gk_buf_adds(&v, a);
					continue;
				}
				gk_buf_adds(&v, hc[q].text);
				gk_buf_addc(&v, ' ');
			}
		char *val = gk_label_clean(v.s ? v.s : "");
		gk_buf_drop(&v);
		char *tv = pg_tight(val);
		free(val);
		char **dst = !strcmp(key, "project_name") ? &h->name
		             : !strcmp(key, "department") ? &h->dept
		             : !strcmp(key, "unit")       ? &h->unit
		             : !strcmp(key, "goal")       ? &h->goal
		             : !strcmp(key, "unit_code")  ? &h->unit_code
		             : !strcmp(key, "overview")   ? &h->overview
		                                          : NULL;
		char *amt = !strcmp(key, "total")             ? h->total
		            : !strcmp(key, "government")      ? h->gov
		            : !strcmp(key, "special_account") ? h->special
		            : !strcmp(key, "unit_funds")      ? h->ufunds
		            : !strcmp(key, "other_funds")     ? h->other
		                                              : NULL;
		if (dst && *tv && !*dst)
			*dst = gk_strdup(tv);
		else if (amt && *tv && !*amt)
			snprintf(amt, 48, "%s", tv);
		free(tv);
	}
	for (int k = 0; k < n; k++)
		free(hc[k].text), free(hc[k].inval);
	free(hc);
}

/* ---- titles ---- */

/* The project's name from its block title: "301007_泉州市公安局晋江国际机场
 * 分局_机场公安综合修缮改造项目绩效目标表" -> "机场公安综合修缮改造项目" (the
 * unit's code and name before it into *ucode, *uname); NULL when the
 * title names no project (项目支出绩效目标表, 政策和项目预算绩效目标表). */
static char *name_of_title(const char *title, char **ucode, char **uname)
{
	*ucode = *uname = NULL;
	char *t = pg_tight(title);
	char *end = strstr(t, "绩效目标");
	if (end)
		*end = 0;
	char *p = t;
	size_t dl = strspn(p, "0123456789");
	if (dl >= 3 && p[dl] == '_') {
		char *second = strchr(p + dl + 1, '_');
		if (second) {
			*ucode = gk_strndup(p, dl);
			*uname = gk_strndup(p + dl + 1, (size_t)(second - p - dl - 1));
			p = second + 1;
		}
	}
	/* a generic title: 项目支出, 政策和项目预算, 部门专项业务经费, 单位预算项目 */
	static const char *const generic[] = {"项目", "项目支出", "政策和项目预算", "部门专项业务经费", "专项资金整体支出",
	                                      "单位预算项目", "部门预算项目", "项目预算", "专项资金", "一般性项目", NULL};
	int gen = !*p || strstr(p, "表") != NULL;
	for (int k = 0; generic[k] && !gen; k++)
		gen = !strcmp(p, generic[k]);
	if (!gen && (!strncmp(p, "市级", 6) || !strncmp(p, "区级", 6) || !strncmp(p, "部门", 6)))
		gen = strlen(p) <= 24;
	char *r = gen ? NULL : gk_strdup(p);
	free(t);
	return r;
}

/* ---- indicators printed as one text ---- */

/* One indicator of a cell that prints them all as one text: "1、1－产出
 * 指标，11－数量指标，项目专职环保员数量；实施周期指标值：≦核定人数，年度
 * 指标值：≦核定人数；2、…" (a project's row of 广州's 项目支出绩效目标表). */
typedef struct bitem {
	char *cat, *lv2, *ind, *target, *period;
} bitem;

/* bytes of a dash at p (- － – —), 0 if none */
static int dash_at(const char *p)
{
	if (*p == '-')
		return 1;
	if (!strncmp(p, "－", 3) || !strncmp(p, "–", 3) || !strncmp(p, "—", 3))
		return 3;
	return 0;
}

/* bytes of a separator at p (，；, ; 。), 0 if none */
static int sep_at(const char *p)
{
	if (*p == ',' || *p == ';')
		return 1;
	if (!strncmp(p, "，", 3) || !strncmp(p, "；", 3) || !strncmp(p, "。", 3))
		return 3;
	return 0;
}

/* An item's start at s[i] (its number and its 一级指标's code: "3、1－",
 * "1.1－", followed by a 一级 name: the perf-item "start" rule), not inside
 * another number: its length up to the 一级 name, 0 if none. */
static size_t item_start(const gk_rule *start, const char *s, size_t i, size_t n)
{
	if (!start || s[i] < '0' || s[i] > '9' || (i && s[i - 1] >= '0' && s[i - 1] <= '9'))
		return 0;
	size_t ov[2];
	return gk_rule_match(start, s + i, n - i, ov) ? ov[1] : 0;
}

/* s[a, b) trimmed of separators and colons at both ends (caller frees) */
static char *piece(const char *s, size_t a, size_t b)
{
	for (;;) {
		int n = a < b ? sep_at(s + a) : 0;
		if (!n && a < b && (s[a] == ':' || !strncmp(s + a, "：", 3)))
			n = s[a] == ':' ? 1 : 3;
		if (!n)
			break;
		a += (size_t)n;
	}
	while (b > a) {
		if (s[b - 1] == ',' || s[b - 1] == ';' || s[b - 1] == ':' || s[b - 1] == '.')
			b--;
		else if (b - a >= 3 && (sep_at(s + b - 3) || !strncmp(s + b - 3, "：", 3)))
			b -= 3;
		else
			break;
	}
	return gk_strndup(s + a, b > a ? b - a : 0);
}

/* The items of such a text (tight: no spaces); how many, in *out. */
static int parse_items(const nctx *c, const char *s, bitem **out)
{
	*out = NULL;
	int nr;
	const gk_rule *const *rs = gk_rules_of(c->rules, "perf-item", &nr), *start = NULL;
	for (int k = 0; k < nr && !start; k++)
		if (!strcmp(rs[k]->name, "start"))
			start = rs[k];
	size_t n = strlen(s);
	size_t *st = gk_malloc(sizeof(size_t) * (n + 1)), *sl = gk_malloc(sizeof(size_t) * (n + 1));
	int ns = 0;
	for (size_t i = 0; i < n; i++) {
		size_t len = item_start(start, s, i, n);
		if (len)
			st[ns] = i, sl[ns++] = len;
	}
	bitem *it = gk_calloc((size_t)(ns ? ns : 1), sizeof *it);
	int ni = 0;
	for (int k = 0; k < ns; k++) {
		size_t a = st[k] + sl[k], b = k + 1 < ns ? st[k + 1] : n;
		/* category up to a separator, then NN－ and the second level */
		size_t p = a;
		while (p < b && !sep_at(s + p))
			p++;
		char *cat = piece(s, a, p);
		size_t q = p + (p < b ? (size_t)sep_at(s + p) : 0);
		while (q < b && s[q] >= '0' && s[q] <= '9')
			q++;
		q += dash_at(s + q);
		size_t r = q;
		while (r < b && !sep_at(s + r))
			r++;
		char *lv2 = piece(s, q, r);
		const char *per = strstr(s + r, "实施周期指标值"), *yr = strstr(s + r, "年度指标值");
		if (per && (size_t)(per - s) >= b)
			per = NULL;
		if (yr && (size_t)(yr - s) >= b)
			yr = NULL;
		size_t ie = per ? (size_t)(per - s) : yr ? (size_t)(yr - s) : b;
		char *ind = piece(s, r, ie);
		char *target = NULL, *period = NULL;
		if (per) {
			/* up to 年度指标值 (a value may hold commas: 考察是否符合规范，
			 * 合规得满分，…。年度指标值：是), else to a separator */
			size_t v = (size_t)(per - s) + strlen("实施周期指标值"), w = v;
			if (yr && yr > per)
				w = (size_t)(yr - s);
			else
				while (w < b && (w == v || !sep_at(s + w)))
					w++;
			period = piece(s, v, w);
		}
		if (yr)
			target = piece(s, (size_t)(yr - s) + strlen("年度指标值"), b);
		else
			target = gk_strdup(period ? period : "");
		if (!*ind && !*target) {
			free(cat), free(lv2), free(ind), free(target), free(period);
			continue;
		}
		it[ni++] = (bitem){cat, lv2, ind, target, period};
	}
	free(st), free(sl);
	*out = it;
	return ni;
}

/* ---- writing rows ---- */

/* A project's code printed before its name ("11000021T000000117273-部门
 * 预算绩效管理工作经费"): its length in name, 0 if none.  A code is ten or
 * more letters and digits, most of them digits, then - or _. */
static size_t code_prefix(const char *name)
{
	size_t n = 0, d = 0;
	while ((name[n] >= '0' && name[n] <= '9') || (name[n] >= 'A' && name[n] <= 'Z') || (name[n] >= 'a' && name[n] <= 'z'))
		d += name[n] >= '0' && name[n] <= '9', n++;
	if (n < 10 || d < 8 || d * 4 < n * 3)
		return 0;
	if (name[n] == '-' || name[n] == '_')
		return name[n + 1] ? n : 0;
	return 0;
}

static void set_x(gk_table *t, int row, const char *key, const char *val)
{
	if (!val || !*val)
		return;
	int col = gk_table_col(t, key);
	if (col < 0)
		col = gk_table_add_col(t, key);
	gk_table_set(t, row, col, val);
}

static int is_comparison(const char *s)
{
	static const char *const ops[] = {"≥", "≤", "＞", "＜", "≧", "≦", "＝", ">", "<", "=", NULL};
	for (int k = 0; ops[k]; k++)
		if (!strcmp(s, ops[k]) || !strcmp(s, "大于等于") || !strcmp(s, "小于等于"))
			return 1;
	return 0;
}

/* The x_ key of a grid column without a contract column. */
static char *xkey_of(const pg_col *col)
{
	if (col->role && !strncmp(col->role, "x_", 2))
		return gk_strdup(col->role);
	if (col->role)
		return gk_strfmt("x_%s", col->role);
	return gk_strfmt("x_%s", col->words);
}

/* A grid row's target: as printed, or built from the comparison, value
 * and unit columns (≥ | 68 | % -> ≥68%), and its parts (caller frees
 * the four). */
static void row_target(const pg_cols *pc, const pg_row *w, char **target, char **op, char **val, char **unit)
{
	int ct = pc->anchor >= 0 && pc->c[pc->anchor].role && !strcmp(pc->c[pc->anchor].role, "target") ? pc->anchor : -1;
	int co = pg_col_of(pc, "op"), cu = pg_col_of(pc, "unit");
	char *v = pg_tight(ct >= 0 ? w->cell[ct] : "");
	if (co < 0 && cu < 0) {
		*target = v;
		pg_split_target(v, op, val, unit);
		return;
	}
	char *o = pg_tight(co >= 0 ? w->cell[co] : "");
	char *u = pg_tight(cu >= 0 ? w->cell[cu] : "");
	char *po = NULL, *pv = NULL, *pu = NULL;
	int num = *v && pg_split_target(v, &po, &pv, &pu) && !*po && !*pu;
	free(po), free(pv), free(pu);
	int cmp = is_comparison(o);
	*target = gk_strfmt("%s%s%s", cmp ? o : "", v, num || cmp ? u : "");
	*op = gk_strdup(cmp ? o : "");
	*val = v;
	*unit = u;
	free(o);
}

/* Fill down column key over rows [first, nrow) (leading blanks take the
 * first value below). */
static void fill_col(gk_table *t, int first, const char *key)
{
	int ci = gk_table_col(t, key);
	if (ci >= 0)
		fill_down(t, first, ci);
}

/* One indicator to write: from a grid row's cells, or an item of a cell
 * printing them all. */
typedef struct pentry {
	char *cat, *lv2, *ind, *target, *op, *val, *unit, *period;
} pentry;

static void pentry_free(pentry *e)
{
	free(e->cat), free(e->lv2), free(e->ind), free(e->target), free(e->op), free(e->val), free(e->unit),
	    free(e->period);
}

/* The indicators of grid row w: one, from its cells; or the items of its
 * indicators text (a row with none is a total or unit row: 0). */
static int row_entries(const nctx *c, const pg_cols *pc, const pg_row *w, pentry **out)
{
	int cl1 = pg_col_of(pc, "level1"), cl2 = pg_col_of(pc, "level2"), ci = pg_col_of(pc, "indicator"),
	    cb = pg_col_of(pc, "indicators");
	*out = NULL;
	if (ci < 0 && cb >= 0) {
		char *tight = pg_tight(w->cell[cb]);
		bitem *it;
		int n = parse_items(c, tight, &it);
		free(tight);
		pentry *e = gk_calloc((size_t)(n ? n : 1), sizeof *e);
		for (int k = 0; k < n; k++) {
			e[k] = (pentry){it[k].cat, it[k].lv2, it[k].ind, it[k].target, NULL, NULL, NULL, it[k].period};
			pg_split_target(e[k].target, &e[k].op, &e[k].val, &e[k].unit);
		}
		free(it);
		if (!n && *w->cell[cb]) { /* a text not in items: kept whole */
			e->ind = pg_tight(w->cell[cb]);
			e->target = gk_strdup("");
			n = 1;
		}
		*out = e;
		return n;
	}
	pentry *e = gk_calloc(1, sizeof *e);
	e->ind = pg_tight(ci >= 0 ? w->cell[ci] : "");
	row_target(pc, w, &e->target, &e->op, &e->val, &e->unit);
	if (!*e->ind && !*e->target) {
		pentry_free(e);
		free(e);
		return 0;
	}
	e->cat = pg_tight(cl1 >= 0 ? w->cell[cl1] : "");
	e->lv2 = pg_tight(cl2 >= 0 ? w->cell[cl2] : "");
	*out = e;
	return 1;
}

/* The grid's rows as project_performance rows of the block's project (or
 * of the projects the grid's merged columns name). */
static void write_project_rows(const nctx *nc, gk_table *t, const phead *h, const char *ucode, const char *uname,
                               const pg_cols *pc, const pgrid *g)
{
	int first = t->nrow;
	int cname = pg_col_of(pc, "project_name"), ccode = pg_col_of(pc, "project_code"),
	    ctot = pg_col_of(pc, "total"), cgov = pg_col_of(pc, "government"), cgoal = pg_col_of(pc, "goal"),
	    cdept = pg_col_of(pc, "department"), cucode = pg_col_of(pc, "unit_code"),
	    cspec = pg_col_of(pc, "special_account");
	int handled[PG_MAXCOL] = {0};
	const int used[] = {pg_col_of(pc, "level1"), pg_col_of(pc, "level2"), pg_col_of(pc, "indicator"),
	                    pg_col_of(pc, "indicators"), cname, ccode, ctot, cgov, cgoal, cdept, cucode, cspec,
	                    pc->anchor, pg_col_of(pc, "op"), pg_col_of(pc, "unit")};
	/* 其他资金 printed beside 财政拨款 and 财政专户拨款: the rest of the
	 * project's money, the unit's own funds (单位资金); printed without a
	 * 财政专户 column it may hold that too, and stays x_other_funds */
	int cother = cspec >= 0 && cgov >= 0 ? pg_col_of(pc, "x_other_funds") : -1;
	for (size_t k = 0; k < sizeof used / sizeof used[0]; k++)
		if (used[k] >= 0)
			handled[used[k]] = 1;
	if (cother >= 0)
		handled[cother] = 1;
	/* a row naming a unit (资金使用单位) above its projects; a grid that
	 * prints its indicators as one text continues the unit of the rows
	 * before it (the table's earlier pages) */
	char *unit_row = NULL;
	int cux = gk_table_col(t, "x_unit");
	if (pg_col_of(pc, "indicators") >= 0 && cux >= 0 && first > 0 && *t->rows[first - 1][cux])
		unit_row = gk_strdup(t->rows[first - 1][cux]);
	char a[48];
	for (int q = 0; q < g->nrow; q++) {
		const pg_row *w = &g->row[q];
		pentry *es;
		int ne = row_entries(nc, pc, w, &es);
		if (!ne) {
			/* a total or a unit's row: a name and amounts, no goal, no
			 * indicators; kept as printed (its name in project_name), the
			 * unit named on its projects' rows */
			int cb = pg_col_of(pc, "indicators");
			if (cname >= 0 && *w->cell[cname] && cb >= 0 && !*w->cell[cb]) {
				char *v = pg_tight(w->cell[cname]);
				size_t vn = strlen(v);
				while (vn && (v[vn - 1] == ':' || (vn >= 3 && !strcmp(v + vn - 3, "："))))
					vn -= v[vn - 1] == ':' ? 1 : 3, v[vn] = 0;
				gk_table_add_row(t);
				int r = t->nrow - 1;
				rows_source(nc, t, r, w->line, w->line);
				gk_table_set(t, r, gk_table_col(t, "project_name"), v);
				const int mc[4] = {ctot, cgov, cspec, cother};
				const char *mk[4] = {"total", "government", "special_account", "unit_funds"};
				for (int m = 0; m < 4; m++)
					if (mc[m] >= 0 && amount_of(w->cell[mc[m]], a))
						gk_table_set(t, r, gk_table_col(t, mk[m]), a);
				for (int c = 0; c < pc->n; c++)
					if (!handled[c] && *w->cell[c]) {
						char *xk = xkey_of(&pc->c[c]);
						set_x(t, r, xk, w->cell[c]);
						free(xk);
					}
				if (strcmp(v, "合计") && strcmp(v, "总计")) {
					set_x(t, r, "x_unit", v);
					free(unit_row);
					unit_row = v;
				} else {
					free(v);
				}
			}
			free(es);
			continue;
		}
		char *pname = pg_tight(cname >= 0 && *w->cell[cname] ? w->cell[cname] : h->name ? h->name : "");
		size_t cp = code_prefix(pname);
		for (int k = 0; k < ne; k++) {
			pentry *e = &es[k];
			gk_table_add_row(t);
			int r = t->nrow - 1;
			rows_source(nc, t, r, w->line, w->line);
			gk_table_set(t, r, gk_table_col(t, "indicator"), e->ind);
			gk_table_set(t, r, gk_table_col(t, "target"), e->target);
			gk_table_set(t, r, gk_table_col(t, "category"), e->cat ? e->cat : "");
			if (ccode >= 0)
				gk_table_set(t, r, gk_table_col(t, "project_code"), w->cell[ccode]);
			if (cp) {
				char *code = gk_strndup(pname, cp);
				gk_table_set(t, r, gk_table_col(t, "project_code"), code);
				free(code);
			}
			gk_table_set(t, r, gk_table_col(t, "project_name"), pname + (cp ? cp + 1 : 0));
			if (ctot >= 0 && amount_of(w->cell[ctot], a))
				gk_table_set(t, r, gk_table_col(t, "total"), a);
			else if (*h->total)
				gk_table_set(t, r, gk_table_col(t, "total"), h->total);
			if (cgov >= 0 && amount_of(w->cell[cgov], a))
				gk_table_set(t, r, gk_table_col(t, "government"), a);
			else if (*h->gov)
				gk_table_set(t, r, gk_table_col(t, "government"), h->gov);
			if (cspec >= 0 && amount_of(w->cell[cspec], a))
				gk_table_set(t, r, gk_table_col(t, "special_account"), a);
			else if (*h->special)
				gk_table_set(t, r, gk_table_col(t, "special_account"), h->special);
			if (cother >= 0 && amount_of(w->cell[cother], a))
				gk_table_set(t, r, gk_table_col(t, "unit_funds"), a);
			else if (*h->ufunds)
				gk_table_set(t, r, gk_table_col(t, "unit_funds"), h->ufunds);
			set_x(t, r, "x_level2", e->lv2);
			set_x(t, r, "x_other_funds", h->other);
			set_x(t, r, "x_department", cdept >= 0 && *w->cell[cdept] ? w->cell[cdept] : h->dept);
			set_x(t, r, "x_unit", h->unit ? h->unit : unit_row ? unit_row : uname);
			set_x(t, r, "x_unit_code", cucode >= 0 && *w->cell[cucode] ? w->cell[cucode] : h->unit_code ? h->unit_code : ucode);
			set_x(t, r, "x_goal", cgoal >= 0 && *w->cell[cgoal] ? w->cell[cgoal] : h->goal);
			set_x(t, r, "x_overview", h->overview);
			set_x(t, r, "x_target_op", e->op);
			set_x(t, r, "x_target_value", e->val);
			set_x(t, r, "x_target_unit", e->unit);
			set_x(t, r, "x_target_period", e->period);
			for (int c = 0; c < pc->n; c++)
				if (!handled[c] && *w->cell[c]) {
					char *xk = xkey_of(&pc->c[c]);
					set_x(t, r, xk, w->cell[c]);
					free(xk);
				}
			pentry_free(e);
		}
		free(es);
		free(pname);
	}
	free(unit_row);
	/* merged cells printed once for their rows (items of a text carry
	 * their own, and a total or unit row has none) */
	if (pg_col_of(pc, "indicators") < 0) {
		fill_col(t, first, "category");
		fill_col(t, first, "x_level2");
	}
	if (cname >= 0) {
		fill_col(t, first, "project_name");
		/* a project's amounts and goal stay with its name */
		const char *const per[] = {"total", "government", "x_goal", "x_department", "x_unit_code", NULL};
		int cn = gk_table_col(t, "project_name");
		for (int k = 0; per[k]; k++) {
			int cc = gk_table_col(t, per[k]);
			if (cc < 0)
				continue;
			for (int r = first + 1; r < t->nrow; r++)
				if (!*t->rows[r][cc] && !strcmp(t->rows[r][cn], t->rows[r - 1][cn]))
					gk_table_set(t, r, cc, t->rows[r - 1][cc]);
			for (int r = t->nrow - 2; r >= first; r--)
				if (!*t->rows[r][cc] && !strcmp(t->rows[r][cn], t->rows[r + 1][cn]))
					gk_table_set(t, r, cc, t->rows[r + 1][cc]);
		}
	}
}

/* ---- blocks ---- */

static double line_size(const gk_line *l)
{
	return l->size > 0 ? l->size : l->y1 - l->y0;
}

/* Is line i a page number or running furniture the table does not hold? */
static int furniture(const nctx *c, int i)
{
	const xline *x = &c->x[i];
	if (x->skip || !x->l->ncell)
		return 1;
	if (rule_any(c, "unit", x->compact) || rule_any(c, "dept", x->compact))
		return 1;
	/* a lone number, the last line of its page: a page number */
	if (x->l->ncell == 1 && is_digits(x->compact, 1, 4)) {
		int last = i + 1 >= c->n || c->x[i + 1].l->page != x->l->page;
		if (last)
			return 1;
	}
	return 0;
}

/* Does line i end the table (a note, a heading of the text after it)? */
static int table_end(const nctx *c, int i, double left)
{
	const xline *x = &c->x[i];
	if (rule_any(c, "table-end", x->compact))
		return 1;
	const char *t = x->l->ncell ? x->l->cell[0].text : "";
	char *cp = compact_of(t);
	int heading = x->l->cell[0].x0 < left - 4 &&
	              (is_ordinal_label(cp) || (strlen(cp) > 2 && cp[0] >= '0' && cp[0] <= '9' &&
	                                        (cp[1] == '.' || !strncmp(cp + 1, "．", 3) || !strncmp(cp + 1, "、", 3))));
	free(cp);
	return heading;
}

/* Does line i start a project's head (its name or amount label)? */
static int head_start(const nctx *c, int i)
{
	const gk_line *l = c->x[i].l;
	for (int j = 0; j < l->ncell; j++) {
		char *v;
		const char *k = key_of(c, l->cell[j].text, &v);
		free(v);
		if (k && (!strcmp(k, "project_name") || !strcmp(k, "total")))
			return 1;
	}
	return 0;
}

/* a line's text, spaces removed (not width-folded: as printed) */
static void add_tight(gk_buf *b, const gk_line *l)
{
	char *t = gk_line_text(l), *u = pg_tight(t);
	gk_buf_adds(b, u);
	free(t), free(u);
}

/* The lines of a block's title: the span's title (and the line above it
 * when the title was printed over two lines), or the larger print before
 * the head. */
static char *block_title(const nctx *c, int title, int b, int e)
{
	gk_buf tb = {0};
	if (title >= 0) {
		const gk_line *tl = c->x[title].l;
		if (title > 0) {
			const gk_line *pl = c->x[title - 1].l;
			double s = line_size(tl);
			if (pl->page == tl->page && pl->geom == GK_GEOM_POS && line_size(pl) > 0.9 * s &&
			    line_size(pl) < 1.1 * s && tl->y0 - pl->y1 < 0.8 * s && !c->x[title - 1].skip && !title_of(c, &c->x[title - 1]))
				add_tight(&tb, pl);
		}
		add_tight(&tb, tl);
	} else {
		double body = 0;
		for (int i = b; i < e; i++)
			if (head_start(c, i)) {
				body = line_size(c->x[i].l);
				break;
			}
		for (int i = b; i < e && body > 0; i++) {
			if (head_start(c, i))
				break;
			if (!c->x[i].skip && line_size(c->x[i].l) > 1.25 * body)
				add_tight(&tb, c->x[i].l);
		}
	}
	return tb.s ? gk_buf_take(&tb) : NULL;
}

/* The body lines of a grid: from the header zone to e, without page
 * furniture and the header printed again on later pages; stops at the
 * table's end, or (stop_at_head) at the next project's head.  Returns the
 * line after the last one read. */
static int body_lines(const nctx *c, const pg_cols *pc, int m, int e, int stop_at_head, int **out, int *nout)
{
	double left = pc->n ? pc->c[0].lo : 0, size = line_size(c->x[m].l);
	int *ls = gk_malloc(sizeof(int) * (size_t)(e - pc->ze + 1));
	int n = 0, i = pc->ze;
	for (; i < e; i++) {
		if (furniture(c, i))
			continue;
		if (table_end(c, i, left))
			break;
		if (pg_header_line(c, i)) { /* the header again on a new page: skip its lines */
			pg_cols again;
			if (pg_columns(c, i, pc->ze, e, &again)) {
				int zb = again.zb, ze = again.ze;
				pg_cols_free(&again);
				while (n && ls[n - 1] >= zb) /* its lines above it were taken for body */
					n--;
				i = ze - 1;
				continue;
			}
		}
		if (stop_at_head && n && (head_start(c, i) || line_size(c->x[i].l) > 1.25 * size))
			break;
		ls[n++] = i;
	}
	*out = ls;
	*nout = n;
	return i;
}

void pperf_blocks(nctx *c, const tspan *sp, gk_table *t)
{
	int i = sp->begin, title = sp->title;
	while (i < sp->end) {
		/* the next grid header */
		int m = -1;
		for (int k = i; k < sp->end; k++)
			if (pg_header_line(c, k)) {
				m = k;
				break;
			}
		if (m < 0)
			break;
		pg_cols pc;
		if (!pg_columns(c, m, i, sp->end, &pc)) {
			i = m + 1;
			continue;
		}
		phead h = {0};
		read_head_keys(c, i, pc.zb, &h);
		h.title = block_title(c, title, i, pc.zb);
		char *ucode = NULL, *uname = NULL;
		char *tname = h.title ? name_of_title(h.title, &ucode, &uname) : NULL;
		if (!h.name)
			h.name = tname, tname = NULL;
		free(tname);
		int *ls, nl;
		int next = body_lines(c, &pc, m, sp->end, 1, &ls, &nl);
		/* the next block's title lines are not this block's body */
		pgrid *g = pg_read(c, ls, nl, &pc);
		write_project_rows(c, t, &h, ucode, uname, &pc, g);
		pg_drop(g);
		free(ls);
		free(ucode), free(uname);
		phead_free(&h);
		pg_cols_free(&pc);
		if (next <= m)
			next = m + 1;
		i = next;
		title = -1;
	}
}

int dperf_grid(nctx *c, const tspan *sp, gk_table *t)
{
	int m = -1;
	for (int k = sp->begin; k < sp->end; k++)
		if (pg_header_line(c, k)) {
			m = k;
			break;
		}
	if (m < 0)
		return 0;
	pg_cols pc;
	if (!pg_columns(c, m, sp->begin, sp->end, &pc))
		return 0;
	int *ls, nl;
	body_lines(c, &pc, m, sp->end, 0, &ls, &nl);
	pgrid *g = pg_read(c, ls, nl, &pc);
	free(ls);
	if (pg_fixed_rows(g)) {
		pg_drop(g);
		pg_cols_free(&pc);
		return 0;
	}
	phead h = {0};
	read_head_keys(c, sp->begin, pc.zb, &h);
	int first = t->nrow;
	int cl1 = pg_col_of(&pc, "level1"), cl2 = pg_col_of(&pc, "level2"), ci = pg_col_of(&pc, "indicator"),
	    cn = pg_col_of(&pc, "note");
	int handled[PG_MAXCOL] = {0};
	const int used[] = {cl1, cl2, ci, cn, pc.anchor, pg_col_of(&pc, "op"), pg_col_of(&pc, "unit")};
	for (size_t k = 0; k < sizeof used / sizeof used[0]; k++)
		if (used[k] >= 0)
			handled[used[k]] = 1;
	for (int q = 0; q < g->nrow; q++) {
		const pg_row *w = &g->row[q];
		char *ind = pg_tight(ci >= 0 ? w->cell[ci] : "");
		char *target, *op, *val, *unit;
		row_target(&pc, w, &target, &op, &val, &unit);
		if (!*ind && !*target) {
			free(ind), free(target), free(op), free(val), free(unit);
			continue;
		}
		gk_table_add_row(t);
		int r = t->nrow - 1;
		rows_source(c, t, r, w->line, w->line);
		gk_table_set(t, r, gk_table_col(t, "indicator"), ind);
		gk_table_set(t, r, gk_table_col(t, "target"), target);
		free(ind), free(target);
		const int lc[2] = {cl1, cl2};
		const char *lk[2] = {"level1", "level2"};
		for (int k = 0; k < 2; k++)
			if (lc[k] >= 0) {
				char *v = pg_tight(w->cell[lc[k]]);
				gk_table_set(t, r, gk_table_col(t, lk[k]), v);
				free(v);
			}
		if (cn >= 0)
			gk_table_set(t, r, gk_table_col(t, "note"), w->cell[cn]);
		set_x(t, r, "x_department", h.dept);
		set_x(t, r, "x_unit_code", h.unit_code);
		set_x(t, r, "x_goal", h.goal);
		set_x(t, r, "x_target_op", op);
		set_x(t, r, "x_target_value", val);
		set_x(t, r, "x_target_unit", unit);
		free(op), free(val), free(unit);
		for (int k = 0; k < pc.n; k++)
			if (!handled[k] && *w->cell[k]) {
				char *xk = xkey_of(&pc.c[k]);
				set_x(t, r, xk, w->cell[k]);
				free(xk);
			}
	}
	fill_col(t, first, "level1");
	fill_col(t, first, "level2");
	pg_drop(g);
	phead_free(&h);
	pg_cols_free(&pc);
	return 1;
}
