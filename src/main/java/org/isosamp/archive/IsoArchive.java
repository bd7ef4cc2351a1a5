package org.isosamp.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.isosamp.io.IfExists;
import org.isosamp.io.OutputTarget;
import org.isosamp.model.ColumnMeta;
import org.isosamp.model.ProductLevel;
import org.isosamp.model.RetrievalType;
import org.isosamp.model.TableMeta;

/**
 * The ISO Data Archive, as a library: everything {@code astroquery.esa.iso}
 * does (ADQL queries, tables and columns, OBSERVATION tars, STANDALONE
 * products, postcards) and what it lacks (async queries, explicit MAXREC with
 * overflow reported, cone searches, bulk downloads), without its bugs.
 *
 * <pre>
 * IsoArchive ida = new IsoArchive(IsoArchive.PRODUCTION_BASE, IsoArchive.defaultHttpClient());
 * QueryRequest q = QueryRequest.builder("SELECT TOP 10 * FROM ida.observations").maxrec(1000).build();
 * QueryResult r = ida.query(q);                                     // rows in memory
 * ida.queryToFile(q, OutputTarget.file(Path.of("top10.fits"), IfExists.REFUSE), null);  // or into a file
 * Path tar = ida.download("80000203", RetrievalType.OBSERVATION, ProductLevel.DEFAULT_DATA_SET,
 *                         Path.of("."), "80000203", null);          // ./80000203.tar
 * </pre>
 *
 * <p><b>Existing files</b> are never replaced unless asked ({@link IfExists}, astropy's {@code overwrite=}
 * model): a download, postcard or saved query answer whose file is already there fails with an
 * {@link org.isosamp.io.OutputExistsException} before anything is fetched (for a product, as soon as its name is
 * known), unless {@link IfExists#REPLACE} is given; then it is replaced atomically if it may be written. Symbolic
 * links are written through, devices and FIFOs straight; see {@link OutputTarget}.
 *
 * The archive is named by its base URL only ({@code .../nida-sl-tap/}: TAP at
 * {@code tap}, products at {@code data}), so the embedded local archive
 * stands in for the real one by URL alone. Thread-safe.
 */
public final class IsoArchive {

    /** The production archive. */
    public static final HttpUrl PRODUCTION_BASE = HttpUrl.get("https://nida.esac.esa.int/nida-sl-tap/");

    /** Tables a cone search can run on, with their footprint column. */
    public static final Map<String, String> CONE_TABLES = Map.of(
        "ida.observations", "s_region_fov", "ivoa.obscore", "s_region_fov",
        "ivoa.ssap", "s_region_fov", "ivoa.siap", "s_region_fov");

    /** Products larger than this are never cached (a cache must not double a 10 GiB download). */
    public static final long MAX_CACHED_BYTES = 256L << 20;

    private static final Logger LOG = Logger.getLogger(IsoArchive.class.getName());

    private final HttpUrl base;
    private final TapClient tap;
    private final DataClient data;
    private final ProductCache cache;

    /** An archive without a product cache. */
    public IsoArchive(HttpUrl base, OkHttpClient http) {
        this(base, http, null);
    }

    /**
     * @param base     the archive's base URL, e.g. {@link #PRODUCTION_BASE}; a trailing slash is added if missing
     * @param http     the HTTP client (its timeouts apply to every request)
     * @param cacheDir where complete products (up to {@link #MAX_CACHED_BYTES}) are kept, so that a repeated
     *                 download sends no request; null for no cache. Failures and error pages are never cached.
     */
    public IsoArchive(HttpUrl base, OkHttpClient http, Path cacheDir) {
        String s = base.toString();
        this.base = s.endsWith("/") ? base : HttpUrl.get(s + "/");
        this.tap = new TapClient(http, tapUrl());
        this.data = new DataClient(http, dataUrl());
        this.cache = cacheDir == null ? null : new ProductCache(cacheDir);
    }

