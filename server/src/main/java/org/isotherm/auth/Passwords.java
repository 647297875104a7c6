package org.isotherm.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
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

    /** Passwords are at least this long. */
    public static final int MIN_LENGTH = 8;

    /** Passwords are at most this long. */
    public static final int MAX_LENGTH = 128;

    private static final int BCRYPT_MAX_BYTES = 72;

    private final PasswordEncoder encoder;

    /**
     * A hash of no password, made by the same encoder (so of the same cost as real hashes), verified against when
     * there is no hash to check so that such a refusal costs as much as a wrong password.
     */
    private final String dummyHash;

    public Passwords() {
        this(new BCryptPasswordEncoder(10));
    }

    Passwords(PasswordEncoder encoder) {
        this.encoder = encoder;
        this.dummyHash = encoder.encode(UUID.randomUUID().toString());
    }

    public String hash(String password) {
        return encoder.encode(fit(password));
    }

    /**
     * Whether the password matches the hash. Costs one verification either way: without a hash (an unknown user, an
     * invitee who has not chosen a password yet) the password is verified against a dummy hash and does not match,
     * so the time of a refusal does not tell which kind it was.
     */
    public boolean matches(String password, @Nullable String hash) {
        var verified = encoder.matches(fit(password), hash == null ? dummyHash : hash);
        return hash != null && verified;
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
