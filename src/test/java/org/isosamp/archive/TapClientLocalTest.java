package org.isosamp.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.isosamp.local.LocalArchive;
import org.isosamp.model.ColumnMeta;
import org.isosamp.model.TableMeta;
import org.isosamp.io.IfExists;
import org.isosamp.io.OutputTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import okhttp3.FormBody;
import uk.ac.starlink.table.TableSink;
import uk.ac.starlink.table.StarTable;

/** TapClient against the real embedded local archive on loopback. */
class TapClientLocalTest {

    /** @return a sync query with this MAXREC and no listeners */
    private static QueryRequest sync(String adql, long maxrec) {
        return QueryRequest.builder(adql).maxrec(maxrec).build();
    }

    static final String M31 = "SELECT tdt,ra,dec,aotname,target FROM ida.observations WHERE "
            + "INTERSECTS(CIRCLE('ICRS',10.68470833,41.26875,0.08333333333333333),ida.observations.s_region_fov)=1";
    static final String REV800 = "SELECT tdt, revno, aotname, ra, dec FROM ida.observations "
            + "WHERE revno=800 and aotname like 'S%' and target != ''";

    private static LocalArchive archive;
    private static final Queue<HttpUrl> seen = new ConcurrentLinkedQueue<>();
    private static OkHttpClient http;

    @BeforeAll
    static void start() throws IOException {
        archive = LocalArchive.builder().port(0).start();
        http = new OkHttpClient.Builder()
                .readTimeout(30, TimeUnit.SECONDS)
                .addInterceptor(chain -> {
                    seen.add(chain.request().url());
                    return chain.proceed(chain.request());
                })
                .build();
    }

    @AfterAll
    static void stop() {
        if (archive != null) {
            archive.close();
        }
    }

    private static TapClient esa() {
        return new TapClient(http, HttpUrl.get(archive.tapUrl().toString()));
    }

    private static TapClient strict() {
        return new TapClient(http, HttpUrl.get(archive.strictTapUrl().toString()));
    }

    private static void readAllCells(StarTable t) throws IOException {
        for (long r = 0; r < t.getRowCount(); r++) {
            for (int c = 0; c < t.getColumnCount(); c++) {
                t.getCell(r, c);
            }
        }
    }

