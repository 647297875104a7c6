package org.isotherm.stac.cql2;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
import org.jspecify.annotations.Nullable;

/**
 * Recursive-descent parser of cql2-text (OGC 21-065r2 Annex A BNF, without arithmetic and custom functions).
 * Keywords and function names are case-insensitive. Precedence, loosest first: {@code OR}, {@code AND},
 * {@code NOT}. Linear in the input: no regular expression sees more than a bounded token, and nesting is
 * limited to {@link Cql2#MAX_DEPTH}.
 *
 * @see <a href="https://docs.ogc.org/is/21-065r2/21-065r2.html#cql2-bnf">CQL2 BNF</a>
 */
final class Cql2TextParser {

    private static final Set<String> RESERVED =
            Set.of("AND", "OR", "NOT", "LIKE", "BETWEEN", "IN", "IS", "NULL", "TRUE", "FALSE");
    private static final Set<String> GEOMETRY_TYPES = Set.of(
            "POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION");

    private enum Kind {
        IDENT,
        QUOTED_IDENT,
        STRING,
        NUMBER,
        COMPARISON,
        LPAREN,
        RPAREN,
        COMMA,
        END
    }

    private record Token(Kind kind, String text, int start, int end) {
        boolean isKeyword(String keyword) {
            return kind == Kind.IDENT && text.equalsIgnoreCase(keyword);
        }

        String upper() {
            return text.toUpperCase(Locale.ROOT);
        }
    }

    private final String input;
    private int pos;
    private @Nullable Token lookahead;
    private int depth;

    private Cql2TextParser(String input) {
        this.input = input;
    }

    static Cql2Expr parse(String input) {
        if (input.length() > Cql2.MAX_LENGTH) {
            throw new Cql2Exception(
                    "Invalid CQL2 text: longer than " + Cql2.MAX_LENGTH + " characters (" + input.length() + ")");
        }
        Cql2TextParser parser = new Cql2TextParser(input);
        if (parser.peek().kind == Kind.END) {
            throw new Cql2Exception("Invalid CQL2 text: the filter is empty");
        }
        Cql2Expr expr = parser.orExpression();
        Token rest = parser.peek();
        if (rest.kind != Kind.END) {
            throw parser.error(rest, "AND, OR or the end of the filter");
        }
        return expr;
    }

    // ---- grammar ----

    private Cql2Expr orExpression() {
        enter();
        List<Cql2Expr> args = new ArrayList<>();
        args.add(andExpression());
        while (peek().isKeyword("OR")) {
            next();
            args.add(andExpression());
        }
        leave();
        return args.size() == 1 ? args.get(0) : new Or(args);
    }

    private Cql2Expr andExpression() {
        List<Cql2Expr> args = new ArrayList<>();
        args.add(notExpression());
        while (peek().isKeyword("AND")) {
            next();
            args.add(notExpression());
        }
        return args.size() == 1 ? args.get(0) : new And(args);
    }

    private Cql2Expr notExpression() {
        if (peek().isKeyword("NOT")) {
            next();
            enter();
            Cql2Expr arg = notExpression();
            leave();
            return new Not(arg);
        }
        return primary();
    }

    private Cql2Expr primary() {
        Token token = peek();
        if (token.kind == Kind.LPAREN) {
            next();
            Cql2Expr inner = orExpression();
            expect(Kind.RPAREN, "')'");
            return inner;
        }
        if (token.kind == Kind.IDENT && peekAfter().kind == Kind.LPAREN) {
            SpatialOp spatial = SpatialOp.fromName(token.text);
            TemporalOp temporal = TemporalOp.fromName(token.text);
            ArrayOp array = ArrayOp.fromName(token.text);
            if (spatial != null || temporal != null || array != null) {
                next();
                next();
                Operand left = operand();
                expect(Kind.COMMA, "','");
                Operand right = operand();
                expect(Kind.RPAREN, "')'");
                if (spatial != null) {
                    return new SpatialPredicate(spatial, left, right);
                }
                if (temporal != null) {
                    return new TemporalPredicate(temporal, left, right);
                }
                return new ArrayPredicate(array, left, right);
            }
        }
        Operand left = operand();
        Token op = peek();
        if (op.kind == Kind.COMPARISON) {
            next();
            ComparisonOp comparison = ComparisonOp.fromSymbol(op.text);
            return new Comparison(comparison, left, operand());
        }
        boolean negated = false;
        if (op.isKeyword("NOT")) {
            next();
            negated = true;
            op = peek();
            if (!op.isKeyword("LIKE") && !op.isKeyword("BETWEEN") && !op.isKeyword("IN")) {
                throw error(op, "LIKE, BETWEEN or IN after NOT");
            }
        }
        Cql2Expr predicate;
        if (op.isKeyword("LIKE")) {
            next();
            predicate = new Like(left, operand());
        } else if (op.isKeyword("BETWEEN")) {
            next();
            Operand low = operand();
            if (!peek().isKeyword("AND")) {
                throw error(peek(), "AND between the bounds of BETWEEN");
            }
            next();
            predicate = new Between(left, low, operand());
        } else if (op.isKeyword("IN")) {
            next();
            predicate = new In(left, list());
        } else if (op.isKeyword("IS")) {
            next();
            if (peek().isKeyword("NOT")) {
                next();
                negated = true;
            }
            if (!peek().isKeyword("NULL")) {
                throw error(peek(), "NULL after IS");
            }
            next();
            predicate = new IsNull(left);
        } else if (left instanceof BooleanLiteral literal) {
            return literal;
        } else {
            throw error(op, "a comparison operator, LIKE, BETWEEN, IN or IS NULL");
        }
        return negated ? new Not(predicate) : predicate;
    }

