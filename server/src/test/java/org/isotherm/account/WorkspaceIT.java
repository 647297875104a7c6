package org.isotherm.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.isotherm.auth.Role;
import org.isotherm.support.Fixtures.TestWorkspace;
import org.isotherm.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkspaceIT extends IntegrationTest {

    private TestWorkspace workspace;

    @BeforeEach
    void setUp() {
        workspace = fixtures.workspace();
    }

    @Test
    void showsTheCallersWorkspaceAndRole() {
        var viewer = workspace.user(Role.VIEWER);

        var response = workspace.as(viewer).get("/workspace");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body())
                .isEqualTo("{\"id\":\"" + workspace.id + "\",\"name\":\"Workspace " + workspace.domain
                        + "\",\"domains\":[\"" + workspace.domain + "\"],\"role\":\"viewer\"}");
    }

    @Test
    void listsMembersPageByPageWithTheTotal() {
        var member = workspace.user(Role.MEMBER);
        var viewer = workspace.user(Role.VIEWER);

        var first = workspace.as(viewer).get("/workspace/members?limit=2");
        var second = workspace.as(viewer).get("/workspace/members?limit=2&offset=2");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("count").asLong()).isEqualTo(3);
        assertThat(first.json().get("items").size()).isEqualTo(2);
        assertThat(first.json().get("items").get(0).get("email").asString()).isEqualTo(viewer.email());
        assertThat(first.json().get("items").get(1).get("email").asString()).isEqualTo(member.email());
        assertThat(second.json().get("items").get(0).get("email").asString()).isEqualTo(workspace.admin.email());
        var entry = first.json().get("items").get(1);
        assertThat(entry.get("id").asString()).isEqualTo(member.account().id().toString());
        assertThat(entry.get("role").asString()).isEqualTo("member");
        assertThat(entry.get("confirmed").asBoolean()).isTrue();
        assertThat(entry.has("password_hash")).isFalse();
    }

    @Test
    void rejectsPagingOutOfRange() {
        var response = workspace.http().get("/workspace/members?limit=0");
        var offset = workspace.http().get("/workspace/members?offset=-1");
        var notNumber = workspace.http().get("/workspace/members?limit=ten");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"query\",\"limit\"]");
        assertThat(response.json().at("/detail/0/type").asString()).isEqualTo("greater_than_equal");
        assertThat(offset.status()).isEqualTo(422);
        assertThat(notNumber.status()).isEqualTo(422);
        assertThat(notNumber.json().get("detail").get(0).get("type").asString()).isEqualTo("int_parsing");
    }

    @Test
    void adminChangesAMembersRoleWithImmediateEffect() {
        var member = workspace.user(Role.MEMBER);

        var response =
                workspace.http().patch("/workspace/members/" + member.account().id(), "{\"role\":\"viewer\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("role").asString()).isEqualTo("viewer");
        assertThat(workspace.as(member).get("/me").json().get("role").asString())
                .isEqualTo("viewer");
    }

    @Test
    void demotionRevokesKeysAboveTheNewRole() {
        var second = workspace.user(Role.ADMIN);
        var adminKey = fixtures.apiKey(second, Role.ADMIN);
        var viewerKey = fixtures.apiKey(second, Role.VIEWER);

        workspace.http().patch("/workspace/members/" + second.account().id(), "{\"role\":\"member\"}");

        assertThat(http().apiKey(adminKey).get("/me").body()).isEqualTo("{\"detail\":\"API key revoked\"}");
        assertThat(http().apiKey(viewerKey).get("/me").status()).isEqualTo(200);
    }

    @Test
    void cannotDemoteTheLastAdmin() {
        var response = workspace
                .http()
                .patch("/workspace/members/" + workspace.admin.account().id(), "{\"role\":\"member\"}");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.body()).isEqualTo("{\"detail\":\"Cannot demote the last admin of the workspace\"}");
    }

    @Test
    void anAdminMayStepDownWhileAnotherRemains() {
        workspace.user(Role.ADMIN);

        var response = workspace
                .http()
                .patch("/workspace/members/" + workspace.admin.account().id(), "{\"role\":\"member\"}");

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void validatesTheRole() {
        var member = workspace.user(Role.MEMBER);

        var wrong =
                workspace.http().patch("/workspace/members/" + member.account().id(), "{\"role\":\"operator\"}");
        var missing =
                workspace.http().patch("/workspace/members/" + member.account().id(), "{}");
        var badId = workspace.http().patch("/workspace/members/not-a-uuid", "{\"role\":\"viewer\"}");

        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body())
                .isEqualTo("{\"detail\":[{\"loc\":[\"body\",\"role\"],"
                        + "\"msg\":\"Input should be 'viewer', 'member' or 'admin'\",\"type\":\"enum\"}]}");
        assertThat(missing.body())
                .isEqualTo(
                        "{\"detail\":[{\"loc\":[\"body\",\"role\"],\"msg\":\"Field required\",\"type\":\"missing\"}]}");
        assertThat(badId.status()).isEqualTo(422);
        assertThat(badId.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"path\",\"id\"]");
    }

    @Test
    void answersUnknownMemberWith404() {
        var response = workspace.http().patch("/workspace/members/" + UUID.randomUUID(), "{\"role\":\"viewer\"}");
        var delete = workspace.http().delete("/workspace/members/" + UUID.randomUUID());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"detail\":\"Member not found\"}");
        assertThat(delete.status()).isEqualTo(404);
    }

    @Test
    void removingAMemberEndsTheirTokensAndRevokesTheirKeys() {
        var leaving = workspace.user(Role.ADMIN);
        var key = fixtures.apiKey(leaving, Role.MEMBER);
        assertThat(http().apiKey(key).get("/me").status()).isEqualTo(200);

        var response = workspace
                .http()
                .delete("/workspace/members/" + leaving.account().id());

        assertThat(response.status()).isEqualTo(204);
        assertThat(workspace.as(leaving).get("/me").status()).isEqualTo(401);
        assertThat(http().apiKey(key).get("/me").status()).isEqualTo(401);
        assertThat(http().postForm(
                                "/token",
                                Map.of("username", leaving.email(), "password", org.isotherm.support.Fixtures.PASSWORD))
                        .status())
                .isEqualTo(401);
        var members = workspace.http().get("/workspace/members").json();
        assertThat(members.get("count").asLong()).isEqualTo(1);
        var keys = workspace.http().get("/workspace/api-keys").json().get("items");
        assertThat(keys.get(0).get("revoked_at").isNull()).isFalse();
        assertThat(workspace
                        .http()
                        .delete("/workspace/members/" + leaving.account().id())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void cannotRemoveTheLastAdmin() {
        var response = workspace
                .http()
                .delete("/workspace/members/" + workspace.admin.account().id());

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.body()).isEqualTo("{\"detail\":\"Cannot remove the last admin of the workspace\"}");
    }
}
