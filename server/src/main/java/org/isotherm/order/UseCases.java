package org.isotherm.order;

import java.util.List;

/** The guide's order use cases, exactly as {@code GET /orders/meta/use-cases} lists them. */
final class UseCases {

    /** The use case of a batch that names none. */
    static final String UNKNOWN = "Unknown";

    static final List<String> ALL = List.of(
            UNKNOWN,
            "Adoption of regenerative ag",
            "Algae/Bacteria bloom",
            "Cover crop monitoring",
            "Drought Stress",
            "Yield Prediction");

    private UseCases() {}
}
