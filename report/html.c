/*
 * html.c - the report's pages: index.html (the corpus) and
 * docs/<doc>.html (one document: its tables, its failed checks in words
 * with the crop of the page).  Self-contained: the style and one small
 * script are inline, and a Content-Security-Policy allows nothing else
 * (no network, no other script; images from the report's own folder).
 * Every text from a document is escaped.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "rp.h"

#include <glib.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* ---- escaping ---- */

void rp_html_text(gk_buf *b, const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		unsigned cp;
		int k = gk_utf8_next((const unsigned char *)s + i, n - i, &cp);
		if (k <= 0) {
			gk_buf_adds(b, "\xEF\xBF\xBD"); /* U+FFFD */
			i++;
			continue;
		}
		switch (s[i]) {
		case '&': gk_buf_adds(b, "&amp;"); break;
		case '<': gk_buf_adds(b, "&lt;"); break;
		case '>': gk_buf_adds(b, "&gt;"); break;
		case '"': gk_buf_adds(b, "&quot;"); break;
		case '\'': gk_buf_adds(b, "&#39;"); break;
		default:
			if (cp < 0x20 && cp != '\n' && cp != '\t')
				gk_buf_addc(b, ' ');
			else
				gk_buf_add(b, s + i, (size_t)k);
		}
		i += (size_t)k;
	}
}

static void url_bytes(gk_buf *b, const char *s, int keep_slash)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    strchr("-._~", *p) || (keep_slash && *p == '/'))
			gk_buf_addc(b, (char)*p);
		else
			gk_buf_addf(b, "%%%02X", *p);
	}
}

void rp_html_url(gk_buf *b, const char *s)
{
	url_bytes(b, s, 0);
}

/* file:///abs/path#page=N of the source, if it is there now */
static void source_link(gk_buf *b, const rp_doc *d, int page, const char *text)
{
	char *abs = d->source ? realpath(d->source, NULL) : NULL;
	if (!abs) {
		rp_html_text(b, text);
		return;
	}
	gk_buf_adds(b, "<a href=\"file://");
	url_bytes(b, abs, 1);
	if (page > 0 && (!d->format || !strcmp(d->format, "pdf"))) /* a PDF viewer's fragment */
		gk_buf_addf(b, "#page=%d", page);
	gk_buf_adds(b, "\">");
	rp_html_text(b, text);
	gk_buf_adds(b, "</a>");
	free(abs);
}

/* ---- page frame ---- */

static const char css[] =
	"body{font-family:system-ui,'Noto Sans CJK SC','WenQuanYi Micro Hei','Microsoft YaHei',sans-serif;"
	"margin:0 auto;max-width:1180px;padding:16px 24px;color:#1a202c;background:#fff;line-height:1.45}"
	"h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.25em;margin-top:1.6em;border-bottom:1px solid #cbd5e0}"
	"h3{font-size:1.02em;margin:.2em 0}"
	"table{border-collapse:collapse;font-size:.9em}td,th{border:1px solid #e2e8f0;padding:3px 6px;"
	"vertical-align:top}th{background:#edf2f7;text-align:left}td.n{text-align:right;white-space:nowrap}"
	".muted{color:#718096}.ok{color:#276749}.bad{color:#c53030}.warn{color:#b7791f}"
	".big{display:inline-block;margin:0 22px 8px 0}.big b{display:block;font-size:1.7em}"
	".finding{border-left:4px solid #c53030;padding:4px 12px;margin:14px 0;background:#fff5f5}"
	".finding img{display:block;max-width:100%;border:1px solid #cbd5e0;margin-top:6px;background:#fff}"
	".unsure{border-left-color:#b7791f;background:#fffff0}"
	".broken{color:#c53030;font-weight:bold}"
	"svg.chart text{font-size:12px;fill:#2d3748}"
	"a.d{display:inline-block;padding:0 4px;margin:1px;border-radius:3px;text-decoration:none;color:#fff}"
	"a.d.ok{background:#2f855a}a.d.chk{background:#dd6b20}a.d.failed{background:#c53030}"
	"code{font-size:.85em;color:#4a5568}";

