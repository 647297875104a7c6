package org.isotherm.stac;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.isotherm.web.BadRequestException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a page starts: the sort key of the row next to it, the direction, the total counted on the first page
 * (counted once, then carried), and a fingerprint of the search, so a token is refused when replayed against a
 * different search. Opaque to clients: base64url JSON.
 *
 * @param keys the sort key values of the boundary row, as strings
 * @param forward true for the next page (rows after the key), false for the previous one
 */
record PageToken(List<String> keys, boolean forward, long matched, String search) {

    String encode(JsonMapper json) {
        var node = json.createObjectNode();
        var array = node.putArray("k");
        keys.forEach(array::add);
        node.put("d", forward ? "n" : "p");
        node.put("m", matched);
        node.put("s", search);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(node));
    }

    static PageToken decode(String token, JsonMapper json, String search, int keyCount) {
        JsonNode node;
        try {
            node = json.readTree(Base64.getUrlDecoder().decode(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (RuntimeException e) {
            throw bad();
        }
        var keys = node.path("k");
        var direction = node.path("d").asString("");
        if (!keys.isArray()
                || keys.size() != keyCount
                || !node.path("m").isIntegralNumber()
                || !(direction.equals("n") || direction.equals("p"))) {
            throw bad();
        }
        if (!search.equals(node.path("s").asString(""))) {
            throw new BadRequestException("Invalid token: it belongs to a different search (parameters changed)");
        }
        var values = new java.util.ArrayList<String>();
        for (var key : keys) {
            if (!key.isString()) {
                throw bad();
            }
            values.add(key.asString());
        }
        return new PageToken(
                List.copyOf(values), direction.equals("n"), node.path("m").asLong(), search);
    }

    static @Nullable PageToken decodeOrNull(@Nullable String token, JsonMapper json, String search, int keyCount) {
        return token == null || token.isEmpty() ? null : decode(token, json, search, keyCount);
    }

    private static BadRequestException bad() {
        return new BadRequestException("Invalid token: not a paging token of this API");
    }
}
