package org.isosamp.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.isosamp.io.OutputTarget;
import org.isosamp.model.ColumnMeta;
import org.isosamp.model.TableMeta;
import org.xml.sax.SAXException;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StoragePolicy;
import uk.ac.starlink.table.TableSink;

/**
 * A TAP 1.1 client for the ISO Data Archive (or any TAP service): ADQL
 * queries, sync or async (UWS), and table metadata (VOSI {@code /tables},
 * falling back to {@code TAP_SCHEMA}).
 *
 * <p>Unlike astroquery's TapPlus it injects no {@code TOP}, always sends an
 * explicit {@code MAXREC} and reports {@code QUERY_STATUS=OVERFLOW}; timeouts
 * are those of the injected {@link OkHttpClient}; every failure is an
 * {@link IOException}: {@link ArchiveException} names the URL, HTTP status and
 * the server's own message. A query is cancelled by interrupting the
 * calling thread: a sync query's HTTP call is cancelled at once, an async
 * query's job is aborted and deleted, and {@link InterruptedIOException} is
 * thrown.
 *
 * <pre>{@code
 * TapClient tap = new TapClient(http, HttpUrl.get("https://nida.esac.esa.int/nida-sl-tap/tap"));
 * QueryResult r = tap.query(QueryRequest.builder("SELECT tdt, ra_deg, dec FROM ida.observations WHERE revno=800")
 *                                        .maxrec(10_000).build());
 * if (r.overflow()) { ... more rows than MAXREC ... }
 * }</pre>
 *
 * <p>Every answer is read in one pass as it arrives: the QUERY_STATUS check and
 * the rows (STIL) in the same SAX parse. {@link #queryToVotable} copies the
 * checked bytes to a file without touching STIL; {@link #queryToSink} streams
 * the rows on, e.g. into a table file being written.
 *
 * <p><b>Thread-safety:</b> immutable and thread-safe; one instance may serve
 * any number of concurrent queries. The returned tables are random-access
 * STIL tables: separate RowSequence/RowAccess objects may be used from
 * different threads, a given one may not.
 */
final class TapClient {

    private static final Logger LOG = Logger.getLogger(TapClient.class.getName());

    /** Longest WAIT asked for when polling a job, in seconds. */
    static final int MAX_WAIT_SECONDS = 30;

    /** MAXREC for the TAP_SCHEMA fallback. */
    static final long METADATA_MAXREC = 10_000_000L;

    static final String WHAT = "IDA TAP query";

    private final OkHttpClient http;
    private final OkHttpClient noRedirect;
    private final HttpUrl base;
    /** Storage for {@link #query} results; null for STIL's PREFER_MEMORY (resolved late: no STIL on the VOTable path). */
    private final StoragePolicy storage;
    /** The pause between polls of a service that ignores WAIT ({@link #sleep}; tests record it instead). */
    private final Pause pause;

    /** Waits between two polls of a job; {@link InterruptedIOException} when the thread is interrupted. */
    @FunctionalInterface
    interface Pause {
        void millis(long millis) throws InterruptedIOException;
    }

    /**
     * @param http    the shared client; its timeouts apply to every request. With the default socket factory,
     *                answers are read through a variant of it whose sockets read the network 256 KiB at a time
     *                ({@link BufferedReadSockets#reading})
     * @param tapBase the TAP service root, e.g. {@code https://nida.esac.esa.int/nida-sl-tap/tap}
     *                (a trailing slash is tolerated)
     */
    TapClient(OkHttpClient http, HttpUrl tapBase) {
        this(http, tapBase, null);
    }

    /** As the two-argument constructor, with the STIL storage policy for results (e.g. disk for huge answers). */
    TapClient(OkHttpClient http, HttpUrl tapBase, StoragePolicy storage) {
        this(http, tapBase, storage, TapClient::sleep);
    }

    /** As the three-argument constructor, pausing between polls with {@code pause} (tests: to see that none is taken). */
    TapClient(OkHttpClient http, HttpUrl tapBase, StoragePolicy storage, Pause pause) {
        this.pause = Objects.requireNonNull(pause, "pause");
        this.http = BufferedReadSockets.reading(Objects.requireNonNull(http, "http"));
        this.noRedirect = this.http.newBuilder().followRedirects(false).followSslRedirects(false).build();
        Objects.requireNonNull(tapBase, "tapBase");
        HttpUrl.Builder b = tapBase.newBuilder().query(null).fragment(null);
        List<String> segs = tapBase.pathSegments();
        for (int i = segs.size() - 1; i > 0 && segs.get(i).isEmpty(); i--) {
            b.removePathSegment(i);
        }
        HttpUrl root = b.build();
        if (root.pathSegments().size() == 1 && root.pathSegments().get(0).isEmpty()) {
            root = root.newBuilder().removePathSegment(0).build();
        }
        this.base = root;
        this.storage = storage;
    }

