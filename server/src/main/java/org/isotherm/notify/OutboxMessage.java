package org.isotherm.notify;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One e-mail as recorded in the outbox, with what SMTP made of it: {@code attempts} deliveries started so far,
 * {@code error} the last failure, {@code nextAttemptAt} when a pending e-mail is (re)tried at the earliest.
 */
record OutboxMessage(
        UUID id,
        @JsonProperty("to") String recipient,
        String subject,
        String body,
        String status,
        @Nullable String error,
        @Nullable Instant sentAt,
        Instant created,
        int attempts,
        @Nullable Instant nextAttemptAt) {}
