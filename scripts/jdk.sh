# shellcheck shell=bash
# Sourced by ./jhpc, ./run-tests and the peer scripts: finds a JDK 25 or newer without the user's help.
# Order: $JAVA_HOME if it is 25+, then every JDK under /usr/lib/jvm (newest first), then `java` on PATH.

jhpc_java_major() {   # $1 = path to a java binary; prints its feature version (17, 25, ...)
  local release v
  release="$(dirname "$(dirname "$1")")/release"
  if [ -r "$release" ]; then   # JDKs describe themselves here: no JVM start needed
    v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release" | head -n 1)"
    [ -n "$v" ] && { echo "$v"; return; }
  fi
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

jhpc_find_jdk() {     # prints a JDK home whose java and javac are 25+, or returns 1
  local cand v
  for cand in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV) \
              "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    cand="${cand%/}"
    [ -n "$cand" ] && [ -x "$cand/bin/java" ] && [ -x "$cand/bin/javac" ] || continue
    v="$(jhpc_java_major "$cand/bin/java")"
    if [ -n "$v" ] && [ "$v" -ge 25 ]; then echo "$cand"; return 0; fi
  done
  return 1
}