    /** @return the service root, without a trailing slash */
    HttpUrl base() {
        return base;
    }

    /**
     * Runs an ADQL query.
     *
     * @param request the query (sent as is, no TOP added), MAXREC (always sent), sync or async, listeners
     * @return the rows (random access) and the overflow flag
     * @throws ArchiveException         on an HTTP error, a QUERY_STATUS=ERROR, a job in ERROR/ABORTED, or a body that is not a VOTable
     * @throws InterruptedIOException   when the thread was interrupted (a sync call is cancelled; an async job is aborted and deleted)
     * @throws IOException              on network failures and timeouts
     */
    QueryResult query(QueryRequest request) throws IOException {
        return run(request, TapAnswer.Target.TABLE, null, null);
    }

    /**
     * Runs a query and saves the archive's VOTable answer as it came, once checked
     * (QUERY_STATUS not ERROR, a TABLE present): no parse, no rewrite. For a VOTable
     * output file this is what a client should do; other formats go through {@link #queryToSink}.
     *
     * @param file where the VOTable goes ({@link OutputTarget}: a file appears, or is replaced, atomically, and
     *             nothing is written on failure; a device or stream is written straight)
     * @return no table; the overflow flag (true when more rows than MAXREC exist)
     */
    QueryResult queryToVotable(QueryRequest request, OutputTarget file) throws IOException {
        Objects.requireNonNull(file, "file");
        return run(request, TapAnswer.Target.VOTABLE_FILE, file, null);
    }

    /**
     * Runs a query and streams its first table into a sink as the answer arrives: one SAX pass
     * checks QUERY_STATUS and decodes the rows, nothing is buffered or parsed twice. The sink gets
     * {@code acceptMetadata} (the table named after the result URL's last segment, as STIL names it,
     * when the TABLE has no name), the rows, then {@code endRows}; it must not take the table as good
     * until this method returns normally, since a QUERY_STATUS=ERROR may follow the table (then this
     * method throws after {@code endRows}).
     *
     * @param sink where the rows go; it may throw IOException to stop the query
     * @return no table; the overflow flag, and the INFOs that followed the table
     *         ({@link QueryResult#trailingParameters()}: part of the table's metadata for a reader
     *         of the whole document, but known only after the rows)
     * @throws ArchiveException as {@link #query}, and when the body breaks off as malformed XML
     * @throws IOException      on network failures and timeouts, or the sink's own failure
     */
    QueryResult queryToSink(QueryRequest request, TableSink sink) throws IOException {
        Objects.requireNonNull(sink, "sink");
        return run(request, TapAnswer.Target.SINK, null, sink);
    }

    private QueryResult run(QueryRequest request, TapAnswer.Target target, OutputTarget file, TableSink sink)
            throws IOException {
        String adql = request.adql();
        long maxrec = request.maxrec();
        Reader reader = resp -> TapAnswer.read(resp, maxrec, target, file, sink, storage, request.progress());
        return request.async() ? queryAsync(adql, maxrec, request.jobListener(), reader)
                               : querySync(adql, maxrec, reader);
    }

    /** Reads a response; the caller closes it. */
    @FunctionalInterface
    private interface Reader {
        QueryResult read(Response resp) throws IOException;
    }

    private FormBody.Builder form(String adql, long maxrec) {
        return new FormBody.Builder(StandardCharsets.UTF_8)
                .add("REQUEST", "doQuery")
                .add("LANG", "ADQL")
                .add("FORMAT", "votable")
                .add("MAXREC", Long.toString(maxrec))
                .add("QUERY", adql);
    }

    HttpUrl endpoint(String segment) {
        return base.newBuilder().addPathSegment(segment).build();
    }

    private QueryResult querySync(String adql, long maxrec, Reader reader) throws IOException {
        HttpUrl url = endpoint("sync");
        LOG.fine(() -> "POST " + url + " QUERY=" + adql + " MAXREC=" + maxrec);
        Request req = new Request.Builder().url(url).post(form(adql, maxrec).build()).build();
        try (Response resp = executeInterruptibly(http.newCall(req))) {
            return reader.read(resp);
        }
    }

    /** @return the client requests go through (tests) */
    OkHttpClient httpClient() {
        return http;
    }

    /** @return up to 64 KB of a body as text, for messages */
    static String readLimited(Response resp) {
        try (InputStream in = resp.body().byteStream()) {
            return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(body unreadable: " + e + ")";
        }
    }

