package org.isotherm.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.JsonNode;

/**
 * Any GeoJSON geometry (RFC 7946, section 3.1) read straight from a parsed JSON tree into JTS. JTS's own
 * GeoJsonReader takes text, so an already parsed item would be written out and parsed again by a second JSON
 * library: that was a tenth of a bulk load's CPU.
 */
public final class GeoJsonGeometries {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private GeoJsonGeometries() {}

    /**
     * @throws IllegalArgumentException naming what is wrong, for anything that is not a GeoJSON geometry
     */
    public static Geometry read(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a geometry must be a JSON object");
        }
        var type = node.path("type").asString("");
        if (type.equals("GeometryCollection")) {
            var members = array(node.get("geometries"), "geometries");
            var geometries = new Geometry[members.size()];
            for (int i = 0; i < geometries.length; i++) {
                geometries[i] = read(members.get(i));
            }
            return FACTORY.createGeometryCollection(geometries);
        }
        var coordinates = array(node.get("coordinates"), "coordinates");
        return switch (type) {
            case "Point" -> point(coordinates);
            case "MultiPoint" -> {
                var points = new Point[coordinates.size()];
                for (int i = 0; i < points.length; i++) {
                    points[i] = point(array(coordinates.get(i), "a position"));
                }
                yield FACTORY.createMultiPoint(points);
            }
            case "LineString" -> FACTORY.createLineString(positions(coordinates));
            case "MultiLineString" -> {
                var lines = new LineString[coordinates.size()];
                for (int i = 0; i < lines.length; i++) {
                    lines[i] = FACTORY.createLineString(positions(array(coordinates.get(i), "a line")));
                }
                yield FACTORY.createMultiLineString(lines);
            }
            case "Polygon" -> polygon(coordinates);
            case "MultiPolygon" -> {
                var polygons = new Polygon[coordinates.size()];
                for (int i = 0; i < polygons.length; i++) {
                    polygons[i] = polygon(array(coordinates.get(i), "a polygon"));
                }
                yield FACTORY.createMultiPolygon(polygons);
            }
            default -> throw new IllegalArgumentException("unknown geometry type '" + type + "'");
        };
    }

    private static Polygon polygon(JsonNode rings) {
        if (rings.isEmpty()) {
            return FACTORY.createPolygon();
        }
        var shell = ring(rings.get(0));
        var holes = new LinearRing[rings.size() - 1];
        for (int i = 0; i < holes.length; i++) {
            holes[i] = ring(rings.get(i + 1));
        }
        return FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode positions) {
        return FACTORY.createLinearRing(positions(array(positions, "a linear ring")));
    }

    private static Point point(JsonNode position) {
        return position.isEmpty() ? FACTORY.createPoint() : FACTORY.createPoint(coordinate(position));
    }

    private static Coordinate[] positions(JsonNode positions) {
        var coordinates = new Coordinate[positions.size()];
        for (int i = 0; i < coordinates.length; i++) {
            coordinates[i] = coordinate(array(positions.get(i), "a position"));
        }
        return coordinates;
    }

    private static Coordinate coordinate(JsonNode position) {
        if (position.size() < 2
                || !position.get(0).isNumber()
                || !position.get(1).isNumber()) {
            throw new IllegalArgumentException("a position must be an array of at least two numbers");
        }
        var x = position.get(0).asDouble();
        var y = position.get(1).asDouble();
        return position.size() > 2 && position.get(2).isNumber()
                ? new Coordinate(x, y, position.get(2).asDouble())
                : new Coordinate(x, y);
    }

    private static JsonNode array(JsonNode node, String what) {
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException(what + " must be an array");
        }
        return node;
    }
}
