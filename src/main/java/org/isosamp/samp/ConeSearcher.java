package org.isosamp.samp;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.isosamp.archive.IsoArchive;
import org.isosamp.archive.QueryResult;

/**
 * Answers sky positions ({@code coord.pointAt.sky}) with cone searches over a few tables, on one named daemon
 * worker, and hands each non-empty result to a {@link TablePublisher}. {@link #submit} never blocks: the hub's
 * callback thread queues the position and returns.
 *
 * <p><b>Bursts coalesce.</b> Only the newest position is ever worked on: a new one replaces a queued one, and a
 * search running for an older one is cancelled (the worker is interrupted inside {@link IsoArchive#cone}, which
 * makes the TAP client abort) and its results are dropped. So that a burst (Aladin sends a position per click or
 * drag step) yields only its last position's tables, a position is published only once it has stayed the newest
 * for a while: {@link Settings#settle()} (default 50 ms) after it came, the searches running meanwhile (a
 * result found after that goes out at once, before the next table is searched); and a position that replaced an
 * unfinished one (we are in a burst) waits {@link Settings#burstQuiet()} (default 300 ms) of quiet before its
 * searches even start. An isolated position's first table costs about {@code max(settle, first search)} plus one
 * publication; the last of a burst {@code burstQuiet} more.
 *
 * <p>Only numbers reach the archive: the position is two finite doubles, the radius a double and the tables
 * names checked against {@link IsoArchive#CONE_TABLES} here and again by {@link IsoArchive#coneQuery}.
 *
 * <p>Thread-safe. Listeners hear of each position in order (its arrival first, its end last), on whichever
 * thread is telling at the time (the hub's callback thread or the worker); what they throw is logged. A failure
 * of the archive or the publisher is reported ({@link ReceiveListener#failed}) and the worker goes on.
 *
 * <pre>{@code
 * ConeSearcher searcher = new ConeSearcher(archive, publisher, ConeSearcher.Settings.of(SampManifest.load()));
 * samp.addHandler(new PointAtHandler(searcher));
 * }</pre>
 */
public final class ConeSearcher implements AutoCloseable {

    /** The worker thread's name. */
    public static final String THREAD_NAME = "iso-samp pointAt search";

    private static final Logger LOG = Logger.getLogger(ConeSearcher.class.getName());

    /**
     * What a position is searched for and how bursts are told apart.
     *
     * @param tables tables to search, in order (each one of {@link IsoArchive#CONE_TABLES}; kept lower case)
     * @param radiusDeg cone radius in degrees, (0, 180]
     * @param maxrec most rows per table (MAXREC); more are reported as overflow
     * @param settle how long a position must stay the newest before its results are published
     * @param burstQuiet how long a position that replaced an unfinished one waits, with no newer one, before its
     *        search starts
     */
    public record Settings(List<String> tables, double radiusDeg, long maxrec, Duration settle, Duration burstQuiet) {

        /** Checks every value, naming the bad one. */
        public Settings {
            if (tables == null || tables.isEmpty()) {
                throw new IllegalArgumentException("no cone tables: give at least one of "
                    + new TreeSet<>(IsoArchive.CONE_TABLES.keySet()));
            }
            List<String> checked = new ArrayList<>();
            for (String t : tables) {
                String key = t == null ? "" : t.trim().toLowerCase(Locale.ROOT);
                if (!IsoArchive.CONE_TABLES.containsKey(key)) {
                    throw new IllegalArgumentException("cannot cone-search table \"" + t + "\": use "
                        + new TreeSet<>(IsoArchive.CONE_TABLES.keySet()));
                }
                if (!checked.contains(key)) {
                    checked.add(key);
                }
            }
            tables = List.copyOf(checked);
            if (!(radiusDeg > 0 && radiusDeg <= 180)) {
                throw new IllegalArgumentException("cone radius (" + radiusDeg + ") must be within (0, 180] degrees");
            }
            if (maxrec <= 0) {
                throw new IllegalArgumentException("maxrec (" + maxrec + ") must be positive");
            }
            if (settle == null || settle.isNegative() || burstQuiet == null || burstQuiet.isNegative()) {
                throw new IllegalArgumentException("settle (" + settle + ") and burstQuiet (" + burstQuiet
                    + ") must be zero or positive");
            }
        }

