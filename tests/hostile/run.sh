#!/bin/sh
# run.sh — runs reach on every file of the hostile-input corpus beside it, each
# through the command that reads its kind, and prints for each one line
# "KIND/FILE: exit N" and what reach said on stderr (control characters shown
# by cat -v). Run by the golden case hostile-corpus from a scratch folder,
# with reach on PATH; its expected.out is the expected outcome of every file.
here=$(cd "$(dirname "$0")" && pwd)
sample="$here/../../seeds/samples/synthetic_2018_citizenspace_parking.csv"
small="$here/../data/exports/equality_synthetic.csv"
cp "$small" small.csv

# outcome LABEL COMMAND...: runs COMMAND, prints its exit status and stderr
outcome() {
	label=$1; shift
	"$@" > out.txt 2> err.txt
	echo "$label: exit $?"
	sed 's/^/    /' err.txt | cat -v
}

for kind in exports profiles taxonomies baselines plans; do
	mkdir -p "$kind"
	for f in "$here/$kind"/*; do
		name=$(basename "$f"); cp "$f" "$kind/$name"; rm -f t.db
		case $kind in
		exports) outcome "$kind/$name" reach --db t.db ingest "$kind/$name" --consultation x ;;
		profiles) outcome "$kind/$name" reach columns small.csv --profile "$kind/$name" ;;
		taxonomies) outcome "$kind/$name" reach columns small.csv --taxonomy "$kind/$name" ;;
		baselines) outcome "$kind/$name" reach --db t.db baseline import "$kind/$name" ;;
		plans) outcome "$kind/$name" reach --db t.db plan import "$kind/$name" ;;
		esac
	done
done
for f in "$here"/metadata/*; do
	name=$(basename "$f"); rm -rf batch t.db; mkdir batch
	cp "$sample" batch/a.csv; cp "$f" batch/consultations.csv
	outcome "metadata/$name" reach --db t.db batch batch
	[ -d batch/reports ] && grep -c '<script' batch/reports/*.html | sed 's/^/    <script in the report: /'
done

# What cannot be a file in the corpus: a device that never ends, and folders.
mkdir folder
outcome "profile /dev/zero" reach columns small.csv --profile /dev/zero
awk 'BEGIN { for (i = 0; i < 120000; i++) print "# a comment line, again and again" }' > long-profile.txt
outcome "profile of 4 MB" reach columns small.csv --profile long-profile.txt
outcome "profile a folder" reach columns small.csv --profile folder
outcome "export a folder" reach --db t.db ingest folder --consultation x
outcome "taxonomy a folder" reach columns small.csv --taxonomy folder
outcome "baseline a folder" reach --db t.db baseline import folder
outcome "plan a folder" reach --db t.db plan import folder
rm -rf batch; mkdir -p batch/consultations.csv; cp "$sample" batch/a.csv
outcome "metadata a folder" reach --db t.db batch batch
rm -rf batch t.db; mkdir batch; cp "$sample" batch/_x.csv; cp "$sample" "batch/$(printf '%070d' 0).csv"
outcome "batch files whose names make no slug" reach --db t.db batch batch
