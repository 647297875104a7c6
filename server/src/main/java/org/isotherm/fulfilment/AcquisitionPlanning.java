package org.isotherm.fulfilment;

import java.time.Clock;
import org.isotherm.aoi.AreasOfInterest;
import org.isotherm.order.OrderCancelled;
import org.isotherm.order.OrderStarted;
import org.isotherm.order.Orders;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Plans a started order's acquisitions in the transaction that starts it ({@link OrderStarted} is published
 * there, and this listener runs synchronously): an order is never in progress without its plan. A cancel stops
 * the acquisitions not yet delivered the same way.
 */
@Component
class AcquisitionPlanning {

    private final Orders orders;
    private final AreasOfInterest areas;
    private final AcquisitionRepository acquisitions;
    private final Clock clock;

    AcquisitionPlanning(Orders orders, AreasOfInterest areas, AcquisitionRepository acquisitions, Clock clock) {
        this.orders = orders;
        this.areas = areas;
        this.acquisitions = acquisitions;
        this.clock = clock;
    }

    @EventListener
    void plan(OrderStarted started) {
        var order = orders.find(started.orderId()).orElseThrow();
        var aoi = areas.find(order.workspaceId(), order.areaOfInterestId()).orElseThrow();
        var windows = AcquisitionPlanner.plan(new AcquisitionPlanner.Terms(
                order.productName(),
                order.startDate(),
                order.endDate(),
                order.frequency(),
                order.illuminationConstraint(),
                order.maximumNumberOfImages(),
                (aoi.minLon() + aoi.maxLon()) / 2,
                (aoi.minLat() + aoi.maxLat()) / 2));
        acquisitions.insertPlan(order.id(), order.workspaceId(), windows, clock.instant());
    }

    /** A cancel stops the acquisitions still to come and keeps what was delivered. */
    @EventListener
    void cancel(OrderCancelled cancelled) {
        acquisitions.cancelPlanned(cancelled.orderId(), "order cancelled: " + cancelled.reason(), clock.instant());
    }
}
