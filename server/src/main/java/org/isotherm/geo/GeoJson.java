package org.isotherm.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.isotherm.geo.InvalidGeoJsonException.Part;
import org.isotherm.geo.InvalidGeoJsonException.Problem;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import tools.jackson.databind.JsonNode;

/**
 * Reads an area of interest from GeoJSON (RFC 7946) and checks it: a Polygon, a MultiPolygon of one polygon, a
 * Feature holding one of those, or a FeatureCollection of one such feature, read by {@link GeoJsonGeometries}.
 * JSON of the wrong shape throws {@link InvalidGeoJsonException} (the API answers 422 pointing at it); geometry
 * that breaks a rule throws {@link InvalidGeometryException} (a 400) whose message names the problem and where it
 * is.
 */
public final class GeoJson {

    /** Most positions an AOI may have, counted over all rings with their closing positions. */
    public static final int MAX_VERTICES = 10_000;

    private GeoJson() {}

    /** Parses and validates {@code node}; see the class comment for what is accepted. */
    public static AoiGeometry parse(JsonNode node) {
        var path = new ArrayList<Object>();
        var geometry = geometryNode(node, path);
        var polygon = polygon(geometry, path);
        validate(polygon);
        return new AoiGeometry(polygon, geometry);
    }

    /** The geometry object inside {@code node} (itself for a geometry), with {@code path} pointing at it. */
    private static JsonNode geometryNode(JsonNode node, List<Object> path) {
        var type = type(node, path);
        switch (type) {
            case "Feature" -> {
                var geometry = member(node, "geometry", path);
                if (geometry.isNull()) {
                    throw new InvalidGeometryException("The Feature has no geometry (\"geometry\": null)");
                }
                path.add("geometry");
                return geometryNode(geometry, path);
            }
            case "FeatureCollection" -> {
                var features = member(node, "features", path);
                if (!features.isArray()) {
                    throw shape(Problem.NOT_AN_ARRAY, Part.GEOMETRIES, "features must be an array", path, "features");
                }
                if (features.size() != 1) {
                    throw new InvalidGeometryException(
                            "A FeatureCollection must hold exactly one feature; this one holds " + features.size());
                }
                path.add("features");
                path.add(0);
                var feature = features.get(0);
                if (!"Feature".equals(type(feature, path))) {
                    throw new InvalidGeometryException("The FeatureCollection's member must be a Feature, not a "
                            + feature.get("type").asString());
                }
                return geometryNode(feature, path);
            }
            default -> {
                return node;
            }
        }
    }

    private static Polygon polygon(JsonNode geometry, List<Object> path) {
        var type = type(geometry, path);
        var rings = switch (type) {
            case "Polygon" -> array(member(geometry, "coordinates", path), path, "coordinates");
            case "MultiPolygon" -> {
                var polygons = array(member(geometry, "coordinates", path), path, "coordinates");
                if (polygons.size() != 1) {
                    throw new InvalidGeometryException(
                            "A MultiPolygon must hold exactly one polygon; this one holds " + polygons.size());
                }
                path.add("coordinates");
                var only = array(polygons.get(0), path, 0);
                path.remove(path.size() - 1);
                yield only;
            }
            case "Point", "MultiPoint", "LineString", "MultiLineString", "GeometryCollection" ->
                throw new InvalidGeometryException("Unsupported geometry type " + type
                        + ": an area of interest must be a Polygon (or a MultiPolygon of one polygon)");
            case "Feature", "FeatureCollection" ->
                throw new InvalidGeometryException("A " + type + " cannot be nested inside a geometry");
            default ->
                throw shape(
                        Problem.UNKNOWN_TYPE,
                        Part.TYPE,
                        "an area of interest must be a Polygon, MultiPolygon, Feature or FeatureCollection",
                        path,
                        "type");
        };
        if (rings.isEmpty()) {
            throw new InvalidGeometryException("The polygon has no rings: it needs at least an exterior ring");
        }
        // counted before reading, so that a huge polygon is refused without building it
        int vertices = 0;
        for (var ring : rings) {
            vertices += ring.isArray() ? ring.size() : 0;
        }
        if (vertices > MAX_VERTICES) {
            throw new InvalidGeometryException("The polygon has more than " + MAX_VERTICES + " vertices");
        }
        Geometry read;
        try {
            read = GeoJsonGeometries.read(geometry);
        } catch (InvalidGeoJsonException e) {
            if (e.problem() == Problem.NOT_A_RING) {
                throw new InvalidGeometryException(ringProblem(geometry, e));
            }
            throw e.under(path.toArray());
        }
        var polygon = (Polygon) read.getGeometryN(0);
        var prefix = type.equals("MultiPolygon") ? "coordinates[0]" : "coordinates";
        for (int r = 0; r < polygon.getNumInteriorRing() + 1; r++) {
            var ring = r == 0 ? polygon.getExteriorRing() : polygon.getInteriorRingN(r - 1);
            var positions = ring.getCoordinates();
            if (positions.length == 0) {
                throw new InvalidGeometryException(
                        ringName(r) + " has 0 positions; a ring needs at least 4 (the last repeating the first)");
            }
            for (int p = 0; p < positions.length; p++) {
                inRange(positions[p], prefix + "[" + r + "][" + p + "]");
            }
            for (int i = 1; i < positions.length; i++) {
                var a = positions[i - 1];
                var b = positions[i];
                if (Math.abs(b.x - a.x) > 180) {
                    throw new InvalidGeometryException(ringName(r) + " crosses the antimeridian between " + point(a)
                            + " and " + point(b) + "; split the area at longitude 180 into two areas of interest");
                }
            }
        }
        return polygon;
    }

