/*
 * fuzz_norm.c - the normalizer primitives of norm.h on arbitrary strings:
 * gk_amount_parse, gk_amount_scale, gk_func_code, gk_econ_code,
 * gk_label_clean, gk_fold_width, gk_unit_parse, gk_has_cjk.
 *
 * Input: byte 0 picks the shift of gk_amount_scale (-64..64 and a few
 * out-of-range values) and the output buffer size; the rest is the string.
 * Checks the documented output shapes:
 *   amount_parse  canonical -?[0-9]+(\.[0-9]+)?, no leading zeros, no "-0",
 *                 and parsing its own output gives it back;
 *   amount_scale  canonical, numerically the input times 10^shift (scaling
 *                 back gives the input's value), never more than outsz;
 *   func_code     3, 5 or 7 digits starting with 2; econ_code 3 or 5
 *                 digits starting with 3 or 5; out "" when 0;
 *   unit_parse    GK_UNIT_NONE or -4..4;
 *   fold_width    no full-width ASCII left, never longer than its input;
 *   label_clean   valid UTF-8 for valid UTF-8, no white space at its ends.
 */
#include "../normalize/norm.h"
#include "fuzz.h"

static int canonical(const char *s)
{
	const char *p = s;
	if (*p == '-')
		p++;
	if (*p < '0' || *p > '9')
		return 0;
	while (*p >= '0' && *p <= '9')
		p++;
	if (*p == '.') {
		p++;
		if (*p < '0' || *p > '9')
			return 0;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	return *p == 0;
}

/* the value of a canonical string with trailing fraction zeros (and a
 * bare point) removed, for numeric comparison */
static void value_of(const char *s, char *out, size_t outsz)
{
	snprintf(out, outsz, "%s", s);
	char *dot = strchr(out, '.');
	if (dot) {
		char *e = out + strlen(out);
		while (e > dot + 1 && e[-1] == '0')
			*--e = 0;
		if (e == dot + 1)
			*dot = 0;
	}
	/* "-0" and "0" are the same value */
	if (!strcmp(out, "-0"))
		strcpy(out, "0");
}

static void check_amount(const char *s, int shift)
{
	char out[64], again[64];
	if (!gk_amount_parse(s, out, sizeof out))
		return;
	size_t n = strlen(out);
	if (n + 1 >= sizeof out)
		return; /* truncated: the documented "truncated to outsz" */
	FUZZ_CHECK(canonical(out), "amount_parse('%s') = '%s': not canonical", s, out);
	const char *digits = out[0] == '-' ? out + 1 : out;
	FUZZ_CHECK(!(digits[0] == '0' && digits[1] >= '0' && digits[1] <= '9'), "amount_parse('%s') = '%s': leading zero",
	           s, out);
	if (out[0] == '-') {
		int nonzero = 0;
		for (const char *p = out + 1; *p; p++)
			nonzero |= *p >= '1' && *p <= '9';
		FUZZ_CHECK(nonzero, "amount_parse('%s') = '%s': negative zero", s, out);
	}
	FUZZ_CHECK(gk_amount_parse(out, again, sizeof again) && !strcmp(out, again),
	           "amount_parse not idempotent: '%s' -> '%s' -> '%s'", s, out, again);

	char sc[256], back[256], v1[256], v2[256];
	if (!gk_amount_scale(out, shift, sc, sizeof sc)) {
		FUZZ_CHECK(sc[0] == 0, "amount_scale failed but wrote '%s'", sc);
		return;
	}
	FUZZ_CHECK(canonical(sc), "amount_scale('%s', %d) = '%s': not canonical", out, shift, sc);
	if (gk_amount_scale(sc, -shift, back, sizeof back)) {
		value_of(out, v1, sizeof v1);
		value_of(back, v2, sizeof v2);
		FUZZ_CHECK(!strcmp(v1, v2), "amount_scale round trip: '%s' x10^%d = '%s', back '%s'", out, shift, sc, back);
	}
	/* a small buffer: fail cleanly or fit */
	char tiny[8];
	if (gk_amount_scale(out, shift, tiny, sizeof tiny))
		FUZZ_CHECK(strlen(tiny) < sizeof tiny && !strcmp(tiny, sc), "amount_scale into 8 bytes: '%s' vs '%s'", tiny,
		           sc);
	else
		FUZZ_CHECK(tiny[0] == 0, "amount_scale failed into 8 bytes but wrote '%s'", tiny);
}

static void check_codes(const char *s)
{
	char out[16];
	memset(out, 'X', sizeof out);
	int n = gk_func_code(s, out);
	FUZZ_CHECK(n == 0 || n == 3 || n == 5 || n == 7, "func_code('%s') = %d", s, n);
	FUZZ_CHECK(memchr(out, 0, sizeof out) != NULL, "func_code('%s'): out not terminated", s);
	FUZZ_CHECK((int)strlen(out) == n, "func_code('%s') = %d but out '%s'", s, n, out);
	for (int i = 0; i < n; i++)
		FUZZ_CHECK(out[i] >= '0' && out[i] <= '9', "func_code('%s'): '%s'", s, out);
	if (n)
		FUZZ_CHECK(out[0] == '2', "func_code('%s') = '%s': not 2xx", s, out);

	memset(out, 'X', sizeof out);
	n = gk_econ_code(s, out);
	FUZZ_CHECK(n == 0 || n == 3 || n == 5 || (n == 7 && out[0] == '3'), "econ_code('%s') = %d", s, n);
	FUZZ_CHECK(memchr(out, 0, sizeof out) != NULL, "econ_code('%s'): out not terminated", s);
	FUZZ_CHECK((int)strlen(out) == n, "econ_code('%s') = %d but out '%s'", s, n, out);
	for (int i = 0; i < n; i++)
		FUZZ_CHECK(out[i] >= '0' && out[i] <= '9', "econ_code('%s'): '%s'", s, out);
	if (n)
		FUZZ_CHECK(out[0] == '3' || out[0] == '5', "econ_code('%s') = '%s'", s, out);
}

static void check_text(const char *s)
{
	size_t n = strlen(s);
	int valid = fuzz_utf8_ok(s, n);

	int u = gk_unit_parse(s);
	FUZZ_CHECK(u == GK_UNIT_NONE || (u >= -4 && u <= 4), "unit_parse('%s') = %d", s, u);

	char *f = gk_fold_width(s);
	FUZZ_CHECK(f != NULL, "fold_width returned NULL");
	FUZZ_CHECK(strlen(f) <= n, "fold_width('%s') = '%s' grew", s, f);
	if (valid) {
		FUZZ_CHECK(fuzz_utf8_ok(f, strlen(f)), "fold_width('%s'): invalid UTF-8 out", s);
		/* U+FF01..U+FF5E = EF BC 81..EF BD 9E; U+3000 = E3 80 80 */
		for (const unsigned char *p = (const unsigned char *)f; *p; p++)
			if (p[0] == 0xEF && ((p[1] == 0xBC && p[2] >= 0x81) || (p[1] == 0xBD && p[2] && p[2] <= 0x9E)))
				FUZZ_CHECK(0, "fold_width('%s') = '%s': full-width left", s, f);
	}
	free(f);

	char *l = gk_label_clean(s);
	FUZZ_CHECK(l != NULL, "label_clean returned NULL");
	size_t ln = strlen(l);
	if (valid)
		FUZZ_CHECK(fuzz_utf8_ok(l, ln), "label_clean('%s') = '%s': invalid UTF-8 out", s, l);
	if (ln)
		FUZZ_CHECK(l[0] != ' ' && l[ln - 1] != ' ', "label_clean('%s') = '%s': not trimmed", s, l);
	(void)gk_has_cjk(l);
	free(l);
	(void)gk_has_cjk(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	int b = data[0];
	/* -64..64 mostly; 66, -66 and 127 exercise the |shift| > 64 refusal */
	int shift = b < 129 ? b - 64 : b < 200 ? (b % 9) - 4 : b < 250 ? 66 : -66;
	char *s = fuzz_cstr(data + 1, size - 1);
	check_amount(s, shift);
	check_codes(s);
	check_text(s);
	free(s);
	return 0;
}
