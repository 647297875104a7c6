package org.isotherm.auth;

import java.security.SecureRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The HMAC key that signs tokens. It lives in the database so that every node of a deployment verifies every
 * token; the first node to start creates it.
 */
@Component
class SigningKey {

    private final byte[] secret;

    SigningKey(JdbcClient jdbc) {
        var candidate = new byte[32];
        new SecureRandom().nextBytes(candidate);
        jdbc.sql("INSERT INTO signing_keys (id, secret) VALUES ('jwt', :secret) ON CONFLICT (id) DO NOTHING")
                .param("secret", candidate)
                .update();
        this.secret = jdbc.sql("SELECT secret FROM signing_keys WHERE id = 'jwt'")
                .query(byte[].class)
                .single();
    }

    byte[] secret() {
        return secret.clone();
    }
}
