#!/usr/bin/env bash
# Authenticated GET of a trivial endpoint (/me: no database work) with a bearer token and with an API key.
# Target (issue 2): at least 10,000 requests/s at 16 connections, p99 under 10 ms, on the 2-core machine.
# Usage from the repository root: bench/auth/run.sh   (DURATION=20s by default)
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
start_server -Xms512m -Xmx512m
token=$(operator_token)
key=$(api_key "$token" viewer)
duration=${DURATION:-20s}

# Warm up the JIT before measuring.
wrk -t2 -c16 -d10s -H "Authorization: Bearer $token" "$BENCH_BASE/me" > /dev/null

echo "== bearer token"
wrk -t2 -c16 -d"$duration" --latency -H "Authorization: Bearer $token" "$BENCH_BASE/me"
echo "== API key"
wrk -t2 -c16 -d"$duration" --latency -H "X-Api-Key: $key" "$BENCH_BASE/me"
