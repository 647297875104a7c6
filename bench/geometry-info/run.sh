#!/usr/bin/env bash
# POST /areas-of-interest/geometry-info with a 1,000-vertex polygon (geometry-info.lua).
# Target (issue 3): over 3,000 requests/s. Usage from the repository root: bench/geometry-info/run.sh
# (DURATION=10s and CONNECTIONS=16 by default; PORT picks the server's port, an already running server is reused).
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
start_server -Xms512m -Xmx512m
token=$(operator_token)
duration=${DURATION:-10s}
connections=${CONNECTIONS:-16}
script="$(dirname "$0")/geometry-info.lua"

# Warm up the JIT before measuring.
wrk -t2 -c"$connections" -d10s -s "$script" -H "Authorization: Bearer $token" \
  "$BENCH_BASE/areas-of-interest/geometry-info" > /dev/null

wrk -t2 -c"$connections" -d"$duration" --latency -s "$script" -H "Authorization: Bearer $token" \
  "$BENCH_BASE/areas-of-interest/geometry-info"
