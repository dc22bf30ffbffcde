/* sqlite.c - the optional SQLite copy of the combined tables.
 *
 * Column types: a code, name or label column (by its key) is TEXT; any
 * other column is REAL when every non-empty value is a plain decimal
 * (-?digits[.digits], no leading zero), else TEXT.  pages and tables_found
 * are INTEGER.  A value of a REAL column with more than 15 significant
 * digits is stored as TEXT in that cell, so no figure is rounded.  Empty
 * cells are NULL.  Values are stored as they are (no formula guard: a
 * database is not a spreadsheet).  The CSV files stay the exact record.
 *
 * Which file is replaced, and how (README "Security"):
 *   - DB must be absent, empty, or a database gongkai wrote: SQLite with
 *     PRAGMA application_id GK_APP_ID (or, written before the id, with
 *     documents and checks tables), holding no table, view, index or
 *     trigger gongkai does not write.  Anything else is refused, so that
 *     neither an input file nor a table a user added is ever lost.
 *   - The new database is built at a fresh temporary name next to DB
 *     (O_EXCL, no links followed), in rollback mode without a journal.
 *   - An absent DB: the finished file is renamed into place (a DB-wal or
 *     DB-journal left there is refused: SQLite would apply it to the new
 *     file).  An existing DB: the new content is copied into it with the
 *     SQLite backup API, one write transaction under SQLite's own locks,
 *     so a reader sees the old or the new database, never a mix, whether
 *     DB is in rollback or WAL mode, and a crash rolls back to the old one.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "loadi.h"

#include "contract.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* PRAGMA application_id of a gongkai database: "GKAI" */
#define GK_APP_ID 0x474B4149
/* how long to wait for readers of an existing database (ms) */
#define BUSY_MS 30000

enum { DB_ABSENT, DB_EMPTY, DB_OURS };

struct gkl_db {
	sqlite3 *h;
	char *path;     /* DB as given */
	char *dir;      /* its directory */
	char *base;     /* its file name */
	char *tmp;      /* the temporary's name in dir */
	char *tmppath;  /* dir/tmp */
	int dirfd, tmpfd;
	int state;      /* DB_* when opened */
};

static void db_free(gkl_db *db)
{
	if (db->h)
		sqlite3_close(db->h);
	if (db->tmp && db->dirfd >= 0)
		unlinkat(db->dirfd, db->tmp, 0);
	if (db->tmpfd >= 0)
		close(db->tmpfd);
	if (db->dirfd >= 0)
		close(db->dirfd);
	free(db->path);
	free(db->dir);
	free(db->base);
	free(db->tmp);
	free(db->tmppath);
	free(db);
}

static int db_fail(gkl_db *db, const char *what, char **err)
{
	*err = gk_strfmt("cannot write '%s': %s", db->path, what ? what : sqlite3_errmsg(db->h));
	return -1;
}

/* A table gongkai writes: documents, checks, a contract id, other_<n>. */
static int our_table(const char *name)
{
	if (!sqlite3_stricmp(name, "documents") || !sqlite3_stricmp(name, "checks") || gk_tabledef_find(name))
		return 1;
	if (sqlite3_strnicmp(name, "other_", 6) || !name[6])
		return 0;
	for (const char *p = name + 6; *p; p++)
		if (*p < '0' || *p > '9')
			return 0;
	return 1;
}

/* With h open on DB: NULL if it is gongkai's, else why not (caller frees). */
static char *not_ours_sql(sqlite3 *h, const char *path)
{
	sqlite3_stmt *st = NULL;
	char *why = NULL;
	int id = 0, ndoc = 0, nchk = 0;
	if (sqlite3_prepare_v2(h, "PRAGMA application_id", -1, &st, NULL) != SQLITE_OK)
		return gk_strfmt("cannot read '%s': %s", path, sqlite3_errmsg(h));
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (sqlite3_prepare_v2(h, "SELECT type, name FROM sqlite_master", -1, &st, NULL) != SQLITE_OK)
		return gk_strfmt("cannot read '%s': %s", path, sqlite3_errmsg(h));
	int rc;
	while (!why && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(st, 0);
		const char *name = (const char *)sqlite3_column_text(st, 1);
		type = type ? type : "";
		name = name ? name : "";
		if (strcmp(type, "table") || !our_table(name))
			why = gk_strfmt("cannot write '%s': it holds %s '%s', which gongkai did not write; gongkai "
			                "replaces only a database it wrote",
			                path, type, name);
		ndoc += !sqlite3_stricmp(name, "documents");
		nchk += !sqlite3_stricmp(name, "checks");
	}
	if (!why && rc != SQLITE_DONE)
		why = gk_strfmt("cannot read '%s': %s", path, sqlite3_errmsg(h));
	sqlite3_finalize(st);
	if (!why && id != GK_APP_ID && !(id == 0 && ndoc && nchk))
		why = gk_strfmt("cannot write '%s': a SQLite database gongkai did not write; gongkai replaces "
		                "only a database it wrote",
		                path);
	return why;
}

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* What is at path: DB_ABSENT, DB_EMPTY or DB_OURS (*page_size set), or -1
 * with *err saying why it must not be replaced. */
