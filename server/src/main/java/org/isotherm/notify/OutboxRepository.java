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

/** The {@code mail_outbox} table. */
@Repository
class OutboxRepository {

    private static final String COLUMNS = "id, recipient, subject, body, status, error, sent_at, created";

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID insert(String recipient, String subject, String body, String status) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO mail_outbox (id, recipient, subject, body, status)
                        VALUES (:id, :recipient, :subject, :body, :status)""")
                .param("id", id)
                .param("recipient", recipient)
                .param("subject", subject)
                .param("body", body)
                .param("status", status)
                .update();
        return id;
    }

    Optional<OutboxMessage> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM mail_outbox WHERE id = :id")
                .param("id", id)
                .query(OutboxRepository::map)
                .optional();
    }

    void markSent(UUID id, Instant at) {
        jdbc.sql("UPDATE mail_outbox SET status = 'sent', sent_at = :at, error = NULL WHERE id = :id")
                .param("id", id)
                .param("at", Timestamp.from(at))
                .update();
    }

    void markFailed(UUID id, String error) {
        jdbc.sql("UPDATE mail_outbox SET status = 'failed', error = :error WHERE id = :id")
                .param("id", id)
                .param("error", error)
                .update();
    }

    /** Newest first; {@code recipient} (case-insensitive) narrows to one address when given. */
    List<OutboxMessage> list(@Nullable String recipient, int limit, int offset) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM mail_outbox"
                        + " WHERE (CAST(:recipient AS text) IS NULL OR lower(recipient) = lower(:recipient))"
                        + " ORDER BY created DESC, id LIMIT :limit OFFSET :offset")
                .param("recipient", recipient)
                .param("limit", limit)
                .param("offset", offset)
                .query(OutboxRepository::map)
                .list();
    }

    long count(@Nullable String recipient) {
        return jdbc.sql("SELECT count(*) FROM mail_outbox"
                        + " WHERE (CAST(:recipient AS text) IS NULL OR lower(recipient) = lower(:recipient))")
                .param("recipient", recipient)
                .query(Long.class)
                .single();
    }

    private static OutboxMessage map(ResultSet rs, int row) throws SQLException {
        var sentAt = rs.getTimestamp("sent_at");
        return new OutboxMessage(
                rs.getObject("id", UUID.class),
                rs.getString("recipient"),
                rs.getString("subject"),
                rs.getString("body"),
                rs.getString("status"),
                rs.getString("error"),
                sentAt == null ? null : sentAt.toInstant(),
                rs.getTimestamp("created").toInstant());
    }
}
