#!/usr/bin/env bash
# The checks against findings read by hand (issue 17): gongkai runs over
# the seven 上海 普陀 PDFs in tests/findings/pdf (copied from
# ../shared/corpus/real/zxj6827111-blip__GovBudgetChecker) and
# tests/findings/check.py compares its checks.csv with
# tests/findings/<doc>.csv (how they were read: NOTES.md; what gongkai may
# leave unreported: ALLOW).  Every fail must be a real finding; every real
# finding must be reported (fail or round) unless ALLOW says why not.
#
#   GONGKAI_BIN=bin tests/findings/run.sh [--verbose]
set -u
cd "$(dirname "$0")/../.." || exit 2
BIN=${GONGKAI_BIN:-bin}
SRC=tests/findings/pdf
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$BIN/gongkai" run -q -o "$tmp/out" "$SRC" 2>"$tmp/err"
rc=$?
if [ "$rc" -gt 1 ]; then
	echo "findings: gongkai exited $rc"; cat "$tmp/err"; exit 1
fi
python3 tests/findings/check.py tests/findings "$tmp/out" "$@"
