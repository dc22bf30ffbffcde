/*
 * run.c - `gongkai run` and `gongkai combine`: see run.h.
 *
 * The parent walks the inputs, loads the rules once, locks OUT, reads the
 * manifest, names every input (identify: README "Document identity") and
 * then keeps up to -j forked workers busy, one document each.  A worker
 * runs extract (itself in a limited child), normalize and load and reports
 * one line back over a pipe; the parent records the result in the manifest
 * (one line appended per document) and at the end rebuilds the combined
 * files unless OUT is exactly as the last combine left it.
 *
 * Manifest OUT/.gongkai-manifest: a journal, '#' lines are comments except
 *   "# gongkai manifest 2"    the format
 *   "# combined <TAB> SIG"   SIG = signature of OUT after the last combine
 * and one line per document processed, fields escaped (gk_buf_add_escaped):
 *   doc path sha256 version rules_hash exit pages tables checks_failed opts
 *   stat realpath aliases
 * where stat ("size:mtime:inode" of the input when it was read) lets an
 * unchanged file skip hashing, as git's index does.  A later line for the
 * same doc (or SIG) replaces an earlier one, so recording a document costs
 * one append whatever the size of the manifest; the file is rewritten
 * (sorted, one line per document) when superseded lines outnumber the
 * live ones, when it was written by an earlier version (10 or 11 fields),
 * or when its last line was cut off.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "run.h"

#include "../extract/extract.h"
#include "gk.h"
#include "../load/load.h"
#include "../normalize/normalize.h"
#include "../report/report.h"
#include "ptext.h"
#include "rules.h"
#include "table.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <glib.h>
#include <limits.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* GK_ASAN (gk.h): RLIMIT_AS and AddressSanitizer do not mix */

#define MANIFEST ".gongkai-manifest"      /* a text manifest: taken in, then gone */
#define MANIFEST_DB ".gongkai-manifest.db" /* the manifest (SQLite) */
#define LOCKFILE ".gongkai.lock"
#define MANIFEST_FIELDS 13

/* ---- small helpers ---------------------------------------------------- */

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* dir + "/" + name, without doubling a trailing slash of dir */
static char *path_join(const char *dir, const char *name)
{
	size_t n = strlen(dir);
	while (n > 1 && dir[n - 1] == '/')
		n--;
	return gk_strfmt("%.*s/%s", (int)n, dir, name);
}

static int is_doc_ext(const char *name)
{
	const char *dot = strrchr(name, '.');
	return dot && (!strcasecmp(dot, ".pdf") || !strcasecmp(dot, ".txt") || !strcasecmp(dot, ".md"));
}

/* SHA-256 of a file's bytes, streamed.  0, or -1 (out left empty). */
static int sha_file(const char *path, char out[65])
{
	out[0] = 0;
	/* O_NONBLOCK: a FIFO without a writer must not hang the parent */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return -1;
	struct stat st;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return -1;
	}
	GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
	static char buf[1 << 16];
	ssize_t n;
	while ((n = read(fd, buf, sizeof buf)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			g_checksum_free(c);
			close(fd);
			return -1;
		}
		g_checksum_update(c, (const guchar *)buf, (gsize)n);
	}
	close(fd);
	g_strlcpy(out, g_checksum_get_string(c), 65);
	g_checksum_free(c);
	return 0;
}

/* ---- OUT: lock, leftovers, signature -------------------------------- */

/* Take OUT/.gongkai.lock (dfd: OUT).  Returns the fd, or -1 after
 * reporting, with *code set.  A symbolic link there is not followed (nor
 * is anything else in OUT): someone else put it there. */
static int lock_out(const char *outdir, int dfd, int *code)
{
	char *p = path_join(outdir, LOCKFILE);
	int fd = openat(dfd, LOCKFILE, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0644);
	struct stat st;
	if (fd >= 0 && fstat(fd, &st) == 0 && !S_ISREG(st.st_mode)) {
		close(fd);
		fd = -1;
		errno = EINVAL;
	}
	if (fd < 0) {
		gk_error("cannot lock '%s': %s", p,
		         errno == ELOOP ? "a symbolic link (not followed; remove it)"
		         : errno == EINVAL ? "not a regular file (remove it)" : strerror(errno));
		*code = GK_EWRITE;
		free(p);
		return -1;
	}
	while (flock(fd, LOCK_EX | LOCK_NB) < 0) {
		if (errno == EINTR)
			continue;
		if (errno == EWOULDBLOCK) {
			gk_error("'%s' is in use by another gongkai run (lock '%s'); try later", outdir, p);
			*code = GK_ELOCKED;
		} else {
			gk_error("cannot lock '%s': %s", p, strerror(errno));
			*code = GK_EWRITE;
		}
		close(fd);
		free(p);
		return -1;
	}
	free(p);
	return fd;
}

/* Remove what a killed run left at the top of OUT (dfd): temporary names
 * (gk_temp_parse) of documents, the manifest and combined tables, and the
 * "<table>.csv.tmp.<pid>" files of earlier versions.  Only called with the
 * lock held, so no live run owns them.  Nothing is followed. */
static void clean_leftovers(int dfd)
{
	DIR *d = gk_dir_list(dfd);
	if (!d) {
		return;
	}
	struct dirent *de;
	gk_strv doomed = {0};
	while ((de = readdir(d))) {
		const char *tag;
		long pid;
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..") || !gk_temp_parse(de->d_name, &tag, &pid))
			continue;
		struct stat st;
		if (fstatat(dfd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0)
			continue;
		if (de->d_name[0] == '.' || (!S_ISDIR(st.st_mode) && !strcmp(tag, "tmp")))
			gk_strv_pushs(&doomed, de->d_name);
	}
	closedir(d);
	for (int i = 0; i < doomed.n; i++)
		gk_rmtree_at(dfd, doomed.v[i]);
	gk_strv_drop(&doomed);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void add_stat(gk_buf *b, const struct stat *st)
{
	gk_buf_addf(b, "%o\t%ju\t%ju\t%jd\t%lld.%09ld\t%lld.%09ld", (unsigned)st->st_mode, (uintmax_t)st->st_dev,
	            (uintmax_t)st->st_ino, (intmax_t)st->st_size, (long long)st->st_mtim.tv_sec,
	            st->st_mtim.tv_nsec, (long long)st->st_ctim.tv_sec, st->st_ctim.tv_nsec);
}

/* The top level of dfd (and the directories of documents found under a
 * directory, which hold no document.csv), as lines name<TAB>stat. */
static void sig_dir(int dfd, const char *prefix, int depth, gk_strv *v)
{
	DIR *d = gk_dir_list(dfd);
	if (!d)
		return;
	struct dirent *de;
	while ((de = readdir(d))) {
		struct stat st;
		if (de->d_name[0] == '.' || fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0)
			continue;
		if (!strcmp(de->d_name, "report")) /* rebuilt by --report: no document */
			continue;
		gk_buf b = {0};
		gk_buf_adds(&b, prefix);
		gk_buf_add_escaped(&b, de->d_name);
		gk_buf_addc(&b, '\t');
		add_stat(&b, &st);
		gk_strv_push(v, gk_buf_take(&b));
		if (S_ISDIR(st.st_mode) && depth < 15) {
			int sfd = gk_subdir_open(dirfd(d), de->d_name);
			struct stat ds;
			if (sfd >= 0 && fstatat(sfd, "document.csv", &ds, AT_SYMLINK_NOFOLLOW) < 0) {
				char *p = gk_strfmt("%s%s/", prefix, de->d_name);
				sig_dir(sfd, p, depth + 1, v);
				free(p);
			}
			if (sfd >= 0)
				close(sfd);
		}
	}
	closedir(d);
}

static void sig_file(gk_buf *b, const char *what, const char *path)
{
	struct stat st;
	gk_buf_addf(b, "%s=", what);
	gk_buf_add_escaped(b, path);
	gk_buf_addc(b, '\t');
	if (lstat(path, &st) == 0)
		add_stat(b, &st);
	else
		gk_buf_adds(b, "missing");
	gk_buf_addc(b, '\n');
}

/* Signature of the visible part of OUT (every per-document directory is
 * replaced by a rename, so a new inode, when it changes) and of the output
 * options.  NULL if OUT cannot be read. */
static char *out_signature(const gk_run_opts *o)
{
	int dfd = gk_dir_open(o->outdir);
	if (dfd < 0)
		return NULL;
	gk_strv v = {0};
	sig_dir(dfd, "", 0, &v);
	close(dfd);
	if (v.n > 1)
		qsort(v.v, (size_t)v.n, sizeof *v.v, cmp_str);
	gk_buf b = {0};
	gk_buf_addf(&b, "%s\nbom=%d\nraw=%d\n", GK_VERSION, o->bom, o->raw_cells);
	if (o->sqlite)
		sig_file(&b, "sqlite", o->sqlite);
	if (o->xlsx)
		sig_file(&b, "xlsx", o->xlsx);
	for (int i = 0; i < v.n; i++) {
		gk_buf_adds(&b, v.v[i]);
		gk_buf_addc(&b, '\n');
	}
	gk_strv_drop(&v);
	char hex[65];
	gk_sha256_hex(b.s, b.len, hex);
	gk_buf_drop(&b);
	return gk_strdup(hex);
}

/* ---- manifest --------------------------------------------------------- */

typedef struct entry {
	char *doc, *path, *sha, *version, *rules, *opts, *stat, *real, *aliases;
	int code, pages, tables, checks_failed;
} entry;

enum { Q_DOC, Q_REAL, Q_SHA, Q_UNDER, Q_PUT, Q_SIG, Q_PUTSIG, Q_ALL, NQ };

typedef struct manifest {
	char *path;         /* OUT/.gongkai-manifest.db, for messages */
	int dfd;            /* OUT (borrowed) */
	sqlite3 *db;        /* NULL: none could be opened (everything is redone) */
	sqlite3_stmt *q[NQ];
	GHashTable *cache;  /* doc -> entry * (owned): what this run read or wrote */
	char *sig;          /* OUT signature after the last combine, or NULL */
	char *err;          /* why it could not be opened */
} manifest;

static void entry_free(gpointer p)
{
	entry *e = p;
	free(e->doc), free(e->path), free(e->sha), free(e->version), free(e->rules), free(e->opts);
	free(e->stat), free(e->real), free(e->aliases);
	free(e);
}

static const char *const entry_cols =
	"doc, path, sha256, version, rules, exit, pages, tables, checks_failed, opts, stat, realpath, aliases";

static entry *entry_of_row(sqlite3_stmt *st)
{
	entry *e = gk_calloc(1, sizeof *e);
	char **s[] = {&e->doc, &e->path, &e->sha, &e->version, &e->rules};
	for (int k = 0; k < 5; k++)
		*s[k] = gk_strdup(sqlite3_column_text(st, k) ? (const char *)sqlite3_column_text(st, k) : "");
	int *n[] = {&e->code, &e->pages, &e->tables, &e->checks_failed};
	for (int k = 0; k < 4; k++)
		*n[k] = sqlite3_column_int(st, 5 + k);
	char **t[] = {&e->opts, &e->stat, &e->real, &e->aliases};
	for (int k = 0; k < 4; k++)
		*t[k] = gk_strdup(sqlite3_column_text(st, 9 + k) ? (const char *)sqlite3_column_text(st, 9 + k) : "");
	return e;
}

/* The entry a query with one text parameter finds first, cached. */
static const entry *m_find(manifest *m, int q, const char *arg)
{
	if (!m->db || !arg)
		return NULL;
	if (q == Q_DOC) {
		const entry *c = g_hash_table_lookup(m->cache, arg);
		if (c)
			return c;
	}
	sqlite3_stmt *st = m->q[q];
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, arg, -1, SQLITE_TRANSIENT);
	entry *e = NULL;
	if (sqlite3_step(st) == SQLITE_ROW)
		e = entry_of_row(st);
	sqlite3_reset(st);
	if (!e)
		return NULL;
	const entry *c = g_hash_table_lookup(m->cache, e->doc);
	if (c) { /* (what this run wrote is newer than nothing else) */
		entry_free(e);
		return c;
	}
	g_hash_table_insert(m->cache, e->doc, e);
	return e;
}

static const entry *m_by_doc(manifest *m, const char *doc)
{
	return m_find(m, Q_DOC, doc);
}

static const entry *m_by_real(manifest *m, const char *real)
{
	return m_find(m, Q_REAL, real);
}

/* a document of these bytes, a successful one first */
static const entry *m_by_sha(manifest *m, const char *sha)
{
	return *sha ? m_find(m, Q_SHA, sha) : NULL;
}

/* Does some document's name start with "<name>/" (is name a directory
 * of documents)? */
static int m_has_under(manifest *m, const char *name)
{
	if (!m->db)
		return 0;
	sqlite3_stmt *st = m->q[Q_UNDER];
	char *lo = gk_strfmt("%s/", name), *hi = gk_strfmt("%s0", name); /* '0' follows '/' */
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, lo, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, hi, -1, SQLITE_TRANSIENT);
	int r = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	free(lo), free(hi);
	return r;
}

