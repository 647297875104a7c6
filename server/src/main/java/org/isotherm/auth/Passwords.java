package org.isotherm.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password hashing with bcrypt. Only login and password changes pay for it: requests authenticate with a token or
 * an API key, whose checks cost an HMAC or a SHA-256.
 *
 * <p>bcrypt reads at most 72 bytes (and Spring's encoder refuses more), while we accept passwords of up to 128
 * characters: a longer password is first reduced to the Base64 of its SHA-256, so that every character counts.
 */
@Component
public class Passwords {

    /** A valid hash of no real password, compared against when the user is unknown so timing does not tell. */
    private static final String DUMMY_HASH = "$2a$10$7EqJtq98hPqEX7fNZaFWoOa3S4j8L4m4gLq6RjS9aDPLv6CwqJ5yW";

    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(10);

    /** Passwords are at least this long. */
    public static final int MIN_LENGTH = 8;

    /** Passwords are at most this long. */
    public static final int MAX_LENGTH = 128;

    private static final int BCRYPT_MAX_BYTES = 72;

    public String hash(String password) {
        return encoder.encode(fit(password));
    }

    public boolean matches(String password, String hash) {
        return hash != null && encoder.matches(fit(password), hash);
    }

    /** Spends the time of one comparison so an unknown e-mail answers as slowly as a wrong password. */
    public void burnComparison(String password) {
        encoder.matches(fit(password), DUMMY_HASH);
    }

    private static String fit(String password) {
        var bytes = password.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= BCRYPT_MAX_BYTES) {
            return password;
        }
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
