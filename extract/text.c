/* text.c - a text file -> gk_doc (extract.h: gk_extract_text).
 *
 * One pass over the (decoded) text; each line becomes one gk_line whose
 * geometry says how its cells were cut:
 *   TAB   a line with a TAB, or a markdown pipe-table row: fields, empty ones
 *         kept, x0 = x1 = field index;
 *   POS   a line with a gap of 2+ spaces between text (pdftotext -layout):
 *         cells cut at such gaps, x = display columns (wide characters 2);
 *   FLOW  anything else: single-space tokens, x0 = x1 = token index.
 * y0 = y1 = the 1-based line number in the file; a form feed starts a page.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "extract.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

/* ---- encoding --------------------------------------------------------- */

/* Decode valid UTF-8 at p (the text was validated or produced by iconv);
 * a stray byte decodes as itself. */
static unsigned u8dec(const unsigned char *p, size_t n, int *len)
{
	unsigned cp;
	int l = gk_utf8_next(p, n, &cp);
	if (!l) {
		*len = 1;
		return p[0];
	}
	*len = l;
	return cp;
}

/* Convert n bytes from `from` to UTF-8.  NULL if iconv rejects any byte. */
static char *to_utf8(const char *from, const char *in, size_t n, size_t *outn)
{
	iconv_t cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1)
		return NULL;
	size_t cap = n * 2 + 16, used = 0;
	char *out = gk_malloc(cap);
	char *ip = (char *)in;
	size_t il = n;
	int flushing = 0;
	for (;;) {
		char *op = out + used;
		size_t ol = cap - used - 1;
		size_t r = flushing ? iconv(cd, NULL, NULL, &op, &ol) : iconv(cd, &ip, &il, &op, &ol);
		used = (size_t)(op - out);
		if (r != (size_t)-1) {
			if (flushing)
				break;
			flushing = 1; /* input done: flush the shift state */
			continue;
		}
		if (errno != E2BIG) {
			free(out);
			iconv_close(cd);
			return NULL;
		}
		cap *= 2;
		out = gk_realloc(out, cap);
	}
	iconv_close(cd);
	out[used] = 0;
	*outn = used;
	return out;
}

/* Share of the GB18030 multi-byte characters that lie in the GB2312 area
 * (both bytes >= 0xA1), where nearly all text of a Chinese document is.
 * Latin-1 or CP1252 bytes that happen to pair up as GB18030 do not. */
static int gb_plausible(const unsigned char *p, size_t n)
{
	size_t mb = 0, zone = 0;
	for (size_t i = 0; i < n;) {
		unsigned c = p[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		mb++;
		if (i + 1 < n && p[i + 1] >= 0x30 && p[i + 1] <= 0x39) {
			i += 4;
			continue;
		}
		if (c >= 0xA1 && i + 1 < n && p[i + 1] >= 0xA1)
			zone++;
		i += 2;
	}
	return zone * 2 >= mb;
}

/* Case-insensitive search for an ASCII needle in the first n bytes. */
static int ci_find(const char *p, size_t n, const char *needle)
{
	size_t m = strlen(needle);
	for (size_t i = 0; i + m <= n; i++)
		if (!strncasecmp(p + i, needle, m))
			return 1;
	return 0;
}

static int is_ws_byte(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Reject what is not a text document.  0, or GK_EFORMAT with *err set. */
static int sniff(const char *data, size_t len, char **err)
{
	const unsigned char *p = (const unsigned char *)data;
	size_t ctrl = 0, ws = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned c = p[i];
		if (c == 0) {
			*err = gk_strdup("binary data, not a PDF or text");
			return GK_EFORMAT;
		}
		if (is_ws_byte((unsigned char)c))
			ws++;
		else if (c < 0x20 || c == 0x7F)
			ctrl++;
	}
	if (ctrl >= 2 && ctrl * 20 > len) {
		*err = gk_strdup("binary data, not a PDF or text");
		return GK_EFORMAT;
	}
	if (ws == len) {
		*err = gk_strdup("empty file");
		return GK_EFORMAT;
	}
	size_t i = 0;
	while (i < len && is_ws_byte(p[i]))
		i++;
	size_t head = len < 2048 ? len : 2048;
	if ((len - i >= 14 && !strncasecmp(data + i, "<!doctype html", 14)) ||
	    (len - i >= 5 && !strncasecmp(data + i, "<html", 5)) || ci_find(data, head, "<html") ||
	    ci_find(data, head, "<body")) {
		*err = gk_strdup("an HTML page, not a document");
		return GK_EFORMAT;
	}
	return 0;
}

/* Decide the encoding of data and return UTF-8 text (*conv is set when
 * the text had to be converted; caller frees).  `base` is the offset of
 * data within the file, for messages. */
static int decode(const char *data, size_t len, size_t base, const char **enc, const char **text,
                  size_t *textlen, char **conv, char **err)
{
	const unsigned char *p = (const unsigned char *)data;
	size_t good = 0, bad = 0, firstbad = 0;
	for (size_t i = 0; i < len;) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		unsigned cp;
		int l = gk_utf8_next(p + i, len - i, &cp);
		if (l) {
			good++;
			i += (size_t)l;
		} else {
			if (!bad)
				firstbad = i;
			bad++;
			i++;
		}
	}
	*conv = NULL;
	if (!bad) {
		*enc = "utf-8";
		*text = data;
		*textlen = len;
		return 0;
	}
	/* GB18030 text decodes as a few accidental UTF-8 sequences among many
	 * invalid bytes (about 1 in 5); mostly-valid UTF-8 is a mixed file */
	if (good >= bad) {
		*err = gk_strfmt("mixed encodings: invalid UTF-8 at byte %zu", base + firstbad);
		return GK_EENCODING;
	}
	size_t n;
	char *u = gb_plausible(p, len) ? to_utf8("GB18030", data, len, &n) : NULL;
	if (!u) {
		*err = gk_strdup("neither UTF-8 nor GB18030 text");
		return GK_EENCODING;
	}
	*enc = "gb18030";
	*conv = u;
	*text = u;
	*textlen = n;
	return 0;
}

