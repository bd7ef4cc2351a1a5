package org.isosamp.local.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.isosamp.local.products.Product;
import org.isosamp.testing.SharedArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the local archive's server logs when a client goes away in the middle of an answer (normal: iso-samp cancels
 * stale cone searches) and when the server itself fails. Its own server on the shared archive's database, with
 * products of its own: one of 24 MiB, and one whose file is not there.
 */
class TapServerLoggingTest {

    /** Its STANDALONE product is a file that does not exist. */
    static final String GONE_TDT = "80001538";
    /** Its STANDALONE product is 24 MiB, more than loopback socket buffers hold. */
    static final String BIG_TDT = "58002102";
    /** 20 000 rows of every observation column: about 24 MB of BINARY2, quick for H2. */
    static final String WIDE = "SELECT a.*, b.tdt FROM ida.observations AS a CROSS JOIN ida.observations AS b";

    @TempDir
    static Path dir;

    static TapServer server;

    /** The loggers whose records are watched: ours, and the JDK's HTTP server's. */
    private final List<Logger> watched = List.of(Logger.getLogger("org.isosamp.local"),
                                                 Logger.getLogger("com.sun.net.httpserver"));
    private final Logger tapLogger = Logger.getLogger("org.isosamp.local.tap");
    private Level tapLevel;
    private Recorder records;

    @BeforeAll
    static void start() throws IOException {
        Path big = Files.write(dir.resolve("big.fits"), new byte[24 << 20]);
        server = new TapServer(0, SharedArchive.get().database(), (obs, type, level) -> obs.tdt().equals(GONE_TDT)
            ? new Product("gone.fits", "application/fits", dir.resolve("gone.fits"))
            : new Product("big.fits", "application/fits", big), dir.resolve("jobs"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void record() {
        records = new Recorder();
        watched.forEach(l -> l.addHandler(records));
        tapLevel = tapLogger.getLevel();
        tapLogger.setLevel(Level.FINE);
    }

    @AfterEach
    void stopRecording() {
        tapLogger.setLevel(tapLevel);
        watched.forEach(l -> l.removeHandler(records));
    }

    @Test
    void aQueryAnswerTheClientDropsIsOneFineLineAndTheServerAnswersOn() throws Exception {
        String form = "QUERY=" + URLEncoder.encode(WIDE, StandardCharsets.UTF_8) + "&MAXREC=20000";
        abortAfterFirstBytes("POST /nida-sl-tap/tap/sync HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length() + "\r\n\r\n" + form);
        LogRecord gone = records.await(r -> message(r).startsWith("client went away: "));
        assertGoneQuietly(gone, "client went away: POST /nida-sl-tap/tap/sync (");

        HttpResponse<String> again = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + TapServer.ESA_TAP + "/sync"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("QUERY=" + URLEncoder.encode(
                "SELECT tdt FROM ida.observations WHERE tdt = '58002102'", StandardCharsets.UTF_8)))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, again.statusCode(), again.body());
        assertTrue(again.body().contains("<INFO name=\"QUERY_STATUS\" value=\"OK\"/>"), again.body());
        assertTrue(again.body().contains("<TABLE"), again.body());
        assertEquals(List.of(), records.loud());
    }

    @Test
    void aProductDownloadTheClientDropsIsOneFineLine() throws Exception {
        abortAfterFirstBytes("GET /nida-sl-tap/data?retrieval_type=STANDALONE&tdt=" + BIG_TDT
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        LogRecord gone = records.await(r -> message(r).startsWith("client went away: "));
        assertGoneQuietly(gone, "client went away: GET /nida-sl-tap/data?retrieval_type=STANDALONE&tdt=" + BIG_TDT
            + " (");
    }

    @Test
    void aProductFileThatIsNotThereIsStillAWarningWithItsStackTrace() throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.getOutputStream().write(("GET /nida-sl-tap/data?retrieval_type=STANDALONE&tdt=" + GONE_TDT
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            LogRecord failed = records.await(r -> r.getLevel().intValue() >= Level.WARNING.intValue());
            assertEquals("I/O failure on GET /nida-sl-tap/data?retrieval_type=STANDALONE&tdt=" + GONE_TDT,
                         failed.getMessage());
            assertTrue(failed.getThrown() instanceof java.nio.file.NoSuchFileException, String.valueOf(
                failed.getThrown()));
        }
        assertTrue(records.all().stream().noneMatch(r -> message(r).startsWith("client went away")),
                   "not blamed on the client: " + records);
    }

    /** The record is the one line about it, at FINE, without a stack trace, and nothing was louder. */
    private void assertGoneQuietly(LogRecord gone, String start) {
        assertEquals(List.of(), records.loud());
        assertEquals(Level.FINE, gone.getLevel());
        assertNull(gone.getThrown(), "no stack trace");
        assertTrue(gone.getMessage().startsWith(start), gone.getMessage());
        assertEquals(List.of(gone), records.all().stream().filter(r -> message(r).contains("went away"))
            .toList());
    }

    private static String message(LogRecord r) {
        return String.valueOf(r.getMessage());
    }

    /** Sends a request, reads the first bytes of the answer, then resets the connection, as a client that gives up. */
    private static void abortAfterFirstBytes(String request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] first = new byte[4096];
            int n = in.read(first);
            String head = new String(first, 0, Math.max(0, n), StandardCharsets.US_ASCII);
            assertTrue(head.startsWith("HTTP/1.1 200 OK"), head);
            s.setSoLinger(true, 0);   // close with a reset (RST), not a FIN
        }
    }

    /** Keeps every record it is given; {@link #await} waits for one without polling. */
    private static final class Recorder extends Handler {
        private final List<LogRecord> records = new ArrayList<>();
        private volatile Predicate<LogRecord> awaited;
        private volatile CountDownLatch arrived;

        Recorder() {
            setLevel(Level.ALL);
        }

        @Override
        public synchronized void publish(LogRecord r) {
            records.add(r);
            Predicate<LogRecord> p = awaited;
            if (p != null && p.test(r)) {
                arrived.countDown();
            }
        }

        synchronized List<LogRecord> all() {
            return new ArrayList<>(records);
        }

        /** @return the records at WARNING or above, each as its level, message and exception */
        List<String> loud() {
            return all().stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .map(Recorder::describe).toList();
        }

        static String describe(LogRecord r) {
            return r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()
                + (r.getThrown() == null ? "" : " " + r.getThrown());
        }

        @Override
        public synchronized String toString() {
            return records.stream().map(Recorder::describe).toList().toString();
        }

        /** @return the first record matching, which may have come already; fails after 10 s */
        LogRecord await(Predicate<LogRecord> p) throws InterruptedException {
            synchronized (this) {
                arrived = new CountDownLatch(1);
                awaited = p;
                for (LogRecord r : records) {
                    if (p.test(r)) {
                        return r;
                    }
                }
            }
            assertTrue(arrived.await(10, TimeUnit.SECONDS), "no such record within 10 s; records: " + this);
            return all().stream().filter(p).findFirst().orElseThrow();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
