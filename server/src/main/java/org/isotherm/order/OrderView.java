package org.isotherm.order;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.isotherm.product.Frequency;
import org.jspecify.annotations.Nullable;

/**
 * An order on the wire: the guide's fields first, in the guide's order, then Isotherm's additions. Frequencies
 * are always canonical ({@code single_image}), whatever alias the client sent.
 */
record OrderView(
        UUID areaOfInterestId,
        Instant startDate,
        Instant endDate,
        Frequency frequency,
        String productName,
        @Nullable String comment,
        UUID id,
        Instant created,
        OrderState state,
        @Nullable String rejectionReason,
        List<String> tags,
        @Nullable String illuminationConstraint,
        @Nullable Integer maximumNumberOfImages,
        Map<String, Boolean> productOptions,
        String useCase,
        UUID batchId,
        UUID organizationId,
        Instant updated) {

    static OrderView of(Order o) {
        return new OrderView(
                o.areaOfInterestId(),
                o.startDate(),
                o.endDate(),
                o.frequency(),
                o.productName(),
                o.comment(),
                o.id(),
                o.created(),
                o.state(),
                o.rejectionReason(),
                o.tags(),
                o.illuminationConstraint(),
                o.maximumNumberOfImages(),
                o.productOptions(),
                o.useCase(),
                o.batchId(),
                o.workspaceId(),
                o.updated());
    }
}
