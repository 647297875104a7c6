package org.isotherm.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What each operation answers beyond what springdoc reads from its signature: the success status of handlers that
 * build a {@code ResponseEntity} (springdoc assumes 200), the media type of handlers that write JSON text themselves,
 * and the errors the code behind the operation raises. Rules every operation shares (400 for a malformed request,
 * 406, 401/403 without credentials, 404 for an unknown path id, 422, 413/415 for a body, 500) are applied by
 * {@link OpenApiConfiguration} instead.
 *
 * <p>Kept in one place, by method and path rather than on the controllers, so that moving a handler between classes
 * does not lose its documentation; {@code DocumentedStatusesIT} fails when the test suite provokes a status that is
 * not listed here or by those rules, and {@code OpenApiDocumentIT} when an entry names no operation.
 */
final class DocumentedResponses {

    static final String JSON = "application/json";
    static final String GEOJSON = "application/geo+json";
    static final String SCHEMA_JSON = "application/schema+json";

    /** One operation: its success answers (replacing springdoc's) and its extra errors, status to description. */
    record Entry(Map<String, Success> successes, Map<String, String> errors) {

        Entry answers(int status, String description, @Nullable String mediaType, @Nullable String schema) {
            var more = new LinkedHashMap<>(successes);
            more.put(String.valueOf(status), new Success(description, mediaType, schema));
            return new Entry(more, errors);
        }

        Entry answers(int status, String description, @Nullable String mediaType) {
            return answers(status, description, mediaType, null);
        }

        Entry answers(int status, String description) {
            return answers(status, description, null, null);
        }

        Entry fails(int status, String description) {
            var more = new LinkedHashMap<>(errors);
            more.put(String.valueOf(status), description);
            return new Entry(successes, more);
        }
    }

    /**
     * @param mediaType the type the handler sets itself; null means JSON, and a 204 has no body whatever this says
     * @param schema the component schema of the body, {@code Name[]} for an array of them, where the handler's
     *     return type does not tell springdoc ({@code ResponseEntity<?>}); null keeps what springdoc found
     */
    record Success(
            String description,
            @Nullable String mediaType,
            @Nullable String schema) {}

    private static Entry on() {
        return new Entry(Map.of(), Map.of());
    }

    private static final String STAC_BAD_REQUEST = "Invalid parameter, filter or body (detail says which)";
    private static final String COLLECTION_NOT_FOUND = "No such collection visible to the caller";

