#!/bin/sh
# run.sh — the fuzz harnesses of tests/fuzz/fuzz_NAME.c.
#
#   run.sh                 make check: TAP. Replays the seeds and every input
#                          in tests/fuzz/regressions/NAME/ (gcc, ASan, UBSan),
#                          then runs each libFuzzer harness for FUZZ_CHECK_RUNS
#                          inputs with a fixed seed, so a run is repeatable
#                          (a quarter of its count, all with PIZHU_CHECK_FULL=1).
#   run.sh --long SECONDS  make fuzz: each harness for SECONDS, seeded from the
#                          project's fixtures and ../shared/corpus when present;
#                          the corpus grows in build/fuzz/corpus/NAME, crashes
#                          land in build/fuzz/crashes/, figures in
#                          build/fuzz/last-run.txt.
#   run.sh --available     status 0 when $FUZZ_CC can link a libFuzzer target.
#
# A crash is turned into a regression test by copying its input into
# tests/fuzz/regressions/NAME/ (see docs/reliability.md).
set -u
SOURCE=${PIZHU_SOURCE:-$(pwd)}
BUILD="$SOURCE/build"
FUZZ_CC=${FUZZ_CC:-clang}
CORPUS="$SOURCE/../shared/corpus"
NAMES="bind catalogue correct docx html layout library markdown pdf search speech theme user_dirs"

if [ "${1:-}" = --available ]; then
	probe=$(mktemp -d)
	printf 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n)\n{ return d && n; }\n' \
		>"$probe/probe.c"
	"$FUZZ_CC" -fsanitize=fuzzer,address,undefined -o "$probe/probe" "$probe/probe.c" \
		>/dev/null 2>&1
	status=$?
	rm -rf "$probe"
	exit $status
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/pizhu-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT

# byte N: prints one byte of value N (0-255).
byte() { printf "\\$(printf %o "$1")"; }

