/*
 * fuzz_text.c - gk_extract_text on arbitrary bytes.
 *
 * Beyond memory safety (ASan, UBSan), checks what extract.h and ptext.h
 * promise of a document: an exit code of enum gk_exit with a message iff it
 * failed; at least one page; lines on pages 1..npage; cells of valid UTF-8
 * without TAB, CR or LF; and that the document survives the extract format
 * (gk_doc_write, then gk_doc_read gives the same lines and cells).
 */
#include "../extract/extract.h"
#include "fuzz.h"

static void check_doc(const gk_doc *doc)
{
	FUZZ_CHECK(doc->npage >= 1, "npage %d", doc->npage);
	for (int i = 0; i < doc->nline; i++) {
		const gk_line *l = &doc->line[i];
		FUZZ_CHECK(l->page >= 1 && l->page <= doc->npage, "line %d on page %d of %d", i, l->page, doc->npage);
		FUZZ_CHECK(l->geom == GK_GEOM_TAB || l->geom == GK_GEOM_POS || l->geom == GK_GEOM_FLOW, "geom %d",
		           (int)l->geom);
		FUZZ_CHECK(l->ncell >= 1, "line %d without cells", i);
		for (int j = 0; j < l->ncell; j++) {
			const char *t = l->cell[j].text;
			FUZZ_CHECK(t != NULL, "line %d cell %d: NULL text", i, j);
			size_t n = strlen(t);
			FUZZ_CHECK(!memchr(t, '\t', n) && !memchr(t, '\n', n) && !memchr(t, '\r', n),
			           "line %d cell %d: TAB/CR/LF in '%s'", i, j, t);
			FUZZ_CHECK(fuzz_utf8_ok(t, n), "line %d cell %d: invalid UTF-8", i, j);
			FUZZ_CHECK(l->cell[j].x0 <= l->cell[j].x1, "line %d cell %d: x0 %g > x1 %g", i, j, l->cell[j].x0,
			           l->cell[j].x1);
		}
	}
}

/* write, read back, compare */
static void check_roundtrip(const gk_doc *doc)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	FUZZ_CHECK(f != NULL, "open_memstream");
	FUZZ_CHECK(gk_doc_write(f, doc) == 0, "gk_doc_write failed");
	fclose(f);
	f = fmemopen(buf, len, "r");
	FUZZ_CHECK(f != NULL, "fmemopen");
	gk_doc *back = NULL;
	char *err = NULL;
	int r = gk_doc_read(f, &back, &err);
	FUZZ_CHECK(r == 1, "gk_doc_read of our own output: %d (%s)", r, err ? err : "");
	FUZZ_CHECK(back->nline == doc->nline, "lines %d -> %d", doc->nline, back->nline);
	for (int i = 0; i < doc->nline; i++) {
		FUZZ_CHECK(back->line[i].ncell == doc->line[i].ncell, "line %d: cells %d -> %d", i, doc->line[i].ncell,
		           back->line[i].ncell);
		FUZZ_CHECK(back->line[i].page == doc->line[i].page, "line %d: page", i);
		for (int j = 0; j < doc->line[i].ncell; j++)
			FUZZ_CHECK(!strcmp(back->line[i].cell[j].text, doc->line[i].cell[j].text),
			           "line %d cell %d: '%s' -> '%s'", i, j, doc->line[i].cell[j].text, back->line[i].cell[j].text);
	}
	gk_doc *none = NULL;
	FUZZ_CHECK(gk_doc_read(f, &none, &err) == 0, "more than one document read back");
	fclose(f);
	gk_doc_drop(back);
	free(err);
	free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	gk_doc *doc = NULL;
	char *err = NULL;
	int rc = gk_extract_text("fuzz.txt", (const char *)data, size, &doc, &err);
	if (rc == GK_OK) {
		FUZZ_CHECK(doc != NULL && err == NULL, "GK_OK without a document, or with a message");
		check_doc(doc);
		check_roundtrip(doc);
	} else {
		FUZZ_CHECK(doc == NULL, "a document with error %d", rc);
		FUZZ_CHECK(rc == GK_EFORMAT || rc == GK_EENCODING, "unexpected exit code %d", rc);
		FUZZ_CHECK(err && *err && !strchr(err, '\n'), "error %d without a one-line message", rc);
	}
	gk_doc_drop(doc);
	free(err);
	return 0;
}
