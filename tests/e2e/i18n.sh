#!/bin/sh
# The language pizhu speaks outside the reader: the Chinese catalogue covers
# every marked string and no message is left unmarked; the commands speak
# Chinese under LANG=zh_CN.UTF-8, under C.UTF-8 with `language = zh` and
# with --lang zh, English under en_US.UTF-8 and with --lang en; machine
# formats stay the same in both. Also the rough edges of the first hour:
# pizhu themes' wording, a new theme's colour, pizhu stats' shares.
. "$(dirname "$0")/../lib.sh"
export PIZHU_DB="$TEST_DIR/library.db"
FIXTURE="$SOURCE/tests/fixtures/short-speech.txt"
SAMPLE="$SOURCE/examples/sample-speech.txt"

# --- the catalogue against the source ------------------------------------------
if command -v xgettext >/dev/null && command -v msgcmp >/dev/null; then
	make -s -C "$SOURCE" pot POT="$TEST_DIR/pizhu.pot" >/dev/null 2>&1
	ok $? "xgettext reads the marked strings"
	msgcmp "$SOURCE/po/zh_CN.po" "$TEST_DIR/pizhu.pot" >"$TEST_DIR/msgcmp" 2>&1
	ok $? "every marked string has a Chinese translation, none fuzzy (msgcmp)"
	sed 's/^/#   /' "$TEST_DIR/msgcmp" | head -20
else
	skip "xgettext or msgcmp missing (Debian: gettext)"
	skip "xgettext or msgcmp missing"
fi

# A message to a person must be marked: the format of every error_set,
# cli_fail, cli_warn and cli_usage_error call, of every printf, fprintf and
# fputs in cli/, and in tui/ of every status message, prompt, question,
# pager or picker title, snprintf and buffer text and every `const char *x
# = "…"` (hints, titles), is _(…), P_(…), or has no words to translate
# ("%s: %s"). Output for machines holds a tab (TSV) or is one of cat
# --tsv's roles; tui/'s few texts that are not for people (file names,
# history descriptions shared with the command line) are listed.
unmarked=$(cd "$SOURCE" && python3 - base/*.c formats/*.c speech/*.c store/*.c export/*.c cli/*.c tui/*.c tui/model/*.c <<'PY'
import re, sys
messages = {"error_set": 1, "cli_fail": 0, "cli_warn": 0, "cli_usage_error": 1}
prints = {"printf": 0, "fprintf": 1, "fputs": 0}
machine = {'"title"', '"body"', '"pizhu %s\\n"', '"pizhu: "'}
interface = {"app_message": 2, "library_message": 2, "prompt_open": 1, "question_open": 1,
             "pager_open": 1, "picker_open": 2, "snprintf": 2, "buffer_printf": 1,
             "buffer_append_string": 1, "error_set": 1}
not_for_people = {'"-excerpts.%s"', '"mark %lld %zu %s"', '"mark %lld %zu-%zu %s"',
                  '"accept %zu suggestions"', '"UTF-8"',
                  '" ¶%zu（pizhu %lld:%zu）\\n"'}
literal = re.compile(r'\s*("(?:[^"\\]|\\.)*"\s*)+$', re.S)
def arguments(text, at):
    spans, depth, start = [], 0, at
    while at < len(text):
        c = text[at]
        if c == '"':
            at += 1
            while text[at] != '"':
                at += 2 if text[at] == '\\' else 1
        elif c == "'":
            at += 1
            while text[at] != "'":
                at += 2 if text[at] == '\\' else 1
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            if depth == 0:
                spans.append(text[start:at])
                return spans
            depth -= 1
        elif c == "," and depth == 0:
            spans.append(text[start:at])
            start = at + 1
        at += 1
    return spans
for path in sys.argv[1:]:
    if path == "base/i18n.c":
        continue  # its messages say why there is no catalogue
    text = open(path, encoding="utf-8").read()
    text = re.sub(r"/\*.*?\*/", lambda m: re.sub(r"[^\n]", " ", m.group()), text, flags=re.S)
    calls = dict(messages, **prints) if path.startswith("cli/") else messages
    if path.startswith("tui/"):
        calls = interface
        for match in re.finditer(r'\bconst char \*\w+\s*=\s*("(?:[^"\\]|\\.)*")', text):
            if re.search(r"[A-Za-z]{2,}", re.sub(r"%[-0-9.*]*(zu|lld|[sdcu])", "", match.group(1))):
                line = text.count("\n", 0, match.start()) + 1
                print(f"{path}:{line}: {match.group(1)[:60]}")
    pattern = r"\b(" + "|".join(calls) + r")\s*\("
    for match in re.finditer(pattern, text):
        spans = arguments(text, match.end())
        index = calls[match.group(1)]
        if index < len(spans) and literal.match(spans[index]):
            words = re.sub(r"%[-0-9.*]*(zu|lld|[sdcu])", "", spans[index])
            if match.group(1) in prints and ("\\t" in words or spans[index].strip() in machine):
                continue
            if spans[index].strip() in not_for_people:
                continue
            if re.search(r"[A-Za-z]{2,}", words):
                line = text.count("\n", 0, match.start()) + 1
                print(f"{path}:{line}: {spans[index].strip()[:60]}")
PY
)
is "$unmarked" "" "no message is left unmarked for translation, in tui/ too"

