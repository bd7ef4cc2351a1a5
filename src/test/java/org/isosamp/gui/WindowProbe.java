package org.isosamp.gui;

import org.isosamp.testing.Components;
import org.isosamp.testing.Shots;
import static org.isosamp.testing.Say.say;
import java.awt.Frame;
import java.awt.Rectangle;
import java.awt.Robot;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.prefs.Preferences;
import javax.swing.JLabel;
import javax.swing.RowSorter;
import javax.swing.SortOrder;
import javax.swing.SwingUtilities;
import org.isosamp.IsoSamp;
import org.isosamp.archive.ArchiveSearch.Field;
import org.isosamp.io.IfExists;
import org.isosamp.testing.Await;
import org.isosamp.testing.EdtIo;

/**
 * Drives the real {@link IsoWindow} in a JVM of its own on a test's Xvfb display ({@link IsoWindowTest}), printing one
 * line per fact. Modes:
 * <ul>
 * <li>{@code run DIR SHOTS}: the M31 cone on {@code local} (rows, sort, tooltips), save as CSV and FITS, MAXREC 5
 * (truncated), a search on an archive that never answers and its Cancel, then close (settings saved); all under
 * {@link EdtIo}; screenshots of each state to {@code SHOTS/window-*.png};</li>
 * <li>{@code again DIR}: a second start with the same preferences: what the window remembers;</li>
 * <li>{@code inject DIR}: the EDT check itself, with a deliberate {@code Files.readAllBytes} on the event thread;</li>
 * <li>{@code launcher DIR}: {@code iso-samp} with no command, on a display: the window, in FlatLaf.</li>
 * </ul>
 * Preferences live under {@code DIR/prefs} ({@code java.util.prefs.userRoot}), never the user's.
 */
public final class WindowProbe {

    private static final Duration WAIT = Duration.ofSeconds(60);
    static final String RA_DEC = "10.684708 41.26875";
    static final String RADIUS = "0.1";

