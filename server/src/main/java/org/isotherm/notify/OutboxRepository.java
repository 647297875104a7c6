package org.isotherm.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code mail_outbox} table. A pending e-mail is sent only after a sender claimed it: one conditional UPDATE
 * counts the attempt and moves {@code next_attempt_at} past the claim's lease, so no other sender (on any node) sees
 * it as due while it is being sent.
 */
@Repository
class OutboxRepository {

    static final List<String> STATUSES = List.of("stored", "pending", "sent", "failed");

    private static final String COLUMNS =
            "id, recipient, subject, body, status, error, sent_at, created, attempts, next_attempt_at";
    private static final String FILTER =
            " WHERE (CAST(:recipient AS text) IS NULL OR lower(recipient) = lower(:recipient))"
                    + " AND (CAST(:status AS text) IS NULL OR status = :status)";

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new e-mail; {@code nextAttemptAt} only for a pending one (when the retry task may take it). */
    UUID insert(String recipient, String subject, String body, String status, @Nullable Instant nextAttemptAt) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO mail_outbox (id, recipient, subject, body, status, next_attempt_at)
                        VALUES (:id, :recipient, :subject, :body, :status, :next)""")
                .param("id", id)
                .param("recipient", recipient)
                .param("subject", subject)
                .param("body", body)
                .param("status", status)
                .param("next", nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt))
                .update();
        return id;
    }

    Optional<OutboxMessage> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM mail_outbox WHERE id = :id")
                .param("id", id)
                .query(OutboxRepository::map)
                .optional();
    }

    /**
     * Claims a just-recorded e-mail for its first delivery, unless the retry task took it already.
     *
     * @return whether this caller may send it
     */
    boolean claimFirst(UUID id, Instant leaseUntil) {
        return jdbc.sql("""
                        UPDATE mail_outbox SET attempts = 1, next_attempt_at = :lease
                        WHERE id = :id AND status = 'pending' AND attempts = 0""")
                        .param("id", id)
                        .param("lease", Timestamp.from(leaseUntil))
                        .update()
                == 1;
    }

    /**
     * Claims up to {@code limit} pending e-mails due at {@code now}, oldest due first. Rows another transaction is
     * claiming are skipped, not waited for; a claimed row is due again only after {@code leaseUntil}, which is when a
     * sender that died mid-send is given up on.
     */
    List<OutboxMessage> claimDue(Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql("UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = :lease"
                        + " WHERE id IN (SELECT id FROM mail_outbox"
                        + " WHERE status = 'pending' AND next_attempt_at <= :now"
                        + " ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)"
                        + " RETURNING " + COLUMNS)
                .param("now", Timestamp.from(now))
                .param("lease", Timestamp.from(leaseUntil))
                .param("limit", limit)
                .query(OutboxRepository::map)
                .list();
    }

    void markSent(UUID id, Instant at) {
        jdbc.sql("""
                        UPDATE mail_outbox SET status = 'sent', sent_at = :at, error = NULL, next_attempt_at = NULL
                        WHERE id = :id""").param("id", id).param("at", Timestamp.from(at)).update();
    }

    /**
     * Records a failed attempt: the e-mail is tried again at {@code retryAt}, or, with no {@code retryAt}, given up
     * ({@code failed}).
     */
    void markAttemptFailed(UUID id, String error, @Nullable Instant retryAt) {
        jdbc.sql("""
                        UPDATE mail_outbox
                        SET status = CASE WHEN CAST(:retry AS timestamptz) IS NULL THEN 'failed' ELSE status END,
                            error = :error, next_attempt_at = :retry
                        WHERE id = :id AND status = 'pending'""")
                .param("id", id)
                .param("error", error)
                .param("retry", retryAt == null ? null : Timestamp.from(retryAt))
                .update();
    }

    /**
     * Deletes up to {@code limit} e-mails recorded before {@code cutoff} that nothing will send any more (sent,
     * failed, or outbox-only); pending ones stay until they are sent or given up.
     */
    int deleteFinishedBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                        DELETE FROM mail_outbox WHERE id IN (
                            SELECT id FROM mail_outbox
                            WHERE created < :cutoff AND status IN ('stored', 'sent', 'failed')
                            LIMIT :limit)""")
                .param("cutoff", Timestamp.from(cutoff))
                .param("limit", limit)
                .update();
    }

    /** Newest first; {@code recipient} (case-insensitive) and {@code status} narrow the list when given. */
    List<OutboxMessage> list(@Nullable String recipient, @Nullable String status, int limit, int offset) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM mail_outbox" + FILTER
                        + " ORDER BY created DESC, id LIMIT :limit OFFSET :offset")
                .param("recipient", recipient)
                .param("status", status)
                .param("limit", limit)
                .param("offset", offset)
                .query(OutboxRepository::map)
                .list();
    }

    long count(@Nullable String recipient, @Nullable String status) {
        return jdbc.sql("SELECT count(*) FROM mail_outbox" + FILTER)
                .param("recipient", recipient)
                .param("status", status)
                .query(Long.class)
                .single();
    }

    private static OutboxMessage map(ResultSet rs, int row) throws SQLException {
        var sentAt = rs.getTimestamp("sent_at");
        var nextAttemptAt = rs.getTimestamp("next_attempt_at");
        return new OutboxMessage(
                rs.getObject("id", UUID.class),
                rs.getString("recipient"),
                rs.getString("subject"),
                rs.getString("body"),
                rs.getString("status"),
                rs.getString("error"),
                sentAt == null ? null : sentAt.toInstant(),
                rs.getTimestamp("created").toInstant(),
                rs.getInt("attempts"),
                nextAttemptAt == null ? null : nextAttemptAt.toInstant());
    }
}
