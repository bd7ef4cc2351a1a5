package org.isosamp.archive;

import static org.isosamp.archive.DataClientLocalArchiveTest.listNames;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okio.Buffer;
import org.isosamp.model.RetrievalType;
import org.isosamp.io.IfExists;
import org.isosamp.io.OutputExistsException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Faults the local archive cannot make: errors, disconnects, truncation, odd headers, slowness. */
class DataClientFaultTest {

    private static final byte[] PAYLOAD = new byte[200_000];

    static {
        new Random(42).nextBytes(PAYLOAD);
    }

    private MockWebServer server;
    private OkHttpClient http;
    private DataClient client;
    private HttpUrl url;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        http = new OkHttpClient.Builder().readTimeout(5, TimeUnit.SECONDS).build();
        client = new DataClient(http, server.url("/nida-sl-tap/data"));
        url = client.productUrl("80000203", RetrievalType.OBSERVATION, null);
    }

    @AfterEach
    void stop() {
        server.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private static MockResponse.Builder ok(byte[] body) {
        return new MockResponse.Builder().code(200)
            .setHeader("Content-Type", "application/x-tar")
            .setHeader("Content-Disposition", "attachment; filename=\"ISO1659972236.tar\"")
            .setHeader("Accept-Ranges", "bytes")
            .body(new Buffer().write(body));
    }

    private static MockResponse partial(int from) {
        byte[] rest = Arrays.copyOfRange(PAYLOAD, from, PAYLOAD.length);
        return new MockResponse.Builder().code(206)
            .setHeader("Content-Type", "application/x-tar")
            .setHeader("Content-Disposition", "attachment; filename=\"ISO1659972236.tar\"")
            .setHeader("Content-Range", "bytes " + from + "-" + (PAYLOAD.length - 1) + "/" + PAYLOAD.length)
            .body(new Buffer().write(rest)).build();
    }

    /** Answers a Range request with a 206 from that byte, and the first request with {@code first}. */
    private void resumeWith(MockResponse first) {
        AtomicInteger n = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                String range = r.getHeaders().get("Range");
                if (n.getAndIncrement() == 0 || range == null) {
                    return first;
                }
                return partial(Integer.parseInt(range.substring("bytes=".length(), range.length() - 1)));
            }
        });
    }

    private Path existing() throws IOException {
        Path old = dir.resolve("80000203.tar");
        Files.writeString(old, "old product");
        return old;
    }

    @Test
    void serverErrorIsRetriedThenFailsLeavingNothingAndKeepingTheOldFile() throws Exception {
        Path old = existing();
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder().code(500).body("Internal trouble " + i).build());
        }
        ArchiveException e = assertThrows(ArchiveException.class, () -> client.download(url, dir, "80000203", IfExists.REPLACE, null));
        assertEquals(500, e.status());
        assertEquals("Internal trouble 3", e.serverMessage());
        assertTrue(e.getMessage().startsWith("IDA product download failed: HTTP 500 from " + url), e.getMessage());
        assertEquals(4, server.getRequestCount());
        assertEquals("old product", Files.readString(old));
        assertEquals(List.of("80000203.tar"), listNames(dir));
    }

    @Test
    void serverErrorThenSuccess() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).body("busy").build());
        server.enqueue(ok(PAYLOAD).build());
        Path p = client.download(url, dir, "80000203", null);
        assertArrayEquals(PAYLOAD, Files.readAllBytes(p));
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void notFoundIsNotRetried() throws Exception {
        server.enqueue(new MockResponse.Builder().code(404).body("  No observation\n with tdt 80000203  ").build());
        ArchiveException e = assertThrows(ArchiveException.class, () -> client.download(url, dir, null, null));
        assertEquals(404, e.status());
        assertEquals("No observation with tdt 80000203", e.serverMessage());
        assertEquals(1, server.getRequestCount());
        assertEquals(List.of(), listNames(dir));
    }

    @Test
    void longErrorBodyIsCutAt200Characters() throws Exception {
        server.enqueue(new MockResponse.Builder().code(400).body("x".repeat(5000)).build());
        ArchiveException e = assertThrows(ArchiveException.class, () -> client.download(url, dir, null, null));
        assertEquals(200, e.serverMessage().length());
    }

    @Test
    void droppedConnectionIsResumedWithRange() throws Exception {
        resumeWith(ok(PAYLOAD).onResponseBody(new SocketEffect.CloseSocket(true, true, true)).build());
        List<Long> progress = new ArrayList<>();
        Path p = client.download(url, dir, "80000203", (b, t) -> progress.add(b));
        assertArrayEquals(PAYLOAD, Files.readAllBytes(p));
        assertEquals(2, server.getRequestCount());
        assertNull(server.takeRequest().getHeaders().get("Range"));
        String range = server.takeRequest().getHeaders().get("Range");
        assertTrue(range != null && range.matches("bytes=\\d+-"), String.valueOf(range));
        long from = Long.parseLong(range.substring(6, range.length() - 1));
        assertTrue(from > 0 && from < PAYLOAD.length, range);
        assertEquals(PAYLOAD.length, progress.get(progress.size() - 1));
        assertEquals(List.of("80000203.tar"), listNames(dir));
    }

    @Test
    void truncatedBodyIsResumed() throws Exception {
        byte[] half = Arrays.copyOf(PAYLOAD, 70_000);
        resumeWith(ok(half).setHeader("Content-Length", PAYLOAD.length)
            .onResponseEnd(new SocketEffect.CloseSocket(true, true, true)).build());
        Path p = client.download(url, dir, null, null);
        assertEquals("ISO1659972236.tar", p.getFileName().toString());
        assertArrayEquals(PAYLOAD, Files.readAllBytes(p));
        server.takeRequest();
        assertEquals("bytes=70000-", server.takeRequest().getHeaders().get("Range"));
    }

    @Test
    void alwaysTruncatedBodyFailsWithNoPartialFile() throws Exception {
        Path old = existing();
        byte[] half = Arrays.copyOf(PAYLOAD, 70_000);
        for (int i = 0; i < 4; i++) {
            server.enqueue(ok(half).removeHeader("Accept-Ranges").setHeader("Content-Length", PAYLOAD.length)
                .onResponseEnd(new SocketEffect.CloseSocket(true, true, true)).build());
        }
        assertThrows(IOException.class, () -> client.download(url, dir, "80000203", IfExists.REPLACE, null));
        assertEquals(4, server.getRequestCount());
        for (int i = 0; i < 4; i++) {
            assertNull(server.takeRequest().getHeaders().get("Range"), "no ranges without Accept-Ranges");
        }
        assertEquals(List.of("80000203.tar"), listNames(dir));
        assertEquals("old product", Files.readString(old));
    }

    @Test
    void ignoredRangeStartsOver() throws Exception {
        byte[] half = Arrays.copyOf(PAYLOAD, 70_000);
        server.enqueue(ok(half).setHeader("Content-Length", PAYLOAD.length)
            .onResponseEnd(new SocketEffect.CloseSocket(true, true, true)).build());
        server.enqueue(ok(PAYLOAD).build()); // a 200 to the Range request: whole file again
        Path p = client.download(url, dir, null, null);
        assertArrayEquals(PAYLOAD, Files.readAllBytes(p));
    }

    @Test
    void missingContentDispositionNamesFromTdtAndContentType() throws Exception {
        server.enqueue(ok(PAYLOAD).removeHeader("Content-Disposition").build());
        assertEquals("80000203.tar", client.download(url, dir, null, null).getFileName().toString());
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "image/png").body("png").build());
        HttpUrl pc = client.productUrl("80001538", RetrievalType.POSTCARD, null);
        assertEquals("80001538.png", client.download(pc, dir, null, null).getFileName().toString());
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/fits").body("F").build());
        assertEquals("spec.fits", client.download(pc, dir, "spec", null).getFileName().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"attachment; filename=ISO1659972236.tar",
        "inline; filename*=UTF-8''ISO1659972236%2Etar",
        "attachment; filename=\"wrong.tar\"; filename*=utf-8''ISO1659972236.tar",
        "ATTACHMENT;FILENAME=\"ISO1659972236.tar\""})
    void tolerantContentDisposition(String header) throws Exception {
        server.enqueue(ok(PAYLOAD).setHeader("Content-Disposition", header).build());
        assertEquals("ISO1659972236.tar", client.download(url, dir, null, null).getFileName().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "/abs/x.tar", "..", "a/b/c.fits", "evil\u0000.tar",
        "line\nbreak.tar", "..\\..\\win.tar", ".", "...", "%2e%2e%2fx"})
    void hostileNamesStayInside(String name) throws Exception {
        Path target = dir.resolve("target");
        String header = "attachment; filename*=UTF-8''" + okhttp3.HttpUrl.get("http://h/").newBuilder()
            .addQueryParameter("q", name).build().encodedQuery().substring(2);
        server.enqueue(ok("data".getBytes(StandardCharsets.UTF_8)).setHeader("Content-Disposition", header).build());
        Path p = client.download(url, target, null, null);
        assertEquals(target.toAbsolutePath().normalize(), p.getParent());
        assertFalse(p.getFileName().toString().startsWith("."), p.toString());
        assertTrue(p.getFileName().toString().chars().noneMatch(c -> c < 0x20 || c == '/' || c == '\\'));
        try (Stream<Path> all = Files.walk(dir)) {
            assertEquals(List.of(p), all.filter(Files::isRegularFile).toList());
        }
        assertEquals("data", Files.readString(p));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../x", "nodir2/x", "a\\b", "..", ".", "", "line\nbreak"})
    void requestedNameWithAFolderIsRefusedNotRenamed(String name) throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> client.download(url, dir, name, null));
        assertTrue(e.getMessage().startsWith("file name \""), e.getMessage());
        assertEquals(0, server.getRequestCount(), "refused before any request");
        assertEquals(List.of(), listNames(dir));
    }

    @Test
    void existingFileIsRefusedBeforeTheBodyAndKept() throws Exception {
        Path old = existing();
        server.enqueue(ok(PAYLOAD).build());
        OutputExistsException e = assertThrows(OutputExistsException.class,
            () -> client.download(url, dir, "80000203", null));
        assertEquals(dir.toAbsolutePath().normalize().resolve("80000203.tar")
            + " exists (give --overwrite to replace it)", e.getMessage());
        assertEquals(1, server.getRequestCount(), "not retried");
        assertEquals(List.of("80000203.tar"), listNames(dir), "no part file left");
        assertEquals("old product", Files.readString(old));
        server.enqueue(ok(PAYLOAD).build());
        assertEquals(old.toAbsolutePath().normalize(), client.download(url, dir, "80000203", IfExists.REPLACE, null));
        assertArrayEquals(PAYLOAD, Files.readAllBytes(old));
    }

    @Test
    void htmlPageIsAnError() throws Exception {
        Path old = existing();
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/html; charset=utf-8")
            .body("<html><body>Maintenance</body></html>").build());
        ArchiveException e = assertThrows(ArchiveException.class, () -> client.download(url, dir, "80000203", IfExists.REPLACE, null));
        assertTrue(e.getMessage().contains("got an HTML page instead of a product"), e.getMessage());
        assertEquals(1, server.getRequestCount());
        assertEquals(List.of("80000203.tar"), listNames(dir));
        assertEquals("old product", Files.readString(old));
    }

    @Test
    void slowServerTimesOutWithNoPartialFile() throws Exception {
        OkHttpClient impatient = http.newBuilder().readTimeout(150, TimeUnit.MILLISECONDS).build();
        DataClient c = new DataClient(impatient, server.url("/nida-sl-tap/data"));
        for (int i = 0; i < 4; i++) {
            server.enqueue(ok(PAYLOAD).throttleBody(1024, 1, TimeUnit.SECONDS).build());
        }
        IOException e = assertThrows(IOException.class, () -> c.download(url, dir, "80000203", null));
        assertTrue(e instanceof java.io.InterruptedIOException, e.toString());
        assertEquals(List.of(), listNames(dir));
    }

    @Test
    void fullDiskIsNotRetriedAndLeavesNoPartialFile() throws Exception {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "needs /dev/full (Linux)");
        Path old = existing();
        // the first answer breaks off; while the client asks for the rest, its part file becomes a link to
        // /dev/full, which opens fine and fails every write with ENOSPC
        List<Path> parts = new ArrayList<>();
        AtomicInteger n = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
                if (n.getAndIncrement() == 0) {
                    return ok(Arrays.copyOf(PAYLOAD, 1000)).setHeader("Content-Length", PAYLOAD.length)
                        .onResponseEnd(new SocketEffect.CloseSocket(true, true, true)).build();
                }
                try (Stream<Path> s = Files.list(dir)) {
                    parts.addAll(s.filter(p -> p.getFileName().toString().endsWith(".part")).toList());
                    Files.delete(parts.get(0));
                    Files.createSymbolicLink(parts.get(0), full);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
                return partial(1000);
            }
        });
        IOException e = assertThrows(IOException.class, () -> client.download(url, dir, "80000203", IfExists.REPLACE, null));
        assertEquals(1, parts.size(), "one part file for the whole call: " + parts);
        // the user's file and the reason, not the part file the system call saw
        assertEquals(dir.toAbsolutePath().normalize().resolve("80000203.tar") + ": No space left on device",
            e.getMessage());
        assertEquals(2, server.getRequestCount());
        assertEquals(List.of("80000203.tar"), listNames(dir));
        assertEquals("old product", Files.readString(old));
    }

    @Test
    void aTargetThatCannotBeReplacedIsNotRetriedAndLeavesNoPartialFile() throws Exception {
        Path taken = Files.createDirectories(dir.resolve("80000203.tar"));
        Files.writeString(taken.resolve("keep"), "keep");
        server.enqueue(ok(PAYLOAD).build());
        IOException e = assertThrows(IOException.class, () -> client.download(url, dir, "80000203", null));
        assertTrue(e.getMessage().contains(taken.toString()), e.getMessage());
        assertEquals(1, server.getRequestCount());
        assertEquals(List.of("80000203.tar"), listNames(dir));
        assertEquals(List.of("keep"), listNames(taken));
    }

    @Test
    void interruptStopsTheDownloadWithoutRetryOrPartialFile() throws Exception {
        server.enqueue(ok(PAYLOAD).build());
        try {
            // interrupted by its own listener, before the first byte of the body is read
            assertThrows(InterruptedIOException.class,
                () -> client.download(url, dir, "80000203", (b, t) -> Thread.currentThread().interrupt()));
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt status is kept");
        } finally {
            Thread.interrupted();
        }
        assertEquals(1, server.getRequestCount());
        assertEquals(List.of(), listNames(dir));
    }

    @Test
    void bodyLargerThanTheBufferTruncatedMidBufferIsResumedAtTheByte() throws Exception {
        byte[] big = new byte[3 * (1 << 20) + 123];
        new Random(7).nextBytes(big);
        int cut = (1 << 20) + (1 << 19) + 7;
        AtomicInteger n = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                if (n.getAndIncrement() == 0) {
                    return ok(Arrays.copyOf(big, cut)).setHeader("Content-Length", big.length)
                        .onResponseEnd(new SocketEffect.CloseSocket(true, true, true)).build();
                }
                int from = Integer.parseInt(r.getHeaders().get("Range").replaceAll("\\D", ""));
                return new MockResponse.Builder().code(206)
                    .setHeader("Content-Range", "bytes " + from + "-" + (big.length - 1) + "/" + big.length)
                    .body(new Buffer().write(Arrays.copyOfRange(big, from, big.length))).build();
            }
        });
        List<Long> progress = new ArrayList<>();
        Path p = client.download(url, dir, "80000203", (b, t) -> progress.add(b));
        assertArrayEquals(big, Files.readAllBytes(p));
        server.takeRequest();
        assertEquals("bytes=" + cut + "-", server.takeRequest().getHeaders().get("Range"));
        assertTrue(progress.contains((long) cut), "what arrived before the cut is on disk: " + progress);
        assertEquals(big.length, progress.get(progress.size() - 1));
        assertEquals(List.of("80000203.tar"), listNames(dir));
    }

    @Test
    void slowBodyIsReportedAsItArrives() throws Exception {
        server.enqueue(ok(PAYLOAD).throttleBody(20_000, 100, TimeUnit.MILLISECONDS).build()); // about 1 s
        List<Long> progress = new ArrayList<>();
        client.download(url, dir, "80000203", (b, t) -> progress.add(b));
        assertEquals(0L, progress.get(0));
        assertEquals(PAYLOAD.length, progress.get(progress.size() - 1));
        assertTrue(progress.stream().filter(b -> b > 0 && b < PAYLOAD.length).count() >= 2,
            "progress before the end, not only once the 1 MiB buffer is full: " + progress);
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) >= progress.get(i - 1), progress.toString());
        }
    }

    @Test
    void fineLogGivesBytesSecondsAndRate() throws Exception {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(DataClient.class.getName());
        List<String> lines = new ArrayList<>();
        java.util.logging.Handler h = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                lines.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Level before = log.getLevel();
        log.setLevel(java.util.logging.Level.FINE);
        log.addHandler(h);
        try {
            server.enqueue(ok(PAYLOAD).build());
            Path p = client.download(url, dir, "80000203", null);
            String prefix = "wrote " + url + " to " + p + ": 200000 bytes in ";
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(prefix)
                && l.substring(prefix.length()).matches("\\d+\\.\\d{3} s \\(\\d+\\.\\d MB/s\\)")), lines.toString());
        } finally {
            log.removeHandler(h);
            log.setLevel(before);
        }
    }

    @Test
    @Timeout(60)
    void slowHttp2BodyStillTimesOut() throws Exception {
        // over HTTP/2 the socket has no SO_TIMEOUT: Okio's read timeout must stay on
        server.setProtocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE));
        OkHttpClient h2 = http.newBuilder().protocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE))
            .readTimeout(150, TimeUnit.MILLISECONDS).build();
        DataClient c = new DataClient(h2, server.url("/nida-sl-tap/data"));
        for (int i = 0; i < 4; i++) {
            server.enqueue(ok(PAYLOAD).throttleBody(1024, 1, TimeUnit.SECONDS).build());
        }
        IOException e = assertThrows(IOException.class, () -> c.download(url, dir, "80000203", null));
        assertTrue(e instanceof InterruptedIOException, e.toString());
        assertEquals(List.of(), listNames(dir));
    }

    @Test
    void http2PriorKnowledge() throws Exception {
        server.setProtocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE));
        OkHttpClient h2 = http.newBuilder().protocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE)).build();
        server.enqueue(ok(PAYLOAD).build());
        Path p = new DataClient(h2, server.url("/nida-sl-tap/data")).download(url, dir, null, null);
        assertArrayEquals(PAYLOAD, Files.readAllBytes(p));
    }

    /** TLS layered by OkHttp over {@link BufferedReadSockets}; MockWebServer's close then stalls the client. */
    @ParameterizedTest
    @ValueSource(strings = {"http/1.1", "h2"})
    void httpsThroughBufferedReadSocketsStallsAndIsResumed(String protocol) throws Exception {
        TestTls tls = TestTls.get();
        server.useHttps(tls.server().getSocketFactory());
        server.setProtocols(protocol.equals("h2") ? List.of(Protocol.HTTP_2, Protocol.HTTP_1_1)
                                                   : List.of(Protocol.HTTP_1_1));
        OkHttpClient https = http.newBuilder().readTimeout(1, TimeUnit.SECONDS)
            .sslSocketFactory(tls.client().getSocketFactory(), tls.trustManager()).build();
        DataClient c = new DataClient(https, server.url("/nida-sl-tap/data"));
        HttpUrl u = c.productUrl("80000203", RetrievalType.OBSERVATION, null);
        byte[] half = Arrays.copyOf(PAYLOAD, 70_000);
        resumeWith(ok(half).setHeader("Content-Length", PAYLOAD.length)
            .onResponseEnd(new SocketEffect.CloseSocket(true, true, true)).build());
        Path p = c.download(u, dir, "80000203", null);
        assertArrayEquals(PAYLOAD, Files.readAllBytes(p));
        RecordedRequest first = server.takeRequest();
        assertTrue(first.getHandshake() != null, "TLS was used");
        assertEquals(protocol.equals("h2") ? "HTTP/2" : "HTTP/1.1", first.getVersion());
        assertEquals("bytes=70000-", server.takeRequest().getHeaders().get("Range"));
    }

    /** A self-signed certificate for localhost, made once with the JDK's keytool, and contexts that use it. */
    record TestTls(SSLContext server, SSLContext client, X509TrustManager trustManager) {
        private static TestTls tls;

        static synchronized TestTls get() throws Exception {
            if (tls == null) {
                Path dir = Files.createTempDirectory("iso-samp-tls");
                Path store = dir.resolve("localhost.p12");
                char[] pass = "changeit".toCharArray();
                Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "localhost", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                    "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit")
                    .redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertEquals(0, p.waitFor(), out);
                KeyStore ks = KeyStore.getInstance("PKCS12");
                try (var in = Files.newInputStream(store)) {
                    ks.load(in, pass);
                }
                Files.delete(store);
                Files.delete(dir);
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(ks, pass);
                SSLContext server = SSLContext.getInstance("TLS");
                server.init(kmf.getKeyManagers(), null, null);
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(ks);
                X509TrustManager tm = (X509TrustManager) tmf.getTrustManagers()[0];
                SSLContext client = SSLContext.getInstance("TLS");
                client.init(null, new TrustManager[] {tm}, null);
                tls = new TestTls(server, client, tm);
            }
            return tls;
        }
    }
}
