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

/* an organisation's name, whole: 广州市气象台, or one that ends with
 * another name in brackets (…中心（广州市气候变化中心）) */
static int org_whole(const char *s)
{
	size_t l = strlen(s);
	static const char *close[] = {"）", ")"};
	if (is_org_name(s))
		return 1;
	for (int i = 0; i < 2; i++) {
		size_t k = strlen(close[i]);
		if (l > k + 6 && !strcmp(s + l - k, close[i])) {
			char *t = gk_strndup(s, l - k);
			int ok = is_org_name(t);
			free(t);
			return ok;
		}
	}
	return 0;
}

/* a unit of the department's city, named whole: it starts with the
 * region the department's name starts with (广州市…), is an
 * organisation's name, and names no spending (经费, 资金, 项目: a project
 * whose unit is printed glued after it, …专项资金市商务局) */
/* Is s an organisation's whole name of the region of ref (its name up to
 * its first 市, 省, 县 or 区)? */
static int unit_of_region_of(const char *ref, const char *s)
{
	if (!ref || !*s || strstr(s, "经费") || strstr(s, "资金") || strstr(s, "项目") || !org_whole(s))
		return 0;
	static const char *lvl[] = {"市", "省", "县", "区", NULL};
	const char *end = NULL;
	for (int i = 0; lvl[i]; i++) {
		const char *p = strstr(ref, lvl[i]);
		if (p && (!end || p < end))
			end = p + strlen(lvl[i]);
	}
	if (!end || end - ref < 6)
		return 0;
	return !strncmp(s, ref, (size_t)(end - ref)) && strlen(s) > (size_t)(end - ref);
}

static int unit_of_region(const nctx *c, const char *s)
{
	return unit_of_region_of(c->dept, s);
}

void rowkeys_free(rowkeys *k)
{
	free(k->name);
	free(k->name2);
	free(k->ptype);
	memset(k, 0, sizeof *k);
}

/* A row's text pieces sorted into codes and name pieces. */
typedef struct pieces {
	char codes[4][32];
	int ncode;
	int name_at[4]; /* names.n when code k was read: its names start there */
	gk_strv names;  /* the name pieces, in order */
} pieces;

static void add_code(pieces *pc, const char *s, int len)
{
	snprintf(pc->codes[pc->ncode], sizeof pc->codes[0], "%.*s", len, s);
	pc->name_at[pc->ncode] = pc->names.n;
	pc->ncode++;
}

/* Sort one text piece: a code (a 款/项 of two digits printed apart glues
 * to the 类 or 款 before it: "201" "03" "01" -> 2010301), a bracketed
 * code ("[2010501]行政运行", "【201】…"), a code glued to its name
 * ("2010301行政运行", not "2022年…"), else a name piece. */