        /** @return the manifest's tables and radius, MAXREC 10 000, settle 50 ms, burst quiet 300 ms */
        public static Settings of(SampManifest manifest) {
            return new Settings(manifest.coneTables(), manifest.coneRadiusDeg(), 10_000, Duration.ofMillis(50),
                                Duration.ofMillis(300));
        }

        /** @return these settings with other tables */
        public Settings withTables(List<String> t) {
            return new Settings(t, radiusDeg, maxrec, settle, burstQuiet);
        }

        /** @return these settings with another radius */
        public Settings withRadius(double r) {
            return new Settings(tables, r, maxrec, settle, burstQuiet);
        }

        /** @return these settings with other burst timings */
        public Settings withTimings(Duration s, Duration quiet) {
            return new Settings(tables, radiusDeg, maxrec, s, quiet);
        }
    }

    /**
     * More work for a position once its tables are searched and published, done on the worker before the position
     * is {@linkplain ReceiveListener#finished finished}: sending the nearest spectrum and image
     * ({@link NearestProducts}). Set with {@link #setFollowup} before the first position.
     */
    @FunctionalInterface
    public interface Followup {
        /**
         * @param step the position, its results, and how to search more or tell listeners
         */
        void follow(Step step);
    }

    /** What a {@link Followup} gets: the position being worked on, on the worker thread. */
    public interface Step {
        /** @return the position */
        PointAt point();

        /** @return the settings (radius) it was searched with */
        Settings settings();

        /**
         * A table's cone result for this position: the one already found if the table was searched, else searched now
         * (cancellable, as the other searches: a newer position interrupts it).
         *
         * @param table one of {@link IsoArchive#CONE_TABLES}
         * @return the result, or null if a newer position came first
         * @throws IOException if the archive fails
         */
        QueryResult result(String table) throws IOException;

        /** @return true once a newer position came (or the searcher closed): stop and say nothing more */
        boolean stale();

        /** @param event told to the listeners in order with the position's other events */
        void tell(Consumer<ReceiveListener> event);
    }

    /** A queued position: when it came and whether it replaced an unfinished one. */
    private record Job(PointAt point, long arrivedNanos, boolean burst) {
    }

    private volatile IsoArchive archive;
    private final TablePublisher publisher;
    private final Settings settings;
    private final List<ReceiveListener> listeners = new CopyOnWriteArrayList<>();
    private final Thread worker;
    private volatile Followup followup;

    // guarded by this
    private final ArrayDeque<Consumer<ReceiveListener>> events = new ArrayDeque<>();
    private boolean draining;
    private long lastSeq;
    private Job pending;
    private Job current;
    private boolean inSearch;
    private boolean closed;

    /**
     * Starts the worker.
     *
     * @param archive where to search; null until {@link #setArchive} (positions then fail, saying so)
     * @param publisher where non-empty results go; null to search and report only (nothing is sent)
     * @param settings tables, radius, timings
     */
    public ConeSearcher(IsoArchive archive, TablePublisher publisher, Settings settings) {
        this.archive = archive;
        this.publisher = publisher;
        this.settings = settings;
        this.worker = new Thread(this::work, THREAD_NAME);
        worker.setDaemon(true);
        worker.start();
    }

    /** @return the settings */
    public Settings settings() {
        return settings;
    }

    /** @return true if results are published, false if only reported */
    public boolean publishes() {
        return publisher != null;
    }

    /** @param a where positions from now on are searched (a window's archive chooser changed) */
    public void setArchive(IsoArchive a) {
        this.archive = a;
    }

    /** @return where positions are searched, or null when none is chosen yet */
    public IsoArchive archive() {
        return archive;
    }

    /** @param f run for each position after its tables are published (null for none); set before use */
    public void setFollowup(Followup f) {
        this.followup = f;
    }

    /** @param l told of every position and what became of it */
    public void addListener(ReceiveListener l) {
        listeners.add(l);
    }

    /** @param l no longer told */
    public void removeListener(ReceiveListener l) {
        listeners.remove(l);
    }

