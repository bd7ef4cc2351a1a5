package org.isosamp.topcat;

import java.io.IOException;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.isosamp.archive.IsoArchive;
import org.isosamp.samp.HubLocation;
import org.isosamp.samp.ProductSender;
import org.isosamp.samp.SampSession;
import org.isosamp.samp.SentTables;

/**
 * iso-samp's own SAMP client inside TOPCAT, registered on first send at the hub TOPCAT uses by default
 * ({@code SAMP_HUB}, else {@code ~/.samp}), kept registered (autoconnect) until TOPCAT exits. Its own client, not
 * TOPCAT's connection: TOPCAT's {@code GuiHubConnector} is reachable ({@code SampCommunicator.getConnector()}), but
 * iso-samp's {@code SampClient} declares its own metadata and subscriptions on the connector it is given, which
 * would rename TOPCAT on the hub. Products are served from iso-samp's loopback server. Thread-safe.
 */
final class PluginBus {

    private static final Logger LOG = Logger.getLogger(PluginBus.class.getName());

    /** How long a receiver (SPLAT, Aladin) has to reply to a send. */
    static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration HUB_WAIT = Duration.ofSeconds(5);
    private static final int AUTOCONNECT_SECONDS = 5;
    private static final int MAX_SERVED = 20;

    private static SampSession session;
    private static final Map<IsoArchive, ProductSender> SENDERS = new IdentityHashMap<>();
    private static final SentTables SENT = new SentTables();
    private static boolean hooked;

    private PluginBus() {
    }

    /**
     * @param archive the archive products come from (one sender per archive)
     * @return a sender on a registered client
     * @throws IOException when no hub answers (naming its lockfile) or the client cannot start
     */
    static synchronized ProductSender sender(IsoArchive archive) throws IOException {
        if (session == null) {
            SampSession s = SampSession.open(HubLocation.of(null), false);
            try {
                s.connect(AUTOCONNECT_SECONDS, HUB_WAIT);
            } catch (InterruptedException e) {
                s.close();
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while joining the SAMP hub");
            } catch (IOException | RuntimeException e) {
                s.close();
                throw e;
            }
            session = s;
            LOG.info("iso-samp joined the SAMP hub at " + s.location().lockUrl() + " to send ISO products");
            if (!hooked) {
                Runtime.getRuntime().addShutdownHook(new Thread(PluginBus::close, "iso-samp plug-in SAMP"));
                hooked = true;
            }
        }
        ProductSender sender = SENDERS.get(archive);
        if (sender == null) {
            sender = new ProductSender(session.client(), session.server(), archive, SENT, SEND_TIMEOUT, MAX_SERVED);
            SENDERS.put(archive, sender);
        }
        return sender;
    }

    /** Stops serving and unregisters. */
    static synchronized void close() {
        SENDERS.values().forEach(ProductSender::close);
        SENDERS.clear();
        if (session != null) {
            session.close();
            session = null;
        }
    }
}
