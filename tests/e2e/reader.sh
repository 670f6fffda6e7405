#!/bin/sh
# The full-screen reader in tmux: outline, movement, folds, search, resize,
# quitting with the terminal restored.
. "$(dirname "$0")/../lib.sh"
FIXTURE="$SOURCE/tests/fixtures/short-speech.txt"
SAMPLE="$SOURCE/examples/sample-speech.txt"

if [ -d "$CORPUS" ]; then
	SPEECH="$CORPUS/seeds/speech-b.txt"
	FIRST_H1="一、提高政治站位" SECOND_H1="二、坚定信心决心" FIRST_H2="（一）在谱写"
	LAST_H1="四、加强党的领导"
else
	SPEECH="$SAMPLE"
	FIRST_H1="一、准确把握形势" SECOND_H1="二、坚持项目为王" FIRST_H2="（一）清醒认识"
	LAST_H1="四、坚持全面从严治党"
fi

status_line() { tmux_screen | tail -1; }

# Outline pane beside the text, status line at the bottom.
tmux_start 100 30 "$PIZHU" "$SPEECH"
tmux_wait "¶0/"
ok $? "reader starts with the cursor on the title"
screen=$(tmux_screen)
like "$screen" "^.*${FIRST_H1}.*│" "outline pane shows the first top-level heading"
like "$screen" "${LAST_H1}" "outline pane shows the last top-level heading"
like "$screen" "│" "a border separates the panes"
like "$(printf '%s\n' "$screen" | tail -1)" '¶0/[0-9]+ +0%' "status line shows paragraph and percent"

# ] goes to the next heading; the status line shows the breadcrumb.
tmux_keys ']'
tmux_wait "› ${FIRST_H1}"
ok $? "] moves to the first heading; breadcrumb shows it"
tmux_keys ']'
tmux_wait "› ${FIRST_H2}"
ok $? "] again moves to the first second-level heading"
tmux_keys '['
tmux_wait_gone "› ${FIRST_H2}"
ok $? "[ moves back"

# Outline: Tab focuses it, collapse all hides second-level entries, expand
# all shows them, Enter jumps the reader to the selected heading.
tmux_keys Tab '-'
tmux_wait_gone "${FIRST_H2}" tmux_outline
ok $? "collapse all hides the second-level entries"
like "$(tmux_outline)" "▸${FIRST_H1}" "a collapsed entry is marked ▸"
tmux_keys '+'
tmux_wait "${FIRST_H2}" tmux_outline
ok $? "expand all shows them again"
tmux_keys g j h
tmux_wait_gone "${FIRST_H2}" tmux_outline
ok $? "h collapses the selected entry"
tmux_keys l
tmux_wait "${FIRST_H2}" tmux_outline
ok $? "l expands it"
tmux_keys j j
tmux_keys Enter
tmux_wait "${FIRST_H1}" status_line
like "$(status_line)" "${FIRST_H1}.*› " "Enter jumps the reader into the chosen section"
tmux_keys g Enter
tmux_wait " ¶0/"
ok $? "g then Enter goes back to the title"

# z folds the section under the cursor; z again unfolds it.
tmux_keys ']' z
tmux_wait "paragraphs"
like "$(tmux_screen)" "… [0-9]+ paragraphs" "z folds the section, showing how many paragraphs it hides"
tmux_keys z
tmux_wait_gone "paragraphs"
ok $? "z unfolds it"

# :N goes to a paragraph (digits are theme keys, never a count).
tmux_keys : 5 Enter
tmux_wait " ¶5/"
ok $? ":5 goes to paragraph 5"
tmux_keys : 3 Enter
tmux_wait " ¶3/"
ok $? ":3 goes to paragraph 3"
tmux_keys G
tmux_wait "100%"
ok $? "G goes to the end"
tmux_keys g
tmux_wait " ¶0/"
ok $? "g goes to the start"

# j, k, page down and up.
tmux_keys j j k
tmux_wait " ¶1/"
ok $? "j j k lands on paragraph 1"
tmux_keys Space
tmux_wait_gone " ¶1/"
ok $? "Space pages down, the cursor follows"
tmux_keys b b
tmux_wait "$(head -1 "$SPEECH" | cut -c1-12)"
ok $? "b pages back up to the title"
tmux_keys g

# Mouse: the wheel scrolls the reading pane, a click on an outline entry
# shows that heading.
tmux_keys g
tmux_wait " ¶0/"
tmux_wheel_down 60 10
tmux_wheel_down 60 10
tmux_wheel_down 60 10
tmux_wheel_down 60 10
tmux_wait_gone " ¶0/"
ok $? "the mouse wheel scrolls the reader and the cursor follows"
row=$(tmux_outline | grep -n "$SECOND_H1" | cut -d: -f1)
tmux_click 3 $((row - 1))
tmux_wait "› $SECOND_H1"
ok $? "a click on an outline entry shows that heading"
tmux_keys Tab g

