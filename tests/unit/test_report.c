/* test_report.c - the report: escaping, reading OUT (optional files and
 * columns absent or present), and the crops (the outline where the row
 * is printed).  Run from the repository root. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "../../extract/extract.h"
#include "../../report/report.h"
#include "../../report/rp.h"

#include <cairo.h>
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SAMPLE "samples/pdf/dengfeng-2024.pdf"

/* ---- helpers ---- */

static char *tmpdir(void)
{
	char tmpl[] = "/tmp/gk-report-XXXXXX";
	char *d = mkdtemp(tmpl);
	cr_assert(d, "mkdtemp: %s", strerror(errno));
	return gk_strdup(d);
}

static int rm_one(const char *p, const struct stat *st, int flag, struct FTW *f)
{
	(void)st, (void)f;
	return flag == FTW_DP ? rmdir(p) : unlink(p);
}

static void rmrf(const char *dir)
{
	nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static void put(const char *dir, const char *name, const char *text)
{
	char *p = gk_strfmt("%s/%s", dir, name);
	cr_assert_eq(gk_write_file(p, text, strlen(text)), 0, "cannot write '%s'", p);
	free(p);
}

static char *html(const char *s, int url)
{
	gk_buf b = {0};
	if (url)
		rp_html_url(&b, s);
	else
		rp_html_text(&b, s);
	return gk_buf_take(&b);
}

/* ---- escaping ---- */

Test(report, text_escaped)
{
	char *s = html("<script>alert('x')</script> & \"q\" \xff 中", 0);
	cr_assert_str_eq(s, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot; \xEF\xBF\xBD 中");
	free(s);
}

Test(report, url_escaped)
{
	char *s = html("a b/中?#%.png", 1);
	cr_assert_str_eq(s, "a%20b%2F%E4%B8%AD%3F%23%25.png");
	free(s);
}

/* ---- reading OUT ---- */

static const char document_csv[] =
	"doc,source,sha256,format,region,department,year,kind,unit_published,pages,tables_found,tables_listed\n"
	"a,a.pdf,,pdf,甲市,甲局,2026,预算,万元,9,2,3\n";

Test(report, read_full_interface)
{
	char *out = tmpdir(), *a = gk_strfmt("%s/a", out), *b = gk_strfmt("%s/b", out);
	mkdir(a, 0755);
	mkdir(b, 0755);
	put(a, "document.csv", document_csv);
	/* the columns in another order than today's, and more of them */
	put(a, "checks.csv",
	    "table_id,check,row,expected,found,status,page,detail,row_no,more\n"
	    "revenue_expenditure_summary,row:x,合计,10,11,fail,,合计: 11 printed and 10 summed,2,z\n"
	    "revenue_expenditure_summary,row:y,合计,10,11,fail,,,2,z\n"
	    "narrative,text:z,,5,6,fail,4,说明 p. 4,,z\n"
	    "three_public_expenses,col:q,,1,2,fail,,,,z\n"
	    "revenue_expenditure_summary,row:w,x,1,2,unsure,,doubt,1,z\n"
	    "revenue_expenditure_summary,row:v,x,1,1,ok,,,1,z\n");
	put(a, "rows.csv",
	    "table_id,row_no,page,x0,y0,x1,y1,row_type,item_key\n"
	    "revenue_expenditure_summary,1,3,50.00,100.00,500.00,112.50,detail,\n"
	    "revenue_expenditure_summary,2,3,50.00,120.00,500.00,132.50,total,\n");
	put(a, "tables.csv",
	    "table_id,title,pages,rows,unit,status\n"
	    "revenue_expenditure_summary,收支总体情况表,3,2,万元,fail\n"
	    "three_public_expenses,三公经费表,7-8,1,万元,ok\n"
	    "project_expenditure,,,0,,missing\n");
	put(a, "revenue_expenditure_summary.csv",
	    "side,item,amount\n收入,收入总计,1265.6\n支出,支出总计,1265.6\n支出,x,\n");
	put(a, "three_public_expenses.csv", "unit_name,total,reception\n合计,3.5,-\n");
	/* b: read, no tables.csv/rows.csv, the contract's six columns only */
	put(b, "document.csv",
	    "doc,source,sha256,format,region,department,year,kind,unit_published,pages,tables_found,tables_listed\n"
	    "b,b.txt,,text,乙市,乙局,2025,决算,万元,1,1,0\n");
	put(b, "checks.csv", "table_id,check,row,expected,found,status\ngeneral_budget_expenditure,c,201,1,2,fail\n");
	put(b, "general_budget_expenditure.csv", "func_code,name,total\n201,一般,12.5\n");
	put(out, ".gongkai-manifest",
	    "# gongkai manifest 1\n# doc\tpath\n"
	    "a\ta.pdf\tx\t0.1.0\tr\t0\t9\t2\t3\tguard\t\n"
	    "c\tc.pdf\tx\t0.1.0\tr\t4\t0\t0\t0\tguard\t\n");
	put(out, "failures.csv", "doc,source,exit_code,error,reason\nc,c.pdf,4,not-a-document,an HTML page\n");
	int fd = gk_dir_open(out);
	rp_corpus c;
	char *err = NULL;
	cr_assert_eq(rp_read(&c, out, fd, &err), 0, "%s", err);
	cr_assert_eq(c.n, 3);
	const rp_doc *da = &c.docs[0], *db = &c.docs[1], *dc = &c.docs[2];
	cr_assert_str_eq(da->name, "a");
	cr_assert_eq(da->failed, 0);
	cr_assert_eq(da->nfail, 4);
	cr_assert_eq(da->nunsure, 1);
	cr_assert_eq(da->nstatus[0], 1);
	cr_assert_eq(da->amounts, 3); /* 1265.6 twice, 3.5; not "-" nor "" */
	cr_assert_str_eq(da->total, "1265.6");
	cr_assert_eq(da->ntable, 3);
	cr_assert_str_eq(da->tables[2].status, "missing");
	/* located by rows.csv: page and box, shared by the two checks of the row */
	const rp_check *k = &da->fails[0];
	cr_assert_eq(k->page, 3);
	cr_assert(k->has_box);
	cr_assert_float_eq(k->y0, 120.0, 1e-9);
	cr_assert_float_eq(k->y1, 132.5, 1e-9);
	cr_assert_str_eq(k->detail, "合计: 11 printed and 10 summed");
	cr_assert_eq(da->fails[1].crop, k->crop);
	/* by the checks' page; by the table's first page */
	cr_assert_eq(da->fails[2].page, 4);
	cr_assert_not(da->fails[2].has_box);
	cr_assert_eq(da->fails[3].page, 7);
	cr_assert_eq(da->ncrop, 3);
	char *w = rp_finding_words(da, &da->fails[1]);
	cr_assert_str_eq(w, "收支总体情况表, row 合计: 11 printed, 10 expected (row:y)");
	free(w);
	/* b: no page known, a text document */
	cr_assert_str_eq(db->name, "b");
	cr_assert_eq(db->nfail, 1);
	cr_assert_eq(db->fails[0].crop, -1);
	cr_assert_eq(db->ncrop, 0);
	cr_assert_eq(db->ntable, 1);
	cr_assert_eq(db->amounts, 1);
	w = rp_finding_words(db, &db->fails[0]);
	cr_assert_str_eq(w, "一般公共预算支出表, row 201: 2 printed, 1 expected (c)");
	free(w);
	/* c: failed, no directory, the reason from failures.csv */
	cr_assert_str_eq(dc->name, "c");
	cr_assert_eq(dc->failed, 4);
	cr_assert_not(dc->has_dir);
	cr_assert_str_eq(dc->reason, "an HTML page");
	cr_assert_str_eq(dc->source, "c.pdf");
	rp_corpus_drop(&c);
	close(fd);
	rmrf(out);
	free(a), free(b), free(out);
}

/* documents named by their path (OUT/sub/x, as a run names a file found
 * under a directory): found at any depth, but not in the report's own
 * folder; their pages and images in report/'s flat folders */
Test(report, nested_documents)
{
	char *out = tmpdir();
	const char *dirs[] = {"sub", "sub/x", "report", "report/img", "report/img/y"};
	for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) {
		char *p = gk_strfmt("%s/%s", out, dirs[i]);
		cr_assert_eq(mkdir(p, 0755), 0);
		free(p);
	}
	char *x = gk_strfmt("%s/sub/x", out), *y = gk_strfmt("%s/report/img/y", out);
	put(x, "document.csv", document_csv);
	put(x, "checks.csv", "table_id,check,row,expected,found,status,page,detail\nnarrative,t,,1,2,fail,4,d\n");
	put(y, "document.csv", document_csv);
	int fd = gk_dir_open(out);
	rp_corpus c;
	char *err = NULL;
	cr_assert_eq(rp_read(&c, out, fd, &err), 0, "%s", err);
	cr_assert_eq(c.n, 1);
	cr_assert_str_eq(c.docs[0].name, "sub/x");
	cr_assert(c.docs[0].has_dir);
	cr_assert_eq(c.docs[0].nfail, 1);
	cr_assert_eq(c.docs[0].fails[0].page, 4);
	cr_assert_eq(strncmp(c.docs[0].file, "x-", 2), 0, "%s", c.docs[0].file);
	cr_assert_eq(strlen(c.docs[0].file), 2 + 12, "%s", c.docs[0].file);
	cr_assert_null(strchr(c.docs[0].file, '/'));
	rp_corpus_drop(&c);
	close(fd);
	rmrf(out);
	free(x), free(y), free(out);
}

Test(report, failures_csv)
{
	char *out = tmpdir();
	int fd = gk_dir_open(out);
	gk_failure v[] = {{"z", "z.pdf", 14, "no budget table found"}, {"a", "a.pdf", 0, NULL}, {"=b", "=b.pdf", 4, NULL}};
	cr_assert_eq(gk_failures_write(fd, v, 3), 0);
	char *p = gk_strfmt("%s/failures.csv", out);
	char *s = gk_read_file(p, NULL);
	cr_assert_str_eq(s, "doc,source,exit_code,error,reason\n'=b,'=b.pdf,4,not-a-document,\n"
	                    "z,z.pdf,14,no-table,no budget table found\n");
	free(s);
	/* a later run that did not read z keeps its reason; b got one */
	gk_failure w[] = {{"z", "z.pdf", 14, NULL}, {"=b", "=b.pdf", 4, "an HTML page"}};
	cr_assert_eq(gk_failures_write(fd, w, 2), 0);
	s = gk_read_file(p, NULL);
	cr_assert_str_eq(s, "doc,source,exit_code,error,reason\n'=b,'=b.pdf,4,not-a-document,an HTML page\n"
	                    "z,z.pdf,14,no-table,no budget table found\n");
	free(s);
	/* unchanged: not rewritten (same inode) */
	struct stat st0, st1;
	stat(p, &st0);
	cr_assert_eq(gk_failures_write(fd, w, 2), 0);
	stat(p, &st1);
	cr_assert_eq(st0.st_ino, st1.st_ino);
	free(p);
	close(fd);
	rmrf(out);
	free(out);
}

/* ---- crops ---- */

typedef struct png_in {
	const char *s;
	size_t len, off;
} png_in;

static cairo_status_t png_read(void *closure, unsigned char *data, unsigned int n)
{
	png_in *in = closure;
	if (in->off + n > in->len)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(data, in->s + in->off, n);
	in->off += n;
	return CAIRO_STATUS_SUCCESS;
}

/* Decode a PNG; the box of its red pixels (x0 > x1: none), and whether
 * any dark pixel lies inside that box. */
static void red_box(const char *png, size_t len, int *w, int *h, int rb[4], int *dark_inside)
{
	png_in in = {png, len, 0};
	cairo_surface_t *sf = cairo_image_surface_create_from_png_stream(png_read, &in);
	cr_assert_eq(cairo_surface_status(sf), CAIRO_STATUS_SUCCESS, "the PNG does not decode");
	*w = cairo_image_surface_get_width(sf);
	*h = cairo_image_surface_get_height(sf);
	const unsigned char *px = cairo_image_surface_get_data(sf);
	int stride = cairo_image_surface_get_stride(sf);
	rb[0] = rb[1] = 1 << 30;
	rb[2] = rb[3] = -1;
	for (int y = 0; y < *h; y++)
		for (int x = 0; x < *w; x++) {
			uint32_t v = ((const uint32_t *)(px + (size_t)y * (size_t)stride))[x];
			unsigned r = v >> 16 & 255, g = v >> 8 & 255, b = v & 255;
			if (r > 180 && g < 80 && b < 80) {
				rb[0] = x < rb[0] ? x : rb[0], rb[1] = y < rb[1] ? y : rb[1];
				rb[2] = x > rb[2] ? x : rb[2], rb[3] = y > rb[3] ? y : rb[3];
			}
		}
	*dark_inside = 0;
	for (int y = rb[1] + 3; y < rb[3] - 2; y++)
		for (int x = rb[0] + 3; x < rb[2] - 2; x++) {
			uint32_t v = ((const uint32_t *)(px + (size_t)y * (size_t)stride))[x];
			*dark_inside |= (v & 255) < 100 && (v >> 16 & 255) < 100;
		}
	cairo_surface_destroy(sf);
}

/* A figure printed once on a page of the sample, with its box as the
 * extractor read it (points, y from the top). */
static int figure(const gk_doc *doc, int *page, char *text, size_t cap, double box[4])
{
	for (int i = 0; i < doc->nline; i++) {
		const gk_line *l = &doc->line[i];
		for (int j = 0; j < l->ncell; j++) {
			const char *t = l->cell[j].text;
			if (strlen(t) < 6 || strlen(t) >= cap || strspn(t, "0123456789,.") != strlen(t) || !strchr(t, '.'))
				continue;
			int n = 0;
			for (int i2 = 0; i2 < doc->nline; i2++)
				for (int j2 = 0; j2 < doc->line[i2].ncell; j2++)
					n += doc->line[i2].page == l->page && strstr(doc->line[i2].cell[j2].text, t) != NULL;
			if (n != 1)
				continue;
			*page = l->page;
			size_t k = 0;
			for (const char *p = t; *p; p++)
				if (*p != ',')
					text[k++] = *p; /* as the CSV writes it */
			text[k] = 0;
			box[0] = l->cell[j].x0, box[2] = l->cell[j].x1;
			box[1] = gk_cell_y0(l, &l->cell[j]), box[3] = gk_cell_y1(l, &l->cell[j]);
			return 1;
		}
	}
	return 0;
}

Test(report, crop_outlines_the_row)
{
	size_t len;
	char *pdf = gk_read_file(SAMPLE, &len);
	cr_assert(pdf);
	gk_doc *doc = NULL;
	char *err = NULL;
	cr_assert_eq(gk_extract_file(SAMPLE, &doc, &err), GK_OK, "%s", err);
	int page = 0;
	char text[64];
	double box[4] = {0};
	cr_assert(figure(doc, &page, text, sizeof text, box), "no figure printed once in the sample");

	/* the box as rows.csv gives it */
	rp_crop k = {.page = page, .has_box = 1, .x0 = box[0], .y0 = box[1], .x1 = box[2], .y1 = box[3]};
	size_t n;
	char *png = rp_crop_png(pdf, len, &k, &n, &err);
	cr_assert(png, "%s", err);
	cr_assert(n > 100 && n < 200000, "size %zu", n);
	int w, h, a[4], dark;
	red_box(png, n, &w, &h, a, &dark);
	cr_assert(w <= RP_CROP_MAX_W && h <= RP_CROP_MAX_H, "%dx%d", w, h);
	cr_assert(a[2] > a[0] && a[3] > a[1], "no outline");
	cr_assert(dark, "nothing printed inside the outline");
	/* 40 points above the box are shown (unless the page ends first) */
	double s = fmin(RP_CROP_SCALE, RP_CROP_MAX_W / doc->page_w[page - 1]);
	cr_assert(box[2] - box[0] < 0.6 * doc->page_w[page - 1]);
	cr_assert_eq(w, (int)ceil(doc->page_w[page - 1] * s));
	if (box[1] > 40)
		cr_assert(fabs(a[1] - (40 * s - 4)) <= 2, "outline top at %d", a[1]);
	cr_assert(fabs((a[3] - a[1]) - ((box[3] - box[1]) * s + 8)) <= 3, "outline height %d", a[3] - a[1]);
	free(png);

	/* no box: the figure looked up on the page lands on the same place */
	rp_crop f = {.page = page, .find = {text, NULL, NULL}};
	png = rp_crop_png(pdf, len, &f, &n, &err);
	cr_assert(png, "%s", err);
	int b[4], w2, h2;
	red_box(png, n, &w2, &h2, b, &dark);
	cr_assert(b[2] > b[0], "the figure %s was not found on page %d", text, page);
	cr_assert(dark);
	cr_assert_eq(w2, w);
	/* the same line: its middle within a few pixels (glyph box vs line box) */
	cr_assert(abs((b[1] + b[3]) - (a[1] + a[3])) / 2 <= 6, "found at rows %d-%d, the box at %d-%d", b[1], b[3],
	          a[1], a[3]);
	free(png);

	/* neither: the whole page, small, nothing outlined */
	rp_crop p = {.page = page, .find = {"no such figure", "987654321.99", NULL}};
	png = rp_crop_png(pdf, len, &p, &n, &err);
	cr_assert(png, "%s", err);
	red_box(png, n, &w, &h, b, &dark);
	cr_assert_eq(w, RP_PAGE_W);
	cr_assert(b[2] < b[0], "an outline on a page where nothing was found");
	free(png);

	/* a page the PDF does not have */
	rp_crop bad = {.page = 999, .has_box = 1, .x0 = 1, .y0 = 1, .x1 = 2, .y1 = 2};
	cr_assert_null(rp_crop_png(pdf, len, &bad, &n, &err));
	cr_assert_str_eq(err, "no page 999");
	free(err);
	gk_doc_drop(doc);
	free(pdf);
}