    /** @return {@code $XDG_CACHE_HOME/iso-samp/products}, else {@code ~/.cache/iso-samp/products} */
    public static Path defaultCacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path root = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return root.resolve("iso-samp").resolve("products");
    }

    /**
     * Empties the product cache.
     *
     * @return the number of products removed (0 without a cache)
     */
    public int clearCache() throws IOException {
        return cache == null ? 0 : cache.clear();
    }

    /** @return the cache folder, or null when this archive has no cache */
    public Path cacheDir() {
        return cache == null ? null : cache.dir();
    }

    /**
     * The shared default client, made on first use: 15 s to connect, 120 s between bytes, no limit on a whole
     * call (products are large); astroquery has no timeouts at all. One client for the whole process, as OkHttp
     * advises: one connection pool, one dispatcher, and its TLS set up once (reading the JDK's trust store, about
     * a quarter of a second of a command's start-up). Derive variants with {@link OkHttpClient#newBuilder()}.
     *
     * @return the same client on every call
     */
    public static OkHttpClient defaultHttpClient() {
        return DefaultClient.INSTANCE;
    }

    /**
     * The shared default client for an archive at {@code base}: for {@code https}, {@link #defaultHttpClient()};
     * for plain {@code http} (the local archive, a mirror), a client with the same settings that sets TLS up only
     * if a request needs it (an {@code https} URL, or a redirect to one), when it hands that request to
     * {@link #defaultHttpClient()}.
     *
     * @return the same client for every base of a scheme
     */
    public static OkHttpClient defaultHttpClient(HttpUrl base) {
        return base.isHttps() ? DefaultClient.INSTANCE : cleartextHttpClient();
    }

    private static OkHttpClient cleartextHttpClient() {
        return CleartextClient.INSTANCE;
    }

    /**
     * Makes the default client for an archive of the given scheme on a daemon thread, so that its set-up (for
     * TLS, about a quarter of a second) overlaps whatever the caller does meanwhile (the launcher: reading the
     * command line, starting a local archive); a later {@link #defaultHttpClient(HttpUrl)} gets it, waiting only
     * for what is left. Harmless if called more than once.
     *
     * @param https whether the archive will be at an https URL
     */
    public static void prepareDefaultHttpClient(boolean https) {
        Thread t = new Thread(https ? IsoArchive::defaultHttpClient : IsoArchive::cleartextHttpClient,
                              "iso-samp-http-setup");
        t.setDaemon(true);
        t.start();
    }

    private static OkHttpClient.Builder defaultSettings() {
        return new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(15))
            .readTimeout(Duration.ofSeconds(120))
            .writeTimeout(Duration.ofSeconds(60));
    }

    /** Holder: class initialisation makes the client once, and any thread that asks meanwhile waits for it. */
    private static final class DefaultClient {
        static final OkHttpClient INSTANCE = defaultSettings().build();
    }

    /** Holder of the plain-http client ({@link TlsOnDemand}): made without touching {@link DefaultClient}. */
    private static final class CleartextClient {
        static final OkHttpClient INSTANCE = TlsOnDemand.client(defaultSettings(), IsoArchive::defaultHttpClient);
    }

    /** @return the base URL */
    public HttpUrl base() {
        return base;
    }

    /** @return the TAP service, {@code <base>tap} */
    public HttpUrl tapUrl() {
        return base.resolve("tap");
    }

    /** @return the data endpoint, {@code <base>data} */
    public HttpUrl dataUrl() {
        return base.resolve("data");
    }

    /**
     * Runs an ADQL query, its rows kept (random access).
     *
     * @param request the query, MAXREC, sync or async, listeners
     * @return the rows and the overflow flag ({@link QueryResult#overflow()}: more rows than MAXREC exist)
     * @throws ArchiveException               on an HTTP error, the archive's QUERY_STATUS=ERROR (its own message),
     *                                        a job in ERROR or ABORTED, or an answer that is not a VOTable
     * @throws java.io.InterruptedIOException when the calling thread was interrupted (a sync call is cancelled, an
     *                                        async job aborted and deleted)
     * @throws IOException                    on network failures and timeouts
     */
    public QueryResult query(QueryRequest request) throws IOException {
        return tap.query(Objects.requireNonNull(request, "request"));
    }

    /**
     * Runs an ADQL query and streams its table into {@code sink} as the answer arrives, in one pass: the sink may
     * take the rows as good only when this returns (a QUERY_STATUS=ERROR may follow the rows).
     *
     * @return no table; the overflow flag and the parameters that followed the rows
     * @throws ArchiveException as {@link #query}, and when the answer breaks off as malformed XML
     * @throws IOException      as {@link #query}, or the sink's own failure
     */
    public QueryResult queryToSink(QueryRequest request, uk.ac.starlink.table.TableSink sink) throws IOException {
        return tap.queryToSink(Objects.requireNonNull(request, "request"), sink);
    }

    /**
     * Runs an ADQL query and saves the archive's VOTable answer, checked but not rewritten, under exactly
     * {@code file} (or straight into a device, FIFO or stream).
     *
     * @param file where the answer goes, made with the caller's choice for an existing file
     *             ({@link OutputTarget#file}) before the query is sent
     * @return no table; the overflow flag (true when more rows than MAXREC exist)
     */
    public QueryResult queryToVotable(QueryRequest request, OutputTarget file) throws IOException {
        return tap.queryToVotable(Objects.requireNonNull(request, "request"), file);
    }

    /**
     * Runs an ADQL query into a file in any format, the way every face saves one ({@link QueryFiles}): a VOTable
     * as the archive sent it, any other format with the rows streamed in as they arrive. Check the format first
     * with {@link QueryFiles#checkFormat}, and make the target before calling, so that neither costs a query.
     *
     * @param target where the answer goes; nothing appears under a file's name unless the whole answer arrived
     * @param format a STIL output format name ({@code votable}, {@code csv}, {@code fits}, ...), or null to go by
     *               the target's extension
     * @return the overflow flag and the rows written (-1 for a VOTable saved as it came)
     * @throws uk.ac.starlink.table.TableFormatException when the format (or extension) is unknown, naming the
     *                                                   known ones, before the query is sent
     */
    public QueryFiles.Saved queryToFile(QueryRequest request, OutputTarget target, String format)
            throws IOException {
        return QueryFiles.save(tap, request, target, format);
    }

    /** @return the archive's tables, with their columns if asked */
    public List<TableMeta> tables(boolean withColumns) throws IOException {
        return tap.tables(withColumns);
    }

    /**
     * @return the columns of one table (qualified name, case-insensitive)
     * @throws IllegalArgumentException naming the table when the service does not have it
     */
    public List<ColumnMeta> columns(String table) throws IOException {
        List<TableMeta> all = tap.tables(true);
        for (TableMeta t : all) {
            if (t.name().equalsIgnoreCase(table)) {
                return t.columns();
            }
        }
        throw new IllegalArgumentException("table \"" + table + "\" is not in the IDA TAP service at " + tapUrl()
            + " (it has " + all.size() + " tables; list them with 'tables')");
    }

    /**
     * Cone search: rows of {@code table} whose footprint meets the circle.
     *
     * @param table     one of {@link #CONE_TABLES}
     * @param raDeg     right ascension of the centre, degrees (ICRS); not ISO's hour-valued {@code ra}
     * @param decDeg    declination, degrees
     * @param radiusDeg radius, degrees, (0, 180]
     */
    public QueryResult cone(String table, double raDeg, double decDeg, double radiusDeg, long maxrec)
            throws IOException {
        return query(QueryRequest.builder(coneQuery(table, raDeg, decDeg, radiusDeg)).maxrec(maxrec).build());
    }

    /** @return the ADQL of a cone search, numbers validated (nothing else reaches the query) */
    public static String coneQuery(String table, double raDeg, double decDeg, double radiusDeg) {
        String key = table == null ? "" : table.toLowerCase(Locale.ROOT);
        String column = CONE_TABLES.get(key);
        if (column == null) {
            throw new IllegalArgumentException("cone search needs one of " + new java.util.TreeSet<>(CONE_TABLES.keySet())
                                               + ", not \"" + table + "\"");
        }
        if (!Double.isFinite(raDeg)) {
            throw new IllegalArgumentException("ra (" + raDeg + ") must be a finite number of degrees");
        }
        if (!(decDeg >= -90 && decDeg <= 90)) {
            throw new IllegalArgumentException("dec (" + decDeg + ") must be within [-90, 90] degrees");
        }
        if (!(radiusDeg > 0 && radiusDeg <= 180)) {
            throw new IllegalArgumentException("radius (" + radiusDeg + ") must be within (0, 180] degrees");
        }
        double ra = ((raDeg % 360) + 360) % 360;
        return "SELECT * FROM " + key + " WHERE INTERSECTS(CIRCLE('ICRS'," + ra + "," + decDeg + ","
               + radiusDeg + ")," + column + ")=1";
    }

    /**
     * Checks a file name a user asked for ({@code --filename}): a plain name, taken as it is, never changed.
     *
     * @param filename the name
     * @throws IllegalArgumentException naming it, when it has a folder in it ({@code nodir/x}, {@code ../x}), is
     *                                  empty, {@code .} or {@code ..}, or holds control characters
     */
    public static void requireFileName(String filename) {
        FileNames.requireBareName(Objects.requireNonNull(filename, "filename"));
    }

    /**
     * Downloads one product, streamed to disk, refusing to replace an existing file ({@link IfExists#REFUSE}).
     *
     * @param filename the name wanted (the server's extension is added if missing: {@code "x"} →
     *                 {@code x.tar}); null for the server's name
     * @return the file written
     */
    public Path download(String tdt, RetrievalType type, ProductLevel level, Path dir, String filename,
                         DataClient.Listener listener) throws IOException {
        return download(tdt, type, level, dir, filename, IfExists.REFUSE, listener);
    }

    /**
     * Downloads one product, streamed to disk.
     *
     * @param filename the name wanted, a plain file name ({@link #requireFileName}); the server's extension is
     *                 added if missing: {@code "x"} → {@code x.tar}; null for the server's name
     * @param ifExists what to do with a file already at the final name
     * @return the file written, in {@code dir}
     * @throws org.isosamp.io.OutputExistsException when the file exists and {@code ifExists} is REFUSE
     * @throws IllegalArgumentException              when {@code tdt} is not a TDT or {@code filename} not a plain name
     */
    public Path download(String tdt, RetrievalType type, ProductLevel level, Path dir, String filename,
                         IfExists ifExists, DataClient.Listener listener) throws IOException {
        HttpUrl url = data.productUrl(tdt, type == null ? RetrievalType.OBSERVATION : type, level);
        if (filename != null) {
            requireFileName(filename);
        }
        if (cache != null) {
            Optional<Path> hit = cache.get(url.toString());
            if (hit.isPresent()) {
                return fromCache(hit.get(), dir, filename != null ? filename : tdt, ifExists, listener);
            }
        }
        Path file = data.download(url, dir, filename, ifExists, listener);
        // a device or FIFO (written straight) is not read back
        if (cache != null && Files.isRegularFile(file) && Files.size(file) <= MAX_CACHED_BYTES) {
            try {
                cache.put(url.toString(), file);
            } catch (IOException e) {
                LOG.warning("product not cached (" + e.getMessage() + "): " + url);
            }
        }
        return file;
    }

    /** Copies a cached product to its place, named by the same rules as a download. */
    private static Path fromCache(Path cached, Path dir, String name, IfExists ifExists,
                                  DataClient.Listener listener) throws IOException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw org.isosamp.io.FileErrors.about(dir.toString(), e);
        }
        Path target = FileNames.inside(dir, FileNames.finalName(name, cached.getFileName().toString()));
        // through a part file beside the target: never seen half-copied, nothing left on failure or Ctrl-C
        try (OutputTarget.Writing part = OutputTarget.file(target, ifExists).open()) {
            part.copyFrom(cached);
            part.commit();
        }
        LOG.fine(() -> "from the product cache: " + target);
        if (listener != null) {
            long n = Files.size(cached);
            listener.progress(n, n);
        }
        return target;
    }

    /** Downloads a postcard (PNG), refusing to replace an existing file. */
    public Path postcard(String tdt, Path dir, String filename, DataClient.Listener listener) throws IOException {
        return postcard(tdt, dir, filename, IfExists.REFUSE, listener);
    }

    /** Downloads a postcard (PNG); as {@link #download(String, RetrievalType, ProductLevel, Path, String, IfExists, DataClient.Listener)}. */
    public Path postcard(String tdt, Path dir, String filename, IfExists ifExists, DataClient.Listener listener)
            throws IOException {
        return download(tdt, RetrievalType.POSTCARD, null, dir, filename, ifExists, listener);
    }

    /**
     * Downloads the products of many observations, {@code parallelism} at a time, each file named after its TDT.
     * Every TDT is tried: a failure (an unknown TDT, a network error, an existing file refused) is that TDT's
     * outcome and the others go on. Only an interruption stops them all (those in flight are cancelled, their part
     * files deleted).
     *
     * @param ifExists what to do with a file already at a product's name, for each file on its own
     * @return one outcome per TDT, in the order of {@code tdts}
     * @throws java.io.InterruptedIOException when the calling thread is interrupted
     */
    public List<DownloadOutcome> downloadAll(List<String> tdts, RetrievalType type, ProductLevel level, Path dir,
                                             int parallelism, IfExists ifExists, DataClient.Listener listener)
            throws IOException {
        if (parallelism < 1 || parallelism > 16) {
            throw new IllegalArgumentException("parallelism (" + parallelism + ") must be within 1..16");
        }
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "iso-download");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<DownloadOutcome>> futures = new ArrayList<>();
            for (String tdt : tdts) {
                futures.add(pool.submit(() -> {
                    try {
                        return new DownloadOutcome(tdt, download(tdt, type, level, dir, tdt, ifExists, listener),
                                                   null);
                    } catch (IOException | IllegalArgumentException e) {
                        // a timeout too (an InterruptedIOException); a cancel's outcome is never read
                        LOG.fine(() -> "download of " + tdt + " failed: " + e);
                        return new DownloadOutcome(tdt, null, e);
                    }
                }));
            }
            List<DownloadOutcome> out = new ArrayList<>();
            for (Future<DownloadOutcome> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    futures.forEach(x -> x.cancel(true));
                    Throwable c = e.getCause();
                    if (c instanceof IOException io) {
                        throw io;
                    }
                    if (c instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IOException(c);
                } catch (InterruptedException e) {
                    futures.forEach(x -> x.cancel(true));
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("bulk download interrupted");
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
