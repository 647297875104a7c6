package org.isotherm.stac;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param concurrentSearches how many item searches may run at once on a node; 0 means two per processor. The rest
 *     wait for a turn (see {@link SearchGate})
 * @param searchesPerWorkspace how many of those one workspace may run at once; 0 means half of them (at least one),
 *     so that one workspace's heavy searches always leave turns to the others
 * @param searchQueueTimeout how long a search may wait for its turn before it is refused with 503
 * @param searchTimeout how long one search may run; PostgreSQL then cancels its statement and the search is refused
 *     with 400, so that a pathological filter or geometry cannot hold a connection and a turn for long
 */
@Validated
@ConfigurationProperties("isotherm.stac")
record StacProperties(
        @Min(0) @DefaultValue("0") int concurrentSearches,
        @Min(0) @DefaultValue("0") int searchesPerWorkspace,
        @NotNull @DefaultValue("30s") Duration searchQueueTimeout,
        @NotNull @DefaultValue("15s") Duration searchTimeout) {

    int permits() {
        return concurrentSearches > 0
                ? concurrentSearches
                : 2 * Runtime.getRuntime().availableProcessors();
    }

    int turnsPerWorkspace() {
        return searchesPerWorkspace > 0 ? Math.min(searchesPerWorkspace, permits()) : Math.max(1, permits() / 2);
    }
}
