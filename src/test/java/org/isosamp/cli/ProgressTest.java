package org.isosamp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.isosamp.testing.SharedArchive;
import org.junit.jupiter.api.Test;

/** The progress bar on stderr: only on a terminal and without --quiet; and the phases of an --async query. */
class ProgressTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void onATerminalOneLineRewrittenInPlaceEndedWhenComplete() {
        Progress p = new Progress(err, "80000203", false, true);
        p.progress(1024, 4096);
        assertEquals("\r80000203  1.0 KiB / 4.0 KiB  25%", printed());
        p.progress(2048, 4096);
        assertEquals("\r80000203  1.0 KiB / 4.0 KiB  25%", printed(), "at most one update per 100 ms");
        p.progress(4096, 4096);
        assertTrue(printed().endsWith("\r80000203  4.0 KiB / 4.0 KiB 100%\n"), printed());
    }

    @Test
    void anUnknownTotalShowsTheBytesSoFar() {
        new Progress(err, "postcard", false, true).progress(3 * 1024 * 1024 + 512 * 1024, -1);
        assertEquals("\rpostcard  3.5 MiB", printed());
    }

    @Test
    void finishErasesALineLeftOpenAndOnlySuch() {
        Progress p = new Progress(err, "query", false, true);
        p.finish();
        assertEquals("", printed(), "nothing on screen: nothing to end");
        p.progress(1, -1);
        p.finish();
        // no stale "query  1 B" above the table that follows: the line is blanked and the cursor back at its start
        assertEquals("\rquery  1 B\r" + " ".repeat(10) + "\r", printed());
        p.finish();
        assertEquals("\rquery  1 B\r" + " ".repeat(10) + "\r", printed(), "erased once");
        bytes.reset();
        Progress complete = new Progress(err, "t", false, true);
        complete.progress(10, 10);
        complete.finish();
        assertEquals("\rt  10 B / 10 B 100%\n", printed(), "a complete bar stays, with its newline");
    }

    @Test
    void aShorterLineCoversTheLongerOneBefore() throws Exception {
        Progress p = new Progress(err, "q", false, true);
        p.progress(1023 * 1024, -1);
        org.isosamp.testing.Await.value(() -> {
            p.progress(1024 * 1024, -1);
            return printed().contains("1.0 MiB") ? Boolean.TRUE : null;
        }, java.time.Duration.ofSeconds(5), () -> "a second line: " + printed());
        assertEquals("\rq  1023.0 KiB\rq  1.0 MiB   ", printed());
    }

    @Test
    void ctrlCEndsTheLineWithInterruptedAndNothingIsDrawnAfter() {
        Progress p = new Progress(err, "80000203", false, true);
        p.progress(1024, 4096);
        Progress.shutdown(); // what the shutdown hook runs on Ctrl-C
        assertEquals("\r80000203  1.0 KiB / 4.0 KiB  25%  interrupted\n", printed());
        p.progress(4096, 4096);
        p.finish();
        assertEquals("\r80000203  1.0 KiB / 4.0 KiB  25%  interrupted\n", printed(), "the download thread draws no more");
        Progress.shutdown();
        assertEquals("\r80000203  1.0 KiB / 4.0 KiB  25%  interrupted\n", printed(), "once");
    }

    @Test
    void ctrlCAfterTheLineEndedPrintsNothing() {
        Progress p = new Progress(err, "query", false, true);
        p.progress(10, -1);
        p.finish();
        bytes.reset();
        Progress.shutdown();
        assertEquals("", printed());
    }

    @Test
    void silentWhenQuietOrNotATerminal() {
        for (Progress p : List.of(new Progress(err, "a", true, true), new Progress(err, "b", false, false),
                                  new Progress(err, "c", true, false))) {
            p.progress(10, 100);
            p.progress(100, 100);
            p.progress(5, -1);
            p.finish();
        }
        assertEquals("", printed());
    }

    @Test
    void anAsyncQueryReportsItsPhasesUnlessQuiet() {
        String base = SharedArchive.get().baseUrl().toString();
        CliRun loud = CliRun.run("query", "--archive", base, "--async", "SELECT TOP 2 tdt FROM ida.observations");
        assertEquals(0, loud.exit(), loud.err());
        List<String> phases = loud.err().lines().filter(l -> l.startsWith("job phase: ")).toList();
        assertTrue(!phases.isEmpty() && phases.get(phases.size() - 1).equals("job phase: COMPLETED"), loud.err());
        // the job's URL first, so that a user can look at it (or abort it) while it runs
        String first = loud.err().lines().findFirst().orElse("");
        assertTrue(first.matches("job: " + java.util.regex.Pattern.quote(base) + "tap/async/\\S+"), loud.err());
        assertEquals(phases.size() + 1, loud.err().lines().count(), "one line per phase: " + loud.err());
        CliRun quiet = CliRun.run("query", "--archive", base, "--quiet", "--async",
                                  "SELECT TOP 2 tdt FROM ida.observations");
        assertEquals(0, quiet.exit(), quiet.err());
        assertEquals("", quiet.err());
        assertEquals(loud.out(), quiet.out());
    }
}