/* marks each crop loaded or not (data-loaded) and says so under a
 * missing one; the body gets data-ready when every image has loaded */
static const char script[] =
	"addEventListener('load',function(){document.querySelectorAll('img.crop').forEach(function(i){"
	"var ok=i.complete&&i.naturalWidth>0;i.setAttribute('data-loaded',ok?'yes':'no');"
	"i.setAttribute('data-width',String(i.naturalWidth));if(!ok){var p=document.createElement('p');"
	"p.className='broken';p.textContent='(image missing: '+i.getAttribute('src')+')';i.after(p);}});"
	"document.body.setAttribute('data-ready','yes');});";

static void page_begin(gk_buf *b, const char *title)
{
	static char *csp;
	if (!csp) {
		char hex[65];
		unsigned char raw[32];
		gk_sha256_hex(script, strlen(script), hex);
		for (int i = 0; i < 32; i++)
			raw[i] = (unsigned char)g_ascii_xdigit_value(hex[2 * i]) << 4 | (unsigned char)g_ascii_xdigit_value(hex[2 * i + 1]);
		gchar *b64 = g_base64_encode(raw, 32);
		csp = gk_strfmt("default-src 'none'; img-src 'self' file:; style-src 'unsafe-inline'; "
		                "script-src 'sha256-%s'; base-uri 'none'; form-action 'none'",
		                b64);
		g_free(b64);
	}
	gk_buf_adds(b, "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\n"
	               "<meta http-equiv=\"Content-Security-Policy\" content=\"");
	gk_buf_adds(b, csp);
	gk_buf_adds(b, "\">\n<meta name=\"viewport\" content=\"width=device-width\">\n<meta name=\"generator\" "
	               "content=\"gongkai " GK_VERSION "\">\n<title>");
	rp_html_text(b, title);
	gk_buf_addf(b, "</title>\n<style>%s</style>\n<script>%s</script>\n</head>\n<body>\n", css, script);
}

static void page_end(gk_buf *b)
{
	gk_buf_adds(b, "<p class=\"muted\">Made by gongkai " GK_VERSION
	               " from the CSV files of this output directory (<code>gongkai report</code>).</p>\n"
	               "</body></html>\n");
}

static int write_page(int dirfd, const char *name, gk_buf *b)
{
	int rc = gk_write_new_at(dirfd, name, b->s, b->len);
	gk_buf_drop(b);
	return rc;
}

/* ---- words ---- */

static const char *or_dash(const char *s)
{
	return s && *s ? s : "–";
}

char *rp_finding_words(const rp_doc *d, const rp_check *k)
{
	if (k->detail)
		return gk_strdup(k->detail);
	if (!strcmp(k->check, "toc:listed-table-found")) /* README: a listed table not found */
		return gk_strfmt("%s: listed in the document's table of contents, not found in it",
		                 rp_table_title(d, k->table_id));
	gk_buf b = {0};
	gk_buf_adds(&b, rp_table_title(d, k->table_id));
	if (*k->row)
		gk_buf_addf(&b, ", row %s", k->row);
	gk_buf_adds(&b, ": ");
	if (*k->found && *k->expected)
		gk_buf_addf(&b, "%s printed, %s expected", k->found, k->expected);
	else if (*k->found)
		gk_buf_addf(&b, "%s printed", k->found);
	else if (*k->expected)
		gk_buf_addf(&b, "%s expected, nothing printed", k->expected);
	else
		gk_buf_adds(&b, "does not hold");
	gk_buf_addf(&b, " (%s)", k->check);
	return gk_buf_take(&b);
}

static char *doc_title(const rp_doc *d)
{
	if (d->department && d->year)
		return gk_strfmt("%s %s%s%s", d->department, d->year, d->kind ? " " : "", d->kind ? d->kind : "");
	return gk_strdup(d->name);
}

static void status_cell(gk_buf *b, const rp_doc *d)
{
	if (d->failed) {
		gk_buf_addf(b, "<span class=\"bad\">failed (%s)</span>: ", gk_exit_name(d->failed));
		rp_html_text(b, or_dash(d->reason));
	} else if (d->nfail) {
		gk_buf_addf(b, "<span class=\"warn\">%d failed check%s</span>", d->nfail, d->nfail == 1 ? "" : "s");
	} else {
		gk_buf_adds(b, "<span class=\"ok\">ok</span>");
	}
}

