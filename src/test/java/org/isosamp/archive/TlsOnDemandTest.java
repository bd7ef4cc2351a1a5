package org.isosamp.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Call;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The plain-http client that sets TLS up only when a request needs it: a plain server, and an https server with a
 * test certificate (the TLS client trusts only that), both real servers on loopback.
 */
class TlsOnDemandTest {

    private final MockWebServer plain = new MockWebServer();
    private final MockWebServer secure = new MockWebServer();
    /** how often the client asked for its TLS client */
    private final AtomicInteger tlsAsked = new AtomicInteger();
    private OkHttpClient tlsClient;
    private OkHttpClient client;

    @BeforeEach
    void start() throws IOException {
        String host = InetAddress.getByName("localhost").getCanonicalHostName();
        HeldCertificate cert = new HeldCertificate.Builder().addSubjectAlternativeName(host).build();
        HandshakeCertificates server = new HandshakeCertificates.Builder().heldCertificate(cert).build();
        HandshakeCertificates trust = new HandshakeCertificates.Builder().addTrustedCertificate(cert.certificate())
            .build();
        secure.useHttps(server.sslSocketFactory());
        plain.start();
        secure.start();
        tlsClient = new OkHttpClient.Builder().sslSocketFactory(trust.sslSocketFactory(), trust.trustManager())
            .build();
        Supplier<OkHttpClient> tls = () -> {
            tlsAsked.incrementAndGet();
            return tlsClient;
        };
        client = TlsOnDemand.client(new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(60)), tls);
    }

    @AfterEach
    void stop() {
        plain.close();
        secure.close();
    }

    private static String body(Response r) throws IOException {
        return r.body().string();
    }

    @Test
    void aPlainArchiveNeverSetsUpTls() throws IOException {
        assertThrows(IllegalStateException.class, client::sslSocketFactory, "the client itself has no TLS");
        plain.enqueue(new MockResponse.Builder().body("plain answer").build());
        try (Response r = client.newCall(new Request.Builder().url(plain.url("/tap/sync")).build()).execute()) {
            assertEquals(200, r.code());
            assertEquals("plain answer", body(r));
        }
        assertEquals(0, tlsAsked.get());
    }

    @Test
    void aRedirectToHttpsGoesWholeToTheTlsClientKeepingMethodAndBody() throws Exception {
        // 307 keeps the method and the body: the TLS client must send the same POST to where it leads
        plain.enqueue(new MockResponse.Builder().code(307).setHeader("Location", secure.url("/tap/sync")).build());
        plain.enqueue(new MockResponse.Builder().code(307).setHeader("Location", secure.url("/tap/sync")).build());
        secure.enqueue(new MockResponse.Builder().body("secure answer").build());
        Request post = new Request.Builder().url(plain.url("/tap/sync"))
            .post(new FormBody.Builder().add("QUERY", "SELECT 1").build()).build();
        try (Response r = client.newCall(post).execute()) {
            assertEquals(200, r.code());
            assertEquals("secure answer", body(r));
            assertTrue(r.request().url().isHttps());
        }
        assertEquals(1, tlsAsked.get());
        assertEquals("/tap/sync", plain.takeRequest().getTarget());
        assertEquals("/tap/sync", plain.takeRequest().getTarget(), "the TLS client starts again from the plain URL");
        RecordedRequest got = secure.takeRequest();
        assertEquals("POST", got.getMethod());
        assertEquals("QUERY=SELECT+1", got.getBody().utf8());
        assertNotNull(got.getHandshake(), "over TLS");
    }

    @Test
    void plainRedirectsAreStillFollowedWithoutTls() throws IOException {
        plain.enqueue(new MockResponse.Builder().code(302).setHeader("Location", "/elsewhere").build());
        plain.enqueue(new MockResponse.Builder().body("moved").build());
        try (Response r = client.newCall(new Request.Builder().url(plain.url("/data")).build()).execute()) {
            assertEquals("moved", body(r));
        }
        assertEquals(0, tlsAsked.get());
    }

    @Test
    void anHttpsUrlGoesStraightToTheTlsClient() throws IOException {
        secure.enqueue(new MockResponse.Builder().body("job").build());
        try (Response r = client.newCall(new Request.Builder().url(secure.url("/tap/async/1")).build()).execute()) {
            assertEquals("job", body(r));
        }
        assertEquals(1, tlsAsked.get());
    }

    @Test
    void aVariantThatDoesNotFollowRedirectsGetsTheRedirectItself() throws IOException {
        OkHttpClient noRedirect = client.newBuilder().followRedirects(false).build();
        plain.enqueue(new MockResponse.Builder().code(303).setHeader("Location", secure.url("/tap/async/7")).build());
        try (Response r = noRedirect.newCall(new Request.Builder().url(plain.url("/tap/async")).build()).execute()) {
            assertEquals(303, r.code());
            assertEquals(secure.url("/tap/async/7").toString(), r.header("Location"));
        }
        assertEquals(0, tlsAsked.get());
        assertEquals(0, secure.getRequestCount());
    }

    @Test
    void theTlsRequestHasTheCallersTimeouts() {
        OkHttpClient impatient = client.newBuilder().readTimeout(Duration.ofMillis(300)).build();
        secure.enqueue(new MockResponse.Builder().headersDelay(20, TimeUnit.SECONDS).body("late").build());
        long t0 = System.nanoTime();
        assertThrows(SocketTimeoutException.class,
            () -> impatient.newCall(new Request.Builder().url(secure.url("/slow")).build()).execute());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 9_000, "gave up after the caller's 300 ms read timeout, not the TLS client's 10 s: " + ms);
    }

    @Test
    void cancellingTheCallCancelsTheTlsRequest() throws Exception {
        secure.enqueue(new MockResponse.Builder().headersDelay(60, TimeUnit.SECONDS).body("never").build());
        Call call = client.newCall(new Request.Builder().url(secure.url("/stalled")).build());
        CompletableFuture<Response> running = CompletableFuture.supplyAsync(() -> {
            try {
                return call.execute();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        // the TLS client's request has reached the server and waits for headers
        assertNotNull(secure.takeRequest(10, TimeUnit.SECONDS));
        long t0 = System.nanoTime();
        call.cancel();
        // (no timeout can end it first: the caller's read timeout is 60 s, and the TLS request has the caller's)
        ExecutionException e = assertThrows(ExecutionException.class, () -> running.get(20, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof java.io.UncheckedIOException, "failed with an IOException: " + e.getCause());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 5_000, "ended by the cancel, " + ms + " ms after it");
    }
}
