/*
 * check_wording.c - what the narrative says about its own figures:
 *
 *  - every percentage it states, recomputed from the figures it names:
 *    shares (“A万元，占X%”: of the figure the sentence opens with before
 *    其中 / 主要用于, or of the total it names, 占本年支出合计的X%), growth
 *    (“增加D万元，增长X%” against the figure before 比/与; “P万元 … C万元，比
 *    上年…增加X%”) and completion rates (“预算为A万元，…决算为C万元，完成预算的
 *    X%”).  A percentage printed with d decimals is `ok` when some exact
 *    value of its operands (each within half a unit of its printed last
 *    decimal) gives it; one unit off (a truncated 99.86 for 99.868) is
 *    `round`; more is `fail`.  A rate of a zero base is not computable
 *    (0/0, the 100% growth of a new unit) and not written, but a rate
 *    printed against a 年初预算 stated as 0 is `fail`.
 *  - the direction words: 增加/增长 where the figures fall (and the
 *    reverse); 决算数大于/小于/等于/与预算数持平 against the 预算 and 决算
 *    figures of the same item (基本持平 fails only beyond 10%).  Template
 *    alternatives (“大于（小于）”, “下降（增长）”) are no claim.
 *  - the sums the narrative states: the items of “具体情况” (1、2、…) whose
 *    决算 figures add up to the stated total (so the list is complete)
 *    against the stated 年初预算 / 全年预算 total; 政府采购 = 货物 + 工程 +
 *    服务; the 中小企业 awards of reserved and of other projects within the
 *    政府采购 total.
 *
 * Each finding's `detail` quotes the sentence and gives both figures.
 *
 * Entry point: wording_checks.
 */
#include "chk.h"

#include <stdlib.h>
#include <string.h>

#define SC 1000000LL /* 10^GK_CHK_SCALE */

static long long unit_of(int dec)
{
	long long u = 1;
	for (int d = dec; d < GK_CHK_SCALE; d++)
		u *= 10;
	for (int d = dec; d > GK_CHK_SCALE; d--)
		u /= 10;
	return u > 0 ? u : 1;
}

static long long half(int dec)
{
	return unit_of(dec) / 2;
}

/* the status of a printed percentage p (dp decimals) against the ratio
 * num/den whose operands are known within ±hn and ±hd; *mid gets the
 * ratio of the printed operands (scaled percent) */
static const char *pct_status(long long num, long long hn, long long den, long long hd, long long p,
                              int dp, long long *mid)
{
	if (den <= 0 || num < 0)
		return NULL;
	__int128 lo_n = num - hn < 0 ? 0 : num - hn, hi_n = num + hn;
	__int128 lo_d = den - hd, hi_d = den + hd;
	*mid = (long long)(((__int128)num * 100 * SC + den / 2) / den);
	if (lo_d <= 0)
		return NULL;
	long long lo = (long long)(lo_n * 100 * SC / hi_d), hi = (long long)((hi_n * 100 * SC + lo_d - 1) / lo_d);
	long long hp = half(dp), u = unit_of(dp);
	long long plo = p - hp, phi = p + hp;
	if (phi >= lo && plo <= hi)
		return "ok";
	long long gap = plo > hi ? plo - hi : lo - phi;
	return gap <= u ? "round" : "fail";
}

static void fmt(long long v, int dec, char *out, size_t n)
{
	gk_chk_format(v, dec < 0 ? 0 : dec, out, n);
}

static int same_sentence(const ntext *nt, int a, int b)
{
	return sent_start(nt, nt->tok[a].off) == sent_start(nt, nt->tok[b].off);
}

/* the previous token that is not a year, -1 */
static int prev_nonyear(const ntext *nt, int k)
{
	for (k--; k >= 0; k--)
		if (nt->tok[k].kind != TK_YEAR)
			return k;
	return -1;
}

/* the text between two byte offsets */
static void text_between(const ntext *nt, size_t a, size_t b, char *out, size_t n)
{
	size_t len = b > a ? b - a : 0;
	if (len + 1 > n)
		len = n - 1;
	memcpy(out, nt->s + a, len);
	out[len] = 0;
	while (len && (out[len - 1] & 0xC0) == 0x80 && !((out[len - 1] & 0xC0) == 0xC0))
		break;
}

