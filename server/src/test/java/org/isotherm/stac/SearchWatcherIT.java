package org.isotherm.stac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.isotherm.support.IntegrationTest;
import org.isotherm.web.ApiException;
import org.isotherm.web.BadRequestException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** The watcher against the real PostgreSQL: a statement that would sleep for a minute is cancelled, not waited for. */
class SearchWatcherIT extends IntegrationTest {

    private static final String SLEEP = "SELECT pg_sleep(60) /* watched */";

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    StacProperties properties;

    private SearchWatcher watcher(Duration timeout) {
        return new SearchWatcher(
                dataSource,
                transactionManager,
                new StacProperties(
                        properties.concurrentSearches(),
                        properties.searchesPerWorkspace(),
                        properties.searchQueueTimeout(),
                        timeout));
    }

    @Test
    void cancelsTheStatementOnceTheClientHasGone() {
        var gone = new AtomicBoolean();
        var leaving = Executors.newSingleThreadScheduledExecutor();
        try {
            leaving.schedule(() -> gone.set(true), 300, TimeUnit.MILLISECONDS);
            var watcher = watcher(Duration.ofMinutes(5));
            assertThatThrownBy(() -> watcher.watch(gone::get, watch -> sleep()))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessageContaining("the client closed the connection");
        } finally {
            leaving.shutdownNow();
        }
        assertThat(sleepsRunning()).isZero();
    }

    @Test
    void stopsAStatementThatRunsPastTheTimeout() {
        var watcher = watcher(Duration.ofSeconds(1));
        assertThatThrownBy(() -> watcher.watch(() -> false, watch -> sleep()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("ran longer than 1 s");
        assertThat(sleepsRunning()).isZero();
    }

    @Test
    void stopsTheJavaRecheckAtTheTimeout() {
        var watcher = watcher(Duration.ofSeconds(1));
        assertThatThrownBy(() -> watcher.watch(() -> false, watch -> {
                    while (true) {
                        watch.check();
                        Thread.onSpinWait();
                    }
                }))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("ran longer than 1 s");
    }

    @Test
    void answers503WhenTheDatabaseCancelsTheSearch() {
        var canceller = Executors.newSingleThreadScheduledExecutor();
        try {
            canceller.schedule(
                    () -> JdbcClient.create(dataSource)
                            .sql("SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE query = :query")
                            .param("query", SLEEP)
                            .query()
                            .listOfRows(),
                    500,
                    TimeUnit.MILLISECONDS);
            assertThatThrownBy(() -> watcher(Duration.ofMinutes(5)).watch(() -> false, watch -> sleep()))
                    .isInstanceOfSatisfying(
                            ApiException.class,
                            e -> assertThat(e.status().value()).isEqualTo(503));
        } finally {
            canceller.shutdownNow();
        }
    }

    @Test
    void leavesTheConnectionsUsableAfterACancel() {
        var watcher = watcher(Duration.ofSeconds(1));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> watcher.watch(() -> false, watch -> sleep()))
                    .isInstanceOf(BadRequestException.class);
        }
        var answer = watcher.watch(
                () -> false,
                watch -> JdbcClient.create(dataSource)
                        .sql("SELECT 42")
                        .query(Integer.class)
                        .single());
        assertThat(answer).isEqualTo(42);
    }

    @Test
    void runsEveryStatementOfASearchReadOnly() {
        var readOnly = watcher(Duration.ofSeconds(5))
                .watch(
                        () -> false,
                        watch -> JdbcClient.create(dataSource)
                                .sql("SHOW transaction_read_only")
                                .query(String.class)
                                .single());
        assertThat(readOnly).isEqualTo("on");
    }

    private Object sleep() {
        return JdbcClient.create(dataSource).sql(SLEEP).query().singleValue();
    }

    private long sleepsRunning() {
        return JdbcClient.create(dataSource)
                .sql("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query = :query")
                .param("query", SLEEP)
                .query(Long.class)
                .single();
    }
}
