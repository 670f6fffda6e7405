#!/bin/sh
# torture.sh — crash trials (make torture: TORTURE_TRIALS, default 100;
# make check: 10). Each trial starts from a library holding one speech,
# runs a random plan of tag, note, undo and redo steps, kills pizhu with
# SIGKILL at a random moment, and then checks:
#   - pizhu check (SQLite integrity and foreign keys, the search index, the
#     event log agreeing with the tags and notes) says ok;
#   - sqlite3's PRAGMA integrity_check says ok (the sqlite3 shell cannot
#     read the search table, which needs pizhu's tokenizer);
#   - the tags and notes are exactly what the commands that ended made
#     them, plus all or nothing of the command that was running (all if it
#     had printed its report): no change lost, none half-applied
#     (tests/torture/model.py);
#   - the library takes a new tag.
#
# Trial kinds are files tests/torture/trial_KIND.sh defining KIND_trial
# DIRECTORY SEED, which must write DIRECTORY/plan (steps as model.py knows
# them), run them against $PIZHU_DB while appending "start K" and "end K
# STATUS" to DIRECTORY/journal and keeping each step's report in
# DIRECTORY/out.K, kill at a random moment, and return once every process
# it started is gone. TORTURE_KINDS lists the kinds to run, in turn: cli
# (trial_cli.sh, one pizhu command a step) and reader (trial_reader.sh,
# the tagging keys of the reader in tmux).
. "$(dirname "$0")/../lib.sh"
TORTURE_TRIALS=${TORTURE_TRIALS:-100}
TORTURE_KINDS=${TORTURE_KINDS:-cli reader}
TORTURE_STEPS=${TORTURE_STEPS:-16}
TORTURE_SEED=${TORTURE_SEED:-1}
MODEL="$SOURCE/tests/torture/model.py"
export PIZHU_DB="$TEST_DIR/library.db"

for kind in $TORTURE_KINDS; do
	. "$SOURCE/tests/torture/trial_$kind.sh"
done

torture_plan() { python3 "$MODEL" plan "$1" "$PARAGRAPHS" "$2"; }

# torture_wait_for TEXT FILE PID: waits until a line of FILE is TEXT, or
# process PID has ended (its work is then done).
torture_wait_for() {
	while ! grep -qxF -- "$1" "$2" 2>/dev/null; do
		kill -0 "$3" 2>/dev/null || return 1
		sleep 0.005
	done
}

# torture_alive PID: status 0 while the process runs. A zombie has
# released its files and locks already, and an orphan's may linger until
# process 1 reaps it: it counts as gone.
torture_alive() {
	process_state=$(ps -o stat= -p "$1" 2>/dev/null)
	[ -n "$process_state" ] && [ "${process_state#Z}" = "$process_state" ]
}

# torture_kill_tree PID: SIGKILL to a shell (a child of this one) and all
# its children, then waits until they are gone. The shell is stopped
# first, so it starts nothing new while its children are found.
torture_kill_tree() {
	kill -STOP "$1" 2>/dev/null
	victims=$(ps -o pid= --ppid "$1" 2>/dev/null | tr '\n' ' ')
	# shellcheck disable=SC2086
	kill -KILL "$1" $victims 2>/dev/null
	wait "$1" 2>/dev/null
	for pid in $victims; do
		while torture_alive "$pid"; do sleep 0.01; done
	done
}

# The template library: one speech of 40 paragraphs, the built-in themes.
{
	echo '关于民生和党建工作的讲话'
	i=1
	while [ $i -le 40 ]; do
		echo "第${i}段：保障和改善民生，加强党的建设，抓好项目建设。"
		i=$((i + 1))
	done
} >"$TEST_DIR/speech.txt"
"$PIZHU" import "$TEST_DIR/speech.txt" >/dev/null
ok $? "the template library is made"
PARAGRAPHS=40
cp "$PIZHU_DB" "$TEST_DIR/template.db"

# state: the library's tags and notes as model.py writes them.
state() {
	{
		"$PIZHU" tags 1 | sed 's/^/tag	/'
		"$PIZHU" notes 1 | sed 's/^/note	/'
	} | sort
}

trial=0
killed=0
while [ $trial -lt "$TORTURE_TRIALS" ]; do
	trial=$((trial + 1))
	set -- $TORTURE_KINDS
	shift $(((trial - 1) % $#))
	kind=$1
	seed=$((TORTURE_SEED * 1000 + trial))
	directory="$TEST_DIR/trial-$trial"
	mkdir -p "$directory"
	rm -f "$PIZHU_DB" "$PIZHU_DB-wal" "$PIZHU_DB-shm"
	cp "$TEST_DIR/template.db" "$PIZHU_DB"
	"${kind}_trial" "$directory" "$seed"
	problems=""
	report=$("$PIZHU" check 2>&1) || problems="$problems pizhu check: $report;"
	if command -v sqlite3 >/dev/null; then
		# The shell, unlike pizhu, does not wait for a lock, and the lock
		# of a process just killed can outlast it for a moment (seen about
		# once in forty trials, gone a fifth of a second later).
		integrity=$(sqlite3 -cmd '.timeout 5000' "$PIZHU_DB" 'PRAGMA integrity_check' 2>&1)
		[ "$integrity" = ok ] || problems="$problems sqlite3: $integrity;"
	fi
	state >"$directory/state"
	verdict=$(python3 "$MODEL" judge "$directory/plan" "$directory/journal" "$directory" \
		"$directory/state")
	[ $? -eq 0 ] || problems="$problems $verdict;"
	case $verdict in *killed*) killed=$((killed + 1)) ;; esac
	"$PIZHU" tag 1 40 民生 党建 项目建设 >/dev/null 2>"$directory/after.err" ||
		problems="$problems no new tag: $(cat "$directory/after.err");"
	if [ -z "$problems" ]; then
		ok 0 "$kind trial $trial (seed $seed): $verdict"
	else
		ok 1 "$kind trial $trial (seed $seed)"
		printf '%s\n' "$problems" | sed 's/^/#   /'
		mkdir -p "$SOURCE/build/torture"
		rm -rf "$SOURCE/build/torture/trial-$seed"
		cp -r "$directory" "$SOURCE/build/torture/trial-$seed"
		cp "$PIZHU_DB" "$SOURCE/build/torture/trial-$seed/"
		echo "#   kept in build/torture/trial-$seed"
	fi
	rm -rf "$directory"
done
echo "# $trial trials, $killed killed while a command ran"

done_testing
