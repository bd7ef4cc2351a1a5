package org.isosamp.samp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.isosamp.archive.IsoArchive;
import org.isosamp.testing.RecordingPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The coalescing worker against a scripted archive: cancellation, failures, and what reaches the ADQL. */
class ConeSearcherTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final RecordingPublisher publisher = new RecordingPublisher();
    private final RecordingListener events = new RecordingListener();
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private ConeSearcher searcher;

    static final String ONE_ROW = "<?xml version=\"1.0\"?>\n<VOTABLE version=\"1.4\" "
        + "xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\"><RESOURCE type=\"results\">"
        + "<INFO name=\"QUERY_STATUS\" value=\"OK\"/><TABLE><FIELD name=\"s_ra\" datatype=\"double\"/>"
        + "<DATA><TABLEDATA><TR><TD>1.0</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>";

    static MockResponse oneRow() {
        return new MockResponse.Builder().setHeader("Content-Type", "application/x-votable+xml").body(ONE_ROW).build();
    }

    @AfterEach
    void close() {
        if (searcher != null) {
            searcher.close();
        }
    }

    private ConeSearcher searcher(List<String> tables) {
        OkHttpClient http = new OkHttpClient.Builder().readTimeout(30, TimeUnit.SECONDS).build();
        IsoArchive archive = new IsoArchive(server.url("/nida-sl-tap/"), http, null);
        ConeSearcher.Settings s = new ConeSearcher.Settings(tables, 0.1, 1000, Duration.ZERO, Duration.ZERO);
        searcher = new ConeSearcher(archive, publisher, s);
        searcher.addListener(events);
        return searcher;
    }

    private static String query(RecordedRequest r) {
        String form = URLDecoder.decode(r.getBody().utf8(), StandardCharsets.UTF_8);
        int i = form.indexOf("QUERY=");
        String q = form.substring(i + 6);
        return q.contains("&") ? q.substring(0, q.indexOf('&')) : q;
    }

    @Test
    void aStaleSearchIsInterruptedAndItsResultNeverPublished() throws Exception {
        CountDownLatch slowArrived = new CountDownLatch(1);
        CountDownLatch slowMayAnswer = new CountDownLatch(1);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
                String q = query(r);
                queries.add(q);
                if (q.contains("CIRCLE('ICRS',1.0,")) {
                    slowArrived.countDown();
                    slowMayAnswer.await(20, TimeUnit.SECONDS);   // the real IDA, thinking
                }
                return oneRow();
            }
        });
        searcher(List.of("ivoa.obscore"));
        PointAt first = searcher.submit(1.0, 0, "c1");
        assertTrue(slowArrived.await(10, TimeUnit.SECONDS));
        long t0 = System.nanoTime();
        PointAt second = searcher.submit(2.0, 0, "c1");
        assertEquals("cancelled", events.awaitEnd(first.seq(), 10_000).kind());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals("finished", events.awaitEnd(second.seq(), 10_000).kind());
        slowMayAnswer.countDown();
        assertTrue(ms < 2000, "the stale search was cancelled after " + ms + " ms, not when the archive answered");
        List<RecordingPublisher.Publication> pubs = publisher.publications();
        assertEquals(1, pubs.size());
        assertEquals("ivoa.obscore near 2.0000 +0.0000 r=0.1deg", pubs.get(0).name());
        assertTrue(events.of("searched").stream().noneMatch(e -> e.point().seq() == first.seq()),
            "no result reported for the stale position: " + events.events());
        // the worker is still there
        PointAt third = searcher.submit(3.0, 0, "c1");
        assertEquals("finished", events.awaitEnd(third.seq(), 10_000).kind());
    }

    @Test
    void aSettledResultGoesOutWithoutWaitingForTheNextTable() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
                return query(r).contains("ivoa.ssap")   // a slow table: the server waits before answering
                    ? oneRow().newBuilder().headersDelay(1, java.util.concurrent.TimeUnit.SECONDS).build()
                    : oneRow();
            }
        });
        searcher(List.of("ivoa.obscore", "ivoa.ssap"));
        PointAt p = searcher.submit(10, 20, "c1");
        assertEquals("finished", events.awaitEnd(p.seq(), 10_000).kind());
        List<String> order = events.events().stream().map(RecordingListener.Event::toString).toList();
        assertEquals(List.of("received #1", "searched #1 ivoa.obscore 1", "published #1 ivoa.obscore",
                             "searched #1 ivoa.ssap 1", "published #1 ivoa.ssap", "finished #1"),
                     order.stream().map(e -> e.replaceAll(" 10\\.0000 \\+20\\.0000 c1", "")).toList());
    }

    @Test
    void anArchiveErrorIsReportedAndTheWorkerGoesOn() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).setHeader("Content-Type", "text/plain")
                           .body("down for maintenance").build());
        for (int i = 0; i < 3; i++) {
            server.enqueue(oneRow());
        }
        searcher(List.of("ivoa.obscore", "ivoa.ssap"));
        PointAt p = searcher.submit(10, 20, "c1");
        assertEquals("finished", events.awaitEnd(p.seq(), 10_000).kind());
        List<RecordingListener.Event> failed = events.of("failed");
        assertEquals(1, failed.size(), events.events().toString());
        assertTrue(failed.get(0).detail().startsWith("ivoa.obscore ") && failed.get(0).detail().contains("503"),
            failed.get(0).detail());
        assertEquals(List.of("ivoa.ssap near 10.0000 +20.0000 r=0.1deg"),
                     publisher.publications().stream().map(RecordingPublisher.Publication::name).toList());
        PointAt q = searcher.submit(11, 20, "c1");
        assertEquals("finished", events.awaitEnd(q.seq(), 10_000).kind());
        assertEquals(3, events.of("published").size());
    }

    @Test
    void aPublisherFailureIsReportedAndTheWorkerGoesOn() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                return oneRow();
            }
        });
        searcher(List.of("ivoa.obscore"));
        publisher.failWith(new IOException("hub gone"));
        PointAt p = searcher.submit(10, 20, "c1");
        assertEquals("finished", events.awaitEnd(p.seq(), 10_000).kind());
        assertTrue(events.of("failed").get(0).detail().contains("hub gone"));
        publisher.failWith(null);
        PointAt q = searcher.submit(10, 21, "c1");
        assertEquals("finished", events.awaitEnd(q.seq(), 10_000).kind());
        assertEquals(1, publisher.publications().size());
    }

    @Test
    void onlyTheValidatedNumbersReachTheAdql() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                queries.add(query(r));
                return oneRow();
            }
        });
        searcher(List.of("IVOA.ObsCore", "ivoa.siap"));
        PointAt p = searcher.submit(-10.5, -0.0, "c1");
        events.awaitEnd(p.seq(), 10_000);
        assertEquals(List.of(
            "SELECT * FROM ivoa.obscore WHERE INTERSECTS(CIRCLE('ICRS',349.5,0.0,0.1),s_region_fov)=1",
            "SELECT * FROM ivoa.siap WHERE INTERSECTS(CIRCLE('ICRS',349.5,0.0,0.1),s_region_fov)=1"), queries);
    }

    /** Whatever doubles pass validation, the ADQL holds nothing but the table, the numbers and fixed text. */
    @Test
    void coneQueryOfAnyValidatedNumbersIsOneShape() {
        Pattern number = Pattern.compile("-?\\d+\\.\\d+(E-?\\d+)?");
        Pattern shape = Pattern.compile("SELECT \\* FROM ivoa\\.(obscore|ssap|siap) WHERE INTERSECTS\\(CIRCLE\\("
            + "'ICRS',(" + number + "),(" + number + "),(" + number + ")\\),s_region_fov\\)=1");
        Random r = new Random(42);
        double[] special = {0, -0.0, 1e-300, -1e-300, 4.9e-324, 359.99999999999994, 1e300, -1e300, 90, -90, 180};
        for (int i = 0; i < 20_000; i++) {
            double ra = i < special.length ? special[i] : switch (i % 3) {
                case 0 -> (r.nextDouble() - 0.5) * 1e6;
                case 1 -> Double.longBitsToDouble(r.nextLong());
                default -> r.nextDouble() * 360;
            };
            if (!Double.isFinite(ra)) {
                continue;
            }
            double dec = i < special.length ? Math.max(-90, Math.min(90, special[i])) : r.nextDouble() * 180 - 90;
            double radius = i < special.length ? 1e-9 : r.nextDouble() * 180 + 1e-12;
            PointAt p = new PointAt(1, ConeSearcher.normaliseRa(ra), dec, "x");
            String table = List.of("ivoa.obscore", "ivoa.ssap", "ivoa.siap").get(i % 3);
            String q = IsoArchive.coneQuery(table, p.raDeg(), p.decDeg(), radius);
            var m = shape.matcher(q);
            assertTrue(m.matches(), q);
            double qra = Double.parseDouble(m.group(2));
            assertTrue(qra >= 0 && qra < 360, q);
        }
    }

    @Test
    void settingsRefuseAnythingButKnownTablesAndSaneNumbers() {
        ConeSearcher.Settings ok = ConeSearcher.Settings.of(SampManifest.load());
        assertEquals(List.of("ivoa.obscore", "ivoa.ssap", "ivoa.siap"), ok.tables());
        assertEquals(0.1, ok.radiusDeg());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ok.withTables(List.of("ivoa.obscore WHERE 1=1; --")));
        assertTrue(e.getMessage().contains("ivoa.obscore WHERE 1=1; --"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ok.withTables(List.of()));
        assertThrows(IllegalArgumentException.class, () -> ok.withRadius(0));
        assertThrows(IllegalArgumentException.class, () -> ok.withRadius(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> ok.withRadius(181));
        assertEquals(List.of("ida.observations"), ok.withTables(List.of(" IDA.Observations ", "ida.observations"))
            .tables());
    }

    @Test
    void submitRefusesWhatTheHandlerWouldHaveRefused() {
        server.enqueue(oneRow());
        ConeSearcher s = searcher(List.of("ivoa.obscore"));
        assertThrows(IllegalArgumentException.class, () -> s.submit(Double.NaN, 0, "x"));
        assertThrows(IllegalArgumentException.class, () -> s.submit(Double.POSITIVE_INFINITY, 0, "x"));
        assertThrows(IllegalArgumentException.class, () -> s.submit(0, 90.000001, "x"));
        assertThrows(IllegalArgumentException.class, () -> s.submit(0, Double.NaN, "x"));
    }

    @Test
    void namesSayTablePositionAndRadiusInAscii() {
        PointAt p = new PointAt(1, 10.68470833, 41.26875, "x");
        assertEquals("ivoa.obscore near 10.6847 +41.2688 r=0.1deg", ConeSearcher.tableName("ivoa.obscore", p, 0.1));
        assertEquals("ivoa.ssap near 10.6847 +41.2688 r=0.08333deg", ConeSearcher.tableName("ivoa.ssap", p, 1.0 / 12));
        assertEquals("ivoa.siap near 0.0000 -5.0000 r=2deg",
                     ConeSearcher.tableName("ivoa.siap", new PointAt(2, 0, -5, "x"), 2));
    }

    @Test
    void closeStopsTheWorker() throws Exception {
        long before = workers();
        ConeSearcher s = searcher(List.of("ivoa.obscore"));
        assertEquals(before + 1, workers());
        s.close();
        assertEquals(before, workers());
        assertThrows(IllegalStateException.class, () -> s.submit(1, 1, "x"));
        assertTrue(s.isIdle());
    }

    /** @return how many cone-search workers are alive in this JVM */
    static long workers() {
        return Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.isAlive() && t.getName().equals(ConeSearcher.THREAD_NAME)).count();
    }
}
