/*
 * isolate.c - gk_extract_isolated: run gk_extract_file in a forked child
 * under resource limits, so that a hostile or broken PDF costs only the
 * child.
 *
 * Protocol on the pipe, child -> parent:
 *     "T <seconds>\n" ...  (before a page read by OCR: more wall time)
 *     "OK\n" <document in the extract format>
 *     "ERR <code> <message>\n"
 * The child's stderr goes to an anonymous memory file that the parent reads
 * after the child has gone: allocation failures announce themselves there
 * ("Out of memory" from poppler, "std::bad_alloc" from libstdc++, "failed to
 * allocate" from glib, "out of memory" from gk_malloc) just before the
 * process aborts, which is how a crash is told apart from a memory limit.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "extract.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* GK_ASAN (gk.h): RLIMIT_AS and AddressSanitizer do not mix */

/* how much of the child's stderr the parent looks at */
#define ERR_KEEP (64 * 1024)

static int child_out_fd = -1;
static long child_mem_mb;
static long child_cpu_s; /* the CPU allowance so far (0: none) */

/* write(2) all of it; for the child, where stdio may not be trusted */
static int write_all(int fd, const char *s, size_t n)
{
	while (n) {
		ssize_t w = write(fd, s, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

/* glib's allocation failures arrive here (G_LOG_LEVEL_ERROR, then abort):
 * report the limit on the pipe before dying */
static void child_log(const gchar *domain, GLogLevelFlags level, const gchar *msg, gpointer data)
{
	if ((level & G_LOG_LEVEL_ERROR) && msg && strstr(msg, "allocate")) {
		char line[128];
		int n = snprintf(line, sizeof line, "ERR %d memory limit exceeded (%ld MiB)\n", GK_ELIMIT, child_mem_mb);
		write_all(child_out_fd, line, (size_t)n);
		_exit(GK_ELIMIT);
	}
	g_log_default_handler(domain, level, msg, data);
}

/* before each page read by OCR: its share of CPU and wall time */
static void child_ocr_page(void)
{
	if (child_cpu_s > 0) {
		child_cpu_s += OCR_PAGE_CPU_S;
		gk_set_limit(RLIMIT_CPU, (rlim_t)child_cpu_s, (rlim_t)child_cpu_s + 1 + (rlim_t)OCR_PAGE_CPU_S * OCR_MAX_PAGES);
	}
	char line[32];
	int n = snprintf(line, sizeof line, "T %d\n", OCR_PAGE_WALL_S);
	write_all(child_out_fd, line, (size_t)n);
}

/* registered last in the child, so it runs first: leave with the status
 * given to exit() before the caller's handlers or stdio flushing run */
static void child_exit(int status, void *arg)
{
	_exit(status);
}


static _Noreturn void child(const char *path, const gk_limits *lim, int out_fd, int err_fd, pid_t parent)
{
	/* the parent enforces the wall-time limit: if it dies, so do we */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != parent)
		_exit(GK_EINTERNAL);
	if (err_fd >= 0 && dup2(err_fd, 2) < 0)
		_exit(GK_EINTERNAL);
	child_out_fd = out_fd;
	child_mem_mb = lim->mem_mb;
	/* nothing of the caller's runs here: not its exit handlers (gk_malloc
	 * exits on failure), not its signal handlers, not its signal mask */
	on_exit(child_exit, NULL);
	static const int sigs[] = {SIGPIPE, SIGXCPU, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGALRM, SIGCHLD};
	for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
		signal(sigs[i], SIG_DFL);
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	gk_set_limit(RLIMIT_CORE, 0, 0);
	/* SIGXCPU at the soft limit ends the child; the hard limit leaves
	 * room for the pages OCR may add (child_ocr_page) */
	if (lim->cpu_s > 0)
		gk_set_limit(RLIMIT_CPU, (rlim_t)lim->cpu_s, (rlim_t)lim->cpu_s + 1 + (rlim_t)OCR_PAGE_CPU_S * OCR_MAX_PAGES);
	child_cpu_s = lim->cpu_s;
	if (lim->mem_mb > 0 && !GK_ASAN)
		gk_set_limit(RLIMIT_AS, (rlim_t)lim->mem_mb << 20, (rlim_t)lim->mem_mb << 20);
	g_log_set_default_handler(child_log, NULL);
	gk_extract_on_ocr_page(child_ocr_page);

	gk_doc *doc = NULL;
	char *err = NULL;
	int rc = gk_extract_file(path, &doc, &err);
	if (rc != GK_OK) {
		/* no stdio: this path must work when memory is short */
		char line[1024];
		int n = snprintf(line, sizeof line, "ERR %d %s", rc, err ? err : gk_exit_name(rc));
		if (n < 0)
			n = snprintf(line, sizeof line, "ERR %d %s", rc, gk_exit_name(rc));
		if (n >= (int)sizeof line - 1)
			n = (int)sizeof line - 2;
		for (int i = 0; i < n; i++)
			if (line[i] == '\n' || line[i] == '\r')
				line[i] = ' ';
		line[n++] = '\n';
		_exit(write_all(out_fd, line, (size_t)n) < 0 ? GK_EWRITE : 0);
	}
	FILE *f = fdopen(out_fd, "w");
	if (!f)
		_exit(GK_EWRITE);
	fputs("OK\n", f);
	int bad = gk_doc_write(f, doc) < 0;
	bad |= fflush(f) != 0 || ferror(f);
	/* no gk_doc_drop: _exit hands the memory back faster */
	_exit(bad ? GK_EWRITE : 0);
}

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* "T <seconds>" lines at the start of b: more time; they are taken out */
static void take_time(gk_buf *b, long long *deadline)
{
	size_t at = 0;
	while (b->len - at >= 2 && b->s[at] == 'T' && b->s[at + 1] == ' ') {
		const char *nl = memchr(b->s + at, '\n', b->len - at);
		if (!nl)
			break;
		long sec = 0;
		for (const char *p = b->s + at + 2; p < nl && *p >= '0' && *p <= '9' && sec < 100000; p++)
			sec = sec * 10 + (*p - '0');
		if (*deadline >= 0)
			*deadline += (long long)sec * 1000;
		at = (size_t)(nl - b->s) + 1;
	}
	if (at) {
		memmove(b->s, b->s + at, b->len - at);
		b->len -= at;
		b->s[b->len] = 0;
	}
}

/* Everything the child said: returns 1 when all read, 0 when the deadline
 * passed first. */
static int read_child(int fd, long wall_s, gk_buf *b)
{
	long long deadline = wall_s > 0 ? now_ms() + (long long)wall_s * 1000 : -1;
	char tmp[65536];
	int head = 1; /* still where "T" lines may come */
	for (;;) {
		int timeout = -1;
		if (deadline >= 0) {
			long long left = deadline - now_ms();
			if (left <= 0)
				return 0;
			timeout = left > 1000000 ? 1000000 : (int)left;
		}
		struct pollfd pfd = {.fd = fd, .events = POLLIN};
		int r = poll(&pfd, 1, timeout);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			return 1; /* cannot wait: treat as the end, waitpid decides */
		}
		if (r == 0)
			continue; /* the deadline check above decides */
		ssize_t n = read(fd, tmp, sizeof tmp);
		if (n < 0) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			return 1;
		}
		if (n == 0)
			return 1;
		gk_buf_add(b, tmp, (size_t)n);
		if (head) {
			take_time(b, &deadline);
			head = b->len < 2 || (b->s[0] == 'T' && b->s[1] == ' ');
		}
	}
}

