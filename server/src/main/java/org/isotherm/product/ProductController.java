package org.isotherm.product;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.isotherm.auth.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The guide's {@code GET /products}: the products the caller's workspace may order, with their rules. */
@Tag(name = "Products")
@RestController
class ProductController {

    private final Products products;

    ProductController(Products products) {
        this.products = products;
    }

    @Operation(summary = "List the products available to your organization")
    @GetMapping("/products")
    List<ProductView> list(@AuthenticationPrincipal Caller caller) {
        return products.available(caller.workspaceId()).stream()
                .map(ProductView::of)
                .toList();
    }

    /** The guide's {@code {"name": ...}} plus what a client needs to place a valid order. */
    record ProductView(
            String name,
            String title,
            String description,
            double resolutionM,
            @Nullable Double maxBboxWidthM,
            @Nullable Double maxBboxHeightM,
            @Nullable Integer minLeadDays,
            @Nullable Integer minPeriodDays,
            @Nullable Integer maxPeriodDays,
            List<Frequency> frequencies,
            double coverageMinLat,
            double coverageMaxLat,
            List<String> productOptions) {

        static ProductView of(Product p) {
            return new ProductView(
                    p.name(),
                    p.title(),
                    p.description(),
                    p.resolutionM(),
                    p.maxBboxWidthM(),
                    p.maxBboxHeightM(),
                    p.minLeadDays(),
                    p.minPeriodDays(),
                    p.maxPeriodDays(),
                    p.frequencies(),
                    p.coverageMinLat(),
                    p.coverageMaxLat(),
                    p.options());
        }
    }
}
