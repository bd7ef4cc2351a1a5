package org.isosamp.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.isosamp.testing.SharedArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.table.Tables;
import uk.ac.starlink.votable.VOTableBuilder;

/** The local archive over real HTTP on loopback: TAP sync/async, VOSI, the data endpoint. */
class LocalArchiveHttpTest {

    static final String M31 = "SELECT tdt,ra,dec,aotname,target FROM ida.observations WHERE "
        + "INTERSECTS(CIRCLE('ICRS',10.68470833,41.26875,0.08333333333333333),"
        + "ida.observations.s_region_fov)=1";

    static LocalArchive archive;
    static HttpClient http;

    @BeforeAll
    static void start() {
        archive = SharedArchive.get();
        http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    }

    static String form(String... kv) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            if (b.length() > 0) {
                b.append('&');
            }
            b.append(URLEncoder.encode(kv[i], StandardCharsets.UTF_8)).append('=')
             .append(URLEncoder.encode(kv[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    static HttpResponse<byte[]> post(String url, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url))
                             .header("Content-Type", "application/x-www-form-urlencoded")
                             .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                         HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                         HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    static StarTable votable(byte[] body) throws IOException {
        StarTable t = new StarTableFactory(false).makeStarTable(new ByteArrayInputStream(body),
                                                                 new VOTableBuilder());
        return Tables.randomTable(t);
    }

    String sync() {
        return archive.tapUrl() + "/sync";
    }

    @Test
    void syncPostReturnsTheDocumentedM31Rows() throws Exception {
        HttpResponse<byte[]> r = post(sync(), form("REQUEST", "doQuery", "LANG", "ADQL", "QUERY", M31));
        assertEquals(200, r.statusCode(), text(r));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/x-votable+xml"));
        StarTable t = votable(r.body());
        assertEquals(49, t.getRowCount());
        assertEquals("ra", t.getColumnInfo(1).getName());
        assertEquals("h", t.getColumnInfo(1).getUnitString());
    }

    @Test
    void syncGetWithAstroqueryDoubleSlashWorks() throws Exception {
        String url = archive.baseUrl() + "tap//sync?" + form("REQUEST", "doQuery", "LANG", "ADQL",
            "FORMAT", "votable", "QUERY", "select  TOP 2000 tdt, ra from ida.observations");
        HttpResponse<byte[]> r = get(url);
        assertEquals(200, r.statusCode(), text(r));
        assertTrue(votable(r.body()).getRowCount() > 100);
    }

    @Test
    void csvFormatHasAHeaderAndOneLinePerRow() throws Exception {
        HttpResponse<byte[]> r = post(sync(), form("LANG", "ADQL", "FORMAT", "csv", "QUERY", M31));
        assertEquals(200, r.statusCode(), text(r));
        String[] lines = text(r).split("\r?\n");
        assertEquals("tdt,ra,dec,aotname,target", lines[0]);
        assertEquals(50, lines.length);
    }

    @Test
    void maxrecTruncatesAndReportsOverflowAfterTheTable() throws Exception {
        HttpResponse<byte[]> r = post(sync(), form("LANG", "ADQL", "MAXREC", "5", "FORMAT", "votable/td",
                                                   "QUERY", M31));
        String body = text(r);
        assertEquals(5, votable(r.body()).getRowCount());
        int table = body.indexOf("</TABLE>");
        int overflow = body.indexOf("value=\"OVERFLOW\"");
        assertTrue(table > 0 && overflow > table, body);
    }

    @Test
    void maxrecZeroGivesMetadataOnly() throws Exception {
        HttpResponse<byte[]> r = post(sync(), form("LANG", "ADQL", "MAXREC", "0", "QUERY", M31));
        StarTable t = votable(r.body());
        assertEquals(0, t.getRowCount());
        assertEquals(5, t.getColumnCount());
    }

    @Test
    void badAdqlIsAnErrorDocumentWithoutTable() throws Exception {
        HttpResponse<byte[]> r = post(sync(), form("LANG", "ADQL", "QUERY", "DUFF QUERY"));
        assertEquals(400, r.statusCode());
        String body = text(r);
        assertTrue(body.contains("<INFO name=\"QUERY_STATUS\" value=\"ERROR\">"), body);
        assertTrue(body.contains("Cannot parse query"), body);
        assertFalse(body.contains("<TABLE"), body);
    }

    @Test
    void writesAreRejectedAndChangeNothing() throws Exception {
        long before = archive.database().count("ida.observations");
        for (String q : new String[] { "DROP TABLE ida.observations", "DELETE FROM ida.observations",
                                       "SELECT 1; DROP TABLE ida.observations",
                                       "SELECT FILE_READ('/etc/passwd')" }) {
            HttpResponse<byte[]> r = post(sync(), form("LANG", "ADQL", "QUERY", q));
            assertEquals(400, r.statusCode(), q);
            assertTrue(text(r).contains("QUERY_STATUS\" value=\"ERROR\""), q);
        }
        assertEquals(before, archive.database().count("ida.observations"));
    }

    @Test
    void unknownColumnAndLanguageAreNamed() throws Exception {
        String body = text(post(sync(), form("LANG", "ADQL", "QUERY", "SELECT foo FROM ida.observations")));
        assertTrue(body.contains("foo"), body);
        HttpResponse<byte[]> r = post(sync(), form("LANG", "OOBLECK", "QUERY", "SELECT 1"));
        assertEquals(400, r.statusCode());
        assertTrue(text(r).contains("Unsupported LANG \"OOBLECK\""), text(r));
    }

    /**
     * The job's document once it has left the active phases. UWS's WAIT returns at any change of phase, QUEUED to
     * EXECUTING too (on a busy machine the job is still queued when the first WAIT starts), so a client asks again.
     */
    private String awaitEnd(String job) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        String xml = text(get(job + "?WAIT=30"));
        while (ACTIVE.matcher(xml).find() && System.nanoTime() < deadline) {
            xml = text(get(job + "?WAIT=30"));
        }
        return xml;
    }

    private static final Pattern ACTIVE = Pattern.compile("<uws:phase>(PENDING|QUEUED|EXECUTING)</uws:phase>");

    @Test
    void asyncJobLifecycle() throws Exception {
        String async = archive.strictTapUrl() + "/async";
        HttpResponse<byte[]> created = post(async, form("LANG", "ADQL", "QUERY", M31, "PHASE", "RUN"));
        assertEquals(303, created.statusCode());
        String job = created.headers().firstValue("Location").orElseThrow();
        assertTrue(job.startsWith(async + "/"), job);
        String xml = awaitEnd(job);
        assertTrue(xml.contains("<uws:phase>COMPLETED</uws:phase>"), xml);
        Matcher m = Pattern.compile("xlink:href=\"([^\"]+/results/result)\"").matcher(xml);
        assertTrue(m.find(), xml);
        assertTrue(m.group(1).startsWith("http://"), "result href must be absolute");
        assertEquals(49, votable(get(m.group(1)).body()).getRowCount());
        assertEquals("COMPLETED", text(get(job + "/phase")));
        HttpResponse<byte[]> deleted = post(job, form("ACTION", "DELETE"));
        assertEquals(303, deleted.statusCode());
        assertEquals(404, get(job).statusCode());
    }

    @Test
    void asyncErrorsAreReportedByTheJobNotAtCreation() throws Exception {
        String async = archive.strictTapUrl() + "/async";
        String job = post(async, form("LANG", "ADQL", "QUERY", "DUFF QUERY")).headers()
            .firstValue("Location").orElseThrow();
        assertEquals("PENDING", text(get(job + "/phase")));
        assertEquals(303, post(job + "/phase", form("PHASE", "RUN")).statusCode());
        String xml = awaitEnd(job);
        assertTrue(xml.contains("<uws:phase>ERROR</uws:phase>"), xml);
        String err = text(get(job + "/error"));
        assertTrue(err.contains("QUERY_STATUS\" value=\"ERROR\"") && err.contains("Cannot parse query"), err);
        assertEquals(303, http.send(HttpRequest.newBuilder(URI.create(job)).DELETE().build(),
                                    HttpResponse.BodyHandlers.discarding()).statusCode());
        assertEquals(404, get(job).statusCode());
    }

    @Test
    void esaTablesCarryTapPlusFlagsAndStrictTablesDoNot() throws Exception {
        String esa = text(get(archive.tapUrl() + "/tables"));
        int columns = esa.split("<column ", -1).length - 1;
        int flagged = esa.split("<column std=\"(true|false)\" esatapplus:flags=\"\\d+\">", -1).length - 1;
        assertTrue(columns > 45, "columns: " + columns);
        assertEquals(columns, flagged, "every column needs esatapplus:flags for astroquery");
        String strict = text(get(archive.strictTapUrl() + "/tables"));
        assertFalse(strict.contains("esatapplus"));
        assertTrue(strict.contains("<name>ida.observations</name>"));
        String one = text(get(archive.strictTapUrl() + "/tables/ivoa.ssap"));
        assertTrue(one.contains("<vosi:table") && one.contains("<name>reference</name>"), one);
        String min = text(get(archive.tapUrl() + "/tables?only_tables=true"));
        assertFalse(min.contains("<column"));
    }

    @Test
    void capabilitiesNameTheServiceAsAddressed() throws Exception {
        String caps = text(get(archive.strictTapUrl() + "/capabilities"));
        assertTrue(caps.contains("<accessURL use=\"base\">" + archive.strictTapUrl() + "</accessURL>"), caps);
        assertTrue(text(get(archive.strictTapUrl() + "/availability")).contains("<vosi:available>true"));
    }

    String data(String query) {
        return archive.dataUrl() + "?" + query;
    }

    @Test
    void observationTarHasAQuotedNameAndLength() throws Exception {
        HttpResponse<byte[]> r = get(data("retrieval_type=OBSERVATION&DATA_RETRIEVAL_ORIGIN=astroquery"
                                          + "&tdt=80000203&product_level=DEFAULT_DATA_SET"));
        assertEquals(200, r.statusCode(), text(r));
        assertEquals("attachment; filename=\"ISO1659972236.tar\"",
                     r.headers().firstValue("Content-Disposition").orElse(""));
        assertEquals(Long.toString(r.body().length), r.headers().firstValue("Content-Length").orElse(""));
        assertEquals("application/x-tar", r.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void headAndRangeRequestsServeTheSameBytes() throws Exception {
        String url = data("RETRIEVAL_TYPE=STANDALONE&tdt=58002102");
        byte[] whole = get(url).body();
        HttpResponse<Void> head = http.send(HttpRequest.newBuilder(URI.create(url))
            .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(200, head.statusCode());
        assertEquals(Long.toString(whole.length), head.headers().firstValue("Content-Length").orElse(""));
        HttpResponse<byte[]> part = http.send(HttpRequest.newBuilder(URI.create(url))
            .header("Range", "bytes=100-199").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, part.statusCode());
        assertEquals("bytes 100-199/" + whole.length, part.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(whole, 100, 200), part.body());
        HttpResponse<byte[]> tail = http.send(HttpRequest.newBuilder(URI.create(url))
            .header("Range", "bytes=" + (whole.length - 10) + "-").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertArrayEquals(Arrays.copyOfRange(whole, whole.length - 10, whole.length), tail.body());
        HttpResponse<byte[]> beyond = http.send(HttpRequest.newBuilder(URI.create(url))
            .header("Range", "bytes=" + whole.length + "-").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(416, beyond.statusCode());
    }

    @Test
    void obsnoFromTheSsapReferenceServesTheSpectrum() throws Exception {
        byte[] byTdt = get(data("retrieval_type=STANDALONE&tdt=58002102")).body();
        byte[] byObsno = get(data("RETRIEVAL_TYPE=STANDALONE&obsno=580020010")).body();
        assertArrayEquals(byTdt, byObsno);
        assertEquals("SIMPLE  =", new String(byTdt, 0, 9, StandardCharsets.US_ASCII));
    }

    @Test
    void postcardIsAPng() throws Exception {
        HttpResponse<byte[]> r = get(data("retrieval_type=POSTCARD&tdt=80001538"));
        assertEquals(200, r.statusCode());
        assertEquals("image/png", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals("\u0089PNG", new String(r.body(), 0, 4, StandardCharsets.ISO_8859_1));
    }

    @Test
    void badDataRequestsGetPlainFourHundreds() throws Exception {
        HttpResponse<byte[]> unknown = get(data("retrieval_type=OBSERVATION&tdt=12345678"));
        assertEquals(404, unknown.statusCode());
        assertEquals("No observation with tdt 12345678", text(unknown).trim());
        HttpResponse<byte[]> level = get(data("retrieval_type=OBSERVATION&tdt=80000203&product_level=BEST"));
        assertEquals(400, level.statusCode());
        assertTrue(text(level).startsWith("unknown product_level \"BEST\""), text(level));
        HttpResponse<byte[]> type = get(data("retrieval_type=EVERYTHING&tdt=80000203"));
        assertEquals(400, type.statusCode());
        HttpResponse<byte[]> hostile = get(data("retrieval_type=OBSERVATION&tdt=..%2F..%2Fetc%2Fpasswd"));
        assertEquals(400, hostile.statusCode());
        assertEquals("tdt \"../../etc/passwd\" is not valid: expected digits only", text(hostile).trim());
        assertEquals(400, get(data("retrieval_type=OBSERVATION")).statusCode());
    }
}
