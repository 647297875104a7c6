package org.isotherm.geo;

/** Well-formed GeoJSON whose geometry breaks a rule (unclosed ring, self-intersection, ...): a 400 naming it. */
public class InvalidGeometryException extends RuntimeException {

    public InvalidGeometryException(String detail) {
        super(detail, null, false, false);
    }
}
