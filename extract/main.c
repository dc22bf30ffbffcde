/* main.c - gongkai-extract: files -> extract format on stdout. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "extract.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
	"usage: gongkai-extract [--no-isolate] [--no-ocr] [--limits MEM_MB,CPU_S,WALL_S] FILE...\n"
	"\n"
	"Read each PDF or text FILE ('-': standard input) and write its positioned\n"
	"text in the extract format to stdout, one document after the other.\n"
	"\n"
	"  --no-ocr       do not read scanned pages by OCR (a scan: exit 7)\n"
	"  --no-isolate   extract in this process (default: a child process\n"
	"                 with memory, CPU and wall-time limits)\n"
	"  --limits M,C,W child limits: memory MiB, CPU seconds, wall seconds\n"
	"                 (0 = none; default 2048,120,180)\n"
	"  --help         this text\n"
	"  --version      the version\n";

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
	int isolate = 1, c;
	static const struct option longs[] = {
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{"no-ocr", no_argument, NULL, 'O'},
		{"no-isolate", no_argument, NULL, 'I'},
		{"limits", required_argument, NULL, 'L'},
		{NULL, 0, NULL, 0},
	};
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", longs, NULL)) != -1) {
		switch (c) {
		case 'h':
			fputs(usage, stdout);
			if (fflush(stdout) != 0 || ferror(stdout)) {
				gk_error("cannot write to standard output");
				return GK_EWRITE;
			}
			return GK_OK;
		case 'V':
			fputs("gongkai-extract " GK_VERSION "\n", stdout);
			return fflush(stdout) || ferror(stdout) ? GK_EWRITE : GK_OK;
		case 'O': gk_extract_set_ocr(0); break;
		case 'I': isolate = 0; break;
		case 'L':
			if (parse_limits(optarg, &lim) < 0) {
				gk_error("bad value '%s' for '--limits': expected MEM_MB,CPU_S,WALL_S", optarg);
				return GK_EUSAGE;
			}
			break;
		case ':':
			gk_error("option '%s' needs a value (try --help)", argv[optind - 1]);
			return GK_EUSAGE;
		default:
			gk_error("unknown option '%s' (try --help)", argv[optind - 1]);
			return GK_EUSAGE;
		}
	}
	int i = optind;
	if (i >= argc) {
		gk_error("no input files (try --help)");
		return GK_EUSAGE;
	}

	int nfile = argc - i, nfail = 0, last = GK_OK;
	for (; i < argc; i++) {
		gk_doc *doc = NULL;
		char *err = NULL;
		char *in = !strcmp(argv[i], "-") ? gk_stdin_file(&err) : NULL; /* '-': a copy of stdin */
		const char *file = in ? in : argv[i];
		int rc = !strcmp(argv[i], "-") && !in ? GK_EOPEN
		         : isolate ? gk_extract_isolated(file, &lim, &doc, &err)
		                   : gk_extract_file(file, &doc, &err);
		if (rc == GK_OK && !isolate)
			gk_extract_warn(argv[i], doc);
		if (in) {
			if (doc)
				gk_doc_set_meta(doc, "source", "-");
			unlink(in);
			free(in);
		}
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
