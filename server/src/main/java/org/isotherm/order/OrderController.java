package org.isotherm.order;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.isotherm.auth.Caller;
import org.isotherm.auth.Role;
import org.isotherm.web.Idempotency;
import org.isotherm.web.ListQuery;
import org.isotherm.web.RequestValidationException;
import org.isotherm.web.ValidationError;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The guide's Orders API, plus editing, cancelling, deleting and the order history. */
@Tag(name = "Orders")
@RestController
class OrderController {

    private final OrderService service;
    private final OrderRepository orders;
    private final OrderProperties properties;
    private final Idempotency idempotency;

    OrderController(OrderService service, OrderRepository orders, OrderProperties properties, Idempotency idempotency) {
        this.service = service;
        this.orders = orders;
        this.properties = properties;
        this.idempotency = idempotency;
    }

    @Operation(
            summary = "Create orders in batch",
            description = "All orders are validated against their product's rules; if any is invalid nothing is"
                    + " created (400 rule, 404 unknown AOI or product, 422 shape). Send an Idempotency-Key header"
                    + " to make retries safe.")
    @PostMapping("/orders/batch")
    ResponseEntity<?> createBatch(
            @AuthenticationPrincipal Caller caller,
            @RequestHeader(name = Idempotency.HEADER, required = false) @Nullable String idempotencyKey,
            @RequestBody BatchRequest body) {
        caller.require(Role.MEMBER);
        var batch = BatchRequests.parse(body, properties.maxBatchSize());
        return idempotency.execute(
                caller.workspaceId(),
                "orders/batch",
                idempotencyKey,
                body,
                () -> ResponseEntity.status(HttpStatus.CREATED)
                        .body(service.place(caller, batch).stream()
                                .map(OrderView::of)
                                .toList()));
    }

    @Operation(
            summary = "List all orders",
            description = "Newest first by default; filter by state, product, AOI, tag.")
    @GetMapping("/orders")
    Page list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(defaultValue = "10") int limit,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "-created") String sort,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(name = "product_name", required = false) @Nullable String productName,
            @RequestParam(name = "area_of_interest_id", required = false) @Nullable UUID areaOfInterestId,
            @RequestParam(required = false) @Nullable String tag) {
        var errors = new ArrayList<ValidationError>();
        var query = ListQuery.of(limit, offset, sort, errors);
        var stateFilter = OrderState.queryFilter(state, errors);
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
        var filter = new OrderRepository.Filter(stateFilter, productName, areaOfInterestId, tag);
        var items =
                orders
                        .page(caller.workspaceId(), filter, !query.newestFirst(), query.limit(), (int) query.offset())
                        .stream()
                        .map(OrderView::of)
                        .toList();
        return new Page(orders.count(caller.workspaceId(), filter), items);
    }

    record Page(long count, List<OrderView> items) {}

    @Operation(summary = "Get available order use cases")
    @GetMapping("/orders/meta/use-cases")
    List<String> useCases() {
        return UseCases.ALL;
    }

    @Operation(summary = "Get order by ID")
    @GetMapping("/orders/{order_id}")
    OrderView get(@AuthenticationPrincipal Caller caller, @PathVariable("order_id") UUID orderId) {
        return OrderView.of(service.find(caller, orderId));
    }

    @Operation(
            summary = "Change an order's comment or tags",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = OrderPatch.class))))
    @PatchMapping("/orders/{order_id}")
    OrderView update(
            @AuthenticationPrincipal Caller caller,
            @PathVariable("order_id") UUID orderId,
            @RequestBody JsonNode body) {
        caller.require(Role.MEMBER);
        if (!body.isObject()) {
            throw new RequestValidationException(
                    ValidationError.body("Input should be a valid dictionary or object", "model_type"));
        }
        var current = service.find(caller, orderId);
        var errors = new ArrayList<ValidationError>();
        for (var field : body.propertyNames()) {
            if (!field.equals("comment") && !field.equals("tags")) {
                errors.add(ValidationError.body("Extra inputs are not permitted", "extra_forbidden", field));
            }
        }
        var comment = current.comment();
        if (body.has("comment")) {
            var node = body.get("comment");
            if (node.isNull()) {
                comment = null;
            } else if (node.isString()) {
                comment = node.stringValue();
                BatchRequests.comment(comment, errors, "comment");
            } else {
                errors.add(ValidationError.body("Input should be a valid string", "string_type", "comment"));
            }
        }
        var tags = current.tags();
        if (body.has("tags")) {
            var node = body.get("tags");
            if (node.isNull()) {
                tags = List.of();
            } else if (node.isArray()) {
                var values = new ArrayList<@Nullable String>();
                int i = 0;
                for (var tag : node) {
                    if (tag.isString()) {
                        values.add(tag.stringValue());
                    } else {
                        errors.add(ValidationError.body("Input should be a valid string", "string_type", "tags", i));
                    }
                    i++;
                }
                tags = BatchRequests.tags(values, errors, "tags");
            } else {
                errors.add(ValidationError.body("Input should be a valid list", "list_type", "tags"));
            }
        }
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
        return OrderView.of(service.update(caller, orderId, comment, tags));
    }

    /** What {@code PATCH /orders/{id}} accepts; absent fields stay as they are, null clears. */
    record OrderPatch(@Nullable String comment, @Nullable List<String> tags) {}

    @Operation(summary = "Delete an order that never started (initial_state or rejected)")
    @DeleteMapping("/orders/{order_id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal Caller caller, @PathVariable("order_id") UUID orderId) {
        caller.require(Role.MEMBER);
        service.delete(caller, orderId);
    }

    @Operation(summary = "Cancel an order (from initial_state or in_progress)")
    @PostMapping("/orders/{order_id}/cancel")
    OrderView cancel(
            @AuthenticationPrincipal Caller caller,
            @PathVariable("order_id") UUID orderId,
            @RequestBody(required = false) @Nullable CancelRequest body) {
        caller.require(Role.MEMBER);
        var reason = body == null ? null : body.reason();
        if (reason != null && reason.length() > BatchRequests.MAX_COMMENT_LENGTH) {
            throw new RequestValidationException(ValidationError.body(
                    "String should have at most " + BatchRequests.MAX_COMMENT_LENGTH + " characters",
                    "string_too_long",
                    "reason"));
        }
        return OrderView.of(service.cancel(caller, orderId, reason));
    }

    record CancelRequest(@Nullable String reason) {}

    @Operation(summary = "Every state change of an order, oldest first")
    @GetMapping("/orders/{order_id}/history")
    List<OrderRepository.HistoryEntry> history(
            @AuthenticationPrincipal Caller caller, @PathVariable("order_id") UUID orderId) {
        var order = service.find(caller, orderId);
        return orders.history(order.id());
    }
}
