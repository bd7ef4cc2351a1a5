package org.isosamp.samp;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.astrogrid.samp.client.SampException;
import org.isosamp.archive.IsoArchive;

/**
 * iso-samp answering the bus, as {@code listen} runs it and a window would: {@code coord.pointAt.sky} answered
 * with cone searches ({@link PointAtHandler} and {@link ConeSearcher}), their non-empty results handed to a
 * {@link TablePublisher} (by default broadcast as tables, recorded in {@link SentTables}), and row highlights and
 * selections for those tables taken ({@link RowMessageHandler}); on request ({@link #setSendNearest}) the nearest
 * spectrum and image of each position go to SPLAT- and Aladin-like clients ({@link NearestProducts}), and a window
 * may stop answering positions ({@link #setListening}). A face hears every event through one
 * {@link Listener}, and prints or shows it; {@link Lines} words each as the one line {@code listen} prints.
 *
 * <pre>{@code
 * try (SampSession bus = SampSession.open(HubLocation.of(null), false);
 *      PointAtService service = new PointAtService(bus, archive, ConeSearcher.Settings.of(SampManifest.load()),
 *                                                  PointAtService.broadcaster())) {
 *     service.addListener(new PointAtService.Lines(System.out::println));
 *     service.start(5, Duration.ofSeconds(5));
 *     ...   // until the user stops it
 * }
 * }</pre>
 *
 * <p>The service does not own the session (close the session after the service) nor the archive. Thread-safe;
 * listeners are added before {@link #start}.
 */
