package org.isotherm.stac;

import java.util.List;
import org.isotherm.web.NotFoundException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Collections and items as the API serves them, from what is stored: links for the current request spliced in,
 * the extent from the items, and asset hrefs through {@link AssetLinks}. The one way out for every document, for the
 * read and the transaction endpoints alike.
 */
@Component
class StacDocuments {

    private final StacItems items;
    private final JsonMapper json;
    private final List<AssetLinks> assetLinks;

    StacDocuments(StacItems items, JsonMapper json, List<AssetLinks> assetLinks) {
        this.items = items;
        this.json = json;
        this.assetLinks = assetLinks;
    }

    /** A stored item as GET serves it. */
    String item(StacLinks links, StacCollection collection, String itemId) {
        var stored = items.find(collection.key(), itemId)
                .orElseThrow(
                        () -> new NotFoundException("Item " + itemId + " not found in collection " + collection.id()));
        return item(links, collection.id(), itemId, stored);
    }

    /**
     * The item's JSON. Without {@link AssetLinks} it is the stored text with links spliced in, never re-parsed: the
     * common path of a search.
     */
    String item(StacLinks links, String collectionId, String itemId, StacItems.Stored stored) {
        var content = assetLinks.isEmpty() ? stored.content() : withAssetLinks(collectionId, itemId, stored.content());
        return links.itemJson(collectionId, itemId, content, stored.links());
    }

    private String withAssetLinks(String collectionId, String itemId, String content) {
        var item = (ObjectNode) json.readTree(content);
        if (!(item.get("assets") instanceof ObjectNode assets)) {
            return content;
        }
        boolean changed = false;
        for (var asset : assets.properties()) {
            if (asset.getValue() instanceof ObjectNode node && node.path("href").isString()) {
                var stored = node.get("href").asString();
                var href = stored;
                for (var rewrite : assetLinks) {
                    href = rewrite.href(collectionId, itemId, asset.getKey(), href);
                }
                if (!href.equals(stored)) {
                    node.put("href", href);
                    changed = true;
                }
            }
        }
        // an item none of whose hrefs changed is served as stored, byte for byte
        return changed ? json.writeValueAsString(item) : content;
    }

    ObjectNode collection(StacCollection collection, StacLinks links) {
        var node = (ObjectNode) json.readTree(collection.content());
        node.put("id", collection.id());
        var extent = node.putObject("extent");
        var bbox = extent.putObject("spatial").putArray("bbox").addArray();
        var interval = extent.putObject("temporal").putArray("interval").addArray();
        if (collection.hasExtent()) {
            bbox.add(collection.minLon())
                    .add(collection.minLat())
                    .add(collection.maxLon())
                    .add(collection.maxLat());
            interval.add(collection.minDatetime().toString())
                    .add(collection.maxDatetime().toString());
        } else {
            bbox.add(-180.0).add(-90.0).add(180.0).add(90.0);
            interval.addNull().addNull();
        }
        var array = node.putArray("links");
        var href = links.collection(collection.id());
        var title = node.path("title").asString(collection.id());
        // titles on every link, as STAC's best practices (and stac-check) ask of catalogs and collections
        link(array, "self", StacLinks.JSON, href, title);
        link(array, "root", StacLinks.JSON, links.root, StacLinks.ROOT_TITLE);
        link(array, "parent", StacLinks.JSON, links.root, StacLinks.ROOT_TITLE);
        link(array, "items", StacLinks.GEOJSON, href + "/items", "Items of " + title);
        link(
                array,
                "http://www.opengis.net/def/rel/ogc/1.0/queryables",
                StacLinks.SCHEMA,
                href + "/queryables",
                "Queryables of " + title);
        return node;
    }

    String title(StacCollection collection) {
        return json.readTree(collection.content()).path("title").asString(collection.id());
    }

    static ObjectNode link(ArrayNode array, String rel, String type, String href, String title) {
        var link = array.addObject();
        link.put("rel", rel);
        link.put("type", type);
        link.put("href", href);
        if (title != null) {
            link.put("title", title);
        }
        return link;
    }
}
