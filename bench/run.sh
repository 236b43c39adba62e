#!/bin/sh
# run.sh REACH — the reach benchmark (make bench). Run from the repository root.
#
# Builds bench/gen_export and bench/bare_parse into bench/out/, installs
# DuckDB's node package there (bench/package-lock.json), then measures in one
# run, each step under GNU time -v for peak resident memory, with wall time
# taken by the shell around it:
#   at 1M and 4M rows, on an export kept in bench/out/ between runs:
#     bare parse    bench/out/bare_parse on the export (libcsv, count only)
#     ingest        REACH ingest EXPORT, fresh database
#     .import       sqlite3 .mode csv + .import, fresh database
#     report        REACH report SLUG --format json (checked with jq)
#     weighted      REACH report SLUG --format json --weighted
#     duckdb        node bench/duckdb.mjs: DuckDB loads the export into memory
#                   and groups each equality column (load and count timed apart)
#   at 16M rows, streamed from the generator and never written to disk:
#     ingest        bench/out/gen_export ... | REACH ingest -, fresh database
#     report, weighted, as above; the database is removed afterwards
#   on 200 consultations of 5,000 responses (bench/many.sh, database kept):
#     report --all  REACH report --all --format json
#     trend         REACH trend --format json
# then prints every figure, reach against DuckDB, and issue 14's targets with
# PASS or MISS, with the load average before and after (a busy machine makes
# the ratios say little).
#
# BENCH_SIZES   the steps to run, any of 1m 4m 16m many (default all four)
# BENCH_REPEAT  runs each measured step N times (default 1), keeping the
#               fastest time and the largest peak memory
# BENCH_DUCKDB  0 leaves DuckDB out (default 1)
# BENCH_SCALE   divides every number of rows by N (default 1): to try the
#               script itself quickly; its verdicts then say nothing
#
# Exit status: 0 when every step ran (a MISS is a result, not a failure);
# 1 when a step could not run or failed (each is named); 2 on misuse or a
# missing tool.

set -u

prog=bench
out=bench/out
repeat=${BENCH_REPEAT:-1}
sizes=${BENCH_SIZES:-1m 4m 16m many}
use_duckdb=${BENCH_DUCKDB:-1}
scale=${BENCH_SCALE:-1}
many_count=200
equality_columns=14,15,16,17,18,19,20   # of the bench layout: age band to carer
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
case $scale in
'' | *[!0-9]* | 0) die "BENCH_SCALE must be a positive whole number" ;;
esac
many_rows=$((5000 / scale))
[ "$many_rows" -gt 0 ] || many_rows=1
case $use_duckdb in
0 | 1) ;;
*) die "BENCH_DUCKDB must be 0 or 1" ;;
esac
for s in $sizes; do
	case $s in
	1m | 4m | 16m | many) ;;
	*) die "BENCH_SIZES: unknown step \"$s\" (any of 1m 4m 16m many)" ;;
	esac
done
[ -n "$sizes" ] || die "BENCH_SIZES is empty (any of 1m 4m 16m many)"
selected() { case " $sizes " in *" $1 "*) return 0 ;; esac; return 1; }
file_sizes=
for s in 1m 4m; do selected "$s" && file_sizes="$file_sizes $s"; done
[ -n "$file_sizes" ] || use_duckdb=0

need() { # need TOOL DEBIAN-PACKAGE
	command -v "$1" > /dev/null 2>&1 || die "missing tool: $1 (Debian package $2)"
}
need cc gcc
need sqlite3 sqlite3
need awk mawk
need cksum coreutils
need mkfifo coreutils
need jq jq
date +%N | grep -q '^[0-9]\{9\}$' || die "date +%N does not give nanoseconds: GNU date is needed (Debian package coreutils)"
[ -x /usr/bin/time ] || die "missing tool: /usr/bin/time (Debian package time)"
/usr/bin/time -v true > /dev/null 2>&1 ||
	die "/usr/bin/time does not take -v: GNU time is needed (Debian package time)"
[ -f /usr/include/csv.h ] || printf '#include <csv.h>\n' | cc -E - > /dev/null 2>&1 ||
	die "missing libcsv headers (Debian package libcsv-dev)"
