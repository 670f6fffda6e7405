#!/bin/sh
# Word files end to end: a .docx (numbers typed, or made by Word's
# automatic numbering) gives the same outline as the same speech in text;
# import records the format and stores the extracted text; the same file
# again is a no-op, a changed one a new version; the reader opens it.
# Bombs and a large document end in a message or a bounded result; a
# .doc without a converter says how to get one.
. "$(dirname "$0")/../lib.sh"
export PIZHU_DB="$TEST_DIR/library.db"
MAKE_DOCX="python3 $SOURCE/tests/tools/make_docx.py"
FIXTURE="$SOURCE/tests/fixtures/short-speech.txt"
D="$TEST_DIR/files"
mkdir -p "$D"
# The .doc converters' temporary copies go here, where no other test's
# can be, so that the last check sees only this test's.
export TMPDIR="$TEST_DIR/tmp"
mkdir -p "$TMPDIR"

# --- the same speech as text and as .docx ---------------------------------
$MAKE_DOCX "$D/typed.docx" <"$FIXTURE"
$MAKE_DOCX "$D/numbered.docx" --numbered <"$FIXTURE"
text_outline=$("$PIZHU" outline --tsv "$FIXTURE")
is "$("$PIZHU" outline --tsv "$D/typed.docx")" "$text_outline" ".docx with typed numbers: the text's outline"
is "$("$PIZHU" outline --tsv "$D/numbered.docx")" "$text_outline" \
	".docx with Word's automatic numbers: the same outline"
is "$("$PIZHU" cat "$D/numbered.docx")" "$("$PIZHU" cat "$FIXTURE")" "and the same text"

# --- import -----------------------------------------------------------------
"$PIZHU" import "$D/numbered.docx" >"$TEST_DIR/out" 2>"$TEST_DIR/err"
is "$?:$(cat "$TEST_DIR/err")" "0:" "import of a .docx"
id=$(cut -f1 "$TEST_DIR/out")
is "$(sqlite3 "$PIZHU_DB" "SELECT format FROM documents WHERE id = $id")" docx "the format is recorded"
like "$("$PIZHU" search 老旧小区)" "老旧小区" "its extracted text is searched"
"$PIZHU" import "$D/numbered.docx" >"$TEST_DIR/again" 2>&1
is "$(cat "$TEST_DIR/again")" "$(cat "$TEST_DIR/out")" "the same file again: the same speech, nothing new"
{ cat "$FIXTURE"; echo "三、补充一项新的工作"; } | $MAKE_DOCX "$D/numbered.docx" --numbered
"$PIZHU" import "$D/numbered.docx" >"$TEST_DIR/out" 2>"$TEST_DIR/err"
like "$(cat "$TEST_DIR/err")" "new version of speech $id" "a changed file: a new version"
like "$("$PIZHU" outline "$(cut -f1 "$TEST_DIR/out")")" "三、补充一项新的工作" \
	"with the new automatically numbered heading"

# A directory takes .docx files beside .txt, and names what it skips.
mkdir -p "$D/dir"
cp "$FIXTURE" "$D/dir/a.txt"
cp "$D/typed.docx" "$D/dir/b.docx"
printf 'not a speech' >"$D/dir/c.png"
"$PIZHU" --db "$TEST_DIR/dir.db" import "$D/dir" >"$TEST_DIR/out" 2>"$TEST_DIR/err"
is "$?:$(wc -l <"$TEST_DIR/out" | tr -d ' ')" "0:2" "a directory: the .txt and the .docx"
like "$(cat "$TEST_DIR/err")" "c.png: skipped: not a speech file" "the other file is named as skipped"

# --- the reader ---------------------------------------------------------------
tmux_start 100 30 "$PIZHU" "$D/typed.docx"
tmux_wait "¶0/"
like "$(tmux_screen)" "一、认清形势，坚定信心" "the reader shows a .docx with its outline"
tmux_keys q
is "$(tmux_wait_exit)" 0 "and quits"

