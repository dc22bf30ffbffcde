#!/usr/bin/env bash
# tests/harvest/run.sh - the driver as an operator meets it: incremental
# re-runs, kill -9 and resume, write failures, shard merge, the harvest
# lock, -j determinism.  Run from the repo root:
#
#   GONGKAI_BIN=bin tests/harvest/run.sh
#
# Inputs: samples/text/*.txt, else $GK_SEEDS/*.txt (default
# ../shared/seeds).  Works in its own temp directory; the last line is
# "N passed, N failed" and the exit status is non-zero on any failure.
set -u
export LC_ALL=C

ROOT=$(pwd)
BIN=${GONGKAI_BIN:-bin}
[ -x "$BIN/gongkai" ] || { echo "run.sh: no '$BIN/gongkai' (build first: make)"; exit 2; }
G=$(cd "$BIN" && pwd)/gongkai
export GONGKAI=$G # for scripts/harvest and scripts/shard
[ -x scripts/harvest ] && [ -x scripts/shard ] || { echo "run.sh: run me from the repo root"; exit 2; }
T=$(mktemp -d "${TMPDIR:-/tmp}/gk-harvest.XXXXXX")
MNT=
cleanup() {
	[ -n "$MNT" ] && umount "$MNT" 2>/dev/null
	jobs -p | xargs -r kill -9 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
# a snapshot of the rules: every run of the test sees the same ones
cp -r "${GONGKAI_RULES:-$ROOT/rules}" "$T/rules" || exit 2
export GONGKAI_RULES=$T/rules
RULES=$GONGKAI_RULES

npass=0 nfail=0
ok() { npass=$((npass + 1)); echo "ok   $*"; }
bad() { nfail=$((nfail + 1)); echo "FAIL $*"; }
# check NAME COMMAND...: pass if the command succeeds
check() { local name=$1; shift; if "$@"; then ok "$name"; else bad "$name"; fi; }
note() { echo "     $*"; }

# what must not differ between two OUTs: everything but the manifest and locks
EXCL=(-x .gongkai-manifest -x .gongkai.lock -x .harvest.lock -x .harvest.log)
same_out() { diff -r "${EXCL[@]}" "$1" "$2" >"$T/diff.txt" 2>&1 || { head -5 "$T/diff.txt" | sed 's/^/     /'; return 1; }; }
listing() {
	(cd "$1" && find . \( -name .gongkai-manifest -o -name .gongkai.lock -o -name '.harvest.*' \) -prune \
		-o -type f -print | sort | xargs -r -d '\n' sha256sum)
}
# inode of each entry: a skipped document keeps its directory
inodes() { (cd "$1" && ls -1id -- */ | sort -k2); }
no_leftovers() { [ -z "$(find "$1" -name '*.tmp.*' -o -name '.*.del.*' -o -name '.*.old.*')" ]; }
now() { date +%s.%N; }
fsub() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a - b }'; }
ok_docs() { awk -F'\t' '!/^#/ && $6 == 0' "$1/.gongkai-manifest" | wc -l; }

# ---- inputs -----------------------------------------------------------------
seeds=("$ROOT"/samples/text/*.txt)
[ -e "${seeds[0]}" ] || seeds=("${GK_SEEDS:-../shared/seeds}"/*.txt)
[ -e "${seeds[0]}" ] || { echo "run.sh: no seed texts (samples/text/*.txt)"; exit 2; }
mkdir -p "$T/small" "$T/big"
cp "${seeds[@]}" "$T/small/"
for i in 1 2 3 4 5 6 7 8; do
	for s in "${seeds[@]}"; do
		b=${s##*/}
		cp "$s" "$T/big/${b%.*}-copy$i.txt"
	done
