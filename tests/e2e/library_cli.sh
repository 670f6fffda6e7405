#!/bin/sh
# The library on the command line: importing a directory (a bad file
# among good ones, progress on a terminal only), metadata with pizhu meta,
# and pizhu remove with its recovery file.
. "$(dirname "$0")/../lib.sh"
export PIZHU_DB="$TEST_DIR/library.db"
FIXTURE="$SOURCE/tests/fixtures/short-speech.txt"
TAB=$(printf '\t')

# --- import DIR -------------------------------------------------------------
dir="$TEST_DIR/speeches"
mkdir -p "$dir/2026/january" "$dir/.drafts"
cp "$FIXTURE" "$dir/a-town.txt"
printf '%s\n' '在全县经济工作会议上的讲话' '（2026年1月8日）' '县长 王某某' '同志们：' \
	'今年要抓好民生实事。' '一、稳就业' '就业是最大的民生。' >"$dir/2026/january/B-county.TXT"
printf '%s\n' '关于民生工作的讲话' '今年要抓好民生实事。' >"$dir/2026/c-notes.txt"
printf 'binary\000data\n' >"$dir/2026/broken.txt"
printf '%s\n' '草稿' '不应导入。' >"$dir/.drafts/draft.txt"
printf '%s\n' '不是讲话' >"$dir/readme.rst"

"$PIZHU" import "$dir" >"$TEST_DIR/out" 2>"$TEST_DIR/err"
is "$?" 1 "import DIR with a bad file exits 1"
is "$(cut -f2 "$TEST_DIR/out")" "$(printf '%s\n' 关于民生工作的讲话 在全县经济工作会议上的讲话 在全镇秋季工作推进会上的讲话)" \
	"the good files are imported, *.txt in any case, in sorted order"
is "$(cat "$TEST_DIR/err")" "pizhu: $dir/readme.rst: skipped: not a speech file (*.txt, *.docx, *.doc, *.html, *.htm, *.mhtml, *.mht, *.pdf, *.md)
pizhu: $dir/2026/broken.txt: not a speech pizhu can read (text, .docx, .doc, .html, .pdf, .md)" \
	"the bad file is reported with its reason, the other name as skipped"
is "$(grep -c '[0-9]/[0-9]* speech' "$TEST_DIR/err")" 0 "no progress when stderr is not a terminal"
is "$("$PIZHU" list --tsv | wc -l | tr -d ' ')" 4 "hidden folders and other names are left alone"

"$PIZHU" import "$dir/a-town.txt" "$TEST_DIR/missing.txt" "$dir/2026" >"$TEST_DIR/out" 2>"$TEST_DIR/err"
is "$?" 1 "files and directories mixed; a missing one fails"
is "$(cut -f1 "$TEST_DIR/out" | tr '\n' ' ')" "3 1 2 " "known files print their ids again"
like "$(cat "$TEST_DIR/err")" "missing.txt: No such file or directory" "the missing file is named"

# A terminal: script(1) gives the command one.
cp -r "$dir" "$TEST_DIR/again"
rm "$TEST_DIR/again/2026/broken.txt"
PIZHU_DB="$TEST_DIR/tty.db" script -qec "'$PIZHU' import '$TEST_DIR/again'" /dev/null >"$TEST_DIR/tty" 2>&1
is "$?" 0 "import on a terminal succeeds"
progress=$(tr '\r' '\n' <"$TEST_DIR/tty" | sed "s/$(printf '\033')\\[K//g")
like "$progress" "^\[[# ]+\] +[0-9]+%  [0-2]/3 speeches  [0-9.]+/[0-9.]+ KB  .*\.(txt|TXT)$" \
	"on a terminal, a progress bar shows speeches, bytes and the current file"
is "$(printf '%s\n' "$progress" | grep -c "^[0-9]$TAB")" 3 "and each imported speech is printed on a line of its own"

# --- meta -------------------------------------------------------------------
county=$(grep -F 在全县 "$TEST_DIR/out" | cut -f1)
[ -n "$county" ] || county=2
is "$("$PIZHU" meta "$county")" "$(printf 'date\t2026-01-08\nspeaker\t县长 王某某\noccasion\t全县经济工作会议\nsource\t')" \
	"meta prints what import guessed"
"$PIZHU" meta "$county" --speaker '县委书记 李某' --source 县报 --date 2026-01 >/dev/null
is "$?" 0 "meta sets fields"
is "$("$PIZHU" meta "$county" --occasion '')" "$(printf 'date\t2026-01\nspeaker\t县委书记 李某\noccasion\t\nsource\t县报')" \
	"an empty value clears a field"
