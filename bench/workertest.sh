#!/usr/bin/env bash
# Scale-out check with real processes: queue pages in PostgreSQL, run 4 `newslens worker` processes,
# kill -9 one of them mid-run, and prove from the work log that every item was stored exactly once.
#   bench/workertest.sh [PATH...]   default inputs: samples/, ../shared/seeds and the Chinese extraction pages
# Uses the server .ci/setup.sh starts (PGHOST/PGUSER/PGPASSWORD/PGDATABASE override it) and a throw-away schema.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
shared="$root/../shared"
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-newslens} PGPASSWORD=${PGPASSWORD:-newslens} PGDATABASE=${PGDATABASE:-newslens_test}
if [ $# -gt 0 ]; then
  inputs=("$@")
else
  inputs=("$root/samples" "$shared/seeds" "$shared/data/extraction/zh-web-content-immortal-autumn/original" "$shared/data/extraction/gne-testpages-zh/html")
fi
schema="nl_workertest_$$"
psql -qAt -c "CREATE SCHEMA $schema"
trap 'psql -qAt -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null; kill $(jobs -p) 2>/dev/null || true' EXIT
conn="Host=$PGHOST;Username=$PGUSER;Password=$PGPASSWORD;Database=$PGDATABASE;Search Path=$schema"
q() { psql -qAt -c "SET search_path TO $schema; $1" | tail -n 1; }

dotnet build src/NewsLens.Cli -c Release -nologo -v q > /tmp/workertest-build.log 2>&1 || { cat /tmp/workertest-build.log; exit 1; }
cli="$root/src/NewsLens.Cli/bin/Release/net10.0/newslens.dll"
dotnet "$cli" ingest --pg "$conn" --enqueue "${inputs[@]}"
total=$(q "SELECT count(*) FROM work_items")
echo "workertest: $total items queued; starting 4 workers"

pids=()
for w in 1 2 3 4; do
  dotnet "$cli" worker --pg "$conn" --name "w$w" 2>"/tmp/$schema-w$w.err" &
  pids+=($!)
done
# Kill worker 2 once a fifth of the queue is done: it is then almost surely inside a claim transaction.
while [ "$(q "SELECT count(*) FROM work_log")" -lt $(( total / 5 )) ]; do sleep 0.2; done
# Workers hold their claim's transaction open while analysing, so open transactions = items in flight.
in_flight=$(q "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND xact_start IS NOT NULL AND pid <> pg_backend_pid()")
kill -9 "${pids[1]}"
echo "workertest: killed worker w2 (pid ${pids[1]}) with $(q "SELECT count(*) FROM work_log") of $total done; worker transactions open at that moment: $in_flight"
for i in 0 2 3; do wait "${pids[$i]}"; done
wait "${pids[1]}" 2>/dev/null || true

done_items=$(q "SELECT count(*) FROM work_items WHERE state = 1")
log=$(q "SELECT count(*) FROM work_log")
distinct=$(q "SELECT count(DISTINCT item_seq) FROM work_log")
sources=$(q "SELECT count(*) FROM sources")
articles=$(q "SELECT count(*) FROM articles")
per_worker=$(q "SELECT string_agg(worker || '=' || n, ' ' ORDER BY worker) FROM (SELECT worker, count(*) n FROM work_log GROUP BY worker) x")
echo "workertest: items $total, done $done_items, work-log rows $log ($distinct distinct items), sources $sources, articles $articles; per worker: $per_worker"
if [ "$done_items" = "$total" ] && [ "$log" = "$total" ] && [ "$distinct" = "$total" ] && [ "$sources" = "$total" ]; then
  echo "workertest: PASS: every item processed and stored exactly once despite the kill -9"
  exit 0
fi
echo "workertest: FAIL"
exit 1
