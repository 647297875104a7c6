package org.isotherm.stac;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A collection as stored: its JSON without links and extent, which are built per request.
 *
 * @param key the internal key items refer to
 * @param content the collection's JSON text as stored
 */
record StacCollection(
        int key,
        UUID workspaceId,
        String id,
        boolean isPublic,
        String content,
        @Nullable Double minLon,
        @Nullable Double minLat,
        @Nullable Double maxLon,
        @Nullable Double maxLat,
        @Nullable Instant minDatetime,
        @Nullable Instant maxDatetime) {

    boolean hasExtent() {
        return minLon != null && minDatetime != null;
    }
}
