package org.isotherm.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.isotherm.auth.Role;
import org.isotherm.support.Fixtures.TestUser;
import org.isotherm.support.Fixtures.TestWorkspace;
import org.isotherm.support.Http;
import org.isotherm.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Walks the served OpenAPI document and sends every operation hostile variants of a plausible request, in the
 * spirit of Schemathesis: bad path segments, extreme and malformed query values, wrong JSON types and values in every
 * body field, broken bodies, wildcard and foreign content types, odd headers. Every answer must be below 500 and,
 * for an error, in the API's error shape. Seeded ({@code -Disotherm.hostile.seed}), so a failure replays.
 */
class HostileRequestsIT extends IntegrationTest {

    private static final long SEED = Long.getLong("isotherm.hostile.seed", 20261202L);
    private static final int PER_OPERATION = Integer.getInteger("isotherm.hostile.per-operation", 70);
    private static final String MARK = "\u0001hostile\u0001";

    private static final List<String> SEGMENTS = List.of(
            "%20",
            "%00",
            "a%00b",
            "%zz",
            "%2F",
            "..",
            "%2e%2e",
            "%C0%AF",
            "%FF",
            "%E2%80%AE",
            "x".repeat(3000),
            "-1",
            "0",
            "99999999999999999999",
            "null",
            "%7B%7D",
            "'%20OR%201=1--");
    private static final List<String> QUERY_VALUES = List.of(
            "",
            "%00",
            "a%00b",
            "%zz",
            "%FF%FE",
            "2147483648",
            "1" + "0".repeat(300),
            "-1",
            "1e308",
            "NaN",
            "%2B999999999-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00Z",
            "[",
            "%7B",
            "x".repeat(5000),
            "1,2,3,4,5",
            "1e308,1e308,-1e308,-1e308",
            "..%2F..",
            "%3Cscript%3E");
    private static final String SEED_ITEM = "hostile-seed";
    private static final List<String> JSON_VALUES = List.of(
            "null",
            "\"\\u0000\"",
            "\"a\\u0000b\"",
            "1e308",
            "-1e308",
            "1e400",
            "1" + "0".repeat(400),
            "9223372036854775808",
            "-1",
            "0",
            "0.5",
            "true",
            "\"\"",
            "\" \"",
            "[]",
            "[null]",
            "{}",
            "[[[[[[[[]]]]]]]]",
            "\"" + "x".repeat(70_000) + "\"",
            "\"+999999999-12-31T23:59:59Z\"",
            "\"\\ud800\"",
            "{\"type\":\"MultiPolygon\",\"coordinates\":[]}",
            "{\"type\":\"Point\",\"coordinates\":[1e308,1e308]}",
            "[\"\\u0000\"]",
            "{\"\\u0000\":1}",
            "\"%00\"",
            "\"<script>alert(1)</script>\"");
    private static final List<String> BODIES = List.of(
            "", "{", "null", "[]", "\"x\"", "{\"a\":", "{}", "[".repeat(5000), "{\"type\":\"FeatureCollection\",\"fe");
    private static final List<String> CONTENT_TYPES = List.of(
            "*/*",
            "application/*",
            "text/plain",
            "application/xml",
            "garbage",
            "multipart/form-data",
            "application/x-www-form-urlencoded",
            "application/json; charset=ebcdic",
            "application/json;;;");
    private static final List<Map<String, String>> HEADERS = List.of(
            Map.of("Accept", "text/html"),
            Map.of("Accept", "application/xml"),
            Map.of("Accept", "garbage/;;q=x"),
            Map.of("X-Forwarded-For", "garbage, ::::, 1.2.3.4.5"),
            Map.of("Forwarded", "for=\"[::1"),
            Map.of("Idempotency-Key", "k".repeat(5000)),
            Map.of("X-API-Key", "%00"));

