package org.isosamp.samp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.Response;
import org.isosamp.testing.Await;
import org.isosamp.testing.FakeViewer;
import org.isosamp.testing.RecordingPublisher;
import org.isosamp.testing.SharedArchive;
import org.isosamp.testing.TestHub;
import org.junit.jupiter.api.Test;

/**
 * {@code listen --send-nearest} in the core: a pointAt near a known spectrum makes a SPLAT-like client (a real second
 * client on a real hub) receive that observation's STANDALONE spectrum, and an Aladin-like one the nearest image; off,
 * neither gets anything.
 */
class SendNearestTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The LWS01 M31 spectrum of the documentation, at 10.685 +41.26902 in ivoa.ssap: 0.8 arcsec from the point. */
    private static final String NEAREST_SPECTRUM = "58002102";

    private static Message pointAt() {
        return new Message("coord.pointAt.sky").addParam("ra", "10.6847").addParam("dec", "41.2690");
    }

    @Test
    void aPointAtSendsTheNearestSpectrumToSplatAndTheNearestImageToAladin() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        ConeSearcher.Settings settings = ConeSearcher.Settings.of(SampManifest.load())
            .withTables(List.of("ivoa.obscore"));   // ssap and siap are searched for the nearest anyway
        try (TestHub hub = TestHub.start();
             FakeViewer splat = FakeViewer.loading(hub, "SPLAT-VO", "spectrum.load.ssa-generic");
             FakeViewer aladin = FakeViewer.loading(hub, "Aladin", "image.load.fits", "coord.pointAt.sky");
             SampSession bus = SampSession.open(hub.location(), false);
             PointAtService service = new PointAtService(bus, SharedArchive.client(), settings,
                                                         (b, t) -> new RecordingPublisher())) {
            service.addListener(new PointAtService.Lines(service, lines::add));
            service.setSendNearest(true);
            assertTrue(service.sendsNearest());
            service.start(1, WAIT);
            Await.until(() -> bus.client().peers().size() >= 3, WAIT, "SPLAT and Aladin seen");
            Response ok = aladin.connector().callAndWait(bus.client().selfId(), pointAt(), 10);
            assertTrue(ok.isOK(), String.valueOf(ok));

            FakeViewer.Received spectrum = splat.next(WAIT);
            assertNotNull(spectrum, "SPLAT got nothing; lines " + lines);
            Message m = spectrum.message();
            assertEquals("spectrum.load.ssa-generic", m.getMType());
            assertTrue(((String) m.getParam("url")).contains(NEAREST_SPECTRUM), m.toString());
            assertEquals("M31 (ISO LWS L01 58002102)", m.getParam("name"));
            Map<?, ?> meta = (Map<?, ?>) m.getParam("meta");
            assertEquals("application/fits", meta.get("Access.Format"));
            assertTrue(spectrum.loaded().length > 2880, "SPLAT read the served FITS file");

            FakeViewer.Received image = Await.value(() -> {
                for (FakeViewer.Received r : aladin.drain()) {
                    if (r.message().getMType().equals("image.load.fits")) {
                        return r;
                    }
                }
                return null;
            }, WAIT, () -> "Aladin got no image; lines " + lines);
            assertTrue(image.loaded().length > 2880, "Aladin read the served image");

            Await.until(() -> lines.contains("#1 done"), WAIT, "#1 done in " + lines);
            assertTrue(lines.stream().anyMatch(l -> l.matches("#1 nearest spectrum 58002102 \\(0\\.\\d arcsec\\): sent to"
                + " 1 client \\(SPLAT-VO samp\\.ok\\)")), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.matches("#1 nearest image \\d+ \\(\\d+\\.\\d arcsec\\): sent to"
                + " 1 client \\(Aladin samp\\.ok\\)")), lines.toString());
            // the nearest lines come before the position's end
            assertTrue(lines.indexOf("#1 done") > indexOf(lines, "#1 nearest image"), lines.toString());
        }
    }

    @Test
    void offOrWithNoTakerNothingIsSent() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        ConeSearcher.Settings settings = ConeSearcher.Settings.of(SampManifest.load()).withTables(List.of("ivoa.ssap"));
        try (TestHub hub = TestHub.start();
             FakeViewer splat = FakeViewer.loading(hub, "SPLAT-VO", "spectrum.load.ssa-generic");
             SampSession bus = SampSession.open(hub.location(), false);
             PointAtService service = new PointAtService(bus, SharedArchive.client(), settings,
                                                         (b, t) -> new RecordingPublisher())) {
            service.addListener(new PointAtService.Lines(service, lines::add));
            service.start(1, WAIT);
            Await.until(() -> bus.client().peers().size() >= 2, WAIT, "SPLAT seen");
            String self = bus.client().selfId();
            assertTrue(splat.connector().callAndWait(self, pointAt(), 10).isOK());
            Await.until(() -> lines.contains("#1 done"), WAIT, "#1 done in " + lines);
            assertTrue(lines.stream().noneMatch(l -> l.contains("nearest")), "off: " + lines);

            service.setSendNearest(true);
            // far from every observation: nothing near; no image client: not looked for
            assertTrue(splat.connector().callAndWait(self, new Message("coord.pointAt.sky")
                .addParam("ra", "200").addParam("dec", "-80"), 10).isOK());
            Await.until(() -> lines.contains("#2 done"), WAIT, "#2 done in " + lines);
            assertTrue(lines.contains("#2 nearest spectrum: none within 0.1deg"), lines.toString());
            assertTrue(lines.contains("#2 nearest image: no client takes image.load.fits"), lines.toString());
            assertNull(splat.next(Duration.ofMillis(200)), "SPLAT got nothing");
        }
    }

    @Test
    void theNearestRowWins() throws Exception {
        uk.ac.starlink.table.RowListStarTable t = new uk.ac.starlink.table.RowListStarTable(
            new uk.ac.starlink.table.ColumnInfo[] {
                new uk.ac.starlink.table.ColumnInfo("tdt", Integer.class, null),
                new uk.ac.starlink.table.ColumnInfo("RA", Double.class, null),
                new uk.ac.starlink.table.ColumnInfo("dec", Double.class, null)});
        t.addRow(new Object[] {11111111, 10.70, 41.27});
        t.addRow(new Object[] {22222222, 10.6848, 41.2691});
        t.addRow(new Object[] {33333333, null, 41.2690});
        t.addRow(new Object[] {44444444, 359.99, 41.2690});
        NearestProducts.Nearest n = NearestProducts.nearest(t, 10.6847, 41.2690);
        assertEquals("22222222", n.tdt());
        assertEquals(Math.hypot(0.0001 * Math.cos(Math.toRadians(41.269)), 0.0001), n.separationDeg(), 1e-8);
        // across RA 0
        assertEquals("44444444", NearestProducts.nearest(t, 0.005, 41.2690).tdt());
        assertNull(NearestProducts.nearest(new uk.ac.starlink.table.RowListStarTable(t), 0, 0));
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
