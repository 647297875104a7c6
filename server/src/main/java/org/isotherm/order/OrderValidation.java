package org.isotherm.order;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
    private final Orders lifecycle;
    private final Products products;
    private final AreasOfInterest areas;
    private final TransactionTemplate transactions;

    OrderValidation(
            OrderRepository orders,
            Orders lifecycle,
            Products products,
            AreasOfInterest areas,
            TransactionTemplate transactions) {
        this.transactions = transactions;
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.products = products;
        this.areas = areas;
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
        // orders grouped by outcome (null: accepted), so that each outcome is one set-based transition
        var outcomes = new LinkedHashMap<Optional<String>, List<UUID>>();
        for (var order : waiting) {
            var aoi = Optional.ofNullable(aois.get(order.areaOfInterestId()));
            var product = catalogue.computeIfAbsent(order.productName(), products::find);
            Optional<String> rejection;
            if (aoi.isEmpty()) {
                rejection = Optional.of("The area of interest " + order.areaOfInterestId() + " no longer exists");
            } else if (product.isEmpty()) {
                rejection = Optional.of("The product " + order.productName() + " no longer exists");
            } else {
                rejection = product.get().coverageViolation(aoi.get());
            }
            outcomes.computeIfAbsent(rejection, r -> new ArrayList<>()).add(order.id());
        }
        outcomes.forEach((rejection, ids) -> {
            var moved = rejection.isEmpty()
                    ? lifecycle.start(ids, Orders.SYSTEM, ACCEPTED)
                    : lifecycle.reject(ids, Orders.SYSTEM, rejection.get());
            log.debug(
                    "Batch {}: {} orders {}",
                    batchId,
                    moved.size(),
                    rejection.map(r -> "rejected: " + r).orElse("accepted"));
        });
    }
}
