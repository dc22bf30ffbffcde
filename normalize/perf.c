/*
 * perf.c - performance-target tables: department_performance (一级/二级/
 * 三级指标, 指标值, 说明) and project_performance (a project's code, name and
 * amounts, then (三级指标, 指标值) pairs per category), positioned or TAB
 * (cells placed under the header's columns; fixed-height exports rebuilt
 * around their target cells) and flow text (read from the words and the
 * perf-level1/target-value/perf-category rules).
 *
 * Entry points: parse_dperf, parse_pperf.
 */
#include "nctx.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Column positions of the indicator header: TAB field index or x centre
 * of each header cell whose words name a column. */
typedef struct pcol {
	int n;
	double pos[16];
	const char *key[16];
	double x0[16]; /* left edge of the header cell */
} pcol;

static double cell_pos(const gk_line *l, const gk_cell *cl)
{
	return l->geom == GK_GEOM_TAB ? cl->x0 : (cl->x0 + cl->x1) / 2;
}

/* nearest header column of a cell */
static int pcol_of(const pcol *pc, double pos)
{
	int best = -1;
	double bd = 1e18;
	for (int i = 0; i < pc->n; i++) {
		double d = pos - pc->pos[i];
		if (d < 0)
			d = -d;
		if (d < bd)
			bd = d, best = i;
	}
	return best;
}

/* The header column of a cell: in a positioned table, the one whose header
 * cell starts where it starts (text is left-aligned under a left-aligned
 * head); else the nearest. */
static int pcol_at(const pcol *pc, const gk_line *l, const gk_cell *cl)
{
	if (l->geom == GK_GEOM_POS)
		for (int i = 0; i < pc->n; i++)
			if (cl->x0 - pc->x0[i] < 1 && pc->x0[i] - cl->x0 < 1)
				return i;
	return pcol_of(pc, cell_pos(l, cl));
}

/* The line of a performance table's header that holds 三级指标 and
 * `also`; -1 if there is none, or if it is flow text (no positions to
 * place the cells by: such a table is written with its header only). */
static int indicator_header(const nctx *c, const tspan *sp, const char *also)
{
	for (int i = sp->begin; i < sp->end; i++)
		if (strstr(c->x[i].compact, "三级指标") && strstr(c->x[i].compact, also))
			return i;
	return -1;
}

/* Does a flow-text token read as a 指标值: a bound, rate or count, or a
 * short word (相关, 完成, 明显)? */
static int flow_target(const nctx *c, const char *tok)
{
	char *cp = compact_of(tok);
	size_t n = strlen(cp);
	int r = rule_any(c, "target-value", cp) ||
	        (n >= 3 && n <= 12 && gk_has_cjk(cp) && !strpbrk(cp, ".,;:") && !strstr(cp, "，") && !strstr(cp, "。"));
	free(cp);
	return r;
}

static int punctuated(const char *t)
{
	return strstr(t, "，") || strstr(t, "。") || strstr(t, "；") || strstr(t, "、") || strchr(t, ';');
}

/* An indicator line of a flow-text performance table: [一级指标] [二级指标]
 * 三级指标 指标值 [说明...], words without sentence punctuation before the
 * value.  Returns the value's token index (a count and its unit, "≥40 个",
 * are one value: *unit says so), or -1. */
static int flow_indicator_line(const nctx *c, const gk_line *l, int *unit)
{
	*unit = 0;
	for (int k = 1; k < l->ncell && k < 5; k++) {
		if (punctuated(l->cell[k - 1].text) || strlen(l->cell[k - 1].text) < 6)
			return -1;
		if (!flow_target(c, l->cell[k].text))
			continue;
		int u = k + 1 < l->ncell && strlen(l->cell[k + 1].text) <= 6 && gk_has_cjk(l->cell[k + 1].text) &&
		        isdigit((unsigned char)l->cell[k].text[strlen(l->cell[k].text) - 1]);
		int after = k + 1 + u;
		/* the value ends the line, or a note follows */
		if (after >= l->ncell || punctuated(l->cell[after].text) || strlen(l->cell[after].text) > 36) {
			*unit = u;
			return k;
		}
	}
	return -1;
}

