#!/usr/bin/env bash
# Overhead of `jhpc profile` on the slides' profiling exercise (the auc loop), next to line_profiler (kernprof) and
# memory_profiler on the same loop in Python. Prints one CSV line per run and a Markdown table of medians.
# Usage: bench/profiler/overhead.sh [RUNS] [JAVA_N] [PY_N] [PY_MEM_N]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
. "$ROOT/scripts/jdk.sh"
JDK="$(jhpc_find_jdk)"
RUNS="${1:-5}"; JN="${2:-800000000}"; PN="${3:-1000000}"; PMN="${4:-20000}"
PY=/usr/bin/python3
"$ROOT/jhpc" --version >/dev/null              # builds jhpc (and the agent jar) if stale
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
"$JDK/bin/javac" -cp "$ROOT/app/target/classes" -d "$TMP" "$ROOT/bench/profiler/AucLoop.java"
CP="$TMP:$ROOT/app/target/classes"

run() {   # label, command...: prints label,wall_seconds,loop_seconds
  local label="$1"; shift
  local t0 t1
  t0=$(date +%s.%N)
  "$@" >/dev/null 2>"$TMP/err"
  t1=$(date +%s.%N)
  local loop; loop=$(sed -n 's/^loop_seconds=//p' "$TMP/err" | tail -n 1)
  echo "$label,$(echo "$t1 - $t0" | bc),$loop"
}

{
  echo "case,wall_s,loop_s"
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
print("\n| case | runs | median wall (s) | median loop (s) |\n|---|---|---|---|")
for c in cases:
    rs = [r for r in rows if r["case"] == c]
    wall = statistics.median(float(r["wall_s"]) for r in rs)
    loop = [float(r["loop_s"]) for r in rs if r["loop_s"]]
    print("| %s | %d | %.3f | %s |" % (c, len(rs), wall, "%.4f" % statistics.median(loop) if loop else ""))
PYEOF
