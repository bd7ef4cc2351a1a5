package org.isosamp.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Sockets that read the network in large pieces, against a plain loopback server socket. */
@Timeout(30)
class BufferedReadSocketsTest {

    private ServerSocket listener;

    @BeforeEach
    void listen() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void close() throws IOException {
        listener.close();
    }

    private Socket connect(BufferedReadSockets f) throws IOException {
        return f.createSocket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
    }

    @Test
    void sizeMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BufferedReadSockets(0));
        assertEquals("size (0) must be positive", e.getMessage());
    }

    @Test
    void aReadReturnsWhatHasArrivedWithoutWaitingToFillTheBuffer() throws IOException {
        try (Socket client = connect(new BufferedReadSockets(1 << 18)); Socket peer = listener.accept()) {
            client.setSoTimeout(10_000);
            assertSame(client.getInputStream(), client.getInputStream());
            peer.getOutputStream().write("ten bytes!".getBytes());
            byte[] b = new byte[8192];
            int n = client.getInputStream().read(b);
            assertEquals("ten bytes!", new String(b, 0, n));
        }
    }

    @Test
    void everyByteArrivesInOrderAndTheEndIsSeen() throws Exception {
        byte[] data = new byte[3 * (1 << 20) + 17];
        new Random(3).nextBytes(data);
        try (Socket client = connect(new BufferedReadSockets(1 << 16)); Socket peer = listener.accept()) {
            client.setSoTimeout(10_000);
            Thread writer = new Thread(() -> {
                try (OutputStream out = peer.getOutputStream()) {
                    for (int i = 0; i < data.length; i += 1000) {
                        out.write(data, i, Math.min(1000, data.length - i));
                    }
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            }, "test-socket-writer");
            writer.start();
            InputStream in = client.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] b = new byte[8192];
            for (int n; (n = in.read(b, 0, 8192)) != -1; ) {
                got.write(b, 0, n);
            }
            writer.join();
            assertArrayEquals(data, got.toByteArray());
        }
    }

    @Test
    void soTimeoutStillFailsAStalledRead() throws IOException {
        try (Socket client = connect(new BufferedReadSockets(1 << 18)); Socket peer = listener.accept()) {
            client.setSoTimeout(100);
            peer.getOutputStream().write(1);
            assertEquals(1, client.getInputStream().read());
            assertThrows(SocketTimeoutException.class, () -> client.getInputStream().read(new byte[10]));
            peer.getOutputStream().write(2); // still usable after the timeout
            assertEquals(2, client.getInputStream().read());
        }
    }

    @Test
    void factoryFormsConnectAndBind() throws IOException {
        BufferedReadSockets f = new BufferedReadSockets(4096);
        InetAddress lo = InetAddress.getLoopbackAddress();
        int port = listener.getLocalPort();
        for (Socket s : Arrays.asList(f.createSocket(lo.getHostAddress(), port), f.createSocket(lo, port, lo, 0),
                                      f.createSocket(lo.getHostAddress(), port, lo, 0))) {
            try (s; Socket peer = listener.accept()) {
                assertTrue(s.isConnected() && s instanceof BufferedReadSockets.BufferedReadSocket, s.toString());
                assertEquals(new InetSocketAddress(lo, port), s.getRemoteSocketAddress());
            }
        }
        assertThrows(IOException.class, () -> f.createSocket(lo, closedPort()));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void dataClientUsesThemOnlyInPlaceOfTheDefaultFactory() {
        OkHttpClient plain = new OkHttpClient.Builder().readTimeout(5, TimeUnit.SECONDS).build();
        HttpUrl base = HttpUrl.get("http://127.0.0.1:1/nida-sl-tap/data");
        assertTrue(http(new DataClient(plain, base)).socketFactory() instanceof BufferedReadSockets);
        assertEquals(5_000, http(new DataClient(plain, base)).readTimeoutMillis());
        BufferedReadSockets own = new BufferedReadSockets(1);
        OkHttpClient custom = plain.newBuilder().socketFactory(own).build();
        assertSame(own, http(new DataClient(custom, base)).socketFactory());
    }

    @Test
    void tapClientReadsAnswersThroughThemToo() {
        OkHttpClient plain = new OkHttpClient.Builder().readTimeout(5, TimeUnit.SECONDS).build();
        TapClient tap = new TapClient(plain, HttpUrl.get("http://127.0.0.1:1/nida-sl-tap/tap"));
        assertTrue(tap.httpClient().socketFactory() instanceof BufferedReadSockets);
        assertEquals(5_000, tap.httpClient().readTimeoutMillis());
        BufferedReadSockets own = new BufferedReadSockets(1);
        OkHttpClient custom = plain.newBuilder().socketFactory(own).build();
        assertSame(own, new TapClient(custom, HttpUrl.get("http://127.0.0.1:1/tap")).httpClient().socketFactory());
    }

    private static OkHttpClient http(DataClient c) {
        return c.httpClient();
    }
}
