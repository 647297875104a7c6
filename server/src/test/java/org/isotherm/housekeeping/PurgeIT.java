package org.isotherm.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.isotherm.support.Fixtures.TestWorkspace;
import org.isotherm.support.IntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The daily purge's work ({@link PurgeTask#purge}), run as of now over rows written with old timestamps: only rows
 * this old are deleted, so the rows of other tests are never touched.
 */
class PurgeIT extends IntegrationTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    PurgeTask task;

    @Autowired
    HousekeepingProperties properties;

    @Autowired
    JdbcClient jdbc;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private TestWorkspace ws;

    @BeforeEach
    void workspace() {
        ws = fixtures.workspace();
    }

    private Instant ago(Duration duration) {
        return now.minus(duration);
    }

    private UUID mail(String status, Instant created) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO mail_outbox (id, recipient, subject, body, status, created, next_attempt_at)
                        VALUES (:id, :to, 'Old', 'body', :status, :created, :next)""")
                .param("id", id)
                .param("to", "purge-" + id + "@mail.test")
                .param("status", status)
                .param("created", Timestamp.from(created))
                .param("next", status.equals("pending") ? Timestamp.from(now.plus(Duration.ofDays(1))) : null)
                .update();
        return id;
    }

    private boolean mailExists(UUID id) {
        return jdbc.sql("SELECT count(*) FROM mail_outbox WHERE id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single()
                == 1;
    }

    private byte[] link(Instant expires, @Nullable Instant used) {
        var hash = new byte[32];
        RANDOM.nextBytes(hash);
        jdbc.sql("""
                        INSERT INTO account_tokens (token_hash, user_id, purpose, expires_at, used_at, created)
                        VALUES (:hash, :user, 'reset', :expires, :used, :created)""")
                .param("hash", hash)
                .param("user", ws.admin.account().id())
                .param("expires", Timestamp.from(expires))
                .param("used", used == null ? null : Timestamp.from(used))
                .param("created", Timestamp.from(expires.minus(Duration.ofDays(1))))
                .update();
        return hash;
    }

    private boolean linkExists(byte[] hash) {
        return jdbc.sql("SELECT count(*) FROM account_tokens WHERE token_hash = :hash")
                        .param("hash", hash)
                        .query(Long.class)
                        .single()
                == 1;
    }

    private String key(Instant created) {
        var key = "purge-" + UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO idempotency_keys (organization_id, scope, key, request_hash, status, created)
                        VALUES (:ws, 'things', :key, '\\x00', 201, :created)""")
                .param("ws", ws.id)
                .param("key", key)
                .param("created", Timestamp.from(created))
                .update();
        return key;
    }

    private List<String> keys() {
        return jdbc.sql("SELECT key FROM idempotency_keys WHERE organization_id = :ws ORDER BY key")
                .param("ws", ws.id)
                .query(String.class)
                .list();
    }

    @Test
    void isScheduledOnceForTheClusterDailyAtHalfPastThreeUtc() {
        var next = jdbc.sql("SELECT execution_time FROM scheduled_tasks WHERE task_name = :task")
                .param("task", PurgeTask.TASK)
                .query(Timestamp.class)
                .single();

        assertThat(next.toInstant().atZone(ZoneOffset.UTC).toLocalTime()).isEqualTo(LocalTime.of(3, 30));
    }

    @Test
    void deletesSentFailedAndOutboxOnlyMailsPastRetentionOnly() {
        var oldSent = mail("sent", ago(Duration.ofDays(31)));
        var oldFailed = mail("failed", ago(Duration.ofDays(31)));
        var oldStored = mail("stored", ago(Duration.ofDays(31)));
        var oldPending = mail("pending", ago(Duration.ofDays(31)));
        var recentSent = mail("sent", ago(Duration.ofDays(29)));
        var recentFailed = mail("failed", ago(Duration.ofDays(29)));

        var deleted = task.purge(now, properties.purgeBatchSize());

        assertThat(deleted.get("mail outbox rows")).isGreaterThanOrEqualTo(3);
        assertThat(mailExists(oldSent)).isFalse();
        assertThat(mailExists(oldFailed)).isFalse();
        assertThat(mailExists(oldStored)).isFalse();
        assertThat(mailExists(oldPending)).as("still to be sent").isTrue();
        assertThat(mailExists(recentSent)).isTrue();
        assertThat(mailExists(recentFailed)).isTrue();
    }

    @Test
    void deletesLinksUsedOrExpiredMoreThanAWeekAgoOnly() {
        var usedLongAgo = link(now.plus(Duration.ofDays(1)), ago(Duration.ofDays(8)));
        var expiredLongAgo = link(ago(Duration.ofDays(8)), null);
        var usedThenExpiredLongAgo =
                link(ago(Duration.ofDays(10)), ago(Duration.ofDays(10).plusHours(2)));
        var usedRecently = link(ago(Duration.ofDays(8)).plus(Duration.ofDays(2)), ago(Duration.ofDays(6)));
        var expiredRecently = link(ago(Duration.ofDays(6)), null);
        var outstanding = link(now.plus(Duration.ofHours(20)), null);

        var deleted = task.purge(now, properties.purgeBatchSize());

        assertThat(deleted.get("account links")).isGreaterThanOrEqualTo(3);
        assertThat(linkExists(usedLongAgo)).isFalse();
        assertThat(linkExists(expiredLongAgo)).isFalse();
        assertThat(linkExists(usedThenExpiredLongAgo)).isFalse();
        assertThat(linkExists(usedRecently)).isTrue();
        assertThat(linkExists(expiredRecently)).isTrue();
        assertThat(linkExists(outstanding)).isTrue();
    }

    @Test
    void deletesIdempotencyKeysPastTheirDayOnly() {
        key(ago(Duration.ofHours(25)));
        key(ago(Duration.ofDays(40)));
        var recent = key(ago(Duration.ofHours(23)));

        var deleted = task.purge(now, properties.purgeBatchSize());

        assertThat(deleted.get("idempotency keys")).isGreaterThanOrEqualTo(2);
        assertThat(keys()).containsExactly(recent);
    }

    @Test
    void deletesABacklogLargerThanOneBatch() {
        int batchSize = 7;
        var mails = new ArrayList<UUID>();
        var links = new ArrayList<byte[]>();
        for (int i = 0; i < 3 * batchSize + 2; i++) {
            mails.add(mail("sent", ago(Duration.ofDays(60))));
            links.add(link(ago(Duration.ofDays(60)), null));
            key(ago(Duration.ofDays(2)));
        }
        var recentMail = mail("sent", ago(Duration.ofDays(1)));
        var recentLink = link(now.plus(Duration.ofHours(1)), null);
        var recentKey = key(ago(Duration.ofHours(1)));

        var deleted = task.purge(now, batchSize);

        assertThat(deleted.keySet()).containsExactlyInAnyOrder("mail outbox rows", "account links", "idempotency keys");
        assertThat(deleted.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(3 * batchSize + 2));
        assertThat(mails).noneMatch(this::mailExists);
        assertThat(links).noneMatch(this::linkExists);
        assertThat(keys()).containsExactly(recentKey);
        assertThat(mailExists(recentMail)).isTrue();
        assertThat(linkExists(recentLink)).isTrue();
    }
}
