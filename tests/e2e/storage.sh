#!/bin/sh
# The library under stress: a read-only file or directory, a full disk (a
# file size limit, and a tiny tmpfs when this test may mount one), another
# process holding the write lock, two pizhu processes writing at once, and
# files that are not pizhu libraries (another program's database, a text
# file, a truncated library, a newer schema). A change that cannot be saved
# is reported with exit status 1 and nothing stored before is lost; a file
# pizhu refuses is left byte for byte as it was.
. "$(dirname "$0")/../lib.sh"

{
	echo '关于民生和党建工作的讲话'
	i=1
	while [ $i -le 40 ]; do
		echo "第${i}段：保障和改善民生，加强党的建设，抓好项目建设。"
		i=$((i + 1))
	done
} >"$TEST_DIR/speech.txt"
"$PIZHU" --db "$TEST_DIR/template.db" import "$TEST_DIR/speech.txt" >/dev/null
"$PIZHU" --db "$TEST_DIR/template.db" tag 1 1-5 民生 >/dev/null
"$PIZHU" --db "$TEST_DIR/template.db" note 1 2 旧笔记 >/dev/null
BEFORE=$(printf '%s\n' 1 2 3 4 5 | sed 's/$/	民生/')

checksum() { sha256sum <"$1"; }

# library DIRECTORY: a fresh copy of the template library; prints its path.
library() {
	mkdir -p "$1"
	cp "$TEST_DIR/template.db" "$1/library.db"
	echo "$1/library.db"
}

# saved DB: the earlier tags and note are all there, the library is sound.
saved() {
	is "$("$PIZHU" --db "$1" tags 1)" "$BEFORE" "$2: the tags stored before are all there"
	is "$("$PIZHU" --db "$1" notes 1)" "2	旧笔记" "$2: the note stored before is there"
	is "$("$PIZHU" --db "$1" check 2>&1)" ok "$2: pizhu check says ok"
}

# --- a read-only library ----------------------------------------------------
# Root may write any file, so the read-only cases run as nobody when the
# test runs as root (setpriv), and are skipped when neither is possible.
as_user=""
if [ "$(id -u)" = 0 ]; then
	if command -v setpriv >/dev/null && id nobody >/dev/null 2>&1; then
		as_user="setpriv --reuid=nobody --regid=nogroup --clear-groups"
		chmod 755 "$TEST_DIR"
	else
		as_user=none
	fi
fi
if [ "$as_user" != none ]; then
	db=$(library "$TEST_DIR/readonly")
	chmod 755 "$TEST_DIR/readonly"
	chmod 444 "$db"
	sum=$(checksum "$db")
	$as_user "$PIZHU" --db "$db" tag 1 6 党建 >"$TEST_DIR/out" 2>"$TEST_DIR/err"
	is "$?" 1 "read-only file: a tag that cannot be saved exits 1"
	is "$(cat "$TEST_DIR/err")" "pizhu: $db: read-only (no permission to write it); left untouched" \
		"read-only file: the message says why"
	is "$(cat "$TEST_DIR/out")" "" "read-only file: nothing is reported as tagged"
	is "$(checksum "$db")" "$sum" "read-only file: left byte for byte"
	chmod 644 "$db"
	saved "$db" "read-only file"

	# A writable file in a directory that is not: SQLite's WAL files
	# cannot be made beside it.
	db=$(library "$TEST_DIR/readonly-directory")
	[ -n "$as_user" ] && chown nobody "$db"
	chmod 555 "$TEST_DIR/readonly-directory"
	sum=$(checksum "$db")
	$as_user "$PIZHU" --db "$db" tag 1 6 党建 >"$TEST_DIR/out" 2>"$TEST_DIR/err"
	is "$?" 1 "read-only directory: exit 1"
	like "$(cat "$TEST_DIR/err")" "^pizhu: $db: cannot open the library \(.*directory.*\); left untouched$" \
		"read-only directory: the message says why"
	is "$(checksum "$db")" "$sum" "read-only directory: left byte for byte"
	chmod 755 "$TEST_DIR/readonly-directory"
	saved "$db" "read-only directory"
else
	skip "root without setpriv or a nobody user: file permissions are not enforced"
fi

