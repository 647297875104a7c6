package org.isotherm.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.isotherm.account.AccountTokens.Purpose;
import org.isotherm.support.Fixtures.TestWorkspace;
import org.isotherm.support.Http;
import org.isotherm.support.IntegrationTest;
import org.isotherm.support.Outbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SignUpIT extends IntegrationTest {

    private static final String PASSWORD = "a long enough secret";

    @Autowired
    AccountTokens tokens;

    @Autowired
    UserRepository users;

    private TestWorkspace workspace;
    private Http operator;

    @BeforeEach
    void setUp() {
        workspace = fixtures.workspace();
        operator = fixtures.http().bearer(fixtures.operator().token());
    }

    private String newAddress() {
        return "new-" + UUID.randomUUID() + "@" + workspace.domain;
    }

    private Http.Response signUp(String email, String password) {
        return http().post("/auth/signup", Map.of("email", email, "password", password, "name", "Ada"));
    }

    private Http.Response logIn(String email, String password) {
        return http().postForm("/token", Map.of("username", email, "password", password));
    }

    @Test
    void signsUpConfirmsByTheEmailedLinkAndLogsIn() {
        var email = newAddress();

        var response = signUp(email, PASSWORD);

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.body())
                .isEqualTo("{\"message\":\"If the address can sign up, a confirmation e-mail is on its way:"
                        + " follow its link\"}");
        var mail = Outbox.latest(operator, email);
        assertThat(mail.get("subject").asString()).isEqualTo("Confirm your Isotherm account");
        assertThat(mail.get("body").asString()).contains("http://localhost:8080/ui/confirm?token=");
        assertThat(logIn(email, PASSWORD).json().get("detail").asString()).startsWith("Email not confirmed");

        var confirmed = http().post("/auth/confirm", Map.of("token", Outbox.linkToken(operator, email)));

        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body()).isEqualTo("{\"email\":\"" + email + "\"}");
        var login = logIn(email, PASSWORD);
        assertThat(login.status()).isEqualTo(200);
        var me = http().bearer(login.json().get("access_token").asString()).get("/me");
        assertThat(me.json().get("workspace_id").asString()).isEqualTo(workspace.id.toString());
        assertThat(me.json().get("role").asString()).isEqualTo("member");
    }

    @Test
    void acceptsEachConfirmationLinkOnlyOnce() {
        var email = newAddress();
        signUp(email, PASSWORD);
        var token = Outbox.linkToken(operator, email);

        assertThat(http().post("/auth/confirm", Map.of("token", token)).status())
                .isEqualTo(200);
        var again = http().post("/auth/confirm", Map.of("token", token));

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).isEqualTo("{\"detail\":\"Invalid or expired link: request a new one\"}");
    }

    @Test
    void rejectsExpiredConfirmationLink() {
        var email = newAddress();
        signUp(email, PASSWORD);
        var user = users.findByEmail(email).orElseThrow();
        var expired = tokens.issue(user.id(), Purpose.CONFIRM, Instant.now().minusSeconds(1));

        var response = http().post("/auth/confirm", Map.of("token", expired));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"detail\":\"Invalid or expired link: request a new one\"}");
    }

    @Test
    void rejectsUnknownConfirmationTokenAndOneMeantForAnotherPurpose() {
        var email = newAddress();
        signUp(email, PASSWORD);
        var user = users.findByEmail(email).orElseThrow();
        var resetToken = tokens.issue(user.id(), Purpose.RESET, Instant.now().plusSeconds(600));

        assertThat(http().post("/auth/confirm", Map.of("token", "nope")).status())
                .isEqualTo(400);
        assertThat(http().post("/auth/confirm", Map.of("token", resetToken)).status())
                .isEqualTo(400);
    }

    @Test
    void refusesAddressOfUnregisteredDomain() {
        var response = signUp("someone@unregistered-" + UUID.randomUUID() + ".test", PASSWORD);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body())
                .isEqualTo("{\"detail\":\"E-mail domain not registered: ask your organization's admin\"}");
    }

    @Test
    void listsEveryShapeProblemAs422() {
        var response = http().post("/auth/signup", Map.of("email", "not-an-address", "password", "short"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body())
                .isEqualTo("{\"detail\":[{\"loc\":[\"body\",\"email\"],\"msg\":\"value is not a valid email address:"
                        + " An email address must have exactly one @ and a domain\",\"type\":\"value_error\"},"
                        + "{\"loc\":[\"body\",\"password\"],\"msg\":\"String should have at least 8 characters\","
                        + "\"type\":\"string_too_short\"}]}");
    }

    @Test
    void rejectsPasswordLongerThan128Characters() {
        var response = signUp(newAddress(), "x".repeat(129));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").get(0).get("type").asString()).isEqualTo("string_too_long");
        assertThat(response.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\",\"password\"]");
    }

    @Test
    void acceptsPasswordOf128CharactersWhichBcryptAloneCouldNotHold() {
        var email = newAddress();
        var longPassword = "é".repeat(128);
        signUp(email, longPassword);
        http().post("/auth/confirm", Map.of("token", Outbox.linkToken(operator, email)));

        assertThat(logIn(email, longPassword).status()).isEqualTo(200);
        assertThat(logIn(email, "é".repeat(127) + "e").status()).isEqualTo(401);
    }

    @Test
    void requiresEmailAndPassword() {
        var response = http().post("/auth/signup", "{}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body())
                .isEqualTo(
                        "{\"detail\":[{\"loc\":[\"body\",\"email\"],\"msg\":\"Field required\",\"type\":\"missing\"},"
                                + "{\"loc\":[\"body\",\"password\"],\"msg\":\"Field required\",\"type\":\"missing\"}]}");
    }

    @Test
    void answersSignUpOfExistingAddressLikeANewOneAndTellsTheOwnerByEmail() {
        var existing = workspace.user(org.isotherm.auth.Role.MEMBER);
        var fresh = signUp(newAddress(), PASSWORD);

        var again = signUp(existing.email(), PASSWORD);

        assertThat(again.status()).isEqualTo(fresh.status());
        assertThat(again.body()).isEqualTo(fresh.body());
        var mail = Outbox.latest(operator, existing.email());
        assertThat(mail.get("subject").asString()).isEqualTo("You already have an Isotherm account");
        // the existing password still works: a sign-up never changes an account
        assertThat(logIn(existing.email(), org.isotherm.support.Fixtures.PASSWORD)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void concurrentSignUpsOfOneAddressAllAnswer202AndCreateOneAccount() throws Exception {
        var email = newAddress();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var answers = pool.invokeAll(java.util.Collections.nCopies(4, (java.util.concurrent.Callable<Integer>)
                    () -> signUp(email, PASSWORD).status()));
            for (var answer : answers) {
                assertThat(answer.get()).isEqualTo(202);
            }
        } finally {
            pool.shutdown();
        }

        var members = workspace.http().get("/workspace/members?limit=1000").json();
        assertThat(members.toString().split(java.util.regex.Pattern.quote(email), -1))
                .hasSize(2);
    }
}
