/*
 * fuzz_rules.c - the real rules/ against arbitrary text.
 *
 * The rules are loaded once (GONGKAI_RULES, else the rules/ of the source
 * tree this harness was built from).  Each input is then
 *   1. split into lines, and every line tried with gk_rules_first for every
 *      rule kind found in the rule files (each rule also with
 *      gk_rule_match, whose match offsets must lie inside the line);
 *   2. read with gk_extract_text and, when that succeeds, normalized with
 *      gk_normalize; the result must survive the tables format
 *      (gk_result_write, gk_result_read) and its tables must be
 *      rectangular.
 */
#include "../extract/extract.h"
#include "../normalize/normalize.h"
#include "fuzz.h"
#include "rules.h"

#include <dirent.h>

#ifndef FUZZ_RULES_DIR
#define FUZZ_RULES_DIR "rules"
#endif

static gk_rules *g_rules;
static char *g_kind[64];
static int g_nkind;

static void add_kind(const char *k, size_t n)
{
	for (int i = 0; i < g_nkind; i++)
		if (strlen(g_kind[i]) == n && !memcmp(g_kind[i], k, n))
			return;
	if (g_nkind < 64)
		g_kind[g_nkind++] = gk_strndup(k, n);
}

/* the KINDs of the rule files in dir */
static void find_kinds(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t l = strlen(e->d_name);
		if (l <= 6 || strcmp(e->d_name + l - 6, ".rules"))
			continue;
		char *p = gk_strfmt("%s/%s", dir, e->d_name);
		size_t n;
		char *text = gk_read_file(p, &n);
		free(p);
		if (!text)
			continue;
		for (char *line = text; line && *line;) {
			char *nl = strchr(line, '\n');
			char *tab = strchr(line, '\t');
			if (line[0] != '#' && tab && (!nl || tab < nl))
				add_kind(line, (size_t)(tab - line));
			line = nl ? nl + 1 : NULL;
		}
		free(text);
	}
	closedir(d);
	add_kind("no-such-kind", 12);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	const char *dir = getenv("GONGKAI_RULES");
	if (!dir || !*dir)
		dir = FUZZ_RULES_DIR;
	char *err = NULL;
	g_rules = gk_rules_load(dir, &err);
	if (!g_rules) {
		fprintf(stderr, "fuzz_rules: cannot load the rules: %s\n", err ? err : "?");
		exit(1);
	}
	find_kinds(dir);
	return 0;
}

static void try_line(const char *s, size_t len)
{
	for (int k = 0; k < g_nkind; k++) {
		const gk_rule *r = gk_rules_first(g_rules, g_kind[k], s);
		if (r)
			FUZZ_CHECK(!strcmp(r->kind, g_kind[k]), "rules_first(%s) gave a rule of kind %s", g_kind[k], r->kind);
		int n;
		const gk_rule *const *rs = gk_rules_of(g_rules, g_kind[k], &n);
		FUZZ_CHECK(n >= 0 && (n == 0 || rs != NULL), "rules_of(%s): %d rules at %p", g_kind[k], n, (void *)rs);
		/* copied: older versions kept one scratch view for all kinds */
		const gk_rule *v[256];
		if (n > 256)
			n = 256;
		if (n > 0)
			memcpy(v, rs, sizeof *v * (size_t)n);
		for (int i = 0; i < n; i++) {
			size_t ov[2] = {(size_t)-1, (size_t)-1};
			if (gk_rule_match(v[i], s, len, ov))
				FUZZ_CHECK(ov[0] <= ov[1] && ov[1] <= len, "rule %s:%d: match [%zu, %zu) of %zu", v[i]->file,
				           v[i]->line, ov[0], ov[1], len);
		}
	}
}

static void check_result(const gk_result *r)
{
	for (int i = 0; i < r->ntable; i++) {
		const gk_table *t = r->tables[i];
		FUZZ_CHECK(t->id && *t->id, "table %d without an id", i);
		FUZZ_CHECK(t->cols.n > 0, "table %s without columns", t->id);
		for (int j = 0; j < t->nrow; j++)
			for (int c = 0; c < t->cols.n; c++)
				FUZZ_CHECK(t->rows[j][c] != NULL, "table %s row %d col %d NULL", t->id, j, c);
	}
	for (int i = 0; i < r->ncheck; i++) {
		const char *st = r->checks[i].status;
		FUZZ_CHECK(st && (!strcmp(st, "ok") || !strcmp(st, "fail") || !strcmp(st, "round") || !strcmp(st, "skip") ||
		                  !strcmp(st, "unsure") || !strcmp(st, "ambiguous")),
		           "check %d: status '%s'", i, st ? st : "(null)");
	}
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	FUZZ_CHECK(f && gk_result_write(f, r) == 0, "gk_result_write failed");
	fclose(f);
	f = fmemopen(buf, len, "r");
	gk_result *back = NULL;
	char *err = NULL;
	int rc = gk_result_read(f, &back, &err);
	FUZZ_CHECK(rc == 1, "gk_result_read of our own output: %d (%s)", rc, err ? err : "");
	FUZZ_CHECK(back->ntable == r->ntable && back->ncheck == r->ncheck, "tables %d/%d checks %d/%d", r->ntable,
	           back->ntable, r->ncheck, back->ncheck);
	for (int i = 0; i < r->ntable; i++) {
		const gk_table *a = r->tables[i], *b = back->tables[i];
		FUZZ_CHECK(a->nrow == b->nrow && a->cols.n == b->cols.n, "table %s shape", a->id);
		for (int j = 0; j < a->nrow; j++)
			for (int c = 0; c < a->cols.n; c++)
				FUZZ_CHECK(!strcmp(a->rows[j][c], b->rows[j][c]), "table %s [%d][%d]: '%s' -> '%s'", a->id, j, c,
				           a->rows[j][c], b->rows[j][c]);
	}
	fclose(f);
	gk_result_drop(back);
	free(err);
	free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* 1: every line against every kind */
	char *s = fuzz_cstr(data, size);
	for (char *line = s; line;) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = 0;
		try_line(line, strlen(line));
		line = nl ? nl + 1 : NULL;
	}
	free(s);

	/* 2: the whole input as a document */
	gk_doc *doc = NULL;
	char *err = NULL;
	if (gk_extract_text("fuzz.txt", (const char *)data, size, &doc, &err) == GK_OK) {
		gk_result *r = gk_normalize(doc, g_rules, NULL);
		FUZZ_CHECK(r != NULL, "gk_normalize returned NULL");
		check_result(r);
		gk_result_drop(r);
	}
	gk_doc_drop(doc);
	free(err);
	return 0;
}
