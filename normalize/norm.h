/*
 * norm.h - normalizer primitives: amounts, units, codes, labels.
 * Pure functions, no locale: digits are parsed by hand, never with the
 * C library's locale-dependent conversions.
 */
#ifndef GK_NORM_H
#define GK_NORM_H

#include <stddef.h>

/* Parse a printed amount into a canonical decimal string: no thousands
 * separators, '-' for negatives, the printed decimals kept.
 * Accepts: "1,265.6", "1265.60", full-width digits/comma/point/minus
 * ("１，２６５．６"), "-12.5", "−12.5" (U+2212), "(1,234.00)",
 * "（1,234.00）", surrounding spaces, a trailing "%"-free plain number,
 * "0", ".5" -> "0.5".  Rejects: empty, "-", "—", text, codes with spaces,
 * numbers with letters, more than one '.', misplaced commas ("1,2,3" is
 * rejected; groups must be 3 digits, but a single comma may stand before
 * the last three digits only: "120258,600" -> "120258600", as some 元
 * tables print), "5." (a point without decimals),
 * "- 12" (space after the sign), "(-12)".  A leading '+' is dropped;
 * leading zeros go ("007.50" -> "7.50"); zero is never negative
 * ("-0.00" -> "0.00").
 * Returns 1 and writes out (NUL-terminated, truncated to outsz) or 0. */
int gk_amount_parse(const char *s, char *out, size_t outsz);

/* Unit of a document or table from text like "单位：万元", "金额单位：元",
 * "单位:亿元", "（单位：元）", "单位：人民币万元", or a bracketed unit on
 * its own ("金额（万元）").  Returns the power of ten that converts it to
 * 万元: 元 -> -4, 千元 -> -1, 万元 -> 0, 亿元 -> 4 (十万元 1, 百万元 2,
 * 千万元 3); GK_UNIT_NONE if the text names no unit ("单位名称", "845万元"
 * in running text). */
#define GK_UNIT_NONE (-99)
int gk_unit_parse(const char *text);

/* Shift a canonical decimal string by 10^shift (exact, no floating point).
 * Trailing zeros created by the shift are dropped, but never below the
 * number of decimals the input printed: ("1265600.00", -4) -> "126.56",
 * ("1234567.89", -4) -> "123.456789", ("1.5", 4) -> "15000",
 * ("12", -4) -> "0.0012".  Canonical: -?[0-9]+(\.[0-9]+)? (what
 * gk_amount_parse writes).  Returns 1, or 0 (out set to "") if s is not
 * canonical, |shift| > 64, or the result does not fit outsz. */
int gk_amount_scale(const char *s, int shift, char *out, size_t outsz);

/* Function classification code: "2010301", "201 03 01", "201-03-01",
 * "201０301" (full-width) -> 3, 5 or 7 digits in out (leading zeros kept);
 * the first digit must be 2 (类 201..299 as published).  Groups may be
 * separated by white space (U+3000 too) and at most one '-', only after
 * digit 3 or 5.  Returns the digit count, or 0 (out set to "") if s is
 * not a code of that shape (surrounding text included). */
int gk_func_code(const char *s, char out[16]);

/* Economic classification code: "30101", "301 01", "301" ("3xx" for
 * 部门预算经济分类, "5xx" for 政府预算经济分类; any other first digit is
 * rejected; a 7-digit third level "3010201" only under 30x/31x/39x).
 * Returns the digit count (3, 5 or 7) or 0. */
int gk_econ_code(const char *s, char out[16]);

/* Clean a label (caller frees):
 *  - trim; collapse white space runs (U+3000, U+00A0 too) to one space;
 *  - remove a space between two CJK characters (or CJK and full-width
 *    punctuation): "本 年 收 入 合 计" -> "本年收入合计",
 *    "机关事业单位基本养老保险 缴费支出" -> "...保险缴费支出";
 *  - keep a space between two ASCII words ("ups 应急" -> "ups应急" since one
 *    side is CJK; "UPS power" stays);
 *  - LaTeX math: "$\leq 5\%$" -> "≤5%", "$\geq 80\%$" -> "≥80%",
 *    "$\lt$" -> "<", "$\gt$" -> ">", "$\le$"/"$\ge$", "\%" -> "%", drop
 *    remaining '$' pairs (white space and braces inside a pair go too;
 *    a lone '$' stays);
 *  - markdown emphasis "**x**" -> "x" ("**" markers removed in pairs).
 * Full-width punctuation in labels is kept as printed. */
char *gk_label_clean(const char *s);

/* Fold full-width ASCII (U+FF01..U+FF5E) to half-width and U+3000 to a
 * space (caller frees).  Used on numbers and codes, not on labels. */
char *gk_fold_width(const char *s);

/* True if the UTF-8 string is a CJK ideograph-bearing text (has at least
 * one character in U+4E00..U+9FFF or U+3400..U+4DBF). */
int gk_has_cjk(const char *s);

/* The code points of UTF-8 s, spaces left out, into cp (at most max);
 * their number, -1 on bad UTF-8 or more than max. */
int gk_codepoints(const char *s, unsigned *cp, int max);

/* Edit distance of a and b by code points (spaces left out), capped at
 * max + 1; strings over 64 code points are max + 1 apart. */
int gk_codepoint_edits(const char *a, const char *b, int max);

#endif
