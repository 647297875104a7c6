package org.isotherm.stac.cql2;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Entry point: parses CQL2 filters in either encoding into one {@link Cql2Expr}. Both reject hostile input with
 * a {@link Cql2Exception} (400): filters longer than {@link #MAX_LENGTH} characters, nesting deeper than
 * {@link #MAX_DEPTH}, non-finite numbers, unterminated strings.
 *
 * @see <a href="https://docs.ogc.org/is/21-065r2/21-065r2.html">OGC CQL2 1.0</a>
 */
public final class Cql2 {

    /** Longest filter accepted, in characters (room for a detailed polygon). */
    public static final int MAX_LENGTH = 1_000_000;

    /** Deepest nesting of parentheses, NOT, and function calls accepted. */
    public static final int MAX_DEPTH = 100;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Cql2() {}

    /** Parses cql2-text; errors name the 1-based character position of the offending token. */
    public static Cql2Expr parseText(String text) {
        return Cql2TextParser.parse(text);
    }

    /** Parses a cql2-json document already read by Jackson; errors name a JSON pointer into it. */
    public static Cql2Expr parseJson(JsonNode json) {
        return Cql2JsonParser.parse(json);
    }

    /** Parses cql2-json from its text (e.g. the {@code filter} query parameter with filter-lang=cql2-json). */
    public static Cql2Expr parseJson(String json) {
        if (json.length() > MAX_LENGTH) {
            throw new Cql2Exception(
                    "Invalid CQL2 JSON: longer than " + MAX_LENGTH + " characters (" + json.length() + ")");
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JacksonException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            String reason = e.getOriginalMessage();
            if (reason.length() > 160) {
                reason = reason.substring(0, 160) + "...";
            }
            throw new Cql2Exception("Invalid CQL2 JSON: not a valid JSON document" + where + ": " + reason);
        }
        if (node == null || node.isMissingNode()) {
            throw new Cql2Exception("Invalid CQL2 JSON: the filter is empty");
        }
        return parseJson(node);
    }
}
