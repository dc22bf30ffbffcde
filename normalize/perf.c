/*
 * perf.c - department_performance (一级/二级/三级指标, 指标值, 说明):
 * positioned or TAB, cells placed under the header's columns (fixed-
 * height exports rebuilt around their target cells, notes and merged
 * levels printed between rows placed on the nearest row); flow text read
 * from the words and the perf-level1/target-value rules.  Also what the
 * project performance reader (pperf.c) shares: the indicator header line.
 *
 * Entry points: parse_dperf; indicator_header, punctuated (pperf.c).
 */
#include "pgrid.h"

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
 * `also`; -1 if there is none. */
int indicator_header(const nctx *c, const tspan *sp, const char *also)
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

/* t holds sentence punctuation (，。；、;) */
int punctuated(const char *t)
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
			row = table_row(c, t, i, i);
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

/* The columns of the indicator header line h: the cells whose words name
 * one (一级指标 … 指标值说明).  Returns their count. */
static int dperf_columns(const gk_line *h, pcol *pc)
{
	static const struct { const char *word, *key; } hw[] = {
		{"一级指标", "level1"}, {"二级指标", "level2"}, {"三级指标", "indicator"},
		{"指标值说明", "note"}, {"备注", "note"}, {"说明", "note"}, {"指标值", "target"}, {"目标值", "target"}};
	for (int j = 0; j < h->ncell && pc->n < 16; j++) {
		char *cp = compact_of(h->cell[j].text);
		for (size_t w = 0; w < sizeof hw / sizeof hw[0]; w++)
			if (strstr(cp, hw[w].word)) {
				pc->pos[pc->n] = cell_pos(h, &h->cell[j]);
				pc->x0[pc->n] = h->cell[j].x0;
				pc->key[pc->n++] = hw[w].key;
				break;
			}
		free(cp);
	}
	return pc->n;
}

/* A fixed-height export centres a long cell's lines on its row, into the
 * rows above and below: rebuild the rows, anchored on the short target
 * cells that sit on their row's centre, and read them.  Returns 0 when
 * the header has no target column to anchor on. */
static int dperf_anchored(nctx *c, const tspan *sp, gk_table *t, int hl, const pcol *pc)
{
	const gk_line *h = c->x[hl].l;
	lr_anchor an = {hl + 1, 0, {0}, 0};
	for (int j = 0; j < h->ncell && an.ncol < 32; j++) {
		if (an.ncol && h->cell[j].x0 < an.colx[an.ncol - 1] + 1)
			continue; /* a stray line of the first row's note */
		for (int k = 0; k < pc->n; k++)
			if (pc->x0[k] == h->cell[j].x0 && !strcmp(pc->key[k], "target"))
				an.mask |= 1u << an.ncol;
		an.colx[an.ncol++] = h->cell[j].x0;
	}
	if (!an.mask)
		return 0;
	with_rows(c, sp, t, parse_dperf, &an);
	return 1;
}

/* The cells of line l under the header's columns: vals[k], the first
 * text under column k.  Returns whether there is any. */
static int dperf_cells(const pcol *pc, const gk_line *l, const char *vals[16])
{
	int any = 0;
	for (int j = 0; j < l->ncell; j++) {
		const char *s = l->cell[j].text;
		while (*s == ' ')
			s++;
		if (!*s)
			continue;
		int k = pcol_at(pc, l, &l->cell[j]);
		if (k >= 0 && !vals[k]) {
			vals[k] = s;
			any = 1;
		}
	}
	return any;
}

/* A row printed shifted left (its empty leading cells dropped): no
 * target, and a target value under an earlier column, right after the
 * text that is its indicator.  Its cells move right so that the value
 * stands under 指标值 (column tgt, right after the indicator's). */
static void dperf_unshift(const nctx *c, const pcol *pc, int tgt, const char *vals[16])
{
	int v = -1;
	for (int k = tgt - 1; k > 0 && v < 0; k--)
		if (vals[k] && vals[k - 1]) {
			char *cp = compact_of(vals[k]);
			if (rule_any(c, "target-value", cp))
				v = k;
			free(cp);
		}
	int shift = v >= 0 ? tgt - v : 0;
	for (int k = 0; k < pc->n && shift; k++)
		if (vals[k] && k + shift >= pc->n)
			shift = 0;
	for (int k = pc->n - 1; k >= 0 && shift; k--)
		vals[k] = k >= shift ? vals[k - shift] : NULL;
}

/* Positioned tables print a long note over several lines centred on its
 * row, and a merged 一级/二级指标 cell once in the middle of its group:
 * such floating pieces go to the nearest row (by its line). */
typedef struct piece {
	int page;
	double y;
	int key;    /* its column in the table */
	char *text;
	int own;    /* printed on its row's own line */
} piece;

/* The rows of a department performance table read so far: the floating
 * pieces, and where each row's line is. */
typedef struct drows {
	int first;    /* the table's first row of this span */
	piece *fl;
	int nfl;
	double *ry;   /* row - first -> y of its line */
	int *rpage;
} drows;

static void add_piece(drows *dr, int page, double y, int key, const char *text, int own)
{
	dr->fl = gk_realloc(dr->fl, sizeof *dr->fl * (size_t)(dr->nfl + 1));
	dr->fl[dr->nfl++] = (piece){page, y, key, gk_strdup(text), own};
}

/* The indicator rows of lines (hl, end) into t: a line with an indicator
 * is a row; a line with only the indicator (or note) continues the row
 * above; positioned, a line without an indicator holds floating pieces. */
