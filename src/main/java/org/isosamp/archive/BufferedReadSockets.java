package org.isosamp.archive;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * Plain sockets whose input stream reads the network {@code size} bytes at a time, for {@link DataClient}'s
 * {@link okhttp3.OkHttpClient} (TLS, when used, is layered on top by OkHttp as usual).
 *
 * <p>Why: Okio reads a socket one 8 KiB segment at a time, so a 1 GiB body is 131 072 {@code read} calls; on our
 * virtual machines a system call costs more than copying 8 KiB, and this buffer makes that 4 096 calls for one more
 * copy in memory. Nothing else changes: the socket's {@code SO_TIMEOUT} (which OkHttp sets to its read timeout)
 * still fails a read that waits too long, and a read returns as soon as any bytes arrive (it never waits to fill
 * the buffer).
 *
 * <p>The factory is immutable and thread-safe; each socket, like any {@link Socket}, is used by one connection.
 */
final class BufferedReadSockets extends SocketFactory {

    private final int size;

    /** Bytes asked of the network per socket read by {@link #reading}'s clients. */
    static final int SIZE = 256 << 10;

    /**
     * @param http a client
     * @return with the default socket factory, a variant of {@code http} ({@link OkHttpClient#newBuilder()}: same
     *         pool and dispatcher) whose sockets read the network {@link #SIZE} bytes at a time; with another socket
     *         factory, {@code http} as it is
     */
    static OkHttpClient reading(OkHttpClient http) {
        return http.socketFactory() == SocketFactory.getDefault()
            ? http.newBuilder().socketFactory(new BufferedReadSockets(SIZE)).build()
            : http;
    }

    /**
     * The body of {@code resp}, to be read fast: OkHttp applies the read timeout twice on HTTP/1, as the socket's
     * {@code SO_TIMEOUT} and as an Okio timeout around every read of at most 8 KiB, which wakes Okio's watchdog
     * thread each time (half the CPU time of reading a fast body). On HTTP/1 this drops the second; the socket's
     * timeout alone still fails a read that waits too long. Other protocols keep both.
     *
     * @param resp a response with a body
     * @return its body's source
     */
    static BufferedSource bodySource(Response resp) {
        BufferedSource source = resp.body().source();
        if (resp.protocol() == Protocol.HTTP_1_1 || resp.protocol() == Protocol.HTTP_1_0) {
            source.timeout().timeout(0, TimeUnit.NANOSECONDS);
        }
        return source;
    }

    /** @param size bytes asked of the network per read, at least 1 */
    BufferedReadSockets(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size (" + size + ") must be positive");
        }
        this.size = size;
    }

    /** An unconnected socket; OkHttp connects it. */
    @Override
    public Socket createSocket() {
        return new BufferedReadSocket(size);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(null, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(localHost, localPort), new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(null, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(localAddress, localPort), new InetSocketAddress(address, port));
    }

    private Socket connected(InetSocketAddress local, InetSocketAddress remote) throws IOException {
        Socket s = createSocket();
        try {
            if (local != null) {
                s.bind(local);
            }
            s.connect(remote);
            return s;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    @Override
    public String toString() {
        return "BufferedReadSockets[" + size + " bytes per read]";
    }

    /** A plain socket whose {@link #getInputStream()} is one {@link BufferedInputStream} over the usual one. */
    static final class BufferedReadSocket extends Socket {
        private final int size;
        private InputStream in;

        BufferedReadSocket(int size) {
            this.size = size;
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                in = new BufferedInputStream(super.getInputStream(), size);
            }
            return in;
        }
    }
}
