#!/bin/sh
# Installs the Debian packages pizhu needs to build and test, when they are
# missing. As root it runs apt-get; otherwise it prints the command to run.
# Does nothing when everything is present.
set -u

missing=""
need() { # need PACKAGE TEST...
	package=$1
	shift
	"$@" >/dev/null 2>&1 || missing="$missing $package"
}
header() { # a header found by the C preprocessor
	printf '#include <%s>\n' "$1" | ${CC:-cc} -E -x c - >/dev/null 2>&1
}

need gcc command -v "${CC:-cc}"
need make command -v make
need pkg-config command -v pkg-config
need libncurses-dev header ncurses.h
need libsqlite3-dev header sqlite3.h
need libunistring-dev header unistr.h
need sqlite3 command -v sqlite3
need tmux command -v tmux
need perl command -v prove
need python3 command -v python3
need jq command -v jq

[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ]; then
	echo "pizhu: installing:$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >/dev/null && apt-get install -y -qq $missing >/dev/null || {
		echo "pizhu: apt-get install$missing failed" >&2
		exit 1
	}
else
	echo "pizhu: missing packages:$missing" >&2
	echo "run: sudo apt-get install$missing" >&2
	exit 1
fi
