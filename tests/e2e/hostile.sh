#!/bin/sh
# Hostile text: escape sequences (colour, cursor movement, screen clearing,
# OSC 52 clipboard, window title), C1 controls (UTF-8 encoded and raw
# bytes), bidi overrides, zero-width characters and combining marks, in a
# speech's text, in its file name, in notes, theme names and theme files.
# Nothing may reach the terminal as a control sequence: the CLI's output
# holds no ESC, no C0 but tab and newline, no C1 and no byte that is not
# UTF-8; the reader's raw output (recorded with script(1)) never holds the
# payload's sequences.
. "$(dirname "$0")/../lib.sh"
export PIZHU_DB="$TEST_DIR/library.db"

ESC=$(printf '\033')
BEL=$(printf '\007')
# Each sequence is followed by a marker, so the test can tell the payload's
# own bytes from the escape sequences curses writes.
payload="${ESC}[31mRED1${ESC}[2J${ESC}[HCLEAR2${ESC}]52;c;Q0xJUDM=${BEL}CLIP3${ESC}]0;TITLE4${BEL}$(printf '\302\23332mCSI5\23333mRAW6\342\200\256反向\342\200\254零\342\200\213宽e\314\201\314\201\010\177')"
{
	echo "讲话${ESC}]0;TITLE0${BEL}标题"
	echo "同志们：$payload"
	echo "一、第一部分$payload"
	echo "正文$payload"
} >"$TEST_DIR/hostile.txt"

# clean FILE: status 0 when the bytes are valid UTF-8 with no ESC, no other
# C0 control but tab and newline, no DEL, no C1 control and no
# bidirectional control (U+061C, U+200E/F, U+202A-E, U+2066-9).
clean() {
	iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1 &&
		! LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$1" &&
		! LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$1" &&
		! LC_ALL=C grep -qE "$(printf '\342\200[\216\217\252-\256]|\342\201[\246-\251]|\330\234')" "$1"
}
# cli NAME ARGS...: runs pizhu, checks stdout and stderr are clean.
cli() {
	name=$1
	shift
	"$PIZHU" "$@" >"$TEST_DIR/out" 2>"$TEST_DIR/err"
	status=$?
	clean "$TEST_DIR/out"
	ok $? "$name: stdout is clean text"
	clean "$TEST_DIR/err"
	ok $? "$name: stderr is clean text"
	return $status
}

cli "cat" cat "$TEST_DIR/hostile.txt"
like "$(cat "$TEST_DIR/out")" 'RED1' "cat shows the text around the escapes"
cli "cat --tsv" cat --tsv "$TEST_DIR/hostile.txt"
cli "outline" outline "$TEST_DIR/hostile.txt"
cli "outline --tsv" outline --tsv "$TEST_DIR/hostile.txt"
cli "import" import "$TEST_DIR/hostile.txt"
id=$(cut -f1 "$TEST_DIR/out")
is "$id" 1 "the hostile speech imports"
cli "list" list
cli "list --tsv" list --tsv
cli "search" search RED1
like "$(cat "$TEST_DIR/out")" 'RED1' "search finds the text"
cli "tag" tag 1 1-3 民生
cli "tags" tags 1
# Notes come from the command line: ESC, raw C1 bytes, bytes that are not UTF-8.
cli "note" note 1 2 "$payload$(printf '\377\376')"
cli "notes" notes 1
like "$(cat "$TEST_DIR/out")" 'CLIP3' "the note is kept, shown without its escapes"
# U+2028 and U+2029 break a line in some programs: a record stays one line.
"$PIZHU" note 1 1 "$(printf '甲\342\200\250乙\342\200\251丙\342\200\256丁')" >/dev/null
"$PIZHU" notes 1 >"$TEST_DIR/out"
is "$(grep -c '' "$TEST_DIR/out")" 2 "notes: a note with U+2028 and U+2029 is one record line"
like "$(grep '^1	' "$TEST_DIR/out")" "^1	甲 乙 丙丁$" \
	"  the separators shown as spaces, the bidi override left out"
# Exports: left out of Markdown, CSV and HTML; escaped in JSON Lines.
for format in md csv html matrix jsonl; do
	"$PIZHU" export --format "$format" >"$TEST_DIR/out"
	! LC_ALL=C grep -qE "$(printf '\342\200[\216\217\252-\256]|\342\201[\246-\251]|\330\234')" \
		"$TEST_DIR/out"
	ok $? "export --format $format: no raw bidirectional control"