/* ---- lines ------------------------------------------------------------ */

/* Columns of a code point in layout text.  pdftotext -layout aligns by
 * character count, CJK included, so every visible character is one
 * column; combining marks and zero-width characters are none. */
static int cp_width(unsigned cp)
{
	if ((cp >= 0x300 && cp <= 0x36F) || (cp >= 0x200B && cp <= 0x200F) || cp == 0xFEFF)
		return 0;
	return 1;
}

/* Length of the white space character at p (ASCII space, U+3000, U+00A0),
 * or 0.  TABs are not white space here: they separate fields. */
static inline int sp_len(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	if (p[0] == ' ')
		return 1;
	if (p[0] != 0xE3 && p[0] != 0xC2)
		return 0;
	if (n >= 3 && p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80)
		return 3;
	if (n >= 2 && p[0] == 0xC2 && p[1] == 0xA0)
		return 2;
	return 0;
}

/* Trim white space off both ends of [*s, *s + *n). */
static void trim(const char **s, size_t *n)
{
	int l;
	while (*n && (l = sp_len(*s, *n)) > 0) {
		*s += l;
		*n -= (size_t)l;
	}
	for (;;) {
		if (*n >= 1 && (*s)[*n - 1] == ' ')
			*n -= 1;
		else if (*n >= 3 && sp_len(*s + *n - 3, 3) == 3)
			*n -= 3;
		else if (*n >= 2 && sp_len(*s + *n - 2, 2) == 2)
			*n -= 2;
		else
			break;
	}
}

/* Markdown: drop a "# " heading marker (and closing "#"s) and "**" bold
 * markers that open the line (with their closing pair).  Edits s in place;
 * returns the new length. */
static size_t strip_markdown(char *s, size_t n)
{
	size_t i = 0;
	while (i < n && i < 3 && s[i] == ' ')
		i++;
	size_t h = i;
	while (h < n && s[h] == '#' && h - i < 7)
		h++;
	if (h > i && h - i <= 6 && (h == n || s[h] == ' ')) {
		memmove(s + i, s + h, n - h);
		n -= h - i;
		/* closing sequence: "## title ##" */
		size_t e = n;
		while (e > i && s[e - 1] == ' ')
			e--;
		size_t k = e;
		while (k > i && s[k - 1] == '#')
			k--;
		if (k < e && (k == i || s[k - 1] == ' '))
			n = k;
	}
	while (i < n && s[i] == ' ')
		i++;
	if (n - i >= 4 && s[i] == '*' && s[i + 1] == '*') {
		char *close = memmem(s + i + 2, n - i - 2, "**", 2);
		if (close) {
			size_t c = (size_t)(close - s);
			memmove(s + c, s + c + 2, n - c - 2);
			n -= 2;
			memmove(s + i, s + i + 2, n - i - 2);
			n -= 2;
		}
	}
	return n;
}

