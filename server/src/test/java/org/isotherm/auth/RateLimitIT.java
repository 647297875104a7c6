package org.isotherm.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.isotherm.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RateLimitIT extends IntegrationTest {

    @Autowired
    RateLimitProperties limits;

    @Test
    void limitsLoginAttemptsPerAccount() {
        var email = "guess-" + UUID.randomUUID() + "@victim.test";
        for (int i = 0; i < limits.perAccount(); i++) {
            assertThat(http().postForm("/token", Map.of("username", email, "password", "guess" + i))
                            .status())
                    .isEqualTo(401);
        }

        var limited = http().postForm("/token", Map.of("username", email, "password", "one more"));

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("detail").asString()).matches("Too many requests, retry in \\d+ s");
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, limits.window().toSeconds());
        assertThat(limited.json().get("detail").asString())
                .isEqualTo("Too many requests, retry in " + retryAfter + " s");
        // another account from the same address is not affected
        var other = http().postForm(
                        "/token", Map.of("username", "other-" + UUID.randomUUID() + "@victim.test", "password", "x"));
        assertThat(other.status()).isEqualTo(401);
    }

    @Test
    void limitsPasswordResetRequestsPerAccountCaseInsensitively() {
        var email = "flood-" + UUID.randomUUID() + "@victim.test";
        for (int i = 0; i < limits.perAccount(); i++) {
            var address = i % 2 == 0 ? email : email.toUpperCase();
            assertThat(http().post("/auth/password-reset", Map.of("email", address))
                            .status())
                    .isEqualTo(202);
        }

        var limited = http().post("/auth/password-reset", Map.of("email", email));

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isNotNull();
    }
}
