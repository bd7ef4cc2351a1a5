package org.isosamp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.isosamp.samp.SampSession;
import org.isosamp.samp.ConeSearcher;
import org.isosamp.samp.TableSender;
import org.isosamp.samp.PointAt;
import org.isosamp.samp.PointAtHandler;
import org.isosamp.samp.ReceiveListener;
import org.isosamp.samp.RowMessageHandler;
import org.isosamp.samp.SampClient;
import org.isosamp.samp.SampManifest;
import org.isosamp.samp.SampPeer;
import org.isosamp.samp.SentTable;
import org.isosamp.samp.SentTables;
import org.isosamp.samp.TablePublisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code listen}: iso-samp stays on the SAMP bus and answers {@code coord.pointAt.sky} with cone searches, their
 * non-empty results handed to a {@link TablePublisher}; it also takes row highlights and selections for the tables
 * it sent. One line per event on stdout. The hub may go and come back, cleanly or not: {@link SampClient} checks
 * that it still answers and registers again with the next one (every {@code --autoconnect} seconds).
 *
 * <p>Where results go is given by a {@link PublisherFactory}. Built without one (the no-argument constructor, which
 * the command registry uses), {@code listen} searches and logs but broadcasts nothing, and says so at start.
 */
@Command(name = "listen", mixinStandardHelpOptions = true,
         description = {"Stay on the SAMP bus: answer coord.pointAt.sky (Aladin clicks, TOPCAT row activation) with"
                        + " cone searches and broadcast the non-empty results as tables; take row highlights and"
                        + " selections for the tables iso-samp sent. One line per event; runs until Ctrl-C."})
public final class ListenCommand implements Callable<Integer> {

    /** Makes where a listen session's results go, once the bus is open. */
    @FunctionalInterface
    public interface PublisherFactory {
        /**
         * @param bus the session's client and product server
         * @param tables where sent tables must be recorded (row messages are looked up there)
         * @return the publisher
         */
        TablePublisher create(SampSession bus, SentTables tables) throws IOException;
    }

    @Spec
    CommandSpec spec;

    @Mixin
    SampOptions samp;

    @Mixin
    ArchiveOptions archive;

    @Option(names = "--radius", paramLabel = "DEG",
            description = "cone radius in degrees (default: plugin-manifest coneRadiusDeg, 0.1)")
    Double radius;

    @Option(names = "--tables", paramLabel = "TABLE", split = ",",
            description = "tables to search, comma-separated (default: ivoa.obscore,ivoa.ssap,ivoa.siap)")
    List<String> tables;

    @Option(names = "--max-events", paramLabel = "N", hidden = true,
            description = "exit after N handled messages (a position done or cancelled, a refusal, a row message)")
    long maxEvents;

    @Option(names = "--exit-after", paramLabel = "SECONDS", hidden = true, description = "exit after this long")
    double exitAfter;

    @Option(names = "--autoconnect", paramLabel = "SECONDS", hidden = true, defaultValue = "5",
            description = "how often to check that the hub still answers, and to look for one after losing it"
                          + " (default: ${DEFAULT-VALUE})")
    int autoconnect;

    private final PublisherFactory publishers;

    /** The command as registered: results are broadcast as tables by a {@link TableSender}. */
    public ListenCommand() {
        this((bus, sent) -> new TableSender(bus.client(), bus.server(), sent, LISTEN_REPLY_TIMEOUT,
                                            TableSender.DEFAULT_MAX_TABLES));
    }

    /**
     * How long a broadcast waits for receivers' replies; a newer position interrupts the wait anyway, so a slow
     * receiver never holds up the next search for long.
     */
    static final java.time.Duration LISTEN_REPLY_TIMEOUT = java.time.Duration.ofSeconds(10);

    /** @param publishers where results go; null for none */
    public ListenCommand(PublisherFactory publishers) {
        this.publishers = publishers;
    }

