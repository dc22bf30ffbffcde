/* sqlite.c - the optional SQLite copy of the combined tables.
 *
 * Column types: a code, name or label column (by its key) is TEXT; any
 * other column is REAL when every non-empty value is a plain decimal
 * (-?digits[.digits], no leading zero), else TEXT.  pages and tables_found
 * are INTEGER.  A value of a REAL column with more than 15 significant
 * digits is stored as TEXT in that cell, so no figure is rounded.  Empty
 * cells are NULL.  The CSV files stay the exact record. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "loadi.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct gkl_db {
	sqlite3 *h;
	char *path, *tmp;
};

static void db_free(gkl_db *db)
{
	if (db->h)
		sqlite3_close(db->h);
	unlink(db->tmp);
	free(db->path);
	free(db->tmp);
	free(db);
}

static int db_fail(gkl_db *db, const char *what, char **err)
{
	*err = gk_strfmt("cannot write '%s': %s", db->path, what ? what : sqlite3_errmsg(db->h));
	return -1;
}

gkl_db *gkl_db_open(const char *path, char **err)
{
	gkl_db *db = gk_calloc(1, sizeof *db);
	db->path = gk_strdup(path);
	db->tmp = gk_strfmt("%s.tmp.%ld", path, (long)getpid());
	unlink(db->tmp);
	int rc = sqlite3_open_v2(db->tmp, &db->h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK ||
	    sqlite3_exec(db->h, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; BEGIN", 0, 0, 0) !=
	        SQLITE_OK) {
		db_fail(db, db->h ? NULL : sqlite3_errstr(rc), err);
		db_free(db);
		return NULL;
	}
	return db;
}

void gkl_db_abort(gkl_db *db)
{
	if (db)
		db_free(db);
}

int gkl_db_commit(gkl_db *db, char **err)
{
	int rc = 0;
	if (sqlite3_exec(db->h, "COMMIT", 0, 0, 0) != SQLITE_OK) {
		rc = db_fail(db, NULL, err);
	} else if (sqlite3_close(db->h) != SQLITE_OK) {
		rc = db_fail(db, NULL, err);
	} else {
		db->h = NULL;
		int fd = open(db->tmp, O_RDONLY | O_CLOEXEC);
		if (fd < 0 || (fsync(fd) < 0 && errno != EINVAL) || rename(db->tmp, db->path) < 0)
			rc = db_fail(db, strerror(errno), err);
		if (fd >= 0)
			close(fd);
		if (rc == 0) {
			char *dir = gk_strdup(db->path), *slash = strrchr(dir, '/');
			if (slash)
				slash[slash == dir] = 0;
			gkl_fsync_dir(slash ? dir : ".");
			free(dir);
		}
	}
	db_free(db);
	return rc;
}

/* -?(0|[1-9][0-9]*)(\.[0-9]+)?  *sig: significant digits, *isint: no '.' */
static int plain_decimal(const char *s, int *sig, int *isint)
{
	const char *p = s + (*s == '-');
	if (*p < '0' || *p > '9' || (p[0] == '0' && p[1] >= '0' && p[1] <= '9'))
		return 0;
	const char *first = NULL, *last = NULL;
	int dot = 0;
	for (; *p; p++) {
		if (*p == '.' && !dot) {
			dot = 1;
			if (p[1] < '0' || p[1] > '9')
				return 0;
			continue;
		}
		if (*p < '0' || *p > '9')
			return 0;
		if (*p != '0') {
			if (!first)
				first = p;
			last = p;
		}
	}
	*isint = !dot;
	*sig = 0;
	if (first)
		for (const char *q = first; q <= last; q++)
			*sig += *q != '.';
	return 1;
}

static int has(const char *s, const char *sub)
{
	return strstr(s, sub) != NULL;
}

/* Columns whose values are codes, names or labels, whatever they look like. */
static int text_col(const char *c)
{
	static const char *const names[] = {
		"doc", "region", "department", "year", "source", "sha256", "format", "kind",
		"unit_published", "tables_listed", "class", "item", "subitem", "side", "name", "level1",
		"level2", "indicator", "target", "note", "category", "project_type", "table_id", "check",
		"row", "status", NULL};
	for (int i = 0; names[i]; i++)
		if (!strcmp(c, names[i]))
			return 1;
	size_t n = strlen(c);
	return (n >= 5 && (!strcmp(c + n - 5, "_code") || !strcmp(c + n - 5, "_name"))) ||
	       has(c, "code") || has(c, "编码") || has(c, "代码") || has(c, "编号") || has(c, "科目");
}