    /** {@code ( operand {, operand} )}: the list of IN and array literals (which may be empty). */
    private List<Operand> list() {
        expect(Kind.LPAREN, "'('");
        enter();
        List<Operand> items = new ArrayList<>();
        if (peek().kind != Kind.RPAREN) {
            items.add(operand());
            while (peek().kind == Kind.COMMA) {
                next();
                items.add(operand());
            }
        }
        expect(Kind.RPAREN, "',' or ')'");
        leave();
        return items;
    }

    private Operand operand() {
        Token token = peek();
        switch (token.kind) {
            case STRING:
                next();
                return new StringLiteral(token.text);
            case NUMBER: {
                next();
                NumberLiteral number = Cql2Literals.number(new BigDecimal(token.text));
                if (number == null) {
                    throw error(token, "a finite number");
                }
                return number;
            }
            case QUOTED_IDENT:
                next();
                return new PropertyRef(token.text);
            case LPAREN:
                return new ArrayLiteral(list());
            case IDENT:
                return identifierOperand(token);
            default:
                throw error(token, "a property, a literal or a function");
        }
    }

    private Operand identifierOperand(Token token) {
        String name = token.upper();
        boolean call = peekAfter().kind == Kind.LPAREN;
        if (GEOMETRY_TYPES.contains(name)) {
            next();
            return geometry(token);
        }
        if (!call) {
            if (name.equals("TRUE") || name.equals("FALSE")) {
                next();
                return new BooleanLiteral(name.equals("TRUE"));
            }
            if (RESERVED.contains(name)) {
                throw error(token, "a property, a literal or a function");
            }
            next();
            return new PropertyRef(token.text);
        }
        next();
        next();
        enter();
        Operand result;
        switch (name) {
            case "TIMESTAMP": {
                Token value = expect(Kind.STRING, "a timestamp string such as '2024-01-31T12:00:00Z'");
                result = Cql2Literals.timestamp(value.text);
                if (result == null) {
                    throw error(value, "an RFC 3339 timestamp such as '2024-01-31T12:00:00Z'");
                }
                break;
            }
            case "DATE": {
                Token value = expect(Kind.STRING, "a date string such as '2024-01-31'");
                result = Cql2Literals.date(value.text);
                if (result == null) {
                    throw error(value, "a date such as '2024-01-31'");
                }
                break;
            }
            case "INTERVAL": {
                Operand start = intervalBound();
                expect(Kind.COMMA, "','");
                Operand end = intervalBound();
                result = new IntervalLiteral(start, end);
                break;
            }
            case "BBOX": {
                List<Double> numbers = new ArrayList<>();
                numbers.add(bboxNumber());
                while (peek().kind == Kind.COMMA) {
                    next();
                    numbers.add(bboxNumber());
                }
                try {
                    result = new GeometryLiteral(Cql2Geometries.fromBbox(numbers));
                } catch (Cql2Geometries.InvalidGeometry e) {
                    throw error(token, "a valid BBOX: " + e.getMessage());
                }
                break;
            }
            case "CASEI":
                result = new CaseI(operand());
                break;
            case "ACCENTI":
                result = new AccentI(operand());
                break;
            default:
                throw new Cql2Exception("Invalid CQL2 text at position " + (token.start + 1) + " near '"
                        + excerpt(token.text) + "': unsupported function '" + token.text
                        + "' (supported: CASEI, ACCENTI, TIMESTAMP, DATE, INTERVAL, BBOX and the S_, T_ and A_"
                        + " predicates)");
        }
        expect(Kind.RPAREN, "')'");
        leave();
        return result;
    }

