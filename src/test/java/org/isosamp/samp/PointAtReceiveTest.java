package org.isosamp.samp;

import org.isosamp.testing.SkyDistance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.Response;
import org.isosamp.testing.FakeViewer;
import org.isosamp.testing.RecordingPublisher;
import org.isosamp.testing.RecordingPublisher.Publication;
import org.isosamp.testing.SharedArchive;
import org.isosamp.testing.TestBus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;

/**
 * {@code coord.pointAt.sky} end to end: a real in-process hub, a second client standing in for Aladin, the real
 * local archive, and a recording publisher in place of the one that sends tables.
 */
class PointAtReceiveTest {

    static final double M31_RA = 10.6847;
    static final double M31_DEC = 41.2690;
    static final int WAIT_MS = 15_000;

    @RegisterExtension
    final TestBus bus = new TestBus();

    private final RecordingPublisher publisher = new RecordingPublisher();
    private final RecordingListener events = new RecordingListener();
    private SampClient samp;
    private ConeSearcher searcher;
    private FakeViewer aladin;

    @BeforeEach
    void start() throws Exception {
        searcher = new ConeSearcher(SharedArchive.client(), publisher, ConeSearcher.Settings.of(SampManifest.load()));
        searcher.addListener(events);
        PointAtHandler handler = new PointAtHandler(searcher);
        handler.addListener(events);
        samp = bus.samp();
        samp.addHandler(handler);
        bus.connect(0);
        aladin = new FakeViewer(bus.hub(), "Aladin", "table.load.votable");
    }

    @AfterEach
    void stop() {
        aladin.close();
        searcher.close();
    }

    static Message pointAt(String ra, String dec) {
        return new Message(PointAtHandler.MTYPE).addParam("ra", ra).addParam("dec", dec);
    }

    private Response call(Message msg) throws Exception {
        return aladin.connector().callAndWait(samp.selfId(), msg, 10);
    }

    @Test
    void callNearM31PublishesEachNonEmptyConeTableWithRowsInsideTheRadius() throws Exception {
        Response r = call(pointAt("10.6847", "41.2690"));
        assertTrue(r.isOK(), String.valueOf(r));
        RecordingListener.Event rec = events.await(e -> e.kind().equals("received"), WAIT_MS);
        assertEquals(aladin.id(), rec.point().senderId());
        assertEquals("finished", events.awaitEnd(rec.point().seq(), WAIT_MS).kind(), events.events().toString());
        List<Publication> pubs = publisher.publications();
        List<String> names = pubs.stream().map(Publication::name).toList();
        assertEquals(List.of("ivoa.obscore near 10.6847 +41.2690 r=0.1deg", "ivoa.ssap near 10.6847 +41.2690 r=0.1deg",
                             "ivoa.siap near 10.6847 +41.2690 r=0.1deg"), names);
        for (Publication p : pubs) {
            String table = p.name().substring(0, p.name().indexOf(' '));
            checkCone(table, p.table(), M31_RA, M31_DEC, 0.1);
            assertEquals(ConeSearcher.THREAD_NAME, p.thread(), "published from the worker, not the hub's thread");
        }
        // what the events say matches what was published
        List<String> searched = events.of("searched").stream().map(e -> e.detail()).toList();
        assertEquals(3, searched.size(), searched.toString());
        for (int i = 0; i < 3; i++) {
            assertEquals(searched.get(i).split(" ")[0] + " " + pubs.get(i).table().getRowCount(), searched.get(i));
        }
        assertEquals(3, events.of("published").size());
        assertTrue(events.of("failed").isEmpty(), events.events().toString());
    }

