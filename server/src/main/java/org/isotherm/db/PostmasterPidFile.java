package org.isotherm.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;

/**
 * What {@code postmaster.pid} says: PostgreSQL writes it into the data directory when it starts and removes it when
 * it stops cleanly, so a file that is there while nothing of ours runs was left by a server that did not stop.
 *
 * @param pid the postmaster's process id (line 1)
 * @param dataDirectory the data directory the postmaster was started on (line 2), which differs from where the file
 *     is found when the directory was copied or moved
 * @param started when the postmaster started (line 3, whole seconds)
 * @param port its port (line 4), 0 if the line is missing
 * @param status {@code starting}, {@code ready}, {@code stopping} or {@code standby} (line 8), empty before it is
 *     written
 * @see <a href="https://www.postgresql.org/docs/current/storage-file-layout.html">PostgreSQL: database file
 *     layout</a> (the lines are {@code LOCK_FILE_LINE_*} in PostgreSQL's {@code miscadmin.h})
 */
record PostmasterPidFile(long pid, Path dataDirectory, Instant started, int port, String status) {

    static final String NAME = "postmaster.pid";

    /** The file in {@code directory}, if there is one that PostgreSQL finished writing. */
    static Optional<PostmasterPidFile> read(Path directory) {
        try {
            return parse(Files.readString(directory.resolve(NAME)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + directory.resolve(NAME), e);
        }
    }

    /**
     * Empty for a file too short or garbled to name a process: PostgreSQL writes the first lines at once, so such a
     * file was cut short by a crash while it was being written, and PostgreSQL itself overwrites it.
     */
    static Optional<PostmasterPidFile> parse(String text) {
        var lines = text.split("\n", -1);
        if (lines.length < 3) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(lines[0].strip());
            var started = Instant.ofEpochSecond(Long.parseLong(lines[2].strip()));
            int port = lines.length > 3 && !lines[3].isBlank() ? Integer.parseInt(lines[3].strip()) : 0;
            var status = lines.length > 7 ? lines[7].strip() : "";
            return pid > 0 && !lines[1].isBlank()
                    ? Optional.of(new PostmasterPidFile(pid, Path.of(lines[1].strip()), started, port, status))
                    : Optional.empty();
        } catch (NumberFormatException | InvalidPathException | DateTimeException e) {
            return Optional.empty();
        }
    }
}
