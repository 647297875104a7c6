package org.isotherm.geo;

import static org.isotherm.geo.InvalidGeoJsonException.Part.COORDINATES;
import static org.isotherm.geo.InvalidGeoJsonException.Part.GEOMETRIES;
import static org.isotherm.geo.InvalidGeoJsonException.Part.GEOMETRY;
import static org.isotherm.geo.InvalidGeoJsonException.Part.LINE;
import static org.isotherm.geo.InvalidGeoJsonException.Part.NUMBER;
import static org.isotherm.geo.InvalidGeoJsonException.Part.POLYGON;
import static org.isotherm.geo.InvalidGeoJsonException.Part.POSITION;
import static org.isotherm.geo.InvalidGeoJsonException.Part.RING;
import static org.isotherm.geo.InvalidGeoJsonException.Part.TYPE;

import java.util.List;
import org.isotherm.geo.InvalidGeoJsonException.Part;
import org.isotherm.geo.InvalidGeoJsonException.Problem;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import tools.jackson.databind.JsonNode;

/**
 * The GeoJSON reader: any GeoJSON geometry (RFC 7946, section 3.1) read straight from a parsed JSON tree into JTS
 * (lon/lat, SRID 4326). JTS's own GeoJsonReader takes text, so an already parsed item would be written out and
 * parsed again by a second JSON library: that was a tenth of a bulk load's CPU. It checks only what makes a
 * geometry (JSON shape, numbers, rings that close); the rules of an area of interest are {@link GeoJson}'s, and
 * validity is the caller's to check.
 */
public final class GeoJsonGeometries {

    static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    private GeoJsonGeometries() {}

    /**
     * @throws InvalidGeoJsonException for anything that is not a GeoJSON geometry; its message names what is wrong
     */
    public static Geometry read(@Nullable JsonNode node) {
        if (node == null || !node.isObject()) {
            throw error(Problem.NOT_AN_OBJECT, GEOMETRY, "a geometry must be a JSON object");
        }
        var typeNode = node.get("type");
        var type = typeNode != null && typeNode.isString() ? typeNode.stringValue() : "";
        if (type.equals("GeometryCollection")) {
            JsonNode members;
            try {
                members = array(node.get("geometries"), GEOMETRIES, "geometries must be an array");
            } catch (InvalidGeoJsonException e) {
                throw e.under("geometries");
            }
            var geometries = new Geometry[members.size()];
            for (int i = 0; i < geometries.length; i++) {
                try {
                    geometries[i] = read(members.get(i));
                } catch (InvalidGeoJsonException e) {
                    throw e.under("geometries", i);
                }
            }
            return FACTORY.createGeometryCollection(geometries);
        }
        JsonNode coordinates;
        try {
            coordinates = array(node.get("coordinates"), COORDINATES, "coordinates must be an array");
        } catch (InvalidGeoJsonException e) {
            throw e.under("coordinates");
        }
        Geometry geometry;
        try {
            geometry = switch (type) {
                case "Point" -> point(coordinates);
                case "MultiPoint" -> {
                    var points = new Point[coordinates.size()];
                    for (int i = 0; i < points.length; i++) {
                        try {
                            points[i] = point(array(coordinates.get(i), POSITION, "a position must be an array"));
                        } catch (InvalidGeoJsonException e) {
                            throw e.under(i);
                        }
                    }
                    yield FACTORY.createMultiPoint(points);
                }
                case "LineString" -> line(coordinates);
                case "MultiLineString" -> {
                    var lines = new LineString[coordinates.size()];
                    for (int i = 0; i < lines.length; i++) {
                        try {
                            lines[i] = line(array(coordinates.get(i), LINE, "a line must be an array"));
                        } catch (InvalidGeoJsonException e) {
                            throw e.under(i);
                        }
                    }
                    yield FACTORY.createMultiLineString(lines);
                }
                case "Polygon" -> polygon(coordinates);
                case "MultiPolygon" -> {
                    var polygons = new Polygon[coordinates.size()];
                    for (int i = 0; i < polygons.length; i++) {
                        try {
                            polygons[i] = polygon(array(coordinates.get(i), POLYGON, "a polygon must be an array"));
                        } catch (InvalidGeoJsonException e) {
                            throw e.under(i);
                        }
                    }
                    yield FACTORY.createMultiPolygon(polygons);
                }
                default -> null;
            };
        } catch (InvalidGeoJsonException e) {
            throw e.under("coordinates");
        }
        if (geometry == null) {
            throw unknownType(typeNode);
        }
        return geometry;
    }

