package org.isotherm.lst;

import java.nio.file.Path;

/**
 * One file of a delivery bundle.
 *
 * @param role lst, quicklook, thumbnail, scl, sharpened or metadata
 * @param fileName the name written in the directory, e.g. {@code lst.tiff}
 */
public record BundleFile(String role, Path path, String fileName, String mediaType, long size, String sha256Hex) {

    public static final String COG = "image/tiff; application=geotiff; profile=cloud-optimized";
    public static final String JPEG = "image/jpeg";
    public static final String JSON = "application/json";
}
