#!/usr/bin/env bash
# The API under load while a fleet trades (issue 16; docs/fleet-scale.md "API under load"): starts the packaged server
# (fresh H2 data directory, or PostgreSQL with DB=postgres), runs bench's ApiLoad against it, stops it.
#
#   scripts/api-load.sh [bots] [requests-per-second] [seconds]      # defaults: 1000 500 60; rate 0: the fleet alone
#   WARMUP_SECONDS=60 (default): the fleet trades and the load runs that long first, unmeasured
#   LOAD_NICE=0 (default): the load tool's nice value; negative (root only) keeps its own scheduling delays, on a
#     machine the server saturates, out of the latencies it measures (real clients run elsewhere)
#   DEAL_WIDTH=1 (default): k widens the DCA bots' levels k times, so they trade about k² times less often
#   DEAL_VARIANTS=5, DEAL_DEVIATIONS=1 (defaults): how many distinct take profits and safety-buy distances the fleet's
#     bots get; bots that share both act on the same tick (docs/fleet-scale.md "Where the 10,000-bot tail comes from")
#   DB=postgres PG_URL=jdbc:postgresql://127.0.0.1:5432/test PG_USER=postgres scripts/api-load.sh
#     (a fresh schema load_<time>, dropped with psql at the end)
#
# Needs server/target/botfleet-server.jar and bench/target/benchmarks.jar
# (mvn -B -pl server,bench -am package -DskipTests) and a JDK 25.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/common.sh"
bots=${1:-1000}; rate=${2:-500}; seconds=${3:-60}
java="$(find_jdk)/bin/java"
jar="$here/../server/target/botfleet-server.jar"
bench="$here/../bench/target/benchmarks.jar"
for f in "$jar" "$bench"; do [ -f "$f" ] || { echo "$f missing: mvn -B -pl server,bench -am package -DskipTests" >&2; exit 1; }; done
work=$(mktemp -d); pid=""; schema=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  if [ -n "${KEEP_LOG:-}" ]; then cp "$work/server.log" "$KEEP_LOG" || true; fi
  rm -rf "$work"
  # PostgreSQL: the run's schema holds only this run's fleet; dropped once the server is gone (psql needed)
  if [ -n "$schema" ]; then
    PGOPTIONS='-c client_min_messages=warning' psql -U "${PG_USER:-postgres}" -d "${psql_url#jdbc:}" -qc \
      "DROP SCHEMA IF EXISTS $schema CASCADE" || echo "schema $schema was not dropped: drop it by hand" >&2
  fi
}
trap cleanup EXIT

export BOTFLEET_SCRAPE_TOKEN="${BOTFLEET_SCRAPE_TOKEN:-load-$RANDOM$RANDOM}"
args=(--botfleet.data-dir="$work/data" --botfleet.registration.max-per-address=100
      --botfleet.metrics.scrape-token="$BOTFLEET_SCRAPE_TOKEN"
      # the server's own time per request, in buckets: the report splits the client's latency into server and queue
      --management.metrics.distribution.slo.http.server.requests=1ms,2ms,5ms,10ms,25ms,50ms,100ms,250ms,500ms,1s)
if [ "${DB:-h2}" = postgres ]; then
  schema="load_$(date +%s)"
  psql_url=${PG_URL:-jdbc:postgresql://127.0.0.1:5432/test}
  args+=(--spring.datasource.url="$psql_url?currentSchema=$schema" --spring.datasource.username="${PG_USER:-postgres}"
         --spring.flyway.create-schemas=true --spring.flyway.schemas="$schema")
fi
port=$(free_port)
"$java" -Xms1g -Xmx2g ${JVM_OPTS:-} -jar "$jar" --server.port="$port" "${args[@]}" >"$work/server.log" 2>&1 &
pid=$!
await_ready "$port" "$pid" "$work/server.log" 180 || { echo "server did not start; log:" >&2; tail -50 "$work/server.log" >&2; exit 1; }
echo "server ready on $port (DB=${DB:-h2}); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
nice -n "${LOAD_NICE:-0}" "$java" -cp "$bench" dev.botfleet.bench.load.ApiLoad "http://127.0.0.1:$port" "$bots" "$rate" "$seconds"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
