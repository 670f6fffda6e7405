# trial_cli.sh — a crash trial through the command line, sourced by
# torture.sh. Defines cli_trial DIRECTORY SEED (see torture.sh for what a
# trial kind must do): runs the plan's commands one after another, each a
# separate pizhu process, and kills everything with SIGKILL at a random
# moment while a command runs.

# cli_run DIRECTORY: runs the plan, journaling each command.
cli_run() {
	k=0
	while IFS= read -r line; do
		k=$((k + 1))
		echo "start $k" >>"$1/journal"
		# The plan's words are tab-separated; notes hold no tab.
		old_ifs=$IFS
		IFS='	'
		# shellcheck disable=SC2086
		set -- "$1" $line
		IFS=$old_ifs
		directory=$1
		shift
		"$PIZHU" "$@" >"$directory/out.$k" 2>"$directory/err.$k"
		echo "end $k $?" >>"$directory/journal"
		set -- "$directory"
	done <"$1/plan"
}

cli_trial() { # DIRECTORY SEED
	directory=$1 seed=$2
	torture_plan "$seed" "$TORTURE_STEPS" >"$directory/plan"
	# The kill comes while command K runs, after a delay of D ms: from
	# right at its start to past the end of a typical command.
	steps=$(wc -l <"$directory/plan")
	victim=$(((seed * 7919) % steps + 1))
	delay=$(((seed * 104729) % 80))
	: >"$directory/journal"
	cli_run "$directory" &
	runner=$!
	torture_wait_for "start $victim" "$directory/journal" "$runner"
	sleep "$(printf '0.%03d' "$delay")"
	torture_kill_tree "$runner"
}
