package org.isotherm.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.isotherm.support.IntegrationTest;
import org.isotherm.support.TestSmtp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retry task's work ({@link Mailer#retryDue()}), driven with a hand-moved clock. The e-mails of these tests are
 * due a day from now, so the application's own retry task (on the system clock) never takes them.
 */
class MailRetryIT extends IntegrationTest {

    @Autowired
    OutboxRepository outbox;

    /** The application's SMTP sender: the test run's GreenMail server. */
    @Autowired
    JavaMailSender smtp;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    private final Instant due = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS);

    private static String recipient() {
        return "retry-" + UUID.randomUUID() + "@mail.test";
    }

    /** An e-mail left pending (its node died before sending it), due at {@link #due}. */
    private UUID pending(String to) {
        return outbox.insert(to, "Your link", "Open it", "pending", due);
    }

    private Mailer node(JavaMailSender sender, TestMail.ManualClock clock, MailProperties.Retry retry) {
        return new Mailer(outbox, TestMail.smtp(sender), TestMail.properties(retry), clock);
    }

    private Mailer node(TestMail.ManualClock clock) {
        return new Mailer(outbox, TestMail.smtp(smtp), TestMail.properties(), clock);
    }

    @Test
    void isARecurringTaskOfTheWholeCluster() {
        var executions = jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = :task")
                .param("task", MailRetry.TASK)
                .query(Long.class)
                .single();

        assertThat(executions).isEqualTo(1);
    }

    @Test
    void boundsEverySmtpExchangeWellWithinTheClaimLease() {
        var settings = ((JavaMailSenderImpl) smtp).getJavaMailProperties();

        for (var timeout : List.of("mail.smtp.connectiontimeout", "mail.smtp.timeout", "mail.smtp.writetimeout")) {
            assertThat(Duration.ofMillis(Long.parseLong(settings.getProperty(timeout))))
                    .as(timeout)
                    .isLessThanOrEqualTo(Mailer.CLAIM_LEASE.dividedBy(10));
        }
    }

    @Test
    void sendsAnEmailLeftPendingExactlyOnceAndMarksItSent() throws Exception {
        var to = recipient();
        var id = pending(to);
        var clock = new TestMail.ManualClock(due.plusSeconds(1));
        var mailer = node(clock);

        mailer.retryDue();
        clock.set(due.plus(Duration.ofHours(2)));
        mailer.retryDue();

        var received = TestSmtp.receivedBy(to);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getSubject()).isEqualTo("Your link");
        var entry = outbox.find(id).orElseThrow();
        assertThat(entry.status()).isEqualTo("sent");
        assertThat(entry.attempts()).isEqualTo(1);
        assertThat(entry.sentAt()).isEqualTo(due.plusSeconds(1));
        assertThat(entry.error()).isNull();
        assertThat(entry.nextAttemptAt()).isNull();
    }

    @Test
    void leavesAnEmailAloneUntilItIsDue() {
        var to = recipient();
        var id = pending(to);
        var mailer = node(new TestMail.ManualClock(due.minusMillis(1)));

        mailer.retryDue();

        assertThat(TestSmtp.receivedBy(to)).isEmpty();
        var entry = outbox.find(id).orElseThrow();
        assertThat(entry.status()).isEqualTo("pending");
        assertThat(entry.attempts()).isZero();
        assertThat(entry.nextAttemptAt()).isEqualTo(due);
    }

    @Test
    void backsOffOnFailuresAndGivesUpAfterTheLastAttempt() throws Exception {
        var to = recipient();
        var id = pending(to);
        var clock = new TestMail.ManualClock(due);
        var retry = new MailProperties.Retry(
                Duration.ofMinutes(1), Duration.ofMinutes(1), 3, Duration.ofMinutes(1), Duration.ofSeconds(90));
        var mailer = node(SmtpFailureIT.unreachableSmtp(), clock, retry);

        mailer.retryDue();
        var first = outbox.find(id).orElseThrow();
        mailer.retryDue();
        var notDueYet = outbox.find(id).orElseThrow();
        clock.set(due.plus(Duration.ofMinutes(1)));
        mailer.retryDue();
        var second = outbox.find(id).orElseThrow();
        clock.set(due.plus(Duration.ofSeconds(150)));
        mailer.retryDue();
        var third = outbox.find(id).orElseThrow();
        clock.set(due.plus(Duration.ofDays(1)));
        mailer.retryDue();
        var afterGivingUp = outbox.find(id).orElseThrow();

        assertThat(first.status()).isEqualTo("pending");
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.error()).contains("Couldn't connect to host");
        assertThat(first.nextAttemptAt()).isEqualTo(due.plus(Duration.ofMinutes(1)));
        assertThat(notDueYet).isEqualTo(first);
        assertThat(second.status()).isEqualTo("pending");
        assertThat(second.attempts()).isEqualTo(2);
        // doubled, then capped by max-backoff
        assertThat(second.nextAttemptAt()).isEqualTo(due.plus(Duration.ofSeconds(150)));
        assertThat(third.status()).isEqualTo("failed");
        assertThat(third.attempts()).isEqualTo(3);
        assertThat(third.error()).contains("Couldn't connect to host");
        assertThat(third.nextAttemptAt()).isNull();
        assertThat(third.sentAt()).isNull();
        assertThat(afterGivingUp).isEqualTo(third);
        assertThat(TestSmtp.receivedBy(to)).isEmpty();
        var operator = fixtures.http().bearer(fixtures.operator().token());
        var listed = operator.get("/admin/outbox?status=failed&to=" + to).json();
        assertThat(listed.get("count").asLong()).isEqualTo(1);
        assertThat(listed.get("items").get(0).get("attempts").asInt()).isEqualTo(3);
    }

    @Test
    void sendsEveryEmailOnceWhenTwoNodesRetryAtTheSameTime() throws Exception {
        var recipients = new ArrayList<String>();
        var ids = new ArrayList<UUID>();
        for (int i = 0; i < 3 * Mailer.CLAIM_BATCH + 7; i++) {
            var to = recipient();
            recipients.add(to);
            ids.add(pending(to));
        }
        var clock = new TestMail.ManualClock(due.plusSeconds(1));
        var nodes = List.of(node(clock), node(clock));
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var runs = new ArrayList<Future<Integer>>();
            for (var node : nodes) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return node.retryDue();
                }));
            }
            start.countDown();
            for (var run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }

        for (var to : recipients) {
            assertThat(TestSmtp.receivedBy(to)).as(to).hasSize(1);
        }
        for (var id : ids) {
            var entry = outbox.find(id).orElseThrow();
            assertThat(entry.status()).isEqualTo("sent");
            assertThat(entry.attempts()).isEqualTo(1);
        }
    }

    @Test
    void skipsEmailsAnotherNodeIsClaimingInsteadOfClaimingThemToo() throws Exception {
        var ids = List.of(pending(recipient()), pending(recipient()), pending(recipient()));
        var lease = due.plus(Mailer.CLAIM_LEASE);
        var claimedByA = new CompletableFuture<List<UUID>>();
        var release = new CountDownLatch(1);
        var pool = Executors.newSingleThreadExecutor();
        List<UUID> claimedByB;
        try {
            // node A claims in a transaction that stays open, as if it were still running its claim statement
            var nodeA = pool.submit(() -> transactions.executeWithoutResult(status -> {
                claimedByA.complete(outbox.claimDue(due, lease, 1000).stream()
                        .map(OutboxMessage::id)
                        .toList());
                try {
                    // bounded, so that a claim that waits for A's locks fails this test instead of hanging it
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            claimedByA.get();
            claimedByB = outbox.claimDue(due, lease, 1000).stream()
                    .map(OutboxMessage::id)
                    .toList();
            release.countDown();
            nodeA.get();
        } finally {
            pool.shutdown();
        }

        assertThat(claimedByA.get()).containsAll(ids);
        assertThat(claimedByB).doesNotContainAnyElementsOf(claimedByA.get());
        for (var id : ids) {
            assertThat(outbox.find(id).orElseThrow().attempts()).isEqualTo(1);
        }
    }

    @Test
    void theFirstSendAndTheRetryTaskNeverBothClaimAnEmail() {
        var retried = pending(recipient());
        var sentFirst = pending(recipient());
        var lease = due.plus(Mailer.CLAIM_LEASE);

        boolean firstSendClaimed = outbox.claimFirst(sentFirst, lease);
        var claimedByTask = outbox.claimDue(due, lease, 1000).stream()
                .map(OutboxMessage::id)
                .toList();
        boolean lateFirstSendClaimed = outbox.claimFirst(retried, lease);

        assertThat(firstSendClaimed).isTrue();
        assertThat(claimedByTask).contains(retried).doesNotContain(sentFirst);
        assertThat(lateFirstSendClaimed).isFalse();
    }

    @Test
    void keepsEmailsInTheOutboxOnlyAndRetriesNothingWithoutSmtp() {
        var to = recipient();
        var mailer = new Mailer(
                outbox, TestMail.noSmtp(), TestMail.properties(), new TestMail.ManualClock(due.plusSeconds(1)));

        var id = mailer.send(to, "Stored", "body");
        int attempted = mailer.retryDue();

        assertThat(attempted).isZero();
        var entry = outbox.find(id).orElseThrow();
        assertThat(entry.status()).isEqualTo("stored");
        assertThat(entry.attempts()).isZero();
        assertThat(entry.nextAttemptAt()).isNull();
        assertThat(TestSmtp.receivedBy(to)).isEmpty();
    }
}
