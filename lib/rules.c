/* rules.c - load rules/NAME.rules, compile each pattern once with JIT. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "rules.h"
#include "gk.h"

#include <dirent.h>
#include <errno.h>
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

typedef struct kindlist {
	const char *kind;
	int n;
	const gk_rule **r;
} kindlist;

struct gk_rules {
	gk_rule *rule;
	int n, cap;
	kindlist *kinds; /* the rules of each kind, in file order: built once */
	int nkinds;
	char hash[65];
};

static int cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void rules_add(gk_rules *rs, gk_rule *r)
{
	if (rs->n == rs->cap) {
		rs->cap = rs->cap ? rs->cap * 2 : 64;
		rs->rule = gk_realloc(rs->rule, sizeof *rs->rule * (size_t)rs->cap);
	}
	rs->rule[rs->n++] = *r;
}

static int load_file(gk_rules *rs, const char *dir, const char *name, gk_buf *all, char **err)
{
	char *path = gk_strfmt("%s/%s", dir, name);
	size_t len;
	char *text = gk_read_file(path, &len);
	if (!text) {
		*err = gk_strfmt("cannot read '%s': %s", path, strerror(errno));
		free(path);
		return -1;
	}
	gk_buf_adds(all, name);
	gk_buf_addc(all, 0);
	gk_buf_add(all, text, len);
	int lineno = 0;
	char *save = NULL;
	for (char *line = text, *next; line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = 0;
		lineno++;
		size_t l = strlen(line);
		if (l && line[l - 1] == '\r')
			line[--l] = 0;
		if (!l || line[0] == '#')
			continue;
		char *f[5];
		int nf = gk_split_tabs(line, f, 5);
		if (nf < 3 || !*f[0] || !*f[2]) {
			*err = gk_strfmt("%s:%d: expected KIND<TAB>NAME<TAB>PATTERN", path, lineno);
			goto fail;
		}
		int ec;
		PCRE2_SIZE eo;
		pcre2_code *code = pcre2_compile((PCRE2_SPTR)f[2], PCRE2_ZERO_TERMINATED,
		                                 PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF, &ec, &eo, NULL);
		if (!code) {
			PCRE2_UCHAR msg[256];
			pcre2_get_error_message(ec, msg, sizeof msg);
			*err = gk_strfmt("%s:%d: offset %zu: %s", path, lineno, (size_t)eo, (char *)msg);
			goto fail;
		}
		pcre2_jit_compile(code, PCRE2_JIT_COMPLETE); /* falls back to the interpreter if JIT is unavailable */
		gk_rule r = {gk_strdup(f[0]), gk_strdup(f[1]), gk_strdup(f[2]), gk_strdup(nf > 3 ? f[3] : ""),
		             gk_strdup(path), lineno, code};
		rules_add(rs, &r);
	}
	(void)save;
	free(text);
	free(path);
	return 0;
fail:
	free(text);
	free(path);
	return -1;
}

gk_rules *gk_rules_load(const char *dir, char **err)
{
	*err = NULL;
	DIR *d = opendir(dir);
	if (!d) {
		*err = gk_strfmt("cannot open rules directory '%s': %s", dir, strerror(errno));
		return NULL;
	}
	gk_strv names = {0};
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t l = strlen(e->d_name);
		if (e->d_name[0] != '.' && l > 6 && !strcmp(e->d_name + l - 6, ".rules"))
			gk_strv_pushs(&names, e->d_name);
	}
	closedir(d);
	if (!names.n) {
		*err = gk_strfmt("no *.rules files in '%s'", dir);
		gk_strv_drop(&names);
		return NULL;
	}
	qsort(names.v, (size_t)names.n, sizeof *names.v, cmpstr);
	gk_rules *rs = gk_calloc(1, sizeof *rs);
	gk_buf all = {0};
	for (int i = 0; i < names.n; i++)
		if (load_file(rs, dir, names.v[i], &all, err) < 0) {
			gk_buf_drop(&all);
			gk_strv_drop(&names);
			gk_rules_drop(rs);
			return NULL;
		}
	gk_sha256_hex(all.s ? all.s : "", all.len, rs->hash);
	gk_buf_drop(&all);
	gk_strv_drop(&names);
	rs->kinds = gk_calloc((size_t)(rs->n + 1), sizeof *rs->kinds);
	for (int i = 0; i < rs->n; i++) {
		kindlist *k = NULL;
		for (int j = 0; j < rs->nkinds; j++)
			if (!strcmp(rs->kinds[j].kind, rs->rule[i].kind))
				k = &rs->kinds[j];
		if (!k) {
			k = &rs->kinds[rs->nkinds++];
			k->kind = rs->rule[i].kind;
			k->r = gk_malloc(sizeof *k->r * (size_t)rs->n);
		}
		k->r[k->n++] = &rs->rule[i];
	}
	return rs;
}

void gk_rules_drop(gk_rules *rs)
{
	if (!rs)
		return;
	for (int i = 0; i < rs->n; i++) {
		gk_rule *r = &rs->rule[i];
		free(r->kind), free(r->name), free(r->pattern), free(r->flags), free(r->file);
		pcre2_code_free(r->code);
	}
	free(rs->rule);
	for (int i = 0; i < rs->nkinds; i++)
		free(rs->kinds[i].r);
	free(rs->kinds);
	free(rs);
}

const char *gk_rules_hash(const gk_rules *rs)
{
	return rs->hash;
}

static const kindlist *kind_of(const gk_rules *rs, const char *kind)
{
	for (int i = 0; i < rs->nkinds; i++)
		if (!strcmp(rs->kinds[i].kind, kind))
			return &rs->kinds[i];
	return NULL;
}

const gk_rule *const *gk_rules_of(const gk_rules *rs, const char *kind, int *n)
{
	const kindlist *k = kind_of(rs, kind);
	*n = k ? k->n : 0;
	return k ? k->r : NULL;
}

/* One match context and match data per process (workers are processes,
 * not threads).  The limits bound the work a rule may do on a line of
 * hostile input: hitting one counts as "no match". */
static pcre2_match_context *g_mctx;
static pcre2_match_data *g_md;

int gk_rule_match(const gk_rule *r, const char *s, size_t len, size_t *ovec)
{
	if (!g_md) {
		g_md = pcre2_match_data_create(4, NULL);
		g_mctx = pcre2_match_context_create(NULL);
		pcre2_set_match_limit(g_mctx, 200000);
		pcre2_set_depth_limit(g_mctx, 2000);
		pcre2_set_heap_limit(g_mctx, 8192); /* KiB */
	}
	int rc = pcre2_match(r->code, (PCRE2_SPTR)s, len, 0, 0, g_md, g_mctx);
	if (rc < 0)
		return 0;
	if (ovec) {
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(g_md);
		ovec[0] = ov[0];
		ovec[1] = ov[1];
	}
	return 1;
}

const gk_rule *gk_rules_first(const gk_rules *rs, const char *kind, const char *s)
{
	const kindlist *k = kind_of(rs, kind);
	size_t len = strlen(s);
	for (int i = 0; k && i < k->n; i++)
		if (gk_rule_match(k->r[i], s, len, NULL))
			return k->r[i];
	return NULL;
}
