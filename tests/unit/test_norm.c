/* test_norm.c - normalizer primitives (normalize/norm.h). */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "../../normalize/norm.h"

/* ---- gk_amount_parse --------------------------------------------------- */

static void amount_ok(const char *in, const char *want)
{
	char out[64];
	memset(out, 'x', sizeof out);
	cr_assert_eq(gk_amount_parse(in, out, sizeof out), 1, "'%s' rejected", in);
	cr_assert_str_eq(out, want, "'%s' -> '%s', want '%s'", in, out, want);
}

static void amount_bad(const char *in)
{
	char out[64];
	cr_assert_eq(gk_amount_parse(in, out, sizeof out), 0, "'%s' accepted as '%s'", in, out);
}

Test(norm_amount, thousands_separators)
{
	amount_ok("1,265.6", "1265.6");
	amount_ok("1,234,567.89", "1234567.89");
	amount_ok("999", "999");
	amount_ok("12,345", "12345");
	/* some 元 tables mark only the last thousand: still a thousands mark */
	amount_ok("120258,600", "120258600");
	amount_ok("25829,012.50", "25829012.50");
}

Test(norm_amount, decimals_kept_as_printed)
{
	amount_ok("1265.60", "1265.60");
	amount_ok("0", "0");
	amount_ok("0.00", "0.00");
	amount_ok(".5", "0.5");
	amount_ok("007.50", "7.50");
}

Test(norm_amount, negatives)
{
	amount_ok("-12.5", "-12.5");
	amount_ok("\xe2\x88\x92" "12.5", "-12.5"); /* U+2212 */
	amount_ok("(1,234.00)", "-1234.00");
	amount_ok("\xef\xbc\x88" "1,234.00\xef\xbc\x89", "-1234.00"); /* （…） */
	amount_ok("( 5 )", "-5");
	amount_ok("-0.00", "0.00"); /* no negative zero */
	amount_ok("+3", "3");
}

Test(norm_amount, full_width)
{
	amount_ok("１，２６５．６", "1265.6");
	amount_ok("－１２", "-12");
	amount_ok("２０", "20");
}

Test(norm_amount, surrounding_space)
{
	amount_ok("  1,265.6 ", "1265.6");
	amount_ok("\t784.8\n", "784.8");
	amount_ok("\xe3\x80\x80" "17.2\xe3\x80\x80", "17.2"); /* U+3000 */
}

Test(norm_amount, rejects_empty_and_dashes)
{
	amount_bad("");
	amount_bad("   ");
	amount_bad("-");
	amount_bad("\xe2\x80\x94"); /* — */
	amount_bad("--");
	amount_bad("- 12");
	amount_bad(NULL);
}

Test(norm_amount, rejects_bad_grouping)
{
	amount_bad("1,2,3");
	amount_bad("12,34");
	amount_bad("1234,567,890"); /* a long first group only before the last three digits */
	amount_bad("1234,56");
	amount_bad(",123");
	amount_bad("1,234,");
	amount_bad("1,23.5");
	amount_bad("1.234,5");
}

Test(norm_amount, rejects_text_and_codes)
{
	amount_bad("abc");
	amount_bad("12a");
	amount_bad("1.2.3");
	amount_bad("5.");
	amount_bad("201 03 01");
	amount_bad("5%");
	amount_bad("12万元");
	amount_bad("合计");
	amount_bad("(12");
	amount_bad("12)");
	amount_bad("(-12)");
	amount_bad("\xff" "12");
}

Test(norm_amount, truncates_to_outsz)
{
	char out[4];
	cr_assert_eq(gk_amount_parse("1,265.6", out, sizeof out), 1);
	cr_assert_str_eq(out, "126");
}

/* ---- gk_unit_parse ----------------------------------------------------- */

Test(norm_unit, units)
{
	cr_assert_eq(gk_unit_parse("单位：元"), -4);
	cr_assert_eq(gk_unit_parse("单位：万元"), 0);
	cr_assert_eq(gk_unit_parse("金额单位：元"), -4);
	cr_assert_eq(gk_unit_parse("单位:亿元"), 4);
	cr_assert_eq(gk_unit_parse("单位：千元"), -1);
	cr_assert_eq(gk_unit_parse("（单位：元）"), -4);
	cr_assert_eq(gk_unit_parse("单位 ： 万 元"), 0);
	cr_assert_eq(gk_unit_parse("部门名称：登封市政务服务和大数据管理局 单位：万元"), 0);
	cr_assert_eq(gk_unit_parse("预算单位：某局  单位：元"), -4);
	cr_assert_eq(gk_unit_parse("金额（万元）"), 0);
	cr_assert_eq(gk_unit_parse("(元)"), -4);
	cr_assert_eq(gk_unit_parse("单位：人民币万元"), 0);
}

