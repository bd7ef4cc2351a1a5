package org.isosamp.samp;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.astrogrid.samp.Client;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.Response;
import org.astrogrid.samp.Subscriptions;
import org.astrogrid.samp.client.ClientProfile;
import org.astrogrid.samp.client.HubConnection;
import org.astrogrid.samp.client.HubConnector;
import org.astrogrid.samp.client.MessageHandler;
import org.astrogrid.samp.client.ResultHandler;
import org.astrogrid.samp.client.SampException;

/**
 * iso-samp on the SAMP bus: one registration with a hub, declared from {@link SampManifest}, kept alive by
 * JSAMP's autoconnect (a hub that goes and comes back finds iso-samp registered again, metadata and
 * subscriptions re-declared), with sending helpers that report every reply.
 *
 * <p>JSAMP notices a lost hub only when the hub says goodbye ({@code samp.hub.event.shutdown}); a hub that dies
 * without a word ({@code kill -9}, a crash, a frozen process) leaves {@link HubConnector#isConnected()} true
 * forever, and autoconnect never looks again. So with autoconnect on, this client also asks the hub, at the same
 * period, for its list of clients (a call that needs our private key, so a new hub at the same address fails it
 * too), and drops the registration when that fails or takes more than 10 s (a frozen hub): autoconnect then
 * finds the next hub. A loss is logged once at WARNING, the registration that follows at INFO.
 *
 * <pre>{@code
 * try (SampClient samp = new SampClient(HubLocation.of(null).profile(), SampManifest.load(), server)) {
 *     samp.addHandler(new PointAtHandler(...));
 *     samp.start(5);
 *     samp.awaitConnection(Duration.ofSeconds(10));
 *     Map<SampPeer, Response> replies = samp.callAllAndWait(msg, Duration.ofSeconds(30));
 * }
 * }</pre>
 *
 * <p><b>Whose connector.</b> Built from a {@link ClientProfile}, the client makes its own {@link HubConnector}
 * subclass, which tells it of every connection change at once and drops a dead registration under the same lock
 * as a new one is made. Built from a connector you give ({@link #SampClient(HubConnector, SampManifest,
 * ProductServer)}: a GUI passes JSAMP's {@code GuiHubConnector}, which extends {@code HubConnector}), the client
 * uses only the connector's public API: it declares metadata, subscriptions and handlers on it, and watches it
 * every {@value #POLL_MILLIS} ms ({@link HubConnector#isConnected()}, {@link HubConnector#getConnection()}), so
 * connection listeners hear of a change within that time rather than at once, and a registration changed between
 * two looks is reported as a loss followed by a registration. With autoconnect on, a hub that no longer answers
 * is dropped the only public way, {@code setActive(false)} then {@code setActive(true)}, on a thread of its own: the
 * connector's own listeners (a {@code GuiHubConnector}'s indicator and actions, told on the Swing thread) see the
 * unregistration and the new registration; a frozen hub holds that thread until its socket answers or fails, but
 * never the watch. The connector's register/unregister actions stay the user's: while unregistered by hand
 * ({@code setActive(false)}) nothing is probed and autoconnect does not run; connection listeners hear that as a
 * loss (logged as one too).
 *
 * <p>Handlers are added before {@link #start}. Each handled MType must be in the manifest's {@code subscribes}
 * (one source of truth); the declared subscriptions are the manifest's, limited to what this instance handles,
 * plus the hub-event MTypes JSAMP needs to track other clients. JSAMP's {@code client.env.get} is not declared:
 * it would hand any client our environment.
 *
 * <p>Thread-safe once started.
 */
