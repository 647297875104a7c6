package org.isotherm.stac;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.isotherm.geo.GeoJson;
import org.isotherm.geo.GeoJsonGeometries;
import org.isotherm.geo.InvalidGeoJsonException;
import org.isotherm.web.BadRequestException;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a client's item into a {@link StacItem}: checks it against the STAC schemas and the rules search relies on
 * (a valid geometry, a datetime or a start and end), fills in what may be derived (bbox, collection, type), and
 * computes the indexed columns. Every refusal is a 400 naming the item and the rule.
 */
@Component
class StacItemReader {

    /** Links built per request from where the item is served; stored copies would go stale. */
    static final Set<String> DERIVED_RELS = Set.of("self", "root", "parent", "collection");

    private final StacSchemas schemas;
    private final JsonMapper json;

    StacItemReader(StacSchemas schemas, JsonMapper json) {
        this.schemas = schemas;
        this.json = json;
    }

    StacItem read(JsonNode node, String collectionId, @Nullable String expectedId) {
        if (!(node instanceof ObjectNode item)) {
            throw invalid(null, "an item must be a JSON object");
        }
        var id = item.path("id").asString(null);
        if (id == null || id.isBlank()) {
            throw invalid(null, "id is required and must be a non-empty string");
        }
        if (id.length() > 512 || id.contains("/")) {
            throw invalid(id, "id must be at most 512 characters and contain no '/'");
        }
        if (expectedId != null && !expectedId.equals(id)) {
            throw invalid(id, "id does not match the item id in the path (" + expectedId + ")");
        }
        var declared = item.get("collection");
        if (declared != null && !declared.isNull() && !collectionId.equals(declared.asString(""))) {
            throw invalid(
                    id, "collection " + declared + " does not match the collection in the path (" + collectionId + ")");
        }
        item.put("collection", collectionId);
        if (!item.has("type")) {
            item.put("type", "Feature");
        }
        if (!item.has("stac_version")) {
            item.put("stac_version", StacLinks.STAC_VERSION);
        }
        if (!item.has("links")) {
            item.putArray("links");
        }
        if (item.get("links") instanceof ArrayNode given
                && given.valueStream()
                        .noneMatch(l -> "collection".equals(l.path("rel").asString("")))) {
            // served items always carry their collection link (built per request); the schema requires it
            given.addObject().put("rel", "collection").put("href", collectionId);
        }
        var geometryNode = item.get("geometry");
        if (geometryNode == null || !geometryNode.isObject()) {
            throw invalid(id, "geometry is required (a GeoJSON geometry object)");
        }
        var geometry = geometry(id, geometryNode);
        var envelope = geometry.getEnvelopeInternal();
        if (!item.has("bbox")) {
            var bbox = item.putArray("bbox");
            bbox.add(envelope.getMinX())
                    .add(envelope.getMinY())
                    .add(envelope.getMaxX())
                    .add(envelope.getMaxY());
        }
        var violation = schemas.firstViolation("item", item);
        if (violation.isPresent()) {
            throw invalid(id, "does not follow the STAC item schema: " + violation.get());
        }
        var properties = item.path("properties");
        var datetime = instant(id, properties, "datetime");
        var start = instant(id, properties, "start_datetime");
        var end = instant(id, properties, "end_datetime");
        if (datetime == null && (start == null || end == null)) {
            throw invalid(id, "properties.datetime, or both start_datetime and end_datetime, are required");
        }
        if (start != null && end != null && end.isBefore(start)) {
            throw invalid(id, "end_datetime is before start_datetime");
        }
        var first = start != null ? start : datetime;
        var last = end != null ? end : datetime;
        var links = json.createArrayNode();
        if (item.get("links") instanceof ArrayNode given) {
            for (var link : given) {
                if (!DERIVED_RELS.contains(link.path("rel").asString(""))) {
                    links.add(link);
                }
            }
        }
        item.remove("links");
        return new StacItem(
                id,
                json.writeValueAsString(item),
                json.writeValueAsString(links),
                datetime != null ? datetime : first,
                first,
                last,
                envelope.getMinX(),
                envelope.getMinY(),
                envelope.getMaxX(),
                envelope.getMaxY(),
                geometry instanceof Point || geometry.isRectangle(),
                footprint(geometry),
                number(properties, "eo:cloud_cover"),
                number(properties, "gsd"),
                properties.path("platform").isString()
                        ? properties.get("platform").asString()
                        : null,
                orderId(id, properties));
    }

    private static @Nullable String orderId(@Nullable String id, JsonNode properties) {
        var orderId = properties.get("order:id");
        if (orderId == null || orderId.isNull()) {
            return null;
        }
        if (!orderId.isString()) {
            throw invalid(id, "properties.order:id must be a string");
        }
        return orderId.asString();
    }

    static Geometry geometry(@Nullable String id, JsonNode node) {
        Geometry geometry;
        try {
            geometry = GeoJsonGeometries.read(node);
        } catch (InvalidGeoJsonException e) {
            throw invalid(id, "geometry is not valid GeoJSON: " + e.getMessage());
        }
        if (geometry.isEmpty()) {
            throw invalid(id, "geometry is empty");
        }
        if (geometry.getNumPoints() > GeoJson.MAX_VERTICES) {
            // every search that reaches the item tests its footprint: keep that test bounded
            throw invalid(
                    id,
                    "geometry has " + geometry.getNumPoints() + " vertices; at most " + GeoJson.MAX_VERTICES
                            + " are allowed (simplify the footprint)");
        }
        var envelope = geometry.getEnvelopeInternal();
        if (envelope.getMinX() < -180
                || envelope.getMaxX() > 180
                || envelope.getMinY() < -90
                || envelope.getMaxY() > 90) {
            throw invalid(id, "geometry coordinates must be longitude -180..180 and latitude -90..90");
        }
        if (!geometry.isValid()) {
            throw invalid(
                    id,
                    "geometry is not valid: "
                            + new org.locationtech.jts.operation.valid.IsValidOp(geometry).getValidationError());
        }
        return geometry;
    }

    /** The outer ring as PostgreSQL's polygon literal, for a polygon without holes; null otherwise. */
    static @Nullable String footprint(Geometry geometry) {
        if (!(geometry instanceof Polygon polygon) || polygon.getNumInteriorRing() > 0) {
            return null;
        }
        var text = new StringBuilder("(");
        var coordinates = polygon.getExteriorRing().getCoordinates();
        // PostgreSQL closes the ring itself
        for (int i = 0; i < coordinates.length - 1; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append('(')
                    .append(coordinates[i].x)
                    .append(',')
                    .append(coordinates[i].y)
                    .append(')');
        }
        return text.append(')').toString();
    }

    private static @Nullable Instant instant(String id, JsonNode properties, String name) {
        var value = properties.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.asString("")).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(id, "properties." + name + " must be an RFC 3339 date-time");
        }
    }

    private static @Nullable Double number(JsonNode properties, String name) {
        var value = properties.get(name);
        return value != null && value.isNumber() ? value.asDouble() : null;
    }

    static BadRequestException invalid(@Nullable String id, String rule) {
        return new BadRequestException(id == null ? "Invalid item: " + rule : "Invalid item " + id + ": " + rule);
    }
}
