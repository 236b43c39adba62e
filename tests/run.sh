#!/bin/sh
# run.sh REACH UNIT_TEST... — runs every unit test binary, the fault-injection
# tests of tests/fault/ (when fault.so is built beside REACH), then every
# golden command-line case in tests/cases/, then the HTML reports in a browser
# (tests/browser/run.sh), and ends with "N passed, N failed".
#
# A golden case is a folder holding:
#   cmd              shell lines run in a scratch copy of the folder, with the
#                    reach under test first on PATH (and attack, the attacker
#                    of disclosure control built beside it, when there is one), REACH_DB unset and
#                    $DATA naming tests/data (shared input files)
#   expected.out     what stdout must be (missing: must be empty)
#   expected.err     what stderr must be (missing: must be empty)
#   expected.status  the exit status of cmd (missing: 0)
# plus any input files the commands read.
reach=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); shift
top=$(cd "$(dirname "$0")/.." && pwd)
passed=0 failed=0

# tally OUT RC NAME — adds the counts of a test program's last line "N passed, N failed".
tally() {
	out=$1 rc=$2 t=$3
	line=$(printf '%s\n' "$out" | tail -n 1)
	p=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
	f=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
	if [ -z "$p" ]; then
		echo "FAIL $t: crashed or printed no summary (exit $rc)"; printf '%s\n' "$out" | tail -n 20
		failed=$((failed + 1)); return
	fi
	[ "$f" != 0 ] || [ "$rc" != 0 ] && printf '%s\n' "$out" | grep -v 'passed, .* failed$'
	passed=$((passed + p)); failed=$((failed + f))
	[ "$rc" != 0 ] && [ "$f" = 0 ] && failed=$((failed + 1))
}

for t in "$@"; do
	out=$("$t" 2>&1); tally "$out" $? "$t"
done

# The fault-injection tests, with their LD_PRELOAD shim built beside reach.
shim=$(dirname "$reach")/fault.so
if [ -f "$shim" ]; then
	out=$(sh "$top/tests/fault/run.sh" "$reach" "$shim" 2>&1); tally "$out" $? tests/fault/run.sh
fi

bin=$(mktemp -d); ln -s "$reach" "$bin/reach"
attack=$(dirname "$reach")/attack
[ -x "$attack" ] && ln -s "$attack" "$bin/attack"
scratch=$(mktemp -d)
# Under SAN=1 each sanitizer report of a case goes to a file of its own, so
# that a leak is seen even where the case sends reach's standard error away;
# only what globals lead to counts as reachable at exit (see tests/fault/leaks.sh).
san="$scratch/.san"; mkdir "$san"
for c in "$top"/tests/cases/*/; do
	[ -f "$c/cmd" ] || continue
	name=$(basename "$c")
	work="$scratch/$name"; mkdir -p "$work"; cp -R "$c/." "$work/"
	(cd "$work" && unset REACH_DB && DATA="$top/tests/data" PATH="$bin:$PATH" LC_ALL=C TZ=UTC \
		ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}log_path=$san/report" \
		UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}log_path=$san/report" \
		LSAN_OPTIONS="${LSAN_OPTIONS:-use_stacks=0:use_registers=0:use_tls=0}" \
		sh ./cmd > "$work/.out" 2> "$work/.err"; echo $? > "$work/.status")
	want_status=0; [ -f "$c/expected.status" ] && want_status=$(cat "$c/expected.status")
	ok=1
	if [ -n "$(ls "$san")" ]; then
		ok=0; echo "FAIL $name: a sanitizer reported:"; cat "$san"/* | head -n 30; rm -f "$san"/*
	fi
	[ "$(cat "$work/.status")" = "$want_status" ] || { ok=0; echo "FAIL $name: exit $(cat "$work/.status"), want $want_status"; }
	for s in out err; do
		want="$c/expected.$s"; [ -f "$want" ] || want=/dev/null
		if ! cmp -s "$want" "$work/.$s"; then
			ok=0; echo "FAIL $name: std$s differs:"; diff "$want" "$work/.$s" | head -n 20
		fi
	done
	if [ $ok = 1 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
rm -rf "$bin" "$scratch"

# The HTML reports in headless Chromium (tests/browser/run.sh), counted check by check.
out=$(sh "$top/tests/browser/run.sh" "$reach" 2>&1)
line=$(printf '%s\n' "$out" | tail -n 1)
p=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
f=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
if [ -z "$p" ]; then
	echo "FAIL tests/browser/run.sh: crashed or printed no summary"; printf '%s\n' "$out" | tail -n 20
	failed=$((failed + 1))
else
	[ "$f" != 0 ] && printf '%s\n' "$out" | sed '$d'
	passed=$((passed + p)); failed=$((failed + f))
fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
