#!/usr/bin/env bash
# Before/after of the fused tier per dtype, interleaved: `jhpc expr --bench EXPR --dtype T` with this tree's
# engine and with the engine of BASE (a git revision; its expr sources compiled into a temporary directory and put
# first on the class path, the same cli and benchmark jars otherwise), plus numexpr (1 and 2 threads) and numpy
# (peers/python/expr_peers.py, the same operands), ROUNDS rounds in the same order each round. One CSV line per run
# (median seconds per evaluation, the program's own timer) to OUT.csv; a summary with medians over the rounds and
# ratios to OUT.md. Usage: bench/expr-dtypes.sh BASE OUT [N] [ROUNDS]
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
BASE=$1; OUT=$2; N=${3:-3000000}; ROUNDS=${4:-3}
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
JAVAC="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/javac"
"$ROOT/jhpc" --version >/dev/null 2>&1 || true                     # builds cli/target when missing
CP="$(ls "$ROOT"/cli/target/jhpc-cli-*.jar | head -n 1):$(cat "$ROOT/cli/target/launcher.cp")"
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
git -C "$ROOT" archive "$BASE" expr/src/main/java | tar -x -C "$TMP"
"$JAVAC" -nowarn -XDsuppressNotes --add-modules jdk.incubator.vector -cp "$CP" -d "$TMP/classes" \
    $(find "$TMP/expr/src/main/java" -name '*.java') 2>&1 | grep -v -e '^warning' -e 'incubat' -e '^[0-9]* warning' || true
PY=/usr/bin/python3
echo "round,dtype,expression,program,threads,median_s,load1" > "$OUT.csv"
jhpc_run() {   # classpath threads dtype expr
    "$JAVA" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -XX:+UseParallelGC -Xmx6g -cp "$1" \
        org.jhpc.cli.Main expr --bench "$4" --size "$N" --dtype "$3" --threads "$2" 2>/dev/null | sed -n 's/^median_seconds=//p'
}
for r in $(seq 1 "$ROUNDS"); do
  for t in float64 float32 int64 int32 bool; do
    if [ $t = bool ]; then exprs=("a & b | ~c" "where(a, b, c)"); else exprs=("2*a + 3*b*c" "where(a < b, a, c)"); fi
    for e in "${exprs[@]}"; do
      load() { cut -d' ' -f1 /proc/loadavg; }
      echo "$r,$t,\"$e\",before,1,$(jhpc_run "$TMP/classes:$CP" 1 $t "$e"),$(load)" >> "$OUT.csv"
      echo "$r,$t,\"$e\",after,1,$(jhpc_run "$CP" 1 $t "$e"),$(load)" >> "$OUT.csv"
      echo "$r,$t,\"$e\",after,2,$(jhpc_run "$CP" 2 $t "$e"),$(load)" >> "$OUT.csv"
      for th in 1 2; do
        s=$(NUMEXPR_NUM_THREADS=$th $PY "$ROOT/peers/python/expr_peers.py" numexpr "$N" 21 $t "$e" 2>&1 >/dev/null | sed -n 's/^compute_seconds=//p')
        echo "$r,$t,\"$e\",numexpr,$th,$s,$(load)" >> "$OUT.csv"
      done
      s=$($PY "$ROOT/peers/python/expr_peers.py" numpy "$N" 21 $t "$e" 2>&1 >/dev/null | sed -n 's/^compute_seconds=//p')
      echo "$r,$t,\"$e\",numpy,1,$s,$(load)" >> "$OUT.csv"
    done
  done
done
$PY - "$OUT.csv" "$OUT.md" "$BASE" "$N" "$ROUNDS" <<'PYEOF'
import csv, statistics, sys, subprocess, platform
src, dst, base, n, rounds = sys.argv[1:6]
rows = list(csv.DictReader(open(src)))
med = {}
for r in rows:
    med.setdefault((r['dtype'], r['expression'], r['program'], r['threads']), []).append(float(r['median_s']))
loads = [float(r['load1']) for r in rows]
sha = subprocess.run(['git', 'rev-parse', '--short', 'HEAD'], capture_output=True, text=True).stdout.strip()
cpu = next((l.split(':', 1)[1].strip() for l in open('/proc/cpuinfo') if l.startswith('model name')), platform.machine())
out = [f'# expr per dtype: fused tier before/after, against numexpr and numpy\n',
       f'`bench/expr-dtypes.sh {base} ...` at {sha}: N = {n} elements per array, {rounds} interleaved rounds, median over rounds of',
       f'each program\'s own median seconds per evaluation. CPU {cpu}; load average (1 min) during the runs {min(loads):.1f}..{max(loads):.1f}',
       '(a shared, loaded machine: read the ratios, measured side by side, not the absolute times).',
       'before = the engine at ' + base + ' (these programs ran on its block interpreter, except float64, which was already fused);',
       'after = this tree (fused tier). Ratios > 1: jhpc faster.\n',
       '| dtype | expression | before ms | after ms | after/before speed-up | after 2 thr ms | numexpr 1 thr ms | numexpr 2 thr ms | numpy ms | numexpr 1 / after 1 | numexpr 2 / after 2 |',
       '|---|---|---|---|---|---|---|---|---|---|---|']
keys = []
for r in rows:
    k = (r['dtype'], r['expression'])
    if k not in keys: keys.append(k)
for t, e in keys:
    g = lambda p, th: statistics.median(med[(t, e, p, th)]) * 1e3
    b, a1, a2, n1, n2, np_ = g('before', '1'), g('after', '1'), g('after', '2'), g('numexpr', '1'), g('numexpr', '2'), g('numpy', '1')
    out.append(f'| {t} | `{e.replace("|", chr(92) + "|")}` | {b:.2f} | {a1:.2f} | {b / a1:.1f}x | {a2:.2f} | {n1:.2f} | {n2:.2f} | {np_:.2f} | {n1 / a1:.1f}x | {n2 / a2:.1f}x |')
open(dst, 'w').write('\n'.join(out) + '\n')
print('\n'.join(out))
PYEOF
