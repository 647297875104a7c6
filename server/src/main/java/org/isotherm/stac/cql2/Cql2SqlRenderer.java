package org.isotherm.stac.cql2;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.isotherm.stac.cql2.Cql2Expr.AccentI;
import org.isotherm.stac.cql2.Cql2Expr.And;
import org.isotherm.stac.cql2.Cql2Expr.ArrayLiteral;
import org.isotherm.stac.cql2.Cql2Expr.ArrayOp;
import org.isotherm.stac.cql2.Cql2Expr.ArrayPredicate;
import org.isotherm.stac.cql2.Cql2Expr.Between;
import org.isotherm.stac.cql2.Cql2Expr.BooleanLiteral;
import org.isotherm.stac.cql2.Cql2Expr.CaseI;
import org.isotherm.stac.cql2.Cql2Expr.Comparison;
import org.isotherm.stac.cql2.Cql2Expr.DateLiteral;
import org.isotherm.stac.cql2.Cql2Expr.GeometryLiteral;
import org.isotherm.stac.cql2.Cql2Expr.In;
import org.isotherm.stac.cql2.Cql2Expr.IntervalLiteral;
import org.isotherm.stac.cql2.Cql2Expr.IsNull;
import org.isotherm.stac.cql2.Cql2Expr.Like;
import org.isotherm.stac.cql2.Cql2Expr.Not;
import org.isotherm.stac.cql2.Cql2Expr.NumberLiteral;
import org.isotherm.stac.cql2.Cql2Expr.OpenBound;
import org.isotherm.stac.cql2.Cql2Expr.Operand;
import org.isotherm.stac.cql2.Cql2Expr.Or;
import org.isotherm.stac.cql2.Cql2Expr.PropertyRef;
import org.isotherm.stac.cql2.Cql2Expr.SpatialOp;
import org.isotherm.stac.cql2.Cql2Expr.SpatialPredicate;
import org.isotherm.stac.cql2.Cql2Expr.StringLiteral;
import org.isotherm.stac.cql2.Cql2Expr.TemporalPredicate;
import org.isotherm.stac.cql2.Cql2Expr.TimestampLiteral;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Renders a {@link Cql2Expr} to a parameterized SQL condition against a {@link Cql2Target}. Every value is a
 * bind parameter; column SQL comes only from {@link Queryable#sqlExpression()}, and the name of a property that is
 * not a queryable ({@link Queryable#open}) is a bind parameter too. Operands are type-checked
 * against the queryable types (a 400 names the property and the type it expects), and literals are bound as
 * the Java type JDBC maps to that SQL type: {@code Long}/{@code Double} for numbers, {@code OffsetDateTime} (UTC)
 * for timestamps and dates (00:00 UTC), {@code Boolean}, {@code String}, and jsonb text for array literals.
 *
 * <p>Predicates without any property are evaluated here (by {@link Cql2Evaluator}) and rendered as constants.
 *
 * <p>An open property ({@link Cql2Type#JSON}) compares as the type of the literal it meets, as CQL2 says: a JSON
 * value of another type is unknown. Strings, numbers (exact, as {@code numeric}) and booleans are decided in SQL;
 * instants are left to the Java recheck (see {@link #needsRecheck}), because no SQL cast reads a JSON string
 * exactly as {@link Cql2Evaluator} does.
 *
 * <p>Temporal predicates compare intervals [start, end] (a timestamp is [t, t], a date its whole day, {@code
 * '..'} is -infinity or infinity) as the CQL2 temporal functions table prescribes (OWL-Time relations), with A
 * the first and B the second argument:
 *
 * <pre>
 * t_after        A.start &gt; B.end
 * t_before       A.end &lt; B.start
 * t_contains     A.start &lt; B.start AND A.end &gt; B.end
 * t_disjoint     A.start &gt; B.end OR A.end &lt; B.start
 * t_during       A.start &gt; B.start AND A.end &lt; B.end
 * t_equals       A.start = B.start AND A.end = B.end
 * t_finishedBy   A.start &lt; B.start AND A.end = B.end
 * t_finishes     A.start &gt; B.start AND A.end = B.end
 * t_intersects   A.start &lt;= B.end AND A.end &gt;= B.start
 * t_meets        A.end = B.start
 * t_metBy        A.start = B.end
 * t_overlappedBy A.start &gt; B.start AND A.start &lt; B.end AND A.end &gt; B.end
 * t_overlaps     A.start &lt; B.start AND A.end &gt; B.start AND A.end &lt; B.end
 * t_startedBy    A.start = B.start AND A.end &gt; B.end
 * t_starts       A.start = B.start AND A.end &lt; B.end
 * </pre>
 *
 * <p>Array functions work on jsonb arrays: {@code a_contains} is {@code @>}, {@code a_containedBy} is {@code <@},
 * {@code a_equals} is both (CQL2 compares arrays as sets), {@code a_overlaps} is an OR of single-element
 * containments (each can use a GIN index).
 *
 * @see <a href="https://docs.ogc.org/is/21-065r2/21-065r2.html#temporal-functions">CQL2 temporal functions</a>
 */
public final class Cql2SqlRenderer {

    /**
     * Most bind parameters a filter may produce: PostgreSQL takes at most 65,535 per statement, and the search
     * adds its own.
     */
    public static final int MAX_PARAMS = 10_000;

    private static final SqlFragment NULL = SqlFragment.of("CAST(NULL AS boolean)");
    private static final String MINUS_INFINITY = "'-infinity'::timestamptz";
    private static final String INFINITY = "'infinity'::timestamptz";

    private final Cql2Target target;

    /** Set when some part was rendered as a superset that {@link Cql2Evaluator} must recheck. */
    private boolean inexact;

    /** Set while rendering a temporal predicate that reads an open property. */
    private boolean openInstant;

    private Cql2SqlRenderer(Cql2Target target) {
        this.target = target;
    }

    /** The SQL condition for {@code expr}; throws {@link Cql2Exception} for unknown properties or type errors. */
    public static SqlFragment render(Cql2Expr expr, Cql2Target target) {
        SqlFragment sql = new Cql2SqlRenderer(target).expression(expr, false);
        if (sql.params().size() > MAX_PARAMS) {
            throw new Cql2Exception("Invalid CQL2 filter: too many values ("
                    + sql.params().size() + " bind" + " parameters; at most " + MAX_PARAMS + ")");
        }
        return sql;
    }

    /**
     * Whether rows the SQL selects must be rechecked with {@link Cql2Evaluator}: the filter has a spatial
     * predicate on a property and the target's spatial SQL is only a prefilter, or it reads an instant from an
     * open property.
     */
    public static boolean needsRecheck(Cql2Expr expr, Cql2Target target) {
        if (!target.spatialIsExact() && hasSpatialOnProperty(expr)) {
            return true;
        }
        if (Cql2.propertyNames(expr).stream()
                .noneMatch(name -> target.resolve(name).type() == Cql2Type.JSON)) {
            return false;
        }
        Cql2SqlRenderer renderer = new Cql2SqlRenderer(target);
        renderer.expression(expr, false);
        return renderer.inexact;
    }

    private static boolean hasSpatialOnProperty(Cql2Expr expr) {
        if (expr instanceof And and) {
            return and.args().stream().anyMatch(Cql2SqlRenderer::hasSpatialOnProperty);
        }
        if (expr instanceof Or or) {
            return or.args().stream().anyMatch(Cql2SqlRenderer::hasSpatialOnProperty);
        }
        if (expr instanceof Not not) {
            return hasSpatialOnProperty(not.arg());
        }
        return expr instanceof SpatialPredicate spatial && !Cql2Evaluator.isConstant(spatial);
    }

    private SqlFragment expression(Cql2Expr expr, boolean negated) {
        if (expr instanceof And and) {
            List<SqlFragment> parts = new ArrayList<>();
            for (Cql2Expr arg : and.args()) {
                parts.add(expression(arg, negated));
            }
            return SqlFragment.and(parts);
        }
        if (expr instanceof Or or) {
            List<SqlFragment> parts = new ArrayList<>();
            for (Cql2Expr arg : or.args()) {
                parts.add(expression(arg, negated));
            }
            return SqlFragment.or(parts);
        }
        if (expr instanceof Not not) {
            return SqlFragment.of("NOT ").append(expression(not.arg(), !negated).parenthesized());
        }
        if (Cql2Evaluator.isConstant(expr)) {
            checkConstant(expr);
            Boolean value = Cql2Evaluator.evaluate(expr, ItemView.EMPTY);
            return value == null ? NULL : value ? SqlFragment.TRUE : SqlFragment.FALSE;
        }
        if (expr instanceof Comparison comparison) {
            Anchor anchor = anchor(
                    comparison.left(), comparison.right(), comparison.op().symbol());
            SqlFragment sql = scalar(comparison.left(), anchor)
                    .append(" " + comparison.op().symbol() + " ")
                    .append(scalar(comparison.right(), anchor))
                    .parenthesized();
            return anchor.rechecked() ? recheck(List.of(comparison.left(), comparison.right()), negated) : sql;
        }
        if (expr instanceof Like like) {
            return like(like);
        }
        if (expr instanceof Between between) {
            Anchor anchor = anchor(between.value(), between.low(), "BETWEEN");
            anchor(between.value(), between.high(), "BETWEEN");
            SqlFragment sql = scalar(between.value(), anchor)
                    .append(" BETWEEN ")
                    .append(scalar(between.low(), anchor))
                    .append(" AND ")
                    .append(scalar(between.high(), anchor))
                    .parenthesized();
            return anchor.rechecked() ? recheck(List.of(between.value(), between.low(), between.high()), negated) : sql;
        }
        if (expr instanceof In in) {
            if (in.list().isEmpty()) {
                return SqlFragment.FALSE;
            }
            Anchor anchor = anchor(in.value(), in.list().get(0), "IN");
            List<SqlFragment> items = new ArrayList<>();
            for (Operand item : in.list()) {
                anchor(in.value(), item, "IN");
                items.add(scalar(item, anchor));
            }
            SqlFragment sql = scalar(in.value(), anchor)
                    .append(" IN (")
                    .append(SqlFragment.join(", ", items))
                    .append(")")
                    .parenthesized();
            List<Operand> operands = new ArrayList<>(in.list());
            operands.add(in.value());
            return anchor.rechecked() ? recheck(operands, negated) : sql;
        }
        if (expr instanceof IsNull isNull) {
            return nullable(isNull.value()).append(" IS NULL").parenthesized();
        }
        if (expr instanceof SpatialPredicate spatial) {
            return spatial(spatial, negated);
        }
        if (expr instanceof TemporalPredicate temporal) {
            return temporal(temporal, negated);
        }
        if (expr instanceof ArrayPredicate array) {
            return array(array);
        }
        throw new IllegalStateException("unexpected expression " + expr);
    }

    /**
     * A predicate without properties is evaluated here, but its literals must still fit the operator, so that
     * {@code 'a' < 5} is a 400 rather than a silent NULL.
     */
    private static void checkConstant(Cql2Expr expr) {
        if (expr instanceof Comparison comparison) {
            sameKind(comparison.op().symbol(), comparison.left(), comparison.right());
        } else if (expr instanceof Between between) {
            sameKind("BETWEEN", between.value(), between.low());
            sameKind("BETWEEN", between.value(), between.high());
        } else if (expr instanceof In in) {
            for (Operand item : in.list()) {
                sameKind("IN", in.value(), item);
            }
        } else if (expr instanceof Like like) {
            if (!(scalarKind(like.value()) instanceof String) || Cql2Evaluator.patternText(like.pattern()) == null) {
                throw new Cql2Exception("Invalid CQL2 filter: LIKE compares a string with a string pattern");
            }
        } else if (expr instanceof SpatialPredicate spatial) {
            if (!(spatial.left() instanceof GeometryLiteral) || !(spatial.right() instanceof GeometryLiteral)) {
                throw new Cql2Exception("Invalid CQL2 filter: " + spatial.op().cql2Name() + " compares geometries");
            }
        } else if (expr instanceof TemporalPredicate temporal) {
            for (Operand operand : List.of(temporal.left(), temporal.right())) {
                if (!(operand instanceof IntervalLiteral) && Cql2Evaluator.instant(operand) == null) {
                    throw new Cql2Exception(
                            "Invalid CQL2 filter: " + temporal.op().cql2Name()
                                    + " compares instants or intervals, not " + describe(operand) + " "
                                    + Cql2Evaluator.show(operand));
                }
            }
        } else if (expr instanceof ArrayPredicate array) {
            if (!(array.left() instanceof ArrayLiteral) || !(array.right() instanceof ArrayLiteral)) {
                throw new Cql2Exception("Invalid CQL2 filter: " + array.op().cql2Name() + " compares arrays");
            }
        }
    }

    private static void sameKind(String operator, Operand left, Operand right) {
        Object a = scalarKind(left);
        Object b = scalarKind(right);
        boolean instants = a == Instant.class && (b == Instant.class || b instanceof String)
                || b == Instant.class && a instanceof String;
        if (a == null || b == null || !(a.equals(b) || instants)) {
            throw new Cql2Exception("Invalid CQL2 filter: " + operator + " cannot compare " + describe(left) + " "
                    + Cql2Evaluator.show(left) + " with " + describe(right) + " " + Cql2Evaluator.show(right));
        }
    }

    /** The kind of a scalar literal: "" for strings, Number, Boolean or Instant classes; null if not a scalar. */
    private static @Nullable Object scalarKind(Operand operand) {
        if (operand instanceof StringLiteral) {
            return "";
        }
        if (operand instanceof CaseI caseI) {
            return scalarKind(caseI.value()) instanceof String ? "" : null;
        }
        if (operand instanceof AccentI accentI) {
            return scalarKind(accentI.value()) instanceof String ? "" : null;
        }
        if (operand instanceof NumberLiteral) {
            return Number.class;
        }
        if (operand instanceof BooleanLiteral) {
            return Boolean.class;
        }
        if (operand instanceof TimestampLiteral || operand instanceof DateLiteral) {
            return Instant.class;
        }
        return null;
    }

    // ---- scalars ----

    /**
     * The type both operands of a comparison are rendered as, and whether an open property ({@link
     * Cql2Type#JSON}) takes part, so that the type came from the other operand.
     */
    private record Anchor(Cql2Type type, boolean open) {
        /**
         * Whether the comparison is a timestamp comparison on an open property. SQL cannot read a JSON string as
         * an instant exactly as {@link Cql2Evaluator} does (RFC 3339 only, nanoseconds, no server time zone, and
         * never an error), so such a comparison selects a superset and Java decides.
         */
        boolean rechecked() {
            return open && type == Cql2Type.TIMESTAMP;
        }
    }

    /**
     * The superset a rechecked comparison selects: its open properties hold strings; under NOT, nothing (FALSE
     * keeps {@code NOT (...)} a superset).
     */
    private SqlFragment recheck(List<Operand> operands, boolean negated) {
        inexact = true;
        if (negated) {
            return SqlFragment.FALSE;
        }
        List<SqlFragment> strings = new ArrayList<>();
        for (Operand operand : operands) {
            Queryable property = property(operand);
            if (property != null && property.type() == Cql2Type.JSON) {
                strings.add(SqlFragment.of("jsonb_typeof")
                        .append(property.sql())
                        .append(" = 'string'")
                        .parenthesized());
            }
        }
        return SqlFragment.and(strings);
    }

    /**
     * The type both operands are rendered as: that of the property on the left, else on the right (constants
     * were folded before). Two properties must have compatible types. An open property takes the type of the
     * literal or queryable it is compared with, as CQL2 compares by the literal's type.
     */
    private Anchor anchor(Operand left, Operand right, String operator) {
        Queryable leftProperty = property(left);
        Queryable rightProperty = property(right);
        Queryable anchor = leftProperty != null ? leftProperty : rightProperty;
        if (anchor == null) {
            throw new Cql2Exception("Invalid CQL2 filter: " + operator + " needs a property as one of its operands");
        }
        requireScalar(anchor, operator);
        if (leftProperty != null && rightProperty != null) {
            requireScalar(rightProperty, operator);
            boolean leftOpen = leftProperty.type() == Cql2Type.JSON;
            boolean rightOpen = rightProperty.type() == Cql2Type.JSON;
            if (leftOpen && rightOpen) {
                throw new Cql2Exception("Invalid CQL2 filter: " + operator + " cannot compare property '"
                        + leftProperty.name() + "' with property '" + rightProperty.name()
                        + "': neither is a queryable, so neither has a type to compare by");
            }
            if (leftOpen || rightOpen) {
                return new Anchor(leftOpen ? rightProperty.type() : leftProperty.type(), true);
            }
            if (!compatible(leftProperty.type(), rightProperty.type())) {
                throw new Cql2Exception("Invalid CQL2 filter: property '" + leftProperty.name() + "' is "
                        + leftProperty.type().description() + " and cannot be compared with property '"
                        + rightProperty.name() + "', which is "
                        + rightProperty.type().description());
            }
            return new Anchor(anchor.type(), false);
        }
        if (anchor.type() != Cql2Type.JSON) {
            return new Anchor(anchor.type(), false);
        }
        Operand literal = leftProperty != null ? right : left;
        Cql2Type type = literalType(literal);
        if (type == null) {
            throw new Cql2Exception("Invalid CQL2 filter: " + operator + " compares property '" + anchor.name()
                    + "' with a string, number, boolean, timestamp or date, not " + describe(literal) + " "
                    + Cql2Evaluator.show(literal));
        }
        return new Anchor(type, true);
    }

    /** The type a scalar literal compares as, looking through CASEI and ACCENTI; null if not a scalar. */
    private static @Nullable Cql2Type literalType(Operand literal) {
        Object kind = scalarKind(literal);
        if (kind instanceof String) {
            return Cql2Type.STRING;
        }
        if (kind == Number.class) {
            return Cql2Type.NUMBER;
        }
        if (kind == Boolean.class) {
            return Cql2Type.BOOLEAN;
        }
        return kind == Instant.class ? Cql2Type.TIMESTAMP : null;
    }

    private static boolean compatible(Cql2Type a, Cql2Type b) {
        return a == b || (a.isNumeric() && b.isNumeric());
    }

    private static void requireScalar(Queryable queryable, String operator) {
        if (queryable.type() == Cql2Type.GEOMETRY) {
            throw new Cql2Exception("Invalid CQL2 filter: property '" + queryable.name()
                    + "' is a geometry; use a spatial function such as s_intersects instead of " + operator);
        }
        if (queryable.type().isArray()) {
            throw new Cql2Exception("Invalid CQL2 filter: property '" + queryable.name() + "' is "
                    + queryable.type().description() + "; use an array function such as a_contains instead of "
                    + operator);
        }
    }

    /** The queryable an operand reads, looking through CASEI and ACCENTI; null for literals. */
    private @Nullable Queryable property(Operand operand) {
        if (operand instanceof PropertyRef ref) {
            return target.resolve(ref.name());
        }
        if (operand instanceof CaseI caseI) {
            return property(caseI.value());
        }
        if (operand instanceof AccentI accentI) {
            return property(accentI.value());
        }
        return null;
    }

    private SqlFragment scalar(Operand operand, Cql2Type type) {
        return scalar(operand, new Anchor(type, false));
    }

    private SqlFragment scalar(Operand operand, Anchor anchor) {
        Cql2Type type = anchor.type();
        if (operand instanceof PropertyRef ref) {
            return column(target.resolve(ref.name()), type);
        }
        if (operand instanceof CaseI caseI) {
            requireString(type, "CASEI");
            return SqlFragment.of("lower(")
                    .append(scalar(caseI.value(), anchor))
                    .append(")");
        }
        if (operand instanceof AccentI accentI) {
            requireString(type, "ACCENTI");
            return SqlFragment.of("translate(")
                    .append(scalar(accentI.value(), anchor))
                    .append(SqlFragment.of(", ?, ?)", Accents.FROM, Accents.TO));
        }
        if (anchor.open() && type.isNumeric() && operand instanceof NumberLiteral number) {
            // exact, as the JSON number it meets and as Cql2Evaluator compares (a double would round)
            return SqlFragment.of("CAST(? AS numeric)", number.value());
        }
        Object value = literalValue(operand, type);
        if (value == null) {
            throw new Cql2Exception("Invalid CQL2 filter: expected " + type.description() + " but got "
                    + describe(operand) + " " + Cql2Evaluator.show(operand));
        }
        return SqlFragment.of("?", value);
    }

    /**
     * A queryable's value as {@code type}. An open property's jsonb becomes that SQL type when the JSON value has
     * the matching JSON type and is NULL otherwise (unknown, as Cql2Evaluator compares values of different kinds);
     * strings compare by code point ({@code COLLATE "C"}), as Java does. A timestamp is never read from it here
     * (see {@link Anchor#rechecked()}): the placeholder NULL only lets the literals be checked.
     */
    private static SqlFragment column(Queryable queryable, Cql2Type type) {
        if (queryable.type() != Cql2Type.JSON) {
            return queryable.sql();
        }
        SqlFragment json = queryable.sql();
        switch (type) {
            case STRING:
                return typed(json, "string", json.append(" #>> '{}'"))
                        .append(" COLLATE \"C\"")
                        .parenthesized();
            case NUMBER:
            case INTEGER:
                return typed(
                        json, "number", SqlFragment.of("CAST(").append(json).append(" AS numeric)"));
            case BOOLEAN:
                return typed(
                        json, "boolean", SqlFragment.of("CAST(").append(json).append(" AS boolean)"));
            case TIMESTAMP:
                return SqlFragment.of("CAST(NULL AS timestamptz)");
            default:
                throw new IllegalStateException("no scalar reading of an open property as " + type);
        }
    }

    private static SqlFragment typed(SqlFragment json, String jsonType, SqlFragment value) {
        return SqlFragment.of("(CASE WHEN jsonb_typeof(")
                .append(json)
                .append(") = '" + jsonType + "' THEN ")
                .append(value)
                .append(" END)");
    }

    private static void requireString(Cql2Type type, String function) {
        if (type != Cql2Type.STRING) {
            throw new Cql2Exception(
                    "Invalid CQL2 filter: " + function + " applies to strings, not to " + type.description());
        }
    }

    /** The JDBC parameter for a literal of the given type, or null if the literal does not fit the type. */
    private static @Nullable Object literalValue(Operand literal, Cql2Type type) {
        switch (type) {
            case STRING:
                return literal instanceof StringLiteral s ? text(s.value()) : null;
            case NUMBER:
            case INTEGER:
                return literal instanceof NumberLiteral n ? n.jdbcValue() : null;
            case BOOLEAN:
                return literal instanceof BooleanLiteral b ? (Object) b.value() : null;
            case TIMESTAMP: {
                Instant instant = Cql2Evaluator.instant(literal);
                return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
            }
            default:
                return null;
        }
    }

    private SqlFragment like(Like like) {
        Queryable property = property(like.value());
        if (property == null) {
            throw new Cql2Exception("Invalid CQL2 filter: LIKE needs a property on its left");
        }
        if (property.type() != Cql2Type.STRING && property.type() != Cql2Type.JSON) {
            throw new Cql2Exception("Invalid CQL2 filter: LIKE applies to strings; property '" + property.name()
                    + "' is " + property.type().description());
        }
        String pattern = Cql2Evaluator.patternText(like.pattern());
        if (pattern == null) {
            throw new Cql2Exception(
                    "Invalid CQL2 filter: the pattern of LIKE must be a string literal (optionally in CASEI/ACCENTI)");
        }
        if (!Cql2Evaluator.isValidPattern(pattern)) {
            throw new Cql2Exception("Invalid CQL2 filter: the LIKE pattern '" + Cql2TextParser.excerpt(pattern)
                    + "' ends with the escape character \\");
        }
        return scalar(like.value(), Cql2Type.STRING)
                .append(" LIKE ")
                .append(scalar(like.pattern(), Cql2Type.STRING))
                .append(" ESCAPE '\\'")
                .parenthesized();
    }

    private SqlFragment nullable(Operand operand) {
        if (operand instanceof PropertyRef ref) {
            return target.resolve(ref.name()).sql();
        }
        Queryable property = property(operand);
        if (property == null) {
            throw new Cql2Exception("Invalid CQL2 filter: IS NULL needs a property");
        }
        // CASEI and ACCENTI yield strings: an open property under them reads as one
        return scalar(operand, property.type() == Cql2Type.JSON ? Cql2Type.STRING : property.type());
    }

    // ---- spatial ----

    private SqlFragment spatial(SpatialPredicate predicate, boolean negated) {
        SpatialOp op = predicate.op();
        Operand propertySide = predicate.left();
        Operand literalSide = predicate.right();
        if (!(propertySide instanceof PropertyRef)) {
            op = op.converse();
            propertySide = predicate.right();
            literalSide = predicate.left();
        }
        if (!(propertySide instanceof PropertyRef ref) || !(literalSide instanceof GeometryLiteral literal)) {
            throw new Cql2Exception("Invalid CQL2 filter: " + predicate.op().cql2Name()
                    + " compares the geometry property with a geometry literal (WKT, GeoJSON or BBOX)");
        }
        Queryable queryable = target.resolve(ref.name());
        if (queryable.type() != Cql2Type.GEOMETRY) {
            throw new Cql2Exception(
                    "Invalid CQL2 filter: " + predicate.op().cql2Name() + " needs a geometry, but" + " property '"
                            + queryable.name() + "' is " + queryable.type().description());
        }
        if (negated && !target.spatialIsExact()) {
            // The target's SQL is a superset; under NOT it would become a subset. FALSE keeps NOT(...) a
            // superset, and the caller's recheck decides.
            return SqlFragment.FALSE;
        }
        return target.spatial(op, literal.geometry()).parenthesized();
    }

    // ---- temporal ----

    private record Bounds(SqlFragment start, SqlFragment end) {}

    private SqlFragment temporal(TemporalPredicate predicate, boolean negated) {
        openInstant = false;
        SqlFragment sql = temporal(predicate);
        if (openInstant) {
            // an instant read from an open property: a superset, rechecked (see Anchor.rechecked)
            inexact = true;
            return negated ? SqlFragment.FALSE : SqlFragment.TRUE;
        }
        return sql;
    }

    private SqlFragment temporal(TemporalPredicate predicate) {
        String name = predicate.op().cql2Name();
        if (predicate.op().intervalsOnly()) {
            for (Operand operand : List.of(predicate.left(), predicate.right())) {
                boolean interval = operand instanceof IntervalLiteral
                        || operand instanceof PropertyRef ref && ref.name().equals(Cql2Target.DATETIME);
                if (!interval) {
                    if (operand instanceof PropertyRef ref) {
                        target.resolve(ref.name());
                    }
                    throw Cql2.intervalsOnly(predicate, operand);
                }
            }
        }
        Bounds a = bounds(predicate.left(), name);
        Bounds b = bounds(predicate.right(), name);
        switch (predicate.op()) {
            case T_AFTER:
                return cmp(a.start, ">", b.end);
            case T_BEFORE:
                return cmp(a.end, "<", b.start);
            case T_CONTAINS:
                return SqlFragment.and(List.of(cmp(a.start, "<", b.start), cmp(a.end, ">", b.end)));
            case T_DISJOINT:
                return SqlFragment.or(List.of(cmp(a.start, ">", b.end), cmp(a.end, "<", b.start)));
            case T_DURING:
                return SqlFragment.and(List.of(cmp(a.start, ">", b.start), cmp(a.end, "<", b.end)));
            case T_EQUALS:
                return SqlFragment.and(List.of(cmp(a.start, "=", b.start), cmp(a.end, "=", b.end)));
            case T_FINISHED_BY:
                return SqlFragment.and(List.of(cmp(a.start, "<", b.start), cmp(a.end, "=", b.end)));
            case T_FINISHES:
                return SqlFragment.and(List.of(cmp(a.start, ">", b.start), cmp(a.end, "=", b.end)));
            case T_INTERSECTS:
                return SqlFragment.and(List.of(cmp(a.start, "<=", b.end), cmp(a.end, ">=", b.start)));
            case T_MEETS:
                return cmp(a.end, "=", b.start);
            case T_MET_BY:
                return cmp(a.start, "=", b.end);
            case T_OVERLAPPED_BY:
                return SqlFragment.and(
                        List.of(cmp(a.start, ">", b.start), cmp(a.start, "<", b.end), cmp(a.end, ">", b.end)));
            case T_OVERLAPS:
                return SqlFragment.and(
                        List.of(cmp(a.start, "<", b.start), cmp(a.end, ">", b.start), cmp(a.end, "<", b.end)));
            case T_STARTED_BY:
                return SqlFragment.and(List.of(cmp(a.start, "=", b.start), cmp(a.end, ">", b.end)));
            case T_STARTS:
                return SqlFragment.and(List.of(cmp(a.start, "=", b.start), cmp(a.end, "<", b.end)));
            default:
                throw new IllegalStateException("unexpected temporal operator " + predicate.op());
        }
    }

    private static SqlFragment cmp(SqlFragment left, String op, SqlFragment right) {
        return left.append(" " + op + " ").append(right);
    }

    private Bounds bounds(Operand operand, String function) {
        if (operand instanceof PropertyRef ref && ref.name().equals(Cql2Target.DATETIME)) {
            target.resolve(ref.name());
            TemporalColumns columns = target.temporal();
            return new Bounds(SqlFragment.of("(" + columns.start() + ")"), SqlFragment.of("(" + columns.end() + ")"));
        }
        if (operand instanceof IntervalLiteral interval) {
            return new Bounds(bound(interval.start(), true, function), bound(interval.end(), false, function));
        }
        Cql2Evaluator.Span span = Cql2Evaluator.span(operand);
        if (span != null) {
            return new Bounds(timestamp(span.start()), timestamp(span.end()));
        }
        SqlFragment instant = instantSql(operand, function);
        return new Bounds(instant, instant);
    }

    private static SqlFragment timestamp(Instant instant) {
        return SqlFragment.of("?", OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private SqlFragment bound(Operand operand, boolean start, String function) {
        if (operand instanceof OpenBound) {
            return SqlFragment.of(start ? MINUS_INFINITY : INFINITY);
        }
        if (operand instanceof PropertyRef ref && ref.name().equals(Cql2Target.DATETIME)) {
            target.resolve(ref.name());
            TemporalColumns columns = target.temporal();
            return SqlFragment.of("(" + (start ? columns.start() : columns.end()) + ")");
        }
        Cql2Evaluator.Span span = Cql2Evaluator.span(operand);
        if (span != null) {
            return timestamp(start ? span.start() : span.end());
        }
        return instantSql(operand, function);
    }

    private SqlFragment instantSql(Operand operand, String function) {
        if (operand instanceof PropertyRef ref) {
            Queryable queryable = target.resolve(ref.name());
            if (queryable.type() == Cql2Type.JSON) {
                openInstant = true;
                return SqlFragment.of("CAST(NULL AS timestamptz)");
            }
            if (queryable.type() != Cql2Type.TIMESTAMP) {
                throw new Cql2Exception("Invalid CQL2 filter: " + function + " needs a timestamp, but property '"
                        + queryable.name() + "' is " + queryable.type().description());
            }
            return queryable.sql();
        }
        Instant instant = Cql2Evaluator.instant(operand);
        if (instant == null) {
            throw new Cql2Exception("Invalid CQL2 filter: " + function
                    + " compares instants or intervals (TIMESTAMP, DATE, INTERVAL or a timestamp property), not "
                    + describe(operand) + " " + Cql2Evaluator.show(operand));
        }
        return SqlFragment.of("?", OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    // ---- arrays ----

    private SqlFragment array(ArrayPredicate predicate) {
        ArrayOp op = predicate.op();
        Operand left = predicate.left();
        Operand right = predicate.right();
        if (!(left instanceof PropertyRef)) {
            op = op.converse();
            left = predicate.right();
            right = predicate.left();
        }
        String name = predicate.op().cql2Name();
        if (!(left instanceof PropertyRef ref)) {
            throw new Cql2Exception("Invalid CQL2 filter: " + name + " needs an array property");
        }
        Queryable property = arrayProperty(ref, name);
        SqlFragment leftSql = property.sql();
        if (right instanceof PropertyRef other) {
            Queryable otherProperty = arrayProperty(other, name);
            if (op == ArrayOp.A_OVERLAPS) {
                throw new Cql2Exception(
                        "Invalid CQL2 filter: a_overlaps compares an array property with an array literal");
            }
            if (property.type() == Cql2Type.JSON || otherProperty.type() == Cql2Type.JSON) {
                // jsonb containment lets an array contain a bare scalar, which CQL2 does not
                throw new Cql2Exception("Invalid CQL2 filter: " + name + " compares a property that is not a"
                        + " queryable with an array literal only");
            }
            return arraySql(op, leftSql, otherProperty.sql());
        }
        if (!(right instanceof ArrayLiteral literal)) {
            throw new Cql2Exception("Invalid CQL2 filter: " + name + " compares arrays, not " + describe(right) + " "
                    + Cql2Evaluator.show(right));
        }
        if (op == ArrayOp.A_OVERLAPS) {
            List<SqlFragment> parts = new ArrayList<>();
            for (Operand item : literal.items()) {
                parts.add(leftSql.append(" @> ").append(jsonb(List.of(item), property)));
            }
            return SqlFragment.or(parts);
        }
        return arraySql(op, leftSql, jsonb(literal.items(), property));
    }

    private Queryable arrayProperty(PropertyRef ref, String function) {
        Queryable queryable = target.resolve(ref.name());
        if (!queryable.type().isArray() && queryable.type() != Cql2Type.JSON) {
            throw new Cql2Exception("Invalid CQL2 filter: " + function + " needs an array, but property '"
                    + queryable.name() + "' is " + queryable.type().description());
        }
        return queryable;
    }

    private static SqlFragment arraySql(ArrayOp op, SqlFragment left, SqlFragment right) {
        switch (op) {
            case A_EQUALS:
                // CQL2 compares arrays as sets: equal when each contains the other.
                return left.append(" @> ")
                        .append(right)
                        .append(" AND ")
                        .append(left)
                        .append(" <@ ")
                        .append(right)
                        .parenthesized();
            case A_CONTAINS:
                return left.append(" @> ").append(right).parenthesized();
            case A_CONTAINED_BY:
                // jsonb lets an array contain a scalar ('"a"' <@ '["a"]'); CQL2 compares arrays only.
                return SqlFragment.of("(jsonb_typeof(")
                        .append(left)
                        .append(") = 'array' AND ")
                        .append(left)
                        .append(" <@ ")
                        .append(right)
                        .append(")");
            default:
                throw new IllegalStateException("unexpected array operator " + op);
        }
    }

    private static SqlFragment jsonb(List<Operand> items, Queryable property) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Operand item : items) {
            if (property.type() == Cql2Type.STRING_ARRAY && item instanceof StringLiteral s) {
                array.add(text(s.value()));
            } else if (property.type() == Cql2Type.NUMBER_ARRAY && item instanceof NumberLiteral n) {
                BigDecimal value = n.value();
                array.add(value);
            } else if (property.type() == Cql2Type.JSON && item instanceof StringLiteral s) {
                array.add(text(s.value()));
            } else if (property.type() == Cql2Type.JSON && item instanceof NumberLiteral n) {
                array.add(n.value());
            } else if (property.type() == Cql2Type.JSON && item instanceof BooleanLiteral b) {
                array.add(b.value());
            } else {
                throw new Cql2Exception("Invalid CQL2 filter: property '" + property.name() + "' is "
                        + property.type().description() + ", but the array literal holds " + describe(item) + " "
                        + Cql2Evaluator.show(item));
            }
        }
        return SqlFragment.of("CAST(? AS jsonb)", array.toString());
    }

    /** A string for a bind parameter: PostgreSQL text (and jsonb) cannot hold NUL, and would fail the query. */
    private static String text(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new Cql2Exception("Invalid CQL2 filter: a string literal cannot contain the NUL character");
        }
        return value;
    }

    static String describe(Operand operand) {
        if (operand instanceof StringLiteral) {
            return "a string";
        }
        if (operand instanceof NumberLiteral) {
            return "a number";
        }
        if (operand instanceof BooleanLiteral) {
            return "a boolean";
        }
        if (operand instanceof TimestampLiteral) {
            return "a timestamp";
        }
        if (operand instanceof DateLiteral) {
            return "a date";
        }
        if (operand instanceof IntervalLiteral) {
            return "an interval";
        }
        if (operand instanceof GeometryLiteral) {
            return "a geometry";
        }
        if (operand instanceof ArrayLiteral) {
            return "an array";
        }
        if (operand instanceof PropertyRef) {
            return "property";
        }
        return "a value";
    }
}