    private static InvalidGeoJsonException unknownType(@Nullable JsonNode type) {
        // the message shows what was given, as a STAC client sent it
        var message = "unknown geometry type '" + (type == null ? "" : type.asString("")) + "'";
        var problem = type == null ? Problem.MISSING : type.isString() ? Problem.UNKNOWN_TYPE : Problem.NOT_A_STRING;
        return error(problem, TYPE, message).under("type");
    }

    private static Polygon polygon(JsonNode rings) {
        if (rings.isEmpty()) {
            return FACTORY.createPolygon();
        }
        var shell = ring(rings.get(0), 0);
        var holes = new LinearRing[rings.size() - 1];
        for (int i = 0; i < holes.length; i++) {
            holes[i] = ring(rings.get(i + 1), i + 1);
        }
        try {
            return FACTORY.createPolygon(shell, holes);
        } catch (IllegalArgumentException e) {
            // an empty shell with holes: the shell is what is wrong
            throw error(Problem.NOT_A_RING, RING, e.getMessage()).under(0);
        }
    }

    /**
     * A linear ring as RFC 7946 (3.1.6) has it: four or more positions, the last the same as the first. An empty
     * ring stays allowed, as in JTS (an empty polygon).
     */
    private static LinearRing ring(JsonNode node, int index) {
        try {
            var positions = positions(array(node, RING, "a linear ring must be an array"));
            LinearRing ring;
            try {
                ring = FACTORY.createLinearRing(positions);
            } catch (IllegalArgumentException e) {
                throw error(Problem.NOT_A_RING, RING, e.getMessage());
            }
            // JTS takes a closed ring of three positions, which RFC 7946 does not
            if (positions.length == 3) {
                throw error(Problem.NOT_A_RING, RING, "a linear ring needs at least 4 positions, not 3");
            }
            return ring;
        } catch (InvalidGeoJsonException e) {
            throw e.under(index);
        }
    }

    private static LineString line(JsonNode node) {
        var positions = positions(node);
        try {
            return FACTORY.createLineString(positions);
        } catch (IllegalArgumentException e) {
            throw error(Problem.NOT_A_LINE, LINE, e.getMessage());
        }
    }

    private static Point point(JsonNode position) {
        return position.isEmpty() ? FACTORY.createPoint() : FACTORY.createPoint(coordinate(position));
    }

    private static Coordinate[] positions(JsonNode positions) {
        var coordinates = new Coordinate[positions.size()];
        for (int i = 0; i < coordinates.length; i++) {
            coordinates[i] = coordinate(positions.get(i), i);
        }
        return coordinates;
    }

    private static Coordinate coordinate(JsonNode position, int index) {
        try {
            return coordinate(position);
        } catch (InvalidGeoJsonException e) {
            throw e.under(index);
        }
    }

    /**
     * A position: at least two numbers (longitude, latitude), then the height if it is a number; anything more is
     * ignored (RFC 7946, 3.1.1).
     */
    private static Coordinate coordinate(JsonNode position) {
        if (!position.isArray()) {
            throw error(Problem.NOT_AN_ARRAY, POSITION, "a position must be an array");
        }
        if (position.size() < 2) {
            throw error(Problem.TOO_SHORT, POSITION, "a position must be an array of at least two numbers");
        }
        var x = number(position, 0);
        var y = number(position, 1);
        var z = position.get(2);
        return z != null && z.isNumber() ? new Coordinate(x, y, z.doubleValue()) : new Coordinate(x, y);
    }

    private static double number(JsonNode position, int index) {
        var value = position.get(index);
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
            throw error(Problem.NOT_A_NUMBER, NUMBER, "a position must be an array of at least two numbers")
                    .under(index);
        }
        return value.doubleValue();
    }

    private static JsonNode array(@Nullable JsonNode node, Part part, String message) {
        if (node == null) {
            throw error(Problem.MISSING, part, message);
        }
        if (!node.isArray()) {
            throw error(Problem.NOT_AN_ARRAY, part, message);
        }
        return node;
    }

    private static InvalidGeoJsonException error(Problem problem, Part part, String message) {
        return new InvalidGeoJsonException(problem, part, message, List.of());
    }
}
