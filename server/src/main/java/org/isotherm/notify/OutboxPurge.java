package org.isotherm.notify;

import java.time.Instant;
import org.isotherm.housekeeping.Purge;
import org.springframework.stereotype.Component;

/** Outbox e-mails older than {@code isotherm.mail.retention} that nothing will send any more. */
@Component
class OutboxPurge implements Purge {

    private final OutboxRepository outbox;
    private final MailProperties properties;

    OutboxPurge(OutboxRepository outbox, MailProperties properties) {
        this.outbox = outbox;
        this.properties = properties;
    }

    @Override
    public String what() {
        return "mail outbox rows";
    }

    @Override
    public long purge(Instant now, int batchSize) {
        var cutoff = now.minus(properties.retention());
        return Purge.inBatches(batchSize, () -> outbox.deleteFinishedBefore(cutoff, batchSize));
    }
}
