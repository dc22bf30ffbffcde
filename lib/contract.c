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
const char *const gk_combined_prefix[] = {"doc", "region", "department", "year", NULL};
