#!/bin/sh
# The documentation names every command and every key the program has.
. "$(dirname "$0")/../lib.sh"
MAN="$SOURCE/docs/pizhu.1"
MAN_ZH="$SOURCE/docs/zh_CN/pizhu.1"
README="$SOURCE/README.md"

# Keys: each line of the command table, as the man page and README show it.
"$PIZHU" help keys --tsv >"$TEST_DIR/keys"
# Every line PANE<TAB>KEYS<TAB>HELP, and some lines: an empty list would
# make the checks below pass having checked nothing.
ok "$([ -s "$TEST_DIR/keys" ]; echo $?)" "help keys --tsv prints keys"
is "$(awk -F '\t' 'NF != 3 || $1 == "" || $2 == "" || $3 == ""' "$TEST_DIR/keys")" "" \
	"help keys --tsv: every line is PANE<TAB>KEYS<TAB>HELP"
"$PIZHU" help keys >"$TEST_DIR/keys.text"
ok "$([ "$(wc -l <"$TEST_DIR/keys.text")" -gt "$(wc -l <"$TEST_DIR/keys")" ]; echo $?)" \
	"help keys prints a line per key and an introduction"
while IFS='	' read -r pane keys help; do
	man_keys=$(printf '%s' "$keys" | sed -e 's/-/\\-/g' -e 's/"/\\(dq/g')
	grep -qxF ".B $man_keys" "$MAN" && grep -qxF "$help" "$MAN"
	ok $? "man page: $pane '$keys' $help"
	grep -qxF ".B $man_keys" "$MAN_ZH"
	ok $? "Chinese man page: $pane '$keys'"
	readme_keys=$(printf '%s' "$keys" | sed 's/|/\\|/g')
	grep -qF "| \`$readme_keys\` | $help |" "$README"
	ok $? "README: $pane '$keys' $help"
done <"$TEST_DIR/keys"

# Commands: each one in pizhu --help has an entry in the man page.
"$PIZHU" --help | sed -n '/^commands:/,/^$/p' | awk 'NF && !/commands:/ {print $1}' >"$TEST_DIR/commands"
ok "$([ -s "$TEST_DIR/commands" ]; echo $?)" "--help lists commands"
while read -r name; do
	grep -qE "^\.B $name( |$)" "$MAN"
	ok $? "man page documents $name"
	grep -qE "^\.B $name( |$)" "$MAN_ZH"
	ok $? "Chinese man page documents $name"
	"$PIZHU" help "$name" >/dev/null
	ok $? "pizhu help $name"
	grep -qF "pizhu $name" "$README"
	ok $? "README names pizhu $name"
done <"$TEST_DIR/commands"

# The two man pages have the same sections and the same keys, in order.
sections() { grep -c '^\.S[HS] ' "$1"; }
is "$(sections "$MAN_ZH")" "$(sections "$MAN")" "both man pages have as many sections"
key_lines() { sed -n '/^\.\\" keys:/,/^\.\\" end of keys/p' "$1" | grep '^\.B '; }
is "$(key_lines "$MAN_ZH")" "$(key_lines "$MAN")" "and the same keys in the same order"

done_testing
