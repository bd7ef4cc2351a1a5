package org.isosamp.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.astrogrid.samp.hub.Hub;
import org.isosamp.samp.HubLocation;

/**
 * A real JSAMP hub in this JVM with a private lockfile in a temporary folder and free ports, as JSAMP's own
 * StandardTestProfile does: it never sees or touches the user's {@code ~/.samp}. {@link #restart()} stops the
 * hub and starts a new one at the same lockfile (a hub that goes and comes back).
 */
public final class TestHub implements AutoCloseable {

    private final Path dir;
    private final HubLocation location;
    private Hub hub;

    private TestHub(Path dir) throws IOException {
        this.dir = dir;
        this.location = HubLocation.of(dir.resolve("samp.lock").toString());
        this.hub = location.startHub();
    }

    /** @return a running hub */
    public static TestHub start() throws IOException {
        return new TestHub(Files.createTempDirectory("iso-samp-hub"));
    }

    /** @return where clients find it */
    public HubLocation location() {
        return location;
    }

    /** @return {@code std-lockurl:<url>}, as SAMP_HUB or {@code --samp-hub} take it */
    public String sampHub() {
        return "std-lockurl:" + location.lockUrl();
    }

    /** Stops the hub (clients are told it shuts down); the lockfile goes. */
    public synchronized void stop() {
        if (hub != null) {
            hub.shutdown();
            hub = null;
        }
    }

    /** Stops the hub and starts a fresh one at the same lockfile. */
    public synchronized void restart() throws IOException {
        stop();
        hub = location.startHub();
    }

    @Override
    public synchronized void close() throws IOException {
        stop();
        Files.deleteIfExists(dir.resolve("samp.lock"));
        Files.deleteIfExists(dir);
    }
}
