/*
 * rules.h - PCRE2 rules kept as data files in rules/ (README.md "Rules").
 *
 * Every file rules/NAME.rules is read at start-up; each non-blank line that
 * does not start with '#' is   KIND <TAB> NAME <TAB> PATTERN [<TAB> FLAGS]
 * and each pattern is compiled once (UTF, UCP, JIT) with match, depth and
 * heap limits.  A bad pattern stops the load with "FILE:LINE: offset N:
 * MESSAGE".  Rules of one kind are tried in file order.
 */
#ifndef GK_RULES_H
#define GK_RULES_H

#include <stddef.h>

typedef struct gk_rule {
	char *kind;    /* e.g. "title", "header", "skip" */
	char *name;    /* e.g. a table id, or family:column_key */
	char *pattern;
	char *flags;   /* free-form extra field ("" if none) */
	char *file;    /* where it came from, for messages */
	int line;
	void *code;    /* pcre2_code_8 * */
} gk_rule;

typedef struct gk_rules gk_rules;

/* Load every *.rules file of dir (sorted by name).  NULL with *err set
 * ("rules/titles.rules:12: offset 4: missing closing parenthesis"). */
gk_rules *gk_rules_load(const char *dir, char **err);
void gk_rules_drop(gk_rules *rs);

/* SHA-256 (hex) over the names and bytes of the rule files. */
const char *gk_rules_hash(const gk_rules *rs);

/* Rules of a kind, in file order; *n set to their number (0 and NULL for
 * a kind no file has).  The array belongs to rs. */
const gk_rule *const *gk_rules_of(const gk_rules *rs, const char *kind, int *n);

/* Match one rule against s (len bytes).  Returns 1 on a match and, if
 * ovec is non-NULL, writes the start/end byte offsets of the whole match
 * into ovec[0], ovec[1]; 0 for no match (a match-limit error counts as no
 * match). */
int gk_rule_match(const gk_rule *r, const char *s, size_t len, size_t *ovec);

/* First rule of `kind` that matches s, or NULL. */
const gk_rule *gk_rules_first(const gk_rules *rs, const char *kind, const char *s);

#endif
