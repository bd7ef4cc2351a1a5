package org.isosamp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class IsoSampTest {
    @Test
    void helpSucceedsAndUnknownCommandFails() {
        assertEquals(0, IsoSamp.runMain("--help"));
        assertNotEquals(0, IsoSamp.runMain("no-such-command"));
    }

    @Test
    void everyRegisteredCommandIsNamedAsItsAnnotationSaysAndHasHelp() {
        for (Map.Entry<String, Class<?>> e : IsoSamp.COMMANDS.entrySet()) {
            assertEquals(e.getKey(), e.getValue().getAnnotation(CommandLine.Command.class).name());
            CommandLine one = IsoSamp.commandLine(e.getKey());
            if (!e.getKey().equals("help") && !e.getKey().equals("completion")) { // these two need them all
                assertEquals(java.util.List.of(e.getKey()), java.util.List.copyOf(one.getSubcommands().keySet()));
            }
            StringWriter out = new StringWriter();
            one.setOut(new PrintWriter(out));
            assertEquals(0, one.execute(e.getKey(), "--help"), e.getKey());
            assertTrue(out.toString().contains("Usage: iso-samp " + e.getKey()), out.toString());
        }
    }

    @Test
    void noCommandBuildsNoneUntilTheUsageNeedsThem() {
        CommandLine bare = IsoSamp.bare();
        assertTrue(bare.getSubcommands().isEmpty(), "the window opens without reading every command's annotations");
        StringWriter err = new StringWriter();
        bare.setErr(new PrintWriter(err));
        // surefire runs headless: no window, so the usage, and it lists the commands
        assertEquals(2, bare.execute());
        assertTrue(err.toString().startsWith("Usage: iso-samp"), err.toString());
        assertTrue(err.toString().contains("  gui "), err.toString());
        assertTrue(err.toString().contains("  quicklook "), err.toString());
    }

    @Test
    void helpAndUnknownFirstWordsGetEveryCommand() {
        assertEquals(IsoSamp.COMMANDS.keySet(), IsoSamp.commandLine().getSubcommands().keySet());
        assertEquals(IsoSamp.COMMANDS.keySet(), IsoSamp.commandLine("help").getSubcommands().keySet());
        assertEquals(IsoSamp.COMMANDS.keySet(), IsoSamp.commandLine("--help").getSubcommands().keySet());
        StringWriter out = new StringWriter();
        CommandLine cl = IsoSamp.commandLine("help");
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute("help", "query"));
        assertTrue(out.toString().contains("Usage: iso-samp query"), out.toString());
    }

    @Test
    void theHttpClientIsPreparedAheadExactlyForCommandsWithAnArchiveOption() {
        int with = 0;
        for (Map.Entry<String, Class<?>> e : IsoSamp.COMMANDS.entrySet()) {
            CommandLine.Model.CommandSpec spec = IsoSamp.commandLine(e.getKey()).getSubcommands().get(e.getKey())
                .getCommandSpec();
            boolean archiveOption = spec.findOption("--archive") != null;
            assertEquals(archiveOption, IsoSamp.usesArchive(e.getValue()), e.getKey());
            with += archiveOption ? 1 : 0;
        }
        assertTrue(with >= 8 && with < IsoSamp.COMMANDS.size(), with + " commands with --archive");
        assertFalse(IsoSamp.usesArchive(null));
    }
}
