package org.isosamp.archive;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;
import org.isosamp.io.IfExists;
import org.isosamp.io.OutputTarget;
import org.isosamp.model.ProductLevel;
import org.isosamp.model.RetrievalType;

/**
 * Downloads products from the IDA data endpoint ({@code .../nida-sl-tap/data}).
 *
 * <pre>{@code
 * DataClient data = new DataClient(http, HttpUrl.get("https://nida.esac.esa.int/nida-sl-tap/data"));
 * Path tar = data.download(data.productUrl("80000203", RetrievalType.OBSERVATION, null), dir, "80000203", null);
 * // dir/80000203.tar
 * }</pre>
 *
 * <p><b>Streaming</b>: the body goes straight to a hidden {@code targetDir/.<name>.<random>.part} file
 * ({@link OutputTarget}) through one 256 KiB direct buffer and never lies whole in memory; once complete (byte
 * count equal to {@code Content-Length} or {@code Content-Range}'s length, when given) it is moved atomically to
 * {@code targetDir/<name>}. The part file lives for the whole call, retries included; on any failure, and when
 * the JVM exits meanwhile (Ctrl-C), it is deleted and an existing file of the final name is left untouched.
 * An existing file of the final name is refused ({@link IfExists#REFUSE}, the default) or replaced, once the name
 * is known and before the body is read; a symbolic link is written through, a device or FIFO straight (and then
 * a failure after the first bytes is not retried: they cannot be taken back).
 *
 * <p><b>Naming</b>: see {@link FileNames}: the server's {@code Content-Disposition} name (tolerantly parsed;
 * without one the URL's tdt plus an extension from {@code Content-Type}), reduced to a safe basename inside
 * {@code targetDir}; a requested name must be a plain file name (refused with an
 * {@link IllegalArgumentException} otherwise, never renamed) and gets the server's extension only when it does
 * not already end with it.
 *
 * <p><b>Errors and retries</b>: a 4xx is an {@link ArchiveException} at once (URL, status, first 200 characters
 * of the body). A 5xx and an {@link IOException} while connecting or reading the body (reset, timeout, truncated
 * body) are retried up to 3 times after 100, 200 and 400 ms; when the server advertised
 * {@code Accept-Ranges: bytes} the retry asks {@code Range: bytes=<have>-} and appends if the answer is a 206
 * whose {@code Content-Range} starts there, else starts over. A 200 {@code text/html} page is an
 * {@link ArchiveException} ("got an HTML page instead of a product"), not retried; nor is a local file failure
 * (the {@code .part} file cannot be created, written or moved into place, e.g. a full disk), nor anything once
 * the calling thread is interrupted (an {@link InterruptedIOException}). Timeouts are those of the injected
 * {@link OkHttpClient}; over HTTP/1 the read timeout is enforced by the socket alone (see {@code copy}).
 * {@code Accept-Encoding: identity} is sent, so byte offsets are file offsets. At {@code FINE} the log reports each product's bytes, seconds (from
 * the first request to the rename, retries included) and MB/s.
 *
 * <p>Immutable and thread-safe; concurrent downloads to the same final name in the same directory each write a
 * part file of their own, and the last to finish wins.
 */
public final class DataClient {

    /** Progress of one download. */
    public interface Listener {
        /**
         * @param bytes bytes of the product now on disk
         * @param total the product's size, or -1 when unknown
         */
        void progress(long bytes, long total);

        /**
         * A failed attempt is about to be retried (after a short pause). The library only reports it, at
         * {@code FINE} in its log and here; a face decides whether to show it.
         *
         * @param retry the retry about to be made, from 1
         * @param of    the most retries that will be made
         * @param cause what failed
         */
        default void retrying(int retry, int of, IOException cause) {
        }

        /**
         * A request of the download is about to be sent (once per attempt). A face that offers Cancel keeps
         * {@code abort} and runs it, from any thread, together with interrupting the downloading thread: the
         * interruption alone stops the transfer only at its next file write, while {@code abort} also ends a
         * request waiting on a silent server (its socket is closed; the download then fails with an
         * {@link IOException} and is not retried, since its thread is interrupted).
         *
         * @param abort cancels the request in flight; does nothing once it has completed
         */
        default void requesting(Runnable abort) {
        }
    }

    static final String WHAT = "IDA product download";
    static final int MAX_RETRIES = 3;
    static final long FIRST_BACKOFF_MILLIS = 100;