static const char *state_class(const rp_doc *d)
{
	return d->failed ? "failed" : d->nfail ? "chk" : "ok";
}

/* ---- one document ---- */

static void finding(gk_buf *b, const rp_doc *d, const rp_check *k, int no, int unsure)
{
	char *words = rp_finding_words(d, k);
	gk_buf_addf(b, "<section class=\"finding%s\" id=\"%s%d\">\n<h3>%d. ", unsure ? " unsure" : "",
	            unsure ? "u" : "f", no, no);
	rp_html_text(b, words);
	gk_buf_adds(b, "</h3>\n<p class=\"muted\">");
	rp_html_text(b, rp_table_title(d, k->table_id));
	gk_buf_adds(b, " <code>");
	rp_html_text(b, k->table_id);
	gk_buf_adds(b, "</code>");
	if (*k->row) {
		gk_buf_adds(b, " · row ");
		rp_html_text(b, k->row);
	}
	gk_buf_adds(b, " · check <code>");
	rp_html_text(b, k->check);
	gk_buf_adds(b, "</code>");
	const rp_crop *c = !unsure && k->crop >= 0 ? &d->crops[k->crop] : NULL;
	int page = c && c->made ? c->shown : k->page;
	if (page > 0) {
		char *t = gk_strfmt("page %d", page);
		gk_buf_adds(b, " · ");
		source_link(b, d, page, t);
		free(t);
	}
	gk_buf_adds(b, "</p>\n");
	if (!unsure) {
		if (c && c->made) {
			const char *what = !c->outlined ? "the whole page (what the check is about was not found on it)"
			                   : c->has_box ? "the row outlined"
			                                : "what it quotes outlined (a figure or words)";
			gk_buf_addf(b, "<p class=\"muted\">Page %d of the PDF, %s:</p>\n", c->shown, what);
			gk_buf_adds(b, "<img class=\"crop\" src=\"../img/");
			rp_html_url(b, d->file);
			gk_buf_addc(b, '/');
			rp_html_url(b, c->file);
			gk_buf_addf(b, "\" alt=\"page %d of the PDF, %s\">\n", c->shown, what);
		} else {
			gk_buf_adds(b, "<p class=\"muted\">No image: ");
			char *over = c && c->over ? gk_strfmt("the images of this document reached %d KB: see page %d",
			                                      RP_DOC_BYTES / 1024, c->shown)
			                          : NULL;
			rp_html_text(b, k->nocrop ? k->nocrop
			                : over      ? over
			                : d->crop_note ? d->crop_note
			                : "the page could not be rendered");
			free(over);
			gk_buf_adds(b, ".</p>\n");
		}
	}
	gk_buf_adds(b, "</section>\n");
	free(words);
}

