#!/usr/bin/env bash
# Overhead of `jhpc profile` on the slides' profiling exercise (the auc loop), next to line_profiler (kernprof) and
# memory_profiler on the same loop in Python. Prints one CSV line per run and a Markdown table of medians: wall and
# CPU (user+sys, child processes included) of the whole process, and the loop's own wall and CPU time.
# Usage: bench/profiler/overhead.sh [RUNS] [JAVA_N] [PY_N] [PY_MEM_N]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
. "$ROOT/scripts/jdk.sh"
JDK="$(jhpc_find_jdk)"
RUNS="${1:-5}"; JN="${2:-800000000}"; PN="${3:-1000000}"; PMN="${4:-20000}"
PY=/usr/bin/python3
"$ROOT/jhpc" --version >/dev/null              # builds jhpc (and the agent jar) if stale
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
"$JDK/bin/javac" -cp "$ROOT/profiler/target/classes:$ROOT/core/target/classes" -d "$TMP" "$ROOT/bench/profiler/AucLoop.java"
CP="$TMP:$ROOT/profiler/target/classes:$ROOT/core/target/classes"

run() {   # label, command...: prints label,wall_s,cpu_s (user+sys of the process tree),loop_s,loop_cpu_s
  local label="$1"; shift
  /usr/bin/time -o "$TMP/time" -f "%e,%U,%S" "$@" >/dev/null 2>"$TMP/err"
  local loop cpu; loop=$(sed -n 's/^loop_seconds=//p' "$TMP/err" | tail -n 1)
  cpu=$(sed -n 's/^loop_cpu_seconds=//p' "$TMP/err" | tail -n 1)
  IFS=, read -r e u s < "$TMP/time"
  echo "$label,$e,$(echo "$u + $s" | bc),$loop,$cpu"
}

{
  echo "case,wall_s,cpu_s,loop_s,loop_cpu_s"
  for _ in $(seq "$RUNS"); do
    run "java plain N=$JN" "$JDK/bin/java" -cp "$CP" AucLoop "$JN"
    run "jhpc profile --report none N=$JN" "$ROOT/jhpc" profile --report none -- -cp "$CP" AucLoop "$JN"
    run "jhpc profile (all reports) N=$JN" "$ROOT/jhpc" profile -- -cp "$CP" AucLoop "$JN"
    run "java plain N=$((JN / 10))" "$JDK/bin/java" -cp "$CP" AucLoop "$((JN / 10))"
    run "jhpc profile --exact N=$((JN / 10))" "$ROOT/jhpc" profile --exact --report none -- -cp "$CP" AucLoop "$((JN / 10))"
    if "$PY" -c 'import line_profiler, memory_profiler' 2>/dev/null; then
      run "python plain N=$PN" "$PY" "$ROOT/bench/profiler/auc_loop.py" "$PN"
      (cd "$TMP" && run "kernprof -l -v N=$PN" "$PY" -m kernprof -l -v "$ROOT/bench/profiler/auc_loop.py" "$PN")
      run "python plain N=$PMN" "$PY" "$ROOT/bench/profiler/auc_loop.py" "$PMN"
      run "python -m memory_profiler N=$PMN" "$PY" -m memory_profiler "$ROOT/bench/profiler/auc_loop.py" "$PMN"
    fi
  done
} | tee "$TMP/runs.csv"

"$PY" - "$TMP/runs.csv" <<'PYEOF'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1])))
cases = list(dict.fromkeys(r["case"] for r in rows))
def med(rs, k):
    v = [float(r[k]) for r in rs if r[k]]
    return "%.3f" % statistics.median(v) if v else ""
print("\n| case | runs | wall (s) | CPU user+sys (s) | loop wall (s) | loop CPU (s) |\n|---|---|---|---|---|---|")
for c in cases:
    rs = [r for r in rows if r["case"] == c]
    print("| %s | %d | %s | %s | %s | %s |" % (c, len(rs), med(rs, "wall_s"), med(rs, "cpu_s"), med(rs, "loop_s"),
                                             med(rs, "loop_cpu_s")))
PYEOF
