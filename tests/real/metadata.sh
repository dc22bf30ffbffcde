#!/usr/bin/env bash
# Document metadata against the covers read by hand: tests/real/metadata.csv
# lists every document of ../shared/corpus/dev with the region, department,
# year and kind its cover names; each is compared with the document.csv
# gongkai writes (text compared after NFKC, so full- and half-width
# brackets are one; "-" is not checked; a document gongkai cannot read,
# a scan or an HTML page, has no document.csv and is skipped).
#
#   GONGKAI_BIN=bin tests/real/metadata.sh [OUT]   (OUT: a run to reuse)
# Last line: "N passed, N failed".
set -u
cd "$(dirname "$0")/../.." || exit 2
BIN=${GONGKAI_BIN:-bin}
DEV=../shared/corpus/dev
if [ ! -d "$DEV" ]; then
	echo "metadata: no $DEV"; echo "0 passed, 0 failed"; exit 0
fi
if [ $# -ge 1 ]; then
	out=$1
else
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	out=$tmp/out
	"$BIN/gongkai" run -q -o "$out" "$DEV"/*.pdf 2>/dev/null
fi
python3 - "$out" tests/real/metadata.csv <<'PY'
import csv, os, sys, unicodedata
out, listing = sys.argv[1], sys.argv[2]
norm = lambda s: unicodedata.normalize('NFKC', s or '').strip()
ok = bad = 0
with open(listing, encoding='utf-8') as f:
    rows = list(csv.DictReader(line for line in f if not line.startswith('#')))
for want in rows:
    p = os.path.join(out, want['file'], 'document.csv')
    if not os.path.exists(p):
        continue
    with open(p, encoding='utf-8-sig') as f:
        got = next(csv.DictReader(f))
    diffs = [f"{k}: want '{want[k]}' got '{got.get(k, '')}'" for k in ('region', 'department', 'year', 'kind')
             if want[k] != '-' and norm(want[k]) != norm(got.get(k))]
    if diffs:
        bad += 1
        print(f"FAIL: {want['file']}: " + '; '.join(diffs))
    else:
        ok += 1
print(f'{ok} passed, {bad} failed')
sys.exit(1 if bad else 0)
PY
