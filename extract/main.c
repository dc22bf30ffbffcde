/* main.c - gongkai-extract: files -> extract format on stdout. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "extract.h"

#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: gongkai-extract [--no-isolate] [--no-ocr] [--limits MEM_MB,CPU_S,WALL_S] FILE...\n"
	"\n"
	"Read each PDF or text FILE and write its positioned text in the extract\n"
	"format to stdout, one document after the other.\n"
	"\n"
	"  --no-ocr       do not read scanned pages by OCR (a scan: exit 7)\n"
	"  --no-isolate   extract in this process (default: a child process\n"
	"                 with memory, CPU and wall-time limits)\n"
	"  --limits M,C,W child limits: memory MiB, CPU seconds, wall seconds\n"
	"                 (0 = none; default 2048,120,180)\n"
	"  --help         this text\n";

/* "M,C,W": three non-negative decimal integers */
static int parse_limits(const char *s, gk_limits *lim)
{
	long v[3];
	for (int i = 0; i < 3; i++) {
		if (*s < '0' || *s > '9')
			return -1;
		long x = 0;
		while (*s >= '0' && *s <= '9') {
			if (x > 100000000)
				return -1;
			x = x * 10 + (*s++ - '0');
		}
		v[i] = x;
		if (i < 2 && *s++ != ',')
			return -1;
	}
	if (*s)
		return -1;
	lim->mem_mb = v[0];
	lim->cpu_s = v[1];
	lim->wall_s = v[2];
	return 0;
}

int main(int argc, char **argv)
{
	gk_progname = "gongkai-extract";
	gk_limits lim = gk_default_limits;
	int isolate = 1, i = 1;
	for (; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--")) {
			i++;
			break;
		} else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			fputs(usage, stdout);
			if (fflush(stdout) != 0 || ferror(stdout)) {
				gk_error("cannot write to standard output");
				return GK_EWRITE;
			}
			return GK_OK;
		} else if (!strcmp(a, "--no-ocr")) {
			gk_extract_set_ocr(0);
		} else if (!strcmp(a, "--no-isolate")) {
			isolate = 0;
		} else if (!strcmp(a, "--limits") || !strncmp(a, "--limits=", 9)) {
			const char *v = a[8] == '=' ? a + 9 : i + 1 < argc ? argv[++i] : NULL;
			if (!v) {
				gk_error("option '--limits' needs a value MEM_MB,CPU_S,WALL_S");
				return GK_EUSAGE;
			}
			if (parse_limits(v, &lim) < 0) {
				gk_error("bad value '%s' for '--limits': expected MEM_MB,CPU_S,WALL_S", v);
				return GK_EUSAGE;
			}
		} else if (a[0] == '-' && a[1]) {
			gk_error("unknown option '%s' (try --help)", a);
			return GK_EUSAGE;
		} else {
			break;
		}
	}
	if (i >= argc) {
		gk_error("no input files (try --help)");
		return GK_EUSAGE;
	}

	int nfile = argc - i, nfail = 0, last = GK_OK;
	for (; i < argc; i++) {
		gk_doc *doc = NULL;
		char *err = NULL;
		int rc = isolate ? gk_extract_isolated(argv[i], &lim, &doc, &err)
		                 : gk_extract_file(argv[i], &doc, &err);
		if (rc == GK_OK && !isolate)
			gk_extract_warn(argv[i], doc);
		if (rc == GK_OK && gk_doc_write(stdout, doc) < 0) {
			gk_doc_drop(doc);
			gk_error("cannot write to standard output");
			return GK_EWRITE;
		}
		if (rc != GK_OK) {
			gk_error("'%s': %s", argv[i], err ? err : gk_exit_name(rc));
			nfail++;
			last = rc;
		}
		gk_doc_drop(doc);
		free(err);
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		gk_error("cannot write to standard output");
		return GK_EWRITE;
	}
	if (nfail == 0)
		return GK_OK;
	return nfile == 1 ? last : GK_EFAIL;
}
