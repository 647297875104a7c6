package org.isotherm.stac.cql2;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.isotherm.stac.cql2.Cql2Expr.AccentI;
import org.isotherm.stac.cql2.Cql2Expr.And;
import org.isotherm.stac.cql2.Cql2Expr.ArrayLiteral;
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
import org.isotherm.stac.cql2.Cql2Expr.SpatialPredicate;
import org.isotherm.stac.cql2.Cql2Expr.StringLiteral;
import org.isotherm.stac.cql2.Cql2Expr.TemporalPredicate;
import org.isotherm.stac.cql2.Cql2Expr.TimestampLiteral;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.relateng.RelateNG;
import org.locationtech.jts.operation.relateng.RelatePredicate;
import org.locationtech.jts.operation.relateng.TopologyPredicate;
import tools.jackson.databind.JsonNode;

/**
 * Evaluates a {@link Cql2Expr} against one item in Java, with SQL's three-valued logic (a comparison with a
 * missing property is unknown, {@code NOT unknown} is unknown, and only TRUE matches). Spatial predicates are
 * exact (JTS RelateNG, planar lon/lat), so the STAC search rechecks rows its SQL prefilter selected; tests use it
 * as an independent oracle for {@link Cql2SqlRenderer}. Temporal predicates follow the same interval table.
 */
public final class Cql2Evaluator {

    private Cql2Evaluator() {}

    /** Whether the item matches (the filter is TRUE, not FALSE or unknown). */
    public static boolean matches(Cql2Expr expr, ItemView item) {
        return Boolean.TRUE.equals(evaluate(expr, item));
    }

    /** TRUE, FALSE, or null for unknown. */
    public static @Nullable Boolean evaluate(Cql2Expr expr, ItemView item) {
        if (expr instanceof BooleanLiteral literal) {
            return literal.value();
        }
        if (expr instanceof And and) {
            Boolean result = Boolean.TRUE;
            for (Cql2Expr arg : and.args()) {
                Boolean value = evaluate(arg, item);
                if (Boolean.FALSE.equals(value)) {
                    return false;
                }
                if (value == null) {
                    result = null;
                }
            }
            return result;
        }
        if (expr instanceof Or or) {
            Boolean result = Boolean.FALSE;
            for (Cql2Expr arg : or.args()) {
                Boolean value = evaluate(arg, item);
                if (Boolean.TRUE.equals(value)) {
                    return true;
                }
                if (value == null) {
                    result = null;
                }
            }
            return result;
        }
        if (expr instanceof Not not) {
            Boolean value = evaluate(not.arg(), item);
            return value == null ? null : !value;
        }
        if (expr instanceof Comparison comparison) {
            Integer order = compare(value(comparison.left(), item), value(comparison.right(), item));
            if (order == null) {
                return null;
            }
            switch (comparison.op()) {
                case EQ:
                    return order == 0;
                case NE:
                    return order != 0;
                case LT:
                    return order < 0;
                case LE:
                    return order <= 0;
                case GT:
                    return order > 0;
                case GE:
                    return order >= 0;
                default:
                    throw new IllegalStateException("unexpected comparison " + comparison.op());
            }
        }
        if (expr instanceof Like like) {
            Object value = value(like.value(), item);
            Object pattern = value(like.pattern(), item);
            if (!(value instanceof String text) || !(pattern instanceof String glob)) {
                return null;
            }
            return like(text, glob);
        }
        if (expr instanceof Between between) {
            Object value = value(between.value(), item);
            Integer low = compare(value, value(between.low(), item));
            Integer high = compare(value, value(between.high(), item));
            Boolean aboveLow = low == null ? null : low >= 0;
            Boolean belowHigh = high == null ? null : high <= 0;
            if (Boolean.FALSE.equals(aboveLow) || Boolean.FALSE.equals(belowHigh)) {
                return false;
            }
            return aboveLow == null || belowHigh == null ? null : true;
        }
        if (expr instanceof In in) {
            Object value = value(in.value(), item);
            Boolean result = Boolean.FALSE;
            for (Operand candidate : in.list()) {
                Integer order = compare(value, value(candidate, item));
                if (order == null) {
                    result = null;
                } else if (order == 0) {
                    return true;
                }
            }
            return result;
        }
        if (expr instanceof IsNull isNull) {
            return value(isNull.value(), item) == null;
        }
        if (expr instanceof SpatialPredicate spatial) {
            return spatial(spatial, item);
        }
        if (expr instanceof TemporalPredicate temporal) {
            return temporal(temporal, item);
        }
        if (expr instanceof ArrayPredicate array) {
            return array(array, item);
        }
        throw new IllegalStateException("unexpected expression " + expr);
    }

