package org.isotherm.stac;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.isotherm.auth.Role;
import org.isotherm.support.Fixtures.TestWorkspace;
import org.isotherm.support.Http;
import org.isotherm.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class StacIT extends IntegrationTest {

    @Autowired
    StacSchemas schemas;

    private Http ingest(TestWorkspace ws) {
        return fixtures.http().apiKey(fixtures.apiKey(ws.admin, Role.INGEST));
    }

    private void load(Http http, String collection, String... items) {
        var response = http.send(
                "POST",
                "/stac/collections/" + collection + "/bulk_items",
                "application/x-ndjson",
                String.join(
                                "\n",
                                List.of(items).stream()
                                        .map(i -> i.replace("\n", ""))
                                        .toList())
                        .getBytes());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    @Test
    void landingPageLinksEverythingAndFollowsTheCatalogSchema() {
        var ws = fixtures.workspace();
        var response = ws.http()
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "stac.example.org")
                .header("X-Forwarded-Prefix", "/api")
                .get("/stac");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        var body = response.json();
        assertThat(body.get("type").asString()).isEqualTo("Catalog");
        assertThat(body.get("stac_version").asString()).isEqualTo("1.1.0");
        assertThat(schemas.firstViolation("catalog", body)).isEmpty();
        var rels = new ArrayList<String>();
        for (var link : body.get("links")) {
            rels.add(link.get("rel").asString());
            assertThat(link.get("href").asString()).startsWith("https://stac.example.org/api/");
        }
        assertThat(rels).contains("self", "root", "data", "conformance", "search", "service-desc", "service-doc");
        assertThat(rels.stream().filter("child"::equals)).hasSize(3);
        assertThat(body.get("conformsTo").toString())
                .contains("https://api.stacspec.org/v1.0.0/item-search", "cql2-text", "ogcapi-features#sort");
    }

    /** As STAC and OGC API clients follow it: asking for the advertised type, expecting that type back. */
    @Test
    void serviceDescAnswersInTheTypeItAdvertisesWithTheDocumentOfThatVersion() {
        var ws = fixtures.workspace();
        var links = ws.http().get("/stac").json().get("links");
        JsonNode serviceDesc = null;
        for (var link : links) {
            if (link.get("rel").asString().equals("service-desc")) {
                serviceDesc = link;
            }
        }
        assertThat(serviceDesc).isNotNull();
        var type = serviceDesc.get("type").asString();
        var path = serviceDesc.get("href").asString().replaceFirst("^https?://[^/]+", "");

        var asked = fixtures.http().header("Accept", type).get(path);
        var plain = fixtures.http().header("Accept", "application/json").get(path);

        assertThat(asked.status()).as(asked.toString()).isEqualTo(200);
        assertThat(asked.header("Content-Type")).startsWith(type);
        var version = type.substring(type.indexOf("version=") + "version=".length());
        assertThat(asked.json().get("openapi").asString()).startsWith(version + ".");
        assertThat(plain.header("Content-Type")).startsWith("application/json");
        assertThat(plain.json()).isEqualTo(asked.json());
    }

    /** Whichever layer answers: a controller, request validation, the security filters or the size limit. */
    @Test
    void errorsOnStacPathsCarryTheStacCodeAndDescriptionBesideTheDetail() {
        var ws = fixtures.workspace();
        var notFound = ws.http().get("/stac/collections/nope/items/x");
        var invalid = ws.http().get("/stac/search?limit=many");
        var anonymous = fixtures.http().get("/stac/collections");
        var tooLarge = ws.http().post("/stac/search", "{\"ids\":[\"" + "x".repeat(11 * 1024 * 1024) + "\"]}");
        var elsewhere = ws.http().get("/orders/" + java.util.UUID.randomUUID());

        for (var answer : List.of(notFound, invalid, anonymous, tooLarge)) {
            var body = answer.json();
            assertThat(body.has("detail")).as(answer.toString()).isTrue();
            assertThat(body.get("code").asString()).as(answer.toString()).matches("[A-Za-z]+");
            assertThat(body.get("description").asString()).as(answer.toString()).isNotBlank();
        }
        assertThat(notFound.json().get("code").asString()).isEqualTo("NotFound");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("code").asString()).isEqualTo("Unauthorized");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.json().has("code"))
                .as("the guide's endpoints keep FastAPI's shape")
                .isFalse();
    }

    @Test
    void theServersDocumentsShareOneStacVersionAndTitleTheirLinks() {
        var ws = fixtures.workspace();
        var documents = new ArrayList<JsonNode>();
        documents.add(ws.http().get("/stac").json());
        ws.http().get("/stac/collections").json().get("collections").forEach(documents::add);
        documents.add(ws.http().get("/stac/collections/lstzoom").json());

        var versions = new java.util.TreeSet<String>();
        var untitled = new ArrayList<String>();
        for (var document : documents) {
            versions.add(document.get("stac_version").asString());
            for (var link : document.get("links")) {
                if (!link.has("title")) {
                    untitled.add(document.get("id").asString() + " "
                            + link.get("rel").asString());
                }
            }
        }

        assertThat(versions).containsExactly("1.1.0");
        assertThat(untitled).isEmpty();
    }

    @Test
    void everyWorkspaceHasTheProductCollections() {
        var ws = fixtures.workspace();
        var body = ws.http().get("/stac/collections").json();
        assertThat(body.get("numberMatched").asInt()).isEqualTo(3);
        for (var collection : body.get("collections")) {
            assertThat(schemas.firstViolation("collection", collection)).isEmpty();
        }
        assertThat(ws.http().get("/stac/collections/lstzoom").status()).isEqualTo(200);
        assertThat(ws.http().get("/stac/collections/nope").toString())
                .isEqualTo("404 {\"detail\":\"Collection nope not found\",\"code\":\"NotFound\","
                        + "\"description\":\"Collection nope not found\"}");
    }

    @Test
    void storesAnItemAndServesItAsGeoJson() {
        var ws = fixtures.workspace();
        var http = ingest(ws);
        var created = http.post(
                "/stac/collections/lstprecision/items",
                TestItems.box("a1", 8.3, 49.6, 9.0, 50.1, Instant.parse("2025-08-18T11:00:00Z"), 12));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var response = ws.http().get("/stac/collections/lstprecision/items/a1");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/geo+json");
        var item = response.json();
        assertThat(item.get("collection").asString()).isEqualTo("lstprecision");
        assertThat(item.get("bbox").toString()).isEqualTo("[8.3,49.6,9.0,50.1]");
        assertThat(schemas.firstViolation("item", item)).isEmpty();
        assertThat(item.get("links").get(0).get("href").asString())
                .isEqualTo("http://localhost:" + port + "/stac/collections/lstprecision/items/a1");
        var collection = ws.http().get("/stac/collections/lstprecision").json();
        assertThat(collection.at("/extent/spatial/bbox/0").toString()).isEqualTo("[8.3,49.6,9.0,50.1]");
    }

    @Test
    void anotherWorkspaceCannotSeeTheItem() {
        var ws = fixtures.workspace();
        load(ingest(ws), "lstfusion", TestItems.box("mine", 1, 1, 2, 2, Instant.parse("2025-01-01T00:00:00Z"), 1));
        var other = fixtures.workspace();
        assertThat(other.http().get("/stac/collections/lstfusion/items/mine").status())
                .isEqualTo(404);
        assertThat(other.http()
                        .post("/stac/search", "{}")
                        .json()
                        .get("numberMatched")
                        .asInt())
                .isZero();
    }

    @Test
    void viewersCannotWrite() {
        var ws = fixtures.workspace();
        var viewer = ws.user(Role.VIEWER);
        var response = ws.as(viewer)
                .post(
                        "/stac/collections/lstfusion/items",
                        TestItems.box("x", 1, 1, 2, 2, Instant.parse("2025-01-01T00:00:00Z"), 1));
        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void rejectsAnItemThatBreaksTheSchemaAndWritesNothingOfTheBulk() {
        var ws = fixtures.workspace();
        var good = TestItems.box("good", 1, 1, 2, 2, Instant.parse("2025-01-01T00:00:00Z"), 1);
        var bad = TestItems.box("bad", 1, 1, 2, 2, Instant.parse("2025-01-01T00:00:00Z"), 1)
                .replace("\"assets\"", "\"assetz\"");
        var response = ingest(ws)
                .send(
                        "POST",
                        "/stac/collections/lstfusion/bulk_items",
                        "application/x-ndjson",
                        (good.replace("\n", "") + "\n" + bad.replace("\n", "")).getBytes());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString())
                .startsWith("Invalid item bad:")
                .contains("assets");
        assertThat(ws.http().get("/stac/collections/lstfusion/items/good").status())
                .isEqualTo(404);
    }

    @Test
    void searchesByBboxAndDatetimeAndPagesWithPostBodies() {
        var ws = fixtures.workspace();
        var items = new ArrayList<String>();
        for (int i = 0; i < 25; i++) {
            items.add(TestItems.box(
                    "d" + i,
                    10,
                    45,
                    10.3,
                    45.3,
                    Instant.parse("2024-01-01T00:00:00Z").plusSeconds(86400L * i),
                    i));
        }
        items.add(TestItems.box("far", 20, 45, 20.3, 45.3, Instant.parse("2024-01-02T00:00:00Z"), 0));
        load(ingest(ws), "lstprecision", items.toArray(String[]::new));
        var body =
                "{\"collections\":[\"lstprecision\"],\"bbox\":[9,44,11,46],\"datetime\":\"2024-01-01T00:00:00Z/2024-01-20T00:00:00Z\",\"limit\":7}";
        var seen = new ArrayList<String>();
        JsonNode page = ws.http().post("/stac/search", body).json();
        assertThat(page.get("numberMatched").asInt()).isEqualTo(20);
        while (true) {
            assertThat(page.get("numberMatched").asInt()).isEqualTo(20);
            page.get("features").forEach(f -> seen.add(f.get("id").asString()));
            JsonNode next = null;
            for (var link : page.get("links")) {
                if (link.get("rel").asString().equals("next")) {
                    next = link;
                }
            }
            if (next == null) {
                break;
            }
            assertThat(next.get("method").asString()).isEqualTo("POST");
            page = ws.http().post(next.get("href").asString(), next.get("body")).json();
        }
        assertThat(seen).hasSize(20).doesNotHaveDuplicates().first().isEqualTo("d19");
    }

    @Test
    void searchesWithGetAndFollowsNextLinks() {
        var ws = fixtures.workspace();
        var items = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            items.add(TestItems.box(
                    "g" + i,
                    10,
                    45,
                    10.3,
                    45.3,
                    Instant.parse("2024-01-01T00:00:00Z").plusSeconds(3600L * i),
                    i));
        }
        load(ingest(ws), "lstzoom", items.toArray(String[]::new));
        var response = ws.http().get("/stac/collections/lstzoom/items?limit=2&sortby=%2Bdatetime");
        assertThat(response.header("Content-Type")).startsWith("application/geo+json");
        var page = response.json();
        assertThat(page.get("features").get(0).get("id").asString()).isEqualTo("g0");
        var seen = new ArrayList<String>();
        while (page != null) {
            page.get("features").forEach(f -> seen.add(f.get("id").asString()));
            JsonNode next = null;
            for (var link : page.get("links")) {
                if (link.get("rel").asString().equals("next")) {
                    next = link;
                }
            }
            page = next == null
                    ? null
                    : ws.http().get(next.get("href").asString()).json();
        }
        assertThat(seen).containsExactly("g0", "g1", "g2", "g3", "g4");
    }

    @Test
    void rejectsMalformedSearches() {
        var ws = fixtures.workspace();
        var http = ws.http();
        assertThat(http.get("/stac/search?datetime=2024-01-01").status()).isEqualTo(400);
        assertThat(http.get("/stac/search?datetime=2024-01-02T00:00:00Z/2024-01-01T00:00:00Z")
                        .status())
                .isEqualTo(400);
        assertThat(http.get("/stac/search?bbox=1,2,3").json().get("detail").asString())
                .isEqualTo("Invalid bbox: must have 4 or 6 numbers, got 3");
        assertThat(http.get("/stac/search?limit=0").status()).isEqualTo(400);
        assertThat(http.get("/stac/search?sortby=colour").json().get("detail").asString())
                .startsWith("Invalid sortby: cannot sort by colour");
        assertThat(http.get("/stac/search?token=garbage").status()).isEqualTo(400);
        assertThat(http.post(
                                "/stac/search",
                                "{\"bbox\":[1,2,3,4],\"intersects\":{\"type\":\"Point\",\"coordinates\":[1,2]}}")
                        .json()
                        .get("detail")
                        .asString())
                .isEqualTo("Invalid search: bbox and intersects cannot be used together");
        assertThat(http.get("/stac/search?datetime=2024-01-01T00:00:00Z/..").status())
                .isEqualTo(200);
        assertThat(http.get("/stac/search?datetime=/2024-01-01T00:00:00Z").status())
                .isEqualTo(200);
    }

    @Test
    void encodesInSelfLinksWhatAClientSentRaw() {
        var ws = fixtures.workspace();

        for (var path : List.of("/stac/search?limit=2&note=a=b", "/stac/collections?limit=2&note=a=b")) {
            var response = ws.http().get(path);

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            var self = new ArrayList<String>();
            response.json().get("links").forEach(link -> {
                if (link.get("rel").asString().equals("self")) {
                    self.add(link.get("href").asString());
                }
            });
            assertThat(self).singleElement().asString().endsWith("?limit=2&note=a%3Db");
        }
    }
}
