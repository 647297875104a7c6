package org.isotherm.stac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.isotherm.web.ApiException;
import org.junit.jupiter.api.Test;

class SearchGateTest {

    @Test
    void neverRunsMoreSearchesAtOnceThanItsPermits() throws Exception {
        var gate = new SearchGate(new StacProperties(2, Duration.ofSeconds(30), Duration.ofSeconds(15)));
        var running = new AtomicInteger();
        var most = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(8);
        try {
            var futures = new ArrayList<CompletableFuture<Integer>>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                futures.add(CompletableFuture.supplyAsync(
                        () -> gate.run(() -> {
                            most.accumulateAndGet(running.incrementAndGet(), Math::max);
                            // long enough for the other threads to pile up at the gate
                            sleep(5);
                            running.decrementAndGet();
                            return n;
                        }),
                        pool));
            }
            var results = futures.stream().map(CompletableFuture::join).toList();
            assertThat(results).hasSize(40).doesNotHaveDuplicates();
            assertThat(most.get()).isBetween(1, 2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesWith503WhenNoTurnComesInTime() throws Exception {
        var gate = new SearchGate(new StacProperties(1, Duration.ofMillis(50), Duration.ofSeconds(15)));
        var holding = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var holder = CompletableFuture.runAsync(() -> gate.run(() -> {
            holding.countDown();
            await(release);
            return null;
        }));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> gate.run(() -> "never"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status().value()).isEqualTo(503));

        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
        assertThat(gate.run(() -> "after")).isEqualTo("after");
    }

    @Test
    void givesTheTurnBackWhenASearchFails() {
        var gate = new SearchGate(new StacProperties(1, Duration.ofMillis(50), Duration.ofSeconds(15)));
        var failures = Collections.synchronizedList(new ArrayList<Throwable>());
        for (int i = 0; i < 3; i++) {
            try {
                gate.run(() -> {
                    throw new IllegalStateException("boom");
                });
            } catch (IllegalStateException e) {
                failures.add(e);
            }
        }
        assertThat(failures).hasSize(3);
        assertThat(gate.run(() -> List.of("ok"))).containsExactly("ok");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
