#!/bin/sh
# run.sh REACH SHIM — the fault-injection tests: reach run under faults that
# a test case cannot make by itself, each checked for what the README's
# "What it promises under faults" says. SHIM is tests/fault/shim.c built as
# a shared object (LD_PRELOAD): a full disk or an I/O error after N bytes
# written to the database, and an export changed while it is read. Ends with
# "N passed, N failed". All the exports here are synthetic, made below.
#
# FAULT_ROUNDS (default 10) sets how often the random kills and the
# concurrent first use are repeated; FAULT_BATCH_ROUNDS (default 6) how often
# a batch is killed.
reach=$1 shim=$2
top=$(cd "$(dirname "$0")/../.." && pwd)
rounds=${FAULT_ROUNDS:-10}
passed=0 failed=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
# An ASan build of reach must not insist on being first in the library list.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
unset REACH_DB

pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL fault: $*"; }

# export.sh FILE ROWS FIRST — a synthetic export of ROWS responses, ids from FIRST.
make_export() {
	awk -v rows="$2" -v first="$3" 'BEGIN {
		print "Response ID,What is your age?,What is your sex?,Are your day-to-day activities limited?"
		for (i = first; i < first + rows; i++)
			printf "%d,%d,%s,%s\n", i, 16 + i % 70, (i % 3 ? "Female" : "Male"), (i % 5 ? "No" : "\"Yes, a little\"")
	}' > "$1"
}

# The database's dump, without what differs between two equal databases.
dump() { sqlite3 "$1" .dump; }
integrity() { sqlite3 "$1" "PRAGMA integrity_check;"; }
# A consultation is whole when its source is finished, its blocks hold every response it counts, and
# so do its counts kept at ingest: the responses by day, and each combination of questions counted.
whole() {
	sqlite3 "$1" "SELECT s.sha256 IS NOT NULL AND s.responses = $3 AND
		(SELECT coalesce(sum(b.responses), 0) FROM response_blocks b WHERE b.source_id = s.id) = $3 AND
		(SELECT coalesce(sum(a.responses), 0) FROM answer_counts a WHERE a.source_id = s.id AND a.slots = '') = $3 AND
		NOT EXISTS (SELECT 1 FROM answer_counts a WHERE a.source_id = s.id GROUP BY a.kind, a.slots
			HAVING sum(a.responses) <> $3)
		FROM consultations c JOIN sources s ON s.consultation_id = c.id WHERE c.slug = '$2';"
}
under_faults() { LD_PRELOAD="$shim" FAULT_DIR="$work/" "$@"; }

make_export small.csv 50 1
make_export big.csv 60000 1000
make_export other.csv 40000 500000

# 1. A full disk (or an I/O error) at any point of an ingest, of a --replace
# and of a first ingest into a new database: a non-zero exit, nothing said on
# standard output, and the database exactly as it was.
"$reach" --db held.db ingest small.csv --consultation held > /dev/null 2>&1
dump held.db > held.sql
for errno in ENOSPC EIO; do
	for after in 0 2000 20000 200000 1000000; do
		for how in new replace; do
			if [ $how = new ]; then set -- --consultation big; else set -- --consultation held --replace; fi
			under_faults env FAULT_AFTER=$after FAULT_ERRNO=$errno "$reach" --db held.db ingest big.csv "$@" \
				> out.txt 2> err.txt
			status=$?
			what="$errno after $after bytes, ingest ($how)"
			if [ $status = 0 ] || [ -s out.txt ]; then fail "$what: exit $status, stdout: $(head -c 200 out.txt)"
			elif ! dump held.db | cmp -s - held.sql; then fail "$what: the database changed"
			elif [ "$(integrity held.db)" != ok ]; then fail "$what: integrity check failed"
			else pass; fi
		done
	done
done
# The same when standard output is on the full disk too: the exit says so.
under_faults env FAULT_AFTER=20000 "$reach" --db held.db ingest big.csv --consultation big > /dev/full 2> err.txt
status=$?
if [ $status = 0 ]; then fail "full disk, stdout on /dev/full: exit 0"; else pass; fi
# A first ingest into a new database on a full disk.
for after in 0 5000 50000 500000; do
	rm -f new.db
	under_faults env FAULT_AFTER=$after "$reach" --db new.db ingest big.csv --consultation big > out.txt 2> err.txt
	status=$?
	if [ $status = 0 ] || [ -s out.txt ]; then fail "new database, full after $after bytes: exit $status"
	elif [ -e new.db ] && [ "$(sqlite3 new.db 'SELECT count(*) FROM sqlite_schema WHERE name = "consultations"' 2>&1)" = 1 ] &&
	    [ "$(sqlite3 new.db 'SELECT count(*) FROM consultations')" != 0 ]; then fail "new database, full after $after bytes: a consultation stored"
	else pass; fi
