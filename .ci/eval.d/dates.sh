#!/usr/bin/env bash
# Dates gate: Recognizers-Text zh DateTime specs, in-scope (news dates) shares.
# Floors pinned a little under the measured 95.5% extraction / 88.7% parsing (see the report of h/dates).
set -euo pipefail
cd "$(dirname "$0")/../.."
data="$1/dates/recognizers-text-zh"
dotnet run --no-build -c Release --project src/NewsLens.Cli -- eval dates --data "$data" \
  --min-extraction 0.93 --min-parsing 0.86
