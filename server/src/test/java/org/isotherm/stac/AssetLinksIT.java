package org.isotherm.stac;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.isotherm.auth.Role;
import org.isotherm.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every way an item leaves the API passes its asset hrefs through {@link AssetLinks}. */
class AssetLinksIT extends IntegrationTest {

    @Test
    void servesSignedHrefsFromEveryReadAndWriteEndpoint() {
        var ws = fixtures.workspace();
        var ingest = http().apiKey(fixtures.apiKey(ws.admin, Role.INGEST));
        var item = TestItems.box("signed-1", 8, 49, 8.1, 49.1, Instant.parse("2026-07-08T10:30:00Z"), 3)
                .replace("https://example.com/signed-1/lst.tiff", TestAssetSigner.HOST + "signed-1/lst.tiff");

        var created = ingest.post("/stac/collections/lstprecision/items", item);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var expected = TestAssetSigner.HOST + "signed-1/lst.tiff?signed=lstprecision.signed-1.lst";
        assertThat(lst(created.json())).isEqualTo(expected);
        assertThat(lst(ws.http()
                        .get("/stac/collections/lstprecision/items/signed-1")
                        .json()))
                .isEqualTo(expected);
        assertThat(lst(ws.http()
                        .get("/stac/collections/lstprecision/items")
                        .json()
                        .get("features")
                        .get(0)))
                .isEqualTo(expected);
        assertThat(lst(ws.http()
                        .get("/stac/search?ids=signed-1")
                        .json()
                        .get("features")
                        .get(0)))
                .isEqualTo(expected);
        var other =
                ws.http().get("/stac/collections/lstprecision/items/signed-1").json();
        assertThat(other.at("/assets/metadata/href").asString())
                .as("hrefs the signer does not concern are served as stored")
                .isEqualTo("https://example.com/signed-1/metadata.json");
    }

    @Test
    void storesTheHrefAsSentNotAsServed() {
        var ws = fixtures.workspace();
        var ingest = http().apiKey(fixtures.apiKey(ws.admin, Role.INGEST));
        var item = TestItems.box("signed-2", 8, 49, 8.1, 49.1, Instant.parse("2026-07-08T10:30:00Z"), 3)
                .replace("https://example.com/signed-2/lst.tiff", TestAssetSigner.HOST + "signed-2/lst.tiff");
        ingest.post("/stac/collections/lstprecision/items", item);

        var patched = ingest.patch(
                "/stac/collections/lstprecision/items/signed-2", "{\"properties\": {\"eo:cloud_cover\": 7}}");

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(lst(patched.json()))
                .isEqualTo(TestAssetSigner.HOST + "signed-2/lst.tiff?signed=lstprecision.signed-2.lst");
    }

    private static String lst(JsonNode item) {
        return item.at("/assets/lst/href").asString();
    }
}
