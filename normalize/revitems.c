/*
 * revitems.c - a 收入预算总表 printed transposed: its sources of funds as
 * rows over one 金额 column, grouped by merged cells on the left
 * (一般公共预算资金 → 小计, 公共财政拨款(补助)资金, 专项收入; 其他资金 →
 * 小计, 事业收入, 经营收入, 其他收入), as 江苏's 2019 公开02表 prints it.
 * Owns revunit_by_items.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nctx.h"

#define MAXIT 64

typedef struct item {
	double y;       /* centre of its line */
	char *leaf;     /* compact words of its own cell */
	int group;      /* index of its merged group cell, -1 none */
	int spans;      /* a label across the group and item columns (收入总计) */
	char num[48];   /* its amount, "" when blank */
} item;

typedef struct group {
	double y;       /* centre of its words (a wrapped cell: of all lines) */
	int nl;
	char *text;     /* compact words */
	int after;      /* items printed above it */
} group;

/* The contract key a row of the list names ("一般公共预算资金" "小计" ->
 * general_budget), NULL for none: a column-item rule on the path
 * group/leaf first, else the column rule of the family whose match ends
 * furthest right (the most specific words).  Words of the group alone
 * name the row only when the row is the group's 小计. */
static const char *item_key(const nctx *c, const char *group, const char *leaf)
{
	char *path = group ? gk_strfmt("%s/%s", group, leaf) : gk_strdup(leaf);
	size_t gl = group ? strlen(group) + 1 : 0, len = strlen(path), end = 0;
	const char *best = NULL;
	static const char *const kinds[] = {"column-item", "column"};
	for (int k = 0; k < 2 && !best; k++) {
		int n;
		const gk_rule *const *rs = gk_rules_of(c->rules, kinds[k], &n);
		for (int r = 0; r < n; r++) {
			size_t ov[2];
			if (strncmp(rs[r]->name, "revunit:", 8) || !strcmp(rs[r]->name + 8, "total") ||
			    !gk_rule_match(rs[r], path, len, ov) || ov[1] <= end)
				continue;
			best = rs[r]->name + 8;
			end = ov[1];
		}
	}
	free(path);
	if (best && (end > gl || rule_any(c, "total", leaf)))
		return best;
	if (!best && !group && rule_any(c, "total-header", leaf))
		return "total";
	return NULL;
}

/* Lines [b, e) of a revenue table whose header names one amount column:
 * when they list sources of funds (three or more of the contract's
 * columns named by row labels, no unit or code rows), write the table's
 * one 合计 row, each amount in the column its label names and a label
 * naming none as x_<group>/<label>.  Returns 0 when the table is not
 * printed so. */
