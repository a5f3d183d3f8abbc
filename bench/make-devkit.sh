#!/usr/bin/env bash
# Packs what running jhpc and its JMH benchmarks needs on a machine with no JDK and no Maven (e.g. a rented
# benchmark node): a jlink'ed JDK 25 runtime (java.base, java.management, jdk.incubator.vector, ...), the jars,
# and a `jhpc` wrapper, under bench/target/devkit (about 50 MB). Copy it together with */target/classes.
# Usage: bench/make-devkit.sh;   then there: bench/target/devkit/jhpc auc --timing
#                                              bench/target/devkit/jmh AucBench -p variant=simd
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
. "$ROOT/scripts/jdk.sh"
JAVA_HOME="$(jhpc_find_jdk)"; export JAVA_HOME
(cd "$ROOT" && mvn -B -q -pl bench -am -DskipTests package >&2)
KIT="$ROOT/bench/target/devkit"
rm -rf "$KIT"; mkdir -p "$KIT/lib"
"$JAVA_HOME/bin/jlink" --add-modules java.base,java.management,jdk.incubator.vector,jdk.unsupported,java.logging \
  --strip-debug --no-man-pages --no-header-files --compress=zip-9 --output "$KIT/jrt" 2>/dev/null
{ cat "$ROOT/bench/target/jmh.classpath"; echo; } | tr ':' '\n' | sort -u \
  | while read -r jar; do [ -n "$jar" ] && cp "$jar" "$KIT/lib/"; done
for tool in jhpc jmh; do
  main=org.jhpc.cli.Main; [ "$tool" = jmh ] && main=org.openjdk.jmh.Main
  cat > "$KIT/$tool" <<EOS
#!/usr/bin/env bash
K="\$(cd "\$(dirname "\${BASH_SOURCE[0]}")" && pwd)"; R="\$K/../../.."
CP="\$R/bench/target/classes:\$K/lib/*"
exec "\$K/jrt/bin/java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -XX:+UseParallelGC \\
  \${JHPC_JAVA_OPTS:-} -cp "\$CP" $main "\$@"
EOS
  chmod +x "$KIT/$tool"
done
du -sh "$KIT" >&2
