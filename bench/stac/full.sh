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
"$(dirname "$0")/load.sh" "$count" "$BENCH_BASE"
psql "$(database_url)" -qc 'VACUUM ANALYZE stac_items'
# warm up the JIT and the caches before measuring
for script in item search filter; do
  wrk -c16 -t2 -d5s -s "$(dirname "$0")/$script.lua" "$BENCH_BASE" > /dev/null
done
"$(dirname "$0")/run.sh" "$BENCH_BASE"
echo "server heap after the runs:"
jcmd "$BENCH_PID" GC.heap_info | head -3
