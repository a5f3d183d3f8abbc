#!/usr/bin/env bash
# Thin wrapper over `jhpc bench expr` (the harness in benchmark/, see benchmark/README.md), kept for old habits:
#   bench/expr.sh [RUNS] [more jhpc bench options...]   e.g. bench/expr.sh 7 --out /tmp/r
# Writes bench/results/<date>-<short sha>/ (bench.md, bench.csv, PNG charts) unless --out says otherwise.
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
args=()
if [ $# -gt 0 ] && [[ "$1" =~ ^[0-9]+$ ]]; then args=(--runs "$1"); shift; fi
exec "$ROOT/jhpc" bench expr "${args[@]}" "$@"
