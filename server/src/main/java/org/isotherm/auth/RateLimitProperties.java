package org.isotherm.auth;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on {@code POST /token} and the {@code /auth/*} endpoints, against password guessing and mail flooding. Kept
 * in memory on each node: behind a load balancer with N nodes a client gets at most N times the limit.
 *
 * @param perAccount attempts per e-mail address within {@code window}
 * @param perAddress attempts per client address within {@code window} (behind a proxy, the rightmost forwarded hop that
 *     is not one of {@code isotherm.web.trusted-proxies})
 * @param window the period the limits refill over
 */
@Validated
@ConfigurationProperties("isotherm.auth.rate-limit")
public record RateLimitProperties(
        @Min(1) @DefaultValue("10") int perAccount,
        @Min(1) @DefaultValue("60") int perAddress,
        @NotNull @DefaultValue("1m") Duration window) {}
