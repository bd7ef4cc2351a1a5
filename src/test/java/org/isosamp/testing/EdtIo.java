package org.isosamp.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingStream;

/**
 * Catches disk and network calls on Swing's event thread, in the JVM that runs a window (a probe's): a JFR
 * {@link RecordingStream} with {@code jdk.FileRead}, {@code jdk.FileWrite}, {@code jdk.SocketRead} and
 * {@code jdk.SocketWrite} at threshold 0 (every call, however short) and their stacks; an event on an
 * {@code AWT-EventQueue} thread is a violation unless a frame of its stack is the JVM's own loading of classes,
 * resources, fonts or icons (which Swing does on the event thread, and which no code of ours can move).
 *
 * <pre>
 * EdtIo check = EdtIo.start();
 * ... drive the window ...
 * List&lt;String&gt; violations = check.stop(dir);   // each: event, thread, the stack's first frames
 * </pre>
 */
public final class EdtIo {

    /** Frames that make an event the JVM's own business: class, resource, font and image loading. */
    private static final List<String> ALLOWED = List.of(
        "java.lang.ClassLoader.", "jdk.internal.loader.", "java.util.zip.", "java.util.jar.", "java.lang.Class.",
        "sun.net.www.protocol.jar.", "java.util.ServiceLoader", "java.util.ResourceBundle", "sun.font.",
        "java.awt.Font.", "sun.awt.FontConfiguration", "sun.awt.X11FontManager", "javax.imageio.", "sun.awt.image.",
        "javax.swing.ImageIcon", "java.awt.Toolkit", "java.awt.SplashScreen",
        "javax.swing.UIManager.loadSwingProperties");

    private static final String MARKER_THREAD = "edt-io-marker";

    private final RecordingStream stream = new RecordingStream();
    private final List<String> violations = new ArrayList<>();
    private final CountDownLatch marker = new CountDownLatch(1);

    private EdtIo() {
    }

    /** @return a check recording from now on */
    public static EdtIo start() {
        EdtIo c = new EdtIo();
        for (String event : List.of("jdk.FileRead", "jdk.FileWrite", "jdk.SocketRead", "jdk.SocketWrite")) {
            c.stream.enable(event).withThreshold(Duration.ZERO).withStackTrace();
            c.stream.onEvent(event, c::event);
        }
        c.stream.startAsync();
        return c;
    }

    private void event(RecordedEvent e) {
        if (e.getThread() == null) {
            return;
        }
        String thread = e.getThread().getJavaName();
        if (MARKER_THREAD.equals(thread)) {
            marker.countDown();
            return;
        }
        if (thread == null || !thread.startsWith("AWT-EventQueue")) {
            return;
        }
        List<String> frames = new ArrayList<>();
        if (e.getStackTrace() != null) {
            for (RecordedFrame f : e.getStackTrace().getFrames()) {
                String name = f.getMethod().getType().getName() + "." + f.getMethod().getName();
                for (String allowed : ALLOWED) {
                    if (name.startsWith(allowed)) {
                        return;
                    }
                }
                frames.add(name + ":" + f.getLineNumber());
            }
        }
        String what = e.getEventType().getName() + " on " + thread + " ("
                      + (e.hasField("path") ? e.getString("path") : e.hasField("host") ? e.getString("host") : "?")
                      + ") at " + String.join(" < ", frames.subList(0, Math.min(12, frames.size())));
        synchronized (violations) {
            violations.add(what);
        }
    }

    /**
     * Stops recording, once every event so far has arrived (a marker file is read on a thread of its own, and its
     * event awaited: JFR delivers events about once a second).
     *
     * @param dir where the marker file goes
     * @return the violations, in the order they came
     */
    public List<String> stop(Path dir) throws IOException, InterruptedException {
        Path file = dir.resolve("edt-io-marker.txt");
        Files.writeString(file, "marker");
        Thread t = new Thread(() -> {
            try {
                Files.readAllBytes(file);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, MARKER_THREAD);
        t.start();
        t.join();
        boolean seen = marker.await(30, TimeUnit.SECONDS);
        stream.close();
        if (!seen) {
            throw new IOException("JFR did not deliver the marker's FileRead within 30 s: the check saw nothing");
        }
        synchronized (violations) {
            return new ArrayList<>(violations);
        }
    }
}
