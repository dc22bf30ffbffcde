#!/usr/bin/env python3
"""Check hand-written expected tables by their own arithmetic.

usage: check_expected.py [-v] [DOC_DIR ...]   (default: every directory of
tests/real/expected/)

For each <table_id>.csv it checks the header against the contract, that codes
are digit strings and amounts decimals, and the identities the contract names:
row sums (total = basic + project, basic = its parts, 三公 total = its parts,
revenue total = its sources), code hierarchy (类 = Σ款, 款 = Σ项, econ 类 =
Σ款), 合计 = Σ top rows, both sides of a summary, and a few cross-table
totals.  It prints one line per failed identity and a count per document;
the exit status is 1 when an identity fails.  A failure may be an error of
the published document itself: say so in the document's NOTES.md.
"""
import csv, os, re, sys
from decimal import Decimal

CONTRACT = {
    'revenue_expenditure_summary': 'side item amount',
    'revenue_by_unit': 'unit_code unit_name func_code func_name total current_total general_budget general_budget_appropriation government_fund state_capital special_account business_income operating_income superior_subsidy affiliated_remit other_income carryover_total carryover_general_budget carryover_government_fund carryover_state_capital carryover_special_account carryover_unit_funds',
    'expenditure_by_function': 'func_code class item subitem unit_code name total basic_total basic_personnel basic_wages basic_family_subsidy basic_public basic_goods_services basic_capital project_total project_operating project_specific',
    'fiscal_appropriation_summary': 'side item total general_budget general_budget_appropriation government_fund state_capital',
    'general_budget_basic_expenditure': 'econ_code econ_name gov_econ_code gov_econ_name total personnel public',
    'expenditure_by_economic_class': 'econ_code econ_name gov_econ_code gov_econ_name unit_code total general_budget general_budget_appropriation government_fund state_capital carryover special_account business_income superior_subsidy affiliated_remit operating_income other_income',
    'general_budget_by_economic_class': 'econ_code econ_name gov_econ_code gov_econ_name total basic_total personnel public project_total',
    'three_public_expenses': 'unit_name total overseas_travel vehicle_total vehicle_purchase vehicle_operation reception',
    'department_performance': 'level1 level2 indicator target note',
    'project_performance': 'project_code project_name total government special_account unit_funds category indicator target',
    'project_expenditure': 'project_type project_name unit_code unit_name total general_budget government_fund state_capital carryover_general_budget carryover_government_fund carryover_state_capital special_account unit_funds',
}
for t in ('general_budget_expenditure', 'government_fund_expenditure', 'state_capital_expenditure'):
    CONTRACT[t] = CONTRACT['expenditure_by_function']
CONTRACT = {k: v.split() for k, v in CONTRACT.items()}
FUNCLIKE = {'expenditure_by_function', 'general_budget_expenditure',
            'government_fund_expenditure', 'state_capital_expenditure'}
TEXT = {'level1', 'level2', 'indicator', 'target', 'note', 'project_code', 'category',
        'side', 'item', 'unit_code', 'unit_name', 'func_code', 'func_name', 'class',
        'subitem', 'name', 'econ_code', 'econ_name', 'gov_econ_code', 'gov_econ_name',
        'project_type', 'project_name'}
CODES = {'func_code', 'class', 'subitem', 'econ_code', 'gov_econ_code'}
# row identities: lhs = sum(rhs), checked where lhs and one rhs are filled;
# a third element names a column whose being filled makes the identity moot
ROW = {
    'func': [('total', ['basic_total', 'project_total', 'reserve']),
             ('total', ['basic_personnel', 'basic_public', 'project_total', 'reserve'], 'basic_total'),
             ('basic_total', ['basic_personnel', 'basic_public']),
             ('basic_total', ['basic_wages', 'basic_family_subsidy', 'basic_goods_services', 'basic_capital']),
             ('project_total', ['project_operating', 'project_specific'])],
    'general_budget_basic_expenditure': [('total', ['personnel', 'public'])],
    'general_budget_by_economic_class': [('total', ['basic_total', 'project_total']),
                                         ('basic_total', ['personnel', 'public']),
                                         ('total', ['personnel', 'public', 'project_total'], 'basic_total')],
    'three_public_expenses': [('total', ['overseas_travel', 'vehicle_total', 'reception']),
                              ('vehicle_total', ['vehicle_purchase', 'vehicle_operation'])],
    'revenue_by_unit': [('carryover_total', ['carryover_general_budget', 'carryover_government_fund',
                                             'carryover_state_capital', 'carryover_special_account',
                                             'carryover_unit_funds'])],
    'expenditure_by_economic_class': [],
    'project_expenditure': [('total', ['general_budget', 'government_fund', 'state_capital',
                                       'carryover_general_budget', 'carryover_government_fund',
                                       'carryover_state_capital', 'special_account', 'unit_funds'])],
    'fiscal_appropriation_summary': [('total', ['general_budget', 'government_fund', 'state_capital'])],
}
CURRENT = ['general_budget', 'government_fund', 'state_capital', 'special_account', 'business_income',
           'operating_income', 'superior_subsidy', 'affiliated_remit', 'other_income']