done
nsmall=${#seeds[@]}
one=${seeds[0]##*/}
nbig=$((nsmall * 8))
echo "inputs: $nsmall seed texts; $nbig copies; gongkai $G"

# ---- (a) unchanged documents are skipped -------------------------------------
A=$T/a
"$G" run -o "$A" "$T/small" 2>"$T/a1.err"
rc1=$?
nok=$(ok_docs "$A")
[ "$rc1" -eq 0 ] || note "first run exited $rc1 ($nok of $nsmall documents ok): $(head -1 "$T/a1.err")"
listing "$A" >"$T/a1.sum"
inodes "$A" >"$T/a1.ino"
"$G" run -o "$A" "$T/small" 2>"$T/a2.err"
rc2=$?
check "skip: second run reports every ok document skipped ($nok)" \
	grep -q "^gongkai: $nsmall documents ($nok skipped unchanged" "$T/a2.err"
check "skip: second run exits as the first ($rc1)" [ "$rc2" -eq "$rc1" ]
listing "$A" >"$T/a2.sum"
check "skip: OUT unchanged (checksums)" cmp -s "$T/a1.sum" "$T/a2.sum"
inodes "$A" >"$T/a2.ino"
check "skip: document directories untouched (inodes)" cmp -s "$T/a1.ino" "$T/a2.ino"

cp -r "$RULES" "$T/rules2"
r1=$(ls "$T/rules2"/*.rules | head -1)
echo "# a comment changes the rules hash" >>"$r1"
"$G" run -o "$A" --rules "$T/rules2" "$T/small" 2>"$T/a3.err"
check "skip: changed rules re-process everything" grep -q "($((0)) skipped unchanged" "$T/a3.err"
"$G" run -o "$A" --rules "$T/rules2" "$T/small" 2>"$T/a4.err"
check "skip: ... and are then skipped again" grep -q "($nok skipped unchanged" "$T/a4.err"
"$G" run -o "$A" --rules "$T/rules2" --force "$T/small" 2>"$T/a5.err"
check "skip: --force re-processes everything" grep -q "(0 skipped unchanged" "$T/a5.err"
listing "$A" >"$T/a5.sum"
check "skip: a comment in the rules changes no output" cmp -s "$T/a1.sum" "$T/a5.sum"
"$G" run -o "$A" --bom "$T/small" 2>"$T/a6.err"
check "skip: --bom re-processes (the CSVs change)" grep -q "(0 skipped unchanged" "$T/a6.err"
cp "$T/small/${seeds[0]##*/}" "$T/a-changed.txt"
echo "追加一行" >>"$T/a-changed.txt"
mkdir -p "$T/small2" && cp "$T/small"/* "$T/small2/" && cp "$T/a-changed.txt" "$T/small2/${seeds[0]##*/}"
"$G" run -o "$A" --bom "$T/small2" 2>"$T/a7.err"
check "skip: a changed input (other path, other bytes) is re-processed" \
	grep -q "(0 skipped unchanged" "$T/a7.err"
"$G" run -o "$A" --bom "$T/small2" 2>/dev/null
echo "再追加" >>"$T/small2/${seeds[0]##*/}"
"$G" run -o "$A" --bom "$T/small2" 2>"$T/a8.err"
check "skip: only the changed document is re-processed" grep -q "($((nok - 1)) skipped unchanged" "$T/a8.err"

# a document whose input turns bad loses its old output (a clean run would
# not have it); one that is merely missing keeps it
mkdir -p "$T/a-bad"
cp "$T/small/$one" "$T/a-bad/"
"$G" run -q -o "$T/a-bad-out" "$T/a-bad" 2>/dev/null
head -c 4096 /dev/urandom >"$T/a-bad/$one"
"$G" run -q -o "$T/a-bad-out" "$T/a-bad/$one" 2>/dev/null
rc=$?
check "skip: an input turned to garbage fails (exit $rc) and its output goes" \
	test $rc -ne 0 -a ! -e "$T/a-bad-out/${one%.*}"
cp "$T/small/$one" "$T/a-bad/"
"$G" run -q -o "$T/a-bad-out" "$T/a-bad" 2>/dev/null
rm "$T/a-bad/$one"
"$G" run -q -o "$T/a-bad-out" "$T/a-bad/$one" 2>/dev/null
rc=$?
check "skip: a missing input fails (exit $rc) and keeps its output" \
	test $rc -eq 3 -a -f "$T/a-bad-out/${one%.*}/document.csv"

# ---- (b) kill -9 at any moment, re-run: OUT equals a clean run's -----------------
t0=$(now)
"$G" run -q -j1 -o "$T/b-clean" "$T/big"
rcb=$?
tclean=$(fsub "$(now)" "$t0")
note "clean -j1 run of $nbig documents: ${tclean}s, exit $rcb"
# finished documents in OUT (directories swapped in whole)
ndocs() { find "$1" -mindepth 1 -maxdepth 1 -type d ! -name '.*' 2>/dev/null | wc -l; }
# is process $1 still running (not exited, not a zombie)?
running() { local st; read -r _ _ st _ <"/proc/$1/stat" 2>/dev/null && [ "$st" != Z ]; }
# wait until no process holds OUT's lock (a killed run's worker may still
# finish its document)
wait_unlocked() {
	local i
	[ -e "$1/.gongkai.lock" ] || return 0
	for i in $(seq 1200); do flock -n "$1/.gongkai.lock" true 2>/dev/null && return 0; sleep 0.05; done
	return 1
}
# run to completion, retrying while a just-killed run's worker still holds the lock
finish_run() {
	local out=$1 tries=0 rc
	while :; do
		wait_unlocked "$out"
		"$G" run -q -j1 -o "$out" "$T/big" 2>"$T/b-finish.err"
		rc=$?
		[ $rc -eq 13 ] && [ $tries -lt 20 ] || break
		tries=$((tries + 1))
		sleep 0.1
	done
	return $rc
}
# start a run and kill -9 it once it has finished $2 more documents, plus
# a random 0-90 ms (inside the next document, or the combined tables
# after the last): points in its progress, not in time, so that a busy
# machine kills at the same places as an idle one
kill_run() {
	local out=$1 more=$2 base i pid
	wait_unlocked "$out"
	base=$(ndocs "$out")
	"$G" run -q -j1 -o "$out" "$T/big" 2>/dev/null &
	pid=$!
	for i in $(seq 30000); do
		running "$pid" && [ "$(ndocs "$out")" -lt $((base + more)) ] || break
		sleep 0.01
	done
	sleep "0.0$((RANDOM % 10))"
	if running "$pid" && kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); fi
	wait "$pid" 2>/dev/null
}
killed=0
iters=0
for frac in 0.03 0.15 0.3 0.5 0.7 0.9; do
	out=$T/b-$frac
	k1=$(awk -v n="$nbig" -v f="$frac" 'BEGIN { printf "%d", n * f }')
	kill_run "$out" "$k1"
	d1=$(ndocs "$out")
	k2=$((RANDOM % (nbig - d1 + 1)))
	kill_run "$out" "$k2" # and kill the resumed run too
	d2=$(ndocs "$out")
	finish_run "$out"
	rc=$?
	iters=$((iters + 1))
	if [ $rc -eq "$rcb" ] && same_out "$T/b-clean" "$out" && no_leftovers "$out"; then
		ok "kill: killed after $d1 documents and again after $d2, re-run: OUT equals the clean run's"
	else
		bad "kill: killed after $d1 and $d2 documents: exit $rc (want $rcb), OUT differs or has leftovers"
	fi
