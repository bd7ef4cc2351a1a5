package org.isosamp.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.Response;
import org.isosamp.testing.Await;
import org.isosamp.testing.ChildJvm;
import org.isosamp.testing.FakeViewer;
import org.isosamp.testing.SharedArchive;
import org.isosamp.testing.TestHub;
import org.isosamp.testing.Xvfb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bus panel in a real window (Xvfb, a child JVM running {@link BusPanelProbe}) on a real hub in this JVM, with
 * real second clients standing for TOPCAT, SPLAT and Aladin: the client list shows them with what they take; "Send
 * table" reaches TOPCAT; "Send product" for a spectrum row reaches SPLAT; with "Listen" on, a pointAt from TOPCAT
 * is answered with a broadcast and log lines (and, with "also send the nearest", the nearest spectrum reaches
 * SPLAT); a {@code table.highlight.row} from TOPCAT for the sent table selects that row in the window, and a row the
 * user selects goes out as {@code table.highlight.row} (the bus's own row is not sent back). Saves
 * {@code target/screenshots/bus.png}.
 */
class BusPanelTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void thePanelSendsListensAndSharesRows(@TempDir Path dir) throws Exception {
        try (TestHub hub = TestHub.start();
             FakeViewer topcat = FakeViewer.loading(hub, "topcat", "table.load.votable", "table.highlight.row",
                                                    "table.select.rowList");
             FakeViewer splat = FakeViewer.loading(hub, "SPLAT-VO", "spectrum.load.ssa-generic");
             FakeViewer aladin = FakeViewer.loading(hub, "Aladin", "image.load.fits");
             Xvfb x = Xvfb.start(dir.resolve("xvfb"));
             ChildJvm probe = ChildJvm.start(dir, Map.of("DISPLAY", x.display(), "SAMP_HUB", hub.sampHub()),
                                             BusPanelProbe.class.getName(), SharedArchive.get().baseUrl().toString(),
                                             "topcat")) {
            probe.awaitOutput("SENT-TABLE", WAIT);
            FakeViewer.Received table = topcat.next(WAIT);
            assertNotNull(table, probe.output());
            assertEquals("table.load.votable", table.message().getMType());
            assertEquals("M31 observations", table.message().getParam("name"));
            assertTrue(new String(table.loaded(), StandardCharsets.UTF_8).contains("<VOTABLE"), "TOPCAT read it");
            String tableId = (String) table.message().getParam("table-id");
            String tableUrl = (String) table.message().getParam("url");

            FakeViewer.Received product = splat.next(WAIT);
            assertNotNull(product, probe.output());
            assertEquals("spectrum.load.ssa-generic", product.message().getMType());
            assertTrue(((String) product.message().getParam("url")).contains("58002102"), product.message().toString());

            probe.awaitOutput("LISTENING", WAIT);
            String self = fact(probe, "REGISTERED ");
            Response r = topcat.connector().callAndWait(self, new Message("coord.pointAt.sky")
                .addParam("ra", "10.6847").addParam("dec", "41.2690"), 30);
            assertTrue(r.isOK(), String.valueOf(r));
            probe.awaitOutput("POINTAT-DONE", WAIT);
            FakeViewer.Received nearest = splat.next(WAIT);
            assertNotNull(nearest, probe.output());
            assertTrue(((String) nearest.message().getParam("url")).contains("58002102"), nearest.message().toString());

            topcat.connector().getConnection().notify(self, new Message("table.highlight.row")
                .addParam("table-id", tableId).addParam("url", tableUrl).addParam("row", "5"));
            probe.awaitOutput("ROW 5", WAIT);
            // the user's row 7 goes out; the bus's own row 5, echoed by the window, does not
            List<FakeViewer.Received> seen = new ArrayList<>();
            Await.until(() -> {
                seen.addAll(topcat.drain());
                return seen.stream().anyMatch(m -> isHighlight(m, tableId, "7"));
            }, WAIT, "TOPCAT told of row 7; got " + seen);
            assertTrue(seen.stream().noneMatch(m -> isHighlight(m, tableId, "5")), "row 5 not echoed: " + seen);

            probe.awaitOutput("SCREENSHOT", WAIT);
            x.screenshot(Path.of("target", "screenshots", "bus.png"));
            String out = probe.output();
            assertTrue(out.contains("CLIENT topcat: table, rows\n"), out);
            assertTrue(out.contains("CLIENT SPLAT-VO: spectrum\n"), out);
            assertTrue(out.contains("CLIENT Aladin: image\n"), out);
            assertTrue(out.contains("LOG table \"M31 observations\" (49 rows): 1 client (topcat samp.ok)\n"), out);
            assertTrue(out.contains("LOG product 58002102 (spectrum) as spectrum.load.ssa-generic: 1 client"
                                    + " (SPLAT-VO samp.ok)\n"), out);
            assertTrue(out.contains("LOG #1 pointAt 10.6847 +41.2690 from topcat\n"), out);
            assertTrue(out.contains("LOG #1 ivoa.obscore near 10.6847 +41.2690 r=0.1deg: broadcast to 1 client"
                                    + " (topcat)\n"), out);
            assertTrue(out.matches("(?s).*LOG #1 nearest spectrum 58002102 \\(0\\.\\d arcsec\\): sent to 1 client"
                                   + " \\(SPLAT-VO samp\\.ok\\)\n.*"), out);
            assertTrue(out.contains("LOG row 5 of \"M31 observations\" highlighted by topcat\n"), out);
        }
    }

    @Test
    void withNoHubItStartsOneAndRegistersAndUnregistersOnRequest(@TempDir Path dir) throws Exception {
        Path lockfile = dir.resolve("no-hub-yet.samp");
        try (Xvfb x = Xvfb.start(dir.resolve("xvfb"));
             ChildJvm probe = ChildJvm.start(dir, Map.of("DISPLAY", x.display(), "SAMP_HUB",
                                                         "std-lockurl:" + lockfile.toUri()),
                                             BusPanelHubProbe.class.getName(), lockfile.toString())) {
            assertEquals(0, probe.waitFor(WAIT), probe.output());
            String out = probe.output();
            assertTrue(out.contains("NOHUB Not registered: no SAMP hub at file:"), out);
            assertTrue(out.contains("HUB-STARTED lockfile true, start enabled false, button Unregister\n"), out);
            assertTrue(out.contains("UNREGISTERED button Register\n"), out);
            assertTrue(out.contains("REGISTERED-AGAIN\n"), out);
            assertTrue(out.contains("LOG started a SAMP hub (it stops with this window)\n"), out);
            assertTrue(out.contains("LOG unregistered from the SAMP hub\n"), out);
            assertTrue(out.contains("LOG registered again with the SAMP hub as "), out);
            assertTrue(!out.contains("LOG lost"), out);
            assertTrue(out.contains("CLOSED hub gone\n"), out);
        }
    }

    private static boolean isHighlight(FakeViewer.Received m, String tableId, String row) {
        return m.message().getMType().equals("table.highlight.row") && tableId.equals(m.message().getParam("table-id"))
            && row.equals(m.message().getParam("row"));
    }

    /** @return the rest of the probe's first line starting with the prefix */
    private static String fact(ChildJvm probe, String prefix) {
        return probe.output().lines().filter(l -> l.startsWith(prefix)).findFirst()
            .map(l -> l.substring(prefix.length()).trim())
            .orElseThrow(() -> new AssertionError("no \"" + prefix + "\" in " + probe.output()));
    }
}
