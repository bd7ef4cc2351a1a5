package org.isosamp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.isosamp.IsoSamp;
import org.isosamp.local.LocalArchive;
import org.isosamp.testing.Await;
import org.isosamp.testing.ChildJvm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C on a long query to the local archive leaves nothing running there: the real command line in a child
 * JVM, SIGTERM (as Ctrl-C) once H2 executes its query, then H2 must stop executing within moments. Seen from
 * the outside, in the statements H2 lists as executing. The query is a 4-way self-join: minutes of H2's time.
 */
class CtrlCLocalQueryTest {

    static final String SLOW = "SELECT COUNT(*) AS n FROM ida.observations AS a, ida.observations AS b,"
        + " ida.observations AS c, ida.observations AS d";

    static LocalArchive archive;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        archive = LocalArchive.builder().port(0).start();
    }

    @AfterAll
    static void stop() {
        archive.close();
    }

    private static List<String> executing() {
        try {
            return archive.database().executingStatements();
        } catch (SQLException e) {
            throw new AssertionError("cannot list H2's executing statements", e);
        }
    }

    /** Runs the command until H2 executes its query, sends SIGTERM, and waits for H2 to stop. */
    private void interruptWhileH2Runs(String... args) throws Exception {
        try (ChildJvm child = ChildJvm.start(dir, IsoSamp.class.getName(), args)) {
            Await.value(() -> {
                if (!child.isAlive()) {
                    throw new AssertionError("iso-samp ended before its query ran:\n" + child.output());
                }
                return executing().isEmpty() ? null : Boolean.TRUE;
            }, Duration.ofSeconds(60), () -> "the query executing on H2\n" + child.output());
            assertEquals(143, child.terminate(Duration.ofSeconds(30)), child.output());
        }
        // the async job is deleted at once; a sync client's leaving is noticed within a poll (0.2 s)
        Await.value(() -> executing().isEmpty() ? Boolean.TRUE : null, Duration.ofSeconds(3),
            () -> "H2 to stop executing after Ctrl-C on " + List.of(args) + ": still " + executing());
    }

    @Test
    void ctrlCOnAnAsyncQueryLeavesNothingRunning() throws Exception {
        interruptWhileH2Runs("query", "--archive", archive.baseUrl().toString(), "--quiet", "--async", SLOW);
    }

    @Test
    void ctrlCOnASyncQueryLeavesNothingRunning() throws Exception {
        interruptWhileH2Runs("query", "--archive", archive.baseUrl().toString(), "--quiet", SLOW);
    }
}