int rp_write_doc_page(const rp_corpus *c, const rp_doc *d, int docsfd)
{
	(void)c;
	gk_buf b = {0};
	char *title = doc_title(d);
	page_begin(&b, title);
	gk_buf_adds(&b, "<p><a href=\"../index.html\">← all documents</a></p>\n<h1>");
	rp_html_text(&b, title);
	gk_buf_adds(&b, "</h1>\n<p class=\"muted\">");
	rp_html_text(&b, d->name);
	gk_buf_adds(&b, " · ");
	rp_html_text(&b, or_dash(d->region));
	gk_buf_adds(&b, " · source ");
	source_link(&b, d, 0, or_dash(d->source));
	if (d->aliases) {
		gk_buf_adds(&b, " (the same file also as ");
		rp_html_text(&b, d->aliases);
		gk_buf_adds(&b, ")");
	}
	if (d->url && (!strncmp(d->url, "http://", 7) || !strncmp(d->url, "https://", 8))) {
		gk_buf_adds(&b, " · published at <a href=\"");
		rp_html_text(&b, d->url);
		gk_buf_adds(&b, "\">");
		rp_html_text(&b, d->url);
		gk_buf_adds(&b, "</a>");
	}
	gk_buf_adds(&b, "</p>\n<p>");
	status_cell(&b, d);
	gk_buf_adds(&b, "</p>\n");
	if (d->read_error) {
		gk_buf_adds(&b, "<p class=\"bad\">");
		rp_html_text(&b, d->read_error);
		gk_buf_adds(&b, "</p>\n");
	}

	/* the numbers */
	gk_buf_addf(&b, "<div><span class=\"big\"><b>%d</b>pages</span><span class=\"big\"><b>%d / %d</b>tables "
	                "found / listed in its contents</span><span class=\"big\"><b>%ld</b>amounts read</span>",
	            d->pages, d->tables_found, d->tables_listed, d->amounts);
	if (d->total) {
		gk_buf_adds(&b, "<span class=\"big\"><b>");
		rp_html_text(&b, d->total);
		gk_buf_adds(&b, "</b>万元, the summary's 总计</span>");
	}
	gk_buf_addf(&b, "<span class=\"big\"><b class=\"%s\">%d</b>failed checks</span>", d->nfail ? "bad" : "ok",
	            d->nfail);
	gk_buf_addf(&b, "<span class=\"big\"><b>%d</b>unsure</span></div>\n", d->nunsure);
	gk_buf_adds(&b, "<p class=\"muted\">Checks:");
	for (int s = 0; s < 8; s++)
		if (d->nstatus[s])
			gk_buf_addf(&b, " %s %d", rp_status_names[s], d->nstatus[s]);
	if (d->unit) {
		gk_buf_adds(&b, ". Unit printed: ");
		rp_html_text(&b, d->unit);
	}
	if (d->ocr_pages) {
		gk_buf_adds(&b, ". Pages read by OCR: ");
		rp_html_text(&b, d->ocr_pages);
	}
	if (d->pages_without_text) {
		gk_buf_adds(&b, ". Pages without text: ");
		rp_html_text(&b, d->pages_without_text);
	}
	if (d->pages_garbled) {
		gk_buf_adds(&b, ". Pages of undecodable text: ");
		rp_html_text(&b, d->pages_garbled);
	}
	if (d->repaired && !strcmp(d->repaired, "yes"))
		gk_buf_adds(&b, ". The PDF was damaged (cross-reference table rebuilt)");
	gk_buf_adds(&b, ".</p>\n");

	/* the findings */
	gk_buf_addf(&b, "<h2 id=\"findings\">Failed checks (%d)</h2>\n", d->nfail);
	if (!d->nfail)
		gk_buf_adds(&b, "<p>None: every check that could be made holds.</p>\n");
	if (d->crop_note) {
		gk_buf_adds(&b, "<p class=\"warn\">No images: ");
		rp_html_text(&b, d->crop_note);
		gk_buf_adds(&b, ".</p>\n");
	}
	for (int i = 0; i < d->nfail; i++)
		finding(&b, d, &d->fails[i], i + 1, 0);
	if (d->nunsure) {
		gk_buf_addf(&b, "<h2 id=\"unsure\">Unsure (%d)</h2>\n<p class=\"muted\">The figures disagree, but "
		                "gongkai's own reading is in doubt.</p>\n",
		            d->nunsure);
		for (int i = 0; i < d->nunsure; i++)
			finding(&b, d, &d->unsure[i], i + 1, 1);
	}

	/* the tables */
	gk_buf_addf(&b, "<h2 id=\"tables\">Tables (%d)</h2>\n", d->ntable);
	if (d->ntable) {
		gk_buf_adds(&b, "<table><tr><th>table</th><th>title as printed</th><th>pages</th><th>rows</th>"
		                "<th>unit</th><th>status</th></tr>\n");
		for (int i = 0; i < d->ntable; i++) {
			const rp_table *t = &d->tables[i];
			gk_buf_adds(&b, "<tr><td><code>");
			rp_html_text(&b, t->id);
			gk_buf_adds(&b, "</code><br>");
			rp_html_text(&b, rp_table_name(t->id));
			gk_buf_adds(&b, "</td><td>");
			rp_html_text(&b, *t->title ? t->title : "–");
			gk_buf_adds(&b, "</td><td>");
			int p = 0;
			if (*t->pages) {
				p = atoi(t->pages);
				source_link(&b, d, p, t->pages);
			} else {
				gk_buf_adds(&b, "–");
			}
			gk_buf_addf(&b, "</td><td class=\"n\">%d</td><td>", t->rows);
			rp_html_text(&b, or_dash(t->unit));
			const char *cls = !strcmp(t->status, "ok") ? "ok" : !strcmp(t->status, "empty") ? "warn" : "bad";
			gk_buf_addf(&b, "</td><td class=\"%s\">", cls);
			rp_html_text(&b, !strcmp(t->status, "missing") ? "missing: listed in the contents, not found"
			                                                 : t->status);
			gk_buf_adds(&b, "</td></tr>\n");
		}
		gk_buf_adds(&b, "</table>\n");
	}
	page_end(&b);
	free(title);
	char *name = gk_strfmt("%s.html", d->file);
	int rc = write_page(docsfd, name, &b);
	free(name);
	return rc;
}