# --- the language chosen --------------------------------------------------------
"$PIZHU" import "$SAMPLE" "$FIXTURE" >/dev/null 2>&1
"$PIZHU" tag 2 5,7 党建 >/dev/null

# in_locale LOCALE COMMAND...: runs pizhu as a user with only that locale set.
in_locale() {
	locale=$1
	shift
	env -u LC_ALL -u LANGUAGE LANG="$locale" "$PIZHU" "$@" 2>&1
}
like "$(in_locale zh_CN.UTF-8 help export | head -1)" '^用法：pizhu export ' \
	"LANG=zh_CN.UTF-8 (not generated here): Chinese help"
is "$(in_locale zh_CN.UTF-8 tag 99 1 党建)" "pizhu: 文库中没有讲话 99" "and Chinese errors"
like "$(in_locale zh_CN.UTF-8 --help)" '  stats    按主题统计标注。' "and the command list"
like "$(in_locale zh_CN.UTF-8 --help)" '--lang zh\|en +提示信息和导出内容的语言' "which documents --lang"
like "$(in_locale en_US.UTF-8 help export | head -1)" '^usage: pizhu export ' "en_US.UTF-8: English"
is "$(in_locale en_US.UTF-8 tag 99 1 党建)" "pizhu: no speech 99 in the library" "English errors"
like "$(env -u LC_ALL LANGUAGE=zh_CN:en LANG=en_US.UTF-8 "$PIZHU" help tag | head -1)" '^用法' \
	"LANGUAGE=zh_CN:en wins over LANG"

mkdir -p "$XDG_CONFIG_HOME/pizhu"
echo "language = zh" >"$XDG_CONFIG_HOME/pizhu/config"
is "$("$PIZHU" tag 99 1 党建 2>&1)" "pizhu: 文库中没有讲话 99" \
	"LC_ALL=C.UTF-8 with language = zh in the settings file: Chinese"
is "$("$PIZHU" --lang en tag 99 1 党建 2>&1)" "pizhu: no speech 99 in the library" \
	"--lang en wins over the settings file"
is "$("$PIZHU" tag 99 1 党建 --lang=en 2>&1)" "pizhu: no speech 99 in the library" \
	"--lang=en after the command too"
echo "language = en" >"$XDG_CONFIG_HOME/pizhu/config"
is "$(in_locale zh_CN.UTF-8 tag 99 1 党建)" "pizhu: no speech 99 in the library" \
	"language = en wins over LANG=zh_CN.UTF-8"