# seeds NAME DIRECTORY [long]: fills DIRECTORY with the seed inputs of a
# harness; with "long", also from the shared corpus.
seeds() {
	name=$1 directory=$2 long=${3:-}
	mkdir -p "$directory"
	cp "$SOURCE/tests/fuzz/seeds/$name"/* "$directory/"
	fixture="$SOURCE/tests/fixtures/short-speech.txt"
	case $name in
	speech)
		cp "$SOURCE"/tests/fixtures/*.txt "$SOURCE"/examples/*.txt "$directory/"
		iconv -f UTF-8 -t GB18030 "$fixture" >"$directory/fixture-gb18030.txt"
		{ byte 255; byte 254; iconv -f UTF-8 -t UTF-16LE "$fixture"; } >"$directory/fixture-utf16le.txt"
		{ byte 254; byte 255; iconv -f UTF-8 -t UTF-16BE "$fixture"; } >"$directory/fixture-utf16be.txt"
		if [ -n "$long" ] && [ -d "$CORPUS" ]; then
			i=0
			find "$CORPUS" -name '*.txt' | sort | while read -r file; do
				i=$((i + 1))
				cp "$file" "$directory/corpus-$i.txt"
			done
		fi
		;;
	catalogue)
		catalogue="$BUILD/locale/zh_CN/LC_MESSAGES/pizhu.mo"
		if [ -f "$catalogue" ]; then cp "$catalogue" "$directory/pizhu.mo"; fi
		;;
	theme)
		cp "$SOURCE"/themes/*.theme "$directory/"
		;;
	docx)
		# The real Word files, when the corpus is there.
		for file in "$CORPUS"/formats/*.docx; do
			[ -f "$file" ] && cp "$file" "$directory/"
		done
		;;
	html | markdown | pdf)
		# The corpus's pages, notes and PDFs are small and few: seeds
		# for make check too.
		extension=$name
		[ "$name" = markdown ] && extension=md
		if [ -d "$CORPUS/formats" ]; then
			find "$CORPUS/formats" -name "*.$extension" | while read -r file; do
				cp "$file" "$directory/corpus-$(basename "$file")"
			done
		fi
		;;
	search)
		{ byte 0; printf '民生\n'; cat "$fixture"; } >"$directory/fixture.q"
		;;
	layout)
		# Each paragraph of the fixture (and of the corpus) at a few widths.
		files=$fixture
		if [ -n "$long" ] && [ -d "$CORPUS" ]; then
			files="$files $(find "$CORPUS" -name '*.txt' | sort | head -40)"
		fi
		n=0
		for file in $files; do
			head -30 "$file" | while IFS= read -r line; do
				n=$((n + 1))
				width=$(((n * 7) % 90 + 3))
				{ byte "$width"; byte $((n % 5)); byte $((n % 2)); printf '%s' "$line"; } \
					>"$directory/$(basename "$file" .txt)-$n"
			done
		done
		;;
	esac
}

options() { # NAME: libFuzzer options of a harness
	case $1 in
	speech | layout | html | markdown) max_len=16384 ;;
	docx) max_len=131072 ;;
	pdf) max_len=65536 ;;
	library) max_len=512 ;;
	*) max_len=4096 ;;
	esac
	# Inputs make check runs: a quarter (an eighth of speech's costly
	# ones), under a second each on one core; make check-full
	# (PIZHU_CHECK_FULL=1) runs them all, a few seconds each.
	case $1 in
	search) check_runs=6000 ;;
	library) check_runs=500 ;;
	theme) check_runs=40000 ;;
	docx) check_runs=4000 ;;
	html) check_runs=3000 ;;
	markdown) check_runs=5000 ;;
	pdf) check_runs=400 ;;
	*) check_runs=20000 ;;
	esac
	if [ -z "${PIZHU_CHECK_FULL:-}" ]; then
		check_runs=$((check_runs / 4))
		[ "$1" = speech ] && check_runs=$((check_runs / 2))
	fi
	echo "-dict=$SOURCE/tests/fuzz/dict/$1.dict -max_len=$max_len -timeout=10 -rss_limit_mb=2048"
}

# executed LOG: the number of inputs libFuzzer ran.
executed() { sed -n 's/^stat::number_of_executed_units: *//p' "$1" | tail -1; }

if [ "${1:-}" = --long ]; then
	seconds=${2:-60}
	mkdir -p "$BUILD/fuzz/crashes"
	summary="$BUILD/fuzz/last-run.txt"
	{
		echo "# make fuzz, $(date -u +%Y-%m-%dT%H:%M:%SZ), $seconds s per harness"
		[ -d "$CORPUS" ] && echo "# seeded from tests/fixtures and ../shared/corpus" ||
			echo "# seeded from tests/fixtures (../shared/corpus absent)"
	} >"$summary"
	failed=0
	for name in $NAMES; do
		binary="$BUILD/fuzz/fuzz_$name"
		corpus="$BUILD/fuzz/corpus/$name"
		mkdir -p "$corpus"
		seeds "$name" "$work/seeds-$name" long
		before=$(ls "$BUILD/fuzz/crashes" | wc -l)
		echo "fuzz $name for $seconds s"
		# shellcheck disable=SC2046
		"$binary" $(options "$name") -max_total_time="$seconds" -print_final_stats=1 \
			-artifact_prefix="$BUILD/fuzz/crashes/$name-" "$corpus" "$work/seeds-$name" \
			$(find "$SOURCE/tests/fuzz/regressions/$name" -maxdepth 0 2>/dev/null) \
			>"$work/$name.log" 2>&1
		status=$?
		crashes=$(($(ls "$BUILD/fuzz/crashes" | wc -l) - before))
		line="$name: $(executed "$work/$name.log") inputs run, corpus $(ls "$corpus" | wc -l) files, $crashes new crash files, status $status"
		echo "$line" | tee -a "$summary"
		if [ $status -ne 0 ]; then
			failed=1
			grep -E 'ERROR|broken promise|SUMMARY|Test unit written' "$work/$name.log" | head -10
		fi
	done
	echo "figures in $summary; crashing inputs in $BUILD/fuzz/crashes/"
	exit $failed
fi

# make check: TAP. FUZZ_CHECK_RUNS overrides the number of inputs.
count=0
failed=0
ok() {
	count=$((count + 1))
	if [ "$1" -eq 0 ]; then echo "ok $count - $2"; else
		echo "not ok $count - $2"
		failed=$((failed + 1))
	fi
}
for name in $NAMES; do
	seeds "$name" "$work/seeds-$name"
	regressions="$SOURCE/tests/fuzz/regressions/$name"
	# A harness with no crash kept yet has no directory (git keeps none).
	[ -d "$regressions" ] || regressions=""
	kept=0
	[ -n "$regressions" ] && kept=$(find "$regressions" -type f ! -name '.*' | wc -l)
	"$BUILD/check/fuzz/replay_$name" "$work/seeds-$name" ${regressions:+"$regressions"} \
		>"$work/$name.replay" 2>&1
	status=$?
	[ $status -ne 0 ] && sed 's/^/# /' "$work/$name.replay" | tail -20
	ok $status "$name: seeds and $kept regression inputs replay cleanly"
	binary="$BUILD/fuzz/fuzz_$name"
	if [ ! -x "$binary" ]; then
		count=$((count + 1))
		echo "ok $count # skip $name: libFuzzer unavailable ($FUZZ_CC -fsanitize=fuzzer)"
		continue
	fi
	mkdir -p "$work/corpus-$name"
	options "$name" >/dev/null
	# shellcheck disable=SC2046
	"$binary" $(options "$name") -seed=1 -runs="${FUZZ_CHECK_RUNS:-$check_runs}" -max_total_time=60 \
		-print_final_stats=1 -artifact_prefix="$work/crash-$name-" \
		"$work/corpus-$name" "$work/seeds-$name" >"$work/$name.log" 2>&1
	status=$?
	if [ $status -ne 0 ]; then
		grep -E 'ERROR|broken promise|SUMMARY|#[0-9]|Test unit' "$work/$name.log" | tail -15 |
			sed 's/^/# /'
		for crash in "$work"/crash-"$name"-*; do
			[ -f "$crash" ] || continue
			mkdir -p "$BUILD/fuzz/crashes"
			cp "$crash" "$BUILD/fuzz/crashes/"
			echo "# input kept as $BUILD/fuzz/crashes/$(basename "$crash")"
		done
	fi
	ok $status "$name: $(executed "$work/$name.log") libFuzzer inputs with seed 1"
done
echo "1..$count"
[ $failed -eq 0 ]
