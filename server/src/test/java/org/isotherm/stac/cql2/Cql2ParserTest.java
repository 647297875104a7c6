package org.isotherm.stac.cql2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.isotherm.stac.cql2.Cql2Expr.And;
import org.isotherm.stac.cql2.Cql2Expr.ArrayLiteral;
import org.isotherm.stac.cql2.Cql2Expr.ArrayOp;
import org.isotherm.stac.cql2.Cql2Expr.ArrayPredicate;
import org.isotherm.stac.cql2.Cql2Expr.Between;
import org.isotherm.stac.cql2.Cql2Expr.BooleanLiteral;
import org.isotherm.stac.cql2.Cql2Expr.CaseI;
import org.isotherm.stac.cql2.Cql2Expr.Comparison;
import org.isotherm.stac.cql2.Cql2Expr.ComparisonOp;
import org.isotherm.stac.cql2.Cql2Expr.DateLiteral;
import org.isotherm.stac.cql2.Cql2Expr.GeometryLiteral;
import org.isotherm.stac.cql2.Cql2Expr.In;
import org.isotherm.stac.cql2.Cql2Expr.IntervalLiteral;
import org.isotherm.stac.cql2.Cql2Expr.IsNull;
import org.isotherm.stac.cql2.Cql2Expr.Like;
import org.isotherm.stac.cql2.Cql2Expr.Not;
import org.isotherm.stac.cql2.Cql2Expr.NumberLiteral;
import org.isotherm.stac.cql2.Cql2Expr.OpenBound;
import org.isotherm.stac.cql2.Cql2Expr.Or;
import org.isotherm.stac.cql2.Cql2Expr.PropertyRef;
import org.isotherm.stac.cql2.Cql2Expr.SpatialOp;
import org.isotherm.stac.cql2.Cql2Expr.SpatialPredicate;
import org.isotherm.stac.cql2.Cql2Expr.StringLiteral;
import org.isotherm.stac.cql2.Cql2Expr.TemporalOp;
import org.isotherm.stac.cql2.Cql2Expr.TemporalPredicate;
import org.isotherm.stac.cql2.Cql2Expr.TimestampLiteral;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;

class Cql2ParserTest {

