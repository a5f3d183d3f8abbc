#!/usr/bin/env bash
# Times the slides' serial loop in C++ (and Fortran when gfortran is there) against `jhpc auc` variants, in one
# run on one machine, and prints a Markdown table of medians.
#   compute: the loop's own timer (C++/Fortran: steady_clock/system_clock around the loop; jhpc: compute_seconds)
#            jhpc cold = one computation in a fresh JVM (interpreter and JIT included),
#            jhpc warm = the last of --repeat computations (JIT done: what JMH's AucBench measures)
#   process: wall time of the whole process (JVM start-up, class loading, build check included; warm rows
#            run the computation --repeat times)
# Usage: bench/auc-vs-cpp.sh [RUNS (default 5)] [NTOT (default 30000000)] [WARM_REPEAT (default 20)]
# Environment: JHPC = the jhpc command to time (default: ./jhpc at the root, built first if stale).
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
RUNS="${1:-5}"; NTOT="${2:-30000000}"; REPEAT="${3:-20}"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
g++ -O3 -march=native -o "$tmp/auc_cpp" "$ROOT/peers/cpp/auc_serial.cpp"
have_f90=0
if command -v gfortran >/dev/null; then
  gfortran -O3 -march=native -o "$tmp/auc_f90" "$ROOT/peers/fortran/auc_serial.f90" && have_f90=1
fi
JHPC="${JHPC:-$ROOT/jhpc}"
$JHPC auc 7 >/dev/null 2>&1   # builds if stale, outside the timings

now() { date +%s.%N; }
LOAD0="$(cut -d' ' -f1-3 /proc/loadavg)"
java_info() { $JHPC auc 7 --timing --variant simd 2>&1 | sed -n 's/^\(kernel\|java\)=\(.*\)/\1="\2"/p' | tr '\n' ' '; }
median() { sort -g | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
# once NAME CMD...: runs CMD once, appends "compute process cpu" to $tmp/NAME
once() {
  local name="$1"; shift
  local t0 t1 c
  t0="$(now)"; "$@" >/dev/null 2>"$tmp/err"; t1="$(now)"
  c="$( (grep '^compute_seconds=' "$tmp/err" || true) | tail -1 | cut -d= -f2 | tr -d ' ')"
  u="$( (grep '^cpu_seconds=' "$tmp/err" || true) | tail -1 | cut -d= -f2 | cut -d' ' -f1)"
  echo "$c $(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.6f", b - a}') ${u:-nan}" >>"$tmp/$name"
}
# Rounds: every program once per round, so that background load falls on all of them alike.
for _ in $(seq "$RUNS"); do
  once cpp "$tmp/auc_cpp" "$NTOT"
  [ "$have_f90" = 1 ] && once f90 "$tmp/auc_f90" "$NTOT"
  once loops_cold  $JHPC auc "$NTOT" --timing --variant loops
  once loops_warm  $JHPC auc "$NTOT" --timing --variant loops --repeat "$REPEAT"
  once scal1_cold  $JHPC auc "$NTOT" --timing --variant simd --no-simd
  once scal1_warm  $JHPC auc "$NTOT" --timing --variant simd --no-simd --repeat "$REPEAT"
  once simd1_cold  $JHPC auc "$NTOT" --timing --variant simd
  once simd1_warm  $JHPC auc "$NTOT" --timing --variant simd --repeat "$REPEAT"
  once thr2_cold   $JHPC auc "$NTOT" --timing --variant threads --threads 2
  once thr2_warm   $JHPC auc "$NTOT" --timing --variant threads --threads 2 --repeat "$REPEAT"
done

echo "date=$(date -u +%Y-%m-%dT%H:%MZ) cpu=\"$(lscpu | sed -n 's/^Model name: *//p' | head -1)\" cores=$(nproc)"
echo "cxx=\"$(g++ --version | head -1)\" $(java_info)"
echo "load average before: $LOAD0; after: $(cut -d' ' -f1-3 /proc/loadavg)"
col() { cut -d' ' -f"$2" "$tmp/$1" | median; }
cpp_c="$(col cpp 1)"; cpp_u="$(col cpp 3)"
echo "ntot=$NTOT runs=$RUNS warm_repeat=$REPEAT; medians; 10 flops per point; rates from compute (wall) time"
echo "ratio = jhpc / C++ (compute wall time; in brackets: CPU time of the computing thread, 1-thread rows only)"
echo
echo "| program | compute s | cpu s | process s | ratio to C++ | Mpoints/s | GFlop/s |"
echo "|---|---|---|---|---|---|---|"
for name in cpp f90 loops_cold loops_warm scal1_cold scal1_warm simd1_cold simd1_warm thr2_cold thr2_warm; do
  [ -f "$tmp/$name" ] || continue
  c="$(col "$name" 1)"; p="$(col "$name" 2)"; u="$(col "$name" 3)"
  case "$name" in thr2_*) u=nan;; esac
  case "$name" in
    cpp) label="C++ g++ -O3 -march=native (slides' loop)";; f90) label="Fortran gfortran -O3 -march=native";;
    loops_cold) label="jhpc loops, cold";; loops_warm) label="jhpc loops, warm";;
    scal1_cold) label="jhpc simd --no-simd (scalar kernel), cold";;
    scal1_warm) label="jhpc simd --no-simd (scalar kernel), warm";;
    simd1_cold) label="jhpc simd 1 thread, cold";; simd1_warm) label="jhpc simd 1 thread, warm";;
    thr2_cold) label="jhpc threads 2, cold";; thr2_warm) label="jhpc threads 2, warm";;
  esac
  awk -v l="$label" -v c="$c" -v p="$p" -v u="$u" -v b="$cpp_c" -v bu="$cpp_u" -v n="$NTOT" 'BEGIN {
    cu = (u == "nan" || u == "") ? "-" : sprintf("%.4f", u)
    ru = (u == "nan" || u == "") ? "" : sprintf(" (%.3f)", u / bu)
    printf "| %s | %.4f | %s | %.3f | %.3f%s | %.0f | %.2f |\n", l, c, cu, p, c / b, ru, n / c / 1e6, 10 * n / c / 1e9 }'
done
