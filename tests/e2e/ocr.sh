#!/bin/sh
# OCR of scanned PDFs: --ocr, --no-ocr and `ocr = yes`, on image-only PDFs
# the test writes (blank pages: quick, OCR finds nothing) and on a text
# PDF (OCR leaves its pages alone); a pizhu built without OCR, or whose
# OCR plugin is missing, says how to get it; pizhu is linked with none of
# what OCR needs (the plugin loads it). With the corpus and OCR built in: the import of the scanned PDF
# shows its progress on the terminal and Ctrl-C stops it with nothing
# stored. (tests/e2e/formats.sh compares the scan's title and outline.)
. "$(dirname "$0")/../lib.sh"
export PIZHU_DB="$TEST_DIR/library.db"
D="$TEST_DIR/files"
mkdir -p "$D" "$XDG_CONFIG_HOME/pizhu"
python3 "$SOURCE/tests/tools/make_scan_pdf.py" "$D/blank.pdf" 1
printf '%s\n' 在全镇秋季工作推进会上的讲话 同志们： 今天召开这次会议，主要是总结前一阶段工作。 \
	一、认清形势，坚定信心 我们的成绩来之不易。 二、突出重点，狠抓落实 要抓项目建设。 \
	>"$D/speech.txt"
python3 "$SOURCE/tests/tools/make_pdf.py" "$D/speech.pdf" <"$D/speech.txt"
SCAN="$CORPUS/formats/pdf-05-scanned-capital-vol1.pdf"

# run ARGS...: pizhu's exit status, then its stderr.
run() {
	timeout 120 "$PIZHU" "$@" >"$TEST_DIR/out" 2>"$TEST_DIR/err"
	echo "$?"
	cat "$TEST_DIR/err"
}

got=$(run cat "$D/blank.pdf")
like "$got" "^1
pizhu: .*blank.pdf: this PDF has no text layer \(a scanned PDF\)" "without --ocr a scan gets its clear message"

# The binary itself (not the valgrind wrapper, a script).
if [ "$(head -c 4 "$PIZHU")" = "$(printf '\177ELF')" ]; then
	libraries=$(ldd "$PIZHU" 2>&1)
	! printf '%s\n' "$libraries" | grep -E "tesseract|cairo|poppler"
	ok $? "pizhu is not linked with tesseract, cairo or poppler: they are loaded on demand"
else
	skip "$PIZHU is not the binary: its libraries"
fi

if "$PIZHU" --ocr cat "$D/speech.pdf" 2>&1 >/dev/null | grep -q "built without OCR"; then
	got=$(run cat --ocr "$D/blank.pdf")
	like "$got" "^1
pizhu: --ocr: this pizhu was built without OCR: apt install tesseract-ocr-chi-sim libtesseract-dev, then build pizhu again" \
		"built without OCR: --ocr says what to install"
	like "$(run cat "$D/blank.pdf")" "build pizhu with OCR \(apt install tesseract-ocr-chi-sim libtesseract-dev\)" \
		"built without OCR: the scan's message says how to get it"
	echo "ocr = yes" >"$XDG_CONFIG_HOME/pizhu/config"
	like "$(run cat "$D/blank.pdf")" "^1
pizhu: .*blank.pdf: this pizhu was built without OCR: apt install" "built without OCR: ocr = yes on a scan says what to install"
	skip "OCR not built in: the tests of reading by OCR"
	done_testing
	exit
fi
skip "OCR built in: the message of a pizhu built without it"

# The same pizhu away from its build folder, where its plugin is not, and
# not installed either.
if [ "$(head -c 4 "$PIZHU")" = "$(printf '\177ELF')" ]; then
	mkdir "$TEST_DIR/alone"
	cp "$PIZHU" "$TEST_DIR/alone/pizhu"
	got=$(timeout 120 "$TEST_DIR/alone/pizhu" --ocr cat "$D/blank.pdf" 2>&1)
	if printf '%s\n' "$got" | grep -q "OCR found no text"; then
		skip "an installed OCR plugin is found: the message of a missing one"
	else
		like "$got" "^pizhu: --ocr: pizhu's OCR plugin \(pizhu-ocr.so\) is not installed: install pizhu again" \
			"a pizhu without its OCR plugin: --ocr says what to install"
	fi
	mkdir "$TEST_DIR/alone/build"
	echo "not a library" >"$TEST_DIR/alone/build/pizhu-ocr.so"
	like "$(timeout 120 "$TEST_DIR/alone/pizhu" --ocr cat "$D/blank.pdf" 2>&1)" \
		"^pizhu: .*blank.pdf: the OCR plugin cannot be loaded: .*pizhu-ocr.so" \
		"a damaged OCR plugin: the reading fails and says why"
else
	skip "$PIZHU is not the binary: the message of a missing OCR plugin"
fi

like "$(run cat "$D/blank.pdf")" "read it by OCR with --ocr" "the scan's message names --ocr"
like "$(run cat --ocr "$D/blank.pdf")" "^1
pizhu: .*blank.pdf: OCR found no text in this scanned PDF" "--ocr on blank pages: nothing found, exit 1"
like "$(run --ocr outline "$D/blank.pdf")" "OCR found no text" "--ocr before the command works too"

# pizhu FILE --ocr: the reader's way, the option after the file.
tmux_start 100 10 "'$PIZHU' '$D/blank.pdf' --ocr"
status=$(tmux_wait_exit)
is "$status" 1 "pizhu FILE --ocr reads by OCR (nothing found: exit 1)"
like "$(tmux_screen)" "OCR found no text" "and says so"
tmux_stop

is "$("$PIZHU" outline --tsv --ocr "$D/speech.pdf")" "$("$PIZHU" outline --tsv "$D/speech.pdf")" \
	"--ocr leaves a PDF with a text layer as it is"

echo "ocr = yes" >"$XDG_CONFIG_HOME/pizhu/config"
like "$(run cat "$D/blank.pdf")" "OCR found no text" "ocr = yes in the settings file reads scans by OCR"
like "$(run cat --no-ocr "$D/blank.pdf")" "read it by OCR with --ocr" "--no-ocr wins over the settings file"
echo "ocr = maybe" >"$XDG_CONFIG_HOME/pizhu/config"
like "$(run cat "$D/speech.pdf")" "^1
pizhu: .*config:1: ocr takes yes or no" "a bad ocr setting is reported"
rm "$XDG_CONFIG_HOME/pizhu/config"

if [ ! -f "$SCAN" ]; then
	skip "../shared/corpus is absent: the import of a real scan"
	done_testing
	exit
fi
# A long OCR shows its progress, and Ctrl-C stops it: the import is one
# transaction, so the library stays empty.
tmux_start 100 10 "'$PIZHU' import --ocr '$SCAN'"
tmux_wait "OCR: page 1 of 2"
ok $? "the import shows the OCR's progress"
# Ctrl-C reaches the shell that runs pizhu too, which then writes no
# status: the process is watched instead.
pid=$(tmux_program_pid)
tmux_keys C-c
i=0
while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ $i -lt "$tmux_polls" ]; do
	sleep 0.05
	i=$((i + 1))
done
[ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null
ok $? "Ctrl-C stops the OCR"
is "$("$PIZHU" list 2>&1)" "" "nothing of the stopped import is in the library"
tmux_stop
done_testing
