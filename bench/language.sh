#!/usr/bin/env bash
# Language throughput: NewsLens segmentation + NER vs python3-jieba on the SIGHAN MSR test text, same run.
# Usage: bench/language.sh [DATA_DIR]   (default ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/data}"
if ! python3 -c "import jieba" 2>/dev/null; then
  (apt-get update -qq && apt-get install -y -qq python3-jieba) >/dev/null 2>&1 || echo "note: could not install python3-jieba; the peer column will be empty" >&2
fi
dotnet run -c Release --project bench/NewsLens.Bench -- language "$data"
