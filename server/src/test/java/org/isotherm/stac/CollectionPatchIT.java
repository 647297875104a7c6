package org.isotherm.stac;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.isotherm.auth.Role;
import org.isotherm.support.Http;
import org.isotherm.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code PATCH /stac/collections/{id}}: a JSON merge patch (RFC 7386) checked like a PUT body. */
class CollectionPatchIT extends IntegrationTest {

    private static final String TRIALS = "/stac/collections/field-trials";
    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Autowired
    StacSchemas schemas;

    private static Http.Response mergePatch(Http http, String path, String patch) {
        return http.send("PATCH", path, MERGE_PATCH, patch.getBytes(StandardCharsets.UTF_8));
    }

    private static Http trials(Http http) {
        var created = http.post("/stac/collections", """
                {"id":"field-trials","title":"Field trials","description":"Trial plots","license":"CC-BY-4.0",
                 "keywords":["lst"],"summaries":{"gsd":[30],"platform":["sba01"]}}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return http;
    }

    @Test
    void patchesMembersAndAnswersWithTheCollectionAsGetShowsIt() {
        var http = trials(fixtures.workspace().http());

        var patched =
                mergePatch(http, TRIALS, "{\"description\":\"Irrigated plots\",\"keywords\":[\"lst\",\"trial\"]}");

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.header("Content-Type")).startsWith("application/json");
        var shown = http.get(TRIALS);
        assertThat(patched.json()).isEqualTo(shown.json());
        assertThat(shown.json().get("description").asString()).isEqualTo("Irrigated plots");
        assertThat(shown.json().get("keywords").toString()).isEqualTo("[\"lst\",\"trial\"]");
        assertThat(shown.json().get("title").asString()).isEqualTo("Field trials");
        assertThat(schemas.firstViolation("collection", shown.json())).isEmpty();
    }

    @Test
    void nullRemovesAMemberAndNestedObjectsMerge() {
        var http = trials(fixtures.workspace().http());

        var patched = http.patch(
                TRIALS,
                "{\"title\":null,\"summaries\":{\"platform\":null,\"eo:cloud_cover\":"
                        + "{\"minimum\":0,\"maximum\":20}}}");

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        var shown = http.get(TRIALS).json();
        assertThat(shown.has("title")).isFalse();
        assertThat(shown.get("summaries"))
                .isEqualTo(Http.JSON.readTree("{\"gsd\":[30],\"eo:cloud_cover\":{\"minimum\":0,\"maximum\":20}}"));
        assertThat(shown.get("description").asString()).isEqualTo("Trial plots");
    }

    @Test
    void patchesTheProductCollectionsOfTheWorkspaceOnly() {
        var ws = fixtures.workspace();
        var other = fixtures.workspace();

        var patched = ws.http().patch("/stac/collections/lstzoom", "{\"summaries\":{\"platform\":[\"sba01\"]}}");

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().get("summaries"))
                .isEqualTo(Http.JSON.readTree("{\"gsd\":[10],\"platform\":[\"sba01\"]}"));
        assertThat(other.http()
                        .get("/stac/collections/lstzoom")
                        .json()
                        .get("summaries")
                        .toString())
                .isEqualTo("{\"gsd\":[10]}");
    }

    @Test
    void refusesAResultThatBreaksTheSchemaAndKeepsTheStoredCollection() {
        var http = trials(fixtures.workspace().http());
        var before = http.get(TRIALS).body();

        var noDescription = http.patch(TRIALS, "{\"title\":\"Kept?\",\"description\":null}");
        var badLicense = http.patch(TRIALS, "{\"license\":42}");

        assertThat(noDescription.status()).isEqualTo(400);
        assertThat(noDescription.json().get("detail").asString())
                .startsWith("Invalid collection field-trials: does not follow the STAC collection schema")
                .contains("description");
        assertThat(badLicense.status()).isEqualTo(400);
        assertThat(badLicense.json().get("detail").asString())
                .startsWith("Invalid collection field-trials: does not follow the STAC collection schema")
                .contains("license");
        assertThat(http.get(TRIALS).body()).isEqualTo(before);
    }

    @Test
    void refusesToRenameTheCollection() {
        var http = trials(fixtures.workspace().http());

        var renamed = http.patch(TRIALS, "{\"id\":\"other-trials\",\"description\":\"Renamed\"}");

        assertThat(renamed.toString())
                .isEqualTo(
                        "400 {\"detail\":\"Invalid collection: id does not match the path (field-trials)\",\"code\":\"BadRequest\",\"description\":\"Invalid collection: id does not match the path (field-trials)\"}");
        assertThat(http.get(TRIALS).json().get("description").asString()).isEqualTo("Trial plots");
        assertThat(http.get("/stac/collections/other-trials").status()).isEqualTo(404);
    }

    @Test
    void keepsTheComputedExtentAndLinksAsPutDoes() {
        var ws = fixtures.workspace();
        var http = trials(ws.http());
        var item = TestItems.box("t1", 1, 1, 2, 2, Instant.parse("2025-03-01T10:30:00Z"), 10);
        assertThat(http.post(TRIALS + "/items", item).status()).isEqualTo(201);
        var before = http.get(TRIALS).json();

        var patched = http.patch(TRIALS, """
                {"extent":{"spatial":{"bbox":[[-10,-10,10,10]]}},
                 "links":[{"rel":"license","href":"https://example.com/licence"}],"title":"Trials"}""");
        var invalidExtent = http.patch(TRIALS, "{\"extent\":{\"spatial\":{\"bbox\":\"everywhere\"}}}");

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        var shown = http.get(TRIALS).json();
        assertThat(shown.get("title").asString()).isEqualTo("Trials");
        assertThat(shown.get("extent")).isEqualTo(before.get("extent"));
        assertThat(shown.at("/extent/spatial/bbox/0").toString()).isEqualTo("[1.0,1.0,2.0,2.0]");
        assertThat(relsAndHrefs(shown)).isEqualTo(relsAndHrefs(before));
        assertThat(shown.at("/links/0/title").asString())
                .as("the self link titled anew")
                .isEqualTo("Trials");
        assertThat(invalidExtent.status()).isEqualTo(400);
        assertThat(invalidExtent.json().get("detail").asString()).contains("STAC collection schema");
    }

    @Test
    void refusesPatchesThatAreNotObjectsOrNotJson() {
        var http = trials(fixtures.workspace().http());

        assertThat(http.patch(TRIALS, "[{\"op\":\"remove\",\"path\":\"/title\"}]")
                        .toString())
                .isEqualTo(
                        "400 {\"detail\":\"A merge patch must be a JSON object (RFC 7386)\",\"code\":\"BadRequest\",\"description\":\"A merge patch must be a JSON object (RFC 7386)\"}");
        assertThat(http.patch(TRIALS, "\"Trial plots\"").status()).isEqualTo(400);
        var malformed = mergePatch(http, TRIALS, "{\"title\":");
        var malformedPut = http.put(TRIALS, "{\"title\":");
        assertThat(malformed.status()).isEqualTo(422);
        assertThat(malformed.json().at("/detail/0/type").asString()).isEqualTo("json_invalid");
        assertThat(malformed.json()).isEqualTo(malformedPut.json());
        assertThat(http.send("PATCH", TRIALS, "text/plain", "{}".getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(415);
        assertThat(http.get(TRIALS).json().get("title").asString()).isEqualTo("Field trials");
    }

    @Test
    void unknownAndOtherWorkspacesCollectionsAreNotFound() {
        var http = trials(fixtures.workspace().http());
        var other = fixtures.workspace();

        assertThat(http.patch("/stac/collections/nope", "{}").toString())
                .isEqualTo(
                        "404 {\"detail\":\"Collection nope not found\",\"code\":\"NotFound\",\"description\":\"Collection nope not found\"}");
        assertThat(other.http().patch(TRIALS, "{\"title\":\"Theirs\"}").toString())
                .isEqualTo(
                        "404 {\"detail\":\"Collection field-trials not found\",\"code\":\"NotFound\",\"description\":\"Collection field-trials not found\"}");
        assertThat(http.get(TRIALS).json().get("title").asString()).isEqualTo("Field trials");
    }

    @Test
    void cannotPatchAnotherWorkspacesPublicCollection() {
        var op = fixtures.http().bearer(fixtures.operator().token());
        var id = "demo-" + java.util.UUID.randomUUID();
        var path = "/stac/collections/" + id;
        assertThat(op.post(
                                "/stac/collections",
                                "{\"id\":\"" + id + "\",\"description\":\"Demo\",\"license\":\"other\"}")
                        .status())
                .isEqualTo(201);
        try {
            assertThat(op.put("/admin/stac/public-collections/" + id, "").status())
                    .isEqualTo(200);
            var ws = fixtures.workspace();
            assertThat(ws.http().get(path).status()).isEqualTo(200);

            assertThat(ws.http().patch(path, "{\"description\":\"Mine now\"}").status())
                    .isEqualTo(404);
            assertThat(op.get(path).json().get("description").asString()).isEqualTo("Demo");
        } finally {
            assertThat(op.delete(path).status()).isEqualTo(204);
        }
    }

    @Test
    void onlyIngestAdminsAndOperatorsPatch() {
        var ws = fixtures.workspace();
        trials(ws.http());

        assertThat(ws.as(ws.user(Role.VIEWER))
                        .patch(TRIALS, "{\"title\":\"V\"}")
                        .status())
                .isEqualTo(403);
        assertThat(ws.as(ws.user(Role.MEMBER))
                        .patch(TRIALS, "{\"title\":\"M\"}")
                        .status())
                .isEqualTo(403);
        assertThat(fixtures.http()
                        .apiKey(fixtures.apiKey(ws.admin, Role.MEMBER))
                        .patch(TRIALS, "{\"title\":\"K\"}")
                        .status())
                .isEqualTo(403);
        assertThat(ws.http().get(TRIALS).json().get("title").asString()).isEqualTo("Field trials");

        var ingest = fixtures.http().apiKey(fixtures.apiKey(ws.admin, Role.INGEST));
        assertThat(ingest.patch(TRIALS, "{\"title\":\"Ingested\"}").status()).isEqualTo(200);
        assertThat(ws.http().get(TRIALS).json().get("title").asString()).isEqualTo("Ingested");
    }

    /**
     * Two clients patch different summaries of the same collection at the same time, many times over: without the
     * row lock, one would merge into a state the other has already replaced, and its members would be lost.
     */
    @Test
    void concurrentPatchesOfDifferentMembersAllSurvive() throws Exception {
        var ws = fixtures.workspace();
        var http = trials(ws.http());
        var ingest = fixtures.http().apiKey(fixtures.apiKey(ws.admin, Role.INGEST));
        int rounds = 20;
        var pool = Executors.newFixedThreadPool(2);
        try {
            var results = new ArrayList<Future<Integer>>();
            for (var client : new Http[] {http, ingest}) {
                var prefix = client == http ? "a" : "b";
                results.add(pool.submit((Callable<Integer>) () -> {
                    int ok = 0;
                    for (int i = 0; i < rounds; i++) {
                        var response =
                                mergePatch(client, TRIALS, "{\"summaries\":{\"" + prefix + i + "\":[" + i + "]}}");
                        ok += response.status() == 200 ? 1 : 0;
                    }
                    return ok;
                }));
            }
            for (var result : results) {
                assertThat(result.get()).isEqualTo(rounds);
            }
        } finally {
            pool.shutdownNow();
        }

        var summaries = http.get(TRIALS).json().get("summaries");
        for (int i = 0; i < rounds; i++) {
            assertThat(summaries.path("a" + i).toString()).isEqualTo("[" + i + "]");
            assertThat(summaries.path("b" + i).toString()).isEqualTo("[" + i + "]");
        }
        assertThat(summaries.propertyNames()).hasSize(2 * rounds + 2);
    }

    @Test
    void putAndPatchTakeAMissingIdFromThePath() {
        var http = trials(fixtures.workspace().http());

        var put = http.put(TRIALS, "{\"description\":\"Replaced\",\"license\":\"CC-BY-4.0\"}");
        var patched = http.patch(TRIALS, "{\"id\":null,\"title\":\"No id\"}");

        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.json().get("id").asString()).isEqualTo("field-trials");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().get("id").asString()).isEqualTo("field-trials");
        assertThat(patched.json().get("description").asString()).isEqualTo("Replaced");
    }

    @Test
    void createAnswersWithTheLocationOfTheNewCollection() {
        var created = fixtures.workspace()
                .http()
                .post("/stac/collections", "{\"id\":\"located\",\"description\":\"x\",\"license\":\"other\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/stac/collections/located");
        assertThat(created.header("Location"))
                .isEqualTo(created.json().at("/links/0/href").asString());
    }

    @Test
    void advertisesTheCollectionTransactionExtensionAndDocumentsPatch() {
        var ws = fixtures.workspace();

        assertThat(ws.http().get("/stac/conformance").json().get("conformsTo").toString())
                .contains("\"https://api.stacspec.org/v1.0.0/collections/extensions/transaction\"");
        var operation =
                fixtures.http().get("/openapi.json").json().at("/paths/~1stac~1collections~1{collectionId}/patch");
        assertThat(operation.isMissingNode()).isFalse();
        assertThat(operation.at("/requestBody/content").propertyNames())
                .containsExactlyInAnyOrder(MERGE_PATCH, "application/json");
        assertThat(operation.at("/responses").propertyNames()).contains("200", "403", "422");
    }

    /** The links as the server computes them, without their titles (which follow the collection's title). */
    private static java.util.List<String> relsAndHrefs(tools.jackson.databind.JsonNode collection) {
        var links = new java.util.ArrayList<String>();
        collection
                .get("links")
                .forEach(link -> links.add(
                        link.get("rel").asString() + " " + link.get("href").asString()));
        return links;
    }
}
