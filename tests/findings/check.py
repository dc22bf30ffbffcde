#!/usr/bin/env python3
"""Compare gongkai's checks.csv with the findings read by hand (issue 17).

usage: check.py FINDINGS_DIR OUT_DIR [--verbose]

FINDINGS_DIR holds <doc>.csv (kind,page,where,what,figure_a,figure_b,real)
and ALLOW; OUT_DIR is a `gongkai run -o` directory.  For every document:

  - every `fail` of gongkai must match a real=yes finding (else it is a
    false alarm);
  - every real=yes finding must be reported (a matching `fail` or `round`),
    unless its kind is allowed as not yet checked, or the finding itself is
    allowed (a table gongkai misreads, routed elsewhere), in ALLOW.

A check matches a finding when their pages meet (the check's page, or a
"p.N" of its detail, among the finding's pages) and the figures agree:
every number of the check's expected/found is among the finding's
figures and words, or the two differ by the same gap as the finding's two
figures, or (a narrative check) the finding's printed figure is one of
the check's.  A check without figures (a missing table, a heading's name)
matches a finding of its kind on those pages.

Exit 1 if there is a false alarm or a finding not reported.
"""
import csv
import os
import re
import sys

NUM = re.compile(r'-?\d[\d,]*(?:\.\d+)?')

# check name prefix -> the finding kinds it can report without figures
WORDLESS = {
    'toc:': {'missing_table'},
    'title:': {'title_name'},
    'narrative:科目名称': {'narrative_name'},
    'year:': {'year'},
}


def nums(*texts):
    out = set()
    for t in texts:
        for m in NUM.findall(t or ''):
            m = m.replace(',', '')
            try:
                out.add(round(float(m), 2))
            except ValueError:
                pass
    return out


def pages(spec):
    out = set()
    for part in (spec or '').split(';'):
        part = part.strip()
        if not part:
            continue
        if '-' in part:
            a, b = part.split('-', 1)
            try:
                out.update(range(int(a), int(b) + 1))
            except ValueError:
                pass
        else:
            try:
                out.add(int(part))
            except ValueError:
                pass
    return out


def check_pages(c):
    out = set()
    if c.get('page', '').strip().isdigit():
        out.add(int(c['page']))
    for a, b in re.findall(r'p\.(\d+)(?:-(\d+))?', c.get('detail', '')):
        out.update(range(int(a), int(b or a) + 1))
    return out


def gap_of(a, b):
    try:
        return round(abs(float(a.replace(',', '')) - float(b.replace(',', ''))), 2)
    except (ValueError, AttributeError):
        return None


def matches(c, f):
    if not (check_pages(c) & pages(f['page'])):
        return False
    cn = nums(c['expected'], c['found'])
    fn = nums(f['figure_a'], f['figure_b'], f['what'])
    if cn:
        if cn <= fn:
            return True
        # a narrative check: the same printed figure flagged on that page
        if c['check'].startswith('narrative:') and \
                nums(f['figure_a']) and nums(f['figure_a']) <= cn:
            return True
        g = gap_of(c['expected'], c['found'])
        fg = gap_of(f['figure_a'], f['figure_b'])
        return g is not None and g == fg and g > 0
    for prefix, kinds in WORDLESS.items():
        if c['check'].startswith(prefix) and f['kind'] in kinds:
            return True
    return False


def read_allow(path):
    kinds, rows = {}, []
    if not os.path.exists(path):
        return kinds, rows
    with open(path, encoding='utf-8') as fh:
        for line in fh:
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            f = line.split('\t')
            if f[0] == 'kind' and len(f) >= 3:
                kinds[f[1]] = f[2]
            elif f[0] == 'finding' and len(f) >= 6:
                rows.append({'doc': f[1], 'kind': f[2], 'page': f[3], 'figure_a': f[4], 'why': f[5]})
    return kinds, rows


def allowed_row(rows, doc, f):
    for r in rows:
        if r['doc'] == doc and r['kind'] == f['kind'] and r['page'] == f['page'] and \
                r['figure_a'] == f['figure_a']:
            return r['why']
    return None


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    fdir, out = sys.argv[1], sys.argv[2]
    verbose = '--verbose' in sys.argv
    kinds, allow_rows = read_allow(os.path.join(fdir, 'ALLOW'))
    bad = 0
    totals = {'fail': 0, 'fail_real': 0, 'real': 0, 'reported': 0, 'allowed': 0}
    for name in sorted(os.listdir(fdir)):
        if not name.endswith('.csv'):
            continue
        doc = name[:-4]
        with open(os.path.join(fdir, name), encoding='utf-8') as fh:
            finds = list(csv.DictReader(fh))
        real = [f for f in finds if f['real'] == 'yes']
        cpath = os.path.join(out, doc, 'checks.csv')
        if not os.path.exists(cpath):
            print(f'{doc}: no checks.csv in {out}')
            bad += 1
            continue
        with open(cpath, encoding='utf-8') as fh:
            checks = list(csv.DictReader(fh))
        fails = [c for c in checks if c['status'] == 'fail']
        totals['fail'] += len(fails)
        for c in fails:
            if any(matches(c, f) for f in real):
                totals['fail_real'] += 1
                continue
            bad += 1
            print(f'{doc}: false alarm: {c["table_id"]},{c["check"]},{c["row"]},'
                  f'{c["expected"]},{c["found"]} p.{c["page"]}: {c["detail"][:160]}')
        reported = [c for c in checks if c['status'] in ('fail', 'round')]
        for f in real:
            totals['real'] += 1
            if any(matches(c, f) for c in reported):
                totals['reported'] += 1
                if allowed_row(allow_rows, doc, f):
                    print(f'{doc}: now reported, remove from ALLOW: {f["kind"]} p.{f["page"]} {f["figure_a"]}')
                continue
            why = kinds.get(f['kind']) or allowed_row(allow_rows, doc, f)
            if why:
                totals['allowed'] += 1
                if verbose:
                    print(f'{doc}: allowed: {f["kind"]} p.{f["page"]} {f["where"]}: {why}')
                continue
            bad += 1
            print(f'{doc}: not reported: {f["kind"]} p.{f["page"]} {f["where"]}: '
                  f'{f["figure_a"]} / {f["figure_b"]}')
    print(f'findings: {totals["fail"]} fails, {totals["fail_real"]} real; '
          f'{totals["real"]} real findings, {totals["reported"]} reported, '
          f'{totals["allowed"]} allowed (not checked yet or misread tables)')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