    // ---------------------------------------------------------------- async

    private QueryResult queryAsync(String adql, long maxrec, JobListener phases, Reader reader)
            throws IOException {
        HttpUrl url = endpoint("async");
        LOG.fine(() -> "POST " + url + " QUERY=" + adql + " MAXREC=" + maxrec + " PHASE=RUN");
        Request req = new Request.Builder().url(url).post(form(adql, maxrec).add("PHASE", "RUN").build()).build();
        HttpUrl job;
        // interruptible as every other call: an archive slow to create the job must not outlast a Cancel
        try (Response resp = executeInterruptibly(noRedirect.newCall(req))) {
            if (resp.isRedirect()) {
                String loc = resp.header("Location");
                job = loc == null ? null : resp.request().url().resolve(loc);
                if (job == null) {
                    throw new ArchiveException(WHAT, url.toString(), resp.code(),
                            "job created without a usable Location header (" + loc + ")");
                }
            } else if (!resp.isSuccessful()) {
                throw new ArchiveException(WHAT, url.toString(), resp.code(), TapVotable.errorMessage(readLimited(resp)));
            } else {
                throw new ArchiveException(WHAT, url.toString(), 0,
                        "expected HTTP 303 and a job Location, got HTTP " + resp.code());
            }
        }
        HttpUrl jobUrl = job;
        LOG.fine(() -> "job " + jobUrl);
        if (phases != null) {
            phases.created(jobUrl.toString());
        }
        boolean cancelled = false;
        try {
            return awaitJob(jobUrl, phases, reader);
        } catch (InterruptedIOException e) {
            if (e instanceof SocketTimeoutException) {
                throw e;
            }
            cancelled = true;
            Thread.interrupted(); // clear, so that the clean-up requests can run
            abort(jobUrl);
            InterruptedIOException ie = new InterruptedIOException(
                    "IDA TAP async query cancelled (thread interrupted); job " + jobUrl + " aborted and deleted");
            ie.initCause(e);
            throw ie;
        } finally {
            boolean interrupted = Thread.interrupted() || cancelled;
            delete(jobUrl);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private QueryResult awaitJob(HttpUrl job, JobListener phases, Reader reader)
            throws IOException {
        String last = null;
        long backoffMillis = 100;
        boolean runSent = false;
        // true for the first look, and for the look after our RUN: the phase then is not the one last heard
        boolean lookNow = true;
        int wait = waitSeconds();
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("interrupted");
            }
            // the first look, and the one after our RUN, ask no WAIT: a WAIT begun on an EXECUTING job returns only
            // when it ends, so a job of minutes would be heard of only then (the window shows the phase beside its
            // Cancel)
            HttpUrl poll = wait > 0 && !lookNow
                    ? job.newBuilder().addQueryParameter("WAIT", Integer.toString(wait)).build() : job;
            lookNow = false;
            long t0 = System.nanoTime();
            UwsJob doc;
            LOG.fine(() -> "GET " + poll);
            try (Response resp = executeInterruptibly(http.newCall(new Request.Builder().url(poll).get().build()))) {
                if (!resp.isSuccessful()) {
                    throw new ArchiveException("IDA TAP async job", poll.toString(), resp.code(),
                            TapVotable.errorMessage(readLimited(resp)));
                }
                try (InputStream in = resp.body().byteStream()) {
                    doc = UwsJob.parse(in);
                } catch (SAXException e) {
                    throw new ArchiveException("IDA TAP async job", poll.toString(), 0,
                            "job document is not XML: " + e.getMessage(), e);
                }
            }
            String phase = doc.phase();
            if (phase == null) {
                throw new ArchiveException("IDA TAP async job", poll.toString(), 0, "job document without a phase");
            }
            boolean changed = !phase.equals(last);
            if (changed) {
                last = phase;
                if (phases != null) {
                    phases.accept(phase);
                }
            }
            switch (phase) {
                case "COMPLETED":
                    return fetchResult(job, doc, reader);
                case "ERROR":
                    throw new ArchiveException(WHAT, job.toString(), 0, jobError(job, doc));
                case "ABORTED":
                    throw new ArchiveException(WHAT, job.toString(), 0, "job was aborted by the service");
                case "PENDING":
                case "HELD":
                    if (!runSent) {
                        runSent = true;
                        postPhase(job, "RUN");
                        lookNow = true;
                        continue;
                    }
                    break;
                default:
                    break;
            }
            long elapsedMillis = (System.nanoTime() - t0) / 1_000_000;
            if (!changed && elapsedMillis < 500) {
                // the service ignores WAIT (or it is 0): back off instead of hammering it. A service that honours WAIT
                // never gets here: its answer comes when the phase changes (or after seconds), and is acted on at once
                pause.millis(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, 5_000);
            } else {
                backoffMillis = 100;
            }
        }
    }

