package org.isotherm.stac;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param concurrentSearches how many item searches may run at once on a node; 0 means two per processor. The rest
 *     wait their turn in arrival order (see {@link SearchGate})
 * @param searchQueueTimeout how long a search may wait for its turn before it is refused with 503
 * @param searchTimeout how long one search statement may run; PostgreSQL then cancels it and the search is refused
 *     with 400, so that a pathological filter or geometry cannot hold a connection and a turn for long
 */
@Validated
@ConfigurationProperties("isotherm.stac")
record StacProperties(
        @Min(0) @DefaultValue("0") int concurrentSearches,
        @NotNull @DefaultValue("30s") Duration searchQueueTimeout,
        @NotNull @DefaultValue("15s") Duration searchTimeout) {

    int permits() {
        return concurrentSearches > 0
                ? concurrentSearches
                : 2 * Runtime.getRuntime().availableProcessors();
    }
}
