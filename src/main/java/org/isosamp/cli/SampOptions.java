package org.isosamp.cli;

import java.io.IOException;
import java.time.Duration;
import org.astrogrid.samp.client.SampException;
import org.isosamp.samp.HubLocation;
import org.isosamp.samp.SampSession;
import picocli.CommandLine.Option;

/**
 * Options every SAMP command shares: which hub ({@code --samp-hub}, else {@code $SAMP_HUB}, else
 * {@code ~/.samp}), whether to run one when none is running ({@code --hub}, as TOPCAT does), and how long to
 * wait for one. The session itself is {@link SampSession}'s.
 */
public final class SampOptions {

    @Option(names = "--samp-hub", paramLabel = "HUB",
            description = "the SAMP hub: its lockfile's path or std-lockurl:URL (default: $SAMP_HUB, else ~/.samp)")
    String sampHub;

    @Option(names = "--hub", description = "run a SAMP hub in this process if none is running; it stops with"
                                           + " iso-samp")
    boolean startHub;

    @Option(names = "--hub-wait", paramLabel = "SECONDS", defaultValue = "5",
            description = "how long to wait for a hub before giving up (default: ${DEFAULT-VALUE})")
    int hubWait;

    /**
     * Opens a bus session ({@link SampSession}); the caller adds handlers, then {@link #connect}s.
     *
     * @throws IllegalArgumentException for a bad {@code --samp-hub}
     */
    SampSession open() throws IOException {
        // JSAMP logs every registration and served resource at INFO; keep that for -v (set by ArchiveOptions)
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        if (root.getLevel() == null || root.getLevel().intValue() > java.util.logging.Level.FINE.intValue()) {
            java.util.logging.Logger.getLogger("org.astrogrid.samp").setLevel(java.util.logging.Level.WARNING);
            java.util.logging.Logger.getLogger("org.isosamp").setLevel(java.util.logging.Level.WARNING);
        }
        return SampSession.open(HubLocation.of(sampHub), startHub);
    }

    /**
     * Opens a bus session with no handlers of its own and {@link #connect}s it, without autoconnect.
     *
     * @throws SampException naming the lockfile and what to do when no hub answers in time (nothing is left open)
     */
    SampSession openConnected() throws IOException, InterruptedException {
        SampSession bus = open();
        try {
            connect(bus, 0);
            return bus;
        } catch (IOException | InterruptedException | RuntimeException e) {
            bus.close();
            throw e;
        }
    }

    /**
     * Registers and waits for the hub.
     *
     * @param bus the session
     * @param autoconnectSeconds how often to look for a hub again after losing it; 0 for never
     * @throws SampException naming the lockfile and what to do when no hub answers in time
     */
    void connect(SampSession bus, int autoconnectSeconds) throws SampException, InterruptedException {
        try {
            bus.connect(autoconnectSeconds, hubWait());
        } catch (SampSession.NoHubException e) {
            throw noHub(e);
        }
    }

    /** @return how long to wait for a hub ({@code --hub-wait}) */
    Duration hubWait() {
        return Duration.ofSeconds(Math.max(0, hubWait));
    }

    /** @return the core's "no hub" failure, with how to start one from the command line */
    SampException noHub(SampSession.NoHubException e) {
        return new SampException(e.getMessage() + ", or add --hub", e);
    }
}
