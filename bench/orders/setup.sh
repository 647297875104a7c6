#!/usr/bin/env bash
# Prepares a running Isotherm for the order benchmarks: logs in, inserts one AOI (5 x 5 km near Seville) straight
# into the database, and prints the environment the wrk scripts read. Needs curl, python3 and psql.
#
#   BASE=http://localhost:8083 EMAIL=... PASSWORD=... DATABASE=postgresql://postgres@localhost:PGPORT/postgres \
#     bench/orders/setup.sh > /tmp/bench.env && . /tmp/bench.env
set -euo pipefail
: "${BASE:=http://localhost:8080}" "${EMAIL:?}" "${PASSWORD:?}" "${DATABASE:?}"

TOKEN=$(curl -sf "$BASE/token" --data-urlencode "username=$EMAIL" --data-urlencode "password=$PASSWORD" \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])')
WORKSPACE=$(curl -sf "$BASE/me" -H "Authorization: Bearer $TOKEN" \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["workspace_id"])')
AOI=$(psql "$DATABASE" -qAt -v workspace="$WORKSPACE" <<'SQL'
INSERT INTO areas_of_interest (id, organization_id, name, geometry, bbox_width, bbox_height, area,
                               min_lon, min_lat, max_lon, max_lat)
VALUES (gen_random_uuid(), :'workspace', 'bench ' || gen_random_uuid(),
        '{"type":"Polygon","coordinates":[[[-6.008,37.357],[-5.952,37.357],[-5.952,37.403],[-6.008,37.403],[-6.008,37.357]]]}',
        4953.2, 5104.8, 25285346.0, -6.008, 37.357, -5.952, 37.403)
RETURNING id;
SQL
)
echo "export BASE='$BASE' TOKEN='$TOKEN' WORKSPACE='$WORKSPACE' AOI='$AOI'"