# --- hostile and large files ---------------------------------------------------
$MAKE_DOCX "$D/bomb.docx" --zip-bomb 100
"$PIZHU" cat "$D/bomb.docx" >/dev/null 2>"$TEST_DIR/err"
like "$?:$(cat "$TEST_DIR/err")" "^1:pizhu: $D/bomb.docx: .*zip bomb" "a zip bomb: refused with a message"
$MAKE_DOCX "$D/entities.docx" --entity-bomb
"$PIZHU" cat "$D/entities.docx" >/dev/null 2>"$TEST_DIR/err"
like "$?:$(cat "$TEST_DIR/err")" "^1:pizhu: $D/entities.docx: .*document type or entities" \
	"an entity bomb: refused with a message"
head -c 3000 /dev/urandom >"$D/random.docx"
"$PIZHU" cat "$D/random.docx" >/dev/null 2>"$TEST_DIR/err"
like "$?:$(cat "$TEST_DIR/err")" "^1:pizhu: $D/random.docx: not a speech pizhu can read" \
	"random bytes named .docx: not a speech pizhu can read"
printf 'PK\003\004\024\000\000\000word/document.xml' >"$D/truncated.docx"
"$PIZHU" cat "$D/truncated.docx" >/dev/null 2>"$TEST_DIR/err"
like "$?:$(cat "$TEST_DIR/err")" "^1:pizhu: $D/truncated.docx: damaged zip package" \
	"a truncated package: damaged"

# Stored uncompressed, each paragraph different: 40,000 paragraphs, about
# 50 MB, in make check-full (PIZHU_CHECK_FULL); 10,000, about 12 MB, in
# make check.
PARAGRAPHS=10000
[ -n "${PIZHU_CHECK_FULL:-}" ] && PARAGRAPHS=40000
awk -v paragraphs="$PARAGRAPHS" 'BEGIN { for (i = 1; i <= paragraphs; i++) { printf "第%d段：", i;
	for (j = 0; j < 24; j++) printf "推进高质量发展，保障和改善民生，"; print "" } }' |
	$MAKE_DOCX "$D/large.docx" --stored
size=$(wc -c <"$D/large.docx")
ok "$([ "$size" -gt $((PARAGRAPHS * 1100)) ]; echo $?)" "a large .docx ($size bytes)"
start=$(date +%s)
"$PIZHU" --db "$TEST_DIR/large.db" import "$D/large.docx" >"$TEST_DIR/out" 2>"$TEST_DIR/err"
is "$?:$(cat "$TEST_DIR/err")" "0:" "it is imported"
is "$(sqlite3 "$TEST_DIR/large.db" "SELECT paragraph_count FROM documents")" "$PARAGRAPHS" \
	"every paragraph (too long for a title: the file name is)"
echo "# imported in $(($(date +%s) - start)) s"

# --- Word 97 .doc -------------------------------------------------------------
printf '\320\317\021\340\241\261\032\341' >"$D/old.doc"
head -c 2000 /dev/zero >>"$D/old.doc"
PIZHU_DOC_CONVERTER=none "$PIZHU" cat "$D/old.doc" >/dev/null 2>"$TEST_DIR/err"
is "$?:$(cat "$TEST_DIR/err")" "1:pizhu: $D/old.doc: a Word 97-2003 .doc file needs a converter: install catdoc (apt-get install catdoc) or LibreOffice (apt-get install libreoffice-writer), or save it as .docx in Word or WPS" \
	"a .doc without a converter: the message says how to get one"
for converter in catdoc soffice; do
	if ! command -v $converter >/dev/null; then
		skip "$converter is not installed"
		continue
	fi
	PIZHU_DOC_CONVERTER=$converter "$PIZHU" cat "$D/old.doc" >/dev/null 2>"$TEST_DIR/err"
	like "$?:$(cat "$TEST_DIR/err")" "^1:pizhu: $D/old.doc: .+" \
		"$converter: a damaged .doc ends in a message, not garbage"
	doc=$(ls "$CORPUS"/formats/doc-01-*.doc 2>/dev/null | head -1)
	if [ -z "$doc" ]; then
		skip "no corpus .doc"
		continue
	fi
	PIZHU_DOC_CONVERTER=$converter "$PIZHU" outline --tsv "$doc" >"$TEST_DIR/out" 2>"$TEST_DIR/err"
	like "$?:$(head -1 "$TEST_DIR/out")" "^0:0	0	核电厂定期安全评价 第12部分：设计 编制说明$" \
		"$converter: a real .doc reads (its title from the cover)"
done
is "$(ls "$TMPDIR" | grep -c '^pizhu-doc\.')" 0 "no temporary copy is left behind"
done_testing