static void write_text(gk_result *r, const ntext *nt, size_t off, const char *check, const char *row,
                       const char *expected, const char *found, const char *status, const char *what)

{
	char quote[600], detail[1600];
	quote_at(nt->s, off, quote, sizeof quote);
	int page = ntext_page(nt, off);
	snprintf(detail, sizeof detail, "p.%d %s: %s", page, quote, what);
	emit_note(r, "narrative", check, row, expected, found, status, page, detail);
}

/* the words before token k, at most 16 characters, as a row label */
static void label_of(const ntext *nt, int k, char *out, size_t n)
{
	char lead[600];
	lead_of(nt, k, lead, sizeof lead);
	const char *p = lead;
	for (;;) { /* drop leading punctuation */
		if (starts_with(p, "，") || starts_with(p, "；") || starts_with(p, "：") || starts_with(p, "、"))
			p += 3;
		else if (*p == ',' || *p == ';' || *p == ':')
			p++;
		else
			break;
	}
	/* keep the last 16 code points */
	const char *e = p + strlen(p), *b = e;
	int m = 0;
	while (b > p && m < 16) {
		b--;
		while (b > p && (*b & 0xC0) == 0x80)
			b--;
		m++;
	}
	snprintf(out, n, "%s", b);
}

/* ---- shares --------------------------------------------------------- */

/* the figure a sentence opens with before 其中 / 主要用于 (the whole its
 * parts are shares of), -1 */
static int sentence_head(const ntext *nt, int k)
{
	size_t s0 = sent_start(nt, nt->tok[k].off);
	for (int h = 0; h < k; h++) {
		if (nt->tok[h].off < s0 || nt->tok[h].kind != TK_FIG)
			continue;
		/* the first figure of the sentence */
		if (h + 1 > k)
			return -1;
		char lead[600];
		lead_of(nt, h + 1, lead, sizeof lead);
		if (strstr(lead, "占"))
			return -1;
		if (strstr(lead, "其中") || strstr(lead, "主要用于") || strstr(lead, "包括"))
			return h;
		return -1;
	}
	return -1;
}

static void share_check(gk_result *r, const ntext *nt, int k)
{
	char lead[600];
	lead_of(nt, k, lead, sizeof lead);
	const char *p = lead;
	if (starts_with(p, "，") || starts_with(p, "；"))
		p += 3;
	else if (*p == ',')
		p++;
	if (!starts_with(p, "占"))
		return;
	p += strlen("占");
	int part = k - 1;
	if (part < 0 || nt->tok[part].kind != TK_FIG || !same_sentence(nt, part, k))
		return;
	long long wv;
	int wdec, whole = -1;
	char name[300] = "";
	const char *de = strstr(p, "的");
	if (starts_with(p, "比") || !*p || (!de && starts_with(p, "为"))) {
		whole = sentence_head(nt, part);
		if (whole < 0)
			return;
		wv = nt->tok[whole].v, wdec = nt->tok[whole].dec;
	} else if (de && de[strlen("的")] == 0 && de > p) {
		snprintf(name, sizeof name, "%.*s", (int)(de - p), p);
		/* the first figure stated for that name */
		char key[320];
		snprintf(key, sizeof key, "%s", name);
		int found = -1;
		for (const char *q = strstr(nt->s, key); q && found < 0; q = strstr(q + 1, key)) {
			size_t e = (size_t)(q - nt->s) + strlen(key);
			for (int t = 0; t < nt->ntok; t++)
				if (nt->tok[t].kind == TK_FIG && nt->tok[t].off >= e && nt->tok[t].off <= e + 6) {
					found = t;
					break;
				}
		}
		if (found < 0 || found == part)
			return;
		whole = found;
		wv = nt->tok[found].v, wdec = nt->tok[found].dec;
	} else {
		return;
	}
	const ntok *pt = &nt->tok[part], *pc = &nt->tok[k];
	if (!wv)
		return; /* a share of nothing */
	long long mid;
	const char *st = pct_status(pt->v, half(pt->dec), wv, half(wdec), pc->v, pc->dec, &mid);
	if (!st)
		return;
	char ps[64], cs[64], as[64], ws[64], what[600];
	fmt(pc->v, pc->dec, ps, sizeof ps);
	fmt(mid, pc->dec > 2 ? pc->dec : 2, cs, sizeof cs);
	fmt(pt->v, pt->dec, as, sizeof as);
	fmt(wv, wdec, ws, sizeof ws);
	snprintf(what, sizeof what, "states %s%%; %s / %s%s = %s%%", ps, as, *name ? name : "", ws, cs);
	char row[200];
	label_of(nt, part, row, sizeof row);
	write_text(r, nt, pc->off, "narrative:share", row, cs, ps, st, what);
}

