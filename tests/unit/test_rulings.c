/* test_rulings.c - ruling lines: found in a grey image (lib/pxlines.c),
 * carried in the extract stream (S records, lib/ptext.c), and used to
 * bound the cells a performance grid merges over several rows (the
 * rows of 北京's 项目支出绩效目标表, whose merged project names are printed
 * off the middle of their rows). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../extract/extract.h"
#include "../../lib/ptext.h"
#include "../../lib/pxlines.h"
#include "../../lib/rules.h"
#include "../../lib/table.h"
#include "../../normalize/normalize.h"

/* A 200 x 100 white image with a grid: two horizontal lines (one two
 * pixels thick, light grey as thin lines render), a vertical one, a
 * filled box (not a line) and a short dark run (a text stroke). */
Test(rulings, found_in_image)
{
	enum { W = 200, H = 100 };
	static unsigned char px[W * H];
	memset(px, 255, sizeof px);
	for (int x = 10; x < 190; x++)
		px[20 * W + x] = 190;
	for (int x = 10; x < 190; x++)
		px[60 * W + x] = px[61 * W + x] = 100;
	for (int y = 20; y < 62; y++)
		px[y * W + 100] = 120;
	for (int y = 70; y < 90; y++) /* a filled box */
		for (int x = 20; x < 80; x++)
			px[y * W + x] = 0;
	for (int x = 120; x < 130; x++) /* a stroke of text */
		px[40 * W + x] = 0;
	gk_pxseg *s;
	int n = gk_rulings_find(px, W, H, W, 225, 24, 12, 3, 1, &s);
	int h20 = 0, h60 = 0, v100 = 0;
	for (int k = 0; k < n; k++) {
		if (!s[k].vertical && s[k].pos == 20 && s[k].a == 10 && s[k].b == 189)
			h20++;
		else if (!s[k].vertical && s[k].pos == 60.5 && s[k].a == 10 && s[k].b == 189)
			h60++;
		else if (s[k].vertical && s[k].pos == 100 && s[k].a == 20 && s[k].b == 61)
			v100++;
		else
			cr_assert_fail("unexpected segment %c at %.1f, %d..%d", s[k].vertical ? 'v' : 'h', s[k].pos, s[k].a,
			               s[k].b);
	}
	cr_assert_eq(h20 + h60 + v100, 3, "%d segments", n);
	free(s);
}

Test(rulings, stream_round_trip)
{
	gk_doc *d = gk_doc_new();
	gk_doc_add_page(d, 842, 595);
	gk_doc_add_stroke(d, 1, 0, 58.5, 19, 815);
	gk_doc_add_stroke(d, 1, 1, 349.5, 13, 422);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	cr_assert_eq(gk_doc_write(f, d), 0);
	fclose(f);
	cr_assert_not_null(strstr(buf, "S\t1\th\t58.50\t19.00\t815.00\n"), "%s", buf);
	f = fmemopen(buf, len, "r");
	gk_doc *e = NULL;
	char *err = NULL;
	cr_assert_eq(gk_doc_read(f, &e, &err), 1, "%s", err ? err : "");
	fclose(f);
	cr_assert_eq(e->nstroke, 2);
	cr_assert_eq(e->stroke[1].vertical, 1);
	cr_assert_float_eq(e->stroke[1].pos, 349.5, 1e-9);
	gk_doc_drop(e);
	gk_doc_drop(d);
	free(buf);
	static const char bad[] = "%gongkai-extract 1\nS\t1\th\tnan\t0\t1\n%end\n";
	f = fmemopen((void *)bad, strlen(bad), "r");
	cr_assert_eq(gk_doc_read(f, &e, &err), -1);
	cr_assert_not_null(strstr(err, "ruling line"), "%s", err);
	free(err);
	fclose(f);
}

/* The sample's pages 13-17 (项目支出绩效目标表, projects as rows) are
 * rendered and give ruling lines; its other pages are not rendered.  Below
 * its header (y 58.5), page 14's grid has a rule across the indicator
 * columns (x 349..815) above and below each of its 20 rows. */
Test(rulings, rendered_only_where_needed)
{
	gk_doc *d = NULL;
	char *err = NULL;
	cr_assert_eq(gk_extract_file("samples/pdf/beijing-zdxmjs-2026.pdf", &d, &err), GK_OK, "%s", err ? err : "");
	int across = 0;
	for (int s = 0; s < d->nstroke; s++) {
		const gk_stroke *st = &d->stroke[s];
		cr_assert(st->page >= 13 && st->page <= 17, "ruling line on page %d", st->page);
		if (st->page == 14 && !st->vertical && st->a < 352 && st->b > 812 && st->pos > 55)
			across++;
	}
	cr_assert_eq(across, 21, "%d rules across page 14's rows", across);
	gk_doc_drop(d);
}

/* 北京市重大项目建设指挥部办公室 2026, pages 13-15 (cut from the extract):
 * 门户网站运维费 is merged over all 20 rows of page 14 and its name is
 * printed near their middle, but centring alone gives the rows at the top
 * of the page to the project of page 13 and those at its foot to the one
 * of page 15; the ruling lines (S records) show where each cell ends.
 * Without them this test fails (6 rows of 门户网站运维费). */
