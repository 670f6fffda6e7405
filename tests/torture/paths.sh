#!/bin/sh
# paths.sh — crash trials for every write path but tagging (which
# torture.sh covers step by step): import, re-import with re-attachment,
# undo and redo of a 120-tag action, theme rename and delete, removal with
# its recovery file, export -o. make torture: PATHS_TRIALS (default 700);
# make check: 16, two per path.
#
# Each trial copies a library holding one 40-paragraph speech whose
# paragraphs all carry three themes (one action: 120 tags) and a note, runs
# one command of the trial's path, sends SIGKILL after a delay drawn from
# 0 to 1.2 times what that command takes unkilled on this machine, and then
# judges:
#   - pizhu check (full: every speech loads) and sqlite3's integrity check
#     say ok;
#   - the path's model of what must hold after a kill at any moment: the
#     change is all there or not at all (see each judge_ function);
#   - the library takes a new tag.
. "$(dirname "$0")/../lib.sh"
PATHS_TRIALS=${PATHS_TRIALS:-700}
PATHS_SEED=${PATHS_SEED:-1}
PATHS="import reimport undo redo rename delete remove export"
export PIZHU_DB="$TEST_DIR/library.db"
export XDG_DATA_HOME="$TEST_DIR/data"
RECOVERY="$XDG_DATA_HOME/pizhu/recovery"
WORK="$TEST_DIR/work"
mkdir -p "$WORK"

speech() { # speech FILE CHANGED: the 40-paragraph speech, paragraph 20 changed or not
	{
		echo '关于民生和党建工作的讲话'
		i=1
		while [ $i -le 40 ]; do
			if [ "$i" = 20 ] && [ "$2" = changed ]; then
				echo "第${i}段：这一段在新版本里完全改写了，讲生态环境保护。"
			else
				echo "第${i}段：保障和改善民生，加强党的建设，抓好项目建设。"
			fi
			i=$((i + 1))
		done
	} >"$1"
}
speech "$WORK/speech.txt" same
speech "$WORK/other.txt" changed
sed 's/讲话/报告/' "$WORK/speech.txt" >"$WORK/new.txt"
"$PIZHU" import "$WORK/speech.txt" >/dev/null &&
	"$PIZHU" tag 1 1-40 民生 党建 项目建设 >/dev/null &&
	"$PIZHU" note 1 5 第五段的批注 >/dev/null
ok $? "the template library is made"
cp "$PIZHU_DB" "$TEST_DIR/template.db"
# The undone template, for redo.
"$PIZHU" undo >/dev/null
cp "$PIZHU_DB" "$TEST_DIR/undone.db"

sq() { sqlite3 -cmd '.timeout 5000' "$PIZHU_DB" "$1" 2>&1; }

# command PATH: the command a trial of PATH runs (words for the shell).
command_of() {
	case $1 in
	import) echo "import $WORK/new.txt" ;;
	reimport) echo "import $WORK/speech.txt" ;;
	undo) echo "undo" ;;
	redo) echo "redo" ;;
	rename) echo "themes rename 民生 民生福祉" ;;
	delete) echo "themes delete --force 党建" ;;
	remove) echo "remove --force 1" ;;
	export) echo "export --format jsonl -o $WORK/out.jsonl" ;;
	esac
}

# setup PATH: the library (and files) a trial of PATH starts from.
setup() {
	rm -f "$PIZHU_DB" "$PIZHU_DB-wal" "$PIZHU_DB-shm"
	rm -rf "$RECOVERY"
	rm -f "$WORK"/.out.jsonl.* "$WORK/out.jsonl"
	if [ "$1" = redo ]; then cp "$TEST_DIR/undone.db" "$PIZHU_DB"; else
		cp "$TEST_DIR/template.db" "$PIZHU_DB"
	fi
	# re-import: the known path now holds the changed text.
	cp "$WORK/speech.txt" "$WORK/speech.saved"
	[ "$1" = reimport ] && cp "$WORK/other.txt" "$WORK/speech.txt"
	# export: an earlier export to replace.
	[ "$1" = export ] && printf '{"citation":"old"}\n' >"$WORK/out.jsonl"
	return 0
}
restore_files() { cp "$WORK/speech.saved" "$WORK/speech.txt"; }

count() { sq "SELECT count(*) FROM tags WHERE $1"; }

