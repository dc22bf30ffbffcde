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

/* The column rules' family of a table: its reader's, but the general
 * budget by economic class (read like the all-funds table by economic
 * class, rows of economic codes) has columns of its own. */
static const char *rule_family(const char *id, fam_id f)
{
	return !strcmp(id, "general_budget_by_economic_class") ? "gbecon" : fam_rule_name[f];
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

/* A figure under a header the contract does not name: set aside, written
 * as its x_ column. */
typedef struct xval {
	int row;
	int slot;
	char num[48];
} xval;

/* A coded table being read: its rows and what is known of them. */
typedef struct ntab {
	fam_id f;
	int shift; /* the table's unit -> 万元 */
	gk_geom geom;
	prow *rows;
	int nr;
	rowkeys *keys;
	int *leaf;     /* rows whose sums make the total (the solver's column sums) */
	int total_row; /* -1: none */
	solver_family sf;
	unsigned *mask; /* per layout slot, the keys its header words name */
	char **xname;   /* per layout slot, x_<words> for a column set aside */
	int nslot;
	xval *xv; /* the figures set aside */
	int nxv;
	char **tail;    /* per row, text printed right of its amounts (a project's 绩效目标) */
	char *tailname; /* its column: x_<header words above it> */
} ntab;

/* Where the header prints its 款 and 项 cells: a lone code is placed by
 * the column it sits in.  Kept for the table's next page unless it
 * prints them again. */
static void kuan_xiang_x(nctx *c, const tspan *sp, const head *h)
{
	double hk = 0, hx = 0;
	for (int i = sp->begin; i < h->first_row; i++) {
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
}

/* Each row's keys and checks.csv label; the total row, the leaf rows (the
 * deepest function codes, the coded economic rows, the named projects),
 * the solver's bias from economic codes, and a misprinted code reported
 * (code:misprinted, fail: the document's own error). */
static void row_keys(nctx *c, const tspan *sp, ntab *nt)
{
	prow *rows = nt->rows;
	int nr = nt->nr, deepest = 0;
	nt->keys = gk_calloc((size_t)(nr ? nr : 1), sizeof *nt->keys);
	nt->leaf = gk_calloc((size_t)(nr ? nr : 1), sizeof(int));
	nt->total_row = -1;
	for (int i = 0; i < nr; i++) {
		if (getenv("GK_DEBUG")) {
			fprintf(stderr, "row %d:", i);
			for (int j = 0; j < rows[i].ntext; j++) fprintf(stderr, " [%s]", rows[i].text[j]);
			for (int j = 0; j < rows[i].nnum; j++) fprintf(stderr, " %s@%d", rows[i].num[j], rows[i].slot[j]);
			fprintf(stderr, "\n");
		}
		rowkeys *k = &nt->keys[i];
		interpret_keys(c, nt->f, &rows[i], k);
		const char *lab = *k->func ? k->func : *k->econ ? k->econ : *k->unit ? k->unit
		                  : k->total ? "合计" : k->name ? k->name : "";
		snprintf(rows[i].label, sizeof rows[i].label, "%s", lab);
		if (*k->econ)
			econ_bias(c, &nt->sf, k->econ, &rows[i]);
		if (k->total && nt->total_row < 0)
			nt->total_row = i;
		if (*k->misprint) {
			char want[32];
			snprintf(want, sizeof want, "%.3s %.2s %.2s", k->func, k->func + 3, k->func + 5);
			gk_result_add_check(c->r, sp->id, "code:misprinted", k->func, want, k->misprint, "fail");
		}
		int l = (int)strlen(k->func);
		if (l > deepest)
			deepest = l;
	}
	for (int i = 0; i < nr; i++) {
		const rowkeys *k = &nt->keys[i];
		if (i == nt->total_row)
			continue;
		if (nt->f == F_FUNC)
			nt->leaf[i] = deepest && (int)strlen(k->func) == deepest;
		else if (nt->f == F_BASIC || nt->f == F_ECON)
			nt->leaf[i] = *k->econ || *k->gov;
		else if (nt->f == F_PROJECT)
			nt->leaf[i] = k->name && *k->name;
	}
}

/* Is a row of nt on a page read by OCR? */
static int rows_ocr(const nctx *c, const ntab *nt)
{
	for (int i = 0; i < nt->nr; i++)
		if (ocr_page(c, c->x[nt->rows[i].line0].l->page))
			return 1;
	return 0;
}

/* A positioned project table may print a text column right of its
 * amounts (广州's 绩效目标): those pieces are no part of the project's
 * name.  They are taken out of their rows and kept as the column
 * x_<header words above them> (TABLES.md "Nothing is lost"). */
static void trailing_text(const nctx *c, const tspan *sp, const head *h, ntab *nt)
{
	if (nt->f != F_PROJECT || nt->geom != GK_GEOM_POS)
		return;
	int nx = 0;
	for (int i = 0; i < nt->nr; i++)
		nx += nt->rows[i].nnum;
	double *x0 = gk_malloc(sizeof *x0 * (size_t)(nx + 1)), *x1 = gk_malloc(sizeof *x1 * (size_t)(nx + 1)),
	       *us = gk_malloc(sizeof *us * (size_t)(nx + 1));
	nx = 0;
	for (int i = 0; i < nt->nr; i++)
		for (int j = 0; j < nt->rows[i].nnum; j++)
			x0[nx] = nt->rows[i].nx0[j], x1[nx] = nt->rows[i].nx1[j], us[nx++] = amount_units(nt->rows[i].num[j]);
	double edge = amounts_right_edge(x0, x1, us, nx, rows_ocr(c, nt)); /* right edge of the amount columns */
	free(x0), free(x1), free(us);
	if (edge < 0)
		return;
	for (int i = 0; i < nt->nr; i++) {
		prow *p = &nt->rows[i];
		gk_buf b = {0};
		int k = 0;
		for (int j = 0; j < p->ntext; j++) {
			if (p->nnum && p->tx0[j] >= edge) {
				gk_buf_adds(&b, p->text[j]);
				free(p->text[j]);
				continue;
			}
			p->text[k] = p->text[j], p->tx0[k] = p->tx0[j], p->tidx[k] = p->tidx[j];
			k++;
		}
		p->ntext = k;
		if (!b.len)
			continue;
		if (!nt->tail)
			nt->tail = gk_calloc((size_t)nt->nr, sizeof *nt->tail);
		nt->tail[i] = gk_label_clean(b.s);
		gk_buf_drop(&b);
	}
	if (!nt->tail)
		return;
	gk_buf hw = {0};
	for (int i = sp->begin; i < h->first_row; i++) {
		const gk_line *l = c->x[i].l;
		if (c->x[i].skip || l->geom != GK_GEOM_POS || rule_any(c, "unit", c->x[i].compact) ||
		    rule_any(c, "dept", c->x[i].compact))
			continue;
		for (int j = 0; j < l->ncell; j++)
			if (l->cell[j].x0 >= edge && gk_unit_parse(l->cell[j].text) == GK_UNIT_NONE)
				gk_buf_adds(&hw, l->cell[j].text);
	}
	char *w = compact_of(hw.s ? hw.s : "");
	gk_buf_drop(&hw);
	nt->tailname = gk_strfmt("x_%s", *w ? w : "text");
	free(w);
}

/* Two neighbouring figure columns of an OCR'd table whose head names the
 * same one key (项目支出 over both): one column, a figure of which OCR
 * read in pieces (2103.61 as 203 and 61) that made a column of their
 * own.  The column whose every figure shares its row with one of the
 * other, and that holds half as many or fewer, is those pieces (not a
 * column of its own the head misnamed: a 合计 read as 人员经费 holds a
 * figure on every row of its neighbour): set aside as
 * x_<key>_piece (nothing lost), so that the table's columns are not one
 * more than its keys, which would push each figure left of it one key
 * up the hierarchy (人员支出 to basic_total). */
static void ocr_piece_columns(const nctx *c, const tspan *sp, const head *h, ntab *nt)
{
	if (!nt->mask || !ocr_head_lines(c, sp->begin, h->first_row) || nt->f == F_THREE)
		return;
	for (int s = 0; s < nt->nslot; s++)
		for (int d = -1; d <= 1; d += 2) {
			int o = s + d;
			unsigned m = nt->mask[s];
			if (o < 0 || o >= nt->nslot || !m || (m & (m - 1)) || nt->mask[o] != m || nt->xname[s] ||
			    nt->xname[o])
				continue;
			int ns = 0, no = 0, alone = 0;
			for (int i = 0; i < nt->nr; i++) {
				int in_s = 0, in_o = 0;
				for (int j = 0; j < nt->rows[i].nnum; j++)
					in_s |= nt->rows[i].slot[j] == s, in_o |= nt->rows[i].slot[j] == o;
				ns += in_s, no += in_o, alone += in_s && !in_o;
			}
			int k = __builtin_ctz(m);
			if (ns && !alone && 2 * ns <= no && k < nt->sf.nkey) {
				nt->xname[s] = gk_strfmt("x_%s_piece", nt->sf.key[k]);
				nt->mask[s] = 0;
			}
		}
}

/* The keys a positioned table's header prints over each column, in the
 * table's order (三公: its column groups read first). */
static void header_columns(const nctx *c, const tspan *sp, const head *h, const gk_table *t, ntab *nt)
{
	unsigned *leafmask = NULL;
	if (nt->geom == GK_GEOM_POS)
		nt->mask = header_masks(c, &nt->sf, sp->begin, h->first_row, nt->rows, nt->nr, &nt->xname, &nt->nslot,
		                        &leafmask);
	if (nt->mask && leafmask) /* OCR'd headers: words misread near a column's usual words */
		ocr_columns_near(c, &nt->sf, sp->begin, h->first_row, nt->mask, leafmask, nt->xname, nt->nslot);
	if (nt->f == F_THREE && nt->mask)
		three_columns(c, &nt->sf, sp->begin, h->first_row, nt->rows, nt->nr, three_final(t), nt->mask, leafmask,
		              nt->xname, nt->nslot);
	if (leafmask && nt->f == F_THREE)
		three_reorder_keys(&nt->sf, leafmask, nt->nslot, nt->mask, nt->xname);
	else if (leafmask)
		reorder_keys(&nt->sf, leafmask, nt->nslot, nt->mask);
	free(leafmask);
	ocr_piece_columns(c, sp, h, nt);
}

/* The numbers under a header the contract does not name are taken out
 * of their rows into nt->xv; the columns set aside hold no place among
 * the contract's. */
static void set_aside(ntab *nt)
{
	for (int i = 0; nt->xname && i < nt->nr; i++) {
		prow *p = &nt->rows[i];
		int k = 0;
		for (int j = 0; j < p->nnum; j++) {
			int sl = p->slot[j];
			if (sl >= 0 && sl < nt->nslot && nt->xname[sl]) {
				nt->xv = gk_realloc(nt->xv, sizeof *nt->xv * (size_t)(nt->nxv + 1));
				nt->xv[nt->nxv].row = i;
				nt->xv[nt->nxv].slot = sl;
				snprintf(nt->xv[nt->nxv].num, sizeof nt->xv[0].num, "%s", p->num[j]);
				nt->nxv++;
				continue;
			}
			if (k != j) {
				memcpy(p->num[k], p->num[j], sizeof p->num[0]);
				p->nx0[k] = p->nx0[j], p->nx1[k] = p->nx1[j];
				p->nidx[k] = p->nidx[j], p->slot[k] = p->slot[j];
			}
			k++;
		}
		p->nnum = k;
	}
	if (nt->xname)
		compact_slots(nt->rows, nt->nr, nt->xname, nt->nslot, nt->mask);
}

/* Place each row's numbers in the family's keys: the other tables'
 * figures for a tie-break, then the solver. */
static void solve(const nctx *c, const tspan *sp, ntab *nt)
{
	solver_family *sf = &nt->sf;
	cross_apply(c, sp->id, sf);
	sf->ocr = rows_ocr(c, nt);
	if (getenv("GK_DEBUG")) {
		fprintf(stderr, "%s keys:", sp->id);
		for (int k = 0; k < sf->nkey; k++)
			fprintf(stderr, " %s", sf->key[k]);
		for (int s2 = 0; nt->mask && s2 < nt->nslot; s2++)
			fprintf(stderr, " mask[%d]=%x", s2, nt->mask[s2]);
		fprintf(stderr, "\n");
	}
	gk_solve_rows(sf, nt->rows, nt->nr, nt->geom, nt->total_row, nt->leaf, nt->mask, c->r, sp->id);
	if (getenv("GK_DEBUG"))
		for (int i = 0; i < nt->nr; i++) {
			const prow *p = &nt->rows[i];
			fprintf(stderr, "placed %d:", i);
			for (int j = 0; j < p->nnum; j++)
				fprintf(stderr, " %s=%s", p->assign[j] >= 0 ? sf->key[p->assign[j]] : "-", p->num[j]);
			fprintf(stderr, "\n");
		}
}

/* The key columns of table row ri: codes (a function code also as its
 * 类/款/项), names, the total row named 合计. */
static void write_keys(gk_table *t, fam_id f, int ri, const rowkeys *k)
{
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
		if (f == F_ECON && gk_table_col(t, "unit_code") >= 0)
			SET("unit_code", k->unit);
		else if (f == F_ECON && *k->unit) /* a unit row of a table without unit codes */
			gk_table_set(t, ri, gk_table_col(t, "x_unit_code") >= 0 ? gk_table_col(t, "x_unit_code")
			                                                         : gk_table_add_col(t, "x_unit_code"), k->unit);
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
}

/* The rows written to t (a code line that only sets 类/款 is none): keys,
 * the placed amounts, the figures set aside in their x_ columns; 三公
 * rows per year folded into the year's own row. */
static void write_rows(const nctx *c, gk_table *t, const ntab *nt)
{
	int *outrow = gk_malloc(sizeof(int) * (size_t)(nt->nr ? nt->nr : 1));
	for (int i = 0; i < nt->nr; i++) {
		const rowkeys *k = &nt->keys[i];
		const prow *p = &nt->rows[i];
		outrow[i] = -1;
		if (k->context_only)
			continue;
		int ri = table_row(c, t, p->line0, p->line1);
		outrow[i] = ri;
		write_keys(t, nt->f, ri, k);
		for (int j = 0; j < p->nnum; j++) {
			int a = p->assign[j];
			if (a < 0 || a >= nt->sf.nkey)
				continue;
			int col = gk_table_col(t, nt->sf.key[a]);
			if (col >= 0)
				put_amount(t, ri, col, p->num[j], nt->shift);
		}
	}
	for (int i = 0; i < nt->nxv; i++) {
		const xval *x = &nt->xv[i];
		if (outrow[x->row] < 0)
			continue;
		int col = gk_table_col(t, nt->xname[x->slot]);
		if (col < 0)
			col = gk_table_add_col(t, nt->xname[x->slot]);
		put_amount(t, outrow[x->row], col, x->num, nt->shift);
	}
	for (int i = 0; nt->tail && i < nt->nr; i++)
		if (nt->tail[i] && outrow[i] >= 0) {
			int col = gk_table_col(t, nt->tailname);
			gk_table_set(t, outrow[i], col >= 0 ? col : gk_table_add_col(t, nt->tailname), nt->tail[i]);
		}
	if (nt->f == F_THREE)
		three_fold_rows(c, t, nt->rows, nt->nr, outrow, three_final(t));
	free(outrow);
}

static void ntab_free(ntab *nt)
{
	for (int i = 0; i < nt->nslot; i++)
		free(nt->xname[i]);
	free(nt->xname);
	free(nt->mask);
	for (int i = 0; i < nt->nr; i++) {
		if (nt->keys)
			rowkeys_free(&nt->keys[i]);
		prow_free(&nt->rows[i]);
	}
	for (int i = 0; nt->tail && i < nt->nr; i++)
		free(nt->tail[i]);
	free(nt->tail);
	free(nt->tailname);
	free(nt->keys);
	free(nt->leaf);
	free(nt->rows);
	free(nt->xv);
}

/* Read the coded table of span sp into t (a page of a table continued
 * keeps adding to it). */
void parse_numeric(nctx *c, const tspan *sp, gk_table *t)
{
	ntab nt = {.f = family_of(sp->id)};
	/* a table continued on the next page keeps the 类/款 of its last
	 * rows (a page may start with rows that print only 项) and, unless
	 * the page repeats the header, where 款 and 项 sit */
	if (!t->nrow) {
		c->ctx_class[0] = c->ctx_item[0] = 0;
		c->hx_kuan = c->hx_xiang = 0;
		c->ox_kuan = c->ox_kw = 0;
	}
	head h;
	read_head(c, nt.f, sp->begin, sp->end, &h);
	kuan_xiang_x(c, sp, &h);
	nt.shift = h.unit_shift != GK_UNIT_NONE ? h.unit_shift : (c->unit_seen ? c->unit_shift : 0);
	/* a row takes at least one line */
	int maxrows = sp->end - h.first_row + 1;
	if (maxrows > MAXROWS)
		maxrows = MAXROWS;
	if (maxrows < 1)
		maxrows = 1;
	nt.rows = gk_calloc((size_t)maxrows, sizeof *nt.rows);
	int end_line;
	nt.nr = assemble_rows(c, nt.f, sp->begin, h.first_row, sp->end, nt.rows, maxrows, &end_line);
	if (nt.f == F_BASIC && basic_blocks(c, sp, t, &h, nt.rows, nt.nr, nt.shift))
		goto done;
	if (nt.f == F_THREE)
		nt.nr = three_drop_page_numbers(nt.rows, nt.nr);
	nt.geom = body_geom(c, h.first_row, end_line);
	family_from_header(c, rule_family(sp->id, nt.f), h.text, &nt.sf);
	if (getenv("GK_DEBUG"))
		fprintf(stderr, "%s header: %s\n", sp->id, h.text);
	assign_slots(nt.rows, nt.nr, nt.geom);
	trailing_text(c, sp, &h, &nt);
	row_keys(c, sp, &nt);
	header_columns(c, sp, &h, t, &nt);
	if (nt.f == F_THREE && three_by_items(c, &nt.sf, nt.rows, nt.keys, nt.nr, nt.xname, nt.nslot, nt.shift, t))
		goto done;
	if (nt.f == F_REVUNIT && revunit_by_items(c, &nt.sf, nt.keys, nt.nr, h.first_row, sp->end, nt.shift, t))
		goto done;
	/* (an OCR'd page continuing the table: its columns against the page before's) */
	cont_columns(c, sp, t, &nt.sf, nt.rows, nt.nr, nt.mask, nt.xname, nt.nslot);
	set_aside(&nt);
	solve(c, sp, &nt);
	cont_remember(c, sp, &nt.sf, nt.rows, nt.nr, nt.nslot);
	write_rows(c, t, &nt);
done:
	ntab_free(&nt);
	free(h.text);
}