NUMERAL = re.compile(r'^[一二三四五六七八九十]+、')


def dec(s):
    return Decimal(s) if s not in ('', None) else None


class Doc:
    def __init__(self, path, verbose):
        self.path, self.verbose = path, verbose
        self.ok = self.fail = 0
        self.tables = {}

    def check(self, cond, what):
        if cond:
            self.ok += 1
            if self.verbose:
                print(f'  ok   {what}')
        else:
            self.fail += 1
            print(f'  FAIL {what}')

    def eq(self, a, b, what):
        self.check(a == b, f'{what}: {a} vs {b}')

    def sum_ident(self, table, label, row, lhs, rhs):
        if lhs not in row or dec(row[lhs]) is None:
            return
        parts = [dec(row.get(c)) for c in rhs if c in row]
        if all(p is None for p in parts):
            return
        self.eq(dec(row[lhs]), sum(p for p in parts if p is not None),
                f'{table} [{label}] {lhs} = {"+".join(rhs)}')


def label(r):
    for k in ('func_code', 'econ_code', 'unit_code', 'name', 'unit_name', 'econ_name',
              'project_name', 'item', 'func_name'):
        if r.get(k):
            return r[k] + (' ' + r['name'] if k == 'func_code' and r.get('name') else '')
    return '?'


def is_total(r, keys):
    return any(r.get(k, '').replace(' ', '') in ('合计', '总计') for k in keys)


def tree(d, table, rows, codekey, cols, namekeys):
    """parent code = Σ child codes (one level deeper) within each run of coded
    rows; 合计 = Σ top-level codes of the run when the table has one run"""
    runs, cur = [], []
    for r in rows:
        if r.get(codekey):
            cur.append(r)
        elif cur:
            runs.append(cur); cur = []
    if cur:
        runs.append(cur)
    for run in runs:
        lens = sorted({len(r[codekey]) for r in run})
        for i, r in enumerate(run):
            c = r[codekey]
            deeper = [l for l in lens if l > len(c)]
            if not deeper:
                continue
            kids = []
            for s in run[i + 1:]:
                if len(s[codekey]) <= len(c):
                    break
                if len(s[codekey]) == deeper[0] and s[codekey].startswith(c):
                    kids.append(s)
            if not kids:
                continue
            for col in cols:
                v = dec(r.get(col))
                ks = [dec(k.get(col)) for k in kids]
                if v is None and all(k is None for k in ks):
                    continue
                d.eq(v or Decimal(0), sum(k for k in ks if k is not None),
                     f'{table} {c} {col} = Σ children')
    tot = [r for r in rows if is_total(r, namekeys) and not r.get(codekey)]
    if tot and len(runs) == 1:
        top = min(len(r[codekey]) for r in runs[0])
        tops = [r for r in runs[0] if len(r[codekey]) == top]
        for col in cols:
            v = dec(tot[0].get(col))
            ks = [dec(k.get(col)) for k in tops]
            if v is None and all(k is None for k in ks):
                continue
            d.eq(v or Decimal(0), sum(k for k in ks if k is not None), f'{table} 合计 {col} = Σ top codes')


def summary(d, table, rows, amount):
    for side in ('收入', '支出'):
        rs = [r for r in rows if r['side'] == side]
        # first (本年)合计 line = Σ numbered items above it
        for i, r in enumerate(rs):
            it = r['item'].replace(' ', '')
            if it.endswith('合计') or it.endswith('总计'):
                items = [dec(x.get(amount)) for x in rs[:i] if NUMERAL.match(x['item'])]
                if any(v is not None for v in items) and dec(r.get(amount)) is not None:
                    d.eq(dec(r[amount]), sum(v for v in items if v is not None),
                         f'{table} {side} {it} = Σ numbered items')
                break
    tin = [r for r in rows if r['side'] == '收入' and re.search('总计|合计', r['item'])]
    tout = [r for r in rows if r['side'] == '支出' and re.search('总计|合计', r['item'])]
    if tin and tout:
        d.eq(dec(tin[-1][amount]), dec(tout[-1][amount]), f'{table} 收入 {tin[-1]["item"]} = 支出 {tout[-1]["item"]}')


