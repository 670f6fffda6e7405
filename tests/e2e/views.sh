#!/bin/sh
# The view stack: going from a reader to the search of every speech, to
# another speech and back; reopening a speech already open; memory over
# many round trips; keys bound in the config file; the digit keys.
. "$(dirname "$0")/../lib.sh"
export PIZHU_DB="$TEST_DIR/library.db"
"$PIZHU" import "$SOURCE/examples/sample-speech.txt" "$SOURCE/tests/fixtures/short-speech.txt" \
	>/dev/null
# Speech 1 has 54 paragraphs and mentions 青川; speech 2 has 16 (two of
# them hidden front matter) and
# mentions 秋季, which speech 1 does not.

# No quarantine of freed memory under AddressSanitizer, so that what the
# process holds is what it uses.
start_reader() { # ARGUMENTS
	tmux_start 100 30 env PIZHU_DB="$PIZHU_DB" \
		ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=0" "$PIZHU" "$@"
	tmux_wait " ¶"
}
rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$(tmux_program_pid)/status"; }

# reader → L (search) → Enter (another speech) → q → q: the first reader,
# where it was.
start_reader 1
tmux_keys : 20 Enter
tmux_wait " ¶20/54"
tmux_keys L
tmux_wait "search every speech:"
tmux_keys -l 秋季
tmux_keys Enter
tmux_wait "search “秋季”"
ok $? "L opens the search of every speech over the reader"
tmux_keys Enter
tmux_wait "/16 "
ok $? "Enter reads the speech of the result"
tmux_keys q
tmux_wait "search “秋季”"
ok $? "q goes back to the results"
tmux_keys q
tmux_wait " ¶20/54"
ok $? "q again goes back to the first reader at its place"
tmux_keys q
is "$(tmux_wait_exit)" 0 "q in the first reader quits"
tmux_stop

# Going to a result in a speech already open goes back to its reader, at
# the result: the stack does not grow, and one q quits.
start_reader 1
tmux_keys / 青川 Enter
tmux_wait "青川"
tmux_keys L
tmux_wait "search “青川”"
tmux_keys j Enter
tmux_wait_gone "search “青川”"
ok $? "a result in the speech being read goes back to its reader"
tmux_keys q
is "$(tmux_wait_exit)" 0 "so one q quits"
tmux_stop

# Round trips between two speeches through the search, each going back to
# the first reader: memory stays flat. Each key is handled whole before the
# next is read, so a batch of round trips is typed at once and the screen
# checked at its end, where :N leaves a mark.
round_trips() { # COUNT MARK
	n=0
	while [ $n -lt "$1" ]; do
		tmux_keys / 秋季 Enter L Enter / 青川 Enter L Enter
		n=$((n + 1))
	done
	tmux_keys : "$2" Enter
	tmux_wait " ¶$2/54"
}
start_reader 1
round_trips 5 1
before=$(rss_kib)
failed=0 batch=2
while [ $batch -le 11 ]; do
	round_trips 5 $batch || failed=$batch
	batch=$((batch + 1))
done
after=$(rss_kib)
is "$failed" 0 "55 round trips reader → search → reader → search → the first reader"
echo "# VmRSS after 5 round trips: $before KiB, after 55: $after KiB"
ok "$([ "$after" -le $((before + before / 20 + 1024)) ]; echo $?)" \
	"memory does not grow over 50 round trips ($before KiB, then $after KiB)"
tmux_keys q
is "$(tmux_wait_exit)" 0 "and one q quits: the stack held one reader"
tmux_stop

# Digits are theme keys at once; G goes to the end and undoes nothing.
history_count() { "$PIZHU" history 1 | grep -c .; }
start_reader 1
tmux_keys : 4 Enter
tmux_wait " ¶4/"
before=$(history_count)
tmux_keys 3
tmux_wait "已标注 民生 ¶4"
ok $? "a theme key tags at once"
tmux_keys G
tmux_wait "100%"
ok $? "G goes to the last paragraph"
tmux_keys 7
tmux_wait "no theme has key 7"
ok $? "a digit without a theme says so and writes nothing"
tmux_keys q
tmux_wait_exit >/dev/null
tmux_stop
is "$(history_count)" "$((before + 1))" "the history holds the one tag, nothing undone"
like "$("$PIZHU" tags 1)" "^4	民生" "¶4 keeps its tag"

# A key bound in the config file; a bad bind line names the file and line.
mkdir -p "$XDG_CONFIG_HOME/pizhu"
printf 'width = 72\nbind reader x heading-next # a comment\nbind reader # last\n' \
	>"$XDG_CONFIG_HOME/pizhu/config"
start_reader 1
tmux_keys g x
tmux_wait "› "
ok $? "bind reader x heading-next: x goes to the next heading"
tmux_keys '#'
tmux_wait "100%"
ok $? "bind reader # last: # is a key, not a comment"
tmux_keys '?'
tmux_wait "[heading-next]"
ok $? "help names each command for bind lines"
tmux_keys q q
tmux_wait_exit >/dev/null
tmux_stop
for line in 'bind reader x no-such-command' 'bind reading x heading-next' \
	'bind reader xyz heading-next' 'bind library x heading-next' 'bind reader x'; do
	printf 'width = 72\n%s\n' "$line" >"$XDG_CONFIG_HOME/pizhu/config"
	tmux_start 100 30 env PIZHU_DB="$PIZHU_DB" "$PIZHU" 1 2\>"$TEST_DIR/err"
	status=$(tmux_wait_exit)
	tmux_stop
	is "$status" 1 "'$line' is refused"
	like "$(cat "$TEST_DIR/err")" "^pizhu: .*/pizhu/config:2: " "'$line': the message names file and line"
done
rm "$XDG_CONFIG_HOME/pizhu/config"

done_testing
