/*
 * failures.c - OUT/failures.csv: each document whose last run failed,
 * with why (the one-line error of that run), since the manifest keeps
 * only the exit code and a failed input may leave no directory in OUT.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "report.h"

#include "../load/loadi.h"

#include <errno.h>
#include <glib.h>
#include <stdlib.h>
#include <string.h>

static const char *const cols[] = {"doc", "source", "exit_code", "error", "reason"};

static int cmp_row(const void *a, const void *b)
{
	char *const *x = *(char **const *)a, *const *y = *(char **const *)b;
	int r = strcmp(x[0], y[0]);
	return r ? r : strcmp(x[1], y[1]);
}

int gk_failures_write(int outfd, const gk_failure *v, int n)
{
	/* the reasons the file already gives, by document */
	GHashTable *old = g_hash_table_new_full(g_str_hash, g_str_equal, free, free);
	gkl_csv c;
	char *err = NULL;
	size_t oldlen = 0;
	char *olddata = gk_read_file_at(outfd, "failures.csv", &oldlen);
	if (olddata && gkl_csv_read(outfd, "failures.csv", "failures.csv", 1, &c, &err) == 0) {
		int jd = -1, jr = -1, jc = -1;
		for (int j = 0; j < c.hdr.n; j++) {
			jd = !strcmp(c.hdr.v[j], "doc") ? j : jd;
			jr = !strcmp(c.hdr.v[j], "reason") ? j : jr;
			jc = !strcmp(c.hdr.v[j], "exit_code") ? j : jc;
		}
		for (int i = 0; jd >= 0 && jr >= 0 && jc >= 0 && i < c.nrow; i++)
			g_hash_table_replace(old, gk_strfmt("%s\t%s", c.rows[i][jd], c.rows[i][jc]),
			                     gk_strdup(c.rows[i][jr]));
		gkl_csv_drop(&c);
	}
	free(err);

	char ***rows = gk_calloc((size_t)n + 1, sizeof *rows);
	int nr = 0;
	for (int i = 0; i < n; i++) {
		if (v[i].code == 0)
			continue;
		char **r = rows[nr++] = gk_calloc(5, sizeof *r);
		r[0] = gk_strdup(v[i].doc ? v[i].doc : "");
		r[1] = gk_strdup(v[i].source ? v[i].source : "");
		r[2] = gk_strfmt("%d", v[i].code);
		r[3] = gk_strdup(gk_exit_name(v[i].code));
		const char *why = v[i].reason;
		if (!why) {
			char *key = gk_strfmt("%s\t%d", r[0], v[i].code);
			why = g_hash_table_lookup(old, key);
			free(key);
		}
		r[4] = gk_strdup(why ? why : "");
	}
	if (nr > 1)
		qsort(rows, (size_t)nr, sizeof *rows, cmp_row);
	char *data;
	size_t len;
	gk_csv_render(cols, 5, rows, nr, GK_CSV_NEUTRAL, &data, &len);
	int rc = 0;
	if (!olddata || oldlen != len || memcmp(olddata, data, len))
		rc = gk_write_atomic_at(outfd, "failures.csv", data, len);
	int e = errno;
	for (int i = 0; i < nr; i++) {
		for (int j = 0; j < 5; j++)
			free(rows[i][j]);
		free(rows[i]);
	}
	free(rows);
	free(data);
	free(olddata);
	g_hash_table_destroy(old);
	errno = e;
	return rc;
}
