/* util.c - errors, memory, buffers, files: see gk.h. */
#include "gk.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

const char *gk_progname = "gongkai";

const char *gk_exit_name(int code)
{
	switch (code) {
	case GK_OK: return "ok";
	case GK_EFAIL: return "some-failed";
	case GK_EUSAGE: return "usage";
	case GK_EOPEN: return "cannot-open";
	case GK_EFORMAT: return "not-a-document";
	case GK_EENCODING: return "bad-encoding";
	case GK_EENCRYPTED: return "encrypted";
	case GK_ENOTEXT: return "no-text-layer";
	case GK_EDAMAGED: return "damaged";
	case GK_ELIMIT: return "limit-exceeded";
	case GK_EWRITE: return "cannot-write";
	case GK_ERULES: return "bad-rules";
	case GK_ECHECKS: return "checks-failed";
	case GK_ELOCKED: return "locked";
	case GK_ENOTABLE: return "no-table";
	default: return "internal";
	}
}

static void vmsg(const char *kind, const char *fmt, va_list ap)
{
	char buf[4096];
	vsnprintf(buf, sizeof buf, fmt, ap);
	/* one line: fold any newline a message picked up from its subject */
	for (char *p = buf; *p; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	fprintf(stderr, "%s: %s%s\n", gk_progname, kind, buf);
}

void gk_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsg("error: ", fmt, ap);
	va_end(ap);
}

void gk_warn(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsg("warning: ", fmt, ap);
	va_end(ap);
}

void gk_die(int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsg("error: ", fmt, ap);
	va_end(ap);
	exit(code);
}

static void (*oom_handler)(size_t);

void gk_set_oom_handler(void (*fn)(size_t n))
{
	oom_handler = fn;
}

static _Noreturn void oom(size_t n)
{
	if (oom_handler)
		oom_handler(n);
	fprintf(stderr, "%s: error: out of memory (%zu bytes)\n", gk_progname, n);
	exit(GK_ELIMIT);
}

void *gk_malloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom(n);
	return p;
}

void *gk_calloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		oom(n * size);
	return p;
}

void *gk_realloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		oom(n);
	return q;
}

char *gk_strdup(const char *s)
{
	return gk_strndup(s, strlen(s));
}

char *gk_strndup(const char *s, size_t n)
{
	char *p = gk_malloc(n + 1);
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

char *gk_strfmt(const char *fmt, ...)
{
	va_list ap;
	gk_buf b = {0};
	char tmp[512];
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n < (int)sizeof tmp)
		return gk_strdup(tmp);
	b.cap = (size_t)n + 1;
	b.s = gk_malloc(b.cap);
	va_start(ap, fmt);
	vsnprintf(b.s, b.cap, fmt, ap);
	va_end(ap);
	return b.s;
}

static void grow(gk_buf *b, size_t add)
{
	if (b->len + add + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < b->len + add + 1)
		cap *= 2;
	b->s = gk_realloc(b->s, cap);
	b->cap = cap;
}