/* ---- the corpus ---- */

typedef struct count {
	char *key;
	long v[3];
} count;

static count *count_get(GHashTable *h, const char *key)
{
	count *c = g_hash_table_lookup(h, key);
	if (!c) {
		c = gk_calloc(1, sizeof *c);
		c->key = gk_strdup(key);
		g_hash_table_insert(h, c->key, c);
	}
	return c;
}

static void count_free(gpointer p)
{
	free(((count *)p)->key);
	free(p);
}

static int cmp_count_desc(const void *a, const void *b)
{
	const count *x = *(count *const *)a, *y = *(count *const *)b;
	long tx = x->v[0] + x->v[1] + x->v[2], ty = y->v[0] + y->v[1] + y->v[2];
	return tx != ty ? (tx < ty) - (tx > ty) : strcmp(x->key, y->key);
}

/* bars from a table of counts, the largest first, at most max rows */
static void bars_from(gk_buf *b, GHashTable *h, const char *title, int nser, const char *const *series,
                      const char *const *colours, int max)
{
	guint n = g_hash_table_size(h);
	if (!n)
		return;
	count **v = gk_calloc(n, sizeof *v);
	GHashTableIter it;
	gpointer val;
	guint i = 0;
	g_hash_table_iter_init(&it, h);
	while (g_hash_table_iter_next(&it, NULL, &val))
		v[i++] = val;
	qsort(v, n, sizeof *v, cmp_count_desc);
	int m = (int)n < max ? (int)n : max;
	const char **labels = gk_calloc((size_t)m, sizeof *labels);
	long *vals = gk_calloc((size_t)m * (size_t)nser, sizeof *vals);
	for (int k = 0; k < m; k++) {
		labels[k] = v[k]->key;
		for (int s = 0; s < nser; s++)
			vals[k * nser + s] = v[k]->v[s];
	}
	rp_svg_bars(b, title, labels, vals, m, nser, series, colours);
	if ((int)n > m)
		gk_buf_addf(b, "<p class=\"muted\">and %d more.</p>\n", (int)n - m);
	free(labels);
	free(vals);
	free(v);
}

static int cmp_strp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* the distinct values of f over the documents read, sorted */
static char **distinct(const rp_corpus *c, int field, int *n)
{
	GHashTable *h = g_hash_table_new(g_str_hash, g_str_equal);
	for (int i = 0; i < c->n; i++) {
		const rp_doc *d = &c->docs[i];
		if (!d->has_dir || d->failed)
			continue;
		const char *v = field == 0 ? d->region : d->year;
		g_hash_table_add(h, (gpointer)(v ? v : "?"));
	}
	guint k;
	char **v = (char **)g_hash_table_get_keys_as_array(h, &k);
	g_hash_table_destroy(h);
	*n = (int)k;
	if (k > 1)
		qsort(v, k, sizeof *v, cmp_strp);
	return v;
}

static int index_of(char **v, int n, const char *s)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(v[i], s ? s : "?"))
			return i;
	return -1;
}

