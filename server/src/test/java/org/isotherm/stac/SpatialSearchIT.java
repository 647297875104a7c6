package org.isotherm.stac;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.isotherm.auth.Role;
import org.isotherm.support.Http;
import org.isotherm.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import tools.jackson.databind.JsonNode;

/**
 * Search results against an independent computation: JTS over every item of a seeded random dataset (rectangles,
 * rotated quadrilaterals and triangles), for the bbox and intersects parameters and the CQL2 spatial and temporal
 * functions; and paging that sees every match once while items are inserted concurrently.
 */
class SpatialSearchIT extends IntegrationTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    record Seeded(Http http, Map<String, Geometry> geometries, Map<String, Instant> times) {}

    private Seeded seed(long seed, int count) {
        var ws = fixtures.workspace();
        var http = fixtures.http().apiKey(fixtures.apiKey(ws.admin, Role.INGEST));
        var random = new Random(seed);
        var geometries = new HashMap<String, Geometry>();
        var times = new HashMap<String, Instant>();
        var lines = new StringBuilder();
        var reader = new WKTReader();
        for (int i = 0; i < count; i++) {
            double x = random.nextDouble() * 10;
            double y = random.nextDouble() * 10;
            double w = 0.2 + random.nextDouble();
            double h = 0.2 + random.nextDouble();
            String wkt = switch (i % 6) {
                case 0 ->
                    String.format(
                            Locale.ROOT,
                            "POLYGON((%f %f,%f %f,%f %f,%f %f,%f %f))",
                            x,
                            y,
                            x + w,
                            y,
                            x + w,
                            y + h,
                            x,
                            y + h,
                            x,
                            y);
                case 1 ->
                    String.format(
                            Locale.ROOT,
                            "POLYGON((%f %f,%f %f,%f %f,%f %f,%f %f))",
                            x,
                            y,
                            x + w + 0.3,
                            y + 0.2,
                            x + w + 0.2,
                            y + h + 0.3,
                            x - 0.2,
                            y + h + 0.2,
                            x,
                            y);
                case 2 ->
                    String.format(Locale.ROOT, "POLYGON((%f %f,%f %f,%f %f,%f %f))", x, y, x + w, y, x, y + h, x, y);
                // what SQL cannot decide exactly, checked with JTS: points, lines, holes, several parts
                case 3 -> String.format(Locale.ROOT, "POINT(%f %f)", x, y);
                case 4 -> String.format(Locale.ROOT, "LINESTRING(%f %f,%f %f)", x, y, x + w, y + h);
                default ->
                    String.format(
                            Locale.ROOT,
                            "POLYGON((%f %f,%f %f,%f %f,%f %f,%f %f),(%f %f,%f %f,%f %f,%f %f))",
                            x,
                            y,
                            x + w,
                            y,
                            x + w,
                            y + h,
                            x,
                            y + h,
                            x,
                            y,
                            x + w / 4,
                            y + h / 4,
                            x + w / 4,
                            y + h / 2,
                            x + w / 2,
                            y + h / 2,
                            x + w / 4,
                            y + h / 4);
            };
            try {
                var geometry = reader.read(wkt);
                var id = "r" + i;
                var time = T0.plusSeconds(3600L * random.nextInt(24 * 60));
                geometries.put(id, geometry);
                times.put(id, time);
                lines.append(TestItems.item(
                                        id, new GeoJsonWriter().write(geometry).replace("\n", ""), time, i % 100)
                                .replace("\n", ""))
                        .append('\n');
            } catch (org.locationtech.jts.io.ParseException e) {
                throw new IllegalStateException(e);
            }
        }
        var response = http.send(
                "POST",
                "/stac/collections/lstfusion/bulk_items",
                "application/x-ndjson",
                lines.toString().getBytes());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return new Seeded(http, geometries, times);
    }

    private static TreeSet<String> all(Http http, String body) {
        var ids = new TreeSet<String>();
        JsonNode page = http.post("/stac/search", body).json();
        long matched = page.path("numberMatched").asLong(-1);
        while (true) {
            assertThat(page.has("features")).as(page.toString()).isTrue();
            page.get("features")
                    .forEach(f -> assertThat(ids.add(f.get("id").asString())).isTrue());
            JsonNode next = null;
            for (var link : page.get("links")) {
                if (link.get("rel").asString().equals("next")) {
                    next = link;
                }
            }
            if (next == null) {
                break;
            }
            page = http.post(next.get("href").asString(), next.get("body")).json();
        }
        assertThat(matched).isEqualTo(ids.size());
        return ids;
    }

    @Test
    void spatialOperatorsMatchJts() throws Exception {
        var data = seed(42, 300);
        var random = new Random(7);
        var reader = new WKTReader();
        for (int q = 0; q < 6; q++) {
            double x = random.nextDouble() * 8;
            double y = random.nextDouble() * 8;
            var rect = reader.read(String.format(
                    Locale.ROOT,
                    "POLYGON((%f %f,%f %f,%f %f,%f %f,%f %f))",
                    x,
                    y,
                    x + 2,
                    y,
                    x + 2,
                    y + 2,
                    x,
                    y + 2,
                    x,
                    y));
            var tri = reader.read(String.format(
                    Locale.ROOT, "POLYGON((%f %f,%f %f,%f %f,%f %f))", x, y, x + 3, y + 1, x + 1, y + 3, x, y));
            var bbox = String.format(Locale.ROOT, "[%f,%f,%f,%f]", x, y, x + 2, y + 2);
            check(
                    data,
                    "{\"collections\":[\"lstfusion\"],\"bbox\":" + bbox + ",\"limit\":40}",
                    g -> rect.intersects(g));
            for (var query : List.of(rect, tri)) {
                var geojson = new GeoJsonWriter().write(query).replace("\n", "");
                check(data, "{\"intersects\":" + geojson + ",\"limit\":35}", g -> query.intersects(g));
                for (var op : List.of(
                        "s_intersects",
                        "s_within",
                        "s_contains",
                        "s_disjoint",
                        "s_overlaps",
                        "s_touches",
                        "s_crosses",
                        "s_equals")) {
                    var filter = "{\"filter-lang\":\"cql2-json\",\"limit\":50,\"filter\":{\"op\":\"" + op
                            + "\",\"args\":[{\"property\":\"geometry\"}," + geojson + "]}}";
                    check(data, filter, g -> switch (op) {
                        case "s_intersects" -> g.intersects(query);
                        case "s_within" -> g.within(query);
                        case "s_contains" -> g.contains(query);
                        case "s_disjoint" -> g.disjoint(query);
                        case "s_overlaps" -> g.overlaps(query);
                        case "s_touches" -> g.touches(query);
                        case "s_crosses" -> g.crosses(query);
                        default -> g.equalsTopo(query);
                    });
                }
                var negated =
                        "{\"filter-lang\":\"cql2-json\",\"limit\":100,\"filter\":{\"op\":\"not\",\"args\":[{\"op\":"
                                + "\"s_intersects\",\"args\":[{\"property\":\"geometry\"}," + geojson + "]}]}}";
                check(data, negated, g -> !g.intersects(query));
            }
        }
    }

    @Test
    void datetimeAndTemporalFunctionsMatchAnIndependentCount() {
        var data = seed(43, 200);
        var start = T0.plusSeconds(3600L * 200);
        var end = T0.plusSeconds(3600L * 700);
        var expected = new TreeSet<String>();
        data.times().forEach((id, t) -> {
            if (!t.isBefore(start) && !t.isAfter(end)) {
                expected.add(id);
            }
        });
        assertThat(all(
                        data.http(),
                        "{\"collections\":[\"lstfusion\"],\"datetime\":\"" + start + "/" + end + "\",\"limit\":13}"))
                .isEqualTo(expected);
        var before = new TreeSet<String>();
        data.times().forEach((id, t) -> {
            if (t.isBefore(start)) {
                before.add(id);
            }
        });
        assertThat(all(data.http(), "{\"filter\":\"t_before(datetime, TIMESTAMP('" + start + "'))\",\"limit\":50}"))
                .isEqualTo(before);
        var open = new TreeSet<String>();
        data.times().forEach((id, t) -> {
            if (!t.isAfter(end)) {
                open.add(id);
            }
        });
        assertThat(all(data.http(), "{\"datetime\":\"../" + end + "\",\"limit\":60}"))
                .isEqualTo(open);
    }

    @Test
    void pagingVisitsEveryMatchOnceWhileItemsAreInserted() throws Exception {
        var data = seed(44, 150);
        var stop = new AtomicBoolean();
        var writer = new Thread(() -> {
            int n = 0;
            while (!stop.get()) {
                // newer than everything seeded: they sort first and must not shift the pages being read
                data.http()
                        .post(
                                "/stac/collections/lstfusion/items",
                                TestItems.box("late" + n++, 1, 1, 2, 2, Instant.parse("2030-01-01T00:00:00Z"), 5));
            }
        });
        writer.start();
        try {
            var ids = new TreeSet<String>();
            JsonNode page = data.http()
                    .post("/stac/search", "{\"datetime\":\"2023-01-01T00:00:00Z/2029-01-01T00:00:00Z\",\"limit\":7}")
                    .json();
            long matched = page.get("numberMatched").asLong();
            while (true) {
                page.get("features")
                        .forEach(
                                f -> assertThat(ids.add(f.get("id").asString())).isTrue());
                JsonNode next = null;
                for (var link : page.get("links")) {
                    if (link.get("rel").asString().equals("next")) {
                        next = link;
                    }
                }
                if (next == null) {
                    break;
                }
                page = data.http()
                        .post(next.get("href").asString(), next.get("body"))
                        .json();
            }
            assertThat(ids).isEqualTo(new TreeSet<>(data.geometries().keySet()));
            assertThat(matched).isEqualTo(150);
        } finally {
            stop.set(true);
            writer.join();
        }
    }

    private static void check(Seeded data, String body, java.util.function.Predicate<Geometry> predicate) {
        var expected = new TreeSet<String>();
        data.geometries().forEach((id, g) -> {
            if (predicate.test(g)) {
                expected.add(id);
            }
        });
        assertThat(all(data.http(), body)).as(body).isEqualTo(expected);
    }

    /** A closed ring of {@code vertices} points on a small circle, as GeoJSON. */
    private static String circle(int vertices) {
        return circle(vertices, 5, 5, 1);
    }

    private static String circle(int vertices, double x, double y, double radius) {
        var ring = new StringBuilder();
        for (int i = 0; i < vertices; i++) {
            double angle = 2 * Math.PI * i / (vertices - 1);
            ring.append(i == 0 ? "" : ",")
                    .append(String.format(
                            Locale.ROOT, "[%.9f,%.9f]", x + radius * Math.cos(angle), y + radius * Math.sin(angle)));
        }
        return "{\"type\":\"Polygon\",\"coordinates\":[[" + ring + "]]}";
    }

    @Test
    void refusesSearchGeometryAboveTheVertexLimit() {
        var http = fixtures.workspace().http();

        var intersects = http.post("/stac/search", "{\"intersects\":" + circle(10_001) + "}");
        var filter = http.post(
                "/stac/search",
                "{\"filter-lang\":\"cql2-json\",\"filter\":{\"op\":\"s_intersects\",\"args\":[{\"property\":"
                        + "\"geometry\"}," + circle(10_001) + "]}}");
        var within = http.post("/stac/search", "{\"intersects\":" + circle(10_000) + "}");

        assertThat(intersects.status()).isEqualTo(400);
        assertThat(intersects.json().get("detail").asString()).contains("at most 10000");
        assertThat(filter.status()).isEqualTo(400);
        assertThat(filter.json().get("detail").asString()).contains("at most 10000");
        assertThat(within.status()).isEqualTo(200);
    }

    @Test
    void refusesItemFootprintAboveTheVertexLimit() {
        var ws = fixtures.workspace();
        var http = fixtures.http().apiKey(fixtures.apiKey(ws.admin, Role.INGEST));

        var response =
                http.post("/stac/collections/lstfusion/items", TestItems.item("huge-footprint", circle(10_001), T0, 5));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("at most 10000");
    }

    @Test
    void refusesEmptySearchGeometryWithoutChangingTheStatement() {
        var http = fixtures.workspace().http();

        var filter = http.post(
                "/stac/search",
                "{\"filter-lang\":\"cql2-json\",\"filter\":{\"op\":\"s_intersects\",\"args\":[{\"property\":"
                        + "\"geometry\"},{\"type\":\"MultiPolygon\",\"coordinates\":[]}]}}");
        var intersects = http.post("/stac/search", "{\"intersects\":{\"type\":\"MultiPolygon\",\"coordinates\":[]}}");

        assertThat(filter.status()).isEqualTo(400);
        assertThat(filter.json().get("detail").asString()).contains("empty geometry");
        assertThat(intersects.status()).isEqualTo(400);
    }

    @Test
    void decidesLargeFootprintsAgainstLargeGeometriesExactly() {
        var ws = fixtures.workspace();
        var http = fixtures.http().apiKey(fixtures.apiKey(ws.admin, Role.INGEST));
        // 3,000 x 1,000 segments is above what one SQL overlap test may compare: those rows are decided in Java
        for (var item : List.of(
                TestItems.item("large-inside", circle(3_000, 5, 5, 0.1), T0, 5),
                TestItems.item("large-outside-in-the-box", circle(3_000, 5.85, 5.85, 0.1), T0, 5),
                TestItems.box("small-across-the-edge", 5.9, 4.9, 6.5, 5.1, T0, 5))) {
            var created = http.post("/stac/collections/lstfusion/items", item);
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
        }

        var body = "{\"collections\":[\"lstfusion\"],\"limit\":1,\"intersects\":" + circle(1_000) + "}";

        assertThat(all(ws.http(), body)).containsExactly("large-inside", "small-across-the-edge");
    }
}
