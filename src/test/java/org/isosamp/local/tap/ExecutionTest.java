package org.isosamp.local.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.isosamp.local.adql.AdqlTranslator;
import org.isosamp.local.db.ArchiveDatabase;
import org.isosamp.testing.SharedArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One query's run, cancelled at each of its stages: before it runs, and while its computed rows are written
 * (cancelling while H2 computes is {@code QueryCancelTest}'s, over HTTP).
 */
class ExecutionTest {

    /** 364 x 364 rows: quick for H2, many more than the 1024 rows between two looks at the cancel. */
    static final String PAIRS = "SELECT a.tdt, b.tdt AS tdt2 FROM ida.observations AS a CROSS JOIN"
        + " ida.observations AS b";

    static ScheduledExecutorService timer;
    static TapService tap;

    @BeforeAll
    static void start() {
        ArchiveDatabase db = SharedArchive.get().database();
        timer = Executors.newSingleThreadScheduledExecutor();
        tap = new TapService(db, new AdqlTranslator(db.metadata(), db.indexedTables()), timer);
    }

    @AfterAll
    static void stop() {
        timer.shutdownNow();
    }

    static TapService.QuerySpec spec(String query, ResultFormat format) {
        return new TapService.QuerySpec(query, format, TapService.DEFAULT_MAXREC);
    }

    @Test
    void aCancelBeforeTheQueryRunsKeepsItFromRunning() throws Exception {
        try (Execution q = tap.prepare(spec(PAIRS, ResultFormat.CSV), 60)) {
            q.cancel("the client went away");
            q.cancel("a second reason does not count");
            TapException e = assertThrows(TapException.class, q::execute);
            assertEquals(503, e.status);
            assertEquals("Query cancelled: the client went away", e.getMessage());
            assertEquals(null, q.translation(), "not even translated");
        }
    }

    @Test
    void aCancelWhileRowsAreWrittenStopsTheWriting() throws Exception {
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        try (Execution q = tap.prepare(spec(PAIRS, ResultFormat.CSV), 60)) {
            q.execute();
            q.write(whole, null);
        }
        assertTrue(whole.size() > 1_000_000, "the whole answer: " + whole.size() + " bytes");

        try (Execution q = tap.prepare(spec(PAIRS, ResultFormat.VOTABLE_TABLEDATA), 60)) {
            q.execute();
            // cancelled once the first bytes are out, as an ABORT while an async job writes its result
            CountingStream out = new CountingStream(() -> q.cancel("job x was aborted"));
            IOException e = assertThrows(IOException.class, () -> q.write(out, null));
            assertTrue(e.getMessage().contains("Query cancelled: job x was aborted"), e.getMessage());
            assertTrue(out.count < whole.size() / 4, "wrote " + out.count + " bytes after the cancel");
        }
    }

    /** Counts bytes, and runs an action at the first. */
    static final class CountingStream extends OutputStream {
        final Runnable atFirst;
        long count;

        CountingStream(Runnable atFirst) {
            this.atFirst = atFirst;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (count == 0 && len > 0) {
                atFirst.run();
            }
            count += len;
        }
    }
}
