package org.isotherm.stac;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The properties filters and sorting may name, as a JSON Schema (OGC API Features part 3). Each maps to an
 * indexed column; filters may also name any other property items carry ({@code additionalProperties}), read from
 * the stored JSON (see {@link SearchFilters}).
 *
 * @see <a href="https://github.com/stac-api-extensions/filter#queryables">Queryables</a>
 */
final class Queryables {

    private Queryables() {}

    static ObjectNode schema(JsonMapper json, String id) {
        var schema = json.createObjectNode();
        schema.put("$schema", "https://json-schema.org/draft/2019-09/schema");
        schema.put("$id", id);
        schema.put("type", "object");
        schema.put("title", "Queryables for Isotherm STAC API");
        var properties = schema.putObject("properties");
        property(properties, "id", "Item identifier", "string");
        property(properties, "collection", "Collection identifier", "string");
        properties
                .putObject("geometry")
                .put("$ref", "https://geojson.org/schema/Geometry.json")
                .put("title", "Item geometry");
        property(properties, "datetime", "Acquisition time", "string").put("format", "date-time");
        property(properties, "start_datetime", "Start of the acquisition", "string")
                .put("format", "date-time");
        property(properties, "end_datetime", "End of the acquisition", "string").put("format", "date-time");
        property(properties, "gsd", "Ground sample distance (m)", "number");
        property(properties, "platform", "Platform (satellite)", "string");
        var cloud = property(properties, "eo:cloud_cover", "Cloud cover (%)", "number");
        cloud.put("minimum", 0).put("maximum", 100);
        property(properties, "order:id", "The order this delivery belongs to", "string");
        schema.put("additionalProperties", true);
        return schema;
    }

    private static ObjectNode property(ObjectNode properties, String name, String title, String type) {
        var property = properties.putObject(name);
        property.put("title", title);
        property.put("type", type);
        return property;
    }
}
