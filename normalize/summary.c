/*
 * summary.c - the two-sided summaries (revenue_expenditure_summary and
 * fiscal_appropriation_summary): each line split into its income and
 * expenditure sides (TAB field, x position, or in flow text the
 * income-item/expense-item rules), 行次 numbers dropped, and the fiscal
 * summary's expenditure columns placed by the solver.
 *
 * Entry points: parse_summary_plain, parse_summary_fiscal.
 */
#include "nctx.h"

#include <stdlib.h>
#include <string.h>

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

void parse_summary_plain(nctx *c, const tspan *sp, gk_table *t)
{
	parse_summary(c, sp, t, 0);
}

void parse_summary_fiscal(nctx *c, const tspan *sp, gk_table *t)
{
	parse_summary(c, sp, t, 1);
}