done

# 2. An I/O error on standard output: a non-zero exit, whatever the command.
cp held.db out.db
"$reach" --db out.db ingest big.csv --consultation out > /dev/full 2> err.txt
status=$?
if [ $status = 0 ]; then fail "ingest with stdout on /dev/full: exit 0"; else pass; fi
"$reach" --db held.db export held > /dev/full 2> err.txt
status=$?
if [ $status = 0 ]; then fail "export with stdout on /dev/full: exit 0"; else pass; fi

# 3. SIGKILL at a random moment of an ingest and of a --replace: the
# database passes its integrity check and holds each consultation whole (the
# old one or the new one), never half. The delays are drawn over the time
# the two take; at least one round must have killed them on the way. The
# consultations taken out between rounds go with their files and counts
# (foreign keys on, as reach has them): a file left behind would make the
# next --replace of it fail at once as a duplicate, and nothing be killed.
make_export kill_old.csv 300000 1
make_export kill_new.csv 200000 2000000
rm -f kill.db
"$reach" --db kill.db ingest kill_old.csv --consultation swap > /dev/null 2>&1
start=$(date +%s%N)
"$reach" --db kill.db ingest kill_new.csv --consultation timing > /dev/null 2>&1
took=$(( ($(date +%s%N) - start) / 1000000 ))
sqlite3 kill.db "PRAGMA foreign_keys = ON; DELETE FROM consultations WHERE slug = 'timing'"
old=300000 new=200000 killed=0
i=0
while [ $i -lt "$rounds" ]; do
	i=$((i + 1))
	delay=$(awk -v seed="$i$$" -v ms="$took" 'BEGIN { srand(seed); printf "%.3f", rand() * ms * 1.2 / 1000 }')
	"$reach" --db kill.db ingest kill_new.csv --consultation swap --replace > /dev/null 2>&1 &
	pid=$!
	"$reach" --db kill.db ingest small.csv --consultation "k$i" > /dev/null 2>&1 &
	pid2=$!
	sleep "$delay"
	kill -9 $pid $pid2 2> /dev/null
	wait $pid 2> /dev/null
	[ $? = 137 ] && killed=$((killed + 1))
	wait $pid2 2> /dev/null
	what="kill after $delay s"
	if [ "$(integrity kill.db)" != ok ]; then fail "$what: integrity check: $(integrity kill.db | head -n 3)"
	elif [ "$(whole kill.db swap $old)" != 1 ] && [ "$(whole kill.db swap $new)" != 1 ]; then
		fail "$what: the replaced consultation is neither the old nor the new one whole"
	elif [ -n "$(sqlite3 kill.db "SELECT 1 FROM consultations WHERE slug = 'k$i'")" ] && [ "$(whole kill.db "k$i" 50)" != 1 ]; then
		fail "$what: a half ingest of k$i"
	else pass; fi
	# Swap back, so that each round can replace again.
	if [ "$(whole kill.db swap $new)" = 1 ]; then
		"$reach" --db kill.db ingest kill_old.csv --consultation swap --replace > /dev/null 2>&1
	fi
	sqlite3 kill.db "PRAGMA foreign_keys = ON; DELETE FROM consultations WHERE slug = 'k$i'"
done
if [ $killed = 0 ]; then fail "no round killed a --replace on the way ($took ms)"; else pass; fi
echo "fault: $killed of $rounds --replace killed on the way (one takes $took ms)" >&2

# 4. Concurrent first use: eight ingests started together on a database
# file that does not exist yet. Every one that reported success has its
# consultation in the database afterwards, and the database is sound.
for p in 1 2 3 4 5 6 7 8; do make_export "c$p.csv" 300 $((p * 10000)); done
i=0
while [ $i -lt "$rounds" ]; do
	i=$((i + 1))
	rm -f first.db first.db-journal
	pids=
	for p in 1 2 3 4 5 6 7 8; do
		("$reach" --db first.db ingest "c$p.csv" --consultation "c$p" > "o$p.txt" 2> "e$p.txt"; echo $? > "s$p.txt") &
		pids="$pids $!"
	done
	wait $pids
	ok=1
	for p in 1 2 3 4 5 6 7 8; do
		stored=$(sqlite3 first.db "SELECT count(*) FROM consultations WHERE slug = 'c$p'" 2>&1)
		if [ "$(cat "s$p.txt")" = 0 ] && [ "$stored" != 1 ]; then
			ok=0; fail "concurrent first use, round $i: c$p reported success and is not stored"
		elif [ "$(cat "s$p.txt")" != 0 ]; then
			ok=0; fail "concurrent first use, round $i: c$p failed: $(cat "e$p.txt")"
		fi
	done
	if [ "$(integrity first.db)" != ok ]; then ok=0; fail "concurrent first use, round $i: integrity check"; fi
	[ $ok = 1 ] && pass
