package org.isotherm.stac.cql2;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.isotherm.stac.cql2.Cql2Expr.AccentI;
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
import org.isotherm.stac.cql2.Cql2Expr.Operand;
import org.isotherm.stac.cql2.Cql2Expr.Or;
import org.isotherm.stac.cql2.Cql2Expr.PropertyRef;
import org.isotherm.stac.cql2.Cql2Expr.SpatialOp;
import org.isotherm.stac.cql2.Cql2Expr.SpatialPredicate;
import org.isotherm.stac.cql2.Cql2Expr.StringLiteral;
import org.isotherm.stac.cql2.Cql2Expr.TemporalOp;
import org.isotherm.stac.cql2.Cql2Expr.TemporalPredicate;
import org.isotherm.stac.cql2.Cql2Expr.TimestampLiteral;
import tools.jackson.databind.JsonNode;

/**
 * Reads a cql2-json document (OGC 21-065r2 JSON schema, without arithmetic and custom functions) into the AST.
 * Operator names are matched case-insensitively; errors name the JSON pointer of the offending member.
 *
 * @see <a href="https://docs.ogc.org/is/21-065r2/21-065r2.html#cql2-json">CQL2 JSON encoding</a>
 */
final class Cql2JsonParser {

    private Cql2JsonParser() {}

    static Cql2Expr parse(JsonNode node) {
        return expression(node, "", 0);
    }

