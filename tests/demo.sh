#!/bin/sh
# demo.sh REACH DB — the main job on the shipped sample data: ingests every
# synthetic export listed in seeds/samples/consultations.csv into a fresh
# database DB, then shows what is held. (The listing's fields hold no commas.)
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
echo
echo "Database: $db (try: $reach --db $db columns seeds/samples/synthetic_2025_letstalk_parking.csv)"
