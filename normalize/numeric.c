/*
 * numeric.c - the reader of the coded tables: function tables (支出总表,
 * 一般公共预算支出表, fund tables), the basic and economic tables,
 * revenue by unit, project expenditure and 三公: head, rows, keys, the
 * header's columns, the solver, then the contract's row written out.
 *
 * Entry point: parse_numeric.  Layout variants live in their own files
 * (blocks.c, three.c) and are called from here.
 */
#include "nctx.h"

#include <stdlib.h>
#include <string.h>

static const char *fam_rule_name[] = {"summary", "fiscal", "func", "basic", "econ", "revunit", "three", "project", "dperf", "pperf", "other"};

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

void parse_numeric(nctx *c, const tspan *sp, gk_table *t)
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
