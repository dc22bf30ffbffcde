/* test_load.c - stage 3: per-document directories, combined files, SQLite. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "../../load/load.h"

#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

/* ---- helpers ---- */

static char *tmpdir(void)
{
	char tmpl[] = "/tmp/gk-load-XXXXXX";
	char *d = mkdtemp(tmpl);
	cr_assert(d, "mkdtemp: %s", strerror(errno));
	return gk_strdup(d);
}

static int rm_one(const char *p, const struct stat *st, int flag, struct FTW *f)
{
	(void)st, (void)f;
	chmod(p, 0755);
	return flag == FTW_DP ? rmdir(p) : unlink(p);
}

static void rmrf(const char *dir)
{
	nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static char *slurp(const char *dir, const char *name)
{
	char *p = gk_strfmt("%s/%s", dir, name);
	char *s = gk_read_file(p, NULL);
	cr_assert(s, "cannot read '%s': %s", p, strerror(errno));
	free(p);
	return s;
}

static int exists(const char *dir, const char *name)
{
	char *p = gk_strfmt("%s/%s", dir, name);
	struct stat st;
	int r = lstat(p, &st) == 0;
	free(p);
	return r;
}

static int starts(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

static void expect_file(const char *dir, const char *name, const char *want)
{
	char *got = slurp(dir, name);
	cr_expect_str_eq(got, want, "%s/%s", dir, name);
	free(got);
}

/* Number of dot entries (temp directories) left in dir. */
static int dot_entries(const char *dir)
{
	DIR *d = opendir(dir);
	cr_assert(d);
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)))
		n += e->d_name[0] == '.' && strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
	closedir(d);
	return n;
}

static gk_table *add_table(gk_result *r, const char *id, const char *const *cols, int n)
{
	return gk_result_add_table(r, id, "title", 1, cols, n);
}

static void add_row(gk_table *t, const char *const *v)
{
	gk_table_add_row(t);
	for (int j = 0; j < t->cols.n; j++)
		gk_table_set(t, t->nrow - 1, j, v[j]);
}

static void set_meta(gk_result *r, const char *doc, const char *region, const char *dept,
                     const char *year)
{
	gk_result_set_meta(r, "doc", doc);
	gk_result_set_meta(r, "region", region);
	gk_result_set_meta(r, "department", dept);
	gk_result_set_meta(r, "year", year);
}

/* Document "a": a summary with a quoted item and x_2023, a function table
 * with a leading-zero code, two checks. */
static gk_result *doc_a(void)
{
	gk_result *r = gk_result_new();
	set_meta(r, "a", "北京市", "教育局", "2024");
	gk_result_set_meta(r, "format", "pdf");
	gk_result_set_meta(r, "pages", "12");
	static const char *const sc[] = {"side", "item", "amount", "x_2023"};
	gk_table *t = add_table(r, "revenue_expenditure_summary", sc, 4);
	add_row(t, (const char *const[]){"收入", "财政拨款, \"一般\"\n公共预算", "100.5", "90"});
	add_row(t, (const char *const[]){"支出", "教育支出", "20.25", ""});
	static const char *const fc[] = {"func_code", "class", "total"};
	t = add_table(r, "expenditure_by_function", fc, 3);
	add_row(t, (const char *const[]){"2050101", "205", "7"});
	gk_result_add_check(r, "revenue_expenditure_summary", "sum", "合计", "100.5", "100.5", "ok");
	gk_result_add_check(r, "expenditure_by_function", "total", "2050101", "7", "8", "fail");
	return r;
}

/* Document "b": the summary with another x_ column, and an other_1 table. */
static gk_result *doc_b(void)
{
	gk_result *r = gk_result_new();
	set_meta(r, "b", "上海市", "", "2023");
	static const char *const sc[] = {"side", "item", "amount", "x_2022"};
	gk_table *t = add_table(r, "revenue_expenditure_summary", sc, 4);
	add_row(t, (const char *const[]){"收入", "事业收入", "3", "4"});
	static const char *const oc[] = {"项目", "金额"};
	t = add_table(r, "other_1", oc, 2);
	add_row(t, (const char *const[]){"会议费", "0.5"});
	return r;
}

static void load(const gk_load_opts *o, gk_result *r)
{
	char *err = NULL;
	int rc = gk_load_doc(o, r, &err);
	cr_assert_eq(rc, GK_OK, "gk_load_doc: %s", err ? err : "");
	cr_assert_null(err);
	gk_result_drop(r);
}