static int int_col(const char *c)
{
	return !strcmp(c, "pages") || !strcmp(c, "tables_found");
}

static void add_ident(gk_buf *b, const char *s)
{
	gk_buf_addc(b, '"');
	for (; *s; s++) {
		if (*s == '"')
			gk_buf_addc(b, '"');
		gk_buf_addc(b, *s);
	}
	gk_buf_addc(b, '"');
}

int gkl_db_table(gkl_db *db, const char *name, const char *const *cols, int ncols, char ***rows,
                 int nrows, char **err)
{
	char *type = gk_calloc((size_t)ncols + 1, 1);
	gk_strv names = {0};
	for (int j = 0; j < ncols; j++) {
		type[j] = text_col(cols[j]) ? 'T' : int_col(cols[j]) ? 'I' : 'R';
		for (int i = 0; i < nrows && type[j] != 'T'; i++) {
			const char *v = rows[i][j];
			int sig, isint;
			if (!*v)
				continue;
			if (!plain_decimal(v, &sig, &isint))
				type[j] = 'T';
			else if (!isint && type[j] == 'I')
				type[j] = 'R';
		}
		/* SQLite names are case-insensitive and may not be empty */
		char *base = *cols[j] ? gk_strdup(cols[j]) : gk_strfmt("col_%d", j + 1);
		char *nm = gk_strdup(base);
		for (int n = 2;; n++) {
			int dup = 0;
			for (int k = 0; k < names.n && !dup; k++)
				dup = !sqlite3_stricmp(names.v[k], nm);
			if (!dup)
				break;
			free(nm);
			nm = gk_strfmt("%s_%d", base, n);
		}
		free(base);
		gk_strv_push(&names, nm);
	}

	gk_buf sql = {0};
	gk_buf_adds(&sql, "CREATE TABLE ");
	add_ident(&sql, name);
	gk_buf_adds(&sql, " (");
	for (int j = 0; j < ncols; j++) {
		if (j)
			gk_buf_adds(&sql, ", ");
		add_ident(&sql, names.v[j]);
		gk_buf_adds(&sql, type[j] == 'T' ? " TEXT" : type[j] == 'I' ? " INTEGER" : " REAL");
	}
	gk_buf_adds(&sql, ")");
	int rc = 0;
	sqlite3_stmt *st = NULL;
	if (sqlite3_exec(db->h, sql.s, 0, 0, 0) != SQLITE_OK) {
		rc = db_fail(db, NULL, err);
		goto done;
	}
	gk_buf_reset(&sql);
	gk_buf_adds(&sql, "INSERT INTO ");
	add_ident(&sql, name);
	gk_buf_adds(&sql, " VALUES (");
	for (int j = 0; j < ncols; j++)
		gk_buf_adds(&sql, j ? ", ?" : "?");
	gk_buf_adds(&sql, ")");
	if (ncols && sqlite3_prepare_v2(db->h, sql.s, -1, &st, NULL) != SQLITE_OK) {
		rc = db_fail(db, NULL, err);
		goto done;
	}
	for (int i = 0; st && i < nrows; i++) {
		sqlite3_reset(st);
		for (int j = 0; j < ncols; j++) {
			const char *v = rows[i][j];
			int sig, isint;
			if (!*v)
				sqlite3_bind_null(st, j + 1);
			else if (type[j] == 'I' && plain_decimal(v, &sig, &isint) && sig <= 15)
				sqlite3_bind_int64(st, j + 1, strtoll(v, NULL, 10));
			else if (type[j] == 'R' && plain_decimal(v, &sig, &isint) && sig <= 15)
				sqlite3_bind_double(st, j + 1, strtod(v, NULL));
			else
				sqlite3_bind_text(st, j + 1, v, -1, SQLITE_STATIC);
		}
		if (sqlite3_step(st) != SQLITE_DONE) {
			rc = db_fail(db, NULL, err);
			goto done;
		}
	}
done:
	sqlite3_finalize(st);
	gk_buf_drop(&sql);
	gk_strv_drop(&names);
	free(type);
	return rc;
}
