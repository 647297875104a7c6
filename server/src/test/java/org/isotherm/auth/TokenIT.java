package org.isotherm.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import org.isotherm.support.Fixtures;
import org.isotherm.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class TokenIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Credentials credentials;

    @Autowired
    SigningKey signingKey;

    @Autowired
    AuthProperties properties;

    @Test
    void issuesBearerTokenForValidCredentialsAsTheGuideShows() {
        var workspace = fixtures.workspace();
        var response =
                http().postForm("/token", Map.of("username", workspace.admin.email(), "password", Fixtures.PASSWORD));

        assertThat(response.status()).isEqualTo(200);
        var json = response.json();
        assertThat(json.get("access_token").asString()).contains(".");
        assertThat(json.get("token_type").asString()).isEqualTo("bearer");
        assertThat(json.get("expires_in").asLong()).isEqualTo(86400);

        var me = http().bearer(json.get("access_token").asString()).get("/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("workspace_id").asString()).isEqualTo(workspace.id.toString());
        assertThat(me.json().get("role").asString()).isEqualTo("admin");
    }

    @Test
    void rejectsWrongPasswordAndUnknownUserAlike() {
        var workspace = fixtures.workspace();
        var wrong = http().postForm("/token", Map.of("username", workspace.admin.email(), "password", "nope"));
        var unknown = http().postForm("/token", Map.of("username", "nobody@" + workspace.domain, "password", "x"));

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo("{\"detail\":\"Incorrect username or password\"}");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrong.body());
    }

    @Test
    void rejectsUnconfirmedUserAndUserWhoMustResetPassword() {
        var workspace = fixtures.workspace();
        var user = workspace.user(Role.MEMBER);
        jdbc.sql("UPDATE users SET confirmed_at = NULL WHERE id = :id")
                .param("id", user.account().id())
                .update();
        var unconfirmed = http().postForm("/token", Map.of("username", user.email(), "password", Fixtures.PASSWORD));
        assertThat(unconfirmed.status()).isEqualTo(401);
        assertThat(unconfirmed.json().get("detail").asString()).startsWith("Email not confirmed");

        jdbc.sql("UPDATE users SET confirmed_at = now(), password_reset_required = true WHERE id = :id")
                .param("id", user.account().id())
                .update();
        var reset = http().postForm("/token", Map.of("username", user.email(), "password", Fixtures.PASSWORD));
        assertThat(reset.status()).isEqualTo(401);
        assertThat(reset.json().get("detail").asString()).startsWith("Password reset required");
    }

    @Test
    void listsEachMissingFormFieldAs422() {
        var response = http().postForm("/token", Map.of());

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body())
                .isEqualTo(
                        "{\"detail\":[{\"loc\":[\"body\",\"username\"],\"msg\":\"Field required\",\"type\":\"missing\"},"
                                + "{\"loc\":[\"body\",\"password\"],\"msg\":\"Field required\",\"type\":\"missing\"}]}");
    }

    @Test
    void answersMissingCredentialsWithNotAuthenticated() {
        var response = http().get("/me");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"detail\":\"Not authenticated\"}");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void answersExpiredTokenWithNotAuthenticated() throws Exception {
        var user = fixtures.workspace().admin.account();
        var dayAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(25)), ZoneOffset.UTC);
        var issuer = new JwtTokens(signingKey, properties, dayAgo);
        var expired = issuer.issue(user.id(), user.organizationId(), user.tokenVersion());

        var response = http().bearer(expired.accessToken()).get("/me");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"detail\":\"Not authenticated\"}");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void rejectsTamperedToken() {
        var token = fixtures.workspace().admin.token();
        var parts = token.split("\\.");
        var tampered = parts[0] + "." + parts[1] + "x." + parts[2];

        var response = http().bearer(tampered).get("/me");
        var garbage = http().bearer("not-a-jwt").get("/me");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"detail\":\"Could not validate credentials\"}");
        assertThat(garbage.status()).isEqualTo(401);
    }

    @Test
    void rejectsTokenIssuedBeforeThePasswordChanged() {
        var user = fixtures.workspace().user(Role.MEMBER);
        assertThat(http().bearer(user.token()).get("/me").status()).isEqualTo(200);

        jdbc.sql("UPDATE users SET token_version = token_version + 1 WHERE id = :id")
                .param("id", user.account().id())
                .update();
        credentials.forgetUser(user.account().id());

        var response = http().bearer(user.token()).get("/me");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("detail").asString()).startsWith("Token no longer valid");
    }

    @Test
    void acceptsApiKeyWhereverABearerTokenIsAccepted() {
        var workspace = fixtures.workspace();
        var key = fixtures.apiKey(workspace.admin, Role.MEMBER);

        var response = http().apiKey(key).get("/me");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("workspace_id").asString()).isEqualTo(workspace.id.toString());
        assertThat(response.json().get("role").asString()).isEqualTo("member");
        assertThat(response.json().get("api_key_id").isNull()).isFalse();
    }

    @Test
    void rejectsUnknownOrMalformedApiKey() {
        var workspace = fixtures.workspace();
        var key = fixtures.apiKey(workspace.admin, Role.MEMBER);
        var wrongSecret = key.substring(0, key.length() - 3) + "abc";

        assertThat(http().apiKey(wrongSecret).get("/me").body()).isEqualTo("{\"detail\":\"Invalid API key\"}");
        assertThat(http().apiKey("garbage").get("/me").status()).isEqualTo(401);
    }

    @Test
    void rejectsTokenIssuedInTheFuture() throws Exception {
        var user = fixtures.workspace().admin.account();
        var inAnHour = Clock.fixed(Instant.now().plus(Duration.ofHours(1)), ZoneOffset.UTC);
        var early = new JwtTokens(signingKey, properties, inAnHour)
                .issue(user.id(), user.organizationId(), user.tokenVersion());

        var response = http().bearer(early.accessToken()).get("/me");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body())
                .isEqualTo("{\"detail\":\"Token not yet valid: it was issued for a time in the future\"}");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void rejectsTokenNotValidBeforeATimeInTheFuture() throws Exception {
        var user = fixtures.workspace().admin.account();
        var now = Instant.now();
        var claims = new JWTClaimsSet.Builder()
                .issuer("isotherm")
                .subject(user.id().toString())
                .claim("ws", user.organizationId().toString())
                .claim("ver", user.tokenVersion())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .build();
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(signingKey.secret()));

        var response = http().bearer(jwt.serialize()).get("/me");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("detail").asString()).startsWith("Token not yet valid");
    }

    @Test
    void acceptsTokenIssuedALittleAheadWithinTheClockSkew() throws Exception {
        var user = fixtures.workspace().admin.account();
        var ahead = properties.clockSkew().dividedBy(2);
        var fastClock = Clock.fixed(Instant.now().plus(ahead), ZoneOffset.UTC);
        var token = new JwtTokens(signingKey, properties, fastClock)
                .issue(user.id(), user.organizationId(), user.tokenVersion());

        var response = http().bearer(token.accessToken()).get("/me");

        assertThat(response.status()).isEqualTo(200);
    }
}