# judge_PATH: prints what is wrong (nothing when the model holds).
judge_import() { # the new speech whole, or absent
	n=$(sq "SELECT count(*) FROM documents")
	case $n in
	1) ;;
	2) [ "$(sq "SELECT paragraph_count FROM documents WHERE id = 2")" = 40 ] ||
		echo "speech 2 is not whole" ;;
	*) echo "$n speeches" ;;
	esac
	[ "$(count 1)" = 120 ] || echo "speech 1 lost tags"
}
judge_reimport() { # the old version alone with its tags, or the new one with them re-attached
	n=$(sq "SELECT count(*) FROM documents")
	tags=$(count 1)
	case $n in
	1) [ "$tags" = 120 ] || echo "version 1 has $tags tags" ;;
	2) current=$(sq "SELECT id FROM documents WHERE replaced_by IS NULL")
		[ "$current" = 2 ] || echo "the current version is $current"
		# As the import unkilled left them: the changed paragraph's
		# tags among the orphans, the rest re-attached.
		[ "$(count "document_id = 2") $(count "document_id = 1")" = "$REATTACHED" ] ||
			echo "versions 2 and 1 hold $(count "document_id = 2") and" \
				"$(count "document_id = 1") tags, not $REATTACHED"
		[ "$(sq "SELECT count(*) FROM notes WHERE document_id = 2")" = 1 ] ||
			echo "the note did not follow" ;;
	*) echo "$n versions" ;;
	esac
}
judge_undo() { # all 120 tags, or none
	t=$(count 1)
	[ "$t" = 120 ] || [ "$t" = 0 ] || echo "$t tags after a killed undo"
}
judge_redo() { judge_undo; }
judge_rename() { # one name or the other, with its 40 tags
	old=$(sq "SELECT count(*) FROM themes WHERE name = '民生'")
	new=$(sq "SELECT count(*) FROM themes WHERE name = '民生福祉'")
	[ $((old + new)) = 1 ] || echo "民生 $old, 民生福祉 $new"
	[ "$(count "theme_id IN (SELECT id FROM themes WHERE name IN ('民生', '民生福祉'))")" = 40 ] ||
		echo "the renamed theme lost tags"
}
judge_delete() { # the theme with its 40 tags, or neither; the others untouched
	present=$(sq "SELECT count(*) FROM themes WHERE name = '党建'")
	tags=$(count "theme_id NOT IN (SELECT id FROM themes WHERE name IN ('民生', '项目建设'))")
	case $present in
	1) [ "$tags" = 40 ] || echo "党建 is there with $tags tags" ;;
	0) [ "$tags" = 0 ] || echo "党建 is gone, $tags tags left" ;;
	esac
	[ "$(count "theme_id IN (SELECT id FROM themes WHERE name IN ('民生', '项目建设'))")" = 80 ] ||
		echo "other themes lost tags"
}
judge_remove() { # the speech with its tags, or gone with a whole recovery file
	listed=$("$PIZHU" list --tsv | tail -n +2 | wc -l)
	files=$(find "$RECOVERY" -name '*.jsonl' -size +0 2>/dev/null | wc -l)
	if [ "$listed" = 0 ]; then
		[ "$files" = 1 ] || echo "the speech is gone with $files recovery files"
	else
		[ "$(count 1)" = 120 ] || echo "the speech is there with $(count 1) tags"
	fi
	# A recovery file with content is whole: 40 lines, each a record.
	for file in $(find "$RECOVERY" -name '*.jsonl' -size +0 2>/dev/null); do
		[ "$(grep -c '^{"speech":1,.*"themes":\[.*\]' "$file")" = 40 ] ||
			echo "$(basename "$file") is not whole"
	done
}
judge_export() { # the earlier export, or the whole new one
	got=$(cat "$WORK/out.jsonl" 2>/dev/null)
	if [ "$got" != '{"citation":"old"}' ] && [ "$got" != "$EXPORTED" ]; then
		echo "the export file is neither the old nor the new one"
	fi
}

# How long each path's command takes unkilled here, in ms.
for path in $PATHS; do
	setup "$path"
	start=$(date +%s%N)
	# shellcheck disable=SC2046
	"$PIZHU" $(command_of "$path") >/dev/null 2>&1
	took=$((($(date +%s%N) - start) / 1000000))
	[ "$path" = export ] && EXPORTED=$(cat "$WORK/out.jsonl")
	[ "$path" = reimport ] && REATTACHED="$(count "document_id = 2") $(count "document_id = 1")"
	restore_files
	eval "duration_$path=$took"
	echo "# $path takes $took ms"
done

trial=0
set -- $PATHS
path_count=$#
while [ $trial -lt "$PATHS_TRIALS" ]; do
	trial=$((trial + 1))
	seed=$((PATHS_SEED * 100000 + trial))
	# shellcheck disable=SC2086
	set -- $PATHS
	shift $(((trial - 1) % path_count))
	path=$1
	eval "duration=\$duration_$path"
	delay=$(((seed * 7919) % (duration * 12 / 10 + 1)))
	setup "$path"
	# shellcheck disable=SC2046
	"$PIZHU" $(command_of "$path") >"$WORK/out" 2>&1 &
	victim=$!
	sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
	if kill -KILL $victim 2>/dev/null; then
		killed=killed
		eval "killed_$path=\$((\${killed_$path:-0} + 1))"
	else
		killed=ended
	fi
	wait $victim 2>/dev/null
	restore_files
	problems=$(judge_"$path")
	report=$("$PIZHU" check 2>&1) || problems="$problems pizhu check: $report;"
	integrity=$(sq 'PRAGMA integrity_check')
	[ "$integrity" = ok ] || problems="$problems sqlite3: $integrity;"
	"$PIZHU" tag 1 40 项目建设 >/dev/null 2>"$WORK/after.err" ||
		grep -q "no speech 1\|replaced by" "$WORK/after.err" ||
		problems="$problems no new tag: $(cat "$WORK/after.err");"
	eval "trials_$path=\$((\${trials_$path:-0} + 1))"
	if [ -z "$problems" ]; then
		ok 0 "$path trial $trial (seed $seed): $killed after $delay ms"
	else
		eval "failures_$path=\$((\${failures_$path:-0} + 1))"
		ok 1 "$path trial $trial (seed $seed): $killed after $delay ms"
		printf '%s\n' "$problems" | sed 's/^/#   /'
		mkdir -p "$SOURCE/build/torture/paths-$seed"
		cp "$PIZHU_DB" "$SOURCE/build/torture/paths-$seed/"
	fi
done
for path in $PATHS; do
	eval "echo \"# $path: \${trials_$path:-0} trials (\${killed_$path:-0} killed while it ran)," \
		"\${failures_$path:-0} failures\""
done

done_testing
