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
	"$BIN/gongkai" run -q -j1 -o "$tmp/$doc" "$input" || true
	find "$dir" -name '*.csv' -delete
	cp "$tmp/$doc/$doc"/*.csv "$dir"
done
