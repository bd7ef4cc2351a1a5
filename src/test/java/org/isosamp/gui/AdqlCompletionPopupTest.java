package org.isosamp.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.isosamp.testing.ChildJvm;
import org.isosamp.testing.Xvfb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ADQL completion list on a real display (Xvfb, a child JVM running {@link AdqlCompletionProbe}): in the search
 * panel's ADQL tab, over the local archive's metadata, with real key presses. Ctrl+Space while the metadata is read
 * opens the list saying so, and the list fills itself once it has come. Typing {@code SELECT * FROM ida.obs}
 * opens the list at the '.', Escape closes it, Ctrl+Space opens it under the caret, on the screen and inside the
 * window, its choice painted as a list in use, with the focus left in the query; the arrows move the choice; Enter
 * inserts {@code observations} and nothing else (no newline); after an alias and after a table's name the list offers
 * that table's columns ({@code ra_} gives {@code ra_deg}); Tab and a double-click insert too; Escape leaves the text as
 * it was. Left and a click in the text close the list, leaving the text as it was; a space typed after a name
 * closes it, so the Enter after it is a new line. The list closes when its
 * tab is left or its window hidden, and does not come back when the window is shown again; it follows the caret when
 * the window moves; near the screen's corner it opens over the caret, on the screen. Nothing touches the disk or
 * network on the event thread. Saves {@code target/screenshots/adql-completion.png} with the list open.
 */
class AdqlCompletionPopupTest {

    /** The probe takes 15-40 s; a busy CI machine slows the Robot's waits for an idle event queue a lot. */
    private static final Duration WAIT = Duration.ofSeconds(300);

    @Test
    void theListCompletesNamesFromTheKeyboardOnARealDisplay(@TempDir Path dir) throws Exception {
        try (Xvfb x = Xvfb.start(dir.resolve("xvfb"));
             ChildJvm probe = ChildJvm.start(dir, Map.of("DISPLAY", x.display()),
                                             AdqlCompletionProbe.class.getName())) {
            probe.awaitOutput("SCREENSHOT", WAIT);
            x.screenshot("adql-completion.png");
            Files.writeString(dir.resolve("shot-taken"), "yes");
            int exit = probe.waitFor(WAIT);
            String out = probe.output();
            assertEquals(0, exit, out);
            assertTrue(out.contains("LOADING shown true names [] note metadata still loading\n"), out);
            assertTrue(out.contains("LOADING-ENTER text \"SELECT * FROM ida.\\n\" shown false\n"), out);
            assertTrue(out.contains("LOADED shown true names [aph, cam_expert, cam_measurement] note Processing "
                                    + "history per observation\n"), out);
            assertTrue(out.contains("TYPED-DOT shown true names [obs_pointing, observers, observations]\n"), out);
            assertTrue(out.contains("ESCAPE shown false open false text \"SELECT * FROM ida.obs\"\n"), out);
            assertTrue(out.contains("CTRL-SPACE shown true names [obs_pointing, observers, observations] selected "
                                    + "obs_pointing focus true\n"), out);
            assertTrue(out.matches("(?s).*PLACE below-caret true above-caret false at-caret-x true on-screen true "
                                   + "\\(.*\\) inside-window true\n.*"), out);
            assertTrue(out.contains("CHOICE-PAINTED active\n"), out);
            assertTrue(out.contains("ARROWS down 1 up 0 up-again 2 of 3 text \"SELECT * FROM ida.obs\"\n"), out);
            assertTrue(out.contains("ENTER text \"SELECT * FROM ida.observations\" shown false focus true\n"), out);
            assertTrue(out.contains("ALIAS shown true names [ra_deg] note [deg] Right ascension (J2000) in degrees"),
                       out);
            assertTrue(out.contains("ALIAS-ENTER text \"SELECT * FROM ida.observations o WHERE o.ra_deg\" shown "
                                    + "false\n"), out);
            assertTrue(out.contains("QUALIFIED shown true names [dec, default_vo_product]\n"), out);
            assertTrue(out.contains("TAB text \"SELECT * FROM ida.observations o WHERE o.ra_deg > 10 AND "
                                    + "ida.observations.dec\" shown false\n"), out);
            assertTrue(out.contains("ESCAPE-AGAIN text \"SELECT * FROM ida.observations o WHERE o.ra_deg > 10 AND "
                                    + "ida.observations.dec AND o.t\" shown false focus true\n"), out);
            assertTrue(out.contains("DOUBLE-CLICK text \"SELECT * FROM ida.observations o WHERE o.ra_deg > 10 AND "
                                    + "ida.observations.dec AND o.tdt\" shown false focus true\n"), out);
            assertTrue(out.contains("LEFT shown false caret-back true\n"), out);
            assertTrue(out.contains("CLICK shown false text \"SELECT * FROM ida.observations o WHERE o.ra_deg > 10 AND "
                                    + "ida.observations.dec AND o.tdt AND o.t\"\n"), out);
            assertTrue(out.contains("WORD-TYPED shown true names [observations]\n"), out);
            assertTrue(out.contains("SPACE shown false names []\n"), out);
            assertTrue(out.contains("NEW-LINE text \"SELECT * FROM ida.observations o\\nWHERE\" shown false\n"), out);
            assertTrue(out.contains("OTHER-TAB shown false open false\n"), out);
            assertTrue(out.contains("MOVED shown true below-caret true above-caret false at-caret-x true"), out);
            assertTrue(out.contains("HIDDEN shown false open false\n"), out);
            assertTrue(out.contains("SHOWN-AGAIN shown false open false\n"), out);
            assertTrue(out.matches("(?s).*CORNER below-caret (true above-caret false|false above-caret true) "
                                   + "at-caret-x true on-screen true.*"), out);
            assertTrue(out.contains("EDT-IO []\n"), out);
        }
    }
}
