#!/bin/sh
# many.sh GEN_EXPORT REACH DB COUNT ROWS — fills DB, which must not exist, with
# COUNT consultations of ROWS responses each, for make bench's report --all
# and trend steps. Run from the repository root by bench/run.sh.
#
# Consultation I (0 to COUNT-1) is slug bench-III, title "Bench consultation
# III", made by GEN_EXPORT --layout bench --seed 5000+I, opening in year
# 2021 + I*5/COUNT (so that the set spans five years, and consultations
# before 2022 ask the ethnic group in the Census 2011 wording), a week apart
# within its year; its title, opening and closing days come from the
# generator's --meta line. Each export is streamed into reach ingest -, never
# written to disk. Everything in it is synthetic.
# Exit status 0, or 1 naming the consultation that failed (DB is then
# removed, so that a half-made set is never kept).
set -u

[ $# -eq 5 ] || { echo "usage: sh bench/many.sh GEN_EXPORT REACH DB COUNT ROWS" >&2; exit 2; }
gen=$1 reach=$2 db=$3 count=$4 rows=$5

fail() {
	echo "many: $*" >&2
	rm -f "$db" "$db-wal" "$db-shm" "$db-journal"
	exit 1
}

[ ! -e "$db" ] || { echo "many: $db already exists" >&2; exit 2; }
i=0
while [ "$i" -lt "$count" ]; do
	year=$((2021 + i * 5 / count))
	nth=$((i * 5 % count / 5))                 # its place in its year, from 0
	slug=$(printf 'bench-%03d' "$i")
	opened=$(date -d "$year-01-05 + $((nth * 7 % 330)) days" +%F) || fail "$slug: date cannot count days"
	set -- --layout bench --rows "$rows" --seed $((5000 + i)) --year "$year" --opened "$opened" \
		--title "$(printf 'Bench consultation %03d' "$i")"
	meta=$("$gen" "$@" --meta) || fail "$slug: gen_export --meta failed"
	title=${meta%%,*}
	closed=$(echo "$meta" | cut -d, -f4)
	"$gen" "$@" | "$reach" --quiet --db "$db" ingest - --consultation "$slug" --title "$title" \
		--opened "$opened" --closed "$closed" > /dev/null 2> "$db.err" ||
		fail "$slug: reach ingest failed: $(head -n 3 "$db.err")"
	i=$((i + 1))
done
rm -f "$db.err"
