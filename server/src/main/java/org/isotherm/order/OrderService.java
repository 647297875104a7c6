package org.isotherm.order;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.isotherm.aoi.AoiSummary;
import org.isotherm.aoi.AreasOfInterest;
import org.isotherm.auth.Caller;
import org.isotherm.product.Product;
import org.isotherm.product.Products;
import org.isotherm.web.BadRequestException;
import org.isotherm.web.ConflictException;
import org.isotherm.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The ordering use cases: placing a batch against the product rules, and the lifecycle moves people make. */
@Service
class OrderService {

    private final OrderRepository orders;
    private final Orders lifecycle;
    private final Products products;
    private final AreasOfInterest areas;
    private final SchedulerClient scheduler;
    private final OneTimeTask<Void> validationTask;
    private final OrderProperties properties;
    private final ReviewSettings reviewSettings;
    private final Clock clock;

    OrderService(
            OrderRepository orders,
            Orders lifecycle,
            Products products,
            AreasOfInterest areas,
            SchedulerClient scheduler,
            OneTimeTask<Void> orderBatchValidationTask,
            OrderProperties properties,
            ReviewSettings reviewSettings,
            Clock clock) {
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.products = products;
        this.areas = areas;
        this.scheduler = scheduler;
        this.validationTask = orderBatchValidationTask;
        this.properties = properties;
        this.reviewSettings = reviewSettings;
        this.clock = clock;
    }

    /**
     * Checks every order of the batch against its product's rules and writes all of them or none. The first
     * failing order (by index) decides the answer: 404 for an unknown product or AOI, 400 for a broken rule.
     */
    @Transactional
    List<Order> place(Caller caller, BatchRequests.BatchDraft batch) {
        var workspace = caller.workspaceId();
        var created = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var available =
                products.available(workspace).stream().collect(Collectors.toMap(Product::name, Function.identity()));
        // share-locked so that a concurrent AOI delete waits for these orders and then refuses (409)
        var aois = areas
                .findAllLocked(
                        workspace,
                        batch.orders().stream()
                                .map(BatchRequests.OrderDraft::areaOfInterestId)
                                .distinct()
                                .toList())
                .stream()
                .collect(Collectors.toMap(AoiSummary::id, Function.identity()));
        var batchId = UUID.randomUUID();
        var placed = new ArrayList<Order>(batch.orders().size());
        for (int i = 0; i < batch.orders().size(); i++) {
            var draft = batch.orders().get(i);
            var product = available.get(draft.productName());
            if (product == null) {
                throw new NotFoundException("orders[" + i + "]: product " + draft.productName() + " not found");
            }
            var aoi = aois.get(draft.areaOfInterestId());
            if (aoi == null) {
                throw new NotFoundException(
                        "orders[" + i + "]: area of interest " + draft.areaOfInterestId() + " not found");
            }
            var terms = new Product.Terms(
                    draft.startDate(), draft.endDate(), draft.frequency(), draft.productOptions(), created);
            var violation = product.violation(terms, aoi);
            if (violation.isPresent()) {
                throw new BadRequestException("orders[" + i + "]: " + violation.get());
            }
            placed.add(new Order(
                    UUID.randomUUID(),
                    workspace,
                    batchId,
                    draft.areaOfInterestId(),
                    draft.productName(),
                    draft.startDate(),
                    draft.endDate(),
                    draft.frequency(),
                    draft.comment(),
                    draft.tags(),
                    draft.illuminationConstraint(),
                    draft.maximumNumberOfImages(),
                    draft.productOptions(),
                    batch.useCase(),
                    OrderState.INITIAL_STATE,
                    null,
                    // distinct creation times keep the batch's order in every listing
                    created.plus(i, ChronoUnit.MICROS),
                    created.plus(i, ChronoUnit.MICROS)));
        }
        orders.insertBatch(
                batchId, workspace, batch.useCase(), batch.comment(), caller.userId(), actor(caller), created, placed);
        if (!manualReview(workspace)) {
            // written in this transaction: the job exists exactly when the orders do, and runs after the commit
            scheduler.schedule(validationTask.instance(batchId.toString()), created);
        }
        return placed;
    }

    @Transactional
    Order update(Caller caller, UUID id, @Nullable String comment, List<String> tags) {
        var order = find(caller, id);
        orders.update(order.id(), comment, tags, clock.instant());
        return find(caller, id);
    }

    @Transactional
    Order cancel(Caller caller, UUID id, @Nullable String reason) {
        find(caller, id);
        if (!lifecycle.cancel(id, actor(caller), reason == null ? "cancelled by the customer" : reason)) {
            throw new ConflictException(
                    "An order in state " + find(caller, id).state().wire()
                            + " cannot be cancelled; only orders in initial_state or in_progress can");
        }
        return find(caller, id);
    }

    @Transactional
    void delete(Caller caller, UUID id) {
        var order = find(caller, id);
        if (orders.deleteIfDeletable(caller.workspaceId(), id).isEmpty()) {
            throw new ConflictException("An order in state " + order.state().wire()
                    + " cannot be deleted; only orders in initial_state or rejected can (cancel it instead)");
        }
    }

    /** An operator's decision on an order held for manual review (or not yet validated). */
    @Transactional
    Order review(Caller operator, UUID id, boolean approve, String reason) {
        orders.findAnyWorkspace(id).orElseThrow(() -> new NotFoundException("Order not found"));
        var ids = List.of(id);
        var moved = approve
                ? lifecycle.start(ids, actor(operator), reason)
                : lifecycle.reject(ids, actor(operator), reason);
        if (moved.isEmpty()) {
            throw new ConflictException("Only orders in initial_state can be approved or rejected; this one is "
                    + orders.findAnyWorkspace(id).map(o -> o.state().wire()).orElse("gone"));
        }
        return orders.findAnyWorkspace(id).orElseThrow();
    }

    Order find(Caller caller, UUID id) {
        return orders.find(caller.workspaceId(), id).orElseThrow(() -> new NotFoundException("Order not found"));
    }

    /** Whether new orders of this workspace wait for an operator instead of automatic validation. */
    boolean manualReview(UUID workspaceId) {
        return reviewSettings.find(workspaceId).orElse(properties.manualReview());
    }

    static String actor(Caller caller) {
        return caller.email();
    }
}
