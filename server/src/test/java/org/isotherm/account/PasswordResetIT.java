package org.isotherm.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class PasswordResetIT extends IntegrationTest {

    private static final String NEW_PASSWORD = "a brand new secret";

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

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
        assertThat(Outbox.await(operator, user.email(), 1).get("subject").asString())
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

        var forUnknown = http().post("/auth/password-reset", Map.of("email", unknown));
        var forKnown = http().post("/auth/password-reset", Map.of("email", known.email()));

        assertThat(forUnknown.status()).isEqualTo(202);
        assertThat(forUnknown.body()).isEqualTo(forKnown.body());
        Outbox.await(operator, known.email(), 1);
        awaitResetMailTasks();
        assertThat(Outbox.count(operator, unknown)).isZero();
    }

    @Test
    void answersBeforeLookingTheAddressUpWhateverItIs() throws Exception {
        var known = fixtures.workspace().user(Role.MEMBER);
        var unknown = "nobody-" + UUID.randomUUID() + "@nowhere.test";

        // While the account's row is locked no reset link can be written for it (its foreign key waits): a request
        // that wrote one before answering would not answer.
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.sql("SELECT id FROM users WHERE id = :id FOR UPDATE")
                    .param("id", known.account().id())
                    .query(UUID.class)
                    .single();

            assertThat(resetWithin5s(known.email())).isEqualTo(202);
            assertThat(resetWithin5s(unknown)).isEqualTo(202);
            assertThat(Outbox.count(operator, known.email())).isZero();
        });

        assertThat(Outbox.await(operator, known.email(), 1).get("subject").asString())
                .isEqualTo("Reset your Isotherm password");
    }

    private int resetWithin5s(String email) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/auth/password-reset"))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Http.JSON.writeValueAsString(Map.of("email", email))))
                .build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new AssertionError("No answer while the account was locked", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits until every scheduled reset e-mail has been decided (sent or, for an unknown address, dropped). */
    private void awaitResetMailTasks() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = :task")
                        .param("task", PasswordResetMail.TASK)
                        .query(Long.class)
                        .single()
                > 0) {
            assertThat(System.nanoTime()).as("reset e-mail tasks still waiting").isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void clearsRequiredResetAndConfirmsTheAddress() {
        var user = fixtures.workspace().user(Role.MEMBER);
        jdbc.sql("UPDATE users SET password_reset_required = true, confirmed_at = NULL WHERE id = :id")
                .param("id", user.account().id())
                .update();
        http().post("/auth/password-reset", Map.of("email", user.email()));
        Outbox.await(operator, user.email(), 1);

        http().post(
                        "/auth/password-reset/confirm",
                        Map.of("token", Outbox.linkToken(operator, user.email()), "password", NEW_PASSWORD));

        assertThat(logIn(user.email(), NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void usingOneResetLinkVoidsTheOthers() {
        var user = fixtures.workspace().user(Role.MEMBER);
        http().post("/auth/password-reset", Map.of("email", user.email()));
        Outbox.await(operator, user.email(), 1);
        var first = Outbox.linkToken(operator, user.email());
        http().post("/auth/password-reset", Map.of("email", user.email()));
        Outbox.await(operator, user.email(), 2);
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
        Outbox.await(operator, user.email(), 1);
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