static void combine(const gk_load_opts *o)
{
	char *err = NULL;
	int rc = gk_load_combine(o, &err);
	cr_assert_eq(rc, GK_OK, "gk_load_combine: %s", err ? err : "");
	cr_assert_null(err);
}

#define SUMMARY_A                                                                                  \
	"side,item,amount,x_2023\n"                                                                    \
	"收入,\"财政拨款, \"\"一般\"\"\n公共预算\",100.5,90\n"                                             \
	"支出,教育支出,20.25,\n"

/* ---- gk_csv_render ---- */

Test(load, render_quotes_only_when_needed)
{
	const char *const cols[] = {"a", "b", "c"};
	char *r0[] = {"plain", "with,comma", "say \"hi\""};
	char *r1[] = {"line\nbreak", "cr\rhere", " spaced "};
	char **rows[] = {r0, r1};
	char *s;
	size_t n;
	gk_csv_render(cols, 3, rows, 2, 0, &s, &n);
	const char *want = "a,b,c\n"
	                   "plain,\"with,comma\",\"say \"\"hi\"\"\"\n"
	                   "\"line\nbreak\",\"cr\rhere\", spaced \n";
	cr_expect_str_eq(s, want);
	cr_expect_eq(n, strlen(want));
	free(s);

	gk_csv_render(cols, 3, rows, 0, 1, &s, &n);
	cr_expect_str_eq(s, "\xEF\xBB\xBF" "a,b,c\n");
	cr_expect_eq(n, 9);
	free(s);
}

Test(load, render_single_empty_field_is_not_a_blank_line)
{
	const char *const cols[] = {"x"};
	char *r0[] = {""};
	char **rows[] = {r0};
	char *s;
	size_t n;
	gk_csv_render(cols, 1, rows, 1, 0, &s, &n);
	cr_expect_str_eq(s, "x\n\"\"\n");
	free(s);
}

/* ---- gk_load_doc ---- */

Test(load, doc_files_exact)
{
	char *out = tmpdir();
	gk_load_opts o = {.outdir = out};
	load(&o, doc_a());
	char *d = gk_strfmt("%s/a", out);
	expect_file(d, "revenue_expenditure_summary.csv", SUMMARY_A);
	expect_file(d, "expenditure_by_function.csv", "func_code,class,total\n2050101,205,7\n");
	expect_file(d, "document.csv",
	            "doc,source,sha256,format,region,department,year,kind,unit_published,pages,"
	            "tables_found,tables_listed,repaired,pages_without_text,pages_garbled,ocr_pages,"
	            "ocr_confidence\n"
	            "a,,,pdf,北京市,教育局,2024,,,12,,,,,,,\n");
	expect_file(d, "checks.csv",
	            "table_id,check,row,expected,found,status,page,detail\n"
	            "revenue_expenditure_summary,sum,合计,100.5,100.5,ok,,\n"
	            "expenditure_by_function,total,2050101,7,8,fail,,\n");
	cr_expect_eq(dot_entries(out), 0, "no temp directory left");
	free(d);
	rmrf(out);
	free(out);
}

Test(load, bom_only_when_asked)
{
	char *out = tmpdir();
	gk_load_opts o = {.outdir = out, .bom = 1};
	load(&o, doc_a());
	combine(&o);
	char *d = gk_strfmt("%s/a", out);
	expect_file(d, "revenue_expenditure_summary.csv", "\xEF\xBB\xBF" SUMMARY_A);
	char *s = slurp(d, "document.csv");
	cr_expect(starts(s, "\xEF\xBB\xBF" "doc,source,"));
	free(s);
	s = slurp(d, "checks.csv");
	cr_expect(starts(s, "\xEF\xBB\xBF" "table_id,"));
	free(s);
	/* combine read the BOM files back: the prefix is right, the BOM once */
	s = slurp(out, "expenditure_by_function.csv");
	cr_expect(starts(s, "\xEF\xBB\xBF" "doc,region,department,year,func_code,"), "%s", s);
	cr_expect(strstr(s, "\na,北京市,教育局,2024,2050101,205,,,,,7,"), "%s", s);
	free(s);
	/* and without --bom none */
	o.bom = 0;
	load(&o, doc_a());
	expect_file(d, "revenue_expenditure_summary.csv", SUMMARY_A);
	free(d);
	rmrf(out);
	free(out);
}

