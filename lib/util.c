/* util.c - errors, memory, buffers, files: see gk.h. */
#include "gk.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
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

static _Noreturn void oom(size_t n)
{
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

int gk_write_file(const char *path, const char *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		return -1;
	size_t off = 0;
	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		off += (size_t)w;
	}
	if (fsync(fd) < 0 && errno != EINVAL)
		goto fail;
	return close(fd);
fail:;
	int e = errno;
	close(fd);
	errno = e;
	return -1;
}

int gk_write_atomic(const char *path, const char *data, size_t len)
{
	char *tmp = gk_strfmt("%s.tmp.%ld", path, (long)getpid());
	if (gk_write_file(tmp, data, len) < 0 || rename(tmp, path) < 0) {
		int e = errno;
		unlink(tmp);
		free(tmp);
		errno = e;
		return -1;
	}
	free(tmp);
	return 0;
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
