#!/bin/sh
# pizhu export in every format and pizhu stats, on a library built here from
# project fixtures; every output is read back by a real parser, and a
# paragraph full of hazards (quotes, commas, a leading =, ESC, markup) with
# a multi-line note exports safely everywhere.
. "$(dirname "$0")/../lib.sh"
FIXTURES="$SOURCE/tests/fixtures"
OUT="$TEST_DIR/out"
mkdir -p "$OUT"
DB="$XDG_DATA_HOME/pizhu/pizhu.db"
ESC=$(printf '\033')

# --- the library ------------------------------------------------------------
"$PIZHU" import "$FIXTURES/short-speech.txt" "$SOURCE/examples/sample-speech.txt" \
	"$FIXTURES/export-hazards.txt" >/dev/null
printf '%s\n' 版本测试讲话 第一段讲就业。 这一段将被删掉，内容完全不同。 第三段讲教育。 \
	>"$TEST_DIR/versions.txt"
"$PIZHU" import "$TEST_DIR/versions.txt" >/dev/null
HAZARD_THEME='=坏"主题",<b>&'
{
	"$PIZHU" themes add "$HAZARD_THEME" --key none --color '#aa5500'
	"$PIZHU" tag 1 10 民生 项目建设
	"$PIZHU" tag 1 9 项目建设
	"$PIZHU" tag 1 12 民生
	"$PIZHU" tag 1 15 党建
	"$PIZHU" note 1 10 "$(printf '第一行\n第二行')"
	"$PIZHU" tag 2 5 民生
	"$PIZHU" note 2 1 只有批注的段落
	"$PIZHU" tag 3 4 民生 "$HAZARD_THEME"
	"$PIZHU" tag 3 5,9 党建
	"$PIZHU" tag 3 7 民生
	"$PIZHU" note 3 4 "$(printf '=cmd,"引号"\n第二行%s[2J' "$ESC")"
	"$PIZHU" tag 4 2 民生
	"$PIZHU" note 4 2 被删段落的批注
} >/dev/null
# The paragraph tagged on speech 4 goes away in its new version (5): an orphan.
printf '%s\n' 版本测试讲话 第一段讲就业。 第三段讲教育。 >"$TEST_DIR/versions.txt"
"$PIZHU" import "$TEST_DIR/versions.txt" >/dev/null 2>&1
sqlite3 "$DB" "UPDATE documents SET date = '2026-09-15', speaker = '张书记', occasion = NULL WHERE id = 1"
is "$("$PIZHU" list --orphans | cut -f1-3 | tr '\t\n' ', ')" "4,2,tag 4,2,note " \
	"the fixture library has an orphaned tag and note"

# no_controls FILE: no C0 control but LF and CR, no DEL, no C1 control.
no_controls() {
	python3 - "$1" <<'EOF'
import re, sys
text = open(sys.argv[1], 'rb').read().decode('utf-8')
bad = re.findall('[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f]', text)
sys.exit(1 if bad else 0)
EOF
}

# --- Markdown ----------------------------------------------------------------
"$PIZHU" export >"$OUT/all.md"
ok $? "export writes Markdown by default"
diff -u "$FIXTURES/export-expected.md" "$OUT/all.md" >"$OUT/md.diff"
ok $? "the Markdown is the expected file"
[ -s "$OUT/md.diff" ] && sed 's/^/# /' "$OUT/md.diff" | head -40
no_controls "$OUT/all.md"
ok $? "Markdown: no control characters"
"$PIZHU" export -o "$OUT/file.md"
cmp -s "$OUT/all.md" "$OUT/file.md"
ok $? "-o writes the same as standard output"
"$PIZHU" export --group speech --theme 民生 >"$OUT/speech.md"
is "$(grep '^## ' "$OUT/speech.md")" "## 在全镇秋季工作推进会上的讲话
## 在青川区委全体会议暨经济工作会议上的讲话
## 关于导出安全的测试讲话
## 版本测试讲话" "--group speech: a heading per speech"
is "$(grep -c '^> ' "$OUT/speech.md")" 6 "--theme 民生: its six excerpts, the orphan included"
like "$(sed -n '/^## 在全镇/,/^>/p' "$OUT/speech.md")" '^2026-09-15; 张书记$' \
	"the speech's metadata under its heading"
