package org.isotherm.stac;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A column search can order by, with the SQL that reads it (never null, so keyset comparisons hold) and how its
 * values travel in a paging token.
 *
 * @see <a href="https://github.com/stac-api-extensions/sort">STAC API sort extension</a>
 */
record SortKey(String name, String sql, Kind kind) {

    enum Kind {
        TIMESTAMP,
        TEXT,
        NUMBER,
        INTEGER
    }

    static final SortKey DATETIME = new SortKey("datetime", "i.datetime", Kind.TIMESTAMP);
    static final SortKey ID = new SortKey("id", "i.id", Kind.TEXT);
    static final SortKey COLLECTION = new SortKey("collection", "i.collection_key", Kind.INTEGER);

    private static final Map<String, SortKey> BY_NAME = Map.of(
            "datetime", DATETIME,
            "id", ID,
            "collection", COLLECTION,
            "start_datetime", new SortKey("start_datetime", "i.start_datetime", Kind.TIMESTAMP),
            "end_datetime", new SortKey("end_datetime", "i.end_datetime", Kind.TIMESTAMP),
            "gsd", new SortKey("gsd", "coalesce(i.gsd, 'Infinity'::float8)", Kind.NUMBER),
            "eo:cloud_cover", new SortKey("eo:cloud_cover", "coalesce(i.cloud_cover, 'Infinity'::float8)", Kind.NUMBER),
            "platform", new SortKey("platform", "coalesce(i.platform, '')", Kind.TEXT),
            "order:id", new SortKey("order:id", "coalesce(i.order_id, '')", Kind.TEXT));

    /** The names clients may sort by, for error messages and the queryables. */
    static final List<String> NAMES = BY_NAME.keySet().stream().sorted().toList();

    /** Accepts {@code datetime} as well as {@code properties.datetime}. */
    static Optional<SortKey> named(String name) {
        var plain = name.startsWith("properties.") ? name.substring("properties.".length()) : name;
        return Optional.ofNullable(BY_NAME.get(plain));
    }

    /** The token value as a bind parameter; null when the token was forged. */
    @Nullable
    Object parse(String value) {
        try {
            return switch (kind) {
                case TIMESTAMP -> Timestamp.from(Instant.parse(value));
                case NUMBER -> Double.parseDouble(value);
                case INTEGER -> Integer.parseInt(value);
                case TEXT -> value;
            };
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A sort key with its direction. */
    record Order(SortKey key, boolean descending) {}
}
