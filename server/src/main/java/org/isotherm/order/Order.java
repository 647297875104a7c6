package org.isotherm.order;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.isotherm.product.Frequency;
import org.jspecify.annotations.Nullable;

/** One order as stored: what was asked for, in which workspace and batch, and where it is in its lifecycle. */
public record Order(
        UUID id,
        UUID workspaceId,
        UUID batchId,
        UUID areaOfInterestId,
        String productName,
        Instant startDate,
        Instant endDate,
        Frequency frequency,
        @Nullable String comment,
        List<String> tags,
        @Nullable String illuminationConstraint,
        @Nullable Integer maximumNumberOfImages,
        Map<String, Boolean> productOptions,
        String useCase,
        OrderState state,
        @Nullable String rejectionReason,
        Instant created,
        Instant updated) {}
