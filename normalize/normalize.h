/*
 * normalize.h - stage 2: gk_doc (positioned text) -> gk_result (contract
 * tables + checks + document metadata).
 */
#ifndef GK_NORMALIZE_H
#define GK_NORMALIZE_H

#include "ptext.h"
#include "rules.h"
#include "table.h"

/* Find and parse every table of doc.  docname is the <doc> of the output
 * (input file name without extension); NULL derives it from the "source"
 * metadata.  Never fails: a document with no table gives a result with no
 * tables (the caller decides whether that is an error). */
gk_result *gk_normalize(const gk_doc *doc, const gk_rules *rules, const char *docname);

/* Consistency checks (../shared/spec/TABLES.md "Checks"), appended to
 * r->checks; the narrative of doc supplies the figures stated in text. */
void gk_checks_run(gk_result *r, const gk_doc *doc);

/* The table id whose usual title (rules "title-canon") a title read by
 * OCR, decorations stripped, is near enough to be taken for it, or NULL;
 * *canon set to that title (normalize/ocrtitle.c). */
const char *gk_title_near(const gk_rules *rules, const char *s, const char **canon, int *same_len);

/* The <doc> name of a path: basename without its last extension. */
char *gk_doc_name(const char *path);

#endif
