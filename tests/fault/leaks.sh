#!/bin/sh
# leaks.sh REACH [SHIM] — the error paths of reach run under LeakSanitizer
# (make leaks; REACH built with SAN=1, SHIM tests/fault/shim.c):
#  1. every option of every command, as help/commands.txt lists them, given
#     no value, an empty, bad, out-of-range or hostile value, a missing
#     file, a folder or a path through a file, twice, or a value to a flag;
#     every usage error (unknown options, options that exclude each other,
#     too many or too few arguments); standard output on /dev/full;
#  2. every hostile-corpus file through every command that reads its kind,
#     also from standard input and on a terminal (script(1));
#  3. plans, indicators, baselines (long and Nomis) and exports with an
#     error at various lines;
#  4. errors in the middle of work: a locked database, a read-only database
#     file and folder, a full disk and an I/O error at four points (SHIM),
#     an export changed while read, no taxonomy, no census figures, a batch
#     folder with one bad export among good ones, standard output closed,
#     no gnuplot, damaged databases.
# A run fails when a sanitizer reports anything (a leak, a bad access,
# undefined behaviour), whatever the command's exit status. Ends with "N
# passed, N failed"; with a reach not built with SAN=1 it checks nothing.
# All the files it reads are synthetic: the repository's samples and
# hostile corpus, or made below.
# shellcheck disable=SC2086,SC2016 # command lines held as words are split on purpose; sh -c scripts
reach=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shim=${2:-}
[ -n "$shim" ] && shim=$(cd "$(dirname "$shim")" && pwd)/$(basename "$shim")
top=$(cd "$(dirname "$0")/../.." && pwd)
passed=0 failed=0
if ! ASAN_OPTIONS=help=1 "$reach" --version 2>&1 | grep -q detect_leaks; then
	echo "leaks: $reach is not built with SAN=1: nothing checked" >&2
	echo "0 passed, 0 failed"
	exit 0
fi
work=$(mktemp -d)
cleanup() {
	chattr -R -i "$work" 2> /dev/null
	chmod -R u+rwx "$work" 2> /dev/null
	rm -rf "$work"
}
trap cleanup EXIT
cd "$work" || exit 1
unset REACH_DB
mkdir san
# Every ASan and LeakSanitizer report goes to a file of its own
# (san/report.PID), so that one is seen even where a command's standard
# error is not; exit 23 on a leak. UBSan's "runtime error" goes to standard
# error whatever log_path says, so that is read too.
export ASAN_OPTIONS="detect_leaks=1:exitcode=23:verify_asan_link_order=0:log_path=$work/san/report"
export UBSAN_OPTIONS="print_stacktrace=1:log_path=$work/san/report"
# LeakSanitizer's usual check counts a block as reachable when any word of
# memory points to it, and a stale copy of a pointer on the stack or in a
# register at exit can hide a leak in one run and not the next (a file
# name one byte longer is enough). So only what globals lead to counts as
# reachable here: every other block still allocated at exit is reported.
export LSAN_OPTIONS="use_stacks=0:use_registers=0:use_tls=0"
export LC_ALL=C TZ=UTC REACH_BUSY_TIMEOUT=0