static int cmp_panel(const void *a, const void *b)
{
	const rp_doc *x = *(const rp_doc *const *)a, *y = *(const rp_doc *const *)b;
	int r = strcmp(x->region ? x->region : "?", y->region ? y->region : "?");
	if (!r)
		r = strcmp(x->department ? x->department : "?", y->department ? y->department : "?");
	if (!r)
		r = strcmp(x->name, y->name);
	return r;
}

static int cmp_panel_same(const rp_doc *x, const rp_doc *y)
{
	return strcmp(x->region ? x->region : "?", y->region ? y->region : "?") ||
	       strcmp(x->department ? x->department : "?", y->department ? y->department : "?");
}

static void doc_link(gk_buf *b, const rp_doc *d, const char *cls, const char *text)
{
	gk_buf_addf(b, "<a class=\"%s\" href=\"docs/", cls);
	rp_html_url(b, d->file);
	gk_buf_adds(b, ".html\" title=\"");
	rp_html_text(b, d->name);
	gk_buf_adds(b, "\">");
	rp_html_text(b, text);
	gk_buf_adds(b, "</a>");
}

/* The panel: region, department x year, a mark per document read (the
 * documents that failed are listed apart). */
static void panel(gk_buf *b, const rp_corpus *c)
{
	int nr, ny;
	char **regions = distinct(c, 0, &nr), **years = distinct(c, 1, &ny);
	int *grid = gk_calloc((size_t)(nr * ny) + 1, sizeof *grid);
	const rp_doc **v = gk_calloc((size_t)c->n + 1, sizeof *v);
	int n = 0;
	for (int i = 0; i < c->n; i++) {
		const rp_doc *d = &c->docs[i];
		if (!d->has_dir || d->failed)
			continue;
		v[n++] = d;
		int r = index_of(regions, nr, d->region), y = index_of(years, ny, d->year);
		if (r >= 0 && y >= 0)
			grid[r * ny + y]++;
	}
	gk_buf_adds(b, "<h2 id=\"panel\">Documents by region and year</h2>\n");
	if (!n) {
		gk_buf_adds(b, "<p>No document was read.</p>\n");
	} else {
		rp_svg_grid(b, "documents read, by region and year", (const char *const *)regions, nr,
		            (const char *const *)years, ny, grid);
		qsort(v, (size_t)n, sizeof *v, cmp_panel);
		gk_buf_adds(b, "<p class=\"muted\">Each mark is one document read, its kind as printed: <a "
		               "class=\"d ok\">预算</a> every check holds, <a class=\"d chk\">预算</a> some checks "
		               "fail.  The documents that failed are listed <a href=\"#failed\">below</a>.</p>\n"
		               "<table><tr><th>region</th><th>department</th>");
		for (int y = 0; y < ny; y++) {
			gk_buf_adds(b, "<th>");
			rp_html_text(b, years[y]);
			gk_buf_adds(b, "</th>");
		}
		gk_buf_adds(b, "</tr>\n");
		for (int i = 0; i < n;) {
			int j = i;
			while (j < n && !cmp_panel_same(v[i], v[j]))
				j++;
			gk_buf_adds(b, "<tr><td>");
			rp_html_text(b, or_dash(v[i]->region));
			gk_buf_adds(b, "</td><td>");
			rp_html_text(b, or_dash(v[i]->department));
			gk_buf_adds(b, "</td>");
			for (int y = 0; y < ny; y++) {
				gk_buf_adds(b, "<td>");
				for (int k = i; k < j; k++) {
					if (strcmp(v[k]->year ? v[k]->year : "?", years[y]))
						continue;
					char cls[16];
					snprintf(cls, sizeof cls, "d %s", state_class(v[k]));
					doc_link(b, v[k], cls, v[k]->kind ? v[k]->kind : "doc");
				}
				gk_buf_adds(b, "</td>");
			}
			gk_buf_adds(b, "</tr>\n");
			i = j;
		}
		gk_buf_adds(b, "</table>\n");
	}
	free(grid);
	free(v);
	g_free(regions);
	g_free(years);
}

/* the family of a check: "row:total=a+b" -> "row", "toc:listed-table-found" -> "toc" */
static char *family(const char *check)
{
	size_t n = strcspn(check, ":");
	return gk_strndup(check, n);
}

