package org.isotherm.aoi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * An area of interest as the guide shows it, plus {@code area}; {@code geojson} appears only when the client sent
 * the area that way (then {@code geometry} is the geometry inside it).
 */
@JsonPropertyOrder({"name", "geometry", "description", "bbox_width", "bbox_height", "id", "created", "area"})
record AoiResponse(
        String name,
        JsonNode geometry,
        @Nullable String description,
        @JsonSerialize(using = PlainNumberSerializer.class) double bboxWidth,
        @JsonSerialize(using = PlainNumberSerializer.class) double bboxHeight,
        UUID id,
        Instant created,
        @JsonSerialize(using = PlainNumberSerializer.class) double area,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable JsonNode geojson) {

    static AoiResponse of(AreaOfInterest aoi) {
        return new AoiResponse(
                aoi.name(),
                aoi.geometry(),
                aoi.description(),
                aoi.bboxWidth(),
                aoi.bboxHeight(),
                aoi.id(),
                aoi.created(),
                aoi.area(),
                aoi.sentAs().equals("geojson") ? aoi.sent() : null);
    }
}
