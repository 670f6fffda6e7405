#!/bin/sh
# The reader and the library in Chinese: under LANG=zh_CN.UTF-8, and under
# C.UTF-8 with `language = zh` in the settings file; English under
# en_US.UTF-8. Also the rough edges of issue 15 in the terminal interface:
# the library's labelled columns, the export dialog's BOM, folder and
# path, the breadcrumb's width, the date prompt's example, a new theme
# checked in the picker, and G showing the last page full.
. "$(dirname "$0")/../lib.sh"
export PIZHU_DB="$TEST_DIR/library.db"
SAMPLE="$SOURCE/examples/sample-speech.txt"
FIXTURE="$SOURCE/tests/fixtures/short-speech.txt"

"$PIZHU" import "$SAMPLE" "$FIXTURE" >/dev/null 2>&1
"$PIZHU" meta 1 --speaker 张明 --occasion 区委全体会议 >/dev/null

# Two 政府工作报告 that only their speaker, occasion and date tell apart.
mkdir -p "$TEST_DIR/reports"
for year in 2024 2025; do
	printf '政府工作报告\n\n各位代表：\n\n现在，我代表%s年的政府，向大会报告工作。\n' "$year" \
		>"$TEST_DIR/reports/report-$year.txt"
done
"$PIZHU" import "$TEST_DIR/reports" >/dev/null 2>&1
"$PIZHU" meta 3 --date 2024-01-20 --speaker 王省长 --occasion 省人大二次会议 >/dev/null
"$PIZHU" meta 4 --date 2025-01-18 --speaker 李省长 --occasion 省人大三次会议 >/dev/null

# zh_screens HOW COMMAND...: the Chinese screens, pizhu started by COMMAND.
zh_screens() {
	how=$1
	shift
	tmux_start 100 30 "$@"
	tmux_wait "标题"
	screen=$(tmux_screen)
	like "$(echo "$screen" | head -1)" '^ pizhu 文库：4 篇讲话 · 按标题排序' "$how: the library's header"
	like "$(echo "$screen" | sed -n 2p)" '^ 标题 +日期 +讲话人 +场合 +段落 +标注 +进度$' \
		"$how: the library's columns are labelled"
	like "$(echo "$screen" | tail -1)" 'Enter 阅读  / 搜索  s 排序' "$how: the library's hints"
	tmux_keys x
	tmux_wait "未知按键"
	ok $? "$how: an error in Chinese (未知按键)"
	tmux_keys /
	tmux_keys -l 青川
	tmux_keys Enter
	tmux_wait "条结果"
	like "$(tmux_screen | head -1)" '^ 搜索“青川”：[0-9]+ 条结果' "$how: the search view"
	tmux_keys q
	tmux_wait "标题"
	tmux_keys -l "在青川"
	tmux_wait "1 篇讲话"
	tmux_keys Enter
	tmux_wait "/54"
	tmux_keys : && tmux_keys 4 Enter
	tmux_wait "¶4/54"
	tmux_keys 3
	tmux_wait "已标注 民生 ¶4"
	ok $? "$how: the reader confirms 已标注 民生 ¶4"
	tmux_keys 3
	tmux_wait "已取消 民生 ¶4"
	like "$(tmux_screen | tail -1)" '已取消 民生 ¶4 +¶4/54' "$how: 已取消 with no English after it"
	tmux_keys '?'
	tmux_wait "按键"
	screen=$(tmux_screen)
	like "$(echo "$screen" | head -1)" '^ pizhu — 按键' "$how: the help screen's title"
	like "$screen" '阅读窗格 +j Down +下一段  \[paragraph-next\]' "$how: help in Chinese, bind names kept"
	tmux_keys q
	tmux_wait_gone "按键"
	tmux_keys E
	tmux_wait "导出摘录"
	screen=$(tmux_screen)
	like "$screen" '主题 \(t\)  全部主题' "$how: the export dialog's labels"
	like "$screen" '讲话 \(s\)  本篇讲话' "$how: aligned, whatever their width"
	like "$screen" 'Enter：导出   Esc：取消' "$how: the dialog's hints"
	tmux_keys Escape
	tmux_wait_gone "导出摘录"
	tmux_keys q
	tmux_wait "排序"
	tmux_keys q
	tmux_wait_exit >/dev/null
	tmux_stop
}
zh_screens "LANG=zh_CN.UTF-8" env -u LC_ALL LANG=zh_CN.UTF-8 "$PIZHU"
mkdir -p "$XDG_CONFIG_HOME/pizhu"
echo "language = zh" >"$XDG_CONFIG_HOME/pizhu/config"
zh_screens "C.UTF-8 with language = zh" "$PIZHU"
rm "$XDG_CONFIG_HOME/pizhu/config"

# English under en_US.UTF-8.
tmux_start 100 30 env -u LC_ALL LANG=en_US.UTF-8 "$PIZHU"
tmux_wait "title"
screen=$(tmux_screen)
like "$(echo "$screen" | head -1)" '^ pizhu library: 4 speeches · sorted by title' "en_US: the library"
like "$(echo "$screen" | sed -n 2p)" '^ title +date +speaker +occasion +paras +tags +read$' \
	"en_US: the columns' labels"
tmux_keys '?'
tmux_wait "keys"
like "$(tmux_screen)" 'reader +j Down +next paragraph  \[paragraph-next\]' "en_US: help in English"
tmux_keys q q
tmux_wait_exit >/dev/null
tmux_stop