    private Operand intervalBound() {
        Token token = peek();
        if (token.kind == Kind.STRING) {
            next();
            Operand bound = Cql2Literals.intervalBound(token.text);
            if (bound == null) {
                throw error(token, "'..', a date or an RFC 3339 timestamp");
            }
            return bound;
        }
        Operand bound = operand();
        if (bound instanceof PropertyRef || bound instanceof TimestampLiteral || bound instanceof DateLiteral) {
            return bound;
        }
        throw error(token, "'..', a date, a timestamp or a property as interval bound");
    }

    private double bboxNumber() {
        Token token = expect(Kind.NUMBER, "a number");
        double value = Double.parseDouble(token.text);
        if (!Double.isFinite(value)) {
            throw error(token, "a finite number");
        }
        return value;
    }

    /**
     * A WKT literal: the geometry keyword has been consumed; the rest (optional Z/M/ZM and the balanced
     * parentheses) is taken from the input as is and handed to JTS.
     */
    private Operand geometry(Token keyword) {
        int scan = pos;
        int length = input.length();
        while (scan < length && input.charAt(scan) != '(') {
            char c = input.charAt(scan);
            if (!Character.isWhitespace(c) && "ZzMm".indexOf(c) < 0) {
                throw errorAt(scan, "'(' after " + keyword.upper());
            }
            scan++;
        }
        if (scan == length) {
            throw errorAt(scan, "'(' after " + keyword.upper());
        }
        int level = 0;
        int end = -1;
        for (int i = scan; i < length; i++) {
            char c = input.charAt(i);
            if (c == '(') {
                level++;
                if (level > Cql2.MAX_DEPTH) {
                    throw errorAt(i, "a geometry nested at most " + Cql2.MAX_DEPTH + " levels deep");
                }
            } else if (c == ')') {
                level--;
                if (level == 0) {
                    end = i + 1;
                    break;
                }
            } else if (!(Character.isDigit(c)
                    || Character.isWhitespace(c)
                    || c == '.'
                    || c == ','
                    || c == '-'
                    || c == '+'
                    || c == 'e'
                    || c == 'E'
                    || Character.isLetter(c))) {
                throw errorAt(i, "coordinates of the " + keyword.upper() + " literal");
            }
        }
        if (end < 0) {
            throw errorAt(length, "')' closing the " + keyword.upper() + " literal");
        }
        String wkt = input.substring(keyword.start, end);
        pos = end;
        lookahead = null;
        try {
            return new GeometryLiteral(Cql2Geometries.fromWkt(wkt));
        } catch (Cql2Geometries.InvalidGeometry e) {
            throw new Cql2Exception("Invalid CQL2 text at position " + (keyword.start + 1) + " near '"
                    + excerpt(keyword.text) + "': " + e.getMessage());
        }
    }

    // ---- tokens ----

    private Token peek() {
        if (lookahead == null) {
            lookahead = scan(pos);
        }
        return lookahead;
    }

    private Token peekAfter() {
        return scan(peek().end);
    }

    private Token next() {
        Token token = peek();
        pos = token.end;
        lookahead = null;
        return token;
    }

    private Token expect(Kind kind, String what) {
        Token token = peek();
        if (token.kind != kind) {
            throw error(token, what);
        }
        return next();
    }

    private void enter() {
        if (++depth > Cql2.MAX_DEPTH) {
            throw errorAt(pos, "an expression nested at most " + Cql2.MAX_DEPTH + " levels deep");
        }
    }

    private void leave() {
        depth--;
    }

    private Token scan(int from) {
        int i = from;
        int length = input.length();
        while (i < length && Character.isWhitespace(input.charAt(i))) {
            i++;
        }
        if (i >= length) {
            return new Token(Kind.END, "", length, length);
        }
        char c = input.charAt(i);
        switch (c) {
            case '(':
                return new Token(Kind.LPAREN, "(", i, i + 1);
            case ')':
                return new Token(Kind.RPAREN, ")", i, i + 1);
            case ',':
                return new Token(Kind.COMMA, ",", i, i + 1);
            case '=':
                return new Token(Kind.COMPARISON, "=", i, i + 1);
            case '<':
                if (i + 1 < length && (input.charAt(i + 1) == '=' || input.charAt(i + 1) == '>')) {
                    return new Token(Kind.COMPARISON, input.substring(i, i + 2), i, i + 2);
                }
                return new Token(Kind.COMPARISON, "<", i, i + 1);
            case '>':
                if (i + 1 < length && input.charAt(i + 1) == '=') {
                    return new Token(Kind.COMPARISON, ">=", i, i + 2);
                }
                return new Token(Kind.COMPARISON, ">", i, i + 1);
            case '\'':
                return string(i);
            case '"':
                return quotedIdentifier(i);
            default:
                break;
        }
        if (Character.isDigit(c)
                || ((c == '-' || c == '+' || c == '.') && i + 1 < length && isNumberStart(input.charAt(i + 1)))) {
            return number(i);
        }
        if (isIdentifierStart(c)) {
            int end = i + 1;
            while (end < length && isIdentifierPart(input.charAt(end))) {
                end++;
            }
            return new Token(Kind.IDENT, input.substring(i, end), i, end);
        }
        throw new Cql2Exception("Invalid CQL2 text at position " + (i + 1) + " near '"
                + excerpt(input.substring(i, Math.min(length, i + 10))) + "': unexpected character '" + c + "'");
    }

