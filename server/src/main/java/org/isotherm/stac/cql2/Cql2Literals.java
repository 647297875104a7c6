package org.isotherm.stac.cql2;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.isotherm.stac.cql2.Cql2Expr.DateLiteral;
import org.isotherm.stac.cql2.Cql2Expr.NumberLiteral;
import org.isotherm.stac.cql2.Cql2Expr.OpenBound;
import org.isotherm.stac.cql2.Cql2Expr.Operand;
import org.isotherm.stac.cql2.Cql2Expr.TimestampLiteral;
import org.jspecify.annotations.Nullable;

/** Literal values shared by both encodings, so that they parse to equal ASTs. */
final class Cql2Literals {

    // Bounded, linear patterns (no nested quantifiers) checked before java.time parses.
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIMESTAMP =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");

    private Cql2Literals() {}

    /** An RFC 3339 timestamp with a zone (Z or an offset), or null. */
    static @Nullable TimestampLiteral timestamp(String text) {
        if (text.length() > 40 || !TIMESTAMP.matcher(text).matches()) {
            return null;
        }
        try {
            return new TimestampLiteral(OffsetDateTime.parse(
                            text.toUpperCase(java.util.Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A full date {@code YYYY-MM-DD}, or null. */
    static @Nullable DateLiteral date(String text) {
        if (text.length() != 10 || !DATE.matcher(text).matches()) {
            return null;
        }
        try {
            return new DateLiteral(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** An interval bound written as a string: {@code '..'}, a date or a timestamp; null if none of these. */
    static @Nullable Operand intervalBound(String text) {
        if (text.equals("..") || text.isEmpty()) {
            return new OpenBound();
        }
        Operand date = date(text);
        return date != null ? date : timestamp(text);
    }

    /** A finite number, or null (for NaN, infinities and overflowing exponents). */
    static @Nullable NumberLiteral number(BigDecimal value) {
        if (!Double.isFinite(value.doubleValue()) || Math.abs((long) value.scale()) > 400) {
            return null;
        }
        return new NumberLiteral(value);
    }
}