Test(norm_unit, no_unit)
{
	cr_assert_eq(gk_unit_parse(""), GK_UNIT_NONE);
	cr_assert_eq(gk_unit_parse("部门收支总体情况表"), GK_UNIT_NONE);
	cr_assert_eq(gk_unit_parse("单位名称"), GK_UNIT_NONE);
	cr_assert_eq(gk_unit_parse("预算单位：某局"), GK_UNIT_NONE);
	cr_assert_eq(gk_unit_parse("支出预算845.70万元"), GK_UNIT_NONE);
	cr_assert_eq(gk_unit_parse("单位：人"), GK_UNIT_NONE);
	cr_assert_eq(gk_unit_parse(NULL), GK_UNIT_NONE);
}

/* ---- gk_amount_scale --------------------------------------------------- */

static void scale_ok(const char *in, int shift, const char *want)
{
	char out[64];
	cr_assert_eq(gk_amount_scale(in, shift, out, sizeof out), 1, "'%s' %d rejected", in, shift);
	cr_assert_str_eq(out, want, "('%s', %d) -> '%s', want '%s'", in, shift, out, want);
}

Test(norm_scale, contract_examples)
{
	scale_ok("1265600.00", -4, "126.56");
	scale_ok("1234567.89", -4, "123.456789");
	scale_ok("1.5", 4, "15000");
	scale_ok("12", -4, "0.0012");
}

Test(norm_scale, more)
{
	scale_ok("1265.6", 0, "1265.6");
	scale_ok("100", -4, "0.01");
	scale_ok("0.00", -4, "0.00");
	scale_ok("-1265600.00", -4, "-126.56");
	scale_ok("-0.00", 0, "0.00");
	scale_ok("1.50", 1, "15.0");
	scale_ok("1.2345", 2, "123.45");
	scale_ok("1.23", 4, "12300");
	scale_ok("0.5", -1, "0.05");
	scale_ok("3", 4, "30000");
	scale_ok("12345", -1, "1234.5");
	scale_ok("1200", -2, "12");
	scale_ok("12000.0", -4, "1.2");
	scale_ok("12000.00", -4, "1.20");
}

Test(norm_scale, rejects_non_canonical)
{
	char out[64];
	cr_assert_eq(gk_amount_scale("1,265.6", -4, out, sizeof out), 0);
	cr_assert_eq(gk_amount_scale("", 0, out, sizeof out), 0);
	cr_assert_eq(gk_amount_scale("-", 0, out, sizeof out), 0);
	cr_assert_eq(gk_amount_scale(".5", 0, out, sizeof out), 0);
	cr_assert_eq(gk_amount_scale("5.", 0, out, sizeof out), 0);
	cr_assert_eq(gk_amount_scale(" 5", 0, out, sizeof out), 0);
	cr_assert_eq(gk_amount_scale("1e3", 0, out, sizeof out), 0);
	cr_assert_eq(gk_amount_scale("1", 1000, out, sizeof out), 0);
	char small[4];
	cr_assert_eq(gk_amount_scale("1.5", 4, small, sizeof small), 0, "does not fit");
}

/* ---- codes ------------------------------------------------------------- */

static void func_ok(const char *in, const char *want)
{
	char out[16];
	int n = gk_func_code(in, out);
	cr_assert_eq(n, (int)strlen(want), "'%s' -> %d", in, n);
	cr_assert_str_eq(out, want);
}

static void func_bad(const char *in)
{
	char out[16];
	cr_assert_eq(gk_func_code(in, out), 0, "'%s' accepted as '%s'", in, out);
}

Test(norm_code, func_shapes)
{
	func_ok("201 03 01", "2010301");
	func_ok("2010301", "2010301");
	func_ok("201-03-01", "2010301");
	func_ok("201０301", "2010301");
	func_ok("２０１", "201");
	func_ok("201", "201");
	func_ok("20103", "20103");
	func_ok("201 03", "20103");
	func_ok(" 208  05   05 ", "2080505");
	func_ok("201\xe3\x80\x80" "03\xe3\x80\x80" "01", "2010301");
	func_ok("20103 01", "2010301");
}

Test(norm_code, func_rejects)
{
	func_bad("301 01");
	func_bad("30101");
	func_bad("2024");
	func_bad("201030");
	func_bad("20103011");
	func_bad("20 103");
	func_bad("2010 301");
	func_bad("201--03");
	func_bad("201-");
	func_bad("201 03 01 行政运行");
	func_bad("行政运行");
	func_bad("");
	func_bad("1,265.6");
	func_bad(NULL);
}

