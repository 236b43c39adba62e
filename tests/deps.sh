#!/bin/sh
# deps.sh PACKAGE... — installs the Debian packages that are missing.
# As root: one apt-get update, then apt-get install. Otherwise: prints the
# command to run and fails. Silent when everything is there.
# deps.sh --npm DIR — installs the npm packages of DIR/package-lock.json into
# DIR/node_modules (npm ci), when they are missing or older than the lock
# file; npm itself from Debian when there is none.
if [ "$1" = --npm ]; then
	dir=$2
	command -v npm > /dev/null || sh "$0" npm || exit 1
	[ -f "$dir/node_modules/.package-lock.json" ] && [ ! "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ] &&
		exit 0
	echo "reach: installing the npm packages of $dir/package-lock.json into $dir/node_modules"
	(cd "$dir" && npm ci --no-audit --no-fund --loglevel=error > /dev/null) ||
		{ echo "reach: npm ci failed in $dir" >&2; exit 1; }
	exit 0
fi
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