done
note "$killed of $((iters * 2)) runs were still running when killed"
check "kill: at least a quarter of the kills hit a running run" [ $((killed * 4)) -ge $((iters * 2)) ]

# ---- (c) write failures -------------------------------------------------------
: >"$T/afile"
"$G" run -o "$T/afile/out" "$T/small" 2>"$T/c1.err"
rc=$?
check "write: OUT under a regular file exits 10" [ $rc -eq 10 ]
check "write: ... naming the path" grep -q "'$T/afile/out'" "$T/c1.err"
check "write: ... creating nothing" [ ! -e "$T/afile/out" ]
"$G" combine -o "$T/afile" 2>/dev/null
check "write: combine into a regular file fails" [ $? -ne 0 ]

if [ "$(id -u)" -eq 0 ] && mkdir -p "$T/mnt" && mount -t tmpfs -o size=64k tmpfs "$T/mnt" 2>/dev/null; then
	MNT=$T/mnt
	# size the file system so that one document fits and all of them do not
	"$G" run -q -o "$T/c-probe" "$T/small/$one"
	need=$(du -s --block-size=1 "$T/c-probe" | cut -f1)
	size=$(((need * 3 / 2 / 4096 + 3) * 4096))
	mount -o remount,size=$size "$MNT"
	"$G" run -q -o "$MNT/out" "$T/small/$one" 2>"$T/c2.err"
	rc=$?
	if [ $rc -ne 0 ]; then
		note "disk full: one document did not fit into ${size} bytes; skipped"
	else
		doc1=${one%.*}
		listing "$MNT/out/$doc1" >"$T/c-doc1.sum"
		"$G" run -q -o "$MNT/out" "$T/small" "$T/big" 2>"$T/c3.err"
		rc=$?
		check "disk full: exit 10 or 1 (got $rc)" test $rc -eq 10 -o $rc -eq 1
		check "disk full: says so" grep -q "No space left on device" "$T/c3.err"
		listing "$MNT/out/$doc1" >"$T/c-doc1b.sum"
		check "disk full: the earlier document's output intact" cmp -s "$T/c-doc1.sum" "$T/c-doc1b.sum"
		check "disk full: no temp file visible as a document" \
			[ -z "$(find "$MNT/out" -mindepth 1 -maxdepth 1 ! -name '.*' -name '*.tmp.*')" ]
		half=0
		for d in "$MNT/out"/*/; do [ -f "$d/document.csv" ] || half=1; done
		check "disk full: every document directory is complete" [ $half -eq 0 ]
		# room again: a re-run completes and equals a clean run
		mount -o remount,size=64m "$MNT"
		"$G" run -q -o "$MNT/out" "$T/small" "$T/big" 2>/dev/null
		rc=$?
		"$G" run -q -o "$T/c-clean" "$T/small" "$T/big" 2>/dev/null
		check "disk full: after freeing space a re-run equals a clean run (exit $rc)" same_out "$T/c-clean" "$MNT/out"
		check "disk full: ... without leftovers" no_leftovers "$MNT/out"
	fi
	umount "$MNT" && MNT=
else
	note "disk full: skipped (needs root and mount -t tmpfs)"
fi

# ---- (d) shards merged equal one run --------------------------------------------
scripts/shard run 1 2 "$T/d-s1" "$T/small" "$T/big" 2>/dev/null
scripts/shard run 2 2 "$T/d-s2" "$T/small" "$T/big" 2>/dev/null
n1=$(scripts/shard list 1 2 "$T/small" "$T/big" | wc -l)
n2=$(scripts/shard list 2 2 "$T/small" "$T/big" | wc -l)
check "shard: the two shards split $((nsmall + nbig)) documents ($n1 + $n2)" [ $((n1 + n2)) -eq $((nsmall + nbig)) ]
scripts/shard merge "$T/d-merged" "$T/d-s1" "$T/d-s2"
check "shard: merge exits 0" [ $? -eq 0 ]
"$G" run -q -o "$T/d-single" "$T/small" "$T/big" 2>/dev/null
ncsv=$(ls "$T/d-single"/*.csv 2>/dev/null | wc -l)
same=1
for f in "$T/d-single"/*.csv; do cmp -s "$f" "$T/d-merged/${f##*/}" || same=0; done
check "shard: the $ncsv combined CSVs equal a single run's" test $same -eq 1 -a "$ncsv" -gt 0
check "shard: the whole merged OUT equals a single run's" same_out "$T/d-single" "$T/d-merged"
"$G" run -o "$T/d-merged" "$T/small" "$T/big" 2>"$T/d.err"
nokd=$(ok_docs "$T/d-single")
check "shard: the shards' manifests carried over (re-run skips $nokd)" grep -q "($nokd skipped unchanged" "$T/d.err"
mkdir -p "$T/d-dup/a" "$T/d-dup/b" && cp "$T/small/$one" "$T/d-dup/a/" && cp "$T/small/$one" "$T/d-dup/b/"
scripts/shard run 1 1 "$T/d-dup-s1" "$T/d-dup/a" 2>/dev/null
scripts/shard run 1 1 "$T/d-dup-s2" "$T/d-dup/b" 2>/dev/null
scripts/shard merge "$T/d-dup-out" "$T/d-dup-s1" "$T/d-dup-s2" 2>"$T/d-dup.err"
check "shard: a document name two shards produced fails the merge" [ $? -eq 1 ]
check "shard: ... and says so" grep -q "duplicate document name" "$T/d-dup.err"

