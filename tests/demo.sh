#!/bin/sh
# demo.sh REACH DB — the main job on the shipped sample data: ingests every
# synthetic export listed in seeds/samples/consultations.csv into a fresh
# database DB, shows what is held, reports who the latest consultation
# reached and missed, and what that means for the action plans. (The
# listing's fields hold no commas.)
set -eu
reach=$1 db=$2
mkdir -p "$(dirname "$db")"
rm -f "$db"
tail -n +2 seeds/samples/consultations.csv |
while IFS=, read -r file slug title platform opened closed min_age; do
	"$reach" --db "$db" ingest "seeds/samples/$file" --consultation "$slug" --title "$title" \
		--platform "$platform" --opened "$opened" --closed "$closed" --min-age "$min_age"
done
echo
"$reach" --db "$db" list
latest=$(tail -n 1 seeds/samples/consultations.csv | cut -d , -f 2)
echo
echo "== reach report $latest"
"$reach" --db "$db" report "$latest"
echo
echo "== reach actions"
"$reach" --db "$db" actions
page="$(dirname "$db")/$latest.html"
"$reach" --db "$db" report "$latest" --format html > "$page" || true
echo
echo "Database: $db; the report for the review meeting: $page"
echo "Try: $reach --db $db report --all --format json"