    private static int column(StarTable t, String name) {
        for (int i = 0; i < t.getColumnCount(); i++) {
            if (t.getColumnInfo(i).getName().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no column " + name);
    }

    @Test
    void syncConeQueryGives49RowsWithRaInHours() throws IOException {
        QueryResult r = esa().query(sync(M31, 10_000));
        StarTable t = r.table();
        assertTrue(t.isRandom());
        assertEquals(49, t.getRowCount());
        assertEquals("h", t.getColumnInfo(column(t, "ra")).getUnitString());
        assertFalse(r.overflow());
        assertEquals(10_000, r.maxrec());
        readAllCells(t); // the temp file is gone: the rows must be in storage
    }

    @Test
    void theAnswersBytesAreReportedAsTheyArriveForEveryKindOfQuery(@TempDir java.nio.file.Path dir)
            throws IOException {
        List<long[]> calls = new CopyOnWriteArrayList<>();
        DataClient.Listener received = (bytes, total) -> calls.add(new long[] {bytes, total});
        java.nio.file.Path vot = dir.resolve("m31.vot");
        esa().queryToVotable(QueryRequest.builder(M31).maxrec(10_000).progress(received).build(),
                             OutputTarget.file(vot, IfExists.REFUSE));
        assertFalse(calls.isEmpty());
        long[] last = calls.get(calls.size() - 1);
        assertEquals(java.nio.file.Files.size(vot), last[0], "every byte of the saved answer was reported");
        for (int i = 1; i < calls.size(); i++) {
            assertTrue(calls.get(i)[0] > calls.get(i - 1)[0], "growing");
            assertEquals(last[1], calls.get(i)[1], "one total throughout (-1: chunked, no length)");
        }
        calls.clear();
        // async: the result document is counted
        esa().query(QueryRequest.builder(M31).maxrec(10_000).async(true).progress(received).build());
        assertEquals(java.nio.file.Files.size(vot), calls.get(calls.size() - 1)[0], "the same answer, by job");
    }

    @Test
    void syncFilterQueryGives8Rows() throws IOException {
        assertEquals(8, strict().query(sync(REV800, 1000)).table().getRowCount());
    }

    /** @return the one job the last async query made, as its requests name it */
    private static HttpUrl jobUrl() {
        List<HttpUrl> jobs = seen.stream().filter(u -> u.encodedPath().matches(".*/async/[^/]+"))
            .map(u -> u.newBuilder().query(null).build()).distinct().toList();
        assertEquals(1, jobs.size(), seen.toString());
        return jobs.get(0);
    }

    @Test
    void asyncConeQueryReportsPhasesAndDeletesTheJob() throws IOException {
        List<String> phases = new CopyOnWriteArrayList<>();
        seen.clear();
        QueryResult r = esa().query(QueryRequest.builder(M31).maxrec(10_000).async(true).jobListener(phases::add)
                                                .build());
        assertEquals(49, r.table().getRowCount());
        readAllCells(r.table());
        assertTrue(phases.contains("COMPLETED"), phases.toString());
        assertEquals(phases.size(), phases.stream().distinct().count(), "each phase reported once: " + phases);
        HttpUrl job = jobUrl();
        // the client looks once without WAIT (the phase at once), then learns each next phase from a blocking WAIT:
        // each request for the job document brought a new phase (a poll that found the phase unchanged would be one
        // more); the other one without WAIT is the DELETE
        List<HttpUrl> jobRequests = seen.stream().filter(u -> u.encodedPath().equals(job.encodedPath())).toList();
        assertEquals(phases.size() - 1, jobRequests.stream().filter(u -> u.queryParameter("WAIT") != null).count(),
                     jobRequests + " " + phases);
        assertEquals(List.of(job, job), jobRequests.stream().filter(u -> u.query() == null).toList(),
                     jobRequests.toString());
        try (Response resp = http.newCall(new Request.Builder().url(job).build()).execute()) {
            assertEquals(404, resp.code(), "job should be deleted: " + job);
        }
    }

    /**
     * A job that runs for minutes is heard running at once, not only when it ends: a blocking WAIT started on an
     * EXECUTING job returns only at its end, so the client first asks for the phase without WAIT. (The window shows
     * this phase beside its Cancel.)
     */
    @Test
    void aLongJobIsHeardExecutingWhileItRuns() throws Exception {
        String slow = "SELECT COUNT(*) AS n FROM ida.observations AS a, ida.observations AS b,"
            + " ida.observations AS c, ida.observations AS d";
        List<String> phases = new CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
        Thread query = new Thread(() -> {
            try {
                esa().query(QueryRequest.builder(slow).async(true).jobListener(phases::add).build());
            } catch (Throwable e) {
                failed.set(e);
            }
        }, "slow async query");
        query.start();
        try {
            org.isosamp.testing.Await.until(() -> phases.contains("EXECUTING") || !query.isAlive(),
                                            java.time.Duration.ofSeconds(20), "a phase heard; heard " + phases);
            assertEquals(null, failed.get(), "the query failed before it was cancelled");
            assertTrue(phases.contains("EXECUTING"), "heard EXECUTING while the job runs; heard " + phases);
        } finally {
            query.interrupt();   // Cancel: the job is aborted and deleted
            query.join(30_000);
        }
        assertFalse(query.isAlive(), "the query ended on interrupt");
        assertTrue(failed.get() instanceof java.io.InterruptedIOException, String.valueOf(failed.get()));
        assertFalse(phases.contains("COMPLETED"), phases.toString());
    }

    @Test
    void aJobListenerHearsTheJobUrlFirstThenEachPhase() throws IOException {
        List<String> heard = new CopyOnWriteArrayList<>();
        seen.clear();
        esa().query(QueryRequest.builder(M31).maxrec(10_000).async(true).jobListener(new JobListener() {
            @Override
            public void created(String jobUrl) {
                heard.add("created " + jobUrl);
            }

            @Override
            public void accept(String phase) {
                heard.add(phase);
            }
        }).build());
        assertEquals("created " + jobUrl(), heard.get(0), heard.toString());
        assertEquals(1, heard.stream().filter(h -> h.startsWith("created ")).count(), heard.toString());
        assertEquals("COMPLETED", heard.get(heard.size() - 1), heard.toString());
    }

    @Test
    void maxrecReachedIsReportedAsOverflow() throws IOException {
        QueryResult r = esa().query(sync(M31, 5));
        assertEquals(5, r.table().getRowCount());
        assertTrue(r.overflow());
        QueryResult a = esa().query(QueryRequest.builder(M31).maxrec(5).async(true).build());
        assertEquals(5, a.table().getRowCount());
        assertTrue(a.overflow());
    }

    @Test
    void largeMaxrecIsNoOverflow() throws IOException {
        QueryResult r = esa().query(sync(M31, 100_000));
        assertEquals(49, r.table().getRowCount());
        assertFalse(r.overflow());
    }

    @Test
    void negativeMaxrecIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> esa().query(QueryRequest.builder(M31).maxrec(-1).build()));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
    }

    @Test
    void badAdqlSyncNamesUrlStatusAndServerMessage() {
        ArchiveException e = assertThrows(ArchiveException.class, () -> esa().query(sync("DUFF QUERY", 10)));
        String sync = archive.tapUrl() + "/sync";
        assertTrue(e.getMessage().contains(sync), e.getMessage());
        assertTrue(e.getMessage().contains("400"), e.getMessage());
        assertTrue(e.getMessage().contains("Cannot parse query"), e.getMessage());
        assertEquals(400, e.status());
        assertTrue(e.serverMessage().startsWith("Cannot parse query"), e.serverMessage());
    }

