#!/bin/sh
# A large new file opens at once and is imported in the background: tags
# wait for the import, and quitting before it ends leaves the library as it
# was.
. "$(dirname "$0")/../lib.sh"
export PIZHU_DB="$TEST_DIR/library.db"
BIG="$TEST_DIR/big.txt"
# About 8 MB: the sample speech with numbered paragraphs, so none repeat.
awk 'NR == 1 { print; next } { for (i = 0; i < 450; i++) lines[NR * 1000 + i] = i "．" $0 }
     END { for (i = 0; i < 450; i++) for (n = 2; n <= 55; n++) print lines[n * 1000 + i] }' \
	"$SOURCE/examples/sample-speech.txt" >"$BIG"
size=$(wc -c <"$BIG")

# Waits (up to 2 minutes: a loaded machine imports 8 MB slowly) until the
# reader says the import is done.
wait_imported() {
	i=0
	until tmux_screen | grep -qF "in the library as speech"; do
		i=$((i + 1))
		[ $i -gt 1200 ] && return 1
		sleep 0.1
	done
}
ok "$([ "$size" -gt 4000000 ]; echo $?)" "a large file to open ($size bytes)"

tmux_start 100 30 env PIZHU_DB="$PIZHU_DB" "$PIZHU" "$BIG"
# "reading the rest of this speech…", then "adding this speech to the
# library…" once the whole text is in.
tmux_wait "this speech"
ok $? "the reader opens before the import is done"
tmux_keys q
is "$(tmux_wait_exit)" 0 "quitting during the import exits cleanly"
tmux_stop
is "$("$PIZHU" list --tsv | tail -n +2)" "" "a cancelled import leaves nothing behind"
is "$("$PIZHU" check)" "ok" "and the library is intact"

tmux_start 100 30 env PIZHU_DB="$PIZHU_DB" "$PIZHU" "$BIG"
tmux_wait "adding this speech to the library"
ok $? "the status line says when the whole text is in and being imported"
tmux_keys j 3
tmux_wait "still importing this speech"
ok $? "a tag key during the import says to wait"
wait_imported
ok $? "the import finishes while the reader is open"
tmux_keys 3
tmux_wait "已标注 民生 ¶1"
ok $? "tags work once it is in the library"
tmux_keys q
is "$(tmux_wait_exit)" 0 "quit"
tmux_stop
is "$("$PIZHU" tags 1)" "1	民生" "the tag is in the library"

# A large file the library holds is shown as corrected there once the
# background import has found it, as a small one is at once: its
# beginning is parsed from the file, without the user's corrections.
"$PIZHU" mark 1 2 heading 1 >/dev/null
tmux_start 100 30 env PIZHU_DB="$PIZHU_DB" "$PIZHU" "$BIG"
i=0
until tmux_screen | grep -qF "in the library as speech 1"; do
	i=$((i + 1))
	[ $i -gt 1200 ] && break
	sleep 0.1
done
tmux_wait "0．同志们" tmux_outline
ok $? "a large file the library holds shows its corrections in the outline"
like "$(tmux_screen | tail -1)" " ¶1/" "and opens where it was left"
tmux_keys q
is "$(tmux_wait_exit)" 0 "quit"
tmux_stop

# The library is opened after the first paint: what it has to say then
# goes to the status line, and a library that cannot be used ends the
# reader with its reason, as it would before.
mkdir -p "$XDG_CONFIG_HOME/pizhu/themes"
echo "not a theme line" >"$XDG_CONFIG_HOME/pizhu/themes/broken.theme"
tmux_start 100 30 env PIZHU_DB="$TEST_DIR/second.db" "$PIZHU" "$BIG"
tmux_wait "broken.theme:1"
ok $? "a broken theme file is reported on the status line"
tmux_keys q
is "$(tmux_wait_exit)" 0 "quit"
tmux_stop
rm "$XDG_CONFIG_HOME/pizhu/themes/broken.theme"

head -c 8192 "$BIG" >"$TEST_DIR/foreign.db"
cp "$TEST_DIR/foreign.db" "$TEST_DIR/foreign.orig"
tmux_start 100 30 env PIZHU_DB="$TEST_DIR/foreign.db" "$PIZHU" "$BIG" "2>$TEST_DIR/err"
is "$(tmux_wait_exit)" 1 "a file that is no library ends the reader with status 1"
tmux_stop
is "$(cat "$TEST_DIR/err")" \
	"pizhu: $TEST_DIR/foreign.db: not a pizhu database (not an SQLite file); left untouched" \
	"and says why on stderr"
cmp -s "$TEST_DIR/foreign.db" "$TEST_DIR/foreign.orig"
ok $? "the file is left untouched"

# The same text in UTF-16 (with its BOM) and in GB18030: a large UTF-16
# file opens at its beginning too, and both are converted a chunk at a
# time as they are imported, to the same speech as the UTF-8 file.
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$BIG"; } >"$TEST_DIR/big-utf16.txt"
iconv -f UTF-8 -t GB18030 "$BIG" >"$TEST_DIR/big-gb18030.txt"
export PIZHU_DB="$TEST_DIR/encodings.db"
tmux_start 100 30 env PIZHU_DB="$PIZHU_DB" "$PIZHU" "$TEST_DIR/big-utf16.txt"
# (Read whole before the first paint, it would say "imported as speech 1".)
tmux_wait "this speech"
ok $? "a large UTF-16 file opens before its import is done"
wait_imported
ok $? "and is imported while the reader is open"
tmux_keys q
is "$(tmux_wait_exit)" 0 "quit"
tmux_stop
"$PIZHU" import "$BIG" "$TEST_DIR/big-gb18030.txt" >/dev/null
"$PIZHU" cat 2 >"$TEST_DIR/utf8.out"
"$PIZHU" cat 1 | cmp -s - "$TEST_DIR/utf8.out"
ok $? "the UTF-16 file gives the UTF-8 file's text"
"$PIZHU" cat 3 | cmp -s - "$TEST_DIR/utf8.out"
ok $? "so does the GB18030 file"

# A UTF-16 file without ASCII in its first screens has no NUL there, and
# a byte 0A is half a character (上 is 0A 4E): its beginning is cut
# between characters, not after that byte.
python3 -c "
import sys
line = '中文上' * 12000 + '\n'
rest = '在全区工作会议上的讲话，同志们要抓落实。\n' * 60000
sys.stdout.buffer.write(b'\xff\xfe' + (line + rest).encode('utf-16-le'))
" >"$TEST_DIR/cjk-utf16.txt"
size=$(wc -c <"$TEST_DIR/cjk-utf16.txt")
ok "$([ "$size" -gt 2500000 ]; echo $?)" "a large UTF-16 file without ASCII at its start ($size bytes)"
tmux_start 100 30 env PIZHU_DB="$TEST_DIR/cjk.db" "$PIZHU" "$TEST_DIR/cjk-utf16.txt" "2>$TEST_DIR/err"
tmux_wait "中文上"
ok $? "a UTF-16 file without ASCII at its start opens"
is "$(cat "$TEST_DIR/err")" "" "without a warning of invalid bytes"
tmux_keys q
is "$(tmux_wait_exit)" 0 "quit"
tmux_stop

done_testing