    /** The reader's refusal of a ring, said as the AOI endpoints say it (the ring is found by the error's path). */
    private static String ringProblem(JsonNode geometry, InvalidGeoJsonException e) {
        var ring = geometry.at(e.pointer());
        var index = (Integer) e.path().get(e.path().size() - 1);
        var name = ringName(index);
        if (ring.size() < 4) {
            return name + " has " + ring.size() + " positions; a ring needs at least 4 (the last repeating the first)";
        }
        return name + " is not closed: its first position " + point(coordinate(ring.get(0))) + " differs from its last "
                + point(coordinate(ring.get(ring.size() - 1)));
    }

    private static Coordinate coordinate(JsonNode position) {
        return new Coordinate(position.get(0).doubleValue(), position.get(1).doubleValue());
    }

    private static String ringName(int index) {
        return index == 0 ? "The exterior ring" : "Interior ring " + index;
    }

    private static void inRange(Coordinate c, String where) {
        if (!(c.x >= -180 && c.x <= 180)) {
            throw new InvalidGeometryException(
                    "Longitude " + number(c.x) + " at " + where + " is out of range: it must be between -180 and 180");
        }
        if (!(c.y >= -90 && c.y <= 90)) {
            throw new InvalidGeometryException(
                    "Latitude " + number(c.y) + " at " + where + " is out of range: it must be between -90 and 90");
        }
    }

    private static void validate(Polygon polygon) {
        var error = new IsValidOp(polygon).getValidationError();
        if (error != null) {
            var at = error.getCoordinate();
            throw new InvalidGeometryException(
                    "Invalid polygon: " + error.getMessage() + (at == null ? "" : " at or near " + point(at)));
        }
    }

    private static String type(JsonNode node, List<Object> path) {
        if (!node.isObject()) {
            throw new InvalidGeoJsonException(Problem.NOT_AN_OBJECT, Part.GEOMETRY, "not a JSON object", path);
        }
        var type = member(node, "type", path);
        if (!type.isString()) {
            throw shape(Problem.NOT_A_STRING, Part.TYPE, "type must be a string", path, "type");
        }
        return type.asString();
    }

    private static JsonNode member(JsonNode node, String name, List<Object> path) {
        var value = node.get(name);
        if (value == null) {
            var part = switch (name) {
                case "type" -> Part.TYPE;
                case "coordinates" -> Part.COORDINATES;
                default -> Part.GEOMETRY;
            };
            throw shape(Problem.MISSING, part, name + " is required", path, name);
        }
        return value;
    }

    private static JsonNode array(JsonNode node, List<Object> path, Object at) {
        if (!node.isArray()) {
            throw shape(Problem.NOT_AN_ARRAY, Part.COORDINATES, "must be an array", path, at);
        }
        return node;
    }

    private static InvalidGeoJsonException shape(
            Problem problem, Part part, String message, List<Object> path, Object last) {
        var full = new ArrayList<>(path);
        full.add(last);
        return new InvalidGeoJsonException(problem, part, message, full);
    }

    static String point(Coordinate c) {
        return "(" + number(c.x) + ", " + number(c.y) + ")";
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%.1f", v) : Double.toString(v);
    }
}
