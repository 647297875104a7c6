package org.isotherm.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.isotherm.auth.Role;
import org.isotherm.support.Fixtures.TestUser;
import org.isotherm.support.Fixtures.TestWorkspace;
import org.isotherm.support.Http;
import org.isotherm.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A workspace cannot see or touch another's members and keys (404), and each role stays within its rights (403). */
class WorkspaceIsolationIT extends IntegrationTest {

    private TestWorkspace ours;
    private TestWorkspace theirs;
    private TestUser theirMember;
    private String theirKeyId;
    private String theirKey;

    @BeforeEach
    void setUp() {
        ours = fixtures.workspace();
        theirs = fixtures.workspace();
        theirMember = theirs.user(Role.MEMBER);
        var created = theirs.http().post("/workspace/api-keys", Map.of("name", "theirs"));
        theirKeyId = created.json().get("id").asString();
        theirKey = created.json().get("key").asString();
    }

    @Test
    void anotherWorkspacesMembersAreInvisible() {
        var members = ours.http().get("/workspace/members?limit=1000").json();

        assertThat(members.get("count").asLong()).isEqualTo(1);
        assertThat(members.toString()).doesNotContain(theirMember.email()).doesNotContain(theirs.admin.email());
        assertThat(ours.http().get("/workspace").json().get("id").asString()).isEqualTo(ours.id.toString());
    }

    @Test
    void anotherWorkspacesMembersCannotBeChangedOrRemoved() {
        var patch =
                ours.http().patch("/workspace/members/" + theirMember.account().id(), "{\"role\":\"admin\"}");
        var delete =
                ours.http().delete("/workspace/members/" + theirMember.account().id());

        assertThat(patch.status()).isEqualTo(404);
        assertThat(patch.body()).isEqualTo("{\"detail\":\"Member not found\"}");
        assertThat(delete.status()).isEqualTo(404);
        assertThat(theirs.as(theirMember).get("/me").json().get("role").asString())
                .isEqualTo("member");
    }

    @Test
    void anotherWorkspacesKeysAreInvisibleAndCannotBeRevoked() {
        ours.http().post("/workspace/api-keys", Map.of("name", "ours"));

        var listed = ours.http().get("/workspace/api-keys").json();
        var revoke = ours.http().delete("/workspace/api-keys/" + theirKeyId);

        assertThat(listed.get("count").asLong()).isEqualTo(1);
        assertThat(listed.toString()).doesNotContain(theirKeyId);
        assertThat(revoke.status()).isEqualTo(404);
        assertThat(http().apiKey(theirKey).get("/me").status()).isEqualTo(200);
    }

    @Test
    void anApiKeyActsOnlyInItsOwnWorkspace() {
        var adminKey = fixtures.apiKey(ours.admin, Role.ADMIN);

        var patch = http().apiKey(adminKey)
                .patch("/workspace/members/" + theirMember.account().id(), "{\"role\":\"viewer\"}");
        var revoke = http().apiKey(adminKey).delete("/workspace/api-keys/" + theirKeyId);

        assertThat(patch.status()).isEqualTo(404);
        assertThat(revoke.status()).isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(
            value = Role.class,
            names = {"VIEWER", "MEMBER"})
    void viewersAndMembersCannotManageMembersOrKeys(Role role) {
        var caller = ours.as(ours.user(role));
        var target = ours.user(Role.VIEWER).account().id();
        var key = ours.http()
                .post("/workspace/api-keys", Map.of("name", "k"))
                .json()
                .get("id")
                .asString();

        assertThat(caller.get("/workspace/members").status()).isEqualTo(200);
        assertThat(caller.get("/workspace").status()).isEqualTo(200);
        List.of(
                        caller.patch("/workspace/members/" + target, "{\"role\":\"admin\"}"),
                        caller.delete("/workspace/members/" + target),
                        caller.post("/workspace/invitations", Map.of("email", "x-" + UUID.randomUUID() + "@a.test")),
                        caller.get("/workspace/api-keys"),
                        caller.post("/workspace/api-keys", Map.of("name", "mine")),
                        caller.delete("/workspace/api-keys/" + key))
                .forEach(response -> {
                    assertThat(response.status()).as(response.toString()).isEqualTo(403);
                    assertThat(response.body())
                            .isEqualTo("{\"detail\":\"Not enough permissions: this action needs the admin role\"}");
                });
    }

    @ParameterizedTest
    @EnumSource(
            value = Role.class,
            names = {"VIEWER", "MEMBER", "ADMIN"})
    void onlyOperatorsReachTheAdminApi(Role role) {
        var caller = ours.as(role == Role.ADMIN ? ours.admin : ours.user(role));
        var adminKey = http().apiKey(fixtures.apiKey(ours.admin, Role.ADMIN));

        for (var client : List.of(caller, adminKey)) {
            assertForbidden(client.get("/admin/organizations"));
            assertForbidden(client.post("/admin/organizations", Map.of("name", "mine", "domains", List.of())));
            assertForbidden(client.post(
                    "/admin/organizations/" + ours.id + "/users",
                    Map.of(
                            "email",
                            "me-" + UUID.randomUUID() + "@a.test",
                            "password",
                            "long enough",
                            "role",
                            "admin")));
            assertForbidden(client.get("/admin/outbox"));
        }
    }

    @Test
    void theOperatorReachesTheAdminApi() {
        var operator = fixtures.http().bearer(fixtures.operator().token());

        assertThat(operator.get("/admin/organizations").status()).isEqualTo(200);
        assertThat(operator.get("/admin/outbox").status()).isEqualTo(200);
    }

    @Test
    void theAdminApiNeedsCredentials() {
        var response = http().get("/admin/outbox");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"detail\":\"Not authenticated\"}");
    }

    private static void assertForbidden(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"detail\":\"Not enough permissions\"}");
    }
}
