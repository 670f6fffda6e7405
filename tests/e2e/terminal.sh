#!/bin/sh
# The reader and its terminal: every size from 1x1 up (at start and after
# a resize), 200 resizes in a burst, TERM=dumb and an unknown TERM, a
# locale that is not UTF-8, and standard input or output that is not a
# terminal. The reader never crashes, comes back to a full screen, and
# refuses what it cannot use with a clear message and exit status 1.
. "$(dirname "$0")/../lib.sh"
export PIZHU_DB="$TEST_DIR/library.db"
FIXTURE="$SOURCE/tests/fixtures/short-speech.txt"
TITLE=在全镇秋季工作推进会上的讲话

# back_to_normal NAME: resize to 100x30; the reader must redraw its full
# screen and quit with status 0.
back_to_normal() {
	tmux_run resize-window -t t -x 100 -y 30
	tmux_keys C-l
	tmux_wait "¶0/"
	ok $? "$1: back at 100x30 the reader draws its screen"
	tmux_keys q
	is "$(tmux_wait_exit)" 0 "$1: q quits with status 0"
	tmux_stop
}

# Starting at each size.
for size in 1x1 2x1 1x2 2x2 3x3 5x2 10x3 20x5 39x9 40x10 41x11 80x24; do
	tmux_start "${size%x*}" "${size#*x}" "$PIZHU" "$FIXTURE"
	# Something is drawn, or the program has at least read a key: a
	# redraw request answered by a resize proves it runs.
	back_to_normal "started at $size"
done

# Resizing through every small size in turn.
tmux_start 100 30 "$PIZHU" "$FIXTURE"
tmux_wait "¶0/"
for size in 80x24 60x20 40x10 39x9 20x5 10x3 5x2 3x3 2x2 2x1 1x2 1x1 2x2 40x10; do
	tmux_run resize-window -t t -x "${size%x*}" -y "${size#*x}"
	tmux_keys C-l
done
back_to_normal "resized down to 1x1 and up"

# 200 resizes in a burst, with keys in between.
tmux_start 100 30 "$PIZHU" "$FIXTURE"
tmux_wait "¶0/"
i=0
while [ $i -lt 200 ]; do
	tmux_run resize-window -t t -x $((i * 37 % 150 + 1)) -y $((i * 13 % 50 + 1))
	[ $((i % 20)) -eq 0 ] && tmux_keys j
	i=$((i + 1))
done
tmux_keys g
back_to_normal "200 resizes"

# Help and a prompt open while the size changes.
tmux_start 100 30 "$PIZHU" "$FIXTURE"
tmux_wait "¶0/"
tmux_keys '?'
tmux_run resize-window -t t -x 3 -y 2
tmux_run resize-window -t t -x 60 -y 20
tmux_keys q '/'
tmux_run resize-window -t t -x 1 -y 1
tmux_run resize-window -t t -x 70 -y 20
tmux_keys Escape
back_to_normal "resizes over help and the search prompt"

# Terminals the reader cannot use: exit 1 and a message, the terminal
# left as it was.
term_refused() { # TERM MESSAGE NAME
	tmux_start 80 24 env TERM="$1" "$PIZHU" "$FIXTURE"
	is "$(tmux_wait_exit)" 1 "$3: exit 1"
	like "$(tmux_screen)" "pizhu: $2" "$3: the message says why"
	like "$(cat "$TEST_DIR/stty")" ' icanon ' "$3: the terminal is as it was"
	tmux_stop
}
term_refused dumb "terminal 'dumb' cannot position the cursor" "TERM=dumb"
term_refused no-such-terminal-xyz "unknown terminal type 'no-such-terminal-xyz'" "an unknown TERM"
term_refused "" "TERM is not set" "an empty TERM"

# A locale that is not UTF-8: the reader falls back to C.UTF-8 and shows
# the Chinese text as it is.
for locale in C POSIX; do
	tmux_start 100 30 env LC_ALL=$locale LANG=$locale "$PIZHU" "$FIXTURE"
	tmux_wait "$TITLE"
	ok $? "LC_ALL=$locale: the reader shows the Chinese title"
	tmux_keys q
	is "$(tmux_wait_exit)" 0 "LC_ALL=$locale: q quits with status 0"
	tmux_stop
done

# Standard input or output that is not a terminal.
"$PIZHU" "$FIXTURE" </dev/null >"$TEST_DIR/out" 2>"$TEST_DIR/err"
is "$?:$(cat "$TEST_DIR/err")" \
	"1:pizhu: the reader needs a terminal (standard input and output are not one); try pizhu cat" \
	"the reader without a terminal: exit 1 and a message"
tmux_start 80 24 "sh -c '\"\$0\" \"\$1\" </dev/null'" "$PIZHU" "$FIXTURE"
is "$(tmux_wait_exit)" 1 "standard input not a terminal: exit 1"
like "$(tmux_screen)" "pizhu: the reader needs a terminal" "standard input not a terminal: the message"
tmux_stop
tmux_start 80 24 "sh -c '\"\$0\" \"\$1\" >\"\$2\"'" "$PIZHU" "$FIXTURE" "$TEST_DIR/screen.out"
is "$(tmux_wait_exit)" 1 "standard output not a terminal: exit 1"
is "$(cat "$TEST_DIR/screen.out")" "" "standard output not a terminal: nothing written to it"
tmux_stop

done_testing
