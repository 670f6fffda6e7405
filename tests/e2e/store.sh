#!/bin/sh
# The library commands end to end: import, list, tags, notes, themes,
# undo, search, suggestions, versions, and refusing a foreign database.
# Each run uses its own temporary HOME and database.
. "$(dirname "$0")/../lib.sh"
work="$TEST_DIR"
export PIZHU_DB="$work/library.db"

speech="$work/speech.txt"
printf '%s\n' '关于民生工作的讲话' '同志们：' '今年要抓好民生实事。' \
	'一、稳就业' '就业是最大的民生，要扩大就业。' '这一段讲党的建设和党组织。' \
	'二、办教育' '办好人民满意的教育。' >"$speech"

out=$("$PIZHU" import "$speech")
is "$out" "$(printf '1\t关于民生工作的讲话')" "import prints ID<TAB>TITLE"
is "$("$PIZHU" import "$speech")" "$out" "importing again prints the same id"
is "$("$PIZHU" list --tsv | sed -n 2p)" "$(printf '1\t关于民生工作的讲话\t7\t0\t0\t0\t\t\t\t')" \
	"list --tsv"
"$PIZHU" outline "$speech" >"$work/outline.file"
"$PIZHU" outline 1 >"$work/outline.id"
cmp -s "$work/outline.file" "$work/outline.id"
ok $? "outline by id equals outline of the file"
"$PIZHU" cat --tsv "$speech" >"$work/cat.file"
"$PIZHU" cat --tsv 1 >"$work/cat.id"
cmp -s "$work/cat.file" "$work/cat.id"
ok $? "cat by id equals cat of the file"

other="$work/other.db"
"$PIZHU" --db "$other" import "$speech" >/dev/null
is "$("$PIZHU" list --tsv --db "$other" | wc -l | tr -d ' ')" 2 "--db before and after the command"
ok "$(test -f "$other"; echo $?)" "--db made its own file"

is "$("$PIZHU" tag 1 2-3,5 民生)" "$(printf '2\t民生\n3\t民生\n5\t民生')" \
	"tag a range prints what it tagged"
is "$("$PIZHU" tag "$speech" 2 民生 党建)" "$(printf '2\t党建')" \
	"tag by file path; an existing tag is not reported again"
is "$("$PIZHU" tags 1 | tr '\n' ' ')" "$(printf '2\t党建 2\t民生 3\t民生 5\t民生 ')" "tags"
before=$("$PIZHU" tags 1)
"$PIZHU" tag 1 2,99 民生 2>"$work/err"
is "$?" 1 "an unknown paragraph fails with status 1"
is "$(cat "$work/err")" "pizhu: speech 1 has no paragraph 99 (it has 1 to 7)" "and says why"
"$PIZHU" tag 1 4 生态 2>"$work/err"
is "$?" 1 "an unknown theme fails"
"$PIZHU" tag 7 4 民生 2>"$work/err"
is "$?" 1 "an unknown speech fails"
is "$(cat "$work/err")" "pizhu: no speech 7 in the library" "and says which"
"$PIZHU" tag 1 x-y 民生 2>/dev/null
is "$?" 2 "a malformed range is a usage error"
is "$("$PIZHU" tags 1)" "$before" "failed commands changed nothing"
is "$("$PIZHU" tag --remove 1 3 民生)" "$(printf '3\t民生')" "tag --remove"

"$PIZHU" note 1 5 "$(printf '要点\t一\n二')" >/dev/null
is "$("$PIZHU" notes 1)" "$(printf '5\t要点 一 二')" "notes: tabs and newlines print as spaces"
"$PIZHU" note --clear 1 5
is "$("$PIZHU" notes 1)" "" "note --clear"
is "$("$PIZHU" undo)" "undo: clear note 1 ¶5" "undo the clear"
is "$("$PIZHU" notes 1 | cut -f1)" 5 "the note is back"
"$PIZHU" redo >/dev/null
is "$("$PIZHU" notes 1)" "" "redo clears it again"
"$PIZHU" history 1 >"$work/history"
is "$(wc -l <"$work/history" | tr -d ' ')" 7 "history lists every action, undo and redo"
is "$(cut -f5 "$work/history" | head -1)" "tag 1 2-3,5 民生" "history says what was done"

"$PIZHU" themes add 生态 --color cyan --keywords '环保,绿化' >/dev/null
is "$("$PIZHU" themes --tsv | grep 生态)" "$(printf '4\t生态\tcyan\t0\t环保,绿化')" \
	"themes add takes the next free key"
