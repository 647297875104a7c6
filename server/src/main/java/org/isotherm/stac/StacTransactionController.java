package org.isotherm.stac;

import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.isotherm.auth.Caller;
import org.isotherm.auth.Role;
import org.isotherm.web.BadRequestException;
import org.isotherm.web.ConflictException;
import org.isotherm.web.ForbiddenException;
import org.isotherm.web.NotFoundException;
import org.isotherm.web.RequestTooLargeException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The STAC transaction extensions (items and collections) for the caller's own workspace, plus bulk loading.
 * Writers: the workspace's {@code ingest} role (processing chains), its admins, and operators; everyone else gets 403.
 * Operators also make their own collections public (demo data) through {@code /admin/stac/public-collections/{id}}.
 *
 * @see <a href="https://github.com/stac-api-extensions/transaction">Transaction extension</a>
 * @see <a href="https://github.com/stac-api-extensions/collection-transaction">Collection Transaction extension</a>
 */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "STAC transactions")
class StacTransactionController {

    static final int MAX_BULK_ITEMS = 100_000;
    private static final int VALIDATION_BATCH = 512;

    private final StacCollections collections;
    private final StacCatalogue catalogue;
    private final StacItemReader reader;
    private final StacSchemas schemas;
    private final StacDocuments documents;
    private final TransactionTemplate transactions;
    private final JsonMapper json;

    StacTransactionController(
            StacCollections collections,
            StacCatalogue catalogue,
            StacItemReader reader,
            StacSchemas schemas,
            StacDocuments documents,
            TransactionTemplate transactions,
            JsonMapper json) {
        this.collections = collections;
        this.catalogue = catalogue;
        this.reader = reader;
        this.schemas = schemas;
        this.documents = documents;
        this.transactions = transactions;
        this.json = json;
    }

    static Caller writer(Caller caller) {
        if (caller.role() != Role.INGEST && !caller.role().allows(Role.ADMIN)) {
            throw new ForbiddenException(
                    "Not enough permissions: writing to the catalogue needs the ingest or admin role");
        }
        return caller;
    }

    @PostMapping("/stac/collections")
    ResponseEntity<String> createCollection(@AuthenticationPrincipal Caller caller, @RequestBody JsonNode body) {
        writer(caller);
        var collection = collection(body, null);
        var id = collection.path("id").asString();
        if (!collections.insert(caller.workspaceId(), id, collection)) {
            throw new ConflictException("Collection " + id + " already exists (PUT replaces it)");
        }
        return written(HttpStatus.CREATED, caller, id);
    }

    @PutMapping("/stac/collections/{collectionId}")
    ResponseEntity<String> putCollection(
            @AuthenticationPrincipal Caller caller, @PathVariable String collectionId, @RequestBody JsonNode body) {
        writer(caller);
        var collection = collection(body, collectionId);
        // an upsert, as PUT of an item is
        boolean created = collections.upsert(caller.workspaceId(), collectionId, collection);
        return written(created ? HttpStatus.CREATED : HttpStatus.OK, caller, collectionId);
    }