if [ "$use_duckdb" -eq 1 ]; then
	need node nodejs
	need npm npm
fi

mkdir -p "$out" || die "cannot create $out"
started=$(date +%s)
[ "$scale" -eq 1 ] ||
	echo "BENCH_SCALE=$scale: every number of rows is divided by $scale; the verdicts say nothing about the targets"

# ---- build -------------------------------------------------------------------
# shellcheck disable=SC2086  # cflags is a list of words
cc $cflags -o "$out/gen_export" bench/gen_export.c || die "cannot build bench/gen_export.c"
# shellcheck disable=SC2086
cc $cflags -o "$out/bare_parse" bench/bare_parse.c -lcsv ||
	die "cannot build bench/bare_parse.c (is libcsv-dev installed?)"

rev=$(git describe --always --dirty 2> /dev/null) || rev="no git history"
echo "reach: $reach ($rev), BENCH_SIZES=\"$sizes\", BENCH_REPEAT=$repeat"
# Ingest runs in two threads and the bare parse in one: on cores that others
# are using, the ratio between them says more about the others than about reach.
if [ -r /proc/loadavg ]; then
	load=$(cut -d' ' -f1 /proc/loadavg)
	echo "load average before the run: $load$(awk -v l="$load" 'BEGIN { if (l >= 0.5) print " (not quiet: the ratios and milliseconds will suffer)" }')"
fi

