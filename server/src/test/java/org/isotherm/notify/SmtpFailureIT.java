package org.isotherm.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.isotherm.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class SmtpFailureIT extends IntegrationTest {

    @Autowired
    OutboxRepository outbox;

    @Test
    void recordsWhyAnEmailCouldNotBeSent() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var unreachable = new JavaMailSenderImpl();
        unreachable.setHost("localhost");
        unreachable.setPort(closedPort);
        var smtp = new StaticListableBeanFactory(Map.of("smtp", unreachable)).getBeanProvider(JavaMailSender.class);
        var mailer =
                new Mailer(outbox, smtp, new MailProperties("Isotherm <no-reply@isotherm.local>"), Clock.systemUTC());

        var id = mailer.send("lost-" + UUID.randomUUID() + "@mail.test", "Lost", "body");

        var deadline = Instant.now().plus(Duration.ofSeconds(20));
        var entry = outbox.find(id).orElseThrow();
        while (entry.status().equals("pending") && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            entry = outbox.find(id).orElseThrow();
        }
        mailer.stop();
        assertThat(entry.status()).isEqualTo("failed");
        assertThat(entry.error()).contains("Couldn't connect to host");
        assertThat(entry.sentAt()).isNull();
    }
}
