#!/usr/bin/env bash
# tests/bad/run.sh - run the bad-input catalogue (tests/bad/CATALOGUE).
#
#   tests/bad/run.sh [CASE...]      (from anywhere; paths are from the repo root)
#
# Each case runs `${GONGKAI_BIN:-bin}/gongkai run -q -o OUT OPTIONS -- INPUTS`
# in a temporary directory of its own and checks the exit code, the stderr
# message and what is (not) left in OUT; see the head of CATALOGUE.  Large
# and odd inputs are generated at test time (gen_* below, helper mkpdf.py)
# into a temporary directory that is removed at the end (BAD_KEEP=1 keeps
# it).  The last line of output is "N passed, N failed"; the exit status
# is 1 if any case failed.
#
# Environment: GONGKAI_BIN (default bin), GONGKAI_RULES (default rules/),
# BAD_TIME_SCALE (multiplies time: and hang:, default 1, 4 under a sanitizer
# build), BAD_SAN=1|0 (force sanitizer-build mode on or off), BAD_KEEP=1.
# time: bounds CPU time (the work done, the same on a busy machine); only
# hang: is wall-clock time.
set -u
cd "$(dirname "$0")/../.." || exit 2
export LC_ALL=C.UTF-8
ROOT=$PWD
BIN=${GONGKAI_BIN:-bin}
case $BIN in /*) ;; *) BIN=$ROOT/$BIN ;; esac
export GONGKAI_RULES=${GONGKAI_RULES:-$ROOT/rules}
CAT=tests/bad/CATALOGUE
MKPDF="python3 tests/bad/mkpdf.py"

for t in gongkai gongkai-extract; do
	if [ ! -x "$BIN/$t" ]; then
		echo "bad: $BIN/$t not found (make first, or set GONGKAI_BIN)" >&2
		echo "0 passed, 1 failed"
		exit 1
	fi
done

# a sanitizer build: RLIMIT_AS is not applied and everything is slower
if [ -z "${BAD_SAN:-}" ]; then
	BAD_SAN=0
	if ldd "$BIN/gongkai" 2>/dev/null | grep -q 'libasan\|libtsan' ||
		nm "$BIN/gongkai" 2>/dev/null | grep -q '__asan_init'; then
		BAD_SAN=1
	fi
fi
SCALE=${BAD_TIME_SCALE:-$([ "$BAD_SAN" = 1 ] && echo 4 || echo 1)}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/gongkai-bad.XXXXXX") || exit 2
GEN=$WORK/gen
mkdir -p "$GEN"
cleanup() {
	if [ "${BAD_KEEP:-0}" = 1 ]; then
		echo "bad: kept $WORK" >&2
	else
		rm -rf "$WORK"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- generated inputs: gen_NAME prints the path (made once per run) ------

gen_missing() { echo "$GEN/no-such-file.pdf"; }

gen_dirpdf() {
	mkdir -p "$GEN/x.pdf"
	echo "$GEN/x.pdf"
}

gen_fifo() {
	[ -p "$GEN/pipe.txt" ] || mkfifo "$GEN/pipe.txt"
	echo "$GEN/pipe.txt"
}

# the first 4 KiB of a real PDF (else of a generated one)
gen_truncated() {
	local f=$GEN/truncated.pdf src
	if [ ! -f "$f" ]; then
		src=$(ls samples/pdf/*.pdf ../shared/corpus/pdf/*.pdf 2>/dev/null | head -1)
		if [ -z "$src" ]; then
			src=$GEN/truncated-src.pdf
			$MKPDF cjk 200 "$src" || return 1
		fi
		head -c 4096 "$src" >"$f"
	fi
	echo "$f"
}

# a real PDF damaged by the same recipe each time (Python's seeded random)
damage() { # MODE OUT
	python3 - "$1" "$2" samples/pdf/beijing-zdxmjs-2026.pdf <<'PY'
import random, sys
mode, out, src = sys.argv[1], sys.argv[2], sys.argv[3]
d = bytearray(open(src, 'rb').read())
r = random.Random(1)
if mode == 'flip':
    for _ in range(50):
        p = r.randrange(len(d)); d[p] ^= 1 << r.randrange(8)
else:
    ch = [bytes(d[i:i + 4096]) for i in range(0, len(d), 4096)]
    rest = ch[1:]; r.shuffle(rest); d = ch[0] + b''.join(rest)
open(out, 'wb').write(d)
PY
}
gen_flipped() { local f=$GEN/flipped.pdf; [ -f "$f" ] || damage flip "$f" || return 1; echo "$f"; }
gen_shuffled() { local f=$GEN/shuffled.pdf; [ -f "$f" ] || damage shuffle "$f" || return 1; echo "$f"; }

gen_pdf1000() {
	[ -f "$GEN/pages-1000.pdf" ] || $MKPDF cjk 1000 "$GEN/pages-1000.pdf" || return 1
	echo "$GEN/pages-1000.pdf"
}

gen_cjk3() {
	[ -f "$GEN/prose-after-table.pdf" ] || $MKPDF cjk 3 "$GEN/prose-after-table.pdf" || return 1
	echo "$GEN/prose-after-table.pdf"
}

gen_strbomb() {
	[ -f "$GEN/string-bomb.pdf" ] || $MKPDF string 300 "$GEN/string-bomb.pdf" || return 1
	echo "$GEN/string-bomb.pdf"
}

gen_zeros() {
	[ -f "$GEN/zeros-bomb.pdf" ] || $MKPDF zeros 256 "$GEN/zeros-bomb.pdf" || return 1
	echo "$GEN/zeros-bomb.pdf"
}

# 10 MiB on one line: words and amounts (flow text)
gen_bigline() {
	local f=$GEN/bigline.txt
	[ -f "$f" ] || python3 -c '
import sys
unit = "合计 1,234.00 支出 (5.5) "
n = 10 << 20
s = (unit * (n // len(unit.encode()) + 1)).encode()[:n]
open(sys.argv[1], "wb").write(s.decode("utf-8", "ignore").encode())
' "$f" || return 1
	echo "$f"
}

# 10 MiB on one line: 5 Mi TAB-separated cells
gen_bigline_tab() {
	local f=$GEN/bigline-tab.txt
	[ -f "$f" ] || python3 -c '
import sys
open(sys.argv[1], "wb").write(b"1\t" * (5 << 20))
' "$f" || return 1
	echo "$f"
}

# a revenue_by_unit table (18 columns) of 2000 rows, 9 numbers each
gen_revbomb() {
	local f=$GEN/solver-bomb.txt
	[ -f "$f" ] || python3 -c '
import random, sys
random.seed(1)
head = ["2024年部门收入总体情况表", "", "单位：万元", "",
        "\t".join(["部门(单位)代码", "部门(单位)名称", "总计", "本年收入"] + [""] * 10 + ["上年结转结余"] + [""] * 5),
        "\t".join(["", "", "", "合计", "一般公共预算", "", "政府性基金", "国有资本经营预算", "财政专户管理资金收入",
                   "事业收入", "事业单位经营收入", "上级补助收入", "附属单位上缴收入", "其他收入", "合计",
                   "一般公共预算", "政府性基金", "国有资本经营预算", "财政专户管理资金", "单位资金"]),
        "\t".join(["", "", "", "", "小计", "其中：财政拨款"] + [""] * 14)]
rows = []
for i in range(2000):
    cells = [""] * 20
    for j in sorted(random.sample(range(1, 19), 9)):
        cells[j + 1] = "%d.%d" % (random.randrange(1000), random.randrange(10))
    cells[0] = "%03d" % (i % 1000)
    cells[1] = "单位%d" % i
    rows.append("\t".join(cells))
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(head + rows) + "\n")
' "$f" || return 1
	echo "$f"
}

# a file name with a comma, quotes and a newline
gen_oddname() {
	local f
	f=$(printf '%s/a,b "c"\nd.txt' "$GEN")
	[ -f "$f" ] || cp tests/bad/fixtures/table.txt "$f"
	printf '%s\n' "$f"
}

# a file name in GBK, not UTF-8 ("预算.txt" from a Windows archive)
gen_gbkname() {
	local f
	f=$(printf '%s/\xd4\xa4\xcb\xe3.txt' "$GEN")
	[ -f "$f" ] || cp tests/bad/fixtures/table.txt "$f"
	printf '%s\n' "$f"
}

# a second document named "table"
gen_clashname() {
	mkdir -p "$GEN/clash"
	cp tests/bad/fixtures/fullwidth.txt "$GEN/clash/table.txt"
	echo "$GEN/clash/table.txt"
}
gen_docdir() {
	mkdir -p "$GEN/docdir"
	cp tests/bad/fixtures/table.txt "$GEN/docdir/"
	echo "$GEN/docdir"
}
gen_dupname() {
	mkdir -p "$GEN/dup"
	cp tests/bad/fixtures/table.txt "$GEN/dup/table.txt"
	echo "$GEN/dup/table.txt"
}

# --meta files: keyed by path; without a key column; a bad kind; a column
# gongkai writes itself
gen_meta() {
	printf 'path,region,url,kind,fund\n%s,某省某县,http://example.org/t.pdf,决算,甲\n' "$(pwd)/tests/bad/fixtures/table.txt" >"$GEN/meta.csv"
	echo "$GEN/meta.csv"
}
gen_meta_nokey() { printf 'file,region\nx,y\n' >"$GEN/meta-nokey.csv"; echo "$GEN/meta-nokey.csv"; }
gen_meta_kind() { printf 'sha256,kind\nabc,budget\n' >"$GEN/meta-kind.csv"; echo "$GEN/meta-kind.csv"; }
gen_meta_fixed() { printf 'path,pages\nx,3\n' >"$GEN/meta-fixed.csv"; echo "$GEN/meta-fixed.csv"; }

# rules/ plus a file whose line 3 has an unbalanced parenthesis
gen_badrules() {
	local d=$GEN/rules-paren
	if [ ! -d "$d" ]; then
		cp -r "$GONGKAI_RULES" "$d" || return 1
		printf '# broken on purpose (tests/bad)\n\ntitle\tbroken\t(unbalanced\n' >"$d/zz-broken.rules"
	fi
	echo "$d"
}

# rules/ with the first title pattern of titles.rules broken in place
gen_badrules_titles() {
	local d=$GEN/rules-titles
	if [ ! -d "$d" ]; then
		cp -r "$GONGKAI_RULES" "$d" || return 1
		awk -F'\t' 'BEGIN { OFS = "\t" } !done && $1 == "title" && NF >= 3 { $3 = "(" $3; done = 1 } { print }' \
			"$GONGKAI_RULES/titles.rules" >"$d/titles.rules" || return 1
	fi
	echo "$d"
}

# rules/ plus a file whose line 2 has no pattern field
gen_badrules_fields() {
	local d=$GEN/rules-fields
	if [ ! -d "$d" ]; then
		cp -r "$GONGKAI_RULES" "$d" || return 1
		printf '# broken on purpose (tests/bad)\ntitle only-a-name\n' >"$d/zz-broken.rules"
	fi
	echo "$d"
}

# a budget table whose label, department (named like an organisation, as
# document.csv takes it) and file name start with = and @
# (spreadsheet formulas), next to negative amounts that must stay numbers
gen_formula() {
	local f=$GEN/=inj.txt
	[ -f "$f" ] || sed -e 's#^2010306\t政务公开审批#2010306\t=HYPERLINK("http://x","click")#' \
		-e 's|^## 2024年一般公共预算支出情况表|&\n\n部门名称：@NOW()信访局|' tests/bad/fixtures/negative.txt >"$f"
	echo "$f"
}

# a copy of table.txt, for --sqlite to point at (an input is no database)
gen_sqlvictim() {
	[ -f "$GEN/sqlvictim.txt" ] || cp tests/bad/fixtures/table.txt "$GEN/sqlvictim.txt"
	echo "$GEN/sqlvictim.txt"
}

# a document named like a combined table: OUT/<doc>/ would be in its way
gen_csvname() {
	mkdir -p "$GEN/csvname"
	cp tests/bad/fixtures/table.txt "$GEN/csvname/general_budget_expenditure.csv.txt"
	echo "$GEN/csvname/general_budget_expenditure.csv.txt"
}

# base names of 250 bytes (ASCII) and 249 bytes (83 CJK characters): a
# temporary name built from them must still fit in 255 bytes
gen_longname() {
	local f
	f=$GEN/$(printf 'a%.0s' $(seq 250)).txt
	[ -f "$f" ] || cp tests/bad/fixtures/table.txt "$f"
	echo "$f"
}
gen_longname_utf8() {
	local f
	f=$GEN/$(printf '预%.0s' $(seq 83)).txt
	[ -f "$f" ] || cp tests/bad/fixtures/table.txt "$f"
	echo "$f"
}

# 150,000 rows of one table: extraction fits in 280 MiB, normalization
# does not (measured: extraction needs < 170, the whole > 390)
gen_rows150k() {
	local f=$GEN/rows-150k.txt
	[ -f "$f" ] || python3 -c '
import sys
head = open("tests/bad/fixtures/table.txt", encoding="utf-8").read().split("\n")[:10]
rows = ["%d%02d%02d\t项目%d\t1.0\t1.0\t1.0\t0.0\t0.0\t0.0\t0.0\t0.0\t0.0" % (201 + i % 700, i % 100, i % 97, i)
        for i in range(150000)]
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(head + rows) + "\n")
' "$f" || return 1
	echo "$f"
}

# ---- one case -----------------------------------------------------------

pass=0
fail=0
skipped=0

# <doc> of a path: basename without its last extension
doc_of() {
	local b=${1##*/} k prev=
	case $b in *.*) b=${b%.*} ;; esac
	for k in "${opt[@]}"; do # --name NAME names the one document
		[ "$prev" = --name ] && b=$k
		prev=$k
	done
	printf '%s' "$b"
}

