/*
 * ocrglue.c - figures and junk OCR read into the label of their row.
 *
 * On a degraded scan a figure that Tesseract cannot read as an amount
 * (`186.241.0 0` for 186,241.00: its comma read as a point, a space in
 * its decimals) is no number to the row reader, so it joins the row's
 * label: `合计186.241.0 0`.  The row then lacks its first figure, its
 * other figures were placed one column left (2281.84, the 基本支出, under
 * 合计), and the label no longer names its row.  Junk is read onto labels
 * too: a speck after them (`其他商品和服务支出19~`), a code's tail or an
 * underline before them (`0i基本工资`, `_住房公积金`).
 *
 * For each row of a table on an OCR'd page whose label ends in a run of
 * a figure's face (digits, the letters OCR makes of them: S and $ for 5,
 * O for 0, i l I ] | for 1, and separators), that run is
 *
 *   - the row's first figures (one, or two glued in one run), when some
 *     placement of them, followed by the row's own figures in their
 *     printed order, on the table's amount columns (the first of them on
 *     the first column: the label's neighbour) makes identities of the
 *     table hold that did not (the row's total = its parts, the column
 *     sums of the code tree: those ocrfix.c repairs by), each figure put
 *     back a term of one that holds, none of the row's own identities
 *     broken, and no other placement does as well with other figures.
 *     The digits are taken as read, at the table's unit and the decimals
 *     the run prints (or two, one, none): a figure is never made up.
 *     Each is an `ocr:corrected` check (found: the run as read);
 *   - else no figure of the row: it is cut from the label where it
 *     cannot be a part of it: after a label that is a total (合计, 总计,
 *     小计) or its code's standard name, or when it has the shape of an
 *     amount (five digits or more, or three with a separator between
 *     them; names end in no amount).  A run that may have been a figure
 *     (three digits or more) on a row whose identities do not hold as
 *     read is a doubt: `ocr:glued` (fail), never a figure placed.
 *
 * On a row with a classification code (功能/经济分类), a label that starts
 * with a few Latin letters, digits or an underscore before its Chinese
 * loses them: no classification name starts so (an ordinal, `1.`, is
 * kept).  A cut label is an `ocr:label` check (corrected).
 *
 * Text layers are never touched: gk_read_findings calls this only for
 * tables on OCR'd pages.
 */
#include "checks.h"
#include "norm.h"
#include "ocrfix.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXP 16      /* amount columns a placement uses */
#define MAXG 40      /* digits of a run */
#define MAXPIECE 2   /* figures one run may hold */
#define MAXEVAL 4000 /* placements tried on one row */

static const char *const LABEL_COLS[] = {"name", "econ_name", "project_name", "unit_name", "item", NULL};
static const char *const CODE_COLS[] = {"func_code", "econ_code", "gov_econ_code", NULL};

