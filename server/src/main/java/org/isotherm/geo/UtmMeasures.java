package org.isotherm.geo;

import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Sizes of an area of interest in metres, computed as the vendor's API guide does so that its example reproduces to
 * the decimal: the lon/lat bbox's corners and the polygon's vertices (no densification) projected to the WGS84 UTM
 * zone of the bbox centre, the bbox sizes from the projected corners, the area by the shoelace formula (holes
 * subtracted), each truncated to one decimal. The product limits (15 km) are checked against these numbers;
 * {@code docs/geometry-info.md} describes the method step by step for API users.
 *
 * @param bboxWidth max x - min x of the projected bbox corners, in metres
 * @param bboxHeight max y - min y of the projected bbox corners, in metres
 * @param area the polygon's area in square metres
 */
public record UtmMeasures(double bboxWidth, double bboxHeight, double area) {

    private static final UtmProjection[] PROJECTIONS = new UtmProjection[120];

    static {
        for (int zone = 1; zone <= 60; zone++) {
            PROJECTIONS[(zone - 1) * 2] = new UtmProjection(zone, false);
            PROJECTIONS[(zone - 1) * 2 + 1] = new UtmProjection(zone, true);
        }
    }

    /** Measures {@code polygon}, given in lon/lat degrees (EPSG:4326). */
    public static UtmMeasures of(Polygon polygon) {
        var box = polygon.getEnvelopeInternal();
        double centreLon = (box.getMinX() + box.getMaxX()) / 2;
        double centreLat = (box.getMinY() + box.getMaxY()) / 2;
        var projection = projection(zone(centreLon), centreLat < 0);
        var out = new double[2];
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        double[][] corners = {
            {box.getMinX(), box.getMinY()},
            {box.getMinX(), box.getMaxY()},
            {box.getMaxX(), box.getMinY()},
            {box.getMaxX(), box.getMaxY()}
        };
        for (var corner : corners) {
            projection.project(corner[0], corner[1], out);
            minX = Math.min(minX, out[0]);
            maxX = Math.max(maxX, out[0]);
            minY = Math.min(minY, out[1]);
            maxY = Math.max(maxY, out[1]);
        }
        var first = polygon.getExteriorRing().getCoordinateN(0);
        projection.project(first.x, first.y, out);
        double originX = out[0];
        double originY = out[1];
        double area = ringArea(polygon.getExteriorRing(), projection, originX, originY);
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            area -= ringArea(polygon.getInteriorRingN(i), projection, originX, originY);
        }
        return new UtmMeasures(truncate(maxX - minX), truncate(maxY - minY), truncate(area));
    }

    /** The UTM zone (1..60) of a longitude; 180 falls in zone 60. */
    public static int zone(double lon) {
        return Math.min((int) Math.floor((lon + 180) / 6) + 1, 60);
    }

    /** Truncates (not rounds) to one decimal, as the guide's figures are. */
    static double truncate(double v) {
        return Math.floor(v * 10) / 10;
    }

    /** Unsigned shoelace area of one ring, its vertices taken relative to the origin to keep precision. */
    private static double ringArea(LinearRing ring, UtmProjection projection, double originX, double originY) {
        var sequence = ring.getCoordinateSequence();
        var out = new double[2];
        double twiceArea = 0;
        double previousX = 0;
        double previousY = 0;
        int n = sequence.size();
        for (int i = 0; i < n; i++) {
            projection.project(sequence.getX(i), sequence.getY(i), out);
            double x = out[0] - originX;
            double y = out[1] - originY;
            if (i > 0) {
                twiceArea += previousX * y - x * previousY;
            }
            previousX = x;
            previousY = y;
        }
        return Math.abs(twiceArea) / 2;
    }

    static UtmProjection projection(int zone, boolean south) {
        return PROJECTIONS[(zone - 1) * 2 + (south ? 1 : 0)];
    }
}
