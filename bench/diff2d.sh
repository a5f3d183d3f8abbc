#!/usr/bin/env bash
# diff2d benchmark: jhpc's variants (JMH, steady state) against jhpc's C++ peer (g++ -O3 -march=native) in the
# same session, plus whole-process times of `./jhpc diff2d` and the C++ program on the slides' default case.
# Writes bench/results/diff2d-<date>-<sha>.md and .csv. Usage: bench/diff2d.sh [runs, default 5]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
. scripts/jdk.sh
export JAVA_HOME="$(jhpc_find_jdk)"
RUNS="${1:-5}"
scripts/install-deps peers >/dev/null 2>&1 || true
make -s -C peers/cpp
mvn -B -q -DskipTests package -pl expr,mpi,app,bench >/dev/null
./jhpc --version >/dev/null 2>&1   # launcher build, so that its first run is not timed

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
cpp_compute() {  # $1 = binary, rest = args; median of compute_seconds
  for _ in $(seq "$RUNS"); do "$@" 2>&1 >/dev/null | sed -n 's/^compute_seconds=//p'; done | median
}
wall() {  # median wall seconds of a whole process
  for _ in $(seq "$RUNS"); do /usr/bin/time -f "%e" "$@" 2>&1 >/dev/null | tail -n 1; done | median
}
peak_rss_mb() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -n 1 | awk '{printf "%.0f", $1/1024}'; }

cpp_two=$(cpp_compute peers/cpp/diff2d --kernel two)
cpp_one=$(cpp_compute peers/cpp/diff2d --kernel one)
cpp_omp=$(OMP_NUM_THREADS=2 OMP_PROC_BIND=false cpp_compute peers/cpp/diff2d_omp --kernel omp)
jhpc_cli_compute=$(for _ in $(seq "$RUNS"); do ./jhpc diff2d --timing 2>&1 >/dev/null | sed -n 's/^compute_seconds=//p'; done | median)
wall_jhpc=$(wall ./jhpc diff2d)
wall_cpp=$(wall peers/cpp/diff2d --kernel two)
rss_jhpc=$(peak_rss_mb ./jhpc diff2d)
rss_big=$(peak_rss_mb ./jhpc diff2d --variant simd --set dx=0.002 --set runtime=0.00002)

JMH_CSV="$(mktemp)"
CP="bench/target/classes:$(cat bench/target/jmh.classpath)"
"$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -cp "$CP" org.openjdk.jmh.Main Diff2dBench \
  -f 1 -wi 5 -i "$((RUNS * 2))" -p variant=loops,flat,simd,threads,expr -p threads=2 -rf csv -rff "$JMH_CSV" >/dev/null 2>&1

sha=$(git rev-parse --short HEAD)
date=$(date -u +%Y-%m-%d)
cpu=$(lscpu | sed -n 's/^Model name: *//p' | head -n 1)
jdk=$("$JAVA_HOME/bin/java" -version 2>&1 | sed -n 2p)
out="bench/results/diff2d-$date-$sha"
mkdir -p bench/results
updates=240000000   # 200 x 200 x 5999 (approx 2.4e8)
{
  echo "variant,threads,seconds,ratio_vs_cpp_two,gflops,gbytes_per_s"
  ratio() { awk -v a="$1" -v b="$cpp_two" 'BEGIN{printf "%.3f", a/b}'; }
  rates() { awk -v s="$1" -v u="$updates" 'BEGIN{printf "%.2f,%.2f", u*7/s*1e-9, u*16/s*1e-9}'; }
  echo "cpp-two,1,$cpp_two,$(ratio "$cpp_two"),$(rates "$cpp_two")"
  echo "cpp-one,1,$cpp_one,$(ratio "$cpp_one"),$(rates "$cpp_one")"
  echo "cpp-omp,2,$cpp_omp,$(ratio "$cpp_omp"),$(rates "$cpp_omp")"
  tail -n +2 "$JMH_CSV" | while IFS=, read -r name mode jmh_threads cnt score err unit depth thr variant; do
    s=$(awk -v ms="$score" 'BEGIN{printf "%.6f", ms/1000}')
    t=$(echo "$thr" | tr -d '"\r'); v=$(echo "$variant" | tr -d '"\r')
    [ "$v" = threads ] || [ "$v" = expr ] || t=1
    echo "jhpc-$v,$t,$s,$(ratio "$s"),$(rates "$s")"
  done
} > "$out.csv"
{
  echo "# diff2d benchmark, $date"
  echo
  echo "git $sha · $cpu · $(nproc) cores · $jdk · g++ $(g++ -dumpversion) -O3 -march=native · $RUNS runs (medians)"
  echo
  echo "Default case of the slides: 202x202 grid, 5999 steps, ~2.4e8 cell updates. Java times are JMH single-shot"
  echo "medians (steady state, warm JIT); C++ times are the program's own timing of its time-stepping loop. Rates"
  echo "assume 7 flops and 16 bytes of cache traffic per update (the one-sweep floor; the two sweeps move 40)."
  echo
  echo "| variant | threads | seconds | vs C++ two-sweep | GFlop/s | GB/s |"
  echo "|---|---|---|---|---|---|"
  tail -n +2 "$out.csv" | awk -F, '{printf "| %s | %s | %.4f | %.2fx | %s | %s |\n", $1, $2, $3, $4, $5, $6}'
  echo
  echo "Whole process, default case: \`./jhpc diff2d\` $wall_jhpc s vs C++ two-sweep $wall_cpp s"
  echo "($(awk -v a="$wall_jhpc" -v b="$wall_cpp" 'BEGIN{printf "%.2f", a/b}')x). \`./jhpc diff2d --timing\` compute_seconds (cold JIT): $jhpc_cli_compute s."
  echo
  echo "Peak RSS: default case $rss_jhpc MB; a 10000x10000 grid (two 800 MB arrays, simd) $rss_big MB."
} > "$out.md"
rm -f "$JMH_CSV"
cat "$out.md"
