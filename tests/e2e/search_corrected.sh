#!/bin/sh
# pizhu search ranks a paragraph by its corrected role: titles, then
# headings, then body text, as the user marked them (pizhu mark, the
# reader's H), after undo and redo in later processes, after re-import,
# and after removal; hidden lines brought back are found without --all.
# The library's search shows each hit under its corrected section path.
. "$(dirname "$0")/../lib.sh"
export PIZHU_DB="$TEST_DIR/library.db"
SPEECH="$TEST_DIR/speech.txt"
# ¶2 and ¶5 are the parser's headings; ¶4 is the densest body paragraph.
cat >"$SPEECH" <<'TEXT'
关于工作的讲话
同志们：
一、民生工作
这一段讲到民生。
民生民生，民生为大。
二、其他工作
结尾还要讲一讲别的事情，也讲一讲民生。
TEXT

# The paragraph numbers pizhu search prints, in order, on one line.
found() { "$PIZHU" search "$@" | cut -f2 | paste -sd ' ' -; }
healthy() { is "$("$PIZHU" check 2>&1)" ok "pizhu check: ok $1"; }
# The line the library's search (/ QUERY) shows above the hit in ¶PARA:
# the title, the section path, the paragraph number.
search_path() { # QUERY PARA
	tmux_start 100 30 env PIZHU_DB="$PIZHU_DB" "$PIZHU"
	tmux_wait "pizhu library:"
	tmux_keys /
	tmux_keys -l "$1"
	tmux_keys Enter
	tmux_wait "  ¶$2"
	tmux_screen | grep -F "  ¶$2" | sed 's/^ *//'
	tmux_keys q
	tmux_wait "pizhu library:"
	tmux_keys q
	tmux_wait_exit >/dev/null
	tmux_stop
}

"$PIZHU" import "$SPEECH" >/dev/null 2>&1
is "$(found 民生)" "2 4 3 6" "as parsed: the heading ¶2, then the body"
"$PIZHU" mark 1 6 heading 2 >/dev/null
is "$(found 民生)" "2 6 4 3" "mark … heading: ¶6 is found with the headings"
"$PIZHU" mark 1 2 body >/dev/null
is "$(found 民生)" "6 4 2 3" "mark … body: ¶2 is found with the body text"
is "$(found --limit 1 民生)" 6 "a first page of one is the corrected heading"
is "$(found 民)" "6 2 3 4" "a one-character search (a scan) ranks the same tiers"
is "$("$PIZHU" search --count 民生)" 4 "the count is unchanged"
healthy "with corrections"
is "$(search_path 民生 4)" "关于工作的讲话  ¶4" "the library's search: ¶4 is under no heading"
is "$(search_path 民生 6)" "关于工作的讲话 › 二、其他工作 › 结尾还要讲一讲别的事情，也讲一讲民生  ¶6" \
	"¶6 is shown as a heading under ¶5"

"$PIZHU" undo >/dev/null
is "$(found 民生)" "2 6 4 3" "undo (another process): ¶2 is a heading again"
is "$(search_path 民生为大 4)" "关于工作的讲话 › 一、民生工作  ¶4" "the library's search: ¶4 is under ¶2 again"
"$PIZHU" undo >/dev/null
is "$(found 民生)" "2 4 3 6" "undo again: ¶6 is body text again"
"$PIZHU" redo >/dev/null
"$PIZHU" redo >/dev/null
is "$(found 民生)" "6 4 2 3" "redo twice: as corrected"
healthy "after undo and redo"

"$PIZHU" mark 1 6 front >/dev/null
is "$(found 民生)" "4 2 3" "a paragraph hidden is not found"
is "$(found --all 民生)" "4 2 3 6" "with --all, as body text"
"$PIZHU" mark 1 6 heading 1 >/dev/null
is "$(found 民生)" "6 4 2 3" "marked a heading again, it is found first"

