package org.isotherm.stac;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.isotherm.auth.Caller;
import org.isotherm.auth.Role;
import org.isotherm.web.BadRequestException;
import org.isotherm.web.ClientConnection;
import org.isotherm.web.OpenApiMediaTypeFilter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The read side of the STAC API: landing page, conformance, collections (with collection search), items, item
 * search (GET and POST) and queryables. Item JSON is streamed as stored, links spliced in, never re-parsed on the
 * common path.
 *
 * @see <a href="https://github.com/radiantearth/stac-api-spec/tree/v1.0.0">STAC API 1.0.0</a>
 */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "STAC")
@RequestMapping("/stac")
class StacController {

    static final MediaType GEOJSON = MediaType.parseMediaType(StacLinks.GEOJSON);
    static final MediaType SCHEMA = MediaType.parseMediaType(StacLinks.SCHEMA);
    static final MediaType OPENAPI = MediaType.parseMediaType(OpenApiMediaTypeFilter.MEDIA_TYPE);

    private final StacCollections collections;
    private final ItemSearch search;
    private final SearchFilters filters;
    private final StacDocuments documents;
    private final JsonMapper json;

    StacController(
            StacCollections collections,
            ItemSearch search,
            SearchFilters filters,
            StacDocuments documents,
            JsonMapper json) {
        this.collections = collections;
        this.search = search;
        this.filters = filters;
        this.documents = documents;
        this.json = json;
    }

    @GetMapping({"", "/"})
    ResponseEntity<String> landing(@AuthenticationPrincipal Caller caller) {
        caller.require(Role.VIEWER);
        var links = StacLinks.current();
        var page = json.createObjectNode();
        page.put("type", "Catalog");
        page.put("id", "isotherm-stacapi");
        page.put("title", StacLinks.ROOT_TITLE);
        page.put("description", "Isotherm STAC API: land-surface-temperature deliveries of this workspace");
        page.put("stac_version", StacLinks.STAC_VERSION);
        page.putArray("stac_extensions");
        var conformsTo = page.putArray("conformsTo");
        Conformance.CLASSES.forEach(conformsTo::add);
        var array = page.putArray("links");
        StacDocuments.link(array, "self", StacLinks.JSON, links.root, "This document");
        StacDocuments.link(array, "root", StacLinks.JSON, links.root, StacLinks.ROOT_TITLE);
        StacDocuments.link(
                array, "data", StacLinks.JSON, links.root + "/collections", "Collections available for this Catalog");
        StacDocuments.link(
                array, "conformance", StacLinks.JSON, links.root + "/conformance", "STAC/OGC conformance classes");
        StacDocuments.link(array, "search", StacLinks.GEOJSON, links.root + "/search", "STAC search")
                .put("method", "GET");
        StacDocuments.link(array, "search", StacLinks.GEOJSON, links.root + "/search", "STAC search")
                .put("method", "POST");
        var host = links.root.substring(0, links.root.length() - "/stac".length());
        StacDocuments.link(
                array, "service-desc", OPENAPI.toString(), host + "/openapi.json", "OpenAPI service description");
        StacDocuments.link(array, "service-doc", "text/html", host + "/docs", "OpenAPI service documentation");
        StacDocuments.link(
                array,
                "http://www.opengis.net/def/rel/ogc/1.0/queryables",
                SCHEMA.toString(),
                links.root + "/queryables",
                "Queryables");
        for (var collection : collections.visible(caller.workspaceId())) {
            StacDocuments.link(
                    array, "child", StacLinks.JSON, links.collection(collection.id()), documents.title(collection));
        }
        return json(page);
    }

    @GetMapping("/conformance")
    ResponseEntity<String> conformance(@AuthenticationPrincipal Caller caller) {
        caller.require(Role.VIEWER);
        var node = json.createObjectNode();
        var conformsTo = node.putArray("conformsTo");
        Conformance.CLASSES.forEach(conformsTo::add);
        return json(node);
    }

