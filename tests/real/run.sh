#!/usr/bin/env bash
# Real documents against tables written by hand (tests/real/expected/<doc>/,
# read from the PDF's pages, never from gongkai's output; each folder's
# NOTES.md says how).  Each PDF of tests/real/pdf/ is run through gongkai
# and scored with tests/real/score.py (a copy of ../shared/eval/score.py):
# money facts F1 and performance facts F1 per document.  A document's F1
# must not fall below its floor in tests/real/floors (a ratchet: raise a
# floor when a fix lands, never lower it without saying why in the commit).
#
#   GONGKAI_BIN=bin tests/real/run.sh            check the floors
#   tests/real/run.sh --report                   print every document's F1
#   tests/real/run.sh --verbose DOC              the facts one document misses
# Last line: "N passed, N failed".
set -u
cd "$(dirname "$0")/../.." || exit 2
BIN=${GONGKAI_BIN:-bin}
R=tests/real
mode=check
case "${1:-}" in
--report) mode=report ;;
--verbose) mode=verbose; shift ;;
esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
shopt -s nullglob
pdfs=("$R"/pdf/*.pdf)
if [ ${#pdfs[@]} -eq 0 ]; then
	echo "real: no documents"; echo "0 passed, 0 failed"; exit 0
fi
"$BIN/gongkai" run -q -o "$tmp/out" "${pdfs[@]}" 2>"$tmp/err"
if [ "$mode" = verbose ]; then
	python3 "$R/score.py" "$R/expected" "$tmp/out" "$1" --verbose
	exit 0
fi
for dir in "$R"/expected/*/; do
	doc=$(basename "$dir")
	line=$(python3 "$R/score.py" "$R/expected" "$tmp/out" "$doc" | tail -1)
	money=$(printf '%s\n' "$line" | sed -n 's/.*money facts .* F1=\([0-9.]*\).*/\1/p')
	perf=$(printf '%s\n' "$line" | sed -n 's/.*performance-table facts F1=\([0-9.]*\).*/\1/p')
	has_money=$(ls "$dir" | grep -v -e '^department_performance' -e '^project_performance' -e '^NOTES' -c)
	has_perf=$(ls "$dir" | grep -c -e '^department_performance' -e '^project_performance')
	[ "$has_money" -gt 0 ] || money=-
	[ "$has_perf" -gt 0 ] || perf=-
	if [ "$mode" = report ]; then
		printf '%-48s money %-6s perf %s\n' "$doc" "$money" "$perf"
		continue
	fi
	floor=$(awk -v d="$doc" -F'\t' '$1 == d { print $2 " " $3 }' "$R/floors")
	fm=${floor% *} fp=${floor#* }
	[ -n "$floor" ] || { fm=0 fp=0; }
	ok=1
	if [ "$money" != - ] && ! awk -v f="$money" -v m="$fm" 'BEGIN { exit !(f + 0.0005 >= m) }'; then ok=0; fi
	if [ "$perf" != - ] && ! awk -v f="$perf" -v m="$fp" 'BEGIN { exit !(f + 0.0005 >= m) }'; then ok=0; fi
	if [ $ok -eq 1 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: $doc: money F1 $money (floor $fm), performance F1 $perf (floor $fp)"
	fi
done
[ "$mode" = report ] && exit 0
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
