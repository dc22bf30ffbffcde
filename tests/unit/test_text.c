/* test_text.c - text extraction (extract/text.c: gk_extract_text).
 * Run from the repository root: fixtures are tests/fixtures/text/. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "../../extract/extract.h"

#define FIX "tests/fixtures/text/"

/* Extract a fixture; the expected exit code is checked, the document (or
 * NULL) returned, the message left in *err (caller frees). */
static gk_doc *extract_file(const char *name, int want, char **err)
{
	size_t len;
	char *data = gk_read_file(name, &len);
	cr_assert_not_null(data, "cannot read fixture '%s' (run from the repository root)", name);
	gk_doc *doc = NULL;
	int rc = gk_extract_text(name, data, len, &doc, err);
	free(data);
	cr_assert_eq(rc, want, "'%s': exit %d, want %d (%s)", name, rc, want, *err ? *err : "");
	if (rc == GK_OK)
		cr_assert_not_null(doc);
	else
		cr_assert_null(doc);
	return doc;
}

static gk_doc *extract_mem(const char *data, size_t len, int want, char **err)
{
	gk_doc *doc = NULL;
	int rc = gk_extract_text("mem.txt", data, len, &doc, err);
	cr_assert_eq(rc, want, "exit %d, want %d (%s)", rc, want, *err ? *err : "");
	return doc;
}

static void cell_is(const gk_line *l, int i, double x0, double x1, const char *text)
{
	cr_assert_lt(i, l->ncell, "line %g has %d cells, no cell %d", l->y0, l->ncell, i);
	cr_assert_str_eq(l->cell[i].text, text, "line %g cell %d", l->y0, i);
	cr_assert_eq(l->cell[i].x0, x0, "line %g cell %d x0 %g, want %g", l->y0, i, l->cell[i].x0, x0);
	cr_assert_eq(l->cell[i].x1, x1, "line %g cell %d x1 %g, want %g", l->y0, i, l->cell[i].x1, x1);
}

/* ---- fixtures ---------------------------------------------------------- */

Test(text_extract, tab_empty_fields_kept)
{
	char *err = NULL;
	gk_doc *d = extract_file(FIX "tab-empty.txt", GK_OK, &err);
	/* line 2 ("\t\t\t") holds nothing and is skipped, but still counts */
	cr_assert_eq(d->nline, 4);
	const gk_line *l = &d->line[0];
	cr_assert_eq(l->geom, GK_GEOM_TAB);
	cr_assert_eq(l->y0, 1);
	cr_assert_eq(l->y1, 1);
	cr_assert_eq(l->page, 1);
	cr_assert_eq(l->ncell, 4);
	cell_is(l, 0, 0, 0, "收入");
	cell_is(l, 1, 1, 1, "");
	cell_is(l, 2, 2, 2, "支出");
	cell_is(l, 3, 3, 3, "");
	cr_assert_eq(d->line[1].y0, 3);
	l = &d->line[3];
	cr_assert_eq(l->y0, 5);
	cr_assert_eq(l->ncell, 4);
	cell_is(l, 0, 0, 0, "");
	cell_is(l, 1, 1, 1, "");
	cell_is(l, 2, 2, 2, "十一、节能环保");
	cell_is(l, 3, 3, 3, "");
	cell_is(&d->line[2], 1, 1, 1, "1,265.6");
	cr_assert_str_eq(gk_doc_meta(d, "encoding"), "utf-8");
	cr_assert_str_eq(gk_doc_meta(d, "format"), "text");
	cr_assert_str_eq(gk_doc_meta(d, "pages"), "1");
	cr_assert_str_eq(gk_doc_meta(d, "source"), FIX "tab-empty.txt");
	cr_assert_eq(d->npage, 1);
	gk_doc_drop(d);
}

Test(text_extract, gb18030)
{
	char *err = NULL;
	gk_doc *d = extract_file(FIX "gb18030.txt", GK_OK, &err);
	cr_assert_str_eq(gk_doc_meta(d, "encoding"), "gb18030");
	cr_assert_eq(d->nline, 3);
	cr_assert_eq(d->line[0].geom, GK_GEOM_FLOW);
	cell_is(&d->line[0], 0, 0, 0, "单位：万元");
	cr_assert_eq(d->line[2].geom, GK_GEOM_TAB);
	cell_is(&d->line[2], 0, 0, 0, "一般公共服务支出");
	cell_is(&d->line[2], 1, 1, 1, "784.8");
	/* the hash is of the bytes as stored, not of the converted text */
	size_t len;
	char *raw = gk_read_file(FIX "gb18030.txt", &len);
	char sha[65];
	gk_sha256_hex(raw, len, sha);
	cr_assert_str_eq(gk_doc_meta(d, "sha256"), sha);
	free(raw);
	gk_doc_drop(d);
}

