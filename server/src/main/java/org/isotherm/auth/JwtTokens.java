package org.isotherm.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Issues and verifies the HS256 bearer tokens of {@code POST /token}. Verification costs one HMAC, no database. */
@Component
class JwtTokens {

    private static final String ISSUER = "isotherm";

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final AuthProperties properties;
    private final Clock clock;
    private final Cache<String, TokenClaims> verified = Caffeine.newBuilder()
            .maximumSize(50_000)
            .expireAfterWrite(Duration.ofMinutes(10))
            .build();

    JwtTokens(SigningKey key, AuthProperties properties, Clock clock) throws JOSEException {
        this.signer = new MACSigner(key.secret());
        this.verifier = new MACVerifier(key.secret());
        this.properties = properties;
        this.clock = clock;
    }

    IssuedToken issue(UUID userId, UUID workspaceId, int tokenVersion) {
        var now = clock.instant();
        var expires = now.plus(properties.tokenTtl());
        var claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(userId.toString())
                .claim("ws", workspaceId.toString())
                .claim("ver", tokenVersion)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .build();
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
        return new IssuedToken(jwt.serialize(), properties.tokenTtl().toSeconds());
    }

    /**
     * The claims of a valid token; throws {@link BadCredentialsException} saying why a token is not valid. Tokens
     * already verified are remembered (clients send the same token for hours), so a request usually costs a hash
     * lookup instead of a parse and an HMAC.
     */
    TokenClaims verify(String token) {
        var known = verified.getIfPresent(token);
        if (known != null) {
            if (!known.expires().isAfter(clock.instant())) {
                throw BadCredentialsException.expired();
            }
            return known;
        }
        var claims = parseAndVerify(token);
        verified.put(token, claims);
        return claims;
    }

    private TokenClaims parseAndVerify(String token) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            throw BadCredentialsException.invalidToken();
        }
        try {
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                throw BadCredentialsException.invalidToken();
            }
            var claims = jwt.getJWTClaimsSet();
            var expires = claims.getExpirationTime();
            if (!ISSUER.equals(claims.getIssuer()) || expires == null || claims.getSubject() == null) {
                throw BadCredentialsException.invalidToken();
            }
            var now = clock.instant();
            if (!expires.toInstant().isAfter(now)) {
                throw BadCredentialsException.expired();
            }
            // A token from the future was made with a wrong clock or a stolen key; a little skew between nodes is fine.
            var latest = now.plus(properties.clockSkew());
            if (after(claims.getIssueTime(), latest) || after(claims.getNotBeforeTime(), latest)) {
                throw BadCredentialsException.notYetValid();
            }
            var version = claims.getIntegerClaim("ver");
            return new TokenClaims(
                    UUID.fromString(claims.getSubject()),
                    UUID.fromString(claims.getStringClaim("ws")),
                    version == null ? -1 : version,
                    expires.toInstant());
        } catch (JOSEException | ParseException | IllegalArgumentException | NullPointerException e) {
            throw BadCredentialsException.invalidToken();
        }
    }

    private static boolean after(@Nullable Date time, Instant latest) {
        return time != null && time.toInstant().isAfter(latest);
    }

    record TokenClaims(UUID userId, UUID workspaceId, int tokenVersion, Instant expires) {}

    record IssuedToken(String accessToken, long expiresIn) {}
}
