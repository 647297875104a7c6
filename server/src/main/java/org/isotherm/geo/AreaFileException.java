package org.isotherm.geo;

import org.isotherm.web.BadRequestException;

/** An uploaded area file (KML, zipped Shapefile) that cannot be turned into one polygon: a 400 naming why. */
public class AreaFileException extends BadRequestException {

    public AreaFileException(String detail) {
        super(detail);
    }
}