    @GetMapping("/collections")
    ResponseEntity<String> collections(
            @AuthenticationPrincipal Caller caller, @RequestParam Map<String, String> query) {
        caller.require(Role.VIEWER);
        var links = StacLinks.current();
        int limit = SearchParameters.limit(query.get("limit"));
        int offset = offset(query.get("offset"));
        var bbox = query.containsKey("bbox") ? SearchParameters.bbox(numbers(query.get("bbox"))) : null;
        var interval = query.containsKey("datetime") ? SearchParameters.datetime(query.get("datetime")) : null;
        var matcher = filters.collectionFilter(query.get("filter"), query.get("filter-lang"));
        var matching = new ArrayList<ObjectNode>();
        for (var collection : collections.visible(caller.workspaceId())) {
            var node = documents.collection(collection, links);
            if (bbox != null && !CollectionSearch.overlaps(collection, bbox)) {
                continue;
            }
            if (interval != null && !CollectionSearch.overlaps(collection, interval)) {
                continue;
            }
            if (!matcher.test(node)) {
                continue;
            }
            matching.add(node);
        }
        var order = CollectionSearch.order(query.get("sortby"));
        if (order != null) {
            matching.sort(order);
        }
        var page = matching.subList(Math.min(offset, matching.size()), Math.min(offset + limit, matching.size()));
        var body = json.createObjectNode();
        var array = body.putArray("collections");
        page.forEach(array::add);
        var linkArray = body.putArray("links");
        StacDocuments.link(linkArray, "root", StacLinks.JSON, links.root, null);
        StacDocuments.link(linkArray, "parent", StacLinks.JSON, links.root, null);
        var self = StacLinks.currentRequest();
        StacDocuments.link(linkArray, "self", StacLinks.JSON, self.build(true).toUriString(), null);
        if (offset + limit < matching.size()) {
            StacDocuments.link(
                    linkArray,
                    "next",
                    StacLinks.JSON,
                    self.cloneBuilder()
                            .replaceQueryParam("offset", offset + limit)
                            .build(true)
                            .toUriString(),
                    null);
        }
        if (offset > 0) {
            StacDocuments.link(
                    linkArray,
                    "prev",
                    StacLinks.JSON,
                    self.replaceQueryParam("offset", Math.max(0, offset - limit))
                            .toUriString(),
                    null);
        }
        body.put("numberMatched", matching.size());
        body.put("numberReturned", page.size());
        return json(body);
    }

    @GetMapping("/collections/{collectionId}")
    ResponseEntity<String> collection(@AuthenticationPrincipal Caller caller, @PathVariable String collectionId) {
        caller.require(Role.VIEWER);
        return json(documents.collection(collections.find(caller.workspaceId(), collectionId), StacLinks.current()));
    }

    @GetMapping("/collections/{collectionId}/items/{itemId}")
    ResponseEntity<String> item(
            @AuthenticationPrincipal Caller caller, @PathVariable String collectionId, @PathVariable String itemId) {
        caller.require(Role.VIEWER);
        var collection = collections.find(caller.workspaceId(), collectionId);
        return ResponseEntity.ok().contentType(GEOJSON).body(documents.item(StacLinks.current(), collection, itemId));
    }

    @GetMapping("/collections/{collectionId}/items")
    ResponseEntity<String> items(
            @AuthenticationPrincipal Caller caller,
            @PathVariable String collectionId,
            @RequestParam Map<String, String> query) {
        caller.require(Role.VIEWER);
        var collection = collections.find(caller.workspaceId(), collectionId);
        var request = SearchParameters.fromQuery(query, json, collectionId);
        return itemCollection(caller, request, List.of(collection), null);
    }

    @GetMapping("/search")
    ResponseEntity<String> searchGet(@AuthenticationPrincipal Caller caller, @RequestParam Map<String, String> query) {
        caller.require(Role.VIEWER);
        var request = SearchParameters.fromQuery(query, json, null);
        return itemCollection(caller, request, resolve(caller, request), null);
    }

    @PostMapping("/search")
    ResponseEntity<String> searchPost(@AuthenticationPrincipal Caller caller, @RequestBody JsonNode body) {
        caller.require(Role.VIEWER);
        var request = SearchParameters.fromBody(body);
        return itemCollection(caller, request, resolve(caller, request), (ObjectNode) body);
    }

    @GetMapping("/queryables")
    ResponseEntity<String> queryables(@AuthenticationPrincipal Caller caller) {
        caller.require(Role.VIEWER);
        var links = StacLinks.current();
        return ResponseEntity.ok()
                .contentType(SCHEMA)
                .body(json.writeValueAsString(Queryables.schema(json, links.root + "/queryables")));
    }

    @GetMapping("/collections/{collectionId}/queryables")
    ResponseEntity<String> collectionQueryables(
            @AuthenticationPrincipal Caller caller, @PathVariable String collectionId) {
        caller.require(Role.VIEWER);
        collections.find(caller.workspaceId(), collectionId);
        var links = StacLinks.current();
        return ResponseEntity.ok()
                .contentType(SCHEMA)
                .body(json.writeValueAsString(Queryables.schema(json, links.collection(collectionId) + "/queryables")));
    }

