package org.isosamp.gui;

import org.isosamp.testing.Components;
import org.isosamp.testing.Shots;
import java.awt.Component;
import java.awt.Container;
import java.awt.Rectangle;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.swing.AbstractButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JProgressBar;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import okhttp3.HttpUrl;
import org.isosamp.archive.IsoArchive;
import org.isosamp.local.LocalArchive;
import org.isosamp.model.ProductLevel;
import org.isosamp.model.RetrievalType;
import org.isosamp.testing.Await;

/**
 * Drives a {@link DownloadsPanel} in a real frame on the display of {@code DISPLAY} (a child JVM of
 * {@link DownloadsPanelWindowTest}), over a local archive of its own (TDT 80000203's tar 1 GiB, for Cancel) and a
 * server that stalls part-way (the running row of the screenshot). Prints one {@code FACT key=value} line per
 * fact; after {@code FACT ready} it waits for the file {@code ARGS[0]/../shot-taken}, then cancels the stalled row.
 */
public final class DownloadsPanelProbe {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private DownloadsPanelProbe() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "false");
        Path folder = Path.of(args[0]).toAbsolutePath();
        LocalArchive local = LocalArchive.builder().port(0).largeProduct("80000203", 1L << 30).start();
        IsoArchive archive = new IsoArchive(HttpUrl.get(local.baseUrl().toString()), IsoArchive.defaultHttpClient(),
            null);
        AtomicReference<DownloadsPanel> ref = new AtomicReference<>();
        AtomicReference<JFrame> frameRef = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            DownloadsPanel p = new DownloadsPanel();
            p.setFolder(folder);
            JFrame f = new JFrame("iso-samp downloads");
            f.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
            f.setContentPane(p);
            f.setBounds(0, 0, 820, 620);
            f.setVisible(true);
            ref.set(p);
            frameRef.set(f);
        });
        DownloadsPanel panel = ref.get();
        fact("folder", onEdt(() -> panel.folder().toString()));

        // a STANDALONE product into the panel's folder (null: the field's)
        DownloadRow std = start(panel, archive, 80001538L, DownloadChoice.standalone(), null);
        finished(std);
        Path file = std.task().result();
        Path direct = archive.download("80001538", RetrievalType.STANDALONE, null,
            folder.getParent().resolve("direct"), null, null);
        fact("standalone.state", std.task().state());
        fact("standalone.file", file);
        fact("standalone.same-bytes", Arrays.equals(Files.readAllBytes(file), Files.readAllBytes(direct)));
        fact("standalone.status", text(std, ".status"));
        fact("standalone.bar", onEdt(() -> ((JProgressBar) find(std, ".progress")).getValue()));

        // an OBSERVATION tar, unpacked
        Path obs = folder.resolve("obs");
        DownloadRow ex = start(panel, archive, 80001538L, DownloadChoice.observation(ProductLevel.DEFAULT_DATA_SET,
            true), obs);
        finished(ex);
        fact("extract.state", ex.task().state());
        fact("extract.listing", DownloadTaskTest.names(obs));
        try (var s = Files.walk(obs.resolve("80001538"))) {
            fact("extract.files", s.filter(Files::isRegularFile).count());
        }
        fact("extract.status", text(ex, ".status"));

        // the 1 GiB tar, cancelled with its button once its first bytes are in
        Path big = folder.resolve("big");
        DownloadRow large = start(panel, archive, 80000203L, DownloadChoice.observation(
            ProductLevel.DEFAULT_DATA_SET, false), big);
        Await.until(() -> large.task().bytes() > 0, WAIT, "the large tar's first bytes");
        SwingUtilities.invokeAndWait(() -> ((AbstractButton) find(large, ".cancel")).doClick());
        finished(large);
        fact("cancel.state", large.task().state());
        fact("cancel.midway", large.task().bytes() < large.task().total());
        fact("cancel.listing", DownloadTaskTest.names(big));
        fact("cancel.status", text(large, ".status"));
        fact("cancel.button-visible", onEdt(() -> find(large, ".cancel").isVisible()));

        // an unknown TDT
        DownloadRow unknown = start(panel, archive, 99999999L, DownloadChoice.standalone(), null);
        finished(unknown);
        fact("unknown.state", unknown.task().state());
        fact("unknown.status", text(unknown, ".status"));
        fact("unknown.tooltip", onEdt(() -> ((JLabel) find(unknown, ".status")).getToolTipText()));

        // the STANDALONE file again: refused, then replaced once the box is ticked
        DownloadRow again = start(panel, archive, 80001538L, DownloadChoice.standalone(), null);
        finished(again);
        fact("exists.state", again.task().state());
        fact("exists.status", text(again, ".status"));
        SwingUtilities.invokeAndWait(() -> ((AbstractButton) find(panel, "downloads.replace")).doClick());
        DownloadRow replaced = start(panel, archive, 80001538L, DownloadChoice.standalone(), null);
        finished(replaced);
        fact("replace.state", replaced.task().state());
        fact("replace.same-bytes", Arrays.equals(Files.readAllBytes(file), Files.readAllBytes(direct)));

        // a transfer stalled part-way, for the screenshot of a running row
        CountDownLatch release = new CountDownLatch(1);
        ServerSocket silent = stalling(release);
        IsoArchive stalled = new IsoArchive(HttpUrl.get("http://127.0.0.1:" + silent.getLocalPort() + "/"),
            IsoArchive.defaultHttpClient(), null);
        Path slow = folder.resolve("slow");
        DownloadRow running = start(panel, stalled, 80000203L, DownloadChoice.observation(ProductLevel.DEFAULT_DATA_SET,
            true), slow);
        Await.until(() -> running.task().bytes() > 0, WAIT, "the stalled download's first bytes");
        Await.until(() -> onEdtUnchecked(() -> ((JProgressBar) find(running, ".progress")).getValue()) > 0, WAIT,
            "the running row's bar moved");
        fact("running.bar", onEdt(() -> ((JProgressBar) find(running, ".progress")).getString()));
        // everything painted before the screenshot: the repaint manager paints after the last change, later
        Shots.paintNow(frameRef.get());
        Rectangle r = onEdt(() -> frameRef.get().getBounds());
        fact("bounds", r.x + "," + r.y + "," + r.width + "," + r.height);
        fact("ready", true);
        Path shot = folder.getParent().resolve("shot-taken");
        Await.until(() -> Files.exists(shot), Duration.ofSeconds(120), "the test's screenshot");

        SwingUtilities.invokeAndWait(() -> ((AbstractButton) find(running, ".cancel")).doClick());
        finished(running);
        fact("stalled.state", running.task().state());
        fact("stalled.listing", DownloadTaskTest.names(slow));
        SwingUtilities.invokeAndWait(() -> ((AbstractButton) find(panel, "downloads.clear")).doClick());
        fact("cleared.rows", onEdt(() -> panel.rows().size()));
        release.countDown();
        silent.close();
        local.close();
        fact("end", true);
        System.exit(0);
    }

    private static DownloadRow start(DownloadsPanel panel, IsoArchive archive, long tdt, DownloadChoice choice,
                                     Path folder) throws Exception {
        int before = onEdt(() -> panel.rows().size());
        panel.download(archive, List.of(tdt), choice, folder); // off the EDT: the panel hops over itself
        return Await.value(() -> {
            List<DownloadRow> rows = onEdtUnchecked(panel::rows);
            return rows.size() > before ? rows.get(before) : null;
        }, WAIT, () -> "a row for " + tdt);
    }

    /** Waits until the row's task has ended and the row shows it (its end reaches the EDT as one invokeLater). */
    private static void finished(DownloadRow row) throws InterruptedException {
        Await.until(() -> row.task().state().finished()
            && onEdtUnchecked(() -> !find(row, ".cancel").isVisible()), WAIT, "the end of " + row.getName());
    }

    private static String text(DownloadRow row, String suffix) throws Exception {
        return onEdt(() -> ((JLabel) find(row, suffix)).getText());
    }

    /** @return the component under {@code root} whose name is {@code name}, or the row's name + {@code name} */
    static Component find(Container root, String name) {
        return Components.find(root, name.startsWith(".") ? root.getName() + name : name);
    }

    private static <T> T onEdt(Supplier<T> s) throws Exception {
        AtomicReference<T> out = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> out.set(s.get()));
        return out.get();
    }

    private static <T> T onEdtUnchecked(Supplier<T> s) {
        try {
            return onEdt(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void fact(String key, Object value) {
        System.out.println("FACT " + key + "=" + value);
        System.out.flush();
    }

    /** Sends the head of a 10 MB tar, then nothing until released. */
    private static ServerSocket stalling(CountDownLatch release) throws IOException {
        ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try (java.net.Socket s = server.accept()) {
                java.io.BufferedReader in = new java.io.BufferedReader(
                    new java.io.InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                    // the request's headers
                }
                java.io.OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/x-tar\r\nContent-Length: 10000000\r\n"
                    + "Content-Disposition: attachment; filename=\"80000203.tar\"\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
                out.write(new byte[3_400_000]);
                out.flush();
                release.await();
            } catch (IOException | InterruptedException e) {
                // released
            }
        }, "stalling-server");
        t.setDaemon(true);
        t.start();
        return server;
    }
}
