#!/usr/bin/env bash
# Runs the three search benchmarks with wrk (16 connections, 20 s each) against a loaded instance.
# usage: STAC_TOKEN=... [STAC_ITEMS=100000] ./run.sh [BASE_URL]
set -euo pipefail
base=${1:-http://localhost:8084}
export BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
for script in item search filter; do
  echo "== $script"
  wrk -c16 -t2 -d20s --latency -s "$BENCH_DIR/$script.lua" "$base" | grep -E "Requests/sec|Non-2xx|  50%|  99%"
done
