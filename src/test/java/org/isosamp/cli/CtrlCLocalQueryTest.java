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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

    /** Each test its own archive: a query one test left running cannot pass for the next one's. */
    LocalArchive archive;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        archive = LocalArchive.builder().port(0).start();
    }

    @AfterEach
    void stop() {
        archive.close();
    }

    private List<String> executing() {
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
        // the async job is deleted at once; a sync client's leaving is noticed within a poll (0.2 s). Both take
        // 0.05-0.5 s on an idle machine; the bound allows for a loaded one (CI's 2 cores) and is still minutes short
        // of the query's own run
        Await.value(() -> executing().isEmpty() ? Boolean.TRUE : null, Duration.ofSeconds(10),
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
