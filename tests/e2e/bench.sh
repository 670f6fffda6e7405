#!/bin/sh
# bench/run starts and knows its figures; it measures nothing here (make
# check never depends on timing), and it must not touch build/bench.
. "$(dirname "$0")/../lib.sh"
RUN="$SOURCE/bench/run"

python3 "$RUN" --help >"$TEST_DIR/help" 2>&1
ok $? "bench/run --help"
like "$(cat "$TEST_DIR/help")" "BENCH_QUICK" "--help mentions BENCH_QUICK"

plan=$(python3 "$RUN" --dry-run 2>&1)
ok $? "bench/run --dry-run"
for figure in paint_library paint_new page quit rss tag_key import search4 search2 tag_command import_docx; do
	like "$plan" "^  $figure " "the plan has $figure"
done

python3 "$RUN" --dry-run --json --only import,search2 >"$TEST_DIR/plan.json" 2>&1
ok $? "bench/run --dry-run --json --only"
is "$(jq -r '.figures | keys | join(" ")' "$TEST_DIR/plan.json")" "import search2" "--only keeps the figures named"

python3 "$RUN" --dry-run --only nonsense >/dev/null 2>&1
is "$?" 2 "an unknown figure is a usage error"

# bench/tag_floor on a library of one speech: it copies the library and
# prints its four figures per pause (no figure is checked: speed belongs in
# make bench).
printf '某某的讲话\n同志们：\n第一段。\n第二段。\n' >"$TEST_DIR/speech.txt"
PIZHU_DB="$TEST_DIR/floor.db" "$PIZHU" import "$TEST_DIR/speech.txt" >/dev/null 2>&1
ok $? "a library for bench/tag_floor"
floor=$(timeout 60 python3 "$SOURCE/bench/tag_floor" "$TEST_DIR/floor.db" --writes 2 --pause 0 \
	--dir "$TEST_DIR" 2>&1)
ok $? "bench/tag_floor runs"
like "$floor" "^pause 0 ms: fdatasync .* ms, one row .* ms, tag rows .* ms, tag rows, WAL in place" \
	"bench/tag_floor prints its figures"
is "$(ls "$TEST_DIR" | grep -c '^tmp')" 0 "and leaves no copy behind"

grep -q '<!-- bench:begin -->' "$SOURCE/docs/performance.md" &&
	grep -q '<!-- bench:end -->' "$SOURCE/docs/performance.md"
ok $? "docs/performance.md has the table's markers"

done_testing
