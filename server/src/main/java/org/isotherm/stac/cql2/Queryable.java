package org.isotherm.stac.cql2;

import java.util.List;

/**
 * A property a filter may use: its name as clients write it, its type, and the SQL expression that yields its
 * value in the query's row (e.g. {@code (i.properties->>'platform')}). The expression is trusted SQL from the
 * server's own allow-list, never from the client; it must not raise for any stored row (cast safely), and it
 * yields SQL NULL where the item has no such property. Its {@code params} fill the expression's {@code ?}
 * placeholders: that is how a client's property name reaches the SQL (see {@link #open}).
 */
public record Queryable(String name, Cql2Type type, String sqlExpression, List<Object> params) {

    public Queryable {
        params = List.copyOf(params);
    }

    public Queryable(String name, Cql2Type type, String sqlExpression) {
        this(name, type, sqlExpression, List.of());
    }

    /**
     * A property the server has no column for, read from a jsonb object by its name (bound as a parameter): STAC
     * items are open documents, so a filter may name any property they carry. Its type is {@link Cql2Type#JSON};
     * JSON null reads as SQL NULL, like a missing member.
     *
     * @param document SQL yielding the jsonb object that holds the property, e.g. {@code i.content->'properties'}
     */
    public static Queryable open(String name, String document) {
        return new Queryable(
                name, Cql2Type.JSON, "NULLIF((" + document + ") -> CAST(? AS text), 'null'::jsonb)", List.of(name));
    }

    /** The expression in parentheses with its parameters. */
    SqlFragment sql() {
        return new SqlFragment("(" + sqlExpression + ")", params);
    }
}
