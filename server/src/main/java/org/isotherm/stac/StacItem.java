package org.isotherm.stac;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An item ready to store: its JSON without links, the links the client added, and the columns search uses.
 *
 * @param content the item's JSON text without {@code links}
 * @param links the JSON array of links other than self, root, parent and collection
 * @param footprint the outer ring as a PostgreSQL polygon literal, when the geometry is one polygon without holes
 */
record StacItem(
        String id,
        String content,
        String links,
        Instant datetime,
        Instant start,
        Instant end,
        double minLon,
        double minLat,
        double maxLon,
        double maxLat,
        boolean rectangular,
        @Nullable String footprint,
        @Nullable Double cloudCover,
        @Nullable Double gsd,
        @Nullable String platform,
        @Nullable String orderId) {}
