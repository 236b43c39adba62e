#!/bin/sh
# samples.sh — regenerates seeds/samples/: the synthetic sample exports and
# consultations.csv (file,slug,title,platform,opened,closed,min_age).
# Run from the repository root. Builds bench/gen_export into bench/out/.
# Every file it writes is synthetic: made by bench/gen_export.c, not real
# residents' responses.
set -eu

out=bench/out
dir=seeds/samples
[ -f bench/gen_export.c ] || { echo "samples: run from the repository root" >&2; exit 2; }
mkdir -p "$out" "$dir"
cc -O2 -std=c11 -Wall -Wextra -Werror -pedantic -D_POSIX_C_SOURCE=200809L \
	-o "$out/gen_export" bench/gen_export.c

# file | slug | generator arguments
samples='
synthetic_2018_citizenspace_parking.csv|parking-2018|--layout citizenspace --rows 700 --seed 2018 --year 2018 --topic parking --age bands --ethnic 2011 --disability one --min-age 16
synthetic_2019_surveymonkey_leisure.csv|leisure-2019|--layout surveymonkey --rows 500 --seed 2019 --year 2019 --topic leisure --age bands-to --ethnic 2011 --disability one --min-age 11
synthetic_2020_qualtrics_localplan.csv|localplan-2020|--layout qualtrics --rows 600 --seed 2020 --year 2020 --topic localplan --age birth-year --ethnic broad --disability one --min-age 18
synthetic_2021_googleforms_towncentre.csv|towncentre-2021|--layout googleforms --rows 450 --seed 2021 --year 2021 --topic towncentre --age age --ethnic 2011 --disability two --min-age 16
synthetic_2022_letstalk_budget.csv|budget-2022|--layout letstalk --rows 900 --seed 2022 --year 2022 --topic budget --age bands-85 --ethnic 2021 --disability two --min-age 16
synthetic_2023_msforms_waste.csv|waste-2023|--layout msforms_excel --rows 400 --seed 2023 --year 2023 --topic waste --age dob --ethnic 2021 --disability one --min-age 18
synthetic_2025_letstalk_parking.csv|parking-2025|--layout letstalk --rows 1200 --seed 2025 --year 2025 --topic parking --age bands-endash --ethnic 2021 --disability two --min-age 16
'

echo "file,slug,title,platform,opened,closed,min_age" > "$dir/consultations.csv.tmp"
echo "$samples" | while IFS='|' read -r file slug args; do
	[ -n "$file" ] || continue
	# shellcheck disable=SC2086  # args is a list of words
	"$out/gen_export" $args > "$dir/$file.tmp"
	mv "$dir/$file.tmp" "$dir/$file"
	# shellcheck disable=SC2086
	printf '%s,%s,%s' "$file" "$slug" "$("$out/gen_export" $args --meta)" >> "$dir/consultations.csv.tmp"
	echo >> "$dir/consultations.csv.tmp"
	echo "samples: $dir/$file ($(wc -c < "$dir/$file" | tr -d ' ') bytes)"
done
mv "$dir/consultations.csv.tmp" "$dir/consultations.csv"
echo "samples: $dir/consultations.csv"

# A consultation followed while it is open (reach progress): its responses
# arrive over six weeks, the groups it under-reaches later, after targeted
# outreach from day 21. In a folder of its own, with its own
# consultations.csv, so that the samples above stay as they are.
open=$dir/open
file=synthetic_2026_letstalk_localplan.csv
args='--layout letstalk --rows 1500 --seed 2026 --year 2026 --topic localplan --age bands-85 --ethnic 2021 --disability two --min-age 16 --outreach 21'
mkdir -p "$open"
# shellcheck disable=SC2086
"$out/gen_export" $args > "$open/$file.tmp"
mv "$open/$file.tmp" "$open/$file"
# shellcheck disable=SC2086
printf 'file,slug,title,platform,opened,closed,min_age\n%s,localplan-2026,%s\n' "$file" \
	"$("$out/gen_export" $args --meta)" > "$open/consultations.csv"
echo "samples: $open/$file ($(wc -c < "$open/$file" | tr -d ' ') bytes), $open/consultations.csv"
