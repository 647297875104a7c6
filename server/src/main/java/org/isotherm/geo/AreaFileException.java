package org.isotherm.geo;

/** An uploaded area file (KML, zipped Shapefile) that cannot be turned into one polygon: a 400 naming why. */
public class AreaFileException extends RuntimeException {

    public AreaFileException(String detail) {
        super(detail, null, false, false);
    }
}