static int m_fail(manifest *m)
{
	errno = EIO;
	free(m->err);
	m->err = gk_strdup(m->db ? sqlite3_errmsg(m->db) : "no manifest");
	return -1;
}

/* Record a document (e owned by m from now on): one statement, one
 * transaction, whatever the number of documents.  0, or -1. */
static int manifest_put(manifest *m, entry *e)
{
	g_hash_table_replace(m->cache, e->doc, e);
	if (!m->db)
		return m_fail(m);
	sqlite3_stmt *st = m->q[Q_PUT];
	const char *t[] = {e->doc, e->path, e->sha, e->version, e->rules};
	sqlite3_reset(st);
	for (int k = 0; k < 5; k++)
		sqlite3_bind_text(st, k + 1, t[k], -1, SQLITE_STATIC);
	int n[] = {e->code, e->pages, e->tables, e->checks_failed};
	for (int k = 0; k < 4; k++)
		sqlite3_bind_int(st, 6 + k, n[k]);
	const char *u[] = {e->opts, e->stat, e->real, e->aliases};
	for (int k = 0; k < 4; k++)
		sqlite3_bind_text(st, 10 + k, u[k] ? u[k] : "", -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : m_fail(m);
}

/* Record the signature of OUT after a combine (sig owned by m). */
static int manifest_sig(manifest *m, char *sig)
{
	free(m->sig);
	m->sig = sig;
	if (!m->db)
		return m_fail(m);
	sqlite3_stmt *st = m->q[Q_PUTSIG];
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, sig ? sig : "-", -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : m_fail(m);
}

/* A text manifest (of an earlier version, or lines scripts/shard merge
 * carried over) is taken into the database and goes: it is first renamed
 * aside, so a crash can lose its lines (those documents are redone) but
 * never bring back old ones.  Lines: the fields of entry_cols, escaped,
 * TAB-separated (10 or 11 of them in earlier versions); "# combined" SIG. */
static void manifest_import(manifest *m)
{
	char *aside = NULL;
	struct stat st;
	if (fstatat(m->dfd, MANIFEST, &st, AT_SYMLINK_NOFOLLOW) < 0 || !S_ISREG(st.st_mode) ||
	    gk_rename_aside(m->dfd, MANIFEST, "old", &aside) < 0)
		return;
	size_t len;
	char *s = gk_read_file_at(m->dfd, aside, &len);
	if (s && sqlite3_exec(m->db, "BEGIN", 0, 0, 0) == SQLITE_OK) {
		char *line = s, *nl;
		for (; *line && (nl = memchr(line, '\n', len - (size_t)(line - s))); line = nl + 1) {
			*nl = 0;
			if (!strncmp(line, "# combined\t", 11)) {
				char *sig = gk_unescape(line + 11, strlen(line + 11));
				manifest_sig(m, sig);
				continue;
			}
			char *f[MANIFEST_FIELDS + 1];
			int nf = line[0] == '#' ? 0 : gk_split_tabs(line, f, MANIFEST_FIELDS + 1);
			if (nf != MANIFEST_FIELDS && nf != 11 && nf != 10)
				continue;
			entry *e = gk_calloc(1, sizeof *e);
			char **dst[] = {&e->doc, &e->path, &e->sha, &e->version, &e->rules};
			for (int k = 0; k < 5; k++)
				*dst[k] = gk_unescape(f[k], strlen(f[k]));
			e->code = atoi(f[5]);
			e->pages = atoi(f[6]);
			e->tables = atoi(f[7]);
			e->checks_failed = atoi(f[8]);
			e->opts = gk_unescape(f[9], strlen(f[9]));
			e->stat = nf > 10 ? gk_unescape(f[10], strlen(f[10])) : gk_strdup("");
			if (nf > 11) {
				e->real = gk_unescape(f[11], strlen(f[11]));
				e->aliases = gk_unescape(f[12], strlen(f[12]));
			} else {
				char *r = realpath(e->path, NULL);
				e->real = r ? r : gk_strdup(e->path);
				e->aliases = gk_strdup("");
			}
			manifest_put(m, e);
		}
		sqlite3_exec(m->db, "COMMIT", 0, 0, 0);
	}
	free(s);
	unlinkat(m->dfd, aside, 0);
	free(aside);
	g_hash_table_remove_all(m->cache);
}

static const char *const manifest_sql =
	"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
	"CREATE TABLE IF NOT EXISTS docs (doc TEXT PRIMARY KEY, path TEXT, sha256 TEXT, version TEXT, rules TEXT,"
	" exit INTEGER, pages INTEGER, tables INTEGER, checks_failed INTEGER, opts TEXT, stat TEXT,"
	" realpath TEXT, aliases TEXT);"
	"CREATE INDEX IF NOT EXISTS docs_realpath ON docs (realpath);"
	"CREATE INDEX IF NOT EXISTS docs_sha256 ON docs (sha256, exit);"
	"CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);";

/* Open OUT/.gongkai-manifest.db (created if missing; never through a
 * symbolic link, nor its journal: SQLITE_OPEN_NOFOLLOW), taking in a text
 * manifest found beside it. */
static void manifest_open(manifest *m, int dfd, const char *outdir)
{
	memset(m, 0, sizeof *m);
	m->path = path_join(outdir, MANIFEST_DB);
	m->dfd = dfd;
	m->cache = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, entry_free);
	int rc = sqlite3_open_v2(m->path, &m->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_busy_timeout(m->db, 10000);
		rc = sqlite3_exec(m->db, manifest_sql, 0, 0, 0);
	}
	char *qs[NQ];
	qs[Q_DOC] = gk_strfmt("SELECT %s FROM docs WHERE doc = ?1", entry_cols);
	qs[Q_REAL] = gk_strfmt("SELECT %s FROM docs WHERE realpath = ?1 LIMIT 1", entry_cols);
	qs[Q_SHA] = gk_strfmt("SELECT %s FROM docs WHERE sha256 = ?1 ORDER BY exit != 0 LIMIT 1", entry_cols);
	qs[Q_UNDER] = gk_strdup("SELECT 1 FROM docs WHERE doc >= ?1 AND doc < ?2 LIMIT 1");
	qs[Q_PUT] = gk_strfmt("INSERT OR REPLACE INTO docs (%s) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
	                      entry_cols);
	qs[Q_SIG] = gk_strdup("SELECT value FROM meta WHERE key = 'combined'");
	qs[Q_PUTSIG] = gk_strdup("INSERT OR REPLACE INTO meta (key, value) VALUES ('combined', ?1)");
	qs[Q_ALL] = gk_strfmt("SELECT %s FROM docs ORDER BY doc", entry_cols);
	for (int k = 0; k < NQ; k++) {
		if (rc == SQLITE_OK)
			rc = sqlite3_prepare_v2(m->db, qs[k], -1, &m->q[k], NULL);
		free(qs[k]);
	}
	if (rc != SQLITE_OK) {
		m->err = gk_strdup(m->db ? sqlite3_errmsg(m->db) : sqlite3_errstr(rc));
		for (int k = 0; k < NQ; k++)
			sqlite3_finalize(m->q[k]), m->q[k] = NULL;
		sqlite3_close(m->db);
		m->db = NULL;
		return;
	}
	manifest_import(m);
	if (sqlite3_step(m->q[Q_SIG]) == SQLITE_ROW && sqlite3_column_text(m->q[Q_SIG], 0))
		m->sig = gk_strdup((const char *)sqlite3_column_text(m->q[Q_SIG], 0));
	sqlite3_reset(m->q[Q_SIG]);
	if (m->sig && !strcmp(m->sig, "-")) {
		free(m->sig);
		m->sig = NULL;
	}
}

