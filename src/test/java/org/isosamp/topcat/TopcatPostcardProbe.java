package org.isosamp.topcat;

import static org.isosamp.topcat.InTopcat.call;

import java.awt.Component;
import java.awt.Container;
import java.awt.Dialog;
import java.awt.Frame;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import javax.swing.Icon;
import javax.swing.JLabel;
import javax.swing.ListModel;
import javax.swing.SwingUtilities;
import org.isosamp.model.RetrievalType;
import org.isosamp.samp.ProductFetch;
import org.isosamp.testing.Await;
import uk.ac.starlink.table.StarTable;

/**
 * Runs the real TOPCAT ({@code Driver}, with {@code -Dtopcat.activators=org.isosamp.topcat.IsoProductActivationType}
 * set by the caller) on the M31 table and uses "ISO product" as a user would, twice: set to "show postcard", a click
 * on a row ({@code TopcatModel.highlightRow}) must bring up the observation's postcard, and a click on another row
 * that row's; set to "load tables", a click on a spectrum's row must add the STANDALONE spectrum to TOPCAT's table
 * list, and with OBSERVATION chosen, a click on another row the tables in its tar. One line per fact, for {@link IsoProductActivationTopcatTest}:
 * <pre>
 * ready ACTIVATOR|MESSAGE      the action, set to show the postcard, has an activator (else TOPCAT's message)
 * config scrollbars V H        whether the action's panel, in TOPCAT's activation window at its own size, needs
 *                              TOPCAT's vertical and horizontal scroll bars to be seen whole
 * config size WxH in WxH       the panel's preferred size and the room TOPCAT gives it
 * for each postcard row:
 * postcard TITLE SHOWING       the window that came up titled with the row's TDT, and whether it shows
 * icon W H                     the size of the image it shows
 * pixels MATCHED TOTAL COLOURS what is on the screen where the image is: pixels equal (±2 per channel) to the
 *                              archive's postcard, of how many, and how many colours (a blank area has one)
 * covers-activation-window B   whether the postcard window lies over TOPCAT's activation window
 * windows N                    how many windows not TOPCAT's show then
 * outcome MESSAGE              the last message in the activation window's Results
 * shown                        the caller takes its screenshot, then writes "go" to stdin
 * table LABEL ROWS LOCATION    each table the "load tables" activation of a STANDALONE product added to
 *                              ControlWindow's list
 * tables N                     how many tables TOPCAT's list then holds
 * tartable LABEL ROWS LOCATION each table the "load tables" activation of an OBSERVATION tar added
 * tables N
 * done
 * </pre>
 * Arguments: the table file, the archive's URL, the folder, the spectrum row (0-based), the tar's row, then for
 * each postcard its row and the archive's postcard as a PNG file to compare with.
 */
public final class TopcatPostcardProbe {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private TopcatPostcardProbe() {
    }

    public static void main(String[] args) {
        InTopcat.probe(() -> run(args));
    }

