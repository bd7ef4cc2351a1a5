package org.isosamp.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.Response;
import org.isosamp.testing.Await;
import org.isosamp.testing.ChildJvm;
import org.isosamp.testing.FakeViewer;
import org.isosamp.testing.TestHub;
import org.isosamp.testing.Xvfb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when", through the whole real window ({@link WholeWindowProbe} in a child JVM on Xvfb, 1280x900)
 * over a local archive and a real hub in this JVM, with real second clients standing for TOPCAT and SPLAT: the M31
 * cone gives 49 rows; the spectrum row selected draws its plot; Ctrl+D downloads the selected row's file complete (the
 * archive's own bytes), Cancel of the 1 GiB tar leaves nothing; Ctrl+T and Ctrl+P send the table and the spectrum;
 * with Listen on (Ctrl+L), a pointAt from TOPCAT is answered with a broadcast and a log line; a highlight from TOPCAT
 * selects that row although the table is sorted otherwise; every action has a key; nothing touched the disk or
 * network on the event thread. Screenshots {@code target/screenshots/window-{search,spectrum,image,downloads,bus}.png}.
 */
class WholeWindowTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Path SHOTS = Path.of("target", "screenshots").toAbsolutePath();

    @Test
    void theWholeWindowSearchesShowsDownloadsAndSharesOnTheBus(@TempDir Path dir) throws Exception {
        try (TestHub hub = TestHub.start();
             FakeViewer topcat = FakeViewer.loading(hub, "topcat", "table.load.votable", "table.highlight.row",
                                                    "table.select.rowList");
             FakeViewer splat = FakeViewer.loading(hub, "SPLAT-VO", "spectrum.load.ssa-generic");
             Xvfb x = Xvfb.start(dir.resolve("xvfb"));
             ChildJvm probe = ChildJvm.start(dir, Map.of("DISPLAY", x.display(), "SAMP_HUB", hub.sampHub()),
                                             WholeWindowProbe.class.getName(), dir.resolve("work").toString(),
                                             SHOTS.toString())) {
            // the table, sent with Ctrl+T, reaches TOPCAT; the spectrum, with Ctrl+P, SPLAT
            probe.awaitOutput("TABLE-SENT", WAIT);
            FakeViewer.Received table = topcat.next(WAIT);
            assertNotNull(table, probe.output());
            assertEquals("table.load.votable", table.message().getMType());
            assertTrue(new String(table.loaded(), StandardCharsets.UTF_8).contains("<VOTABLE"), "TOPCAT read it");
            String tableId = (String) table.message().getParam("table-id");
            String tableUrl = (String) table.message().getParam("url");
            probe.awaitOutput("PRODUCT-SENT", WAIT);
            FakeViewer.Received spectrum = splat.next(WAIT);
            assertNotNull(spectrum, probe.output());
            assertEquals("spectrum.load.ssa-generic", spectrum.message().getMType());
            assertTrue(((String) spectrum.message().getParam("url")).contains("58002102"), spectrum.toString());
            assertTrue(spectrum.loaded().length > 2880, "SPLAT read a FITS file");

            // Listen on (Ctrl+L): a pointAt from TOPCAT is answered with a broadcast of the cone's table
            probe.awaitOutput("LISTENING", WAIT);
            String self = fact(probe, "REGISTERED ");
            Response r = topcat.connector().callAndWait(self, new Message("coord.pointAt.sky")
                .addParam("ra", "10.6847").addParam("dec", "41.2690"), 30);
            assertTrue(r.isOK(), String.valueOf(r));
            probe.awaitOutput("POINTAT-DONE", WAIT);
            List<FakeViewer.Received> seen = new ArrayList<>();
            Await.until(() -> {
                seen.addAll(topcat.drain());
                return seen.stream().anyMatch(m -> m.message().getMType().equals("table.load.votable"));
            }, WAIT, "the pointAt's broadcast at TOPCAT; got " + seen);

            // TOPCAT highlights row 5 of the table sent: the window selects it (model row 5, elsewhere in the view)
            topcat.connector().getConnection().notify(self, new Message("table.highlight.row")
                .addParam("table-id", tableId).addParam("url", tableUrl).addParam("row", "5"));

            assertEquals(0, probe.waitFor(WAIT), probe.output());
            String out = probe.output();
            System.out.println(out); // the probe's facts, in the test's report
            List<String> lines = out.lines().toList();
            assertTrue(lines.contains("done"), out);
            assertEquals("rows 49", line(lines, "rows "));
            assertEquals("empty-observation " + ObservationPanel.EMPTY, line(lines, "empty-observation "));
            // the window's archive has the product cache: the spectrum is there for a second look
            assertTrue(line(lines, "cached ").matches("cached [1-9]\\d*"), line(lines, "cached "));
            assertTrue(line(lines, "spectrum look ").matches("spectrum look SpectrumQuickLook series [1-9]\\d*"),
                       line(lines, "spectrum look "));
            assertTrue(line(lines, "image look ").startsWith("image look Image"), line(lines, "image look "));
            // the sorted view put model row 5 elsewhere: the conversion was needed, and the row is in sight
            String h = line(lines, "highlight ");
            assertTrue(h.startsWith("highlight model 5 view ") && h.endsWith(" visible true")
                       && !h.contains(" view 5 "), h);
            assertTrue(lines.contains("LOG row 5 of \"ISO ida.observations cone 10.684708 41.26875 r=0.1\" "
                                      + "highlighted by topcat"), out);
            assertTrue(lines.contains("LOG #1 pointAt 10.6847 +41.2690 from topcat"), out);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("LOG #1 ivoa.obscore near 10.6847 +41.2690")
                                                    && l.contains("broadcast to 1 client (topcat)")), out);

            // downloads: the file complete, the archive's own bytes; the cancelled tar left nothing
            Path work = dir.resolve("work");
            assertEquals("download DONE " + work.resolve("downloads").resolve("80001538.fits") + " same-bytes true",
                         line(lines, "download "));
            assertEquals("download-side 1", line(lines, "download-side "), "the Downloads tab shown");
            assertEquals("cancel CANCELLED midway true listing []", line(lines, "cancel "));
            assertEquals("closed remembered-folder " + work.resolve("big"), line(lines, "closed "));

            // every action has a key
            for (String k : List.of("Search/Search = ctrl pressed ENTER", "Search/Cancel = pressed ESCAPE",
                                    "Window/Save results as... = ctrl pressed S",
                                    "Downloads/Download selected rows = ctrl pressed D",
                                    "Bus/Send result table = ctrl pressed T",
                                    "Bus/Send selected product = ctrl pressed P",
                                    "Bus/Listen to coord.pointAt.sky = ctrl pressed L")) {
                assertTrue(lines.stream().anyMatch(l -> l.startsWith("key " + k + " mnemonic ")
                                                        && !l.contains("Unknown")), k + " in\n" + out);
            }
            assertEquals("edt-check done", line(lines, "edt-check "));
            assertEquals(List.of(), lines.stream().filter(l -> l.startsWith("edt-io ")).toList());

            // closing the window left the bus
            String[] clients = topcat.connector().getConnection().getRegisteredClients();
            assertTrue(Arrays.stream(clients).noneMatch(self::equals), Arrays.toString(clients));
            for (String png : List.of("window-search.png", "window-spectrum.png", "window-image.png",
                                      "window-downloads.png", "window-bus.png")) {
                assertTrue(Files.size(SHOTS.resolve(png)) > 10_000, png);
            }
        }
    }

    private static String fact(ChildJvm probe, String prefix) {
        return probe.output().lines().filter(l -> l.startsWith(prefix)).findFirst()
            .map(l -> l.substring(prefix.length()).trim())
            .orElseThrow(() -> new AssertionError("no \"" + prefix + "\" in " + probe.output()));
    }

    private static String line(List<String> out, String prefix) {
        return out.stream().filter(l -> l.startsWith(prefix)).findFirst()
            .orElse("(no " + prefix + "line in: " + String.join("\n", out) + ")");
    }
}