    /** Whose turn a search takes: anonymous readers share one workspace's turns, address by address. */
    private static SearchGate.Owner owner(Caller caller, HttpServletRequest http) {
        Object member = caller.apiKeyId() != null
                ? caller.apiKeyId()
                : caller == Caller.ANONYMOUS ? http.getRemoteAddr() : caller.userId();
        return new SearchGate.Owner(caller.workspaceId(), member);
    }

    /** The collections a search covers: the ones named (unknown names match nothing), or every visible one. */
    private List<StacCollection> resolve(Caller caller, SearchRequest request) {
        var visible = collections.visible(caller.workspaceId());
        if (request.collections() == null) {
            return visible;
        }
        return visible.stream()
                .filter(c -> request.collections().contains(c.id()))
                .toList();
    }

    private ResponseEntity<String> itemCollection(
            Caller caller, SearchRequest request, List<StacCollection> scope, ObjectNode postBody) {
        var links = StacLinks.current();
        var spatial = new ArrayList<SpatialConstraint>();
        if (request.bbox() != null) {
            spatial.add(SpatialConstraint.bbox(request.bbox()));
        }
        if (request.intersects() != null) {
            spatial.add(SpatialConstraint.of(request.intersects()));
        }
        var filter = filters.itemFilter(request, spatial);
        var http = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        var page = search.search(request, scope, spatial, filter, owner(caller, http), ClientConnection.closed(http));
        var names = ItemSearch.byKey(scope);
        var out = new StringBuilder(256 + page.rows().size() * 1500);
        out.append("{\"type\":\"FeatureCollection\",\"features\":[");
        boolean first = true;
        for (var row : page.rows()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            var text = documents.item(
                    links,
                    names.get(row.collectionKey()).id(),
                    row.id(),
                    new StacItems.Stored(row.content(), row.links()));
            out.append(request.fields() == null ? text : Fields.apply(json, text, request.fields()));
        }
        out.append("],\"links\":[");
        var self = StacLinks.currentRequest();
        out.append(StacLinks.link("root", StacLinks.JSON, links.root));
        if (postBody == null) {
            out.append(',')
                    .append(StacLinks.link(
                            "self", StacLinks.GEOJSON, self.build(true).toUriString()));
            if (page.next() != null) {
                out.append(',')
                        .append(StacLinks.link(
                                "next",
                                StacLinks.GEOJSON,
                                self.cloneBuilder()
                                        .replaceQueryParam("token", page.next())
                                        .build(true)
                                        .toUriString()));
            }
            if (page.previous() != null) {
                out.append(',')
                        .append(StacLinks.link(
                                "prev",
                                StacLinks.GEOJSON,
                                self.cloneBuilder()
                                        .replaceQueryParam("token", page.previous())
                                        .build(true)
                                        .toUriString()));
            }
        } else {
            var href = links.root + "/search";
            out.append(',').append(StacLinks.link("self", StacLinks.GEOJSON, href));
            if (page.next() != null) {
                out.append(',').append(postLink("next", href, postBody, page.next()));
            }
            if (page.previous() != null) {
                out.append(',').append(postLink("prev", href, postBody, page.previous()));
            }
        }
        out.append("],\"numberMatched\":")
                .append(page.matched())
                .append(",\"numberReturned\":")
                .append(page.rows().size())
                .append('}');
        return ResponseEntity.ok().contentType(GEOJSON).body(out.toString());
    }

    /** A POST paging link: the complete next request body, which clients send again as it is. */
    private String postLink(String rel, String href, ObjectNode body, String token) {
        var next = body.deepCopy();
        next.put("token", token);
        var link = json.createObjectNode();
        link.put("rel", rel);
        link.put("type", StacLinks.GEOJSON);
        link.put("href", href);
        link.put("method", "POST");
        link.put("merge", false);
        link.set("body", next);
        return json.writeValueAsString(link);
    }

    private ResponseEntity<String> json(JsonNode node) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(node));
    }

    private static int offset(String value) {
        if (value == null || value.isEmpty()) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(value.strip());
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new BadRequestException("Invalid offset: must be an integer of 0 or more");
    }

    private static double[] numbers(String csv) {
        var parts = csv.split(",", -1);
        var values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                values[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new BadRequestException("Invalid bbox: " + csv + " is not a list of numbers");
            }
        }
        return values;
    }
}
