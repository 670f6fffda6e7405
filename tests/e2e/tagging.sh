#!/bin/sh
# Tagging and notes in the reader, checked against what the library holds.
. "$(dirname "$0")/../lib.sh"
SPEECH="$TEST_DIR/speech.txt"
cp "$SOURCE/examples/sample-speech.txt" "$SPEECH"
export PIZHU_DB="$TEST_DIR/library.db"

start_reader() {
	tmux_start 100 30 env PIZHU_DB="$PIZHU_DB" "$PIZHU" "$SPEECH"
	tmux_wait " ¶"
}
quit_reader() {
	tmux_keys q
	tmux_wait_exit >/dev/null
	tmux_stop
}

# 3 tags the cursor paragraph with 民生 and nothing else.
start_reader
tmux_keys :
tmux_keys 4 Enter
tmux_wait " ¶4/"
tmux_keys 3
tmux_wait "已标注 民生 ¶4"
ok $? "3 confirms 已标注 民生 on the status line"
like "$(tmux_screen | tail -1)" '\[民生\] ¶4/' "the status line lists the paragraph's themes"
quit_reader
is "$("$PIZHU" tags 1)" "4	民生" "after quitting, exactly that paragraph has 民生"

# Untag, then undo and redo across restarts.
start_reader
tmux_keys 3
tmux_wait "已取消 民生 ¶4"
ok $? "3 again removes the theme"
quit_reader
is "$("$PIZHU" tags 1)" "" "the tag is gone from the library"
start_reader
tmux_keys u
tmux_wait "undone: untag 民生 ¶4"
ok $? "u after a restart undoes the removal"
quit_reader
is "$("$PIZHU" tags 1)" "4	民生" "undo brought the tag back"
start_reader
tmux_keys C-r
tmux_wait "redone: untag 民生 ¶4"
ok $? "Ctrl-R after a restart redoes it"
quit_reader
is "$("$PIZHU" tags 1)" "" "redo removed it again"

# A range: V, two paragraphs down, 1.
start_reader
tmux_keys : 10 Enter
tmux_wait " ¶10/"
tmux_keys V j j 1
tmux_wait "已标注 党建 ¶10–¶12 (3 paragraphs)"
ok $? "V j j 1 tags three paragraphs"
# T on a heading selects its section.
tmux_keys : 14 Enter
tmux_wait " ¶14/"
tmux_keys T
tmux_wait "selected: press a theme key"
ok $? "T on a heading selects its section"
tmux_keys 2
tmux_wait "已标注 项目建设 ¶14–"
ok $? "a theme key then tags the whole section"
quit_reader
is "$("$PIZHU" tags 1 | grep -c '党建')" 3 "three 党建 tags in the library"
depth=$("$PIZHU" outline --tsv 1 | awk -F'\t' '$2 == 14 {print $1}')
section_end=$("$PIZHU" outline --tsv 1 | awk -F'\t' -v d="$depth" '$1 <= d && $2 > 14 {print $2; exit}')
is "$("$PIZHU" tags 1 | grep -c '项目建设')" "$((section_end - 14))" "the section's paragraphs all carry 项目建设"

# The outline counts follow the tags.
start_reader
like "$(tmux_outline | head -1)" '●3●[0-9]+ *$' "the title's entry counts the speech's tags per theme"
tmux_keys : 30 Enter 3
tmux_wait "已标注 民生 ¶30"
like "$(tmux_outline | head -1)" '●3●[0-9]+●1 *$' "a new tag adds to the counts"

# A note with Chinese text typed through the keyboard.
tmux_keys a
tmux_wait "Ctrl-S: save"
tmux_keys -l "这一段讲民生实事"
tmux_keys Enter
tmux_keys -l "第二行"
tmux_keys C-s
tmux_wait "note saved on ¶30"
ok $? "Ctrl-S saves the note"
tmux_keys A
tmux_wait "✎ 这一段讲民生实事"
ok $? "A shows the note under its paragraph"

# The filter shows only tagged paragraphs with their headings.
tmux_keys f 1 Enter
tmux_wait "showing 党建 only"
ok $? "f 1 Enter filters by 党建"
body=$(tmux_screen | sed 's/^.*│//' | grep -v '^ *$')
like "$body" "$(sed -n 11p "$SPEECH" | cut -c1-12)" "a 党建 paragraph is shown"
! printf '%s\n' "$body" | grep -qF "$(sed -n 31p "$SPEECH" | cut -c1-12)"
ok $? "an untagged paragraph is not"
tmux_keys F
tmux_wait_gone "showing 党建 only"
quit_reader
is "$("$PIZHU" notes 1)" "30	这一段讲民生实事 第二行" "the note is in the library"

# SIGKILL right after a tag key loses nothing the status line confirmed.
start_reader
tmux_keys : 40 Enter
tmux_wait " ¶40/"
tmux_keys 1
tmux_wait "已标注 党建 ¶40"
kill -KILL "$(tmux_program_pid)"
tmux_wait_exit >/dev/null
tmux_stop
"$PIZHU" tags 1 | grep -q "^40	党建$"
ok $? "the confirmed tag survived SIGKILL"
is "$("$PIZHU" check)" "ok" "the library is intact after SIGKILL"

# A CLI writer while the reader is open: both succeed, and the reader
# shows the other's tag without a key.
start_reader
tmux_keys : 44 Enter
tmux_wait " ¶44/"
"$PIZHU" tag 1 44 项目建设 >/dev/null
ok $? "pizhu tag works while the reader is open"
tmux_wait "[项目建设] ¶44/"
ok $? "the reader shows the other process's tag"
tmux_keys 1
tmux_wait "已标注 党建 ¶44"
ok $? "and tags on in the same library"
quit_reader
is "$("$PIZHU" tags 1 | grep '^44	' | cut -f2 | sort | tr '\n' ' ')" "党建 项目建设 " "both tags are there"

# Another process's tag that lands just before one of the reader's own
# (within the 200 ms between the reader's looks at the library) is shown
# all the same: the reader's own commit must not pass for having seen it.
start_reader
tmux_keys : 45 Enter
tmux_wait " ¶45/"
tmux_keys : 46 Enter
"$PIZHU" tag 1 45 项目建设 >/dev/null
tmux_keys 1
tmux_wait "已标注 党建 ¶46"
tmux_keys : 45 Enter
tmux_wait "[项目建设] ¶45/"
ok $? "a tag made by another process just before the reader's own is shown"
quit_reader

# E exports from the reader; # shows the figures of this speech.
start_reader
tmux_keys '#'
tmux_wait "Themes in this speech"
like "$(tmux_screen)" "民生 +1 " "# counts the speech's 民生 paragraphs"
tmux_keys q
tmux_wait_gone "Themes in this speech"
tmux_keys E
tmux_wait "Export excerpts"
tmux_keys f f e
tmux_wait "export to:"
tmux_keys -l "$TEST_DIR/from-reader.jsonl"
tmux_keys Enter
tmux_wait "Format  (f)  jsonl"
tmux_keys Enter
tmux_wait "to $TEST_DIR/from-reader.jsonl"
ok $? "Enter exports and says where"
quit_reader
python3 -c '
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
paragraphs = sorted(row["paragraph"] for row in rows)
assert 40 in paragraphs and 30 in paragraphs, paragraphs
' "$TEST_DIR/from-reader.jsonl"
ok $? "the exported JSON Lines hold the tagged and annotated paragraphs"

done_testing
