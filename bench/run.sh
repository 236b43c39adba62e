#!/bin/sh
# run.sh REACH — the reach benchmark (make bench). Run from the repository root.
#
# Builds bench/gen_export and bench/bare_parse into bench/out/, makes a
# 1,000,000-response export there (kept between runs while the generator and
# its arguments are unchanged), then times in one run, with GNU time for wall
# seconds and peak resident memory:
#   1. bare parse   bench/out/bare_parse on the export (libcsv, count only)
#   2. ingest       REACH --db bench/out/bench.db ingest ... --replace, fresh database
#   3. .import      sqlite3 .mode csv + .import into a fresh bench/out/import.db
#   4. report       REACH --db bench/out/bench.db report bench-1m --format json
# and prints each step's seconds and peak MiB, then the targets with PASS/MISS.
#
# BENCH_REPEAT=N runs each step N times (default 1) and keeps the fastest
# time and the largest peak memory, for a machine that is not quiet.
#
# Exit status: 0 when every step ran (a MISS is a result, not a failure);
# 1 when a step could not run or failed (the report step may be missing);
# 2 on misuse or a missing tool.

set -u

prog=bench
out=bench/out
csv=$out/bench_1m.csv
stamp=$out/bench_1m.stamp
rows=1000000
repeat=${BENCH_REPEAT:-1}
gen_args="--layout bench --rows $rows --seed 2024 --year 2024"
cflags="-O2 -std=c11 -Wall -Wextra -Werror -pedantic -D_POSIX_C_SOURCE=200809L"

die() { echo "$prog: $*" >&2; exit 2; }

[ $# -eq 1 ] || { echo "usage: sh bench/run.sh REACH" >&2; exit 2; }
reach=$1
if [ ! -f bench/gen_export.c ] || [ ! -f bench/bare_parse.c ]; then
	die "run from the repository root (bench/gen_export.c not found)"
fi
case $repeat in
'' | *[!0-9]* | 0) die "BENCH_REPEAT must be a positive whole number" ;;
esac

need() { # need TOOL DEBIAN-PACKAGE
	command -v "$1" > /dev/null 2>&1 || die "missing tool: $1 (Debian package $2)"
}
need cc gcc
need sqlite3 sqlite3
need awk mawk
need cksum coreutils
[ -x /usr/bin/time ] || die "missing tool: /usr/bin/time (Debian package time)"
/usr/bin/time -v true > /dev/null 2>&1 ||
	die "/usr/bin/time does not take -v: GNU time is needed (Debian package time)"
[ -f /usr/include/csv.h ] || printf '#include <csv.h>\n' | cc -E - > /dev/null 2>&1 ||
	die "missing libcsv headers (Debian package libcsv-dev)"

mkdir -p "$out" || die "cannot create $out"

# ---- build -------------------------------------------------------------------
# shellcheck disable=SC2086  # cflags is a list of words
cc $cflags -o "$out/gen_export" bench/gen_export.c || die "cannot build bench/gen_export.c"
# shellcheck disable=SC2086
cc $cflags -o "$out/bare_parse" bench/bare_parse.c -lcsv ||
	die "cannot build bench/bare_parse.c (is libcsv-dev installed?)"

# ---- the export --------------------------------------------------------------
file_size() { wc -c < "$1" | tr -d ' '; }
want="args=$gen_args source=$(cksum < bench/gen_export.c | tr ' ' :)"
if [ -f "$csv" ] && [ -f "$stamp" ] &&
	[ "$(sed -n 1p "$stamp")" = "$want" ] &&
	[ "$(sed -n 2p "$stamp")" = "size=$(file_size "$csv")" ]; then
	echo "export: $csv present, $(file_size "$csv") bytes, same generator and size: kept"
else
	rm -f "$csv" "$stamp"
	echo "export: generating $rows responses ..."
	# shellcheck disable=SC2086  # gen_args is a list of words
	/usr/bin/time -f '%e %M' -o "$out/generate.time" \
		"$out/gen_export" $gen_args > "$csv.tmp" || { rm -f "$csv.tmp"; die "gen_export failed"; }
	mv "$csv.tmp" "$csv"
	printf '%s\nsize=%s\n' "$want" "$(file_size "$csv")" > "$stamp"
	echo "export: $csv, $(file_size "$csv") bytes, generated in $(cut -d' ' -f1 "$out/generate.time") s"
fi
cat "$csv" > /dev/null   # the same warm page cache for every step

