package org.isotherm.fulfilment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.isotherm.auth.Caller;
import org.isotherm.auth.Role;
import org.isotherm.order.Orders;
import org.isotherm.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Orders")
class AcquisitionController {

    private final Orders orders;
    private final AcquisitionRepository acquisitions;

    AcquisitionController(Orders orders, AcquisitionRepository acquisitions) {
        this.orders = orders;
        this.acquisitions = acquisitions;
    }

    @Operation(
            summary = "Get an order's acquisition plan",
            description = "The acquisitions planned when the order started, in time order, and what became of each:"
                    + " planned, delivered (with its STAC item id), skipped (with the reason), failed or cancelled."
                    + " Empty until the order starts.")
    @ApiResponse(responseCode = "200", description = "The plan; `count` is the number of acquisitions")
    @ApiResponse(responseCode = "404", description = "No such order in the caller's workspace")
    @GetMapping("/orders/{order_id}/acquisitions")
    Page list(@AuthenticationPrincipal Caller caller, @PathVariable("order_id") UUID orderId) {
        caller.require(Role.VIEWER);
        orders.find(orderId)
                .filter(o -> o.workspaceId().equals(caller.workspaceId()))
                .orElseThrow(() -> new NotFoundException("Order not found"));
        var items = acquisitions.forOrder(caller.workspaceId(), orderId).stream()
                .map(AcquisitionView::of)
                .toList();
        return new Page(items.size(), items);
    }

    record Page(long count, List<AcquisitionView> items) {}

    /** An acquisition as the API shows it. */
    record AcquisitionView(
            int sequence,
            Instant windowStart,
            Instant windowEnd,
            Instant plannedTime,
            String satellite,
            String illumination,
            int standbyPasses,
            String state,
            @Nullable String stacItemId,
            @Nullable String reason,
            Instant updated) {

        static AcquisitionView of(AcquisitionRepository.Acquisition a) {
            return new AcquisitionView(
                    a.seq(),
                    a.windowStart(),
                    a.windowEnd(),
                    a.plannedTime(),
                    a.satellite(),
                    a.day() ? "day" : "night",
                    a.fallbacks().size(),
                    a.state(),
                    a.stacItemId(),
                    a.reason(),
                    a.updated());
        }
    }
}
