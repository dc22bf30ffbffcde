/*
 * gk.h - what every gongkai stage shares: exit codes, error reporting,
 * memory and string helpers.
 *
 * Ownership rule (the one rule, stated once): a function named *_new or
 * returning a non-const pointer hands ownership to the caller, who frees it
 * with the matching *_drop (or free() for plain strings).  Functions taking
 * a const pointer borrow it.  *_keep is never used: nothing is refcounted.
 */
#ifndef GK_H
#define GK_H

#include <dirent.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#define GK_VERSION "0.1.0"

/* Built with AddressSanitizer?  (RLIMIT_AS and its shadow memory do not mix.) */
#if defined(__SANITIZE_ADDRESS__)
#define GK_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GK_ASAN 1
#endif
#endif
#ifndef GK_ASAN
#define GK_ASAN 0
#endif

/* Exit codes, documented in README.md ("Exit codes").  A per-document
 * failure carries one of the codes from GK_EOPEN on; a run over several
 * documents exits GK_EFAIL when any of them failed. */
enum gk_exit {
	GK_OK = 0,
	GK_EFAIL = 1,      /* some documents of a batch failed */
	GK_EUSAGE = 2,     /* bad command line */
	GK_EOPEN = 3,      /* missing file, a directory, unreadable */
	GK_EFORMAT = 4,    /* not a document we read: empty, binary, HTML page */
	GK_EENCODING = 5,  /* text neither UTF-8 nor GB18030 */
	GK_EENCRYPTED = 6, /* PDF needs a password */
	GK_ENOTEXT = 7,    /* PDF without a text layer (scanned: needs OCR) */
	GK_EDAMAGED = 8,   /* PDF damaged beyond repair, or font without Unicode map */
	GK_ELIMIT = 9,     /* memory, CPU or wall-time limit exceeded */
	GK_EWRITE = 10,    /* cannot write output (disk full, permissions) */
	GK_ERULES = 11,    /* a rule file is bad */
	GK_ECHECKS = 12,   /* --strict: some consistency checks failed */
	GK_ELOCKED = 13,   /* scripts/harvest: another run holds the lock */
	GK_ENOTABLE = 14,  /* readable, but no budget table found */
	GK_EINTERNAL = 70, /* a bug: please report */
};

/* Short name of an exit code ("encrypted", "no-text", ...). */
const char *gk_exit_name(int code);

/* Program name used as the prefix of every message; set by main. */
extern const char *gk_progname;

/* "gongkai-x: error: <msg>\n" on stderr.  Messages are lower case and quote
 * their subject: gk_error("cannot open '%s': %s", path, strerror(errno)). */