    record Example(String name, String text, String json) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Example> specExamples() throws IOException {
        List<Example> examples = new ArrayList<>();
        try (InputStream in = Cql2ParserTest.class.getResourceAsStream("/cql2/spec-examples.txt")) {
            String name = null;
            String text = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("[")) {
                    name = line.substring(1, line.length() - 1);
                } else if (line.startsWith("text = ")) {
                    text = line.substring("text = ".length());
                } else if (line.startsWith("json = ")) {
                    examples.add(new Example(name, text, line.substring("json = ".length())));
                }
            }
        }
        return examples;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specExamples")
    void parsesSpecExampleTextAndJsonToTheSameTree(Example example) {
        Cql2Expr fromText = Cql2.parseText(example.text());
        Cql2Expr fromJson = Cql2.parseJson(example.json());
        assertThat(fromText).isEqualTo(fromJson);
    }

    @Test
    void coversTheSpecExamplesOfEverySupportedClass() throws IOException {
        assertThat(specExamples()).hasSizeGreaterThanOrEqualTo(75);
    }

    @Test
    void buildsTheExpectedTreeForALogicalFilter() {
        Cql2Expr expr = Cql2.parseText(
                "eo:cloud_cover < 20 AND (platform = 'landsat-8' OR NOT gsd >= 30) AND instrument IS NOT NULL");
        assertThat(expr)
                .isEqualTo(new And(List.of(
                        new Comparison(ComparisonOp.LT, prop("eo:cloud_cover"), num(20)),
                        new Or(List.of(
                                new Comparison(ComparisonOp.EQ, prop("platform"), new StringLiteral("landsat-8")),
                                new Not(new Comparison(ComparisonOp.GE, prop("gsd"), num(30))))),
                        new Not(new IsNull(prop("instrument"))))));
    }

    @Test
    void bindsAndTighterThanOr() {
        assertThat(Cql2.parseText("a = 1 OR b = 2 AND c = 3"))
                .isEqualTo(new Or(List.of(
                        new Comparison(ComparisonOp.EQ, prop("a"), num(1)),
                        new And(List.of(
                                new Comparison(ComparisonOp.EQ, prop("b"), num(2)),
                                new Comparison(ComparisonOp.EQ, prop("c"), num(3)))))));
    }

    @Test
    void readsKeywordsCaseInsensitively() {
        assertThat(Cql2.parseText("x not between 1 and 2 or Y like 'a%' and z iS nOt NuLl"))
                .isEqualTo(Cql2.parseText("x NOT BETWEEN 1 AND 2 OR Y LIKE 'a%' AND z IS NOT NULL"));
        assertThat(Cql2.parseText("s_intersects(geometry, bbox(0,0,1,1))"))
                .isEqualTo(Cql2.parseText("S_INTERSECTS(geometry, BBOX(0,0,1,1))"));
    }

    @Test
    void readsLiteralsOfEveryType() {
        assertThat(Cql2.parseText("a = 'it''s' AND b = -1.5e2 AND c = FALSE AND d = TIMESTAMP('2024-01-31T12:00:00.5Z')"
                        + " AND e = DATE('2024-02-29')"))
                .isEqualTo(new And(List.of(
                        new Comparison(ComparisonOp.EQ, prop("a"), new StringLiteral("it's")),
                        new Comparison(ComparisonOp.EQ, prop("b"), new NumberLiteral(new BigDecimal("-150"))),
                        new Comparison(ComparisonOp.EQ, prop("c"), new BooleanLiteral(false)),
                        new Comparison(
                                ComparisonOp.EQ,
                                prop("d"),
                                new TimestampLiteral(Instant.parse("2024-01-31T12:00:00.500Z"))),
                        new Comparison(ComparisonOp.EQ, prop("e"), new DateLiteral(LocalDate.of(2024, 2, 29))))));
    }

    @Test
    void readsBackslashQuoteAsAQuoteInsideStrings() {
        assertThat(Cql2.parseText("a = 'it\\'s'")).isEqualTo(Cql2.parseText("a = 'it''s'"));
    }

    @Test
    void acceptsABooleanLiteralAsWholeFilter() {
        assertThat(Cql2.parseText("TRUE")).isEqualTo(new BooleanLiteral(true));
        assertThat(Cql2.parseJson("false")).isEqualTo(new BooleanLiteral(false));
    }

    @Test
    void readsOpenIntervalsInBothEncodings() {
        Cql2Expr expected = new TemporalPredicate(
                TemporalOp.T_INTERSECTS,
                prop("datetime"),
                new IntervalLiteral(new DateLiteral(LocalDate.of(2024, 1, 1)), new OpenBound()));
        assertThat(Cql2.parseText("T_INTERSECTS(datetime, INTERVAL('2024-01-01', '..'))"))
                .isEqualTo(expected);
        assertThat(
                        Cql2.parseJson(
                                "{\"op\":\"t_intersects\",\"args\":[{\"property\":\"datetime\"},{\"interval\":[\"2024-01-01\",\"..\"]}]}"))
                .isEqualTo(expected);
    }

    @Test
    void readsAnAntimeridianBboxAsTwoPolygons() {
        Cql2Expr expr = Cql2.parseText("S_INTERSECTS(geometry, BBOX(170, -10, -170, 10))");
        Geometry bbox = ((GeometryLiteral) ((SpatialPredicate) expr).right()).geometry();
        assertThat(bbox).isInstanceOf(MultiPolygon.class);
        assertThat(bbox.getArea()).isEqualTo(400.0);
        assertThat(
                        Cql2.parseJson(
                                "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"bbox\":[170,-10,-170,10]}]}"))
                .isEqualTo(expr);
    }

    @Test
    void readsArraysAndInLists() {
        assertThat(Cql2.parseText("A_OVERLAPS(instruments, ('tirs', 'oli')) AND x IN ()"))
                .isEqualTo(new And(List.of(
                        new ArrayPredicate(
                                ArrayOp.A_OVERLAPS,
                                prop("instruments"),
                                new ArrayLiteral(List.of(new StringLiteral("tirs"), new StringLiteral("oli")))),
                        new In(prop("x"), List.of()))));
    }

    @Test
    void readsBetweenWithItsBoundsAsAnArray() {
        var expected = Cql2.parseText("eo:cloud_cover BETWEEN 0 AND 50");
        assertThat(Cql2.parseJson("{\"op\":\"between\",\"args\":[{\"property\":\"eo:cloud_cover\"},[0,50]]}"))
                .isEqualTo(expected);
        assertThat(Cql2.parseJson("{\"op\":\"between\",\"args\":[{\"property\":\"eo:cloud_cover\"},0,50]}"))
                .isEqualTo(expected);
        assertThatThrownBy(() -> Cql2.parseJson("{\"op\":\"between\",\"args\":[{\"property\":\"a\"},[1,2,3]]}"))
                .hasMessage("Invalid CQL2 JSON at /args/1: 'between' needs [low, high], not 3 values");
        assertThatThrownBy(() -> Cql2.parseJson("{\"op\":\"between\",\"args\":[{\"property\":\"a\"}]}"))
                .hasMessage("Invalid CQL2 JSON at /args: 'between' takes 3 arguments (value, low, high) or 2"
                        + " (value, [low, high]), not 1");
    }

    @Test
    void keepsCaseInsensitiveWrappers() {
        assertThat(Cql2.parseText("CASEI(platform) LIKE CASEI('Landsat%')"))
                .isEqualTo(new Like(new CaseI(prop("platform")), new CaseI(new StringLiteral("Landsat%"))));
    }

    @Test
    void readsPropertyNamesWithColonsDotsAndQuotes() {
        assertThat(Cql2.parseText("\"order:id\" = 'x' AND properties.gsd BETWEEN 1 AND 2"))
                .isEqualTo(new And(List.of(
                        new Comparison(ComparisonOp.EQ, prop("order:id"), new StringLiteral("x")),
                        new Between(prop("properties.gsd"), num(1), num(2)))));
    }

    @Test
    void readsSpatialPredicatesWithTheLiteralFirst() {
        assertThat(Cql2.parseText("S_WITHIN(POINT(1 2), geometry)"))
                .isEqualTo(new SpatialPredicate(
                        SpatialOp.S_WITHIN,
                        new GeometryLiteral(
                                Cql2Geometries.FACTORY.createPoint(new org.locationtech.jts.geom.Coordinate(1, 2))),
                        prop("geometry")));
    }

    @Test
    void listsThePropertiesAFilterReads() {
        assertThat(Cql2.propertyNames(Cql2.parseText("NOT (a = 1 OR CASEI(b) LIKE 'x') AND T_DURING(INTERVAL(c, '..'),"
                        + " datetime) AND A_CONTAINS(d, ('e')) AND S_INTERSECTS(geometry, POINT(0 0)) AND 1 < f")))
                .containsExactly("a", "b", "c", "d", "datetime", "f", "geometry");
    }

    @Test
    void renamesPropertiesEverywhere() {
        Cql2Expr expr = Cql2.parseText("NOT properties.gsd = 1 AND CASEI(properties.platform) IN ('a')"
                + " AND T_DURING(INTERVAL(properties.start_datetime, '..'), properties.datetime)"
                + " AND A_CONTAINS(properties.instruments, ('oli')) AND S_WITHIN(properties.geometry, POINT(0 0))"
                + " AND properties.x BETWEEN 1 AND 2 AND properties.y LIKE 'a%' AND properties.z IS NULL");
        Cql2Expr renamed = Cql2.mapProperties(expr, name -> name.replaceFirst("^properties\\.", ""));
        assertThat(Cql2.propertyNames(renamed))
                .containsExactly(
                        "datetime", "geometry", "gsd", "instruments", "platform", "start_datetime", "x", "y", "z");
        assertThat(Cql2.mapProperties(renamed, name -> "properties." + name)).isEqualTo(expr);
    }

    // ---- errors ----

    @Test
    void pointsAtAMisspelledKeyword() {
        assertThatThrownBy(() -> Cql2.parseText("eo:cloud_cover < 10 AMD platform = 'x'"))
                .isInstanceOf(Cql2Exception.class)
                .hasMessage("Invalid CQL2 text at position 21 near 'AMD': expected AND, OR or the end of the filter");
    }

    @Test
    void pointsAtAMissingOperand() {
        assertThatThrownBy(() -> Cql2.parseText("gsd >"))
                .hasMessage("Invalid CQL2 text at position 6 (end of the filter): expected a property, a literal or"
                        + " a function");
    }

    @Test
    void pointsAtAMissingComparison() {
        assertThatThrownBy(() -> Cql2.parseText("gsd 30"))
                .hasMessage("Invalid CQL2 text at position 5 near '30': expected a comparison operator, LIKE,"
                        + " BETWEEN, IN or IS NULL");
    }

    @Test
    void pointsAtAnUnclosedParenthesis() {
        assertThatThrownBy(() -> Cql2.parseText("(a = 1 AND b = 2"))
                .hasMessage("Invalid CQL2 text at position 17 (end of the filter): expected ')'");
    }

    @Test
    void pointsAtAnUnterminatedString() {
        assertThatThrownBy(() -> Cql2.parseText("platform = 'landsat"))
                .hasMessage("Invalid CQL2 text at position 12 near ''landsat': unterminated string");
    }

    @Test
    void pointsAtAnUnexpectedCharacter() {
        assertThatThrownBy(() -> Cql2.parseText("a = 1 ; DROP TABLE items"))
                .hasMessage("Invalid CQL2 text at position 7 near '; DROP TAB': unexpected character ';'");
    }

    @Test
    void rejectsAnInvalidTimestamp() {
        assertThatThrownBy(() -> Cql2.parseText("T_AFTER(datetime, TIMESTAMP('2024-13-01T00:00:00Z'))"))
                .hasMessage("Invalid CQL2 text at position 29 near ''2024-13-01T00:00:00Z'': expected an RFC 3339"
                        + " timestamp such as '2024-01-31T12:00:00Z'");
        assertThatThrownBy(() -> Cql2.parseText("T_AFTER(datetime, TIMESTAMP('yesterday'))"))
                .isInstanceOf(Cql2Exception.class);
        assertThatThrownBy(() -> Cql2.parseText("T_AFTER(datetime, DATE('2023-02-29'))"))
                .hasMessageContaining("expected a date such as '2024-01-31'");
    }

    @Test
    void rejectsUnsupportedFunctions() {
        assertThatThrownBy(() -> Cql2.parseText("avg(windSpeed) < 4"))
                .hasMessageStartingWith("Invalid CQL2 text at position 1 near 'avg': unsupported function 'avg'");
        assertThatThrownBy(() -> Cql2.parseJson("{\"op\":\"=\",\"args\":[{\"op\":\"Foo\",\"args\":[]},true]}"))
                .hasMessageStartingWith("Invalid CQL2 JSON at /args/0/op: unsupported function 'Foo'");
    }

    @Test
    void rejectsArithmetic() {
        assertThatThrownBy(() -> Cql2.parseText("balance-150.0 > 0"))
                .hasMessage("Invalid CQL2 text at position 8 near '-150.0': expected a comparison operator, LIKE,"
                        + " BETWEEN, IN or IS NULL");
    }

    @Test
    void rejectsInvalidGeometries() {
        assertThatThrownBy(() -> Cql2.parseText("S_INTERSECTS(geometry, POLYGON((0 0, 1 0, 1 1)))"))
                .hasMessageStartingWith("Invalid CQL2 text at position 24 near 'POLYGON': invalid WKT geometry");
        assertThatThrownBy(() -> Cql2.parseText("S_INTERSECTS(geometry, BBOX(0, 10, 1, 5))"))
                .hasMessageContaining("bbox miny 10.0 is greater than maxy 5.0");
        assertThatThrownBy(
                        () -> Cql2.parseJson(
                                "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1]]]}]}"))
                .hasMessage("Invalid CQL2 JSON at /args/1/coordinates/0: a linear ring needs at least 4 positions,"
                        + " first equal to last");
        assertThatThrownBy(
                        () -> Cql2.parseJson(
                                "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"Point\",\"coordinates\":[0,\"x\"]}]}"))
                .hasMessage("Invalid CQL2 JSON at /args/1/coordinates/1: expected a finite number");
    }

    @Test
    void namesTheJsonPathOfTheOffendingMember() {
        assertThatThrownBy(
                        () -> Cql2.parseJson(
                                "{\"op\":\"and\",\"args\":[{\"op\":\"=\",\"args\":[{\"property\":\"a\"},1]},{\"op\":\"lik\",\"args\":[]}]}"))
                .hasMessage("Invalid CQL2 JSON at /args/1/op: unknown or unsupported operator 'lik'");
        assertThatThrownBy(() -> Cql2.parseJson("{\"op\":\"between\",\"args\":[{\"property\":\"a\"},1]}"))
                .hasMessage("Invalid CQL2 JSON at /args/1: 'between' needs [low, high] here, or 3 arguments"
                        + " (value, low, high)");
        assertThatThrownBy(() -> Cql2.parseJson("{\"op\":\"=\",\"args\":[{\"property\":\"a\"},null]}"))
                .hasMessage("Invalid CQL2 JSON at /args/1: expected a property, a literal or a function, not null");
        assertThatThrownBy(() -> Cql2.parseJson("{\"op\":\"not\",\"args\":[{\"property\":\"a\"}]}"))
                .hasMessage("Invalid CQL2 JSON at /args/0: expected a predicate: an object with 'op' and 'args', or"
                        + " true/false");
        assertThatThrownBy(() ->
                        Cql2.parseJson("{\"op\":\"t_after\",\"args\":[{\"property\":\"a\"},{\"timestamp\":\"2024\"}]}"))
                .hasMessage("Invalid CQL2 JSON at /args/1/timestamp: expected an RFC 3339 timestamp such as"
                        + " '2024-01-31T12:00:00Z'");
    }

    @Test
    void rejectsInstantLiteralsInIntervalOnlyFunctionsInBothEncodings() {
        assertThatThrownBy(() -> Cql2.parseText("T_STARTS(datetime, TIMESTAMP('2024-01-01T00:00:00Z'))"))
                .hasMessageStartingWith("Invalid CQL2 filter: t_starts compares intervals");
        assertThatThrownBy(
                        () -> Cql2.parseJson(
                                "{\"op\":\"not\",\"args\":[{\"op\":\"t_overlaps\",\"args\":[{\"date\":\"2024-01-01\"},{\"property\":\"datetime\"}]}]}"))
                .hasMessageStartingWith("Invalid CQL2 filter: t_overlaps compares intervals");
    }

    @Test
    void rejectsMalformedJson() {
        assertThatThrownBy(() -> Cql2.parseJson("{\"op\":\"=\",\"args\":[{\"property\":\"a\"},1]"))
                .isInstanceOf(Cql2Exception.class)
                .hasMessageStartingWith("Invalid CQL2 JSON: not a valid JSON document");
        assertThatThrownBy(() -> Cql2.parseJson("")).hasMessage("Invalid CQL2 JSON: the filter is empty");
    }

    @Test
    void rejectsAnEmptyTextFilter() {
        assertThatThrownBy(() -> Cql2.parseText("   ")).hasMessage("Invalid CQL2 text: the filter is empty");
    }

    // ---- hostile input ----

    @ParameterizedTest
    @ValueSource(ints = {101, 5_000, 200_000})
    void rejectsDeeplyNestedParentheses(int depth) {
        String text = "(".repeat(depth) + "a = 1" + ")".repeat(depth);
        assertThatThrownBy(() -> Cql2.parseText(text))
                .isInstanceOf(Cql2Exception.class)
                .hasMessageContaining("nested at most 100 levels deep");
    }

    @Test
    void rejectsDeeplyNestedNot() {
        assertThatThrownBy(() -> Cql2.parseText("NOT ".repeat(10_000) + "a = 1"))
                .hasMessageContaining("nested at most 100 levels deep");
    }

    @Test
    void acceptsNestingUpToTheLimit() {
        String text = "(".repeat(90) + "a = 1" + ")".repeat(90);
        assertThat(Cql2.parseText(text)).isEqualTo(Cql2.parseText("a = 1"));
    }

    @Test
    void rejectsDeeplyNestedJson() {
        String json = "{\"op\":\"not\",\"args\":[".repeat(200) + "true" + "]}".repeat(200);
        assertThatThrownBy(() -> Cql2.parseJson(json))
                .isInstanceOf(Cql2Exception.class)
                .hasMessageContaining("nested deeper than 100 levels");
    }

    @Test
    void rejectsDeeplyNestedArrays() {
        String json =
                "{\"op\":\"a_contains\",\"args\":[{\"property\":\"a\"}," + "[".repeat(150) + "]".repeat(150) + "]}";
        assertThatThrownBy(() -> Cql2.parseJson(json)).hasMessageContaining("nested deeper than 100 levels");
        String text = "A_CONTAINS(a, " + "(".repeat(150) + ")".repeat(150) + ")";
        assertThatThrownBy(() -> Cql2.parseText(text)).hasMessageContaining("nested at most 100 levels deep");
    }

    @Test
    void rejectsHugeFilters() {
        String text = "a = '" + "x".repeat(Cql2.MAX_LENGTH) + "'";
        assertThatThrownBy(() -> Cql2.parseText(text))
                .hasMessage("Invalid CQL2 text: longer than 1000000 characters (1000006)");
        assertThatThrownBy(() -> Cql2.parseJson(text)).hasMessageStartingWith("Invalid CQL2 JSON: longer than");
    }

    @Test
    void parsesALongFlatFilterQuickly() {
        String text = String.join(
                " OR ",
                Stream.generate(() -> "platform = 'landsat-8'").limit(20_000).toList());
        assertThat(((Or) Cql2.parseText(text)).args()).hasSize(20_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a = 1e999999", "a = -1e400", "a = 1e", "a = 1e-999999", "a = 1.5e+"})
    void rejectsNonFiniteNumbersInText(String text) {
        assertThatThrownBy(() -> Cql2.parseText(text)).isInstanceOf(Cql2Exception.class);
    }

    @Test
    void readsNanInTextAsAPropertyName() {
        // CQL2 has no NaN literal: the word is an identifier, which the renderer then checks against the queryables.
        assertThat(Cql2.parseText("a = NaN")).isEqualTo(new Comparison(ComparisonOp.EQ, prop("a"), prop("NaN")));
    }

    @Test
    void rejectsJsonNestedBeyondTheParserLimit() {
        String json = "{\"op\":\"not\",\"args\":[".repeat(300) + "true" + "]}".repeat(300);
        assertThatThrownBy(() -> Cql2.parseJson(json))
                .hasMessageStartingWith("Invalid CQL2 JSON: not a valid JSON document")
                .hasMessageContaining("nesting depth");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"op\":\"=\",\"args\":[{\"property\":\"a\"},NaN]}",
                "{\"op\":\"=\",\"args\":[{\"property\":\"a\"},1e999]}",
                "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"bbox\":[0,0,1e999,1]}]}"
            })
    void rejectsNonFiniteNumbersInJson(String json) {
        assertThatThrownBy(() -> Cql2.parseJson(json)).isInstanceOf(Cql2Exception.class);
    }

    @Test
    void rejectsOverlongLikePatterns() {
        String pattern = "%a".repeat(501);
        assertThatThrownBy(() -> Cql2.parseText("NOT (x = 1 OR platform LIKE '" + pattern + "')"))
                .hasMessage("Invalid CQL2 filter: a LIKE pattern is at most 1000 characters long, not 1002");
        assertThat(Cql2.parseText("platform LIKE '" + "%a".repeat(500) + "'")).isInstanceOf(Like.class);
    }

    @Test
    void rejectsAnUnterminatedGeometry() {
        assertThatThrownBy(() -> Cql2.parseText("S_INTERSECTS(geometry, POLYGON((0 0, 1 0, 1 1, 0 0)"))
                .hasMessage("Invalid CQL2 text at position 52 (end of the filter): expected ')' closing the POLYGON"
                        + " literal");
    }

    @Test
    void rejectsAnUnterminatedQuotedProperty() {
        assertThatThrownBy(() -> Cql2.parseText("\"eo:cloud_cover < 10"))
                .hasMessage("Invalid CQL2 text at position 1 near '\"eo:cloud_cover < 10': unterminated quoted"
                        + " property name");
    }

    static Stream<Arguments> garbage() {
        return Stream.of(
                Arguments.of(")"),
                Arguments.of("AND"),
                Arguments.of("a = = 1"),
                Arguments.of("a IN (1, 2"),
                Arguments.of("a IN 1"),
                Arguments.of("a BETWEEN 1 OR 2"),
                Arguments.of("a IS 1"),
                Arguments.of("a NOT = 1"),
                Arguments.of("S_INTERSECTS(geometry)"),
                Arguments.of("S_INTERSECTS(geometry, POINT 1 2)"),
                Arguments.of("T_AFTER(datetime, INTERVAL('2020-01-01'))"),
                Arguments.of("T_AFTER(datetime, INTERVAL(1, 2))"),
                Arguments.of("x = \"\""),
                Arguments.of("a = 1 OR"),
                Arguments.of("NOT"));
    }

    @ParameterizedTest
    @MethodSource("garbage")
    void rejectsMalformedText(String text) {
        assertThatThrownBy(() -> Cql2.parseText(text))
                .isInstanceOf(Cql2Exception.class)
                .hasMessageStartingWith("Invalid CQL2 text at position ");
    }

    private static PropertyRef prop(String name) {
        return new PropertyRef(name);
    }

    private static NumberLiteral num(long value) {
        return new NumberLiteral(BigDecimal.valueOf(value));
    }
}