/* ---- growth ----------------------------------------------------------- */

static int direction(const char *lead)
{
	if (strstr(lead, "（增长）") || strstr(lead, "（下降）") || strstr(lead, "（增加）") ||
	    strstr(lead, "（减少）") || strstr(lead, "(增长)") || strstr(lead, "(下降)"))
		return 0;
	static const char *const up[] = {"增长", "增加", "上升", "提高", "增", NULL};
	static const char *const down[] = {"下降", "减少", "降低", "减", "降", NULL};
	size_t l = strlen(lead);
	const char *tail = lead + (l > 12 ? l - 12 : 0);
	for (int i = 0; up[i]; i++)
		if (strstr(tail, up[i]))
			return 1;
	for (int i = 0; down[i]; i++)
		if (strstr(tail, down[i]))
			return -1;
	return 2; /* none */
}

static void growth_check(gk_result *r, const ntext *nt, int k)
{
	char lead[600], what[800];
	lead_of(nt, k, lead, sizeof lead);
	int dir = direction(lead);
	if (dir == 2)
		return;
	const ntok *pc = &nt->tok[k];
	int d = k - 1;
	if (d < 0)
		return;
	if (nt->tok[d].kind == TK_FIG && same_sentence(nt, d, k) && strlen(lead) <= 3 * 8) {
		/* "增加D万元，增长X%": D against the figure before 比/与 */
		char dl[600];
		lead_of(nt, d, dl, sizeof dl);
		int ddir = direction(dl);
		if (ddir == 2)
			return;
		int c = prev_nonyear(nt, d);
		if (c < 0 || nt->tok[c].kind != TK_FIG)
			return;
		/* the text from c to d must compare: 比 / 较 / 与…相比 */
		char between[800];
		text_between(nt, nt->tok[c].end, nt->tok[d].off, between, sizeof between);
		if (!strstr(between, "比") && !strstr(between, "较") && !strstr(between, "与"))
			return;
		if (!same_sentence(nt, c, d)) {
			/* "X总计2995.39万元。与2023年度相比，X总计减少…": the previous
			 * sentence states one figure only */
			size_t s0 = sent_start(nt, nt->tok[c].off);
			for (int t = c - 1; t >= 0 && nt->tok[t].off >= s0; t--)
				if (nt->tok[t].kind == TK_FIG)
					return;
			if (sent_start(nt, nt->tok[d].off) != sent_end(nt, nt->tok[c].off) + 3)
				return;
			/* nothing but the comparison between */
			for (int t = c + 1; t < d; t++)
				if (nt->tok[t].kind != TK_YEAR)
					return;
		}
		const ntok *ct = &nt->tok[c], *dt = &nt->tok[d];
		if (!ct->v)
			return; /* a total stated as 0: that figure is the finding */
		int sgn = ddir ? ddir : dir;
		if (!sgn)
			return;
		long long base = sgn > 0 ? ct->v - dt->v : ct->v + dt->v;
		if (base <= 0)
			return; /* from nothing: the 100% of a new unit */
		long long mid;
		const char *st = pct_status(dt->v, half(dt->dec), base, half(ct->dec) + half(dt->dec), pc->v,
		                            pc->dec, &mid);
		if (!st)
			return;
		char ps[64], cs[64], a[64], b[64], bs[64];
		fmt(pc->v, pc->dec, ps, sizeof ps);
		fmt(mid, pc->dec > 2 ? pc->dec : 2, cs, sizeof cs);
		fmt(dt->v, dt->dec, a, sizeof a);
		fmt(ct->v, ct->dec, b, sizeof b);
		fmt(base, ct->dec > dt->dec ? ct->dec : dt->dec, bs, sizeof bs);
		snprintf(what, sizeof what, "states %s%%; the change %s of %s from %s is %s%%", ps, a, b, bs, cs);
		char row[200];
		label_of(nt, d, row, sizeof row);
		write_text(r, nt, pc->off, "narrative:growth", row, cs, ps, st, what);
		return;
	}
	/* "P万元，…C万元，比…P's name…增加X%" */
	int c = prev_nonyear(nt, k);
	if (c < 0 || nt->tok[c].kind != TK_FIG || !same_sentence(nt, c, k))
		return;
	char between[800];
	text_between(nt, nt->tok[c].end, pc->off, between, sizeof between);
	const char *bi = strstr(between, "比");
	if (!bi)
		bi = strstr(between, "较");
	if (!bi)
		return;
	int p = prev_nonyear(nt, c);
	if (p < 0 || nt->tok[p].kind != TK_FIG || !same_sentence(nt, p, c))
		return;
	/* what it is compared with, e.g. 预算执行数, must name P */
	char obj[400];
	const char *o = bi + 3;
	while (is_digit(*o))
		o++;
	if (o > bi + 3 && starts_with(o, "年"))
		o += 3;
	if (starts_with(o, "度"))
		o += 3;
	snprintf(obj, sizeof obj, "%s", o);
	char *w;
	static const char *const words[] = {"增长", "增加", "下降", "减少", "上升", "降低", "提高", NULL};
	for (int i = 0; words[i]; i++)
		if ((w = strstr(obj, words[i])))
			*w = 0;
	char pl[600];
	lead_of(nt, p, pl, sizeof pl);
	if (strlen(obj) < 6 || !strstr(pl, obj))
		return;
	const ntok *pt = &nt->tok[p], *ct = &nt->tok[c];
	if (pt->v <= 0)
		return;
	long long diff = ct->v - pt->v;
	int actual = diff > 0 ? 1 : diff < 0 ? -1 : 0;
	long long mid;
	const char *st = pct_status(diff < 0 ? -diff : diff, half(pt->dec) + half(ct->dec), pt->v,
	                            half(pt->dec), pc->v, pc->dec, &mid);
	if (!st)
		return;
	char ps[64], cs[64], a[64], b[64];
	fmt(pc->v, pc->dec, ps, sizeof ps);
	fmt(mid, pc->dec > 2 ? pc->dec : 2, cs, sizeof cs);
	fmt(pt->v, pt->dec, a, sizeof a);
	fmt(ct->v, ct->dec, b, sizeof b);
	if (dir && actual && dir != actual) {
		st = "fail";
		snprintf(what, sizeof what, "states %s %s%%; from %s to %s is %s of %s%%",
		         dir > 0 ? "an increase" : "a fall", ps, a, b, actual > 0 ? "an increase" : "a fall", cs);
	} else {
		snprintf(what, sizeof what, "states %s%%; from %s to %s is %s%%", ps, a, b, cs);
	}
	char fs[80];
	snprintf(fs, sizeof fs, "%s%s", dir < 0 ? "-" : "", ps);
	char es[80], row[200];
	snprintf(es, sizeof es, "%s%s", actual < 0 ? "-" : "", cs);
	label_of(nt, c, row, sizeof row);
	write_text(r, nt, pc->off, "narrative:growth", row, es, fs, st, what);
}

