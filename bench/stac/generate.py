#!/usr/bin/env python3
"""Reproducible STAC benchmark dataset: newline-delimited STAC items, about 30 km x 30 km boxes over Europe
(lon -10..30, lat 35..60), one item a day per place over 2023-01-01..2025-12-31, properties gsd, datetime,
platform, eo:cloud_cover, assets lst and metadata. Same seed, same items.

usage: generate.py COUNT [SEED] > items.ndjson
"""
import json
import math
import random
import sys
from datetime import date, timedelta

count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 2023)
days = (date(2025, 12, 31) - date(2023, 1, 1)).days + 1
places = math.ceil(count / days)
sites = []
for p in range(places):
    lat = rng.uniform(35, 60 - 0.27)
    dlon = 0.27 / math.cos(math.radians(lat))
    lon = rng.uniform(-10, 30 - dlon)
    hour = rng.choice([1, 10, 13, 22])
    sites.append((round(lon, 5), round(lat, 5), round(lon + dlon, 5), round(lat + 0.27, 5), hour))
platforms = ["sba01", "sba02", "sba03", "sba04"]
out = sys.stdout
n = 0
for d in range(days):
    day = date(2023, 1, 1) + timedelta(days=d)
    for p, (x0, y0, x1, y1, hour) in enumerate(sites):
        if n == count:
            break
        item_id = f"p{p:05d}-{day.isoformat()}"
        base = f"https://data.example.com/lst/{item_id}"
        item = {
            "type": "Feature",
            "stac_version": "1.0.0",
            "stac_extensions": [],
            "id": item_id,
            "collection": "lstprecision",
            "bbox": [x0, y0, x1, y1],
            "geometry": {"type": "Polygon",
                         "coordinates": [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]},
            "properties": {
                "datetime": f"{day.isoformat()}T{hour:02d}:{rng.randrange(60):02d}:00Z",
                "gsd": 30,
                "platform": rng.choice(platforms),
                "eo:cloud_cover": round(rng.uniform(0, 100), 1),
            },
            "assets": {
                "lst": {"href": f"{base}/lst.tiff", "type": "image/tiff; application=geotiff; profile=cloud-optimized",
                        "roles": ["data"]},
                "metadata": {"href": f"{base}/metadata.json", "type": "application/json", "roles": ["metadata"]},
            },
            "links": [],
        }
        out.write(json.dumps(item, separators=(",", ":")))
        out.write("\n")
        n += 1
