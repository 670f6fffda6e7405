#!/bin/sh
# summary.sh LOG_DIRECTORY: adds up the valgrind logs of make
# check-valgrind; exit 1 when any run had an error or lost memory for sure.
set -u
logs=${1:?usage: summary.sh LOG_DIRECTORY}
runs=$(find "$logs" -name '*.log' | wc -l)
bad=$(grep -lE 'ERROR SUMMARY: [1-9]|definitely lost: [1-9]|Invalid (read|write)|uninitialised' \
	"$logs"/*.log 2>/dev/null)
echo "valgrind: $runs runs of pizhu, $(echo "$bad" | grep -c .) with errors or leaks"
if [ -n "$bad" ]; then
	for log in $bad; do
		echo "--- $log"
		head -40 "$log"
	done
	exit 1
fi