# expand {in} {in2} ... {doc} in $1
expand() {
	local s=$1 i
	for ((i = ${#ins[@]}; i >= 1; i--)); do
		s=${s//\{in$i\}/${ins[i - 1]}}
	done
	s=${s//\{in\}/${ins[0]:-}}
	s=${s//\{doc\}/$(doc_of "${ins[0]:-}")}
	printf '%s' "$s"
}

# resolve @GEN tokens; sets the array named by $2
resolve() {
	local tok p
	local -n dst=$2
	local -a toks=()
	dst=()
	read -r -a toks <<<"$1"
	for tok in "${toks[@]}"; do
		if [ "${tok:0:1}" = @ ]; then
			p=$("gen_${tok:1}") || { why+=("generator ${tok:1} failed"); return 1; }
			dst+=("$p")
		else
			dst+=("$tok")
		fi
	done
}

run_case() {
	local name=$1 inputs=$2 want=$3 opts=$4 msg=$5 checks=$6
	local dir=$WORK/case-$name out=$WORK/case-$name/out
	local -a ins=() opt=() why=()
	mkdir -p "$dir"

	local hang=180 nlines="" nosan=0 c
	local -a checklist=()
	[ "$checks" = - ] || read -r -a checklist <<<"$checks"
	for c in "${checklist[@]}"; do
		case $c in
		hang:*) hang=${c#hang:} ;;
		lines:*) nlines=${c#lines:} ;;
		nosan) nosan=1 ;;
		esac
	done
	if [ "$nosan" = 1 ] && [ "$BAD_SAN" = 1 ]; then
		echo "skip  $name (sanitizer build)"
		skipped=$((skipped + 1))
		return
	fi

	# the odd file name has a newline: inputs are resolved one token at a
	# time, never word-split again
	[ "$inputs" = - ] && inputs=""
	[ "$opts" = - ] && opts=""
	resolve "$inputs" ins && resolve "$opts" opt
	if [ ${#why[@]} -gt 0 ]; then
		echo "FAIL  $name: ${why[*]}"
		fail=$((fail + 1))
		return
	fi

	local stage=run k
	local -a args=()
	for k in "${opt[@]}"; do
		if [ "$k" = --stage=extract ]; then stage=extract; else args+=("$k"); fi
	done

	# wall, user and system seconds of the whole process tree (every
	# level waits for its children, so their CPU time is counted)
	local rc TIMEFORMAT='%R %U %S'
	{
		time if [ $stage = extract ]; then
			timeout -k 5 $((hang * SCALE)) "$BIN/gongkai-extract" "${args[@]}" -- "${ins[@]}" \
				>"$dir/stdout" 2>"$dir/stderr"
		else
			timeout -k 5 $((hang * SCALE)) "$BIN/gongkai" run -q -o "$out" "${args[@]}" -- "${ins[@]}" \
				>"$dir/stdout" 2>"$dir/stderr"
		fi
	} 2>"$dir/time"
	rc=$?
	local secs cpu
	secs=$(awk '{ printf "%.1f", $1 }' "$dir/time")
	cpu=$(awk '{ printf "%.1f", $2 + $3 }' "$dir/time")

	# exit code
	if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
		why+=("hung: killed after $((hang * SCALE)) s")
	else
		local ok=0 w
		local -a alts=()
		IFS='|' read -r -a alts <<<"$want"
		for w in "${alts[@]}"; do [ "$rc" = "$w" ] && ok=1; done
		[ $ok = 1 ] || why+=("exit $rc, expected $want")
	fi
	[ $rc -eq 70 ] && why+=("internal error (exit 70)")

	# sanitizer reports, crashes
	if grep -qE 'AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|runtime error:|parser crashed|worker crashed' "$dir/stderr"; then
		why+=("crash or sanitizer report: $(grep -m1 -E 'Sanitizer|runtime error:|crashed' "$dir/stderr")")
	fi

	# the message
	local prog=gongkai
	[ $stage = extract ] && prog=gongkai-extract
	if [ "$msg" != - ]; then
		local frag
		frag=$(expand "$msg")
		if [ "${frag:0:3}" = re: ]; then
			grep -E "^$prog: error: .*${frag:3}" "$dir/stderr" >/dev/null ||
				why+=("stderr lacks /${frag:3}/")
		else
			grep -F -- "$frag" "$dir/stderr" | grep -q "^$prog: error: " ||
				why+=("stderr lacks \"$frag\"")
		fi
	fi
	local nl
	nl=$(wc -l <"$dir/stderr")
	if [ -z "$nlines" ]; then
		if [ "$want" = 0 ]; then nlines=0; else nlines=1; fi
	fi
	[ "$nl" -eq "$nlines" ] || why+=("stderr has $nl lines, expected $nlines")

	# OUT: no temporary files, nothing of a failed document
	if [ $stage = run ] && [ -d "$out" ]; then
		local left
		left=$(find "$out" \( -name '*.tmp.*' -o -name '*.del.*' -o -name '*.old.*' \) -print | head -3)
		[ -z "$left" ] || why+=("left in OUT: $(echo $left)")
		if [ ${#ins[@]} -eq 1 ]; then
			local d
			d=$(doc_of "${ins[0]}")
			if [ "$rc" = 0 ]; then
				[ -f "$out/$d/document.csv" ] || why+=("no OUT/$d/document.csv")
			elif [ "$rc" = 14 ]; then
				local extra
				extra=$(ls -A "$out/$d" 2>/dev/null | grep -vxE '(document|checks|rows|tables)\.csv' | head -3)
				[ -z "$extra" ] || why+=("no table, yet OUT/$d holds: $(echo $extra)")
			elif [ -n "$d" ] && [ -e "$out/$d" ]; then
				why+=("failed, yet OUT/$d exists: $(ls -A "$out/$d" | head -3 | tr '\n' ' ')")
			fi
		fi
	fi

	# the case's own checks
	for c in "${checklist[@]}"; do
		c=$(expand "$c")
		case $c in
		csv:*|nocsv:*)
			local kind=${c%%:*} rest=${c#*:}
			local file=${rest%%:*} re=${rest#*:}
			if [ ! -f "$out/$file" ]; then
				why+=("no OUT/$file")
			elif [ "$kind" = csv ]; then
				grep -qE -- "$re" "$out/$file" || why+=("OUT/$file has no line /$re/")
			else
				! grep -qE -- "$re" "$out/$file" || why+=("OUT/$file has $(grep -m1 -E -- "$re" "$out/$file" | cut -c1-80)")
			fi
			;;
		input:*)
			grep -qE -- "${c#input:}" "${ins[0]}" 2>/dev/null ||
				why+=("the input lost its line /${c#input:}/ (overwritten?)")
			;;
		dir:*) [ -f "$out/${c#dir:}/document.csv" ] || why+=("no OUT/${c#dir:}/document.csv") ;;
		nodir:*) [ ! -e "$out/${c#nodir:}" ] || why+=("OUT/${c#nodir:} exists") ;;
		only:*)
			local spec=${c#only:}
			local d=${spec%%:*} want_files have
			want_files=$(tr ',' '\n' <<<"${spec#*:}" | sort | tr '\n' ' ')
			have=$(ls -A "$out/$d" 2>/dev/null | sort | tr '\n' ' ')
			[ "$have" = "$want_files" ] || why+=("OUT/$d holds '$have', expected '$want_files'")
			;;
		time:*)
			awk -v s="$cpu" -v l="${c#time:}" -v k="$SCALE" 'BEGIN { exit !(s <= l * k) }' ||
				why+=("took $cpu s of CPU time, limit $((${c#time:} * SCALE)) s")
			;;
		hang:*|lines:*|nosan|-) ;;
		*) why+=("unknown check '$c'") ;;
		esac
	done

	if [ ${#why[@]} -eq 0 ]; then
		printf 'ok    %-24s exit %-3s %6s s (cpu %s s)\n' "$name" "$rc" "$secs" "$cpu"
		pass=$((pass + 1))
	else
		printf 'FAIL  %-24s exit %-3s %6s s (cpu %s s)\n' "$name" "$rc" "$secs" "$cpu"
		local w
		for w in "${why[@]}"; do printf '        %s\n' "$w"; done
		sed -n '1,3s/^/        stderr: /p' "$dir/stderr" | cut -c1-200
		fail=$((fail + 1))
	fi
}

# ---- main ---------------------------------------------------------------

declare -A wanted=()
for a in "$@"; do wanted[$a]=1; done
declare -A seen=()

while IFS=$'\t' read -r name inputs want opts msg checks extra; do
	case $name in ''|'#'*) continue ;; esac
	if [ -z "${checks:-}" ] || [ -n "${extra:-}" ]; then
		echo "FAIL  catalogue line '$name': expected 6 TAB-separated fields"
		fail=$((fail + 1))
		continue
	fi
	if [ -n "${seen[$name]:-}" ]; then
		echo "FAIL  catalogue: duplicate case '$name'"
		fail=$((fail + 1))
		continue
	fi
	seen[$name]=1
	[ $# -gt 0 ] && [ -z "${wanted[$name]:-}" ] && continue
	run_case "$name" "$inputs" "$want" "$opts" "$msg" "$checks"
done <"$CAT"

[ "$skipped" -gt 0 ] && echo "($skipped skipped)"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
