#!/usr/bin/env bash
# The README's test command: builds once in Release, runs every test project, and prints one
# "N passed, N failed" summary line at the end.
set -uo pipefail
cd "$(dirname "$0")"
dotnet build NewsLens.slnx -c Release -nologo -v q || exit 1
results=$(mktemp -d)
dotnet test NewsLens.slnx -c Release --no-build -nologo --logger "trx" --results-directory "$results"
status=$?
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find(".//{*}Counters")
    if c is None:
        continue
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0))
    skipped += int(c.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
