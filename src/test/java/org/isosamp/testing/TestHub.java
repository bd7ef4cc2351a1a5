package org.isosamp.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.astrogrid.samp.hub.Hub;
import org.isosamp.samp.HubLocation;

/**
 * A real JSAMP hub with a private lockfile in a temporary folder and free ports, as JSAMP's own
 * StandardTestProfile does: it never sees or touches the user's {@code ~/.samp}. {@link #restart()} stops the
 * hub and starts a new one at the same lockfile (a hub that goes and comes back).
 *
 * <p>{@link #start()} runs the hub in this JVM. {@link #startInChildJvm()} runs it in a JVM of its own, so that
 * {@link #crash()} can kill it as {@code kill -9} or a crash does: no shutdown message to its clients, the
 * lockfile left behind, its port closed.
 */
public final class TestHub implements AutoCloseable {

    /** What a hub in a child JVM prints once it runs. */
    static final String READY = "test hub running";
    private static final Duration CHILD_WAIT = Duration.ofSeconds(60);

    private final Path dir;
    private final HubLocation location;
    private final boolean inChild;
    private Hub hub;
    private ChildJvm child;
    private int children;

    private TestHub(Path dir, boolean inChild) throws IOException, InterruptedException {
        this.dir = dir;
        this.location = HubLocation.of(dir.resolve("samp.lock").toString());
        this.inChild = inChild;
        begin();
    }

    /** @return a running hub in this JVM */
    public static TestHub start() throws IOException {
        try {
            return new TestHub(Files.createTempDirectory("iso-samp-hub"), false);
        } catch (InterruptedException e) {
            throw new AssertionError("an in-process hub does not wait", e);
        }
    }

    /** @return a running hub in a child JVM, which {@link #crash()} can kill */
    public static TestHub startInChildJvm() throws IOException, InterruptedException {
        return new TestHub(Files.createTempDirectory("iso-samp-hub"), true);
    }

    private void begin() throws IOException, InterruptedException {
        if (!inChild) {
            hub = location.startHub();
            return;
        }
        // each child its own working folder (its log), beside the lockfile they share
        Path work = Files.createDirectories(dir.resolve("child-" + ++children));
        child = ChildJvm.start(work, TestHub.class.getName(), location.lockFile().toString());
        child.awaitOutput(READY, CHILD_WAIT);
    }

    /** @return what the hub's child JVM has written so far (empty for a hub in this JVM) */
    public synchronized String log() {
        return child == null ? "" : child.output();
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
        if (child != null) {
            ChildJvm c = child;
            child = null;
            try {
                c.terminate(CHILD_WAIT);   // SIGTERM: JSAMP's shutdown hook tells the clients
            } catch (InterruptedException e) {
                c.close();
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Kills the hub's JVM with SIGKILL, as {@code kill -9} or a crash: the clients are told nothing and the
     * lockfile stays, naming a dead address.
     *
     * @throws IllegalStateException for a hub in this JVM (only a process can die this way)
     */
    public synchronized void crash() throws InterruptedException {
        if (!inChild) {
            throw new IllegalStateException("only a hub started by startInChildJvm() can crash");
        }
        if (child != null) {
            ChildJvm dead = child;
            child = null;
            dead.close();   // destroyForcibly: SIGKILL
            Await.until(() -> !dead.isAlive(), CHILD_WAIT, "the hub's JVM gone after SIGKILL");
        }
    }

    /** Stops the hub (if it still runs) and starts a fresh one at the same lockfile, in the same kind of JVM. */
    public synchronized void restart() throws IOException, InterruptedException {
        stop();
        begin();
    }

    @Override
    public synchronized void close() throws IOException {
        stop();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * The hub of {@link #startInChildJvm()}: runs a hub writing the given lockfile until the JVM is killed.
     *
     * @param args the lockfile path
     */
    public static void main(String... args) throws Exception {
        HubLocation.of(args[0]).startHub();
        System.out.println(READY);
        System.out.flush();
        new CountDownLatch(1).await();   // the hub's threads are daemons: keep the JVM alive
    }
}