/* ---- completion rates ----------------------------------------------- */

static int is_budget_lead(const char *l, const char *kind)
{
	if (!strstr(l, "预算"))
		return 0;
	if (strstr(l, "决算") && !strstr(l, "预算为") && !strstr(l, "预算数为"))
		return 0;
	return !kind || strstr(l, kind);
}

static int is_actual_lead(const char *l)
{
	return (strstr(l, "决算") || strstr(l, "执行数") || strstr(l, "实际支出")) && !strstr(l, "预算为") &&
	       !strstr(l, "预算数为");
}

static void completion_check(gk_result *r, const ntext *nt, int k)
{
	char lead[600], what[800];
	lead_of(nt, k, lead, sizeof lead);
	if (!strstr(lead, "完成") || !strstr(lead, "预算"))
		return;
	const char *kind = strstr(lead, "年初") ? "年初" : strstr(lead, "全年") ? "全年" : NULL;
	int a = -1, c = -1, nbud = 0;
	size_t s0 = sent_start(nt, nt->tok[k].off);
	for (int t = k - 1; t >= 0 && nt->tok[t].off >= s0 && nt->tok[t].kind != TK_PCT; t--) {
		if (nt->tok[t].kind != TK_FIG)
			continue;
		char l[600];
		lead_of(nt, t, l, sizeof l);
		if (is_actual_lead(l) && c < 0)
			c = t;
		else if (is_budget_lead(l, NULL)) {
			nbud++;
			if (a < 0 && is_budget_lead(l, kind))
				a = t;
		}
	}
	if (a < 0 || c < 0 || (!kind && nbud > 1))
		return;
	const ntok *at = &nt->tok[a], *ct = &nt->tok[c], *pc = &nt->tok[k];
	char ps[64], as[64], cs[64], ms[64];
	fmt(pc->v, pc->dec, ps, sizeof ps);
	fmt(at->v, at->dec, as, sizeof as);
	fmt(ct->v, ct->dec, cs, sizeof cs);
	if (!at->v) {
		if (!ct->v || !pc->v)
			return; /* 0 of 0 */
		snprintf(what, sizeof what, "states a completion of %s%% of a %s预算 stated as %s万元 (决算 %s万元): a rate of nothing",
		         ps, kind ? kind : "", as, cs);
		write_text(r, nt, pc->off, "narrative:completion", "完成预算", as, ps, "fail", what);
		return;
	}
	long long mid;
	const char *st = pct_status(ct->v, half(ct->dec), at->v, half(at->dec), pc->v, pc->dec, &mid);
	if (!st)
		return;
	fmt(mid, pc->dec > 2 ? pc->dec : 2, ms, sizeof ms);
	snprintf(what, sizeof what, "states %s%%; 决算 %s / 预算 %s = %s%%", ps, cs, as, ms);
	write_text(r, nt, pc->off, "narrative:completion", "完成预算", ms, ps, st, what);
}

