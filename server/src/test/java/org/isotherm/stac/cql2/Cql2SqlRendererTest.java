package org.isotherm.stac.cql2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class Cql2SqlRendererTest {

    private final MapTarget target = MapTarget.items();

    private SqlFragment text(String cql2) {
        return Cql2SqlRenderer.render(Cql2.parseText(cql2), target);
    }

    private static OffsetDateTime utc(String instant) {
        return OffsetDateTime.parse(instant).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static final String CLOUD = "((properties->>'eo:cloud_cover')::float8)";
    private static final String PLATFORM = "(properties->>'platform')";

    @Test
    void rendersComparisonsWithNumbersAsDoubleOrLong() {
        assertThat(text("eo:cloud_cover < 20.5")).isEqualTo(SqlFragment.of("(" + CLOUD + " < ?)", 20.5));
        assertThat(text("eo:cloud_cover >= 20")).isEqualTo(SqlFragment.of("(" + CLOUD + " >= ?)", 20L));
        assertThat(text("gsd <> 30")).isEqualTo(SqlFragment.of("(((properties->>'gsd')::bigint) <> ?)", 30L));
        assertThat(text("30 > gsd")).isEqualTo(SqlFragment.of("(? > ((properties->>'gsd')::bigint))", 30L));
    }

    @Test
    void rendersEveryComparisonOperator() {
        for (String op : List.of("=", "<>", "<", "<=", ">", ">=")) {
            assertThat(text("platform " + op + " 'x'"))
                    .isEqualTo(SqlFragment.of("(" + PLATFORM + " " + op + " ?)", "x"));
        }
    }

    @Test
    void rendersBooleansAndTimestamps() {
        assertThat(text("flag = true")).isEqualTo(SqlFragment.of("(((properties->>'flag')::boolean) = ?)", true));
        assertThat(text("created > TIMESTAMP('2024-01-31T12:00:00+02:00')"))
                .isEqualTo(SqlFragment.of("((created) > ?)", utc("2024-01-31T10:00:00Z")));
        assertThat(text("created <= DATE('2024-01-31')"))
                .isEqualTo(SqlFragment.of("((created) <= ?)", utc("2024-01-31T00:00:00Z")));
    }

    @Test
    void acceptsRfc3339StringsForTimestampProperties() {
        assertThat(text("datetime >= '2024-01-01T00:00:00Z'"))
                .isEqualTo(SqlFragment.of("((start_at) >= ?)", utc("2024-01-01T00:00:00Z")));
    }

    @Test
    void rendersPropertyToPropertyComparisons() {
        assertThat(text("platform = constellation"))
                .isEqualTo(SqlFragment.of("(" + PLATFORM + " = (properties->>'constellation'))"));
        assertThat(text("gsd < eo:cloud_cover"))
                .isEqualTo(SqlFragment.of("(((properties->>'gsd')::bigint) < " + CLOUD + ")"));
    }

    @Test
    void rendersLogicWithParentheses() {
        assertThat(text("platform = 'a' AND (gsd = 1 OR NOT flag = false)"))
                .isEqualTo(SqlFragment.of(
                        "((" + PLATFORM
                                + " = ?) AND ((((properties->>'gsd')::bigint) = ?) OR NOT ((((properties->>'flag')::boolean) = ?))))",
                        "a",
                        1L,
                        false));
    }

    @Test
    void rendersLikeWithTheCql2EscapeCharacter() {
        assertThat(text("platform LIKE 'land\\_sat%'"))
                .isEqualTo(SqlFragment.of("(" + PLATFORM + " LIKE ? ESCAPE '\\')", "land\\_sat%"));
        assertThat(text("platform NOT LIKE 'x_'"))
                .isEqualTo(SqlFragment.of("NOT ((" + PLATFORM + " LIKE ? ESCAPE '\\'))", "x_"));
    }

    @Test
    void rendersCaseAndAccentInsensitiveComparisons() {
        assertThat(text("CASEI(platform) LIKE CASEI('Land%')"))
                .isEqualTo(SqlFragment.of("(lower(" + PLATFORM + ") LIKE lower(?) ESCAPE '\\')", "Land%"));
        assertThat(text("ACCENTI(platform) = ACCENTI('Sévilla')"))
                .isEqualTo(SqlFragment.of(
                        "(translate(" + PLATFORM + ", ?, ?) = translate(?, ?, ?))",
                        Accents.FROM,
                        Accents.TO,
                        "Sévilla",
                        Accents.FROM,
                        Accents.TO));
    }

    @Test
    void rendersBetweenAndIn() {
        assertThat(text("eo:cloud_cover BETWEEN 10 AND 20.5"))
                .isEqualTo(SqlFragment.of("(" + CLOUD + " BETWEEN ? AND ?)", 10L, 20.5));
        assertThat(text("platform IN ('a', 'b', 'c')"))
                .isEqualTo(SqlFragment.of("(" + PLATFORM + " IN (?, ?, ?))", "a", "b", "c"));
        assertThat(text("platform NOT IN ('a')")).isEqualTo(SqlFragment.of("NOT ((" + PLATFORM + " IN (?)))", "a"));
        assertThat(text("platform IN ()")).isEqualTo(SqlFragment.FALSE);
    }

    @Test
    void rendersIsNull() {
        assertThat(text("platform IS NULL")).isEqualTo(SqlFragment.of("(" + PLATFORM + " IS NULL)"));
        assertThat(text("geometry IS NOT NULL")).isEqualTo(SqlFragment.of("NOT (((geom) IS NULL))"));
    }

    @Test
    void delegatesSpatialPredicatesToTheTargetWithTheGeometryFirst() {
        assertThat(text("S_INTERSECTS(geometry, BBOX(0, 0, 1, 1))"))
                .isEqualTo(SqlFragment.of("(s_intersects(geom, ?))", "POLYGON ((0 0, 0 1, 1 1, 1 0, 0 0))"));
        assertThat(text("S_WITHIN(POINT(1 2), geometry)"))
                .isEqualTo(SqlFragment.of("(s_contains(geom, ?))", "POINT (1 2)"));
        assertThat(text("S_CONTAINS(POINT(1 2), geometry)"))
                .isEqualTo(SqlFragment.of("(s_within(geom, ?))", "POINT (1 2)"));
        for (String op : List.of("s_equals", "s_disjoint", "s_touches", "s_overlaps", "s_crosses")) {
            assertThat(text(op + "(POINT(1 2), geometry)"))
                    .isEqualTo(SqlFragment.of("(" + op + "(geom, ?))", "POINT (1 2)"));
        }
    }

    @Test
    void keepsAnInexactSpatialPrefilterASupersetUnderNot() {
        Cql2Expr expr = Cql2.parseText("NOT S_INTERSECTS(geometry, POINT(1 2)) AND gsd = 1");
        assertThat(Cql2SqlRenderer.render(expr, target))
                .isEqualTo(SqlFragment.of("(NOT (FALSE) AND (((properties->>'gsd')::bigint) = ?))", 1L));
        assertThat(Cql2SqlRenderer.needsRecheck(expr, target)).isTrue();
        assertThat(Cql2SqlRenderer.needsRecheck(Cql2.parseText("gsd = 1"), target))
                .isFalse();
    }

    @Test
    void foldsPredicatesWithoutProperties() {
        assertThat(text("S_INTERSECTS(POINT(0 0), BBOX(-1, -1, 1, 1)) AND 1 < 2"))
                .isEqualTo(SqlFragment.of("(TRUE AND TRUE)"));
        assertThat(text("T_BEFORE(DATE('2020-01-01'), DATE('2019-01-01'))")).isEqualTo(SqlFragment.FALSE);
        assertThat(text("TRUE")).isEqualTo(SqlFragment.TRUE);
    }

    @Test
    void rendersTemporalPredicatesOnTheItemInterval() {
        OffsetDateTime t1 = utc("2024-01-01T00:00:00Z");
        OffsetDateTime t2 = utc("2024-02-01T00:00:00Z");
        String interval = "INTERVAL('2024-01-01T00:00:00Z', '2024-02-01T00:00:00Z')";
        assertThat(text("T_AFTER(datetime, " + interval + ")")).isEqualTo(SqlFragment.of("(start_at) > ?", t2));
        assertThat(text("T_BEFORE(datetime, " + interval + ")")).isEqualTo(SqlFragment.of("(end_at) < ?", t1));
        assertThat(text("T_CONTAINS(datetime, " + interval + ")"))
                .isEqualTo(SqlFragment.of("((start_at) < ? AND (end_at) > ?)", t1, t2));
        assertThat(text("T_DISJOINT(datetime, " + interval + ")"))
                .isEqualTo(SqlFragment.of("((start_at) > ? OR (end_at) < ?)", t2, t1));
        assertThat(text("T_DURING(datetime, " + interval + ")"))
                .isEqualTo(SqlFragment.of("((start_at) > ? AND (end_at) < ?)", t1, t2));
        assertThat(text("T_EQUALS(datetime, " + interval + ")"))
                .isEqualTo(SqlFragment.of("((start_at) = ? AND (end_at) = ?)", t1, t2));
        assertThat(text("T_FINISHEDBY(datetime, " + interval + ")"))
                .isEqualTo(SqlFragment.of("((start_at) < ? AND (end_at) = ?)", t1, t2));
        assertThat(text("T_FINISHES(datetime, " + interval + ")"))
                .isEqualTo(SqlFragment.of("((start_at) > ? AND (end_at) = ?)", t1, t2));
        assertThat(text("T_INTERSECTS(datetime, " + interval + ")"))
                .isEqualTo(SqlFragment.of("((start_at) <= ? AND (end_at) >= ?)", t2, t1));
        assertThat(text("T_MEETS(datetime, " + interval + ")")).isEqualTo(SqlFragment.of("(end_at) = ?", t1));
        assertThat(text("T_METBY(datetime, " + interval + ")")).isEqualTo(SqlFragment.of("(start_at) = ?", t2));
        assertThat(text("T_OVERLAPPEDBY(datetime, " + interval + ")"))
                .isEqualTo(SqlFragment.of("((start_at) > ? AND (start_at) < ? AND (end_at) > ?)", t1, t2, t2));
        assertThat(text("T_OVERLAPS(datetime, " + interval + ")"))
                .isEqualTo(SqlFragment.of("((start_at) < ? AND (end_at) > ? AND (end_at) < ?)", t1, t1, t2));
        assertThat(text("T_STARTEDBY(datetime, " + interval + ")"))
                .isEqualTo(SqlFragment.of("((start_at) = ? AND (end_at) > ?)", t1, t2));
        assertThat(text("T_STARTS(datetime, " + interval + ")"))
                .isEqualTo(SqlFragment.of("((start_at) = ? AND (end_at) < ?)", t1, t2));
    }

    @Test
    void rendersOpenBoundsAsInfinity() {
        assertThat(text("T_INTERSECTS(datetime, INTERVAL('..', '2024-01-01'))"))
                .isEqualTo(SqlFragment.of(
                        "((start_at) <= ? AND (end_at) >= '-infinity'::timestamptz)",
                        utc("2024-01-01T23:59:59.999999Z")));
    }

    @Test
    void treatsOtherTimestampPropertiesAsInstants() {
        assertThat(text("T_AFTER(created, TIMESTAMP('2024-01-01T00:00:00Z'))"))
                .isEqualTo(SqlFragment.of("(created) > ?", utc("2024-01-01T00:00:00Z")));
        assertThat(text("T_DURING(INTERVAL(created, datetime), INTERVAL('2024-01-01', '..'))"))
                .isEqualTo(SqlFragment.of(
                        "((created) > ? AND (end_at) < 'infinity'::timestamptz)", utc("2024-01-01T00:00:00Z")));
    }

    @Test
    void rendersArrayPredicatesOnJsonb() {
        String instruments = "(properties->'instruments')";
        assertThat(text("A_CONTAINS(instruments, ('oli', 'tirs'))"))
                .isEqualTo(SqlFragment.of("(" + instruments + " @> CAST(? AS jsonb))", "[\"oli\",\"tirs\"]"));
        assertThat(text("A_CONTAINEDBY(instruments, ('oli'))"))
                .isEqualTo(SqlFragment.of(
                        "(jsonb_typeof(" + instruments + ") = 'array' AND " + instruments + " <@ CAST(? AS jsonb))",
                        "[\"oli\"]"));
        assertThat(text("A_EQUALS(('oli'), instruments)"))
                .isEqualTo(SqlFragment.of(
                        "(" + instruments + " @> CAST(? AS jsonb) AND " + instruments + " <@ CAST(? AS jsonb))",
                        "[\"oli\"]",
                        "[\"oli\"]"));
        assertThat(text("A_OVERLAPS(instruments, ('oli', 'tirs'))"))
                .isEqualTo(SqlFragment.of(
                        "(" + instruments + " @> CAST(? AS jsonb) OR " + instruments + " @> CAST(? AS jsonb))",
                        "[\"oli\"]",
                        "[\"tirs\"]"));
        assertThat(text("A_CONTAINS(('oli', 'tirs'), instruments)"))
                .isEqualTo(SqlFragment.of(
                        "(jsonb_typeof(" + instruments + ") = 'array' AND " + instruments + " <@ CAST(? AS jsonb))",
                        "[\"oli\",\"tirs\"]"));
        assertThat(text("A_CONTAINS(bands, (1, 2.5))"))
                .isEqualTo(SqlFragment.of("((properties->'bands') @> CAST(? AS jsonb))", "[1,2.5]"));
        assertThat(text("A_OVERLAPS(instruments, ())")).isEqualTo(SqlFragment.FALSE);
    }

    @Test
    void neverPutsAValueIntoTheSqlText() {
        SqlFragment sql = text("platform = 'x''; DROP TABLE items; --' OR A_CONTAINS(instruments, ('\"]'))");
        assertThat(sql.sql()).doesNotContain("DROP").doesNotContain("\"]");
        assertThat(sql.sql().chars().filter(c -> c == '?').count())
                .isEqualTo(sql.params().size());
    }

    // ---- errors ----

    @Test
    void rejectsUnknownQueryables() {
        assertThatThrownBy(() -> text("cloud_cover < 10"))
                .isInstanceOf(Cql2Exception.class)
                .hasMessage("Unknown queryable 'cloud_cover'");
        assertThatThrownBy(() -> text("T_AFTER(updated, DATE('2020-01-01'))"))
                .hasMessage("Unknown queryable 'updated'");
    }

    @Test
    void rejectsComparingANumberWithAString() {
        assertThatThrownBy(() -> text("eo:cloud_cover < 'low'"))
                .hasMessage("Invalid CQL2 filter: expected a number but got a string ('low')");
        assertThatThrownBy(() -> text("platform = 5"))
                .hasMessage("Invalid CQL2 filter: expected a string but got a number (5)");
        assertThatThrownBy(() -> text("created > 'yesterday'"))
                .hasMessage("Invalid CQL2 filter: expected a timestamp but got a string ('yesterday')");
    }

    @Test
    void rejectsComparingPropertiesOfDifferentTypes() {
        assertThatThrownBy(() -> text("platform = gsd"))
                .hasMessage("Invalid CQL2 filter: property 'platform' is a string and cannot be compared with"
                        + " property 'gsd', which is an integer");
    }

    @Test
    void rejectsScalarOperatorsOnGeometriesAndArrays() {
        assertThatThrownBy(() -> text("geometry = 'x'"))
                .hasMessage("Invalid CQL2 filter: property 'geometry' is a geometry; use a spatial function such as"
                        + " s_intersects instead of =");
        assertThatThrownBy(() -> text("instruments IN ('oli')"))
                .hasMessage("Invalid CQL2 filter: property 'instruments' is an array of strings; use an array"
                        + " function such as a_contains instead of IN");
    }

    @Test
    void rejectsLikeOnNonStrings() {
        assertThatThrownBy(() -> text("gsd LIKE '1%'"))
                .hasMessage("Invalid CQL2 filter: LIKE applies to strings; property 'gsd' is an integer");
        assertThatThrownBy(() -> text("platform LIKE constellation"))
                .hasMessage("Invalid CQL2 filter: the pattern of LIKE must be a string literal (optionally in"
                        + " CASEI/ACCENTI)");
        assertThatThrownBy(() -> text("platform LIKE 'abc\\'")).isInstanceOf(Cql2Exception.class);
        assertThatThrownBy(() -> Cql2SqlRenderer.render(
                        Cql2.parseJson("{\"op\":\"like\",\"args\":[{\"property\":\"platform\"},\"abc\\\\\"]}"), target))
                .hasMessage("Invalid CQL2 filter: the LIKE pattern 'abc\\' ends with the escape character \\");
    }

    @Test
    void rejectsCaseIOnNumbers() {
        assertThatThrownBy(() -> text("CASEI(gsd) = 1"))
                .hasMessage("Invalid CQL2 filter: CASEI applies to strings, not to an integer");
    }

    @Test
    void rejectsSpatialPredicatesOnOtherProperties() {
        assertThatThrownBy(() -> text("S_INTERSECTS(platform, POINT(0 0))"))
                .hasMessage("Invalid CQL2 filter: s_intersects needs a geometry, but property 'platform' is a string");
        assertThatThrownBy(() -> text("S_INTERSECTS(geometry, geometry)"))
                .hasMessage("Invalid CQL2 filter: s_intersects compares the geometry property with a geometry"
                        + " literal (WKT, GeoJSON or BBOX)");
        assertThatThrownBy(() -> text("S_INTERSECTS(geometry, 'POINT(0 0)')"))
                .hasMessage("Invalid CQL2 filter: s_intersects compares the geometry property with a geometry"
                        + " literal (WKT, GeoJSON or BBOX)");
    }

    @Test
    void rejectsTemporalPredicatesOnNonTimestamps() {
        assertThatThrownBy(() -> text("T_AFTER(gsd, DATE('2020-01-01'))"))
                .hasMessage("Invalid CQL2 filter: t_after needs a timestamp, but property 'gsd' is an integer");
        assertThatThrownBy(() -> text("T_AFTER(datetime, 5)"))
                .hasMessage("Invalid CQL2 filter: t_after compares instants or intervals (TIMESTAMP, DATE, INTERVAL"
                        + " or a timestamp property), not a number (5)");
    }

    @Test
    void rejectsArrayPredicatesOnScalarsAndMistypedElements() {
        assertThatThrownBy(() -> text("A_CONTAINS(platform, ('a'))"))
                .hasMessage("Invalid CQL2 filter: a_contains needs an array, but property 'platform' is a string");
        assertThatThrownBy(() -> text("A_CONTAINS(instruments, (1))"))
                .hasMessage("Invalid CQL2 filter: property 'instruments' is an array of strings, but the array"
                        + " literal holds a number (1)");
        assertThatThrownBy(() -> text("A_CONTAINS(instruments, 'oli')"))
                .hasMessage("Invalid CQL2 filter: a_contains compares arrays, not a string ('oli')");
    }

    @Test
    void rejectsMistypedLiteralsEvenWithoutProperties() {
        assertThatThrownBy(() -> text("'a' < 5"))
                .hasMessage("Invalid CQL2 filter: < cannot compare a string ('a') with a number (5)");
        assertThatThrownBy(() -> text("S_INTERSECTS(POINT(0 0), 'x')"))
                .hasMessage("Invalid CQL2 filter: s_intersects compares geometries");
        assertThatThrownBy(() -> text("T_AFTER(DATE('2020-01-01'), 3)"))
                .hasMessage("Invalid CQL2 filter: t_after compares instants or intervals, not a number (3)");
        assertThatThrownBy(() -> text("A_CONTAINS(('a'), 'a')"))
                .hasMessage("Invalid CQL2 filter: a_contains compares arrays");
        assertThat(text("TIMESTAMP('2020-01-01T00:00:00Z') = '2020-01-01T00:00:00Z'"))
                .isEqualTo(SqlFragment.TRUE);
    }

    @Test
    void rejectsFiltersWithMoreValuesThanPostgresqlCanBind() {
        String list = String.join(", ", java.util.Collections.nCopies(10_001, "'x'"));
        assertThatThrownBy(() -> text("platform IN (" + list + ")"))
                .hasMessage("Invalid CQL2 filter: too many values (10001 bind parameters; at most 10000)");
    }

    @Test
    void rejectsInstantsInIntervalOnlyTemporalFunctions() {
        assertThatThrownBy(() -> text("T_DURING(datetime, DATE('2024-01-01'))"))
                .hasMessage("Invalid CQL2 filter: t_during compares intervals (INTERVAL(...) or the item's datetime),"
                        + " not a date (2024-01-01); t_after, t_before, t_disjoint, t_equals and t_intersects also"
                        + " take instants");
        assertThatThrownBy(() -> text("T_MEETS(created, INTERVAL('2024-01-01', '..'))"))
                .hasMessageStartingWith("Invalid CQL2 filter: t_meets compares intervals (INTERVAL(...) or the"
                        + " item's datetime), not property 'created'");
        assertThatThrownBy(() -> text("T_MEETS(nope, INTERVAL('2024-01-01', '..'))"))
                .hasMessage("Unknown queryable 'nope'");
        assertThat(text("T_EQUALS(created, TIMESTAMP('2024-01-01T00:00:00Z'))"))
                .isEqualTo(SqlFragment.of(
                        "((created) = ? AND (created) = ?)", utc("2024-01-01T00:00:00Z"), utc("2024-01-01T00:00:00Z")));
        assertThat(text("T_INTERSECTS(created, DATE('2024-01-01'))"))
                .isEqualTo(SqlFragment.of(
                        "((created) <= ? AND (created) >= ?)",
                        utc("2024-01-01T23:59:59.999999Z"),
                        utc("2024-01-01T00:00:00Z")));
    }

    // ---- properties that are not queryables ----

    private final MapTarget open = MapTarget.items().openTo("properties");

    private static final String MISSION = "(NULLIF((properties) -> CAST(? AS text), 'null'::jsonb))";

    private SqlFragment openText(String cql2) {
        return Cql2SqlRenderer.render(Cql2.parseText(cql2), open);
    }

    @Test
    void readsAPropertyThatIsNotAQueryableAsTheTypeOfItsLiteral() {
        assertThat(openText("mission = 'x'"))
                .isEqualTo(SqlFragment.of(
                        "(((CASE WHEN jsonb_typeof(" + MISSION + ") = 'string' THEN " + MISSION
                                + " #>> '{}' END) COLLATE \"C\") = ?)",
                        "mission",
                        "mission",
                        "x"));
        assertThat(openText("mission < 4.5"))
                .isEqualTo(SqlFragment.of(
                        "((CASE WHEN jsonb_typeof(" + MISSION + ") = 'number' THEN CAST(" + MISSION
                                + " AS numeric) END) < CAST(? AS numeric))",
                        "mission",
                        "mission",
                        new java.math.BigDecimal("4.5")));
        assertThat(openText("mission = true"))
                .isEqualTo(SqlFragment.of(
                        "((CASE WHEN jsonb_typeof(" + MISSION + ") = 'boolean' THEN CAST(" + MISSION
                                + " AS boolean) END) = ?)",
                        "mission",
                        "mission",
                        true));
        assertThat(openText("mission IS NULL")).isEqualTo(SqlFragment.of("(" + MISSION + " IS NULL)", "mission"));
    }

    @Test
    void keepsTheColumnsOfQueryablesWhenOpen() {
        assertThat(openText("eo:cloud_cover < 20.5")).isEqualTo(text("eo:cloud_cover < 20.5"));
        assertThat(openText("platform LIKE 'l%' AND flag = true"))
                .isEqualTo(text("platform LIKE 'l%' AND flag = true"));
    }

    @Test
    void leavesInstantsInOpenPropertiesToTheRecheck() {
        var after = Cql2.parseText("launched > TIMESTAMP('2024-01-01T00:00:00Z')");
        assertThat(Cql2SqlRenderer.render(after, open))
                .isEqualTo(SqlFragment.of("((jsonb_typeof" + MISSION + " = 'string'))", "launched"));
        assertThat(Cql2SqlRenderer.render(new Cql2Expr.Not(after), open)).isEqualTo(SqlFragment.of("NOT (FALSE)"));
        assertThat(Cql2SqlRenderer.needsRecheck(after, open)).isTrue();
        assertThat(openText("T_AFTER(launched, DATE('2024-01-01'))")).isEqualTo(SqlFragment.TRUE);
        assertThat(Cql2SqlRenderer.needsRecheck(Cql2.parseText("mission = 'x'"), open))
                .isFalse();
    }

    @Test
    void rejectsWhatAnOpenPropertyCannotBeComparedBy() {
        assertThatThrownBy(() -> openText("mission = launched"))
                .isInstanceOf(Cql2Exception.class)
                .hasMessage("Invalid CQL2 filter: = cannot compare property 'mission' with property 'launched':"
                        + " neither is a queryable, so neither has a type to compare by");
        assertThatThrownBy(() -> openText("mission IN ('a', 5)"))
                .hasMessage("Invalid CQL2 filter: expected a string but got a number (5)");
        assertThatThrownBy(() -> openText("S_INTERSECTS(footprint, BBOX(0, 0, 1, 1))"))
                .hasMessage("Invalid CQL2 filter: s_intersects needs a geometry, but property 'footprint' is of any"
                        + " JSON type (not a queryable)");
        assertThatThrownBy(() -> openText("A_CONTAINS(mission, tags)"))
                .hasMessage("Invalid CQL2 filter: a_contains compares a property that is not a queryable with an"
                        + " array literal only");
    }
}
