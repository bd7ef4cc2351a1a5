package org.isosamp.local.tap;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Set;

/**
 * The HTTP client went away while the server read its request or wrote the answer: it closed or reset the
 * connection ({@code Broken pipe}, {@code Connection reset}). Clients do that when they give up on a request
 * (iso-samp cancels a cone search that a newer position made stale), so it is no server failure. {@link #watch}
 * makes an exchange's bodies throw it; code that meets an {@link IOException} asks {@link #isCause}.
 */
final class ClientGoneException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * What the JDK's own body streams say when our code misuses them (more bytes than the declared length, fewer,
     * a write after close, a body before the headers): our bug, not the client's leaving.
     */
    private static final Set<String> MISUSE = Set.of("stream closed", "too many bytes to write to stream",
        "insufficient bytes written to stream", "response headers not sent yet");

    private ClientGoneException(IOException cause) {
        super(cause.getMessage(), cause);
    }

    /**
     * Wraps the exchange's request and response bodies so that an I/O failure on the connection is a
     * {@code ClientGoneException}. Call before the handlers read or write anything.
     *
     * @param ex the exchange
     */
    static void watch(HttpExchange ex) {
        ex.setStreams(new In(ex.getRequestBody()), new Out(ex.getResponseBody()));
    }

    /**
     * @param e an exception
     * @return whether it, or one of its causes, is the client going away
     */
    static boolean isCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ClientGoneException) {
                return true;
            }
        }
        return false;
    }

    /** One read or write on the connection. */
    private interface Io {
        int run() throws IOException;
    }

    private static int onConnection(Io io) throws IOException {
        try {
            return io.run();
        } catch (ClientGoneException e) {
            throw e;
        } catch (IOException e) {
            if (MISUSE.contains(e.getMessage()) || e.getClass().getSimpleName().equals("StreamClosedException")) {
                throw e;
            }
            throw new ClientGoneException(e);
        }
    }

    /** The request body. */
    private static final class In extends InputStream {
        private final InputStream in;

        In(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            return onConnection(in::read);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return onConnection(() -> in.read(b, off, len));
        }

        @Override
        public void close() throws IOException {
            onConnection(() -> {
                in.close();
                return 0;
            });
        }
    }

    /** The response body. */
    private static final class Out extends OutputStream {
        private final OutputStream out;

        Out(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            onConnection(() -> {
                out.write(b);
                return 0;
            });
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            onConnection(() -> {
                out.write(b, off, len);
                return 0;
            });
        }

        @Override
        public void flush() throws IOException {
            onConnection(() -> {
                out.flush();
                return 0;
            });
        }

        @Override
        public void close() throws IOException {
            onConnection(() -> {
                out.close();
                return 0;
            });
        }
    }
}