# ---- (e) the harvest lock ---------------------------------------------------------
# wait until a background flock holds lock file $1 (however long a busy
# machine takes to start it)
wait_locked() {
	local i
	for i in $(seq 1200); do
		[ -e "$1" ] && ! flock -n "$1" true 2>/dev/null && return 0
		sleep 0.05
	done
	return 1
}
H=$T/h
mkdir -p "$H"
# hold lock file $1 for 120 s in one background process (killing it frees
# the lock; nothing of it keeps the test's output open): a run that
# waited for the lock would take that long
hold_lock() { (exec 9>"$1" && flock 9 && exec sleep 120) </dev/null >/dev/null 2>&1 & }
hold_lock "$H/.harvest.lock"
lockpid=$!
check "harvest: a lock holder is running" wait_locked "$H/.harvest.lock"
t0=$(now)
scripts/harvest -o "$H" "$T/small" 2>"$T/e1.err"
rc=$?
dt=$(fsub "$(now)" "$t0")
check "harvest: a second harvest exits 13" [ $rc -eq 13 ]
check "harvest: ... at once, not waiting for the lock (${dt}s)" awk -v d="$dt" 'BEGIN { exit !(d < 60) }'
check "harvest: ... saying why" grep -q "another harvest is running" "$T/e1.err"
kill "$lockpid" 2>/dev/null
wait "$lockpid" 2>/dev/null
scripts/harvest -o "$H" "$T/small" 2>"$T/e2.err"
rc=$?
want=0
[ "$rc1" -eq 0 ] || want=1
check "harvest: a free harvest exits $want (got $rc)" [ $rc -eq $want ]
check "harvest: one timestamped log line per run" \
	[ "$(grep -cE '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}[-+][0-9]{4} exit=' "$H/.harvest.log")" -eq 2 ]
