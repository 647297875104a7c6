package org.isotherm.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.isotherm.auth.Role;
import org.isotherm.support.Fixtures.TestWorkspace;
import org.isotherm.support.Http;
import org.isotherm.support.IntegrationTest;
import org.isotherm.support.Outbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InvitationIT extends IntegrationTest {

    private static final String PASSWORD = "invited and happy";

    private TestWorkspace workspace;
    private Http operator;

    @BeforeEach
    void setUp() {
        workspace = fixtures.workspace();
        operator = fixtures.http().bearer(fixtures.operator().token());
    }

    @Test
    void invitesAnyAddressWhoChoosesAPasswordAndJoinsWithTheRole() {
        var email = "guest-" + UUID.randomUUID() + "@elsewhere.test";

        var invited = workspace.http().post("/workspace/invitations", Map.of("email", email, "role", "viewer"));

        assertThat(invited.status()).isEqualTo(201);
        assertThat(invited.json().get("email").asString()).isEqualTo(email);
        assertThat(invited.json().get("role").asString()).isEqualTo("viewer");
        assertThat(invited.json().get("expires_at").asString()).endsWith("Z");
        var mail = Outbox.latest(operator, email);
        assertThat(mail.get("subject").asString())
                .isEqualTo("You are invited to Workspace " + workspace.domain + " on Isotherm");
        assertThat(mail.get("body").asString()).contains("/ui/accept-invitation?token=");

        var accepted = http().post(
                        "/auth/invitations/accept",
                        Map.of("token", Outbox.linkToken(operator, email), "password", PASSWORD, "name", "Grace"));

        assertThat(accepted.status()).isEqualTo(200);
        var login = http().postForm("/token", Map.of("username", email, "password", PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        var me = http().bearer(login.json().get("access_token").asString()).get("/me");
        assertThat(me.json().get("workspace_id").asString()).isEqualTo(workspace.id.toString());
        assertThat(me.json().get("role").asString()).isEqualTo("viewer");
        var members =
                workspace.http().get("/workspace/members?limit=1000").json().get("items");
        var member = java.util.stream.StreamSupport.stream(members.spliterator(), false)
                .filter(m -> m.get("email").asString().equals(email))
                .findFirst()
                .orElseThrow();
        assertThat(member.get("name").asString()).isEqualTo("Grace");
        assertThat(member.get("confirmed").asBoolean()).isTrue();
    }

    @Test
    void defaultsToMemberRole() {
        var email = "guest-" + UUID.randomUUID() + "@elsewhere.test";

        var invited = workspace.http().post("/workspace/invitations", Map.of("email", email));

        assertThat(invited.status()).isEqualTo(201);
        assertThat(invited.json().get("role").asString()).isEqualTo("member");
    }

    @Test
    void inviteeCannotLogInBeforeAcceptingAndIsAnsweredAsAnUnknownAddress() {
        var email = "guest-" + UUID.randomUUID() + "@elsewhere.test";
        workspace.http().post("/workspace/invitations", Map.of("email", email));

        var login = http().postForm("/token", Map.of("username", email, "password", PASSWORD));
        var unknown = http().postForm(
                        "/token",
                        Map.of("username", "nobody-" + UUID.randomUUID() + "@elsewhere.test", "password", PASSWORD));

        assertThat(login.status()).isEqualTo(401);
        assertThat(login.body()).isEqualTo("{\"detail\":\"Incorrect username or password\"}");
        assertThat(unknown.body()).isEqualTo(login.body());
    }

    @Test
    void acceptsEachInvitationOnce() {
        var email = "guest-" + UUID.randomUUID() + "@elsewhere.test";
        workspace.http().post("/workspace/invitations", Map.of("email", email));
        var token = Outbox.linkToken(operator, email);
        http().post("/auth/invitations/accept", Map.of("token", token, "password", PASSWORD));

        var again = http().post("/auth/invitations/accept", Map.of("token", token, "password", "take it over!"));

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).isEqualTo("{\"detail\":\"Invalid or expired link: request a new one\"}");
    }

    @Test
    void reinvitingAPendingInviteeSendsAFreshLink() {
        var email = "guest-" + UUID.randomUUID() + "@elsewhere.test";
        workspace.http().post("/workspace/invitations", Map.of("email", email));

        var again = workspace.http().post("/workspace/invitations", Map.of("email", email, "role", "admin"));

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("role").asString()).isEqualTo("admin");
        assertThat(Outbox.count(operator, email)).isEqualTo(2);
    }

    @Test
    void refusesAddressThatAlreadyHasAnAccount() {
        // an address of no registered domain, invited by another workspace first
        var guest = "guest-" + UUID.randomUUID() + "@elsewhere.test";
        assertThat(fixtures.workspace()
                        .http()
                        .post("/workspace/invitations", Map.of("email", guest))
                        .status())
                .isEqualTo(201);
        var own = workspace.user(Role.MEMBER);

        var response = workspace.http().post("/workspace/invitations", Map.of("email", guest));
        var ownMember = workspace.http().post("/workspace/invitations", Map.of("email", own.email()));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.body()).isEqualTo("{\"detail\":\"A user with this e-mail already exists\"}");
        assertThat(ownMember.status()).isEqualTo(409);
    }

    @Test
    void reinvitesARemovedMemberOfTheSameWorkspace() {
        var removed = workspace.user(Role.MEMBER);
        workspace.http().delete("/workspace/members/" + removed.account().id());

        var response = workspace.http().post("/workspace/invitations", Map.of("email", removed.email()));
        http().post(
                        "/auth/invitations/accept",
                        Map.of("token", Outbox.linkToken(operator, removed.email()), "password", PASSWORD));

        assertThat(response.status()).isEqualTo(201);
        assertThat(http().postForm("/token", Map.of("username", removed.email(), "password", PASSWORD))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void onlyAdminsInvite() {
        var member = workspace.user(Role.MEMBER);

        var response = workspace.as(member).post("/workspace/invitations", Map.of("email", "x@elsewhere.test"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body())
                .isEqualTo("{\"detail\":\"Not enough permissions: this action needs the admin role\"}");
    }

    @Test
    void validatesInvitation() {
        var response = workspace.http().post("/workspace/invitations", Map.of("email", "bad", "role", "operator"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body())
                .isEqualTo("{\"detail\":[{\"loc\":[\"body\",\"email\"],\"msg\":\"value is not a valid email address:"
                        + " An email address must have exactly one @ and a domain\",\"type\":\"value_error\"},"
                        + "{\"loc\":[\"body\",\"role\"],\"msg\":\"Input should be 'viewer', 'member' or 'admin'\","
                        + "\"type\":\"enum\"}]}");
    }

    @Test
    void validatesAcceptance() {
        var response = http().post("/auth/invitations/accept", Map.of("token", "t", "password", "short"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\",\"password\"]");
    }

    @Test
    void refusesAddressOfADomainAnotherWorkspaceRegisteredAndWritesNothing() {
        var other = fixtures.workspace();
        var email = "colleague-" + UUID.randomUUID() + "@" + other.domain;

        var invited = workspace.http().post("/workspace/invitations", Map.of("email", email));

        assertThat(invited.status()).isEqualTo(409);
        assertThat(invited.body())
                .isEqualTo("{\"detail\":\"E-mail domain registered to another workspace: its people sign up there,"
                        + " and only the platform operator can invite them into this one\"}");
        assertThat(Outbox.count(operator, email)).isZero();
        // the address stays free for its own workspace
        assertThat(http().post("/auth/signup", Map.of("email", email, "password", PASSWORD))
                        .status())
                .isEqualTo(202);
        assertThat(Outbox.latest(operator, email).get("subject").asString()).isEqualTo("Confirm your Isotherm account");
    }

    @Test
    void invitesAddressOfTheWorkspacesOwnDomain() {
        var email = "colleague-" + UUID.randomUUID() + "@" + workspace.domain;

        var invited = workspace.http().post("/workspace/invitations", Map.of("email", email));

        assertThat(invited.status()).isEqualTo(201);
    }

    @Test
    void letsTheOperatorInviteAddressOfADomainAnotherWorkspaceRegistered() {
        var email = "consultant-" + UUID.randomUUID() + "@" + workspace.domain;

        var invited = operator.post("/workspace/invitations", Map.of("email", email, "role", "viewer"));

        assertThat(invited.status()).isEqualTo(201);
        assertThat(Outbox.latest(operator, email).get("subject").asString())
                .startsWith("You are invited to Operators ");
    }
}