    @Override
    public Integer call() throws Exception {
        SampManifest manifest = SampManifest.load();
        ConeSearcher.Settings settings = ConeSearcher.Settings.of(manifest);
        if (tables != null) {
            settings = settings.withTables(tables);
        }
        if (radius != null) {
            settings = settings.withRadius(radius);
        }
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                closed.await(3, TimeUnit.SECONDS);   // let the worker stop and iso-samp unregister
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "iso-samp listen shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (ArchiveOptions.Session s = archive.open(); SampSession bus = samp.open()) {
            SentTables sent = new SentTables();
            TablePublisher publisher = publishers == null ? null : publishers.create(bus, sent);
            AutoCloseable closePublisher = publisher instanceof AutoCloseable c ? c : () -> { };
            try (closePublisher; ConeSearcher searcher = new ConeSearcher(s.archive(), publisher, settings)) {
                Log log = new Log(out, bus.client(), maxEvents, stop);
                searcher.addListener(log);
                PointAtHandler pointAt = new PointAtHandler(searcher);
                pointAt.addListener(log);
                RowMessageHandler rows = new RowMessageHandler(sent);
                rows.addListener(log);
                sent.addRowListener(log);
                bus.client().addHandler(pointAt);
                bus.client().addHandler(rows);
                bus.client().addConnectionListener(log::connection);
                samp.connect(bus, Math.max(1, autoconnect));
                log.line(String.format(Locale.ROOT, "listening for coord.pointAt.sky: %s within %sdeg, at %s",
                    String.join(", ", settings.tables()), settings.radiusDeg(), s.archive().tapUrl()));
                if (publisher == null) {
                    log.line("results are not broadcast: this build of listen has no table publisher");
                }
                if (exitAfter > 0) {
                    stop.await((long) (exitAfter * 1000), TimeUnit.MILLISECONDS);
                } else {
                    stop.await();
                }
            }
        } finally {
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down (Ctrl-C): the hook is running
            }
        }
        out.flush();
        return 0;
    }

    /** One line per event; counts handled messages for {@code --max-events}. Thread-safe. */
    static final class Log implements ReceiveListener, SentTables.RowListener {
        private final PrintWriter out;
        private final SampClient client;
        private final long maxEvents;
        private final CountDownLatch stop;
        private final AtomicLong handled = new AtomicLong();
        private volatile boolean everConnected;

        Log(PrintWriter out, SampClient client, long maxEvents, CountDownLatch stop) {
            this.out = out;
            this.client = client;
            this.maxEvents = maxEvents;
            this.stop = stop;
        }

        void line(String s) {
            synchronized (out) {
                out.println(s);
                out.flush();
            }
        }

        private void handled() {
            if (handled.incrementAndGet() == maxEvents) {
                stop.countDown();
            }
        }

        /** @return the client's declared name, or its id */
        private String name(String id) {
            for (SampPeer p : client.peers()) {
                if (p.id().equals(id)) {
                    return p.name();
                }
            }
            return id;
        }

        void connection(boolean connected) {
            if (connected) {
                line((everConnected ? "registered again" : "registered") + " with the SAMP hub as "
                     + client.selfId());
                everConnected = true;
            } else if (stop.getCount() > 0) {   // not our own leaving
                line("lost the SAMP hub; waiting for it to come back");
            }
        }

        @Override
        public void received(PointAt p) {
            line("#" + p.seq() + " pointAt " + p.position() + " from " + name(p.senderId()));
        }

        @Override
        public void searched(PointAt p, String table, long rows, long millis, boolean overflow) {
            line("#" + p.seq() + " " + table + ": " + rows + (rows == 1 ? " row" : " rows") + " in " + millis + " ms"
                 + (overflow ? " (MAXREC reached: more exist)" : ""));
        }

        @Override
        public void published(PointAt p, String table, TablePublisher.Sent sent) {
            List<String> to = new ArrayList<>();
            sent.replies().forEach((peer, response) -> to.add(peer.name()
                + (response.isOK() ? "" : " (" + response.getStatus() + ")")));
            line("#" + p.seq() + " " + sent.table().name() + ": broadcast to " + to.size()
                 + (to.size() == 1 ? " client" : " clients") + (to.isEmpty() ? "" : " (" + String.join(", ", to) + ")"));
        }

        @Override
        public void cancelled(PointAt p) {
            line("#" + p.seq() + " cancelled: a newer position came");
            handled();
        }

        @Override
        public void failed(PointAt p, String table, Exception e) {
            line("#" + p.seq() + " error: " + (table.isEmpty() ? "" : table + ": ") + describe(e));
        }

        @Override
        public void finished(PointAt p) {
            line("#" + p.seq() + " done");
            handled();
        }

        @Override
        public void rejected(String senderId, String mtype, String errortxt) {
            line("refused " + mtype + " from " + name(senderId) + ": " + errortxt);
            handled();
        }

        @Override
        public void highlighted(SentTable t, long row, String senderId) {
            line("row " + row + " of \"" + t.name() + "\" highlighted by " + name(senderId));
            handled();
        }

        @Override
        public void selected(SentTable t, long[] rows, String senderId) {
            line(rows.length + (rows.length == 1 ? " row" : " rows") + " of \"" + t.name() + "\" selected by "
                 + name(senderId));
            handled();
        }

        private static String describe(Exception e) {
            String m = e.getMessage();
            return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.replaceAll("\\s*\\R\\s*", " ");
        }
    }
}
