package org.isosamp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every failure: a non-zero exit and one line on stderr naming what was wrong; no file left. */
class CliErrorsTest {

    static void oneLine(CliRun r, int exit, String contains) {
        assertEquals(exit, r.exit(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(contains), r.err());
    }

    @Test
    void badAdqlNamesTheServerMessage() {
        oneLine(CliRun.run("query", "DUFF QUERY"), 1, "Cannot parse query");
    }

    @Test
    void failedQueryWritesNoVotable(@TempDir Path dir) throws Exception {
        oneLine(CliRun.run("query", "SELECT nosuch FROM ida.observations", "--output-file",
                           dir.resolve("x.vot").toString()), 1, "nosuch");
        try (var s = Files.list(dir)) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void unknownTdtIsA404AndLeavesNoFile(@TempDir Path dir) throws Exception {
        oneLine(CliRun.run("download", "12345678", "--dir", dir.toString()), 1, "No observation with tdt 12345678");
        try (var s = Files.list(dir)) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void badTdtNeverReachesTheServer() {
        oneLine(CliRun.run("download", "../etc/passwd"), 1, "tdt \"../etc/passwd\"");
    }

    @Test
    void unknownTableIsNamed() {
        oneLine(CliRun.run("columns", "ida.nosuch"), 1, "table \"ida.nosuch\" is not in the IDA TAP service");
    }

    @Test
    void badConeNumbersAreNamed() {
        CliRun dec95 = CliRun.run("cone", "10", "95"); // a usage error, as "cone 400 41.27" (ConeCommandTest)
        assertEquals(2, dec95.exit(), dec95.err());
        assertTrue(dec95.err().lines().findFirst().orElse("").contains("Dec (95) must be within [-90, 90] degrees"),
                   dec95.err());
        CliRun table = CliRun.run("cone", "10", "41", "--table", "ida.proposals"); // a bad option value: usage
        assertEquals(2, table.exit(), table.err());
        assertTrue(table.err().lines().findFirst().orElse("").contains("cone search needs one of"), table.err());
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        CliRun r = CliRun.run("download", "80000203", "--product-level", "BEST");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("BEST"), r.err());
    }

    @Test
    void unknownOutputFormatIsNamedAndNoFileWritten(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("x.out");
        oneLine(CliRun.run("query", "SELECT TOP 1 tdt FROM ida.observations", "--output-file", f.toString(),
                           "--output-format", "nosuchformat"), 1, "unknown output format \"nosuchformat\"");
        try (var s = Files.list(dir)) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void unreachableArchiveIsOneLine() {
        oneLine(CliRun.run("tables", "--archive", "http://127.0.0.1:1/nida-sl-tap/"), 1, "127.0.0.1");
    }
    @ParameterizedTest
    @ValueSource(strings = {"csv", "fits", "ecsv", "votable"})
    void errorStatusAfterTheRowsLeavesNoFile(String format, @TempDir Path dir) throws Exception {
        String rows = "<TR><TD>1</TD></TR>".repeat(5000);
        String body = "<?xml version=\"1.0\"?><VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">"
            + "<RESOURCE type=\"results\"><INFO name=\"QUERY_STATUS\" value=\"OK\"/><TABLE>"
            + "<FIELD name=\"tdt\" datatype=\"int\"/><DATA><TABLEDATA>" + rows + "</TABLEDATA></DATA></TABLE>"
            + "<INFO name=\"QUERY_STATUS\" value=\"ERROR\">query aborted after 5000 rows</INFO></RESOURCE></VOTABLE>";
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/x-votable+xml")
                .body(body).build());
            server.start();
            oneLine(CliRun.run("query", "--archive", server.url("/nida-sl-tap/").toString(), "--quiet",
                               "SELECT tdt FROM ida.observations", "--output-format", format,
                               "--output-file", dir.resolve("x." + format).toString()),
                    1, "query aborted after 5000 rows");
        }
        try (var s = Files.list(dir)) {
            assertEquals(List.of(), s.toList());
        }
    }
}