check "harvest: quiet when all is well" test ! -s "$T/e2.err" -o "$want" -ne 0
scripts/harvest -o "$H" 2>/dev/null
check "harvest: no PATH is a usage error (2)" [ $? -eq 2 ]
hold_lock "$H/.gongkai.lock"
lockpid=$!
check "lock: a lock holder is running" wait_locked "$H/.gongkai.lock"
"$G" run -q -o "$H" --force "$T/small" 2>"$T/e3.err"
rc=$?
kill "$lockpid" 2>/dev/null
wait "$lockpid" 2>/dev/null
check "lock: gongkai run on an OUT in use exits 13" [ $rc -eq 13 ]
check "lock: ... naming OUT" grep -q "'$H' is in use" "$T/e3.err"

# ---- (f) -j2 writes what -j1 writes ------------------------------------------------
"$G" run -q -j2 -o "$T/f-j2" "$T/big" 2>/dev/null
check "parallel: -j2 output identical to -j1 output" same_out "$T/b-clean" "$T/f-j2"

# ---- (g) hostile neighbours: links in OUT, odd names, the SQLite file -------------
# Deterministic: a run is held still by a FIFO input whose only writer is
# the test (fd 7, not inherited by gongkai), so the extractor blocks
# reading it until the test writes and closes; never by sleeping.
TABLE=$ROOT/tests/bad/fixtures/table.txt
# the extractor of a -j1 run ($1 = gongkai's pid: gongkai -> worker ->
# extractor), once it is there (up to 60 s)
extractor_of() {
	local w x
	for _ in $(seq 1200); do
		w=$(pgrep -P "$1" | head -1)
		if [ -n "$w" ]; then
			x=$(pgrep -P "$w" | head -1)
			[ -n "$x" ] && { echo "$x"; return 0; }
		fi
		kill -0 "$1" 2>/dev/null || return 1
		sleep 0.05
	done
	return 1
}
# wait for file $1 to appear (up to 60 s)
wait_for() { for _ in $(seq 1200); do [ -e "$1" ] && return 0; sleep 0.05; done; return 1; }
sql() { python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for r in c.execute(sys.argv[2]): print("|".join(map(str, r)))' "$@" 2>&1; }

# links at the temporary names an earlier version would use (the run is
# held at its one document, then the links are planted, then it goes on)
L=$T/g-tmp
mkdir -p "$L/out"
echo PRECIOUS >"$L/victim"
mkfifo "$L/f.txt"
exec 7<>"$L/f.txt"
"$G" run -q -j1 -o "$L/out" "$L/f.txt" 2>"$L/err" 7>&- &
g=$!
if extractor_of $g >/dev/null; then
	ln -s "$L/victim" "$L/out/general_budget_expenditure.csv.tmp.$g"
	ln -s "$L/new" "$L/out/.gongkai-manifest.tmp.$g"
fi
cat "$TABLE" >&7
exec 7>&-
wait $g
rc=$?
check "links: no file written through a link planted in OUT during a run (exit $rc)" \
	test "$(cat "$L/victim")" = PRECIOUS -a ! -e "$L/new"
check "links: ... and the run's output is there, as files" \
	test -f "$L/out/general_budget_expenditure.csv" -a ! -L "$L/out/general_budget_expenditure.csv" -a \
	-f "$L/out/.gongkai-manifest" -a ! -L "$L/out/.gongkai-manifest"

L=$T/g-lock
mkdir -p "$L/out"
ln -s "$L/made" "$L/out/.gongkai.lock"
"$G" run -q -o "$L/out" "$TABLE" 2>"$L/err"
rc=$?
check "links: a link as OUT/.gongkai.lock is not followed: exit 10 (got $rc), nothing created" \
	test $rc -eq 10 -a ! -e "$L/made"
check "links: ... saying so" grep -q "gongkai.lock': a symbolic link" "$L/err"

L=$T/g-read
"$G" run -q -o "$L/out" "$TABLE" 2>/dev/null
mkdir -p "$L/evil"
printf 'doc,region,department,year\nevil,,,\n' >"$L/evil/document.csv"
printf 'func_code,name,total\nSECRET,SECRET,1\n' >"$L/evil/general_budget_expenditure.csv"
ln -s "$L/evil" "$L/out/evil"
printf 'name,total\nSECRET2,1\n' >"$L/secret.csv"
ln -s "$L/secret.csv" "$L/out/table/other_99.csv"
"$G" combine -o "$L/out" 2>"$L/err"
rc=$?
check "links: combine reads no link in OUT into the combined tables (exit $rc)" \
	test $rc -eq 0 -a -z "$(grep -ls SECRET "$L/out"/*.csv)" -a -f "$L/out/general_budget_expenditure.csv"

# item 8 of issue 14: a directory that can be listed but not searched
L=$T/g-search
mkdir -p "$L/in/sub/deeper"
cp "$TABLE" "$L/in/"
cp "$TABLE" "$L/in/sub/deeper/other.txt"
chmod 0644 "$L/in/sub"
asuser=()
if [ "$(id -u)" -eq 0 ]; then # permissions do not stop root: drop its powers over them
	asuser=(setpriv --bounding-set=-dac_override,-dac_read_search)
	"${asuser[@]}" true 2>/dev/null || asuser=(skip)
fi
if [ "${asuser[0]:-}" = skip ]; then
	note "walk: unsearchable directory skipped (root without setpriv)"
else
	"${asuser[@]}" "$G" run -q -o "$L/out" "$L/in" 2>"$L/err"
	rc=$?
	check "walk: a subdirectory that cannot be searched fails the run (exit $rc), not silently" test $rc -eq 1
	check "walk: ... naming it" grep -q "'$L/in/sub': cannot search directory" "$L/err"
	check "walk: ... and the rest is done" test -f "$L/out/table/document.csv"
fi
chmod 0755 "$L/in/sub"

# item 9: an extractor the kernel kills (the OOM killer's SIGKILL) is a limit
L=$T/g-kill
mkdir -p "$L"
mkfifo "$L/f.txt"
exec 7<>"$L/f.txt"
"$G" run -q -j1 --limits 0,0,0 -o "$L/out" "$L/f.txt" 2>"$L/err" 7>&- &
g=$!
x=$(extractor_of $g) && kill -9 "$x"
exec 7>&-
wait $g
rc=$?
check "limits: an extractor killed by SIGKILL is limit-exceeded, 9 (got $rc)" test $rc -eq 9
check "limits: ... one line, naming the file" \
	test "$(wc -l <"$L/err")" -eq 1 -a -n "$(grep -F "'$L/f.txt': killed by the system" "$L/err")"

# item 7: a file name with newlines is one document for scripts/shard
L=$T/g-shard
mkdir -p "$L/corpus" "$L/cwd/here"
cp "$TABLE" "$L/cwd/decoy.txt"
cp "$TABLE" "$L/corpus/$(printf 'x\n..\ny.txt')"
(cd "$L/cwd/here" && "$ROOT/scripts/shard" run 1 1 "$L/out" "$L/corpus") 2>"$L/err"
rc=$?
check "shard: a name with newlines is one document (exit $rc), '..' never a PATH" \
	test $rc -eq 0 -a -f "$L/out/$(printf 'x\n..\ny')/document.csv" -a ! -e "$L/out/decoy"
check "shard: list -z gives it whole" \
	test "$(scripts/shard list -z 1 1 "$L/corpus" | tr -cd '\0' | wc -c)" -eq 1

# scripts/shard merge and scripts/harvest: the same promises
L=$T/g-merge
scripts/shard run 1 1 "$L/s1" "$TABLE" 2>/dev/null
mkdir -p "$L/out"
ln -s "$L/made" "$L/out/.gongkai.lock"
scripts/shard merge "$L/out" "$L/s1" 2>"$L/err"
rc=$?
check "links: shard merge does not follow a link as OUT/.gongkai.lock (exit $rc)" test $rc -eq 10 -a ! -e "$L/made"
rm -f "$L/out/.gongkai.lock"
echo PRECIOUS >"$L/victim"
(
	ln -s "$L/victim" "$L/out/.gongkai-manifest.tmp.$BASHPID"
	exec "$ROOT/scripts/shard" merge "$L/out" "$L/s1"
) 2>"$L/err"
rc=$?
check "links: shard merge writes no manifest through a planted link (exit $rc)" \
	test $rc -eq 0 -a "$(cat "$L/victim")" = PRECIOUS -a -f "$L/out/table/document.csv"

L=$T/g-harvest
mkdir -p "$L/out"
echo PRECIOUS >"$L/victim"
ln -s "$L/victim" "$L/out/.harvest.log"
scripts/harvest -o "$L/out" "$TABLE" 2>"$L/err"
rc=$?
check "links: harvest appends no log line through a link in OUT (exit $rc)" \
	test "$(cat "$L/victim")" = PRECIOUS -a $rc -eq 0
rm -f "$L/out/.harvest.log" "$L/out/.harvest.lock"
ln -s "$L/made" "$L/out/.harvest.lock"
scripts/harvest -o "$L/out" "$TABLE" 2>"$L/err"
rc=$?
check "links: harvest does not follow a link as its lock (exit $rc)" test $rc -eq 1 -a ! -e "$L/made"

# item 4: --sqlite replaces only a database gongkai wrote, safely
L=$T/g-sql
mkdir -p "$L"
"$G" run -q -o "$L/out" --sqlite "$L/gk.db" "$TABLE" 2>/dev/null
python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); c.execute("CREATE TABLE mine(x)"); c.execute("INSERT INTO mine VALUES (42)"); c.commit()' \
	"$L/gk.db" 2>/dev/null
