#!/usr/bin/env bash
# The order benchmarks in one go: start a server, load 100,000 orders into the operator's workspace, then list
# (with and without a state filter) and post batches of 25. Needs wrk, curl, python3 and psql.
# Usage from the repository root: bench/orders/full.sh   (DURATION=30s by default)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"
duration=${DURATION:-30s}
start_server -Xms512m -Xmx512m
export DATABASE=$(database_url)
eval "$(BASE=$BENCH_BASE EMAIL=$BENCH_OPERATOR PASSWORD=$BENCH_PASSWORD "$here/setup.sh")"
psql "$DATABASE" -q -v workspace="$WORKSPACE" -v aoi="$AOI" -f "$here/load-100k.sql"

wrk -t2 -c4 -d10s -s "$here/list.lua" "$BASE" > /dev/null
echo "== GET /orders?limit=10, offsets 0..10,000"
wrk -t2 -c4 -d"$duration" --latency -s "$here/list.lua" "$BASE" | grep -E "Requests/sec|  50%|  90%|  99%"
echo "== same, state=in_progress"
STATE=in_progress wrk -t2 -c4 -d"$duration" --latency -s "$here/list.lua" "$BASE" | grep -E "Requests/sec|  50%|  90%|  99%"
wrk -t2 -c4 -d10s -s "$here/batch25.lua" "$BASE" > /dev/null
echo "== POST /orders/batch, 25 orders, 4 connections"
wrk -t2 -c4 -d"$duration" --latency -s "$here/batch25.lua" "$BASE" | grep -E "Requests/sec|  50%|  90%|  99%"