is "$("$PIZHU" export --theme 民生 --theme 党建 --theme 民生 | grep '^## ')" "## 民生
## 党建" "groups in the order the themes were given, each once"
"$PIZHU" export --speech "$FIXTURES/export-hazards.txt" >"$OUT/by-path.md"
"$PIZHU" export --speech 3 --speech 3 >"$OUT/by-id.md"
cmp -s "$OUT/by-path.md" "$OUT/by-id.md"
ok $? "--speech takes the path of an imported file as well as an id"
is "$(grep -c '^> ' "$OUT/by-id.md")" 5 "only that speech's excerpts"

# --- CSV ----------------------------------------------------------------------
"$PIZHU" export --format csv -o "$OUT/all.csv"
ok $? "export --format csv"
no_controls "$OUT/all.csv"
ok $? "CSV: no control characters"
python3 - "$OUT/all.csv" "$HAZARD_THEME" >"$OUT/csv.check" 2>&1 <<'EOF'
import csv, sys
raw = open(sys.argv[1], 'rb').read()
assert raw.endswith(b'\r\n') and b'\r\n' in raw.split(b'\n', 1)[0] + b'\n', 'CRLF records'
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    rows = list(csv.reader(f, strict=True))
header, rows = rows[0], rows[1:]
expect = ['theme', 'citation', 'speech', 'paragraph', 'title', 'date', 'speaker',
          'occasion', 'source', 'section_1', 'section_2', 'section_3', 'section_4',
          'text', 'note', 'orphan']
assert header == expect, header
assert all(len(r) == len(header) for r in rows), 'every row as wide as the header'
assert len(rows) == 13, len(rows)
get = lambda r, name: r[header.index(name)]
hazard = [r for r in rows if get(r, 'citation') == '3:4']
assert len(hazard) == 2, 'one row per theme of the hazard paragraph'
theme_cell = '\'' + sys.argv[2].replace('\x1b', '\u241b')
assert sorted(get(r, 'theme') for r in hazard) == sorted(['民生', theme_cell]), hazard
h = hazard[0]
assert get(h, 'text').startswith('\'=HYPERLINK("http://example.invalid","点这里"),'), get(h, 'text')
assert '\u241b[31m' in get(h, 'text')
assert get(h, 'note') == '\'=cmd,"引号"\n第二行\u241b[2J', repr(get(h, 'note'))
assert [get(h, 'section_%d' % i) for i in (1, 2, 3, 4)] == ['一、第一部分', '', '', '']
plus = [r for r in rows if get(r, 'citation') == '3:5'][0]
assert get(plus, 'text').startswith('\'+'), 'a leading + is neutralised'
deep = [r for r in rows if get(r, 'citation') == '1:12'][0]
assert [get(deep, 'section_%d' % i) for i in (1, 2, 3, 4)] == \
    ['二、突出重点，狠抓落实', '二是抓民生保障', '1.办好十件民生实事', '（1）完成老旧小区改造']
assert get(deep, 'date') == '2026-09-15' and get(deep, 'speaker') == '张书记'
orphans = [r for r in rows if get(r, 'orphan') == '1']
assert [(get(r, 'citation'), get(r, 'speech'), get(r, 'text')) for r in orphans] == \
    [('4:2', '5', '这一段将被删掉，内容完全不同。')], orphans
note_only = [r for r in rows if get(r, 'citation') == '2:1'][0]
assert get(note_only, 'theme') == '' and get(note_only, 'note') == '只有批注的段落'
assert [get(r, 'theme') for r in rows][:3] == ['党建'] * 3, 'grouped by theme, key order'
print('csv ok')
EOF
ok $? "CSV read back by Python's csv module: columns, neutralised formulas, note, orphan"
grep -v '^csv ok$' "$OUT/csv.check" | sed 's/^/# /'

"$PIZHU" export --format csv --bom --theme 民生 --group speech >"$OUT/bom.csv"
is "$(head -c 3 "$OUT/bom.csv" | od -An -tx1 | tr -d ' ')" efbbbf "--bom starts with a byte order mark"
python3 - "$OUT/bom.csv" <<'EOF'
import csv, sys
with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
    rows = list(csv.reader(f, strict=True))
assert rows[0][0] == 'theme' and len(rows) == 7, rows
assert [r[1] for r in rows[1:]] == ['1:10', '1:12', '2:5', '3:4', '3:7', '4:2'], 'by speech'
EOF
ok $? "--bom --theme --group speech: read as UTF-8 with BOM, by speech"
sqlite3 "$TEST_DIR/csv.db" ".import --csv $OUT/all.csv excerpts" && \
	is "$(sqlite3 "$TEST_DIR/csv.db" "SELECT count(*), sum(orphan) FROM excerpts")" "13|1" \
		"sqlite3 .import --csv reads the same rows"

