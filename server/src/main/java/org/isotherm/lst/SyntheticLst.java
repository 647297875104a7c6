package org.isotherm.lst;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * The physical model behind the synthetic provider: a plausible land-surface temperature for any place and time,
 * deterministic in both, so that a scene can be made again byte for byte and two orders over one field see the
 * same field.
 *
 * <ul>
 *   <li>Climate: a base temperature by latitude (warm tropics, cold poles) and season (day of year, opposite in the
 *       southern hemisphere).
 *   <li>Diurnal cycle by true local solar time: a cosine peaking at 13:30, its daytime half scaled by the day's noon
 *       sun; the day/night swing is largest over dry bare or built ground, smaller over vegetation, small over
 *       water (cooler than land by day, warmer by night).
 *   <li>Texture and land cover from value noise on a world grid (sinusoidal metres, see {@link SceneGrid}): an
 *       elevation-like field (lower is warmer, lowest is water), a moisture field (dry to vegetated) and patches of
 *       built ground. Fixed seeds: the same place always looks the same.
 *   <li>Clouds: a noise field seeded by the acquisition time (to the minute) thresholded by a regional cloudiness
 *       seeded by the day, so most passes are clear or partly cloudy and some overcast; cloud pixels are nodata.
 *       Shadows fall where a cloud 1.5 km up stands between the ground and the sun (offset toward the sun's
 *       azimuth, by day only) and are cooler.
 *   <li>Sensor noise at the product's NEDT (0.03 K LSTprecision, 0.05 K LSTzoom, 0.1 K LSTfusion) from a hash of
 *       the absolute pixel and the time. SBA passes see a 17.5 km swath whose centre falls within 3 km of the AOI
 *       centre; LSTfusion has no swath edge.
 * </ul>
 *
 * Values stay within 220..340 K. The per-pixel path allocates nothing and calls no trigonometry.
 */
public final class SyntheticLst {

    static final byte NODATA = 0;
    static final byte CLEAR = 1;
    static final byte CLOUD = 2;
    static final byte SHADOW = 3;
    static final byte WATER = 4;
    /** Set on a pixel's class when it lies outside the swath: it is nodata, but its sky still counts as cloudy. */
    static final byte OUTSIDE_SWATH = (byte) 0x80;

    static final double MIN_KELVIN = 220;
    static final double MAX_KELVIN = 340;

    private static final double SWATH_HALF_WIDTH = 8_750;
    private static final double SWATH_OFFSET = 3_000;
    private static final double CLOUD_HEIGHT = 1_500;
    private static final double MAX_SHADOW_OFFSET = 8_000;
    private static final double SAMPLES_ACROSS = 100;

    private static final long TERRAIN_SEED = 0x15_07_4E_12_00_01L;
    private static final long MOISTURE_SEED = 0x15_07_4E_12_00_02L;
    private static final long BUILT_SEED = 0x15_07_4E_12_00_03L;

    final SceneGrid grid;
    final SolarPosition sun;
    private final double nedt;
    private final double baseAtCentre;
    private final double baseSlope;
    private final double centreWorldY;
    private final double dayHeating;
    private final double nightCooling;
    private final double diurnal;
    private final boolean shadows;
    private final double shadowX;
    private final double shadowY;
    private final boolean swath;
    private final double swathCos;
    private final double swathSin;
    private final double swathX;
    private final double swathY;
    private final long timeSeed;
    private final Fbm terrain;
    private final Fbm moisture;
    private final Fbm built;
    private final Fbm clouds;
    private final Fbm cloudiness;

