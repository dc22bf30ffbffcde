/*
 * main.c - gongkai: the command line.  Parses options into a gk_run_opts
 * and calls gk_run / gk_combine (run.c), which do the work.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "gk.h"
#include "run.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

static const char usage_main[] =
	"usage: gongkai run -o OUT [options] PATH...\n"
	"       gongkai combine -o OUT [--bom] [--no-neutralize] [--sqlite DB]\n"
	"       gongkai --help | --version\n"
	"\n"
	"Turn Chinese government budget disclosures (PDF, text) into the CSV tables\n"
	"of the output contract.\n"
	"\n"
	"commands:\n"
	"  run       extract, normalize and load documents into OUT, then rebuild\n"
	"            the combined OUT/<table_id>.csv\n"
	"  combine   only rebuild the combined files from the OUT/<doc>/ there\n"
	"            (after merging shards: scripts/shard merge)\n"
	"\n"
	"'gongkai COMMAND --help' describes a command.\n";

static const char usage_run[] =
	"usage: gongkai run -o OUT [options] PATH...\n"
	"\n"
	"A PATH is a file (taken whatever its extension) or a directory, searched\n"
	"recursively for *.pdf, *.txt and *.md (dot-files skipped).  Each document\n"
	"goes to OUT/<doc>/ (<doc> = file name without extension); the combined\n"
	"OUT/<table_id>.csv are rebuilt at the end.  A document whose bytes, path,\n"
	"rules and gongkai version are those of its last successful run is skipped;\n"
	"failed documents are retried.\n"
	"\n"
	"options:\n"
	"  -o, --output OUT     output directory (created if missing)\n"
	"  -j, --jobs N         documents processed in parallel (default: CPUs)\n"
	"      --force          re-process every document, changed or not\n"
	"      --strict         exit 12 when a consistency check failed\n"
	"  -q, --quiet          print errors only (no progress, no summary)\n"
	"      --rules DIR      rule files (default: $GONGKAI_RULES, <bin>/../rules)\n"
	"      --bom            start every CSV with a UTF-8 BOM (Excel)\n"
	"      --no-neutralize  write cells starting with = + - @ as they are (by\n"
	"                       default they get a leading ' so that a spreadsheet\n"
	"                       does not run them as formulas; numbers never do)\n"
	"      --sqlite DB      also write the combined tables to SQLite file DB\n"
	"                       (absent, empty or a database gongkai wrote)\n"
	"      --limits M,C,W   per document: memory MiB, CPU s, wall s\n"
	"                       (default 2048,120,180; 0 = no limit; empty = default;\n"
	"                       each page read by OCR adds 15 s CPU and 60 s wall)\n"
	"      --no-ocr         do not OCR scanned pages (a scan fails with exit 7)\n"
	"  -h, --help           show this help\n"
	"\n"
	"exit: 0 ok; 1 some documents failed; 2 usage; 3-9, 14 why the only document\n"
	"failed; 10 cannot write OUT (or DB is not gongkai's); 11 bad rules;\n"
	"12 checks failed (--strict); 13 OUT in use by another run; 70 internal error.\n";

static const char usage_combine[] =
	"usage: gongkai combine -o OUT [--bom] [--no-neutralize] [--sqlite DB]\n"
	"\n"
	"Rebuild every combined OUT/<table_id>.csv (and DB) from the per-document\n"
	"directories OUT/<doc>/ now in OUT.\n"
	"\n"
	"options:\n"
	"  -o, --output OUT     output directory (must exist)\n"
	"      --bom            start every combined CSV with a UTF-8 BOM\n"
	"      --no-neutralize  write formula-like cells as they are (see run)\n"
	"      --sqlite DB      also write the combined tables to SQLite file DB\n"
	"  -h, --help           show this help\n";

enum { OPT_FORCE = 256, OPT_STRICT, OPT_RULES, OPT_BOM, OPT_RAW, OPT_SQLITE, OPT_LIMITS, OPT_NO_OCR };

static int usage_error(const char *cmd, const char *fmt, const char *arg)
{
	fprintf(stderr, "%s: error: ", gk_progname);
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\ntry 'gongkai %s--help'\n", cmd);
	return GK_EUSAGE;
}

static int show(const char *text)
{
	fputs(text, stdout);
	return GK_OK;
}

/* gongkai run | combine ... : argv[0] is the command */
static int command(int argc, char **argv)
{
	int is_run = !strcmp(argv[0], "run");
	const char *cmd = is_run ? "run " : "combine ";
	static const struct option longopts[] = {
		{"output", required_argument, NULL, 'o'}, {"jobs", required_argument, NULL, 'j'},
		{"quiet", no_argument, NULL, 'q'},        {"help", no_argument, NULL, 'h'},
		{"force", no_argument, NULL, OPT_FORCE},  {"strict", no_argument, NULL, OPT_STRICT},
		{"rules", required_argument, NULL, OPT_RULES}, {"bom", no_argument, NULL, OPT_BOM},
		{"sqlite", required_argument, NULL, OPT_SQLITE}, {"limits", required_argument, NULL, OPT_LIMITS},
		{"no-neutralize", no_argument, NULL, OPT_RAW},
		{"no-ocr", no_argument, NULL, OPT_NO_OCR},
		{NULL, 0, NULL, 0},
	};
	gk_run_opts o;
	gk_run_opts_init(&o);
	opterr = 0;
	optind = 1;
	int c;
	while ((c = getopt_long(argc, argv, ":o:j:qh", longopts, NULL)) != -1) {
		/* combine takes only -o, --bom, --no-neutralize, --sqlite, --help */
		if (!is_run && c != 'o' && c != 'h' && c != OPT_BOM && c != OPT_RAW && c != OPT_SQLITE && c != '?' &&
		    c != ':')
			return usage_error(cmd, "option '%s' is not an option of combine", argv[optind - 1]);
		switch (c) {
		case 'o': o.outdir = optarg; break;
		case 'j': {
			char *end;
			errno = 0;
			long n = strtol(optarg, &end, 10);
			if (errno || *end || end == optarg || n < 1 || n > 4096)
				return usage_error(cmd, "bad number of jobs '%s' (want 1..4096)", optarg);
			o.jobs = (int)n;
			break;
		}
		case 'q': o.quiet = 1; break;
		case 'h': return show(is_run ? usage_run : usage_combine);
		case OPT_FORCE: o.force = 1; break;
		case OPT_STRICT: o.strict = 1; break;
		case OPT_RULES: o.rules_dir = optarg; break;
		case OPT_BOM: o.bom = 1; break;
		case OPT_RAW: o.raw_cells = 1; break;
		case OPT_SQLITE: o.sqlite = optarg; break;
		case OPT_NO_OCR: gk_extract_set_ocr(0); break;
		case OPT_LIMITS:
			if (gk_parse_limits(optarg, &o.limits) < 0)
				return usage_error(cmd, "bad limits '%s' (want MEM_MB,CPU_S,WALL_S)", optarg);
			break;
		case ':': return usage_error(cmd, "option '%s' needs a value", argv[optind - 1]);
		default: return usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (!o.outdir || !*o.outdir)
		return usage_error(cmd, "%s", "no output directory (-o OUT)");
	if (!is_run) {
		if (optind < argc)
			return usage_error(cmd, "combine takes no PATH ('%s')", argv[optind]);
		return gk_combine(&o);
	}
	if (optind == argc)
		return usage_error(cmd, "%s", "no input files or directories");
	return gk_run(&o, argv + optind, argc - optind);
}

int main(int argc, char **argv)
{
	gk_progname = "gongkai";
	int code;
	if (argc < 2) {
		fputs(usage_main, stderr);
		return GK_EUSAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help"))
		code = show(usage_main);
	else if (!strcmp(argv[1], "--version"))
		code = show("gongkai " GK_VERSION "\n");
	else if (!strcmp(argv[1], "run") || !strcmp(argv[1], "combine"))
		code = command(argc - 1, argv + 1);
	else
		return usage_error("", "unknown command '%s'", argv[1]);
	if (code == GK_OK && (fflush(stdout) != 0 || ferror(stdout))) {
		gk_error("cannot write to standard output: %s", strerror(errno ? errno : EIO));
		return GK_EWRITE;
	}
	return code;
}