done

# 5. An export changed while it is read (cut to half, or a row added at its
# end): refused, exit 1, and nothing stored.
for how in truncate append; do
	cp big.csv changing.csv
	LD_PRELOAD="$shim" FAULT_CHANGE="$work/changing.csv" FAULT_CHANGE_AT=300000 FAULT_CHANGE_HOW=$how \
		FAULT_CHANGE_LINE=9999999,40,Male,No "$reach" --db held.db ingest changing.csv --consultation changing --ragged \
		> out.txt 2> err.txt
	status=$?
	if [ $status != 1 ] || [ -s out.txt ]; then fail "export changed ($how): exit $status, stdout: $(head -c 200 out.txt)"
	elif ! grep -q "changed while it was read" err.txt; then fail "export changed ($how): $(cat err.txt)"
	elif ! dump held.db | cmp -s - held.sql; then fail "export changed ($how): the database changed"
	else pass; fi
done

# 6. SIGKILL at a random moment of a batch (three synthetic samples of
# seeds/samples): every report left in its folders is whole (the HTML ends,
# the JSON parses), the database is sound and each consultation whole, and a
# batch run again afterwards finishes the work.
batch_rounds=${FAULT_BATCH_ROUNDS:-6}
samples="synthetic_2019_surveymonkey_leisure synthetic_2021_googleforms_towncentre synthetic_2023_msforms_waste"
batch_folder() {
	rm -rf batch batch.db* && mkdir batch
	for f in $samples; do cp "$top/seeds/samples/$f.csv" batch/; done
	grep -e '^file' -e 2019_surveymonkey -e 2021_googleforms -e 2023_msforms "$top/seeds/samples/consultations.csv" \
		> batch/consultations.csv
}
batch_folder
start=$(date +%s%N)
"$reach" --db batch.db batch batch > /dev/null 2>&1
took=$(( ($(date +%s%N) - start) / 1000000 ))
killed=0 i=0
while [ $i -lt "$batch_rounds" ]; do
	i=$((i + 1))
	batch_folder
	delay=$(awk -v seed="$i$$" -v ms="$took" 'BEGIN { srand(seed); printf "%.3f", rand() * ms / 1000 }')
	"$reach" --db batch.db batch batch > /dev/null 2>&1 &
	pid=$!
	sleep "$delay"
	kill -9 $pid 2> /dev/null
	wait $pid 2> /dev/null
	[ $? = 137 ] && killed=$((killed + 1))
	what="batch killed after $delay s"
	cut=
	for f in batch/reports/*.html; do
		[ -f "$f" ] && ! tail -c 16 "$f" | grep -q '</html>' && cut="$cut $f"
	done
	for f in batch/reports-private/*.json; do
		[ -f "$f" ] && ! jq empty "$f" 2> /dev/null && cut="$cut $f"
	done
	if [ -n "$cut" ]; then fail "$what: reports cut short:$cut"; continue; fi
	if [ -e batch.db ] && [ "$(integrity batch.db)" != ok ]; then fail "$what: integrity check"; continue; fi
	half=
	if [ -e batch.db ]; then
		for slug in $(sqlite3 batch.db "SELECT slug FROM consultations" 2> /dev/null); do
			n=$(sqlite3 batch.db "SELECT s.responses FROM sources s JOIN consultations c ON c.id = s.consultation_id WHERE c.slug = '$slug'")
			[ "$(whole batch.db "$slug" "$n")" = 1 ] || half="$half $slug"
		done
	fi
	if [ -n "$half" ]; then fail "$what: consultations stored in part:$half"; continue; fi
	"$reach" --db batch.db batch batch > /dev/null 2> err.txt
	status=$?
	if [ $status != 0 ]; then fail "$what: the batch run again: exit $status: $(head -n 3 err.txt)"; continue; fi
	if [ "$(ls batch/reports/*.html | wc -l)" != 3 ]; then fail "$what: the batch run again left $(ls batch/reports/*.html | wc -l) reports"; continue; fi
	pass
done
if [ $killed = 0 ]; then fail "no round killed a batch on the way ($took ms)"; else pass; fi
echo "fault: $killed of $batch_rounds batches killed on the way (one takes $took ms)" >&2

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