Test(text_extract, utf8_bom_stripped)
{
	char *err = NULL;
	gk_doc *d = extract_file(FIX "bom.txt", GK_OK, &err);
	cr_assert_str_eq(gk_doc_meta(d, "encoding"), "utf-8");
	cr_assert_eq(d->nline, 2);
	cr_assert_eq(d->line[0].ncell, 1);
	cell_is(&d->line[0], 0, 0, 0, "部门收支总体情况表");
	cr_assert_str_eq(gk_doc_meta(d, "sha256"),
	                 "54354138707bf9b51a0d676d080a0514114a8d3f9d9da012b8eb30d32001d282");
	gk_doc_drop(d);
}

Test(text_extract, utf16_bom)
{
	char *err = NULL;
	gk_doc *d = extract_file(FIX "utf16.txt", GK_OK, &err);
	cr_assert_str_eq(gk_doc_meta(d, "encoding"), "utf-16");
	cr_assert_eq(d->nline, 2);
	cell_is(&d->line[0], 0, 0, 0, "部门预算表");
	cell_is(&d->line[1], 1, 1, 1, "金额");
	gk_doc_drop(d);
}

Test(text_extract, html_rejected)
{
	char *err = NULL;
	extract_file(FIX "page.html", GK_EFORMAT, &err);
	cr_assert_str_eq(err, "an HTML page, not a document");
	free(err);
}

Test(text_extract, binary_rejected)
{
	char *err = NULL;
	extract_file(FIX "random.bin", GK_EFORMAT, &err);
	cr_assert_str_eq(err, "binary data, not a PDF or text");
	free(err);
}

Test(text_extract, latin1_rejected)
{
	char *err = NULL;
	extract_file(FIX "latin1.txt", GK_EENCODING, &err);
	cr_assert_str_eq(err, "neither UTF-8 nor GB18030 text");
	free(err);
}

Test(text_extract, mixed_encodings)
{
	char *err = NULL;
	extract_file(FIX "mixed.txt", GK_EENCODING, &err);
	/* "部门预算\n" is 13 bytes, "合计" 6 more */
	cr_assert_str_eq(err, "mixed encodings: invalid UTF-8 at byte 19");
	free(err);
}

Test(text_extract, form_feed_pages)
{
	char *err = NULL;
	gk_doc *d = extract_file(FIX "formfeed.txt", GK_OK, &err);
	/* the trailing form feed (as pdftotext writes) opens no page */
	cr_assert_str_eq(gk_doc_meta(d, "pages"), "2");
	cr_assert_eq(d->npage, 2);
	cr_assert_eq(d->nline, 2);
	cr_assert_eq(d->line[0].page, 1);
	cr_assert_eq(d->line[1].page, 2);
	cr_assert_eq(d->line[1].y0, 2);
	cr_assert_eq(d->line[1].geom, GK_GEOM_FLOW);
	cell_is(&d->line[1], 0, 0, 0, "第二页");
	cell_is(&d->line[1], 1, 1, 1, "内容");
	gk_doc_drop(d);
}

Test(text_extract, layout_columns)
{
	char *err = NULL;
	gk_doc *d = extract_file(FIX "layout.txt", GK_OK, &err);
	cr_assert_eq(d->nline, 3);
	for (int i = 0; i < 3; i++)
		cr_assert_eq(d->line[i].geom, GK_GEOM_POS);
	/* "项目        金额": one column a character (as pdftotext -layout aligns): 项目 = 0..2, 金额 = 10..12 */
	cr_assert_eq(d->line[0].ncell, 2);
	cell_is(&d->line[0], 0, 0, 2, "项目");
	cell_is(&d->line[0], 1, 10, 12, "金额");
	cell_is(&d->line[1], 0, 0, 8, "一、一般公共预算");
	cell_is(&d->line[1], 1, 10, 17, "1,265.6");
	/* leading indentation counts */
	cell_is(&d->line[2], 0, 2, 4, "合计");
	cell_is(&d->line[2], 1, 8, 14, "845.70");
	gk_doc_drop(d);
}

/* ---- in-memory cases --------------------------------------------------- */

