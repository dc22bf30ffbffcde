#!/usr/bin/env python3
"""Arithmetic check of hand-written expected tables (stdlib only).

usage: check_expected.py DIR [DIR ...]     (DIR = tests/real/expected/<doc>)

For every contract table found in DIR it checks the identities the table's
own layout implies, generically (by column keys, code shapes and the
ordinal shape of summary labels, never by a document's names or values):

- row identities: total = basic_total + project_total (+ reserve), or
  total = basic_personnel + basic_public + project_total, basic_total = its
  parts; econ tables total = personnel + public (+ project_total);
  三公 total = overseas + vehicle + reception, vehicle = purchase + operation;
- hierarchy: a 类 row = sum of its 款 rows, a 款 row = sum of its 项 rows,
  a unit row = sum of its 类 rows, 合计 = sum of the top unit rows (or the
  类 rows); the same for economic codes (3 digits = sum of its longer
  descendants that have no printed parent in between);
- summaries: numbered items (N、) of each block sum to 本年…合计, (n) items
  to their N、 item, 总计 = 本年合计 + the lines printed between them, and
  收入总计 = every 支出总计.
Prints one line per failed identity and a count per table; exit 1 if any
identity fails (a failure may be an error of the document itself: say so
in NOTES.md rather than change a figure).
"""
import csv, os, re, sys
from decimal import Decimal

FUNC = {'expenditure_by_function', 'general_budget_expenditure',
        'government_fund_expenditure', 'state_capital_expenditure'}
ECON = {'general_budget_basic_expenditure', 'expenditure_by_economic_class',
        'general_budget_by_economic_class'}
SUMM = {'revenue_expenditure_summary', 'fiscal_appropriation_summary'}


def D(s):
    s = (s or '').strip().replace(',', '')
    if not s:
        return None
    try:
        return Decimal(s)
    except Exception:
        return None


def amount_cols(header):
    skip = {'func_code', 'class', 'item', 'subitem', 'unit_code', 'name',
            'econ_code', 'econ_name', 'gov_econ_code', 'gov_econ_name',
            'unit_name', 'func_name', 'side', 'project_type', 'project_name',
            'project_code', 'category', 'indicator', 'target'}
    return [h for h in header if h not in skip and not h.startswith('x_') or
            (h.startswith('x_') and 'x_备注' != h and '单位编码' not in h
             and '项目简介' not in h)]


class Checker:
    def __init__(self, name):
        self.name, self.n, self.bad = name, 0, 0

    def eq(self, what, want, parts):
        vals = [p for p in parts if p is not None]
        if want is None and not vals:
            return
        self.n += 1
        got = sum(vals, Decimal(0))
        w = want if want is not None else Decimal(0)
        if got != w:
            self.bad += 1
            print(f'  FAIL {self.name}: {what}: {w} != {got}')


def row_identities(ck, rows, pairs):
    printed = {k for r in rows for k, v in r.items() if D(v) is not None}
    pairs = [(w, p) for w, p in pairs if w in printed]
    for i, r in enumerate(rows):
        lab = r.get('name') or r.get('econ_name') or r.get('unit_name') or r.get('project_name') or ''
        for whole, parts in pairs:
            if whole not in r or D(r[whole]) is None and all(D(r.get(p)) is None for p in parts):
                continue
            if not any(p in r for p in parts):
                continue
            if all(D(r.get(p)) is None for p in parts):
                continue
            ck.eq(f'row {i+2} {lab} {whole} = {"+".join(parts)}', D(r[whole]), [D(r.get(p)) for p in parts])


