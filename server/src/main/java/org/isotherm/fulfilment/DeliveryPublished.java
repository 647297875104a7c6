package org.isotherm.fulfilment;

import java.time.Instant;
import java.util.UUID;

/**
 * An acquisition's delivery was published: its files are in the store and its STAC item in the workspace's
 * collection. Published inside the transaction that publishes it, so that listeners record what to tell atomically
 * with the publication.
 *
 * @param sequence the acquisition's number in the order's plan
 * @param acquired when the scene was acquired (the item's datetime)
 */
public record DeliveryPublished(
        UUID orderId,
        UUID workspaceId,
        int sequence,
        String collectionId,
        String itemId,
        Instant acquired,
        Instant at) {}
