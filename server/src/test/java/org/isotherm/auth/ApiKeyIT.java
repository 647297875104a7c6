package org.isotherm.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.isotherm.support.Fixtures.TestWorkspace;
import org.isotherm.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiKeyIT extends IntegrationTest {

    private TestWorkspace workspace;

    @BeforeEach
    void setUp() {
        workspace = fixtures.workspace();
    }

    @Test
    void createsKeyShownOnceThatWorksAsTheGuidesBearerTokenDoes() {
        var expires = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        var created = workspace
                .http()
                .post(
                        "/workspace/api-keys",
                        Map.of("name", "pipeline", "role", "viewer", "expires_at", expires.toString()));

        assertThat(created.status()).isEqualTo(201);
        var json = created.json();
        var key = json.get("key").asString();
        assertThat(key).startsWith("iso_" + json.get("prefix").asString() + "_");
        assertThat(json.get("name").asString()).isEqualTo("pipeline");
        assertThat(json.get("role").asString()).isEqualTo("viewer");
        assertThat(Instant.parse(json.get("expires_at").asString())).isEqualTo(expires);
        assertThat(json.get("revoked_at").isNull()).isTrue();
        assertThat(json.get("created_by").asString())
                .isEqualTo(workspace.admin.account().id().toString());
        var me = http().apiKey(key).get("/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("role").asString()).isEqualTo("viewer");

        var listed = workspace.http().get("/workspace/api-keys").json();
        assertThat(listed.get("count").asLong()).isEqualTo(1);
        assertThat(listed.get("items").get(0).get("id").asString())
                .isEqualTo(json.get("id").asString());
        assertThat(listed.get("items").get(0).has("key")).isFalse();
        assertThat(listed.toString()).doesNotContain(key.substring(key.lastIndexOf('_') + 1));
    }

    @Test
    void defaultsToMemberRoleAndNoExpiry() {
        var created = workspace.http().post("/workspace/api-keys", Map.of("name", "default"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("role").asString()).isEqualTo("member");
        assertThat(created.json().get("expires_at").isNull()).isTrue();
    }

    @Test
    void allowsIngestKeys() {
        var created = workspace.http().post("/workspace/api-keys", Map.of("name", "chain", "role", "ingest"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(http().apiKey(created.json().get("key").asString())
                        .get("/me")
                        .json()
                        .get("role")
                        .asString())
                .isEqualTo("ingest");
    }

    @Test
    void revokesWithImmediateEffect() {
        var created = workspace.http().post("/workspace/api-keys", Map.of("name", "short-lived"));
        var key = created.json().get("key").asString();
        assertThat(http().apiKey(key).get("/me").status()).isEqualTo(200);

        var revoked = workspace
                .http()
                .delete("/workspace/api-keys/" + created.json().get("id").asString());

        assertThat(revoked.status()).isEqualTo(204);
        var refused = http().apiKey(key).get("/me");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).isEqualTo("{\"detail\":\"API key revoked\"}");
        var listed =
                workspace.http().get("/workspace/api-keys").json().get("items").get(0);
        assertThat(listed.get("revoked_at").isNull()).isFalse();
        assertThat(workspace
                        .http()
                        .delete("/workspace/api-keys/"
                                + created.json().get("id").asString())
                        .status())
                .isEqualTo(204);
    }

    @Test
    void answersUnknownKeyWith404() {
        var response = workspace.http().delete("/workspace/api-keys/" + UUID.randomUUID());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"detail\":\"API key not found\"}");
    }

    @Test
    void validatesNameRoleAndExpiry() {
        var response = workspace
                .http()
                .post(
                        "/workspace/api-keys",
                        Map.of("name", "", "role", "operator", "expires_at", "2020-01-01T00:00:00Z"));
        var unparsable =
                workspace.http().post("/workspace/api-keys", Map.of("name", "k", "expires_at", "next tuesday"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body())
                .isEqualTo("{\"detail\":[{\"loc\":[\"body\",\"name\"],\"msg\":\"String should have at least 1"
                        + " character\",\"type\":\"string_too_short\"},{\"loc\":[\"body\",\"role\"],\"msg\":\"Input"
                        + " should be 'viewer', 'member', 'admin' or 'ingest'\",\"type\":\"enum\"},{\"loc\":[\"body\","
                        + "\"expires_at\"],\"msg\":\"Input should be in the future\",\"type\":\"datetime_future\"}]}");
        assertThat(unparsable.status()).isEqualTo(422);
        assertThat(unparsable.json().get("detail").get(0).get("type").asString())
                .isEqualTo("datetime_parsing");
        var missing = workspace.http().post("/workspace/api-keys", "{}");
        assertThat(missing.body())
                .isEqualTo(
                        "{\"detail\":[{\"loc\":[\"body\",\"name\"],\"msg\":\"Field required\",\"type\":\"missing\"}]}");
    }

    @Test
    void onlyAdminsManageKeys() {
        var member = workspace.user(Role.MEMBER);
        var key = fixtures.apiKey(workspace.admin, Role.MEMBER);
        var keyId = workspace
                .http()
                .get("/workspace/api-keys")
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString();

        assertThat(workspace.as(member).get("/workspace/api-keys").status()).isEqualTo(403);
        assertThat(workspace
                        .as(member)
                        .post("/workspace/api-keys", Map.of("name", "x"))
                        .status())
                .isEqualTo(403);
        assertThat(workspace.as(member).delete("/workspace/api-keys/" + keyId).status())
                .isEqualTo(403);
        // a member-role key cannot mint keys either
        assertThat(http().apiKey(key)
                        .post("/workspace/api-keys", Map.of("name", "x"))
                        .status())
                .isEqualTo(403);
    }
}
