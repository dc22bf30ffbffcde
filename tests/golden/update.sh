#!/usr/bin/env bash
# Regenerate the expected CSVs of every golden case from the current build.
# The new files are not trusted until reviewed: read `git diff tests/golden`
# against the source document before committing.
set -eu
cd "$(dirname "$0")/../.."
BIN=${GONGKAI_BIN:-bin}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for dir in tests/golden/*/; do
	[ -f "$dir/input" ] || continue
	input=$(cat "$dir/input")
	doc=$(basename "${input%.*}")
	case=$(basename "$dir") # (an OUT of its own: cases share document names)
	"$BIN/gongkai" run -q -j1 -o "$tmp/$case" "$input" || true
	find "$dir" -name '*.csv' -delete
	cp "$tmp/$case/$doc"/*.csv "$dir"
done
