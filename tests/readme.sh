#!/bin/sh
# readme.sh README — runs the examples of README.md and checks their output,
# so that the documentation cannot drift from the program.
#
# In every fenced block, a line "$ COMMAND" (continued by a trailing "\") is
# run with sh, and the lines after it, up to the next "$ " line or the end
# of the block, are what it must print (stdout and stderr together). A line
# "..." stands for any number of lines. A block whose first line is
# "# FILE" is written to FILE instead. Blocks with no "$ " line are prose.
# Run from a directory where the examples' files are; exits non-zero and
# shows the difference when an example's output differs.
readme=$1
work=$(mktemp -d)
awk -v dir="$work" '
	/^```/ { if (inblock) { inblock = 0; if (file != "") close(file); file = "" } else { inblock = 1; first = 1; cur = 0 } next }
	!inblock { next }
	first && /^# [^ ]+$/ { file = substr($0, 3); first = 0; next }
	{ first = 0 }
	file != "" { print > file; next }
	/^\$ / { n++; cur = 1; cmd = substr($0, 3); cont = (cmd ~ /\\$/)
		print cmd > (dir "/cmd." n); close(dir "/cmd." n); printf "" > (dir "/want." n); next }
	cont { print >> (dir "/cmd." n); cont = ($0 ~ /\\$/); next }
	cur { print >> (dir "/want." n) }
' "$readme"
status=0 i=1
while [ -f "$work/cmd.$i" ]; do
	sh "$work/cmd.$i" > "$work/got.$i" 2>&1
	# Compare, a "..." line in what is wanted matching any lines.
	if ! awk -v want="$work/want.$i" '
		BEGIN { while ((getline line < want) > 0) w[++m] = line }
		{ g[++n] = $0 }
		END {
			i = 1; j = 1
			while (i <= m) {
				if (w[i] == "...") {
					if (i == m) exit 0
					while (j <= n && g[j] != w[i + 1]) j++
					if (j > n) exit 1
					i++; continue
				}
				if (j > n || g[j] != w[i]) exit 1
				i++; j++
			}
			exit j <= n
		}' "$work/got.$i"; then
		echo "README example differs: \$ $(head -n 1 "$work/cmd.$i")"
		diff "$work/want.$i" "$work/got.$i" | head -n 20
		status=1
	fi
	i=$((i + 1))
done
rm -rf "$work"
exit $status