# --- JSON Lines ------------------------------------------------------------
"$PIZHU" export --format jsonl >"$OUT/all.jsonl"
ok $? "export --format jsonl"
is "$(wc -l <"$OUT/all.jsonl" | tr -d ' ')" 11 "one line per excerpt"
# Each line alone, as python's json module and jq read it (one run each).
bad=$(python3 -c 'import json, sys
bad = 0
for line in open(sys.argv[1], encoding="utf-8"):
    try:
        json.loads(line)
    except ValueError:
        bad += 1
print(bad)' "$OUT/all.jsonl")
jq -R -e fromjson "$OUT/all.jsonl" >/dev/null 2>&1 || bad="$bad and jq"
is "$bad" 0 "every line parses with python3's json and jq"
no_controls "$OUT/all.jsonl"
ok $? "JSON Lines: control characters only as escapes"
hazard=$(jq -c 'select(.citation == "3:4")' "$OUT/all.jsonl")
is "$(printf '%s' "$hazard" | jq -r '.note')" "$(printf '=cmd,"引号"\n第二行%s[2J' "$ESC")" \
	"the note survives exactly: quotes, comma, newline, ESC"
like "$(printf '%s' "$hazard")" '\\u001b\[2J' "ESC is written as \\u001b"
is "$(printf '%s' "$hazard" | jq -r '[.themes[].name] | join("|")')" "民生|$HAZARD_THEME" \
	"themes with their exact names"
is "$(printf '%s' "$hazard" | jq -r '.themes[1].color')" '#aa5500' "and colours"
is "$(jq -c 'select(.citation == "3:7") | .section' "$OUT/all.jsonl")" \
	'["一、第一部分","（一）第二层","1. 这一段以数字和点开头"]' "section path, depth 1 first"
is "$(jq -c 'select(.orphan) | [.citation, .speech, .document, .text, .note]' "$OUT/all.jsonl")" \
	'["4:2",5,4,"这一段将被删掉，内容完全不同。","被删段落的批注"]' "the orphan with its saved text"
is "$(jq -r 'select(.citation == "1:10") | [.date, .speaker, (.occasion | tostring)] | join(" ")' \
	"$OUT/all.jsonl")" "2026-09-15 张书记 null" "metadata where known, null elsewhere"
is "$(jq -r '.citation' "$OUT/all.jsonl" | tr '\n' ' ')" \
	"1:9 1:10 1:12 1:15 2:1 2:5 3:4 3:5 3:7 3:9 4:2 " "excerpts by speech, orphans last"

# --- HTML ---------------------------------------------------------------------
"$PIZHU" export --format html -o "$OUT/all.html"
ok $? "export --format html"
no_controls "$OUT/all.html"
ok $? "HTML: no control characters"
python3 - "$OUT/all.html" "$HAZARD_THEME" >"$OUT/html.check" 2>&1 <<'EOF'
import sys, xml.etree.ElementTree as ET
from html.parser import HTMLParser
text = open(sys.argv[1], encoding='utf-8').read()

# A strict HTML reading: every element closed in order, void elements
# self-closed, nothing but the five entities.
VOID = {'meta', 'br'}
class Strict(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.stack, self.tags = [], []
    def handle_starttag(self, tag, attrs):
        assert tag not in VOID, 'void element not self-closed: ' + tag
        self.stack.append(tag); self.tags.append(tag)
    def handle_startendtag(self, tag, attrs):
        assert tag in VOID, 'self-closed non-void element: ' + tag
        self.tags.append(tag)
    def handle_endtag(self, tag):
        assert self.stack and self.stack.pop() == tag, 'misnested </%s>' % tag
    def handle_entityref(self, name):
        assert name in ('amp', 'lt', 'gt', 'quot'), name
strict = Strict()
strict.feed(text)
strict.close()
assert not strict.stack, 'unclosed: %s' % strict.stack
assert 'script' not in strict.tags and 'link' not in strict.tags and 'img' not in strict.tags

root = ET.fromstring(text.split('\n', 1)[1])  # XML: well-formed after the doctype
ns = ''
style = root.find('head/style').text
assert '@media print' in style
toc = [''.join(a.itertext()) for a in root.iter('a')]
assert toc == ['党建', '项目建设', '民生', sys.argv[2].replace('\x1b', '\u241b'),
               'Notes without a theme'], toc
sections = root.findall('body/section')
assert len(sections) == 5 and sections[0].get('id') == 'group-1'
quotes = [''.join(b.itertext()) for b in root.iter('blockquote')]
assert any(q.startswith('=HYPERLINK("http://example.invalid","点这里"),') for q in quotes)
assert any('<b>尖括号</b>与&符号' in q for q in quotes), 'markup in text is text'
notes = [n for n in root.iter('p') if n.get('class') == 'note']
hazard_note = [n for n in notes if '引号' in ''.join(n.itertext())][0]
assert ''.join(hazard_note.itertext()) == 'Note: =cmd,"引号"\n第二行\u241b[2J'
assert hazard_note.find('br') is not None, 'the line break is <br/>'
assert sum(1 for p in root.iter('p') if p.get('class') == 'orphan') == 1, 'orphan marked'
print('html ok')
EOF
ok $? "HTML read back by a strict parser and as XML: contents, escaping, notes, orphans"
grep -v '^html ok$' "$OUT/html.check" | sed 's/^/# /'

# --- matrix -------------------------------------------------------------------
"$PIZHU" export --format matrix >"$OUT/matrix.csv"
ok $? "export --format matrix"
no_controls "$OUT/matrix.csv"
ok $? "matrix: no control characters"
# The paragraphs shown (cat), less the titles: front and back matter is
# numbered but no row.
paragraphs=0
for id in $("$PIZHU" list --tsv | awk -F'\t' 'NR > 1 {print $1}'); do
	paragraphs=$((paragraphs + $("$PIZHU" cat --tsv "$id" | wc -l) - 1))
done
python3 - "$OUT/matrix.csv" "$HAZARD_THEME" "$paragraphs" <<'EOF'
import csv, sys
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    rows = list(csv.reader(f, strict=True))
header, rows = rows[0], rows[1:]
assert header == ['speech', 'paragraph', '党建', '项目建设', '民生',
                  '\'' + sys.argv[2].replace('\x1b', '\u241b')], header
assert len(rows) == int(sys.argv[3]), (len(rows), sys.argv[3])
cell = {(r[0], r[1]): r[2:] for r in rows}
assert cell[('1', '10')] == ['0', '1', '1', '0']
assert cell[('3', '4')] == ['0', '0', '1', '1']
assert cell[('1', '3')] == ['0', '0', '0', '0']
assert ('1', '1') not in cell, 'no row for the hidden front matter'
assert not any(r[0] == '4' for r in rows), 'no old version'
assert all(set(r[2:]) <= {'0', '1'} for r in rows)
EOF
ok $? "matrix: a row per paragraph of the current versions, a 0/1 column per theme"
is "$("$PIZHU" export --format matrix --theme 民生 --speech 1 | tr -d '\r' | sed -n '1p;9p;11p;$p')" \
	"speech,paragraph,民生
1,10,1
1,12,1
1,16,0" "matrix of one theme and one speech"

# --- errors -------------------------------------------------------------------
"$PIZHU" export --theme 生态 >"$OUT/none" 2>"$OUT/err"
is "$?" 1 "an unknown theme: status 1"
like "$(cat "$OUT/err")" "^pizhu: unknown theme '生态'" "and says which"
is "$(wc -c <"$OUT/none" | tr -d ' ')" 0 "nothing written"
"$PIZHU" export --speech 99 2>"$OUT/err"
is "$?" 1 "an unknown speech: status 1"
is "$(cat "$OUT/err")" "pizhu: no speech 99 in the library" "and says which"
for arguments in "--format xml" "--group paragraph" "--bom" "--format html --bom" "extra" \
	"-o" "--theme" "--color"; do
	# shellcheck disable=SC2086
	"$PIZHU" export $arguments >/dev/null 2>"$OUT/err"
	is "$?" 2 "export $arguments: usage error"
done
like "$(cat "$OUT/err")" '^usage: pizhu export ' "usage errors print the usage line"
is "$("$PIZHU" export --theme 党建 --speech 2 | sed -n 3p)" "0 excerpts from 0 speeches." \
	"an empty selection is an empty export, not an error"

# --- -o replaces a file only when the export is complete ---------------------
# A write that fails half way: a file size limit (SIGXFSZ ignored, so the
# write fails with EFBIG) that SQLite's files fit in but the export does not.
BIG="$TEST_DIR/big.db"
"$PIZHU" --db "$BIG" import "$SOURCE/examples/sample-speech.txt" >/dev/null
"$PIZHU" --db "$BIG" tag 1 1-54 党建 项目建设 民生 >/dev/null
# Not an earlier export: --force replaces it (export/target.h).
printf 'old\n' >"$OUT/keep.html"
chmod 640 "$OUT/keep.html"
(
	trap '' XFSZ
	ulimit -f 64
	exec "$PIZHU" --db "$BIG" export --format html -o "$OUT/keep.html" --force
) 2>"$OUT/err"
is "$?" 1 "a write that fails half way (file size limit): status 1"
like "$(cat "$OUT/err")" "^pizhu: .*keep.html: cannot write: File too large" "and says why"
is "$(cat "$OUT/keep.html")" old "the old file is untouched"
is "$(ls -A "$OUT" | grep -c '^\.keep')" 0 "no temporary file is left"
"$PIZHU" export --format html -o "$OUT/keep.html" --force
cmp -s "$OUT/keep.html" "$OUT/all.html"
ok $? "then it replaces the file"
is "$(stat -c %a "$OUT/keep.html")" 640 "keeping its permissions"
"$PIZHU" export -o "$TEST_DIR/missing/out.md" 2>"$OUT/err"
is "$?" 1 "a missing directory: status 1"
like "$(cat "$OUT/err")" "missing/out.md: No such file or directory" "and says why"
"$PIZHU" export -o "$OUT" 2>"$OUT/err"
is "$?" 1 "a directory as the file: status 1"
if [ "$(id -u)" = 0 ]; then
	skip "an unwritable directory (root writes anywhere)"
else
	mkdir "$TEST_DIR/locked" && printf 'old\n' >"$TEST_DIR/locked/x.md" && chmod 555 "$TEST_DIR/locked"
	"$PIZHU" export -o "$TEST_DIR/locked/x.md" 2>/dev/null
	ok "$([ $? -eq 1 ] && [ "$(cat "$TEST_DIR/locked/x.md")" = old ]; echo $?)" \
		"an unwritable directory fails and leaves the file"
	chmod 755 "$TEST_DIR/locked"
fi

# --- stats --------------------------------------------------------------------
is "$("$PIZHU" stats --tsv --speech 1)" "total	1	14
theme	党建	1	0.0714	1
theme	项目建设	2	0.1429	1
theme	民生	2	0.1429	1
theme	$(printf '%s' "$HAZARD_THEME" | sed "s/$ESC/�/")	0	0.0000	0
pair	项目建设	民生	1" "stats --tsv of one speech"
like "$("$PIZHU" stats --tsv | sed -n 1p)" "^total	4	" "stats of every current speech"
is "$("$PIZHU" stats --tsv | grep '^pair' | tr '\t\n' ' ')" \
	"pair 项目建设 民生 1 pair 民生 $(printf '%s' "$HAZARD_THEME" | sed "s/$ESC/�/") 1 " \
	"pairs of themes sharing paragraphs"
"$PIZHU" stats --speech 1 >"$OUT/stats.txt"
like "$(cat "$OUT/stats.txt")" '^项目建设 +2 +14\.3% +1$' "a table when not on a terminal"
is "$(grep -c '█' "$OUT/stats.txt")" 0 "without bars"
"$PIZHU" stats --speech 99 2>/dev/null
is "$?" 1 "stats of an unknown speech: status 1"
"$PIZHU" stats --theme 民生 2>/dev/null
is "$?" 2 "stats takes no --theme: usage error"
tmux_start 100 20 "$PIZHU" stats --speech 1
tmux_wait "paragraphs carrying both"
screen=$(tmux_screen)
like "$screen" '^项目建设 +2 +14\.3% +1  ██████████████████████████████$' \
	"on a terminal, the most tagged theme gets the whole bar"
like "$screen" '^党建 +1 +7\.1% +1  ███████████████$' "and the others in proportion"
tmux_stop

# A removed speech is in no export and no statistics.
"$PIZHU" remove --force 1 >/dev/null 2>&1
"$PIZHU" export --format jsonl >"$OUT/after-removal.jsonl"
is "$(jq -r 'select(.speech == 1) | .citation' "$OUT/after-removal.jsonl" | wc -l | tr -d ' ')" 0 \
	"a removed speech's excerpts are not exported"
is "$("$PIZHU" stats --tsv | awk -F'\t' '$1 == "total" {print $2}')" \
	"$("$PIZHU" list --tsv | tail -n +2 | wc -l | tr -d ' ')" "statistics count only the speeches listed"

done_testing
