package org.isotherm.web;

import java.sql.Timestamp;
import java.time.Instant;
import org.isotherm.housekeeping.Purge;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Idempotency keys past their window ({@link Idempotency#RETENTION}): retries that late are new requests anyway. */
@Component
class IdempotencyPurge implements Purge {

    private final JdbcClient jdbc;

    IdempotencyPurge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String what() {
        return "idempotency keys";
    }

    @Override
    public long purge(Instant now, int batchSize) {
        var cutoff = Timestamp.from(now.minus(Idempotency.RETENTION));
        // ctid: the key has a three-column primary key; a TID scan finds the batch's rows directly
        return Purge.inBatches(
                batchSize,
                () -> jdbc.sql("""
                        DELETE FROM idempotency_keys WHERE ctid = ANY (ARRAY(
                            SELECT ctid FROM idempotency_keys WHERE created < :cutoff LIMIT :limit))""")
                        .param("cutoff", cutoff)
                        .param("limit", batchSize)
                        .update());
    }
}
