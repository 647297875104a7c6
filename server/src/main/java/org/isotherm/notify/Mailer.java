package org.isotherm.notify;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
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
 * <p>The log names the outbox entry, recipient and subject only: bodies carry one-time links.
 */
@Component
public class Mailer {

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
        var id = outbox.insert(to, subject, body, smtp == null ? "stored" : "pending");
        log.info("Mail {} to {}: {}", id, to, subject);
        if (smtp != null) {
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        sender.execute(() -> deliver(id, to, subject, body));
                    }
                });
            } else {
                sender.execute(() -> deliver(id, to, subject, body));
            }
        }
        return id;
    }

    private void deliver(UUID id, String to, String subject, String body) {
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
            // The exception text names the server and the failure, never the body.
            outbox.markFailed(id, String.valueOf(e.getMessage()));
            log.warn("Mail {} to {} could not be sent by SMTP: {}", id, to, e.getMessage());
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        sender.shutdown();
        sender.awaitTermination(10, TimeUnit.SECONDS);
    }
}
