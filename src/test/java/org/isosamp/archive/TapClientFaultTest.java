package org.isosamp.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.isosamp.model.TableMeta;
import org.isosamp.io.IfExists;
import org.isosamp.io.OutputTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ac.starlink.table.DescribedValue;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.TableSink;

/** Faults that the local archive cannot produce, on a mock server. */
class TapClientFaultTest {

    /** @return a sync query with this MAXREC and no listeners */
    private static QueryRequest sync(String adql, long maxrec) {
        return QueryRequest.builder(adql).maxrec(maxrec).build();
    }

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(20, TimeUnit.SECONDS).build();

    static final String VOT_HEAD = "<?xml version=\"1.0\"?>\n<VOTABLE version=\"1.4\" "
            + "xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\"><RESOURCE type=\"results\">";

    static String votable(String status, String fields, String rows) {
        return VOT_HEAD + "<INFO name=\"QUERY_STATUS\" value=\"" + status + "\"/>"
                + "<TABLE>" + fields + "<DATA><TABLEDATA>" + rows + "</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>";
    }

    static final String ONE_ROW = votable("OK", "<FIELD name=\"tdt\" datatype=\"int\"/>", "<TR><TD>80000203</TD></TR>");

    private TapClient client() {
        return new TapClient(http, server.url("/tap/"));
    }

    private static MockResponse vot(int code, String body) {
        return new MockResponse.Builder().code(code)
                .setHeader("Content-Type", "application/x-votable+xml").body(body).build();
    }

    private static String form(RecordedRequest r) {
        return URLDecoder.decode(r.getBody().utf8(), StandardCharsets.UTF_8);
    }

    @Test
    void syncRequestShape() throws Exception {
        server.enqueue(vot(200, ONE_ROW));
        QueryResult r = client().query(sync("SELECT tdt FROM ida.observations", 123));
        assertEquals(1, r.table().getRowCount());
        assertEquals(80000203, ((Number) r.table().getCell(0, 0)).intValue());
        RecordedRequest req = server.takeRequest();
        assertEquals("POST", req.getMethod());
        assertEquals("/tap/sync", req.getUrl().encodedPath());
        String body = form(req);
        assertTrue(body.contains("MAXREC=123"), body);
        assertTrue(body.contains("FORMAT=votable"), body);
        assertTrue(body.contains("REQUEST=doQuery"), body);
        assertTrue(body.contains("LANG=ADQL"), body);
        assertTrue(body.contains("QUERY=SELECT tdt FROM ida.observations"), body);
        assertFalse(body.toUpperCase().contains("TOP"), body);
    }

    @Test
    void http500WithHtmlGivesStatusAndSnippet() {
        server.enqueue(new MockResponse.Builder().code(500).setHeader("Content-Type", "text/html")
                .body("<html><head><title>Oops</title></head><body><h1>Internal Server Error</h1>"
                        + "<p>Tomcat blew up</p></body></html>").build());
        ArchiveException e = assertThrows(ArchiveException.class, () -> client().query(sync("SELECT 1", 10)));
        assertEquals(500, e.status());
        assertTrue(e.getMessage().contains("HTTP 500"), e.getMessage());
        assertTrue(e.getMessage().contains(server.url("/tap/sync").toString()), e.getMessage());
        assertTrue(e.serverMessage().contains("Internal Server Error"), e.serverMessage());
    }

    @Test
    void htmlMessageListItemIsExtracted() {
        server.enqueue(new MockResponse.Builder().code(400).setHeader("Content-Type", "text/html")
                .body("<html><body><ul><li><b>Status: </b>ERROR</li><li><b>Message: </b>Cannot parse query: "
                        + "column foo unknown</li></ul></body></html>").build());
        ArchiveException e = assertThrows(ArchiveException.class, () -> client().query(sync("SELECT foo", 10)));
        assertEquals("Cannot parse query: column foo unknown", e.serverMessage());
    }