Test(load, creates_outdir)
{
	char *base = tmpdir();
	char *out = gk_strfmt("%s/x/y", base);
	gk_load_opts o = {.outdir = out};
	load(&o, doc_b());
	cr_expect(exists(out, "b/document.csv"));
	free(out);
	rmrf(base);
	free(base);
}

Test(load, second_load_replaces_dir)
{
	char *out = tmpdir();
	gk_load_opts o = {.outdir = out};
	load(&o, doc_a());
	cr_assert(exists(out, "a/expenditure_by_function.csv"));
	gk_result *r = gk_result_new();
	set_meta(r, "a", "北京市", "教育局", "2025");
	static const char *const sc[] = {"side", "item", "amount"};
	gk_table *t = add_table(r, "revenue_expenditure_summary", sc, 3);
	add_row(t, (const char *const[]){"收入", "合计", "1"});
	load(&o, r);
	char *d = gk_strfmt("%s/a", out);
	expect_file(d, "revenue_expenditure_summary.csv", "side,item,amount\n收入,合计,1\n");
	cr_expect(!exists(d, "expenditure_by_function.csv"), "the old directory's files are gone");
	expect_file(d, "checks.csv", "table_id,check,row,expected,found,status,page,detail\n");
	cr_expect_eq(dot_entries(out), 0, "no temp or old directory left");
	free(d);
	rmrf(out);
	free(out);
}

Test(load, same_id_twice_is_merged)
{
	char *out = tmpdir();
	gk_load_opts o = {.outdir = out};
	gk_result *r = gk_result_new();
	set_meta(r, "m", "", "", "");
	static const char *const c1[] = {"unit_name", "total"};
	static const char *const c2[] = {"unit_name", "total", "x_note"};
	add_row(add_table(r, "three_public_expenses", c1, 2), (const char *const[]){"合计", "5"});
	add_row(add_table(r, "three_public_expenses", c2, 3), (const char *const[]){"甲", "2", "n"});
	load(&o, r);
	char *d = gk_strfmt("%s/m", out);
	expect_file(d, "three_public_expenses.csv", "unit_name,total,x_note\n合计,5,\n甲,2,n\n");
	free(d);
	rmrf(out);
	free(out);
}

Test(load, bad_names_rejected)
{
	char *out = tmpdir();
	gk_load_opts o = {.outdir = out};
	char *err = NULL;
	gk_result *r = doc_b();
	gk_result_set_meta(r, "doc", "../evil");
	cr_expect_eq(gk_load_doc(&o, r, &err), GK_EWRITE);
	cr_expect(err && strstr(err, "invalid document name"), "%s", err);
	free(err);
	gk_result_set_meta(r, "doc", "ok");
	static const char *const c[] = {"a"};
	add_table(r, "../x", c, 1);
	cr_expect_eq(gk_load_doc(&o, r, &err), GK_EWRITE);
	cr_expect(err && strstr(err, "invalid table id"), "%s", err);
	cr_expect(!exists(out, "ok"));
	cr_expect_eq(dot_entries(out), 0);
	free(err);
	gk_result_drop(r);
	rmrf(out);
	free(out);
}

/* ---- write failures ---- */

Test(load, outdir_under_a_file_fails)
{
	char *base = tmpdir();
	char *file = gk_strfmt("%s/plain", base);
	FILE *f = fopen(file, "w");
	cr_assert(f);
	fclose(f);
	char *out = gk_strfmt("%s/out", file);
	gk_load_opts o = {.outdir = out};
	char *err = NULL;
	gk_result *r = doc_a();
	cr_expect_eq(gk_load_doc(&o, r, &err), GK_EWRITE);
	cr_assert(err);
	cr_expect(strstr(err, "cannot write '") && strstr(err, file), "%s", err);
	cr_expect(strstr(err, strerror(ENOTDIR)), "%s", err);
	free(err);
	err = NULL;
	cr_expect_eq(gk_load_combine(&o, &err), GK_EWRITE);
	cr_expect(err && strstr(err, file), "%s", err);
	free(err);
	gk_result_drop(r);
	free(out);
	free(file);
	rmrf(base);
	free(base);
}

