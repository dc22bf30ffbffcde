/*
 * fuzz_solver.c - the column solver (normalize/solve.c, gk_solve_rows) on
 * families and rows built from the input bytes.
 *
 * The input describes: the family (its name picks the identities the
 * solver knows: func, basic, econ, ...), its key count (0..32: all that
 * family_from_header can make of a header and the rules) and priors; the geometry; up to 24 rows of up to MAXNUM numbers
 * (canonical decimals, long ones and a few malformed ones), layout slots
 * (-1..39), biases, the total row, the leaf flags and the header masks.
 * Checks what parse.h promises: every assign[j] is -1 or a key index
 * 0..nkey-1, the assigned keys of a row increase left to right (the solver
 * keeps the numbers' order), and a number beyond the key count is never
 * assigned.
 */
#include "../normalize/parse.h"
#include "fuzz.h"

static const char *const pool[][16] = {
	{"func", "total", "basic_total", "basic_wages", "basic_family_subsidy", "basic_goods_services", "basic_capital",
	 "basic_personnel", "basic_public", "project_total", "project_operating", "project_specific"},
	{"basic", "total", "personnel", "public"},
	{"econ", "total", "general_budget", "government_fund", "state_capital", "carryover", "special_account",
	 "business_income", "superior_subsidy", "affiliated_remit", "operating_income", "other_income",
	 "general_budget_appropriation"},
	{"revunit", "total", "current_total", "carryover_total", "general_budget", "government_fund", "state_capital",
	 "special_account", "general_budget_appropriation", "carryover_general_budget", "carryover_unit_funds",
	 "other_income"},
	{"three", "total", "overseas_travel", "vehicle_total", "vehicle_purchase", "vehicle_operation", "reception"},
	{"project", "total", "general_budget", "government_fund", "state_capital", "carryover_general_budget",
	 "special_account", "unit_funds"},
	{"fiscal", "total", "general_budget", "government_fund", "state_capital", "general_budget_appropriation"},
	{"nosuchfamily", "total", "a", "b"},
};
#define NPOOL ((int)(sizeof pool / sizeof pool[0]))

static char xkeys[32][8];

