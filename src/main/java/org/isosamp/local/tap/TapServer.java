package org.isosamp.local.tap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.isosamp.local.adql.AdqlTranslator;
import org.isosamp.local.db.ArchiveDatabase;
import org.isosamp.local.meta.TableDef;
import org.isosamp.local.products.ProductSource;

/**
 * The local archive's HTTP server on loopback: the ESA-flavoured TAP service
 * at {@code /nida-sl-tap/tap}, a strict IVOA TAP 1.1 service over the same
 * database at {@code /tap}, and the data endpoint at {@code /nida-sl-tap/data}.
 * Repeated slashes in paths are collapsed (astroquery asks for {@code tap//sync}).
 * Thread-safe; {@link #close()} stops everything.
 */
public final class TapServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TapServer.class.getName());

    /** Path of the ESA-flavoured TAP service (astroquery's). */
    public static final String ESA_TAP = "/nida-sl-tap/tap";
    /** Path of the strict TAP service (taplint's). */
    public static final String STRICT_TAP = "/tap";
    /** Path of the data endpoint. */
    public static final String DATA = "/nida-sl-tap/data";

    /** Sync queries are cut off after this many seconds. */
    static final int SYNC_TIMEOUT_S = 120;

    private final HttpServer http;
    private final ExecutorService handlers;
    private final ExecutorService jobRunner;
    private final ScheduledExecutorService sweeper;
    private final ArchiveDatabase db;
    private final TapService tap;
    private final ClientHangups hangups;
    private final Mount esa;
    private final Mount strict;
    private final DataEndpoint data;
    /** Set by {@link #close()}: from then on, a failed write is the server's closing, not a fault. */
    private volatile boolean stopping;

    /**
     * Starts serving.
     *
     * @param port     TCP port on 127.0.0.1; 0 for any free port
     * @param db       a sealed database
     * @param products where products come from
     * @param workDir  where async results are kept
     */
    public TapServer(int port, ArchiveDatabase db, ProductSource products, Path workDir) throws IOException {
        this.db = db;
        this.handlers = Executors.newFixedThreadPool(16, named("local-archive-http"));
        this.jobRunner = Executors.newFixedThreadPool(4, named("local-archive-uws"));
        // job destruction, cancel retries and the hang-up poll: small tasks on one thread
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, named("local-archive-timer"));
        // a deleted job's destruction, cancelled, leaves the queue at once rather than in 24 h
        timer.setRemoveOnCancelPolicy(true);
        this.sweeper = timer;
        this.tap = new TapService(db, new AdqlTranslator(db.metadata(), db.indexedTables()), sweeper);
        this.hangups = new ClientHangups(sweeper);
        this.esa = new Mount(true, new UwsJobs(tap, workDir, jobRunner, sweeper));
        this.strict = new Mount(false, new UwsJobs(tap, workDir, jobRunner, sweeper));
        this.data = new DataEndpoint(new SqlObservations(db), products);
        // Without TCP_NODELAY, small chunked responses meet the client's delayed ACK: +40 ms each.
        // Read once when the JDK's server configuration class loads, so set it before the first server.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        http.setExecutor(handlers);
        http.createContext("/", this::dispatch);
        http.start();
        String prefix = "http://127.0.0.1:" + port() + "/nida-sl-tap/";
        esa.jobs.localPrefix = prefix;
        strict.jobs.localPrefix = prefix;
        LOG.info(() -> "local archive listening on http://127.0.0.1:" + port() + ESA_TAP);
    }

    private static ThreadFactory named(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** @return the port actually bound */
    public int port() {
        return http.getAddress().getPort();
    }

    private void dispatch(HttpExchange ex) {
        try (ex) {
            ClientGoneException.watch(ex);
            ex.getResponseHeaders().set("Server", Http.SERVER);
            String path = ex.getRequestURI().getRawPath().replaceAll("/{2,}", "/");
            if (path.length() > 1 && path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            if (path.equals(DATA)) {
                data.handle(ex);
            } else if (path.equals(ESA_TAP) || path.startsWith(ESA_TAP + "/")) {
                esa.handle(ex, ESA_TAP, path.substring(ESA_TAP.length()));
            } else if (path.equals(STRICT_TAP) || path.startsWith(STRICT_TAP + "/")) {
                strict.handle(ex, STRICT_TAP, path.substring(STRICT_TAP.length()));
            } else if (path.equals("/") || path.equals("/nida-sl-tap")) {
                Http.send(ex, 200, Http.TEXT, "iso-samp local archive (synthetic sample data)\n"
                    + "TAP (ESA flavour, for astroquery): " + Http.origin(ex) + ESA_TAP + "\n"
                    + "TAP (strict IVOA):                 " + Http.origin(ex) + STRICT_TAP + "\n"
                    + "Data:                              " + Http.origin(ex) + DATA + "?\n");
            } else {
                Http.plainError(ex, 404, "No such resource: " + path);
            }
        } catch (IOException e) {
            if (ClientGoneException.isCause(e) || stopping) {
                // normal: clients cancel (iso-samp drops a cone search that a newer position made stale),
                // and stopping closes every connection
                LOG.fine(() -> "client went away: " + request(ex) + " (" + e.getMessage() + ")");
            } else {
                LOG.log(Level.WARNING, "I/O failure on " + request(ex), e);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "internal error on " + request(ex), e);
        }
    }

    /** @return e.g. {@code POST /nida-sl-tap/tap/sync} */
    private static String request(HttpExchange ex) {
        return ex.getRequestMethod() + " " + ex.getRequestURI();
    }

    /** One TAP service mount. */
    private final class Mount {
        final boolean esaFlavour;
        final UwsJobs jobs;

        Mount(boolean esaFlavour, UwsJobs jobs) {
            this.esaFlavour = esaFlavour;
            this.jobs = jobs;
        }

        void handle(HttpExchange ex, String mount, String rest) throws IOException {
            String base = Http.origin(ex) + mount;
            String method = ex.getRequestMethod();
            try {
                if (rest.equals("/sync")) {
                    if (!method.equals("GET") && !method.equals("POST")) {
                        throw new TapException(405, "Method " + method + " not allowed on " + base + "/sync");
                    }
                    sync(ex, Params.read(ex));
                } else if (rest.equals("/async") || rest.startsWith("/async/")) {
                    jobs.handle(ex, base, rest.substring("/async".length()));
                } else if (rest.equals("/tables")) {
                    Params p = Params.read(ex);
                    String detail = p.get("detail");
                    boolean min = "min".equalsIgnoreCase(detail) || "true".equalsIgnoreCase(p.get("only_tables"));
                    Http.send(ex, 200, Http.XML, Vosi.tableset(db.metadata(), !min, esaFlavour));
                } else if (rest.startsWith("/tables/")) {
                    String name = java.net.URLDecoder.decode(rest.substring("/tables/".length()),
                                                             java.nio.charset.StandardCharsets.UTF_8);
                    TableDef t = db.metadata().table(name).orElseThrow(
                        () -> new TapException(404, "No such table: " + name));
                    Http.send(ex, 200, Http.XML, Vosi.table(t, db.metadata().keys(), esaFlavour));
                } else if (rest.equals("/capabilities")) {
                    Http.send(ex, 200, Http.XML, Vosi.capabilities(base, obsCore()));
                } else if (rest.equals("/availability")) {
                    Http.send(ex, 200, Http.XML, Vosi.availability());
                } else if (rest.isEmpty()) {
                    Http.send(ex, 200, Http.TEXT, "TAP 1.1 service over the iso-samp local archive\n"
                        + "sync: " + base + "/sync\nasync: " + base + "/async\ntables: " + base + "/tables\n"
                        + "capabilities: " + base + "/capabilities\navailability: " + base + "/availability\n");
                } else {
                    throw new TapException(404, "No such TAP resource: " + base + rest);
                }
            } catch (TapException e) {
                if (rest.equals("/sync")) {
                    ex.getResponseHeaders().set("Content-Type", Http.VOTABLE);
                    ex.sendResponseHeaders(e.status, 0);
                    try (OutputStream out = ex.getResponseBody()) {
                        TapService.writeError(out, e.getMessage());
                    }
                } else {
                    Http.plainError(ex, e.status, e.getMessage());
                }
            }
        }

        private void sync(HttpExchange ex, Params p) throws IOException, TapException {
            TapService.QuerySpec spec = TapService.spec(p);
            try (Execution q = tap.prepare(spec, SYNC_TIMEOUT_S);
                 ClientHangups.Watch watch = hangups.watch(ex, q)) {
                q.execute();
                String ct = spec.format() == ResultFormat.CSV ? "text/csv; charset=UTF-8" : Http.VOTABLE;
                ex.getResponseHeaders().set("Content-Type", ct);
                ex.sendResponseHeaders(200, 0);
                try (OutputStream out = new java.io.BufferedOutputStream(ex.getResponseBody(), 1 << 16)) {
                    q.write(out, Http.origin(ex) + "/nida-sl-tap/");
                } catch (IOException e) {
                    if (ClientGoneException.isCause(e)) {
                        throw e;
                    }
                    // the rows failed, not the client, which has the error at the end of the document
                    // (a query cancelled while its rows were written, e.g. at shutdown, is no failure)
                    LOG.log(q.cancelReason() != null ? Level.FINE : Level.WARNING,
                            "query failed while streaming: " + spec.query(), e);
                }
            }
        }
    }

    private boolean obsCore() {
        return db.metadata().table("ivoa.obscore")
            .map(t -> t.utype() != null && t.utype().toLowerCase(Locale.ROOT).contains("obscore"))
            .orElse(false);
    }

    /**
     * Stops serving: running queries, sync and async, are cancelled on H2, so this returns within
     * moments even while long queries run.
     */
    @Override
    public void close() {
        stopping = true;
        http.stop(0);
        tap.cancelAll("the local archive is shutting down");
        esa.jobs.close();
        strict.jobs.close();
        jobRunner.shutdownNow();
        handlers.shutdownNow();
        try {
            // moments: the cancelled statements end at H2's next check, the handlers then
            handlers.awaitTermination(5, TimeUnit.SECONDS);
            jobRunner.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sweeper.shutdownNow();
    }
}
