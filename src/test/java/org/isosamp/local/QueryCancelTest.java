package org.isosamp.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.isosamp.testing.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A query that is cancelled stops on H2 at once: ABORT, DELETE, the job's destruction time, its execution duration,
 * a sync client that hangs up, and the archive's own shutdown. "Still running" is seen from the outside, as H2
 * lists the statements its sessions execute ({@link org.isosamp.local.db.ArchiveDatabase#executingStatements()}).
 * The query is a 4-way self-join of the sample observations: 364^4 rows to count, minutes of H2's time.
 */
class QueryCancelTest {

    /** Minutes of work for H2, unless it is stopped. */
    static final String SLOW = "SELECT COUNT(*) AS n FROM ida.observations AS a, ida.observations AS b,"
        + " ida.observations AS c, ida.observations AS d";
    /**
     * How long a cancelled statement may go on: H2 checks for cancellation between rows, so well under a second on
     * an idle machine; the bound allows for a loaded one (CI's 2 cores) and is still minutes short of the query.
     */
    static final Duration STOPS_WITHIN = Duration.ofSeconds(10);

    static LocalArchive archive;
    static HttpClient http;

    @BeforeAll
    static void start() throws IOException {
        archive = LocalArchive.builder().port(0).start();
        http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    static void stop() {
        archive.close();
    }

    /** Each test leaves nothing running, and the archive answers as before (a cancel spoils no pooled session). */
    @AfterEach
    void nothingLeftRunning() throws Exception {
        awaitStopped(archive, "after the test");
        HttpResponse<String> r = post(archive.tapUrl() + "/sync", form("LANG", "ADQL", "FORMAT", "csv",
            "QUERY", "SELECT COUNT(*) AS n FROM ida.observations"));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().startsWith("n\r\n") || r.body().startsWith("n\n"), r.body());
    }

    static List<String> executing(LocalArchive a) {
        try {
            return a.database().executingStatements();
        } catch (SQLException e) {
            throw new AssertionError("cannot list H2's executing statements", e);
        }
    }

    /** Waits until H2 executes the slow query (it has really started). */
    static void awaitRunning(LocalArchive a) throws InterruptedException {
        Await.until(() -> !executing(a).isEmpty(), Duration.ofSeconds(20), "the slow query executing on H2");
    }

    /** Waits, at most {@link #STOPS_WITHIN}, until H2 executes nothing. */
    static void awaitStopped(LocalArchive a, String when) throws InterruptedException {
        Await.value(() -> executing(a).isEmpty() ? Boolean.TRUE : null, STOPS_WITHIN,
            () -> "H2 to stop executing " + when + ": still " + executing(a));
    }

    static String form(String... kv) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            b.append(b.length() > 0 ? "&" : "").append(URLEncoder.encode(kv[i], StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(kv[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    static HttpResponse<String> post(String url, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static int delete(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).DELETE().build(),
            HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Creates and runs an async job of the slow query, with more job parameters; @return the job URL */
    static String runSlowJob(LocalArchive a, String... more) throws IOException, InterruptedException {
        String[] kv = new String[6 + more.length];
        System.arraycopy(new String[] {"LANG", "ADQL", "QUERY", SLOW, "PHASE", "RUN"}, 0, kv, 0, 6);
        System.arraycopy(more, 0, kv, 6, more.length);
        HttpResponse<String> created = post(a.strictTapUrl() + "/async", form(kv));
        assertEquals(303, created.statusCode(), created.body());
        return created.headers().firstValue("Location").orElseThrow();
    }

    @Test
    void abortStopsTheRunningStatement() throws Exception {
        String job = runSlowJob(archive);
        try {
            awaitRunning(archive);
            assertEquals(303, post(job + "/phase", form("PHASE", "ABORT")).statusCode());
            awaitStopped(archive, "after PHASE=ABORT");
            assertEquals("ABORTED", get(job + "/phase").body());
        } finally {
            delete(job);
        }
    }

    @Test
    void deleteStopsTheRunningStatement() throws Exception {
        String job = runSlowJob(archive);
        awaitRunning(archive);
        assertEquals(303, delete(job));
        awaitStopped(archive, "after DELETE");
        assertEquals(404, get(job).statusCode());
    }

    @Test
    void actionDeleteStopsTheRunningStatement() throws Exception {
        String job = runSlowJob(archive);
        awaitRunning(archive);
        assertEquals(303, post(job, form("ACTION", "DELETE")).statusCode());
        awaitStopped(archive, "after ACTION=DELETE");
    }

    @Test
    void executionDurationStopsTheStatementAndNamesTheDuration() throws Exception {
        String job = runSlowJob(archive, "EXECUTIONDURATION", "1");
        try {
            String xml = Await.value(() -> {
                String x = text(job + "?WAIT=5");
                return x.contains("<uws:phase>ERROR</uws:phase>") ? x : null;
            }, Duration.ofSeconds(20), () -> "phase ERROR of " + job);
            assertTrue(xml.contains("execution duration of 1 s"), xml);
            awaitStopped(archive, "after the execution duration");
        } finally {
            delete(job);
        }
    }

    @Test
    void destructionTimeStopsTheStatementAndRemovesTheJob() throws Exception {
        String job = runSlowJob(archive, "DESTRUCTION", Instant.now().plusSeconds(2).toString());
        awaitRunning(archive);
        Await.until(() -> status(job) == 404, Duration.ofSeconds(10), "job " + job + " destroyed");
        awaitStopped(archive, "after the destruction time");
    }

    @Test
    void syncClientThatHangsUpStopsTheStatement() throws Exception {
        String body = form("LANG", "ADQL", "QUERY", SLOW);
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), archive.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /nida-sl-tap/tap/sync HTTP/1.1\r\nHost: 127.0.0.1:" + archive.port() + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length() + "\r\n\r\n"
                + body).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            awaitRunning(archive);
        }
        awaitStopped(archive, "after the sync client hung up");
    }

    @Test
    void syncClientThatWaitsGetsItsAnswer() throws Exception {
        // seconds of H2's time, several looks at the connection: a client that stays is never taken for gone
        HttpResponse<String> r = post(archive.tapUrl() + "/sync", form("LANG", "ADQL", "FORMAT", "csv", "QUERY",
            "SELECT COUNT(*) AS n FROM ida.observations AS a, ida.observations AS b, ivoa.siap AS c"));
        assertEquals(200, r.statusCode(), r.body());
        long obs = archive.database().count("ida.observations");
        long siap = archive.database().count("ivoa.siap");
        assertEquals(List.of("n", Long.toString(obs * obs * siap)), r.body().lines().toList());
    }

    @Test
    void closeWhileAQueryRunsReturnsQuickly() throws Exception {
        LocalArchive own = LocalArchive.builder().port(0).start();
        boolean closed = false;
        try {
            runSlowJob(own);
            // and a sync one, whose client waits
            Thread client = new Thread(() -> {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), own.port())) {
                    String body = form("LANG", "ADQL", "QUERY", SLOW);
                    s.getOutputStream().write(("POST /tap/sync HTTP/1.1\r\nHost: x\r\nContent-Type: "
                        + "application/x-www-form-urlencoded\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                        .getBytes(StandardCharsets.US_ASCII));
                    InputStream in = s.getInputStream();
                    while (in.read() >= 0) {
                        // until the server closes the connection
                    }
                } catch (IOException e) {
                    // the server went away: expected
                }
            }, "sync-client");
            client.setDaemon(true);
            client.start();
            Await.until(() -> executing(own).size() == 2, Duration.ofSeconds(20), "both slow queries executing");
            long t0 = System.nanoTime();
            own.close();
            closed = true;
            long ms = (System.nanoTime() - t0) / 1_000_000;
            // about 0.1 s when the statements are cancelled; an upper bound on a hang, not a benchmark
            assertTrue(ms < 3000, "close() took " + ms + " ms with queries running");
        } finally {
            if (!closed) {
                own.close();
            }
        }
    }

    private static String text(String url) {
        try {
            return get(url).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static int status(String url) {
        try {
            return get(url).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