    private WindowProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        System.setProperty("java.util.prefs.userRoot", dir.resolve("prefs").toString());
        try {
            switch (args[0]) {
                case "run" -> run(dir, Path.of(args[2]));
                case "again" -> again();
                case "inject" -> inject(dir);
                case "launcher" -> launcher();
                default -> throw new IllegalArgumentException(args[0]);
            }
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            System.exit(1); // the window would keep the JVM alive
        }
        say("done");
        System.exit(0);
    }

    private static void run(Path dir, Path shots) throws Exception {
        EdtIo check = EdtIo.start();
        long t0 = System.nanoTime();
        org.isosamp.cli.GuiCommand.installLookAndFeel(); // as iso-samp gui starts: the screenshots show its look
        WindowSettings settings = localSettings();
        List<String> heard = new CopyOnWriteArrayList<>(); // printed later: stdout is a file, not for the EDT
        IsoWindow w = onEdt(() -> {
            IsoWindow win = new IsoWindow(settings);
            win.setResultListener((table, name, archive) -> heard.add(table.getRowCount() + " " + name));
            win.setBounds(40, 30, 1200, 800);
            win.setArchive(IsoWindow.LOCAL);
            win.setVisible(true);
            return win;
        });
        Await.until(() -> onEdt(w::isShowing), WAIT, "the window showing");
        say("shown ms " + (System.nanoTime() - t0) / 1_000_000);
        List<String> phases = new CopyOnWriteArrayList<>();
        JLabel phase = (JLabel) Components.find(w, "window.phase");
        phase.addPropertyChangeListener("text", e -> phases.add(String.valueOf(e.getNewValue())));

        // the seed's M31 cone
        onEdt(() -> {
            SearchPanel p = w.searchPanel();
            p.setAdqlSelected(false);
            p.clearFields();
            p.setText(Field.TABLE, "ida.observations");
            p.setText(Field.TARGET, RA_DEC);
            p.setText(Field.RADIUS, RADIUS);
            p.setText(Field.MAXREC, "1000");
            w.search();
            return null;
        });
        awaitIdle(w);
        say("rows " + onEdt(() -> w.results().rowCount()));
        say("summary " + onEdt(() -> w.results().summary()));
        say("status " + onEdt(w::status));
        say("phases " + String.join(",", phases));
        say("result-listener " + heard.get(0));
        say("tooltip " + onEdt(() -> tip(w, "ra_deg")));
        // the table shows the result's own StarTable: no copy into a Swing model
        say("same-table " + onEdt(() -> w.results().table().getStarTable() == w.results().result().table()));
        // sort by ra, descending: the first row shown is the largest ra; the model stays as it came
        say("sorted " + onEdt(() -> sortedByRa(w)));
        onEdt(() -> {
            w.results().table().setRowSelectionInterval(0, 0);
            return null;
        });
        // what the right-hand panels are told: the selection (as indexes into the result) and its TDTs
        say("selected-tdts " + onEdt(() -> w.selectedTdts().size() + " " + (w.selectedTdts().get(0)
            == ((Number) w.results().result().table().getCell(w.results().selectedRows()[0],
                                                              column(w, "tdt"))).longValue())));
        shot(w, shots.resolve("window-results.png"));

        // save as CSV (format by extension) and FITS (format named)
        onEdt(() -> {
            w.save(dir.resolve("m31.csv"), null, IfExists.REFUSE);
            return null;
        });
        Await.until(() -> onEdt(w::status).startsWith("Saved") || onEdt(w::status).startsWith("Not"), WAIT, "saved");
        say("save-csv " + onEdt(w::status));
        onEdt(() -> {
            w.save(dir.resolve("m31.fits"), "fits", IfExists.REFUSE);
            return null;
        });
        Await.until(() -> onEdt(w::status).contains("m31.fits"), WAIT, "saved fits");
        Await.until(() -> !onEdt(w::status).startsWith("Saving"), WAIT, "saved fits");
        say("save-fits " + onEdt(w::status));

        // MAXREC cuts the answer
        onEdt(() -> {
            w.searchPanel().setText(Field.MAXREC, "5");
            w.search();
            return null;
        });
        awaitIdle(w);
        say("overflow-rows " + onEdt(() -> w.results().rowCount()));
        say("overflow-summary " + onEdt(() -> w.results().summary()));
        shot(w, shots.resolve("window-overflow.png"));

        // an archive that takes the request and never answers: the search hangs until Cancel
        try (ServerSocket hole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger accepted = new AtomicInteger();
            AtomicInteger closedByClient = new AtomicInteger();
            Thread t = new Thread(() -> blackHole(hole, accepted, closedByClient), "probe black hole");
            t.setDaemon(true);
            t.start();
            onEdt(() -> {
                w.setArchive("http://127.0.0.1:" + hole.getLocalPort() + "/tap-that-never-answers/");
                w.searchPanel().setText(Field.MAXREC, "1000");
                w.search();
                return null;
            });
            Await.until(() -> accepted.get() > 0 && onEdt(w::searching), WAIT, "the search reaching the black hole");
            shot(w, shots.resolve("window-searching.png"));
            say("searching " + onEdt(w::searching) + " phase " + onEdt(w::phase));
            long c0 = System.nanoTime();
            onEdt(() -> {
                w.cancel();
                return null;
            });
            awaitIdle(w);
            say("cancelled ms " + (System.nanoTime() - c0) / 1_000_000 + " status " + onEdt(w::status));
            Await.until(() -> closedByClient.get() > 0, WAIT, "the cancelled call's connection closed");
            say("connection-closed " + closedByClient.get());
        }

        // the keyboard: Enter in the target field searches (the Search button is the default one)
        onEdt(() -> {
            w.setArchive(IsoWindow.LOCAL);
            w.toFront();
            Components.find(w.searchPanel(), "search.target").requestFocusInWindow();
            return null;
        });
        Await.until(() -> onEdt(() -> Components.find(w.searchPanel(), "search.target").isFocusOwner()), WAIT, "focus");
        Robot keys = new Robot();
        keys.keyPress(java.awt.event.KeyEvent.VK_ENTER);
        keys.keyRelease(java.awt.event.KeyEvent.VK_ENTER);
        Await.until(() -> onEdt(() -> w.results().summary()).startsWith("49 rows"), WAIT, "the search by Enter");
        say("enter-rows " + onEdt(() -> w.results().rowCount()));

        // what the next start should find
        onEdt(() -> {
            w.setArchive(IsoWindow.LOCAL);
            w.setFolder(dir.resolve("downloads"));
            w.setBounds(60, 50, 1100, 760);
            return null;
        });
        for (String v : check.stop(dir)) {
            say("edt-io " + v);
        }
        say("edt-check done");
        onEdt(() -> {
            w.close();
            return null;
        });
        w.closed().get();
        say("closed");
    }

    private static void again() throws Exception {
        WindowSettings settings = WindowSettings.load(Preferences.userRoot().node(WindowSettings.NODE));
        IsoWindow w = onEdt(() -> {
            IsoWindow win = new IsoWindow(settings);
            win.setVisible(true);
            return win;
        });
        Await.until(() -> onEdt(w::isShowing), WAIT, "the window showing");
        say("again-archive " + onEdt(() -> String.valueOf(((javax.swing.JComboBox<?>) Components.find(w, "window.archive"))
            .getSelectedItem())));
        say("again-maxrec " + onEdt(() -> w.searchPanel().text(Field.MAXREC)));
        say("again-folder " + onEdt(w::folder));
        Rectangle b = onEdt(w::getBounds);
        say("again-bounds " + b.x + "," + b.y + "," + b.width + "," + b.height);
        onEdt(() -> {
            w.close();
            return null;
        });
        w.closed().get();
    }

    private static void inject(Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("injected.txt"), "read on the event thread");
        EdtIo check = EdtIo.start();
        WindowSettings settings = localSettings();
        IsoWindow w = onEdt(() -> {
            IsoWindow win = new IsoWindow(settings);
            win.setVisible(true);
            Files.readAllBytes(file); // the deliberate fault
            return win;
        });
        for (String v : check.stop(dir)) {
            say("edt-io " + v);
        }
        say("edt-check done");
        onEdt(() -> {
            w.dispose();
            return null;
        });
    }

    /**
     * @return the settings in the probe's preferences, on the local archive: a first start would open production,
     *         and no test reaches beyond 127.0.0.1
     */
    private static WindowSettings localSettings() {
        WindowSettings s = WindowSettings.load(Preferences.userRoot().node(WindowSettings.NODE));
        s.setArchive(IsoWindow.LOCAL);
        return s;
    }

    private static void launcher() throws Exception {
        localSettings().save();
        int[] exit = {-1};
        Thread main = new Thread(() -> exit[0] = IsoSamp.runMain(), "probe launcher");
        main.start();
        IsoWindow w = Await.value(() -> onEdt(() -> {
            for (Frame f : Frame.getFrames()) {
                if (f instanceof IsoWindow iw && iw.isShowing()) {
                    return iw;
                }
            }
            return null;
        }), WAIT, () -> "the window from 'iso-samp' with no command");
        say("launcher-shown " + onEdt(() -> javax.swing.UIManager.getLookAndFeel().getName()));
        onEdt(() -> {
            w.close();
            return null;
        });
        main.join(WAIT.toMillis());
        say("launcher-exit " + exit[0]);
    }

    private static void blackHole(ServerSocket hole, AtomicInteger accepted, AtomicInteger closed) {
        while (!hole.isClosed()) {
            try {
                Socket s = hole.accept();
                accepted.incrementAndGet();
                Thread r = new Thread(() -> {
                    try (s; InputStream in = s.getInputStream()) {
                        byte[] buf = new byte[8192];
                        while (in.read(buf) >= 0) {
                            // swallow the request; never answer
                        }
                        closed.incrementAndGet();
                    } catch (IOException e) {
                        closed.incrementAndGet();
                    }
                }, "probe black hole reader");
                r.setDaemon(true);
                r.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static int column(IsoWindow w, String name) {
        var t = w.results().result().table();
        for (int i = 0; i < t.getColumnCount(); i++) {
            if (t.getColumnInfo(i).getName().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String tip(IsoWindow w, String column) {
        ResultsPanel r = w.results();
        for (int i = 0; i < r.table().getColumnCount(); i++) {
            if (r.table().getColumnName(i).equalsIgnoreCase(column)) {
                return r.headerTip(r.table().convertColumnIndexToModel(i));
            }
        }
        return "no column " + column;
    }

    /** @return "true" when sorting by ra (descending) shows the largest ra first and leaves the model's order */
    private static String sortedByRa(IsoWindow w) throws IOException {
        ResultsPanel r = w.results();
        int view = -1;
        for (int i = 0; i < r.table().getColumnCount(); i++) {
            if (r.table().getColumnName(i).equalsIgnoreCase("ra")) {
                view = i;
            }
        }
        int model = r.table().convertColumnIndexToModel(view);
        r.table().getRowSorter().setSortKeys(List.of(new RowSorter.SortKey(model, SortOrder.DESCENDING)));
        double max = Double.NEGATIVE_INFINITY;
        var t = r.result().table();
        int col = model - 1; // the row-number column comes first
        for (long i = 0; i < t.getRowCount(); i++) {
            Object v = t.getCell(i, col);
            if (v instanceof Number n) {
                max = Math.max(max, n.doubleValue());
            }
        }
        double first = ((Number) r.table().getValueAt(0, view)).doubleValue();
        return (first == max) + " first " + first + " max " + max
               + " model-unchanged " + (r.table().getModel().getRowCount() == t.getRowCount());
    }

    private static void awaitIdle(IsoWindow w) throws InterruptedException {
        Await.until(() -> !onEdt(w::searching), WAIT, "the search's end");
    }


    /** Takes a picture of the window (Robot, off the event thread), once Swing has painted. */
    private static void shot(IsoWindow w, Path png) throws Exception {
        Shots.save(w, png);
        say("screenshot " + png.getFileName());
    }

    static <T> T onEdt(Callable<T> c) {
        Object[] out = new Object[1];
        Exception[] err = new Exception[1];
        try {
            SwingUtilities.invokeAndWait(() -> {
                try {
                    out[0] = c.call();
                } catch (Exception e) {
                    err[0] = e;
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (err[0] != null) {
            throw new IllegalStateException(err[0]);
        }
        @SuppressWarnings("unchecked")
        T t = (T) out[0];
        return t;
    }
}
