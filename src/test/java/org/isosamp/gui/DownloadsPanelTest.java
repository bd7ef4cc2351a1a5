package org.isosamp.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import org.isosamp.testing.Await;
import org.isosamp.testing.SharedArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The downloads panel's logic without a display (Swing components exist headless; no window is shown). */
class DownloadsPanelTest {

    @TempDir
    Path dir;

    private static <T> T edt(Supplier<T> s) throws Exception {
        AtomicReference<T> out = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> out.set(s.get()));
        return out.get();
    }

    @Test
    void theFolderIsTheFieldsAndDefaultsToDownloads() throws Exception {
        DownloadsPanel p = edt(DownloadsPanel::new);
        assertEquals(Path.of(System.getProperty("user.home"), "Downloads"), edt(p::folder));
        edt(() -> {
            p.setFolder(dir.resolve("x"));
            return null;
        });
        assertEquals(dir.resolve("x"), edt(p::folder));
    }

    @Test
    void aFolderThatIsNoPathSaysSoAndStartsNothing() throws Exception {
        DownloadsPanel p = edt(DownloadsPanel::new);
        JLabel problem = edt(() -> {
            ((javax.swing.JTextField) DownloadsPanelProbe.find(p, "downloads.folder")).setText("bad\0name");
            p.download(SharedArchive.client(), List.of(80001538L), DownloadChoice.standalone(), null);
            return (JLabel) DownloadsPanelProbe.find(p, "downloads.problem");
        });
        assertTrue(edt(problem::isVisible));
        assertTrue(edt(problem::getText).startsWith("the download folder \"bad"), edt(problem::getText));
        assertEquals(0, edt(() -> p.rows().size()));
    }

    @Test
    void oneRowPerTdtInOrderThenClearedWhenFinished() throws Exception {
        DownloadsPanel p = edt(DownloadsPanel::new);
        // from a thread that is not the EDT: the panel hops over by itself
        p.download(SharedArchive.client(), List.of(80001538L, 99999999L), DownloadChoice.standalone(), dir);
        Await.until(() -> edtQuietly(() -> p.rows().size()) == 2, Duration.ofSeconds(30), "two rows");
        List<DownloadRow> rows = edt(p::rows);
        assertEquals(List.of(80001538L, 99999999L), rows.stream().map(r -> r.task().tdt()).toList());
        Await.until(() -> rows.stream().allMatch(r -> r.task().state().finished()), Duration.ofSeconds(30),
            "both ended");
        assertEquals(DownloadTask.State.DONE, rows.get(0).task().state());
        assertEquals(DownloadTask.State.FAILED, rows.get(1).task().state());
        edt(() -> {
            p.clearFinished();
            return null;
        });
        assertEquals(0, edt(() -> p.rows().size()));
        assertTrue(edt(() -> DownloadsPanelProbe.find(p, "downloads.empty") != null), "the empty note is back");
    }

    private static <T> T edtQuietly(Supplier<T> s) {
        try {
            return edt(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
