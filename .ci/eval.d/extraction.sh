#!/usr/bin/env bash
# Extraction quality gate: runs `newslens eval extraction` on the three scored sets under $1 (../shared/data)
# and fails when a set's own F1 drops below its pinned floor. Floors sit a little under the figures
# measured when they were pinned (see the comment on each line), so noise does not fail CI but a real
# regression does.
set -euo pipefail
data="${1:?usage: extraction.sh DATA_DIR}"
cd "$(dirname "$0")/../.."
run() { dotnet run --no-build -c Release --project src/NewsLens.Cli -- eval extraction --data "$data" "$@"; }
run --dataset aeb --min-f1 0.965          # measured 0.973 (AEB shingle F1)
run --dataset zh --min-f1 0.945           # measured 0.954 (CJK-character shingle F1)
run --dataset trafilatura --min-f1 0.905  # measured 0.916 (snippet F1; trafilatura 2.2.0 itself: 0.909)
