/*
 * test_pdf.c - gk_extract_pdf, gk_extract_file/buffer and
 * gk_extract_isolated against real and hand-made PDFs.
 *
 * Run from the repository root.  Fixtures: samples/pdf/dengfeng-2024.pdf
 * (a real 19-page county budget disclosure) and tests/fixtures/pdf/, rebuilt
 * by its make.py (hello.pdf: two lines of Helvetica; encrypted.pdf: hello.pdf under
 * qpdf --encrypt secret owner 256; notext.pdf: a filled square;
 * nounicode.pdf: text whose ToUnicode map points into the private use area;
 * turned.pdf: hello.pdf under qpdf --rotate=+90; slow.pdf: form XObjects
 * nested 7 deep, each drawing the next 16 times, minutes of CPU).
 */
#include <criterion/criterion.h>

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../extract/extract.h"

#define SAMPLE "samples/pdf/dengfeng-2024.pdf"
#define SAMPLE_SHARED "../shared/corpus/pdf/dengfeng-2024.pdf"
#define FIX "tests/fixtures/pdf/"

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifndef UNDER_ASAN
#define UNDER_ASAN 0
#endif

/* the sample, until it is copied into samples/ from the shared corpus */
static const char *sample(void)
{
	if (access(SAMPLE, R_OK) == 0 || access(SAMPLE_SHARED, R_OK) != 0)
		return SAMPLE;
	return SAMPLE_SHARED;
}

static gk_doc *extract_ok(const char *path)
{
	gk_doc *doc = NULL;
	char *err = NULL;
	int rc = gk_extract_file(path, &doc, &err);
	cr_assert_eq(rc, GK_OK, "extracting '%s': %d %s", path, rc, err ? err : "");
	cr_assert_null(err);
	cr_assert_not_null(doc);
	return doc;
}

/* a temp file holding `len` bytes; caller unlinks and frees the name */
static char *temp_with(const char *data, size_t len)
{
	char *name = gk_strdup("/tmp/gk-test-pdf-XXXXXX");
	int fd = mkstemp(name);
	cr_assert_geq(fd, 0);
	cr_assert_eq(write(fd, data, len), (ssize_t)len);
	close(fd);
	return name;
}

static int cell_has(const gk_cell *c, const char *s)
{
	return strstr(c->text, s) != NULL;
}

Test(pdf, sample_metadata)
{
	gk_doc *doc = extract_ok(sample());
	cr_assert_str_eq(gk_doc_meta(doc, "format"), "pdf");
	cr_assert_str_eq(gk_doc_meta(doc, "pages"), "19");
	cr_assert_str_eq(gk_doc_meta(doc, "repaired"), "no");
	cr_assert_str_eq(gk_doc_meta(doc, "source"), sample());
	const char *sha = gk_doc_meta(doc, "sha256");
	cr_assert_not_null(sha);
	cr_assert_eq(strlen(sha), 64);
	cr_assert_eq(strspn(sha, "0123456789abcdef"), 64);
	cr_assert_str_eq(sha, "be6bddfd2c1c79800a6c05dfa22b208a730b69e13e7812570400244a0fdae118");
	cr_assert_eq(doc->npage, 19);
	/* A4 portrait narrative, then landscape tables */
	cr_assert_float_eq(doc->page_w[0], 595.3, 0.5);
	cr_assert_float_eq(doc->page_h[0], 841.9, 0.5);
	cr_assert_float_eq(doc->page_w[7], 792.0, 0.5);
	cr_assert_float_eq(doc->page_h[7], 612.0, 0.5);
	gk_doc_drop(doc);
}

Test(pdf, sample_title_line)
{
	gk_doc *doc = extract_ok(sample());
	int found = 0;
	for (int i = 0; i < doc->nline; i++) {
		char *t = gk_line_text(&doc->line[i]);
		if (strstr(t, "部门支出总体情况表"))
			found++;
		free(t);
	}
	/* the table of contents, the table's title and the narrative */
	cr_assert_geq(found, 2);
	gk_doc_drop(doc);
}

