package org.isotherm.stac.cql2;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Envelope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class Cql2EvaluatorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ItemView item(String properties) {
        JsonNode node = JSON.readTree(properties);
        return new ItemView(
                node,
                Cql2Geometries.FACTORY.toGeometry(new Envelope(0, 2, 0, 2)),
                Instant.parse("2024-01-10T00:00:00Z"),
                Instant.parse("2024-01-20T00:00:00Z"));
    }

    private static Boolean eval(String cql2, String properties) {
        return Cql2Evaluator.evaluate(Cql2.parseText(cql2), item(properties));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "landsat-8 | landsat% | true",
                "landsat-8 | %8 | true",
                "landsat-8 | land_at-8 | true",
                "landsat-8 | land_t-8 | false",
                "landsat-8 | %sat%8% | true",
                "landsat-8 | landsat | false",
                "land_sat | land\\_sat | true",
                "landxsat | land\\_sat | false",
                "100% | 100\\% | true",
                "1000 | 100\\% | false",
                "a\\b | a\\\\b | true",
                "'' | % | true",
                "abc | a%%c | true",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaab | %a%a%a%a%a%a%a%a%c | false"
            })
    void matchesLikePatterns(String text, String pattern, boolean expected) {
        String value = text.equals("''") ? "" : text;
        assertThat(Cql2Evaluator.like(value, pattern)).isEqualTo(expected);
    }

    @Test
    void matchesLikeOnALongHostileInputWithoutBacktrackingBlowUp() {
        String text = "a".repeat(20_000);
        String pattern = "%a".repeat(500) + "b";
        assertThat(Cql2Evaluator.like(text, pattern)).isFalse();
    }

    @Test
    void usesThreeValuedLogicForMissingProperties() {
        assertThat(eval("gsd > 10", "{}")).isNull();
        assertThat(eval("NOT gsd > 10", "{}")).isNull();
        assertThat(eval("gsd > 10 OR TRUE", "{}")).isTrue();
        assertThat(eval("gsd > 10 AND FALSE", "{}")).isFalse();
        assertThat(eval("gsd IS NULL", "{\"gsd\":null}")).isTrue();
        assertThat(eval("gsd IN (1, 2)", "{}")).isNull();
        assertThat(eval("gsd BETWEEN 1 AND 2", "{\"gsd\":3}")).isFalse();
        assertThat(Cql2Evaluator.matches(Cql2.parseText("NOT gsd > 10"), item("{}")))
                .isFalse();
    }

    @Test
    void comparesNumbersStringsBooleansAndTimestamps() {
        assertThat(eval("gsd = 30", "{\"gsd\":30.0}")).isTrue();
        assertThat(eval("platform < 'm'", "{\"platform\":\"landsat\"}")).isTrue();
        assertThat(eval("flag = TRUE", "{\"flag\":true}")).isTrue();
        assertThat(eval("created > TIMESTAMP('2024-01-01T00:00:00Z')", "{\"created\":\"2024-01-01T00:00:01Z\"}"))
                .isTrue();
        assertThat(eval("created = DATE('2024-01-01')", "{\"created\":\"2024-01-01T00:00:00Z\"}"))
                .isTrue();
        assertThat(eval("gsd = 'x'", "{\"gsd\":1}")).isNull();
    }

    @Test
    void foldsCaseAndAccents() {
        assertThat(eval("CASEI(platform) = CASEI('LANDSAT')", "{\"platform\":\"Landsat\"}"))
                .isTrue();
        assertThat(eval("ACCENTI(place) = ACCENTI('Evora')", "{\"place\":\"Évora\"}"))
                .isTrue();
        assertThat(eval("ACCENTI(place) = 'Evora'", "{\"place\":\"Évora\"}")).isTrue();
        assertThat(eval("place = 'Evora'", "{\"place\":\"Évora\"}")).isFalse();
    }

    @Test
    void evaluatesSpatialPredicatesExactly() {
        assertThat(eval("S_INTERSECTS(geometry, POINT(2 2))", "{}")).isTrue();
        assertThat(eval("S_TOUCHES(geometry, POINT(2 2))", "{}")).isTrue();
        assertThat(eval("S_CONTAINS(geometry, POINT(1 1))", "{}")).isTrue();
        assertThat(eval("S_CONTAINS(geometry, POINT(2 2))", "{}")).isFalse();
        assertThat(eval("S_WITHIN(geometry, BBOX(-1, -1, 3, 3))", "{}")).isTrue();
        assertThat(eval("S_DISJOINT(geometry, BBOX(3, 3, 4, 4))", "{}")).isTrue();
        assertThat(eval("S_OVERLAPS(geometry, BBOX(1, 1, 3, 3))", "{}")).isTrue();
        assertThat(eval("S_CROSSES(geometry, LINESTRING(-1 1, 3 1))", "{}")).isTrue();
        assertThat(eval("S_EQUALS(geometry, POLYGON((0 0, 0 2, 2 2, 2 0, 0 0)))", "{}"))
                .isTrue();
        assertThat(eval("S_INTERSECTS(geometry, BBOX(179, -1, -179, 1))", "{}")).isFalse();
    }

    @Test
    void evaluatesTemporalPredicatesOnTheItemInterval() {
        assertThat(eval("T_INTERSECTS(datetime, DATE('2024-01-15'))", "{}")).isTrue();
        assertThat(eval("T_CONTAINS(datetime, INTERVAL('2024-01-15', '2024-01-16'))", "{}"))
                .isTrue();
        assertThat(eval("T_DURING(datetime, INTERVAL('2024-01-01', '..'))", "{}"))
                .isTrue();
        assertThat(eval("T_AFTER(datetime, INTERVAL('..', '2024-01-09'))", "{}"))
                .isTrue();
        assertThat(eval("T_MEETS(datetime, INTERVAL('2024-01-20', '2024-02-01'))", "{}"))
                .isTrue();
        assertThat(eval("T_METBY(datetime, INTERVAL('2024-01-01', '2024-01-10T00:00:00Z'))", "{}"))
                .isTrue();
        assertThat(eval("T_STARTS(datetime, INTERVAL('2024-01-10', '2024-01-21'))", "{}"))
                .isTrue();
        assertThat(eval("T_FINISHES(datetime, INTERVAL('2024-01-09', '2024-01-20T00:00:00Z'))", "{}"))
                .isTrue();
        assertThat(eval("T_OVERLAPS(datetime, INTERVAL('2024-01-15', '2024-01-25'))", "{}"))
                .isTrue();
        assertThat(eval("T_OVERLAPPEDBY(datetime, INTERVAL('2024-01-05', '2024-01-15'))", "{}"))
                .isTrue();
        assertThat(eval("T_BEFORE(datetime, DATE('2024-01-20'))", "{}")).isFalse();
        assertThat(eval("T_DISJOINT(datetime, DATE('2024-01-21'))", "{}")).isTrue();
        assertThat(eval("T_EQUALS(datetime, INTERVAL('2024-01-10', '2024-01-20T00:00:00Z'))", "{}"))
                .isTrue();
        assertThat(eval("T_EQUALS(datetime, INTERVAL('2024-01-10', '2024-01-20'))", "{}"))
                .isFalse();
        assertThat(eval("T_DURING(datetime, INTERVAL('2024-01-10T00:00:00Z', '2024-01-20'))", "{}"))
                .isFalse();
        assertThat(eval("T_DURING(datetime, INTERVAL('2024-01-09T23:00:00Z', '2024-01-20'))", "{}"))
                .isTrue();
        assertThat(eval("T_AFTER(datetime, DATE('2024-01-09'))", "{}")).isTrue();
        assertThat(eval("T_INTERSECTS(datetime, DATE('2024-01-20'))", "{}")).isTrue();
        assertThat(eval("T_BEFORE(datetime, DATE('2024-01-21'))", "{}")).isTrue();
        assertThat(eval("T_AFTER(created, DATE('2024-01-01'))", "{}")).isNull();
    }

    @Test
    void evaluatesArrayPredicates() {
        String item = "{\"instruments\":[\"oli\",\"tirs\"],\"scalar\":\"oli\"}";
        assertThat(eval("A_CONTAINS(instruments, ('oli'))", item)).isTrue();
        assertThat(eval("A_CONTAINS(instruments, ('oli', 'msi'))", item)).isFalse();
        assertThat(eval("A_CONTAINEDBY(instruments, ('oli', 'tirs', 'msi'))", item))
                .isTrue();
        assertThat(eval("A_EQUALS(instruments, ('oli', 'tirs'))", item)).isTrue();
        assertThat(eval("A_EQUALS(instruments, ('tirs', 'oli', 'tirs'))", item)).isTrue();
        assertThat(eval("A_EQUALS(instruments, ('tirs'))", item)).isFalse();
        assertThat(eval("A_OVERLAPS(instruments, ('msi', 'tirs'))", item)).isTrue();
        assertThat(eval("A_OVERLAPS(instruments, ())", item)).isFalse();
        assertThat(eval("A_CONTAINEDBY(scalar, ('oli'))", item)).isFalse();
        assertThat(eval("A_CONTAINS(missing, ('oli'))", item)).isNull();
    }
}
