package org.isotherm.stac.cql2;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;

/**
 * A CQL2 boolean expression: the one AST both encodings (cql2-text, cql2-json) parse into. Predicates are
 * {@code Cql2Expr}; their arguments are {@link Operand}s (properties and literals). {@link BooleanLiteral} is
 * both, because CQL2 allows {@code TRUE} as a whole filter and as a comparison argument.
 *
 * <p>Records compare by value, so a cql2-text and a cql2-json filter that mean the same are {@code equals}:
 * numbers are normalised ({@code 1.0} equals {@code 1}), {@code x NOT LIKE y} is {@code Not(Like)}, and
 * {@code BBOX(...)} is a polygon literal.
 *
 * @see <a href="https://docs.ogc.org/is/21-065r2/21-065r2.html#basic-cql2">CQL2 basic-cql2</a>
 */
public sealed interface Cql2Expr
        permits Cql2Expr.And,
                Cql2Expr.Or,
                Cql2Expr.Not,
                Cql2Expr.Comparison,
                Cql2Expr.Like,
                Cql2Expr.Between,
                Cql2Expr.In,
                Cql2Expr.IsNull,
                Cql2Expr.SpatialPredicate,
                Cql2Expr.TemporalPredicate,
                Cql2Expr.ArrayPredicate,
                Cql2Expr.BooleanLiteral {

    /** All arguments must hold (two or more). */
    record And(List<Cql2Expr> args) implements Cql2Expr {
        public And {
            args = List.copyOf(args);
        }
    }

    /** At least one argument must hold (two or more). */
    record Or(List<Cql2Expr> args) implements Cql2Expr {
        public Or {
            args = List.copyOf(args);
        }
    }

    /** Negation; {@code x NOT LIKE y}, {@code NOT BETWEEN}, {@code NOT IN} and {@code IS NOT NULL} parse to it. */
    record Not(Cql2Expr arg) implements Cql2Expr {}

    /** A binary comparison ({@code =, <>, <, <=, >, >=}) of two scalar operands. */
    record Comparison(ComparisonOp op, Operand left, Operand right) implements Cql2Expr {}

    /**
     * {@code value LIKE pattern}: {@code %} matches any run of characters, {@code _} one character, and
     * {@code \} escapes the next character.
     */
    record Like(Operand value, Operand pattern) implements Cql2Expr {}

    /** {@code value BETWEEN low AND high}, both bounds included. */
    record Between(Operand value, Operand low, Operand high) implements Cql2Expr {}

    /** {@code value IN (a, b, ...)}; an empty list matches nothing. */
    record In(Operand value, List<Operand> list) implements Cql2Expr {
        public In {
            list = List.copyOf(list);
        }
    }

    /** {@code value IS NULL}: the property is missing or JSON null. */
    record IsNull(Operand value) implements Cql2Expr {}

    /** {@code s_intersects(left, right)} and its siblings; one side is normally a property, the other a literal. */
    record SpatialPredicate(SpatialOp op, Operand left, Operand right) implements Cql2Expr {}

    /**
     * {@code t_after(left, right)} and its siblings; operands are instants (timestamp or date literals, timestamp
     * properties) or intervals.
     */
    record TemporalPredicate(TemporalOp op, Operand left, Operand right) implements Cql2Expr {}

    /** {@code a_contains(left, right)} and its siblings; operands are array properties or array literals. */
    record ArrayPredicate(ArrayOp op, Operand left, Operand right) implements Cql2Expr {}

    /** An argument of a predicate. */
    sealed interface Operand
            permits PropertyRef,
                    StringLiteral,
                    NumberLiteral,
                    BooleanLiteral,
                    TimestampLiteral,
                    DateLiteral,
                    IntervalLiteral,
                    OpenBound,
                    GeometryLiteral,
                    ArrayLiteral,
                    CaseI,
                    AccentI {}

    /** A queryable, by the name the client used (e.g. {@code eo:cloud_cover}). */
    record PropertyRef(String name) implements Operand {}

    /** A character literal ({@code 'text'} in cql2-text, a JSON string). */
    record StringLiteral(String value) implements Operand {}

    /** A finite number; stored without trailing zeros so that {@code 1.0} equals {@code 1}. */
    record NumberLiteral(BigDecimal value) implements Operand {
        public NumberLiteral {
            value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        }

        public static NumberLiteral of(double value) {
            return new NumberLiteral(BigDecimal.valueOf(value));
        }

        /** Whether the value is a whole number that fits a {@code long}. */
        public boolean isIntegral() {
            return value.scale() <= 0 && value.precision() - value.scale() <= 18;
        }

        /** The JDBC parameter: a {@code Long} for whole numbers, else a {@code Double}. */
        public Number jdbcValue() {
            return isIntegral() ? (Number) value.longValueExact() : (Number) value.doubleValue();
        }
    }

    /** {@code TRUE} or {@code FALSE}: a whole filter, or a comparison argument. */
    record BooleanLiteral(boolean value) implements Cql2Expr, Operand {}

    /** {@code TIMESTAMP('2024-01-31T12:00:00Z')} / {@code {"timestamp": ...}}: an RFC 3339 instant. */
    record TimestampLiteral(Instant value) implements Operand {}

    /**
     * A calendar date (UTC). In comparisons ({@code =}, {@code <}, {@code BETWEEN}...) it is the instant 00:00;
     * in temporal functions it covers its whole day, from 00:00 to 23:59:59.999999, so that {@code
     * T_INTERSECTS(datetime, DATE('2024-01-31'))} means "on that day" and {@code INTERVAL('2024-01-01',
     * '2024-01-31')} includes January 31 (CQL2 intervals are closed; an instant has the granularity it is
     * written in).
     */
    record DateLiteral(LocalDate value) implements Operand {
        /** 00:00 UTC of the day. */
        public Instant instant() {
            return value.atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        /** The last microsecond of the day (PostgreSQL's timestamp resolution). */
        public Instant endOfDay() {
            return value.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1_000);
        }
    }

    /**
     * {@code INTERVAL(start, end)}: each bound a timestamp or date literal, a property, or {@link OpenBound}
     * ({@code '..'}).
     */
    record IntervalLiteral(Operand start, Operand end) implements Operand {}

    /** The {@code '..'} bound of an interval: unbounded on that side. */
    record OpenBound() implements Operand {}

    /**
     * A WKT or GeoJSON geometry (or a {@code BBOX}, as its polygon) in lon/lat. Compared with {@link
     * Geometry#equalsExact(Geometry)}.
     */
    record GeometryLiteral(Geometry geometry) implements Operand {
        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof GeometryLiteral g
                    && geometry.getGeometryType().equals(g.geometry.getGeometryType())
                    && geometry.equalsExact(g.geometry);
        }

        @Override
        public int hashCode() {
            return Objects.hash(geometry.getGeometryType(), geometry.getNumPoints());
        }

        @Override
        public String toString() {
            return "GeometryLiteral[" + geometry.toText() + "]";
        }
    }

    /** {@code ('a', 'b')} in cql2-text, a JSON array in cql2-json. */
    record ArrayLiteral(List<Operand> items) implements Operand {
        public ArrayLiteral {
            items = List.copyOf(items);
        }
    }

    /** {@code CASEI(x)}: compare ignoring case. */
    record CaseI(Operand value) implements Operand {}

    /** {@code ACCENTI(x)}: compare ignoring accents (diacritics). */
    record AccentI(Operand value) implements Operand {}

    /** Binary comparison operators. */
    enum ComparisonOp {
        EQ("="),
        NE("<>"),
        LT("<"),
        LE("<="),
        GT(">"),
        GE(">=");

        private final String symbol;

        ComparisonOp(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as cql2-text, cql2-json and SQL spell it. */
        public String symbol() {
            return symbol;
        }

        static @Nullable ComparisonOp fromSymbol(String symbol) {
            for (ComparisonOp op : values()) {
                if (op.symbol.equals(symbol)) {
                    return op;
                }
            }
            return null;
        }
    }

    /**
     * Spatial functions of the basic-spatial-functions and spatial-functions classes (DE-9IM semantics).
     *
     * @see <a href="https://docs.ogc.org/is/21-065r2/21-065r2.html#spatial-functions">CQL2 spatial functions</a>
     */
    enum SpatialOp {
        S_INTERSECTS("s_intersects"),
        S_EQUALS("s_equals"),
        S_DISJOINT("s_disjoint"),
        S_TOUCHES("s_touches"),
        S_WITHIN("s_within"),
        S_OVERLAPS("s_overlaps"),
        S_CROSSES("s_crosses"),
        S_CONTAINS("s_contains");

        private final String cql2Name;

        SpatialOp(String cql2Name) {
            this.cql2Name = cql2Name;
        }

        public String cql2Name() {
            return cql2Name;
        }

        /** The operator with its arguments swapped: {@code s_within(a, b)} is {@code s_contains(b, a)}. */
        public SpatialOp converse() {
            if (this == S_WITHIN) {
                return S_CONTAINS;
            }
            if (this == S_CONTAINS) {
                return S_WITHIN;
            }
            return this;
        }

        static @Nullable SpatialOp fromName(String name) {
            return byName(values(), name, SpatialOp::cql2Name);
        }
    }

    /**
     * Temporal functions; see {@link Cql2SqlRenderer} for the interval semantics of each.
     *
     * @see <a href="https://docs.ogc.org/is/21-065r2/21-065r2.html#temporal-functions">CQL2 temporal functions</a>
     */
    enum TemporalOp {
        T_AFTER("t_after"),
        T_BEFORE("t_before"),
        T_CONTAINS("t_contains"),
        T_DISJOINT("t_disjoint"),
        T_DURING("t_during"),
        T_EQUALS("t_equals"),
        T_FINISHED_BY("t_finishedBy"),
        T_FINISHES("t_finishes"),
        T_INTERSECTS("t_intersects"),
        T_MEETS("t_meets"),
        T_MET_BY("t_metBy"),
        T_OVERLAPPED_BY("t_overlappedBy"),
        T_OVERLAPS("t_overlaps"),
        T_STARTED_BY("t_startedBy"),
        T_STARTS("t_starts");

        private final String cql2Name;

        TemporalOp(String cql2Name) {
            this.cql2Name = cql2Name;
        }

        public String cql2Name() {
            return cql2Name;
        }

        /**
         * Whether the function is defined for intervals only (CQL2 table "temporal comparison functions between
         * intervals"); using it with an instant is a client error. Only t_after, t_before, t_disjoint, t_equals
         * and t_intersects also take instants.
         */
        public boolean intervalsOnly() {
            return this != T_AFTER
                    && this != T_BEFORE
                    && this != T_DISJOINT
                    && this != T_EQUALS
                    && this != T_INTERSECTS;
        }

        static @Nullable TemporalOp fromName(String name) {
            return byName(values(), name, TemporalOp::cql2Name);
        }
    }

    /**
     * Array functions.
     *
     * @see <a href="https://docs.ogc.org/is/21-065r2/21-065r2.html#array-functions">CQL2 array functions</a>
     */
    enum ArrayOp {
        A_EQUALS("a_equals"),
        A_CONTAINS("a_contains"),
        A_CONTAINED_BY("a_containedBy"),
        A_OVERLAPS("a_overlaps");

        private final String cql2Name;

        ArrayOp(String cql2Name) {
            this.cql2Name = cql2Name;
        }

        public String cql2Name() {
            return cql2Name;
        }

        /** The operator with its arguments swapped. */
        public ArrayOp converse() {
            if (this == A_CONTAINS) {
                return A_CONTAINED_BY;
            }
            if (this == A_CONTAINED_BY) {
                return A_CONTAINS;
            }
            return this;
        }

        static @Nullable ArrayOp fromName(String name) {
            return byName(values(), name, ArrayOp::cql2Name);
        }
    }

    private static <E> @Nullable E byName(E[] values, String name, java.util.function.Function<E, String> cql2Name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (E value : values) {
            if (cql2Name.apply(value).toLowerCase(Locale.ROOT).equals(lower)) {
                return value;
            }
        }
        return null;
    }
}
