#!/usr/bin/env bash
# kill -9 during ingest, KILLS times in a row (default 20), resuming each time; then let the last run
# finish and compare the store with a clean, uninterrupted run: every record, source, rejection and
# thread must be identical (nothing lost, nothing doubled).
#   bench/killtest.sh [PATH...]        default inputs: samples/, ../shared/seeds and the extraction benchmark
#                                      pages in ../shared/data (read in place, never copied)
#   KILLS=20 MAX_EXTRA=3               each kill waits for the run's first new commit, then 0..MAX_EXTRA seconds
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
shared="$root/../shared"
kills=${KILLS:-20}
max_extra=${MAX_EXTRA:-3}
# Sources committed so far (python3's sqlite3 reads the WAL database while ingest writes it).
logged() { python3 -c "import sqlite3,sys,os; p=sys.argv[1]; print(sqlite3.connect(p).execute('select count(*) from sources').fetchone()[0] if os.path.exists(p) else 0)" "$1" 2>/dev/null || echo 0; }
if [ $# -gt 0 ]; then
  inputs=("$@")
else
  # ~1,300 pages: with fewer, a run under 20 kills finishes before the last kill (143 pages allowed 2).
  inputs=("$root/samples" "$shared/seeds" "$shared/data/extraction/zh-web-content-immortal-autumn/original"
          "$shared/data/extraction/gne-testpages-zh/html" "$shared/data/extraction/scrapinghub-aeb/html"
          "$shared/data/extraction/trafilatura-eval/html")
fi

dotnet build src/NewsLens.Cli -c Release -nologo -v q > /tmp/killtest-build.log 2>&1 || { cat /tmp/killtest-build.log; exit 1; }
cli="$root/src/NewsLens.Cli/bin/Release/net10.0/newslens.dll"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "killtest: clean run over ${inputs[*]}"
start=$(date +%s)
dotnet "$cli" ingest --db "$work/clean.db" "${inputs[@]}" 2>"$work/clean.err" >/dev/null || true
tail -n 1 "$work/clean.err"
echo "killtest: clean run took $(( $(date +%s) - start )) s"
dotnet "$cli" export --db "$work/clean.db" > "$work/clean.jsonl"

killed=0
finished_early=0
for i in $(seq 1 "$kills"); do
  dotnet "$cli" ingest --db "$work/killed.db" "${inputs[@]}" 2>>"$work/killed.err" >/dev/null &
  pid=$!
  # Wait until this run has committed something new (startup is slow on a loaded machine), then a
  # random 0..MAX_EXTRA seconds more, so every kill lands in the middle of ingesting.
  before=$(logged "$work/killed.db")
  waited=0
  while kill -0 "$pid" 2>/dev/null && [ "$(logged "$work/killed.db")" -le "$before" ] && [ "$waited" -lt 600 ]; do
    sleep 0.2; waited=$((waited + 1))
  done
  delay=$(python3 -c "import random; print(round(random.uniform(0, $max_extra), 3))")
  sleep "$delay"
  if kill -9 "$pid" 2>/dev/null; then
    wait "$pid" 2>/dev/null || true
    killed=$((killed + 1))
    echo "killtest: kill $i (${delay}s after its first new commit): $(logged "$work/killed.db") sources logged so far"
  else
    wait "$pid" 2>/dev/null || true
    finished_early=1
    echo "killtest: run $i finished before its kill"
    break
  fi
done

echo "killtest: final run to completion"
dotnet "$cli" ingest --db "$work/killed.db" "${inputs[@]}" 2>>"$work/killed.err" >/dev/null || true
dotnet "$cli" export --db "$work/killed.db" > "$work/killed.jsonl"

lines=$(wc -l < "$work/clean.jsonl")
if cmp -s "$work/clean.jsonl" "$work/killed.jsonl"; then
  echo "killtest: PASS: $killed kill -9s during ingest; final store identical to the clean run ($lines export lines)"
  [ "$finished_early" -eq 0 ] || echo "killtest: note: the input was too small for $kills kills; give more inputs"
  exit 0
fi
echo "killtest: FAIL: the interrupted store differs from the clean run"
diff <(cut -c1-200 "$work/clean.jsonl") <(cut -c1-200 "$work/killed.jsonl") | head -n 20
exit 1