# check LABEL COMMAND...: runs COMMAND in the scratch folder on a fresh copy
# of the database (t.db); fails when a sanitizer said anything.
check() {
	label=$1; shift
	cp good.db t.db
	"$@" < /dev/null > out.txt 2> err.txt
	status=$?
	reported
}
# reported: passes the run of LABEL just made (exit STATUS), or fails it with its report.
reported() {
	if [ -n "$(ls san)" ] || [ "$status" = 23 ] || grep -q -e Sanitizer -e 'runtime error' err.txt; then
		failed=$((failed + 1))
		echo "FAIL leaks: $label: exit $status"
		cat san/* err.txt 2> /dev/null | grep -e Sanitizer -e 'runtime error' -e 'leak of' -e '#[0-9] ' | head -n 16
		rm -f san/*
	else
		passed=$((passed + 1))
	fi
}
r() { "$reach" --db t.db "$@"; }

# The files: a consultation held (s1, open on the dates progress follows),
# an export, a profile, a taxonomy, a baseline, a plan and a batch folder.
cp "$top/tests/data/exports/equality_synthetic.csv" e.csv
cp "$top/tests/hostile/profiles/good.txt" profile.txt
printf 'dimension,match,pattern,code\nsex,exact,Woman,female\n' > tax.csv
cp "$top/seeds/baselines/E07000110_TS021_ethnicity.csv" base.csv
cp "$top/tests/data/census/census2021-ts009-ltla-trimmed.csv" nomis.csv
cp "$top/seeds/plans/mbc-2022.csv" plan.csv
cp "$top/seeds/plans/plans.csv" plans.csv
cp "$top/seeds/indicators.csv" indicators.csv
sample=$top/seeds/samples/synthetic_2018_citizenspace_parking.csv
mkdir dir charts bdir
cp "$sample" bdir/parking.csv
printf 'file,slug,title,platform,opened,closed,min_age\nparking.csv,parking-2018,Parking,citizenspace,2018-01-15,2018-02-25,16\n' \
	> bdir/consultations.csv
"$reach" --db good.db ingest e.csv --consultation s1 --opened 2024-01-01 --closed 2024-12-31 > /dev/null 2>&1
"$reach" --db good.db ingest "$sample" --consultation s2 --closed 2018-02-25 > /dev/null 2>&1
rm -f san/*
if [ "$("$reach" --db good.db list --format json 2> /dev/null | grep -o '"slug": "s[12]"' | wc -l)" != 2 ]; then
	echo "FAIL leaks: the two consultations every run starts from could not be ingested:"
	"$reach" --db setup.db ingest e.csv --consultation s1 2>&1 > /dev/null | head -n 5
	echo "0 passed, 1 failed"
	exit 1
fi
long=$(awk 'BEGIN { while (i++ < 300) printf "x" }')
esc=$(printf 'a\033[31mb"c$(d)\nline')
bad_utf8=$(printf 'caf\351')

# A good value of each option, for combinations and for the option given twice.
good() {
	case $1 in
	format) echo json ;; profile) echo profile.txt ;; taxonomy) echo tax.csv ;; dates) echo day-first ;;
	delimiter) echo , ;; encoding) echo utf-8 ;; consultation) echo n2 ;; title) echo Title ;;
	opened | from) echo 2000-01-01 ;; closed | to) echo 2030-01-01 ;; platform) echo letstalk ;;
	min-age) echo 18 ;; age-bands-offered) echo 16-24,25-34,35-44,45-54,55-64,65-74,75+ ;;
	suppress) echo 3 ;; round) echo 5 ;; charts) echo charts ;; geography) echo E07000110 ;;
	confidence) echo 0.9 ;; age-bands) echo 16-24,25-44,45-64,65+ ;; weight-cap) echo 3 ;; adjust) echo holm ;;
	plan) echo mbc-2022 ;; as-of) echo 2024-06-01 ;; reports) echo rep ;; private) echo priv ;;
	db) echo t.db ;; output) echo o.txt ;; *) echo x ;;
	esac
}
# The command lines each command's options are tried on (words without spaces).
bases() {
	case $1 in
	global) echo "list"; echo "report s1"; echo "ingest e.csv --consultation n" ;;
	columns) echo "columns e.csv" ;;
	ingest) echo "ingest e.csv --consultation n" ;;
	report) echo "report s1"; echo "report --all --format html" ;;
	trend) echo "trend" ;;
	actions) echo "actions" ;;
	batch) echo "batch bdir" ;;
	progress) echo "progress s1 --as-of 2024-06-01" ;;
	unmatched) echo "unmatched s1" ;;
	export) echo "export s1" ;;
	retag) echo "retag"; echo "retag s1" ;;
	baseline) echo "baseline list"; echo "baseline import base.csv"; echo "baseline use E07000110" ;;
	plan) echo "plan list"; echo "plan import plan.csv" ;;
	list) echo "list" ;;
	help) echo "help"; echo "help report" ;;
	esac
}

# 1. Every option of every command: "COMMAND NAME 1" for an option with a
# value, "COMMAND NAME 0" for a flag, from help/commands.txt.
awk '/^@ / { command = $2 } command && /^  (-., )?--[a-z-]+/ {
	sub(/^  (-., )?--/, ""); print command, $1, (NF > 1) }' "$top/help/commands.txt" > options.txt
commands=$(sed -n 's/^@ //p' "$top/help/commands.txt")
while read -r command name value; do
	bases "$command" > bases.txt
	while read -r base; do
		if [ "$value" = 0 ]; then
			label="$base --$name=1"; check "$label" r $base "--$name=1"
			label="$base --$name --$name"; check "$label" r $base "--$name" "--$name"
			label="$base --$name"; check "$label" r $base "--$name"
			continue
		fi
		label="$base --$name (no value)"; check "$label" r $base "--$name"
		label="$base --$name="; check "$label" r $base "--$name="
		label="$base --$name=x"; check "$label" r $base "--$name=x"
		label="$base --$name twice"; check "$label" r $base "--$name" "$(good "$name")" "--$name" x
		label="$base --$name good"; check "$label" r $base "--$name" "$(good "$name")"
		for v in "" x -1 0 1 99999999999999999999 0.5 1e400 nan 2024-02-30 2024-13-01 16-24,25-2 85+,16-24 ",,," \
		    nosuch/none.csv dir e.csv/x /dev/null - "$long" "$esc" "$bad_utf8"; do
			label="$base --$name '$v'"; check "$label" r $base "--$name" "$v"
		done
	done < bases.txt
done < options.txt
for command in $commands; do
	[ "$command" = global ] && continue
	bases "$command" > bases.txt
	while read -r base; do
		label="$base --bogus"; check "$label" r $base --bogus
		label="$base --formt json"; check "$label" r $base --formt json
		label="$base -x"; check "$label" r $base -x
		label="$base extra words"; check "$label" r $base extra words
		label="$base -- --all"; check "$label" r $base -- --all
		label="$base --help"; check "$label" r $base --help
		label="$base --version"; check "$label" r $base --version
		label="$base, stdout on /dev/full"; cp good.db t.db
		r $base < /dev/null > /dev/full 2> err.txt
		status=$?
		reported
	done < bases.txt
	label="$command alone"; check "$label" r "$command"
done
# The usage errors of two options together, and of the command line itself.
while read -r line; do
	label=$line; check "$label" r $line
done << 'EOF'
report s1 --round 5 --suppress 5
report s1 --round 5 --weighted
report s1 --all
report --all --from 2000-01-01 --to 2030-01-01
report --from 2000-01-01
report --to 2030-01-01
report --from 2030-01-01 --to 2000-01-01
report s1 --charts charts
report s1 --format json --charts charts
report s1 --format html --charts nosuch
report s1 --format html --charts e.csv
report s1 --weighted --weight-cap 0.5
report s1 --weighted --age-bands 16-24,25-44 --min-age 18
report s1 s2
report nosuch
report --from 1990-01-01 --to 1991-01-01
trend --round 5 --suppress 5
trend --from 2030-01-01 --to 2000-01-01
trend nosuch-code
trend bme 16-24 female nosuch --charts charts
actions --round 5 --suppress 5
actions --plan nosuch
actions --format md --as-of 1990-01-01
batch bdir --round 5 --suppress 5
batch nosuch
batch e.csv
batch bdir bdir
progress nosuch
progress s2
progress s1 --as-of 1990-01-01
progress s1 --format html --charts charts --as-of 2024-06-01
ingest e.csv
ingest e.csv --consultation ../x
ingest e.csv --consultation s1
ingest e.csv --consultation n --opened 2024-03-01 --closed 2024-01-01
ingest e.csv --consultation n --opened 2024-02-30
ingest nosuch.csv --consultation n
ingest dir --consultation n
ingest e.csv other.csv --consultation n
columns
columns nosuch.csv
columns dir
unmatched nosuch
export nosuch
retag nosuch
baseline
baseline import
baseline import nosuch.csv
baseline import dir
baseline import base.csv --geography E99999999
baseline list --format json
baseline import base.csv --format json
baseline use
baseline use E99999999
baseline use E07000110 extra
baseline nosuch
plan
plan import
plan import nosuch.csv
plan import dir
plan list extra
plan nosuch
help nosuch
help reprot
help report extra
reprot s1
nosuch
--nosuch
--qiet list
-o
--db
EOF
label="no command"; check "$label" "$reach"
label="--db nosuch/t.db list"; check "$label" "$reach" --db nosuch/t.db list
label="--db dir list"; check "$label" "$reach" --db dir list
label="--db e.csv list"; check "$label" "$reach" --db e.csv list
label="--db e.csv ingest"; check "$label" "$reach" --db e.csv ingest e.csv --consultation n
label="--db new.db report s1"; check "$label" "$reach" --db new.db report s1
label="-o dir report s1"; check "$label" r -o dir report s1
label="-o nosuch/o.txt report s1"; check "$label" r -o nosuch/o.txt report s1
label="-o /dev/full report s1"; check "$label" r -o /dev/full report s1
label="-o /dev/full export s1"; check "$label" r -o /dev/full export s1
label="REACH_DB=nosuch/t.db list"; check "$label" env REACH_DB=nosuch/t.db "$reach" list
# Chart folders whose names gnuplot cannot take (a quote) or that are too long for a path.
quoted="q'd\"ir" name=$(printf '%.250s' "$long")
deep=$name/$name/$name/$name/$name/$name/$name/$name/$name/$name/$name/$name/$name/$name/$name/$name/$name
mkdir -p "$quoted" "$name"
for d in "$quoted" "$name" "$deep"; do
	for line in "report s1 --format html" "report s2 --format md" "trend" "progress s1 --as-of 2024-06-01"; do
		label="$line --charts $(printf '%.40s' "$d")"; check "$label" r $line --charts "$d"
	done
done

# 2. The hostile corpus through every command that reads each kind.
for f in "$top"/tests/hostile/exports/*; do
	n=$(basename "$f")
	label="columns hostile $n"; check "$label" r columns "$f"
	label="columns hostile $n --format json"; check "$label" r columns "$f" --format json
	label="ingest hostile $n --replace"; check "$label" r ingest "$f" --consultation s1 --replace
	label="ingest hostile $n --ragged --keep-text"; check "$label" r ingest "$f" --consultation n --ragged --keep-text
	rm -rf mixed && mkdir mixed && cp "$sample" mixed/a.csv && cp "$sample" mixed/z.csv && cp "$f" "mixed/m-$n"
	label="batch: two good exports and hostile $n"; check "$label" r batch mixed
done
for f in "$top"/tests/hostile/profiles/*; do
	n=$(basename "$f")
	label="ingest --profile hostile $n"; check "$label" r ingest e.csv --consultation n --profile "$f"
	label="columns --profile hostile $n --format json"; check "$label" r columns e.csv --profile "$f" --format json
done
for f in "$top"/tests/hostile/taxonomies/*; do
	n=$(basename "$f")
	for line in "ingest e.csv --consultation n" "columns e.csv" "retag" "retag s1" "report s1" "report s1 --format html" \
	    "trend" "actions" "batch bdir" "baseline import base.csv" "plan import plan.csv"; do
		label="$line --taxonomy hostile $n"; check "$label" r $line --taxonomy "$f"
	done
	cp "$f" reach-taxonomy.csv
	label="report s1 with hostile $n beside the database"; check "$label" r report s1
	label="retag with hostile $n beside the database"; check "$label" r retag
	rm -f reach-taxonomy.csv
done
for f in "$top"/tests/hostile/baselines/*; do
	n=$(basename "$f")
	label="baseline import hostile $n"; check "$label" r baseline import "$f"
	label="baseline import hostile $n --geography E07000110"; check "$label" r baseline import "$f" --geography E07000110
done
for f in "$top"/tests/hostile/plans/*; do
	n=$(basename "$f")
	label="plan import hostile $n"; check "$label" r plan import "$f"
done
for f in "$top"/tests/hostile/metadata/*; do
	n=$(basename "$f")
	rm -rf meta && mkdir meta && cp "$sample" meta/a.csv && cp "$sample" meta/synthetic_2018_citizenspace_parking.csv
	cp "$f" meta/consultations.csv
	label="batch with hostile metadata $n"; check "$label" r batch meta
done

# A consultations.csv that cannot be read as a table at all. Before the
# metadata was checked row by row, each of these left the folder's list of
# exports unfreed: 8 bytes and, for responses.csv, the 14-byte name.
for kind in folder quote nul empty binary; do
	rm -rf meta && mkdir meta && cp "$sample" meta/responses.csv
	case $kind in
	folder) mkdir meta/consultations.csv ;;
	quote) printf 'file,slug\n"responses.csv,x\n' > meta/consultations.csv ;;
	nul) printf 'file,slug\nresp\000onses.csv,x\n' > meta/consultations.csv ;;
	empty) : > meta/consultations.csv ;;
	binary) head -c 3000 "$reach" > meta/consultations.csv ;;
	esac
	label="batch with consultations.csv unreadable as a table ($kind)"; check "$label" r batch meta
done
# The hostile exports from standard input, and on a terminal (the progress line drawn: script(1)).
for f in "$top"/tests/hostile/exports/*; do
	n=$(basename "$f")
	label="ingest - < hostile $n"; cp good.db t.db
	r ingest - --consultation n < "$f" > out.txt 2> err.txt
	status=$?
	reported
	label="columns - < hostile $n"
	r columns - < "$f" > out.txt 2> err.txt
	status=$?
	reported
	if command -v script > /dev/null; then
		label="ingest hostile $n on a terminal"; cp good.db t.db
		REACH_PROGRESS_INTERVAL=0 script -qec "'$reach' --db t.db ingest '$f' --consultation n" /dev/null \
			< /dev/null > out.txt 2> err.txt
		status=$?
		reported
	fi
done

# 3. Files with an error at various lines: plans, indicators, baselines (long and Nomis) and exports.
# spoil FILE LINE TEXT: FILE with its line LINE replaced by TEXT, into spoilt.csv.
spoil() { awk -v n="$2" -v text="$3" 'NR == n { print text; next } { print }' "$1" > spoilt.csv; }
for file in plan.csv plans.csv indicators.csv; do
	lines=$(wc -l < $file)
	for at in 1 2 3 $((lines / 2)) "$lines"; do
		for text in 'x' ',,,,,,,,,,,,,,,,,,,,,,' 'mbc-2022,"unclosed' 'a,b,c,2024-02-30,2024-13-01,x,y,z'; do
			spoil $file "$at" "$text"
			label="plan import $file, line $at: $text"; check "$label" r plan import spoilt.csv
		done
	done
done
for file in base.csv nomis.csv; do
	lines=$(wc -l < $file)
	for at in 1 2 3 $((lines / 2)) "$lines"; do
		for text in 'x' ',,,,,,,,,,' 'E07000110,"unclosed' \
		    'E07000110,Maidstone,2021-03-21,TS021,ethnicity_detailed,nosuch,0,,649,src' \
		    '"2021","Maidstone","E07000110",-5,x,99999999999999999999'; do
			spoil $file "$at" "$text"
			label="baseline import $file, line $at: $text"; check "$label" r baseline import spoilt.csv
			label="baseline import $file, line $at, one area: $text"
			check "$label" r baseline import spoilt.csv --geography E07000110
		done
	done
done
lines=$(wc -l < e.csv)
for at in 2 $((lines / 2)) "$lines"; do
	for text in '"unclosed' ',,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,' 'x'; do
		spoil e.csv "$at" "$text"
		label="ingest e.csv, line $at: $text"; check "$label" r ingest spoilt.csv --consultation n
		label="ingest e.csv --replace, line $at: $text"; check "$label" r ingest spoilt.csv --consultation s1 --replace
		label="columns e.csv, line $at: $text"; check "$label" r columns spoilt.csv
	done
done

# 4. Errors in the middle of work.
db_commands="ingest e.csv --consultation n|ingest e.csv --consultation s1 --replace|list|report s1|report --all --format html|trend|actions|batch bdir|progress s1 --as-of 2024-06-01|unmatched s1|export s1|retag|baseline import base.csv|baseline list|baseline use E07000110|plan import plan.csv|plan list"
# each_db_command LABEL PREFIX...: every command that opens the database, after PREFIX (which ends in reach --db t.db).
each_db_command() {
	what=$1; shift
	echo "$db_commands" | tr '|' '\n' > lines.txt
	while read -r line; do
		label="$line, $what"
		"$@" $line < /dev/null > out.txt 2> err.txt
		status=$?
		reported
	done < lines.txt
}
# A locked database: another process holds BEGIN EXCLUSIVE (reach does not wait: REACH_BUSY_TIMEOUT=0).
cp good.db t.db
{ echo 'BEGIN EXCLUSIVE;'; echo 'SELECT count(*) FROM consultations;'; sleep 30; } | sqlite3 t.db > /dev/null 2>&1 &
holder=$!
sleep 0.5
each_db_command "the database locked" "$reach" --db t.db
kill "$holder" 2> /dev/null
wait "$holder" 2> /dev/null
# A read-only database file, then a read-only folder (immutable for root, who ignores modes).
readonly_on() { if [ "$(id -u)" = 0 ]; then chattr +i "$1"; else chmod a-w "$1"; fi; }
readonly_off() { if [ "$(id -u)" = 0 ]; then chattr -i "$1"; else chmod u+w "$1"; fi; }
mkdir ro
cp good.db ro/t.db
if readonly_on ro/t.db 2> /dev/null; then
	each_db_command "a read-only database file" "$reach" --db ro/t.db
	readonly_off ro/t.db
	readonly_on ro
	each_db_command "a read-only folder" "$reach" --db ro/t.db
	label="new database in a read-only folder"; check "$label" "$reach" --db ro/new.db ingest e.csv --consultation n
	readonly_off ro
else
	echo "leaks: no read-only file could be made here: those runs skipped" >&2
fi
# A missing taxonomy (a folder, a file that is not there) and missing census figures.
mkdir reach-taxonomy.csv
each_db_command "reach-taxonomy.csv a folder" "$reach" --db t.db
rmdir reach-taxonomy.csv
cp good.db t.db
sqlite3 t.db 'DELETE FROM baselines; DELETE FROM meta WHERE key LIKE "%geography%";' 2> /dev/null
cp t.db nobase.db
each_db_command "no census figures" sh -c 'cp nobase.db t.db && exec "$0" "$@"' "$reach" --db t.db
for line in "report s1 --geography E99999999" "trend --geography E99999999" "actions --geography E99999999" \
    "progress s1 --geography E99999999" "batch bdir --geography E99999999" "report s1 --min-age 90" \
    "report s1 --age-bands 16-24 --min-age 16" "report s1 --weighted --geography E92000001"; do
	label=$line; check "$label" r $line
done
# A full disk and an I/O error at points of each command that writes the database.
if [ -n "$shim" ] && [ -f "$shim" ]; then
	for errno in ENOSPC EIO; do
		for after in 0 3000 30000 300000; do
			each_db_command "$errno after $after bytes" sh -c 'cp good.db t.db && exec "$0" "$@"' \
				env LD_PRELOAD="$shim" FAULT_DIR="$work/" FAULT_AFTER=$after FAULT_ERRNO=$errno "$reach" --db t.db
			rm -f new.db
			label="new database, $errno after $after bytes"
			LD_PRELOAD="$shim" FAULT_DIR="$work/" FAULT_AFTER=$after FAULT_ERRNO=$errno "$reach" --db new.db \
				ingest e.csv --consultation n > out.txt 2> err.txt
			status=$?
			reported
		done
	done
	for how in truncate append; do
		cp "$sample" changing.csv
		label="export changed while read ($how)"
		cp good.db t.db
		LD_PRELOAD="$shim" FAULT_CHANGE="$work/changing.csv" FAULT_CHANGE_AT=2000 FAULT_CHANGE_HOW=$how \
			FAULT_CHANGE_LINE=x,y "$reach" --db t.db ingest changing.csv --consultation n --ragged > out.txt 2> err.txt
		status=$?
		reported
	done
else
	echo "leaks: no fault shim: the full disk runs skipped" >&2
fi
# Standard output closed, and charts with no gnuplot on the PATH.
each_db_command "standard output closed" sh -c 'cp good.db t.db && exec "$0" "$@" >&-' "$reach" --db t.db
for line in "report s1 --format html --charts charts" "report s2 --format md --charts charts" "report s2 --format html" \
    "trend --charts charts" "progress s1 --as-of 2024-06-01 --format html --charts charts" "batch bdir"; do
	label="$line, no gnuplot"; check "$label" env PATH=/nonexistent "$reach" --db t.db $line
done
# A damaged database: one table dropped, a count changed.
for sql in 'DROP TABLE value_tags' 'DROP TABLE baselines' 'UPDATE meta SET value = 999 WHERE key = "schema_version"' \
    'UPDATE answer_values SET code = 0' 'UPDATE response_blocks SET responses = -1' 'DELETE FROM response_blocks'; do
	cp good.db bad.db
	sqlite3 bad.db "$sql" 2> /dev/null
	each_db_command "database after $sql" sh -c 'cp bad.db t.db && exec "$0" "$@"' "$reach" --db t.db
done

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