static void read_piece(fam_id f, const char *text, pieces *pc)
{
	char *cp = compact_of(text);
	if (is_digits(cp, 1, 24)) {
		size_t l = strlen(cp);
		int glued = 0, n = pc->ncode;
		if (n > 0 && pc->name_at[n - 1] == pc->names.n && l == 2) {
			size_t cl = strlen(pc->codes[n - 1]);
			char c0 = pc->codes[n - 1][0];
			if ((cl == 3 || cl == 5) && (f == F_FUNC || f == F_BASIC || f == F_ECON || f == F_REVUNIT) &&
			    (c0 == '2' || c0 == '3' || c0 == '5')) {
				strcat(pc->codes[n - 1], cp);
				glued = 1;
			}
		}
		if (!glued && n < 4)
			add_code(pc, cp, (int)l);
		free(cp);
		return;
	}
	if ((cp[0] == '[' || !strncmp(cp, "【", 3)) && pc->ncode < 4) {
		const char *q = cp + (cp[0] == '[' ? 1 : 3);
		size_t dd = 0;
		while (isdigit((unsigned char)q[dd]))
			dd++;
		const char *close = q + dd;
		size_t cl = *close == ']' ? 1 : !strncmp(close, "】", 3) ? 3 : 0;
		if (dd >= 3 && dd <= 9 && cl) {
			add_code(pc, q, (int)dd);
			if (close[cl])
				gk_strv_pushs(&pc->names, close + cl);
			free(cp);
			return;
		}
	}
	size_t d = 0;
	while (isdigit((unsigned char)cp[d]))
		d++;
	if ((d == 3 || d == 5 || d == 7) && cp[d] && strncmp(cp + d, "年", 3) && strncmp(cp + d, "月", 3) &&
	    cp[d] != '.' && f != F_PROJECT && pc->ncode < 4) {
		add_code(pc, cp, (int)d);
		const char *at = strstr(text, cp + d); /* NULL when the name had spaces */
		at = at ? at : cp + d;
		if (*at == '-') /* "2080506-机关事业单位…" */
			at++;
		else if (!strncmp(at, "－", 3))
			at += 3;
		/* "30231 公务用车运行维护费 50502": the 政府预算 code of the pair
		 * glued after the name in one cell */
		size_t al = strlen(at), e = al;
		while (e > 0 && isdigit((unsigned char)at[e - 1]))
			e--;
		if ((f == F_BASIC || f == F_ECON) && (al - e == 3 || al - e == 5) && at[e] == '5' && e > 0 &&
		    pc->ncode < 4) {
			gk_strv_push(&pc->names, gk_strndup(at, at[e - 1] == ' ' ? e - 1 : e));
			add_code(pc, at + e, (int)(al - e));
		} else {
			gk_strv_pushs(&pc->names, at);
		}
		free(cp);
		return;
	}
	free(cp);
	gk_strv_pushs(&pc->names, text);
}

/* The name pieces between codes joined, one segment per code (one for a
 * row without codes), cleaned into clean[].  Returns the count. */
static int name_segments(const pieces *pc, char *clean[4])
{
	char *seg[4] = {0};
	int nseg = 0, start = 0;
	for (int ci = 0; ci < pc->ncode && nseg < 4; ci++) {
		int end = ci + 1 <= pc->ncode - 1 ? pc->name_at[ci + 1] : pc->names.n;
		gk_buf b = {0};
		for (int j = (ci == 0 ? 0 : start); j < end; j++) {
			if (b.len)
				gk_buf_addc(&b, ' ');
			gk_buf_adds(&b, pc->names.v[j]);
		}
		start = end;
		seg[nseg++] = gk_buf_take(&b);
	}
	if (pc->ncode == 0) {
		gk_buf b = {0};
		for (int j = 0; j < pc->names.n; j++) {
			if (b.len)
				gk_buf_addc(&b, ' ');
			gk_buf_adds(&b, pc->names.v[j]);
		}
		seg[nseg++] = gk_buf_take(&b);
	}
	for (int i = 0; i < nseg; i++) {
		clean[i] = gk_label_clean(seg[i]);
		free(seg[i]);
	}
	return nseg;
}

/* The width of the cell of row p's lines starting at x that reads t
 * (compacted), 0 when there is none. */
static double piece_width(const nctx *c, const prow *p, double x, const char *t)
{
	for (int i = p->line0; i <= p->line1 && i < c->n; i++) {
		const gk_line *l = c->x[i].l;
		for (int j = 0; j < l->ncell; j++) {
			if (l->cell[j].x0 != x)
				continue;
			char *cp = compact_of(l->cell[j].text);
			int same = !strcmp(cp, t);
			free(cp);
			if (same)
				return l->cell[j].x1 - l->cell[j].x0;
		}
	}
	return 0;
}

/* A function row printing only its 款/项 under a 类 printed once above
 * ("04 09 名称", "01 名称", "11"): the code from the class and item of
 * the rows above, or, for a code alone, which header column (款 or 项)
 * it sits in; a code alone right under its 类, or where the table prints
 * its 项 rows with their whole code, is a 款.  A code line with no name
 * only sets the 款. */
