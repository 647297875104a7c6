package org.isotherm.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.isotherm.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The served {@code /openapi.json} as the tools users have read it: an independent OpenAPI 3 parser and validator
 * (swagger-parser, not springdoc that wrote it) finds nothing wrong, every reference resolves, and every operation
 * documents the errors every request can meet.
 */
class OpenApiDocumentIT extends IntegrationTest {

    private String text;
    private JsonNode document;

    @BeforeEach
    void fetch() {
        var response = http().get("/openapi.json");
        assertThat(response.status()).isEqualTo(200);
        text = response.body();
        document = response.json();
    }

    @Test
    void parsesAndValidatesWithoutAnyMessage() {
        var options = new ParseOptions();
        options.setValidateInternalRefs(true);
        var result = new OpenAPIV3Parser().readContents(text, null, options);

        assertThat(result.getMessages()).as("parser and validator messages").isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.");
        assertThat(result.getOpenAPI().getPaths()).hasSizeGreaterThan(40);
    }

    @Test
    void everyReferenceResolvesWithinTheDocument() {
        var refs = new TreeSet<String>();
        walk(document, "", (pointer, node) -> {
            if (node.has("$ref")) {
                refs.add(node.path("$ref").asString());
            }
        });
        var unresolved = refs.stream()
                .filter(ref ->
                        !ref.startsWith("#/") || document.at(ref.substring(1)).isMissingNode())
                .toList();

        assertThat(refs).contains("#/components/schemas/HTTPError", "#/components/schemas/HTTPValidationError");
        assertThat(unresolved).as("unresolved $ref").isEmpty();
    }

