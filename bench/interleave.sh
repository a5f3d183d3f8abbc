#!/usr/bin/env bash
# Interleaved whole-process timing for a busy machine: runs every command once per round (A B C A B C ...) for
# RUNS rounds, so that load changes hit all of them alike, and prints per command the median and min of its wall
# seconds and the median of its CPU seconds (user + sys, all threads and children: the work done, which load
# disturbs far less than wall time). Usage: bench/interleave.sh RUNS LABEL 'COMMAND' [LABEL 'COMMAND']...
# The commands' stdout and stderr go to /dev/null (stderr is not a terminal, as in a script).
set -euo pipefail
RUNS="$1"; shift
labels=(); cmds=()
while [ $# -ge 2 ]; do labels+=("$1"); cmds+=("$2"); shift 2; done
declare -A wall cpu
tf="$(mktemp)"; trap 'rm -f "$tf"' EXIT
for ((r = 0; r < RUNS; r++)); do
  for i in "${!cmds[@]}"; do
    /usr/bin/time -o "$tf" -f "%e %U %S" bash -c "${cmds[$i]}" >/dev/null 2>&1 </dev/null \
      || { echo "failed: ${cmds[$i]}" >&2; exit 1; }
    read -r e u s <"$tf"
    wall[$i]+="$e "
    cpu[$i]+="$(awk -v u="$u" -v s="$s" 'BEGIN{printf "%.2f", u+s}') "
  done
done
med() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR]=$1} END {printf "%.3f %.3f", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2), a[1]}'; }
printf "%-16s %9s %9s %9s\n" command wall_med wall_min cpu_med
for i in "${!cmds[@]}"; do
  read -r wm wmin <<<"$(echo "${wall[$i]}" | med)"
  read -r cm _ <<<"$(echo "${cpu[$i]}" | med)"
  printf "%-16s %9s %9s %9s\n" "${labels[$i]}" "$wm" "$wmin" "$cm"
done