    private static void run(String[] args) throws Exception {
        String tableFile = args[0];
        String archive = args[1];
        Path folder = Path.of(args[2]);
        long spectrumRow = Long.parseLong(args[3]);
        long tarRow = Long.parseLong(args[4]);
        Object cw = InTopcat.start(tableFile);
        ListModel<?> tables = InTopcat.tables(cw);
        Object model = Await.value(() -> tables.getSize() > 0 ? tables.getElementAt(0) : null, WAIT,
            () -> "the table in TOPCAT's list");

        AtomicReference<IsoProductConfigurator> configurator = new AtomicReference<>();
        AtomicReference<Window> window = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            Object w = call(model, "getActivationWindow");
            window.set((Window) w);
            IsoProductConfigurator c = TopcatActivationProbe.chooseOurs(w);
            configurator.set(c);
            c.apply(settings(model, archive, ProductFetch.Then.POSTCARD, folder));
            System.out.println("ready " + (c.getActivator() != null ? "ACTIVATOR" : c.getConfigMessage()));
            ((Window) w).setVisible(true);
        });
        // the panel as TOPCAT's window lays it out, at the window's own size
        Await.until(() -> window.get().isShowing(), WAIT, "the activation window showing");
        SwingUtilities.invokeAndWait(() -> {
            javax.swing.JComponent panel = configurator.get().getPanel();
            javax.swing.JScrollPane scroll = (javax.swing.JScrollPane) SwingUtilities.getAncestorOfClass(
                javax.swing.JScrollPane.class, panel);
            System.out.println(scroll == null ? "config unscrolled" : "config scrollbars "
                + scroll.getVerticalScrollBar().isShowing() + " " + scroll.getHorizontalScrollBar().isShowing());
            if (scroll != null) {
                java.awt.Dimension pref = panel.getPreferredSize();
                java.awt.Dimension view = scroll.getViewport().getExtentSize();
                System.out.println("config size " + pref.width + "x" + pref.height + " in " + view.width + "x"
                                   + view.height);
            }
        });
        for (int i = 5; i + 1 < args.length; i += 2) {
            showPostcard(model, configurator.get(), window.get(), Long.parseLong(args[i]),
                ImageIO.read(Path.of(args[i + 1]).toFile()));
        }
        System.out.println("windows " + onEdt(TopcatPostcardProbe::ownWindows));
        System.out.println("outcome " + onEdt(() -> lastMessage(window.get())));
        System.out.println("shown");
        System.out.flush();
        // the caller takes its screenshot of the postcard in TOPCAT now
        new BufferedReader(new InputStreamReader(System.in)).readLine();

        load(model, configurator.get(), tables, archive, folder, RetrievalType.STANDALONE, spectrumRow, "table");
        load(model, configurator.get(), tables, archive, folder, RetrievalType.OBSERVATION, tarRow, "tartable");
        // the postcard belongs to the action's window: it goes when that window is closed
        SwingUtilities.invokeAndWait(() -> window.get().setVisible(false));
        try {
            Await.until(() -> onEdt(TopcatPostcardProbe::ownWindows) == 0, java.time.Duration.ofSeconds(10),
                        "the postcard gone with the activation window");
        } catch (AssertionError stillThere) {
            // the fact line below says so
        }
        System.out.println("closed-with-activation-window windows " + onEdt(TopcatPostcardProbe::ownWindows));
        System.out.println("done");
        System.out.flush();
    }

    /**
     * Sets the action to load tables of the retrieval type, activates the row as a click does, and prints each table
     * it added ({@code PREFIX LABEL ROWS LOCATION}), then {@code tables N}.
     */
    private static void load(Object model, IsoProductConfigurator configurator, ListModel<?> tables, String archive,
                             Path folder, RetrievalType type, long row, String prefix) throws Exception {
        int before = tables.getSize();
        SwingUtilities.invokeAndWait(() -> configurator.apply(new ProductActionSettings(
            IsoProductActivationType.tdtColumn((StarTable) call(model, "getDataModel")), archive, type, null,
            ProductFetch.Then.LOAD, folder.toString())));
        SwingUtilities.invokeAndWait(() -> call(model, "highlightRow", row));
        try {
            Await.until(() -> tables.getSize() > before, WAIT, "a new table in TOPCAT's list after the activation");
        } catch (AssertionError e) {
            Object outcome = configurator.getActivator().activateRow(row, null);
            throw new AssertionError(e.getMessage() + "; the action's outcome: " + call(outcome, "isSuccess") + " "
                                     + call(outcome, "getMessage"), e);
        }
        // the action adds all of a product's tables in one event: once one is listed, all are
        SwingUtilities.invokeAndWait(() -> {
            for (int i = before; i < tables.getSize(); i++) {
                Object t = tables.getElementAt(i);
                StarTable data = (StarTable) call(t, "getDataModel");
                System.out.println(prefix + " " + call(t, "getLabel") + " " + data.getRowCount() + " "
                                   + call(t, "getLocation"));
            }
            System.out.println("tables " + tables.getSize());
        });
    }

    /** Activates a row as a click does and prints the postcard window's lines, once its pixels are on the screen. */
    private static void showPostcard(Object model, IsoProductConfigurator configurator, Window activation, long row,
                                     BufferedImage expected) throws Exception {
        String tdt = ProductFetch.tdt(cell(model, row));
        // a click on the row, as in TOPCAT's table viewer
        SwingUtilities.invokeAndWait(() -> call(model, "highlightRow", row));
        Window card;
        try {
            card = Await.value(() -> onEdt(() -> windowTitled(tdt)), WAIT, () -> "a window titled " + tdt);
        } catch (AssertionError e) {
            Object outcome = configurator.getActivator().activateRow(row, null);
            throw new AssertionError(e.getMessage() + "; the action's outcome: " + call(outcome, "isSuccess") + " "
                                     + call(outcome, "getMessage"), e);
        }
        Await.until(card::isShowing, WAIT, "the postcard window showing");
        Robot robot = new Robot();
        AtomicReference<int[]> seen = new AtomicReference<>(new int[] {0, 0, 0});
        try {
            // the window may still be drawing, or moving to its place (without a window manager X may first map it
            // at 0,0): look where the label is now until the screen shows the postcard there, or the time is up
            Await.until(() -> {
                Rectangle r = onEdt(() -> iconOnScreen(card));
                int[] m = r == null ? new int[] {0, 0, 0} : compare(robot.createScreenCapture(r), expected);
                seen.set(m);
                return r != null && m[0] == m[1];
            }, Duration.ofSeconds(20), "the postcard on the screen");
        } catch (AssertionError e) {
            // said below, in numbers: the test decides
        }
        SwingUtilities.invokeAndWait(() -> {
            System.out.println("postcard " + title(card) + " " + card.isShowing());
            System.out.println("covers-activation-window " + card.getBounds().intersects(activation.getBounds()));
            JLabel label = imageLabel(card);
            Icon icon = label == null ? null : label.getIcon();
            System.out.println(icon == null ? "icon none" : "icon " + icon.getIconWidth() + " " + icon.getIconHeight());
        });
        int[] m = seen.get();
        System.out.println("pixels " + m[0] + " " + m[1] + " " + m[2]);
    }

    /** @return where the window's image is on the screen, or null if it shows none; event thread */
    private static Rectangle iconOnScreen(Window card) {
        JLabel label = imageLabel(card);
        Icon icon = label == null ? null : label.getIcon();
        if (icon == null || !label.isShowing()) {
            return null;
        }
        // JLabel(Icon) centres its icon
        Point p = label.getLocationOnScreen();
        return new Rectangle(p.x + (label.getWidth() - icon.getIconWidth()) / 2,
            p.y + (label.getHeight() - icon.getIconHeight()) / 2, icon.getIconWidth(), icon.getIconHeight());
    }

    /** @return the Message of the last row of the window's Results table, or "none" */
    private static String lastMessage(Window w) {
        for (javax.swing.JTable t : tables(w, new java.util.ArrayList<>())) {
            javax.swing.table.TableModel m = t.getModel();
            for (int c = 0; c < m.getColumnCount(); c++) {
                if ("Message".equals(m.getColumnName(c)) && m.getRowCount() > 0) {
                    return String.valueOf(m.getValueAt(m.getRowCount() - 1, c));
                }
            }
        }
        return "none";
    }

    private static java.util.List<javax.swing.JTable> tables(Container c, java.util.List<javax.swing.JTable> out) {
        for (Component k : c.getComponents()) {
            if (k instanceof javax.swing.JTable t) {
                out.add(t);
            } else if (k instanceof Container kc) {
                tables(kc, out);
            }
        }
        return out;
    }

    /** @return how many windows not TOPCAT's own show (the plug-in's) */
    private static int ownWindows() {
        int n = 0;
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && !w.getClass().getName().startsWith("uk.ac.starlink.")) {
                n++;
            }
        }
        return n;
    }

    private static ProductActionSettings settings(Object model, String archive, ProductFetch.Then then,
                                                  Path folder) {
        StarTable data = (StarTable) call(model, "getDataModel");
        return new ProductActionSettings(IsoProductActivationType.tdtColumn(data), archive, RetrievalType.STANDALONE,
            null, then, folder.toString());
    }

    private static Object cell(Object model, long row) throws java.io.IOException {
        StarTable data = (StarTable) call(model, "getDataModel");
        String column = IsoProductActivationType.tdtColumn(data);
        for (int i = 0; i < data.getColumnCount(); i++) {
            if (data.getColumnInfo(i).getName().equals(column)) {
                return data.getCell(row, i);
            }
        }
        throw new IllegalStateException("no TDT column in " + call(model, "getLabel"));
    }

    /** @return a showing window whose title names the TDT, or null */
    private static Window windowTitled(String tdt) {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && title(w).contains(tdt)) {
                return w;
            }
        }
        return null;
    }

    private static String title(Window w) {
        String t = w instanceof Frame f ? f.getTitle() : w instanceof Dialog d ? d.getTitle() : null;
        return t == null ? "" : t;
    }

    /** @return the first label under {@code c} that shows an icon, or null */
    private static JLabel imageLabel(Container c) {
        for (Component k : c.getComponents()) {
            if (k instanceof JLabel l && l.getIcon() != null) {
                return l;
            }
            if (k instanceof Container kc) {
                JLabel l = imageLabel(kc);
                if (l != null) {
                    return l;
                }
            }
        }
        return null;
    }

    /** @return pixels equal to the expected image's (±2 per channel), pixels compared, colours on the screen */
    private static int[] compare(BufferedImage screen, BufferedImage expected) {
        int w = Math.min(screen.getWidth(), expected.getWidth());
        int h = Math.min(screen.getHeight(), expected.getHeight());
        int same = 0;
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int a = screen.getRGB(x, y);
                int b = expected.getRGB(x, y);
                colours.add(a & 0xffffff);
                if (Math.abs((a >> 16 & 0xff) - (b >> 16 & 0xff)) <= 2 && Math.abs((a >> 8 & 0xff) - (b >> 8 & 0xff)) <= 2
                    && Math.abs((a & 0xff) - (b & 0xff)) <= 2) {
                    same++;
                }
            }
        }
        return new int[] {same, expected.getWidth() * expected.getHeight(), colours.size()};
    }

    private static <T> T onEdt(Supplier<T> s) {
        AtomicReference<T> out = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> out.set(s.get()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
        return out.get();
    }
}
