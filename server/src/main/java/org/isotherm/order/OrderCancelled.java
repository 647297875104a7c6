package org.isotherm.order;

import java.time.Instant;
import java.util.UUID;

/**
 * An order was cancelled. Published inside the cancelling transaction, as {@link OrderStarted} is, so that what a
 * listener stops (acquisitions not yet delivered) stops with the cancel or not at all.
 */
public record OrderCancelled(UUID orderId, UUID workspaceId, String reason, Instant at) {}
