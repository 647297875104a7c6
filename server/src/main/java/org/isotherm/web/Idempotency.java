package org.isotherm.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} for creating requests: a retry with the same key and body gets the first response again
 * and creates nothing; the same key with another body is a 422. The key row is inserted in the same transaction as
 * whatever the request creates, so two concurrent requests with one key serialise on it (the second waits for the
 * first to commit, then replays it) and a failed request leaves no key behind, so it can be retried.
 *
 * <p>Usage from a controller: {@code return idempotency.execute(workspaceId, "orders/batch", key, body, () ->
 * ResponseEntity.status(201).body(service.create(...)));} where the service method is {@code @Transactional} (it
 * joins this transaction).
 *
 * <p>A key is remembered for {@link #RETENTION}: after that the same key is a new request, and the daily purge
 * deletes the row.
 */
@Component
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    static final Duration RETENTION = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;

    Idempotency(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
    }

    /**
     * Deletes at most {@code limit} keys past their window at {@code now}, for the daily purge; retries that late are
     * new requests anyway.
     *
     * @return the number of keys deleted
     */
    public int deleteExpired(Instant now, int limit) {
        // ctid: the key has a three-column primary key; a TID scan finds the batch's rows directly
        return jdbc.sql("""
                        DELETE FROM idempotency_keys WHERE ctid = ANY (ARRAY(
                            SELECT ctid FROM idempotency_keys WHERE created < :cutoff LIMIT :limit))""")
                .param("cutoff", Timestamp.from(now.minus(RETENTION)))
                .param("limit", limit)
                .update();
    }

    /**
     * Runs {@code action} once per (workspace, scope, key). Without a key it just runs it.
     *
     * @param scope names the endpoint, so one key may be used on two endpoints
     * @param requestBody the parsed request; its JSON form decides whether a retry is "the same request"
     */
    public ResponseEntity<?> execute(
            UUID workspaceId,
            String scope,
            @Nullable String key,
            Object requestBody,
            Supplier<? extends ResponseEntity<?>> action) {
        if (key == null) {
            return action.get();
        }
        validate(key);
        var hash = hash(json.writeValueAsString(requestBody));
        return transactions.execute(status -> {
            // A key older than its window counts as new even before the daily purge (IdempotencyPurge) deleted it.
            int inserted = jdbc.sql("""
                            INSERT INTO idempotency_keys (organization_id, scope, key, request_hash)
                            VALUES (:workspace, :scope, :key, :hash)
                            ON CONFLICT (organization_id, scope, key) DO UPDATE
                            SET request_hash = EXCLUDED.request_hash, status = NULL, response_body = NULL,
                                created = now()
                            WHERE idempotency_keys.created < now() - make_interval(secs => :seconds)""")
                    .param("workspace", workspaceId)
                    .param("scope", scope)
                    .param("key", key)
                    .param("hash", hash)
                    .param("seconds", RETENTION.toSeconds())
                    .update();
            if (inserted == 0) {
                return replay(workspaceId, scope, key, hash);
            }
            ResponseEntity<?> response = action.get();
            jdbc.sql("""
                            UPDATE idempotency_keys SET status = :status, response_body = :body
                            WHERE organization_id = :workspace AND scope = :scope AND key = :key""")
                    .param("status", response.getStatusCode().value())
                    .param("body", response.getBody() == null ? null : json.writeValueAsString(response.getBody()))
                    .param("workspace", workspaceId)
                    .param("scope", scope)
                    .param("key", key)
                    .update();
            return response;
        });
    }

    private ResponseEntity<?> replay(UUID workspaceId, String scope, String key, byte[] hash) {
        var stored = jdbc.sql("""
                        SELECT request_hash, status, response_body FROM idempotency_keys
                        WHERE organization_id = :workspace AND scope = :scope AND key = :key""")
                .param("workspace", workspaceId)
                .param("scope", scope)
                .param("key", key)
                .query((rs, row) -> new Stored(rs.getBytes(1), rs.getInt(2), rs.getString(3)))
                .single();
        if (!MessageDigest.isEqual(stored.requestHash(), hash)) {
            throw new RequestValidationException(ValidationError.of(
                    "header", "Idempotency-Key was already used with a different request body", "value_error", HEADER));
        }
        var builder = ResponseEntity.status(stored.status()).header("Idempotent-Replayed", "true");
        if (stored.body() == null) {
            return builder.build();
        }
        return builder.contentType(MediaType.APPLICATION_JSON).body(stored.body());
    }

    private static void validate(String key) {
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new RequestValidationException(ValidationError.of(
                    "header",
                    "Idempotency-Key must be 1 to 255 printable ASCII characters without spaces",
                    "value_error",
                    HEADER));
        }
    }

    private static byte[] hash(String body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Stored(
            byte[] requestHash, int status, @Nullable String body) {}
}
