/*
 * fuzz_pdf.c - gk_extract_pdf on arbitrary bytes (poppler underneath: its
 * own code is not instrumented, ours is).  Checks the extract.h contract:
 * an exit code of the PDF family with a one-line message, or a document
 * whose cells are valid UTF-8 without TAB, CR or LF on pages 1..npage.
 */
#include "../extract/extract.h"
#include "fuzz.h"

#include <glib.h>

static void quiet(const gchar *d, GLogLevelFlags l, const gchar *m, gpointer u)
{
	(void)d, (void)l, (void)m, (void)u;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	/* poppler-glib's warnings about broken files: not findings */
	g_log_set_default_handler(quiet, NULL);
	/* the text layer is what is fuzzed; OCR (Tesseract, not ours) would
	 * spend seconds on each garbled page.  tests/ocr covers it */
	gk_extract_set_ocr(0);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	gk_doc *doc = NULL;
	char *err = NULL;
	int rc = gk_extract_pdf("fuzz.pdf", (const char *)data, size, &doc, &err);
	if (rc == GK_OK) {
		FUZZ_CHECK(doc && !err, "GK_OK without a document, or with a message");
		FUZZ_CHECK(doc->npage >= 1, "npage %d", doc->npage);
		for (int i = 0; i < doc->nline; i++) {
			const gk_line *l = &doc->line[i];
			FUZZ_CHECK(l->page >= 1 && l->page <= doc->npage, "line %d on page %d of %d", i, l->page,
			           doc->npage);
			for (int j = 0; j < l->ncell; j++) {
				const char *t = l->cell[j].text;
				size_t n = strlen(t);
				FUZZ_CHECK(n > 0, "line %d cell %d empty", i, j);
				FUZZ_CHECK(!memchr(t, '\t', n) && !memchr(t, '\n', n) && !memchr(t, '\r', n),
				           "line %d cell %d: TAB/CR/LF", i, j);
				FUZZ_CHECK(fuzz_utf8_ok(t, n), "line %d cell %d: invalid UTF-8", i, j);
			}
		}
	} else {
		FUZZ_CHECK(!doc, "a document with error %d", rc);
		FUZZ_CHECK(rc == GK_EENCRYPTED || rc == GK_ENOTEXT || rc == GK_EDAMAGED, "unexpected exit code %d", rc);
		FUZZ_CHECK(err && *err && !strchr(err, '\n'), "error %d without a one-line message", rc);
	}
	gk_doc_drop(doc);
	free(err);
	return 0;
}
