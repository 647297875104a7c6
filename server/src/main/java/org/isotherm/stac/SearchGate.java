package org.isotherm.stac;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.isotherm.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Lets a few searches run at once and queues the others in arrival order. A search is mostly PostgreSQL CPU: with
 * as many running as there are connections, every query and request thread is runnable at once, the scheduler
 * time-slices them, and a query that loses its slice waits behind all the others. Measured on 2 cores with 16
 * connections (bench/stac/README.md): statements that take 0.5 ms alone ran up to 167 ms and the CQL2 benchmark's
 * p99 was 47-300 ms; with four at a time, 17-24 ms at the same throughput.
 */
@Component
class SearchGate {

    private final Semaphore turns;
    private final Duration timeout;

    SearchGate(StacProperties properties) {
        this.turns = new Semaphore(properties.permits(), true);
        this.timeout = properties.searchQueueTimeout();
    }

    <T> T run(Supplier<T> search) {
        try {
            if (!turns.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new ApiException(
                        HttpStatus.SERVICE_UNAVAILABLE, "Too many searches in progress: retry in a few seconds");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Search interrupted: the server is shutting down");
        }
        try {
            return search.get();
        } finally {
            turns.release();
        }
    }
}
