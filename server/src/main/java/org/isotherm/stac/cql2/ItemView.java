package org.isotherm.stac.cql2;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * An item as {@link Cql2Evaluator} sees it. A property named {@code geometry} is {@link #geometry()}; {@code
 * datetime} in temporal predicates is the interval [{@link #start()}, {@link #end()}]; every other property is
 * read from {@link #properties()} by its name (put top-level fields a filter may name, such as {@code id} or
 * {@code collection}, in there too). Missing values and JSON null are unknown, as SQL NULL.
 */
public record ItemView(
        JsonNode properties,
        @Nullable Geometry geometry,
        @Nullable Instant start,
        @Nullable Instant end) {

    /** An item without properties, used to evaluate constant predicates. */
    public static final ItemView EMPTY = new ItemView(JsonNodeFactory.instance.objectNode(), null, null, null);
}
