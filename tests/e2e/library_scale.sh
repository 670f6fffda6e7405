#!/bin/sh
# The library view at scale, in tmux: the search of every speech fetches a
# page at a time as the cursor goes and counts in the background (the
# count shows when known; a new query stops the old count); the import
# (i) runs in the background with a progress bar, the list stays usable,
# and i again stops it with every speech imported so far kept.
. "$(dirname "$0")/../lib.sh"
export PIZHU_DB="$TEST_DIR/library.db"

# 30 speeches of 10 paragraphs with 民生 each: 300 hits, three windows
# of the search view's 100.
mkdir -p "$TEST_DIR/speeches"
for i in $(seq 10 39); do
	{
		echo "第${i}次民政工作会议上的讲话"
		echo "同志们："
		for j in $(seq 1 10); do
			echo "第${i}次会议第${j}项：办好民生实事，兜牢民生底线，落到实处。"
		done
	} >"$TEST_DIR/speeches/s$i.txt"
done
"$PIZHU" import "$TEST_DIR/speeches" >/dev/null
hits=$("$PIZHU" search --count 民生)
is "$hits" 300 "300 paragraphs hold 民生"

# The title of the speech and the paragraph of the Nth result, as the
# search view's path line shows them ("TITLE › … ¶PARA").
result_line() { # N
	"$PIZHU" search 民生 | sed -n "${1}p" | {
		IFS='	' read -r speech para _
		title=$("$PIZHU" list --tsv | awk -F'\t' -v id="$speech" '$1 == id {print $2}')
		echo "$title" "¶$para"
	}
}
on_screen() { # TITLE ¶PARA: a line of the screen holds both
	tmux_screen | grep -F -- "$1" | grep -qF -- "$2"
}

tmux_start 100 30 env PIZHU_DB="$PIZHU_DB" "$PIZHU"
tmux_wait "pizhu library:"
tmux_keys /
tmux_keys -l "民生"
tmux_keys Enter
tmux_wait "search “民生”: 1–14 / 300"
ok $? "the first page shows, then the count: 1–14 / 300"

# Page down eight times: past the first window of 100 results.
for k in 1 2 3 4 5 6 7 8; do tmux_keys PgDn; done
tmux_wait "search “民生”: 100–113 / 300"
ok $? "paging down past the first window: results 100–113"
set -- $(result_line 113)
on_screen "$1" "$2"
ok $? "result 113 is the one pizhu search gives ($1 $2)"
tmux_keys G
tmux_wait "search “民生”: 287–300 / 300"
ok $? "G goes to the last result"
set -- $(result_line 300)
on_screen "$1" "$2"
ok $? "which is pizhu search's last ($1 $2)"
tmux_keys g
tmux_wait "search “民生”: 1–14 / 300"
ok $? "g back to the first"
set -- $(result_line 1)
on_screen "$1" "$2"
ok $? "which is pizhu search's first"

# A new query while counting: a one-character query is a scan, counted
# apart; t narrows it at once to the paragraphs tagged 民生. The old
# count is stopped and never shown.
id=$("$PIZHU" list --tsv | awk -F'\t' '$2 == "第20次民政工作会议上的讲话" {print $1}')
"$PIZHU" tag "$id" 3 民生 >/dev/null && "$PIZHU" tag "$id" 4 民生 >/dev/null
echo "# id $id: $("$PIZHU" search --theme 民生 --count 民)"
tmux_keys q
tmux_wait "pizhu library:"
tmux_keys /
tmux_keys -l "民"
tmux_keys Enter t
tmux_keys -l "民生"
tmux_keys Enter
tmux_wait "search “民” in 民生: 2 results"
ok $? "a theme chosen while counting: the new count (2 results)"
sleep 0.5
like "$(tmux_screen | head -1)" "search “民” in 民生: 2 results" "the old count never replaces it"
# Closing the view while it counts: back at once.
tmux_keys q
tmux_wait "pizhu library:"
tmux_keys /
tmux_keys -l "民"
tmux_keys Enter q
tmux_wait "pizhu library: 30 speeches"
ok $? "q while counting goes back to the library"
tmux_keys q
is "$(tmux_wait_exit)" 0 "q leaves"
tmux_stop

