package org.isotherm.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Issues and verifies the HS256 bearer tokens of {@code POST /token}. Verification costs one HMAC, no database. */
@Component
class JwtTokens {

    private static final String ISSUER = "isotherm";

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final AuthProperties properties;
    private final Clock clock;

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

    /** The claims of a valid token; throws {@link BadCredentialsException} saying why a token is not valid. */
    TokenClaims verify(String token) {
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
            if (!expires.toInstant().isAfter(Instant.now(clock))) {
                throw BadCredentialsException.expired();
            }
            var version = claims.getIntegerClaim("ver");
            return new TokenClaims(
                    UUID.fromString(claims.getSubject()),
                    UUID.fromString(claims.getStringClaim("ws")),
                    version == null ? -1 : version);
        } catch (JOSEException | ParseException | IllegalArgumentException | NullPointerException e) {
            throw BadCredentialsException.invalidToken();
        }
    }

    record TokenClaims(UUID userId, UUID workspaceId, int tokenVersion) {}

    record IssuedToken(String accessToken, long expiresIn) {}
}
