package org.isotherm.stac.cql2;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.isotherm.stac.cql2.Cql2Expr.And;
import org.isotherm.stac.cql2.Cql2Expr.Not;
import org.isotherm.stac.cql2.Cql2Expr.Or;
import org.isotherm.stac.cql2.Cql2Expr.SpatialOp;
import org.isotherm.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs rendered filters on the embedded PostgreSQL over a seeded random table and checks that the rows SQL
 * selects are exactly those {@link Cql2Evaluator} matches in Java (a superset where the spatial SQL is only a
 * bounding-box prefilter). The table lives only for this class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Cql2SqlIT extends IntegrationTest {

    private static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");
    private static final List<String> PLATFORMS =
            List.of("landsat-8", "landsat-9", "sentinel-2a", "sentinel-2b", "terra", "Landsat-8", "LANDSAT_9");
    private static final List<String> PLACES = List.of("Évora", "Evora", "evora", "Sévilla", "Sevilla", "Zürich");
    private static final List<String> INSTRUMENTS = List.of("oli", "tirs", "msi", "modis");
    private static final List<Double> BANDS = List.of(1.0, 2.0, 3.0, 4.5);

    @Autowired
    JdbcClient jdbc;

    private final String table =
            "cql2_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final List<Item> items = new ArrayList<>();
    private BoxTarget target;

    record Item(String id, ObjectNode properties, Envelope box, Instant start, Instant end) {
        ItemView view() {
            return new ItemView(properties, Cql2Geometries.FACTORY.toGeometry(box), start, end);
        }
    }

    /** Items stored with their bounding box only: the spatial SQL is a box prefilter, rechecked in Java. */
    final class BoxTarget extends MapTarget {
        BoxTarget() {
            super(new TemporalColumns("start_at", "end_at"));
            with("id", Cql2Type.STRING, "id");
            with("platform", Cql2Type.STRING, "(properties->>'platform') COLLATE \"C\"");
            with("place", Cql2Type.STRING, "(properties->>'place') COLLATE \"C\"");
            with("eo:cloud_cover", Cql2Type.NUMBER, "(properties->>'eo:cloud_cover')::float8");
            with("gsd", Cql2Type.INTEGER, "(properties->>'gsd')::bigint");
            with("flag", Cql2Type.BOOLEAN, "(properties->>'flag')::boolean");
            with("created", Cql2Type.TIMESTAMP, "(properties->>'created')::timestamptz");
            with("datetime", Cql2Type.TIMESTAMP, "start_at");
            with("start_datetime", Cql2Type.TIMESTAMP, "start_at");
            with("end_datetime", Cql2Type.TIMESTAMP, "end_at");
            with("geometry", Cql2Type.GEOMETRY, "minx");
            with("instruments", Cql2Type.STRING_ARRAY, "properties->'instruments'");
            with("bands", Cql2Type.NUMBER_ARRAY, "properties->'bands'");
            openTo("properties");
        }

        @Override
        public SqlFragment spatial(SpatialOp op, Geometry literal) {
            if (op == SpatialOp.S_DISJOINT) {
                return SqlFragment.TRUE;
            }
            Envelope envelope = literal.getEnvelopeInternal();
            return SqlFragment.of(
                    "minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?",
                    envelope.getMaxX(),
                    envelope.getMinX(),
                    envelope.getMaxY(),
                    envelope.getMinY());
        }
    }

    @BeforeAll
    void createTable() {
        target = new BoxTarget();
        jdbc.sql("CREATE TABLE " + table + " (id text PRIMARY KEY, properties jsonb NOT NULL,"
                        + " start_at timestamptz NOT NULL, end_at timestamptz NOT NULL,"
                        + " minx float8 NOT NULL, miny float8 NOT NULL, maxx float8 NOT NULL, maxy float8 NOT NULL)")
                .update();
        Random random = new Random(20240131);
        Random open = new Random(20251202);
        for (int i = 0; i < 400; i++) {
            Item item = randomItem(random, "item-%03d".formatted(i));
            addOpenProperties(open, item.properties());
            items.add(item);
            jdbc.sql("INSERT INTO " + table + " VALUES (?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?)")
                    .params(
                            item.id(),
                            item.properties().toString(),
                            OffsetDateTime.ofInstant(item.start(), ZoneOffset.UTC),
                            OffsetDateTime.ofInstant(item.end(), ZoneOffset.UTC),
                            item.box().getMinX(),
                            item.box().getMinY(),
                            item.box().getMaxX(),
                            item.box().getMaxY())
                    .update();
        }
    }

    @AfterAll
    void dropTable() {
        jdbc.sql("DROP TABLE IF EXISTS " + table).update();
    }

    private static Item randomItem(Random random, String id) {
        ObjectNode properties = JsonNodeFactory.instance.objectNode();
        if (random.nextInt(10) > 0) {
            properties.put("platform", pick(random, PLATFORMS));
        }
        if (random.nextInt(10) > 1) {
            properties.put("place", pick(random, PLACES));
        }
        if (random.nextInt(10) > 0) {
            properties.put(
                    "eo:cloud_cover", random.nextInt(4) == 0 ? random.nextInt(101) : random.nextInt(1001) / 10.0);
        }
        if (random.nextInt(10) > 0) {
            properties.put("gsd", pick(random, List.of(10, 15, 30, 60)));
        }
        if (random.nextInt(10) > 1) {
            properties.put("flag", random.nextBoolean());
        }
        if (random.nextInt(10) > 1) {
            properties.put(
                    "created",
                    EPOCH.plus(Duration.ofHours(12L * random.nextInt(56))).toString());
        }
        if (random.nextInt(10) > 1) {
            List<String> chosen = new ArrayList<>(INSTRUMENTS);
            Collections.shuffle(chosen, random);
            ArrayNode array = properties.putArray("instruments");
            chosen.subList(0, random.nextInt(INSTRUMENTS.size() + 1)).forEach(array::add);
        }
        if (random.nextInt(10) > 1) {
            ArrayNode array = properties.putArray("bands");
            BANDS.stream().filter(b -> random.nextBoolean()).forEach(array::add);
        }
        Instant start = EPOCH.plus(Duration.ofHours(12L * random.nextInt(56)));
        Duration length = pick(
                random,
                List.of(
                        Duration.ZERO,
                        Duration.ZERO,
                        Duration.ofHours(12),
                        Duration.ofDays(1),
                        Duration.ofDays(2),
                        Duration.ofDays(5)));
        Instant end = start.plus(length);
        properties.put("datetime", start.toString());
        properties.put("start_datetime", start.toString());
        properties.put("end_datetime", end.toString());
        double minx = random.nextInt(9);
        double miny = random.nextInt(9);
        Envelope box = new Envelope(minx, minx + 1 + random.nextInt(3), miny, miny + 1 + random.nextInt(3));
        return new Item(id, properties, box, start, end);
    }

    /**
     * Properties that no queryable names, of mixed JSON types, so that a comparison meets values of another type
     * (unknown) and strings that only look like instants; drawn from their own generator so that the other
     * properties stay as they were.
     */
    private static void addOpenProperties(Random random, ObjectNode properties) {
        var factory = JsonNodeFactory.instance;
        List<tools.jackson.databind.JsonNode> missions = List.of(
                factory.stringNode("landsat-8"),
                factory.stringNode("sentinel-2a"),
                factory.stringNode("Sentinel-1"),
                factory.stringNode("terra"),
                factory.stringNode("Évora"),
                factory.stringNode("2024-01-05T00:00:00Z"),
                factory.numberNode(5),
                factory.numberNode(new java.math.BigDecimal("12.5")),
                factory.numberNode(new java.math.BigDecimal("0.3")),
                factory.numberNode(new java.math.BigDecimal("0.30000000000000001")),
                factory.numberNode(100),
                factory.booleanNode(true),
                factory.booleanNode(false),
                factory.nullNode(),
                factory.arrayNode().add("a").add("b"),
                factory.arrayNode().add("a"),
                factory.arrayNode().add(1).add(2),
                factory.arrayNode().add("b").add(2),
                factory.objectNode().put("a", 1));
        if (random.nextInt(8) > 0) {
            properties.set("mission", pick(random, missions));
        }
        List<tools.jackson.databind.JsonNode> launches = List.of(
                factory.stringNode("2024-01-05T00:00:00Z"),
                factory.stringNode("2024-01-10"),
                factory.stringNode("2024-01-10T00:00:00+01:00"),
                factory.stringNode("2024-01-12t06:30:00.123456789z"),
                factory.stringNode("2024-01-20T00:00:00.0000005Z"),
                factory.stringNode("2024-02-30"),
                factory.stringNode("2024-01-10T24:00:00Z"),
                factory.stringNode("2024-01-15T23:59:60Z"),
                factory.stringNode("not a date"),
                factory.numberNode(20240110),
                factory.nullNode());
        if (random.nextInt(8) > 0) {
            properties.set("launched", pick(random, launches));
        }
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    static Stream<String> filters() {
        String interval = "INTERVAL('2024-01-10T00:00:00Z', '2024-01-12T00:00:00Z')";
        List<String> temporal = new ArrayList<>();
        for (String op : List.of(
                "T_AFTER",
                "T_BEFORE",
                "T_CONTAINS",
                "T_DISJOINT",
                "T_DURING",
                "T_EQUALS",
                "T_FINISHEDBY",
                "T_FINISHES",
                "T_INTERSECTS",
                "T_MEETS",
                "T_METBY",
                "T_OVERLAPPEDBY",
                "T_OVERLAPS",
                "T_STARTEDBY",
                "T_STARTS")) {
            temporal.add(op + "(datetime, " + interval + ")");
            temporal.add(op + "(" + interval + ", datetime)");
            temporal.add(op + "(datetime, INTERVAL('..', '2024-01-12T12:00:00Z'))");
            temporal.add(op + "(INTERVAL(start_datetime, end_datetime), INTERVAL('2024-01-08', '..'))");
            temporal.add(op + "(INTERVAL(created, end_datetime), datetime)");
            if (!Cql2Expr.TemporalOp.fromName(op).intervalsOnly()) {
                temporal.add(op + "(datetime, DATE('2024-01-10'))");
                temporal.add(op + "(created, datetime)");
                temporal.add(op + "(created, TIMESTAMP('2024-01-10T12:00:00Z'))");
            }
        }
        List<String> others = List.of(
                "eo:cloud_cover < 50",
                "eo:cloud_cover >= 50.5",
                "eo:cloud_cover = 20",
                "gsd <> 30",
                "gsd <= 15",
                "60 > gsd",
                "flag = true",
                "flag <> false",
                "platform = 'landsat-8'",
                "platform < 'm'",
                "platform >= 'sentinel'",
                "created > TIMESTAMP('2024-01-15T00:00:00Z')",
                "created <= DATE('2024-01-10')",
                "datetime >= '2024-01-20T00:00:00Z'",
                "gsd < eo:cloud_cover",
                "start_datetime = end_datetime",
                "start_datetime < end_datetime",
                "platform LIKE 'landsat%'",
                "platform LIKE '%-2_'",
                "platform NOT LIKE '%8'",
                "CASEI(platform) LIKE 'landsat%'",
                "platform LIKE 'LANDSAT\\_9'",
                "CASEI(platform) = CASEI('LANDSAT-8')",
                "ACCENTI(place) = ACCENTI('Evora')",
                "CASEI(ACCENTI(place)) = 'evora'",
                "ACCENTI(place) LIKE 'S%villa'",
                "eo:cloud_cover BETWEEN 10 AND 40",
                "gsd NOT BETWEEN 15 AND 30",
                "created BETWEEN DATE('2024-01-05') AND DATE('2024-01-20')",
                "platform IN ('terra', 'landsat-9')",
                "gsd NOT IN (10, 60)",
                "CASEI(platform) IN (CASEI('Landsat-8'), 'terra')",
                "platform IS NULL",
                "gsd IS NOT NULL",
                "instruments IS NULL",
                "NOT (eo:cloud_cover < 50 OR gsd = 10)",
                "eo:cloud_cover < 50 AND NOT flag = true",
                "(platform LIKE 'l%' OR gsd > 20) AND created IS NOT NULL",
                "A_CONTAINS(instruments, ('oli'))",
                "A_CONTAINS(instruments, ('oli', 'tirs'))",
                "A_CONTAINEDBY(instruments, ('oli', 'tirs'))",
                "A_EQUALS(instruments, ('oli', 'tirs'))",
                "A_OVERLAPS(instruments, ('msi', 'modis'))",
                "NOT A_OVERLAPS(instruments, ('oli'))",
                "A_CONTAINS(bands, (4.5))",
                "A_CONTAINEDBY(bands, (1, 2, 3))",
                "A_EQUALS(bands, (1, 3))",
                "S_INTERSECTS(geometry, BBOX(2, 2, 4, 4))",
                "S_WITHIN(geometry, BBOX(0, 0, 6, 6))",
                "S_CONTAINS(geometry, POINT(3 3))",
                "S_TOUCHES(geometry, BBOX(5, 5, 7, 7))",
                "S_DISJOINT(geometry, BBOX(0, 0, 3, 3))",
                "S_OVERLAPS(geometry, POLYGON((1 1, 6 1, 6 6, 1 1)))",
                "S_CROSSES(geometry, LINESTRING(0 5.5, 12 5.5))",
                "S_EQUALS(geometry, BBOX(0, 0, 1, 1))",
                "NOT S_INTERSECTS(geometry, BBOX(0, 0, 5, 5))",
                "S_INTERSECTS(geometry, BBOX(8, 0, 1, 10)) AND eo:cloud_cover < 30",
                // properties that are not queryables: typed by the literal, other JSON types unknown
                "mission = 'landsat-8'",
                "mission <> 'landsat-8'",
                "mission < 'm'",
                "mission >= 'Sentinel'",
                "mission = 5",
                "mission > 4.99",
                "mission <= 12.5",
                "mission = 0.3",
                "mission = true",
                "mission <> false",
                "mission IS NULL",
                "mission IS NOT NULL",
                "mission LIKE 'sent%'",
                "CASEI(mission) LIKE 'sent%'",
                "ACCENTI(mission) = 'Evora'",
                "mission IN ('terra', 'landsat-8')",
                "mission IN (5, 100)",
                "mission BETWEEN 1 AND 50",
                "mission NOT BETWEEN 1 AND 50",
                "mission BETWEEN 'a' AND 'm'",
                "mission < gsd",
                "mission = platform",
                "mission > '2024-01-01'",
                "A_CONTAINS(mission, ('a'))",
                "A_CONTAINEDBY(mission, (1, 2, 3))",
                "A_EQUALS(mission, ('a', 'b'))",
                "A_OVERLAPS(mission, ('b', 2))",
                "NOT A_CONTAINS(mission, ('b'))",
                // instants read from JSON strings: SQL selects a superset and Java decides
                "launched > TIMESTAMP('2024-01-10T00:00:00Z')",
                "launched <= DATE('2024-01-10')",
                "NOT launched > TIMESTAMP('2024-01-10T00:00:00Z')",
                "launched = TIMESTAMP('2024-01-05T00:00:00Z')",
                "launched BETWEEN DATE('2024-01-01') AND DATE('2024-01-11')",
                "launched IN (TIMESTAMP('2024-01-05T00:00:00Z'), DATE('2024-01-10'))",
                "launched < datetime",
                "mission > TIMESTAMP('2024-01-01T00:00:00Z')",
                "T_AFTER(launched, DATE('2024-01-10'))",
                "NOT T_BEFORE(launched, TIMESTAMP('2024-01-11T00:00:00Z'))",
                "T_INTERSECTS(INTERVAL(launched, end_datetime), INTERVAL('2024-01-08', '..'))");
        return Stream.concat(others.stream(), temporal.stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void selectsTheItemsTheEvaluatorMatches(String filter) {
        assertAgrees(filter, Cql2.parseText(filter));
    }

    /**
     * Guards against a vacuous comparison: every non-temporal filter, and every temporal operator in at least one
     * of its forms, selects some but not all items (some forms cannot match by construction, e.g. an instant
     * during an instant).
     */
    @Test
    void everyOperatorSelectsSomeButNotAllItems() {
        Map<String, Boolean> discriminates = new TreeMap<>();
        for (String filter : filters().toList()) {
            Cql2Expr expr = Cql2.parseText(filter);
            long count = items.stream()
                    .filter(item -> Cql2Evaluator.matches(expr, item.view()))
                    .count();
            String key = filter.startsWith("T_") ? filter.substring(0, filter.indexOf('(')) : filter;
            discriminates.merge(key, count > 0 && count < items.size(), Boolean::logicalOr);
        }
        assertThat(discriminates).containsKeys("T_AFTER", "T_STARTS", "eo:cloud_cover < 50");
        assertThat(discriminates.entrySet().stream()
                        .filter(entry -> !entry.getValue())
                        .map(Map.Entry::getKey))
                .isEmpty();
    }

    @Test
    void runsAWideFilterAtTheParameterLimit() {
        String filter = String.join(" OR ", java.util.Collections.nCopies(Cql2SqlRenderer.MAX_PARAMS, "gsd = 15"));
        assertAgrees("10000 x gsd = 15", Cql2.parseText(filter));
    }

    @Test
    void agreesOnRandomCombinations() {
        List<Cql2Expr> atoms = filters().map(Cql2::parseText).toList();
        Random random = new Random(7);
        for (int i = 0; i < 150; i++) {
            Cql2Expr expr = randomExpression(random, atoms, 3);
            assertAgrees(expr.toString(), expr);
        }
    }

    private static Cql2Expr randomExpression(Random random, List<Cql2Expr> atoms, int depth) {
        Cql2Expr expr;
        if (depth == 0 || random.nextInt(3) == 0) {
            expr = pick(random, atoms);
        } else {
            List<Cql2Expr> args = new ArrayList<>();
            for (int i = 0; i < 2 + random.nextInt(2); i++) {
                args.add(randomExpression(random, atoms, depth - 1));
            }
            expr = random.nextBoolean() ? new And(args) : new Or(args);
        }
        return random.nextInt(4) == 0 ? new Not(expr) : expr;
    }

    @Test
    void rechecksOnlyFiltersThatReadAnInstantFromAnOpenProperty() {
        assertThat(Cql2SqlRenderer.needsRecheck(Cql2.parseText("mission = 'x' AND mission > 4"), target))
                .isFalse();
        assertThat(Cql2SqlRenderer.needsRecheck(
                        Cql2.parseText("mission = 'x' OR launched > DATE('2024-01-10')"), target))
                .isTrue();
        assertThat(Cql2SqlRenderer.needsRecheck(Cql2.parseText("created > DATE('2024-01-10')"), target))
                .isFalse();
    }

    @Test
    void bindsHostilePropertyNames() {
        for (String name : List.of("it's", "a\"b", "x'); DROP TABLE items; --", "?", "$1", "é".repeat(200))) {
            var filter = JsonNodeFactory.instance.objectNode().put("op", "=");
            filter.putArray("args")
                    .add(JsonNodeFactory.instance.objectNode().put("property", name))
                    .add("x");
            assertAgrees(name, Cql2.parseJson(filter));
        }
    }

    private void assertAgrees(String label, Cql2Expr expr) {
        SqlFragment where = Cql2SqlRenderer.render(expr, target);
        Set<String> selected = new TreeSet<>(jdbc.sql("SELECT id FROM " + table + " WHERE " + where.sql())
                .params(where.params())
                .query(String.class)
                .list());
        Set<String> expected = items.stream()
                .filter(item -> Cql2Evaluator.matches(expr, item.view()))
                .map(Item::id)
                .collect(Collectors.toCollection(TreeSet::new));
        if (Cql2SqlRenderer.needsRecheck(expr, target)) {
            // A prefilter: the recheck in Java then keeps exactly the expected items.
            assertThat(selected).as(label + "\n" + where.sql()).containsAll(expected);
        } else {
            assertThat(selected).as(label + "\n" + where.sql()).isEqualTo(expected);
        }
    }
}
