package org.isotherm.stac;

import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The catalogue's surface for other features: fulfilment publishes a delivery's STAC item here, inside its own
 * transaction (the item and the order transition commit together), with the same validation as the transaction
 * API.
 */
@Service
public class StacCatalogue {

    private final StacCollections collections;
    private final StacItems items;
    private final StacItemReader reader;

    StacCatalogue(StacCollections collections, StacItems items, StacItemReader reader) {
        this.collections = collections;
        this.items = items;
        this.reader = reader;
    }

    /**
     * Stores or replaces an item in one of the workspace's own collections (the product collections always exist).
     * Idempotent: publishing the same item again replaces it.
     *
     * @return whether the item is new
     * @throws org.isotherm.web.BadRequestException when the item breaks the STAC schema or our rules
     * @throws org.isotherm.web.NotFoundException when the workspace has no such collection
     */
    @Transactional
    public boolean publish(UUID workspaceId, String collectionId, JsonNode item) {
        var collection = collections.own(workspaceId, collectionId);
        var stored = reader.read(item.deepCopy(), collectionId, null);
        boolean created = items.upsert(collection.key(), stored, true);
        collections.widenExtent(
                collection.key(),
                stored.minLon(),
                stored.minLat(),
                stored.maxLon(),
                stored.maxLat(),
                stored.start(),
                stored.end());
        return created;
    }

    /** Whether the workspace can see the item (its own, or in a public collection). */
    public boolean exists(UUID workspaceId, String collectionId, String itemId) {
        return collections
                .findVisible(workspaceId, collectionId)
                .map(c -> items.exists(c.key(), itemId))
                .orElse(false);
    }
}
