package org.isosamp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.isosamp.IsoSamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Help texts whole and wide enough; completion, man pages and --version made by picocli from the registry. */
class HelpTextsTest {

    /** @return {@code iso-samp <command> --help} as printed with $COLUMNS = columns (null: unset, no terminal) */
    static String help(String command, String columns) {
        CommandLine cl = IsoSamp.commandLine();
        if (columns != null) {
            IsoSamp.helpWidth(cl, columns); // as with $COLUMNS set
        }
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        assertEquals(0, cl.execute(command, "--help"), command);
        return out.toString();
    }

    @Test
    void pathsAndUrlsAreNotBrokenAcrossLines() {
        assertTrue(help("query", "120").contains("https://nida.esac.esa.int/nida-sl-tap/"), help("query", "120"));
        assertTrue(help("query", "120").contains("\"SELECT TOP 10 * FROM ida.observations\""), help("query", "120"));
        assertTrue(help("send-table", "120").contains("~/.samp"), help("send-table", "120"));
        assertTrue(help("cone", "120").contains("~/.cache/iso-samp/products;"),
                   help("cone", "120"));
    }

    @Test
    void everyCommandsHelpFitsTheWidthAsked() {
        for (String command : IsoSamp.commandLine().getSubcommands().keySet()) {
            for (String columns : new String[] {"80", "120"}) {
                int width = Integer.parseInt(columns);
                help(command, columns).lines().forEach(line ->
                    assertTrue(line.length() <= width, command + " at " + columns + ": " + line));
            }
        }
    }

    @Test
    void largeProductIsDocumented() {
        assertTrue(help("serve-local", "120").contains("--large-product=TDT=BYTES"), help("serve-local", "120"));
    }

    @Test
    void versionNamesTheBuildTheLibrariesAndJava() {
        StringWriter out = new StringWriter();
        CommandLine cl = IsoSamp.commandLine();
        cl.setOut(new PrintWriter(out, true));
        assertEquals(0, cl.execute("--version"));
        String v = out.toString();
        assertTrue(v.startsWith("iso-samp "), v);
        assertTrue(v.contains("STIL 4."), v);
        assertTrue(v.contains("JSAMP 1.3.9"), v);
        assertTrue(v.contains("OkHttp " + okhttp3.OkHttp.VERSION), v);
        assertTrue(v.contains("Java " + System.getProperty("java.version")), v);
    }

    @Test
    void completionIsPicoclisScriptOfEveryCommand() {
        CliRun r = CliRun.run("completion");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("complete -F _complete_iso-samp"), r.out());
        for (String command : IsoSamp.commandLine().getSubcommands().keySet()) {
            assertTrue(r.out().contains(command), command);
        }
        assertTrue(r.out().contains("--product-level") && r.out().contains("--maxrec"), "options completed");
    }

    @Test
    void manPagesAreWrittenForEveryCommand(@TempDir Path dir) throws Exception {
        assertEquals(0, ManPages.generate(new File(dir.toString())));
        assertTrue(Files.readString(dir.resolve("iso-samp.adoc")).contains("send-product"));
        for (String command : IsoSamp.commandLine().getSubcommands().keySet()) {
            assertTrue(Files.exists(dir.resolve("iso-samp-" + command + ".adoc")), command);
        }
        assertTrue(Files.readString(dir.resolve("iso-samp-query.adoc")).contains("--maxrec"));
    }
}