"$G" run -q --force -o "$L/out" --sqlite "$L/gk.db" "$TABLE" 2>"$L/err"
rc=$?
check "sqlite: a database with a table gongkai did not write is refused (exit $rc)" test $rc -eq 10
check "sqlite: ... kept as it was" test "$(sql "$L/gk.db" "SELECT x FROM mine")" = 42
check "sqlite: ... saying why" grep -q "holds table 'mine'" "$L/err"

# a gongkai database in WAL mode, open in a reader with frames in its WAL
rm -f "$L/gk.db"
"$G" run -q -o "$L/out" --sqlite "$L/gk.db" "$TABLE" 2>/dev/null
python3 -c 'import os, sqlite3, sys, time
db, ready, go = sys.argv[1:4]
c = sqlite3.connect(db, isolation_level=None)
c.execute("PRAGMA journal_mode=WAL"); c.execute("PRAGMA wal_autocheckpoint=0")
c.execute("UPDATE documents SET region = '"'stale'"'")
open(ready, "w").close()
for _ in range(1200):
    if os.path.exists(go): break
    time.sleep(0.05)
c.close()' "$L/gk.db" "$L/ready" "$L/go" &
reader=$!
wait_for "$L/ready"
cp "$TABLE" "$L/t2.txt"
"$G" run -q -o "$L/out" --sqlite "$L/gk.db" "$L/t2.txt" 2>"$L/err"
rc=$?
check "sqlite: a WAL database open in a reader is replaced (exit $rc)" test $rc -eq 0
check "sqlite: ... intact for a new reader (integrity_check)" test "$(sql "$L/gk.db" "PRAGMA integrity_check")" = ok
check "sqlite: ... with the new content" \
	test "$(sql "$L/gk.db" "SELECT count(*), sum(region = 'stale') FROM documents")" = "2|0"
