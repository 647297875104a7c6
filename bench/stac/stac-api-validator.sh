#!/usr/bin/env bash
# The reference STAC API validator (stac-utils' stac-api-validator v0.6.8, its offline copy in
# ../shared/tools/stacval) against a fresh server: starts one, seeds lstprecision with generated items and runs
# every read class the server advertises, with the pagination checks. Exit status 0 means "Errors: none".
# The transaction class is left out: this validator version stores an item that is invalid against the eo schema
# and expects it to be accepted, which Isotherm's strict validation refuses (the README says so).
# The geometry covers the whole generated area (lon -10..30, lat 35..60).
# usage from the repository root: bench/stac/stac-api-validator.sh [COUNT]   (COUNT=2000; needs the Debian packages
# listed in ../shared/tools/stacval/README.txt, curl, python3)
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
count=${1:-2000}
kit=$(cd "$(dirname "$0")/../../../shared/tools/stacval" && pwd)
start_server
token=$(operator_token)
STAC_API_KEY=$(api_key "$token" ingest) "$(dirname "$0")/load.sh" "$count" "$BENCH_BASE"
"$kit/run.sh" -p -c lstprecision \
  -g '{"type":"Polygon","coordinates":[[[-10,35],[30,35],[30,60],[-10,60],[-10,35]]]}' \
  -C "core collections features item-search filter item-search#sort item-search#fields features#fields" \
  "$BENCH_BASE/stac" "$token" -- --fields-nested-property properties.eo:cloud_cover