done
like "$(cat "$TEST_DIR/out")" '\\u202e' "  it is escaped as \\u202e"
cli "history" history
cli "suggest" suggest 1
cli "undo" undo
cli "redo" redo

# File names: a message that quotes one must not carry its escapes.
bad_name="$TEST_DIR/$(printf 'x\033]0;TITLE\007\233y').txt"
cli "missing file with ESC in its name" cat "$bad_name"
is "$status" 1 "a missing file with ESC in its name: exit 1"
printf '标题\n正文\n' >"$bad_name"
cli "title-less file with ESC in its name" cat "$bad_name"
: >"$bad_name"
cli "empty file with ESC in its name" import "$bad_name"
rm -f "$bad_name"
printf '只有一行' >"$TEST_DIR/$(printf 'n\033[31m').txt"
cli "fallback title from a hostile name" cat --tsv "$TEST_DIR/$(printf 'n\033[31m').txt"

# Arguments quoted in usage errors and unknown names.
cli "unknown command with ESC" "$(printf 'x\033[2J')"
cli "unknown theme with ESC" tag 1 2 "$(printf '民\033]0;T\007')"
is "$status" 1 "an unknown theme: exit 1"

# Theme names: refused on the command line, and in theme files.
cli "themes add with ESC" themes add "$(printf '坏\033[31m')"
is "$status" 1 "a theme name with ESC is refused"
cli "themes add with C1" themes add "$(printf '坏\302\233')"
is "$status" 1 "a theme name with a C1 control is refused"
cli "themes add with a bidi override" themes add "$(printf '反\342\200\256向')"
is "$status" 0 "a theme name with a bidi override is text, taken"
mkdir -p "$XDG_CONFIG_HOME/pizhu/themes"
printf '[恶意\033]0;TITLE\007]\nkey = 5\n' >"$XDG_CONFIG_HOME/pizhu/themes/bad.theme"
cli "a theme file with ESC" themes
like "$(cat "$TEST_DIR/err")" 'bad.theme:1: a control character' "the theme file's line is named"
cli "themes --tsv" themes --tsv
printf '[a\tb]\nkey = 5\n' >"$XDG_CONFIG_HOME/pizhu/themes/bad.theme"
cli "a theme file with a tab in a name" list
is "$status" 0 "a tab in a theme file's name costs the file, not the command"
like "$(cat "$TEST_DIR/err")" 'bad.theme:1: a theme name cannot hold tabs' "and its line is named"
rm -f "$XDG_CONFIG_HOME/pizhu/themes/bad.theme"

# The reader: record every byte it writes with script(1) inside tmux.
if command -v script >/dev/null; then
	typescript="$TEST_DIR/typescript"
	tmux_start 100 30 script -q -f -c "'$PIZHU $TEST_DIR/hostile.txt'" "$typescript"
	tmux_wait "RED1"
	ok $? "the reader shows the hostile paragraph's text"
	tmux_keys j j j
	tmux_wait "¶3/3"
	# Zero-width and combining characters do not shift the screen: the
	# border between the panes stays in one column on every row.
	tmux_screen | head -n -1 | grep '│' | sed 's/│.*//' >"$TEST_DIR/left"
	columns=$(while IFS= read -r left; do printf '%s\n' "$left" | wc -L; done <"$TEST_DIR/left" | sort -u)
	is "$columns" 30 "the pane border stays in one column (display width) on every row"
	tmux_keys q
	is "$(tmux_wait_exit)" 0 "the reader quits normally"
	found=""
	for sequence in "${ESC}[31mRED1" "${ESC}[2J${ESC}[HCLEAR2" "${ESC}]52;" "${ESC}]0;TITLE" \
		"$(printf '\302\23332m')" "$(printf '\23333mRAW6')" "$(printf '\342\200\256')"; do
		LC_ALL=C grep -qF -- "$sequence" "$typescript" && found="$found $(printf '%s' "$sequence" | od -An -c | tr -s ' ')"
	done
	is "$found" "" "no escape sequence, C1 control or bidi override from the text reached the terminal"
	LC_ALL=C grep -q 'RED1' "$typescript"
	ok $? "the recording holds the reader's output"
else
	skip "script(1) absent: the reader's raw output cannot be recorded"
fi

done_testing
