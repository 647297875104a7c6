package org.isotherm.stac.cql2;

import org.isotherm.web.BadRequestException;

/**
 * A filter the client must fix: malformed cql2-text or cql2-json, an unknown queryable, or operands of the wrong
 * type. Answered as 400 with a detail that points at the offending token (text: its 1-based character position;
 * json: a JSON pointer into the filter document) or names the property and the type it expects.
 */
public class Cql2Exception extends BadRequestException {

    public Cql2Exception(String detail) {
        super(detail);
    }

    /** The error a {@link Cql2Target} throws for a property that is not among its queryables. */
    public static Cql2Exception unknownQueryable(String propertyName) {
        return new Cql2Exception("Unknown queryable '" + propertyName + "'");
    }
}
