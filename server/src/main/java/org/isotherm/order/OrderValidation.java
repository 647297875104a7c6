package org.isotherm.order;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.util.HashMap;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.isotherm.aoi.AoiSummary;
import org.isotherm.aoi.AreasOfInterest;
import org.isotherm.product.Product;
import org.isotherm.product.Products;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

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
    private final TransactionTemplate transactions;

    OrderValidation(
            OrderRepository orders,
            Products products,
            AreasOfInterest areas,
            Clock clock,
            TransactionTemplate transactions) {
        this.transactions = transactions;
        this.orders = orders;
        this.products = products;
        this.areas = areas;
        this.clock = clock;
    }

    @Bean
    OneTimeTask<Void> orderBatchValidationTask() {
        return Tasks.oneTime(TASK).execute((instance, context) -> validateBatch(UUID.fromString(instance.getId())));
    }

    /** Validates the batch's waiting orders in one transaction: one commit per batch, not one per order. */
    void validateBatch(UUID batchId) {
        transactions.executeWithoutResult(status -> validateInTransaction(batchId));
    }

    private void validateInTransaction(UUID batchId) {
        var waiting = orders.findBatch(batchId).stream()
                .filter(o -> o.state() == OrderState.INITIAL_STATE)
                .toList();
        if (waiting.isEmpty()) {
            return;
        }
        var aois = areas
                .findAll(
                        waiting.get(0).workspaceId(),
                        waiting.stream().map(Order::areaOfInterestId).distinct().toList())
                .stream()
                .collect(Collectors.toMap(AoiSummary::id, Function.identity()));
        var catalogue = new HashMap<String, Optional<Product>>();
        for (var order : waiting) {
            var aoi = Optional.ofNullable(aois.get(order.areaOfInterestId()));
            var product = catalogue.computeIfAbsent(order.productName(), products::find);
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
