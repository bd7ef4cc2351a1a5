package org.isosamp.gui;

import org.isosamp.testing.Components;
import org.isosamp.testing.Shots;
import static org.isosamp.testing.Say.say;
import java.awt.Component;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.event.KeyEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.prefs.Preferences;
import javax.swing.AbstractButton;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JTable;
import javax.swing.KeyStroke;
import javax.swing.RowSorter;
import javax.swing.SortOrder;
import okhttp3.HttpUrl;
import org.isosamp.archive.ArchiveSearch.Field;
import org.isosamp.archive.IsoArchive;
import org.isosamp.local.LocalArchive;
import org.isosamp.model.ProductLevel;
import org.isosamp.model.RetrievalType;
import org.isosamp.testing.Await;
import org.isosamp.testing.EdtIo;

/**
 * Drives the whole {@link IsoWindow} (search, results, observation, downloads, bus) in a JVM of its own on a test's
 * Xvfb display ({@link WholeWindowTest}), on the hub of {@code SAMP_HUB} and a local archive of its own (TDT
 * 80000203's tar 1 GiB, for Cancel), with the check that nothing touches the disk or network on the event thread
 * ({@link EdtIo}) running throughout. Prints one line per fact, and markers the test waits for before it acts as the
 * other clients ({@code TABLE-SENT}, {@code LISTENING}, {@code POINTAT-DONE}); keys are pressed with a {@link Robot}.
 * Arguments: the working folder, the screenshots' folder.
 */
public final class WholeWindowProbe {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private WholeWindowProbe() {
    }

    public static void main(String[] args) {
        try {
            run(Path.of(args[0]).toAbsolutePath(), Path.of(args[1]));
        } catch (Throwable e) {
            e.printStackTrace(System.out);
            say("FAILED " + e);
            System.exit(1); // the window would keep the JVM alive
        }
        say("done");
        System.exit(0);
    }

