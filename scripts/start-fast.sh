#!/usr/bin/env bash
# Starts the packaged server quickly: from the extracted jar with the JDK's AOT cache (docs/operations.md "Fast
# start"). The first call after a build prepares both (about 15-30 s: one start of the server up to readiness on a
# throw-away data directory); later calls start in about 4.5 s instead of 11-13 s on the 2-core machine of
# docs/benchmarks.md. Arguments go to the server, as with java -jar:
#
#   mvn -B -Paot -pl server -am package -DskipTests      # -Paot: with Spring AOT too (optional, docs/operations.md)
#   scripts/start-fast.sh --server.port=8080
#
# The data directory is ./data of the directory you call it from, as with java -jar (botfleet.data-dir to change it).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/common.sh"
java="$(find_jdk)/bin/java"
jar="$here/../server/target/botfleet-server.jar"
fast="$here/../server/target/fast-start"
[ -f "$jar" ] || { echo "$jar missing: mvn -B -pl server -am package -DskipTests" >&2; exit 1; }

if [ ! -f "$fast/app.aot" ] || [ "$jar" -nt "$fast/app.aot" ]; then
  echo "preparing the fast start (once per build): extracting the jar, one training start" >&2
  rm -rf "$fast"; mkdir -p "$fast"
  # the AOT cache needs a plain class path, not the nested jars of the executable jar
  "$java" -Djarmode=tools -jar "$jar" extract --destination "$fast/app" >/dev/null
  work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
  train_aot_cache "$java" "$fast/app/botfleet-server.jar" "$fast/app.aot.tmp" "$work" \
    $(spring_aot_options "$java" "$fast/app/botfleet-server.jar") $(fast_jvm_options)
  mv "$fast/app.aot.tmp" "$fast/app.aot"
  rm -rf "$work"; trap - EXIT
fi
# a jar built with -Paot also starts from Spring's build-time processing of the context (AotSwitches falls back to
# the ordinary start when the configuration turns on what that build left off)
# fast_jvm_options: C2 compiles later, so it competes less with the start (scripts/lib/common.sh)
exec "$java" $(spring_aot_options "$java" "$fast/app/botfleet-server.jar") $(fast_jvm_options) -XX:AOTCache="$fast/app.aot" \
  -jar "$fast/app/botfleet-server.jar" "$@"