    /**
     * The model for one acquisition over {@code grid}.
     *
     * @param product LSTprecision, LSTzoom or LSTfusion (any case): sets the NEDT and whether there is a swath edge
     * @param satellite SBA01..SBA04 or FUSION: with the time, where the swath falls
     */
    SyntheticLst(String product, String satellite, Instant acquired, SceneGrid grid) {
        this.grid = grid;
        String p = product.toLowerCase(Locale.ROOT);
        this.nedt = switch (p) {
            case "lstprecision" -> 0.03;
            case "lstzoom" -> 0.05;
            case "lstfusion" -> 0.1;
            default -> throw new IllegalArgumentException("unknown product " + product);
        };
        double lat = grid.centreLat;
        this.sun = SolarPosition.at(grid.centreLon, lat, acquired);
        var utc = acquired.atOffset(java.time.ZoneOffset.UTC);
        double season = Math.cos(2 * Math.PI * (utc.getDayOfYear() - 200) / 365.25);
        double phi = Math.toRadians(lat);
        this.baseAtCentre = 300 - 42 * Math.sin(phi) * Math.sin(phi) + 17 * Math.sin(phi) * season;
        this.baseSlope = (-84 * Math.sin(phi) * Math.cos(phi) + 17 * Math.cos(phi) * season) / SceneGrid.EARTH_RADIUS;
        this.centreWorldY = SceneGrid.EARTH_RADIUS * phi;
        this.diurnal = Math.cos(2 * Math.PI * (sun.solarHours() - 13.5) / 24);
        double insolation = 0.35 + 0.65 * Math.sin(Math.toRadians(Math.max(0, sun.noonElevation())));
        this.dayHeating = diurnal > 0 ? diurnal * insolation : 0;
        this.nightCooling = diurnal < 0 ? -diurnal : 0;

        this.shadows = sun.elevation() > 3;
        double reach =
                shadows ? Math.min(MAX_SHADOW_OFFSET, CLOUD_HEIGHT / Math.tan(Math.toRadians(sun.elevation()))) : 0;
        double azimuth = Math.toRadians(sun.azimuth());
        this.shadowX = reach * Math.sin(azimuth);
        this.shadowY = reach * Math.cos(azimuth);

        long minute = Math.floorDiv(acquired.getEpochSecond(), 60);
        long day = Math.floorDiv(acquired.getEpochSecond(), 86_400);
        this.timeSeed = Fbm.mix(acquired.getEpochSecond() * 0x9E3779B97F4A7C15L + acquired.getNano());
        boolean sba = !p.equals("lstfusion") && !satellite.equalsIgnoreCase("FUSION");
        this.swath = sba;
        long passSeed = Fbm.mix(minute * 31 + satellite.toUpperCase(Locale.ROOT).hashCode());
        // sun-synchronous orbit: the ground track leans about 8 degrees off the meridian, the other way at night
        double lean = Math.toRadians(sun.elevation() > 0 ? -8 : 8);
        this.swathCos = Math.cos(lean);
        this.swathSin = Math.sin(lean);
        double offset = ((passSeed >>> 11) * 0x1.0p-52 - 1) * SWATH_OFFSET;
        double centreX = grid.originX + grid.width * grid.pixelSize / 2;
        double centreY = grid.originY - grid.height * grid.pixelSize / 2;
        this.swathX = centreX + offset * swathCos;
        this.swathY = centreY - offset * swathSin;

        double finest = Math.max(2.5 * grid.pixelSize, 60);
        int octaves = 1;
        while (8_000 / Math.pow(2, octaves) >= finest && octaves < 10) {
            octaves++;
        }
        this.terrain = new Fbm(TERRAIN_SEED, 8_000, octaves, 0.55);
        this.moisture = new Fbm(MOISTURE_SEED, 6_000, 4, 0.5);
        this.built = new Fbm(BUILT_SEED, 2_500, 2, 0.5);
        this.clouds = new Fbm(Fbm.mix(minute ^ 0x7C10D5L), 12_000, 5, 0.55);
        this.cloudiness = new Fbm(Fbm.mix(day ^ 0xC10D1L), 400_000, 2, 0.5);
    }

    /**
     * Fraction of the AOI under cloud or cloud shadow for this pass, from the same fields as the full scene sampled
     * on a grid of about 100 x 100 points, so it agrees with the scene's {@code cloudRatio} to a few hundredths.
     */
    public static double cloudRatio(Geometry area, Instant acquired) {
        return sample("LSTfusion", "FUSION", area, acquired).cloudRatio();
    }

    /** A coarse look at a scene before it is made: its cloud ratio and its valid temperatures, sorted. */
    record Sample(double cloudRatio, float[] sortedKelvin) {}

    static Sample sample(String product, String satellite, Geometry area, Instant acquired) {
        var box = area.getEnvelopeInternal();
        double lat = Math.toRadians((box.getMinY() + box.getMaxY()) / 2);
        double metres = Math.max(box.getWidth() * 111_320 * Math.cos(lat), box.getHeight() * 110_574);
        double pixel = 30 * Math.max(1, Math.ceil(metres / SAMPLES_ACROSS / 30));
        var grid = SceneGrid.of(area, pixel);
        var model = new SyntheticLst(product, satellite, acquired, grid);
        var evaluator = model.evaluator();
        int w = grid.width;
        var wx = new double[w];
        var wy = new double[w];
        var mask = new byte[w];
        var kelvin = new float[w];
        var classes = new byte[w];
        var scratch = new double[grid.maxCrossings()];
        var edges = grid.edgesOf(0, grid.height);
        var valid = new float[w * grid.height];
        int values = 0;
        long inside = 0;
        long cloudy = 0;
        for (int row = 0; row < grid.height; row++) {
            grid.world(row, wx, wy);
            grid.inside(row, edges, mask, scratch);
            evaluator.row(row, wx, wy, mask, kelvin, classes);
            for (int c = 0; c < w; c++) {
                if (mask[c] != 0) {
                    inside++;
                    int k = classes[c] & 0x7f;
                    if (k == CLOUD || k == SHADOW) {
                        cloudy++;
                    }
                    if (!Float.isNaN(kelvin[c])) {
                        valid[values++] = kelvin[c];
                    }
                }
            }
        }
        var sorted = Arrays.copyOf(valid, values);
        Arrays.sort(sorted);
        return new Sample(inside == 0 ? 0 : (double) cloudy / inside, sorted);
    }

