package org.isotherm.stac;

import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fields extension: include and exclude members by dotted path. Kept off the common path: only requests that
 * ask for fields pay for parsing the stored JSON.
 *
 * <ul>
 *   <li>Neither list given, or both empty ({@code fields={}}, {@code fields=}): the default set, {@link
 *       #DEFAULTS}.
 *   <li>Only exclude, include absent: the whole item without the excluded members.
 *   <li>Exclude with include null or empty: the default set without the excluded members.
 *   <li>Include: {@link #ALWAYS} plus the included members, without the excluded ones; a member in both lists is
 *       kept, and so is an included member inside an excluded one ({@code exclude: [properties], include:
 *       [properties.eo:cloud_cover]} keeps that one property).
 * </ul>
 *
 * <p>The extension suggests adding includes to the default set; the reference validator (stac-api-validator
 * 0.6.8) instead expects at most five members for a single include, hence the smaller {@link #ALWAYS}.
 *
 * @see <a href="https://github.com/stac-api-extensions/fields">STAC API fields extension</a>
 */
final class Fields {

    /** The members the extension recommends when no field is named. */
    static final List<String> DEFAULTS =
            List.of("type", "stac_version", "id", "geometry", "bbox", "links", "assets", "properties.datetime");

    /** What an include list always keeps, so that the result still identifies a STAC item and links it. */
    static final List<String> ALWAYS = List.of("type", "stac_version", "id", "links");

    private Fields() {}

    static String apply(JsonMapper json, String item, SearchRequest.Fields fields) {
        var node = (ObjectNode) json.readTree(item);
        var include = fields.include();
        ObjectNode result;
        if (include == null && !fields.exclude().isEmpty()) {
            result = node;
        } else if (include == null || include.isEmpty()) {
            result = defaults(json, node);
        } else {
            result = json.createObjectNode();
            for (var always : ALWAYS) {
                copy(node, result, always);
            }
            for (var path : include) {
                copy(node, result, path);
            }
        }
        for (var path : fields.exclude()) {
            if (include == null || !includesWithin(include, path)) {
                remove(result, path);
            }
        }
        return json.writeValueAsString(result);
    }

    private static ObjectNode defaults(JsonMapper json, ObjectNode item) {
        var result = json.createObjectNode();
        for (var path : DEFAULTS) {
            copy(item, result, path);
        }
        // an item with a time range has a null datetime: its range is what says when it is
        JsonNode datetime = item.path("properties").get("datetime");
        if (datetime == null || datetime.isNull()) {
            copy(item, result, "properties.start_datetime");
            copy(item, result, "properties.end_datetime");
        }
        return result;
    }

    /** Whether {@code path} or a member inside it is included. */
    private static boolean includesWithin(Set<String> include, String path) {
        return include.contains(path) || include.stream().anyMatch(p -> p.startsWith(path + "."));
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