    private static void run(Path dir, Path shots) throws Exception {
        System.setProperty("java.util.prefs.userRoot", dir.resolve("prefs").toString());
        LocalArchive local = LocalArchive.builder().port(0).largeProduct("80000203", 1L << 30).start();
        String url = local.baseUrl().toString();
        EdtIo check = EdtIo.start();
        org.isosamp.cli.GuiCommand.installLookAndFeel(); // as iso-samp gui starts: the screenshots show its look
        WindowSettings settings = WindowSettings.load(Preferences.userRoot().node(WindowSettings.NODE));
        settings.setArchive(url);
        settings.setFolder(dir.resolve("downloads"));
        Path cache = dir.resolve("cache");
        IsoWindow w = edt(() -> {
            IsoWindow win = new IsoWindow(settings, s -> s.withCacheDir(cache));
            win.setBounds(0, 0, 1280, 900);
            win.setVisible(true);
            return win;
        });
        Await.until(() -> edt(w::isShowing), WAIT, "the window showing");
        JLabel busStatus = (JLabel) Components.named(w, "bus.status");
        Await.until(() -> edt(busStatus::getText).startsWith("Registered with the SAMP hub as "), WAIT,
                    "the window registered with the test's hub");
        say("REGISTERED " + edt(busStatus::getText).substring("Registered with the SAMP hub as ".length()));
        say("folder " + edt(() -> w.downloads().folder()));

        // the seed's M31 cone, searched with Enter in the target field
        edt(() -> {
            SearchPanel p = w.searchPanel();
            p.setAdqlSelected(false);
            p.clearFields();
            p.setText(Field.TABLE, "ida.observations");
            p.setText(Field.TARGET, WindowProbe.RA_DEC);
            p.setText(Field.RADIUS, WindowProbe.RADIUS);
            p.setText(Field.MAXREC, "1000");
            return null;
        });
        focus(w, Components.named(w.searchPanel(), "search.target"));
        Robot keys = new Robot();
        keys.setAutoDelay(20);
        press(keys, 0, KeyEvent.VK_ENTER);
        Await.until(() -> edt(() -> !w.searching() && w.results().summary().startsWith("49 rows")), WAIT,
                    "the M31 cone's rows");
        say("rows " + edt(() -> w.results().rowCount()));
        say("empty-observation " + edt(() -> ((JLabel) Components.named(w, "observation.lookMessage")).getText()));
        shot(w, shots.resolve("window-search.png"));

        // sorted by ra, descending: the view's order is not the model's, as a user leaves it
        edt(() -> {
            JTable t = w.results().table();
            t.getRowSorter().setSortKeys(List.of(new RowSorter.SortKey(modelColumn(w, "ra"), SortOrder.DESCENDING)));
            return null;
        });
        int spectrumRow = modelRowOf(w, 58002102L);
        edt(() -> {
            int view = w.results().table().convertRowIndexToView(spectrumRow);
            w.results().table().setRowSelectionInterval(view, view);
            return null;
        });
        awaitShown(w, 58002102L);
        say("spectrum look " + edt(() -> w.observation().look().getClass().getSimpleName()) + " series "
            + edt(() -> w.observation().chartPanel().getChart().getXYPlot().getDataset().getSeriesCount()));
        shot(w, shots.resolve("window-spectrum.png"));
        // a second look at it comes from the product cache: no download
        long t0 = System.nanoTime();
        edt(() -> {
            w.observation().clear();
            w.observation().show(w.shownArchive(), 58002102L);
            return null;
        });
        awaitShown(w, 58002102L);
        say("second-look ms " + (System.nanoTime() - t0) / 1_000_000);
        try (var files = Files.walk(cache)) {
            say("cached " + files.filter(Files::isRegularFile).count()); // the cache names its files by URL hash
        }

        // the bus, from the keyboard: Ctrl+T sends the table, Ctrl+P the selected spectrum
        JList<?> log = (JList<?>) Components.named(w, "bus.log");
        Await.until(() -> edt(() -> ((AbstractButton) Components.named(w, "bus.sendTable")).isEnabled()), WAIT, "send enabled");
        focus(w, w.results().table());
        press(keys, KeyEvent.CTRL_DOWN_MASK, KeyEvent.VK_T);
        awaitLog(log, "table \"");
        say("TABLE-SENT");
        Await.until(() -> edt(() -> ((AbstractButton) Components.named(w, "bus.sendProduct")).isEnabled()), WAIT,
                    "send product enabled");
        press(keys, KeyEvent.CTRL_DOWN_MASK, KeyEvent.VK_P);
        awaitLog(log, "product 58002102");
        say("PRODUCT-SENT");

        // Ctrl+L: listen; the test points at M31 from its TOPCAT
        press(keys, KeyEvent.CTRL_DOWN_MASK, KeyEvent.VK_L);
        Await.until(() -> edt(() -> ((AbstractButton) Components.named(w, "bus.listen")).isSelected()), WAIT, "listening");
        awaitLog(log, "listening for");
        say("LISTENING");
        awaitLog(log, "#1 ivoa.obscore near");
        say("POINTAT-DONE");
        // then TOPCAT highlights row 5 of the table sent: selected here, though the view is sorted
        Await.until(() -> edt(() -> Arrays.equals(w.results().selectedRows(), new long[] {5})), WAIT,
                    "row 5 selected by the bus");
        say(edt(() -> {
            JTable t = w.results().table();
            int view = t.getSelectedRow();
            Rectangle cell = t.getCellRect(view, 0, true);
            return "highlight model " + w.results().selectedRows()[0] + " view " + view + " visible "
                + t.getVisibleRect().contains(cell);
        }));
        edt(() -> {
            w.showSide(IsoWindow.Side.BUS);
            return null;
        });
        for (int i = 0; i < edt(() -> log.getModel().getSize()); i++) {
            int row = i;
            say("LOG " + edt(() -> log.getModel().getElementAt(row)));
        }
        shot(w, shots.resolve("window-bus.png"));

        // the two products of the downloads: an image (80001538) and the 1 GiB tar (80000203)
        edt(() -> {
            SearchPanel p = w.searchPanel();
            p.setAdqlSelected(true);
            p.setText(Field.ADQL, "SELECT * FROM ida.observations WHERE tdt = 80001538 OR tdt = 80000203");
            w.search();
            return null;
        });
        Await.until(() -> edt(() -> !w.searching() && w.results().rowCount() == 2), WAIT, "the two rows");
        int imageRow = modelRowOf(w, 80001538L);
        edt(() -> {
            w.showSide(IsoWindow.Side.OBSERVATION);
            w.results().selectRow(imageRow);
            return null;
        });
        awaitShown(w, 80001538L);
        say("image look " + edt(() -> w.observation().look().getClass().getSimpleName()));
        shot(w, shots.resolve("window-image.png"));

        // Ctrl+D: its STANDALONE product into the download folder
        focus(w, w.results().table());
        press(keys, KeyEvent.CTRL_DOWN_MASK, KeyEvent.VK_D);
        DownloadRow fits = row(w, 0);
        finished(fits);
        Path file = fits.task().result();
        IsoArchive direct = new IsoArchive(HttpUrl.get(url), IsoArchive.defaultHttpClient(), null);
        Path same = direct.download("80001538", RetrievalType.STANDALONE, null, dir.resolve("direct"), null, null);
        say("download " + fits.task().state() + " " + file + " same-bytes "
            + Arrays.equals(Files.readAllBytes(file), Files.readAllBytes(same)));
        say("download-side " + edt(() -> ((javax.swing.JTabbedPane) Components.named(w, "window.side")).getSelectedIndex()));

        // the 1 GiB OBSERVATION tar into another folder, cancelled once its first bytes are in
        Path big = dir.resolve("big");
        int tarRow = modelRowOf(w, 80000203L);
        edt(() -> {
            w.setFolder(big);
            w.downloadForm().choose(DownloadForm.What.OBSERVATION, ProductLevel.DEFAULT_DATA_SET);
            w.results().selectRow(tarRow);
            return null;
        });
        clickMenu(w, "Download selected rows");
        DownloadRow tar = row(w, 1);
        Await.until(() -> tar.task().bytes() > 0, WAIT, "the large tar's first bytes");
        edt(() -> {
            ((AbstractButton) DownloadsPanelProbe.find(tar, ".cancel")).doClick();
            return null;
        });
        finished(tar);
        say("cancel " + tar.task().state() + " midway " + (tar.task().bytes() < tar.task().total()) + " listing "
            + DownloadTaskTest.names(big));
        shot(w, shots.resolve("window-downloads.png"));

        // what every action's key is
        for (String k : edt(() -> keys(w))) {
            say("key " + k);
        }
        for (String v : check.stop(dir)) {
            say("edt-io " + v);
        }
        say("edt-check done");

        // Ctrl+W closes: downloads cancelled, the bus left, the settings saved (the folder chosen last)
        focus(w, w.results().table());
        press(keys, KeyEvent.CTRL_DOWN_MASK, KeyEvent.VK_W);
        w.closed().get();
        say("closed remembered-folder " + WindowSettings.load(Preferences.userRoot().node(WindowSettings.NODE))
            .folder());
        local.close();
    }