"$PIZHU" themes rename 民生 人民生活 >/dev/null
is "$("$PIZHU" tags 1 | grep -c 人民生活)" 2 "renaming keeps the tags"
"$PIZHU" themes delete 人民生活 2>"$work/err"
is "$?" 1 "deleting a theme with tags needs --force"
"$PIZHU" themes delete --force 人民生活 >/dev/null
is "$("$PIZHU" tags 1)" "$(printf '2\t党建')" "--force deleted it and its tags"
"$PIZHU" themes frobnicate 2>/dev/null
is "$?" 2 "an unknown themes command is a usage error"
mkdir -p "$XDG_CONFIG_HOME/pizhu/themes"
printf '[环境]\nkey = 5\nshade = dark\n' >"$XDG_CONFIG_HOME/pizhu/themes/bad.theme"
"$PIZHU" themes >/dev/null 2>"$work/err"
case $(cat "$work/err") in
*"bad.theme:3: unknown field 'shade'"*) ok 0 "a malformed theme file is named with its line" ;;
*) ok 1 "a malformed theme file is named with its line" ;;
esac
printf '[环境]\nkey = 5\nkeywords = 环境\n' >"$XDG_CONFIG_HOME/pizhu/themes/bad.theme"
is "$("$PIZHU" themes --tsv | cut -f2 | tr '\n' ' ')" "党建 项目建设 生态 环境 " \
	"a user theme file adds its theme"

is "$("$PIZHU" search 民生 | cut -f1,2 | tr '\n' ' ')" "$(printf '1\t0 1\t2 1\t4 ')" \
	"search, two characters, most relevant first"
is "$("$PIZHU" search 人民满意 | cut -f2)" 7 "search, four characters"
is "$("$PIZHU" search --limit 2 民生 | cut -f1,2 | tr '\n' ' ')" "$(printf '1\t0 1\t2 ')" \
	"search --limit: the most relevant hits"
is "$("$PIZHU" search --limit 0 民生 | wc -l | tr -d ' ')" 3 "search --limit 0: every hit"
is "$("$PIZHU" search --count 民生)" 3 "search --count"
is "$("$PIZHU" search --limit 2 民生 2>&1 >/dev/null)" "" "no total on stderr when it is not a terminal"
"$PIZHU" search --limit -1 民生 2>/dev/null
is "$?" 2 "search --limit needs a whole number"
is "$("$PIZHU" search 就业是最大的民生要 | cut -f2)" "" "search, nine characters, not there"
is "$("$PIZHU" search 就业是最大的民生，要 | cut -f2)" 4 "search, ten characters"
is "$("$PIZHU" search 党建 --theme 党建 | wc -l | tr -d ' ')" 0 "search --theme"
is "$("$PIZHU" search 抓好 --speech 1 | cut -f2)" 2 "search --speech"
"$PIZHU" search 民生 | grep -q "$(printf '\033')"
is "$?" 1 "no escape sequences when the output is not a terminal"

is "$("$PIZHU" suggest 1 | cut -f1,2 | tr '\n' ' ')" "$(printf '5\t党建 ')" "suggest"
"$PIZHU" suggest --apply 1 >/dev/null
is "$("$PIZHU" suggest 1)" "" "suggest --apply tagged them"
"$PIZHU" undo 1 >/dev/null
is "$("$PIZHU" suggest 1 | cut -f1)" 5 "one undo takes them all back"

"$PIZHU" tag 1 4,5,7 党建 >/dev/null
printf '%s\n' '关于民生工作的讲话' '同志们：' '新增的开头一段。' '今年要抓好民生实事。' \
	'一、稳就业' '就业是最大的民生，要千方百计扩大就业。' '二、办教育' \
	'办好人民满意的教育。' >"$speech"
"$PIZHU" tag "$speech" 1 党建 2>"$work/err"
case $(cat "$work/err") in
*"changed since it was imported as speech 1"*) ok 0 "a changed file must be imported first" ;;
*) ok 1 "a changed file must be imported first" ;;
esac
is "$("$PIZHU" import "$speech" 2>"$work/err")" "$(printf '2\t关于民生工作的讲话')" \
	"a changed file becomes a new speech id"
is "$("$PIZHU" tags 2 | tr '\n' ' ')" "$(printf '3\t党建 5\t党建 7\t党建 ')" \
	"tags re-attached by text (edited ¶4 found in its section)"
is "$("$PIZHU" list --orphans | cut -f1-4)" "$(printf '1\t5\ttag\t党建')" \
	"the tag of the deleted paragraph is an orphan"
is "$("$PIZHU" list --orphans | cut -f5)" "这一段讲党的建设和党组织。" \
	"orphans keep the original text"
is "$("$PIZHU" list --tsv | cut -f1 | tr '\n' ' ')" "id 2 " "list shows current versions"

printf 'not a database at all\n' >"$work/foreign.db"
cp "$work/foreign.db" "$work/foreign.copy"
"$PIZHU" --db "$work/foreign.db" list 2>"$work/err"
is "$?" 1 "a foreign file is refused"
cmp -s "$work/foreign.db" "$work/foreign.copy"
ok $? "and left untouched"
"$PIZHU" --db 2>/dev/null
is "$?" 2 "--db without a path is a usage error"
"$PIZHU" check >/dev/null
ok $? "check says ok"

done_testing