# ? shows the help generated from the command table; q closes it.
tmux_keys '?'
tmux_wait "fold or unfold the section under the cursor"
ok $? "? shows the help"
tmux_keys q
tmux_wait " ¶0/"
ok $? "q closes the help"

# q quits with status 0 and the terminal restored.
tmux_keys q
is "$(tmux_wait_exit)" 0 "q exits with status 0"
like "$(cat "$TEST_DIR/stty")" ' icanon ' "terminal back in canonical mode"
like "$(cat "$TEST_DIR/stty")" ' echo ' "terminal echoes again"
! tmux_screen | grep -q '¶'
ok $? "the reader's screen is gone (alternate screen left)"
tmux_stop

# Search: / highlights the match (reverse video without colours), n moves.
tmux_start 100 30 env NO_COLOR=1 "$PIZHU" "$SAMPLE"
tmux_wait "¶0/"
tmux_keys / 民生 Enter
tmux_wait_gone " ¶0/"
ok $? "/ search moves to the first match"
first=$(tmux_screen | tail -1 | grep -o '¶[0-9]*')
tmux_run capture-pane -e -p -t t >"$TEST_DIR/escaped"
grep -q "$(printf '\033')\[7m民生" "$TEST_DIR/escaped"
ok $? "the match is highlighted"
tmux_keys n
tmux_wait_gone "$first/"
ok $? "n moves to the next match"
tmux_keys / 没有这个词 Enter
tmux_wait "not found: 没有这个词"
ok $? "a search without matches says so"
tmux_keys q
is "$(tmux_wait_exit)" 0 "quit after searching"
tmux_stop

# Resize keeps the cursor paragraph on screen; the outline hides when narrow.
tmux_start 100 30 "$PIZHU" "$SPEECH"
tmux_wait "¶0/"
tmux_keys : 30 Enter
tmux_wait " ¶30/"
tmux_run resize-window -t t -x 60 -y 20
# What was drawn at 100 columns is cut at 60, the paragraph number with it.
tmux_wait " ¶30/"
ok $? "after a resize the cursor paragraph is the same"
tmux_screen | grep -q '▌'
ok $? "and it is on screen"
tmux_run resize-window -t t -x 38 -y 12
tmux_wait_gone "│"
ok $? "below 40 columns the outline pane hides itself"
tmux_run resize-window -t t -x 10 -y 2
tmux_wait "terminal"
ok $? "a tiny terminal says it is too small"
tmux_run resize-window -t t -x 1 -y 1
# The first letter of "terminal too small".
tmux_wait "t"
tmux_run resize-window -t t -x 80 -y 24
tmux_wait " ¶30/"
ok $? "survives 1x1 and comes back"
tmux_keys q
is "$(tmux_wait_exit)" 0 "quit after resizing"
tmux_stop

# A signal restores the terminal too.
tmux_start 80 24 "$PIZHU" "$FIXTURE"
tmux_wait "¶0/"
kill -TERM "$(tmux_program_pid)"
status=$(tmux_wait_exit)
is "$status" 143 "SIGTERM ends the reader with the signal's status"
like "$(cat "$TEST_DIR/stty")" ' icanon ' "terminal restored after SIGTERM"
tmux_stop

# The position and the folds are kept in the library and restored.
{ cat "$SAMPLE"; echo "这是为本测试加上的一段话。"; } >"$TEST_DIR/sample.txt"
SAMPLE="$TEST_DIR/sample.txt"
tmux_start 100 30 "$PIZHU" "$SAMPLE"
tmux_wait "imported as speech"
ok $? "opening a new file imports it"
tmux_keys : 12 Enter z
tmux_wait "paragraph"
tmux_keys : 30 Enter q
tmux_wait_exit >/dev/null
tmux_stop
tmux_start 100 30 "$PIZHU" "$SAMPLE"
tmux_wait " ¶30/"
ok $? "reopening restores the paragraph"
tmux_keys : 12 Enter
tmux_wait " ¶12/"
like "$(tmux_screen)" "… [0-9]+ paragraphs?" "and the fold"
tmux_keys q
tmux_wait_exit >/dev/null
tmux_stop
id=$("$PIZHU" list --tsv | awk -F'\t' 'NR > 1 {print $1; exit}')
tmux_start 100 30 "$PIZHU" "$id:7"
tmux_wait " ¶7/"
ok $? "pizhu ID:N opens the library speech at paragraph N"
tmux_keys q
is "$(tmux_wait_exit)" 0 "quit from a library speech"
tmux_stop

# Without a terminal, the reader refuses clearly.
"$PIZHU" "$FIXTURE" </dev/null >"$TEST_DIR/out" 2>"$TEST_DIR/err"
is "$?:$(cat "$TEST_DIR/err")" "1:pizhu: the reader needs a terminal (standard input and output are not one); try pizhu cat" \
	"no terminal: a clear error"

done_testing
