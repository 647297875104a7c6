package org.isotherm.order;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A stand-in for fulfilment's listener, part of every test run's context (a top-level class: the scan skips classes nested in tests): records each start with the state the
 * order has inside the starting transaction, and fails for the orders a test asks it to.
 */
@Component
class OrderStartRecorder {

    record Start(UUID orderId, UUID workspaceId, String stateInItsTransaction) {}

    static final List<Start> STARTS = new CopyOnWriteArrayList<>();
    static final Set<UUID> FAILING = ConcurrentHashMap.newKeySet();

    private final JdbcClient jdbc;

    OrderStartRecorder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static List<Start> seen(UUID orderId) {
        return STARTS.stream().filter(s -> s.orderId().equals(orderId)).toList();
    }

    @EventListener
    void on(OrderStarted started) {
        if (FAILING.contains(started.orderId())) {
            throw new IllegalStateException("planning failed");
        }
        var state = jdbc.sql("SELECT state FROM orders WHERE id = :id")
                .param("id", started.orderId())
                .query(String.class)
                .single();
        STARTS.add(new Start(started.orderId(), started.workspaceId(), state));
    }
}
