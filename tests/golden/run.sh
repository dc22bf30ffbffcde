#!/usr/bin/env bash
# Golden tests (in the manner of git's t5100): for every case directory
# tests/golden/<case>/, run the pipeline on the input named in <case>/input
# and compare each expected CSV with what was written, with diff -u.
# Then: the staged pipe (extract | normalize | load) writes the same files
# as `gongkai run`.  Last line: "N passed, N failed".
#
#   GONGKAI_BIN=bin tests/golden/run.sh           run
#   tests/golden/update.sh                         regenerate (review the diff!)
set -u
cd "$(dirname "$0")/../.." || exit 2
BIN=${GONGKAI_BIN:-bin}
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok()   { pass=$((pass + 1)); }
bad()  { fail=$((fail + 1)); echo "FAIL: $*"; }

for dir in tests/golden/*/; do
	case=$(basename "$dir")
	[ -f "$dir/input" ] || continue
	input=$(cat "$dir/input")
	doc=$(basename "${input%.*}")
	out="$tmp/$case"
	"$BIN/gongkai" run -q -j1 -o "$out" "$input"
	rc=$?
	if [ "$rc" -ne 0 ] && [ "$rc" -ne 12 ]; then
		bad "$case: gongkai run exited $rc"
		continue
	fi
	for want in "$dir"/*.csv; do
		name=$(basename "$want")
		if diff -u "$want" "$out/$doc/$name" >"$tmp/diff" 2>&1; then
			ok
		else
			bad "$case/$name differs:"
			head -40 "$tmp/diff"
		fi
	done
	# no table the golden set does not know about
	for got in "$out/$doc"/*.csv; do
		[ -f "$dir/$(basename "$got")" ] || bad "$case: unexpected $(basename "$got")"
	done
done

# the stages compose by pipe and write what `gongkai run` writes
for input in samples/text/guancheng-2023.txt samples/pdf/dengfeng-2024.pdf; do
	[ -f "$input" ] || continue
	doc=$(basename "${input%.*}")
	"$BIN/gongkai" run -q -j1 -o "$tmp/run" "$input"
	"$BIN/gongkai-extract" "$input" | "$BIN/gongkai-normalize" | "$BIN/gongkai-load" -o "$tmp/pipe"
	if diff -ru "$tmp/run/$doc" "$tmp/pipe/$doc" >"$tmp/diff" 2>&1; then
		ok
	else
		bad "pipe and run differ for $input:"
		head -40 "$tmp/diff"
	fi
done

echo "golden: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
