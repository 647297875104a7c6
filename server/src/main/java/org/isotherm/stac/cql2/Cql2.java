package org.isotherm.stac.cql2;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.isotherm.stac.cql2.Cql2Expr.AccentI;
import org.isotherm.stac.cql2.Cql2Expr.And;
import org.isotherm.stac.cql2.Cql2Expr.ArrayLiteral;
import org.isotherm.stac.cql2.Cql2Expr.ArrayPredicate;
import org.isotherm.stac.cql2.Cql2Expr.Between;
import org.isotherm.stac.cql2.Cql2Expr.CaseI;
import org.isotherm.stac.cql2.Cql2Expr.Comparison;
import org.isotherm.stac.cql2.Cql2Expr.In;
import org.isotherm.stac.cql2.Cql2Expr.IntervalLiteral;
import org.isotherm.stac.cql2.Cql2Expr.IsNull;
import org.isotherm.stac.cql2.Cql2Expr.Like;
import org.isotherm.stac.cql2.Cql2Expr.Not;
import org.isotherm.stac.cql2.Cql2Expr.Operand;
import org.isotherm.stac.cql2.Cql2Expr.Or;
import org.isotherm.stac.cql2.Cql2Expr.PropertyRef;
import org.isotherm.stac.cql2.Cql2Expr.SpatialPredicate;
import org.isotherm.stac.cql2.Cql2Expr.TemporalPredicate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Entry point: parses CQL2 filters in either encoding into one {@link Cql2Expr}. Both reject hostile input with
 * a {@link Cql2Exception} (400): filters longer than {@link #MAX_LENGTH} characters, nesting deeper than
 * {@link #MAX_DEPTH}, non-finite numbers, unterminated strings.
 *
 * @see <a href="https://docs.ogc.org/is/21-065r2/21-065r2.html">OGC CQL2 1.0</a>
 */
public final class Cql2 {

    /** Longest filter accepted, in characters (room for a detailed polygon). */
    public static final int MAX_LENGTH = 1_000_000;

    /** Deepest nesting of parentheses, NOT, and function calls accepted. */
    public static final int MAX_DEPTH = 100;

    /** Longest LIKE pattern accepted: matching costs up to text length times pattern length. */
    public static final int MAX_PATTERN_LENGTH = 1_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Cql2() {}

    /** Parses cql2-text; errors name the 1-based character position of the offending token. */
    public static Cql2Expr parseText(String text) {
        return checked(Cql2TextParser.parse(text));
    }

    /** Parses a cql2-json document already read by Jackson; errors name a JSON pointer into it. */
    public static Cql2Expr parseJson(JsonNode json) {
        return checked(Cql2JsonParser.parse(json));
    }

    /**
     * Rules both encodings share that the grammar does not express: interval-only temporal functions reject
     * instant literals (instant properties are caught by the renderer, which knows their types), and LIKE patterns
     * have a bounded length.
     *
     * @see <a href="https://docs.ogc.org/is/21-065r2/21-065r2.html#temporal-functions">CQL2 temporal functions</a>
     */
    private static Cql2Expr checked(Cql2Expr expr) {
        if (expr instanceof And and) {
            and.args().forEach(Cql2::checked);
        } else if (expr instanceof Or or) {
            or.args().forEach(Cql2::checked);
        } else if (expr instanceof Not not) {
            checked(not.arg());
        } else if (expr instanceof Like like) {
            String pattern = Cql2Evaluator.patternText(like.pattern());
            if (pattern != null && pattern.length() > MAX_PATTERN_LENGTH) {
                throw new Cql2Exception("Invalid CQL2 filter: a LIKE pattern is at most " + MAX_PATTERN_LENGTH
                        + " characters long, not " + pattern.length());
            }
        } else if (expr instanceof TemporalPredicate t && t.op().intervalsOnly()) {
            for (Operand operand : List.of(t.left(), t.right())) {
                if (!(operand instanceof IntervalLiteral) && !(operand instanceof PropertyRef)) {
                    throw intervalsOnly(t, operand);
                }
            }
        }
        return expr;
    }

    static Cql2Exception intervalsOnly(TemporalPredicate predicate, Operand operand) {
        return new Cql2Exception("Invalid CQL2 filter: " + predicate.op().cql2Name() + " compares intervals"
                + " (INTERVAL(...) or the item's datetime), not " + Cql2SqlRenderer.describe(operand) + " "
                + Cql2Evaluator.show(operand) + "; t_after, t_before, t_disjoint, t_equals and t_intersects also"
                + " take instants");
    }

    /** Parses cql2-json from its text (e.g. the {@code filter} query parameter with filter-lang=cql2-json). */
    public static Cql2Expr parseJson(String json) {
        if (json.length() > MAX_LENGTH) {
            throw new Cql2Exception(
                    "Invalid CQL2 JSON: longer than " + MAX_LENGTH + " characters (" + json.length() + ")");
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JacksonException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            String reason = e.getOriginalMessage();
            if (reason.length() > 160) {
                reason = reason.substring(0, 160) + "...";
            }
            throw new Cql2Exception("Invalid CQL2 JSON: not a valid JSON document" + where + ": " + reason);
        }
        if (node == null || node.isMissingNode()) {
            throw new Cql2Exception("Invalid CQL2 JSON: the filter is empty");
        }
        return parseJson(node);
    }

    /** The names of all properties a filter reads, sorted (e.g. to check them against the queryables early). */
    public static Set<String> propertyNames(Cql2Expr expr) {
        Set<String> names = new TreeSet<>();
        collect(expr, names);
        return names;
    }

    private static void collect(Cql2Expr expr, Set<String> names) {
        if (expr instanceof And and) {
            and.args().forEach(arg -> collect(arg, names));
        } else if (expr instanceof Or or) {
            or.args().forEach(arg -> collect(arg, names));
        } else if (expr instanceof Not not) {
            collect(not.arg(), names);
        } else if (expr instanceof Comparison c) {
            collect(c.left(), names);
            collect(c.right(), names);
        } else if (expr instanceof Like like) {
            collect(like.value(), names);
            collect(like.pattern(), names);
        } else if (expr instanceof Between between) {
            collect(between.value(), names);
            collect(between.low(), names);
            collect(between.high(), names);
        } else if (expr instanceof In in) {
            collect(in.value(), names);
            in.list().forEach(item -> collect(item, names));
        } else if (expr instanceof IsNull isNull) {
            collect(isNull.value(), names);
        } else if (expr instanceof SpatialPredicate s) {
            collect(s.left(), names);
            collect(s.right(), names);
        } else if (expr instanceof TemporalPredicate t) {
            collect(t.left(), names);
            collect(t.right(), names);
        } else if (expr instanceof ArrayPredicate a) {
            collect(a.left(), names);
            collect(a.right(), names);
        }
    }

    private static void collect(Operand operand, Set<String> names) {
        if (operand instanceof PropertyRef ref) {
            names.add(ref.name());
        } else if (operand instanceof CaseI caseI) {
            collect(caseI.value(), names);
        } else if (operand instanceof AccentI accentI) {
            collect(accentI.value(), names);
        } else if (operand instanceof IntervalLiteral interval) {
            collect(interval.start(), names);
            collect(interval.end(), names);
        } else if (operand instanceof ArrayLiteral array) {
            array.items().forEach(item -> collect(item, names));
        }
    }

    /**
     * The same filter with every property name replaced by {@code rename} (e.g. {@code properties.gsd} to {@code
     * gsd}), so that the renderer and the evaluator see one canonical name per queryable.
     */
    public static Cql2Expr mapProperties(Cql2Expr expr, UnaryOperator<String> rename) {
        if (expr instanceof And and) {
            return new And(
                    and.args().stream().map(arg -> mapProperties(arg, rename)).toList());
        }
        if (expr instanceof Or or) {
            return new Or(
                    or.args().stream().map(arg -> mapProperties(arg, rename)).toList());
        }
        if (expr instanceof Not not) {
            return new Not(mapProperties(not.arg(), rename));
        }
        if (expr instanceof Comparison c) {
            return new Comparison(c.op(), map(c.left(), rename), map(c.right(), rename));
        }
        if (expr instanceof Like like) {
            return new Like(map(like.value(), rename), map(like.pattern(), rename));
        }
        if (expr instanceof Between b) {
            return new Between(map(b.value(), rename), map(b.low(), rename), map(b.high(), rename));
        }
        if (expr instanceof In in) {
            return new In(map(in.value(), rename), mapAll(in.list(), rename));
        }
        if (expr instanceof IsNull isNull) {
            return new IsNull(map(isNull.value(), rename));
        }
        if (expr instanceof SpatialPredicate s) {
            return new SpatialPredicate(s.op(), map(s.left(), rename), map(s.right(), rename));
        }
        if (expr instanceof TemporalPredicate t) {
            return new TemporalPredicate(t.op(), map(t.left(), rename), map(t.right(), rename));
        }
        if (expr instanceof ArrayPredicate a) {
            return new ArrayPredicate(a.op(), map(a.left(), rename), map(a.right(), rename));
        }
        return expr;
    }

    private static List<Operand> mapAll(List<Operand> operands, UnaryOperator<String> rename) {
        return operands.stream().map(operand -> map(operand, rename)).toList();
    }

    private static Operand map(Operand operand, UnaryOperator<String> rename) {
        if (operand instanceof PropertyRef ref) {
            return new PropertyRef(rename.apply(ref.name()));
        }
        if (operand instanceof CaseI caseI) {
            return new CaseI(map(caseI.value(), rename));
        }
        if (operand instanceof AccentI accentI) {
            return new AccentI(map(accentI.value(), rename));
        }
        if (operand instanceof IntervalLiteral interval) {
            return new IntervalLiteral(map(interval.start(), rename), map(interval.end(), rename));
        }
        if (operand instanceof ArrayLiteral array) {
            return new ArrayLiteral(mapAll(array.items(), rename));
        }
        return operand;
    }
}
