package org.isotherm.order;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.isotherm.aoi.AoiUsage;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order feature's public face: the only way other features read an order or move it through its lifecycle. Every
 * move is a conditional update through {@link OrderState}'s state machine with its history entry, and joins the
 * caller's transaction, so that a move and the work it causes commit together.
 *
 * <p>Moves answer whether (or which) orders moved: an order someone else moved first is left alone, so a job that
 * runs twice, or races a person, does no harm.
 */
@Service
public class Orders implements AoiUsage {

    /** The actor recorded in the history for moves the platform makes on its own. */
    public static final String SYSTEM = OrderRepository.SYSTEM;

    private final OrderRepository orders;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Orders(OrderRepository orders, ApplicationEventPublisher events, Clock clock) {
        this.orders = orders;
        this.events = events;
        this.clock = clock;
    }

    /** The order, whatever its workspace: for work the platform does on a workspace's behalf. */
    public Optional<Order> find(UUID orderId) {
        return orders.findAnyWorkspace(orderId);
    }

    /**
     * Starts the orders of {@code orderIds} that are still in {@code initial_state}: the one path to
     * {@code in_progress}, for automatic validation and manual review alike. Publishes an {@link OrderStarted} for
     * each, in this transaction, so that its listeners enqueue their follow-up work atomically with the start.
     *
     * @return the ids of the orders started
     */
    @Transactional
    public List<UUID> start(Collection<UUID> orderIds, String actor, String reason) {
        var at = clock.instant();
        var started = orders.transition(
                List.copyOf(orderIds), OrderState.INITIAL_STATE, OrderState.IN_PROGRESS, actor, reason, at);
        if (!started.isEmpty()) {
            // one lookup for the workspace ids, whatever the number of orders started
            orders.findAll(started)
                    .forEach(order -> events.publishEvent(new OrderStarted(order.id(), order.workspaceId(), at)));
        }
        return started;
    }

    /** Rejects the orders still in {@code initial_state}, with the reason the customer will see. */
    @Transactional
    public List<UUID> reject(Collection<UUID> orderIds, String actor, String reason) {
        return orders.transition(
                List.copyOf(orderIds), OrderState.INITIAL_STATE, OrderState.REJECTED, actor, reason, clock.instant());
    }

    /** {@code in_progress} to {@code closing}: the period is over, the last deliveries are being produced. */
    @Transactional
    public boolean beginClosing(UUID orderId, String reason) {
        return orders.transition(orderId, OrderState.IN_PROGRESS, OrderState.CLOSING, SYSTEM, reason, clock.instant());
    }

    /** {@code closing} to {@code closed}: everything the order will get has been delivered. */
    @Transactional
    public boolean close(UUID orderId, String reason) {
        return orders.transition(orderId, OrderState.CLOSING, OrderState.CLOSED, SYSTEM, reason, clock.instant());
    }

    /**
     * Cancels the order from whatever state it is in, if that state allows it, and publishes an {@link
     * OrderCancelled} in this transaction. The row is locked first, so the decision cannot race the validation job or
     * another cancel.
     *
     * @return false when the order's state does not allow cancelling
     */
    @Transactional
    public boolean cancel(UUID orderId, String actor, String reason) {
        var order = orders.findForUpdate(orderId);
        var at = clock.instant();
        boolean cancelled = order.isPresent()
                && order.get().state().canMoveTo(OrderState.CANCELLED)
                && orders.transition(orderId, order.get().state(), OrderState.CANCELLED, actor, reason, at);
        if (cancelled) {
            events.publishEvent(new OrderCancelled(orderId, order.get().workspaceId(), reason, at));
        }
        return cancelled;
    }

    @Override
    public boolean inUse(UUID areaOfInterestId) {
        return orders.anyUnfinishedOn(areaOfInterestId);
    }
}
