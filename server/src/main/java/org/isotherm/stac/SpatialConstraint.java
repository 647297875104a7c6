package org.isotherm.stac;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.isotherm.geo.GeoJson;
import org.isotherm.web.BadRequestException;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * "The item's geometry intersects this geometry", planned for SQL without PostGIS. The boxes prefilter through the
 * GiST index; they decide exactly for rectangular items when the query is a set of rectangles; otherwise
 * PostgreSQL's polygon overlap ({@code &&}, exact for simple polygons) decides against the item's footprint; only
 * what neither can decide (lines, points, holes, footprints too large for a quick overlap test) is checked with JTS
 * in Java.
 *
 * @param boxes lon/lat boxes (minX, minY, maxX, maxY) covering the geometry, one per part
 * @param rectangles whether the geometry is exactly the union of {@link #boxes}
 * @param polygons PostgreSQL polygon literals whose union is exactly the geometry; null when that cannot be said
 * @param prepared the geometry indexed for the JTS test
 */
record SpatialConstraint(
        Geometry geometry,
        List<double[]> boxes,
        boolean rectangles,
        @Nullable List<String> polygons,
        PreparedGeometry prepared) {

    /**
     * Segment pairs that one SQL overlap test may compare. PostgreSQL's polygon overlap compares every segment of
     * one side with every segment of the other and cannot be cancelled until it is done (10,000 vertices against
     * 10,000 took about 2 s a row); a footprint whose test would cost more is left to JTS, which indexes both sides
     * and stops between rows when the search is cancelled. A million pairs are about 25 ms.
     */
    static final long SQL_SEGMENT_PAIRS = 1_000_000;

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    SpatialConstraint(Geometry geometry, List<double[]> boxes, boolean rectangles, @Nullable List<String> polygons) {
        this(geometry, boxes, rectangles, polygons, PreparedGeometryFactory.prepare(geometry));
    }

    static SpatialConstraint bbox(double[] bbox) {
        int dims = bbox.length / 2;
        double minX = bbox[0];
        double minY = bbox[1];
        double maxX = bbox[dims];
        double maxY = bbox[dims + 1];
        if (minX <= maxX) {
            return rectangles(List.of(new double[] {minX, minY, maxX, maxY}));
        }
        // crosses the antimeridian: the part east of minX and the part west of maxX
        return rectangles(List.of(new double[] {minX, minY, 180, maxY}, new double[] {-180, minY, maxX, maxY}));
    }

    private static SpatialConstraint rectangles(List<double[]> boxes) {
        var parts = new ArrayList<Geometry>();
        var polygons = new ArrayList<String>();
        for (var box : boxes) {
            parts.add(GEOMETRY.toGeometry(new Envelope(box[0], box[2], box[1], box[3])));
            polygons.add("((" + box[0] + "," + box[1] + "),(" + box[0] + "," + box[3] + "),(" + box[2] + "," + box[3]
                    + "),(" + box[2] + "," + box[1] + "))");
        }
        var geometry =
                parts.size() == 1 ? parts.get(0) : GEOMETRY.buildGeometry(parts).union();
        return new SpatialConstraint(geometry, List.copyOf(boxes), true, List.copyOf(polygons));
    }

    static SpatialConstraint of(Geometry geometry) {
        if (geometry.isEmpty()) {
            throw new BadRequestException("The search geometry is empty");
        }
        if (geometry.getNumPoints() > GeoJson.MAX_VERTICES) {
            // as for areas of interest: the cost of an intersection test grows with the vertices of both sides
            throw new BadRequestException("The search geometry has " + geometry.getNumPoints() + " vertices; at most "
                    + GeoJson.MAX_VERTICES + " are allowed");
        }
        if (geometry instanceof Polygon polygon && polygon.isRectangle()) {
            var e = polygon.getEnvelopeInternal();
            return rectangles(List.<double[]>of(new double[] {e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()}));
        }
        var boxes = new ArrayList<double[]>();
        var polygons = new ArrayList<String>();
        boolean simple = geometry instanceof Polygon || geometry instanceof MultiPolygon;
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            var part = geometry.getGeometryN(i);
            var e = part.getEnvelopeInternal();
            boxes.add(new double[] {e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()});
            var footprint = StacItemReader.footprint(part);
            if (footprint == null || !(part instanceof Polygon)) {
                simple = false;
            } else {
                polygons.add(footprint);
            }
        }
        return new SpatialConstraint(geometry, List.copyOf(boxes), false, simple ? List.copyOf(polygons) : null);
    }

    /**
     * The index-backed prefilter: the item's box overlaps one of ours. Binds the corners as {@code name_box0_west}
     * and so on into {@code params}.
     */
    String prefilter(String name, Map<String, Object> params) {
        var tests = new ArrayList<String>();
        for (int i = 0; i < boxes.size(); i++) {
            var box = boxes.get(i);
            var corner = name + "_box" + i;
            tests.add("i.bbox && box(point(:{box}_west,:{box}_south),point(:{box}_east,:{box}_north))"
                    .replace("{box}", corner));
            params.put(corner + "_west", box[0]);
            params.put(corner + "_south", box[1]);
            params.put(corner + "_east", box[2]);
            params.put(corner + "_north", box[3]);
        }
        return "(" + String.join(" OR ", tests) + ")";
    }

    /** True when SQL decides this constraint exactly for items with a footprint. */
    boolean exactOnFootprints() {
        return polygons != null;
    }

    /**
     * The exact test on the item's footprint column ({@code alias.footprint}); only when {@link #exactOnFootprints}.
     * Binds the polygons as {@code name_polygon0} and so on into {@code params}.
     */
    String footprintTest(String alias, String name, Map<String, Object> params) {
        var tests = new ArrayList<String>();
        var parts = Objects.requireNonNull(polygons);
        for (int i = 0; i < parts.size(); i++) {
            var polygon = name + "_polygon" + i;
            tests.add(alias + ".footprint && :" + polygon + "::polygon");
            params.put(polygon, parts.get(i));
        }
        return "(" + String.join(" OR ", tests) + ")";
    }

    /**
     * Whether {@link #footprintTest} is cheap enough for SQL on the item's footprint ({@link #SQL_SEGMENT_PAIRS});
     * binds the largest footprint as {@code name_most}.
     */
    String footprintAffordable(String alias, String name, Map<String, Object> params) {
        params.put(name + "_most", (int) Math.min(Integer.MAX_VALUE, SQL_SEGMENT_PAIRS / geometry.getNumPoints()));
        return "npoints(" + alias + ".footprint) <= :" + name + "_most";
    }

    /** The JTS test, for what SQL cannot decide. */
    boolean matches(Geometry item) {
        return prepared.intersects(item);
    }
}