    private static final Logger LOG = Logger.getLogger(DataClient.class.getName());
    private static final Pattern TDT = Pattern.compile("[0-9]{1,10}");
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)");
    /**
     * Bytes per file write: the size of the one direct buffer a download streams through. Small enough to stay in
     * the CPU's cache between filling and writing: with 1 MiB, the kernel's copy into the page cache took about
     * 1.1 s of CPU per GiB instead of 0.06-0.09 s (perf, 1 GiB over loopback; see bench/RESULTS.md).
     */
    static final int CHUNK = 256 << 10;
    /** A body slower than {@link #CHUNK} per this long is still written, and reported, this often. */
    private static final long PROGRESS_NANOS = 100_000_000L;

    private final OkHttpClient http;
    private final HttpUrl dataBase;

    /**
     * @param http     the shared client; its timeouts apply. With the default socket factory, downloads use a
     *                 variant of it whose sockets read the network 256 KiB at a time
     *                 ({@link BufferedReadSockets#reading}); another socket factory is used as it is.
     * @param dataBase the data endpoint, e.g. {@code https://nida.esac.esa.int/nida-sl-tap/data}
     */
    public DataClient(OkHttpClient http, HttpUrl dataBase) {
        Objects.requireNonNull(http, "http");
        this.http = BufferedReadSockets.reading(http);
        this.dataBase = Objects.requireNonNull(dataBase, "dataBase");
    }

    /**
     * The URL of one product: {@code retrieval_type=<TYPE>&tdt=<tdt>[&product_level=<LEVEL>]
     * &DATA_RETRIEVAL_ORIGIN=iso-samp}, encoded. {@code product_level} is sent for OBSERVATION only (null means
     * {@link ProductLevel#DEFAULT_DATA_SET}) and ignored for the other types.
     *
     * @param tdt   the TDT, 1 to 10 digits, as a string (leading zeros kept)
     * @param type  what to retrieve
     * @param level the product level of an OBSERVATION, or null
     * @throws IllegalArgumentException when tdt is not 1 to 10 digits
     */
    public HttpUrl productUrl(String tdt, RetrievalType type, ProductLevel level) {
        if (tdt == null || !TDT.matcher(tdt).matches()) {
            throw new IllegalArgumentException("tdt " + (tdt == null ? "null" : "\"" + tdt + "\"")
                + " is not a TDT: expected digits");
        }
        Objects.requireNonNull(type, "type");
        HttpUrl.Builder b = dataBase.newBuilder()
            .addQueryParameter("retrieval_type", type.name())
            .addQueryParameter("tdt", tdt);
        if (type == RetrievalType.OBSERVATION) {
            b.addQueryParameter("product_level", (level == null ? ProductLevel.DEFAULT_DATA_SET : level).name());
        }
        return b.addQueryParameter("DATA_RETRIEVAL_ORIGIN", "iso-samp").build();
    }

    /**
     * Downloads one product into {@code targetDir} (created if missing). See the class comment for naming,
     * retries and what is left behind on failure.
     *
     * @param url           the product URL, e.g. from {@link #productUrl}
     * @param targetDir     the directory to write into
     * @param requestedName the file name wanted (the server's extension is added unless present), or null for
     *                      the server's name
     * @param listener      progress, or null
     * @return the downloaded file
     * @throws ArchiveException on an HTTP error status or an HTML page
     * @throws IOException      on a network or file failure that retries did not overcome, or a hostile name
     */
    public Path download(HttpUrl url, Path targetDir, String requestedName, Listener listener) throws IOException {
        return download(url, targetDir, requestedName, IfExists.REFUSE, listener);
    }

    /**
     * As {@link #download(HttpUrl, Path, String, Listener)}, replacing an existing file of the final name or not.
     *
     * @param ifExists what to do with a file already at the final name
     * @throws org.isosamp.io.OutputExistsException when it is there and {@code ifExists} is REFUSE
     * @throws IllegalArgumentException when {@code requestedName} is not a bare file name
     */
    public Path download(HttpUrl url, Path targetDir, String requestedName, IfExists ifExists, Listener listener)
            throws IOException {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(targetDir, "targetDir");
        Objects.requireNonNull(ifExists, "ifExists");
        if (requestedName != null) {
            FileNames.requireBareName(requestedName);
        }
        try {
            Files.createDirectories(targetDir);
        } catch (IOException e) {
            throw org.isosamp.io.FileErrors.about(targetDir.toString(), e);
        }
        Attempts state = new Attempts();
        state.ifExists = ifExists;
        state.startNanos = System.nanoTime();
        try (state) {
            for (int attempt = 0; ; attempt++) {
                try {
                    Path done = tryOnce(url, targetDir, requestedName, listener, state);
                    if (done != null) {
                        return done;
                    }
                } catch (ArchiveException e) {
                    if (e.status() < 500 || attempt >= MAX_RETRIES) {
                        throw e;
                    }
                    retrying(url, attempt, e, listener);
                } catch (NonRetryable e) {
                    throw (IOException) e.getCause();
                } catch (IOException e) {
                    if (attempt >= MAX_RETRIES || Thread.currentThread().isInterrupted()
                        || state.part != null && state.part.straight() && state.have > 0) {
                        throw e;
                    }
                    retrying(url, attempt, e, listener);
                }
                sleep(FIRST_BACKOFF_MILLIS << attempt);
            }
        }
    }

    /** Reports a retry: to the listener, and to the log at FINE (a retry that works is no warning). */
    private static void retrying(HttpUrl url, int attempt, IOException e, Listener listener) {
        LOG.log(Level.FINE, "retrying (" + (attempt + 1) + " of " + MAX_RETRIES + ") " + url, e);
        if (listener != null) {
            listener.retrying(attempt + 1, MAX_RETRIES, e);
        }
    }

    /** Mutable state carried from one attempt to the next; closing it drops an uncommitted part file. */
    private static final class Attempts implements AutoCloseable {
        OutputTarget.Writing part;
        Path target;
        IfExists ifExists;
        long startNanos;
        long have;
        long total = -1;
        boolean ranges;

        @Override
        public void close() throws IOException {
            if (part != null) {
                part.close();
            }
        }
    }

    /** Wraps an IOException that must not be retried (hostile name, HTML page, local file failure). */
    private static final class NonRetryable extends IOException {
        private static final long serialVersionUID = 1L;

        NonRetryable(IOException cause) {
            super(cause);
        }
    }

    /** @return the final file, or null to try again without a range (the range answer was unusable) */
    private Path tryOnce(HttpUrl url, Path dir, String requestedName, Listener listener, Attempts s)
            throws IOException {
        boolean askRange = s.ranges && s.have > 0 && s.part != null;
        Request.Builder rb = new Request.Builder().url(url).header("Accept-Encoding", "identity");
        if (askRange) {
            rb.header("Range", "bytes=" + s.have + "-");
        }
        LOG.fine(() -> "GET " + url + (askRange ? " from byte " + s.have : ""));
        okhttp3.Call call = http.newCall(rb.build());
        if (listener != null) {
            listener.requesting(call::cancel);
        }
        try (Response resp = call.execute()) {
            int code = resp.code();
            if (code == 416 && askRange) {
                s.have = 0;
                s.ranges = false;
                return null;
            }
            if (!resp.isSuccessful()) {
                throw new ArchiveException(WHAT, url.toString(), code, snippet(resp));
            }
            MediaType type = resp.body().contentType();
            if (type != null && "text".equalsIgnoreCase(type.type()) && "html".equalsIgnoreCase(type.subtype())) {
                throw new NonRetryable(new ArchiveException(WHAT, url.toString(), code,
                    "got an HTML page instead of a product: " + snippet(resp)));
            }
            if (s.target == null) {
                try {
                    String server = FileNames.serverName(resp.header("Content-Disposition"), type, url);
                    String name = FileNames.finalName(requestedName, server);
                    s.target = FileNames.inside(dir, name);
                    s.part = OutputTarget.file(s.target, s.ifExists).open();
                } catch (IOException e) {
                    throw new NonRetryable(e);
                }
            }
            boolean append = false;
            long bodyLength = resp.body().contentLength();
            if (code == 206) {
                Matcher m = CONTENT_RANGE.matcher(String.valueOf(resp.header("Content-Range")));
                if (askRange && m.matches() && Long.parseLong(m.group(1)) == s.have) {
                    append = true;
                    s.total = m.group(3).equals("*") ? (bodyLength < 0 ? -1 : s.have + bodyLength)
                        : Long.parseLong(m.group(3));
                } else {
                    LOG.warning(() -> "unusable partial answer (Content-Range " + resp.header("Content-Range")
                        + ") from " + url + ": starting over");
                    s.have = 0;
                    s.ranges = false;
                    return null;
                }
            } else {
                s.have = 0;
                s.total = bodyLength;
                s.ranges = "bytes".equalsIgnoreCase(String.valueOf(resp.header("Accept-Ranges")).trim());
            }
            copy(resp, s, append, listener);
            if (s.total >= 0 && s.have != s.total) {
                throw new IOException("truncated product from " + url + ": got " + s.have + " of " + s.total
                    + " bytes");
            }
        }
        try {
            s.part.commit();
        } catch (IOException e) {
            throw new NonRetryable(e);
        }
        LOG.fine(() -> {
            double seconds = (System.nanoTime() - s.startNanos) / 1e9;
            return String.format(Locale.ROOT, "wrote %s to %s: %d bytes in %.3f s (%.1f MB/s)",
                                 url, s.target, s.have, seconds, s.have / seconds / 1e6);
        });
        return s.target;
    }

    /**
     * Streams the body into the part file through one direct buffer and a {@link FileChannel}, serially on the
     * calling thread. {@code s.have} counts bytes on disk only: when the body fails part-way, what arrived is
     * written first, so a retry asks for exactly the rest.
     *
     * @throws NonRetryable when the file cannot be opened or written
     * @throws IOException  when the body cannot be read (reset, timeout, interrupt)
     */
    private static void copy(Response resp, Attempts s, boolean append, Listener listener) throws IOException {
        FileChannel file;
        try {
            file = append ? s.part.appendChannel() : s.part.newChannel();
        } catch (IOException e) {
            throw new NonRetryable(e);
        }
        if (listener != null) {
            listener.progress(s.have, s.total);
        }
        try (file; BufferedSource source = BufferedReadSockets.bodySource(resp)) {
            long left = s.total >= 0 ? s.total - s.have : CHUNK;
            ByteBuffer buf = ByteBuffer.allocateDirect((int) Math.max(1, Math.min(CHUNK, left)));
            long lastWrite = System.nanoTime();
            while (true) {
                int n;
                try {
                    n = source.read(buf);
                } catch (IOException e) {
                    write(file, buf, s, listener, e);
                    throw e;
                }
                if (n == -1) {
                    break;
                }
                // a full buffer is written at once; a slow body at least every PROGRESS_NANOS
                if (!buf.hasRemaining() || System.nanoTime() - lastWrite > PROGRESS_NANOS) {
                    write(file, buf, s, listener, null);
                    lastWrite = System.nanoTime();
                }
            }
            write(file, buf, s, listener, null);
        }
    }

    /**
     * Writes and clears {@code buf}, adds what was written to {@code s.have} and reports progress.
     *
     * @param pending the read failure being handled, or null; kept as suppressed if the write fails too
     */
    private static void write(FileChannel file, ByteBuffer buf, Attempts s, Listener listener, IOException pending)
            throws NonRetryable {
        buf.flip();
        if (!buf.hasRemaining()) {
            buf.clear();
            return;
        }
        try {
            while (buf.hasRemaining()) {
                s.have += file.write(buf);
            }
        } catch (IOException e) {
            IOException local;
            if (e instanceof ClosedByInterruptException) {
                local = new InterruptedIOException("interrupted while writing " + s.target);
                local.initCause(e);
            } else {
                local = s.part.target().failure(e); // the user's file and the reason: "x.tar: No space left on device"
            }
            if (pending != null) {
                local.addSuppressed(pending);
            }
            throw new NonRetryable(local);
        }
        buf.clear();
        if (listener != null) {
            listener.progress(s.have, s.total);
        }
    }

    /** @return the first 200 characters of the body, blanks collapsed and trimmed; "" if unreadable */
    static String snippet(Response resp) {
        try {
            String text = resp.peekBody(4096).string();
            text = text.replaceAll("\\s+", " ").trim();
            return text.length() > 200 ? text.substring(0, 200).trim() : text;
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static void sleep(long millis) throws InterruptedIOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException ie = new InterruptedIOException("interrupted while waiting to retry");
            ie.initCause(e);
            throw ie;
        }
    }

    /** @return the client downloads go through (tests) */
    OkHttpClient httpClient() {
        return http;
    }

    @Override
    public String toString() {
        return "DataClient[" + dataBase + "]";
    }
}
