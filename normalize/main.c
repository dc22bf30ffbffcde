/* gongkai-normalize: extract stream on stdin -> tables stream on stdout. */
#include "gk.h"
#include "normalize.h"

#include <getopt.h>
#include <stdlib.h>

static const char usage[] =
	"usage: gongkai-normalize [--rules DIR] < EXTRACT-STREAM > TABLES-STREAM\n"
	"\n"
	"Reads documents in the extract format (gongkai-extract), finds their\n"
	"tables with the rules in DIR (default: the rules/ beside the program,\n"
	"or $GONGKAI_RULES) and writes them in the tables format (gongkai-load).\n";

int main(int argc, char **argv)
{
	gk_progname = "gongkai-normalize";
	const char *rules_dir = NULL;
	static const struct option longs[] = {
		{"rules", required_argument, 0, 'r'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	opterr = 0;
	/* '+': stop at the first non-option; argv[at] is the element parsed */
	for (int c, at = optind; (c = getopt_long(argc, argv, "+:h", longs, NULL)) != -1; at = optind) {
		switch (c) {
		case 'r': rules_dir = optarg; break;
		case 'h':
			fputs(usage, stdout);
			return fflush(stdout) || ferror(stdout) ? GK_EWRITE : GK_OK;
		case ':': gk_die(GK_EUSAGE, "option '%s' needs a value DIR", argv[at]);
		default: gk_die(GK_EUSAGE, "unknown option '%s' (try --help)", argv[at]);
		}
	}
	if (optind < argc)
		gk_die(GK_EUSAGE, "unexpected argument '%s' (try --help)", argv[optind]);
	char *dir = rules_dir ? gk_strdup(rules_dir) : gk_default_rules_dir();
	char *err = NULL;
	gk_rules *rules = gk_rules_load(dir, &err);
	free(dir);
	if (!rules) {
		gk_error("%s", err);
		free(err);
		return GK_ERULES;
	}
	int rc = GK_OK;
	for (;;) {
		gk_doc *doc;
		int got = gk_doc_read(stdin, &doc, &err);
		if (got == 0)
			break;
		if (got < 0) {
			gk_error("stdin: %s", err);
			free(err);
			rc = GK_EFORMAT;
			break;
		}
		gk_result *r = gk_normalize(doc, rules, NULL);
		if (gk_result_write(stdout, r) < 0)
			rc = GK_EWRITE;
		gk_result_drop(r);
		gk_doc_drop(doc);
		if (rc == GK_EWRITE)
			break;
	}
	gk_rules_drop(rules);
	if (fflush(stdout) || ferror(stdout)) {
		gk_error("cannot write to standard output");
		rc = GK_EWRITE;
	}
	return rc;
}