/* The department performance table in flow text (spaces only, empty cells
 * dropped): 一级指标 words on lines of their own, a 二级指标 alone or
 * before the indicator, "三级指标 指标值" lines, and the note's wrapped
 * lines after its indicator. */
static void parse_dperf_flow(nctx *c, const tspan *sp, gk_table *t, int hl)
{
	int cl1 = gk_table_col(t, "level1"), cl2 = gk_table_col(t, "level2"), ci = gk_table_col(t, "indicator"),
	    ct = gk_table_col(t, "target"), cn = gk_table_col(t, "note");
	char *l1 = NULL, *l2 = NULL;
	gk_buf note = {0};
	int row = -1;
	for (int i = hl + 1; i <= sp->end; i++) {
		const xline *x = i < sp->end ? &c->x[i] : NULL;
		if (x && (x->skip || !x->l->ncell))
			continue;
		int end = !x || rule_any(c, "table-end", x->compact);
		int level1 = !end && rule_any(c, "perf-level1", x->compact);
		int unit = 0, at = end || level1 ? -1 : flow_indicator_line(c, x->l, &unit), ind = at >= 0;
		int level2 = 0;
		if (!end && !level1 && !ind && x->l->ncell == 1 && strlen(x->compact) <= 24 && gk_has_cjk(x->compact) &&
		    !strpbrk(x->compact, ".,;:%") && !strstr(x->compact, "，") && !strstr(x->compact, "。") &&
		    !strstr(x->compact, "；")) {
			/* a short line before an indicator (or a 一级指标) heads it */
			for (int k = i + 1; k < sp->end; k++) {
				if (c->x[k].skip || !c->x[k].l->ncell)
					continue;
				int u2;
				level2 = rule_any(c, "perf-level1", c->x[k].compact) || flow_indicator_line(c, c->x[k].l, &u2) >= 0;
				break;
			}
		}
		if ((end || level1 || ind || level2) && row >= 0 && note.len) {
			char *cl = gk_label_clean(note.s);
			gk_table_set(t, row, cn, cl);
			free(cl);
			gk_buf_reset(&note);
		}
		if (end)
			break;
		if (level1) {
			free(l1), free(l2);
			l1 = gk_strdup(x->compact), l2 = NULL;
			row = -1;
		} else if (level2) {
			free(l2);
			l2 = gk_strdup(x->compact);
			row = -1;
		} else if (ind) {
			const gk_line *l = x->l;
			int w = 0; /* the words before the value: [一级] [二级] 三级 */
			char *lead = compact_of(l->cell[0].text);
			if (at >= 2 && rule_any(c, "perf-level1", lead)) {
				free(l1), free(l2);
				l1 = lead, l2 = NULL, w = 1;
			} else {
				free(lead);
			}
			if (at - w >= 2) {
				free(l2);
				l2 = compact_of(l->cell[w].text);
				w++;
			}
			gk_buf in = {0}, tg = {0};
			for (int k = w; k < at; k++)
				gk_buf_adds(&in, l->cell[k].text);
			for (int k = at; k <= at + unit; k++)
				gk_buf_adds(&tg, l->cell[k].text);
			gk_table_add_row(t);
			row = t->nrow - 1;
			char *a1 = compact_of(in.s), *a2 = compact_of(tg.s);
			gk_table_set(t, row, ci, a1);
			gk_table_set(t, row, ct, a2);
			free(a1), free(a2);
			gk_buf_drop(&in), gk_buf_drop(&tg);
			if (l1)
				gk_table_set(t, row, cl1, l1);
			if (l2)
				gk_table_set(t, row, cl2, l2);
			for (int k = at + unit + 1; k < l->ncell; k++)
				gk_buf_adds(&note, l->cell[k].text);
		} else if (row >= 0) {
			gk_buf_adds(&note, x->compact);
		}
	}
	gk_buf_drop(&note);
	free(l1), free(l2);
}

