/*
 * run.c - `gongkai run` and `gongkai combine`: see run.h.
 *
 * The parent walks the inputs, loads the rules once, locks OUT, reads the
 * manifest and then keeps up to -j forked workers busy, one document each.
 * A worker runs extract (itself in a limited child), normalize and load and
 * reports one line back over a pipe; the parent records the result in the
 * manifest (rewritten atomically after every document) and at the end
 * rebuilds the combined files unless OUT is exactly as the last combine
 * left it.
 *
 * Manifest OUT/.gongkai-manifest: '#' lines are comments, except
 *   "# combined <TAB> SIG"   SIG = signature of OUT after the last combine
 * and one line per document, fields escaped (gk_buf_add_escaped):
 *   doc path sha256 version rules_hash exit pages tables checks_failed opts stat
 * where stat ("size:mtime:inode" of the input when it was read) lets an
 * unchanged file skip hashing, as git's index does; any change to it and
 * the file is hashed again.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "run.h"

#include "../extract/extract.h"
#include "gk.h"
#include "../load/load.h"
#include "../normalize/normalize.h"
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

#define MANIFEST ".gongkai-manifest"
#define LOCKFILE ".gongkai.lock"
#define MANIFEST_FIELDS 11

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

/* Signature of the visible top level of OUT (every per-document directory
 * is replaced by a rename, so a new inode, when it changes) and of the
 * output options.  NULL if OUT cannot be read. */
static char *out_signature(const gk_run_opts *o)
{
	DIR *d = opendir(o->outdir);
	if (!d)
		return NULL;
	gk_strv v = {0};
	struct dirent *de;
	while ((de = readdir(d))) {
		struct stat st;
		if (de->d_name[0] == '.' || fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0)
			continue;
		gk_buf b = {0};
		gk_buf_add_escaped(&b, de->d_name);
		gk_buf_addc(&b, '\t');
		add_stat(&b, &st);
		gk_strv_push(&v, gk_buf_take(&b));
	}
	closedir(d);
	if (v.n > 1)
		qsort(v.v, (size_t)v.n, sizeof *v.v, cmp_str);
	gk_buf b = {0};
	gk_buf_addf(&b, "%s\nbom=%d\nraw=%d\n", GK_VERSION, o->bom, o->raw_cells);
	if (o->sqlite) {
		struct stat st;
		gk_buf_adds(&b, "sqlite=");
		gk_buf_add_escaped(&b, o->sqlite);
		gk_buf_addc(&b, '\t');
		if (lstat(o->sqlite, &st) == 0)
			add_stat(&b, &st);
		else
			gk_buf_adds(&b, "missing");
		gk_buf_addc(&b, '\n');
	}
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
	char *doc, *path, *sha, *version, *rules, *opts, *stat;
	int code, pages, tables, checks_failed;
} entry;

typedef struct manifest {
	char *path;
	GHashTable *by_doc; /* doc -> entry * (the entry owns the key) */
	char *sig;          /* OUT signature after the last combine, or NULL */
} manifest;

static void entry_free(gpointer p)
{
	entry *e = p;
	free(e->doc), free(e->path), free(e->sha), free(e->version), free(e->rules), free(e->opts);
	free(e->stat);
	free(e);
}

static void manifest_open(manifest *m, const char *outdir)
{
	m->path = path_join(outdir, MANIFEST);
	m->by_doc = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, entry_free);
	m->sig = NULL;
	size_t len;
	int dfd = gk_dir_open(outdir);
	char *s = dfd < 0 ? NULL : gk_read_file_at(dfd, MANIFEST, &len);
	if (dfd >= 0)
		close(dfd);
	if (!s)
		return; /* none yet (or unreadable, or a link: everything is redone) */
	char *line = s, *nl;
	for (; *line; line = nl + 1) {
		nl = strchr(line, '\n');
		if (!nl)
			break; /* a line without its newline is not trusted */
		*nl = 0;
		char *f[MANIFEST_FIELDS + 1];
		if (!strncmp(line, "# combined\t", 11)) {
			free(m->sig);
			m->sig = gk_unescape(line + 11, strlen(line + 11));
			continue;
		}
		int nf = line[0] == '#' ? 0 : gk_split_tabs(line, f, MANIFEST_FIELDS + 1);
		if (nf != MANIFEST_FIELDS && nf != MANIFEST_FIELDS - 1) /* (older manifests had no stat) */
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
		g_hash_table_replace(m->by_doc, e->doc, e);
	}
	free(s);
}

