package org.isosamp.topcat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.isosamp.testing.TopcatProbe;
import org.isosamp.testing.Xvfb;
import org.isosamp.testing.SharedArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The toolbar tool inside the real TOPCAT 4.8.7 (Debian's jar first on the class path, so TOPCAT's own classes, STIL
 * and JSAMP serve, not the compile stubs), under a private Xvfb, started as {@code iso-samp topcat --archive local}
 * starts it ({@code -Dtopcat.exttools}, the archive properties naming the local archive): the Control Window's
 * toolbar has the button, pressing it shows iso-samp's window in TOPCAT's look and feel (unchanged, no FlatLaf), with
 * no Start hub; the seed's M31 cone there gives 49 rows, which its TOPCAT menu loads into TOPCAT; a second press
 * shows the same window; closing it leaves TOPCAT running. Saves {@code target/screenshots/topcat-window-tool.png}.
 * Without TOPCAT's jar, Xvfb or ImageMagick the test fails, naming what to install.
 */
class IsoWindowToolTopcatTest {

    private static final Duration START = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void theToolbarButtonOpensTheWindowInTopcatsLookAndFeelWhichSearchesAndClosesLeavingTopcat() throws Exception {
        TopcatProbe.require();
        String url = SharedArchive.get().baseUrl().toString();
        try (Xvfb x = Xvfb.start(dir.resolve("xvfb"));
             TopcatProbe topcat = TopcatProbe.start(x, dir, List.of("topcat.exttools=" + IsoWindowTool.class.getName(),
                 "iso-samp.archive=" + url, "iso-samp.local=" + url), TopcatWindowToolProbe.class)) {
            Process running = topcat.process();
            topcat.await("shown", START, "the window in TOPCAT");
            String out = topcat.log();
            List<String> lines = out.lines().toList();
            String laf = lines.stream().filter(l -> l.startsWith("laf ")).findFirst().orElse("laf ?");
            assertTrue(lines.contains("button " + "Search ISO's archive in iso-samp's window: observations, products,"
                                      + " the bus 24x24"), "the Control Window's toolbar has the button:\n" + out);
            assertTrue(lines.contains("window iso-samp — ISO Data Archive"), "the press showed the window:\n" + out);
            assertTrue(lines.contains("archive local"), "the archive iso-samp topcat chose:\n" + out);
            assertFalse(laf.contains("flatlaf"), "TOPCAT's own look and feel: " + laf);
            assertEquals(2, lines.stream().filter(laf::equals).count(), "the look and feel unchanged:\n" + out);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("ui javax.swing.plaf.")), "TOPCAT's UI:\n" + out);
            assertTrue(lines.contains("startHub NONE"), "no Start hub inside TOPCAT:\n" + out);
            assertTrue(lines.contains("rows 49"), "the seed's M31 cone:\n" + out);
            String table = "ISO ida.observations cone 10.684708 41.26875 r=0.1";
            // TOPCAT's label is the location, shortened
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("table ISO ida.observations cone")
                                                    && l.endsWith(" 49")), "the result loaded into TOPCAT:\n" + out);
            assertTrue(lines.contains("name " + table), "named as the load dialog names it:\n" + out);
            assertTrue(lines.contains("windows 1"), "a second press shows the same window:\n" + out);
            x.screenshot("topcat-window-tool.png");
            topcat.send("go");
            out = topcat.await("done", START, "the window closed");
            lines = out.lines().toList();
            assertEquals(2, lines.stream().filter("windows 1"::equals).count(), "one window, still:\n" + out);
            assertTrue(lines.contains("closed false"), "disposed:\n" + out);
            assertTrue(lines.contains("topcat true"), "TOPCAT's Control Window still shows:\n" + out);
            assertTrue(running.isAlive(), "TOPCAT's JVM runs on:\n" + out);
            x.screenshot("topcat-window-tool-closed.png");
            topcat.send("quit");
            topcat.endInput();
            assertTrue(running.waitFor(30, TimeUnit.SECONDS), "the probe ended");
            assertEquals(0, running.exitValue(), topcat.log());
            assertFalse(topcat.log().contains("Exception"), "nothing thrown in TOPCAT:\n" + topcat.log());
        }
    }
}