void parse_dperf(nctx *c, const tspan *sp, gk_table *t)
{
	/* the indicator header line */
	int hl = indicator_header(c, sp, "一级指标");
	if (hl < 0)
		return;
	if (c->x[hl].l->geom == GK_GEOM_FLOW) {
		parse_dperf_flow(c, sp, t, hl);
		return;
	}
	const gk_line *h = c->x[hl].l;
	pcol pc = {0};
	static const struct { const char *word, *key; } hw[] = {
		{"一级指标", "level1"}, {"二级指标", "level2"}, {"三级指标", "indicator"},
		{"指标值说明", "note"}, {"备注", "note"}, {"说明", "note"}, {"指标值", "target"}, {"目标值", "target"}};
	for (int j = 0; j < h->ncell && pc.n < 16; j++) {
		char *cp = compact_of(h->cell[j].text);
		for (size_t w = 0; w < sizeof hw / sizeof hw[0]; w++)
			if (strstr(cp, hw[w].word)) {
				pc.pos[pc.n] = cell_pos(h, &h->cell[j]);
				pc.x0[pc.n] = h->cell[j].x0;
				pc.key[pc.n++] = hw[w].key;
				break;
			}
		free(cp);
	}
	if (pc.n < 3)
		return;
	if (h->geom == GK_GEOM_POS && sp->title >= 0) {
		/* A fixed-height export centres a long cell's lines on its row,
		 * into the rows above and below: rebuild the rows, anchored on
		 * the short target cells that sit on their row's centre. */
		lr_anchor an = {hl + 1, 0, {0}, 0};
		for (int j = 0; j < h->ncell && an.ncol < 32; j++) {
			if (an.ncol && h->cell[j].x0 < an.colx[an.ncol - 1] + 1)
				continue; /* a stray line of the first row's note */
			for (int k = 0; k < pc.n; k++)
				if (pc.x0[k] == h->cell[j].x0 && !strcmp(pc.key[k], "target"))
					an.mask |= 1u << an.ncol;
			an.colx[an.ncol++] = h->cell[j].x0;
		}
		if (an.mask) {
			with_rows(c, sp, t, parse_dperf, &an);
			return;
		}
	}
	int c1 = gk_table_col(t, "level1"), c2 = gk_table_col(t, "level2");
	int first = t->nrow;
	/* Positioned tables print a long note over several lines centred on
	 * its row, and a merged 一级/二级指标 cell once in the middle of its
	 * group: such floating pieces go to the nearest row (by its line). */
	int pos = h->geom == GK_GEOM_POS;
	typedef struct piece { int page; double y; int key; char *text; int own; } piece;
	piece *fl = NULL;
	int nfl = 0;
	double *ry = NULL; /* row -> y of its line */
	int *rpage = NULL;
	for (int i = hl + 1; i < sp->end; i++) {
		const xline *x = &c->x[i];
		if (x->skip || !x->l->ncell)
			continue;
		if (rule_any(c, "table-end", x->compact))
			break;
		if (strstr(x->compact, "三级指标") && strstr(x->compact, "指标值"))
			continue; /* the header again, on the next page */
		const char *vals[16] = {0};
		int any = 0;
		for (int j = 0; j < x->l->ncell; j++) {
			const char *s = x->l->cell[j].text;
			while (*s == ' ')
				s++;
			if (!*s)
				continue;
			int k = pcol_at(&pc, x->l, &x->l->cell[j]);
			if (k >= 0 && !vals[k]) {
				vals[k] = s;
				any = 1;
			}
		}
		if (!any)
			continue;
		int ind = -1, tgt = -1;
		for (int k = 0; k < pc.n; k++) {
			if (!strcmp(pc.key[k], "indicator"))
				ind = k;
			if (!strcmp(pc.key[k], "target"))
				tgt = k;
		}
		/* a row printed shifted left (its empty leading cells dropped):
		 * no target, and a target value under an earlier column, right
		 * after the text that is its indicator.  Its cells move right so
		 * that the value stands under 指标值. */
		if (ind >= 0 && tgt == ind + 1 && !vals[tgt]) {
			int v = -1;
			for (int k = tgt - 1; k > 0 && v < 0; k--)
				if (vals[k] && vals[k - 1]) {
					char *cp = compact_of(vals[k]);
					if (rule_any(c, "target-value", cp))
						v = k;
					free(cp);
				}
			int shift = v >= 0 ? tgt - v : 0;
			for (int k = 0; k < pc.n && shift; k++)
				if (vals[k] && k + shift >= pc.n)
					shift = 0;
			for (int k = pc.n - 1; k >= 0 && shift; k--)
				vals[k] = k >= shift ? vals[k - shift] : NULL;
		}
		/* a line with only the indicator or note column continues the row
		 * above (rows rebuilt around their targets have their wrapped
		 * lines joined already: such a line is a row without a target) */
		int only_text = (ind >= 0 && vals[ind] && (tgt < 0 || !vals[tgt])) && sp->title >= 0;
		for (int k = 0; k < pc.n; k++)
			if (vals[k] && k != ind && strcmp(pc.key[k], "note"))
				only_text = 0;
		if (only_text && t->nrow > first) {
			int ci = gk_table_col(t, "indicator");
			char *joined = gk_strfmt("%s%s", t->rows[t->nrow - 1][ci], vals[ind]);
			char *cl = gk_label_clean(joined);
			gk_table_set(t, t->nrow - 1, ci, cl);
			free(cl);
			free(joined);
			continue;
		}
		if (ind < 0 || !vals[ind]) {
			if (pos) /* note or merged-level pieces: placed once all rows are known */
				for (int k = 0; k < pc.n; k++)
					if (vals[k] && strcmp(pc.key[k], "target")) {
						fl = gk_realloc(fl, sizeof *fl * (size_t)(nfl + 1));
						fl[nfl++] = (piece){x->l->page, (x->l->y0 + x->l->y1) / 2, gk_table_col(t, pc.key[k]),
						                    gk_strdup(vals[k]), 0};
					}
			continue;
		}
		gk_table_add_row(t);
		ry = gk_realloc(ry, sizeof *ry * (size_t)(t->nrow - first));
		rpage = gk_realloc(rpage, sizeof *rpage * (size_t)(t->nrow - first));
		ry[t->nrow - 1 - first] = (x->l->y0 + x->l->y1) / 2;
		rpage[t->nrow - 1 - first] = x->l->page;
		for (int k = 0; k < pc.n; k++)
			if (vals[k]) {
				char *cl = gk_label_clean(vals[k]);
				gk_table_set(t, t->nrow - 1, gk_table_col(t, pc.key[k]), cl);
				free(cl);
				if (pos && !strcmp(pc.key[k], "note")) { /* its own note piece, at its line */
					fl = gk_realloc(fl, sizeof *fl * (size_t)(nfl + 1));
					fl[nfl++] = (piece){x->l->page, ry[t->nrow - 1 - first], gk_table_col(t, "note"),
					                    gk_strdup(vals[k]), 1};
				}
			}
	}
	if (pos && t->nrow > first) {
		int cn = gk_table_col(t, "note");
		int *owner = gk_malloc(sizeof(int) * (size_t)(nfl ? nfl : 1));
		for (int q = 0; q < nfl; q++) {
			owner[q] = -1;
			double bd = 1e18;
			for (int r = first; r < t->nrow; r++) {
				if (rpage[r - first] != fl[q].page)
					continue;
				double d = fl[q].y - ry[r - first];
				if (d < 0)
					d = -d;
				if (d < bd)
					bd = d, owner[q] = r;
			}
		}
		/* notes: the pieces of each row in line order; on rows rebuilt
		 * around their targets a row's own note is whole, and what is
		 * left over near it belongs to another row's longer note */
		for (int r = first; r < t->nrow; r++) {
			gk_buf b = {0};
			int have = 0, own = 0;
			for (int q = 0; q < nfl; q++)
				own |= owner[q] == r && fl[q].own && sp->title < 0;
			for (int q = 0; q < nfl; q++) /* pieces were collected in line order */
				if (owner[q] == r && fl[q].key == cn && (fl[q].own || !own)) {
					gk_buf_adds(&b, fl[q].text);
					have = 1;
				}
			if (have) {
				char *cl = gk_label_clean(b.s);
				gk_table_set(t, r, cn, cl);
				free(cl);
			}
			gk_buf_drop(&b);
		}
		for (int q = 0; q < nfl; q++)
			if (owner[q] >= 0 && fl[q].key != cn && !*t->rows[owner[q]][fl[q].key]) {
				char *cl = gk_label_clean(fl[q].text);
				gk_table_set(t, owner[q], fl[q].key, cl);
				free(cl);
			}
		free(owner);
	}
	for (int q = 0; q < nfl; q++)
		free(fl[q].text);
	free(fl);
	free(ry);
	free(rpage);
	/* merged cells: fill down; leading blanks take the first value below */
	for (int col = 0; col < 2; col++) {
		int ci = col ? c2 : c1;
		const char *last = NULL;
		for (int r = first; r < t->nrow; r++) {
			if (*t->rows[r][ci])
				last = t->rows[r][ci];
			else if (last)
				gk_table_set(t, r, ci, last), last = t->rows[r][ci];
		}
		for (int r = t->nrow - 1, nx = -1; r >= first; r--) {
			if (*t->rows[r][ci])
				nx = r;
			else if (nx >= 0)
				gk_table_set(t, r, ci, t->rows[nx][ci]);
		}
	}
}