/* ---- 决算数大于/小于/持平 预算数 ---------------------------------------- */

static void compare_words(gk_result *r, const ntext *nt)
{
	static const struct {
		const char *w;
		int rel; /* 1 >, -1 <, 0 =, 2 about equal */
	} words[] = {
		{"大于", 1}, {"高于", 1}, {"超过", 1}, {"小于", -1}, {"低于", -1}, {"少于", -1},
		{"等于", 0}, {"基本持平", 2}, {"持平", 0}, {"一致", 0}, {"相等", 0}, {"相同", 0},
	};
	for (const char *q = strstr(nt->s, "决算数"); q; q = strstr(q + 1, "决算数")) {
		const char *p = q + strlen("决算数");
		int rel = -9;
		const char *hit = NULL;
		/* 决算数大于预算数 / 决算数与（全年）预算数（基本）持平 */
		for (size_t i = 0; i < sizeof words / sizeof words[0] && rel == -9; i++) {
			const char *x = strstr(p, words[i].w);
			if (!x || x - p > 3 * 12)
				continue;
			char seg[200];
			snprintf(seg, sizeof seg, "%.*s", (int)(x - p), p);
			if (strchr(seg, '\n') || strstr(seg, "，") || strstr(seg, "。") || strstr(seg, "的"))
				continue;
			/* 决算数大于预算数, 决算数与（全年）预算数（基本）持平 */
			if (x != p && (words[i].rel == 1 || words[i].rel == -1))
				continue;
			if (x != p && (!strstr(seg, "预算") || !(starts_with(seg, "与") || starts_with(seg, "同") ||
			                                          starts_with(seg, "和") || starts_with(seg, "跟"))))
				continue;
			rel = words[i].rel;
			hit = x;
		}
		if (rel == -9)
			continue;
		/* template alternatives: 大于（小于） */
		const char *h2 = hit;
		while (*h2 && !starts_with(h2, "（") && !starts_with(h2, "(") && !starts_with(h2, "，") &&
		       !starts_with(h2, "。") && h2 - hit < 12)
			h2++;
		if (starts_with(h2, "（") || starts_with(h2, "("))
			continue;
		/* the item's 预算 and 决算 figures: the last two figures before,
		 * within this sentence and the one before, adjacent */
		size_t pos = (size_t)(q - nt->s);
		size_t s1 = sent_start(nt, pos);
		size_t s0 = s1 > 3 ? sent_start(nt, s1 - 3) : s1;
		int last = -1, prev = -1;
		for (int t = 0; t < nt->ntok && nt->tok[t].off < pos; t++) {
			if (nt->tok[t].off < s0 || nt->tok[t].kind != TK_FIG)
				continue;
			prev = last;
			last = t;
		}
		if (last < 0 || prev < 0)
			continue;
		char la[600], lp[600];
		lead_of(nt, last, la, sizeof la);
		lead_of(nt, prev, lp, sizeof lp);
		int a, c;
		if (is_actual_lead(la) && is_budget_lead(lp, NULL))
			c = last, a = prev;
		else if (is_budget_lead(la, NULL) && is_actual_lead(lp))
			a = last, c = prev;
		else
			continue;
		const ntok *at = &nt->tok[a], *ct = &nt->tok[c];
		const char *eq = gk_chk_status_narrative(ct->v, ct->dec, at->v, at->dec);
		const char *st = "ok";
		if (rel == 1 && (ct->v <= at->v || !strcmp(eq, "ok")))
			st = "fail";
		else if (rel == -1 && (ct->v >= at->v || !strcmp(eq, "ok")))
			st = "fail";
		else if (rel == 0)
			st = eq;
		else if (rel == 2) {
			long long d = ct->v - at->v, m = at->v > ct->v ? at->v : ct->v;
			if (d < 0)
				d = -d;
			st = d * 10 > m ? "fail" : "ok";
		}
		char as[64], cs[64], what[600], wd[64];
		fmt(at->v, at->dec, as, sizeof as);
		fmt(ct->v, ct->dec, cs, sizeof cs);
		snprintf(wd, sizeof wd, "%.*s", (int)strlen(words[0].w), hit);
		for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
			if (starts_with(hit, words[i].w)) {
				snprintf(wd, sizeof wd, "%s", words[i].w);
				break;
			}
		snprintf(what, sizeof what, "says 决算数%s预算数; 决算 %s万元, 预算 %s万元", wd, cs, as);
		char row[160];
		snprintf(row, sizeof row, "决算数%s预算数", wd);
		write_text(r, nt, pos, "narrative:决算与预算", row, as, cs, st, what);
	}
}

