package org.isotherm.lst;

/**
 * Statistics of the valid pixels of an LST raster, in kelvin, from the stored (0.01 K) values, as GDAL computes
 * them: population standard deviation, the median the lower middle value. All NaN when no pixel is valid.
 *
 * @param validPercent valid pixels as a percentage of all the raster's pixels (GDAL's STATISTICS_VALID_PERCENT)
 */
public record Statistics(
        double minimum, double maximum, double mean, double median, double stddev, double validPercent) {}
