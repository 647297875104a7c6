#!/usr/bin/python3
"""Independent reference values for UtmMeasuresTest, computed with PROJ through pyproj.

Run with Debian's python3-pyproj (apt-get install python3-pyproj):
    /usr/bin/python3 server/src/test/resources/geo/utm_measures.py
It reads measure-cases.json beside it and prints, for each case, the raw and the truncated
bbox_width, bbox_height and area following docs/geometry-info.md:
UTM zone of the bbox centre, bbox corners projected, shoelace area over the projected vertices
(relative to the exterior ring's first vertex, holes subtracted), Math.floor(v * 10) / 10.
"""
import json
import math
import pathlib

import pyproj
from pyproj import Transformer


def truncate(v):
    return math.floor(v * 10) / 10


def ring_area(ring, transform, origin):
    projected = [transform(x, y) for x, y in (p[:2] for p in ring)]
    twice = 0.0
    for (ax, ay), (bx, by) in zip(projected, projected[1:]):
        ax, ay, bx, by = ax - origin[0], ay - origin[1], bx - origin[0], by - origin[1]
        twice += ax * by - bx * ay
    return abs(twice) / 2


def measure(geometry):
    rings = geometry["coordinates"]
    lons = [p[0] for p in rings[0]]
    lats = [p[1] for p in rings[0]]
    min_lon, max_lon, min_lat, max_lat = min(lons), max(lons), min(lats), max(lats)
    centre_lon, centre_lat = (min_lon + max_lon) / 2, (min_lat + max_lat) / 2
    zone = min(math.floor((centre_lon + 180) / 6) + 1, 60)
    epsg = (32700 if centre_lat < 0 else 32600) + zone
    transform = Transformer.from_crs(4326, epsg, always_xy=True).transform
    corners = [transform(x, y) for x, y in
               [(min_lon, min_lat), (min_lon, max_lat), (max_lon, min_lat), (max_lon, max_lat)]]
    width = max(c[0] for c in corners) - min(c[0] for c in corners)
    height = max(c[1] for c in corners) - min(c[1] for c in corners)
    origin = transform(*rings[0][0][:2])
    area = ring_area(rings[0], transform, origin) - sum(ring_area(r, transform, origin) for r in rings[1:])
    return epsg, width, height, area


cases = json.loads((pathlib.Path(__file__).parent / "measure-cases.json").read_text())
print(f"# pyproj {pyproj.__version__}, PROJ {pyproj.proj_version_str}")
for name, geometry in cases.items():
    epsg, width, height, area = measure(geometry)
    print(f"{name}: EPSG:{epsg} raw {width!r} {height!r} {area!r}")
    print(f'    case("{name}", {truncate(width)!r}, {truncate(height)!r}, {truncate(area)!r}),')
