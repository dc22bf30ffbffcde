/*
 * run.h - the driver: `gongkai run` (inputs -> forked workers running
 * extract, normalize and load per document -> combine) and `gongkai
 * combine`.  README.md "Running" and docs/HARVEST.md describe the
 * behaviour; main.c only parses the command line into a gk_run_opts.
 *
 * OUT holds, besides the contract files:
 *   .gongkai-manifest  what each document was made from (TSV, below)
 *   .gongkai.lock      flock(2)ed while a run or combine writes OUT
 * Nothing in OUT is followed if it is a symbolic link (README "Security"):
 * files are created at fresh temporary names with O_EXCL|O_NOFOLLOW
 * relative to a descriptor of OUT and renamed into place.
 */
#ifndef GK_RUN_H
#define GK_RUN_H

#include "../extract/extract.h"

typedef struct gk_run_opts {
	const char *outdir;    /* OUT (required) */
	int jobs;              /* worker processes; <= 0: online CPUs */
	int force;             /* re-process unchanged documents too */
	int strict;            /* failed checks -> GK_ECHECKS */
	int quiet;             /* errors only: no progress, no summary */
	int bom;               /* UTF-8 BOM in every CSV */
	int raw_cells;         /* --no-neutralize: no apostrophe before cells a
	                          spreadsheet would run as formulas */
	const char *rules_dir; /* NULL: gk_default_rules_dir() */
	const char *sqlite;    /* also write this SQLite database (NULL: no) */
	gk_limits limits;      /* per-document limits of the extractor */
} gk_run_opts;

/* Defaults: one job per CPU, gk_default_limits, everything else off. */
void gk_run_opts_init(gk_run_opts *o);

/* Parse "MEM_MB,CPU_S,WALL_S" into *lim; an empty field keeps the value
 * already in *lim.  Returns 0, or -1 if s is malformed. */
int gk_parse_limits(const char *s, gk_limits *lim);

/* Process the documents named by paths (files, or directories searched
 * recursively) into o->outdir and rebuild the combined files.  Returns
 * the exit code of the run (README.md "Exit codes"). */
int gk_run(const gk_run_opts *o, char *const *paths, int npaths);

/* Rebuild the combined files of o->outdir from the per-document
 * directories already there (o->outdir, bom and sqlite are used).
 * Returns GK_OK, GK_EOPEN (no such OUT), GK_ELOCKED or GK_EWRITE. */
int gk_combine(const gk_run_opts *o);

#endif
