package org.isotherm.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
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
                "{\"type\":\"GeometryCollection\",\"geometries\":{}}"
            })
    void refusesWhatIsNotAGeometry(String geojson) {
        assertThatThrownBy(() -> GeoJsonGeometries.read(JSON.readTree(geojson)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("null");
    }
}
