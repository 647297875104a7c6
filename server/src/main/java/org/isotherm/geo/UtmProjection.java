package org.isotherm.geo;

/**
 * The forward WGS84 UTM projection by the Poder/Engsager ("extended") transverse Mercator series, the algorithm
 * PROJ uses for UTM and proj4j implements as {@code ExtendedTransverseMercatorProjection}. It is written out here
 * because {@code geometry-info} projects every vertex of up to 10,000 per request, and proj4j's general path costs
 * about twice as much per point (longitude normalisation, unit checks, {@code Math.hypot}, separate
 * {@code sinh}/{@code cosh}). Two identities remove work without changing the result beyond rounding: after the
 * Gaussian-latitude rotation, {@code asinh(tan(atan2(s, hypot(...))))} equals {@code atanh(s)} because the
 * hypotenuse is 1; {@code sinh}/{@code cosh} share one {@code exp}; and the sines and cosines of the Gaussian
 * latitude and of twice the rotated latitude follow from ones already known by angle addition. {@code UtmProjectionTest} checks it against
 * proj4j to a micrometre across zones and hemispheres, and {@code UtmMeasuresTest} against PROJ (pyproj).
 */
final class UtmProjection {

    private static final double A = 6378137.0;
    private static final double F = 1 / 298.257223563;
    private static final double K0 = 0.9996;
    private static final double FALSE_EASTING = 500_000;
    private static final double FALSE_NORTHING_SOUTH = 10_000_000;

    /** Geodetic to Gaussian latitude. */
    private static final double[] CBG = new double[6];
    /** Gaussian (ellipsoidal) to UTM (plane) coordinates. */
    private static final double[] GTU = new double[6];
    /** Meridian quadrant scaled by k0 and the semi-major axis. */
    private static final double QN;

    static {
        double n = F / (2 - F);
        double np = n * n;
        CBG[0] = n * (-2 + n * (2 / 3.0 + n * (4 / 3.0 + n * (-82 / 45.0 + n * (32 / 45.0 + n * (4642 / 4725.0))))));
        CBG[1] = np * (5 / 3.0 + n * (-16 / 15.0 + n * (-13 / 9.0 + n * (904 / 315.0 + n * (-1522 / 945.0)))));
        np *= n;
        CBG[2] = np * (-26 / 15.0 + n * (34 / 21.0 + n * (8 / 5.0 + n * (-12686 / 2835.0))));
        np *= n;
        CBG[3] = np * (1237 / 630.0 + n * (-12 / 5.0 + n * (-24832 / 14175.0)));
        np *= n;
        CBG[4] = np * (-734 / 315.0 + n * (109598 / 31185.0));
        np *= n;
        CBG[5] = np * (444337 / 155925.0);

        np = n * n;
        QN = A * K0 / (1 + n) * (1 + np * (1 / 4.0 + np * (1 / 64.0 + np / 256.0)));
        GTU[0] = n
                * (0.5
                        + n
                                * (-2 / 3.0
                                        + n
                                                * (5 / 16.0
                                                        + n
                                                                * (41 / 180.0
                                                                        + n * (-127 / 288.0 + n * (7891 / 37800.0))))));
        GTU[1] =
                np * (13 / 48.0 + n * (-3 / 5.0 + n * (557 / 1440.0 + n * (281 / 630.0 + n * (-1983433 / 1935360.0)))));
        np *= n;
        GTU[2] = np * (61 / 240.0 + n * (-103 / 140.0 + n * (15061 / 26880.0 + n * (167603 / 181440.0))));
        np *= n;
        GTU[3] = np * (49561 / 161280.0 + n * (-179 / 168.0 + n * (6601661 / 7257600.0)));
        np *= n;
        GTU[4] = np * (34729 / 80640.0 + n * (-3418889 / 1995840.0));
        np *= n;
        GTU[5] = np * (212378941 / 319334400.0);
    }

    private final double centralMeridian;
    private final double falseNorthing;

    UtmProjection(int zone, boolean south) {
        this.centralMeridian = Math.toRadians(zone * 6 - 183);
        this.falseNorthing = south ? FALSE_NORTHING_SOUTH : 0;
    }

    /** Projects lon/lat degrees; writes easting and northing in metres to {@code out[0]} and {@code out[1]}. */
    void project(double lon, double lat, double[] out) {
        double lambda = Math.toRadians(lon) - centralMeridian;
        if (lambda < -Math.PI) {
            lambda += 2 * Math.PI;
        } else if (lambda > Math.PI) {
            lambda -= 2 * Math.PI;
        }
        double phi = Math.toRadians(lat);
        double sinPhi = Math.sin(phi);
        double cosPhi = Math.cos(phi);

        // geodetic to Gaussian latitude (Clenshaw summation of the CBG series)
        double sin2Phi = 2 * sinPhi * cosPhi;
        double cos2 = 2 * (cosPhi * cosPhi - sinPhi * sinPhi);
        double h1 = CBG[5];
        double h2 = 0;
        double h = 0;
        for (int i = 4; i >= 0; i--) {
            h = -h2 + cos2 * h1 + CBG[i];
            h2 = h1;
            h1 = h;
        }
        // the Gaussian latitude is phi + delta with |delta| < 0.004: its sine and cosine by angle addition, with
        // Taylor series for delta exact to double precision
        double delta = h * sin2Phi;
        double d2 = delta * delta;
        double sinDelta = delta * (1 - d2 / 6 * (1 - d2 / 20 * (1 - d2 / 42)));
        double cosDelta = 1 - d2 / 2 * (1 - d2 / 12 * (1 - d2 / 30));
        double sinCn = sinPhi * cosDelta + cosPhi * sinDelta;
        double cosCn = cosPhi * cosDelta - sinPhi * sinDelta;

        double sinCe = Math.sin(lambda);
        double cosCe = Math.cos(lambda);
        double x = cosCe * cosCn;
        double cn = Math.atan2(sinCn, x);
        double s = sinCe * cosCn;
        double ce = 0.5 * Math.log1p(2 * s / (1 - s));

        // complex Clenshaw summation of the GTU series at (2 cn, 2 ce); sin and cos of 2 cn from its tangent
        double norm = x * x + sinCn * sinCn;
        double sinR = 2 * x * sinCn / norm;
        double cosR = (x * x - sinCn * sinCn) / norm;
        double e = Math.exp(2 * ce);
        double sinhI = (e - 1 / e) / 2;
        double coshI = (e + 1 / e) / 2;
        double r = 2 * cosR * coshI;
        double im = -2 * sinR * sinhI;
        double hr = GTU[5];
        double hi = 0;
        double hr1 = 0;
        double hi1 = 0;
        for (int i = 4; i >= 0; i--) {
            double hr2 = hr1;
            double hi2 = hi1;
            hr1 = hr;
            hi1 = hi;
            hr = -hr2 + r * hr1 - im * hi1 + GTU[i];
            hi = -hi2 + im * hr1 + r * hi1;
        }
        double rr = sinR * coshI;
        double ii = cosR * sinhI;
        double dCn = rr * hr - ii * hi;
        double dCe = rr * hi + ii * hr;

        out[0] = QN * (ce + dCe) + FALSE_EASTING;
        out[1] = QN * (cn + dCn) + falseNorthing;
    }
}
