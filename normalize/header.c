/*
 * header.c - a table's head: the unit and department lines (head_meta),
 * where the header ends and the first row starts (read_head), the header
 * words read line by line and column by column, and what they name: the
 * solver family's keys from the column rules (family_from_header), the
 * keys printed over each positioned column (header_masks) and the order
 * the table prints them in (reorder_keys).
 *
 * Entry points: head_meta, read_head, add_head_by_column,
 * family_from_header, header_keys, header_masks, reorder_keys.
 */
#include "nctx.h"

#include <stdlib.h>
#include <string.h>

/* "部门名称：X  单位：万元" and friends, from a head line */
void head_meta(nctx *c, const xline *x, int *unit_shift)
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

void family_from_header(const nctx *c, const char *fam, const char *htext, solver_family *sf)
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
void add_head_by_column(const nctx *c, const int *lines, int nl, gk_buf *ht)
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

/* A project table printing 单位名称 and 项目名称 as columns of their own
 * (the unit's left of the project's, each project row beginning with its
 * unit's name): where the unit's column is, so that its name is not read
 * as part of the project's.  A name centred or left-aligned in its
 * column starts left of the header's centre, a project's name right of
 * it.  And where a column of notes (项目简介, 备注, 说明) starts: its text
 * is no part of a name.  Kept for the table's next pages unless they
 * print their header again. */
static void unit_name_column(nctx *c, const int *lines, int nl)
{
	double unit = 0, proj = 0, note = 0;
	for (int i = 0; i < nl; i++) {
		const gk_line *l = c->x[lines[i]].l;
		if (l->geom != GK_GEOM_POS)
			return;
		for (int j = 0; j < l->ncell; j++) {
			char *cp = compact_of(l->cell[j].text);
			if (!strcmp(cp, "单位名称"))
				unit = (l->cell[j].x0 + l->cell[j].x1) / 2;
			else if (!strcmp(cp, "项目名称"))
				proj = (l->cell[j].x0 + l->cell[j].x1) / 2;
			else if (strstr(cp, "简介") || !strcmp(cp, "备注") || !strcmp(cp, "说明")) /* (notes start left in
			                                                                               their column) */
				note = j ? l->cell[j - 1].x1 + 1 : l->cell[j].x0;
			free(cp);
		}
	}
	if (unit > 0 && proj > unit)
		c->hx_unit = unit;
	if (note > 0)
		c->hx_note = note;
}

/* Where the head ends: the first line that carries a row. */
void read_head(nctx *c, fam_id f, int b, int e, head *h)
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
		/* (a lone digit OCR read off a header's ink is no code: 杭州 表3's
		 * "4 、 事业单位 上缴上") */
		int rowish = line_has_amount(c, i) ||
		             (n && tok_is_code(t, n, 0, code_family) && !(strlen(t[0].text) == 1 && ocr_head_lines(c, i, i + 1)));
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
	if (f == F_PROJECT)
		unit_name_column(c, hl, nhl);
}

/* The keys a column's header words name: bit k of *mask for key k (bit 0:
 * a total), of *leafmask when its lowest words alone name it.  Returns
 * whether any column rule of the family (or a total) matched at all. */