def hierarchy(ck, rows, codekey, cols, unitkey=None, namekey='name'):
    """codes: parents = sum of nearest printed descendants, per unit block."""
    def is_unit(r):
        if unitkey and (r.get(unitkey) or '').strip() and not (r.get(codekey) or '').strip():
            return True
        return False
    blocks, cur = [], []
    total_row, units = None, []
    for r in rows:
        if (r.get(namekey) or '').replace(' ', '') in ('合计', '总计') and not (r.get(codekey) or '').strip():
            total_row = r
            continue
        if is_unit(r):
            if cur:
                blocks.append(cur)
            cur = [r]
            units.append(r)
            continue
        cur.append(r)
    if cur:
        blocks.append(cur)
    tops_all = []
    for b in blocks:
        head = b[0] if is_unit(b[0]) else None
        coded = [r for r in b if (r.get(codekey) or '').strip()]
        codes = [r[codekey].strip() for r in coded]
        tops = []
        for j, r in enumerate(coded):
            c = codes[j]
            # nearest printed ancestor before it in the block
            anc = None
            for k in range(j - 1, -1, -1):
                if c.startswith(codes[k]) and len(codes[k]) < len(c):
                    anc = k
                    break
            r['_anc'] = anc
            if anc is None:
                tops.append(r)
        for j, r in enumerate(coded):
            kids = [coded[k] for k in range(len(coded)) if coded[k].get('_anc') == j]
            if not kids:
                continue
            for col in cols:
                ck.eq(f'{codes[j]} {col} = sum of {len(kids)} children', D(r.get(col)), [D(k.get(col)) for k in kids])
        if head is not None and tops:
            for col in cols:
                ck.eq(f'unit {head.get(unitkey)} {col} = sum of its top codes', D(head.get(col)), [D(t.get(col)) for t in tops])
        if head is None:
            tops_all.extend(tops)
    if total_row is not None:
        if units:
            ucodes = [u[unitkey].strip() for u in units]
            top_units = [u for u in units if not any(u[unitkey].strip().startswith(o) and o != u[unitkey].strip() for o in ucodes)]
            for col in cols:
                ck.eq(f'合计 {col} = sum of top units', D(total_row.get(col)), [D(u.get(col)) for u in top_units])
            # nested unit codes: parent unit = sum of its child units
            for u in units:
                c = u[unitkey].strip()
                kids = [v for v in units if v[unitkey].strip().startswith(c) and v[unitkey].strip() != c and
                        not any(v[unitkey].strip().startswith(o) and len(c) < len(o) < len(v[unitkey].strip()) for o in ucodes)]
                if kids:
                    for col in cols:
                        ck.eq(f'unit {c} {col} = sum of child units', D(u.get(col)), [D(v.get(col)) for v in kids])
        elif tops_all:
            for col in cols:
                ck.eq(f'合计 {col} = sum of top codes', D(total_row.get(col)), [D(t.get(col)) for t in tops_all])


NUMBERED = re.compile(r'^\s*(\d+)[、.．]')
CN = re.compile(r'^\s*[一二三四五六七八九十]+[、.．]')
PAREN = re.compile(r'^\s*[（(][一二三四五六七八九十\d]+[)）]')


def summary(ck, rows, col):
    for side in ('收入', '支出'):
        srows = [r for r in rows if r['side'] == side]
        # split into blocks ending at a 总计 row
        blocks, cur = [], []
        for r in srows:
            cur.append(r)
            if '总计' in r['item']:
                blocks.append(cur)
                cur = []
        if cur:
            blocks.append(cur)
        for b in blocks:
            year = [k for k, r in enumerate(b) if re.search(r'本年.*合计', r['item'])] or \
                [k for k, r in enumerate(b) if r['item'].replace(' ', '') in ('合计', '收入合计', '支出合计')]
            if not year:
                continue
            y = year[0]
            # the items that add up to the 合计 line: Chinese ordinals (一、) when
            # two or more are printed, else arabic ones (1、); a 合计 printed
            # first adds up the items that follow it
            span = b[:y] if y > 0 else b[1:]
            cn = [r for r in span if CN.match(r['item'])]
            nums = cn if len(cn) >= 2 else [r for r in span if NUMBERED.match(r['item'])]
            ck.eq(f'{side} block {b[0]["item"]}..{b[y]["item"]}: sum of ordinal items', D(b[y][col]), [D(r[col]) for r in nums])
            if y == 0:
                continue
            parent = None
            kids = {}
            ids = {id(r) for r in nums}
            for r in b[:y]:
                if id(r) in ids:
                    parent = id(r)
                    kids[parent] = (r, [])
                elif PAREN.match(r['item']) and parent is not None:
                    kids[parent][1].append(r)
            for p, (r, ks) in kids.items():
                if ks and D(r[col]) is not None:
                    ck.eq(f'{side} {r["item"]} = sum of (n) items', D(r[col]), [D(k[col]) for k in ks])
            if '总计' not in b[-1]['item']:
                continue
            tail = [r for r in b[y + 1:-1] if not r['item'].startswith('其中') and
                    not r['item'].startswith('非财政') and not r['item'].startswith('财政拨款')]
            ck.eq(f'{side} {b[-1]["item"]} = 本年合计 + {len(tail)} lines', D(b[-1][col]), [D(b[y][col])] + [D(r[col]) for r in tail])
    inc = [r for r in rows if r['side'] == '收入' and '总计' in r['item']]
    out = [r for r in rows if r['side'] == '支出' and '总计' in r['item']]
    for a in inc:
        for b in out:
            ck.eq(f'收入总计 = 支出总计', D(a[col]), [D(b[col])])