/* ---- the sums the narrative states ------------------------------------ */

/* "N、" at a sentence start (after 。；： or a line break) from p on, before end */
static const char *item_mark(const char *s, const char *p, const char *end, int n)
{
	char mark[16];
	snprintf(mark, sizeof mark, "%d、", n);
	for (const char *q = strstr(p, mark); q && q < end; q = strstr(q + 1, mark)) {
		if (q > s && is_digit(q[-1]))
			continue;
		return q;
	}
	return NULL;
}

/* a section heading "六、" at a sentence start after p, else the end */
static const char *section_end(const char *s, const char *p)
{
	static const char *const num[] = {"一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、", "十、", NULL};
	const char *best = s + strlen(s);
	for (int i = 0; num[i]; i++)
		for (const char *q = strstr(p, num[i]); q && q < best; q = strstr(q + 1, num[i])) {
			if (q - s >= 3 && (starts_with(q - 3, "。") || q[-1] == '\n' || starts_with(q - 3, "十"))) {
				if (starts_with(q - 3, "十"))
					continue;
				best = q;
				break;
			}
		}
	return best;
}

static int first_fig(const ntext *nt, size_t a, size_t b, const char *need, const char *avoid)
{
	for (int t = 0; t < nt->ntok; t++) {
		if (nt->tok[t].off < a || nt->tok[t].kind != TK_FIG)
			continue;
		if (nt->tok[t].off >= b)
			break;
		char l[600];
		lead_of(nt, t, l, sizeof l);
		if (strstr(l, need) && (!avoid || !strstr(l, avoid)))
			return t;
	}
	return -1;
}

