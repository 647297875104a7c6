package org.isotherm.stac;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fields extension: include and exclude members by dotted path. Kept off the common path: only requests that
 * ask for fields pay for parsing the stored JSON.
 *
 * @see <a href="https://github.com/stac-api-extensions/fields">STAC API fields extension</a>
 */
final class Fields {

    private Fields() {}

    static String apply(JsonMapper json, String item, SearchRequest.Fields fields) {
        var node = (ObjectNode) json.readTree(item);
        ObjectNode result = node;
        if (!fields.include().isEmpty()) {
            result = json.createObjectNode();
            for (var always : new String[] {"type", "id", "links"}) {
                copy(node, result, always);
            }
            for (var path : fields.include()) {
                {
                    copy(node, result, path);
                }
            }
        }
        for (var path : fields.exclude()) {
            if (!fields.include().contains(path)) {
                remove(result, path);
            }
        }
        return json.writeValueAsString(result);
    }

    private static void copy(ObjectNode from, ObjectNode to, String path) {
        var parts = path.split("\\.");
        var source = from;
        var target = to;
        for (int i = 0; i < parts.length - 1; i++) {
            if (!(source.get(parts[i]) instanceof ObjectNode next)) {
                return;
            }
            source = next;
            target = target.get(parts[i]) instanceof ObjectNode existing ? existing : target.putObject(parts[i]);
        }
        var value = source.get(parts[parts.length - 1]);
        if (value != null) {
            target.set(parts[parts.length - 1], value);
        }
    }

    private static void remove(ObjectNode node, String path) {
        var parts = path.split("\\.");
        var current = node;
        for (int i = 0; i < parts.length - 1; i++) {
            if (!(current.get(parts[i]) instanceof ObjectNode next)) {
                return;
            }
            current = next;
        }
        current.remove(parts[parts.length - 1]);
    }
}
