package org.isotherm.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.isotherm.support.IntegrationTest;
import org.isotherm.support.RunsLast;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Every answer the whole test suite provoked ({@link AnsweredStatuses}) is documented in {@code /openapi.json}: its
 * status for that operation, with a schema for the media type it came in. Runs after every other test class
 * ({@link RunsLast}); run alone it has seen too little to judge and is skipped.
 */
@RunsLast
class DocumentedStatusesIT extends IntegrationTest {

    /**
     * The whole suite calls nearly every operation; far fewer means this class runs alone or with a few others, and
     * has nothing to judge.
     */
    private static final double WHOLE_SUITE = 0.8;

    @Test
    void everyStatusTheSuiteProvokedIsDocumentedWithItsSchema() {
        var answers = AnsweredStatuses.recorded();
        var document = http().get("/openapi.json").json();
        var reached = new TreeSet<String>();
        answers.forEach(answer -> operation(document, answer.method(), answer.path())
                .ifPresent(found -> reached.add(answer.method() + " " + found.template())));
        int operations = 0;
        for (var path : document.path("paths").values()) {
            operations += path.size();
        }
        assumeTrue(
                reached.size() >= WHOLE_SUITE * operations,
                "the run reached " + reached.size() + " of " + operations + " operations: not a whole-suite run");

        var undocumented = new TreeSet<String>();
        for (var answer : answers) {
            var operation = operation(document, answer.method(), answer.path());
            if (operation.isEmpty()) {
                // no such route or method (404/405 from the framework), or a page outside the API (docs, UI)
                continue;
            }
            var found = operation.get();
            var what = answer.method() + " " + found.template() + " answered " + answer.status();
            var response = found.node().path("responses").path(String.valueOf(answer.status()));
            if (response.isMissingNode()) {
                undocumented.add(what + ", which is not documented");
                continue;
            }
            if (answer.status() == 204
                    || answer.status() == 304
                    || answer.method().equals("HEAD")) {
                continue;
            }
            var content = response.path("content");
            if (answer.mediaType() == null) {
                continue;
            }
            var actual = MediaType.parseMediaType(answer.mediaType());
            var documented = content.propertyNames().stream()
                    .filter(type -> MediaType.parseMediaType(type).isCompatibleWith(actual))
                    .filter(type -> !content.path(type).path("schema").isMissingNode())
                    .findFirst();
            if (documented.isEmpty()) {
                undocumented.add(what + " as " + actual + ", documented only as " + content.propertyNames());
            }
        }

        assertThat(undocumented).as("answers missing from /openapi.json").isEmpty();
    }

    record Found(String template, JsonNode node) {}

    /**
     * The documented operation a request reached: its path matches a template whose {@code {name}} stands for one
     * segment; where several match, the one with the most literal segments (as Spring picks {@code /orders/batch}
     * over {@code /orders/{order_id}}).
     */
    static Optional<Found> operation(JsonNode document, String method, String path) {
        var candidates = new ArrayList<Found>();
        for (var template : document.path("paths").propertyNames()) {
            var operation = document.path("paths").path(template).path(method.toLowerCase());
            if (!operation.isMissingNode() && matcher(template).matcher(path).matches()) {
                candidates.add(new Found(template, operation));
            }
        }
        return candidates.stream().max(Comparator.comparingInt(found -> literalSegments(found.template())));
    }

    private static Pattern matcher(String template) {
        var regex = new StringBuilder();
        for (var part : List.of(template.split("(?=\\{)|(?<=\\})"))) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    private static int literalSegments(String template) {
        return (int) List.of(template.split("/")).stream()
                .filter(segment -> !segment.startsWith("{"))
                .count();
    }
}