static void item_sums(gk_result *r, const ntext *nt)
{
	const char *s = nt->s;
	for (const char *q = strstr(s, "其中"); q; q = strstr(q + 1, "其中")) {
		const char *p = q + strlen("其中");
		if (starts_with(p, "："))
			p += 3;
		else if (*p == ':')
			p++;
		if (!starts_with(p, "1、"))
			continue;
		/* the head: the sentences before 其中 state the budget and the 决算 */
		size_t qo = (size_t)(q - s);
		size_t h0 = sent_start(nt, qo);
		for (int back = 0; back < 3 && h0 > 3 && s[h0 - 1] != '\n'; back++)
			h0 = sent_start(nt, h0 - 3);
		int hb = -1, ha = -1;
		const char *kind = NULL;
		for (int t = 0; t < nt->ntok && nt->tok[t].off < qo; t++) {
			if (nt->tok[t].off < h0 || nt->tok[t].kind != TK_FIG)
				continue;
			char l[600];
			lead_of(nt, t, l, sizeof l);
			if (strstr(l, "全年预算")) {
				hb = t;
				kind = "全年预算";
			} else if (strstr(l, "年初预算") && (!kind || strcmp(kind, "全年预算"))) {
				hb = t;
				kind = "年初预算";
			} else if (is_actual_lead(l) && ha < 0) {
				ha = t;
			}
		}
		if (hb < 0 || ha < 0)
			continue;
		/* a 全年预算 head whose items print 年初预算: use what the items print */
		const char *end = section_end(s, p);
		acc sb = {0}, sa = {0};
		int n = 0, bad = 0;
		const char *cur = p;
		for (int i = 1;; i++) {
			const char *m = item_mark(s, cur, end, i);
			if (!m)
				break;
			const char *nx = item_mark(s, m + 1, end, i + 1);
			size_t a = (size_t)(m - s), b = nx ? (size_t)(nx - s) : (size_t)(end - s);
			int tb = first_fig(nt, a, b, kind, NULL), ta = first_fig(nt, a, b, "决算", "预算为");
			if (tb < 0 || ta < 0) {
				bad = 1;
				break;
			}
			char buf[64];
			fmt(nt->tok[tb].v, nt->tok[tb].dec, buf, sizeof buf);
			acc_add(&sb, buf);
			fmt(nt->tok[ta].v, nt->tok[ta].dec, buf, sizeof buf);
			acc_add(&sa, buf);
			n++;
			cur = m + 1;
			if (!nx)
				break;
		}
		if (bad || n < 2)
			continue;
		/* complete only if the 决算 figures add up to the stated 决算 */
		const ntok *ht = &nt->tok[ha], *hbt = &nt->tok[hb];
		long long ga = sa.v - ht->v;
		if (ga < 0)
			ga = -ga;
		if (ga > (long long)n * half(ht->dec < sa.dec ? ht->dec : sa.dec))
			continue;
		char es[64], fs[64], what[600];
		fmt(sb.v, sb.dec, es, sizeof es);
		fmt(hbt->v, hbt->dec, fs, sizeof fs);
		const char *st = gk_chk_status(sb.v, sb.dec, hbt->v, hbt->dec);
		snprintf(what, sizeof what, "%s stated %s万元; its %d items (their 决算 add up to the stated total) add up to %s万元",
		         kind, fs, n, es);
		write_text(r, nt, hbt->off, "narrative:Σitems", kind, es, fs, st, what);
	}
}

