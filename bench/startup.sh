#!/usr/bin/env bash
# Whole-process start-up and cold-run rows of issue 12, interleaved (bench/interleave.sh) on a busy machine:
# ./jhpc (AOT cache), ./jhpc without it (JHPC_AOT=0), the bare JVM command the launcher runs (its own overhead),
# an optional baseline tree (BASE=/path/to/other/checkout, its ./jhpc) and an optional release image
# (IMAGE=/path/to/unpacked/jhpc-<version>), against the peers: the C++ two-sweep diff2d, `java -version` with the
# Vector API module, the C++ auc loop, numexpr's and numpy's auc. Then cold compute (--timing, one fresh process
# each): diff2d default and threads on 2 threads, auc 3e7, against the C++ loops' compute_seconds.
# Usage: bench/startup.sh ROUNDS
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
ROUNDS="${1:-9}"
. scripts/jdk.sh
J="$(jhpc_find_jdk)/bin/java"
make -s -C peers/cpp diff2d
[ -x peers/cpp/auc_serial ] || g++ -O3 -march=native -o peers/cpp/auc_serial peers/cpp/auc_serial.cpp
./jhpc --version >/dev/null 2>&1
CP="$(ls "$ROOT"/cli/target/jhpc-cli-*.jar):$(cat cli/target/launcher.classpath)"
DIRECT="$J --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -XX:+UseParallelGC -XX:AOTCache=$ROOT/cli/target/jhpc.aot -Xlog:aot*=off -Xlog:cds*=off -cp $CP org.jhpc.cli.Main"
PY=/usr/bin/python3
rows=()
add() { rows+=("$1" "$2"); }
for cmd in "--help" "diff2d" "auc 30000000"; do
  k="${cmd%% *}"
  add "jhpc:$k" "./jhpc $cmd"
  add "noaot:$k" "JHPC_AOT=0 ./jhpc $cmd"
  add "direct:$k" "$DIRECT $cmd"
  [ -n "${BASE:-}" ] && add "base:$k" "$BASE/jhpc $cmd"
  [ -n "${IMAGE:-}" ] && add "image:$k" "$IMAGE/bin/jhpc $cmd"
done
add "java-version" "$J --add-modules jdk.incubator.vector -version"
add "cpp-diff2d-two" "peers/cpp/diff2d --kernel two"
add "cpp-auc" "peers/cpp/auc_serial 30000000"
add "numexpr-auc" "$PY peers/python/auc_numexpr.py 30000000"
add "numpy-auc" "$PY peers/python/auc_numpy.py 30000000"
echo "load before: $(uptime)"
bench/interleave.sh "$ROUNDS" "${rows[@]}"
echo "load after: $(uptime)"

secs() { "$@" 2>&1 >/dev/null | sed -n 's/^compute_seconds=//p'; }
tmp="$(mktemp)"; trap 'rm -f "$tmp"' EXIT
for ((r = 0; r < ROUNDS; r++)); do
  echo "diff2d-default $(secs ./jhpc diff2d --timing)"
  echo "diff2d-threads2 $(secs ./jhpc diff2d --variant threads --threads 2 --timing)"
  echo "diff2d-simd-noaot $(JHPC_AOT=0 secs ./jhpc diff2d --timing)"
  echo "auc $(secs ./jhpc auc 30000000 --timing)"
  echo "auc-noaot $(JHPC_AOT=0 secs ./jhpc auc 30000000 --timing)"
  if [ -n "${BASE:-}" ]; then
    echo "base-diff2d-default $(secs "$BASE/jhpc" diff2d --timing)"
    echo "base-auc $(secs "$BASE/jhpc" auc 30000000 --timing)"
  fi
  echo "cpp-diff2d-two $(secs peers/cpp/diff2d --kernel two)"
  echo "cpp-auc $(secs peers/cpp/auc_serial 30000000)"
done >"$tmp"
echo "cold compute seconds (compute_seconds=, one fresh process each):"
python3 - "$tmp" <<'PY'
import sys, statistics as st
rows = {}
for line in open(sys.argv[1]):
    k, v = line.split()
    rows.setdefault(k, []).append(float(v))
for k, v in rows.items():
    print("%-20s median %.4f  min %.4f  (n=%d)" % (k, st.median(v), min(v), len(v)))
PY
echo "load after: $(uptime)"
