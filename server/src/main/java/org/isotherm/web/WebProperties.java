package org.isotherm.web;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * HTTP settings shared by every feature.
 *
 * @param maxRequestSize largest request body accepted (413 above it)
 * @param largeRequestPaths path prefixes (or Ant patterns with {@code *}) allowed a larger body (bulk ingest), with
 *     their own limit
 * @param corsAllowedOrigins origins allowed by CORS ({@code *} for any); empty disables CORS
 * @param trustedProxies addresses or CIDR ranges of the proxies in front of the platform: only their forwarded headers
 *     are believed, and the client address is the rightmost forwarded hop that is not one of them (see
 *     {@code TrustedForwardedHeaderFilter})
 */
@Validated
@ConfigurationProperties("isotherm.web")
public record WebProperties(
        @NotNull @DefaultValue("10MB") DataSize maxRequestSize,
        @DefaultValue Map<String, DataSize> largeRequestPaths,
        @DefaultValue("*") List<String> corsAllowedOrigins,

        @DefaultValue({"127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"})
        List<String> trustedProxies) {

    private static final org.springframework.util.AntPathMatcher PATTERNS =
            new org.springframework.util.AntPathMatcher();

    long limitFor(String path) {
        for (var entry : largeRequestPaths.entrySet()) {
            var prefix = entry.getKey();
            if (prefix.contains("*") ? PATTERNS.match(prefix, path) : path.startsWith(prefix)) {
                return entry.getValue().toBytes();
            }
        }
        return maxRequestSize.toBytes();
    }
}
