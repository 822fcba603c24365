#!/usr/bin/env bash
# Measures how long the packaged server takes from `java -jar` to answering readiness (GET /actuator/health/readiness
# = 200), idle, on a fresh data directory each run (H2, the sim feed on): the figure docs/benchmarks.md reports.
#
#   scripts/startup-time.sh [runs] [-- extra JVM or Spring arguments]
#
# Needs server/target/botfleet-server.jar (mvn -B -pl server -am package -DskipTests) and a JDK 25 (JAVA_HOME, or
# the newest under /usr/lib/jvm). With STARTUP_AOT=1 it first makes a JDK AOT cache (JEP 483/514) with one training run,
# then measures the runs with it.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}; shift || true
[ "${1:-}" = "--" ] && shift
extra=("$@")

find_java() {
  for j in "${JAVA_HOME:-}/bin/java" $(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -r); do
    [ -x "$j" ] || continue
    v=$("$j" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
    [ "${v%%.*}" -ge 25 ] 2>/dev/null && { echo "$j"; return; }
  done
  echo "no JDK >= 25 found (set JAVA_HOME)" >&2; exit 1
}
java=$(find_java)
jar=server/target/botfleet-server.jar
[ -f "$jar" ] || { echo "$jar missing: mvn -B -pl server -am package -DskipTests" >&2; exit 1; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

aot=()
if [ "${STARTUP_AOT:-0}" = 1 ]; then
  # The JDK's AOT cache (JEP 483/514) holds classes loaded and linked by a training run; it needs a plain class path,
  # so the jar is first extracted (Spring Boot's jarmode tools), then one training run starts the context and exits.
  "$java" -Djarmode=tools -jar "$jar" extract --destination "$work/app" >/dev/null
  jar="$work/app/$(basename "$jar")"
  "$java" -XX:AOTCacheOutput="$work/app.aot" -Dspring.context.exit=onRefresh \
    -jar "$jar" --botfleet.data-dir="$work/train" --server.port=0 "${extra[@]}" >"$work/train.log" 2>&1 || true
  [ -f "$work/app.aot" ] || { echo "AOT cache was not written; see the training log:" >&2; tail -20 "$work/train.log" >&2; exit 1; }
  aot=(-XX:AOTCache="$work/app.aot")
fi

times=()
for i in $(seq 1 "$runs"); do
  port=$(free_port); data="$work/data-$i"
  start=$(date +%s%N)
  "$java" "${aot[@]}" -jar "$jar" --botfleet.data-dir="$data" --server.port="$port" "${extra[@]}" >"$work/run-$i.log" 2>&1 &
  pid=$!
  until curl -fsS -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "server exited; log:" >&2; tail -30 "$work/run-$i.log" >&2; exit 1; }
    [ $(( ($(date +%s%N) - start) / 1000000 )) -lt 120000 ] || { kill "$pid"; echo "not ready in 120 s" >&2; exit 1; }
    sleep 0.05
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: ready in $ms ms"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "java: $("$java" -version 2>&1 | head -1)"
echo "runs: $runs  min: $(echo "$sorted" | head -1) ms  median: $(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p") ms  max: $(echo "$sorted" | tail -1) ms"
