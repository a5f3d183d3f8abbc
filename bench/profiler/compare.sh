#!/usr/bin/env bash
# Overhead of `jhpc profile` next to plain JFR and async-profiler 4.1 on a CPU-bound loop (the slides' auc loop,
# bench/profiler/AucLoop.java) of about 3 s and 5 s, and the splits each reports on a known-answer workload
# (profiler test workload TimeSplit: heavy() is 75% of heavy+light). Whole process: wall and user+sys CPU
# (child processes included), runs interleaved case by case, medians. Cases:
#   java            plain `java -cp ... AucLoop N`
#   jhpc-child      `./jhpc profile -- -cp ... AucLoop N` (all reports; the target in a child JVM)
#   jfr             `java -XX:StartFlightRecording:filename=...` (JFR's default settings, dumped at exit)
#   async-profiler  `java -agentpath:libasyncProfiler.so=start,event=cpu,file=...collapsed`
#   jhpc-app        `./jhpc auc --variant loops N` (the same loop as a jhpc command), and
#   jhpc-app-prof   `./jhpc profile -- auc --variant loops N` (in the profiler's own JVM, InProcess)
# async-profiler comes from Maven Central (tools.profiler:async-profiler:4.1, which ships the linux-x64 library).
# Usage: bench/profiler/compare.sh [RUNS] [N3] [N5]   (N3, N5: loop sizes giving ~3 s and ~5 s plain)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
. "$ROOT/scripts/jdk.sh"
JDK="$(jhpc_find_jdk)"; J="$JDK/bin/java"
RUNS="${1:-5}"; N3="${2:-1100000000}"; N5="${3:-1850000000}"
"$ROOT/jhpc" --version >/dev/null
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
AP_VERSION=4.1
AP_JAR="$HOME/.m2/repository/tools/profiler/async-profiler/$AP_VERSION/async-profiler-$AP_VERSION.jar"
[ -f "$AP_JAR" ] || mvn -B -q -ntp dependency:get -Dartifact="tools.profiler:async-profiler:$AP_VERSION" >/dev/null
(cd "$TMP" && unzip -q -o "$AP_JAR" linux-x64/libasyncProfiler.so)
AP="$TMP/linux-x64/libasyncProfiler.so"
"$JDK/bin/javac" -cp "$ROOT/profiler/target/classes" -d "$TMP" "$ROOT/bench/profiler/AucLoop.java"
CP="$TMP:$ROOT/profiler/target/classes"
WCP="$ROOT/profiler/target/test-classes:$ROOT/profiler/target/classes"   # TimeSplit (mvn -pl profiler test-compile)

run() {   # label n command...: prints label,n,wall_s,cpu_s
  local label="$1" n="$2"; shift 2
  /usr/bin/time -o "$TMP/time" -f "%e,%U,%S" "$@" >/dev/null 2>"$TMP/err" || { cat "$TMP/err" >&2; return 1; }
  IFS=, read -r e u s < "$TMP/time"
  echo "$label,$n,$e,$(echo "$u + $s" | bc)"
}
{
  echo "case,n,wall_s,cpu_s"
  for _ in $(seq "$RUNS"); do
    for n in "$N3" "$N5"; do
      run java "$n" "$J" -cp "$CP" AucLoop "$n"
      run jhpc-child "$n" "$ROOT/jhpc" profile -- -cp "$CP" AucLoop "$n"
      run jfr "$n" "$J" -XX:StartFlightRecording:filename="$TMP/r.jfr" -Xlog:jfr+startup=error -cp "$CP" AucLoop "$n"
      run async-profiler "$n" "$J" -agentpath:"$AP"=start,event=cpu,file="$TMP/a.collapsed" -cp "$CP" AucLoop "$n"
      run jhpc-app "$n" "$ROOT/jhpc" auc --variant loops "$n"
      run jhpc-app-prof "$n" "$ROOT/jhpc" profile -- auc --variant loops "$n"
    done
  done
} | tee "$TMP/runs.csv"

# the split on the known answer (heavy 75% of heavy+light), each profiler once per run
if [ -d "$ROOT/profiler/target/test-classes/org/jhpc/profiler/workloads" ]; then
  for _ in $(seq "$RUNS"); do
    "$J" -agentpath:"$AP"=start,event=cpu,file="$TMP/ts.collapsed" -cp "$WCP" org.jhpc.profiler.workloads.TimeSplit 100 2000000 >/dev/null
    python3 - "$TMP/ts.collapsed" <<'PYEOF'
import sys
h = l = 0
for line in open(sys.argv[1]):
    stack, _, n = line.rstrip().rpartition(" ")
    frames = stack.split(";")
    if any(f.endswith("TimeSplit.heavy") for f in frames): h += int(n)
    if any(f.endswith("TimeSplit.light") for f in frames): l += int(n)
print("split,async-profiler,%.4f,%d" % (h / max(1, h + l), h + l))
PYEOF
    "$ROOT/jhpc" profile --report none --json "$TMP/ts.json" -- -cp "$WCP" org.jhpc.profiler.workloads.TimeSplit 100 2000000 >/dev/null
    python3 - "$TMP/ts.json" <<'PYEOF'
import json, sys
d = json.load(open(sys.argv[1]))
t = {m["method"]: m["total"] for m in d["methods"]}
h = t.get("org.jhpc.profiler.workloads.TimeSplit.heavy", 0); l = t.get("org.jhpc.profiler.workloads.TimeSplit.light", 0)
print("split,jhpc profile,%.4f,%d" % (h / max(1e-12, h + l), d["samples"]))
PYEOF
  done | tee "$TMP/split.csv"
fi

python3 - "$TMP/runs.csv" "$TMP/split.csv" <<'PYEOF'
import csv, statistics, sys, os
rows = list(csv.DictReader(open(sys.argv[1])))
ns = list(dict.fromkeys(r["n"] for r in rows))
cases = list(dict.fromkeys(r["case"] for r in rows))
base = {"jhpc-app-prof": "jhpc-app"}
print("\n| case | N | runs | wall (s) | wall / plain | CPU user+sys (s) | CPU - plain (s) |\n|---|---|---|---|---|---|---|")
for n in ns:
    med = {}
    for c in cases:
        rs = [r for r in rows if r["case"] == c and r["n"] == n]
        med[c] = (statistics.median(float(r["wall_s"]) for r in rs), statistics.median(float(r["cpu_s"]) for r in rs), len(rs))
    for c in cases:
        b = base.get(c, "java")
        w, u, k = med[c]
        print("| %s | %s | %d | %.2f | %.3f | %.2f | %+.2f |" % (c, n, k, w, w / med[b][0], u, u - med[b][1]))
if os.path.getsize(sys.argv[2]) if os.path.exists(sys.argv[2]) else 0:
    sp = [l.strip().split(",") for l in open(sys.argv[2]) if l.startswith("split")]
    print("\n| profiler | runs | heavy / (heavy+light), known 0.75: median (min-max) | samples (median) |\n|---|---|---|---|")
    for who in dict.fromkeys(s[1] for s in sp):
        v = [float(s[2]) for s in sp if s[1] == who]; k = [int(float(s[3])) for s in sp if s[1] == who]
        print("| %s | %d | %.3f (%.3f-%.3f) | %d |" % (who, len(v), statistics.median(v), min(v), max(v), statistics.median(k)))
PYEOF
