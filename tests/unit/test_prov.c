/* test_prov.c - where each row was printed and what it is (lib/table.c,
 * normalize/prov.c): the tables stream's S and A records, the rows'
 * information across dropped rows and added columns, pages and boxes of
 * PDF rows, row types and summary item keys, the row a check is about;
 * and the files load writes from them (nested document names). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <criterion/criterion.h>
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../lib/ptext.h"
#include "../../lib/rules.h"
#include "../../lib/table.h"
#include "../../load/load.h"
#include "../../normalize/normalize.h"
#include "fixture.h"

static gk_result *read_tables(const char *text)
{
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	cr_assert_not_null(f);
	gk_result *r = NULL;
	char *err = NULL;
	int rc = gk_result_read(f, &r, &err);
	fclose(f);
	cr_assert_eq(rc, 1, "%s", err ? err : "");
	return r;
}

static char *write_tables(const gk_result *r)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	cr_assert_eq(gk_result_write(f, r), 0);
	fclose(f);
	return buf;
}

Test(prov, stream_round_trip)
{
	const char *s = "%gongkai-tables 1\n"
	                "M\tdoc\td\n"
	                "T\trevenue_expenditure_summary\t3\t收支总表\n"
	                "A\tunit\t万元\n"
	                "H\tside\titem\tamount\n"
	                "R\t收入\t一、一般公共预算\t10.5\n"
	                "S\t3\t87.75\t98.54\t515.25\t108.55\tdetail\tincome.general_budget\n"
	                "R\t收入\t收入总计\t10.5\n"
	                "S\t4\t\t\t\t\ttotal\tincome.total\n"
	                "R\t支出\t\t\n"
	                "%end\n";
	gk_result *r = read_tables(s);
	const gk_table *t = r->tables[0];
	cr_expect_str_eq(t->unit, "万元");
	const gk_rowinfo *ri = gk_table_info(t, 0);
	cr_assert_not_null(ri);
	cr_expect_eq(ri->page, 3);
	cr_expect(ri->x0 == 87.75 && ri->y0 == 98.54 && ri->x1 == 515.25 && ri->y1 == 108.55);
	cr_expect_str_eq(ri->item_key, "income.general_budget");
	ri = gk_table_info(t, 1);
	cr_expect(ri->page == 4 && ri->x1 <= ri->x0, "no box: text input");
	cr_expect_str_eq(ri->row_type, "total");
	ri = gk_table_info(t, 2);
	cr_expect(!ri || (ri->page == 0 && !ri->row_type), "a row without S has no information");
	char *back = write_tables(r);
	cr_expect_str_eq(back, s, "written as read");
	free(back);
	gk_result_drop(r);
}

/* a check naming its row by number (a label printed on two rows) keeps
 * it across the stream; one without keeps its eight fields */
Test(prov, check_row_no_round_trip)
{
	const char *s = "%gongkai-tables 1\n"
	                "M\tdoc\td\n"
	                "T\texpenditure_by_function\t5\t支出总表\n"
	                "H\tfunc_code\tname\ttotal\n"
	                "R\t\t其他城乡社区支出\t2\n"
	                "R\t\t其他城乡社区支出\t2\n"
	                "K\texpenditure_by_function\tocr:suspect\t其他城乡社区支出/total\t\t2\tfail\t\t\t2\n"
	                "K\texpenditure_by_function\tocr:suspect\t其他城乡社区支出/total\t\t2\tfail\t\t\n"
	                "%end\n";
	gk_result *r = read_tables(s);
	cr_assert_eq(r->ncheck, 2);
	cr_expect_eq(gk_result_check_row(r, &r->checks[0]), 2, "its own row");
	cr_expect_eq(gk_result_check_row(r, &r->checks[1]), 1, "the first of its label");
	char *back = write_tables(r);
	cr_expect_str_eq(back, s, "written as read");
	free(back);
	gk_result_drop(r);
}

/* a stream of an earlier gongkai (no S, no A) is read as it was */
Test(prov, old_stream_reads)
{
	gk_result *r = read_tables("%gongkai-tables 1\nT\tother_1\t1\tt\nH\ta\nR\t1\n%end\n");
	cr_expect_eq(r->tables[0]->nrow, 1);
	cr_expect_str_eq(r->tables[0]->unit, "");
	gk_result_drop(r);
	FILE *f = fmemopen((void *)"%gongkai-tables 1\nT\tx\t1\tt\nH\ta\nS\t1\t\t\t\t\t\t\n%end\n", 52, "r");
	gk_result *bad = NULL;
	char *err = NULL;
	cr_expect_eq(gk_result_read(f, &bad, &err), -1, "S before any row");
	cr_expect(err && strstr(err, "malformed 'S'"), "%s", err);
	free(err);
	fclose(f);
}