static int is_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		int l = sp_len(s + i, n - i);
		if (!l && s[i] != '\t')
			return 0;
		i += l ? (size_t)l : 1;
	}
	return 1;
}

static void add_tab_line(gk_doc *doc, int page, int lineno, const char *s, size_t n)
{
	/* all fields empty: a blank line */
	if (is_blank(s, n))
		return;
	gk_line *l = gk_doc_add_line(doc, page, lineno, lineno, 0, GK_GEOM_TAB);
	int idx = 0;
	for (;;) {
		const char *t = memchr(s, '\t', n);
		size_t fl = t ? (size_t)(t - s) : n;
		const char *f = s;
		trim(&f, &fl);
		gk_line_add_cell(l, idx, idx, f, fl);
		idx++;
		if (!t)
			break;
		n -= (size_t)(t + 1 - s);
		s = t + 1;
	}
}

/* "| a | b |" -> TAB cells; "|---|:--|" -> nothing.  Returns 0 if the line
 * is not a pipe-table row.  s is edited in place ("\|" -> "|"). */
static int add_pipe_line(gk_doc *doc, int page, int lineno, char *s, size_t n)
{
	const char *t = s;
	size_t tn = n;
	trim(&t, &tn);
	if (tn < 2 || t[0] != '|' || t[tn - 1] != '|')
		return 0;
	char *p = s + (t - s) + 1, *end = s + (t - s) + tn - 1;
	/* a delimiter row ("|---|:--:|") or a row of empty cells: no line */
	int sep = 1, empty = 1;
	for (char *q = p; q < end; q++) {
		if (*q != '|' && *q != ' ')
			empty = 0;
		if (*q != '|' && *q != ':' && *q != ' ' && *q != '-')
			sep = 0;
	}
	if (empty || (sep && memmem(p, (size_t)(end - p), "--", 2)))
		return 1;
	gk_line *l = gk_doc_add_line(doc, page, lineno, lineno, 0, GK_GEOM_TAB);
	int idx = 0;
	while (p <= end) {
		/* one cell: up to an unescaped '|', unescaping "\|" on the way */
		char *w = p, *q = p;
		while (q < end && *q != '|') {
			if (q[0] == '\\' && q + 1 < end && q[1] == '|')
				q++;
			*w++ = *q++;
		}
		const char *f = p;
		size_t fl = (size_t)(w - p);
		trim(&f, &fl);
		gk_line_add_cell(l, idx, idx, f, fl);
		idx++;
		p = q + 1;
	}
	return 1;
}

/* Cells of a layout line: cut at gaps of 2+ white space characters; x in
 * display columns from the start of the line. */
static void add_pos_line(gk_doc *doc, int page, int lineno, const char *s, size_t n)
{
	gk_line *l = gk_doc_add_line(doc, page, lineno, lineno, 0, GK_GEOM_POS);
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, cs = 0, ce = 0;
	int col = 0, x0 = 0, x1 = 0, gap = 0, incell = 0;
	while (i < n) {
		int sl = sp_len(s + i, n - i);
		if (sl) {
			gap++;
			col += sl == 3 ? 2 : 1;
			i += (size_t)sl;
			continue;
		}
		if (incell && gap >= 2) {
			gk_line_add_cell(l, x0, x1, s + cs, ce - cs);
			incell = 0;
		}
		if (!incell) {
			incell = 1;
			cs = i;
			x0 = col;
		}
		gap = 0;
		int len;
		unsigned cp = u8dec(u + i, n - i, &len);
		col += cp_width(cp);
		i += (size_t)len;
		ce = i;
		x1 = col;
	}
	if (incell)
		gk_line_add_cell(l, x0, x1, s + cs, ce - cs);
}

static void add_flow_line(gk_doc *doc, int page, int lineno, const char *s, size_t n)
{
	gk_line *l = gk_doc_add_line(doc, page, lineno, lineno, 0, GK_GEOM_FLOW);
	size_t i = 0;
	int idx = 0;
	while (i < n) {
		int sl = sp_len(s + i, n - i);
		if (sl) {
			i += (size_t)sl;
			continue;
		}
		size_t st = i;
		while (i < n && !sp_len(s + i, n - i))
			i++;
		gk_line_add_cell(l, idx, idx, s + st, i - st);
		idx++;
	}
}

