/*
 * fuzz.h - helpers shared by the libFuzzer harnesses (fuzz/fuzz_NAME.c; built by
 * scripts/fuzz).  A harness aborts (FUZZ_CHECK) when a documented
 * invariant of the code under test does not hold, so libFuzzer records the
 * input as a crash just as it does for a sanitizer report.
 */
#ifndef GK_FUZZ_H
#define GK_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_CHECK(cond, ...)                                                        \
	do {                                                                             \
		if (!(cond)) {                                                               \
			fprintf(stderr, "%s:%d: invariant failed: %s: ", __FILE__, __LINE__, #cond); \
			fprintf(stderr, __VA_ARGS__);                                            \
			fputc('\n', stderr);                                                     \
			abort();                                                                 \
		}                                                                            \
	} while (0)

/* Strict UTF-8 (no overlong forms, surrogates or > U+10FFFF). */
static inline int fuzz_utf8_ok(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		unsigned c = p[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		int len;
		unsigned lo = 0x80, hi = 0xBF;
		if (c >= 0xC2 && c <= 0xDF)
			len = 2;
		else if (c >= 0xE0 && c <= 0xEF) {
			len = 3;
			if (c == 0xE0)
				lo = 0xA0;
			else if (c == 0xED)
				hi = 0x9F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			len = 4;
			if (c == 0xF0)
				lo = 0x90;
			else if (c == 0xF4)
				hi = 0x8F;
		} else
			return 0;
		if (i + (size_t)len > n)
			return 0;
		for (int k = 1; k < len; k++) {
			if (p[i + k] < lo || p[i + k] > hi)
				return 0;
			lo = 0x80;
			hi = 0xBF;
		}
		i += (size_t)len;
	}
	return 1;
}

/* A NUL-terminated copy of n bytes (embedded NULs end the string early,
 * as they would for the C string APIs under test). */
static inline char *fuzz_cstr(const uint8_t *d, size_t n)
{
	char *s = malloc(n + 1);
	if (!s)
		abort();
	memcpy(s, d, n);
	s[n] = 0;
	return s;
}

/* Byte reader over the fuzz input: returns 0 once the input is used up. */
typedef struct fuzz_in {
	const uint8_t *d;
	size_t n, i;
} fuzz_in;

static inline unsigned fuzz_byte(fuzz_in *in)
{
	return in->i < in->n ? in->d[in->i++] : 0;
}

#endif