    static final Map<String, Entry> BY_OPERATION = Map.ofEntries(
            // authentication and accounts
            Map.entry("POST /token", on().fails(400, "Malformed form body").fails(422, "A form field is missing")),
            // areas of interest
            Map.entry(
                    "POST /areas-of-interest",
                    on().answers(201, "Created", JSON, "AoiResponse")
                            .fails(400, "Invalid geometry (self-intersecting, too large...)")
                            .fails(409, "An area of interest of that name exists in the workspace")),
            Map.entry("POST /areas-of-interest/geometry-info", on().fails(400, "Invalid geometry")),
            Map.entry(
                    "POST /areas-of-interest/convert",
                    on().fails(400, "Unreadable, malformed or unsupported area file")),
            Map.entry(
                    "DELETE /areas-of-interest/{area_of_interest_id}",
                    on().fails(409, "Unfinished orders use this area of interest")),
            // orders
            Map.entry(
                    "POST /orders/batch",
                    on().answers(201, "Created, in the order of the request", JSON, "OrderView[]")
                            .fails(400, "An order breaks its product's rules; nothing is created")
                            .fails(404, "Unknown area of interest or product")),
            Map.entry("PATCH /orders/{order_id}", on().fails(409, "The order can no longer be changed")),
            Map.entry("DELETE /orders/{order_id}", on().fails(409, "Only an order in initial_state can be deleted")),
            Map.entry("POST /orders/{order_id}/cancel", on().fails(409, "The order can no longer be cancelled")),
            Map.entry("POST /admin/orders/{id}/approve", on().fails(409, "The order is not in initial_state")),
            Map.entry("POST /admin/orders/{id}/reject", on().fails(409, "The order is not in initial_state")),
            Map.entry("PATCH /admin/products/{name}", on().fails(400, "Contradictory rules")),
            // STAC
            Map.entry("GET /stac", on().answers(200, "The landing page", JSON)),
            Map.entry("GET /stac/", on().answers(200, "The landing page", JSON)),
            Map.entry("GET /stac/conformance", on().answers(200, "The conformance classes", JSON)),
            Map.entry("GET /stac/queryables", on().answers(200, "Queryables of all collections", SCHEMA_JSON)),
            Map.entry(
                    "GET /stac/collections",
                    on().answers(200, "The collections visible to the caller", JSON)
                            .fails(400, STAC_BAD_REQUEST)),
            Map.entry(
                    "POST /stac/collections",
                    on().answers(201, "Created", JSON)
                            .fails(400, STAC_BAD_REQUEST)
                            .fails(409, "A collection of that id exists (PUT replaces it)")),
            Map.entry(
                    "GET /stac/collections/{collectionId}",
                    on().answers(200, "The collection", JSON).fails(404, COLLECTION_NOT_FOUND)),
            Map.entry(
                    "PUT /stac/collections/{collectionId}",
                    on().answers(200, "Replaced", JSON)
                            .answers(201, "Created", JSON)
                            .fails(400, STAC_BAD_REQUEST)),
            Map.entry(
                    "PATCH /stac/collections/{collectionId}",
                    on().answers(200, "Patched", JSON).fails(400, STAC_BAD_REQUEST)),
            Map.entry("DELETE /stac/collections/{collectionId}", on().answers(204, "Deleted, with its items")),
            Map.entry(
                    "GET /stac/collections/{collectionId}/queryables",
                    on().answers(200, "The collection's queryables", SCHEMA_JSON)),
            Map.entry(
                    "GET /stac/collections/{collectionId}/items",
                    on().answers(200, "A page of the collection's items", GEOJSON)
                            .fails(400, STAC_BAD_REQUEST)),
            Map.entry(
                    "POST /stac/collections/{collectionId}/items",
                    on().answers(201, "Created: the item, or a summary for a FeatureCollection", GEOJSON)
                            .fails(400, STAC_BAD_REQUEST)
                            .fails(409, "An item of that id exists (PUT replaces it)")),
            Map.entry(
                    "POST /stac/collections/{collectionId}/bulk_items",
                    on().answers(200, "Loaded: a summary with the count", JSON)
                            .fails(400, STAC_BAD_REQUEST)
                            .fails(409, "An item exists and method is insert; nothing is loaded")
                            .fails(413, "The body, or one newline-delimited item (16 MB), is above its limit")),
            Map.entry("GET /stac/collections/{collectionId}/items/{itemId}", on().answers(200, "The item", GEOJSON)),
            Map.entry(
                    "PUT /stac/collections/{collectionId}/items/{itemId}",
                    on().answers(200, "Replaced", GEOJSON)
                            .answers(201, "Created", GEOJSON)
                            .fails(400, STAC_BAD_REQUEST)),
            Map.entry(
                    "PATCH /stac/collections/{collectionId}/items/{itemId}",
                    on().answers(200, "Patched", GEOJSON).fails(400, STAC_BAD_REQUEST)),
            Map.entry("DELETE /stac/collections/{collectionId}/items/{itemId}", on().answers(204, "Deleted")),
            Map.entry(
                    "GET /stac/search",
                    on().answers(200, "A page of matching items", GEOJSON).fails(400, STAC_BAD_REQUEST)),
            Map.entry(
                    "POST /stac/search",
                    on().answers(200, "A page of matching items", GEOJSON).fails(400, STAC_BAD_REQUEST)),
            Map.entry(
                    "PUT /admin/stac/public-collections/{collectionId}",
                    on().answers(200, "Published: the collection", JSON)),
            Map.entry("DELETE /admin/stac/public-collections/{collectionId}", on().answers(204, "Unpublished")));

    /** Operations the caller reaches without credentials: no 401/403, no security requirement. */
    static final List<String> PUBLIC_PREFIXES = List.of("/token", "/auth/");

    private DocumentedResponses() {}
}
