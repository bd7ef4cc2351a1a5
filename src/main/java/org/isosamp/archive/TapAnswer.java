package org.isosamp.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.logging.Logger;
import okhttp3.Response;
import org.isosamp.io.OutputTarget;
import org.isosamp.table.TableParameters;
import uk.ac.starlink.table.DescribedValue;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StoragePolicy;
import uk.ac.starlink.table.TableSink;

/**
 * Reads one TAP answer in one pass as it arrives, and checks it (HTTP status,
 * VOTable root, QUERY_STATUS before or after the table, a TABLE, well-formed
 * XML): into a table in STIL storage, into a {@link TableSink}, or byte for
 * byte into a VOTable file or stream ({@link OutputTarget}; without STIL: the
 * check skims the base64 rows, {@link StreamTextSkipper}). Stateless; thread-safe.
 */
final class TapAnswer {

    private static final Logger LOG = Logger.getLogger(TapClient.class.getName());

    private TapAnswer() {
    }

    /** What becomes of an answer. */
    enum Target { TABLE, VOTABLE_FILE, SINK }

    /**
     * Turns a TAP answer into a result or an {@link ArchiveException}, in one pass over the body;
     * the caller closes the response.
     */
    static QueryResult read(Response resp, long maxrec, Target target, OutputTarget file, TableSink sink,
                            StoragePolicy storage, DataClient.Listener received) throws IOException {
        String url = resp.request().url().toString();
        if (!resp.isSuccessful()) {
            throw new ArchiveException(TapClient.WHAT, url, resp.code(),
                                       TapVotable.errorMessage(TapClient.readLimited(resp)));
        }
        if (target == Target.VOTABLE_FILE) {
            return saveVotable(resp, maxrec, file, received);
        }
        BodyStream in = new BodyStream(resp, null, received);
        String name = tableName(resp);
        TapTables.StoreSink store = target == Target.TABLE
                ? new TapTables.StoreSink(storage != null ? storage : StoragePolicy.PREFER_MEMORY) : null;
        TapTables.Answer answer = TapTables.stream(in, store != null ? store : sink, name);
        if (answer.sinkFailure() != null) {
            throw answer.sinkFailure();
        }
        TapVotable.Status status = answer.status();
        check(resp, status, in.head());
        boolean overflow = status.overflow();
        List<DescribedValue> trailing = TapTables.parameters(status.trailing());
        if (store == null) {
            LOG.fine(() -> url + ": streamed" + (overflow ? ", OVERFLOW" : ""));
            return new QueryResult(null, overflow, maxrec, trailing);
        }
        StarTable table = TableParameters.appended(store.table(), trailing);
        LOG.fine(() -> url + ": " + table.getRowCount() + " rows" + (overflow ? ", OVERFLOW" : ""));
        return new QueryResult(table, overflow, maxrec, trailing);
    }

    /**
     * Copies the body to {@code file} (a part file beside it, or straight into a device or stream) while checking
     * it, then puts it in place.
     */
    private static QueryResult saveVotable(Response resp, long maxrec, OutputTarget file,
                                           DataClient.Listener received) throws IOException {
        String url = resp.request().url().toString();
        try (OutputTarget.Writing part = file.open()) {
            TapVotable.Status status;
            BodyStream in;
            try (OutputStream out = new java.io.BufferedOutputStream(part.newOutputStream(), 1 << 16)) {
                in = new BodyStream(resp, out, received);
                // the parser checks the structure; the base64 rows are checked as bytes (StreamTextSkipper)
                try {
                    status = TapVotable.scan(new StreamTextSkipper(in));
                } catch (IOException e) {
                    in.throwCopyFailure();
                    throw e;
                }
                in.throwCopyFailure(); // the parser may have taken a failed write for malformed XML
                if (status.malformed() == null && status.error() == null) {
                    in.drain(); // whatever follows the root element, so that the copy is the whole body
                }
            }
            check(resp, status, in.head());
            part.commit();
            boolean overflow = status.overflow();
            LOG.fine(() -> url + ": saved to " + file + (overflow ? ", OVERFLOW" : ""));
            return new QueryResult(null, overflow, maxrec);
        }
    }