static int target_state(const char *path, int *page_size, char **err)
{
	*page_size = 0;
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT)
			return DB_ABSENT;
		*err = gk_strfmt("cannot write '%s': %s", path,
		                 errno == ELOOP ? "a symbolic link (not followed)" : strerror(errno));
		return -1;
	}
	struct stat st;
	unsigned char h[100];
	const char *why = NULL;
	ssize_t n = 0;
	if (fstat(fd, &st) < 0)
		why = strerror(errno);
	else if (!S_ISREG(st.st_mode))
		why = S_ISDIR(st.st_mode) ? strerror(EISDIR) : "not a regular file";
	else if (st.st_size > 0 && ((n = pread(fd, h, sizeof h, 0)) != (ssize_t)sizeof h ||
	                            memcmp(h, "SQLite format 3", 16)))
		why = "not a SQLite database; gongkai replaces only a database it wrote";
	else if (st.st_size > 0 && be32(h + 68) != GK_APP_ID && be32(h + 68) != 0)
		why = "a SQLite database of another application; gongkai replaces only a database it wrote";
	close(fd);
	if (why) {
		*err = gk_strfmt("cannot write '%s': %s", path, why);
		return -1;
	}
	if (st.st_size == 0)
		return DB_EMPTY;
	int ps = h[16] << 8 | h[17];
	*page_size = ps == 1 ? 65536 : ps;
	sqlite3 *db = NULL;
	int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
	char *e = rc == SQLITE_OK ? (sqlite3_busy_timeout(db, BUSY_MS), not_ours_sql(db, path))
	                          : gk_strfmt("cannot read '%s': %s", path, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
	sqlite3_close(db);
	if (e) {
		*err = e;
		return -1;
	}
	return DB_OURS;
}

int gk_load_sqlite_check(const char *path, char **err)
{
	*err = NULL;
	int ps;
	return target_state(path, &ps, err) < 0 ? GK_EWRITE : GK_OK;
}

/* Remove temporaries of path's name that a killed run left in dirfd. */
static void clean_stale(int dirfd, const char *base)
{
	DIR *d = gk_dir_list(dirfd);
	if (!d) {
		return;
	}
	/* ".<base>.tmp.<pid>.<XXXXXX>" -> ".<base>.tmp." */
	char *mine = gk_temp_name(base, "tmp");
	mine[strlen(mine) - 7] = 0;
	strrchr(mine, '.')[1] = 0;
	size_t pre = strlen(mine);
	struct dirent *e;
	gk_strv doomed = {0};
	while ((e = readdir(d))) {
		const char *tag;
		long pid;
		if (!strncmp(e->d_name, mine, pre) && gk_temp_parse(e->d_name, &tag, &pid) && pid > 0 &&
		    pid != (long)getpid() && kill((pid_t)pid, 0) < 0 && errno == ESRCH)
			gk_strv_pushs(&doomed, e->d_name);
	}
	closedir(d);
	for (int i = 0; i < doomed.n; i++)
		unlinkat(dirfd, doomed.v[i], 0);
	gk_strv_drop(&doomed);
	free(mine);
}

