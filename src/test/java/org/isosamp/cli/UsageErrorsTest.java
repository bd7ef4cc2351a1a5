package org.isosamp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.isosamp.IsoSamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The README's promise for usage errors, as git and GNU tools keep it: exit 2, the error on one line naming the
 * command, then one hint line; never the whole help. Bare {@code iso-samp} lists the commands.
 */
class UsageErrorsTest {

    /** @param command the command whose help the hint names */
    static void usage(CliRun r, String command, String contains) {
        assertEquals(2, r.exit(), r.out() + r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals(2, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith(command + ": ") && lines.get(0).contains(contains), r.err());
        assertEquals("try '" + command + " --help'", lines.get(1));
        assertEquals("", r.out());
    }

    @Test
    void aBadPositionalIsTheErrorAndAHintNotTheHelp() {
        usage(CliRun.run("cone", "400", "41.27"), "iso-samp cone", "400");
    }

    @Test
    void aBadEnumValueIsTheErrorAndAHint() {
        usage(CliRun.run("download", "80000203", "--product-level", "BEST"), "iso-samp download", "BEST");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5", "3000000", "x"})
    void maxrecOutsideTheArchivesLimitsIsAUsageError(String n) {
        usage(CliRun.run("query", "SELECT TOP 1 tdt FROM ida.observations", "--maxrec", n), "iso-samp query",
              "--maxrec");
    }

    @Test
    void maxrecAtTheHardLimitIsAccepted() {
        CliRun r = CliRun.run("query", "SELECT TOP 1 tdt FROM ida.observations", "--maxrec", "2000000");
        assertEquals(0, r.exit(), r.err());
    }

    @Test
    void negativeMaxLinesIsAUsageError() {
        usage(CliRun.run("query", "SELECT TOP 1 tdt FROM ida.observations", "--max-lines", "-3"), "iso-samp query",
              "--max-lines");
    }

    @Test
    void maxrecIsCheckedByEveryCommandThatTakesIt() {
        usage(CliRun.run("cone", "10.68", "41.27", "--maxrec", "-5"), "iso-samp cone", "'-5' is not within");
        usage(CliRun.run("send-table", "SELECT 1", "--maxrec", "3000000"), "iso-samp send-table",
              "the archive's hard limit");
    }

    @Test
    void contradictoryOrEmptyArgumentsAreUsageErrors() {
        usage(CliRun.run("download"), "iso-samp download", "give either TDTs or --from-query, not neither");
        usage(CliRun.run("download", "80000203", "--from-query", "SELECT tdt FROM ida.observations"),
              "iso-samp download", "not both");
        usage(CliRun.run("download", "80000203", "80001538", "--filename", "x"), "iso-samp download",
              "--filename names one file, but 2 TDTs were given");
        usage(CliRun.run("download", "80000203", "--retrieval-type", "POSTCARD"), "iso-samp download",
              "use the 'postcard' command");
        usage(CliRun.run("download", "80000203", "80001538", "--parallel", "0"), "iso-samp download",
              "'0' is not 1 or more");
        usage(CliRun.run("send-product", "80001538", "--timeout", "0"), "iso-samp send-product",
              "'0' is not 1 or more");
    }

    @Test
    void anArchiveThatIsNeitherLocalNorAUrlIsAUsageError() {
        usage(CliRun.run("tables", "--archive", "locl"), "iso-samp tables", "\"locl\" is neither 'local' nor");
    }

    @Test
    void anUnknownCacheActionIsAUsageError() {
        usage(CliRun.run("cache", "list"), "iso-samp cache", "expected one of [clear, dir]");
    }

    @Test
    void noCacheLeavesNoCacheToClearAUsageError() {
        usage(CliRun.run("cache", "clear", "--no-cache"), "iso-samp cache", "--no-cache leaves no cache to clear");
    }

    @Test
    void aMissingParameterIsAUsageError() {
        usage(CliRun.run("query"), "iso-samp query", "Missing required parameter: 'ADQL'");
    }

    @Test
    void productLevelWithAStandaloneProductIsAUsageError() {
        usage(CliRun.run("download", "80001538", "--retrieval-type", "STANDALONE", "--product-level",
                         "DEFAULT_DATA_SET"), "iso-samp download", "--product-level applies to");
    }

    @Test
    void productLevelWithAnObservationIsFine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        CliRun r = CliRun.run("download", "80000203", "--product-level", "DEFAULT_DATA_SET", "--dir", dir.toString());
        assertEquals(0, r.exit(), r.err());
    }

    @Test
    void anUnknownCommandSuggestsTheNearest() {
        usage(CliRun.run("qurey"), "iso-samp", "(did you mean 'query'");   // 'or 'quicklook'?)' since issue 12
    }

    @Test
    void bareIsoSampListsTheCommandsOnStderrAsAUsageError() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = IsoSamp.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        assertEquals(2, cl.execute());
        assertEquals("", out.toString());
        assertTrue(err.toString().startsWith("Usage: iso-samp"), err.toString());
        for (String command : List.of("query", "download", "cache", "send-product", "serve-local", "completion")) {
            assertTrue(err.toString().contains("\n  " + command + " "), command + " listed: " + err);
        }
    }
}