    /** @return "name accelerator mnemonic" of every menu item */
    private static List<String> keys(IsoWindow w) {
        List<String> out = new ArrayList<>();
        JMenuBar bar = w.getJMenuBar();
        for (int m = 0; m < bar.getMenuCount(); m++) {
            JMenu menu = bar.getMenu(m);
            for (int i = 0; i < menu.getItemCount(); i++) {
                JMenuItem item = menu.getItem(i);
                if (item != null) {
                    KeyStroke k = item.getAccelerator();
                    out.add(menu.getText() + "/" + item.getText() + " = " + (k == null ? "none" : k.toString())
                            + " mnemonic " + KeyEvent.getKeyText(item.getMnemonic()));
                }
            }
        }
        return out;
    }

    private static void clickMenu(IsoWindow w, String text) throws Exception {
        edt(() -> {
            JMenuBar bar = w.getJMenuBar();
            for (int m = 0; m < bar.getMenuCount(); m++) {
                for (int i = 0; i < bar.getMenu(m).getItemCount(); i++) {
                    JMenuItem item = bar.getMenu(m).getItem(i);
                    if (item != null && text.equals(item.getText())) {
                        item.doClick();
                        return null;
                    }
                }
            }
            throw new IllegalStateException("no menu item " + text);
        });
    }