# ---- measuring ---------------------------------------------------------------
# measure NAME FRESH STDIN COMMAND...: runs COMMAND under GNU time BENCH_REPEAT
# times, each after running the shell function FRESH (":" for none); sets rc
# (the first non-zero exit, else 0), secs (fastest wall time) and mib (largest
# peak resident set).
measure() {
	name=$1 fresh=$2 input=$3
	shift 3
	rc=0 secs=n/a mib=n/a run=0
	while [ "$run" -lt "$repeat" ] && [ "$rc" -eq 0 ]; do
		run=$((run + 1))
		$fresh
		/usr/bin/time -v -o "$out/$name.time" "$@" < "$input" > "$out/$name.out" 2> "$out/$name.err"
		rc=$?
		secs=$(awk -F': ' -v best="$secs" '/Elapsed \(wall clock\)/ {
			n = split($2, t, ":"); s = 0
			for (i = 1; i <= n; i++) s = s * 60 + t[i]
			if (best != "n/a" && best + 0 < s) s = best
			printf "%.2f", s }' "$out/$name.time")
		mib=$(awk -F': ' -v most="$mib" '/Maximum resident set size/ {
			m = $2 / 1024
			if (most != "n/a" && most + 0 > m) m = most
			printf "%.1f", m }' "$out/$name.time")
		[ -n "$secs" ] || secs=n/a
		[ -n "$mib" ] || mib=n/a
	done
}
# shellcheck disable=SC2317  # called through measure FRESH
fresh_bench_db() { rm -f "$out/bench.db" "$out/bench.db-wal" "$out/bench.db-shm" "$out/bench.db-journal"; }
# shellcheck disable=SC2317
fresh_import_db() { rm -f "$out/import.db" "$out/import.db-journal"; }

show_failure() { # show_failure STEP WHY
	echo "$1: FAILED ($2)"
	[ -s "$out/$1.err" ] && sed -n '1,5s/^/    /p' "$out/$1.err"
}

failed=0
reach_ok=1
case $reach in
*/*) [ -x "$reach" ] || reach_ok=0 ;;
*) command -v "$reach" > /dev/null 2>&1 || reach_ok=0 ;;
esac

# 1. bare parse
measure bare_parse : /dev/null "$out/bare_parse" "$csv"
bare_s=$secs bare_m=$mib
if [ "$rc" -ne 0 ]; then show_failure bare_parse "exit $rc"; failed=1; bare_s=n/a bare_m=n/a
else echo "bare parse: $(cat "$out/bare_parse.out")"; fi

# 2. reach ingest, fresh database
fresh_bench_db
ingest_s=n/a ingest_m=n/a
if [ "$reach_ok" -eq 0 ]; then
	echo "ingest: FAILED (reach not found or not executable: $reach; run make first)"
	failed=1
else
	measure ingest fresh_bench_db /dev/null "$reach" --db "$out/bench.db" ingest "$csv" \
		--consultation bench-1m --replace
	if [ "$rc" -ne 0 ]; then show_failure ingest "exit $rc"; failed=1
	else ingest_s=$secs ingest_m=$mib; fi
fi

# 3. sqlite3 .import, fresh database
printf '.mode csv\n.import %s responses\n' "$csv" > "$out/import.sql"
measure import fresh_import_db "$out/import.sql" sqlite3 -bail "$out/import.db"
import_s=$secs import_m=$mib
if [ "$rc" -ne 0 ]; then show_failure import "exit $rc"; failed=1; import_s=n/a import_m=n/a
else echo "sqlite3 .import: $(sqlite3 "$out/import.db" 'SELECT count(*) FROM responses') rows"; fi

# 4. reach report (may not exist yet)
report_s=n/a report_m=n/a
if [ "$reach_ok" -eq 1 ] && [ "$ingest_s" != n/a ]; then
	measure report : /dev/null "$reach" --db "$out/bench.db" report bench-1m --format json
	if [ "$rc" -eq 0 ]; then report_s=$secs report_m=$mib
	else echo "report: not available"; sed -n '1,3s/^/    /p' "$out/report.err"; fi
else
	echo "report: not available"
fi

# ---- results -----------------------------------------------------------------
echo
printf '%-24s %10s %10s\n' step seconds "peak MiB"
printf '%-24s %10s %10s\n' "bare parse (libcsv)" "$bare_s" "$bare_m"
printf '%-24s %10s %10s\n' "reach ingest" "$ingest_s" "$ingest_m"
printf '%-24s %10s %10s\n' "sqlite3 .import" "$import_s" "$import_m"
printf '%-24s %10s %10s\n' "reach report (json)" "$report_s" "$report_m"
echo

# target LABEL VALUE OP LIMIT UNIT: prints VALUE against the target, PASS or MISS.
target() {
	awk -v label="$1" -v v="$2" -v op="$3" -v lim="$4" -v unit="$5" 'BEGIN {
		if (v == "n/a") { ok = 0; shown = "n/a" }
		else {
			shown = sprintf("%.2f", v)
			ok = (op == "<=" && v <= lim) || (op == ">=" && v >= lim) || (op == "<" && v < lim)
		}
		printf "%-22s %8s   target %-2s %-8s %s\n", label, shown, op, lim unit, ok ? "PASS" : "MISS"
	}'
}
ratio() { # ratio A B: A / B, or n/a
	awk -v a="$1" -v b="$2" 'BEGIN {
		if (a == "n/a" || b == "n/a") print "n/a"
		else { if (b < 0.01) b = 0.01; printf "%.3f", a / b } }'
}
target "ingest / bare parse" "$(ratio "$ingest_s" "$bare_s")" "<=" 1.5 ""
target ".import / ingest" "$(ratio "$import_s" "$ingest_s")" ">=" 3 ""
target "report seconds" "$report_s" "<" 1 " s"
target "ingest peak memory" "$ingest_m" "<" 64 " MiB"

exit $failed