/* the information follows its row when a reader drops rows (three.c folds
 * rows per year that way) or a column is added */
Test(prov, info_follows_rows)
{
	gk_result *r = gk_result_new();
	static const char *const c[] = {"unit_name", "total"};
	gk_table *t = gk_result_add_table(r, "three_public_expenses", "t", 1, c, 2);
	for (int i = 0; i < 4; i++) {
		gk_table_add_row(t);
		gk_table_set_source(t, i, 10 + i, 0, 0, 0, 0);
	}
	/* drop rows 1 and 2 the way three.c does: free them, move the rest */
	for (int r2 = 1; r2 <= 2; r2++) {
		for (int j = 0; j < t->cols.n; j++)
			free(t->rows[r2][j]);
		free(t->rows[r2]);
	}
	t->rows[1] = t->rows[3];
	t->nrow = 2;
	cr_expect_eq(gk_table_info(t, 0)->page, 10);
	cr_expect_eq(gk_table_info(t, 1)->page, 13);
	gk_table_add_row(t); /* may reuse a freed row's memory */
	cr_expect(!gk_table_info(t, 2) || gk_table_info(t, 2)->page == 0, "a new row starts without information");
	gk_table_set_kind(t, 1, "unit", NULL);
	gk_table_add_col(t, "x_note");
	cr_expect_eq(gk_table_info(t, 1)->page, 13);
	cr_expect_str_eq(gk_table_info(t, 1)->row_type, "unit");
	gk_result_drop(r);
}

#define PDF "%gongkai-extract 1\nM\tformat\tpdf\nP\t1\t842\t595\nP\t2\t842\t595\n"

static gk_result *normalized(const char *text)
{
	return normalize_stream(text, "p");
}

/* the head line of a 单位预算 names its unit after 编制单位：, its money
 * after 单位：: the table's unit is the money's (元), not the name's */
Test(prov, unit_after_a_department_field)
{
	gk_result *r = normalized(PDF
	    "L\t1\t50.00\t62.00\t12\tpos\t300.00,420.00,部门收支总表\n"
	    "L\t1\t70.00\t80.00\t10\tpos\t60.00,260.00,编制单位：上海市普陀区社会福利院\t700.00,760.00,单位：元\n"
	    "L\t1\t90.00\t100.00\t10\tpos\t60.00,100.00,收入\t420.00,460.00,支出\n"
	    "L\t1\t110.00\t120.00\t10\tpos\t60.00,200.00,一、财政拨款\t300.00,340.00,100.00\t420.00,560.00,一、一般公共服务支出\t700.00,740.00,100.00\n"
	    "L\t1\t130.00\t140.00\t10\tpos\t60.00,200.00,收入总计\t300.00,340.00,100.00\t420.00,560.00,支出总计\t700.00,740.00,100.00\n"
	    "%end\n");
	const gk_table *t = gk_result_find(r, "revenue_expenditure_summary");
	cr_assert_not_null(t);
	cr_expect_str_eq(t->unit, "元");
	gk_result_drop(r);
}

/* a summary of two sides in a PDF: each line's page and box, its type and
 * key; 一、 over its 1. lines is a subtotal, so are the 其中 line and the
 * 本年 total, 总计 the total */
