#!/bin/sh
# SIGKILL in the middle of a batch of tag commands loses nothing that a
# command reported, and leaves a sound database. Two writers run at once.
# The corpus in ../shared/corpus is imported when present; otherwise a
# generated speech stands in. Nothing here depends on timing: the test
# waits for a number of reports, whenever they come.
. "$(dirname "$0")/../lib.sh"
work="$TEST_DIR"
export PIZHU_DB="$work/library.db"
loops=""
# The writer loops end with the test, whatever happens.
trap 'for pid in $loops; do kill -KILL "$pid" 2>/dev/null; done; rm -rf "$TEST_DIR"' EXIT

corpus="$CORPUS"
if [ -d "$corpus" ]; then
	find "$corpus" -name '*.txt' | sort >"$work/files"
	xargs "$PIZHU" import <"$work/files" >"$work/imported" 2>"$work/import.err"
	ok $? "the corpus imports"
	ok "$(test "$(wc -l <"$work/imported")" -eq "$(wc -l <"$work/files")"; echo $?)" \
		"one ID<TAB>TITLE line per file"
else
	skip "shared corpus absent: a generated speech stands in"
	skip "shared corpus absent"
	{
		echo '生成的讲话'
		i=1
		while [ $i -le 300 ]; do
			echo "第${i}段：保障和改善民生，加强党的建设。"
			i=$((i + 1))
		done
	} >"$work/generated.txt"
	"$PIZHU" import "$work/generated.txt" >/dev/null
fi

# The speech with the most paragraphs gives the longest batch.
speech=$("$PIZHU" list --tsv | sort -t "$(printf '\t')" -k3,3nr | head -1 | cut -f1)
paragraphs=$("$PIZHU" list --tsv | awk -F '\t' -v id="$speech" '$1 == id { print $3 }')

# writer THEME REPORTS: tags paragraph after paragraph, one command each;
# a command's output is its report that the tag is saved.
writer() {
	i=1
	while [ "$i" -le "$paragraphs" ]; do
		"$PIZHU" tag "$speech" "$i" "$1" >>"$2" 2>>"$work/writer.err"
		i=$((i + 1))
	done
}
writer 民生 "$work/reports.1" &
loops="$!"
writer 党建 "$work/reports.2" &
loops="$loops $!"

# Wait for some reports from both writers, then kill everything at once:
# the shells and whichever pizhu each is running.
reported() { cat "$work/reports.1" "$work/reports.2" 2>/dev/null | wc -l; }
while [ "$(reported)" -lt 20 ] || [ ! -s "$work/reports.1" ] || [ ! -s "$work/reports.2" ]; do
	sleep 0.05
done
# Stopped shells start no new command while their children are found.
kill -STOP $loops
victims=""
for loop in $loops; do
	victims="$victims $(ps -o pid= --ppid "$loop" 2>/dev/null)"
done
kill -KILL $loops $victims 2>/dev/null
for pid in $loops $victims; do
	while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
done
loops=""

cat "$work/reports.1" "$work/reports.2" | sort >"$work/reported"
"$PIZHU" tags "$speech" | sort >"$work/present"
missing=$(comm -23 "$work/reported" "$work/present" | wc -l)
ok "$(test "$missing" -eq 0; echo $?)" \
	"every reported tag is present ($(wc -l <"$work/reported") reported, $missing missing)"
"$PIZHU" check >"$work/check"
ok $? "pizhu check: $(head -1 "$work/check")"
if command -v sqlite3 >/dev/null; then
	result=$(sqlite3 -cmd '.timeout 5000' "$PIZHU_DB" 'PRAGMA integrity_check')
	ok "$(test "$result" = ok; echo $?)" "sqlite3 PRAGMA integrity_check: $result"
else
	skip "sqlite3 absent"
fi
next=$("$PIZHU" tag "$speech" 1 项目建设)
ok "$(test -n "$next"; echo $?)" "the library takes new tags after the crash"

done_testing
