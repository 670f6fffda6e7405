#!/bin/sh
# Losing data in one step (issue 17): an export over the library or over a
# file that is not an earlier export, two removals writing one recovery
# file, a tag on a replaced version, a restored file's import ignored.
. "$(dirname "$0")/../lib.sh"
FIXTURES="$SOURCE/tests/fixtures"
DB="$TEST_DIR/L.db"
export PIZHU_DB="$DB"
"$PIZHU" import "$FIXTURES/short-speech.txt" >/dev/null
"$PIZHU" tag 1 3 党建 >/dev/null
sum() { cksum <"$1"; }

# --- export -o over the library and what is not an export ------------------
before=$(sum "$DB")
for target in "$DB" "$DB-wal" "$DB-shm" "$TEST_DIR/./L.db"; do
	out=$("$PIZHU" --db "$DB" export -o "$target" --force 2>&1)
	status=$?
	ok $((status != 1)) "export -o $(basename "$target") --force over the library: exit 1"
	like "$out" "is the library pizhu is using" "  and says it is the library"
done
ln -s "$DB" "$TEST_DIR/link.db"
"$PIZHU" --db "$DB" export -o "$TEST_DIR/link.db" >/dev/null 2>&1
exit1=$?; ok $((exit1 != 1)) "export -o a link to the library: refused"
is "$(sum "$DB")" "$before" "the library is byte for byte as it was"
is "$("$PIZHU" check)" "ok" "and pizhu check says ok"

cp "$DB" "$TEST_DIR/other.db"
other=$(sum "$TEST_DIR/other.db")
out=$("$PIZHU" export -o "$TEST_DIR/other.db" --force 2>&1)
exit1=$?; ok $((exit1 != 1)) "export -o another pizhu database, even with --force: refused"
like "$out" "SQLite database" "  naming it a database"
is "$(sum "$TEST_DIR/other.db")" "$other" "  which is untouched"

printf 'my own notes\n' >"$TEST_DIR/notes.txt"
out=$("$PIZHU" export -o "$TEST_DIR/notes.txt" 2>&1)
exit1=$?; ok $((exit1 != 1)) "export -o a file that is not an export: refused"
like "$out" "not an earlier pizhu export.*--force" "  saying so and naming --force"
is "$(cat "$TEST_DIR/notes.txt")" "my own notes" "  the file is kept"
"$PIZHU" export -o "$TEST_DIR/notes.txt" --force >/dev/null 2>&1
ok $? "with --force it is replaced"
for format in md csv jsonl html matrix; do
	"$PIZHU" export --format "$format" -o "$TEST_DIR/earlier.$format" >/dev/null 2>&1
	"$PIZHU" tag 1 4 民生 >/dev/null
	"$PIZHU" export --format "$format" -o "$TEST_DIR/earlier.$format" >/dev/null 2>&1
	ok $? "an earlier $format export is replaced without --force"
	"$PIZHU" tag --remove 1 4 民生 >/dev/null
done
"$PIZHU" export --format csv --bom -o "$TEST_DIR/bom.csv" >/dev/null 2>&1 &&
	"$PIZHU" export --format csv --bom -o "$TEST_DIR/bom.csv" >/dev/null 2>&1
ok $? "an earlier csv export with a byte order mark is replaced"
: >"$TEST_DIR/empty.md"
"$PIZHU" export -o "$TEST_DIR/empty.md" >/dev/null 2>&1
ok $? "an empty file is replaced"

# --- recovery files: two libraries, one second ------------------------------
cp "$DB" "$TEST_DIR/A.db"
cp "$DB" "$TEST_DIR/B.db"
"$PIZHU" --db "$TEST_DIR/A.db" remove --force 1 >"$TEST_DIR/a.out" 2>&1 &
"$PIZHU" --db "$TEST_DIR/B.db" remove --force 1 >"$TEST_DIR/b.out" 2>&1
wait
"$PIZHU" --db "$TEST_DIR/A.db" remove --force 1 >/dev/null 2>&1
files=$(ls "$XDG_DATA_HOME/pizhu/recovery" | wc -l)
is "$files" 2 "two removals at once from two libraries: two recovery files"
a=$(sed -n 's/^saved .* to //p' "$TEST_DIR/a.out")
b=$(sed -n 's/^saved .* to //p' "$TEST_DIR/b.out")
ok $([ -n "$a" ] && [ "$a" != "$b" ] && [ -s "$a" ] && [ -s "$b" ]; echo $?) \
	"each message names its own file, which holds the tag"
like "$(basename "$a")" '^1-[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}-[0-9a-f]{8}\.jsonl$' \
	"  named ID-TIME-LIBRARY-RANDOM.jsonl"