Test(prov, summary_rows)
{
	gk_result *r = normalized(PDF
	    "L\t1\t50.00\t62.00\t12\tpos\t300.00,420.00,部门收支总表\n"
	    "L\t1\t70.00\t80.00\t10\tpos\t700.00,760.00,单位：万元\n"
	    "L\t1\t90.00\t100.00\t10\tpos\t60.00,100.00,收入\t420.00,460.00,支出\n"
	    "L\t1\t110.00\t120.00\t10\tpos\t60.00,200.00,一、财政拨款\t300.00,340.00,100.00\t420.00,560.00,一、一般公共服务支出\t700.00,740.00,70.00\n"
	    "L\t1\t130.00\t140.00\t10\tpos\t60.00,200.00,1.一般公共预算拨款\t300.00,340.00,80.00\t420.00,560.00,二、教育支出\t700.00,740.00,30.00\n"
	    "L\t1\t150.00\t160.00\t10\tpos\t60.00,200.00,2.政府性基金预算拨款\t300.00,340.00,20.00\t420.00,520.00,其他支出\t700.00,740.00,0.00\n"
	    "L\t1\t170.00\t180.00\t10\tpos\t60.00,200.00,其中：教育收费\t300.00,340.00,5.00\n"
	    "L\t2\t110.00\t120.00\t10\tpos\t60.00,200.00,本年收入合计\t300.00,340.00,100.00\t420.00,560.00,本年支出合计\t700.00,740.00,100.00\n"
	    "L\t2\t130.00\t140.00\t10\tpos\t60.00,200.00,收入总计\t300.00,340.00,100.00\t420.00,560.00,支出总计\t700.00,740.00,100.00\n"
	    "%end\n");
	const gk_table *t = gk_result_find(r, "revenue_expenditure_summary");
	cr_assert_not_null(t);
	cr_expect_str_eq(t->unit, "万元");
	static const struct {
		const char *item, *type, *key;
		int page;
	} want[] = {
		{"一、财政拨款", "subtotal", "income.appropriation", 1},
		{"1.一般公共预算拨款", "detail", "income.general_budget", 1},
		{"2.政府性基金预算拨款", "detail", "income.government_fund", 1},
		{"其中：教育收费", "subtotal", "income.special_account", 1},
		{"本年收入合计", "subtotal", "income.current_total", 2},
		{"收入总计", "total", "income.total", 2},
		{"一、一般公共服务支出", "detail", "expense.by_function.201", 1},
		{"二、教育支出", "detail", "expense.by_function.205", 1},
		{"其他支出", "detail", "expense.by_function.229", 1},
		{"本年支出合计", "subtotal", "expense.current_total", 2},
		{"支出总计", "total", "expense.total", 2},
	};
	cr_assert_eq(t->nrow, (int)(sizeof want / sizeof *want), "%d rows", t->nrow);
	for (int i = 0; i < t->nrow; i++) {
		const gk_rowinfo *ri = gk_table_info(t, i);
		cr_assert_not_null(ri);
		cr_expect_str_eq(gk_table_get(t, i, "item"), want[i].item);
		cr_expect_str_eq(ri->row_type, want[i].type, "%s", want[i].item);
		cr_expect_str_eq(ri->item_key, want[i].key, "%s", want[i].item);
		cr_expect_eq(ri->page, want[i].page, "%s", want[i].item);
	}
	/* the box: the line's cells on its page */
	const gk_rowinfo *ri = gk_table_info(t, 1);
	cr_expect(ri->x0 == 60 && ri->y0 == 130 && ri->x1 == 740 && ri->y1 == 140, "%g %g %g %g", ri->x0, ri->y0,
	          ri->x1, ri->y1);
	gk_result_drop(r);
}

/* function table: 合计 total, a 类 over its 款 over its 项 subtotals, the
 * 项 details, a unit row; a check names the row it is about */
Test(prov, coded_rows)
{
	gk_result *r = read_tables("%gongkai-tables 1\n%end\n");
	gk_result_drop(r);
	r = normalized("%gongkai-extract 1\nP\t1\t0\t0\n"
	               "L\t1\t1\t1\t0\ttab\t0,0,一般公共预算支出表\n"
	               "L\t1\t2\t2\t0\ttab\t0,0,单位：万元\n"
	               "L\t1\t3\t3\t0\ttab\t0,0,科目编码\t1,1,科目名称\t2,2,合计\t3,3,基本支出\t4,4,项目支出\n"
	               "L\t1\t4\t4\t0\ttab\t0,0,\t1,1,合计\t2,2,30\t3,3,10\t4,4,20\n"
	               "L\t1\t5\t5\t0\ttab\t0,0,201\t1,1,一般公共服务支出\t2,2,30\t3,3,10\t4,4,20\n"
	               "L\t1\t6\t6\t0\ttab\t0,0,20101\t1,1,人大事务\t2,2,30\t3,3,10\t4,4,20\n"
	               "L\t1\t7\t7\t0\ttab\t0,0,2010101\t1,1,行政运行\t2,2,10\t3,3,10\t4,4,\n"
	               "L\t1\t8\t8\t0\ttab\t0,0,2010102\t1,1,一般行政管理事务\t2,2,20\t3,3,\t4,4,20\n"
	               "%end\n");
	const gk_table *t = gk_result_find(r, "general_budget_expenditure");
	cr_assert_not_null(t);
	static const char *const want[] = {"total", "subtotal", "subtotal", "detail", "detail"};
	cr_assert_eq(t->nrow, 5);
	for (int i = 0; i < 5; i++) {
		cr_expect_str_eq(gk_table_info(t, i)->row_type, want[i], "row %d", i);
		cr_expect_eq(gk_table_info(t, i)->page, 1);
		cr_expect(gk_table_info(t, i)->x1 <= gk_table_info(t, i)->x0, "text: no box");
	}
	gk_check k = {.table_id = "general_budget_expenditure", .row = "2010102:total"};
	cr_expect_eq(gk_result_check_row(r, &k), 5);
	k.row = "project_total";
	cr_expect_eq(gk_result_check_row(r, &k), 1, "a column sum is about the total row");
	k.row = "合计:basic_total+project_total";
	cr_expect_eq(gk_result_check_row(r, &k), 1);
	k.row = "9999999";
	cr_expect_eq(gk_result_check_row(r, &k), 0);
	/* OCR's findings name a cell <row>/<column> */
	k.check = "ocr:suspect", k.row = "2010102/project_total";
	cr_expect_eq(gk_result_check_row(r, &k), 5);
	k.check = "row:total=basic+project";
	cr_expect_eq(gk_result_check_row(r, &k), 0, "only OCR's findings name cells so");
	gk_result_drop(r);
}

