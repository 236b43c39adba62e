#!/bin/sh
# man.sh [--check] MANPAGE — writes the help of every command (help/commands.txt,
# the text `reach help` prints) into MANPAGE as its COMMAND SUMMARY section,
# between the lines '.\" BEGIN COMMAND SUMMARY' and '.\" END COMMAND SUMMARY'.
# With --check, changes nothing and exits 1 when MANPAGE's section is not what
# it would write: `make check` runs it, so the help and the manual cannot drift.
set -eu
check=0
[ "$1" = --check ] && { check=1; shift; }
man=$1
help=$(dirname "$0")/commands.txt
section=$(awk '
	function esc(s) {
		gsub(/\\/, "\\e", s); gsub(/-/, "\\-", s)
		if (s ~ /^[.\047]/) s = "\\&" s
		return s
	}
	/^#/ || /^$/ { next }
	/^@ / { name = substr($0, 3); part = ""
		print ".SS " (name == "global" ? "reach" : "reach " name); next }
	/^usage: / { print ".nf"; print esc($0); print ".fi"; print ".PP"; next }
	/^options:$/ { part = "options"; next }
	/^example:$/ { part = "example"; print ".PP"; print "Example:"; next }
	part == "options" && /^  -/ { sub(/^  /, ""); print ".TP"; print ".B " esc($0); next }
	part == "options" && /^      / { sub(/^ +/, ""); print esc($0); next }
	part == "example" { sub(/^ +/, ""); print ".IP"; print ".nf"; print esc($0); print ".fi"; next }
	{ print esc($0) }
' "$help")
new=$(awk -v section="$section" '
	/^\.\\" BEGIN COMMAND SUMMARY/ { print; print section; skip = 1; next }
	/^\.\\" END COMMAND SUMMARY/ { skip = 0 }
	!skip { print }
' "$man")
if [ "$check" = 1 ]; then
	if [ "$new" != "$(cat "$man")" ]; then
		echo "$man: its COMMAND SUMMARY is not help/commands.txt's: run sh help/man.sh $man" >&2
		exit 1
	fi
else
	printf '%s\n' "$new" > "$man.tmp" && mv "$man.tmp" "$man"
fi
