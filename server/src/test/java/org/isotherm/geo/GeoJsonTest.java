package org.isotherm.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.isotherm.geo.InvalidGeoJsonException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GeoJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SQUARE = "[[[8.0,49.0],[8.1,49.0],[8.1,49.1],[8.0,49.1],[8.0,49.0]]]";

    @Test
    void acceptsPolygonMultiPolygonFeatureAndCollectionOfOne() {
        var polygon = "{\"type\":\"Polygon\",\"coordinates\":" + SQUARE + "}";
        var multi = "{\"type\":\"MultiPolygon\",\"coordinates\":[" + SQUARE + "]}";
        var feature = "{\"type\":\"Feature\",\"properties\":{},\"geometry\":" + multi + "}";
        var collection = "{\"type\":\"FeatureCollection\",\"features\":[" + feature + "]}";

        for (var text : List.of(polygon, multi, feature, collection)) {
            var aoi = GeoJson.parse(json(text));
            assertThat(aoi.polygon().getArea()).isCloseTo(0.01, org.assertj.core.data.Offset.offset(1e-12));
        }
        assertThat(GeoJson.parse(json(feature)).geometry()).isEqualTo(json(multi));
        assertThat(GeoJson.parse(json(collection)).geometry()).isEqualTo(json(multi));
    }

    @Test
    void acceptsValidHoles() {
        var aoi = GeoJson.parse(json("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[10,0],[10,10],[0,10],[0,0]],"
                + "[[2,2],[2,4],[4,4],[4,2],[2,2]]]}"));

        assertThat(aoi.polygon().getNumInteriorRing()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "[[[0,0],[1,0],[1,1],[0,0.5]]] | The exterior ring is not closed: its first position (0.0, 0.0) differs"
                        + " from its last (0.0, 0.5)",
                "[[[0,0],[1,0],[0,0]]] | The exterior ring has 3 positions; a ring needs at least 4",
                "[[[0,0],[181,0],[1,1],[0,0]]] | Longitude 181.0 at coordinates[0][1] is out of range: it must be"
                        + " between -180 and 180",
                "[[[0,0],[1,0],[1,-90.5],[0,0]]] | Latitude -90.5 at coordinates[0][2] is out of range",
                "[[[0,0],[2,2],[2,0],[0,2],[0,0]]] | Invalid polygon: Self-intersection at or near (1.0, 1.0)",
                "[[[0,0],[10,0],[10,10],[0,10],[0,0]],[[20,20],[20,21],[21,21],[20,20]]] | Invalid polygon: Hole lies"
                        + " outside shell at or near (20.0, 20.0)",
                "[[[0,0],[1,0],[1,1],[0,1],[0,0]],[[0,0],[1,0],[1,1]]] | Interior ring 1 has 3 positions",
                "[[[179.5,10],[-179.5,10],[-179.5,11],[179.5,11],[179.5,10]]] | The exterior ring crosses the"
                        + " antimeridian between (179.5, 10.0) and (-179.5, 10.0)",
                "[] | The polygon has no rings",
            })
    void rejectsInvalidGeometryNamingTheProblem(String coordinates, String message) {
        var node = json("{\"type\":\"Polygon\",\"coordinates\":" + coordinates + "}");

        assertThatThrownBy(() -> GeoJson.parse(node))
                .isInstanceOf(InvalidGeometryException.class)
                .hasMessageStartingWith(message);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"type\":\"Point\",\"coordinates\":[1,2]} | Unsupported geometry type Point",
                "{\"type\":\"LineString\",\"coordinates\":[[1,2],[3,4]]} | Unsupported geometry type LineString",
                "{\"type\":\"MultiPolygon\",\"coordinates\":[" + SQUARE + "," + SQUARE
                        + "]} | A MultiPolygon must hold exactly one polygon; this one holds 2",
                "{\"type\":\"FeatureCollection\",\"features\":[]} | A FeatureCollection must hold exactly one feature;"
                        + " this one holds 0",
                "{\"type\":\"Feature\",\"geometry\":null} | The Feature has no geometry",
            })
    void rejectsWhatIsNotOnePolygon(String geojson, String message) {
        assertThatThrownBy(() -> GeoJson.parse(json(geojson)))
                .isInstanceOf(InvalidGeometryException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void reportsWrongShapesWithTheirPath() {
        assertShape("[1,2]", List.of(), Problem.NOT_AN_OBJECT);
        assertShape("{\"coordinates\":[]}", List.of("type"), Problem.MISSING);
        assertShape("{\"type\":7}", List.of("type"), Problem.NOT_A_STRING);
        assertShape("{\"type\":\"Circle\"}", List.of("type"), Problem.UNKNOWN_TYPE);
        assertShape("{\"type\":\"Polygon\"}", List.of("coordinates"), Problem.MISSING);
        assertShape("{\"type\":\"Polygon\",\"coordinates\":{}}", List.of("coordinates"), Problem.NOT_AN_ARRAY);
        assertShape(
                "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,\"x\"]]]}",
                List.of("coordinates", 0, 1, 1),
                Problem.NOT_A_NUMBER);
        assertShape(
                "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1]]]}",
                List.of("coordinates", 0, 1),
                Problem.TOO_SHORT);
        assertShape(
                "{\"type\":\"Feature\",\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[[5]]}}",
                List.of("geometry", "coordinates", 0, 0),
                Problem.NOT_AN_ARRAY);
        assertShape(
                "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\"}]}",
                List.of("features", 0, "geometry"),
                Problem.MISSING);
    }

    @Test
    void limitsVerticesToTenThousand() {
        assertThat(GeoJson.parse(circle(GeoJson.MAX_VERTICES)).polygon().getNumPoints())
                .isEqualTo(GeoJson.MAX_VERTICES);

        assertThatThrownBy(() -> GeoJson.parse(circle(GeoJson.MAX_VERTICES + 1)))
                .isInstanceOf(InvalidGeometryException.class)
                .hasMessage("The polygon has more than 10000 vertices");
    }

    @Test
    void neverFailsOtherwiseOnRandomCoordinates() {
        var random = new Random(20261127);
        for (int i = 0; i < 500; i++) {
            var ring = new StringBuilder("[");
            int n = 1 + random.nextInt(8);
            for (int p = 0; p < n; p++) {
                ring.append(p == 0 ? "" : ",")
                        .append('[')
                        .append(random.nextDouble() * 400 - 200)
                        .append(',')
                        .append(random.nextDouble() * 200 - 100)
                        .append(']');
            }
            var node = json("{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]]}");
            try {
                GeoJson.parse(node);
            } catch (InvalidGeometryException | InvalidGeoJsonException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }

    static JsonNode circle(int vertices) {
        var ring = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        for (int i = 0; i < vertices - 1; i++) {
            double angle = 2 * Math.PI * i / (vertices - 1);
            ring.append(i == 0 ? "" : ",")
                    .append('[')
                    .append(10 + 0.05 * Math.cos(angle))
                    .append(',')
                    .append(50 + 0.05 * Math.sin(angle))
                    .append(']');
        }
        ring.append(",[10.05,50.0]]]}");
        return json(ring.toString());
    }

    private static void assertShape(String geojson, List<Object> path, Problem problem) {
        assertThatThrownBy(() -> GeoJson.parse(json(geojson)))
                .isInstanceOfSatisfying(InvalidGeoJsonException.class, e -> {
                    assertThat(e.path()).isEqualTo(path);
                    assertThat(e.problem()).isEqualTo(problem);
                });
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
