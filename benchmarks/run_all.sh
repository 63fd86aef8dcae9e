#!/usr/bin/env bash
# Run every benchmark one after another (never in parallel: they would share
# the CPU) and keep each one's output in OUT_DIR (default benchmarks/results/<date>).
#
#   benchmarks/run_all.sh            # modest sizes (about 30 minutes on 2 cores)
#   benchmarks/run_all.sh --full     # 1M relations / 100k entities, 10k articles (hours)
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-.venv/bin/python}"
OUT="${OUT_DIR:-${TMPDIR:-/tmp}/relgraph-bench-$(date -u +%Y%m%d-%H%M)}"
mkdir -p "$OUT"
if [[ "${1:-}" == "--full" ]]; then
  runs=(
    "bench_extract --docs 3000"
    "bench_load --relations 1000000 --entities 100000 --naive-relations 10000"
    "bench_queries --entities 100000 --relations 1000000"
    "bench_export --relations 1000000 --entities 100000"
    "bench_memory --sizes 1000,2000,4000,10000"
  )
else
  runs=(
    "bench_extract"
    "bench_load"
    "bench_queries"
    "bench_export"
    "bench_memory"
  )
fi
for run in "${runs[@]}"; do
  name="${run%% *}"
  echo "== $run" >&2
  # shellcheck disable=SC2086
  "$PY" -m benchmarks.$run 2>&1 | tee "$OUT/$name.txt"
done
echo "results in $OUT" >&2