static void manifest_close(manifest *m)
{
	for (int k = 0; k < NQ; k++)
		sqlite3_finalize(m->q[k]);
	if (m->db)
		sqlite3_close(m->db);
	g_hash_table_destroy(m->cache);
	free(m->path);
	free(m->sig);
	free(m->err);
}

static void add_field(gk_buf *b, const char *s, int last)
{
	gk_buf_add_escaped(b, s);
	gk_buf_addc(b, last ? '\n' : '\t');
}

static void entry_line(gk_buf *b, const entry *e)
{
	add_field(b, e->doc, 0);
	add_field(b, e->path, 0);
	add_field(b, e->sha, 0);
	add_field(b, e->version, 0);
	add_field(b, e->rules, 0);
	gk_buf_addf(b, "%d\t%d\t%d\t%d\t", e->code, e->pages, e->tables, e->checks_failed);
	add_field(b, e->opts, 0);
	add_field(b, e->stat ? e->stat : "", 0);
	add_field(b, e->real ? e->real : "", 0);
	add_field(b, e->aliases ? e->aliases : "", 1);
}

/* The manifest as text lines (`gongkai manifest`; what scripts/shard
 * merge carries over, and a text manifest taken in again). */
static int manifest_print(manifest *m, FILE *f)
{
	if (!m->db)
		return -1;
	gk_buf b = {0};
	gk_buf_adds(&b, "# gongkai manifest 2: what OUT/<doc> was made from; see driver/run.c\n"
	                "# doc\tpath\tsha256\tversion\trules\texit\tpages\ttables\tchecks_failed\topts\tstat\trealpath\taliases\n");
	sqlite3_stmt *st = m->q[Q_ALL];
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		entry *e = entry_of_row(st);
		entry_line(&b, e);
		entry_free(e);
		if (b.len > 1 << 16) {
			fwrite(b.s, 1, b.len, f);
			gk_buf_reset(&b);
		}
	}
	sqlite3_reset(st);
	gk_buf_adds(&b, "# combined\t");
	add_field(&b, m->sig ? m->sig : "-", 1);
	fwrite(b.s, 1, b.len, f);
	gk_buf_drop(&b);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* ---- inputs ----------------------------------------------------------- */

enum { ST_PENDING, ST_FAILED_EARLY, ST_SKIPPED, ST_KNOWN, ST_ALIAS, ST_RUNNING, ST_DONE };
/* what a processed document is to OUT */
enum { K_NEW, K_CHANGED, K_REDONE };

typedef struct input {
	char *path;    /* as given, or as found under a directory */
	char *file;    /* the file read: path, or a copy of standard input */
	char *real;    /* realpath(path), or path if it has none */
	char *base;    /* the name it would have: its path under the directory
	                  given, or its file name, without extension */
	char *doc;     /* the name it got; NULL for an input that never became a document */
	int state, code, kind;
	char *msg;
	int pages, tables, checks_failed;
	char sha[65];
	char st[80];   /* size:mtime:inode when identified, "" if not a regular file */
	int alias_of;  /* ST_ALIAS: the input whose document it is, or -1 */
	char *alias_doc; /* ST_ALIAS of a document of an earlier run: its name */
	char *aliases; /* of a document: the other paths of its bytes, ';'-joined */
	int meta;      /* its row of --meta, or -1 */
	char *opts;    /* the output options that shape OUT/<doc>/ */
	int is_tmp;    /* path is a temporary copy of stdin */
} input;

typedef struct slot {
	pid_t pid;
	int fd;  /* read end of the report pipe */
	int idx; /* input */
} slot;

typedef struct run {
	const gk_run_opts *o;
	input *in;
	int n, cap;
	GHashTable *doc_idx; /* doc -> index + 1 (keys borrowed from in[]) */
	GHashTable *sha_idx; /* sha -> index + 1 of the input that is its document */
	GHashTable *dirs;    /* the directories of the documents' names ("a" of "a/b", owned) */
	GHashTable *seen;    /* realpaths and "dev:ino" of directories (owned) */

	gk_rules *rules;
	const char *rules_hash;
	const char *opts;   /* output options that shape OUT/<doc>/ */
	gk_csvfile meta;    /* --meta */
	GHashTable *meta_idx; /* path as given, realpath, "sha:"+sha256 -> row + 1 (the first) */
	manifest m;
	int lockfd;
	int outfd; /* OUT, opened once */
	pid_t parent;
	slot *slots;
	int nslot;

	/* counters */
	int done, processed, skipped, failed, known, dups, tables, checks_failed;
	int knew, kchanged, kredone;
	long pages;
	int write_error;
	double t0, last_draw;
	int tty, drawn;
} run;

static input *add_input(run *R, const char *path)
{
	if (R->n == R->cap) {
		R->cap = R->cap ? R->cap * 2 : 64;
		R->in = gk_realloc(R->in, sizeof *R->in * (size_t)R->cap);
	}
	input *in = &R->in[R->n++];
	memset(in, 0, sizeof *in);
	in->path = gk_strdup(path);
	in->file = gk_strdup(path);
	in->real = gk_strdup(path);
	in->alias_of = -1;
	in->meta = -1;
	return in;
}

static void fail_early(input *in, int code, char *msg)
{
	in->state = ST_FAILED_EARLY;
	in->code = code;
	in->msg = msg;
}

/* Why a document name cannot be used (a component empty or starting with
 * a dot; the first ending in .csv, as the combined tables do), or NULL. */
static const char *bad_name(const char *name)
{
	if (!*name)
		return "empty";
	for (const char *p = name;;) {
		const char *e = strchr(p, '/');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		if (n == 0)
			return "empty";
		if (*p == '.')
			return "starting with a dot";
		if (p == name && n > 4 && !strncasecmp(p + n - 4, ".csv", 4))
			return "ending in .csv, as the combined tables do";
		if (!e)
			return NULL;
		p = e + 1;
	}
}

/* path, its name base (owned) */
static void add_file(run *R, const char *path, char *base)
{
	char *real = realpath(path, NULL);
	if (real) {
		if (g_hash_table_contains(R->seen, real)) {
			free(real); /* the same file named twice: once is enough */
			free(base);
			return;
		}
		g_hash_table_add(R->seen, gk_strdup(real));
	}
	input *in = add_input(R, path);
	if (real) {
		free(in->real);
		in->real = real;
	}
	const char *why = bad_name(base);
	if (why) {
		fail_early(in, GK_EUSAGE, gk_strfmt("cannot name a document '%s' (%s)", base, why));
		free(base);
		return;
	}
	in->base = base;
}

/* base of a file found under a directory: its path there without extension */
static char *rel_base(const char *rel)
{
	const char *slash = strrchr(rel, '/');
	const char *leaf = slash ? slash + 1 : rel;
	const char *dot = strrchr(leaf, '.');
	size_t n = dot && dot != leaf ? (size_t)(dot - rel) : strlen(rel);
	return gk_strndup(rel, n);
}

static void walk(run *R, const char *dir, const char *rel)
{
	struct stat st;
	if (stat(dir, &st) == 0) {
		char *key = gk_strfmt("dir %ju:%ju", (uintmax_t)st.st_dev, (uintmax_t)st.st_ino);
		if (g_hash_table_contains(R->seen, key)) {
			free(key); /* a symlink loop, or a directory named twice */
			return;
		}
		g_hash_table_add(R->seen, key);
	}
	DIR *d = opendir(dir);
	if (!d) {
		fail_early(add_input(R, dir), GK_EOPEN, gk_strfmt("cannot open directory: %s", strerror(errno)));
		return;
	}
	gk_strv names = {0};
	struct dirent *de;
	while ((de = readdir(d)))
		if (de->d_name[0] != '.')
			gk_strv_pushs(&names, de->d_name);
	closedir(d);
	if (names.n > 1)
		qsort(names.v, (size_t)names.n, sizeof *names.v, cmp_str);
	for (int i = 0; i < names.n; i++) {
		char *p = path_join(dir, names.v[i]);
		char *r = *rel ? gk_strfmt("%s/%s", rel, names.v[i]) : gk_strdup(names.v[i]);
		int rs = stat(p, &st), e = errno;
		if (rs < 0 && e == EACCES) {
			/* listed but not searchable (r without x): what is in it
			 * cannot be told, so the directory fails, not silently */
			fail_early(add_input(R, dir), GK_EOPEN, gk_strfmt("cannot search directory: %s", strerror(e)));
			free(p);
			free(r);
			break;
		}
		if (rs == 0 && S_ISDIR(st.st_mode))
			walk(R, p, r);
		else if (is_doc_ext(names.v[i]) && (rs < 0 || S_ISREG(st.st_mode)))
			add_file(R, p, rel_base(r)); /* a dangling link is reported by the extractor */
		free(p);
		free(r);
	}
	gk_strv_drop(&names);
}

