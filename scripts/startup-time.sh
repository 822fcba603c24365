#!/usr/bin/env bash
# Measures how long the packaged server takes from starting the JVM to answering readiness
# (GET /actuator/health/readiness = 200), idle, with the sim feed on: the figure docs/benchmarks.md reports.
#
#   scripts/startup-time.sh [runs] [-- extra server arguments]
#
#   STARTUP_AOT=1  start as scripts/start-fast.sh does: the extracted jar with a JDK AOT cache made by one training
#                  start first (not measured), and Spring AOT on when the jar was built with -Paot
#   SAME_DATA=1    every run on the data directory of a first, unmeasured start (a restart: schema and keys in
#                  place); otherwise each run gets a fresh one (a first start: migrations, key generation)
#   JVM_OPTS       extra JVM options, e.g. "-XX:TieredStopAtLevel=1"
#
# Needs server/target/botfleet-server.jar (mvn -B -pl server -am package -DskipTests) and a JDK 25.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/common.sh"
runs=${1:-5}; shift || true
[ "${1:-}" = "--" ] && shift
extra=("$@")
java="$(find_jdk)/bin/java"
jar="$here/../server/target/botfleet-server.jar"
[ -f "$jar" ] || { echo "$jar missing: mvn -B -pl server -am package -DskipTests" >&2; exit 1; }
work=$(mktemp -d); pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT

jvm=(${JVM_OPTS:-})
if [ "${STARTUP_AOT:-0}" = 1 ]; then
  "$java" -Djarmode=tools -jar "$jar" extract --destination "$work/app" >/dev/null
  jar="$work/app/$(basename "$jar")"
  jvm+=($(spring_aot_options "$java" "$jar"))   # a jar built with -Paot starts as start-fast.sh starts it
  train_aot_cache "$java" "$jar" "$work/app.aot" "$work" "${jvm[@]}"
  jvm+=(-XX:AOTCache="$work/app.aot")
fi

# start LOG DATA: one server start, measured in ms to readiness (printed), then stopped
start() {
  local port started ms
  port=$(free_port)
  started=$(date +%s%N)
  "$java" "${jvm[@]}" -jar "$jar" --botfleet.data-dir="$2" --server.port="$port" "${extra[@]}" >"$1" 2>&1 &
  pid=$!
  await_ready "$port" "$pid" "$1" || { kill "$pid" 2>/dev/null; return 1; }
  ms=$(( ($(date +%s%N) - started) / 1000000 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
  echo "$ms"
}

[ "${SAME_DATA:-0}" = 1 ] && start "$work/first.log" "$work/data" >/dev/null
times=()
for i in $(seq 1 "$runs"); do
  data="$work/data-$i"; [ "${SAME_DATA:-0}" = 1 ] && data="$work/data"
  ms=$(start "$work/run-$i.log" "$data")
  times+=("$ms")
  echo "run $i: ready in $ms ms"
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "java: $("$java" -version 2>&1 | head -1); options: ${jvm[*]:-none}; same data: ${SAME_DATA:-0}"
echo "runs: $runs  min: $(echo "$sorted" | head -1) ms  median: $(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p") ms  max: $(echo "$sorted" | tail -1) ms"
