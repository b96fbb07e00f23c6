#!/usr/bin/env bash
# kill -9 during ingest, KILLS times in a row (default 20), resuming each time; then let the last run
# finish and compare the store with a clean, uninterrupted run: every record, source, rejection and
# thread must be identical (nothing lost, nothing doubled).
#   bench/killtest.sh [PATH...]        default inputs: samples/, ../shared/seeds and the Chinese extraction
#                                      pages in ../shared/data (read in place, never copied)
#   KILLS=20 MIN_DELAY=3 MAX_DELAY=8   seconds between a start and its kill (startup included)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
shared="$root/../shared"
kills=${KILLS:-20}
min_delay=${MIN_DELAY:-3}
max_delay=${MAX_DELAY:-8}
if [ $# -gt 0 ]; then
  inputs=("$@")
else
  inputs=("$root/samples" "$shared/seeds" "$shared/data/extraction/zh-web-content-immortal-autumn/original"
          "$shared/data/extraction/gne-testpages-zh/html")
fi

dotnet build src/NewsLens.Cli -c Release -nologo -v q >/dev/null
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
  # A random delay in [min, max) seconds with millisecond resolution.
  delay=$(python3 -c "import random; print(round(random.uniform($min_delay, $max_delay), 3))")
  sleep "$delay"
  if kill -9 "$pid" 2>/dev/null; then
    wait "$pid" 2>/dev/null || true
    killed=$((killed + 1))
    sources=$(dotnet "$cli" export --db "$work/killed.db" | grep -c '^{"source"' || true)
    echo "killtest: kill $i after ${delay}s: $sources sources logged so far"
  else
    wait "$pid" 2>/dev/null || true
    finished_early=1
    echo "killtest: run $i finished before its kill at ${delay}s"
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