is "$(ls -a "$XDG_DATA_HOME/pizhu/recovery" | grep -c '^\.')" 2 "  no temporary file is left"

# --- a write to a replaced version ------------------------------------------
export PIZHU_DB="$TEST_DIR/V.db"
V="$TEST_DIR/v.txt"
printf '%s\n' 版本讲话 第一段讲就业。 第二段讲教育。 >"$V"
"$PIZHU" import "$V" >/dev/null
"$PIZHU" tag 1 1 民生 >/dev/null
printf '%s\n' 版本讲话 第一段讲就业。 第二段讲教育和医疗。 >"$V"
"$PIZHU" import "$V" >/dev/null 2>&1
out=$("$PIZHU" tag 1 2 党建 2>&1)
exit1=$?; ok $((exit1 != 1)) "tag with the id of a replaced version: exit 1"
like "$out" "replaced by a new version, speech 2.*use 2" "  naming the current id"
out=$("$PIZHU" note 1 2 旧版本 2>&1)
exit1=$?; ok $((exit1 != 1)) "note on a replaced version: exit 1"
is "$("$PIZHU" list --orphans)" "" "  nothing landed among the orphans"

# --- a file restored to an earlier content ----------------------------------
printf '%s\n' 版本讲话 第一段讲就业。 第二段讲教育。 >"$V"
out=$("$PIZHU" import "$V" 2>&1)
like "$out" "new version of speech 2" "importing a file restored to its first content makes a new version"
is "$("$PIZHU" list --tsv | cut -f1 | tail -n +2)" 3 "  which is the current one"
is "$("$PIZHU" tags 3 | cut -f1,2)" "$(printf '1\t民生')" "  with the tag re-attached"
"$PIZHU" tag 3 2 党建 >/dev/null
ok $? "  and it takes a tag"

# --- a reader left open while the file is imported again elsewhere ----------
export PIZHU_DB="$TEST_DIR/R.db"
R="$TEST_DIR/r.txt"
printf '%s\n' 版本讲话 第一段讲就业。 第二段讲教育。 第三段讲医疗。 >"$R"
"$PIZHU" import "$R" >/dev/null
tmux_start 100 20 "$PIZHU" 1
tmux_wait "版本讲话"
tmux_keys ":3" Enter
tmux_wait "¶3/3"
printf '%s\n' 版本讲话 新加的第一段。 第一段讲就业。 第二段讲教育。 第三段讲医疗。 >"$R"
"$PIZHU" import "$R" >/dev/null 2>&1
tmux_wait "new version, speech 2, at ¶4"
ok $? "the reader moves to the new version, keeping its place (¶3 is now ¶4)"
tmux_keys 3
tmux_wait "已标注 民生 ¶4"
ok $? "  a tag key then tags the new version"
is "$("$PIZHU" tags 2 | cut -f1,2)" "$(printf '4\t民生')" "  the tag is on speech 2 ¶4"
is "$("$PIZHU" list --orphans)" "" "  and none is among the orphans"
tmux_keys q
tmux_wait_exit >/dev/null

# --- a tag key while another program holds the write lock -------------------
export PIZHU_DB="$TEST_DIR/K.db"
"$PIZHU" import "$FIXTURES/short-speech.txt" >/dev/null
# (¶1 and ¶2 are its hidden front matter: numbers count them.)
tmux_start 100 20 "$PIZHU" 1
tmux_wait "¶0/16"
tmux_keys ":5" Enter
tmux_wait "¶5/16"
python3 -c "import sqlite3, time, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute('BEGIN IMMEDIATE')
open(sys.argv[2], 'w').close()
time.sleep(14)" "$PIZHU_DB" "$TEST_DIR/locked" &
holder=$!
while [ ! -e "$TEST_DIR/locked" ]; do sleep 0.05; done
tmux_keys 3
sleep 0.5
tmux_keys j j j 2
tmux_polls=$((tmux_polls * 2)) # the busy timeout is 10 s
tmux_wait "not saved, keys typed meanwhile dropped: database"
ok $? "a tag key under another's write lock: not saved, the keys typed meanwhile dropped"
sleep 1
like "$(tmux_screen | tail -1)" "not saved.*¶5/16" "  the message stays, the cursor has not moved"
kill $holder 2>/dev/null
wait $holder 2>/dev/null
is "$("$PIZHU" tags 1)" "" "  and nothing was tagged by the keys typed meanwhile"
tmux_keys j
tmux_wait "¶6/16"
ok $? "  the next key acts"
tmux_keys q
tmux_wait_exit >/dev/null

done_testing