/* "-": standard input, copied to a temporary file (the document is read
 * twice: for its hash, and by the extractor).  NULL after reporting. */
static char *stdin_copy(void)
{
	char *err = NULL;
	char *tmp = gk_stdin_file(&err);
	if (!tmp) {
		gk_error("%s", err);
		free(err);
	}
	return tmp;
}

static int collect_inputs(run *R, char *const *paths, int npaths)
{
	for (int i = 0; i < npaths; i++) {
		struct stat st;
		if (!strcmp(paths[i], "-")) {
			char *tmp = stdin_copy();
			if (!tmp)
				return -1;
			add_file(R, tmp, gk_strdup(R->o->name ? R->o->name : "stdin"));
			input *in = &R->in[R->n - 1];
			in->is_tmp = 1;
			free(in->path);
			in->path = gk_strdup("-"); /* (messages and document.csv say so) */
			free(in->real);
			in->real = gk_strdup("-");
			free(in->file);
			in->file = tmp;
		} else if (stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			walk(R, paths[i], "");
		} else {
			/* named explicitly: taken whatever it is, named by its file
			 * name (or --name) */
			add_file(R, paths[i], R->o->name ? gk_strdup(R->o->name) : gk_doc_name(paths[i]));
		}
	}
	return 0;
}


/* ---- --meta ------------------------------------------------------------ */

/* document.csv columns --meta may not set (the key columns aside) */
static const char *const meta_fixed[] = {"doc", "source", "format", "pages", "tables_found", "tables_listed",
                                         "unit_published", "aliases", "repaired", "pages_without_text",
                                         "pages_garbled", "ocr_pages", "ocr_confidence", NULL};
/* the columns whose values replace what was read */
static const char *const meta_over[] = {"region", "department", "year", "kind", "url", NULL};

static int in_list(const char *const *l, const char *s)
{
	for (int i = 0; l[i]; i++)
		if (!strcmp(l[i], s))
			return 1;
	return 0;
}

static int col_of(const gk_strv *h, const char *k)
{
	for (int j = 0; j < h->n; j++)
		if (!strcmp(h->v[j], k))
			return j;
	return -1;
}

static void meta_idx_add(GHashTable *h, char *key, int row)
{
	if (g_hash_table_contains(h, key))
		free(key); /* the first row wins */
	else
		g_hash_table_insert(h, key, GINT_TO_POINTER(row + 1));
}

/* Index the rows of --meta once, by their path as given, its real path
 * (from here and from the directory of FILE.csv) and "sha:" + sha256
 * (lower case): a lookup per input, whatever the number of rows. */
static void index_meta(run *R)
{
	R->meta_idx = g_hash_table_new_full(g_str_hash, g_str_equal, free, NULL);
	const gk_strv *h = &R->meta.hdr;
	int cp = col_of(h, "path"), cs = col_of(h, "sha256");
	char *mdir = NULL;
	const char *slash = strrchr(R->o->meta, '/');
	if (slash)
		mdir = gk_strndup(R->o->meta, (size_t)(slash - R->o->meta));
	for (int i = 0; i < R->meta.nrow; i++) {
		const char *p = cp >= 0 ? R->meta.rows[i][cp] : "";
		if (*p) {
			meta_idx_add(R->meta_idx, gk_strdup(p), i);
			char *r1 = realpath(p, NULL);
			if (r1)
				meta_idx_add(R->meta_idx, r1, i);
			char *j = mdir && *p != '/' ? gk_strfmt("%s/%s", mdir, p) : NULL;
			char *r2 = j ? realpath(j, NULL) : NULL;
			if (r2)
				meta_idx_add(R->meta_idx, r2, i);
			free(j);
		}
		const char *sh = cs >= 0 ? R->meta.rows[i][cs] : "";
		if (*sh) {
			char *k = gk_strfmt("sha:%s", sh);
			for (char *q = k + 4; *q; q++)
				*q = (char)g_ascii_tolower(*q);
			meta_idx_add(R->meta_idx, k, i);
		}
	}
	free(mdir);
}

/* Read --meta.  0, or -1 after reporting (*code set). */
static int load_meta(run *R, int *code)
{
	const char *f = R->o->meta;
	char *err = NULL;
	if (gk_csvfile_read(f, &R->meta, &err) < 0) {
		gk_error("%s", err);
		free(err);
		*code = GK_EOPEN;
		return -1;
	}
	const gk_strv *h = &R->meta.hdr;
	int cp = col_of(h, "path"), cs = col_of(h, "sha256");
	if (cp < 0 && cs < 0) {
		gk_error("'%s': no column 'path' or 'sha256' to find the documents by", f);
		*code = GK_EUSAGE;
		return -1;
	}
	for (int j = 0; j < h->n; j++) {
		if (!*h->v[j] || in_list(meta_fixed, h->v[j]) || col_of(h, h->v[j]) != j) {
			gk_error("'%s': column '%s' cannot be set (gongkai writes it)", f, *h->v[j] ? h->v[j] : "(empty)");
			*code = GK_EUSAGE;
			return -1;
		}
	}
	int ck = col_of(h, "kind");
	for (int i = 0; ck >= 0 && i < R->meta.nrow; i++) {
		const char *k = R->meta.rows[i][ck];
		if (*k && strcmp(k, "预算") && strcmp(k, "决算")) {
			gk_error("'%s': record %d: kind '%s' is not 预算 or 决算", f, i + 2, k);
			*code = GK_EUSAGE;
			return -1;
		}
	}
	index_meta(R);
	return 0;
}

/* The row of --meta for an input: the first whose path (as given, or
 * from the directory of FILE.csv) is the input's, or whose sha256 is its
 * bytes'. */
static int find_meta(run *R, const input *in)
{
	if (!R->o->meta || !R->meta_idx)
		return -1;
	int best = 0;
	const char *keys[] = {in->real, in->path};
	for (int k = 0; k < 2; k++) {
		int r = keys[k] ? GPOINTER_TO_INT(g_hash_table_lookup(R->meta_idx, keys[k])) : 0;
		if (r && (!best || r < best))
			best = r;
	}
	if (*in->sha) {
		char *k = gk_strfmt("sha:%s", in->sha);
		for (char *q = k + 4; *q; q++)
			*q = (char)g_ascii_tolower(*q);
		int r = GPOINTER_TO_INT(g_hash_table_lookup(R->meta_idx, k));
		free(k);
		if (r && (!best || r < best))
			best = r;
	}
	return best - 1;
}

/* ---- identity ------------------------------------------------------------ */

/* What a document failed of itself: not a document, bad encoding,
 * encrypted, a scan, damaged, no table.  Remembered by its bytes. */
static int input_is_bad(int code)
{
	return code == GK_EFORMAT || code == GK_EENCODING || code == GK_EENCRYPTED || code == GK_ENOTEXT ||
	       code == GK_EDAMAGED;
}

static int permanent(int code)
{
	return input_is_bad(code) || code == GK_ENOTABLE;
}

static void add_dirs(GHashTable *dirs, const char *name)
{
	for (const char *p = strchr(name, '/'); p; p = strchr(p + 1, '/'))
		g_hash_table_add(dirs, gk_strndup(name, (size_t)(p - name)));
}

/* Is name free for the source at real?  0 free; 1 taken (by another
 * input, another source in OUT, or a directory of other documents);
 * 2 + k: its first k bytes are a document (a/b under the document a). */
static int name_taken(run *R, const char *name, const char *real, const char *sha_of)
{
	for (const char *p = strchr(name, '/'); p; p = strchr(p + 1, '/')) {
		char *pre = gk_strndup(name, (size_t)(p - name));
		int doc = g_hash_table_contains(R->doc_idx, pre) || m_by_doc(&R->m, pre);
		free(pre);
		if (doc)
			return 2 + (int)(p - name);
	}
	if (g_hash_table_contains(R->doc_idx, name) || g_hash_table_contains(R->dirs, name) || m_has_under(&R->m, name))
		return 1;
	const entry *e = m_by_doc(&R->m, name);
	if (e)
		return strcmp(e->real, real) != 0;
	/* a document the manifest does not know (a run killed before it
	 * recorded it): this one's if it says so, by its bytes or its source */
	gk_load_opts lo = {.outdir = R->o->outdir};
	if (!gk_load_doc_exists(&lo, name))
		return 0;
	char *sha = gk_load_doc_field(&lo, name, "sha256"), *src = gk_load_doc_field(&lo, name, "source");
	char *sreal = src ? realpath(src, NULL) : NULL;
	int mine = (sha && *sha_of && !strcmp(sha, sha_of)) || (sreal && !strcmp(sreal, real)) || (src && !strcmp(src, real));
	free(sha), free(src), free(sreal);
	return !mine;
}

/* A name for in: its base, else (taken) the base with "~" and the start of
 * its SHA-256 (a component that is another document's gets it). */