# --- the library tells the reports apart -----------------------------------------
tmux_start 100 30 "$PIZHU"
tmux_wait "sorted by"
screen=$(tmux_screen)
like "$screen" '政府工作报告 +2024-01-20 王省长 +省人大二次会议 +¶' \
	"a report's date, speaker and occasion in their columns"
like "$screen" '政府工作报告 +2025-01-18 李省长 +省人大三次会议 +¶' "and the other's"
tmux_stop
tmux_start 70 20 "$PIZHU"
tmux_wait "sorted by"
like "$(tmux_screen | sed -n 2p)" '^ title +paras +tags +read$' "a narrow terminal: the title and counts"
tmux_stop

# --- the date prompt reads as an example --------------------------------------------
tmux_start 100 30 env -u LC_ALL LANG=zh_CN.UTF-8 "$PIZHU"
tmux_wait "标题"
tmux_keys e
tmux_wait "标题："
tmux_keys Enter
tmux_wait "日期（如 2026-01-08）："
ok $? "the date prompt: 日期（如 2026-01-08）："
tmux_stop

# --- G: the last page full, as less shows it ------------------------------------------
tmux_start 100 30 "$PIZHU" 1
tmux_wait "/54"
tmux_keys G
tmux_wait "¶54/54"
screen=$(tmux_screen)
row=$(echo "$screen" | grep -n '同志们，新的一年' | cut -d: -f1)
ok "$([ "${row:-0}" -gt 20 ] && echo 0 || echo 1)" "G: the last paragraph at the bottom (row $row of 30)"
like "$(echo "$screen" | sed -n 1p)" '│ .*[^ ]' "and the page above it filled"
# The breadcrumb takes the room the status line has (it was cut at 18
# columns a heading, 四、坚持全面从严…, while the line was half empty).
like "$(echo "$screen" | tail -1)" '^ 在青川区委全体.* › 四、坚持全面从严治党，为高.* › （四）驰而不息推进党风廉' \
	"the breadcrumb's headings take the room beside the title"
tmux_stop

# --- a new theme made in the picker comes checked -----------------------------------
tmux_start 100 30 "$PIZHU" 1
tmux_wait "/54"
tmux_keys : && tmux_keys 6 Enter
tmux_wait "¶6/54"
tmux_keys t
tmux_wait "Themes for"
tmux_keys n
tmux_wait "new theme name:"
tmux_keys -l 法治
tmux_keys Enter
tmux_wait "key 1-9"
tmux_keys Enter
tmux_wait "colour"
tmux_keys Enter
tmux_wait "new theme 法治"
tmux_keys Enter
tmux_wait "themes set on ¶6"
ok $? "Enter right after making it applies the new theme"
tmux_keys q
tmux_wait_exit >/dev/null
tmux_stop
is "$("$PIZHU" tags 1 | grep -c '法治')" 1 "¶6 carries 法治"

# --- the export dialog: a BOM for CSV, the documents folder, the whole path --------
# format_csv: presses f in the export dialog until its format is csv, each
# press waited for on the screen, at most once round the formats.
format_csv() {
	for _ in 1 2 3 4 5 6 7 8; do
		line=$(tmux_screen | grep -F 'Format  (f)')
		case $line in *'Format  (f)  csv'*) return 0 ;; esac
		tmux_keys f
		tmux_wait_gone "$line" || return 1
	done
	return 1
}
mkdir -p "$HOME/文档" "$XDG_CONFIG_HOME"
printf 'XDG_DESKTOP_DIR="$HOME/桌面"\nXDG_DOCUMENTS_DIR="$HOME/文档"\n' >"$XDG_CONFIG_HOME/user-dirs.dirs"
tmux_start 120 30 "$PIZHU" 1
tmux_wait "/54"
tmux_keys E
tmux_wait "Export excerpts"
format_csv
like "$(tmux_screen)" 'BOM     \(b\)  yes' "CSV: a BOM by default"
like "$(tmux_screen)" "File    \(e\)  $HOME/文档/" "the file goes to XDG_DOCUMENTS_DIR"
tmux_keys Enter
tmux_wait "exported"
like "$(tmux_screen | tail -1)" "exported 1 excerpt to $HOME/文档/" "the status line shows the whole path"
tmux_stop
csv=$(ls "$HOME/文档/"*.csv)
is "$(head -c 3 "$csv" | od -An -tx1 | tr -d ' ')" "efbbbf" "the CSV starts with a BOM"
rm "$csv"
tmux_start 120 30 "$PIZHU" 1
tmux_wait "/54"
tmux_keys E
tmux_wait "Export excerpts"
format_csv
tmux_keys b
tmux_wait "BOM     (b)  no"
tmux_keys Enter
tmux_wait "exported"
tmux_stop
csv=$(ls "$HOME/文档/"*.csv)
is "$(head -c 5 "$csv")" "theme" "b: no BOM, the header row first"
rm "$XDG_CONFIG_HOME/user-dirs.dirs"
tmux_start 120 30 "$PIZHU" 1
tmux_wait "/54"
tmux_keys E
tmux_wait "Export excerpts"
like "$(tmux_screen)" "File    \(e\)  $HOME/在青川" "no user-dirs.dirs: HOME"
tmux_stop

done_testing
