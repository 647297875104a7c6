package org.isotherm.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class LoginRateLimiterTest {

    private static MockHttpServletRequest from(String address) {
        var request = new MockHttpServletRequest("POST", "/token");
        request.setRemoteAddr(address);
        return request;
    }

    @Test
    void limitsEachClientAddressWhateverTheAccount() {
        var limiter = new LoginRateLimiter(new RateLimitProperties(100, 3, Duration.ofMinutes(1)));
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
    void limitsEachAccountAcrossAddresses() {
        var limiter = new LoginRateLimiter(new RateLimitProperties(2, 100, Duration.ofMinutes(1)));
        limiter.check(from("10.0.0.1"), "Victim@a.test");
        limiter.check(from("10.0.0.2"), "victim@a.test");

        assertThatThrownBy(() -> limiter.check(from("10.0.0.3"), " VICTIM@a.test "))
                .isInstanceOf(TooManyRequestsException.class)
                .hasMessageMatching("Too many requests, retry in (59|60) s");
    }
}