/* The child's stderr, at most ERR_KEEP bytes, NUL-terminated. */
static char *read_errfile(int fd)
{
	gk_buf b = {0};
	if (fd < 0 || lseek(fd, 0, SEEK_SET) < 0)
		return gk_buf_take(&b);
	char tmp[4096];
	ssize_t n;
	while (b.len < ERR_KEEP && (n = read(fd, tmp, sizeof tmp)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		gk_buf_add(&b, tmp, (size_t)n);
	}
	return gk_buf_take(&b);
}

static int said_out_of_memory(const char *s)
{
	return strstr(s, "Out of memory") || strstr(s, "out of memory") || strstr(s, "bad_alloc") ||
	       strstr(s, "failed to allocate") || strstr(s, "Cannot allocate memory");
}

/* "ERR <code> <message>" -> code and *err; returns -1 if malformed */
static int parse_err(const char *line, size_t n, char **err)
{
	if (n < 5 || memcmp(line, "ERR ", 4) != 0)
		return -1;
	int code = 0;
	size_t i = 4;
	while (i < n && line[i] >= '0' && line[i] <= '9' && code < 1000)
		code = code * 10 + (line[i++] - '0');
	if (i == 4 || code <= 0 || code > 255)
		return -1;
	if (i < n && line[i] == ' ')
		i++;
	*err = gk_strndup(line + i, n - i);
	return code;
}

int gk_extract_isolated(const char *path, const gk_limits *lim, gk_doc **out, char **err)
{
	*out = NULL;
	*err = NULL;
	if (!lim)
		lim = &gk_default_limits;

	int pfd[2];
	if (pipe2(pfd, O_CLOEXEC) < 0) {
		*err = gk_strfmt("cannot create a pipe: %s", strerror(errno));
		return GK_EINTERNAL;
	}
	int efd = memfd_create("gongkai-extract-stderr", MFD_CLOEXEC);
	fflush(NULL); /* the child must not write out our buffered output again */
	pid_t parent = getpid();
	pid_t pid = fork();
	if (pid < 0) {
		int e = errno;
		close(pfd[0]);
		close(pfd[1]);
		if (efd >= 0)
			close(efd);
		*err = gk_strfmt("cannot fork: %s", strerror(e));
		return GK_EINTERNAL;
	}
	if (pid == 0) {
		close(pfd[0]);
		child(path, lim, pfd[1], efd, parent);
	}
	close(pfd[1]);

	gk_buf b = {0};
	int finished = read_child(pfd[0], lim->wall_s, &b);
	if (!finished)
		kill(pid, SIGKILL);
	close(pfd[0]);

	int status = 0;
	struct rusage ru;
	memset(&ru, 0, sizeof ru);
	pid_t w;
	while ((w = wait4(pid, &status, 0, &ru)) < 0 && errno == EINTR)
		;
	char *errtext = read_errfile(efd);
	if (efd >= 0)
		close(efd);

	int rc;
	const char *nl = b.s ? memchr(b.s, '\n', b.len) : NULL;
	size_t head = nl ? (size_t)(nl - b.s) : 0;
	int clean_exit = w == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
	double cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_stime.tv_sec +
	             ((double)ru.ru_utime.tv_usec + (double)ru.ru_stime.tv_usec) / 1e6;

	if (!finished) {
		rc = GK_ELIMIT;
		*err = gk_strfmt("wall time limit (%ld s) exceeded", lim->wall_s);
	} else if (nl && (rc = parse_err(b.s, head, err)) > 0) {
		/* the child's own verdict */
	} else if (nl && head == 2 && !memcmp(b.s, "OK", 2) && clean_exit) {
		FILE *f = fmemopen(b.s + 3, b.len - 3, "r");
		char *perr = NULL;
		gk_doc *doc = NULL;
		int r = f ? gk_doc_read(f, &doc, &perr) : -1;
		if (f)
			fclose(f);
		if (r == 1) {
			rc = GK_OK;
			*out = doc;
			gk_extract_warn(path, doc);
		} else {
			rc = GK_EINTERNAL;
			*err = gk_strfmt("bad document from the extractor child: %s",
			                 perr ? perr : r == 0 ? "empty" : strerror(errno));
		}
		free(perr);
	} else if (w != pid) {
		rc = GK_EINTERNAL;
		*err = gk_strfmt("cannot wait for the extractor child: %s", strerror(errno));
	} else if (WIFSIGNALED(status)) {
		int sig = WTERMSIG(status);
		long maxrss_mb = ru.ru_maxrss / 1024;
		if (sig == SIGXCPU || (sig == SIGKILL && lim->cpu_s > 0 && cpu >= (double)lim->cpu_s - 0.05)) {
			rc = GK_ELIMIT;
			*err = gk_strfmt("cpu time limit (%ld s) exceeded", lim->cpu_s);
		} else if (sig == SIGKILL) {
			/* not sent by us (the wall limit is handled above): the
			 * kernel's out-of-memory killer, or an operator */
			rc = GK_ELIMIT;
			*err = gk_strfmt("killed by the system (signal %d: out of memory?)", sig);
		} else if (lim->mem_mb > 0 && (sig == SIGABRT || sig == SIGTRAP || sig == SIGSEGV || sig == SIGBUS) &&
		           (said_out_of_memory(errtext) || maxrss_mb * 10 >= lim->mem_mb * 9)) {
			rc = GK_ELIMIT;
			*err = gk_strfmt("memory limit exceeded (%ld MiB)", lim->mem_mb);
		} else {
			rc = GK_EDAMAGED;
			*err = gk_strfmt("parser crashed (signal %d)", sig);
			if (*errtext) /* ASan reports and the like: keep them visible */
				fputs(errtext, stderr);
		}
	} else if (WIFEXITED(status) && (WEXITSTATUS(status) == GK_ELIMIT || said_out_of_memory(errtext))) {
		rc = GK_ELIMIT;
		*err = gk_strfmt("memory limit exceeded (%ld MiB)", lim->mem_mb);
	} else {
		rc = GK_EINTERNAL;
		*err = gk_strfmt("extractor child exited with status %d and no result",
		                 WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		if (*errtext)
			fputs(errtext, stderr);
	}
	free(errtext);
	gk_buf_drop(&b);
	return rc;
}
