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
ok "$([ "$size" -gt 4000000 ]; echo $?)" "a large file to open ($size bytes)"

tmux_start 100 30 env PIZHU_DB="$PIZHU_DB" "$PIZHU" "$BIG"
tmux_wait "reading the rest of this speech"
ok $? "the reader opens before the import is done"
tmux_keys q
is "$(tmux_wait_exit)" 0 "quitting during the import exits cleanly"
tmux_stop
is "$("$PIZHU" list --tsv | tail -n +2)" "" "a cancelled import leaves nothing behind"
is "$("$PIZHU" check)" "ok" "and the library is intact"

tmux_start 100 30 env PIZHU_DB="$PIZHU_DB" "$PIZHU" "$BIG"
tmux_wait "reading the rest of this speech"
tmux_keys j 3
tmux_wait "still importing this speech"
ok $? "a tag key during the import says to wait"
i=0
until tmux_screen | grep -qF "in the library as speech"; do
	i=$((i + 1))
	[ $i -gt 1200 ] && break
	sleep 0.1
done
ok $? "the import finishes while the reader is open"
tmux_keys 3
tmux_wait "已标注 民生 ¶1"
ok $? "tags work once it is in the library"
tmux_keys q
is "$(tmux_wait_exit)" 0 "quit"
tmux_stop
is "$("$PIZHU" tags 1)" "1	民生" "the tag is in the library"

done_testing
