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

    private static final SearchGate.Owner ALICE = new SearchGate.Owner("north", "alice");

    @Test
    void neverRunsMoreSearchesAtOnceThanItsPermits() throws Exception {
        var gate = new SearchGate(new StacProperties(2, 2, Duration.ofSeconds(30), Duration.ofSeconds(15)));
        var running = new AtomicInteger();
        var most = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(8);
        try {
            var futures = new ArrayList<CompletableFuture<Integer>>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                futures.add(CompletableFuture.supplyAsync(
                        () -> gate.run(ALICE, () -> {
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
        var gate = new SearchGate(new StacProperties(1, 0, Duration.ofMillis(50), Duration.ofSeconds(15)));
        var holding = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var holder = CompletableFuture.runAsync(() -> gate.run(ALICE, () -> {
            holding.countDown();
            await(release);
            return null;
        }));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> gate.run(ALICE, () -> "never"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status().value()).isEqualTo(503));

        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
        assertThat(gate.run(ALICE, () -> "after")).isEqualTo("after");
    }

    @Test
    void givesTheTurnBackWhenASearchFails() {
        var gate = new SearchGate(new StacProperties(1, 0, Duration.ofMillis(50), Duration.ofSeconds(15)));
        var failures = Collections.synchronizedList(new ArrayList<Throwable>());
        for (int i = 0; i < 3; i++) {
            try {
                gate.run(ALICE, () -> {
                    throw new IllegalStateException("boom");
                });
            } catch (IllegalStateException e) {
                failures.add(e);
            }
        }
        assertThat(failures).hasSize(3);
        assertThat(gate.run(ALICE, () -> List.of("ok"))).containsExactly("ok");
    }

    @Test
    void leavesTurnsToOtherWorkspacesWhenOneSendsMoreThanItsShare() throws Exception {
        var gate = new SearchGate(new StacProperties(4, 0, Duration.ofSeconds(30), Duration.ofSeconds(15)));
        var heavy = new ArrayList<Held>();
        for (int i = 0; i < 4; i++) {
            heavy.add(Held.start(gate, new SearchGate.Owner("north", "viewer")));
        }
        awaitWaiting(gate, 2);
        assertThat(heavy.stream().filter(Held::running).count()).isEqualTo(2);

        // another workspace's search runs at once, beside the heavy ones
        assertThat(gate.run(new SearchGate.Owner("south", "analyst"), () -> "light"))
                .isEqualTo("light");

        heavy.forEach(Held::release);
        for (var held : heavy) {
            held.done.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void givesAFreedTurnToTheWorkspaceRunningFewest() throws Exception {
        var gate = new SearchGate(new StacProperties(2, 2, Duration.ofSeconds(30), Duration.ofSeconds(15)));
        var north = new SearchGate.Owner("north", "viewer");
        var first = Held.start(gate, north);
        var second = Held.start(gate, north);
        awaitRunning(first, second);
        var queued = List.of(Held.start(gate, north), Held.start(gate, north));
        awaitWaiting(gate, 2);
        var south = Held.start(gate, new SearchGate.Owner("south", "analyst"));
        awaitWaiting(gate, 3);

        first.release();
        awaitRunning(south);
        assertThat(queued).noneMatch(Held::running);

        second.release();
        south.release();
        queued.forEach(Held::release);
        for (var held : queued) {
            held.done.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void givesAFreedTurnToTheKeyRunningFewestWithinAWorkspace() throws Exception {
        var gate = new SearchGate(new StacProperties(1, 1, Duration.ofSeconds(30), Duration.ofSeconds(15)));
        var scripted = new SearchGate.Owner("north", "key-1");
        var holder = Held.start(gate, scripted);
        awaitRunning(holder);
        var again = Held.start(gate, scripted);
        awaitWaiting(gate, 1);
        var colleague = Held.start(gate, new SearchGate.Owner("north", "key-2"));
        awaitWaiting(gate, 2);

        holder.release();
        awaitRunning(colleague);
        assertThat(again.running()).isFalse();

        colleague.release();
        again.release();
        again.done.get(10, TimeUnit.SECONDS);
    }

    /** A search that holds its turn until released. */
    private record Held(CountDownLatch started, CountDownLatch released, CompletableFuture<Void> done) {

        static Held start(SearchGate gate, SearchGate.Owner owner) {
            var started = new CountDownLatch(1);
            var released = new CountDownLatch(1);
            var done = CompletableFuture.runAsync(
                    () -> gate.run(owner, () -> {
                        started.countDown();
                        await(released);
                        return null;
                    }),
                    Executors.newSingleThreadExecutor());
            return new Held(started, released, done);
        }

        boolean running() {
            return started.getCount() == 0 && released.getCount() == 1;
        }

        void release() {
            released.countDown();
        }
    }

    private static void awaitRunning(Held... searches) throws InterruptedException {
        for (var search : searches) {
            assertThat(search.started.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static void awaitWaiting(SearchGate gate, int count) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (gate.waiting() < count && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(gate.waiting()).isEqualTo(count);
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
