package org.isotherm.order;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /orders/batch} as sent. Identifiers and dates stay strings here so that
 * {@link BatchRequests} can answer each malformed one with its exact {@code loc}.
 */
record BatchRequest(
        @Nullable String useCase,
        @Nullable String comment,
        @Nullable List<@Nullable OrderRequest> orders) {

    record OrderRequest(
            @Nullable String areaOfInterestId,
            @Nullable String startDate,
            @Nullable String endDate,
            @Nullable String frequency,
            @Nullable String productName,
            @Nullable String comment,
            @Nullable List<@Nullable String> tags,
            @Nullable String illuminationConstraint,
            @Nullable Integer maximumNumberOfImages,
            @Nullable Map<String, @Nullable Object> productOptions) {}
}
