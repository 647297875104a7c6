#!/usr/bin/env bash
# Generates the benchmark dataset and bulk-loads it into the lstprecision collection of the caller's workspace.
# usage: STAC_TOKEN=... (or STAC_API_KEY=...) ./load.sh [COUNT] [BASE_URL]
set -euo pipefail
count=${1:-100000}
base=${2:-http://localhost:8084}
here=$(cd "$(dirname "$0")" && pwd)
file=/tmp/stac-items-$count.ndjson
[ -f "$file" ] || python3 "$here/generate.py" "$count" > "$file"
auth=()
if [ -n "${STAC_API_KEY:-}" ]; then auth=(-H "X-Api-Key: $STAC_API_KEY"); else auth=(-H "Authorization: Bearer $STAC_TOKEN"); fi
# the product collection always exists; deleting it empties it
curl -s -o /dev/null "${auth[@]}" -X DELETE "$base/stac/collections/lstprecision"
# at most 100,000 items per call
split -l 100000 -d "$file" /tmp/stac-chunk-
start=$(date +%s.%N)
for chunk in /tmp/stac-chunk-*; do
  curl -sf "${auth[@]}" -H "Content-Type: application/x-ndjson" --data-binary @"$chunk" \
    "$base/stac/collections/lstprecision/bulk_items" > /dev/null
done
end=$(date +%s.%N)
rm -f /tmp/stac-chunk-*
echo "loaded $count items in $(echo "$end - $start" | bc) s: $(echo "$count / ($end - $start)" | bc) items/s"