rm "$XDG_CONFIG_HOME/pizhu/config"
is "$("$PIZHU" --lang zh tag 99 1 党建 2>&1)" "pizhu: 文库中没有讲话 99" "--lang zh under C.UTF-8"
"$PIZHU" --lang fr list >/dev/null 2>"$TEST_DIR/err"
is "$?" 2 "--lang fr: a usage error"
like "$(cat "$TEST_DIR/err")" "^pizhu: --lang takes zh or en, not 'fr'" "that says what --lang takes"
is "$("$PIZHU" --lang zh nosuchcommand 2>&1 | head -1)" "pizhu: 未知命令“nosuchcommand”" \
	"usage errors in Chinese"
like "$("$PIZHU" --lang zh cat "$TEST_DIR/none.txt" 2>&1)" "none.txt: 没有那个文件或目录" \
	"file errors in Chinese, whatever libc's locales"

# The catalogue is found beside the binary's build folder; elsewhere
# PIZHU_LOCALEDIR or the installed one.
mkdir -p "$TEST_DIR/bin"
cp "$PIZHU" "$TEST_DIR/bin/pizhu"
if [ -e /usr/local/share/locale/zh_CN/LC_MESSAGES/pizhu.mo ]; then
	skip "an installed catalogue would be found"
	skip "an installed catalogue would be found"
else
	out=$("$TEST_DIR/bin/pizhu" --lang zh tag 99 1 党建 2>&1)
	like "$out" "no Chinese catalogue" "no catalogue anywhere: --lang zh says so"
	like "$out" "no speech 99 in the library" "and pizhu goes on in English"
fi
is "$(PIZHU_LOCALEDIR="$SOURCE/build/locale" "$TEST_DIR/bin/pizhu" --lang zh tag 99 1 党建 2>&1)" \
	"pizhu: 文库中没有讲话 99" "PIZHU_LOCALEDIR names the catalogue's folder"
is "$(env -u LC_ALL LANG=zh_CN.UTF-8 "$TEST_DIR/bin/pizhu" tag 99 1 党建 2>&1)" \
	"pizhu: no speech 99 in the library" "a zh_CN locale without a catalogue: English, no warning"

# The keys' help in both languages: the same panes and keys on every line,
# only the help text translated (both come from tui/request.h).
keys_of() { "$PIZHU" --lang "$1" help keys | grep -E '^  [a-z]+ ' | cut -c1-28; }
is "$(keys_of zh)" "$(keys_of en)" "help keys: the same keys in Chinese and English"
like "$(keys_of en | wc -l)" '^ *[0-9]{3}$' "over a hundred of them"
like "$("$PIZHU" --lang zh help keys)" '  reader    j Down           下一段' "and the help text in Chinese"
is "$("$PIZHU" --lang zh help keys | grep -E '^  [a-z]+ ' | grep -cE '[a-z]{3,}$')" 0 \
	"no help line left in English"
is "$("$PIZHU" --lang zh help keys --tsv)" "$("$PIZHU" --lang en help keys --tsv)" \
	"--tsv stays English for scripts"

# --- outputs for people, in both languages ---------------------------------------
zh() { "$PIZHU" --lang zh "$@"; }
like "$("$PIZHU" themes | sed -n 1p)" '^1 党建 \(red, 2 tags\)  keywords: 党的建设、党建、' \
	"pizhu themes: the tag count, then the keywords, labelled"
like "$(zh themes | sed -n 1p)" '^1 党建（red，2 处标注）  关键词：党的建设、党建、' "and in Chinese"
is "$("$PIZHU" themes --tsv | sed -n 1p | cut -f1-4)" "1	党建	red	2" "--tsv unchanged"
"$PIZHU" themes add 法治 >/dev/null
like "$("$PIZHU" themes | grep 法治)" '^4 法治 \(magenta, 0 tags\)  no keywords$' \
	"a new theme takes a colour no other theme has"
"$PIZHU" themes add 文化 --keywords 文化 >/dev/null
like "$("$PIZHU" themes | grep 文化)" '^5 文化 \(cyan, ' "and the next one another"

like "$("$PIZHU" list)" '  \(14 paragraphs\)  党建 2' "list: paragraphs in English"
like "$(zh list)" '  （14 个段落）  党建 2' "list: 个段落 in Chinese"

