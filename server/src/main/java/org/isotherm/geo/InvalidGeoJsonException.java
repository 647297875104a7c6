package org.isotherm.geo;

import java.util.ArrayList;
import java.util.List;

/**
 * JSON that cannot be read as GeoJSON: the one error of {@link GeoJsonGeometries} and {@link GeoJson}. It says
 * what is wrong ({@link #problem()}), with which part of the geometry ({@link #part()}) and where ({@link #path()}),
 * so that each caller words its own answer: the AOI endpoints a 422 that points into the body, CQL2 its JSON path,
 * STAC items the {@linkplain #getMessage() message}.
 */
public class InvalidGeoJsonException extends RuntimeException {

    /** What is wrong, in terms of JSON and of the geometry model. */
    public enum Problem {
        NOT_AN_OBJECT,
        MISSING,
        NOT_A_STRING,
        UNKNOWN_TYPE,
        NOT_AN_ARRAY,
        /** A position with fewer than two numbers. */
        TOO_SHORT,
        /** A coordinate that is not a finite number. */
        NOT_A_NUMBER,
        /** Positions that do not make a linear ring: fewer than four, or not closed. */
        NOT_A_RING,
        /** Positions that do not make a line string: fewer than two. */
        NOT_A_LINE
    }

    /** The part of a GeoJSON geometry the problem is with. */
    public enum Part {
        GEOMETRY,
        TYPE,
        COORDINATES,
        GEOMETRIES,
        POLYGON,
        RING,
        LINE,
        POSITION,
        NUMBER
    }

    private final Problem problem;
    private final Part part;
    private final ArrayList<Object> path;

    InvalidGeoJsonException(Problem problem, Part part, String message, List<Object> path) {
        // thrown for each bad item of a bulk load: no stack trace to fill
        super(message, null, false, false);
        this.problem = problem;
        this.part = part;
        this.path = new ArrayList<>(path);
    }

    public Problem problem() {
        return problem;
    }

    public Part part() {
        return part;
    }

    /** Where the problem is, relative to the object read: property names and integer indices. */
    public List<Object> path() {
        return List.copyOf(path);
    }

    /** The path as a JSON pointer ({@code /coordinates/0/3}), relative to the object read. */
    public String pointer() {
        var out = new StringBuilder();
        for (var step : path) {
            out.append('/').append(step);
        }
        return out.toString();
    }

    /** This error, placed under {@code steps} as the reader unwinds (no path is built unless something fails). */
    InvalidGeoJsonException under(Object... steps) {
        path.addAll(0, List.of(steps));
        return this;
    }
}