    private static Cql2Expr expression(JsonNode node, String path, int depth) {
        checkDepth(path, depth);
        if (node.isBoolean()) {
            return new BooleanLiteral(node.booleanValue());
        }
        if (!node.isObject() || node.get("op") == null) {
            throw error(path, "expected a predicate: an object with 'op' and 'args', or true/false");
        }
        String op = opName(node, path);
        List<JsonNode> args = args(node, path);
        String argsPath = path + "/args";
        switch (op.toLowerCase(Locale.ROOT)) {
            case "and":
            case "or": {
                if (args.isEmpty()) {
                    throw error(argsPath, "'" + op + "' needs at least one argument");
                }
                List<Cql2Expr> parts = new ArrayList<>();
                for (int i = 0; i < args.size(); i++) {
                    parts.add(expression(args.get(i), argsPath + "/" + i, depth + 1));
                }
                if (parts.size() == 1) {
                    return parts.get(0);
                }
                return op.equalsIgnoreCase("and") ? new And(parts) : new Or(parts);
            }
            case "not":
                arity(args, 1, argsPath, op);
                return new Not(expression(args.get(0), argsPath + "/0", depth + 1));
            case "like":
                arity(args, 2, argsPath, op);
                return new Like(
                        operand(args.get(0), argsPath + "/0", depth + 1),
                        operand(args.get(1), argsPath + "/1", depth + 1));
            case "between":
                if (args.size() == 2 && args.get(1).isArray()) {
                    // the form clients send: [value, [low, high]]
                    JsonNode bounds = args.get(1);
                    if (bounds.size() != 2) {
                        throw error(argsPath + "/1", "'between' needs [low, high], not " + bounds.size() + " values");
                    }
                    return new Between(
                            operand(args.get(0), argsPath + "/0", depth + 1),
                            operand(bounds.get(0), argsPath + "/1/0", depth + 2),
                            operand(bounds.get(1), argsPath + "/1/1", depth + 2));
                }
                if (args.size() == 2) {
                    throw error(argsPath + "/1", "'between' needs [low, high] here, or 3 arguments (value, low, high)");
                }
                if (args.size() != 3) {
                    throw error(
                            argsPath,
                            "'between' takes 3 arguments (value, low, high) or 2 (value, [low, high]), not "
                                    + args.size());
                }
                return new Between(
                        operand(args.get(0), argsPath + "/0", depth + 1),
                        operand(args.get(1), argsPath + "/1", depth + 1),
                        operand(args.get(2), argsPath + "/2", depth + 1));
            case "in": {
                arity(args, 2, argsPath, op);
                JsonNode list = args.get(1);
                if (!list.isArray()) {
                    throw error(argsPath + "/1", "'in' needs an array of values as second argument");
                }
                List<Operand> items = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    items.add(operand(list.get(i), argsPath + "/1/" + i, depth + 2));
                }
                return new In(operand(args.get(0), argsPath + "/0", depth + 1), items);
            }
            case "isnull":
                arity(args, 1, argsPath, op);
                return new IsNull(operand(args.get(0), argsPath + "/0", depth + 1));
            default:
                break;
        }
        ComparisonOp comparison = ComparisonOp.fromSymbol(op);
        SpatialOp spatial = SpatialOp.fromName(op);
        TemporalOp temporal = TemporalOp.fromName(op);
        ArrayOp array = ArrayOp.fromName(op);
        if (comparison == null && spatial == null && temporal == null && array == null) {
            throw error(path + "/op", "unknown or unsupported operator '" + op + "'");
        }
        arity(args, 2, argsPath, op);
        Operand left = operand(args.get(0), argsPath + "/0", depth + 1);
        Operand right = operand(args.get(1), argsPath + "/1", depth + 1);
        if (comparison != null) {
            return new Comparison(comparison, left, right);
        }
        if (spatial != null) {
            return new SpatialPredicate(spatial, left, right);
        }
        if (temporal != null) {
            return new TemporalPredicate(temporal, left, right);
        }
        return new ArrayPredicate(array, left, right);
    }

    private static Operand operand(JsonNode node, String path, int depth) {
        checkDepth(path, depth);
        if (node.isString()) {
            return new StringLiteral(node.stringValue());
        }
        if (node.isNumber()) {
            return number(node, path);
        }
        if (node.isBoolean()) {
            return new BooleanLiteral(node.booleanValue());
        }
        if (node.isArray()) {
            List<Operand> items = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                items.add(operand(node.get(i), path + "/" + i, depth + 1));
            }
            return new ArrayLiteral(items);
        }
        if (!node.isObject()) {
            throw error(path, "expected a property, a literal or a function, not " + describe(node));
        }
        if (node.has("property")) {
            JsonNode name = node.get("property");
            if (!name.isString() || name.stringValue().isEmpty()) {
                throw error(path + "/property", "expected a property name");
            }
            return new PropertyRef(name.stringValue());
        }
        if (node.has("timestamp")) {
            JsonNode value = node.get("timestamp");
            TimestampLiteral timestamp = value.isString() ? Cql2Literals.timestamp(value.stringValue()) : null;
            if (timestamp == null) {
                throw error(path + "/timestamp", "expected an RFC 3339 timestamp such as '2024-01-31T12:00:00Z'");
            }
            return timestamp;
        }
        if (node.has("date")) {
            JsonNode value = node.get("date");
            DateLiteral date = value.isString() ? Cql2Literals.date(value.stringValue()) : null;
            if (date == null) {
                throw error(path + "/date", "expected a date such as '2024-01-31'");
            }
            return date;
        }
        if (node.has("interval")) {
            JsonNode bounds = node.get("interval");
            if (!bounds.isArray() || bounds.size() != 2) {
                throw error(path + "/interval", "expected an array of two bounds");
            }
            return new IntervalLiteral(
                    intervalBound(bounds.get(0), path + "/interval/0", depth + 1),
                    intervalBound(bounds.get(1), path + "/interval/1", depth + 1));
        }
        if (node.has("bbox")) {
            JsonNode values = node.get("bbox");
            List<Double> numbers = new ArrayList<>();
            if (values.isArray()) {
                for (int i = 0; i < values.size(); i++) {
                    JsonNode value = values.get(i);
                    if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
                        throw error(path + "/bbox/" + i, "expected a finite number");
                    }
                    numbers.add(value.doubleValue());
                }
            } else {
                throw error(path + "/bbox", "expected an array of 4 or 6 numbers");
            }
            try {
                return new GeometryLiteral(Cql2Geometries.fromBbox(numbers));
            } catch (Cql2Geometries.InvalidGeometry e) {
                throw error(path + "/bbox", e.getMessage());
            }
        }
        if (node.has("type")) {
            try {
                return new GeometryLiteral(Cql2Geometries.fromGeoJson(node, path));
            } catch (Cql2Geometries.InvalidGeometry e) {
                throw new Cql2Exception("Invalid CQL2 JSON " + e.getMessage());
            }
        }
        if (node.has("op")) {
            String op = opName(node, path);
            List<JsonNode> args = args(node, path);
            if (op.equalsIgnoreCase("casei") || op.equalsIgnoreCase("accenti")) {
                arity(args, 1, path + "/args", op);
                Operand inner = operand(args.get(0), path + "/args/0", depth + 1);
                return op.equalsIgnoreCase("casei") ? new CaseI(inner) : new AccentI(inner);
            }
            throw error(
                    path + "/op",
                    "unsupported function '" + op
                            + "' where a value is expected (supported: casei, accenti; predicates are not values)");
        }
        throw error(path, "expected a property, a literal or a function");
    }

    private static Operand intervalBound(JsonNode node, String path, int depth) {
        if (node.isString()) {
            Operand bound = Cql2Literals.intervalBound(node.stringValue());
            if (bound == null) {
                throw error(path, "expected '..', a date or an RFC 3339 timestamp");
            }
            return bound;
        }
        Operand bound = operand(node, path, depth);
        if (bound instanceof PropertyRef || bound instanceof TimestampLiteral || bound instanceof DateLiteral) {
            return bound;
        }
        throw error(path, "expected '..', a date, a timestamp or a property as interval bound");
    }

    private static NumberLiteral number(JsonNode node, String path) {
        if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
            throw error(path, "expected a finite number");
        }
        BigDecimal value = node.decimalValue();
        NumberLiteral number = Cql2Literals.number(value);
        if (number == null) {
            throw error(path, "expected a finite number");
        }
        return number;
    }

    private static String opName(JsonNode node, String path) {
        JsonNode op = node.get("op");
        if (!op.isString()) {
            throw error(path + "/op", "expected the operator name as a string");
        }
        return op.stringValue();
    }

    private static List<JsonNode> args(JsonNode node, String path) {
        JsonNode args = node.get("args");
        if (args == null || !args.isArray()) {
            throw error(path + "/args", "expected an 'args' array");
        }
        List<JsonNode> list = new ArrayList<>(args.size());
        for (JsonNode arg : args) {
            list.add(arg);
        }
        return list;
    }

    private static void arity(List<JsonNode> args, int expected, String path, String op) {
        if (args.size() != expected) {
            throw error(
                    path,
                    "'" + op + "' takes " + expected + (expected == 1 ? " argument" : " arguments") + ", not "
                            + args.size());
        }
    }

    private static void checkDepth(String path, int depth) {
        if (depth > Cql2.MAX_DEPTH) {
            throw error(Cql2TextParser.excerpt(path), "nested deeper than " + Cql2.MAX_DEPTH + " levels");
        }
    }

    private static String describe(JsonNode node) {
        return node.isNull() ? "null" : node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static Cql2Exception error(String path, String message) {
        return new Cql2Exception("Invalid CQL2 JSON at " + (path.isEmpty() ? "/" : path) + ": " + message);
    }
}