    @Test
    void badAdqlAsyncGivesTheJobsErrorText() {
        List<String> phases = new CopyOnWriteArrayList<>();
        ArchiveException e = assertThrows(ArchiveException.class,
                () -> strict().query(QueryRequest.builder("DUFF QUERY").maxrec(10).async(true)
                                                 .jobListener(phases::add).build()));
        assertTrue(e.serverMessage().contains("Cannot parse query"), e.getMessage());
        assertTrue(e.url().contains("/async/"), e.url());
        assertTrue(phases.contains("ERROR"), phases.toString());
    }

    @Test
    void trailingSlashBaseMakesNoDoubleSlash() throws IOException {
        seen.clear();
        TapClient c = new TapClient(http, HttpUrl.get(archive.tapUrl() + "/"));
        assertEquals(8, c.query(sync(REV800, 100)).table().getRowCount());
        assertTrue(seen.stream().noneMatch(u -> u.encodedPath().contains("//")), seen.toString());
    }

    @Test
    void tableNamesFromBothFlavours() throws IOException {
        for (TapClient c : List.of(esa(), strict())) {
            List<TableMeta> tables = c.tables(false);
            List<String> names = tables.stream().map(TableMeta::name).toList();
            assertEquals(53, tables.size(), names.toString());
            assertTrue(names.contains("ida.observations"), names.toString());
            assertTrue(names.contains("ivoa.ssap"), names.toString());
            assertTrue(tables.stream().allMatch(t -> t.columns().isEmpty()));
            assertFalse(tables.stream().filter(t -> t.name().equals("ida.observations")).findFirst()
                    .orElseThrow().description().isEmpty());
        }
    }

    @Test
    void columnsOfObservationsFromBothFlavours() throws IOException {
        for (TapClient c : List.of(esa(), strict())) {
            Map<String, TableMeta> tables = c.tables(true).stream()
                    .collect(Collectors.toMap(TableMeta::name, Function.identity()));
            assertEquals(53, tables.size());
            TableMeta obs = tables.get("ida.observations");
            assertEquals(45, obs.columns().size());
            Map<String, ColumnMeta> cols = obs.columns().stream()
                    .collect(Collectors.toMap(ColumnMeta::name, Function.identity()));
            assertEquals("h", cols.get("ra").unit());
            assertEquals("double", cols.get("ra").datatype());
            assertEquals("char", cols.get("aotname").datatype());
            assertNotNull(cols.get("aotname").arraysize());
            assertNotNull(cols.get("ra").ucd());
            assertNotNull(cols.get("ra").description());
        }
    }
    @Test
    void votableFileIsByteForByteTheArchivesAnswer(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("m31.vot");
        assertTrue(esa().queryToVotable(sync(M31, 20), OutputTarget.file(f, IfExists.REFUSE)).overflow());
        byte[] direct;
        Request req = new Request.Builder().url(archive.tapUrl() + "/sync").post(new FormBody.Builder()
                .add("REQUEST", "doQuery").add("LANG", "ADQL").add("FORMAT", "votable").add("MAXREC", "20")
                .add("QUERY", M31).build()).build();
        try (Response resp = http.newCall(req).execute()) {
            direct = resp.body().bytes();
        }
        assertArrayEquals(direct, Files.readAllBytes(f));
        try (var s = Files.list(dir)) {
            assertEquals(List.of(f), s.toList(), "no part file left");
        }
    }

    @Test
    void streamedRowsAreTheRowsOfTheTable() throws IOException {
        for (boolean async : new boolean[] {false, true}) {
            List<Object[]> rows = new ArrayList<>();
            String[] name = new String[1];
            TableSink sink = new TableSink() {
                @Override
                public void acceptMetadata(StarTable meta) {
                    name[0] = meta.getName();
                }

                @Override
                public void acceptRow(Object[] row) {
                    rows.add(row);
                }

                @Override
                public void endRows() {
                }
            };
            QueryResult streamed = esa().queryToSink(QueryRequest.builder(M31).maxrec(30).async(async).build(), sink);
            assertTrue(streamed.overflow());
            assertEquals("OVERFLOW", streamed.trailingParameters().get(0).getValue());
            assertEquals(async ? "result" : "sync", name[0]);
            StarTable t = esa().query(QueryRequest.builder(M31).maxrec(30).async(async).build()).table();
            assertEquals(30, rows.size());
            for (int r = 0; r < 30; r++) {
                assertArrayEquals(t.getRow(r), rows.get(r), "row " + r);
            }
        }
    }
}
