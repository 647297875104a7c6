package org.isotherm.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
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
import org.springframework.util.StringUtils;

/**
 * The one-command default: with no {@code spring.datasource.url}, run real PostgreSQL binaries on a data directory
 * under {@code isotherm.data-dir}, kept across restarts. Production configures a URL and never gets here.
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

    private static synchronized EmbeddedDatabase acquire(Path directory, boolean cleanStart) {
        var shared = RUNNING.get(directory);
        if (shared == null) {
            shared = new Shared(directory, start(directory, cleanStart));
            RUNNING.put(directory, shared);
        }
        shared.users++;
        return new EmbeddedDatabase(shared);
    }

    private static EmbeddedPostgres start(Path directory, boolean cleanStart) {
        try {
            boolean fresh = cleanStart || !Files.exists(directory.resolve("PG_VERSION"));
            Files.createDirectories(directory);
            long started = System.nanoTime();
            var postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(cleanStart)
                    .setServerConfig("jit", "off")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            log.info(
                    "Embedded PostgreSQL {} on port {} with data in {} ({} ms)",
                    fresh ? "initialised" : "started",
                    postgres.getPort(),
                    directory,
                    (System.nanoTime() - started) / 1_000_000);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, e);
        }
    }

    private static final class Shared {
        final Path directory;
        final EmbeddedPostgres postgres;
        int users;

        Shared(Path directory, EmbeddedPostgres postgres) {
            this.directory = directory;
            this.postgres = postgres;
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
                    log.info("Embedded PostgreSQL stopped");
                }
            }
        }
    }

    static final class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