    /** @return the WAIT to ask for: below the client's read/call timeouts, at most {@value #MAX_WAIT_SECONDS}; 0 to omit it */
    int waitSeconds() {
        int limit = MAX_WAIT_SECONDS * 1000;
        for (int t : new int[] {http.readTimeoutMillis(), http.callTimeoutMillis()}) {
            if (t > 0) {
                limit = Math.min(limit, t - 2000);
            }
        }
        return limit >= 1000 ? limit / 1000 : 0;
    }

    private QueryResult fetchResult(HttpUrl job, UwsJob doc, Reader reader) throws IOException {
        HttpUrl result = null;
        if (doc.resultHref() != null) {
            result = HttpUrl.parse(doc.resultHref());
            if (result == null) {
                result = job.resolve(doc.resultHref());
            }
        }
        if (result == null) {
            result = job.newBuilder().addPathSegments("results/result").build();
        }
        HttpUrl r = result;
        LOG.fine(() -> "GET " + r);
        try (Response resp = executeInterruptibly(http.newCall(new Request.Builder().url(result).get().build()))) {
            return reader.read(resp);
        }
    }

    /** @return the job's error message: GET {job}/error, else the job document's errorSummary */
    private String jobError(HttpUrl job, UwsJob doc) throws IOException {
        HttpUrl url = job.newBuilder().addPathSegment("error").build();
        LOG.fine(() -> "GET " + url);
        try (Response resp = executeInterruptibly(http.newCall(new Request.Builder().url(url).get().build()))) {
            if (resp.isSuccessful()) {
                String body = readLimited(resp);
                if (!body.isBlank()) {
                    return TapVotable.errorMessage(body);
                }
            } else {
                LOG.fine(() -> url + ": HTTP " + resp.code());
            }
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            LOG.log(Level.FINE, url + " failed", e);
        }
        return doc.errorMessage() != null ? doc.errorMessage() : "job in phase ERROR, no message";
    }

    private void postPhase(HttpUrl job, String phase) throws IOException {
        HttpUrl url = job.newBuilder().addPathSegment("phase").build();
        LOG.fine(() -> "POST " + url + " PHASE=" + phase);
        Request req = new Request.Builder().url(url).post(new FormBody.Builder().add("PHASE", phase).build()).build();
        try (Response resp = noRedirect.newCall(req).execute()) {
            if (!resp.isSuccessful() && !resp.isRedirect()) {
                throw new ArchiveException("IDA TAP job phase change", url.toString(), resp.code(),
                        TapVotable.errorMessage(readLimited(resp)));
            }
        }
    }

    private void abort(HttpUrl job) {
        try {
            postPhase(job, "ABORT");
        } catch (IOException e) {
            LOG.log(Level.FINE, "aborting " + job + " failed", e);
        }
    }

    private void delete(HttpUrl job) {
        LOG.fine(() -> "DELETE " + job);
        try (Response resp = noRedirect.newCall(new Request.Builder().url(job).delete().build()).execute()) {
            if (!resp.isSuccessful() && !resp.isRedirect() && resp.code() != 404) {
                LOG.warning("deleting TAP job " + job + " gave HTTP " + resp.code());
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "deleting TAP job " + job + " failed: " + e, e);
        }
    }

