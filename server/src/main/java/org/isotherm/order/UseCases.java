package org.isotherm.order;

import java.util.List;

/** The guide's order use cases, exactly as {@code GET /orders/meta/use-cases} lists them. */
final class UseCases {

    static final List<String> ALL = List.of(
            "Unknown",
            "Adoption of regenerative ag",
            "Algae/Bacteria bloom",
            "Cover crop monitoring",
            "Drought Stress",
            "Yield Prediction");

    private UseCases() {}
}
