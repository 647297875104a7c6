package org.isotherm.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class TrustedForwardedHeaderFilterTest {

    private final TrustedForwardedHeaderFilter filter =
            new TrustedForwardedHeaderFilter(List.of("127.0.0.0/8", "10.0.0.0/8"));

    private HttpServletRequest pass(String peer) throws Exception {
        var request = new MockHttpServletRequest("GET", "/stac");
        request.setRemoteAddr(peer);
        request.addHeader("X-Forwarded-Proto", "https");
        request.addHeader("X-Forwarded-Host", "api.example.org");
        request.addHeader("X-Forwarded-Prefix", "/thermal");
        request.addHeader("X-Forwarded-For", "203.0.113.7");
        var chain = new MockFilterChain();
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        return (HttpServletRequest) chain.getRequest();
    }

    @Test
    void honoursForwardedHeadersFromTrustedProxy() throws Exception {
        var seen = pass("10.1.2.3");

        assertThat(seen.getScheme()).isEqualTo("https");
        assertThat(seen.getServerName()).isEqualTo("api.example.org");
        assertThat(seen.getContextPath()).isEqualTo("/thermal");
        assertThat(seen.getRemoteAddr()).isEqualTo("203.0.113.7");
    }

    @Test
    void ignoresForwardedHeadersFromAnyoneElse() throws Exception {
        var seen = pass("198.51.100.20");

        assertThat(seen.getScheme()).isEqualTo("http");
        assertThat(seen.getServerName()).isEqualTo("localhost");
        assertThat(seen.getContextPath()).isEmpty();
        assertThat(seen.getRemoteAddr()).isEqualTo("198.51.100.20");
    }
}
