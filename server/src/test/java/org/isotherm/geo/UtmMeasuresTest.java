package org.isotherm.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class UtmMeasuresTest {

    private static final JsonNode CASES = readCases();

    /**
     * Expected values computed independently with PROJ 9.1.1 through Debian's python3-pyproj 3.4.1 by
     * {@code src/test/resources/geo/utm_measures.py} over the polygons of {@code measure-cases.json}; re-run it
     * to check or extend them. The cases cover both hemispheres, both sides of Greenwich, zones 10 to 60, a centre
     * on a zone boundary, a polygon touching longitude 180, one far from its zone's meridian and one with a hole.
     */
    static Stream<Arguments> pyprojReferenceValues() {
        return Stream.of(
                Arguments.of("guideExample", 74218.0, 72561.2, 4728768008.0),
                Arguments.of("guideAoi", 1008.6, 1008.6, 1000056.7),
                Arguments.of("portugalWestOfGreenwich", 18364.1, 14630.8, 239153931.7),
                Arguments.of("californiaZone10", 12745.3, 12526.1, 99089206.3),
                Arguments.of("saoPauloSouth", 15490.5, 15682.8, 184822186.3),
                Arguments.of("kenyaWithHole", 22285.0, 22141.9, 461789130.3),
                Arguments.of("fijiZone60South", 170124.6, 40645.9, 5456680894.0),
                Arguments.of("chukotkaTouching180", 24443.0, 23295.8, 523802050.7),
                Arguments.of("centreOnZoneBoundary", 15335.6, 11693.9, 165864292.3),
                Arguments.of("tasmaniaFarFromMeridian", 49063.3, 33372.4, 1630550875.2),
                Arguments.of("svalbardHighNorth", 16279.9, 24754.7, 253079971.1),
                Arguments.of("equatorStraddling", 11138.2, 8851.2, 98582672.1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pyprojReferenceValues")
    void matchesPyprojReferenceValues(String name, double width, double height, double area) {
        var polygon = GeoJson.parse(CASES.get(name)).polygon();

        assertThat(UtmMeasures.of(polygon)).isEqualTo(new UtmMeasures(width, height, area));
    }

    @Test
    void reproducesTheGuideExampleToTheDecimal() {
        var measures = UtmMeasures.of(GeoJson.parse(CASES.get("guideExample")).polygon());

        assertThat(measures.bboxWidth()).isEqualTo(74218.0);
        assertThat(measures.bboxHeight()).isEqualTo(72561.2);
        assertThat(measures.area()).isEqualTo(4728768008.0);
    }

    @Test
    void choosesZonesByTheFormulaOfTheProductSheet() {
        assertThat(UtmMeasures.zone(-180)).isEqualTo(1);
        assertThat(UtmMeasures.zone(-174.0001)).isEqualTo(1);
        assertThat(UtmMeasures.zone(-174)).isEqualTo(2);
        assertThat(UtmMeasures.zone(0)).isEqualTo(31);
        assertThat(UtmMeasures.zone(11.5)).isEqualTo(32);
        assertThat(UtmMeasures.zone(12)).isEqualTo(33);
        assertThat(UtmMeasures.zone(179.99)).isEqualTo(60);
        assertThat(UtmMeasures.zone(180)).isEqualTo(60);
    }

    @Test
    void truncatesInsteadOfRounding() {
        assertThat(UtmMeasures.truncate(74218.0017)).isEqualTo(74218.0);
        assertThat(UtmMeasures.truncate(72561.2764)).isEqualTo(72561.2);
        assertThat(UtmMeasures.truncate(0.99)).isEqualTo(0.9);
    }

    private static JsonNode readCases() {
        try (InputStream in = UtmMeasuresTest.class.getResourceAsStream("/geo/measure-cases.json")) {
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
