package org.isotherm.stac;

import java.util.Comparator;
import org.isotherm.web.BadRequestException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Collection search on {@code GET /stac/collections}: a workspace sees a handful of collections, so the
 * parameters are applied in memory over the visible ones.
 *
 * @see <a href="https://github.com/stac-api-extensions/collection-search">Collection search</a>
 */
final class CollectionSearch {

    private CollectionSearch() {}

    /** Whether the collection's extent overlaps the bbox; a collection without items has none and never does. */
    static boolean overlaps(StacCollection collection, double[] bbox) {
        if (!collection.hasExtent()) {
            return false;
        }
        int dims = bbox.length / 2;
        double minX = bbox[0];
        double maxX = bbox[dims];
        boolean lon = minX <= maxX
                ? collection.minLon() <= maxX && collection.maxLon() >= minX
                : collection.maxLon() >= minX || collection.minLon() <= maxX;
        return lon && collection.minLat() <= bbox[dims + 1] && collection.maxLat() >= bbox[1];
    }

    static boolean overlaps(StacCollection collection, SearchParameters.Interval interval) {
        if (!collection.hasExtent()) {
            return false;
        }
        return (interval.end() == null || !collection.minDatetime().isAfter(interval.end()))
                && (interval.start() == null || !collection.maxDatetime().isBefore(interval.start()));
    }

    static @Nullable Comparator<ObjectNode> order(@Nullable String sortby) {
        if (sortby == null || sortby.isBlank()) {
            return null;
        }
        Comparator<ObjectNode> order = null;
        for (var part : sortby.split(",")) {
            var field = part.strip();
            boolean descending = field.startsWith("-");
            if (field.startsWith("-") || field.startsWith("+")) {
                field = field.substring(1);
            }
            if (!field.equals("id") && !field.equals("title")) {
                throw new BadRequestException("Invalid sortby: collections can be sorted by id or title");
            }
            var name = field;
            Comparator<ObjectNode> next = Comparator.comparing(n -> n.path(name).asString(""));
            if (descending) {
                next = next.reversed();
            }
            order = order == null ? next : order.thenComparing(next);
        }
        return order;
    }
}
