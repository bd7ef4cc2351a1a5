package org.isosamp.archive;

import static org.isosamp.archive.DataClientLocalArchiveTest.listNames;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.isosamp.model.RetrievalType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
        ArchiveException e = assertThrows(ArchiveException.class, () -> client.download(url, dir, "80000203", null));
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
        assertThrows(IOException.class, () -> client.download(url, dir, "80000203", null));
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

    @Test
    void hostileRequestedNameStaysInside() throws Exception {
        server.enqueue(ok("data".getBytes(StandardCharsets.UTF_8)).build());
        Path p = client.download(url, dir, "../../x", null);
        assertEquals(dir.toAbsolutePath().resolve("x.tar"), p);
    }

    @Test
    void htmlPageIsAnError() throws Exception {
        Path old = existing();
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/html; charset=utf-8")
            .body("<html><body>Maintenance</body></html>").build());
        ArchiveException e = assertThrows(ArchiveException.class, () -> client.download(url, dir, "80000203", null));
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
}