def check_dir(d):
    bad = 0
    for name in sorted(os.listdir(d)):
        if not name.endswith('.csv'):
            continue
        t = name[:-4]
        with open(os.path.join(d, name), newline='', encoding='utf-8') as f:
            rd = csv.DictReader(f)
            header, rows = rd.fieldnames or [], list(rd)
        ck = Checker(t)
        if t in FUNC:
            has = lambda c: any(D(r.get(c)) is not None for r in rows)
            basic = ['basic_total'] if has('basic_total') else \
                ['basic_personnel', 'basic_public'] if has('basic_personnel') or has('basic_public') else \
                ['basic_wages', 'basic_family_subsidy', 'basic_goods_services', 'basic_capital']
            row_identities(ck, rows, [
                ('total', basic + ['project_total', 'reserve']),
                ('basic_total', ['basic_personnel', 'basic_public']),
                ('basic_total', ['basic_wages', 'basic_family_subsidy', 'basic_goods_services', 'basic_capital']),
                ('project_total', ['project_operating', 'project_specific'])])
            cols = [c for c in header if c not in ('func_code', 'class', 'item', 'subitem', 'unit_code', 'name') and not c.startswith('x_备注')]
            hierarchy(ck, rows, 'func_code', cols, 'unit_code')
        elif t in ECON:
            has_bt = any(D(r.get('basic_total')) is not None for r in rows)
            row_identities(ck, rows, [
                ('total', ['basic_total', 'project_total']) if has_bt else ('total', ['personnel', 'public', 'project_total']),
                ('basic_total', ['personnel', 'public'])])
            cols = [c for c in header if c not in ('econ_code', 'econ_name', 'gov_econ_code', 'gov_econ_name', 'unit_code') and not c.startswith('x_备注') and c != 'x_unit_code']
            hierarchy(ck, rows, 'econ_code', cols, 'x_unit_code' if 'x_unit_code' in header else 'unit_code', 'econ_name')
        elif t in SUMM:
            summary(ck, rows, 'amount' if 'amount' in header else 'total')
            if 'general_budget' in header:
                row_identities(ck, [r for r in rows if r['side'] == '支出'], [('total', ['general_budget', 'government_fund', 'state_capital'])])
        elif t == 'three_public_expenses':
            row_identities(ck, rows, [('total', ['overseas_travel', 'vehicle_total', 'reception']),
                                      ('vehicle_total', ['vehicle_purchase', 'vehicle_operation'])])
            if len(rows) > 1:
                cols = [c for c in header if c != 'unit_name' and '单位编码' not in c]
                ukey = next((c for c in header if '单位编码' in c), None)
                top = rows[0]
                if ukey:
                    uc = [r[ukey].strip() for r in rows[1:]]
                    kids = [r for r in rows[1:] if not any(r[ukey].strip().startswith(o) and o != r[ukey].strip() for o in uc if o)]
                    for r in rows[1:]:
                        c = r[ukey].strip()
                        sub = [v for v in rows[1:] if v[ukey].strip().startswith(c) and v[ukey].strip() != c and c]
                        if sub:
                            for col in cols:
                                ck.eq(f'unit {c} {col} = sum of child units', D(r.get(col)), [D(v.get(col)) for v in sub])
                else:
                    kids = rows[1:]
                for c in cols:
                    ck.eq(f'合计 {c} = sum of unit rows', D(top.get(c)), [D(r.get(c)) for r in kids])
        elif t == 'revenue_by_unit':
            row_identities(ck, rows, [('total', ['general_budget', 'government_fund', 'state_capital',
                                                 'special_account', 'business_income', 'operating_income',
                                                 'superior_subsidy', 'affiliated_remit', 'other_income',
                                                 'carryover_total'] +
                                       [h for h in header if h.startswith('x_') and not re.search('合计|小计|其中|总计', h)])])
            cols = [c for c in header if c not in ('unit_code', 'unit_name', 'func_code', 'func_name')]
            hierarchy(ck, rows, 'func_code', cols, 'unit_code', 'unit_name')
        elif t == 'project_expenditure':
            cols = [c for c in header if c not in ('project_type', 'project_name', 'unit_code', 'unit_name') and not c.startswith('x_项目')]
            tot = [r for r in rows if r['project_name'] in ('合计', '总计')]
            units = [r for r in rows if r['unit_code'].strip()]
            # unit rows nest by the length of their code, in printed order
            if tot and units:
                m = min(len(u['unit_code'].strip()) for u in units)
                top = [u for u in units if len(u['unit_code'].strip()) == m]
                for c in cols:
                    ck.eq(f'合计 {c} = sum of top units', D(tot[0].get(c)), [D(u.get(c)) for u in top])
            for j, u in enumerate(units):
                L = len(u['unit_code'].strip())
                kids = []
                for v in units[j + 1:]:
                    lv = len(v['unit_code'].strip())
                    if lv <= L:
                        break
                    if not kids or lv == len(kids[0]['unit_code'].strip()):
                        kids.append(v)
                if kids:
                    for c in cols:
                        ck.eq(f'unit {u["unit_code"]} {c} = sum of its units', D(u.get(c)), [D(v.get(c)) for v in kids])
        print(f'{os.path.basename(d.rstrip("/"))} {t}: {ck.n - ck.bad}/{ck.n} identities hold')
        bad += ck.bad
    return bad


def main():
    bad = 0
    for d in sys.argv[1:]:
        bad += check_dir(d)
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
