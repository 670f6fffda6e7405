# lib.sh — TAP helpers for the end-to-end tests, sourced by tests/e2e/*.sh.
#
# Each test runs the real binary ($PIZHU, default ./pizhu) in its own
# temporary HOME with a pinned UTF-8 locale and TZ, and prints TAP.

PIZHU=${PIZHU:-$(pwd)/pizhu}
SOURCE=${PIZHU_SOURCE:-$(pwd)}
CORPUS="$SOURCE/../shared/corpus"
export LC_ALL=C.UTF-8 LANG=C.UTF-8 TZ=UTC
# English unless a test asks for Chinese (LANGUAGE would win over LC_ALL).
unset NO_COLOR LANGUAGE LC_MESSAGES PIZHU_LOCALEDIR

# PIZHU_PYTHON (make check sets it): the python3 interpreter itself, so that
# the tests' many python3 runs skip a version manager's shim (pyenv's costs
# a tenth of a second of CPU a start).
if [ -n "${PIZHU_PYTHON:-}" ]; then
	python3() { "$PIZHU_PYTHON" "$@"; }
fi

TEST_DIR=$(mktemp -d "${TMPDIR:-/tmp}/pizhu-test.XXXXXX")
export HOME="$TEST_DIR/home" XDG_DATA_HOME="$TEST_DIR/data" XDG_CONFIG_HOME="$TEST_DIR/config"
mkdir -p "$HOME"
# at_exit COMMAND: runs COMMAND (before the rest of the clean-up) when the
# test ends, e.g. to unmount a file system the test mounted.
at_exit_commands=":"
at_exit() { at_exit_commands="$1; $at_exit_commands"; }
trap 'eval "$at_exit_commands"; for socket in "$TEST_DIR"/tmux*.sock; do tmux -S "$socket" kill-server >/dev/null 2>&1; done; rm -rf "$TEST_DIR"' EXIT

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

# --- driving the reader in tmux -------------------------------------------
# Each test gets its own tmux server (socket in TEST_DIR), so tests never see
# each other's sessions and nothing is left behind.

# A new server (socket) per tmux_start: one being killed cannot take the
# next session with it. The count is kept in a file, not a variable, so
# that a tmux_start in a subshell ($(…)) does not reuse the socket of a
# server still going away.
TMUX_SOCKET="$TEST_DIR/tmux0.sock"
tmux_run() { tmux -S "$TMUX_SOCKET" "$@"; }

# tmux_start COLUMNS ROWS COMMAND...: starts a command in a fresh session
# "t" and records its exit status in $TEST_DIR/status when it ends, and the
# terminal modes it left behind in $TEST_DIR/stty.
tmux_start() {
	columns=$1 rows=$2
	shift 2
	rm -f "$TEST_DIR/status" "$TEST_DIR/stty"
	tmux_servers=$(($(cat "$TEST_DIR/tmux-servers" 2>/dev/null || echo 0) + 1))
	echo "$tmux_servers" >"$TEST_DIR/tmux-servers"
	TMUX_SOCKET="$TEST_DIR/tmux$tmux_servers.sock"
	tmux_run -f /dev/null new-session -d -s t -x "$columns" -y "$rows" \
		"env LC_ALL=C.UTF-8 TERM=screen-256color HOME='$HOME' XDG_DATA_HOME='$XDG_DATA_HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' $*; echo \$? >'$TEST_DIR/status.tmp'; stty -a >'$TEST_DIR/stty' 2>&1; mv '$TEST_DIR/status.tmp' '$TEST_DIR/status'; sleep 600"
}

tmux_keys() { tmux_run send-keys -t t "$@"; }
tmux_screen() { tmux_run capture-pane -p -t t 2>/dev/null; }
# The outline pane only: what is left of the border.
tmux_outline() { tmux_screen | sed 's/│.*//'; }

# How many 0.05 s polls a wait takes before it gives up: 10 s, times
# PIZHU_TEST_SLOWDOWN for a slow pizhu (make check-valgrind sets it).
tmux_polls=$((200 * ${PIZHU_TEST_SLOWDOWN:-1}))

# tmux_waited WHAT: says on stderr that a wait ended in vain (the test goes
# on: its next check says what that means). A wait for what never comes
# costs ten seconds: one whose text is stale shows up in make check.
tmux_waited() { echo "# $(basename "$0"): waited $((tmux_polls / 20)) s in vain for $1" >&2; }

# tmux_wait TEXT [SCREEN_FUNCTION]: waits (up to 10 s) until TEXT is on the
# screen (or in what SCREEN_FUNCTION prints, such as tmux_outline).
tmux_wait() {
	i=0
	while [ $i -lt $tmux_polls ]; do
		${2:-tmux_screen} | grep -qF -- "$1" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	tmux_waited "'$1'"
	return 1
}

# tmux_wait_gone TEXT [SCREEN_FUNCTION]: waits until TEXT has left the screen.
tmux_wait_gone() {
	i=0
	while [ $i -lt $tmux_polls ]; do
		${2:-tmux_screen} | grep -qF -- "$1" || return 0
		sleep 0.05
		i=$((i + 1))
	done
	tmux_waited "'$1' to leave the screen"
	return 1
}

# tmux_wait_exit: waits until the command has ended; prints its status.
tmux_wait_exit() {
	i=0
	while [ $i -lt $tmux_polls ]; do
		if [ -s "$TEST_DIR/status" ]; then
			cat "$TEST_DIR/status"
			return 0
		fi
		sleep 0.05
		i=$((i + 1))
	done
	tmux_waited "the program to end"
	echo timeout
	return 1
}

# Mouse events as an xterm sends them (X10 encoding: ESC [ M button x y,
# each byte 32 more than its value, columns and rows from 1).
mouse_byte() { printf "\\$(printf %o "$1")"; }
tmux_mouse() { # BUTTON COLUMN ROW (from 0)
	tmux_keys -l "$(printf '\033[M')$(mouse_byte $((32 + $1)))$(mouse_byte $((33 + $2)))$(mouse_byte $((33 + $3)))"
}
tmux_click() { tmux_mouse 0 "$1" "$2" && tmux_mouse 3 "$1" "$2"; }
tmux_wheel_down() { tmux_mouse 65 "$1" "$2"; }
tmux_wheel_up() { tmux_mouse 64 "$1" "$2"; }

# The process id of the program running in the session.
tmux_program_pid() { pgrep -P "$(tmux_run display-message -p -t t '#{pane_pid}')"; }

tmux_stop() { tmux_run kill-server >/dev/null 2>&1; }