static void keys_under_class(nctx *c, const prow *p, const pieces *pc, const char *cname, rowkeys *k)
{
	const char (*codes)[32] = pc->codes;
	int ncode = pc->ncode;
	/* which column the lone code sits in, when the header says */
	int in_kuan = 0, at = -1;
	for (int i = 0; i < p->ntext && ncode == 1 && at < 0; i++) {
		char *cp2 = compact_of(p->text[i]);
		if (!strcmp(cp2, codes[0]))
			at = i;
		free(cp2);
	}
	double x = at >= 0 ? p->tx0[at] : -1;
	if (c->hx_kuan > 0 && c->hx_xiang > 0 && x >= 0) {
		double dk = x - c->hx_kuan, dx = x - c->hx_xiang;
		in_kuan = (dk < 0 ? -dk : dk) < (dx < 0 ? -dx : dx);
	}
	/* an OCR'd page whose 款 and 项 header cells were not both read
	 * (项 read 而, or the 类 款 项 line lost): a lone code where a 款 of
	 * the rows above stood is a 款 too (09 教育费附加 under 205 08 03) */
	int ocr = x >= 0 && ocr_page(c, c->x[p->line0].l->page);
	if (ocr && !(c->hx_kuan > 0 && c->hx_xiang > 0) && c->ox_kuan > 0 && *cname) {
		double d = x - c->ox_kuan;
		in_kuan = (d < 0 ? -d : d) < c->ox_kw;
	}
	/* a lone code right under its 类, or in a table that prints its 项
	 * rows with their whole code (2080505), is a 款 */
	int kuan = in_kuan || !*c->ctx_item || c->ctx_full;
	double w = ocr && kuan && *cname ? piece_width(c, p, x, codes[0]) : 0;
	if (w > 0)
		c->ox_kuan = x, c->ox_kw = w;
	if (ncode >= 2 && strlen(codes[1]) == 2)
		snprintf(k->func, sizeof k->func, "%s%s%s", c->ctx_class, codes[0], codes[1]);
	else if (kuan && *cname)
		snprintf(k->func, sizeof k->func, "%s%s", c->ctx_class, codes[0]);
	else if (*cname && *c->ctx_item)
		snprintf(k->func, sizeof k->func, "%s%s%s", c->ctx_class, c->ctx_item, codes[0]);
	else if (!*cname) {
		snprintf(c->ctx_item, sizeof c->ctx_item, "%s", codes[0]);
		k->context_only = !p->nnum;
	}
	if (*k->func)
		snprintf(c->ctx_item, sizeof c->ctx_item, "%.2s", k->func + 3);
}

/* Function tables and revenue by unit: rows by function code (a class
 * the document misprints, "7 11 02" under "210 11", repaired from the
 * rows above and reported) or by unit code.  The 类 and 款 read are kept
 * for the rows below that print only 款/项. */
static void keys_func(nctx *c, const prow *p, pieces *pc, const char *cname, rowkeys *k)
{
	char (*codes)[32] = pc->codes;
	if (pc->ncode == 3 && strlen(codes[0]) < 3 && strlen(codes[1]) == 2 && strlen(codes[2]) == 2 &&
	    *c->ctx_class && !strcmp(c->ctx_item, codes[1]) && *cname) {
		snprintf(k->misprint, sizeof k->misprint, "%s %s %s", codes[0], codes[1], codes[2]);
		snprintf(codes[0], sizeof codes[0], "%s%s%s", c->ctx_class, codes[1], codes[2]);
		pc->ncode = 1;
	}
	int ncode = pc->ncode;
	if (ncode > 0 && strlen(codes[0]) == 2 && *c->ctx_class) {
		keys_under_class(c, p, pc, cname, k);
	} else if (ncode > 0) {
		char out[16];
		const char *cd = codes[0];
		int nd = gk_func_code(cd, out);
		if (nd && !(nd == 3 && (is_org_name(cname) || pc->name_at[0] > 0)) && ncode == 1)
			snprintf(k->func, sizeof k->func, "%s", out);
		else if (nd && ncode > 1) /* func code then unit code? keep func */
			snprintf(k->func, sizeof k->func, "%s", out);
		else
			snprintf(k->unit, sizeof k->unit, "%s", cd);
		if (*k->func) {
			for (int i = 0; i < p->ntext && strlen(k->func) == 7; i++) { /* (printed as one, not "201 03 01") */
				char *cp = compact_of(p->text[i]);
				c->ctx_full |= !strncmp(cp, k->func, 7) && !isdigit((unsigned char)cp[7]);
				free(cp);
			}
			snprintf(c->ctx_class, sizeof c->ctx_class, "%.3s", k->func);
			snprintf(c->ctx_item, sizeof c->ctx_item, "%.2s", strlen(k->func) >= 5 ? k->func + 3 : "");
			if (strlen(k->func) == 3 && !*cname && !p->nnum)
				k->context_only = 1;
		}
	}
}

