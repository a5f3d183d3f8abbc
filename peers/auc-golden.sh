#!/usr/bin/env bash
# Regenerates test-support/src/main/resources/golden/auc/: the double the slides' serial loop (x += dx, one serial sum)
# gives at 3e7 points, from the C++ peer built with strict IEEE evaluation (no FMA contraction), checked against
# the Fortran peer (strict) and, with --python, the Python peer (about 11 s).
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
g++ -O2 -ffp-contract=off -o "$tmp/cpp" "$ROOT/peers/cpp/auc_serial.cpp"
gfortran -O2 -ffp-contract=off -o "$tmp/f90" "$ROOT/peers/fortran/auc_serial.f90"
cpp="$("$tmp/cpp" 30000000 2>/dev/null | awk '{print $4}')"
f90="$("$tmp/f90" 30000000 2>/dev/null | awk '{print $4}')"
same() { python3 -c "import sys; sys.exit(float('$1') != float('$2'))"; }
same "$cpp" "$f90" || { echo "auc-golden: C++ $cpp and Fortran $f90 disagree" >&2; exit 1; }
if [ "${1:-}" = --python ]; then
  py="$(python3 "$ROOT/peers/python/auc_serial.py" 30000000 | tail -1)"
  same "$cpp" "$py" || { echo "auc-golden: C++ $cpp and Python $py disagree" >&2; exit 1; }
fi
echo "$cpp" > "$ROOT/test-support/src/main/resources/golden/auc/loops-30000000.txt"
echo "auc-golden: loops at 30000000 = $cpp"
