package org.isotherm.stac;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Absolute links for one request, built from its scheme, host and prefix (X-Forwarded-* honoured through the
 * framework's forwarded-header filter), so that clients behind any proxy follow them as they are.
 */
final class StacLinks {

    static final String GEOJSON = "application/geo+json";
    static final String JSON = "application/json";
    static final String SCHEMA = "application/schema+json";
    /** The STAC version of every document the server writes, and of those sent without one. */
    static final String STAC_VERSION = "1.1.0";
    /** The landing page's title, which links to it carry. */
    static final String ROOT_TITLE = "Isotherm STAC API";

    final String root;

    private StacLinks(String root) {
        this.root = root;
    }

    static StacLinks current() {
        return new StacLinks(
                ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() + "/stac");
    }

    /**
     * The current request's URL with its query encoded anew, for self and paging links ({@code build(true)}): a
     * client may send raw what a URL must encode ({@code =} inside a value, say), which would not pass as encoded.
     */
    static UriComponentsBuilder currentRequest() {
        var builder = ServletUriComponentsBuilder.fromCurrentRequestUri();
        var request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        request.getParameterMap().forEach((name, values) -> {
            for (var value : values) {
                builder.queryParam(
                        UriUtils.encodeQueryParam(name, StandardCharsets.UTF_8),
                        UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8));
            }
        });
        return builder;
    }

    String collection(String id) {
        return root + "/collections/" + segment(id);
    }

    String item(String collection, String id) {
        return collection(collection) + "/items/" + segment(id);
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A link object as JSON text; values are escaped. */
    static String link(String rel, String type, String href) {
        return "{\"rel\":" + quote(rel) + ",\"type\":" + quote(type) + ",\"href\":" + quote(href) + "}";
    }

    static String quote(String text) {
        var out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** The item's JSON with its links: self, parent, collection, root, then the stored ones. */
    String itemJson(String collection, String id, String content, String storedLinks) {
        var collectionHref = collection(collection);
        var out = new StringBuilder(content.length() + 512);
        out.append("{\"links\":[")
                .append(link("self", GEOJSON, collectionHref + "/items/" + segment(id)))
                .append(',')
                .append(link("parent", JSON, collectionHref))
                .append(',')
                .append(link("collection", JSON, collectionHref))
                .append(',')
                .append(link("root", JSON, root));
        if (storedLinks.length() > 2) {
            out.append(',').append(storedLinks, 1, storedLinks.length() - 1);
        }
        out.append("],").append(content, 1, content.length());
        return out.toString();
    }
}