static void procurement(gk_result *r, const ntext *nt)
{
	for (int t = 0; t < nt->ntok; t++) {
		if (nt->tok[t].kind != TK_FIG)
			continue;
		char l[600];
		lead_of(nt, t, l, sizeof l);
		if (!strstr(l, "政府采购") || strstr(l, "中小企业") || strstr(l, "小微") || strstr(l, "货物") ||
		    strstr(l, "工程") || strstr(l, "服务"))
			continue;
		int parts[3] = {-1, -1, -1};
		static const char *const kinds[] = {"货物", "工程", "服务"};
		for (int u = t + 1; u < nt->ntok && same_sentence(nt, t, u) && u <= t + 6; u++) {
			if (nt->tok[u].kind != TK_FIG)
				continue;
			char pl[600];
			lead_of(nt, u, pl, sizeof pl);
			for (int j = 0; j < 3; j++)
				if (strstr(pl, kinds[j]) && parts[j] < 0)
					parts[j] = u;
		}
		const ntok *tt = &nt->tok[t];
		char ts[64], es[64], what[600];
		fmt(tt->v, tt->dec, ts, sizeof ts);
		if (parts[0] >= 0 && parts[1] >= 0 && parts[2] >= 0) {
			acc e = {0};
			char b[64];
			for (int j = 0; j < 3; j++) {
				fmt(nt->tok[parts[j]].v, nt->tok[parts[j]].dec, b, sizeof b);
				acc_add(&e, b);
			}
			acc_str(&e, es, sizeof es);
			const char *st = gk_chk_status(e.v, e.dec, tt->v, tt->dec);
			char a0[64], a1[64], a2[64];
			fmt(nt->tok[parts[0]].v, nt->tok[parts[0]].dec, a0, sizeof a0);
			fmt(nt->tok[parts[1]].v, nt->tok[parts[1]].dec, a1, sizeof a1);
			fmt(nt->tok[parts[2]].v, nt->tok[parts[2]].dec, a2, sizeof a2);
			snprintf(what, sizeof what, "政府采购 %s万元; 货物 %s + 工程 %s + 服务 %s = %s万元", ts, a0, a1, a2, es);
			write_text(r, nt, tt->off, "narrative:政府采购=货物+工程+服务", "政府采购", es, ts, st, what);
		}
		/* 中小企业 awards: of reserved projects and of the others */
		int x = -1, z = -1;
		size_t lim = tt->off + 1500;
		for (int u = t + 1; u < nt->ntok && nt->tok[u].off < lim; u++) {
			if (nt->tok[u].kind != TK_FIG)
				continue;
			char pl[600];
			lead_of(nt, u, pl, sizeof pl);
			if (strstr(pl, "政府采购") && !strstr(pl, "企业"))
				break; /* another total */
			if (!strstr(pl, "中小企业") || !(strstr(pl, "中标") || strstr(pl, "成交")))
				continue;
			/* the clause: since the last ；or 。 */
			size_t c0 = nt->tok[u].off;
			while (c0 > 0 && !starts_with(nt->s + c0, "；") && !starts_with(nt->s + c0, "。") && tt->off < c0)
				c0--;
			char clause[900];
			text_between(nt, c0, nt->tok[u].off, clause, sizeof clause);
			if (strstr(clause, "其他政府采购项目") || strstr(clause, "其他采购项目")) {
				if (z < 0)
					z = u;
			} else if (strstr(clause, "预留") && strstr(clause, "中小企业") && !strstr(clause, "小微企业预留")) {
				if (x < 0)
					x = u;
			}
		}
		if (x >= 0 && z >= 0) {
			acc e = {0};
			char b[64];
			fmt(nt->tok[x].v, nt->tok[x].dec, b, sizeof b);
			acc_add(&e, b);
			fmt(nt->tok[z].v, nt->tok[z].dec, b, sizeof b);
			acc_add(&e, b);
			acc_str(&e, es, sizeof es);
			const char *st = e.v <= tt->v ? "ok" : gk_chk_status(e.v, e.dec, tt->v, tt->dec);
			char xs[64], zs[64];
			fmt(nt->tok[x].v, nt->tok[x].dec, xs, sizeof xs);
			fmt(nt->tok[z].v, nt->tok[z].dec, zs, sizeof zs);
			snprintf(what, sizeof what,
			         "中小企业 won %s万元 of the reserved projects and %s万元 of the others, %s万元 in all, more than the 政府采购 total %s万元",
			         xs, zs, es, ts);
			write_text(r, nt, nt->tok[z].off, "narrative:中小企业≤政府采购", "政府采购", es, ts, st, what);
		}
	}
}

void wording_checks(gk_result *r, const ntext *nt)
{
	for (int k = 0; k < nt->ntok; k++) {
		if (nt->tok[k].kind != TK_PCT)
			continue;
		char lead[600];
		lead_of(nt, k, lead, sizeof lead);
		if (strstr(lead, "占"))
			share_check(r, nt, k);
		else if (strstr(lead, "完成"))
			completion_check(r, nt, k);
		else
			growth_check(r, nt, k);
	}
	compare_words(r, nt);
	item_sums(r, nt);
	procurement(r, nt);
}