static void charts(gk_buf *b, const rp_corpus *c)
{
	static const char *const tab_series[] = {"found", "listed in the contents, not found"};
	static const char *const tab_colours[] = {"#2f855a", "#c53030"};
	static const char *const chk_series[] = {"fail", "unsure"};
	static const char *const chk_colours[] = {"#c53030", "#d69e2e"};
	static const char *const doc_series[] = {"documents"};
	static const char *const doc_colours[] = {"#c53030"};
	GHashTable *tabs = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, count_free);
	GHashTable *chks = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, count_free);
	GHashTable *fails = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, count_free);
	int listed = 0;
	for (int i = 0; i < c->n; i++) {
		const rp_doc *d = &c->docs[i];
		for (int t = 0; t < d->ntable; t++) {
			int missing = !strcmp(d->tables[t].status, "missing");
			listed |= missing;
			count_get(tabs, rp_table_name(d->tables[t].id))->v[missing]++;
		}
		for (int k = 0; k < d->nfail + d->nunsure; k++) {
			const rp_check *ck = k < d->nfail ? &d->fails[k] : &d->unsure[k - d->nfail];
			char *f = family(ck->check);
			count_get(chks, f)->v[k >= d->nfail]++;
			free(f);
		}
		if (d->failed)
			count_get(fails, gk_exit_name(d->failed))->v[0]++;
	}
	gk_buf_adds(b, "<h2 id=\"tables\">Tables found</h2>\n<p class=\"muted\">Documents with each kind of "
	               "table");
	if (listed)
		gk_buf_adds(b, ", and those whose own table of contents lists it but where it was not found");
	gk_buf_adds(b, ".</p>\n");
	bars_from(b, tabs, "documents with each table", listed ? 2 : 1, tab_series, tab_colours, 40);
	gk_buf_adds(b, "<h2 id=\"checks\">Failed checks</h2>\n<p class=\"muted\">Checks that do not hold, by "
	               "kind (fail: the document contradicts itself; unsure: gongkai's reading is in doubt). "
	               "Each is shown in words, with the page, on its document's page.</p>\n");
	if (!g_hash_table_size(chks))
		gk_buf_adds(b, "<p>None.</p>\n");
	bars_from(b, chks, "failed checks by kind", 2, chk_series, chk_colours, 30);
	gk_buf_adds(b, "<h2 id=\"failed\">Documents that failed</h2>\n");
	if (!g_hash_table_size(fails))
		gk_buf_adds(b, "<p>None.</p>\n");
	bars_from(b, fails, "failed documents by reason", 1, doc_series, doc_colours, 20);
	g_hash_table_destroy(tabs);
	g_hash_table_destroy(chks);
	g_hash_table_destroy(fails);
}

static void failed_table(gk_buf *b, const rp_corpus *c)
{
	int any = 0;
	for (int i = 0; i < c->n; i++) {
		const rp_doc *d = &c->docs[i];
		if (!d->failed)
			continue;
		if (!any++)
			gk_buf_adds(b, "<table><tr><th>document</th><th>exit</th><th>why</th><th>source</th></tr>\n");
		gk_buf_adds(b, "<tr><td>");
		if (d->has_dir)
			doc_link(b, d, "", d->name);
		else
			rp_html_text(b, d->name);
		gk_buf_addf(b, "</td><td>%d %s</td><td>", d->failed, gk_exit_name(d->failed));
		rp_html_text(b, or_dash(d->reason));
		gk_buf_adds(b, "</td><td>");
		source_link(b, d, 0, or_dash(d->source));
		gk_buf_adds(b, "</td></tr>\n");
	}
	if (any)
		gk_buf_adds(b, "</table>\n");
}