Test(pdf, sample_table_row_cells)
{
	gk_doc *doc = extract_ok(sample());
	const gk_line *row = NULL;
	for (int i = 0; i < doc->nline && !row; i++) {
		const gk_line *l = &doc->line[i];
		if (l->ncell < 5 || strcmp(l->cell[0].text, "201") != 0)
			continue;
		for (int j = 1; j < l->ncell; j++)
			if (cell_has(&l->cell[j], "政务公开审批"))
				row = l;
	}
	cr_assert_not_null(row, "no row starting with cell '201' that names 政务公开审批");
	cr_assert_eq(row->geom, GK_GEOM_POS);
	cr_assert_eq(row->page, 8);
	/* printed as "201  03  06  政务公开审批  784.8  291.1 ..." */
	cr_assert_str_eq(row->cell[1].text, "03");
	cr_assert_str_eq(row->cell[2].text, "06");
	int name = -1, amount = -1;
	for (int j = 0; j < row->ncell; j++) {
		if (cell_has(&row->cell[j], "政务公开审批"))
			name = j;
		if (!strcmp(row->cell[j].text, "784.8") && amount < 0)
			amount = j;
	}
	cr_assert_geq(name, 0);
	cr_assert_geq(amount, 0, "no cell '784.8'");
	cr_assert_str_eq(row->cell[name].text, "政务公开审批");
	cr_assert_gt(row->cell[amount].x0, row->cell[name].x1);
	/* positions are PDF points on a 792-point-wide page */
	cr_assert_float_eq(row->cell[0].x0, 54.7, 1.0);
	cr_assert_float_eq(row->cell[amount].x0, 322.7, 1.0);
	cr_assert_float_eq(row->cell[amount].x1, 339.3, 1.0);
	cr_assert_gt(row->y1, row->y0);
	cr_assert_float_eq(row->size, 6.6, 0.1);
	gk_doc_drop(doc);
}

Test(pdf, sample_amount_then_label_split)
{
	/* page 6: a right-aligned amount nearly touches the next column's label */
	gk_doc *doc = extract_ok(sample());
	int ok = 0;
	for (int i = 0; i < doc->nline; i++) {
		const gk_line *l = &doc->line[i];
		if (l->page != 6 || l->ncell != 4 || strcmp(l->cell[0].text, "一、一般公共预算") != 0)
			continue;
		cr_assert_str_eq(l->cell[1].text, "1,265.6");
		cr_assert_str_eq(l->cell[2].text, "一、一般公共服务");
		cr_assert_str_eq(l->cell[3].text, "784.8");
		ok = 1;
	}
	cr_assert(ok, "row '一、一般公共预算 | 1,265.6 | 一、一般公共服务 | 784.8' not found");
	gk_doc_drop(doc);
}

Test(pdf, sample_order_and_clean_cells)
{
	gk_doc *doc = extract_ok(sample());
	cr_assert_gt(doc->nline, 300);
	int page = 1;
	for (int i = 0; i < doc->nline; i++) {
		const gk_line *l = &doc->line[i];
		cr_assert_geq(l->page, page, "line %d: pages out of order", i);
		page = l->page;
		cr_assert_leq(l->page, doc->npage);
		cr_assert_gt(l->ncell, 0);
		for (int j = 0; j < l->ncell; j++) {
			const char *t = l->cell[j].text;
			size_t n = strlen(t);
			cr_assert_gt(n, 0);
			cr_assert_neq(t[0], ' ', "cell '%s' starts with a space", t);
			cr_assert_neq(t[n - 1], ' ', "cell '%s' ends with a space", t);
			cr_assert_null(strstr(t, "  "), "cell '%s' has a double space", t);
			cr_assert_leq(l->cell[j].x0, l->cell[j].x1);
			if (j)
				cr_assert_geq(l->cell[j].x0, l->cell[j - 1].x1, "cells out of order in line %d", i);
		}
	}
	/* top to bottom within the first page */
	double y = -1;
	for (int i = 0; i < doc->nline && doc->line[i].page == 1; i++) {
		cr_assert_geq(doc->line[i].y0, y);
		y = doc->line[i].y0;
	}
	gk_doc_drop(doc);
}

Test(pdf, spaces_inside_a_cell_kept)
{
	gk_doc *doc = extract_ok(sample());
	/* "2024 年登封市..." is printed with a space glyph after the year */
	char *t = gk_line_text(&doc->line[0]);
	cr_assert_eq(doc->line[0].ncell, 1, "first line: '%s'", t);
	cr_assert(strncmp(t, "2024 年登封市", strlen("2024 年登封市")) == 0, "first line: '%s'", t);
	free(t);
	gk_doc_drop(doc);
}

