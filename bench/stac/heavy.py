#!/usr/bin/env python3
"""Heavy searches by one workspace against light ones by another: how long the light ones wait.

Writes HEAVY_COUNT items whose footprints have 10,000 vertices (spiky rings around lon 10, lat 50) into the
lstprecision collection of the ingest key's workspace, then, while HEAVY_CLIENTS clients of that workspace send
searches whose intersects geometry has 10,000 vertices across those footprints, another workspace's client sends
light bbox searches elsewhere. Prints the light searches' latency alone and beside the heavy ones, and how soon a
heavy search's statement stops after its client leaves (pg_stat_activity through psql).

usage: heavy.py BASE_URL INGEST_KEY HEAVY_TOKEN LIGHT_TOKEN DATABASE_URL
"""
import json
import math
import statistics
import subprocess
import sys
import threading
import time

import requests

base, ingest, heavy_token, light_token, database = sys.argv[1:6]
HEAVY_COUNT, HEAVY_CLIENTS, SECONDS = 30, 4, 30


def spiky_ring(r_in, r_out, n, phase):
    points = []
    for i in range(n):
        a = 2 * math.pi * i / n + phase
        r = r_in if i % 2 == 0 else r_out
        points.append([round(10 + r * math.cos(a), 7), round(50 + r * math.sin(a), 7)])
    points.append(points[0])
    return {"type": "Polygon", "coordinates": [points]}


def items():
    for k in range(HEAVY_COUNT):
        g = spiky_ring(0.5, 0.52, 9_999, k * 1e-4)
        xs = [p[0] for p in g["coordinates"][0]]
        ys = [p[1] for p in g["coordinates"][0]]
        yield json.dumps({"type": "Feature", "stac_version": "1.0.0", "id": f"heavy-{k}", "collection": "lstprecision",
                          "geometry": g, "bbox": [min(xs), min(ys), max(xs), max(ys)],
                          "properties": {"datetime": "2025-06-01T10:00:00Z"}, "links": [], "assets": {}})


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(p * len(values)))]


def summary(name, latencies):
    ms = [x * 1000 for x in latencies]
    print(f"{name}: {len(ms)} searches, median {statistics.median(ms):.0f} ms, p95 {percentile(ms, 0.95):.0f} ms, "
          f"max {max(ms):.0f} ms")


def light_search(session):
    t = time.perf_counter()
    r = session.post(f"{base}/stac/search", json={"bbox": [-5, 40, -4, 41], "limit": 10},
                     headers={"Authorization": f"Bearer {light_token}"})
    assert r.status_code == 200, r.text
    return time.perf_counter() - t


heavy_body = json.dumps({"collections": ["lstprecision"], "intersects": spiky_ring(0.49, 0.515, 9_999, 0.5e-4),
                         "limit": 10})
r = requests.post(f"{base}/stac/collections/lstprecision/bulk_items?method=upsert", data="\n".join(items()),
                  headers={"X-Api-Key": ingest, "Content-Type": "application/x-ndjson"})
assert r.status_code == 200, r.text

session = requests.Session()
summary("light alone", [light_search(session) for _ in range(50)])

stop = time.monotonic() + SECONDS
heavy = []
statuses = {}


def heavy_client():
    s = requests.Session()
    while time.monotonic() < stop:
        t = time.perf_counter()
        r = s.post(f"{base}/stac/search", data=heavy_body,
                   headers={"Authorization": f"Bearer {heavy_token}", "Content-Type": "application/json"})
        statuses[r.status_code] = statuses.get(r.status_code, 0) + 1
        heavy.append(time.perf_counter() - t)


threads = [threading.Thread(target=heavy_client) for _ in range(HEAVY_CLIENTS)]
for t in threads:
    t.start()
time.sleep(2)
beside = []
while time.monotonic() < stop:
    beside.append(light_search(session))
    time.sleep(0.1)
for t in threads:
    t.join()
summary(f"light beside {HEAVY_CLIENTS} heavy clients", beside)
summary("heavy", heavy)
print("heavy statuses:", statuses)


def active():
    out = subprocess.run(["psql", database, "-Atc", "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' "
                          "AND query LIKE '%stac_items%' AND pid <> pg_backend_pid()"],
                         capture_output=True, text=True, check=True)
    return int(out.stdout.strip())


for leave in (0.3, 1.0):
    try:
        requests.post(f"{base}/stac/search", data=heavy_body, timeout=leave,
                      headers={"Authorization": f"Bearer {heavy_token}", "Content-Type": "application/json"})
    except requests.exceptions.Timeout:
        pass
    t = time.perf_counter()
    while active():
        time.sleep(0.02)
    print(f"client left after {leave} s: no search statement {1000 * (time.perf_counter() - t):.0f} ms later")
