package org.isotherm.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.isotherm.support.Http;
import org.isotherm.support.IntegrationTest;
import org.isotherm.support.Outbox;
import org.isotherm.support.TestSmtp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class OutboxIT extends IntegrationTest {

    @Autowired
    Mailer mailer;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    OutboxRepository outbox;

    private Http operator;

    @BeforeEach
    void setUp() {
        operator = fixtures.http().bearer(fixtures.operator().token());
    }

    private static String recipient() {
        return "reader-" + UUID.randomUUID() + "@mail.test";
    }

    @Test
    void recordsEveryMailAndSendsItBySmtpAfterTheCommit() throws Exception {
        var to = recipient();

        transactions.executeWithoutResult(status -> mailer.send(to, "Hello", "Line one\nLine two"));

        var message = awaitMessage(to);
        assertThat(message.getSubject()).isEqualTo("Hello");
        assertThat(message.getFrom()[0].toString()).isEqualTo("Isotherm <no-reply@isotherm.local>");
        assertThat(((String) message.getContent()).strip()).isEqualTo("Line one\r\nLine two");
        var entry = awaitStatus(to, "sent");
        assertThat(entry.get("to").asString()).isEqualTo(to);
        assertThat(entry.get("subject").asString()).isEqualTo("Hello");
        assertThat(entry.get("body").asString()).isEqualTo("Line one\nLine two");
        assertThat(entry.get("error").isNull()).isTrue();
        assertThat(entry.get("attempts").asInt()).isEqualTo(1);
        assertThat(entry.get("next_attempt_at").isNull()).isTrue();
        assertThat(entry.get("sent_at").asString()).endsWith("Z");
        assertThat(entry.get("created").asString()).endsWith("Z");
    }

    @Test
    void sendsNothingWhenTheTransactionRollsBack() {
        var to = recipient();

        transactions.executeWithoutResult(status -> {
            mailer.send(to, "Never", "Rolled back");
            status.setRollbackOnly();
        });

        assertThat(Outbox.count(operator, to)).isZero();
    }

    @Test
    void listsNewestFirstPageByPage() {
        var to = recipient();
        mailer.send(to, "first", "1");
        mailer.send(to, "second", "2");
        mailer.send(to, "third", "3");

        var page = operator.get("/admin/outbox?limit=2&offset=1&to=" + to.toUpperCase())
                .json();

        assertThat(page.get("count").asLong()).isEqualTo(3);
        assertThat(page.get("items").size()).isEqualTo(2);
        assertThat(page.get("items").get(0).get("subject").asString()).isEqualTo("second");
        assertThat(page.get("items").get(1).get("subject").asString()).isEqualTo("first");
        assertThat(operator.get("/admin/outbox").json().get("count").asLong()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void filtersByStatus() {
        var to = recipient();
        outbox.insert(to, "kept", "1", "stored", null);
        var pending = outbox.insert(to, "waiting", "2", "pending", Instant.now().plus(Duration.ofDays(1)));
        var failed = outbox.insert(to, "lost", "3", "pending", Instant.now().plus(Duration.ofDays(1)));
        outbox.markAttemptFailed(failed, "Couldn't connect to host", null);

        var failedPage = operator.get("/admin/outbox?status=failed&to=" + to).json();
        var pendingPage = operator.get("/admin/outbox?status=pending&to=" + to).json();

        assertThat(failedPage.get("count").asLong()).isEqualTo(1);
        assertThat(failedPage.get("items").get(0).get("subject").asString()).isEqualTo("lost");
        assertThat(failedPage.get("items").get(0).get("error").asString()).isEqualTo("Couldn't connect to host");
        assertThat(pendingPage.get("count").asLong()).isEqualTo(1);
        assertThat(pendingPage.get("items").get(0).get("id").asString()).isEqualTo(pending.toString());
        assertThat(operator.get("/admin/outbox?status=sent&to=" + to)
                        .json()
                        .get("count")
                        .asLong())
                .isZero();
        assertThat(operator.get("/admin/outbox?status=stored&to=" + to)
                        .json()
                        .get("count")
                        .asLong())
                .isEqualTo(1);
        assertThat(Outbox.count(operator, to)).isEqualTo(3);
    }

    @Test
    void rejectsAnUnknownStatusTogetherWithBadPaging() {
        var response = operator.get("/admin/outbox?status=lost&limit=0");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().toString())
                .isEqualTo("{\"detail\":["
                        + "{\"loc\":[\"query\",\"limit\"],\"msg\":\"Input should be greater than or equal to 1\","
                        + "\"type\":\"greater_than_equal\"},"
                        + "{\"loc\":[\"query\",\"status\"],"
                        + "\"msg\":\"Input should be 'stored', 'pending', 'sent' or 'failed'\","
                        + "\"type\":\"literal_error\"}]}");
    }

    @Test
    void rejectsPagingOutOfRange() {
        var response = operator.get("/admin/outbox?limit=1001");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"query\",\"limit\"]");
    }

    private static jakarta.mail.internet.MimeMessage awaitMessage(String to) throws InterruptedException {
        var deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            var received = TestSmtp.receivedBy(to);
            if (!received.isEmpty()) {
                return received.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No e-mail reached the SMTP server for " + to);
    }

    private tools.jackson.databind.JsonNode awaitStatus(String to, String status) throws InterruptedException {
        var deadline = Instant.now().plus(Duration.ofSeconds(20));
        tools.jackson.databind.JsonNode entry = null;
        while (Instant.now().isBefore(deadline)) {
            entry = Outbox.latest(operator, to);
            if (entry.get("status").asString().equals(status)) {
                return entry;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Outbox entry never became " + status + ": " + entry);
    }
}