static void manifest_close(manifest *m)
{
	g_hash_table_destroy(m->by_doc);
	free(m->path);
	free(m->sig);
}

static int cmp_entry(const void *a, const void *b)
{
	return strcmp((*(entry *const *)a)->doc, (*(entry *const *)b)->doc);
}

static void add_field(gk_buf *b, const char *s, int last)
{
	gk_buf_add_escaped(b, s);
	gk_buf_addc(b, last ? '\n' : '\t');
}

/* Rewrite the manifest atomically.  0, or -1 with errno set. */
static int manifest_write(const manifest *m)
{
	guint n = g_hash_table_size(m->by_doc), i = 0;
	entry **v = gk_calloc(n, sizeof *v);
	GHashTableIter it;
	gpointer val;
	g_hash_table_iter_init(&it, m->by_doc);
	while (g_hash_table_iter_next(&it, NULL, &val))
		v[i++] = val;
	if (n > 1)
		qsort(v, n, sizeof *v, cmp_entry);
	gk_buf b = {0};
	gk_buf_adds(&b, "# gongkai manifest 1: what OUT/<doc> was made from; see driver/run.c\n");
	gk_buf_adds(&b, "# combined\t");
	add_field(&b, m->sig ? m->sig : "-", 1);
	gk_buf_adds(&b, "# doc\tpath\tsha256\tversion\trules\texit\tpages\ttables\tchecks_failed\topts\tstat\n");
	for (i = 0; i < n; i++) {
		const entry *e = v[i];
		add_field(&b, e->doc, 0);
		add_field(&b, e->path, 0);
		add_field(&b, e->sha, 0);
		add_field(&b, e->version, 0);
		add_field(&b, e->rules, 0);
		gk_buf_addf(&b, "%d\t%d\t%d\t%d\t", e->code, e->pages, e->tables, e->checks_failed);
		add_field(&b, e->opts, 0);
		add_field(&b, e->stat ? e->stat : "", 1);
	}
	int rc = gk_write_atomic(m->path, b.s, b.len);
	int err = errno;
	gk_buf_drop(&b);
	free(v);
	errno = err;
	return rc;
}

/* ---- inputs ----------------------------------------------------------- */

enum { ST_PENDING, ST_FAILED_EARLY, ST_SKIPPED, ST_RUNNING, ST_DONE };

typedef struct input {
	char *path;
	char *doc; /* NULL for an input that never became a document */
	int state, code;
	char *msg;
	int pages, tables, checks_failed;
	char sha[65];
	char st[80]; /* size:mtime:inode when dispatched, "" if not a regular file */
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
	GHashTable *seen;    /* realpaths and "dev:ino" of directories (owned) */

	gk_rules *rules;
	const char *rules_hash;
	const char *opts;   /* output options that shape OUT/<doc>/ */
	manifest m;
	int lockfd;
	int outfd; /* OUT, opened once */
	pid_t parent;
	slot *slots;
	int nslot;

	/* counters */
	int done, processed, skipped, failed, tables, checks_failed;
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
	return in;
}

static void fail_early(input *in, int code, char *msg)
{
	in->state = ST_FAILED_EARLY;
	in->code = code;
	in->msg = msg;
}

