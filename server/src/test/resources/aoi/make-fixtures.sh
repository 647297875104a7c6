#!/usr/bin/env bash
# Regenerates the upload fixtures of AoiConvertIT with GDAL's ogr2ogr (Debian gdal-bin; made with GDAL 3.6.2).
# Usage: cd server/src/test/resources/aoi && ./make-fixtures.sh
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Sources in EPSG:4326: the guide's AOI near Darmstadt; the same with a hole; two fields; a line; two points;
# one feature holding two separate polygons.
cat > "$tmp/field.geojson" <<'JSON'
{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Test AOI"},"geometry":{"type":"Polygon","coordinates":[[[8.68483,49.885416],[8.684889,49.876422],[8.670971,49.876383],[8.67091,49.885378],[8.68483,49.885416]]]}}]}
JSON
cat > "$tmp/holed.geojson" <<'JSON'
{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Holed"},"geometry":{"type":"Polygon","coordinates":[[[8.68483,49.885416],[8.684889,49.876422],[8.670971,49.876383],[8.67091,49.885378],[8.68483,49.885416]],[[8.675,49.88],[8.68,49.88],[8.68,49.882],[8.675,49.882],[8.675,49.88]]]}}]}
JSON
cat > "$tmp/two-fields.geojson" <<'JSON'
{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"A"},"geometry":{"type":"Polygon","coordinates":[[[8.68,49.88],[8.69,49.88],[8.69,49.89],[8.68,49.88]]]}},{"type":"Feature","properties":{"name":"B"},"geometry":{"type":"Polygon","coordinates":[[[8.70,49.88],[8.71,49.88],[8.71,49.89],[8.70,49.88]]]}}]}
JSON
cat > "$tmp/multi.geojson" <<'JSON'
{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Islands"},"geometry":{"type":"MultiPolygon","coordinates":[[[[8.68,49.88],[8.69,49.88],[8.69,49.89],[8.68,49.88]]],[[[8.70,49.88],[8.71,49.88],[8.71,49.89],[8.70,49.88]]]]}}]}
JSON
cat > "$tmp/line.geojson" <<'JSON'
{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Road"},"geometry":{"type":"LineString","coordinates":[[8.68,49.88],[8.69,49.89]]}}]}
JSON
cat > "$tmp/points.geojson" <<'JSON'
{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"P"},"geometry":{"type":"Point","coordinates":[8.68,49.88]}}]}
JSON

kml() { ogr2ogr -f KML "$2" "$tmp/$1.geojson"; }
kml field field.kml
kml holed holed.kml
kml two-fields two-fields.kml
kml line line.kml
kml points points.kml
head -c 300 field.kml > corrupt.kml

# shapefile NAME SOURCE [ogr2ogr options...]: writes NAME.zip holding NAME.shp/.shx/.dbf/.prj/.cpg
shapefile() {
  local name=$1 source=$2
  shift 2
  mkdir -p "$tmp/$name"
  ogr2ogr -f "ESRI Shapefile" "$tmp/$name/$name.shp" "$tmp/$source.geojson" "$@"
  rm -f "$name.zip"
  (cd "$tmp/$name" && zip -q -X "$OLDPWD/$name.zip" ./*)
}
shapefile field-wgs84 field
shapefile field-utm32n field -t_srs EPSG:32632
shapefile field-etrs89-utm32n field -t_srs EPSG:25832
shapefile field-webmercator field -t_srs EPSG:3857
shapefile field-dhdn-gk3 field -t_srs EPSG:31467
shapefile holed-utm32n holed -t_srs EPSG:32632
shapefile field-mollweide field -t_srs ESRI:54009
shapefile field-unknown-datum field -t_srs "+proj=longlat +a=6378000 +rf=300 +no_defs"
shapefile two-fields-utm32n two-fields -t_srs EPSG:32632
shapefile multi-utm32n multi -t_srs EPSG:32632
shapefile empty-utm32n field -t_srs EPSG:32632 -where "name = 'none'"
shapefile line-wgs84 line
shapefile points-wgs84 points

# Broken archives: each lacks one part, or is cut short.
zip_without() {
  rm -f "$1.zip"
  (cd "$tmp/field-utm32n" && zip -q -X "$OLDPWD/$1.zip" $(ls | grep -v "\.$2\$"))
}
zip_without field-no-prj prj
zip_without field-no-dbf dbf
zip_without field-no-shp shp
head -c 400 field-utm32n.zip > corrupt.zip
mkdir -p "$tmp/cut" && cp "$tmp/field-utm32n"/* "$tmp/cut/"
head -c 150 "$tmp/field-utm32n/field-utm32n.shp" > "$tmp/cut/field-utm32n.shp"
rm -f field-cut-shp.zip
(cd "$tmp/cut" && zip -q -X "$OLDPWD/field-cut-shp.zip" ./*)