    @Test
    void errorSchemasHaveFastApisShapes() {
        var schemas = document.path("components").path("schemas");

        assertThat(schemas.at("/HTTPError/properties/detail/type").asString()).isEqualTo("string");
        assertThat(schemas.at("/HTTPError/required/0").asString()).isEqualTo("detail");
        assertThat(schemas.at("/HTTPValidationError/properties/detail/type").asString())
                .isEqualTo("array");
        assertThat(schemas.at("/HTTPValidationError/properties/detail/items/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/ValidationError");
        assertThat(schemas.at("/ValidationError/required").toString()).isEqualTo("[\"loc\",\"msg\",\"type\"]");
        assertThat(schemas.at("/ValidationError/properties/loc/items/anyOf").toString())
                .isEqualTo("[{\"type\":\"string\"},{\"type\":\"integer\"}]");
    }

    @Test
    void everyOperationDocumentsTheErrorsEveryRequestCanMeet() {
        var problems = new ArrayList<String>();
        operations((name, operation) -> {
            var responses = operation.path("responses");
            boolean isPublic = DocumentedResponses.PUBLIC_PREFIXES.stream()
                    .anyMatch(prefix -> name.substring(name.indexOf(' ') + 1).startsWith(prefix));
            var expected = new ArrayList<>(List.of("500"));
            if (!isPublic) {
                expected.addAll(List.of("401", "403"));
                if (operation.path("security").size() != 2) {
                    problems.add(name + " does not name both auth schemes");
                }
            }
            var parameters = operation.path("parameters");
            if (parameters.size() > 0 || operation.has("requestBody")) {
                expected.add("422");
            }
            if (parameters.values().stream()
                    .anyMatch(p -> p.path("in").asString().equals("path"))) {
                expected.add("404");
            }
            if (operation.has("requestBody")) {
                expected.addAll(List.of("413", "415"));
            }
            expected.stream()
                    .filter(code -> !responses.has(code))
                    .forEach(code -> problems.add(name + " does not document " + code));
            for (var code : responses.propertyNames()) {
                var schema = responses.path(code).at("/content/application~1json/schema/$ref");
                if (code.startsWith("4") || code.startsWith("5")) {
                    var expectedSchema =
                            "#/components/schemas/" + ("422".equals(code) ? "HTTPValidationError" : "HTTPError");
                    if (!schema.asString("").equals(expectedSchema)) {
                        problems.add(name + " documents " + code + " without " + expectedSchema);
                    }
                } else if (!code.equals("204")
                        && responses.path(code).path("content").isEmpty()) {
                    problems.add(name + " documents " + code + " without a body");
                }
            }
        });

        assertThat(problems).isEmpty();
    }

    /** Generated clients clash on a schema named after the server's JSON class, and learn nothing from a wildcard type. */
    @Test
    void describesJsonAsJsonNotAsTheServersClasses() {
        var schemas = new TreeSet<String>();
        document.path("components").path("schemas").propertyNames().forEach(schemas::add);
        var wildcards = new ArrayList<String>();
        operations((name, operation) -> {
            for (var code : operation.path("responses").propertyNames()) {
                if (operation.path("responses").path(code).path("content").has("*/*")) {
                    wildcards.add(name + " " + code);
                }
            }
        });

        assertThat(schemas).doesNotContain("JsonNode", "ObjectNode", "ArrayNode");
        assertThat(text).doesNotContain("\"node_type\"");
        assertThat(wildcards).as("responses documented as */*").isEmpty();
    }

    @Test
    void tagsAreReadableAndDescribed() {
        var declared = new TreeSet<String>();
        document.path("tags").values().forEach(tag -> {
            assertThat(tag.path("description").asString("")).as(tag.toString()).isNotBlank();
            declared.add(tag.path("name").asString());
        });
        var problems = new ArrayList<String>();
        operations((name, operation) -> {
            if (operation.path("tags").isEmpty()) {
                problems.add(name + " has no tag");
            }
            operation.path("tags").values().stream()
                    .map(JsonNode::asString)
                    .filter(tag -> !declared.contains(tag))
                    .forEach(tag -> problems.add(name + " has the undeclared tag " + tag));
        });

        assertThat(declared).containsExactlyInAnyOrderElementsOf(OpenApiConfiguration.TAGS.keySet());
        assertThat(problems).isEmpty();
    }

    @Test
    void leavesOutTheContainersErrorPage() {
        assertThat(document.path("paths").has("/error")).isFalse();
        assertThat(document.path("components").path("schemas").has("ErrorBody")).isFalse();
    }

    @Test
    void everyCentralEntryNamesAnOperationThatExists() {
        var operations = new TreeSet<String>();
        operations((name, operation) -> operations.add(name));

        assertThat(operations).containsAll(DocumentedResponses.BY_OPERATION.keySet());
    }

    @Test
    void documentsTheStatusesTheHandlersSet() {
        assertThat(document.at("/paths/~1orders~1batch/post/responses").has("201"))
                .isTrue();
        assertThat(document.at("/paths/~1orders~1batch/post/responses").has("200"))
                .isFalse();
        assertThat(document.at("/paths/~1orders~1batch/post/responses/201/content/application~1json/schema/type")
                        .asString())
                .isEqualTo("array");
        assertThat(document.at("/paths/~1stac~1collections~1{collectionId}/delete/responses")
                        .propertyNames())
                .contains("204")
                .doesNotContain("200");
        assertThat(document.at("/paths/~1stac~1search/get/responses/200/content")
                        .has("application/geo+json"))
                .isTrue();
    }

    /** Each operation as {@code "METHOD /path"}, with its node. */
    private void operations(BiConsumer<String, JsonNode> each) {
        var paths = document.path("paths");
        for (var path : paths.propertyNames()) {
            for (var method : paths.path(path).propertyNames()) {
                if (List.of("get", "put", "post", "delete", "patch", "head", "options", "trace")
                        .contains(method)) {
                    each.accept(
                            method.toUpperCase() + " " + path, paths.path(path).path(method));
                }
            }
        }
    }

    private static void walk(JsonNode node, String pointer, BiConsumer<String, JsonNode> each) {
        if (node.isObject()) {
            each.accept(pointer, node);
            for (var name : node.propertyNames()) {
                walk(node.path(name), pointer + "/" + name, each);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.path(i), pointer + "/" + i, each);
            }
        }
    }
}
