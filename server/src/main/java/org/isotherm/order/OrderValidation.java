package org.isotherm.order;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.util.UUID;
import org.isotherm.aoi.AreasOfInterest;
import org.isotherm.product.Products;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Automatic validation of a placed batch, run by db-scheduler after the batch's transaction commits (the job row is
 * written in that transaction, so it exists exactly when the orders do). Each order still in {@code initial_state}
 * moves to {@code in_progress}, or to {@code rejected} when its AOI is gone or lies outside the product's warranted
 * coverage band. Re-running it is harmless: orders that already moved are left alone.
 */
@Configuration(proxyBeanMethods = false)
class OrderValidation {

    static final String TASK = "order-batch-validation";
    static final String ACCEPTED = "passed automatic validation";

    private static final Logger log = LoggerFactory.getLogger(OrderValidation.class);

    private final OrderRepository orders;
    private final Products products;
    private final AreasOfInterest areas;
    private final Clock clock;

    OrderValidation(OrderRepository orders, Products products, AreasOfInterest areas, Clock clock) {
        this.orders = orders;
        this.products = products;
        this.areas = areas;
        this.clock = clock;
    }

    @Bean
    OneTimeTask<Void> orderBatchValidationTask() {
        return Tasks.oneTime(TASK).execute((instance, context) -> validateBatch(UUID.fromString(instance.getId())));
    }

    void validateBatch(UUID batchId) {
        for (var order : orders.findBatch(batchId)) {
            if (order.state() != OrderState.INITIAL_STATE) {
                continue;
            }
            var aoi = areas.find(order.workspaceId(), order.areaOfInterestId());
            var product = products.find(order.productName());
            String rejection;
            if (aoi.isEmpty()) {
                rejection = "The area of interest " + order.areaOfInterestId() + " no longer exists";
            } else if (product.isEmpty()) {
                rejection = "The product " + order.productName() + " no longer exists";
            } else {
                rejection = product.get().coverageViolation(aoi.get()).orElse(null);
            }
            var to = rejection == null ? OrderState.IN_PROGRESS : OrderState.REJECTED;
            orders.transition(
                    order.id(),
                    OrderState.INITIAL_STATE,
                    to,
                    OrderRepository.SYSTEM,
                    rejection == null ? ACCEPTED : rejection,
                    clock.instant());
            log.debug("Order {} validated: {}", order.id(), to.wire());
        }
    }
}
