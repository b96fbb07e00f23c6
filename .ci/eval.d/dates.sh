#!/usr/bin/env bash
# Dates gate: Recognizers-Text zh DateTime specs, in-scope (news dates) shares.
# Floors pinned a little under the measured 96.3% extraction / 89.5% parsing (see the report of h/dates).
set -euo pipefail
cd "$(dirname "$0")/../.."
data="$1/dates/recognizers-text-zh"
dotnet run --no-build -c Release --project src/NewsLens.Cli -- eval dates --data "$data" \
  --min-extraction 0.94 --min-parsing 0.87
