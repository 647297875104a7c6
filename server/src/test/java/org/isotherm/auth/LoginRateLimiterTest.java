package org.isotherm.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class LoginRateLimiterTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration QUARTER = Duration.ofMinutes(15);
    private static final Duration MONTH = Duration.ofDays(30);

    private static MockHttpServletRequest from(String address) {
        var request = new MockHttpServletRequest("POST", "/token");
        request.setRemoteAddr(address);
        return request;
    }

    @Test
    void limitsEachClientAddressWhateverTheAccount() {
        var limiter = new LoginRateLimiter(new RateLimitProperties(100, 3, MINUTE, 100, QUARTER, MONTH));
        for (int i = 0; i < 3; i++) {
            limiter.check(from("10.0.0.1"), "user" + i + "@a.test");
        }

        assertThatThrownBy(() -> limiter.check(from("10.0.0.1"), "other@a.test"))
                .isInstanceOf(TooManyRequestsException.class)
                .satisfies(e -> assertThat(((TooManyRequestsException) e).retryAfterSeconds())
                        .isBetween(1L, 60L));
        limiter.check(from("10.0.0.2"), "other@a.test");
    }

    @Test
    void limitsGuessesAtOneAccountFromOneAddressButNotTheOwnerElsewhere() {
        var limiter = new LoginRateLimiter(new RateLimitProperties(2, 100, MINUTE, 100, QUARTER, MONTH));
        limiter.check(from("10.0.0.1"), "Victim@a.test");
        limiter.check(from("10.0.0.1"), "victim@a.test");

        assertThatThrownBy(() -> limiter.check(from("10.0.0.1"), " VICTIM@a.test "))
                .isInstanceOf(TooManyRequestsException.class)
                .hasMessageMatching("Too many requests, retry in (59|60) s");
        limiter.check(from("10.0.0.2"), "victim@a.test");
        limiter.check(from("10.0.0.1"), "someone-else@a.test");
    }

    @Test
    void limitsEachAccountAcrossAddressesOverTheLongerWindow() {
        var limiter = new LoginRateLimiter(new RateLimitProperties(2, 100, MINUTE, 3, QUARTER, MONTH));
        limiter.check(from("10.0.0.1"), "victim@a.test");
        limiter.check(from("10.0.0.2"), "victim@a.test");
        limiter.check(from("10.0.0.3"), "victim@a.test");

        assertThatThrownBy(() -> limiter.check(from("10.0.0.4"), "victim@a.test"))
                .isInstanceOf(TooManyRequestsException.class)
                .satisfies(e -> assertThat(((TooManyRequestsException) e).retryAfterSeconds())
                        .isBetween(14 * 60L, 15 * 60L));
    }

    @Test
    void sparesAnAddressTheAccountLoggedInFromTheAccountLimit() {
        var limiter = new LoginRateLimiter(new RateLimitProperties(2, 100, MINUTE, 3, QUARTER, MONTH));
        limiter.check(from("192.0.2.1"), "owner@a.test");
        limiter.succeeded(from("192.0.2.1"), "Owner@a.test");
        limiter.check(from("10.0.0.1"), "owner@a.test");
        limiter.check(from("10.0.0.2"), "owner@a.test");
        assertThatThrownBy(() -> limiter.check(from("10.0.0.3"), "owner@a.test"))
                .isInstanceOf(TooManyRequestsException.class);

        limiter.check(from("192.0.2.1"), "owner@a.test");
        // still held to the limit per account and address
        assertThatThrownBy(() -> limiter.check(from("192.0.2.1"), "owner@a.test"))
                .isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void refusalsOfOneAddressDoNotDrainTheAccountLimit() {
        var limiter = new LoginRateLimiter(new RateLimitProperties(2, 100, MINUTE, 3, QUARTER, MONTH));
        for (int i = 0; i < 10; i++) {
            try {
                limiter.check(from("10.0.0.1"), "victim@a.test");
            } catch (TooManyRequestsException expected) {
                // the guesser is held back after two
            }
        }

        limiter.check(from("10.0.0.2"), "victim@a.test");
    }

    @Test
    void countsAnIpv6NetworkAsOneAddress() {
        var limiter = new LoginRateLimiter(new RateLimitProperties(100, 2, MINUTE, 100, QUARTER, MONTH));
        limiter.check(from("2001:db8:1:2:0:0:0:1"), "a@a.test");
        limiter.check(from("2001:db8:1:2:ffff:0:0:2"), "b@a.test");

        assertThatThrownBy(() -> limiter.check(from("2001:db8:1:2:abcd:0:0:3"), "c@a.test"))
                .isInstanceOf(TooManyRequestsException.class);
        limiter.check(from("2001:db8:1:3:0:0:0:1"), "c@a.test");
    }
}
