package org.isotherm.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
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

    private HttpServletRequest through(String peer, String header, String... values) throws Exception {
        var request = new MockHttpServletRequest("POST", "/token");
        request.setRemoteAddr(peer);
        for (var value : values) {
            request.addHeader(header, value);
        }
        var chain = new MockFilterChain();
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        return (HttpServletRequest) chain.getRequest();
    }

    @Test
    void takesTheClientFromTheRightSkippingTrustedProxies() throws Exception {
        var seen = through("10.1.2.3", "X-Forwarded-For", "198.51.100.99, 203.0.113.7, 10.0.0.5");

        assertThat(seen.getRemoteAddr()).isEqualTo("203.0.113.7");
        assertThat(seen.getRemoteHost()).isEqualTo("203.0.113.7");
    }

    @Test
    void ignoresWhatTheClientWroteLeftOfTheAddressItsProxySaw() throws Exception {
        for (int i = 0; i < 5; i++) {
            var seen = through("127.0.0.1", "X-Forwarded-For", "192.0.2." + i + ", 203.0.113.7");

            assertThat(seen.getRemoteAddr()).isEqualTo("203.0.113.7");
        }
    }

    @Test
    void readsHopsAcrossSeveralHeaderLines() throws Exception {
        var seen = through("10.1.2.3", "X-Forwarded-For", "198.51.100.99", "203.0.113.7:51234", "10.0.0.5");

        assertThat(seen.getRemoteAddr()).isEqualTo("203.0.113.7");
        assertThat(seen.getRemotePort()).isEqualTo(51234);
    }

    @Test
    void readsTheForValuesOfTheStandardHeader() throws Exception {
        var seen = through(
                "10.1.2.3",
                "Forwarded",
                "for=198.51.100.99;proto=https, for=\"[2001:db8::17]:4711\";host=api.example.org, for=10.0.0.5");

        assertThat(seen.getRemoteAddr()).isEqualTo("2001:db8:0:0:0:0:0:17");
        assertThat(seen.getRemotePort()).isEqualTo(4711);
    }

    @Test
    void takesTheLeftmostHopWhenEveryHopIsTrusted() throws Exception {
        var seen = through("127.0.0.1", "X-Forwarded-For", "10.9.9.9, 10.0.0.5");

        assertThat(seen.getRemoteAddr()).isEqualTo("10.9.9.9");
    }

    @Test
    void neverTrustsAHopThatIsNoAddress() throws Exception {
        var seen = through("127.0.0.1", "X-Forwarded-For", "198.51.100.99, unknown, 10.0.0.5");

        assertThat(seen.getRemoteAddr()).isEqualTo("unknown");
    }

    @Test
    void canonicalisesAnIpv6Peer() throws Exception {
        var seen = through("127.0.0.1", "X-Forwarded-For", "2001:DB8:0::17");

        assertThat(seen.getRemoteAddr()).isEqualTo("2001:db8:0:0:0:0:0:17");
    }

    @Test
    void refusesToStartWithAnotherForwardedHeaderStrategy() {
        TrustedForwardedHeaderFilter.Registration.requireNoOtherForwardedHeaderHandling(new MockEnvironment());
        TrustedForwardedHeaderFilter.Registration.requireNoOtherForwardedHeaderHandling(
                new MockEnvironment().withProperty("server.forward-headers-strategy", "NONE"));

        for (var strategy : new String[] {"native", "framework"}) {
            assertThatThrownBy(() -> TrustedForwardedHeaderFilter.Registration.requireNoOtherForwardedHeaderHandling(
                            new MockEnvironment().withProperty("server.forward-headers-strategy", strategy)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("isotherm.web.trusted-proxies");
        }
    }
}