/* ---- load: nested names ---- */

static int rm_one(const char *p, const struct stat *st, int flag, struct FTW *f)
{
	(void)st, (void)f;
	return flag == FTW_DP ? rmdir(p) : unlink(p);
}

static gk_result *tiny(const char *doc)
{
	gk_result *r = gk_result_new();
	gk_result_set_meta(r, "doc", doc);
	static const char *const c[] = {"side", "item", "amount"};
	gk_table *t = gk_result_add_table(r, "revenue_expenditure_summary", "t", 1, c, 3);
	gk_table_add_row(t);
	gk_table_set(t, 0, 2, "1.5");
	return r;
}

/* a document found under a directory is OUT/<its path>/; one inside
 * another document's directory, or in place of a directory of documents,
 * is refused; combine finds them all */
Test(prov, nested_documents)
{
	char tmpl[] = "/tmp/gk-prov-XXXXXX";
	char *out = mkdtemp(tmpl);
	cr_assert(out);
	gk_load_opts o = {.outdir = out};
	char *err = NULL;
	const char *ok[] = {"2026/河南/财政局", "2026/河南/教育局", "top"};
	for (int i = 0; i < 3; i++) {
		gk_result *r = tiny(ok[i]);
		cr_expect_eq(gk_load_doc(&o, r, &err), GK_OK, "%s", err ? err : "");
		gk_result_drop(r);
	}
	gk_result *r = tiny("top/inner");
	cr_expect_eq(gk_load_doc(&o, r, &err), GK_EWRITE, "inside a document's directory");
	cr_expect(err && strstr(err, "a parent is a document's directory"), "%s", err);
	free(err);
	gk_result_drop(r);
	r = tiny("2026/河南");
	cr_expect_eq(gk_load_doc(&o, r, &err), GK_EWRITE, "in place of other documents");
	cr_expect(err && strstr(err, "a directory of other documents"), "%s", err);
	free(err);
	gk_result_drop(r);
	cr_expect_eq(gk_load_combine(&o, &err), GK_OK, "%s", err ? err : "");
	char *p = gk_strfmt("%s/revenue_expenditure_summary.csv", out);
	char *s = gk_read_file(p, NULL);
	cr_assert(s);
	cr_expect(strstr(s, "\n2026/河南/教育局,") && strstr(s, "\n2026/河南/财政局,") && strstr(s, "\ntop,"), "%s", s);
	free(s);
	free(p);
	/* the aliases of a document, set later */
	cr_expect_eq(gk_load_set_meta(&o, "2026/河南/财政局", "aliases", "b.pdf;c/d.pdf", &err), GK_OK, "%s",
	             err ? err : "");
	p = gk_strfmt("%s/2026/河南/财政局/document.csv", out);
	s = gk_read_file(p, NULL);
	cr_expect(s && strstr(s, ",b.pdf;c/d.pdf\n"), "%s", s);
	free(s);
	free(p);
	nftw(out, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* --xlsx: a workbook beside OUT, put in place whole */
Test(prov, xlsx_written)
{
	char tmpl[] = "/tmp/gk-prov-XXXXXX";
	char *out = mkdtemp(tmpl);
	cr_assert(out);
	char *xl = gk_strfmt("%s/book.xlsx", out);
	gk_load_opts o = {.outdir = out, .xlsx = xl};
	char *err = NULL;
	gk_result *r = tiny("a");
	cr_expect_eq(gk_load_doc(&o, r, &err), GK_OK);
	gk_result_drop(r);
	cr_expect_eq(gk_load_combine(&o, &err), GK_OK, "%s", err ? err : "");
	size_t n = 0;
	char *s = gk_read_file(xl, &n);
	cr_expect(s && n > 1000 && !memcmp(s, "PK", 2), "a zip file");
	free(s);
	char *dir = gk_strfmt("%s/nope/book.xlsx", out);
	o.xlsx = dir;
	cr_expect_eq(gk_load_combine(&o, &err), GK_EWRITE);
	cr_expect(err && strstr(err, dir), "%s", err);
	free(err);
	free(dir);
	free(xl);
	nftw(out, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}