/* Basic and economic tables: a 3xx code (部门预算经济分类) and its name, a
 * 5xx code (政府预算经济分类) and its name, else a unit code. */
static void keys_econ(const pieces *pc, char *const *clean, int nseg, rowkeys *k)
{
	for (int i = 0; i < pc->ncode; i++) {
		char out[16];
		int nd = gk_econ_code(pc->codes[i], out);
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
			snprintf(k->unit, sizeof k->unit, "%s", pc->codes[i]);
			if (nm)
				k->name = gk_strdup(nm);
		}
	}
}

/* A project type OCR misread by one character (特定目标炎, 特定目标久 for
 * 特定目标类): the type it is, else NULL.  Only the two five-character
 * types of the project classification; one character of three (人员类)
 * is too little to tell. */
static const char *ocr_project_type(const char *s)
{
	static const char *const types[] = {"特定目标类", "其他运转类", NULL};
	unsigned a[8], b[8];
	int n = gk_codepoints(s, a, 8);
	for (int t = 0; n == 5 && types[t]; t++) {
		int m = gk_codepoints(types[t], b, 8), diff = 0;
		for (int i = 0; m == n && i < n; i++)
			diff += a[i] != b[i];
		if (m == n && diff == 1)
			return types[t];
	}
	return NULL;
}

/* Project tables: a unit code, and of the name pieces a type (…类), the
 * department or unit (pieces that together spell the department, or an
 * organisation's name last), the project's name; a row of none of them
 * is the total. */
