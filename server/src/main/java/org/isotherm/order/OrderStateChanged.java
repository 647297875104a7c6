package org.isotherm.order;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An order moved from one state to another. Published inside the transaction that moves it, by the one method that
 * changes a state, so that listeners (webhooks, e-mails) record what to tell atomically with the move: a rolled-back
 * move tells nobody.
 */
public record OrderStateChanged(
        UUID orderId,
        UUID workspaceId,
        OrderState from,
        OrderState to,
        @Nullable String reason,
        Instant at) {}
