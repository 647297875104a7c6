package org.isotherm.stac.cql2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A piece of SQL with JDBC positional {@code ?} parameters, in order. Values only ever travel as parameters;
 * {@code sql} holds nothing but operators, constants and column expressions from the queryables. Because
 * {@code ?} is the placeholder, no fragment uses PostgreSQL operators containing {@code ?} (jsonb {@code ?},
 * {@code ?|}, {@code ?&}); use {@code jsonb_exists} and friends instead. Positional parameters keep the renderer's
 * fragments composable without naming anything; {@link #named} turns a finished one into named parameters for a
 * statement written with them.
 */
public record SqlFragment(String sql, List<Object> params) {

    public static final SqlFragment TRUE = new SqlFragment("TRUE", List.of());
    public static final SqlFragment FALSE = new SqlFragment("FALSE", List.of());

    public SqlFragment {
        params = List.copyOf(params);
    }

    public static SqlFragment of(String sql, Object... params) {
        return new SqlFragment(sql, Arrays.asList(params));
    }

    /** The fragments joined by {@code separator}, parameters concatenated in order. */
    public static SqlFragment join(String separator, List<SqlFragment> parts) {
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                sql.append(separator);
            }
            sql.append(parts.get(i).sql);
            params.addAll(parts.get(i).params);
        }
        return new SqlFragment(sql.toString(), params);
    }

    /** Concatenates fragments with no separator. */
    public static SqlFragment concat(SqlFragment... parts) {
        return join("", List.of(parts));
    }

    /** This fragment followed by {@code other}. */
    public SqlFragment append(SqlFragment other) {
        return concat(this, other);
    }

    /** This fragment followed by more SQL text (no parameters). */
    public SqlFragment append(String moreSql) {
        return new SqlFragment(sql + moreSql, params);
    }

    /** {@code (this)}. */
    public SqlFragment parenthesized() {
        return new SqlFragment("(" + sql + ")", params);
    }

    /** {@code (a AND b AND ...)}; {@code TRUE} for no parts. */
    public static SqlFragment and(List<SqlFragment> parts) {
        return parts.isEmpty() ? TRUE : join(" AND ", parts).parenthesized();
    }

    /** {@code (a OR b OR ...)}; {@code FALSE} for no parts. */
    public static SqlFragment or(List<SqlFragment> parts) {
        return parts.isEmpty() ? FALSE : join(" OR ", parts).parenthesized();
    }

    /** SQL with named parameters ({@code :prefix0}, {@code :prefix1}, ...) and their values. */
    public record Named(String sql, Map<String, Object> params) {}

    /**
     * This fragment with its placeholders renamed {@code :prefix0}, {@code :prefix1}, ... in order, for a statement
     * that binds by name (a statement cannot mix both kinds). Quoted literals and identifiers are copied as they
     * are: a {@code ?} inside them is text, not a placeholder.
     */
    public Named named(String prefix) {
        var out = new StringBuilder(sql.length() + 8 * params.size());
        var values = new LinkedHashMap<String, Object>();
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                // a doubled quote inside a literal closes and reopens it, which this toggling handles too
                quote = c == quote ? 0 : quote;
                out.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                out.append(c);
            } else if (c == '?') {
                if (values.size() == params.size()) {
                    throw new IllegalStateException("more placeholders than parameters in: " + sql);
                }
                var name = prefix + values.size();
                values.put(name, params.get(values.size()));
                out.append(':').append(name);
            } else {
                out.append(c);
            }
        }
        if (values.size() != params.size()) {
            throw new IllegalStateException(
                    params.size() + " parameters for " + values.size() + " placeholders: " + sql);
        }
        return new Named(out.toString(), Collections.unmodifiableMap(values));
    }

    /** The parameters as an array, e.g. for {@code JdbcClient.sql(sql).params(params)}. */
    public Object[] paramArray() {
        return params.toArray();
    }
}