Test(text_extract, junk)
{
	char *err = NULL;
	static const char nul[] = "部门\0预算";
	extract_mem(nul, sizeof nul - 1, GK_EFORMAT, &err);
	cr_assert_str_eq(err, "binary data, not a PDF or text");
	free(err);
	err = NULL;
	extract_mem(" \n\t\r\n\f ", 7, GK_EFORMAT, &err);
	cr_assert_str_eq(err, "empty file");
	free(err);
	err = NULL;
	extract_mem("\xef\xbb\xbf\n", 4, GK_EFORMAT, &err);
	cr_assert_str_eq(err, "empty file");
	free(err);
	err = NULL;
	static const char html[] = "\n  <HTML><head></head>";
	extract_mem(html, sizeof html - 1, GK_EFORMAT, &err);
	cr_assert_str_eq(err, "an HTML page, not a document");
	free(err);
	err = NULL;
	static const char body[] = "<?xml version=\"1.0\"?>\n<body>x</body>";
	extract_mem(body, sizeof body - 1, GK_EFORMAT, &err);
	cr_assert_str_eq(err, "an HTML page, not a document");
	free(err);
	err = NULL;
	static const char ctrl[] = "ab\x01\x02\x03\x04\x05\x06" "cd\x1b\x1c";
	extract_mem(ctrl, sizeof ctrl - 1, GK_EFORMAT, &err);
	cr_assert_str_eq(err, "binary data, not a PDF or text");
	free(err);
}

Test(text_extract, line_ends_and_blank_lines)
{
	char *err = NULL;
	static const char s[] = "甲\r\n\r\n乙\r丙\n\n  \n丁";
	gk_doc *d = extract_mem(s, sizeof s - 1, GK_OK, &err);
	cr_assert_eq(d->nline, 4);
	const char *want[] = {"甲", "乙", "丙", "丁"};
	const double y[] = {1, 3, 4, 7};
	for (int i = 0; i < 4; i++) {
		cr_assert_eq(d->line[i].y0, y[i], "line %d at y %g", i, d->line[i].y0);
		cr_assert_eq(d->line[i].size, 0);
		cell_is(&d->line[i], 0, 0, 0, want[i]);
	}
	gk_doc_drop(d);
}

Test(text_extract, flow_tokens)
{
	char *err = NULL;
	static const char s[] = "  201 03 01 行政运行 762.15  \n无空格一行\n";
	gk_doc *d = extract_mem(s, sizeof s - 1, GK_OK, &err);
	cr_assert_eq(d->nline, 2);
	const gk_line *l = &d->line[0];
	cr_assert_eq(l->geom, GK_GEOM_FLOW);
	cr_assert_eq(l->ncell, 5);
	cell_is(l, 0, 0, 0, "201");
	cell_is(l, 3, 3, 3, "行政运行");
	cell_is(l, 4, 4, 4, "762.15");
	cr_assert_eq(d->line[1].geom, GK_GEOM_FLOW);
	cr_assert_eq(d->line[1].ncell, 1);
	cell_is(&d->line[1], 0, 0, 0, "无空格一行");
	gk_doc_drop(d);
}

Test(text_extract, ideographic_space_gaps)
{
	char *err = NULL;
	/* two U+3000 are a gap; a single U+3000 stays inside the cell */
	static const char s[] = "项目\xe3\x80\x80\xe3\x80\x80金额\n"
	                        " 金\xe3\x80\x80额  合计\n";
	gk_doc *d = extract_mem(s, sizeof s - 1, GK_OK, &err);
	cr_assert_eq(d->nline, 2);
	cr_assert_eq(d->line[0].geom, GK_GEOM_POS);
	cell_is(&d->line[0], 0, 0, 2, "项目");
	cell_is(&d->line[0], 1, 6, 8, "金额"); /* U+3000 is two columns */
	cr_assert_eq(d->line[1].geom, GK_GEOM_POS);
	cr_assert_eq(d->line[1].ncell, 2);
	cell_is(&d->line[1], 0, 1, 5, "金\xe3\x80\x80额");
	cell_is(&d->line[1], 1, 7, 9, "合计");
	gk_doc_drop(d);
}

