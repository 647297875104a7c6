package org.isotherm.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.filter.ForwardedHeaderFilter;

/**
 * Honours {@code Forwarded} and {@code X-Forwarded-Proto/Host/Port/Prefix/For} only when the connection comes from
 * a trusted proxy ({@link WebProperties#trustedProxies()}). Links (STAC) are then built for the address clients
 * used, while a client talking to us directly cannot claim another address to dodge per-address rate limits.
 */
class TrustedForwardedHeaderFilter extends ForwardedHeaderFilter {

    private final List<IpAddressMatcher> trusted;

    TrustedForwardedHeaderFilter(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(IpAddressMatcher::new).toList();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var peer = request.getRemoteAddr();
        return trusted.stream().noneMatch(matcher -> matcher.matches(peer)) || super.shouldNotFilter(request);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<TrustedForwardedHeaderFilter> trustedForwardedHeaderFilter(WebProperties web) {
            var registration = new FilterRegistrationBean<>(new TrustedForwardedHeaderFilter(web.trustedProxies()));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
            return registration;
        }
    }
}
