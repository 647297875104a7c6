package org.isotherm.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * The format of an API key: {@code iso_<prefix>_<secret>}. The prefix finds the row; the secret has 256 random
 * bits, so a SHA-256 of it is as safe to store as a slow password hash and costs microseconds to check.
 */
final class ApiKeySecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private ApiKeySecrets() {}

    record Generated(String key, String prefix, byte[] hash) {}

    record Parsed(String prefix, String secret) {}

    static Generated generate() {
        var prefixBytes = new byte[9];
        var secretBytes = new byte[32];
        RANDOM.nextBytes(prefixBytes);
        RANDOM.nextBytes(secretBytes);
        var prefix = ENCODER.encodeToString(prefixBytes).replace('_', 'x').replace('-', 'y');
        var secret = ENCODER.encodeToString(secretBytes);
        return new Generated("iso_" + prefix + "_" + secret, prefix, hash(secret));
    }

    static @Nullable Parsed parse(String key) {
        if (key.length() > 200 || !key.startsWith("iso_")) {
            return null;
        }
        int separator = key.indexOf('_', 4);
        if (separator < 0 || separator == key.length() - 1) {
            return null;
        }
        return new Parsed(key.substring(4, separator), key.substring(separator + 1));
    }

    static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean matches(String secret, byte[] expectedHash) {
        return MessageDigest.isEqual(hash(secret), expectedHash);
    }
}