Test(load, failure_keeps_old_dir)
{
	char *out = tmpdir();
	gk_load_opts o = {.outdir = out};
	load(&o, doc_a());
	char *before = slurp(out, "a/revenue_expenditure_summary.csv");
	gk_result *r = doc_a();
	gk_result_set_meta(r, "year", "2099");
	int root = geteuid() == 0;
	if (root) {
		/* permissions do not stop root: a file name too long for the
		 * file system fails inside the new directory instead */
		char id[300];
		memset(id, 'x', sizeof id - 1);
		id[sizeof id - 1] = 0;
		static const char *const c[] = {"a"};
		add_table(r, id, c, 1);
	} else {
		cr_assert_eq(chmod(out, 0555), 0);
	}
	char *err = NULL;
	cr_expect_eq(gk_load_doc(&o, r, &err), GK_EWRITE);
	cr_assert(err);
	cr_expect(strstr(err, "cannot write '") && strstr(err, out), "%s", err);
	cr_expect(strstr(err, strerror(root ? ENAMETOOLONG : EACCES)), "%s", err);
	free(err);
	chmod(out, 0755);
	char *after = slurp(out, "a/revenue_expenditure_summary.csv");
	cr_expect_str_eq(after, before, "the old directory is intact");
	char *meta = slurp(out, "a/document.csv");
	cr_expect(strstr(meta, ",2024,") && !strstr(meta, "2099"), "%s", meta);
	cr_expect(exists(out, "a/expenditure_by_function.csv"));
	cr_expect_eq(dot_entries(out), 0, "the temp directory is removed");
	free(meta);
	free(after);
	free(before);
	gk_result_drop(r);
	rmrf(out);
	free(out);
}

/* ---- gk_load_combine ---- */

Test(load, combined_union_exact)
{
	char *out = tmpdir();
	gk_load_opts o = {.outdir = out};
	load(&o, doc_b()); /* load order does not matter: documents in name order */
	load(&o, doc_a());
	combine(&o);
	expect_file(out, "revenue_expenditure_summary.csv",
	            "doc,region,department,year,side,item,amount,x_2023,x_2022\n"
	            "a,北京市,教育局,2024,收入,\"财政拨款, \"\"一般\"\"\n公共预算\",100.5,90,\n"
	            "a,北京市,教育局,2024,支出,教育支出,20.25,,\n"
	            "b,上海市,,2023,收入,事业收入,3,,4\n");
	expect_file(out, "other_1.csv", "doc,region,department,year,项目,金额\nb,上海市,,2023,会议费,0.5\n");
	char *s = slurp(out, "expenditure_by_function.csv");
	cr_expect(starts(s, "doc,region,department,year,func_code,class,item,subitem,unit_code,name,"
	                    "total,"),
	          "contract columns in contract order: %s", s);
	free(s);
	cr_expect(!exists(out, "document.csv") && !exists(out, "checks.csv"));
	rmrf(out);
	free(out);
}

Test(load, combined_file_removed_when_table_gone)
{
	char *out = tmpdir();
	gk_load_opts o = {.outdir = out};
	load(&o, doc_a());
	load(&o, doc_b());
	combine(&o);
	cr_assert(exists(out, "other_1.csv"));
	char *b = gk_strfmt("%s/b", out);
	rmrf(b);
	free(b);
	combine(&o);
	cr_expect(!exists(out, "other_1.csv"), "no document has other_1 any more");
	expect_file(out, "revenue_expenditure_summary.csv",
	            "doc,region,department,year,side,item,amount,x_2023\n"
	            "a,北京市,教育局,2024,收入,\"财政拨款, \"\"一般\"\"\n公共预算\",100.5,90\n"
	            "a,北京市,教育局,2024,支出,教育支出,20.25,\n");
	cr_expect(exists(out, "expenditure_by_function.csv"));
	rmrf(out);
	free(out);
}

Test(load, stale_temp_dirs_ignored)
{
	char *out = tmpdir();
	gk_load_opts o = {.outdir = out};
	load(&o, doc_a());
	/* what a killed run leaves: a complete-looking hidden directory */
	long dead = 999999;
	char *stale = gk_strfmt("%s/.z.tmp.%ld", out, dead);
	cr_assert_eq(mkdir(stale, 0755), 0);
	char *p = gk_strfmt("%s/document.csv", stale);
	cr_assert_eq(gk_write_atomic(p, "doc\nz\n", 6), 0);
	free(p);
	p = gk_strfmt("%s/other_9.csv", stale);
	cr_assert_eq(gk_write_atomic(p, "v\n1\n", 4), 0);
	free(p);
	combine(&o);
	cr_expect(!exists(out, "other_9.csv"));
	char *s = slurp(out, "revenue_expenditure_summary.csv");
	cr_expect(!strstr(s, "\nz,"), "%s", s);
	free(s);
	if (kill((pid_t)dead, 0) < 0 && errno == ESRCH)
		cr_expect(!exists(out, ".z.tmp.999999"), "a dead run's directory is cleaned up");
	free(stale);
	rmrf(out);
	free(out);
}