"$PIZHU" meta "$county" --date 2026-02-30 2>"$TEST_DIR/err"
is "$?" 2 "a bad date is a usage error"
like "$(cat "$TEST_DIR/err")" "is not a date" "and says so"
is "$("$PIZHU" meta "$county" --date 2026年3月1日 | head -1)" "$(printf 'date\t2026-03-01')" \
	"a Chinese date is stored as ISO"
like "$("$PIZHU" list | grep 在全县)" "\[2026-03-01 县委书记 李某\]" "list shows date and speaker"
is "$("$PIZHU" list --tsv | head -1 | awk -F "$TAB" '{print $(NF-3), $(NF-2), $(NF-1), $NF}')" \
	"date speaker occasion source" "list --tsv ends with the metadata columns"
"$PIZHU" meta 99 2>/dev/null
is "$?" 1 "an unknown speech fails"

# --- remove -----------------------------------------------------------------
"$PIZHU" tag "$county" 2,3 民生 >/dev/null
"$PIZHU" note "$county" 3 '要点："就业"	优先' >/dev/null
"$PIZHU" remove "$county" >"$TEST_DIR/out" 2>"$TEST_DIR/err"
is "$?" 1 "remove refuses a speech with annotations"
is "$(cat "$TEST_DIR/err")" "pizhu: speech $county holds 2 tags and 1 note; pizhu remove --force $county removes it (they are saved to a recovery file first)" \
	"and says how many"
is "$("$PIZHU" list --tsv | wc -l | tr -d ' ')" 4 "nothing was removed"

"$PIZHU" remove --force "$county" >"$TEST_DIR/out"
is "$?" 0 "remove --force"
is "$(head -1 "$TEST_DIR/out")" "removed $county${TAB}在全县经济工作会议上的讲话" "prints what it removed"
recovery=$(sed -n 's/^saved 2 tags and 1 note to //p' "$TEST_DIR/out")
like "$recovery" "^$XDG_DATA_HOME/pizhu/recovery/$county-[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}-[0-9a-f]{8}\.jsonl$" \
	"and where the annotations were saved"
python3 - "$recovery" >"$TEST_DIR/json" 2>&1 <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
for row in rows:
    print(row["paragraph"], "|".join(row["section"]), ",".join(row["themes"]),
          row["note"], row["text"], row["title"], row["speaker"], sep="\t")
PY
is "$(cat "$TEST_DIR/json")" "$(printf '2\t\t民生\tNone\t县长 王某某\t在全县经济工作会议上的讲话\t县委书记 李某\n3\t\t民生\t要点："就业"\t优先\t同志们：\t在全县经济工作会议上的讲话\t县委书记 李某')" \
	"the recovery file is JSON Lines with paragraph, section, themes, note and text"
is "$("$PIZHU" list --tsv | wc -l | tr -d ' ')" 3 "the speech is gone from the list"
is "$("$PIZHU" search 王某某)" "" "and from search"
is "$("$PIZHU" themes --tsv | awk -F "$TAB" '$2 == "民生" {print $4}')" 0 "and from the theme counts"
"$PIZHU" meta "$county" 2>/dev/null
is "$?" 1 "its id is unknown now"
is "$("$PIZHU" check)" ok "the database is sound after the purge"
"$PIZHU" remove 1 >"$TEST_DIR/out"
is "$(cat "$TEST_DIR/out")" "removed 1${TAB}关于民生工作的讲话" "a speech without annotations needs no --force and no file"
"$PIZHU" remove 1 2>/dev/null
is "$?" 1 "removing it again fails"

# --- import DIR takes saved web pages (.mhtml, .mht) -------------------------
pages="$TEST_DIR/pages"
mkdir -p "$pages"
for ext in mhtml MHT; do
	printf '%s\r\n' 'From: <Saved by Blink>' 'MIME-Version: 1.0' \
		'Content-Type: multipart/related; type="text/html"; boundary="b"' '' '--b' \
		'Content-Type: text/html; charset=utf-8' 'Content-Transfer-Encoding: 8bit' '' \
		"<html><head><title>在${ext}会议上的讲话</title></head><body><h1>在${ext}会议上的讲话</h1><p>同志们：今天开会。</p></body></html>" \
		'--b--' >"$pages/page.$ext"
done
PIZHU_DB="$TEST_DIR/pages.db" "$PIZHU" import "$pages" >"$TEST_DIR/out" 2>"$TEST_DIR/err"
is "$?" 0 "import DIR of saved web pages succeeds"
is "$(cut -f2 "$TEST_DIR/out" | sort | tr '\n' ' ')" "在MHT会议上的讲话 在mhtml会议上的讲话 " \
	"*.mhtml and *.mht (any case) are speech files"
is "$(cat "$TEST_DIR/err")" "" "and are not skipped"

done_testing