/* A project code: a long run of digits (unit codes are 3 to 9). */
static int pperf_code(const char *s)
{
	return is_digits(s, 10, 30);
}

/* The project performance table in flow text: a project line (its long
 * code, its name, its amounts, the name and amounts perhaps on the lines
 * after), then its indicators and their values as one stream of words, the
 * four categories' columns flattened row by row.  A value (a bound, rate
 * or count, or a word of two to four characters) closes the indicator the
 * words before it make; a lone character after a value ends the value
 * (≥7500平方 / 米).  The category is read from the indicator's words
 * (perf-category rules), flow text having lost its column. */
static void parse_pperf_flow(nctx *c, const tspan *sp, gk_table *t, int hl)
{
	int cc = gk_table_col(t, "project_code"), cn = gk_table_col(t, "project_name"), ct = gk_table_col(t, "total"),
	    cg = gk_table_col(t, "government"), cs = gk_table_col(t, "special_account"),
	    cu = gk_table_col(t, "unit_funds"), ck = gk_table_col(t, "category"), ci = gk_table_col(t, "indicator"),
	    cv = gk_table_col(t, "target");
	int nrule;
	const gk_rule *const *cat = gk_rules_of(c->rules, "perf-category", &nrule);
	char code[64] = "", *name = NULL, amt[4][48] = {"", "", "", ""};
	int in_head = 0; /* reading a project's name lines, up to its amounts */
	int skip_unit = 0;
	gk_buf ind = {0}, name_b = {0};
	int last = -1; /* the row of the last value, for a lone character after it */
	for (int i = hl + 1; i < sp->end; i++) {
		const xline *x = &c->x[i];
		if (x->skip || !x->l->ncell)
			continue;
		if (rule_any(c, "table-end", x->compact))
			break;
		const gk_line *l = x->l;
		char *first = compact_of(l->cell[0].text);
		int is_code = is_digits(first, 3, 30);
		if (is_code) {
			gk_buf_reset(&ind);
			last = -1;
			in_head = 1;
			skip_unit = !pperf_code(first);
			if (!skip_unit) {
				snprintf(code, sizeof code, "%s", first);
				gk_buf_reset(&name_b);
				for (int q = 0; q < 4; q++)
					amt[q][0] = 0;
			}
		}
		free(first);
		int j0 = is_code ? 1 : 0;
		if (in_head) {
			/* name words, then amounts */
			int na = 0;
			for (int j = j0; j < l->ncell; j++) {
				char buf[48], *fw = gk_fold_width(l->cell[j].text);
				int am = gk_amount_parse(fw, buf, sizeof buf) && strchr(fw, '.');
				free(fw);
				if (am) {
					if (!skip_unit && na < 4)
						snprintf(amt[na], sizeof amt[0], "%s", buf);
					na++;
				} else if (!skip_unit && !na) {
					gk_buf_adds(&name_b, l->cell[j].text);
				}
			}
			if (na) {
				in_head = 0;
				if (!skip_unit) {
					free(name);
					name = compact_of(name_b.s ? name_b.s : "");
				}
			}
			continue;
		}
		if (skip_unit || !*code)
			continue;
		for (int j = 0; j < l->ncell; j++) {
			char *w = compact_of(l->cell[j].text);
			int wl = (int)strlen(w);
			if (!*w) {
				free(w);
				continue;
			}
			if (!ind.len && last >= 0 && wl <= 3 && gk_has_cjk(w)) {
				/* a lone character after a value: its end */
				char *v = gk_strfmt("%s%s", t->rows[last][cv], w);
				gk_table_set(t, last, cv, v);
				free(v);
				free(w);
				continue;
			}
			int value = ind.len && (rule_any(c, "target-value", w) ||
			                        (wl >= 6 && wl <= 12 && gk_has_cjk(w) && !punctuated(w)));
			if (!value) {
				gk_buf_adds(&ind, w);
				last = -1;
				free(w);
				continue;
			}
			gk_table_add_row(t);
			int r = t->nrow - 1;
			gk_table_set(t, r, cc, code);
			gk_table_set(t, r, cn, name ? name : "");
			const int mc[4] = {ct, cg, cs, cu};
			for (int q = 0; q < 4; q++)
				if (amt[q][0])
					gk_table_set(t, r, mc[q], amt[q]);
			const char *k = "产出指标";
			for (int q = 0; q < nrule; q++)
				if (gk_rule_match(cat[q], ind.s, ind.len, NULL)) {
					k = cat[q]->name;
					break;
				}
			gk_table_set(t, r, ck, k);
			gk_table_set(t, r, ci, ind.s);
			gk_table_set(t, r, cv, w);
			gk_buf_reset(&ind);
			last = r;
			free(w);
		}
	}
	free(name);
	gk_buf_drop(&ind);
	gk_buf_drop(&name_b);
}