/* True if white space of 2+ characters separates text somewhere. */
static int has_gap(const char *s, size_t n)
{
	int gap = 0, seen = 0;
	for (size_t i = 0; i < n;) {
		int sl = sp_len(s + i, n - i);
		if (sl) {
			gap++;
			i += (size_t)sl;
			continue;
		}
		if (seen && gap >= 2)
			return 1;
		seen = 1;
		gap = 0;
		i++;
	}
	return 0;
}

/* One line (no newline, no form feed) of the document. */
static void add_line(gk_doc *doc, gk_buf *sb, int page, int lineno, const char *s, size_t n)
{
	/* work on a copy: control characters become spaces, markdown goes */
	gk_buf_reset(sb);
	gk_buf_add(sb, s, n);
	char *w = sb->s;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)w[i] < 0x20 && w[i] != '\t') || w[i] == 0x7F)
			w[i] = ' ';
	n = strip_markdown(w, n);
	if (is_blank(w, n))
		return;
	if (memchr(w, '\t', n))
		add_tab_line(doc, page, lineno, w, n);
	else if (add_pipe_line(doc, page, lineno, w, n))
		;
	else if (has_gap(w, n))
		add_pos_line(doc, page, lineno, w, n);
	else {
		const char *t = w;
		trim(&t, &n);
		add_flow_line(doc, page, lineno, t, n);
	}
}

/* Split text into lines and pages.  Returns the page count. */
static int split_lines(gk_doc *doc, const char *text, size_t len)
{
	gk_buf sb = {0};
	int page = 1, lineno = 1;
	int after_ff = 0; /* text seen since the last form feed */
	size_t i = 0;
	while (i < len) {
		size_t st = i;
		while (i < len && text[i] != '\n' && text[i] != '\r' && text[i] != '\f')
			i++;
		if (!is_blank(text + st, i - st)) {
			add_line(doc, &sb, page, lineno, text + st, i - st);
			after_ff = 1;
		}
		if (i >= len)
			break;
		if (text[i] == '\f') {
			page++;
			after_ff = 0;
			i++;
			continue; /* the same line goes on, on the next page */
		}
		if (text[i] == '\r' && i + 1 < len && text[i + 1] == '\n')
			i++;
		i++;
		lineno++;
	}
	gk_buf_drop(&sb);
	/* pdftotext ends every page, the last one too, with a form feed */
	if (page > 1 && !after_ff)
		page--;
	return page;
}

int gk_extract_text(const char *path, const char *data, size_t len, gk_doc **out, char **err)
{
	*out = NULL;
	*err = NULL;
	char sha[65];
	gk_sha256_hex(data, len, sha);

	const char *body = data;
	size_t blen = len, base = 0;
	char *u16 = NULL;
	const char *enc = NULL;
	if (len >= 2 && (((unsigned char)data[0] == 0xFF && (unsigned char)data[1] == 0xFE) ||
	                 ((unsigned char)data[0] == 0xFE && (unsigned char)data[1] == 0xFF))) {
		u16 = to_utf8("UTF-16", data, len, &blen);
		if (!u16) {
			*err = gk_strdup("invalid UTF-16 text");
			return GK_EENCODING;
		}
		body = u16;
		enc = "utf-16";
	}
	if (blen >= 3 && !memcmp(body, "\xEF\xBB\xBF", 3)) {
		body += 3;
		blen -= 3;
		base = u16 ? 0 : 3;
	}
	if (blen == 0) {
		free(u16);
		*err = gk_strdup("empty file");
		return GK_EFORMAT;
	}
	int rc = sniff(body, blen, err);
	if (rc) {
		free(u16);
		return rc;
	}
	const char *text;
	size_t tlen;
	char *conv;
	const char *denc;
	rc = decode(body, blen, base, &denc, &text, &tlen, &conv, err);
	if (rc) {
		free(u16);
		return rc;
	}
	if (!enc)
		enc = denc;

	gk_doc *doc = gk_doc_new();
	int pages = split_lines(doc, text, tlen);
	for (int p = 0; p < pages; p++)
		gk_doc_add_page(doc, 0, 0); /* size unknown */
	char npg[16];
	snprintf(npg, sizeof npg, "%d", pages);
	gk_doc_set_meta(doc, "source", path ? path : "");
	gk_doc_set_meta(doc, "sha256", sha);
	gk_doc_set_meta(doc, "format", "text");
	gk_doc_set_meta(doc, "encoding", enc);
	gk_doc_set_meta(doc, "pages", npg);
	free(conv);
	free(u16);
	*out = doc;
	return GK_OK;
}