Test(pdf, hello_cells)
{
	gk_doc *doc = extract_ok(FIX "hello.pdf");
	cr_assert_eq(doc->npage, 1);
	cr_assert_float_eq(doc->page_w[0], 300, 0.01);
	cr_assert_float_eq(doc->page_h[0], 200, 0.01);
	cr_assert_eq(doc->nline, 2);
	const gk_line *a = &doc->line[0], *b = &doc->line[1];
	cr_assert_eq(a->ncell, 1);
	cr_assert_str_eq(a->cell[0].text, "Budget 2024");
	cr_assert_float_eq(a->cell[0].x0, 20, 0.01);
	cr_assert_float_eq(a->size, 12, 0.01);
	/* y is top-down: the line drawn at y=150 (bottom-up) is 50 from the top */
	cr_assert_lt(a->y0, 50);
	cr_assert_gt(a->y1, 50);
	cr_assert_lt(a->y1, b->y0);
	cr_assert_eq(b->ncell, 2);
	cr_assert_str_eq(b->cell[0].text, "Total");
	cr_assert_str_eq(b->cell[1].text, "1,265.60");
	cr_assert_float_eq(b->cell[1].x0, 200, 0.01);
	gk_doc_drop(doc);
}

Test(pdf, turned_page)
{
	/* hello.pdf with /Rotate 90: poppler reports the text running top to
	 * bottom; the page is turned back so that it reads as printed */
	gk_doc *doc = extract_ok(FIX "turned.pdf");
	cr_assert_eq(doc->npage, 1);
	cr_assert_float_eq(doc->page_w[0], 300, 0.01);
	cr_assert_float_eq(doc->page_h[0], 200, 0.01);
	cr_assert_eq(doc->nline, 2);
	cr_assert_eq(doc->line[0].ncell, 1);
	cr_assert_str_eq(doc->line[0].cell[0].text, "Budget 2024");
	cr_assert_float_eq(doc->line[0].cell[0].x0, 20, 0.01);
	cr_assert_eq(doc->line[1].ncell, 2);
	cr_assert_str_eq(doc->line[1].cell[0].text, "Total");
	cr_assert_str_eq(doc->line[1].cell[1].text, "1,265.60");
	cr_assert_float_eq(doc->line[1].cell[1].x0, 200, 0.01);
	gk_doc_drop(doc);
}

Test(pdf, repaired_xref)
{
	size_t len;
	char *data = gk_read_file(FIX "hello.pdf", &len);
	cr_assert_not_null(data);
	char *p = strstr(data, "startxref\n");
	cr_assert_not_null(p);
	memcpy(p + 10, "12", 2); /* point startxref into the middle of nowhere */
	gk_doc *doc = NULL;
	char *err = NULL;
	int rc = gk_extract_buffer("broken.pdf", data, len, &doc, &err);
	cr_assert_eq(rc, GK_OK, "%s", err ? err : "");
	cr_assert_str_eq(gk_doc_meta(doc, "repaired"), "yes");
	cr_assert_str_eq(doc->line[0].cell[0].text, "Budget 2024");
	gk_doc_drop(doc);
	free(data);
}

Test(pdf, truncated)
{
	size_t len;
	char *data = gk_read_file(sample(), &len);
	cr_assert_not_null(data);
	char *tmp = temp_with(data, 3000);
	gk_doc *doc = NULL;
	char *err = NULL;
	int rc = gk_extract_file(tmp, &doc, &err);
	/* poppler cannot rebuild a document from its first 3000 bytes */
	cr_assert_eq(rc, GK_EDAMAGED, "rc %d: %s", rc, err ? err : "");
	cr_assert_null(doc);
	cr_assert(strncmp(err, "damaged PDF: ", 13) == 0, "message: '%s'", err);
	free(err);
	unlink(tmp);
	free(tmp);
	free(data);
}

Test(pdf, garbage_after_header)
{
	static const char junk[] = "%PDF-1.7\nthis is not a PDF body at all\n";
	gk_doc *doc = NULL;
	char *err = NULL;
	int rc = gk_extract_buffer("junk.pdf", junk, sizeof junk - 1, &doc, &err);
	cr_assert_eq(rc, GK_EDAMAGED, "rc %d: %s", rc, err ? err : "");
	cr_assert_null(doc);
	free(err);
}

Test(pdf, encrypted)
{
	gk_doc *doc = NULL;
	char *err = NULL;
	int rc = gk_extract_file(FIX "encrypted.pdf", &doc, &err);
	cr_assert_eq(rc, GK_EENCRYPTED, "rc %d: %s", rc, err ? err : "");
	cr_assert_null(doc);
	cr_assert_str_eq(err, "encrypted: needs a password");
	free(err);
}