int revunit_by_items(const nctx *c, const solver_family *sf, const rowkeys *keys, int nr, int b, int e, int shift,
                     gk_table *t)
{
	if (sf->nkey != 1 || t->nrow || nr < 3)
		return 0;
	for (int i = 0; i < nr; i++)
		if (*keys[i].unit || *keys[i].func || *keys[i].econ)
			return 0;
	tok tk[32];
	/* the item column: where the label right of a group cell starts */
	double subx = -1;
	for (int i = b; i < e; i++) {
		const gk_line *l = c->x[i].l;
		if (c->x[i].skip)
			continue;
		if (l->geom != GK_GEOM_POS)
			return 0;
		int n = tokens_of(l, tk, 32), ntext = 0, nnum = 0;
		double lastx = -1;
		for (int j = 0; j < n; j++) {
			if (tk[j].isnum)
				nnum++;
			else if (gk_has_cjk(tk[j].text))
				ntext++, lastx = tk[j].x0;
		}
		if (nnum > 1)
			return 0; /* more than one amount column */
		if (ntext >= 2 && (subx < 0 || lastx < subx))
			subx = lastx;
	}
	item it[MAXIT];
	group gr[MAXIT];
	int ni = 0, ng = 0, ok = 0, aligned = 0, leaves = 0;
	for (int i = b; i < e && ni < MAXIT && ng < MAXIT; i++) {
		const gk_line *l = c->x[i].l;
		if (c->x[i].skip)
			continue;
		int n = tokens_of(l, tk, 32);
		gk_buf gw = {0}, lw = {0};
		int spans = 0;
		double lx0 = -1;
		const char *num = NULL;
		for (int j = 0; j < n; j++) {
			if (tk[j].isnum)
				num = tk[j].num;
			else if (!gk_has_cjk(tk[j].text))
				continue;
			else if (subx >= 0 && tk[j].x1 <= subx - 2)
				gk_buf_adds(&gw, tk[j].text);
			else {
				spans |= subx >= 0 && tk[j].x0 < subx - 2;
				if (!lw.len)
					lx0 = tk[j].x0;
				gk_buf_adds(&lw, tk[j].text);
			}
		}
		double y = (l->y0 + l->y1) / 2;
		if (!lw.len && num && gw.len) { /* a figure beside the left cell alone: its own row */
			gk_buf_adds(&lw, gw.s);
			gk_buf_reset(&gw);
			spans = 1;
		}
		if (gw.len) {
			char *g = compact_of(gw.s);
			if (ng && gr[ng - 1].after == ni) { /* a wrapped group cell */
				char *j = gk_strfmt("%s%s", gr[ng - 1].text, g);
				free(gr[ng - 1].text);
				free(g);
				gr[ng - 1].text = j;
				gr[ng - 1].y = (gr[ng - 1].y * gr[ng - 1].nl + y) / (gr[ng - 1].nl + 1);
				gr[ng - 1].nl++;
			} else {
				gr[ng++] = (group){.y = y, .nl = 1, .text = g, .after = ni};
			}
		}
		if (lw.len) {
			char *leaf = compact_of(lw.s);
			/* a grand total (收入总计) belongs to no group, wherever it starts */
			spans |= rule_any(c, "total-header", leaf) && !rule_any(c, "total", leaf);
			aligned += !spans && subx >= 0 && lx0 >= subx - 3 && lx0 <= subx + 3;
			leaves += !spans;
			it[ni] = (item){.y = y, .leaf = leaf, .group = -1, .spans = spans};
			snprintf(it[ni].num, sizeof it[ni].num, "%s", num ? num : "");
			ni++;
		}
		gk_buf_drop(&gw);
		gk_buf_drop(&lw);
	}
	/* the item cells start at one left edge: a page whose cells came out
	 * glued or scattered is not read so */
	if (subx >= 0 && 2 * aligned < leaves)
		goto done;
	/* each group cell is centred on its rows: the run of rows from the
	 * first one not yet taken whose middle is nearest the cell's words,
	 * ending above the next group's words */
	int s = 0;
	for (int g = 0; g < ng; g++) {
		while (s < ni && it[s].spans)
			s++;
		if (s >= ni)
			break;
		double lim = g + 1 < ng ? gr[g + 1].y : 1e18, best = 1e18;
		int be = -1;
		for (int k = s; k < ni && !it[k].spans && it[k].y < lim; k++) {
			double d = (it[s].y + it[k].y) / 2 - gr[g].y;
			if (d < 0)
				d = -d;
			if (d < best)
				best = d, be = k;
		}
		for (int k = s; k <= be; k++)
			it[k].group = g;
		if (be >= 0)
			s = be + 1;
	}
	/* the rows must name the sources of funds */
	unsigned named = 0;
	int nkeys = 0;
	const char *key[MAXIT];
	for (int k = 0; k < ni; k++) {
		key[k] = item_key(c, it[k].group >= 0 ? gr[it[k].group].text : NULL, it[k].leaf);
		if (getenv("GK_DEBUG"))
			fprintf(stderr, "item %d y %.1f group %d '%s' leaf '%s' spans %d num '%s' key %s\n", k, it[k].y, it[k].group,
			        it[k].group >= 0 ? gr[it[k].group].text : "", it[k].leaf, it[k].spans, it[k].num,
			        key[k] ? key[k] : "-");
		int col = key[k] && strcmp(key[k], "total") ? gk_table_col(t, key[k]) : -1;
		if (col >= 0 && col < 32 && !(named & (1u << col))) {
			named |= 1u << col;
			nkeys++;
		}
	}
	if (nkeys < 3)
		goto done;
	ok = 1;
	int ri = table_row(c, t, b, e - 1);
	gk_table_set(t, ri, gk_table_col(t, "unit_name"), "合计");
	for (int k = 0; k < ni; k++) {
		if (!*it[k].num)
			continue;
		char *name = key[k] && !*gk_table_get(t, ri, key[k]) ? gk_strdup(key[k])
		             : it[k].group >= 0 ? gk_strfmt("x_%s/%s", gr[it[k].group].text, it[k].leaf)
		                                : gk_strfmt("x_%s", it[k].leaf);
		int col = gk_table_col(t, name);
		if (col < 0)
			col = gk_table_add_col(t, name);
		put_amount(t, ri, col, it[k].num, shift);
		free(name);
	}
done:
	for (int k = 0; k < ni; k++)
		free(it[k].leaf);
	for (int g = 0; g < ng; g++)
		free(gr[g].text);
	return ok;
}
