#!/bin/sh
# pizhu outline and pizhu cat on project fixtures (every encoding) and,
# when present, the shared corpus; usage errors and bad files.
. "$(dirname "$0")/../lib.sh"
FIXTURE="$SOURCE/tests/fixtures/short-speech.txt"

expected_outline='在全镇秋季工作推进会上的讲话
  一、认清形势，坚定信心
    （一）成绩来之不易
    （二）问题不容忽视
  二、突出重点，狠抓落实
    一是抓项目建设
    二是抓民生保障
      1.办好十件民生实事
        （1）完成老旧小区改造
      2.稳定粮食生产
    三是抓党的建设'
is "$("$PIZHU" outline "$FIXTURE")" "$expected_outline" "outline of the fixture"

# The two front-matter lines before the title are paragraphs 1 and 2,
# hidden (docs/structure.md, Numbering).
expected_tsv='0	0	在全镇秋季工作推进会上的讲话
1	5	一、认清形势，坚定信心
2	6	（一）成绩来之不易
2	7	（二）问题不容忽视
1	8	二、突出重点，狠抓落实
2	9	一是抓项目建设
2	10	二是抓民生保障
3	11	1.办好十件民生实事
4	12	（1）完成老旧小区改造
3	13	2.稳定粮食生产
2	14	三是抓党的建设'
is "$("$PIZHU" outline --tsv "$FIXTURE")" "$expected_tsv" "outline --tsv"

cat_tsv=$("$PIZHU" cat --tsv "$FIXTURE")
is "$(printf '%s\n' "$cat_tsv" | head -3)" '0	title	在全镇秋季工作推进会上的讲话
3	body	同志们：
4	body	今天召开这次会议，主要是总结前一阶段工作，安排部署秋季各项任务。下面，我讲两个方面。' \
	"cat --tsv: title, salutation, indentation removed"
is "$(printf '%s\n' "$cat_tsv" | cut -f2 | tr '\n' ' ')" \
	'title body body h1 h2 h2 h1 h2 h2 h3 h4 h3 h2 body body ' "cat --tsv roles"
is "$(printf '%s\n' "$cat_tsv" | grep -c 仅供学习)" 0 "front matter is not printed"
is "$(printf '%s\n' "$cat_tsv" | grep '三、四件')" '15	body	这里提到三、四件事情，都要抓紧办。' \
	"a marker inside a sentence is body"
is "$("$PIZHU" cat "$FIXTURE" | head -2)" '在全镇秋季工作推进会上的讲话
同志们：' "cat prints plain paragraphs"

# Every encoding gives the same text.
iconv -f UTF-8 -t GB18030 "$FIXTURE" >"$TEST_DIR/gb.txt"
is "$("$PIZHU" cat --tsv "$TEST_DIR/gb.txt")" "$cat_tsv" "GB18030 file reads the same"
{ printf '\357\273\277'; cat "$FIXTURE"; } >"$TEST_DIR/bom.txt"
is "$("$PIZHU" cat --tsv "$TEST_DIR/bom.txt")" "$cat_tsv" "UTF-8 with BOM reads the same"
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$FIXTURE"; } >"$TEST_DIR/le.txt"
is "$("$PIZHU" cat --tsv "$TEST_DIR/le.txt")" "$cat_tsv" "UTF-16LE with BOM reads the same"
{ printf '\376\377'; iconv -f UTF-8 -t UTF-16BE "$FIXTURE"; } >"$TEST_DIR/be.txt"
is "$("$PIZHU" cat --tsv "$TEST_DIR/be.txt")" "$cat_tsv" "UTF-16BE with BOM reads the same"
sed 's/$/\r/' "$FIXTURE" >"$TEST_DIR/crlf.txt"
is "$("$PIZHU" cat --tsv "$TEST_DIR/crlf.txt")" "$cat_tsv" "CRLF file reads the same"

# Damaged UTF-8: opens with U+FFFD and a warning.
{ head -n 5 "$FIXTURE"; printf '\377'; tail -n +6 "$FIXTURE"; } >"$TEST_DIR/damaged.txt"
out=$("$PIZHU" cat "$TEST_DIR/damaged.txt" 2>"$TEST_DIR/err")
ok $? "damaged UTF-8 opens"
like "$out" '�' "bad byte shown as U+FFFD"
is "$(cat "$TEST_DIR/err")" "pizhu: $TEST_DIR/damaged.txt: warning: 1 invalid byte shown as U+FFFD" \
	"warning on stderr"