Test(text_extract, markdown)
{
	char *err = NULL;
	static const char s[] = "## 2024年部门收支总体情况表\n"
	                        "#### **（五）专项转移支付项目情况**\n"
	                        "**（一）因公出国（境）费0万元**，主要用于\n"
	                        "| 项目 | 金额 | 备注 |\n"
	                        "|---|:--:|---|\n"
	                        "| 合计 | 1,265.6 |  |\n"
	                        "#not-a-heading\n";
	gk_doc *d = extract_mem(s, sizeof s - 1, GK_OK, &err);
	cr_assert_eq(d->nline, 6);
	cr_assert_eq(d->line[0].ncell, 1);
	cell_is(&d->line[0], 0, 0, 0, "2024年部门收支总体情况表");
	cell_is(&d->line[1], 0, 0, 0, "（五）专项转移支付项目情况");
	cell_is(&d->line[2], 0, 0, 0, "（一）因公出国（境）费0万元，主要用于");
	const gk_line *l = &d->line[3];
	cr_assert_eq(l->geom, GK_GEOM_TAB);
	cr_assert_eq(l->ncell, 3);
	cell_is(l, 0, 0, 0, "项目");
	cell_is(l, 2, 2, 2, "备注");
	l = &d->line[4]; /* the delimiter row is skipped */
	cr_assert_eq(l->y0, 6);
	cr_assert_eq(l->geom, GK_GEOM_TAB);
	cr_assert_eq(l->ncell, 3);
	cell_is(l, 1, 1, 1, "1,265.6");
	cell_is(l, 2, 2, 2, "");
	cell_is(&d->line[5], 0, 0, 0, "#not-a-heading");
	gk_doc_drop(d);
}

Test(text_extract, form_feed_mid_line_and_empty_page)
{
	char *err = NULL;
	static const char s[] = "一\f二\n\f\f三\n";
	gk_doc *d = extract_mem(s, sizeof s - 1, GK_OK, &err);
	cr_assert_str_eq(gk_doc_meta(d, "pages"), "4");
	cr_assert_eq(d->nline, 3);
	cr_assert_eq(d->line[0].page, 1);
	cr_assert_eq(d->line[1].page, 2);
	cr_assert_eq(d->line[1].y0, 1);
	cr_assert_eq(d->line[2].page, 4);
	cr_assert_eq(d->line[2].y0, 2);
	gk_doc_drop(d);
}

/* ---- the seeds ---------------------------------------------------------- */

static int count_geom(const gk_doc *d, gk_geom g)
{
	int n = 0;
	for (int i = 0; i < d->nline; i++)
		n += d->line[i].geom == g;
	return n;
}

static const gk_line *find_line(const gk_doc *d, const char *first)
{
	for (int i = 0; i < d->nline; i++)
		if (d->line[i].ncell && !strcmp(d->line[i].cell[0].text, first))
			return &d->line[i];
	return NULL;
}

Test(text_seeds, tab_layout_seed)
{
	const char *path = "samples/text/dengfeng-2024.txt";
	size_t len;
	char *data = gk_read_file(path, &len);
	if (!data)
		cr_skip_test("no seed '%s'", path);
	char *err = NULL;
	gk_doc *d = NULL;
	cr_assert_eq(gk_extract_text(path, data, len, &d, &err), GK_OK);
	free(data);
	cr_assert_gt(count_geom(d, GK_GEOM_TAB), 200);
	cr_assert_eq(count_geom(d, GK_GEOM_POS), 0);
	const gk_line *l = find_line(d, "一、一般公共预算");
	cr_assert_not_null(l);
	cr_assert_eq(l->geom, GK_GEOM_TAB);
	cr_assert_eq(l->ncell, 4);
	cr_assert_str_eq(l->cell[1].text, "1,265.6");
	cr_assert_str_eq(l->cell[3].text, "784.8");
	cr_assert_not_null(find_line(d, "2024年部门收支总体情况表"), "heading marker stripped");
	gk_doc_drop(d);
}

Test(text_seeds, flow_seed)
{
	const char *path = "samples/text/guancheng-2023.txt";
	size_t len;
	char *data = gk_read_file(path, &len);
	if (!data)
		cr_skip_test("no seed '%s'", path);
	char *err = NULL;
	gk_doc *d = NULL;
	cr_assert_eq(gk_extract_text(path, data, len, &d, &err), GK_OK);
	free(data);
	cr_assert_gt(count_geom(d, GK_GEOM_FLOW), 1000);
	cr_assert_eq(count_geom(d, GK_GEOM_TAB), 0);
	const gk_line *l = find_line(d, "210");
	cr_assert_not_null(l);
	cr_assert_eq(l->geom, GK_GEOM_FLOW);
	cr_assert_str_eq(l->cell[1].text, "04");
	gk_doc_drop(d);
}