    /**
     * Partial update as a JSON merge patch (RFC 7386) of the collection as GET shows it; the result must pass
     * exactly what a PUT body must pass. Like PUT, it cannot change links (built per request) or the extent (computed
     * from the items): patched values there must still be valid STAC, and are then dropped.
     *
     * @see <a href="https://github.com/stac-api-extensions/collection-transaction">Collection Transaction
     *     extension</a>
     */
    @PatchMapping(
            path = "/stac/collections/{collectionId}",
            consumes = {"application/merge-patch+json", MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<String> patchCollection(
            @AuthenticationPrincipal Caller caller, @PathVariable String collectionId, @RequestBody JsonNode patch) {
        writer(caller);
        // through the cache first: 404 before any lock, and the product collections exist once looked up
        collections.own(caller.workspaceId(), collectionId);
        requireMergePatch(patch);
        var links = StacLinks.current();
        transactions.executeWithoutResult(status -> {
            // the row lock serializes concurrent patches: each merges into what the one before it committed
            var current = documents.collection(collections.lockOwn(caller.workspaceId(), collectionId), links);
            collections.update(
                    caller.workspaceId(), collectionId, collection(mergePatch(current, patch), collectionId));
        });
        return written(HttpStatus.OK, caller, collectionId);
    }

    @DeleteMapping("/stac/collections/{collectionId}")
    ResponseEntity<Void> deleteCollection(@AuthenticationPrincipal Caller caller, @PathVariable String collectionId) {
        writer(caller);
        var collection = collections.own(caller.workspaceId(), collectionId);
        transactions.executeWithoutResult(status -> collections.delete(collection));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/admin/stac/public-collections/{collectionId}")
    ResponseEntity<String> publish(@AuthenticationPrincipal Caller caller, @PathVariable String collectionId) {
        caller.require(Role.OPERATOR);
        collections.setPublic(collections.own(caller.workspaceId(), collectionId), true);
        return written(HttpStatus.OK, caller, collectionId);
    }

    @DeleteMapping("/admin/stac/public-collections/{collectionId}")
    ResponseEntity<Void> unpublish(@AuthenticationPrincipal Caller caller, @PathVariable String collectionId) {
        caller.require(Role.OPERATOR);
        collections.setPublic(collections.own(caller.workspaceId(), collectionId), false);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/stac/collections/{collectionId}/items")
    ResponseEntity<String> createItem(
            @AuthenticationPrincipal Caller caller, @PathVariable String collectionId, @RequestBody JsonNode body) {
        writer(caller);
        var collection = collections.own(caller.workspaceId(), collectionId);
        if ("FeatureCollection".equals(body.path("type").asString(""))) {
            var loaded = bulk(
                    collection, featureIterator(body.path("features").values().iterator(), collectionId), false);
            return ResponseEntity.status(HttpStatus.CREATED)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(summary(collectionId, loaded.count(), "insert"));
        }
        var item = reader.read(body, collectionId, null);
        catalogue.store(collection, item, false);
        return itemResponse(HttpStatus.CREATED, collection, item.id());
    }

    @PutMapping("/stac/collections/{collectionId}/items/{itemId}")
    ResponseEntity<String> putItem(
            @AuthenticationPrincipal Caller caller,
            @PathVariable String collectionId,
            @PathVariable String itemId,
            @RequestBody JsonNode body) {
        writer(caller);
        var collection = collections.own(caller.workspaceId(), collectionId);
        var item = reader.read(body, collectionId, itemId);
        boolean created = catalogue.store(collection, item, true);
        return itemResponse(created ? HttpStatus.CREATED : HttpStatus.OK, collection, itemId);
    }

    /**
     * Partial update as a JSON merge patch (RFC 7386): members set to null are removed, objects merge, anything
     * else replaces. The result is validated like a new item.
     *
     * @see <a href="https://github.com/stac-api-extensions/transaction">STAC API Transaction extension</a>
     */
    @PatchMapping(
            path = "/stac/collections/{collectionId}/items/{itemId}",
            consumes = {"application/merge-patch+json", MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<String> patchItem(
            @AuthenticationPrincipal Caller caller,
            @PathVariable String collectionId,
            @PathVariable String itemId,
            @RequestBody JsonNode patch) {
        writer(caller);
        var collection = collections.own(caller.workspaceId(), collectionId);
        requireMergePatch(patch);
        catalogue.change(collection, itemId, stored -> {
            var current = (ObjectNode) json.readTree(stored.content());
            current.set("links", json.readTree(stored.links()));
            return reader.read(mergePatch(current, patch), collectionId, itemId);
        });
        return itemResponse(HttpStatus.OK, collection, itemId);
    }

    /**
     * A merge patch of a whole document must be an object: RFC 7386 would make any other value replace the document,
     * which for an item or collection is never valid.
     */
    private static void requireMergePatch(JsonNode patch) {
        if (!patch.isObject()) {
            throw new BadRequestException("A merge patch must be a JSON object (RFC 7386)");
        }
    }

    /** RFC 7386 applied to a copy of the target: null removes a member, objects merge, anything else replaces. */
    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        var result = target instanceof ObjectNode object ? object.deepCopy() : JsonNodeFactory.instance.objectNode();
        for (var member : patch.properties()) {
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), mergePatch(result.path(member.getKey()), member.getValue()));
            }
        }
        return result;
    }

    @DeleteMapping("/stac/collections/{collectionId}/items/{itemId}")
    ResponseEntity<Void> deleteItem(
            @AuthenticationPrincipal Caller caller, @PathVariable String collectionId, @PathVariable String itemId) {
        writer(caller);
        var collection = collections.own(caller.workspaceId(), collectionId);
        if (!catalogue.remove(collection, itemId)) {
            throw new NotFoundException("Item " + itemId + " not found in collection " + collectionId);
        }
        return ResponseEntity.noContent().build();
    }

    /**
     * Up to {@value #MAX_BULK_ITEMS} items as a GeoJSON FeatureCollection or newline-delimited JSON, streamed (never
     * held whole in memory), all or nothing. {@code method=upsert} replaces existing items; the default refuses
     * them (409).
     */
    @PostMapping(
            path = "/stac/collections/{collectionId}/bulk_items",
            consumes = {MediaType.ALL_VALUE})
    ResponseEntity<String> bulkItems(
            @AuthenticationPrincipal Caller caller,
            @PathVariable String collectionId,
            @RequestParam(defaultValue = "insert") String method,
            HttpServletRequest request)
            throws IOException {
        writer(caller);
        if (!method.equals("insert") && !method.equals("upsert")) {
            throw new BadRequestException("Invalid method " + method + ": use insert or upsert");
        }
        var collection = collections.own(caller.workspaceId(), collectionId);
        var contentType = request.getContentType() == null ? "" : request.getContentType();
        Iterator<JsonNode> nodes =
                contentType.contains("ndjson") || contentType.contains("x-ndjson") || contentType.contains("jsonl")
                        ? lines(new BufferedReader(new InputStreamReader(
                                new LineBoundedStream(request.getInputStream(), MAX_ITEM_BYTES),
                                StandardCharsets.UTF_8)))
                        : features(json.createParser(request.getInputStream()));
        var loaded = bulk(collection, featureIterator(nodes, collectionId), method.equals("upsert"));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(summary(collectionId, loaded.count(), method));
    }

    private StacItems.Loaded bulk(StacCollection collection, Iterator<StacItem> stream, boolean replace) {
        return catalogue.storeAll(collection, stream, replace, MAX_BULK_ITEMS);
    }

    private String summary(String collectionId, int count, String method) {
        var node = json.createObjectNode();
        node.put("collection", collectionId);
        node.put("method", method);
        node.put("count", count);
        return json.writeValueAsString(node);
    }

    /**
     * Reads items in batches, checking each batch in parallel: schema validation is most of a bulk load's CPU, and
     * the items of a batch are independent. Only one batch is held at a time.
     */
    private Iterator<StacItem> featureIterator(Iterator<JsonNode> nodes, String collectionId) {
        return new Iterator<>() {
            private Iterator<StacItem> batch = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                if (!batch.hasNext() && nodes.hasNext()) {
                    var read = new java.util.ArrayList<JsonNode>(VALIDATION_BATCH);
                    while (nodes.hasNext() && read.size() < VALIDATION_BATCH) {
                        read.add(nodes.next());
                    }
                    batch = read.parallelStream()
                            .map(node -> reader.read(node, collectionId, null))
                            .toList()
                            .iterator();
                }
                return batch.hasNext();
            }

            @Override
            public StacItem next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return batch.next();
            }
        };
    }