# --- a full disk ----------------------------------------------------------------
# A file size limit: writes past it fail with EFBIG (SIGXFSZ ignored), as
# they would with ENOSPC. The limits are below and around what the batch
# needs (the WAL index alone takes 32 KB).
db=$(library "$TEST_DIR/full")
for blocks in 32 72 80; do
	sh -c "trap '' XFSZ; ulimit -f $blocks; exec \"\$@\"" sh \
		"$PIZHU" --db "$db" tag 1 6-40 民生 党建 项目建设 >"$TEST_DIR/out" 2>"$TEST_DIR/err"
	status=$?
	if [ $status -eq 0 ]; then
		# It fit: every tag it reported must be there.
		is "$("$PIZHU" --db "$db" tags 1 | wc -l)" 110 "file size limit $blocks blocks: the batch fit and is all there"
		"$PIZHU" --db "$db" undo >/dev/null
	else
		is "$status" 1 "file size limit $blocks blocks: the batch fails with exit 1"
		like "$(cat "$TEST_DIR/err")" "^pizhu: .*$db" "file size limit $blocks blocks: the message names the library"
		is "$(cat "$TEST_DIR/out")" "" "file size limit $blocks blocks: nothing is reported as tagged"
	fi
	saved "$db" "file size limit $blocks blocks"
done
sh -c "trap '' XFSZ; ulimit -f 72; exec \"\$@\"" sh \
	"$PIZHU" --db "$db" note 1 3 "$(printf '%04000d' 0)" >"$TEST_DIR/out" 2>"$TEST_DIR/err"
is "$?:$(cat "$TEST_DIR/out")" "1:" "file size limit: a note that cannot be saved fails"
saved "$db" "file size limit, a note"

# A tiny tmpfs filled to the brim, when this test may mount one.
mounted=""
if [ "$(id -u)" = 0 ] && mkdir -p "$TEST_DIR/tmpfs" &&
	mount -t tmpfs -o size=1m pizhu-test "$TEST_DIR/tmpfs" 2>/dev/null; then
	mounted=yes
	at_exit "umount '$TEST_DIR/tmpfs' 2>/dev/null"
fi
if [ -n "$mounted" ]; then
	db="$TEST_DIR/tmpfs/library.db"
	cp "$TEST_DIR/template.db" "$db"
	dd if=/dev/zero of="$TEST_DIR/tmpfs/filler" bs=4k 2>/dev/null
	# Room for the WAL index, not for the batch.
	truncate -s -40k "$TEST_DIR/tmpfs/filler"
	"$PIZHU" --db "$db" tag 1 6-40 民生 党建 项目建设 >"$TEST_DIR/out" 2>"$TEST_DIR/err"
	is "$?" 1 "full disk: the batch fails with exit 1"
	is "$(cat "$TEST_DIR/err")" "pizhu: database $db: database or disk is full" \
		"full disk: the message says the disk is full"
	is "$(cat "$TEST_DIR/out")" "" "full disk: nothing is reported as tagged"
	rm "$TEST_DIR/tmpfs/filler"
	saved "$db" "full disk"
	umount "$TEST_DIR/tmpfs"
else
	skip "cannot mount a tmpfs here (not root, or no CAP_SYS_ADMIN): the file size limit stands in"
fi

# --- another process holds the write lock ---------------------------------------
# lock_for SECONDS DB: the sqlite3 shell takes the write lock and keeps it;
# returns once it holds it.
lock_for() {
	rm -f "$TEST_DIR/locked"
	sqlite3 "$2" "BEGIN IMMEDIATE" ".output $TEST_DIR/locked" "SELECT 'locked'" ".output stdout" \
		".shell sleep $1" "COMMIT" >/dev/null 2>&1 &
	locker=$!
	while [ ! -s "$TEST_DIR/locked" ]; do sleep 0.02; done
}
if command -v sqlite3 >/dev/null; then
	db=$(library "$TEST_DIR/busy")
	lock_for 1 "$db"
	"$PIZHU" --db "$db" tag 1 6 党建 >"$TEST_DIR/out" 2>"$TEST_DIR/err"
	is "$?:$(cat "$TEST_DIR/out")" "0:6	党建" "a brief lock: pizhu waits for it, then tags"
	wait "$locker"
	lock_for 12 "$db"
	"$PIZHU" --db "$db" tag 1 7 党建 >"$TEST_DIR/out" 2>"$TEST_DIR/err"
	is "$?:$(cat "$TEST_DIR/out")" "1:" "a lock held past the 10 s timeout: exit 1, nothing reported"
	like "$(cat "$TEST_DIR/err")" "^pizhu: database $db is busy: another process has been writing to it" \
		"the message says the library is busy"
	wait "$locker"
	is "$("$PIZHU" --db "$db" tags 1 | grep -c 党建)" 1 "only the tag that was reported is there"
else
	skip "sqlite3 absent: no other process can hold the lock"
fi