Test(norm_code, econ)
{
	char out[16];
	cr_assert_eq(gk_econ_code("301 01", out), 5);
	cr_assert_str_eq(out, "30101");
	cr_assert_eq(gk_econ_code("30101", out), 5);
	cr_assert_str_eq(out, "30101");
	cr_assert_eq(gk_econ_code("301", out), 3);
	cr_assert_str_eq(out, "301");
	cr_assert_eq(gk_econ_code("50101", out), 5);
	cr_assert_str_eq(out, "50101");
	cr_assert_eq(gk_econ_code("５０２ ０１", out), 5);
	cr_assert_str_eq(out, "50201");
	cr_assert_eq(gk_econ_code("201 03 01", out), 0);
	cr_assert_eq(gk_econ_code("2010301", out), 0);
	cr_assert_eq(gk_econ_code("20101", out), 0);
	/* a third level under a 部门预算 code (重庆商务委: 3010201 规范性津补贴) */
	cr_assert_eq(gk_econ_code("3010201", out), 7);
	cr_assert_str_eq(out, "3010201");
	cr_assert_eq(gk_econ_code("301 02 01", out), 7);
	cr_assert_str_eq(out, "3010201");
	cr_assert_eq(gk_econ_code("5010101", out), 0); /* 政府预算 codes have two levels */
	cr_assert_eq(gk_econ_code("3610101", out), 0);
	cr_assert_eq(gk_econ_code("301020101", out), 0);
	cr_assert_eq(gk_econ_code("30 101", out), 0);
	cr_assert_eq(gk_econ_code("工资福利支出", out), 0);
	cr_assert_str_eq(out, "");
}

/* ---- labels ------------------------------------------------------------ */

static void label_is(const char *in, const char *want)
{
	char *got = gk_label_clean(in);
	cr_assert_str_eq(got, want, "'%s' -> '%s', want '%s'", in, got, want);
	free(got);
}

Test(norm_label, cjk_layout_spaces)
{
	label_is("本 年 收 入 合 计", "本年收入合计");
	label_is("机关事业单位基本养老保险 缴费支出", "机关事业单位基本养老保险缴费支出");
	label_is("  一、一般公共预算  ", "一、一般公共预算");
	label_is("（一） 行政运行", "（一）行政运行");
	label_is("金\xe3\x80\x80额", "金额");
	label_is("2024 年 部门预算", "2024年部门预算");
}

Test(norm_label, ascii_words)
{
	label_is("UPS power", "UPS power");
	label_is("UPS   power\tsupply", "UPS power supply");
	label_is("ups 应急", "ups应急");
	label_is("", "");
	label_is("   ", "");
}

Test(norm_label, latex)
{
	label_is("$\\leq 5\\%$", "≤5%");
	label_is("$\\geq 80\\%$", "≥80%");
	label_is("$\\lt$", "<");
	label_is("$\\gt$", ">");
	label_is("$\\le$ 10", "≤ 10");
	label_is("$\\ge$100%", "≥100%");
	label_is("满意度 $\\geq 90\\%$", "满意度≥90%");
	label_is("达标率 95\\%", "达标率95%");
	label_is("$5$天", "5天");
	label_is("单价 $ 元", "单价$元"); /* a lone '$' stays */
}

Test(norm_label, emphasis_and_punctuation)
{
	label_is("**合计**", "合计");
	label_is("**（一）因公出国（境）费**", "（一）因公出国（境）费");
	label_is("a ** b", "a ** b");
	label_is("“三公” 经费", "“三公”经费");
	label_is("其中：财政拨款", "其中：财政拨款");
}

/* ---- width, CJK -------------------------------------------------------- */

Test(norm_width, fold)
{
	char *s = gk_fold_width("１，２６５．６");
	cr_assert_str_eq(s, "1,265.6");
	free(s);
	s = gk_fold_width("２０１\xe3\x80\x80" "０３（合计）");
	cr_assert_str_eq(s, "201 03(合计)");
	free(s);
	s = gk_fold_width("本年收入，合计。");
	cr_assert_str_eq(s, "本年收入,合计。"); /* U+3002 is not in FF01..FF5E */
	free(s);
	s = gk_fold_width("");
	cr_assert_str_eq(s, "");
	free(s);
}

Test(norm_width, has_cjk)
{
	cr_assert(gk_has_cjk("合计"));
	cr_assert(gk_has_cjk("UPS应急"));
	cr_assert(gk_has_cjk("\xe3\x90\x80")); /* U+3400 */
	cr_assert_not(gk_has_cjk("1,265.6"));
	cr_assert_not(gk_has_cjk("（）。，"));
	cr_assert_not(gk_has_cjk("１２３"));
	cr_assert_not(gk_has_cjk(""));
	cr_assert_not(gk_has_cjk("\xe4\xb8")); /* truncated */
}