def check_doc(path, verbose):
    d = Doc(path, verbose)
    for name in sorted(os.listdir(path)):
        if not name.endswith('.csv'):
            continue
        table = name[:-4]
        with open(os.path.join(path, name), newline='', encoding='utf-8') as f:
            data = f.read()
        d.check('\r' not in data and data.endswith('\n'), f'{name}: \\n line ends')
        rows = list(csv.reader(data.splitlines()))
        header, body = rows[0], rows[1:]
        if table not in CONTRACT:
            d.check(table.startswith('other_'), f'{name}: known table id')
            continue
        want = CONTRACT[table]
        extra = [h for h in header if h not in want]
        d.check(header[:len(want)] == want and all(h.startswith('x_') or h == 'reserve' for h in extra),
                f'{name}: contract header, extras are x_')
        recs = []
        for i, r in enumerate(body):
            d.check(len(r) == len(header), f'{name} line {i + 2}: {len(r)} cells')
            rec = dict(zip(header, r))
            recs.append(rec)
            for k, v in rec.items():
                if not v:
                    continue
                if k in CODES or (k == 'item' and table in FUNCLIKE):
                    d.check(v.isdigit(), f'{name} line {i + 2}: {k} {v!r} digits')
                elif k not in TEXT and not k.startswith('x_') and k != 'side':
                    d.check(re.fullmatch(r'-?\d+(\.\d+)?', v) is not None, f'{name} line {i + 2}: {k} {v!r} decimal')
            if table in FUNCLIKE and rec.get('func_code'):
                c = rec['func_code']
                d.check(len(c) in (3, 5, 7) and rec['class'] == c[:3] and rec['item'] == c[3:5]
                        and rec['subitem'] == c[5:7], f'{name} line {i + 2}: code parts of {c}')
            if table in ('revenue_expenditure_summary', 'fiscal_appropriation_summary'):
                d.check(rec['side'] in ('收入', '支出'), f'{name} line {i + 2}: side')
        d.tables[table] = recs
        money = [h for h in header if h not in TEXT and not h.startswith('x_')]
        for rec in recs:
            for lhs, rhs, *unless in ROW.get('func' if table in FUNCLIKE else table, []):
                if unless and rec.get(unless[0]):
                    continue
                if not unless and lhs == 'total' and rhs[0] in ('basic_total',) and not rec.get('basic_total') \
                        and any(rec.get(c) for c in ('basic_personnel', 'basic_public', 'personnel', 'public')):
                    continue
                d.sum_ident(table, label(rec), rec, lhs, rhs)
            if table == 'revenue_by_unit':
                if rec.get('current_total'):
                    d.sum_ident(table, label(rec), rec, 'total', ['current_total', 'carryover_total'])
                    d.sum_ident(table, label(rec), rec, 'current_total', CURRENT)
                else:
                    d.sum_ident(table, label(rec), rec, 'total', CURRENT + ['carryover_total'])
        if table in FUNCLIKE or table in ('revenue_by_unit', 'three_public_expenses', 'project_expenditure',
                                           'expenditure_by_economic_class'):
            units(d, table, recs, money)
        if table in FUNCLIKE:
            tree(d, table, recs, 'func_code', money, ['name'])
        elif table == 'revenue_by_unit':
            tree(d, table, recs, 'func_code', money, ['unit_name', 'func_name'])
        elif table in ('general_budget_basic_expenditure', 'general_budget_by_economic_class',
                       'expenditure_by_economic_class'):
            tree(d, table, recs, 'econ_code', money, ['econ_name'])
        elif table == 'revenue_expenditure_summary':
            summary(d, table, recs, 'amount')
        elif table == 'fiscal_appropriation_summary':
            summary(d, table, recs, 'total')
    cross(d)
    return d