static void all_docs(gk_buf *b, const rp_corpus *c)
{
	gk_buf_addf(b, "<h2 id=\"documents\">All documents (%d)</h2>\n", c->n);
	gk_buf_adds(b, "<table id=\"doclist\"><tr><th>document</th><th>region</th><th>department</th><th>year</th>"
	               "<th>kind</th><th>pages</th><th>tables found / listed</th><th>amounts read</th>"
	               "<th>failed checks</th><th>unsure</th><th>status</th></tr>\n");
	for (int i = 0; i < c->n; i++) {
		const rp_doc *d = &c->docs[i];
		gk_buf_adds(b, "<tr class=\"doc\"><td>");
		if (d->has_dir)
			doc_link(b, d, "", d->name);
		else
			rp_html_text(b, d->name);
		if (d->aliases) {
			gk_buf_adds(b, "<br><span class=\"muted\">also: ");
			rp_html_text(b, d->aliases);
			gk_buf_adds(b, "</span>");
		}
		const char *v[] = {d->region, d->department, d->year, d->kind};
		for (int k = 0; k < 4; k++) {
			gk_buf_adds(b, "</td><td>");
			rp_html_text(b, or_dash(v[k]));
		}
		gk_buf_addf(b, "</td><td class=\"n\">%d</td><td class=\"n\">", d->pages);
		if (d->has_dir) {
			int max = d->tables_listed > d->tables_found ? d->tables_listed : d->tables_found;
			gk_buf_addf(b, "%d / %d ", d->tables_found, d->tables_listed);
			if (max > 0)
				gk_buf_addf(b, "<svg width=\"60\" height=\"10\" role=\"img\" aria-label=\"%d of %d\">"
				               "<rect width=\"60\" height=\"10\" fill=\"#fed7d7\"/><rect width=\"%d\" "
				               "height=\"10\" fill=\"#2f855a\"/></svg>",
				            d->tables_found, d->tables_listed,
				            d->tables_found >= max ? 60 : 60 * d->tables_found / max);
		}
		gk_buf_addf(b, "</td><td class=\"n\">%ld</td><td class=\"n\">%d</td><td class=\"n\">%d</td><td>",
		            d->amounts, d->nfail, d->nunsure);
		status_cell(b, d);
		gk_buf_adds(b, "</td></tr>\n");
	}
	gk_buf_adds(b, "</table>\n");
}

int rp_write_index(const rp_corpus *c, int rfd)
{
	gk_buf b = {0};
	page_begin(&b, "gongkai report");
	long amounts = 0;
	int read = 0, failed = 0, found = 0, listed = 0, nfail = 0, nunsure = 0, with_fail = 0;
	for (int i = 0; i < c->n; i++) {
		const rp_doc *d = &c->docs[i];
		read += d->has_dir && !d->failed;
		failed += d->failed != 0;
		found += d->tables_found;
		listed += d->tables_listed;
		amounts += d->amounts;
		nfail += d->nfail;
		nunsure += d->nunsure;
		with_fail += d->nfail > 0;
	}
	gk_buf_adds(&b, "<h1>gongkai report</h1>\n<p class=\"muted\">");
	rp_html_text(&b, c->outdir);
	gk_buf_adds(&b, "</p>\n");
	gk_buf_addf(&b,
	            "<div><span class=\"big\"><b>%d</b>documents</span><span class=\"big\"><b class=\"ok\">%d</b>"
	            "read</span><span class=\"big\"><b class=\"bad\">%d</b>failed</span><span class=\"big\"><b>%d "
	            "/ %d</b>tables found / listed</span><span class=\"big\"><b>%ld</b>amounts read</span><span "
	            "class=\"big\"><b class=\"bad\">%d</b>failed checks in %d documents</span><span "
	            "class=\"big\"><b>%d</b>unsure</span></div>\n",
	            c->n, read, failed, found, listed, amounts, nfail, with_fail, nunsure);
	gk_buf_adds(&b, "<p><a href=\"#panel\">panel</a> · <a href=\"#tables\">tables</a> · <a "
	                "href=\"#checks\">failed checks</a> · <a href=\"#failed\">failed documents</a> · <a "
	                "href=\"#documents\">all documents</a></p>\n");
	if (!c->have_rows)
		gk_buf_adds(&b, "<p class=\"muted\">This output has no rows.csv (where each row is printed): "
		                "images show the page of a finding, found by its figures.</p>\n");
	panel(&b, c);
	charts(&b, c);
	failed_table(&b, c);
	all_docs(&b, c);
	page_end(&b);
	return write_page(rfd, "index.html", &b);
}
