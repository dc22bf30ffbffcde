#!/usr/bin/env bash
# tests/report/run.sh - `gongkai run --report` end to end, and the report
# opened in headless Chromium (Debian's chromium, no npm package).
#
# Inputs: a rendered seed (every check holds), a real budget with
# contradictions of its own (tests/real/pdf), a text disclosure, a file
# that is no budget and an HTML page saved as .pdf (failed documents).
# Checked without a browser: the files, every document listed, failures.csv,
# each failed check in words, each image a PNG that decodes, nothing
# loaded from outside.  In Chromium (--dump-dom after the load event):
# the index lists every document; on each document page with images,
# every image loaded (the page's script marks img.crop data-loaded); then a
# screenshot of the index and of a finding, kept in $REPORT_ARTIFACTS
# (default build/test-artifacts).  Without chromium the browser part is
# skipped with a message, except under CI (CI=true), where it fails;
# REPORT_BROWSER=no skips it on purpose (make check-san: the browser
# part tests the files, not gongkai's memory).
set -u
cd "$(dirname "$0")/../.."
BIN=${GONGKAI_BIN:-bin}
ART=${REPORT_ARTIFACTS:-build/test-artifacts}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0 fail=0
ok() { echo "ok    $1"; pass=$((pass + 1)); }
bad() { echo "FAIL  $1"; fail=$((fail + 1)); }

huzhou=tests/real/pdf/湖州-2026年湖州市退役军人事务局部门预算.pdf
cp samples/pdf/dengfeng-2024.pdf "$huzhou" samples/text/guancheng-2023.txt "$work/" || exit 70
cp tests/bad/fixtures/html.pdf "$work/not-a-budget.pdf" || exit 70
cp tests/bad/fixtures/title-only.txt "$work/title-only.txt" || exit 70
docs="dengfeng-2024 湖州-2026年湖州市退役军人事务局部门预算 guancheng-2023 not-a-budget title-only"
out=$work/out

