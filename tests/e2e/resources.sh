#!/bin/sh
# Resources (issue 17): files refused before they are read whole, the
# settings file read as a bounded regular file, no silent limit on the
# themes the reader shows, a bounded search query.
. "$(dirname "$0")/../lib.sh"
FIXTURES="$SOURCE/tests/fixtures"
export PIZHU_DB="$TEST_DIR/L.db"
"$PIZHU" import "$FIXTURES/short-speech.txt" >/dev/null

# finishes COMMAND...: runs it with its output in $TEST_DIR/out; fails
# (status 124) only when it has not ended within a minute: these are
# guards against a hang, not timings (speed lives in make bench).
finishes() {
	timeout 60 "$@" >"$TEST_DIR/out" 2>&1
	[ $? -ne 124 ]
}

# --- files refused early -------------------------------------------------------
truncate -s 3G "$TEST_DIR/sparse.txt"
finishes "$PIZHU" import "$TEST_DIR/sparse.txt"
ok $? "a 3 GB sparse file: the import ends"
# The size in the message is fstat's: refused before a byte was read.
like "$(cat "$TEST_DIR/out")" "sparse.txt: too large \(3221225472 bytes; the most is 1 GiB\)" \
	"  too large, by its size"
{
	printf '讲话\n'
	head -c 1000 /dev/zero
	head -c 20000000 /dev/zero | tr '\0' 'a'
} >"$TEST_DIR/nul.txt"
finishes "$PIZHU" import "$TEST_DIR/nul.txt"
ok $? "a 20 MB file with NUL bytes: the import ends"
like "$(cat "$TEST_DIR/out")" "nul.txt: not a speech pizhu can read" "  not a speech"
# A file that grows while it is read: 64 MB to begin with and a writer
# appending a MiB at a time, so the writer adds more than the MiB of
# growth allowed while pizhu reads the first 64 MB, without filling the
# disk as an unbounded writer would.
printf '讲话\n' >"$TEST_DIR/growing.txt"
yes 第一段讲就业。 | head -c 1048576 >"$TEST_DIR/block"
i=0
while [ $i -lt 64 ]; do
	cat "$TEST_DIR/block"
	i=$((i + 1))
done >>"$TEST_DIR/growing.txt"
(while :; do cat "$TEST_DIR/block"; done >>"$TEST_DIR/growing.txt") &
writer=$!
waited=0
while [ "$(wc -c <"$TEST_DIR/growing.txt")" -le 68157440 ] && [ $waited -lt 200 ]; do
	sleep 0.05
	waited=$((waited + 1))
done
finishes "$PIZHU" import "$TEST_DIR/growing.txt"
ok $? "a file that keeps growing: the import ends"
kill $writer
wait $writer 2>/dev/null
like "$(cat "$TEST_DIR/out")" "growing.txt: it kept growing while it was read" "  refused"
rm -f "$TEST_DIR/growing.txt" "$TEST_DIR/nul.txt" "$TEST_DIR/sparse.txt" "$TEST_DIR/block"

# --- the settings file ------------------------------------------------------------
CONFIG="$XDG_CONFIG_HOME/pizhu/config"
mkdir -p "$XDG_CONFIG_HOME/pizhu"
# reader_error: the reader's first screen lines in tmux (it needs a
# terminal), in $TEST_DIR/screen.
reader_error() {
	tmux_start 100 10 "$PIZHU" 1
	tmux_wait_exit >/dev/null
	tmux_screen | grep -v '^$' | head -2 >"$TEST_DIR/screen"
	tmux_stop
}
mkfifo "$CONFIG"
reader_error
like "$(cat "$TEST_DIR/screen")" "config: not a regular file" "a FIFO as the settings file: refused, not waited on"
rm "$CONFIG"
ln -s /dev/zero "$CONFIG"
reader_error
like "$(cat "$TEST_DIR/screen")" "config: not a regular file" "a link to /dev/zero: refused, no endless read"
rm "$CONFIG"
{
	printf '# %2000s\n' x | tr ' ' y
	printf 'width = 5\n'
} >"$CONFIG"
reader_error
like "$(cat "$TEST_DIR/screen")" "config:2: width takes 10 to 1000" \
	"a comment of 2,000 bytes is one line: the next line's error is on line 2"
head -c 70000 /dev/zero | tr '\0' '#' >"$CONFIG"
reader_error
like "$(cat "$TEST_DIR/screen")" "config: too large for a settings file" "a settings file of 70 KB: too large"
rm "$CONFIG"

# --- more themes than the reader tracks -------------------------------------------
sqlite3 "$PIZHU_DB" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100)
	INSERT INTO themes (name) SELECT printf('主题%05d', i) FROM n"
"$PIZHU" tag 1 5 主题00100 民生 >/dev/null
"$PIZHU" tag 1 6 主题00099 >/dev/null
tmux_start 100 20 "$PIZHU" 1
tmux_wait "¶0/16"
tmux_keys ":5" Enter
tmux_wait "[民生 +1 more] ¶5/16"
ok $? "a paragraph with a theme past the first 64: the status line says +1 more"
tmux_keys j
tmux_wait "[+1 more] ¶6/16"
ok $? "  also when it is the paragraph's only theme"
tmux_keys q
tmux_wait_exit >/dev/null

# --- a bounded search -----------------------------------------------------------
words=$(awk 'BEGIN { for (i = 0; i < 65; i++) printf "词%d ", i }')
# shellcheck disable=SC2086
out=$("$PIZHU" search $words 2>&1)
exit1=$?; ok $((exit1 != 1)) "a search of 65 words: exit 1"
like "$out" "the search has 65 words; the most is 64" "  saying why"
long=$(awk 'BEGIN { for (i = 0; i < 2000; i++) printf "民生" }')
out=$("$PIZHU" search "$long" 2>&1)
like "$out" "the search is too long \(12000 bytes; the most is 4096\)" "a search of 12,000 bytes: too long"

done_testing
