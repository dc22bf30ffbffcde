/* norm.c - normalizer primitives: amounts, units, codes, labels (norm.h).
 *
 * Everything here works on UTF-8 code points decoded by hand; nothing
 * depends on the locale and no floating point touches an amount. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "norm.h"

#include "gk.h"

#include <stdlib.h>
#include <string.h>

/* ---- UTF-8 ------------------------------------------------------------ */

#define BADCP 0xFFFFFFFFu /* an invalid byte: decoded as itself, length 1 */

/* Decode the code point at s (NUL-terminated); return its length (>= 1),
 * 0 at the terminating NUL.  Invalid sequences (overlong forms,
 * surrogates, beyond U+10FFFF, truncated) give BADCP and length 1. */
static int u8next(const char *str, unsigned *cp)
{
	if (!*str) {
		*cp = 0;
		return 0;
	}
	int n = gk_utf8_next((const unsigned char *)str, 4, cp); /* stops at the NUL */
	if (!n) {
		*cp = BADCP;
		return 1;
	}
	return n;
}

static void u8put(gk_buf *b, unsigned cp)
{
	char t[4];
	if (cp < 0x80) {
		gk_buf_addc(b, (char)cp);
	} else if (cp < 0x800) {
		t[0] = (char)(0xC0 | (cp >> 6));
		t[1] = (char)(0x80 | (cp & 0x3F));
		gk_buf_add(b, t, 2);
	} else if (cp < 0x10000) {
		t[0] = (char)(0xE0 | (cp >> 12));
		t[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		t[2] = (char)(0x80 | (cp & 0x3F));
		gk_buf_add(b, t, 3);
	} else {
		t[0] = (char)(0xF0 | (cp >> 18));
		t[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		t[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		t[3] = (char)(0x80 | (cp & 0x3F));
		gk_buf_add(b, t, 4);
	}
}

/* White space of printed text: ASCII, ideographic space, no-break space. */
static int is_space(unsigned cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
	       cp == 0x3000 || cp == 0x00A0;
}

/* "CJK" for the purpose of dropping layout spaces: ideographs, radicals,
 * kana, CJK symbols and punctuation (U+3000..U+303F), full-width and
 * half-width forms (U+FF00..U+FFEF). */
static int is_cjkish(unsigned cp)
{
	return (cp >= 0x2E80 && cp <= 0x33FF) || /* radicals, CJK punct., kana, ... */
	       (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
	       (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

int gk_has_cjk(const char *s)
{
	unsigned cp;
	int n;
	while ((n = u8next(s, &cp)) > 0) {
		if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF))
			return 1;
		s += n;
	}
	return 0;
}

int gk_codepoints(const char *s, unsigned *cp, int max)
{
	int n, k = 0;
	unsigned c;
	while ((n = u8next(s, &c)) > 0) {
		s += n;
		if (c == ' ')
			continue;
		if (k == max)
			return -1;
		cp[k++] = c;
	}
	return n < 0 ? -1 : k;
}

int gk_codepoint_edits(const char *a, const char *b, int max)
{
	unsigned x[64], y[64];
	int n = gk_codepoints(a, x, 64), m = gk_codepoints(b, y, 64);
	if (n < 0 || m < 0)
		return max + 1;
	int d[65][65];
	for (int i = 0; i <= n; i++)
		d[i][0] = i;
	for (int j = 0; j <= m; j++)
		d[0][j] = j;
	for (int i = 1; i <= n; i++)
		for (int j = 1; j <= m; j++) {
			int c = d[i - 1][j - 1] + (x[i - 1] != y[j - 1]);
			if (d[i - 1][j] + 1 < c)
				c = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < c)
				c = d[i][j - 1] + 1;
			d[i][j] = c;
		}
	return d[n][m] > max ? max + 1 : d[n][m];
}

char *gk_fold_width(const char *s)
{
	gk_buf b = {0};
	gk_buf_add(&b, "", 0);
	unsigned cp;
	int n;
	while ((n = u8next(s, &cp)) > 0) {
		if (cp >= 0xFF01 && cp <= 0xFF5E)
			gk_buf_addc(&b, (char)(cp - 0xFEE0));
		else if (cp == 0x3000)
			gk_buf_addc(&b, ' ');
		else
			gk_buf_add(&b, s, (size_t)n); /* as printed, invalid bytes too */
		s += n;
	}
	return gk_buf_take(&b);
}

/* ---- bounded output --------------------------------------------------- */

typedef struct ow {
	char *out;
	size_t sz, len;
	int over; /* something did not fit */
} ow;

static void ow_c(ow *w, char c)
{
	if (w->len + 1 < w->sz)
		w->out[w->len++] = c;
	else
		w->over = 1;
}

static void ow_end(ow *w)
{
	if (w->sz)
		w->out[w->len < w->sz ? w->len : w->sz - 1] = 0;
}

/* ---- amounts ---------------------------------------------------------- */

/* The next symbol of a printed amount, folded to ASCII: a digit , . - + ( )
 * or ' ' for white space; 0 at the end, -1 for anything else. */
static int amt_sym(const char **pp)
{
	unsigned cp;
	int n = u8next(*pp, &cp);
	if (n == 0)
		return 0;
	*pp += n;
	if (cp >= '0' && cp <= '9')
		return (int)cp;
	if (cp >= 0xFF10 && cp <= 0xFF19)
		return (int)('0' + cp - 0xFF10);
	if (is_space(cp))
		return ' ';
	switch (cp) {
	case ',': case 0xFF0C: return ',';
	case '.': case 0xFF0E: return '.';
	case '-': case 0x2212: case 0xFF0D: return '-';
	case '+': case 0xFF0B: return '+';
	case '(': case 0xFF08: return '(';
	case ')': case 0xFF09: return ')';
	default: return -1;
	}
}

/* One pass over a printed amount.  With w == NULL it only validates and
 * fills *neg, *nint (integer digits printed) and *nonzero; with w it
 * writes the canonical form, using the values of the first pass. */
static int amt_scan(const char *s, ow *w, int *neg, int *nint, int *nonzero)
{
	const char *p = s;
	int c, paren = 0, ni = 0, nf = 0, grp = 0, commas = 0, nz = 0, lead = 1, longfirst = 0;
	int sign = 0;
	do
		c = amt_sym(&p);
	while (c == ' ');
	if (c == '(') {
		paren = 1;
		sign = 1;
		do
			c = amt_sym(&p);
		while (c == ' ');
	} else if (c == '-' || c == '+') {
		sign = c == '-';
		c = amt_sym(&p);
	}
	if (w && sign && *nonzero)
		ow_c(w, '-');
	for (; (c >= '0' && c <= '9') || c == ','; c = amt_sym(&p)) {
		if (c == ',') {
			/* the first group 1..3 digits, every later group 3; or one
			 * comma only, before the last three digits ("120258,600",
			 * some 元 tables): a thousands mark all the same */
			if (grp == 0 || (commas ? grp != 3 || longfirst : 0))
				return 0;
			longfirst |= !commas && grp > 3;
			commas++;
			grp = 0;
			continue;
		}
		ni++;
		grp++;
		if (c != '0')
			nz = 1;
		if (w) {
			/* drop leading zeros, keep the last integer digit */
			if (lead && c == '0' && ni < *nint)
				continue;
			lead = 0;
			ow_c(w, (char)c);
		}
	}
	if (commas && grp != 3)
		return 0;
	if (w && ni == 0)
		ow_c(w, '0');
	if (c == '.') {
		if (w)
			ow_c(w, '.');
		for (c = amt_sym(&p); c >= '0' && c <= '9'; c = amt_sym(&p)) {
			nf++;
			if (c != '0')
				nz = 1;
			if (w)
				ow_c(w, (char)c);
		}
		if (nf == 0)
			return 0; /* "5." */
	}
	if (ni == 0 && nf == 0)
		return 0;
	while (c == ' ')
		c = amt_sym(&p);
	if (paren) {
		if (c != ')')
			return 0;
		do
			c = amt_sym(&p);
		while (c == ' ');
	}
	if (c != 0)
		return 0;
	if (!w) {
		*neg = sign;
		*nint = ni;
		*nonzero = nz;
	}
	return 1;
}

int gk_amount_parse(const char *s, char *out, size_t outsz)
{
	int neg = 0, nint = 0, nonzero = 0;
	if (outsz)
		out[0] = 0;
	if (!s || !amt_scan(s, NULL, &neg, &nint, &nonzero))
		return 0;
	ow w = {out, outsz, 0, 0};
	amt_scan(s, &w, &neg, &nint, &nonzero);
	ow_end(&w);
	return 1;
}

int gk_amount_scale(const char *s, int shift, char *out, size_t outsz)
{
	if (outsz)
		out[0] = 0;
	if (!s || shift > 64 || shift < -64)
		return 0;
	const char *p = s;
	int neg = 0;
	if (*p == '-') {
		neg = 1;
		p++;
	}
	const char *ip = p;
	while (*p >= '0' && *p <= '9')
		p++;
	int ni = (int)(p - ip);
	const char *fp = NULL;
	int nf = 0;
	if (*p == '.') {
		fp = ++p;
		while (*p >= '0' && *p <= '9')
			p++;
		nf = (int)(p - fp);
		if (nf == 0)
			return 0;
	}
	if (ni == 0 || *p)
		return 0;

	/* digits D = int digits then fraction digits; value = D * 10^(shift - nf) */
	int nd = ni + nf;
#define DIG(i) ((i) < ni ? ip[(i)] : fp[(i) - ni])
	int dec = nf - shift;             /* decimals of the exact result */
	int mindec = dec < 0 ? 0 : dec;   /* never fewer than printed ... */
	if (mindec > nf)
		mindec = nf;              /* ... but drop the zeros the shift made */
	/* the result as digits R[0..nr) with `dec` of them after the point:
	 * D, then -dec zeros when dec < 0; left-padded with zeros so that at
	 * least one integer digit exists */
	int pad = dec > 0 && dec >= nd ? dec - nd + 1 : 0;
	int tail = dec < 0 ? -dec : 0;
	int nr = pad + nd + tail;
	if (dec < 0)
		dec = 0;
#define RD(i) ((i) < pad ? '0' : (i) < pad + nd ? DIG((i) - pad) : '0')
	int rint = nr - dec;              /* integer digits of R, >= 1 */
	/* trailing fraction zeros down to mindec */
	int keep = dec;
	while (keep > mindec && RD(rint + keep - 1) == '0')
		keep--;
	/* leading integer zeros down to one */
	int first = 0;
	while (first < rint - 1 && RD(first) == '0')
		first++;
	int nonzero = 0;
	for (int i = first; i < rint + keep; i++)
		if (RD(i) != '0')
			nonzero = 1;
	ow w = {out, outsz, 0, 0};
	if (neg && nonzero)
		ow_c(&w, '-');
	for (int i = first; i < rint; i++)
		ow_c(&w, RD(i));
	if (keep) {
		ow_c(&w, '.');
		for (int i = rint; i < rint + keep; i++)
			ow_c(&w, RD(i));
	}
#undef RD
#undef DIG
	ow_end(&w);
	if (w.over) {
		if (outsz)
			out[0] = 0;
		return 0;
	}
	return 1;
}

/* ---- units ------------------------------------------------------------ */

static const char *skip_space(const char *p)
{
	unsigned cp;
	int n;
	while ((n = u8next(p, &cp)) > 0 && is_space(cp))
		p += n;
	return p;
}

static int starts(const char *p, const char *lit)
{
	return strncmp(p, lit, strlen(lit)) == 0;
}

/* A unit name at p: [人民币] [百万|千万|十万|千|万|亿] 元.  Returns the power
 * of ten to 万元 and sets *end, or GK_UNIT_NONE. */
static int unit_name(const char *p, const char **end)
{
	static const struct {
		const char *mul;
		int pow;
	} mul[] = {
		{"百万", 2}, {"千万", 3}, {"十万", 1}, {"千", -1}, {"万", 0}, {"亿", 4}, {"", -4},
	};
	if (starts(p, "人民币"))
		p = skip_space(p + strlen("人民币"));
	for (size_t i = 0; i < sizeof mul / sizeof *mul; i++) {
		if (!starts(p, mul[i].mul))
			continue;
		const char *q = skip_space(p + strlen(mul[i].mul));
		if (starts(q, "元")) {
			*end = q + strlen("元");
			return mul[i].pow;
		}
	}
	return GK_UNIT_NONE;
}

int gk_unit_parse(const char *text)
{
	const char *end;
	if (!text)
		return GK_UNIT_NONE;
	/* "单位：万元", "金额单位:元", "单位 万元" */
	for (const char *p = strstr(text, "单位"); p; p = strstr(p + 1, "单位")) {
		const char *q = skip_space(p + strlen("单位"));
		if (starts(q, "："))
			q = skip_space(q + strlen("："));
		else if (*q == ':')
			q = skip_space(q + 1);
		else if (starts(q, "为"))
			q = skip_space(q + strlen("为"));
		int pow = unit_name(q, &end);
		if (pow != GK_UNIT_NONE)
			return pow;
	}
	/* a bracketed unit on its own: "（万元）", "(元)" */
	for (const char *p = text; *p; p++) {
		const char *q;
		if (*p == '(')
			q = p + 1;
		else if (starts(p, "（"))
			q = p + strlen("（");
		else
			continue;
		int pow = unit_name(skip_space(q), &end);
		if (pow == GK_UNIT_NONE)
			continue;
		end = skip_space(end);
		if (*end == ')' || starts(end, "）"))
			return pow;
	}
	return GK_UNIT_NONE;
}

/* ---- classification codes -------------------------------------------- */

/* Digits (ASCII or full-width) in groups; between groups a run of white
 * space and at most one '-' (ASCII, U+2212 or full-width).  A group break
 * may only fall after digit 3 or 5.  Writes the digits to out (at most
 * maxd); returns the digit count or 0. */
static int code_parse(const char *s, char out[16], int maxd)
{
	int nd = 0, sep = 0, dash = 0;
	unsigned cp;
	int n;
	out[0] = 0;
	if (!s)
		return 0;
	s = skip_space(s);
	while ((n = u8next(s, &cp)) > 0) {
		s += n;
		int d = -1;
		if (cp >= '0' && cp <= '9')
			d = (int)(cp - '0');
		else if (cp >= 0xFF10 && cp <= 0xFF19)
			d = (int)(cp - 0xFF10);
		if (d >= 0) {
			if (sep) {
				if (nd != 3 && nd != 5)
					return 0;
				sep = dash = 0;
			}
			if (nd == maxd)
				return 0;
			out[nd++] = (char)('0' + d);
			continue;
		}
		if (nd == 0)
			return 0;
		if (cp == '-' || cp == 0x2212 || cp == 0xFF0D) {
			if (dash++)
				return 0;
		} else if (!is_space(cp)) {
			return 0;
		}
		sep = 1;
	}
	if (dash) /* "201-" */
		return 0;
	out[nd] = 0;
	return nd;
}

int gk_func_code(const char *s, char out[16])
{
	int n = code_parse(s, out, 7);
	if ((n == 3 || n == 5 || n == 7) && out[0] == '2')
		return n;
	out[0] = 0;
	return 0;
}

int gk_econ_code(const char *s, char out[16])
{
	int n = code_parse(s, out, 7);
	if ((n == 3 || n == 5) && (out[0] == '3' || out[0] == '5'))
		return n;
	/* a third level some provinces print under a 部门预算 code (3010201
	 * 规范性津补贴 under 30102): 30x/31x/39x, never a 5xx code */
	if (n == 7 && out[0] == '3' && (out[1] == '0' || out[1] == '1' || out[1] == '9'))
		return n;
	out[0] = 0;
	return 0;
}

/* ---- labels ----------------------------------------------------------- */

static const struct {
	const char *name, *rep;
} tex_cmd[] = {
	{"leqslant", "≤"}, {"geqslant", "≥"}, {"leq", "≤"}, {"geq", "≥"}, {"le", "≤"}, {"ge", "≥"},
	{"lt", "<"}, {"gt", ">"}, {"neq", "≠"}, {"ne", "≠"}, {"times", "×"}, {"div", "÷"},
	{"pm", "±"}, {"cdot", "·"}, {"approx", "≈"}, {"sim", "~"}, {"circ", "°"},
	{"percent", "%"},
};

/* A LaTeX command at p (p[0] == '\\'): append its rendering, return the
 * bytes consumed; 0 if it is not one we know. */
static size_t tex_command(const char *p, gk_buf *b)
{
	if (p[1] && strchr("%$&#_{}", p[1])) {
		gk_buf_addc(b, p[1]);
		return 2;
	}
	size_t n = 1;
	while ((p[n] >= 'a' && p[n] <= 'z') || (p[n] >= 'A' && p[n] <= 'Z'))
		n++;
	for (size_t i = 0; i < sizeof tex_cmd / sizeof *tex_cmd; i++)
		if (strlen(tex_cmd[i].name) == n - 1 && !strncmp(p + 1, tex_cmd[i].name, n - 1)) {
			gk_buf_adds(b, tex_cmd[i].rep);
			return n;
		}
	return 0;
}

/* LaTeX: inside a $..$ pair drop white space, braces and the '$'s and
 * render the commands; outside render the commands only. */
static void clean_tex(const char *s, gk_buf *b)
{
	const char *mathend = NULL;
	while (*s) {
		if (*s == '$' && !mathend) {
			const char *close = strchr(s + 1, '$');
			while (close && close[-1] == '\\')
				close = strchr(close + 1, '$');
			if (close) {
				mathend = close;
				s++;
				continue;
			}
		} else if (s == mathend) {
			mathend = NULL;
			s++;
			continue;
		}
		if (*s == '\\') {
			size_t n = tex_command(s, b);
			if (n) {
				s += n;
				continue;
			}
		}
		if (mathend && (*s == ' ' || *s == '\t' || *s == '{' || *s == '}')) {
			s++;
			continue;
		}
		gk_buf_addc(b, *s++);
	}
}

/* Drop "**" emphasis markers, in pairs (an odd last one stays). */
static void clean_emphasis(const char *s, gk_buf *b)
{
	int pairs = 0;
	for (const char *p = strstr(s, "**"); p; p = strstr(p + 2, "**"))
		pairs++;
	pairs &= ~1;
	while (*s) {
		if (pairs && s[0] == '*' && s[1] == '*') {
			pairs--;
			s += 2;
			continue;
		}
		gk_buf_addc(b, *s++);
	}
}

char *gk_label_clean(const char *s)
{
	gk_buf t = {0}, u = {0}, out = {0};
	gk_buf_add(&out, "", 0);
	if (!s)
		return gk_buf_take(&out);
	gk_buf_add(&t, "", 0);
	gk_buf_add(&u, "", 0);
	clean_tex(s, &t);
	clean_emphasis(t.s, &u);

	/* trim, collapse white space, drop it next to CJK */
	const char *p = u.s;
	unsigned cp, prev = 0;
	int n, pending = 0;
	while ((n = u8next(p, &cp)) > 0) {
		if (is_space(cp)) {
			pending = 1;
			p += n;
			continue;
		}
		if (pending && prev && !is_cjkish(prev) && !is_cjkish(cp))
			gk_buf_addc(&out, ' ');
		pending = 0;
		if (cp == BADCP)
			gk_buf_add(&out, p, 1);
		else
			u8put(&out, cp);
		prev = cp;
		p += n;
	}
	gk_buf_drop(&t);
	gk_buf_drop(&u);
	return gk_buf_take(&out);
}