def units(d, table, rows, cols):
    """tables of unit rows without codes: 合计 = Σ units (flat units only);
    project tables: a unit row = Σ the projects listed under it"""
    if table == 'project_expenditure':
        tot = [r for r in rows if r['project_name'] in ('合计', '总计')]
        us = [r for r in rows if not r['project_name']]
        if len({len(r['unit_code']) for r in us}) > 1:
            return
        for i, r in enumerate(rows):
            if r in us:
                kids = []
                for s in rows[i + 1:]:
                    if s in us or s in tot:
                        break
                    kids.append(s)
                if kids:
                    for col in cols:
                        ks = [dec(k.get(col)) for k in kids]
                        if dec(r.get(col)) is None and all(k is None for k in ks):
                            continue
                        d.eq(dec(r.get(col)) or Decimal(0), sum(k for k in ks if k is not None),
                             f'{table} unit {r["unit_name"] or r["unit_code"]} {col} = Σ its projects')
    else:
        keys = [k for k in ('func_code', 'econ_code') if rows and k in rows[0]]
        if any(r.get(k) for r in rows for k in keys):
            return
        tot = [r for r in rows if is_total(r, ('unit_name', 'name', 'econ_name'))]
        us = [r for r in rows if r not in tot]
        if table in FUNCLIKE or table == 'expenditure_by_economic_class':
            us = [r for r in us if r.get('unit_code')]   # uncoded names there are not units
        if len({len(r.get('unit_code', '')) for r in us}) > 1:
            return
        names = [r.get('unit_name') or r.get('name') for r in us]
        if len(set(names)) < len(names):
            return   # a unit printed twice is a unit and its sub-unit
    if tot and us:
        for col in cols:
            ks = [dec(k.get(col)) for k in us]
            if dec(tot[0].get(col)) is None and all(k is None for k in ks):
                continue
            d.eq(dec(tot[0].get(col)) or Decimal(0), sum(k for k in ks if k is not None), f'{table} 合计 {col} = Σ units')


def total_row(d, table, keys=('name', 'unit_name', 'econ_name', 'project_name')):
    for r in d.tables.get(table, []):
        if is_total(r, keys) and not r.get('func_code') and not r.get('econ_code'):
            return r
    return None


def cross(d):
    """the same figure in two tables: informative, printed as checks"""
    ef = total_row(d, 'expenditure_by_function')
    gb = total_row(d, 'general_budget_expenditure')
    gbb = total_row(d, 'general_budget_basic_expenditure')
    gbe = total_row(d, 'general_budget_by_economic_class')
    pe = total_row(d, 'project_expenditure')
    ru = total_row(d, 'revenue_by_unit')
    if ef and ru and ef.get('total') and ru.get('total'):
        d.eq(dec(ef['total']), dec(ru['total']), 'cross: expenditure_by_function 合计 = revenue_by_unit 合计')
    if gb and gbb and gb.get('basic_total') and gbb.get('total'):
        d.eq(dec(gb['basic_total']), dec(gbb['total']),
             'cross: general_budget_expenditure basic_total = general_budget_basic_expenditure total')
    if gb and gbe and gb.get('total') and gbe.get('total'):
        d.eq(dec(gb['total']), dec(gbe['total']),
             'cross: general_budget_expenditure total = general_budget_by_economic_class total')
    if ef and pe and ef.get('project_total') and pe.get('total'):
        d.eq(dec(ef['project_total']), dec(pe['total']),
             'cross: expenditure_by_function project_total = project_expenditure 合计')
    for t in ('revenue_expenditure_summary', 'fiscal_appropriation_summary'):
        col = 'amount' if t == 'revenue_expenditure_summary' else 'total'
        rs = d.tables.get(t, [])
        out = [r for r in rs if r['side'] == '支出' and r['item'].replace(' ', '').endswith('本年支出合计')]
        out = out or [r for r in rs if r['side'] == '支出' and re.search('总计|合计', r['item'])]
        src = ef if t == 'revenue_expenditure_summary' else gb
        if out and src and dec(out[0].get(col)) is not None and src.get('total'):
            g = total_row(d, 'government_fund_expenditure')
            s = total_row(d, 'state_capital_expenditure')
            want = dec(src['total'])
            if t == 'fiscal_appropriation_summary':
                for x in (g, s):
                    if x and x.get('total'):
                        want += dec(x['total'])
            d.eq(dec(out[0][col]), want, f'cross: {t} {out[0]["item"]} = function tables 合计')


def main():
    args = [a for a in sys.argv[1:] if a != '-v']
    verbose = '-v' in sys.argv[1:]
    if not args:
        root = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'expected')
        args = sorted(os.path.join(root, x) for x in os.listdir(root))
    args = [a for a in args if os.path.isdir(a)]
    bad = 0
    for p in args:
        print(os.path.basename(p.rstrip('/')))
        d = check_doc(p, verbose)
        print(f'  {d.ok} identities and format checks hold, {d.fail} fail')
        bad += d.fail
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