int header_keys(const nctx *c, const solver_family *sf, const char *cp, const char *lw, unsigned *mask,
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

/* does s end in one of words (two characters each)? */
static int ends_in(const char *s, const char *const *words)
{
	size_t n = strlen(s);
	for (; *words; words++)
		if (n >= strlen(*words) && !strcmp(s + n - strlen(*words), *words))
			return 1;
	return 0;
}
static const char *const SUB_WORDS[] = {"小计", "总数", "合计", NULL};              /* a group's own column */
static const char *const TOTAL_WORDS[] = {"小计", "合计", "总计", "总数", NULL}; /* ... or its total */

/* Two or more columns of an OCR'd header that name nothing and read the
 * very same words (one garbled stack of words over both: an Excel
 * printout's wrapped header words printed over one another, 对个人和家庭
 * 的补助 over 商品和服务支出): which is which the words cannot say, and
 * the solver would place their figures by the order of its keys alone.
 * Each is kept as x_<header path>, for the table's arithmetic to place
 * (ocrcols.c).  Nothing is done on a header read from a text layer. */
static void ocr_shared_words(const nctx *c, const solver_family *sf, int hb, int he, const unsigned *mask,
                             char **path, char **xname, int C)
{
	if (!ocr_head_lines(c, hb, he) || !strcmp(sf->name, "three"))
		return;
	for (int s = 0; s < C; s++) {
		if (mask[s] || xname[s] || !path[s] || !*path[s])
			continue;
		int before = 0, others = 0; /* the same words left of it, anywhere */
		for (int t = 0; t < C; t++)
			if (t != s && !mask[t] && path[t] && !strcmp(path[t], path[s]))
				before += t < s, others++;
		/* (a column apiece: the second x_<words>_2, the third _3 ...) */
		if (others)
			xname[s] = before ? gk_strfmt("x_%s_%d", path[s], before + 1) : gk_strfmt("x_%s", path[s]);
	}
}

/* Two columns of an OCR'd header set aside under the very same x_ name
 * (two parts of one group whose garbled words, one stack printed over
 * both, read the same: 对个人和家庭的补助 and 商品和服务支出 under 项目支出
 * 公用经费…): one x_ column would hold the figures of both, the second
 * lost under the first.  Each keeps a column of its own, the second
 * x_<words>_2, the third _3 ..., for the table's arithmetic to place
 * (ocrcols.c).  Nothing is done on a header read from a text layer. */
void ocr_distinct_xnames(const nctx *c, const solver_family *sf, int hb, int he, char **xname, int C)
{
	if (!ocr_head_lines(c, hb, he) || !strcmp(sf->name, "three"))
		return;
	for (int s = C - 1; s > 0; s--) { /* (right to left: the names compared are as read) */
		if (!xname[s])
			continue;
		int before = 0;
		for (int t = 0; t < s; t++)
			before += xname[t] && !strcmp(xname[t], xname[s]);
		if (!before)
			continue;
		char *keep = gk_strfmt("%s_%d", xname[s], before + 1);
		free(xname[s]);
		xname[s] = keep;
	}
}

/* For positioned tables: the header words printed right above each
 * x-cluster of numbers (slot), as a mask of the keys whose column rule
 * they match (the total only for 合计/总计); *leafmask_out: the keys the
 * lowest words alone name; *xname_out: x_<words> for a column the
 * contract does not name (NULL elsewhere); *nslot: the number of slots. */
unsigned *header_masks(const nctx *c, const solver_family *sf, int hb, int he, const prow *rows, int nr,
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
	/* the header's own columns (hstack.c); 三公 tables read their
	 * column groups apart (three.c) */
	char **cwp = gk_calloc((size_t)C, sizeof *cwp), **cwl = gk_calloc((size_t)C, sizeof *cwl);
	int by_stack = strcmp(sf->name, "three") && column_words(c, hb, he, a, b, C, cwp, cwl);
	for (int s = 0; s < C; s++) {
		/* the header words above the column, top to bottom (a leaf word
		 * wrapped over two lines is whole again) */
		gk_buf hw = {0}, leaf = {0};
		if (by_stack && cwp[s]) {
			gk_buf_adds(&hw, cwp[s]);
			gk_buf_adds(&leaf, cwl[s]);
		}
		for (int i = hb; i < he && !by_stack; i++) {
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
				if (!strcmp(sf->name, "three") && three_unit_piece(c, l, j))
					continue; /* the same, its colon lost to OCR */
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
		if (!mask[s] && !anyrule && *lw && !rule_any(c, "generic-header", lw) && C > 1)
			xname[s] = gk_strfmt("x_%s", cp); /* (a table's one amount column is its total: 预算) */
		/* an OCR'd column whose own words were lost, under a group
		 * (hstack.c): what it is the group cannot say; x_<group> */
		else if (by_stack && cwp[s] && !*cwl[s] && C > 1 && ocr_head_lines(c, hb, he))
			xname[s] = gk_strfmt("x_%s", cp), mask[s] = leafmask[s] = 0;
		/* a 小计 the header ties to no column of a table whose columns,
		 * but its total, are all parts (财政拨款 小计 in a 项目支出表; also
		 * 基本支出总表 by sources of funds), or under a group no column is
		 * named by (财政拨款收入 小计 in a 收入表): a subtotal of some of
		 * them, not one of them */
		else if (!mask[s] && !anyrule && s > 0 && !strcmp(lw, "小计") &&
		         (!strcmp(sf->name, "project") || !strcmp(sf->name, "econ") ||
		          (strcmp(sf->name, "three") && strcmp(cp, "小计"))))
			xname[s] = gk_strfmt("x_%s", cp);
		if (getenv("GK_DEBUG"))
			fprintf(stderr, "slot %d [%.0f-%.0f] mask %x words '%s' leaf '%s'%s\n", s, a[s], b[s], mask[s], cp, lw,
			        xname[s] ? " (x)" : "");
		path[s] = cp;
		free(lw);
	}
	/* a second column naming only the total in a table whose other
	 * columns are parts (财政拨款 合计 after 总计 in a 项目支出表 or a
	 * 基本支出表 by sources of funds; 部门预算 合计 after 总计 in a 收入总表,
	 * where 本年收入 would name current_total): the subtotal of a group,
	 * kept as x_<header path> */
	for (int s = 1; s < C && (!strcmp(sf->name, "project") || !strcmp(sf->name, "econ") || !strcmp(sf->name, "revunit"));
	     s++)
		for (int t = 0; t < s && mask[s] == 1u && !xname[s] && path[s]; t++)
			if (mask[t] == 1u && !xname[t]) {
				xname[s] = gk_strfmt("x_%s", path[s]);
				mask[s] = leafmask[s] = 0;
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
		/* a 小计 (总数, 合计) among them is the column itself; the rest
		 * are parts (项目支出总数, 扣除基建项目后预算数 under 项目支出) */
		int sub = -1;
		for (int t = 0; t < C && sub < 0; t++)
			if (mask[t] == m && !xname[t] && path[t] && ends_in(path[t], SUB_WORDS))
				sub = t;
		for (int t = 0; t < C; t++)
			if (mask[t] == m && !xname[t] && path[t] && t != sub) {
				xname[t] = gk_strfmt("x_%s", path[t]);
				mask[t] = leafmask[t] = 0;
			}
	}
	/* an OCR'd column under a group whose own words name nothing (日常公用
	 * 支出 misread 人 under 基本支出) beside one whose words name another
	 * key under the same group: a part of the group, not its total; kept
	 * as x_<header path> (the group's total would say 小计 or 合计), and
	 * the group's total is not the other either */
	for (int s = 0; s < C && ocr_head_lines(c, hb, he) && strcmp(sf->name, "three"); s++) {
		unsigned m = mask[s];
		if (!m || (m & (m - 1)) || m == 1u || leafmask[s] || xname[s] || !path[s] || strlen(path[s]) < 6 ||
		    ends_in(path[s], TOTAL_WORDS))
			continue;
		for (int t = 0; t < C; t++)
			if (t != s && (mask[t] & m) && leafmask[t] && !(leafmask[t] & m) && !xname[t]) {
				if (!xname[s])
					xname[s] = gk_strfmt("x_%s", path[s]), mask[s] = 0;
				mask[t] &= ~m;
			}
	}
	ocr_shared_words(c, sf, hb, he, mask, path, xname, C);
	ocr_distinct_xnames(c, sf, hb, he, xname, C);
	for (int s = 0; s < C; s++)
		free(path[s]), free(cwp[s]), free(cwl[s]);
	free(path);
	free(cwp);
	free(cwl);
	free(a);
	free(b);
	return mask;
}

/* Tables do not always print their columns in the contract's order (a
 * 三公 table with 公务接待费 before 公务用车).  Where the leaf header words
 * name one key each, put the keys in the order of their columns; a key no
 * leaf names goes before the first named key that follows it in the
 * contract's order.  The masks (bit k = key k) follow the keys. */
void reorder_keys(solver_family *sf, const unsigned *leafmask, int nslot, unsigned *mask)
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