static int is_han(unsigned c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

/* What code point c is on a figure's face: 1 a digit (*d), 2 a letter OCR
 * makes of a digit (*d the digit), 3 a separator or speck, 4 a point;
 * 0 none of these. */
static int face(unsigned c, char *d)
{
	*d = 0;
	if (c >= '0' && c <= '9') {
		*d = (char)c;
		return 1;
	}
	switch (c) {
	case 'S': case 's': case '$':
		*d = '5';
		return 2;
	case 'O': case 'o':
		*d = '0';
		return 2;
	case 'i': case 'l': case 'I': case '|': case ']': case '!':
		*d = '1';
		return 2;
	case 'B':
		*d = '8';
		return 2;
	case '.': case 0x3002: case 0xFF0E: /* 。 ． */
		return 4;
	case ' ': case ',': case ':': case ';': case '\'': case '`': case '~': case '_': case '-':
	case 0xFF0C: case 0xFF1A: case 0x3000: /* ， ： and the wide space */
		return 3;
	}
	return 0;
}

/* A label cut in two: head (the name) and the run of a figure's face
 * that ends it. */
typedef struct tail {
	size_t at;           /* byte offset where the run starts */
	int digits, letters; /* digits, and letters read for digits, in it */
	int inner_sep;       /* a separator or point between two of its digits */
	int dec;             /* digits after its last point; -1 none */
	char mapped[MAXG + 1], bare[MAXG + 1]; /* its digits, letters as digits / dropped */
	const char *text;    /* the run as read */
} tail;

/* Split label s: 1 with *tl when it ends in such a run (specks alone, `-`,
 * or digits) after a head that ends in Chinese (or a closing bracket) and
 * holds two Chinese or more. */
static int split_tail(const char *s, tail *tl)
{
	memset(tl, 0, sizeof *tl);
	size_t len = strlen(s), at = len;
	int han = 0;
	unsigned last = 0;
	/* the start of the longest suffix of face characters */
	size_t starts[256];
	int ncp = 0;
	unsigned cps[256];
	for (size_t i = 0; i < len;) {
		unsigned c;
		int l = gk_utf8_next((const unsigned char *)s + i, len - i, &c);
		if (l <= 0 || ncp == 256)
			return 0; /* (a label that long is no row's name) */
		starts[ncp] = i, cps[ncp++] = c;
		i += (size_t)l;
	}
	int k = ncp;
	char d;
	while (k > 0 && face(cps[k - 1], &d))
		k--;
	if (k == ncp || k == 0)
		return 0;
	last = cps[k - 1];
	for (int j = 0; j < k; j++)
		han += is_han(cps[j]);
	if (han < 2 || !(is_han(last) || last == 0xFF09 || last == ')' || last == 0x201D))
		return 0;
	at = starts[k];
	int seen_digit = 0, pending_sep = 0;
	size_t nm = 0, nb = 0;
	for (int j = k; j < ncp; j++) {
		int f = face(cps[j], &d);
		if (f == 1 || f == 2) {
			if (seen_digit && pending_sep)
				tl->inner_sep = 1;
			seen_digit = 1, pending_sep = 0;
			if (f == 1)
				tl->digits++;
			else
				tl->letters++;
			if (nm < MAXG)
				tl->mapped[nm++] = d;
			if (f == 1 && nb < MAXG)
				tl->bare[nb++] = d;
		} else if (f == 4 || (f == 3 && cps[j] != ' ')) {
			pending_sep = 1;
		}
	}
	tl->mapped[nm] = tl->bare[nb] = 0;
	/* the decimals printed: digits after the last point */
	tl->dec = -1;
	for (int j = ncp - 1; j >= k; j--) {
		if (face(cps[j], &d) == 4) {
			int n = 0;
			for (int q = j + 1; q < ncp; q++) {
				int f = face(cps[q], &d);
				n += f == 1 || f == 2;
			}
			tl->dec = n;
			break;
		}
	}
	tl->at = at;
	tl->text = s + at;
	return 1;
}

static int printed_order(const gk_table *t, const gk_doc *doc, int *pc, double *px);
static double run_x(const gk_table *t, int i, const gk_doc *doc, const char *run);

/* ---- the row's figures put back ----------------------------------------- */

typedef struct glue {
	gk_table *t;
	int row;
	int np, pc[MAXP];   /* the table's amount columns, in order */
	double px[MAXP];    /* where the page prints them (right edges; NAN unknown) */
	int near;           /* the place of the run's own cell, -1 unknown, -2 none */
	int nf, fpos[MAXP]; /* the row's own figures: their places (in pc) */
	char fv[MAXP][48];
	char saved[MAXP][48];
	int ready;          /* the row may take figures (none under an x_ key) */
	gk_row_fit fit0;    /* the row as read */
	int nexp, exps[8];  /* exponents tried: value = digits * 10^e 万元 */
	int evals;
	/* the best placement: its cells on pc[], the figures it put back */
	int found, tie, bscore;
	char best[MAXP][48];
	int bk, bcol[MAXPIECE];
	char bval[MAXPIECE][48];
} glue;

/* Is column c of t an amount column, as ocrfix.c judges, and not an x_
 * column of a garbled head */
static int amount_col(const gk_table *t, int c)
{
	return strncmp(t->cols.v[c], "x_", 2) && gk_ocr_amount_col(t, c);
}

/* v (millionths of 万元) with dec decimals, as the table keeps figures
 * (trailing zeros past the fen's two decimals dropped, as
 * gk_amount_scale does); 0 when v has finer digits than dec */
static int format_value(long long v, int dec, char *out, size_t sz)
{
	long long unit = 1;
	for (int i = 0; i < GK_CHK_SCALE - dec; i++)
		unit *= 10;
	if (v % unit)
		return 0;
	gk_chk_format(v, dec, out, sz);
	char *p = strchr(out, '.');
	if (p) {
		char *end = out + strlen(out);
		while (end - p - 1 > 2 && end[-1] == '0')
			*--end = 0;
	}
	return 1;
}

/* digits (n of them) at 10^e 万元, into out as the table keeps figures */
static int piece_value(const char *digits, int n, int e, char *out, size_t sz)
{
	if (n < 3 || n > 15 || n + GK_CHK_SCALE + e > 18)
		return 0;
	long long v = 0;
	for (int i = 0; i < n; i++)
		v = v * 10 + (digits[i] - '0');
	for (int i = 0; i < GK_CHK_SCALE + e; i++)
		v *= 10;
	return format_value(v, -e, out, sz);
}

/* the significant digits of s: its digits without leading or trailing
 * zeros (the point and the scale aside) */
static void sig_digits(const char *s, char *out, size_t n)
{
	size_t k = 0;
	for (; *s && k + 1 < n; s++)
		if (*s >= '0' && *s <= '9' && (k || *s != '0'))
			out[k++] = *s;
	while (k > 0 && out[k - 1] == '0')
		k--;
	out[k] = 0;
}

/* The value two broken identities or more agree on for column c (within
 * a fen), that the piece read (five significant digits or more) could be
 * a misreading of: a digit or two off.  1 with *w. */
static int wanted(const gk_row_fit *fit, int c, const char *read, long long *w)
{
	char a[40], b[40], ws[48];
	sig_digits(read, a, sizeof a);
	if (c >= GK_FIT_COLS || strlen(a) < 5)
		return 0;
	for (int x = 0; x < fit->nwant[c]; x++) {
		int agree = 0;
		for (int y = 0; y < fit->nwant[c]; y++) {
			long long d = fit->want[c][x] - fit->want[c][y];
			agree += d <= 10000 && d >= -10000;
		}
		if (agree < 2 || fit->want[c][x] <= 0)
			continue;
		gk_chk_format(fit->want[c][x], GK_CHK_SCALE, ws, sizeof ws);
		sig_digits(ws, b, sizeof b);
		if (gk_short_edits(a, b) <= 2) {
			*w = fit->want[c][x];
			return 1;
		}
	}
	return 0;
}

static void set_row(glue *g, const char (*cells)[48])
{
	for (int j = 0; j < g->np; j++)
		gk_table_set(g->t, g->row, g->pc[j], cells[j]);
}

static void fit_of(glue *g, const char (*cells)[48], gk_row_fit *fit)
{
	set_row(g, cells);
	gk_ocr_row_fit(g->t, g->row, fit);
	set_row(g, (const char (*)[48])g->saved);
	g->evals++;
}

/* The row as cells (on pc[]) makes it, the pieces at places at[0..k):
 * kept when each piece is held by an identity that did not hold (a piece
 * misread, by two that agree on what it is), none of the row's own
 * identities breaks, and more hold than as read. */
static void judge(glue *g, char (*cells)[48], int k, const int *at, int e)
{
	if (g->near != -1 && at[k - 1] != g->near)
		return;
	gk_row_fit fit;
	fit_of(g, (const char (*)[48])cells, &fit);
	int mended = 0;
	for (int j = 0; j < k; j++) {
		int c = g->pc[at[j]];
		long long w;
		if (c >= GK_FIT_COLS)
			return;
		if (fit.nheld[c])
			continue;
		if (!wanted(&fit, c, cells[at[j]], &w) || !format_value(w, -e, cells[at[j]], sizeof cells[at[j]]))
			return;
		mended = 1;
	}
	if (mended) {
		fit_of(g, (const char (*)[48])cells, &fit);
		for (int j = 0; j < k; j++)
			if (!fit.nheld[g->pc[at[j]]])
				return;
	}
	if (fit.row_broken || fit.broken > g->fit0.broken || fit.held <= g->fit0.held)
		return;
	int score = 2 * (fit.held - g->fit0.held) - (fit.broken - g->fit0.broken);
	int same = g->found;
	for (int j = 0; same && j < g->np; j++)
		same = !strcmp(cells[j], g->best[j]);
	if (same || (g->found && score < g->bscore))
		return;
	if (g->found && score == g->bscore) {
		g->tie = 1;
		return;
	}
	g->found = 1, g->tie = 0, g->bscore = score;
	memcpy(g->best, cells, sizeof g->best);
	g->bk = k;
	for (int j = 0; j < k; j++) {
		g->bcol[j] = g->pc[at[j]];
		snprintf(g->bval[j], sizeof g->bval[j], "%s", cells[at[j]]);
	}
}

/* The pieces v[0..k) then the row's own figures at places pos[] */
static void try_shift(glue *g, char (*v)[48], int k, const int *pos, int e)
{
	char cells[MAXP][48];
	for (int j = 0; j < g->np; j++)
		cells[j][0] = 0;
	for (int j = 0; j < k + g->nf; j++)
		snprintf(cells[pos[j]], sizeof cells[pos[j]], "%s", j < k ? v[j] : g->fv[j - k]);
	judge(g, cells, k, pos, e);
}

/* The row's own figures where they are, the pieces in its blank places
 * at[] */
static void try_fill(glue *g, char (*v)[48], int k, const int *at, int e)
{
	char cells[MAXP][48];
	memcpy(cells, g->saved, sizeof cells);
	for (int j = 0; j < k; j++)
		snprintf(cells[at[j]], sizeof cells[at[j]], "%s", v[j]);
	judge(g, cells, k, at, e);
}

/* Every increasing placement of the pieces then the row's figures, the
 * first piece on the first column (the label's neighbour): the row's
 * figures were read one place left or more */
static void shifts(glue *g, char (*v)[48], int k, int *pos, int j, int e)
{
	int n = k + g->nf;
	if (g->evals >= MAXEVAL)
		return;
	if (j == n) {
		try_shift(g, v, k, pos, e);
		return;
	}
	for (int q = j ? pos[j - 1] + 1 : 0; q <= g->np - (n - j) && (j || q == 0); q++) {
		pos[j] = q;
		shifts(g, v, k, pos, j + 1, e);
	}
}

/* Every increasing placement of the pieces on the row's blank places
 * (Tesseract strung a line's words out of order) */
static void fills(glue *g, char (*v)[48], int k, int *at, int j, int e)
{
	if (g->evals >= MAXEVAL)
		return;
	if (j == k) {
		try_fill(g, v, k, at, e);
		return;
	}
	for (int q = j ? at[j - 1] + 1 : 0; q < g->np; q++) {
		if (!gk_ocr_blank(g->saved[q]))
			continue;
		at[j] = q;
		fills(g, v, k, at, j + 1, e);
	}
}

/* The run's digits cut into k pieces at every exponent */
static void pieces(glue *g, const char *digits, int k)
{
	int n = (int)strlen(digits);
	int pos[MAXP];
	char v[MAXPIECE][48];
	if (k + g->nf > g->np)
		return;
	for (int cut = k == 1 ? n : 3; cut <= n - (k == 1 ? 0 : 3); cut++)
		for (int x = 0; x < g->nexp; x++) {
			int e = g->exps[x];
			if (!piece_value(digits, cut, e, v[0], sizeof v[0]))
				continue;
			if (k == 2 && !piece_value(digits + cut, n - cut, e, v[1], sizeof v[1]))
				continue;
			shifts(g, v, k, pos, 0, e);
			fills(g, v, k, pos, 0, e);
		}
}

/* The decimals most of t's figures are kept with (in 万元: a 元 table's
 * to the fen have six) */
static int usual_decimals(const gk_table *t)
{
	int hist[GK_CHK_SCALE + 2] = {0};
	for (int c = 0; c < t->cols.n; c++) {
		if (!amount_col(t, c))
			continue;
		for (int i = 0; i < t->nrow; i++) {
			const char *s = t->rows[i][c], *p = strchr(s, '.');
			long long v;
			int d;
			if (gk_ocr_blank(s) || gk_chk_parse(s, &v, &d) != 1)
				continue;
			size_t k = p ? strlen(p + 1) : 0;
			hist[k <= GK_CHK_SCALE ? k : GK_CHK_SCALE + 1]++;
		}
	}
	int best = 0;
	for (int k = 1; k <= GK_CHK_SCALE; k++)
		if (hist[k] > hist[best])
			best = k;
	return best;
}

/* the exponents the run's digits may stand at: the table's unit (元: the
 * figures are kept in 万元) less the decimals printed */
static void exponents(glue *g, const tail *tl)
{
	int u = g->t->unit && *g->t->unit ? gk_unit_parse(g->t->unit) : GK_UNIT_NONE;
	int units[2] = {u, u}, nu = 1;
	if (u == GK_UNIT_NONE)
		units[0] = 0, units[1] = -4, nu = 2;
	int decs[4] = {2, 1, 0, 0}, nd = 3;
	if (tl->dec >= 0 && tl->dec <= 4)
		decs[0] = tl->dec, nd = 1;
	int usual = usual_decimals(g->t);
	g->nexp = 0;
	for (int a = 0; a < nu; a++)
		for (int b = 0; b < nd; b++) {
			int e = units[a] - decs[b];
			/* (a figure kept with fewer decimals than the table's lost
			 * some: `472.` of 472.14, no figure to take) */
			int dup = e < -GK_CHK_SCALE || e > 0 || -e < usual;
			for (int x = 0; x < g->nexp && !dup; x++)
				dup = g->exps[x] == e;
			if (!dup && g->nexp < 8)
				g->exps[g->nexp++] = e;
		}
}

/* The place (in pc) whose column the page prints at x, the right edge
 * of the run's own cell: the nearest, twice as near as the next; -2 when
 * none is (its column is none of these), -1 when x is unknown. */
static int near_place(const glue *g, double x)
{
	int a = -1, b = -1;
	if (isnan(x))
		return -1;
	for (int j = 0; j < g->np; j++) {
		if (isnan(g->px[j]))
			continue;
		if (a < 0 || fabs(g->px[j] - x) < fabs(g->px[a] - x))
			b = a, a = j;
		else if (b < 0 || fabs(g->px[j] - x) < fabs(g->px[b] - x))
			b = j;
	}
	if (a < 0)
		return -1;
	return b < 0 || 2 * fabs(g->px[a] - x) < fabs(g->px[b] - x) ? a : -2;
}

/* The run tl of row i's label as figures of the row: 1 when one placement
 * alone is confirmed (g->best), 0 otherwise. */
static int place_run(glue *g, gk_table *t, const gk_doc *doc, int i, const tail *tl)
{
	memset(g, 0, sizeof *g);
	g->t = t, g->row = i;
	g->np = printed_order(t, doc, g->pc, g->px);
	/* a run read as a cell of its own stands over its column */
	g->near = near_place(g, run_x(t, i, doc, tl->text));
	for (int c = 0; c < t->cols.n; c++)
		if (!strncmp(t->cols.v[c], "x_", 2) && !gk_ocr_blank(t->rows[i][c]))
			return 0; /* figures the header could not place */
	for (int j = 0; j < g->np; j++) {
		const char *s = t->rows[i][g->pc[j]];
		snprintf(g->saved[j], sizeof g->saved[j], "%s", s);
		if (!gk_ocr_blank(s)) {
			g->fpos[g->nf] = j;
			snprintf(g->fv[g->nf++], sizeof g->fv[0], "%s", s);
		}
	}
	if (g->np == 0)
		return 0;
	g->ready = 1;
	gk_ocr_row_fit(t, i, &g->fit0);
	exponents(g, tl);
	const char *runs[2] = {tl->mapped, tl->bare};
	int nruns = strcmp(tl->mapped, tl->bare) ? 2 : 1;
	for (int k = 1; k <= MAXPIECE && !g->found; k++)
		for (int x = 0; x < nruns; x++)
			pieces(g, runs[x], k);
	return g->found && !g->tie;
}

/* ---- the order the page prints the amount columns in --------------------- */

/* a doc cell's text as figure_x compares it: an amount's significant
 * digits (0: no amount) */
static int figure_key(const char *text, char *out, size_t n)
{
	char amt[48];
	if (!gk_amount_parse(text, amt, sizeof amt))
		return 0;
	sig_digits(amt, out, n < 40 ? n : 40); /* as figure_x's want */
	return 1;
}

/* a doc cell's text as run_x compares it: without its spaces */
static int run_key(const char *text, char *out, size_t n)
{
	gk_ocr_squeeze(text, out, n);
	return 1;
}

/* The right edge of the one doc cell of row i's lines whose text, as
 * key() makes it, is want; NAN when none or several. */
static double row_cell_x(const gk_table *t, int i, const gk_doc *doc, const char *want,
                         int (*key)(const char *, char *, size_t))
{
	const gk_rowinfo *ri = gk_table_info(t, i);
	char got[256];
	if (!doc || !ri || ri->page <= 0)
		return NAN;
	double at = NAN;
	int hits = 0;
	for (const gk_line *ln = NULL; (ln = gk_ocr_row_line(doc, ri, ln));) {
		for (int j = 0; j < ln->ncell; j++)
			if (key(ln->cell[j].text, got, sizeof got) && !strcmp(got, want))
				hits++, at = ln->cell[j].x1;
	}
	return hits == 1 ? at : NAN;
}

/* The right edge on the page of the figure of cell (i, c): the one doc
 * cell of the row's lines printing its significant digits (a 元 table's
 * figures are kept in 万元); NAN when none or several. */
static double figure_x(const gk_table *t, int i, int c, const gk_doc *doc)
{
	const gk_rowinfo *ri = gk_table_info(t, i);
	char want[40];
	if (!ri || ri->x1 <= ri->x0)
		return NAN;
	sig_digits(t->rows[i][c], want, sizeof want);
	if (strlen(want) < 2)
		return NAN; /* 0.00 and 1.00 stand everywhere */
	return row_cell_x(t, i, doc, want, figure_key);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static int cmp_x(const void *a, const void *b)
{
	const double *x = a, *y = b;
	return x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : (x[1] > y[1]) - (x[1] < y[1]);
}

/* The amount columns of t with figures in the order the page prints
 * them, by where their figures stand (the contract's order is not the
 * page's: 人员经费 and 公用经费 come after 项目支出 in it); a column none
 * of whose figures is found keeps its place after the one before it. */
static int printed_order(const gk_table *t, const gk_doc *doc, int *pc, double *px)
{
	double key[MAXP][2];
	char known[64] = {0};
	int n = 0;
	double prev = -1;
	for (int c = 0; c < t->cols.n && n < MAXP; c++) {
		if (!amount_col(t, c))
			continue;
		double xs[64];
		int nx = 0;
		for (int i = 0; i < t->nrow && nx < 64; i++) {
			if (gk_ocr_blank(t->rows[i][c]))
				continue;
			double x = figure_x(t, i, c, doc);
			if (!isnan(x))
				xs[nx++] = x;
		}
		double x = prev;
		known[c < 64 ? c : 63] = nx > 0;
		if (nx) {
			qsort(xs, (size_t)nx, sizeof *xs, cmp_double);
			x = xs[nx / 2];
		}
		key[n][0] = x, key[n][1] = c;
		prev = x;
		n++;
	}
	qsort(key, (size_t)n, sizeof key[0], cmp_x);
	for (int j = 0; j < n; j++) {
		pc[j] = (int)key[j][1];
		px[j] = known[pc[j] < 64 ? pc[j] : 63] ? key[j][0] : NAN;
	}
	return n;
}

/* The right edge of the one doc cell of row i's lines that reads run
 * alone (spaces aside); NAN when none or several (a run OCR read in one
 * word with the label stands nowhere). */
static double run_x(const gk_table *t, int i, const gk_doc *doc, const char *run)
{
	char want[256];
	gk_ocr_squeeze(run, want, sizeof want);
	return row_cell_x(t, i, doc, want, run_key);
}

/* ---- the label cut ------------------------------------------------------ */

static int total_label(const char *s)
{
	return !strcmp(s, "合计") || !strcmp(s, "总计") || !strcmp(s, "小计");
}

/* the standard name of row i's code (rules kind `name`), or NULL */
static const char *code_name(const gk_table *t, int i, const gk_rules *rules)
{
	int n;
	if (!rules)
		return NULL;
	const gk_rule *const *rs = gk_rules_of(rules, "name", &n);
	for (const char *const *k = CODE_COLS; *k; k++) {
		int c = gk_table_col(t, *k);
		char d[16];
		if (c < 0 || !gk_code_digits(t->rows[i][c], d, sizeof d))
			continue;
		for (int j = 0; j < n; j++)
			if (!strcmp(rs[j]->name, d))
				return rs[j]->pattern;
	}
	return NULL;
}

static int coded(const gk_table *t, int i)
{
	for (const char *const *k = CODE_COLS; *k; k++) {
		int c = gk_table_col(t, *k);
		char d[16];
		if (c >= 0 && gk_code_digits(t->rows[i][c], d, sizeof d))
			return 1;
	}
	return 0;
}

/* s without the spaces that end it, into out */
static void trimmed(const char *s, size_t n, char *out, size_t sz)
{
	while (n > 0 && (s[n - 1] == ' '))
		n--;
	if (n >= 3 && !strncmp(s + n - 3, "\xE3\x80\x80", 3)) /* a wide space */
		n -= 3;
	snprintf(out, sz, "%.*s", (int)n, s);
}

/* The leading junk of a coded row's label: the bytes of a run of Latin
 * letters, digits, underscores and specks before its first Chinese (an
 * ordinal, `1.` `2)`, is no junk); 0 none. */
static size_t lead_junk(const char *s)
{
	size_t n = 0;
	int digits = 0, other = 0;
	while (s[n] && (unsigned char)s[n] < 0x80 && n < 8) {
		char c = s[n];
		if (c >= '0' && c <= '9')
			digits++;
		else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '~' || c == '`' ||
		         c == '\'' || c == '-' || c == ',' || c == ':' || c == ';' || c == ' ')
			other += c != ' ';
		else
			return 0; /* a bracket, a point: an ordinal's */
		n++;
	}
	if (n == 0 || (!digits && !other) || (unsigned char)s[n] < 0x80)
		return 0;
	unsigned c;
	if (gk_utf8_next((const unsigned char *)s + n, strlen(s + n), &c) <= 0 || !is_han(c))
		return 0;
	return n;
}

static void record_label(gk_result *r, gk_table *t, int i, int lc, const char *now, const char *old)
{
	char row[600];
	snprintf(row, sizeof row, "%s/%s", now, t->cols.v[lc]);
	gk_result_add_check(r, t->id, "ocr:label", row, now, old, "corrected");
	gk_result_check_at(r, t, i);
}

/* Does the junk (its first n bytes) of label s hold a digit (or a letter
 * OCR makes of one)?  Such junk may be a code's tail: left for the codes. */
static int digit_lead(const char *s, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (s[k] >= '0' && s[k] <= '9')
			return 1;
	return 0;
}

/* An economic code cut short whose last level OCR read into the label
 * (`301` | `0i基本工资`): the junk's n bytes, read as two digits, extend the
 * code to one whose standard name the rest of the label starts with (or
 * that starts with it).  1 when code and label were put right. */
static int code_tail(gk_result *r, gk_table *t, int i, int lc, size_t n, const gk_rules *rules, const char *old)
{
	int cc = gk_table_col(t, "econ_code");
	char code[16], dd[8];
	int len = cc >= 0 ? gk_code_digits(t->rows[i][cc], code, sizeof code) : 0;
	const char *label = t->rows[i][lc];
	size_t k = 0;
	if (len != 3 || !rules)
		return 0;
	for (size_t q = 0; q < n; q++) {
		char d;
		int f = face((unsigned char)label[q], &d);
		if (f == 3 && label[q] == ' ')
			continue;
		if ((f != 1 && f != 2) || k >= 2)
			return 0;
		dd[k++] = d;
	}
	if (k != 2)
		return 0;
	char full[24];
	snprintf(full, sizeof full, "%s%c%c", code, dd[0], dd[1]);
	int nr;
	const gk_rule *const *rs = gk_rules_of(rules, "name", &nr);
	const char *std = NULL;
	for (int q = 0; q < nr && !std; q++)
		if (!strcmp(rs[q]->name, full))
			std = rs[q]->pattern;
	const char *rest = label + n;
	size_t rl = strlen(rest), sl = std ? strlen(std) : 0;
	if (!std || rl < 6 || !(strncmp(rest, std, sl) == 0 || (rl < sl && strncmp(std, rest, rl) == 0)))
		return 0;
	char *now = gk_strdup(rest);
	gk_table_set(t, i, cc, full);
	gk_table_set(t, i, lc, now);
	char row[64];
	snprintf(row, sizeof row, "%s/econ_code", full);
	char found[600];
	snprintf(found, sizeof found, "%s | %s", code, old);
	gk_result_add_check(r, t->id, "ocr:label", row, full, found, "corrected");
	gk_result_check_at(r, t, i);
	free(now);
	return 1;
}

/* A total row's label with a character of junk after it (`合计及`): the
 * row prints no code, and its figures are the sums of the rows under it
 * (an identity holds it): it is 合计. */
static void total_junk(gk_result *r, gk_table *t, int i, int lc, const char *old)
{
	const char *s = t->rows[i][lc];
	const char *heads[] = {"合计", "总计", NULL};
	unsigned c;
	for (int h = 0; heads[h]; h++) {
		size_t hl = strlen(heads[h]);
		if (strncmp(s, heads[h], hl) || !s[hl])
			continue;
		int l = gk_utf8_next((const unsigned char *)s + hl, strlen(s + hl), &c);
		if (l <= 0 || s[hl + (size_t)l] || !is_han(c) || coded(t, i))
			return;
		gk_row_fit fit;
		gk_ocr_row_fit(t, i, &fit);
		/* (a sum of the rows under it: a row identity holds on any row) */
		if (!fit.col_held || fit.broken)
			return;
		gk_table_set(t, i, lc, heads[h]);
		record_label(r, t, i, lc, heads[h], old);
		return;
	}
}

/* Is v (millionths of 万元) printed in a cell of r's tables other than
 * (t, i, c)? */
static int printed_elsewhere(const gk_result *r, const gk_table *t, int i, int c, long long v)
{
	for (int k = 0; k < r->ntable; k++) {
		const gk_table *u = r->tables[k];
		for (int q = 0; q < u->cols.n; q++) {
			if (!strncmp(u->cols.v[q], "x_", 2))
				continue;
			for (int j = 0; j < u->nrow; j++) {
				long long w;
				int d;
				if ((u == t && j == i && q == c) || !strchr(u->rows[j][q], '.'))
					continue;
				if (gk_chk_parse(u->rows[j][q], &w, &d) == 1 && w == v)
					return 1;
			}
		}
	}
	return 0;
}

/* Did OCR read an amount of significant digits sig surely (60 or more)
 * somewhere in doc?  (A figure misread alike twice confirms nothing:
 * 西安财政's 303,312,586.17 read 30331.258611 on two summaries.) */
static int read_surely(const gk_doc *doc, const char *sig)
{
	char amt[48], got[40];
	for (int l = 0; doc && l < doc->nline; l++)
		for (int j = 0; j < doc->line[l].ncell; j++) {
			const gk_cell *c = &doc->line[l].cell[j];
			if (c->conf < 60 || !gk_amount_parse(c->text, amt, sizeof amt))
				continue;
			sig_digits(amt, got, sizeof got);
			if (!strcmp(got, sig))
				return 1;
		}
	return 0;
}

/* A row printing no figure of its own, no identity placing the run (a
 * summary's line): the run is its first column's figure when, read as
 * printed (four significant digits or more), the document prints that
 * same figure elsewhere, at one exponent only (收入总计 beside 本年收入合计),
 * read surely there. */
static int copy_run(const gk_result *r, const gk_doc *doc, glue *g, const tail *tl, char *out, size_t n)
{
	/* (decimals as tables print them: a run cut short, `586.1` of
	 * 586.17, is read at another exponent) */
	if (!g->ready || g->nf || g->np < 1 || (tl->dec != 2 && tl->dec != 4))
		return 0;
	const char *runs[2] = {tl->mapped, tl->bare};
	int nruns = strcmp(tl->mapped, tl->bare) ? 2 : 1, found = 0;
	for (int x = 0; x < nruns; x++)
		for (int k = 0; k < g->nexp; k++) {
			char v[48], sig[40];
			long long w;
			int d;
			if (!piece_value(runs[x], (int)strlen(runs[x]), g->exps[k], v, sizeof v))
				continue;
			sig_digits(v, sig, sizeof sig);
			if (strlen(sig) < 4 || gk_chk_parse(v, &w, &d) != 1 ||
			    !printed_elsewhere(r, g->t, g->row, g->pc[0], w) || !read_surely(doc, sig))
				continue;
			if (found && strcmp(out, v))
				return 0;
			snprintf(out, n, "%s", v);
			found = 1;
		}
	return found;
}

static void glue_row(gk_result *r, gk_table *t, const gk_doc *doc, int i, int lc, const gk_rules *rules)
{
	const char *label = t->rows[i][lc];
	char *old = gk_strdup(label);
	tail tl;
	if (split_tail(label, &tl)) {
		char head[1024], run[1024];
		trimmed(label, tl.at, head, sizeof head);
		snprintf(run, sizeof run, "%s", label + tl.at);
		glue g;
		g.ready = 0;
		int figure = tl.digits > 0 && tl.digits + tl.letters >= 3;
		if (figure && place_run(&g, t, doc, i, &tl)) {
			set_row(&g, (const char (*)[48])g.best);
			gk_table_set(t, i, lc, head);
			for (int j = 0; j < g.bk; j++) {
				char name[1200], found[1100];
				snprintf(name, sizeof name, "%s/%s", head, t->cols.v[g.bcol[j]]);
				snprintf(found, sizeof found, "%s (read into the label)", run);
				gk_result_add_check(r, t->id, "ocr:corrected", name, g.bval[j], found, "corrected");
				gk_result_check_at(r, t, i);
			}
			free(old);
			return;
		}
		char copy[48];
		if (figure && copy_run(r, doc, &g, &tl, copy, sizeof copy)) {
			gk_table_set(t, i, g.pc[0], copy);
			gk_table_set(t, i, lc, head);
			char name[1200], found[1100];
			snprintf(name, sizeof name, "%s/%s", head, t->cols.v[g.pc[0]]);
			snprintf(found, sizeof found, "%s (read into the label; printed alike elsewhere)", run);
			gk_result_add_check(r, t->id, "ocr:corrected", name, copy, found, "corrected");
			gk_result_check_at(r, t, i);
			free(old);
			return;
		}
		const char *std = code_name(t, i, rules);
		int cut = total_label(head) || (std && !strcmp(head, std)) || (tl.digits >= 3 && tl.digits + tl.letters >= 5) ||
		          (tl.digits >= 3 && tl.inner_sep);
		if (cut) {
			gk_table_set(t, i, lc, head);
			record_label(r, t, i, lc, head, old);
			gk_row_fit fit;
			gk_ocr_row_fit(t, i, &fit);
			if (figure && !(fit.held > 0 && fit.broken == 0)) {
				int c0 = -1;
				for (int c = 0; c < t->cols.n && c0 < 0; c++)
					if (amount_col(t, c))
						c0 = c;
				char name[1200], found[1100];
				snprintf(name, sizeof name, "%s/%s", head, c0 >= 0 ? t->cols.v[c0] : t->cols.v[lc]);
				snprintf(found, sizeof found, "%s (read into the label; no placement confirmed)", run);
				gk_result_add_check(r, t->id, "ocr:glued", name, "", found, "fail");
				gk_result_check_at(r, t, i);
			}
		}
	}
	/* (a classification's names only: a project's may start with a year) */
	label = t->rows[i][lc];
	int names = !strcmp(t->cols.v[lc], "name") || !strcmp(t->cols.v[lc], "econ_name");
	size_t j = names && coded(t, i) ? lead_junk(label) : 0;
	if (j && !code_tail(r, t, i, lc, j, rules, old) && !digit_lead(label, j)) {
		char *now = gk_strdup(label + j);
		gk_table_set(t, i, lc, now);
		record_label(r, t, i, lc, now, old);
		free(now);
	}
	total_junk(r, t, i, lc, old);
	free(old);
}

void gk_ocr_glue(gk_result *r, gk_table *t, const gk_doc *doc, const gk_rules *rules)
{
	int lc = -1;
	for (const char *const *k = LABEL_COLS; *k && lc < 0; k++)
		lc = gk_table_col(t, *k);
	if (lc < 0)
		return;
	for (int i = 0; i < t->nrow; i++)
		glue_row(r, t, doc, i, lc, rules);
}
