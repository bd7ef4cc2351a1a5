package org.isosamp.topcat;

import static org.isosamp.topcat.TopcatActivationProbe.call;

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
 * on a row ({@code TopcatModel.highlightRow}) must bring up the observation's postcard; set to "load tables", a click
 * on a spectrum's row must add the STANDALONE spectrum to TOPCAT's table list. One line per fact, for
 * {@link IsoProductActivationTopcatTest}:
 * <pre>
 * ready ACTIVATOR|MESSAGE      the action, set to show the postcard, has an activator (else TOPCAT's message)
 * postcard TITLE SHOWING       the window that came up titled with the row's TDT, and whether it shows
 * icon W H                     the size of the image it shows
 * pixels MATCHED TOTAL COLOURS what is on the screen where the image is: pixels equal (±2 per channel) to the
 *                              archive's postcard, of how many, and how many colours (a blank area has one)
 * shown                        the caller takes its screenshot, then writes "go" to stdin
 * table LABEL ROWS             each table the "load tables" activation added to ControlWindow's list
 * tables N                     how many tables TOPCAT's list then holds
 * done
 * </pre>
 * Arguments: the table file, the archive's URL, the folder, the postcard row (0-based), the archive's postcard as
 * a PNG file to compare with, the spectrum row.
 */
public final class TopcatPostcardProbe {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private TopcatPostcardProbe() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (Throwable e) {
            // TOPCAT's windows keep the JVM alive: end it, saying why
            System.out.println("failed " + e);
            e.printStackTrace(System.out);
            System.out.flush();
            System.exit(3);
        }
    }

    private static void run(String[] args) throws Exception {
        String tableFile = args[0];
        String archive = args[1];
        Path folder = Path.of(args[2]);
        long postcardRow = Long.parseLong(args[3]);
        BufferedImage expected = ImageIO.read(Path.of(args[4]).toFile());
        long spectrumRow = Long.parseLong(args[5]);
        Class.forName("uk.ac.starlink.topcat.Driver").getMethod("main", String[].class)
            .invoke(null, (Object) new String[] {tableFile});
        Object cw = Class.forName("uk.ac.starlink.topcat.ControlWindow").getMethod("getInstance").invoke(null);
        ListModel<?> tables = (ListModel<?>) call(cw, "getTablesListModel");
        Object model = Await.value(() -> tables.getSize() > 0 ? tables.getElementAt(0) : null, WAIT,
            () -> "the table in TOPCAT's list");
        String tdt = ProductFetch.tdt(cell(model, postcardRow));

        AtomicReference<IsoProductConfigurator> configurator = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            Object w = call(model, "getActivationWindow");
            IsoProductConfigurator c = TopcatActivationProbe.chooseOurs(w);
            configurator.set(c);
            c.apply(settings(model, archive, ProductFetch.Then.POSTCARD, folder));
            System.out.println("ready " + (c.getActivator() != null ? "ACTIVATOR" : c.getConfigMessage()));
            ((Window) w).setVisible(true);
        });
        // a click on the row, as in TOPCAT's table viewer
        SwingUtilities.invokeAndWait(() -> call(model, "highlightRow", postcardRow));
        Window card;
        try {
            card = Await.value(() -> onEdt(() -> windowTitled(tdt)), WAIT, () -> "a window titled " + tdt);
        } catch (AssertionError e) {
            Object outcome = configurator.get().getActivator().activateRow(postcardRow, null);
            throw new AssertionError(e.getMessage() + "; the action's outcome: " + call(outcome, "isSuccess") + " "
                                     + call(outcome, "getMessage"), e);
        }
        Await.until(card::isShowing, WAIT, "the postcard window showing");
        AtomicReference<Rectangle> where = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            System.out.println("postcard " + title(card) + " " + card.isShowing());
            JLabel label = imageLabel(card);
            Icon icon = label == null ? null : label.getIcon();
            System.out.println(icon == null ? "icon none" : "icon " + icon.getIconWidth() + " " + icon.getIconHeight());
            if (icon != null) {
                // JLabel(Icon) centres its icon
                Point p = label.getLocationOnScreen();
                where.set(new Rectangle(p.x + (label.getWidth() - icon.getIconWidth()) / 2,
                    p.y + (label.getHeight() - icon.getIconHeight()) / 2, icon.getIconWidth(), icon.getIconHeight()));
            }
            card.toFront();
        });
        if (where.get() != null) {
            Robot robot = new Robot();
            Rectangle r = where.get();
            AtomicReference<int[]> seen = new AtomicReference<>(new int[] {0, 0, 0});
            try {
                // the window may still be drawing: look until the screen shows the postcard, or the time is up
                Await.until(() -> {
                    int[] m = compare(robot.createScreenCapture(r), expected);
                    seen.set(m);
                    return m[0] == m[1];
                }, Duration.ofSeconds(20), "the postcard on the screen");
            } catch (AssertionError e) {
                // said below, in numbers: the test decides
            }
            int[] m = seen.get();
            System.out.println("pixels " + m[0] + " " + m[1] + " " + m[2]);
        }
        System.out.println("shown");
        System.out.flush();
        // the caller takes its screenshot of the postcard in TOPCAT now
        new BufferedReader(new InputStreamReader(System.in)).readLine();

        int before = tables.getSize();
        SwingUtilities.invokeAndWait(() -> configurator.get().apply(settings(model, archive,
            ProductFetch.Then.LOAD, folder)));
        SwingUtilities.invokeAndWait(() -> call(model, "highlightRow", spectrumRow));
        try {
            Await.until(() -> tables.getSize() > before, WAIT, "a new table in TOPCAT's list after the activation");
        } catch (AssertionError e) {
            Object outcome = configurator.get().getActivator().activateRow(spectrumRow, null);
            throw new AssertionError(e.getMessage() + "; the action's outcome: " + call(outcome, "isSuccess") + " "
                                     + call(outcome, "getMessage"), e);
        }
        // the action adds all of a product's tables in one event: once one is listed, all are
        SwingUtilities.invokeAndWait(() -> {
            for (int i = before; i < tables.getSize(); i++) {
                Object t = tables.getElementAt(i);
                StarTable data = (StarTable) call(t, "getDataModel");
                System.out.println("table " + call(t, "getLabel") + " " + data.getRowCount());
            }
            System.out.println("tables " + tables.getSize());
        });
        System.out.println("done");
        System.out.flush();
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
