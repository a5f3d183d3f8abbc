#!/usr/bin/env bash
# In-process cost of the profiler's recording on the auc loop: the loop thread's CPU time with no flags,
# with -XX:+DebugNonSafepoints, with JFR as `jhpc profile` sets it up (execution samples; CPU-time samples, the
# default; the default plus the agent's heap sampler), and under the --exact agent (on N/100 points, scaled). Needs only a JDK 25 and the profiler module built (no Maven, no
# ./jhpc), so that it can run on a quiet machine. Usage: bench/profiler/child-overhead.sh [RUNS] [N]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
. "$ROOT/scripts/jdk.sh"
JDK="$(jhpc_find_jdk)"; J="$JDK/bin/java"
RUNS="${1:-7}"; N="${2:-1500000000}"
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
"$JDK/bin/javac" -cp "$ROOT/profiler/target/classes:$ROOT/core/target/classes" -d "$TMP" "$ROOT/bench/profiler/AucLoop.java"
cat > "$TMP/W.java" <<'JEOF'
public class W { public static void main(String[] a) throws Exception {
  java.nio.file.Files.writeString(java.nio.file.Path.of(a[0]), org.jhpc.profiler.JfrSettings.jfc(1, Boolean.parseBoolean(a[1]), !Boolean.parseBoolean(a[1]), false, 150)); } }
JEOF
"$J" -cp "$ROOT/profiler/target/classes:$ROOT/core/target/classes" "$TMP/W.java" "$TMP/exec.jfc" false
"$J" -cp "$ROOT/profiler/target/classes:$ROOT/core/target/classes" "$TMP/W.java" "$TMP/both.jfc" true
printf 'exact-out\t%s\nmethod\tauc\n' "$TMP/exact.tsv" > "$TMP/exact.conf"
printf 'heap-interval\t262144\n' > "$TMP/heap.conf"
AGENT="$(ls "$ROOT"/profiler-agent/target/jhpc-profiler-agent-*.jar 2>/dev/null | head -n 1 || true)"
CP="$TMP:$ROOT/profiler/target/classes:$ROOT/core/target/classes"
D="-XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints -Xlog:jfr+startup=error -XX:FlightRecorderOptions:stackdepth=2048"
loop() { "$J" "$@" -cp "$CP" AucLoop "$N" 2>&1 >/dev/null | sed -n 's/^loop_cpu_seconds=//p'; }
loop100() {   # the loop on N/100 points, its time scaled by 100 (for the slow exact agent)
  "$J" "$@" -cp "$CP" AucLoop "$((N / 100))" 2>&1 >/dev/null | sed -n 's/^loop_cpu_seconds=//p' | awk '{print $1 * 100}'; }
echo "case,loop_cpu_s"
for _ in $(seq "$RUNS"); do
  echo "plain,$(loop)"
  echo "DebugNonSafepoints,$(loop $D)"
  echo "JFR execution samples,$(loop $D -XX:StartFlightRecording:dumponexit=true,filename=$TMP/a.jfr,settings=$TMP/exec.jfc)"
  echo "JFR CPU-time samples (default),$(loop $D -XX:StartFlightRecording:dumponexit=true,filename=$TMP/b.jfr,settings=$TMP/both.jfc)"
  if [ -n "$AGENT" ]; then echo "default + heap sampler,$(loop $D --enable-native-access=ALL-UNNAMED -javaagent:$AGENT=$TMP/heap.conf -XX:StartFlightRecording:dumponexit=true,filename=$TMP/c.jfr,settings=$TMP/both.jfc)"; fi
  echo "plain (N/100 x100),$(loop100)"
  if [ -n "$AGENT" ]; then echo "--exact agent (N/100 x100),$(loop100 -javaagent:$AGENT=$TMP/exact.conf)"; fi
done
