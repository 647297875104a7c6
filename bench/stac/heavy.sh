#!/usr/bin/env bash
# Fair sharing and cancellation of heavy searches on a fresh server (bench/stac/heavy.py says what it measures).
# usage from the repository root: bench/stac/heavy.sh   (needs a built jar, curl, psql, python3-requests)
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
start_server
token=$(operator_token)
# a second workspace with a viewer, for the light searches
run=$(date +%s%N)
org=$(curl -fs "$BENCH_BASE/admin/organizations" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d "{\"name\": \"light $run\", \"domains\": [\"light$run.example\"]}" | json_field id)
curl -fs -o /dev/null "$BENCH_BASE/admin/organizations/$org/users" -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' \
  -d "{\"email\": \"viewer@light$run.example\", \"password\": \"$BENCH_PASSWORD\", \"role\": \"viewer\"}"
light=$(curl -fs "$BENCH_BASE/token" --data-urlencode "username=viewer@light$run.example" \
  --data-urlencode "password=$BENCH_PASSWORD" | json_field access_token)
python3 "$(dirname "$0")/heavy.py" "$BENCH_BASE" "$(api_key "$token" ingest)" "$token" "$light" "$(database_url)"
