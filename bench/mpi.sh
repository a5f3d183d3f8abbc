#!/usr/bin/env bash
# MPI benchmark: `jhpc mpi pingpong` (byte[] and native MemorySegment buffers) against a C ping-pong (mpicc -O2,
# peers/mpi/pingpong.c) and Debian's mpi4py (uppercase Send/Recv on a bytearray, lowercase pickled send/recv),
# all run in this session, interleaved, RUNS times each; then diff2d strong scaling on 1 and 2 ranks with the
# halo-exchange cost per step. Writes bench/results/mpi-<date>[-TAG].md. Usage: bench/mpi.sh [runs, default 5]
# Environment: JHPC = the jhpc command (default ./jhpc; e.g. a plain `java ... org.jhpc.cli.Main` on a machine
# without Maven), TAG = a suffix for the result file. mpi4py rows are skipped where /usr/bin/python3 lacks it.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
RUNS="${1:-5}"
JHPC="${JHPC:-./jhpc}"
if [ "$JHPC" = ./jhpc ]; then
  . scripts/jdk.sh
  JAVA_HOME="$(jhpc_find_jdk)"
  export JAVA_HOME
  scripts/install-deps mpi >/dev/null 2>&1 || true
  ./jhpc --version >/dev/null 2>&1   # launcher build, so that no timed run builds
fi
make -s -C peers/mpi

MPIRUN=(mpirun --oversubscribe --bind-to none)
[ "$(id -u)" = 0 ] && MPIRUN=(mpirun --allow-run-as-root --oversubscribe --bind-to none)
PY=/usr/bin/python3
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
raw="$(mktemp -d)"
trap 'rm -rf "$raw"' EXIT

declare -A CMD=(
  [c]="peers/mpi/pingpong"
  [jhpc_bytes]="$JHPC mpi pingpong"
  [jhpc_segment]="$JHPC mpi pingpong --native"
  [jhpc_bytes_single]="env JHPC_MPI_THREAD=single $JHPC mpi pingpong"
  [mpi4py_buffer]="$PY peers/mpi/pingpong.py buffer"
  [mpi4py_pickle]="$PY peers/mpi/pingpong.py pickle"
)
ORDER=(c jhpc_bytes jhpc_segment jhpc_bytes_single)
if $PY -c 'import mpi4py' 2>/dev/null; then ORDER+=(mpi4py_buffer mpi4py_pickle); fi
for run in $(seq "$RUNS"); do
  for k in "${ORDER[@]}"; do
    # shellcheck disable=SC2086
    "${MPIRUN[@]}" -np 2 ${CMD[$k]} 2>/dev/null >"$raw/$k.$run"
  done
done
get() { for run in $(seq "$RUNS"); do sed -n "s/^$2=//p" "$raw/$1.$run"; done | median; }
best() { for run in $(seq "$RUNS"); do sed -n "s/^$2=//p" "$raw/$1.$run"; done | sort -g | head -n 1; }

NPS="${NPS:-1 2}"
# diff2d strong scaling on the default problem (202x202 points, 6000 steps), interleaved: median compute seconds
# (time-stepping loop, halos included) and rank 0's halo-exchange seconds per step
for run in $(seq "$RUNS"); do
  # shellcheck disable=SC2086
  $JHPC diff2d --variant simd --timing 2>"$raw/d2simd.$run" >/dev/null
  for np in $NPS; do
    # shellcheck disable=SC2086
    "${MPIRUN[@]}" -np "$np" $JHPC diff2d --variant mpi --timing 2>"$raw/d2mpi$np.$run" >/dev/null
  done
done
d2() { for run in $(seq "$RUNS"); do sed -n "s/^$2=\([^ ]*\).*/\1/p" "$raw/$1.$run"; done | median; }

SHA=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- mpi app peers bench 2>/dev/null || echo "+dirty")
JDK=$(${JAVA_HOME:+$JAVA_HOME/bin/}java -version 2>&1 | head -n 1 || echo "java: see JHPC")
CPU=$(lscpu | sed -n 's/^Model name: *//p' | head -n 1)
OMPI=$(mpirun --version 2>/dev/null | head -n 1)
PYV=$($PY -c 'import sys, mpi4py; print("Python %d.%d.%d" % sys.version_info[:3], "mpi4py", mpi4py.__version__)')
mkdir -p bench/results
out="bench/results/mpi-$(date -u +%F).md"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
c_lat=$(get c latency_us)
{
  echo "# MPI: ping-pong latency and bandwidth, diff2d over ranks"
  echo
  echo "- date: $(date -u '+%F %H:%M UTC'); git: $SHA; $JDK; $OMPI; $PYV"
  echo "- CPU: $CPU, $(nproc) cores (shared with other jobs while measured: expect noise)"
  echo "- launch: \`${MPIRUN[*]} -np 2 ...\`; jhpc: \`$JHPC\` (JVM flags as the launcher's: ParallelGC, Vector API, native access)"
  echo "- ping-pong: ranks 0 and 1, 8-byte messages x 20000 round trips (latency, one way) and 8 MiB x 20 (bandwidth),"
  echo "  warm-up then 5 repetitions, median inside each run; below: median of $RUNS runs, interleaved."
  echo "- command: \`bench/mpi.sh $RUNS\`"
  echo
  echo "| program | latency (us, one way), median | vs C | best run | vs C | bandwidth (GB/s), median |"
  echo "|---|---:|---:|---:|---:|---:|"
  c_best=$(best c latency_us)
  for k in "${ORDER[@]}"; do
    lat=$(get "$k" latency_us)
    b=$(best "$k" latency_us)
    echo "| $k: \`${CMD[$k]}\` | $lat | $(ratio "$lat" "$c_lat") | $b | $(ratio "$b" "$c_best") | $(get "$k" bandwidth_gbs) |"
  done
  echo
  echo "## diff2d, default problem (202x202 points, 6000 steps), compute seconds (median of $RUNS)"
  echo
  echo "| run | compute s | halo s/step (rank 0) | speed-up vs simd |"
  echo "|---|---:|---:|---:|"
  s1=$(d2 d2simd compute_seconds)
  echo "| ./jhpc diff2d --variant simd | $s1 | - | 1.00 |"
  for np in $NPS; do
    c=$(d2 "d2mpi$np" compute_seconds)
    echo "| mpirun -np $np ./jhpc diff2d --variant mpi | $c | $(d2 "d2mpi$np" halo_seconds_per_step) | $(ratio "$s1" "$c") |"
  done
} >"$out"
cat "$out"
