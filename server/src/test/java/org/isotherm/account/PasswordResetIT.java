package org.isotherm.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.isotherm.auth.Role;
import org.isotherm.support.Fixtures;
import org.isotherm.support.Http;
import org.isotherm.support.IntegrationTest;
import org.isotherm.support.Outbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class PasswordResetIT extends IntegrationTest {

    private static final String NEW_PASSWORD = "a brand new secret";

    @Autowired
    JdbcClient jdbc;

    private Http operator;

    @BeforeEach
    void setUp() {
        operator = fixtures.http().bearer(fixtures.operator().token());
    }

    private Http.Response logIn(String email, String password) {
        return http().postForm("/token", Map.of("username", email, "password", password));
    }

    @Test
    void resetsPasswordByEmailedLinkAndInvalidatesEarlierTokens() {
        var user = fixtures.workspace().user(Role.MEMBER);

        var requested = http().post("/auth/password-reset", Map.of("email", user.email()));

        assertThat(requested.status()).isEqualTo(202);
        assertThat(Outbox.latest(operator, user.email()).get("subject").asString())
                .isEqualTo("Reset your Isotherm password");
        var token = Outbox.linkToken(operator, user.email());

        var reset = http().post("/auth/password-reset/confirm", Map.of("token", token, "password", NEW_PASSWORD));

        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.body()).isEqualTo("{\"email\":\"" + user.email() + "\"}");
        assertThat(http().bearer(user.token()).get("/me").status()).isEqualTo(401);
        assertThat(logIn(user.email(), Fixtures.PASSWORD).status()).isEqualTo(401);
        assertThat(logIn(user.email(), NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void answersUnknownAddressExactlyLikeAKnownOneAndSendsNothing() {
        var known = fixtures.workspace().user(Role.MEMBER);
        var unknown = "nobody-" + UUID.randomUUID() + "@nowhere.test";

        var forKnown = http().post("/auth/password-reset", Map.of("email", known.email()));
        var forUnknown = http().post("/auth/password-reset", Map.of("email", unknown));

        assertThat(forUnknown.status()).isEqualTo(202);
        assertThat(forUnknown.body()).isEqualTo(forKnown.body());
        assertThat(Outbox.count(operator, unknown)).isZero();
    }

    @Test
    void clearsRequiredResetAndConfirmsTheAddress() {
        var user = fixtures.workspace().user(Role.MEMBER);
        jdbc.sql("UPDATE users SET password_reset_required = true, confirmed_at = NULL WHERE id = :id")
                .param("id", user.account().id())
                .update();
        http().post("/auth/password-reset", Map.of("email", user.email()));

        http().post(
                        "/auth/password-reset/confirm",
                        Map.of("token", Outbox.linkToken(operator, user.email()), "password", NEW_PASSWORD));

        assertThat(logIn(user.email(), NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void usingOneResetLinkVoidsTheOthers() {
        var user = fixtures.workspace().user(Role.MEMBER);
        http().post("/auth/password-reset", Map.of("email", user.email()));
        var first = Outbox.linkToken(operator, user.email());
        http().post("/auth/password-reset", Map.of("email", user.email()));
        var second = Outbox.linkToken(operator, user.email());

        assertThat(http().post("/auth/password-reset/confirm", Map.of("token", second, "password", NEW_PASSWORD))
                        .status())
                .isEqualTo(200);
        var reused = http().post("/auth/password-reset/confirm", Map.of("token", first, "password", "another one!"));

        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.body()).isEqualTo("{\"detail\":\"Invalid or expired link: request a new one\"}");
    }

    @Test
    void refusesResetLinkOfRemovedMember() {
        var workspace = fixtures.workspace();
        var user = workspace.user(Role.MEMBER);
        http().post("/auth/password-reset", Map.of("email", user.email()));
        var token = Outbox.linkToken(operator, user.email());
        workspace.http().delete("/workspace/members/" + user.account().id());

        var response = http().post("/auth/password-reset/confirm", Map.of("token", token, "password", NEW_PASSWORD));

        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void validatesTheNewPassword() {
        var response = http().post("/auth/password-reset/confirm", Map.of("password", "short"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body())
                .isEqualTo(
                        "{\"detail\":[{\"loc\":[\"body\",\"token\"],\"msg\":\"Field required\",\"type\":\"missing\"},"
                                + "{\"loc\":[\"body\",\"password\"],\"msg\":\"String should have at least 8 characters\","
                                + "\"type\":\"string_too_short\"}]}");
    }

    @Test
    void rejectsMalformedAddress() {
        var response = http().post("/auth/password-reset", Map.of("email", "no-at-sign"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\",\"email\"]");
    }
}