Test(pdf, no_text_layer)
{
	gk_doc *doc = NULL;
	char *err = NULL;
	gk_extract_set_ocr(0);
	int rc = gk_extract_file(FIX "notext.pdf", &doc, &err);
	gk_extract_set_ocr(1);
	cr_assert_eq(rc, GK_ENOTEXT, "rc %d: %s", rc, err ? err : "");
	cr_assert_null(doc);
	cr_assert_str_eq(err, "no text layer (scanned image?): needs OCR");
	free(err);
	/* with OCR: a page of nothing, not even an image */
	rc = gk_extract_file(FIX "notext.pdf", &doc, &err);
	cr_assert_eq(rc, GK_ENOTEXT, "rc %d: %s", rc, err ? err : "");
	cr_assert_str_eq(err, "no text layer, and no image to read");
	free(err);
}

Test(pdf, font_without_unicode_map)
{
	gk_doc *doc = NULL;
	char *err = NULL;
	gk_extract_set_ocr(0);
	int rc = gk_extract_file(FIX "nounicode.pdf", &doc, &err);
	gk_extract_set_ocr(1);
	cr_assert_eq(rc, GK_EDAMAGED, "rc %d: %s", rc, err ? err : "");
	cr_assert_null(doc);
	cr_assert_str_eq(err, "font without a Unicode map: 100% of characters undecodable");
	free(err);
	/* with OCR: its glyphs render, so the page is read from its image */
	rc = gk_extract_file(FIX "nounicode.pdf", &doc, &err);
	cr_assert_eq(rc, GK_OK, "rc %d: %s", rc, err ? err : "");
	cr_assert_str_eq(gk_doc_meta(doc, "pages_garbled"), "1");
	cr_assert_str_eq(gk_doc_meta(doc, "ocr_pages"), "1");
	cr_assert_gt(doc->nline, 0);
	gk_doc_drop(doc);
}

Test(extract, default_limits)
{
	cr_assert_eq(gk_default_limits.mem_mb, 2048);
	cr_assert_eq(gk_default_limits.cpu_s, 120);
	cr_assert_eq(gk_default_limits.wall_s, 180);
}

Test(extract, missing_file)
{
	gk_doc *doc = NULL;
	char *err = NULL;
	int rc = gk_extract_file("tests/fixtures/pdf/no-such-file.pdf", &doc, &err);
	cr_assert_eq(rc, GK_EOPEN);
	cr_assert_null(doc);
	cr_assert_str_eq(err, "cannot open: No such file or directory");
	free(err);
}

Test(extract, directory)
{
	gk_doc *doc = NULL;
	char *err = NULL;
	int rc = gk_extract_file("/tmp", &doc, &err);
	cr_assert_eq(rc, GK_EOPEN);
	cr_assert_null(doc);
	cr_assert_str_eq(err, "is a directory");
	free(err);
}

Test(extract, empty_file)
{
	char *tmp = temp_with("", 0);
	gk_doc *doc = NULL;
	char *err = NULL;
	int rc = gk_extract_file(tmp, &doc, &err);
	cr_assert_eq(rc, GK_EFORMAT);
	cr_assert_null(doc);
	cr_assert_str_eq(err, "empty file");
	free(err);
	unlink(tmp);
	free(tmp);
}

Test(extract, sniff_pdf_header_late)
{
	/* "%PDF-" anywhere in the first 1024 bytes makes it a PDF */
	char buf[600];
	memset(buf, ' ', sizeof buf);
	memcpy(buf + 500, "%PDF-1.4\n", 9);
	gk_doc *doc = NULL;
	char *err = NULL;
	int rc = gk_extract_buffer("late.pdf", buf, sizeof buf, &doc, &err);
	cr_assert_eq(rc, GK_EDAMAGED, "rc %d: %s", rc, err ? err : "");
	cr_assert(strncmp(err, "damaged PDF: ", 13) == 0, "message: '%s'", err);
	free(err);
}

static int count_fds(void)
{
	int n = 0;
	DIR *d = opendir("/proc/self/fd");
	cr_assert_not_null(d);
	while (readdir(d))
		n++;
	closedir(d);
	return n;
}

