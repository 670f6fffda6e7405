# trial_reader.sh — a crash trial through the reader, sourced by
# torture.sh. Defines reader_trial DIRECTORY SEED (see torture.sh for what
# a trial kind must do): opens the speech in the reader in tmux, presses
# the tagging keys of the plan one after another, each after going to its
# paragraph with :N, and kills pizhu with SIGKILL at a random moment. A
# step counts as reported once the status line has confirmed it.

reader_theme_key() {
	case $1 in
	党建) echo 1 ;;
	项目建设) echo 2 ;;
	民生) echo 3 ;;
	esac
}

# reader_run DIRECTORY: presses the plan's keys, journaling each step.
reader_run() {
	k=0
	while IFS='	' read -r _ paragraph theme; do
		k=$((k + 1))
		tmux_keys : "$paragraph" Enter
		tmux_wait " ¶$paragraph/" || break
		echo "start $k" >>"$1/journal"
		tmux_keys "$(reader_theme_key "$theme")"
		if tmux_wait "$theme ¶$paragraph"; then
			tmux_screen | tail -1 >"$1/out.$k"
			echo "end $k 0" >>"$1/journal"
		fi
	done <"$1/plan"
}

reader_trial() { # DIRECTORY SEED
	directory=$1 seed=$2
	python3 "$MODEL" toggle-plan "$seed" "$PARAGRAPHS" "$TORTURE_STEPS" >"$directory/plan"
	steps=$(wc -l <"$directory/plan")
	victim=$(((seed * 7919) % steps + 1))
	delay=$(((seed * 104729) % 30))
	: >"$directory/journal"
	tmux_start 100 30 env PIZHU_DB="$PIZHU_DB" "$PIZHU" 1
	tmux_wait " ¶"
	reader_run "$directory" &
	runner=$!
	torture_wait_for "start $victim" "$directory/journal" "$runner"
	sleep "$(printf '0.%03d' "$delay")"
	pid=$(tmux_program_pid)
	# The key runner first, so that no key comes after the kill.
	torture_kill_tree "$runner"
	[ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null
	while [ -n "$pid" ] && torture_alive "$pid"; do sleep 0.01; done
	tmux_stop
}
