/* gongkai-load - the tables stream on stdin -> CSV files under OUT. */
#include "load.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: gongkai-load -o OUT [--bom] [--no-neutralize] [--sqlite DB] [--no-combine]\n"
	"\n"
	"Read a tables stream (the output of gongkai-normalize) on stdin and write\n"
	"OUT/<doc>/<table_id>.csv, OUT/<doc>/document.csv and OUT/<doc>/checks.csv\n"
	"for each document, then rebuild the combined OUT/<table_id>.csv files from\n"
	"every document directory under OUT.\n"
	"\n"
	"  -o, --output OUT  output directory (created if missing)\n"
	"      --bom         start every CSV with a UTF-8 byte order mark (Excel)\n"
	"      --no-neutralize  write cells starting with = + - @ as they are (by\n"
	"                    default they get a leading ' so that a spreadsheet\n"
	"                    does not run them as formulas; numbers never do)\n"
	"      --sqlite DB   also write the combined tables to the SQLite file DB\n"
	"      --no-combine  write the document directories only\n"
	"  -h, --help        show this help\n"
	"\n"
	"Exit: 0 ok, 2 bad arguments, 4 malformed stream, 10 cannot write.\n";

int main(int argc, char **argv)
{
	gk_progname = "gongkai-load";
	gk_load_opts o = {0};
	int combine = 1;
	static const struct option longs[] = {
		{"output", required_argument, 0, 'o'}, {"bom", no_argument, 0, 'b'},
		{"sqlite", required_argument, 0, 's'}, {"no-combine", no_argument, 0, 'n'},
		{"help", no_argument, 0, 'h'},         {"no-neutralize", no_argument, 0, 'r'},
		{0, 0, 0, 0},
	};
	opterr = 0;
	int c;
	while ((c = getopt_long(argc, argv, ":o:h", longs, NULL)) != -1) {
		switch (c) {
		case 'o': o.outdir = optarg; break;
		case 'b': o.bom = 1; break;
		case 'r': o.raw_cells = 1; break;
		case 's': o.sqlite = optarg; break;
		case 'n': combine = 0; break;
		case 'h':
			fputs(usage, stdout);
			if (fflush(stdout) || ferror(stdout))
				gk_die(GK_EWRITE, "cannot write 'stdout': %s", strerror(errno));
			return GK_OK;
		case ':': gk_die(GK_EUSAGE, "option '%s' needs an argument", argv[optind - 1]);
		default: gk_die(GK_EUSAGE, "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		gk_die(GK_EUSAGE, "unexpected argument '%s'", argv[optind]);
	if (!o.outdir || !*o.outdir)
		gk_die(GK_EUSAGE, "missing '-o OUT'");

	int rc = GK_OK, bad_stream = 0;
	gk_result *r;
	char *err;
	int k;
	while ((k = gk_result_read(stdin, &r, &err)) > 0) {
		if (gk_load_doc(&o, r, &err) != GK_OK) {
			gk_error("%s", err);
			free(err);
			rc = GK_EWRITE;
		}
		gk_result_drop(r);
	}
	if (k < 0) {
		gk_error("stdin: %s", err);
		free(err);
		bad_stream = 1;
	} else if (ferror(stdin)) {
		gk_error("cannot read 'stdin': %s", strerror(errno));
		bad_stream = 1;
	}
	/* also after a bad stream: the documents written so far are in OUT */
	if (combine && gk_load_combine(&o, &err) != GK_OK) {
		gk_error("%s", err);
		free(err);
		rc = GK_EWRITE;
	}
	if (bad_stream)
		return GK_EFORMAT;
	if (fflush(stdout) || ferror(stdout)) {
		gk_error("cannot write 'stdout': %s", strerror(errno));
		return GK_EWRITE;
	}
	return rc;
}
