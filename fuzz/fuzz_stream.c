/*
 * fuzz_stream.c - the stage streams on arbitrary bytes: what
 * gongkai-normalize and gongkai-load read on stdin.
 *
 * The input is read as an extract stream (gk_doc_read, document after
 * document until the end or an error) and each document is normalized
 * with the real rules: positioned lines with any page number, coordinates
 * (NaN and infinities included), sizes and geometry, the way a hostile or
 * corrupt stream would give them.  The same bytes are then read as a
 * tables stream (gk_result_read) and written back (gk_result_write).
 * An error must come with a one-line message.
 */
#include "../extract/extract.h"
#include "../normalize/normalize.h"
#include "fuzz.h"
#include "rules.h"

#ifndef FUZZ_RULES_DIR
#define FUZZ_RULES_DIR "rules"
#endif

static gk_rules *g_rules;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	const char *dir = getenv("GONGKAI_RULES");
	if (!dir || !*dir)
		dir = FUZZ_RULES_DIR;
	char *err = NULL;
	g_rules = gk_rules_load(dir, &err);
	if (!g_rules) {
		fprintf(stderr, "fuzz_stream: cannot load the rules: %s\n", err ? err : "?");
		exit(1);
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	FILE *f = fmemopen((void *)data, size, "r");
	if (!f)
		return 0;
	for (int k = 0; k < 8; k++) {
		gk_doc *doc = NULL;
		char *err = NULL;
		int r = gk_doc_read(f, &doc, &err);
		if (r == 1) {
			FUZZ_CHECK(doc && !err, "document with a message");
			gk_result *res = gk_normalize(doc, g_rules, NULL);
			FUZZ_CHECK(res != NULL, "gk_normalize returned NULL");
			gk_result_drop(res);
			gk_doc_drop(doc);
			continue;
		}
		FUZZ_CHECK(!doc, "no document expected (%d)", r);
		if (r < 0)
			FUZZ_CHECK(err && *err && !strchr(err, '\n'), "error without a one-line message");
		free(err);
		break;
	}
	fclose(f);

	f = fmemopen((void *)data, size, "r");
	if (!f)
		return 0;
	for (int k = 0; k < 8; k++) {
		gk_result *res = NULL;
		char *err = NULL;
		int r = gk_result_read(f, &res, &err);
		if (r == 1) {
			char *buf = NULL;
			size_t len = 0;
			FILE *w = open_memstream(&buf, &len);
			FUZZ_CHECK(w && gk_result_write(w, res) == 0, "gk_result_write failed");
			fclose(w);
			free(buf);
			gk_result_drop(res);
			continue;
		}
		FUZZ_CHECK(!res, "no result expected (%d)", r);
		if (r < 0)
			FUZZ_CHECK(err && *err && !strchr(err, '\n'), "error without a one-line message");
		free(err);
		break;
	}
	fclose(f);
	return 0;
}
