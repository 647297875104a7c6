package org.isotherm.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.isotherm.db.LeftoverPostmaster.ProcessFacts;
import org.isotherm.db.LeftoverPostmaster.Verdict;
import org.junit.jupiter.api.Test;

class LeftoverPostmasterTest {

    private static final Path DIRECTORY = Path.of("/srv/isotherm/data/postgres");
    private static final Instant STARTED = Instant.parse("2026-12-02T20:30:04Z");
    private static final PostmasterPidFile FILE = new PostmasterPidFile(5270, DIRECTORY, STARTED, 33907, "ready");
    private static final String POSTGRES = "/tmp/embedded-pg/PG-16c5707c09eef4783fc1cb48f11a526d/bin/postgres";

    @Test
    void findsNoneWhenThePidNoLongerRuns() {
        assertThat(LeftoverPostmaster.judge(FILE, DIRECTORY, Optional.empty())).isEqualTo(Verdict.GONE);
    }

    @Test
    void recognisesThePostmasterByTheDirectoryItRunsOn() {
        var postmaster = postgres(List.of("-D", DIRECTORY.toString(), "-p", "33907", "-F"), STARTED.plusMillis(30));

        assertThat(LeftoverPostmaster.judge(FILE, DIRECTORY, Optional.of(postmaster)))
                .isEqualTo(Verdict.RUNNING);
    }

    @Test
    void recognisesThePostmasterByItsDirectoryEvenWhenItsStartTimeIsUnknownOrOff() {
        // a clock set back since, say: the directory it runs on is evidence enough
        var postmaster = new ProcessFacts(
                Optional.of(POSTGRES),
                Optional.of(List.of("-D", DIRECTORY + "/", "-p", "33907")),
                Optional.of(STARTED.minusSeconds(3600)));
        var unknownStart = new ProcessFacts(
                Optional.of(POSTGRES), Optional.of(List.of("-D", DIRECTORY.toString())), Optional.empty());

        assertThat(LeftoverPostmaster.judge(FILE, DIRECTORY, Optional.of(postmaster)))
                .isEqualTo(Verdict.RUNNING);
        assertThat(LeftoverPostmaster.judge(FILE, DIRECTORY, Optional.of(unknownStart)))
                .isEqualTo(Verdict.RUNNING);
    }

    @Test
    void recognisesThePostmasterByItsStartTimeWhenItsArgumentsSayNothing() {
        // started by hand with a relative -D, within a second of the time in the file
        var postmaster = postgres(List.of("-D", "data/postgres"), STARTED.plusMillis(900));

        assertThat(LeftoverPostmaster.judge(FILE, DIRECTORY, Optional.of(postmaster)))
                .isEqualTo(Verdict.RUNNING);
    }

    @Test
    void takesAnotherProgramWithThePidForAReusedPid() {
        // after a restart of a container, the old postmaster's PID is as likely as not the new JVM's
        var java = new ProcessFacts(
                Optional.of("/usr/lib/jvm/java-17-openjdk-amd64/bin/java"),
                Optional.of(List.of("-jar", "isotherm-server.jar")),
                Optional.of(STARTED));

        assertThat(LeftoverPostmaster.judge(FILE, DIRECTORY, Optional.of(java))).isEqualTo(Verdict.PID_REUSED);
    }

    @Test
    void takesAPostgresqlOfAnotherClusterStartedLaterForAReusedPid() {
        var otherPostmaster = postgres(List.of("-D", "/var/lib/postgresql/17/main"), STARTED.plusSeconds(600));
        // a backend: PostgreSQL replaces its arguments with what it does
        var backend = postgres(List.of("postgres", "postgres", "127.0.0.1(58088)", "idle"), STARTED.plusSeconds(4));

        assertThat(LeftoverPostmaster.judge(FILE, DIRECTORY, Optional.of(otherPostmaster)))
                .isEqualTo(Verdict.PID_REUSED);
        assertThat(LeftoverPostmaster.judge(FILE, DIRECTORY, Optional.of(backend)))
                .isEqualTo(Verdict.PID_REUSED);
    }

    @Test
    void leavesThePostmasterOfTheDirectoryThisOneWasCopiedFrom() {
        // the directory was copied while its PostgreSQL ran: the file names the original, which that one serves
        var copy = Path.of("/srv/isotherm/copy/postgres");
        var original = postgres(List.of("-D", "data/postgres"), STARTED);

        assertThat(LeftoverPostmaster.judge(FILE, copy, Optional.of(original))).isEqualTo(Verdict.UNCERTAIN);
    }

    @Test
    void leavesAProcessItKnowsTooLittleAbout() {
        var nameless = new ProcessFacts(Optional.empty(), Optional.empty(), Optional.of(STARTED));
        var ageless = new ProcessFacts(Optional.of(POSTGRES), Optional.empty(), Optional.empty());

        assertThat(LeftoverPostmaster.judge(FILE, DIRECTORY, Optional.of(nameless)))
                .isEqualTo(Verdict.UNCERTAIN);
        assertThat(LeftoverPostmaster.judge(FILE, DIRECTORY, Optional.of(ageless)))
                .isEqualTo(Verdict.UNCERTAIN);
    }

    private static ProcessFacts postgres(List<String> arguments, Instant started) {
        return new ProcessFacts(Optional.of(POSTGRES), Optional.of(arguments), Optional.of(started));
    }
}
