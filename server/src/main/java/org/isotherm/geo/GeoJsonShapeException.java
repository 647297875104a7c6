package org.isotherm.geo;

import java.util.List;

/**
 * GeoJSON whose JSON shape is wrong (an object where a list belongs, a string where a number belongs): the
 * caller answers 422 with {@link #path()} below the field that held the GeoJSON.
 */
public class GeoJsonShapeException extends RuntimeException {

    private final List<Object> path;
    private final String type;

    GeoJsonShapeException(List<Object> path, String message, String type) {
        super(message, null, false, false);
        this.path = List.copyOf(path);
        this.type = type;
    }

    /** Where the problem is, relative to the GeoJSON object (property names and integer indices). */
    public List<Object> path() {
        return path;
    }

    /** FastAPI's error type, e.g. {@code float_type}. */
    public String type() {
        return type;
    }
}