# Escape sequences in a file never come out raw.
printf '标题\n正文\033[31m红色\033]0;title\007\n' >"$TEST_DIR/escape.txt"
"$PIZHU" cat "$TEST_DIR/escape.txt" >"$TEST_DIR/escape.out"
! grep -aq "$(printf '\033')" "$TEST_DIR/escape.out"
ok $? "no ESC byte in the output"

# Bad files: exit 1 and pizhu: PATH: reason.
check_refused() { # FILE REASON NAME
	"$PIZHU" outline "$1" >/dev/null 2>"$TEST_DIR/err"
	is "$?:$(cat "$TEST_DIR/err")" "1:pizhu: $1: $2" "$3"
}
check_refused "$TEST_DIR/missing.txt" "No such file or directory" "missing file"
check_refused "$TEST_DIR" "is a directory" "directory"
printf 'PK\003\004\000\000' >"$TEST_DIR/binary.zip"
check_refused "$TEST_DIR/binary.zip" \
	"not a speech pizhu can read (text, .docx, .doc, .html, .pdf, .md)" "binary file"
printf 'caf\351 cr\350me br\373l\351e\n' >"$TEST_DIR/latin1.txt"
check_refused "$TEST_DIR/latin1.txt" "not UTF-8 or GB18030 text" "Latin-1 file"
: >"$TEST_DIR/empty.txt"
check_refused "$TEST_DIR/empty.txt" "no text" "empty file"
printf '\n  \n\n' >"$TEST_DIR/blank.txt"
check_refused "$TEST_DIR/blank.txt" "no text" "blank lines only"
mkfifo "$TEST_DIR/fifo"
check_refused "$TEST_DIR/fifo" "not a regular file" "FIFO does not block"
if [ "$(id -u)" != 0 ]; then
	cp "$FIXTURE" "$TEST_DIR/locked.txt"
	chmod 000 "$TEST_DIR/locked.txt"
	check_refused "$TEST_DIR/locked.txt" "Permission denied" "unreadable file"
else
	skip "running as root: permissions are not enforced"
fi

# Usage errors: exit 2 and a usage line.
usage() { # NAME ARGS...
	name=$1
	shift
	"$PIZHU" "$@" >/dev/null 2>"$TEST_DIR/err"
	status=$?
	is "$status" 2 "$name: exit 2"
	like "$(cat "$TEST_DIR/err")" '^usage: pizhu' "$name: usage line"
}
usage "unknown command" frobnicate
usage "unknown option" --frobnicate
usage "outline without file" outline
usage "outline unknown option" outline --bogus "$FIXTURE"
usage "outline extra argument" outline "$FIXTURE" extra
usage "cat without file" cat
usage "help for unknown command" help frobnicate

like "$("$PIZHU" --help)" 'outline' "--help lists commands"
like "$("$PIZHU" --version)" '^pizhu [0-9]+\.[0-9]+' "--version"
like "$("$PIZHU" help outline)" 'DEPTH<TAB>PARA<TAB>LABEL' "help outline"
like "$("$PIZHU" outline --help)" '^usage: pizhu outline' "outline --help"

# The shared corpus, when present.
if [ -d "$CORPUS" ]; then
	depths() { "$PIZHU" outline --tsv "$1" | cut -f1 | sort | uniq -c | awk '{printf "%s:%s ", $2, $1}'; }
	is "$(depths "$CORPUS/seeds/speech-b.txt")" '0:1 1:4 2:14 ' "speech-b: 4 depth-1, 14 depth-2"
	is "$(depths "$CORPUS/seeds/speech-c.txt")" '0:1 1:3 2:14 ' "speech-c: 3 depth-1, 14 depth-2"
	is "$(depths "$CORPUS/seeds/speech-a.txt")" '0:1 1:6 ' "speech-a: six depth-1 headings"
	is "$("$PIZHU" outline --tsv "$CORPUS/seeds/speech-a.txt" | grep -c '^1	[0-9]*	[一二三四五六]要')" 6 \
		"speech-a: the depth-1 headings are 一要…六要"
	failures=0
	for file in "$CORPUS"/*/*.txt; do
		"$PIZHU" cat --tsv "$file" >/dev/null 2>&1 || failures=$((failures + 1))
	done
	is "$failures" 0 "every corpus file opens"
else
	skip "../shared/corpus absent"
fi

done_testing
