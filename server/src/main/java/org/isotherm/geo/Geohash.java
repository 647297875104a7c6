package org.isotherm.geo;

/** Geohash encoding (the public-domain base-32 scheme), used to name delivery files by place. */
public final class Geohash {

    private static final char[] BASE32 = "0123456789bcdefghjkmnpqrstuvwxyz".toCharArray();

    private Geohash() {}

    /** The geohash of a point, {@code precision} characters long (1..12). */
    public static String encode(double lat, double lon, int precision) {
        if (precision < 1 || precision > 12) {
            throw new IllegalArgumentException("precision must be 1..12");
        }
        double minLat = -90;
        double maxLat = 90;
        double minLon = -180;
        double maxLon = 180;
        var hash = new StringBuilder(precision);
        boolean evenBit = true;
        int bit = 0;
        int index = 0;
        while (hash.length() < precision) {
            if (evenBit) {
                double mid = (minLon + maxLon) / 2;
                if (lon >= mid) {
                    index = index * 2 + 1;
                    minLon = mid;
                } else {
                    index = index * 2;
                    maxLon = mid;
                }
            } else {
                double mid = (minLat + maxLat) / 2;
                if (lat >= mid) {
                    index = index * 2 + 1;
                    minLat = mid;
                } else {
                    index = index * 2;
                    maxLat = mid;
                }
            }
            evenBit = !evenBit;
            if (++bit == 5) {
                hash.append(BASE32[index]);
                bit = 0;
                index = 0;
            }
        }
        return hash.toString();
    }
}
