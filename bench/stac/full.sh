#!/usr/bin/env bash
# The whole STAC benchmark in one go: start a server (-Xmx512m), create an ingest API key, bulk-load the generated
# dataset, VACUUM ANALYZE, then run the three wrk scripts. Needs wrk, curl, python3, bc and psql.
# Usage from the repository root: bench/stac/full.sh [COUNT]   (COUNT=100000 by default; 1000000 for the large run)
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
count=${1:-100000}
start_server -Xms512m -Xmx512m
token=$(operator_token)
export BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
export STAC_API_KEY=$(api_key "$token" ingest) STAC_ITEMS=$count
# the first load runs on a cold JVM (interpreted and C1 code); the second one, of the same items into the emptied
# collection, shows the rate of a server in service
echo "bulk load, cold JVM:"
"$(dirname "$0")/load.sh" "$count" "$BENCH_BASE"
echo "bulk load again, warm JVM:"
"$(dirname "$0")/load.sh" "$count" "$BENCH_BASE"
psql "$(database_url)" -qc 'VACUUM ANALYZE stac_items'
# Warm up the JIT and the caches before measuring. On 2 cores the JVM has one C2 compiler thread, which competes
# with the load for CPU: the searches reach their steady rate only after about two minutes of traffic (5 s per
# script measured a half-compiled server: item by id at 3,000-5,000 req/s instead of 10,000+).
for round in $(seq "${WARMUP_ROUNDS:-3}"); do
  for script in item search filter; do
    wrk -c16 -t2 -d15s -s "$(dirname "$0")/$script.lua" "$BENCH_BASE" > /dev/null
  done
done
"$(dirname "$0")/run.sh" "$BENCH_BASE"
echo "server heap after the runs:"
jcmd "$BENCH_PID" GC.heap_info | head -3
