package org.isotherm.stac;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.JsonNode;

/**
 * One item search, parsed and checked, whether it came as GET parameters or a POST body.
 *
 * @param collections collection ids to search, null for every visible one
 * @param bbox 4 or 6 numbers, west may exceed east (crossing the antimeridian)
 * @param intersects a GeoJSON geometry
 * @param start start of the datetime interval, null when open or absent
 * @param end end of the datetime interval, null when open or absent
 * @param filter the CQL2 filter as sent (text or JSON), null for none
 * @param filterLang {@code cql2-text} or {@code cql2-json}
 * @param sortby the requested order (empty for the default)
 * @param fields which members to include or exclude, null for all
 */
record SearchRequest(
        @Nullable List<String> collections,
        @Nullable List<String> ids,
        double @Nullable [] bbox,
        @Nullable Geometry intersects,
        @Nullable Instant start,
        @Nullable Instant end,
        int limit,
        @Nullable JsonNode filter,
        @Nullable String filterLang,
        List<SortKey.Order> sortby,
        @Nullable Fields fields,
        @Nullable String token) {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 10_000;

    /**
     * The fields extension's include and exclude lists (dotted paths).
     *
     * @param include null when not given (exclude then applies to the whole item); empty asks for the default set
     */
    record Fields(@Nullable Set<String> include, Set<String> exclude) {}

    /** What identifies the search for its paging tokens: everything but limit, fields and token. */
    String fingerprint() {
        var text = String.join(
                "|",
                String.valueOf(collections),
                String.valueOf(ids),
                bbox == null ? "" : Arrays.toString(bbox),
                intersects == null ? "" : intersects.toText(),
                String.valueOf(start),
                String.valueOf(end),
                filter == null ? "" : filter.toString(),
                String.valueOf(filterLang),
                sortby.toString());
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 9));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