void parse_pperf(nctx *c, const tspan *sp, gk_table *t)
{
	int hl = indicator_header(c, sp, "指标值");
	if (hl < 0)
		return;
	if (c->x[hl].l->geom == GK_GEOM_FLOW) {
		parse_pperf_flow(c, sp, t, hl);
		return;
	}
	const gk_line *h = c->x[hl].l;
	int tab = h->geom == GK_GEOM_TAB;
	/* the leaf header: money columns, then (三级指标, 指标值) pairs; a
	 * cell's virtual column is the leaf it starts under */
	double lx[64];
	int nlx = 0, first_pair = -1, npair = 0, money[4], nm = 0;
	for (int j = 0; j < h->ncell && nlx < 64; j++) {
		char *cp = compact_of(h->cell[j].text);
		if (*cp) {
			if (!strcmp(cp, "三级指标")) {
				if (first_pair < 0)
					first_pair = nlx;
				npair++;
			} else if ((strstr(cp, "资金") || strstr(cp, "总额")) && nm < 4 && first_pair < 0) {
				money[nm++] = nlx;
			}
			lx[nlx++] = h->cell[j].x0;
		}
		free(cp);
	}
	if (first_pair < 0)
		return;
	if (h->geom == GK_GEOM_POS && sp->title >= 0) {
		/* Rebuild the rows of a fixed-height export (long cells centred
		 * on their row, over the rows above and below), anchored on the
		 * amounts and the target values.  Columns: the head's cells
		 * left of the leaves (code, name), then the leaves.  Pairs are
		 * (indicator, value) from the leftmost leaf that holds text (a
		 * table may print them a leaf right of their header words). */
		lr_anchor an = {hl + 1, 0, {0}, 0};
		for (int i = sp->begin; i < hl; i++)
			for (int j = 0; j < c->x[i].l->ncell; j++) {
				double x = c->x[i].l->cell[j].x0;
				int dup = 0;
				for (int k = 0; k < an.ncol; k++)
					dup |= x - an.colx[k] < 2 && an.colx[k] - x < 2;
				if (!dup && x < lx[0] - 2 && an.ncol < 16)
					an.colx[an.ncol++] = x;
			}
		qsort(an.colx, (size_t)an.ncol, sizeof an.colx[0], cmp_double);
		int lead = an.ncol, minrel = -1, ok = nlx + lead <= 32;
		for (int k = 0; k < nlx && ok; k++) {
			ok = !k || lx[k] > lx[k - 1];
			an.colx[lead + k] = lx[k];
		}
		an.ncol = lead + nlx;
		for (int i = hl + 1; i < sp->end && ok; i++)
			for (int j = 0; j < c->x[i].l->ncell && !c->x[i].skip; j++) {
				int vi = anchor_col(&an, c->x[i].l->cell[j].x0) - lead;
				if (vi >= first_pair && (minrel < 0 || vi - first_pair < minrel))
					minrel = vi - first_pair;
			}
		if (ok && minrel >= 0) {
			for (int m = 0; m < nm; m++)
				an.mask |= 1u << (lead + money[m]);
			for (int k = first_pair; k < nlx; k++)
				if ((k - first_pair - minrel) & 1)
					an.mask |= 1u << (lead + k);
			with_rows(c, sp, t, parse_pperf, &an);
			return;
		}
	}
	if (npair > 8)
		npair = 8;
	static const char *cats[] = {"成本指标", "产出指标", "效益指标", "满意度指标"};
	const char *pcat[8] = {0};
	{
		int ci = 0;
		const char *allc = c->x[hl > 0 ? hl - 1 : hl].compact;
		for (int k = 0; k < 4 && ci < npair; k++)
			if (strstr(allc, cats[k]))
				pcat[ci++] = cats[k];
		for (; ci < npair; ci++)
			pcat[ci] = cats[ci < 4 ? ci : 3];
	}
	static const char *mkeys[] = {"total", "government", "special_account", "unit_funds"};
	char code[64] = "", *name = NULL, mon[4][48];
	memset(mon, 0, sizeof mon);
	int have_proj = 0, proj_first = t->nrow, last_row = -1;
	int cind = gk_table_col(t, "indicator"), ctgt = gk_table_col(t, "target");
	for (int i = hl + 1; i < sp->end; i++) {
		const xline *x = &c->x[i];
		if (x->skip || !x->l->ncell)
			continue;
		if (rule_any(c, "table-end", x->compact))
			break;
		if (strstr(x->compact, "三级指标") && strstr(x->compact, "指标值"))
			continue; /* the header again, on the next page */
		const gk_line *l = x->l;
		int rel[64];
		const char *txt[64];
		int ni = 0;
		int name_changed = 0;
		for (int j = 0; j < l->ncell; j++) {
			const char *s0 = l->cell[j].text;
			if (!*s0 || strspn(s0, " ") == strlen(s0))
				continue;
			/* the leaf this cell starts under (-1: left of them all) */
			int vi = -1;
			if (tab) {
				for (int k = 0; k < nlx; k++)
					if (lx[k] <= l->cell[j].x0 + 0.01)
						vi = k;
			} else {
				for (int k = 0; k < nlx; k++)
					if (lx[k] <= l->cell[j].x0 + 2)
						vi = k;
			}
			if (vi < first_pair && (nm == 0 || vi < money[0])) {
				/* code, name, or a unit line */
				char *cp = compact_of(s0);
				if (is_digits(cp, 10, 40)) {
					have_proj = 1;
					snprintf(code, sizeof code, "%s", cp);
					free(name);
					name = NULL;
					memset(mon, 0, sizeof mon);
					proj_first = t->nrow;
					last_row = -1;
				} else if (is_digits(cp, 1, 9)) {
					have_proj = 0; /* a unit line */
				} else if (have_proj) {
					char *cl = gk_label_clean(s0);
					char *nn = name ? gk_strfmt("%s%s", name, cl) : gk_strdup(cl);
					free(name);
					free(cl);
					name = nn;
					name_changed = 1;
				}
				free(cp);
				continue;
			}
			if (vi < first_pair) {
				char buf[48], *fw = gk_fold_width(s0);
				if (gk_amount_parse(fw, buf, sizeof buf))
					for (int m = 0; m < nm; m++)
						if (money[m] == vi)
							snprintf(mon[m], sizeof mon[0], "%s", buf);
				free(fw);
				continue;
			}
			if (ni < 64) {
				rel[ni] = vi - first_pair;
				txt[ni++] = s0;
			}
		}
		if (!have_proj)
			continue;
		if (name_changed) /* a name wrapped below its first line */
			for (int r = proj_first; r < t->nrow; r++)
				gk_table_set(t, r, gk_table_col(t, "project_name"), name);
		/* consecutive cells pair up; a dropped cell shifts the rest left,
		 * so a pair starting under a value column belongs to the next */
		for (int q = 0; q < ni;) {
			int k = (rel[q] + 1) / 2;
			if (k >= npair)
				k = npair - 1;
			int has_val = q + 1 < ni && rel[q + 1] <= 2 * k + 2;
			if (!has_val && last_row >= 0 && ni == 1) {
				/* a lone cell: the wrapped rest of the indicator or value above */
				int col = rel[q] % 2 == 0 || rel[q] == 2 * k - 1 ? cind : ctgt;
				char *joined = gk_strfmt("%s%s", t->rows[last_row][col], txt[q]);
				char *cl = gk_label_clean(joined);
				gk_table_set(t, last_row, col, cl);
				free(cl);
				free(joined);
				q++;
				continue;
			}
			gk_table_add_row(t);
			int r = t->nrow - 1;
			last_row = r;
			gk_table_set(t, r, gk_table_col(t, "project_code"), code);
			gk_table_set(t, r, gk_table_col(t, "project_name"), name ? name : "");
			for (int m = 0; m < nm && m < 4; m++)
				gk_table_set(t, r, gk_table_col(t, mkeys[m]), mon[m]);
			gk_table_set(t, r, gk_table_col(t, "category"), pcat[k]);
			char *a1 = gk_label_clean(txt[q]);
			gk_table_set(t, r, cind, a1);
			free(a1);
			if (has_val) {
				char *b1 = gk_label_clean(txt[q + 1]);
				gk_table_set(t, r, ctgt, b1);
				free(b1);
				q += 2;
			} else {
				q++;
			}
		}
	}
	free(name);
}
