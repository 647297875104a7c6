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
 * <p>The strict limit is per account and client address together, so that guesses from one place stop soon while
 * guesses from elsewhere cannot lock the owner out; a looser one per account alone stops guessing spread over many
 * addresses, and spares the addresses the account recently logged in from, so that such a spread cannot lock the owner
 * out either.
 *
 * @param perAccountAndAddress attempts per e-mail address from one client address within {@code window}
 * @param perAddress attempts per client address within {@code window}, whatever the e-mail (behind a proxy, the client
 *     address is the rightmost forwarded hop that is not one of {@code isotherm.web.trusted-proxies}; an IPv6 client
 *     counts by its /64 network, which one subscriber usually holds whole)
 * @param window the period these two refill over
 * @param perAccount attempts per e-mail address from any address within {@code accountWindow}; not counted from a
 *     client address the account logged in from within {@code knownAddressTtl}
 * @param accountWindow the period {@code perAccount} refills over
 * @param knownAddressTtl how long a successful login spares its client address the {@code perAccount} limit
 */
@Validated
@ConfigurationProperties("isotherm.auth.rate-limit")
public record RateLimitProperties(
        @Min(1) @DefaultValue("10") int perAccountAndAddress,
        @Min(1) @DefaultValue("60") int perAddress,
        @NotNull @DefaultValue("1m") Duration window,
        @Min(1) @DefaultValue("100") int perAccount,
        @NotNull @DefaultValue("15m") Duration accountWindow,
        @NotNull @DefaultValue("30d") Duration knownAddressTtl) {}
