package org.isotherm.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.isotherm.support.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform killed with kill -9 in the middle of a stream of writes, as a crash looks to its embedded PostgreSQL,
 * starts again on the same data directory with every acknowledged write there: once with the watchdog killed as well
 * (the next start finds PostgreSQL still running and stops it), once with the watchdog left to stop it. Each server
 * is a JVM of its own running the app's main, on this test run's classpath without the test classes. (SIGTERM, the
 * orderly end, is Spring's shutdown hook closing the context, which releases the database.)
 */
class EmbeddedPostgresCrashIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path dataDir;

    private final List<Process> servers = new ArrayList<>();

    @Test
    void startsAgainAfterAKillWithEveryAcknowledgedWriteKept() throws Exception {
        var acknowledged = new CopyOnWriteArrayList<String>();

        var first = start("first");
        var leftover = postmaster();
        first.writeUntilKilled(acknowledged, true);
        assertThat(leftover.isAlive())
                .as("the killed server's PostgreSQL, its watchdog killed too")
                .isTrue();

        var second = start("second");
        assertThat(leftover.isAlive()).as("PostgreSQL left running").isFalse();
        assertThat(second.log()).contains("Found PostgreSQL still running on", "has stopped cleanly");
        second.assertAllThere(acknowledged);
        var secondPostgres = postmaster();
        second.writeUntilKilled(acknowledged, false);
        secondPostgres.onExit().get(30, TimeUnit.SECONDS);
        assertThat(Files.readString(dataDir.resolve("postgres-watchdog.log")))
                .contains("(PID " + secondPostgres.pid() + ")", "requested a fast shutdown");

        // a third start of the whole platform would take as long as this test so far: the database alone here
        var directory = dataDir.resolve("postgres").toAbsolutePath();
        assertThat(directory.resolve(PostmasterPidFile.NAME))
                .as("removed by the fast shutdown")
                .doesNotExist();
        var database = EmbeddedPostgresConfiguration.acquire(directory, false);
        try (var connection = DriverManager.getConnection(database.jdbcUrl(), "postgres", "");
                var query = connection.prepareStatement(
                        "SELECT count(*) FROM areas_of_interest WHERE id = ANY (CAST(? AS uuid[]))")) {
            query.setArray(1, connection.createArrayOf("text", acknowledged.toArray()));
            try (var rows = query.executeQuery()) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(acknowledged.size());
            }
        } finally {
            database.release();
        }
    }

    @AfterEach
    void stopWhatIsLeft() throws Exception {
        for (var server : servers) {
            server.destroyForcibly();
            server.waitFor(30, TimeUnit.SECONDS);
        }
        // a PostgreSQL of this test's that the test failed before stopping (the sessions of its server are gone)
        var postgres = PostmasterPidFile.read(dataDir.resolve("postgres"))
                .flatMap(file -> ProcessHandle.of(file.pid()))
                .filter(handle -> handle.info().command().orElse("").endsWith("/postgres"));
        if (postgres.isPresent()) {
            postgres.get().destroy();
            postgres.get().onExit().get(30, TimeUnit.SECONDS);
        }
    }

    private Server start(String name) throws IOException, InterruptedException {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var log = Path.of("target", "crash-recovery-" + name + ".log");
        var classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var builder = new ProcessBuilder(
                        java,
                        // a quick start over peak speed; one GC thread on a shared machine
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-cp",
                        classpath,
                        "org.isotherm.IsothermApplication",
                        "--server.port=" + port,
                        "--isotherm.data-dir=" + dataDir)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // the platform's defaults, whatever this machine's environment configures
        builder.environment().keySet().removeIf(key -> key.startsWith("SPRING_") || key.startsWith("ISOTHERM_"));
        var process = builder.start();
        servers.add(process);
        var server = new Server(process, "http://localhost:" + port, log);
        server.awaitReady();
        return server;
    }

    private ProcessHandle postmaster() {
        return PostmasterPidFile.read(dataDir.resolve("postgres"))
                .flatMap(file -> ProcessHandle.of(file.pid()))
                .orElseThrow();
    }

    private final class Server {
        final Process process;
        final String base;
        final Path log;

        Server(Process process, String base, Path log) {
            this.process = process;
            this.base = base;
            this.log = log;
        }

        String log() throws IOException {
            return Files.readString(log);
        }

        void awaitReady() throws IOException, InterruptedException {
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    fail("The server exited (" + process.exitValue() + ") before it was ready:\n" + tail());
                }
                try {
                    if (new Http(base).get("/actuator/health/readiness").status() == 200) {
                        return;
                    }
                } catch (UncheckedIOException notListeningYet) {
                    // the port opens late in the start
                }
                Thread.sleep(200);
            }
            fail("The server was not ready within " + START_TIMEOUT + ":\n" + tail());
        }

        /**
         * Creates areas of interest one after another until the server is killed, in the middle of a request
         * (after at least 20 more were acknowledged).
         */
        void writeUntilKilled(List<String> acknowledged, boolean watchdogToo) throws Exception {
            var admin = signIn();
            int before = acknowledged.size();
            // the request cut off by the kill may have been committed: a new round must not reuse its name
            var round = log.getFileName().toString();
            var refused = new CopyOnWriteArrayList<String>();
            var writer = new Thread(() -> {
                try {
                    for (int i = 0; ; i++) {
                        var answer = admin.post("/areas-of-interest", area(round + "-" + i));
                        if (answer.status() == 201) {
                            acknowledged.add(answer.json().get("id").asString());
                        } else {
                            refused.add(answer.toString());
                        }
                    }
                } catch (UncheckedIOException killed) {
                    // the connection ends with the server
                }
            });
            writer.start();
            while (acknowledged.size() < before + 20 && writer.isAlive()) {
                Thread.sleep(10);
            }
            if (watchdogToo) {
                long postgres = postmaster().pid();
                process.toHandle()
                        .descendants()
                        .filter(child -> child.pid() != postgres)
                        .forEach(ProcessHandle::destroyForcibly);
            }
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            writer.join(30_000);
            assertThat(refused).isEmpty();
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(before + 20);
        }

        void assertAllThere(List<String> acknowledged) {
            var admin = signIn();
            var missing = acknowledged.stream()
                    .filter(id -> admin.get("/areas-of-interest/" + id).status() != 200)
                    .toList();
            assertThat(missing).as("acknowledged, then missing").isEmpty();
        }

        private Http signIn() {
            var credentials = new Properties();
            try (Reader reader = Files.newBufferedReader(dataDir.resolve("first-start-credentials"))) {
                credentials.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            var token = new Http(base)
                    .postForm(
                            "/token",
                            Map.of(
                                    "username", credentials.getProperty("ADMIN_EMAIL"),
                                    "password", credentials.getProperty("ADMIN_PASSWORD")))
                    .json()
                    .get("access_token")
                    .asString();
            return new Http(base).bearer(token);
        }

        private String tail() throws IOException {
            var lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }
    }

    /** A 1 km square near Seville (names are unique in a workspace). */
    private static String area(String name) {
        return """
                {"name": "%s", "geometry": {"type": "Polygon", "coordinates":
                  [[[-5.985, 37.375], [-5.975, 37.375], [-5.975, 37.384], [-5.985, 37.384], [-5.985, 37.375]]]}}""".formatted(name);
    }
}