    /** The part of {@code area} inside the swath (all of it without one, or when it misses the swath). */
    Geometry footprint(Geometry area) {
        if (!swath) {
            return area;
        }
        double along = Math.hypot(grid.width, grid.height) * grid.pixelSize + 20_000;
        // across-track unit vector (cos, -sin), along-track (sin, cos), as in Evaluator.row
        double[][] corners = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}, {-1, -1}};
        var ring = new Coordinate[4 * 16 + 1];
        var lonLat = new double[2];
        int n = 0;
        for (int k = 0; k < 4; k++) {
            for (int i = 0; i < 16; i++) {
                double f = i / 16.0;
                double a = (corners[k][0] + (corners[k + 1][0] - corners[k][0]) * f) * SWATH_HALF_WIDTH;
                double l = (corners[k][1] + (corners[k + 1][1] - corners[k][1]) * f) * along;
                grid.lonLat(swathX + a * swathCos + l * swathSin, swathY - a * swathSin + l * swathCos, lonLat);
                ring[n++] = new Coordinate(lonLat[0], lonLat[1]);
            }
        }
        ring[n] = ring[0];
        var strip = area.getFactory().createPolygon(ring);
        var inside = area.intersection(strip);
        return inside.isEmpty() ? area : inside;
    }

    Evaluator evaluator() {
        return new Evaluator();
    }

    /** Evaluates the model row by row; one per thread (its noises cache lattice cells). */
    final class Evaluator {
        private final Fbm terrain = SyntheticLst.this.terrain.copy();
        private final Fbm moisture = SyntheticLst.this.moisture.copy();
        private final Fbm built = SyntheticLst.this.built.copy();
        private final Fbm clouds = SyntheticLst.this.clouds.copy();
        private final Fbm shadowClouds = SyntheticLst.this.clouds.copy();
        private final Fbm cloudiness = SyntheticLst.this.cloudiness.copy();

        /**
         * One row: {@code wx}, {@code wy} world coordinates from {@link SceneGrid#world}, {@code mask} 1 inside the
         * AOI. Writes kelvin (NaN where there is no value) and the class (0 outside the AOI; with
         * {@link #OUTSIDE_SWATH} set beyond the swath, where kelvin is NaN too).
         */
        void row(int row, double[] wx, double[] wy, byte[] mask, float[] kelvin, byte[] classes) {
            int width = grid.width;
            double ps = grid.pixelSize;
            long absoluteRow = Math.round(grid.originY / ps) - row;
            long absoluteCol = Math.round(grid.originX / ps);
            double y = grid.rowY(row);
            double across = (grid.colX(0) - swathX) * swathCos - (y - swathY) * swathSin;
            double step = ps * swathCos;
            for (int c = 0; c < width; c++) {
                if (mask[c] == 0) {
                    kelvin[c] = Float.NaN;
                    classes[c] = NODATA;
                    continue;
                }
                double x = wx[c];
                double yy = wy[c];
                double threshold = 0.32 - 0.9 * cloudiness.at(x, yy);
                boolean outside = swath && Math.abs(across + c * step) > SWATH_HALF_WIDTH;
                if (clouds.at(x, yy) > threshold) {
                    kelvin[c] = Float.NaN;
                    classes[c] = outside ? (byte) (CLOUD | OUTSIDE_SWATH) : CLOUD;
                    continue;
                }
                boolean shadow = shadows && shadowClouds.at(x + shadowX, yy + shadowY) > threshold;
                double e = terrain.at(x, yy);
                byte cls;
                double t = baseAtCentre + baseSlope * (yy - centreWorldY);
                if (e < -0.4) {
                    cls = WATER;
                    t += 1.0 + 1.5 * dayHeating - 0.8 * nightCooling;
                } else {
                    cls = CLEAR;
                    double dry = Math.max(0, Math.min(1, 0.5 - 1.8 * moisture.at(x, yy)));
                    double b = built.at(x, yy) > 0.52 ? 1 : 0;
                    t += -3.0 * e + dayHeating * (7 + 13 * dry + 5 * b) - nightCooling * (3 + 5 * dry - 1.5 * b) + b;
                }
                if (shadow) {
                    cls = SHADOW;
                    t -= 5 * dayHeating;
                }
                if (outside) {
                    kelvin[c] = Float.NaN;
                    classes[c] = (byte) (cls | OUTSIDE_SWATH);
                    continue;
                }
                long h =
                        Fbm.mix((absoluteCol + c) * 0xD1B54A32D192ED03L + absoluteRow * 0xABC98388FB8FAC03L + timeSeed);
                // three 21-bit uniforms summed: close to normal, unit variance after scaling
                double u = ((h & 0x1FFFFF) + ((h >>> 21) & 0x1FFFFF) + ((h >>> 42) & 0x1FFFFF)) * 0x1.0p-21 - 1.5;
                t += 2 * u * nedt;
                kelvin[c] = (float) Math.max(MIN_KELVIN, Math.min(MAX_KELVIN, t));
                classes[c] = cls;
            }
        }
    }
}
