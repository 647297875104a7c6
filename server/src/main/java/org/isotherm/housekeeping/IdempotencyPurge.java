package org.isotherm.housekeeping;

import java.time.Instant;
import org.isotherm.web.Idempotency;
import org.springframework.stereotype.Component;

/** Idempotency keys past their window; {@code web} owns them and knows nothing of housekeeping. */
@Component
class IdempotencyPurge implements Purge {

    private final Idempotency idempotency;

    IdempotencyPurge(Idempotency idempotency) {
        this.idempotency = idempotency;
    }

    @Override
    public String what() {
        return "idempotency keys";
    }

    @Override
    public long purge(Instant now, int batchSize) {
        return Purge.inBatches(batchSize, () -> idempotency.deleteExpired(now, batchSize));
    }
}