static char *choose_name(run *R, const input *in)
{
	char *name = gk_strdup(in->base);
	for (int k = 0;; k++) {
		int t = name_taken(R, name, in->real, in->sha);
		if (!t)
			return name;
		char tag[40];
		if (in->sha[0] && k < 3)
			snprintf(tag, sizeof tag, "~%.*s", 8 << k, in->sha);
		else
			snprintf(tag, sizeof tag, "~%d", k + 2);
		char *n2;
		if (t >= 2) /* the component that is a document: a/b -> a~1234abcd/b */
			n2 = gk_strfmt("%.*s%s%s", t - 2, in->base, tag, in->base + (t - 2));
		else
			n2 = gk_strfmt("%s%s", in->base, tag);
		free(name);
		name = n2;
	}
}

static const char *manifest_ok_name(run *R, const char *sha)
{
	const entry *e = m_by_sha(&R->m, sha);
	return e ? e->doc : NULL;
}

/* ';'-joined, sorted, unique: old's paths and more */
static char *join_aliases(const char *old, const gk_strv *more)
{
	gk_strv v = {0};
	if (old && *old) {
		char *s = gk_strdup(old);
		for (char *p = s, *q; p; p = q) {
			q = strchr(p, ';');
			if (q)
				*q++ = 0;
			if (*p)
				gk_strv_pushs(&v, p);
		}
		free(s);
	}
	for (int i = 0; more && i < more->n; i++)
		gk_strv_pushs(&v, more->v[i]);
	if (v.n > 1)
		qsort(v.v, (size_t)v.n, sizeof *v.v, cmp_str);
	gk_buf b = {0};
	for (int i = 0; i < v.n; i++)
		if (i == 0 || strcmp(v.v[i], v.v[i - 1])) {
			if (b.len)
				gk_buf_addc(&b, ';');
			gk_buf_adds(&b, v.v[i]);
		}
	gk_strv_drop(&v);
	return b.s ? gk_buf_take(&b) : gk_strdup("");
}

static void set_stat(input *in)
{
	struct stat st;
	in->st[0] = 0;
	if (stat(in->file, &st) == 0 && S_ISREG(st.st_mode))
		snprintf(in->st, sizeof in->st, "%lld:%lld.%09ld:%llu", (long long)st.st_size, (long long)st.st_mtim.tv_sec,
		         st.st_mtim.tv_nsec, (unsigned long long)st.st_ino);
}

/* Name every input (README "Document identity"): identical bytes are one
 * document, the others its aliases; a file keeps the name it had in OUT;
 * a name another source has in OUT (or another input) is not taken from
 * it.  Then what each has to be: skipped as unchanged, a failure
 * remembered, or processed. */
static void identify(run *R)
{
	for (int i = 0; i < R->n; i++) {
		input *in = &R->in[i];
		if (in->state == ST_FAILED_EARLY)
			continue;
		/* the file as the manifest last saw it (size, mtime, inode):
		 * its hash is known; anything else is hashed (unreadable: "",
		 * the extractor says why) */
		set_stat(in);
		const entry *known = m_by_real(&R->m, in->real);
		if (known && in->st[0] && known->stat && !strcmp(known->stat, in->st) && strlen(known->sha) == 64)
			memcpy(in->sha, known->sha, 65);
		else
			sha_file(in->file, in->sha);
		gpointer first = in->sha[0] ? g_hash_table_lookup(R->sha_idx, in->sha) : NULL;
		const char *earlier = manifest_ok_name(R, in->sha);
		if (first) { /* the same bytes as an input before it */
			in->state = ST_ALIAS;
			in->alias_of = GPOINTER_TO_INT(first) - 1;
			continue;
		}
		if (!known && earlier && !g_hash_table_contains(R->doc_idx, earlier)) {
			/* the bytes of a document of an earlier run, from another
			 * path: that document (if its output is still there, or it
			 * failed of itself) */
			const entry *e = m_by_doc(&R->m, earlier);
			gk_load_opts lo = {.outdir = R->o->outdir};
			if (e && (permanent(e->code) || (e->code == GK_OK && gk_load_doc_exists(&lo, earlier)))) {
				in->state = ST_ALIAS;
				in->alias_doc = gk_strdup(earlier);
				in->code = e->code == GK_OK ? GK_OK : e->code;
				continue;
			}
		}
		char *name = known ? gk_strdup(known->doc) : choose_name(R, in);
		if (!known && strcmp(name, in->base))
			gk_warn("'%s': the name '%s' belongs to another document; named '%s'", in->path, in->base, name);
		in->doc = name;
		g_hash_table_insert(R->doc_idx, name, GINT_TO_POINTER(i + 1));
		add_dirs(R->dirs, name);
		if (in->sha[0])
			g_hash_table_insert(R->sha_idx, in->sha, GINT_TO_POINTER(i + 1));
	}
	/* aliases, and what to do */
	for (int i = 0; i < R->n; i++) {
		input *in = &R->in[i];
		if (!in->doc)
			continue;
		gk_strv more = {0};
		for (int j = i + 1; j < R->n; j++)
			if (R->in[j].state == ST_ALIAS && R->in[j].alias_of == i)
				gk_strv_pushs(&more, R->in[j].path);
		const entry *e = m_by_doc(&R->m, in->doc);
		in->aliases = join_aliases(e ? e->aliases : NULL, &more);
		gk_strv_drop(&more);
		in->meta = find_meta(R, in);
		/* the row of an alias of this run (the same bytes by another
		 * path: the row describes these bytes too) */
		for (int j = i + 1; j < R->n && in->meta < 0; j++)
			if (R->in[j].state == ST_ALIAS && R->in[j].alias_of == i)
				in->meta = find_meta(R, &R->in[j]);
		if (in->meta >= 0) {
			gk_buf b = {0};
			for (int j = 0; j < R->meta.hdr.n; j++) {
				gk_buf_add_escaped(&b, R->meta.hdr.v[j]);
				gk_buf_addc(&b, '=');
				gk_buf_add_escaped(&b, R->meta.rows[in->meta][j]);
				gk_buf_addc(&b, '\t');
			}
			char hex[65];
			gk_sha256_hex(b.s, b.len, hex);
			gk_buf_drop(&b);
			in->opts = gk_strfmt("%s,meta=%.12s", R->opts, hex);
		} else {
			in->opts = gk_strdup(R->opts);
		}
		int same = e && in->sha[0] && !strcmp(e->sha, in->sha) && !strcmp(e->version, GK_VERSION) &&
		           !strcmp(e->rules, R->rules_hash);
		in->kind = !e ? K_NEW : same || (in->sha[0] && !strcmp(e->sha, in->sha)) ? K_REDONE : K_CHANGED;
		gk_load_opts lo = {.outdir = R->o->outdir};
		if (!R->o->force && same && e->code == GK_OK && !strcmp(e->opts, in->opts) &&
		    gk_load_doc_exists(&lo, in->doc)) {
			in->state = ST_SKIPPED;
			in->pages = e->pages;
			in->tables = e->tables;
			in->checks_failed = e->checks_failed;
		} else if (!R->o->force && !R->o->retry_failed && same && permanent(e->code)) {
			in->state = ST_KNOWN;
			in->code = e->code;
		}
	}
}

/* ---- progress and messages -------------------------------------------- */
static void progress_clear(run *R)
{
	if (R->drawn) {
		fputs("\r\033[K", stderr);
		R->drawn = 0;
	}
}

static void progress(run *R)
{
	if (!R->tty)
		return;
	double t = now_s();
	if (R->done < R->n && t - R->last_draw < 0.1)
		return;
	R->last_draw = t;
	double el = t - R->t0;
	double rate = el > 0 ? (double)R->pages / el : 0;
	double eta = R->done ? (double)(R->n - R->done) * el / R->done : 0;
	fprintf(stderr, "\r[%d/%d] %d docs, %ld pages, %.1f pages/s, ETA %.0fs\033[K", R->done, R->n, R->processed,
	        R->pages, rate, eta);
	R->drawn = 1;
}

/* ---- workers ---------------------------------------------------------- */

static int doc_pages(const gk_doc *doc)
{
	if (doc->npage > 0)
		return doc->npage;
	const char *p = gk_doc_meta(doc, "pages");
	return p ? atoi(p) : 0;
}

/* After extraction the worker itself runs normalize and load: the same
 * limits apply to it, so that no document can hang or swamp a run.  The
 * parent turns the outcome into a message (reap). */
static void limit_worker(const gk_limits *lim)
{
	if (lim->cpu_s > 0) /* SIGXCPU at the soft limit, SIGKILL a second later */
		gk_set_limit(RLIMIT_CPU, (rlim_t)lim->cpu_s, (rlim_t)lim->cpu_s + 1);
	if (lim->mem_mb > 0 && !GK_ASAN)
		gk_set_limit(RLIMIT_AS, (rlim_t)lim->mem_mb << 20, (rlim_t)lim->mem_mb << 20);
	if (lim->wall_s > 0)
		alarm((unsigned)lim->wall_s);
}

/* Registered last in the worker, so run first on exit() (gk_malloc exits
 * when memory runs out): leave at once with that status, without the
 * parent's exit handlers. */
static void worker_exit(int status, void *arg)
{
	(void)arg;
	_exit(status);
}

/* Out of memory in the worker: exit GK_ELIMIT without a message of its
 * own; the parent reports it, naming the document (reap). */
static void worker_oom(size_t n)
{
	(void)n;
	_exit(GK_ELIMIT);
}

/* glib's allocation failures (G_LOG_LEVEL_ERROR, then abort) likewise */
static void worker_log(const gchar *domain, GLogLevelFlags level, const gchar *msg, gpointer data)
{
	if ((level & G_LOG_LEVEL_ERROR) && msg && strstr(msg, "allocate"))
		_exit(GK_ELIMIT);
	g_log_default_handler(domain, level, msg, data);
}