    /** Plausible bodies where the schema alone says too little to reach the code behind the operation. */
    private static final Map<String, String> SEEDS = Map.of(
            "post /stac/search",
            """
            {"collections":["lstfusion"],"bbox":[0,0,10,10],"datetime":"2024-01-01T00:00:00Z/..","limit":5,
             "filter-lang":"cql2-json",
             "filter":{"op":"and","args":[
               {"op":"s_intersects","args":[{"property":"geometry"},
                 {"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,10],[0,0]]]}]},
               {"op":"<","args":[{"property":"eo:cloud_cover"},50]},
               {"op":"t_intersects","args":[{"property":"datetime"},{"interval":["2024-01-01","2025-01-01"]}]}]},
             "sortby":[{"field":"properties.datetime","direction":"desc"}],
             "fields":{"include":["properties.datetime"]}}""",
            "post /stac/collections/{collectionId}/items",
            item("hostile-new"),
            "put /stac/collections/{collectionId}/items/{itemId}",
            item(SEED_ITEM),
            "patch /stac/collections/{collectionId}/items/{itemId}",
            """
            {"properties":{"eo:cloud_cover":12,"order:id":"sample"},"bbox":[0,0,1,1]}""");

    /** Path parameters that name something the caller's workspace has, so that variants get past the lookup. */
    private static final Map<String, String> PATH_SAMPLES = Map.of("collectionId", "lstfusion", "itemId", SEED_ITEM);

    private static String item(String id) {
        return """
                {"type":"Feature","stac_version":"1.0.0","id":"%s",
                 "stac_extensions":["https://stac-extensions.github.io/eo/v1.1.0/schema.json"],
                 "geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]},"bbox":[0,0,1,1],
                 "properties":{"datetime":"2024-06-01T10:00:00Z","eo:cloud_cover":10,"order:id":"sample",
                               "start_datetime":"2024-06-01T10:00:00Z","end_datetime":"2024-06-01T10:05:00Z"},
                 "assets":{"lst":{"href":"https://example.com/lst.tiff","type":"image/tiff; application=geotiff"}},
                 "links":[]}""".formatted(id);
    }

    record Variant(String description, String method, String target, Map<String, String> headers, byte[] body) {}

    @Test
    void everyOperationAnswersHostileVariantsBelow500InTheErrorShape() {
        var document = http().get("/openapi.json").json();
        var raw = new RawHttp(port);
        var random = new Random(SEED);
        var operator = fixtures.operator();
        var failures = new TreeMap<String, String>();
        int sent = 0;
        for (var path : document.path("paths").propertyNames()) {
            for (var method : document.path("paths").path(path).propertyNames()) {
                var operation = document.path("paths").path(path).path(method);
                var workspace = fixtures.workspace();
                var credentials = credentials(path, method, workspace, operator);
                var variants = new Generator(document, random, workspace.id).variants(path, method, operation);
                Collections.shuffle(variants, random);
                for (var variant : variants.subList(0, Math.min(PER_OPERATION, variants.size()))) {
                    var headers = new LinkedHashMap<String, String>(credentials);
                    headers.putAll(variant.headers());
                    var answer = raw.send(variant.method(), variant.target(), headers, variant.body());
                    sent++;
                    var problem = problem(answer);
                    if (problem != null) {
                        failures.putIfAbsent(
                                method.toUpperCase() + " " + path + " " + variant.description(),
                                problem + ": " + abbreviate(answer.body()));
                    }
                }
            }
        }

        assertThat(sent).isGreaterThan(2_000);
        assertThat(failures)
                .as("answers out of contract (seed %d, %d requests)", SEED, sent)
                .isEmpty();
    }

    /**
     * An operator for the operator API; for the STAC writes, an ingest API key of a workspace that holds the item the
     * path names (so variants reach the item reader, and the key path of authentication is walked too); else the
     * workspace's admin.
     */
    private Map<String, String> credentials(String path, String method, TestWorkspace workspace, TestUser operator) {
        if (path.startsWith("/admin")) {
            return Map.of("Authorization", "Bearer " + operator.token());
        }
        if (path.startsWith("/stac/collections/{collectionId}") && !method.equals("get")) {
            var key = fixtures.apiKey(workspace.admin, Role.INGEST);
            var created = http().apiKey(key).post("/stac/collections/lstfusion/items", item(SEED_ITEM));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            return Map.of("X-Api-Key", key);
        }
        return Map.of("Authorization", "Bearer " + workspace.admin.token());
    }