    private static boolean isNumberStart(char c) {
        return Character.isDigit(c) || c == '.';
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c == ':';
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ':' || c == '.' || c == '@';
    }

    private Token number(int start) {
        int i = start;
        int length = input.length();
        if (input.charAt(i) == '-' || input.charAt(i) == '+') {
            i++;
        }
        int digits = 0;
        while (i < length && Character.isDigit(input.charAt(i))) {
            i++;
            digits++;
        }
        if (i < length && input.charAt(i) == '.') {
            i++;
            while (i < length && Character.isDigit(input.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            throw errorAt(start, "a number");
        }
        if (i < length && (input.charAt(i) == 'e' || input.charAt(i) == 'E')) {
            int exponent = i + 1;
            if (exponent < length && (input.charAt(exponent) == '-' || input.charAt(exponent) == '+')) {
                exponent++;
            }
            int exponentDigits = exponent;
            while (exponent < length && Character.isDigit(input.charAt(exponent))) {
                exponent++;
            }
            if (exponent == exponentDigits) {
                throw errorAt(start, "a number with digits after its exponent");
            }
            i = exponent;
        }
        if (i - start > 64) {
            throw errorAt(start, "a number of at most 64 characters");
        }
        String text = input.substring(start, i);
        return new Token(Kind.NUMBER, text.startsWith("+") ? text.substring(1) : text, start, i);
    }

    /** {@code '...'} with {@code ''} or {@code \'} for a quote (CQL2 BNF escapeQuote). */
    private Token string(int start) {
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        int length = input.length();
        while (i < length) {
            char c = input.charAt(i);
            if (c == '\'') {
                if (i + 1 < length && input.charAt(i + 1) == '\'') {
                    value.append('\'');
                    i += 2;
                    continue;
                }
                return new Token(Kind.STRING, value.toString(), start, i + 1);
            }
            if (c == '\\' && i + 1 < length && input.charAt(i + 1) == '\'') {
                value.append('\'');
                i += 2;
                continue;
            }
            value.append(c);
            i++;
        }
        throw new Cql2Exception("Invalid CQL2 text at position " + (start + 1) + " near '"
                + excerpt(input.substring(start, Math.min(length, start + 20))) + "': unterminated string");
    }

    private Token quotedIdentifier(int start) {
        int end = input.indexOf('"', start + 1);
        if (end < 0) {
            throw new Cql2Exception("Invalid CQL2 text at position " + (start + 1) + " near '"
                    + excerpt(input.substring(start, Math.min(input.length(), start + 20)))
                    + "': unterminated quoted property name");
        }
        if (end == start + 1) {
            throw errorAt(start, "a property name inside the double quotes");
        }
        return new Token(Kind.QUOTED_IDENT, input.substring(start + 1, end), start, end + 1);
    }

    // ---- errors ----

    private Cql2Exception error(Token token, String expected) {
        if (token.kind == Kind.END) {
            return new Cql2Exception("Invalid CQL2 text at position " + (token.start + 1)
                    + " (end of the filter): expected " + expected);
        }
        String shown = token.kind == Kind.STRING ? "'" + token.text + "'" : token.text;
        return new Cql2Exception("Invalid CQL2 text at position " + (token.start + 1) + " near '" + excerpt(shown)
                + "': expected " + expected);
    }

    private Cql2Exception errorAt(int offset, String expected) {
        if (offset >= input.length()) {
            return new Cql2Exception(
                    "Invalid CQL2 text at position " + (offset + 1) + " (end of the filter): expected " + expected);
        }
        return new Cql2Exception("Invalid CQL2 text at position " + (offset + 1) + " near '"
                + excerpt(input.substring(offset, Math.min(input.length(), offset + 10))) + "': expected " + expected);
    }

    static String excerpt(String text) {
        return text.length() <= 30 ? text : text.substring(0, 30) + "...";
    }
}