    /**
     * Every row's footprint meets the cone: its centre is within the radius plus the footprint's own extent (the
     * archive searches footprints, {@code INTERSECTS(CIRCLE, s_region_fov)}), and every row of the sample whose
     * centre lies within the radius is there.
     */
    static void checkCone(String table, StarTable t, double ra, double dec, double radius) throws IOException {
        boolean obscore = table.equals("ivoa.obscore");
        Object[] ras = RecordingPublisher.column(t, obscore ? "s_ra" : "ra");
        Object[] decs = RecordingPublisher.column(t, obscore ? "s_dec" : "dec");
        Object[] regions = RecordingPublisher.column(t, "s_region_fov");
        assertTrue(ras.length > 0, table + " is empty");
        for (int i = 0; i < ras.length; i++) {
            double cra = ((Number) ras[i]).doubleValue();
            double cdec = ((Number) decs[i]).doubleValue();
            double d = SkyDistance.degrees(ra, dec, cra, cdec);
            double extent = extent(cra, cdec, (String) regions[i]);
            assertTrue(d <= radius + extent + 1e-6, table + " row " + i + " at " + cra + " " + cdec + " is " + d
                + " deg away; radius " + radius + " + footprint " + extent);
        }
        StarTable sample = new StarTableFactory().makeStarTable("samples/data/" + table + ".csv", "csv");
        Object[] sra = RecordingPublisher.column(sample, obscore ? "s_ra" : "ra");
        Object[] sdec = RecordingPublisher.column(sample, obscore ? "s_dec" : "dec");
        int inside = 0;
        for (int i = 0; i < sra.length; i++) {
            if (SkyDistance.degrees(ra, dec, ((Number) sra[i]).doubleValue(), ((Number) sdec[i]).doubleValue()) <= radius) {
                inside++;
            }
        }
        assertTrue(inside > 0 && ras.length >= inside, table + ": " + inside + " sample rows centred in the cone, "
            + ras.length + " returned");
    }

    /** @return the largest distance from the centre to a vertex of "Polygon ICRS ra dec ra dec ..." */
    static double extent(double ra, double dec, String region) {
        String[] w = region.trim().split("\\s+");
        assertEquals("polygon", w[0].toLowerCase());
        double max = 0;
        for (int i = 2; i + 1 < w.length; i += 2) {
            max = Math.max(max, SkyDistance.degrees(ra, dec, Double.parseDouble(w[i]), Double.parseDouble(w[i + 1])));
        }
        return max;
    }

    @Test
    void notificationAsAladinSendsItIsSearchedToo() throws Exception {
        aladin.connector().getConnection().notify(samp.selfId(), pointAt("10.6847", "41.2690"));
        List<Publication> pubs = publisher.await(3, WAIT_MS);
        assertEquals(3, pubs.size(), events.events().toString());
        for (Publication p : pubs) {
            assertTrue(p.name().contains(" near 10.6847 +41.2690 "), p.name());
            checkCone(p.name().substring(0, p.name().indexOf(' ')), p.table(), M31_RA, M31_DEC, 0.1);
        }
    }

    @Test
    void callIsAnsweredAtOnceWhileTheWorkerIsBusy() throws Exception {
        publisher.block();
        try {
            call(pointAt("10.6847", "41.2690"));
            events.await(e -> e.kind().equals("searched"), WAIT_MS);
            // the worker is stuck in the publisher; a new call is still answered, and quickly
            long t0 = System.nanoTime();
            Response r = call(pointAt("83.6331", "22.0145"));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(r.isOK(), String.valueOf(r));
            assertTrue(ms < 2000, "answered in " + ms + " ms");
        } finally {
            publisher.release();
        }
        RecordingListener.Event second = events.await(e -> e.kind().equals("received") && e.point().seq() == 2,
                                                      WAIT_MS);
        events.awaitEnd(second.point().seq(), WAIT_MS);
    }