/* a number for a cell: mostly canonical decimals */
static void make_num(fuzz_in *in, char *out, size_t outsz)
{
	unsigned kind = fuzz_byte(in);
	size_t n = 0;
	if (kind >= 250) { /* malformed: what gk_dec_parse must refuse */
		static const char *const bad[] = {"", "-", ".", "1.2.3", "abc", "--1"};
		snprintf(out, outsz, "%s", bad[kind % 6]);
		return;
	}
	if (kind & 1)
		out[n++] = '-';
	int digits = 1 + (int)(fuzz_byte(in) % (kind >= 230 ? 40 : 12));
	for (int i = 0; i < digits && n + 1 < outsz; i++)
		out[n++] = (char)('0' + fuzz_byte(in) % 10);
	int frac = (kind >> 1) % 4;
	if (frac && n + 2 < outsz) {
		out[n++] = '.';
		for (int i = 0; i < frac && n + 1 < outsz; i++)
			out[n++] = (char)('0' + fuzz_byte(in) % 10);
	}
	out[n] = 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 4)
		return 0;
	fuzz_in in = {data, size, 0};
	solver_family fam;
	memset(&fam, 0, sizeof fam);
	int p = (int)(fuzz_byte(&in) % NPOOL);
	fam.name = pool[p][0];
	int npool = 0;
	while (npool < 15 && pool[p][npool + 1])
		npool++;
	fam.nkey = (int)(fuzz_byte(&in) % 33); /* 0: a header naming no column */
	/* distinct keys: "total" first (as the rules list it), then a rotation
	 * of the family's pool, then x_ names */
	int rot = (int)fuzz_byte(&in);
	for (int k = 0; k < fam.nkey; k++) {
		if (k < npool)
			fam.key[k] = k == 0 ? pool[p][1] : pool[p][1 + 1 + (k - 1 + rot) % (npool - 1 ? npool - 1 : 1)];
		else {
			snprintf(xkeys[k], sizeof xkeys[k], "x_%d", k);
			fam.key[k] = xkeys[k];
		}
		fam.prior[k] = (double)(fuzz_byte(&in) % 8) / 2;
	}
	/* the rotation may repeat pool keys when nkey < npool: make them unique */
	for (int k = 1; k < fam.nkey && k < npool; k++)
		for (int j = 0; j < k; j++)
			if (!strcmp(fam.key[j], fam.key[k])) {
				snprintf(xkeys[k], sizeof xkeys[k], "x_%d", k);
				fam.key[k] = xkeys[k];
			}

	gk_geom geom = (gk_geom)(fuzz_byte(&in) % 3);
	/* up to 24 rows: the solver's budgets make each row cost up to ~10^6
	 * steps, and more rows add executions time, not paths */
	int nrows = (int)(fuzz_byte(&in) % 25);
	prow *rows = calloc((size_t)(nrows ? nrows : 1), sizeof *rows);
	int *leaf = calloc((size_t)(nrows ? nrows : 1), sizeof *leaf);
	unsigned mask[64];
	int use_mask = fuzz_byte(&in) & 1;
	for (int s = 0; s < 64; s++)
		mask[s] = use_mask && s < 40 ? (unsigned)fuzz_byte(&in) * 0x01010101u : 0;
	for (int i = 0; i < nrows; i++) {
		prow *r = &rows[i];
		unsigned nb = fuzz_byte(&in);
		r->nnum = (int)(nb & 0x80 ? nb % (MAXNUM + 1) : nb % 13);
		for (int j = 0; j < r->nnum; j++) {
			make_num(&in, r->num[j], sizeof r->num[j]);
			r->slot[j] = (int)(fuzz_byte(&in) % 41) - 1;
			r->nx0[j] = r->nx1[j] = j;
			r->nidx[j] = j;
			r->assign[j] = 12345;
		}
		for (int k = 0; k < 32; k++)
			r->bias[k] = (fuzz_byte(&in) % 16) == 0 ? 3.0 : 0;
		if (fuzz_byte(&in) & 1) {
			r->ntext = 1;
			r->text[0] = strdup("label");
		}
		leaf[i] = (int)(fuzz_byte(&in) & 1);
	}
	int total_row = nrows ? (int)(fuzz_byte(&in) % (unsigned)(nrows + 1)) - 1 : -1;

	gk_result *res = gk_result_new();
	gk_solve_rows(&fam, rows, nrows, geom, total_row, leaf, use_mask ? mask : NULL, res, "fuzz_table");

	for (int i = 0; i < nrows; i++) {
		const prow *r = &rows[i];
		int last = -1;
		for (int j = 0; j < r->nnum; j++) {
			int a = r->assign[j];
			FUZZ_CHECK(a >= -1 && a < fam.nkey, "row %d num %d: assign %d of %d keys", i, j, a, fam.nkey);
			if (j >= fam.nkey)
				FUZZ_CHECK(a == -1, "row %d num %d: assigned %d beyond the %d keys", i, j, a, fam.nkey);
			if (a >= 0) {
				FUZZ_CHECK(a > last, "row %d: keys not increasing (%d after %d)", i, a, last);
				last = a;
			}
		}
		FUZZ_CHECK(r->ambiguous == 0 || r->ambiguous == 1, "row %d: ambiguous %d", i, r->ambiguous);
	}
	for (int i = 0; i < res->ncheck; i++)
		FUZZ_CHECK(!strcmp(res->checks[i].status, "ambiguous"), "solver check status '%s'", res->checks[i].status);

	gk_result_drop(res);
	for (int i = 0; i < nrows; i++)
		free(rows[i].text[0]);
	free(rows);
	free(leaf);
	return 0;
}
