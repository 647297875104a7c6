package org.isotherm.stac;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The description of the three product collections every workspace has (from the vendor's public product sheets). */
final class ProductCollections {

    private ProductCollections() {}

    static ObjectNode template(String id, JsonMapper json) {
        var node = json.createObjectNode();
        node.put("type", "Collection");
        node.put("id", id);
        node.put("stac_version", StacLinks.STAC_VERSION);
        node.putArray("stac_extensions");
        switch (id) {
            case "lstprecision" -> {
                node.put("title", "LSTprecision Level-2 UTM LST Product");
                node.put("description", "Land Surface Temperature (LST) from the thermal constellation, 30 m.");
            }
            case "lstzoom" -> {
                node.put("title", "LSTzoom Level-2 UTM LST Product");
                node.put("description", "Land Surface Temperature (LST), LSTprecision super-resolved to 10 m.");
            }
            default -> {
                node.put("title", "LSTfusion Level-3 UTM LST Product");
                node.put("description", "Land Surface Temperature (LST) Fusion product.");
            }
        }
        node.put("license", "other");
        var summaries = node.putObject("summaries");
        summaries.putArray("gsd").add("lstzoom".equals(id) ? 10 : 30);
        return node;
    }
}
