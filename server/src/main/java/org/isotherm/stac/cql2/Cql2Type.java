package org.isotherm.stac.cql2;

/**
 * The type of a queryable, which decides which literals it may be compared with and how the literal is bound.
 * The SQL expression of a queryable ({@link Queryable#sqlExpression()}) must have the matching SQL type.
 */
public enum Cql2Type {
    /** SQL {@code text}. */
    STRING("a string"),
    /** SQL {@code double precision} or {@code numeric}. */
    NUMBER("a number"),
    /** SQL {@code bigint} or {@code integer}. */
    INTEGER("an integer"),
    /** SQL {@code boolean}. */
    BOOLEAN("a boolean"),
    /** SQL {@code timestamptz}. */
    TIMESTAMP("a timestamp"),
    /**
     * Only usable in spatial predicates, rendered by {@link Cql2Target#spatial}, and in {@code IS NULL}, the only
     * place its SQL expression is used.
     */
    GEOMETRY("a geometry"),
    /** SQL {@code jsonb} holding an array of strings. */
    STRING_ARRAY("an array of strings"),
    /** SQL {@code jsonb} holding an array of numbers. */
    NUMBER_ARRAY("an array of numbers"),
    /**
     * SQL {@code jsonb} of any JSON type, SQL NULL for a missing member or JSON null: a property that is not among
     * the queryables ({@link Queryable#open}). A comparison takes its type from the literal it meets, and a value
     * of another JSON type is unknown (SQL NULL), as in {@link Cql2Evaluator}.
     */
    JSON("of any JSON type (not a queryable)");

    private final String description;

    Cql2Type(String description) {
        this.description = description;
    }

    /** As used in error messages: "a number". */
    public String description() {
        return description;
    }

    public boolean isNumeric() {
        return this == NUMBER || this == INTEGER;
    }

    public boolean isArray() {
        return this == STRING_ARRAY || this == NUMBER_ARRAY;
    }
}
