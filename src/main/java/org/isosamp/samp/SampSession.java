package org.isosamp.samp;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Function;
import java.util.logging.Logger;
import org.astrogrid.samp.client.ClientProfile;
import org.astrogrid.samp.client.HubConnector;
import org.astrogrid.samp.client.SampException;
import org.astrogrid.samp.hub.Hub;

/**
 * iso-samp on the bus, for one face (the command line, a window, a TOPCAT plug-in): where the hub is, the hub
 * started in this process if it was asked for and none was running, the loopback server of what is sent
 * ({@link ProductServer}) and the {@link SampClient}. A face opens a session, adds its handlers to
 * {@link #client()}, then {@link #connect}s; closing it unregisters, stops serving and stops the hub it started.
 *
 * <pre>{@code
 * try (SampSession bus = SampSession.open(HubLocation.of(null), true)) {   // --hub: run one if none runs
 *     bus.client().addHandler(new PointAtHandler(searcher));
 *     bus.connect(5, Duration.ofSeconds(5));
 *     ...
 * }
 * }</pre>
 *
 * A window passes its own connector (JSAMP's {@code GuiHubConnector}) through
 * {@link #open(HubLocation, boolean, Function)}; what the client then sees of it is in {@link SampClient}.
 *
 * <p>Thread-safe as its client is; {@link #close()} once.
 */
public final class SampSession implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SampSession.class.getName());

    private final HubLocation location;
    private final SampClient client;
    private final ProductServer server;
    private final Hub hub;

    private SampSession(HubLocation location, SampClient client, ProductServer server, Hub hub) {
        this.location = location;
        this.client = client;
        this.server = server;
        this.hub = hub;
    }

    /**
     * Opens a session with iso-samp's own connector; the caller adds handlers, then {@link #connect}s.
     *
     * @param location the hub's lockfile ({@link HubLocation#of})
     * @param startHub whether to run a hub in this process if none answers at the location (it stops with the
     *        session)
     * @return the session, not yet registered
     * @throws IOException if the hub or the product server cannot start
     */
    public static SampSession open(HubLocation location, boolean startHub) throws IOException {
        return open(location, startHub, null);
    }

    /**
     * Opens a session whose client registers through a connector the caller makes from the location's profile.
     *
     * @param location the hub's lockfile ({@link HubLocation#of})
     * @param startHub whether to run a hub in this process if none answers at the location
     * @param connectors makes the connector from the location's profile, e.g. {@code GuiHubConnector::new}; null for
     *        iso-samp's own
     * @return the session, not yet registered
     * @throws IOException if the hub or the product server cannot start
     */
    public static SampSession open(HubLocation location, boolean startHub,
                                   Function<ClientProfile, ? extends HubConnector> connectors) throws IOException {
        Hub hub = null;
        if (startHub && !location.isHubRunning()) {
            hub = location.startHub();
        }
        ProductServer server = null;
        try {
            server = ProductServer.start();
            SampClient client = connectors == null
                ? new SampClient(location.profile(), SampManifest.load(), server)
                : new SampClient(connectors.apply(location.profile()), SampManifest.load(), server);
            return new SampSession(location, client, server, hub);
        } catch (IOException | RuntimeException e) {
            if (server != null) {
                server.close();
            }
            if (hub != null) {
                hub.shutdown();
            }
            throw e;
        }
    }

    /**
     * Registers and waits for the hub.
     *
     * @param autoconnectSeconds how often to look for a hub again after losing it (and to check that it still
     *        answers); 0 for never
     * @param wait how long to wait for a hub now
     * @throws NoHubException naming the lockfile when no hub answers in time
     */
    public void connect(int autoconnectSeconds, Duration wait) throws SampException, InterruptedException {
        client.start(autoconnectSeconds);
        if (!client.awaitConnection(wait.isNegative() ? Duration.ZERO : wait)) {
            throw new NoHubException(location);
        }
    }

    /**
     * Opens a session with no handlers of its own and registers it, without autoconnect: for a face that sends
     * or asks the hub once.
     *
     * @param location the hub's lockfile
     * @param startHub whether to run a hub in this process if none answers
     * @param wait how long to wait for a hub
     * @return the registered session
     * @throws NoHubException naming the lockfile when no hub answers in time (nothing is left open)
     */
    public static SampSession openConnected(HubLocation location, boolean startHub, Duration wait)
            throws IOException, InterruptedException {
        SampSession s = open(location, startHub);
        try {
            s.connect(0, wait);
            return s;
        } catch (IOException | InterruptedException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** @return where the hub is */
    public HubLocation location() {
        return location;
    }

    /** @return iso-samp's client */
    public SampClient client() {
        return client;
    }

    /** @return the loopback server of what is sent (and of the icon) */
    public ProductServer server() {
        return server;
    }

    /** @return the hub this session started, or null if it uses one that was running */
    public Hub hub() {
        return hub;
    }

    /** Unregisters, stops serving, and stops the hub this session started (which removes its lockfile). */
    @Override
    public void close() {
        client.close();
        server.close();
        if (hub != null) {
            hub.shutdown();
            LOG.fine(() -> "stopped the SAMP hub at " + location.lockUrl());
        }
    }

    /** No hub answered at a lockfile in time; a face adds how its user starts one. */
    public static final class NoHubException extends SampException {
        private static final long serialVersionUID = 1L;

        private final transient HubLocation location;

        NoHubException(HubLocation location) {
            super("no SAMP hub running at " + location.lockUrl() + ": start TOPCAT or Aladin (or another hub)");
            this.location = location;
        }

        /** @return where no hub answered */
        public HubLocation location() {
            return location;
        }
    }
}
