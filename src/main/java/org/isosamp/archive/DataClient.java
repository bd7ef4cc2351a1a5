package org.isosamp.archive;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
import okhttp3.ResponseBody;
import okio.BufferedSink;
import okio.BufferedSource;
import okio.Okio;
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
 * <p><b>Streaming</b>: the body goes straight to {@code targetDir/.<name>.part} and never lies whole in memory;
 * once complete (byte count equal to {@code Content-Length} or {@code Content-Range}'s length, when given) it is
 * moved atomically over {@code targetDir/<name>}. On any failure the {@code .part} file is deleted and an
 * existing file of the final name is left untouched.
 *
 * <p><b>Naming</b>: see {@link FileNames}: the server's {@code Content-Disposition} name (tolerantly parsed;
 * without one the URL's tdt plus an extension from {@code Content-Type}); a requested name gets the server's
 * extension only when it does not already end with it; both are reduced to a safe basename inside
 * {@code targetDir}.
 *
 * <p><b>Errors and retries</b>: a 4xx is an {@link ArchiveException} at once (URL, status, first 200 characters
 * of the body). A 5xx and an {@link IOException} while connecting or reading the body (reset, timeout, truncated
 * body) are retried up to 3 times after 100, 200 and 400 ms; when the server advertised
 * {@code Accept-Ranges: bytes} the retry asks {@code Range: bytes=<have>-} and appends if the answer is a 206
 * whose {@code Content-Range} starts there, else starts over. A 200 {@code text/html} page is an
 * {@link ArchiveException} ("got an HTML page instead of a product"), not retried. Timeouts are those of the
 * injected {@link OkHttpClient}. {@code Accept-Encoding: identity} is sent, so byte offsets are file offsets.
 *
 * <p>Immutable and thread-safe; concurrent downloads to the same final name in the same directory are not
 * supported (they share the {@code .part} file).
 */
public final class DataClient {

    /** Progress of one download. */
    public interface Listener {
        /**
         * @param bytes bytes of the product now on disk
         * @param total the product's size, or -1 when unknown
         */
        void progress(long bytes, long total);
    }

    static final String WHAT = "IDA product download";
    static final int MAX_RETRIES = 3;
    static final long FIRST_BACKOFF_MILLIS = 100;

    private static final Logger LOG = Logger.getLogger(DataClient.class.getName());
    private static final Pattern TDT = Pattern.compile("[0-9]{1,10}");
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)");
    /** Most bytes moved per read: progress is reported this often. */
    private static final long CHUNK = 1L << 20;

    private final OkHttpClient http;
    private final HttpUrl dataBase;

    /**
     * @param http     the shared client; its timeouts apply
     * @param dataBase the data endpoint, e.g. {@code https://nida.esac.esa.int/nida-sl-tap/data}
     */
    public DataClient(OkHttpClient http, HttpUrl dataBase) {
        this.http = Objects.requireNonNull(http, "http");
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
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(targetDir, "targetDir");
        Files.createDirectories(targetDir);
        Attempts state = new Attempts();
        try {
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
                    LOG.log(Level.WARNING, "retrying after " + e.getMessage());
                } catch (NonRetryable e) {
                    throw (IOException) e.getCause();
                } catch (IOException e) {
                    if (attempt >= MAX_RETRIES) {
                        throw e;
                    }
                    LOG.log(Level.WARNING, "retrying " + url + " after " + state.have + " bytes: " + e);
                }
                sleep(FIRST_BACKOFF_MILLIS << attempt);
            }
        } finally {
            if (state.part != null) {
                Files.deleteIfExists(state.part);
            }
        }
    }

    /** Mutable state carried from one attempt to the next. */
    private static final class Attempts {
        Path part;
        Path target;
        long have;
        long total = -1;
        boolean ranges;
    }

    /** Wraps an IOException that must not be retried (hostile name, local file failure before the body). */
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
        try (Response resp = http.newCall(rb.build()).execute()) {
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
                    s.part = FileNames.inside(dir, "." + name + ".part");
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
            copy(resp.body(), s, append, listener);
            if (s.total >= 0 && s.have != s.total) {
                throw new IOException("truncated product from " + url + ": got " + s.have + " of " + s.total
                    + " bytes");
            }
        }
        move(s.part, s.target);
        s.part = null;
        LOG.fine(() -> "wrote " + url + " to " + s.target + " (" + s.have + " bytes)");
        return s.target;
    }

    private static void copy(ResponseBody body, Attempts s, boolean append, Listener listener) throws IOException {
        BufferedSink sink;
        try {
            // Okio writes one 8 KiB segment per call: a 1 MiB buffer below it makes 1 MiB syscalls
            sink = Okio.buffer(Okio.sink(new BufferedOutputStream(append
                ? Files.newOutputStream(s.part, StandardOpenOption.WRITE, StandardOpenOption.APPEND)
                : Files.newOutputStream(s.part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                                        StandardOpenOption.TRUNCATE_EXISTING), 1 << 20)));
        } catch (IOException e) {
            throw new NonRetryable(e);
        }
        if (listener != null) {
            listener.progress(s.have, s.total);
        }
        // Okio moves the body's segments into the file's buffer without copying them through a byte[]
        try (sink; BufferedSource source = body.source()) {
            long n;
            while ((n = source.read(sink.getBuffer(), CHUNK)) != -1) {
                s.have += n;
                sink.emitCompleteSegments();
                if (listener != null) {
                    listener.progress(s.have, s.total);
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
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

    @Override
    public String toString() {
        return "DataClient[" + dataBase + "]";
    }
}
