package org.isotherm.notify;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How e-mails leave the platform. SMTP itself is Spring Boot's {@code spring.mail.*} ({@code SPRING_MAIL_HOST},
 * ...): without a host, e-mails are only kept in the outbox.
 *
 * @param from sender address of every e-mail
 * @param retention how long sent, failed and outbox-only e-mails are kept before the daily purge deletes them
 * @param retry how e-mails that could not be sent are tried again
 */
@Validated
@ConfigurationProperties("isotherm.mail")
public record MailProperties(
        @NotBlank @DefaultValue("Isotherm <no-reply@isotherm.local>")
        String from,

        @NotNull @DefaultValue("30d") Duration retention,
        @Valid @NotNull @DefaultValue Retry retry) {

    /**
     * Delivery retries. An e-mail is first sent right after the commit that recorded it; if that fails, or the node
     * dies before it is sent, the retry task (every {@code interval}, one node at a time) tries again with an
     * exponential backoff, and gives up (status {@code failed}) after {@code maxAttempts} attempts.
     *
     * @param interval how often the retry task looks for due e-mails
     * @param grace how long after recording an e-mail is left to the after-commit send before the task may take it
     * @param maxAttempts attempts in all, the first included
     * @param initialBackoff wait after the first failed attempt; doubled after each further one
     * @param maxBackoff longest wait between two attempts
     */
    public record Retry(
            @NotNull @DefaultValue("1m") Duration interval,
            @NotNull @DefaultValue("1m") Duration grace,
            @Min(1) @DefaultValue("8") int maxAttempts,
            @NotNull @DefaultValue("1m") Duration initialBackoff,
            @NotNull @DefaultValue("1h") Duration maxBackoff) {

        /** The wait after the {@code attempts}-th failed attempt (1-based). */
        Duration backoff(int attempts) {
            var wait = initialBackoff;
            for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(maxBackoff) < 0 ? wait : maxBackoff;
        }

        @AssertTrue(message = "interval, initial-backoff and max-backoff must be positive, grace not negative")
        boolean isPositive() {
            // null only when a value was set empty: @NotNull reports that
            return interval == null
                    || grace == null
                    || initialBackoff == null
                    || maxBackoff == null
                    || (interval.compareTo(Duration.ZERO) > 0
                            && !grace.isNegative()
                            && initialBackoff.compareTo(Duration.ZERO) > 0
                            && maxBackoff.compareTo(Duration.ZERO) > 0);
        }
    }
}