void gk_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void gk_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* gk_error, then exit(code). */
_Noreturn void gk_die(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

void *gk_malloc(size_t n);
void *gk_calloc(size_t n, size_t size);
void *gk_realloc(void *p, size_t n);
char *gk_strdup(const char *s);
char *gk_strndup(const char *s, size_t n);
char *gk_strfmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Growable byte buffer; always NUL-terminated. */
typedef struct gk_buf {
	char *s;
	size_t len, cap;
} gk_buf;

void gk_buf_add(gk_buf *b, const char *s, size_t n);
void gk_buf_adds(gk_buf *b, const char *s);
void gk_buf_addc(gk_buf *b, char c);
void gk_buf_addf(gk_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void gk_buf_reset(gk_buf *b);
/* Hand the string to the caller; b is left empty. */
char *gk_buf_take(gk_buf *b);
void gk_buf_drop(gk_buf *b);

/* Growable vector of owned strings. */
typedef struct gk_strv {
	char **v;
	int n, cap;
} gk_strv;

void gk_strv_push(gk_strv *sv, char *owned);
void gk_strv_pushs(gk_strv *sv, const char *s);
void gk_strv_drop(gk_strv *sv);

/* Read a whole stream / file.  Returns NULL with errno set on failure. */
char *gk_read_stream(FILE *f, size_t *len);
char *gk_read_file(const char *path, size_t *len);

/* Write `len` bytes to `path` (created or truncated) and fsync it.  Follows
 * symbolic links: for files the user named, never for files inside OUT
 * (use gk_write_new_at / gk_write_atomic_at there).
 * Returns 0, or -1 with errno set. */
int gk_write_file(const char *path, const char *data, size_t len);

/* Write `len` bytes to `path` atomically: gk_write_atomic_at in the
 * directory of `path` (which may be a symbolic link the user made; the
 * file name itself is never followed). */
int gk_write_atomic(const char *path, const char *data, size_t len);

/*
 * Files inside a directory that others may write to (OUT).  Everything is
 * relative to a directory descriptor and never follows a symbolic link
 * found there: new files are created with O_CREAT|O_EXCL|O_NOFOLLOW under
 * fresh temporary names, files are read with O_NOFOLLOW, trees are removed
 * through descriptors.  The directory itself (OUT, named by the user) may
 * be reached through a link of the user's.  All return -1 with errno set on
 * failure (ELOOP: a symbolic link was not followed).
 */

/* Open a directory the user named (symbolic links followed). */
int gk_dir_open(const char *path);
/* Open the subdirectory `name` of dirfd; a symbolic link fails (ELOOP or
 * ENOTDIR). */
int gk_subdir_open(int dirfd, const char *name);

/* A fresh temporary name for `base`: ".<base>.<tag>.<pid>.<6 random
 * letters or digits>", `base` cut to at most 200 bytes (at a UTF-8
 * boundary), so that it fits in a file name of 255 bytes whatever `base`
 * is.  Caller frees. */
char *gk_temp_name(const char *base, const char *tag);
/* Does `name` look like a temporary name, ours (".<base>.<tag>.<pid>.<X>")
 * or an earlier version's ("<base>.<tag>.<pid>"), with tag tmp, del or
 * old?  Sets *tag (static) and *pid. */
int gk_temp_parse(const char *name, const char **tag, long *pid);

/* Create a new empty file or directory at a fresh temporary name for
 * `base` (O_EXCL, never through a link).  gk_tmpfile_at returns a
 * writable descriptor, gk_tmpdir_at a descriptor of the new directory
 * (mode 0755 less the umask, as mkdir(1): nobody else can put anything
 * into it); *name is set (caller frees). */
int gk_tmpfile_at(int dirfd, const char *base, char **name);
int gk_tmpdir_at(int dirfd, const char *base, char **name);
/* Rename `name` to a fresh temporary name for it (never replacing
 * anything); *aside is set (caller frees). */
int gk_rename_aside(int dirfd, const char *name, const char *tag, char **aside);

/* Write `len` bytes to the new file `name` (O_EXCL|O_NOFOLLOW) and fsync. */
int gk_write_new_at(int dirfd, const char *name, const char *data, size_t len);
/* Replace `name` atomically: a temporary file, fsync, renameat.  A
 * symbolic link at `name` is replaced, not followed. */
int gk_write_atomic_at(int dirfd, const char *name, const char *data, size_t len);
/* Read the regular file `name` (O_NOFOLLOW; a FIFO or device fails with
 * EINVAL, a directory with EISDIR). */
char *gk_read_file_at(int dirfd, const char *name, size_t *len);
/* rm -rf `name`, through descriptors, never following a link (a link is
 * removed itself).  0 when it is gone (or was not there). */
int gk_rmtree_at(int dirfd, const char *name);
/* fsync a directory (best effort). */
void gk_fsync_fd(int fd);
/* The entries of directory dirfd, from the start (its own descriptor:
 * closedir() it).  NULL with errno set. */
DIR *gk_dir_list(int dirfd);

/* What gk_malloc and friends do when memory runs out, instead of printing
 * "out of memory" and exiting GK_ELIMIT (a worker process whose parent
 * reports it).  The handler must not return. */
void gk_set_oom_handler(void (*fn)(size_t n));

/* setrlimit(resource) to soft/hard, never above the hard limit already in
 * force (a process may lower its limits, not raise them). */
void gk_set_limit(int resource, unsigned long long soft, unsigned long long hard);

/* mkdir -p.  Returns 0 or -1 with errno set. */
int gk_mkdirs(const char *path);

/* Escape/unescape a field of the line-oriented stream formats:
 * '\\' -> "\\\\", TAB -> "\\t", LF -> "\\n", CR -> "\\r". */
void gk_buf_add_escaped(gk_buf *b, const char *s);
char *gk_unescape(const char *s, size_t n);

/* Split a line at TABs (in place, no unescaping).  Returns field count. */
int gk_split_tabs(char *line, char **fields, int max);

/* SHA-256 of a buffer as 64 lowercase hex digits + NUL. */
void gk_sha256_hex(const void *data, size_t len, char out[65]);

/* Directory of the running executable's rules: $GONGKAI_RULES, else
 * <dir of executable>/../rules.  Caller frees. */
char *gk_default_rules_dir(void);

/* The UTF-8 sequence at p, of at most n bytes (or up to a NUL: the
 * terminator is no continuation byte), decoded strictly: no overlong
 * forms, surrogates or code points beyond U+10FFFF.  Returns its length
 * (1 for ASCII) and sets *cp; 0 when it is not valid UTF-8. */
static inline int gk_utf8_next(const unsigned char *p, size_t n, unsigned *cp)
{
	unsigned c = p[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	int len;
	unsigned lo = 0x80, hi = 0xBF, v;
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		v = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		v = c & 0x0F;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		v = c & 0x07;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else {
		return 0;
	}
	if ((size_t)len > n)
		return 0;
	for (int i = 1; i < len; i++) {
		if (p[i] < lo || p[i] > hi)
			return 0;
		lo = 0x80;
		hi = 0xBF;
		v = (v << 6) | (p[i] & 0x3F);
	}
	*cp = v;
	return len;
}

#endif
