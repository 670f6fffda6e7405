#!/bin/sh
# Corrections of the structure by the user: a paragraph made a heading, a
# slogan moved to the front matter, the title set, undo across a restart,
# and the corrections kept when a changed file is imported again.
. "$(dirname "$0")/../lib.sh"
SPEECH="$TEST_DIR/speech.txt"
export PIZHU_DB="$TEST_DIR/library.db"
cat >"$SPEECH" <<'TEXT'
在全区工作会议上的讲话
奋进新时代 建功新征程
同志们：
今天召开会议，主要任务是部署全年工作。
一、回顾过去一年
去年我们做了很多工作，成绩来之不易。
关于今年的工作，我再讲几点意见。
今年要抓好项目建设、民生保障和党的建设三件事。
二、安排今年工作
要抓落实，各部门要各负其责。
这一段在新版本里会被删掉。
TEXT

# The number of the paragraph of speech 1 (or SPEECH) that holds TEXT
# (cat --parsed --tsv), or nothing.
paragraph_of() {
	"$PIZHU" cat --parsed --tsv "${2:-1}" | awk -F '\t' -v text="$1" 'index($3, text) { print $1; exit }'
}

start_reader() {
	tmux_start 100 30 env PIZHU_DB="$PIZHU_DB" "$PIZHU" "$@"
	tmux_wait " ¶"
}
# The reading pane only: what is right of the outline's border.
tmux_text() { tmux_screen | sed 's/^[^│]*│//'; }
quit_reader() {
	tmux_keys q
	tmux_wait_exit >/dev/null
	tmux_stop
}

"$PIZHU" import "$SPEECH" >/dev/null 2>&1
heading=$(paragraph_of 关于今年的工作)
slogan=$(paragraph_of 奋进新时代)
dropped=$(paragraph_of 会被删掉)
like "$heading" '^[0-9]+$' "the paragraph to make a heading is body text as parsed"
if "$PIZHU" outline 1 | grep -q 关于今年的工作; then
	ok 1 "the parser did not take it for a heading"
else
	ok 0 "the parser did not take it for a heading"
fi

# H on it, depth 1: the outline pane shows it at once.
start_reader "$SPEECH"
tmux_keys : "$heading" Enter
tmux_wait " ¶$heading/"
tmux_keys H
tmux_wait "heading depth (1-9): "
ok $? "H asks for the depth"
tmux_keys BSpace 1 Enter
tmux_wait "已改为标题 (heading) ¶$heading, depth 1"
ok $? "the status line confirms the heading"
tmux_wait 关于今年的工作 tmux_outline
ok $? "the outline pane shows the new heading"
tmux_keys j
tmux_wait " ¶$((heading + 1))/"
like "$(tmux_screen | tail -1)" "关于今年的工作.*¶$((heading + 1))/" \
	"the status line shows the section of the paragraph below it"

# < on the slogan: gone from the text, listed by M with its number.
if [ -n "$slogan" ]; then
	tmux_keys : "$slogan" Enter
	tmux_wait " ¶$slogan/"
	tmux_keys '<'
	tmux_wait "已移入前置内容"
	ok $? "< moves the slogan to the front matter"
	tmux_wait_gone "奋进新时代"
	ok $? "the slogan is gone from the text"
	tmux_keys M
	tmux_wait "¶$slogan front 奋进新时代"
	ok $? "M lists it with its number"
	tmux_keys M
else
	skip "the parser hid the slogan itself"
	skip "the parser hid the slogan itself"
	skip "the parser hid the slogan itself"
fi
quit_reader

like "$("$PIZHU" outline 1)" "^  关于今年的工作" "pizhu outline shows the corrected structure"
like "$("$PIZHU" outline "$SPEECH")" "^  关于今年的工作" "outline of the file the library holds shows it corrected"
like "$("$PIZHU" cat --tsv "$SPEECH")" "	h1	关于今年的工作" "and so does cat"
if "$PIZHU" outline --parsed 1 | grep -q 关于今年的工作; then
	ok 1 "outline --parsed shows what the parser found"
else
	ok 0 "outline --parsed shows what the parser found"
fi
if [ -n "$slogan" ]; then
	"$PIZHU" cat 1 | grep -q 奋进新时代
	ok $((! $?)) "pizhu cat leaves the slogan out"
	like "$("$PIZHU" cat --parsed 1)" 奋进新时代 "cat --parsed keeps it"
	is "$("$PIZHU" cat --tsv 1 | awk -F '\t' 'index($3, "关于今年的工作") { print $1 }')" \
		"$heading" "no paragraph was renumbered"
fi

# The title, set on the command line; a tag stays on its paragraph.
"$PIZHU" tag 1 "$heading" 民生 >/dev/null
"$PIZHU" meta 1 --title 全区工作会议讲话（修订） >/dev/null
like "$("$PIZHU" list)" "全区工作会议讲话（修订）" "the library lists the new title"
like "$("$PIZHU" outline 1 | head -1)" "^全区工作会议讲话（修订）$" "the outline starts with it"
like "$("$PIZHU" history 1)" "$(id -un 2>/dev/null || echo .)" "the history names the user"

