#!/usr/bin/env bash
# Thin wrapper over `jhpc bench diff2d` (the harness in benchmark/, see benchmark/README.md), kept for old habits:
# diff2d at scale, the rows the old script compared (jhpc threads at 1..cores threads, simd, the default variant,
# the C++ one-sweep peer and its OpenMP kernel at 1..cores threads) on the slides' case, interleaved; those of them
# that are sweep rows (cpp-two, jhpc-simd, jhpc-threads-N) also over the size sweep, 64²..4096².
#   bench/scale.sh [RUNS] [more jhpc bench options...]   e.g. bench/scale.sh 5 --out /tmp/r
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
args=()
if [ $# -gt 0 ] && [[ "$1" =~ ^[0-9]+$ ]]; then args=(--runs "$1"); shift; fi
rows=cpp-two,cpp-one,jhpc-simd,jhpc-default
for t in $(seq 1 "$(nproc)"); do rows="$rows,jhpc-threads-$t,cpp-omp-$t"; done
exec "$ROOT/jhpc" bench diff2d --only "$rows" "${args[@]}" "$@"
