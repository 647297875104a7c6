package org.isotherm.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.locationtech.proj4j.proj.Projection;

/**
 * Sizes of an area of interest in metres, computed exactly as PRODUCT.md ("geometry-info and AOI bbox sizes")
 * prescribes so that the guide's example reproduces to the decimal: the lon/lat bbox's corners and the polygon's
 * vertices (no densification) projected to the WGS84 UTM zone of the bbox centre, the bbox sizes from the
 * projected corners, the area by the shoelace formula (holes subtracted), each truncated to one decimal.
 *
 * @param bboxWidth max x - min x of the projected bbox corners, in metres
 * @param bboxHeight max y - min y of the projected bbox corners, in metres
 * @param area the polygon's area in square metres
 */
public record UtmMeasures(double bboxWidth, double bboxHeight, double area) {

    /** One projection per zone and hemisphere, built on first use: proj4j's setup is far costlier than a call. */
    private static final Projection[] PROJECTIONS = new Projection[120];

    /** Measures {@code polygon}, given in lon/lat degrees (EPSG:4326). */
    public static UtmMeasures of(Polygon polygon) {
        var box = polygon.getEnvelopeInternal();
        double centreLon = (box.getMinX() + box.getMaxX()) / 2;
        double centreLat = (box.getMinY() + box.getMaxY()) / 2;
        var projection = projection(zone(centreLon), centreLat < 0);
        var out = new ProjCoordinate();
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
            projection.project(new ProjCoordinate(corner[0], corner[1]), out);
            minX = Math.min(minX, out.x);
            maxX = Math.max(maxX, out.x);
            minY = Math.min(minY, out.y);
            maxY = Math.max(maxY, out.y);
        }
        var first = polygon.getExteriorRing().getCoordinateN(0);
        projection.project(new ProjCoordinate(first.x, first.y), out);
        double originX = out.x;
        double originY = out.y;
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
    private static double ringArea(LinearRing ring, Projection projection, double originX, double originY) {
        var source = new ProjCoordinate();
        var out = new ProjCoordinate();
        double twiceArea = 0;
        double previousX = 0;
        double previousY = 0;
        int n = ring.getNumPoints();
        for (int i = 0; i < n; i++) {
            Coordinate c = ring.getCoordinateN(i);
            source.x = c.x;
            source.y = c.y;
            projection.project(source, out);
            double x = out.x - originX;
            double y = out.y - originY;
            if (i > 0) {
                twiceArea += previousX * y - x * previousY;
            }
            previousX = x;
            previousY = y;
        }
        return Math.abs(twiceArea) / 2;
    }

    private static Projection projection(int zone, boolean south) {
        int slot = (zone - 1) * 2 + (south ? 1 : 0);
        var projection = PROJECTIONS[slot];
        if (projection == null) {
            // A benign race: two threads may build the same immutable projection; either result is correct.
            projection = new CRSFactory()
                    .createFromParameters(
                            "UTM " + zone + (south ? "S" : "N"),
                            "+proj=utm +zone=" + zone + (south ? " +south" : "") + " +datum=WGS84 +units=m +no_defs")
                    .getProjection();
            PROJECTIONS[slot] = projection;
        }
        return projection;
    }
}
