#!/bin/sh
# run.sh REACH — the HTML reports in a real browser (check.mjs): every
# sample consultation's report, one with --weighted, a pooled report and the
# reports of a batch, made by REACH from seeds/samples/ in a scratch folder.
# Ends with "N passed, N failed". Needs `make deps` (Debian chromium and
# nodejs; the npm packages of package-lock.json in tests/browser/node_modules).
reach=$1
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
samples=$top/seeds/samples
if [ ! -d "$here/node_modules/puppeteer-core" ] || ! command -v node > /dev/null || [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
	echo "browser tests: chromium, node or tests/browser/node_modules missing: run make deps"
	echo "0 passed, 1 failed"
	exit 1
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
db=$scratch/reach.db
made=0 broken=0
tail -n +2 "$samples/consultations.csv" | {
	while IFS=, read -r file slug title platform opened closed min_age; do
		"$reach" --db "$db" ingest "$samples/$file" --consultation "$slug" --title "$title" \
			--platform "$platform" --opened "$opened" --closed "$closed" --min-age "$min_age" > /dev/null || exit 1
	done
} || { echo "browser tests: ingest of the samples failed"; echo "0 passed, 1 failed"; exit 1; }
page() {
	out=$1; shift
	if "$reach" --db "$db" report "$@" --format html > "$scratch/$out.html"; then
		made=$((made + 1))
	else
		echo "FAIL browser-$out: reach report $* --format html failed"; broken=$((broken + 1))
	fi
}
for slug in $(tail -n +2 "$samples/consultations.csv" | cut -d , -f 2); do
	page "$slug" "$slug"
done
page parking-2025-weighted parking-2025 --weighted
page pooled --all
mkdir "$scratch/batch"
cp "$samples/synthetic_2018_citizenspace_parking.csv" "$samples/synthetic_2021_googleforms_towncentre.csv" "$scratch/batch/"
grep -e '^file' -e 2018_citizenspace -e 2021_googleforms "$samples/consultations.csv" > "$scratch/batch/consultations.csv"
"$reach" --db "$scratch/batch.db" batch "$scratch/batch" > /dev/null ||
	{ echo "FAIL browser-batch: reach batch failed"; broken=$((broken + 1)); }
cd "$here" || exit 1
set -- "$scratch"/*.html "$scratch"/batch/reports/*.html
out=$(PAGES_ROOT="$scratch/" node check.mjs "$@" 2>&1)
printf '%s\n' "$out" | sed '$d'
line=$(printf '%s\n' "$out" | tail -n 1)
p=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
f=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
[ -n "$p" ] || { echo "browser tests: check.mjs crashed"; p=0 f=1; }
echo "$((p)) passed, $((f + broken)) failed"
[ $((f + broken)) = 0 ]
