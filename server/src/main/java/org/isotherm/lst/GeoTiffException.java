package org.isotherm.lst;

import java.io.IOException;

/** A file that is not a readable, georeferenced GeoTIFF; the message says why, in words for the uploader. */
public class GeoTiffException extends IOException {

    public GeoTiffException(String message) {
        super(message);
    }
}
