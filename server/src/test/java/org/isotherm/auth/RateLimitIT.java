package org.isotherm.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.isotherm.support.Fixtures;
import org.isotherm.support.Http;
import org.isotherm.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RateLimitIT extends IntegrationTest {

    @Autowired
    RateLimitProperties limits;

    /** A request from a client at {@code address} through the trusted proxy the tests connect from (loopback). */
    private Http from(String address) {
        // what the client wrote itself comes first, and changes every time
        return http().header(
                        "X-Forwarded-For",
                        "192.0.2." + ThreadLocalRandom.current().nextInt(256) + ", " + address);
    }

    private Http.Response logIn(String address, String email, String password) {
        return from(address).postForm("/token", Map.of("username", email, "password", password));
    }

    @Test
    void limitsGuessesPerAccountFromTheAddressTheProxySawWhateverTheClientWroteBeforeIt() {
        var owner = fixtures.workspace().user(Role.MEMBER);
        for (int i = 0; i < limits.perAccountAndAddress(); i++) {
            assertThat(logIn("198.51.100.7", owner.email(), "guess" + i).status())
                    .isEqualTo(401);
        }

        var limited = logIn("198.51.100.7", owner.email(), Fixtures.PASSWORD);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("detail").asString()).matches("Too many requests, retry in \\d+ s");
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, limits.window().toSeconds());
        assertThat(limited.json().get("detail").asString())
                .isEqualTo("Too many requests, retry in " + retryAfter + " s");
        // the owner, elsewhere, is not locked out; nor is another account guessed at from the same address
        assertThat(logIn("203.0.113.7", owner.email(), Fixtures.PASSWORD).status())
                .isEqualTo(200);
        assertThat(logIn("198.51.100.7", "other-" + UUID.randomUUID() + "@victim.test", "x")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void limitsAnAccountAcrossAddressesButNotWhereItsOwnerLoggedInBefore() {
        var owner = fixtures.workspace().user(Role.MEMBER);
        assertThat(logIn("198.51.100.20", owner.email(), Fixtures.PASSWORD).status())
                .isEqualTo(200);
        // a flood of reset requests from many addresses, each within its own limit, until the account's limit holds
        int accepted = 0;
        while (accepted <= limits.perAccount()) {
            var address = "203.0.113." + (100 + accepted / limits.perAccountAndAddress());
            var status = from(address)
                    .post("/auth/password-reset", Map.of("email", owner.email()))
                    .status();
            if (status == 429) {
                break;
            }
            assertThat(status).isEqualTo(202);
            accepted++;
        }
        // the owner's two logins (by the fixture, then above) counted before their addresses were known
        assertThat(accepted).isEqualTo(limits.perAccount() - 2);

        var fresh = logIn("192.0.2.200", owner.email(), Fixtures.PASSWORD);
        var known = logIn("198.51.100.20", owner.email(), Fixtures.PASSWORD);

        assertThat(fresh.status()).isEqualTo(429);
        assertThat(Long.parseLong(fresh.header("Retry-After")))
                .isGreaterThan(limits.window().toSeconds());
        assertThat(known.status()).isEqualTo(200);
    }

    @Test
    void limitsPasswordResetRequestsPerAccountCaseInsensitively() {
        var email = "flood-" + UUID.randomUUID() + "@victim.test";
        for (int i = 0; i < limits.perAccountAndAddress(); i++) {
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
