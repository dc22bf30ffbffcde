/*
 * keys.c - what a row is: its codes and names read from its text pieces
 * per family (function codes with 类/款/项 printed once above their rows
 * and misprinted classes repaired, economic codes 3xx/5xx, unit codes,
 * a project's type, unit and name), and whether it is a total row.
 *
 * Entry points: interpret_keys, rowkeys_free.
 */
#include "nctx.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static int is_org_name(const char *s)
{
	static const char *suf[] = {"局", "委员会", "委", "办公室", "办", "中心", "院", "所", "站", "队", "馆", "会", "部",
	                            "厅", "处", "室", "学校", "医院", "公司", "街道", "镇", "乡", "政府", "机关", "本级",
	                            "小学", "中学", "幼儿园", "大学", "署", "社", "台", NULL};
	size_t l = strlen(s);
	if (l < 6)
		return 0;
	for (int i = 0; suf[i]; i++) {
		size_t k = strlen(suf[i]);
		if (l >= k && !strcmp(s + l - k, suf[i]))
			return 1;
	}
	return 0;
}

void rowkeys_free(rowkeys *k)
{
	free(k->name);
	free(k->name2);
	free(k->ptype);
	memset(k, 0, sizeof *k);
}

/* A row's text pieces: codes first, names after; interpret per family. */
void interpret_keys(nctx *c, fam_id f, prow *p, rowkeys *k)
{
	memset(k, 0, sizeof *k);
	/* merge code fragments "201" "03" "01" -> 2010301 */
	char codes[4][32];
	int ncode = 0;
	int name_at[4] = {0};
	gk_strv names = {0};
	for (int i = 0; i < p->ntext; i++) {
		char *cp = compact_of(p->text[i]);
		if (is_digits(cp, 1, 24)) {
			size_t l = strlen(cp);
			int glued = 0;
			if (ncode > 0 && name_at[ncode - 1] == names.n && l == 2) {
				size_t cl = strlen(codes[ncode - 1]);
				if ((cl == 3 || cl == 5) && (f == F_FUNC || f == F_BASIC || f == F_ECON || f == F_REVUNIT) &&
				    (codes[ncode - 1][0] == '2' || codes[ncode - 1][0] == '3' || codes[ncode - 1][0] == '5')) {
					strcat(codes[ncode - 1], cp);
					glued = 1;
				}
			}
			if (!glued && ncode < 4) {
				snprintf(codes[ncode], sizeof codes[0], "%s", cp);
				name_at[ncode] = names.n;
				ncode++;
			}
			free(cp);
			continue;
		}
		/* "[2010501]行政运行", "【201】…": a bracketed code */
		if ((cp[0] == '[' || !strncmp(cp, "【", 3)) && ncode < 4) {
			const char *q = cp + (cp[0] == '[' ? 1 : 3);
			size_t dd = 0;
			while (isdigit((unsigned char)q[dd]))
				dd++;
			const char *close = q + dd;
			size_t cl = *close == ']' ? 1 : !strncmp(close, "】", 3) ? 3 : 0;
			if (dd >= 3 && dd <= 9 && cl) {
				snprintf(codes[ncode], sizeof codes[0], "%.*s", (int)dd, q);
				name_at[ncode] = names.n;
				ncode++;
				if (close[cl])
					gk_strv_pushs(&names, close + cl);
				free(cp);
				continue;
			}
		}
		/* "2010301行政运行": a code glued to its name */
		size_t d = 0;
		while (isdigit((unsigned char)cp[d]))
			d++;
		if ((d == 3 || d == 5 || d == 7) && cp[d] && strncmp(cp + d, "年", 3) && strncmp(cp + d, "月", 3) &&
		    cp[d] != '.' && f != F_PROJECT && ncode < 4) {
			snprintf(codes[ncode], sizeof codes[0], "%.*s", (int)d, cp);
			name_at[ncode] = names.n;
			ncode++;
			const char *at = strstr(p->text[i], cp + d); /* NULL when the name had spaces */
			at = at ? at : cp + d;
			if (*at == '-') /* "2080506-机关事业单位…" */
				at++;
			else if (!strncmp(at, "－", 3))
				at += 3;
			gk_strv_pushs(&names, at);
			free(cp);
			continue;
		}
		free(cp);
		gk_strv_pushs(&names, p->text[i]);
	}
	/* join name pieces between codes */
	char *seg[4] = {0};
	int nseg = 0;
	{
		int start = 0;
		for (int ci = 0; ci <= ncode && nseg < 4; ci++) {
			int end = ci + 1 <= ncode - 1 ? name_at[ci + 1] : names.n;
			if (ci == ncode)
				break;
			gk_buf b = {0};
			for (int j = (ci == 0 ? 0 : start); j < end; j++) {
				if (b.len)
					gk_buf_addc(&b, ' ');
				gk_buf_adds(&b, names.v[j]);
			}
			start = end;
			seg[nseg++] = gk_buf_take(&b);
		}
		if (ncode == 0) {
			gk_buf b = {0};
			for (int j = 0; j < names.n; j++) {
				if (b.len)
					gk_buf_addc(&b, ' ');
				gk_buf_adds(&b, names.v[j]);
			}
			seg[nseg++] = gk_buf_take(&b);
		}
	}
	char *clean[4] = {0};
	for (int i = 0; i < nseg; i++) {
		clean[i] = gk_label_clean(seg[i]);
		free(seg[i]);
	}
	/* the name: the first non-empty piece ("04 09 名称" puts it after two codes) */
	if (f == F_FUNC || f == F_REVUNIT)
		for (int i = 1; i < nseg && clean[0] && !*clean[0]; i++)
			if (clean[i] && *clean[i]) {
				char *tmp = clean[0];
				clean[0] = clean[i];
				clean[i] = tmp;
			}
	char *cname = clean[0] ? clean[0] : gk_strdup("");
	char *ccomp = compact_of(cname);
	k->total = ncode == 0 && (rule_any(c, "total", ccomp) || (!*ccomp && p->nnum > 0));
	free(ccomp);

	switch (f) {
	case F_REVUNIT: /* rows by unit code or, like the function tables, by function code */
	case F_FUNC:
		/* 类 款 项 printed with a class that is no class ("7 11 02" under
		 * "210 11"): the 款 of the rows above says which it is */
		if (ncode == 3 && strlen(codes[0]) < 3 && strlen(codes[1]) == 2 && strlen(codes[2]) == 2 &&
		    *c->ctx_class && !strcmp(c->ctx_item, codes[1]) && *cname) {
			snprintf(k->misprint, sizeof k->misprint, "%s %s %s", codes[0], codes[1], codes[2]);
			snprintf(codes[0], sizeof codes[0], "%s%s%s", c->ctx_class, codes[1], codes[2]);
			ncode = 1;
		}
		if (ncode > 0 && strlen(codes[0]) == 2 && *c->ctx_class) {
			/* 类 printed once above its 款/项 rows: "04 09 名称", "01 名称", "11" */
			/* which column the lone code sits in, when the header says */
			int in_kuan = 0;
			if (c->hx_kuan > 0 && c->hx_xiang > 0 && ncode == 1) {
				double x = -1;
				for (int i = 0; i < p->ntext; i++) {
					char *cp2 = compact_of(p->text[i]);
					if (!strcmp(cp2, codes[0]))
						x = p->tx0[i];
					free(cp2);
					if (x >= 0)
						break;
				}
				if (x >= 0) {
					double dk = x - c->hx_kuan, dx = x - c->hx_xiang;
					in_kuan = (dk < 0 ? -dk : dk) < (dx < 0 ? -dx : dx);
				}
			}
			if (ncode >= 2 && strlen(codes[1]) == 2)
				snprintf(k->func, sizeof k->func, "%s%s%s", c->ctx_class, codes[0], codes[1]);
			else if (in_kuan && *cname)
				snprintf(k->func, sizeof k->func, "%s%s", c->ctx_class, codes[0]);
			else if (*cname && *c->ctx_item)
				snprintf(k->func, sizeof k->func, "%s%s%s", c->ctx_class, c->ctx_item, codes[0]);
			else if (!*cname) {
				snprintf(c->ctx_item, sizeof c->ctx_item, "%s", codes[0]);
				k->context_only = !p->nnum;
			}
			if (*k->func)
				snprintf(c->ctx_item, sizeof c->ctx_item, "%.2s", k->func + 3);
		} else if (ncode > 0) {
			char out[16];
			const char *cd = codes[0];
			int nd = gk_func_code(cd, out);
			if (nd && !(nd == 3 && (is_org_name(cname) || name_at[0] > 0)) && ncode == 1)
				snprintf(k->func, sizeof k->func, "%s", out);
			else if (nd && ncode > 1) /* func code then unit code? keep func */
				snprintf(k->func, sizeof k->func, "%s", out);
			else
				snprintf(k->unit, sizeof k->unit, "%s", cd);
			if (*k->func) {
				snprintf(c->ctx_class, sizeof c->ctx_class, "%.3s", k->func);
				snprintf(c->ctx_item, sizeof c->ctx_item, "%.2s", strlen(k->func) >= 5 ? k->func + 3 : "");
				if (strlen(k->func) == 3 && !*cname && !p->nnum)
					k->context_only = 1;
			}
		}
		k->name = cname;
		cname = NULL;
		break;
	case F_BASIC:
	case F_ECON:
		for (int i = 0; i < ncode; i++) {
			char out[16];
			int nd = gk_econ_code(codes[i], out);
			char *nm = i < nseg ? clean[i] : NULL;
			if (nd && out[0] == '3' && !*k->econ && !*k->gov) {
				snprintf(k->econ, sizeof k->econ, "%s", out);
				if (nm)
					k->name = gk_strdup(nm);
			} else if (nd && out[0] == '5' && !*k->gov) {
				snprintf(k->gov, sizeof k->gov, "%s", out);
				if (nm)
					k->name2 = gk_strdup(nm);
			} else if (!*k->unit && !*k->econ) {
				snprintf(k->unit, sizeof k->unit, "%s", codes[i]);
				if (nm)
					k->name = gk_strdup(nm);
			}
		}
		if (ncode == 0) {
			k->name = cname;
			cname = NULL;
		}
		break;
	case F_PROJECT: {
		if (ncode > 0)
			snprintf(k->unit, sizeof k->unit, "%s", codes[0]);
		/* pieces: a type (…类), the department/unit, the project name */
		gk_strv pcs = {0};
		for (int i = 0; i < names.n; i++) {
			char *cl = gk_label_clean(names.v[i]);
			if (pcs.n && (!strcmp(cl, "类") || !strcmp(cl, "目类") || !strcmp(cl, "标类"))) {
				char *j = gk_strfmt("%s%s", pcs.v[pcs.n - 1], cl);
				free(pcs.v[pcs.n - 1]);
				pcs.v[pcs.n - 1] = j;
				free(cl);
			} else {
				gk_strv_push(&pcs, cl);
			}
		}
		gk_buf nm = {0};
		char *dcomp = c->dept ? compact_of(c->dept) : NULL;
		gk_buf acc = {0};
		for (int i = 0; i < pcs.n; i++) {
			const char *s = pcs.v[i];
			size_t l = strlen(s);
			if (!k->ptype && l >= 6 && l <= 24 && !strcmp(s + l - 3, "类")) {
				k->ptype = gk_strdup(s);
				continue;
			}
			/* the unit: pieces that together spell the department */
			if (dcomp && !k->name2) {
				gk_buf_adds(&acc, s);
				if (!strncmp(dcomp, acc.s, acc.len)) {
					if (!strcmp(dcomp, acc.s)) {
						k->name2 = gk_strdup(dcomp);
						gk_buf_reset(&acc);
					}
					continue;
				}
				/* not the department after all: give the pieces back */
				gk_buf_add(&nm, acc.s, acc.len - l);
				gk_buf_reset(&acc);
			}
			if (!k->name2 && is_org_name(s) && i == pcs.n - 1 && nm.len) {
				k->name2 = gk_strdup(s);
				continue;
			}
			gk_buf_adds(&nm, s);
		}
		if (acc.len)
			gk_buf_add(&nm, acc.s, acc.len);
		gk_buf_drop(&acc);
		free(dcomp);
		k->name = gk_buf_take(&nm);
		gk_strv_drop(&pcs);
		/* a unit row: a code and an organisation, or just the department */
		if (*k->unit && !k->name2 && *k->name) {
			k->name2 = k->name;
			k->name = gk_strdup("");
		}
		if (!*k->name && !k->name2 && !k->ptype && !*k->unit)
			k->total = 1;
		break;
	}
	default:
		k->name = cname;
		cname = NULL;
	}
	free(cname);
	for (int i = 1; i < nseg; i++)
		free(clean[i]);
	gk_strv_drop(&names);
	if (!k->name)
		k->name = gk_strdup("");
}