public final class SampClient implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SampClient.class.getName());
    /** How long the hub may take to answer the periodic check before it counts as gone (a frozen hub). */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);
    /** Hub administration MTypes JSAMP's client tracking needs; not ours to list in the manifest. */
    private static final List<String> HUB_EVENTS = List.of("samp.hub.event.shutdown", "samp.hub.event.register",
        "samp.hub.event.unregister", "samp.hub.event.metadata", "samp.hub.event.subscriptions", "samp.hub.disconnect");

    /** How often a connector given by the caller is looked at for connection changes. */
    static final int POLL_MILLIS = 200;

    private final SampManifest manifest;
    private final ProductServer server;
    private final HubConnector connector;
    /** Our own connector (the same object as {@link #connector}), or null for one the caller gave. */
    private final WatchedConnector own;
    private final Set<String> handled = new HashSet<>();
    /** Handled MTypes not declared for now (a window's listen switch off). */
    private final Set<String> withheld = new HashSet<>();
    private final List<Consumer<Boolean>> connectionListeners = new CopyOnWriteArrayList<>();
    private volatile CompletableFuture<Void> connected = new CompletableFuture<>();
    private URL iconUrl;
    private boolean started;
    private volatile int autoconnectSeconds;
    private ScheduledExecutorService watch;
    private ExecutorService probes;
    private volatile boolean closing;
    // connection state, guarded by stateLock (JSAMP may report one change twice, on two threads)
    private final Object stateLock = new Object();
    private boolean registered;
    private boolean everRegistered;
    private String lostBecause;
    /** A caller's connector's registration as last seen by {@link #poll}; null while unregistered. */
    private volatile HubConnection polled;
    private final Object pollLock = new Object();

    /**
     * @param profile how to reach the hub ({@link HubLocation#profile()})
     * @param manifest what to declare
     * @param server where the icon (and what is sent) is served; stays the caller's to close
     */
    public SampClient(ClientProfile profile, SampManifest manifest, ProductServer server) {
        this(new WatchedConnector(profile), manifest, server);
    }

    /**
     * A client on a connector made by the caller, e.g. JSAMP's {@code GuiHubConnector} for a window, which then
     * shows the registration and the other clients with its own components. This client declares its metadata,
     * subscriptions and handlers on the connector, and {@link #close()} unregisters it. See the class comment for
     * how connection changes and a dead hub are seen through a connector that is not this client's own.
     *
     * @param connector the connector (made from {@link HubLocation#profile()}, not yet active or already active)
     * @param manifest what to declare
     * @param server where the icon (and what is sent) is served; stays the caller's to close
     */
    public SampClient(HubConnector connector, SampManifest manifest, ProductServer server) {
        Loopback.install();   // before the profile registers and opens JSAMP's callback server
        this.manifest = manifest;
        this.server = server;
        this.connector = connector;
        this.own = connector instanceof WatchedConnector w ? w : null;
        if (own != null) {
            own.sink = this::changed;
        }
        handled.add("samp.app.ping");   // HubConnector answers it itself
    }

    /**
     * Adds a handler for incoming messages. Call before {@link #start}.
     *
     * @param handler the handler
     * @throws IllegalArgumentException if it handles an MType the manifest does not subscribe to
     * @throws IllegalStateException after start
     */
    public synchronized void addHandler(MessageHandler handler) {
        if (started) {
            throw new IllegalStateException("handlers must be added before start()");
        }
        for (Object mtype : handler.getSubscriptions().keySet()) {
            if (!manifest.subscribes().containsKey(mtype)) {
                throw new IllegalArgumentException("handler for " + mtype + " but plugin-manifest/iso-samp.json does"
                    + " not subscribe to it");
            }
            handled.add((String) mtype);
        }
        connector.addMessageHandler(handler);
    }

    /** @param listener told true on every (re)connection and false on every loss; called on JSAMP's threads */
    public void addConnectionListener(Consumer<Boolean> listener) {
        connectionListeners.add(listener);
    }

    /**
     * Declares metadata and subscriptions and registers, now if a hub runs, else as soon as one appears.
     *
     * @param autoconnectSeconds how often to look for a hub while unregistered; 0 tries only now
     */
    public synchronized void start(int autoconnectSeconds) {
        if (started) {
            throw new IllegalStateException("already started");
        }
        started = true;
        URL icon = manifest.iconUrl();
        if (icon != null) {
            iconUrl = server.addClassResource(icon, manifest.iconResource(), "image/png");
        }
        connector.declareMetadata(manifest.metadata(iconUrl, version()));
        connector.declareSubscriptions(declaredSubscriptions());
        if (own == null) {
            // a caller's connector tells nobody of its changes through its public API: look at it
            watch = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "iso-samp hub watch"));
            probes = Executors.newCachedThreadPool(r -> daemon(r, "iso-samp hub probe"));
            watch.scheduleWithFixedDelay(this::poll, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
        }
        connector.setActive(true);
        if (autoconnectSeconds > 0) {
            this.autoconnectSeconds = autoconnectSeconds;
            connector.setAutoconnect(autoconnectSeconds);
            // the probe runs on a thread of its own so that a frozen hub costs it PROBE_TIMEOUT, not the watch
            if (watch == null) {
                probes = Executors.newCachedThreadPool(r -> daemon(r, "iso-samp hub probe"));
                watch = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "iso-samp hub watch"));
            }
            watch.scheduleWithFixedDelay(this::checkHub, autoconnectSeconds, autoconnectSeconds, TimeUnit.SECONDS);
        }
    }

    /**
     * Reports a change of a caller's connector's registration, as our own connector reports it at once. Runs on
     * the watch and, after a drop, on the probe thread: one at a time, so that a change is told once.
     */
    private void poll() {
        synchronized (pollLock) {
            pollOnce();
        }
    }

    private void pollOnce() {
        if (closing) {
            return;
        }
        HubConnection now = null;
        try {
            // getConnection() only hands back the registration when connected (it would register otherwise)
            now = connector.isConnected() ? connector.getConnection() : null;
        } catch (SampException | RuntimeException e) {
            LOG.log(Level.FINE, "looking at the hub connection failed", e);
        }
        HubConnection before = polled;
        if (now != before) {
            polled = now;
            if (before != null) {
                changed(false);
            }
            if (now != null) {
                changed(true);
            }
        }
    }

    /** @return the registration now, as far as the client knows; null while unregistered */
    private HubConnection live() {
        return own != null ? own.live : polled;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Drops the registration if the hub no longer knows us (it died, or another one took its place). */
    private void checkHub() {
        HubConnection c = live();
        if (c == null || closing) {
            return;
        }
        String failure;
        try {
            CompletableFuture.runAsync(() -> {
                try {
                    c.getRegisteredClients();
                } catch (SampException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            }, probes).get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return;
        } catch (TimeoutException e) {
            failure = "no answer in " + PROBE_TIMEOUT.toSeconds() + " s";
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException ce
                && ce.getCause() != null ? ce.getCause() : e.getCause();
            failure = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();   // closing
            return;
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return;   // closing
        }
        if (!closing) {
            lose(c, "it no longer answers: " + failure);
        }
    }

    /** Drops registration {@code c} if it is still the live one: autoconnect then looks for a hub. */
    private void lose(HubConnection c, String why) {
        if (own != null) {
            own.lose(c, () -> {
                synchronized (stateLock) {
                    lostBecause = why;
                }
            });
            return;
        }
        // a caller's connector: disconnect() is protected, so go through setActive. Its unregister call may hang on
        // a frozen hub, so not on the watch thread; a new registration made in between is checked for just before.
        synchronized (stateLock) {
            lostBecause = why;
        }
        probes.execute(() -> {
            try {
                if (closing || !connector.isConnected() || connector.getConnection() != c) {
                    return;
                }
                connector.setActive(false);   // unregisters (a dead hub refuses at once) and stops autoconnect
                if (!closing) {
                    connector.setActive(true);   // registers with the next hub now or autoconnect finds it
                    poll();
                }
            } catch (SampException | RuntimeException e) {
                LOG.log(Level.FINE, "dropping the dead registration failed", e);
            }
        });
    }

    /** @return the subscriptions this client declares (and re-declares on each reconnection) */
    public synchronized Subscriptions declaredSubscriptions() {
        Subscriptions subs = new Subscriptions();
        manifest.subscriptions().forEach((mtype, ann) -> {
            if (handled.contains(mtype) && !withheld.contains(mtype)) {
                subs.put(mtype, ann);
            }
        });
        for (String e : HUB_EVENTS) {
            subs.addMType(e);
        }
        return subs;
    }

    /**
     * Stops (or starts again) declaring one handled MType, so that the hub sends it no more (a window's "listen"
     * switch); its handler stays. After {@link #start} the subscriptions are declared again at once (a hub call:
     * not on the Swing thread), and on every later registration as they are now.
     *
     * @param mtype an MType this client handles
     * @param withhold true to stop declaring it, false to declare it again
     * @throws SampException if the hub refuses the new subscriptions
     */
    public void setWithheld(String mtype, boolean withhold) throws SampException {
        Subscriptions subs;
        synchronized (this) {
            if (!handled.contains(mtype)) {
                throw new IllegalArgumentException("no handler for " + mtype);
            }
            if (!(withhold ? withheld.add(mtype) : withheld.remove(mtype)) || !started) {
                return;
            }
            subs = declaredSubscriptions();
        }
        // the connector keeps them for every later registration, and tells the hub now if registered
        connector.declareSubscriptions(subs);
    }

    /** @return whether a handled MType is withheld ({@link #setWithheld}) */
    public synchronized boolean isWithheld(String mtype) {
        return withheld.contains(mtype);
    }

    private static String version() {
        String v = SampClient.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /**
     * @param timeout how long to wait
     * @return true if registered with a hub within the time
     */
    public boolean awaitConnection(Duration timeout) throws InterruptedException {
        if (connector.isConnected()) {
            return true;
        }
        try {
            connected.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return connector.isConnected();
        } catch (ExecutionException e) {
            throw new AssertionError(e);
        }
    }

    /** @return true if registered now */
    public boolean isConnected() {
        return connector.isConnected();
    }

    /** @return our public id on the hub, or null when not registered */
    public String selfId() {
        try {
            // getConnection() would try to register when not connected: a hub call, and a window asks from its
            // event thread
            HubConnection c = connector.isConnected() ? connector.getConnection() : null;
            return c == null ? null : c.getRegInfo().getSelfId();
        } catch (SampException e) {
            return null;
        }
    }

    /** @return the other clients on the hub (the hub itself included), by name */
    public List<SampPeer> peers() {
        String self = selfId();
        List<SampPeer> out = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Map<String, Client> map = connector.getClientMap();
        synchronized (map) {
            for (Client c : map.values()) {
                if (!c.getId().equals(self)) {
                    out.add(peer(c));
                }
            }
        }
        out.sort(Comparator.comparing(SampPeer::name, String.CASE_INSENSITIVE_ORDER).thenComparing(SampPeer::id));
        return out;
    }

    private static SampPeer peer(Client c) {
        String name = c.getMetadata() == null ? null : c.getMetadata().getName();
        Set<String> subs = new HashSet<>();
        if (c.getSubscriptions() != null) {
            for (Object k : c.getSubscriptions().keySet()) {
                subs.add(String.valueOf(k));
            }
        }
        return new SampPeer(c.getId(), name == null || name.isBlank() ? c.getId() : name, subs);
    }

    /**
     * Finds one client by id, or by name ignoring case.
     *
     * @param nameOrId what the user typed
     * @return the peer
     * @throws SampException naming the clients on the hub if none or several match
     */
    public SampPeer peer(String nameOrId) throws SampException {
        List<SampPeer> all = peers();
        for (SampPeer p : all) {
            if (p.id().equals(nameOrId)) {
                return p;
            }
        }
        List<SampPeer> named = all.stream().filter(p -> p.name().equalsIgnoreCase(nameOrId)).toList();
        if (named.size() == 1) {
            return named.get(0);
        }
        String known = all.isEmpty() ? "none" : String.join(", ", all.stream().map(SampPeer::toString).toList());
        throw new SampException(named.isEmpty()
            ? "no SAMP client named \"" + nameOrId + "\" on the hub (clients: " + known + ")"
            : "several SAMP clients are named \"" + nameOrId + "\" (" + known + "): give an id");
    }

    /** @return the live connection */
    private HubConnection connection() throws SampException {
        HubConnection c = connector.getConnection();
        if (c == null) {
            throw new SampException("not connected to a SAMP hub");
        }
        return c;
    }

    /**
     * Sends a notification to every subscribed client.
     *
     * @param msg the message (checked first)
     * @return the ids of the clients it went to
     */
    public List<String> notifyAll(Message msg) throws SampException {
        msg.check();
        @SuppressWarnings("unchecked")
        List<String> ids = connection().notifyAll(msg);
        return ids;
    }

    /** Sends a notification to one client. */
    public void notify(String clientId, Message msg) throws SampException {
        msg.check();
        connection().notify(clientId, msg);
    }

    /**
     * Calls one client and waits for its reply.
     *
     * @return the reply (an error reply is returned, not thrown)
     * @throws SampException if not connected, or no reply comes within the time ({@code Synchronous call timeout})
     */
    public Response callAndWait(String clientId, Message msg, Duration timeout) throws SampException {
        msg.check();
        return connector.callAndWait(clientId, msg, seconds(timeout));
    }

    /**
     * Calls every subscribed client and waits for their replies or the time limit, whichever comes first.
     *
     * @return each replying client's response, in the order they came; clients that did not reply in time are
     *         missing (compare with {@link #peers()} to name them)
     */
    public Map<SampPeer, Response> callAllAndWait(Message msg, Duration timeout) throws SampException,
            InterruptedException {
        msg.check();
        Map<SampPeer, Response> replies = Collections.synchronizedMap(new LinkedHashMap<>());
        CompletableFuture<Void> done = new CompletableFuture<>();
        connector.callAll(msg, new ResultHandler() {
            @Override
            public void result(Client responder, Response response) {
                replies.put(peer(responder), response);
            }

            @Override
            public void done() {
                done.complete(null);
            }
        }, seconds(timeout));
        try {
            done.get(timeout.toMillis() + 2000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.FINE, "callAll did not finish", e);
        }
        synchronized (replies) {
            return new LinkedHashMap<>(replies);
        }
    }

    private static int seconds(Duration d) {
        return (int) Math.max(1, (d.toMillis() + 999) / 1000);
    }

    /** @return the JSAMP connector underneath, for what this class does not wrap */
    public HubConnector connector() {
        return connector;
    }

    /** Unregisters (the connector too, if it was the caller's) and stops looking for a hub; the icon stops being
     *  served. */
    @Override
    public void close() {
        closing = true;
        synchronized (this) {
            if (watch != null) {
                watch.shutdownNow();
                probes.shutdownNow();
            }
        }
        connector.setAutoconnect(0);
        connector.setActive(false);
        if (own == null && polled != null) {   // the watch has stopped: say it as our own connector would
            polled = null;
            changed(false);
        }
        if (iconUrl != null) {
            server.remove(iconUrl);
        }
    }

    /**
     * Tells the connection listeners of a change; JSAMP may report one change twice (a shutdown message and a failed
     * check), told once. A loss is logged once at WARNING, a registration at INFO.
     */
    private void changed(boolean isConnected) {
        synchronized (stateLock) {
            if (isConnected == registered) {
                return;
            }
            registered = isConnected;
            if (isConnected) {
                LOG.info(everRegistered ? "registered again with the SAMP hub" : "registered with the SAMP hub");
                everRegistered = true;
            } else {
                String why = lostBecause == null ? "it shut down or disconnected us" : lostBecause;
                lostBecause = null;
                if (closing) {
                    LOG.fine("unregistered from the SAMP hub");
                } else {
                    LOG.warning("lost the SAMP hub: " + why + (autoconnectSeconds > 0
                        ? "; looking for one every " + autoconnectSeconds + " s" : ""));
                }
            }
        }
        if (isConnected) {
            connected.complete(null);
        } else {
            connected = new CompletableFuture<>();
        }
        for (Consumer<Boolean> l : connectionListeners) {
            try {
                l.accept(isConnected);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "connection listener failed", e);
            }
        }
    }

    /**
     * The client's own connector: JSAMP's, with the connection it holds made visible ({@link #live}) and
     * droppable ({@link #lose}) without a race against a new registration: both happen under {@link #lock}; every
     * change is told to the client at once.
     */
    private static final class WatchedConnector extends HubConnector {
        /** Guards registering (in getConnection) against dropping (in lose); not the connector's own monitor, which
         *  close() needs (setAutoconnect) even while a registration hangs. */
        private final Object lock = new Object();
        /** The registered connection, null while unregistered. */
        volatile HubConnection live;
        /** The client told of changes; set once, by the client that made this connector. */
        volatile Consumer<Boolean> sink;

        WatchedConnector(ClientProfile profile) {
            super(profile);
        }

        @Override
        public HubConnection getConnection() throws SampException {
            synchronized (lock) {
                HubConnection c = super.getConnection();
                live = c;
                return c;
            }
        }

        /**
         * Drops connection {@code c} if it is still the registered one: autoconnect then looks for a hub.
         *
         * @param before run first, under the lock, only if it is dropped (says why)
         */
        void lose(HubConnection c, Runnable before) {
            synchronized (lock) {
                if (live == c) {
                    before.run();
                    disconnect();   // tells connectionChanged(false)
                }
            }
        }

        @Override
        protected void connectionChanged(boolean isConnected) {
            super.connectionChanged(isConnected);
            if (!isConnected) {
                live = null;
            }
            Consumer<Boolean> s = sink;
            if (s != null) {
                s.accept(isConnected);
            }
        }
    }
}
