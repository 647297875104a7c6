package org.isotherm.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PostmasterPidFileTest {

    @Test
    void readsWhatPostgresqlWrites() {
        // as PostgreSQL 17 writes it (the shared memory key is padded, the status line too)
        var text = """
                5270
                /srv/isotherm/data/postgres
                1796243404
                33907
                /tmp
                localhost
                  2148679         9
                ready
                """;

        assertThat(PostmasterPidFile.parse(text))
                .contains(new PostmasterPidFile(
                        5270,
                        Path.of("/srv/isotherm/data/postgres"),
                        Instant.parse("2026-12-02T20:30:04Z"),
                        33907,
                        "ready"));
    }

    @Test
    void readsAFileWrittenOnlyAsFarAsTheStartTime() {
        var text = "812\n/srv/isotherm/data/postgres\n1796243404\n";

        assertThat(PostmasterPidFile.parse(text))
                .hasValueSatisfying(file -> assertThat(file.port()).isZero())
                .hasValueSatisfying(file -> assertThat(file.status()).isEmpty());
    }

    @Test
    void takesAFileCutShortOrGarbledForNone() {
        assertThat(PostmasterPidFile.parse("")).isEmpty();
        assertThat(PostmasterPidFile.parse("5270\n/srv/isotherm/data/postgres")).isEmpty();
        assertThat(PostmasterPidFile.parse("52\u0000\n/srv/isotherm/data/postgres\n1796243404\n"))
                .isEmpty();
        assertThat(PostmasterPidFile.parse("0\n/srv/isotherm/data/postgres\n1796243404\n"))
                .isEmpty();
    }
}
