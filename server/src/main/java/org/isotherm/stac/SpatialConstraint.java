package org.isotherm.stac;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * "The item's geometry intersects this geometry", planned for SQL without PostGIS. The boxes prefilter through the
 * GiST index; they decide exactly for rectangular items when the query is a set of rectangles; otherwise
 * PostgreSQL's polygon overlap ({@code &&}, exact for simple polygons) decides against the item's footprint; only
 * what neither can decide (lines, points, holes) is checked with JTS in Java.
 *
 * @param boxes lon/lat boxes (minX, minY, maxX, maxY) covering the geometry, one per part
 * @param rectangles whether the geometry is exactly the union of {@link #boxes}
 * @param polygons PostgreSQL polygon literals whose union is exactly the geometry; null when that cannot be said
 */
record SpatialConstraint(
        Geometry geometry,
        List<double[]> boxes,
        boolean rectangles,
        @Nullable List<String> polygons) {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

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

    /** The index-backed prefilter: the item's box overlaps one of ours. */
    String prefilter(List<Object> params) {
        var sql = new StringBuilder("(");
        for (int i = 0; i < boxes.size(); i++) {
            var box = boxes.get(i);
            sql.append(i > 0 ? " OR " : "").append("i.bbox && box(point(?,?),point(?,?))");
            params.add(box[0]);
            params.add(box[1]);
            params.add(box[2]);
            params.add(box[3]);
        }
        return sql.append(')').toString();
    }

    /** True when SQL decides this constraint exactly for items with a footprint. */
    boolean exactOnFootprints() {
        return polygons != null;
    }

    /** The exact test on the item's footprint column ({@code alias.footprint}); only when {@link #exactOnFootprints}. */
    String footprintTest(String alias, List<Object> params) {
        var sql = new StringBuilder("(");
        var parts = java.util.Objects.requireNonNull(polygons);
        for (int i = 0; i < parts.size(); i++) {
            sql.append(i > 0 ? " OR " : "").append(alias).append(".footprint && ?::polygon");
            params.add(parts.get(i));
        }
        return sql.append(')').toString();
    }

    /** The JTS test, for what SQL cannot decide. */
    boolean matches(Geometry item) {
        return geometry.intersects(item);
    }
}
