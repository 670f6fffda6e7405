#!/bin/sh
# Every command with missing, extra and malformed arguments: exit status 2
# and a usage line on stderr, nothing on stdout, the library untouched.
# The commands come from pizhu --help and their arguments from the usage
# line of pizhu help COMMAND, so a new command is covered as it appears;
# the malformed values below are per command.
. "$(dirname "$0")/../lib.sh"
export PIZHU_DB="$TEST_DIR/library.db"
"$PIZHU" import "$SOURCE/tests/fixtures/short-speech.txt" >/dev/null
"$PIZHU" tag 1 1 民生 >/dev/null
SUM=$(sha256sum <"$PIZHU_DB")

# usage NAME ARGS...: pizhu ARGS exits 2 with a usage line.
usage() {
	name=$1
	shift
	"$PIZHU" "$@" >"$TEST_DIR/out" 2>"$TEST_DIR/err"
	status=$?
	if [ $status -eq 2 ] && grep -q '^usage: pizhu' "$TEST_DIR/err" && [ ! -s "$TEST_DIR/out" ]; then
		ok 0 "$name: exit 2 and a usage line"
	else
		ok 1 "$name: exit 2 and a usage line"
		echo "#   exit $status"
		sed 's/^/#   stderr: /' "$TEST_DIR/err" | head -5
		sed 's/^/#   stdout: /' "$TEST_DIR/out" | head -5
	fi
}

"$PIZHU" --help | sed -n '/^commands:/,/^$/p' | awk 'NF && !/commands:/ { print $1 }' >"$TEST_DIR/commands"
# Some commands: with none, the loop below would check nothing and pass.
ok "$([ "$(grep -c . "$TEST_DIR/commands")" -gt 5 ]; echo $?)" "pizhu --help lists commands"
while read -r command; do
	line=$("$PIZHU" help "$command" | head -1)
	arguments=${line#"usage: pizhu $command"}
	# Positional arguments of the first form (before any |): NAME is
	# required, [NAME] optional, NAME... any number.
	first=${arguments%%|*}
	required=0 optional=0 variadic=""
	for word in $first; do
		case $word in
		\[*...\]) variadic=yes ;; # [FILE...]: any number, none needed
		\[-*) ;;
		\[[A-Z]*\]) optional=$((optional + 1)) ;;
		*\]*) ;; # the end of an optional part: T]...
		*...*) variadic=yes required=$((required + 1)) ;;
		[A-Z]*) required=$((required + 1)) ;;
		esac
	done
	usage "$command --no-such-option" "$command" --no-such-option
	usage "$command -x" "$command" -x
	if [ $required -gt 0 ]; then
		usage "$command without arguments" "$command"
	fi
	if [ -z "$variadic" ] && [ "$first" = "$arguments" ]; then
		# One argument too many (all of them words that cannot be files).
		extra="" i=0
		while [ $i -le $((required + optional)) ]; do
			extra="$extra 1"
			i=$((i + 1))
		done
		# shellcheck disable=SC2086
		usage "$command with $((required + optional + 1)) arguments" "$command" $extra
	fi
done <"$TEST_DIR/commands"

# Malformed values and forms, per command.
usage "outline, two files" outline a.txt b.txt
usage "tag, a bad range" tag 1 x-y 民生
usage "tag, a range backwards" tag 1 5-3 民生
usage "tag, a range too large" tag 1 1-9999999 民生
usage "tag, an empty list" tag 1 , 民生
usage "tag, a trailing comma" tag 1 3, 民生
usage "tag, a negative paragraph" tag 1 -3 民生
usage "tag, no theme" tag 1 3
usage "note, no text" note 1 3
usage "note, not a paragraph number" note 1 abc 文字
usage "note, two paragraphs" note 1 1,2 文字
usage "note, --clear with text" note --clear 1 3 文字
usage "note --clear, no paragraph" note --clear 1
usage "themes, unknown subcommand" themes frobnicate
usage "themes add, no name" themes add
usage "themes add, a bad key" themes add 生态 --key 12
usage "themes add, --key without a value" themes add 生态 --key
usage "themes rename, one name" themes rename 民生
usage "themes delete, two names" themes delete 民生 党建
usage "search, --theme without a value" search --theme
usage "search, no query" search --theme 民生
usage "help, two commands" help tag cat
usage "help keys, an extra word" help keys --tsv extra
usage "help, unknown command" help frobnicate
usage "--db without a path" list --db
usage "--width without a number" --width
usage "--width not a number" --width abc cat x
usage "--width too small" --width 3 cat x
usage "--width=huge" --width=100000 cat x
usage "an unknown command" frobnicate
usage "an unknown global option" --frobnicate
usage "a word that is neither command nor file" tagg 1 2
is "$(sha256sum <"$PIZHU_DB")" "$SUM" "no usage error touched the library"

done_testing