/* The worker: one document, one report line, _exit. */

/* What the user said about the document (--meta) and its aliases: they
 * win over what was read. */
static void apply_meta(const run *R, const input *in, gk_result *r)
{
	gk_result_set_meta(r, "source", in->path);
	gk_result_set_meta(r, "aliases", in->aliases ? in->aliases : "");
	if (in->meta < 0)
		return;
	const gk_strv *h = &R->meta.hdr;
	char **row = R->meta.rows[in->meta];
	for (int j = 0; j < h->n; j++) {
		const char *k = h->v[j];
		if (!strcmp(k, "path") || !strcmp(k, "sha256"))
			continue;
		if (in_list(meta_over, k)) {
			if (*row[j])
				gk_result_set_meta(r, k, row[j]);
		} else {
			char *x = gk_strfmt("extra:%s", k);
			gk_result_set_meta(r, x, row[j]);
			free(x);
		}
	}
}

/* The worker: one document, one report line, _exit. */
static _Noreturn void worker(run *R, int idx, int fd)
{
	prctl(PR_SET_PDEATHSIG, SIGKILL); /* a killed run takes its workers along */
	if (getppid() != R->parent)
		_exit(0);
	on_exit(worker_exit, NULL);
	gk_set_oom_handler(worker_oom);
	g_log_set_default_handler(worker_log, NULL);
	close(R->lockfd); /* the lock belongs to the parent alone */
	/* (the manifest's database connection belongs to the parent: never
	 * touched here, not even closed) */
	for (int s = 0; s < R->nslot; s++)
		if (R->slots[s].pid > 0)
			close(R->slots[s].fd);

	const input *in = &R->in[idx];
	const gk_run_opts *o = R->o;
	gk_doc *doc = NULL;
	char *err = NULL, *sha = gk_strdup(in->sha);
	int pages = 0, tables = 0, fails = 0;
	gk_load_opts lo = {.outdir = o->outdir, .bom = o->bom, .raw_cells = o->raw_cells, .sqlite = NULL};
	int code = gk_extract_isolated(in->file, &o->limits, &doc, &err);
	if (code == GK_OK) {
		limit_worker(&o->limits);
		pages = doc_pages(doc);
		const char *s = gk_doc_meta(doc, "sha256");
		if (s && *s) {
			free(sha);
			sha = gk_strdup(s);
		}
		gk_result *r = gk_normalize(doc, R->rules, in->doc);
		gk_result_set_meta(r, "doc", in->doc);
		apply_meta(R, in, r);
		tables = r->ntable;
		for (int i = 0; i < r->ncheck; i++)
			fails += r->checks[i].status && !strcmp(r->checks[i].status, "fail");
		code = gk_load_doc(&lo, r, &err);
		if (code == GK_OK && tables == 0) {
			code = GK_ENOTABLE;
			err = gk_strdup("no budget table found");
		}
		gk_result_drop(r);
		gk_doc_drop(doc);
	} else if (input_is_bad(code)) {
		gk_load_drop_doc(&lo, in->doc);
	}
	if (code != GK_OK && !err)
		err = gk_strfmt("failed (%s)", gk_exit_name(code));

	gk_buf b = {0};
	gk_buf_addf(&b, "GKR\t%d\t%d\t%d\t%d\t", code, pages, tables, fails);
	gk_buf_add_escaped(&b, sha);
	gk_buf_addc(&b, '\t');
	gk_buf_add_escaped(&b, err ? err : "");
	if (b.len > 3000) { /* one write below PIPE_BUF: atomic */
		b.len = 3000;
		while (b.len > 0 && ((unsigned char)b.s[b.len] & 0xC0) == 0x80)
			b.len--; /* not inside a UTF-8 sequence */
	}
	gk_buf_addc(&b, '\n');
	for (size_t off = 0; off < b.len;) {
		ssize_t w = write(fd, b.s + off, b.len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		off += (size_t)w;
	}
	gk_buf_drop(&b);
	free(err);
	free(sha);
	_exit(0);
}

static int spawn(run *R, int idx, slot *sl)
{
	int p[2];
	if (pipe2(p, O_CLOEXEC) < 0)
		return -1;
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		int e = errno;
		close(p[0]);
		close(p[1]);
		errno = e;
		return -1;
	}
	if (pid == 0) {
		close(p[0]);
		worker(R, idx, p[1]);
	}
	close(p[1]);
	fcntl(p[0], F_SETFL, O_NONBLOCK);
	sl->pid = pid;
	sl->fd = p[0];
	sl->idx = idx;
	return 0;
}

/* Read the report of a worker that has exited, into its input. */
static void reap(run *R, slot *sl, int status)
{
	input *in = &R->in[sl->idx];
	gk_buf b = {0};
	char tmp[4096];
	for (;;) {
		ssize_t r = read(sl->fd, tmp, sizeof tmp);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		gk_buf_add(&b, tmp, (size_t)r);
	}
	close(sl->fd);
	sl->pid = 0;
	in->state = ST_DONE;

	char *f[7];
	int ok = b.len > 0 && b.s[b.len - 1] == '\n';
	if (ok) {
		b.s[--b.len] = 0;
		ok = gk_split_tabs(b.s, f, 7) == 7 && !strcmp(f[0], "GKR");
	}
	if (ok) {
		in->code = atoi(f[1]);
		in->pages = atoi(f[2]);
		in->tables = atoi(f[3]);
		in->checks_failed = atoi(f[4]);
		char *sha = gk_unescape(f[5], strlen(f[5]));
		if (strlen(sha) == 64)
			memcpy(in->sha, sha, 65);
		free(sha);
		in->msg = in->code ? gk_unescape(f[6], strlen(f[6])) : NULL;
	} else if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM) {
		in->code = GK_ELIMIT;
		in->msg = gk_strfmt("wall time limit (%ld s) exceeded after extraction", R->o->limits.wall_s);
	} else if (WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU) {
		in->code = GK_ELIMIT;
		in->msg = gk_strfmt("cpu time limit (%ld s) exceeded after extraction", R->o->limits.cpu_s);
	} else if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) {
		/* not from us (SIGXCPU comes first at the cpu limit): the
		 * kernel's out-of-memory killer, or an operator */
		in->code = GK_ELIMIT;
		in->msg = gk_strfmt("killed by the system after extraction (signal %d: out of memory?)", SIGKILL);
	} else if (WIFSIGNALED(status)) {
		in->code = GK_EINTERNAL;
		in->msg = gk_strfmt("worker crashed (signal %d)", WTERMSIG(status));
	} else if (WIFEXITED(status) && WEXITSTATUS(status) == GK_ELIMIT) {
		in->code = GK_ELIMIT; /* gk_malloc's exit on failure */
		in->msg = gk_strfmt("memory limit (%ld MiB) exceeded after extraction", R->o->limits.mem_mb);
	} else {
		in->code = GK_EINTERNAL;
		in->msg = gk_strfmt("worker exited without a report (status %d)", WEXITSTATUS(status));
	}
	gk_buf_drop(&b);
}

static entry *entry_of(const run *R, const input *in)
{
	entry *e = gk_calloc(1, sizeof *e);
	e->doc = gk_strdup(in->doc);
	e->path = gk_strdup(in->path);
	e->sha = gk_strdup(in->sha);
	e->version = gk_strdup(GK_VERSION);
	e->rules = gk_strdup(R->rules_hash);
	e->opts = gk_strdup(in->opts ? in->opts : R->opts);
	e->stat = gk_strdup(in->st);
	e->real = gk_strdup(in->real);
	e->aliases = gk_strdup(in->aliases ? in->aliases : "");
	e->code = in->code;
	e->pages = in->pages;
	e->tables = in->tables;
	e->checks_failed = in->checks_failed;
	return e;
}

static void record(run *R, entry *e)
{
	if (manifest_put(&R->m, e) < 0 && !R->write_error) {
		progress_clear(R);
		gk_error("cannot write '%s': %s", R->m.path, R->m.err ? R->m.err : strerror(errno));
		R->write_error = 1;
	}
}

/* A document is finished (processed, skipped, remembered, an alias or
 * failed early). */
static void finish(run *R, input *in)
{
	R->done++;
	switch (in->state) {
	case ST_SKIPPED:
		R->skipped++;
		break;
	case ST_KNOWN:
		R->known++;
		if (R->n == 1) {
			progress_clear(R);
			gk_error("'%s': %s (remembered from an earlier run: not retried until the file changes; "
			         "--retry-failed)", in->path, gk_exit_name(in->code));
		}
		break;
	case ST_ALIAS:
		R->dups++;
		break;
	default:
		R->pages += in->pages;
		if (in->state == ST_DONE) {
			R->processed++;
			/* (disjoint from failed: the log counts each document once) */
			R->knew += in->code == GK_OK && in->kind == K_NEW;
			R->kchanged += in->code == GK_OK && in->kind == K_CHANGED;
			R->kredone += in->code == GK_OK && in->kind == K_REDONE;
		}
		if (in->code != GK_OK) {
			R->failed++;
			progress_clear(R);
			gk_error("'%s': %s", in->path, in->msg ? in->msg : gk_exit_name(in->code));
		}
	}
	if (in->state == ST_SKIPPED || in->state == ST_DONE) {
		R->tables += in->tables;
		R->checks_failed += in->checks_failed;
	}
	if (in->state == ST_DONE && in->doc) {
		record(R, entry_of(R, in));
		free(R->m.sig); /* OUT changed: the next combine is due */
		R->m.sig = NULL;
	}
	progress(R);
}

