package org.isotherm.web;

import java.util.List;

/**
 * One problem of a 422 answer, in FastAPI's shape: {@code loc} starts with {@code body}, {@code query},
 * {@code path} or {@code header}; list indices are integers.
 */
public record ValidationError(List<Object> loc, String msg, String type) {

    public static ValidationError body(String msg, String type, Object... path) {
        return of("body", msg, type, path);
    }

    public static ValidationError query(String name, String msg, String type) {
        return of("query", msg, type, name);
    }

    public static ValidationError of(String where, String msg, String type, Object... path) {
        var loc = new java.util.ArrayList<Object>(path.length + 1);
        loc.add(where);
        loc.addAll(List.of(path));
        return new ValidationError(List.copyOf(loc), msg, type);
    }
}
