#!/usr/bin/env bash
# Storage benchmark: ingest rate into SQLite and PostgreSQL, search p50/p95 at 100k and 1M articles.
#   bench/storage.sh DATA_DIR [OUT_DIR]      DATA_DIR = ../shared/data; OUT_DIR keeps the built stores (default /tmp/newslens-bench)
#   SIZES="100000 1000000"  PG="Host=...;Search Path=..."  (PG defaults to the .ci/setup.sh server, schema newslens_bench)
# Search corpora are built in batches of 5,000 articles per transaction (corpus building only) and reused
# when already built; the ingest rate is measured separately, one transaction per article, as `newslens ingest` stores.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:?usage: bench/storage.sh DATA_DIR [OUT_DIR]}
out=${2:-/tmp/newslens-bench}
sizes=${SIZES:-"100000 1000000"}
mkdir -p "$out"
dotnet build bench/NewsLens.Bench -c Release -nologo -v q > /tmp/storage-bench-build.log 2>&1 || { cat /tmp/storage-bench-build.log; exit 1; }
bench() { dotnet bench/NewsLens.Bench/bin/Release/net10.0/NewsLens.Bench.dll storage "$@"; }

echo "== SQLite ingest rate (10,000 articles, one transaction each)"
rm -f "$out/rate.db" "$out/rate.db-wal" "$out/rate.db-shm"
bench ingest "$data" --count 10000 --db "$out/rate.db" --samples samples

previous=""
for n in $sizes; do
  db="$out/search-$n.db"
  if [ ! -f "$db" ] && [ -n "$previous" ]; then
    cp "$previous" "$db"   # grow the smaller corpus: the generator is deterministic
  fi
  echo "== SQLite corpus of $n articles"
  bench ingest "$data" --count "$n" --db "$db" --batch 5000 --samples samples
  echo "== SQLite search over $n articles"
  bench search "$data" --db "$db" --samples samples
  previous=$db
done

pg=${PG:-"Host=127.0.0.1;Username=newslens;Password=newslens;Database=newslens_test;Search Path=newslens_bench"}
if PGPASSWORD=newslens psql -h 127.0.0.1 -U newslens -d newslens_test -qAt -c "CREATE SCHEMA IF NOT EXISTS newslens_bench" 2>/dev/null; then
  echo "== PostgreSQL ingest rate and search (${PG_COUNT:-100000} articles, one transaction each)"
  bench ingest "$data" --count "${PG_COUNT:-100000}" --pg "$pg" --samples samples
  bench search "$data" --pg "$pg" --samples samples
else
  echo "== PostgreSQL not reachable: run .ci/setup.sh (skipped)"
fi
