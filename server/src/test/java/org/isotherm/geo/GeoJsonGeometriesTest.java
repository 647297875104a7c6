package org.isotherm.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.isotherm.geo.InvalidGeoJsonException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import tools.jackson.databind.json.JsonMapper;

class GeoJsonGeometriesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"type\":\"Point\",\"coordinates\":[12.5,41.9]}",
                "{\"type\":\"Point\",\"coordinates\":[12.5,41.9,35.0]}",
                "{\"type\":\"MultiPoint\",\"coordinates\":[[0,0],[1,1]]}",
                "{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,1],[2,0]]}",
                "{\"type\":\"MultiLineString\",\"coordinates\":[[[0,0],[1,1]],[[2,2],[3,3]]]}",
                "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[4,0],[4,4],[0,4],[0,0]]]}",
                "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[4,0],[4,4],[0,4],[0,0]],[[1,1],[1,2],[2,2],[1,1]]]}",
                "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0],[1,0],[1,1],[0,0]]],[[[5,5],[6,5],[6,6],[5,5]]]]}",
                "{\"type\":\"GeometryCollection\",\"geometries\":[{\"type\":\"Point\",\"coordinates\":[1,2]},"
                        + "{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,1]]}]}",
                "{\"type\":\"Polygon\",\"coordinates\":[[[-10.5,35.25],[-10.2,35.25],[-10.2,35.5],[-10.5,35.5],"
                        + "[-10.5,35.25]]],\"bbox\":[-10.5,35.25,-10.2,35.5]}"
            })
    void readsEveryGeometryTypeAsJtsOwnReaderDoes(String geojson) throws Exception {
        var ours = GeoJsonGeometries.read(JSON.readTree(geojson));
        var theirs = new GeoJsonReader().read(geojson);

        assertThat(ours.getGeometryType()).isEqualTo(theirs.getGeometryType());
        assertThat(ours.equalsExact(theirs)).as(ours + " vs " + theirs).isTrue();
        assertThat(ours.getCoordinates()).containsExactly(theirs.getCoordinates());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[1,2]",
                "{\"type\":\"Circle\",\"coordinates\":[1,2]}",
                "{\"type\":\"Point\"}",
                "{\"type\":\"Point\",\"coordinates\":[\"1\",2]}",
                "{\"type\":\"Point\",\"coordinates\":[1]}",
                "{\"type\":\"LineString\",\"coordinates\":[[0,0]]}",
                "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}",
                "{\"type\":\"MultiPolygon\",\"coordinates\":[1,2]}",
                "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[0,0]]]}",
                "{\"type\":\"GeometryCollection\",\"geometries\":{}}"
            })
    void refusesWhatIsNotAGeometry(String geojson) {
        assertThatThrownBy(() -> GeoJsonGeometries.read(JSON.readTree(geojson)))
                .isInstanceOf(InvalidGeoJsonException.class)
                .hasMessageNotContaining("null");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "[1,2]                                                             | NOT_AN_OBJECT | ''",
                "{\"type\":\"Circle\",\"coordinates\":[1,2]}                            | UNKNOWN_TYPE  | /type",
                "{\"type\":7,\"coordinates\":[1,2]}                                   | NOT_A_STRING  | /type",
                "{\"coordinates\":[1,2]}                                              | MISSING       | /type",
                "{\"type\":\"Point\"}                                                   | MISSING       | /coordinates",
                "{\"type\":\"Point\",\"coordinates\":[1]}                               | TOO_SHORT     | /coordinates",
                "{\"type\":\"MultiPoint\",\"coordinates\":[[0,0],5]}                     | NOT_AN_ARRAY  | /coordinates/1",
                "{\"type\":\"LineString\",\"coordinates\":[[0,0]]}                        | NOT_A_LINE    | /coordinates",
                "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,\"x\"],[1,1],[0,0]]]}     | NOT_A_NUMBER  | /coordinates/0/1/1",
                "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}       | NOT_A_RING    | /coordinates/0",
                "{\"type\":\"Polygon\",\"coordinates\":[[],[[0,0],[1,0],[1,1],[0,0]]]}    | NOT_A_RING    | /coordinates/0",
                "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0],[1,0],[0,0]]]]}       | NOT_A_RING    | /coordinates/0/0",
                "{\"type\":\"GeometryCollection\",\"geometries\":[{\"type\":\"Point\"}]}   | MISSING       | /geometries/0/coordinates"
            })
    void saysWhatIsWrongAndWhere(String geojson, Problem problem, String pointer) {
        assertThatThrownBy(() -> GeoJsonGeometries.read(JSON.readTree(geojson)))
                .isInstanceOfSatisfying(InvalidGeoJsonException.class, e -> {
                    assertThat(e.problem()).isEqualTo(problem);
                    assertThat(e.pointer()).isEqualTo(pointer);
                });
    }

    @Test
    void keepsEmptyGeometriesAndIgnoresPositionMembersBeyondTheHeight() {
        assertThat(GeoJsonGeometries.read(JSON.readTree("{\"type\":\"Point\",\"coordinates\":[]}"))
                        .isEmpty())
                .isTrue();
        var point = GeoJsonGeometries.read(JSON.readTree("{\"type\":\"Point\",\"coordinates\":[1,2,3,\"x\"]}"));
        assertThat(point.getCoordinate().getZ()).isEqualTo(3.0);
        assertThat(point.getSRID()).isEqualTo(4326);
    }
}
