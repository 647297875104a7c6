package org.isotherm.stac.cql2;

import java.util.List;
import org.isotherm.geo.GeoJson;
import org.isotherm.geo.GeoJsonGeometries;
import org.isotherm.geo.InvalidGeoJsonException;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import tools.jackson.databind.JsonNode;

/**
 * Geometry literals of both encodings: WKT (cql2-text), GeoJSON (cql2-json, read by {@link GeoJsonGeometries})
 * and {@code BBOX} (both), as JTS geometries in lon/lat (SRID 4326). A bbox that crosses the antimeridian (minx &gt; maxx) becomes a
 * multipolygon of its two halves.
 */
final class Cql2Geometries {

    static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    private Cql2Geometries() {}

    /** Thrown with a message for the caller to place (text position or JSON path). */
    static final class InvalidGeometry extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidGeometry(String message) {
            super(message, null, false, false);
        }
    }

    static Geometry fromWkt(String wkt) throws InvalidGeometry {
        try {
            return bounded(new WKTReader(FACTORY).read(wkt));
        } catch (ParseException | RuntimeException e) {
            throw new InvalidGeometry("invalid WKT geometry: " + firstLine(e.getMessage()));
        }
    }

    /** Limited as areas of interest are: an intersection test costs in proportion to the vertices of both sides. */
    private static Geometry bounded(Geometry geometry) throws InvalidGeometry {
        if (geometry.isEmpty()) {
            // nothing to compare with, and no shape for the statement to take
            throw new InvalidGeometry("an empty geometry");
        }
        if (geometry.getNumPoints() > GeoJson.MAX_VERTICES) {
            throw new InvalidGeometry("a geometry of " + geometry.getNumPoints() + " vertices; at most "
                    + GeoJson.MAX_VERTICES + " are allowed");
        }
        return geometry;
    }

    /** A bbox of 4 (2D) or 6 (3D, heights ignored) numbers. */
    static Geometry fromBbox(List<Double> numbers) throws InvalidGeometry {
        double minx;
        double miny;
        double maxx;
        double maxy;
        if (numbers.size() == 4) {
            minx = numbers.get(0);
            miny = numbers.get(1);
            maxx = numbers.get(2);
            maxy = numbers.get(3);
        } else if (numbers.size() == 6) {
            minx = numbers.get(0);
            miny = numbers.get(1);
            maxx = numbers.get(3);
            maxy = numbers.get(4);
        } else {
            throw new InvalidGeometry("a bbox has 4 or 6 numbers, not " + numbers.size());
        }
        if (miny > maxy) {
            throw new InvalidGeometry("bbox miny " + miny + " is greater than maxy " + maxy);
        }
        if (minx > maxx) {
            Polygon east = box(minx, miny, 180, maxy);
            Polygon west = box(-180, miny, maxx, maxy);
            return FACTORY.createMultiPolygon(new Polygon[] {east, west});
        }
        return FACTORY.toGeometry(new Envelope(minx, maxx, miny, maxy));
    }

    private static Polygon box(double minx, double miny, double maxx, double maxy) {
        return FACTORY.createPolygon(new Coordinate[] {
            new Coordinate(minx, miny),
            new Coordinate(maxx, miny),
            new Coordinate(maxx, maxy),
            new Coordinate(minx, maxy),
            new Coordinate(minx, miny)
        });
    }

    /** A GeoJSON geometry object; the message of a failure names the JSON path below {@code path}. */
    static Geometry fromGeoJson(JsonNode node, String path) throws InvalidGeometry {
        JsonNode type = node.get("type");
        if (type == null || !type.isString()) {
            throw new InvalidGeometry("at " + path + "/type: a GeoJSON geometry needs a string 'type'");
        }
        try {
            return bounded(GeoJsonGeometries.read(node));
        } catch (InvalidGeoJsonException e) {
            var at = e.pointer();
            if (e.problem() == InvalidGeoJsonException.Problem.NOT_A_LINE) {
                // JTS's refusal of a line string is placed at the geometry's coordinates
                at = at.substring(0, at.lastIndexOf("/coordinates") + "/coordinates".length());
            }
            throw new InvalidGeometry("at " + path + at + ": " + problem(node, e));
        }
    }

    private static String problem(JsonNode node, InvalidGeoJsonException e) {
        return switch (e.problem()) {
            case NOT_AN_OBJECT -> "expected a geometry object";
            case MISSING, NOT_AN_ARRAY ->
                switch (e.part()) {
                    case TYPE -> "a GeoJSON geometry needs a string 'type'";
                    case COORDINATES -> "expected a coordinates array";
                    case GEOMETRIES -> "expected an array of geometries";
                    case POLYGON -> "a polygon needs at least one ring";
                    case RING, LINE -> "expected an array of positions";
                    default -> "a position is an array of 2 or 3 numbers";
                };
            case NOT_A_STRING -> "a GeoJSON geometry needs a string 'type'";
            case UNKNOWN_TYPE ->
                "unknown GeoJSON geometry type '" + node.at(e.pointer()).asString() + "'";
            case TOO_SHORT -> "a position is an array of 2 or 3 numbers";
            case NOT_A_NUMBER -> "expected a finite number";
            case NOT_A_RING -> "a linear ring needs at least 4 positions, first equal to last";
            case NOT_A_LINE -> firstLine(e.getMessage());
        };
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "malformed";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
