#!/bin/sh
# Bad and unusual input files for pizhu cat, outline, import and the
# reader: each opens correctly or exits 1 with "pizhu: PATH: reason",
# never crashes (every run is under ASan and UBSan in make check), and a
# failed import leaves no speech behind, half or whole.
. "$(dirname "$0")/../lib.sh"
export PIZHU_DB="$TEST_DIR/library.db"
FIXTURE="$SOURCE/tests/fixtures/short-speech.txt"
D="$TEST_DIR/files"
mkdir -p "$D"

# The files. Those that open: name TAB what cat --tsv's first line is.
: >"$D/empty.txt"
printf '\n\n   \n\t\n\r\n\343\200\200\n' >"$D/blank.txt"
printf 'PK\003\004\024\000\000\000\010\000binary' >"$D/binary.zip"
head -c 3000 /dev/urandom >"$D/random.bin"
{ head -n 5 "$FIXTURE"; printf '坏\377\376字节\n'; tail -n +6 "$FIXTURE"; } >"$D/invalid-middle.txt"
iconv -f UTF-8 -t GB18030 "$FIXTURE" >"$D/gb18030.txt"
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$FIXTURE"; } >"$D/utf16le.txt"
{ printf '\376\377'; iconv -f UTF-8 -t UTF-16BE "$FIXTURE"; } >"$D/utf16be.txt"
{ printf '\377\376'; printf 'a\000\000'; } >"$D/utf16-odd.txt"
# Many short lines: 100,000 in make check-full (PIZHU_CHECK_FULL), 25,000
# in make check (a library of 2.5 MB, well past the file size limit below).
LINES=25000
[ -n "${PIZHU_CHECK_FULL:-}" ] && LINES=100000
python3 -c "
import sys
with open(sys.argv[1], 'w') as f:
    f.write('长' * (10 * 1024 * 1024 // 3) + '\n')
with open(sys.argv[2], 'w') as f:
    f.write('题\n' + '字\n' * (int(sys.argv[3]) - 1))
" "$D/long-line.txt" "$D/many-lines.txt" "$LINES"
mkdir "$D/directory"
mkfifo "$D/fifo"

# opens FILE ROWS NAME: cat, outline and import succeed; cat --tsv has ROWS lines.
opens() {
	file=$1 rows=$2 name=$3
	"$PIZHU" cat --tsv "$file" >"$TEST_DIR/out" 2>"$TEST_DIR/err"
	status=$?
	is "$status:$(wc -l <"$TEST_DIR/out" | tr -d ' ')" "0:$rows" "$name: cat --tsv gives $rows paragraphs"
	"$PIZHU" outline "$file" >/dev/null 2>&1
	is "$?" 0 "$name: outline"
	"$PIZHU" import "$file" >"$TEST_DIR/out" 2>"$TEST_DIR/err"
	is "$?" 0 "$name: import"
}
# refused FILE REASON NAME [IMPORT_REASON]: cat, outline and import exit 1
# with pizhu: FILE: REASON (import, which also takes directories, with
# IMPORT_REASON when given), and the library holds no more speeches.
refused() {
	file=$1 reason=$2 name=$3 import_reason=${4:-$2}
	before=$("$PIZHU" list --tsv | wc -l)
	for command in cat outline import; do
		"$PIZHU" $command "$file" >"$TEST_DIR/out" 2>"$TEST_DIR/err"
		status=$?
		expected=$reason
		[ $command = import ] && expected=$import_reason
		is "$status:$(cat "$TEST_DIR/err")" "1:pizhu: $file: $expected" "$name: $command refuses it"
	done
	is "$("$PIZHU" list --tsv | wc -l)" "$before" "$name: no speech is added"
}

refused "$D/empty.txt" "no text" "empty file"
refused "$D/blank.txt" "no text" "only blank lines"
refused "$D/binary.zip" "not a speech pizhu can read (text, .docx, .doc, .html, .pdf, .md)" \
	"binary file"
refused "$D/directory" "is a directory" "a directory" \
	"no speech files in it (*.txt, *.docx, *.doc, *.html, *.htm, *.mhtml, *.mht, *.pdf, *.md)"
refused "$D/missing.txt" "No such file or directory" "a missing file"
refused "$D/fifo" "not a regular file" "a FIFO" "not a regular file or directory"
"$PIZHU" cat "$D/random.bin" >/dev/null 2>"$TEST_DIR/err"
status=$?
like "$status:$(cat "$TEST_DIR/err")" "^(0:.*|1:pizhu: $D/random.bin: .*)$" \
	"random bytes: opened or refused with a reason, no crash"
opens "$D/invalid-middle.txt" 16 "invalid UTF-8 in the middle"
like "$(cat "$TEST_DIR/err")" "^pizhu: $D/invalid-middle.txt: warning: 2 invalid bytes shown as U\+FFFD" \
	"invalid UTF-8: a warning names the file"
opens "$D/gb18030.txt" 15 "GB18030"
opens "$D/utf16le.txt" 15 "UTF-16LE with BOM"
opens "$D/utf16be.txt" 15 "UTF-16BE with BOM"
"$PIZHU" cat "$D/utf16-odd.txt" >/dev/null 2>"$TEST_DIR/err"
like "$?:$(cat "$TEST_DIR/err")" "^(0:.*|1:pizhu: $D/utf16-odd.txt: .*)$" \
	"UTF-16 with an odd number of bytes: opened or refused, no crash"
opens "$D/long-line.txt" 2 "a 10 MB single line (the file name is its title)"
opens "$D/many-lines.txt" "$LINES" "$LINES one-character lines"
is "$("$PIZHU" list --tsv | tail -n +2 | wc -l)" 6 "the six speeches that open are in the library"
is "$("$PIZHU" check)" ok "the library is sound"

# No read permission: root reads anything, so run as nobody when root.
cp "$FIXTURE" "$D/locked.txt"
chmod 000 "$D/locked.txt"
if [ "$(id -u)" != 0 ]; then
	refused "$D/locked.txt" "Permission denied" "no read permission"
elif command -v setpriv >/dev/null && id nobody >/dev/null 2>&1; then
	chmod 755 "$TEST_DIR" "$D"
	for command in cat outline; do
		setpriv --reuid=nobody --regid=nogroup --clear-groups "$PIZHU" $command "$D/locked.txt" \
			>/dev/null 2>"$TEST_DIR/err"
		is "$?:$(cat "$TEST_DIR/err")" "1:pizhu: $D/locked.txt: Permission denied" \
			"no read permission (as nobody): $command refuses it"
	done
else
	skip "root without setpriv or a nobody user: permissions are not enforced"
fi

# A failed import leaves nothing behind: a file size limit stops the
# import of the many lines part way (SIGXFSZ ignored, EFBIG).
"$PIZHU" --db "$TEST_DIR/small.db" import "$FIXTURE" >/dev/null
before=$("$PIZHU" --db "$TEST_DIR/small.db" list --tsv)
sh -c "trap '' XFSZ; ulimit -f 2000; exec \"\$@\"" sh \
	"$PIZHU" --db "$TEST_DIR/small.db" import "$D/many-lines.txt" >"$TEST_DIR/out" 2>"$TEST_DIR/err"
is "$?:$(cat "$TEST_DIR/out")" "1:" "an import that cannot be saved exits 1 and prints no id"
like "$(cat "$TEST_DIR/err")" "^pizhu: $D/many-lines.txt: database .*small.db" "and says which file and library"
is "$("$PIZHU" --db "$TEST_DIR/small.db" list --tsv)" "$before" "no half-imported speech is left"
is "$("$PIZHU" --db "$TEST_DIR/small.db" check)" ok "the library is sound"

# Several files at once: the good ones are imported, the bad ones named.
"$PIZHU" import "$D/empty.txt" "$FIXTURE" "$D/binary.zip" >"$TEST_DIR/out" 2>"$TEST_DIR/err"
is "$?" 1 "import of good and bad files: exit 1"
like "$(cat "$TEST_DIR/out")" "^[0-9]+	在全镇秋季工作推进会上的讲话$" "the good file is imported"
is "$(wc -l <"$TEST_DIR/err" | tr -d ' ')" 2 "each bad file has its line on stderr"

# The reader: the files that open, open; the others end with the message.
reader_opens() { # FILE NAME
	tmux_start 100 30 "$PIZHU" "$1"
	tmux_wait "¶0/"
	ok $? "reader: $2 opens"
	tmux_keys G
	tmux_wait "100%"
	ok $? "reader: $2: G goes to the end"
	tmux_keys q
	is "$(tmux_wait_exit)" 0 "reader: $2: q quits"
}
reader_refuses() { # FILE REASON NAME
	tmux_start 100 30 "$PIZHU" "$1"
	is "$(tmux_wait_exit)" 1 "reader: $3: exit 1"
	like "$(tmux_screen)" "pizhu: $1: $2" "reader: $3: the message is shown"
}
reader_opens "$D/gb18030.txt" "GB18030"
reader_opens "$D/utf16be.txt" "UTF-16BE"
reader_opens "$D/invalid-middle.txt" "invalid UTF-8 in the middle"
reader_opens "$D/long-line.txt" "a 10 MB single line"
reader_opens "$D/many-lines.txt" "$LINES one-character lines"
reader_refuses "$D/empty.txt" "no text" "empty file"
reader_refuses "$D/binary.zip" "not a speech pizhu can read" "binary file"
reader_refuses "$D/directory" "is a directory" "a directory"
reader_refuses "$D/fifo" "not a regular file" "a FIFO"
reader_refuses "$D/missing.txt" "No such file" "a missing file"

# A file the reader cannot read is parsed before the library is opened:
# it leaves no new library behind, and a library that cannot be used
# does not hide the file's own reason.
tmux_start 100 30 env PIZHU_DB="$TEST_DIR/none/library.db" "$PIZHU" "$D/binary.zip"
is "$(tmux_wait_exit)" 1 "reader without a library: a binary file ends it with status 1"
like "$(tmux_screen)" "pizhu: $D/binary.zip: not a speech pizhu can read" "with the file's reason"
ok "$([ ! -e "$TEST_DIR/none" ]; echo $?)" "and no library is created"
printf 'not a library\n' >"$TEST_DIR/foreign.db"
tmux_start 100 30 env PIZHU_DB="$TEST_DIR/foreign.db" "$PIZHU" "$D/binary.zip"
is "$(tmux_wait_exit)" 1 "reader with an unusable library: a binary file ends it with status 1"
like "$(tmux_screen)" "pizhu: $D/binary.zip: not a speech pizhu can read" "with the file's reason"
tmux_start 100 30 env PIZHU_DB="$TEST_DIR/foreign.db" "$PIZHU" "$FIXTURE"
is "$(tmux_wait_exit)" 1 "a speech file with an unusable library ends it with status 1"
like "$(tmux_screen)" "pizhu: $TEST_DIR/foreign.db: not a pizhu database" "with the library's reason"
is "$(cat "$TEST_DIR/foreign.db")" "not a library" "which is left untouched"

done_testing
