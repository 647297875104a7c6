package org.isotherm.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One-time tokens of e-mailed links. A token has 256 random bits and only its SHA-256 is stored; using one marks it
 * used in the same statement that checks it, so two concurrent uses cannot both succeed.
 */
@Repository
class AccountTokens {

    /** What a link lets its holder do. */
    enum Purpose {
        CONFIRM,
        RESET,
        INVITE;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    AccountTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new token for the user; the returned value is the only copy. */
    String issue(UUID userId, Purpose purpose, Instant expiresAt) {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        var token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                        INSERT INTO account_tokens (token_hash, user_id, purpose, expires_at)
                        VALUES (:hash, :user, :purpose, :expires)""")
                .param("hash", hash(token))
                .param("user", userId)
                .param("purpose", purpose.wire())
                .param("expires", Timestamp.from(expiresAt))
                .update();
        return token;
    }

    /** Uses the token if it is valid for {@code purpose}, unused and unexpired; returns its user. */
    Optional<UUID> consume(String token, Purpose purpose, Instant now) {
        return jdbc.sql("""
                        UPDATE account_tokens SET used_at = :now
                        WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now
                        RETURNING user_id""")
                .param("hash", hash(token))
                .param("purpose", purpose.wire())
                .param("now", Timestamp.from(now))
                .query(UUID.class)
                .optional();
    }

    /** Spends every outstanding token of the user for {@code purpose}: a used reset link voids the others. */
    void revokeAll(UUID userId, Purpose purpose, Instant now) {
        jdbc.sql("""
                        UPDATE account_tokens SET used_at = :now
                        WHERE user_id = :user AND purpose = :purpose AND used_at IS NULL""")
                .param("user", userId)
                .param("purpose", purpose.wire())
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * Deletes up to {@code limit} tokens that were used, or expired, before {@code cutoff}. Nothing reads a spent
     * token: using one answers the same "invalid link" as an unknown token.
     */
    int deleteSpentBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                        DELETE FROM account_tokens WHERE token_hash IN (
                            SELECT token_hash FROM account_tokens WHERE least(used_at, expires_at) < :cutoff
                            LIMIT :limit)""")
                .param("cutoff", Timestamp.from(cutoff))
                .param("limit", limit)
                .update();
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
