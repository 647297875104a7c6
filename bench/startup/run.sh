#!/usr/bin/env bash
# Cold start of the embedded platform to ready: first start (database created) and a restart on the same data.
# Usage: bench/startup/run.sh [jar]   (build first: mvn -B -DskipTests package)
set -euo pipefail
jar=${1:-server/target/isotherm-server.jar}
port=${PORT:-18080}
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT

measure() {
  local label=$1 start pid
  start=$(date +%s%N)
  PORT=$port ISOTHERM_DATA_DIR=$data java -jar "$jar" > "$data/$label.log" 2>&1 &
  pid=$!
  until curl -fs "http://localhost:$port/actuator/health/readiness" > /dev/null 2>&1; do
    kill -0 $pid 2> /dev/null || { echo "server died; see log:"; tail -20 "$data/$label.log"; exit 1; }
    sleep 0.05
  done
  echo "$label: ready in $(( ($(date +%s%N) - start) / 1000000 )) ms"
  kill $pid
  wait $pid || true
}

measure first-start
measure restart
measure restart-again