# pizhu stats: each speech's own share beside the share of all.
stats=$("$PIZHU" stats)
like "$stats" '^2 speeches, 68 paragraphs$' "stats: counts with plurals"
like "$stats" '^theme +paragraphs  share of all  speeches$' "stats: the share of all is labelled"
like "$stats" '^党建 +2 +2\.9% +1$' "stats: 2 of all 68 paragraphs"
like "$stats" "^share of each speech's paragraphs$" "stats: a section per speech"
like "$stats" '^2  在全镇秋季工作推进会上的讲话 \(14 paragraphs, 2 tagged: 14\.3%\)$' \
	"stats: the speech, its paragraphs and its tagged share"
like "$stats" '^    党建 +2 +14\.3%$' "stats: the theme's share of that speech"
stats=$(zh stats)
like "$stats" '^2 篇讲话，共 68 个段落$' "stats in Chinese: 篇, 个段落"
like "$stats" '^主题 +段落数  占全部  讲话数$' "stats in Chinese: labelled columns"
like "$stats" '^2  在全镇秋季工作推进会上的讲话（14 个段落，已标注 2 个：14\.3%）$' \
	"stats in Chinese: each speech"
is "$(zh stats --tsv | sed -n 1,2p)" "total	2	68
theme	党建	2	0.0294	1" "stats --tsv is the same in Chinese"

# --- exports ----------------------------------------------------------------------
like "$(zh export | sed -n 1p)" '^# 摘录$' "Markdown in Chinese: the heading"
like "$(zh export | sed -n 3p)" '^共 2 条摘录，出自 1 篇讲话。$' "the count with 条 and 篇"
like "$(zh export)" '^\*\*来源：\*\*在全镇秋季工作推进会上的讲话' "the source label"
like "$(zh export)" '^\*\*主题：\*\*党建$' "the themes label"
like "$(zh export --format html)" '<h2>目录</h2>' "HTML in Chinese: the contents"
like "$("$PIZHU" export | sed -n 3p)" '^2 excerpts from 1 speech\.$' "English: plurals"
is "$(zh export --format csv | sed -n 1p | tr -d '\r')" \
	"主题,引用,讲话,段落,标题,日期,讲话人,场合,来源,章节1,章节2,正文,批注,遗留" \
	"CSV's header row follows the language"
is "$(zh export --format csv --header en | sed -n 1p | tr -d '\r')" \
	"theme,citation,speech,paragraph,title,date,speaker,occasion,source,section_1,section_2,text,note,orphan" \
	"--header en: English for scripts"
is "$("$PIZHU" export --format csv | sed -n 1p | tr -d '\r')" \
	"theme,citation,speech,paragraph,title,date,speaker,occasion,source,section_1,section_2,text,note,orphan" \
	"English: the same header as ever"
"$PIZHU" export --format md --header en >/dev/null 2>&1
is "$?" 2 "--header with another format: a usage error"
is "$(zh export --format matrix | sed -n 1p | tr -d '\r')" \
	"$("$PIZHU" export --format matrix | sed -n 1p | tr -d '\r')" "the matrix header stays"
is "$(zh export --format jsonl | jq -r 'keys_unsorted | join(",")' | sort -u)" \
	"$("$PIZHU" export --format jsonl | jq -r 'keys_unsorted | join(",")' | sort -u)" \
	"JSON keys stay"

# --- s in the reader: the keywords behind a suggestion ----------------------------
# Paragraph 4 of the sample suggests 民生 by 民生 itself, among others; the
# theme's name in the message once hid that keyword ("民生 (就业…)", or
# "民生 ()" when it was the only one).
tmux_start 220 20 "$PIZHU" "$SAMPLE"
tmux_wait "/54"
tmux_keys : && tmux_keys 4 Enter
tmux_wait "¶4/54"
tmux_keys s
tmux_wait "suggested:"
like "$(tmux_screen)" "民生 \(民生、就业" "s lists a theme's own name among its keywords"
tmux_stop

done_testing