    /** @return the name STIL gives a table read from the answer's URL: its last path segment ("sync", "result") */
    private static String tableName(Response resp) {
        List<String> segs = resp.request().url().pathSegments();
        for (int i = segs.size() - 1; i >= 0; i--) {
            if (!segs.get(i).isEmpty()) {
                return segs.get(i);
            }
        }
        return null;
    }

    /** Throws unless the pass saw a VOTable with a TABLE, no error status and no malformed XML. */
    private static void check(Response resp, TapVotable.Status status, byte[] head) throws ArchiveException {
        String url = resp.request().url().toString();
        if (!status.votable()) {
            throw new ArchiveException(TapClient.WHAT, url, 0, "HTTP " + resp.code() + " but the body is not a VOTable ("
                    + (status.root() == null ? "not XML" : "root element " + status.root())
                    + ", Content-Type " + resp.header("Content-Type") + "): " + TapVotable.snippet(head));
        }
        if (status.error() != null) {
            throw new ArchiveException(TapClient.WHAT, url, 0, status.error());
        }
        if (status.malformed() != null) {
            throw new ArchiveException(TapClient.WHAT, url, 0, "the VOTable breaks off as malformed XML: " + status.malformed());
        }
        if (!status.hasTable()) {
            throw new ArchiveException(TapClient.WHAT, url, 0, "VOTable without TABLE and without QUERY_STATUS=ERROR");
        }
    }

    /**
     * A response body as the parser reads it: keeps its first bytes (for messages), copies
     * every byte to {@code copy} if given, reports the bytes so far to {@code received} if given,
     * and ignores {@code close} (the response is closed by its owner, after {@link #drain}).
     */
    private static final class BodyStream extends java.io.FilterInputStream {
        private static final int HEAD = 4096;
        private final OutputStream copy;
        private final DataClient.Listener received;
        private final long length;
        private final byte[] head = new byte[HEAD];
        private int headLength;
        private long count;
        private IOException copyFailure;

        BodyStream(Response resp, OutputStream copy, DataClient.Listener received) {
            super(BufferedReadSockets.bodySource(resp).inputStream());
            this.copy = copy;
            this.received = received;
            this.length = resp.body().contentLength();
        }

        private void seen(byte[] b, int off, int n) throws IOException {
            count += n;
            if (received != null) {
                received.progress(count, length);
            }
            if (headLength < HEAD) {
                int k = Math.min(n, HEAD - headLength);
                System.arraycopy(b, off, head, headLength, k);
                headLength += k;
            }
            if (copy != null) {
                try {
                    copy.write(b, off, n);
                } catch (IOException e) {
                    copyFailure = e;
                    throw e;
                }
            }
        }

        /** Throws the failure of a write to the copy, if one failed (whatever the reader made of it). */
        void throwCopyFailure() throws IOException {
            if (copyFailure != null) {
                throw copyFailure;
            }
        }

        @Override
        public int read() throws IOException {
            int c = in.read();
            if (c >= 0) {
                seen(new byte[] {(byte) c}, 0, 1);
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                seen(b, off, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buf = new byte[(int) Math.min(n, 8192)];
            int r = read(buf, 0, buf.length);
            return Math.max(r, 0);
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public void close() {
            // the response is closed by its owner
        }

        /** Reads (and copies) the rest of the body. */
        void drain() throws IOException {
            byte[] buf = new byte[8192];
            while (read(buf, 0, buf.length) >= 0) {
                // copied by read
            }
        }

        /** @return the first bytes of the body, reading on if the parser stopped before them (for messages) */
        byte[] head() {
            try {
                byte[] buf = new byte[HEAD];
                while (headLength < HEAD && read(buf, 0, HEAD - headLength) >= 0) {
                    // kept by read
                }
            } catch (IOException e) {
                // what was read is enough for a message
            }
            return java.util.Arrays.copyOf(head, headLength);
        }
    }
}