public final class PointAtService implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PointAtService.class.getName());

    /**
     * How long a broadcast waits for receivers' replies; a newer position interrupts the wait anyway, so a slow
     * receiver never holds up the next search for long.
     */
    public static final Duration REPLY_TIMEOUT = Duration.ofSeconds(10);

    /** Makes where a service's results go, once the bus is open. */
    @FunctionalInterface
    public interface PublisherFactory {
        /**
         * @param bus the session's client and product server
         * @param tables where sent tables must be recorded (row messages are looked up there)
         * @return the publisher; closed with the service if it is {@link AutoCloseable}
         * @throws IOException if it cannot be made
         */
        TablePublisher create(SampSession bus, SentTables tables) throws IOException;
    }

    /**
     * Everything the service does, to show: each position's arrival, searches, publications and end
     * ({@link ReceiveListener}), refusals, row events on sent tables ({@link SentTables.RowListener}), and the
     * registration coming and going. Called on JSAMP's and the searcher's threads; must be thread-safe and quick.
     * Every method has an empty default.
     */
    public interface Listener extends ReceiveListener, SentTables.RowListener {
        @Override
        default void highlighted(SentTable table, long row, String senderId) {
        }

        @Override
        default void selected(SentTable table, long[] rows, String senderId) {
        }

        /**
         * iso-samp registered with a hub.
         *
         * @param selfId its id on that hub
         * @param again false the first time, true after a loss
         */
        default void registered(String selfId, boolean again) {
        }

        /** The hub went away (or no longer answers) while the service runs; it registers again when one comes. */
        default void lost() {
        }
    }

    private final SampSession bus;
    private final SentTables sent = new SentTables();
    private final TablePublisher publisher;
    private final ConeSearcher searcher;
    private final ProductSender products;
    private final NearestProducts nearest;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean everConnected;
    private volatile boolean closing;

    /**
     * Wires the handlers into the session's client (not yet started).
     *
     * @param bus the session; its client must not be started yet
     * @param archive where positions are searched; null until {@link #setArchive}
     * @param settings tables, radius, timings
     * @param publishers where results go; null to search and report only
     * @throws IOException if the publisher cannot be made
     */
    public PointAtService(SampSession bus, IsoArchive archive, ConeSearcher.Settings settings,
                          PublisherFactory publishers) throws IOException {
        this.bus = bus;
        this.publisher = publishers == null ? null : publishers.create(bus, sent);
        this.searcher = new ConeSearcher(archive, publisher, settings);
        this.products = new ProductSender(bus.client(), bus.server(), archive, sent, REPLY_TIMEOUT,
                                          ProductSender.DEFAULT_MAX_PRODUCTS);
        this.nearest = new NearestProducts(bus.client(), products);
        searcher.setFollowup(nearest);
        ReceiveListener fan = new Fan();
        searcher.addListener(fan);
        PointAtHandler pointAt = new PointAtHandler(searcher);
        pointAt.addListener(fan);
        RowMessageHandler rows = new RowMessageHandler(sent);
        rows.addListener(fan);
        sent.addRowListener(new SentTables.RowListener() {
            @Override
            public void highlighted(SentTable t, long row, String senderId) {
                tell(l -> l.highlighted(t, row, senderId));
            }

            @Override
            public void selected(SentTable t, long[] rowList, String senderId) {
                tell(l -> l.selected(t, rowList, senderId));
            }
        });
        bus.client().addHandler(pointAt);
        bus.client().addHandler(rows);
        bus.client().addConnectionListener(this::connection);
    }

    /** The default publisher: every non-empty result broadcast as a table ({@link TableSender}). */
    public static PublisherFactory broadcaster() {
        return (bus, tables) -> new TableSender(bus.client(), bus.server(), tables, REPLY_TIMEOUT,
                                                TableSender.DEFAULT_MAX_TABLES);
    }

    /** @param l told of every event from now on; add before {@link #start} to hear the registration */
    public void addListener(Listener l) {
        listeners.add(l);
    }

    /**
     * Registers and waits for the hub.
     *
     * @param autoconnectSeconds how often to check that the hub still answers and to look for one after losing it
     * @param wait how long to wait for a hub now
     * @throws SampSession.NoHubException when no hub answers in time
     */
    public void start(int autoconnectSeconds, Duration wait) throws SampException, InterruptedException {
        bus.connect(autoconnectSeconds, wait);
    }

    /**
     * Changes where positions are searched and nearest products come from (a window's archive chooser).
     *
     * @param archive the archive from now on
     */
    public void setArchive(IsoArchive archive) {
        searcher.setArchive(archive);
        products.setArchive(archive);
    }

    /**
     * Whether {@code coord.pointAt.sky} is answered: off, iso-samp stops subscribing to it (the hub sends it no more
     * positions; row messages are still taken). On by default; a window starts it off. Before {@link #start} it
     * only decides what is declared; after, it re-declares the subscriptions to the hub: call it off the Swing
     * thread.
     *
     * @param on whether to answer positions
     * @throws SampException if the hub refuses the new subscriptions
     */
    public void setListening(boolean on) throws SampException {
        bus.client().setWithheld(PointAtHandler.MTYPE, !on);
    }

    /** @return whether {@code coord.pointAt.sky} is answered */
    public boolean isListening() {
        return !bus.client().isWithheld(PointAtHandler.MTYPE);
    }

    /**
     * Switches {@code --send-nearest}: each position answered from now on also sends the nearest spectrum to the
     * clients that take {@code spectrum.load.ssa-generic} and the nearest image to those that take
     * {@code image.load.fits} ({@link NearestProducts}); off by default. Any thread, any time.
     *
     * @param on whether to send them
     */
    public void setSendNearest(boolean on) {
        nearest.setEnabled(on);
    }

    /** @return whether each position also sends its nearest spectrum and image */
    public boolean sendsNearest() {
        return nearest.isEnabled();
    }

    /** @return the searcher's settings */
    public ConeSearcher.Settings settings() {
        return searcher.settings();
    }

    /**
     * @return what is answered, e.g. {@code coord.pointAt.sky: ivoa.obscore, ivoa.ssap within 0.1deg, at
     *         http://127.0.0.1:5000/tap}
     */
    public String describe() {
        ConeSearcher.Settings s = searcher.settings();
        return String.format(java.util.Locale.ROOT, "%s: %s within %sdeg, at %s", PointAtHandler.MTYPE,
                             String.join(", ", s.tables()), s.radiusDeg(),
                             searcher.archive() == null ? "(no archive yet)" : searcher.archive().tapUrl());
    }

    /** @return true if results are published, false if only searched */
    public boolean publishes() {
        return publisher != null;
    }

    /** @return the tables this service sent (row messages are answered for them) */
    public SentTables sentTables() {
        return sent;
    }

    /** @return the client's name for another client, or its id */
    public String name(String clientId) {
        for (SampPeer p : bus.client().peers()) {
            if (p.id().equals(clientId)) {
                return p.name();
            }
        }
        return clientId;
    }

    private void connection(boolean connected) {
        if (connected) {
            boolean again = everConnected;
            everConnected = true;
            String self = bus.client().selfId();
            tell(l -> l.registered(self, again));
        } else if (!closing) {   // not our own leaving
            tell(l -> l.lost());
        }
    }

    private void tell(java.util.function.Consumer<Listener> event) {
        for (Listener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "pointAt service listener failed", e);
            }
        }
    }

    /**
     * Stops searching (a running search is cancelled) and publishing (what was sent stops being served); the
     * session stays open, and a loss of the hub from now on is not told.
     */
    @Override
    public void close() {
        closing = true;
        try {
            searcher.close();
        } finally {
            products.close();
            if (publisher instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.log(Level.WARNING, "closing the table publisher failed", e);
                }
            }
        }
    }

    /**
     * Words each event as one line, the lines {@code listen} prints: {@code registered with the SAMP hub as c3},
     * {@code #1 pointAt 10.6847 +41.2690 from Aladin}, {@code #1 ivoa.ssap: 4 rows in 35 ms},
     * {@code #1 ivoa.ssap near ...: broadcast to 1 client (Aladin)}, {@code #1 done}, {@code refused ...},
     * {@code row 3 of "..." highlighted by TOPCAT}. Clients are named by their declared name. Thread-safe if the
     * sink is; lines of one position come in order.
     */
    public static final class Lines implements Listener {
        private final PointAtService service;
        private final java.util.function.Consumer<String> sink;

        /**
         * @param service the service (it names clients)
         * @param sink takes each line, without a line end
         */
        public Lines(PointAtService service, java.util.function.Consumer<String> sink) {
            this.service = service;
            this.sink = sink;
        }

        @Override
        public void registered(String selfId, boolean again) {
            sink.accept((again ? "registered again" : "registered") + " with the SAMP hub as " + selfId);
        }

        @Override
        public void lost() {
            sink.accept("lost the SAMP hub; waiting for it to come back");
        }

        @Override
        public void received(PointAt p) {
            sink.accept("#" + p.seq() + " pointAt " + p.position() + " from " + service.name(p.senderId()));
        }

        @Override
        public void searched(PointAt p, String table, long rows, long millis, boolean overflow) {
            sink.accept("#" + p.seq() + " " + table + ": " + rows + (rows == 1 ? " row" : " rows") + " in " + millis
                        + " ms" + (overflow ? " (MAXREC reached: more exist)" : ""));
        }

        @Override
        public void published(PointAt p, String table, TablePublisher.Sent sent) {
            List<String> to = new java.util.ArrayList<>();
            sent.replies().forEach((peer, response) -> to.add(peer.name()
                + (response.isOK() ? "" : " (" + response.getStatus() + ")")));
            sink.accept("#" + p.seq() + " " + sent.table().name() + ": broadcast to " + to.size()
                        + (to.size() == 1 ? " client" : " clients")
                        + (to.isEmpty() ? "" : " (" + String.join(", ", to) + ")"));
        }

        @Override
        public void cancelled(PointAt p) {
            sink.accept("#" + p.seq() + " cancelled: a newer position came");
        }

        /**
         * {@code #1 nearest spectrum 58002102 (1.1 arcsec): sent to 1 client (SPLAT samp.ok)},
         * {@code #1 nearest image: none within 0.1deg}, {@code #1 nearest image: no client takes image.load.fits},
         * {@code #1 nearest spectrum 58002102: error: ...}.
         */
        @Override
        public void nearest(PointAt p, NearestProducts.Outcome o) {
            String head = "#" + p.seq() + " nearest " + o.what();
            switch (o.status()) {
            case SENT -> {
                List<String> to = new java.util.ArrayList<>();
                Delivery d = o.sent().delivery();
                d.recipients().forEach(peer -> to.add(peer.name() + " " + d.outcome(peer, REPLY_TIMEOUT)));
                sink.accept(head + " " + o.tdt() + " (" + arcsec(o.separationDeg()) + "): sent to " + to.size()
                            + (to.size() == 1 ? " client" : " clients") + " (" + String.join(", ", to) + ")");
            }
            case NONE_NEAR -> sink.accept(head + ": none within " + service.settings().radiusDeg() + "deg");
            case NO_CLIENT -> sink.accept(head + ": no client takes " + o.kind().mtype());
            default -> sink.accept(head + (o.tdt() == null ? "" : " " + o.tdt()) + ": error: " + describe(o.error()));
            }
        }

        private static String arcsec(double deg) {
            return String.format(java.util.Locale.ROOT, "%.1f arcsec", deg * 3600);
        }

        @Override
        public void failed(PointAt p, String table, Exception e) {
            sink.accept("#" + p.seq() + " error: " + (table.isEmpty() ? "" : table + ": ") + describe(e));
        }

        @Override
        public void finished(PointAt p) {
            sink.accept("#" + p.seq() + " done");
        }

        @Override
        public void rejected(String senderId, String mtype, String errortxt) {
            sink.accept("refused " + mtype + " from " + service.name(senderId) + ": " + errortxt);
        }

        @Override
        public void highlighted(SentTable t, long row, String senderId) {
            sink.accept("row " + row + " of \"" + t.name() + "\" highlighted by " + service.name(senderId));
        }

        @Override
        public void selected(SentTable t, long[] rows, String senderId) {
            sink.accept(rows.length + (rows.length == 1 ? " row" : " rows") + " of \"" + t.name()
                        + "\" selected by " + service.name(senderId));
        }

        /** @return the error's message on one line, or its class when it has none */
        private static String describe(Exception e) {
            String m = e.getMessage();
            return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.replaceAll("\\s*\\R\\s*", " ");
        }
    }

    /** Passes the searcher's and handlers' events on to the listeners, in the order they come. */
    private final class Fan implements ReceiveListener {
        @Override
        public void received(PointAt p) {
            tell(l -> l.received(p));
        }

        @Override
        public void searched(PointAt p, String table, long rows, long millis, boolean overflow) {
            tell(l -> l.searched(p, table, rows, millis, overflow));
        }

        @Override
        public void published(PointAt p, String table, TablePublisher.Sent s) {
            tell(l -> l.published(p, table, s));
        }

        @Override
        public void cancelled(PointAt p) {
            tell(l -> l.cancelled(p));
        }

        @Override
        public void nearest(PointAt p, NearestProducts.Outcome o) {
            tell(l -> l.nearest(p, o));
        }

        @Override
        public void failed(PointAt p, String table, Exception e) {
            tell(l -> l.failed(p, table, e));
        }

        @Override
        public void finished(PointAt p) {
            tell(l -> l.finished(p));
        }

        @Override
        public void rejected(String senderId, String mtype, String errortxt) {
            tell(l -> l.rejected(senderId, mtype, errortxt));
        }
    }
}
