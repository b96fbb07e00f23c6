#!/usr/bin/env bash
# Extraction throughput: NewsLens decode+extract on one thread over a benchmark set, and trafilatura on
# the same pages in the same run when it can be installed here. pip/PyPI may be unreachable; then the
# script says so and prints the figures the issue measured for trafilatura 2.2.0 on this machine class.
# usage: bench/extraction.sh DATA_DIR [aeb|trafilatura|zh|gne] [rounds]
set -uo pipefail
data="${1:?usage: bench/extraction.sh DATA_DIR [set] [rounds]}"
set_name="${2:-aeb}"
rounds="${3:-3}"
# Resolve the data path before changing directory, so a relative path works from any worktree.
data="$(cd "$data" && pwd)" || exit 1
cd "$(dirname "$0")/.."
dotnet build bench/NewsLens.Bench -c Release -nologo -v q >/dev/null || exit 1
taskset -c 0 dotnet bench/NewsLens.Bench/bin/Release/net10.0/NewsLens.Bench.dll extraction "$data" "$set_name" "$rounds" 2>/dev/null \
  || dotnet bench/NewsLens.Bench/bin/Release/net10.0/NewsLens.Bench.dll extraction "$data" "$set_name" "$rounds"

if ! python3 -c "import trafilatura" 2>/dev/null; then
  # Peers are never project dependencies: try the distribution package, quietly, only for this run.
  if command -v apt-get >/dev/null && apt-cache policy python3-trafilatura 2>/dev/null | grep -q "Candidate: [0-9]"; then
    apt-get install -y -qq python3-trafilatura >/dev/null 2>&1 || true
  fi
fi
if python3 -c "import trafilatura" 2>/dev/null && [ "$set_name" = aeb ]; then
  python3 - "$data" <<'PY'
import gzip, glob, os, sys, time, resource
import trafilatura
root = sys.argv[1]
folder = next(p for p in [os.path.join(root, "extraction", "scrapinghub-aeb"), os.path.join(root, "scrapinghub-aeb"), root] if os.path.isdir(os.path.join(p, "html")))
pages = [gzip.open(f).read().decode("utf-8", "replace") for f in sorted(glob.glob(os.path.join(folder, "html", "*.html.gz")))]
for p in pages[:5]:
    trafilatura.extract(p)
cpu0 = resource.getrusage(resource.RUSAGE_SELF).ru_utime; t0 = time.time()
for p in pages:
    trafilatura.extract(p)
cpu = resource.getrusage(resource.RUSAGE_SELF).ru_utime - cpu0
print(f"trafilatura {trafilatura.__version__}: {len(pages)/(time.time()-t0):.0f} pages/s wall, {len(pages)/cpu:.0f} pages per CPU-second")
PY
else
  echo "trafilatura: not installable here (no PyPI, no python3-trafilatura package); the issue's figure for trafilatura 2.2.0 on AEB, one core: 76 pages/s (F1 0.960)."
fi
