package org.isotherm.stac;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import org.isotherm.auth.Role;
import org.isotherm.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class StacTransactionsIT extends IntegrationTest {

    private static final Instant T = Instant.parse("2025-03-01T10:30:00Z");

    @Autowired
    StacSchemas schemas;

    @Autowired
    StacCollections collections;

    @Test
    void createsReplacesAndDeletesCollections() {
        var ws = fixtures.workspace();
        var http = ws.http();
        var created = http.post(
                "/stac/collections",
                "{\"id\":\"field-trials\",\"description\":\"Trial plots\",\"license\":\"CC-BY-4.0\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(schemas.firstViolation("collection", created.json())).isEmpty();
        assertThat(http.post("/stac/collections", "{\"id\":\"field-trials\",\"description\":\"x\",\"license\":\"x\"}")
                        .status())
                .isEqualTo(409);
        var replaced = http.put(
                "/stac/collections/field-trials",
                "{\"id\":\"field-trials\",\"description\":\"Renamed\",\"license\":\"CC-BY-4.0\"}");
        assertThat(replaced.json().get("description").asString()).isEqualTo("Renamed");
        assertThat(http.put(
                                "/stac/collections/field-trials",
                                "{\"id\":\"other\",\"description\":\"x\",\"license\":\"x\"}")
                        .status())
                .isEqualTo(400);
        assertThat(http.post("/stac/collections", "{\"id\":\"broken\",\"license\":\"x\"}")
                        .json()
                        .get("detail")
                        .asString())
                .startsWith("Invalid collection broken: does not follow the STAC collection schema")
                .contains("description");
        assertThat(http.delete("/stac/collections/field-trials").status()).isEqualTo(204);
        assertThat(http.get("/stac/collections/field-trials").status()).isEqualTo(404);
    }

    /** Projection (with PROJJSON), raster, eo, file, processing, sat, view and timestamps, checked offline. */
    @Test
    void acceptsAnItemWithEveryExtensionADeliveryCarries() throws IOException {
        var ws = fixtures.workspace();
        var http = fixtures.http().apiKey(fixtures.apiKey(ws.admin, Role.INGEST));
        var item = deliveryItem();

        var created = http.post("/stac/collections/lstprecision/items", item);
        var bulk = http.post(
                "/stac/collections/lstzoom/bulk_items", "{\"type\":\"FeatureCollection\",\"features\":[" + item + "]}");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(bulk.status()).as(bulk.toString()).isEqualTo(200);
        assertThat(ws.http()
                        .get("/stac/collections/lstzoom/items/delivery-item")
                        .json()
                        .at("/properties/proj:code")
                        .asString())
                .isEqualTo("EPSG:32632");
    }

    @Test
    void stillChecksTheExtensionsOfADeliveryItem() throws IOException {
        var ws = fixtures.workspace();
        var http = fixtures.http().apiKey(fixtures.apiKey(ws.admin, Role.INGEST));
        var broken = deliveryItem().replace("\"proj:shape\": [36, 36]", "\"proj:shape\": [36]");

        var answer = http.post("/stac/collections/lstprecision/items", broken);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.json().get("detail").asString()).contains("projection/v2.0.0");
    }

    /** Test extensions (in the test resources) whose schemas refer to schemas of which no copy exists. */
    @Test
    void refusesAnExtensionWhoseSchemaCannotBeResolvedByName() {
        var ws = fixtures.workspace();
        var http = fixtures.http().apiKey(fixtures.apiKey(ws.admin, Role.INGEST));
        for (var extension : new String[] {"test-missing-ref", "test-foreign-ref"}) {
            var iri = "https://stac-extensions.github.io/" + extension + "/v1.0.0/schema.json";
            var item = TestItems.box("x-" + extension, 1, 1, 2, 2, T, 10)
                    .replace("\"type\":\"Feature\",", "\"type\":\"Feature\",\"stac_extensions\":[\"" + iri + "\"],");

            var single = http.post("/stac/collections/lstprecision/items", item);
            var bulk = http.post(
                    "/stac/collections/lstprecision/bulk_items",
                    "{\"type\":\"FeatureCollection\",\"features\":[" + item + "]}");

            for (var answer : java.util.List.of(single, bulk)) {
                assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
                assertThat(answer.json().get("detail").asString())
                        .contains("the extension " + iri + " cannot be checked");
            }
        }
    }

    @Test
    void aCollectionsExtentShrinksBackWhenItemsOnItsEdgeAreDeleted() {
        var ws = fixtures.workspace();
        var http = fixtures.http().apiKey(fixtures.apiKey(ws.admin, Role.INGEST));
        http.post("/stac/collections/lstzoom/items", TestItems.box("inner", 1, 1, 2, 2, T, 1));
        http.post("/stac/collections/lstzoom/items", TestItems.box("outer", 3, 3, 4, 4, T.plusSeconds(60), 1));
        http.post("/stac/collections/lstzoom/items", TestItems.box("middle", 1.5, 1.5, 1.8, 1.8, T, 1));
        assertThat(extent(ws)).isEqualTo("[[1.0,1.0,4.0,4.0]] [[\"" + T + "\",\"" + T.plusSeconds(60) + "\"]]");

        http.delete("/stac/collections/lstzoom/items/outer");
        assertThat(extent(ws)).isEqualTo("[[1.0,1.0,2.0,2.0]] [[\"" + T + "\",\"" + T + "\"]]");
        http.delete("/stac/collections/lstzoom/items/middle");
        assertThat(extent(ws)).isEqualTo("[[1.0,1.0,2.0,2.0]] [[\"" + T + "\",\"" + T + "\"]]");
        http.delete("/stac/collections/lstzoom/items/inner");
        assertThat(extent(ws)).isEqualTo("[[-180.0,-90.0,180.0,90.0]] [[null,null]]");
    }

    private static String extent(org.isotherm.support.Fixtures.TestWorkspace ws) {
        var extent = ws.http().get("/stac/collections/lstzoom").json().get("extent");
        return extent.at("/spatial/bbox") + " " + extent.at("/temporal/interval");
    }

    @Test
    void putUpsertsAnItemAndDeleteRemovesIt() {
        var ws = fixtures.workspace();
        var http = fixtures.http().apiKey(fixtures.apiKey(ws.admin, Role.INGEST));
        var item = TestItems.box("u1", 1, 1, 2, 2, T, 10);
        assertThat(http.put("/stac/collections/lstzoom/items/u1", item).status())
                .isEqualTo(201);
        assertThat(http.put(
                                "/stac/collections/lstzoom/items/u1",
                                item.replace("\"eo:cloud_cover\":10", "\"eo:cloud_cover\":55"))
                        .status())
                .isEqualTo(200);
        assertThat(ws.http()
                        .get("/stac/collections/lstzoom/items/u1")
                        .json()
                        .at("/properties/eo:cloud_cover")
                        .asInt())
                .isEqualTo(55);
        assertThat(http.post("/stac/collections/lstzoom/items", item).status()).isEqualTo(409);
        assertThat(http.put("/stac/collections/lstzoom/items/other", item).status())
                .isEqualTo(400);
        assertThat(http.delete("/stac/collections/lstzoom/items/u1").status()).isEqualTo(204);
        assertThat(http.delete("/stac/collections/lstzoom/items/u1").status()).isEqualTo(404);
    }

    @Test
    void bulkLoadsAFeatureCollectionAndRefusesExistingItemsUnlessUpserting() {
        var ws = fixtures.workspace();
        var http = fixtures.http().apiKey(fixtures.apiKey(ws.admin, Role.INGEST));
        var collection = "{\"type\":\"FeatureCollection\",\"features\":[" + TestItems.box("b1", 1, 1, 2, 2, T, 1) + ","
                + TestItems.box("b2", 3, 3, 4, 4, T.plusSeconds(60), 2) + "]}";
        var loaded = http.post("/stac/collections/lstfusion/bulk_items", collection);
        assertThat(loaded.body()).isEqualTo("{\"collection\":\"lstfusion\",\"method\":\"insert\",\"count\":2}");
        var again = http.post("/stac/collections/lstfusion/bulk_items", collection);
        assertThat(again.toString())
                .isEqualTo(
                        "409 {\"detail\":\"Item b1 already exists (use method=upsert to replace it)\",\"code\":\"Conflict\",\"description\":\"Item b1 already exists (use method=upsert to replace it)\"}");
        assertThat(http.post("/stac/collections/lstfusion/bulk_items?method=upsert", collection)
                        .status())
                .isEqualTo(200);
        var duplicate = "{\"type\":\"FeatureCollection\",\"features\":[" + TestItems.box("d", 1, 1, 2, 2, T, 1) + ","
                + TestItems.box("d", 1, 1, 2, 2, T, 1) + "]}";
        assertThat(http.post("/stac/collections/lstfusion/bulk_items", duplicate)
                        .json()
                        .get("detail")
                        .asString())
                .isEqualTo("Invalid bulk: item d appears twice");
        var extent = ws.http().get("/stac/collections/lstfusion").json().get("extent");
        assertThat(extent.at("/spatial/bbox/0").toString()).isEqualTo("[1.0,1.0,4.0,4.0]");
        assertThat(extent.at("/temporal/interval/0/0").asString()).isEqualTo("2025-03-01T10:30:00Z");
    }

    @Test
    void rejectsItemsWithoutDatetimeOrWithBrokenGeometry() {
        var ws = fixtures.workspace();
        var http = ws.http();
        var noDate = TestItems.box("n", 1, 1, 2, 2, T, 1).replace("\"datetime\":\"" + T + "\"", "\"datetime\":null");
        assertThat(http.post("/stac/collections/lstfusion/items", noDate)
                        .json()
                        .get("detail")
                        .asString())
                .startsWith("Invalid item n:");
        var bowtie =
                TestItems.item("bow", "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}", T, 1);
        assertThat(http.post("/stac/collections/lstfusion/items", bowtie)
                        .json()
                        .get("detail")
                        .asString())
                .startsWith("Invalid item bow: geometry is not valid: Self-intersection");
        var wrongCollection =
                TestItems.box("w", 1, 1, 2, 2, T, 1).replace("\"id\":\"w\"", "\"id\":\"w\",\"collection\":\"lstzoom\"");
        assertThat(http.post("/stac/collections/lstfusion/items", wrongCollection)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void putCreatesACollectionItsWorkspaceLacksAndReplacesOnlyItsOwn() {
        var ws = fixtures.workspace();
        var other = fixtures.workspace();
        var body = "{\"id\":\"upserted\",\"description\":\"First\",\"license\":\"CC-BY-4.0\"}";

        var created = ws.http().put("/stac/collections/upserted", body);
        var replaced = ws.http().put("/stac/collections/upserted", body.replace("First", "Second"));
        var theirs = other.http().put("/stac/collections/upserted", body.replace("First", "Theirs"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/stac/collections/upserted");
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(theirs.status()).isEqualTo(201);
        assertThat(ws.http()
                        .get("/stac/collections/upserted")
                        .json()
                        .get("description")
                        .asString())
                .isEqualTo("Second");
        assertThat(other.http()
                        .get("/stac/collections/upserted")
                        .json()
                        .get("description")
                        .asString())
                .isEqualTo("Theirs");
    }

    @Test
    void createdItemsAnswerWithTheirLocation() {
        var ws = fixtures.workspace();
        var http = fixtures.http().apiKey(fixtures.apiKey(ws.admin, Role.INGEST));

        var posted = http.post("/stac/collections/lstzoom/items", TestItems.box("posted", 1, 1, 2, 2, T, 10));
        var put = http.put("/stac/collections/lstzoom/items/put", TestItems.box("put", 1, 1, 2, 2, T, 10));
        var replaced = http.put("/stac/collections/lstzoom/items/put", TestItems.box("put", 1, 1, 2, 2, T, 20));

        assertThat(posted.status()).isEqualTo(201);
        assertThat(posted.header("Location")).endsWith("/stac/collections/lstzoom/items/posted");
        assertThat(put.status()).isEqualTo(201);
        assertThat(put.header("Location")).endsWith("/stac/collections/lstzoom/items/put");
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.header("Location")).isNull();
    }

    @Test
    void patchesAnItemAsAJsonMergePatch() {
        var ws = fixtures.workspace();
        var http = fixtures.http().apiKey(fixtures.apiKey(ws.admin, Role.INGEST));
        assertThat(http.put("/stac/collections/lstzoom/items/p1", TestItems.box("p1", 1, 1, 2, 2, T, 10))
                        .status())
                .isEqualTo(201);

        var patched = http.send(
                "PATCH",
                "/stac/collections/lstzoom/items/p1",
                "application/merge-patch+json",
                "{\"properties\":{\"eo:cloud_cover\":42,\"platform\":null,\"order:id\":\"o-1\"}}".getBytes());

        assertThat(patched.status()).isEqualTo(200);
        var item = ws.http().get("/stac/collections/lstzoom/items/p1").json();
        assertThat(item.at("/properties/eo:cloud_cover").asInt()).isEqualTo(42);
        assertThat(item.at("/properties/platform").isMissingNode()).isTrue();
        assertThat(item.at("/properties/datetime").asString()).isEqualTo("2025-03-01T10:30:00Z");
        var search = ws.http()
                .get("/stac/search?filter="
                        + java.net.URLEncoder.encode("\"order:id\"='o-1'", java.nio.charset.StandardCharsets.UTF_8))
                .json();
        assertThat(search.get("numberMatched").asInt()).isEqualTo(1);
    }

    @Test
    void refusesPatchesThatBreakTheItemOrMissIt() {
        var ws = fixtures.workspace();
        var http = fixtures.http().apiKey(fixtures.apiKey(ws.admin, Role.INGEST));
        http.put("/stac/collections/lstzoom/items/p2", TestItems.box("p2", 1, 1, 2, 2, T, 10));
        var path = "/stac/collections/lstzoom/items/p2";

        assertThat(http.patch(path, "{\"id\":\"renamed\"}").status()).isEqualTo(400);
        assertThat(http.patch(path, "{\"properties\":{\"datetime\":null}}").status())
                .isEqualTo(400);
        assertThat(http.patch(path, "[1]").status()).isEqualTo(400);
        assertThat(http.patch("/stac/collections/lstzoom/items/nope", "{}").status())
                .isEqualTo(404);
        assertThat(fixtures.workspace().http().patch(path, "{}").status()).isEqualTo(404);
        assertThat(ws.as(ws.user(Role.MEMBER)).patch(path, "{}").status()).isEqualTo(403);
        assertThat(ws.http().get(path).json().at("/properties/eo:cloud_cover").asInt())
                .isEqualTo(10);
    }

    @Test
    void onlyIngestAdminsAndOperatorsWrite() {
        var ws = fixtures.workspace();
        var item = TestItems.box("r", 1, 1, 2, 2, T, 1);
        assertThat(ws.as(ws.user(Role.MEMBER))
                        .post("/stac/collections/lstfusion/items", item)
                        .status())
                .isEqualTo(403);
        assertThat(fixtures.http()
                        .apiKey(fixtures.apiKey(ws.admin, Role.VIEWER))
                        .post("/stac/collections/lstfusion/items", item)
                        .status())
                .isEqualTo(403);
        assertThat(ws.http().post("/stac/collections/lstfusion/items", item).status())
                .isEqualTo(201);
        var other = fixtures.workspace();
        assertThat(other.http().delete("/stac/collections/lstfusion/items/r").status())
                .isEqualTo(404);
    }

    @Test
    void operatorsPublishDemoCollectionsToEveryWorkspace() {
        var operator = fixtures.operator();
        var op = fixtures.http().bearer(operator.token());
        assertThat(op.post("/stac/collections", "{\"id\":\"demo-lst\",\"description\":\"Demo\",\"license\":\"other\"}")
                        .status())
                .isEqualTo(201);
        assertThat(op.post("/stac/collections/demo-lst/items", TestItems.box("demo1", 1, 1, 2, 2, T, 1))
                        .status())
                .isEqualTo(201);
        var ws = fixtures.workspace();
        assertThat(ws.http().get("/stac/collections/demo-lst").status()).isEqualTo(404);
        assertThat(ws.http().put("/admin/stac/public-collections/demo-lst", "").status())
                .isEqualTo(403);
        assertThat(op.put("/admin/stac/public-collections/demo-lst", "").status())
                .isEqualTo(200);
        assertThat(ws.http().get("/stac/collections/demo-lst/items/demo1").status())
                .isEqualTo(200);
        assertThat(ws.http()
                        .post("/stac/collections/demo-lst/items", TestItems.box("x", 1, 1, 2, 2, T, 1))
                        .status())
                .isEqualTo(404);
        assertThat(op.delete("/admin/stac/public-collections/demo-lst").status())
                .isEqualTo(204);
        assertThat(ws.http().get("/stac/collections/demo-lst/items/demo1").status())
                .isEqualTo(404);
    }

    /** What {@code isotherm.auth.anonymous-stac-read} lets a reader without credentials see. */
    @Test
    void anAnonymousReaderSeesThePublicCollectionsAndNothingElse() {
        var op = fixtures.http().bearer(fixtures.operator().token());
        var id = "open-" + java.util.UUID.randomUUID();
        op.post("/stac/collections", "{\"id\":\"" + id + "\",\"description\":\"Open data\",\"license\":\"other\"}");
        op.put("/admin/stac/public-collections/" + id, "");
        try {
            var seen = collections.visible(org.isotherm.auth.Caller.ANONYMOUS.workspaceId());

            assertThat(seen).extracting(StacCollection::id).contains(id);
            assertThat(seen).allMatch(StacCollection::isPublic);
        } finally {
            // a public collection shows in every workspace: the other tests count theirs
            op.delete("/admin/stac/public-collections/" + id);
        }
    }

    private static String deliveryItem() throws IOException {
        try (var in = StacTransactionsIT.class.getResourceAsStream("/stac/delivery-item.json")) {
            return new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void refusesBulkCutShortOrWithGarbageMidwayAndLoadsNothing() {
        var ws = fixtures.workspace();
        var http = fixtures.http().apiKey(fixtures.apiKey(ws.admin, Role.INGEST));
        var item = TestItems.box("cut-1", 1, 1, 2, 2, Instant.parse("2025-01-01T00:00:00Z"), 5);
        var head = "{\"type\":\"FeatureCollection\",\"features\":[" + item;

        var cut = http.post("/stac/collections/lstfusion/bulk_items", head);
        var cutInside = http.post("/stac/collections/lstfusion/bulk_items", head + ",{\"ty");
        var garbage = http.post("/stac/collections/lstfusion/bulk_items", head + ", garbage ]}");

        assertThat(cut.status()).isEqualTo(400);
        assertThat(cutInside.status()).isEqualTo(400);
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(http.get("/stac/collections/lstfusion/items/cut-1").status()).isEqualTo(404);
    }

    @Test
    void refusesOrderIdThatIsNotAString() {
        var ws = fixtures.workspace();
        var http = fixtures.http().apiKey(fixtures.apiKey(ws.admin, Role.INGEST));
        var item = TestItems.box("odd-order", 1, 1, 2, 2, Instant.parse("2025-01-01T00:00:00Z"), 5)
                .replace("\"gsd\":30", "\"gsd\":30,\"order:id\":{\"a\":1}");

        var response = http.post("/stac/collections/lstfusion/items", item);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("order:id must be a string");
    }

    @Test
    void refusesNdjsonLineAboveTheItemLimitWith413() {
        var ws = fixtures.workspace();
        var http = fixtures.http().apiKey(fixtures.apiKey(ws.admin, Role.INGEST));
        var line = new byte[StacTransactionController.MAX_ITEM_BYTES + 1];
        java.util.Arrays.fill(line, (byte) ' ');
        line[0] = '{';

        var response = http.send("POST", "/stac/collections/lstfusion/bulk_items", "application/x-ndjson", line);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("detail").asString()).isEqualTo("Request body too large");
    }
}
