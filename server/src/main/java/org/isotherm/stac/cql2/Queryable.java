package org.isotherm.stac.cql2;

/**
 * A property a filter may use: its name as clients write it, its type, and the SQL expression that yields its
 * value in the query's row (e.g. {@code (i.properties->>'platform')}). The expression is trusted SQL from the
 * server's own allow-list, never from the client; it must not raise for any stored row (cast safely), and it
 * yields SQL NULL where the item has no such property.
 */
public record Queryable(String name, Cql2Type type, String sqlExpression) {}
