package org.isotherm.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.filter.ForwardedHeaderFilter;

/**
 * The one place that believes forwarded headers, and only from a trusted proxy ({@link WebProperties#trustedProxies()}).
 * Links (STAC) are then built for the address clients used ({@code Forwarded}, {@code X-Forwarded-Proto/Host/Port/Prefix}).
 *
 * <p>The client address (rate limits, logs) is read from the right: the hops a request passed are the {@code for=} values
 * of {@code Forwarded} (or, without that header, the entries of {@code X-Forwarded-For}) followed by the connection's peer,
 * and the client is the rightmost hop that is not a trusted proxy. Each proxy appends the address it received the request
 * from, so everything left of that hop was written by the client and proves nothing: taking the leftmost entry, as
 * {@link ForwardedHeaderFilter} does, let a client pick a new address for every request. Tomcat's {@code RemoteIpValve}
 * follows the same rule with a list of its own, so {@code server.forward-headers-strategy} must stay {@code none}.
 */
class TrustedForwardedHeaderFilter extends ForwardedHeaderFilter {

    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:.]*");
    /** A host name or IP literal, as a forwarded host must be to make a link. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})|\\[[0-9A-Fa-f:.]+]");

    private final List<IpAddressMatcher> trusted;

    TrustedForwardedHeaderFilter(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(IpAddressMatcher::new).toList();
    }

    /**
     * A malformed header makes the filter answer 400; run again on that error's dispatch, it would fail the same way
     * and leave the answer without a body. An error body carries no links, so it needs no forwarded host.
     */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !isTrusted(request.getRemoteAddr()) || super.shouldNotFilter(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var client = client(request);
        super.doFilterInternal(request, response, (forwarded, sameResponse) -> {
            var wrapped = (HttpServletRequest) forwarded;
            if (!HOST.matcher(wrapped.getServerName()).matches()
                    || !(wrapped.getScheme().equals("http")
                            || wrapped.getScheme().equals("https"))) {
                // links are built from these: a proxy that forwards "a b" or gopher is misconfigured or not one
                ErrorBody.write(wrapped, (HttpServletResponse) sameResponse, 400, "Invalid forwarded host or protocol");
                return;
            }
            chain.doFilter(new ClientAddressRequest(wrapped, client), sameResponse);
        });
    }

    /** The rightmost hop that is not a trusted proxy; the leftmost one when every hop is trusted. */
    Hop client(HttpServletRequest request) {
        var hops = forwardedFor(request);
        var hop = Hop.parse(request.getRemoteAddr());
        for (int i = hops.size() - 1; i >= 0 && isTrusted(hop.address()); i--) {
            hop = Hop.parse(hops.get(i));
        }
        return hop;
    }

    private boolean isTrusted(String address) {
        var literal = literal(address);
        return literal != null && trusted.stream().anyMatch(matcher -> matcher.matches(literal));
    }

    /**
     * What the proxies wrote, leftmost first: the {@code for=} values of {@code Forwarded} when the request has that
     * header (as {@link ForwardedHeaderFilter} prefers it too), else {@code X-Forwarded-For}.
     */
    private static List<String> forwardedFor(HttpServletRequest request) {
        var hops = new ArrayList<String>();
        var forwarded = Collections.list(request.getHeaders("Forwarded"));
        if (!forwarded.isEmpty()) {
            for (var header : forwarded) {
                for (var element : header.split(",")) {
                    for (var pair : element.split(";")) {
                        var equals = pair.indexOf('=');
                        if (equals > 0
                                && pair.substring(0, equals)
                                        .strip()
                                        .toLowerCase(Locale.ROOT)
                                        .equals("for")) {
                            hops.add(pair.substring(equals + 1).strip());
                        }
                    }
                }
            }
            return hops;
        }
        for (var header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (var entry : header.split(",")) {
                if (!entry.isBlank()) {
                    hops.add(entry.strip());
                }
            }
        }
        return hops;
    }

    /**
     * The address of an IP literal in its canonical text (as the servlet container writes peers), or null for
     * anything else: an obfuscated or {@code unknown} node name can never be a trusted proxy, and resolving a host
     * name would ask DNS.
     */
    static @Nullable String literal(String address) {
        if (!IPV4.matcher(address).matches() && !IPV6.matcher(address).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(address).getHostAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /**
     * One hop as a proxy wrote it: quotes, brackets and port taken off, the address canonical when it is an IP literal
     * and kept as written otherwise.
     */
    record Hop(String address, int port) {

        static Hop parse(String written) {
            var value = written.strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1).strip();
            }
            int port = 0;
            String host = value;
            if (value.startsWith("[")) {
                var close = value.indexOf(']');
                if (close > 0) {
                    host = value.substring(1, close);
                    port = port(value.substring(close + 1));
                }
            } else if (value.indexOf(':') > 0 && value.indexOf(':') == value.lastIndexOf(':')) {
                host = value.substring(0, value.indexOf(':'));
                port = port(value.substring(value.indexOf(':')));
            }
            var literal = literal(host);
            return literal != null ? new Hop(literal, port) : new Hop(value, 0);
        }

        private static int port(String colonAndPort) {
            if (colonAndPort.length() < 2 || colonAndPort.charAt(0) != ':') {
                return 0;
            }
            try {
                var port = Integer.parseInt(colonAndPort.substring(1));
                return port >= 0 && port <= 65535 ? port : 0;
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }

    /** The request as the forwarded headers describe it, with the client address read from the right. */
    private static final class ClientAddressRequest extends HttpServletRequestWrapper {

        private final Hop client;

        ClientAddressRequest(HttpServletRequest request, Hop client) {
            super(request);
            this.client = client;
        }

        @Override
        public String getRemoteAddr() {
            return client.address();
        }

        @Override
        public String getRemoteHost() {
            return client.address();
        }

        @Override
        public int getRemotePort() {
            return client.port();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<TrustedForwardedHeaderFilter> trustedForwardedHeaderFilter(
                WebProperties web, Environment environment) {
            requireNoOtherForwardedHeaderHandling(environment);
            var registration = new FilterRegistrationBean<>(new TrustedForwardedHeaderFilter(web.trustedProxies()));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
            return registration;
        }

        /**
         * Spring Boot's own handling ({@code native}: Tomcat's valve; {@code framework}: a filter trusting every peer)
         * would apply a second rule before this one, with other proxies trusted, so the platform refuses to start.
         */
        static void requireNoOtherForwardedHeaderHandling(Environment environment) {
            var strategy = environment.getProperty("server.forward-headers-strategy", "none");
            if (!strategy.strip().equalsIgnoreCase("none")) {
                throw new IllegalStateException("server.forward-headers-strategy is " + strategy
                        + ": it must stay none, forwarded headers are believed from isotherm.web.trusted-proxies only");
            }
        }
    }
}
