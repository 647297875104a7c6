package org.isotherm.geo;

import org.isotherm.web.BadRequestException;

/** Well-formed GeoJSON whose geometry breaks a rule (unclosed ring, self-intersection, ...): a 400. */
public class InvalidGeometryException extends BadRequestException {

    public InvalidGeometryException(String detail) {
        super(detail);
    }
}
