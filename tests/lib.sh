# lib.sh — TAP helpers for the end-to-end tests, sourced by tests/e2e/*.sh.
#
# Each test runs the real binary ($PIZHU, default ./pizhu) in its own
# temporary HOME with a pinned UTF-8 locale and TZ, and prints TAP.

PIZHU=${PIZHU:-$(pwd)/pizhu}
SOURCE=${PIZHU_SOURCE:-$(pwd)}
CORPUS="$SOURCE/../shared/corpus"
export LC_ALL=C.UTF-8 LANG=C.UTF-8 TZ=UTC
unset NO_COLOR

TEST_DIR=$(mktemp -d "${TMPDIR:-/tmp}/pizhu-test.XXXXXX")
export HOME="$TEST_DIR/home" XDG_DATA_HOME="$TEST_DIR/data" XDG_CONFIG_HOME="$TEST_DIR/config"
mkdir -p "$HOME"
trap 'rm -rf "$TEST_DIR"' EXIT

tap_count=0
tap_failed=0

ok() { # ok CONDITION_STATUS NAME
	tap_count=$((tap_count + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_count - $2"
	else
		echo "not ok $tap_count - $2"
		tap_failed=$((tap_failed + 1))
	fi
}

is() { # is GOT EXPECTED NAME
	if [ "$1" = "$2" ]; then
		ok 0 "$3"
	else
		ok 1 "$3"
		printf '%s\n' "#   got:" "$1" | sed 's/^/#     /'
		printf '%s\n' "#   expected:" "$2" | sed 's/^/#     /'
	fi
}

like() { # like GOT PATTERN NAME  (grep -E pattern)
	if printf '%s\n' "$1" | grep -qE -- "$2"; then
		ok 0 "$3"
	else
		ok 1 "$3"
		printf '%s\n' "$1" | head -20 | sed 's/^/#   got: /'
		echo "#   expected to match: $2"
	fi
}

skip() { # skip REASON
	tap_count=$((tap_count + 1))
	echo "ok $tap_count # skip $1"
}

done_testing() {
	echo "1..$tap_count"
	[ "$tap_failed" -eq 0 ]
}
