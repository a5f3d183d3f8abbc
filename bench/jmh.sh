#!/usr/bin/env bash
# Runs jhpc's JMH benchmarks: builds app and bench (JDK 25), then org.openjdk.jmh.Main with the given arguments,
# e.g. bench/jmh.sh AucBench -p variant=simd -p threads=1 -rf json -rff out.json
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
. "$ROOT/scripts/jdk.sh"
JAVA_HOME="$(jhpc_find_jdk)" || { echo "jmh.sh: error: no JDK 25 or newer found" >&2; exit 2; }
export JAVA_HOME
(cd "$ROOT" && mvn -B -q -pl bench -am -DskipTests compile >&2)
CP="$ROOT/bench/target/classes:$(cat "$ROOT/bench/target/jmh.classpath")"
CP="$CP:$(cat "$ROOT/bench/target/jmh.classpath")"
exec "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  -cp "$CP" org.openjdk.jmh.Main "$@"