/* Start the next document, or finish it at once (skipped, remembered, an
 * alias, failed early).  Returns 1 if a worker was started. */
static int dispatch(run *R, int idx, slot *sl)
{
	input *in = &R->in[idx];
	if (in->state != ST_PENDING) {
		finish(R, in);
		return 0;
	}
	if (spawn(R, idx, sl) < 0) {
		in->state = ST_DONE;
		in->code = GK_ELIMIT;
		in->msg = gk_strfmt("cannot start a worker: %s", strerror(errno));
		finish(R, in);
		return 0;
	}
	in->state = ST_RUNNING;
	return 1;
}

static void process_all(run *R)
{
	int next = 0, running = 0;
	while (next < R->n || running > 0) {
		/* fill every free slot; skipped documents do not take one */
		for (int s = 0; s < R->nslot && next < R->n; s++)
			while (R->slots[s].pid == 0 && next < R->n)
				running += dispatch(R, next++, &R->slots[s]);
		if (running == 0)
			continue;
		int status;
		pid_t pid = waitpid(-1, &status, 0);
		if (pid < 0) {
			if (errno == EINTR)
				continue;
			break; /* ECHILD: cannot happen with running > 0 */
		}
		for (int s = 0; s < R->nslot; s++)
			if (R->slots[s].pid == pid) {
				reap(R, &R->slots[s], status);
				running--;
				finish(R, &R->in[R->slots[s].idx]);
				break;
			}
	}
}

/* The aliases found now of documents not processed now (skipped, or of an
 * earlier run): their document.csv and manifest lines get them. */
static void update_aliases(run *R)
{
	GHashTable *add = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, NULL);
	gk_strv names = {0};
	for (int i = 0; i < R->n; i++) {
		const input *in = &R->in[i];
		const char *doc = in->alias_doc ? in->alias_doc
		                  : in->state == ST_ALIAS && in->alias_of >= 0 && R->in[in->alias_of].state == ST_SKIPPED
		                          ? R->in[in->alias_of].doc
		                          : NULL;
		if (!doc)
			continue;
		gk_strv *v = g_hash_table_lookup(add, doc);
		if (!v) {
			v = gk_calloc(1, sizeof *v);
			g_hash_table_insert(add, (gpointer)doc, v);
			gk_strv_pushs(&names, doc);
		}
		gk_strv_pushs(v, in->path);
	}
	for (int k = 0; k < names.n; k++) {
		gk_strv *v = g_hash_table_lookup(add, names.v[k]);
		const entry *e = m_by_doc(&R->m, names.v[k]);
		char *al = e ? join_aliases(e->aliases, v) : NULL;
		if (e && strcmp(al, e->aliases)) {
			gk_load_opts lo = {.outdir = R->o->outdir, .bom = R->o->bom, .raw_cells = R->o->raw_cells};
			char *err = NULL;
			if (e->code == GK_OK && gk_load_set_meta(&lo, e->doc, "aliases", al, &err) != GK_OK) {
				gk_error("%s", err);
				R->write_error = 1;
			} else {
				entry *n2 = gk_calloc(1, sizeof *n2);
				*n2 = *e;
				char **f[] = {&n2->doc, &n2->path, &n2->sha, &n2->version, &n2->rules, &n2->opts, &n2->stat,
				              &n2->real};
				for (size_t q = 0; q < sizeof f / sizeof *f; q++)
					*f[q] = gk_strdup(*f[q] ? *f[q] : "");
				n2->aliases = gk_strdup(al);
				record(R, n2);
				free(R->m.sig);
				R->m.sig = NULL;
			}
			free(err);
		}
		free(al);
		gk_strv_drop(v);
		free(v);
	}
	gk_strv_drop(&names);
	g_hash_table_destroy(add);
}

/* OUT/failures.csv: every document the manifest m says failed, and the
 * inputs of run R (NULL: gongkai combine) that failed before they were
 * documents, with R's error (report/failures.c keeps an earlier run's
 * for the others).  0, or -1 with errno set. */
static int failures_from(int outfd, manifest *m, const run *R)
{
	int k = 0, cap = 16 + (R ? R->n : 0);
	gk_failure *v = gk_calloc((size_t)cap, sizeof *v);
	GPtrArray *held = g_ptr_array_new_with_free_func(entry_free);
	sqlite3_stmt *st = m->db ? m->q[Q_ALL] : NULL;
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		entry *e = entry_of_row(st);
		if (e->code == GK_OK) {
			entry_free(e);
			continue;
		}
		g_ptr_array_add(held, e);
		if (k == cap)
			v = gk_realloc(v, sizeof *v * (size_t)(cap *= 2));
		gpointer idx = R ? g_hash_table_lookup(R->doc_idx, e->doc) : NULL;
		const input *in = idx ? &R->in[GPOINTER_TO_INT(idx) - 1] : NULL;
		v[k++] = (gk_failure){e->doc, e->path, e->code, in && in->state == ST_DONE ? in->msg : NULL};
	}
	if (st)
		sqlite3_reset(st);
	for (int i = 0; R && i < R->n; i++)
		if (R->in[i].state == ST_FAILED_EARLY) {
			if (k == cap)
				v = gk_realloc(v, sizeof *v * (size_t)(cap *= 2));
			v[k++] = (gk_failure){R->in[i].doc, R->in[i].path, R->in[i].code, R->in[i].msg};
		}
	int rc = gk_failures_write(outfd, v, k), e = errno;
	free(v);
	g_ptr_array_free(held, TRUE);
	errno = e;
	return rc;
}

static void write_failures(run *R)
{
	if (failures_from(R->outfd, &R->m, R) < 0 && !R->write_error) {
		progress_clear(R);
		gk_error("cannot write '%s/failures.csv': %s", R->o->outdir, strerror(errno));
		R->write_error = 1;
	}
}

/* ---- combine ---------------------------------------------------------- */

/* Combine unless OUT is as the last combine left it.  0, or -1 after
 * reporting. */
static int combine_if_needed(const gk_run_opts *o, manifest *m, int force)
{
	char *sig = out_signature(o);
	if (!force && sig && m->sig && !strcmp(sig, m->sig)) {
		free(sig);
		return 0;
	}
	free(sig);
	char *err = NULL;
	gk_load_opts lo = {.outdir = o->outdir, .bom = o->bom, .raw_cells = o->raw_cells, .sqlite = o->sqlite,
	                   .xlsx = o->xlsx};
	if (gk_load_combine(&lo, &err) != GK_OK) {
		gk_error("%s", err ? err : "cannot write the combined tables");
		free(err);
		free(m->sig);
		m->sig = NULL;
		return -1;
	}
	free(err);
	if (manifest_sig(m, out_signature(o)) < 0) {
		gk_error("cannot write '%s': %s", m->path, m->err ? m->err : strerror(errno));
		return -1;
	}
	return 0;
}

/* ---- entry points ----------------------------------------------------- */

void gk_run_opts_init(gk_run_opts *o)
{
	memset(o, 0, sizeof *o);
	o->limits = gk_default_limits;
}

int gk_parse_limits(const char *s, gk_limits *lim)
{
	long *dst[] = {&lim->mem_mb, &lim->cpu_s, &lim->wall_s};
	long val[3] = {lim->mem_mb, lim->cpu_s, lim->wall_s};
	const char *p = s;
	for (int k = 0; k < 3; k++) {
		if (*p != ',' && *p) {
			char *end;
			errno = 0;
			if (*p < '0' || *p > '9')
				return -1;
			val[k] = strtol(p, &end, 10);
			if (errno || val[k] < 0)
				return -1;
			p = end;
		}
		if (k < 2) {
			if (*p == ',')
				p++;
			else if (*p)
				return -1;
		}
	}
	if (*p)
		return -1;
	for (int k = 0; k < 3; k++)
		*dst[k] = val[k];
	return 0;
}

/* Create OUT if need be, open it (*dfd) and lock it.  Returns the lock's
 * fd, or -1 after reporting, with *code set. */
static int prepare_out(const char *outdir, int *dfd, int *code)
{
	if (gk_mkdirs(outdir) < 0 || (*dfd = gk_dir_open(outdir)) < 0) {
		gk_error("cannot create output directory '%s': %s", outdir, strerror(errno));
		*code = GK_EWRITE;
		return -1;
	}
	int fd = lock_out(outdir, *dfd, code);
	if (fd < 0) {
		close(*dfd);
		*dfd = -1;
	}
	return fd;
}

/* --sqlite DB: refuse at once a file gongkai must not replace. */
static int check_sqlite(const gk_run_opts *o)
{
	char *err = NULL;
	if (!o->sqlite || gk_load_sqlite_check(o->sqlite, &err) == GK_OK)
		return 0;
	gk_error("%s", err);
	free(err);
	return -1;
}

/* --xlsx FILE: not a directory, not a link */
static int check_xlsx(const gk_run_opts *o)
{
	struct stat st;
	if (!o->xlsx || lstat(o->xlsx, &st) < 0 || S_ISREG(st.st_mode))
		return 0;
	gk_error("cannot write '%s': %s", o->xlsx, S_ISDIR(st.st_mode) ? strerror(EISDIR) : "not a regular file");
	return -1;
}

static int exit_code(const run *R)
{
	if (R->write_error)
		return GK_EWRITE;
	if (R->n == 1) {
		const input *in = &R->in[0];
		if (in->code == GK_OK && R->o->strict && in->checks_failed > 0)
			return GK_ECHECKS;
		return in->code;
	}
	if (R->failed)
		return GK_EFAIL;
	if (R->o->strict && R->checks_failed > 0)
		return GK_ECHECKS;
	return GK_OK;
}