# --- two pizhu processes writing at once -----------------------------------------
db=$(library "$TEST_DIR/two")
writer() { # FIRST LAST THEME: one tag command per paragraph
	i=$1 failures=0
	while [ "$i" -le "$2" ]; do
		"$PIZHU" --db "$db" tag 1 "$i" "$3" >/dev/null 2>>"$TEST_DIR/two.err" || failures=$((failures + 1))
		i=$((i + 1))
	done
	echo "$failures" >"$TEST_DIR/two.$3"
}
writer 11 30 党建 &
first=$!
writer 21 40 项目建设 &
second=$!
"$PIZHU" --db "$db" note 1 3 同时 >/dev/null 2>>"$TEST_DIR/two.err" || echo 1 >"$TEST_DIR/two.note"
wait $first $second
is "$(cat "$TEST_DIR/two.党建"):$(cat "$TEST_DIR/two.项目建设"):$(cat "$TEST_DIR/two.note" 2>/dev/null)" "0:0:" \
	"two writers and a note at once: every command succeeds"
is "$(cat "$TEST_DIR/two.err")" "" "and none reports an error"
is "$("$PIZHU" --db "$db" tags 1 | grep -c '党建\|项目建设')" 40 "every tag of both is there"
is "$("$PIZHU" --db "$db" check)" ok "the library is sound"

# --- files that are not pizhu libraries -------------------------------------------
# refused NAME FILE PATTERN: every command refuses FILE with exit 1 and a
# message matching PATTERN, and leaves it (and its directory) as it was.
refused() {
	name=$1 file=$2 pattern=$3
	sum=$(checksum "$file")
	listing=$(ls "$(dirname "$file")")
	for command in list "tags 1" "tag 1 1 民生" "note 1 1 x" check "import $TEST_DIR/speech.txt" \
		"search 民生" themes undo; do
		# shellcheck disable=SC2086
		"$PIZHU" --db "$file" $command >"$TEST_DIR/out" 2>"$TEST_DIR/err"
		status=$?
		if [ $status -ne 1 ] || ! grep -qE -- "$pattern" "$TEST_DIR/err"; then
			ok 1 "$name: pizhu $command is refused"
			sed 's/^/#   /' "$TEST_DIR/err"
			return
		fi
	done
	ok 0 "$name: every command is refused with exit 1 ($(cat "$TEST_DIR/err"))"
	is "$(checksum "$file")" "$sum" "$name: the file is left byte for byte"
	is "$(ls "$(dirname "$file")")" "$listing" "$name: no file is made beside it"
}
mkdir -p "$TEST_DIR/bad"
printf 'not a database at all\n' >"$TEST_DIR/bad/text.db"
refused "a text file" "$TEST_DIR/bad/text.db" "^pizhu: .*text.db: not a pizhu database \(not an SQLite file\); left untouched$"
head -c 8192 "$TEST_DIR/template.db" >"$TEST_DIR/bad/truncated.db"
refused "a truncated library" "$TEST_DIR/bad/truncated.db" "^pizhu: .*truncated.db: not a pizhu database or corrupt \(database disk image is malformed\); left untouched$"
head -c 100 "$TEST_DIR/template.db" >"$TEST_DIR/bad/header.db"
refused "a library cut inside its header" "$TEST_DIR/bad/header.db" "^pizhu: .*header.db: not a pizhu database or corrupt"
if command -v sqlite3 >/dev/null; then
	sqlite3 "$TEST_DIR/bad/other.db" 'CREATE TABLE t (x); INSERT INTO t VALUES (1)'
	refused "another program's database" "$TEST_DIR/bad/other.db" "^pizhu: .*other.db: not a pizhu database \(another program's SQLite file\); left untouched$"
	cp "$TEST_DIR/template.db" "$TEST_DIR/bad/newer.db"
	sqlite3 "$TEST_DIR/bad/newer.db" 'PRAGMA user_version = 99'
	refused "a library of a newer pizhu" "$TEST_DIR/bad/newer.db" "^pizhu: .*newer.db: made by a newer pizhu \(schema version 99; this pizhu knows up to [0-9]+\); left untouched$"
else
	skip "sqlite3 absent: no foreign or newer database to make"
fi
mkdir "$TEST_DIR/bad/directory.db"
"$PIZHU" --db "$TEST_DIR/bad/directory.db" list 2>"$TEST_DIR/err"
is "$?:$(cat "$TEST_DIR/err")" "1:pizhu: $TEST_DIR/bad/directory.db: not a regular file" "a directory as the library is refused"
mkfifo "$TEST_DIR/bad/fifo.db"
"$PIZHU" --db "$TEST_DIR/bad/fifo.db" list 2>"$TEST_DIR/err"
is "$?:$(cat "$TEST_DIR/err")" "1:pizhu: $TEST_DIR/bad/fifo.db: not a regular file" "a FIFO as the library is refused without blocking"

done_testing