    private static String problem(RawHttp.Answer answer) {
        if (answer.status() < 0 || answer.status() >= 500) {
            return "status " + answer.status();
        }
        if (answer.status() < 400) {
            return null;
        }
        var type = String.valueOf(answer.header("content-type"));
        if (!type.startsWith("application/json")) {
            return answer.status() + " as " + type;
        }
        try {
            var body = Http.JSON.readTree(answer.body());
            return body.isObject() && body.has("detail") ? null : answer.status() + " without detail";
        } catch (RuntimeException e) {
            return answer.status() + " with a body that is not JSON";
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }

    /** Builds a plausible request from the operation's schema, then its hostile variants. */
    private static final class Generator {

        private final JsonNode document;
        private final Random random;
        private final UUID workspace;

        Generator(JsonNode document, Random random, UUID workspace) {
            this.document = document;
            this.random = random;
            this.workspace = workspace;
        }

        List<Variant> variants(String template, String method, JsonNode operation) {
            var http = method.toUpperCase();
            var pathParams = new LinkedHashMap<String, String>();
            var query = new LinkedHashMap<String, String>();
            for (var parameter : operation.path("parameters")) {
                var name = parameter.path("name").asString();
                var sample = plainSample(resolve(parameter.path("schema")), name);
                switch (parameter.path("in").asString()) {
                    case "path" -> pathParams.put(name, sample);
                    case "query" -> {
                        if (parameter.path("required").asBoolean(false)) {
                            query.put(name, sample);
                        } else {
                            query.put(name, null);
                        }
                    }
                    default -> {}
                }
            }
            var content = operation.path("requestBody").path("content");
            var mediaType = content.propertyNames().stream().findFirst().orElse(null);
            var seed = SEEDS.get(method + " " + template);
            var body = mediaType == null
                    ? null
                    : seed != null
                            ? Http.JSON.readTree(seed)
                            : sample(resolve(content.path(mediaType).path("schema")), 0);
            var variants = new ArrayList<Variant>();
            var baseHeaders = mediaType == null ? Map.<String, String>of() : Map.of("Content-Type", mediaType);
            var baseBody = body == null ? null : bytes(body.toString());

            for (var name : pathParams.keySet()) {
                for (var segment : SEGMENTS) {
                    var params = new LinkedHashMap<>(pathParams);
                    params.put(name, segment);
                    variants.add(new Variant(
                            "path " + name + "=" + cut(segment),
                            http,
                            target(template, params, query, null, null),
                            baseHeaders,
                            baseBody));
                }
            }
            for (var name : query.keySet()) {
                for (var value : QUERY_VALUES) {
                    variants.add(new Variant(
                            "query " + name + "=" + cut(value),
                            http,
                            target(template, pathParams, query, name, value),
                            baseHeaders,
                            baseBody));
                }
            }
            var base = target(template, pathParams, query, null, null);
            for (var headers : HEADERS) {
                var merged = new LinkedHashMap<>(baseHeaders);
                merged.putAll(headers);
                variants.add(new Variant("headers " + cut(headers.toString()), http, base, merged, baseBody));
            }
            if (mediaType != null) {
                for (var type : CONTENT_TYPES) {
                    variants.add(
                            new Variant("content-type " + type, http, base, Map.of("Content-Type", type), baseBody));
                }
                for (var text : BODIES) {
                    variants.add(new Variant("body " + cut(text), http, base, baseHeaders, bytes(text)));
                }
                variants.add(new Variant(
                        "body of invalid UTF-8", http, base, baseHeaders, new byte[] {'"', (byte) 0xC3, 0x28, '"'}));
                if (body != null && mediaType.contains("json")) {
                    for (var field : fields(body, "")) {
                        for (var value : JSON_VALUES) {
                            var text = replaced(body, field, value);
                            variants.add(new Variant(
                                    "body " + field + "=" + cut(value), http, base, baseHeaders, bytes(text)));
                        }
                    }
                }
            }
            return variants;
        }

        private String target(
                String template,
                Map<String, String> pathParams,
                Map<String, String> query,
                String hostileName,
                String hostileValue) {
            var path = template;
            for (var entry : pathParams.entrySet()) {
                path = path.replace("{" + entry.getKey() + "}", entry.getValue());
            }
            var parts = new ArrayList<String>();
            query.forEach((name, value) -> {
                if (name.equals(hostileName)) {
                    parts.add(name + "=" + hostileValue);
                } else if (value != null) {
                    parts.add(name + "=" + value);
                }
            });
            return parts.isEmpty() ? path : path + "?" + String.join("&", parts);
        }

        private String plainSample(JsonNode schema, String name) {
            if (PATH_SAMPLES.containsKey(name)) {
                return PATH_SAMPLES.get(name);
            }
            if (name.equals("id") || "uuid".equals(schema.path("format").asString(""))) {
                return name.equals("id")
                        ? workspace.toString()
                        : UUID.randomUUID().toString();
            }
            if (schema.has("enum")) {
                return schema.path("enum").get(0).asString();
            }
            return switch (schema.path("type").asString("string")) {
                case "integer" -> "1";
                case "number" -> "1.5";
                case "boolean" -> "true";
                default -> name.equals("name") ? "LSTprecision" : "sample";
            };
        }

        private JsonNode sample(JsonNode schema, int depth) {
            var json = Http.JSON;
            if (schema.has("example")) {
                return schema.path("example");
            }
            if (schema.has("enum")) {
                return schema.path("enum").get(0);
            }
            for (var choice : List.of("oneOf", "anyOf", "allOf")) {
                if (schema.has(choice)) {
                    return sample(
                            resolve(schema.path(choice)
                                    .get(random.nextInt(schema.path(choice).size()))),
                            depth);
                }
            }
            var type = schema.path("type").isArray()
                    ? schema.path("type").get(0).asString()
                    : schema.path("type").asString("object");
            switch (type) {
                case "integer":
                    return json.getNodeFactory().numberNode(1);
                case "number":
                    return json.getNodeFactory().numberNode(1.5);
                case "boolean":
                    return json.getNodeFactory().booleanNode(true);
                case "array": {
                    ArrayNode array = json.createArrayNode();
                    if (depth < 4) {
                        array.add(sample(resolve(schema.path("items")), depth + 1));
                    }
                    return array;
                }
                case "string":
                    return json.getNodeFactory().stringNode(stringSample(schema));
                default: {
                    ObjectNode object = json.createObjectNode();
                    if (depth < 4) {
                        for (var property : schema.path("properties").propertyNames()) {
                            object.set(
                                    property,
                                    sample(resolve(schema.path("properties").path(property)), depth + 1));
                        }
                    }
                    return object;
                }
            }
        }

        private static String stringSample(JsonNode schema) {
            return switch (schema.path("format").asString("")) {
                case "date-time" -> "2027-06-01T00:00:00Z";
                case "date" -> "2027-06-01";
                case "uuid" -> UUID.randomUUID().toString();
                case "email" -> "someone@example.com";
                case "uri" -> "https://example.com/";
                default -> "sample";
            };
        }

        private JsonNode resolve(JsonNode schema) {
            var ref = schema.path("$ref").asString("");
            if (ref.startsWith("#/components/schemas/")) {
                return document.path("components")
                        .path("schemas")
                        .path(ref.substring("#/components/schemas/".length()));
            }
            return schema;
        }

        /** JSON pointers of every field and first array element of the sample, and the sample itself. */
        private static List<String> fields(JsonNode node, String pointer) {
            var found = new ArrayList<String>();
            found.add(pointer);
            if (node.isObject()) {
                for (var name : node.propertyNames()) {
                    found.addAll(fields(node.path(name), pointer + "/" + name));
                }
            } else if (node.isArray() && !node.isEmpty()) {
                found.addAll(fields(node.get(0), pointer + "/0"));
            }
            return found;
        }

        private static String replaced(JsonNode body, String pointer, String raw) {
            if (pointer.isEmpty()) {
                return raw;
            }
            var copy = body.deepCopy();
            int slash = pointer.lastIndexOf('/');
            var parent = copy.at(pointer.substring(0, slash));
            var last = pointer.substring(slash + 1);
            var mark = Http.JSON.getNodeFactory().stringNode(MARK);
            if (parent instanceof ObjectNode object) {
                object.set(last, mark);
            } else if (parent instanceof ArrayNode array) {
                array.set(Integer.parseInt(last), mark);
            }
            return copy.toString().replace(Http.JSON.writeValueAsString(MARK), raw);
        }

        private static String cut(String text) {
            return text.length() > 40 ? text.substring(0, 40) + "..." : text;
        }

        private static byte[] bytes(String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }
}