Test(load, malformed_doc_csv_fails_combine)
{
	char *out = tmpdir();
	gk_load_opts o = {.outdir = out};
	load(&o, doc_a());
	char *p = gk_strfmt("%s/a/other_3.csv", out);
	cr_assert_eq(gk_write_atomic(p, "a,b\n1,2,3\n", 10), 0);
	char *err = NULL;
	cr_expect_eq(gk_load_combine(&o, &err), GK_EWRITE);
	cr_expect(err && strstr(err, p) && strstr(err, "record 2"), "%s", err);
	free(err);
	cr_assert_eq(gk_write_atomic(p, "a\n\"open\n", 8), 0);
	err = NULL;
	cr_expect_eq(gk_load_combine(&o, &err), GK_EWRITE);
	cr_expect(err && strstr(err, p), "%s", err);
	free(err);
	free(p);
	rmrf(out);
	free(out);
}

Test(load, spaces_survive_round_trip)
{
	char *out = tmpdir();
	gk_load_opts o = {.outdir = out};
	gk_result *r = gk_result_new();
	set_meta(r, "s", "", "", "");
	static const char *const c[] = {"unit_name", "total"};
	add_row(add_table(r, "three_public_expenses", c, 2), (const char *const[]){" 甲 ", ""});
	load(&o, r);
	combine(&o);
	expect_file(out, "three_public_expenses.csv",
	            "doc,region,department,year,unit_name,total,overseas_travel,vehicle_total,"
	            "vehicle_purchase,vehicle_operation,reception\n"
	            "s,,,, 甲 ,,,,,,\n");
	rmrf(out);
	free(out);
}

/* ---- SQLite ---- */

static char *query_text(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK, "%s: %s", sql,
	             sqlite3_errmsg(db));
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW, "%s", sql);
	const unsigned char *t = sqlite3_column_text(st, 0);
	char *s = gk_strdup(t ? (const char *)t : "(null)");
	sqlite3_finalize(st);
	return s;
}