gkl_db *gkl_db_open(const char *path, char **err)
{
	gkl_db *db = gk_calloc(1, sizeof *db);
	db->path = gk_strdup(path);
	db->dirfd = db->tmpfd = -1;
	const char *slash = strrchr(path, '/');
	db->dir = slash ? gk_strndup(path, slash == path ? 1 : (size_t)(slash - path)) : gk_strdup(".");
	db->base = gk_strdup(slash ? slash + 1 : path);
	int page_size;
	if (!*db->base) {
		*err = gk_strfmt("cannot write '%s': %s", path, strerror(EISDIR));
		goto fail;
	}
	if ((db->state = target_state(path, &page_size, err)) < 0)
		goto fail;
	if ((db->dirfd = gk_dir_open(db->dir)) < 0) {
		db_fail(db, strerror(errno), err);
		goto fail;
	}
	clean_stale(db->dirfd, db->base);
	if ((db->tmpfd = gk_tmpfile_at(db->dirfd, db->base, &db->tmp)) < 0) {
		db_fail(db, strerror(errno), err);
		goto fail;
	}
	db->tmppath = gk_strfmt("%s/%s", db->dir, db->tmp);
	int rc = sqlite3_open_v2(db->tmppath, &db->h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
	char *sql = gk_strfmt("PRAGMA page_size=%d; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; "
	                      "PRAGMA application_id=%d; BEGIN",
	                      page_size > 0 ? page_size : 4096, GK_APP_ID);
	if (rc != SQLITE_OK || sqlite3_exec(db->h, sql, 0, 0, 0) != SQLITE_OK) {
		free(sql);
		db_fail(db, db->h ? NULL : sqlite3_errstr(rc), err);
		goto fail;
	}
	free(sql);
	return db;
fail:
	db_free(db);
	return NULL;
}

void gkl_db_abort(gkl_db *db)
{
	if (db)
		db_free(db);
}

/* A file next to DB that SQLite would take for DB's journal or WAL. */
static const char *leftover_journal(const gkl_db *db)
{
	static const char *const suffix[] = {"-wal", "-journal"};
	for (int i = 0; i < 2; i++) {
		char *n = gk_strfmt("%s%s", db->base, suffix[i]);
		struct stat st;
		int there = fstatat(db->dirfd, n, &st, AT_SYMLINK_NOFOLLOW) == 0 && (!S_ISREG(st.st_mode) || st.st_size > 0);
		free(n);
		if (there)
			return suffix[i];
	}
	return NULL;
}

/* Copy the finished temporary into the existing DB (backup API). */
static int copy_into(gkl_db *db, char **err)
{
	sqlite3 *dst = NULL, *src = NULL;
	int rc = sqlite3_open_v2(db->path, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
	if (rc != SQLITE_OK) {
		*err = gk_strfmt("cannot write '%s': %s", db->path, dst ? sqlite3_errmsg(dst) : sqlite3_errstr(rc));
		sqlite3_close(dst);
		return -1;
	}
	sqlite3_busy_timeout(dst, BUSY_MS);
	/* once more, now: it must still be ours */
	char *why = not_ours_sql(dst, db->path);
	if (why) {
		*err = why;
		sqlite3_close(dst);
		return -1;
	}
	rc = sqlite3_open_v2(db->tmppath, &src, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL);
	sqlite3_backup *b = rc == SQLITE_OK ? sqlite3_backup_init(dst, "main", src, "main") : NULL;
	int fin = SQLITE_OK;
	if (b) {
		/* one step: one write transaction (the busy timeout waits for readers) */
		rc = sqlite3_backup_step(b, -1);
		fin = sqlite3_backup_finish(b);
		if (rc == SQLITE_DONE && fin != SQLITE_OK)
			rc = fin;
	}
	int ok = b && rc == SQLITE_DONE;
	if (!ok)
		*err = gk_strfmt("cannot write '%s': %s", db->path,
		                 b ? sqlite3_errstr(rc) : sqlite3_errmsg(src && rc == SQLITE_OK ? dst : src));
	sqlite3_close(src);
	sqlite3_close(dst);
	return ok ? 0 : -1;
}

int gkl_db_commit(gkl_db *db, char **err)
{
	int rc = 0;
	struct stat a, b;
	if (sqlite3_exec(db->h, "COMMIT", 0, 0, 0) != SQLITE_OK) {
		rc = db_fail(db, NULL, err);
	} else if (sqlite3_close(db->h) != SQLITE_OK) {
		rc = db_fail(db, NULL, err);
	} else if ((db->h = NULL, fsync(db->tmpfd) < 0 && errno != EINVAL) || fstat(db->tmpfd, &a) < 0) {
		rc = db_fail(db, strerror(errno), err);
	} else if (fstatat(db->dirfd, db->tmp, &b, AT_SYMLINK_NOFOLLOW) < 0 || a.st_ino != b.st_ino ||
	           a.st_dev != b.st_dev || a.st_size == 0) {
		rc = db_fail(db, "its temporary file was replaced while it was written", err);
	} else {
		int ps;
		int now = target_state(db->path, &ps, err);
		const char *j;
		if (now < 0) {
			rc = -1;
		} else if (now == DB_OURS) {
			rc = copy_into(db, err);
		} else if ((j = leftover_journal(db))) {
			*err = gk_strfmt("cannot write '%s': '%s%s' is left over (a database removed without it?); "
			                 "remove it",
			                 db->path, db->path, j);
			rc = -1;
		} else if (renameat2(db->dirfd, db->tmp, db->dirfd, db->base, now == DB_ABSENT ? RENAME_NOREPLACE : 0) <
		                   0 &&
		           (errno != EINVAL || renameat(db->dirfd, db->tmp, db->dirfd, db->base) < 0)) {
			rc = db_fail(db, strerror(errno), err);
		} else {
			free(db->tmp);
			db->tmp = NULL; /* renamed: nothing to remove */
			gk_fsync_fd(db->dirfd);
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
