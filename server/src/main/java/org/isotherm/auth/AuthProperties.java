package org.isotherm.auth;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param tokenTtl how long a bearer token from {@code POST /token} is valid (the guide: 24 hours)
 * @param credentialCacheTtl how long a node may reuse what it read about a user or API key before reading it again;
 *     changes made on the same node take effect at once, changes made on another node within this time
 * @param anonymousStacRead whether requests without credentials may read the STAC API ({@code GET} under
 *     {@code /stac}, and {@code POST /stac/search}) as {@link Caller#ANONYMOUS}, who sees the collections an operator
 *     made public (demo or open data) and nothing else; off by default
 * @param clockSkew how far in the future a bearer token's issue time ({@code iat}) or start ({@code nbf}) may lie, for
 *     nodes whose clocks differ a little; a token further ahead is refused
 */
@Validated
@ConfigurationProperties("isotherm.auth")
public record AuthProperties(
        @NotNull @DefaultValue("24h") Duration tokenTtl,
        @NotNull @DefaultValue("5s") Duration credentialCacheTtl,
        @DefaultValue("false") boolean anonymousStacRead,
        @NotNull @DefaultValue("60s") Duration clockSkew) {}
