package org.isotherm.stac;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.isotherm.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Lets a few searches run at once and shares those turns fairly between workspaces. A search is mostly PostgreSQL
 * CPU: with as many running as there are connections, every query and request thread is runnable at once, the
 * scheduler time-slices them, and a query that loses its slice waits behind all the others. Measured on 2 cores with
 * 16 connections (bench/stac/README.md): statements that take 0.5 ms alone ran up to 167 ms and the CQL2
 * benchmark's p99 was 47-300 ms; with four at a time, 17-24 ms at the same throughput.
 *
 * <p>A running search cannot be taken back, so a share is a cap: one workspace holds at most {@link
 * StacProperties#turnsPerWorkspace()} turns, and the rest stay free for the others however many searches it sends.
 * A freed turn goes to the waiting search whose workspace runs the fewest, then whose workspace had a turn the
 * longest ago, then by the same two rules to the member within it (an API key, a user, an anonymous address), then
 * to the one that came first: a workspace that sends one light search passes a queue of another's heavy ones, and
 * within a workspace one key cannot crowd out its colleagues.
 */
@Component
class SearchGate {

    /** Who a search runs for: the workspace whose share it uses and the member within it. */
    record Owner(Object workspace, Object member) {}

    /** Owners whose last turn is remembered for the round robin; an older one counts as never served. */
    private static final int REMEMBERED = 10_000;

    private final int turns;
    private final int perWorkspace;
    private final Duration timeout;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Waiter> waiting = new ArrayList<>();
    private final Map<Object, Integer> byWorkspace = new HashMap<>();
    private final Map<Object, Integer> byMember = new HashMap<>();
    private final Map<Object, Long> lastTurn = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Long> eldest) {
            return size() > REMEMBERED;
        }
    };
    private int running;
    private long arrivals;
    private long grants;

    SearchGate(StacProperties properties) {
        this.turns = properties.permits();
        this.perWorkspace = properties.turnsPerWorkspace();
        this.timeout = properties.searchQueueTimeout();
    }

    <T> T run(Owner owner, Supplier<T> search) {
        acquire(owner);
        try {
            return search.get();
        } finally {
            release(owner);
        }
    }

    private void acquire(Owner owner) {
        lock.lock();
        try {
            var waiter = new Waiter(owner, arrivals++, lock.newCondition());
            waiting.add(waiter);
            dispatch();
            long left = timeout.toNanos();
            try {
                while (!waiter.granted) {
                    if (left <= 0) {
                        waiting.remove(waiter);
                        throw new ApiException(
                                HttpStatus.SERVICE_UNAVAILABLE,
                                "Too many searches in progress: retry in a few seconds");
                    }
                    left = waiter.turn.awaitNanos(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (waiter.granted) {
                    release(owner);
                } else {
                    waiting.remove(waiter);
                }
                throw new ApiException(
                        HttpStatus.SERVICE_UNAVAILABLE, "Search interrupted: the server is shutting down");
            }
        } finally {
            lock.unlock();
        }
    }

    private void release(Owner owner) {
        lock.lock();
        try {
            running--;
            byWorkspace.computeIfPresent(owner.workspace(), (k, n) -> n == 1 ? null : n - 1);
            byMember.computeIfPresent(owner.member(), (k, n) -> n == 1 ? null : n - 1);
            dispatch();
        } finally {
            lock.unlock();
        }
    }

    /** Hands free turns to the waiters that deserve them most; called with the lock held. */
    private void dispatch() {
        var order = Comparator.<Waiter>comparingInt(w -> byWorkspace.getOrDefault(w.owner.workspace(), 0))
                .thenComparingLong(w -> lastTurn.getOrDefault(w.owner.workspace(), -1L))
                .thenComparingInt(w -> byMember.getOrDefault(w.owner.member(), 0))
                .thenComparingLong(w -> lastTurn.getOrDefault(w.owner.member(), -1L))
                .thenComparingLong(w -> w.arrival);
        while (running < turns) {
            var next = waiting.stream()
                    .filter(w -> byWorkspace.getOrDefault(w.owner.workspace(), 0) < perWorkspace)
                    .min(order);
            if (next.isEmpty()) {
                return;
            }
            var waiter = next.get();
            waiting.remove(waiter);
            running++;
            byWorkspace.merge(waiter.owner.workspace(), 1, Integer::sum);
            byMember.merge(waiter.owner.member(), 1, Integer::sum);
            lastTurn.put(waiter.owner.workspace(), grants);
            lastTurn.put(waiter.owner.member(), grants++);
            waiter.granted = true;
            waiter.turn.signal();
        }
    }

    /** For tests: searches waiting for a turn. */
    int waiting() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    private static final class Waiter {
        final Owner owner;
        final long arrival;
        final Condition turn;
        boolean granted;

        Waiter(Owner owner, long arrival, Condition turn) {
            this.owner = owner;
            this.arrival = arrival;
            this.turn = turn;
        }
    }
}
