#!/bin/sh
# The real files of ../shared/corpus/formats: each NAME.EXT, read by
# pizhu outline --tsv, gives the title and outline of NAME.EXT.expected.tsv
# (convention in that folder's SOURCES.md, "Convention": titles and
# labels compared ignoring white space, depth by depth). Skipped when the
# folder is absent, and per format while pizhu cannot read it yet.
#
# FORMATS lists the extensions compared; a reader adds its own. A scanned
# PDF is expected to get its clear message without --ocr, and (when pizhu
# is built with OCR) its title and outline with --ocr. KNOWN
# lists the files whose outline is known to differ, each with the reason:
# they are reported as TODO (not failures) until fixed.
. "$(dirname "$0")/../lib.sh"
export PIZHU_DB="$TEST_DIR/library.db"
FORMATS=${FORMATS:-"docx doc html md pdf"}
FOLDER="$CORPUS/formats"

# known NAME: the reason NAME's outline differs, or nothing. Every file
# matches today; a known gap is a line `NAME-*) echo "reason" ;;`.
known() {
	case $1 in
	*) ;;
	esac
}

# normalised FILE: DEPTH<TAB>LABEL lines with every white space removed
# (U+3000, U+2000-U+200B, NBSP, BOM too), from expected (DEPTH LABEL) or
# pizhu outline --tsv (DEPTH PARA LABEL) lines. (Perl, which starts in a
# few milliseconds: \s is Unicode's white space, and \x1c-\x1f the
# separators Python's str.isspace also counts.)
normalised() {
	perl -CSD -ne '
chomp;
my @fields = split /\t/, $_, -1;
next if @fields < 2;
(my $label = $fields[-1]) =~ s/[\s\x{1c}-\x{1f}\x{3000}\x{2000}-\x{200b}\x{a0}\x{feff}]+//g;
print "$fields[0]\t$label\n";
' "$1"
}

# unsupported ERRORS: whether pizhu's messages say it does not read the
# file's format at all (read from the outline's run, not a run of its own).
unsupported() {
	grep -qE "cannot read this format yet|needs a converter" "$1"
}

if [ ! -d "$FOLDER" ]; then
	skip "../shared/corpus/formats is absent"
	done_testing
	exit
fi

for extension in $FORMATS; do
	for file in "$FOLDER"/*."$extension"; do
		[ -f "$file" ] || continue
		name=$(basename "$file")
		[ "$name" = SOURCES.md ] && continue
		if [ ! -f "$file.expected.tsv" ]; then
			skip "$name: no expected outline"
			continue
		fi
		ocr=
		case $name in
		*scanned*) # without --ocr a clear message and exit 1; with it, read
			"$PIZHU" outline --tsv "$file" >/dev/null 2>"$TEST_DIR/err"
			status=$?
			grep -q "no text layer (a scanned PDF)" "$TEST_DIR/err" && [ $status -eq 1 ]
			ok $? "$name: without --ocr a scan gets its clear message and exit 1"
			if grep -q "build pizhu with OCR" "$TEST_DIR/err"; then
				skip "$name: pizhu is built without OCR (tesseract)"
				continue
			fi
			ocr=--ocr
			;;
		esac
		timeout 300 "$PIZHU" outline --tsv $ocr "$file" >"$TEST_DIR/got.tsv" 2>"$TEST_DIR/err"
		status=$?
		if unsupported "$TEST_DIR/err"; then
			skip "$name: pizhu cannot read .$extension here (no reader or converter)"
			continue
		fi
		normalised "$TEST_DIR/got.tsv" >"$TEST_DIR/got"
		normalised "$file.expected.tsv" >"$TEST_DIR/expected"
		reason=$(known "$name")
		if [ $status -eq 0 ] && cmp -s "$TEST_DIR/got" "$TEST_DIR/expected"; then
			ok 0 "$name: title and outline as expected${reason:+ # TODO $reason (now passes)}"
			continue
		fi
		tap_count=$((tap_count + 1))
		if [ -n "$reason" ]; then
			echo "not ok $tap_count - $name: title and outline as expected # TODO $reason"
		else
			echo "not ok $tap_count - $name: title and outline as expected"
			tap_failed=$((tap_failed + 1))
		fi
		sed 's/^/#   /' "$TEST_DIR/err" | head -5
		diff "$TEST_DIR/expected" "$TEST_DIR/got" | head -${FORMATS_DIFF_LINES:-12} | sed 's/^/#   /'
	done
done
done_testing
