package org.isotherm.stac.cql2;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import tools.jackson.databind.JsonNode;

/**
 * Geometry literals of both encodings: WKT (cql2-text), GeoJSON (cql2-json) and {@code BBOX} (both), as JTS
 * geometries in lon/lat (SRID 4326). A bbox that crosses the antimeridian (minx &gt; maxx) becomes a
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
            return new WKTReader(FACTORY).read(wkt);
        } catch (ParseException | RuntimeException e) {
            throw new InvalidGeometry("invalid WKT geometry: " + firstLine(e.getMessage()));
        }
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
        String kind = type.stringValue();
        if (kind.equals("GeometryCollection")) {
            JsonNode members = node.get("geometries");
            if (members == null || !members.isArray()) {
                throw new InvalidGeometry("at " + path + "/geometries: expected an array of geometries");
            }
            Geometry[] parts = new Geometry[members.size()];
            for (int i = 0; i < parts.length; i++) {
                JsonNode member = members.get(i);
                if (!member.isObject()) {
                    throw new InvalidGeometry("at " + path + "/geometries/" + i + ": expected a geometry object");
                }
                parts[i] = fromGeoJson(member, path + "/geometries/" + i);
            }
            return FACTORY.createGeometryCollection(parts);
        }
        JsonNode coordinates = node.get("coordinates");
        String at = path + "/coordinates";
        if (coordinates == null || !coordinates.isArray()) {
            throw new InvalidGeometry("at " + at + ": expected a coordinates array");
        }
        try {
            switch (kind) {
                case "Point":
                    return FACTORY.createPoint(position(coordinates, at));
                case "MultiPoint": {
                    Coordinate[] positions = positions(coordinates, at);
                    Point[] points = new Point[positions.length];
                    for (int i = 0; i < points.length; i++) {
                        points[i] = FACTORY.createPoint(positions[i]);
                    }
                    return FACTORY.createMultiPoint(points);
                }
                case "LineString":
                    return FACTORY.createLineString(positions(coordinates, at));
                case "MultiLineString": {
                    LineString[] lines = new LineString[coordinates.size()];
                    for (int i = 0; i < lines.length; i++) {
                        lines[i] = FACTORY.createLineString(positions(coordinates.get(i), at + "/" + i));
                    }
                    return FACTORY.createMultiLineString(lines);
                }
                case "Polygon":
                    return polygon(coordinates, at);
                case "MultiPolygon": {
                    Polygon[] polygons = new Polygon[coordinates.size()];
                    for (int i = 0; i < polygons.length; i++) {
                        polygons[i] = polygon(coordinates.get(i), at + "/" + i);
                    }
                    return FACTORY.createMultiPolygon(polygons);
                }
                default:
                    throw new InvalidGeometry("at " + path + "/type: unknown GeoJSON geometry type '" + kind + "'");
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidGeometry("at " + at + ": " + firstLine(e.getMessage()));
        }
    }

    private static Polygon polygon(JsonNode rings, String at) throws InvalidGeometry {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new InvalidGeometry("at " + at + ": a polygon needs at least one ring");
        }
        LinearRing shell = ring(rings.get(0), at + "/0");
        List<LinearRing> holes = new ArrayList<>();
        for (int i = 1; i < rings.size(); i++) {
            holes.add(ring(rings.get(i), at + "/" + i));
        }
        return FACTORY.createPolygon(shell, holes.toArray(LinearRing[]::new));
    }

    private static LinearRing ring(JsonNode node, String at) throws InvalidGeometry {
        Coordinate[] positions = positions(node, at);
        if (positions.length < 4 || !positions[0].equals2D(positions[positions.length - 1])) {
            throw new InvalidGeometry("at " + at + ": a linear ring needs at least 4 positions, first equal to last");
        }
        return FACTORY.createLinearRing(positions);
    }

    private static Coordinate[] positions(JsonNode node, String at) throws InvalidGeometry {
        if (!node.isArray()) {
            throw new InvalidGeometry("at " + at + ": expected an array of positions");
        }
        Coordinate[] positions = new Coordinate[node.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = position(node.get(i), at + "/" + i);
        }
        return positions;
    }

    private static Coordinate position(JsonNode node, String at) throws InvalidGeometry {
        if (!node.isArray() || node.size() < 2 || node.size() > 3) {
            throw new InvalidGeometry("at " + at + ": a position is an array of 2 or 3 numbers");
        }
        double[] values = new double[node.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode value = node.get(i);
            if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
                throw new InvalidGeometry("at " + at + "/" + i + ": expected a finite number");
            }
            values[i] = value.doubleValue();
        }
        return values.length == 3
                ? new Coordinate(values[0], values[1], values[2])
                : new Coordinate(values[0], values[1]);
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "malformed";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