static void add_file(run *R, const char *path)
{
	char *real = realpath(path, NULL);
	if (real) {
		if (g_hash_table_contains(R->seen, real)) {
			free(real); /* the same file named twice: once is enough */
			return;
		}
		g_hash_table_add(R->seen, real);
	}
	input *in = add_input(R, path);
	char *doc = gk_doc_name(path);
	if (!*doc || doc[0] == '.') {
		fail_early(in, GK_EUSAGE, gk_strfmt("cannot name a document '%s' (empty or starting with a dot)", doc));
		free(doc);
		return;
	}
	size_t dn = strlen(doc);
	if (dn > 4 && !strcasecmp(doc + dn - 4, ".csv")) {
		/* OUT/<doc>/ would take the place of a combined OUT/<table_id>.csv */
		fail_early(in, GK_EUSAGE,
		           gk_strfmt("cannot name a document '%s' (ending in .csv, as the combined tables do)", doc));
		free(doc);
		return;
	}
	gpointer prev = g_hash_table_lookup(R->doc_idx, doc);
	if (prev) {
		fail_early(in, GK_EUSAGE,
		           gk_strfmt("duplicate document name '%s' (already from '%s')", doc,
		                     R->in[GPOINTER_TO_INT(prev) - 1].path));
		free(doc);
		return;
	}
	in->doc = doc;
	g_hash_table_insert(R->doc_idx, doc, GINT_TO_POINTER(R->n));
}

static void walk(run *R, const char *dir)
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
		int r = stat(p, &st), e = errno;
		if (r < 0 && e == EACCES) {
			/* listed but not searchable (r without x): what is in it
			 * cannot be told, so the directory fails, not silently */
			fail_early(add_input(R, dir), GK_EOPEN, gk_strfmt("cannot search directory: %s", strerror(e)));
			free(p);
			break;
		}
		if (r == 0 && S_ISDIR(st.st_mode))
			walk(R, p);
		else if (is_doc_ext(names.v[i]) && (r < 0 || S_ISREG(st.st_mode)))
			add_file(R, p); /* a dangling link is reported by the extractor */
		free(p);
	}
	gk_strv_drop(&names);
}