failed=0
reach_ok=1
case $reach in
*/*) [ -x "$reach" ] || reach_ok=0 ;;
*) command -v "$reach" > /dev/null 2>&1 || reach_ok=0 ;;
esac
if [ "$reach_ok" -eq 0 ]; then
	echo "reach: FAILED (not found or not executable: $reach; run make first)"
	failed=1
fi

# ---- DuckDB's node package, pinned by bench/package-lock.json ----------------
duck_dir=$out/duckdb
if [ "$use_duckdb" -eq 1 ]; then
	if [ -f "$duck_dir/node_modules/.package-lock.json" ] &&
		cmp -s bench/package-lock.json "$duck_dir/package-lock.json"; then
		:
	else
		echo "duckdb: installing @duckdb/node-api from bench/package-lock.json into $duck_dir"
		rm -rf "$duck_dir"
		mkdir -p "$duck_dir" && cp bench/package.json bench/package-lock.json "$duck_dir/" &&
			(cd "$duck_dir" && npm ci --no-audit --no-fund --loglevel=error > /dev/null)
		if [ ! -f "$duck_dir/node_modules/.package-lock.json" ]; then
			echo "duckdb install: FAILED (npm ci in $duck_dir; BENCH_DUCKDB=0 runs the rest)"
			rm -rf "$duck_dir"
			failed=1 use_duckdb=0
		fi
	fi
fi

# ---- figures -----------------------------------------------------------------
# Each figure is a line "KEY VALUE" in $out/figures: n/a when its step failed.
figures=$out/figures
: > "$figures"
put() { echo "$1 $2" >> "$figures"; }
lost() { for k in "$@"; do put "$k.s" n/a; put "$k.mib" n/a; done; } # steps that could not run
get() { awk -v k="$1" '$1 == k { v = $2 } END { print (v == "" ? "-" : v) }' "$figures"; }

# measure NAME FRESH STDIN COMMAND...: runs COMMAND under GNU time BENCH_REPEAT
# times, each after running the shell function FRESH (":" for none); sets rc
# (the first non-zero exit, else 0), secs (fastest wall time, 3 decimals) and
# mib (largest peak resident set). Output in $out/NAME.out and NAME.err.
measure() {
	name=$1 fresh=$2 input=$3
	shift 3
	rc=0 secs=n/a mib=n/a run=0
	while [ "$run" -lt "$repeat" ] && [ "$rc" -eq 0 ]; do
		run=$((run + 1))
		$fresh
		t0=$(date +%s%N)
		/usr/bin/time -v -o "$out/$name.time" "$@" < "$input" > "$out/$name.out" 2> "$out/$name.err"
		rc=$?
		t1=$(date +%s%N)
		secs=$(awk -v ns=$((t1 - t0)) -v best="$secs" 'BEGIN {
			s = ns / 1e9
			if (best != "n/a" && best + 0 < s) s = best
			printf "%.3f", s }')
		mib=$(awk -F': ' -v most="$mib" '/Maximum resident set size/ {
			m = $2 / 1024
			if (most != "n/a" && most + 0 > m) m = most
			printf "%.1f", m }' "$out/$name.time")
		[ -n "$mib" ] || mib=n/a
	done
}

# step NAME LABEL FRESH STDIN COMMAND...: measure, then record NAME.s and
# NAME.mib, print LABEL's line, or the failure naming LABEL (and set failed).
step() {
	sname=$1 slabel=$2
	shift 2
	measure "$sname" "$@"
	if [ "$rc" -ne 0 ]; then
		echo "$slabel: FAILED (exit $rc)"
		[ -s "$out/$sname.err" ] && sed -n '1,5s/^/    /p' "$out/$sname.err"
		failed=1 secs=n/a mib=n/a
	else
		echo "$slabel: $secs s, $mib MiB"
	fi
	put "$sname.s" "$secs"
	put "$sname.mib" "$mib"
}

# check NAME LABEL JQ: unless step NAME failed, its output must make the jq
# expression JQ true, else the step fails: a fast answer must be the answer.
check() {
	[ "$(get "$1.s")" = n/a ] && return 0
	jq -e "$3" "$out/$1.out" > /dev/null 2>&1 && return 0
	echo "$2: FAILED (its output does not pass jq -e '$3')"
	failed=1
	lost "$1"
}

remove_db() { rm -f "$1" "$1-wal" "$1-shm" "$1-journal"; }
file_size() { wc -c < "$1" | tr -d ' '; }
upper() { echo "$1" | sed 's/^\([0-9]*\)m$/\1M/'; }  # 1m: 1M
# tag NAME: NAME, or NAME-scaleN under BENCH_SCALE, so that the files of a
# scaled-down run never take the place of the full-size ones
tag() { if [ "$scale" -eq 1 ]; then echo "$1"; else echo "$1-scale$scale"; fi; }
base_rows() { case $1 in 1m) echo 1000000 ;; 4m) echo 4000000 ;; 16m) echo 16000000 ;; esac; }

# export_args SIZE: the generator's arguments for that size's export
export_args() { echo "--layout bench --rows $(($(base_rows "$1") / scale)) --seed 2024 --year 2024"; }

# keep_export SIZE: makes bench/out/bench_SIZE.csv unless the one there was made by
# the same generator source and arguments and has the size it had then.
keep_export() {
	csv=$out/bench_$(tag "$1").csv stamp=$out/bench_$(tag "$1").stamp
	args=$(export_args "$1")
	want="args=$args source=$(cksum < bench/gen_export.c | tr ' ' :)"
	if [ -f "$csv" ] && [ -f "$stamp" ] &&
		[ "$(sed -n 1p "$stamp")" = "$want" ] &&
		[ "$(sed -n 2p "$stamp")" = "size=$(file_size "$csv")" ]; then
		echo "export: $csv present, $(file_size "$csv") bytes, same generator and size: kept"
		return 0
	fi
	rm -f "$csv" "$stamp"
	echo "export: generating $csv ..."
	t0=$(date +%s)
	# shellcheck disable=SC2086  # args is a list of words
	"$out/gen_export" $args > "$csv.tmp" || { rm -f "$csv.tmp"; die "gen_export failed"; }
	mv "$csv.tmp" "$csv"
	printf '%s\nsize=%s\n' "$want" "$(file_size "$csv")" > "$stamp"
	echo "export: $csv, $(file_size "$csv") bytes, generated in $(($(date +%s) - t0)) s"
}

# ---- 1M and 4M: an export on disk --------------------------------------------
for size in $file_sizes; do
	rows=$(($(base_rows "$size") / scale))
	echo
	echo "== $(upper "$size"): $rows responses"
	keep_export "$size"
	csv=$out/bench_$(tag "$size").csv db=$out/bench_$(tag "$size").db slug=bench-$size
	cat "$csv" > /dev/null   # the same warm page cache for every step

	step "bare_$size" "bare parse" : /dev/null "$out/bare_parse" "$csv"
	[ "$rc" -eq 0 ] && sed 's/^/    /' "$out/bare_$size.out"

	# shellcheck disable=SC2317  # called through measure
	fresh_db() { remove_db "$db"; }
	if [ "$reach_ok" -eq 1 ]; then
		step "ingest_$size" "reach ingest" fresh_db /dev/null \
			"$reach" --db "$db" ingest "$csv" --consultation "$slug" --replace
		ingested=$rc
	else
		ingested=1
		lost "ingest_$size"
	fi

	import_db=$out/import.db
	# shellcheck disable=SC2317
	fresh_import() { remove_db "$import_db"; }
	printf '.mode csv\n.import %s responses\n' "$csv" > "$out/import.sql"
	step "import_$size" "sqlite3 .import" fresh_import "$out/import.sql" sqlite3 -bail "$import_db"
	if [ "$rc" -eq 0 ]; then
		n=$(sqlite3 "$import_db" 'SELECT count(*) FROM responses')
		if [ "$n" != "$rows" ]; then
			echo "sqlite3 .import: FAILED (imported $n rows, not $rows)"
			failed=1
			put "import_$size.s" n/a
		fi
	fi
	remove_db "$import_db"

	if [ "$ingested" -eq 0 ]; then
		step "report_$size" "reach report --format json" : /dev/null \
			"$reach" --db "$db" report "$slug" --format json
		step "weighted_$size" "reach report --format json --weighted" : /dev/null \
			"$reach" --db "$db" report "$slug" --format json --weighted
		check "report_$size" "reach report" ".responses == $rows"
		check "weighted_$size" "reach report --weighted" ".responses == $rows and .weighted.raked != null"
	else
		echo "reach report: not run (no ingest)"
		failed=1
		lost "report_$size" "weighted_$size"
	fi

	if [ "$use_duckdb" -eq 1 ]; then
		step "duckdb_$size" "DuckDB load + count (node, whole process)" : /dev/null \
			node bench/duckdb.mjs "$duck_dir" "$csv" "$equality_columns"
		if [ "$rc" -eq 0 ]; then
			load=$(awk '$1 == "load_s" { print $2 }' "$out/duckdb_$size.out")
			count=$(awk '$1 == "count_s" { print $2 }' "$out/duckdb_$size.out")
			n=$(awk '$1 == "rows" { print $2 }' "$out/duckdb_$size.out")
			if [ "$n" != "$rows" ] || [ -z "$load" ] || [ -z "$count" ]; then
				echo "DuckDB: FAILED (loaded ${n:-no} rows, not $rows, or no times printed)"
				failed=1 load=n/a count=n/a
			else
				echo "    load $load s, count $count s"
				sed -n 's/^column /    column /p' "$out/duckdb_$size.out"
			fi
			put "duckload_$size.s" "$load"
			put "duckcount_$size.s" "$count"
		fi
	fi
done

# ---- 16M: streamed, never on disk --------------------------------------------
if selected 16m; then
	rows=$(($(base_rows 16m) / scale))
	echo
	echo "== 16M: $rows responses, streamed from the generator"
	db=$out/bench_$(tag 16m).db slug=bench-16m fifo=$out/stream.fifo
	rm -f "$fifo"
	mkfifo "$fifo" || die "cannot make the pipe $fifo"
	# shellcheck disable=SC2317  # called through measure
	start_stream() {
		remove_db "$db"
		# shellcheck disable=SC2046  # export_args is a list of words
		"$out/gen_export" $(export_args 16m) > "$fifo" &
	}
	if [ "$reach_ok" -eq 1 ]; then
		step ingest_16m "reach ingest - (the generator beside it)" start_stream "$fifo" \
			"$reach" --db "$db" ingest - --consultation "$slug" --replace
		ingested=$rc
		wait
		if [ "$ingested" -eq 0 ]; then
			step report_16m "reach report --format json" : /dev/null \
				"$reach" --db "$db" report "$slug" --format json
			step weighted_16m "reach report --format json --weighted" : /dev/null \
				"$reach" --db "$db" report "$slug" --format json --weighted
			check report_16m "reach report" ".responses == $rows"
			check weighted_16m "reach report --weighted" ".responses == $rows and .weighted.raked != null"
		else
			lost report_16m weighted_16m
		fi
	else
		lost ingest_16m report_16m weighted_16m
	fi
	rm -f "$fifo"
	remove_db "$db"
fi

# ---- 200 consultations of 5,000 responses -----------------------------------
selected many && [ "$reach_ok" -eq 0 ] && lost report_all trend
if selected many && [ "$reach_ok" -eq 1 ]; then
	echo
	echo "== $many_count consultations of $many_rows responses"
	db=$out/$(tag many).db stamp=$out/$(tag many).stamp
	sum() { cksum < "$1" | tr ' ' :; }
	want="count=$many_count rows=$many_rows gen=$(sum bench/gen_export.c) many=$(sum bench/many.sh) reach=$(sum "$(command -v "$reach")")"
	if [ -f "$db" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
		echo "many: $db present, made by the same reach, generator and bench/many.sh: kept"
		built=0
	else
		rm -f "$stamp"
		remove_db "$db"
		echo "many: making $db ..."
		t0=$(date +%s)
		if sh bench/many.sh "$out/gen_export" "$reach" "$db" "$many_count" "$many_rows"; then
			echo "$want" > "$stamp"
			echo "many: made in $(($(date +%s) - t0)) s"
			built=0
		else
			echo "many: FAILED (bench/many.sh)"
			failed=1 built=1
			lost report_all trend
		fi
	fi
	if [ "$built" -eq 0 ]; then
		step report_all "reach report --all --format json" : /dev/null \
			"$reach" --db "$db" report --all --format json
		step trend "reach trend --format json" : /dev/null \
			"$reach" --db "$db" trend --format json
		check report_all "reach report --all" \
			".responses == $((many_count * many_rows)) and (.consultations | length) == $many_count"
		check trend "reach trend" \
			"([.series[].points | length] | max) == $many_count"
	fi
fi

# ---- results -----------------------------------------------------------------
ratio() { # ratio A B: A / B to 3 decimals, or n/a
	awk -v a="$1" -v b="$2" 'BEGIN {
		if (a !~ /^[0-9.]+$/ || b !~ /^[0-9.]+$/) print "n/a"
		else { if (b < 0.001) b = 0.001; printf "%.3f", a / b } }'
}
add() { # add A B: A + B, or n/a
	awk -v a="$1" -v b="$2" 'BEGIN {
		if (a !~ /^[0-9.]+$/ || b !~ /^[0-9.]+$/) print "n/a"; else printf "%.3f", a + b }'
}
most() { # most A B: the larger, or n/a
	awk -v a="$1" -v b="$2" 'BEGIN {
		if (a !~ /^[0-9.]+$/ || b !~ /^[0-9.]+$/) print "n/a"; else printf "%.1f", (a + 0 > b + 0 ? a : b) }'
}

echo
echo "Figures (seconds of wall time; peak resident memory of the process)"
printf '%-9s %-42s %10s %10s\n' size step seconds "peak MiB"
row() { # row SIZE LABEL NAME
	s=$(get "$3.s")
	[ "$s" = - ] && return 0
	printf '%-9s %-42s %10s %10s\n' "$(upper "$1")" "$2" "$s" "$(get "$3.mib")"
}
for size in 1m 4m 16m; do
	row "$size" "bare parse (libcsv)" "bare_$size"
	if [ "$size" = 16m ]; then row "$size" "reach ingest - (streamed)" ingest_16m
	else row "$size" "reach ingest" "ingest_$size"; fi
	row "$size" "sqlite3 .import" "import_$size"
	row "$size" "reach report --format json" "report_$size"
	row "$size" "reach report --format json --weighted" "weighted_$size"
	row "$size" "DuckDB load + count (node process)" "duckdb_$size"
	row "$size" "  of which DuckDB load" "duckload_$size"
	row "$size" "  of which DuckDB count (7 GROUP BYs)" "duckcount_$size"
done
row "${many_count}x$many_rows" "reach report --all --format json" report_all
row "${many_count}x$many_rows" "reach trend --format json" trend

if [ "$(get duckdb_1m.s)" != - ] || [ "$(get duckdb_4m.s)" != - ]; then
	echo
	echo "reach against DuckDB (two threads each)"
	printf '%-9s %-28s %10s %10s\n' size "" seconds "peak MiB"
	for size in 1m 4m; do
		[ "$(get "duckdb_$size.s")" = - ] && continue
		printf '%-9s %-28s %10s %10s\n' "$(upper "$size")" "reach ingest + report" \
			"$(add "$(get "ingest_$size.s")" "$(get "report_$size.s")")" \
			"$(most "$(get "ingest_$size.mib")" "$(get "report_$size.mib")")"
		printf '%-9s %-28s %10s %10s\n' "$(upper "$size")" "DuckDB load + count" \
			"$(add "$(get "duckload_$size.s")" "$(get "duckcount_$size.s")")" "$(get "duckdb_$size.mib")"
		printf '%-9s %-28s %10s\n' "$(upper "$size")" "reach report / DuckDB count" \
			"$(ratio "$(get "report_$size.s")" "$(get "duckcount_$size.s")")"
	done
fi

# target LABEL VALUE OP LIMIT UNIT DECIMALS: VALUE against the target: PASS,
# MISS, "not run" when its step was not selected (VALUE -), "failed" when it
# failed (VALUE n/a).
target() {
	awk -v label="$1" -v v="$2" -v op="$3" -v lim="$4" -v unit="$5" -v dp="$6" 'BEGIN {
		if (v == "-") { shown = "-"; verdict = "not run" }
		else if (v !~ /^[0-9.]+$/) { shown = "n/a"; verdict = "failed" }
		else {
			shown = sprintf("%." dp "f", v) unit
			ok = (op == "<=" && v <= lim) || (op == ">=" && v >= lim) || (op == "<" && v < lim)
			verdict = ok ? "PASS" : "MISS"
		}
		printf "%-38s %12s   %-2s %-8s %s\n", label, shown, op, lim unit, verdict
	}'
}
ms() { # ms SECONDS: milliseconds, or the same mark
	awk -v s="$1" 'BEGIN { if (s ~ /^[0-9.]+$/) printf "%.1f", s * 1000; else print s }'
}
ratio_or_mark() { # like ratio, but - when either is -
	if [ "$1" = - ] || [ "$2" = - ]; then echo -; else ratio "$1" "$2"; fi
}

echo
echo "Targets (issue 14)"
target "report --format json, 4M" "$(ms "$(get report_4m.s)")" "<" 50 " ms" 0
target "report --format json --weighted, 4M" "$(ms "$(get weighted_4m.s)")" "<" 100 " ms" 0
target "report --all, 200 x 5,000" "$(ms "$(get report_all.s)")" "<" 200 " ms" 0
target "trend, 200 x 5,000" "$(ms "$(get trend.s)")" "<" 200 " ms" 0
for size in 1m 4m; do
	target "ingest / bare parse, $(upper "$size")" "$(ratio_or_mark "$(get "ingest_$size.s")" "$(get "bare_$size.s")")" "<=" 1.3 "" 2
done
for size in 1m 4m; do
	target ".import / ingest, $(upper "$size")" "$(ratio_or_mark "$(get "import_$size.s")" "$(get "ingest_$size.s")")" ">=" 3.5 "" 2
done
for size in 1m 4m 16m; do
	target "ingest peak memory, $(upper "$size")" "$(get "ingest_$size.mib")" "<" 64 " MiB" 1
done
[ "$scale" -eq 1 ] || echo "(BENCH_SCALE=$scale: scaled-down sizes; these verdicts say nothing about the targets)"

echo
[ -r /proc/loadavg ] && echo "load average at the end: $(cut -d' ' -f1 /proc/loadavg)"
echo "bench: $(($(date +%s) - started)) s in all$([ "$failed" -eq 0 ] || echo "; a step FAILED (named above)")"
exit $failed
