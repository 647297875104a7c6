package org.isotherm.order;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.UUID;
import org.isotherm.account.Workspaces;
import org.isotherm.auth.Caller;
import org.isotherm.web.ListQuery;
import org.isotherm.web.RequestValidationException;
import org.isotherm.web.ValidationError;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's side of ordering (under {@code /admin}, operators only): whether a workspace's new orders wait for
 * manual review, and the approve / reject decisions on orders still in {@code initial_state}.
 */
@Tag(name = "Operator")
@RestController
class OrderAdminController {

    private final OrderService service;
    private final OrderRepository orders;
    private final ReviewSettings settings;
    private final OrderProperties properties;
    private final Workspaces workspaces;

    OrderAdminController(
            OrderService service,
            OrderRepository orders,
            ReviewSettings settings,
            OrderProperties properties,
            Workspaces workspaces) {
        this.service = service;
        this.orders = orders;
        this.settings = settings;
        this.properties = properties;
        this.workspaces = workspaces;
    }

    @Operation(summary = "Whether a workspace's new orders are held for manual review")
    @GetMapping("/admin/organizations/{id}/order-review")
    Review review(@PathVariable UUID id) {
        workspaces.requireExisting(id);
        var override = settings.find(id);
        return new Review(override.orElse(properties.manualReview()), override.isPresent());
    }

    @Operation(
            summary = "Hold a workspace's new orders for manual review, or not",
            description = "{\"manual_review\": true | false}; null returns to the platform default"
                    + " (isotherm.orders.manual-review).")
    @PutMapping("/admin/organizations/{id}/order-review")
    Review setReview(@PathVariable UUID id, @RequestBody ReviewRequest body) {
        workspaces.requireExisting(id);
        settings.set(id, body.manualReview());
        return review(id);
    }

    /** @param overridden whether the workspace has its own setting instead of the platform default */
    record Review(boolean manualReview, boolean overridden) {}

    record ReviewRequest(@Nullable Boolean manualReview) {}

    @Operation(
            summary = "Orders of every workspace, newest first",
            description = "state=initial_state lists the orders waiting for validation or manual review.")
    @GetMapping("/admin/orders")
    OrderController.Page orders(
            @RequestParam(defaultValue = "10") int limit,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(name = "organization_id", required = false) @Nullable UUID organizationId) {
        var errors = new ArrayList<ValidationError>();
        var query = ListQuery.of(limit, offset, null, errors);
        var stateFilter = OrderState.queryFilter(state, errors);
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
        var items = orders.acrossWorkspaces(organizationId, stateFilter, query.limit(), (int) query.offset()).stream()
                .map(OrderView::of)
                .toList();
        return new OrderController.Page(orders.countAcrossWorkspaces(organizationId, stateFilter), items);
    }

    @Operation(summary = "Approve an order held in initial_state: it moves to in_progress")
    @PostMapping("/admin/orders/{id}/approve")
    OrderView approve(
            @AuthenticationPrincipal Caller operator,
            @PathVariable UUID id,
            @RequestBody(required = false) @Nullable Decision body) {
        var reason = body == null || body.reason() == null ? "approved by an operator" : body.reason();
        return OrderView.of(service.review(operator, id, true, reason));
    }

    @Operation(summary = "Reject an order held in initial_state, with the reason the customer will see")
    @PostMapping("/admin/orders/{id}/reject")
    OrderView reject(@AuthenticationPrincipal Caller operator, @PathVariable UUID id, @RequestBody Decision body) {
        if (body.reason() == null || body.reason().isBlank()) {
            throw new RequestValidationException(ValidationError.body("Field required", "missing", "reason"));
        }
        return OrderView.of(service.review(operator, id, false, body.reason()));
    }

    record Decision(@Nullable String reason) {}
}
