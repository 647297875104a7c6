package org.isotherm.stac;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import javax.sql.DataSource;
import org.isotherm.web.ApiException;
import org.isotherm.web.BadRequestException;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stops a search that nobody waits for any more or that ran out of time. A search runs on one connection, in one
 * read-only transaction; a watcher thread looks at every running search a few times a second and, once its client
 * has closed the connection or its {@link StacProperties#searchTimeout()} has passed, has PostgreSQL cancel the
 * statement it runs (PgJDBC sends the cancel request on a side connection). The Java recheck of rows asks {@link
 * Watch#check()} between rows, so it stops too.
 */
@Component
class SearchWatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SearchWatcher.class);
    private static final long POLL_MILLIS = 200;
    private static final String QUERY_CANCELED = "57014";

    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final Duration timeout;
    private final ScheduledExecutorService polls = Executors.newSingleThreadScheduledExecutor(task -> {
        var thread = new Thread(task, "search-watcher");
        thread.setDaemon(true);
        return thread;
    });

    SearchWatcher(DataSource dataSource, PlatformTransactionManager transactionManager, StacProperties properties) {
        this.dataSource = dataSource;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setReadOnly(true);
        this.timeout = properties.searchTimeout();
    }

    /** Runs {@code search} watched, on a connection that every statement of the calling thread shares. */
    <T> T watch(BooleanSupplier clientGone, Function<Watch, T> search) {
        var watch = new Watch(clientGone, System.nanoTime() + timeout.toNanos(), timeout);
        try {
            return transactions.execute(status -> {
                watch.start(DataSourceUtils.getConnection(dataSource));
                var polling = polls.scheduleWithFixedDelay(watch, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
                try {
                    return search.apply(watch);
                } finally {
                    polling.cancel(false);
                    watch.finish();
                }
            });
        } catch (DataAccessException | TransactionException e) {
            // a cancelled statement fails with SQL state 57014, whatever stopped it
            var stop = watch.failure();
            if (stop != null) {
                throw stop;
            }
            if (cancelled(e)) {
                // by an operator (pg_cancel_backend) or a statement_timeout of the database's own
                throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "The database cancelled the search: retry it");
            }
            throw e;
        }
    }

    private static boolean cancelled(Throwable e) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void destroy() {
        polls.shutdownNow();
    }

    enum Reason {
        CLIENT_GONE,
        TIMEOUT
    }

    /** One running search, as the watcher and the search's own thread see it. */
    static final class Watch implements Runnable {

        private final BooleanSupplier clientGone;
        private final long deadline;
        private final Duration timeout;
        private volatile @Nullable Reason stopped;
        private @Nullable Connection connection;
        private boolean finished;

        Watch(BooleanSupplier clientGone, long deadline, Duration timeout) {
            this.clientGone = clientGone;
            this.deadline = deadline;
            this.timeout = timeout;
        }

        synchronized void start(Connection connection) {
            this.connection = connection;
        }

        /**
         * Once this returns, no cancel request is sent: the connection may go back to the pool without one reaching
         * a statement of its next user.
         */
        synchronized void finish() {
            finished = true;
        }

        /** On the watcher thread. */
        @Override
        public synchronized void run() {
            if (finished || stopped != null || connection == null) {
                return;
            }
            var reason = System.nanoTime() - deadline >= 0
                    ? Reason.TIMEOUT
                    : clientGone.getAsBoolean() ? Reason.CLIENT_GONE : null;
            if (reason == null) {
                return;
            }
            stopped = reason;
            try {
                connection.unwrap(PGConnection.class).cancelQuery();
            } catch (SQLException e) {
                log.warn("Could not cancel a search statement", e);
            }
        }

        /** Between rows of the Java recheck: throws once the search is to stop. */
        void check() {
            if (stopped == null && System.nanoTime() - deadline >= 0) {
                stopped = Reason.TIMEOUT;
            }
            var failure = failure();
            if (failure != null) {
                throw failure;
            }
        }

        @Nullable
        BadRequestException failure() {
            var reason = stopped;
            if (reason == null) {
                return null;
            }
            return reason == Reason.TIMEOUT
                    ? new BadRequestException("The search ran longer than " + timeout.toSeconds()
                            + " s and was stopped: narrow its filter, geometry or collections")
                    : new BadRequestException("The search was cancelled: the client closed the connection");
        }
    }
}