    private static void sleep(long millis) throws InterruptedIOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    /**
     * Executes a call so that interrupting the calling thread cancels it at
     * once (a blocking socket read would not notice the interrupt): the call
     * runs on the client's dispatcher and this thread waits for it.
     */
    static Response executeInterruptibly(Call call) throws IOException {
        CompletableFuture<Response> future = new CompletableFuture<>();
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                future.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call c, Response response) {
                if (!future.complete(response)) {
                    response.close();
                }
            }
        });
        try {
            return future.get();
        } catch (InterruptedException e) {
            call.cancel();
            if (!future.cancel(false)) {
                // it ended meanwhile: close a response nobody will read (a failure, which the cancel itself may
                // have caused, needs nothing; getNow would throw it)
                future.thenAccept(Response::close);
            }
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + call.request().url());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause);
        } catch (java.util.concurrent.CancellationException e) {
            throw new InterruptedIOException("cancelled: " + call.request().url());
        }
    }

    // ---------------------------------------------------------------- metadata

    /**
     * Lists the service's tables: VOSI {@code GET {base}/tables} (strict or
     * ESA TAP+ flavour), or, if that fails with an HTTP error or an
     * unparseable document, {@code TAP_SCHEMA.tables}/{@code columns} by sync queries.
     *
     * @param withColumns also describe each table's columns
     * @return the tables, in the service's order
     * @throws ArchiveException when both ways fail
     * @throws IOException      on network failures and timeouts
     */
    List<TableMeta> tables(boolean withColumns) throws IOException {
        HttpUrl.Builder ub = endpoint("tables").newBuilder();
        if (!withColumns) {
            ub.addQueryParameter("detail", "min");
        }
        HttpUrl url = ub.build();
        LOG.fine(() -> "GET " + url);
        ArchiveException vosiFailure;
        try (Response resp = http.newCall(new Request.Builder().url(url).get().build()).execute()) {
            if (resp.isSuccessful()) {
                try (InputStream in = resp.body().byteStream()) {
                    return VosiTables.parse(in, withColumns);
                } catch (SAXException e) {
                    vosiFailure = new ArchiveException("IDA VOSI tables", url.toString(), 0,
                            "not a VOSI tableset: " + e.getMessage(), e);
                }
            } else {
                vosiFailure = new ArchiveException("IDA VOSI tables", url.toString(), resp.code(),
                        TapVotable.errorMessage(readLimited(resp)));
            }
        }
        LOG.warning(vosiFailure.getMessage() + "; falling back to TAP_SCHEMA");
        try {
            return tablesFromTapSchema(withColumns);
        } catch (IOException e) {
            e.addSuppressed(vosiFailure);
            throw e;
        }
    }

    private List<TableMeta> tablesFromTapSchema(boolean withColumns) throws IOException {
        Map<String, String> descriptions = new LinkedHashMap<>();
        Map<String, List<ColumnMeta>> columns = new LinkedHashMap<>();
        QueryResult t = metadataQuery("SELECT table_name, description FROM TAP_SCHEMA.tables");
        warnOverflow(t, "TAP_SCHEMA.tables");
        forEachRow(t.table(), row -> {
            String name = row.get("table_name");
            if (name != null) {
                descriptions.put(name, row.get("description"));
                columns.put(name, new ArrayList<>());
            }
        });
        if (withColumns) {
            QueryResult c;
            try {
                c = metadataQuery("SELECT table_name, column_name, datatype, arraysize, unit, ucd, utype, description"
                                  + " FROM TAP_SCHEMA.columns");
            } catch (ArchiveException e) {
                // TAP 1.0 TAP_SCHEMA has no arraysize column
                LOG.fine(() -> "TAP_SCHEMA.columns with arraysize failed (" + e.getMessage() + "); retrying without");
                c = metadataQuery("SELECT table_name, column_name, datatype, unit, ucd, utype, description"
                                  + " FROM TAP_SCHEMA.columns");
            }
            warnOverflow(c, "TAP_SCHEMA.columns");
            forEachRow(c.table(), row -> {
                String table = row.get("table_name");
                String col = row.get("column_name");
                if (table != null && col != null) {
                    columns.computeIfAbsent(table, k -> new ArrayList<>()).add(new ColumnMeta(col,
                            row.get("datatype"), row.get("arraysize"), row.get("unit"), row.get("ucd"),
                            row.get("utype"), row.get("description")));
                }
            });
        }
        List<TableMeta> out = new ArrayList<>();
        columns.forEach((name, cols) -> out.add(new TableMeta(name, descriptions.get(name), cols)));
        return out;
    }

    private QueryResult metadataQuery(String adql) throws IOException {
        return query(QueryRequest.builder(adql).maxrec(METADATA_MAXREC).build());
    }

    private static void warnOverflow(QueryResult r, String what) {
        if (r.overflow()) {
            LOG.warning(what + " truncated at MAXREC=" + r.maxrec() + " by the service");
        }
    }

    /** Calls back with each row as a map from lower-case, undelimited column name to its text (null if blank). */
    private static void forEachRow(StarTable table, Consumer<Map<String, String>> action) throws IOException {
        int n = table.getColumnCount();
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            ColumnInfo info = table.getColumnInfo(i);
            String name = info.getName().trim();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1);
            }
            names[i] = name.toLowerCase(Locale.ROOT);
        }
        try (RowSequence rs = table.getRowSequence()) {
            while (rs.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                Object[] cells = rs.getRow();
                for (int i = 0; i < n; i++) {
                    Object v = cells[i];
                    String s = v == null ? null : v.toString().trim();
                    row.put(names[i], s == null || s.isEmpty() ? null : s);
                }
                action.accept(row);
            }
        }
    }
}
