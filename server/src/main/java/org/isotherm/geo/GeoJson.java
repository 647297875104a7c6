package org.isotherm.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.valid.IsValidOp;
import tools.jackson.databind.JsonNode;

/**
 * Reads an area of interest from GeoJSON (RFC 7946) and checks it: a Polygon, a MultiPolygon of one polygon, a
 * Feature holding one of those, or a FeatureCollection of one such feature. JSON of the wrong shape throws
 * {@link GeoJsonShapeException} (a 422); geometry that breaks a rule throws {@link InvalidGeometryException}
 * (a 400) whose message names the problem and where it is.
 */
public final class GeoJson {

    /** Most positions an AOI may have, counted over all rings with their closing positions. */
    public static final int MAX_VERTICES = 10_000;

    static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

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
                    throw shape(path, "features", "Input should be a valid list", "list_type");
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
        var coordinates = switch (type) {
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
                        path,
                        "type",
                        "Input should be 'Polygon', 'MultiPolygon', 'Feature' or 'FeatureCollection'",
                        "literal_error");
        };
        path.add("coordinates");
        if (type.equals("MultiPolygon")) {
            path.add(0);
        }
        var rings = rings(coordinates, path);
        var shell = rings.get(0);
        var holes = rings.subList(1, rings.size()).toArray(LinearRing[]::new);
        return FACTORY.createPolygon(shell, holes);
    }

    private static List<LinearRing> rings(JsonNode coordinates, List<Object> path) {
        if (coordinates.isEmpty()) {
            throw new InvalidGeometryException("The polygon has no rings: it needs at least an exterior ring");
        }
        int vertices = 0;
        var rings = new ArrayList<LinearRing>(coordinates.size());
        for (int r = 0; r < coordinates.size(); r++) {
            path.add(r);
            var ring = array(coordinates.get(r), path, null);
            vertices += ring.size();
            if (vertices > MAX_VERTICES) {
                throw new InvalidGeometryException("The polygon has more than " + MAX_VERTICES + " vertices");
            }
            var positions = new Coordinate[ring.size()];
            for (int p = 0; p < ring.size(); p++) {
                positions[p] = position(ring.get(p), path, p);
            }
            rings.add(ring(positions, r));
            path.remove(path.size() - 1);
        }
        return rings;
    }

    private static Coordinate position(JsonNode node, List<Object> path, int index) {
        if (!node.isArray()) {
            throw shape(path, index, "Input should be a valid list", "list_type");
        }
        if (node.size() < 2) {
            throw shape(path, index, "A position needs at least 2 numbers (longitude, latitude)", "too_short");
        }
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isNumber() || !Double.isFinite(node.get(i).doubleValue())) {
                path.add(index);
                var error = shape(path, i, "Input should be a valid number", "float_type");
                path.remove(path.size() - 1);
                throw error;
            }
        }
        double lon = node.get(0).doubleValue();
        double lat = node.get(1).doubleValue();
        if (!(lon >= -180 && lon <= 180)) {
            throw new InvalidGeometryException("Longitude " + number(lon) + " at " + where(path, index)
                    + " is out of range: it must be between -180 and 180");
        }
        if (!(lat >= -90 && lat <= 90)) {
            throw new InvalidGeometryException("Latitude " + number(lat) + " at " + where(path, index)
                    + " is out of range: it must be between -90 and 90");
        }
        return new Coordinate(lon, lat);
    }

    private static LinearRing ring(Coordinate[] positions, int index) {
        var name = index == 0 ? "The exterior ring" : "Interior ring " + index;
        if (positions.length < 4) {
            throw new InvalidGeometryException(name + " has " + positions.length
                    + " positions; a ring needs at least 4 (the last repeating the first)");
        }
        var first = positions[0];
        var last = positions[positions.length - 1];
        if (!first.equals2D(last)) {
            throw new InvalidGeometryException(name + " is not closed: its first position " + point(first)
                    + " differs from its last " + point(last));
        }
        for (int i = 1; i < positions.length; i++) {
            var a = positions[i - 1];
            var b = positions[i];
            if (Math.abs(b.x - a.x) > 180) {
                throw new InvalidGeometryException(name + " crosses the antimeridian between " + point(a) + " and "
                        + point(b) + "; split the area at longitude 180 into two areas of interest");
            }
        }
        return FACTORY.createLinearRing(positions);
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
            throw new GeoJsonShapeException(path, "Input should be a valid dictionary or object", "dict_type");
        }
        var type = member(node, "type", path);
        if (!type.isString()) {
            throw shape(path, "type", "Input should be a valid string", "string_type");
        }
        return type.asString();
    }

    private static JsonNode member(JsonNode node, String name, List<Object> path) {
        var value = node.get(name);
        if (value == null) {
            throw shape(path, name, "Field required", "missing");
        }
        return value;
    }

    private static JsonNode array(JsonNode node, List<Object> path, Object at) {
        if (!node.isArray()) {
            throw at == null
                    ? new GeoJsonShapeException(path, "Input should be a valid list", "list_type")
                    : shape(path, at, "Input should be a valid list", "list_type");
        }
        return node;
    }

    private static GeoJsonShapeException shape(List<Object> path, Object last, String message, String type) {
        var full = new ArrayList<>(path);
        full.add(last);
        return new GeoJsonShapeException(full, message, type);
    }

    private static String where(List<Object> path, int index) {
        var out = new StringBuilder();
        boolean inCoordinates = false;
        for (var part : path) {
            if ("coordinates".equals(part)) {
                inCoordinates = true;
                out.setLength(0);
                out.append("coordinates");
            } else if (inCoordinates) {
                out.append('[').append(part).append(']');
            }
        }
        return out.append('[').append(index).append(']').toString();
    }

    static String point(Coordinate c) {
        return "(" + number(c.x) + ", " + number(c.y) + ")";
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%.1f", v) : Double.toString(v);
    }
}
