package org.isotherm.stac;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.isotherm.auth.Role;
import org.isotherm.support.Fixtures.TestWorkspace;
import org.isotherm.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Sort, fields, filter, queryables, conformance and paging details of item search. */
class StacSearchFeaturesIT extends IntegrationTest {

    private static final Instant T = Instant.parse("2025-06-01T00:00:00Z");

    @Autowired
    StacSchemas schemas;

    private TestWorkspace seeded() {
        var ws = fixtures.workspace();
        var http = fixtures.http().apiKey(fixtures.apiKey(ws.admin, Role.INGEST));
        var lines = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            var item = TestItems.box("s" + i, 10 + i, 40, 10.5 + i, 40.5, T.plusSeconds(86400L * i), 10 * i);
            if (i % 2 == 0) {
                item = item.replace("\"platform\":\"sba01\"", "\"platform\":\"sba01\",\"order:id\":\"order-7\"");
            }
            lines.append(item.replace("\n", "")).append('\n');
        }
        var response = http.send(
                "POST",
                "/stac/collections/lstprecision/bulk_items",
                "application/x-ndjson",
                lines.toString().getBytes());
        assertThat(response.status()).isEqualTo(200);
        return ws;
    }

    private static List<String> ids(JsonNode page) {
        assertThat(page.has("features")).as(page.toString()).isTrue();
        var ids = new ArrayList<String>();
        page.get("features").forEach(f -> ids.add(f.get("id").asString()));
        return ids;
    }

    @Test
    void sortsByAnyForm() {
        var http = seeded().http();
        assertThat(ids(http.get("/stac/search?sortby=properties.datetime").json()))
                .containsExactly("s0", "s1", "s2", "s3", "s4", "s5");
        assertThat(ids(http.get("/stac/search?sortby=-eo:cloud_cover").json()))
                .containsExactly("s5", "s4", "s3", "s2", "s1", "s0");
        assertThat(ids(http.post(
                                "/stac/search",
                                "{\"sortby\":[{\"field\":\"properties.eo:cloud_cover\",\"direction\":\"asc\"}],\"limit\":2}")
                        .json()))
                .containsExactly("s0", "s1");
    }

    @Test
    void filtersOnTheOrderIdTheVendorClientsUse() {
        var http = seeded().http();
        var page = http.post(
                        "/stac/search",
                        "{\"filter-lang\":\"cql2-json\",\"filter\":{\"op\":\"eq\",\"args\":[{\"property\":\"order:id\"},"
                                + "\"order-7\"]},\"sortby\":[{\"field\":\"datetime\",\"direction\":\"desc\"}]}")
                .json();
        assertThat(ids(page)).containsExactly("s4", "s2", "s0");
        assertThat(page.get("numberMatched").asInt()).isEqualTo(3);
        assertThat(ids(http.get("/stac/search?filter=eo:cloud_cover%20%3E%3D%2030%20AND%20platform%3D'sba01'"
                                + "&sortby=id")
                        .json()))
                .containsExactly("s3", "s4", "s5");
        // items are open documents: a property no item carries matches nothing
        var unknown = http.get("/stac/search?filter=colour%3D'red'");
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(ids(unknown.json())).isEmpty();
        assertThat(http.get("/stac/search?filter=x%3D1&filter-crs=EPSG:4326").status())
                .isEqualTo(400);
        assertThat(http.get("/stac/search?filter=id%3D'a'&filter-lang=sql").status())
                .isEqualTo(400);
    }

    @Test
    void rechecksSpatialFiltersOnPrefixedPropertyNames() {
        var http = seeded().http();
        // a pentagon, so the spatial part needs the exact Java recheck, which must know properties.eo:cloud_cover
        var filter = "properties.eo:cloud_cover >= 20 AND s_within(geometry, "
                + "POLYGON((11.9 39.9, 13.6 39.9, 13.6 40.6, 11.9 40.6, 11.5 40.25, 11.9 39.9)))";

        var page = http.get("/stac/search?sortby=id&filter="
                        + java.net.URLEncoder.encode(filter, java.nio.charset.StandardCharsets.UTF_8))
                .json();

        assertThat(ids(page)).containsExactly("s2", "s3");
        assertThat(page.get("numberMatched").asInt()).isEqualTo(2);
    }

    @Test
    void returnsOnlyTheRequestedFields() {
        var http = seeded().http();
        var feature = http.post(
                        "/stac/search",
                        "{\"ids\":[\"s1\"],\"fields\":{\"include\":[\"properties.datetime\"],\"exclude\":[\"links\"]}}")
                .json()
                .get("features")
                .get(0);
        assertThat(feature.has("assets")).isFalse();
        assertThat(feature.at("/properties/datetime").asString()).isEqualTo("2025-06-02T00:00:00Z");
        assertThat(feature.at("/properties/gsd").isMissingNode()).isTrue();
        var excluded = http.get("/stac/search?ids=s1&fields=-assets")
                .json()
                .get("features")
                .get(0);
        assertThat(excluded.has("assets")).isFalse();
        assertThat(excluded.has("geometry")).isTrue();
    }

    @Test
    void itemCollectionsFollowTheItemSchemaAndLinkBothWays() {
        var http = seeded().http();
        var first = http.get("/stac/search?limit=2&bbox=9,39,20,41");
        assertThat(first.header("Content-Type")).startsWith("application/geo+json");
        var page = first.json();
        assertThat(page.get("numberMatched").asInt()).isEqualTo(6);
        assertThat(page.get("numberReturned").asInt()).isEqualTo(2);
        for (var feature : page.get("features")) {
            assertThat(schemas.firstViolation("item", feature)).isEmpty();
        }
        var second = http.get(link(page, "next")).json();
        assertThat(ids(second)).containsExactly("s3", "s2");
        var back = http.get(link(second, "prev")).json();
        assertThat(ids(back)).containsExactly("s5", "s4");
        assertThat(ids(http.get("/stac/search?bbox=170,39,10.2,41").json())).containsExactly("s0");
        assertThat(http.get("/stac/search?limit=20000").status()).isEqualTo(200);
    }

    @Test
    void pagesBothWaysThroughSortKeysOfMixedDirections() {
        var http = seeded().http();
        // the even items carry order-7, the odd ones none: page 2 crosses from one order:id to the other
        var first = http.get("/stac/search?limit=2&sortby=-order:id,datetime").json();
        assertThat(ids(first)).containsExactly("s0", "s2");
        var second = http.get(link(first, "next")).json();
        assertThat(ids(second)).containsExactly("s4", "s1");
        var third = http.get(link(second, "next")).json();
        assertThat(ids(third)).containsExactly("s3", "s5");
        assertThat(ids(http.get(link(third, "prev")).json())).containsExactly("s4", "s1");
        assertThat(ids(http.get(link(second, "prev")).json())).containsExactly("s0", "s2");
    }

    @Test
    void servesQueryablesAndConformance() {
        var ws = seeded();
        var queryables = ws.http().get("/stac/queryables");
        assertThat(queryables.header("Content-Type")).startsWith("application/schema+json");
        assertThat(queryables.json().get("properties").propertyNames())
                .contains("id", "collection", "datetime", "geometry", "eo:cloud_cover", "order:id", "platform");
        assertThat(ws.http().get("/stac/collections/lstzoom/queryables").status())
                .isEqualTo(200);
        assertThat(ws.http().get("/stac/collections/nope/queryables").status()).isEqualTo(404);
        var conformance =
                ws.http().get("/stac/conformance").json().get("conformsTo").toString();
        assertThat(conformance)
                .contains(
                        "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
                        "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
                        "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
                        "https://api.stacspec.org/v1.0.0/ogcapi-features#sort");
    }

    @Test
    void searchesCollections() {
        var ws = seeded();
        var http = ws.http();
        var page = http.get("/stac/collections?limit=1&offset=0&sortby=-id").json();
        assertThat(page.get("collections").get(0).get("id").asString()).isEqualTo("lstzoom");
        assertThat(page.get("numberMatched").asInt()).isEqualTo(3);
        assertThat(link(page, "next")).contains("offset=1");
        var bbox = http.get("/stac/collections?bbox=9,39,20,41").json();
        assertThat(bbox.get("numberMatched").asInt()).isEqualTo(1);
        var filtered = http.get("/stac/collections?filter=id%3D'lstfusion'").json();
        assertThat(filtered.get("collections").get(0).get("id").asString()).isEqualTo("lstfusion");
        assertThat(http.get("/stac/collections?datetime=nonsense").status()).isEqualTo(400);
    }

    @Test
    void anonymousCallersAreRefused() {
        assertThat(http().get("/stac/search").status()).isEqualTo(401);
    }

    private static String link(JsonNode page, String rel) {
        for (var link : page.get("links")) {
            if (link.get("rel").asString().equals(rel)) {
                return link.get("href").asString();
            }
        }
        throw new AssertionError("no " + rel + " link in " + page.get("links"));
    }
}