static void dperf_rows(const nctx *c, const tspan *sp, gk_table *t, int hl, const pcol *pc, drows *dr)
{
	int pos = c->x[hl].l->geom == GK_GEOM_POS;
	int ind = -1, tgt = -1;
	for (int k = 0; k < pc->n; k++) {
		if (!strcmp(pc->key[k], "indicator"))
			ind = k;
		if (!strcmp(pc->key[k], "target"))
			tgt = k;
	}
	for (int i = hl + 1; i < sp->end; i++) {
		const xline *x = &c->x[i];
		if (x->skip || !x->l->ncell)
			continue;
		if (rule_any(c, "table-end", x->compact))
			break;
		if (strstr(x->compact, "三级指标") && strstr(x->compact, "指标值"))
			continue; /* the header again, on the next page */
		const char *vals[16] = {0};
		if (!dperf_cells(pc, x->l, vals))
			continue;
		if (ind >= 0 && tgt == ind + 1 && !vals[tgt])
			dperf_unshift(c, pc, tgt, vals);
		/* a line with only the indicator or note column continues the row
		 * above (rows rebuilt around their targets have their wrapped
		 * lines joined already: such a line is a row without a target) */
		int only_text = (ind >= 0 && vals[ind] && (tgt < 0 || !vals[tgt])) && sp->title >= 0;
		for (int k = 0; k < pc->n; k++)
			if (vals[k] && k != ind && strcmp(pc->key[k], "note"))
				only_text = 0;
		if (only_text && t->nrow > dr->first) {
			int ci = gk_table_col(t, "indicator");
			char *joined = gk_strfmt("%s%s", t->rows[t->nrow - 1][ci], vals[ind]);
			char *cl = gk_label_clean(joined);
			gk_table_set(t, t->nrow - 1, ci, cl);
			free(cl);
			free(joined);
			continue;
		}
		double y = (x->l->y0 + x->l->y1) / 2;
		if (ind < 0 || !vals[ind]) {
			if (pos) /* note or merged-level pieces: placed once all rows are known */
				for (int k = 0; k < pc->n; k++)
					if (vals[k] && strcmp(pc->key[k], "target"))
						add_piece(dr, x->l->page, y, gk_table_col(t, pc->key[k]), vals[k], 0);
			continue;
		}
		table_row(c, t, i, i);
		int n = t->nrow - dr->first;
		dr->ry = gk_realloc(dr->ry, sizeof *dr->ry * (size_t)n);
		dr->rpage = gk_realloc(dr->rpage, sizeof *dr->rpage * (size_t)n);
		dr->ry[n - 1] = y;
		dr->rpage[n - 1] = x->l->page;
		for (int k = 0; k < pc->n; k++)
			if (vals[k]) {
				char *cl = gk_label_clean(vals[k]);
				gk_table_set(t, t->nrow - 1, gk_table_col(t, pc->key[k]), cl);
				free(cl);
				if (pos && !strcmp(pc->key[k], "note")) /* its own note piece, at its line */
					add_piece(dr, x->l->page, dr->ry[n - 1], gk_table_col(t, "note"), vals[k], 1);
			}
	}
}

/* Each floating piece to the row whose line is nearest on its page:
 * notes joined in line order (on rows rebuilt around their targets a
 * row's own note is whole, and what is left over near it belongs to
 * another row's longer note), merged levels where the row has none. */
static void place_pieces(const tspan *sp, gk_table *t, const drows *dr)
{
	const piece *fl = dr->fl;
	int nfl = dr->nfl, first = dr->first;
	int cn = gk_table_col(t, "note");
	int *owner = gk_malloc(sizeof(int) * (size_t)(nfl ? nfl : 1));
	for (int q = 0; q < nfl; q++) {
		owner[q] = -1;
		double bd = 1e18;
		for (int r = first; r < t->nrow; r++) {
			if (dr->rpage[r - first] != fl[q].page)
				continue;
			double d = fl[q].y - dr->ry[r - first];
			if (d < 0)
				d = -d;
			if (d < bd)
				bd = d, owner[q] = r;
		}
	}
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

/* Merged cells of column ci in rows [first, nrow): filled down; leading
 * blanks take the first value below. */
void fill_down(gk_table *t, int first, int ci)
{
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

/* The department performance table: the indicator header's columns,
 * then (flow text, a fixed-height export, or cells under the columns)
 * one row per indicator; merged 一级/二级指标 cells filled down. */
void parse_dperf(nctx *c, const tspan *sp, gk_table *t)
{
	if (sp->title >= 0 && body_geom(c, sp->begin, sp->end) == GK_GEOM_POS && dperf_grid(c, sp, t))
		return; /* a ruled grid: rows anchored on 指标值 */
	int hl = indicator_header(c, sp, "一级指标");
	if (hl < 0)
		return;
	if (c->x[hl].l->geom == GK_GEOM_FLOW) {
		parse_dperf_flow(c, sp, t, hl);
		return;
	}
	pcol pc = {0};
	if (dperf_columns(c->x[hl].l, &pc) < 3)
		return;
	if (c->x[hl].l->geom == GK_GEOM_POS && sp->title >= 0 && dperf_anchored(c, sp, t, hl, &pc))
		return;
	drows dr = {.first = t->nrow};
	dperf_rows(c, sp, t, hl, &pc, &dr);
	if (c->x[hl].l->geom == GK_GEOM_POS && t->nrow > dr.first)
		place_pieces(sp, t, &dr);
	for (int q = 0; q < dr.nfl; q++)
		free(dr.fl[q].text);
	free(dr.fl);
	free(dr.ry);
	free(dr.rpage);
	fill_down(t, dr.first, gk_table_col(t, "level1"));
	fill_down(t, dr.first, gk_table_col(t, "level2"));
}
