#!/usr/bin/env bash
# expr benchmark: the engine's two tiers (block interpreter, fused generated loop) against hand-written fused Java
# loops (scalar and Vector API) and the memory-bandwidth floor (c = a + b) under JMH, and numpy in the same session,
# on the issue's two expressions at 3,000,000 doubles, 1 and 2 threads; plus `jhpc expr --bench` for first-call
# costs. Writes bench/results/expr-<date>.md. Usage: bench/expr.sh [measurement iterations, default 6]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
. scripts/jdk.sh
export JAVA_HOME="$(jhpc_find_jdk)"
ITER="${1:-6}"
N=3000000
mvn -B -q -o -DskipTests package -pl expr,mpi,app,bench >/dev/null 2>&1 || mvn -B -q -DskipTests package -pl expr,mpi,app,bench >/dev/null
./jhpc --version >/dev/null 2>&1

CSV="$(mktemp)"
CP="bench/target/classes:$(cat bench/target/jmh.classpath)"
"$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -cp "$CP" org.openjdk.jmh.Main ExprBench \
  -wi 4 -w 1 -i "$ITER" -r 1 -p size=$N -rf csv -rff "$CSV" >/dev/null 2>&1
NUMPY="$(python3 peers/python/expr_numpy_bench.py $N 30)"
FIRST="$(for e in 'a**2 + b**2 + 2*a*b' '2*sin(a)*cos(b) + sqrt(a*b)'; do for t in 1 2; do
  echo "### \`$e\`, $t thread(s)"; echo '```'; ./jhpc expr --bench "$e" --size $N --threads $t 2>/dev/null; echo '```'; done; done)"

date=$(date -u +%Y-%m-%d)
out="bench/results/expr-$date.md"
mkdir -p bench/results
python3 - "$CSV" "$out" "$NUMPY" "$FIRST" <<'PY'
import csv, sys, subprocess, platform, os
rows = list(csv.DictReader(open(sys.argv[1])))
numpy = dict(l.split("=", 1) for l in sys.argv[3].split())
first = sys.argv[4]
t = {}
for r in rows:
    t[(r["Param: expr"], r["Param: impl"], int(r["Param: threads"]))] = (float(r["Score"]), float(r["Score Error (99.9%)"] or 0))
N = 3_000_000
gb = 24 * N / 1e9                      # two 8-byte inputs and one 8-byte output per element
sha = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
jdk = subprocess.run([os.environ["JAVA_HOME"] + "/bin/java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
load = open("/proc/loadavg").read().split()[:3]
ref = {("poly", 1): 7.0, ("poly", 2): 3.9, ("trig", 1): 54.0, ("trig", 2): 28.5}
L = []
L.append(f"# expr benchmark, {os.popen('date -u +%Y-%m-%dT%H:%MZ').read().strip()}\n")
L.append(f"git {sha}; {jdk}; JVM flags `--add-modules jdk.incubator.vector -XX:+UseParallelGC`; CPU {cpu}, "
         f"{os.cpu_count()} cores; load average at the end {' '.join(load)} (the machine is shared: other jobs ran "
         f"meanwhile, so absolute times are inflated and noisy; ratios within one row are the meaningful numbers); "
         f"numpy {numpy.get('numpy_version')}.\n")
L.append("JMH average time per evaluation (ms, ± 99.9% error), 3,000,000 doubles per array; GB/s = 24 bytes per "
         "element (two inputs, one output) / time. `stream` is c = a + b, the memory-bandwidth floor for the same "
         "traffic. numexpr is not installable here: its column quotes the issue's measurement on this machine "
         "(numexpr 2.8.4), for reference only.\n")
L.append("| expression | threads | interpreter | fused | hand loop | hand Vector API | stream floor | numpy (1 thr) | numexpr (issue) | fused / best hand | fused / numexpr |")
L.append("|---|---|---|---|---|---|---|---|---|---|---|")
for e, src in (("poly", "a**2 + b**2 + 2*a*b"), ("trig", "2*sin(a)*cos(b) + sqrt(a*b)")):
    for th in (1, 2):
        def cell(i):
            s, err = t[(e, i, th)]
            return f"{s:.2f} ± {err:.2f} ({gb / (s / 1e3):.1f} GB/s)"
        best = min(t[(e, "loop", th)][0], t[(e, "vector", th)][0])
        np_ms = float(numpy[e]) * 1e3
        L.append(f"| `{src}` | {th} | {cell('interp')} | {cell('fused')} | {cell('loop')} | {cell('vector')} | "
                 f"{cell('stream')} | {np_ms:.2f} | {ref[(e, th)]} | {t[(e, 'fused', th)][0] / best:.2f} | "
                 f"{t[(e, 'fused', th)][0] / ref[(e, th)]:.2f} |")
L.append(f"\nnumpy's own `c = a + b` (out=) took {float(numpy['stream']) * 1e3:.2f} ms.\n")
L.append("## First call and steady state (`./jhpc expr --bench`)\n")
L.append("first_call_ms = compile + first evaluation on a fresh Expr (the fused tier's includes generating and "
         "loading its hidden class; both include cold JIT).\n")
L.append(first)
open(sys.argv[2], "w").write("\n".join(L) + "\n")
PY
rm -f "$CSV"
echo "wrote $out"
