package org.isotherm.order;

import java.time.Instant;
import java.util.UUID;

/**
 * An order moved to {@code in_progress}. Published inside the transaction that starts it: a synchronous
 * {@code @EventListener} writes its follow-up work (planned acquisitions, their jobs) in that same transaction, so the
 * start and its plan commit together or not at all.
 */
public record OrderStarted(UUID orderId, UUID workspaceId, Instant at) {}