    /** The members of the top-level "features" array, one at a time. */
    private Iterator<JsonNode> features(JsonParser parser) {
        try {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new BadRequestException("Invalid bulk: expected a FeatureCollection or newline-delimited items");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                var name = parser.currentName();
                parser.nextToken();
                if (name.equals("features")) {
                    if (parser.currentToken() != JsonToken.START_ARRAY) {
                        throw new BadRequestException("Invalid bulk: features must be an array");
                    }
                    return new Iterator<>() {
                        JsonToken token = parser.nextToken();

                        @Override
                        public boolean hasNext() {
                            if (token == null) {
                                // a stream cut short must not pass for a complete load
                                throw new BadRequestException(
                                        "Invalid bulk: the body ends before the features array closes");
                            }
                            return token != JsonToken.END_ARRAY;
                        }

                        @Override
                        public JsonNode next() {
                            if (!hasNext()) {
                                throw new NoSuchElementException();
                            }
                            try {
                                JsonNode node = parser.readValueAsTree();
                                token = parser.nextToken();
                                return node;
                            } catch (tools.jackson.core.JacksonException e) {
                                throw new BadRequestException(
                                        "Invalid bulk: malformed JSON: " + e.getOriginalMessage());
                            }
                        }
                    };
                }
                parser.skipChildren();
            }
        } catch (tools.jackson.core.JacksonException e) {
            throw new BadRequestException("Invalid bulk: malformed JSON: " + e.getOriginalMessage());
        }
        throw new BadRequestException("Invalid bulk: a FeatureCollection needs a features array");
    }

    /**
     * One newline-delimited item at most; a delivery's item is a few kilobytes. Above it the load is refused with
     * 413 as the line streams in, before it is read whole.
     */
    static final int MAX_ITEM_BYTES = 16 * 1024 * 1024;

    /** Counts the bytes since the last newline and refuses a line above the limit. */
    static final class LineBoundedStream extends java.io.FilterInputStream {

        private final int limit;
        private int current;

        LineBoundedStream(java.io.InputStream in, int limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            for (int i = 0; i < n; i++) {
                count(b[off + i]);
            }
            return n;
        }

        private void count(byte b) {
            if (b == '\n') {
                current = 0;
            } else if (++current > limit) {
                throw new RequestTooLargeException();
            }
        }
    }

    private Iterator<JsonNode> lines(BufferedReader lines) {
        return new Iterator<>() {
            String line = advance();
            int number = 1;

            private String advance() {
                try {
                    String next;
                    do {
                        next = lines.readLine();
                    } while (next != null && next.isBlank());
                    return next;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public boolean hasNext() {
                return line != null;
            }

            @Override
            public JsonNode next() {
                if (line == null) {
                    throw new NoSuchElementException();
                }
                JsonNode node;
                try {
                    node = json.readTree(line);
                } catch (tools.jackson.core.JacksonException e) {
                    throw new BadRequestException("Invalid bulk: line " + number + " is not valid JSON");
                }
                line = advance();
                number++;
                return node;
            }
        };
    }

    /**
     * The body of a POST, PUT or merged PATCH checked against the STAC collection schema and made ready to store:
     * links and extent are dropped because they are built per request and computed from the items.
     */
    private ObjectNode collection(JsonNode body, String expectedId) {
        if (!(body instanceof ObjectNode node)) {
            throw new BadRequestException("Invalid collection: must be a JSON object");
        }
        if (expectedId != null && !node.has("id")) {
            // PUT and PATCH take the id from the path when the body leaves it out (Transaction extension)
            node.put("id", expectedId);
        }
        var id = node.path("id").asString("");
        if (id.isBlank() || id.contains("/") || id.length() > 256) {
            throw new BadRequestException("Invalid collection: id is required, at most 256 characters, without '/'");
        }
        if (expectedId != null && !expectedId.equals(id)) {
            throw new BadRequestException("Invalid collection: id does not match the path (" + expectedId + ")");
        }
        if (!node.has("type")) {
            node.put("type", "Collection");
        }
        if (!node.has("stac_version")) {
            node.put("stac_version", StacLinks.STAC_VERSION);
        }
        if (!node.has("links")) {
            node.putArray("links");
        }
        if (!node.has("extent")) {
            var extent = node.putObject("extent");
            extent.putObject("spatial")
                    .putArray("bbox")
                    .addArray()
                    .add(-180.0)
                    .add(-90.0)
                    .add(180.0)
                    .add(90.0);
            extent.putObject("temporal")
                    .putArray("interval")
                    .addArray()
                    .addNull()
                    .addNull();
        }
        var violation = schemas.firstViolation("collection", node);
        if (violation.isPresent()) {
            throw new BadRequestException(
                    "Invalid collection " + id + ": does not follow the STAC collection schema: " + violation.get());
        }
        node.remove("links");
        node.remove("extent");
        return node;
    }

    private ResponseEntity<String> written(HttpStatus status, Caller caller, String id) {
        var links = StacLinks.current();
        var body = documents.collection(collections.find(caller.workspaceId(), id), links);
        var response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
        if (status == HttpStatus.CREATED) {
            response.location(URI.create(links.collection(id)));
        }
        return response.body(json.writeValueAsString(body));
    }

    private ResponseEntity<String> itemResponse(HttpStatus status, StacCollection collection, String id) {
        var links = StacLinks.current();
        var response = ResponseEntity.status(status).contentType(StacController.GEOJSON);
        if (status == HttpStatus.CREATED) {
            response.location(URI.create(links.item(collection.id(), id)));
        }
        return response.body(documents.item(links, collection, id));
    }
}
