package org.isotherm.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.isotherm.PlatformProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.StringUtils;

/**
 * The one-command default: with no {@code spring.datasource.url}, run real PostgreSQL binaries on a data directory
 * under {@code isotherm.data-dir}, kept across restarts. Production configures a URL and never gets here.
 *
 * <p>PostgreSQL runs as a process of its own, which outlives a JVM that is killed: {@link PostmasterWatchdog} stops it
 * then, and should that fail too, {@link LeftoverPostmaster} stops it at the next start, which could not start
 * otherwise.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceUrl.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /** One server per data directory and JVM, so that test contexts share it instead of racing for its files. */
    private static final Map<Path, Shared> RUNNING = new HashMap<>();

    @Bean(destroyMethod = "release")
    EmbeddedDatabase embeddedDatabase(
            PlatformProperties platform, @Value("${isotherm.embedded-db.clean-start:false}") boolean cleanStart) {
        return acquire(platform.dataDir().resolve("postgres").toAbsolutePath().normalize(), cleanStart);
    }

    @Bean
    JdbcConnectionDetails embeddedConnectionDetails(EmbeddedDatabase database) {
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return "postgres";
            }

            @Override
            public String getPassword() {
                return "";
            }

            @Override
            public String getJdbcUrl() {
                return database.jdbcUrl();
            }
        };
    }

    static synchronized EmbeddedDatabase acquire(Path directory, boolean cleanStart) {
        var shared = RUNNING.get(directory);
        if (shared == null) {
            shared = start(directory, cleanStart);
            RUNNING.put(directory, shared);
        }
        shared.users++;
        return new EmbeddedDatabase(shared);
    }

    private static Shared start(Path directory, boolean cleanStart) {
        try {
            Files.createDirectories(directory);
            LeftoverPostmaster.recover(directory);
            if (cleanStart) {
                // zonky's initdb needs an empty directory; a test run that was killed left its cluster behind
                FileSystemUtils.deleteRecursively(directory);
                Files.createDirectories(directory);
            }
            boolean fresh = !Files.exists(directory.resolve("PG_VERSION"));
            long started = System.nanoTime();
            var postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(cleanStart)
                    // zonky's hook would stop PostgreSQL while Spring's graceful shutdown still completes requests;
                    // release() stops it once the context is closed, the watchdog if the JVM ends without that
                    .setRegisterShutdownHook(false)
                    .setServerConfig("jit", "off")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            var postmaster = PostmasterPidFile.read(directory)
                    .flatMap(file -> ProcessHandle.of(file.pid()))
                    .orElseThrow(() -> new IllegalStateException("PostgreSQL started without a postmaster.pid"));
            var watchdog = PostmasterWatchdog.start(
                    directory, postmaster.pid(), directory.resolveSibling("postgres-watchdog.log"));
            log.info(
                    "Embedded PostgreSQL {} on port {} with data in {} ({} ms; PID {}, {})",
                    fresh ? "initialised" : "started",
                    postgres.getPort(),
                    directory,
                    (System.nanoTime() - started) / 1_000_000,
                    postmaster.pid(),
                    watchdog.map(w -> "stopped by watchdog PID " + w.pid() + " if this JVM ends without stopping it")
                            .orElse("no watchdog"));
            return new Shared(directory, postgres, postmaster, watchdog);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, e);
        }
    }

    private static final class Shared {
        final Path directory;
        final EmbeddedPostgres postgres;
        final ProcessHandle postmaster;
        final Optional<PostmasterWatchdog> watchdog;
        int users;

        Shared(
                Path directory,
                EmbeddedPostgres postgres,
                ProcessHandle postmaster,
                Optional<PostmasterWatchdog> watchdog) {
            this.directory = directory;
            this.postgres = postgres;
            this.postmaster = postmaster;
            this.watchdog = watchdog;
        }
    }

    /** A handle on the shared server; the last one released stops it cleanly. */
    static final class EmbeddedDatabase {
        private final Shared shared;

        EmbeddedDatabase(Shared shared) {
            this.shared = shared;
        }

        String jdbcUrl() {
            return "jdbc:postgresql://localhost:" + shared.postgres.getPort() + "/postgres";
        }

        void release() throws IOException {
            synchronized (EmbeddedPostgresConfiguration.class) {
                if (--shared.users == 0) {
                    RUNNING.remove(shared.directory);
                    shared.postgres.close();
                    awaitExit(shared.postmaster);
                    shared.watchdog.ifPresent(PostmasterWatchdog::close);
                }
            }
        }
    }

    /** zonky's stop waits only 5 s for the shutdown checkpoint; it carries on, and the watchdog must not act on it. */
    private static void awaitExit(ProcessHandle postmaster) {
        try {
            postmaster.onExit().get(60, TimeUnit.SECONDS);
            log.info("Embedded PostgreSQL stopped");
        } catch (TimeoutException | ExecutionException e) {
            log.warn("Embedded PostgreSQL (PID {}) has not stopped within 60 s", postmaster.pid());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static final class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