touch "$L/go"
wait $reader
check "sqlite: ... and after the reader is gone" test "$(sql "$L/gk.db" "PRAGMA integrity_check")" = ok

# a WAL another database left where --sqlite is to be created
python3 -c 'import shutil, sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("PRAGMA journal_mode=WAL"); c.execute("PRAGMA wal_autocheckpoint=0")
c.execute("CREATE TABLE t(x)"); c.execute("INSERT INTO t VALUES (1)")
shutil.copy(sys.argv[1] + "-wal", sys.argv[2] + "-wal")
c.close()' "$L/other.db" "$L/new.db"
"$G" run -q -o "$L/out" --sqlite "$L/new.db" "$TABLE" 2>"$L/err"
rc=$?
check "sqlite: a WAL left without its database is refused (exit $rc)" test $rc -eq 10 -a ! -e "$L/new.db"
check "sqlite: ... saying so" grep -q "new.db-wal' is left over" "$L/err"

# ---- exit codes ---------------------------------------------------------------------
"$G" run -o "$T/x" 2>/dev/null
check "exit: no PATH is 2" [ $? -eq 2 ]
"$G" run -q -o "$T/x" "$T/nonexistent.pdf" 2>/dev/null
check "exit: one missing input is 3 (cannot open)" [ $? -eq 3 ]
"$G" run -q -o "$T/x" "$T/nonexistent.pdf" "$T/small" 2>/dev/null
check "exit: several inputs, one failed, is 1" [ $? -eq 1 ]
"$G" run -q -o "$T/x" --rules "$T/nonexistent-rules" "$T/small" 2>/dev/null
check "exit: bad rules is 11" [ $? -eq 11 ]
mkdir -p "$T/dup/sub" && cp "$T/small/$one" "$T/dup/" && cp "$T/small/$one" "$T/dup/sub/"
"$G" run -q -o "$T/x" "$T/dup" 2>"$T/dup.err"
check "exit: a duplicate document name fails the second one" grep -q "'$T/dup/sub/$one': duplicate document name" "$T/dup.err"

echo "$npass passed, $nfail failed"
[ "$nfail" -eq 0 ]