Test(load, sqlite_types)
{
	char *out = tmpdir();
	char *dbp = gk_strfmt("%s/gk.db", out);
	gk_load_opts o = {.outdir = out, .sqlite = dbp};
	gk_result *r = doc_a();
	static const char *const ec[] = {"econ_code", "econ_name", "total"};
	gk_table *t = add_table(r, "general_budget_basic_expenditure", ec, 3);
	add_row(t, (const char *const[]){"03101", "工资", "1.25"});
	load(&o, r);
	load(&o, doc_b());
	combine(&o);
	cr_expect_eq(dot_entries(out), 0, "the temp database is renamed");
	sqlite3 *db;
	cr_assert_eq(sqlite3_open_v2(dbp, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	char *s = query_text(db, "SELECT sum(amount) FROM revenue_expenditure_summary");
	cr_expect_str_eq(s, "123.75");
	free(s);
	s = query_text(db, "SELECT typeof(amount) FROM revenue_expenditure_summary LIMIT 1");
	cr_expect_str_eq(s, "real");
	free(s);
	s = query_text(db, "SELECT econ_code || '/' || typeof(econ_code) FROM "
	                   "general_budget_basic_expenditure");
	cr_expect_str_eq(s, "03101/text");
	free(s);
	s = query_text(db, "SELECT typeof(class) || typeof(func_code) FROM expenditure_by_function");
	cr_expect_str_eq(s, "texttext");
	free(s);
	s = query_text(db, "SELECT count(*) FROM revenue_expenditure_summary WHERE x_2023 IS NULL");
	cr_expect_str_eq(s, "2", "empty cells are NULL");
	free(s);
	s = query_text(db, "SELECT group_concat(doc || ':' || ifnull(region, '-'), ' ') FROM "
	                   "(SELECT * FROM documents ORDER BY doc)");
	cr_expect_str_eq(s, "a:北京市 b:上海市");
	free(s);
	s = query_text(db, "SELECT pages + 1 FROM documents WHERE doc = 'a'");
	cr_expect_str_eq(s, "13");
	free(s);
	s = query_text(db, "SELECT doc || ' ' || \"check\" || ' ' || status FROM checks "
	                   "WHERE status = 'fail'");
	cr_expect_str_eq(s, "a total fail");
	free(s);
	s = query_text(db, "SELECT \"金额\" * 2 FROM other_1");
	cr_expect_str_eq(s, "1.0");
	free(s);
	sqlite3_close(db);
	free(dbp);
	rmrf(out);
	free(out);
}

/* ---- the formula guard (OWASP "CSV injection") ---- */

Test(load, render_neutralizes_formulas_not_numbers)
{
	const char *const cols[] = {"a", "b", "c", "d", "e", "f"};
	char *r0[] = {"=1+2", "-1234.00", "+5", "@SUM(A1)", "-", "'=x"};
	char *r1[] = {"\t=1", "-0.5", "2010306", "a=b", "-x", "''-y"};
	char **rows[] = {r0, r1};
	char *s;
	size_t n;
	gk_csv_render(cols, 6, rows, 2, GK_CSV_NEUTRAL, &s, &n);
	cr_expect_str_eq(s, "a,b,c,d,e,f\n"
	                    "'=1+2,-1234.00,'+5,'@SUM(A1),-,''=x\n"
	                    "'\t=1,-0.5,2010306,a=b,'-x,'''-y\n");
	free(s);
	gk_csv_render(cols, 6, rows, 1, GK_CSV_BOM, &s, &n);
	cr_expect_str_eq(s, "\xEF\xBB\xBF"
	                    "a,b,c,d,e,f\n=1+2,-1234.00,+5,@SUM(A1),-,'=x\n",
	                 "without GK_CSV_NEUTRAL cells are as they are");
	free(s);
}

/* what the combined files and SQLite read back is what was loaded */
Test(load, neutralized_cells_round_trip)
{
	char *out = tmpdir();
	char *dbp = gk_strfmt("%s/gk.db", out);
	gk_load_opts o = {.outdir = out, .sqlite = dbp};
	gk_result *r = gk_result_new();
	set_meta(r, "=doc", "", "@dept", "2024");
	static const char *const c[] = {"name", "total"};
	gk_table *t = add_table(r, "other_1", c, 2);
	add_row(t, (const char *const[]){"=HYPERLINK(\"http://x\")", "-12.5"});
	add_row(t, (const char *const[]){"'=kept", "-"});
	add_row(t, (const char *const[]){"'-", "--"});
	load(&o, r);
	combine(&o);
	expect_file(out, "=doc/other_1.csv", "name,total\n\"'=HYPERLINK(\"\"http://x\"\")\",-12.5\n''=kept,-\n''-,'--\n");
	expect_file(out, "other_1.csv",
	            "doc,region,department,year,name,total\n"
	            "'=doc,,'@dept,2024,\"'=HYPERLINK(\"\"http://x\"\")\",-12.5\n"
	            "'=doc,,'@dept,2024,''=kept,-\n"
	            "'=doc,,'@dept,2024,''-,'--\n");
	sqlite3 *db;
	cr_assert_eq(sqlite3_open_v2(dbp, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	char *q = query_text(db, "SELECT group_concat(doc || '|' || department || '|' || name || '|' || total, ' ') "
	                         "FROM other_1");
	cr_expect_str_eq(q, "=doc|@dept|=HYPERLINK(\"http://x\")|-12.5 =doc|@dept|'=kept|- =doc|@dept|'-|--",
	                 "SQLite holds the values as they are");
	free(q);
	sqlite3_close(db);
	/* --no-neutralize: as they are in the CSVs too */
	o.raw_cells = 1;
	o.sqlite = NULL;
	r = gk_result_new();
	set_meta(r, "=doc", "", "@dept", "2024");
	add_row(add_table(r, "other_1", c, 2), (const char *const[]){"=1", "-"});
	load(&o, r);
	combine(&o);
	expect_file(out, "other_1.csv", "doc,region,department,year,name,total\n=doc,,@dept,2024,=1,-\n");
	free(dbp);
	rmrf(out);
	free(out);
}

/* ---- --sqlite: what may be replaced ---- */

static void exec_sql(const char *path, const char *sql)
{
	sqlite3 *db;
	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(db, sql, 0, 0, 0), SQLITE_OK, "%s: %s", sql, sqlite3_errmsg(db));
	sqlite3_close(db);
}

static void write_text(const char *dir, const char *name, const char *text)
{
	char *p = gk_strfmt("%s/%s", dir, name);
	FILE *f = fopen(p, "w");
	cr_assert(f, "%s", p);
	fputs(text, f);
	fclose(f);
	free(p);
}

/* --sqlite replaces only what gongkai wrote; the rest is refused and kept */
Test(load, sqlite_refuses_what_is_not_ours)
{
	char *out = tmpdir();
	char *dbp = gk_strfmt("%s/x.db", out);
	gk_load_opts o = {.outdir = out, .sqlite = dbp};
	load(&o, doc_a());
	char *err = NULL;
	static const struct {
		const char *setup, *why;
	} cases[] = {
		{"", "not a SQLite database"},
		{"CREATE TABLE t(x); PRAGMA application_id=7", "of another application"},
		{"CREATE TABLE t(x)", "holds table 't'"},
		{"CREATE TABLE documents(x); CREATE TABLE checks(x); CREATE VIEW v AS SELECT 1", "holds view 'v'"},
		{"CREATE TABLE other_1(x)", "a SQLite database gongkai did not write"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		unlink(dbp);
		if (!*cases[i].setup)
			write_text(out, "x.db", "not a database\n");
		else
			exec_sql(dbp, cases[i].setup);
		struct stat before, after;
		cr_assert_eq(stat(dbp, &before), 0);
		cr_expect_eq(gk_load_sqlite_check(dbp, &err), GK_EWRITE, "case %zu", i);
		cr_expect(err && strstr(err, cases[i].why), "case %zu: %s", i, err);
		free(err);
		err = NULL;
		cr_expect_eq(gk_load_combine(&o, &err), GK_EWRITE, "case %zu", i);
		cr_expect(err && strstr(err, dbp), "case %zu: %s", i, err);
		free(err);
		err = NULL;
		cr_assert_eq(stat(dbp, &after), 0);
		cr_expect(before.st_ino == after.st_ino && before.st_size == after.st_size &&
		              before.st_mtim.tv_nsec == after.st_mtim.tv_nsec,
		          "case %zu: the file is untouched", i);
		cr_expect(exists(out, "revenue_expenditure_summary.csv"), "the CSVs are written all the same");
	}
	/* a link is not followed */
	unlink(dbp);
	char *target = gk_strfmt("%s/target.db", out);
	cr_assert_eq(symlink(target, dbp), 0);
	cr_expect_eq(gk_load_sqlite_check(dbp, &err), GK_EWRITE);
	cr_expect(err && strstr(err, "symbolic link"), "%s", err);
	free(err);
	err = NULL;
	cr_expect(!exists(out, "target.db"));
	/* empty; written before the application id; ours in WAL mode */
	unlink(dbp);
	write_text(out, "x.db", "");
	combine(&o);
	exec_sql(dbp, "PRAGMA application_id=0");
	combine(&o);
	exec_sql(dbp, "PRAGMA journal_mode=WAL");
	combine(&o);
	sqlite3 *db;
	cr_assert_eq(sqlite3_open_v2(dbp, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	char *q = query_text(db, "PRAGMA integrity_check");
	cr_expect_str_eq(q, "ok");
	free(q);
	q = query_text(db, "SELECT count(*) FROM revenue_expenditure_summary");
	cr_expect_str_eq(q, "2");
	free(q);
	q = query_text(db, "PRAGMA journal_mode");
	cr_expect_str_eq(q, "wal", "a WAL database stays one");
	free(q);
	q = query_text(db, "PRAGMA application_id");
	cr_expect_str_eq(q, "1196114249", "GKAI");
	free(q);
	sqlite3_close(db);
	cr_expect_eq(dot_entries(out), 0, "no temporary left");
	free(target);
	free(dbp);
	rmrf(out);
	free(out);
}

/* a document directory replaced by a link is replaced, not written through */
Test(load, doc_link_is_replaced)
{
	char *out = tmpdir();
	char *elsewhere = tmpdir();
	gk_load_opts o = {.outdir = out};
	char *link = gk_strfmt("%s/a", out);
	cr_assert_eq(symlink(elsewhere, link), 0);
	load(&o, doc_a());
	struct stat st;
	cr_expect(lstat(link, &st) == 0 && S_ISDIR(st.st_mode));
	mode_t mask = umask(022);
	umask(mask);
	cr_expect_eq(st.st_mode & 0777, 0755 & ~mask, "a document directory is 0755 less the umask, as before");
	DIR *dh = opendir(elsewhere);
	cr_assert(dh);
	int n = 0;
	for (struct dirent *e; (e = readdir(dh));)
		n++;
	closedir(dh);
	cr_expect_eq(n, 2, "nothing written where the link pointed");
	cr_expect_eq(dot_entries(out), 0);
	free(link);
	rmrf(elsewhere);
	free(elsewhere);
	rmrf(out);
	free(out);
}

/* ---- files in OUT: nothing followed (lib/util.c) ---- */

Test(files, temp_names_fit_and_parse)
{
	char base[300];
	memset(base, 'a', sizeof base - 1);
	base[sizeof base - 1] = 0;
	char *n = gk_temp_name(base, "tmp");
	cr_expect_leq(strlen(n), 255);
	const char *tag;
	long pid;
	cr_expect(gk_temp_parse(n, &tag, &pid), "%s", n);
	cr_expect_str_eq(tag, "tmp");
	cr_expect_eq(pid, (long)getpid());
	free(n);
	char cjk[400] = "";
	for (int i = 0; i < 120; i++)
		strcat(cjk, "预");
	n = gk_temp_name(cjk, "del");
	size_t cut = (size_t)(strstr(n, ".del.") - (n + 1));
	cr_expect(cut <= 200 && cut % 3 == 0, "cut at a character boundary (%zu bytes)", cut);
	free(n);
	cr_expect(gk_temp_parse(".x.tmp.123", &tag, &pid) && pid == 123, "an earlier version's");
	cr_expect(gk_temp_parse("general_budget_expenditure.csv.tmp.99", &tag, &pid) && pid == 99);
	cr_expect(gk_temp_parse(".d.old.42.Ab3xYz", &tag, &pid) && pid == 42 && !strcmp(tag, "old"));
	cr_expect(!gk_temp_parse("report.tmp.txt", &tag, &pid));
	cr_expect(!gk_temp_parse("2024", &tag, &pid));
	cr_expect(!gk_temp_parse(".tmp.1", &tag, &pid));
}

Test(files, links_are_not_followed)
{
	char *d = tmpdir();
	write_text(d, "victim", "PRECIOUS\n");
	char *victim = gk_strfmt("%s/victim", d), *link = gk_strfmt("%s/out.csv", d);
	cr_assert_eq(symlink(victim, link), 0);
	int dfd = gk_dir_open(d);
	cr_assert_geq(dfd, 0);
	size_t len;
	errno = 0;
	cr_expect_null(gk_read_file_at(dfd, "out.csv", &len));
	cr_expect_eq(errno, ELOOP);
	cr_expect_eq(gk_write_new_at(dfd, "out.csv", "x", 1), -1, "O_EXCL: not through a link");
	cr_expect_eq(gk_write_atomic_at(dfd, "out.csv", "new\n", 4), 0);
	struct stat st;
	cr_expect(lstat(link, &st) == 0 && S_ISREG(st.st_mode), "the link is replaced by the file");
	expect_file(d, "victim", "PRECIOUS\n");
	/* a tree holding a link to a directory: the link goes, not its target */
	char *keep = gk_strfmt("%s/keep", d), *tree = gk_strfmt("%s/tree", d), *l2 = gk_strfmt("%s/tree/l", d);
	cr_assert_eq(mkdir(keep, 0755), 0);
	write_text(d, "keep/file", "x");
	cr_assert_eq(mkdir(tree, 0755), 0);
	cr_assert_eq(symlink(keep, l2), 0);
	cr_expect_eq(gk_rmtree_at(dfd, "tree"), 0);
	cr_expect(!exists(d, "tree"));
	cr_expect(exists(d, "keep/file"), "the link's target is intact");
	/* a FIFO is no file to read (and does not hang the reader) */
	char *fifo = gk_strfmt("%s/fifo", d);
	cr_assert_eq(mkfifo(fifo, 0644), 0);
	errno = 0;
	cr_expect_null(gk_read_file_at(dfd, "fifo", &len));
	cr_expect_eq(errno, EINVAL);
	close(dfd);
	free(fifo);
	free(l2);
	free(tree);
	free(keep);
	free(link);
	free(victim);
	rmrf(d);
	free(d);
}