Test(isolate, same_as_in_process)
{
	gk_doc *a = extract_ok(sample());
	gk_doc *b = NULL;
	char *err = NULL;
	int rc = gk_extract_isolated(sample(), &gk_default_limits, &b, &err);
	cr_assert_eq(rc, GK_OK, "%s", err ? err : "");
	cr_assert_null(err);
	cr_assert_eq(b->nline, a->nline);
	cr_assert_eq(b->npage, a->npage);
	for (int i = 0; i + 1 < a->meta.n; i += 2)
		cr_assert_str_eq(gk_doc_meta(b, a->meta.v[i]), a->meta.v[i + 1]);
	for (int i = 0; i < a->nline; i++) {
		char *ta = gk_line_text(&a->line[i]), *tb = gk_line_text(&b->line[i]);
		cr_assert_str_eq(tb, ta, "line %d", i);
		cr_assert_eq(b->line[i].ncell, a->line[i].ncell);
		cr_assert_eq(b->line[i].page, a->line[i].page);
		cr_assert_float_eq(b->line[i].y0, a->line[i].y0, 0.006);
		cr_assert_float_eq(b->line[i].cell[0].x0, a->line[i].cell[0].x0, 0.006);
		free(ta);
		free(tb);
	}
	gk_doc_drop(a);
	gk_doc_drop(b);
}

Test(isolate, errors_pass_through)
{
	gk_doc *doc = NULL;
	char *err = NULL;
	int rc = gk_extract_isolated(FIX "encrypted.pdf", NULL, &doc, &err);
	cr_assert_eq(rc, GK_EENCRYPTED);
	cr_assert_null(doc);
	cr_assert_str_eq(err, "encrypted: needs a password");
	free(err);
	err = NULL;
	rc = gk_extract_isolated("tests/fixtures/pdf/no-such-file.pdf", NULL, &doc, &err);
	cr_assert_eq(rc, GK_EOPEN);
	cr_assert_str_eq(err, "cannot open: No such file or directory");
	free(err);
}

Test(isolate, memory_limit)
{
	if (UNDER_ASAN)
		cr_skip_test("RLIMIT_AS is not applied under AddressSanitizer");
	/* a sparse 64 MiB "PDF": reading it needs more than the child may map
	 * (a small document could be served from heap inherited from us) */
	char *tmp = temp_with("%PDF-1.4\n", 9);
	cr_assert_eq(truncate(tmp, 64 << 20), 0);
	gk_limits lim = {16, 10, 30};
	gk_doc *doc = NULL;
	char *err = NULL;
	int rc = gk_extract_isolated(tmp, &lim, &doc, &err);
	cr_assert_eq(rc, GK_ELIMIT, "rc %d: %s", rc, err ? err : "");
	cr_assert_null(doc);
	cr_assert_str_eq(err, "memory limit exceeded (16 MiB)");
	free(err);
	unlink(tmp);
	free(tmp);
}

Test(isolate, cpu_limit)
{
	gk_limits lim = {0, 1, 60};
	gk_doc *doc = NULL;
	char *err = NULL;
	int rc = gk_extract_isolated(FIX "slow.pdf", &lim, &doc, &err);
	cr_assert_eq(rc, GK_ELIMIT, "rc %d: %s", rc, err ? err : "");
	cr_assert_null(doc);
	cr_assert_str_eq(err, "cpu time limit (1 s) exceeded");
	free(err);
}

Test(isolate, wall_limit)
{
	int before = count_fds();
	gk_limits lim = {0, 0, 1};
	gk_doc *doc = NULL;
	char *err = NULL;
	int rc = gk_extract_isolated(FIX "slow.pdf", &lim, &doc, &err);
	cr_assert_eq(rc, GK_ELIMIT, "rc %d: %s", rc, err ? err : "");
	cr_assert_null(doc);
	cr_assert_str_eq(err, "wall time limit (1 s) exceeded");
	free(err);
	/* the killed child is reaped, its pipe closed */
	cr_assert_eq(count_fds(), before);
	errno = 0;
	cr_assert_eq(waitpid(-1, NULL, WNOHANG), -1);
	cr_assert_eq(errno, ECHILD);
}

Test(isolate, no_zombie_no_fd_leak)
{
	int before = count_fds();
	for (int i = 0; i < 3; i++) {
		gk_doc *doc = NULL;
		char *err = NULL;
		int rc = gk_extract_isolated(i == 1 ? FIX "encrypted.pdf" : FIX "hello.pdf", NULL, &doc, &err);
		cr_assert_eq(rc, i == 1 ? GK_EENCRYPTED : GK_OK);
		gk_doc_drop(doc);
		free(err);
	}
	cr_assert_eq(count_fds(), before);
	/* every child reaped */
	errno = 0;
	cr_assert_eq(waitpid(-1, NULL, WNOHANG), -1);
	cr_assert_eq(errno, ECHILD);
}
