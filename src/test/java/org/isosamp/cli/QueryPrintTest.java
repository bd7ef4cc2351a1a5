package org.isosamp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code query}'s printed table: its columns and width, as cone's; and the dead-link note of --archive local. */
class QueryPrintTest {

    private static final String ALL = "SELECT TOP 5 * FROM ida.observations";

    @Test
    void columnsAndWidthAsChosen() {
        CliRun r = CliRun.run("query", ALL, "--columns", "target,tdt");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.lines().get(0).matches(" *target +tdt"), r.out());
        CliRun narrow = CliRun.run("query", ALL, "--max-width", "50");
        assertEquals(0, narrow.exit(), narrow.err());
        assertTrue(narrow.lines().stream().allMatch(l -> l.length() <= 50), narrow.out());
        assertTrue(narrow.lines().get(0).contains(" ... "), narrow.out());
        assertEquals(2, CliRun.run("query", ALL, "--columns", "nosuch").exit());
    }

    @Test
    void columnsAreForPrintingOnly(@TempDir Path dir) {
        CliRun r = CliRun.run("query", ALL, "--columns", "tdt", "--output-file", dir.resolve("x.csv").toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("name them in the ADQL SELECT"), r.err());
    }

    @Test
    void aSavedOrPrintedResultWithTheCommandsLocalUrlsSaysSo(@TempDir Path dir) {
        String adql = "SELECT TOP 3 reference FROM ivoa.ssap";
        for (String format : new String[] {"votable", "csv"}) {
            CliRun saved = CliRun.run("query", "--archive", "local", "--no-cache", adql, "--output-format", format,
                                      "--output-file", dir.resolve("x." + format).toString());
            assertEquals(0, saved.exit(), saved.err());
            assertTrue(saved.err().contains("note: 3 URLs in this result point at the local archive on port "),
                       format + ": " + saved.err());
        }
        CliRun printed = CliRun.run("query", "--archive", "local", "--no-cache", adql);
        assertTrue(printed.err().startsWith("note: 3 URLs in this result"), printed.err());
        CliRun none = CliRun.run("query", "--archive", "local", "--no-cache", "SELECT TOP 3 tdt FROM ivoa.ssap");
        assertEquals("", none.err());
    }
}
