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

grep -q '<!-- bench:begin -->' "$SOURCE/docs/performance.md" &&
	grep -q '<!-- bench:end -->' "$SOURCE/docs/performance.md"
ok $? "docs/performance.md has the table's markers"

done_testing
