package org.isotherm.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.isotherm.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class SmtpFailureIT extends IntegrationTest {

    @Autowired
    OutboxRepository outbox;

    /** An SMTP sender to a port nobody listens on. */
    static JavaMailSenderImpl unreachableSmtp() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var unreachable = new JavaMailSenderImpl();
        unreachable.setHost("localhost");
        unreachable.setPort(closedPort);
        return unreachable;
    }

    @Test
    void recordsWhyAnEmailCouldNotBeSentAndKeepsItForARetry() throws Exception {
        var now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var mailer = new Mailer(
                outbox, TestMail.smtp(unreachableSmtp()), TestMail.properties(), Clock.fixed(now, ZoneOffset.UTC));

        var id = mailer.send("lost-" + UUID.randomUUID() + "@mail.test", "Lost", "body");

        var deadline = Instant.now().plus(Duration.ofSeconds(20));
        var entry = outbox.find(id).orElseThrow();
        while (entry.error() == null && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            entry = outbox.find(id).orElseThrow();
        }
        mailer.stop();
        assertThat(entry.status()).isEqualTo("pending");
        assertThat(entry.error()).contains("Couldn't connect to host");
        assertThat(entry.attempts()).isEqualTo(1);
        assertThat(entry.nextAttemptAt()).isEqualTo(now.plus(Duration.ofMinutes(1)));
        assertThat(entry.sentAt()).isNull();
    }
}
