/* contract.c - table ids and column keys of ../shared/spec/TABLES.md. */
#include "contract.h"

#include <string.h>

#define N(a) ((int)(sizeof(a) / sizeof(a[0])) - 1)

static const char *const c_summary[] = {"side", "item", "amount", NULL};
static const char *const c_rev_unit[] = {
	"unit_code", "unit_name", "func_code", "func_name", "total", "current_total", "general_budget",
	"general_budget_appropriation", "government_fund", "state_capital", "special_account",
	"business_income", "operating_income", "superior_subsidy", "affiliated_remit", "other_income",
	"carryover_total", "carryover_general_budget", "carryover_government_fund",
	"carryover_state_capital", "carryover_special_account", "carryover_unit_funds", NULL};
static const char *const c_func[] = {
	"func_code", "class", "item", "subitem", "unit_code", "name", "total", "basic_total",
	"basic_wages", "basic_family_subsidy", "basic_goods_services", "basic_capital", "project_total",
	"project_operating", "project_specific",
	/* TABLES.md names these in prose only: kept after the listed ones
	 * (reserve: 单位预留机动经费, total = basic_total + project_total + reserve) */
	"basic_personnel", "basic_public", "reserve", NULL};
static const char *const c_fiscal[] = {
	"side", "item", "total", "general_budget", "general_budget_appropriation", "government_fund",
	"state_capital", NULL};
static const char *const c_basic[] = {
	"econ_code", "econ_name", "gov_econ_code", "gov_econ_name", "total", "personnel", "public", NULL};
static const char *const c_econ[] = {
	"econ_code", "econ_name", "gov_econ_code", "gov_econ_name", "unit_code", "total",
	"general_budget", "general_budget_appropriation", "government_fund", "state_capital",
	"carryover", "special_account", "business_income", "superior_subsidy", "affiliated_remit",
	"operating_income", "other_income", NULL};
static const char *const c_gbecon[] = {
	"econ_code", "econ_name", "gov_econ_code", "gov_econ_name", "total", "basic_total", "personnel",
	"public", "project_total", NULL};
static const char *const c_three[] = {
	"unit_name", "total", "overseas_travel", "vehicle_total", "vehicle_purchase",
	"vehicle_operation", "reception", NULL};
static const char *const c_project[] = {
	"project_type", "project_name", "unit_code", "unit_name", "total", "general_budget",
	"government_fund", "state_capital", "carryover_general_budget", "carryover_government_fund",
	"carryover_state_capital", "special_account", "unit_funds", NULL};
static const char *const c_dept_perf[] = {"level1", "level2", "indicator", "target", "note", NULL};
static const char *const c_proj_perf[] = {
	"project_code", "project_name", "total", "government", "special_account", "unit_funds",
	"category", "indicator", "target", NULL};

const gk_tabledef gk_tabledefs[] = {
	{"revenue_expenditure_summary", c_summary, N(c_summary)},
	{"revenue_by_unit", c_rev_unit, N(c_rev_unit)},
	{"expenditure_by_function", c_func, N(c_func)},
	{"fiscal_appropriation_summary", c_fiscal, N(c_fiscal)},
	{"general_budget_expenditure", c_func, N(c_func)},
	{"general_budget_basic_expenditure", c_basic, N(c_basic)},
	{"expenditure_by_economic_class", c_econ, N(c_econ)},
	{"general_budget_by_economic_class", c_gbecon, N(c_gbecon)},
	{"three_public_expenses", c_three, N(c_three)},
	{"government_fund_expenditure", c_func, N(c_func)},
	{"state_capital_expenditure", c_func, N(c_func)},
	{"project_expenditure", c_project, N(c_project)},
	{"department_performance", c_dept_perf, N(c_dept_perf)},
	{"project_performance", c_proj_perf, N(c_proj_perf)},
};
const int gk_ntabledefs = (int)(sizeof gk_tabledefs / sizeof gk_tabledefs[0]);

const gk_tabledef *gk_tabledef_find(const char *id)
{
	for (int i = 0; i < gk_ntabledefs; i++)
		if (!strcmp(gk_tabledefs[i].id, id))
			return &gk_tabledefs[i];
	return 0;
}

