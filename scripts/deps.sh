#!/bin/sh
# Installs the Debian packages pizhu needs to build and test, when they are
# missing. As root it runs apt-get; otherwise it prints the command to run.
# Does nothing when everything is present.
#   deps.sh            building and the tests
#   deps.sh fuzz       also clang and its libFuzzer runtime (make check, make fuzz)
#   deps.sh valgrind   also valgrind (make check-valgrind)
#
# The checks run compilers (and link a fuzzer probe), which takes about
# half a second; once they pass, a stamp in build/ remembers it for this
# script, these groups and these compilers, so the next make demo or make
# check starts at once. make clean (or removing build/deps-*.stamp)
# checks again.
#   deps.sh bench      also pandoc and pdftotext (poppler-utils), the references of the
#                      .docx and .pdf imports (make bench)
set -u

stamp_dir=${DEPS_STAMP_DIR:-build}
stamp="$stamp_dir/deps-$(printf '%s' "${*:-base}" | tr ' ' '-').stamp"
key="$(cksum <"$0") ${CC:-cc} ${FUZZ_CC:-clang} $*"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$key" ]; then
	exit 0
fi
remember() { mkdir -p "$stamp_dir" && printf '%s\n' "$key" >"$stamp"; }

missing=""
need() { # need PACKAGE TEST...
	package=$1
	shift
	"$@" >/dev/null 2>&1 || missing="$missing $package"
}
header() { # a header found by the C preprocessor
	printf '#include <%s>\n' "$1" | ${CC:-cc} -E -x c - >/dev/null 2>&1
}

# A language's data where libtesseract looks for it.
tesseract_has() {
	for dir in ${TESSDATA_PREFIX:-} /usr/share/tesseract-ocr/*/tessdata; do
		[ -f "$dir/$1.traineddata" ] && return 0
	done
	return 1
}

need gcc command -v "${CC:-cc}"
need make command -v make
need pkg-config command -v pkg-config
need libncurses-dev header ncurses.h
need libsqlite3-dev header sqlite3.h
need libunistring-dev header unistr.h
need libzip-dev header zip.h
need libxml2-dev pkg-config --exists libxml-2.0
need gettext command -v msgfmt
# The pinyin order of titles is made from glibc's zh_CN collation source.
need locales test -f /usr/share/i18n/locales/iso14651_t1_pinyin
# Web pages: uchardet guesses an undeclared charset. PDF: poppler, with
# poppler-data for the Adobe-GB1 CID fonts of Chinese PDFs.
need libuchardet-dev pkg-config --exists uchardet
need libpoppler-glib-dev pkg-config --exists poppler-glib
need poppler-data test -d /usr/share/poppler/cMap/Adobe-GB1
# OCR of scanned PDFs (pizhu --ocr): libtesseract and its Simplified
# Chinese data. pizhu builds without them, with --ocr saying so.
need libtesseract-dev pkg-config --exists tesseract
need tesseract-ocr-chi-sim tesseract_has chi_sim
need sqlite3 command -v sqlite3
need tmux command -v tmux
need perl command -v prove
need python3 command -v python3
need jq command -v jq

# A libFuzzer target links: clang and its runtime (libclang-rt-dev).
fuzzer_links() {
	command -v "${FUZZ_CC:-clang}" >/dev/null || return 1
	probe=$(mktemp -d)
	printf 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n)\n{ return d && n; }\n' \
		>"$probe/probe.c"
	"${FUZZ_CC:-clang}" -fsanitize=fuzzer,address,undefined -o "$probe/probe" "$probe/probe.c"
	status=$?
	rm -rf "$probe"
	return $status
}
for extra in "$@"; do
	case $extra in
	fuzz)
		need clang command -v "${FUZZ_CC:-clang}"
		need libclang-rt-dev fuzzer_links
		;;
	valgrind) need valgrind command -v valgrind ;;
	bench)
		need pandoc command -v pandoc
		need poppler-utils command -v pdftotext
		;;
	*)
		echo "deps.sh: unknown group '$extra'" >&2
		exit 2
		;;
	esac
done

if [ -z "$missing" ]; then
	remember
	exit 0
fi

if [ "$(id -u)" = 0 ]; then
	echo "pizhu: installing:$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >/dev/null && apt-get install -y -qq $missing >/dev/null || {
		echo "pizhu: apt-get install$missing failed" >&2
		exit 1
	}
	remember
else
	echo "pizhu: missing packages:$missing" >&2
	echo "run: sudo apt-get install$missing" >&2
	exit 1
fi