Test(rulings, merged_cell_bounded_by_rules)
{
	char *err = NULL;
	gk_doc *d = NULL;
	FILE *fp = fopen("tests/fixtures/pdf/perf-beijing-p13-15.x", "r");
	cr_assert_not_null(fp);
	cr_assert_eq(gk_doc_read(fp, &d, &err), 1, "%s", err ? err : "");
	fclose(fp);
	gk_rules *rules = gk_rules_load("rules", &err);
	cr_assert_not_null(rules, "%s", err ? err : "");
	gk_result *r = gk_normalize(d, rules, "beijing");
	gk_table *t = gk_result_find(r, "project_performance");
	cr_assert_not_null(t);
	int portal = 0, law = 0, wechat = 0;
	for (int i = 0; i < t->nrow; i++) {
		const char *name = gk_table_get(t, i, "project_name"), *ind = gk_table_get(t, i, "indicator");
		if (strstr(ind, "分项成本控") || !strcmp(ind, "网站访问量") || !strcmp(ind, "用户使用满意度"))
			cr_assert_str_eq(name, "门户网站运维费", "%s", ind);
		portal += !strcmp(name, "门户网站运维费");
		law += !strcmp(name, "法律顾问咨询工作经费");
		wechat += !strcmp(name, "微信公众平台运维费");
	}
	cr_assert_eq(portal, 20, "%d rows of 门户网站运维费", portal);
	cr_assert_eq(law, 11, "%d rows of 法律顾问咨询工作经费", law);
	cr_assert_eq(wechat, 17, "%d rows of 微信公众平台运维费", wechat);
	cr_assert_str_eq(gk_table_get(t, 11, "project_code"), "11000021T000000119510");
	gk_result_drop(r);
	gk_rules_drop(rules);
	gk_doc_drop(d);
}

/* The rendered xinxiang seed, page 18 (本级部门整体绩效目标表): the target
 * "$\leq 100\%$" fills its cell up to the ruling at x 305.9, and the note
 * column's "实际支出" starts 7.5 pt further on, less than the column gap
 * of its 9 pt type: one cell "≤100%实际支出" under 指标值.  The page is
 * rendered because that cell starts under one header word and runs past
 * the next; read again, no cell crosses a vertical ruling.  Only its six
 * column rules are kept (the rows are the text's to place). */
Test(rulings, glued_cells_parted_by_rule)
{
	gk_doc *d = NULL;
	char *err = NULL;
	cr_assert_eq(gk_extract_file("samples/pdf/xinxiang-2022.pdf", &d, &err), GK_OK, "%s", err ? err : "");
	int target = 0, note = 0;
	for (int s = 0; s < d->nstroke; s++) /* (its columns' rules only) */
		cr_assert(d->stroke[s].page == 18 && d->stroke[s].vertical && d->stroke[s].b - d->stroke[s].a > 400,
		          "rule %c on page %d", d->stroke[s].vertical ? 'v' : 'h', d->stroke[s].page);
	cr_assert_eq(d->nstroke, 6, "%d rules", d->nstroke);
	for (int i = 0; i < d->nline; i++) {
		const gk_line *l = &d->line[i];
		for (int j = 0; j < l->ncell; j++) {
			const gk_cell *c = &l->cell[j];
			if (strstr(c->text, "100\\%$")) {
				cr_assert_null(strstr(c->text, "实际"), "glued: %s", c->text);
				cr_assert(c->x1 < 305.9, "%s ends at %.2f", c->text, c->x1);
				target++;
			}
			if (!strcmp(c->text, "实际支出")) {
				cr_assert_float_eq(c->x0, 306.91, 0.01);
				note++;
			}
		}
	}
	cr_assert_eq(target, 1);
	cr_assert_eq(note, 1);
	gk_doc_drop(d);
}

/* 长沙市信访局 2026, page 24 (项目支出绩效目标表, cut from the extract):
 * the unit "%" is printed near the left edge of its column 度量单位, and
 * the text of 评（扣）分标准 beside it reaches the rule between them
 * (x 958.5).  Parted from that text by the rule, "%" alone leaves two
 * gutters between the header words; the wider one lies right of it, and
 * the ≥95% of 设施设备正常运行率 lost its unit.  The rule is the boundary. */
Test(rulings, column_boundary_on_rule)
{
	char *err = NULL;
	gk_doc *d = NULL;
	FILE *fp = fopen("tests/fixtures/pdf/perf-changsha-p24.x", "r");
	cr_assert_not_null(fp);
	cr_assert_eq(gk_doc_read(fp, &d, &err), 1, "%s", err ? err : "");
	fclose(fp);
	gk_rules *rules = gk_rules_load("rules", &err);
	cr_assert_not_null(rules, "%s", err ? err : "");
	gk_result *r = gk_normalize(d, rules, "changsha");
	gk_table *t = gk_result_find(r, "project_performance");
	cr_assert_not_null(t);
	int n = 0;
	for (int i = 0; i < t->nrow; i++) {
		const char *ind = gk_table_get(t, i, "indicator");
		if (!strcmp(ind, "设施设备正常运行率") || !strcmp(ind, "视频接访系统运转正常率")) {
			cr_assert_str_eq(gk_table_get(t, i, "target"), "≥95%", "%s", ind);
			n++;
		}
	}
	cr_assert_eq(n, 2);
	gk_result_drop(r);
	gk_rules_drop(rules);
	gk_doc_drop(d);
}
