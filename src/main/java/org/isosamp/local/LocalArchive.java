package org.isosamp.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.isosamp.local.db.ArchiveDatabase;
import org.isosamp.local.meta.ArchiveMetadata;
import org.isosamp.local.meta.TableDef;
import org.isosamp.local.products.GeneratedProductSource;
import org.isosamp.local.samples.SampleCsv;
import org.isosamp.local.samples.SyntheticArchive;
import org.isosamp.local.tap.TapServer;

/**
 * The embedded local ISO Data Archive: a TAP 1.1 service and data endpoint on
 * loopback, at the production archive's URL shapes, over an in-memory H2
 * database loaded with the sample data (and optionally N synthetic
 * observations). Everything it serves is synthetic.
 *
 * <pre>
 * try (LocalArchive archive = LocalArchive.builder().port(0).start()) {
 *     URI tap = archive.tapUrl();    // http://127.0.0.1:PORT/nida-sl-tap/tap
 *     URI data = archive.dataUrl();  // http://127.0.0.1:PORT/nida-sl-tap/data
 * }
 * </pre>
 *
 * Thread-safe once started; {@link #close()} stops the server and deletes its
 * working directory.
 *
 * <p>A query stops on the database as soon as nobody wants it any more: when its
 * async job is aborted, deleted or reaches its destruction time, when its
 * execution duration passes, when a sync client hangs up (noticed from the
 * kernel's connection table, on Linux), and when the archive is closed; so
 * {@link #close()} returns within moments even while long queries run.
 */
public final class LocalArchive implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalArchive.class.getName());

    private final ArchiveDatabase db;
    private final TapServer server;
    private final Path workDir;
    private final boolean deleteWorkDir;
    private final long startMillis;

    private LocalArchive(ArchiveDatabase db, TapServer server, Path workDir, boolean deleteWorkDir,
                         long startMillis) {
        this.db = db;
        this.server = server;
        this.workDir = workDir;
        this.deleteWorkDir = deleteWorkDir;
        this.startMillis = startMillis;
    }

    /** @return a builder with the defaults: free port, {@code samples/}, no synthetic rows */
    public static Builder builder() {
        return new Builder();
    }

    /** Options of a local archive. Not thread-safe. */
    public static final class Builder {
        private int port;
        private Path dataDir;
        private Path workDir;
        private long synthetic;
        private long seed = 1995;
        private final java.util.Map<String, Long> largeProducts = new java.util.LinkedHashMap<>();

        private Builder() {
        }

        /** @param port TCP port on 127.0.0.1, 0 (default) for any free port */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port (" + port + ") must be within 0..65535");
            }
            this.port = port;
            return this;
        }

        /**
         * @param dir the sample folder: {@code schemas.csv}, {@code tables.csv}, {@code columns.csv},
         *            {@code data/<table>.csv}, and optionally {@code products/<file>} served instead of
         *            generated products. Default: system property {@code iso.samples.dir}, else
         *            {@code ./samples}
         */
        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        /** @param dir where generated products and async results go; default: a temporary folder */
        public Builder workDir(Path dir) {
            this.workDir = dir;
            return this;
        }

        /** @param n synthetic observations to add to the samples (for scale work) */
        public Builder synthetic(long n) {
            if (n < 0) {
                throw new IllegalArgumentException("synthetic (" + n + ") must not be negative");
            }
            this.synthetic = n;
            return this;
        }

        /**
         * Makes every OBSERVATION tar of one TDT a synthetic tar of about {@code bytes} bytes,
         * streamed as it is generated (for download benchmarks).
         */
        public Builder largeProduct(String tdt, long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("large product size (" + bytes + ") must be positive");
            }
            largeProducts.put(tdt, bytes);
            return this;
        }

        /** @param seed seed of the synthetic generator (default 1995) */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Loads the data and starts serving.
         *
         * @throws IOException if the samples cannot be read or the port cannot be bound
         */
        public LocalArchive start() throws IOException {
            long t0 = System.currentTimeMillis();
            Path data = dataDir != null ? dataDir : defaultDataDir();
            if (!Files.isRegularFile(data.resolve("tables.csv"))) {
                throw new IOException("not a sample folder (no tables.csv): " + data.toAbsolutePath());
            }
            boolean temp = workDir == null;
            Path work = temp ? Files.createTempDirectory("iso-samp-local-") : workDir;
            Files.createDirectories(work.resolve("products"));
            Files.createDirectories(work.resolve("jobs"));
            ArchiveDatabase db = null;
            try {
                ArchiveMetadata meta = SampleCsv.readMetadata(data);
                ArchiveDatabase created = ArchiveDatabase.create(meta);
                db = created;
                long sampleRows = 0;
                for (TableDef t : meta.tables()) {
                    sampleRows += SampleCsv.readRows(data, t, created::insert);
                }
                if (synthetic > 0) {
                    SyntheticArchive.generate(meta, synthetic, seed, created::insert);
                }
                long rows = sampleRows;
                db.seal();
                GeneratedProductSource products = new GeneratedProductSource(work.resolve("products"), data);
                largeProducts.forEach(products::withLargeProduct);
                TapServer server = new TapServer(port, db, products, work.resolve("jobs"));
                long ms = System.currentTimeMillis() - t0;
                LocalArchive archive = new LocalArchive(db, server, work, temp, ms);
                LOG.info(() -> "local archive: " + rows + " sample rows"
                         + (synthetic > 0 ? " + " + synthetic + " synthetic observations" : "")
                         + ", started in " + ms + " ms");
                return archive;
            } catch (SQLException e) {
                closeQuietly(db, work, temp);
                throw new IOException("local archive database failed: " + e.getMessage(), e);
            } catch (IOException | RuntimeException e) {
                closeQuietly(db, work, temp);
                throw e;
            } catch (Exception e) {
                closeQuietly(db, work, temp);
                throw new IOException("local archive failed to start: " + e.getMessage(), e);
            }
        }

        private static void closeQuietly(ArchiveDatabase db, Path work, boolean temp) {
            if (db != null) {
                db.close();
            }
            if (temp) {
                deleteTree(work);
            }
        }
    }

    /** @return {@code iso.samples.dir} if set, else {@code ./samples}, else the samples packed in the jar */
    public static Path defaultDataDir() {
        return SampleCsv.defaultDirectory();
    }

    /** @return the port the archive listens on (127.0.0.1) */
    public int port() {
        return server.port();
    }

    /** @return the archive root, {@code http://127.0.0.1:PORT/nida-sl-tap/}, as the production one */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port() + "/nida-sl-tap/");
    }

    /** @return the ESA-flavoured TAP service, {@code .../nida-sl-tap/tap} (for astroquery) */
    public URI tapUrl() {
        return URI.create("http://127.0.0.1:" + port() + TapServer.ESA_TAP);
    }

    /** @return the strict IVOA TAP service over the same data, {@code http://127.0.0.1:PORT/tap} */
    public URI strictTapUrl() {
        return URI.create("http://127.0.0.1:" + port() + TapServer.STRICT_TAP);
    }

    /** @return the data endpoint, {@code .../nida-sl-tap/data} (append {@code ?retrieval_type=...}) */
    public URI dataUrl() {
        return URI.create("http://127.0.0.1:" + port() + TapServer.DATA);
    }

    /** @return the database (for tests and benchmarks in this package tree) */
    public ArchiveDatabase database() {
        return db;
    }

    /** @return milliseconds from {@code start()} to serving */
    public long startMillis() {
        return startMillis;
    }

    @Override
    public void close() {
        server.close();
        db.close();
        if (deleteWorkDir) {
            deleteTree(workDir);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warning("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
