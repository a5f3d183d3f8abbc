#!/usr/bin/env bash
# diff2d at scale: compute seconds (--timing / compute_seconds=, the time loop only) of jhpc's threads variant on
# 2 threads and on 1, simd (1 thread), the default variant, and the C++ peer's OpenMP one-sweep kernel on 2 threads
# (static schedule) and its serial one-sweep kernel, interleaved round by round (a busy machine). First checks that
# the OpenMP peer's final grid equals its serial one, byte for byte.
# Usage: bench/scale.sh ROUNDS 'SET...'   e.g. bench/scale.sh 5 '--set dx=0.05'
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
ROUNDS="$1"; read -ra SETS <<<"$2"
make -s -C peers/cpp diff2d diff2d_omp
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
OMP_NUM_THREADS=2 peers/cpp/diff2d_omp --kernel omp "${SETS[@]}" --set runtime=0.05 --save "$tmp/omp.npy" >/dev/null 2>&1
peers/cpp/diff2d --kernel one "${SETS[@]}" --set runtime=0.05 --save "$tmp/one.npy" >/dev/null 2>&1
cmp -s "$tmp/omp.npy" "$tmp/one.npy" && echo "omp peer == serial peer (runtime 0.05): yes" || { echo "omp peer differs"; exit 1; }
secs() { "$@" 2>&1 >/dev/null | sed -n 's/^compute_seconds=//p'; }
for ((r = 0; r < ROUNDS; r++)); do
  echo "threads2 $(secs ./jhpc diff2d "${SETS[@]}" --variant threads --threads 2 --timing)"
  echo "threads1 $(secs ./jhpc diff2d "${SETS[@]}" --variant threads --threads 1 --timing)"
  echo "simd $(secs ./jhpc diff2d "${SETS[@]}" --variant simd --timing)"
  echo "default $(secs ./jhpc diff2d "${SETS[@]}" --timing)"
  echo "cpp-omp2 $(OMP_NUM_THREADS=2 OMP_PROC_BIND=false secs peers/cpp/diff2d_omp --kernel omp "${SETS[@]}")"
  echo "cpp-one $(secs peers/cpp/diff2d --kernel one "${SETS[@]}")"
done >"$tmp/raw"
python3 - "$tmp/raw" <<'PY'
import sys, statistics as st
rows = {}
for line in open(sys.argv[1]):
    k, v = line.split()
    rows.setdefault(k, []).append(float(v))
for k, v in rows.items():
    print("%-9s median %.4f  min %.4f  (n=%d)" % (k, st.median(v), min(v), len(v)))
PY