static void collect_inputs(run *R, char *const *paths, int npaths)
{
	for (int i = 0; i < npaths; i++) {
		struct stat st;
		if (stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode))
			walk(R, paths[i]);
		else
			add_file(R, paths[i]); /* named explicitly: taken whatever it is */
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

/* Failures that say the input itself is not (any longer) a usable
 * document: its old outputs go, as a clean run would not have them. */
static int input_is_bad(int code)
{
	return code == GK_EFORMAT || code == GK_EENCODING || code == GK_EENCRYPTED || code == GK_ENOTEXT ||
	       code == GK_EDAMAGED;
}

static void remove_doc_dir(const char *outdir, const char *doc)
{
	int dfd = gk_dir_open(outdir);
	char *aside;
	struct stat st;
	if (dfd >= 0 && fstatat(dfd, doc, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode) &&
	    gk_rename_aside(dfd, doc, "del", &aside) == 0) {
		gk_rmtree_at(dfd, aside);
		free(aside);
	}
	if (dfd >= 0)
		close(dfd);
}

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
static _Noreturn void worker(run *R, int idx, int fd)
{
	prctl(PR_SET_PDEATHSIG, SIGKILL); /* a killed run takes its workers along */
	if (getppid() != R->parent)
		_exit(0);
	on_exit(worker_exit, NULL);
	gk_set_oom_handler(worker_oom);
	g_log_set_default_handler(worker_log, NULL);
	close(R->lockfd); /* the lock belongs to the parent alone */
	for (int s = 0; s < R->nslot; s++)
		if (R->slots[s].pid > 0)
			close(R->slots[s].fd);

	const input *in = &R->in[idx];
	const gk_run_opts *o = R->o;
	gk_doc *doc = NULL;
	char *err = NULL, *sha = gk_strdup(in->sha);
	int pages = 0, tables = 0, fails = 0;
	int code = gk_extract_isolated(in->path, &o->limits, &doc, &err);
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
		tables = r->ntable;
		for (int i = 0; i < r->ncheck; i++)
			fails += r->checks[i].status && !strcmp(r->checks[i].status, "fail");
		gk_load_opts lo = {.outdir = o->outdir, .bom = o->bom, .raw_cells = o->raw_cells, .sqlite = NULL};
		code = gk_load_doc(&lo, r, &err);
		if (code == GK_OK && tables == 0) {
			code = GK_ENOTABLE;
			err = gk_strdup("no budget table found");
		}
		gk_result_drop(r);
		gk_doc_drop(doc);
	} else if (input_is_bad(code)) {
		remove_doc_dir(o->outdir, in->doc);
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

/* A document is finished (processed, skipped or failed early). */
static void finish(run *R, input *in)
{
	R->done++;
	R->tables += in->tables;
	R->checks_failed += in->checks_failed;
	if (in->state == ST_SKIPPED) {
		R->skipped++;
	} else {
		R->pages += in->pages;
		if (in->state == ST_DONE)
			R->processed++;
	}
	if (in->code != GK_OK) {
		R->failed++;
		progress_clear(R);
		gk_error("'%s': %s", in->path, in->msg ? in->msg : gk_exit_name(in->code));
	}
	if (in->state == ST_DONE && in->doc) {
		entry *e = gk_calloc(1, sizeof *e);
		e->doc = gk_strdup(in->doc);
		e->path = gk_strdup(in->path);
		e->sha = gk_strdup(in->sha);
		e->version = gk_strdup(GK_VERSION);
		e->rules = gk_strdup(R->rules_hash);
		e->opts = gk_strdup(R->opts);
		e->stat = gk_strdup(in->st);
		e->code = in->code;
		e->pages = in->pages;
		e->tables = in->tables;
		e->checks_failed = in->checks_failed;
		g_hash_table_replace(R->m.by_doc, e->doc, e);
		free(R->m.sig); /* OUT changed: the next combine is due */
		R->m.sig = NULL;
		if (manifest_write(&R->m) < 0 && !R->write_error) {
			progress_clear(R);
			gk_error("cannot write '%s': %s", R->m.path, strerror(errno));
			R->write_error = 1;
		}
	}
	progress(R);
}

/* Unchanged since the manifest entry: same bytes, path, version, rules
 * and output options, finished without error, and its output is there. */
static int unchanged(run *R, const input *in)
{
	const entry *e = g_hash_table_lookup(R->m.by_doc, in->doc);
	if (!e || e->code != GK_OK || !in->sha[0] || strcmp(e->sha, in->sha) || strcmp(e->path, in->path) ||
	    strcmp(e->version, GK_VERSION) || strcmp(e->rules, R->rules_hash) || strcmp(e->opts, R->opts))
		return 0;
	/* OUT/<doc>/document.csv, a directory and a file, not links */
	int sfd = gk_subdir_open(R->outfd, in->doc);
	struct stat st;
	int ok = sfd >= 0 && fstatat(sfd, "document.csv", &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode);
	if (sfd >= 0)
		close(sfd);
	return ok;
}

/* Start the next pending document, or finish it at once (skipped, failed
 * early).  Returns 1 if a worker was started. */
static int dispatch(run *R, int idx, slot *sl)
{
	input *in = &R->in[idx];
	if (in->state == ST_FAILED_EARLY) {
		finish(R, in);
		return 0;
	}
	/* the file as the manifest last saw it (size, mtime, inode): its hash
	 * is known; anything else is hashed (unreadable: "", the extractor
	 * says why) */
	struct stat st;
	in->st[0] = 0;
	if (stat(in->path, &st) == 0 && S_ISREG(st.st_mode))
		snprintf(in->st, sizeof in->st, "%lld:%lld.%09ld:%llu", (long long)st.st_size, (long long)st.st_mtim.tv_sec,
		         st.st_mtim.tv_nsec, (unsigned long long)st.st_ino);
	const entry *known = g_hash_table_lookup(R->m.by_doc, in->doc);
	if (known && in->st[0] && known->stat && !strcmp(known->stat, in->st) && !strcmp(known->path, in->path) &&
	    strlen(known->sha) == 64)
		memcpy(in->sha, known->sha, 65);
	else
		sha_file(in->path, in->sha);
	if (!R->o->force && unchanged(R, in)) {
		const entry *e = g_hash_table_lookup(R->m.by_doc, in->doc);
		in->state = ST_SKIPPED;
		in->pages = e->pages;
		in->tables = e->tables;
		in->checks_failed = e->checks_failed;
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
	gk_load_opts lo = {.outdir = o->outdir, .bom = o->bom, .raw_cells = o->raw_cells, .sqlite = o->sqlite};
	if (gk_load_combine(&lo, &err) != GK_OK) {
		gk_error("%s", err ? err : "cannot write the combined tables");
		free(err);
		free(m->sig);
		m->sig = NULL;
		return -1;
	}
	free(err);
	free(m->sig);
	m->sig = out_signature(o);
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

int gk_run(const gk_run_opts *o, char *const *paths, int npaths)
{
	run R = {0};
	R.o = o;
	R.lockfd = -1;
	R.t0 = now_s();
	R.parent = getpid();
	R.outfd = -1;
	R.doc_idx = g_hash_table_new(g_str_hash, g_str_equal);
	R.seen = g_hash_table_new_full(g_str_hash, g_str_equal, free, NULL);
	/* the options that shape OUT/<doc>/ (a manifest written before the
	 * formula guard says "-" or "bom": cells as they were) */
	R.opts = o->raw_cells ? (o->bom ? "bom" : "-") : (o->bom ? "bom,guard" : "guard");
	int code = GK_OK;

	collect_inputs(&R, paths, npaths);
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

	if (check_sqlite(o) < 0) {
		code = GK_EWRITE;
		goto out;
	}
	R.lockfd = prepare_out(o->outdir, &R.outfd, &code);
	if (R.lockfd < 0)
		goto out;
	clean_leftovers(R.outfd);
	manifest_open(&R.m, o->outdir);

	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	R.nslot = o->jobs > 0 ? o->jobs : cpus > 0 ? (int)cpus : 1;
	if (R.nslot > R.n)
		R.nslot = R.n;
	R.slots = gk_calloc((size_t)R.nslot, sizeof *R.slots);
	R.tty = !o->quiet && isatty(2);

	process_all(&R);

	if (combine_if_needed(o, &R.m, o->force) < 0)
		R.write_error = 1;
	if (manifest_write(&R.m) < 0 && !R.write_error) {
		gk_error("cannot write '%s': %s", R.m.path, strerror(errno));
		R.write_error = 1;
	}
	progress_clear(&R);
	if (!o->quiet)
		fprintf(stderr, "%s: %d document%s (%d skipped unchanged, %d failed), %d tables, %d checks failed, %.1f s\n",
		        gk_progname, R.n, R.n == 1 ? "" : "s", R.skipped, R.failed, R.tables, R.checks_failed,
		        now_s() - R.t0);
	code = exit_code(&R);
	manifest_close(&R.m);

out:
	if (R.lockfd >= 0)
		close(R.lockfd);
	if (R.outfd >= 0)
		close(R.outfd);
	if (R.rules)
		gk_rules_drop(R.rules);
	for (int i = 0; i < R.n; i++) {
		free(R.in[i].path);
		free(R.in[i].doc);
		free(R.in[i].msg);
	}
	free(R.in);
	free(R.slots);
	g_hash_table_destroy(R.doc_idx);
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
	if (check_sqlite(o) < 0)
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
	close(dfd);
	manifest m;
	manifest_open(&m, o->outdir);
	if (combine_if_needed(o, &m, 1) < 0)
		code = GK_EWRITE;
	if (manifest_write(&m) < 0 && code == GK_OK) {
		gk_error("cannot write '%s': %s", m.path, strerror(errno));
		code = GK_EWRITE;
	}
	manifest_close(&m);
	close(fd);
	return code;
}
