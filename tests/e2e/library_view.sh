#!/bin/sh
# The library view in tmux: listing, filtering as you type, opening and
# coming back, searching every speech, importing a directory, editing
# metadata, removing and bringing back.
. "$(dirname "$0")/../lib.sh"
export PIZHU_DB="$TEST_DIR/library.db"
mkdir -p "$TEST_DIR/speeches"
cp "$SOURCE/examples/sample-speech.txt" "$SOURCE/tests/fixtures/short-speech.txt" \
	"$TEST_DIR/speeches/"
[ -d "$CORPUS" ] && cp "$CORPUS/seeds/"*.txt "$TEST_DIR/speeches/"
"$PIZHU" import "$TEST_DIR/speeches" >/dev/null
count=$("$PIZHU" list --tsv | tail -n +2 | wc -l | tr -d ' ')

start_library() {
	tmux_start 110 30 env PIZHU_DB="$PIZHU_DB" "$PIZHU" "$@"
	tmux_wait "pizhu library:"
}

start_library
like "$(tmux_screen | head -1)" "pizhu library: $count speeches" "pizhu alone opens the library"
like "$(tmux_screen)" "在青川区委全体会议暨经济工作会议上的讲话" "a speech's title is listed"
like "$(tmux_screen)" "2026-01-08" "with the date guessed from its text"

# Typing Chinese filters by title at once; Esc clears.
tmux_keys -l "秋季"
tmux_wait "pizhu library: 1 speech"
ok $? "typing 秋季 narrows the list to one speech"
like "$(tmux_screen)" "在全镇秋季工作推进会上的讲话" "the speech that matches"
tmux_keys Enter
tmux_wait " ¶0/"
ok $? "Enter opens it in the reader"
tmux_keys q
tmux_wait "pizhu library: 1 speech"
ok $? "q in the reader comes back to the library"
tmux_keys Escape
tmux_wait "pizhu library: $count speeches"
ok $? "Esc clears the filter"

# Sorting.
tmux_keys s
tmux_wait "sorted by date"
ok $? "s sorts by date"
like "$(tmux_screen | sed -n 3p)" "2026-01-08" "the dated speech first"

# Search every speech: a two-character and a long query.
expected=$("$PIZHU" search 民生 | head -1 | cut -f1,2)
tmux_keys /
tmux_keys -l "民生"
tmux_keys Enter
tmux_wait "search “民生”"
ok $? "/ searches every speech"
tmux_keys Enter
tmux_wait " ¶$(echo "$expected" | cut -f2)/"
ok $? "Enter opens the first result at its paragraph"
tmux_run capture-pane -e -p -t t >"$TEST_DIR/escaped"
grep -q "民生" "$TEST_DIR/escaped" && grep -q "$(printf '\033')\[[0-9;]*4[0-9]m民生\|$(printf '\033')\[[0-9;]*7m民生" "$TEST_DIR/escaped"
ok $? "the words found are highlighted in the reader"
tmux_keys q
tmux_wait "search “民生”"
ok $? "q goes back to the results"
tmux_keys q
long="做好今年的工作，要特别注重把握好几个关系"
line=$(grep -n "$long" "$SOURCE/examples/sample-speech.txt" | cut -d: -f1)
tmux_keys /
tmux_keys -l "$long"
tmux_keys Enter
tmux_wait "search “$long”: 1 result"
ok $? "a long query finds its one paragraph"
tmux_keys Enter
tmux_wait " ¶$((line - 1))/"
ok $? "and opens at it"
tmux_keys q
tmux_wait "search “"
tmux_keys q
tmux_wait "pizhu library:"

# Import a directory with a bad file in it: the rest go on.
mkdir -p "$TEST_DIR/more/sub"
printf '新的讲话\n同志们：\n今天讲一件事。\n' >"$TEST_DIR/more/new.txt"
printf 'PK\003\004\000\000' >"$TEST_DIR/more/sub/broken.txt"
tmux_keys i
tmux_wait "import file or directory"
tmux_keys -l "$TEST_DIR/more"
tmux_keys Enter
tmux_wait "files that could not be imported"
like "$(tmux_screen)" "broken.txt: not a speech pizhu can read" "the bad file is listed with its reason"
tmux_keys q
tmux_wait "1 new, 0 new versions, 0 already there, 1 failed"
ok $? "the other file was imported"
like "$(tmux_screen | head -1)" "pizhu library: $((count + 1)) speeches" "and is listed"

# Edit metadata.
tmux_keys g
tmux_keys -l "新的"
tmux_wait "pizhu library: 1 speech"
tmux_keys e
tmux_wait "title: "
tmux_keys Enter
tmux_wait "date (e.g. 2026-01-08):"
tmux_keys -l "2025年12月1日"
tmux_keys Enter
tmux_keys -l "X书记"
tmux_keys Enter Enter Enter
tmux_wait "metadata saved"
ok $? "e saves the metadata"
id=$("$PIZHU" list --tsv | awk -F'\t' '$2 == "新的讲话" {print $1}')
is "$("$PIZHU" meta "$id" | grep -E '^(date|speaker)' | tr '\t\n' '= ')" "date=2025-12-01 speaker=X书记 " \
	"the library holds it"

# Remove, and bring back.
"$PIZHU" tag "$id" 2 民生 >/dev/null
tmux_keys d
tmux_wait "with its 1 tag and 0 notes? (y/n)"
ok $? "d asks first, saying what the speech holds"
tmux_keys y
tmux_wait "removed (u brings it back"
ok $? "y removes it"
is "$("$PIZHU" list --tsv | awk -F'\t' -v id="$id" '$1 == id' | wc -l | tr -d ' ')" 0 \
	"it is gone from the list"
tmux_keys u
tmux_wait "is back"
ok $? "u brings it back"
is "$("$PIZHU" tags "$id")" "2	民生" "with its tag"
tmux_keys q
is "$(tmux_wait_exit)" 0 "q leaves the library"
tmux_stop

# Several files on the command line: imported, then the library.
printf '另一篇讲话\n同志们：\n内容。\n' >"$TEST_DIR/x.txt"
printf '第三篇讲话\n同志们：\n内容。\n' >"$TEST_DIR/y.txt"
start_library "$TEST_DIR/x.txt" "$TEST_DIR/y.txt"
like "$(tmux_screen | head -1)" "pizhu library: $((count + 3)) speeches" "pizhu FILE FILE imports both and opens the library"
tmux_keys q
tmux_wait_exit >/dev/null
tmux_stop

done_testing
