#!/usr/bin/env bash
# What a bot's start reads from a long-lived fleet's journal on PostgreSQL (issue 16; docs/fleet-scale.md "A bot starts
# where it last stood flat"): builds the server's schema from its migrations in a fresh schema start_<time>, fills it
# with 1,000 bots x 1,000 orders and fills (start-cost/history.sql), then times the start's reads for 300 of them,
# twice (start-cost/reads.sql; the second run has the pages cached), and drops the schema.
#
#   scripts/start-cost.sh          # PGHOST/PGUSER/PGDATABASE as psql takes them; defaults 127.0.0.1, postgres, test
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-test}
schema="start_$(date +%s)"
trap 'psql -qc "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || echo "drop schema $schema by hand" >&2' EXIT
psql -qc "CREATE SCHEMA $schema"
export PGOPTIONS="-c search_path=$schema -c client_min_messages=warning"
for f in $(ls "$here/../server/src/main/resources/db/migration/"V*.sql | sort -V); do
  psql -q -v ON_ERROR_STOP=1 -f "$f" >/dev/null
done
echo "journal: $(date -u +%T)"
psql -q -v ON_ERROR_STOP=1 -f "$here/start-cost/history.sql"
psql -Atqc "SELECT 'trades ' || count(*) || ', ' || pg_size_pretty(pg_total_relation_size('trades')) FROM trades"
echo "reads: $(date -u +%T)"
for run in 1 2; do
  PGOPTIONS="$PGOPTIONS -c client_min_messages=notice" psql -q -v ON_ERROR_STOP=1 -f "$here/start-cost/reads.sql" 2>&1 \
    | sed "s/^psql:[^ ]* NOTICE: */run $run: /"
done