void gk_buf_add(gk_buf *b, const char *s, size_t n)
{
	grow(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = 0;
}

void gk_buf_adds(gk_buf *b, const char *s)
{
	gk_buf_add(b, s, strlen(s));
}

void gk_buf_addc(gk_buf *b, char c)
{
	gk_buf_add(b, &c, 1);
}

void gk_buf_addf(gk_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void gk_buf_reset(gk_buf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = 0;
}

char *gk_buf_take(gk_buf *b)
{
	char *s = b->s ? b->s : gk_strdup("");
	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

void gk_buf_drop(gk_buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

void gk_strv_push(gk_strv *sv, char *owned)
{
	if (sv->n == sv->cap) {
		sv->cap = sv->cap ? sv->cap * 2 : 8;
		sv->v = gk_realloc(sv->v, sizeof *sv->v * (size_t)sv->cap);
	}
	sv->v[sv->n++] = owned;
}

void gk_strv_pushs(gk_strv *sv, const char *s)
{
	gk_strv_push(sv, gk_strdup(s ? s : ""));
}

void gk_strv_drop(gk_strv *sv)
{
	for (int i = 0; i < sv->n; i++)
		free(sv->v[i]);
	free(sv->v);
	sv->v = NULL;
	sv->n = sv->cap = 0;
}

char *gk_read_stream(FILE *f, size_t *len)
{
	gk_buf b = {0};
	char tmp[65536];
	size_t n;
	while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
		gk_buf_add(&b, tmp, n);
	if (ferror(f)) {
		gk_buf_drop(&b);
		if (!errno)
			errno = EIO;
		return NULL;
	}
	if (len)
		*len = b.len;
	return gk_buf_take(&b);
}

char *gk_read_file(const char *path, size_t *len)
{
	struct stat st;
	if (stat(path, &st) < 0)
		return NULL;
	if (S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		return NULL;
	}
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *s = gk_read_stream(f, len);
	int e = errno;
	fclose(f);
	errno = e;
	return s;
}

static int write_fd(int fd, const char *data, size_t len);

int gk_write_file(const char *path, const char *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		return -1;
	if (write_fd(fd, data, len) < 0) {
		int e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	return close(fd);
}

int gk_write_atomic(const char *path, const char *data, size_t len)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? gk_strndup(path, slash == path ? 1 : (size_t)(slash - path)) : gk_strdup(".");
	const char *base = slash ? slash + 1 : path;
	int dfd = gk_dir_open(dir), rc = -1, e = errno;
	free(dir);
	if (dfd >= 0) {
		rc = gk_write_atomic_at(dfd, base, data, len);
		e = errno;
		close(dfd);
	}
	errno = e;
	return rc;
}

/* ---- files inside OUT: relative to a directory, no links followed ---- */

int gk_dir_open(const char *path)
{
	return open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

int gk_subdir_open(int dirfd, const char *name)
{
	return openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
}

void gk_fsync_fd(int fd)
{
	if (fd >= 0)
		fsync(fd);
}

DIR *gk_dir_list(int dirfd)
{
	int fd = openat(dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *d = fd < 0 ? NULL : fdopendir(fd);
	if (!d && fd >= 0) {
		int e = errno;
		close(fd);
		errno = e;
	}
	return d;
}

/* 6 letters or digits, unpredictable to whoever else writes OUT */
static void random_tag(char out[7])
{
	static const char abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
	static uint64_t counter;
	unsigned char r[6];
	if (getrandom(r, sizeof r, GRND_NONBLOCK) != (ssize_t)sizeof r) {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		uint64_t x = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 30) ^ ((uint64_t)getpid() << 12) ^
		             (++counter * 0x9E3779B97F4A7C15ull);
		for (int i = 0; i < 6; i++, x >>= 8)
			r[i] = (unsigned char)(x ^ (x >> 29));
	}
	for (int i = 0; i < 6; i++)
		out[i] = abc[r[i] % (sizeof abc - 1)];
	out[6] = 0;
}

#define TEMP_BASE_MAX 200

char *gk_temp_name(const char *base, const char *tag)
{
	size_t n = strlen(base);
	if (n > TEMP_BASE_MAX) {
		n = TEMP_BASE_MAX;
		while (n > 0 && ((unsigned char)base[n] & 0xC0) == 0x80)
			n--; /* not inside a UTF-8 sequence */
	}
	char rnd[7];
	random_tag(rnd);
	return gk_strfmt(".%.*s.%s.%ld.%s", (int)n, base, tag, (long)getpid(), rnd);
}

/* "<tag>.<digits>" at s, ending at end; sets *pid */
static int tag_pid(const char *s, const char *end, const char **tag, long *pid)
{
	static const char *const tags[] = {"tmp", "del", "old"};
	for (int k = 0; k < 3; k++) {
		if (end - s < 5 || strncmp(s, tags[k], 3) || s[3] != '.')
			continue;
		long v = 0;
		const char *p = s + 4;
		for (; p < end && *p >= '0' && *p <= '9' && v < 100000000; p++)
			v = v * 10 + (*p - '0');
		if (p != end || p == s + 4)
			return 0;
		*tag = tags[k];
		*pid = v;
		return 1;
	}
	return 0;
}

int gk_temp_parse(const char *name, const char **tag, long *pid)
{
	size_t n = strlen(name);
	const char *end = name + n;
	/* ours: ".<base>.<tag>.<pid>.<XXXXXX>" */
	if (name[0] == '.' && n >= 1 + 1 + 4 + 1 + 1 + 6 + 1 && end[-7] == '.') {
		int alnum = 1;
		for (const char *p = end - 6; p < end; p++)
			alnum &= (*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z');
		const char *dot = end - 8;
		while (dot > name && *dot >= '0' && *dot <= '9')
			dot--;
		if (alnum && dot > name + 4 && dot[0] == '.' && dot[-4] == '.' && tag_pid(dot - 3, end - 7, tag, pid))
			return 1;
	}
	/* an earlier version's: "<base>.<tag>.<pid>" */
	const char *dot = end;
	while (dot > name && dot[-1] >= '0' && dot[-1] <= '9')
		dot--;
	if (dot == end || dot - name < 6 || dot[-1] != '.' || dot[-5] != '.')
		return 0; /* (and a <base> of one byte at least) */
	return tag_pid(dot - 4, end, tag, pid);
}

int gk_tmpfile_at(int dirfd, const char *base, char **name)
{
	for (int tries = 0; tries < 64; tries++) {
		char *n = gk_temp_name(base, "tmp");
		int fd = openat(dirfd, n, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
		if (fd >= 0) {
			*name = n;
			return fd;
		}
		free(n);
		if (errno != EEXIST)
			return -1;
	}
	return -1;
}

int gk_tmpdir_at(int dirfd, const char *base, char **name)
{
	for (int tries = 0; tries < 64; tries++) {
		char *n = gk_temp_name(base, "tmp");
		if (mkdirat(dirfd, n, 0755) == 0) {
			int fd = gk_subdir_open(dirfd, n);
			if (fd >= 0) {
				*name = n;
				return fd;
			}
			int e = errno;
			unlinkat(dirfd, n, AT_REMOVEDIR);
			free(n);
			errno = e;
			return -1;
		}
		free(n);
		if (errno != EEXIST)
			return -1;
	}
	return -1;
}

int gk_rename_aside(int dirfd, const char *name, const char *tag, char **aside)
{
	for (int tries = 0; tries < 64; tries++) {
		char *n = gk_temp_name(name, tag);
		if (renameat2(dirfd, name, dirfd, n, RENAME_NOREPLACE) == 0) {
			*aside = n;
			return 0;
		}
		int e = errno;
		if (e == EINVAL || e == ENOSYS) {
			/* no RENAME_NOREPLACE on this file system: a random name
			 * nobody has taken will do */
			struct stat st;
			if (fstatat(dirfd, n, &st, AT_SYMLINK_NOFOLLOW) == 0) {
				e = EEXIST;
			} else if (renameat(dirfd, name, dirfd, n) == 0) {
				*aside = n;
				return 0;
			} else {
				e = errno;
			}
		}
		free(n);
		if (e != EEXIST) {
			errno = e;
			return -1;
		}
	}
	errno = EEXIST;
	return -1;
}

static int write_fd(int fd, const char *data, size_t len)
{
	size_t off = 0;
	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		off += (size_t)w;
	}
	if (fsync(fd) < 0 && errno != EINVAL)
		return -1;
	return 0;
}

int gk_write_new_at(int dirfd, const char *name, const char *data, size_t len)
{
	int fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
	if (fd < 0)
		return -1;
	if (write_fd(fd, data, len) < 0) {
		int e = errno;
		close(fd);
		unlinkat(dirfd, name, 0);
		errno = e;
		return -1;
	}
	return close(fd);
}

int gk_write_atomic_at(int dirfd, const char *name, const char *data, size_t len)
{
	char *tmp;
	int fd = gk_tmpfile_at(dirfd, name, &tmp);
	if (fd < 0)
		return -1;
	int rc = write_fd(fd, data, len);
	int e = errno;
	if (close(fd) < 0 && rc == 0)
		rc = -1, e = errno;
	if (rc == 0 && renameat(dirfd, tmp, dirfd, name) < 0)
		rc = -1, e = errno;
	if (rc < 0)
		unlinkat(dirfd, tmp, 0);
	free(tmp);
	errno = e;
	return rc;
}

char *gk_read_file_at(int dirfd, const char *name, size_t *len)
{
	/* O_NONBLOCK: a FIFO planted here must not hang the reader */
	int fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	struct stat st;
	int e = fstat(fd, &st) < 0 ? errno : S_ISREG(st.st_mode) ? 0 : S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
	if (e) {
		close(fd);
		errno = e;
		return NULL;
	}
	FILE *f = fdopen(fd, "rb");
	if (!f) {
		int e = errno;
		close(fd);
		errno = e;
		return NULL;
	}
	char *s = gk_read_stream(f, len);
	e = errno;
	fclose(f);
	errno = e;
	return s;
}

static int rmtree_at(int dfd, const char *name, int depth)
{
	if (unlinkat(dfd, name, 0) == 0 || errno == ENOENT)
		return 0;
	if (errno != EISDIR && errno != EPERM)
		return -1;
	if (depth > 32) { /* nothing of ours is this deep */
		errno = ELOOP;
		return -1;
	}
	int fd = gk_subdir_open(dfd, name);
	if (fd < 0)
		return -1;
	DIR *d = fdopendir(fd);
	if (!d) {
		int e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	int rc = 0, e = 0;
	struct dirent *de;
	while ((de = readdir(d)))
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..") &&
		    rmtree_at(dirfd(d), de->d_name, depth + 1) < 0 && !rc)
			rc = -1, e = errno;
	closedir(d);
	if (unlinkat(dfd, name, AT_REMOVEDIR) < 0 && errno != ENOENT) {
		if (!rc)
			e = errno;
		rc = -1;
	}
	errno = e;
	return rc;
}

int gk_rmtree_at(int dirfd, const char *name)
{
	return rmtree_at(dirfd, name, 0);
}

int gk_mkdirs(const char *path)
{
	char *p = gk_strdup(path);
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = 0;
		if (mkdir(p, 0755) < 0 && errno != EEXIST) {
			int e = errno;
			free(p);
			errno = e;
			return -1;
		}
		*s = '/';
	}
	int r = mkdir(p, 0755);
	int e = errno;
	free(p);
	if (r < 0 && e != EEXIST) {
		errno = e;
		return -1;
	}
	return 0;
}

void gk_buf_add_escaped(gk_buf *b, const char *s)
{
	const char *run = s;
	for (; *s; s++) {
		const char *rep = NULL;
		switch (*s) {
		case '\\': rep = "\\\\"; break;
		case '\t': rep = "\\t"; break;
		case '\n': rep = "\\n"; break;
		case '\r': rep = "\\r"; break;
		default: continue;
		}
		gk_buf_add(b, run, (size_t)(s - run));
		gk_buf_adds(b, rep);
		run = s + 1;
	}
	gk_buf_add(b, run, (size_t)(s - run));
}

char *gk_unescape(const char *s, size_t n)
{
	char *out = gk_malloc(n + 1), *o = out;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n) {
			char c = s[++i];
			*o++ = c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c;
		} else {
			*o++ = s[i];
		}
	}
	*o = 0;
	return out;
}

int gk_split_tabs(char *line, char **fields, int max)
{
	int n = 0;
	char *p = line;
	while (n < max) {
		fields[n++] = p;
		char *t = strchr(p, '\t');
		if (!t)
			break;
		*t = 0;
		p = t + 1;
	}
	return n;
}

void gk_sha256_hex(const void *data, size_t len, char out[65])
{
	gchar *h = g_compute_checksum_for_data(G_CHECKSUM_SHA256, data, len);
	memcpy(out, h, 64);
	out[64] = 0;
	g_free(h);
}

char *gk_default_rules_dir(void)
{
	const char *env = getenv("GONGKAI_RULES");
	if (env && *env)
		return gk_strdup(env);
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = 0;
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = 0;
			char *dir = gk_strfmt("%s/../rules", exe);
			struct stat st;
			if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
				return dir;
			free(dir);
			dir = gk_strfmt("%s/../share/gongkai/rules", exe);
			if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
				return dir;
			free(dir);
		}
	}
	return gk_strdup("rules");
}

void gk_set_limit(int resource, unsigned long long soft, unsigned long long hard)
{
	struct rlimit rl;
	if (getrlimit(resource, &rl) == 0 && rl.rlim_max != RLIM_INFINITY) {
		if (hard > rl.rlim_max)
			hard = rl.rlim_max;
		if (soft > hard)
			soft = hard;
	}
	rl.rlim_cur = (rlim_t)soft;
	rl.rlim_max = (rlim_t)hard;
	setrlimit(resource, &rl);
}