    // ---- values ----

    private static @Nullable Object value(Operand operand, ItemView item) {
        if (operand instanceof PropertyRef ref) {
            if (ref.name().equals("geometry")) {
                return item.geometry();
            }
            return json(item.properties().get(ref.name()));
        }
        if (operand instanceof StringLiteral s) {
            return s.value();
        }
        if (operand instanceof NumberLiteral n) {
            return n.value();
        }
        if (operand instanceof BooleanLiteral b) {
            return b.value();
        }
        if (operand instanceof TimestampLiteral t) {
            return t.value();
        }
        if (operand instanceof DateLiteral d) {
            return d.instant();
        }
        if (operand instanceof GeometryLiteral g) {
            return g.geometry();
        }
        if (operand instanceof ArrayLiteral array) {
            List<@Nullable Object> values = new ArrayList<>();
            for (Operand element : array.items()) {
                values.add(value(element, item));
            }
            return values;
        }
        if (operand instanceof CaseI caseI) {
            return value(caseI.value(), item) instanceof String s ? s.toLowerCase(Locale.ROOT) : null;
        }
        if (operand instanceof AccentI accentI) {
            return value(accentI.value(), item) instanceof String s ? Accents.fold(s) : null;
        }
        return null;
    }

    private static @Nullable Object json(@Nullable JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isArray()) {
            List<@Nullable Object> values = new ArrayList<>();
            for (JsonNode element : node) {
                values.add(json(element));
            }
            return values;
        }
        return node;
    }

    /** Orders two values of the same kind; null when either is unknown or they are not comparable. */
    private static @Nullable Integer compare(@Nullable Object a, @Nullable Object b) {
        if (a == null || b == null) {
            return null;
        }
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y);
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        Instant x = asInstant(a);
        Instant y = asInstant(b);
        if (x != null && y != null && (a instanceof Instant || b instanceof Instant)) {
            return x.compareTo(y);
        }
        return null;
    }

    private static @Nullable Instant asInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof String text) {
            Operand parsed = Cql2Literals.intervalBound(text);
            return parsed instanceof OpenBound ? null : parsed == null ? null : instant(parsed);
        }
        return null;
    }

    /** The instant of a timestamp or date literal, or of a string holding one; null otherwise. */
    static @Nullable Instant instant(Operand operand) {
        if (operand instanceof TimestampLiteral t) {
            return t.value();
        }
        if (operand instanceof DateLiteral d) {
            return d.instant();
        }
        if (operand instanceof StringLiteral s) {
            TimestampLiteral timestamp = Cql2Literals.timestamp(s.value());
            if (timestamp != null) {
                return timestamp.value();
            }
            DateLiteral date = Cql2Literals.date(s.value());
            return date == null ? null : date.instant();
        }
        return null;
    }

    // ---- like ----

    /** The pattern of a LIKE when it is a string literal, possibly inside CASEI/ACCENTI. */
    static @Nullable String patternText(Operand pattern) {
        if (pattern instanceof StringLiteral s) {
            return s.value();
        }
        if (pattern instanceof CaseI caseI) {
            return patternText(caseI.value());
        }
        if (pattern instanceof AccentI accentI) {
            return patternText(accentI.value());
        }
        return null;
    }

    /** False when the pattern ends with an escape character that escapes nothing. */
    static boolean isValidPattern(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) == '\\') {
                if (i + 1 == pattern.length()) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    private static final int ANY_ONE = -1;
    private static final int ANY_RUN = -2;

    /**
     * CQL2 LIKE: {@code %} any run, {@code _} one character, {@code \} escapes. Greedy matching with one
     * backtrack point, O(text x pattern) at worst; no regular expression.
     */
    static @Nullable Boolean like(String text, String pattern) {
        if (!isValidPattern(pattern)) {
            return null;
        }
        int[] codes = new int[pattern.length()];
        int n = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                codes[n++] = pattern.charAt(++i);
            } else if (c == '%') {
                codes[n++] = ANY_RUN;
            } else if (c == '_') {
                codes[n++] = ANY_ONE;
            } else {
                codes[n++] = c;
            }
        }
        int t = 0;
        int p = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (p < n && (codes[p] == ANY_ONE || codes[p] == text.charAt(t))) {
                t++;
                p++;
            } else if (p < n && codes[p] == ANY_RUN) {
                star = p++;
                mark = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < n && codes[p] == ANY_RUN) {
            p++;
        }
        return p == n;
    }

    // ---- spatial ----

    private static @Nullable Boolean spatial(SpatialPredicate predicate, ItemView item) {
        Object left = value(predicate.left(), item);
        Object right = value(predicate.right(), item);
        if (!(left instanceof Geometry a) || !(right instanceof Geometry b)) {
            return null;
        }
        TopologyPredicate relation;
        switch (predicate.op()) {
            case S_INTERSECTS:
                relation = RelatePredicate.intersects();
                break;
            case S_EQUALS:
                relation = RelatePredicate.equalsTopo();
                break;
            case S_DISJOINT:
                relation = RelatePredicate.disjoint();
                break;
            case S_TOUCHES:
                relation = RelatePredicate.touches();
                break;
            case S_WITHIN:
                relation = RelatePredicate.within();
                break;
            case S_OVERLAPS:
                relation = RelatePredicate.overlaps();
                break;
            case S_CROSSES:
                relation = RelatePredicate.crosses();
                break;
            case S_CONTAINS:
                relation = RelatePredicate.contains();
                break;
            default:
                throw new IllegalStateException("unexpected spatial operator " + predicate.op());
        }
        try {
            return RelateNG.relate(a, b, relation);
        } catch (RuntimeException e) {
            // JTS gives up on some invalid geometries (e.g. degenerate rings); that is the client's literal.
            throw new Cql2Exception("Invalid CQL2 filter: " + predicate.op().cql2Name()
                    + " cannot be evaluated with this geometry literal; is it a valid geometry?");
        }
    }

    // ---- temporal ----

    private record Interval(
            @Nullable Instant start, @Nullable Instant end) {}

    private static @Nullable Boolean temporal(TemporalPredicate predicate, ItemView item) {
        Interval a = interval(predicate.left(), item);
        Interval b = interval(predicate.right(), item);
        if (a == null || b == null) {
            return null;
        }
        switch (predicate.op()) {
            case T_AFTER:
                return cmp(a.start, b.end, 1);
            case T_BEFORE:
                return cmp(a.end, b.start, -1);
            case T_CONTAINS:
                return and(cmp(a.start, b.start, -1), cmp(a.end, b.end, 1));
            case T_DISJOINT:
                return or(cmp(a.start, b.end, 1), cmp(a.end, b.start, -1));
            case T_DURING:
                return and(cmp(a.start, b.start, 1), cmp(a.end, b.end, -1));
            case T_EQUALS:
                return and(cmp(a.start, b.start, 0), cmp(a.end, b.end, 0));
            case T_FINISHED_BY:
                return and(cmp(a.start, b.start, -1), cmp(a.end, b.end, 0));
            case T_FINISHES:
                return and(cmp(a.start, b.start, 1), cmp(a.end, b.end, 0));
            case T_INTERSECTS:
                return and(not(cmp(a.start, b.end, 1)), not(cmp(a.end, b.start, -1)));
            case T_MEETS:
                return cmp(a.end, b.start, 0);
            case T_MET_BY:
                return cmp(a.start, b.end, 0);
            case T_OVERLAPPED_BY:
                return and(and(cmp(a.start, b.start, 1), cmp(a.start, b.end, -1)), cmp(a.end, b.end, 1));
            case T_OVERLAPS:
                return and(and(cmp(a.start, b.start, -1), cmp(a.end, b.start, 1)), cmp(a.end, b.end, -1));
            case T_STARTED_BY:
                return and(cmp(a.start, b.start, 0), cmp(a.end, b.end, 1));
            case T_STARTS:
                return and(cmp(a.start, b.start, 0), cmp(a.end, b.end, -1));
            default:
                throw new IllegalStateException("unexpected temporal operator " + predicate.op());
        }
    }

    /** Whether {@code x} compares to {@code y} as {@code sign} says (-1 less, 0 equal, 1 greater); null if unknown. */
    private static @Nullable Boolean cmp(@Nullable Instant x, @Nullable Instant y, int sign) {
        if (x == null || y == null) {
            return null;
        }
        return Integer.signum(x.compareTo(y)) == sign;
    }

    private static @Nullable Boolean and(@Nullable Boolean x, @Nullable Boolean y) {
        if (Boolean.FALSE.equals(x) || Boolean.FALSE.equals(y)) {
            return false;
        }
        return x == null || y == null ? null : true;
    }

    private static @Nullable Boolean or(@Nullable Boolean x, @Nullable Boolean y) {
        if (Boolean.TRUE.equals(x) || Boolean.TRUE.equals(y)) {
            return true;
        }
        return x == null || y == null ? null : false;
    }

    private static @Nullable Boolean not(@Nullable Boolean x) {
        return x == null ? null : !x;
    }

    private static @Nullable Interval interval(Operand operand, ItemView item) {
        if (operand instanceof PropertyRef ref && ref.name().equals(Cql2Target.DATETIME)) {
            return new Interval(item.start(), item.end());
        }
        if (operand instanceof IntervalLiteral interval) {
            return new Interval(bound(interval.start(), item, true), bound(interval.end(), item, false));
        }
        Span span = span(operand);
        if (span != null) {
            return new Interval(span.start(), span.end());
        }
        Instant instant = instantValue(operand, item);
        return new Interval(instant, instant);
    }

    private static @Nullable Instant bound(Operand operand, ItemView item, boolean start) {
        if (operand instanceof OpenBound) {
            return start ? Instant.MIN : Instant.MAX;
        }
        if (operand instanceof PropertyRef ref && ref.name().equals(Cql2Target.DATETIME)) {
            return start ? item.start() : item.end();
        }
        Span span = span(operand);
        if (span != null) {
            return start ? span.start() : span.end();
        }
        return instantValue(operand, item);
    }

    /** The time a temporal literal covers in temporal functions: a timestamp [t, t], a date its whole day. */
    record Span(Instant start, Instant end) {}

    static @Nullable Span span(Operand operand) {
        if (operand instanceof TimestampLiteral t) {
            return new Span(t.value(), t.value());
        }
        if (operand instanceof DateLiteral d) {
            return new Span(d.instant(), d.endOfDay());
        }
        if (operand instanceof StringLiteral s) {
            Operand parsed = Cql2Literals.intervalBound(s.value());
            return parsed instanceof TimestampLiteral || parsed instanceof DateLiteral ? span(parsed) : null;
        }
        return null;
    }

    private static @Nullable Instant instantValue(Operand operand, ItemView item) {
        Object value = value(operand, item);
        return value == null ? null : asInstant(value);
    }

    // ---- arrays ----

    private static @Nullable Boolean array(ArrayPredicate predicate, ItemView item) {
        Object left = value(predicate.left(), item);
        Object right = value(predicate.right(), item);
        if (left == null || right == null) {
            return null;
        }
        if (!(left instanceof List<?> a) || !(right instanceof List<?> b)) {
            return false;
        }
        switch (predicate.op()) {
            case A_EQUALS:
                return containsAll(a, b) && containsAll(b, a);
            case A_CONTAINS:
                return containsAll(a, b);
            case A_CONTAINED_BY:
                return containsAll(b, a);
            case A_OVERLAPS:
                for (Object element : b) {
                    if (containsAll(a, List.of(element))) {
                        return true;
                    }
                }
                return false;
            default:
                throw new IllegalStateException("unexpected array operator " + predicate.op());
        }
    }

    private static boolean containsAll(List<?> container, List<?> elements) {
        for (Object element : elements) {
            boolean found = false;
            for (Object candidate : container) {
                if (same(candidate, element)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(@Nullable Object a, @Nullable Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return a == null ? b == null : a.equals(b);
    }

    // ---- helpers for the renderer ----

    /** Whether no operand anywhere in {@code expr} names a property. */
    static boolean isConstant(Cql2Expr expr) {
        if (expr instanceof And and) {
            return and.args().stream().allMatch(Cql2Evaluator::isConstant);
        }
        if (expr instanceof Or or) {
            return or.args().stream().allMatch(Cql2Evaluator::isConstant);
        }
        if (expr instanceof Not not) {
            return isConstant(not.arg());
        }
        if (expr instanceof Comparison c) {
            return isConstant(c.left()) && isConstant(c.right());
        }
        if (expr instanceof Like like) {
            return isConstant(like.value()) && isConstant(like.pattern());
        }
        if (expr instanceof Between between) {
            return isConstant(between.value()) && isConstant(between.low()) && isConstant(between.high());
        }
        if (expr instanceof In in) {
            return isConstant(in.value()) && in.list().stream().allMatch(Cql2Evaluator::isConstant);
        }
        if (expr instanceof IsNull isNull) {
            return isConstant(isNull.value());
        }
        if (expr instanceof SpatialPredicate s) {
            return isConstant(s.left()) && isConstant(s.right());
        }
        if (expr instanceof TemporalPredicate t) {
            return isConstant(t.left()) && isConstant(t.right());
        }
        if (expr instanceof ArrayPredicate a) {
            return isConstant(a.left()) && isConstant(a.right());
        }
        return true;
    }

    static boolean isConstant(Operand operand) {
        if (operand instanceof PropertyRef) {
            return false;
        }
        if (operand instanceof CaseI caseI) {
            return isConstant(caseI.value());
        }
        if (operand instanceof AccentI accentI) {
            return isConstant(accentI.value());
        }
        if (operand instanceof IntervalLiteral interval) {
            return isConstant(interval.start()) && isConstant(interval.end());
        }
        if (operand instanceof ArrayLiteral array) {
            return array.items().stream().allMatch(Cql2Evaluator::isConstant);
        }
        return true;
    }

    /** A short rendering of an operand for error messages. */
    static String show(Operand operand) {
        if (operand instanceof StringLiteral s) {
            return "('" + Cql2TextParser.excerpt(s.value()) + "')";
        }
        if (operand instanceof NumberLiteral n) {
            return "(" + n.value().toString() + ")";
        }
        if (operand instanceof BooleanLiteral b) {
            return "(" + b.value() + ")";
        }
        if (operand instanceof TimestampLiteral t) {
            return "(" + t.value() + ")";
        }
        if (operand instanceof DateLiteral d) {
            return "(" + d.value() + ")";
        }
        if (operand instanceof PropertyRef p) {
            return "'" + p.name() + "'";
        }
        return "";
    }
}