    /**
     * Queues a position, replacing any queued one and cancelling a search for an older one. Never blocks.
     *
     * @param raDeg right ascension, degrees, any finite value (normalised into [0, 360))
     * @param decDeg declination, degrees, [-90, 90]
     * @param senderId who sent it
     * @return the position as queued
     * @throws IllegalArgumentException if a number is not finite or out of range
     * @throws IllegalStateException after {@link #close}
     */
    public PointAt submit(double raDeg, double decDeg, String senderId) {
        if (!Double.isFinite(raDeg)) {
            throw new IllegalArgumentException("ra (" + raDeg + ") must be a finite number of degrees");
        }
        if (!(decDeg >= -90 && decDeg <= 90)) {
            throw new IllegalArgumentException("dec (" + decDeg + ") must be within [-90, 90] degrees");
        }
        PointAt p;
        Job replaced;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("cone searcher closed");
            }
            replaced = pending;
            p = new PointAt(++lastSeq, normaliseRa(raDeg), decDeg + 0.0, senderId);
            pending = new Job(p, System.nanoTime(), replaced != null || current != null);
            if (current != null && inSearch) {
                worker.interrupt();   // only ever while inside archive.cone: see search()
            }
            // queued with the state change, so that nothing about p can be told before its arrival
            events.add(l -> l.received(p));
            if (replaced != null) {
                events.add(l -> l.cancelled(replaced.point()));
            }
            notifyAll();
        }
        drain();
        return p;
    }

    /** @return right ascension in [0, 360): -10 is 350, 360 is 0, and -1e-17 is 0, not 360 */
    static double normaliseRa(double raDeg) {
        double r = raDeg % 360;
        if (r < 0) {
            r += 360;
        }
        return r >= 360 ? 0 : r + 0.0;
    }

    /**
     * @return a published table's {@code name}, e.g. {@code ivoa.obscore near 10.6847 +41.2690 r=0.1deg}
     *         ("deg": SAMP strings are ASCII, a degree sign would make the message invalid)
     */
    public static String tableName(String table, PointAt p, double radiusDeg) {
        String r = new BigDecimal(radiusDeg).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        return table + " near " + p.position() + " r=" + r + "deg";
    }

    /** @return true if no position is queued or being worked on */
    public synchronized boolean isIdle() {
        return pending == null && current == null;
    }

    /** Stops the worker: a running search is cancelled, a queued position dropped. Waits up to 5 s for it. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            pending = null;
            worker.interrupt();
            notifyAll();
        }
        try {
            worker.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void work() {
        while (true) {
            Job job;
            synchronized (this) {
                while (pending == null && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        // close() interrupts; the loop condition decides
                    }
                }
                if (closed) {
                    return;
                }
                job = pending;
                pending = null;
                current = job;
            }
            try {
                run(job);
            } catch (Throwable t) {
                // a bug, not the archive: say so and keep serving
                if (isStale(job)) {
                    fire(l -> l.cancelled(job.point()));
                } else {
                    LOG.log(Level.SEVERE, "pointAt worker failed on " + job.point(), t);
                    fire(l -> l.failed(job.point(), "", t instanceof Exception e ? e : new RuntimeException(t)));
                    fire(l -> l.finished(job.point()));
                }
            } finally {
                synchronized (this) {
                    current = null;
                    inSearch = false;
                }
                Thread.interrupted();
            }
        }
    }

    private void run(Job job) {
        PointAt p = job.point();
        if (job.burst() && !stillNewestAfter(job, settings.burstQuiet())) {
            fire(l -> l.cancelled(p));
            return;
        }
        // found but not yet published: published as soon as the position is settled, searching on meanwhile
        List<String> tables = new ArrayList<>();
        List<QueryResult> results = new ArrayList<>();
        Map<String, QueryResult> found = new HashMap<>();   // for the followup
        for (String table : settings.tables()) {
            QueryResult r;
            long t0 = System.nanoTime();
            try {
                r = search(job, table);
            } catch (IOException | RuntimeException e) {
                if (isStale(job)) {
                    fire(l -> l.cancelled(p));
                    return;
                }
                fire(l -> l.failed(p, table, e));
                continue;
            }
            if (r == null) {
                fire(l -> l.cancelled(p));
                return;
            }
            found.put(table, r);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            long rows = r.table().getRowCount();
            fire(l -> l.searched(p, table, rows, ms, r.overflow()));
            if (rows != 0) {
                tables.add(table);
                results.add(r);
            }
            if (!results.isEmpty() && (job.burst() || settled(job)) && !publish(job, tables, results)) {
                fire(l -> l.cancelled(p));
                return;
            }
        }
        if (!job.burst() && !stillNewestAfter(job, settings.settle())) {
            fire(l -> l.cancelled(p));
            return;
        }
        if (!publish(job, tables, results)) {
            fire(l -> l.cancelled(p));
            return;
        }
        Followup f = followup;
        if (f != null) {
            f.follow(new JobStep(job, found));
            if (isStale(job)) {
                fire(l -> l.cancelled(p));
                return;
            }
        }
        fire(l -> l.finished(p));
    }

    /** The followup's view of a job. */
    private final class JobStep implements Step {
        private final Job job;
        private final Map<String, QueryResult> found;

        JobStep(Job job, Map<String, QueryResult> found) {
            this.job = job;
            this.found = found;
        }

        @Override
        public PointAt point() {
            return job.point();
        }

        @Override
        public Settings settings() {
            return settings;
        }

        @Override
        public QueryResult result(String table) throws IOException {
            String key = table.toLowerCase(Locale.ROOT);
            QueryResult r = found.get(key);
            if (r == null) {
                r = search(job, key);
                if (r != null) {
                    found.put(key, r);
                }
            }
            return r;
        }

        @Override
        public boolean stale() {
            return isStale(job);
        }

        @Override
        public void tell(Consumer<ReceiveListener> event) {
            fire(event);
        }
    }

    /** @return true if the job's settle time is over and it is still the newest (does not wait) */
    private synchronized boolean settled(Job job) {
        return !isStale(job) && System.nanoTime() - job.arrivedNanos() >= settings.settle().toNanos();
    }

    /**
     * Publishes the results found so far, in order, and forgets them.
     *
     * @return false if a newer position came first (the rest is not published)
     */
    private boolean publish(Job job, List<String> tables, List<QueryResult> results) {
        PointAt p = job.point();
        while (!results.isEmpty()) {
            if (isStale(job)) {
                return false;
            }
            String table = tables.remove(0);
            QueryResult r = results.remove(0);
            if (publisher == null) {
                continue;
            }
            try {
                TablePublisher.Sent sent = publisher.send(r.table(), tableName(table, p, settings.radiusDeg()), null);
                fire(l -> l.published(p, table, sent));
            } catch (IOException | RuntimeException e) {
                fire(l -> l.failed(p, table, e));
            }
        }
        return true;
    }

    /**
     * One cone search, cancellable: while it runs {@link #submit} may interrupt this thread, and only then.
     *
     * @return the result, or null if a newer position came first
     */
    private QueryResult search(Job job, String table) throws IOException {
        synchronized (this) {
            if (isStale(job)) {
                return null;
            }
            inSearch = true;
        }
        try {
            PointAt p = job.point();
            IsoArchive a = archive;
            if (a == null) {
                throw new IOException("no archive chosen to search " + table + " in");
            }
            return a.cone(table, p.raDeg(), p.decDeg(), settings.radiusDeg(), settings.maxrec());
        } catch (Exception e) {
            // an interrupt surfaces as InterruptedIOException, ClosedByInterruptException, or (from OkHttp's
            // Kotlin) an undeclared InterruptedException: whatever it is, a stale search is just cancelled
            if (isStale(job)) {
                return null;
            }
            if (e instanceof IOException io) {
                throw io;
            }
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(e);
        } finally {
            synchronized (this) {
                inSearch = false;
            }
            // an interrupt can only have come while inSearch was true, under this lock: clearing now is safe
            Thread.interrupted();
        }
    }

    private synchronized boolean isStale(Job job) {
        return closed || lastSeq != job.point().seq();
    }

    /** Waits until {@code delay} after the job came; @return false if a newer position came meanwhile */
    private synchronized boolean stillNewestAfter(Job job, Duration delay) {
        long end = job.arrivedNanos() + delay.toNanos();
        while (!isStale(job)) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                // only close() interrupts outside a search; isStale() sees it
            }
        }
        return false;
    }

    private void fire(Consumer<ReceiveListener> event) {
        synchronized (this) {
            events.add(event);
        }
        drain();
    }

    /**
     * Tells the listeners every queued event, in queue order, on this thread; unless another thread is at it, which
     * then tells ours too (it stops only when it finds the queue empty, under the same lock). Never waits.
     */
    private void drain() {
        synchronized (this) {
            if (draining) {
                return;
            }
            draining = true;
        }
        while (true) {
            Consumer<ReceiveListener> event;
            synchronized (this) {
                event = events.poll();
                if (event == null) {
                    draining = false;
                    return;
                }
            }
            for (ReceiveListener l : listeners) {
                try {
                    event.accept(l);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "receive listener failed", e);
                }
            }
        }
    }
}
