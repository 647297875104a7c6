package org.isotherm.notify;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends the platform's e-mails. Every e-mail is first recorded in the outbox (in the caller's transaction, so an
 * e-mail exists exactly when what it announces was committed); when SMTP is configured ({@code spring.mail.host}) it
 * is then handed to the server after the commit, on a background thread, and the result recorded. Sending off the
 * request thread also keeps answers to "no enumeration" endpoints equally fast whether or not an e-mail went out.
 *
 * <p>An e-mail whose send failed, or that a crash left unsent, stays {@code pending} and is tried again by the retry
 * task ({@link #retryDue()}) with an exponential backoff until it is sent or {@code isotherm.mail.retry.max-attempts}
 * attempts failed ({@code failed}). Every send is preceded by a claim in the database (see {@link OutboxRepository}),
 * so an e-mail is never sent by two senders, whatever the number of nodes. It can still be sent twice if a node dies
 * after the SMTP server accepted it and before the outbox recorded that: delivery is at least once.
 *
 * <p>The log names the outbox entry, recipient and subject only: bodies carry one-time links.
 */
@Component
public class Mailer {

    /**
     * How long a claimed e-mail is left to its sender before another may take it: far longer than an SMTP exchange
     * can last (the SMTP timeouts are set in application.yml), so it only matters when the sender died.
     */
    static final Duration CLAIM_LEASE = Duration.ofMinutes(10);

    /** E-mails claimed at once by the retry task: a small batch, as each stays claimed until it is sent. */
    static final int CLAIM_BATCH = 20;

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final OutboxRepository outbox;
    private final @Nullable JavaMailSender smtp;
    private final MailProperties properties;
    private final Clock clock;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        var thread = new Thread(runnable, "smtp-sender");
        thread.setDaemon(true);
        return thread;
    });

    Mailer(OutboxRepository outbox, ObjectProvider<JavaMailSender> smtp, MailProperties properties, Clock clock) {
        this.outbox = outbox;
        this.smtp = smtp.getIfAvailable();
        this.properties = properties;
        this.clock = clock;
    }

    /** Records the e-mail and, with SMTP configured, sends it once the current transaction commits. */
    public UUID send(String to, String subject, String body) {
        var id = smtp == null
                ? outbox.insert(to, subject, body, "stored", null)
                : outbox.insert(
                        to,
                        subject,
                        body,
                        "pending",
                        clock.instant().plus(properties.retry().grace()));
        log.info("Mail {} to {}: {}", id, to, subject);
        if (smtp != null) {
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        sender.execute(() -> deliverFirst(id, to, subject, body));
                    }
                });
            } else {
                sender.execute(() -> deliverFirst(id, to, subject, body));
            }
        }
        return id;
    }

    /**
     * The retry task's work: sends every pending e-mail due now (its grace period or backoff over), each once. Does
     * nothing without SMTP: then no e-mail is pending.
     *
     * @return the number of e-mails attempted
     */
    int retryDue() {
        if (smtp == null) {
            return 0;
        }
        // One "now" for the whole run: an e-mail that fails again is due later than it, so the loop ends.
        var now = clock.instant();
        int attempted = 0;
        List<OutboxMessage> claimed;
        do {
            claimed = outbox.claimDue(now, clock.instant().plus(CLAIM_LEASE), CLAIM_BATCH);
            for (var mail : claimed) {
                deliver(mail.id(), mail.recipient(), mail.subject(), mail.body(), mail.attempts());
            }
            attempted += claimed.size();
        } while (claimed.size() == CLAIM_BATCH);
        if (attempted > 0) {
            log.info("Mail retry: {} e-mails attempted", attempted);
        }
        return attempted;
    }

    private void deliverFirst(UUID id, String to, String subject, String body) {
        // false when the retry task took the e-mail first (this thread was slower than the grace period)
        if (outbox.claimFirst(id, clock.instant().plus(CLAIM_LEASE))) {
            deliver(id, to, subject, body, 1);
        }
    }

    private void deliver(UUID id, String to, String subject, String body, int attempt) {
        var message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(to);
        message.setSubject(subject);
        message.setText(body);
        try {
            smtp.send(message);
            outbox.markSent(id, clock.instant());
            log.info("Mail {} sent by SMTP", id);
        } catch (RuntimeException e) {
            var retry = properties.retry();
            var retryAt =
                    attempt >= retry.maxAttempts() ? null : clock.instant().plus(retry.backoff(attempt));
            // The exception text names the server and the failure, never the body.
            outbox.markAttemptFailed(id, String.valueOf(e.getMessage()), retryAt);
            log.warn(
                    "Mail {} to {} could not be sent by SMTP (attempt {} of {}{}): {}",
                    id,
                    to,
                    attempt,
                    retry.maxAttempts(),
                    retryAt == null ? ", given up" : ", next at " + retryAt,
                    e.getMessage());
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        sender.shutdown();
        sender.awaitTermination(10, TimeUnit.SECONDS);
    }
}
