#!/bin/sh
# deps.sh PACKAGE... — installs the Debian packages that are missing.
# As root: one apt-get update, then apt-get install. Otherwise: prints the
# command to run and fails. Silent when everything is there.
missing=
for p in "$@"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
	echo "reach: installing Debian packages:$missing"
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null ||
		{ echo "reach: apt-get install failed for:$missing" >&2; exit 1; }
else
	echo "reach: missing Debian packages:$missing" >&2
	echo "reach: run: sudo apt-get install$missing" >&2
	exit 1
fi
