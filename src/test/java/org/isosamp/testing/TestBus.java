package org.isosamp.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.isosamp.samp.ProductServer;
import org.isosamp.samp.SampClient;
import org.isosamp.samp.SampManifest;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * iso-samp on a SAMP bus of its own, new for each test: a {@link TestHub}, a {@link ProductServer} and a
 * {@link SampClient} declared from the packed manifest, not yet started. A JUnit 5 extension:
 *
 * <pre>
 * &#64;RegisterExtension
 * final TestBus bus = new TestBus();
 *
 * &#64;Test
 * void sends() throws Exception {
 *     try (FakeViewer topcat = new FakeViewer(bus.hub(), "topcat", "table.load.votable")) {
 *         bus.connect(1);
 *         ... bus.samp(), bus.server() ...
 *     }
 * }
 * </pre>
 *
 * After each test the client is closed and the test fails if the server still serves anything (a leaked table,
 * product or icon); then the server and the hub stop.
 */
public final class TestBus implements BeforeEachCallback, AfterEachCallback {

    /** How long {@link #connect} waits for the hub and for the other clients. */
    public static final Duration WAIT = Duration.ofSeconds(10);

    private TestHub hub;
    private ProductServer server;
    private SampClient samp;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        hub = TestHub.start();
        server = ProductServer.start();
        samp = new SampClient(hub.location().profile(), SampManifest.load(), server);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            samp.close();
            assertEquals(0, server.liveCount(), "nothing left served");
        } finally {
            server.close();
            hub.close();
        }
    }

    /** @return the hub, for other clients ({@link FakeViewer}, {@link ScriptedViewer}) to join */
    public TestHub hub() {
        return hub;
    }

    /** @return the server of what iso-samp sends */
    public ProductServer server() {
        return server;
    }

    /** @return iso-samp's client; add handlers before {@link #connect} */
    public SampClient samp() {
        return samp;
    }

    /**
     * Starts iso-samp's client (no autoconnect) and waits until it is registered and sees the other clients.
     *
     * @param others how many clients besides iso-samp and the hub must be on the hub
     */
    public void connect(int others) throws InterruptedException {
        samp.start(0);
        assertTrue(samp.awaitConnection(WAIT), "iso-samp registered with the hub within " + WAIT);
        Await.until(() -> samp.peers().size() >= others + 1, WAIT,   // + the hub
                    others + " other clients on the hub, besides the hub itself");
    }
}