# The import in the background: 300 generated files.
mkdir -p "$TEST_DIR/many"
awk -v dir="$TEST_DIR/many" 'BEGIN {
	for (i = 0; i < 300; i++) {
		file = sprintf("%s/%03d.txt", dir, i)
		printf "第%d篇生成的讲话\n同志们：\n", i > file
		for (j = 0; j < 120; j++)
			printf "一要抓好第%d篇的第%d件实事，推动高质量发展，落到实处。\n", i, j > file
		close(file)
	}
}'
# The library view, importing the 300 speeches of $TEST_DIR/many with
# `i`: returns once the progress bar shows.
start_import_of_many() {
	tmux_start 100 30 env PIZHU_DB="$PIZHU_DB" "$PIZHU"
	tmux_wait "pizhu library:"
	tmux_keys i
	tmux_wait "import file or directory"
	tmux_keys -l "$TEST_DIR/many"
	tmux_keys Enter
	tmux_wait "/300 speeches"
}
before=$("$PIZHU" list --tsv | tail -n +2 | wc -l | tr -d ' ')
start_import_of_many
ok $? "a long import shows its progress bar"
bar=$(tmux_screen | tail -1)
like "$bar" '\[[# ]+\] +[0-9]+%  [0-9]+/300 speeches  [0-9.]+/[0-9.]+ MB' \
	"with the share done, speeches and MB"
like "$bar" 'i stops' "and how to stop it"
# The list answers meanwhile: the filter narrows it.
tmux_keys -l "第2"
tmux_wait "title has “第2”"
ok $? "the list filters while the import runs"
tmux_keys Escape
tmux_wait_gone "title has “第2”"
tmux_keys i
tmux_wait "Stop the import? The speeches imported so far stay. (y/n)"
ok $? "i while importing asks whether to stop"
tmux_keys y
tmux_wait "import stopped: "
ok $? "y stops the import"
new=$(tmux_screen | tail -1 | sed -n 's/.*import stopped: \([0-9]*\) new.*/\1/p')
after=$("$PIZHU" list --tsv | tail -n +2 | wc -l | tr -d ' ')
is "$after" "$((before + ${new:-0}))" "every speech it says it imported is in the library ($new)"
ok "$([ "${new:-0}" -lt 300 ] && echo 0 || echo 1)" "stopped before the end"
like "$(tmux_screen | head -1)" "pizhu library: $after speeches" "and listed"
# Again, to the end: the speeches already there are found again.
tmux_keys i
tmux_wait "import file or directory"
tmux_keys -l "$TEST_DIR/many"
tmux_keys Enter
done=1
for wait in 1 2 3 4 5 6 7 8 9; do
	tmux_wait "already there, 0 failed" && done=0 && break
done
ok $done "imported again to the end"
like "$(tmux_screen | tail -1)" "^ $((300 - new)) new, 0 new versions, $new already there, 0 failed" \
	"the rest new, the first ones already there"
like "$(tmux_screen | head -1)" "pizhu library: $((before + 300)) speeches" "all listed"
tmux_keys q
is "$(tmux_wait_exit)" 0 "q leaves"
tmux_stop

# Quitting during an import: the batch in progress is rolled back, the
# library stays whole.
rm -f "$PIZHU_DB" "$PIZHU_DB-wal" "$PIZHU_DB-shm"
"$PIZHU" import "$TEST_DIR/speeches/s10.txt" >/dev/null
start_import_of_many
tmux_keys q
is "$(tmux_wait_exit)" 0 "q during an import leaves at once"
tmux_stop
is "$("$PIZHU" check)" ok "the library checks ok after it"

done_testing