# The reader's H does the same: ¶3 made a heading in the reader.
tmux_start 100 30 env PIZHU_DB="$PIZHU_DB" "$PIZHU" 1
tmux_wait " ¶"
tmux_keys : 3 Enter
tmux_wait " ¶3/"
tmux_keys H
tmux_wait "heading depth (1-9): "
tmux_keys Enter
tmux_wait "已改为标题 (heading) ¶3"
ok $? "H in the reader makes ¶3 a heading"
tmux_keys q
tmux_wait_exit >/dev/null
tmux_stop
is "$(found 民生)" "3 6 4 2" "search finds ¶3 with the headings"
"$PIZHU" mark 1 3 parsed >/dev/null
healthy "after the reader's correction"

# A new version of the file (a line added before the corrected ones):
# the corrections follow it, and so do the tiers.
sed '2a\
开会前先说一句。' "$SPEECH" >"$SPEECH.new" && mv "$SPEECH.new" "$SPEECH"
"$PIZHU" import "$SPEECH" >/dev/null 2>&1
new=$("$PIZHU" list --tsv | awk -F '\t' 'NR > 1 { print $1 }' | tail -1)
is "$("$PIZHU" search 民生 | cut -f1 | sort -u)" "$new" "search finds the new version"
is "$(found 民生)" "7 5 3 4" "its ¶7 (was ¶6) a heading, ¶3 (was ¶2) body text"
healthy "after re-import"

# A corrected title (pizhu meta --title) is the title search finds, counts
# and shows, as the reader shows it; the parsed one is gone with it.
"$PIZHU" meta "$new" --title "关于乡村治理工作的讲话" >/dev/null
is "$("$PIZHU" search 乡村治理)" "$(printf '%s\t0\t关于乡村治理工作的讲话' "$new")" \
	"the corrected title is found, with its text"
is "$("$PIZHU" search --count 乡村治理)" 1 "and counted"
is "$("$PIZHU" search 治)" "$(printf '%s\t0\t关于乡村治理工作的讲话' "$new")" \
	"a one-character search (a scan) reads it too"
is "$("$PIZHU" search 关于工作的讲话)" "" "the parsed title is not found"
is "$("$PIZHU" search --count 关于工作的讲话)" 0 "nor counted"
healthy "with a corrected title"
"$PIZHU" undo >/dev/null
is "$(found 关于工作的讲话)" 0 "undone (another process): the parsed title is found again"
is "$(found 乡村治理)" "" "and the corrected one is not"
"$PIZHU" redo >/dev/null
# A version with a line more: the title's correction follows it.
printf '再补充一句。\n' >>"$SPEECH"
"$PIZHU" import "$SPEECH" >/dev/null 2>&1
newest=$("$PIZHU" list --tsv | awk -F '\t' 'NR > 1 { print $1 }' | tail -1)
is "$("$PIZHU" search 乡村治理 | cut -f1,2)" "$(printf '%s\t0' "$newest")" \
	"a new version: its corrected title is found"
healthy "after the title's correction moved"

# Lines the parser hid: brought back, found without --all; hidden again, not.
ADS="$SOURCE/tests/fixtures/hidden-lines.txt"
"$PIZHU" import "$ADS" >/dev/null 2>&1
ads=$("$PIZHU" list --tsv | awk -F '\t' 'index($0, "春耕生产") { print $1 }')
is "$(found 扫码订阅)" "" "a hidden line is not found"
"$PIZHU" mark "$ads" 1 body >/dev/null
is "$(found 扫码订阅)" 1 "brought back (mark … body, as R does), it is found"
"$PIZHU" mark "$ads" 1 parsed >/dev/null
is "$(found 扫码订阅)" "" "hidden again (mark … parsed), it is not"
heading=$("$PIZHU" cat --parsed --tsv "$ads" | awk -F '\t' 'index($3, "认清形势") { print $1 }')
"$PIZHU" mark "$ads" "$heading" front >/dev/null
is "$(found 认清形势)" "" "a heading hidden is not found"
is "$(found --all 认清形势)" "$heading" "with --all it is"

# Removed (the corrections go to a recovery file, then for good when pizhu
# exits): the heading index loses exactly its rows.
"$PIZHU" remove --force "$new" >/dev/null 2>&1
"$PIZHU" remove --force "$ads" >/dev/null 2>&1
is "$(found 民生)" "" "the removed speech is not found"
healthy "after removal"

done_testing
