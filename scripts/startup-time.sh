#!/usr/bin/env bash
# Measures how long the packaged server takes from starting the JVM to answering readiness
# (GET /actuator/health/readiness = 200), idle, with the sim feed on: the figure docs/benchmarks.md reports. Each run
# also prints when the first API call a user makes answered (GET /api/v1/auth/oidc/providers, what the dashboard's
# login page asks first; right after readiness) and the CPU time the server had used at readiness (all its threads:
# a figure that load from other processes inflates far less than the wall-clock one, for comparing on a busy machine).
#
#   scripts/startup-time.sh [runs] [-- extra server arguments]
#
#   STARTUP_AOT=1  start as scripts/start-fast.sh does: the extracted jar with a JDK AOT cache made by one training
#                  start first (not measured), Spring AOT on when the jar was built with -Paot,
#                  and start-fast.sh's JVM options (C2 later; FAST_JIT=default: without, see lib/common.sh)
#   SAME_DATA=1    every run on the data directory of a first, unmeasured start (a restart: schema and keys in
#                  place); otherwise each run gets a fresh one (a first start: migrations, key generation)
#   JVM_OPTS       extra JVM options, e.g. "-XX:TieredStopAtLevel=1"
#   STARTUP_LIMIT  seconds a start (and the training start) may take before it counts as failed (default 120)
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
  jvm+=($(fast_jvm_options))                     # and with its JIT options (FAST_JIT=default: without)
  train_aot_cache "$java" "$jar" "$work/app.aot" "$work" "${jvm[@]}"
  jvm+=(-XX:AOTCache="$work/app.aot")
fi

# start LOG DATA: one server start, then stopped. Prints "READY_MS API_MS CPU_MS": ms to readiness, ms to the first
# API answer, and the CPU ms the server had used at readiness.
start() {
  local port started ms api cpu
  port=$(free_port)
  started=$(date +%s%N)
  "$java" "${jvm[@]}" -jar "$jar" --botfleet.data-dir="$2" --server.port="$port" "${extra[@]}" >"$1" 2>&1 &
  pid=$!
  await_ready "$port" "$pid" "$1" "${STARTUP_LIMIT:-120}" || { kill "$pid" 2>/dev/null; return 1; }
  ms=$(( ($(date +%s%N) - started) / 1000000 ))
  cpu=$(cpu_ms "$pid")
  curl -fsS -o /dev/null "http://127.0.0.1:$port/api/v1/auth/oidc/providers"
  api=$(( ($(date +%s%N) - started) / 1000000 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
  echo "$ms $api $cpu"
}

# median of the numbers on stdin
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

[ "${SAME_DATA:-0}" = 1 ] && start "$work/first.log" "$work/data" >/dev/null
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
times=(); apis=(); cpus=()
for i in $(seq 1 "$runs"); do
  data="$work/data-$i"; [ "${SAME_DATA:-0}" = 1 ] && data="$work/data"
  read -r ms api cpu < <(start "$work/run-$i.log" "$data")
  times+=("$ms"); apis+=("$api"); cpus+=("$cpu")
  echo "run $i: ready in $ms ms, first API answer at $api ms, $cpu ms CPU at readiness (load $(cut -d' ' -f1 /proc/loadavg))"
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "java: $("$java" -version 2>&1 | head -1); options: ${jvm[*]:-none}; same data: ${SAME_DATA:-0}"
echo "load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "runs: $runs  min: $(echo "$sorted" | head -1) ms  median: $(echo "$sorted" | median) ms  max: $(echo "$sorted" | tail -1) ms"
echo "median first API answer: $(printf '%s\n' "${apis[@]}" | median) ms  median CPU at readiness: $(printf '%s\n' "${cpus[@]}" | median) ms"