static void keys_project(const nctx *c, const pieces *pc, int ocr, rowkeys *k)
{
	if (pc->ncode > 0)
		snprintf(k->unit, sizeof k->unit, "%s", pc->codes[0]);
	/* a type printed over two pieces ("特定目" "标类") is one */
	gk_strv pcs = {0};
	for (int i = 0; i < pc->names.n; i++) {
		char *cl = gk_label_clean(pc->names.v[i]);
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
			k->ptype = gk_strdup(ocr && ocr_project_type(s) ? ocr_project_type(s) : s);
			continue;
		}
		if (!k->ptype && ocr && ocr_project_type(s)) {
			k->ptype = gk_strdup(ocr_project_type(s));
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
			/* on an OCR'd unit row, the name cut in two at a gap OCR
			 * saw in it (西安市强制隔离 | 戒毒所): the pieces make one
			 * unit of the region of the department (or, unknown, of
			 * the unit before), the first alone no organisation */
			char *whole = gk_strfmt("%.*s%s", (int)nm.len, nm.s, s);
			const char *ref = c->dept ? c->dept : *c->ctx_unit ? c->ctx_unit : NULL;
			if (ocr && *k->unit && unit_of_region_of(ref, whole) && !is_org_name(nm.s)) {
				k->name2 = whole;
				gk_buf_reset(&nm);
				continue;
			}
			free(whole);
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
	/* a unit row: a code and an organisation, or just the department, or
	 * with neither code nor type a name that is an organisation's whole
	 * (广州's 资金使用单位 lines: 广州市气象台, 广州市生态与农业气象中心（广州市
	 * 气候变化中心）, each over its projects) */
	if ((*k->unit || (!k->ptype && unit_of_region(c, k->name))) && !k->name2 && *k->name) {
		k->name2 = k->name;
		k->name = gk_strdup("");
	}
	if (!*k->name && !k->name2 && !k->ptype && !*k->unit)
		k->total = 1;
}

/* Is text piece i of project row p in the table's 单位名称 column (left
 * of the header's centre, header.c unit_name_column)?  Its words are
 * added to *unit.  Codes stay where they are.  A note (项目简介) is in
 * no name: dropped too. */
static int in_unit_column(const nctx *c, fam_id f, const prow *p, int i, gk_buf *unit)
{
	if (f != F_PROJECT || c->x[p->line0].l->geom != GK_GEOM_POS)
		return 0;
	if (c->hx_note > 0 && p->tx0[i] >= c->hx_note - 1)
		return 1;
	if (c->hx_unit <= 0 || p->tx0[i] >= c->hx_unit)
		return 0;
	char *cp = compact_of(p->text[i]);
	int code = is_digits(cp, 1, 24);
	free(cp);
	if (code)
		return 0;
	gk_buf_adds(unit, p->text[i]);
	return 1;
}

/* A project's unit: the name in its own 单位名称 column, else the unit of
 * the unit row above it (TABLES.md: filled down onto its projects); a
 * unit row or a unit named in its column is the unit of the rows below. */
static void unit_filled_down(nctx *c, const gk_buf *unit, rowkeys *k)
{
	char *un = unit->len ? gk_label_clean(unit->s) : NULL;
	if (un && *un) {
		free(k->name2);
		k->name2 = un;
		un = NULL;
	}
	free(un);
	if (k->total)
		return;
	if (k->name2 && *k->name2)
		snprintf(c->ctx_unit, sizeof c->ctx_unit, "%s", k->name2);
	else if (k->name && *k->name && *c->ctx_unit) {
		free(k->name2);
		k->name2 = gk_strdup(c->ctx_unit);
	}
}

/* Is text piece i of OCR'd row p a bare run of digits lying right of
 * the row's first figure?  Codes are printed left of the figures: digits
 * among the figures are a figure whose point OCR lost ("29.72" read
 * 2972 where a header's overflow ran over it), neither code nor name. */
static int figure_shaped_right(const prow *p, int i)
{
	if (!p->nnum || p->tx0[i] <= p->nx0[0])
		return 0;
	char *cp = compact_of(p->text[i]);
	int digits = is_digits(cp, 1, 24);
	free(cp);
	return digits;
}

/* What row p is: its codes and names per family (codes first, names
 * after), and whether it is a total row (no code, and a total label or
 * numbers without a label). */
void interpret_keys(nctx *c, fam_id f, prow *p, rowkeys *k)
{
	memset(k, 0, sizeof *k);
	pieces pc = {0};
	gk_buf unit = {0};
	int ocr = ocr_page(c, c->x[p->line0].l->page);
	for (int i = 0; i < p->ntext; i++)
		if (!(ocr && figure_shaped_right(p, i)) && !in_unit_column(c, f, p, i, &unit))
			read_piece(f, p->text[i], &pc);
	char *clean[4] = {0};
	int nseg = name_segments(&pc, clean);
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
	k->total = pc.ncode == 0 && (rule_any(c, "total", ccomp) || (!*ccomp && p->nnum > 0));
	free(ccomp);
	switch (f) {
	case F_REVUNIT: /* rows by unit code or, like the function tables, by function code */
	case F_FUNC:
		keys_func(c, p, &pc, cname, k);
		k->name = cname;
		cname = NULL;
		break;
	case F_BASIC:
	case F_ECON:
		keys_econ(&pc, clean, nseg, k);
		if (pc.ncode == 0) {
			k->name = cname;
			cname = NULL;
		}
		break;
	case F_PROJECT:
		keys_project(c, &pc, ocr, k);
		unit_filled_down(c, &unit, k);
		break;
	default:
		k->name = cname;
		cname = NULL;
	}
	free(cname);
	for (int i = 1; i < nseg; i++)
		free(clean[i]);
	gk_strv_drop(&pc.names);
	gk_buf_drop(&unit);
	if (!k->name)
		k->name = gk_strdup("");
}
