package org.isotherm.stac;

import java.util.List;
import java.util.function.Predicate;
import org.isotherm.web.BadRequestException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/** Turns a search's CQL2 filter into SQL over the item table plus the exact Java check where SQL cannot decide. */
@Component
class SearchFilters {

    ItemSearch.Filter itemFilter(SearchRequest request, List<SpatialConstraint> spatial) {
        if (request.filter() == null) {
            return ItemSearch.Filter.NONE;
        }
        throw new BadRequestException("Invalid filter: CQL2 filters are not supported yet");
    }

    Predicate<ObjectNode> collectionFilter(@Nullable String filter, @Nullable String lang) {
        if (filter == null) {
            return node -> true;
        }
        throw new BadRequestException("Invalid filter: CQL2 filters are not supported yet");
    }
}
