package org.isotherm.stac;

import java.util.Iterator;
import java.util.UUID;
import java.util.function.Function;
import org.isotherm.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The catalogue's one write path: "store items, widen the collection's extent", for the transaction endpoints, bulk
 * ingest and the features that publish through {@link #publish} alike. Each write is one transaction (or joins the
 * caller's), so an item and the extent that covers it commit together.
 */
@Service
public class StacCatalogue {

    private final StacCollections collections;
    private final StacItems items;
    private final StacItemReader reader;
    private final TransactionTemplate transactions;

    StacCatalogue(
            StacCollections collections, StacItems items, StacItemReader reader, TransactionTemplate transactions) {
        this.collections = collections;
        this.items = items;
        this.reader = reader;
        this.transactions = transactions;
    }

    /**
     * Stores or replaces an item in one of the workspace's own collections (the product collections always exist),
     * inside the caller's transaction, so that fulfilment commits the item with the order's move. Idempotent:
     * publishing the same item again replaces it.
     *
     * @return whether the item is new
     * @throws org.isotherm.web.BadRequestException when the item breaks the STAC schema or our rules
     * @throws org.isotherm.web.NotFoundException when the workspace has no such collection
     */
    @Transactional
    public boolean publish(UUID workspaceId, String collectionId, JsonNode item) {
        var collection = collections.own(workspaceId, collectionId);
        return store(collection, reader.read(item.deepCopy(), collectionId, null), true);
    }

    /** Whether the workspace can see the item (its own, or in a public collection). */
    public boolean exists(UUID workspaceId, String collectionId, String itemId) {
        return collections
                .findVisible(workspaceId, collectionId)
                .map(c -> items.exists(c.key(), itemId))
                .orElse(false);
    }

    /**
     * Stores one item; {@code replace} false refuses an existing id (409).
     *
     * @return whether the item is new
     */
    boolean store(StacCollection collection, StacItem item, boolean replace) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            boolean created = items.upsert(collection.key(), item, replace);
            collections.widenExtent(
                    collection.key(),
                    item.minLon(),
                    item.minLat(),
                    item.maxLon(),
                    item.maxLat(),
                    item.start(),
                    item.end());
            return created;
        }));
    }

    /** Stores a stream of items, all or nothing; {@code replace} false refuses existing ids (409). */
    StacItems.Loaded storeAll(StacCollection collection, Iterator<StacItem> stream, boolean replace, int maxItems) {
        return transactions.execute(status -> {
            var loaded = items.bulk(collection.key(), stream, replace, maxItems);
            if (loaded.count() > 0) {
                collections.widenExtent(
                        collection.key(),
                        loaded.minLon(),
                        loaded.minLat(),
                        loaded.maxLon(),
                        loaded.maxLat(),
                        loaded.start(),
                        loaded.end());
            }
            return loaded;
        });
    }

    /** Deletes an item, and shrinks the collection's extent when the item lay on its edge; false when there is none. */
    boolean remove(StacCollection collection, String itemId) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            var removed = items.delete(collection.key(), itemId);
            removed.ifPresent(bounds -> collections.fitExtentWithout(collection.key(), bounds));
            return removed.isPresent();
        }));
    }

    /**
     * Replaces a stored item by what {@code change} makes of it (its JSON with its links), the row locked meanwhile,
     * so that concurrent changes apply one after the other.
     */
    void change(StacCollection collection, String itemId, Function<StacItems.Stored, StacItem> change) {
        transactions.executeWithoutResult(status -> {
            var stored = items.findForUpdate(collection.key(), itemId)
                    .orElseThrow(() ->
                            new NotFoundException("Item " + itemId + " not found in collection " + collection.id()));
            store(collection, change.apply(stored), true);
        });
    }
}
