/*
 * other.c - tables of no contract type, kept as other_<n>.csv (TABLES.md
 * "Nothing is lost"): columns from the cells' positions, named by the
 * header words above them.
 *
 * Entry point: parse_other.
 */
#include "nctx.h"

#include <stdlib.h>
#include <string.h>

/* A table that matches no type is kept (TABLES.md "Nothing is lost"):
 * columns from the cells' positions (TAB field index, or x-overlap
 * clusters of a positioned table), named by the header words above them;
 * flow text, which has no columns, is kept a line a row. */
void parse_other(nctx *c, const tspan *sp, gk_table *t)
{
	int body = sp->end, stop = sp->end;
	for (int i = sp->begin; i < sp->end; i++)
		if (!c->x[i].skip && line_has_amount(c, i)) {
			body = i;
			break;
		}
	if (body == sp->end) /* no numbers: the header is the first line */
		for (int i = sp->begin; i < sp->end; i++)
			if (!c->x[i].skip && is_header_line(c, &c->x[i])) {
				body = i + 1;
				break;
			}
	for (int i = body; i < sp->end; i++)
		if (rule_any(c, "table-end", c->x[i].compact) || title_of(c, &c->x[i])) {
			stop = i;
			break;
		}
	gk_geom geom = body_geom(c, body, stop);
	/* columns: [a, b) ranges */
	double ca[64], cb[64];
	int nc = 0;
	if (geom == GK_GEOM_FLOW) {
		nc = 1;
		ca[0] = -1e18, cb[0] = 1e18;
	} else {
		for (int i = body; i < stop; i++) {
			if (c->x[i].skip)
				continue;
			const gk_line *l = c->x[i].l;
			for (int j = 0; j < l->ncell; j++) {
				double a = l->cell[j].x0, b = geom == GK_GEOM_TAB ? a + 0.5 : l->cell[j].x1;
				if (!*l->cell[j].text)
					continue;
				int hit = -1;
				for (int k = 0; k < nc; k++)
					if (a < cb[k] && b > ca[k]) {
						if (hit < 0) {
							hit = k;
							if (a < ca[k])
								ca[k] = a;
							if (b > cb[k])
								cb[k] = b;
						} else { /* the cell bridges two columns: merge them */
							if (ca[k] < ca[hit])
								ca[hit] = ca[k];
							if (cb[k] > cb[hit])
								cb[hit] = cb[k];
							ca[k] = ca[--nc], cb[k] = cb[nc];
							k--;
						}
					}
				if (hit < 0 && nc < 64)
					ca[nc] = a, cb[nc++] = b;
			}
		}
		for (int i = 1; i < nc; i++) /* left to right */
			for (int j = i; j > 0 && ca[j] < ca[j - 1]; j--) {
				double ta = ca[j], tb = cb[j];
				ca[j] = ca[j - 1], cb[j] = cb[j - 1];
				ca[j - 1] = ta, cb[j - 1] = tb;
			}
	}
	if (!nc)
		return;
	/* names: the header words above each column */
	for (int k = 0; k < nc; k++) {
		gk_buf hw = {0};
		for (int i = sp->begin; i < body && geom != GK_GEOM_FLOW; i++) {
			const gk_line *l = c->x[i].l;
			if (c->x[i].skip || l->geom != geom || rule_any(c, "unit", c->x[i].compact) ||
			    rule_any(c, "dept", c->x[i].compact))
				continue;
			for (int j = 0; j < l->ncell; j++) {
				double a = l->cell[j].x0, b = geom == GK_GEOM_TAB ? a + 0.5 : l->cell[j].x1;
				if (a < cb[k] && b > ca[k])
					gk_buf_adds(&hw, l->cell[j].text);
			}
		}
		char *name = compact_of(hw.s ? hw.s : "");
		gk_buf_drop(&hw);
		char *key = *name ? gk_strdup(name) : gk_strfmt(geom == GK_GEOM_FLOW ? "text" : "col%d", k + 1);
		if (gk_table_col(t, key) >= 0) {
			char *k2 = gk_strfmt("%s_%d", key, k + 1);
			free(key);
			key = k2;
		}
		gk_table_add_col(t, key);
		free(key);
		free(name);
	}
	int shift = c->unit_seen ? c->unit_shift : 0;
	for (int i = body; i < stop; i++) {
		if (c->x[i].skip)
			continue;
		const gk_line *l = c->x[i].l;
		if (!l->ncell)
			continue;
		int r = table_row(c, t, i, i);
		for (int j = 0; j < l->ncell; j++) {
			double a = l->cell[j].x0, b = geom == GK_GEOM_TAB ? a + 0.5 : l->cell[j].x1;
			int k = 0;
			if (geom != GK_GEOM_FLOW)
				for (k = 0; k < nc && !(a < cb[k] && b > ca[k]); k++)
					;
			if (k >= nc)
				continue;
			char buf[48], *fw = gk_fold_width(l->cell[j].text);
			int isnum = gk_amount_parse(fw, buf, sizeof buf) && strchr(fw, '.');
			free(fw);
			if (isnum) {
				put_amount(t, r, k, buf, shift);
				continue;
			}
			char *cl = gk_label_clean(l->cell[j].text);
			const char *old = t->rows[r][k];
			char *joined = *old ? gk_strfmt("%s %s", old, cl) : gk_strdup(cl);
			char *j2 = gk_label_clean(joined);
			gk_table_set(t, r, k, j2);
			free(j2);
			free(joined);
			free(cl);
		}
	}
}
