package org.isotherm.aoi;

import static org.assertj.core.api.Assertions.assertThat;

import org.isotherm.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class GeometryInfoIT extends IntegrationTest {

    static final String GUIDE_FEATURE = """
            {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[11.053963, 51.690862],
            [11.976814, 51.690862], [11.976814, 51.059955], [10.944099, 51.073763], [11.053963, 51.690862]]]}}""";

    @Test
    void reproducesTheGuideExampleExactly() {
        var response = fixtures.workspace().http().post("/areas-of-interest/geometry-info", GUIDE_FEATURE);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"bbox_width\":74218.0,\"bbox_height\":72561.2,\"area\":4728768008.0}");
        assertThat(response.json().get("area").doubleValue()).isEqualTo(4728768008.0);
    }

    @Test
    void acceptsBareGeometriesAndCollectionsOfOne() {
        var http = fixtures.workspace().http();
        var polygon =
                GUIDE_FEATURE.substring(GUIDE_FEATURE.indexOf("{\"type\": \"Polygon\""), GUIDE_FEATURE.length() - 1);

        var bare = http.post("/areas-of-interest/geometry-info", polygon);
        var collection = http.post(
                "/areas-of-interest/geometry-info",
                "{\"type\":\"FeatureCollection\",\"features\":[" + GUIDE_FEATURE + "]}");

        assertThat(bare.json().get("bbox_width").doubleValue()).isEqualTo(74218.0);
        assertThat(collection.json().get("bbox_height").doubleValue()).isEqualTo(72561.2);
    }

    @Test
    void rejectsInvalidGeometryWith400AndBadShapesWith422() {
        var http = fixtures.workspace().http();

        var selfIntersecting = http.post(
                "/areas-of-interest/geometry-info",
                "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[2,2],[2,0],[0,2],[0,0]]]}");
        var notANumber = http.post(
                "/areas-of-interest/geometry-info",
                "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[2,null]]]}}");

        assertThat(selfIntersecting.status()).isEqualTo(400);
        assertThat(selfIntersecting.body())
                .isEqualTo("{\"detail\":\"Invalid polygon: Self-intersection at or near (1.0, 1.0)\"}");
        assertThat(notANumber.status()).isEqualTo(422);
        assertThat(notANumber.body())
                .isEqualTo("{\"detail\":[{\"loc\":[\"body\",\"geometry\",\"coordinates\",0,1,1],\"msg\":\"Input"
                        + " should be a valid number\",\"type\":\"float_type\"}]}");
    }

    @Test
    void requiresCredentials() {
        assertThat(http().post("/areas-of-interest/geometry-info", GUIDE_FEATURE)
                        .status())
                .isEqualTo(401);
    }
}