# ---- the run ----
"$BIN/gongkai" run -q -j2 --report -o "$out" "$work"/*.pdf "$work"/*.txt 2>"$work/err"
rc=$?
if [ $rc -eq 1 ]; then ok "run --report: exit 1 (two documents failed)"; else bad "run --report: exit $rc: $(head -3 "$work/err")"; fi
r=$out/report
for f in index.html docs img; do
	[ -e "$r/$f" ] && ok "report/$f" || bad "report/$f missing"
done
grep -q '^not-a-budget,.*,4,not-a-document,.*HTML' "$out/failures.csv" && ok "failures.csv: the HTML page and why" ||
	bad "failures.csv: $(cat "$out/failures.csv" 2>&1)"
grep -q '^title-only,.*,14,no-table,no budget table found$' "$out/failures.csv" && ok "failures.csv: no table" ||
	bad "failures.csv: no row for title-only"

# A report only when asked; `gongkai report` again gives the same pages.
"$BIN/gongkai" run -q -o "$work/plain" "$work/dengfeng-2024.pdf" 2>/dev/null
[ ! -e "$work/plain/report" ] && ok "no report without --report" || bad "a report without --report"
cp -r "$r" "$work/first"
"$BIN/gongkai" report -q "$out" && ok "gongkai report: exit 0" || bad "gongkai report: exit $?"
diff -r "$work/first" "$r" >/dev/null && ok "gongkai report: the same report again" || bad "gongkai report: not the same"
"$BIN/gongkai" report "$work/none" 2>/dev/null
rc=$?
[ $rc -eq 3 ] && ok "gongkai report on a missing OUT: exit 3" || bad "gongkai report on a missing OUT: exit $rc"

# ---- the files ----
for d in $docs; do
	grep -q "<tr class=\"doc\"><td>\(<a class=\"\" href=\"docs/[^\"]*\" title=\"\)\?$d[<\"]" "$r/index.html" &&
		ok "index lists $d" || bad "index does not list $d"
done
for d in dengfeng-2024 湖州-2026年湖州市退役军人事务局部门预算 guancheng-2023 title-only; do
	[ -f "$r/docs/$d.html" ] && ok "page of $d" || bad "no page of $d"
done

# each failed check in words (checks.csv's detail) with its page (the
# row's in rows.csv, else checks.csv's), with an image or why not; each
# image a PNG that decodes
python3 - "$out" <<'EOF' && ok "failed checks in words with their page, images decode, nothing from outside" || bad "report pages"
import csv, glob, html, os, re, struct, sys, urllib.parse, zlib
out = sys.argv[1]
r = f"{out}/report"
def png_ok(p):
    b = open(p, "rb").read()
    assert b[:8] == b"\x89PNG\r\n\x1a\n", p
    i, idat, w = 8, b"", 0
    while i < len(b):
        n, t = struct.unpack(">I4s", b[i:i + 8])
        if t == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", b[i + 8:i + 18])
        if t == b"IDAT":
            idat += b[i + 8:i + 8 + n]
        i += 12 + n
    raw = zlib.decompress(idat)
    assert len(raw) == h * (1 + (w * depth + 7) // 8), p
    return w, h
images = rowboxes = paged = 0
for page in glob.glob(f"{r}/docs/*.html"):
    s = open(page, encoding="utf-8").read()
    doc = os.path.basename(page)[:-5]
    assert "Content-Security-Policy" in s and "default-src 'none'" in s, page
    for m in re.finditer(r'(?:src|href)="([^"]*)"', s):
        u = m.group(1)
        assert not u.startswith(("http:", "https:", "//")), (page, u)
    fails = [k for k in csv.DictReader(open(f"{out}/{doc}/checks.csv", encoding="utf-8")) if k["status"] == "fail"]
    sections = re.findall(r'<section class="finding" id="f\d+">(.*?)</section>', s, re.S)
    assert len(sections) == len(fails), (page, len(sections), len(fails))
    # rows.csv (where present) puts a finding on its row's page
    rows = {}
    if os.path.exists(f"{out}/{doc}/rows.csv"):
        for x in csv.DictReader(open(f"{out}/{doc}/rows.csv", encoding="utf-8")):
            rows[(x["table_id"], x["row_no"])] = x["page"]
    for k, sec in zip(fails, sections):
        # the finding in words: checks.csv's detail, and its check named
        h3 = re.search(r"<h3>\d+\. (.+)</h3>", sec)
        assert h3, sec
        if k.get("detail"):
            assert html.unescape(h3.group(1)) == k["detail"], (h3.group(1), k["detail"])
        assert f"check <code>{html.escape(k['check'])}</code>" in sec, (k["check"], sec)
        # ... and its page: the row's (rows.csv), else checks.csv's
        want = rows.get((k["table_id"], k.get("row_no") or ""), k.get("page") or "")
        if want:
            assert re.search(rf'(#page={want})?">page {want}</a>', sec), (doc, k["check"], want, sec)
            paged += 1
        m = re.search(r'<img class="crop" src="\.\./([^"]+)"', sec)
        if m:
            w, h = png_ok(os.path.join(r, urllib.parse.unquote(html.unescape(m.group(1)))))
            assert 100 <= w <= 1100 and 20 <= h <= 1000, (w, h)
            images += 1
            rowboxes += "the row outlined" in sec
        else:
            assert "No image: " in sec, sec
print(f"      {paged} findings with their page, {images} images, {rowboxes} with the row's box from rows.csv")
assert images > 0, "no image of a failed check"
assert paged > 0, "no finding with its page"
EOF

# ---- in the browser ----
CHROME=$(command -v chromium || command -v chromium-browser || true)
if [ "${REPORT_BROWSER:-}" = no ]; then
	echo "SKIP  browser: REPORT_BROWSER=no"
elif [ -z "$CHROME" ]; then
	if [ "${CI:-}" = true ]; then
		bad "chromium is not installed (scripts/install-deps installs it)"
	else
		echo "SKIP  browser: chromium is not installed (scripts/install-deps installs it): the report was not opened"
	fi
else
	chrome() { # chrome ARGS... : a fresh profile each time, no network of its own
		local prof
		prof=$(mktemp -d "$work/prof.XXXXXX")
		timeout 300 "$CHROME" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
			--disable-background-networking --disable-component-update --disable-sync \
			--user-data-dir="$prof" --virtual-time-budget=10000 "$@" 2>>"$work/chrome.err"
	}
	url() { python3 -c 'import sys, urllib.parse; print("file://" + urllib.parse.quote(sys.argv[1]))' "$1"; }
	chrome --dump-dom "$(url "$r/index.html")" >"$work/index.dom"
	n=$(grep -c '<tr class="doc">' "$work/index.dom")
	[ "$n" -eq 5 ] && ok "browser: the index lists 5 documents" || bad "browser: index rows $n: $(tail -2 "$work/chrome.err")"
	for d in $docs; do
		grep -q ">$d<" "$work/index.dom" || bad "browser: $d not in the rendered index"
	done
	shot=
	loaded=0
	for page in "$r"/docs/*.html; do
		grep -q 'class="crop"' "$page" || continue
		chrome --dump-dom "$(url "$page")" >"$work/page.dom"
		grep -q '<body data-ready="yes"' "$work/page.dom" || bad "browser: $(basename "$page"): the load event did not run"
		want=$(grep -c '<img class="crop"' "$page")
		got=$(grep -o '<img class="crop"[^>]*data-loaded="yes"[^>]*data-width="[1-9][0-9]*"' "$work/page.dom" | wc -l)
		[ "$got" -eq "$want" ] && ok "browser: $(basename "$page" .html): $got of $want images loaded" ||
			bad "browser: $(basename "$page" .html): $got of $want images loaded"
		loaded=$((loaded + got))
		shot=${shot:-$page}
	done
	[ "$loaded" -gt 0 ] && ok "browser: $loaded images of failed checks loaded" || bad "browser: no image loaded"
	mkdir -p "$ART"
	rm -f "$ART/report-index.png" "$ART/report-doc.png"
	chrome --window-size=1280,1600 --screenshot="$ART/report-index.png" "$(url "$r/index.html")" >/dev/null
	[ -n "$shot" ] && chrome --window-size=1280,1600 --screenshot="$ART/report-doc.png" "$(url "$shot")" >/dev/null
	for f in report-index report-doc; do
		[ -s "$ART/$f.png" ] && ok "screenshot $ART/$f.png" || bad "no screenshot $f: $(tail -2 "$work/chrome.err")"
	done
fi

echo "report: $pass passed, $fail failed"
[ $fail -eq 0 ]
