#!/bin/sh
# Paragraph numbers that no speech has: pizhu tag and note answer at once
# with exit 1 and a message, store nothing, and never count to the number
# given (a number as large as a size_t once looped forever, and a long
# list was sorted one insertion at a time for more than ten seconds).
. "$(dirname "$0")/../lib.sh"
export PIZHU_DB="$TEST_DIR/library.db"
"$PIZHU" import "$SOURCE/tests/fixtures/short-speech.txt" >/dev/null
count=$("$PIZHU" cat --tsv 1 | tail -n 1 | cut -f1)

# refused NAME MESSAGE ARGS...: pizhu ARGS exits 1 with MESSAGE within
# ten seconds (timeout's 124 otherwise).
refused() {
	name=$1 message=$2
	shift 2
	timeout 10 "$PIZHU" "$@" >"$TEST_DIR/out" 2>"$TEST_DIR/err"
	is "$?:$(cat "$TEST_DIR/err")" "1:pizhu: $message" "$name"
}

refused "tag, the largest size_t" \
	"speech 1 has no paragraph 18446744073709551615 (it has 1 to $count)" \
	tag 1 18446744073709551615 民生
refused "tag, long ranges beyond the speech" \
	"speech 1 has no paragraph 200000 (it has 1 to $count)" \
	tag 1 200000-400000,1-200000 民生
refused "tag, one number beyond the speech among good ones" \
	"speech 1 has no paragraph $((count + 1)) (it has 1 to $count)" \
	tag 1 "1-2,$((count + 1))" 民生
refused "tag, paragraph 0" "speech 1 has no paragraph 0 (it has 1 to $count)" tag 1 0 民生
refused "note, the largest size_t" \
	"speech 1 has no paragraph 18446744073709551615 (it has 1 to $count)" \
	note 1 18446744073709551615 x
is "$("$PIZHU" tags 1)$("$PIZHU" notes 1)$("$PIZHU" history)" "" "nothing was stored"

timeout 10 "$PIZHU" tag 1 "3-$count,1-3,2" 民生 >"$TEST_DIR/out"
is "$?:$(head -n 2 "$TEST_DIR/out" | tr '\t\n' ' ')" "0:1 民生 2 民生 " \
	"overlapping ranges tag each paragraph once, in order"
is "$(wc -l <"$TEST_DIR/out" | tr -d ' ')" "$count" "every paragraph once"
done_testing