# Undo in the reader, quit, and the structure is still corrected.
start_reader 1
tmux_keys u
tmux_wait "undone: title 1 全区工作会议讲话（修订）"
ok $? "u undoes the title"
tmux_wait "在全区工作会议上的讲话"
ok $? "the parsed title is back on the screen"
quit_reader
start_reader 1
tmux_wait 关于今年的工作 tmux_outline
ok $? "after a restart the heading is still in the outline"
tmux_keys C-r
tmux_wait "redone: title"
ok $? "Ctrl-R after a restart redoes the title"
quit_reader
like "$("$PIZHU" outline 1 | head -1)" "^全区工作会议讲话（修订）$" "the title is back"

# The file itself, which the library holds, opens as corrected there.
start_reader "$SPEECH"
tmux_wait 关于今年的工作 tmux_outline
ok $? "pizhu FILE shows the corrected heading in the outline"
tmux_wait 全区工作会议讲话（修订）
ok $? "and the corrected title"
quit_reader

# A correction on a paragraph the new version drops.
"$PIZHU" mark 1 "$dropped" back >/dev/null
# The new version: a paragraph added before the others, one dropped.
cat >"$SPEECH" <<'TEXT'
在全区工作会议上的讲话
奋进新时代 建功新征程
同志们：
今天召开会议，主要任务是部署全年工作。
刚才，几位同志作了发言，讲得很好。
一、回顾过去一年
去年我们做了很多工作，成绩来之不易。
关于今年的工作，我再讲几点意见。
今年要抓好项目建设、民生保障和党的建设三件事。
二、安排今年工作
要抓落实，各部门要各负其责。
TEXT
report=$("$PIZHU" import "$SPEECH" 2>&1)
like "$report" "structure corrections? re-attached, 1 orphaned" "import reports the corrections kept and lost"
new=$("$PIZHU" list --tsv | awk -F '\t' 'NR > 1 { print $1 }' | tail -1)
like "$("$PIZHU" outline "$new")" "^  关于今年的工作" "the new version keeps the heading"
like "$("$PIZHU" outline "$new" | head -1)" "^全区工作会议讲话（修订）$" "and the title"
if [ -n "$slogan" ]; then
	"$PIZHU" cat "$new" | grep -q 奋进新时代
	ok $((! $?)) "and the slogan stays in the front matter"
fi
like "$("$PIZHU" list --orphans)" "	correction	back	这一段在新版本里会被删掉" \
	"list --orphans names the correction that found no place"
like "$("$PIZHU" tags "$new")" "民生" "the tag followed as well"

# In the reader of the new version, the heading is there at once, and a
# correction made by another pizhu shows within a moment.
start_reader "$new"
tmux_wait 关于今年的工作 tmux_outline
ok $? "the reader shows the kept heading"
"$PIZHU" mark "$new" "$(paragraph_of 关于今年的工作 "$new")" body >/dev/null
tmux_wait_gone 关于今年的工作 tmux_outline
ok $? "a correction from another pizhu shows in the open reader"
quit_reader

# Lines the parser hid are numbered: M lists them, R brings one back, mark
# hides it again; search leaves them out unless --all.
ADS="$SOURCE/tests/fixtures/hidden-lines.txt"
"$PIZHU" import "$ADS" >/dev/null 2>&1
ads=$("$PIZHU" list --tsv | awk -F '\t' 'index($0, "春耕生产") { print $1 }')
is "$("$PIZHU" cat --tsv "$ads" | head -2 | cut -f1)" "0
3" "the ad lines are ¶1 and ¶2, left out of cat"
is "$("$PIZHU" search 扫码订阅 | wc -l)" 0 "search leaves them out"
like "$("$PIZHU" search --all 扫码订阅)" "^$ads	1	本站会员专享" "search --all finds them"
start_reader "$ads"
tmux_keys M
tmux_wait "¶1 front 本站会员专享 扫码订阅"
ok $? "M lists the parser's hidden lines with their numbers"
tmux_keys M
tmux_keys R
tmux_wait "bring back paragraph ¶"
tmux_keys BSpace 1 Enter
tmux_wait_gone "bring back paragraph"
tmux_wait "本站会员专享 扫码订阅" tmux_text
ok $? "R brings the parser's line back into the text"
quit_reader
is "$("$PIZHU" cat --tsv "$ads" | sed -n 2p)" "1	body	本站会员专享 扫码订阅" \
	"cat shows it as ¶1, no number moved"
"$PIZHU" mark "$ads" 1 parsed >/dev/null
is "$("$PIZHU" cat --tsv "$ads" | sed -n 2p | cut -f1)" 3 "mark … parsed hides it again"
"$PIZHU" mark "$ads" 2 body >/dev/null
like "$("$PIZHU" search 转发分享)" "^$ads	2	" "mark … body brings a line back, and search finds it"

done_testing
