package org.isotherm.db;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the embedded PostgreSQL when this JVM ends without stopping it, however it ends: kill -9, the OOM killer, a
 * JVM crash. The postmaster runs in a session of its own (pg_ctl detaches it), so nothing else would stop it, and the
 * next start would find it still holding the data directory.
 *
 * <p>Why a small {@code sh} process that reads a pipe from this JVM until end of input: the kernel closes the JVM's
 * end of the pipe when the JVM ends, for whatever reason, so the watchdog learns of it at once, without polling and
 * without a JVM PID that could meanwhile be reused. The alternatives do not cover kill -9: a shutdown hook runs only on
 * SIGTERM, SIGINT, SIGHUP and a normal exit; PostgreSQL has no setting to stop when a client process ends; Linux's
 * parent-death signal is not reachable from Java, nor is the postmaster our child. What this cannot cover is the
 * watchdog killed as well (kill -9 of it too): then {@link LeftoverPostmaster} stops the leftover at the next start.
 */
final class PostmasterWatchdog {

    private static final Logger log = LoggerFactory.getLogger(PostmasterWatchdog.class);

    /**
     * $1 data directory, $2 postmaster PID, $3 this JVM's PID (for the log). Ignores SIGINT and SIGHUP: Ctrl-C in a
     * terminal or its closing reach the whole process group, and the JVM then shuts down in order itself. Signals
     * only the postmaster it was given, and only while postmaster.pid still names it: a clean stop removes the file.
     */
    private static final String SCRIPT = """
            trap '' INT HUP
            cat > /dev/null
            if [ "$(head -n 1 "$1/postmaster.pid" 2> /dev/null)" = "$2" ]; then
              echo "$(date -u '+%Y-%m-%dT%H:%M:%SZ') the server (JVM PID $3) ended without stopping its PostgreSQL \
            (PID $2) on $1: requested a fast shutdown"
              kill -INT "$2"
            fi
            """;

    /** Holding the process holds its stdin: were that stream collected, the pipe would close as if the JVM ended. */
    private final Process process;

    private volatile boolean closing;

    private PostmasterWatchdog(Process process, long postmasterPid) {
        this.process = process;
        process.onExit().thenRun(() -> {
            if (!closing) {
                log.warn(
                        "The watchdog of the embedded PostgreSQL (PID {}) ended unexpectedly: if this server is now"
                                + " killed, its PostgreSQL (PID {}) keeps running until the next start stops it",
                        process.pid(),
                        postmasterPid);
            }
        });
    }

    /** Empty where no {@code sh} can be started; the server runs on, covered by the next start's check only. */
    static Optional<PostmasterWatchdog> start(Path directory, long postmasterPid, Path logFile) {
        try {
            var process = new ProcessBuilder(
                            "sh",
                            "-c",
                            SCRIPT,
                            "isotherm-postgres-watchdog",
                            directory.toString(),
                            Long.toString(postmasterPid),
                            Long.toString(ProcessHandle.current().pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            return Optional.of(new PostmasterWatchdog(process, postmasterPid));
        } catch (IOException e) {
            log.warn(
                    "Could not start the watchdog that stops the embedded PostgreSQL if this JVM is killed ({}):"
                            + " after a kill -9, the next start stops the PostgreSQL left running instead",
                    e.toString());
            return Optional.empty();
        }
    }

    long pid() {
        return process.pid();
    }

    /** After PostgreSQL has stopped: the watchdog reads end of input, finds no postmaster.pid and exits. */
    void close() {
        closing = true;
        try {
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroy();
            }
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
        }
    }
}