const char *const gk_document_cols[] = {
	"doc", "source", "sha256", "format", "region", "department", "year", "kind",
	"unit_published", "pages", "tables_found", "tables_listed",
	/* after the contract's: how the text was had (README "Output") */
	"repaired", "pages_without_text", "pages_garbled", "ocr_pages", "ocr_confidence", NULL};
const char *const gk_checks_cols[] = {"table_id", "check", "row",    "expected", "found",
                                     "status",   "page",  "detail", NULL};
const char *const gk_combined_prefix[] = {"doc", "region", "department", "year", "kind", "url", NULL};

const char *const gk_document_more_cols[] = {"url", "aliases", NULL};
const char *const gk_checks_more_cols[] = {"row_no", NULL};
const char *const gk_combined_prov_cols[] = {"page", "row_no", "row_type", "item_key", NULL};
const char *const gk_rows_cols[] = {"table_id", "row_no", "page", "x0", "y0", "x1", "y1", "row_type", "item_key", NULL};
const char *const gk_tables_cols[] = {"table_id", "title", "pages", "rows", "unit", "status", NULL};

static int in(const char *const *list, const char *s)
{
	for (int i = 0; list[i]; i++)
		if (!strcmp(list[i], s))
			return 1;
	return 0;
}

gk_col_kind gk_col_kind_of(const char *table_id, const char *key)
{
	static const char *const codes[] = {"func_code", "class", "item", "subitem", "unit_code", "econ_code",
	                                    "gov_econ_code", "project_code", "sha256", NULL};
	static const char *const ints[] = {"pages", "tables_found", "tables_listed", "page", "row_no", "rows", NULL};
	static const char *const nums[] = {"x0", "y0", "x1", "y1", "ocr_confidence", NULL};
	static const char *const text[] = {
		"doc", "source", "format", "region", "department", "year", "kind", "url", "aliases", "unit_published",
		"side", "item", "name", "unit_name", "func_name", "econ_name", "gov_econ_name", "project_type",
		"project_name", "level1", "level2", "indicator", "target", "note", "category", "table_id", "check",
		"row", "expected", "found", "status", "row_type", "item_key", "title", "unit", "detail", "repaired",
		"pages_without_text", "pages_garbled", "ocr_pages", NULL};
	/* item is a code (款) in the function tables, a label in the summaries */
	if (!strcmp(key, "item") && table_id &&
	    (!strcmp(table_id, "revenue_expenditure_summary") || !strcmp(table_id, "fiscal_appropriation_summary")))
		return GK_COL_TEXT;
	if (in(codes, key))
		return GK_COL_CODE;
	if (table_id && !strcmp(table_id, "tables") && !strcmp(key, "pages"))
		return GK_COL_TEXT; /* "3-4,7" */
	if (in(ints, key))
		return GK_COL_INT;
	if (in(nums, key))
		return GK_COL_NUMBER;
	if (in(text, key))
		return GK_COL_TEXT;
	if (!strncmp(key, "x_", 2) || !table_id || !gk_tabledef_find(table_id))
		return GK_COL_UNKNOWN;
	return GK_COL_AMOUNT; /* every other contract column is money */
}

const char *gk_col_description(const char *key)
{
	static const char *const d[] = {
		"doc", "the document: its input file's name without extension (or its path under a directory given)",
		"region", "region (from the document, or --meta)",
		"department", "department (from the document, or --meta)",
		"year", "budget year",
		"kind", "预算 (budget) or 决算 (final accounts)",
		"url", "where the document was published (--meta)",
		"page", "page of the document the row was printed on",
		"row_no", "1-based position of the row in its table",
		"row_type", "total | subtotal | unit | detail: summing the detail rows counts every amount once",
		"item_key", "standard key of a summary line (rules/items.rules)",
		"func_code", "function classification code (类3 款2 项2 digits)",
		"econ_code", "部门预算经济分类 code",
		"gov_econ_code", "政府预算经济分类 code",
		"unit_code", "unit (单位) code",
		"class", "类 of func_code", "item", "款 of func_code, or a summary line's label", "subitem", "项 of func_code",
		"side", "收入 or 支出",
		NULL};
	for (int i = 0; d[i]; i += 2)
		if (!strcmp(d[i], key))
			return d[i + 1];
	return NULL;
}
