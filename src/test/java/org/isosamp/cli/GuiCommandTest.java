package org.isosamp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import org.junit.jupiter.api.Test;

/**
 * The window's commands where there is no display (surefire runs headless, as a terminal over ssh or CI does): the
 * README's first command and every other keep working; {@code gui} says why it cannot open. The window itself, on a
 * display: {@code org.isosamp.gui.IsoWindowTest}.
 */
class GuiCommandTest {

    @Test
    void withoutADisplayGuiFailsInOneLineAndNoCommandListsTheCommands() {
        assertTrue(GraphicsEnvironment.isHeadless(), "surefire runs headless (java.awt.headless=true)");
        CliRun gui = CliRun.run("gui", "--archive", "local");
        assertEquals(1, gui.exit(), gui.err());
        assertEquals("iso-samp gui: no display (DISPLAY is unset or Java runs headless): the window needs one; every "
                     + "command works without it", gui.err().strip());

        CliRun none = CliRun.run();
        assertEquals(2, none.exit(), none.err());
        assertTrue(none.err().startsWith("Usage: iso-samp"), none.err());
        assertTrue(none.err().contains("  gui "), none.err());
    }

    @Test
    void prepareSetsTheLookAndFeelUpAheadAndOpenTakesItOnce() throws Exception {
        javax.swing.LookAndFeel before = javax.swing.UIManager.getLookAndFeel();
        try {
            GuiCommand.prepare();
            assertTrue(GuiCommand.prepared());
            org.isosamp.gui.WindowSettings settings = GuiCommand.settings();
            assertTrue(settings != null);
            assertEquals("FlatLaf Light", javax.swing.UIManager.getLookAndFeel().getName());
            assertTrue(!GuiCommand.prepared(), "taken once: a second window reads its settings anew");
            // the components' warm-up that prepare() handed the event thread has run, headless too, without a throw
            javax.swing.SwingUtilities.invokeAndWait(GuiCommand::warmUp);
        } finally {
            javax.swing.UIManager.setLookAndFeel(before);
        }
    }

    @Test
    void onlyGuiWithAtMostArchiveIsReadByHand() {
        assertEquals("", GuiCommand.readDirect(new String[] {"gui"}));
        assertEquals("local", GuiCommand.readDirect(new String[] {"gui", "--archive", " local "}));
        assertEquals("http://127.0.0.1:9/",
                     GuiCommand.readDirect(new String[] {"gui", "--archive=http://127.0.0.1:9/"}));
        // everything else goes to picocli, which says what it says (help, a usage error, other options)
        for (String[] args : new String[][] {
            {}, {"query"}, {"gui", "--help"}, {"gui", "-v"}, {"gui", "--archive"}, {"gui", "--archive", "ftp://x"},
            {"gui", "--archive=local", "-q"}, {"gui", "--no-cache"},
            {"gui", "--archive", "local", "--cache-dir", "d"}}) {
            assertEquals(null, GuiCommand.readDirect(args), String.join(" ", args));
        }
    }

    @Test
    void aWrongArchiveIsAUsageError() {
        CliRun gui = CliRun.run("gui", "--archive", "ftp://x");
        assertEquals(2, gui.exit(), gui.err());
        assertTrue(gui.err().contains("neither 'local' nor an http(s) URL"), gui.err());
    }
}
