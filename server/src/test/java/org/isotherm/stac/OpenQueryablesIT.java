package org.isotherm.stac;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.isotherm.auth.Role;
import org.isotherm.support.Http;
import org.isotherm.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Filters on properties items carry that the queryables do not list, the between and collections forms clients
 * send, and the fields extension as the reference validator checks it.
 */
class OpenQueryablesIT extends IntegrationTest {

    private static final Instant T = Instant.parse("2025-06-01T00:00:00Z");

    /**
     * campaign and launched are no queryables; their values are of mixed JSON types (a STAC common field such as
     * mission would have to be a string).
     */
    private static final List<String> EXTRA = List.of(
            "\"campaign\":\"sentinel-2a\",\"launched\":\"2025-05-01T00:00:00Z\",\"it's \\\"odd\\\"; --\":\"yes\"",
            "\"campaign\":\"landsat-8\",\"launched\":\"2025-05-20\"",
            "\"campaign\":5,\"launched\":\"2025-05-10T12:00:00+02:00\"",
            "\"campaign\":true,\"launched\":\"not a date\"",
            "\"campaign\":null",
            "\"launched\":20250510");

    private Http seeded() {
        var ws = fixtures.workspace();
        var ingest = fixtures.http().apiKey(fixtures.apiKey(ws.admin, Role.INGEST));
        var lines = new StringBuilder();
        for (int i = 0; i < EXTRA.size(); i++) {
            var item = TestItems.box("o" + i, 10 + i, 40, 10.5 + i, 40.5, T.plusSeconds(86400L * i), 10 * i)
                    .replace("\"platform\":\"sba01\"", "\"platform\":\"sba01\"," + EXTRA.get(i));
            lines.append(item.replace("\n", "")).append('\n');
        }
        var response = ingest.send(
                "POST",
                "/stac/collections/lstprecision/bulk_items",
                "application/x-ndjson",
                lines.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return ws.http();
    }

    private static List<String> ids(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var ids = new ArrayList<String>();
        response.json().get("features").forEach(f -> ids.add(f.get("id").asString()));
        return ids;
    }

    private static List<String> text(Http http, String filter) {
        return ids(http.get("/stac/search?collections=lstprecision&sortby=id&filter="
                + URLEncoder.encode(filter, StandardCharsets.UTF_8)));
    }

    private static Http.Response json(Http http, String filter) {
        return http.post(
                "/stac/search",
                "{\"collections\":[\"lstprecision\"],\"sortby\":\"id\",\"filter-lang\":\"cql2-json\",\"filter\":"
                        + filter + "}");
    }

    private static String detail(Http.Response response) {
        return response.json().get("detail").asString();
    }

    @Test
    void filtersOnPropertiesThatAreNotQueryables() {
        var http = seeded();
        assertThat(text(http, "campaign LIKE 'sentinel%'")).containsExactly("o0");
        assertThat(ids(json(http, "{\"op\":\"like\",\"args\":[{\"property\":\"campaign\"},\"sentinel%\"]}")))
                .containsExactly("o0");
        // values of another JSON type are unknown, so NOT does not select them either
        assertThat(text(http, "campaign NOT LIKE 'sentinel%'")).containsExactly("o1");
        assertThat(text(http, "properties.campaign = 'landsat-8'")).containsExactly("o1");
        assertThat(text(http, "campaign > 1")).containsExactly("o2");
        assertThat(text(http, "campaign = true")).containsExactly("o3");
        assertThat(text(http, "campaign IS NULL")).containsExactly("o4", "o5");
        assertThat(text(http, "campaign = 'nothing'")).isEmpty();
        assertThat(text(http, "colour = 'red'")).isEmpty();
    }

    @Test
    void comparesInstantsInPropertiesThatAreNotQueryablesAsCql2Says() {
        var http = seeded();
        var after = http.get("/stac/search?collections=lstprecision&sortby=id&filter="
                + URLEncoder.encode("launched > TIMESTAMP('2025-05-05T00:00:00Z')", StandardCharsets.UTF_8));
        assertThat(ids(after)).containsExactly("o1", "o2");
        assertThat(after.json().get("numberMatched").asInt()).isEqualTo(2);
        assertThat(text(http, "NOT launched > TIMESTAMP('2025-05-05T00:00:00Z')"))
                .containsExactly("o0");
        assertThat(text(http, "T_BEFORE(launched, DATE('2025-05-10'))")).containsExactly("o0");
        // with a spatial constraint beside it, Java checks both on the rows SQL selects
        assertThat(text(
                        http,
                        "launched > TIMESTAMP('2025-05-05T00:00:00Z') AND s_intersects(geometry,"
                                + " POLYGON((10.9 39.9, 13 39.9, 13 40.6, 10.9 40.6, 10.5 40.2, 10.9 39.9)))"))
                .containsExactly("o1", "o2");
    }

    @Test
    void bindsHostilePropertyNamesOrRefusesThem() {
        var http = seeded();
        assertThat(ids(json(http, "{\"op\":\"=\",\"args\":[{\"property\":\"it's \\\"odd\\\"; --\"},\"yes\"]}")))
                .containsExactly("o0");
        var nul = json(http, "{\"op\":\"=\",\"args\":[{\"property\":\"a\\u0000b\"},\"x\"]}");
        // PostgreSQL stores no NUL: refused at the edge, naming where it was
        assertThat(nul.status()).isEqualTo(422);
        assertThat(nul.body()).contains("\"filter\",\"args\",0,\"property\"]");
        var nulValue = json(http, "{\"op\":\"=\",\"args\":[{\"property\":\"platform\"},\"a\\u0000b\"]}");
        assertThat(nulValue.status()).isEqualTo(422);
        assertThat(nulValue.body()).contains("\"filter\",\"args\",1]");
        var longName = json(http, "{\"op\":\"=\",\"args\":[{\"property\":\"" + "p".repeat(300) + "\"},\"x\"]}");
        assertThat(longName.status()).isEqualTo(400);
        assertThat(detail(longName))
                .isEqualTo("Invalid filter: a property name is at most 256 characters long, not 300");
        var twoOpen =
                http.get("/stac/search?filter=" + URLEncoder.encode("campaign = launched", StandardCharsets.UTF_8));
        assertThat(twoOpen.status()).isEqualTo(400);
    }

    @Test
    void queryablesAllowOtherProperties() {
        var http = seeded();
        for (var path : List.of("/stac/queryables", "/stac/collections/lstprecision/queryables")) {
            var schema = http.get(path).json();
            assertThat(schema.get("additionalProperties").asBoolean()).as(path).isTrue();
        }
    }

    @Test
    void acceptsBetweenWithItsBoundsAsAnArray() {
        var http = seeded();
        var between = "{\"op\":\"between\",\"args\":[{\"property\":\"eo:cloud_cover\"},[10,30]]}";
        assertThat(ids(json(http, between))).containsExactly("o1", "o2", "o3");
        assertThat(ids(json(http, "{\"op\":\"not\",\"args\":[" + between + "]}")))
                .containsExactly("o0", "o4", "o5");
        assertThat(ids(json(http, "{\"op\":\"between\",\"args\":[{\"property\":\"campaign\"},[1,10]]}")))
                .containsExactly("o2");
    }

    @Test
    void acceptsASingleCollectionAsAString() {
        var http = seeded();
        assertThat(ids(http.post("/stac/search", "{\"collections\":\"lstprecision\",\"sortby\":\"id\"}")))
                .containsExactly("o0", "o1", "o2", "o3", "o4", "o5");
        assertThat(ids(http.post("/stac/search", "{\"collections\":\"lstzoom\"}")))
                .isEmpty();
        var number = http.post("/stac/search", "{\"collections\":7}");
        assertThat(number.status()).isEqualTo(400);
        assertThat(detail(number)).isEqualTo("Invalid collections: must be an array of strings");
    }

    private static JsonNode first(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("features").get(0);
    }

    private static List<String> names(JsonNode node) {
        return new ArrayList<>(node.propertyNames());
    }

    @Test
    void keepsANestedIncludeInsideAnExcludedMember() {
        var http = seeded();
        var nested = List.of(
                first(http.post(
                        "/stac/search",
                        "{\"ids\":[\"o1\"],\"fields\":{\"exclude\":[\"properties\"],"
                                + "\"include\":[\"properties.eo:cloud_cover\"]}}")),
                first(http.get("/stac/search?ids=o1&fields=-properties,%2Bproperties.eo:cloud_cover")),
                first(http.get("/stac/collections/lstprecision/items?fields=-properties,%2Bproperties.eo:cloud_cover"
                        + "&sortby=id")));
        for (var feature : nested) {
            assertThat(names(feature)).containsExactlyInAnyOrder("type", "stac_version", "id", "links", "properties");
            assertThat(names(feature.get("properties"))).containsExactly("eo:cloud_cover");
        }
        assertThat(nested.get(0).at("/properties/eo:cloud_cover").asInt()).isEqualTo(10);
    }

    @Test
    void answersTheDefaultSetWhenNoFieldIsNamed() {
        var http = seeded();
        var defaults = List.of(
                first(http.post("/stac/search", "{\"ids\":[\"o1\"],\"fields\":{}}")),
                first(http.post("/stac/search", "{\"ids\":[\"o1\"],\"fields\":{\"include\":null,\"exclude\":null}}")),
                first(http.post("/stac/search", "{\"ids\":[\"o1\"],\"fields\":{\"include\":[],\"exclude\":[]}}")),
                first(http.get("/stac/search?ids=o1&fields=")),
                first(http.get("/stac/collections/lstprecision/items?fields=&sortby=-id")));
        for (var feature : defaults) {
            assertThat(names(feature))
                    .containsExactlyInAnyOrder(
                            "type", "stac_version", "id", "geometry", "bbox", "links", "assets", "properties");
            assertThat(names(feature.get("properties"))).containsExactly("datetime");
        }
        var nullFields = http.post("/stac/search", "{\"fields\":null}");
        assertThat(nullFields.status()).isEqualTo(400);
        assertThat(detail(nullFields)).isEqualTo("Invalid fields: must be an object with include and exclude lists");
    }

    @Test
    void excludesFromTheDefaultSetOrFromTheWholeItem() {
        var http = seeded();
        for (var include : List.of("[]", "null")) {
            var fromDefaults = first(http.post(
                    "/stac/search",
                    "{\"ids\":[\"o1\"],\"fields\":{\"exclude\":[\"geometry\"],\"include\":" + include + "}}"));
            assertThat(names(fromDefaults))
                    .as(include)
                    .containsExactlyInAnyOrder("type", "stac_version", "id", "bbox", "links", "assets", "properties");
            assertThat(fromDefaults.at("/properties/eo:cloud_cover").isMissingNode())
                    .isTrue();
        }
        var fromItem = first(http.post("/stac/search", "{\"ids\":[\"o1\"],\"fields\":{\"exclude\":[\"geometry\"]}}"));
        assertThat(fromItem.has("geometry")).isFalse();
        assertThat(fromItem.at("/properties/eo:cloud_cover").asInt()).isEqualTo(10);
        assertThat(fromItem.at("/properties/campaign").asString()).isEqualTo("landsat-8");
        var both = first(http.get("/stac/search?ids=o1&fields=%2Bgeometry,-geometry"));
        assertThat(names(both)).containsExactlyInAnyOrder("type", "stac_version", "id", "links", "geometry");
    }
}