    /**
     * Notified, as Aladin sends them, one every 10 ms. A notification takes the hub 10-30 ms here, so they go out
     * from a small pool on a fixed schedule; and the hub forwards each on a thread of its own: close ones may arrive
     * out of order. What must be published is the last position received, which is the last sent unless the hub
     * swapped them (then said so on stderr).
     */
    @Test
    void aBurstOfAHundredPositionsInOneSecondPublishesOnlyTheLast() throws Exception {
        List<String> sent = new ArrayList<>();
        String self = samp.selfId();
        java.util.concurrent.ScheduledExecutorService pool = java.util.concurrent.Executors.newScheduledThreadPool(8);
        List<java.util.concurrent.ScheduledFuture<?>> sends = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            // walk along M31 so that every position has results
            String ra = String.format(java.util.Locale.ROOT, "%.4f", M31_RA + i * 0.0001);
            sent.add(ra + " +41.2690");
            sends.add(pool.schedule(() -> {
                aladin.connector().getConnection().notify(self, pointAt(ra, "41.2690"));
                return null;
            }, i * 10_000_000L, java.util.concurrent.TimeUnit.NANOSECONDS));
        }
        for (var f : sends) {
            f.get();
        }
        pool.shutdown();
        long burstMs = (System.nanoTime() - t0) / 1_000_000;
        events.await(e -> e.kind().equals("received") && e.point().seq() == 100, WAIT_MS);
        RecordingListener.Event end = events.awaitEnd(100, WAIT_MS);
        assertEquals("finished", end.kind(), events.events().toString());
        List<String> received = events.of("received").stream().map(e -> e.point().position()).toList();
        String lastPos = end.point().position();
        List<Publication> pubs = publisher.publications();
        assertTrue(pubs.size() <= 3, pubs.size() + " publications: " + pubs.stream().map(Publication::name).toList()
            + "\n" + events.events());
        assertEquals(3, pubs.size(), "the last position has three non-empty tables");
        for (Publication p : pubs) {
            assertTrue(p.name().contains(" near " + lastPos + " "), p.name() + " is not the last position's");
        }
        assertEquals(new TreeSet<>(sent), new TreeSet<>(received), "every position delivered once");
        if (!lastPos.equals(sent.get(99))) {
            System.err.println("the hub delivered " + lastPos + " after the last one sent, " + sent.get(99));
        }
        assertEquals(99, events.of("cancelled").size(), "every earlier position cancelled once: " + events.events());
        List<RecordingListener.Event> all = events.events();
        for (long seq = 1; seq <= 100; seq++) {
            long k = seq;
            List<String> told = all.stream().filter(e -> e.point() != null && e.point().seq() == k)
                .map(RecordingListener.Event::kind).toList();
            assertEquals("received", told.get(0), "#" + k + ": " + told);
            assertTrue(Set.of("finished", "cancelled").contains(told.get(told.size() - 1)), "#" + k + ": " + told);
        }
        assertTrue(burstMs < 5000, "the burst took " + burstMs + " ms");
    }

    @Test
    void malformedPositionsAreRefusedNamingTheParameter() throws Exception {
        record Case(Message msg, String param, String shown) {
        }
        String huge = "1".repeat(100_000);
        List<Case> cases = List.of(
            new Case(new Message(PointAtHandler.MTYPE).addParam("dec", "41.269"), "\"ra\"", "missing"),
            new Case(new Message(PointAtHandler.MTYPE).addParam("ra", "10.68"), "\"dec\"", "missing"),
            new Case(new Message(PointAtHandler.MTYPE), "\"ra\"", "missing"),
            new Case(pointAt("abc", "41.269"), "\"ra\"", "\"abc\""),
            new Case(pointAt("10.68", "95"), "\"dec\"", "\"95\", outside [-90, 90]"),
            new Case(pointAt("10.68", "-90.0001"), "\"dec\"", "\"-90.0001\""),
            new Case(pointAt("NaN", "41.269"), "\"ra\"", "\"NaN\""),
            new Case(pointAt("Infinity", "41.269"), "\"ra\"", "\"Infinity\""),
            new Case(pointAt("10.68", "-Infinity"), "\"dec\"", "\"-Infinity\""),
            new Case(pointAt("1e999", "41.269"), "\"ra\"", "\"1e999\", not a finite number"),
            new Case(pointAt("0x1p3", "41.269"), "\"ra\"", "\"0x1p3\""),
            new Case(pointAt(" 10.68", "41.269"), "\"ra\"", "\" 10.68\""),
            new Case(pointAt("", "41.269"), "\"ra\"", "\"\""),
            new Case(pointAt("10.68);DROP TABLE ivoa.obscore--", "41.269"), "\"ra\"", "DROP TABLE"),
            new Case(pointAt("10.68", "41.269) OR 1=1 --"), "\"dec\"", "OR 1=1"),
            new Case(pointAt(huge, "41.269"), "\"ra\"", "(100000 characters)"),
            new Case(new Message(PointAtHandler.MTYPE).addParam("ra", List.of("10.68")).addParam("dec", "41.269"),
                     "\"ra\"", "a list"),
            new Case(new Message(PointAtHandler.MTYPE).addParam("ra", "10.68").addParam("dec", Map.of("v", "1")),
                     "\"dec\"", "a map"),
            new Case(pointAt("10.68", "41.269").addParam("radius", "5"), "\"radius\"", "unknown parameter"));
        for (Case c : cases) {
            Response r = call(c.msg());
            assertEquals(Response.ERROR_STATUS, r.getStatus(), c.msg() + " -> " + r);
            String txt = r.getErrInfo().getErrortxt();
            assertTrue(txt.startsWith("coord.pointAt.sky: "), txt);
            assertTrue(txt.contains(c.param()) && txt.contains(c.shown()), "\"" + txt + "\" should name " + c.param()
                + " and show " + c.shown());
            assertTrue(txt.length() < 300, "error text kept short: " + txt.length());
        }
        assertTrue(events.of("received").isEmpty(), "nothing queued: " + events.events());
        assertEquals(cases.size(), events.awaitCount("rejected", cases.size(), WAIT_MS).size());
        // and the handler still works
        assertTrue(call(pointAt("10.6847", "41.2690")).isOK());
        assertEquals("finished", events.awaitEnd(1, WAIT_MS).kind());
    }

    @Test
    void raIsNormalisedAndDecAtThePolesAccepted() throws Exception {
        assertTrue(call(pointAt("370.5", "+90")).isOK());
        assertTrue(call(pointAt("-10", "-90")).isOK());
        assertTrue(call(pointAt("1.5E1", ".5")).isOK());
        List<RecordingListener.Event> rec = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            long seq = i;
            rec.add(events.await(e -> e.kind().equals("received") && e.point().seq() == seq, WAIT_MS));
        }
        assertEquals(10.5, rec.get(0).point().raDeg(), 1e-12);
        assertEquals(90, rec.get(0).point().decDeg());
        assertEquals(350, rec.get(1).point().raDeg(), 1e-12);
        assertEquals(15, rec.get(2).point().raDeg());
        assertEquals(0.5, rec.get(2).point().decDeg());
        assertEquals(0.0, ConeSearcher.normaliseRa(-1e-17));
        assertEquals(0.0, ConeSearcher.normaliseRa(720));
        assertEquals(0.0, ConeSearcher.normaliseRa(-0.0));
        assertEquals(Double.doubleToLongBits(0.0), Double.doubleToLongBits(ConeSearcher.normaliseRa(-0.0)));
    }

    @Test
    void ownPositionsAreIgnored() throws Exception {
        Response r = samp.callAndWait(samp.selfId(), pointAt("10.6847", "41.2690"), Duration.ofSeconds(10));
        assertEquals(Response.WARNING_STATUS, r.getStatus(), String.valueOf(r));
        assertTrue(r.getErrInfo().getErrortxt().contains("itself"));
        samp.notify(samp.selfId(), pointAt("10.6847", "41.2690"));
        // a foreign one after both is the first the searcher sees
        assertTrue(call(pointAt("83.6331", "22.0145")).isOK());
        RecordingListener.Event first = events.await(e -> e.kind().equals("received"), WAIT_MS);
        assertEquals(aladin.id(), first.point().senderId());
        assertEquals(1, first.point().seq());
    }

    @Test
    void subscriptionIsDeclaredAsTheManifestSays() throws Exception {
        Map<?, ?> subs = aladin.connector().getConnection().getSubscriptions(samp.selfId());
        Set<String> keys = new TreeSet<>();
        subs.keySet().forEach(k -> keys.add((String) k));
        assertTrue(keys.contains(PointAtHandler.MTYPE), keys.toString());
        assertEquals("0", ((Map<?, ?>) subs.get(PointAtHandler.MTYPE)).get("x-samp.mostly-harmless"));
    }
}
