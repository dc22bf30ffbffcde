/* fixture.h - what the unit tests of the readers share: an extract
 * stream (a slice cut from a real page) normalized with rules/, and the
 * lookups of its tables.  Included by one test file each (static). */
#ifndef GK_TEST_FIXTURE_H
#define GK_TEST_FIXTURE_H

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "../../lib/ptext.h"
#include "../../lib/rules.h"
#include "../../lib/table.h"
#include "../../normalize/normalize.h"

/* the extract stream text normalized as document name (dropped by the
 * caller with gk_result_drop) */
static inline gk_result *normalize_stream(const char *text, const char *name)
{
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	cr_assert_not_null(f);
	gk_doc *d = NULL;
	char *err = NULL;
	int rc = gk_doc_read(f, &d, &err);
	fclose(f);
	cr_assert_eq(rc, 1, "%s", err ? err : "");
	gk_rules *rules = gk_rules_load("rules", &err);
	cr_assert_not_null(rules, "%s", err ? err : "");
	gk_result *r = gk_normalize(d, rules, name);
	gk_rules_drop(rules);
	gk_doc_drop(d);
	return r;
}

/* the extract stream in file path (a fixture, from the checkout's top)
 * normalized as document name */
static inline gk_result *normalize_file(const char *path, const char *name)
{
	FILE *f = fopen(path, "r");
	cr_assert_not_null(f, "%s", path);
	gk_doc *d = NULL;
	char *err = NULL;
	int rc = gk_doc_read(f, &d, &err);
	fclose(f);
	cr_assert_eq(rc, 1, "%s: %s", path, err ? err : "");
	gk_rules *rules = gk_rules_load("rules", &err);
	cr_assert_not_null(rules, "%s", err ? err : "");
	gk_result *r = gk_normalize(d, rules, name);
	gk_rules_drop(rules);
	gk_doc_drop(d);
	return r;
}

/* table id of r, which must be there */
static inline const gk_table *fixture_table(const gk_result *r, const char *id)
{
	const gk_table *t = gk_result_find(r, id);
	cr_assert_not_null(t, "no %s", id);
	return t;
}

#endif
