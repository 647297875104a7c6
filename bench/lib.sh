# Shared by the load runs: start a server on a scratch data directory and log in as its operator.
# Source it from a bench script; needs a built jar (mvn -B -DskipTests package), curl, python3 and wrk.

BENCH_PORT=${PORT:-18080}
BENCH_BASE="http://localhost:$BENCH_PORT"
BENCH_OPERATOR=bench-operator@isotherm.local
BENCH_PASSWORD=bench-password-not-secret

# start_server [extra java options...]: starts the platform unless BENCH_BASE already answers.
start_server() {
  if curl -fs "$BENCH_BASE/actuator/health/readiness" > /dev/null 2>&1; then
    echo "using the server already running at $BENCH_BASE"
    return
  fi
  BENCH_DATA=${BENCH_DATA:-$(mktemp -d)}
  PORT=$BENCH_PORT ISOTHERM_DATA_DIR=$BENCH_DATA \
    ISOTHERM_OPERATOR_EMAIL=$BENCH_OPERATOR ISOTHERM_OPERATOR_PASSWORD=$BENCH_PASSWORD \
    java "$@" -jar "${BENCH_JAR:-server/target/isotherm-server.jar}" > "$BENCH_DATA/server.log" 2>&1 &
  BENCH_PID=$!
  # the server's own exit status (killed) must not become the script's
  trap 'kill $BENCH_PID 2> /dev/null; wait $BENCH_PID 2> /dev/null || true' EXIT
  until curl -fs "$BENCH_BASE/actuator/health/readiness" > /dev/null 2>&1; do
    kill -0 $BENCH_PID 2> /dev/null || { tail -30 "$BENCH_DATA/server.log"; exit 1; }
    sleep 0.2
  done
}

# json_field FIELD: reads JSON on stdin and prints one top-level field.
json_field() {
  python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"
}

operator_token() {
  curl -fs "$BENCH_BASE/token" -H 'Content-Type: application/x-www-form-urlencoded' \
    --data-urlencode "username=$BENCH_OPERATOR" --data-urlencode "password=$BENCH_PASSWORD" | json_field access_token
}

# api_key TOKEN ROLE: creates a workspace API key and prints its secret.
api_key() {
  curl -fs "$BENCH_BASE/workspace/api-keys" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
    -d "{\"name\": \"bench $(date +%s%N)\", \"role\": \"$2\"}" | json_field key
}

# database_url: the JDBC-less URL of the embedded PostgreSQL of a server started by start_server (for psql).
database_url() {
  local port
  port=$(grep -oE 'Embedded PostgreSQL (initialised|started) on port [0-9]+' "$BENCH_DATA/server.log" | grep -oE '[0-9]+$' | tail -1)
  echo "postgresql://postgres@localhost:$port/postgres"
}
