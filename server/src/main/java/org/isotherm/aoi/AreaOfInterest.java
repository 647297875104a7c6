package org.isotherm.aoi;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A stored area of interest.
 *
 * @param sent the GeoJSON object as the client sent it (geometry, Feature or FeatureCollection)
 * @param sentAs {@code geometry} or {@code geojson}: the request field that carried {@link #sent()}
 */
record AreaOfInterest(
        UUID id,
        UUID workspaceId,
        String name,
        @Nullable String description,
        JsonNode sent,
        String sentAs,
        double bboxWidth,
        double bboxHeight,
        double area,
        Instant created) {

    /** The geometry inside what was sent: itself for a geometry, the (only) feature's geometry otherwise. */
    JsonNode geometry() {
        var type = sent.path("type").asString("");
        return switch (type) {
            case "Feature" -> sent.get("geometry");
            case "FeatureCollection" -> sent.get("features").get(0).get("geometry");
            default -> sent;
        };
    }
}
