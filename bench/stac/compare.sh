#!/usr/bin/env bash
# Before/after comparison of two builds on a noisy machine: starts both jars side by side (-Xmx512m each, ports
# 18080 and 18081), loads the same dataset into each, warms both, then measures them in alternating 10 s wrk runs
# (A B B A ...), so that drift of the machine falls on both alike. Prints each run and the median per script.
# usage from the repository root: bench/stac/compare.sh JAR_A JAR_B [COUNT] [ROUNDS]   (COUNT=100000, ROUNDS=6)
# Needs wrk, curl, python3, bc and psql.
set -euo pipefail
jar_a=$1 jar_b=$2 count=${3:-100000} rounds=${4:-6}
here=$(cd "$(dirname "$0")" && pwd)
export BENCH_DIR=$here STAC_ITEMS=$count
pids=()
trap 'kill "${pids[@]}" 2> /dev/null; wait 2> /dev/null' EXIT

# start JAR PORT VAR: starts a server on PORT and sets VAR to its data directory (not in a subshell, so that the
# exit trap knows its pid)
start() {
  local data
  data=$(mktemp -d)
  PORT=$2 ISOTHERM_DATA_DIR=$data ISOTHERM_OPERATOR_EMAIL=bench-operator@isotherm.local \
    ISOTHERM_OPERATOR_PASSWORD=bench-password-not-secret \
    java -Xms512m -Xmx512m -jar "$1" > "$data/server.log" 2>&1 &
  pids+=($!)
  printf -v "$3" %s "$data"
}

ready() {
  until curl -fs "http://localhost:$1/actuator/health/readiness" > /dev/null 2>&1; do sleep 0.5; done
}

# key PORT: an ingest API key of the operator's workspace on that server
key() {
  local token
  token=$(curl -fs "http://localhost:$1/token" --data-urlencode "username=bench-operator@isotherm.local" \
    --data-urlencode "password=bench-password-not-secret" | python3 -c "import json,sys; print(json.load(sys.stdin)['access_token'])")
  curl -fs "http://localhost:$1/workspace/api-keys" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"name": "bench", "role": "ingest"}' | python3 -c "import json,sys; print(json.load(sys.stdin)['key'])"
}

vacuum() {
  local port
  port=$(grep -oE 'Embedded PostgreSQL (initialised|started) on port [0-9]+' "$1/server.log" | grep -oE '[0-9]+$' | tail -1)
  psql "postgresql://postgres@localhost:$port/postgres" -qc 'VACUUM ANALYZE stac_items'
}

start "$jar_a" 18080 data_a
start "$jar_b" 18081 data_b
ready 18080
ready 18081
key_a=$(key 18080)
key_b=$(key 18081)
STAC_API_KEY=$key_a "$here/load.sh" "$count" http://localhost:18080 > /dev/null
STAC_API_KEY=$key_b "$here/load.sh" "$count" http://localhost:18081 > /dev/null
vacuum "$data_a"
vacuum "$data_b"

# measure SERVER PORT KEY SCRIPT SECONDS: requests per second of one wrk run
measure() {
  STAC_API_KEY=$3 wrk -c16 -t2 -d"$5"s -s "$here/$4.lua" "http://localhost:$2" \
    | awk '/Requests\/sec/ { print $2 }'
}

# the JIT of both servers reaches its steady state before anything counts (see full.sh)
for round in 1 2 3; do
  for script in item search filter; do
    measure a 18080 "$key_a" "$script" 15 > /dev/null
    measure b 18081 "$key_b" "$script" 15 > /dev/null
  done
done

results=$(mktemp)
for round in $(seq "$rounds"); do
  for script in item search filter; do
    if ((round % 2)); then order="a b"; else order="b a"; fi
    for side in $order; do
      if [ "$side" = a ]; then port=18080 key=$key_a; else port=18081 key=$key_b; fi
      rate=$(measure "$side" "$port" "$key" "$script" 10)
      echo "$round $script $side $rate" | tee -a "$results"
    done
  done
done
echo "median requests/s over $rounds runs (a = $jar_a, b = $jar_b):"
python3 - "$results" << 'EOF'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    _, script, side, rate = line.split()
    runs.setdefault(script, {}).setdefault(side, []).append(float(rate))
for script, sides in runs.items():
    a, b = statistics.median(sides["a"]), statistics.median(sides["b"])
    print(f"{script:7} a {a:8.1f}   b {b:8.1f}   b/a {b / a:.3f}   "
          f"(a {min(sides['a']):.0f}-{max(sides['a']):.0f}, b {min(sides['b']):.0f}-{max(sides['b']):.0f})")
EOF