/* --strict: the documents whose checks failed, one line each */
static void name_failed_checks(run *R)
{
	for (int i = 0; i < R->n; i++) {
		const input *in = &R->in[i];
		if ((in->state == ST_DONE || in->state == ST_SKIPPED) && in->code == GK_OK && in->checks_failed > 0)
			gk_error("'%s': %d consistency check%s failed (see '%s/%s/checks.csv')", in->path, in->checks_failed,
			         in->checks_failed == 1 ? "" : "s", R->o->outdir, in->doc);
	}
}

/* --stats FILE: the run's counts on one line, key=value */
static void write_stats(run *R, double secs)
{
	char *s = gk_strfmt("documents=%d new=%d changed=%d redone=%d skipped=%d failed=%d known_failed=%d "
	                    "duplicates=%d tables=%d checks_failed=%d pages=%ld seconds=%.1f\n",
	                    R->n, R->knew, R->kchanged, R->kredone, R->skipped, R->failed, R->known, R->dups, R->tables,
	                    R->checks_failed, R->pages, secs);
	if (gk_write_file(R->o->stats, s, strlen(s)) < 0) {
		gk_error("cannot write '%s': %s", R->o->stats, strerror(errno));
		R->write_error = 1;
	}
	free(s);
}

int gk_run(const gk_run_opts *o, char *const *paths, int npaths)
{
	run R = {0};
	R.o = o;
	R.lockfd = -1;
	R.t0 = now_s();
	R.parent = getpid();
	R.outfd = -1;
	R.doc_idx = g_hash_table_new(g_str_hash, g_str_equal);
	R.sha_idx = g_hash_table_new(g_str_hash, g_str_equal);
	R.dirs = g_hash_table_new_full(g_str_hash, g_str_equal, free, NULL);
	R.seen = g_hash_table_new_full(g_str_hash, g_str_equal, free, NULL);
	/* the options that shape OUT/<doc>/ (a manifest written before the
	 * formula guard says "-" or "bom": cells as they were) */
	R.opts = o->raw_cells ? (o->bom ? "bom" : "-") : (o->bom ? "bom,guard" : "guard");
	int code = GK_OK, opened = 0;

	if (o->name) {
		struct stat st;
		const char *why = bad_name(o->name);
		if (npaths != 1 || (strcmp(paths[0], "-") && (stat(paths[0], &st) < 0 || S_ISDIR(st.st_mode))) || why) {
			gk_error(why ? "cannot name a document '%s' (%s)" : "--name '%s' names one file, not %s", o->name,
			         why ? why : npaths != 1 ? "several" : "a directory or a missing file");
			code = GK_EUSAGE;
			goto out;
		}
	}
	if (o->meta && load_meta(&R, &code) < 0)
		goto out;
	if (collect_inputs(&R, paths, npaths) < 0) {
		code = GK_EOPEN;
		goto out;
	}
	if (R.n == 0) {
		gk_error("no documents (*.pdf, *.txt, *.md) found in '%s'%s", paths[0], npaths > 1 ? " ..." : "");
		code = GK_EUSAGE;
		goto out;
	}

	char *err = NULL;
	char *rdir = o->rules_dir ? gk_strdup(o->rules_dir) : gk_default_rules_dir();
	R.rules = gk_rules_load(rdir, &err);
	free(rdir);
	if (!R.rules) {
		gk_error("%s", err ? err : "cannot load the rules");
		free(err);
		code = GK_ERULES;
		goto out;
	}
	R.rules_hash = gk_rules_hash(R.rules);

	if (check_sqlite(o) < 0 || check_xlsx(o) < 0) {
		code = GK_EWRITE;
		goto out;
	}
	R.lockfd = prepare_out(o->outdir, &R.outfd, &code);
	if (R.lockfd < 0)
		goto out;
	clean_leftovers(R.outfd);
	manifest_open(&R.m, R.outfd, o->outdir);
	opened = 1;
	if (!R.m.db) {
		gk_error("cannot open '%s': %s", R.m.path, R.m.err ? R.m.err : "unknown error");
		code = GK_EWRITE;
		goto out;
	}
	identify(&R);

	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	R.nslot = o->jobs > 0 ? o->jobs : cpus > 0 ? (int)cpus : 1;
	if (R.nslot > R.n)
		R.nslot = R.n;
	R.slots = gk_calloc((size_t)R.nslot, sizeof *R.slots);
	R.tty = !o->quiet && isatty(2);

	process_all(&R);
	update_aliases(&R);
	write_failures(&R);

	if (combine_if_needed(o, &R.m, o->force) < 0)
		R.write_error = 1;
	progress_clear(&R);
	if (o->report && gk_report_build(o->outdir, R.outfd, o->jobs, o->quiet) != GK_OK)
		R.write_error = 1;
	if (o->strict)
		name_failed_checks(&R);
	double secs = now_s() - R.t0;
	if (o->stats)
		write_stats(&R, secs);
	if (!o->quiet) {
		fprintf(stderr, "%s: %d document%s (%d skipped unchanged, %d failed", gk_progname, R.n, R.n == 1 ? "" : "s",
		        R.skipped, R.failed);
		if (R.knew || R.kchanged || R.kredone)
			fprintf(stderr, "; %d new, %d changed, %d redone", R.knew, R.kchanged, R.kredone);
		if (R.known)
			fprintf(stderr, "; %d failed before, not retried", R.known);
		if (R.dups)
			fprintf(stderr, "; %d duplicate%s", R.dups, R.dups == 1 ? "" : "s");
		fprintf(stderr, "), %d tables, %d checks failed, %.1f s\n", R.tables, R.checks_failed, secs);
	}
	code = exit_code(&R);

out:
	if (opened)
		manifest_close(&R.m);
	if (R.lockfd >= 0)
		close(R.lockfd);
	if (R.outfd >= 0)
		close(R.outfd);
	if (R.rules)
		gk_rules_drop(R.rules);
	for (int i = 0; i < R.n; i++) {
		input *in = &R.in[i];
		if (in->is_tmp)
			unlink(in->file);
		free(in->path), free(in->file), free(in->real), free(in->base), free(in->doc), free(in->msg);
		free(in->alias_doc), free(in->aliases), free(in->opts);
	}
	free(R.in);
	free(R.slots);
	gk_csvfile_drop(&R.meta);
	if (R.meta_idx)
		g_hash_table_destroy(R.meta_idx);
	g_hash_table_destroy(R.doc_idx);
	g_hash_table_destroy(R.sha_idx);
	g_hash_table_destroy(R.dirs);
	g_hash_table_destroy(R.seen);
	return code;
}

int gk_combine(const gk_run_opts *o)
{
	struct stat st;
	int e = stat(o->outdir, &st) < 0 ? errno : S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
	if (e) {
		gk_error("cannot open output directory '%s': %s", o->outdir, strerror(e));
		return GK_EOPEN;
	}
	int code = GK_OK;
	if (check_sqlite(o) < 0 || check_xlsx(o) < 0)
		return GK_EWRITE;
	int dfd = gk_dir_open(o->outdir);
	if (dfd < 0) {
		gk_error("cannot open output directory '%s': %s", o->outdir, strerror(errno));
		return GK_EOPEN;
	}
	int fd = lock_out(o->outdir, dfd, &code);
	if (fd < 0) {
		close(dfd);
		return code;
	}
	clean_leftovers(dfd);
	manifest m;
	manifest_open(&m, dfd, o->outdir);
	if (!m.db) {
		gk_error("cannot open '%s': %s", m.path, m.err ? m.err : "unknown error");
		code = GK_EWRITE;
	} else {
		/* as a run leaves it (after scripts/shard merge: from the merged manifest) */
		if (failures_from(dfd, &m, NULL) < 0) {
			gk_error("cannot write '%s/failures.csv': %s", o->outdir, strerror(errno));
			code = GK_EWRITE;
		}
		if (combine_if_needed(o, &m, 1) < 0)
			code = GK_EWRITE;
	}
	manifest_close(&m);
	close(dfd);
	close(fd);
	return code;
}

int gk_manifest(const gk_run_opts *o)
{
	struct stat st;
	int e = stat(o->outdir, &st) < 0 ? errno : S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
	if (e) {
		gk_error("cannot open output directory '%s': %s", o->outdir, strerror(e));
		return GK_EOPEN;
	}
	int dfd = gk_dir_open(o->outdir);
	if (dfd < 0) {
		gk_error("cannot open output directory '%s': %s", o->outdir, strerror(errno));
		return GK_EOPEN;
	}
	int code = GK_OK;
	int fd = lock_out(o->outdir, dfd, &code);
	if (fd < 0) {
		close(dfd);
		return code;
	}
	manifest m;
	manifest_open(&m, dfd, o->outdir);
	if (manifest_print(&m, stdout) < 0) {
		gk_error("cannot read '%s': %s", m.path, m.err ? m.err : m.db ? sqlite3_errmsg(m.db) : "no manifest");
		code = GK_EOPEN;
	}
	manifest_close(&m);
	close(dfd);
	close(fd);
	return code;
}

int gk_report_out(const gk_run_opts *o)
{
	int dfd = gk_dir_open(o->outdir), code = GK_OK;
	if (dfd < 0) {
		gk_error("cannot open output directory '%s': %s", o->outdir, strerror(errno));
		return GK_EOPEN;
	}
	int fd = lock_out(o->outdir, dfd, &code);
	if (fd >= 0) {
		clean_leftovers(dfd);
		code = gk_report_build(o->outdir, dfd, o->jobs, o->quiet);
		close(fd);
	}
	close(dfd);
	return code;
}