    private static DownloadRow row(IsoWindow w, int i) throws InterruptedException {
        return Await.value(() -> {
            List<DownloadRow> rows = edt(() -> w.downloads().rows());
            return rows.size() > i ? rows.get(i) : null;
        }, WAIT, () -> "download row " + i);
    }

    private static void finished(DownloadRow row) throws InterruptedException {
        Await.until(() -> row.task().state().finished()
            && edt(() -> !DownloadsPanelProbe.find(row, ".cancel").isVisible()), WAIT, "the end of " + row.getName());
    }

    private static void awaitShown(IsoWindow w, long tdt) throws InterruptedException {
        Await.until(() -> edt(() -> w.observation().tdt() == tdt && !w.observation().busy()
                                    && w.observation().chartPanel() != null), WAIT, "the observation " + tdt);
        // drawn: the chart has laid out its data area
        Await.until(() -> edt(() -> {
            var info = w.observation().chartPanel().getChartRenderingInfo().getPlotInfo().getDataArea();
            return info != null && info.getWidth() > 10;
        }), WAIT, "the chart of " + tdt + " drawn");
    }

    private static void awaitLog(JList<?> log, String start) throws InterruptedException {
        Await.until(() -> edt(() -> {
            for (int i = 0; i < log.getModel().getSize(); i++) {
                if (String.valueOf(log.getModel().getElementAt(i)).startsWith(start)) {
                    return true;
                }
            }
            return false;
        }), WAIT, "a bus log line starting \"" + start + "\"");
    }

    private static int modelColumn(IsoWindow w, String name) {
        JTable t = w.results().table();
        for (int i = 0; i < t.getColumnCount(); i++) {
            if (t.getColumnName(i).equalsIgnoreCase(name)) {
                return t.convertColumnIndexToModel(i);
            }
        }
        throw new IllegalStateException("no column " + name);
    }

    /** @return the row of the result's table (model) whose tdt is this */
    private static int modelRowOf(IsoWindow w, long tdt) throws Exception {
        return edt(() -> {
            var t = w.results().result().table();
            int col = -1;
            for (int i = 0; i < t.getColumnCount(); i++) {
                if (t.getColumnInfo(i).getName().equalsIgnoreCase("tdt")) {
                    col = i;
                }
            }
            for (int r = 0; r < t.getRowCount(); r++) {
                if (((Number) t.getCell(r, col)).longValue() == tdt) {
                    return r;
                }
            }
            throw new IllegalStateException("no row with tdt " + tdt);
        });
    }

    private static void focus(IsoWindow w, Component c) throws InterruptedException {
        edt(() -> {
            w.toFront();
            c.requestFocusInWindow();
            return null;
        });
        Await.until(() -> edt(c::isFocusOwner), WAIT, "focus on " + c.getName());
    }

    private static void press(Robot keys, int modifiers, int key) {
        if ((modifiers & KeyEvent.CTRL_DOWN_MASK) != 0) {
            keys.keyPress(KeyEvent.VK_CONTROL);
        }
        keys.keyPress(key);
        keys.keyRelease(key);
        if ((modifiers & KeyEvent.CTRL_DOWN_MASK) != 0) {
            keys.keyRelease(KeyEvent.VK_CONTROL);
        }
    }


    /** Takes a picture of the window (Robot, off the event thread), once Swing has painted. */
    private static void shot(IsoWindow w, Path png) throws Exception {
        Shots.save(w, png);
        say("screenshot " + png.getFileName());
    }

    static <T> T edt(Callable<T> c) {
        return WindowProbe.onEdt(c);
    }
}
