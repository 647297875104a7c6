package org.isotherm.order;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Ordering settings.
 *
 * @param maxBatchSize most orders one {@code POST /orders/batch} may carry (more is a 422)
 * @param manualReview hold new orders in {@code initial_state} for an operator instead of validating them
 *     automatically; a workspace may override it through the admin API
 */
@Validated
@ConfigurationProperties("isotherm.orders")
record OrderProperties(
        @Min(1) @DefaultValue("25") int maxBatchSize,
        @DefaultValue("false") boolean manualReview) {}
