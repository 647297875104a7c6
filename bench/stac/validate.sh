#!/usr/bin/env bash
# Independent check of what the STAC API serves: fetches the landing page, every collection, items and a search
# page from a running Isotherm and validates them with stac-node-validator (ajv, from npm) against the offline
# schemas in ../shared/stac-schemas, then makes sure the validator does refuse a broken item.
# usage: STAC_API_KEY=... bench/stac/validate.sh [BASE_URL]     (needs node/npm, curl, python3)
set -euo pipefail
base=${1:-http://localhost:8080}
schemas=$(cd "$(dirname "$0")/../../../shared/stac-schemas" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm install --silent --no-audit --no-fund stac-node-validator@2.0.0 > /dev/null)
get() { curl -fs -H "X-Api-Key: $STAC_API_KEY" "$@"; }
mkdir "$work/docs"
get "$base/stac" > "$work/docs/landing.json"
get "$base/stac/collections" | python3 -c "
import json, sys
for c in json.load(sys.stdin)['collections']:
    json.dump(c, open('$work/docs/collection-' + c['id'] + '.json', 'w'))"
for page in "$base/stac/collections/lstprecision/items?limit=5" "$base/stac/search?limit=5&sortby=-datetime"; do
  get "$page" | python3 -c "
import json, sys, uuid
for f in json.load(sys.stdin)['features']:
    json.dump(f, open('$work/docs/item-' + uuid.uuid4().hex + '.json', 'w'))"
done
maps=(--schemaMap "https://schemas.stacspec.org/=$schemas/schemas.stacspec.org/"
  --schemaMap "https://geojson.org/=$schemas/geojson.org/"
  --schemaMap "https://stac-extensions.github.io/=$schemas/stac-extensions.github.io/")
echo "validating $(ls "$work/docs" | wc -l) documents served by $base"
(cd "$work" && npx stac-node-validator docs "${maps[@]}")
# a check that cannot fail proves nothing: the same validator must refuse a broken copy of a served item
item=$(ls "$work/docs"/item-*.json | head -1)
python3 -c "
import json; d = json.load(open('$item')); d['properties']['datetime'] = 'yesterday'
json.dump(d, open('$work/broken.json', 'w'))"
if (cd "$work" && npx stac-node-validator broken.json "${maps[@]}" > /dev/null); then
  echo "the validator accepted a broken item: its schemas were not loaded" >&2
  exit 1
fi
echo "a broken item is refused, as it should be"
