package org.isotherm.account;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password hashing with bcrypt. Only login and password changes pay for it: requests authenticate with a token or
 * an API key, whose checks cost an HMAC or a SHA-256.
 */
@Component
public class Passwords {

    /** A valid hash of no real password, compared against when the user is unknown so timing does not tell. */
    private static final String DUMMY_HASH = "$2a$10$7EqJtq98hPqEX7fNZaFWoOa3S4j8L4m4gLq6RjS9aDPLv6CwqJ5yW";

    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(10);

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return hash != null && encoder.matches(password, hash);
    }

    /** Spends the time of one comparison so an unknown e-mail answers as slowly as a wrong password. */
    public void burnComparison(String password) {
        encoder.matches(password, DUMMY_HASH);
    }
}