    @Test
    void esaStyleErrorInValueAttribute() {
        String msg = "net.sf.jsqlparser.parser.ParseException: Encountered unexpected token: \"DUFF\"";
        server.enqueue(vot(200, VOT_HEAD + "<INFO name=\"QUERY_STATUS\" value=\"" + msg.replace("\"", "&quot;")
                + "\"/></RESOURCE></VOTABLE>"));
        ArchiveException e = assertThrows(ArchiveException.class, () -> client().query(sync("DUFF", 10)));
        assertEquals(msg, e.serverMessage());
    }

    @Test
    void errorStatusAfterTheTableWins() {
        String body = votable("OK", "<FIELD name=\"tdt\" datatype=\"int\"/>", "<TR><TD>1</TD></TR>")
                .replace("</TABLE>", "</TABLE><INFO name=\"QUERY_STATUS\" value=\"ERROR\">query timed out</INFO>");
        server.enqueue(vot(200, body));
        ArchiveException e = assertThrows(ArchiveException.class, () -> client().query(sync("SELECT 1", 10)));
        assertEquals("query timed out", e.serverMessage());
    }

    @Test
    void okWithHtmlBodyIsNotAVotable() {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
                .body("<!DOCTYPE html><html><body><p>Scheduled maintenance<br></body></html>").build());
        ArchiveException e = assertThrows(ArchiveException.class, () -> client().query(sync("SELECT 1", 10)));
        assertTrue(e.getMessage().contains("not a VOTable"), e.getMessage());
        assertTrue(e.getMessage().contains("Scheduled maintenance"), e.getMessage());
    }

    @Test
    void slowServerTimesOut() {
        OkHttpClient impatient = http.newBuilder().readTimeout(200, TimeUnit.MILLISECONDS).build();
        server.enqueue(new MockResponse.Builder().headersDelay(3, TimeUnit.SECONDS).body(ONE_ROW).build());
        TapClient c = new TapClient(impatient, server.url("/tap"));
        IOException e = assertThrows(IOException.class, () -> c.query(sync("SELECT 1", 10)));
        assertInstanceOf(java.net.SocketTimeoutException.class, e);
    }

    @Test
    void interruptWhileTheArchiveCreatesTheJobCancelsAtOnce() throws Exception {
        // the archive takes the POST /async and does not answer (a read timeout of 20 s away): Cancel must not wait
        CountDownLatch posted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
                posted.countDown();
                release.await(30, TimeUnit.SECONDS);
                return new MockResponse.Builder().code(503).build();
            }
        });
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                client().query(sync("SELECT 1", 10).newBuilder().async(true).build());
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        }, "tap-interrupt-create-test");
        try {
            worker.start();
            assertTrue(posted.await(20, TimeUnit.SECONDS), "client never posted");
            long t0 = System.nanoTime();
            worker.interrupt();
            Throwable t = outcome.get(20, TimeUnit.SECONDS);
            assertInstanceOf(InterruptedIOException.class, t);
            assertTrue(t.getMessage().contains("/tap/async"), t.getMessage());
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5), "the cancel waited for the archive");
        } finally {
            release.countDown();
        }
    }

    @Test
    void interruptDuringAsyncWaitAbortsAndDeletes() throws Exception {
        CountDownLatch polling = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
                String path = r.getUrl().encodedPath();
                if (r.getMethod().equals("POST") && path.equals("/tap/async")) {
                    return new MockResponse.Builder().code(303)
                            .setHeader("Location", server.url("/tap/async/j1").toString()).build();
                }
                if (r.getMethod().equals("GET") && path.equals("/tap/async/j1")) {
                    polling.countDown();
                    release.await(30, TimeUnit.SECONDS); // a long WAIT
                    return new MockResponse.Builder().body("<uws:job xmlns:uws=\"http://www.ivoa.net/xml/UWS/v1.0\">"
                            + "<uws:phase>EXECUTING</uws:phase></uws:job>").build();
                }
                if (path.equals("/tap/async/j1/phase") || path.equals("/tap/async/j1")) {
                    return new MockResponse.Builder().code(303)
                            .setHeader("Location", server.url("/tap/async").toString()).build();
                }
                return new MockResponse.Builder().code(404).build();
            }
        });
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        List<String> phases = new ArrayList<>();
        Thread worker = new Thread(() -> {
            try {
                client().query(sync("SELECT 1", 10).newBuilder().async(true).jobListener(phases::add).build());
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        }, "tap-interrupt-test");
        try {
            worker.start();
            assertTrue(polling.await(20, TimeUnit.SECONDS), "client never polled");
            worker.interrupt();
            Throwable t = outcome.get(20, TimeUnit.SECONDS);
            assertInstanceOf(InterruptedIOException.class, t);
            assertTrue(t.getMessage().contains("cancelled"), t.getMessage());
            assertTrue(t.getMessage().contains("/tap/async/j1"), t.getMessage());
        } finally {
            release.countDown();
        }
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            RecordedRequest r = server.takeRequest(20, TimeUnit.SECONDS);
            assertNotNull(r, "requests so far: " + seen);
            seen.add(r.getMethod() + " " + r.getUrl().encodedPath()
                    + (r.getUrl().query() == null ? "" : "?" + r.getUrl().query())
                    + (r.getBodySize() > 0 ? " " + form(r) : ""));
        }
        assertTrue(seen.get(0).startsWith("POST /tap/async ") && seen.get(0).contains("PHASE=RUN"), seen.toString());
        assertTrue(seen.stream().anyMatch(s -> s.startsWith("GET /tap/async/j1")), seen.toString());
        assertTrue(seen.contains("POST /tap/async/j1/phase PHASE=ABORT"), seen.toString());
        assertTrue(seen.contains("DELETE /tap/async/j1"), seen.toString());
        assertTrue(seen.indexOf("POST /tap/async/j1/phase PHASE=ABORT") < seen.indexOf("DELETE /tap/async/j1"));
    }

    /**
     * The job loop blocks in WAIT and acts on each answer at once: a job seen QUEUED, then EXECUTING, then COMPLETED
     * costs one GET with WAIT per phase change, no GET without WAIT and no pause between them. (A service that honours
     * WAIT answers when the phase changes; here each answer is the next phase. A client polling with a fixed delay or a
     * backoff would show pauses, or extra GETs.)
     */
    @Test
    void asyncJobIsFollowedByOneBlockingWaitPerPhaseAndNoPause() throws Exception {
        List<String> next = new java.util.concurrent.CopyOnWriteArrayList<>(List.of("QUEUED", "EXECUTING", "COMPLETED"));
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                return switch (r.getMethod() + " " + r.getUrl().encodedPath()) {
                    case "POST /tap/async" -> new MockResponse.Builder().code(303)
                            .setHeader("Location", server.url("/tap/async/j2").toString()).build();
                    case "GET /tap/async/j2" -> new MockResponse.Builder().body(
                            "<uws:job xmlns:uws=\"http://www.ivoa.net/xml/UWS/v1.0\"><uws:phase>"
                            + (next.size() > 1 ? next.remove(0) : next.get(0)) + "</uws:phase></uws:job>").build();
                    case "GET /tap/async/j2/results/result" -> vot(200, ONE_ROW);
                    case "DELETE /tap/async/j2" -> new MockResponse.Builder().code(204).build();
                    default -> new MockResponse.Builder().code(404).build();
                };
            }
        });
        List<Long> pauses = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> phases = new java.util.concurrent.CopyOnWriteArrayList<>();
        TapClient tap = new TapClient(http, server.url("/tap/"), null, pauses::add);
        QueryResult r = tap.query(sync("SELECT tdt FROM ida.observations", 10).newBuilder().async(true)
                                   .jobListener(phases::add).build());
        assertEquals(1, r.table().getRowCount());
        assertEquals(List.of("QUEUED", "EXECUTING", "COMPLETED"), phases);
        assertEquals(List.of(), pauses, "no pause between polls of a service that honours WAIT");
        List<String> seen = new ArrayList<>();
        RecordedRequest q;
        while ((q = server.takeRequest(1, TimeUnit.SECONDS)) != null) {
            seen.add(q.getMethod() + " " + q.getUrl().encodedPath()
                     + (q.getUrl().query() == null ? "" : "?" + q.getUrl().query()));
        }
        // the first look asks no WAIT (it tells the phase at once), then each WAIT brings the next phase
        String poll = "GET /tap/async/j2?WAIT=" + tap.waitSeconds();
        assertTrue(tap.waitSeconds() >= 1, "a WAIT is asked for: " + tap.waitSeconds());
        assertEquals(List.of("POST /tap/async", "GET /tap/async/j2", poll, poll, "GET /tap/async/j2/results/result",
                             "DELETE /tap/async/j2"), seen);
    }

    /**
     * A service that leaves a new job PENDING (it ignores PHASE=RUN in the creation) is told RUN, and the client's next
     * look asks no WAIT either: a WAIT begun on the job now EXECUTING returns only when it ends, so the job would be
     * heard PENDING until done. Here a WAIT on an EXECUTING job answers with its end, as such a service would.
     */
    @Test
    void aJobToldToRunIsLookedAtWithoutWaitSoItIsHeardExecuting() throws Exception {
        java.util.concurrent.atomic.AtomicReference<String> phase = new java.util.concurrent.atomic.AtomicReference<>("PENDING");
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                return switch (r.getMethod() + " " + r.getUrl().encodedPath()) {
                    case "POST /tap/async" -> new MockResponse.Builder().code(303)
                            .setHeader("Location", server.url("/tap/async/j3").toString()).build();
                    case "POST /tap/async/j3/phase" -> {
                        phase.set("EXECUTING");
                        yield new MockResponse.Builder().code(303)
                                .setHeader("Location", server.url("/tap/async/j3").toString()).build();
                    }
                    case "GET /tap/async/j3" -> {
                        if (r.getUrl().queryParameter("WAIT") != null && phase.get().equals("EXECUTING")) {
                            phase.set("COMPLETED"); // the WAIT returns only when the job ends
                        }
                        yield new MockResponse.Builder().body("<uws:job xmlns:uws=\"http://www.ivoa.net/xml/UWS/v1.0\">"
                                + "<uws:phase>" + phase.get() + "</uws:phase></uws:job>").build();
                    }
                    case "GET /tap/async/j3/results/result" -> vot(200, ONE_ROW);
                    case "DELETE /tap/async/j3" -> new MockResponse.Builder().code(204).build();
                    default -> new MockResponse.Builder().code(404).build();
                };
            }
        });
        List<String> phases = new java.util.concurrent.CopyOnWriteArrayList<>();
        TapClient tap = new TapClient(http, server.url("/tap/"), null, millis -> { });
        QueryResult r = tap.query(sync("SELECT tdt FROM ida.observations", 10).newBuilder().async(true)
                                   .jobListener(phases::add).build());
        assertEquals(1, r.table().getRowCount());
        assertEquals(List.of("PENDING", "EXECUTING", "COMPLETED"), phases, "EXECUTING heard while the job runs");
    }

    @Test
    void asyncErrorJobReadsTheErrorDocument() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                String path = r.getUrl().encodedPath();
                return switch (r.getMethod() + " " + path) {
                    case "POST /tap/async" -> new MockResponse.Builder().code(303)
                            .setHeader("Location", "async/e1").build(); // relative Location
                    case "GET /tap/async/e1" -> new MockResponse.Builder().body(
                            "<job><phase>ERROR</phase></job>").build();
                    case "GET /tap/async/e1/error" -> new MockResponse.Builder().setHeader("Content-Type",
                            "text/plain").body("Table ida.nope does not exist").build();
                    case "DELETE /tap/async/e1" -> new MockResponse.Builder().code(204).build();
                    default -> new MockResponse.Builder().code(404).build();
                };
            }
        });
        List<String> phases = new ArrayList<>();
        ArchiveException e = assertThrows(ArchiveException.class,
                () -> client().query(sync("SELECT * FROM ida.nope", 10).newBuilder().async(true)
                                      .jobListener(phases::add).build()));
        assertEquals("Table ida.nope does not exist", e.serverMessage());
        assertEquals(List.of("ERROR"), phases);
        List<String> seen = new ArrayList<>();
        RecordedRequest r;
        while ((r = server.takeRequest(1, TimeUnit.SECONDS)) != null) {
            seen.add(r.getMethod() + " " + r.getUrl().encodedPath());
        }
        assertEquals("DELETE /tap/async/e1", seen.get(seen.size() - 1), seen.toString());
    }

    @Test
    void tables404FallsBackToTapSchema() throws Exception {
        String tables = votable("OK", "<FIELD name=\"table_name\" datatype=\"char\" arraysize=\"*\"/>"
                        + "<FIELD name=\"description\" datatype=\"char\" arraysize=\"*\"/>",
                "<TR><TD>ida.observations</TD><TD>Observations</TD></TR><TR><TD>ivoa.ssap</TD><TD/></TR>");
        String columns = votable("OK", "<FIELD name=\"table_name\" datatype=\"char\" arraysize=\"*\"/>"
                        + "<FIELD name=\"column_name\" datatype=\"char\" arraysize=\"*\"/>"
                        + "<FIELD name=\"datatype\" datatype=\"char\" arraysize=\"*\"/>"
                        + "<FIELD name=\"&quot;arraysize&quot;\" datatype=\"char\" arraysize=\"*\"/>"
                        + "<FIELD name=\"unit\" datatype=\"char\" arraysize=\"*\"/>"
                        + "<FIELD name=\"ucd\" datatype=\"char\" arraysize=\"*\"/>"
                        + "<FIELD name=\"utype\" datatype=\"char\" arraysize=\"*\"/>"
                        + "<FIELD name=\"description\" datatype=\"char\" arraysize=\"*\"/>",
                "<TR><TD>ida.observations</TD><TD>ra</TD><TD>double</TD><TD/><TD>h</TD><TD>pos.eq.ra</TD>"
                        + "<TD/><TD>RA in hours</TD></TR>"
                        + "<TR><TD>ida.observations</TD><TD>target</TD><TD>char</TD><TD>*</TD><TD/><TD/><TD/><TD/></TR>");
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                if (r.getUrl().encodedPath().equals("/tap/sync")) {
                    String q = form(r);
                    return vot(200, q.contains("TAP_SCHEMA.columns") ? columns : tables);
                }
                return new MockResponse.Builder().code(404).body("Not Found").build();
            }
        });
        List<TableMeta> result = client().tables(true);
        assertEquals(List.of("ida.observations", "ivoa.ssap"), result.stream().map(TableMeta::name).toList());
        TableMeta obs = result.get(0);
        assertEquals("Observations", obs.description());
        assertEquals(2, obs.columns().size());
        assertEquals("h", obs.columns().get(0).unit());
        assertEquals("*", obs.columns().get(1).arraysize());
        assertEquals("", result.get(1).description());

        RecordedRequest first = server.takeRequest();
        assertEquals("GET", first.getMethod());
        assertEquals("/tap/tables", first.getUrl().encodedPath());
        assertTrue(form(server.takeRequest()).contains("FROM TAP_SCHEMA.tables"));
        assertTrue(form(server.takeRequest()).contains("FROM TAP_SCHEMA.columns"));
    }

    @Test
    void tableNamesAskForMinimalDetail() throws Exception {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/xml").body(
                "<vod:tableset xmlns:vod=\"http://www.ivoa.net/xml/VODataService/v1.1\" "
                        + "xmlns:esatapplus=\"http://esa.int/xml/EsaTapPlus\"><schema esatapplus:public=\"true\">"
                        + "<name>ida</name><table type=\"base_table\" esatapplus:size=\"3\"><name>ida.observations</name>"
                        + "<description>obs</description><column esatapplus:flags=\"16\"><name>ra</name><unit>h</unit>"
                        + "<dataType xsi:type=\"vod:TAPType\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                        + "DOUBLE</dataType></column></table></schema></vod:tableset>").build());
        List<TableMeta> t = client().tables(false);
        assertEquals(1, t.size());
        assertEquals("ida.observations", t.get(0).name());
        assertTrue(t.get(0).columns().isEmpty());
        RecordedRequest r = server.takeRequest();
        assertEquals("/tap/tables", r.getUrl().encodedPath());
        assertEquals("min", r.getUrl().queryParameter("detail"));
    }
    // ------------------------------------------------------------ streaming: queryToSink, queryToVotable

    /** A sink that records what it is told, and can fail at a given row. */
    static final class Recorder implements TableSink {
        final List<Object[]> rows = new ArrayList<>();
        final int failAt;
        final IOException failure = new IOException("disk full");
        StarTable meta;
        boolean ended;

        Recorder(int failAt) {
            this.failAt = failAt;
        }

        @Override
        public void acceptMetadata(StarTable m) {
            meta = m;
        }

        @Override
        public void acceptRow(Object[] row) throws IOException {
            if (rows.size() == failAt) {
                throw failure;
            }
            rows.add(row);
        }

        @Override
        public void endRows() {
            ended = true;
        }
    }

    static final String TWO_ROWS = votable("OK", "<FIELD name=\"tdt\" datatype=\"int\"/>",
            "<TR><TD>1</TD></TR><TR><TD>2</TD></TR>");

    /** A BINARY2 answer of {@code n} int rows (a null-flag byte and 4 bytes each). */
    static String binary2(int n) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(5 * n);
        for (int i = 0; i < n; i++) {
            b.put((byte) 0).putInt(i);
        }
        return VOT_HEAD + "<INFO name=\"QUERY_STATUS\" value=\"OK\"/><TABLE><FIELD name=\"n\" datatype=\"int\"/>"
                + "<DATA><BINARY2><STREAM encoding=\"base64\">" + Base64.getMimeEncoder().encodeToString(b.array())
                + "</STREAM></BINARY2></DATA></TABLE></RESOURCE></VOTABLE>";
    }

    @Test
    void queryToSinkStreamsTheRowsAndNamesTheTableAfterTheUrl() throws Exception {
        server.enqueue(vot(200, binary2(1000)));
        Recorder sink = new Recorder(-1);
        QueryResult r = client().queryToSink(sync("SELECT n FROM t", 5000), sink);
        assertEquals(1000, sink.rows.size());
        assertEquals(999, ((Number) sink.rows.get(999)[0]).intValue());
        assertTrue(sink.ended);
        assertEquals("sync", sink.meta.getName());
        assertEquals(null, r.table());
        assertFalse(r.overflow());
        assertTrue(form(server.takeRequest()).contains("MAXREC=5000"));
    }

    @Test
    void infosAfterTheTableComeBackAsParameters() throws Exception {
        String body = TWO_ROWS.replace("</TABLE>", "</TABLE><INFO name=\"QUERY_STATUS\" value=\"OVERFLOW\"/>"
                + "<INFO name=\"note\" value=\"v\">more text</INFO>");
        server.enqueue(vot(200, body));
        server.enqueue(vot(200, body));
        QueryResult streamed = client().queryToSink(sync("SELECT 1", 2), new Recorder(-1));
        assertTrue(streamed.overflow());
        List<DescribedValue> trailing = streamed.trailingParameters();
        assertEquals(List.of("QUERY_STATUS", "note"), trailing.stream().map(v -> v.getInfo().getName()).toList());
        assertEquals("OVERFLOW", trailing.get(0).getValue());
        assertEquals("v", trailing.get(1).getValue());
        assertEquals("more text", trailing.get(1).getInfo().getDescription());

        QueryResult read = client().query(sync("SELECT 1", 2));
        List<DescribedValue> params = read.table().getParameters();
        assertEquals(List.of("QUERY_STATUS", "QUERY_STATUS", "note"),
                     params.stream().map(v -> v.getInfo().getName()).toList());
        assertEquals("OK", params.get(0).getValue());
        assertEquals("OVERFLOW", params.get(1).getValue());
    }

    @Test
    void infosAfterTheRowsInsideTheTableAreTrailingToo() throws Exception {
        String body = TWO_ROWS.replace("</DATA></TABLE>", "</DATA><INFO name=\"in_table\" value=\"1\"/></TABLE>"
                + "<INFO name=\"QUERY_STATUS\" value=\"OVERFLOW\"/>").replace("<TABLE>",
                "<TABLE><INFO name=\"before_rows\" value=\"0\"/>");
        server.enqueue(vot(200, body));
        server.enqueue(vot(200, body));
        QueryResult streamed = client().queryToSink(sync("SELECT 1", 2), new Recorder(-1));
        assertEquals(List.of("in_table", "QUERY_STATUS"),
                     streamed.trailingParameters().stream().map(v -> v.getInfo().getName()).toList());
        List<String> names = client().query(sync("SELECT 1", 2)).table().getParameters().stream()
                .map(v -> v.getInfo().getName()).toList();
        assertEquals(1, names.stream().filter("before_rows"::equals).count(), names.toString());
        assertEquals(1, names.stream().filter("in_table"::equals).count(), names.toString());
        assertEquals(2, names.stream().filter("QUERY_STATUS"::equals).count(), names.toString());
    }

    @Test
    void tableWithoutDataIsAnEmptyTable() throws Exception {
        String body = VOT_HEAD + "<INFO name=\"QUERY_STATUS\" value=\"OK\"/><TABLE>"
                + "<FIELD name=\"tdt\" datatype=\"int\"/><FIELD name=\"target\" datatype=\"char\" arraysize=\"*\"/>"
                + "</TABLE></RESOURCE></VOTABLE>";
        server.enqueue(vot(200, body));
        server.enqueue(vot(200, body.replace("<TABLE>", "<v:TABLE xmlns:v=\"urn:v\">").replace("</TABLE>", "</v:TABLE>")
                .replace("<FIELD", "<v:FIELD")));
        server.enqueue(vot(200, body));
        for (int i = 0; i < 2; i++) {
            Recorder sink = new Recorder(-1);
            client().queryToSink(sync("SELECT tdt, target FROM t", 10), sink);
            assertNotNull(sink.meta, "table announced");
            assertEquals(2, sink.meta.getColumnCount());
            assertEquals("target", sink.meta.getColumnInfo(1).getName());
            assertEquals(0, sink.rows.size());
            assertTrue(sink.ended);
        }
        StarTable t = client().query(sync("SELECT tdt, target FROM t", 10)).table();
        assertEquals(0, t.getRowCount());
        assertEquals(2, t.getColumnCount());
    }

    @Test
    void errorAfterTheStreamedTableFailsTheQuery() {
        String body = TWO_ROWS.replace("</TABLE>", "</TABLE><INFO name=\"QUERY_STATUS\" value=\"ERROR\">query timed out</INFO>");
        server.enqueue(vot(200, body));
        Recorder sink = new Recorder(-1);
        ArchiveException e = assertThrows(ArchiveException.class,
                () -> client().queryToSink(sync("SELECT 1", 10), sink));
        assertEquals("query timed out", e.serverMessage());
        assertEquals(2, sink.rows.size(), "the rows came before the error: the sink must not keep them");
    }

    @Test
    void errorBeforeTheTableGivesTheSinkNothing() {
        server.enqueue(vot(200, votable("ERROR", "<FIELD name=\"tdt\" datatype=\"int\"/>", "<TR><TD>1</TD></TR>")
                .replace("value=\"ERROR\"/>", "value=\"ERROR\">Table ida.nope does not exist</INFO>")));
        Recorder sink = new Recorder(-1);
        ArchiveException e = assertThrows(ArchiveException.class,
                () -> client().queryToSink(sync("SELECT * FROM ida.nope", 10), sink));
        assertEquals("Table ida.nope does not exist", e.serverMessage());
        assertEquals(null, sink.meta);
    }

    @Test
    void sinkFailureStopsTheQueryWithTheSinksOwnException() {
        server.enqueue(vot(200, binary2(5000)));
        Recorder sink = new Recorder(100);
        IOException e = assertThrows(IOException.class,
                () -> client().queryToSink(sync("SELECT n FROM t", 10_000), sink));
        assertSame(sink.failure, e);
        assertFalse(sink.ended);
        assertNoStilReaderLeft();
    }

    @Test
    void binaryStreamCutShortIsMalformedAndLeavesNoThreadBehind() throws Exception {
        String whole = binary2(5000);
        String cut = whole.substring(0, whole.indexOf("</STREAM>") - 2000);
        server.enqueue(vot(200, cut));
        Recorder sink = new Recorder(-1);
        ArchiveException e = assertThrows(ArchiveException.class,
                () -> client().queryToSink(sync("SELECT n FROM t", 10_000), sink));
        assertTrue(e.getMessage().contains("malformed"), e.getMessage());
        assertFalse(sink.ended, "a cut table is not ended");
        assertNoStilReaderLeft();
    }

    /** STIL decodes an inline STREAM on a thread named "Stream reader": it must end with the query. */
    static void assertNoStilReaderLeft() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("Stream reader"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("STIL's \"Stream reader\" thread still runs after the query failed");
            }
            Thread.onSpinWait();
        }
    }

    @Test
    void truncatedTabledataIsMalformed() {
        String cut = TWO_ROWS.substring(0, TWO_ROWS.indexOf("<TR><TD>2"));
        server.enqueue(vot(200, cut));
        ArchiveException e = assertThrows(ArchiveException.class,
                () -> client().queryToSink(sync("SELECT 1", 10), new Recorder(-1)));
        assertTrue(e.getMessage().contains("malformed"), e.getMessage());
        server.enqueue(vot(200, cut));
        assertThrows(ArchiveException.class, () -> client().query(sync("SELECT 1", 10)));
    }

    @Test
    void votableFileIsTheBodyAsItCame(@TempDir Path dir) throws Exception {
        String body = binary2(3000) + "\n<!-- served by a mock -->\n";
        server.enqueue(vot(200, body));
        Path f = dir.resolve("answer.vot");
        assertFalse(client().queryToVotable(sync("SELECT n FROM t", 10_000), OutputTarget.file(f, IfExists.REFUSE))
                            .overflow());
        assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(f));
        try (var s = Files.list(dir)) {
            assertEquals(List.of(f), s.toList());
        }
    }

    @Test
    void votableFileIsNotWrittenForAnErrorAfterTheTable(@TempDir Path dir) throws Exception {
        server.enqueue(vot(200, TWO_ROWS.replace("</TABLE>",
                "</TABLE><INFO name=\"QUERY_STATUS\" value=\"ERROR\">query timed out</INFO>")));
        Path f = dir.resolve("answer.vot");
        ArchiveException e = assertThrows(ArchiveException.class,
                () -> client().queryToVotable(sync("SELECT 1", 10), OutputTarget.file(f, IfExists.REFUSE)).overflow());
        assertEquals("query timed out", e.serverMessage());
        try (var s = Files.list(dir)) {
            assertEquals(List.of(), s.toList());
        }
    }
}
