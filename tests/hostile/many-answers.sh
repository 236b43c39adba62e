#!/bin/sh
# many-answers.sh ROWS [WIDTH] — writes to stdout a synthetic export built to
# grow memory: twelve closed questions whose first 1,000 answers repeat (so
# each is read as a closed question, its answers coded in a dictionary), and
# whose every later answer is new and WIDTH bytes long (default 200). Used
# to measure reach's peak memory (README, "Limits"); never committed as a file.
rows=${1:?rows}; width=${2:-200}
awk -v rows="$rows" -v width="$width" 'BEGIN {
	printf "id,What is your sex?,What is your age?"
	for (q = 1; q <= 12; q++) printf ",Q%d How much do you agree with proposal %d?", q, q
	printf "\n"
	pad = ""; while (length(pad) < width) pad = pad "x"
	for (i = 1; i <= rows; i++) {
		printf "%d,%s,%d", i, i % 2 ? "Female" : "Male", 20 + i % 60
		for (q = 1; q <= 12; q++)
			if (i <= 1000) printf ",%s", (i + q) % 3 ? "Agree" : "Disagree"
			else printf ",%s", substr(i "-" q "-" pad, 1, width)
		printf "\n"
	}
}'
